"""Load articles from a folder, a file, a table or a DataFrame into one
clean-text table, with the boilerplate kept aside.

Loading only reads: it never writes to, renames or "fixes" the input.
Problems with the input raise :class:`CorpusError` (one line naming the file
and what to do) or, where skipping is what a user wants (an empty file, an
unsupported file type in a folder), warn with :class:`CorpusWarning` and skip.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
import warnings
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
import pandas as pd

from . import schema
from .boilerplate import INLINE_PATTERNS, PATTERNS, LinePattern, split_boilerplate
from .html_text import extract_html
from .parallel import can_fork, default_jobs, map_chunks


class CorpusError(ValueError):
    """Bad input: the message names the file and what to do about it."""


class CorpusWarning(UserWarning):
    """Input that was read with a fallback or skipped; names the file."""


@dataclass(frozen=True)
class Corpus:
    """Articles (``schema.ARTICLE_COLUMNS``, then any extra manifest or table
    columns) and what was moved out of their text (``schema.BOILERPLATE_COLUMNS``)."""

    articles: pd.DataFrame
    boilerplate: pd.DataFrame


TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet", ".pq",
                  ".csv.gz", ".tsv.gz", ".jsonl.gz", ".ndjson.gz", ".json.gz")
#: Files a corpus folder may hold besides articles (event files, notes).
IGNORED_SUFFIXES = (".yaml", ".yml")
MANIFEST_NAME = "manifest.csv"
METADATA_COLUMNS = ("outlet", "title", "date", "url", "event", "source")
_CONTROL_OK = frozenset("\t\n\r\f\v")
#: Corpora with fewer articles are cleaned in this process: forking workers
#: costs more than it saves.
PARALLEL_MIN_DOCS = 256


def load_corpus(source, manifest=None, *, text_column: str = "text",
                boilerplate_patterns: Iterable[LinePattern] | None = None,
                n_jobs: int | None = None) -> Corpus:
    """Load a corpus into clean-text articles and their boilerplate.

    ``source`` is one of:

    * a folder of ``.txt``/``.md``/``.html``/``.htm`` files. ``manifest.csv`` in
      the folder (or ``manifest=``, a CSV path or DataFrame) gives each file its
      metadata: columns ``doc_id`` and/or ``file`` (one is required), and any of
      ``outlet``, ``title``, ``date``, ``url``, ``event``; other columns are kept
      as extra columns after the contract ones. With a manifest, exactly the
      files it lists are loaded;
    * a single article file (metadata from ``manifest=`` if it lists the file);
    * a table (``.csv``, ``.tsv``, ``.jsonl``, ``.json``, ``.parquet``, optionally
      ``.gz``) or a DataFrame with one article per row in ``text_column``;
      ``doc_id`` or ``id`` gives the id, other metadata columns as above.

    What each column holds:

    * ``doc_id`` (str): manifest ``doc_id``, else the file name without suffix,
      else the table's ``doc_id``/``id``, else the row number.
    * ``outlet``: as given; else the page's ``og:site_name`` (HTML); else the
      domain of ``url`` ("www." dropped); else NaN (NaN outlets are left out of
      per-outlet comparisons, never guessed from the text).
    * ``title``: as given; else the page's first ``<h1>`` or its title (HTML);
      else the first line of the text when it reads like a headline (short, not
      ending in ``.``, ``,``, ``:`` or ``;``); else NaN. The title line stays in
      the text.
    * ``date``: ``YYYY-MM-DD`` when the given date can be read unambiguously
      (ISO dates and timestamps, "December 1, 2024", "1 Dec 2024", ...), else
      the value as given; NaN when absent.
    * ``source``: where the article was read from (file path, or ``table#row``).
    * ``raw_text``: the decoded file exactly as ``open(path, encoding="utf-8")``
      reads it (universal newlines) minus a byte-order mark; for HTML the text
      extracted from the markup (the markup itself is not kept); for tables the
      text cell with ``\r\n``/``\r`` line breaks made ``\n``. Boilerplate
      offsets (``raw_start``/``raw_end``) refer to it.
    * ``text``: ``raw_text`` with the boilerplate lines cut (see
      :mod:`framing.boilerplate`); every other offset in the toolkit refers to it.

    Text files are read as UTF-8, or as Windows-1252 with a warning when they
    are not valid UTF-8. URLs are not fetched: save the page and load the file.

    ``boilerplate_patterns`` replaces :data:`framing.boilerplate.PATTERNS`
    (the line patterns of material moved out of the text; credits at the end
    of an embedded post's line are cut as well); ``()`` keeps the text whole.

    Files are read in this process; the boilerplate of a large corpus (at
    least :data:`PARALLEL_MIN_DOCS` articles) is removed by ``n_jobs`` forked
    workers (default: all cores, as :func:`framing.pipeline.run_documents`;
    ``n_jobs=1`` stays in this process). The result, warnings included, is the
    same either way.
    """
    patterns = PATTERNS if boilerplate_patterns is None else tuple(boilerplate_patterns)
    inline = INLINE_PATTERNS if patterns else ()
    return _build(_load_docs(source, manifest, text_column), patterns, inline, n_jobs)


def _load_docs(source, manifest, text_column: str) -> list[dict]:
    if isinstance(source, pd.DataFrame):
        docs = _docs_from_table(*_table_rows(source), "DataFrame", text_column)
        return _with_manifest_metadata(docs, manifest)
    if not isinstance(source, str | Path):
        raise CorpusError(f"cannot load a corpus from a {type(source).__name__}; pass a folder, "
                          "a file path or a pandas DataFrame with a text column")
    if isinstance(source, str) and re.match(r"^[a-z][a-z0-9+.-]*://", source, re.IGNORECASE):
        raise CorpusError(f"{source}: fetching URLs is not supported; save the page "
                          "(File > Save As, HTML) and load the saved file")
    path = Path(source)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder; check the path")
    if path.is_dir():
        return _docs_from_folder(path, manifest)
    name = path.name.lower()
    if name.endswith(TABLE_SUFFIXES):
        docs = _docs_from_table(*_read_table(path), str(path), text_column)
        return _with_manifest_metadata(docs, manifest)
    if name.endswith(TEXT_SUFFIXES + HTML_SUFFIXES):
        return _docs_from_single_file(path, manifest)
    raise CorpusError(f"{path}: unsupported file type; give a folder, a .txt/.md/.html "
                      "article, or a CSV/JSONL/Parquet table")


# -- reading files --------------------------------------------------------------

def _warn(message: str) -> None:
    warnings.warn(message, CorpusWarning, stacklevel=3)


def _universal_newlines(text: str) -> str:
    # What open(path, encoding=...).read() does with newline=None.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _declared_charset(data: bytes) -> str | None:
    match = re.search(rb"""charset=["']?([A-Za-z0-9_.:-]+)""", data[:4096])
    return match.group(1).decode("ascii") if match else None


def decode_bytes(data: bytes, path: Path | str, *, html: bool = False) -> str:
    """The text of a file's bytes: UTF-8 (byte-order mark dropped), UTF-16 with
    a byte-order mark, a charset the HTML declares, else Windows-1252 with a
    warning. Raises :class:`CorpusError` for binary data."""
    fallback = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, fallback = data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise CorpusError(f"{path}: broken UTF-16 text; re-save it as UTF-8") from None
    elif b"\x00" in data:
        raise CorpusError(f"{path}: binary file (contains NUL bytes), not an article; "
                          "remove it from the corpus or save the article as UTF-8 text")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
            charset = _declared_charset(data) if html else None
            for codec in (c for c in (charset, "cp1252") if c):
                try:
                    text, fallback = data.decode(codec), codec
                except (UnicodeDecodeError, LookupError):
                    continue
                break
            if text is None:
                raise CorpusError(f"{path}: neither UTF-8 nor Windows-1252 text; "
                                  "re-save it as UTF-8") from None
    _check_not_binary(text, path)
    if fallback:
        _warn(f"{path}: not UTF-8; read as {fallback} "
              "(re-save it as UTF-8 to silence this warning)")
    return _universal_newlines(text.removeprefix("\ufeff"))


def _check_not_binary(text: str, path) -> None:
    controls = sum(1 for ch in text if ch not in _CONTROL_OK and unicodedata.category(ch) == "Cc")
    if controls > max(2, 0.01 * len(text)):
        raise CorpusError(f"{path}: looks binary ({controls} control characters), not an article; "
                          "remove it from the corpus or save the article as UTF-8 text")


def _read_article_file(path: Path) -> dict | None:
    """One article file as a partial doc (raw_text plus what the file says
    about itself), or None (with a warning) when it is empty."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CorpusError(f"{path}: cannot be read ({err.strerror or err}); check that the file "
                          "exists and that you may read it") from None
    is_html = path.name.lower().endswith(HTML_SUFFIXES)
    text = decode_bytes(data, path, html=is_html)
    doc: dict = {"source": str(path)}
    if is_html:
        page = extract_html(text)
        text = page.text
        doc.update(html_title=page.title, html_outlet=page.outlet,
                   html_date=page.date, html_url=page.url)
    if not text.strip():
        what = "no article text in the page" if is_html and data.strip() else "empty file"
        _warn(f"{path}: {what}, skipped")
        return None
    doc["raw_text"] = text
    return doc


# -- folders and manifests ------------------------------------------------------

def _is_article_file(path: Path) -> bool:
    return path.name.lower().endswith(TEXT_SUFFIXES + HTML_SUFFIXES)


def _docs_from_folder(folder: Path, manifest) -> list[dict]:
    if manifest is None and (folder / MANIFEST_NAME).is_file():
        manifest = folder / MANIFEST_NAME
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    if manifest is not None:
        table, manifest_name = read_manifest(manifest)
        loaded = [_doc_from_manifest_row(row, line, folder, manifest_name)
                  for line, row in _manifest_rows(table)]
        listed = {path.resolve() for path, _ in loaded}
        docs = [doc for _, doc in loaded]
        unlisted = [p.name for p in files if _is_article_file(p) and p.resolve() not in listed]
        if unlisted:
            _warn(f"{manifest_name}: {len(unlisted)} article file(s) in {folder} are not listed "
                  f"and were skipped ({', '.join(unlisted[:5])}); add them to the manifest to load them")
        docs = [d for d in docs if d is not None]
        if not docs:
            raise CorpusError(f"{folder}: no articles loaded (every file in {manifest_name} "
                              "was empty); check the files")
        return docs
    docs, by_id = [], {}
    for path in files:
        if not _is_article_file(path):
            if not path.name.lower().endswith(IGNORED_SUFFIXES) and path.name != MANIFEST_NAME:
                _warn(f"{path}: unsupported file type, skipped "
                      "(articles must be .txt, .md, .html or .htm)")
            continue
        doc_id = path.stem
        if doc_id in by_id:
            raise CorpusError(f"{path}: gives the same doc_id {doc_id!r} as {by_id[doc_id]}; "
                              "rename one of them or list them in a manifest.csv with their own doc_id")
        by_id[doc_id] = path.name
        doc = _read_article_file(path)
        if doc is not None:
            doc["doc_id"] = doc_id
            docs.append(doc)
    if not docs:
        raise CorpusError(f"{folder}: no articles found (looked for non-empty .txt, .md, .html and "
                          ".htm files); put the articles there or load a CSV/JSONL/Parquet table")
    return docs


def read_manifest(manifest) -> tuple[pd.DataFrame, str]:
    """The manifest as a table of strings (empty cells NaN) and its name for
    messages. Raises :class:`CorpusError` when it cannot be used."""
    if isinstance(manifest, pd.DataFrame):
        table, name = manifest.copy(), "manifest"
        table = table.astype(object).where(table.notna(), np.nan)
    else:
        path = Path(manifest)
        name = str(path)
        if not path.is_file():
            raise CorpusError(f"{path}: manifest not found; check the path")
        table = _read_csv(path, what="manifest")
    table.columns = [str(c).strip() for c in table.columns]
    lower = {c.lower(): c for c in table.columns}
    table = table.rename(columns={lower[k]: k for k in ("doc_id", "file", *METADATA_COLUMNS)
                                  if k in lower})
    if "doc_id" not in table.columns and "file" not in table.columns:
        raise CorpusError(f"{name}: needs a 'doc_id' or a 'file' column (it has: "
                          f"{', '.join(table.columns) or 'none'}); add a 'file' column naming "
                          "each article's file")
    if table.empty:
        raise CorpusError(f"{name}: no rows; list one article per line")
    if "doc_id" in table.columns:
        ids = table["doc_id"].dropna().map(str).str.strip()
        dups = sorted(ids[ids.duplicated()].unique())
        if dups:
            raise CorpusError(f"{name}: doc_id {', '.join(map(repr, dups[:5]))} listed more than "
                              "once; give every article its own doc_id")
    if "file" in table.columns:
        files = table["file"].dropna().map(str).str.strip()
        dups = sorted(files[files.duplicated()].unique())
        if dups:
            raise CorpusError(f"{name}: file {', '.join(map(repr, dups[:5]))} listed more than "
                              "once; list every article file once")
    return table, name


def _read_csv(path: Path, *, what: str, sep: str = ",") -> pd.DataFrame:
    def read(encoding):
        # A row with more fields than the header must fail, not silently become
        # an index or lose its extra fields.
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)
            return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""],
                               encoding=encoding, sep=sep, index_col=False)
    try:
        try:
            return read("utf-8-sig")
        except UnicodeDecodeError:
            table = read("cp1252")
            _warn(f"{path}: not valid UTF-8; read as cp1252 (re-save it as UTF-8 to silence this warning)")
            return table
    except pd.errors.EmptyDataError:
        raise CorpusError(f"{path}: empty {what}; list one article per line") from None
    except (pd.errors.ParserError, pd.errors.ParserWarning, UnicodeDecodeError, ValueError) as err:
        detail = str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__
        raise CorpusError(f"{path}: not a readable CSV {what} ({detail}); check that it is "
                          "comma-separated and that fields containing commas are quoted") from None


def _manifest_rows(table: pd.DataFrame):
    for i, row in enumerate(table.to_dict("records")):
        yield i + 2, {k: _clean_value(v) for k, v in row.items()}  # line 1 is the header


def _clean_value(value):
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return np.nan
    if isinstance(value, str):
        value = value.strip()
        return value if value else np.nan
    return value


def _find_file(folder: Path, doc_id: str) -> Path | None:
    for suffix in TEXT_SUFFIXES + HTML_SUFFIXES:
        candidate = folder / f"{doc_id}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def _doc_from_manifest_row(row: dict, line: int, folder: Path,
                           manifest_name: str) -> tuple[Path, dict | None]:
    file, doc_id = row.get("file"), row.get("doc_id")
    if _missing(file) and _missing(doc_id):
        raise CorpusError(f"{manifest_name}: line {line} has neither doc_id nor file; fill one in "
                          "or delete the line")
    if _missing(file):
        path = _find_file(folder, str(doc_id))
        if path is None:
            raise CorpusError(f"{manifest_name}: line {line}: no file for doc_id {doc_id!r} in "
                              f"{folder} (looked for {doc_id}.txt/.md/.html/.htm); add a 'file' column "
                              "or fix the doc_id")
    else:
        path = folder / str(file)
        if not path.is_file():
            raise CorpusError(f"{manifest_name}: line {line} names {file!r}, which is not in "
                              f"{folder}; fix the file name or delete the line")
        if not _is_article_file(path):
            raise CorpusError(f"{manifest_name}: line {line} names {file!r}, which is not a "
                              ".txt/.md/.html/.htm article; convert it or delete the line")
    doc = _read_article_file(path)
    if doc is None:
        return path, None
    doc["doc_id"] = path.stem if _missing(doc_id) else _as_id(doc_id)
    for key, value in row.items():
        if key in ("doc_id", "file"):
            continue
        if key == "source" and _missing(value):
            continue
        doc[key] = value
    return path, doc


def _docs_from_single_file(path: Path, manifest) -> list[dict]:
    doc = _read_article_file(path)
    if doc is None:
        raise CorpusError(f"{path}: no article text (empty file); give a file with the article")
    doc["doc_id"] = path.stem
    if manifest is not None:
        table, _ = read_manifest(manifest)
        for _, row in _manifest_rows(table):
            if (not _missing(row.get("file")) and Path(str(row["file"])).name == path.name) or (
                    _missing(row.get("file")) and str(row.get("doc_id")) == path.stem):
                if not _missing(row.get("doc_id")):
                    doc["doc_id"] = _as_id(row["doc_id"])
                doc.update({k: v for k, v in row.items() if k not in ("doc_id", "file")
                            and not (k == "source" and _missing(v))})
                break
    return [doc]


# -- tables ---------------------------------------------------------------------

def _table_rows(table: pd.DataFrame) -> tuple[list, list[dict]]:
    """A table's column names and its rows as dicts."""
    return list(table.columns), table.to_dict("records")


def _read_table(path: Path) -> tuple[list, list[dict]]:
    """The column names and rows of a table file."""
    name = path.name.lower().removesuffix(".gz")
    if name.endswith((".csv", ".tsv")):
        return _table_rows(_read_csv(path, what="table", sep="\t" if name.endswith(".tsv") else ","))
    if name.endswith((".parquet", ".pq")):
        try:
            return _table_rows(pd.read_parquet(path))
        except Exception as err:  # pyarrow raises several types for a broken file
            raise CorpusError(f"{path}: not a readable Parquet file ({type(err).__name__}: "
                              f"{str(err).splitlines()[0] if str(err) else ''}); re-export it") from None
    return _read_json_records(path)


def _read_json_records(path: Path) -> tuple[list, list[dict]]:
    try:
        data = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            data = gzip.decompress(data)  # in one call: faster than a streaming read
        content = _universal_newlines(data.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, EOFError, zlib.error) as err:
        raise CorpusError(f"{path}: cannot be read as UTF-8 JSON ({err}); re-save it as "
                          "UTF-8 JSON lines") from None
    stripped = content.lstrip()
    records = None
    if stripped.startswith("["):
        try:
            records = json.loads(content)
        except json.JSONDecodeError:
            records = None
    if records is None:
        records = []
        # "\n" only: JSON strings may hold U+2028, U+2029 and U+0085 raw,
        # which str.splitlines would also split at. Stripped: other line ends
        # (form feed, RFC 7464's record separator) sit between records only.
        for number, line in enumerate(content.split("\n"), start=1):
            line = line.strip()
            if not line:
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise CorpusError(f"{path}: line {number} is not valid JSON ({err.msg}); "
                                  "each line must be one JSON object") from None
    if not all(isinstance(r, dict) for r in records):
        raise CorpusError(f"{path}: expected one JSON object per article (with a text field); "
                          "found other values")
    if _all_strings_same_keys(records):
        # what the DataFrame round trip below would give back, without it
        return list(records[0]), records
    return _table_rows(pd.DataFrame.from_records(records))


def _all_strings_same_keys(records: list[dict]) -> bool:
    """Whether every record has the first one's keys, in its order, and only
    string values: the common export, where a table would change nothing
    (no missing cell to fill, no number to convert)."""
    if not records:
        return False
    keys = list(records[0])
    return all(list(record) == keys and all(type(v) is str for v in record.values())
               for record in records)


def _docs_from_table(columns: list, rows: list[dict], name: str, text_column: str) -> list[dict]:
    if text_column not in columns:
        hint = (" (this looks like a manifest: load the folder with the articles instead)"
                if "file" in columns else "")
        raise CorpusError(f"{name} has no {text_column!r} column (it has: "
                          f"{', '.join(map(str, columns)) or 'none'}); pass "
                          f"text_column=<the column with the article text>{hint}")
    id_column = next((c for c in ("doc_id", "id") if c in columns), None)
    skip = {text_column, id_column, "raw_text", "text"}
    meta_columns = [c for c in columns if c not in skip]
    docs, seen, empty = [], {}, []
    for i, row in enumerate(rows):
        doc_id = _as_id(row[id_column]) if id_column and not _missing(row[id_column]) else str(i)
        if doc_id in seen:
            raise CorpusError(f"{name}: doc_id {doc_id!r} appears in rows {seen[doc_id]} and {i}; "
                              "give every article its own id")
        seen[doc_id] = i
        text = row[text_column]
        if _missing(text) or not str(text).strip():
            empty.append(doc_id)
            continue
        doc = {"doc_id": doc_id, "source": f"{name}#{i}",
               "raw_text": _universal_newlines(text if isinstance(text, str) else str(text))}
        for column in meta_columns:
            value = _clean_value(row[column])
            if column == "source" and _missing(value):
                continue
            doc[str(column)] = value
        docs.append(doc)
    if empty:
        _warn(f"{name}: {len(empty)} row(s) with empty {text_column!r} skipped "
              f"(doc_id {', '.join(empty[:5])}{', ...' if len(empty) > 5 else ''})")
    if not docs:
        raise CorpusError(f"{name}: no articles (every {text_column!r} is empty); check the "
                          "text column")
    return docs


def _with_manifest_metadata(docs: list[dict], manifest) -> list[dict]:
    """For tables: fill metadata the table lacks from a manifest, by doc_id."""
    if manifest is None:
        return docs
    table, name = read_manifest(manifest)
    if "doc_id" not in table.columns:
        raise CorpusError(f"{name}: a manifest for a table needs a 'doc_id' column; add it")
    rows = {_as_id(row["doc_id"]): row for _, row in _manifest_rows(table)
            if not _missing(row.get("doc_id"))}
    for doc in docs:
        for key, value in rows.get(doc["doc_id"], {}).items():
            if key not in ("doc_id", "file") and _missing(doc.get(key)):
                doc[key] = value
    return docs


# -- assembling the tables ------------------------------------------------------

def _missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return value is pd.NA or value is pd.NaT


def _as_id(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


_MONTHS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y",
           "%A, %B %d, %Y", "%a, %d %b %Y", "%d %B, %Y")


def normalise_date(value):
    """``YYYY-MM-DD`` for dates that can be read unambiguously, the value as
    given (a string) otherwise, NaN when missing."""
    if _missing(value):
        return np.nan
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    if not text:
        return np.nan
    match = re.match(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T ]\d)", text)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            return text
    if re.fullmatch(r"\d{8}", text):
        try:
            return datetime.strptime(text, "%Y%m%d").date().isoformat()
        except ValueError:
            return text
    # Drop a trailing time ("December 1, 2024 10:30 AM EST") before trying formats.
    head = re.sub(r"\s*(at\s+)?\d{1,2}:\d{2}.*$", "", text).strip().rstrip(",")
    for fmt in _MONTHS:
        try:
            return datetime.strptime(head, fmt).date().isoformat()
        except ValueError:
            continue
    return text


def _domain(url) -> str | float:
    if _missing(url):
        return np.nan
    host = urlparse(str(url) if "://" in str(url) else f"http://{url}").hostname
    return host.removeprefix("www.") if host else np.nan


def guess_title(text: str) -> str | float:
    """The first line of ``text`` when it reads like a headline, else NaN."""
    first, _, rest = text.lstrip().partition("\n")
    first = first.strip().lstrip("#").strip()  # a Markdown heading
    n_words = len(first.split())
    if (not rest.strip() or not 2 <= n_words <= 25 or len(first) > 200
            or first[-1] in ".,:;" or first[0] in "\"'“‘•-–—[("):
        return np.nan
    return first


def _finish(doc: dict, patterns, inline) -> tuple[dict, list[dict]] | None:
    clean, boiler = split_boilerplate(doc["doc_id"], doc["raw_text"], patterns, inline)
    if not clean.strip():
        _warn(f"{doc['source']}: nothing but boilerplate ({', '.join(b['kind'] for b in boiler)}), skipped")
        return None
    html_title, html_outlet = doc.pop("html_title", None), doc.pop("html_outlet", None)
    html_date, html_url = doc.pop("html_date", None), doc.pop("html_url", None)
    article = dict(doc)
    article["text"] = clean
    if _missing(article.get("url")):
        article["url"] = html_url or np.nan
    if _missing(article.get("title")):
        article["title"] = html_title or guess_title(clean)
    if _missing(article.get("outlet")):
        article["outlet"] = html_outlet or _domain(article["url"])
    article["date"] = normalise_date(article.get("date") if not _missing(article.get("date"))
                                     else html_date)
    for key in schema.ARTICLE_COLUMNS:
        article.setdefault(key, np.nan)
    return article, boiler


def _first_duplicate(docs: list[dict]) -> tuple[int, CorpusError] | None:
    """The index of the first doc whose doc_id an earlier doc has, and the
    error naming both files."""
    seen: dict[str, str] = {}
    for i, doc in enumerate(docs):
        if doc["doc_id"] in seen:
            return i, CorpusError(f"{doc['source']}: doc_id {doc['doc_id']!r} already used by "
                                  f"{seen[doc['doc_id']]}; give every article its own doc_id")
        seen[doc["doc_id"]] = doc["source"]
    return None


def _finish_all(docs: list[dict], patterns, inline) -> list:
    return [_finish(doc, patterns, inline) for doc in docs]


# set in the parent before forking; read by the workers
_PENDING: tuple[list[dict], tuple, tuple] | None = None


def _finish_chunk(bounds: tuple[int, int]) -> tuple[list, list[tuple]]:
    """In a worker: the finished docs of one chunk, and the warnings they
    raised (message, category, file, line) for the parent to repeat."""
    docs, patterns, inline = _PENDING
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        finished = _finish_all(docs[bounds[0]:bounds[1]], patterns, inline)
    return finished, [(str(w.message), w.category, w.filename, w.lineno) for w in caught]


def _rewarn(message: str, category, filename: str, lineno: int) -> None:
    """Repeat a worker's warning here, as if it had been raised here: the
    same place, and for warnings raised in this module (all of them today,
    through ``_warn``) the same module name and once-only registry, so the
    caller's filters apply."""
    module = __name__ if filename == __file__ else None
    warnings.warn_explicit(message, category, filename, lineno, module=module,
                           registry=globals().setdefault("__warningregistry__", {}))


def _finish_in_workers(docs: list[dict], patterns, inline, n_jobs: int) -> list:
    global _PENDING
    _PENDING = (docs, patterns, inline)
    finished = []
    try:
        for part, caught in map_chunks(_finish_chunk, len(docs), n_jobs=n_jobs):  # in input order
            for warning in caught:
                _rewarn(*warning)
            finished.extend(part)
    finally:
        _PENDING = None
    return finished


def _finish_docs(docs: list[dict], patterns, inline, n_jobs: int | None) -> list:
    """``_finish`` of every doc, in order; on ``n_jobs`` workers when there are many."""
    n_jobs = default_jobs() if n_jobs is None else n_jobs
    if len(docs) < PARALLEL_MIN_DOCS or not can_fork(n_jobs):
        return _finish_all(docs, patterns, inline)
    return _finish_in_workers(docs, patterns, inline, n_jobs)


def _build(docs: list[dict], patterns, inline, n_jobs: int | None) -> Corpus:
    duplicate = _first_duplicate(docs)
    if duplicate is not None:  # the docs before it are finished first (their warnings), as before
        _finish_docs(docs[:duplicate[0]], patterns, inline, n_jobs)
        raise duplicate[1]
    finished_docs = _finish_docs(docs, patterns, inline, n_jobs)
    articles, boilerplate, extras = [], [], []
    for finished in finished_docs:
        if finished is None:
            continue
        article, boiler = finished
        articles.append(article)
        boilerplate.extend(boiler)
        extras.extend(k for k in article if k not in schema.ARTICLE_COLUMNS and k not in extras)
    if not articles:
        raise CorpusError("no articles left after removing boilerplate; check the input files")
    frame = pd.DataFrame.from_records(articles, columns=[*schema.ARTICLE_COLUMNS, *extras])
    frame["doc_id"] = frame["doc_id"].astype(str)
    bp = schema.frame_from_records(boilerplate, schema.BOILERPLATE_COLUMNS)
    if len(bp):
        bp = bp.astype({"raw_start": "int64", "raw_end": "int64", "clean_pos": "int64"})
    return Corpus(articles=frame.reset_index(drop=True), boilerplate=bp)
