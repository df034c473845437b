"""Loading corpora: seeds, folders, single files, tables, HTML, boilerplate."""

from __future__ import annotations

import gzip
import hashlib
import json
import warnings

import numpy as np
import pandas as pd
import pytest

from framing import schema
from framing.boilerplate import clean_to_raw, raw_to_clean, split_boilerplate
from framing.corpus import Corpus, CorpusWarning, guess_title, load_corpus, normalise_date
from framing.html_text import extract_html


def _write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def _hashes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# -- the seed corpus -----------------------------------------------------------

@pytest.fixture(scope="module")
def seeds(seeds_dir) -> Corpus:
    return load_corpus(seeds_dir)


def test_seed_articles_follow_the_contract(seeds, seeds_dir):
    articles = seeds.articles
    assert list(articles.columns[:len(schema.ARTICLE_COLUMNS)]) == schema.ARTICLE_COLUMNS
    assert list(articles.columns[len(schema.ARTICLE_COLUMNS):]) == ["relation"]  # manifest extra
    assert list(articles["doc_id"]) == ["000", "001", "002", "003", "004"]
    assert all(isinstance(d, str) for d in articles["doc_id"])
    assert list(seeds.boilerplate.columns) == schema.BOILERPLATE_COLUMNS
    row = articles.set_index("doc_id").loc["004"]
    assert row["outlet"] == "Conservative Fix"
    assert row["date"] == "2024-12-01"
    assert row["event"] == "aleppo-2024"
    assert row["url"].startswith("https://conservativefix.com/")
    # raw_text is exactly what open(..., encoding="utf-8").read() gives.
    for doc_id, source, raw in articles[["doc_id", "source", "raw_text"]].itertuples(index=False):
        with open(source, encoding="utf-8") as handle:
            assert raw == handle.read(), doc_id


def test_seed_titles_come_from_manifest_or_stay_missing(seeds):
    titles = seeds.articles.set_index("doc_id")["title"]
    assert titles["000"] == "Iran Faces Setback in Syria as Rebel Surge Threatens Key Ally"
    # 002 and 003 open with a summary sentence, not a headline: no title invented.
    assert pd.isna(titles["002"]) and pd.isna(titles["003"])


def test_seed_boilerplate_kinds_and_clean_text(seeds):
    bp = seeds.boilerplate
    kinds = bp.groupby("doc_id")["kind"].apply(list).to_dict()
    assert kinds == {"000": ["cms_placeholder"], "001": ["embed_credit"], "002": ["source_credit"],
                     "003": ["source_credit"], "004": ["navigation_breadcrumb", "share_cta"]}
    text = seeds.articles.set_index("doc_id")["text"]
    assert text["004"].startswith("Iran Pledges Unwavering Support")
    assert text["004"].endswith("brutal conflict?")
    assert "[Include Image" not in text["000"] and "\n\n" not in text["000"]
    assert text["003"].endswith("back in Aleppo.")
    assert text["002"].endswith("Syrian conflict.")
    # the embedded post stays; its credit line goes, and clean_pos marks where it stood
    credit = bp[bp["kind"] == "embed_credit"].iloc[0]
    assert text["001"][:credit["clean_pos"]].endswith("draw the attention to other places.#Syria\n")
    assert "@khamenei_ir" not in text["001"]


def test_seed_boilerplate_matches_gold(seeds, shared_data):
    gold = json.loads((shared_data / "seeds_annotations" / "annotations.json").read_text("utf-8"))
    found = seeds.boilerplate
    for doc_id in ("001", "004"):
        raw = seeds.articles.set_index("doc_id").loc[doc_id, "raw_text"]
        ours = set()
        for r in found[found["doc_id"] == doc_id].itertuples():
            lead = len(r.text) - len(r.text.lstrip())
            ours.add((r.raw_start + lead, r.raw_start + len(r.text.rstrip())))
            assert raw[r.raw_start:r.raw_end] == r.text
        expected = {(b["start"], b["end"]) for b in gold["docs"][doc_id]["boilerplate"]}
        assert ours == expected, doc_id


def test_offset_maps_on_seeds(seeds):
    for doc_id, text, raw in seeds.articles[["doc_id", "text", "raw_text"]].itertuples(index=False):
        bp = seeds.boilerplate[seeds.boilerplate["doc_id"] == doc_id]
        clean_pos = np.arange(len(text))
        raw_pos = clean_to_raw(bp, clean_pos)
        assert "".join(raw[i] for i in raw_pos) == text
        assert np.array_equal(raw_to_clean(bp, raw_pos), clean_pos)


def test_gold_offsets_map_to_the_same_words(seeds, shared_data):
    gold = json.loads((shared_data / "seeds_annotations" / "annotations.json").read_text("utf-8"))
    articles = seeds.articles.set_index("doc_id")
    for doc_id in ("001", "004"):
        bp = seeds.boilerplate[seeds.boilerplate["doc_id"] == doc_id]
        text = articles.loc[doc_id, "text"]
        for q in gold["docs"][doc_id]["quotes"]:
            start = raw_to_clean(bp, [q["start"]])[0]
            end = raw_to_clean(bp, [q["end"]])[0]
            assert text[start:end] == q["text"]


def test_loading_never_writes_and_is_repeatable(seeds_dir, tmp_path):
    before = _hashes(seeds_dir)
    first = load_corpus(seeds_dir)
    second = load_corpus(seeds_dir)
    assert _hashes(seeds_dir) == before
    pd.testing.assert_frame_equal(first.articles, second.articles)
    pd.testing.assert_frame_equal(first.boilerplate, second.boilerplate)
    # the same for an HTML folder and a table
    _write(tmp_path / "a.html", "<html><body><h1>Head line here</h1><p>Body &amp; more.</p></body></html>")
    _write(tmp_path / "t.csv", "id,text\n1,Some text here.\n")
    before = _hashes(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        pd.testing.assert_frame_equal(load_corpus(tmp_path).articles, load_corpus(tmp_path).articles)
    load_corpus(tmp_path / "t.csv")
    assert _hashes(tmp_path) == before


# -- folders, manifests, single files -------------------------------------------

def test_folder_without_manifest_uses_file_stems(tmp_path):
    _write(tmp_path / "b.txt", "Second Story Headline\nBody of the second story.")
    _write(tmp_path / "a.md", "First body line that is a sentence.\nMore text.")
    _write(tmp_path / "event.yaml", "name: x\n")  # event files are not articles, no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = load_corpus(tmp_path)
    articles = corpus.articles
    assert list(articles["doc_id"]) == ["a", "b"]
    assert list(articles.columns) == schema.ARTICLE_COLUMNS
    assert articles["outlet"].isna().all()
    assert articles.loc[1, "title"] == "Second Story Headline"
    assert pd.isna(articles.loc[0, "title"])
    assert corpus.boilerplate.empty and list(corpus.boilerplate.columns) == schema.BOILERPLATE_COLUMNS


def test_manifest_argument_overrides_and_doc_id_finds_file(tmp_path):
    _write(tmp_path / "x1.txt", "Text one.\nMore.")
    _write(tmp_path / "manifest.csv", "file,outlet\nx1.txt,Folder Manifest\n")
    other = _write(tmp_path.parent / f"{tmp_path.name}_m.csv",
                   "doc_id,outlet,date,url,desk\nx1,Given Outlet,\"December 1, 2024\",,World\n")
    articles = load_corpus(tmp_path, manifest=other).articles
    assert articles.loc[0, "outlet"] == "Given Outlet"
    assert articles.loc[0, "date"] == "2024-12-01"
    assert list(articles.columns) == [*schema.ARTICLE_COLUMNS, "desk"]
    assert articles.loc[0, "desk"] == "World"
    assert load_corpus(tmp_path).articles.loc[0, "outlet"] == "Folder Manifest"


def test_manifest_lists_the_corpus(tmp_path):
    _write(tmp_path / "a.txt", "Text a.\nMore.")
    _write(tmp_path / "b.txt", "Text b.\nMore.")
    _write(tmp_path / "manifest.csv", "doc_id,file\n7,a.txt\n")
    with pytest.warns(CorpusWarning, match=r"b\.txt"):
        articles = load_corpus(tmp_path).articles
    assert list(articles["doc_id"]) == ["7"]


def test_single_file_with_manifest(seeds_dir):
    articles = load_corpus(seeds_dir / "004_2008eafb81c95dd0.txt",
                           manifest=seeds_dir / "manifest.csv").articles
    assert articles.loc[0, "doc_id"] == "004"
    assert articles.loc[0, "outlet"] == "Conservative Fix"
    alone = load_corpus(seeds_dir / "004_2008eafb81c95dd0.txt").articles
    assert alone.loc[0, "doc_id"] == "004_2008eafb81c95dd0"
    assert alone.loc[0, "title"] == "Iran Pledges Unwavering Support for Assad After Rebels Seize Aleppo"


def test_outlet_falls_back_to_url_domain(tmp_path):
    _write(tmp_path / "manifest.csv", "file,url\na.txt,https://www.example.org/story\n")
    _write(tmp_path / "a.txt", "Some text.\nMore.")
    assert load_corpus(tmp_path).articles.loc[0, "outlet"] == "example.org"


# -- tables ----------------------------------------------------------------------

ROWS = [
    {"id": 10, "outlet": "A", "date": "2024-12-01T10:00:00Z", "title": "T1", "topic": "x",
     "text": "First article.\nShare this article with friends"},
    {"id": 11, "outlet": "B", "date": "1 Dec 2024", "title": None, "topic": "y",
     "text": "Second article text."},
]


@pytest.mark.parametrize("kind", ["csv", "jsonl", "jsonl.gz", "json", "parquet", "frame"])
def test_tables(tmp_path, kind):
    frame = pd.DataFrame(ROWS)
    path = tmp_path / f"t.{kind}"
    if kind == "csv":
        frame.to_csv(path, index=False)
    elif kind == "jsonl":
        path.write_text("\n".join(json.dumps(r) for r in ROWS), encoding="utf-8")
    elif kind == "jsonl.gz":
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write("\n".join(json.dumps(r) for r in ROWS))
    elif kind == "json":
        path.write_text(json.dumps(ROWS), encoding="utf-8")
    elif kind == "parquet":
        frame.to_parquet(path)
    corpus = load_corpus(frame if kind == "frame" else path)
    articles = corpus.articles
    assert list(articles.columns) == [*schema.ARTICLE_COLUMNS, "topic"]
    assert list(articles["doc_id"]) == ["10", "11"]
    assert list(articles["date"]) == ["2024-12-01", "2024-12-01"]
    assert articles.loc[0, "text"] == "First article."
    assert articles.loc[0, "raw_text"] == ROWS[0]["text"]
    assert list(corpus.boilerplate["kind"]) == ["share_cta"]
    assert pd.isna(articles.loc[1, "title"])


def test_table_text_column_and_row_ids(tmp_path):
    frame = pd.DataFrame({"body": ["One.", "Two."], "outlet": ["A", "B"]})
    articles = load_corpus(frame, text_column="body").articles
    assert list(articles["doc_id"]) == ["0", "1"]
    assert list(articles["text"]) == ["One.", "Two."]


@pytest.mark.slow
def test_news_bench_loads(shared_data):
    path = shared_data / "news_bench" / "articles.jsonl.gz"
    if not path.exists():
        pytest.skip("news_bench absent")
    articles = load_corpus(path).articles
    assert len(articles) > 4000
    assert articles["doc_id"].is_unique
    assert articles["date"].dropna().str.fullmatch(r"\d{4}-\d{2}-\d{2}").mean() > 0.95


# -- HTML --------------------------------------------------------------------------

PAGE = """<!doctype html><html><head><title>Big News | The Daily</title>
<meta property="og:site_name" content="The Daily">
<meta property="article:published_time" content="2024-12-02T08:00:00+00:00">
<link rel="canonical" href="https://daily.example/big-news">
<script>var secret = "never keep me";</script><style>p {color: red}</style></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>Big News Today</h1>
<p>The first paragraph &amp; its <b>bold</b>
words.</p><p>Second paragraph says &ldquo;hello&rdquo;.
<ul><li>item one</li><li>item two</ul>
<blockquote>A quoted post.</blockquote>
<div class="share-buttons social">Share on Facebook</div>
<p>Unclosed paragraph <i>with broken <b>nesting</i></b>
<script>document.write("bad")</script>
</article><aside>Related stories</aside><footer>Copyright footer</footer>
<p>Trailing text after a stray </span> tag."""


def test_html_extraction():
    page = extract_html(PAGE)
    assert page.text.splitlines() == [
        "Big News Today", "The first paragraph & its bold words.",
        "Second paragraph says \u201chello\u201d.", "item one", "item two", "A quoted post.",
        "Unclosed paragraph with broken nesting"]  # text outside <article> is not the article
    assert page.title == "Big News Today"
    assert page.outlet == "The Daily"
    assert page.url == "https://daily.example/big-news"
    for furniture in ("secret", "never keep", "color", "Home", "Facebook", "Related", "footer", "bad"):
        assert furniture not in page.text


def test_html_article_element_is_the_article():
    page = extract_html("<h1>Headline Above</h1><p>Teaser line.</p>"
                        "<article><p>Short teaser.</p></article>"
                        "<article><p>The main story, which is the longest text here.</p></article>")
    assert page.text == "Headline Above\nThe main story, which is the longest text here."
    page = extract_html("<div>Menu</div><main><h1>Head</h1><p>Body.</p></main><div>After</div>")
    assert page.text == "Head\nBody."
    assert extract_html("<div><p>No article element.</p></div>").text == "No article element."


def test_html_state_classes_on_containers_do_not_hide_the_page():
    page = extract_html('<html class="sidebar-visible"><body class="menu-open">'
                        '<div class="sidebar">Links</div><p>Story text.</p></body></html>')
    assert page.text == "Story text."


def test_html_file_in_folder(tmp_path):
    _write(tmp_path / "page.html", PAGE)
    articles = load_corpus(tmp_path).articles
    row = articles.iloc[0]
    assert (row["doc_id"], row["outlet"], row["date"], row["title"]) == (
        "page", "The Daily", "2024-12-02", "Big News Today")
    assert row["raw_text"] == extract_html(PAGE).text


def test_html_optional_head_end_tag_and_unclosed_furniture():
    assert extract_html("<html><head><title>T</title><body><p>Body text.").text == "Body text."
    assert extract_html("<title>T</title><p>Body text.</p>").text == "Body text."
    # an unclosed sidebar would swallow the page: fall back to keeping it
    page = extract_html('<div class="sidebar">Menu<p>The article.</p>')
    assert page.text == "Menu\nThe article."


def test_html_unclosed_script_keeps_no_script():
    page = extract_html("<p>Visible text.</p><script>alert('x'); <p>not text</p>")
    assert page.text == "Visible text."


# -- small pieces ----------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2024-12-01", "2024-12-01"), ("2024-12-01T23:00:00Z", "2024-12-01"),
    ("December 1, 2024", "2024-12-01"), ("Dec. 1, 2024", "2024-12-01"),
    ("1 December 2024", "2024-12-01"), ("Sun, 01 Dec 2024 10:00:00 GMT", "2024-12-01"),
    ("20241201", "2024-12-01"), ("03/04/2024", "03/04/2024"), ("about 2 Dec", "about 2 Dec"),
    (pd.Timestamp("2024-12-01 10:00"), "2024-12-01")])
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


def test_normalise_date_missing():
    assert pd.isna(normalise_date(None)) and pd.isna(normalise_date(np.nan))


@pytest.mark.parametrize("text, expected", [
    ("Rebels Seize Aleppo\nBody.", "Rebels Seize Aleppo"),
    ("Will Assad Fall?\nBody.", "Will Assad Fall?"),
    ("Rebels seized Aleppo on Sunday.\nBody.", np.nan),
    ("Only one line without a body", np.nan),
    ("“We will win,” he said\nBody.", np.nan),
    ("Word\nBody.", np.nan),
])
def test_guess_title(text, expected):
    got = guess_title(text)
    assert (pd.isna(got) and pd.isna(expected)) or got == expected


def test_boilerplate_keeps_paragraph_spacing():
    raw = "Para one.\n\n[Include Image of X]\n\nPara two.\n— A (@a) May 2, 2024\n\nPara three."
    clean, records = split_boilerplate("d", raw)
    assert clean == "Para one.\n\nPara two.\n\nPara three."
    assert [r["kind"] for r in records] == ["cms_placeholder", "embed_credit"]
    credit = records[1]
    assert clean[:credit["clean_pos"]] == "Para one.\n\nPara two.\n"
    for r in records:
        assert raw[r["raw_start"]:r["raw_end"]] == r["text"]


def test_boilerplate_leaves_articles_alone():
    raw = ("Source: a senior official told reporters that the talks had stalled and would resume "
           "next week, after both delegations returned from consultations at home.\n"
           "• A bullet point in the middle of the article\n"
           "Subscribers to the service complained.")
    clean, records = split_boilerplate("d", raw)
    assert clean == raw and records == []


def test_key_point_bullets_at_the_top_stay():
    raw = "• Rebels took the city on Sunday.\n• Iran vowed support.\nBody text of the story."
    clean, records = split_boilerplate("d", raw)
    assert clean == raw and records == []


def test_table_text_gets_universal_newlines():
    articles = load_corpus(pd.DataFrame({"text": ["Line one.\r\nLine two.\rLine three."]})).articles
    assert articles.loc[0, "raw_text"] == "Line one.\nLine two.\nLine three."


def test_markdown_heading_as_title(tmp_path):
    _write(tmp_path / "a.md", "# Rebels Seize Aleppo\n\nThe body.")
    assert load_corpus(tmp_path).articles.loc[0, "title"] == "Rebels Seize Aleppo"


def test_boilerplate_evaluation(shared_data):
    from evaluation.boilerplate import evaluate
    figures = {f["metric"].split(" ")[0]: f for f in evaluate(shared_data)}
    assert figures["precision"]["value"] >= 0.99 and figures["recall"]["value"] >= 0.99
    assert figures["article"]["value"] <= 0.01
    assert all(set(f) == {"task", "dataset", "metric", "value", "reference", "n", "limits"}
               for f in figures.values())


def test_boilerplate_patterns_can_be_replaced_or_switched_off(seeds_dir):
    whole = load_corpus(seeds_dir, boilerplate_patterns=())
    assert whole.boilerplate.empty
    assert (whole.articles["text"] == whole.articles["raw_text"]).all()
    from framing.boilerplate import PATTERNS
    only_nav = load_corpus(seeds_dir, boilerplate_patterns=[
        p for p in PATTERNS if p.kind == "navigation_breadcrumb"])
    assert set(only_nav.boilerplate["kind"]) == {"navigation_breadcrumb"}


@pytest.mark.parametrize("line, kind", [
    ("Share this: Pocket", "share_cta"), ("WhatsApp", "share_cta"),
    ("Contact us at editors@example.com.", "share_cta"),
    ("7 years ago", "timestamp"),
    ("Don't see the graphic above? Click here.", "media_ui"),
    ("This is a rush transcript. Copy may not be in its final form.", "disclaimer"),
    ("Newsletter Sign Up Continue reading the main story Please verify you're not a robot by "
     "clicking the box. Invalid email address. Please re-enter. " + "x " * 150, "share_cta"),
])
def test_more_boilerplate_kinds(line, kind):
    clean, records = split_boilerplate("d", f"First paragraph.\n{line}\nLast paragraph.")
    assert clean == "First paragraph.\nLast paragraph."
    assert [r["kind"] for r in records] == [kind]


@pytest.mark.parametrize("line", [
    "Email was the channel the officials used to coordinate the strikes, the report said.",
    "Twitter suspended the account on Sunday.",
    "Seven years ago the city fell to the rebels.",
    "Print media in the country is tightly controlled.",
])
def test_article_lines_that_look_like_widgets_stay(line):
    raw = f"First paragraph.\n{line}\nLast paragraph."
    assert split_boilerplate("d", raw) == (raw, [])


# -- cleaning on several cores -----------------------------------------------------

def _load_recording(table, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(table, **kwargs)
    return corpus, [(str(w.message), w.category, w.filename, w.lineno) for w in caught]


def test_workers_give_the_same_corpus_and_warnings(monkeypatch):
    from framing import corpus as corpus_module
    from framing import parallel
    monkeypatch.setattr(corpus_module, "PARALLEL_MIN_DOCS", 4)
    monkeypatch.setattr(parallel, "CHUNK_SIZE", 3)
    texts = [f"Headline number {i} here\n\nAdvertisement\n\nBody {i} says “hello”, "
             f"officials said.\n\nThe Associated Press contributed to this report.\n" for i in range(20)]
    texts[4] = texts[11] = "Advertisement\n\nShare this article\n"  # nothing but boilerplate
    table = pd.DataFrame({"id": [f"d{i}" for i in range(20)], "text": texts,
                          "url": [f"https://www.site{i % 3}.example/a" for i in range(20)]})
    used_workers = []
    in_workers = corpus_module._finish_in_workers
    monkeypatch.setattr(corpus_module, "_finish_in_workers",
                        lambda *args: used_workers.append(True) or in_workers(*args))
    serial, serial_warnings = _load_recording(table, n_jobs=1)
    in_workers_corpus, in_workers_warnings = _load_recording(table, n_jobs=2)
    assert used_workers == [True]
    pd.testing.assert_frame_equal(serial.articles, in_workers_corpus.articles)
    pd.testing.assert_frame_equal(serial.boilerplate, in_workers_corpus.boilerplate)
    assert len(serial.articles) == 18 and len(serial.boilerplate) == 2 * 18
    assert serial_warnings == in_workers_warnings
    assert [m for m, *_ in in_workers_warnings] == [
        f"DataFrame#{i}: nothing but boilerplate (advertisement, share_cta), skipped" for i in (4, 11)]
