"""framing: compare how news sources frame the same event.

Public names live here; everything else is internal.
"""

from .analysis import Analysis, analyze
from .corpus import Corpus, CorpusError, load_corpus

__all__ = ["Analysis", "Corpus", "CorpusError", "analyze", "load_corpus"]
__version__ = "0.1.0"
