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
# # How does each outlet label the actors?
#
# The same armed group can be "terrorists", "militants", "rebels" or
# "opposition forces"; the same state a "regime" or a "government". The
# choice frames the actor before anything is said about it. The toolkit finds
# every mention of the event's actors (named in `seeds/event.yaml`), records
# the label class and its place on a **ladder** from delegitimising to
# legitimising, and keeps the outlet's own wording apart from the labels it
# quotes.

# %%
# %matplotlib inline
from pathlib import Path

from IPython.display import display

import framing
from framing import figures, plots

analysis = framing.analyze(Path("..") / "seeds")
names = figures.actor_names(analysis)
display(names)

# %% [markdown]
# ## Every labelled mention
#
# Each row is a span in the text: the words used, the label class, the ladder
# score (0 = most delegitimising, 1 = most legitimising) and the voice.

# %%
analysis.spans.query("layer == 'actor_label' and actor == 'hts'")[
    ["doc_id", "text", "category", "score", "voice"]].head(20)

# %% [markdown]
# ## Label shares per outlet
#
# For Hayat Tahrir al-Sham (HTS): the share of each outlet's mentions using
# each label class, with 95 % intervals (Jeffreys), own voice and quoted
# apart. Outlets with fewer than five mentions in a voice are hatched.

# %%
plots.actor_label_chart(analysis.labels("hts"), "hts", actor_name=names["hts"])

# %% [markdown]
# ## "Regime" or "government"?

# %%
plots.actor_label_chart(analysis.labels("assad_government"), "assad_government",
                        actor_name=names["assad_government"])

# %% [markdown]
# ## One number per outlet: the mean ladder score
#
# The mean score of an outlet's labels for an actor, with a bootstrap
# interval. The scores are ordinal judgements, so read them as "further
# towards the delegitimising end", not as distances.

# %%
framing.ladder_scores(analysis.spans, analysis.articles, actor="hts")

# %% [markdown]
# ## How different are the outlets' label choices?
#
# Jensen–Shannon divergence between every two outlets' label distributions
# (0 = the same mix of labels, 1 = no label in common).

# %%
framing.label_divergence(analysis.spans, analysis.articles, actor="hts")

# %% [markdown]
# ## The tone of sentences about each actor

# %%
plots.actor_tone_chart(analysis.actor_tone_by_outlet(), actor_names=names,
                       actors=["hts", "assad_government"])
