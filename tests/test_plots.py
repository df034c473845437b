"""The charts in framing.plots, drawn from small hand-made tables."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from framing import plots, schema

matplotlib.use("Agg")

OUTLETS = ["Alpha News", "Beta Daily", "Gamma Post"]


def _by_outlet(rows: list[tuple]) -> pd.DataFrame:
    """rows: (outlet, measure, voice, value, ci_low, ci_high, count, small)."""
    records = [{"event": "e", "outlet": o, "measure": m, "voice": v, "value": val,
                "ci_low": lo, "ci_high": hi, "count": c, "n_units": 40, "n_articles": 1,
                "n_reports": 1, "small": s} for o, m, v, val, lo, hi, c, s in rows]
    return pd.DataFrame(records, columns=schema.BY_OUTLET_COLUMNS)


@pytest.fixture
def by_outlet() -> pd.DataFrame:
    rows = []
    for i, outlet in enumerate(OUTLETS):
        rows += [
            (outlet, "hedge_rate", "own", 2.0 + i, 1.0 + i, 3.0 + i, 6 + i, False),
            (outlet, "booster_rate", "own", 3.0 - i, 2.0 - i / 2, 4.0 - i, 7, False),
            (outlet, "loaded_rate", "own", 10.0 * (i + 1), 5.0, 15.0 * (i + 1), 9, False),
            (outlet, "loaded_rate", "quoted", 4.0, 0.0, 12.0, 1, True),
            (outlet, "sentiment_mean", "own", -0.1 * i, np.nan, np.nan, np.nan, True),
            # equal for every outlet: no difference, so z must be 0, not NaN
            (outlet, "words_share", "quoted", 0.2, np.nan, np.nan, np.nan, True),
        ]
    return _by_outlet(rows)


@pytest.fixture
def labels() -> pd.DataFrame:
    classes = [("terror", 0.0), ("rebel", 0.6), ("opposition", 1.0), ("name", np.nan)]
    counts = {"Alpha News": [6, 1, 0, 3], "Beta Daily": [0, 5, 4, 2], "Gamma Post": [1, 0, 0, 1]}
    rows = []
    for outlet, ns in counts.items():
        total = sum(ns)
        for (cls, rank), n in zip(classes, ns, strict=True):
            share = n / total
            rows.append({"event": "e", "outlet": outlet, "actor": "rebels", "voice": "own",
                         "label_class": cls, "rank": rank, "count": n, "share": share,
                         "ci_low": max(0.0, share - 0.2), "ci_high": min(1.0, share + 0.2)})
    # listed out of ladder order on purpose
    return pd.DataFrame(rows, columns=schema.LABEL_MATRIX_COLUMNS).iloc[::-1]


def _reuse_tables():
    articles = pd.DataFrame({"doc_id": ["a", "b", "c", "d"],
                             "outlet": ["Wire", "Copycat", "Summariser", "Loner"],
                             "date": ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-01"]})

    def pair(a, b, rel, src, der, sa, sb):
        return {"doc_a": a, "doc_b": b, "shingle_containment_a": 0.5, "shingle_containment_b": 0.5,
                "aligned_share_a": sa, "aligned_share_b": sb, "n_aligned": 5, "relation": rel,
                "source_doc": src, "derived_doc": der, "evidence": ""}
    pairs = pd.DataFrame([pair("a", "b", "copy", "a", "b", 0.9, 0.95),
                          pair("b", "c", "summary", "b", "c", 0.2, 0.6),
                          pair("a", "d", "independent", np.nan, np.nan, 0.0, 0.0)],
                         columns=schema.REUSE_PAIR_COLUMNS)
    groups = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "report_id": ["a", "a", "a", "d"],
                           "is_original": [True, False, False, True]})
    return articles, pairs, groups


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=60, metadata={"Software": None})
    return buffer.getvalue()


def _all_text(fig: Figure) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


# -- every chart -------------------------------------------------------------------

def test_every_chart_draws_with_a_question_title_and_the_note(by_outlet, labels):
    articles, pairs, groups = _reuse_tables()
    sentences = pd.DataFrame({"outlet": np.repeat(OUTLETS, 4),
                              "compound": np.linspace(-0.9, 0.9, 12)})
    tone = pd.DataFrame({"outlet": OUTLETS, "actor": "rebels", "voice": "own",
                         "value": [-0.5, 0.0, 0.3], "ci_low": [-0.7, -0.2, 0.1],
                         "ci_high": [-0.3, 0.2, 0.5], "count": [9, 9, 2],
                         "small": [False, False, True]})
    distinctive = pd.DataFrame({"outlet": np.repeat(OUTLETS, 2), "term": list("uvwxyz"),
                                "ngram": 1, "count": 3, "count_rest": 1,
                                "log_odds": 1.0, "z": [3.0, 1.0, 2.5, 0.5, 2.0, 2.1]},
                               columns=schema.DISTINCTIVE_COLUMNS)
    note = plots.source_note("toy", 3, n_outlets=3)
    figures = [
        plots.actor_label_chart(labels, "rebels", note=note),
        plots.framing_profile_heatmap(by_outlet, note=note),
        plots.voice_chart(by_outlet, note=note),
        plots.hedge_booster_scatter(by_outlet, note=note),
        plots.sentiment_distribution(sentences, value="compound", note=note),
        plots.actor_tone_chart(tone, note=note),
        plots.distinctive_terms_chart(distinctive, note=note),
        plots.reuse_map(articles, pairs, groups, note=note),
    ]
    for fig in figures:
        assert isinstance(fig, Figure)
        assert "?" in fig._suptitle.get_text()
        assert "Source: toy corpus, 3 articles from 3 outlets." in _all_text(fig).replace("\n", " ")
        assert _png(fig).startswith(b"\x89PNG")


def test_a_chart_drawn_twice_is_byte_identical(by_outlet):
    sentences = pd.DataFrame({"outlet": np.repeat(OUTLETS, 30),
                              "sentiment": np.tile(np.linspace(-1, 1, 30), 3)})
    assert _png(plots.sentiment_distribution(sentences)) == _png(plots.sentiment_distribution(sentences))
    assert _png(plots.hedge_booster_scatter(by_outlet)) == _png(plots.hedge_booster_scatter(by_outlet))


def test_charts_draw_into_a_callers_axes(by_outlet, labels):
    fig = Figure()
    ax = fig.subplots()
    assert plots.voice_chart(by_outlet, ax=ax) is fig
    assert plots.actor_label_chart(labels, "rebels", ax=fig.add_subplot(2, 1, 2)) is fig
    assert ax.get_title(loc="left")  # the question goes on the caller's axes
    assert fig._suptitle is None


def test_empty_tables_give_a_message_not_a_crash(by_outlet, labels):
    empty_bo = by_outlet.iloc[0:0]
    articles, pairs, _ = _reuse_tables()
    for fig in (plots.voice_chart(empty_bo), plots.framing_profile_heatmap(empty_bo),
                plots.hedge_booster_scatter(empty_bo),
                plots.actor_label_chart(labels, "nobody", actor_name="Nobody"),
                plots.distinctive_terms_chart(pd.DataFrame(columns=schema.DISTINCTIVE_COLUMNS)),
                plots.reuse_map(articles.iloc[0:0], pairs.iloc[0:0])):
        _png(fig)
    assert "No labelled mentions of Nobody" in _all_text(
        plots.actor_label_chart(labels, "nobody", actor_name="Nobody"))


def test_a_table_without_the_contract_columns_is_refused(by_outlet):
    with pytest.raises(ValueError, match="ci_low"):
        plots.voice_chart(by_outlet.drop(columns=["ci_low"]))


# -- what each chart shows -------------------------------------------------------------

def test_label_classes_follow_the_ladder_and_unranked_come_last(labels):
    fig = plots.actor_label_chart(labels, "rebels")
    bottom = fig.axes[-1]
    assert [t.get_text() for t in bottom.get_xticklabels()] == ["terror", "rebel", "opposition", "name"]
    assert "not on the ladder →" in _all_text(fig)


def test_label_bar_heights_are_the_shares_and_small_outlets_are_hatched(labels):
    fig = plots.actor_label_chart(labels, "rebels", voices=("own",), min_mentions=5)
    bars = [p for p in fig.axes[0].patches if p.get_height() > 0]
    heights = sorted(round(b.get_height(), 6) for b in bars)
    expected = labels.loc[labels["count"] > 0, "share"].round(6).sort_values().tolist()
    assert heights == expected
    gamma = plots.outlet_colours(sorted(OUTLETS))["Gamma Post"].lower()
    hatched = {matplotlib.colors.to_hex(b.get_facecolor()) for b in bars if b.get_hatch()}
    assert hatched == {gamma}  # Gamma Post has 2 mentions, fewer than 5


def test_profile_standardises_columns_and_prints_the_raw_values(by_outlet):
    fig = plots.framing_profile_heatmap(by_outlet)
    image = fig.axes[0].images[0]
    z = np.ma.filled(image.get_array(), np.nan)
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    hedges = z[:, labels.index("hedges\nper 1,000 words")]
    assert hedges == pytest.approx([-1.224745, 0.0, 1.224745], abs=1e-5)  # 2, 3, 4
    quoted = z[:, labels.index("share of words\nquoted")]
    assert quoted.tolist() == [0.0, 0.0, 0.0]  # equal values are no difference
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"2.00", "3.00", "4.00", "0.20", "-0.10"} <= texts


def test_voice_chart_hatches_small_counts_only(by_outlet):
    fig = plots.voice_chart(by_outlet)
    bars = [p for p in fig.axes[0].patches if p.get_width() > 0 and p.get_height() < 1]
    quoted = matplotlib.colors.to_rgba(plots.VOICE_COLOURS["quoted"])
    for bar in bars:
        is_quoted = bar.get_facecolor()[:3] == pytest.approx(quoted[:3])
        assert bool(bar.get_hatch()) == is_quoted  # the quoted rows are flagged small


def test_scatter_places_each_outlet_at_its_rates(by_outlet):
    fig = plots.hedge_booster_scatter(by_outlet)
    ax = fig.axes[0]
    points = sorted((round(x, 6), round(y, 6)) for line in ax.lines
                    for x, y in zip(*line.get_data(), strict=True) if line.get_marker() == "o")
    assert points == [(2.0, 3.0), (3.0, 2.0), (4.0, 1.0)]
    assert {t.get_text() for t in ax.texts} >= set(OUTLETS)


def test_reuse_map_puts_sources_left_of_what_derives_from_them():
    articles, pairs, groups = _reuse_tables()
    fig = plots.reuse_map(articles, pairs, groups)
    ax = fig.axes[0]
    boxes = {t.get_text().split("\n")[0]: t.get_position() for t in ax.texts
             if t.get_bbox_patch() is not None and "#" in t.get_text()}
    assert boxes["Wire"][0] < boxes["Copycat"][0] < boxes["Summariser"][0]
    assert boxes["Loner"][0] == boxes["Wire"][0]
    arrows = [c for c in ax.texts if isinstance(c, matplotlib.text.Annotation)]
    assert len(arrows) == 2  # the independent pair is not drawn
    assert "4 articles, how many reports? 2 independent reports" in fig._suptitle.get_text().replace("\n", " ")
    edge_labels = {t.get_text() for t in ax.texts}
    assert "copy\n95% aligned" in edge_labels  # the derived article's aligned share
    assert "summary\n60% aligned" in edge_labels


def test_reuse_layers_survive_a_cycle():
    assert plots._layers(["a", "b"], [("a", "b"), ("b", "a")]) in ({"a": 0, "b": 1}, {"a": 1, "b": 0})


def test_distinctive_terms_fade_the_not_significant(by_outlet):
    distinctive = pd.DataFrame({"outlet": ["A", "A"], "term": ["strong", "weak"], "ngram": 1,
                                "count": [5, 2], "count_rest": 0, "log_odds": 1.0,
                                "z": [2.5, 1.0]}, columns=schema.DISTINCTIVE_COLUMNS)
    fig = plots.distinctive_terms_chart(distinctive)
    alphas = {round(p.get_width(), 3): p.get_alpha() for p in fig.axes[0].patches}
    assert alphas[2.5] in (None, 1.0)
    assert alphas[1.0] == pytest.approx(plots.SMALL_ALPHA)


def test_outlet_colours_are_colour_blind_safe_and_stable():
    colours = plots.outlet_colours(["b", "a"])
    assert colours == {"b": plots.OKABE_ITO[0], "a": plots.OKABE_ITO[1]}
    assert len(plots.outlet_colours([str(i) for i in range(12)])) == 12
