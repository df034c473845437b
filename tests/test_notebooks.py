"""Every notebook runs top to bottom, from its jupytext source, without an error.

The ``.py`` files in notebooks/ are the notebooks' source of truth; the test
converts each in memory (no ``.ipynb`` is written) and executes it in a
python3 kernel of this environment, from the notebooks/ folder (as JupyterLab
does), with matplotlib's non-interactive Agg backend.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

jupytext = pytest.importorskip("jupytext")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
SOURCES = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py"))


def test_the_notebooks_are_there():
    names = [p.stem for p in SOURCES]
    assert names == ["01_tour", "02_compare_outlets", "03_actor_labels", "04_voice_and_sourcing",
                     "05_text_reuse", "06_media_literacy_lesson", "07_bring_your_own_corpus"]


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_notebook_holds_no_logic(source):
    """Computations belong in the package: no functions, classes or lambdas here."""
    notebook = jupytext.read(source)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        code = "\n".join(line for line in cell.source.splitlines() if not line.startswith("%"))
        for node in ast.walk(ast.parse(code)):
            assert not isinstance(node, ast.FunctionDef | ast.ClassDef | ast.Lambda), (
                f"{source.name}: move this into the framing package:\n{cell.source}")
    assert any("import framing" in c.source for c in notebook.cells if c.cell_type == "code")


def test_the_lesson_hides_its_answers():
    notebook = jupytext.read(NOTEBOOKS / "06_media_literacy_lesson.py")
    answers = [c for c in notebook.cells
               if c.cell_type == "markdown" and "<details><summary>Answer</summary>" in c.source]
    assert len(answers) >= 5
    assert all("</details>" in c.source for c in answers)


@pytest.mark.slow
@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_notebook_runs_top_to_bottom(source, monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "Agg")  # inherited by the kernel
    notebook = jupytext.read(source)
    client = nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError, naming the cell, on any error
    errors = [out for cell in notebook.cells if cell.cell_type == "code"
              for out in cell.get("outputs", []) if out.get("output_type") == "error"]
    assert not errors
