"""BASIL (Fan et al., 2019): do our loaded-word and label hits fall on the spans
that annotators marked as lexical bias, and does our voice agree with their
quote flag?

BASIL gives the same event as told by Fox, NYT and HuffPost, with phrase-level
spans of *lexical* bias (the wording itself is loaded) and *informational* bias
(what is told), each flagged as inside a quote or not.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd

from evaluation import DEFAULT_DATA_DIR, print_rows

DATASET = "BASIL (Fan et al. 2019)"
#: Attribution-verb classes that comment on the speaker or claim (attribution.tsv).
LOADED_ATTRIBUTION = ("concessive", "blame", "emphatic", "manner_loaded")


def load_basil(data_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Articles (one row each, text = sentences joined) and the phrase spans
    with offsets into that text."""
    root = Path(data_dir) / "basil"
    articles, spans = [], []
    for path in sorted((root / "articles").glob("*/*.json")):
        art = json.loads(path.read_text(encoding="utf-8"))
        doc_id = path.stem
        ann_path = root / "annotations" / path.parent.name / f"{doc_id}_ann.json"
        if not ann_path.is_file():
            continue
        paragraphs, sentence_starts, sentences = [], [], []
        offset = 0
        for para in art["body-paragraphs"]:
            parts = []
            for sent in para:
                sentence_starts.append(offset + sum(len(p) + 1 for p in parts))
                sentences.append(sent)
                parts.append(sent)
            joined = " ".join(parts)
            paragraphs.append(joined)
            offset += len(joined) + 1
        text = "\n".join(paragraphs)
        articles.append({"doc_id": doc_id, "outlet": art["source"].lower(), "title": art["title"],
                         "date": art["date"], "event": art["triplet-uuid"], "text": text})
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        for item in ann["phrase-level-annotations"]:
            # Offsets are within one (unnamed) sentence: find the sentence they fit.
            for sent, sent_start in zip(sentences, sentence_starts, strict=True):
                if sent[item["start"]:item["end"]] == item["txt"]:
                    start = sent_start + item["start"]
                    spans.append({"doc_id": doc_id, "start": start, "end": start + len(item["txt"]),
                                  "bias": item["bias"], "quote": item["quote"] == "yes"})
                    break
    return pd.DataFrame(articles), pd.DataFrame(spans)


def _overlaps(a_start, a_end, b_starts, b_ends) -> bool:
    return bool(np.any((b_starts < a_end) & (b_ends > a_start)))


def _per_document_tables(articles: pd.DataFrame) -> SimpleNamespace:
    """The per-article tables of ``framing.analyze`` (no event file), without
    the corpus-level text-reuse stage, which this evaluation does not use."""
    from framing.annotate import build_annotator
    from framing.corpus import load_corpus
    from framing.lexicons import load_lexicons
    from framing.pipeline import run_documents

    corpus = load_corpus(articles)
    tables = run_documents(corpus.articles, build_annotator(load_lexicons(None), ()),
                           boilerplate=corpus.boilerplate)
    return SimpleNamespace(articles=corpus.articles, boilerplate=corpus.boilerplate, **tables)


def gold_to_clean(gold: pd.DataFrame, analysis) -> pd.DataFrame:
    """Gold offsets (into the text we passed in, kept as ``raw_text``) mapped
    into each article's clean text; spans in material cut as boilerplate, or
    whose text no longer matches, are dropped."""
    from framing.boilerplate import raw_to_clean

    texts = dict(zip(analysis.articles["doc_id"], analysis.articles["text"], strict=True))
    raw = dict(zip(analysis.articles["doc_id"], analysis.articles["raw_text"], strict=True))
    parts = []
    for doc_id, g in gold.groupby("doc_id", sort=False):
        bp = analysis.boilerplate[analysis.boilerplate["doc_id"] == doc_id]
        starts, ends = raw_to_clean(bp, g["start"]), raw_to_clean(bp, g["end"])
        kept = [texts[doc_id][s:e] == raw[doc_id][rs:re]
                for s, e, rs, re in zip(starts, ends, g["start"], g["end"], strict=True)]
        parts.append(g.assign(start=starts, end=ends)[kept])
    return pd.concat(parts, ignore_index=True) if parts else gold


def evaluate(data_dir: Path = DEFAULT_DATA_DIR, limit: int | None = None) -> list[dict]:
    """``limit``: evaluate only the first ``limit`` articles by sorted id (a
    fixed, deterministic subset for quick checks)."""
    if not (Path(data_dir) / "basil" / "articles").is_dir():
        return []
    articles, gold = load_basil(data_dir)
    if limit is not None:
        articles = articles.sort_values("doc_id").head(limit)
        gold = gold[gold["doc_id"].isin(articles["doc_id"])]
    analysis = _per_document_tables(articles)
    gold = gold_to_clean(gold, analysis)
    ours = analysis.spans[analysis.spans["layer"].isin(["loaded", "actor_label"])]
    by_doc = {doc: g for doc, g in ours.groupby("doc_id")}
    voices = {doc: g.to_dict("records") for doc, g in analysis.voices.groupby("doc_id")}

    lexical = gold[gold["bias"] == "lex"]
    hit = []
    for row in lexical.itertuples():
        g = by_doc.get(row.doc_id)
        hit.append(g is not None and _overlaps(row.start, row.end, g["start"].to_numpy(), g["end"].to_numpy()))
    hit = np.array(hit, dtype=bool)

    # BASIL also marks slanted speech verbs ("vowed", "admitted") as lexical
    # bias: add our attribution verbs of the loaded classes (lexicon header).
    verbs = analysis.spans[(analysis.spans["layer"] == "attribution")
                           & analysis.spans["category"].isin(LOADED_ATTRIBUTION)]
    with_verbs = {doc: g for doc, g in pd.concat([ours, verbs]).groupby("doc_id")}
    hit_verbs = np.array([
        (g := with_verbs.get(row.doc_id)) is not None
        and _overlaps(row.start, row.end, g["start"].to_numpy(), g["end"].to_numpy())
        for row in lexical.itertuples()], dtype=bool)

    gold_by_doc = {doc: g for doc, g in gold.groupby("doc_id")}
    own_loaded = ours[(ours["layer"] == "loaded") & (ours["voice"] != "quoted")]
    inside = [
        (g := gold_by_doc.get(row.doc_id)) is not None
        and _overlaps(row.start, row.end, g["start"].to_numpy(), g["end"].to_numpy())
        for row in own_loaded.itertuples()
    ]

    from framing.voice import voice_at
    agree, quoted_found = [], []
    for row in gold.itertuples():
        middle = (row.start + row.end) // 2
        voice = voice_at(voices.get(row.doc_id, []), [middle])[0][0]
        agree.append((voice == "quoted") == row.quote)
        if row.quote:
            quoted_found.append(voice == "quoted")

    limits_lex = ("BASIL marks lexical bias only where annotators judged the wording slanted "
                  "toward a target, in or out of quotes; our lexicons mark loaded and label words "
                  "regardless of target, so this is a recall-like coverage figure, not P/R.")
    limits_prec = ("BASIL annotates bias spans selectively (not every loaded word), so hits outside "
                   "annotated spans are not necessarily errors: a lower bound on precision.")
    limits_quote = ("BASIL's quote flag says whether a bias span lies in a quotation, which includes "
                    "partial and indirect quotes; we count 'quoted' only inside quotation marks or "
                    "embedded posts (reported speech is a separate voice).")
    return [
        {"task": "lexical bias spans containing a loaded/label hit", "dataset": DATASET,
         "metric": "coverage", "value": float(hit.mean()) if len(hit) else float("nan"),
         "reference": "no published figure", "n": int(len(hit)), "limits": limits_lex},
        {"task": "lexical bias spans containing a loaded/label hit or loaded attribution verb",
         "dataset": DATASET, "metric": "coverage",
         "value": float(hit_verbs.mean()) if len(hit_verbs) else float("nan"),
         "reference": "no published figure", "n": int(len(hit_verbs)), "limits": limits_lex},
        {"task": "own-voice loaded hits inside an annotated bias span", "dataset": DATASET,
         "metric": "precision (lower bound)", "value": float(np.mean(inside)) if inside else float("nan"),
         "reference": "no published figure", "n": len(inside), "limits": limits_prec},
        {"task": "quote flag vs our voice", "dataset": DATASET, "metric": "accuracy",
         "value": float(np.mean(agree)) if agree else float("nan"),
         "reference": "no published figure", "n": len(agree), "limits": limits_quote},
        {"task": "quote flag vs our voice", "dataset": DATASET, "metric": "recall of quoted spans",
         "value": float(np.mean(quoted_found)) if quoted_found else float("nan"),
         "reference": "no published figure", "n": len(quoted_found), "limits": limits_quote},
    ]


if __name__ == "__main__":
    print_rows(evaluate(), "basil not found")
