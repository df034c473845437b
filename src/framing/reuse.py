"""Text reuse: copies, rewrites and summaries between articles (to implement)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Reuse:
    pairs: pd.DataFrame       # schema.REUSE_PAIR_COLUMNS
    alignments: pd.DataFrame  # schema.ALIGNMENT_COLUMNS
    groups: pd.DataFrame      # schema.REPORT_GROUP_COLUMNS


def detect_reuse(articles, sentences) -> Reuse:
    raise NotImplementedError
