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
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"benchmark data not found: {DATA}; nothing to do")
        return 0
    from framing.reuse import detect_reuse

    articles = load_bench(limit=args.limit)
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
