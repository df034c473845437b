"""Voice segments (own / reported / quoted) and sentence shares on small texts."""

from __future__ import annotations

import math

import pytest

from framing.quotes import find_quotes_document
from framing.schema import VOICE_COLUMNS
from framing.segment import segment_document
from framing.voice import sentence_voice_shares, voice_at, voice_segments_document


def _voices(text):
    sents = segment_document("d", text)
    quotes = find_quotes_document("d", text)
    return voice_segments_document("d", text, quotes, sents), sents


def _voice_of(text, phrase):
    voices, _ = _voices(text)
    return voice_at(voices, [text.index(phrase)])[0]


def test_segments_cover_the_text_contiguously():
    text = "“We will win,” he said. Russia said its jets struck rebels. Narration.\n"
    voices, _ = _voices(text)
    assert voices[0]["start"] == 0 and voices[-1]["end"] == len(text)
    assert all(a["end"] == b["start"] for a, b in zip(voices, voices[1:], strict=False))
    assert all(set(v) == set(VOICE_COLUMNS) for v in voices)


def test_quoted_inner_span_has_the_speaker_and_quote_id():
    text = "“We firmly support the army,” Araghchi told state media.\n"
    voices, _ = _voices(text)
    quoted = [v for v in voices if v["voice"] == "quoted"]
    assert len(quoted) == 1
    assert text[quoted[0]["start"]:quoted[0]["end"]] == "We firmly support the army,"
    assert (quoted[0]["source"], quoted[0]["quote_id"]) == ("Araghchi", "d-q1")
    assert _voice_of(text, "Araghchi") == ("own", None)


@pytest.mark.parametrize("text, phrase, source", [
    ("Russia, a major ally, said its air force struck Syrian rebels, following an assault.\n",
     "Syrian rebels", "Russia"),
    ("The regime has vowed to bolster Assad after rebels seized Aleppo.\n", "Assad", "The regime"),
    ("Iran has admitted that the setbacks are a challenge for its allies.\n", "setbacks", "Iran"),
    ("Officials recognize the challenges posed by militant activity.\n", "militant", "Officials"),
    ("Experts suggest the timing of the rebel offensive reflects opportunity.\n", "rebel", "Experts"),
    ("Reports indicate that an IRGC figure has been dispatched to Syria.\n", "IRGC", "Reports"),
    ("The minister traveled to Damascus to affirm support for the embattled regime.\n",
     "embattled", None),
    ("His post criticizes takfiri groups, a term used for extremists.\n", "takfiri", "His post"),
])
def test_complements_of_attribution_verbs_are_reported(text, phrase, source):
    voice, src = _voice_of(text, phrase)
    assert voice == "reported"
    if source is not None:
        assert src == source


def test_reported_clause_ends_at_the_clause_boundary():
    text = "Russia said its jets struck rebels, following the boldest rebel assault in years.\n"
    assert _voice_of(text, "boldest")[0] == "own"
    text = "The regime has vowed to bolster Assad after rebel forces seized Aleppo.\n"
    assert _voice_of(text, "rebel forces")[0] == "own"


def test_according_to_reports_the_clause_it_attaches_to():
    text = "Militias entered Syria to reinforce the army, according to Syrian Army sources.\n"
    assert _voice_of(text, "Militias") == ("reported", "Syrian Army sources")
    assert _voice_of(text, "according")[0] == "own"
    text = "According to state media, the rebels were repelled.\n"
    assert _voice_of(text, "rebels") == ("reported", "state media")


def test_designations_are_reported_with_their_designator():
    text = "HTS is designated a terrorist group by the United States, Russia and Turkey.\n"
    assert _voice_of(text, "terrorist") == ("reported", "the United States")
    assert _voice_of(text, "HTS")[0] == "own"
    text = "HTS, while classified as a terrorist organization, has expanded.\n"
    assert _voice_of(text, "terrorist")[0] == "reported"
    assert _voice_of(text, "expanded")[0] == "own"


def test_passive_report_is_reported():
    text = "Ghaffari was reported to have arrived in Damascus on Tuesday.\n"
    assert _voice_of(text, "arrived")[0] == "reported"


def test_nouns_that_look_like_verbs_stay_own():
    for text, phrase in [
        ("Iran’s renewed pledge to Assad underscores its determination.\n", "Assad"),
        ("The reports of clashes in the United States spread quickly.\n", "clashes"),
        ("The United States backed the SDF in the war.\n", "backed"),
        ("Troops used drones to threaten Israel and the Houthis.\n", "Israel"),
    ]:
        assert _voice_of(text, phrase)[0] == "own", text


def test_participle_phrase_ends_at_the_main_verb():
    text = "His message, accusing HTS of drawing attention away is merely a pretense.\n"
    assert _voice_of(text, "HTS")[0] == "reported"
    assert _voice_of(text, "pretense")[0] == "own"


def test_term_quotes_keep_the_surrounding_voice():
    text = "Iran views Syria as a link in its “axis of resistance” against Israel.\n"
    assert _voice_of(text, "axis")[0] == "own"
    text = "Iran has admitted that Syria is central to its “axis of resistance” today.\n"
    assert _voice_of(text, "axis")[0] == "reported"


def test_tag_after_a_quote_starts_no_reported_clause():
    text = "“It’s complicated,” Sullivan remarked during an interview on CNN.\n"
    assert _voice_of(text, "interview")[0] == "own"


def test_sentence_shares():
    text = "“We will win this war,” he said. Narration here.\n"
    voices, sents = _voices(text)
    filled = sentence_voice_shares(sents, voices, text)
    first, second = filled
    assert first["share_quoted"] == pytest.approx(5 / 7)
    assert first["share_own"] == pytest.approx(2 / 7)
    assert first["share_reported"] == 0
    assert (second["share_own"], second["share_quoted"]) == (1.0, 0.0)
    assert sents[0]["share_own"] != sents[0]["share_own"]  # input records untouched (NaN)


def test_sentence_without_words_has_nan_shares():
    text = "—\nNarration.\n"
    voices, sents = _voices(text)
    filled = sentence_voice_shares(sents, voices, text)
    assert math.isnan(filled[0]["share_own"]) and filled[1]["share_own"] == 1.0


def test_voice_at_outside_segments_is_own():
    voices, _ = _voices("Narration only.\n")
    assert voice_at(voices, [-1, 0, 10_000]) == [("own", None), ("own", None), ("own", None)]
    assert voice_at([], [3]) == [("own", None)]


def test_empty_text():
    assert voice_segments_document("d", "", [], []) == []


def test_sentence_final_tag_reports_the_clause_before_it():
    text = "Two men were arrested on Sunday, police said in a statement.\n"
    assert _voice_of(text, "arrested") == ("reported", "police")
    assert _voice_of(text, "statement")[0] == "own"
    text = "Two men were arrested on Sunday, said a police spokesman.\n"
    assert _voice_of(text, "arrested") == ("reported", "a police spokesman")


def test_commas_inside_numbers_do_not_end_a_clause():
    text = "Police estimated that between 1,000 and 2,000 people marched.\n"
    assert _voice_of(text, "people")[0] == "reported"


def test_considered_for_a_post_is_not_a_designation():
    text = "She could also be considered for secretary of energy.\n"
    assert _voice_of(text, "secretary")[0] == "own"


def test_first_person_noun_uses_and_idioms_stay_own():
    for text, phrase in [
        ("I believe we all left with a better understanding.\n", "better"),
        ("The goal of a Palestinian state in the West Bank became policy.\n", "West"),
        ("That said, the treatment of the press is extreme.\n", "treatment"),
        ("The rule was changed, the official at the agency said last week.\n", "last week"),
    ]:
        assert _voice_of(text, phrase)[0] == "own", text


def test_adverbs_are_not_part_of_the_source():
    text = "Walker still believes that migrants should get a path to citizenship.\n"
    assert _voice_of(text, "migrants") == ("reported", "Walker")


def test_verbs_that_report_only_with_a_that_clause():
    for text, phrase in [
        ("The Treasury added five entities to the sanctions list.\n", "entities"),
        ("Two men were charged with murder on Friday.\n", "murder"),
        ("The storm claimed the lives of six people.\n", "lives"),
    ]:
        assert _voice_of(text, phrase)[0] == "own", text
    text = "The minister added that the talks would resume.\n"
    assert _voice_of(text, "talks")[0] == "reported"
    text = "The talks would resume, added a spokesman.\n"
    assert _voice_of(text, "talks") == ("reported", "a spokesman")


def test_pronoun_sources_resolve_to_the_previous_named_speaker():
    text = ("“Takfiri groups serve the enemies of Islam,” Khamenei wrote on Sunday.\n"
            "He accused these groups of serving Israel.\n")
    assert _voice_of(text, "these groups") == ("reported", "Khamenei")


def test_final_participle_phrase_is_not_an_inverted_tag():
    text = "Iran reached out to regional players, reaffirming its commitment to aid Assad.\n"
    voice, source = _voice_of(text, "Iran reached")
    assert voice == "own"


def test_word_starts_are_a_new_array_for_the_same_text():
    from framing.tokens import WORD_RE, word_starts
    text = "Iran said U.S. officials’ 3,000 words."
    first = word_starts(text)
    first[:] = -1
    assert word_starts(text).tolist() == [m.start() for m in WORD_RE.finditer(text)]


@pytest.mark.parametrize("text", [
    "Officials said that the talks would resume.\n",
    "The talks would resume, according to officials in Vienna.\n",
    "HTS was designated a terrorist group by the United States in 2018.\n",
    "The leader is said to be ill.\n",
])
def test_text_whose_lower_case_is_longer_gets_the_same_voices(text):
    # "İ" lower-cases to two characters: the rules then run on the text itself
    def reported(text):
        voices, _ = _voices(text)
        return [(v["start"], v["end"], v["source"]) for v in voices if v["voice"] == "reported"]

    assert reported(text) and reported(text + "İ\n") == reported(text)


def test_according_to_with_a_dotted_capital_i_is_not_a_report():
    # the screen on the lower-cased text has no "according to" here
    text = "The talks would resume, ACCORDİNG to officials.\n"
    voices, _ = _voices(text)
    assert [v["voice"] for v in voices] == ["own"]
