"""Speed of text-reuse detection on the 5,000-article benchmark corpus.

    python -m benchmarks.reuse [--limit N]

Reads ../shared/data/news_bench/articles.jsonl.gz (relative to the repo),
splits sentences with the toolkit's fallback splitter (lines and
punctuation; the sentence table is not needed to find reuse), runs
``detect_reuse`` and prints the time, the candidate pairs compared and the
relations found. Exits quietly when the data folder is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news_bench" / "articles.jsonl.gz"


def load_bench(path: Path = DATA, limit: int | None = None) -> pd.DataFrame:
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            rows.append({"doc_id": rec["id"], "outlet": rec.get("outlet"), "title": rec.get("title"),
                         "date": rec.get("date"), "event": rec.get("topic"),
                         "text": rec.get("text") or ""})
            if limit and len(rows) >= limit:
                break
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--inject", type=int, default=0,
                        help="add N made-up copies and N made-up condensed rewrites of "
                             "random articles and report how many are found (recall)")
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"benchmark data not found: {DATA}; nothing to do")
        return 0
    from framing.reuse import detect_reuse

    articles = load_bench(limit=args.limit)
    injected = inject_derivatives(articles, args.inject) if args.inject else []
    if injected:
        articles = pd.concat([articles, pd.DataFrame([r for r, _, _ in injected])],
                             ignore_index=True)
    words = articles["text"].str.split().str.len().sum()
    t0 = time.perf_counter()
    found = detect_reuse(articles, None)
    seconds = time.perf_counter() - t0
    relations = found.pairs["relation"].value_counts().to_dict()
    n_reports = found.groups["report_id"].nunique()
    print(f"reuse detection: {len(articles)} articles, {words:,} words, {seconds:.1f} s "
          f"({len(articles) / seconds:.0f} articles/s)")
    print(f"pairs with evidence: {len(found.pairs)}; relations: {relations}; "
          f"aligned sentence pairs: {len(found.alignments)}; independent reports: {n_reports}")
    if injected:
        pairs = found.pairs
        linked = {frozenset(p) for p in zip(pairs["doc_a"], pairs["doc_b"], strict=True)}
        linked_rel = dict(zip(map(frozenset, zip(pairs["doc_a"], pairs["doc_b"], strict=True)),
                              pairs["relation"], strict=True))
        for kind in ("copy", "condensed"):
            todo = [(r["doc_id"], src) for r, src, k in injected if k == kind]
            hits = [linked_rel.get(frozenset(p)) in ("copy", "rewrite", "summary")
                    for p in todo if frozenset(p) in linked]
            print(f"injected {kind}: {sum(hits)} of {len(todo)} found and linked")
    return 0


def inject_derivatives(articles: pd.DataFrame, n: int, seed: int = 7) -> list:
    """Made-up derived articles: ``copy`` = same text under a new headline
    line; ``condensed`` = every other sentence, each cut to its first
    three quarters, in shuffled order. Returns (record, source id, kind)."""
    import random
    import re

    rnd = random.Random(seed)
    pool = articles[articles["text"].str.len() > 2000]
    picks = pool.sample(n=min(2 * n, len(pool)), random_state=seed)
    out = []
    for k, row in enumerate(picks.itertuples()):
        if k < n:
            text, kind = "Breaking: a new headline for this story\n" + row.text, "copy"
        else:
            sents = [s for s in re.split(r"(?<=[.!?])\s+", row.text) if len(s.split()) > 8]
            kept = sents[::2]
            rnd.shuffle(kept)
            cut = [" ".join(s.split()[: max(6, int(len(s.split()) * 0.75))]) + "." for s in kept]
            text, kind = " ".join(cut), "condensed"
        rec = {"doc_id": f"injected-{k}", "outlet": "Injected", "title": None,
               "date": None, "event": row.event, "text": text}
        out.append((rec, row.doc_id, kind))
    return out


if __name__ == "__main__":
    sys.exit(main())
