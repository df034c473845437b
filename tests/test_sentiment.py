import math
from functools import cache

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.sentiment import (
    ACTOR_TONE_COLUMNS,
    actor_tone,
    analyzer,
    compound,
    majority_voice,
    sentence_sentiment,
    summarize,
)


@pytest.mark.parametrize("text", ["", "#", "  ", "!!! ...", None])
def test_empty_text_is_nan_not_neutral(text):
    assert math.isnan(compound(text))


def test_sentences_score_with_the_right_sign():
    assert compound("The brutal attack killed dozens of innocent children.") < -0.5
    assert compound("Residents celebrated the peaceful and joyful reunion.") > 0.5


def test_one_analyzer_per_process():
    assert analyzer() is analyzer()


def test_majority_voice_and_ties():
    assert majority_voice({"share_own": 0.6, "share_reported": 0.0, "share_quoted": 0.4}) == "own"
    assert majority_voice({"share_own": 0.5, "share_reported": 0.0, "share_quoted": 0.5}) == "quoted"
    assert majority_voice({"share_own": 0.2, "share_reported": 0.8, "share_quoted": 0.0}) == "reported"
    assert majority_voice({"share_own": math.nan, "share_reported": math.nan,
                           "share_quoted": math.nan}) == "own"


def test_summarize_skips_nan_and_is_nan_when_empty():
    stats = summarize([0.5, -0.5, math.nan, 0.0])
    assert stats["mean"] == pytest.approx(0.0)
    assert stats["sentences"] == 3
    assert stats["share_negative"] == pytest.approx(1 / 3)
    assert stats["share_positive"] == pytest.approx(1 / 3)
    empty = summarize([math.nan])
    assert empty["sentences"] == 0 and math.isnan(empty["mean"]) and math.isnan(empty["sd"])
    assert math.isnan(summarize([0.3])["sd"])


def _tone_tables():
    texts = {
        "a": "The rebels massacred terrified villagers in a brutal assault. "
             "The government restored calm. "
             "\"The rebels are heroes who bring hope,\" a supporter said.",
        "b": "The rebels opened a new office. The rebels welcomed the peaceful talks.",
    }
    bounds = {}
    for doc_id, text in texts.items():
        parts, start = [], 0
        for piece in text.split(". "):
            end = start + len(piece) + (1 if not piece.endswith(".") else 0)
            end = min(end, len(text))
            parts.append((start, end))
            start = end + 1
        bounds[doc_id] = parts
    sentences = pd.DataFrame([
        {"doc_id": d, "sent_id": i, "start": s, "end": e, "share_own": 1.0 if not (d == "a" and i == 2) else 0.2,
         "share_reported": 0.0, "share_quoted": 0.0 if not (d == "a" and i == 2) else 0.8}
        for d, parts in bounds.items() for i, (s, e) in enumerate(parts)])
    spans = pd.DataFrame([
        {"doc_id": "a", "layer": "actor_label", "actor": "rebels", "voice": "own", "sent_id": 0},
        {"doc_id": "a", "layer": "actor_label", "actor": "gov", "voice": "own", "sent_id": 1},
        {"doc_id": "a", "layer": "actor_label", "actor": "rebels", "voice": "quoted", "sent_id": 2},
        {"doc_id": "a", "layer": "loaded", "actor": None, "voice": "own", "sent_id": 0},
        {"doc_id": "b", "layer": "actor_label", "actor": "rebels", "voice": "own", "sent_id": 0},
        {"doc_id": "b", "layer": "actor_label", "actor": "rebels", "voice": "own", "sent_id": 1},
        # a second mention in the same sentence must not count the sentence twice
        {"doc_id": "b", "layer": "actor_label", "actor": "rebels", "voice": "own", "sent_id": 1},
    ])
    articles = pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())})
    return articles, sentences, spans


def test_actor_tone_moves_with_the_sentences_about_the_actor():
    articles, sentences, spans = _tone_tables()
    sentiments = sentence_sentiment(articles, sentences)
    tone = actor_tone(sentences, spans, sentiments)
    assert list(tone.columns) == ACTOR_TONE_COLUMNS
    rows = {(r.doc_id, r.actor, r.voice): r for r in tone.itertuples()}
    harsh = rows[("a", "rebels", "own")]
    kind = rows[("b", "rebels", "own")]
    assert harsh.mean < -0.5 < 0 < kind.mean          # outlet a's own sentences are harsher
    assert kind.n_sentences == 2 and harsh.n_sentences == 1
    assert math.isnan(harsh.sd)
    assert rows[("a", "rebels", "quoted")].mean > 0.3  # the quoted supporter is apart
    assert ("a", "gov", "own") in rows


def test_actor_tone_without_mentions_is_empty_with_columns():
    articles, sentences, spans = _tone_tables()
    sentiments = sentence_sentiment(articles, sentences)
    tone = actor_tone(sentences, spans[spans["layer"] == "loaded"], sentiments)
    assert tone.empty and list(tone.columns) == ACTOR_TONE_COLUMNS


TRICKY = [
    "The meeting took place on Tuesday in the capital.",
    "He said the talks would resume next week.",
    "Officials did not kill the bill.",
    "It was a \"great\" day, wasn't it?!",
    "VERY well then, it was NOT good but not bad either!!!",
    "The :) sign and the \U0001F600 face.",
    "Kind of sort of maybe.",
    "No, no. No good deed, no love or hate.",
    "It was never so good, without doubt the least bad, at least not terrible.",
    "The food here is the bomb, but the service is the shit and kiss of death.",
    "He is the least happy, very least sad, and it is so good; never this bad.",
    "I don't really like it but it isn't awful, not at all; quite extremely great?? Really???",
    "",
    "   spaced   out   HAPPY  sad  ",
    "(ab. it. U.S., GOOD: \u0130yi \u039f\u0394\u039f\u03a3. don't like this good thing",
    "\u00a9 2024 great \u2122 \u2019good\u2019 \u201cbad\u201d",
]


def test_fast_analyzer_gives_vaders_exact_scores():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    stock = SentimentIntensityAnalyzer()
    for text in TRICKY:
        assert analyzer().polarity_scores(text) == stock.polarity_scores(text), text


def test_fast_analyzer_on_the_nyt_snippets(shared_data):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from evaluation.vader_nyt import load_snippets
    stock = SentimentIntensityAnalyzer()
    texts = [row[2] for row in load_snippets(shared_data)]
    assert len(texts) > 5000
    mismatches = [t for t in texts if analyzer().polarity_scores(t) != stock.polarity_scores(t)]
    assert mismatches == []
    assert [t for t in texts if compound(t) != stock.polarity_scores(t)["compound"]] == []


def test_compound_is_vaders_compound():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    stock = SentimentIntensityAnalyzer()
    for text in TRICKY:
        if text.strip():
            assert compound(text) == stock.polarity_scores(text)["compound"], text


def _generated_sentences(count: int, seed: int = 0) -> list[str]:
    """Random sentences of neutral filler words with a sentiment word or two
    and, near them, one or two of the things VADER's rules look at (boosters,
    negations, "no", "never so", "least", "but", idioms), so that each rule
    is met alone; some words get capitals or edge punctuation, a few
    sentences an emoticon, an emoji or case-sensitive letters."""
    import random

    from vaderSentiment import vaderSentiment as vader
    rng = random.Random(seed)
    fillers = ["the", "of", "to", "for", "a", "it", "is", "was", "said", "U.S.", "I", "or",
               "at", "very", "doubt", "officials", "on", "in", "week", "city"]
    sentiment_words = ["good", "bad", "great", "awful", "love", "hate", "kill", "hope", "no",
                       "death", "heart", "kind", "ass", "die", "shit", "bomb", "like", "stop"]
    triggers = (list(vader.BOOSTER_DICT) + vader.NEGATE + list(vader.SPECIAL_CASES)
                + ["no", "never", "never so", "never this", "so", "this", "least", "at least",
                   "very least", "without doubt", "no or", "but", "kind", "sort", "just",
                   "yeah", "kiss", "bus", "beating", "right", "mayn't", "shouldn't've"])
    oddities = [":)", ":(", "</3", "\U0001F600", "\u0130yi", "\u039f\u0394\u039f\u03a3", "\u2019s"]
    punctuation = [""] * 30 + [",", ".", "!", "?", '"', "(", ")", "'", "...", "!!"]
    sentences = []
    for k in range(count):
        words = [rng.choice(fillers) for _ in range(rng.randint(0, 8))]
        anchor = rng.randint(0, len(words))
        for _ in range(rng.randint(1, 2)):
            words.insert(anchor + rng.randint(0, 1), rng.choice(sentiment_words))
        # every trigger in turn (each meets sentiment words many times), sometimes one more
        for trigger in [triggers[k % len(triggers)], rng.choice(triggers)][:rng.randint(1, 2)]:
            words.insert(max(anchor + rng.randint(-3, 2), 0), trigger)
        if rng.random() < 0.1:
            words.insert(rng.randint(0, len(words)), rng.choice(oddities))
        decorated = []
        for word in words:
            case = rng.random()
            word = word.upper() if case < 0.1 else word.title() if case < 0.15 else word
            decorated.append(rng.choice(punctuation) + word + rng.choice(punctuation))
        sentences.append(" ".join(decorated))
    return sentences


def test_fast_analyzer_on_generated_sentences():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    stock = SentimentIntensityAnalyzer()
    texts = _generated_sentences(12000)
    expected = [stock.polarity_scores(t) for t in texts]
    assert [t for t, e in zip(texts, expected, strict=True) if analyzer().polarity_scores(t) != e] == []
    assert [t for t, e in zip(texts, expected, strict=True)
            if t.strip() and analyzer().compound(t) != e["compound"]] == []


def test_summarize_gives_numpys_exact_statistics():
    import random

    import numpy as np
    rng = random.Random(1)
    for n in [1, 2, 3, 7, 8, 9, 16, 17, 43, 127, 128, 129, 257, 1000] * 20:
        scores = [round(rng.uniform(-1, 1), 4) for _ in range(n)]
        values = np.array(scores)
        stats = summarize(scores + [math.nan])
        assert stats["mean"] == float(values.mean())
        assert stats["sd"] == float(values.std(ddof=1)) if n > 1 else math.isnan(stats["sd"])
        assert stats["share_negative"] == float((values <= -0.05).mean())
        assert stats["share_positive"] == float((values >= 0.05).mean())
        assert stats["sentences"] == n


def test_but_check_scales_as_vaders_does():
    import random

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.vader_fast import _but_check
    rng = random.Random(4)
    for _ in range(3000):
        n = rng.randint(1, 12)
        words = [rng.choice(["but", "good", "bad", "the"]) for _ in range(n)]
        if "but" not in words:
            continue
        # repeated valences, zeros and values that scaling makes equal to another
        sentiments = [rng.choice([0, 0, 0.0, 1.9, -1.9, 0.95, 2.85, -2.5, 1.0]) for _ in range(n)]
        expected = SentimentIntensityAnalyzer._but_check(words, list(sentiments))
        got = _but_check(words, list(sentiments))
        assert [v == 0 for v in got] == [v == 0 for v in expected]
        assert [v for v in got if v] == [v for v in expected if v]


def test_only_n_t_and_apostrophe_lowercase_to_them():
    # vader_fast looks for "n't" in VADER's words only when the text has "'t" or "'T"
    import sys
    others = [c for c in map(chr, range(sys.maxunicode + 1))
              if c not in "nNtT'" and not set("nt'").isdisjoint(c.lower())]
    assert others == []


def test_special_idioms_check_is_vaders():
    # vader_fast returns at once when no rarer idiom word is in the window
    import random

    from vaderSentiment import vaderSentiment as vader

    from framing.vader_fast import _COMMON_IDIOM_WORDS, _special_idioms_check
    rng = random.Random(5)
    idiom_words = sorted({word for key in (*vader.SPECIAL_CASES, *vader.BOOSTER_DICT)
                          for word in key.split()})
    pool = idiom_words + sorted(_COMMON_IDIOM_WORDS) * 10 + ["city", "said", "good", "bad"] * 20
    for _ in range(20000):
        words = [rng.choice(pool) for _ in range(rng.randint(4, 9))]
        i = rng.randint(3, len(words) - 1)
        valence = rng.choice([1.9, -2.5, 0.7])
        expected = vader.SentimentIntensityAnalyzer._special_idioms_check(valence, words, i)
        assert _special_idioms_check(valence, words, i) == expected, (words, i)


def test_sentiment_features_equal_one_summary_per_voice_set():
    # features._sentiment_features: each voice set's summary is that of its sentences
    import random

    import numpy as np

    from framing.features import SENTIMENT_STATS, VOICE_SETS, _sentiment_features, column_name
    from framing.sentiment import summarize_array
    rng = random.Random(3)
    for _ in range(500):
        present = rng.sample(["own", "reported", "quoted"], rng.randint(0, 3))
        voice_of = [rng.choice(present) for _ in range(rng.randint(0, 12))] if present else []
        compounds = [math.nan if rng.random() < 0.2 else round(rng.uniform(-1, 1), 4) for _ in voice_of]
        got = _sentiment_features(compounds, voice_of)
        for v, pooled in VOICE_SETS.items():
            values = np.array([c for c, sv in zip(compounds, voice_of, strict=True)
                               if sv in pooled and c == c], dtype=float)
            stats = summarize_array(values)
            for stat in SENTIMENT_STATS:
                value = got[column_name("sentiment", stat, v)]
                assert value == stats[stat] or (value != value and stats[stat] != stats[stat])


@given(st.text(alphabet=st.sampled_from(list("aZ9é²ΣΑßﬁ'.,!?()-:;\"#/ \t\n\xa0") + ["\u2009", "\u0130", "\u2019"]),
               max_size=40))
@settings(max_examples=3000, deadline=None)
def test_lowercase_words_are_sentitexts(text):
    # vader_fast lowercases the whole text, then strips only tokens that are not all letters/digits
    from vaderSentiment.vaderSentiment import SentiText

    from framing.vader_fast import _lowercase_words
    assert _lowercase_words(text) == [w.lower() for w in SentiText(text).words_and_emoticons]


def test_only_dotted_i_and_kelvin_lowercase_to_ascii_from_outside_it():
    # vader_fast finds a lexicon word in capitals by looking for it in capitals
    # in the text, unless the text has one of these two
    import sys
    others = [c for c in map(chr, range(128, sys.maxunicode + 1))
              if any(ch.isascii() for ch in c.lower())]
    assert others == ["\u0130", "\u212a"]


def test_lowercase_is_lowercase_again():
    # vader_fast's words are lowercase, so only lowercase lexicon keys can be
    # found, and those are ASCII
    import sys
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if c.lower().lower() != c.lower()] == []
    assert analyzer()._ascii_words


#: Tokens for texts that mostly meet no VADER rule: lexicon words (some found
#: only as whole tokens, by VADER's two-character rule: "8d", ":)", "(:"),
#: other words, a capital K and I from outside ASCII, and now and then a
#: modifier, "but" or "n't" (the rules' path).
_RULELESS_WORDS = ["good", "great", "love", "hate", "kill", "hope", "happy", "sad", "ok", "8d",
                   "4q", ":)", ":(", "<3", "(:", ":p", ":d", "xd", "the", "city", "goods", "us",
                   "said", "a", "i", "x", "\u212aill", "\u0130yi", "it's", "good-looking",
                   "but", "not", "very", "don't"]
_EDGES = ["", "", "", ",", ".", "!", "?", '"', "(", ")", "'", "...", "\u2019", "\u201c", "-"]


@given(st.lists(st.tuples(st.sampled_from(_RULELESS_WORDS),
                          st.sampled_from([str.lower, str.lower, str.upper, str.title]),
                          st.sampled_from(_EDGES), st.sampled_from(_EDGES)), max_size=10),
       st.sampled_from([" ", "  ", "\t", " \u00a0"]))
@settings(max_examples=3000, deadline=None)
def test_texts_without_rules_score_as_in_vader(tokens, space):
    # vader_fast gives each lexicon word its valence at once when no rule can apply
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    text = space.join(before + case(word) + after for word, case, before, after in tokens)
    expected = _stock(SentimentIntensityAnalyzer).polarity_scores(text)
    assert analyzer().polarity_scores(text) == expected
    assert analyzer().compound(text) == expected["compound"]


@cache
def _stock(analyzer_class):
    return analyzer_class()


def test_generated_texts_without_rules_score_as_in_vader():
    # the same texts, drawn at random: each case of the quick path is met many times
    import random

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.vader_fast import _RULE_WORDS, _lowercase_words
    rng = random.Random(7)
    stock = _stock(SentimentIntensityAnalyzer)
    seen = {"no lexicon word": 0, "ruleless": 0, "capitals": 0, "rules": 0}
    for _ in range(4000):
        text = " ".join(rng.choice(_EDGES) + rng.choice([str.lower, str.upper, str.title])(
            rng.choice(_RULELESS_WORDS)) + rng.choice(_EDGES) for _ in range(rng.randint(1, 8)))
        assert analyzer().compound(text) == stock.polarity_scores(text)["compound"], text
        lower = _lowercase_words(text)
        words = [w for w in lower if w in analyzer().lexicon]
        seen["no lexicon word" if not words else "rules" if not _RULE_WORDS.isdisjoint(lower)
             else "capitals" if any(w.upper() in text for w in words) else "ruleless"] += 1
    assert min(seen.values()) > 300, seen
