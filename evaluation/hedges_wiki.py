"""Hedges against the Wikipedia uncertainty cues of Szarvas et al. (2012).

``hedges/wiki.xml`` is the CoNLL-2010 Wikipedia data re-annotated with
uncertainty cues (``<ccue type=...>``: epistemic/probable, doxastic,
conditional, investigation). Each sentence is one item: it "has an
uncertainty cue" when the gold marks at least one. We run our ``hedge``
layer (lexicon + context rules, no training on this data) on every sentence
on its own and predict "uncertain" when it finds at least one hedge.

Figures: sentence-level precision, recall and F1 (the CoNLL-2010 task 1
measure, positive class "uncertain"), and cue-level recall and precision
(a gold cue is found when one of our hedge spans overlaps it; one of our
spans is right when it overlaps a gold cue).

The gold's uncertainty is broader than our hedges: conditionals ("if") and
investigation cues ("whether", "examine") are uncertainty there but not
epistemic hedges here, and Wikipedia weasel words ("some", "many", "often")
are approximators that we do not count; so recall is capped below 1 by
design. Run: ``.venv/bin/python -m evaluation.hedges_wiki``.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

from evaluation import DEFAULT_DATA_DIR, print_rows

DATASET = "hedges/wiki.xml (Szarvas et al. 2012, Wikipedia)"


def read_sentences(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """(text, [(start, end, cue type)]) of every sentence, cue offsets into text."""
    out = []
    for sentence in ET.parse(path).getroot().iter("Sentence"):
        parts: list[str] = [sentence.text or ""]
        cues = []
        pos = len(parts[0])
        for child in sentence.iter():
            if child is sentence:
                continue
            inner = child.text or ""
            if child.tag == "ccue":
                cues.append((pos, pos + len(inner), (child.get("type") or "").strip()))
            parts.append(inner)
            pos += len(inner)
            tail = child.tail or ""
            parts.append(tail)
            pos += len(tail)
        out.append(("".join(parts), cues))
    return out


def predict(sentences: list[str], layers=("hedge",)) -> list[list[tuple[int, int]]]:
    """Our hedge spans (start, end) in each sentence, each sentence on its own."""
    from framing.annotate import build_annotator, lexicon_spans

    annotator = build_annotator(None, ())
    out = []
    for i, text in enumerate(sentences):
        record = [{"doc_id": "w", "sent_id": i, "start": 0, "end": len(text), "zone": "body"}]
        spans = lexicon_spans(annotator.matcher, "w", text, record, [], [])
        out.append([(s["start"], s["end"]) for s in spans if s["layer"] in layers])
    return out


def score(gold, predicted) -> dict:
    tp = fp = fn = 0
    cue_gold = cue_found = cue_ours = cue_right = 0
    for (_, cues), spans in zip(gold, predicted, strict=True):
        has_gold, has_ours = bool(cues), bool(spans)
        tp += has_gold and has_ours
        fp += has_ours and not has_gold
        fn += has_gold and not has_ours
        cue_gold += len(cues)
        cue_found += sum(any(s < ce and cs < e for s, e in spans) for cs, ce, _ in cues)
        cue_ours += len(spans)
        cue_right += sum(any(s < ce and cs < e for cs, ce, _ in cues) for s, e in spans)
    p = tp / (tp + fp) if tp + fp else math.nan
    r = tp / (tp + fn) if tp + fn else math.nan
    f1 = 2 * p * r / (p + r) if p + r else math.nan
    return {"precision": p, "recall": r, "f1": f1, "n": len(gold), "positives": tp + fn,
            "cue_recall": cue_found / cue_gold if cue_gold else math.nan,
            "cue_precision": cue_right / cue_ours if cue_ours else math.nan,
            "cues": cue_gold, "ours": cue_ours}


def evaluate(data_dir: Path = DEFAULT_DATA_DIR) -> list[dict]:
    path = Path(data_dir) / "hedges" / "wiki.xml"
    if not path.is_file():
        return []
    gold = read_sentences(path)
    res = score(gold, predict([text for text, _ in gold]))
    limits = ("Gold 'uncertainty' includes conditionals and investigation cues and weasel "
              "quantifiers that are not epistemic hedges for us; our lexicon was written for "
              "news, not tuned on this data.")
    task = "sentence has an uncertainty cue (hedge layer)"

    def row(task, metric, value, reference, n):
        return {"task": task, "dataset": DATASET, "metric": metric, "value": float(value),
                "reference": reference, "n": int(n), "limits": limits}

    return [
        row(task, "F1", res["f1"], "target >= 0.60 (issue 3); word-list baseline ~0.56; "
            "best CoNLL-2010 systems ~0.60", res["n"]),
        row(task, "precision", res["precision"], "—", res["n"]),
        row(task, "recall", res["recall"], "—", res["n"]),
        row("uncertainty cues found (hedge layer)", "recall", res["cue_recall"], "—", res["cues"]),
        row("hedge spans on an uncertainty cue", "precision", res["cue_precision"], "—",
            res["ours"]),
    ]


def main() -> None:
    print_rows(evaluate(), "hedges/wiki.xml not found")


if __name__ == "__main__":
    main()
