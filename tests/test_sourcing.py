import pytest
from _records import quote, sentence, voice

from framing.sourcing import SPEAKER_TYPES, normalize_speaker, sources_document, speaker_type


@pytest.mark.parametrize(("description", "expected"), [
    ("Foreign Minister Ali Bagheri", "official"),
    ("a spokesman for the Syrian army", "official"),
    ("state news agency SANA", "state_media"),
    ("Iranian state television", "state_media"),
    ("two sources familiar with the talks", "anonymous"),
    ("an official who spoke on condition of anonymity", "anonymous"),
    ("Charles Lister, an analyst at the Middle East Institute", "expert"),
    ("a professor of history", "expert"),
    ("in a post on X", "social_media"),
    ("the Washington Post", "other"),
    ("Umm Ahmad, a mother of three", "other"),
    ("", "unattributed"),
    (None, "unattributed"),
])
def test_speaker_type_cues(description, expected):
    assert speaker_type(description) == expected
    assert expected in SPEAKER_TYPES


def test_sources_use_apposition_context_and_reported_segments():
    text = ("\"We will not stop,\" said Jane Doe, an analyst at a think tank. "
            "According to state media, the army advanced. "
            "\"It is over,\" someone wrote.")
    s1 = text.index("According")
    s2 = text.index("\"It is over")
    sentences = [sentence("d", 0, text, 0, s1 - 1), sentence("d", 1, text, s1, s2 - 1),
                 sentence("d", 2, text, s2, len(text))]
    quotes = [quote("d", 0, text, "We will not stop,", speaker="Jane Doe"),
              quote("d", 1, text, "It is over,", speaker=None),
              quote("d", 2, text, "state media", kind="term", speech=False)]
    rep_end = text.index(", the army")
    voices = [voice("d", 0, s1, "own"), voice("d", s1, rep_end, "reported", source="state media"),
              voice("d", rep_end, len(text), "own")]
    sources = sources_document(text, sentences, quotes, voices)
    assert [(s["kind"], s["type"]) for s in sources] == [
        ("quote", "expert"), ("quote", "unattributed"), ("reported", "state_media")]


def test_a_reported_clause_split_by_a_quotation_is_one_source():
    text = ("Officials said the strikes were \"a warning\" and would go on. "
            "Officials said more would follow.")
    second = text.index("Officials said more")
    sentences = [sentence("d", 0, text, 0, second - 1), sentence("d", 1, text, second, len(text))]
    q_start = text.index("\"a warning")
    q_end = q_start + len("\"a warning\"")
    voices = [voice("d", 0, q_start, "reported", source="Officials"),
              voice("d", q_start, q_end, "quoted"),
              voice("d", q_end, second - 1, "reported", source="Officials"),
              voice("d", second, len(text), "reported", source="Officials")]
    sources = sources_document(text, sentences, [], voices)
    # the interrupted clause counts once; the next sentence's attribution is a second source
    assert [(s["kind"], s["speaker"]) for s in sources] == [
        ("reported", "Officials"), ("reported", "Officials")]


def test_reported_speech_counts_once_per_sentence_and_source():
    text = "Russia said it would help, the paper wrote, and Moscow said it would not, Iran said."
    cut1, cut2, cut3 = text.index(", the paper"), text.index(" and Moscow"), text.index(", Iran")
    sentences = [sentence("d", 0, text, 0, len(text))]
    voices = [voice("d", 0, cut1, "reported", source="Russia"),
              voice("d", cut1, cut2, "own"),  # own words between two reports of one source
              voice("d", cut2, cut3, "reported", source="Russia"),
              voice("d", cut3, len(text), "reported", source="Iran")]
    sources = sources_document(text, sentences, [], voices)
    assert [(s["kind"], s["speaker"]) for s in sources] == [
        ("reported", "Russia"), ("reported", "Iran")]


def test_embedded_posts_are_social_media():
    text = "He wrote: \"Victory is near.\""
    q = quote("d", 0, text, "Victory is near.", kind="embedded_post", speaker="He")
    assert sources_document(text, [], [q], [])[0]["type"] == "social_media"


def test_normalize_speaker():
    assert normalize_speaker("The  Syrian Army") == normalize_speaker("syrian army")


def test_named_speakers_are_typed_from_their_first_introduction():
    text = ("National Security Adviser Jake Sullivan spoke on Sunday. Crowds gathered. "
            "\"We are watching closely,\" Sullivan said.")
    q = quote("d", 0, text, "We are watching closely,", speaker="Sullivan")
    q["speaker_start"] = text.rindex("Sullivan")
    q["speaker_end"] = q["speaker_start"] + len("Sullivan")
    s2 = text.index("\"We")
    sentences = [sentence("d", 0, text, 0, s2 - 1), sentence("d", 1, text, s2, len(text))]
    assert sources_document(text, sentences, [q], [])[0]["type"] == "official"


def test_sentence_lookup_is_the_first_sentence_holding_the_offset():
    import random

    from framing.sourcing import _Sentences
    rng = random.Random(3)
    for _ in range(300):
        cuts = sorted(rng.sample(range(60), rng.randint(0, 12)))
        sentences = [{"start": a, "end": b} for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
        if rng.random() < 0.3:  # out of order or overlapping: the list order decides
            rng.shuffle(sentences)
            sentences.append({"start": rng.randint(0, 30), "end": rng.randint(0, 60)})
        bounds = _Sentences(sentences)
        for offset in range(-1, 62):
            first = next(((s["start"], s["end"]) for s in sentences
                          if s["start"] <= offset < s["end"]), None)
            assert bounds.around(offset) == first


def test_speaker_type_finds_every_cue_as_the_plain_search_does():
    import itertools
    import random
    import re

    from framing.sourcing import SPEAKER_TYPE_CUES

    def plain(description):  # every type's words and phrases searched in turn
        text = re.sub(r"(?<=\w)'s\b", " 's", description.lower().replace("\u2019", "'"))
        words = re.findall(r"'s\b|[a-z0-9]+(?:['\-][a-z0-9]+)*", text)
        joined = f" {' '.join(words)} "
        for kind, cues in SPEAKER_TYPE_CUES:
            if any(f" {c} " in joined for c in cues):
                return kind
        return "other"

    cues = [c for _, group in SPEAKER_TYPE_CUES for c in group]
    fillers = ["the", "said", "on", "a", "post", "state", "news", "Jane's", "x", "official"]
    rng = random.Random(5)
    descriptions = [f"Jane {c.upper()} Doe" for c in cues] + [
        " ".join(rng.choice(cues + fillers) for _ in range(rng.randint(1, 5))) for _ in range(3000)]
    descriptions += [" ".join(p) for p in itertools.permutations(["on", "x", "posted", "a"], 3)]
    assert [d for d in descriptions if speaker_type(d) != plain(d)] == []
