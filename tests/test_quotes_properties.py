"""Property test: the sentence start found from the marks before a quote
equals the last match of a plain regex scan of the paragraph so far."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.quotes import _SENTENCE_GAP_RE, _sentence_start

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
