"""The per-article pipeline gives the same tables in one process and in forked workers."""

from __future__ import annotations

import pandas as pd
import pytest

from framing import load_corpus
from framing.annotate import build_annotator
from framing.lexicons import load_lexicons
from framing.pipeline import run_documents

TEXTS = [
    "Officials said the militants attacked the city. “We will fight on,” a commander told reporters.",
    "Khamenei sent a post on X.\n"
    "Takfiri groups are good news for the enemies of Islam.#Syria\n"
    "— Khamenei.ir (@khamenei_ir) December 1, 2024\n"
    "The regime allegedly denied it, according to state media.",
    "Rebels reportedly seized the airport, analysts claimed. It was a shocking defeat.",
    "",  # skipped by the loader with a warning
    "The government admitted that the brutal offensive may continue.",
]


@pytest.fixture(scope="module")
def corpus():
    texts = [TEXTS[i % len(TEXTS)] or "A short note." for i in range(14)]
    table = pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(len(texts))],
                          "outlet": ["A", "B"] * (len(texts) // 2), "text": texts})
    return load_corpus(table)


@pytest.fixture(scope="module")
def annotator():
    return build_annotator(load_lexicons(), ())


def test_forked_workers_give_the_one_process_tables(corpus, annotator):
    assert (corpus.boilerplate["kind"] == "embed_credit").any()
    serial = run_documents(corpus.articles, annotator, boilerplate=corpus.boilerplate, n_jobs=1,
                           chunk_size=3)
    forked = run_documents(corpus.articles, annotator, boilerplate=corpus.boilerplate, n_jobs=2,
                           chunk_size=3)
    assert serial.keys() == forked.keys()
    for name, table in serial.items():
        pd.testing.assert_frame_equal(table, forked[name], obj=name)
    # every article has its feature row, and the embedded post's credit reached the quote finder
    assert list(forked["features"]["doc_id"]) == list(corpus.articles["doc_id"])
    assert (forked["quotes"]["kind"] == "embedded_post").sum() == 3


def test_missing_article_columns_are_named(annotator):
    with pytest.raises(KeyError, match="text"):
        run_documents(pd.DataFrame({"doc_id": ["a"]}), annotator, n_jobs=1)


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_progress_is_reported_after_each_chunk(corpus, annotator, n_jobs):
    calls = []
    run_documents(corpus.articles, annotator, n_jobs=n_jobs, chunk_size=5,
                  progress=lambda done, total: calls.append((done, total)))
    n = len(corpus.articles)
    assert calls == [(min(done, n), n) for done in range(5, n + 5, 5)]
