"""Who is speaking at every character: own, reported or quoted.

- ``quoted``: inside the inner span of a quote that counts as speech (term
  quotes stay in the voice around them);
- ``reported``: the outlet's words inside a clause attributed to a source —
  the complement of an attribution verb ("X said (that) ...", "X warned /
  admitted / vowed / recognized ...", "Reports indicate that ..."), the clause
  an "according to X" attaches to, and the predicate of a designation
  ("designated a terrorist group by the United States", "while classified as
  a terrorist organization");
- ``own``: everything else, the outlet's narration.

The rules are clause-level heuristics on one sentence at a time: a reported
complement runs from the verb to the end of its clause (the next comma,
semicolon, colon, dash or subordinating conjunction, or the sentence end).
"""

from __future__ import annotations

import math
import operator
import re
from bisect import bisect_left, bisect_right, insort

import numpy as np

from .matcher import trie_regex
from .speakers import (
    PRONOUNS,
    WORD_TOKEN_RE,
    _last_tokens,
    clean_subject,
    first_name_run,
    strip_titles,
)
from .tokens import WORD_RE, lowered, one_byte_per_char, word_starts


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# One line per verb, every form listed; the first is the base form.
_ATTRIBUTION_VERB_TABLE = """
say says said saying|tell tells told telling|state states stated stating
claim claims claimed claiming|warn warns warned warning|admit admits admitted admitting
vow vows vowed vowing|pledge pledges pledged pledging|affirm affirms affirmed affirming
reaffirm reaffirms reaffirmed reaffirming|recognize recognizes recognized recognizing
recognise recognises recognised recognising|acknowledge acknowledges acknowledged acknowledging
concede concedes conceded conceding|insist insists insisted insisting|argue argues argued arguing
assert asserts asserted asserting|allege alleges alleged alleging|accuse accuses accused accusing
blame blames blamed blaming|criticize criticizes criticized criticizing
criticise criticises criticised criticising|condemn condemns condemned condemning
declare declares declared declaring|announce announces announced announcing
confirm confirms confirmed confirming|deny denies denied denying|report reports reported reporting
note notes noted noting|emphasize emphasizes emphasized emphasizing
emphasise emphasises emphasised emphasising|stress stresses stressed stressing
believe believes believed believing|predict predicts predicted predicting
promise promises promised promising
urge urges urged urging|add adds added adding|estimate estimates estimated estimating
suggest suggests suggested suggesting|indicate indicates indicated indicating
show shows showed showing|reveal reveals revealed revealing
"""
_VERB_FORMS = [g.split() for line in _ATTRIBUTION_VERB_TABLE.split("\n")
               for g in line.split("|") if g.strip()]
_ATTRIBUTION_VERBS = frozenset(w for forms in _VERB_FORMS for w in forms)
#: base and -s forms are nouns as often as verbs ("a report", "her claims")
_BASE_FORMS = frozenset(forms[0] for forms in _VERB_FORMS)
_S_FORMS = frozenset(forms[1] for forms in _VERB_FORMS)
#: verbs that come before their subject in a final tag: "..., said a spokesman."
_INVERTED_TAG_VERBS = _wordset("said says added adds wrote writes noted notes continued explained "
                               "argued insisted warned stated reported claimed told")
_LEMMA = {w: forms[0] for forms in _VERB_FORMS for w in forms}
#: verbs that report speech only with a "that" clause (or as a final tag)
_NEEDS_THAT = _wordset("add note stress charge claim declare estimate promise show reveal")
#: base forms far more often nouns: verbs only with a "that" clause
_NOUN_FIRST = _wordset("state report note post claim show promise estimate stress charge")
_SELF = _wordset("i we you")
_NOT_AFTER_S_VERB = _wordset("of from about by on in were are have had was is said say suggest "
                             "indicate show read")
_BY_RE = re.compile(r"\bby\s+")  # the agent of a designation
_VERB_PATTERN = r"\b(?:" + trie_regex(_ATTRIBUTION_VERBS) + r")\b"
#: a-z as 0-25, any other byte as 26 (for bytes.translate)
_LETTER_CODES = bytes(i - ord("a") if ord("a") <= i <= ord("z") else 26 for i in range(256))


def _shape_key(length, first, second, last):
    """Key of a word's (length, first, second and last letter codes)."""
    return ((length * 27 + first) * 27 + second) * 27 + last


#: weak evidentials count only with a "that" clause or a source-like subject
_WEAK = _wordset("suggest suggests suggested suggesting indicate indicates indicated "
                 "indicating show shows showed showing reveal reveals revealed revealing")
_SOURCE_NOUNS = _wordset(
    "experts analysts officials reports sources observers diplomats critics studies "
    "documents data intelligence witnesses residents activists monitors media report "
    "he she they we i")
#: verbs whose infinitive still reports a stance: "traveled ... to affirm support"
_COMMITMENT_VERBS = _wordset(
    "affirm reaffirm pledge vow promise declare announce confirm deny warn stress emphasize "
    "emphasise")
_DETERMINERS = _wordset("the a an this that these those its his her their our my your "
                        "renewed new latest earlier previous such no any")
_MODALS = _wordset("will would can could may might must should shall to do does did not "
                   "also has have had")
_DESIGNATION_PATTERN = (
    r"\b(?:(?:is|was|are|were|be|been|being)\s+(?:also\s+|widely\s+|formally\s+|officially\s+)?"
    r"|(?:,|\bwhile|\bonce|\balthough)\s+)"
    r"(?:designated|classified|listed|labell?ed|branded|considered|regarded|deemed|"
    r"described)\s+(?!(?:for|to|by|in|on|at|with)\b)(?:as\s+)?")
_DESIGNATION_CUES = ("designated", "classified", "listed", "labeled", "labelled", "branded",
                     "considered", "regarded", "deemed", "described")
_DESIGNATION_CUE_PATTERN = "|".join(_DESIGNATION_CUES)
#: non-space characters a designation match has before its cue, at most
#: ("being officially designated")
_DESIGNATION_LEAD = len("being") + len("officially")
# These two have no leading \b: without it the regex engine skips ahead to
# their first letters, so they are much faster; matches inside a word are
# dropped afterwards (_word_initial). Such a match never hides a real one: it
# spans no other word that could start a match.
_ACCORDING_PATTERN = r"according to\s+"
_PASSIVE_REPORTED_PATTERN = (
    r"(?:is|was|are|were|been)\s+(?:widely\s+)?(?:reported|said|believed|thought|alleged|"
    r"understood|claimed|rumou?red)\s+(?=to\b)")
_PASSIVE_AUXILIARIES = frozenset(("is", "was", "are", "were", "been"))
_PASSIVE_CUES = ("reported", "said", "believed", "thought", "alleged", "understood", "claimed",
                 "rumored", "rumoured")
#: the words the reported rules start from (see _cue_words)
_CUE_WORDS = _ATTRIBUTION_VERBS.union(_DESIGNATION_CUES, _PASSIVE_CUES, ["according"])
_MAX_CUE_LENGTH = max(map(len, _CUE_WORDS))
#: the shape keys of the cue words; one False entry past the largest key
#: (what longer words are clipped to)
_CUE_SHAPES = np.zeros(_shape_key(_MAX_CUE_LENGTH + 1, 0, 0, 0) + 1, dtype=bool)
for _word in _CUE_WORDS:
    _CUE_SHAPES[_shape_key(len(_word), *(ord(c) - ord("a") for c in _word[:2] + _word[-1]))] = True
_TO_AFTER_RE = re.compile(r"\s+to\b")
# The patterns are lower case: run on the lower-cased text (same offsets) or,
# when lower-casing changes the length, on the text itself ignoring case.
_LOWER = {name: re.compile(p) for name, p in (
    ("verb", _VERB_PATTERN), ("designation", _DESIGNATION_PATTERN),
    ("designation_cue", _DESIGNATION_CUE_PATTERN),
    ("according", _ACCORDING_PATTERN), ("passive", _PASSIVE_REPORTED_PATTERN))}
_ANYCASE = {name: re.compile(rx.pattern, re.IGNORECASE) for name, rx in _LOWER.items()}
# End of a reported clause: punctuation, a dash, or a subordinating word.
_CLAUSE_WORDS = r"(?:after|before|because|since|although|though|whereas|while|despite|amid|" \
    r"following|when|but)\b"
_CLAUSE_END_RE = re.compile(r",(?!\d)|[;:]|\s[—–]\s|\s-\s|\b" + _CLAUSE_WORDS, re.IGNORECASE)
# _CLAUSE_END_RE in two cheaper scans (see _clause_end_lower)
_CLAUSE_PUNCT_RE = re.compile(r"[,;:—–\-]")
_CLAUSE_WORD_RE = re.compile(_CLAUSE_WORDS)
#: the only characters whose lower case is not what IGNORECASE equates with a-z
_CASE_FOLD_ODD = ("ı", "ſ")
_THAT_RE = re.compile(r"\s+that\b")
_FINITE_RE = re.compile(r"\b(?:is|are|was|were|has|have|had)\b")


def _is_word_char(char: str) -> bool:
    """Whether the regex class \\w holds ``char``."""
    return char.isalnum() or char == "_"


def _word_initial(matches, text: str):
    """The matches that start a word (what a leading \\b would have kept)."""
    for m in matches:
        pos = m.start()
        if pos == 0 or not _is_word_char(text[pos - 1]):
            yield m


def _cue_words(low: str, raw: bytes) -> list[tuple[int, int, str]]:
    """(start, end, word) of each whole run of a-z in lower-cased text that is
    one of _CUE_WORDS, in order (``raw``: one_byte_per_char(low)). Every
    reported rule starts from such a word; searching the text for each would
    read it once per word, the regexes would try every character. Here the
    runs come from one vectorised pass and only those with a cue word's
    length and first, second and last letters are looked up."""
    # padded with a non-letter at each end: code offsets are text offsets + 1
    codes = np.frombuffer((b" " + raw + b" ").translate(_LETTER_CODES), dtype=np.uint8)
    letters = codes < 26
    edges = np.flatnonzero(letters[1:] != letters[:-1])
    starts, ends = edges[0::2], edges[1::2]
    key = _shape_key(ends - starts, codes[starts + 1], codes[starts + 2], codes[ends])
    shaped = _CUE_SHAPES.take(key, mode="clip")
    return [(a, b, word) for a, b in zip(starts[shaped].tolist(), ends[shaped].tolist(), strict=True)
            if (word := low[a:b]) in _CUE_WORDS]


def _verb_spans(low: str, cue_words: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """(start, end) of each attribution verb in lower-cased text, as
    ``_LOWER["verb"].finditer`` finds them (whole \\w runs that are verb
    forms), from the text's _cue_words."""
    n = len(low)
    # _is_word_char inlined: a call per verb costs more than the test
    return [(a, b) for a, b, word in cue_words
            if word in _ATTRIBUTION_VERBS
            and (a == 0 or not ((before := low[a - 1]).isalnum() or before == "_"))
            and (b == n or not ((after := low[b]).isalnum() or after == "_"))]


def _designation_matches(patterns: dict, haystack: str, cues):
    """``patterns["designation"].finditer(haystack)``, tried only near the
    cue words ("designated", "classified", ...) every match contains: the
    pattern starts with alternatives the regex engine cannot skip ahead to.
    ``cues``: the cue words' offsets in order; every occurrence, or for a
    lower-case haystack only those that are whole runs of a-z (the others
    never start a match: the pattern wants spaces around its cue word, and no
    word before a cue contains one)."""
    pos = 0
    for cue in cues:
        if cue < pos:
            continue  # inside the last match
        found = None
        for start in range(_lead_start(haystack, cue, pos), cue + 1):
            if (found := patterns["designation"].match(haystack, start)) is not None:
                break
        if found is None:
            pos = cue + 1
        else:
            yield found
            pos = found.end()


def _cue_starts(pattern: re.Pattern, haystack: str):
    """Start of every match of ``pattern`` in ``haystack``, overlapping ones too."""
    pos = 0
    while (m := pattern.search(haystack, pos)) is not None:
        yield m.start()
        pos = m.start() + 1


def _passive_matches(low: str, cue_words: list[tuple[int, int, str]]) -> list[re.Match]:
    """The word-initial matches of ``_LOWER["passive"]`` in ``low``, in order,
    found from the cue word each one has ("said", "believed", ...) before
    "to" (the pattern starts with letters too common to skip ahead to), a
    whole a-z run with spaces around it: one of the text's _cue_words. (No
    two such matches overlap.)"""
    starts = set()
    for c, end, word in cue_words:
        if word in _PASSIVE_CUES and _TO_AFTER_RE.match(low, end) \
                and (start := _passive_start(low, c)) is not None:
            starts.add(start)
    return [m for start in sorted(starts) if (m := _LOWER["passive"].match(low, start))]


def _passive_start(low: str, cue: int) -> int | None:
    """Start of the auxiliary ("is", "was", ...) a passive report with its cue
    word at ``cue`` would start with: the whole word before the cue (or
    before "widely" there), spaces between."""
    start = cue
    for _ in range(2):
        end = _skip_back_spaces(low, 0, start)
        if end == start:
            return None
        start = end
        while start > 0 and _is_word_char(low[start - 1]):
            start -= 1
        if low[start:end] != "widely":
            break
    return start if low[start:end] in _PASSIVE_AUXILIARIES else None


def _lead_start(text: str, cue: int, floor: int) -> int:
    """Earliest start (not before ``floor``) of a designation match whose cue
    word is at ``cue``: at most _DESIGNATION_LEAD non-space characters back."""
    lead = 0
    i = cue
    while i > floor:
        if not text[i - 1].isspace():
            if lead == _DESIGNATION_LEAD:
                break
            lead += 1
        i -= 1
    return i


def _clause_end(text: str, pos: int, limit: int, low: str | None = None) -> int:
    """Where the clause from ``pos`` ends: the first _CLAUSE_END_RE match
    before ``limit``, else ``limit``. ``low``, when given, is text.lower()
    with the same length and no _CASE_FOLD_ODD character (faster scans)."""
    if low is not None:
        return _clause_end_lower(text, low, pos, limit)
    m = _CLAUSE_END_RE.search(text, pos, limit)
    return m.start() if m else limit


def _clause_end_lower(text: str, low: str, pos: int, limit: int) -> int:
    """_CLAUSE_END_RE's first match without trying its alternation at every
    character: the first punctuation mark or dash that ends a clause, then the
    first clause word before it (case-insensitive on ``text`` = exact on
    ``low``; the leading \\b is checked by hand so that the regex engine can
    skip to the words' first letters)."""
    end = limit
    for m in _CLAUSE_PUNCT_RE.finditer(text, pos, limit):
        i = m.start()
        char = text[i]
        if char in ";:" or (char == "," and not (i + 1 < limit and text[i + 1].isdecimal())):
            end = i
            break
        # a dash between spaces; the match starts at the space before it
        if char in "—–-" and i - 1 >= pos and text[i - 1].isspace() \
                and i + 1 < limit and text[i + 1].isspace():
            end = i - 1
            break
    while (word := _CLAUSE_WORD_RE.search(low, pos, end)) is not None:
        i = word.start()
        if i == 0 or not _is_word_char(low[i - 1]):
            return i
        pos = i + 1
    return end


def _title_case(text: str, lo: int, hi: int) -> bool:
    """Whether a stretch is written in headline case (most words capitalised)."""
    words = WORD_RE.findall(text, lo, hi)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_SOURCE_STOP_RE = re.compile(r"\s+(?:in|on|at|during|since|for|last|this|after|before|over)\b.*$",
                             re.IGNORECASE | re.DOTALL)


def _source_phrase(text: str) -> str | None:
    """'the United States in 2018.' -> 'the United States'."""
    phrase = _SOURCE_STOP_RE.sub("", text.strip()).strip().rstrip(".")
    return phrase or None


def _subject(text: str, s_start: int, v_start: int, word: str) -> tuple[str, int] | None:
    """Source of an attribution verb and where it starts: the words before
    the verb; for 'to affirm' and 'stating' the sentence's first name."""
    if v_start <= s_start:
        return None
    if word.endswith("ing") or _after_to(text, s_start, v_start):
        run = first_name_run(text, s_start, v_start)
        return (strip_titles(run[0]), run[1]) if run else None
    subject = clean_subject(text[s_start:v_start], s_start)
    return (strip_titles(subject[0]), subject[1]) if subject else None


def _after_to(text: str, lo: int, hi: int) -> bool:
    r"""Whether ``text[lo:hi]`` ends with the word "to" (then spaces and at
    most one comma): re.search(r"([\w’'\-]+)\s*,?\s*$", ...) read backwards,
    which spares the regex's search from every position of the sentence."""
    end = _skip_back_spaces(text, lo, hi)
    if end > lo and text[end - 1] == ",":
        end = _skip_back_spaces(text, lo, end - 1)
    # only "to", "To", "tO" and "TO" lower-case to "to": two characters, the
    # whole word
    start = end - 2
    if start < lo or text[start:end].lower() != "to":
        return False
    return start == lo or not (text[start - 1].isalnum() or text[start - 1] in "_’'-")


def _skip_back_spaces(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


# What may follow a sentence-final tag: "..., police said (in a statement)."
_TRIVIAL_TAIL_RE = re.compile(
    r"\s*(?:(?:in|on|at|during|last|this|late|early|earlier|later|late|today|yesterday|"
    r"recently|previously|also)\b[^,.;:!?]{0,40})?[.!?]?\s*$", re.IGNORECASE)


def _is_verb_use(text: str, lo: int, v_start: int, v_end: int, word: str) -> bool:
    """Whether the attribution word text[v_start:v_end] (lower case: ``word``)
    is used as a verb with a subject here."""
    if word in _NOUN_FIRST:
        after = text[v_end:v_end + 6].lower()
        if not after.startswith(" that"):
            return False  # "a Palestinian state in ...", "the report"
    prev = _word_before(text, max(lo, v_start - 40), v_start)
    prev_l = prev.lower()
    if prev_l in _DETERMINERS or prev_l.endswith(("’s", "'s")):
        return False  # "Iran’s renewed pledge", "the reported deaths"
    if prev_l == "that" and text[v_end:v_end + 1] == ",":
        return False  # "That said, ..."
    if word in _BASE_FORMS:
        # base form: needs a subject right before it (a name, a pronoun, a
        # plural noun) or a modal ("will say")
        if not prev:
            return False
        if not (prev[0].isupper() or prev_l in PRONOUNS or prev_l in _MODALS
                or (prev_l.endswith("s") and not prev_l.endswith("ss"))):
            return False
    elif word in _S_FORMS:
        # "the post criticizes X" (verb) vs "the reports of", "claims were" (noun)
        nxt = WORD_TOKEN_RE.search(text, v_end, v_end + 30)
        if not prev or (nxt and nxt.group(0).lower() in _NOT_AFTER_S_VERB):
            return False
    elif word.endswith("ing"):
        return True  # "..., accusing HTS of ...", "stating that ..."
    if text[v_start].isupper() and prev and not _title_case(text, lo, v_end + 60):
        return False  # a name mid-sentence: "the United States"
    elif not prev:
        return False
    if prev_l == "to" and word not in _COMMITMENT_VERBS \
            and not text[v_end:v_end + 6].lower().startswith(" that"):
        return False  # purpose infinitive: "to assert Iran’s leadership"
    if word in _WEAK:
        after = text[v_end:v_end + 6].lower()
        return prev_l in _SOURCE_NOUNS or after.startswith(" that") or prev[0].isupper()
    return True


#: a word, then characters that neither continue it nor start another word
_WORD_AND_TAIL_RE = re.compile(r"([\w’'\-]+)[^\w’'\-.]*")


def _word_before(text: str, lo: int, hi: int) -> str:
    """The last WORD_TOKEN_RE token in ``text[lo:hi]`` ("" when none).
    Usually what follows the last space but one is that word and some
    punctuation ("Iran ", "officials, "): one match, no tokenising."""
    space = text.rfind(" ", lo, hi - 1)
    if space >= 0 and (m := _WORD_AND_TAIL_RE.fullmatch(text, space + 1, hi)):
        return m.group(1)  # the space ends any word before: this one is whole
    last = _last_tokens(text[lo:hi], 1)  # a slice: WORD_TOKEN_RE has no look-behind
    return last[0].group(0) if last else ""


def _sentence_of(sent_starts: list[int], sent_ends: list[int], pos: int) -> tuple[int, int] | None:
    k = bisect_right(sent_starts, pos) - 1
    if k < 0 or pos >= sent_ends[k]:
        return None
    return sent_starts[k], sent_ends[k]


def _reported_spans(text: str, sentences: list[tuple[int, int]], skip: list[tuple[int, int]]):
    """(start, end, source) reported stretches, earlier rules first: verb
    complements, then "according to", designations, passive reports."""
    starts = [s for s, _ in sentences]
    ends = [e for _, e in sentences]
    low = lowered(text)  # annotate lower-cases the same text
    if len(low) == len(text):
        patterns, haystack = _LOWER, low
        verbs, according, designation_cues, passives = _cues_lower(low)
    else:
        patterns, haystack = _ANYCASE, text
        verbs, according, designation_cues, passives = _cues_any_case(text, low)
    clause_low = low if patterns is _LOWER and not any(c in low for c in _CASE_FOLD_ODD) else None
    verb_starts = [v_start for v_start, _ in verbs]
    skipped = {v_start for a, b in skip
               for v_start in verb_starts[bisect_left(verb_starts, a):bisect_left(verb_starts, b)]}
    spans = []
    for v_start, v_end in verbs:
        sent = _sentence_of(starts, ends, v_start)
        if sent is None or v_start in skipped:
            continue
        span = _verb_span(text, sent, v_start, v_end, clause_low)
        if span is not None:
            spans.append(span)
    # "according to X": the clause it attaches to (here: the whole sentence
    # except the phrase itself), source X.
    for m in according:
        sent = _sentence_of(starts, ends, m.start())
        if sent is None:
            continue
        s_start, s_end = sent
        src_end = _clause_end(text, m.end(), s_end, clause_low)
        source = _source_phrase(text[m.end():src_end])
        spans.append((s_start, m.start(), source))
        spans.append((src_end, s_end, source))
    for m in _designation_matches(patterns, haystack, designation_cues):
        sent = _sentence_of(starts, ends, m.start())
        if sent is None:
            continue
        s_end = sent[1]
        start = m.end()
        by = _BY_RE.search(text[start:s_end])
        end = _clause_end(text, start, s_end, clause_low)
        source = None
        if by and start + by.start() < end:
            source_end = _clause_end(text, start + by.end(), s_end, clause_low)
            source = _source_phrase(text[start + by.end():source_end])
            end = start + by.start()
        spans.append((start, end, source))
    for m in passives:
        sent = _sentence_of(starts, ends, m.start())
        if sent is not None:
            spans.append((m.end(), _clause_end(text, m.end(), sent[1], clause_low), None))
    return [sp for sp in spans if sp[0] < sp[1]]


def _cues_lower(low: str) -> tuple:
    """Where the rules start in lower-cased text as long as the text: the
    attribution verbs' spans, the word-initial "according to" matches, the
    designation cues' offsets and the passive reports' matches, all from the
    text's _cue_words (a word-initial "according to" starts a whole a-z run
    "according")."""
    words = _cue_words(low, one_byte_per_char(low))
    according = [m for start, _, word in words
                 if word == "according" and (start == 0 or not _is_word_char(low[start - 1]))
                 and (m := _LOWER["according"].match(low, start))]
    designation_cues = [start for start, _, word in words if word in _DESIGNATION_CUES]
    return _verb_spans(low, words), according, designation_cues, _passive_matches(low, words)


def _cues_any_case(text: str, low: str) -> tuple:
    """What _cues_lower finds, from the regexes ignoring case on the text
    itself (for text whose lower case ``low`` has another length). The
    "according to" and designation rules run only when ``low`` has their
    words (ignoring case, the regexes would also match "ACCORDİNG to")."""
    according = _word_initial(_ANYCASE["according"].finditer(text), text) \
        if "according to" in low else []
    designation_cues = _cue_starts(_ANYCASE["designation_cue"], text) \
        if any(cue in low for cue in _DESIGNATION_CUES) else []
    return ([m.span() for m in _ANYCASE["verb"].finditer(text)], according, designation_cues,
            _word_initial(_ANYCASE["passive"].finditer(text), text))


def _verb_span(text: str, sent: tuple[int, int], v_start: int, v_end: int,
               clause_low: str | None):
    """The complement of the attribution verb text[v_start:v_end]: (start,
    end, source) or None (``clause_low``: see _clause_end)."""
    s_start, s_end = sent
    word = text[v_start:v_end].lower()
    if not _is_verb_use(text, s_start, v_start, v_end, word):
        return None
    start = v_end
    that = _THAT_RE.match(text, start, s_end)
    if that:
        start = that.end()
    end = _clause_end(text, start, s_end, clause_low)
    if word.endswith("ing") and not that:
        # "His message, accusing HTS of ... is merely a pretense": the
        # participle phrase ends where the main clause's verb comes back
        finite = _FINITE_RE.search(text, start, end)
        end = finite.start() if finite else end
    tail = _TRIVIAL_TAIL_RE.match(text, v_end, s_end)
    inverted = None if tail else _inverted_tag(text, sent, v_start, start, end, word)
    if not (tail or inverted) and ((_LEMMA.get(word) in _NEEDS_THAT and not that) or end <= start):
        # no report whoever the subject (so it is not looked for): "added
        # five entities", "charged with murder", "claimed the lives"
        return None
    subject = _subject(text, s_start, v_start, word)
    if subject and subject[0].lower() in _SELF:
        return None  # "I believe ...": the author's own stance
    # Tag at the end of the sentence: the report is the clause before it.
    # (The tail patterns end with $: matched up to s_end, no slice needed.)
    if tail:
        lead = text[s_start:subject[1]].rstrip() if subject else ""
        if lead.endswith(","):
            return s_start, s_start + len(lead) - 1, subject[0]
        return None  # nothing after the verb to report
    if inverted:
        return inverted
    return start, end, subject[0] if subject else None


def _inverted_tag(text: str, sent: tuple[int, int], v_start: int, start: int, end: int, word: str):
    """'..., said a police spokesman.' (verb before its subject): the report
    before the tag, (start, end, source), or None. The verb's complement runs
    from ``start`` to ``end``."""
    s_start, s_end = sent
    if word in _INVERTED_TAG_VERBS and end == s_end:
        before = text[s_start:v_start].rstrip()
        if before.endswith(",") and len(WORD_RE.findall(text, start, end)) <= 6 \
                and _TRIVIAL_TAIL_RE.match(text, start, end) is None:
            source = _source_phrase(text[start:end])
            return s_start, s_start + len(before) - 1, source
    return None


def _is_number(x) -> bool:
    return isinstance(x, (int, float)) and not math.isnan(x)


def _untaken(start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [start, end) outside ``taken`` (sorted, disjoint, non-empty
    intervals), in order; they are added to ``taken``."""
    k = bisect_left(taken, (start,))
    if k and taken[k - 1][1] > start:
        k -= 1
    parts = []
    pos = start
    while k < len(taken) and taken[k][0] < end:
        if taken[k][0] > pos:
            parts.append((pos, taken[k][0]))
        pos = max(pos, taken[k][1])
        k += 1
    if pos < end:
        parts.append((pos, end))
    for part in parts:
        insort(taken, part)
    return parts


def _first_wins(spans: list[tuple]) -> list[tuple]:
    """Reported pieces of non-empty (start, end, source) spans, disjoint:
    each span keeps what the earlier ones left free."""
    taken: list[tuple[int, int]] = []
    return [(a, b, "reported", src, None)
            for start, end, src in spans for a, b in _untaken(start, end, taken)]


def _resolve_pronouns(spans: list[tuple], speech: list[dict]) -> list[tuple]:
    """'He accused these groups ...': a pronoun source becomes the nearest
    named speaker or source before it (quotes and earlier attributions)."""
    named = sorted([(int(q["start"]), q["speaker"]) for q in speech
                    if isinstance(q.get("speaker"), str) and q["speaker"].lower() not in PRONOUNS]
                   + [(start, src) for start, _, src in spans
                      if isinstance(src, str) and src.lower() not in PRONOUNS])
    positions = [pos for pos, _ in named]
    out = []
    for start, end, src in spans:
        if isinstance(src, str) and src.lower() in ("he", "she", "they"):
            k = bisect_left(positions, start) - 1
            if k >= 0:
                src = named[k][1]
        out.append((start, end, src))
    return out


def voice_segments_document(doc_id: str, text: str, quotes: list[dict],
                            sentences: list[dict]) -> list[dict]:
    """Contiguous voice segments covering ``text`` (``schema.VOICE_COLUMNS``)."""
    n = len(text)
    if n == 0:
        return []
    speech = [q for q in quotes if q.get("counts_as_speech")]
    # a tag after a quote ("...,” Sullivan remarked.") starts no reported clause
    sent_spans = sorted([(int(s["start"]), int(s["end"])) for s in sentences]) or [(0, n)]
    sent_starts = [a for a, _ in sent_spans]
    skip = []
    for q in speech:
        if _is_number(q.get("speaker_start")) and q["speaker_start"] >= q["end"]:
            k = bisect_right(sent_starts, int(q["speaker_start"])) - 1
            limit = sent_spans[k][1] if k >= 0 else n
            skip.append((int(q["end"]), min(int(q["speaker_end"]) + 30, limit)))
    # Reported pieces, disjoint: where attributions overlap the first one wins.
    # (Clipped to the text, a span may be empty: it covers nothing.)
    found = [(a, b, src) for start, end, src in
             _resolve_pronouns(_reported_spans(text, sent_spans, skip), speech)
             if (a := max(start, 0)) < (b := min(end, n))]
    return _merged_segments(doc_id, n, _labelled_pieces(found, speech, n))


def _labelled_pieces(found: list[tuple], speech: list[dict], n: int) -> list[tuple]:
    """Disjoint labelled pieces (start, end, voice, source, quote_id) in order:
    the non-empty reported spans ``found`` (the first wins where they
    overlap) and the quotes' insides, which override them."""
    reported = _first_wins(found)
    quoted = []
    taken: list[tuple[int, int]] = []
    for q in speech:
        a, b = max(int(q["inner_start"]), 0), min(int(q["inner_end"]), n)
        if a < b:
            # overlapping input quotes: the first wins
            quoted.extend((lo, hi, "quoted", q.get("speaker"), q.get("quote_id"))
                          for lo, hi in _untaken(a, b, taken))
    # ``taken`` now covers every quote: subtracted at once
    return sorted(_outside(reported, taken) + quoted)


def _outside(pieces: list[tuple], taken: list[tuple[int, int]]) -> list[tuple]:
    """Non-empty interval pieces (start, end, *payload) minus the sorted,
    disjoint ``taken`` intervals."""
    out = []
    for piece in pieces:
        start, end = piece[0], piece[1]
        k = bisect_left(taken, (start,))
        if k and taken[k - 1][1] > start:
            k -= 1
        if k == len(taken) or taken[k][0] >= end:
            out.append(piece)  # the usual case: no quote inside
            continue
        pos = start
        while k < len(taken) and taken[k][0] < end:
            if taken[k][0] > pos:
                out.append((pos, taken[k][0], *piece[2:]))
            pos = max(pos, taken[k][1])
            k += 1
        if pos < end:
            out.append((pos, end, *piece[2:]))
    return out


def _merged_segments(doc_id: str, n: int, labelled: list[tuple]) -> list[dict]:
    """Voice segment records: the labelled pieces (start, end, voice, source,
    quote_id) with own narration between them, neighbours with the same
    voice, source and quote merged."""
    pieces = []
    pos = 0
    for a, b, voice, source, quote_id in labelled:
        if pos < a:
            pieces.append((pos, a, "own", None, None))
        if a < b:
            pieces.append((a, b, voice, source, quote_id))
        pos = b
    if pos < n:
        pieces.append((pos, n, "own", None, None))
    segments: list[dict] = []
    last_key = None
    for a, b, voice, source, quote_id in pieces:
        key = (voice, source, quote_id)
        if key == last_key:
            segments[-1]["end"] = b
        else:
            segments.append({"doc_id": doc_id, "start": a, "end": b, "voice": voice,
                             "source": source, "quote_id": quote_id})
            last_key = key
    return segments


def sentence_voice_shares(sentences: list[dict], voices: list[dict], text: str) -> list[dict]:
    """Fill each sentence's ``share_own/reported/quoted`` (fractions of its
    words, a word taking the voice at its first character; NaN without words).
    Returns new records; the input ones are left as they are."""
    starts = word_starts(text)
    seg_starts = [seg["start"] for seg in voices]
    seg_ends = [seg["end"] for seg in voices]
    sent_starts = [sent["start"] for sent in sentences]
    sent_ends = [sent["end"] for sent in sentences]
    if _disjoint_in_order(seg_starts, seg_ends) and all(map(operator.le, sent_starts, sent_ends)):
        counts = _voice_counts(starts, voices, seg_starts, seg_ends, sent_starts, sent_ends)
    else:
        counts = _voice_counts_by_segment(starts.tolist(), voices, sentences)
    out = []
    for sent, (total, reported, quoted) in zip(sentences, counts, strict=True):
        # a plain dict copy and three stores: faster than a {**sent, ...} display
        rec = dict(sent)
        if total:
            rec["share_own"] = (total - reported - quoted) / total
            rec["share_reported"] = reported / total
            rec["share_quoted"] = quoted / total
        else:
            rec["share_own"] = rec["share_reported"] = rec["share_quoted"] = math.nan
        out.append(rec)
    return out


def _disjoint_in_order(starts: list, ends: list) -> bool:
    """Whether the intervals are sorted and do not overlap (voice segments
    always are)."""
    return all(map(operator.le, starts, ends)) and all(map(operator.le, ends, starts[1:]))


#: a word's weight in the cumulative voice count: reported words in the low
#: 32 bits, quoted ones above (no article has 2**32 words)
_VOICE_WEIGHT = {"own": 0, "reported": 1, "quoted": 1 << 32}
_LOW_BITS = (1 << 32) - 1
_FIRST_OFFSET, _LAST_OFFSET = int(np.iinfo(np.int64).min), int(np.iinfo(np.int64).max)


def _voice_counts(word_pos: np.ndarray, voices, seg_starts, seg_ends, sent_starts, sent_ends):
    """(words, reported words, quoted words) of each sentence, in one
    vectorised pass: each word gets the voice of the segment holding its
    first character (segments sorted and disjoint). Offsets become word
    indices by one search; a weight per word then counts reported and quoted
    words in one cumulative sum."""
    m = len(sent_starts)
    # the bounds of the segments that are not own, between offsets before and
    # after every word: words between them are own
    bounds = [_FIRST_OFFSET]
    weights = [0]
    for v, start, end in zip(voices, seg_starts, seg_ends, strict=True):
        if weight := _VOICE_WEIGHT[v["voice"]]:
            bounds += (start, end)
            weights += (weight, 0)
    bounds.append(_LAST_OFFSET)
    index = word_pos.searchsorted(sent_starts + sent_ends + bounds)
    edges = index[2 * m:]
    lengths = edges[1:] - edges[:-1]
    word_weights = np.array(weights, dtype=np.int64).repeat(lengths)
    before = np.zeros(len(word_pos) + 1, dtype=np.int64)
    word_weights.cumsum(out=before[1:])
    lo, hi = index[:m], index[m:2 * m]
    voiced = before[hi] - before[lo]
    return zip((hi - lo).tolist(), (voiced & _LOW_BITS).tolist(), (voiced >> 32).tolist(),
               strict=True)


def _voice_counts_by_segment(starts: list[int], voices: list[dict], sentences: list[dict]):
    """(words, reported words, quoted words) of each sentence, segment by
    segment (any segments; words outside every segment are own)."""
    seg_starts = [seg["start"] for seg in voices]
    for sent in sentences:
        s_start, s_end = sent["start"], sent["end"]
        counts = {"own": 0, "reported": 0, "quoted": 0}
        k = max(bisect_right(seg_starts, s_start) - 1, 0)
        while k < len(voices) and voices[k]["start"] < s_end:
            seg = voices[k]
            a, b = max(seg["start"], s_start), min(seg["end"], s_end)
            if a < b:
                counts[seg["voice"]] += bisect_left(starts, b) - bisect_left(starts, a)
            k += 1
        yield bisect_left(starts, s_end) - bisect_left(starts, s_start), counts["reported"], counts["quoted"]


def voice_at(voices: list[dict], positions) -> list[tuple[str, object]]:
    """(voice, source) at each character offset, from one document's voice
    segments (sorted, contiguous). Offsets outside every segment are ``own``."""
    if not voices:
        return [("own", None) for _ in positions]
    starts = [seg["start"] for seg in voices]
    first, last_end = starts[0], voices[-1]["end"]
    out = []
    for pos in positions:
        if first <= pos < last_end:
            seg = voices[bisect_right(starts, pos) - 1]
            if pos < seg["end"]:
                out.append((seg["voice"], seg["source"]))
                continue
        out.append(("own", None))
    return out
