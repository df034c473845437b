"""Quotations and voice against the hand annotation of seeds 001 and 004.

The gold (``seeds_annotations/annotations.json``) marks every quotation with
its boundaries (marks included), inner span, kind, speaker and whether it
counts as speech, and gives a voice (own / reported / quoted) to every actor
mention, hedge, booster, attribution verb and emotive word. We load the seeds
with the corpus loader, map the gold's raw-file offsets into the clean text,
run the sentence splitter, quote finder and voice stage, and score:

- quote recall / precision with exact boundaries (start, end, inner start and
  inner end all equal);
- kind accuracy and speaker accuracy over the quotes found (a speaker is right
  when the gold speaker's surname is a word of ours, case-insensitive);
- word voice, quoted vs not, over every word of the clean text (a word is
  quoted when its first character lies inside the inner span of a quote that
  counts as speech — the gold's own rule);
- own / reported / quoted accuracy at the gold items (the voice at each item's
  first character), and recall and precision of ``reported`` on them.

Run: ``.venv/bin/python -m evaluation.seeds_quotes``.
"""

from __future__ import annotations

from pathlib import Path

from evaluation import DEFAULT_DATA_DIR, print_rows
from evaluation._seeds import annotated_seeds

DATASET = "seeds_annotations (ours): seeds 001, 004"
ITEM_LAYERS = ("mentions", "hedges", "boosters", "attribution_verbs", "emotive")


def _stages(article: dict, boilerplate) -> tuple[list, list, list]:
    from framing.quotes import find_quotes_document
    from framing.segment import segment_document
    from framing.voice import voice_segments_document

    doc_id, text = article["doc_id"], article["text"]
    title = article.get("title")
    sentences = segment_document(doc_id, text, title=title if isinstance(title, str) else None)
    embeds = boilerplate[boilerplate["kind"] == "embed_credit"].to_dict("records")
    quotes = find_quotes_document(doc_id, text, embeds=embeds)
    voices = voice_segments_document(doc_id, text, quotes, sentences)
    return sentences, quotes, voices


def _speaker_matches(gold: str | None, ours: str | None) -> bool:
    if not gold:
        return not ours
    if not ours:
        return False
    surname = gold.split()[-1].casefold()
    words = {w.strip(".,’'").casefold() for w in ours.replace("-", " ").split()}
    return surname in words


def collect(data_dir: Path = DEFAULT_DATA_DIR) -> dict | None:
    """Gold and predicted quotes, word voices and item voices, in clean-text
    offsets, per document; None when the gold is absent."""
    seeds = annotated_seeds(data_dir)
    if seeds is None:
        return None
    from framing.boilerplate import raw_to_clean
    from framing.tokens import word_starts
    from framing.voice import voice_at

    out = {}
    for doc_id, doc, article, bp in seeds:

        def to_clean(positions, bp=bp):
            return [int(p) for p in raw_to_clean(bp, positions)]

        text = article["text"]
        sentences, quotes, voices = _stages(article, bp)
        gold_quotes = []
        for q in doc["quotes"]:
            s, e, i_s, i_e = to_clean([q["start"], q["end"], q["inner_start"], q["inner_end"]])
            gold_quotes.append({**q, "start": s, "end": e, "inner_start": i_s, "inner_end": i_e})
        starts = word_starts(text)
        speech = [(q["inner_start"], q["inner_end"]) for q in gold_quotes if q["counts_as_speech"]]
        gold_word = [any(a <= w < b for a, b in speech) for w in starts]
        ours_word = [v == "quoted" for v, _ in voice_at(voices, starts)]
        items = []
        for layer in ITEM_LAYERS:
            for item in doc.get(layer, []):
                pos = to_clean([item["start"]])[0]
                if not (0 <= pos < len(text)) or text[pos:pos + len(item["text"])] != item["text"]:
                    continue  # the item stood in boilerplate
                items.append({"layer": layer, "pos": pos, "gold": item["voice"], "text": item["text"]})
        for item, (voice, _) in zip(items, voice_at(voices, [i["pos"] for i in items]), strict=True):
            item["ours"] = voice
        out[doc_id] = {"text": text, "gold_quotes": gold_quotes, "quotes": quotes,
                       "gold_word": gold_word, "ours_word": ours_word, "items": items,
                       "sentences": sentences, "voices": voices}
    return out


def scores(collected: dict) -> dict:
    """The figures (value, n) from :func:`collect`'s output."""
    key = ("start", "end", "inner_start", "inner_end")
    n_gold = n_pred = n_hit = kind_ok = speaker_ok = n_speaker = 0
    for doc in collected.values():
        ours = {tuple(q[k] for k in key): q for q in doc["quotes"]}
        n_pred += len(ours)
        for g in doc["gold_quotes"]:
            n_gold += 1
            q = ours.get(tuple(g[k] for k in key))
            if q is None:
                continue
            n_hit += 1
            kind_ok += q["kind"] == g["kind"]
            if g["counts_as_speech"]:
                n_speaker += 1
                speaker_ok += _speaker_matches(g.get("speaker"), q["speaker"])
    words = [(g, o) for doc in collected.values() for g, o in zip(doc["gold_word"], doc["ours_word"], strict=True)]
    items = [i for doc in collected.values() for i in doc["items"]]
    tp = sum(g and o for g, o in words)
    fp = sum(o and not g for g, o in words)
    fn = sum(g and not o for g, o in words)
    rep_gold = [i for i in items if i["gold"] == "reported"]
    rep_ours = [i for i in items if i["ours"] == "reported"]

    def ratio(a, b):
        return (a / b if b else float("nan")), b

    return {
        "quote_recall_exact": ratio(n_hit, n_gold),
        "quote_precision_exact": ratio(n_hit, n_pred),
        "quote_kind_accuracy": ratio(kind_ok, n_hit),
        "quote_speaker_accuracy": ratio(speaker_ok, n_speaker),
        "word_quoted_accuracy": ratio(sum(g == o for g, o in words), len(words)),
        "word_quoted_f1": ratio(2 * tp, 2 * tp + fp + fn),
        "item_voice_accuracy": ratio(sum(i["gold"] == i["ours"] for i in items), len(items)),
        "item_reported_recall": ratio(sum(i["ours"] == "reported" for i in rep_gold), len(rep_gold)),
        "item_reported_precision": ratio(sum(i["gold"] == "reported" for i in rep_ours), len(rep_ours)),
    }


_LIMITS = {
    "quote": "Two hand-annotated articles (10 quotes, one annotator); exact boundaries "
             "include the quotation marks. Tiny sample: a figure, not an estimate.",
    "word": "Every word of the two clean texts; the gold rule is ours (first character "
            "inside a speech quote's inner span), so this checks quote boundaries, not "
            "a different notion of quotation.",
    "item": "Voice of the gold's mentions, hedges, boosters, attribution verbs and emotive "
            "words: a sample of words biased towards loaded and attributed wording; "
            "'reported' follows the annotator's reading of attribution scope.",
}
_REFERENCE = {
    "quote_recall_exact": "target 1.0 (issue 2)",
    "quote_precision_exact": "target 1.0 (issue 2)",
    "quote_kind_accuracy": "target 1.0 (issue 2)",
    "quote_speaker_accuracy": "no published figure",
    "word_quoted_accuracy": "target >= 0.95 (issue 2)",
    "word_quoted_f1": "no published figure",
    "item_voice_accuracy": "target >= 0.95 (issue 2)",
    "item_reported_recall": "no published figure",
    "item_reported_precision": "no published figure",
}


def evaluate(data_dir: Path = DEFAULT_DATA_DIR) -> list[dict]:
    collected = collect(data_dir)
    if not collected:
        return []
    figures = []
    for metric, (value, n) in scores(collected).items():
        figures.append({
            "task": "quotations and voice", "dataset": DATASET, "metric": metric,
            "value": float(value), "reference": _REFERENCE[metric], "n": int(n),
            "limits": _LIMITS[metric.split("_")[0]],
        })
    return figures


if __name__ == "__main__":
    print_rows(evaluate(), "seeds_annotations not found")
