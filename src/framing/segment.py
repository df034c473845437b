"""Sentences and zones (headline / lede / body / heading), fast and regex-based."""

from __future__ import annotations


def segment_document(doc_id: str, text: str, title: str | None = None) -> list[dict]:
    """Sentence records (``schema.SENTENCE_COLUMNS``; ``share_*`` left NaN for
    the voice stage to fill)."""
    raise NotImplementedError
