"""Property tests: the whole-text sentence scan equals splitting each line on
its own, and the paragraph pattern equals splitting on line breaks and
trimming every line."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.segment import paragraph_spans, segment_document, split_sentences

_PIECES = st.sampled_from([
    "“", "”", '"', "‘", "’", "'", ".", "...", "…", "?", "!", ",", ":", ";", "(", ")", "[", "]",
    "\n", "\n\n", " ", "  ", "\t", "\r", "\x0b", "\x1c", "\u00a0", "\u2028", "\u0130", "#", "*", "•",
    "—", "-", "U.S.", "U.S", "Gen.", "Maj.-Gen.", "No. 3", "no.", "Dr.", "St", "F.", "e.g.", "1.", "12",
    "Get back!", "“Why?”", "he said", "West asked", "the", "The", "And", "rebels", "Iran", "A", "x",
])
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=80).map("".join),
)
SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _plain_paragraph_spans(text):
    spans, start = [], 0
    for line in text.split("\n"):
        s, e = start, start + len(line)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
        start += len(line) + 1
    return spans


@SETTINGS
@given(TEXTS)
def test_paragraphs_are_the_trimmed_non_blank_lines(text):
    assert paragraph_spans(text) == _plain_paragraph_spans(text)


@SETTINGS
@given(TEXTS)
def test_document_sentences_are_each_line_split_alone(text):
    expected = [(p_start + s, p_start + e) for p_start, p_end in _plain_paragraph_spans(text)
                for s, e in split_sentences(text[p_start:p_end])]
    assert [(r["start"], r["end"]) for r in segment_document("d", text)] == expected

