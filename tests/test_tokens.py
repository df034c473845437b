"""framing.tokens: the capital test and the last-text cache the stages share."""

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.tokens import has_capital, last_text_cache, lowered, word_starts


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=8) | st.sampled_from(["Assad", "HTS", "rebels", "ǅemal", "Émile", "éA", "K"]))
def test_has_capital_is_any_upper_case_character(word):
    assert has_capital(word) == any(c.isupper() for c in word)


def test_last_text_cache_computes_once_per_text_object():
    calls = []

    @last_text_cache
    def length(text):
        calls.append(text)
        return len(text)

    first, second = "one two", "".join(["one", " two"])  # equal, not the same object
    assert (length(first), length(first), length(second), length(first)) == (7, 7, 7, 7)
    assert [c is first for c in calls] == [True, False, True]


def test_cached_results_are_the_texts_own():
    text = "Rebels took Aleppo. "
    assert lowered(text) is lowered(text) == text.lower()
    starts = word_starts(text)
    starts[0] = 99  # a caller's copy: the next call is not changed
    assert word_starts(text).tolist() == [0, 7, 12]
    assert word_starts("A b").tolist() == [0, 2]
