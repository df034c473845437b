"""Shared test set-up: a headless plotting backend and the paths tests need."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED_DATA = REPO / ".." / "shared" / "data"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data (validation data) is not present")
    return SHARED_DATA


@pytest.fixture(scope="session")
def seeds_analysis():
    """The analysis of the seed corpus, computed once for the whole session."""
    import framing
    return framing.analyze(SEEDS, n_jobs=1)
