"""Run every per-article stage in one pass, on all cores.

Each article goes through segment -> quotes -> voice -> annotate -> features
inside one worker, so text is read once and only the chunk's tables travel
back. Workers are forked (not spawned) so the lexicon automaton, the
pronunciation dictionary and the articles themselves are shared copy-on-write:
a worker is sent only the bounds of its chunk, never the texts.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager

import pandas as pd

from . import readability, schema, sentiment
from .features import complete_features, default_categories, document_features, feature_names
from .parallel import default_jobs, map_chunks
from .quotes import find_quotes_document
from .segment import segment_document
from .sentiment import sentence_sentiment_document
from .voice import sentence_voice_shares, voice_segments_document

# Set in the parent before forking, read by the workers, cleared after the run.
_ANNOTATOR = None
_FEATURE_COLUMNS: list[str] = []  # the registry's columns, which every chunk's table gets
_ARTICLES: list[dict] = []  # the run's article records
_EMBEDS: dict[str, list[dict]] = {}  # doc_id -> its embedded posts' credit lines

#: The article fields the per-article stages read.
_ARTICLE_FIELDS = ("doc_id", "text", "title", "event")


def process_document(article: dict, annotator, embeds: list[dict] | None = None) -> dict[str, list]:
    """All per-article tables of one article, as record lists. ``embeds`` are
    the article's boilerplate records of kind ``embed_credit`` (the credit
    line under an embedded post), which mark where an embedded post ended."""
    doc_id, text = article["doc_id"], article["text"]
    title = article.get("title")
    event = article.get("event")
    sentences = segment_document(doc_id, text, title=title if isinstance(title, str) else None)
    quotes = find_quotes_document(doc_id, text, embeds=embeds)
    voices = voice_segments_document(doc_id, text, quotes, sentences)
    sentences = sentence_voice_shares(sentences, voices, text)
    spans = annotator.annotate_document(doc_id, text, sentences, quotes, voices,
                                        event=event if isinstance(event, str) else None)
    # scored once: the feature columns and the sentence table share the scores
    scores = sentence_sentiment_document(text, sentences)
    features = document_features(article, sentences, quotes, voices, spans, scores)
    return {"sentences": sentences, "quotes": quotes, "voices": voices,
            "spans": spans, "sentence_sentiment": scores, "features": [features]}


#: Table name -> column contract of the per-article tables.
_TABLES = {"sentences": schema.SENTENCE_COLUMNS, "quotes": schema.QUOTE_COLUMNS,
           "voices": schema.VOICE_COLUMNS, "spans": schema.SPAN_COLUMNS,
           "sentence_sentiment": sentiment.SENTENCE_SENTIMENT_COLUMNS}


@contextmanager
def collector_paused():
    """The cyclic garbage collector off for one chunk: the stages allocate
    hundreds of thousands of small acyclic objects per chunk, and each
    generation-0 pass would scan them for cycles that are not there (about
    8 % of the run). The previous setting comes back after the chunk, and
    reference counting frees everything as usual meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _process_chunk(bounds: tuple[int, int]) -> dict[str, pd.DataFrame]:
    """The tables of articles ``start:stop`` of the run, built into DataFrames
    here in the worker: columnar frames pickle smaller than record dicts and
    the parent only concatenates."""
    start, stop = bounds
    out: dict[str, list] = {name: [] for name in (*_TABLES, "features")}
    with collector_paused():
        for article in _ARTICLES[start:stop]:
            embeds = _EMBEDS.get(article["doc_id"])
            for name, records in process_document(article, _ANNOTATOR, embeds).items():
                out[name].extend(records)
    frames = {name: schema.frame_from_records(out[name], columns) for name, columns in _TABLES.items()}
    frames["features"] = _with_registry_columns(pd.DataFrame.from_records(out["features"])) \
        if out["features"] else pd.DataFrame({"doc_id": []})
    return frames


def _with_registry_columns(features: pd.DataFrame) -> pd.DataFrame:
    """The chunk's feature rows with every registry column, in registry order
    (absent categories NaN until :func:`complete_features`), then any other
    column: the parent concatenates like frames instead of aligning ~700
    columns per chunk (one reindex here is cheaper than both that and
    completing each chunk)."""
    known = set(_FEATURE_COLUMNS)
    return features.reindex(columns=_FEATURE_COLUMNS + [c for c in features.columns if c not in known])


def _concat(frames: list[pd.DataFrame], columns: list[str] | None) -> pd.DataFrame:
    kept = [f for f in frames if len(f)]
    if not kept:
        return schema.empty_frame(columns) if columns else pd.DataFrame({"doc_id": []})
    return pd.concat(kept, ignore_index=True) if len(kept) > 1 else kept[0].reset_index(drop=True)


def _article_records(articles: pd.DataFrame) -> list[dict]:
    """The fields the stages read, one dict per article (column by column:
    much cheaper than ``to_dict("records")`` over every column, texts twice)."""
    columns = [articles[name].tolist() for name in _ARTICLE_FIELDS]
    return [dict(zip(_ARTICLE_FIELDS, row, strict=True)) for row in zip(*columns, strict=True)]


def run_documents(articles: pd.DataFrame, annotator, *, boilerplate: pd.DataFrame | None = None,
                  n_jobs: int | None = None, chunk_size: int | None = None,
                  progress=None) -> dict[str, pd.DataFrame]:
    """Per-article tables for every article: sentences, quotes, voices, spans,
    sentence_sentiment, features, on ``n_jobs`` forked workers that each take
    ``chunk_size`` articles at a time (default :data:`framing.parallel.CHUNK_SIZE`).
    ``n_jobs=1``, or articles for one chunk only, run in this process."""
    global _ANNOTATOR, _FEATURE_COLUMNS, _ARTICLES, _EMBEDS
    missing = [name for name in _ARTICLE_FIELDS if name not in articles.columns]
    if missing:
        raise KeyError(f"articles lack the column(s) {missing}; pass Corpus.articles")
    records = _article_records(articles)
    embeds: dict[str, list[dict]] = {}
    if boilerplate is not None and len(boilerplate):
        credits = boilerplate[boilerplate["kind"] == "embed_credit"]
        embeds = {doc: group.to_dict("records") for doc, group in credits.groupby("doc_id")}
    n_jobs = default_jobs() if n_jobs is None else n_jobs
    # Load VADER's lexicon and the syllable table once, here, so forked
    # workers share them copy-on-write instead of each loading its own.
    sentiment.analyzer()
    readability.warm_up()
    _ANNOTATOR, _ARTICLES, _EMBEDS = annotator, records, embeds
    categories = default_categories(annotator=annotator)
    _FEATURE_COLUMNS = ["doc_id", *feature_names(categories)]
    # Objects that exist before the run (the annotator, the caller's own data)
    # go to the collector's permanent generation: full collections then skip
    # them instead of re-scanning a big notebook heap, and forked workers do
    # not copy their pages by touching them.
    gc.freeze()
    try:
        parts, done = [], 0
        for part in map_chunks(_process_chunk, len(records), n_jobs=n_jobs, chunk_size=chunk_size):
            parts.append(part)
            done += len(part["features"])
            if progress is not None:
                progress(done, len(records))
    finally:
        gc.unfreeze()
        _ANNOTATOR, _FEATURE_COLUMNS, _ARTICLES, _EMBEDS = None, [], [], {}
    tables = {name: _concat([p[name] for p in parts], columns) for name, columns in _TABLES.items()}
    features = _concat([p["features"] for p in parts], None)
    del parts
    tables["features"] = complete_features(features, categories)
    return tables
