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


# The last text lower-cased and the last one-byte copy: voice and annotate
# ask for the same article's in turn (one entry each, so bounded; the text is
# compared by identity).
_last_lowered: list = [None, None]
_last_one_byte: list = [None, None]


def lowered(text: str) -> str:
    """``text.lower()`` (the same string object when asked again for the
    same text object, so that :func:`one_byte_per_char` of it is reused)."""
    if _last_lowered[0] is not text:
        _last_lowered[:] = text, text.lower()
    return _last_lowered[1]


def one_byte_per_char(text: str) -> bytes:
    """``text`` with one byte per character, for vectorised scans that only
    look at ASCII: ASCII and Latin-1 characters stay, ’ becomes ', anything
    else becomes ?."""
    if _last_one_byte[0] is not text:
        _last_one_byte[:] = text, text.replace("’", "'").encode("latin-1", "replace")
    return _last_one_byte[1]


# WORD_RE's character classes by byte (for bytes.translate in vectorised scans):
# 1 letter or digit, 2 joiner, 0 other.
WORD_CLASS = bytes(1 if chr(i) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                    else 2 if chr(i) in "'.,-" else 0 for i in range(256))


# The last text's word starts: segment, voice and features ask for the same
# article's in turn (one entry, so bounded; the text is compared by identity).
_last_word_starts: list = [None, None]


def word_starts(text: str) -> np.ndarray:
    """Start offsets of every word, as an int array (for voice lookups; a new
    array on every call).

    Vectorised instead of running WORD_RE: a word starts at a letter or digit
    that continues no earlier word, i.e. whose previous character is neither
    a letter/digit nor a joiner right after a letter/digit (WORD_RE's greedy
    matches end exactly where that pattern stops)."""
    last_text, starts = _last_word_starts
    if last_text is not text:
        classes = np.frombuffer(one_byte_per_char(text).translate(WORD_CLASS), dtype=np.uint8)
        alnum = classes == 1
        continues = np.zeros(len(classes), dtype=bool)
        continues[1:] = alnum[:-1]
        continues[2:] |= (classes[1:-1] == 2) & alnum[:-2]
        starts = np.flatnonzero(alnum & ~continues).astype(np.int64, copy=False)
        _last_word_starts[:] = text, starts
    return starts.copy()


def count_words(text: str) -> int:
    """Number of words in ``text``."""
    return len(WORD_RE.findall(text))
