"""Property tests: offsets stay consistent on arbitrary text, including stray
and unbalanced quotation marks."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.quotes import find_quotes_document
from framing.segment import segment_document
from framing.voice import sentence_voice_shares, voice_at, voice_segments_document

# Text built from pieces that exercise the splitter and the quote finder,
# mixed with arbitrary unicode.
_PIECES = st.sampled_from([
    "“", "”", '"', "‘", "’", "'", ".", "...", "…", "?", "!", ",", ":", "\n", "\n\n", " ", "  ",
    "— Name (@handle) December 1, 2024\n", "U.S.", "Gen.", "No. 3", "Assad’s", "don’t",
    "he said", "said Emile Hokayem", "according to", "was designated a", "by the", "Reports indicate that",
    "Iran", "the rebels", "HTS", "axis of resistance", "We will win", "They",
])
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=60).map("".join),
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _run(text):
    sents = segment_document("d", text)
    quotes = find_quotes_document("d", text)
    voices = voice_segments_document("d", text, quotes, sents)
    return sents, quotes, voices


@SETTINGS
@given(TEXTS)
def test_sentences_are_ordered_trimmed_and_inside_the_text(text):
    sents = segment_document("d", text)
    prev_end = 0
    for s in sents:
        assert prev_end <= s["start"] < s["end"] <= len(text)
        piece = text[s["start"]:s["end"]]
        assert piece == piece.strip() and "\n" not in piece
        prev_end = s["end"]
    assert [s["sent_id"] for s in sents] == list(range(len(sents)))


@SETTINGS
@given(TEXTS)
def test_quotes_are_consistent_and_never_overlap(text):
    quotes = find_quotes_document("d", text)
    prev_end = 0
    for q in quotes:
        assert prev_end <= q["start"] <= q["inner_start"] <= q["inner_end"] <= q["end"] <= len(text)
        assert q["start"] < q["end"]
        assert q["kind"] in ("direct", "partial", "embedded_post", "term")
        assert q["counts_as_speech"] == (q["kind"] != "term")
        if q["speaker_start"] == q["speaker_start"]:  # not NaN
            assert 0 <= q["speaker_start"] < q["speaker_end"] <= len(text)
        prev_end = q["end"]


@SETTINGS
@given(TEXTS)
def test_voice_segments_cover_the_text(text):
    sents, quotes, voices = _run(text)
    if not text:
        assert voices == []
        return
    assert voices[0]["start"] == 0 and voices[-1]["end"] == len(text)
    for a, b in zip(voices, voices[1:], strict=False):
        assert a["end"] == b["start"]
    for v in voices:
        assert v["start"] < v["end"] and v["voice"] in ("own", "reported", "quoted")
    speech = [q for q in quotes if q["counts_as_speech"]]
    for q in speech:
        if q["inner_start"] < q["inner_end"]:
            assert voice_at(voices, [q["inner_start"]])[0][0] == "quoted"
    filled = sentence_voice_shares(sents, voices, text)
    for s in filled:
        if s["n_words"]:
            total = s["share_own"] + s["share_reported"] + s["share_quoted"]
            assert abs(total - 1) < 1e-9
        else:
            assert s["share_own"] != s["share_own"]  # NaN


@SETTINGS
@given(TEXTS, st.lists(st.integers(min_value=-5, max_value=400), max_size=3))
def test_quotes_with_embed_records_stay_consistent(text, positions):
    embeds = [{"doc_id": "d", "raw_start": p, "raw_end": p + 10, "clean_pos": p,
               "kind": "embed_credit", "text": "— Someone (@someone) May 1, 2024\n"} for p in positions]
    quotes = find_quotes_document("d", text, embeds=embeds)
    prev_end = 0
    for q in quotes:
        assert prev_end <= q["start"] <= q["inner_start"] <= q["inner_end"] <= q["end"] <= len(text)
        assert q["start"] < q["end"]
        prev_end = q["end"]


_QUOTE_RECORDS = st.lists(
    st.tuples(st.integers(-5, 320), st.integers(0, 60), st.booleans()), max_size=6)


@SETTINGS
@given(TEXTS, _QUOTE_RECORDS)
def test_voice_segments_cover_the_text_whatever_quotes_come_in(text, raw_quotes):
    quotes = [{"quote_id": f"d-q{i}", "start": s, "end": s + n, "inner_start": s, "inner_end": s + n,
               "counts_as_speech": speech, "speaker": "X", "speaker_start": float("nan"),
               "speaker_end": float("nan")} for i, (s, n, speech) in enumerate(raw_quotes)]
    voices = voice_segments_document("d", text, quotes, segment_document("d", text))
    if text:
        assert voices[0]["start"] == 0 and voices[-1]["end"] == len(text)
        assert all(a["end"] == b["start"] for a, b in zip(voices, voices[1:], strict=False))
        assert all(v["start"] < v["end"] for v in voices)


# Pieces for the clause-end and last-word scans: clause words in any case,
# dashes between spaces, commas before digits, characters outside a-z.
_CLAUSE_PIECES = st.sampled_from([
    "but", "After", "BEFORE", "though", "although", "al", "when", "While", "ſince", "ınce",
    " - ", " — ", " – ", ",1", ", ", ";", ":", "-", "é", "_", "K", "a.b", "’s", "\u00a0", "\n",
])
_SCAN_TEXTS = st.lists(st.one_of(_CLAUSE_PIECES, st.text(max_size=3)), max_size=12).map("".join)


@SETTINGS
@given(_SCAN_TEXTS, st.integers(0, 80), st.integers(0, 80))
def test_clause_end_on_lower_case_text_is_the_regex_search(text, a, b):
    from framing.voice import _CASE_FOLD_ODD, _clause_end
    pos, limit = sorted((min(a, len(text)), min(b, len(text))))
    low = text.lower()
    if len(low) == len(text) and not any(c in low for c in _CASE_FOLD_ODD):
        assert _clause_end(text, pos, limit, low) == _clause_end(text, pos, limit)


@SETTINGS
@given(_SCAN_TEXTS, st.integers(0, 80), st.integers(0, 80))
def test_last_word_token_is_the_last_of_all_tokens(text, a, b):
    from framing.speakers import WORD_TOKEN_RE
    from framing.voice import _last_word_token
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    tokens = WORD_TOKEN_RE.findall(text, lo, hi)
    assert _last_word_token(text, lo, hi) == (tokens[-1] if tokens else "")


@SETTINGS
@given(st.lists(st.sampled_from(["the", "Iran", "also", "has", "and", "U.S.", "said", " ", "  ",
                                 ",", "’s", "-", "x" * 30, "a.b"]), max_size=40).map("".join))
def test_subject_tokens_are_the_last_of_all_tokens(phrase):
    from framing.speakers import _ADVERBS, WORD_TOKEN_RE, _subject_tokens
    tokens = list(WORD_TOKEN_RE.finditer(phrase))
    while tokens and tokens[-1].group(0).lower() in _ADVERBS:
        tokens.pop()
    assert [m.span() for m in _subject_tokens(phrase)] == [m.span() for m in tokens[-6:]]


_PASSIVE_PIECES = st.sampled_from([
    "is", "was", "are", "were", "been", "this", "widely", " ", "  ", "\n", "\u00a0", "said",
    "reported", "rumoured", "rumored", "thought", "to", "tox", "x", "_", "é", ",",
])


@SETTINGS
@given(st.lists(_PASSIVE_PIECES, max_size=30).map("".join))
def test_passive_matches_are_the_word_initial_regex_matches(low):
    from framing.tokens import one_byte_per_char
    from framing.voice import _LOWER, _cue_words, _passive_matches, _word_initial
    expected = [m.span() for m in _word_initial(_LOWER["passive"].finditer(low), low)]
    cue_words = _cue_words(low, one_byte_per_char(low))
    assert [m.span() for m in _passive_matches(low, cue_words)] == expected


_CUE_PIECES = st.sampled_from([
    "said", "says", "claims", "according", "according to", " to ", "to", "designated", "listed",
    "labelled", "labeled", "considered", "undesignated", "listedx", "is", "was", "being", "widely",
    "officially", "also", "while", "once", "although", ",", " ", "  ", "\n", "\u00a0", "1", "_",
    "é", "’", "-", "as", "by", "for", "reported", "rumoured", "x",
])


@SETTINGS
@given(st.lists(_CUE_PIECES, max_size=30).map("".join))
def test_rules_start_where_the_regexes_find_them(low):
    from framing.voice import (
        _LOWER,
        _cue_starts,
        _cues_lower,
        _designation_matches,
        _word_initial,
    )
    verbs, according, designation_cues, passives = _cues_lower(low)
    assert verbs == [m.span() for m in _LOWER["verb"].finditer(low)]
    assert [m.span() for m in according] == [
        m.span() for m in _word_initial(_LOWER["according"].finditer(low), low)]
    # designations: from the whole-word cues as from every occurrence of a cue
    every_cue = _cue_starts(_LOWER["designation_cue"], low)
    assert [m.span() for m in _designation_matches(_LOWER, low, designation_cues)] == [
        m.span() for m in _designation_matches(_LOWER, low, every_cue)]
    assert [m.span() for m in passives] == [
        m.span() for m in _word_initial(_LOWER["passive"].finditer(low), low)]


# Sorted, disjoint segments (possibly empty, with gaps, starting before or
# ending after the text) and sentences (possibly empty, overlapping, unsorted).
_SEGMENT_CUTS = st.lists(st.integers(-3, 70), max_size=12).map(sorted)
_SEGMENT_VOICES = st.lists(st.sampled_from(["own", "reported", "quoted"]), min_size=6, max_size=6)
_SENTENCE_BOUNDS = st.lists(st.tuples(st.integers(-3, 70), st.integers(0, 20)), max_size=8)


@SETTINGS
@given(_SCAN_TEXTS, _SEGMENT_CUTS, _SEGMENT_VOICES, _SENTENCE_BOUNDS)
def test_vectorised_voice_counts_are_the_counts_segment_by_segment(text, cuts, voices, bounds):
    from framing.tokens import word_starts
    from framing.voice import _voice_counts, _voice_counts_by_segment
    segments = [{"start": a, "end": b, "voice": voices[k % 6]}
                for k, (a, b) in enumerate(zip(cuts[0::2], cuts[1::2], strict=False))]
    sentences = [{"start": a, "end": a + n} for a, n in bounds]
    starts = word_starts(text)
    vectorised = _voice_counts(starts, segments, [s["start"] for s in segments],
                               [s["end"] for s in segments], [s["start"] for s in sentences],
                               [s["end"] for s in sentences])
    assert list(vectorised) == list(_voice_counts_by_segment(starts.tolist(), segments, sentences))
