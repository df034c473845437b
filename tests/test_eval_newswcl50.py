"""NewsWCL50 events 0-4: our actor mentions against the gold target-concept
mentions (evaluation/newswcl50.py). Thresholds sit a little below the figures
measured with `.venv/bin/python -m evaluation.newswcl50` (all outlets:
precision 0.907, recall 0.729, F1 0.808)."""

import pytest

from evaluation import DEFAULT_DATA_DIR
from evaluation.newswcl50 import EVENTS_DIR, concept_map, evaluate

pytestmark = pytest.mark.skipif(not (DEFAULT_DATA_DIR / "newswcl50" / "2-matched").is_dir(),
                                reason="NewsWCL50 data absent (../shared/data/newswcl50)")


def test_every_event_file_maps_actors_to_gold_codes():
    for event in range(5):
        codes = concept_map(EVENTS_DIR / f"event_{event}.yaml")
        assert codes and all(isinstance(c, list) and c for c in codes.values())


def test_newswcl50_actor_mentions_meet_thresholds():
    figures = {(r["task"], r["metric"]): r for r in evaluate()}
    overall = "actor mentions vs target-concept mentions (all)"
    assert figures[(overall, "precision")]["value"] >= 0.88
    assert figures[(overall, "recall")]["value"] >= 0.70
    assert figures[(overall, "F1")]["value"] >= 0.78
    for outlet in ("LL", "L", "M", "R", "RR"):
        assert figures[(f"actor mentions vs target-concept mentions ({outlet})", "F1")]["value"] >= 0.72
