"""Event files and label ladders: loading and validation."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from framing.events import EventError, event_from_dict, find_event_files, load_event
from framing.ladders import load_ladders, plural
from framing.lexicons import LexiconError

SEED_EVENT = Path(__file__).resolve().parents[1] / "seeds" / "event.yaml"

HEADER = "term\tkind\tclass\tscore\tuse\trationale\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- ladders -------------------------------------------------------------------

def test_default_ladders_order_each_kind():
    ladders = load_ladders()
    assert {"non_state_armed", "state", "protest", "migrant"} <= set(ladders.kinds)
    armed = ladders.classes("non_state_armed").set_index("class")
    assert armed.loc["terror", "score"] < armed.loc["militant", "score"] \
        < armed.loc["rebel", "score"] < armed.loc["opposition", "score"] \
        < armed.loc["revolutionary", "score"]
    assert armed.loc["terror", "rank"] == 0
    assert math.isnan(armed.loc["generic", "rank"])
    state = ladders.classes("state").set_index("class")
    assert state.loc["regime", "score"] < state.loc["authorities", "score"] < state.loc["government", "score"]
    assert ladders.entries["rationale"].str.len().min() > 10


def test_extra_ladder_file_adds_a_kind(tmp_path):
    path = write(tmp_path, "police.tsv", HEADER
                 + "thugs\tlaw_enforcement\tthug\t0\tnoun\tcriminalises officers\n"
                 + "police\tlaw_enforcement\tpolice\t1\tnoun\tthe neutral word\n")
    ladders = load_ladders(path)
    assert "law_enforcement" in ladders.kinds
    assert list(ladders.classes("law_enforcement")["class"]) == ["thug", "police"]


@pytest.mark.parametrize("row, message", [
    ("rebel\tnon_state_armed\trebel\t0.7\tnoun\tdup", "duplicate non_state_armed label 'rebel'"),
    ("bandit\tx\trebel\t0.2\tnoun\tclass score differs", None),
    ("thug\tx\tthug\t0.1\tverb\tbad use", "unknown use 'verb'"),
    ("\"thug\"\tx\tthug\t0.1\tnoun\tquoted", "can never match"),
    ("thug\tx\tthug\t7\tnoun\ttoo high", "outside 0..1"),
    ("thug\tx\tthug\thigh\tnoun\tnot a number", "is not a number"),
    ("thug\tx\tname\t0.1\tnoun\treserved", "reserved for names"),
    ("thug\tBad Kind\tthug\t0.1\tnoun\tkind", "lower-case identifier"),
])
def test_ladder_errors_name_file_and_line(tmp_path, row, message):
    body = HEADER + "rebel\tnon_state_armed\trebel\t0.7\tnoun\tfirst\n"
    if message is None:  # same class, two scores
        body = HEADER + "rebel\tx\trebel\t0.7\tnoun\tfirst\n"
        message = "class 'rebel' of kind 'x' has score"
    path = write(tmp_path, "bad.tsv", body + row + "\n")
    with pytest.raises(LexiconError, match=message) as err:
        load_ladders(path, include_default=False)
    assert "bad.tsv:" in str(err.value)


def test_plural_of_last_word():
    assert plural("rebel") == "rebels"
    assert plural("militia") == "militias"
    assert plural("army") == "armies"
    assert plural("troops") is None
    assert plural("gunmen") is None


# --- event files ---------------------------------------------------------------

def test_seed_event_loads():
    event = load_event(SEED_EVENT)
    assert event.id == "aleppo-2024"
    hts = event.actor("hts")
    assert hts.kind == "non_state_armed"
    assert ("HTS", "name") in hts.names and ("Nusra Front", "name") in hts.names
    assad = event.actor("assad_government")
    assert ("Assad", "leader") in assad.names
    assert "regime" in assad.bare
    with pytest.raises(KeyError, match="no actor"):
        event.actor("nobody")


EVENT = """
event: test-protest
title: A protest
actors:
  - id: strikers
    name: Striking workers
    kind: protest
    names: [Union Front]
    bare: [protester]
"""


def test_minimal_event_and_unknown_keys_kept(tmp_path):
    event = load_event(write(tmp_path, "e.yaml", EVENT + "    wcl_code: workers\n"))
    actor = event.actor("strikers")
    assert actor.names == (("Union Front", "name"),)
    assert actor.extra == {"wcl_code": "workers"}
    assert event.date is None


@pytest.mark.parametrize("text, message", [
    ("event: x\ntitle: y\n", "key 'actors' is missing"),
    ("event: x\nactors: [\n", "not valid YAML"),
    ("- just\n- a list\n", "is a mapping"),
    ("actors:\n  - {id: a, kind: protest, bare: [protester]}\n", "key 'event' is missing"),
    ("event: x\nactors:\n  - {id: a, kind: dragons, bare: [x]}\n", "unknown ladder kind 'dragons'"),
    ("event: x\nactors:\n  - {id: a, kind: protest, bare: [dragon]}\n", "key 'bare': 'dragon'"),
    ("event: x\nactors:\n  - {id: a, kind: protest}\n", "can never be found"),
    ("event: x\nactors:\n  - {id: a, kind: protest, names: [Blue], modifers: [x]}\n",
     "did you mean 'modifiers'"),
    ("event: x\nactors:\n  - {id: a, kind: protest, names: [Blue]}\n"
     "  - {id: b, kind: protest, names: [blue]}\n", "duplicate alias 'blue'"),
    ("event: x\nactors:\n  - {id: a, kind: protest, names: [Blue]}\n"
     "  - {id: a, kind: protest, names: [Red]}\n", "duplicate actor id 'a'"),
    ("event: x\nactors:\n  - {id: a, kind: protest, names: [{term: Blue, class: dragon}]}\n",
     "class 'dragon'"),
    ("event: x\nactors:\n  - {id: a, kind: protest, names: ['\"Blue\"']}\n", "can never match"),
    ("event: x\nactors:\n  - {id: a, names: [Blue]}\n", "key 'kind' is missing"),
])
def test_event_errors_name_file_and_key(tmp_path, text, message):
    path = write(tmp_path, "broken.yaml", text)
    with pytest.raises(EventError, match=message) as err:
        load_event(path)
    assert "broken.yaml" in str(err.value)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(EventError, match="no such event file"):
        load_event(tmp_path / "nope.yaml")


def test_event_from_dict_validates_like_files():
    with pytest.raises(EventError, match="<event>: key 'actors'"):
        event_from_dict({"event": "x", "actors": []})


def test_find_event_files_only_takes_event_yaml(tmp_path):
    write(tmp_path, "b_event.yaml", EVENT)
    write(tmp_path, "a_event.yml", EVENT)
    write(tmp_path, "config.yaml", "plot: {dpi: 100}\n")
    write(tmp_path, "notes.txt", "actors: no\n")
    assert [p.name for p in find_event_files(tmp_path)] == ["a_event.yml", "b_event.yaml"]
    assert find_event_files(tmp_path / "missing") == []


def test_seed_folder_has_its_event_file():
    assert SEED_EVENT in find_event_files(SEED_EVENT.parent)
