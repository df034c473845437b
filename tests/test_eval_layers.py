"""Evaluation thresholds of the lexicon layers (skipped without the shared data).

Each assertion sits a little below the figure measured when it was written
(see docs/lexicons.md), so a regression fails and a small wobble does not.
"""

from __future__ import annotations

import pytest

from evaluation import babe, hedges_wiki, seeds_layers


def figures(rows) -> dict:
    return {(r["task"], r["metric"]): r for r in rows}


def test_seed_hedges_boosters_verbs_and_loaded_words(shared_data):
    rows = figures(seeds_layers.evaluate(shared_data))
    if not rows:
        pytest.skip("seeds_annotations absent")
    for (task, metric), row in rows.items():
        print(f"\n{task:<48} {metric:<10} {row['value']:.3f} (n={row['n']})", end="")
    assert rows[("hedges (core)", "recall")]["value"] >= 0.85  # measured 1.000 (8 items)
    assert rows[("hedges (core)", "precision")]["value"] >= 0.8  # measured 1.000
    assert rows[("attribution verbs", "recall")]["value"] >= 0.85  # measured 0.933
    assert rows[("attribution verbs", "precision")]["value"] >= 0.9  # measured 1.000
    assert rows[("attribution verb class of verbs found", "accuracy")]["value"] >= 0.9
    assert rows[("attribution verb speaker of verbs found", "accuracy")]["value"] >= 0.85  # 0.929
    assert rows[("loaded words vs gold emotive", "recall")]["value"] >= 0.75  # measured 0.833
    assert rows[("loaded words vs gold emotive", "precision")]["value"] >= 0.85  # measured 0.926


def test_wikipedia_uncertainty_sentences(shared_data):
    rows = figures(hedges_wiki.evaluate(shared_data))
    if not rows:
        pytest.skip("hedges/wiki.xml absent")
    f1 = rows[("sentence has an uncertainty cue (hedge layer)", "F1")]
    print(f"\nwiki hedges sentence F1 {f1['value']:.3f} (n={f1['n']})")
    assert f1["n"] > 20000
    assert f1["value"] >= 0.64  # measured 0.660; target 0.60


def test_babe_slant_score(shared_data):
    rows = figures(babe.evaluate(shared_data))
    if not rows:
        pytest.skip("babe absent")
    auc = rows[("slant score (loaded + labels + loaded verbs + boosters) vs expert bias label",
                "ROC AUC")]
    print(f"\nBABE slant ROC AUC {auc['value']:.3f} (n={auc['n']})")
    assert auc["n"] > 2900
    assert auc["value"] >= 0.69  # measured 0.711 (bootstrap 95 % 0.694-0.728); target 0.70
    loaded_only = rows[("loaded-language score (intensity sum only) vs expert bias label",
                        "ROC AUC")]
    assert loaded_only["value"] >= 0.67  # measured 0.691
    f1 = rows[(f"Biased when slant score >= {babe.THRESHOLD:g} (fixed in advance)", "F1 (Biased)")]
    assert f1["value"] >= 0.59  # measured 0.619
    precision = rows[("loaded hits among experts' biased words", "precision")]
    assert precision["value"] >= 0.41  # measured 0.441


def _span(layer, start, end, category="x", score=float("nan")):
    return {"layer": layer, "start": start, "end": end, "category": category, "score": score}


def test_slant_score_weights_and_overlaps():
    spans = [
        _span("loaded", 0, 6, "evaluative", 2.0),        # "brutal"
        _span("booster", 10, 17, "adverb"),              # "clearly" -> 1
        _span("attribution", 20, 27, "blame"),           # "blamed" -> 1
        _span("attribution", 30, 34, "neutral"),         # "said" -> 0
        _span("hedge", 40, 43, "modal"),                 # "may" -> 0
        _span("actor_label", 50, 56, "regime", 0.0),     # "regime" -> 2
        _span("actor_label", 60, 70, "extremist", 0.15),  # -> 1
        _span("actor_label", 80, 90, "militant", 0.3),   # above 0.2 -> 0
        _span("actor_label", 95, 99, "military"),        # off the ladder -> 0
    ]
    assert babe.slant_score(spans) == 2 + 1 + 1 + 2 + 1
    # one stretch of text counts once: a term in two layers takes its highest
    # weight, and a label over a loaded word ("extremist group") adds nothing
    assert babe.slant_score([_span("loaded", 0, 9, "evaluative", 2.0),
                             _span("booster", 0, 9, "adverb"),
                             _span("actor_label", 0, 15, "extremist", 0.15)]) == 2
    assert babe.slant_score([]) == 0


@pytest.mark.parametrize("module", [seeds_layers, hedges_wiki, babe])
def test_evaluations_return_nothing_without_data(module, tmp_path):
    assert module.evaluate(tmp_path) == []
