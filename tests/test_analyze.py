"""`analyze()` options that reach the annotator: a user's own label ladder."""

from __future__ import annotations

import pandas as pd
import pytest

from framing import analyze
from framing.lexicons import LexiconError

LADDER = (
    "term\tkind\tclass\tscore\tuse\trationale\n"
    "striker\tworkforce\tstriker\t0.5\tnoun\tthe plain word for workers on strike\n"
    "wrecker\tworkforce\twrecker\t0\tnoun\tblames the workers for the damage\n"
)
EVENT = (
    "event: port-strike\n"
    "title: A port strike\n"
    "actors:\n"
    "  - id: dockers\n"
    "    name: The dock workers\n"
    "    kind: workforce\n"
    "    names: [dockers]\n"
    "    bare: [striker, wrecker]\n"
)
ARTICLES = pd.DataFrame({
    "doc_id": ["a", "b"], "outlet": ["A", "B"], "event": ["port-strike"] * 2,
    "text": ["The strikers closed the port on Monday.",
             "The wreckers closed the port on Monday, officials said."],
})


@pytest.fixture()
def user_files(tmp_path):
    ladder = tmp_path / "workforce.tsv"
    ladder.write_text(LADDER, encoding="utf-8")
    event = tmp_path / "strike.yaml"
    event.write_text(EVENT, encoding="utf-8")
    return ladder, event


def test_a_users_ladder_defines_a_new_kind_and_its_labels(user_files):
    ladder, event = user_files
    analysis = analyze(ARTICLES, event=event, ladders=ladder, n_jobs=1)
    labels = analysis.spans[analysis.spans["layer"] == "actor_label"]
    found = dict(zip(labels["doc_id"], labels["category"], strict=True))
    assert found == {"a": "striker", "b": "wrecker"}
    assert set(labels["actor"]) == {"dockers"}
    assert sorted(labels["score"]) == [0.0, 0.5]


def test_an_event_naming_a_kind_no_ladder_defines_is_refused_with_the_file(user_files):
    _, event = user_files
    with pytest.raises(ValueError, match="strike.yaml"):
        analyze(ARTICLES, event=event, n_jobs=1)


def test_a_broken_ladder_file_names_file_and_line(user_files, tmp_path):
    _, event = user_files
    bad = tmp_path / "bad.tsv"
    bad.write_text(LADDER + "rioter\tworkforce\trioter\ttwo\tnoun\tnot a number\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad.tsv:\d+"):
        analyze(ARTICLES, event=event, ladders=bad, n_jobs=1)
