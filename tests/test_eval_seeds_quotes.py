"""The quotation and voice evaluation on the hand-annotated seeds."""

from __future__ import annotations

from evaluation.seeds_quotes import evaluate

# Measured 2026-11-22: quotes 10/10 exact with right kinds, speakers 9/9,
# word voice (quoted vs not) 1.000, item voice 0.963; asserted a little lower.
FLOORS = {
    "quote_recall_exact": 1.0,
    "quote_precision_exact": 1.0,
    "quote_kind_accuracy": 1.0,
    "quote_speaker_accuracy": 0.85,
    "word_quoted_accuracy": 0.99,
    "item_voice_accuracy": 0.93,
    "item_reported_recall": 0.7,
    "item_reported_precision": 0.8,
}


def test_seed_quotes_and_voice_meet_the_targets(shared_data):
    figures = {f["metric"]: f for f in evaluate(shared_data)}
    assert figures, "annotations present but no figures computed"
    for metric, floor in FLOORS.items():
        assert figures[metric]["value"] >= floor, (metric, figures[metric]["value"])
    for fig in figures.values():
        assert set(fig) == {"task", "dataset", "metric", "value", "reference", "n", "limits"}
        assert fig["n"] > 0


def test_evaluate_without_data_returns_nothing(tmp_path):
    assert evaluate(tmp_path) == []
