"""Per-outlet comparisons on hand-made tables."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from framing import compare, schema, stats

OUTLETS = {"d1": "A", "d2": "A", "d3": "B", "d4": "C"}


def _articles():
    texts = {
        "d1": "The regime shelled the town. Rebels said the regime was weak.",
        "d2": "The regime claimed victory. Observers doubted the claim.",
        "d3": "The government restored order. Rebels retreated from the town.",
        "d4": "The government spoke. Officials praised the army.",
    }
    rows = [{"doc_id": d, "outlet": OUTLETS[d], "title": None, "date": None, "url": None,
             "event": "e1", "source": None, "text": t, "raw_text": t} for d, t in texts.items()]
    return schema.frame_from_records(rows, schema.ARTICLE_COLUMNS)


def _sentences(n_per_doc=20, words=10, share_own=0.8, share_quoted=0.2):
    rows = []
    for d in OUTLETS:
        for i in range(n_per_doc):
            rows.append({"doc_id": d, "sent_id": i, "start": i * 100, "end": i * 100 + 60,
                         "paragraph": i // 4, "zone": "body", "n_words": words,
                         "share_own": share_own, "share_reported": 0.0,
                         "share_quoted": share_quoted})
    return schema.frame_from_records(rows, schema.SENTENCE_COLUMNS)


def _span(doc_id, sent_id, layer, voice, category=None, actor=None, score=np.nan):
    return {"doc_id": doc_id, "start": sent_id * 100, "end": sent_id * 100 + 5, "text": "x",
            "layer": layer, "category": category, "term": "x", "actor": actor, "score": score,
            "voice": voice, "speaker": None, "sent_id": sent_id}


def _spans():
    rows = []
    # A: 8 own hedges over 2 articles (40 sentences x 8 own words = 320 own words)
    for k in range(4):
        rows.append(_span("d1", k, "hedge", "own", "epistemic"))
        rows.append(_span("d2", k, "hedge", "own", "epistemic"))
    rows.append(_span("d1", 5, "hedge", "quoted", "epistemic"))
    # B: 1 own hedge over 160 own words
    rows.append(_span("d3", 0, "hedge", "own", "epistemic"))
    return schema.frame_from_records(rows, schema.SPAN_COLUMNS)


def test_outlet_table_rates_counts_and_denominators():
    table = compare.outlet_table(_articles(), _sentences(), _spans(), None, seed=1)
    assert list(table.columns) == schema.BY_OUTLET_COLUMNS
    a_own = table.query("outlet == 'A' and measure == 'hedge_rate' and voice == 'own'").iloc[0]
    assert a_own["value"] == pytest.approx(1000 * 8 / 320)   # own-voice words as denominator
    assert a_own["count"] == 8 and a_own["n_articles"] == 2 and a_own["n_units"] == 40
    assert a_own["ci_low"] < a_own["value"] < a_own["ci_high"]
    assert not a_own["small"]
    assert math.isnan(a_own["n_reports"])  # unknown without reuse groups
    a_q = table.query("outlet == 'A' and measure == 'hedge_rate' and voice == 'quoted'").iloc[0]
    assert a_q["value"] == pytest.approx(1000 * 1 / 80) and a_q["small"]
    b_own = table.query("outlet == 'B' and measure == 'hedge_rate' and voice == 'own'").iloc[0]
    assert b_own["small"] and b_own["count"] == 1
    c_own = table.query("outlet == 'C' and measure == 'hedge_rate' and voice == 'own'").iloc[0]
    # zero hits: value 0 with the rule-of-three upper bound, not [0, 0]
    assert c_own["value"] == 0 and c_own["ci_high"] == pytest.approx(1000 * 3 / 160)
    cat = table.query("outlet == 'A' and measure == 'hedge_epistemic_rate' and voice == 'all'")
    assert cat.iloc[0]["count"] == 9


def test_outlet_table_is_seeded():
    a = compare.outlet_table(_articles(), _sentences(), _spans(), None, seed=3)
    b = compare.outlet_table(_articles(), _sentences(), _spans(), None, seed=3)
    pd.testing.assert_frame_equal(a, b)


def test_outlet_table_counts_independent_reports():
    groups = pd.DataFrame({"doc_id": ["d1", "d2", "d3", "d4"],
                           "report_id": ["d1", "d1", "d3", "d4"],
                           "is_original": [True, False, True, True]})
    table = compare.outlet_table(_articles(), _sentences(), _spans(), None, groups=groups)
    a_own = table.query("outlet == 'A' and measure == 'hedge_rate' and voice == 'own'").iloc[0]
    assert a_own["n_articles"] == 1 and a_own["n_reports"] == 1 and a_own["count"] == 4


def test_outlet_table_feature_means():
    features = pd.DataFrame({"doc_id": ["d1", "d2", "d3", "d4"],
                             "sentiment_mean_own": [-0.5, -0.3, 0.1, np.nan],
                             "quotes_speech_count_all": [2, 1, 0, 4]})
    table = compare.outlet_table(_articles(), _sentences(), _spans(), features)
    sent_a = table.query("outlet == 'A' and measure == 'sentiment_mean'").iloc[0]
    assert sent_a["value"] == pytest.approx(-0.4) and sent_a["n_units"] == 2 and sent_a["small"]
    sent_c = table.query("outlet == 'C' and measure == 'sentiment_mean'").iloc[0]
    assert math.isnan(sent_c["value"])
    quotes_a = table.query("outlet == 'A' and measure == 'quotes_speech_count'").iloc[0]
    assert quotes_a["value"] == 3


def test_compare_outlets_against_rest_and_pair():
    res = compare.compare_outlets(_articles(), _sentences(), _spans(), "A", n_perm=999, seed=0)
    hedge = res.set_index("measure").loc["hedge_rate"]
    assert hedge["outlet_b"] == "(all others)"
    assert hedge["rate_a"] == pytest.approx(1000 * 8 / 320)
    assert hedge["rate_b"] == pytest.approx(1000 * 1 / 320)
    assert hedge["difference"] > 0 and hedge["p_value"] < 0.05
    assert hedge["p_holm"] >= hedge["p_value"]
    pair = compare.compare_outlets(_articles(), _sentences(), _spans(), "A", "B", n_perm=199)
    assert pair.set_index("measure").loc["hedge_rate", "rate_b"] == pytest.approx(1000 / 160)
    with pytest.raises(ValueError, match="not in the articles"):
        compare.compare_outlets(_articles(), _sentences(), _spans(), "Z")


def _label_spans():
    rows = [_span("d1", 0, "actor_label", "own", "regime", "assad_gov", 0.0),
            _span("d1", 1, "actor_label", "own", "regime", "assad_gov", 0.0),
            _span("d2", 0, "actor_label", "reported", "government", "assad_gov", 2.0),
            _span("d2", 1, "actor_label", "quoted", "regime", "assad_gov", 0.0),
            _span("d3", 0, "actor_label", "own", "government", "assad_gov", 2.0),
            _span("d3", 1, "actor_label", "own", "regime", "assad_gov", 0.0),
            _span("d4", 0, "actor_label", "own", "administration", "assad_gov", 1.0)]
    return schema.frame_from_records(rows, schema.SPAN_COLUMNS)


def test_label_matrix_shares_ordered_by_rank_with_intervals():
    m = compare.label_matrix(_label_spans(), _articles())
    assert list(m.columns) == schema.LABEL_MATRIX_COLUMNS
    a_own = m.query("outlet == 'A' and voice == 'own'")
    assert list(a_own["label_class"]) == ["regime", "administration", "government"]
    assert list(a_own["count"]) == [2, 0, 0]   # a reported label is not the outlet's own
    a_rep = m.query("outlet == 'A' and voice == 'reported'")
    assert a_rep.set_index("label_class").loc["government", "count"] == 1
    assert a_own["share"].sum() == pytest.approx(1.0)
    share, low, high = stats.share_intervals([2, 0, 0])
    np.testing.assert_allclose(a_own["ci_low"], low)
    np.testing.assert_allclose(a_own["ci_high"], high)
    a_q = m.query("outlet == 'A' and voice == 'quoted'")
    assert a_q.set_index("label_class").loc["regime", "count"] == 1


def test_ladder_scores_and_divergence():
    scores = compare.ladder_scores(_label_spans(), _articles())
    a = scores.query("outlet == 'A' and voice == 'own'").iloc[0]
    assert a["mean_score"] == pytest.approx(0.0) and a["count"] == 2 and a["small"]
    a_rep = scores.query("outlet == 'A' and voice == 'reported'").iloc[0]
    assert a_rep["mean_score"] == pytest.approx(2.0) and a_rep["count"] == 1
    div = compare.label_divergence(_label_spans(), _articles())
    ab = div.query("outlet_a == 'A' and outlet_b == 'B'").iloc[0]
    assert 0 < ab["js_divergence"] < 1
    bc = div.query("outlet_a == 'B' and outlet_b == 'C'").iloc[0]
    assert bc["js_divergence"] == pytest.approx(1.0)


def test_distinctive_terms_match_log_odds_and_respect_voice():
    articles = pd.DataFrame({
        "doc_id": ["a1", "a2", "b1", "c1"], "outlet": ["A", "A", "B", "C"],
        "text": ["The brutal regime attacked. The brutal regime lied.",
                 "A brutal regime again. “Rebels fight,” he said.",
                 "The government acted. The government spoke.",
                 "The government met rebels. Rebels fight on."],
    })
    terms = compare.distinctive_terms(articles, min_count=2)
    assert list(terms.columns) == schema.DISTINCTIVE_COLUMNS
    a_uni = terms.query("outlet == 'A' and ngram == 1").iloc[0]
    assert a_uni["term"] in {"brutal", "regime"} and a_uni["count"] == 3
    # recompute the z of "brutal" for A by hand from the counts
    totals = {}
    for text in articles["text"]:
        for w in ["brutal", "regime", "attacked", "lied", "rebels", "fight", "government",
                  "acted", "spoke", "met"]:
            totals[w] = totals.get(w, 0) + text.lower().count(w)
    kept = {w: c for w, c in totals.items() if c >= 2}
    a_counts = {"brutal": 3, "regime": 3, "rebels": 1, "fight": 1, "government": 0}
    y_i = np.array([a_counts.get(w, 0) for w in kept])
    y_all = np.array(list(kept.values()))
    _, z = stats.log_odds_dirichlet(y_i, y_all - y_i, y_all)
    z_brutal = z[list(kept).index("brutal")]
    assert terms.query("outlet == 'A' and term == 'brutal'")["z"].iloc[0] == pytest.approx(z_brutal)
    assert "brutal regime" in set(terms.query("outlet == 'A' and ngram == 2")["term"])
    # no bigram across a sentence end
    assert "attacked brutal" not in set(terms["term"])
    # own voice only: the quoted "Rebels fight" of A no longer counts
    voices = pd.DataFrame({"doc_id": ["a1", "a2", "a2", "a2", "b1", "c1"],
                           "start": [0, 0, 23, 37, 0, 0], "end": [52, 23, 37, 46, 44, 44],
                           "voice": ["own", "own", "quoted", "own", "own", "own"]})
    own = compare.distinctive_terms(articles, voices, min_count=2)
    assert own.query("outlet == 'A' and term == 'rebels'").empty


@pytest.mark.parametrize("unit", ["paragraph", "article"])
def test_other_units_give_the_same_rates(unit):
    res = compare.compare_outlets(_articles(), _sentences(), _spans(), "A", "B", unit=unit,
                                  n_perm=99, seed=0)
    hedge = res.set_index("measure").loc["hedge_rate"]
    assert hedge["rate_a"] == pytest.approx(1000 * 8 / 320)
    assert hedge["n_units_a"] == {"paragraph": 10, "article": 2}[unit]
    table = compare.outlet_table(_articles(), _sentences(), _spans(), None, unit=unit)
    a_own = table.query("outlet == 'A' and measure == 'hedge_rate' and voice == 'own'").iloc[0]
    assert a_own["value"] == pytest.approx(25.0)
    with pytest.raises(ValueError, match="unit must be"):
        compare.outlet_table(_articles(), _sentences(), _spans(), None, unit="word")
