"""Sourcing profile of one article: whom it quotes or reports, and how.

A *source* is one attribution: a quotation that counts as speech, or a
reported-speech clause ("officials said that ...", "according to state
media"). Reported speech counts once per sentence and source: a clause
split by a quotation comes back as several segments, and so does a sentence
that reports the same source twice; both are one attribution here (so are
several unattributed reported pieces of one sentence). Each source is typed
from cue words in its speaker's description --
the speaker string, else the words next to it in the same sentence, where
appositions live ("Jane Doe, an analyst at Chatham House, said"), else the
words around the first mention of the speaker's surname, where articles
introduce people ("Iran's Supreme Leader Ali Khamenei") -- using the table
below, first match wins. The cues are deliberately few and generic;
anything else is ``other`` (or ``unattributed`` when no speaker was found).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from operator import le

#: (type, cue words/phrases). Checked in this order, first match wins: a
#: state news agency is also "official", an anonymous official is anonymous.
SPEAKER_TYPE_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # unnamed sources: the reader cannot check who said it
    ("anonymous", ("source", "sources", "people familiar", "person familiar",
                   "anonymity", "not authorized to", "not authorised to", "unnamed",
                   "declined to be named", "asked not to be named", "insiders",
                   "a diplomat", "diplomats said")),
    # state-run outlets and agencies speak for a government but are media
    ("state_media", ("state media", "state-run", "state television", "state tv",
                     "state news agency", "state-owned", "official news agency",
                     "sana", "irna", "xinhua", "tass", "ria novosti", "kcna",
                     "press tv", "al-manar", "russia today", "cctv", "global times",
                     "fars news", "mehr news", "tasnim")),
    # posts quoted from platforms
    # ("post" alone would catch "the Washington Post")
    ("social_media", ("tweet", "tweeted", "in a post", "a post", "his post", "her post",
                      "their post", "'s post", "posted on", "wrote on x", "on x",
                      "twitter", "telegram", "facebook", "instagram", "tiktok",
                      "youtube", "truth social", "social media", "x account")),
    # people whose authority is knowledge, not office
    ("expert", ("analyst", "analysts", "expert", "experts", "professor", "researcher",
                "scholar", "fellow", "think tank", "economist", "historian",
                "specialist", "academic", "director of research", "lecturer")),
    # office holders of states, institutions and armed groups
    ("official", ("official", "officials", "minister", "ministry", "president",
                  "prime minister", "spokesman", "spokeswoman", "spokesperson",
                  "government", "governor", "ambassador", "envoy", "secretary",
                  "commander", "army", "military", "police", "general",
                  "department", "administration", "senator", "lawmaker",
                  "parliament", "mayor", "leader", "chief", "authorities",
                  "white house", "kremlin", "pentagon", "state department",
                  "foreign office", "embassy", "council", "adviser", "advisor", "aide",
                  "representative", "supreme leader", "regime")),
)
SPEAKER_TYPES = tuple(t for t, _ in SPEAKER_TYPE_CUES) + ("other", "unattributed")


def _phrase_pattern(phrases: list[str]) -> re.Pattern:
    """Matches " cue words " for any phrase: a substring of the description's
    words joined by single spaces exactly when they are consecutive words there."""
    if not phrases:
        return re.compile(r"(?!)")  # never matches
    return re.compile("|".join(re.escape(f" {p} ") for p in phrases))


def _key_word(phrase: str) -> str:
    """A word every match of the phrase contains (its longest, the last of
    equals): rarely present, so the phrase pattern is rarely searched."""
    return max(reversed(phrase.split()), key=len)


#: Cues per type: single words as a set (checked against the description's
#: words), phrases as one pattern (searched in its words joined by spaces) and
#: the phrases' key words (the pattern cannot match without one of them).
_CUES = tuple((kind, frozenset(c for c in cues if " " not in c),
               frozenset(_key_word(c) for c in cues if " " in c),
               _phrase_pattern([c for c in cues if " " in c]))
              for kind, cues in SPEAKER_TYPE_CUES)
#: Every single cue word and phrase key word: a description with none of them
#: is ``other`` without trying the types one by one (most descriptions).
_ANY_CUE_WORD = frozenset().union(*(words | keys for _, words, keys, _ in _CUES))
_CUE_WORD_RE = re.compile(r"'s\b|[a-z0-9]+(?:['\-][a-z0-9]+)*")
_POSSESSIVE_RE = re.compile(r"(?<=\w)'s\b")
_SPACES_RE = re.compile(r"\s+")
_LEADING_ARTICLE_RE = re.compile(r"^(?:the|a|an) ")
#: Characters of context either side of a speaker string that can describe it.
CONTEXT_CHARS = 60


@lru_cache(maxsize=8192)
def speaker_type(description: str | None) -> str:
    """The first type in ``SPEAKER_TYPE_CUES`` whose cue occurs in the description."""
    if not isinstance(description, str) or not description.strip():
        return "unattributed"
    # cues are lower case with straight apostrophes; "X's post" -> "x 's post"
    text = description.lower().replace("\u2019", "'")
    if "'s" in text:
        text = _POSSESSIVE_RE.sub(" 's", text)
    words = _CUE_WORD_RE.findall(text)
    if _ANY_CUE_WORD.isdisjoint(words):
        return "other"
    present = set(words)
    joined = None
    for kind, cue_words, phrase_words, cue_phrases in _CUES:
        if not cue_words.isdisjoint(present):
            return kind
        if not phrase_words.isdisjoint(present):
            joined = joined or f" {' '.join(words)} "
            if cue_phrases.search(joined):
                return kind
    return "other"


class _Sentences:
    """The sentences' bounds, to find the one holding an offset: by bisection
    when they are in order and disjoint (as the segmenter gives them), else
    the first in the list that holds it."""

    def __init__(self, sentences: list[dict]):
        self.starts = [s["start"] for s in sentences]
        self.ends = [s["end"] for s in sentences]
        self.ordered = all(map(le, self.starts, self.starts[1:])) \
            and all(map(le, self.ends, self.starts[1:]))

    def around(self, offset: int) -> tuple[int, int] | None:
        """(start, end) of the sentence holding ``offset``, if any."""
        if self.ordered:
            i = bisect_right(self.starts, offset) - 1
            if i >= 0 and offset < self.ends[i]:
                return self.starts[i], self.ends[i]
            return None
        for start, end in zip(self.starts, self.ends, strict=True):
            if start <= offset < end:
                return start, end
        return None


def _speaker_context(text: str, start, end, bounds: _Sentences) -> str:
    """The speaker span widened to the nearby words of its own sentence."""
    if start is None or end is None or start != start or end != end:
        return ""
    start, end = int(start), int(end)
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    sentence = bounds.around(start)
    if sentence is not None:
        lo, hi = max(lo, sentence[0]), min(hi, sentence[1])
    return text[lo:hi]


def _first_mention_context(text: str, name: str, bounds: _Sentences) -> str:
    """The words around the first mention of a named speaker's surname, where
    articles introduce people ("Iran's Supreme Leader Ali Khamenei"); later
    mentions usually give the bare name."""
    words = name.split()
    if not words or not words[-1][:1].isupper():
        return ""
    surname = words[-1]
    i = text.find(surname)
    while i >= 0:  # first whole-word occurrence (str.find: no regex per name)
        end = i + len(surname)
        if (i == 0 or not text[i - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return _speaker_context(text, i, end, bounds)
        i = text.find(surname, end)
    return ""


def _typed(text: str, speaker: str, start, end, bounds: _Sentences,
           introduced: dict[str, str]) -> str:
    """Speaker type from the name itself, else the words next to it, else the
    words around its first mention in the article (``introduced``: those
    types so far, per speaker; the first mention is the same for every quote)."""
    kind = speaker_type(speaker)
    if kind == "other" and start is not None:  # no span (reported sources): no words next to it
        kind = _context_type(_speaker_context(text, start, end, bounds))
    if kind == "other":
        if speaker not in introduced:
            introduced[speaker] = _context_type(_first_mention_context(text, speaker, bounds))
        kind = introduced[speaker]
    return kind


def _context_type(context: str) -> str:
    """The speaker type of a context: ``other`` when it has no words."""
    found = speaker_type(context)
    return "other" if found == "unattributed" else found


def sources_document(text: str, sentences: list[dict], quotes: list[dict],
                     voices: list[dict]) -> list[dict]:
    """One record per attribution: kind (quote | reported), speaker, type."""
    bounds = _Sentences(sentences)
    introduced: dict[str, str] = {}
    out = []
    for q in quotes:
        if not q.get("counts_as_speech"):
            continue
        speaker = q.get("speaker")
        has_speaker = isinstance(speaker, str) and bool(speaker.strip())
        if q.get("kind") == "embedded_post":
            kind = "social_media"
        elif not has_speaker:
            kind = "unattributed"
        else:
            kind = _typed(text, speaker, q.get("speaker_start"), q.get("speaker_end"), bounds,
                          introduced)
        out.append({"kind": "quote", "speaker": speaker if has_speaker else None, "type": kind})
    counted: set[tuple] = set()
    for seg in voices:
        if seg["voice"] != "reported":
            continue
        source = seg.get("source")
        has_source = isinstance(source, str) and bool(source.strip())
        # Once per sentence and source (None for unattributed): a clause split
        # by a quotation or by own words comes back as several segments.
        clause = (bounds.around(seg["start"]), source if has_source else None)
        if clause[0] is not None and clause in counted:
            continue
        counted.add(clause)
        out.append({"kind": "reported", "speaker": source if has_source else None,
                    "type": _typed(text, source, None, None, bounds, introduced) if has_source
                    else "unattributed"})
    return out


@lru_cache(maxsize=8192)  # cached: an article names the same speakers again and again
def normalize_speaker(name: str) -> str:
    """Speaker key for counting distinct speakers (case, articles, spaces)."""
    key = _SPACES_RE.sub(" ", name.strip().lower().replace("\u2019", "'"))
    return _LEADING_ARTICLE_RE.sub("", key)
