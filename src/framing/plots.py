"""Charts of the comparison tables (matplotlib, any backend, Agg-safe).

Every function takes tables (the contracts in :mod:`framing.schema`) and an
optional ``ax``, draws, and returns the :class:`~matplotlib.figure.Figure`.
None reads or writes files: :mod:`framing.figures` saves them.

Conventions shared by every chart:

- colours from the Okabe–Ito palette (safe for the common colour-vision
  deficiencies); the same outlet keeps the same colour in every chart;
- the title asks the question the chart answers; the axis labels say the unit;
- estimates resting on too few hits (``small``) are drawn hatched and faded,
  and the legend says so;
- ``note`` (see :func:`source_note`) is printed small under the chart.

Figures are built with :class:`matplotlib.figure.Figure`, not ``pyplot``, so
they never touch global state and a notebook shows each one exactly once.
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Callable, Sequence

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

#: Okabe & Ito (2008), reordered so the first colours are the most distinct
#: on white (the yellow comes last).
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
             "#000000", "#F0E442")
VOICE_COLOURS = {"own": "#0072B2", "reported": "#56B4E9", "quoted": "#E69F00"}
VOICE_NAMES = {"own": "own voice", "reported": "reported (attributed)", "quoted": "quoted"}
GREY = "#777777"
SMALL_HATCH = "////"
SMALL_ALPHA = 0.35

#: Style every chart is drawn in (applied while its artists are created).
STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 10.5,
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "hatch.color": "#444444",
    "hatch.linewidth": 0.6,
}


def _styled(func: Callable) -> Callable:
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with mpl.rc_context(STYLE):
            return func(*args, **kwargs)
    return wrapper


# -- shared helpers --------------------------------------------------------------

def outlet_colours(outlets: Sequence[str]) -> dict[str, str]:
    """A fixed colour per outlet, in the order given (sorted by callers so the
    same corpus always gets the same colours)."""
    return {name: OKABE_ITO[i % len(OKABE_ITO)] for i, name in enumerate(outlets)}


def source_note(corpus: str, n_articles: int, *, n_outlets: int | None = None,
                intervals: str | None = "bootstrap over sentences",
                extra: str | None = None) -> str:
    """The line printed under a chart: where the numbers come from."""
    parts = [f"Source: {corpus} corpus, {n_articles} article{'s' if n_articles != 1 else ''}"
             + (f" from {n_outlets} outlet{'s' if n_outlets != 1 else ''}" if n_outlets else "")
             + "."]
    if intervals:
        parts.append(f"Bars/whiskers: 95 % intervals ({intervals}).")
    if extra:
        parts.append(extra)
    return " ".join(parts)


def _figure(ax: Axes | None, figsize: tuple[float, float], nrows: int = 1, ncols: int = 1,
            **subplot_kw) -> tuple[Figure, np.ndarray]:
    """A new constrained-layout figure with a grid of axes, or the caller's ax."""
    if ax is not None:
        return ax.figure, np.array([[ax]])
    fig = Figure(figsize=figsize, layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False, **subplot_kw)
    return fig, axes


def _wrap(text: str, width: int) -> str:
    return "\n".join("\n".join(textwrap.wrap(part, max(width, 30))) for part in text.split("\n"))


def _titles(fig: Figure, ax: Axes, own_figure: bool, title: str, subtitle: str | None,
            note: str | None, explain: str | None = None) -> None:
    """The question as the figure title, what is measured as a subtitle over
    the (first) axes, and under the chart how to read it (``explain``) and
    where the numbers come from (``note``). On a caller's ``ax`` only a short
    title is set: the rest of the figure is the caller's."""
    if not own_figure:
        ax.set_title(_wrap(title, 70), pad=8)
        return
    width_in = fig.get_figwidth()
    fig.suptitle(_wrap(title, int(width_in * 8.3)), x=0.01, ha="left", fontsize=13,
                 fontweight="bold")
    if subtitle:
        ax.set_title(_wrap(subtitle, int((width_in - 2.6) * 11.5)), color="#333333", pad=8)
    bottom = "\n".join(_wrap(part, int(width_in * 13.5)) for part in (explain, note) if part)
    if bottom:
        fig.supxlabel(bottom, x=0.01, ha="left", fontsize=8, color="#444444",
                      linespacing=1.4)


def _empty(ax: Axes, message: str) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, "\n".join(textwrap.wrap(message, 60)), ha="center", va="center",
            transform=ax.transAxes, color=GREY, fontsize=11)


def _yerr(frame: pd.DataFrame, value: str = "value") -> np.ndarray:
    """Asymmetric error lengths from ci_low/ci_high (0 where the interval is NaN)."""
    v = frame[value].to_numpy(float)
    lo = np.where(np.isnan(frame["ci_low"].to_numpy(float)), v, frame["ci_low"].to_numpy(float))
    hi = np.where(np.isnan(frame["ci_high"].to_numpy(float)), v, frame["ci_high"].to_numpy(float))
    return np.vstack([np.clip(v - lo, 0, None), np.clip(hi - v, 0, None)])


def _is_small(frame: pd.DataFrame) -> np.ndarray:
    if "small" not in frame:
        return np.zeros(len(frame), dtype=bool)
    return frame["small"].fillna(False).astype(bool).to_numpy()


def _small_patch(label: str = "few hits: read with care") -> Patch:
    return Patch(facecolor="white", edgecolor="#444444", hatch=SMALL_HATCH, label=label)


def _require(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what}: the table lacks the column(s) {missing}; "
                         f"pass the table produced by the matching Analysis method")


def _rows(by_outlet: pd.DataFrame, measure: str, voice: str | None) -> pd.DataFrame:
    rows = by_outlet[by_outlet["measure"] == measure]
    if voice is not None:
        rows = rows[rows["voice"] == voice]
    return rows


# -- 1. actor labels ----------------------------------------------------------------

@_styled
def actor_label_chart(labels: pd.DataFrame, actor: str, *, actor_name: str | None = None,
                      voices: Sequence[str] = ("own", "reported", "quoted"),
                      min_mentions: int = 5, colours: dict[str, str] | None = None,
                      ax: Axes | None = None, note: str | None = None) -> Figure:
    """Share of each label class an outlet uses for ``actor``, classes ordered
    along the actor's ladder (delegitimising → legitimising), with 95 %
    intervals; one panel per voice. ``labels`` follows
    ``schema.LABEL_MATRIX_COLUMNS``. An outlet with fewer than ``min_mentions``
    mentions in a voice is drawn hatched and faded; voices without any
    mention get no panel."""
    _require(labels, ["outlet", "actor", "voice", "label_class", "rank", "count", "share",
                      "ci_low", "ci_high"], "actor_label_chart")
    name = actor_name or actor
    rows = labels[labels["actor"] == actor]
    present = [v for v in voices if v in set(rows["voice"])] or list(voices[:1])
    voices = present[:1] if ax is not None else present
    n_classes = rows["label_class"].nunique()
    fig, axes = _figure(ax, (max(11.0, 0.75 * n_classes + 5.0), 3.4 + 2.6 * len(voices)),
                        nrows=len(voices), sharex=True)
    own_figure = ax is None
    title = f"How does each outlet label {name}? Share of its mentions by label and voice"
    if rows.empty:
        _empty(axes[0, 0], f"No labelled mentions of {name} in this corpus.")
        _titles(fig, axes[0, 0], own_figure, title, None, note)
        return fig
    ladder = (rows.groupby("label_class")["rank"].min().sort_values(kind="stable"))
    classes = list(ladder.index)
    outlets = sorted(rows["outlet"].unique())
    colours = colours or outlet_colours(outlets)
    width = 0.8 / max(len(outlets), 3)  # one or two outlets: no slabs
    x = np.arange(len(classes))
    any_small = False
    for panel, voice in zip(axes[:, 0], voices, strict=False):
        in_voice = rows[rows["voice"] == voice]
        for i, outlet in enumerate(outlets):
            sub = in_voice[in_voice["outlet"] == outlet].set_index("label_class").reindex(classes)
            total = sub["count"].fillna(0).sum()
            if total == 0:
                continue
            small = total < min_mentions
            any_small |= small
            share = sub["share"].fillna(0).astype(float)
            err = _yerr(sub.assign(share=share), "share")
            # A class the outlet never used keeps its bar at 0 but no whisker:
            # forty whiskers from zero would hide the ones that matter.
            err[:, sub["count"].fillna(0).to_numpy() == 0] = 0
            panel.bar(x - width * len(outlets) / 2 + width * (i + 0.5), share.to_numpy(),
                      width * 0.92,
                      color=colours[outlet], alpha=SMALL_ALPHA if small else 1.0,
                      hatch=SMALL_HATCH if small else None, edgecolor="white" if not small else "#444444",
                      linewidth=0.4, yerr=err, error_kw={"elinewidth": 0.8, "ecolor": "#333333",
                                                         "capsize": 1.5},
                      label=f"{outlet} (n={int(total)})")
        panel.set_ylim(0, 1.05)
        panel.yaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0))
        panel.set_ylabel(f"share of mentions\n({VOICE_NAMES.get(voice, voice)})")
        panel.grid(axis="x", visible=False)
        if not panel.get_legend_handles_labels()[0]:
            panel.text(0.5, 0.5, f"No mentions of {name} in this voice.", ha="center",
                       va="center", transform=panel.transAxes, color=GREY,
                       bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "none"})
    last = axes[len(voices) - 1, 0]
    last.set_xlim(-0.5, len(classes) - 0.5)
    last.set_xticks(x, [str(c).replace("_", " ") for c in classes],
                    rotation=30 if n_classes > 7 else 0, ha="right" if n_classes > 7 else "center")
    on_ladder = int(ladder.notna().sum())
    if 0 < on_ladder < len(classes):
        # Classes without a ladder rank (names, "leader" ...) go after a divider.
        for panel in axes[:, 0]:
            panel.axvline(on_ladder - 0.5, color="#888888", linestyle="--", linewidth=0.9)
        axes[0, 0].text(on_ladder - 0.45, 1.0, "not on the ladder →", fontsize=8.5, color=GREY,
                        va="top", transform=mpl.transforms.blended_transform_factory(
                            axes[0, 0].transData, axes[0, 0].transAxes))
    last.set_xlabel("label class, along the ladder: delegitimising  →  legitimising")
    flag_added = False
    for panel in axes[:, 0]:
        handles = panel.get_legend_handles_labels()[0]
        if any_small and handles and not flag_added:
            handles.append(_small_patch(f"fewer than {min_mentions} mentions"))
            flag_added = True
        if handles:
            panel.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                         title="outlet (mentions)", title_fontsize=9)
    subtitle = (f"{name}: each bar is the share of an outlet's mentions using that label class "
                "(own voice, reported speech and quotes apart). Whiskers: 95 % intervals, drawn for the "
                "classes an outlet used.")
    _titles(fig, axes[0, 0], own_figure, title, subtitle, note)
    return fig


# -- 2. framing profile heatmap --------------------------------------------------------

#: (measure, voice, column label) of the default framing profile; rows whose
#: measure is absent from the table are skipped.
PROFILE = (
    ("hedge_rate", "own", "hedges\nper 1,000 words"),
    ("booster_rate", "own", "certainty markers\nper 1,000 words"),
    ("loaded_rate", "own", "loaded words\nper 1,000 words"),
    ("attribution_loaded_share", "outlet", "loaded attribution\nverbs (share)"),
    ("words_share", "quoted", "share of words\nquoted"),
    ("sentiment_mean", "own", "sentiment\n(VADER, mean)"),
    ("readability_flesch_kincaid_grade", "all", "reading grade\n(Flesch-Kincaid)"),
)


def _profile_table(by_outlet: pd.DataFrame, measures) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    values, smalls, names = {}, {}, []
    for measure, voice, label in measures:
        rows = _rows(by_outlet, measure, voice)
        if rows.empty:
            continue
        rows = rows.groupby("outlet", sort=True).first()
        values[label] = rows["value"].astype(float)
        # Only count-based rates can rest on "few hits"; means over an
        # article (sentiment, readability) carry no count.
        if "small" in rows and "count" in rows:
            smalls[label] = rows["small"].fillna(False).astype(bool) & rows["count"].notna()
        else:
            smalls[label] = pd.Series(False, index=rows.index)
        names.append(label)
    return pd.DataFrame(values), pd.DataFrame(smalls).reindex(columns=names), names


@_styled
def framing_profile_heatmap(by_outlet: pd.DataFrame, *, measures=PROFILE,
                            ax: Axes | None = None, note: str | None = None) -> Figure:
    """Outlets × framing measures. Colour: how far an outlet is above (red) or
    below (blue) the mean of the outlets, in standard deviations across outlets;
    text: the outlet's own value. ``measures``: (measure, voice or None, label)
    triples picked from ``by_outlet`` (``schema.BY_OUTLET_COLUMNS``). Values
    resting on few hits are hatched; missing values are grey."""
    _require(by_outlet, ["outlet", "measure", "voice", "value"], "framing_profile_heatmap")
    values, smalls, names = _profile_table(by_outlet, measures)
    n_out = max(len(values), 1)
    fig, axes = _figure(ax, (max(8.0, 1.45 * len(names) + 3.5), 2.6 + 0.55 * n_out))
    panel = axes[0, 0]
    title = "How does each outlet's framing profile differ from the others?"
    if values.empty:
        _empty(panel, "No framing measures in this table.")
        _titles(fig, panel, ax is None, title, None, note)
        return fig
    values = values.sort_index()
    smalls = smalls.reindex(values.index).fillna(False).astype(bool)
    mean = values.mean(axis=0)
    std = values.std(axis=0, ddof=0)
    # Equal values across outlets are "no difference" (z = 0), not undefined.
    raw = values.to_numpy(float)
    spread = std.to_numpy(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        z_arr = (raw - mean.to_numpy(float)) / spread
    # Equal values (up to rounding in the mean) are "no difference": z = 0.
    scale = np.nanmax(np.abs(raw), axis=0, initial=0.0) if raw.size else np.zeros(0)
    z_arr[:, ~(spread > 1e-9 * np.maximum(scale, 1e-300))] = 0.0
    z_arr[np.isnan(raw)] = np.nan
    z = pd.DataFrame(z_arr, index=values.index, columns=values.columns)
    limit = max(2.0, float(np.nanmax(np.abs(z.to_numpy()))) if z.notna().any().any() else 2.0)
    cmap = mpl.colormaps["RdBu_r"].with_extremes(bad="#eeeeee")
    image = panel.imshow(np.ma.masked_invalid(z.to_numpy(float)), cmap=cmap, vmin=-limit,
                         vmax=limit, aspect="auto")
    for (r, c), value in np.ndenumerate(values.to_numpy(float)):
        zval = z.iat[r, c]
        if np.isnan(value):
            text, colour = "n/a", GREY
        else:
            text = f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"
            colour = "white" if abs(zval) > 0.6 * limit else "black"
        if smalls.iat[r, c]:
            panel.add_patch(Rectangle((c - 0.5, r - 0.5), 1, 1, fill=False, hatch="//",
                                      edgecolor="#666666", linewidth=0, alpha=0.6))
            colour = "black"
        panel.text(c, r, text, ha="center", va="center", fontsize=9.5, color=colour,
                   bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85}
                   if smalls.iat[r, c] else None)
    panel.set_xticks(range(len(names)), names, fontsize=8.5)
    panel.set_yticks(range(len(values)), values.index)
    panel.tick_params(axis="x", top=True, labeltop=True, bottom=False, labelbottom=False)
    panel.grid(False)
    for side in ("top", "right", "left", "bottom"):
        panel.spines[side].set_visible(False)
    bar = fig.colorbar(image, ax=panel, shrink=0.85, pad=0.02)
    bar.set_label("standard deviations from\nthe mean of the outlets", fontsize=8.5)
    subtitle = ("Cell text: the outlet's value (own voice where the measure has voices). "
                "Colour: above (red) or below (blue) the other outlets."
                + (" Hatched: few hits behind the value." if smalls.to_numpy().any() else ""))
    _titles(fig, panel, ax is None, title, subtitle, note)
    return fig


# -- 3. own voice vs quotes -------------------------------------------------------------

@_styled
def voice_chart(by_outlet: pd.DataFrame, *, measure: str = "loaded_rate",
                voices: Sequence[str] = ("own", "quoted"), unit: str = "per 1,000 words in that voice",
                what: str = "loaded words", ax: Axes | None = None, note: str | None = None) -> Figure:
    """For each outlet, ``measure`` in its own voice next to the same measure in
    the words it quotes, with 95 % intervals (rates use the matching voice's
    words as denominator)."""
    _require(by_outlet, ["outlet", "measure", "voice", "value", "ci_low", "ci_high"], "voice_chart")
    rows = by_outlet[(by_outlet["measure"] == measure) & by_outlet["voice"].isin(voices)]
    outlets = sorted(rows["outlet"].unique(), reverse=True)  # top-down alphabetical
    fig, axes = _figure(ax, (9.5, 2.4 + 0.75 * max(len(outlets), 1)))
    panel = axes[0, 0]
    title = f"Whose {what} are they: the outlet's own voice, or the people it quotes?"
    if rows.empty:
        _empty(panel, f"No '{measure}' rates by voice in this table.")
        _titles(fig, panel, ax is None, title, None, note)
        return fig
    height = 0.8 / len(voices)
    y = np.arange(len(outlets))
    any_small = False
    for j, voice in enumerate(voices):
        sub = rows[rows["voice"] == voice].groupby("outlet").first().reindex(outlets)
        small = _is_small(sub.reset_index())
        any_small |= small.any()
        err = _yerr(sub)
        offset = (len(voices) - 1 - j) * height - 0.4 + height / 2
        bars = panel.barh(y + offset, sub["value"].fillna(0).to_numpy(float), height * 0.9,
                          color=VOICE_COLOURS.get(voice, GREY), xerr=err,
                          error_kw={"elinewidth": 0.8, "ecolor": "#333333", "capsize": 2},
                          label=VOICE_NAMES.get(voice, voice))
        for bar, is_small, value in zip(bars, small, sub["value"].to_numpy(float), strict=True):
            if is_small:
                bar.set_alpha(SMALL_ALPHA)
                bar.set_hatch(SMALL_HATCH)
                bar.set_edgecolor("#444444")
            if np.isnan(value):
                panel.text(0, bar.get_y() + bar.get_height() / 2, "  no words in this voice",
                           va="center", fontsize=8, color=GREY)
    panel.set_yticks(y, outlets)
    panel.grid(axis="y", visible=False)
    panel.set_xlabel(f"{what} {unit}")
    panel.set_xlim(left=0)
    handles, _ = panel.get_legend_handles_labels()
    if any_small:
        handles.append(_small_patch())
    panel.legend(handles=handles, loc="lower right")
    subtitle = (f"{what.capitalize()} {unit}. An outlet whose own bar is long uses such words itself; "
                "a long quoted bar means its sources do.")
    _titles(fig, panel, ax is None, title, subtitle, note)
    return fig


# -- 4. hedging vs certainty ---------------------------------------------------------------

@_styled
def hedge_booster_scatter(by_outlet: pd.DataFrame, *, x_measure: str = "hedge_rate",
                          y_measure: str = "booster_rate", voice: str | None = "own",
                          colours: dict[str, str] | None = None, ax: Axes | None = None, note: str | None = None) -> Figure:
    """Each outlet as a point: hedges (x) against certainty markers (y) per
    1,000 words of its own voice, with 95 % intervals as whiskers."""
    _require(by_outlet, ["outlet", "measure", "voice", "value", "ci_low", "ci_high"],
             "hedge_booster_scatter")
    xs = _rows(by_outlet, x_measure, voice).groupby("outlet").first()
    ys = _rows(by_outlet, y_measure, voice).groupby("outlet").first()
    outlets = sorted(set(xs.index) & set(ys.index))
    fig, axes = _figure(ax, (8.5, 6.4))
    panel = axes[0, 0]
    title = "Which outlets hedge and which assert? Hedges vs certainty markers in their own voice"
    if not outlets:
        _empty(panel, f"No '{x_measure}' and '{y_measure}' rates in this table.")
        _titles(fig, panel, ax is None, title, None, note)
        return fig
    colours = colours or outlet_colours(outlets)
    xs, ys = xs.reindex(outlets), ys.reindex(outlets)
    x_err, y_err = _yerr(xs), _yerr(ys)
    any_small = False
    for i, outlet in enumerate(outlets):
        small = bool(_is_small(xs.iloc[[i]])[0] or _is_small(ys.iloc[[i]])[0])
        any_small |= small
        colour = colours[outlet]
        panel.errorbar(xs["value"].iat[i], ys["value"].iat[i], xerr=x_err[:, [i]],
                       yerr=y_err[:, [i]], fmt="o", markersize=9, color=colour,
                       markerfacecolor="white" if small else colour, markeredgewidth=1.6,
                       elinewidth=1.0, capsize=2.5, alpha=0.55 if small else 1.0, zorder=3)
    _label_points(panel, xs["value"].to_numpy(float), ys["value"].to_numpy(float), outlets, colours)
    # Rates cannot be negative; a small margin keeps points at 0 visible.
    panel.set_xlim(left=-0.03 * panel.get_xlim()[1])
    panel.set_ylim(bottom=-0.03 * panel.get_ylim()[1])
    panel.set_xlabel("hedges per 1,000 words (may, reportedly, appears …)")
    panel.set_ylabel("certainty markers per 1,000 words (clearly, undoubtedly …)")
    if any_small:
        panel.legend(handles=[mpl.lines.Line2D([], [], marker="o", linestyle="", color=GREY,
                                               markerfacecolor="white",
                                               label="hollow: few hits, read with care")],
                     loc="upper right")
    subtitle = ("Right: more hedging; up: more asserted certainty. "
                "Whiskers: 95 % intervals; overlapping whiskers mean the outlets may not differ.")
    _titles(fig, panel, ax is None, title, subtitle, note)
    return fig


def _label_points(ax: Axes, x: np.ndarray, y: np.ndarray, names: Sequence[str],
                  colours: dict[str, str]) -> None:
    """Outlet names just right of their points; a label that would overlap one
    already placed is moved up by a line (estimated from the axes' size)."""
    finite = np.isfinite(x) & np.isfinite(y)
    if not finite.any():
        return
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    fig_w, fig_h = ax.figure.get_size_inches()
    # data units per typographic point, assuming the axes fill ~75 % of the figure
    per_pt_x = (x1 - x0) / (0.75 * fig_w * 72)
    per_pt_y = (y1 - y0) / (0.70 * fig_h * 72)
    line = 15 * per_pt_y
    offset = mpl.transforms.offset_copy(ax.transData, fig=ax.figure, x=8, y=5, units="points")
    placed: list[tuple[float, float, float]] = []  # x, y, width of each label
    for i in np.argsort(np.where(finite, y, np.inf), kind="stable"):
        if not finite[i]:
            continue
        width = (len(names[i]) * 6.6 + 10) * per_pt_x
        ty = float(y[i])
        moved = True
        while moved:
            moved = False
            for px, py, pw in placed:
                overlap_x = x[i] < px + pw and px < x[i] + width
                if overlap_x and abs(py - ty) < 0.999 * line:
                    ty = py + line
                    moved = True
        placed.append((float(x[i]), ty, width))
        ax.annotate(names[i], (x[i], y[i]), xytext=(x[i], ty), textcoords=offset,
                    fontsize=9.5, color=colours[names[i]], fontweight="bold",
                    ha="left", va="bottom", annotation_clip=False,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})


# -- 5. sentiment ---------------------------------------------------------------------------

@_styled
def sentiment_distribution(sentences: pd.DataFrame, *, value: str = "sentiment",
                           group: str = "outlet", seed: int = 0,
                           colours: dict[str, str] | None = None, ax: Axes | None = None,
                           note: str | None = None) -> Figure:
    """Sentence-level sentiment per outlet: every sentence a dot (jittered with
    a fixed seed), the box its quartiles, the diamond its mean. ``sentences``
    needs a ``group`` column and a ``value`` column (VADER compound, −1 … 1;
    NaN sentences are left out)."""
    _require(sentences, [group, value], "sentiment_distribution")
    data = sentences[[group, value]].dropna()
    groups = sorted(data[group].unique(), reverse=True)
    fig, axes = _figure(ax, (9.5, 2.4 + 0.7 * max(len(groups), 1)))
    panel = axes[0, 0]
    title = "How positive or negative are each outlet's sentences?"
    if data.empty:
        _empty(panel, "No scored sentences.")
        _titles(fig, panel, ax is None, title, None, note)
        return fig
    colours = colours or outlet_colours(sorted(groups))
    rng = np.random.default_rng(seed)
    series = [data.loc[data[group] == g, value].to_numpy(float) for g in groups]
    panel.boxplot(series, orientation="horizontal", positions=range(len(groups)), widths=0.55,
                  showfliers=False, medianprops={"color": "#333333"},
                  boxprops={"color": "#555555"}, whiskerprops={"color": "#555555"},
                  capprops={"color": "#555555"})
    for i, (g, vals) in enumerate(zip(groups, series, strict=True)):
        jitter = rng.uniform(-0.18, 0.18, size=len(vals))
        panel.scatter(vals, i + jitter, s=14, color=colours[g], alpha=0.55, linewidths=0, zorder=3)
        panel.scatter([vals.mean()], [i], marker="D", s=40, color="black", zorder=4)
        panel.text(1.04, i, f"n={len(vals)}", va="center", fontsize=8, color=GREY,
                   transform=mpl.transforms.blended_transform_factory(panel.transAxes, panel.transData))
    panel.axvline(0, color="#999999", linewidth=0.8, zorder=1)
    panel.set_yticks(range(len(groups)), groups)
    panel.set_xlim(-1.05, 1.05)
    panel.grid(axis="y", visible=False)
    panel.set_xlabel("sentence sentiment (VADER compound):  −1 negative  …  0 neutral  …  +1 positive")
    subtitle = ("One dot per sentence; box: middle half of the sentences; diamond: mean. "
                "VADER scores topic words (\"killed\", \"attack\") as negative, so compare outlets "
                "within one event only.")
    _titles(fig, panel, ax is None, title, subtitle, note)
    return fig


@_styled
def actor_tone_chart(tone: pd.DataFrame, *, actor_names: dict[str, str] | None = None,
                     actors: Sequence[str] | None = None,
                     voices: Sequence[str] = ("own", "quoted"), ncols: int = 2,
                     ax: Axes | None = None, note: str | None = None) -> Figure:
    """Mean sentiment of the sentences that mention each actor, per outlet,
    own voice and quoted apart, with 95 % intervals; one panel per actor (in
    the order of ``actors``, default alphabetical). ``tone``: columns outlet,
    actor, voice, value, ci_low, ci_high (optional count, small)."""
    _require(tone, ["outlet", "actor", "voice", "value", "ci_low", "ci_high"], "actor_tone_chart")
    actor_names = actor_names or {}
    present = set(tone["actor"].dropna())
    actors = [a for a in actors if a in present] if actors is not None else sorted(present)
    outlets = sorted(tone["outlet"].unique(), reverse=True)
    if ax is not None:
        actors = actors[:1]
    ncols = max(1, min(ncols, len(actors)))
    nrows = max(1, -(-len(actors) // ncols))
    fig, axes = _figure(ax, (5.2 * ncols + 2.6, (1.3 + 0.55 * max(len(outlets), 1)) * nrows + 1.4),
                        nrows=nrows, ncols=ncols, sharey=True)
    flat = axes.ravel()
    title = "How harsh is the tone when each outlet writes about each actor?"
    if not actors:
        _empty(axes[0, 0], "No sentences mentioning an event actor.")
        _titles(fig, axes[0, 0], ax is None, title, None, note)
        return fig
    y = np.arange(len(outlets))
    any_small = False
    for panel, actor in zip(flat, actors, strict=False):
        for j, voice in enumerate(voices):
            sub = tone[(tone["actor"] == actor) & (tone["voice"] == voice)]
            sub = sub.groupby("outlet").first().reindex(outlets)
            small = _is_small(sub.reset_index())
            any_small |= small.any()
            offset = 0.15 if j == 0 else -0.15
            err = _yerr(sub)
            colour = VOICE_COLOURS.get(voice, GREY)
            panel.errorbar(sub["value"].to_numpy(float), y + offset, xerr=err, fmt="o",
                           color=colour, markersize=7, capsize=2, elinewidth=1,
                           label=VOICE_NAMES.get(voice, voice) if panel is flat[0] else None)
            hollow = small & np.isfinite(sub["value"].to_numpy(float))
            if hollow.any():
                panel.scatter(sub["value"].to_numpy(float)[hollow], (y + offset)[hollow], s=30,
                              color="white", zorder=4)
        panel.axvline(0, color="#999999", linewidth=0.8)
        panel.set_xlim(-1.05, 1.05)
        panel.set_title(_wrap(actor_names.get(actor, actor), 45), loc="center",
                        fontweight="bold")
        panel.set_xlabel("mean sentence sentiment (VADER)", fontsize=9)
        panel.grid(axis="y", visible=False)
        panel.set_yticks(y, outlets)
    for panel in flat[len(actors):]:
        panel.set_axis_off()
    handles, _ = axes[0, 0].get_legend_handles_labels()
    if any_small:
        handles.append(mpl.lines.Line2D([], [], marker="o", linestyle="", color=GREY,
                                        markerfacecolor="white", label="hollow: few sentences"))
    axes[0, ncols - 1].legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1.0))
    explain = ("Left of 0: the sentences that mention the actor are negative on average. "
               "VADER scores violence words as negative whoever commits the violence.")
    _titles(fig, axes[0, 0], ax is None, title, None, note, explain)
    return fig


# -- 6. distinctive terms ----------------------------------------------------------------------

@_styled
def distinctive_terms_chart(distinctive: pd.DataFrame, *, top: int = 10, ncols: int = 3,
                            colours: dict[str, str] | None = None, ax: Axes | None = None, note: str | None = None) -> Figure:
    """The ``top`` terms most typical of each outlet against all the others
    (log-odds ratio with an informative Dirichlet prior, as z-scores); one panel
    per outlet. Bars with |z| < 1.96 are faded: not distinguishable from chance."""
    _require(distinctive, ["outlet", "term", "count", "z"], "distinctive_terms_chart")
    outlets = sorted(distinctive["outlet"].unique())
    if ax is not None:
        outlets = outlets[:1]
    ncols = max(1, min(ncols, len(outlets)))
    nrows = max(1, -(-len(outlets) // ncols))
    fig, axes = _figure(ax, (4.3 * ncols + 0.6, 0.25 * top * nrows + 1.4 * nrows + 1.2),
                        nrows=nrows, ncols=ncols)
    title = "Which words set each outlet apart from the others?"
    if not outlets:
        _empty(axes[0, 0], "No distinctive terms (the corpus needs at least two outlets).")
        _titles(fig, axes[0, 0], ax is None, title, None, note)
        return fig
    colours = colours or outlet_colours(outlets)
    flat = axes.ravel()
    for panel, outlet in zip(flat, outlets, strict=False):
        rows = (distinctive[distinctive["outlet"] == outlet]
                .sort_values(["z", "term"], ascending=[False, True], kind="stable").head(top))
        rows = rows.iloc[::-1]
        zs = rows["z"].to_numpy(float)
        bars = panel.barh(range(len(rows)), zs, color=colours[outlet], height=0.7)
        for bar, zval in zip(bars, zs, strict=True):
            if abs(zval) < 1.96:
                bar.set_alpha(SMALL_ALPHA)
        panel.set_yticks(range(len(rows)),
                         [f"{t}  ({int(c)})" for t, c in zip(rows["term"], rows["count"], strict=True)],
                         fontsize=8.5)
        panel.axvline(1.96, color="#999999", linestyle=":", linewidth=0.9)
        panel.set_title(outlet, loc="left", fontweight="bold", color=colours[outlet])
        panel.grid(axis="y", visible=False)
        panel.set_xlabel("z-score (log-odds vs the rest)", fontsize=8.5)
        panel.set_xlim(left=min(0, float(np.nanmin(zs)) if len(zs) else 0))
    for panel in flat[len(outlets):]:
        panel.set_axis_off()
    explain = ("Term (times the outlet used it). Dotted line: z = 1.96; faded bars are below it, "
               "not distinguishable from chance. Log-odds with an informative Dirichlet prior "
               "(Monroe, Colaresi & Quinn 2008), each outlet against all the others.")
    _titles(fig, flat[0], ax is None, title, None, note, explain)
    return fig


# -- 7. text reuse ----------------------------------------------------------------------------

_RELATION_STYLE = {
    "copy": ("-", "copy"),
    "rewrite": ("-", "rewrite"),
    "summary": ("-", "summary"),
    "extension": ("-", "extension"),
    "shared_source": ("--", "shared source"),
}


def _layers(docs: list[str], edges: list[tuple[str, str]]) -> dict[str, int]:
    """Depth of each article: 0 for originals, 1 + the depth of its source
    otherwise (longest path; cycles are cut)."""
    parents: dict[str, list[str]] = {d: [] for d in docs}
    for source, derived in edges:
        parents.setdefault(derived, []).append(source)
    depth: dict[str, int] = {}

    def visit(doc: str, seen: frozenset) -> int:
        if doc in depth:
            return depth[doc]
        ps = [p for p in parents.get(doc, []) if p not in seen]
        depth[doc] = 0 if not ps else 1 + max(visit(p, seen | {doc}) for p in ps)
        return depth[doc]

    for doc in docs:
        visit(doc, frozenset())
    return depth


def _derived_share(row: pd.Series) -> float:
    if row.get("derived_doc") == row["doc_a"]:
        return float(row["aligned_share_a"])
    if row.get("derived_doc") == row["doc_b"]:
        return float(row["aligned_share_b"])
    return float(np.nanmax([row["aligned_share_a"], row["aligned_share_b"]]))


@_styled
def reuse_map(articles: pd.DataFrame, pairs: pd.DataFrame, groups: pd.DataFrame | None = None,
              *, ax: Axes | None = None, note: str | None = None) -> Figure:
    """Which article derives from which: originals on the left, each derived
    article to the right of its source, an arrow from source to derived article
    whose width and label give the derived article's aligned share (of its
    content words, in sentences aligned to the source). Dashed lines: related
    without a known direction. Articles of the same independent report share a colour. ``pairs`` follows
    ``schema.REUSE_PAIR_COLUMNS``, ``groups`` ``schema.REPORT_GROUP_COLUMNS``."""
    _require(articles, ["doc_id", "outlet"], "reuse_map (articles)")
    _require(pairs, ["doc_a", "doc_b", "aligned_share_a", "aligned_share_b", "relation",
                     "source_doc", "derived_doc"], "reuse_map (pairs)")
    docs = [str(d) for d in articles["doc_id"]]
    info = articles.assign(doc_id=articles["doc_id"].astype(str)).set_index("doc_id")
    linked = pairs[pairs["relation"].fillna("independent") != "independent"].copy()
    for col in ("doc_a", "doc_b", "source_doc", "derived_doc"):
        linked[col] = linked[col].map(lambda v: v if pd.isna(v) else str(v))
    directed = linked[linked["source_doc"].notna() & linked["derived_doc"].notna()]
    edges = list(zip(directed["source_doc"], directed["derived_doc"], strict=True))
    depth = _layers(docs, edges)
    if groups is not None and len(groups):
        report_of = dict(zip(groups["doc_id"].astype(str), groups["report_id"], strict=True))
    else:
        report_of = {d: d for d in docs}
    reports = sorted({str(report_of.get(d, d)) for d in docs})
    report_colour = {r: OKABE_ITO[i % len(OKABE_ITO)] for i, r in enumerate(reports)}
    n_layers = max(depth.values(), default=0) + 1
    per_layer: dict[int, list[str]] = {}
    for doc in sorted(docs, key=lambda d: (str(info.at[d, "date"]) if "date" in info else "", d)):
        per_layer.setdefault(depth[doc], []).append(doc)
    tallest = max((len(v) for v in per_layer.values()), default=1)
    fig, axes = _figure(ax, (max(9.0, 3.4 * n_layers + 2.0), 1.1 * tallest + 3.0))
    panel = axes[0, 0]
    n_reports = len(reports)
    title = (f"{len(docs)} article{'s' if len(docs) != 1 else ''}, how many reports? "
             f"{n_reports} independent report{'s' if n_reports != 1 else ''}: "
             "which article derives from which")
    if not docs:
        _empty(panel, "No articles.")
        _titles(fig, panel, ax is None, title, None, note)
        return fig
    pos: dict[str, tuple[float, float]] = {}
    for layer, members in per_layer.items():
        for i, doc in enumerate(members):
            pos[doc] = (float(layer), (len(members) - 1) / 2 - i)
    boxes = {}
    for doc, (x, y) in pos.items():
        outlet = str(info.at[doc, "outlet"])
        date = info.at[doc, "date"] if "date" in info else None
        label = "\n".join(textwrap.wrap(outlet, 22)) + f"\n#{doc}" + (
            f" · {date}" if isinstance(date, str) and date else "")
        colour = report_colour[str(report_of.get(doc, doc))]
        boxes[doc] = panel.text(x, y, label, ha="center", va="center", fontsize=9.5, zorder=3,
                                bbox={"boxstyle": "round,pad=0.5", "fc": colour + "33",
                                      "ec": colour, "lw": 1.8})
    for _, row in linked.iterrows():
        has_dir = pd.notna(row["source_doc"]) and pd.notna(row["derived_doc"])
        a, b = (row["source_doc"], row["derived_doc"]) if has_dir else (row["doc_a"], row["doc_b"])
        if a not in pos or b not in pos:
            continue
        strength = _derived_share(row)
        style, name = _RELATION_STYLE.get(row["relation"], ("--", str(row["relation"])))
        same_layer = pos[a][0] == pos[b][0]
        panel.annotate("", xy=pos[b], xytext=pos[a], zorder=2,
                       arrowprops={"arrowstyle": "-|>" if has_dir else "-",
                                   "lw": 1.0 + 5.0 * (strength if np.isfinite(strength) else 0),
                                   "linestyle": style, "color": "#444444",
                                   "patchA": boxes[a], "patchB": boxes[b],
                                   "shrinkA": 3, "shrinkB": 3, "mutation_scale": 18,
                                   "connectionstyle": f"arc3,rad={0.35 if same_layer else 0.0}"})
        mx, my = (pos[a][0] + pos[b][0]) / 2, (pos[a][1] + pos[b][1]) / 2
        if same_layer:
            mx += 0.18
        share_text = f"\n{strength:.0%} aligned" if np.isfinite(strength) else ""
        panel.text(mx, my, f"{name}{share_text}", ha="center", va="center", fontsize=8.5,
                   zorder=4, bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#bbbbbb"})
    half = (tallest - 1) / 2
    panel.set_xlim(-0.55, n_layers - 0.45)
    panel.set_ylim(-half - 0.5, half + 0.75)
    panel.set_axis_off()
    if n_layers > 1:
        for layer in range(n_layers):
            panel.text(layer, half + 0.55, "originals" if layer == 0 else
                       f"derived (step {layer})", ha="center", va="bottom", fontsize=9,
                       color=GREY, fontstyle="italic")
    subtitle = ("Arrow: from source to derived article; width and label: the share of the derived "
                "article's content words that lie in sentences aligned to the source. Dashed: "
                "related, direction unknown. Same colour: one independent report.")
    _titles(fig, panel, ax is None, title, subtitle, note)
    return fig
