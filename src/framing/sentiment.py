"""Sentence sentiment with VADER, and the tone of the sentences about each actor.

VADER is applied to one sentence at a time, never to a whole article: its
compound score is a squashed sum of valences and saturates near +-1 on long
texts. Text without a single word scores NaN, not a neutral 0.

Each sentence gets one voice, the voice of the majority of its words (ties go
to the more distant voice: quoted, then reported), because VADER's unit is the
sentence and splitting it at a quotation mark would score fragments.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import pandas as pd

from .tokens import WORD_RE

#: |compound| at or above this counts as positive / negative (VADER's own
#: recommended threshold, Hutto & Gilbert 2014).
POLARITY_THRESHOLD = 0.05

SENTENCE_SENTIMENT_COLUMNS = ["doc_id", "sent_id", "voice", "compound"]
ACTOR_TONE_COLUMNS = ["doc_id", "actor", "voice", "n_sentences", "mean", "sd", "share_negative"]


@cache
def analyzer():
    """The process's one VADER analyzer (its lexicon loads once, before
    workers fork, and is then shared): :mod:`framing.vader_fast`, which gives
    VADER's exact scores several times faster."""
    from .vader_fast import FastSentimentIntensityAnalyzer
    return FastSentimentIntensityAnalyzer()


def compound(text: str) -> float:
    """VADER compound score of one sentence; NaN when it has no word."""
    if not isinstance(text, str) or WORD_RE.search(text) is None:
        return math.nan
    return analyzer().compound(text)


def majority_voice(sentence: dict) -> str:
    """The voice of most of a sentence's words (ties: quoted > reported > own);
    ``own`` when the shares are unknown."""
    quoted = _share(sentence, "share_quoted")
    reported = _share(sentence, "share_reported")
    own = _share(sentence, "share_own")
    if quoted >= reported and quoted >= own:
        return "quoted" if quoted > 0 else "own"
    if reported >= own:
        return "reported" if reported > 0 else "own"
    return "own"


def _share(sentence: dict, key: str) -> float:
    value = sentence.get(key)
    return 0.0 if value is None or value != value else float(value)


def sentence_sentiment_document(text: str, sentences: list[dict]) -> list[dict]:
    """One record per sentence: doc_id, sent_id, voice (majority), compound."""
    return [{"doc_id": s["doc_id"], "sent_id": s["sent_id"], "voice": majority_voice(s),
             "compound": compound(text[s["start"]:s["end"]])} for s in sentences]


def sentence_sentiment(articles: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentence sentiment for a whole corpus (``SENTENCE_SENTIMENT_COLUMNS``)."""
    texts = dict(zip(articles["doc_id"], articles["text"], strict=True))
    records: list[dict] = []
    for doc_id, group in sentences.groupby("doc_id", sort=False):
        records.extend(sentence_sentiment_document(texts[doc_id], group.to_dict("records")))
    return pd.DataFrame.from_records(records, columns=SENTENCE_SENTIMENT_COLUMNS)


def summarize(scores: list[float]) -> dict[str, float]:
    """mean, sd (n-1), share_negative, share_positive and n of sentence scores
    (NaN scores are left out; statistics of no sentence are NaN)."""
    return summarize_array(np.array([v for v in scores if v == v], dtype=float))


def summarize_array(values: np.ndarray) -> dict[str, float]:
    """:func:`summarize` of a float array without NaN.

    The sums are numpy's (pairwise, as ``ndarray.mean`` and ``std`` add), the
    rest plain floats: the same numbers as those methods, without their overhead.
    """
    n = len(values)
    if n == 0:
        return {"mean": math.nan, "sd": math.nan, "share_negative": math.nan,
                "share_positive": math.nan, "sentences": 0}
    mean = float(np.add.reduce(values)) / n
    if n > 1:
        deviations = values - mean
        sd = math.sqrt(float(np.add.reduce(deviations * deviations)) / (n - 1))
    else:
        sd = math.nan
    return {"mean": mean, "sd": sd,
            "share_negative": int(np.count_nonzero(values <= -POLARITY_THRESHOLD)) / n,
            "share_positive": int(np.count_nonzero(values >= POLARITY_THRESHOLD)) / n,
            "sentences": n}


def mention_tone(spans: pd.DataFrame, sentiments: pd.DataFrame) -> pd.DataFrame:
    """The sentences that mention each event actor, with their score: doc_id,
    sent_id, actor, voice (of the mention), compound. A sentence appears once
    per (actor, voice of the mention). ``sentiments`` is
    :func:`sentence_sentiment`'s table. The one selection behind per-article
    (:func:`actor_tone`) and per-outlet (``compare.actor_tone_by_outlet``) tone."""
    mentions = spans.loc[(spans["layer"] == "actor_label") & spans["actor"].notna()
                         & spans["sent_id"].notna(), ["doc_id", "sent_id", "actor", "voice"]]
    mentions = mentions.drop_duplicates().astype({"sent_id": "int64"})
    scores = sentiments[["doc_id", "sent_id", "compound"]].astype({"sent_id": "int64"})
    return mentions.merge(scores, on=["doc_id", "sent_id"])


def actor_tone(sentences: pd.DataFrame, spans: pd.DataFrame,
               sentiments: pd.DataFrame) -> pd.DataFrame:
    """Tone of the sentences that mention each event actor, per article and voice.

    A sentence counts once per (actor, voice of the mention): "own" and
    "reported" mentions are the outlet's wording, "quoted" ones somebody
    else's. ``sentiments`` is :func:`sentence_sentiment`'s table; ``sentences``
    only restricts the result to known sentences. Columns
    ``ACTOR_TONE_COLUMNS``; ``sd`` is NaN for a single sentence.
    """
    known = sentences[["doc_id", "sent_id"]].astype({"sent_id": "int64"})
    scored = mention_tone(spans, sentiments).merge(known, on=["doc_id", "sent_id"])
    if scored.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in ACTOR_TONE_COLUMNS})
    rows = []
    for (doc_id, actor, voice), group in scored.groupby(["doc_id", "actor", "voice"], sort=True):
        stats = summarize(group["compound"].tolist())
        rows.append({"doc_id": doc_id, "actor": actor, "voice": voice,
                     "n_sentences": stats["sentences"], "mean": stats["mean"],
                     "sd": stats["sd"], "share_negative": stats["share_negative"]})
    return pd.DataFrame.from_records(rows, columns=ACTOR_TONE_COLUMNS)
