"""Sourcing profile of one article: whom it quotes or reports, and how.

A *source* is one attribution: a quotation that counts as speech, or a
reported-speech segment ("officials said that ...", "according to state
media"). Each source is typed from cue words in its speaker's description --
the speaker string, else the words next to it in the same sentence, where
appositions live ("Jane Doe, an analyst at Chatham House, said"), else the
words around the first mention of the speaker's surname, where articles
introduce people ("Iran's Supreme Leader Ali Khamenei") -- using the table
below, first match wins. The cues are deliberately few and generic;
anything else is ``other`` (or ``unattributed`` when no speaker was found).
"""

from __future__ import annotations

import re
from functools import lru_cache

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


#: Cues per type: single words as a set (checked against the description's
#: words), phrases as one pattern (searched in its words joined by spaces).
_CUES = tuple((kind, frozenset(c for c in cues if " " not in c),
               _phrase_pattern([c for c in cues if " " in c]))
              for kind, cues in SPEAKER_TYPE_CUES)
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
    text = _POSSESSIVE_RE.sub(" 's", description.lower().replace("\u2019", "'"))
    words = _CUE_WORD_RE.findall(text)
    present = set(words)
    joined = f" {' '.join(words)} "
    for kind, cue_words, cue_phrases in _CUES:
        if not cue_words.isdisjoint(present) or cue_phrases.search(joined):
            return kind
    return "other"


def _speaker_context(text: str, start, end, sentences: list[dict]) -> str:
    """The speaker span widened to the nearby words of its own sentence."""
    if start is None or end is None or start != start or end != end:
        return ""
    start, end = int(start), int(end)
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    for s in sentences:
        if s["start"] <= start < s["end"]:
            lo, hi = max(lo, s["start"]), min(hi, s["end"])
            break
    return text[lo:hi]


def _first_mention_context(text: str, name: str, sentences: list[dict]) -> str:
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
            return _speaker_context(text, i, end, sentences)
        i = text.find(surname, end)
    return ""


def _typed(text: str, speaker: str, start, end, sentences: list[dict]) -> str:
    """Speaker type from the name itself, else the words next to it, else the
    words around its first mention in the article."""
    kind = speaker_type(speaker)
    for context in (lambda: _speaker_context(text, start, end, sentences),
                    lambda: _first_mention_context(text, speaker, sentences)):
        if kind != "other":
            break
        found = speaker_type(context())
        kind = "other" if found == "unattributed" else found
    return kind


def sources_document(text: str, sentences: list[dict], quotes: list[dict],
                     voices: list[dict]) -> list[dict]:
    """One record per attribution: kind (quote | reported), speaker, type."""
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
            kind = _typed(text, speaker, q.get("speaker_start"), q.get("speaker_end"), sentences)
        out.append({"kind": "quote", "speaker": speaker if has_speaker else None, "type": kind})
    for seg in voices:
        if seg["voice"] != "reported":
            continue
        source = seg.get("source")
        has_source = isinstance(source, str) and bool(source.strip())
        out.append({"kind": "reported", "speaker": source if has_source else None,
                    "type": _typed(text, source, None, None, sentences) if has_source
                    else "unattributed"})
    return out


@lru_cache(maxsize=8192)  # cached: an article names the same speakers again and again
def normalize_speaker(name: str) -> str:
    """Speaker key for counting distinct speakers (case, articles, spaces)."""
    key = _SPACES_RE.sub(" ", name.strip().lower().replace("\u2019", "'"))
    return _LEADING_ARTICLE_RE.sub("", key)
