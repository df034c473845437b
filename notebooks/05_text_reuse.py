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
# # Five articles, how many reports?
#
# Outlets copy, summarise and rewrite each other. Five articles about an event
# may be fewer than five independent reports. The toolkit compares every pair
# of articles in two ways:
#
# - **shingles** (runs of words shared verbatim) find copies;
# - **sentence alignment** on content words finds rewrites and summaries,
#   where sentences are shortened, reordered and reworded.
#
# Where the evidence supports it, it says which article derives from which.
# Nothing about the seeds' history is typed in: the manifest does not say it.

# %%
# %matplotlib inline
from pathlib import Path

from IPython.display import display

import framing
from framing import plots

analysis = framing.analyze(Path("..") / "seeds")

# %% [markdown]
# ## The map

# %%
plots.reuse_map(analysis.articles, analysis.reuse.pairs, analysis.reuse.groups)

# %% [markdown]
# ## Every pair of articles
#
# `shingle_containment_a` is the share of article a's word shingles that also
# occur in article b; `aligned_share_a` the share of a's sentences aligned to
# a sentence of b. `relation` is copy, rewrite, summary, shared_source or
# independent.

# %%
analysis.reuse.pairs.drop(columns=["evidence"])

# %% [markdown]
# ## The evidence: aligned sentences
#
# Read them: a link is only as good as these pairs.

# %%
analysis.reuse.alignments.sort_values("similarity", ascending=False).head(10)[
    ["doc_a", "doc_b", "similarity", "text_a", "text_b"]]

# %% [markdown]
# ## Independent reports
#
# Each article is mapped to the report it belongs to; `is_original` marks the
# article the others derive from.

# %%
display(analysis.reuse.groups)

# %% [markdown]
# ## Why it matters for comparisons
#
# A rewritten article repeats its source's framing. `by_outlet(independent=True)`
# counts reports instead of articles (`n_reports`), so one story told twice
# is not counted as two.

# %%
analysis.by_outlet(independent=True).query("measure == 'loaded_rate' and voice == 'own'")[
    ["outlet", "value", "ci_low", "ci_high", "n_articles", "n_reports"]]
