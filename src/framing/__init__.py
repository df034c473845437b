"""framing: compare how news sources frame the same event.

Public names live here; everything else is internal. Start with
``framing.analyze("seeds")``, which returns an :class:`Analysis`.
"""

from .analysis import Analysis, analyze
from .annotate import build_annotator
from .compare import (
    compare_outlets,
    distinctive_terms,
    label_divergence,
    label_matrix,
    ladder_scores,
    outlet_table,
)
from .corpus import Corpus, CorpusError, CorpusWarning, load_corpus
from .events import Event, EventError, load_event
from .ladders import load_ladders
from .lexicons import LexiconError, Lexicons, load_lexicons
from .reuse import Reuse, detect_reuse
from .transformer import FramingFeatures

__all__ = [
    "Analysis", "Corpus", "CorpusError", "CorpusWarning", "Event", "EventError", "FramingFeatures",
    "LexiconError", "Lexicons", "Reuse", "analyze", "build_annotator", "compare_outlets",
    "detect_reuse", "distinctive_terms", "label_divergence", "label_matrix", "ladder_scores",
    "load_corpus", "load_event", "load_ladders", "load_lexicons", "outlet_table",
]
__version__ = "0.1.0"
