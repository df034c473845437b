"""Who is speaking at every character: own, reported or quoted."""

from __future__ import annotations

from bisect import bisect_right


def voice_segments_document(doc_id: str, text: str, quotes: list[dict],
                            sentences: list[dict]) -> list[dict]:
    """Contiguous voice segments covering ``text`` (``schema.VOICE_COLUMNS``)."""
    raise NotImplementedError


def sentence_voice_shares(sentences: list[dict], voices: list[dict], text: str) -> list[dict]:
    """Fill each sentence's ``share_own/reported/quoted`` (fractions of its words)."""
    raise NotImplementedError


def voice_at(voices: list[dict], positions) -> list[tuple[str, object]]:
    """(voice, source) at each character offset, from one document's voice
    segments (sorted, contiguous). Offsets outside every segment are ``own``."""
    starts = [seg["start"] for seg in voices]
    out = []
    for pos in positions:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and voices[i]["start"] <= pos < voices[i]["end"]:
            out.append((voices[i]["voice"], voices[i]["source"]))
        else:
            out.append(("own", None))
    return out
