"""`framing figures`: every figure regenerated, byte-identical on a re-run."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import framing
from framing import figures, plots

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


# ``seeds_analysis`` (the analysis of seeds/, computed once) comes from conftest.py.


@pytest.mark.slow
def test_figures_are_byte_identical_on_a_rerun(seeds_analysis, tmp_path):
    messages: list[str] = []
    first = figures.write_figures(seeds_analysis, tmp_path / "one", progress=messages.append)
    # A fresh analysis too: nothing cached may be what makes the bytes equal.
    second = figures.write_figures(framing.analyze(SEEDS, n_jobs=1), tmp_path / "two")
    names = sorted(p.name for p in first)
    assert names == sorted(p.name for p in second)
    assert len(messages) == len(first) // len(figures.FORMATS)
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    stems = {Path(n).stem for n in names}
    assert {"framing_profile", "labels_hts", "labels_assad_government", "voice_loaded",
            "hedging_vs_certainty", "sentiment_sentences", "actor_tone", "distinctive_terms",
            "text_reuse"} <= stems
    for stem in stems:
        assert {f"{stem}.png", f"{stem}.svg"} <= set(names)
    assert not list((tmp_path / "one").glob(".*partial*"))


@pytest.mark.slow
def test_files_carry_no_date_or_version(seeds_analysis, tmp_path):
    spec = figures.figure_specs(seeds_analysis)[0]
    svg = figures.save_figure(spec.draw(), tmp_path / "f.svg").read_text()
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    png = figures.save_figure(spec.draw(), tmp_path / "f.png").read_bytes()
    assert b"Matplotlib" not in png and b"Software" not in png


def test_corpus_name_is_the_shared_folder():
    class Fake:
        articles = pd.DataFrame({"source": ["seeds/a.txt", "seeds/b.txt"]})
    assert figures.corpus_name(Fake()) == "seeds"
    Fake.articles = pd.DataFrame({"source": ["x/a.txt", "y/b.txt"]})
    assert figures.corpus_name(Fake()) == "this"


@pytest.mark.slow
def test_actor_tone_by_outlet_matches_a_hand_computation(seeds_analysis):
    tone = seeds_analysis.actor_tone_by_outlet()
    assert set(tone["voice"]) <= {"own", "reported", "quoted"}
    row = tone[(tone["actor"] == "hts") & (tone["voice"] == "own")].iloc[0]
    # by hand: own-voice mentions of the actor in that outlet's sentences
    a = seeds_analysis
    doc_ids = a.articles.loc[a.articles["outlet"] == row["outlet"], "doc_id"]
    spans = a.spans[(a.spans["layer"] == "actor_label") & (a.spans["actor"] == "hts")
                    & (a.spans["voice"] == "own") & a.spans["doc_id"].isin(doc_ids)]
    keys = set(zip(spans["doc_id"], spans["sent_id"].astype(int), strict=True))
    scores = a.sentence_tone()
    picked = scores[[(d, s) in keys for d, s in zip(scores["doc_id"], scores["sent_id"], strict=True)]]
    assert row["count"] == picked["compound"].notna().sum()
    assert row["value"] == pytest.approx(picked["compound"].mean())
    assert row["ci_low"] <= row["value"] <= row["ci_high"]


def test_labelled_actors_keeps_the_often_mentioned_in_order():
    labels = pd.DataFrame({"actor": ["a", "a", "b", "c"], "count": [3, 4, 9, 1]})
    assert figures.labelled_actors(labels, minimum=5) == ["b", "a"]
    assert figures.labelled_actors(labels.iloc[0:0]) == []


def test_plots_module_reads_no_files():
    source = Path(plots.__file__).read_text()
    assert "open(" not in source and "read_csv" not in source and "savefig" not in source


def test_label_charts_of_a_former_corpus_are_removed(tmp_path, monkeypatch):
    class Fake:
        pass
    spec = figures.FigureSpec("labels_kept", "?", _tiny_figure)
    monkeypatch.setattr(figures, "figure_specs", lambda analysis, seed=0: [spec])
    (tmp_path / "labels_gone.png").write_bytes(b"old")
    (tmp_path / "notes.png").write_bytes(b"the user's")
    written = figures.write_figures(Fake(), tmp_path, formats=("png",))
    assert [p.name for p in written] == ["labels_kept.png"]
    assert not (tmp_path / "labels_gone.png").exists()
    assert (tmp_path / "notes.png").read_bytes() == b"the user's"


def _tiny_figure():
    from matplotlib.figure import Figure
    fig = Figure(figsize=(2, 2))
    fig.subplots().plot([0, 1], [0, 1])
    return fig


def test_a_one_outlet_corpus_without_an_event_still_gets_its_figures(tmp_path):
    corpus = pd.DataFrame({
        "doc_id": ["a", "b"], "outlet": ["One", "One"], "title": ["T1", "T2"],
        "text": ["Officials said the talks may resume. \"It is a disaster,\" the mayor claimed.",
                 "The city reportedly plans new rules. Critics clearly oppose them."]})
    analysis = framing.analyze(corpus, n_jobs=1)
    written = figures.write_figures(analysis, tmp_path, formats=("png",), dpi=40)
    names = {p.stem for p in written}
    assert "framing_profile" in names and "text_reuse" in names
    assert not any(n.startswith("labels_") for n in names)  # no event, no actors
    assert all(p.stat().st_size > 1000 for p in written)
