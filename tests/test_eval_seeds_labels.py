"""The actor-label figures on the annotated seeds (skips without the data)."""

from __future__ import annotations

import pytest

from evaluation.seeds_labels import evaluate


@pytest.fixture(scope="module")
def figures():
    rows = evaluate()
    if not rows:
        pytest.skip("shared seeds_annotations not available")
    for row in rows:
        print(f"{row['task']:<52} {row['metric']:<10} {row['value']:.3f} (n={row['n']})")
    return {(row["task"], row["metric"]): row["value"] for row in rows}


@pytest.mark.parametrize("side", ["HTS", "Assad's government"])
def test_core_mentions_found(figures, side):
    # measured 1.00 / 0.98 (HTS) and 1.00 / 1.00 (Assad); issue target 0.9
    assert figures[(f"actor mentions of {side} (core)", "precision")] >= 0.95
    assert figures[(f"actor mentions of {side} (core)", "recall")] >= 0.95


def test_label_class_right(figures):
    assert figures[("label class of core mentions found", "accuracy")] >= 0.95  # measured 1.00


def test_voice_right(figures):
    key = ("voice of core mentions found", "accuracy")
    if key not in figures:
        pytest.skip("voice stage not available")
    assert figures[key] >= 0.9  # measured 0.93 (voice comes from framing.voice)


def test_no_distractor_assigned(figures):
    assert figures[("distractors assigned to HTS or Assad's government", "count")] == 0
