"""The benchmark script runs end to end on a tiny stand-in for news_bench.

Only that it works and reports every figure is tested here; its numbers
belong in docs/performance.md, not in a timed test.
"""

from __future__ import annotations

import gzip
import json
import time
import weakref

from benchmarks.pipeline import main, render, repeated, run, write_subset

SENTENCES = ["Officials said the militants attacked the city.",
             "“We will fight on,” a rebel commander told reporters.",
             "The regime reportedly denied the shocking claims, analysts said."]


def _articles(path, n):
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for i in range(n):
            text = " ".join(SENTENCES[j % 3] for j in range(i, i + 2 + i % 4))
            out.write(json.dumps({"id": f"a{i}", "outlet": f"O{i % 3}", "title": f"Story {i}",
                                  "text": text}) + "\n")
    return path


def test_write_subset_takes_the_first_lines_or_every_kth(tmp_path):
    source = _articles(tmp_path / "all.jsonl.gz", 10)
    first = write_subset(source, 4, tmp_path)
    spread = write_subset(source, 10, tmp_path, every=3)
    with gzip.open(first, "rt") as a, gzip.open(spread, "rt") as b:
        assert [json.loads(line)["id"] for line in a] == ["a0", "a1", "a2", "a3"]
        assert [json.loads(line)["id"] for line in b] == ["a0", "a3", "a6", "a9"]


def test_benchmark_reports_every_figure(tmp_path):
    data = _articles(tmp_path / "bench.jsonl.gz", 24)
    result = run(data, baseline_n=5, sizes=(12, 24), jobs=1, repeat=2, log=lambda line: None)
    rows = result["rows"]
    assert rows[0]["run"].startswith("baseline") and rows[0]["articles"] == 5
    assert [(r["articles"], r["jobs"]) for r in rows[1:]] == [(5, 1), (12, 1), (24, 1)]
    assert all(r["articles_per_s"] > 0 and r["peak_mb"] > 0 for r in rows)
    assert set(result["stages"]) >= {"load", "segment", "quotes", "voice", "annotate"}
    assert len(result["summary"]) == 8
    table = render(result)
    assert "| figure | value | target | met |" in table
    # every 4th of 24 articles: 6 profiled, and the label says so
    assert result["profiled"] == 6 and "Stage profile (one process, 6 articles" in table
    assert "| - | - |" in table  # the 1-job speed-up has no target and is not "met"


def test_missing_data_is_reported_not_an_error(tmp_path, capsys):
    assert main(["--data", str(tmp_path / "absent.jsonl.gz")]) == 0
    assert "not found" in capsys.readouterr().out


def test_repeated_runs_report_the_median_run():
    delays = iter([0.12, 0.0, 0.06])
    alive = []  # the results still referenced when each run starts

    class Result:
        pass

    def call():
        alive.append(sum(1 for ref in refs if ref() is not None))
        delay = next(delays)
        time.sleep(delay)
        result = Result()
        refs.append(weakref.ref(result))
        return result

    refs: list = []
    seconds, _, all_seconds, _ = repeated(3, call)
    assert alive == [0, 0, 0]  # dropped: a kept result would count in the next run's peak memory
    assert len(all_seconds) == 3 and sorted(all_seconds)[1] == seconds
    assert 0.06 <= seconds < 0.12  # the run of median wall time, not the first or the fastest
