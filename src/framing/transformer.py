"""``FramingFeatures``: framing's per-article features as a scikit-learn transformer.

Feed texts in, get one row of numeric features per text (the columns of
:func:`framing.features.feature_registry`), so framing's measures can sit in a
user's own ``Pipeline`` or ``ColumnTransformer``::

    from sklearn.pipeline import make_pipeline
    from sklearn.linear_model import LogisticRegression
    from sklearn.impute import SimpleImputer
    model = make_pipeline(FramingFeatures(), SimpleImputer(), LogisticRegression())

Undefined values (no own-voice words, too short to score) are NaN, so put an
imputer before estimators that do not accept NaN.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from . import schema
from .features import complete_features, default_categories, feature_registry


class FramingFeatures(TransformerMixin, BaseEstimator):
    """Framing features of each text: rates of labels, loaded words, hedges,
    boosters and attribution verbs per voice, sentence sentiment, readability
    and sourcing.

    Parameters
    ----------
    event : str, Path, Event, list of them, or None
        Event file(s) naming the actors whose labels are counted; without one
        the actor-label columns are 0 (no actor is known).
    lexicons : str, Path, list, Lexicons, or None
        Extra lexicon files (added to the package's own), or a ``Lexicons``.
    families : list of str or None
        Keep only these feature families (e.g. ``["hedge", "sentiment"]``;
        a family is the part of a column name before its statistic). None
        keeps every column.
    n_jobs : int
        Worker processes for :meth:`transform` (forked; 1 runs in-process).

    Attributes
    ----------
    feature_names_out_ : ndarray of str
        The output columns, fixed at fit.
    categories_ : dict
        Categories per layer that have columns.
    """

    def __init__(self, *, event=None, lexicons=None, families=None, n_jobs=1):
        self.event = event
        self.lexicons = lexicons
        self.families = families
        self.n_jobs = n_jobs

    # -- fitting ------------------------------------------------------------
    def fit(self, X, y=None):
        """Fix the output columns (learns nothing from the texts themselves)."""
        _as_texts(X)  # validate the input the same way transform will
        annotator, lexicons = self._build()
        self.categories_ = default_categories(lexicons, annotator)
        registry = feature_registry(self.categories_)
        if self.families is not None:
            if isinstance(self.families, str):
                raise TypeError("families must be a list of family names, e.g. ['hedge']")
            wanted = set(self.families)
            unknown = wanted - set(registry["family"])
            if unknown:
                raise ValueError(f"unknown feature families {sorted(unknown)}; "
                                 f"known: {sorted(set(registry['family']))}")
            registry = registry[registry["family"].isin(wanted)]
        self.feature_names_out_ = registry["name"].to_numpy(dtype=object)
        return self

    def transform(self, X):
        """One row of features per text, columns ``feature_names_out_``."""
        check_is_fitted(self, "feature_names_out_")
        texts = _as_texts(X)
        from .pipeline import run_documents

        annotator, _ = self._build()
        n = len(texts)
        articles = pd.DataFrame({
            "doc_id": [f"doc{i}" for i in range(n)], "outlet": [None] * n, "title": [None] * n,
            "date": [None] * n, "url": [None] * n, "event": [None] * n, "source": [None] * n,
            "text": texts, "raw_text": texts})[schema.ARTICLE_COLUMNS]
        tables = run_documents(articles, annotator, n_jobs=self.n_jobs)
        features = complete_features(tables["features"], self.categories_)
        features = features.set_index("doc_id").reindex(articles["doc_id"])
        return features.reindex(columns=list(self.feature_names_out_)).to_numpy(dtype=float)

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self, "feature_names_out_")
        return np.asarray(self.feature_names_out_, dtype=object)

    # -- internals ----------------------------------------------------------
    def _build(self):
        """The annotator for the current parameters, built once per process
        and per parameter set (never pickled with the estimator)."""
        key = (_freeze(self.event), _freeze(self.lexicons))
        cached = _ANNOTATORS.get(key)
        if cached is None:
            from .analysis import _as_events
            from .annotate import build_annotator
            from .lexicons import Lexicons, load_lexicons

            lexicons = (self.lexicons if isinstance(self.lexicons, Lexicons)
                        else load_lexicons(self.lexicons))
            cached = (build_annotator(lexicons, _as_events(self.event)), lexicons)
            _ANNOTATORS.clear()  # keep one: annotators hold large automata
            _ANNOTATORS[key] = cached
        return cached

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.input_tags.allow_nan = True
        tags.requires_fit = True
        return tags


_ANNOTATORS: dict = {}


def _freeze(value):
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, str | int | float | type(None)):
        return value
    return str(value) if not hasattr(value, "__dict__") else id(value)


def _as_texts(X) -> list[str]:
    """Texts from a list/array/Series/one-column DataFrame (or one with a
    ``text`` column); a bare string is refused (it would be read as letters)."""
    if isinstance(X, str | bytes):
        raise ValueError("FramingFeatures expects an iterable of texts, one per article, "
                         "but got a single string; wrap it in a list: [text].")
    if isinstance(X, pd.DataFrame):
        if "text" in X.columns:
            X = X["text"]
        elif X.shape[1] == 1:
            X = X.iloc[:, 0]
        else:
            raise ValueError(f"FramingFeatures got a DataFrame with columns {list(X.columns)}; "
                             "pass one text column (or a DataFrame with a 'text' column).")
    elif isinstance(X, np.ndarray) and X.ndim == 2:
        if X.shape[1] != 1:
            raise ValueError(f"FramingFeatures expects one text per row; got an array of shape {X.shape}.")
        X = X[:, 0]
    if not isinstance(X, Iterable):
        raise TypeError(f"FramingFeatures expects an iterable of texts, got {type(X).__name__}.")
    texts = []
    for i, value in enumerate(X):
        if value is None or (isinstance(value, float) and value != value):
            texts.append("")
        elif isinstance(value, str):
            texts.append(value)
        else:
            raise TypeError(f"FramingFeatures: item {i} is a {type(value).__name__}, not a text (str).")
    return texts
