"""The hand-annotated seed articles (001, 004), loaded once for every seed evaluation.

The gold offsets point into the raw seed files; each article comes with its
boilerplate rows so an evaluation can map them into the clean text
(``framing.boilerplate.raw_to_clean``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
DOCS = ("001", "004")


def annotated_seeds(data_dir: Path) -> list[tuple[str, dict, dict, object]] | None:
    """(doc_id, gold doc, article row as a dict, boilerplate rows) for each
    annotated seed; None when the annotations are absent. A seed file that
    differs from the annotated version is an error: its offsets no longer apply."""
    path = Path(data_dir) / "seeds_annotations" / "annotations.json"
    if not path.is_file():
        return None
    from framing import load_corpus

    gold = json.loads(path.read_text(encoding="utf-8"))
    corpus = load_corpus(SEEDS)
    out = []
    for doc_id in DOCS:
        doc = gold["docs"].get(doc_id)
        rows = corpus.articles[corpus.articles["doc_id"] == doc_id]
        if doc is None or rows.empty:
            continue
        article = rows.iloc[0].to_dict()
        if hashlib.sha256(article["raw_text"].encode("utf-8")).hexdigest() != doc.get("sha256"):
            raise ValueError(f"seeds/{doc['file']} differs from the annotated version (sha256); "
                             "the gold offsets no longer apply")
        out.append((doc_id, doc, article, corpus.boilerplate[corpus.boilerplate["doc_id"] == doc_id]))
    return out
