"""Lexicon files: the shipped ones load; every kind of bad entry or bad file
is a LexiconError that names the file, the line and the fix."""

from __future__ import annotations

import math

import pytest

from framing.lexicons import (
    CATEGORIES,
    ENTRY_COLUMNS,
    LexiconError,
    Lexicons,
    load_lexicons,
    read_lexicon_table,
)

HEADER = "term\tlayer\tcategory\tscore\trationale\tpattern\trule\n"


def write(tmp_path, body: str, name: str = "mine.tsv", header: str = HEADER):
    path = tmp_path / name
    path.write_text("# version: 0.1\n" + header + body, encoding="utf-8")
    return path


def error_of(path) -> str:
    with pytest.raises(LexiconError) as info:
        load_lexicons(path, include_default=False)
    return str(info.value)


def test_shipped_lexicons_load_with_every_layer():
    lex = load_lexicons()
    assert isinstance(lex, Lexicons)
    assert list(lex.entries.columns) == ENTRY_COLUMNS
    counts = lex.entries["layer"].value_counts()
    assert counts["loaded"] >= 300 and counts["hedge"] >= 80
    assert counts["booster"] >= 40 and counts["attribution"] >= 200
    assert "2026" in lex.version and "hedges.tsv=" in lex.version
    assert lex.entries["rationale"].str.len().min() > 5
    assert set(lex.layer("loaded")["score"]) <= {1.0, 2.0, 3.0}
    assert lex.layer("hedge")["score"].isna().all()
    for layer, group in lex.entries.groupby("layer"):
        assert set(group["category"]) <= set(CATEGORIES[layer])


def test_user_file_is_added_and_defaults_can_be_left_out(tmp_path):
    path = write(tmp_path, "skulduggery\tloaded\tevaluative\t2\timputes underhand dealing\t\t\n")
    both = load_lexicons(path)
    assert "skulduggery" in set(both.entries["term"])
    assert len(both) == len(load_lexicons()) + 1
    only = load_lexicons([path], include_default=False)
    assert list(only.entries["term"]) == ["skulduggery"]
    row = only.entries.iloc[0]
    assert row["source"] == str(path) and row["line"] == 3
    assert "mine.tsv=0.1" in only.version


def test_optional_columns_may_be_absent(tmp_path):
    path = write(tmp_path, "perhaps\thedge\tadverb\t\tepistemic possibility\n",
                 header="term\tlayer\tcategory\tscore\trationale\n")
    lex = load_lexicons(path, include_default=False)
    assert math.isnan(lex.entries.iloc[0]["score"])
    assert lex.entries.iloc[0]["pattern"] is None


@pytest.mark.parametrize("body, line, words", [
    ("brutal\tloaded\tevaluative\t2\tcruelty\t\t\nBrutal\tloaded\tevaluative\t2\tagain\t\t\n",
     4, ["duplicate", "first at", ":3"]),
    ("'cause\thedge\tadverb\t\tleading apostrophe\t\t\n", 3, ["tokenizer", "never match"]),
    ("U.S.\tloaded\tevaluative\t1\ttrailing period\t\t\n", 3, ["tokenizer", "U.S"]),
    ("maybe\thedge\tadverb\t\tbad regex\tmay(be\t\n", 3, ["bad regex"]),
    ("maybe\thedge\tadverb\t\tgroups\t(may)be\t\n", 3, ["capturing", "(?:"]),
    ("maybe\thedge\tadverb\t\tempty\t(?:x)?\t\n", 3, ["empty string"]),
    ("maybe\thedge\tadverb\t\tmismatch\tperhaps\t\n", 3, ["does not match its own term"]),
    ("maybe\tsentiment\tadverb\t\tunknown layer\t\t\n", 3, ["unknown layer", "hedge"]),
    ("maybe\thedge\tfrequency\t\tunknown category\t\t\n", 3, ["unknown hedge category", "modal"]),
    ("maybe\thedge\tadverb\t\t\t\t\n", 3, ["empty 'rationale'", "fill it in"]),
    ("brutal\tloaded\tevaluative\thigh\tcruelty\t\t\n", 3, ["not a number"]),
    ("brutal\tloaded\tevaluative\t\tcruelty\t\t\n", 3, ["intensity"]),
    ("brutal\tloaded\tevaluative\t5\tcruelty\t\t\n", 3, ["1, 2 or 3"]),
    ("maybe\thedge\tadverb\t\tunknown rule\t\tsometimes\n", 3, ["unknown rule", "not_month"]),
    ("maybe\thedge\tadverb\t\ttoo many\t\t\textra\n", 3, ["cells"]),
])
def test_bad_entries_name_file_line_and_fix(tmp_path, body, line, words):
    message = error_of(write(tmp_path, body))
    assert f"mine.tsv:{line}:" in message
    for word in words:
        assert word in message


def test_bad_files_are_clear_errors(tmp_path):
    empty = tmp_path / "empty.tsv"
    empty.write_text("", encoding="utf-8")
    assert "empty" in error_of(empty)
    binary = tmp_path / "binary.tsv"
    binary.write_bytes(b"\x00\x01\x02term\tlayer")
    assert "binary" in error_of(binary)
    latin = tmp_path / "latin.tsv"
    latin.write_bytes(HEADER.encode() + "na\xefve\tloaded\tevaluative\t1\tx\t\t\n".encode("latin-1"))
    message = error_of(latin)
    assert "latin.tsv:2:" in message and "UTF-8" in message
    comments = tmp_path / "comments.tsv"
    comments.write_text("# version: 1\n# nothing else\n", encoding="utf-8")
    assert "no header" in error_of(comments)
    assert "no such" in error_of(tmp_path / "missing.tsv")
    no_col = write(tmp_path, "x\thedge\n", header="term\tlayer\n")
    message = error_of(no_col)
    assert "mine.tsv:2:" in message and "category" in message


def test_generic_reader_checks_categories_and_keeps_extra_columns(tmp_path):
    path = tmp_path / "ladder.tsv"
    path.write_text("# version: 3\nlabel\tcategory\tscore\tnote\n"
                    "rebels\trebel\t1\tok\nfreedom fighters\thero\t2\tno\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"ladder\.tsv:4: unknown category 'hero'"):
        read_lexicon_table(path, ("label", "category", "score"), {"rebel", "terror"})
    rows = read_lexicon_table(path, ("label", "category", "score"))
    assert rows[0] == {"label": "rebels", "category": "rebel", "score": "1", "note": "ok",
                       "source": str(path), "line": 3, "version": "3"}
