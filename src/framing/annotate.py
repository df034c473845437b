"""Every lexicon and event-actor hit as a span with its voice (to implement)."""

from __future__ import annotations


def build_annotator(lexicons, events):
    """An object with ``annotate_document(doc_id, text, sentences, quotes, voices)
    -> list[dict]`` (``schema.SPAN_COLUMNS``), built once and shared by workers."""
    raise NotImplementedError
