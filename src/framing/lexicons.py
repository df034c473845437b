"""Lexicons as versioned data files, validated on load.

A lexicon file is UTF-8 tab-separated text (format in ``lexicons/README.md``
and docs/lexicons.md)::

    # version: 2026.1
    term	layer	category	score	rationale	pattern
    brutal	loaded	evaluative	2	judges cruelty rather than describing an act

Lines starting with ``#`` are comments; the first ``# version:`` line names
the file's version. Every problem is a :class:`LexiconError` that names the
file, the line and the fix.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .tokens import WORD_RE

DEFAULT_DIR = Path(__file__).resolve().parent / "lexicons"
#: The lexicon files shipped with the package (ladders.tsv is an actor-label
#: ladder, read by ``framing.actors``, not a word lexicon).
DEFAULT_FILES = ("loaded.tsv", "hedges.tsv", "boosters.tsv", "attribution.tsv")

#: Layers and their categories. A user file may only use these.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "loaded": ("evaluative", "emotive", "vivid_verb", "dehumanising", "figurative"),
    "hedge": ("modal", "verb", "adverb", "adjective", "noun", "evidential", "phrase"),
    "booster": ("adverb", "adjective", "noun", "verb", "phrase"),
    "attribution": ("neutral", "concessive", "blame", "emphatic", "manner_loaded",
                    "cognitive", "tentative"),
}
#: Context rules an entry may name in its optional ``rule`` column; the
#: annotator applies them (see ``framing.annotate``) to keep precision.
RULES: dict[str, str] = {
    "not_negated": "no hit when followed by not / n't / never ('could not' is not a hedge)",
    "not_month": "no hit for the month ('in May', 'May 5', 'May 2024')",
    "not_place": "no hit when followed by on / in / at / before / alongside ('appeared in court')",
    "speech": "a hit only where the verb introduces speech: followed by that, a colon or a "
              "quotation, next to a quotation, after a named subject ('Iran pledged'), or in "
              "'..., X added.'",
    "judgement": "a hit where the verb reports a judgement: followed by 'as', 'to be' or 'that' "
                 "within five words ('views Israel as a threat'), or where 'speech' holds",
}
#: Attribution classes that count as loaded verbs (the gold schema's ``loaded``).
LOADED_ATTRIBUTION = ("concessive", "blame", "emphatic", "manner_loaded")

LEXICON_COLUMNS = ("term", "layer", "category", "score", "rationale")
OPTIONAL_COLUMNS = ("pattern", "rule")
ENTRY_COLUMNS = ["term", "layer", "category", "score", "rationale", "pattern", "rule",
                 "source", "line"]

_VERSION_RE = re.compile(r"^#\s*version\s*:\s*(\S.*?)\s*$", re.IGNORECASE)


class LexiconError(ValueError):
    """A bad lexicon file: the message names the file, the line and the fix."""


# --- generic table reader (also used for actor-label ladders) -----------------

def read_lexicon_table(path, required_columns, allowed_categories=None,
                       *, optional_columns=()) -> list[dict]:
    """Rows of one tab-separated lexicon-style file, as dicts.

    The first non-comment line is the header and must contain every name in
    ``required_columns``; other columns must be in ``optional_columns`` (when
    that is given as non-empty) or are kept as they are. Each row dict holds
    the cells by column name (stripped strings, ``""`` when empty) plus
    ``source`` (the file path as text), ``line`` (1-based line number) and
    ``version`` (from the ``# version:`` header, or ``None``).
    ``allowed_categories``: if given, every row's ``category`` must be one of
    them. Raises :class:`LexiconError` naming file and line.
    """
    path = Path(path)
    lines, version = _read_lines(path)
    header: list[str] | None = None
    rows: list[dict] = []
    for lineno, raw in lines:
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in raw.rstrip("\r\n").split("\t")]
        if header is None:
            header = [c.lower() for c in cells]
            _check_header(path, lineno, header, required_columns, optional_columns)
            continue
        if len(cells) > len(header) and any(cells[len(header):]):
            raise LexiconError(
                f"{path}:{lineno}: {len(cells)} tab-separated cells but the header has "
                f"{len(header)} ({', '.join(header)}); remove the extra tabs or add a column "
                "to the header")
        cells += [""] * (len(header) - len(cells))
        row = dict(zip(header, cells, strict=False))
        for name in required_columns:
            if name not in ("score", "pattern") and not row[name]:
                raise LexiconError(f"{path}:{lineno}: empty '{name}'; fill it in or delete the row")
        if allowed_categories is not None and "category" in row \
                and row["category"] not in allowed_categories:
            raise LexiconError(
                f"{path}:{lineno}: unknown category '{row['category']}'; use one of "
                f"{', '.join(sorted(allowed_categories))}")
        row.update(source=str(path), line=lineno, version=version)
        rows.append(row)
    if header is None:
        raise LexiconError(
            f"{path}: no header row; the first non-comment line must be the tab-separated "
            f"column names ({chr(9).join(required_columns)})")
    return rows


def _read_lines(path: Path) -> tuple[list[tuple[int, str]], str | None]:
    if not path.is_file():
        raise LexiconError(f"{path}: no such lexicon file; check the path")
    data = path.read_bytes()
    if not data.strip():
        raise LexiconError(f"{path}: the file is empty; it needs a header row and entries")
    if b"\x00" in data[:4096]:
        raise LexiconError(f"{path}: looks binary (NUL bytes); a lexicon is UTF-8 tab-separated text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        lineno = data[:err.start].count(b"\n") + 1
        raise LexiconError(
            f"{path}:{lineno}: not valid UTF-8 (byte {err.start}); save the file as UTF-8") from None
    version = None
    lines = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        match = _VERSION_RE.match(line.strip())
        if match and version is None:
            version = match.group(1)
        lines.append((lineno, line))
    return lines, version


def _check_header(path, lineno, header, required, optional) -> None:
    missing = [c for c in required if c not in header]
    if missing:
        raise LexiconError(
            f"{path}:{lineno}: header lacks column(s) {', '.join(missing)}; the header row must "
            f"name the tab-separated columns {', '.join(required)}")
    dupes = sorted({c for c in header if header.count(c) > 1})
    if dupes:
        raise LexiconError(f"{path}:{lineno}: column(s) {', '.join(dupes)} named twice in the header")
    if optional:
        unknown = [c for c in header if c not in required and c not in optional]
        if unknown:
            raise LexiconError(
                f"{path}:{lineno}: unknown column(s) {', '.join(unknown)}; allowed are "
                f"{', '.join(list(required) + list(optional))}")


# --- word lexicons -------------------------------------------------------------

@dataclass(frozen=True, repr=False)
class Lexicons:
    """All lexicon entries in use: ``entries`` (one row per entry, with the
    file and line it came from) and ``version`` (one ``name=version`` per file)."""

    entries: pd.DataFrame
    version: str

    def __len__(self) -> int:
        return len(self.entries)

    def layer(self, name: str) -> pd.DataFrame:
        """Entries of one layer."""
        return self.entries[self.entries["layer"] == name]

    def __repr__(self) -> str:
        counts = self.entries["layer"].value_counts().to_dict()
        return f"Lexicons({len(self.entries)} entries {counts}, version {self.version!r})"


def default_lexicon_paths() -> list[Path]:
    """The lexicon files shipped with the package."""
    return [DEFAULT_DIR / name for name in DEFAULT_FILES]


def load_lexicons(paths=None, *, include_default: bool = True) -> Lexicons:
    """Load and validate lexicon files: the package's own (unless
    ``include_default=False``) plus ``paths`` (one path or a list)."""
    if isinstance(paths, str | Path):
        paths = [paths]
    files = (default_lexicon_paths() if include_default else []) + [Path(p) for p in paths or []]
    if not files:
        raise LexiconError("no lexicon files: pass paths or keep include_default=True")
    entries: list[dict] = []
    versions: list[str] = []
    seen: dict[tuple[str, str], dict] = {}
    for path in files:
        rows = read_lexicon_table(path, LEXICON_COLUMNS, optional_columns=OPTIONAL_COLUMNS)
        versions.append(f"{Path(path).name}={rows[0]['version'] if rows else None}")
        for row in rows:
            entry = validate_entry(row)
            reject_duplicate(seen, (entry["layer"], normalise_term(entry["term"])), entry,
                             f"{path}:{row['line']}", f"{entry['layer']} entry")
            entries.append(entry)
    frame = pd.DataFrame.from_records(entries, columns=ENTRY_COLUMNS)
    return Lexicons(entries=frame, version="; ".join(versions))


def reject_duplicate(seen: dict, key, entry: dict, where: str, what: str) -> None:
    """Record ``entry`` under ``key``; a second entry with the same key is a
    LexiconError naming both places (shared by every lexicon-like file)."""
    if key in seen:
        first = seen[key]
        raise LexiconError(f"{where}: duplicate {what} '{entry['term']}' (first at "
                           f"{first['source']}:{first['line']}); delete one of them")
    seen[key] = entry


def normalise_term(term: str) -> str:
    """The lookup key of a term or a matched text: lower case, single spaces,
    straight apostrophes."""
    return " ".join(term.replace("\u2019", "'").lower().split())


def validate_entry(row: dict) -> dict:
    """One checked entry (``ENTRY_COLUMNS``) from a table row; raises
    :class:`LexiconError` naming file and line."""
    where = f"{row['source']}:{row['line']}"
    layer, category, term = row["layer"], row["category"], row["term"]
    if layer not in CATEGORIES:
        raise LexiconError(f"{where}: unknown layer '{layer}'; use one of {', '.join(CATEGORIES)}")
    if category not in CATEGORIES[layer]:
        raise LexiconError(f"{where}: unknown {layer} category '{category}'; use one of "
                           f"{', '.join(CATEGORIES[layer])}")
    if not row.get("rationale"):
        raise LexiconError(f"{where}: '{term}' has no rationale; say in a few words why it belongs")
    score = _parse_score(row.get("score", ""), where, layer)
    pattern = row.get("pattern", "") or ""
    rule = row.get("rule", "") or ""
    if rule and rule not in RULES:
        raise LexiconError(f"{where}: unknown rule '{rule}'; use one of {', '.join(RULES)} "
                           "or leave it empty")
    if pattern:
        _check_pattern(pattern, term, where)
    else:
        _check_tokenizable(term, where)
    return {"term": term, "layer": layer, "category": category, "score": score,
            "rationale": row["rationale"], "pattern": pattern or None, "rule": rule or None,
            "source": row["source"], "line": row["line"]}


def _parse_score(text: str, where: str, layer: str) -> float:
    if not text:
        if layer == "loaded":
            raise LexiconError(f"{where}: loaded entries need an intensity score 1, 2 or 3")
        return math.nan
    try:
        score = float(text)
    except ValueError:
        raise LexiconError(f"{where}: score '{text}' is not a number; write e.g. 2 or leave it empty") from None
    if not math.isfinite(score):
        raise LexiconError(f"{where}: score '{text}' is not a finite number")
    if layer == "loaded" and score not in (1.0, 2.0, 3.0):
        raise LexiconError(f"{where}: loaded intensity must be 1, 2 or 3, not '{text}'")
    return score


def _check_tokenizable(term: str, where: str) -> None:
    """A literal term must be whole words of the tokenizer, or it can never match."""
    words = term.split()
    tokens = WORD_RE.findall(term)
    if words != tokens:
        hint = " ".join(tokens) if tokens else "(nothing)"
        raise LexiconError(
            f"{where}: the tokenizer splits '{term}' as '{hint}', so the entry can never match "
            "as written; drop leading/trailing punctuation, or give a regex in the 'pattern' column")


def pattern_source(pattern: str) -> str:
    """A lexicon ``pattern`` as regex source: a plain space between words
    means any run of whitespace."""
    return re.sub(r"(?<!\\) ", r"\\s+", pattern)


def _check_pattern(pattern: str, term: str, where: str) -> None:
    try:
        compiled = re.compile(pattern_source(pattern), re.IGNORECASE)
    except re.error as err:
        raise LexiconError(f"{where}: bad regex pattern '{pattern}': {err}; fix the pattern") from None
    if compiled.groups:
        raise LexiconError(f"{where}: pattern '{pattern}' has capturing groups; write (?:...) instead")
    if compiled.fullmatch(""):
        raise LexiconError(f"{where}: pattern '{pattern}' matches the empty string; make it require words")
    if not compiled.fullmatch(term.replace("\u2019", "'")):
        raise LexiconError(
            f"{where}: pattern '{pattern}' does not match its own term '{term}'; the term should "
            "be one example the pattern matches")
