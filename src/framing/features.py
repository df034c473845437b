"""One row of document features per article, columns ``<family>_<stat>_<voice>``.

Voices of a column:

- ``own``, ``reported``, ``quoted`` -- the three voices of the spans table;
- ``outlet`` = own + reported: every word the outlet chose itself (a reported
  clause paraphrases a source, but in the outlet's wording), the figure to
  compare outlets on;
- ``all`` -- the whole text.

Rates are per 1,000 words *of the same voice* (own-voice hedges per 1,000
own-voice words), NaN where that voice has no words. Sentence-level families
(sentiment, readability) give each sentence the voice of most of its words.

Every column is listed once, in :func:`feature_registry`; the names, the
transformer's ``get_feature_names_out`` and :func:`complete_features` all derive
from it. Label shares per actor are not here: they depend on the event's
actors, and ``compare.label_matrix`` gives them with intervals.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import chain
from operator import itemgetter

import numpy as np
import pandas as pd

from .lexicons import CATEGORIES as LEXICON_CATEGORIES
from .lexicons import LOADED_ATTRIBUTION
from .readability import (
    READABILITY_COUNTS,
    READABILITY_STATS,
    SKIPPED_ZONES,
    counts_in_ranges,
    scores_from_counts,
    text_syllables,
)
from .schema import LAYERS, VOICES
from .sentiment import sentence_sentiment_document, summarize_array
from .sourcing import SPEAKER_TYPES, normalize_speaker, sources_document
from .tokens import WORD_RE, word_starts

#: Every voice a column can be split by, and the span voices each one pools.
VOICE_SETS: dict[str, tuple[str, ...]] = {
    "own": ("own",), "reported": ("reported",), "quoted": ("quoted",),
    "outlet": ("own", "reported"), "all": ("own", "reported", "quoted"),
}
SPLIT_VOICES = tuple(VOICE_SETS)
SENTIMENT_STATS = ("mean", "sd", "share_negative", "share_positive", "sentences")
READABILITY_VOICES = ("all", "own")
PER_THOUSAND = 1000.0


def column_name(family: str, stat: str, voice: str) -> str:
    return f"{family}_{stat}_{voice}"


def category_key(category: str) -> str:
    """A lexicon category as it appears in a column name."""
    return _category_key(str(category))


@lru_cache(maxsize=4096)  # cached: a few dozen categories recur in every article
def _category_key(category: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", category.lower()).strip("_")


def feature_registry(categories: Mapping[str, Iterable[str]] | None = None) -> pd.DataFrame:
    """Every feature column, in order: name, family, stat, voice, layer, category
    and a one-line description. ``categories`` maps each layer to its lexicon
    categories (e.g. ``Lexicons.categories``); without it only per-layer
    columns are listed for the layers."""
    rows: list[tuple] = []

    def add(family, stat, voice, description, layer=None, category=None):
        rows.append((column_name(family, stat, voice), family, stat, voice, layer, category,
                     description))

    for v in SPLIT_VOICES:
        add("words", "count", v, f"words in {v} voice")
    for v in ("own", "reported", "quoted", "outlet"):
        add("words", "share", v, f"share of the article's words in {v} voice")
    add("sentences", "count", "all", "sentences")
    for layer in LAYERS:
        families = [(layer, None)] + [(f"{layer}_{category_key(c)}", c)
                                      for c in sorted((categories or {}).get(layer, ()))]
        for family, category in families:
            what = f"{layer} spans" + (f" of category {category}" if category else "")
            for v in SPLIT_VOICES:
                add(family, "count", v, f"{what} in {v} voice", layer, category)
                add(family, "rate", v, f"{what} per 1,000 {v}-voice words", layer, category)
    for v in SPLIT_VOICES:
        for stat in SENTIMENT_STATS:
            add("sentiment", stat, v, f"VADER compound per sentence, {stat}, sentences in {v} voice")
    for v in READABILITY_VOICES:
        for stat in READABILITY_STATS:
            add("readability", stat, v, f"{stat} of {v}-voice prose sentences")
    add("quotes", "speech_count", "all", "quotations that count as speech")
    add("quotes", "term_count", "all", "scare quotes and other non-speech quotations")
    add("sources", "count", "all", "attributions: speech quotes plus reported-speech segments")
    add("sources", "speakers", "all", "distinct named speakers")
    for kind in SPEAKER_TYPES:
        add(f"sources_{kind}", "count", "all", f"attributions to {kind} sources")
        add(f"sources_{kind}", "share", "all", f"share of attributions to {kind} sources")
    for v in ("outlet", "all"):
        add("attribution_loaded", "share", v,
            f"share of {v}-voice attribution verbs that are loaded "
            f"({', '.join(LOADED_ATTRIBUTION)})")
    return pd.DataFrame(rows, columns=["name", "family", "stat", "voice", "layer", "category",
                                       "description"])


def feature_names(categories: Mapping[str, Iterable[str]] | None = None) -> list[str]:
    """The feature columns (without ``doc_id``), in registry order."""
    return feature_registry(categories)["name"].tolist()


def default_categories(lexicons=None, annotator=None) -> dict[str, tuple[str, ...]]:
    """Every category a feature column exists for: the lexicons' categories
    plus whatever the annotator declares (``annotator.categories``, e.g. the
    label classes of its ladders)."""
    cats: dict[str, set] = {layer: set(values) for layer, values in LEXICON_CATEGORIES.items()}
    if lexicons is not None and hasattr(lexicons, "entries"):
        for layer, category in lexicons.entries[["layer", "category"]].drop_duplicates().itertuples(index=False):
            cats.setdefault(layer, set()).add(category)
    declared = getattr(annotator, "categories", None)
    if declared is None:
        declared = {"actor_label": _label_classes(annotator)}
    for layer, values in declared.items():
        cats.setdefault(layer, set()).update(values)
    return {layer: tuple(sorted(values)) for layer, values in cats.items()}


def _label_classes(annotator) -> set[str]:
    """Label classes of the annotator's ladders (plus name classes), for
    annotators that do not declare ``categories`` themselves."""
    ladders = getattr(getattr(annotator, "actors", None), "ladders", None)
    if ladders is None or not hasattr(ladders, "entries"):
        return set()
    from .ladders import NAME_CLASSES
    return set(ladders.entries["class"].dropna()) | set(NAME_CLASSES)


# -- per-document computation --------------------------------------------------

def syllables_and_starts(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The syllables and start offsets of the text's ``WORD_RE`` words (both
    vectorised or cached: no match object per word)."""
    syllables = text_syllables(text)
    starts = word_starts(text)
    if len(starts) != len(syllables):  # cannot happen while word_starts mirrors WORD_RE
        starts = np.fromiter((m.start() for m in WORD_RE.finditer(text)), dtype=np.int64)
    return syllables, starts


def words_by_voice(text: str, voices: list[dict], starts: np.ndarray | None = None) -> dict[str, int]:
    """Words whose first character lies in each voice (words outside every
    segment are own). ``starts``: the word start offsets, if already known."""
    # segments in order that do not overlap, and ascending word starts (what
    # the pipeline gives) are counted by bisection; anything else word by word
    counts = dict.fromkeys(VOICES, 0)
    if starts is None:
        starts = word_starts(text)
    if not voices:
        counts["own"] = len(starts)
        return counts
    seg_starts = np.array([s["start"] for s in voices], dtype=np.int64)
    seg_ends = np.array([s["end"] for s in voices], dtype=np.int64)
    if ((seg_starts <= seg_ends).all() and (seg_ends[:-1] <= seg_starts[1:]).all()
            and (starts[:-1] <= starts[1:]).all()):
        per_segment = _words_per_disjoint_segment(starts, seg_starts, seg_ends)
    else:
        per_segment = _words_per_segment(starts, seg_starts, seg_ends)
    counts["own"] += len(starts) - sum(per_segment)
    for segment, n in zip(voices, per_segment, strict=True):
        if n:
            counts[segment["voice"]] = counts.get(segment["voice"], 0) + n
    return counts


def _words_per_disjoint_segment(starts: np.ndarray, seg_starts: np.ndarray,
                                seg_ends: np.ndarray) -> list[int]:
    """:func:`_words_per_segment` for segments in order that do not overlap
    (as the voice stage gives them) and ascending word starts: the word starts
    in each segment's range by two bisections per segment, not one per word."""
    return (np.searchsorted(starts, seg_ends) - np.searchsorted(starts, seg_starts)).tolist()


def _words_per_segment(starts: np.ndarray, seg_starts: np.ndarray,
                       seg_ends: np.ndarray) -> list[int]:
    """Words per segment, each word given to the last segment starting at or
    before it if it starts before that segment's end."""
    idx = np.searchsorted(seg_starts, starts, side="right") - 1
    inside = (idx >= 0) & (starts < seg_ends[np.maximum(idx, 0)])
    return np.bincount(idx[inside], minlength=len(seg_starts)).tolist()


@lru_cache(maxsize=4096)  # cached: the same families recur in every article
def _span_columns(family: tuple[str, str | None]) -> tuple[str, ...]:
    """A span family's columns in output order: count then rate, per split voice."""
    layer, category = family
    name = layer if category is None else f"{layer}_{category}"
    return tuple(column_name(name, stat, v) for v in SPLIT_VOICES for stat in ("count", "rate"))


@lru_cache(maxsize=4096)  # cached: the same (layer, category) pairs recur in every article
def _span_families(layer: str, category) -> tuple[tuple[str, str | None], ...]:
    """The families a span counts in: its layer, and its layer's category if it has one."""
    if isinstance(category, str) and category:
        return (layer, None), (layer, _category_key(category))
    return ((layer, None),)


_SPAN_KIND = itemgetter("layer", "category", "voice")


def _family_order(family: tuple[str, str | None]) -> tuple[str, str]:
    return family[0], family[1] or ""


def _span_features(spans: list[dict], words: dict[str, int]) -> dict[str, float]:
    # (layer, category key or None) -> spans per voice, in _VOICE_CODES order
    counts: dict[tuple, list[int]] = {(layer, None): [0, 0, 0] for layer in LAYERS}
    # counted by distinct (layer, category, voice) first: spans repeat them
    try:
        kinds = Counter(map(_SPAN_KIND, spans))  # no Python call per span
    except KeyError:  # a span without a category
        kinds = Counter((span["layer"], span.get("category"), span["voice"]) for span in spans)
    for (layer, category, voice), n in kinds.items():
        code = _VOICE_CODES.get(voice)
        for family in _span_families(layer, category):
            by_voice = counts.get(family)
            if by_voice is None:  # a family with a span in no counted voice still gets columns
                by_voice = counts[family] = [0, 0, 0]
            if code is not None:
                by_voice[code] += n
    families = sorted(counts, key=_family_order)
    # every family's counts per split voice at once: (families x voices) @ (voices x split voices)
    split = np.array([counts[family] for family in families], dtype=np.int64) @ _POOLS_BY_CODE
    split_words = np.array([words[v] for v in SPLIT_VOICES], dtype=np.int64)
    rates = np.divide(split * PER_THOUSAND, split_words, out=np.full(split.shape, math.nan),
                      where=split_words > 0)
    # columns alternate count, rate (as _span_columns lists them)
    values: list = [None] * (2 * split.size)
    values[0::2] = split.ravel().tolist()
    values[1::2] = rates.ravel().tolist()
    out: dict[str, float] = dict(zip(chain.from_iterable(map(_span_columns, families)), values,
                                     strict=True))
    by_family = dict(zip(families, split.tolist(), strict=True))
    attribution = by_family[("attribution", None)]
    loaded = [sum(by_family.get(("attribution", key), (0,) * len(SPLIT_VOICES))[i]
                  for key in _LOADED_KEYS) for i in range(len(SPLIT_VOICES))]
    for name, i in _LOADED_SHARE_COLUMNS:
        out[name] = loaded[i] / attribution[i] if attribution[i] else math.nan
    return out


_LOADED_KEYS = tuple(category_key(c) for c in LOADED_ATTRIBUTION)
#: Each span or sentence voice's code, and each split voice's codes.
_VOICE_CODES = {v: code for code, v in enumerate(VOICES)}
_POOLED_CODES = tuple(tuple(_VOICE_CODES[p] for p in pooled) for pooled in VOICE_SETS.values())
#: Row i: which voice codes split voice i pools (indexing it by an array of codes gives a mask).
_POOLS = np.array([[code in codes for code in range(len(VOICES))] for codes in _POOLED_CODES])
#: Column i: 1 for the voice codes split voice i pools (counts per code @ it: counts per split voice).
_POOLS_BY_CODE = _POOLS.T.astype(np.int64)

# The fixed columns' names, built once: (name, what it holds) in output order.
_WORD_COUNT_COLUMNS = tuple((column_name("words", "count", v), v) for v in SPLIT_VOICES)
_WORD_SHARE_COLUMNS = tuple((column_name("words", "share", v), v)
                            for v in ("own", "reported", "quoted", "outlet"))
_SENTENCES_COLUMN = column_name("sentences", "count", "all")
_LOADED_SHARE_COLUMNS = tuple((column_name("attribution_loaded", "share", v), SPLIT_VOICES.index(v))
                              for v in ("outlet", "all"))
#: Per split voice, in SPLIT_VOICES order: (column, statistic) of each sentiment statistic.
_SENTIMENT_COLUMNS = tuple(tuple((column_name("sentiment", stat, v), stat) for stat in SENTIMENT_STATS)
                           for v in SPLIT_VOICES)
#: Per readability voice: (column, statistic) of each readability statistic.
_READABILITY_COLUMNS = tuple(tuple((column_name("readability", stat, v), stat)
                                   for stat in READABILITY_STATS) for v in READABILITY_VOICES)
_QUOTE_COUNT_COLUMNS = (column_name("quotes", "speech_count", "all"),
                        column_name("quotes", "term_count", "all"))
_SOURCE_COUNT_COLUMNS = (column_name("sources", "count", "all"),
                         column_name("sources", "speakers", "all"))
#: (type, count column, share column) per speaker type.
_SOURCE_TYPE_COLUMNS = tuple((kind, column_name(f"sources_{kind}", "count", "all"),
                              column_name(f"sources_{kind}", "share", "all")) for kind in SPEAKER_TYPES)


def _sentiment_features(compounds: list[float], voice_of: list[str]) -> dict[str, float]:
    scores = np.array(compounds, dtype=float)
    scored = scores == scores  # sentences without a word count for no voice
    codes = np.fromiter(map(_VOICE_CODES.__getitem__, voice_of), dtype=np.int8,
                        count=len(voice_of))[scored]
    scores = scores[scored]
    out: dict[str, float] = {}
    for columns, pools in zip(_SENTIMENT_COLUMNS, _POOLS, strict=True):
        stats = summarize_array(scores[pools[codes]])
        for name, stat in columns:
            out[name] = stats[stat]
    return out


def _readability_features(sentences: list[dict], voice_of: list[str], syllables: np.ndarray,
                          starts: np.ndarray) -> dict[str, float]:
    """Readability of prose sentences by voice, from the syllables and starts
    of the article's words (a word belongs to the sentence its first character is in). Each
    sentence is counted once and the counts summed per voice."""
    prose = [(s, sv) for s, sv in zip(sentences, voice_of, strict=True)
             if s.get("zone") not in SKIPPED_ZONES]
    counts = np.zeros((0, len(READABILITY_COUNTS)), dtype=np.int64)
    if prose:
        # one flat list of ints: numpy reads it faster than a list of pairs
        edges = np.array([x for s, _ in prose for x in (s["start"], s["end"])])
        counts = counts_in_ranges(syllables, np.searchsorted(starts, edges).reshape(-1, 2))
    out: dict[str, float] = {}
    for v, columns in zip(READABILITY_VOICES, _READABILITY_COLUMNS, strict=True):
        pooled = VOICE_SETS[v]
        in_voice = np.array([sv in pooled for _, sv in prose], dtype=bool)
        totals = counts[in_voice].sum(axis=0).tolist()
        scores = scores_from_counts(dict(zip(READABILITY_COUNTS, totals, strict=True)))
        for name, stat in columns:
            out[name] = scores[stat]
    return out


def _sourcing_features(text: str, sentences: list[dict], quotes: list[dict],
                       voices: list[dict]) -> dict[str, float]:
    sources = sources_document(text, sentences, quotes, voices)
    n = len(sources)
    types = Counter(s["type"] for s in sources)
    speakers = {normalize_speaker(s["speaker"]) for s in sources if s["speaker"]}
    speech = sum(1 for q in quotes if q.get("counts_as_speech"))
    speech_name, term_name = _QUOTE_COUNT_COLUMNS
    count_name, speakers_name = _SOURCE_COUNT_COLUMNS
    out: dict[str, float] = {speech_name: speech, term_name: len(quotes) - speech,
                             count_name: n, speakers_name: len(speakers)}
    for kind, count_name, share_name in _SOURCE_TYPE_COLUMNS:
        out[count_name] = types[kind]
        out[share_name] = types[kind] / n if n else math.nan
    return out


def document_features(article: dict, sentences: list[dict], quotes: list[dict],
                      voices: list[dict], spans: list[dict],
                      sentiment: list[dict] | None = None) -> dict:
    """Feature dict for one article; first key ``doc_id``.

    ``sentiment``: the article's ``sentiment.sentence_sentiment_document``
    records, when the caller has them (scored here otherwise). Category
    columns appear only for categories with a hit in this article;
    :func:`complete_features` adds the zeros when the rows become a table.
    """
    text = article["text"] if isinstance(article.get("text"), str) else ""
    syllables, starts = syllables_and_starts(text)  # one tokenization for every count
    by_voice = words_by_voice(text, voices, starts)
    words = {v: sum(by_voice[p] for p in pooled) for v, pooled in VOICE_SETS.items()}
    out: dict = {"doc_id": article["doc_id"]}
    for name, v in _WORD_COUNT_COLUMNS:
        out[name] = words[v]
    for name, v in _WORD_SHARE_COLUMNS:
        out[name] = words[v] / words["all"] if words["all"] else math.nan
    out[_SENTENCES_COLUMN] = len(sentences)
    out.update(_span_features(spans, words))
    if sentiment is None:
        sentiment = sentence_sentiment_document(text, sentences)
    voice_of = [s["voice"] for s in sentiment]
    out.update(_sentiment_features([s["compound"] for s in sentiment], voice_of))
    out.update(_readability_features(sentences, voice_of, syllables, starts))
    out.update(_sourcing_features(text, sentences, quotes, voices))
    return out


def complete_features(features: pd.DataFrame,
                      categories: Mapping[str, Iterable[str]] | None = None) -> pd.DataFrame:
    """The feature table in registry order: ``doc_id`` then every registered
    column. Categories seen in any row are added to ``categories``; a category
    absent from an article counts 0 there (its rate 0, or NaN where the voice
    has no words)."""
    cats: dict[str, set] = {layer: set((categories or {}).get(layer, ())) for layer in LAYERS}
    for name in features.columns:
        for layer in LAYERS:
            prefix = f"{layer}_"
            if name.startswith(prefix) and name.endswith("_count_all"):
                cat = name[len(prefix):-len("_count_all")]
                if cat:
                    cats[layer].add(cat)
    registry = feature_registry(cats)
    out = features.reindex(columns=["doc_id", *registry["name"]])
    is_cat = registry["category"].notna() & registry["layer"].notna()
    counts = registry[is_cat & (registry["stat"] == "count")]
    if len(counts):
        out[counts["name"].tolist()] = out[counts["name"]].fillna(0).astype("int64")
    rates = registry[is_cat & (registry["stat"] == "rate")]
    for voice, group in rates.groupby("voice"):
        words = out[column_name("words", "count", voice)].to_numpy(dtype=float)
        per_word = np.divide(PER_THOUSAND, words, out=np.full_like(words, math.nan), where=words > 0)
        count_names = [column_name(f, "count", voice) for f in group["family"]]
        out[group["name"].tolist()] = out[count_names].to_numpy(dtype=float) * per_word[:, None]
    return out
