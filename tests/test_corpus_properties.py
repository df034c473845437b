"""Property tests: boilerplate removal keeps the article intact and the offset
maps between raw and clean text are exact."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.boilerplate import (
    INLINE_PATTERNS,
    PATTERNS,
    classify_lines,
    clean_to_raw,
    raw_to_clean,
    split_boilerplate,
)
from framing.corpus import _read_json_records, _table_rows

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


def _classify_by_definition(text: str, patterns) -> list[tuple[int, int, str | None]]:
    """classify_lines as documented, without its shortcuts: every pattern
    tried on every line."""
    lines = [(m.start(), m.end(), m.group().strip()) for m in re.finditer(r"[^\n]*\n|[^\n]+", text)]
    matching = [[p for p in patterns if line and len(line) <= p.max_chars
                 and (not p.needs or any(n in line.lower() for n in p.needs))
                 and re.search(p.regex, line, re.IGNORECASE)] for _, _, line in lines]
    kinds, seen_article = [], False
    for (_, _, line), found in zip(lines, matching, strict=True):
        kind = "" if not line else next((p.kind for p in found if p.where == "any" or (
            p.where == "top" and not seen_article)), None)
        seen_article = seen_article or kind is None
        kinds.append(kind)
    for i in range(len(lines) - 1, -1, -1):
        if kinds[i] is None:
            kinds[i] = next((p.kind for p in matching[i] if p.where == "end"), None)
            if kinds[i] is None:
                break
    return [(start, end, kind) for (start, end, _), kind in zip(lines, kinds, strict=True)]


TRICKY_LINES = [*BOILERPLATE_LINES, "Sign up for our newsletter", "Delivered to your İNBOX every day",
                "ALL RIGHTS RESERVED.", "• Home", "• A key point.", "Tags: war, talks", "Share",
                "ΟΔΟΣ newsletter sign-up", "verify you’re not a robot", "\u212aelvin", "x" * 400]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TRICKY_LINES), article_line, st.just(""), st.just(" \t"),
                          st.text(alphabet="aİı Σς•—[]@()\r\t.:", max_size=20)), max_size=12),
       st.sampled_from([PATTERNS, PATTERNS[3:12], INLINE_PATTERNS, ()]))
def test_line_kinds_are_those_of_every_pattern_tried_on_every_line(lines, patterns):
    raw = "\n".join(lines)
    for text in (raw, raw + "\n"):
        assert classify_lines(text, patterns) == _classify_by_definition(text, patterns)


json_value = st.one_of(st.text(max_size=5), st.integers(-3, 3), st.none(), st.booleans(),
                       st.floats(allow_nan=True, allow_infinity=False))
json_record = st.dictionaries(st.sampled_from(["id", "text", "outlet", "date"]), json_value,
                              min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(st.one_of(
    # rectangular all-string records: the fast path
    st.lists(st.fixed_dictionaries({"id": st.text(max_size=5), "text": st.text(max_size=8)}),
             min_size=1, max_size=5),
    # anything else: the DataFrame round trip
    st.lists(json_record, min_size=1, max_size=5)))
def test_json_records_read_as_their_dataframe_would_give_them(tmp_path_factory, records):
    path = tmp_path_factory.mktemp("json") / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    columns, rows = _read_json_records(path)
    expected_columns, expected_rows = _table_rows(pd.DataFrame.from_records(records))
    assert columns == expected_columns
    assert len(rows) == len(expected_rows)
    for got, want in zip(rows, expected_rows, strict=True):
        assert list(got) == list(want)
        for key in want:  # NaN == NaN here, and 1 == 1.0 is not enough
            a, b = got[key], want[key]
            assert (a is b or a == b or (a != a and b != b)) and type(a) is type(b), (key, a, b)
