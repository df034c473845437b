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
# # Own voice and quotations: who is speaking?
#
# A loaded word means something different when an outlet writes it than when
# it quotes an official saying it. The toolkit gives every word a **voice**:
#
# - `own` — the outlet's narration;
# - `reported` — the outlet's words inside a clause attributed to a source
#   ("officials said that …", "according to state media");
# - `quoted` — somebody else's words inside quotation marks or an embedded post.
#
# Scare quotes around a single term ("axis of resistance") are quotations of
# kind `term`, not speech.

# %%
# %matplotlib inline
from pathlib import Path

import framing
from framing import plots

analysis = framing.analyze(Path("..") / "seeds")

# %% [markdown]
# ## The quotations found, with their speakers and verbs

# %%
analysis.quotes[["doc_id", "kind", "counts_as_speech", "speaker", "verb"]]

# %% [markdown]
# ## How much of each article is quoted?

# %%
analysis.by_outlet().query("measure == 'words_share'").pivot(
    index="outlet", columns="voice", values="value")

# %% [markdown]
# ## Loaded words: the outlet's, or its sources'?
#
# Rates per 1,000 words **of that voice**: own-voice loaded words divided by
# own-voice words, quoted ones by quoted words.

# %%
plots.voice_chart(analysis.by_outlet())

# %% [markdown]
# The same comparison for hedges: does the outlet hedge, or do the people it
# quotes?

# %%
plots.voice_chart(analysis.by_outlet(), measure="hedge_rate", what="hedges")

# %% [markdown]
# ## Attribution verbs
#
# "Said" and "told" report speech neutrally; "claimed", "admitted", "insisted"
# or "vowed" tell the reader how to take it. Each attribution verb is a span
# with its class and the speaker where one was found.

# %%
analysis.spans.query("layer == 'attribution'")[["doc_id", "text", "category", "speaker", "voice"]]

# %%
analysis.by_outlet().query("measure == 'attribution_loaded_share' and voice == 'outlet'")[
    ["outlet", "value", "small"]]

# %% [markdown]
# ## Whom does each outlet quote?
#
# Speakers sorted into officials, state media, experts, anonymous sources and
# social-media posts (shares of the attributed statements in each article).

# %%
sourcing = analysis.by_outlet().query(
    "measure.str.startswith('sources_') and measure.str.endswith('_share')", engine="python")
sourcing.pivot(index="outlet", columns="measure", values="value")
