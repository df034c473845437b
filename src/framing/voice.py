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
import re
from bisect import bisect_left, bisect_right

from .quotes import PRONOUNS, _clean_subject, _first_name_run
from .tokens import WORD_RE


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
_NOT_AFTER_S_VERB = _wordset("of from about by on in were are have had was is said say suggest "
                             "indicate show read")
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
_DESIGNATION_RE = re.compile(
    r"\b(?:(?:is|was|are|were|be|been|being)\s+(?:also\s+|widely\s+|formally\s+|officially\s+)?"
    r"|(?:,|\bwhile|\bonce|\balthough)\s+)"
    r"(?P<verb>designated|classified|listed|labell?ed|branded|considered|regarded|deemed|"
    r"described)\s+(?:as\s+)?", re.IGNORECASE)
_ACCORDING_RE = re.compile(r"\baccording to\s+", re.IGNORECASE)
_PASSIVE_REPORTED_RE = re.compile(
    r"\b(?:is|was|are|were|been)\s+(?:widely\s+)?(?:reported|said|believed|thought|alleged|"
    r"understood|expected|claimed|rumou?red)\s+(?=to\b)", re.IGNORECASE)
# End of a reported clause: punctuation, a dash, or a subordinating word.
_CLAUSE_END_RE = re.compile(
    r"[,;:]|\s[—–]\s|\s-\s|\b(?:after|before|because|since|although|though|whereas|"
    r"while|despite|amid|following|when|but)\b", re.IGNORECASE)
_FINITE_RE = re.compile(r"\b(?:is|are|was|were|has|have|had)\b")
_WORD_TOKEN_RE = re.compile(r"[\w’'\-]+(?:\.[\w’'\-]+)*")


def _clause_end(text: str, pos: int, limit: int) -> int:
    m = _CLAUSE_END_RE.search(text, pos, limit)
    return m.start() if m else limit


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


def _subject(text: str, s_start: int, tok: re.Match) -> str | None:
    """Source of an attribution verb: the words before it; for 'to affirm' and
    'stating' the sentence's first name."""
    if tok.start() <= s_start:
        return None
    prev = re.search(r"([\w’'\-]+)\s*,?\s*$", text[s_start:tok.start()])
    if tok.group(0).lower().endswith("ing") or (prev and prev.group(1).lower() == "to"):
        run = _first_name_run(text, s_start, tok.start())
        return run[0] if run else None
    subject = _clean_subject(text[s_start:tok.start()], s_start)
    return subject[0] if subject else None


def _is_verb_use(text: str, lo: int, tok: re.Match, word: str) -> bool:
    """Whether an attribution word is used as a verb with a subject here."""
    before = list(_WORD_TOKEN_RE.finditer(text, max(lo, tok.start() - 40), tok.start()))
    prev = before[-1].group(0) if before else ""
    prev_l = prev.lower()
    if prev_l in _DETERMINERS or prev_l.endswith(("’s", "'s")):
        return False  # "Iran’s renewed pledge", "the reported deaths"
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
        nxt = _WORD_TOKEN_RE.search(text, tok.end(), tok.end() + 30)
        if not prev or (nxt and nxt.group(0).lower() in _NOT_AFTER_S_VERB):
            return False
    elif word.endswith("ing"):
        return True  # "..., accusing HTS of ...", "stating that ..."
    if tok.group(0)[0].isupper() and before and not _title_case(text, lo, tok.end() + 60):
        return False  # a name mid-sentence: "the United States"
    elif not prev:
        return False
    if prev_l == "to" and word not in _COMMITMENT_VERBS \
            and not text[tok.end():tok.end() + 6].lower().startswith(" that"):
        return False  # purpose infinitive: "to assert Iran’s leadership"
    if word in _WEAK:
        after = text[tok.end():tok.end() + 6].lower()
        return prev_l in _SOURCE_NOUNS or after.startswith(" that") or prev[0].isupper()
    return True


def _reported_spans(text: str, s_start: int, s_end: int, skip: list[tuple[int, int]]):
    """(start, end, source) reported stretches of one sentence."""
    spans = _verb_spans(text, s_start, s_end, skip)
    # "according to X": the clause it attaches to (here: the whole sentence
    # except the phrase itself), source X.
    for m in _ACCORDING_RE.finditer(text, s_start, s_end):
        src_end = _clause_end(text, m.end(), s_end)
        source = _source_phrase(text[m.end():src_end])
        spans.append((s_start, m.start(), source))
        spans.append((src_end, s_end, source))
    for m in _DESIGNATION_RE.finditer(text, s_start, s_end):
        start = m.end()
        by = re.search(r"\bby\s+", text[start:s_end])
        end = _clause_end(text, start, s_end)
        source = None
        if by and start + by.start() < end:
            source_end = _clause_end(text, start + by.end(), s_end)
            source = _source_phrase(text[start + by.end():source_end])
            end = start + by.start()
        spans.append((start, end, source))
    for m in _PASSIVE_REPORTED_RE.finditer(text, s_start, s_end):
        spans.append((m.end(), _clause_end(text, m.end(), s_end), None))
    return spans


def _verb_spans(text: str, s_start: int, s_end: int, skip: list[tuple[int, int]]):
    """Complements of attribution verbs in one sentence: (start, end, source)."""
    spans = []
    for tok in _WORD_TOKEN_RE.finditer(text, s_start, s_end):
        word = tok.group(0).lower()
        if word not in _ATTRIBUTION_VERBS or any(a <= tok.start() < b for a, b in skip):
            continue
        if not _is_verb_use(text, s_start, tok, word):
            continue
        start = tok.end()
        that = re.match(r"\s+that\b", text[start:s_end])
        if that:
            start += that.end()
        end = _clause_end(text, start, s_end)
        if word.endswith("ing") and not that:
            # "His message, accusing HTS of ... is merely a pretense": the
            # participle phrase ends where the main clause's verb comes back
            finite = _FINITE_RE.search(text, start, end)
            end = finite.start() if finite else end
        if end <= start:
            continue
        spans.append((start, end, _subject(text, s_start, tok)))
    return spans


def _is_number(x) -> bool:
    return isinstance(x, (int, float)) and not math.isnan(x)


def voice_segments_document(doc_id: str, text: str, quotes: list[dict],
                            sentences: list[dict]) -> list[dict]:
    """Contiguous voice segments covering ``text`` (``schema.VOICE_COLUMNS``)."""
    n = len(text)
    if n == 0:
        return []
    # label per character, painted in order of precedence: own < reported < quoted
    voice = bytearray(n)           # 0 own, 1 reported, 2 quoted
    source: list = [None] * n
    quote_of: list = [None] * n
    speech = [q for q in quotes if q.get("counts_as_speech")]
    # a tag after a quote ("...,” Sullivan remarked.") starts no reported clause
    skip = [(int(q["end"]), int(q["speaker_end"]) + 30) for q in speech
            if _is_number(q.get("speaker_start")) and q["speaker_start"] >= q["end"]]
    spans_of_sentences = [(int(s["start"]), int(s["end"])) for s in sentences] or [(0, n)]
    for s_start, s_end in spans_of_sentences:
        for start, end, src in _reported_spans(text, s_start, s_end, skip):
            start, end = max(start, 0), min(end, n)
            for i in range(start, end):
                if voice[i] == 0:  # the first attribution found wins
                    voice[i] = 1
                    source[i] = src
    for q in speech:
        a, b = int(q["inner_start"]), int(q["inner_end"])
        for i in range(max(a, 0), min(b, n)):
            voice[i] = 2
            source[i] = q.get("speaker")
            quote_of[i] = q.get("quote_id")
    names = ("own", "reported", "quoted")
    segments = []
    start = 0
    for i in range(1, n + 1):
        if i == n or voice[i] != voice[start] or source[i] != source[start] \
                or quote_of[i] != quote_of[start]:
            segments.append({"doc_id": doc_id, "start": start, "end": i,
                             "voice": names[voice[start]], "source": source[start],
                             "quote_id": quote_of[start]})
            start = i
    return segments


def sentence_voice_shares(sentences: list[dict], voices: list[dict], text: str) -> list[dict]:
    """Fill each sentence's ``share_own/reported/quoted`` (fractions of its
    words, a word taking the voice at its first character; NaN without words)."""
    starts = [m.start() for m in WORD_RE.finditer(text)]
    labels = [v for v, _ in voice_at(voices, starts)]
    out = []
    for sent in sentences:
        lo = bisect_left(starts, sent["start"])
        hi = bisect_left(starts, sent["end"])
        rec = dict(sent)
        total = hi - lo
        for name in ("own", "reported", "quoted"):
            rec[f"share_{name}"] = (sum(1 for v in labels[lo:hi] if v == name) / total
                                    if total else math.nan)
        out.append(rec)
    return out


def voice_at(voices: list[dict], positions) -> list[tuple[str, object]]:
    """(voice, source) at each character offset, from one document's voice
    segments (sorted, contiguous). Offsets outside every segment are ``own``."""
    starts = [seg["start"] for seg in voices]
    out = []
    for pos in positions:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and voices[i]["start"] <= pos < voices[i]["end"]:
            out.append((voices[i]["voice"], voices[i]["source"]))
        else:
            out.append(("own", None))
    return out
