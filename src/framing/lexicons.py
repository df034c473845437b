"""Lexicons as versioned data files, validated on load (to implement)."""

from __future__ import annotations


class Lexicons:
    """All lexicon entries in use."""


def load_lexicons(paths=None) -> Lexicons:
    raise NotImplementedError
