"""Who is speaking at every character: own, reported or quoted."""

from __future__ import annotations


def voice_segments_document(doc_id: str, text: str, quotes: list[dict],
                            sentences: list[dict]) -> list[dict]:
    """Contiguous voice segments covering ``text`` (``schema.VOICE_COLUMNS``)."""
    raise NotImplementedError


def sentence_voice_shares(sentences: list[dict], voices: list[dict], text: str) -> list[dict]:
    """Fill each sentence's ``share_own/reported/quoted`` (fractions of its words)."""
    raise NotImplementedError
