"""Label ladders: for each kind of actor, the labels a writer can choose,
ordered from delegitimising (score 0) to legitimising (score 1).

A ladder file is a tab-separated lexicon-style table (read with
``framing.lexicons.read_lexicon_table``) with the columns ``term kind class
score use rationale``; the format is documented in docs/events.md. Kinds are
data: a file may add any kind ("protest", "migrant", ...) without code changes.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .lexicons import LexiconError, read_lexicon_table, reject_duplicate
from .tokens import WORD_RE

DEFAULT_LADDERS = Path(__file__).resolve().parent / "lexicons" / "ladders.tsv"
LADDER_COLUMNS = ("term", "kind", "class", "score", "use", "rationale")
#: How a term is used (see docs/events.md).
USES = ("noun", "noun_adj", "adjective", "anaphor")
#: Label classes that come from event files rather than ladders.
NAME_CLASSES = ("name", "leader")
ENTRY_COLUMNS = ["term", "kind", "class", "score", "use", "rationale", "source", "line"]

_IDENT_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True, repr=False)
class Ladders:
    """All ladder entries in use (one row per entry, with file and line)."""

    entries: pd.DataFrame

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.entries["kind"]))

    def classes(self, kind: str) -> pd.DataFrame:
        """The label classes of one kind with their score and ``rank`` (0 = most
        delegitimising; classes off the scale have rank NaN)."""
        rows = self.entries[self.entries["kind"] == kind]
        table = (rows.groupby("class", sort=False)["score"].first().reset_index())
        table = table.sort_values("score", kind="stable", na_position="last").reset_index(drop=True)
        ranks = table["score"].rank(method="dense") - 1
        table["rank"] = ranks
        return table

    def class_names(self, kind: str) -> set[str]:
        return set(self.entries.loc[self.entries["kind"] == kind, "class"])

    def terms(self, kind: str) -> set[str]:
        rows = self.entries[self.entries["kind"] == kind]
        return {normalise(t) for t in rows["term"]}

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        counts = self.entries["kind"].value_counts().to_dict()
        return f"Ladders({len(self.entries)} labels {counts})"


def normalise(term: str) -> str:
    """Lookup key of a term: lower case, straight apostrophes, single spaces."""
    return " ".join(term.replace("\u2019", "'").lower().split())


def load_ladders(paths=None, *, include_default: bool = True) -> Ladders:
    """Load and validate ladder files: the package's own ``ladders.tsv``
    (unless ``include_default=False``) plus ``paths`` (one path or a list).
    Raises :class:`framing.lexicons.LexiconError` naming file and line."""
    if isinstance(paths, str | Path):
        paths = [paths]
    files = ([DEFAULT_LADDERS] if include_default else []) + [Path(p) for p in paths or []]
    if not files:
        raise LexiconError("no ladder files: pass paths or keep include_default=True")
    entries: list[dict] = []
    seen: dict[tuple[str, str], dict] = {}
    class_score: dict[tuple[str, str], dict] = {}
    for path in files:
        for row in read_lexicon_table(path, LADDER_COLUMNS):
            entry = _validate_row(row)
            where = f"{row['source']}:{row['line']}"
            reject_duplicate(seen, (entry["kind"], normalise(entry["term"])), entry, where,
                             f"{entry['kind']} label")
            ckey = (entry["kind"], entry["class"])
            if ckey in class_score:
                other = class_score[ckey]
                same = (math.isnan(other["score"]) and math.isnan(entry["score"])) \
                    or other["score"] == entry["score"]
                if not same:
                    raise LexiconError(
                        f"{where}: class '{entry['class']}' of kind '{entry['kind']}' has score "
                        f"{entry['score']} here but {other['score']} at {other['source']}:"
                        f"{other['line']}; one class sits at one place on the ladder")
            else:
                class_score[ckey] = entry
            entries.append(entry)
    return Ladders(entries=pd.DataFrame.from_records(entries, columns=ENTRY_COLUMNS))


def _validate_row(row: dict) -> dict:
    where = f"{row['source']}:{row['line']}"
    term, kind, cls, use = row["term"], row["kind"], row["class"], row["use"]
    for name, value in (("kind", kind), ("class", cls)):
        if not _IDENT_RE.match(value):
            raise LexiconError(f"{where}: {name} '{value}' must be a lower-case identifier "
                               "(letters, digits, underscores), e.g. non_state_armed")
    if cls in NAME_CLASSES:
        raise LexiconError(f"{where}: class '{cls}' is reserved for names in event files; "
                           "pick another class name")
    if use not in USES:
        raise LexiconError(f"{where}: unknown use '{use}'; use one of {', '.join(USES)}")
    if [m.group() for m in WORD_RE.finditer(term)] != term.split():
        raise LexiconError(
            f"{where}: the tokenizer splits '{term}' as '{' '.join(WORD_RE.findall(term))}', "
            "so the label can never match as written; drop punctuation around the words")
    score = math.nan
    if row["score"]:
        try:
            score = float(row["score"])
        except ValueError:
            raise LexiconError(f"{where}: score '{row['score']}' is not a number; write a value "
                               "from 0 (delegitimising) to 1 (legitimising) or leave it empty") from None
        if not 0.0 <= score <= 1.0:
            raise LexiconError(f"{where}: score {score} is outside 0..1")
    return {"term": term, "kind": kind, "class": cls, "score": score, "use": use,
            "rationale": row["rationale"], "source": row["source"], "line": row["line"]}


def plural(word: str) -> str | None:
    """The regular English plural of a noun's last word, or None when it
    already looks plural or irregular."""
    low = word.lower()
    if low.endswith(("s", "men")):
        return None
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return word[:-1] + "ies"
    if low.endswith(("ch", "sh", "x", "z")):
        return word + "es"
    return word + "s"
