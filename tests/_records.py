"""Hand-built per-article records (schema contracts) for feature tests, so
they do not depend on the segmenter, quote finder or annotator."""

from __future__ import annotations

import math

from framing.tokens import count_words


def sentence(doc_id, sent_id, text, start, end, *, zone="body", own=1.0, reported=0.0, quoted=0.0):
    return {"doc_id": doc_id, "sent_id": sent_id, "start": start, "end": end, "paragraph": 0,
            "zone": zone, "n_words": count_words(text[start:end]),
            "share_own": own, "share_reported": reported, "share_quoted": quoted}


def voice(doc_id, start, end, v, source=None, quote_id=None):
    return {"doc_id": doc_id, "start": start, "end": end, "voice": v, "source": source,
            "quote_id": quote_id}


def span(doc_id, text, needle, layer, category, *, voice="own", actor=None, sent_id=0, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"doc_id": doc_id, "start": start, "end": start + len(needle), "text": needle,
            "layer": layer, "category": category, "term": needle.lower(), "actor": actor,
            "score": math.nan, "voice": voice, "speaker": None, "sent_id": sent_id}


def quote(doc_id, quote_id, text, inner, *, kind="direct", speech=True, speaker=None):
    inner_start = text.index(inner)
    sp_start = text.index(speaker) if speaker else None
    return {"doc_id": doc_id, "quote_id": quote_id, "start": inner_start - 1,
            "end": inner_start + len(inner) + 1, "inner_start": inner_start,
            "inner_end": inner_start + len(inner), "kind": kind, "counts_as_speech": speech,
            "speaker": speaker, "speaker_start": sp_start,
            "speaker_end": sp_start + len(speaker) if speaker else None, "verb": "said"}
