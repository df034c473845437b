"""Every lexicon and event-actor hit as a span with its voice.

``build_annotator(lexicons, events)`` compiles the lexicons once (one trie
regex, see ``framing.matcher``) and the actor automaton (``framing.actors``);
its ``annotate_document`` returns the spans of one article
(``schema.SPAN_COLUMNS``), sorted by start.

Context rules keep precision (an entry names its rule in the lexicon's
``rule`` column; the rules are listed in ``framing.lexicons.RULES``):

- ``not_month``: "May" is the month or a name, not the modal, when it is
  followed by a day or year ("May 5", "May, 2024"), preceded by a day or a
  time preposition ("5 May", "in May", "since May", "last May"), or written
  with a capital inside a sentence that is not a headline ("Theresa May").
- ``not_negated``: "could not" / "could never" is not a hedge: it reports an
  inability or an impossibility, asserted. (Negated "may" and "might" stay
  hedges: "it may not work" is still epistemic possibility.)
- ``not_place``: "appeared on television / in court / at a rally / before
  the judge" reports a physical appearance, not an impression.
- ``speech``: ambiguous reporting verbs ("added", "noted", "stated",
  "claimed", "declared" ...) are attribution only where they introduce
  speech: followed by "that", a colon or a quotation, placed next to a speech
  quotation, or in the inverted "..., X added." form.

A span's ``voice`` and ``speaker`` come from the voice segments
(``framing.voice.voice_at``): a hedge inside a quotation is a quoted hedge.
An attribution span's ``speaker`` is the source of the reporting verb: the
quotation's speaker where the verb introduces that quotation, else the noun
phrase of "said X" after the verb, else the nearest subject before it (a
pronoun resolved to the last named speaker in the article).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from operator import itemgetter

from .lexicons import Lexicons, load_lexicons
from .matcher import Hit, Matcher, WordIndex, lower_same_length
from .speakers import PRONOUNS
from .tokens import WORD_RE, has_capital
from .voice import voice_at


class Annotator:
    """Lexicon layers plus event actors, compiled once and shared by workers."""

    def __init__(self, lexicons: Lexicons, events=(), *, ladders=None):
        self.lexicons = lexicons
        self.matcher = Matcher(lexicons.entries)
        self.actors = _actor_annotator(events, ladders)

    def annotate_document(self, doc_id: str, text: str, sentences: list[dict],
                          quotes: list[dict], voices: list[dict],
                          event: str | None = None) -> list[dict]:
        """All spans of one article (``schema.SPAN_COLUMNS``), sorted by start."""
        # both layers scan the same lower-cased words
        words = WordIndex(lower_same_length(text))
        spans = lexicon_spans(self.matcher, doc_id, text, sentences, quotes, voices, words)
        if self.actors is not None:
            spans += self.actors.annotate_document(doc_id, text, sentences, quotes, voices,
                                                   event=event, words=words)
        spans.sort(key=_SPAN_ORDER)
        return spans


_SPAN_ORDER = itemgetter("start", "end", "layer")


def build_annotator(lexicons=None, events=(), *, ladders=None) -> Annotator:
    """An object with ``annotate_document(doc_id, text, sentences, quotes,
    voices, event=None) -> list[dict]`` (``schema.SPAN_COLUMNS``), built once
    and shared by workers. ``lexicons``: a :class:`Lexicons` or ``None`` for
    the package's own; ``events``: loaded events (or none)."""
    if lexicons is None:
        lexicons = load_lexicons()
    return Annotator(lexicons, events or (), ladders=ladders)


def _actor_annotator(events, ladders):
    from .actors import ActorAnnotator  # built in parallel; imported late
    return ActorAnnotator(events, ladders)


# --- lexicon layers -------------------------------------------------------------

def lexicon_spans(matcher: Matcher, doc_id: str, text: str, sentences: list[dict],
                  quotes: list[dict], voices: list[dict],
                  words: WordIndex | None = None) -> list[dict]:
    """Span records for every lexicon hit that passes its entry's rule
    (``words``: see :meth:`Matcher.find`)."""
    hits = matcher.find(text, words)
    if not hits:
        return []
    sent_starts = [s["start"] for s in sentences]
    doc = _Document(text, sentences, sent_starts, quotes)
    found = voice_at(voices, [h.start for h in hits])
    spans = []
    for hit, (voice, source) in zip(hits, found, strict=True):
        start, end, entries = hit
        k = bisect_right(sent_starts, start) - 1
        sent_id = sentences[k]["sent_id"] if k >= 0 else math.nan
        for entry in entries:
            rule = entry.get("rule")
            if isinstance(rule, str) and rule and not RULE_CHECKS[rule](doc, hit, k):
                continue
            layer = entry["layer"]
            if layer == "attribution":
                speaker = doc.speaker_of(hit, k)
            else:
                speaker = source if source is not None else math.nan
            spans.append({
                "doc_id": doc_id, "start": start, "end": end,
                "text": text[start:end], "layer": layer,
                "category": entry["category"], "term": entry["term"], "actor": math.nan,
                "score": entry["score"], "voice": voice, "speaker": speaker, "sent_id": sent_id,
            })
    return spans


class _Document:
    """One article's text with its sentences and quotes, for context rules."""

    def __init__(self, text, sentences, sent_starts, quotes):
        self.text = text
        self.sentences = sentences
        self.sent_starts = sent_starts
        self.quotes = [q for q in quotes if q.get("counts_as_speech")]
        # (start, end, span with speaker start, span with speaker end, speaker, verb)
        self.quote_spans = []
        for q in self.quotes:
            lo, hi = q["start"], q["end"]
            s_start, s_end = q.get("speaker_start"), q.get("speaker_end")
            if _is_number(s_start) and _is_number(s_end):
                lo, hi = min(lo, int(s_start)), max(hi, int(s_end))
            speaker, verb = q.get("speaker"), q.get("verb")
            self.quote_spans.append((q["start"], q["end"], lo, hi,
                                     speaker if isinstance(speaker, str) and speaker else None,
                                     verb.lower() if isinstance(verb, str) else None))
        # the quotations a reporting verb can take its speaker from
        self.spoken = [q for q in self.quote_spans if q[4] is not None]
        self.last_named: list[tuple[int, str]] = []  # (offset, speaker) seen so far

    def sentence_bounds(self, k: int) -> tuple[int, int]:
        if k < 0 or not self.sentences:
            return 0, len(self.text)
        return self.sentences[k]["start"], self.sentences[k]["end"]

    def before(self, hit: Hit, k: int, width: int = 80) -> str:
        start, _ = self.sentence_bounds(k)
        return self.text[max(start, hit.start - width):hit.start]

    def after(self, hit: Hit, k: int, width: int = 80) -> str:
        _, end = self.sentence_bounds(k)
        return self.text[hit.end:min(max(end, hit.end), hit.end + width)]

    def is_headline(self, k: int) -> bool:
        return k >= 0 and bool(self.sentences) and self.sentences[k].get("zone") == "headline"

    # -- speakers of reporting verbs --------------------------------------------
    def speaker_of(self, hit: Hit, k: int):
        speaker = self._quote_speaker(hit, k)
        if speaker is None and not self._non_finite(hit, k):
            speaker = self._subject_speaker(hit, k) or self._inverted_speaker(hit, k)
        if speaker is None:
            # a participle, an infinitive or a subject cut off by a clause:
            # the sentence's first name before the verb is the best guess
            speaker = self._first_name(hit, k)
        if speaker is None:
            return math.nan
        if speaker.lower() in PRONOUNS:
            for pos, name in reversed(self.last_named):
                if pos < hit.start:
                    return name
            return speaker
        if has_capital(speaker):
            self.last_named.append((hit.start, speaker))
        return speaker

    def _first_name(self, hit: Hit, k: int) -> str | None:
        sent_start, _ = self.sentence_bounds(k)
        for m in _NAME_RUN.finditer(self.text, sent_start, hit.start):
            name = _POSSESSIVE_END.sub("", m.group())
            words = name.split()
            while words and words[0].lower() in _OPENERS:
                words = words[1:]
            if words:
                return " ".join(words)
        return None

    def _non_finite(self, hit: Hit, k: int) -> bool:
        """An infinitive ("to affirm") or a participle clause (", reaffirming"):
        its subject is elsewhere in the sentence, so we do not guess it."""
        before = self.before(hit, k, width=20)
        if _TO_BEFORE.search(before):
            return True
        word = self.text[hit.start:hit.end].lower()
        return word.endswith("ing") and not _BE_BEFORE.search(before)

    def _quote_speaker(self, hit: Hit, k: int) -> str | None:
        verb = self.text[hit.start:hit.end].lower()
        sent_start, sent_end = self.sentence_bounds(k)
        best = None
        for q_start, q_end, lo, hi, speaker, q_verb in self.spoken:
            if hi < sent_start or lo >= sent_end:
                continue  # not in this sentence
            if q_start < hit.start < q_end:
                continue  # a verb inside the quotation does not introduce it
            gap = max(lo - hit.end, hit.start - hi, 0)
            if gap <= (25 if q_verb == verb else 3) and (best is None or gap < best[0]):
                best = (gap, speaker)
        return best[1] if best else None

    def _inverted_speaker(self, hit: Hit, k: int) -> str | None:
        if not _QUOTE_OR_COMMA_END.search(self.before(hit, k)):
            return None
        m = _INVERTED_NP.match(self.after(hit, k))
        return _clean_np(m.group(1)) if m else None

    def _subject_speaker(self, hit: Hit, k: int) -> str | None:
        before = self.before(hit, k, width=120)
        # "Russia, a major Assad ally, said": skip the appositive (which
        # only a comma at the end can close)
        if before.rstrip().endswith(","):  # \s and str.isspace agree
            before = _APPOSITIVE_END.sub(" ", before)
        # The walk back below reads the last word that is no auxiliary or
        # adverb and at most five words before it: the words of the last
        # _TAIL characters do unless that word is among their first six (the
        # first may be cut; the others are the words of the whole text).
        tail = len(before) - _TAIL
        words = list(WORD_RE.finditer(before, max(tail, 0)))
        i = _last_subject_word(words)
        if tail > 0 and i < 6:
            words = list(WORD_RE.finditer(before))
            i = _last_subject_word(words)
        if i < 0 or _CLAUSE_BREAK.search(before, words[i].end()):
            return None  # no subject right before the verb
        end = i
        if _is_name_word(words[end].group()):
            while i - 1 >= 0 and end - i < 5 and _is_name_word(words[i - 1].group()) and not \
                    _CLAUSE_BREAK.search(before, words[i - 1].end(), words[i].start()):
                i -= 1
            return _clean_np(before[words[i].start():words[end].end()])
        # a common-noun subject: back to its determiner, at most four words
        while i - 1 >= 0 and end - i < 3:
            word = words[i - 1].group().lower()
            gap = before[words[i - 1].end():words[i].start()]
            if word in _CLAUSE_WORDS or _CLAUSE_BREAK.search(gap):
                break
            i -= 1
            if word in _DETERMINER_WORDS:
                break
        np_text = before[words[i].start():words[end].end()]
        return _clean_np(np_text)


_CLAUSE_BREAK = re.compile(r"[,;:()\"\u201c\u201d\u2014\u2013]")
_APPOSITIVE_END = re.compile(r",[^,;:\"\u201c\u201d]{1,60},\s*$")
_QUOTE_OR_COMMA_END = re.compile(r"(?:[,\u201d\"]|\u2019(?=\s))\s*$")
_TO_BEFORE = re.compile(r"\bto\s+$", re.IGNORECASE)
_POSSESSIVE_END = re.compile(r"[\u2019']s$")
_INVERTED_NP = re.compile(
    r"\s+((?:the\s+|a\s+)?[A-Za-z0-9][\w\u2019'.\-]*(?:\s+[A-Za-z0-9][\w\u2019'.\-]*){0,5}?)"
    r"\s*(?:[.,;]|$)")
_NAME_RUN = re.compile(r"\b[A-Z][\w\u2019'\-]*(?:\s+(?:al-|bin\s+|ibn\s+)?[A-Z][\w\u2019'\-]*)*")
#: capitalised words that open a sentence without being a name
_OPENERS = {"the", "a", "an", "in", "on", "at", "but", "and", "while", "when", "after", "before",
            "now", "currently", "meanwhile", "however", "this", "that", "these", "those", "as",
            "if", "since", "for", "with", "by", "from", "his", "her", "its", "their", "our", "my",
            "also", "still", "yet", "so", "then", "today", "yesterday", "earlier", "later"}
_BE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|was|were|am)\s+$", re.IGNORECASE)
_SKIP_BEFORE_VERB = {"has", "have", "had", "was", "were", "is", "are", "also", "later", "then",
                     "previously", "repeatedly", "again", "reportedly", "once", "recently",
                     "publicly", "privately", "earlier", "will", "would", "could", "did",
                     "does", "do", "not", "never", "already", "often", "usually", "sometimes",
                     "still", "now", "even", "just", "further", "long", "since"}
_CLAUSE_WORDS = {"that", "which", "who", "whom", "and", "but", "or", "as", "when", "while",
                 "after", "before", "because", "if", "since", "although", "though", "where",
                 "what", "than", "so", "yet"}
_DETERMINERS = ("the ", "a ", "an ")
_DETERMINER_WORDS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her",
                     "their", "our", "some", "many", "several", "other", "both", "two", "three"}


_TAIL = 64


def _last_subject_word(words: list[re.Match]) -> int:
    """Index of the last word before a verb that is no auxiliary or adverb
    (-1 if none)."""
    i = len(words) - 1
    while i >= 0:
        word = words[i].group()
        if not (word.lower() in _SKIP_BEFORE_VERB or (word.endswith("ly") and word.islower())):
            break
        i -= 1  # auxiliaries and adverbs between subject and verb
    return i


def _clean_np(text: str) -> str | None:
    text = " ".join(text.split()).strip(" ,.;:")
    low = text.lower()
    for det in _DETERMINERS:
        if low.startswith(det):
            text = text[len(det):]
            break
    return text or None


def _is_name_word(word: str) -> bool:
    """A word of a proper name: capitalised, or a name particle (al-Assad)."""
    return word[:1].isupper() or word.lower().startswith(("al-", "el-", "bin", "ibn", "abu"))


def _is_number(value) -> bool:
    # a tuple of types: ``int | float`` would build a union on every call
    return isinstance(value, (int, float)) and not (isinstance(value, float) and math.isnan(value))


# --- context rules ----------------------------------------------------------------

_MONTH_AFTER = re.compile(r"\s*(?:\d{1,2}(?:st|nd|rd|th)?\b|,?\s*\d{4}\b)")
_MONTH_BEFORE = re.compile(
    r"(?:\b(?:in|on|since|until|till|by|from|during|through|throughout|of|early|late|mid|"
    r"last|next|this|before|after|between|and)|\d{1,2}(?:st|nd|rd|th)?)\s*-?\s*$", re.IGNORECASE)
_OPENING_MARKS = frozenset(".!?:;\u201c\"(\u2018\u2014\u2013-")


def _opens_clause(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is blank or ends with an opening mark and
    spaces (a sentence or quotation starts right after it)."""
    stripped = text[start:end].rstrip()  # \s and str.isspace agree
    return not stripped or stripped[-1] in _OPENING_MARKS


def _not_month(doc: _Document, hit: Hit, k: int) -> bool:
    word = doc.text[hit.start:hit.end]
    if word.islower():
        return True  # "may" in lower case is the modal
    if _MONTH_AFTER.match(doc.text, hit.end):
        return False
    before = doc.before(hit, k, width=30)
    if _MONTH_BEFORE.search(before):
        return False
    sent_start, _ = doc.sentence_bounds(k)
    opens = hit.start == sent_start or _opens_clause(doc.text, sent_start, hit.start)
    # capital "May" inside a sentence (not a headline) is a name or the month
    return opens or doc.is_headline(k)


_NEGATION = re.compile(r"\s+(?:not|never)\b", re.IGNORECASE)


def _not_negated(doc: _Document, hit: Hit, k: int) -> bool:
    return not _NEGATION.match(doc.text, hit.end)


_PLACE = re.compile(r"\s+(?:on|in|at|before|alongside|onstage|live|together)\b", re.IGNORECASE)


def _not_place(doc: _Document, hit: Hit, k: int) -> bool:
    return not _PLACE.match(doc.text, hit.end)


_SPEECH_AFTER = re.compile(
    r"\s*(?:[,:]\s*)?[\"\u201c\u2018]"           # said: "..." / said, "..."
    r"|\s*:"                                     # the statement read:
    r"|\s+(?:[\w\u2019'.\-]+\s+){0,4}?that\b"    # noted that / told reporters that
    r"|\s*[.,;]"                                 # "..., the ministry added."
    r"|\s+(?:the\s+)?[A-Z][\w\u2019'.\-]*(?:\s+[A-Z][\w\u2019'.\-]*){0,4}\s*[.,;]")  # added Smith.
_QUOTE_OR_COMMA_BEFORE = re.compile(
    r"(?:[,\u201d\"]|\u2019(?=\s))\s*(?:[\w\u2019'.\-]+\s+){0,6}$")


_NAMED_SUBJECT = re.compile(r"\b[A-Z][\w\-]*(?<!['\u2019]s)\s+$")
_NAME_AFTER = re.compile(r"\s+(?:the\s+)?[A-Z]")
_PAST_OR_THIRD = re.compile(r"(?:ed|s|said|told|wrote|written|thought|felt|understood|swore|sworn)$",
                            re.IGNORECASE)
_PAST_OR_THIRD_ENDINGS = ("ed", "s", "said", "told", "wrote", "written", "thought", "felt",
                          "understood", "swore", "sworn")


def _past_or_third(word: str, verb: str) -> bool:
    """``_PAST_OR_THIRD.search(word)`` (``verb``: ``word.lower()``): for an
    ASCII word not ending in a line break (where ``$`` also matches), a test
    of its lower-case ending instead of a case-insensitive search."""
    if word.isascii() and not word.endswith("\n"):
        return verb.endswith(_PAST_OR_THIRD_ENDINGS)
    return _PAST_OR_THIRD.search(word) is not None


def _speech(doc: _Document, hit: Hit, k: int) -> bool:
    text = doc.text
    word = text[hit.start:hit.end]
    verb = word.lower()
    sent_start, sent_end = doc.sentence_bounds(k)
    if word[:1].isupper() and hit.start > sent_start and not doc.is_headline(k) \
            and not _opens_clause(text, sent_start, hit.start):
        return False  # a capitalised verb inside a sentence is part of a name ("United States")
    if verb.endswith("ed") and _BE_BEFORE.search(text[max(sent_start, hit.start - 20):hit.start]):
        return False  # passive ("can be confirmed"): nobody speaks here
    if _past_or_third(word, verb) and \
            _NAMED_SUBJECT.search(text[max(sent_start, hit.start - 40):hit.start]):
        if not verb.endswith("s"):
            return True  # "Iran pledged", "Araghchi stressed"
        if doc.is_headline(k):
            return True  # headline present tense: "Iran Pledges Support"
    after = doc.after(hit, k)
    first = _SPEECH_AFTER.match(after)
    if first and not first.group().lstrip().startswith((".", ",", ";")) \
            and not _NAME_AFTER.match(after):
        return True  # a colon, a quotation or a that-clause follows
    if first and not verb.endswith("s") and _QUOTE_OR_COMMA_BEFORE.search(doc.before(hit, k)):
        return True  # inverted or sentence-final: '..., he added.' / '"...," added Smith.'
    for q_start, q_end, _, _, _, q_verb in doc.quote_spans:
        if q_verb is not None and q_verb != verb:
            continue  # the quotation is introduced by another verb
        if (0 <= hit.start - q_end <= 60 or 0 <= q_start - hit.end <= 20) and \
                (sent_start <= q_start < sent_end or sent_start < q_end <= sent_end):
            return True
    return False


_JUDGEMENT_AFTER = re.compile(r"\s+(?:[\w\u2019'.\-]+\s+){0,4}?(?:as|to\s+be|that)\b")


def _judgement(doc: _Document, hit: Hit, k: int) -> bool:
    return bool(_JUDGEMENT_AFTER.match(doc.after(hit, k))) or _speech(doc, hit, k)


RULE_CHECKS = {
    "judgement": _judgement,
    "not_month": _not_month,
    "not_negated": _not_negated,
    "not_place": _not_place,
    "speech": _speech,
}
