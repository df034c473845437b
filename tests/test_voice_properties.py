"""Property tests: offsets stay consistent on arbitrary text, including stray
and unbalanced quotation marks."""

from __future__ import annotations

from hypothesis import HealthCheck, event, example, given, reject, settings
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
def test_last_token_is_the_last_of_all_tokens(text, a, b):
    from framing.speakers import WORD_TOKEN_RE, _last_tokens
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    # the word before an attribution verb (voice._is_verb_use): the last
    # token of the slice, as the last of the text's tokens between lo and hi
    tokens = WORD_TOKEN_RE.findall(text, lo, hi)
    assert [m.group(0) for m in _last_tokens(text[lo:hi], 1)] == tokens[-1:]


_WORD_BEFORE_TEXTS = st.lists(st.one_of(
    st.sampled_from(["Iran", "said", "U.S.", "a.b", "Assad’s", "rebels’", "al-Assad", "x_1", " ", "  ",
                     "\n", ",", ".", "(", "“", "”", "—", "-", "’", "'", "İ", "é"]),
    st.text(max_size=3)), max_size=15).map("".join)


@SETTINGS
@given(_WORD_BEFORE_TEXTS, st.integers(0, 80), st.integers(0, 80))
@example("Iran said", 0, 5)
@example("officials,  said", 0, 12)
@example("the U.S. said", 0, 9)
@example("a.b said", 2, 5)
def test_word_before_is_the_last_token(text, a, b):
    from framing.speakers import WORD_TOKEN_RE
    from framing.voice import _word_before
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    tokens = WORD_TOKEN_RE.findall(text, lo, hi)
    assert _word_before(text, lo, hi) == (tokens[-1] if tokens else "")


@SETTINGS
@given(st.lists(st.sampled_from(["the", "Iran", "also", "has", "and", "U.S.", "said", " ", "  ",
                                 ",", "’s", "-", "x" * 30, "a.b"]), max_size=40).map("".join))
def test_last_tokens_without_trailing_adverbs_are_the_last_of_all_tokens(phrase):
    from framing.speakers import _ADVERBS, WORD_TOKEN_RE, _last_tokens
    tokens = list(WORD_TOKEN_RE.finditer(phrase))
    assert [m.span() for m in _last_tokens(phrase, 6)] == [m.span() for m in tokens[-6:]]
    while tokens and tokens[-1].group(0).lower() in _ADVERBS:
        tokens.pop()
    assert [m.span() for m in _last_tokens(phrase, 6, _ADVERBS)] == [m.span() for m in tokens[-6:]]


# Texts of words joined by separators, the words (and a few phrases) drawn
# from the passive and designation cue words and their neighbours, so that "is widely said to" or
# "was officially designated as" turn up (pieces joined with nothing between
# them almost never make such a sequence); a separator may be empty or odd,
# gluing words together or splitting them.
_CUE_VOCABULARY = st.sampled_from([
    "is", "was", "are", "were", "be", "been", "being", "this", "widely", "also", "formally",
    "officially", "said", "says", "claims", "reported", "rumoured", "rumored", "thought",
    "believed", "alleged", "to", "tox", "as", "for", "by", "designated", "listed", "labelled",
    "labeled", "considered", "deemed", "undesignated", "listedx", "while", "once", "although",
    "according", "hts", "a", "group", "he", "x", "é", "1", "_",
    # phrases, so that whole matches are likely
    "is widely said", "was reported", "were rumored", "been thought", "are believed to",
    "is officially designated", "was listed", "were widely considered", "being designated",
    "designated as", "labelled by", "said to",
])
_SEPARATORS = st.sampled_from([" ", " ", " ", " ", "  ", "\n", "\u00a0", ", ", ",", "", "-", "’", "_"])
CUE_TEXTS = st.lists(st.tuples(_CUE_VOCABULARY, _SEPARATORS), max_size=24).map(
    lambda pairs: "".join(word + sep for word, sep in pairs))
_PASSIVE_EXAMPLES = ("he is widely said to be", "they were reported to have left",
                     "it was rumoured to, and")
_DESIGNATION_EXAMPLES = ("hts is officially designated as a group",
                         "hts, designated a group", "it was listed as a group while considered x")


def _with_examples(*texts):
    def decorate(test):
        for text in texts:
            test = example(text)(test)
        return test
    return decorate


@SETTINGS
@given(CUE_TEXTS)
@_with_examples(*_PASSIVE_EXAMPLES, *_DESIGNATION_EXAMPLES)
def test_passive_matches_are_the_word_initial_regex_matches(low):
    from framing.tokens import one_byte_per_char
    from framing.voice import _LOWER, _cue_words, _passive_matches, _word_initial
    expected = [m.span() for m in _word_initial(_LOWER["passive"].finditer(low), low)]
    cue_words = _cue_words(low, one_byte_per_char(low))
    found = [m.span() for m in _passive_matches(low, cue_words)]
    event(f"passive matches: {min(len(found), 2)}")
    assert found == expected


@SETTINGS
@given(CUE_TEXTS)
@_with_examples(*_PASSIVE_EXAMPLES, *_DESIGNATION_EXAMPLES)
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
    # designations: from the whole-word cues as from every occurrence of a
    # cue, and as the regex finds them in the whole text
    designations = [m.span() for m in _designation_matches(_LOWER, low, designation_cues)]
    every_cue = _cue_starts(_LOWER["designation_cue"], low)
    assert designations == [m.span() for m in _designation_matches(_LOWER, low, every_cue)]
    assert designations == [m.span() for m in _LOWER["designation"].finditer(low)]
    assert [m.span() for m in passives] == [
        m.span() for m in _word_initial(_LOWER["passive"].finditer(low), low)]
    event(f"designation matches: {min(len(designations), 2)}")
    event(f"passive matches: {min(len(passives), 2)}")


def test_the_cue_examples_have_matches():
    """The examples above do exercise the rules: each has a match."""
    from framing.voice import _LOWER, _cues_lower, _designation_matches
    for text in _PASSIVE_EXAMPLES:
        assert _cues_lower(text)[3], text
    for text in _DESIGNATION_EXAMPLES:
        assert list(_designation_matches(_LOWER, text, _cues_lower(text)[2])), text


def test_the_cue_texts_have_matches():
    """The generated texts, not only the examples, have passive and
    designation matches (joined pieces almost never had)."""
    from hypothesis import find

    from framing.voice import _LOWER, _cues_lower, _designation_matches
    find(CUE_TEXTS, lambda low: len(_cues_lower(low)[3]) > 0,
         settings=settings(max_examples=2000, database=None))
    find(CUE_TEXTS, lambda low: any(_designation_matches(_LOWER, low, _cues_lower(low)[2])),
         settings=settings(max_examples=2000, database=None))


def _after_to_by_regex(text, lo, hi):
    """What voice._after_to replaced: the last word of text[lo:hi] (before
    trailing spaces and a comma) found by a regex, in a 40-character window
    first."""
    import re
    last_word_re = re.compile(r"([\w’'\-]+)\s*,?\s*$")
    window = max(lo, hi - 40)
    last = last_word_re.search(text, window, hi)
    if window > lo and (last is None or last.start() == window):
        last = last_word_re.search(text, lo, hi)
    return last is not None and last.group(1).lower() == "to"


_TO_PIECES = st.sampled_from([
    "to", "To", "TO", "tO", "o", "t", "x", "into", "_to", "to_", "’", "'", "-", ",", ",,", " ", "  ",
    "\n", "\t", "\u00a0", "é", "1", "K", "İ", "ı", "x" * 38,
])
# often ending in "to" and what may follow it, often cut at the end
_TO_TEXTS = st.tuples(
    st.lists(st.one_of(_TO_PIECES, st.text(max_size=3)), max_size=16).map("".join),
    st.sampled_from(["", "to", " to", "To ", " to, ", "to ,\n", "into", "-to", "’to", "to,,", "x"]),
).map("".join)
_CUT = st.one_of(st.just(999), st.integers(0, 120))


@SETTINGS
@given(_TO_TEXTS, st.one_of(st.just(0), st.integers(0, 120)), _CUT)
@example("we want to ", 0, 11)
@example("going to,", 0, 9)
@example("x" * 39 + " to", 0, 42)
def test_after_to_is_the_regex_it_replaced(text, a, b):
    from framing.voice import _after_to
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    result = _after_to(text, lo, hi)
    event(f"after to: {result}")
    assert result == _after_to_by_regex(text, lo, hi)


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


def _subtract(pieces, start, end):
    """Interval pieces (start, end, *payload) minus [start, end) (what
    voice_segments_document used for empty spans)."""
    out = []
    for piece in pieces:
        a, b = piece[0], piece[1]
        if b <= start or end <= a:
            out.append(piece)
            continue
        if a < start:
            out.append((a, start, *piece[2:]))
        if end < b:
            out.append((end, b, *piece[2:]))
    return out


def _labelled_pieces_before(found, speech, n):
    """voice_segments_document's overlap removal before empty spans were
    dropped first: subtraction piece by piece when some span is empty."""
    from framing.voice import _first_wins, _outside, _untaken
    non_empty = all(start < end for start, end, _ in found)
    if non_empty:
        reported = _first_wins(found)
    else:
        reported = []
        for start, end, src in found:
            new = [(start, end, "reported", src, None)]
            for piece in reported:
                new = _subtract(new, piece[0], piece[1])
            reported.extend(new)
    quoted = []
    taken = []
    for q in speech:
        a, b = max(int(q["inner_start"]), 0), min(int(q["inner_end"]), n)
        if a < b:
            quoted.extend((lo, hi, "quoted", q.get("speaker"), q.get("quote_id"))
                          for lo, hi in _untaken(a, b, taken))
            if not non_empty:
                reported = _subtract(reported, a, b)
    if non_empty:
        reported = _outside(reported, taken)
    return sorted(reported + quoted)


# Reported spans as _reported_spans gives them (start < end, starting in the
# text, possibly ending past it), then clipped to the text as
# voice_segments_document clips them: some become empty.
_RAW_SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12),
                                st.sampled_from([None, "Iran", "HTS"])), max_size=10)
_RAW_QUOTES = st.lists(st.tuples(st.integers(-5, 45), st.integers(-3, 15)), max_size=5)


@SETTINGS
@given(st.integers(1, 40), _RAW_SPANS, _RAW_QUOTES)
@example(10, [(3, 5, "Iran"), (10, 4, None), (4, 3, "HTS")], [(4, 2)])
def test_dropping_empty_spans_first_changes_no_segment(n, raw_spans, raw_quotes):
    from framing.voice import _labelled_pieces, _merged_segments
    found = [(max(min(start, n), 0), min(start + length, n), src)
             for start, length, src in raw_spans]
    speech = [{"inner_start": a, "inner_end": a + length, "speaker": "X", "quote_id": f"q{k}"}
              for k, (a, length) in enumerate(raw_quotes)]
    event(f"empty spans: {any(a >= b for a, b, _ in found)}")
    try:
        before = _merged_segments("d", n, _labelled_pieces_before(found, speech, n))
    except TypeError:
        # the old way could not sort two empty pieces at one offset, one
        # source None, the other a name (no output to compare with)
        reject()
    after = _merged_segments("d", n, _labelled_pieces([sp for sp in found if sp[0] < sp[1]],
                                                      speech, n))
    assert after == before
