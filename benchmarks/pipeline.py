"""Throughput and memory of the whole per-article pipeline on news_bench.

    python -m benchmarks [--baseline-n 500] [--sizes 1250 2500 5000] [--jobs 2] [--repeat 3]

Each framing run is load -> sentences -> quotes -> voices -> all span layers
-> features, from the compressed JSONL file to the feature table (lexicons
and the annotator are built once beforehand, like a notebook session would;
their set-up time is printed apart). The notebook baseline
(``benchmarks.baseline``) and framing run in this same process on the same
first ``--baseline-n`` articles. Peak memory is the proportional set size of
this process and its workers (``benchmarks.memory``).
"""

from __future__ import annotations

import argparse
import gzip
import os
import tempfile
import time
from pathlib import Path

from benchmarks.memory import timed

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / ".." / "shared" / "data" / "news_bench" / "articles.jsonl.gz"
EVENT = REPO / "seeds" / "event.yaml"

#: The issue's targets.
TARGET_SPEEDUP = 10.0
TARGET_RATE = 300.0
TARGET_PEAK_MB = 1500.0
#: ms/article at the largest size over ms/article at the smallest, at most.
TARGET_LINEARITY = 1.25


def write_subset(source: Path, n: int, folder: Path, *, every: int = 1) -> Path:
    """The first ``n`` lines of the benchmark file (``every``: only each
    ``every``-th of them), as its own .jsonl.gz."""
    target = folder / f"articles_{n}_every_{every}.jsonl.gz"
    with gzip.open(source, "rt", encoding="utf-8") as src, \
            gzip.open(target, "wt", encoding="utf-8", compresslevel=1) as out:
        for i, line in enumerate(src):
            if i >= n:
                break
            if i % every == 0:
                out.write(line)
    return target


def build(event: Path | None):
    """Lexicons, the annotator, VADER's lexicon and the syllable tables: the
    one-off set-up a notebook session pays once (timed apart), so the first
    run measured does not carry it."""
    from framing import readability, sentiment
    from framing.analysis import _as_events
    from framing.annotate import build_annotator
    from framing.lexicons import load_lexicons

    lexicons = load_lexicons()
    events = _as_events(event) if event is not None and event.is_file() else ()
    annotator = build_annotator(lexicons, events)
    sentiment.analyzer()
    readability.warm_up()
    return lexicons, annotator


def framing_run(path: Path, annotator, n_jobs: int) -> dict:
    from framing import load_corpus
    from framing.pipeline import run_documents

    corpus = load_corpus(path, n_jobs=n_jobs)
    return run_documents(corpus.articles, annotator, boilerplate=corpus.boilerplate, n_jobs=n_jobs)


def stage_profile(path: Path, annotator) -> tuple[dict[str, float], int]:
    """CPU milliseconds per article for each stage, and the number of
    articles, in one process (CPU time, not wall time, so other load on the
    machine does not inflate it)."""
    from framing import load_corpus
    from framing.features import document_features
    from framing.parallel import CHUNK_SIZE
    from framing.pipeline import collector_paused
    from framing.quotes import find_quotes_document
    from framing.segment import segment_document
    from framing.sentiment import sentence_sentiment_document
    from framing.voice import sentence_voice_shares, voice_segments_document

    start = time.process_time()
    corpus = load_corpus(path, n_jobs=1)
    totals = {"load": time.process_time() - start}
    credits = corpus.boilerplate[corpus.boilerplate["kind"] == "embed_credit"]
    embeds = {doc: g.to_dict("records") for doc, g in credits.groupby("doc_id")}

    def clock(name, func, *args, **kwargs):
        t = time.process_time()
        out = func(*args, **kwargs)
        totals[name] = totals.get(name, 0.0) + time.process_time() - t
        return out

    def one(art):
        doc_id, text = art["doc_id"], art["text"]
        title = art["title"] if isinstance(art["title"], str) else None
        sentences = clock("segment", segment_document, doc_id, text, title=title)
        quotes = clock("quotes", find_quotes_document, doc_id, text, embeds=embeds.get(doc_id))
        voices = clock("voice", voice_segments_document, doc_id, text, quotes, sentences)
        sentences = clock("voice", sentence_voice_shares, sentences, voices, text)
        spans = clock("annotate", annotator.annotate_document, doc_id, text, sentences, quotes,
                      voices, event=None)
        clock("features (all)", document_features, art, sentences, quotes, voices, spans)
        clock("  of which VADER", sentence_sentiment_document, text, sentences)

    records = corpus.articles.to_dict("records")
    for first in range(0, len(records), CHUNK_SIZE):
        with collector_paused():  # per chunk, as in the pipeline's workers
            for art in records[first:first + CHUNK_SIZE]:
                one(art)
    n = len(corpus.articles)
    return {name: 1000 * seconds / n for name, seconds in totals.items()}, n


def _row(name, n, jobs, seconds, cpu, peak, all_seconds=None):
    all_seconds = sorted(all_seconds or [seconds])
    return {"run": name, "articles": n, "jobs": jobs, "seconds": seconds,
            "articles_per_s": n / seconds, "ms_per_article": 1000 * seconds / n,
            "cpu_ms_per_article": 1000 * cpu / n,
            # what the CPU time allows on `jobs` otherwise idle cores
            "cpu_bound_per_s": jobs * n / cpu if cpu else float("nan"),
            "peak_mb": peak / 2**20, "repeats": len(all_seconds),
            "slowest_per_s": n / all_seconds[-1], "fastest_per_s": n / all_seconds[0]}


def repeated(repeat: int, func, *args) -> tuple[float, float, list[float], int]:
    """``timed(func, *args)`` ``repeat`` times: the wall and CPU seconds of
    the run of median wall time, every run's wall seconds and the largest
    peak. The host's speed drifts by tens of percent over minutes, so one
    run says little. Each run's result is dropped before the next, so that
    run's peak memory does not include it."""
    runs = [timed(func, *args)[1:] for _ in range(repeat)]  # (seconds, cpu, peak)
    seconds, cpu, _ = sorted(runs)[(len(runs) - 1) // 2]
    return seconds, cpu, [r[0] for r in runs], max(r[2] for r in runs)


def run(data: Path = DATA, *, baseline_n: int = 500, sizes=(1250, 2500, 5000), jobs: int = 2,
        repeat: int = 3, profile: bool = True, event: Path | None = EVENT, log=print) -> dict:
    from framing.lexicons import load_lexicons

    rows: list[dict] = []
    load_before = os.getloadavg()[0]
    (lexicons, annotator), setup_s, _, _ = timed(build, event)
    log(f"set-up (lexicons, annotator, VADER, syllables; once): {setup_s:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        subset = write_subset(data, baseline_n, Path(tmp))
        # framing first: the baseline leaves large caches behind (textstat's,
        # NLTK's pronunciation lists) that would slow every later collection
        for n_jobs in sorted({1, jobs}):
            seconds, cpu, _, peak = repeated(1, framing_run, subset, annotator, n_jobs)
            rows.append(_row("framing", baseline_n, n_jobs, seconds, cpu, peak))
            log(_format(rows[-1]))
        for n in sizes:
            path = write_subset(data, n, Path(tmp))
            seconds, cpu, all_seconds, peak = repeated(repeat, framing_run, path, annotator, jobs)
            rows.append(_row("framing", n, jobs, seconds, cpu, peak, all_seconds))
            log(_format(rows[-1]))
        # the first articles are shorter than the set's average: profile a
        # sample spread over the largest size instead
        spread = write_subset(data, max(sizes), Path(tmp), every=max(1, max(sizes) // baseline_n))
        stages, profiled = stage_profile(spread, annotator) if profile else ({}, 0)
        # the baseline reads the same file the way a notebook would
        import pandas as pd
        base_articles = pd.read_json(subset, lines=True)
        terms = load_lexicons().entries["term"].tolist()
        from benchmarks.baseline import baseline_features
        _, seconds, cpu, peak = timed(baseline_features, base_articles, terms)
        rows.insert(0, _row(f"baseline ({len(terms)} regexes, textstat, VADER)", baseline_n, 1,
                            seconds, cpu, peak))
        log(_format(rows[0]))
    return {"rows": rows, "setup_s": setup_s, "stages": stages, "profiled": profiled, "jobs": jobs,
            "repeat": repeat,
            "load_average": (load_before, os.getloadavg()[0]),
            "baseline_n": baseline_n, "summary": summarize(rows, jobs, sizes)}


def summarize(rows: list[dict], jobs: int, sizes) -> list[tuple[str, str, str, bool | None]]:
    """(figure, value, target, met) lines; ``met`` is None for a figure without a target."""
    base = rows[0]
    same = {r["jobs"]: r for r in rows[1:] if r["articles"] == base["articles"]}
    scaled = {r["articles"]: r for r in rows if r["run"] == "framing" and r["jobs"] == jobs
              and r["articles"] in sizes}
    largest, smallest = scaled[max(sizes)], scaled[min(sizes)]
    speedup = same[jobs]["articles_per_s"] / base["articles_per_s"]
    cpu_speedup = jobs * base["cpu_ms_per_article"] / same[jobs]["cpu_ms_per_article"]
    linear = largest["ms_per_article"] / smallest["ms_per_article"]
    cpu_linear = largest["cpu_ms_per_article"] / smallest["cpu_ms_per_article"]
    peak = max(r["peak_mb"] for r in rows if r["run"] == "framing")
    return [
        (f"speed-up over the baseline, wall clock ({jobs} jobs, same {base['articles']} articles)",
         f"{speedup:.1f}x", f">= {TARGET_SPEEDUP:.0f}x", speedup >= TARGET_SPEEDUP),
        (f"speed-up over the baseline from CPU time ({jobs} otherwise idle cores)",
         f"{cpu_speedup:.1f}x", f">= {TARGET_SPEEDUP:.0f}x", cpu_speedup >= TARGET_SPEEDUP),
        ("speed-up over the baseline, wall clock, 1 job",
         f"{same[1]['articles_per_s'] / base['articles_per_s']:.1f}x", "-", None),
        (f"articles/s on {largest['articles']} articles, {jobs} jobs, wall clock (median run)",
         f"{largest['articles_per_s']:.0f}", f">= {TARGET_RATE:.0f}",
         largest["articles_per_s"] >= TARGET_RATE),
        (f"articles/s on {largest['articles']} articles from CPU time ({jobs} otherwise idle cores)",
         f"{largest['cpu_bound_per_s']:.0f}", f">= {TARGET_RATE:.0f}",
         largest["cpu_bound_per_s"] >= TARGET_RATE),
        ("peak memory of any framing run (PSS, all processes)", f"{peak:.0f} MB",
         f"< {TARGET_PEAK_MB:.0f} MB", peak < TARGET_PEAK_MB),
        (f"wall ms/article at {largest['articles']} / at {smallest['articles']}", f"{linear:.2f}",
         f"<= {TARGET_LINEARITY} (linear)", linear <= TARGET_LINEARITY),
        (f"CPU ms/article at {largest['articles']} / at {smallest['articles']}", f"{cpu_linear:.2f}",
         f"<= {TARGET_LINEARITY} (linear)", cpu_linear <= TARGET_LINEARITY),
    ]


def _format(r: dict) -> str:
    spread = (f"{r['slowest_per_s']:.0f}-{r['fastest_per_s']:.0f} ({r['repeats']} runs)"
              if r["repeats"] > 1 else "1 run")
    return (f"| {r['run']} | {r['articles']} | {r['jobs']} | {r['seconds']:.1f} | "
            f"{r['articles_per_s']:.1f} | {spread} | {r['ms_per_article']:.2f} | "
            f"{r['cpu_ms_per_article']:.2f} | {r['cpu_bound_per_s']:.0f} | {r['peak_mb']:.0f} |")


def render(result: dict) -> str:
    load = ", ".join(f"{x:.1f}" for x in result["load_average"])
    lines = [f"Machine: {os.cpu_count()} cores, load average before/after the runs {load}. "
             f"Set-up (lexicons, annotator, VADER, syllables; once): {result['setup_s']:.2f} s.", "",
             f"Sized framing runs: the median of {result['repeat']} runs, with the range.", "",
             "| run | articles | jobs | wall s | articles/s | range | wall ms/article | CPU ms/article "
             "| articles/s from CPU time | peak MB |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    lines += [_format(r) for r in result["rows"]]
    lines += ["", "| figure | value | target | met |", "|---|---:|---|---|"]
    lines += [f"| {f} | {v} | {t} | {'-' if ok is None else 'yes' if ok else 'NO'} |"
              for f, v, t, ok in result["summary"]]
    if result["stages"]:
        lines += ["", f"Stage profile (one process, {result['profiled']} articles spread evenly "
                  f"over the first {max(r['articles'] for r in result['rows'])}):", "",
                  "| stage | CPU ms/article |", "|---|---:|"]
        lines += [f"| {name} | {ms:.2f} |" for name, ms in result["stages"].items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Throughput and memory of the framing pipeline on news_bench, against the "
                    "notebook baseline; prints one table with the issue's targets. Exits 1 when a "
                    "target is missed, 0 when all are met or the data is absent.")
    parser.add_argument("--data", type=Path, default=DATA,
                        help="the news_bench JSONL file (default: ../shared/data/news_bench/...)")
    parser.add_argument("--baseline-n", type=int, default=500,
                        help="articles for the baseline comparison and the stage profile (default 500)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1250, 2500, 5000],
                        help="corpus sizes for throughput and linearity (default 1250 2500 5000)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per size; the median is reported (default 3)")
    parser.add_argument("--no-profile", action="store_true", help="skip the per-stage CPU profile")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"benchmark data not found: {args.data} (needs ../shared/data beside the repo)")
        return 0
    result = run(args.data, baseline_n=args.baseline_n, sizes=tuple(args.sizes), jobs=args.jobs,
                 repeat=args.repeat, profile=not args.no_profile, log=lambda s: print(s, flush=True))
    print()
    print(render(result))
    return 0 if all(ok is not False for *_, ok in result["summary"]) else 1
