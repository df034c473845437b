"""Lexicon annotators: one test per disambiguation rule, voices, speakers of
reporting verbs, the span contract, and offsets for any text."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import schema
from framing.annotate import build_annotator, lexicon_spans

ANNOTATOR = build_annotator(None, ())


def sentences_of(text: str, zone: str = "body") -> list[dict]:
    """One sentence record per '. '-separated sentence (enough for rules)."""
    out, start = [], 0
    for i, piece in enumerate(text.split(". ")):
        end = min(len(text), start + len(piece) + 1)
        out.append({"doc_id": "d", "sent_id": i, "start": start, "end": end, "zone": zone})
        start = end + 1
    return out


def spans(text, layer=None, *, quotes=(), voices=None, zone="body"):
    voices = voices or [{"doc_id": "d", "start": 0, "end": len(text), "voice": "own",
                         "source": None, "quote_id": None}]
    found = lexicon_spans(ANNOTATOR.matcher, "d", text, sentences_of(text, zone), list(quotes),
                          voices)
    return [s for s in found if layer is None or s["layer"] == layer]


def hedge_texts(text, **kw):
    return [s["text"] for s in spans(text, "hedge", **kw)]


@pytest.mark.parametrize("text, expected", [
    ("Talks may resume soon.", ["may"]),
    ("May the talks resume?", ["May"]),
    ("The talks began in May.", []),
    ("On May 5 the talks began.", []),
    ("May 5 was the day.", []),
    ("The deal was signed on 5 May 2024.", []),
    ("By May, 2024, it was over.", []),
    ("Theresa May visited Riyadh.", []),
    ("Since May the army may have moved.", ["may"]),
])
def test_may_the_month_or_a_name_is_not_a_hedge(text, expected):
    assert hedge_texts(text) == expected


def test_may_in_a_headline_stays_a_hedge():
    assert hedge_texts("Iran May Strike Back", zone="headline") == ["May"]


@pytest.mark.parametrize("text, expected", [
    ("Rebels could retake the city.", ["could"]),
    ("Rebels could not retake the city.", []),
    ("Rebels could never retake the city.", []),
    ("Rebels couldn't retake the city.", []),
    ("The talks may not resume.", ["may"]),
    ("The talks might not resume.", ["might"]),
])
def test_negated_could_is_not_a_hedge_but_negated_may_is(text, expected):
    assert hedge_texts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He appeared on television.", []),
    ("He appeared in court on Monday.", []),
    ("She appears at a rally.", []),
    ("He appeared tired.", ["appeared"]),
    ("The attack appears to have failed.", ["appears"]),
])
def test_appearing_somewhere_is_not_a_hedge(text, expected):
    assert hedge_texts(text) == expected


def test_will_is_not_a_hedge_and_evidentials_are():
    assert hedge_texts("The army will advance.") == []
    assert hedge_texts("According to state media, the town reportedly fell.") == [
        "According to", "reportedly"]
    assert hedge_texts("It is unclear who fired.") == ["It is unclear"]
    assert hedge_texts("It's starting to look like a rout.") == ["It's starting to look like"]


def test_hedge_inside_a_quote_counts_as_quoted_with_its_speaker():
    text = 'Officials said: "The rebels might win." The rebels might win.'
    q_start, q_end = text.index('"'), text.index('."') + 2
    voices = [
        {"doc_id": "d", "start": 0, "end": q_start, "voice": "own", "source": None, "quote_id": None},
        {"doc_id": "d", "start": q_start, "end": q_end, "voice": "quoted", "source": "Officials",
         "quote_id": "d-q1"},
        {"doc_id": "d", "start": q_end, "end": len(text), "voice": "own", "source": None,
         "quote_id": None},
    ]
    found = [(s["text"], s["voice"], s["speaker"]) for s in spans(text, "hedge", voices=voices)]
    assert found[0] == ("might", "quoted", "Officials")
    assert found[1][:2] == ("might", "own") and math.isnan(found[1][2])


@pytest.mark.parametrize("text, verbs", [
    ("The ministry added that the town fell.", ["added"]),
    ("The ministry added 3,000 troops.", []),
    ("The town fell, the ministry added.", ["added"]),
    ("The statement read: the town fell.", ["read"]),
    ("He read the book.", []),
    ("The rebels claimed responsibility for the attack.", []),
    ("The rebels claimed that they took the town.", ["claimed"]),
    ("The group declared war on the state.", []),
    ("Sanctions by the United States, Russia and other states.", []),
    ("Iran's renewed pledge to Assad underscores its stance.", []),
    ("Iran pledged support to Assad.", ["pledged"]),
    ("Tehran views Israel as the main threat.", ["views"]),
    ("His views were ignored.", []),
    ("He said the town fell.", ["said"]),
    ("The minister admitted the losses.", ["admitted"]),
])
def test_ambiguous_reporting_verbs_count_only_as_speech(text, verbs):
    assert [s["text"] for s in spans(text, "attribution")] == verbs


def test_attribution_class_and_loaded_classes():
    found = {s["text"]: s["category"] for s in spans(
        "Smith said it. Jones admitted it. Lee blamed Iran. Kim vowed to fight. "
        "Ali believes that it works. Ray boasted about it.", "attribution")}
    assert found == {"said": "neutral", "admitted": "concessive", "blamed": "blame",
                     "vowed": "emphatic", "believes": "cognitive", "boasted": "manner_loaded"}


def test_speaker_of_reporting_verbs():
    text = ("Syria's foreign minister Asaad al-Shaibani said the town fell. "
            "He added that talks continue. The town fell, said John Smith. "
            "The army has repeatedly denied it.")
    speakers = [(s["text"], s["speaker"]) for s in spans(text, "attribution")]
    assert speakers == [("said", "Asaad al-Shaibani"), ("added", "Asaad al-Shaibani"),
                        ("said", "John Smith"), ("denied", "army")]


def test_speaker_across_appositives_participles_and_infinitives():
    text = ("Russia, a major Assad ally, said the town fell. "
            "Foreign Minister Abbas Araghchi flew to Damascus to affirm his support. "
            "Iran has been proactive, reaffirming its commitment to Assad.")
    speakers = [(s["text"], s["speaker"]) for s in spans(text, "attribution")]
    assert speakers == [("said", "Russia"), ("affirm", "Foreign Minister Abbas Araghchi"),
                        ("reaffirming", "Iran")]


def test_passive_and_possessive_contexts_are_not_speech():
    assert spans("The reports can be confirmed, officials hope.", "attribution") == []
    assert [s["text"] for s in spans("Ghaffari’s deployment was noted in Iran.", "attribution")] == []


def test_speaker_comes_from_the_quote_the_verb_introduces():
    text = "“We will fight,” the commander told reporters. Officials said nothing."
    quote = {"doc_id": "d", "quote_id": "d-q1", "start": 0, "end": 16, "inner_start": 1,
             "inner_end": 15, "kind": "direct", "counts_as_speech": True,
             "speaker": "Abu Mohammed al-Jolani", "speaker_start": 17, "speaker_end": 30,
             "verb": "told"}
    speakers = [(s["text"], s["speaker"]) for s in spans(text, "attribution", quotes=[quote])]
    assert speakers == [("told", "Abu Mohammed al-Jolani"), ("said", "Officials")]


def test_loaded_words_carry_intensity_and_boosters_are_found():
    found = {s["text"]: (s["category"], s["score"]) for s in spans(
        "The brutal regime was scrambling after the massacre, a stab in the back.", "loaded")}
    assert found["brutal"] == ("evaluative", 2.0)
    assert found["scrambling"][0] == "vivid_verb"
    assert found["massacre"] == ("emotive", 3.0)
    assert found["stab in the back"] == ("figurative", 3.0)
    boosters = [s["text"] for s in spans("There is no doubt it clearly failed.", "booster")]
    assert boosters == ["There is no doubt", "clearly"]


def test_annotator_returns_the_span_contract_sorted_with_actor_spans():
    text = "The regime may fall. Rebels clearly advanced, officials said."
    sents = sentences_of(text)
    voices = [{"doc_id": "d", "start": 0, "end": len(text), "voice": "own", "source": None,
               "quote_id": None}]
    out = ANNOTATOR.annotate_document("d", text, sents, [], voices)
    assert out and all(list(s) == schema.SPAN_COLUMNS for s in out)
    assert [s["start"] for s in out] == sorted(s["start"] for s in out)
    assert {"hedge", "booster", "attribution"} <= {s["layer"] for s in out}
    assert all(s["sent_id"] in (0, 1) for s in out)
    assert ANNOTATOR.annotate_document("d", "", [], [], []) == []


def test_pipeline_stages_end_to_end_on_a_small_article():
    from framing.quotes import find_quotes_document
    from framing.segment import segment_document
    from framing.voice import voice_segments_document

    text = ("Rebels may have taken Aleppo, according to monitors.\n\n"
            "“The regime will surely collapse,” said Abu Ahmed, a commander. "
            "The army appeared on state television and denied it.")
    sents = segment_document("d", text)
    quotes = find_quotes_document("d", text)
    voices = voice_segments_document("d", text, quotes, sents)
    out = ANNOTATOR.annotate_document("d", text, sents, quotes, voices)
    for s in out:
        assert text[s["start"]:s["end"]] == s["text"]
    hedges = [s["text"] for s in out if s["layer"] == "hedge"]
    assert hedges == ["may", "according to"]
    surely = next(s for s in out if s["text"] == "surely")
    assert surely["layer"] == "booster" and surely["voice"] == "quoted"


_PIECES = ["may", "May", "could not", "appeared on", "said", "“", "”", ".", ", ", "\n",
           "brutal", "the fact that", "It’s", "3,000", "al-Assad", "İ", "added that"]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=8), max_size=30))
def test_every_span_text_matches_its_offsets(parts):
    text = " ".join(parts)
    for s in spans(text):
        assert text[s["start"]:s["end"]] == s["text"]
        assert s["layer"] in schema.LAYERS and s["voice"] in schema.VOICES


def _subject_speaker_every_word(doc, hit):
    """``_subject_speaker`` with the tail shortcut off (``_TAIL`` longer than
    any window, so every word of the 120-character window is read): the
    reference for the tail-first fast path."""
    from framing import annotate

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(annotate, "_TAIL", 10**9)
        return doc._subject_speaker(hit, -1)


_SUBJECT_WORDS = ["the", "a", "Iran", "al-Assad", "U.S", "ministry", "has", "also", "repeatedly",
                  "quickly", "and", "that", "Smith’s", "will", "not", "group", "officials", "is",
                  ",", ", ", ";", "\u201c", "(", " ", "  ", "\n", "x" * 30, "-", "Ab.cd",
                  "Ab", "Cdef", "Gh-Ij", "Klmnopq", "bin"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_SUBJECT_WORDS) | st.text(max_size=5), max_size=45))
def test_subject_speaker_tail_equals_every_word(pieces):
    from framing.annotate import _Document
    from framing.matcher import Hit

    before = " ".join(pieces)
    text = before + " said"
    doc = _Document(text, [], [], [])
    hit = Hit(len(text) - 4, len(text), ())
    assert doc._subject_speaker(hit, -1) == _subject_speaker_every_word(doc, hit)


@pytest.mark.parametrize("length", range(1, 12))
def test_subject_speaker_long_names_across_the_tail(length):
    from framing.annotate import _Document
    from framing.matcher import Hit

    for count in range(3, 14):
        for lead in ("", "x ", "the "):
            text = lead + " ".join(["Q" + "r" * length] * count) + " has said"
            doc = _Document(text, [], [], [])
            hit = Hit(len(text) - 4, len(text), ())
            assert doc._subject_speaker(hit, -1) == _subject_speaker_every_word(doc, hit)


_VERB_PIECES = ["said", "SAID", "Told", "wrote", "written", "thought", "felt", "understood",
                "swore", "sworn", "ed", "ED", "s", "S", "ſ", "K", "İ", "\n", " ", "add", "claim"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_VERB_PIECES) | st.text(max_size=2), max_size=4))
def test_past_or_third_equals_the_pattern(pieces):
    from framing.annotate import _PAST_OR_THIRD, _past_or_third

    word = "".join(pieces)
    assert _past_or_third(word, word.lower()) == bool(_PAST_OR_THIRD.search(word))
