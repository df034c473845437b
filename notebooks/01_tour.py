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
# # A tour of `framing` on five articles
#
# Five articles about one event: the rebel offensive on Aleppo in late 2024
# and what it meant for Iran. They come from five outlets. This notebook runs
# the whole toolkit on them once and shows where each kind of result lives.
# Every number below is computed by the `framing` package; the notebook only
# asks for it.
#
# Run it from the `notebooks/` folder (JupyterLab does that when you open it
# there); the seed corpus is in `../seeds`.

# %%
# %matplotlib inline
from pathlib import Path

from IPython.display import display

import framing
from framing import plots

SEEDS = Path("..") / "seeds"

# %% [markdown]
# ## One call analyses the corpus
#
# `framing.analyze` reads the folder (the articles, `manifest.csv` with their
# outlet, title and date, and `event.yaml` naming the actors of the event),
# finds sentences, quotations and who is speaking at every word, marks every
# label, loaded word, hedge, booster and attribution verb, and computes the
# features of each article. The result is one `Analysis` object.

# %%
analysis = framing.analyze(SEEDS)
display(analysis)

# %% [markdown]
# ## The articles and what was found in each

# %%
analysis.summary()

# %% [markdown]
# ## Every finding is a span
#
# A span is a stretch of an article's text: its offsets, the layer
# (`actor_label`, `loaded`, `hedge`, `booster`, `attribution`), its category,
# and the **voice** it was found in: `own` (the outlet's narration),
# `reported` (the outlet's words inside a clause attributed to a source) or
# `quoted` (somebody else's words inside quotation marks).

# %%
analysis.spans[["doc_id", "text", "layer", "category", "actor", "voice"]].head(15)

# %% [markdown]
# ## One article, highlighted
#
# The same spans, shown in the text. Point at a highlight to see its layer,
# category and voice. Quoted speech is shaded.

# %%
analysis.show("004")

# %% [markdown]
# ## Outlets side by side
#
# `by_outlet()` has one row per outlet and measure, with a 95 % interval and
# a flag where the count is too small to read anything into. The heatmap puts
# the main measures together.

# %%
plots.framing_profile_heatmap(analysis.by_outlet())

# %% [markdown]
# ## Are these really five reports?
#
# Outlets copy and rewrite each other. The toolkit aligns sentences between
# articles and groups the articles into independent reports.

# %%
plots.reuse_map(analysis.articles, analysis.reuse.pairs, analysis.reuse.groups)

# %% [markdown]
# ## Where to go next
#
# - `02_compare_outlets` — every measure per outlet, with intervals and tests;
# - `03_actor_labels` — which label each outlet gives each actor;
# - `04_voice_and_sourcing` — own voice against quotations, and who gets quoted;
# - `05_text_reuse` — five articles, how many reports?
# - `06_media_literacy_lesson` — a lesson for a class, with exercises;
# - `07_bring_your_own_corpus` — your own folder, table or event file.
#
# The same figures are written as PNG and SVG by `framing figures seeds -o figures/`,
# and a side-by-side HTML report by `framing report seeds`.
