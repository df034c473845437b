import math

import pandas as pd
import pytest

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
