"""VADER (vaderSentiment 3.3.2) with the same scores, several times faster.

VADER's own ``polarity_scores`` rebuilds the text character by character to
replace emojis, and for every sentiment word re-lowercases the whole sentence
up to five times (negation, idiom and "least" checks), which makes one
sentence cost O(words x sentiment words). This subclass lowercases each
sentence once and looks the neighbours up by index; it follows VADER's rules
step by step, in VADER's order, and reuses VADER's own tables and helpers
(``BOOSTER_DICT``, ``SPECIAL_CASES``, ``NEGATE``, ``scalar_inc_dec``,
``allcap_differential``, ``_but_check``, ``score_valence``). Sentences with an emoji go to VADER
itself. tests/test_sentiment.py checks identical scores on thousands of
sentences against the stock analyzer.
"""

from __future__ import annotations

import string

from vaderSentiment import vaderSentiment as vader


class FastSentimentIntensityAnalyzer(vader.SentimentIntensityAnalyzer):
    """Drop-in ``SentimentIntensityAnalyzer`` with identical output."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._emoji_chars = frozenset(self.emojis)

    def polarity_scores(self, text):
        if not isinstance(text, str) or not self._emoji_chars.isdisjoint(text):
            return super().polarity_scores(text)
        text = text.strip()  # what VADER's emoji pass leaves of emoji-free text
        return self.score_valence(self._sentiments(text), text)

    def compound(self, text: str) -> float:
        """``polarity_scores(text)["compound"]`` without the pos/neu/neg shares."""
        if not self._emoji_chars.isdisjoint(text):
            return super().polarity_scores(text)["compound"]
        text = text.strip()
        sentiments = self._sentiments(text)
        if not sentiments:
            return 0.0
        total = float(sum(sentiments))
        if total == 0:  # normalize(0) == 0: no punctuation emphasis to add
            return 0.0
        emphasis = self._punctuation_emphasis(text)
        total = total + emphasis if total > 0 else total - emphasis
        return round(vader.normalize(total), 4)

    def _sentiments(self, text: str) -> list:
        """VADER's per-word valences of an emoji-free, stripped text."""
        words = [_strip_punc_if_word(token) for token in text.split()]  # SentiText's words
        lower = [w.lower() for w in words]
        lexicon, boosters = self.lexicon, vader.BOOSTER_DICT
        n = len(words)
        sentiments = []
        is_cap_diff = None
        for i, low in enumerate(lower):
            if low in boosters or (low == "kind" and i < n - 1 and lower[i + 1] == "of") \
                    or low not in lexicon:
                sentiments.append(0)
                continue
            if is_cap_diff is None:
                is_cap_diff = vader.allcap_differential(words)
            sentiments.append(self._valence(words, lower, i, is_cap_diff))
        if "but" in lower:
            sentiments = self._but_check(words, sentiments)
        return sentiments

    def _valence(self, words, lower, i, is_cap_diff):
        """``sentiment_valence`` for word ``i`` (0 when it is not a lexicon word)."""
        lexicon = self.lexicon
        low = lower[i]
        if low not in lexicon:
            return 0
        n = len(words)
        valence = lexicon[low]
        if low == "no" and i != n - 1 and lower[i + 1] in lexicon:
            valence = 0.0
        if (i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no") \
                or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor")):
            valence = lexicon[low] * vader.N_SCALAR
        if words[i].isupper() and is_cap_diff:
            valence = valence + vader.C_INCR if valence > 0 else valence - vader.C_INCR
        for start_i in range(3):
            j = i - (start_i + 1)
            if i > start_i and lower[j] not in lexicon:
                s = vader.scalar_inc_dec(words[j], valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, lower, start_i, i)
                if start_i == 2:
                    valence = _special_idioms_check(valence, lower, i)
        return _least_check(valence, lower, i, lexicon)


_PUNCTUATION = string.punctuation
_NEGATE = frozenset(vader.NEGATE)


def _strip_punc_if_word(token):
    """``SentiText._strip_punc_if_word``: strip punctuation unless that
    leaves two characters or fewer (an emoticon)."""
    stripped = token.strip(_PUNCTUATION)
    return token if len(stripped) <= 2 else stripped


def _negated(word):
    """``vader.negated([word])`` for one lowercase word."""
    return word in _NEGATE or "n't" in word


def _negation_check(valence, lower, start_i, i):
    if start_i == 0 and _negated(lower[i - 1]):
        valence = valence * vader.N_SCALAR
    if start_i == 1:
        if lower[i - 2] == "never" and lower[i - 1] in ("so", "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            pass
        elif _negated(lower[i - 2]):
            valence = valence * vader.N_SCALAR
    if start_i == 2:
        # VADER's condition as written: (never and so/this two back) or so/this one back
        if (lower[i - 3] == "never" and lower[i - 2] in ("so", "this")) \
                or lower[i - 1] in ("so", "this"):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            pass
        elif _negated(lower[i - 3]):
            valence = valence * vader.N_SCALAR
    return valence


def _special_idioms_check(valence, lower, i):
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in vader.SPECIAL_CASES:
            valence = vader.SPECIAL_CASES[seq]
            break
    n = len(lower)
    if n - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in vader.SPECIAL_CASES:
            valence = vader.SPECIAL_CASES[zeroone]
    if n - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in vader.SPECIAL_CASES:
            valence = vader.SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in vader.BOOSTER_DICT:
            valence = valence + vader.BOOSTER_DICT[n_gram]
    return valence


def _least_check(valence, lower, i, lexicon):
    if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * vader.N_SCALAR
    elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        valence = valence * vader.N_SCALAR
    return valence
