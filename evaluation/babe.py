"""Loaded-language score against BABE (Spinde et al., 2021), no training.

``babe/babe_sg2.csv`` (``;``-separated): news sentences from 11 outlets with
the expert-majority ``label_bias`` (Biased / Non-biased) and the words the
experts marked as biased (``biased_words``). For each sentence we run the
``loaded`` layer of our lexicons (no BABE data was used to build or tune it,
see docs/lexicons.md) and compute

- ``score`` = the sum of the intensities (1-3) of its loaded hits;
- ``density`` = ``score`` per 100 words (length-normalised variant).

Figures: ROC AUC of ``score`` and of ``density`` against ``label_bias``; F1
of the rule "Biased when score >= 2" (one moderate or strong word, or two
mild ones) -- a threshold FIXED IN ADVANCE (:data:`THRESHOLD`, written before
any result was seen); the word-level precision of our loaded hits against
the experts' biased words (a hit is right when one of its words is among the
words marked for that sentence) and the share of marked words we hit.

The whole sentence is scored, quotations included: BABE labels the sentence,
whoever speaks in it. Run: ``.venv/bin/python -m evaluation.babe``.
"""

from __future__ import annotations

import ast
import math
from pathlib import Path

from evaluation import DEFAULT_DATA_DIR

DATASET = "BABE SG2 80 % (Spinde et al. 2021)"
#: Fixed before looking at any result: Biased when the intensities sum to 2+.
THRESHOLD = 2.0


def load(path: Path):
    import pandas as pd
    frame = pd.read_csv(path, sep=";")
    frame = frame[frame["label_bias"].isin(["Biased", "Non-biased"])].reset_index(drop=True)
    frame["biased_words"] = frame["biased_words"].map(_word_list)
    return frame


def _word_list(cell) -> list[str]:
    if not isinstance(cell, str) or not cell.strip():
        return []
    try:
        words = ast.literal_eval(cell)
    except (ValueError, SyntaxError):
        return []
    return [str(w).lower() for w in words] if isinstance(words, list | tuple) else []


def score_sentences(texts) -> tuple[list[float], list[float], list[list[str]]]:
    """Intensity sum, density per 100 words, and the hit texts of each sentence."""
    from framing.annotate import build_annotator, lexicon_spans
    from framing.tokens import count_words

    annotator = build_annotator(None, ())
    scores, densities, hits = [], [], []
    for i, text in enumerate(texts):
        record = [{"doc_id": "b", "sent_id": i, "start": 0, "end": len(text), "zone": "body"}]
        spans = [s for s in lexicon_spans(annotator.matcher, "b", text, record, [], [])
                 if s["layer"] == "loaded"]
        total = float(sum(s["score"] for s in spans))
        n_words = count_words(text)
        scores.append(total)
        densities.append(100 * total / n_words if n_words else math.nan)
        hits.append([s["text"].lower() for s in spans])
    return scores, densities, hits


def evaluate(data_dir: Path = DEFAULT_DATA_DIR) -> list[dict]:
    path = Path(data_dir) / "babe" / "babe_sg2.csv"
    if not path.is_file():
        return []
    import numpy as np
    from sklearn.metrics import f1_score, roc_auc_score

    from framing.tokens import WORD_RE

    frame = load(path)
    scores, densities, hits = score_sentences(frame["text"].astype(str))
    y = (frame["label_bias"] == "Biased").to_numpy()
    dens = np.nan_to_num(np.asarray(densities, dtype=float), nan=0.0)
    predicted = np.asarray(scores) >= THRESHOLD
    n_hits = right = marked = marked_hit = 0
    for words, found in zip(frame["biased_words"], hits, strict=True):
        marked_set = set(words)
        hit_words = {w for h in found for w in WORD_RE.findall(h)}
        n_hits += len(found)
        right += sum(any(w in marked_set for w in WORD_RE.findall(h)) for h in found)
        marked += len(marked_set)
        marked_hit += len(marked_set & hit_words)
    limits = ("BABE labels whole sentences (wording and content, quotes included) by expert "
              "majority; our score counts only lexicon words, so bias by omission, topic or "
              "framing without loaded words is invisible to it.")

    def row(task, metric, value, reference, n):
        return {"task": task, "dataset": DATASET, "metric": metric, "value": float(value),
                "reference": reference, "n": int(n), "limits": limits}

    n = len(frame)
    return [
        row("loaded-language score (intensity sum) vs expert bias label", "ROC AUC",
            roc_auc_score(y, scores), "target >= 0.70 (issue 3)", n),
        row("loaded-language density (per 100 words) vs expert bias label", "ROC AUC",
            roc_auc_score(y, dens), "—", n),
        row(f"Biased when intensity sum >= {THRESHOLD:g} (fixed in advance)", "F1 (Biased)",
            f1_score(y, predicted), "feature-based baseline ~0.52; best neural macro-F1 0.804",
            n),
        row("loaded hits among experts' biased words", "precision",
            right / n_hits if n_hits else math.nan, "—", n_hits),
        row("experts' biased words hit by the loaded layer", "recall",
            marked_hit / marked if marked else math.nan, "—", marked),
    ]


def main() -> None:
    rows = evaluate()
    if not rows:
        print("babe/babe_sg2.csv not found; nothing to evaluate")
    for r in rows:
        print(f"{r['task']:<62} {r['metric']:<12} {r['value']:.3f}  (n={r['n']})")


if __name__ == "__main__":
    main()
