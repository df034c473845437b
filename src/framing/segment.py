"""Sentences and zones (headline / lede / body / heading), fast and regex-based.

A paragraph is a line. Sentences never cross a line break, so a headline or a
section heading without final punctuation is its own sentence. Inside a line a
sentence ends at ``.``, ``!``, ``?`` or an ellipsis (plus any closing quotes or
brackets) followed by whitespace and a capital, digit or opening mark, unless
the period belongs to an abbreviation ("Gen.", "Dr.", "No. 3", initials) or a
dotted acronym ("U.S.") that is followed by an ordinary word.
"""

from __future__ import annotations

import math
import re

import numpy as np

from .speakers import SPEECH_VERBS
from .tokens import count_words, word_starts

# Candidate sentence ends: terminal punctuation, then closing marks, then space.
_END_RE = re.compile(r"[.!?…][.!?…\"”’'\)\]]*(?=\s)")
# A speech tag right after a quote: "West said", "the minister asked".
_TAG_AFTER_RE = re.compile(r"(?:(?:the|a|an)\s+)?(?:[\w’'.\-]+\s+){0,2}?([a-z]+)\b")
_FIRST_WORD_RE = re.compile(r"[\"“‘'(]*([A-Za-z]+)")
_ACRONYM_RE = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")

def _split(words: str) -> list[str]:
    return words.split()


# Abbreviations whose period does not end a sentence (lower case, no dot).
_ABBREVIATIONS = frozenset(_split("""
mr mrs ms dr prof sr jr st mt ft rev fr hon gen maj col lt capt cpt sgt cpl pvt
adm cmdr cdr brig gov govs sen sens rep reps pres supt insp det amb messrs mme mlle sec
inc corp co ltd llc bros dept univ assn est approx vs etc al cf ca
jan feb mar apr jun jul aug sep sept oct nov dec
no nos vol pp p fig art sec ch para op
"""))

# After a dotted acronym ("U.S."), a sentence starts only with one of these.
_SENTENCE_STARTERS = frozenset(_split("""
the a an this that these those it its he she they we i you his her their our
but and or so yet in on at for by with from as if when while after before
however meanwhile still also there here then now some many most all both
"""))

# A headline/heading line does not end like a sentence of running text.
_SENTENCE_FINAL = ".:;,\"”’'…"


def _no_final_punct(line: str) -> bool:
    last = line.rstrip()[-1:]
    return bool(last) and last not in _SENTENCE_FINAL
_MAX_HEADLINE_WORDS = 25
_MAX_HEADING_WORDS = 12
_NORMALIZE_RE = re.compile(r"[\W_]+")


def _is_boundary(line: str, match: re.Match) -> bool:
    """Whether the candidate end ``match`` inside ``line`` ends a sentence."""
    n = len(line)
    i = match.end()
    while i < n and line[i].isspace():
        i += 1
    if i >= n:
        return False
    nxt = line[i]
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'([—–-•"):
        return False
    punct = match.group(0)
    if punct[-1] in "\"”’'" and ("?" in punct or "!" in punct):
        tag = _TAG_AFTER_RE.match(line, i)
        if tag and tag.group(1).lower() in SPEECH_VERBS:
            return False  # “Get back!” West said.
    if not punct.startswith(".") or punct.startswith("..."):
        return True
    space = line.rfind(" ", 0, match.start())
    # the last space or line break before the mark (a break only after that space)
    token = line[max(space, line.rfind("\n", space + 1, match.start())) + 1:
                 match.start()].lstrip("\"“‘'([")
    if not token:
        return True
    bare = token.lower().rsplit("-", 1)[-1].rstrip(".")  # "Maj.-Gen" -> "gen"
    if bare in ("no", "nos", "p", "pp", "vol", "art", "fig", "ch", "para", "op"):
        return not nxt.isdigit()
    if bare in _ABBREVIATIONS:
        return False
    if token.isdigit() and not line[:match.start() - len(token)].strip():
        return False  # list numbering: "1. The bun."
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: "John F. Kennedy"
    if _ACRONYM_RE.match(token):
        first_word = _FIRST_WORD_RE.match(line, i)
        return bool(first_word) and first_word.group(1).lower() in _SENTENCE_STARTERS
    return True


def split_sentences(line: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph, trimmed of whitespace."""
    spans = []
    start = 0
    for match in _END_RE.finditer(line):
        if _is_boundary(line, match):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(line)))
    return [t for s, e in spans if (t := _trimmed(line, s, e))]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) without surrounding whitespace; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _normalize(text: str) -> str:
    return _NORMALIZE_RE.sub(" ", text).strip().casefold()


def _looks_like_headline(line: str) -> bool:
    return (len(line) < 40 * _MAX_HEADLINE_WORDS and _no_final_punct(line)
            and count_words(line) <= _MAX_HEADLINE_WORDS)


def _looks_like_heading(line: str) -> bool:
    """Short line without sentence-final period: "Missing friends",
    "A relationship worth saving?"."""
    stripped = line.strip().lstrip("#*• ").strip()
    if (not stripped or len(stripped) > 30 * _MAX_HEADING_WORDS
            or not (stripped[0].isupper() or stripped[0].isdigit())
            or not _no_final_punct(stripped)):
        return False
    return 0 < count_words(stripped) <= _MAX_HEADING_WORDS


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line (a paragraph), trimmed of whitespace."""
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line and (t := _trimmed(text, start, end)):
            spans.append(t)
        start = end + 1
    return spans


def paragraph_zones(text: str, title: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, zone) of every non-blank line, offsets trimmed."""
    lines = paragraph_spans(text)
    zones = []
    lede_done = False
    title_norm = _normalize(title) if isinstance(title, str) and title.strip() else None
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        if i == 0 and len(lines) > 1 and (
                (title_norm is not None and _normalize(line) == title_norm)
                or _looks_like_headline(line)):
            zone = "headline"
        elif i > 0 and _looks_like_heading(line) and i + 1 < len(lines):
            zone = "heading"
        elif not lede_done:
            zone = "lede"
            lede_done = True
        else:
            zone = "body"
        zones.append((s, e, zone))
    return zones


def segment_document(doc_id: str, text: str, title: str | None = None) -> list[dict]:
    """Sentence records (``schema.SENTENCE_COLUMNS``; ``share_*`` left NaN for
    the voice stage to fill)."""
    if not isinstance(text, str):
        raise TypeError(f"segment_document({doc_id!r}): text must be a str, got {type(text).__name__}")
    sentences = [(paragraph, zone, p_start + s, p_start + e)
                 for paragraph, (p_start, p_end, zone) in enumerate(paragraph_zones(text, title))
                 for s, e in split_sentences(text[p_start:p_end])]
    # A sentence starts after a space (or at the text's start), so no word
    # runs into it: its words are the words starting inside it.
    words = word_starts(text)
    bounds = np.array([(start, end) for _, _, start, end in sentences], dtype=np.int64).reshape(-1, 2)
    n_words = (words.searchsorted(bounds[:, 1]) - words.searchsorted(bounds[:, 0])).tolist()
    return [{"doc_id": doc_id, "sent_id": k, "start": start, "end": end,
             "paragraph": paragraph, "zone": zone, "n_words": count,
             "share_own": math.nan, "share_reported": math.nan, "share_quoted": math.nan}
            for k, ((paragraph, zone, start, end), count) in enumerate(zip(sentences, n_words, strict=True))]
