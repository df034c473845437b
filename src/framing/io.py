"""Writing an analysis to disk: every table as CSV (for people) and Parquet (for code)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .analysis import TABLES


def _table_for_disk(frame: pd.DataFrame) -> pd.DataFrame:
    # Parquet needs one type per column: object columns mixing str and NaN are fine,
    # anything else (lists, dicts) becomes its string form.
    out = frame.copy()
    for name in out.columns:
        if out[name].dtype == object:
            sample = out[name].dropna()
            if len(sample) and not sample.map(lambda v: isinstance(v, str | bool | int | float)).all():
                out[name] = out[name].map(lambda v: v if v is None or isinstance(v, str) else repr(v))
    return out


def save_tables(tables: dict[str, pd.DataFrame], directory: str | Path) -> Path:
    """Write ``name.csv`` and ``name.parquet`` for every table; returns the folder."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        frame = _table_for_disk(frame)
        frame.to_csv(out / f"{name}.csv", index=False)
        frame.to_parquet(out / f"{name}.parquet", index=False)
    return out


def save_analysis(analysis, directory: str | Path) -> Path:
    """Every table of an :class:`~framing.Analysis`, plus the comparison views."""
    tables = {name: getattr(analysis, name) for name in TABLES}
    tables["reuse_pairs"] = analysis.reuse.pairs
    tables["reuse_alignments"] = analysis.reuse.alignments
    tables["reports"] = analysis.reuse.groups
    tables["by_outlet"] = analysis.by_outlet()
    tables["by_outlet_independent"] = analysis.by_outlet(independent=True)
    tables["labels"] = analysis.labels()
    tables["ladder_scores"] = analysis.ladder_scores()
    tables["label_divergence"] = analysis.label_divergence()
    tables["sentence_sentiment"] = analysis.sentence_sentiment()
    tables["actor_tone"] = analysis.actor_tone()
    tables["actor_tone_by_outlet"] = analysis.actor_tone_by_outlet()
    tables["distinctive_terms"] = analysis.distinctive_terms()
    return save_tables(tables, directory)
