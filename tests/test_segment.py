"""Sentence splitting and zones on small invented texts."""

from __future__ import annotations

import math

from framing.schema import SENTENCE_COLUMNS
from framing.segment import paragraph_spans, segment_document, split_sentences


def _sentences(line: str) -> list[str]:
    return [line[s:e] for s, e in split_sentences(line)]


def test_plain_sentences_split_and_trimmed():
    assert _sentences("  One two. Three four!  Five six?  ") == ["One two.", "Three four!", "Five six?"]


def test_abbreviations_and_initials_do_not_end_sentences():
    line = ("Maj.-Gen. Ali Reza met Gen. Sami and Dr. Lee in the U.S. Army base. "
            "John F. Kennedy spoke. Mr. Smith lives at No. 3 Main St. with St. Clair.")
    assert _sentences(line) == [
        "Maj.-Gen. Ali Reza met Gen. Sami and Dr. Lee in the U.S. Army base.",
        "John F. Kennedy spoke.",
        "Mr. Smith lives at No. 3 Main St. with St. Clair.",
    ]


def test_acronym_at_sentence_end_splits_before_an_ordinary_starter():
    assert _sentences("Troops left the U.S. The war went on.") == ["Troops left the U.S.", "The war went on."]


def test_sentence_ending_inside_quotes():
    line = "“We will win,” he said. “Is that so?” she asked. “Yes.” The talks ended."
    assert _sentences(line) == ["“We will win,” he said.", "“Is that so?” she asked.", "“Yes.”",
                                "The talks ended."]


def test_ellipsis_splits_before_a_capital_only():
    assert _sentences("It is hard... The group said so... and left.") == [
        "It is hard...", "The group said so... and left."]


def test_sentences_never_cross_lines_and_offsets_hold():
    text = "Rebels Seize City\n\nThe rebels advanced. Troops fled\nMissing friends\nOne more line here.\n"
    sents = segment_document("d1", text)
    assert [text[s["start"]:s["end"]] for s in sents] == [
        "Rebels Seize City", "The rebels advanced.", "Troops fled", "Missing friends",
        "One more line here."]
    assert all(set(s) == set(SENTENCE_COLUMNS) for s in sents)
    assert [s["paragraph"] for s in sents] == [0, 1, 1, 2, 3]
    assert [s["sent_id"] for s in sents] == list(range(5))


def test_paragraph_numbers_count_non_blank_lines():
    text = "Headline Here\n\nFirst para. Still first.\n\nSecond para.\n"
    assert [s["paragraph"] for s in segment_document("d", text)] == [0, 1, 1, 2]


def test_zones_headline_lede_heading_body():
    text = ("Iran Pledges Support for Assad\n"
            "Tehran doubles down on backing Assad. It says so.\n"
            "The rebels advanced on Sunday.\n"
            "A relationship worth saving?\n"
            "The alliance began in 1979.\n")
    zones = [(text[s["start"]:s["end"]], s["zone"]) for s in segment_document("d", text)]
    assert zones == [
        ("Iran Pledges Support for Assad", "headline"),
        ("Tehran doubles down on backing Assad.", "lede"),
        ("It says so.", "lede"),
        ("The rebels advanced on Sunday.", "body"),
        ("A relationship worth saving?", "heading"),
        ("The alliance began in 1979.", "body"),
    ]


def test_first_line_matching_the_title_is_the_headline_even_with_a_period():
    text = "Iran faces a setback.\nThe rebels advanced on Sunday and took the city.\n"
    assert segment_document("d", text, title="Iran Faces a Setback")[0]["zone"] == "headline"
    assert segment_document("d", text)[0]["zone"] == "lede"


def test_long_first_sentence_is_the_lede():
    text = "At a time when the ceasefire holds, Syria is causing concern for Iran.\nMore text follows.\n"
    assert [s["zone"] for s in segment_document("d", text)] == ["lede", "body"]


def test_word_counts_and_nan_shares():
    sents = segment_document("d", "Assad’s army lost 3,000 men in the U.S. report.\n")
    assert sents[0]["n_words"] == 9
    assert all(math.isnan(sents[0][k]) for k in ("share_own", "share_reported", "share_quoted"))


def test_empty_and_blank_texts():
    assert segment_document("d", "") == []
    assert segment_document("d", " \n\n \t\n") == []


def test_exclamation_inside_quotes_followed_by_a_tag_does_not_split():
    assert _sentences("“Get back!” West said. Then he left.") == ["“Get back!” West said.", "Then he left."]
    assert _sentences("“Why now?” Senator Smith asked. Nobody knew.") == [
        "“Why now?” Senator Smith asked.", "Nobody knew."]


def test_plural_title_abbreviations_and_list_numbers():
    assert _sentences("Sens. Warren and Sanders spoke. Sec. DeVos left.") == [
        "Sens. Warren and Sanders spoke.", "Sec. DeVos left."]
    assert _sentences("1. The bun is soft.") == ["1. The bun is soft."]


def test_paragraph_spans_of_the_same_text_again_are_a_new_equal_list():
    text = "First line.\n\n  Second line  \nThird"
    first = paragraph_spans(text)
    assert first == [(0, 11), (15, 26), (29, 34)]
    first.append((0, 0))  # the caller's list: the cached one stays as it was
    assert paragraph_spans(text) == [(0, 11), (15, 26), (29, 34)]
    assert paragraph_spans("One") == [(0, 3)]
