"""Quotations (direct, partial, embedded posts, term quotes) and their speakers."""

from __future__ import annotations


def find_quotes_document(doc_id: str, text: str) -> list[dict]:
    """Quote records (``schema.QUOTE_COLUMNS``), sorted, never overlapping."""
    raise NotImplementedError
