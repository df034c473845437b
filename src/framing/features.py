"""One row of document features per article, columns ``<family>_<stat>_<voice>``."""

from __future__ import annotations


def document_features(article: dict, sentences: list[dict], quotes: list[dict],
                      voices: list[dict], spans: list[dict]) -> dict:
    """Feature dict for one article; first key ``doc_id``."""
    raise NotImplementedError
