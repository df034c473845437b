"""Property tests: the whole-text sentence scan equals splitting each line on
its own, the paragraph pattern equals splitting on line breaks and trimming
every line, sentence splitting equals the plain finditer scan it replaced,
and each sentence's word count is WORD_RE's."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.segment import (
    _ABBREVIATIONS,
    _ACRONYM_RE,
    _FIRST_WORD_RE,
    _SENTENCE_STARTERS,
    _TAG_AFTER_RE,
    paragraph_spans,
    segment_document,
    split_sentences,
)
from framing.speakers import SPEECH_VERBS
from framing.tokens import WORD_RE

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


# The sentence split of commit 08ced8f (a finditer scan of the line, each
# candidate end judged on its own; word lists and small patterns shared).
_PLAIN_END_RE = re.compile(r"[.!?…][.!?…\"”’'\)\]]*(?=\s)")


def _plain_is_boundary(line, match):
    i = match.end()
    while i < len(line) and line[i].isspace():
        i += 1
    if i >= len(line):
        return False
    nxt = line[i]
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'([—–-•"):
        return False
    punct = match.group(0)
    if punct[-1] in "\"”’'" and ("?" in punct or "!" in punct):
        tag = _TAG_AFTER_RE.match(line, i)
        if tag and tag.group(1).lower() in SPEECH_VERBS:
            return False
    if not punct.startswith(".") or punct.startswith("..."):
        return True
    token = line[max(line.rfind(" ", 0, match.start()), line.rfind("\n", 0, match.start())) + 1:
                 match.start()].lstrip("\"“‘'([")
    if not token:
        return True
    bare = token.lower().rsplit("-", 1)[-1].rstrip(".")
    if bare in ("no", "nos", "p", "pp", "vol", "art", "fig", "ch", "para", "op"):
        return not nxt.isdigit()
    if bare in _ABBREVIATIONS:
        return False
    if token.isdigit() and not line[:match.start() - len(token)].strip():
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False
    if _ACRONYM_RE.match(token):
        first_word = _FIRST_WORD_RE.match(line, i)
        return bool(first_word) and first_word.group(1).lower() in _SENTENCE_STARTERS
    return True


def _plain_split_sentences(line):
    spans, start = [], 0
    for match in _PLAIN_END_RE.finditer(line):
        if _plain_is_boundary(line, match):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(line)))
    return [(s, e) for s, e in (_plain_trimmed(line, s, e) for s, e in spans) if s < e]


def _plain_trimmed(text, s, e):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


_SENTENCE_PIECES = st.sampled_from([
    "Dr.", "U.S.", "No. 3", "no.", "e.g.", "Gen.", "F.", "St.", "1.", "12", "3.5", "2024",
    "the", "The", "he", "said", "West", "asked", "And", "Iran", "x", "A", "I", "Get back!",
    ".", "!", "?", "…", "...", "?!", "“", "”", '"', "’", "'", ")", "]", "(",
    " ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0",
])
# Word, end mark, space: "Dr. Smith said…", "“Get back!” West said", "No. 3".
_WORDS = st.sampled_from([
    "Dr", "U.S", "No", "no", "e.g", "Gen", "Maj.-Gen", "F", "St", "p", "1", "12", "3", "the",
    "The", "he", "He", "said", "asked", "West", "And", "Iran", "rebels", "x", "A", "I",
    "“Get", "“Why", "(The", '"It', "“", "—", "•", "West said", "He asked", "the minister said",
    "John F. Kennedy",
])
_MARKS = st.sampled_from(["", "", "", ".", ".", "!", "?", "…", "...", "!”", "?”", '?"', ".”", ".)",
                          "!’", "?!", ".]"])
_SPACES = st.sampled_from([" ", " ", " ", "  ", "\n", "\t", "\u00a0", ""])
_SENTENCE_TEXTS = st.one_of(
    st.lists(st.tuples(_WORDS, _MARKS, _SPACES).map("".join), max_size=40).map("".join),
    st.lists(_SENTENCE_PIECES, max_size=60).map("".join),
    st.lists(_SENTENCE_PIECES, max_size=40).map(" ".join),
    st.lists(st.one_of(_SENTENCE_PIECES, st.text(max_size=3)), max_size=50).map("".join),
)


@settings(SETTINGS, max_examples=1500)
@given(_SENTENCE_TEXTS)
def test_sentences_equal_the_plain_scan(text):
    assert split_sentences(text) == _plain_split_sentences(text)


@SETTINGS
@given(st.one_of(TEXTS, _SENTENCE_TEXTS))
def test_sentence_word_counts_are_word_re_counts(text):
    for r in segment_document("d", text):
        assert r["n_words"] == len(WORD_RE.findall(text, r["start"], r["end"]))


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

