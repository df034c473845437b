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
# # Comparing outlets honestly
#
# How does each outlet cover the same event? This notebook compares the five
# seed outlets on hedging, certainty, loaded language, sentiment, readability
# and vocabulary. With one article per outlet every difference is uncertain,
# so every figure carries a 95 % interval and small counts are flagged.

# %%
# %matplotlib inline
from pathlib import Path

import framing
from framing import plots

analysis = framing.analyze(Path("..") / "seeds")

# %% [markdown]
# ## The per-outlet table
#
# One row per outlet, measure and voice. `value` is a rate per 1,000 words of
# that voice (or a share, or a mean), `ci_low`/`ci_high` its 95 % interval
# (bootstrap over sentences, seeded so it repeats), `count` the hits behind
# it and `small` says when there are too few to read anything into.

# %%
by_outlet = analysis.by_outlet()
by_outlet.query("measure == 'hedge_rate' and voice == 'own'")

# %% [markdown]
# ## The profile at a glance
#
# Colour: how far each outlet is above or below the mean of the five, in
# standard deviations across outlets; the number in each cell is the outlet's
# own value.

# %%
plots.framing_profile_heatmap(by_outlet)

# %% [markdown]
# ## Hedging against certainty
#
# Hedges ("may", "reportedly", "it is unclear") show an outlet marking its
# claims as uncertain; boosters ("clearly", "undoubtedly") show it asserting.
# Both in the outlet's own voice only.

# %%
plots.hedge_booster_scatter(by_outlet)

# %% [markdown]
# ## Is one outlet different from the rest?
#
# A permutation test over sentences for one outlet against all the others,
# with Holm-adjusted p-values over the measures tested together.

# %%
framing.compare_outlets(analysis.articles, analysis.sentences, analysis.spans,
                        "Conservative Fix", measures=["hedge", "booster", "loaded"],
                        voice="own")

# %% [markdown]
# ## Sentiment, sentence by sentence
#
# VADER scores each sentence from −1 to +1. It reacts to topic words ("killed",
# "attack") whoever is responsible, so compare outlets within one event only.

# %%
plots.sentiment_distribution(analysis.sentence_tone(), value="compound")

# %% [markdown]
# ## The words that set each outlet apart
#
# Log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi &
# Quinn 2008), each outlet against all the others, in the outlet's own voice.
# With one short article per outlet, few terms reach |z| ≥ 1.96.

# %%
distinctive = analysis.distinctive_terms(own_voice=True)
plots.distinctive_terms_chart(distinctive)

# %% [markdown]
# ## Counting reports instead of articles
#
# Some articles rewrite another one (see `05_text_reuse`). With
# `independent=True` each measure counts independent reports, so a copied
# story does not count twice.

# %%
analysis.by_outlet(independent=True).query(
    "measure == 'loaded_rate' and voice == 'own'")[["outlet", "value", "ci_low", "ci_high",
                                                      "n_articles", "n_reports", "small"]]
