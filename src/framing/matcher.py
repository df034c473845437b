"""Find every lexicon term in a text with one compiled pattern.

Literal terms are folded into a character trie and emitted as ONE regular
expression (shared prefixes factored out, longer continuations tried first),
so a 6 KB article is scanned once instead of once per entry. Entries given as
regex ``pattern`` are a second alternation. Both scans are merged
leftmost-first, longest-first, without overlaps.

Matching is case-insensitive, whitespace between words is flexible (any run
of whitespace, including line breaks), a straight apostrophe in a term also
matches a curly one, and a hit must start and end on the boundaries of
``framing.tokens.WORD_RE`` words (so "known" never matches inside
"well-known"); a possessive ’s after a term is allowed and left outside the
hit.

The regex engine tries a pattern at every character of the text, and a
pattern that opens with a look-behind pays for it at every character. Terms
that start with a letter or digit can only start where a word starts, so
:class:`WordStartScanner` tries its pattern only at the words a term could
start with: :class:`WordIndex` keys every word of an article by its first
run of letters and digits and the run after it, in one vectorised pass
shared by every scanner.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd

from .lexicons import normalise_term, pattern_source
from .tokens import WORD_CLASS, lowered, one_byte_per_char

# Word boundaries of the tokenizer: a word is [A-Za-z0-9]+ runs joined by one
# of ’ ' . , - ; a hit may neither continue nor be continued by such a run.
_JOINERS = "\u2019'.,\\-"
_START = rf"(?<![A-Za-z0-9])(?<![A-Za-z0-9][{_JOINERS}])"
_END = (rf"(?:(?![A-Za-z0-9])(?![{_JOINERS}][A-Za-z0-9])"
        r"|(?=['\u2019]s(?![A-Za-z0-9])))")


# Lower-casing that never changes the length of the text (str.lower can:
# "İ" becomes two characters), so offsets stay valid.
_LOWER = {c: ord(ch.lower()) for c in range(0x250)
          if len(ch := chr(c).lower()) == 1 and ch != chr(c)}


def lower_same_length(text: str) -> str:
    """``text`` lower-cased with every character at its place."""
    lower = lowered(text)  # lower-casing never shortens a text
    return lower if len(lower) == len(text) else text.translate(_LOWER)


class WordIndex:
    """The words of one lower-cased text (``WORD_RE`` words, found on
    :func:`framing.tokens.one_byte_per_char` in one vectorised pass):
    ``starts`` and ``ends`` (int arrays), and per word the hash slot of its
    first run of letters and digits (``first``) and of that run with the next
    one (``pair``). A term matched at a word start has the same runs there,
    so a word whose slots no term has needs no regex (equal slots may still
    differ: the regex decides)."""

    __slots__ = ("text", "starts", "ends", "first", "pair", "runs")

    def __init__(self, text: str):
        self.text = text
        raw = one_byte_per_char(text)
        # padded[i + 2] is character i's class (1 letter or digit, 2 joiner)
        padded = b"\0\0" + raw.translate(WORD_CLASS) + b"\0"
        alnum = np.frombuffer(padded, dtype=np.uint8) == 1
        # runs of letters and digits start and end where alnum changes
        # (padded with a non-letter at both ends: starts and ends alternate)
        edges = np.flatnonzero(alnum[2:] != alnum[1:-1])
        run_starts, run_ends = edges[0::2], edges[1::2]
        self.runs = len(run_starts)
        # a run continues a word after a joiner that follows a letter or
        # digit: the classes of the two characters before it, read as one
        # little-endian uint16, are 1 and 2
        before = np.ndarray((len(padded) - 1,), dtype="<u2", buffer=padded, strides=(1,))
        words = np.flatnonzero(before[run_starts] != _LETTER_THEN_JOINER)
        self.starts = run_starts[words]
        # a word's last run is the one before the next word's first run
        self.ends = np.concatenate((run_ends[words[1:] - 1], run_ends[-1:]))
        keys = np.concatenate((_run_keys(raw, run_starts, run_ends - run_starts), _NO_KEY))
        first = keys[words]
        self.first = _slots(first)
        self.pair = _slots(first * _PAIR_MIX + keys[words + 1])


_LETTER_THEN_JOINER = 1 | 2 << 8
_NO_KEY = np.zeros(1, dtype=np.uint64)  # the run after the last one


# A run's key is its first eight bytes; a key's slot, the top bits of a
# multiplicative hash, indexes a scanner's table of the slots its terms have
# (a table lookup: a binary search in a sorted array costs far more).
# uint64 arithmetic wraps.
_MASKS = np.array([(1 << 8 * n) - 1 for n in range(9)], dtype=np.uint64)
_PAIR_MIX = np.uint64(0xC2B2AE3D27D4EB4F)
_SLOT_MIX = np.uint64(0x9E3779B97F4A7C15)
_SLOT_BITS = 18  # few slots shared by chance with thousands of terms


def _run_keys(raw: bytes, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    # every byte offset as the start of an (unaligned) 8-byte word
    words = np.ndarray((len(raw),), dtype="<u8", buffer=raw + bytes(8), strides=(1,))
    return words[starts] & _MASKS[np.minimum(lengths, 8)]


def _slots(keys: np.ndarray) -> np.ndarray:
    # as signed indices: numpy converts uint64 indices before every gather
    return ((keys * _SLOT_MIX) >> np.uint64(64 - _SLOT_BITS)).view(np.intp)


class WordStartScanner:
    """The matches of ``_START + body`` in a text (``regex``, its compiled
    pattern), leftmost first and without overlaps, as (start, end) pairs.
    ``body`` ends where no letter or digit follows (``_END`` or a look-ahead
    for a non-word character); ``terms`` are the lower-case terms it matches.
    When every term starts with a letter or digit, a match starts at a word
    whose run slots (:class:`WordIndex`) some term has, and the pattern is
    tried only there."""

    def __init__(self, body: str, terms):
        self.regex = re.compile(_START + body)
        word_initial = bool(terms) and all(t[:1].isascii() and t[:1].isalnum() for t in terms)
        self._slots = _term_slots(terms) if word_initial else None

    def spans(self, text: str, words: WordIndex | None = None) -> list[tuple[int, int]]:
        """``words``: the text's :class:`WordIndex`, if already built."""
        if self._slots is None:
            return [m.span() for m in self.regex.finditer(text)]
        if words is None:
            words = WordIndex(text)
        maybe = self._slots[words.first] | self._slots[words.pair]
        found = []
        after = 0
        match = self.regex.match
        for start in words.starts[maybe].tolist():
            if start < after:
                continue  # inside the previous match
            m = match(text, start)
            if m is not None:
                found.append(m.span())
                after = m.end()
        return found


def _term_slots(terms) -> np.ndarray:
    """Which slots the terms' first words have (a table of booleans): the
    first run's of a one-run term, the first two runs' of a longer one."""
    table = np.zeros(1 << _SLOT_BITS, dtype=bool)
    for term in terms:
        words = WordIndex(term)
        table[words.first[0] if words.runs == 1 else words.pair[0]] = True
    return table


class Hit(NamedTuple):
    """One match: offsets into the text and every entry it stands for (one
    per layer when a term is in several layers). A named tuple: an article
    has dozens, and a frozen dataclass takes twice as long to build."""

    start: int
    end: int
    entries: tuple[dict, ...]


class Matcher:
    """All entries of a lexicon table compiled once; ``find(text)`` returns
    the hits in text order. Entries are dicts with at least ``term`` and
    ``pattern`` (``None`` for a literal term)."""

    def __init__(self, entries: pd.DataFrame | list[dict]):
        records = entries.to_dict("records") if isinstance(entries, pd.DataFrame) else list(entries)
        self._by_key: dict[str, list[dict]] = {}
        self._by_group: dict[str, tuple[dict, ...]] = {}
        patterns: list[str] = []
        for entry in records:
            pattern = entry.get("pattern")
            if isinstance(pattern, str) and pattern:
                name = f"p{len(patterns)}"
                self._by_group[name] = (entry,)
                patterns.append(f"(?P<{name}>{pattern_source(pattern)})")
            else:
                self._by_key.setdefault(normalise_term(entry["term"]), []).append(entry)
        self._literal_entries = {k: tuple(v) for k, v in self._by_key.items()}
        # literal terms run on a lower-cased copy of the text (same length),
        # which is several times faster than re.IGNORECASE over a large trie
        self._literal_scanner = (WordStartScanner("(?:" + trie_regex(self._by_key) + ")" + _END,
                                                  self._by_key) if self._by_key else None)
        self.literal_regex = self._literal_scanner.regex if self._by_key else None
        self.pattern_regex = (re.compile(r"\b" + _START + "(?:" + "|".join(patterns) + ")" + _END,
                                         re.IGNORECASE) if patterns else None)

    def find(self, text: str, words: WordIndex | None = None) -> list[Hit]:
        """Non-overlapping hits, leftmost first, the longest at each place.
        ``words``: the :class:`WordIndex` of ``lower_same_length(text)``, if
        already built."""
        hits: list[Hit] = []
        if self._literal_scanner is not None:
            entries = self._literal_entries
            low = lower_same_length(text) if words is None else words.text
            for start, end in self._literal_scanner.spans(low, words):
                # most hits are written as their key: skip normalising those
                key = low[start:end]
                hits.append(Hit(start, end, entries.get(key) or entries[normalise_term(key)]))
        if self.pattern_regex is None:
            return hits
        for m in self.pattern_regex.finditer(text):
            hits.append(Hit(m.start(), m.end(), self._by_group[m.lastgroup]))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[Hit] = []
        for hit in hits:
            if not kept or hit.start >= kept[-1].end:
                kept.append(hit)
        return kept


def trie_regex(terms, *, after_first: str = "") -> str:
    """One regex matching exactly the given (normalised, lower-case) terms,
    as a trie: shared prefixes are written once and longer continuations
    come first, so the regex engine finds the longest term at each place.
    ``after_first`` is inserted after the first character of every term."""
    trie: dict = {}
    for term in terms:
        node = trie
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}  # end of a term
    return _emit(trie, after_first)


def _atom(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "'":
        return "['\u2019]"
    return re.escape(char)


def _emit(node: dict, after_first: str = "") -> str:
    ends_here = "" in node
    branches = []
    for char in sorted(c for c in node if c):
        child = node[char]
        # follow single-child chains so "according to" is one literal run
        run = _atom(char) + after_first
        while len(child) == 1 and "" not in child:
            (next_char, child), = child.items()
            run += _atom(next_char)
        branches.append(run + _emit(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # a term ending here is the shorter alternative: try the continuation first
    return f"(?:{body})?" if ends_here else body
