"""Per-outlet comparisons with intervals and tests (to implement)."""

from __future__ import annotations


def outlet_table(articles, sentences, spans, features, *, groups=None, seed=0):
    raise NotImplementedError


def label_matrix(spans, articles, *, actor=None, seed=0):
    raise NotImplementedError


def distinctive_terms(articles, voices=None, *, top=15):
    raise NotImplementedError
