"""Quotation finding, kinds and speakers on small invented texts."""

from __future__ import annotations

import math

from framing.quotes import find_quotes_document
from framing.schema import QUOTE_COLUMNS


def _q(text, **kw):
    return find_quotes_document("d", text, **kw)


def _spans(text, **kw):
    return [(text[q["start"]:q["end"]], q["kind"], q["speaker"]) for q in _q(text, **kw)]


def test_curly_quote_with_tag_after():
    text = "“We firmly support the army and the government,” Araghchi told state media.\n"
    (q,) = _q(text)
    assert set(q) == set(QUOTE_COLUMNS)
    assert text[q["start"]:q["end"]] == "“We firmly support the army and the government,”"
    assert text[q["inner_start"]:q["inner_end"]] == "We firmly support the army and the government,"
    assert (q["kind"], q["speaker"], q["verb"]) == ("direct", "Araghchi", "told")
    assert text[q["speaker_start"]:q["speaker_end"]] == "Araghchi"
    assert q["quote_id"] == "d-q1" and q["counts_as_speech"]


def test_verb_first_tag_and_appositive():
    text = "“This has to do with geopolitics and local opportunity,” said Emile Hokayem, an expert.\n"
    assert _spans(text)[0][1:] == ("direct", "Emile Hokayem")


def test_multiword_source_and_adverb_in_tag():
    text = ('"The surge of attacks is part of a scheme to weaken us," Iranian state media IRNA said.\n'
            '"They draw attention to other places," Khamenei further stated.\n')
    assert [s for _, _, s in _spans(text)] == ["Iranian state media IRNA", "Khamenei"]


def test_tag_before_the_quote_and_title_stripping():
    text = ("Supreme Leader Ayatollah Ali Khamenei posted on X on Sunday, stating, "
            "“Takfiri groups are good news for the enemies of Islam.”\n")
    assert _spans(text)[0][1:] == ("direct", "Ali Khamenei")


def test_short_name_expanded_and_untagged_follow_up_inherits():
    text = ("National Security Adviser Jake Sullivan spoke on CNN.\n"
            "“It’s a complicated question,” Sullivan remarked. “The group is actually a "
            "terrorist organization.”\n")
    assert _spans(text)[0][1:] == ("direct", "Jake Sullivan")
    assert _spans(text)[1][1:] == ("direct", "Jake Sullivan")


def test_pronoun_speaker_resolved_to_previous_named_speaker():
    text = ("“The talks centered on terrorism in the north of the country,” the Iranian reports read.\n"
            "“The timing indicates a dangerous scenario for all of us,” they continued.\n")
    (_, q2) = _q(text)
    assert q2["speaker"] == "the Iranian reports"
    assert text[q2["speaker_start"]:q2["speaker_end"]] == "they"


def test_term_quotes_are_not_speech():
    text = "Iran sees Syria as part of its “axis of resistance” against Israel and the \"umma,\" too.\n"
    got = _q(text)
    assert [(text[q["start"]:q["end"]], q["kind"], q["counts_as_speech"]) for q in got] == [
        ("“axis of resistance”", "term", False), ("\"umma,\"", "term", False)]
    assert all(q["speaker"] is None and math.isnan(q["speaker_start"]) for q in got)


def test_short_phrase_quoted_earlier_is_a_partial_quote_of_that_speaker():
    text = ("“Takfiri groups ignore the Zionist regime’s malevolent nature,” Khamenei wrote.\n"
            "He accused them of ignoring the “malevolent nature” of the “Zionist regime.”\n")
    kinds = [(k, s) for _, k, s in _spans(text)]
    assert kinds == [("direct", "Khamenei"), ("partial", "Khamenei"), ("partial", "Khamenei")]


def test_naming_verb_makes_a_short_quote_partial():
    text = "The minister called the rebels “foreign-backed terrorists” on Monday.\n"
    assert _spans(text)[0][1] == "partial"


def test_long_quote_inside_a_clause_is_partial():
    text = ("Bagheri “emphasized that the timing of these attacks indicates a dangerous "
            "scenario,” they continued.\n")
    (q,) = _q(text)
    assert q["kind"] == "partial"
    assert q["speaker"] in ("Bagheri", "they")


def test_apostrophes_are_not_quote_marks():
    text = "Assad’s allies don’t agree with the rebels’ plans or Iran's 'regime' critics.\n"
    assert _spans(text) == [("'regime'", "term", None)]


def test_single_curly_quotes_outside_double_quotes():
    text = "The ministry called it ‘a dangerous escalation by foreign-backed groups’ in a statement.\n"
    assert _spans(text)[0][0] == "‘a dangerous escalation by foreign-backed groups’"


def test_straight_single_quotes_pair_only_at_word_starts():
    text = "The rebels' gains and the 'liberation' of the city, in the 'regime's' words.\n"
    assert [t for t, _, _ in _spans(text)] == ["'liberation'", "'regime's'"]


def test_nested_single_quotes_stay_inside_the_double_quote():
    text = "“They call it ‘liberation’, but it is an occupation,” he said.\n"
    (q,) = _q(text)
    assert (q["start"], q["end"]) == (0, text.index(",” he") + 2)


def test_unbalanced_quote_is_capped_at_the_paragraph_end():
    text = "He said “we will never surrender and more\nThe next paragraph is narration.\nSo is this.\n"
    (q,) = _q(text)
    assert q["end"] == text.index("\n")
    assert q["inner_end"] == q["end"]


def test_multi_paragraph_quote_continues_when_the_next_paragraph_opens_with_a_mark():
    text = ("The statement read: “We will fight on in every city.\n"
            "“We will never surrender to the terrorists,” it concluded.\n"
            "Narration resumes here.\n")
    (q,) = _q(text)
    assert text[q["start"]:q["end"]].startswith("“We will fight")
    assert text[q["start"]:q["end"]].endswith("terrorists,”")


def test_embedded_post_with_credit_line_in_text():
    text = ("Khamenei sent a post on X.\n"
            "Takfiri groups are good news for the enemies of Islam.#Syria\n"
            "— Khamenei.ir (@khamenei_ir) December 1, 2024\n"
            "Narration follows.\n")
    (q,) = _q(text)
    assert q["kind"] == "embedded_post" and q["counts_as_speech"]
    assert text[q["start"]:q["end"]] == "Takfiri groups are good news for the enemies of Islam.#Syria"
    assert q["speaker"] == "Khamenei"


def test_embedded_post_from_boilerplate_record():
    text = ("Khamenei sent a post on X.\n"
            "Takfiri groups are good news for the enemies of Islam.\n"
            "Narration follows.\n")
    pos = text.index("Narration")
    embeds = [{"doc_id": "d", "raw_start": pos, "raw_end": pos + 47, "clean_pos": pos,
               "kind": "embed_credit", "text": "— Khamenei.ir (@khamenei_ir) December 1, 2024\n"}]
    (q,) = _q(text, embeds=embeds)
    assert q["kind"] == "embedded_post"
    assert text[q["start"]:q["end"]] == "Takfiri groups are good news for the enemies of Islam."
    assert math.isnan(q["speaker_start"])


def test_quotes_sorted_and_ids_numbered():
    text = "“One two three four five,” he said. “Six seven eight nine ten,” she said.\n"
    got = _q(text)
    assert [q["quote_id"] for q in got] == ["d-q1", "d-q2"]
    assert got[0]["end"] <= got[1]["start"]


def test_no_quotes():
    assert _q("") == []
    assert _q("Plain narration without any marks.\n") == []


def test_title_abbreviation_in_tag_and_long_appositive():
    text = ("“I’m not a huge fan of confrontation,” Ms. Wilkinson said. “I have a business.”\n"
            "“Frustration leads to anger,” Gary Fine, a sociology professor at Northwestern "
            "University, told me.\n")
    assert [(s, q["verb"]) for (_, _, s), q in zip(_spans(text), _q(text), strict=True)] == [
        ("Wilkinson", "said"), ("Wilkinson", None), ("Gary Fine", "told")]


def test_is_quoted_as_saying():
    text = "“I do not believe that the president loves America,” Giuliani is quoted as saying.\n"
    assert _spans(text)[0][2] == "Giuliani"


def test_name_and_colon_before_a_quote():
    text = "Trump: 'Americans Will Be Captains of Their Own Destiny Again'\nBody text follows here.\n"
    assert _spans(text)[0][1:] == ("direct", "Trump")
    text = ("Mitt Romney, who has criticized Trump, had this to say on Monday: “I’d like to hear "
            "from John Bolton before I vote.”\n")
    assert _spans(text)[0][2] == "Mitt Romney"


def test_speaker_names_lose_titles_but_organisations_stay_whole():
    from framing.speakers import strip_titles
    assert strip_titles("Massachusetts State Police spokesman Dave Procopio") == "Dave Procopio"
    assert strip_titles("Dr. Michael New of Catholic University") == "Michael New"
    assert strip_titles("the Bureau of Labor Statistics") == "the Bureau of Labor Statistics"
    assert strip_titles("Iranian state media IRNA") == "Iranian state media IRNA"
    assert strip_titles("Supreme Leader Khamenei") == "Khamenei"


def test_clause_before_the_verb_is_no_subject():
    text = "He met reporters and said “the rebels will be defeated within weeks, whatever it costs.”\n"
    assert _spans(text)[0][2] is None  # not "He met reporters and"


def test_short_clause_fragments_are_speech_not_terms():
    text = "Mr. Priebus said on Fox News that deleting the emails “is criminal in nature.”\n"
    assert _spans(text)[0][1:] == ("partial", "Priebus")
    text = "The group’s “axis of resistance” is weakened.\n"
    assert _spans(text)[0][1] == "term"


def test_naming_verb_further_back_with_as():
    text = "Lis Smith described the new ad on the subject as “dishonest and hypocritical,” she added.\n"
    assert _spans(text)[0][1] == "partial"
    text = "The group ran ads attacking Obama as an “elitist hypocrite” this week.\n"
    assert _spans(text)[0][1] == "partial"


def test_nested_straight_double_quotes_stay_inside_the_outer_quote():
    text = ('"By waffling on a deal she once called a "gold standard," Clinton shows why voters '
            'distrust her," Short said.\n')
    (q,) = _q(text)
    assert (q["start"], q["end"]) == (0, text.index(' Short'))
    assert (q["kind"], q["speaker"]) == ("direct", "Short")


def test_predicate_quote_inside_a_reported_clause_is_partial():
    text = "NOW President Terry O'Neill said that the magazine's cover is “sexist” and crude.\n"
    assert _spans(text)[0][1:] == ("partial", "Terry O'Neill")
    text = "Iran has admitted that the setbacks are a challenge for its regional “axis of resistance.”\n"
    assert _spans(text)[0][1] == "term"


def test_names_with_particles_and_suffixes():
    from framing.speakers import strip_titles
    assert strip_titles("HTS leader Abu Mohammed al-Jolani") == "Abu Mohammed al-Jolani"
    assert strip_titles("OIR Spokesman Col. Myles B. Caggins III") == "Myles B. Caggins III"


def test_mixed_straight_and_curly_marks_pair():
    text = '"Takfiri groups draw attention to other places,” Khamenei further stated.\n'
    (q,) = _q(text)
    assert (q["start"], q["end"], q["speaker"]) == (0, text.index(" Khamenei"), "Khamenei")


def test_it_is_kept_as_a_pronoun_speaker():
    text = ("“We will win this war soon,” Smith said.\n"
            "“The ministry rejects every one of these claims,” it said in a statement.\n")
    assert [q["speaker"] for q in _q(text)] == ["Smith", "it"]
