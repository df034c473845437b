"""BASIL: loaded/label hits against annotated lexical-bias spans, and our voice
against the quote flag (evaluation/basil.py). To stay fast on CI the test
scores a fixed subset, the first 120 articles by sorted id; measured on it:
coverage 0.344 (0.366 with loaded attribution verbs), precision lower bound
0.271, quote-flag accuracy 0.960, recall of quoted spans 0.941. The full run
(`.venv/bin/python -m evaluation.basil`, 240 articles) gives 0.333, 0.372,
0.276, 0.953 and 0.922."""

import pytest

from evaluation import DEFAULT_DATA_DIR
from evaluation.basil import evaluate

pytestmark = pytest.mark.skipif(not (DEFAULT_DATA_DIR / "basil" / "articles").is_dir(),
                                reason="BASIL data absent (../shared/data/basil)")


def test_basil_subset_meets_thresholds():
    figures = {(r["task"], r["metric"]): r["value"] for r in evaluate(limit=120)}
    assert figures[("lexical bias spans containing a loaded/label hit", "coverage")] >= 0.31
    assert figures[("lexical bias spans containing a loaded/label hit or loaded attribution verb",
                    "coverage")] >= 0.33
    assert figures[("own-voice loaded hits inside an annotated bias span",
                    "precision (lower bound)")] >= 0.24
    assert figures[("quote flag vs our voice", "accuracy")] >= 0.93
    assert figures[("quote flag vs our voice", "recall of quoted spans")] >= 0.91
