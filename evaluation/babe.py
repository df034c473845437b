"""Slant score against BABE (Spinde et al., 2021), no training on BABE.

``babe/babe_sg2.csv`` (``;``-separated): news sentences from 11 outlets with
the expert-majority ``label_bias`` (Biased / Non-biased) and the words the
experts marked as biased (``biased_words``). Nothing from BABE was used to
build or tune our lexicons' entries (see docs/lexicons.md); the
``biased_words`` column is read only to score our hits afterwards.

Each sentence is annotated with the package's own lexicons and ladders (no
event file: label spans are unresolved, ``actor`` NaN) and scored two ways:

- ``loaded score`` (the first definition, kept for comparison): the sum of
  the intensities (1-3) of the sentence's ``loaded`` hits;
- ``slant score`` (the main figure, :func:`slant_weight`): every framing
  choice of the writer that takes a side, on the loaded-intensity scale --
  loaded words (their intensity 1-3), delegitimising actor labels (ladder
  score 0 -> 2: "regime", "terrorists", "illegals", "mob", "dictator"; score
  up to 0.2 -> 1: "jihadists", "warlord", "strongman"), loaded reporting verbs (concessive,
  blame, emphatic, manner-loaded classes: "admitted", "blamed", "insisted",
  "claimed" -> 1) and boosters (certainty markers -> 1). Hedges and neutral
  or cognitive reporting verbs weigh 0. One stretch of text counts once: a
  hit that is in several lexicon layers takes its highest weight, and a
  label that overlaps a weighted lexicon hit ("extremist group" over
  "extremist") adds nothing.

Both are plain sums, not normalised by length; the density per 100 words is
reported as a second figure. The whole sentence is scored, quotations
included: BABE labels the sentence, whoever speaks in it (and the voice of a
lone sentence cut from its article cannot be told reliably anyway).

Figures: ROC AUC of both scores and of the slant density against
``label_bias``; F1 of the rule "Biased when slant score >= 2" (one moderate
signal or two mild ones) -- a threshold FIXED IN ADVANCE (:data:`THRESHOLD`);
the word-level precision of our loaded hits against the experts' biased
words (a hit is right when one of its words is among the words marked for
that sentence) and the share of marked words we hit.

Run: ``.venv/bin/python -m evaluation.babe``.
"""

from __future__ import annotations

import ast
import math
from pathlib import Path

from evaluation import DEFAULT_DATA_DIR, print_rows

DATASET = "BABE SG2 80 % (Spinde et al. 2021)"
#: Fixed before looking at any result: Biased when the score sums to 2+
#: (one moderate signal or two mild ones); the same threshold for the slant
#: score as for the first loaded-only score, written before either was run.
THRESHOLD = 2.0
#: Weights of the slant score, decided before it was first run (see module
#: docstring): attribution classes that evaluate the speaker or the claim,
LOADED_VERB_CLASSES = frozenset({"concessive", "blame", "emphatic", "manner_loaded"})
#: and the ladder scores that make a label delegitimising (weight 2 at the
#: bottom of a ladder, 1 up to 0.2; "militant", "administration" weigh 0).
BOTTOM_LABEL_WEIGHT, LOW_LABEL_WEIGHT, LOW_LABEL_MAX = 2.0, 1.0, 0.2


def slant_weight(span: dict) -> float:
    """Weight of one span in the slant score (0 for spans that take no side)."""
    layer, score = span["layer"], span["score"]
    if layer == "loaded":
        return float(score)
    if layer == "booster":
        return 1.0
    if layer == "attribution":
        return 1.0 if span["category"] in LOADED_VERB_CLASSES else 0.0
    if layer == "actor_label" and isinstance(score, float) and not math.isnan(score):
        if score == 0.0:
            return BOTTOM_LABEL_WEIGHT
        if score <= LOW_LABEL_MAX:
            return LOW_LABEL_WEIGHT
    return 0.0


def slant_score(spans: list[dict]) -> float:
    """Sum of :func:`slant_weight` over a sentence's spans, each stretch of
    text counted once (see module docstring)."""
    lexicon: dict[tuple[int, int], float] = {}
    labels = []
    for span in spans:
        weight = slant_weight(span)
        if weight <= 0:
            continue
        if span["layer"] == "actor_label":
            labels.append((span["start"], span["end"], weight))
        else:
            key = (span["start"], span["end"])
            lexicon[key] = max(lexicon.get(key, 0.0), weight)
    total = sum(lexicon.values())
    for start, end, weight in labels:
        if not any(s < end and start < e for s, e in lexicon):
            total += weight
    return total


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


def score_sentences(texts) -> dict[str, list]:
    """Per sentence: ``loaded`` (intensity sum of loaded hits), ``slant``
    (:func:`slant_score`), ``words`` (word count) and ``hits`` (the texts of
    the loaded hits, lower case)."""
    from framing.annotate import build_annotator
    from framing.tokens import count_words

    annotator = build_annotator(None, ())
    out: dict[str, list] = {"loaded": [], "slant": [], "words": [], "hits": []}
    for i, text in enumerate(texts):
        record = [{"doc_id": "b", "sent_id": i, "start": 0, "end": len(text), "zone": "body"}]
        spans = annotator.annotate_document("b", text, record, [], [])
        loaded = [s for s in spans if s["layer"] == "loaded"]
        out["loaded"].append(float(sum(s["score"] for s in loaded)))
        out["slant"].append(slant_score(spans))
        out["words"].append(count_words(text))
        out["hits"].append([s["text"].lower() for s in loaded])
    return out


def evaluate(data_dir: Path = DEFAULT_DATA_DIR) -> list[dict]:
    path = Path(data_dir) / "babe" / "babe_sg2.csv"
    if not path.is_file():
        return []
    import numpy as np
    from sklearn.metrics import f1_score, roc_auc_score

    from framing.tokens import WORD_RE

    frame = load(path)
    scored = score_sentences(frame["text"].astype(str))
    y = (frame["label_bias"] == "Biased").to_numpy()
    slant = np.asarray(scored["slant"], dtype=float)
    words = np.asarray(scored["words"], dtype=float)
    # a sentence without words has no density; it ranks with the zero scores
    density = np.divide(100 * slant, words, out=np.zeros_like(slant), where=words > 0)
    predicted = slant >= THRESHOLD
    n_hits = right = marked = marked_hit = 0
    for marked_words, found in zip(frame["biased_words"], scored["hits"], strict=True):
        marked_set = set(marked_words)
        hit_words = {w for h in found for w in WORD_RE.findall(h)}
        n_hits += len(found)
        right += sum(any(w in marked_set for w in WORD_RE.findall(h)) for h in found)
        marked += len(marked_set)
        marked_hit += len(marked_set & hit_words)
    limits = ("BABE labels whole sentences (wording and content, quotes included) by expert "
              "majority; our score counts only lexicon and ladder words, so bias by omission, "
              "topic or framing without such words is invisible to it.")

    def row(task, metric, value, reference, n):
        return {"task": task, "dataset": DATASET, "metric": metric, "value": float(value),
                "reference": reference, "n": int(n), "limits": limits}

    n = len(frame)
    return [
        row("slant score (loaded + labels + loaded verbs + boosters) vs expert bias label",
            "ROC AUC", roc_auc_score(y, slant), "target >= 0.70 (issue 3)", n),
        row("slant score per 100 words vs expert bias label", "ROC AUC",
            roc_auc_score(y, density), "—", n),
        row("loaded-language score (intensity sum only) vs expert bias label", "ROC AUC",
            roc_auc_score(y, scored["loaded"]), "—", n),
        row(f"Biased when slant score >= {THRESHOLD:g} (fixed in advance)", "F1 (Biased)",
            f1_score(y, predicted), "feature-based baseline ~0.52; best neural macro-F1 0.804",
            n),
        row("loaded hits among experts' biased words", "precision",
            right / n_hits if n_hits else math.nan, "—", n_hits),
        row("experts' biased words hit by the loaded layer", "recall",
            marked_hit / marked if marked else math.nan, "—", marked),
    ]


def main() -> None:
    print_rows(evaluate(), "babe/babe_sg2.csv not found")


if __name__ == "__main__":
    main()
