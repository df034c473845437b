"""Sentence sentiment against the human ratings of VADER's NYT editorial snippets.

Hutto & Gilbert (2014) had 20 people rate 5,190 sentence-level snippets of New
York Times editorials from -4 to +4; VADER's compound score correlated with
their mean at r = 0.492. We score each snippet with framing's sentence
sentiment (``framing.sentiment.compound``) and report Pearson's r.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from evaluation import DEFAULT_DATA_DIR, print_rows
from framing.sentiment import compound

DATASET = "VADER NYT editorial snippets (Hutto & Gilbert 2014)"
FILE = Path("vader_nyt") / "nytEditorialSnippets_GroundTruth.txt"


def load_snippets(data_dir: Path) -> list[tuple[str, float, str]]:
    """(id, mean human rating, text) per line of the tab-separated file."""
    rows = []
    path = Path(data_dir) / FILE
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t", 2)
        if len(parts) != 3:
            raise ValueError(f"{path}:{number}: expected 'id<TAB>rating<TAB>text'")
        rows.append((parts[0], float(parts[1]), parts[2]))
    return rows


def evaluate(data_dir: Path = DEFAULT_DATA_DIR) -> list[dict]:
    if not (Path(data_dir) / FILE).is_file():
        return []
    rows = load_snippets(data_dir)
    human = np.array([r[1] for r in rows])
    ours = np.array([compound(r[2]) for r in rows])
    keep = ~np.isnan(ours)
    r = float(np.corrcoef(human[keep], ours[keep])[0, 1]) if keep.sum() > 2 else math.nan
    return [{
        "task": "sentence sentiment vs mean human rating", "dataset": DATASET,
        "metric": "Pearson r", "value": r, "reference": "VADER 0.492 (published); one human 0.745",
        "n": int(keep.sum()),
        "limits": ("Ratings are of general sentiment in opinion writing; we use the score to "
                   "compare the tone of news sentences about one event, where topic words "
                   "('killed', 'crisis') dominate VADER's score regardless of framing."),
    }]


if __name__ == "__main__":
    print_rows(evaluate(), "vader_nyt not found")
