"""Actor-label annotator on small invented texts about other events."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import schema
from framing.actors import (
    _LONGER_LOWER,
    _OTHER_WORDS_LOWER,
    ActorAnnotator,
    _tokenize_windows,
    _tokens_near,
    _windows,
    find_mentions,
)
from framing.events import load_event
from framing.matcher import WordIndex, lower_same_length
from framing.tokens import WORD_RE

CIVIL_WAR = """
event: northland-2031
title: An invented civil war
actors:
  - id: front
    name: Northern Liberation Front
    kind: non_state_armed
    names: [Northern Liberation Front, NLF, {term: Tomas Varga, class: leader}]
    modifiers: [Northland, Northlandic]
    bare: [rebel, terror, militant, fighters, opposition, generic]
  - id: junta
    name: The military government of Northland
    kind: state
    names: [{term: General Osk, class: leader}, {term: Osk, class: leader}]
    modifiers: [Northland, Northlandic]
    bare: [regime]
    exclude: [former]
  - id: southland
    name: Government of Southland
    kind: state
    modifiers: [Southland, Southlandic]
"""

PROTEST = """
event: harbour-strike-2030
title: An invented dock strike
actors:
  - id: dockers
    name: Striking dock workers
    kind: protest
    names: [Harbour Union]
    modifiers: [striking]
    bare: [rioter, protester, activist]
"""


@pytest.fixture(scope="module")
def civil_war(tmp_path_factory):
    path = tmp_path_factory.mktemp("ev") / "civil.yaml"
    path.write_text(CIVIL_WAR, encoding="utf-8")
    return ActorAnnotator([load_event(path)])


@pytest.fixture(scope="module")
def protest(tmp_path_factory):
    path = tmp_path_factory.mktemp("ev") / "protest.yaml"
    path.write_text(PROTEST, encoding="utf-8")
    return ActorAnnotator([load_event(path)])


def found(annotator, text, event=None):
    auto = annotator.automaton_for(event)
    return [(text[m["start"]:m["end"]], m["category"], m["actor"]) for m in find_mentions(text, auto)]


def test_labels_with_classifying_modifiers_resolve(civil_war):
    text = ("Northlandic rebels attacked the city as the Islamist terror group NLF advanced; "
            "the Northland regime sent Northlandic soldiers.")
    assert found(civil_war, text) == [
        ("Northlandic rebels", "rebel", "front"),
        ("Islamist terror group", "terror", "front"),
        ("NLF", "name", "front"),
        ("Northland regime", "regime", "junta"),
        ("Northlandic soldiers", "military", "junta"),
    ]


def test_names_before_a_label_join_it_and_possessives_too(civil_war):
    text = "Osk’s regime and the NLF fighters met. Tomas Varga spoke."
    assert found(civil_war, text) == [
        ("Osk’s regime", "regime", "junta"),
        ("NLF fighters", "fighters", "front"),
        ("Tomas Varga", "leader", "front"),
    ]


def test_other_entities_are_not_the_actors(civil_war):
    text = ("The Southland regime, the Eastland regime, Valdoran fighters, the former regime, "
            "militias backed by Valdora and groups that Eastland arms were all involved.")
    out = found(civil_war, text)
    assert ("Southland regime", "regime", "southland") in out
    assert all(actor not in ("front", "junta") for _, _, actor in out)
    # an 'exclude' modifier only rules out its actor: the label stays, unresolved
    assert [t for t, _, _ in out] == ["Southland regime", "former regime"]
    assert math.isnan(out[1][2])


def test_bare_labels_follow_the_event_rules(civil_war):
    text = "The regime said the militants and the government troops clashed."
    out = found(civil_war, text)
    assert ("regime", "regime", "junta") in out
    assert ("militants", "militant", "front") in out
    # 'government' is not in the junta's bare list: kept, but unresolved
    government = [o for o in out if o[0] == "government troops" or o[0] == "government"]
    assert government and all(isinstance(a, float) and math.isnan(a) for _, _, a in government)


def test_attributive_uses_count(civil_war):
    text = "The rebel offensive reached rebel-held towns; the NLF’s terrorist ties worried them."
    out = found(civil_war, text)
    assert ("rebel", "rebel", "front") in out
    assert ("rebel-held", "rebel", "front") in out
    assert ("NLF", "name", "front") in out and ("terrorist", "terror", "front") in out


def test_adjective_alone_is_not_a_mention(civil_war):
    assert found(civil_war, "It was an Islamist struggle for Northlandic identity.") == []


def test_coordination_shares_the_actor(civil_war):
    out = found(civil_war, "We back the Northland army and government.")
    assert out == [("Northland army", "military", "junta"), ("government", "government", "junta")]


def test_anaphor_needs_a_determiner_and_takes_the_nearest_actor(civil_war):
    text = "The Northland army shelled Harbin. NLF fighters withdrew. The group said it regrouped."
    out = found(civil_war, text)
    assert out[-1] == ("group", "generic", "front")
    assert found(civil_war, "A group of tourists left.") == []


def test_anaphor_of_an_unresolvable_kind_is_dropped(protest):
    # no antecedent and no 'generic' bare rule for any non-state armed actor
    assert found(protest, "The group left.") == []


def test_sentence_initial_capital_is_not_a_foreign_name(protest):
    out = found(protest, "Angry protesters gathered. Rioters threw stones at the Harbour Union office.")
    assert ("protesters", "protester", "dockers") in out
    assert ("Rioters", "rioter", "dockers") in out
    assert found(protest, "They met Welsh protesters.") == []
    # a capital at the start of a sentence tells nothing (documented limit)
    assert found(protest, "Welsh protesters gathered.")[0][2] == "dockers"


def test_protest_ladder_scores(protest):
    auto = protest.automaton_for(None)
    scores = {m["category"]: m["score"] for m in find_mentions(
        "rioters and activists and striking protesters", auto)}
    assert scores["rioter"] < scores["protester"] < scores["activist"]


def test_without_an_event_labels_are_kept_unresolved():
    annotator = ActorAnnotator(())
    out = found(annotator, "The regime fought the rebels and the Harbour Union.")
    assert [t for t, _, _ in out] == ["regime", "rebels"]
    assert all(isinstance(a, float) and math.isnan(a) for _, _, a in out)


def test_document_event_picks_its_rules(civil_war, tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(PROTEST, encoding="utf-8")
    both = ActorAnnotator([civil_war.events[0], load_event(path)])
    assert found(both, "The protesters met.", "harbour-strike-2030")[0][2] == "dockers"
    assert math.isnan(found(both, "The protesters met.", "northland-2031")[0][2])
    # unknown event with several loaded: no event rules
    assert math.isnan(found(both, "The protesters met.", None)[0][2])


def test_annotate_document_records(civil_war):
    text = 'He said: "The regime lies." Rebels disagreed.'
    sentences = [{"sent_id": 0, "start": 0}, {"sent_id": 1, "start": 28}]
    voices = [{"start": 0, "end": 9, "voice": "own", "source": None},
              {"start": 9, "end": 27, "voice": "quoted", "source": "He"},
              {"start": 27, "end": len(text), "voice": "own", "source": None}]
    spans = civil_war.annotate_document("d1", text, sentences, [], voices)
    assert [set(s) for s in spans] == [set(schema.SPAN_COLUMNS)] * 2
    regime, rebels = spans
    assert (regime["text"], regime["voice"], regime["speaker"], regime["sent_id"]) == \
        ("regime", "quoted", "He", 0)
    assert (rebels["text"], rebels["voice"], rebels["sent_id"], rebels["layer"]) == \
        ("Rebels", "own", 1, "actor_label")
    assert math.isnan(rebels["speaker"])
    assert rebels["score"] == pytest.approx(0.7)
    frame = schema.frame_from_records(spans, schema.SPAN_COLUMNS)
    assert list(frame.columns) == schema.SPAN_COLUMNS


WORDS = ["the", "rebels", "Northland", "regime", "NLF", "fighters", "and", "Islamist",
         "terror", "group", "rebel-held", "Osk’s", "army", "of", "backed", "by", "Valdora",
         "The", "government", ".", ",", "\n"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_offsets_always_hold(civil_war_words):
    annotator = _ANNOTATOR
    text = " ".join(civil_war_words)
    spans = annotator.annotate_document("d", text, [{"sent_id": 0, "start": 0}], [], [])
    last_end = -1
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"] != ""
        assert span["start"] >= last_end  # sorted, never overlapping
        last_end = span["end"]


def _build():
    import tempfile
    from pathlib import Path
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "civil.yaml"
        path.write_text(CIVIL_WAR, encoding="utf-8")
        return ActorAnnotator([load_event(path)])


_ANNOTATOR = _build()


def test_of_and_from_phrases(civil_war):
    out = found(civil_war, "They met soldiers of Southland, then fighters from the NLF.")
    assert ("soldiers", "military", "southland") in out
    assert ("fighters", "fighters", "front") in out
    # a phrase naming an actor of another kind: someone else's fighters
    assert [o for o in found(civil_war, "They met fighters from Southland.")
            if o[0] == "fighters"] == []


def test_sponsor_compound_split_by_the_tokenizer(civil_war):
    assert found(civil_war, "They fought U.S.-backed rebels.") == []


def test_bare_rule_by_term_and_odd_text():
    from framing.events import event_from_dict
    event = event_from_dict({"event": "e", "actors": [
        {"id": "gov", "kind": "state", "modifiers": ["Ruritanian"], "bare": ["government force"]}]})
    annotator = ActorAnnotator([event])
    # 'İ' changes length when lower-cased: offsets must still be right
    text = "İstanbul: government forces and the government met."
    (t1, c1, a1), (t2, c2, a2) = found(annotator, text)
    assert (t1, c1, a1) == ("government forces", "government", "gov")
    assert (t2, c2) == ("government", "government") and math.isnan(a2)
    assert found(annotator, "") == []
    assert annotator.annotate_document("d", "", [], [], []) == []


def test_only_two_characters_lower_case_to_other_words():
    """The word index of the lower-cased text stands for the text's words
    except where a character's lower case is longer or of another class."""
    def word_class(text):
        return [(WORD_RE.fullmatch(c) is not None, c in "’'.,-") for c in text]

    longer, other = [], []
    for code in range(0x110000):
        char = chr(code)
        low = char.lower()
        if len(low) != 1:
            longer.append(char)
        elif word_class(low) != word_class(char):
            other.append(char)
    assert longer == [_LONGER_LOWER] and other == [_OTHER_WORDS_LOWER]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ["\u212a", "İ", "U.S.-backed", "’s", "  "]), max_size=40),
       st.lists(st.integers(0, 400), max_size=5))
def test_window_words_are_the_tokenizer_words(parts, offsets):
    text = " ".join(parts)
    positions = sorted({p for p in offsets if p < len(text)})
    if not positions:
        return
    words = WordIndex(lower_same_length(text))
    near = _tokens_near(text, positions, words)
    assert near == _tokenize_windows(text, _windows(text, positions))



def _windows_plain(text, positions):
    """The windows as first written: both breaks searched over the whole text."""
    def next_space(pos):
        space, newline = text.find(" ", pos), text.find("\n", pos)
        if space < 0 or newline < 0:
            return max(space, newline) if max(space, newline) >= 0 else len(text)
        return min(space, newline)

    windows = []
    for pos in positions:
        start = max(0, pos - 160)
        start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1 if start else 0
        end = pos + 240
        end = next_space(end) if end < len(text) else len(text)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    return windows


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["word", " ", "\n", "x" * 90, "y" * 250, "\t", "-"]), max_size=60),
       st.lists(st.integers(0, 3000), max_size=12))
def test_windows_equal_the_plain_search(pieces, positions):
    text = "".join(pieces)
    positions = sorted(p for p in positions if p < len(text))
    assert _windows(text, positions) == _windows_plain(text, positions)
