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


def word_starts(text: str) -> np.ndarray:
    """Start offsets of every word, as an int array (for voice lookups)."""
    return np.fromiter((m.start() for m in WORD_RE.finditer(text)), dtype=np.int64)


def count_words(text: str) -> int:
    """Number of words in ``text``."""
    return sum(1 for _ in WORD_RE.finditer(text))
