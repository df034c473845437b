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
from bisect import bisect_left
from functools import lru_cache

import numpy as np

from .speakers import SPEECH_VERBS
from .tokens import count_words, last_text_cache, word_starts

# Candidate sentence ends: terminal punctuation, then closing marks, then
# space and (group 1) the next character, which a lower-case ASCII letter can
# never be (it starts no sentence: ruled out here, not per match).
_END_RE = re.compile(r"[.!?…][.!?…\"”’'\)\]]*(?=\s+([^\sa-z]))")
# A paragraph: a line trimmed of whitespace (re's \s is exactly str.isspace).
_PARAGRAPH_RE = re.compile(r"\S(?:[^\n]*\S)?")
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


def _is_boundary(text: str, match: re.Match, start: int, end: int) -> bool:
    """Whether the candidate end ``match`` inside the paragraph
    ``text[start:end]`` ends a sentence."""
    i = match.start(1)
    nxt = text[i]
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'([—–-•"):
        return False
    punct = match.group(0)
    if punct[-1] in "\"”’'" and ("?" in punct or "!" in punct):
        tag = _TAG_AFTER_RE.match(text, i, end)
        if tag and tag.group(1).lower() in SPEECH_VERBS:
            return False  # “Get back!” West said.
    if not punct.startswith(".") or punct.startswith("..."):
        return True
    mark = match.start()
    space = text.rfind(" ", start, mark)
    if space < 0:
        space = start - 1
    # the last space or line break before the mark (a break only after that space)
    brk = text.rfind("\n", space + 1, mark)
    token = text[(brk if brk > space else space) + 1:mark].lstrip("\"“‘'([")
    kind = _period_token_kind(token)
    if kind == _ENDS:
        return True
    if kind == _NOT_END:
        return False
    if kind == _UNLESS_DIGIT:
        return not nxt.isdigit()
    if kind == _NUMBER:
        return bool(text[start:mark - len(token)].strip())  # list numbering: "1. The bun."
    first_word = _FIRST_WORD_RE.match(text, i, end)  # after an acronym
    return bool(first_word) and first_word.group(1).lower() in _SENTENCE_STARTERS


# What a period right after a token says, by token: it ends the sentence, it
# does not, it does unless a digit follows ("No. 3"), unless the number
# starts the line (list numbering), or (an acronym) when an ordinary sentence
# starter follows. Cached: the words before periods recur across articles.
_ENDS, _NOT_END, _UNLESS_DIGIT, _NUMBER, _ACRONYM = range(5)


@lru_cache(maxsize=100_000)
def _period_token_kind(token: str) -> int:
    bare = token.lower().rsplit("-", 1)[-1].rstrip(".")  # "Maj.-Gen" -> "gen"
    if bare in ("no", "nos", "p", "pp", "vol", "art", "fig", "ch", "para", "op"):
        return _UNLESS_DIGIT
    if bare in _ABBREVIATIONS:
        return _NOT_END
    if token.isdigit():
        return _NUMBER
    if len(token) == 1 and token.isalpha() and token.isupper():
        return _NOT_END  # an initial: "John F. Kennedy"
    if _ACRONYM_RE.match(token):
        return _ACRONYM
    return _ENDS  # also for no token at all


def mark_positions(text: str, chars: str) -> list[int]:
    """Sorted offsets of every one of ``chars`` in ``text`` (str.find runs
    many times faster than a regex scan for a character class)."""
    found = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    return found


_TERMINAL_MARKS = ".!?…"  # where _END_RE can match


def _sentence_bounds(text: str, start: int, end: int, marks: list[int]) -> list[int]:
    """Start and end of each sentence in turn (one flat list) of the paragraph
    ``text[start:end]``, given the offsets of its terminal marks in order.

    _END_RE is tried at each mark, as its scan would (matches stop at
    ``end``, as in a slice; the scan resumes after a match). A sentence ends
    with its punctuation and the next one starts at the first character after
    the spaces that follow it, so when the paragraph's bounds are trimmed of
    whitespace no sentence needs trimming."""
    bounds = [start]
    resume = start
    for pos in marks:
        if pos < resume or (match := _END_RE.match(text, pos, end)) is None:
            continue
        resume = match.end()
        if _is_boundary(text, match, start, end):
            bounds.append(resume)
            bounds.append(match.start(1))
    bounds.append(end)
    return bounds


def split_sentences(line: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph, trimmed of whitespace."""
    bounds = _sentence_bounds(line, 0, len(line), mark_positions(line, _TERMINAL_MARKS))
    # only the line's own leading and trailing spaces need trimming (a
    # paragraph of the text has none)
    return [t for s, e in zip(bounds[0::2], bounds[1::2], strict=True) if (t := _trimmed(line, s, e))]


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
    """(start, end) of every non-blank line (a paragraph), trimmed of whitespace
    (a new list on every call)."""
    return _paragraph_spans(text).copy()


@last_text_cache  # segment and quotes ask for the same article's in turn
def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PARAGRAPH_RE.finditer(text)]


def paragraph_zones(text: str, title: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, zone) of every non-blank line, offsets trimmed."""
    lines = paragraph_spans(text)
    zones = []
    lede_done = False
    title_norm = _normalize(title) if isinstance(title, str) and title.strip() else None
    for i, (s, e) in enumerate(lines):
        if i == 0 and len(lines) > 1 and (
                (title_norm is not None and _normalize(text[s:e]) == title_norm)
                or _looks_like_headline(text[s:e])):
            zone = "headline"
        # a line ending like a sentence is no heading (tested before slicing it)
        elif (i > 0 and i + 1 < len(lines) and text[e - 1] not in _SENTENCE_FINAL
              and _looks_like_heading(text[s:e])):
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
    bounds = []  # start, end of each sentence in turn
    owners = []  # (paragraph, zone) of each sentence
    # every mark stands inside a paragraph (only whitespace lies between them)
    marks = mark_positions(text, _TERMINAL_MARKS)
    first = 0
    for paragraph, (p_start, p_end, zone) in enumerate(paragraph_zones(text, title)):
        last = bisect_left(marks, p_end, first)
        if last == first:  # no mark: the paragraph is one sentence
            bounds += (p_start, p_end)
            owners.append((paragraph, zone))
            continue
        paragraph_bounds = _sentence_bounds(text, p_start, p_end, marks[first:last])
        first = last
        bounds += paragraph_bounds
        owners += [(paragraph, zone)] * (len(paragraph_bounds) // 2)
    # A sentence starts after a space (or at the text's start), so no word
    # runs into it: its words are the words starting inside it.
    ranks = word_starts(text).searchsorted(np.array(bounds, dtype=np.int64)).tolist()
    return [{"doc_id": doc_id, "sent_id": k, "start": start, "end": end,
             "paragraph": paragraph, "zone": zone, "n_words": end_rank - start_rank,
             "share_own": math.nan, "share_reported": math.nan, "share_quoted": math.nan}
            for k, ((paragraph, zone), start, end, start_rank, end_rank)
            in enumerate(zip(owners, bounds[0::2], bounds[1::2], ranks[0::2], ranks[1::2], strict=True))]
