"""The README's main command, run for real: `make run` on the seeds.

Output goes to temporary folders (OUT=, FIGURES=) so the repository's own
figures/ is written only by a deliberate `make run`. The other README command,
`make test`, is what CI runs.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def make_run(tmp_path_factory):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    out = tmp_path_factory.mktemp("output")
    figures = tmp_path_factory.mktemp("figures")
    done = subprocess.run(["make", "--no-print-directory", "run", f"OUT={out}", f"FIGURES={figures}"],
                          cwd=REPO, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    return out, figures


def test_make_run_writes_every_table(make_run):
    out, _ = make_run
    for name in ("articles", "sentences", "quotes", "voices", "spans", "features",
                 "by_outlet", "labels", "distinctive_terms", "reuse_pairs", "reports"):
        assert (out / f"{name}.csv").is_file(), name
        assert (out / f"{name}.parquet").is_file(), name
    articles = pd.read_parquet(out / "articles.parquet")
    assert sorted(articles["doc_id"]) == ["000", "001", "002", "003", "004"]
    spans = pd.read_parquet(out / "spans.parquet")
    assert set(spans["layer"]) >= {"actor_label", "loaded", "hedge", "booster", "attribution"}
    assert set(spans["voice"]) >= {"own", "quoted"}


def test_make_run_writes_figures_and_report(make_run):
    out, figures = make_run
    assert len(list(figures.glob("*.png"))) >= 7
    assert len(list(figures.glob("*.svg"))) >= 7
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script src=" not in html and "https://" not in html.split("<body", 1)[0]
