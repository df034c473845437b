"""The one word tokenizer every count in the toolkit uses.

A word is a run of letters/digits that may contain inner apostrophes, periods,
commas, or hyphens ("al-Assad", "Assad’s", "3,000", "U.S"), so rates and
denominators agree with the gold annotations' tokeniser.
"""

from __future__ import annotations

import re

import numpy as np

WORD_RE = re.compile(r"[A-Za-z0-9]+(?:[\u2019'.,\-][A-Za-z0-9]+)*")


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of every word in ``text``."""
    return [m.span() for m in WORD_RE.finditer(text)]


# Character classes of WORD_RE, by code point (ASCII only; the joiners' one
# non-ASCII member, ’, is checked apart).
_ALNUM = np.zeros(129, dtype=bool)
_ALNUM[[ord(c) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"]] = True
_JOINER = np.zeros(129, dtype=bool)
_JOINER[[ord(c) for c in "'.,-"]] = True


def word_starts(text: str) -> np.ndarray:
    """Start offsets of every word, as an int array (for voice lookups).

    Vectorised instead of running WORD_RE: a word starts at a letter or digit
    that continues no earlier word, i.e. whose previous character is neither
    a letter/digit nor a joiner right after a letter/digit (WORD_RE's greedy
    matches end exactly where that pattern stops)."""
    if not text:
        return np.zeros(0, dtype=np.int64)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    ascii_codes = np.minimum(codes, 128)
    alnum = _ALNUM[ascii_codes]
    joiner = _JOINER[ascii_codes] | (codes == 0x2019)
    continues = np.zeros(len(codes), dtype=bool)
    continues[1:] = alnum[:-1]
    continues[2:] |= joiner[1:-1] & alnum[:-2]
    return np.flatnonzero(alnum & ~continues).astype(np.int64, copy=False)


def count_words(text: str) -> int:
    """Number of words in ``text``."""
    return sum(1 for _ in WORD_RE.finditer(text))
