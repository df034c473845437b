"""VADER (vaderSentiment 3.3.2) with the same scores, several times faster.

VADER's own ``polarity_scores`` rebuilds the text character by character to
replace emojis, and for every sentiment word re-lowercases the whole sentence
up to five times (negation, idiom and "least" checks), which makes one
sentence cost O(words x sentiment words). This subclass lowercases each
sentence once, scores only the words found in the lexicon (no other word
gets a valence), sums their lexicon valences at once when no rule can apply
to the sentence (no modifier, "but", "n't" nor sentiment word in capitals),
gives a word its lexicon valence at once when no booster, negation, idiom
word or capital is near it, and otherwise follows VADER's rules step by
step, in VADER's order, looking the neighbours up by index. It
reuses VADER's tables and helpers (``BOOSTER_DICT``, ``SPECIAL_CASES``,
``NEGATE``, ``score_valence``). Sentences with an emoji go to
VADER itself. tests/test_sentiment.py checks identical scores against the
stock analyzer on thousands of news sentences and on generated sentences
that meet each rule.
"""

from __future__ import annotations

import re
import string

from vaderSentiment import vaderSentiment as vader


class FastSentimentIntensityAnalyzer(vader.SentimentIntensityAnalyzer):
    """Drop-in ``SentimentIntensityAnalyzer`` with identical output."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._emoji_chars = frozenset(self.emojis)
        self._maybe_emoji = _superset_pattern(self._emoji_chars)
        self._ascii_emoji = any(c.isascii() for c in self._emoji_chars)
        # words are lowercase: only the lowercase keys can be found
        self._ascii_words = all(key.isascii() for key in self.lexicon if key == key.lower())

    def polarity_scores(self, text):
        if not isinstance(text, str) or self._has_emoji(text):
            return super().polarity_scores(text)
        text = text.strip()  # what VADER's emoji pass leaves of emoji-free text
        return self.score_valence(self._sentiments(text, _lowercase_words(text)), text)

    def compound(self, text: str) -> float:
        """``polarity_scores(text)["compound"]`` without the pos/neu/neg shares."""
        if self._has_emoji(text):
            return super().polarity_scores(text)["compound"]
        text = text.strip()
        total = self._total(text, _lowercase_words(text))
        if total == 0:  # normalize(0) == 0: no punctuation emphasis to add
            return 0.0
        # VADER's emphasis only counts "!" and "?"
        emphasis = self._punctuation_emphasis(text) if "!" in text or "?" in text else 0.0
        total = total + emphasis if total > 0 else total - emphasis
        return round(vader.normalize(total), 4)

    def _has_emoji(self, text: str) -> bool:
        """Whether VADER's emoji pass would change ``text`` (it looks at single
        characters); ``isascii`` and the regex rule out nearly all text before
        the slower set test."""
        if text.isascii() and not self._ascii_emoji:
            return False
        return self._maybe_emoji.search(text) is not None \
            and not self._emoji_chars.isdisjoint(text)

    def _total(self, text: str, lower: list) -> float:
        """The sum of VADER's valences of an emoji-free, stripped text with
        lowercase words ``lower``.

        When no word of the text is a modifier or "but", none has "n't" and
        no lexicon word is in capitals, no VADER rule applies: each lexicon
        word has its lexicon valence (``_sentiments``'s quick case, for the
        whole text; 56 % of news sentences), and their sum is that of VADER's
        list (adding its zeros changes no float). A word in capitals is
        found without VADER's tokens: the lexicon words are ASCII, so if the
        token of one is in capitals, the text holds the word in capitals
        (only U+0130 and U+212A lowercase to ASCII from outside ASCII)."""
        if _RULE_WORDS.isdisjoint(lower) and "'t" not in text and "'T" not in text \
                and self._ascii_words and "\u212a" not in text and "\u0130" not in text:
            lexicon = self.lexicon
            words = list(filter(lexicon.__contains__, lower))
            if not any(map(text.__contains__, map(str.upper, words))):
                return float(sum(map(lexicon.__getitem__, words)))
        return float(sum(self._sentiments(text, lower)))

    def _sentiments(self, text: str, lower: list) -> list:
        """VADER's per-word valences of an emoji-free, stripped text with
        lowercase words ``lower``. Only lexicon words can get a valence, and
        most words are not in the lexicon, so only those are looked at; most
        of those get their lexicon valence at once."""
        lexicon, boosters = self.lexicon, vader.BOOSTER_DICT
        n = len(lower)
        sentiments = [0] * n
        # a word has "n't" only if the text has "'t" or "'T" (no other
        # character lowercases to n, ' or t)
        contracted = "'t" in text or "'T" in text
        tokens = is_cap_diff = None  # computed once, for the first word that needs them
        for i in [i for i, low in enumerate(lower) if low in lexicon]:
            low = lower[i]
            if low in boosters or (low == "kind" and i < n - 1 and lower[i + 1] == "of"):
                continue
            if tokens is None:
                # the capitals of VADER's words: stripping punctuation changes no case
                tokens = text.split()
            nearby = lower[i - 3 if i > 3 else 0:i + 3]
            if _MODIFIERS.isdisjoint(nearby) and not tokens[i].isupper() \
                    and not (contracted and "n't" in " ".join(nearby)):
                sentiments[i] = lexicon[low]  # most sentiment words: no rule applies
                continue
            if is_cap_diff is None:
                is_cap_diff = _allcap_differential(tokens)
            sentiments[i] = self._valence(tokens, lower, i, is_cap_diff)
        if tokens is not None and "but" in lower:  # the rule only scales valences
            sentiments = _but_check(lower, sentiments)
        return sentiments

    def _valence(self, tokens, lower, i, is_cap_diff):
        """``sentiment_valence`` for lexicon word ``i`` (``tokens`` give the
        words' capitals, ``lower`` the words; ``is_cap_diff`` is
        ``allcap_differential`` of the tokens)."""
        lexicon = self.lexicon
        n = len(lower)
        low = lower[i]
        valence = lexicon[low]
        if low == "no" and i != n - 1 and lower[i + 1] in lexicon:
            valence = 0.0
        if (i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no") \
                or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor")):
            valence = lexicon[low] * vader.N_SCALAR
        if tokens[i].isupper() and is_cap_diff:
            valence = valence + vader.C_INCR if valence > 0 else valence - vader.C_INCR
        for start_i in range(3):
            j = i - (start_i + 1)
            if i > start_i and lower[j] not in lexicon:
                s = _scalar_inc_dec(lower[j], tokens[j].isupper(), valence, is_cap_diff)
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

#: Very common words of VADER's idioms and multiword boosters: each of those
#: also has a rarer word, so the rarer words alone tell whether one can match.
_COMMON_IDIOM_WORDS = frozenset({"the", "of", "to", "for"})
_MULTIWORD_KEYS = [key.split() for key in (*vader.SPECIAL_CASES, *vader.BOOSTER_DICT) if " " in key]
assert all(set(key) - _COMMON_IDIOM_WORDS for key in _MULTIWORD_KEYS)

#: The rarer words of VADER's idioms and multiword boosters.
_IDIOM_WORDS = frozenset(word for key in _MULTIWORD_KEYS for word in key) - _COMMON_IDIOM_WORDS

#: The words that can change the valence of a sentiment word three words
#: before it to two after it (besides any word with "n't", and capitals):
#: boosters, negations, "no", the "never so/this" and "least" rules, idioms.
_MODIFIERS = frozenset(vader.BOOSTER_DICT) | _NEGATE | {"no", "never", "so", "this", "least"} \
    | _IDIOM_WORDS

#: The words that let a VADER rule change some valence of a text: the
#: modifiers (which include the boosters and "kind" of "kind of") and "but".
_RULE_WORDS = _MODIFIERS | {"but"}


def _lowercase_words(text: str) -> list:
    """``SentiText``'s words, lowercased: each token with its punctuation
    stripped, unless that leaves two characters or fewer (an emoticon).

    Lowercasing the whole text first gives the same words, faster: lower()
    keeps whitespace and ASCII punctuation and turns no other character into
    either, and a final sigma depends only on letters within its word. The
    exception is "\u0130", whose lowercase is two characters long.
    """
    if "\u0130" in text:
        return [_strip_punc_if_word(token).lower() for token in text.split()]
    # most tokens are letters or digits only: nothing to strip
    return [token if token.isalnum() or len(stripped := token.strip(_PUNCTUATION)) <= 2 else stripped
            for token in text.lower().split()]


def _strip_punc_if_word(token: str) -> str:
    """``SentiText._strip_punc_if_word``."""
    stripped = token.strip(_PUNCTUATION)
    return token if len(stripped) <= 2 else stripped


def _superset_pattern(chars: frozenset) -> re.Pattern:
    """A regex matching every one-character string of ``chars``, and little
    else: the few below U+2000 one by one, everything from the lowest above."""
    singles = sorted(c for c in chars if len(c) == 1)
    low = "".join(re.escape(c) for c in singles if c < "\u2000")
    high = min((c for c in singles if c >= "\u2000"), default="\U0010ffff")
    return re.compile(f"[{low}{re.escape(high)}-\U0010ffff]")


def _allcap_differential(words: list) -> bool:
    """``vader.allcap_differential``: some but not all words are ALL CAPS."""
    allcaps = sum(map(str.isupper, words))
    return 0 < len(words) - allcaps < len(words)


def _scalar_inc_dec(word_lower: str, is_upper: bool, valence: float, is_cap_diff: bool) -> float:
    """``vader.scalar_inc_dec`` for a word given lowercase, with its capitals."""
    scalar = 0.0
    if word_lower in vader.BOOSTER_DICT:
        scalar = vader.BOOSTER_DICT[word_lower]
        if valence < 0:
            scalar *= -1
        if is_upper and is_cap_diff:
            scalar = scalar + vader.C_INCR if valence > 0 else scalar - vader.C_INCR
    return scalar


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


def _but_check(lower: list, sentiments: list) -> list:
    """``vader._but_check`` for lowercase words, with its ``list.index``
    look-ups as written (a valence equal to an earlier one scales the earlier
    one). Zeros are skipped: scaling one only finds another zero."""
    bi = lower.index("but")
    for i in [i for i, sentiment in enumerate(sentiments) if sentiment]:
        sentiment = sentiments[i]
        si = sentiments.index(sentiment)
        if si < bi:
            sentiments[si] = sentiment * 0.5
        elif si > bi:
            sentiments[si] = sentiment * 1.5
    return sentiments


def _special_idioms_check(valence, lower, i):
    # every idiom and multiword booster has a word of _IDIOM_WORDS (none can
    # match otherwise); the words looked at are lower[i - 3:i + 3]
    if _IDIOM_WORDS.isdisjoint(lower[i - 3:i + 3]):
        return valence
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
