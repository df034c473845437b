import math

import numpy as np
import pandas as pd
import pytest
from _records import quote, sentence, span, voice
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import features, readability
from framing.features import (
    complete_features,
    document_features,
    feature_names,
    feature_registry,
    syllables_and_starts,
    words_by_voice,
)
from framing.tokens import WORD_RE, count_words, word_spans, word_starts

TEXT = ("Rebels reportedly seized the town in a brutal assault. "
        "Officials said the regime may retreat. "
        "\"The terrorists might win,\" the minister said.")


def _records():
    s1 = TEXT.index("Officials")
    s2 = TEXT.index("\"The terrorists")
    sentences = [sentence("d", 0, TEXT, 0, s1 - 1), sentence("d", 1, TEXT, s1, s2 - 1,
                                                             own=0.33, reported=0.67),
                 sentence("d", 2, TEXT, s2, len(TEXT), own=0.4, quoted=0.6)]
    rep = TEXT.index("the regime")
    q = quote("d", 0, TEXT, "The terrorists might win,", speaker="the minister")
    voices = [voice("d", 0, rep, "own"), voice("d", rep, s2 - 1, "reported", source="Officials"),
              voice("d", s2 - 1, q["start"], "own"),
              voice("d", q["start"], q["end"], "quoted", source="the minister", quote_id=0),
              voice("d", q["end"], len(TEXT), "own")]
    spans = [span("d", TEXT, "reportedly", "hedge", "evidential", sent_id=0),
             span("d", TEXT, "brutal", "loaded", "negative", sent_id=0),
             span("d", TEXT, "may", "hedge", "modal", voice="reported", sent_id=1),
             span("d", TEXT, "regime", "actor_label", "regime", voice="reported", actor="gov", sent_id=1),
             span("d", TEXT, "terrorists", "actor_label", "terror", voice="quoted", actor="reb", sent_id=2),
             span("d", TEXT, "might", "hedge", "modal", voice="quoted", sent_id=2),
             span("d", TEXT, "said", "attribution", "neutral", sent_id=1),
             span("d", TEXT, "said", "attribution", "blame", sent_id=2, nth=1)]
    return {"doc_id": "d", "text": TEXT}, sentences, [q], voices, spans


def test_words_by_voice_matches_segments():
    _, _, _, voices, _ = _records()
    words = words_by_voice(TEXT, voices)
    assert words == {"own": 14, "reported": 4, "quoted": 4}
    assert words_by_voice("one two", []) == {"own": 2, "reported": 0, "quoted": 0}


def test_rates_use_the_denominator_of_their_voice():
    f = document_features(*_records())
    assert f["doc_id"] == "d"
    assert f["words_count_all"] == 22 and f["words_count_outlet"] == 18
    assert f["hedge_count_own"] == 1 and f["hedge_count_reported"] == 1
    assert f["hedge_count_quoted"] == 1 and f["hedge_count_outlet"] == 2
    assert f["hedge_rate_own"] == pytest.approx(1000 / 14)
    assert f["hedge_rate_quoted"] == pytest.approx(1000 / 4)
    assert f["hedge_rate_outlet"] == pytest.approx(2000 / 18)
    assert f["hedge_modal_count_all"] == 2 and f["hedge_modal_count_own"] == 0
    assert f["actor_label_terror_count_quoted"] == 1
    assert f["loaded_rate_quoted"] == 0.0
    assert f["words_share_quoted"] == pytest.approx(4 / 22)
    assert f["attribution_loaded_share_all"] == 0.5   # "blame" is a loaded verb class


def test_sentiment_and_sourcing_columns():
    f = document_features(*_records())
    assert f["sentiment_sentences_own"] == 1       # sentence 0 only; 1 is reported, 2 quoted
    assert f["sentiment_mean_own"] < 0               # "brutal assault"
    assert f["sentiment_sentences_outlet"] == 2
    assert math.isnan(f["sentiment_sd_own"])        # one sentence has no spread
    assert f["quotes_speech_count_all"] == 1 and f["quotes_term_count_all"] == 0
    assert f["sources_count_all"] == 2 and f["sources_speakers_all"] == 2
    assert f["sources_official_count_all"] == 2
    assert f["sources_official_share_all"] == 1.0
    assert math.isnan(f["readability_flesch_reading_ease_all"])  # 22 words: too short


def test_no_words_gives_nan_rates_not_zero():
    f = document_features({"doc_id": "e", "text": ""}, [], [], [], [])
    assert f["words_count_all"] == 0 and f["hedge_count_own"] == 0
    assert math.isnan(f["hedge_rate_own"]) and math.isnan(f["words_share_own"])
    assert math.isnan(f["sentiment_mean_all"]) and f["sentiment_sentences_all"] == 0
    assert math.isnan(f["sources_official_share_all"])


def test_registry_is_the_one_list_of_names():
    registry = feature_registry({"hedge": ["modal", "evidential"]})
    assert registry["name"].is_unique
    assert (registry["name"] == registry["family"] + "_" + registry["stat"] + "_" + registry["voice"]).all()
    assert "hedge_modal_rate_own" in set(registry["name"])
    f = document_features(*_records())
    fixed = feature_names()
    assert set(fixed) <= set(f)          # every registered fixed column is produced
    assert set(f) - {"doc_id"} <= set(feature_names(
        {"hedge": ["modal", "evidential"], "loaded": ["negative"],
         "actor_label": ["regime", "terror"], "attribution": ["neutral", "blame"]}))


def test_complete_features_fills_absent_categories():
    rows = [document_features(*_records()),
            document_features({"doc_id": "e", "text": ""}, [], [], [], [])]
    table = complete_features(pd.DataFrame(rows), {"booster": ["certainty"]})
    assert table.columns[0] == "doc_id"
    e = table.set_index("doc_id").loc["e"]
    assert e["hedge_modal_count_all"] == 0
    assert math.isnan(e["hedge_modal_rate_all"])   # no words: no rate
    d = table.set_index("doc_id").loc["d"]
    assert d["booster_certainty_count_own"] == 0 and d["booster_certainty_rate_own"] == 0.0
    assert table["hedge_modal_count_all"].dtype == "int64"


@given(st.text(alphabet="ab c.\"'-", max_size=60), st.lists(st.integers(0, 60), max_size=6),
       st.lists(st.sampled_from(["own", "reported", "quoted"]), min_size=7, max_size=7))
def test_words_by_voice_counts_every_word_once(text, cuts, labels):
    bounds = sorted({0, len(text), *(c for c in cuts if c <= len(text))})
    voices = [voice("d", a, b, labels[i])
              for i, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False))]
    counts = words_by_voice(text, voices)
    assert sum(counts.values()) == count_words(text)
    expected = dict.fromkeys(["own", "reported", "quoted"], 0)
    for start, _ in word_spans(text):   # the voice of the segment holding the word's start
        expected[next(s["voice"] for s in voices if s["start"] <= start < s["end"])] += 1
    assert counts == expected


@settings(deadline=None)  # the first example loads the syllable tables
@given(st.text(alphabet=st.sampled_from("aZ09 .,-'\u2019\u201d\u00e9\U0001f600\ud800\n\t\"\u2018"),
               max_size=80))
def test_syllables_and_starts_match_the_tokenizer(text):
    syllables, starts = syllables_and_starts(text)
    matches = list(WORD_RE.finditer(text))
    assert syllables.tolist() == [readability.syllables(m.group()) for m in matches]
    assert starts.tolist() == word_starts(text).tolist() == [m.start() for m in matches]


@given(st.lists(st.integers(0, 40), max_size=30), st.lists(st.integers(0, 45), min_size=2, max_size=12))
def test_words_per_disjoint_segment_is_the_general_count(offsets, cuts):
    """On segments in order that do not overlap (touching or with gaps, empty
    ones included; at least one, as words_by_voice asks only then) the
    bisection count equals the per-word assignment."""
    starts = np.array(sorted(offsets), dtype=np.int64)
    bounds = sorted(cuts)
    seg_starts = np.array(bounds[0::2][:len(bounds) // 2], dtype=np.int64)
    seg_ends = np.array(bounds[1::2], dtype=np.int64)
    assert (features._words_per_disjoint_segment(starts, seg_starts, seg_ends)
            == features._words_per_segment(starts, seg_starts, seg_ends))


def test_term_quotes_are_the_quotes_that_are_not_speech():
    article, sentences, quotes, voices, spans = _records()
    term = dict(quotes[0], quote_id="q-term", counts_as_speech=False, kind="scare")
    f = document_features(article, sentences, [*quotes, term], voices, spans)
    assert f["quotes_speech_count_all"] == 1 and f["quotes_term_count_all"] == 1


@given(st.lists(st.integers(0, 40), max_size=20),
       st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45),
                          st.sampled_from(["own", "reported", "quoted"])), max_size=6))
def test_words_by_voice_on_any_segments_is_the_per_word_count(offsets, segments):
    """Overlapping, unordered or inverted segments and unsorted word starts
    take the per-word assignment (each word to the last segment starting at
    or before it, if it starts before that segment's end)."""
    starts = np.array(offsets, dtype=np.int64)
    voices = [{"start": a, "end": b, "voice": v} for a, b, v in segments]
    expected = dict.fromkeys(["own", "reported", "quoted"], 0)
    if not voices:
        expected["own"] = len(offsets)
    else:
        per_segment = features._words_per_segment(
            starts, np.array([a for a, _, _ in segments], dtype=np.int64),
            np.array([b for _, b, _ in segments], dtype=np.int64))
        expected["own"] = len(offsets) - sum(per_segment)
        for (_, _, v), n in zip(segments, per_segment, strict=True):
            expected[v] += n
    assert words_by_voice("", voices, starts) == expected


def test_spans_in_a_voice_without_words_have_no_rate():
    words = {"own": 10, "reported": 0, "quoted": 5, "outlet": 10, "all": 15}
    f = features._span_features([{"layer": "hedge", "category": None, "voice": "reported"}], words)
    assert f["hedge_count_reported"] == 1 and math.isnan(f["hedge_rate_reported"])
    assert f["hedge_rate_outlet"] == pytest.approx(100.0)


def test_span_features_of_spans_without_a_category_key():
    """Spans lacking the category key count in their layer only, as spans
    whose category is None do."""
    with_key = [{"layer": "hedge", "category": None, "voice": "own"},
                {"layer": "hedge", "category": "modal", "voice": "quoted"}]
    without_key = [{"layer": "hedge", "voice": "own"}, with_key[1]]
    words = {"own": 10, "reported": 0, "quoted": 5, "outlet": 10, "all": 15}
    expected = features._span_features(with_key, words)
    got = features._span_features(without_key, words)
    assert list(got) == list(expected)
    assert all(got[k] == expected[k] or (math.isnan(got[k]) and math.isnan(expected[k]))
               for k in got)
