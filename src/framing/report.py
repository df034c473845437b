"""The side-by-side HTML report, and the same highlighting inline in Jupyter.

One self-contained file: styles and script are package data inlined into the
page, figures are inline PNGs, nothing is fetched from the network. Every piece
of text that comes from the corpus, the lexicons or the event files goes
through ``html.escape``; the script reads only ``data-*`` attributes and writes
with ``textContent``, never ``innerHTML``.
"""

from __future__ import annotations

import base64
import html
import io
import math
import warnings
from collections import Counter
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import pandas as pd

from .events import actor_names
from .features import column_name
from .highlight import Mark, render_marked
from .schema import LAYERS
from .tokens import count_words

#: How each layer is named for readers, and how it is marked without colour.
LAYER_NAMES = {
    "actor_label": ("Actor labels", "boxed, coloured along the label ladder"),
    "loaded": ("Loaded words", "wavy underline"),
    "hedge": ("Hedges", "dashed underline"),
    "booster": ("Boosters", "double underline"),
    "attribution": ("Attribution verbs", "dotted underline"),
}
SHORT_NAMES = {"actor_label": "labels", "loaded": "loaded", "hedge": "hedges",
               "booster": "boosters", "attribution": "attribution"}
VOICE_NAMES = {"own": "own voice", "reported": "reported (attributed to a source)",
               "quoted": "quoted speech"}

#: Colour-blind-safe diverging scale (ColorBrewer RdBu, light end) for the
#: ladder score: 0 = delegitimising label, 1 = legitimising label.
LADDER_STOPS = ((0.0, (0xF4, 0xA5, 0x82)), (0.5, (0xF2, 0xF2, 0xF2)), (1.0, (0x92, 0xC5, 0xDE)))
NO_SCORE_COLOUR = "#e4e4e4"

ROOT_CLASS = "fr"


# --- small helpers ------------------------------------------------------------

def _esc(value) -> str:
    """Escaped text of any cell value; missing values become an empty string."""
    return html.escape(_text(value), quote=True)


def _text(value) -> str:
    if type(value) is str:  # the common case first: this runs for every attribute
        return value
    if value is None:
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    try:
        if pd.isna(value):  # NaN, NaT, pd.NA
            return ""
    except (TypeError, ValueError):  # list-likes: not missing
        pass
    return str(value)


def _is_missing(value) -> bool:
    return _text(value) == ""


def ladder_colour(score) -> str:
    """Background colour for a label with this ladder score (hex)."""
    try:
        s = float(score)
    except (TypeError, ValueError):
        return NO_SCORE_COLOUR
    if math.isnan(s):
        return NO_SCORE_COLOUR
    s = min(max(s, 0.0), 1.0)
    for (x0, c0), (x1, c1) in zip(LADDER_STOPS, LADDER_STOPS[1:], strict=False):
        if s <= x1:
            t = (s - x0) / (x1 - x0)
            rgb = (round(a + (b - a) * t) for a, b in zip(c0, c1, strict=True))
            return "#" + "".join(f"{v:02x}" for v in rgb)
    return "#" + "".join(f"{v:02x}" for v in LADDER_STOPS[-1][1])


def _asset(name: str) -> str:
    return resources.files("framing").joinpath("assets", name).read_text(encoding="utf-8")


def _css() -> str:
    return _asset("report.css")


class _ByDoc:
    """The per-article tables as row dicts grouped by ``doc_id``, built once
    (converting and filtering a table per article is what makes reports slow)."""

    TABLES = ("spans", "voices", "sentences", "boilerplate", "quotes")

    def __init__(self, analysis, doc_ids=None):
        wanted = None if doc_ids is None else set(doc_ids)
        self._groups: dict[str, dict] = {}
        for name in self.TABLES:
            frame = getattr(analysis, name, None)
            groups: dict = {}
            if frame is not None and len(frame):
                if wanted is not None:
                    frame = frame[frame["doc_id"].isin(wanted)]
                for row in frame.to_dict("records"):
                    groups.setdefault(row["doc_id"], []).append(row)
            self._groups[name] = groups
        articles = analysis.articles
        if wanted is not None:
            articles = articles[articles["doc_id"].isin(wanted)]
        self._articles = {row["doc_id"]: row for row in articles.to_dict("records")}
        features = analysis.features
        if wanted is not None:
            features = features[features["doc_id"].isin(wanted)]
        self._features = {row["doc_id"]: row for row in features.to_dict("records")}

    def features(self, doc_id) -> dict:
        """The article's row of the feature table ({} if it has none)."""
        return self._features.get(doc_id, {})

    def get(self, name: str, doc_id) -> list[dict]:
        return self._groups[name].get(doc_id, [])

    def article(self, doc_id) -> dict | None:
        return self._articles.get(doc_id)


def _fmt(value, digits: int = 1, suffix: str = "") -> str:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return "n/a"
    return "n/a" if math.isnan(v) else f"{v:.{digits}f}{suffix}"


# --- one article ----------------------------------------------------------------

def _score_name(layer: str) -> str:
    return "ladder score" if layer == "actor_label" else "intensity"


def _span_title(span: dict) -> str:
    name = LAYER_NAMES.get(span["layer"], (span["layer"], ""))[0]
    bits = [f"{name}: {_text(span.get('category'))}".rstrip(": ")]
    if not _is_missing(span.get("actor")):
        bits.append(f"actor {_text(span['actor'])}")
    if not _is_missing(span.get("score")):
        bits.append(f"{_score_name(span['layer'])} {_fmt(span['score'], 2)}")
    bits.append(VOICE_NAMES.get(_text(span.get("voice")), _text(span.get("voice")) or "voice unknown"))
    if not _is_missing(span.get("speaker")):
        bits.append(f"speaker {_text(span['speaker'])}")
    return " · ".join(bits)


def _records(rows) -> list[dict]:
    """Row dicts from a DataFrame (or a list of row dicts, passed through)."""
    return rows.to_dict("records") if isinstance(rows, pd.DataFrame) else list(rows)


def span_marks(spans, doc_id: str, actor_names: dict | None = None) -> list[Mark]:
    """One highlight per span row (DataFrame or row dicts), with the data
    attributes the page and tests read."""
    names = actor_names or {}
    marks = []
    for span in _records(spans):
        layer = _text(span["layer"])
        actor = _text(span.get("actor"))
        if actor:
            span = {**span, "actor": names.get(actor, actor)}
        attrs = [
            ("data-doc", _text(doc_id)), ("data-layer", layer),
            ("data-start", str(int(span["start"]))), ("data-end", str(int(span["end"]))),
            ("data-category", _text(span.get("category"))), ("data-term", _text(span.get("term"))),
            ("data-actor", actor), ("data-actor-name", names.get(actor, actor)),
            ("data-score", "" if _is_missing(span.get("score")) else _fmt(span["score"], 2)),
            ("data-voice", _text(span.get("voice"))), ("data-speaker", _text(span.get("speaker"))),
            ("title", _span_title(span)),
        ]
        classes = f"fr-hl fr-{layer}"
        if layer == "actor_label":
            if _is_missing(span.get("score")):
                classes += " fr-unscored"  # a name or neutral mention: no ladder colour
            else:
                # Only a colour we computed ever enters a style attribute.
                attrs.append(("style", f"--fr-c:{ladder_colour(span.get('score'))}"))
        marks.append(Mark(int(span["start"]), int(span["end"]), classes, tuple(attrs),
                          rank=2 + _layer_rank(layer)))
    return marks


def _layer_rank(layer: str) -> int:
    # Longer phrase-like layers open outside word-like ones on identical extents.
    order = ("loaded", "attribution", "hedge", "booster", "actor_label")
    return order.index(layer) if layer in order else len(order)


def voice_marks(voices) -> list[Mark]:
    """Shading for reported and quoted segments (own voice is left plain)."""
    marks = []
    for seg in _records(voices):
        voice = _text(seg.get("voice"))
        if voice not in ("reported", "quoted"):
            continue
        title = VOICE_NAMES[voice].capitalize()
        if not _is_missing(seg.get("source")):
            title += f": {_text(seg['source'])}"
        marks.append(Mark(int(seg["start"]), int(seg["end"]), f"fr-v fr-v-{voice}",
                          (("data-voice", voice), ("data-source", _text(seg.get("source"))),
                           ("title", title)), rank=0))
    return marks


def scare_quote_marks(quotes) -> list[Mark]:
    """A thin frame around scare quotes (quotes of kind ``term``): a term the
    outlet holds at a distance, in its own voice, not somebody's speech."""
    return [Mark(int(q["start"]), int(q["end"]), "fr-v fr-scare",
                 (("title", "Scare quotes: a term held at a distance, not speech"),), rank=1)
            for q in _records(quotes) if _text(q.get("kind")) == "term"]


def _paragraph_ranges(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def article_body_html(text: str, marks: list[Mark], headline_end: int | None = None) -> str:
    """The article's paragraphs with every mark nested inside them."""
    paragraphs = []
    for start, end in _paragraph_ranges(text):
        cls = ' class="fr-headline"' if headline_end is not None and end <= headline_end else ""
        paragraphs.append(f"<p{cls}>{render_marked(text, marks, start, end)}</p>")
    return "\n".join(paragraphs)


def _score(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def article_summary(features: Mapping, spans) -> dict:
    """The short framing summary shown on each article card: most-used label
    per actor (own voice only: a reported label is someone else's), own-voice
    hedge/loaded/booster rates per 1,000 own-voice words, and the shares of
    words in quoted/reported voice. ``features`` is the article's row of the
    feature table (the rates and shares are read from it, so the card and the
    tables share one definition); ``spans`` its span rows."""
    spans = _records(spans)

    def value(name):
        return _score(features.get(name))
    total = value(column_name("words", "count", "all"))
    has_words = total == total and total > 0  # NaN (no feature row) or no words: no rates
    out: dict = {"words": int(total) if has_words else 0,
                 "own_words": int(value(column_name("words", "count", "own"))) if has_words
                 else math.nan}
    for voice in ("quoted", "reported"):
        out[f"{voice}_share"] = value(column_name("words", "share", voice))
    for layer in ("hedge", "loaded", "booster"):
        out[f"{layer}_count_own"] = value(column_name(layer, "count", "own"))
        out[f"{layer}_rate_own"] = value(column_name(layer, "rate", "own"))
    # Only labels on a ladder (with a score): names ("Assad", "HTS") and
    # neutral mentions ("army") say who is meant, not how they are framed.
    by_actor: dict[str, list[dict]] = {}
    for span in spans:
        if (_text(span["layer"]) == "actor_label" and _text(span.get("voice")) == "own"
                and _text(span.get("actor")) and not math.isnan(_score(span.get("score")))):
            by_actor.setdefault(_text(span["actor"]), []).append(span)
    labels = []
    for actor, group in sorted(by_actor.items()):
        counts = Counter(_text(span.get("category")) for span in group)
        label, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        scores = [_score(span["score"]) for span in group if _text(span.get("category")) == label]
        labels.append({"actor": actor, "label": label, "count": n, "total": len(group),
                       "score": sum(scores) / len(scores)})
    labels.sort(key=lambda lab: (-lab["total"], lab["actor"]))
    out["labels"] = labels
    return out


def _summary_html(summary: dict, actor_names: dict | None = None, max_actors: int = 4) -> str:
    names = actor_names or {}
    items = []
    for lab in summary["labels"][:max_actors]:
        colour = ladder_colour(lab["score"])
        actor = names.get(lab["actor"], lab["actor"])
        items.append(
            f'<li title="{_esc(actor)}: {_esc(lab["label"])} in {lab["count"]} of its '
            f'{lab["total"]} ladder labels in own or reported voice">'
            f'<span class="fr-chip" style="--fr-c:{colour}">{_esc(lab["label"])}</span> '
            f'<span class="fr-muted">{lab["count"]}/{lab["total"]}</span> {_esc(actor)}</li>')
    more = len(summary["labels"]) - max_actors
    if more > 0:
        items.append(f'<li class="fr-muted">and {more} more actor{"s" if more > 1 else ""}</li>')
    labels = (f'<ul class="fr-labels">{"".join(items)}</ul>' if items
              else '<span class="fr-muted">no ladder labels in its own voice</span>')
    own = _text(summary["own_words"]) or "n/a"
    stats = [(_fmt(summary["hedge_rate_own"]), "hedges"), (_fmt(summary["booster_rate_own"]), "boosters"),
             (_fmt(summary["loaded_rate_own"]), "loaded"),
             (_fmt(100 * summary["quoted_share"], 0, "%"), "quoted"),
             (_fmt(100 * summary["reported_share"], 0, "%"), "reported")]
    tiles = "".join(f'<div class="fr-stat"><b>{value}</b><span>{name}</span></div>'
                    for value, name in stats)
    return (
        f'<div class="fr-summary">'
        f'<div class="fr-label-line"><span class="fr-key">Labels</span><div>{labels}</div></div>'
        f'<div class="fr-stats">{tiles}</div>'
        f'<p class="fr-note">Hedges, boosters, loaded words: per 1,000 words of the outlet\'s '
        f'own voice ({own} words). Quoted, reported: share of all {summary["words"]} words.</p>'
        f'</div>')


def _boilerplate_html(boilerplate: list[dict]) -> str:
    if not boilerplate:
        return ""
    items = "".join(
        f'<li><span class="fr-kind">{_esc(row.get("kind"))}</span> {_esc(row.get("text"))}</li>'
        for row in boilerplate)
    return (f'<details class="fr-boilerplate"><summary>Removed from the text '
            f'({len(boilerplate)})</summary><ul>{items}</ul></details>')


def _headline_end(sentences: list[dict]) -> int | None:
    ends = [int(s["end"]) for s in sentences if _text(s.get("zone")) == "headline"]
    return max(ends) if ends else None


def article_card_html(analysis, doc_id: str, by_doc: _ByDoc | None = None) -> str:
    """One article: header, framing summary, highlighted text, removed boilerplate."""
    by_doc = by_doc or _ByDoc(analysis, [doc_id])
    art = by_doc.article(doc_id)
    if art is None:
        known = ", ".join(map(str, analysis.articles["doc_id"].head(10)))
        raise KeyError(f"no article with doc_id {doc_id!r}; known ids include: {known}")
    text = _text(art["text"])
    spans = by_doc.get("spans", doc_id)
    voices = by_doc.get("voices", doc_id)
    sentences = by_doc.get("sentences", doc_id)
    names = actor_names(getattr(analysis, "events", ()))
    marks = (voice_marks(voices) + scare_quote_marks(by_doc.get("quotes", doc_id))
             + span_marks(spans, doc_id, names))
    head_end = _headline_end(sentences)
    paragraphs = _paragraph_ranges(text)
    title = _text(art.get("title"))
    # The headline is usually the first line of the text; show it once, highlighted.
    first_line = text[paragraphs[0][0]:paragraphs[0][1]].strip() if paragraphs else ""
    show_title = title and title.strip() != first_line
    url = _text(art.get("url"))
    link = (f' · <a href="{_esc(url)}" rel="noreferrer noopener">source</a>'
            if url.startswith(("http://", "https://")) else "")
    meta = " · ".join(x for x in (_esc(art.get("date")), _esc(doc_id)) if x)
    return (
        f'<article class="fr-article" data-doc="{_esc(doc_id)}">'
        f'<header><p class="fr-outlet">{_esc(art.get("outlet")) or "(unknown outlet)"}</p>'
        + (f'<h3 class="fr-title">{_esc(title)}</h3>' if show_title else "")
        + f'<p class="fr-meta">{meta}{link}</p></header>'
        f'{_summary_html(article_summary(by_doc.features(doc_id), spans), names)}'
        f'<div class="fr-text">{article_body_html(text, marks, head_end)}</div>'
        f'{_boilerplate_html(by_doc.get("boilerplate", doc_id))}'
        f'</article>')


# --- legend and toggles ---------------------------------------------------------

def _layer_counts(spans: pd.DataFrame, doc_ids=None) -> Counter:
    if doc_ids is not None and len(spans):
        spans = spans[spans["doc_id"].isin(list(doc_ids))]
    return Counter(spans["layer"].map(_text)) if len(spans) else Counter()


def legend_html(analysis, *, toggles: bool, doc_ids=None) -> str:
    """The legend, with the number of highlights per layer (in ``doc_ids``, or
    all articles); with ``toggles`` every entry has a checkbox and an 'only' button."""
    counts = _layer_counts(analysis.spans, doc_ids)
    rows = []
    for layer in LAYERS:
        name, how = LAYER_NAMES[layer]
        style = f' style="--fr-c:{ladder_colour(0.5)}"' if layer == "actor_label" else ""
        sample = f'<span class="fr-hl fr-{layer} fr-sample"{style}>{_esc(name)}</span>'
        control = (f'<input type="checkbox" checked data-toggle="{layer}" '
                   f'aria-label="show {_esc(name)}">' if toggles else "")
        only = (f'<button type="button" class="fr-only" data-only="{layer}" '
                f'title="show only {_esc(name.lower())}">only</button>' if toggles else "")
        rows.append(f'<li title="{_esc(how)}"><label>{control}{sample} '
                    f'<span class="fr-muted">{counts.get(layer, 0)}</span></label>{only}</li>')
    voice_ctrl = ('<input type="checkbox" checked data-toggle="voice" aria-label="shade voices">'
                  if toggles else "")
    rows.append(f'<li><label>{voice_ctrl}<span class="fr-v fr-v-quoted fr-sample">“quoted”</span> '
                f'<span class="fr-v fr-v-reported fr-sample">reported</span> voice, '
                f'<span class="fr-v fr-scare fr-sample">“scare quotes”</span></label></li>')
    if toggles:
        rows.append('<li><button type="button" class="fr-only" data-only="all">show all</button></li>')
    scale = "".join(f'<span style="background:{ladder_colour(i / 4)}"></span>' for i in range(5))
    ladder = (f'<div class="fr-ladder"><span class="fr-muted">label ladder:</span> delegitimising '
              f'<span class="fr-scale" aria-hidden="true">{scale}</span> legitimising '
              f'<span class="fr-muted">·</span> <span class="fr-hl fr-actor_label fr-unscored fr-sample">'
              f'name</span> <span class="fr-muted">a name or neutral mention (not on the ladder)</span></div>')
    return f'<div class="fr-legend"><ul>{"".join(rows)}</ul>{ladder}</div>'


# --- whole-corpus sections ----------------------------------------------------

def _ordered_docs(articles: pd.DataFrame) -> pd.DataFrame:
    order = articles.assign(_date=articles["date"].map(_text), _outlet=articles["outlet"].map(_text))
    return order.sort_values(["_date", "_outlet", "doc_id"], kind="stable")


def _cards_html(analysis, articles: pd.DataFrame, by_doc: _ByDoc | None) -> str:
    docs = list(_ordered_docs(articles)["doc_id"])
    by_doc = by_doc or _ByDoc(analysis, docs)
    return "\n".join(article_card_html(analysis, doc, by_doc) for doc in docs)


def event_html(analysis, event=None, by_doc: _ByDoc | None = None) -> str:
    """The articles of one event side by side (all articles if ``event`` is None)."""
    articles = analysis.articles
    if event is not None:
        articles = articles[articles["event"].map(_text) == _text(event)]
    cards = _cards_html(analysis, articles, by_doc)
    if _is_missing(event):
        heading = "Articles"
    else:
        title = _event_titles(analysis).get(_text(event))
        heading = (f'{_esc(title)} <span class="fr-muted">· event {_esc(event)}</span>' if title
                   else f"Event: {_esc(event)}")
    return (f'<section class="fr-event"><h2>{heading} '
            f'<span class="fr-muted">({len(articles)} articles)</span></h2>'
            f'<div class="fr-grid">{cards}</div></section>')


def _table_html(frame: pd.DataFrame, caption: str = "") -> str:
    head = "".join(f"<th>{_esc(c)}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{_esc(v)}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    cap = f"<caption>{_esc(caption)}</caption>" if caption else ""
    return f'<table class="fr-table">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _optional(method, *args, **kwargs):
    """A comparison view, or None while that stage is not built yet."""
    try:
        return method(*args, **kwargs)
    except NotImplementedError:
        return None


#: The measures of the per-outlet table: (measure, voice, column heading,
#: kind); kind "share" prints as a percentage. Absent ones are skipped; every
#: measure is in ``analysis.by_outlet()`` (by_outlet.csv of ``framing analyze``).
KEY_MEASURES = (
    ("hedge_rate", "own", "Hedges", "rate"),
    ("booster_rate", "own", "Boosters", "rate"),
    ("loaded_rate", "own", "Loaded words", "rate"),
    ("loaded_rate", "quoted", "Loaded words in quotes", "rate"),
    ("attribution_rate", "own", "Attribution verbs", "rate"),
    ("words_share", "quoted", "Quoted", "share"),
    ("words_share", "reported", "Reported", "share"),
    ("sources_count", "all", "Sources", "count"),
    ("sources_official_share", "all", "Official sources", "share"),
    ("sentiment_mean", "own", "Sentiment (own voice)", "score"),
    ("readability_flesch_kincaid_grade", "all", "Grade level", "score"),
)
def _cell(row: dict, kind: str) -> str:
    scale, digits, suffix = (100, 0, "%") if kind == "share" else (1, 0 if kind == "count" else 1, "")

    def num(v):
        return _fmt(scale * v if isinstance(v, int | float) else v, digits, suffix)
    small = bool(row.get("small")) is True
    interval = ("" if _is_missing(row.get("ci_low")) or _is_missing(row.get("ci_high"))
                else f'<span class="fr-ci">{num(row["ci_low"])}–{num(row["ci_high"])}</span>')
    flag = '<span class="fr-small" title="few hits: do not read a difference into it">*</span>' \
        if small else ""
    return f'<td class="fr-num{" fr-few" if small else ""}">{num(row["value"])}{flag}{interval}</td>'


def outlet_table_html(analysis) -> str:
    """The per-outlet comparison: one row per outlet, the key measures with
    their 95 % intervals, small counts flagged."""
    table = _optional(analysis.by_outlet)
    if table is None or not len(table):
        return '<p class="fr-muted">The per-outlet comparison is not available for this analysis.</p>'
    keys = {(m, v) for m, v, _, _ in KEY_MEASURES}
    pairs = list(zip(table["measure"].map(_text), table["voice"].map(_text), strict=True))
    picked = table[[pair in keys for pair in pairs]]
    index = {(_text(r["measure"]), _text(r["voice"]), _text(r["outlet"])): r
             for r in picked.to_dict("records")}
    columns = [(m, v, label, kind) for m, v, label, kind in KEY_MEASURES
               if any(key[:2] == (m, v) for key in index)]
    if not columns:
        return ('<p class="fr-muted">None of the key measures is in the per-outlet table; '
                'see <code>analysis.by_outlet()</code>.</p>')
    outlets = sorted(table["outlet"].map(_text).unique())
    head = "<th>outlet</th>" + "".join(
        f'<th title="{_esc(m)} ({_esc(v)})">{_esc(label)}</th>' for m, v, label, _ in columns)
    rows = []
    for outlet in outlets:
        cells = "".join(_cell(index[(m, v, outlet)], kind) if (m, v, outlet) in index
                        else '<td class="fr-num">n/a</td>' for m, v, _, kind in columns)
        rows.append(f'<tr><th scope="row">{_esc(outlet)}</th>{cells}</tr>')
    return (f'<div class="fr-scroll"><table class="fr-table fr-outlets"><caption>'
            f'Rates per 1,000 words of the matching voice (own voice unless the heading says '
            f'otherwise); shares of all words or sources. Each figure has its 95 % interval below '
            f'it. <span class="fr-small">*</span> few hits behind the figure: do not read a '
            f'difference into it.</caption><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>'
            f'<p class="fr-note">Every measure, for every voice, is in '
            f'<code>analysis.by_outlet()</code> (by_outlet.csv from <code>framing analyze</code>).</p>')


def reuse_html(analysis) -> str:
    """Which articles derive from which, with the aligned sentences as evidence."""
    found = getattr(analysis, "reuse", None)
    pairs = getattr(found, "pairs", None)
    if pairs is None or not len(pairs):
        return '<p class="fr-muted">No text reuse found between these articles.</p>'
    outlets = dict(zip(analysis.articles["doc_id"], analysis.articles["outlet"].map(_text), strict=False))
    alignments = found.alignments
    items = []
    for pair in pairs.to_dict("records"):
        relation = _text(pair.get("relation"))
        if relation in ("", "independent"):
            continue
        a, b = _text(pair["doc_a"]), _text(pair["doc_b"])
        src, dst = _text(pair.get("source_doc")), _text(pair.get("derived_doc"))

        def who(doc: str) -> str:
            return f'<b>{_esc(outlets.get(doc, doc))}</b> <span class="fr-muted">({_esc(doc)})</span>'
        if src and dst:
            claim = f"{who(dst)} is a <b>{_esc(relation)}</b> of {who(src)}"
        else:
            claim = f"{who(a)} and {who(b)}: <b>{_esc(relation.replace('_', ' '))}</b> (no direction)"
        stats = (f'shared word sequences {_fmt(100 * pair["shingle_containment_a"], 0, "%")} of '
                 f'{_esc(a)}, {_fmt(100 * pair["shingle_containment_b"], 0, "%")} of {_esc(b)}; '
                 f'aligned sentences {_esc(pair.get("n_aligned"))}')
        rows = alignments[(alignments["doc_a"] == pair["doc_a"]) & (alignments["doc_b"] == pair["doc_b"])] \
            if len(alignments) else alignments
        evidence = "".join(
            f'<tr><td>{_esc(r["text_a"])}</td><td class="fr-num">{_fmt(r["similarity"], 2)}</td>'
            f'<td>{_esc(r["text_b"])}</td></tr>' for r in rows.to_dict("records"))
        n_rows = f"{len(rows)} aligned sentence" + ("s" if len(rows) != 1 else "")
        table = (f'<details><summary>Show the {n_rows}</summary>'
                 f'<table class="fr-table fr-align"><thead><tr><th>{_esc(outlets.get(a, a))}</th>'
                 f'<th>similarity</th><th>{_esc(outlets.get(b, b))}</th></tr></thead>'
                 f'<tbody>{evidence}</tbody></table></details>') if len(rows) else ""
        evidence_note = f'<p class="fr-note">{_esc(pair.get("evidence"))}</p>' \
            if not _is_missing(pair.get("evidence")) else ""
        # The reuse stage's own evidence line says it best; our figures otherwise.
        note = evidence_note or f'<p class="fr-note">{stats}</p>'
        items.append(f'<li><p>{claim}</p>{note}{table}</li>')
    groups = found.groups
    n_reports = groups["report_id"].nunique() if groups is not None and len(groups) else None
    lead = (f'<p>{len(analysis.articles)} articles, {n_reports} independent reports.</p>'
            if n_reports is not None else "")
    if not items:
        return lead + '<p class="fr-muted">No text reuse found between these articles.</p>'
    return lead + f'<ul class="fr-reuse">{"".join(items)}</ul>'


def _event_titles(analysis) -> dict[str, str]:
    return {event.id: event.title for event in getattr(analysis, "events", ()) or ()
            if getattr(event, "title", None)}


def _figure_makers(analysis) -> list[tuple[str, object]]:
    """(caption, zero-argument function drawing a Figure) for each key figure."""
    from . import plots
    from .figures import labelled_actors
    makers = []
    by_outlet = _optional(analysis.by_outlet)
    if by_outlet is not None and len(by_outlet):
        makers.append(("Framing profile: each outlet against the mean of the outlets",
                       lambda: plots.framing_profile_heatmap(by_outlet)))
    labels = _optional(analysis.labels)
    if labels is not None and len(labels):
        names = actor_names(getattr(analysis, "events", ()))
        # The two most-labelled actors that get a figure: enough for a class.
        for actor in labelled_actors(labels)[:2]:
            makers.append((f"Labels for {names.get(actor, actor)}, along the label ladder",
                           lambda actor=actor: plots.actor_label_chart(
                               labels, actor, actor_name=names.get(actor))))
    if by_outlet is not None and len(by_outlet):
        makers.append(("Loaded words in the outlet's own voice and in what it quotes",
                       lambda: plots.voice_chart(by_outlet, measure="loaded_rate")))
    found = getattr(analysis, "reuse", None)
    if found is not None and len(found.pairs):
        makers.append(("Text reuse: which article derives from which",
                       lambda: plots.reuse_map(analysis.articles, found.pairs, found.groups)))
    return makers


def key_figures(analysis) -> list[tuple[str, bytes | None]]:
    """(caption, PNG bytes) of the key figures drawn by :mod:`framing.plots`.
    A figure that fails to draw is reported with a warning and ``None`` bytes,
    so one broken chart does not cost the reader the whole report."""
    out = []
    for caption, make in _figure_makers(analysis):
        try:
            fig = make()
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight",
                        metadata={"Software": None})
        except Exception as err:  # noqa: BLE001 - shown in the report and warned about
            warnings.warn(f"report: figure {caption!r} could not be drawn: {err!r}",
                          RuntimeWarning, stacklevel=2)
            out.append((caption, None))
            continue
        out.append((caption, buffer.getvalue()))
    return out


def figures_html(analysis) -> str:
    figures = key_figures(analysis)
    if not figures:
        return '<p class="fr-muted">No figures: the comparison tables are not available.</p>'
    items = []
    for caption, png in figures:
        if png is None:
            items.append(f'<figure><p class="fr-muted">This figure could not be drawn.</p>'
                         f'<figcaption>{_esc(caption)}</figcaption></figure>')
        else:
            data = base64.b64encode(png).decode("ascii")
            items.append(f'<figure><img alt="{_esc(caption)}" src="data:image/png;base64,{data}">'
                         f'<figcaption>{_esc(caption)}</figcaption></figure>')
    return '<div class="fr-figures">' + "".join(items) + "</div>"


# --- public entry points --------------------------------------------------------

INTRO = (
    "Each column is one article about the same event. Highlights mark the words the "
    "toolkit counts: how each outlet <em>labels</em> the actors (colour runs from "
    "delegitimising to legitimising labels), <em>loaded</em> words, <em>hedges</em> and "
    "<em>boosters</em>, and the verbs that <em>attribute</em> speech. Shaded italic text is "
    "quoted speech, not the outlet's own voice. Point at or click a highlight for details.")


def _events(articles: pd.DataFrame) -> list:
    events = sorted({_text(e) for e in articles["event"]} - {""})
    if articles["event"].map(_is_missing).any():
        events.append(None)
    return events


def report_html(analysis, *, figures: bool = True) -> str:
    """The whole report as one HTML document (string)."""
    articles = analysis.articles
    events = _events(articles)
    sections = []
    by_doc = _ByDoc(analysis)
    for event in events:
        if event is None:
            sub = analysis.articles[analysis.articles["event"].map(_is_missing)]
            sections.append(_event_subset_html(analysis, sub, "Articles without an event", by_doc))
        else:
            sections.append(event_html(analysis, event, by_doc))
    titles = _event_titles(analysis)
    named = [titles.get(e, e) for e in events if e]
    title = "Framing report" + (f" — {'; '.join(named)}" if named else "")
    n_outlets = articles["outlet"].map(_text).nunique()
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">",
        f"<title>{_esc(title)}</title><style>{_css()}</style></head>",
        f'<body><div class="{ROOT_CLASS} fr-page">',
        f'<header class="fr-top"><h1>{_esc(title)}</h1>'
        f'<p class="fr-lead">{len(articles)} articles from {n_outlets} outlets. {INTRO}</p></header>',
        f'<nav class="fr-toolbar" aria-label="Layers">{legend_html(analysis, toggles=True)}</nav>',
        "<main>", *sections,
        '<section class="fr-section"><h2>Per-outlet comparison</h2>',
        outlet_table_html(analysis), "</section>",
    ]
    if figures:
        parts += ['<section class="fr-section"><h2>Key figures</h2>', figures_html(analysis), "</section>"]
    parts += ['<section class="fr-section"><h2>Text reuse</h2>', reuse_html(analysis), "</section>",
              "</main>",
              '<footer class="fr-note">Made with framing. Every highlight is one row of the '
              'spans table (doc, start, end).</footer>',
              f"</div><script>{_asset('report.js')}</script></body></html>"]
    return "\n".join(parts)


def _event_subset_html(analysis, articles: pd.DataFrame, heading: str, by_doc: _ByDoc) -> str:
    cards = _cards_html(analysis, articles, by_doc)
    return (f'<section class="fr-event"><h2>{_esc(heading)} '
            f'<span class="fr-muted">({len(articles)} articles)</span></h2>'
            f'<div class="fr-grid">{cards}</div></section>')


def write_report(analysis, path, *, figures: bool = True) -> Path:
    """Write the self-contained report to ``path`` (parent folders are created)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report_html(analysis, figures=figures), encoding="utf-8")
    return path


class HTMLView:
    """Inline HTML for Jupyter: styles scoped under ``.fr``, no script (hover
    details come from each highlight's ``title``)."""

    def __init__(self, body: str):
        self.body = body

    def _repr_html_(self) -> str:
        return f'<div class="{ROOT_CLASS} fr-inline"><style>{_css()}</style>{self.body}</div>'

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {len(self.body)} characters of HTML>"


def article_view(analysis, doc_id: str) -> HTMLView:
    """One article with its spans highlighted, for a notebook cell."""
    card = article_card_html(analysis, doc_id)
    return HTMLView(legend_html(analysis, toggles=False, doc_ids=[doc_id]) + card)


def event_view(analysis, event=None) -> HTMLView:
    """The articles of one event side by side (all articles if ``event`` is None)."""
    docs = analysis.articles["doc_id"]
    if event is not None:
        docs = docs[analysis.articles["event"].map(_text) == _text(event)]
    return HTMLView(legend_html(analysis, toggles=False, doc_ids=docs) + event_html(analysis, event))


def analysis_summary_html(analysis) -> str:
    """A compact summary of an Analysis: totals, then one row per article."""
    arts = analysis.articles
    spans = analysis.spans
    per_doc = (spans.groupby(["doc_id", "layer"]).size().unstack(fill_value=0)
               if len(spans) else pd.DataFrame(index=pd.Index([], name="doc_id")))
    n_quotes = analysis.quotes.groupby("doc_id").size() if len(analysis.quotes) else pd.Series(dtype=int)
    n_sent = analysis.sentences.groupby("doc_id").size() if len(analysis.sentences) else pd.Series(dtype=int)
    rows = []
    for art in arts.to_dict("records"):
        doc = art["doc_id"]
        title = _text(art.get("title"))
        title = title if len(title) <= 40 else title[:39].rstrip() + "…"
        row = {"doc_id": _text(doc), "outlet": _text(art.get("outlet")), "title": title,
               "date": _text(art.get("date")), "words": count_words(_text(art.get("text"))),
               "sentences": int(n_sent.get(doc, 0)), "quotes": int(n_quotes.get(doc, 0))}
        for layer in LAYERS:
            row[SHORT_NAMES[layer]] = (int(per_doc.loc[doc, layer])
                                                  if doc in per_doc.index and layer in per_doc else 0)
        rows.append(row)
    table = pd.DataFrame(rows)
    totals = (f'{len(arts)} articles, {arts["outlet"].map(_text).nunique()} outlets, '
              f'{len(analysis.sentences)} sentences, {len(analysis.quotes)} quotes, '
              f'{len(spans)} spans')
    body = f'<p><b>Analysis</b>: {_esc(totals)}</p>' + (
        _table_html(table).replace('class="fr-table"', 'class="fr-table fr-compact"', 1) if len(table) else "")
    return HTMLView(body)._repr_html_()
