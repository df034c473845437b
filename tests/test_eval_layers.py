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


def test_babe_loaded_language_score(shared_data):
    rows = figures(babe.evaluate(shared_data))
    if not rows:
        pytest.skip("babe absent")
    auc = rows[("loaded-language score (intensity sum) vs expert bias label", "ROC AUC")]
    print(f"\nBABE ROC AUC {auc['value']:.3f} (n={auc['n']})")
    assert auc["value"] >= 0.67  # measured 0.691; target 0.70 not reached
    precision = rows[("loaded hits among experts' biased words", "precision")]
    assert precision["value"] >= 0.41  # measured 0.438


@pytest.mark.parametrize("module", [seeds_layers, hedges_wiki, babe])
def test_evaluations_return_nothing_without_data(module, tmp_path):
    assert module.evaluate(tmp_path) == []
