"""The baseline a user would write in a notebook, for the speed comparison.

One ``re.findall`` per lexicon term over each article (through
``DataFrame.apply``), textstat's Flesch scores and VADER on the whole article.
The patterns are compiled once: written inline (``re.findall(rf"\b{term}\b",
text)``) they would overflow ``re``'s cache of 512 patterns with ~1,000 terms
and be recompiled on every call, about 25 times slower -- a baseline that
slow would flatter the pipeline.
It computes less than the pipeline (no sentences, quotes, voices or offsets)
and is what the pipeline's speed is measured against.
"""

from __future__ import annotations

import re

import pandas as pd


def baseline_features(articles: pd.DataFrame, terms: list[str]) -> pd.DataFrame:
    """Counts per lexicon term, Flesch reading ease and grade, VADER compound."""
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.readability import install_nltk_cmudict

    install_nltk_cmudict()  # textstat would otherwise call nltk.download
    analyzer = SentimentIntensityAnalyzer()

    patterns = {term: re.compile(r"\b" + re.escape(term) + r"\b", flags=re.IGNORECASE)
                for term in terms}

    def one(row) -> pd.Series:
        text = row["text"]
        counts = {term: len(pattern.findall(text)) for term, pattern in patterns.items()}
        counts["flesch_reading_ease"] = textstat.flesch_reading_ease(text)
        counts["flesch_kincaid_grade"] = textstat.flesch_kincaid_grade(text)
        counts["vader_compound"] = analyzer.polarity_scores(text)["compound"]
        return pd.Series(counts)

    return articles.apply(one, axis=1)
