"""The one-regex matcher: longest match, tokenizer boundaries, flexible
whitespace, apostrophes, case, patterns, and valid offsets for any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.lexicons import load_lexicons, normalise_term
from framing.matcher import (
    _END,
    Matcher,
    WordIndex,
    WordStartScanner,
    lower_same_length,
    trie_regex,
)
from framing.tokens import lowered, one_byte_per_char, word_spans


def entry(term, layer="hedge", pattern=None):
    return {"term": term, "layer": layer, "pattern": pattern}


def found(matcher, text):
    return [(text[h.start:h.end], sorted(e["layer"] for e in h.entries)) for h in matcher.find(text)]


def test_longest_term_wins_and_both_layers_are_reported():
    m = Matcher([entry("doubt"), entry("no doubt", "booster"), entry("there is no doubt", "booster"),
                 entry("claimed", "hedge"), entry("claimed", "attribution")])
    assert found(m, "There is  no doubt. No doubt. A doubt. He claimed.") == [
        ("There is  no doubt", ["booster"]), ("No doubt", ["booster"]), ("doubt", ["hedge"]),
        ("claimed", ["attribution", "hedge"])]


def test_hits_respect_the_tokenizer_word_boundaries():
    m = Matcher([entry("known"), entry("may"), entry("well-known"), entry("tyrant", "loaded")])
    text = "well-known, unknown, known; mayor, dismay, may. The tyrant’s rule; tyrants."
    assert [t for t, _ in found(m, text)] == ["well-known", "known", "may", "tyrant"]


def test_whitespace_apostrophes_and_case_are_flexible():
    m = Matcher([entry("according to"), entry("it's unclear")])
    text = "ACCORDING\n   to them, It’s unclear and it's UNCLEAR."
    assert [t for t, _ in found(m, text)] == ["ACCORDING\n   to", "It’s unclear", "it's UNCLEAR"]


def test_pattern_entries_merge_with_literals_longest_first():
    m = Matcher([entry("admit", "attribution", pattern=r"admit(?:s|ted|ting)?"),
                 entry("admitted defeat", "loaded"), entry("seems")])
    text = "She admitted defeat; he admits it; it seems so; admitting."
    assert found(m, text) == [("admitted defeat", ["loaded"]), ("admits", ["attribution"]),
                              ("seems", ["hedge"]), ("admitting", ["attribution"])]


def test_trie_regex_matches_exactly_its_terms():
    terms = ["may", "may well", "might", "according to", "apparent", "apparently"]
    rx = re.compile(f"(?:{trie_regex(terms)})$")
    for term in terms:
        assert rx.match(term)
    for other in ["ma", "may we", "apparen", "mightt"]:
        assert not rx.match(other)


def test_lower_same_length_keeps_offsets():
    text = "İstanbul MAY"  # str.lower() would make the dotted İ two characters
    lowered = lower_same_length(text)
    assert len(lowered) == len(text) and lowered.endswith("may")


def test_cached_lower_case_and_one_byte_copy_follow_the_text():
    """The one-entry caches answer for the text asked about, whichever was
    asked before (equal texts that are other objects included)."""
    texts = ["Said ’Assad’", "said ’assad’", "İ K", "Said ’Assad’".lower().title()]
    for text in texts + texts[::-1] + [text[:1] + text[1:] for text in texts]:
        assert lowered(text) == text.lower()
        assert one_byte_per_char(text) == text.replace("’", "'").encode("latin-1", "replace")
        assert one_byte_per_char(lowered(text)) == text.lower().replace("’", "'").encode(
            "latin-1", "replace")


_LEXICON = load_lexicons()
_MATCHER = Matcher(_LEXICON.entries)
_KEYS = {normalise_term(t) for t in _LEXICON.entries["term"]}
_WORDS = sorted(_KEYS)[:400:7] + ["the", "İ", "’s", "-", ".", ",", "\n", "  ", "3,000", "al-Assad"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=6), max_size=25))
def test_every_hit_is_a_term_at_valid_offsets(parts):
    text = " ".join(parts)
    previous_end = 0
    for hit in _MATCHER.find(text):
        assert 0 <= hit.start < hit.end <= len(text)
        assert hit.start >= previous_end  # no overlaps, text order
        previous_end = hit.end
        assert normalise_term(text[hit.start:hit.end]) in _KEYS


_SCANNED = ["may", "u.s.", "well-known", "rebel", "it's", "according to", "3,000"]
_SCANNER = WordStartScanner("(?:" + trie_regex(_SCANNED) + ")" + _END, _SCANNED)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SCANNED + ["’s", "-", ".", ",", "'", " ", "\n", "x", "K"])
                | st.text(max_size=3), max_size=12))
def test_word_start_scanner_finds_what_the_plain_regex_finds(parts):
    text = lower_same_length("".join(parts))
    assert _SCANNER.spans(text) == [m.span() for m in _SCANNER.regex.finditer(text)]


def test_word_start_scanner_keeps_terms_that_start_with_punctuation():
    scanner = WordStartScanner("(?:" + trie_regex(["-ish", "may"]) + ")" + _END, ["-ish", "may"])
    assert scanner.spans("may-ish, -ish may") == [(9, 13), (14, 17)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "Ab1", "’", "'", ".", ",", "-", " ", "\n", "é", "İ", "\u212a", "?"])
                | st.text(max_size=3), max_size=20))
def test_word_index_finds_the_tokenizer_words(parts):
    text = "".join(parts)
    words = WordIndex(text)
    assert list(zip(words.starts.tolist(), words.ends.tolist(), strict=True)) == word_spans(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=6), max_size=25))
def test_matcher_finds_what_the_plain_trie_regex_finds(parts):
    text = " ".join(parts)
    lowered = lower_same_length(text)
    expected = [m.span() for m in _MATCHER.literal_regex.finditer(lowered)]
    assert [(h.start, h.end) for h in _MATCHER.find(text)] == expected
    assert [(h.start, h.end) for h in _MATCHER.find(text, WordIndex(lowered))] == expected
