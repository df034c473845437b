"""Mentions of an event's actors with the label used for them (layer ``actor_label``).

Every ladder label ("rebels", "Islamist terror group", "the regime") and every
actor name ("HTS", "Assad") is found in one pass: the text is cut into the
words of ``framing.tokens`` and walked once through a word trie built from the
ladders and the event files (an automaton over all entries, never one regex per
entry). Adjacent hits form a noun phrase: the rightmost label is its head, the
words before it are its classifying modifiers ("Islamist terror group",
"Assad’s regime", "Syrian Army soldiers"), and a name after a label starts a
new mention (apposition: "the militant group | Hayat Tahrir al-Sham").

The head is then resolved to an actor with the event's rules (docs/events.md):

1. a modifier or a preceding name of an actor of the head's kind attaches it
   ("Syrian rebels", "Assad regime", "Iranian regime" if Iran is an actor);
2. an unknown capitalised modifier ("Zionist regime", "Biden
   administration", "Hezbollah fighters", "Syrian Democratic Forces"), a
   sponsor ("U.S.-backed militias", "groups that Iran backs", "militias
   backed by Iran") or an of/from phrase naming an actor of another kind
   ("fighters from Iran") means someone else's label: no span; an of/from
   phrase naming an actor of the head's kind attaches it ("the army of
   Northland"); an actor's ``exclude`` modifier rules out that actor only;
3. a label coordinated with a resolved mention ("the Syrian army and
   government") takes that mention's actor;
4. otherwise the label is bare: it resolves to the one actor of its kind whose
   ``bare`` list has its class or term ("the regime" -> Assad's government);
   with none or several such actors the span is kept with ``actor`` NaN
   (unresolved) — and so is every label when no event applies.

Anaphoric generic nouns ("the group", "these groups") take the actor of the
nearest earlier resolved mention of their kind within two sentences, or are
dropped. Attributive uses ("rebel offensive", "terrorist ties",
"rebel-controlled") are mentions too, as the gold annotation counts them.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .events import Actor, Event
from .ladders import Ladders, load_ladders, normalise, plural
from .matcher import WordIndex, WordStartScanner, lower_same_length, trie_regex
from .tokens import WORD_RE, has_capital
from .voice import voice_at

LAYER = "actor_label"
_END = "\0"  # trie key holding the entries that end at a node
_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
_CONJUNCTIONS = frozenset({"and", "or"})
# A head followed by "<participle> by|with|to <Name>" or "that|which <Name>
# <verb>" is defined by its sponsor: "militias backed by Iran", "groups that
# Iran backs". Generic English, not event-specific.
_SPONSOR_PARTICIPLES = frozenset({"backed", "supported", "funded", "armed", "trained",
                                  "sponsored", "financed", "aligned", "allied", "loyal",
                                  "linked", "affiliated", "controlled", "created"})
_SPONSOR_PREPOSITIONS = frozenset({"by", "with", "to"})
_SPONSOR_VERBS = frozenset({"backs", "supports", "funds", "arms", "trains", "sponsors",
                            "finances", "controls", "created", "backed", "supported",
                            "funded", "armed", "trained", "sponsored", "financed"})
_RELATIVES = frozenset({"that", "which"})
_ANAPHOR_SENTENCES = 2  # how many sentences back an anaphor may look


@dataclass(frozen=True)
class _Entry:
    """One way a word sequence can be used: a ladder label, an actor name,
    an attaching modifier or an excluding modifier."""

    type: str  # label | adjective | anaphor | name | attach | exclude
    term: str
    kind: str | None = None
    cls: str | None = None
    score: float = math.nan
    use: str | None = None
    actor: Actor | None = None
    attributive: bool = False  # the singular form of a noun_adj label
    #: the event's actors whose ``bare`` list takes this label (its class or term)
    bare_actors: tuple[Actor, ...] = field(default=(), compare=False)


@dataclass
class _Match:
    i: int          # first token
    j: int          # one past the last token
    start: int
    end: int        # end offset of the head, without a possessive 's
    entries: tuple[_Entry, ...]
    possessive: bool = False

    def has(self, *types: str) -> bool:
        return any(e.type in types for e in self.entries)

    def ends_phrase(self) -> bool:
        """A possessive label ends its phrase ("the regime’s forces" are two
        mentions); a possessive name or modifier does not ("Assad’s regime")."""
        return self.possessive and self.has("label", "anaphor") and not self.has("name", "attach")


class _Automaton:
    """A word trie over every entry of the ladders and one event."""

    def __init__(self, ladders: Ladders, event: Event | None):
        self.root: dict = {}
        self.actors: tuple[Actor, ...] = event.actors if event is not None else ()
        rows = ladders.entries.to_dict("records")
        explicit = {(r["kind"], normalise(r["term"])) for r in rows}
        for row in rows:
            key = normalise(row["term"])
            # computed once here: the bare rule is asked of most label heads
            bare_actors = tuple(a for a in self.actors if a.kind == row["kind"]
                                and (row["class"] in a.bare or key in a.bare_keys))
            base = dict(term=row["term"], kind=row["kind"], cls=row["class"], score=row["score"],
                        use=row["use"], bare_actors=bare_actors)
            kind = {"adjective": "adjective", "anaphor": "anaphor"}.get(row["use"], "label")
            self._add(row["term"], _Entry(type=kind, attributive=row["use"] == "noun_adj", **base))
            if row["use"] in ("noun", "noun_adj", "anaphor"):
                words = row["term"].split()
                many = plural(words[-1])
                if many is not None:
                    form = " ".join(words[:-1] + [many])
                    if (row["kind"], normalise(form)) not in explicit:
                        self._add(form, _Entry(type=kind, **base))
        for actor in self.actors:
            for term, cls in actor.names:
                self._add(term, _Entry(type="name", term=term, kind=actor.kind, cls=cls, actor=actor))
            for term in actor.modifiers:
                self._add(term, _Entry(type="attach", term=term, kind=actor.kind, actor=actor))
            for term in actor.exclude:
                self._add(term, _Entry(type="exclude", term=term, kind=actor.kind, actor=actor))
        self.max_len = self._depth(self.root)
        # One compiled alternation of every entry's first word finds the few
        # places worth walking the trie from (longest alternatives first).
        # Scanning lower-cased text is twice as fast as re.IGNORECASE.
        first_words = [k for k in self.root if k != _END]
        self._first_words = WordStartScanner("(?:" + trie_regex(first_words) + r")(?![A-Za-z0-9])",
                                             first_words)
        self._first_any = re.compile(self._first_words.regex.pattern, re.IGNORECASE)

    def candidates(self, text: str, words: WordIndex) -> list[int]:
        """Offsets where some entry's first word starts (``words``: the
        :class:`WordIndex` of ``lower_same_length(text)``)."""
        if _LONGER_LOWER in text:  # str.lower() would change the length
            return [m.start() for m in self._first_any.finditer(text)]
        return [start for start, _ in self._first_words.spans(words.text, words)]

    def _add(self, term: str, entry: _Entry) -> None:
        node = self.root
        for word in normalise(term).split():
            node = node.setdefault(word, {})
        node.setdefault(_END, []).append(entry)

    def _depth(self, node: dict) -> int:
        return max((1 + self._depth(child) for key, child in node.items() if key != _END), default=0)

    def longest(self, keys: list[str], gaps_ok: list[bool], i: int) -> tuple[int, list, bool] | None:
        """Longest entry starting at token ``i``: (end token, entries, possessive)."""
        node, best = self.root, None
        for k in range(i, min(len(keys), i + self.max_len)):
            if k > i and not gaps_ok[k]:
                break
            key, possessive = keys[k], False
            child = node.get(key)
            if child is None and key.endswith("'s"):
                child, possessive = node.get(key[:-2]), True
            if child is None:
                break
            node = child
            if _END in node:
                best = (k + 1, node[_END], possessive)
            if possessive:
                break
        return best


class ActorAnnotator:
    """Finds actor mentions in articles. ``events``: the loaded events (an
    article's ``event`` picks one; with exactly one event it applies to every
    article); ``ladders``: default the package's ``ladders.tsv``."""

    def __init__(self, events=(), ladders: Ladders | None = None):
        if isinstance(events, Event):
            events = (events,)
        self.events = tuple(events or ())
        self.ladders = ladders if ladders is not None else load_ladders()
        self._automata = {event.id: _Automaton(self.ladders, event) for event in self.events}
        self._plain = _Automaton(self.ladders, None)

    def automaton_for(self, event: str | None) -> _Automaton:
        if event is not None and event in self._automata:
            return self._automata[event]
        if len(self.events) == 1:
            return self._automata[self.events[0].id]
        return self._plain

    def annotate_document(self, doc_id: str, text: str, sentences: list[dict],
                          quotes: list[dict], voices: list[dict], event: str | None = None,
                          words: WordIndex | None = None) -> list[dict]:
        """Every actor mention as a span record (``schema.SPAN_COLUMNS``).
        ``words``: the :class:`WordIndex` of ``lower_same_length(text)``, if
        already built."""
        auto = self.automaton_for(event)
        sent_starts = [s["start"] for s in sentences]
        mentions = find_mentions(text, auto, sent_starts, words)
        if not mentions:
            return []
        found = voice_at(voices, [m["start"] for m in mentions])
        out = []
        for m, (voice, source) in zip(mentions, found, strict=True):
            k = bisect_right(sent_starts, m["start"]) - 1
            out.append({
                "doc_id": doc_id, "start": m["start"], "end": m["end"],
                "text": text[m["start"]:m["end"]], "layer": LAYER, "category": m["category"],
                "term": m["term"], "actor": m["actor"], "score": m["score"], "voice": voice,
                "speaker": source if source is not None else math.nan,
                "sent_id": sentences[k]["sent_id"] if k >= 0 else math.nan,
            })
        return out


# --- finding mentions ----------------------------------------------------------

def find_mentions(text: str, auto: _Automaton, sentence_starts: list[int] | None = None,
                  words: WordIndex | None = None) -> list[dict]:
    """Mentions in ``text`` as dicts: start, end, category, term, actor (id or
    NaN), score, kind. ``sentence_starts`` mark sentence-initial capitals
    (not treated as names) and bound anaphora; ``words``: the
    :class:`WordIndex` of ``lower_same_length(text)``, if already built."""
    if words is None:
        words = WordIndex(lower_same_length(text))
    hits = auto.candidates(text, words)
    if not hits:
        return []
    tok_starts, tok_ends = _tokens_near(text, hits, words)
    n = len(tok_starts)
    candidates = []
    for pos in hits:
        k = bisect_left(tok_starts, pos)
        if k < n and tok_starts[k] == pos:
            candidates.append(k)
    # Everything else is computed only for the few words the rules look at
    # (a word has no spaces, so its key is its lower case with straight
    # apostrophes; its letters are ASCII, lowered in place in ``lowered``).
    lowered = words.text
    words = _Lazy(n, lambda k: text[tok_starts[k]:tok_ends[k]])
    keys = _Lazy(n, lambda k: lowered[tok_starts[k]:tok_ends[k]].replace("\u2019", "'"))
    gaps_ok = _Lazy(n, lambda k: k > 0 and _joins(text[tok_ends[k - 1]:tok_starts[k]]))
    starts = sorted(sentence_starts or [0])
    sent_of = _Lazy(n, lambda k: bisect_right(starts, tok_starts[k]) - 1)
    initial = _Lazy(n, lambda k: k == 0 or sent_of[k] != sent_of[k - 1])

    matches = _scan(auto, tok_starts, tok_ends, keys, gaps_ok, candidates)
    ctx = _Context(text, tok_starts, tok_ends, words, keys, gaps_ok, initial, sent_of, auto,
                   {m.i: m for m in matches})
    mentions: list[dict] = []
    for chain in _chains(matches, gaps_ok):
        for segment in _segments(chain):
            mentions.extend(ctx.resolve(segment, mentions))
    for m in mentions:
        m.pop("_j", None)
    return mentions


_WINDOW_BEFORE, _WINDOW_AFTER = 160, 240  # characters the rules may look at


# The characters whose lower case is longer ("İ" -> "i̇") or has other word
# boundaries (the Kelvin sign becomes the letter k); test_actors checks that
# no other character does either.
_LONGER_LOWER = "\u0130"
_OTHER_WORDS_LOWER = "\u212a"


def _tokens_near(text: str, positions: list[int], words: WordIndex) -> tuple[list[int], list[int]]:
    """Start and end offsets of the tokenizer's words in windows around
    ``positions`` (see :func:`_windows`). ``words``: the :class:`WordIndex` of
    ``lower_same_length(text)`` (the same words unless the text has a Kelvin
    sign)."""
    windows = _windows(text, positions)
    if _OTHER_WORDS_LOWER in text:
        return _tokenize_windows(text, windows)
    # no word crosses a window's bounds (whitespace or the text's ends)
    firsts = words.starts.searchsorted([start for start, _ in windows]).tolist()
    lasts = words.starts.searchsorted([end for _, end in windows]).tolist()
    inside = np.concatenate([np.arange(a, b) for a, b in zip(firsts, lasts, strict=True)])
    return words.starts[inside].tolist(), words.ends[inside].tolist()


def _windows(text: str, positions: list[int]) -> list[list[int]]:
    """[start, end) windows around ``positions``, cut at whitespace and merged
    when they overlap. Words between windows are skipped, so a gap between
    two windows is never plain space and never joins."""
    windows: list[list[int]] = []
    size = len(text)
    for pos in positions:
        start = max(0, pos - _WINDOW_BEFORE)
        end = pos + _WINDOW_AFTER
        end = _next_space(text, end) if end < size else size
        # cut back to a space only when the window starts after the last
        # one's end (moving back cannot separate them; most windows overlap)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
            continue
        if start:
            space = text.rfind(" ", 0, start)
            start = max(space, text.rfind("\n", space + 1, start)) + 1
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    return windows


def _tokenize_windows(text: str, windows: list[list[int]]) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for start, end in windows:
        found = list(WORD_RE.finditer(text, start, end))
        starts += map(re.Match.start, found)  # map() over C methods: no Python loop per word
        ends += map(re.Match.end, found)
    return starts, ends


def _next_space(text: str, pos: int) -> int:
    """Offset of the first space or line break at or after ``pos`` (the end
    of the text if none)."""
    space = text.find(" ", pos)
    if space < 0:
        newline = text.find("\n", pos)
        return newline if newline >= 0 else len(text)
    newline = text.find("\n", pos, space)  # only one before the space matters
    return newline if newline >= 0 else space


def _joins(gap: str) -> bool:
    """Two words belong to one noun phrase only across plain spaces."""
    return gap != "" and gap.isspace() and "\n" not in gap


def _scan(auto: _Automaton, starts, ends, keys, gaps_ok, candidates: list[int]) -> list[_Match]:
    """Longest entries starting at the candidate words, left to right, no overlaps."""
    matches: list[_Match] = []
    after = 0
    for i in candidates:
        if i < after:
            continue
        hit = auto.longest(keys, gaps_ok, i)
        if hit is not None:
            j, entries, possessive = hit
            end = ends[j - 1] - (2 if possessive else 0)
            matches.append(_Match(i, j, starts[i], end, tuple(entries), possessive))
            after = j
            continue
        compound = _compound(auto, keys[i])
        if compound:
            matches.append(_Match(i, i + 1, starts[i], ends[i], compound))
            after = i + 1
    return matches


class _Lazy(dict):
    """A per-word value computed on first use (most words are never looked
    at), for words 0 .. n - 1. A dict filled by ``__missing__``: a value
    looked up again costs one dict lookup, not a Python call."""

    __slots__ = ("_n", "_compute")

    def __init__(self, n: int, compute):
        super().__init__()
        self._n = n
        self._compute = compute

    def __len__(self) -> int:
        return self._n

    def __missing__(self, k: int):
        value = self[k] = self._compute(k)
        return value

    def __contains__(self, k: int) -> bool:
        return 0 <= k < self._n and bool(self[k])


def _compound(auto: _Automaton, key: str) -> tuple[_Entry, ...]:
    """'rebel-controlled', 'regime-held': a label used attributively inside a
    hyphenated word names the group too (noun_adj labels only)."""
    if "-" not in key:
        return ()
    first = key.split("-", 1)[0]
    node = auto.root.get(first, {})
    return tuple(e for e in node.get(_END, ()) if e.type == "label" and e.attributive)


def _chains(matches: list[_Match], gaps_ok: list[bool]) -> list[list[_Match]]:
    chains: list[list[_Match]] = []
    for m in matches:
        if chains and chains[-1][-1].j == m.i and gaps_ok[m.i] and not chains[-1][-1].ends_phrase():
            chains[-1].append(m)
        else:
            chains.append([m])
    return chains


def _segments(chain: list[_Match]) -> list[list[_Match]]:
    """Split a chain of adjacent hits into noun phrases: a name after a label
    is an apposition and starts a new phrase."""
    segments: list[list[_Match]] = [[]]
    for m in chain:
        current = segments[-1]
        if current and m.has("name") and not m.has("label", "anaphor") \
                and any(x.has("label", "anaphor") for x in current):
            segments.append([m])
        else:
            current.append(m)
    return [s for s in segments if s]


class _Context:
    """Everything the resolution rules look at around one noun phrase."""

    def __init__(self, text, tok_starts, tok_ends, words, keys, gaps_ok, initial, sent_of, auto,
                 by_start):
        self.text, self.words, self.keys = text, words, keys
        self.gaps_ok, self.initial, self.sent_of, self.auto = gaps_ok, initial, sent_of, auto
        self.by_start = by_start
        self.tok_starts, self.tok_ends = tok_starts, tok_ends
        self.n = len(tok_starts)

    # -- token tests ---------------------------------------------------------
    def is_proper(self, k: int) -> bool:
        """A capitalised word that is not merely sentence-initial: a name."""
        word = self.words[k]
        if not has_capital(word):
            return False
        if self.keys[k] in ENGLISH_STOP_WORDS and not word.isupper():
            return False
        return not (k in self.initial and word[0].isupper() and not has_capital(word[1:]))

    def known_actors(self, k: int) -> list[Actor]:
        node = self.auto.root.get(self.keys[k]) or self.auto.root.get(self.keys[k].removesuffix("'s"))
        entries = (node or {}).get(_END, ())
        return [e.actor for e in entries if e.actor is not None and e.type in ("name", "attach")]

    # -- resolution ------------------------------------------------------------
    def resolve(self, segment: list[_Match], done: list[dict]) -> list[dict]:
        heads = [x for x in range(len(segment)) if segment[x].has("label", "name", "anaphor")]
        if not heads:
            return []
        h = heads[-1]
        head, mods = segment[h], segment[:h]
        out: list[dict] = []
        label = [e for e in head.entries if e.type in ("label", "anaphor")]
        if label and self._attributive(head, label):
            # "HTS’s terrorist ties": the possessive name is its own mention.
            while mods and mods[0].possessive and mods[0].has("name"):
                out.extend(self._name(mods[0]))
                mods = mods[1:]
        if not label:
            out.extend(self._name(head, mods))
            return out
        first = mods[0] if mods else head
        span = (first.start, head.end)
        if any(e.type == "anaphor" for e in label):
            out.extend(self._anaphor(head, label, mods, done))
            return out
        entry, actor = self._label_actor(head, label, mods, first, done)
        if entry is None:
            return out
        out.append(_mention(span, entry, actor, head.j))
        return out

    def _name(self, m: _Match, mods: list[_Match] = ()) -> list[dict]:
        entry = next(e for e in m.entries if e.type == "name")
        start = mods[0].start if mods else m.start
        return [_mention((start, m.end), entry, entry.actor, m.j)]

    def _attributive(self, head: _Match, label: list[_Entry]) -> bool:
        k = head.j
        if head.possessive or not any(e.attributive for e in label) or k >= self.n:
            return False
        word = self.words[k]
        return (self.gaps_ok[k] and word.isalpha() and word.islower()
                and self.keys[k] not in ENGLISH_STOP_WORDS and k not in self.by_start)

    def _label_actor(self, head, label, mods, first, done):
        """(ladder entry, actor id or NaN) for a label head, or (None, None) to drop it."""
        if not self.auto.actors:
            return label[0], math.nan
        kinds = {e.kind for e in label}
        excluded = {e.actor.id for m in mods for e in m.entries if e.type == "exclude"}
        attached = {e.actor.id: e.actor for m in mods for e in m.entries
                    if e.type in ("attach", "name") and e.actor.kind in kinds}
        candidates = [a for a in attached.values() if a.id not in excluded]
        if candidates:
            return self._entry_for(label, candidates[0].kind), (
                candidates[0].id if len(candidates) == 1 else math.nan)
        if self._foreign_left(first, bool(attached)) or self._sponsored(head):
            return None, None
        owner = self._of_phrase(head)
        if owner is not None:
            if owner.kind not in kinds or owner.id in excluded:
                return None, None
            return self._entry_for(label, owner.kind), owner.id
        coordinated = self._coordinated(first, kinds, done)
        if coordinated is not None:
            return self._entry_for(label, coordinated["kind"]), coordinated["actor"]
        bare = self._bare(label, excluded)
        if len(bare) == 1:
            return self._entry_for(label, bare[0].kind), bare[0].id
        return label[0], math.nan

    def _bare(self, label: list[_Entry], excluded: set[str]) -> list[Actor]:
        """Actors whose ``bare`` list takes this label's class or term."""
        takers = [a for e in label for a in e.bare_actors]
        if not takers:
            return []
        return [a for a in self.auto.actors if a.id not in excluded
                and any(a is taker for taker in takers)]

    @staticmethod
    def _entry_for(label: list[_Entry], kind: str) -> _Entry:
        return next((e for e in label if e.kind == kind), label[0])

    def _foreign_left(self, first: _Match, attached: bool) -> bool:
        """An unknown name right before the phrase ("Zionist regime",
        "Hezbollah fighters") means someone else's label."""
        k = first.i - 1
        if k < 0 or not self.gaps_ok[first.i] or attached:
            return False
        if self.known_actors(k):
            return False
        if self.keys[k] in _SPONSOR_PARTICIPLES and k >= 1 \
                and self.text[self.tok_ends[k - 1]:self.tok_starts[k]].endswith("-"):
            # "U.S.-backed militias": the tokenizer cut "U.S" from "-backed".
            return self.is_proper(k - 1)
        return self.is_proper(k)

    def _of_phrase(self, head: _Match) -> Actor | None:
        """'fighters from the Iraqi Hashd al-Shaabi', 'the army of Syria': a
        following of/from phrase naming a known actor decides."""
        k = head.j
        if k + 1 >= self.n or self.keys[k] not in ("of", "from") or not self.gaps_ok[k]:
            return None
        x = k + 1
        if self.keys[x] in _DETERMINERS:
            x += 1
        if x >= self.n or not self.gaps_ok[x]:
            return None
        match = self.by_start.get(x)
        actors = [e.actor for e in match.entries if e.type in ("name", "attach")] if match else []
        kinds = {e.kind for e in head.entries}
        same = [a for a in actors if a.kind in kinds]
        return (same or actors or [None])[0]

    def _sponsored(self, head: _Match) -> bool:
        """'militias backed by Iran', 'groups that Iran backs'."""
        k, n = head.j, self.n
        if k + 1 < n and self.keys[k] in _SPONSOR_PARTICIPLES and self.keys[k + 1] in _SPONSOR_PREPOSITIONS:
            return any(self.is_proper(x) for x in range(k + 2, min(n, k + 5)))
        if k + 2 < n and self.keys[k] in _RELATIVES:
            for x in range(k + 1, min(n - 1, k + 4)):
                if self.is_proper(x) and self.keys[x + 1] in _SPONSOR_VERBS:
                    return True
        return False

    def _coordinated(self, first: _Match, kinds: set[str], done: list[dict]) -> dict | None:
        """'the Syrian army and government': the second label shares the first's actor."""
        k = first.i - 1
        if k < 1 or not done or self.keys[k] not in _CONJUNCTIONS or not self.gaps_ok[first.i]:
            return None
        last = done[-1]
        if last["_j"] == k and self.gaps_ok[k] and last["kind"] in kinds \
                and isinstance(last["actor"], str):
            return last
        return None

    def _anaphor(self, head, label, mods, done) -> list[dict]:
        k = head.i - 1
        if mods or k < 0 or self.keys[k] not in _DETERMINERS or not self.auto.actors:
            return []
        kinds = {e.kind for e in label}
        here = self.sent_of[head.i]
        for prior in reversed(done):
            if self.sent_of_offset(prior["start"]) < here - _ANAPHOR_SENTENCES:
                break
            if isinstance(prior["actor"], str) and prior["kind"] in kinds:
                entry = self._entry_for(label, prior["kind"])
                return [_mention((head.start, head.end), entry, prior["actor"], head.j)]
        # No antecedent nearby: "the group" is then a bare label, and means an
        # actor only where the event's bare rules say so.
        bare = self._bare(label, set())
        if len(bare) == 1:
            entry = self._entry_for(label, bare[0].kind)
            return [_mention((head.start, head.end), entry, bare[0].id, head.j)]
        return []

    def sent_of_offset(self, offset: int) -> int:
        k = bisect_right(self.tok_starts, offset) - 1
        return self.sent_of[max(k, 0)]


def _mention(span: tuple[int, int], entry: _Entry, actor, j: int) -> dict:
    actor_id = actor.id if isinstance(actor, Actor) else actor
    return {"start": span[0], "end": span[1], "category": entry.cls, "term": entry.term,
            "actor": actor_id, "score": entry.score, "kind": entry.kind, "_j": j}
