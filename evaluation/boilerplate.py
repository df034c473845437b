"""Boilerplate removal against the hand annotation of seeds 001 and 004: are
exactly the annotated non-article items moved out, and does the clean text
hold exactly the annotated article words?"""

from __future__ import annotations

import json
from pathlib import Path

from evaluation import DEFAULT_DATA_DIR

DATASET = "seeds_annotations (ours)"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _stripped_span(text: str, start: int) -> tuple[int, int]:
    lead = len(text) - len(text.lstrip())
    return start + lead, start + len(text.rstrip())


def evaluate(data_dir: Path = DEFAULT_DATA_DIR) -> list[dict]:
    path = Path(data_dir) / "seeds_annotations" / "annotations.json"
    if not path.is_file():
        return []
    from framing import load_corpus
    from framing.tokens import count_words

    gold = json.loads(path.read_text(encoding="utf-8"))["docs"]
    corpus = load_corpus(SEEDS)
    articles = corpus.articles.set_index("doc_id")
    found, expected, word_errors, words = set(), set(), [], 0
    for doc_id, doc in gold.items():
        if doc_id not in articles.index:
            continue
        bp = corpus.boilerplate[corpus.boilerplate["doc_id"] == doc_id]
        found |= {(doc_id, *_stripped_span(t, s)) for t, s in zip(bp["text"], bp["raw_start"],
                                                                   strict=True)}
        expected |= {(doc_id, b["start"], b["end"]) for b in doc["boilerplate"]}
        ours = count_words(articles.loc[doc_id, "text"])
        word_errors.append(abs(ours - doc["stats"]["words_content"]))
        words += doc["stats"]["words_content"]
    if not expected:
        return []
    hits = len(found & expected)
    limits = ("Two hand-annotated articles with three boilerplate items (navigation, share "
              "prompt, embed credit); items count as found when the cut, without its line "
              "breaks, has exactly the annotated offsets. Far too few to estimate error rates "
              "on other sites.")
    return [
        {"task": "boilerplate removal", "dataset": DATASET, "metric": "precision (exact span)",
         "value": hits / len(found) if found else float("nan"), "reference": "target 1.0",
         "n": len(found), "limits": limits},
        {"task": "boilerplate removal", "dataset": DATASET, "metric": "recall (exact span)",
         "value": hits / len(expected), "reference": "target 1.0", "n": len(expected),
         "limits": limits},
        {"task": "boilerplate removal", "dataset": DATASET,
         "metric": "article words missed or added (share of annotated content words)",
         "value": sum(word_errors) / words, "reference": "target 0",
         "n": words, "limits": "Word counts use the shared tokenizer on the clean text against the "
                               "annotation's content-word count; equal counts do not prove equal words."},
    ]
