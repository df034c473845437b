"""Bad input: each case fails (or warns and skips) with one clear line that
names the file and the fix."""

from __future__ import annotations

import gzip
import json
import warnings

import pandas as pd
import pytest

from framing.cli import main
from framing.corpus import CorpusError, CorpusWarning, load_corpus

GOOD = "A Headline Here\nThe article body says something.\n"


def _folder(tmp_path, files: dict[str, str | bytes], name="corpus"):
    folder = tmp_path / name
    folder.mkdir()
    for file, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / file).write_bytes(data)
    return folder


def _one_line(err) -> str:
    message = str(err.value) if hasattr(err, "value") else str(err)
    assert "\n" not in message
    return message


def test_empty_file_is_skipped_with_warning(tmp_path):
    folder = _folder(tmp_path, {"a.txt": GOOD, "empty.txt": "", "blank.txt": " \n\t\n"})
    with pytest.warns(CorpusWarning) as record:
        articles = load_corpus(folder).articles
    assert list(articles["doc_id"]) == ["a"]
    messages = [str(w.message) for w in record]
    assert any("empty.txt" in m and "empty" in m for m in messages)
    assert any("blank.txt" in m for m in messages)


def test_binary_file_is_an_error(tmp_path):
    folder = _folder(tmp_path, {"a.txt": GOOD, "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"})
    with pytest.raises(CorpusError) as err:
        load_corpus(folder)
    message = _one_line(err)
    assert "photo.txt" in message and "binary" in message and "remove" in message


def test_control_characters_are_binary(tmp_path):
    folder = _folder(tmp_path, {"x.txt": bytes(range(1, 32)) * 20})
    with pytest.raises(CorpusError, match=r"x\.txt.*binary"):
        load_corpus(folder)


def test_cp1252_file_is_read_with_warning(tmp_path):
    text = "\u201cRebels\u201d took the city \u2013 officials said.\nMore caf\u00e9 text."
    folder = _folder(tmp_path, {"win.txt": text.encode("cp1252")})
    with pytest.warns(CorpusWarning, match=r"win\.txt.*cp1252"):
        articles = load_corpus(folder).articles
    assert articles.loc[0, "raw_text"] == text


def test_bom_is_dropped_and_windows_newlines_normalised(tmp_path):
    folder = _folder(tmp_path, {"bom.txt": b"\xef\xbb\xbfTitle Line Here\r\nBody text.\r\n"})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        articles = load_corpus(folder).articles
    assert articles.loc[0, "raw_text"] == "Title Line Here\nBody text.\n"
    assert articles.loc[0, "title"] == "Title Line Here"


def test_utf16_file_is_read_with_warning(tmp_path):
    folder = _folder(tmp_path, {"u16.txt": "Some words here.\nMore.".encode("utf-16")})
    with pytest.warns(CorpusWarning, match=r"u16\.txt: not UTF-8; read as UTF-16"):
        articles = load_corpus(folder).articles
    assert articles.loc[0, "text"] == "Some words here.\nMore."


def test_html_with_scripts_and_broken_tags(tmp_path):
    page = ("<html><head><script>alert('x')</script></head><body><h1>Title Of Page</h1>"
            "<p>Real <b>text<p>second para</i> &amp; more<script>var a = '<p>fake</p>';"
            "</script><div><p>last")
    folder = _folder(tmp_path, {"p.html": page})
    articles = load_corpus(folder).articles
    assert articles.loc[0, "text"] == "Title Of Page\nReal text\nsecond para & more\nlast"
    assert "alert" not in articles.loc[0, "raw_text"] and "fake" not in articles.loc[0, "raw_text"]


def test_html_with_only_furniture_is_skipped(tmp_path):
    folder = _folder(tmp_path, {"a.txt": GOOD, "menu.html": "<nav>Home</nav><script>x()</script>"})
    with pytest.warns(CorpusWarning, match=r"menu\.html"):
        articles = load_corpus(folder).articles
    assert list(articles["doc_id"]) == ["a"]


def test_manifest_naming_a_missing_file(tmp_path):
    folder = _folder(tmp_path, {"a.txt": GOOD, "manifest.csv": "doc_id,file\n1,a.txt\n2,gone.txt\n"})
    with pytest.raises(CorpusError) as err:
        load_corpus(folder)
    message = _one_line(err)
    assert "manifest.csv" in message and "line 3" in message and "gone.txt" in message


def test_manifest_with_duplicate_doc_id(tmp_path):
    folder = _folder(tmp_path, {"a.txt": GOOD, "b.txt": GOOD,
                                "manifest.csv": "doc_id,file\n1,a.txt\n1,b.txt\n"})
    with pytest.raises(CorpusError) as err:
        load_corpus(folder)
    assert "manifest.csv" in _one_line(err) and "'1'" in str(err.value)


def test_manifest_missing_required_column(tmp_path):
    folder = _folder(tmp_path, {"a.txt": GOOD, "manifest.csv": "name,outlet\na.txt,X\n"})
    with pytest.raises(CorpusError) as err:
        load_corpus(folder)
    message = _one_line(err)
    assert "manifest.csv" in message and "'file'" in message and "name, outlet" in message


def test_malformed_manifest(tmp_path):
    folder = _folder(tmp_path, {"a.txt": GOOD,
                                "manifest.csv": 'file,outlet\na.txt,"unclosed, quote\n'})
    with pytest.raises(CorpusError) as err:
        load_corpus(folder)
    message = _one_line(err)
    assert "manifest.csv" in message and "quoted" in message


def test_manifest_with_too_many_fields(tmp_path):
    folder = _folder(tmp_path, {"a.txt": GOOD,
                                "manifest.csv": "file,outlet\na.txt,X,extra,more\nb.txt,Y\n"})
    with pytest.raises(CorpusError, match=r"manifest\.csv: not a readable CSV"):
        load_corpus(folder)


def test_folder_with_no_articles(tmp_path):
    folder = _folder(tmp_path, {"notes.yaml": "a: 1\n"})
    with pytest.raises(CorpusError) as err:
        load_corpus(folder)
    assert str(folder) in _one_line(err) and "no articles" in str(err.value)


def test_folder_with_only_empty_files(tmp_path):
    folder = _folder(tmp_path, {"a.txt": "", "b.md": "\n"})
    with pytest.warns(CorpusWarning), pytest.raises(CorpusError, match="no articles"):
        load_corpus(folder)


def test_table_without_text_column(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,body,outlet\n1,Hello.,X\n", encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        load_corpus(path)
    message = _one_line(err)
    assert "t.csv" in message and "id, body, outlet" in message and "text_column" in message
    assert load_corpus(path, text_column="body").articles.loc[0, "text"] == "Hello."


def test_dataframe_without_text_column():
    with pytest.raises(CorpusError, match=r"DataFrame has no 'text' column \(it has: body\)"):
        load_corpus(pd.DataFrame({"body": ["x"]}))


def test_table_with_duplicate_ids(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"id": 1, "text": "a"}\n{"id": 1, "text": "b"}\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"t\.jsonl: doc_id '1' appears in rows 0 and 1"):
        load_corpus(path)


def test_broken_jsonl_line(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"id": 1, "text": "a"}\n{"id": 2, "text": \n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"t\.jsonl: line 2 is not valid JSON"):
        load_corpus(path)


def test_table_rows_with_empty_text_are_skipped(tmp_path):
    frame = pd.DataFrame({"id": [1, 2, 3], "text": ["Body.", "  ", None]})
    with pytest.warns(CorpusWarning, match=r"2 row\(s\) with empty 'text' skipped \(doc_id 2, 3\)"):
        articles = load_corpus(frame).articles
    assert list(articles["doc_id"]) == ["1"]


def test_unsupported_file_type_is_skipped_with_warning(tmp_path):
    folder = _folder(tmp_path, {"a.txt": GOOD, "report.pdf": b"%PDF-1.4 ...", "event.yaml": "x: 1\n"})
    with pytest.warns(CorpusWarning) as record:
        articles = load_corpus(folder).articles
    assert list(articles["doc_id"]) == ["a"]
    messages = [str(w.message) for w in record]
    assert len(messages) == 1 and "report.pdf" in messages[0] and "unsupported" in messages[0]


def test_two_files_with_the_same_stem(tmp_path):
    folder = _folder(tmp_path, {"a.txt": GOOD, "a.html": "<p>x</p>"})
    with pytest.raises(CorpusError, match="same doc_id 'a'"):
        load_corpus(folder)


def test_missing_path_url_and_wrong_type(tmp_path):
    with pytest.raises(CorpusError, match="no such file or folder"):
        load_corpus(tmp_path / "nowhere")
    with pytest.raises(CorpusError, match="fetching URLs is not supported"):
        load_corpus("https://example.org/story")
    with pytest.raises(CorpusError, match="cannot load a corpus from a list"):
        load_corpus(["text"])
    odd = tmp_path / "a.docx"
    odd.write_bytes(b"PK\x03\x04")
    with pytest.raises(CorpusError, match=r"a\.docx: unsupported file type"):
        load_corpus(odd)


def test_manifest_passed_as_table_gets_a_hint(seeds_dir):
    with pytest.raises(CorpusError, match="looks like a manifest"):
        load_corpus(seeds_dir / "manifest.csv")


# -- the same through the command line -----------------------------------------------

@pytest.mark.parametrize("files, expected", [
    ({"a.txt": GOOD, "manifest.csv": "doc_id,file\n1,a.txt\n2,gone.txt\n"}, "gone.txt"),
    ({"bin.txt": b"\x00\x01\x02binary"}, "bin.txt"),
    ({"notes.yaml": "a: 1\n"}, "no articles"),
])
def test_cli_reports_corpus_errors_in_one_line(tmp_path, capsys, files, expected):
    folder = _folder(tmp_path, files)
    code = main(["analyze", str(folder), "-o", str(tmp_path / "out")])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    assert err.startswith("framing: error:") and expected in err
    assert not (tmp_path / "out").exists()


def test_binary_without_nul_bytes_gives_no_encoding_warning(tmp_path):
    folder = _folder(tmp_path, {"x.txt": bytes([0x80, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06] * 50)})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(CorpusError, match=r"x\.txt: looks binary"):
            load_corpus(folder)


def test_unreadable_file(tmp_path):
    import os
    folder = _folder(tmp_path, {"a.txt": GOOD})
    os.chmod(folder / "a.txt", 0)
    try:
        if os.access(folder / "a.txt", os.R_OK):
            pytest.skip("running with permissions that read any file (root)")
        with pytest.raises(CorpusError, match=r"a\.txt: cannot be read"):
            load_corpus(folder)
    finally:
        os.chmod(folder / "a.txt", 0o644)


@pytest.mark.parametrize("damage", ["truncated", "bad_checksum", "bad_block", "not_gzip", "latin1"])
def test_damaged_gzip_jsonl_names_the_file(tmp_path, damage):
    packed = gzip.compress(b'{"id": 1, "text": "Body text."}\n' * 50)
    path = tmp_path / "t.jsonl.gz"
    path.write_bytes({"truncated": packed[:len(packed) // 2],
                      "bad_checksum": packed[:12] + bytes(200) + packed[212:],
                      "bad_block": packed[:10] + b"\xff" * 60,
                      "not_gzip": b'{"id": 1, "text": "plain"}\n',
                      "latin1": gzip.compress('{"id": 1, "text": "caf\u00e9"}\n'.encode("latin-1"))}[damage])
    before = path.read_bytes()
    with pytest.raises(CorpusError, match=r"t\.jsonl\.gz: cannot be read as UTF-8 JSON"):
        load_corpus(path)
    assert path.read_bytes() == before


def test_jsonl_strings_may_hold_unicode_line_separators(tmp_path):
    texts = ["One\u2028two.", "Three\u2029four\x85five."]
    path = tmp_path / "t.jsonl"
    path.write_text("\r\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False)
                                for i, t in enumerate(texts)), encoding="utf-8")
    assert list(load_corpus(path).articles["raw_text"]) == texts


def test_jsonl_records_may_be_led_by_rfc7464_record_separators(tmp_path):
    path = tmp_path / "t.json-seq.jsonl"
    path.write_text('\x1e{"id": 1, "text": "One."}\n\x1e{"id": 2, "text": "Two."}\x0c\n',
                    encoding="utf-8")
    assert list(load_corpus(path).articles["text"]) == ["One.", "Two."]
