"""Every figure of an analysis, written as PNG and SVG, byte-identical on a re-run.

``write_figures(analysis, "figures/")`` is what ``framing figures`` runs: it
draws each chart of :mod:`framing.plots` from the analysis' tables and saves
it. Nothing else writes the figures folder. Determinism comes from seeded
statistics and jitter, a fixed size and DPI, the Agg renderer, a fixed SVG
hash salt and no dates or software versions in the files' metadata.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib as mpl
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from . import plots
from .events import actor_names as event_actor_names

#: Resolution of the PNGs; the SVGs are resolution-free.
DPI = 150
FORMATS = ("png", "svg")
#: Settings read when a file is written (not when the chart is drawn).
SAVE_RC = {
    "svg.hashsalt": "framing",   # fixed ids inside the SVG instead of random ones
    "svg.fonttype": "none",      # text stays text: small, searchable, editable
    "savefig.facecolor": "white",
}
#: Metadata per format: no date, no software version, so files depend only on the data.
METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
            "pdf": {"CreationDate": None, "Producer": None, "Creator": None}}
#: An actor gets its own label chart when its label mentions reach this number.
MIN_ACTOR_MENTIONS = 5


@dataclass(frozen=True)
class FigureSpec:
    """One figure: its file stem, the question it answers, and how to draw it."""

    name: str
    question: str
    draw: Callable[[], Figure]


def corpus_name(analysis) -> str:
    """A short name for the source note: the folder the articles came from
    when they share one, else "this"."""
    sources = analysis.articles.get("source", pd.Series(dtype=object)).dropna().astype(str)
    parents = {Path(s).parent.name for s in sources if s}
    if len(parents) == 1 and (name := parents.pop()):
        return name
    return "this"


def _note(analysis, *, intervals: str | None, extra: str | None = None) -> str:
    articles = analysis.articles
    events = sorted({str(e) for e in articles["event"].dropna()}) if "event" in articles else []
    event_text = f" Event: {', '.join(events)}." if events else ""
    return plots.source_note(corpus_name(analysis), len(articles),
                             n_outlets=articles["outlet"].nunique(), intervals=intervals,
                             extra=(event_text.strip() + (" " + extra if extra else "")).strip()
                             or None)


def actor_names(analysis) -> dict[str, str]:
    """Actor id → display name, from the analysis' event files."""
    return event_actor_names(getattr(analysis, "events", ()))


def labelled_actors(labels: pd.DataFrame, minimum: int = MIN_ACTOR_MENTIONS) -> list[str]:
    """Actors with at least ``minimum`` label mentions, most mentioned first."""
    if labels.empty:
        return []
    totals = labels.groupby("actor")["count"].sum()
    totals = totals[totals >= minimum]
    return sorted(totals.index, key=lambda a: (-totals[a], a))


def figure_specs(analysis, *, seed: int = 0) -> list[FigureSpec]:
    """Every figure of the analysis, in the order they are written."""
    by_outlet = analysis.by_outlet(seed=seed)
    labels = analysis.labels(seed=seed)
    colours = plots.outlet_colours(sorted(analysis.articles["outlet"].dropna().unique()))
    names = actor_names(analysis)
    boot = "bootstrap over sentences"
    specs = [FigureSpec(
        "framing_profile", "How does each outlet's framing profile differ from the others?",
        lambda: plots.framing_profile_heatmap(by_outlet, note=_note(analysis, intervals=None)))]
    for actor in labelled_actors(labels):
        specs.append(FigureSpec(
            f"labels_{actor}", f"How does each outlet label {names.get(actor, actor)}?",
            lambda actor=actor: plots.actor_label_chart(
                labels, actor, actor_name=names.get(actor), colours=colours,
                note=_note(analysis, intervals="Jeffreys intervals for shares"))))
    specs += [
        FigureSpec("voice_loaded", "Whose loaded words are they: the outlet's or its sources'?",
                   lambda: plots.voice_chart(by_outlet, note=_note(analysis, intervals=boot))),
        FigureSpec("hedging_vs_certainty", "Which outlets hedge and which assert?",
                   lambda: plots.hedge_booster_scatter(
                       by_outlet, colours=colours, note=_note(analysis, intervals=boot))),
        FigureSpec("sentiment_sentences", "How positive or negative are each outlet's sentences?",
                   lambda: plots.sentiment_distribution(
                       analysis.sentence_tone(), value="compound", seed=seed, colours=colours,
                       note=_note(analysis, intervals=None,
                                  extra="Every sentence of the article, whatever its voice."))),
        FigureSpec("actor_tone", "How harsh is the tone when each outlet writes about each actor?",
                   lambda: plots.actor_tone_chart(
                       _tone_of(analysis, labels, seed), actor_names=names,
                       actors=labelled_actors(labels)[:4],
                       note=_note(analysis, intervals="bootstrap over the sentences"))),
        FigureSpec("distinctive_terms", "Which words set each outlet's own voice apart?",
                   lambda: plots.distinctive_terms_chart(
                       analysis.distinctive_terms(own_voice=True), colours=colours,
                       note=_note(analysis, intervals=None,
                                  extra="Own-voice words only (quotations left out)."))),
        FigureSpec("text_reuse", "How many independent reports? Which article derives from which?",
                   lambda: plots.reuse_map(analysis.articles, analysis.reuse.pairs,
                                           analysis.reuse.groups,
                                           note=_note(analysis, intervals=None))),
    ]
    return specs


def _tone_of(analysis, labels: pd.DataFrame, seed: int) -> pd.DataFrame:
    """Per-actor tone for the actors that get a label chart (at most four,
    so the panels stay readable)."""
    tone = analysis.actor_tone_by_outlet(seed=seed)
    keep = labelled_actors(labels)[:4]
    return tone[tone["actor"].isin(keep)] if keep else tone


def save_figure(fig: Figure, path: Path, *, dpi: int = DPI) -> Path:
    """Write ``fig`` to ``path`` (format from the suffix) with the Agg
    renderer, deterministic settings and no date or version in the file."""
    fmt = path.suffix.lstrip(".").lower()
    FigureCanvasAgg(fig)  # the renderer no matter which backend is active
    with mpl.rc_context(SAVE_RC):
        fig.savefig(path, format=fmt, dpi=dpi, metadata=METADATA.get(fmt))
    return path


def write_figures(analysis, outdir, *, progress: Callable[[str], None] | None = None,
                  formats: tuple[str, ...] = FORMATS, dpi: int = DPI,
                  seed: int = 0) -> list[Path]:
    """Draw every figure of ``analysis`` and write it into ``outdir`` in each
    of ``formats``; returns the written paths. Files of earlier runs with the
    same names are replaced, and per-actor label charts of actors this
    analysis does not chart are removed; ``progress`` gets one message per
    figure."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    report = progress or (lambda message: None)
    specs = figure_specs(analysis, seed=seed)
    written: list[Path] = []
    for i, spec in enumerate(specs, start=1):
        report(f"figure {i}/{len(specs)}: {spec.name} ({spec.question})")
        fig = spec.draw()
        for fmt in formats:
            target = out / f"{spec.name}.{fmt}"
            _save_atomic(fig, target, fmt, dpi)
            written.append(target)
    # Per-actor charts of an earlier run whose actor is gone would pass for
    # results of this one: remove them (only files named like ours).
    for fmt in formats:
        for stale in sorted(set(out.glob(f"labels_*.{fmt}")) - set(written)):
            report(f"removing {stale.name}: not a figure of this corpus")
            stale.unlink()
    return written


def _save_atomic(fig: Figure, target: Path, fmt: str, dpi: int) -> None:
    """Write beside the target and rename, so an interrupted run never leaves half a file."""
    partial = target.with_name(f".{target.stem}.partial.{fmt}")
    save_figure(fig, partial, dpi=dpi)
    os.replace(partial, target)
