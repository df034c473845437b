"""Property tests: the sentence start found from the marks before a quote
equals the last match of a plain regex scan of the paragraph so far; the
earlier speech asked for a phrase (a quick key test first) answers as a plain
search of every earlier quote does; the many-words pattern matches where
WORD_RE finds more than four words."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.quotes import (
    _MANY_WORDS_RE,
    _SENTENCE_GAP_RE,
    _TERM_MAX_WORDS,
    _contains_phrase,
    _norm_phrase,
    _sentence_start,
    _SpeechSoFar,
)
from framing.tokens import WORD_RE

_PIECES = st.sampled_from([
    ".", "!", "?", "…", "...", "“", "”", '"', "‘", "’", "'", ")", "]", " ", "  ", "\n", "\t",
    "\u00a0", "A", "The", "x", "said", "U.S.", "Dr.",
])
TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=40).map("".join)


def _plain_sentence_start(text, pos, p_start):
    best = p_start
    for m in _SENTENCE_GAP_RE.finditer(text, p_start, pos):
        best = m.end()
    return best


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.data())
def test_sentence_start_equals_the_last_gap_of_a_scan(text, data):
    pos = data.draw(st.integers(0, len(text)))
    p_start = data.draw(st.integers(0, pos))
    assert _sentence_start(text, pos, p_start) == _plain_sentence_start(text, pos, p_start)


# --- earlier speech: the case-folded key test before normalising ------------

_SPEECH_PIECES = st.sampled_from([
    " ", "  ", "\n", "’s", "'s", "’S", "’", "'", "-", ".", ",", "Iran", "iran", "IRAN", "Iran’s",
    "ſ", "ß", "ss", "K", "\u212a", "k", "İ", "i", "ﬁ", "fi", "Σ", "σ", "ς", "2024", "U.S.",
])
_SPEECH_TEXTS = st.lists(st.one_of(_SPEECH_PIECES, st.text(max_size=3)), max_size=12).map("".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.booleans(), _SPEECH_TEXTS), max_size=8))
def test_speech_so_far_holds_what_a_plain_search_finds(steps):
    speech, earlier = _SpeechSoFar(), []
    for is_question, text in steps:
        if not is_question:
            speech.add(text)
            earlier.append(text)
            continue
        phrase = _norm_phrase(text)
        plain = any(_contains_phrase(_norm_phrase(t), phrase) for t in earlier)
        assert speech.holds(phrase) == plain


# --- short quotes: more than four words, from one atomic pattern -----------

_WORD_PIECES = st.sampled_from([" ", "  ", "\n", "a", "Iran", "2024", "’", "'", ".", ",", "-", "U.S.",
                                "don’t", "1,000", "e.g.", "—", "“", "é", "-x"])


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_WORD_PIECES, st.text(max_size=3)), max_size=16).map("".join))
def test_many_words_pattern_matches_more_than_four_words(text):
    assert (_MANY_WORDS_RE.match(text) is not None) == (len(WORD_RE.findall(text)) > _TERM_MAX_WORDS)
