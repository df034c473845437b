"""A hand-made Analysis-like object for the report tests.

It has the attributes and methods of ``framing.Analysis`` (tables per
``framing.schema``) but is built with a few regular expressions, so the report
can be tested apart from the analysis stages. It is test scaffolding, not a
result: its spans are whatever the patterns below match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from framing import schema
from framing.features import complete_features, document_features
from framing.tokens import count_words
from framing.voice import sentence_voice_shares

LABELS = {  # label class -> (actor, ladder score)
    "regime": ("Assad government", 0.0), "government": ("Assad government", 1.0),
    "terrorists": ("HTS", 0.0), "militants": ("HTS", 0.3), "rebels": ("HTS", 0.75),
    "Islamist": ("HTS", 0.5),
}
PATTERNS = [  # (regex, layer, category)
    (r"\bregime\b", "actor_label", "regime"), (r"\bgovernment\b", "actor_label", "government"),
    (r"\bterror(?:ist)? groups?\b", "actor_label", "terrorists"),
    (r"\bmilitants?\b", "actor_label", "militants"), (r"\brebels?\b", "actor_label", "rebels"),
    (r"\bIslamist\b", "actor_label", "Islamist"),
    (r"\b(?:bold|embattled|malevolent|brutal|crisis|heretical)\b", "loaded", "evaluative"),
    (r"\bbold rebel offensive\b", "loaded", "figurative"),
    (r"\b(?:could|may|might|reportedly|appears?|likely)\b", "hedge", "modal"),
    (r"\b(?:clearly|major|unwavering|paramount|crucial)\b", "booster", "adjective"),
    (r"\b(?:said|says|declared|added|claimed|stated|told)\b", "attribution", "neutral"),
]
QUOTE_RE = re.compile(r"[\"“][^\"”\n]{2,}[\"”]")
REPORTED_RE = re.compile(r"[^.\n]*\b(?:according to|said that|reported that)\b[^.\n]*")


def _voices(doc_id: str, text: str) -> tuple[list[dict], list[dict]]:
    marks = [(m.start(), m.end(), "quoted") for m in QUOTE_RE.finditer(text)]
    for m in REPORTED_RE.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e, _ in marks):
            marks.append((m.start(), m.end(), "reported"))
    marks.sort()
    voices, quotes, pos = [], [], 0
    for i, (s, e, voice) in enumerate(marks):
        if s > pos:
            voices.append({"doc_id": doc_id, "start": pos, "end": s, "voice": "own",
                           "source": None, "quote_id": None})
        qid = f"{doc_id}-q{i}" if voice == "quoted" else None
        voices.append({"doc_id": doc_id, "start": s, "end": e, "voice": voice,
                       "source": "Khamenei" if voice == "quoted" else "officials", "quote_id": qid})
        if voice == "quoted":
            quotes.append({"doc_id": doc_id, "quote_id": qid, "start": s, "end": e,
                           "inner_start": s + 1, "inner_end": e - 1, "kind": "direct",
                           "counts_as_speech": True, "speaker": "Khamenei", "speaker_start": None,
                           "speaker_end": None, "verb": None})
        pos = e
    if pos < len(text):
        voices.append({"doc_id": doc_id, "start": pos, "end": len(text), "voice": "own",
                       "source": None, "quote_id": None})
    return voices, quotes


def _voice_at(voices: list[dict], pos: int) -> dict:
    for seg in voices:
        if seg["start"] <= pos < seg["end"]:
            return seg
    return {"voice": "own", "source": None}


def _sentences(doc_id: str, text: str) -> list[dict]:
    out = []
    for i, m in enumerate(re.finditer(r"[^\n.!?]+[.!?]?", text)):
        if m.group().strip():
            out.append({"doc_id": doc_id, "sent_id": i, "start": m.start(), "end": m.end(),
                        "paragraph": text.count("\n", 0, m.start()), "zone": "headline" if i == 0 else "body",
                        "n_words": count_words(m.group()), "share_own": None, "share_reported": None,
                        "share_quoted": None})
    return out


def _spans(doc_id: str, text: str, voices: list[dict], sentences: list[dict]) -> list[dict]:
    out = []
    for pattern, layer, category in PATTERNS:
        for m in re.finditer(pattern, text):
            seg = _voice_at(voices, m.start())
            actor, score = LABELS.get(category, (None, float("nan"))) if layer == "actor_label" \
                else (None, float("nan"))
            sent = next((s["sent_id"] for s in sentences if s["start"] <= m.start() < s["end"]), None)
            out.append({"doc_id": doc_id, "start": m.start(), "end": m.end(), "text": m.group(),
                        "layer": layer, "category": category, "term": m.group().lower(),
                        "actor": actor, "score": score, "voice": seg["voice"],
                        "speaker": seg["source"] if seg["voice"] == "quoted" else None,
                        "sent_id": sent})
    return out


@dataclass
class FakeAnalysis:
    articles: pd.DataFrame
    boilerplate: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame
    voices: pd.DataFrame
    spans: pd.DataFrame
    features: pd.DataFrame
    reuse: SimpleNamespace
    events: tuple = ()
    lexicons: object = None
    _by_outlet: pd.DataFrame | None = field(default=None)

    def by_outlet(self, *, independent: bool = False, seed: int = 0) -> pd.DataFrame:
        if self._by_outlet is None:
            raise NotImplementedError
        return self._by_outlet

    def labels(self, actor=None, *, seed=0):
        raise NotImplementedError

    def distinctive_terms(self, *, own_voice=False, top=15):
        raise NotImplementedError


def fake_analysis(articles: list[dict], boilerplate: list[dict] | None = None,
                  with_outlet_table: bool = True) -> FakeAnalysis:
    """Build the fake from article dicts (doc_id, outlet, title, date, url, event, text)."""
    tables: dict[str, list] = {"sentences": [], "quotes": [], "voices": [], "spans": []}
    rows, features = [], []
    for art in articles:
        art = {"source": None, "raw_text": art["text"], "url": None, **art}
        rows.append(art)
        voices, quotes = _voices(art["doc_id"], art["text"])
        sentences = sentence_voice_shares(_sentences(art["doc_id"], art["text"]), voices, art["text"])
        spans = _spans(art["doc_id"], art["text"], voices, sentences)
        tables["voices"] += voices
        tables["quotes"] += quotes
        tables["sentences"] += sentences
        tables["spans"] += spans
        # the real feature code on the fake tables: the report reads its rates from there
        features.append(document_features(art, sentences, quotes, voices, spans))
    spans = schema.frame_from_records(tables["spans"], schema.SPAN_COLUMNS)
    by_outlet = None
    if with_outlet_table:
        outlets = sorted({a["outlet"] for a in rows})
        by_outlet = pd.DataFrame([
            {"event": "e", "outlet": o, "measure": "hedge_rate", "voice": "own", "value": 2.0 + i,
             "ci_low": 1.0 + i, "ci_high": 3.5 + i, "count": 3, "n_units": 40, "n_articles": 1,
             "n_reports": 1, "small": i == 0} for i, o in enumerate(outlets)],
            columns=schema.BY_OUTLET_COLUMNS)
    docs = [a["doc_id"] for a in rows]
    pairs = pd.DataFrame(columns=schema.REUSE_PAIR_COLUMNS)
    alignments = pd.DataFrame(columns=schema.ALIGNMENT_COLUMNS)
    if len(docs) >= 2:
        a, b = docs[0], docs[1]
        first_a = rows[0]["text"].split("\n")[0]
        first_b = rows[1]["text"].split("\n")[0]
        pairs = pd.DataFrame([{"doc_a": a, "doc_b": b, "shingle_containment_a": 0.4,
                               "shingle_containment_b": 0.6, "aligned_share_a": 0.3,
                               "aligned_share_b": 0.5, "n_aligned": 1, "relation": "rewrite",
                               "source_doc": a, "derived_doc": b, "evidence": "1 aligned sentence"}],
                             columns=schema.REUSE_PAIR_COLUMNS)
        alignments = pd.DataFrame([{"doc_a": a, "sent_a": 0, "doc_b": b, "sent_b": 0,
                                    "similarity": 0.71, "text_a": first_a, "text_b": first_b}],
                                  columns=schema.ALIGNMENT_COLUMNS)
    groups = pd.DataFrame({"doc_id": docs, "report_id": docs, "is_original": True},
                          columns=schema.REPORT_GROUP_COLUMNS)
    return FakeAnalysis(
        articles=pd.DataFrame(rows, columns=schema.ARTICLE_COLUMNS),
        boilerplate=schema.frame_from_records(boilerplate or [], schema.BOILERPLATE_COLUMNS),
        sentences=schema.frame_from_records(tables["sentences"], schema.SENTENCE_COLUMNS),
        quotes=schema.frame_from_records(tables["quotes"], schema.QUOTE_COLUMNS),
        voices=schema.frame_from_records(tables["voices"], schema.VOICE_COLUMNS),
        spans=spans, features=complete_features(pd.DataFrame(features)),
        reuse=SimpleNamespace(pairs=pairs, alignments=alignments, groups=groups),
        _by_outlet=by_outlet)


def seed_articles(folder: Path) -> list[dict]:
    """The articles of a corpus folder with a manifest.csv, read as plain text."""
    manifest = pd.read_csv(folder / "manifest.csv", dtype=str, keep_default_na=False)
    out = []
    for row in manifest.to_dict("records"):
        text = (folder / row["file"]).read_text(encoding="utf-8").replace("\r\n", "\n")
        out.append({"doc_id": row["doc_id"], "outlet": row["outlet"], "title": row["title"] or None,
                    "date": row["date"], "url": row["url"] or None, "event": row["event"], "text": text})
    return out
