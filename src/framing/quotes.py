"""Quotations (direct, partial, embedded posts, term quotes) and their speakers.

Quotation marks are paired within a paragraph (a line). Straight quotes take
their role from the characters around them; curly ones from their shape unless
the context plainly says otherwise. An opening mark left open at a paragraph's
end continues into the next paragraph only when that paragraph opens with a
quotation mark (the newspaper convention for multi-paragraph quotes); else the
quote is capped at the paragraph end, so one stray mark never swallows the rest
of an article. Single quotes count only outside double quotes, and only when
the opening one stands at a word start (so "Assad’s", "don’t", "rebels’" stay
apostrophes).

Kinds: ``direct`` (a whole statement), ``partial`` (quotation marks around part
of the outlet's own clause), ``embedded_post`` (a post shown above its credit
line "— Name (@handle) date") and ``term`` (scare or term quotes around a short
phrase: not speech).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .segment import mark_positions, paragraph_spans
from .speakers import (
    BASE_FORMS,
    NAMING_VERBS,
    PRONOUNS,
    SPEECH_VERBS,
    WORD_TOKEN_RE,
    expand_name,
    speaker_after,
    speaker_before,
    speaker_in_sentence,
    speaker_inside,
)
from .tokens import WORD_RE

_QUOTE_MARKS = "“”„«»\""
_OPENERS = "“„«"
_CLOSERS = "”»"
_CREDIT_RE = re.compile(
    r"^[ \t]*[—–-]{1,2}[ \t]*(?P<name>[^\n(]{0,80}?)[ \t]*\((?P<handle>@\w{1,30})\)[^\n]{0,40}$",
    re.MULTILINE)
_SPEECH_END_RE = re.compile(r"[.?!…][\"”’')\]]*\s+\S")

_TERM_MAX_WORDS = 4
#: pronoun speakers resolved to the previous named speaker; "it", "we", "I"
#: and "you" are kept as they are (an organisation, the outlet, ...)
_RESOLVABLE = frozenset(("he", "she", "they"))
_COPULAS = frozenset(("is", "are", "was", "were", "be", "been", "being", "remains", "remain",
                      "seems", "seem", "became", "become"))
#: Words that make a short quote a clause fragment (speech), not a term:
#: “is criminal in nature”, “we don’t cry”.
_CLAUSE_WORDS_TEXT = (
    "is are was were am be been will would can could should must has have had do does did "
    "don’t doesn’t didn’t won’t can’t isn’t aren’t wasn’t don't doesn't didn't won't can't "
    "i we you he she they me us my our it’s i’m we’re you’re they’re let’s it's i'm we're "
    "you're they're let's")
_CLAUSE_WORDS = frozenset(_CLAUSE_WORDS_TEXT.split())


# --- small helpers ------------------------------------------------------------

_SENTENCE_GAP_RE = re.compile(r"[.!?][\"”’')\]]*\s+(?=[A-Z“\"‘])")


def _mark_role(text: str, i: int) -> str:
    """'open', 'close' or '?' for the quotation mark at ``text[i]``."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    left_space = prev.isspace() or prev in "([{—–-/" or prev in _QUOTE_MARKS
    right_space = nxt.isspace() or nxt in ".,;:!?)]}—–" or nxt in _QUOTE_MARKS
    if left_space and not right_space:
        context = "open"
    elif right_space and not left_space:
        context = "close"
    else:
        context = "?"
    if ch in _OPENERS:
        return "open" if context != "close" or not nxt.isspace() else "close"
    if ch in _CLOSERS:
        return "close" if context != "open" else "open"
    return context


#: More than _TERM_MAX_WORDS words (quotes can be long; only whether they
#: are short matters): each word where WORD_RE's next search finds it (an
#: atomic group never gives back an earlier word's characters).
_MANY_WORDS_RE = re.compile(rf"(?s)(?>.*?{WORD_RE.pattern}){{{_TERM_MAX_WORDS + 1}}}")


_POSSESSIVE_RE = re.compile(r"[’']s\b")
_ALNUM_RUN_RE = re.compile(r"[A-Za-z0-9]+")


@lru_cache(maxsize=4096)  # cached: a partial quote is compared with the same earlier quotes again
def _norm_phrase(s: str) -> str:
    """Words of ``s``, case-folded, possessive 's dropped (for phrase matching)."""
    return " ".join(WORD_RE.findall(_POSSESSIVE_RE.sub("", s))).casefold()


# --- pairing ------------------------------------------------------------------

def _pair_double_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """(start, end, inner_start, inner_end) of every outermost double-quoted
    span; quotes nested inside ("... once called a "gold standard," ...") stay
    part of the outer one."""
    spans = []
    open_pos = None
    depth = 0
    # one scan of the whole text (str.find): every mark stands inside a
    # paragraph (lines are only trimmed of whitespace)
    all_marks = mark_positions(text, _QUOTE_MARKS)
    first = 0
    for k, (p_start, p_end) in enumerate(paragraphs):
        last = bisect_left(all_marks, p_end, first)
        if last == first and open_pos is None:
            continue  # no marks, nothing open
        marks, first = all_marks[first:last], last
        carried = open_pos is not None
        for j, pos in enumerate(marks):
            if carried and j == 0 and pos == p_start:
                continue  # the opening mark of a continued paragraph
            role = _mark_role(text, pos)
            if role == "?":
                role = "close" if open_pos is not None else "open"
            if role == "open":
                if open_pos is None:
                    open_pos, depth = pos, 1
                else:
                    depth += 1
                continue
            if open_pos is None:
                continue  # a stray closing mark
            depth -= 1
            if depth == 0:
                if pos > open_pos + 1:
                    spans.append((open_pos, pos + 1, open_pos + 1, pos))
                open_pos = None
        if open_pos is not None:
            nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
            if nxt is not None and text[nxt[0]] in _QUOTE_MARKS and text[nxt[0]] not in _CLOSERS:
                depth = 1
                continue  # multi-paragraph quote: carry on
            if p_end > open_pos + 1:
                spans.append((open_pos, p_end, open_pos + 1, p_end))  # capped, no closer
            open_pos = None
    return spans


_SINGLE_OPEN_RE = re.compile(r"(?:(?<=[\s(\[—–-])|^)(?:‘(?=\w)|'(?=[^\W\d_]))", re.MULTILINE)
_SINGLE_CLOSE = {"‘": "’", "'": "'"}


def _pair_single_quotes(text: str, paragraphs, taken: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Single-quoted spans outside double quotes (British style, scare quotes).

    An opening mark must stand at a word start; the closing one is the first
    matching mark not followed by a letter or digit, so apostrophes inside
    words ("don’t") are skipped and possessives before the opener never pair.
    """
    spans = []

    def inside_double(a: int, b: int) -> bool:
        return any(s < b and a < e for s, e in taken)

    pos = 0
    k = 0  # paragraph of the mark: every mark stands inside one (lines are only trimmed of whitespace)
    # the marks _SINGLE_OPEN_RE can match at, found first (str.find): the
    # pattern gives the regex engine no literal prefix to skip ahead by
    for i in mark_positions(text, "‘'"):
        while paragraphs[k][1] <= i:
            k += 1
        p_end = paragraphs[k][1]
        if i < pos or not _SINGLE_OPEN_RE.match(text, i, p_end):
            continue
        closer = _SINGLE_CLOSE[text[i]]
        close, j = -1, i + 1
        while True:
            j = text.find(closer, j, p_end)
            if j < 0:
                break
            if j + 1 >= p_end or not text[j + 1].isalnum():
                close = j
                break
            j += 1
        if close <= i + 1 or inside_double(i, close + 1):
            continue
        spans.append((i, close + 1, i + 1, close))
        pos = close + 1
    return spans


# --- classification -----------------------------------------------------------

def _is_statement_start(text: str, q_start: int, p_start: int) -> bool:
    """A quote that opens a statement: at a paragraph/sentence start or after
    ',', ':', a dash or a bracket."""
    i = q_start - 1
    while i >= p_start and text[i].isspace():
        i -= 1
    return i < p_start or text[i] in ".!?:;,—–-([" or text[i] in _QUOTE_MARKS


def _contains_phrase(haystack: str, phrase: str) -> bool:
    return bool(phrase) and f" {phrase} " in f" {haystack} "


def _phrase_key(phrase: str) -> str:
    """The longest run of letters and digits of a (non-empty) normalised
    phrase: a text whose normalised form holds the phrase holds the key once
    case-folded (normalising only drops a possessive 's, spacing and case,
    never splits such a run)."""
    return max(_ALNUM_RUN_RE.findall(phrase), key=len)


def _is_fragment(core: str) -> bool:
    return any(w.casefold() in _CLAUSE_WORDS for w in WORD_RE.findall(core))


class _SpeechSoFar:
    """The inner texts of the speech quoted so far in an article, asked
    whether one of them holds a phrase. Each is normalised once, and only
    when a short quote asks for a phrase whose key its case-folded text
    holds (most articles never ask; most phrases asked for were never
    quoted); all are searched at once, joined by newlines, which a
    normalised phrase never holds."""

    def __init__(self) -> None:
        self._pending: list[str] = []  # not yet case-folded
        self._unnormalised: list[str] = []  # case-folded, not yet normalised
        self._folded = ""
        self._joined = ""

    def add(self, inner: str) -> None:
        self._pending.append(inner)

    def holds(self, phrase: str) -> bool:
        """Whether an earlier quote holds the words of ``phrase`` (normalised)."""
        if not phrase:
            return False
        if self._pending:
            self._folded += "".join(f"{p.casefold()}\n" for p in self._pending)
            self._unnormalised += self._pending
            self._pending.clear()
        # the quick test of _partial_speaker: no earlier text holds the key
        # (case-folded), so no normalised one holds the phrase
        if _phrase_key(phrase) not in self._folded:
            return False
        if self._unnormalised:
            self._joined += "".join(f" {_norm_phrase(p)} \n" for p in self._unnormalised)
            self._unnormalised.clear()
        # the joined text starts with a space and ends with a newline: the
        # phrase needs no padding of the haystack
        return f" {phrase} " in self._joined


def _classify(text, span, p_start, lo, earlier_speech: _SpeechSoFar, tagged):
    """direct | partial | term for one quote that is not an embedded post.

    Short phrases (up to four words, no sentence inside) are term quotes unless
    a speaker tag or a naming verb ('called it "x"') stands next to them or
    their words were quoted as speech earlier in the article. ``lo`` is the
    start of the quote's sentence."""
    start, end, i_s, i_e = span
    inner = text[i_s:i_e].strip()
    core = inner.rstrip(",.;:").strip()
    short = not _MANY_WORDS_RE.match(core)
    statement_start = _is_statement_start(text, start, p_start)
    if short and not WORD_RE.search(core):
        return "term"  # no word at all
    if short and not _is_fragment(core) and not _SPEECH_END_RE.search(inner) \
            and not core.endswith(("?", "!")):
        if statement_start and core[:1].isupper() and (tagged or inner.endswith((".", "?", "!"))):
            return "direct"  # “It’s a complicated question,” Sullivan remarked. “I agree.”
        if tagged or _naming_verb_before(text, start, lo) \
                or earlier_speech.holds(_norm_phrase(core)):
            return "partial"
        return "term"
    if statement_start:
        return "direct"
    return "direct" if core[:1].isupper() and (tagged or _naming_verb_before(text, start, lo)) \
        else "partial"


def _naming_verb_before(text: str, q_start: int, lo: int) -> bool:
    """Whether the words before a short quote put it in someone's mouth:
    'called it “x”', 'said “x”', 'described the ad as “x”' (a naming verb
    further back when 'as' introduces the quote), and a predicate inside a
    reported clause ('X said that the cover is “sexist”')."""
    window = text[max(lo, q_start - 120):q_start]
    if window.rstrip().endswith((".", ";", "!", "?")):
        return False  # the quote starts a new sentence
    toks = [t.lower() for t in WORD_TOKEN_RE.findall(window)[-12:]]  # the most looked at
    if any(t in NAMING_VERBS or (t in SPEECH_VERBS and t not in BASE_FORMS) for t in toks[-3:]):
        return True
    if "as" in toks[-3:] and any(t in NAMING_VERBS for t in toks[-12:]):
        return True
    tail = [t for t in toks[-3:] if t not in ("a", "an", "the")]
    return bool(tail) and tail[-1] in _COPULAS and speaker_in_sentence(text, q_start, lo) is not None


# --- embedded posts -----------------------------------------------------------

_DOMAIN_RE = re.compile(r"\.(?:[a-z]{2}|com|org|net|gov|info)$")


def _credit_name(name: str, handle: str) -> str:
    """Display name of a post's author ('Khamenei.ir' -> 'Khamenei')."""
    name = (name or "").strip() or handle
    return _DOMAIN_RE.sub("", name)


def _credit_lines(text: str, embeds) -> list[dict]:
    """Embed credits: position where each stands (or stood, for credits moved
    out of the text) and the author's name with its offsets when in the text."""
    credits = []
    for rec in embeds or []:
        if rec.get("kind", "embed_credit") not in ("embed_credit", "embed_attribution"):
            continue
        pos = rec.get("clean_pos")
        if not isinstance(pos, (int, float)) or pos != pos:
            continue  # no position (NaN): nothing to anchor the post to
        m = _CREDIT_RE.match(str(rec.get("text", "")).strip())
        name = _credit_name(m.group("name"), m.group("handle")) if m else None
        credits.append({"pos": int(rec["clean_pos"]), "name": name,
                        "name_start": math.nan, "name_end": math.nan})
    if "(@" not in text:
        return credits  # no credit line in the text (a quick check: the line scan is slow)
    for m in _CREDIT_RE.finditer(text):
        group = "name" if m.group("name").strip() else "handle"
        credits.append({"pos": m.start(), "name": _credit_name(m.group("name"), m.group("handle")),
                        "name_start": m.start(group), "name_end": m.end(group)})
    return credits


def _embedded_posts(text, paragraphs, embeds):
    """(span, credit) of each post: the paragraph right above its credit line."""
    posts = {}
    for credit in _credit_lines(text, embeds):
        before = [p for p in paragraphs if p[1] <= credit["pos"]]
        if not before:
            continue
        s, e = before[-1]
        i_s, i_e = s, e
        if e - s >= 2 and text[s] in _OPENERS + '"' and text[e - 1] in _CLOSERS + '"':
            i_s, i_e = s + 1, e - 1
        posts.setdefault(s, ((s, e, i_s, i_e), credit))
    return list(posts.values())


# --- main ---------------------------------------------------------------------

def _record(doc_id, n, span, kind, found):
    start, end, i_s, i_e = span
    speaker, s_start, s_end, verb = found if found else (None, math.nan, math.nan, None)
    return {
        "doc_id": doc_id, "quote_id": f"{doc_id}-q{n}", "start": start, "end": end,
        "inner_start": i_s, "inner_end": i_e, "kind": kind,
        "counts_as_speech": kind != "term", "speaker": speaker,
        "speaker_start": s_start, "speaker_end": s_end, "verb": verb,
    }


def _sentence_start(text: str, pos: int, p_start: int) -> int:
    """Start of the sentence holding ``pos`` (approximate; for search windows):
    the end of the last _SENTENCE_GAP_RE match in ``text[p_start:pos]``.

    A match starts at a ``.!?`` mark and holds no other, so a left-to-right
    scan tries every mark once and the last match is the one at the last
    mark where the pattern matches: the marks are tried from ``pos``
    backwards (str.rfind instead of a regex scan of the paragraph so far)."""
    end = pos
    while True:
        mark = max(text.rfind(".", p_start, end), text.rfind("!", p_start, end),
                   text.rfind("?", p_start, end))
        if mark < 0:
            return p_start
        gap = _SENTENCE_GAP_RE.match(text, mark, pos)
        if gap:
            return gap.end()
        end = mark


def _find_tag(text, span, lo, p_end_last):
    """(speaker, start, end, verb) from the words around one quote (whose
    sentence starts at ``lo``), or None."""
    start, end, i_s, i_e = span
    inner = text[i_s:i_e].rstrip()
    # "“...full sentence.” Next sentence" is usually tagged before, else after.
    if inner.endswith(".") and not inner.endswith("..."):
        found = speaker_before(text, start, lo) or speaker_after(text, end, p_end_last)
    else:
        found = speaker_after(text, end, p_end_last) or speaker_before(text, start, lo)
    return found or speaker_inside(text, start, i_s, lo)


def find_quotes_document(doc_id: str, text: str, embeds: list[dict] | None = None) -> list[dict]:
    """Quote records (``schema.QUOTE_COLUMNS``), sorted, never overlapping.

    ``embeds``: this document's boilerplate records of kind ``embed_credit``
    (credit lines of embedded posts moved out of the text; ``clean_pos`` is
    where each stood). Credit lines still in the text are found as well.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_quotes_document({doc_id!r}): text must be a str, "
                        f"got {type(text).__name__}")
    paragraphs = paragraph_spans(text)
    if not paragraphs:
        return []
    para_starts = [p[0] for p in paragraphs]

    def para_index(pos: int) -> int:
        return max(bisect_right(para_starts, pos) - 1, 0)

    doubles = _pair_double_quotes(text, paragraphs)
    singles = _pair_single_quotes(text, paragraphs, [(s, e) for s, e, _, _ in doubles])
    posts = _embedded_posts(text, paragraphs, embeds)
    post_spans = [p[0] for p in posts]
    spans = sorted(doubles + singles)
    if post_spans:
        spans = [q for q in spans if not any(q[0] < pe and ps < q[1] for ps, pe, _, _ in post_spans)]

    items = []  # (span, kind, found, paragraph index, sentence start)
    earlier_speech = _SpeechSoFar()
    events = sorted([(sp[0], "quote", sp, None) for sp in spans]
                    + [(sp[0], "post", sp, credit) for sp, credit in posts])
    for _, what, span, credit in events:
        if what == "post":
            found = None
            if credit.get("name"):
                found = (credit["name"], credit["name_start"], credit["name_end"], None)
            items.append((span, "embedded_post", found, para_index(span[0]), None))
            earlier_speech.add(text[span[2]:span[3]])
            continue
        p_idx = para_index(span[0])
        p_start = paragraphs[p_idx][0]
        p_end_last = paragraphs[para_index(max(span[1] - 1, span[0]))][1]
        lo = _sentence_start(text, span[0], p_start)
        found = _find_tag(text, span, lo, p_end_last)
        kind = _classify(text, span, p_start, lo, earlier_speech, bool(found))
        if kind == "term":
            found = None
        else:
            earlier_speech.add(text[span[2]:span[3]])
        items.append((span, kind, found, p_idx, lo))

    # Speakers in reading order: pronouns and untagged follow-up quotes take
    # the nearest preceding named speaker.
    out: list[dict] = []
    last_named = None  # (speaker, paragraph index)
    for n, (span, kind, found, p_idx, lo) in enumerate(items, start=1):
        if kind != "term":
            if found is not None:
                speaker = found[0]
                if speaker.strip().lower() in PRONOUNS:
                    if last_named is not None and speaker.strip().lower() in _RESOLVABLE:
                        found = (last_named[0], *found[1:])
                else:
                    found = (expand_name(text, speaker, span[0]), *found[1:])
            if found is None and kind == "partial":
                found = _partial_speaker(text, span, out)
                if found is None:
                    found = speaker_in_sentence(text, span[0], lo)
                    if found is not None and found[0].lower() in PRONOUNS:
                        if last_named and found[0].lower() in _RESOLVABLE:
                            found = (last_named[0], *found[1:])
                    elif found is not None:
                        found = (expand_name(text, found[0], span[0]), *found[1:])
            if found is None and last_named is not None and p_idx - last_named[1] <= 1:
                found = (last_named[0], math.nan, math.nan, None)  # “...,” X said. “...”
            if found is not None and found[0].strip().lower() not in PRONOUNS:
                last_named = (found[0], p_idx)
        out.append(_record(doc_id, n, span, kind, found))
    return out


def _partial_speaker(text, span, previous):
    """Speaker of a partial quote whose words were quoted in full earlier."""
    phrase = _norm_phrase(text[span[2]:span[3]])
    if not phrase:
        return None
    # A quick test before normalising an earlier quote
    key = _phrase_key(phrase)
    for rec in reversed(previous):
        if rec["counts_as_speech"] and rec["speaker"]:
            inner = text[rec["inner_start"]:rec["inner_end"]]
            if key in inner.casefold() and _contains_phrase(_norm_phrase(inner), phrase):
                return (rec["speaker"], math.nan, math.nan, None)
    return None
