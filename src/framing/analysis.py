"""The one result object of a run: every table, computed once, then only read.

``analyze(corpus)`` runs the per-article stages (pipeline) and the corpus-level
stages (text reuse) and returns an :class:`Analysis`; the comparison tables are
derived from it on request, so a notebook can ask for them with other options.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import compare, reuse
from .annotate import build_annotator
from .corpus import Corpus, load_corpus
from .events import Event, find_event_files, load_event
from .ladders import Ladders, load_ladders
from .lexicons import Lexicons, load_lexicons
from .pipeline import run_documents

#: The per-article tables of a run, as saved by ``save``.
TABLES = ("articles", "boilerplate", "sentences", "quotes", "voices", "spans", "features")


@dataclass(frozen=True, repr=False)
class Analysis:
    """All tables of one run. Attributes are DataFrames; methods derive views."""

    articles: pd.DataFrame
    boilerplate: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame
    voices: pd.DataFrame
    spans: pd.DataFrame
    features: pd.DataFrame
    reuse: reuse.Reuse
    events: tuple[Event, ...] = ()
    lexicons: Lexicons | None = None
    _cache: dict = field(default_factory=dict, compare=False)

    # -- comparison views ---------------------------------------------------
    def by_outlet(self, *, independent: bool = False, seed: int = 0) -> pd.DataFrame:
        """Every measure per outlet with a 95 % interval (``schema.BY_OUTLET_COLUMNS``).
        ``independent=True`` counts independent reports instead of articles."""
        key = ("by_outlet", independent, seed)
        if key not in self._cache:
            groups = self.reuse.groups if independent else None
            self._cache[key] = compare.outlet_table(
                self.articles, self.sentences, self.spans, self.features,
                groups=groups, seed=seed)
        return self._cache[key]

    def labels(self, actor: str | None = None, *, seed: int = 0) -> pd.DataFrame:
        """Share of each label class per outlet (and actor), own voice and quoted apart."""
        key = ("labels", actor, seed)
        if key not in self._cache:
            self._cache[key] = compare.label_matrix(self.spans, self.articles, actor=actor, seed=seed)
        return self._cache[key]

    def distinctive_terms(self, *, own_voice: bool = False, top: int = 15) -> pd.DataFrame:
        """Words and two-word phrases most typical of each outlet against the rest."""
        key = ("distinctive", own_voice, top)
        if key not in self._cache:
            self._cache[key] = compare.distinctive_terms(
                self.articles, self.voices if own_voice else None, top=top)
        return self._cache[key]

    def ladder_scores(self, actor: str | None = None, *, seed: int = 0) -> pd.DataFrame:
        """Mean ladder score per outlet, actor and voice, with a bootstrap interval."""
        key = ("ladder_scores", actor, seed)
        if key not in self._cache:
            self._cache[key] = compare.ladder_scores(self.spans, self.articles, actor=actor, seed=seed)
        return self._cache[key]

    def label_divergence(self, actor: str | None = None, *, voice: str = "own") -> pd.DataFrame:
        """Jensen-Shannon divergence between outlets' label distributions."""
        return compare.label_divergence(self.spans, self.articles, actor=actor, voice=voice)

    def sentence_sentiment(self) -> pd.DataFrame:
        """VADER compound of every sentence with its majority voice."""
        if "sentence_sentiment" not in self._cache:
            from .sentiment import sentence_sentiment
            self._cache["sentence_sentiment"] = sentence_sentiment(self.articles, self.sentences)
        return self._cache["sentence_sentiment"]

    def sentence_tone(self) -> pd.DataFrame:
        """Sentence sentiment with each sentence's outlet (for per-outlet distributions)."""
        return compare.sentence_tone(self.articles, self.sentence_sentiment())

    def actor_tone(self) -> pd.DataFrame:
        """Tone of the sentences that mention each actor, per article and voice of the mention."""
        from .sentiment import actor_tone
        return actor_tone(self.sentences, self.spans, self.sentence_sentiment())

    def actor_tone_by_outlet(self, *, seed: int = 0) -> pd.DataFrame:
        """Tone of the sentences that mention each actor, per outlet and voice
        of the mention, with a bootstrap 95 % interval."""
        key = ("actor_tone_by_outlet", seed)
        if key not in self._cache:
            self._cache[key] = compare.actor_tone_by_outlet(
                self.articles, self.spans, self.sentence_sentiment(), seed=seed)
        return self._cache[key]

    def compare(self, outlet_a: str, outlet_b: str | None = None, **options) -> pd.DataFrame:
        """Outlet A against B (or all others): permutation test and effect size per measure."""
        return compare.compare_outlets(self.articles, self.sentences, self.spans,
                                       outlet_a, outlet_b, **options)

    # -- display ------------------------------------------------------------
    def show(self, doc_id: str):
        """One article with its spans highlighted (renders in Jupyter)."""
        from .report import article_view
        return article_view(self, doc_id)

    def show_event(self, event: str | None = None):
        """The articles of one event side by side, highlighted (renders in Jupyter)."""
        from .report import event_view
        return event_view(self, event)

    def report(self, path: str | Path, *, figures: bool = True) -> Path:
        """Write the self-contained side-by-side HTML report."""
        from .report import write_report
        return write_report(self, path, figures=figures)

    def save(self, directory: str | Path) -> Path:
        """Write every table as CSV and Parquet into ``directory``."""
        from .io import save_analysis
        return save_analysis(self, directory)

    def summary(self) -> pd.DataFrame:
        """One line per article: outlet, words, quotes, spans per layer."""
        counts = self.spans.pivot_table(index="doc_id", columns="layer", values="start",
                                        aggfunc="count", fill_value=0)
        base = self.articles.set_index("doc_id")[["outlet", "title", "date"]]
        n_quotes = self.quotes.groupby("doc_id").size().rename("quotes")
        n_sent = self.sentences.groupby("doc_id").size().rename("sentences")
        out = base.join(n_sent).join(n_quotes).join(counts)
        return out.fillna({"quotes": 0}).reset_index()

    def __repr__(self) -> str:
        return (f"Analysis({len(self.articles)} articles, {self.articles['outlet'].nunique()} outlets, "
                f"{len(self.sentences)} sentences, {len(self.quotes)} quotes, {len(self.spans)} spans)")

    def _repr_html_(self) -> str:
        from .report import analysis_summary_html
        return analysis_summary_html(self)


def analyze(corpus, *, event=None, lexicons=None, ladders=None, manifest=None,
            n_jobs: int | None = None, progress=None) -> Analysis:
    """Analyse a corpus (a :class:`Corpus`, a path, or a DataFrame with a
    ``text`` column). ``event``: event file path(s) or :class:`Event`; by
    default the event files found next to a corpus folder. ``lexicons``:
    extra lexicon files, or a :class:`Lexicons`. ``ladders``: extra ladder
    files (added to the package's own, format in docs/events.md), or a
    :class:`~framing.ladders.Ladders`. Event files are checked against the
    ladders in use, so an event may name a kind that only your file defines."""
    if not isinstance(corpus, Corpus):
        source = corpus
        corpus = load_corpus(corpus, manifest=manifest, n_jobs=n_jobs)
        if event is None and isinstance(source, str | Path) and Path(source).is_dir():
            event = find_event_files(Path(source))
    ladders = ladders if ladders is None or isinstance(ladders, Ladders) else load_ladders(ladders)
    events = _as_events(event, ladders)
    lex = lexicons if isinstance(lexicons, Lexicons) else load_lexicons(lexicons)
    annotator = build_annotator(lex, events, ladders=ladders)
    tables = run_documents(corpus.articles, annotator, boilerplate=corpus.boilerplate,
                           n_jobs=n_jobs, progress=progress)
    found_reuse = reuse.detect_reuse(corpus.articles, tables["sentences"])
    # the workers scored every sentence already: the view starts from their table
    cache = {"sentence_sentiment": tables.pop("sentence_sentiment")}
    return Analysis(articles=corpus.articles, boilerplate=corpus.boilerplate,
                    reuse=found_reuse, events=events, lexicons=lex, _cache=cache, **tables)


def _as_events(event, ladders: Ladders | None = None) -> tuple[Event, ...]:
    if event is None:
        return ()
    if isinstance(event, Event):
        return (event,)
    if isinstance(event, str | Path):
        return (load_event(event, ladders),)
    return tuple(e if isinstance(e, Event) else load_event(e, ladders) for e in event)
