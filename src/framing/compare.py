"""Per-outlet comparisons with intervals and tests.

* :func:`outlet_table` -- every measure per outlet (and event), with a 95 %
  interval, the count behind it and a small-count flag
  (``schema.BY_OUTLET_COLUMNS``);
* :func:`compare_outlets` -- one outlet against the rest, or two outlets:
  permutation test and effect sizes;
* :func:`label_matrix`, :func:`ladder_scores`, :func:`label_divergence` --
  how each outlet labels each actor;
* :func:`sentence_tone`, :func:`actor_tone_by_outlet` -- the tone of each
  outlet's sentences, and of those that mention each actor;
* :func:`distinctive_terms` -- words and two-word phrases typical of each
  outlet (log-odds with an informative Dirichlet prior).

What each number means and where it stops meaning anything: docs/statistics.md.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from . import schema, stats
from .features import VOICE_SETS, category_key
from .sentiment import mention_tone
from .tokens import WORD_RE

#: Voices of the per-outlet rates (``outlet`` = own + reported, the outlet's
#: own wording: the figure to compare outlets on).
_SPLIT_VOICES = frozenset(VOICE_SETS)


# -- units: sentences (or paragraphs) with counts and words per voice ---------

def _article_meta(articles: pd.DataFrame, groups: pd.DataFrame | None) -> pd.DataFrame:
    """doc_id, event, outlet, report_id of the articles a comparison rests
    on. With ``groups`` only the original of each report is kept, so a copy or
    rewrite does not count as a second piece of evidence."""
    meta = articles[["doc_id", "outlet"]].copy()
    meta["event"] = articles.get("event", np.nan)
    meta["outlet"] = meta["outlet"].fillna("(unknown outlet)")
    if groups is None or len(groups) == 0:
        meta["report_id"] = np.nan
        return meta
    g = groups[["doc_id", "report_id", "is_original"]]
    meta = meta.merge(g, on="doc_id", how="left")
    meta["report_id"] = meta["report_id"].fillna(meta["doc_id"])
    keep = meta["is_original"].fillna(True).astype(bool)
    return meta[keep].drop(columns="is_original")


def _span_families(spans: pd.DataFrame) -> pd.Series:
    """Family name(s) of each span row: the layer, and layer_category."""
    cat = spans["category"].map(lambda c: category_key(c) if isinstance(c, str) and c else None)
    return spans["layer"].astype(str), np.where(cat.notna(), spans["layer"].astype(str) + "_"
                                                + cat.fillna(""), None)


def _units(meta: pd.DataFrame, sentences: pd.DataFrame, spans: pd.DataFrame,
           unit: str) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """One row per unit (sentence or paragraph): words per voice set and
    span counts per (family, voice set). Returns (unit table, counts table
    aligned with it, family names)."""
    if unit not in ("sentence", "paragraph", "article"):
        raise ValueError(f"unit must be 'sentence', 'paragraph' or 'article', not {unit!r}")
    sent = sentences[sentences["doc_id"].isin(meta["doc_id"])].copy()
    n_words = pd.to_numeric(sent["n_words"], errors="coerce").fillna(0).to_numpy(float)
    shares = {v: pd.to_numeric(sent[f"share_{v}"], errors="coerce").to_numpy(float)
              for v in ("own", "reported", "quoted")}
    known = ~np.isnan(shares["own"])
    for vset, pooled in VOICE_SETS.items():
        if vset == "all":
            sent["w_all"] = n_words
        else:
            # sentences whose voice split is unknown count for "all" only
            sent[f"w_{vset}"] = np.where(
                known, n_words * sum(np.nan_to_num(shares[p]) for p in pooled), 0.0)
    sent["_known"] = known
    key = {"sentence": ["doc_id", "sent_id"], "paragraph": ["doc_id", "paragraph"],
           "article": ["doc_id"]}[unit]

    sp = spans[spans["doc_id"].isin(meta["doc_id"])].copy()
    sp = _with_sent_id(sp, sent)
    layer_fam, cat_fam = _span_families(sp) if len(sp) else (pd.Series([], dtype=str), [])
    fam_rows = pd.concat([
        pd.DataFrame({"doc_id": sp["doc_id"].to_numpy(), "sent_id": sp["sent_id"].to_numpy(),
                      "family": np.asarray(layer_fam), "voice": sp["voice"].to_numpy()}),
        pd.DataFrame({"doc_id": sp["doc_id"].to_numpy(), "sent_id": sp["sent_id"].to_numpy(),
                      "family": np.asarray(cat_fam, dtype=object), "voice": sp["voice"].to_numpy()}),
    ], ignore_index=True).dropna(subset=["family", "sent_id"])
    families = sorted(set(schema.LAYERS) | set(fam_rows["family"]))
    sent_key = sent[["doc_id", "sent_id", "paragraph", "_known"]]
    fam_rows = fam_rows.merge(sent_key, on=["doc_id", "sent_id"], how="inner")
    cols = {}
    for vset, pooled in VOICE_SETS.items():
        rows = fam_rows[fam_rows["voice"].isin(pooled)]
        if vset != "all":
            rows = rows[rows["_known"]]
        counted = rows.groupby([*key, "family"]).size().unstack("family")
        for fam in families:
            cols[(fam, vset)] = counted[fam] if fam in counted else pd.Series(dtype=float)
    word_cols = [f"w_{v}" for v in VOICE_SETS]
    units = sent.groupby(key, sort=True)[word_cols].sum()
    counts = pd.DataFrame({k: v.reindex(units.index) for k, v in cols.items()},
                          index=units.index).fillna(0.0)
    counts.columns = pd.MultiIndex.from_tuples(counts.columns, names=["family", "voice"])
    units = units.reset_index().merge(meta, on="doc_id", how="left")
    return units, counts.reset_index(drop=True), families


def _with_sent_id(spans: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Fill a missing ``sent_id`` from the span's start offset."""
    missing = spans["sent_id"].isna()
    if not missing.any() or sentences.empty:
        return spans
    fill = []
    for doc_id, part in spans[missing].groupby("doc_id"):
        s = sentences[sentences["doc_id"] == doc_id].sort_values("start")
        idx = np.searchsorted(s["start"].to_numpy(), part["start"].to_numpy(), side="right") - 1
        ok = idx >= 0
        ids = np.where(ok, s["sent_id"].to_numpy()[np.clip(idx, 0, None)], None)
        fill.append(pd.Series(ids, index=part.index))
    spans = spans.copy()
    if fill:
        spans.loc[missing, "sent_id"] = pd.concat(fill)
    return spans


# -- the per-outlet table ------------------------------------------------------

def outlet_table(articles, sentences, spans, features, *, groups=None, seed=0,
                 n_boot: int = 2000, unit: str = "sentence") -> pd.DataFrame:
    """Every measure per outlet and event (``schema.BY_OUTLET_COLUMNS``).

    Span rates (``<layer>_rate``, ``<layer>_<category>_rate``) per 1,000
    words of the same voice set (own, reported, quoted, outlet = own +
    reported, all), recomputed from the spans and sentences so that each gets
    a percentile-bootstrap interval over ``unit`` (sentence or paragraph:
    the same draws for every measure of an outlet, seeded). Words of a voice
    in a sentence are its ``n_words`` times the voice's share.

    Other feature columns (sentiment, readability, sourcing, shares) are the
    mean over the outlet's articles with a bootstrap interval over articles
    (NaN with fewer than two); ``*_count_*`` columns are summed, without an
    interval. ``small`` follows :func:`stats.small_flag` for rates and means
    "fewer than 3 articles" for article means.

    ``groups`` (``Reuse.groups``): count independent reports -- only the
    original of each report group is kept; ``n_reports`` then says how many
    reports a figure rests on (NaN when ``groups`` is not given).
    """
    meta = _article_meta(articles, groups)
    rng = np.random.default_rng(seed)
    rows: list[dict] = []
    if sentences is not None and len(sentences):
        units, counts, families = _units(meta, sentences, spans, unit)
        for (event, outlet), idx in units.groupby(["event", "outlet"], dropna=False).groups.items():
            pos = units.index.get_indexer(idx)
            part = units.iloc[pos]
            c = counts.iloc[pos]
            wcols = [f"w_{v}" for _, v in c.columns.to_list()]
            words = part[wcols].to_numpy(float)
            value, low, high = stats.bootstrap_rates(c.to_numpy(float), words, n_boot=n_boot,
                                                     seed=rng)
            n_art = part["doc_id"].nunique()
            n_rep = part["report_id"].nunique() if part["report_id"].notna().any() else np.nan
            totals = c.sum(axis=0).to_numpy()
            for k, (fam, vset) in enumerate(c.columns.to_list()):
                n_units = int((words[:, k] > 0).sum())
                rows.append({"event": event, "outlet": outlet, "measure": f"{fam}_rate",
                             "voice": vset, "value": value[k], "ci_low": low[k],
                             "ci_high": high[k], "count": float(totals[k]), "n_units": n_units,
                             "n_articles": n_art, "n_reports": n_rep,
                             "small": stats.small_flag(totals[k], n_units)})
        done = {f"{fam}_rate" for fam in families}
    else:
        done = set()
    if features is not None and len(features):
        rows.extend(_feature_rows(meta, features, done, rng, n_boot))
    out = schema.frame_from_records(rows, schema.BY_OUTLET_COLUMNS)
    return out.sort_values(["event", "outlet", "measure", "voice"],
                           na_position="first", kind="stable").reset_index(drop=True)


def _feature_rows(meta, features, done, rng, n_boot) -> list[dict]:
    feats = features.merge(meta, on="doc_id", how="inner").reset_index(drop=True)
    columns = []
    for col in features.columns:
        if col == "doc_id" or "_" not in col:
            continue
        measure, voice = col.rsplit("_", 1)
        if voice not in _SPLIT_VOICES or measure in done:
            continue
        if measure.endswith("_rate") and measure.split("_")[0] in schema.LAYERS:
            continue  # span rates absent from the spans: every count is 0, covered above
        columns.append((col, measure, voice))
    if not columns:
        return []
    matrix = feats[[c for c, _, _ in columns]].apply(pd.to_numeric, errors="coerce")
    matrix = matrix.to_numpy(float)
    rows = []
    for (event, outlet), idx in feats.groupby(["event", "outlet"], dropna=False).indices.items():
        reports = feats["report_id"].to_numpy()[idx]
        n_rep = len(set(reports)) if pd.notna(reports).any() else np.nan
        values = matrix[idx]
        # one resampling of the outlet's articles serves every column
        mean, low, high, n_ok = stats.bootstrap_means(values, n_boot=n_boot, seed=rng)
        totals = np.nansum(values, axis=0)
        for k, (_, measure, voice) in enumerate(columns):
            base = {"event": event, "outlet": outlet, "measure": measure, "voice": voice,
                    "n_units": int(n_ok[k]), "n_articles": len(idx), "n_reports": n_rep,
                    "small": bool(n_ok[k] < 3)}
            if measure.endswith("_count"):
                total = float(totals[k]) if n_ok[k] else np.nan
                rows.append({**base, "value": total, "ci_low": np.nan, "ci_high": np.nan,
                             "count": total})
            else:
                rows.append({**base, "value": mean[k], "ci_low": low[k], "ci_high": high[k],
                             "count": np.nan})
    return rows


# -- one outlet against the rest, or two outlets ------------------------------

def compare_outlets(articles, sentences, spans, outlet_a, outlet_b=None, *, measures=None,
                    voice: str = "outlet", unit: str = "sentence", event=None,
                    groups=None, n_perm: int = 9999, seed: int = 0) -> pd.DataFrame:
    """Rate of each span measure in ``outlet_a`` against ``outlet_b`` (or all
    other outlets when None): permutation test over ``unit`` (sentence,
    paragraph or article) and effect sizes.

    Columns: event, outlet_a, outlet_b, measure, voice, unit, rate_a, rate_b,
    difference, ratio, cohens_d, p_value, p_holm (Holm-adjusted over the
    measures of this call), count_a, count_b, n_units_a, n_units_b, n_perm,
    small. ``measures``: family names (``hedge``, ``loaded_war``); default
    every layer. ``event``: restrict to one event's articles.
    """
    if voice not in VOICE_SETS:
        raise ValueError(f"voice must be one of {sorted(VOICE_SETS)}, not {voice!r}")
    meta = _article_meta(articles, groups)
    if event is not None:
        meta = meta[meta["event"] == event]
    if outlet_a not in set(meta["outlet"]):
        raise ValueError(f"outlet {outlet_a!r} is not in the articles; "
                         f"outlets: {sorted(meta['outlet'].unique())}")
    if outlet_b is not None:
        if outlet_b not in set(meta["outlet"]):
            raise ValueError(f"outlet {outlet_b!r} is not in the articles")
        meta = meta[meta["outlet"].isin([outlet_a, outlet_b])]
    units, counts, families = _units(meta, sentences, spans, unit)
    measures = list(schema.LAYERS) if measures is None else list(measures)
    in_a = (units["outlet"] == outlet_a).to_numpy()
    words = units[f"w_{voice}"].to_numpy(float)
    matrix = np.column_stack([
        counts[(fam, voice)].to_numpy(float) if (fam, voice) in counts else np.zeros(len(units))
        for fam in measures]) if measures else np.zeros((len(units), 0))
    results = stats.permutation_tests(matrix, words, in_a, n_perm=n_perm, seed=seed)
    rows = []
    for k, (fam, res) in enumerate(zip(measures, results, strict=True)):
        c = matrix[:, k]
        count_a, count_b = c[in_a].sum(), c[~in_a].sum()
        rows.append({"event": event, "outlet_a": outlet_a,
                     "outlet_b": outlet_b if outlet_b is not None else "(all others)",
                     "measure": f"{fam}_rate", "voice": voice, "unit": unit, **res,
                     "count_a": count_a, "count_b": count_b,
                     "small": stats.small_flag(count_a, res["n_units_a"])
                     or stats.small_flag(count_b, res["n_units_b"])})
    out = pd.DataFrame(rows)
    out["p_holm"] = _holm(out["p_value"].to_numpy(float))
    order = ["event", "outlet_a", "outlet_b", "measure", "voice", "unit", "rate_a", "rate_b",
             "difference", "ratio", "cohens_d", "p_value", "p_holm", "count_a", "count_b",
             "n_units_a", "n_units_b", "n_perm", "small"]
    return out[order]


def _holm(p: np.ndarray) -> np.ndarray:
    """Holm step-down adjusted p-values (NaN kept)."""
    out = np.full_like(p, np.nan)
    ok = ~np.isnan(p)
    q = p[ok]
    m = q.size
    if m == 0:
        return out
    order = np.argsort(q)
    adj = np.maximum.accumulate((m - np.arange(m)) * q[order])
    res = np.empty(m)
    res[order] = np.minimum(adj, 1.0)
    out[ok] = res
    return out


# -- labels of actors -----------------------------------------------------------

def _label_spans(spans: pd.DataFrame, articles: pd.DataFrame, actor) -> pd.DataFrame:
    lab = spans[(spans["layer"] == "actor_label") & spans["actor"].notna()
                & spans["category"].notna()]
    if actor is not None:
        lab = lab[lab["actor"] == actor]
    meta = _article_meta(articles, None)[["doc_id", "event", "outlet"]]
    lab = lab.merge(meta, on="doc_id", how="inner")
    # Reported labels stay apart: "designated a terrorist group by the United
    # States" is the outlet relaying someone else's label, not choosing it.
    lab = lab.assign(voice=lab["voice"].where(lab["voice"].isin(("own", "reported", "quoted")), "own"),
                     score=pd.to_numeric(lab["score"], errors="coerce"))
    return lab


def label_matrix(spans, articles, *, actor=None, seed=0) -> pd.DataFrame:
    """Share of each label class per outlet, actor and voice
    (``schema.LABEL_MATRIX_COLUMNS``): ``own`` is the outlet's narration,
    ``reported`` its wording inside a clause attributed to a source (e.g. a
    designation "by the United States"), ``quoted`` the sources' words. Classes are
    every class used for that actor in that event, ordered by ladder rank
    (the spans' ``score``), so an outlet that never uses a class gets a 0
    share with its interval. Intervals: Jeffreys (Dirichlet(1/2) posterior
    marginals); analytic, so ``seed`` is not used."""
    lab = _label_spans(spans, articles, actor)
    rows = []
    for (event, act), part in lab.groupby(["event", "actor"], dropna=False):
        ranks = part.groupby("category")["score"].mean().sort_values(kind="stable")
        classes = list(ranks.index)
        for (outlet, voice), sub in part.groupby(["outlet", "voice"]):
            n = sub["category"].value_counts().reindex(classes, fill_value=0).to_numpy(float)
            share, low, high = stats.share_intervals(n)
            for k, cls in enumerate(classes):
                rows.append({"event": event, "outlet": outlet, "actor": act, "voice": voice,
                             "label_class": cls, "rank": ranks[cls], "count": int(n[k]),
                             "share": share[k], "ci_low": low[k], "ci_high": high[k]})
    return schema.frame_from_records(rows, schema.LABEL_MATRIX_COLUMNS)


def ladder_scores(spans, articles, *, actor=None, seed=0, n_boot: int = 2000) -> pd.DataFrame:
    """Mean ladder score of an outlet's labels for each actor and voice, with a
    bootstrap interval over the label mentions. Columns: event, outlet,
    actor, voice, mean_score, ci_low, ci_high, count, small."""
    lab = _label_spans(spans, articles, actor).dropna(subset=["score"])
    rng = np.random.default_rng(seed)
    rows = []
    for (event, outlet, act, voice), sub in lab.groupby(["event", "outlet", "actor", "voice"],
                                                        dropna=False):
        mean, low, high = stats.bootstrap_mean(sub["score"].to_numpy(float), n_boot=n_boot,
                                               seed=rng)
        rows.append({"event": event, "outlet": outlet, "actor": act, "voice": voice,
                     "mean_score": mean, "ci_low": low, "ci_high": high, "count": len(sub),
                     "small": len(sub) < stats.MIN_COUNT})
    return pd.DataFrame(rows, columns=["event", "outlet", "actor", "voice", "mean_score",
                                       "ci_low", "ci_high", "count", "small"])


def label_divergence(spans, articles, *, actor=None, voice: str = "own") -> pd.DataFrame:
    """Jensen-Shannon divergence (base 2: 0 = same label distribution, 1 =
    no label in common) between every two outlets' label distributions for
    each actor. Columns: event, actor, voice, outlet_a, outlet_b,
    js_divergence, n_a, n_b. With few labels the divergence is biased upward
    (two samples of 3 rarely look alike): read it with n_a and n_b."""
    lab = _label_spans(spans, articles, actor)
    lab = lab[lab["voice"] == voice]
    rows = []
    for (event, act), part in lab.groupby(["event", "actor"], dropna=False):
        table = part.groupby(["outlet", "category"]).size().unstack(fill_value=0)
        outlets = list(table.index)
        for i, a in enumerate(outlets):
            for b in outlets[i + 1:]:
                rows.append({"event": event, "actor": act, "voice": voice, "outlet_a": a,
                             "outlet_b": b,
                             "js_divergence": stats.js_divergence(table.loc[a], table.loc[b]),
                             "n_a": int(table.loc[a].sum()), "n_b": int(table.loc[b].sum())})
    return pd.DataFrame(rows, columns=["event", "actor", "voice", "outlet_a", "outlet_b",
                                       "js_divergence", "n_a", "n_b"])


# -- distinctive terms ---------------------------------------------------------------

_BREAK = re.compile(r"[.!?;:()\[\]\"“”\n]|\s[-–—]\s")


# -- tone: sentence sentiment per outlet and per actor ------------------------

def sentence_tone(articles: pd.DataFrame, sentiments: pd.DataFrame) -> pd.DataFrame:
    """Sentence sentiment with each sentence's outlet: doc_id, sent_id,
    outlet, voice (the majority voice of its words), compound. ``sentiments``
    is ``sentiment.sentence_sentiment``'s table."""
    outlets = articles[["doc_id", "outlet"]]
    return sentiments.merge(outlets, on="doc_id", how="left")[
        ["doc_id", "sent_id", "outlet", "voice", "compound"]]


def actor_tone_by_outlet(articles: pd.DataFrame, spans: pd.DataFrame, sentiments: pd.DataFrame,
                         *, seed: int = 0, n_boot: int = 2000) -> pd.DataFrame:
    """Mean sentiment of the sentences that mention each actor, per outlet and
    voice of the mention (own, reported and quoted apart, as in the label
    matrix), with a bootstrap 95 % interval over those sentences. A sentence
    counts once per (actor, voice). Columns ``schema.ACTOR_TONE_BY_OUTLET_COLUMNS``."""
    columns = schema.ACTOR_TONE_BY_OUTLET_COLUMNS
    scored = mention_tone(spans, sentiments).merge(articles[["doc_id", "outlet"]], on="doc_id")
    if scored.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    rng = np.random.default_rng(seed)
    rows = []
    for (outlet, actor, voice), group in scored.groupby(["outlet", "actor", "voice"], sort=True):
        values = group["compound"].to_numpy(float)
        mean, low, high = stats.bootstrap_mean(values, n_boot=n_boot, seed=rng)
        n = int(np.isfinite(values).sum())
        rows.append({"outlet": outlet, "actor": actor, "voice": voice, "value": mean,
                     "ci_low": low, "ci_high": high, "count": n, "small": n < stats.MIN_COUNT})
    return pd.DataFrame(rows, columns=columns)


# -- distinctive terms ----------------------------------------------------------

def _segments(articles: pd.DataFrame, voices: pd.DataFrame | None):
    """(outlet, text piece) for each article, or for each own/reported voice
    segment when ``voices`` is given."""
    if voices is None:
        for row in articles[["outlet", "text"]].itertuples(index=False):
            if isinstance(row.text, str):
                yield row.outlet, row.text
        return
    text_of = dict(zip(articles["doc_id"], articles["text"], strict=True))
    outlet_of = dict(zip(articles["doc_id"], articles["outlet"], strict=True))
    own = voices[voices["voice"].isin(("own", "reported")) & voices["doc_id"].isin(text_of)]
    for row in own[["doc_id", "start", "end"]].itertuples(index=False):
        text = text_of[row.doc_id]
        if isinstance(text, str):
            yield outlet_of[row.doc_id], text[int(row.start):int(row.end)]


def _term_ids(text: str, vocab: dict, stop_ids: set, stop_words: bool):
    """Unigram and bigram ids of one text piece. Bigrams do not cross
    sentence or clause punctuation; stop-word unigrams and bigrams made of
    two stop words are dropped when ``stop_words``."""
    matches = list(WORD_RE.finditer(text))
    ids = np.fromiter((vocab.setdefault(m.group().lower().replace("\u2019", "'"), len(vocab))
                       for m in matches), dtype=np.int64, count=len(matches))
    if ids.size == 0:
        return ids, ids
    joined = np.array([not _BREAK.search(text[matches[k].end():matches[k + 1].start()])
                       for k in range(len(matches) - 1)], dtype=bool)
    is_stop = np.fromiter((i in stop_ids for i in ids), dtype=bool, count=ids.size)
    uni = ids[~is_stop] if stop_words else ids
    keep = joined & ~(is_stop[:-1] & is_stop[1:]) if stop_words else joined
    bi = (ids[:-1][keep] << np.int64(32)) | ids[1:][keep]
    return uni, bi


def distinctive_terms(articles, voices=None, *, top: int = 15, min_count: int = 3,
                      prior_scale: float = 1.0, stop_words: bool = True) -> pd.DataFrame:
    """Words and two-word phrases most typical of each outlet against all
    other outlets (``schema.DISTINCTIVE_COLUMNS``), any number of outlets.

    Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &
    Quinn 2008): the prior pseudo-counts are ``prior_scale`` times the term's
    count in the whole corpus; ``z`` is the log-odds over its approximate
    standard error. Terms counted fewer than ``min_count`` times in the whole
    corpus are left out. ``voices`` (the voice segments table): count only
    own and reported text, not quotations. Returns the ``top`` terms by z per
    outlet and n-gram length (1 and 2). Counting goes through integer ids
    (bigram = two 32-bit ids in one int64), never a document-term matrix.
    """
    vocab: dict[str, int] = {}
    stop_ids = {vocab.setdefault(w, len(vocab)) for w in ENGLISH_STOP_WORDS}
    per_outlet: dict[str, list] = {}
    for outlet, piece in _segments(articles, voices):
        uni, bi = _term_ids(piece, vocab, stop_ids, stop_words)
        per_outlet.setdefault(outlet, [[], []])
        per_outlet[outlet][0].append(uni)
        per_outlet[outlet][1].append(bi)
    outlets = sorted(per_outlet)
    words = np.empty(len(vocab), dtype=object)
    for w, i in vocab.items():
        words[i] = w
    rows = []
    if len(outlets) < 2:
        return schema.frame_from_records(rows, schema.DISTINCTIVE_COLUMNS)
    for n_gram in (1, 2):
        ids_per = [np.concatenate(per_outlet[o][n_gram - 1] or [np.empty(0, np.int64)])
                   for o in outlets]
        all_ids = np.concatenate(ids_per)
        terms, total = np.unique(all_ids, return_counts=True)
        keep = total >= min_count
        terms, total = terms[keep], total[keep].astype(float)
        if terms.size == 0:
            continue
        counts = np.zeros((terms.size, len(outlets)))
        for k, ids in enumerate(ids_per):
            t, c = np.unique(ids, return_counts=True)
            pos = np.searchsorted(terms, t)
            ok = (pos < terms.size) & (terms[np.clip(pos, 0, terms.size - 1)] == t)
            counts[pos[ok], k] = c[ok]
        prior = prior_scale * total
        for k, outlet in enumerate(outlets):
            y_i = counts[:, k]
            y_j = total - y_i
            delta, z = stats.log_odds_dirichlet(y_i, y_j, prior)
            best = np.argsort(-z, kind="stable")[:top]
            for t in best:
                if y_i[t] == 0:
                    continue
                term_id = int(terms[t])
                text = (words[term_id] if n_gram == 1
                        else f"{words[term_id >> 32]} {words[term_id & 0xFFFFFFFF]}")
                rows.append({"outlet": outlet, "term": text, "ngram": n_gram,
                             "count": int(y_i[t]), "count_rest": int(y_j[t]),
                             "log_odds": float(delta[t]), "z": float(z[t])})
    out = schema.frame_from_records(rows, schema.DISTINCTIVE_COLUMNS)
    return out.sort_values(["outlet", "ngram", "z"], ascending=[True, True, False],
                           kind="stable").reset_index(drop=True)
