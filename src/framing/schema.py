"""Column contracts of the tables that flow between stages.

Every stage returns a DataFrame with exactly these columns (in this order), so
that stages can be developed and tested apart and joined on ``doc_id``.
Offsets (``start``/``end``) are Python ``str`` indices into the article's clean
``text``; ``end`` is exclusive.
"""

from __future__ import annotations

import pandas as pd

#: One row per article. ``text`` is the clean text every offset refers to;
#: ``raw_text`` is the decoded input before boilerplate was moved aside.
ARTICLE_COLUMNS = [
    "doc_id", "outlet", "title", "date", "url", "event", "source",
    "text", "raw_text",
]

#: Material moved out of the text (never dropped): raw offsets plus the
#: position in the clean text where it used to stand.
BOILERPLATE_COLUMNS = ["doc_id", "raw_start", "raw_end", "clean_pos", "kind", "text"]

#: One row per sentence. ``zone`` is headline | lede | body | heading.
#: ``share_*`` are the fractions of the sentence's words in each voice.
SENTENCE_COLUMNS = [
    "doc_id", "sent_id", "start", "end", "paragraph", "zone", "n_words",
    "share_own", "share_reported", "share_quoted",
]

#: Quotation spans. ``kind``: direct | partial | embedded_post | term.
#: ``start``/``end`` include the quotation marks, ``inner_*`` exclude them.
QUOTE_COLUMNS = [
    "doc_id", "quote_id", "start", "end", "inner_start", "inner_end", "kind",
    "counts_as_speech", "speaker", "speaker_start", "speaker_end", "verb",
]

#: Contiguous, non-overlapping segments covering the whole text, each with a
#: voice: own | reported | quoted. ``source`` is the speaker or attributed
#: source where known; ``quote_id`` links quoted segments to their quote.
VOICE_COLUMNS = ["doc_id", "start", "end", "voice", "source", "quote_id"]

#: Every finding. ``layer``: actor_label | loaded | hedge | booster |
#: attribution. ``category`` is the class within the layer (label class,
#: hedge type, verb class ...). ``score`` is the ladder score for labels,
#: the intensity for loaded words, NaN where it does not apply.
SPAN_COLUMNS = [
    "doc_id", "start", "end", "text", "layer", "category", "term", "actor",
    "score", "voice", "speaker", "sent_id",
]

VOICES = ("own", "reported", "quoted")
LAYERS = ("actor_label", "loaded", "hedge", "booster", "attribution")


def empty_frame(columns: list[str]) -> pd.DataFrame:
    """An empty table with the given columns (object dtype)."""
    return pd.DataFrame({name: pd.Series(dtype=object) for name in columns})


def frame_from_records(records: list[dict], columns: list[str]) -> pd.DataFrame:
    """Build a table from row dicts, in the contract's column order."""
    if not records:
        return empty_frame(columns)
    return pd.DataFrame.from_records(records, columns=columns)

# --- comparison tables (compare / reuse stages) -------------------------------

#: Long per-outlet table: one row per outlet x measure. ``value`` is the
#: outlet's rate or mean, ``ci_low``/``ci_high`` its 95 % interval, ``count``
#: the hits behind it, ``n_units`` the sentences (or words) it rests on and
#: ``small`` flags counts too small to read anything into.
BY_OUTLET_COLUMNS = [
    "event", "outlet", "measure", "voice", "value", "ci_low", "ci_high",
    "count", "n_units", "n_articles", "n_reports", "small",
]

#: Label shares per outlet and actor: ``voice`` is own (own + reported) or
#: quoted; ``rank`` is the label class's position on the actor's ladder.
LABEL_MATRIX_COLUMNS = [
    "event", "outlet", "actor", "voice", "label_class", "rank", "count",
    "share", "ci_low", "ci_high",
]

#: Tone of the sentences that mention an actor, per outlet and voice of the
#: mention: ``value`` is the mean VADER compound with a bootstrap interval,
#: ``count`` the sentences behind it, ``small`` flags too few to compare.
ACTOR_TONE_BY_OUTLET_COLUMNS = [
    "outlet", "actor", "voice", "value", "ci_low", "ci_high", "count", "small",
]

#: Distinctive terms, one outlet against all others (Monroe et al. 2008).
DISTINCTIVE_COLUMNS = [
    "outlet", "term", "ngram", "count", "count_rest", "log_odds", "z",
]

#: Text reuse between two articles. ``relation``: copy | rewrite | summary |
#: extension (the derived text is the longer one) | shared_source | independent. ``source_doc``/``derived_doc`` are set where
#: the evidence supports a direction, else NaN.
REUSE_PAIR_COLUMNS = [
    "doc_a", "doc_b", "shingle_containment_a", "shingle_containment_b",
    "aligned_share_a", "aligned_share_b", "n_aligned", "relation",
    "source_doc", "derived_doc", "evidence",
]

#: Aligned sentence pairs: the evidence behind each reuse pair.
ALIGNMENT_COLUMNS = [
    "doc_a", "sent_a", "doc_b", "sent_b", "similarity", "text_a", "text_b",
]

#: Independent reports: every article mapped to the report it belongs to.
REPORT_GROUP_COLUMNS = ["doc_id", "report_id", "is_original"]
