"""The one word tokenizer every count in the toolkit uses.

A word is a run of letters/digits that may contain inner apostrophes, periods,
commas, or hyphens ("al-Assad", "Assad’s", "3,000", "U.S"), so rates and
denominators agree with the gold annotations' tokeniser.
"""

from __future__ import annotations

import functools
import re

import numpy as np

WORD_RE = re.compile(r"[A-Za-z0-9]+(?:[\u2019'.,\-][A-Za-z0-9]+)*")


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of every word in ``text``."""
    return [m.span() for m in WORD_RE.finditer(text)]


def last_text_cache(func):
    """``func(text)`` remembered for the last text it was given: the stages
    ask for the same article's lower case, one-byte copy, word starts and
    paragraphs in turn. One entry, so bounded; the text is compared by
    identity (the reference held keeps its id from being reused), and the
    (text, result) pair is read and replaced whole, so a text is never
    paired with another's result."""
    last: tuple = (None, None)

    @functools.wraps(func)
    def cached(text):
        nonlocal last
        last_text, result = last
        if last_text is not text:
            result = func(text)
            last = (text, result)
        return result

    return cached


@last_text_cache
def lowered(text: str) -> str:
    """``text.lower()`` (the same string object when asked again for the
    same text object, so that :func:`one_byte_per_char` of it is reused)."""
    return text.lower()


@last_text_cache
def one_byte_per_char(text: str) -> bytes:
    """``text`` with one byte per character, for vectorised scans that only
    look at ASCII: ASCII and Latin-1 characters stay, ’ becomes ', anything
    else becomes ?."""
    return text.replace("’", "'").encode("latin-1", "replace")


def has_capital(word: str) -> bool:
    """Whether ``word`` has an upper-case letter (for an ASCII word: whether
    lower-casing changes it, one C call instead of a look at each letter)."""
    return word != word.lower() if word.isascii() else any(c.isupper() for c in word)


# WORD_RE's character classes by byte (for bytes.translate in vectorised scans):
# 1 letter or digit, 2 joiner, 0 other.
WORD_CLASS = bytes(1 if chr(i) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                    else 2 if chr(i) in "'.,-" else 0 for i in range(256))


def word_starts(text: str) -> np.ndarray:
    """Start offsets of every word, as an int array (for voice lookups; a new
    array on every call).

    Vectorised instead of running WORD_RE: a word starts at a letter or digit
    that continues no earlier word, i.e. whose previous character is neither
    a letter/digit nor a joiner right after a letter/digit (WORD_RE's greedy
    matches end exactly where that pattern stops)."""
    return _word_starts(text).copy()


@last_text_cache
def _word_starts(text: str) -> np.ndarray:
    classes = np.frombuffer(one_byte_per_char(text).translate(WORD_CLASS), dtype=np.uint8)
    alnum = classes == 1
    continues = np.zeros(len(classes), dtype=bool)
    continues[1:] = alnum[:-1]
    continues[2:] |= (classes[1:-1] == 2) & alnum[:-2]
    return np.flatnonzero(alnum & ~continues).astype(np.int64, copy=False)


def count_words(text: str) -> int:
    """Number of words in ``text``."""
    return len(WORD_RE.findall(text))
