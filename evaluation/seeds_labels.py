"""Actor labels against the hand annotation of seeds 001 and 004.

The gold (``seeds_annotations/annotations.json``) marks every mention of HTS
(side ``hts``) and of Assad's government (side ``assad``) with its label
class, voice and whether it is ``core``, plus distractors (labels that do not
refer to either). We run the corpus loader, sentence splitter, quote finder,
voice and the ``actor_label`` annotator with the seed event file, map gold raw
offsets into the clean text, and score:

- recall per side: core gold mentions overlapped by one of our spans resolved
  to that side's actor;
- precision per side: our spans for that side's actor that overlap a core gold
  mention of that side, among our spans that do not overlap a non-core gold
  mention of that side (leader names, metonyms, glosses: mentions the gold
  keeps out of the label counts, so neither right nor wrong here);
- label-class and voice accuracy over the core mentions found (the
  overlapping span with the largest overlap), classes mapped by
  :data:`GOLD_CLASS`;
- distractor false positives: our spans for either side overlapping a
  distractor.

Run: ``.venv/bin/python -m evaluation.seeds_labels``.
"""

from __future__ import annotations

import inspect
import math
from pathlib import Path

from evaluation import DEFAULT_DATA_DIR, print_rows
from evaluation._seeds import SEEDS, annotated_seeds

DATASET = "seeds_annotations (ours): seeds 001, 004"
#: Our seed event's actor ids -> the gold's sides.
SIDE_OF_ACTOR = {"hts": "hts", "assad_government": "assad"}
#: Our label classes -> the gold's label classes (identity where not listed).
#: jihadist, extremist, militia, revolutionary, authorities have no gold
#: counterpart and would count as wrong.
GOLD_CLASS = {"al_qaeda_link": "al-qaeda_link"}


def _stage_tables(article: dict, boilerplate) -> tuple[list, list, list, bool]:
    """Sentences, quotes, voice segments of one article; ``voiced`` is False
    when the voice stage is not available (then every word counts as own)."""
    from framing.quotes import find_quotes_document
    from framing.segment import segment_document
    from framing.voice import voice_segments_document

    doc_id, text = article["doc_id"], article["text"]
    title = article.get("title")
    sentences = segment_document(doc_id, text, title=title if isinstance(title, str) else None)
    try:
        kwargs = {}
        if "embeds" in inspect.signature(find_quotes_document).parameters:
            credits = boilerplate[boilerplate["kind"] == "embed_credit"]
            kwargs["embeds"] = credits.to_dict("records")
        quotes = find_quotes_document(doc_id, text, **kwargs)
        voices = voice_segments_document(doc_id, text, quotes, sentences)
        return sentences, quotes, voices, True
    except NotImplementedError:
        return sentences, [], [], False


def collect(data_dir: Path = DEFAULT_DATA_DIR) -> dict | None:
    """Gold items and our spans in clean-text offsets, per document."""
    seeds = annotated_seeds(data_dir)
    if seeds is None or not (SEEDS / "event.yaml").is_file():
        return None
    from framing.actors import ActorAnnotator
    from framing.boilerplate import raw_to_clean
    from framing.events import load_event

    annotator = ActorAnnotator([load_event(SEEDS / "event.yaml")])
    out = {"docs": {}, "voiced": True}
    for doc_id, doc, article, bp in seeds:
        sentences, quotes, voices, voiced = _stage_tables(article, bp)
        out["voiced"] &= voiced
        spans = annotator.annotate_document(doc_id, article["text"], sentences, quotes, voices,
                                            event=article.get("event"))

        def to_clean(items, bp=bp):
            if not items:
                return []
            starts = raw_to_clean(bp, [i["start"] for i in items])
            ends = raw_to_clean(bp, [i["end"] for i in items])
            return [dict(i, start=int(s), end=int(e)) for i, s, e in zip(items, starts, ends, strict=True)]

        out["docs"][doc_id] = {"text": article["text"], "spans": spans,
                               "mentions": to_clean(doc["mentions"]),
                               "distractors": to_clean(doc["distractors"])}
    return out if out["docs"] else None


def _overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def score(collected: dict) -> dict:
    """Counts behind every figure (see the module docstring)."""
    res = {side: {"gold": 0, "found": 0, "ours": 0, "correct": 0} for side in ("hts", "assad")}
    res.update(class_n=0, class_ok=0, voice_ok=0, exact=0, distractor_fp=0, distractors=0,
               misses=[], false=[])
    for doc_id, doc in collected["docs"].items():
        ours = [s for s in doc["spans"] if SIDE_OF_ACTOR.get(s["actor"]) is not None]
        core = [m for m in doc["mentions"] if m["core"]]
        other = [m for m in doc["mentions"] if not m["core"]]
        for m in core:
            side = res[m["side"]]
            side["gold"] += 1
            hits = [s for s in ours if SIDE_OF_ACTOR[s["actor"]] == m["side"] and _overlap(s, m)]
            if not hits:
                res["misses"].append((doc_id, m["text"], m["label_class"]))
                continue
            side["found"] += 1
            best = max(hits, key=lambda s, m=m: _overlap(s, m))
            res["class_n"] += 1
            res["class_ok"] += GOLD_CLASS.get(best["category"], best["category"]) == m["label_class"]
            res["voice_ok"] += best["voice"] == m["voice"]
            res["exact"] += (best["start"], best["end"]) == (m["start"], m["end"])
        for s in ours:
            side = SIDE_OF_ACTOR[s["actor"]]
            if any(m["side"] == side and _overlap(s, m) for m in other) \
                    and not any(m["side"] == side and _overlap(s, m) for m in core):
                continue
            res[side]["ours"] += 1
            if any(m["side"] == side and _overlap(s, m) for m in core):
                res[side]["correct"] += 1
            else:
                res["false"].append((doc_id, s["text"], s["actor"]))
        for d in doc["distractors"]:
            res["distractors"] += 1
            res["distractor_fp"] += any(_overlap(s, d) for s in ours)
    return res


def evaluate(data_dir: Path = DEFAULT_DATA_DIR) -> list[dict]:
    collected = collect(data_dir)
    if collected is None:
        return []
    res = score(collected)
    limits = ("Two articles annotated by us; a mention is found when one of our spans for the "
              "same side overlaps it (spans need not be identical). Generic back-references "
              "without a determiner ('allied forces') and leader names or metonyms are outside "
              "what the ladders count.")

    def figure(task, metric, num, den, reference):
        return {"task": task, "dataset": DATASET, "metric": metric,
                "value": num / den if den else math.nan, "reference": reference,
                "n": int(den), "limits": limits}

    out = []
    names = {"hts": "HTS", "assad": "Assad's government"}
    for side, name in names.items():
        r = res[side]
        out.append(figure(f"actor mentions of {name} (core)", "precision", r["correct"], r["ours"],
                          "target >= 0.9 (issue 3)"))
        out.append(figure(f"actor mentions of {name} (core)", "recall", r["found"], r["gold"],
                          "target >= 0.9 (issue 3)"))
    out.append(figure("label class of core mentions found", "accuracy", res["class_ok"],
                      res["class_n"], "target >= 0.9 (issue 3)"))
    if collected["voiced"]:
        out.append(figure("voice of core mentions found", "accuracy", res["voice_ok"],
                          res["class_n"], "target >= 0.9 (issue 3)"))
    out.append(figure("core mentions found with the exact gold span", "share", res["exact"],
                      res["class_n"], "— (spans are scored by overlap)"))
    out.append({"task": "distractors assigned to HTS or Assad's government", "dataset": DATASET,
                "metric": "count", "value": float(res["distractor_fp"]),
                "reference": "target 0 (issue 3)", "n": res["distractors"], "limits": limits})
    return out


def main() -> None:
    collected = collect()
    if collected is None:
        print("seeds_annotations not found; nothing to evaluate")
        return
    print_rows(evaluate())
    res = score(collected)
    for doc_id, text, cls in res["misses"]:
        print(f"missed  {doc_id}: {text!r} ({cls})")
    for doc_id, text, actor in res["false"]:
        print(f"false   {doc_id}: {text!r} -> {actor}")
    if not collected["voiced"]:
        print("(voice stage not available: voice accuracy not scored)")


if __name__ == "__main__":
    main()
