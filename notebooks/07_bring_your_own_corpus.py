# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---


# %% [markdown]
# # Bring your own corpus
#
# The toolkit reads articles from
#
# - a **folder** of `.txt`, `.md` or `.html` files, with an optional
#   `manifest.csv` giving each file its outlet, title, date and event;
# - a **table** (CSV, JSONL, Parquet, or a pandas DataFrame) with one article
#   per row in a `text` column;
#
# and learns the actors of an event from an **event file** (YAML). This
# notebook builds a tiny invented corpus in a temporary folder — three short
# articles about a dock strike in a made-up city — and runs it all three
# ways. Replace the texts with your own articles.

# %%
# %matplotlib inline
import tempfile
from pathlib import Path

import pandas as pd
from IPython.display import display

import framing
from framing import figures, plots

workdir = Path(tempfile.mkdtemp(prefix="framing-byoc-"))
corpus = workdir / "strike"
corpus.mkdir()

# %% [markdown]
# ## 1. A folder of text files
#
# One file per article. The first line is the headline.

# %%
articles = {
    "harbour_daily.txt": (
        "Dock workers walk out over pay\n"
        "Around 2,000 dock workers walked off the job at Port Elvin on Monday, "
        "demanding a pay rise after three years of frozen wages. The protesters "
        "gathered outside the harbour office. \"We have waited long enough,\" said "
        "union leader Mara Ostrova. City authorities said talks could resume this "
        "week. It is unclear how long the strike may last.\n"),
    "evening_courier.txt": (
        "Rioters paralyse the port\n"
        "A mob of striking dockers brought Port Elvin to a standstill on Monday, "
        "as militant agitators blocked the gates in a brazen show of force. The "
        "city government condemned the chaos. Union boss Mara Ostrova claimed the "
        "workers had \"waited long enough\". The disruption will clearly hit "
        "businesses hard.\n"),
    "city_wire.txt": (
        "Dock workers strike over pay\n"
        "About 2,000 dock workers walked off the job at Port Elvin on Monday, "
        "demanding a pay rise after three years of frozen wages. The protesters "
        "gathered outside the harbour office. City authorities said talks could "
        "resume this week.\n"),
}
for name, text in articles.items():
    (corpus / name).write_text(text, encoding="utf-8")

manifest = pd.DataFrame({
    "file": list(articles),
    "outlet": ["Harbour Daily", "Evening Courier", "City Wire"],
    "date": ["2025-03-04", "2025-03-04", "2025-03-03"],
    "event": "elvin-strike",
})
manifest.to_csv(corpus / "manifest.csv", index=False)

# %% [markdown]
# ## 2. An event file
#
# It names the actors, which label ladder applies to each (`protest`:
# rioters → agitators → protesters → activists; `state`: regime → … →
# government), and which bare labels mean which actor. The format is
# described in `docs/events.md`. `load_event` checks it and says exactly
# what is wrong if anything is.

# %%
(corpus / "event.yaml").write_text("""\
event: elvin-strike
title: Dock strike at Port Elvin (an invented example)
date: 2025-03-03
actors:
  - id: dockers
    name: The striking dock workers
    kind: protest
    names: [Mara Ostrova]
    modifiers: [striking]
    bare: [rioter, agitator, protester, activist]
  - id: city
    name: Port Elvin city government
    kind: state
    modifiers: [City, city]
    bare: [regime, administration, authorities, government]
""", encoding="utf-8")

event = framing.load_event(corpus / "event.yaml")
[(actor.id, actor.name) for actor in event.actors]

# %% [markdown]
# ## 3. Analyse the folder
#
# The event files in the folder are picked up automatically.

# %%
analysis = framing.analyze(corpus)
analysis.summary()

# %%
analysis.show("evening_courier")

# %%
plots.actor_label_chart(analysis.labels("dockers"), "dockers", actor_name="the striking dock workers")

# %%
plots.reuse_map(analysis.articles, analysis.reuse.pairs, analysis.reuse.groups)

# %% [markdown]
# ## 4. The same articles from a CSV table
#
# One row per article, the text in a `text` column, metadata in the others.
# Pass the event file explicitly: a table has no folder to find it in.

# %%
table = manifest.assign(doc_id=[Path(f).stem for f in manifest["file"]],
                        text=[articles[f] for f in manifest["file"]]).drop(columns=["file"])
table.to_csv(workdir / "strike.csv", index=False)

from_csv = framing.analyze(workdir / "strike.csv", event=corpus / "event.yaml")
from_csv.labels("dockers")[["outlet", "voice", "label_class", "count", "share"]]

# %% [markdown]
# ## 5. Or straight from a DataFrame

# %%
from_frame = framing.analyze(table, event=corpus / "event.yaml")
display(from_frame)

# %% [markdown]
# ## 6. Save the tables and the figures
#
# `save` writes every table as CSV (for people) and Parquet (for code);
# `write_figures` draws every figure as PNG and SVG — the same as the shell
# commands `framing analyze strike -o out` and `framing figures strike -o figures`.

# %%
analysis.save(workdir / "tables")
written = figures.write_figures(analysis, workdir / "figures")
sorted(path.name for path in written)
