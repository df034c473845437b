"""The HTML report: nesting of overlapping spans, escaping, self-containment."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_fixture import fake_analysis, seed_articles

from framing.highlight import Mark, render_marked
from framing.report import (
    analysis_summary_html,
    article_summary,
    article_view,
    event_view,
    ladder_colour,
    report_html,
    write_report,
)

HOSTILE = ('Evil <script>window.__pwned=1</script> headline\n'
           'The regime said <img src=x onerror="window.__pwned=2"> and </div> the rebels '
           'may "clearly" <b>win</b> &amp; more.')


class _Tree(HTMLParser):
    """Records tags and text, and fails on mis-nested or unclosed elements."""

    VOID = {"meta", "img", "input", "br", "hr", "link"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.text, self.errors = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(fragment: str) -> _Tree:
    tree = _Tree()
    tree.feed(fragment)
    tree.close()
    assert not tree.errors, tree.errors
    assert not tree.stack, f"unclosed: {tree.stack}"
    return tree


def _hostile_analysis():
    return fake_analysis([
        {"doc_id": "x<1>", "outlet": 'Evil <b>"News"</b>', "title": "<script>alert(1)</script>",
         "date": "2024-12-04", "event": "ev<t>", "url": "javascript:alert(1)", "text": HOSTILE},
        {"doc_id": "ok", "outlet": "Plain", "title": "Plain title", "date": "2024-12-05",
         "event": "ev<t>", "text": "Plain title\nThe government said the militants could retreat."},
    ], boilerplate=[{"doc_id": "x<1>", "raw_start": 0, "raw_end": 5, "clean_pos": 0,
                     "kind": "byline<i>", "text": "By <script>x()</script>"}])


# --- nesting ------------------------------------------------------------------

def test_nested_and_crossing_marks_make_well_formed_html():
    text = 'He said "the regime is brutal" today.'
    marks = [Mark(8, 30, "q"), Mark(13, 19, "label"), Mark(9, 31, "loaded"), Mark(20, 29, "hedge")]
    out = render_marked(text, marks)
    tree = parse(out)
    assert "".join(tree.text) == text
    # the label sits inside the loaded phrase, which sits inside the quote
    assert re.search(r'<span class="q">"<span class="loaded">the <span class="label">regime', out)
    # the loaded phrase crosses the end of the quote: split, second part numbered
    assert '<span class="loaded" data-part="1">' in out


def test_marks_are_clipped_to_the_window_and_empty_marks_dropped():
    text = "abcdefghij"
    out = render_marked(text, [Mark(2, 8, "m"), Mark(5, 5, "empty")], 4, 10)
    assert out == '<span class="m">efgh</span>ij'


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='ab<>&" \n', min_size=1, max_size=40), st.data())
def test_any_marks_keep_text_and_coverage(text, data):
    n = len(text)
    ranges = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=8))
    marks = [Mark(min(a, b), max(a, b), f"m{i}", (("data-i", str(i)),))
             for i, (a, b) in enumerate(ranges)]
    tree = _Tree()
    tree.feed(render_marked(text, marks))
    tree.close()
    assert not tree.errors and not tree.stack
    assert "".join(tree.text) == text
    # every non-empty mark appears at least once
    seen = {attrs["data-i"] for tag, attrs in tree.tags}
    assert seen == {str(i) for i, m in enumerate(marks) if m.start < m.end}
    # and each character sits inside exactly the marks that cover it
    assert _coverage(render_marked(text, marks)) == [
        {str(i) for i, m in enumerate(marks) if m.start <= pos < m.end} for pos in range(n)]


class _Coverage(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.chars = [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append(dict(attrs).get("data-i"))

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        self.chars += [set(self.stack)] * len(data)


def _coverage(fragment: str) -> list[set]:
    parser = _Coverage()
    parser.feed(fragment)
    parser.close()
    return parser.chars


# --- escaping -----------------------------------------------------------------

def test_hostile_article_is_shown_as_text_everywhere():
    page = report_html(_hostile_analysis(), figures=False)
    tree = parse(page.split("<body>", 1)[1].rsplit("<script>", 1)[0])
    tags = [tag for tag, _ in tree.tags]
    assert "script" not in tags and "img" not in tags
    assert all(not k.startswith("on") for _, attrs in tree.tags for k in attrs)
    text = "".join(tree.text)
    assert "<script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=2">' in text
    assert "</div>" in text and "By <script>x()</script>" in text
    assert 'Evil <b>"News"</b>' in text
    # exactly one script element in the whole page: ours
    assert page.count("<script>") == 1 and page.count("</script>") == 1
    assert "javascript:" not in page  # no link is made from a non-http url


def test_every_data_attribute_is_escaped():
    analysis = _hostile_analysis()
    analysis.spans.loc[0, "speaker"] = '"><script>bad()</script>'
    analysis.spans.loc[0, "category"] = "a&b<c>"
    page = report_html(analysis, figures=False)
    assert "<script>bad()" not in page
    tree = parse(page.split("<body>", 1)[1].rsplit("<script>", 1)[0])
    speakers = [a.get("data-speaker") for t, a in tree.tags if a.get("data-speaker")]
    assert '"><script>bad()</script>' in speakers
    assert "a&b<c>" in [a.get("data-category") for t, a in tree.tags]


def test_notebook_views_escape_too():
    analysis = _hostile_analysis()
    for fragment in (article_view(analysis, "x<1>")._repr_html_(),
                     event_view(analysis, "ev<t>")._repr_html_(),
                     analysis_summary_html(analysis)):
        assert "<script>" not in fragment.replace("<style>", "")
        tree = parse(fragment)
        assert "img" not in [t for t, _ in tree.tags]


# --- content ------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds_fake(seeds_dir):
    return fake_analysis(seed_articles(seeds_dir),
                         boilerplate=[{"doc_id": "000", "raw_start": 0, "raw_end": 9,
                                       "clean_pos": 0, "kind": "byline", "text": "By A Writer"}])


def _span_keys(tree: _Tree) -> set:
    return {(a["data-doc"], int(a["data-start"]), int(a["data-end"]), a["data-layer"])
            for t, a in tree.tags if "data-layer" in a and "fr-sample" not in a.get("class", "")}


def test_every_span_is_one_highlight_with_its_text(seeds_fake):
    page = report_html(seeds_fake, figures=False)
    tree = parse(page.split("<body>", 1)[1].rsplit("<script>", 1)[0])
    expected = {(r.doc_id, r.start, r.end, r.layer) for r in seeds_fake.spans.itertuples()}
    assert len(expected) > 50
    assert _span_keys(tree) == expected
    # the text inside each highlight (all its fragments) is the span's text
    for r in seeds_fake.spans.head(40).itertuples():
        pattern = (rf'data-doc="{r.doc_id}" data-layer="{r.layer}" data-start="{r.start}" '
                   rf'data-end="{r.end}"')
        assert re.search(pattern, page), r


def test_article_text_survives_rendering(seeds_fake):
    fragment = article_view(seeds_fake, "001")._repr_html_()
    tree = parse(fragment)
    text = seeds_fake.articles.set_index("doc_id").loc["001", "text"]
    body = "".join(tree.text)
    for line in filter(str.strip, text.split("\n")):
        assert line in body


def test_report_is_self_contained(seeds_fake, tmp_path):
    path = write_report(seeds_fake, tmp_path / "sub" / "report.html", figures=False)
    page = path.read_text(encoding="utf-8")
    assert not re.search(r'(src|href)="(https?:)?//', page.split('class="fr-meta"')[0])
    assert "<link" not in page and "@import" not in page
    assert "default-src 'none'" in page
    for section in ("Per-outlet comparison", "Text reuse", "fr-legend", 'data-toggle="hedge"'):
        assert section in page


def test_summary_counts_own_voice_only():
    text = 'The regime may fall. "The regime may fall," he said.'
    a = fake_analysis([{"doc_id": "d", "outlet": "O", "title": None, "date": "", "event": "e",
                        "text": text}])
    s = article_summary(a.features.iloc[0].to_dict(), a.spans)
    own_words = 4 + 2  # "The regime may fall" + "he said"
    assert s["own_words"] == own_words
    assert s["hedge_count_own"] == 1
    assert s["hedge_rate_own"] == pytest.approx(1000 / own_words)
    assert s["quoted_share"] == pytest.approx(4 / 10)
    assert [lab["label"] for lab in s["labels"]] == ["regime"]
    assert s["labels"][0]["count"] == 1  # the quoted "regime" is not the outlet's label


def test_summary_without_voices_is_nan_not_zero():
    import math
    a = fake_analysis([{"doc_id": "d", "outlet": "O", "title": None, "date": "", "event": "e",
                        "text": "The regime may fall."}])
    s = article_summary({}, a.spans)  # an article without a feature row
    assert math.isnan(s["hedge_rate_own"]) and math.isnan(s["quoted_share"])
    assert math.isnan(s["own_words"])


def test_reuse_section_names_direction_and_evidence(seeds_fake):
    page = report_html(seeds_fake, figures=False)
    section = page.split("<h2>Text reuse</h2>", 1)[1]
    assert "is a <b>rewrite</b> of" in section
    assert "Show the 1 aligned sentence<" in section and "0.71" in section


def test_report_without_optional_tables(seeds_dir):
    bare = fake_analysis(seed_articles(seeds_dir), with_outlet_table=False)
    page = report_html(bare, figures=False)
    assert "per-outlet comparison is not available" in page
    assert "Key figures" not in page


def test_ladder_colours_diverge_and_handle_missing():
    low, mid, high = ladder_colour(0), ladder_colour(0.5), ladder_colour(1)
    assert len({low, mid, high}) == 3
    assert ladder_colour(float("nan")) == ladder_colour(None) != mid
    assert ladder_colour(-3) == low and ladder_colour(7) == high


def test_unknown_doc_id_names_known_ids(seeds_fake):
    with pytest.raises(KeyError, match="known ids include"):
        article_view(seeds_fake, "nope")


def test_escape_helper_round_trips():
    from framing.report import _esc
    raw = '<a href="x">&\'</a>'
    assert html.unescape(_esc(raw)) == raw and "<" not in _esc(raw) and '"' not in _esc(raw)


def test_articles_without_event_and_missing_values():
    import pandas as pd
    a = fake_analysis([{"doc_id": "n1", "outlet": pd.NA, "title": float("nan"), "date": pd.NaT,
                        "event": None, "text": "The regime may fall."},
                       {"doc_id": "e1", "outlet": "O", "title": "T", "date": "2024-01-01",
                        "event": "ev", "text": "The rebels said so."}], with_outlet_table=False)
    page = report_html(a, figures=False)
    assert "Articles without an event" in page and "Event: ev" in page
    assert "&lt;NA&gt;" not in page and ">nan<" not in page and "NaT" not in page
    assert "(unknown outlet)" in page


def test_scare_quotes_are_framed_but_not_speech():
    import pandas as pd

    from framing import schema
    text = 'Iran wants to expand its "axis of resistance" in the region.'
    a = fake_analysis([{"doc_id": "s", "outlet": "O", "title": None, "date": "", "event": "e",
                        "text": text}], with_outlet_table=False)
    start = text.index('"axis')
    end = text.index('" in') + 1
    a.quotes = pd.DataFrame([{"doc_id": "s", "quote_id": "q", "start": start, "end": end,
                              "inner_start": start + 1, "inner_end": end - 1, "kind": "term",
                              "counts_as_speech": False, "speaker": None, "speaker_start": None,
                              "speaker_end": None, "verb": None}], columns=schema.QUOTE_COLUMNS)
    a.voices = a.voices.assign(voice="own")  # scare quotes stay in the outlet's own voice
    fragment = article_view(a, "s")._repr_html_()
    tree = parse(fragment)
    framed = [attrs for tag, attrs in tree.tags if "fr-scare" in attrs.get("class", "")
              and "fr-sample" not in attrs.get("class", "")]
    assert len(framed) == 1
    assert 'fr-scare" title="Scare quotes: a term held at a distance, not speech">"axis of resistance"<' \
        in fragment
