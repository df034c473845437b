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
# # A lesson: how the news frames an event
#
# *For a class of about 45 minutes. Pupils need no programming: the teacher
# runs the cells and projects the results.*
#
# Five real articles from five outlets report the same event: rebels led by
# Hayat Tahrir al-Sham (HTS) seized Aleppo in Syria in late 2024, and Iran,
# an ally of Syria's president Bashar al-Assad, reacted. The facts are the
# same; the words are not. Today we look at three kinds of words:
#
# 1. **Labels** — the name a writer gives a group: *terrorists*, *militants*,
#    *rebels*, *opposition forces*; a *regime* or a *government*.
# 2. **Hedges and boosters** — words that make a claim weaker (*may*,
#    *reportedly*, *it is unclear*) or stronger (*clearly*, *undoubtedly*).
# 3. **Attribution verbs** — how a writer reports what someone said: *said*
#    is neutral; *claimed*, *admitted* or *insisted* tell you what to think of it.
#
# And one question runs through all three: **whose words are they?** The
# outlet's own, or someone it quotes?

# %%
# %matplotlib inline
from pathlib import Path

import framing
from framing import figures, plots

analysis = framing.analyze(Path("..") / "seeds")
analysis.articles[["doc_id", "outlet", "title", "date"]]

# %% [markdown]
# ## Part 1 — Labels
#
# A label is a choice. "Terrorists" and "freedom fighters" can describe the
# same people; the word tells the reader how to feel about them before any
# fact is given. Labels can be put on a **ladder**, from words that take
# legitimacy away to words that give it:
#
# *terrorists → jihadists → militants → insurgents → fighters → rebels →
# opposition forces → revolutionaries*
#
# *regime → administration → authorities → government*
#
# ### Exercise 1
#
# From the Conservative Fix newsletter (article 004):
#
# > The offensive, spearheaded by the militant group Hayat Tahrir al-Sham
# > (HTS), has shaken the Assad regime and its allies, including Russia and Iran.
#
# Which words label the two sides? Where does each sit on its ladder?
#
# <details><summary>Answer</summary>
#
# HTS is called a **"militant group"**: the middle of the ladder, harsher than
# "rebels" but not "terrorists". Assad's government is called **"the Assad
# regime"**: the delegitimising end of the state ladder. A writer who wanted to
# stay neutral could have written "the Syrian government".
#
# </details>

# %% [markdown]
# Here is what the toolkit found in that article, label by label:

# %%
analysis.spans.query("doc_id == '004' and layer == 'actor_label'")[
    ["text", "actor", "category", "score", "voice"]]

# %% [markdown]
# And every outlet at once: which labels does each one choose for HTS in its
# own voice, and which does it only quote?

# %%
plots.actor_label_chart(analysis.labels("hts"), "hts", actor_name="HTS and allied rebels")

# %% [markdown]
# ### Exercise 2 — whose label is it?
#
# The same article later says:
#
# > "The group at the vanguard of this rebel advance, HTS, is actually a
# > terrorist organization... At the same time, we don't cry over the fact
# > that the Assad government... are facing certain kinds of pressure."
#
# Who calls HTS a "terrorist organization" here? Who calls Assad's side a
# "government"? Is it the outlet?
#
# <details><summary>Answer</summary>
#
# Neither label is the outlet's: both are inside quotation marks, the words of
# the US National Security Adviser Jake Sullivan. In its own voice the same
# outlet writes "the Assad **regime**". A fair reading separates the two: the
# toolkit counts these labels as **quoted**, not as the outlet's choice.
#
# </details>

# %% [markdown]
# ## Part 2 — Hedges and boosters
#
# A hedge makes a claim less certain: *may*, *might*, *could*, *appears*,
# *reportedly*, *allegedly*, *possibly*. A booster makes it more certain:
# *clearly*, *certainly*, *there is no doubt*. Good journalism hedges what it
# does not know — but heavy hedging can also let a writer suggest something
# without standing behind it.
#
# ### Exercise 3
#
# From the IFMAT repost (article 003):
#
# > It is unclear if the reports about Ghaffari's current deployment can be
# > confirmed, but the report shows how Iran may be scrambling and grasping to
# > see what support it can send.
#
# Find the hedges. Then find the words that are not hedges but still colour
# the sentence.
#
# <details><summary>Answer</summary>
#
# Hedges: **"it is unclear"** and **"may"**. The writer is careful about the
# facts … and then uses **"scrambling"** and **"grasping"**, loaded words that
# paint Iran as desperate. A sentence can hedge and be loaded at once.
#
# </details>

# %%
analysis.spans.query("doc_id == '003' and layer in ['hedge', 'booster', 'loaded']")[
    ["text", "layer", "category", "voice"]]

# %% [markdown]
# Which outlets hedge most, and which assert? (Each dot is one outlet; the
# whiskers show how sure we can be with so little text.)

# %%
plots.hedge_booster_scatter(analysis.by_outlet())

# %% [markdown]
# ## Part 3 — Attribution verbs
#
# *Said* reports. *Declared*, *claimed*, *admitted*, *insisted*, *vowed* or
# *boasted* also judge. And *believes* or *considers* claim to know what is
# in someone's head.
#
# ### Exercise 4
#
# From World Today News (article 000):
#
# > "Takfiri groups are good news for enemies of the world of Islam," Supreme
# > Leader Ayatollah Ali Khamenei declared on social media platform X …
# > Khamenei believes internal conflict weakens the umma …
#
# Which verbs report what Khamenei said or thought? How would the sentences
# read with "said" instead?
#
# <details><summary>Answer</summary>
#
# **"declared"** makes the statement sound solemn and defiant; "said" would be
# neutral. **"believes"** is a cognitive verb: the outlet tells us what Khamenei
# thinks, not what he said — a claim the reader cannot check in the text.
#
# </details>

# %%
analysis.spans.query("doc_id == '000' and layer == 'attribution'")[
    ["text", "category", "speaker"]]

# %% [markdown]
# **Discuss:** did the toolkit find every word you found in exercises 3 and 4?
# It works from word lists and a few rules, so it can miss a word nobody put
# on its lists, or count one that does not fit the context. Its numbers are a
# starting point for reading, never a replacement for it.

# %% [markdown]
# ## Part 4 — Put it together
#
# Read one article with every finding highlighted. Shaded text is quoted.
# Point at a highlight to see what it is.

# %%
analysis.show("000")

# %% [markdown]
# ### Exercise 5 (discussion)
#
# Five articles, five outlets. Are they five independent reports? Look at
# the dates and at the map below before you answer.

# %%
plots.reuse_map(analysis.articles, analysis.reuse.pairs, analysis.reuse.groups)

# %% [markdown]
# <details><summary>Answer</summary>
#
# No. The map shows which articles derive from another one (an arrow from
# source to derived article) and how many independent reports the five
# articles really are. When outlets copy or summarise each other, the same
# framing reaches readers several times — and counting it once per outlet
# would overstate how many newsrooms chose it.
#
# </details>
#
# ### To take home
#
# - Ask **whose words** a label or a loaded word is: the outlet's, or a quote.
# - Notice **hedges**: what is the writer unsure of, and what does it let them suggest?
# - Swap the **attribution verb** for "said": does the sentence change?
# - Check whether "many sources" are really **one report** copied.
#
# The per-actor tone, for a follow-up lesson:

# %%
plots.actor_tone_chart(analysis.actor_tone_by_outlet(), actor_names=figures.actor_names(analysis),
                       actors=["hts", "assad_government"])
