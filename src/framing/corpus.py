"""Load articles from a folder, a table or saved HTML into one clean-text table.

Contract (to implement): see ``load_corpus``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


class CorpusError(ValueError):
    """Bad input: the message names the file and what to do about it."""


@dataclass(frozen=True)
class Corpus:
    """Articles (``schema.ARTICLE_COLUMNS``) and what was moved out of their
    text (``schema.BOILERPLATE_COLUMNS``)."""

    articles: pd.DataFrame
    boilerplate: pd.DataFrame


def load_corpus(source, manifest=None, *, text_column: str = "text") -> Corpus:
    """Load a corpus: a folder of .txt/.md/.html files (with an optional
    ``manifest.csv``), or a CSV/JSONL/Parquet table with a text column, or a
    DataFrame. Never writes to the input."""
    raise NotImplementedError
