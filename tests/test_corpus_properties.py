"""Property tests: boilerplate removal keeps the article intact and the offset
maps between raw and clean text are exact."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.boilerplate import clean_to_raw, raw_to_clean, split_boilerplate

WORDS = ["the", "rebels", "said", "city", "army", "talks", "Assad", "Iran", "on", "in",
         "government", "forces", "claimed", "Aleppo", "2024", "officials", "“quoted”", "’s"]
BOILERPLATE_LINES = [
    "Share this article and subscribe to our newsletter for more updates.",
    "[Include Image of the city]",
    "— Some Name (@some_name) December 1, 2024",
    "Source » jpost",
    "Original Source: www.example.com",
    "Read more: Another story about the war",
    "Advertisement",
    "Story continues below advertisement",
    "Copyright © 2024 The Daily, LLC.",
    "The Associated Press contributed to this report.",
]

article_line = st.lists(st.sampled_from(WORDS), min_size=3, max_size=12).map(
    lambda words: " ".join(words) + ".")


CREDIT = " pic.twitter.com/x1 — Some Name (@some_name) March 6, 2016"


@st.composite
def documents(draw, *, inline_credit: bool = False):
    """(raw text, the article lines, separator): boilerplate lines inserted
    anywhere between article lines joined by one separator; with
    ``inline_credit`` one article line carries an embedded post's credit."""
    article = draw(st.lists(article_line, min_size=1, max_size=8))
    separator = draw(st.sampled_from(["\n", "\n\n"]))
    lines = list(article)
    if inline_credit:
        which = draw(st.integers(0, len(lines) - 1))
        article[which] += " pic.twitter.com/x1"
        lines[which] += CREDIT
    for _ in range(draw(st.integers(0, 5))):
        position = draw(st.integers(0, len(lines)))
        lines.insert(position, draw(st.sampled_from(BOILERPLATE_LINES)))
    return separator.join(lines), article, separator


def _check_maps(raw: str, clean: str, records: list[dict]) -> None:
    for r in records:
        assert raw[r["raw_start"]:r["raw_end"]] == r["text"]
    starts = [r["raw_start"] for r in records]
    assert starts == sorted(starts)
    assert all(a["raw_end"] <= b["raw_start"] for a, b in zip(records, records[1:], strict=False))
    # the clean text is the raw text minus exactly the recorded cuts
    kept, pos = [], 0
    for r in records:
        kept.append(raw[pos:r["raw_start"]])
        pos = r["raw_end"]
    assert "".join(kept) + raw[pos:] == clean
    positions = np.arange(len(clean))
    raw_positions = clean_to_raw(records, positions)
    assert all(raw[i] == clean[p] for p, i in zip(positions, raw_positions, strict=True))
    assert np.array_equal(raw_to_clean(records, raw_positions), positions)
    if len(clean):
        ends = np.arange(1, len(clean) + 1)
        assert np.array_equal(clean_to_raw(records, ends, end=True), raw_positions + 1)
    # every raw position maps into the clean text, monotonically
    mapped = raw_to_clean(records, np.arange(len(raw) + 1))
    assert mapped.min(initial=0) >= 0 and mapped.max(initial=0) <= len(clean)
    assert np.all(np.diff(mapped) >= 0)


@settings(max_examples=100, deadline=None)
@given(documents())
def test_boilerplate_lines_go_and_the_article_stays_exactly(doc):
    raw, article, separator = doc
    clean, records = split_boilerplate("d", raw)
    assert clean == separator.join(article)
    assert not any(line in clean for line in BOILERPLATE_LINES)
    for r in records:
        assert r["text"].strip() in BOILERPLATE_LINES or all(
            part.strip() in BOILERPLATE_LINES for part in r["text"].split("\n") if part.strip())
    _check_maps(raw, clean, records)


@settings(max_examples=100, deadline=None)
@given(documents(inline_credit=True))
def test_inline_embed_credit_is_cut_from_its_line(doc):
    raw, article, separator = doc
    clean, records = split_boilerplate("d", raw)
    assert clean == separator.join(article)
    credits = [r for r in records if r["text"] == CREDIT.removeprefix(" pic.twitter.com/x1")]
    assert len(credits) == 1 and credits[0]["kind"] == "embed_credit"
    assert clean[:credits[0]["clean_pos"]].endswith(" pic.twitter.com/x1")
    _check_maps(raw, clean, records)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(
    st.text(alphabet="ab •—[]@()\r\t.:", max_size=30),
    st.sampled_from(BOILERPLATE_LINES), st.just(""), st.just("  ")), max_size=12),
    st.sampled_from(["\n", "\r\n"]))
def test_offset_maps_hold_for_any_text(lines, newline):
    raw = newline.join(lines)
    clean, records = split_boilerplate("d", raw)
    _check_maps(raw, clean, records)


def test_maps_without_boilerplate_are_identity():
    positions = np.array([0, 3, 10])
    assert np.array_equal(clean_to_raw([], positions), positions)
    assert np.array_equal(raw_to_clean([], positions), positions)
