"""docs/validity.md is what `make evaluate` writes: it must match a fresh run."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation import DEFAULT_DATA_DIR
from evaluation.__main__ import render_markdown, run_all

pytestmark = pytest.mark.slow

DOC = Path(__file__).resolve().parents[1] / "docs" / "validity.md"


def test_validity_doc_matches_a_fresh_run():
    if not DEFAULT_DATA_DIR.is_dir():
        pytest.skip("../shared/data (validation data) is not present")
    fresh = render_markdown(run_all(DEFAULT_DATA_DIR, progress=lambda _: None), DEFAULT_DATA_DIR)
    assert DOC.read_text(encoding="utf-8") == fresh, (
        "docs/validity.md is out of date: run `make evaluate` and commit it")


def test_render_says_when_nothing_was_evaluated(tmp_path):
    text = render_markdown([], tmp_path)
    assert "nothing was evaluated" in text
