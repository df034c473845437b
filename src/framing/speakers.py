"""Who speaks: speech verbs, speaker tags next to quotations, and clean
names for speakers and sources.

Rule-based and model-free: a tag is a speech verb with a subject next to the
quote ("..., Araghchi told state media", "said Emile Hokayem, an expert",
"X said: “...”"); a subject is trimmed of appositives, adverbs and titles;
a bare surname is expanded to the fuller name the article used before
("Sullivan" -> "Jake Sullivan").
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from .tokens import WORD_RE

_APPOSITIVE_TAIL_RE = re.compile(r"^(.*?[^,]),\s[^,]{1,80},\s*$")
_NAME_RUN_RE = re.compile(r"[A-Z][\w’'.\-]*(?:\s+(?:al-|bin\s|de\s)?[A-Z][\w’'.\-]*)+")
_LAST_WORD_RE = re.compile(r"([A-Za-z]+)$")
_TAG_GAP_RE = re.compile(r"[ \t]*,?[ \t]*")
_APPOSITIVE_HEAD_RE = re.compile(r"([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3}),\s[^,]{1,80},\s*")
_CLAUSE_PUNCT_RE = re.compile(r"[.!?;]")
_COMMA_NEXT_RE = re.compile(r"\s*[,:]")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# --- speech verbs -------------------------------------------------------------

# One line per verb, every form listed (no stemmer); the first is the base form.
_SPEECH_VERB_TABLE = """
say says said saying|tell tells told telling|add adds added adding
state states stated stating|declare declares declared declaring
write writes wrote writing written|note notes noted noting
remark remarks remarked remarking|continue continues continued continuing
report reports reported reporting|read reads|explain explains explained explaining
argue argues argued arguing|insist insists insisted insisting|warn warns warned warning
claim claims claimed claiming|ask asks asked asking|reply replies replied replying
post posts posted posting|tweet tweets tweeted tweeting|announce announces announced announcing
emphasize emphasizes emphasized emphasizing|emphasise emphasises emphasised emphasising
stress stresses stressed stressing|urge urges urged urging|conclude concludes concluded concluding
acknowledge acknowledges acknowledged acknowledging|admit admits admitted admitting
recall recalls recalled recalling|observe observes observed observing
comment comments commented commenting|suggest suggests suggested suggesting
affirm affirms affirmed affirming|reaffirm reaffirms reaffirmed reaffirming
vow vows vowed vowing|pledge pledges pledged pledging|caution cautions cautioned cautioning
concede concedes conceded conceding|counter counters countered countering
respond responds responded responding|predict predicts predicted predicting
confirm confirms confirmed confirming|deny denies denied denying|allege alleges alleged alleging
charge charges charged charging|complain complains complained complaining
lament laments lamented lamenting|exclaim exclaims exclaimed exclaiming
shout shouts shouted shouting|quip quips quipped quipping|boast boasts boasted boasting
describe describes described describing|call calls called calling
"""
_VERB_FORMS = [group.split() for line in _SPEECH_VERB_TABLE.split("\n") for group in line.split("|")
               if group.strip()]

#: Verbs that introduce or tag a quotation (every form).
SPEECH_VERBS = frozenset(w for forms in _VERB_FORMS for w in forms)
#: Base forms double as nouns ("state media", "a report"): they tag a quote
#: only right before the clause ends ("..., they say.").
BASE_FORMS = frozenset(forms[0] for forms in _VERB_FORMS)
#: base and -s forms, which double as nouns ("the Iranian reports read")
NOUN_LIKE = frozenset(w for forms in _VERB_FORMS for w in forms[:2])

#: Verbs that put a short quoted phrase in someone's mouth: 'called it "x"'.
NAMING_VERBS = _wordset(
    "call calls called calling describe describes described describing dub dubs dubbed"
    " dubbing term terms termed terming label labels labeled labelled labeling labelling"
    " brand brands branded branding denounce denounces denounced denouncing"
    " say says said saying characterize characterizes characterized characterizing"
    " characterise characterises characterised characterising portray portrays portrayed"
    " portraying dismiss dismisses dismissed dismissing deride derides derided deriding"
    " attack attacks attacked attacking slam slams slammed slamming blast blasts blasted"
    " blasting decry decries decried decrying referred accuse accuses accused accusing"
    " condemn condemns condemned condemning criticize criticizes criticized criticizing")

_ADVERBS = _wordset(
    "also further later then previously recently earlier once again repeatedly reportedly"
    " has have had would will is was were been being quoted as still now not never did does do"
    " also already")

PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you"))

_DETERMINERS = frozenset(
    ("the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
     "my", "your"))

# Words that end a speaker phrase after a verb ("said Emile Hokayem, a ...",
# "told state media before his departure").
_NAME_STOP = _wordset(
    "on in at during after before when while who which that to as adding from with about"
    " for last this yesterday today tonight")

# Words that cannot end a subject (the verb follows a clause, not a noun).
_NOT_SUBJECT_END = _wordset(
    "and or but that which who whom what of to the a an in on at for with by from as if "
    "may might can could should must shall")

# Words that cannot start a subject: "and Khamenei said", "by calling".
_LEADING_NON_SUBJECT = _wordset(
    "and but or so then while as by for with in on at to from of into after before when")

_TITLE_WORDS = _wordset(
    "president vice prime minister foreign defense defence interior secretary adviser advisor"
    " national security supreme leader ayatollah general gen maj maj.-gen major lt colonel col"
    " chief spokesman spokeswoman spokesperson senator sen rep representative governor gov"
    " ambassador commander dr mr mrs ms prof sheikh king queen prince crown emir sultan"
    " deputy former acting senior top head director envoy official whip majority minority"
    " house press speaker leader attorney judge mayor commissioner chairman chairwoman chair")

WORD_TOKEN_RE = re.compile(r"[\w’'\-]+(?:\.[\w’'\-]+)*")


def clean_subject(phrase: str, offset: int) -> tuple[str, int, int] | None:
    """Trim a phrase that precedes a verb down to its subject noun phrase."""
    if "," in phrase:
        # Drop an appositive: "Russia, a major Assad ally," -> "Russia" (the
        # pattern needs the phrase to end with a comma: tried only then).
        m = _APPOSITIVE_TAIL_RE.search(phrase) if phrase.rstrip().endswith(",") else None
        if m and "," not in m.group(1):
            phrase = m.group(1)
        else:
            cut = phrase.rfind(",") + 1
            offset += cut
            phrase = phrase[cut:]
    tokens = _last_tokens(phrase, 6, _ADVERBS)
    if not tokens or tokens[-1].group(0).lower() in _NOT_SUBJECT_END:
        return None  # "... and said", "... that said": no subject here
    while tokens and tokens[0].group(0).lower() in _LEADING_NON_SUBJECT:
        tokens.pop(0)
    if not tokens:
        return None
    first = tokens[0].group(0)
    if first.lower() not in PRONOUNS and first.lower() not in _DETERMINERS \
            and not first[0].isupper() and len(tokens) > 1:
        # lower-case start: keep from the first capitalised word or determiner on
        for k, t in enumerate(tokens):
            w = t.group(0)
            if w[0].isupper() or w.lower() in _DETERMINERS:
                tokens = tokens[k:]
                break
    s = offset + tokens[0].start()
    e = offset + tokens[-1].end()
    return phrase[tokens[0].start():tokens[-1].end()], s, e


def first_name_run(text: str, lo: int, hi: int) -> tuple[str, int, int] | None:
    """The first run of two or more capitalised words in text[lo:hi] (the
    likely subject of a sentence that starts with an adverbial)."""
    for m in _NAME_RUN_RE.finditer(text[lo:hi]):
        return m.group(0), lo + m.start(), lo + m.end()
    return None


_CLAUSE_STOP_RE = re.compile(r"[.;:!?“”\"](?:\s|$)")
_ABBREVIATED_TITLES = _wordset("mr mrs ms dr prof gen sen rep gov lt col capt sgt st jr sr rev maj adm "
                               "brig cmdr supt det insp amb pres sec")


def _clause_stop(window: str) -> int:
    """Where the clause that starts ``window`` ends (periods of titles such as
    "Ms." and initials do not end it)."""
    # one search per mark (most windows have one or none: no iterator)
    m = _CLAUSE_STOP_RE.search(window)
    while m:
        if window[m.start()] == ".":
            # titles and initials are short: eight letters back tell them from other words
            word = _LAST_WORD_RE.search(window, max(0, m.start() - 8), m.start())
            if word and (word.group(1).lower() in _ABBREVIATED_TITLES
                         or (len(word.group(1)) == 1 and word.group(1).isupper())):
                m = _CLAUSE_STOP_RE.search(window, m.end())
                continue
        return m.start()
    return len(window)


def speaker_after(text: str, q_end: int, limit: int):
    """Tag after the quote: '..., said X' or '..., X said'."""
    m = _TAG_GAP_RE.match(text, q_end, limit)
    pos = m.end()
    window = text[pos:min(limit, pos + 160)]
    # the clause's first eight words (the most looked at; none runs past the
    # clause end, a mark before a space)
    stop = _clause_stop(window)
    tokens = list(islice(WORD_TOKEN_RE.finditer(window, 0, stop), 8))
    if not tokens:
        return None
    words = [t.group(0).lower() for t in tokens]
    first = words[0]
    if first not in SPEECH_VERBS:
        # "Gary Fine, a sociology professor at Northwestern, told me": the
        # appositive may be long.
        if appositive := _APPOSITIVE_HEAD_RE.match(window):
            # the first word after it (no word spans the comma it ends with)
            verb = WORD_TOKEN_RE.search(window, appositive.end(), stop)
            if verb and verb.group(0).lower() in SPEECH_VERBS and verb.group(0).lower() not in BASE_FORMS:
                s, e = pos + appositive.start(1), pos + appositive.end(1)
                return text[s:e], s, e, verb.group(0).lower()
        if SPEECH_VERBS.isdisjoint(words):
            return None  # no speech verb among the words: no tag (most windows)
    if first in SPEECH_VERBS and first not in BASE_FORMS:  # "said Emile Hokayem, an expert"
        name_tokens = []
        for t in tokens[1:7]:
            w = t.group(0)
            if w.lower() in _NAME_STOP or "," in window[tokens[0].end():t.start()]:
                break
            name_tokens.append(t)
        if not name_tokens:
            return None
        s, e = pos + name_tokens[0].start(), pos + name_tokens[-1].end()
        return text[s:e], s, e, first
    for k, (t, w) in enumerate(zip(tokens[:7], words, strict=False)):
        if w in BASE_FORMS and k + 1 < len(tokens):
            continue  # "Iranian state media IRNA said": 'state' is a noun here
        if w in NOUN_LIKE and k + 1 < len(tokens) and words[k + 1] in SPEECH_VERBS:
            continue  # "the Iranian reports read": 'reports' is the subject
        if w in SPEECH_VERBS and k > 0:
            subj = clean_subject(window[:t.start()], pos)
            if subj is None:
                return None
            name, s, e = subj
            if "," in window[:t.start()] and name.lower() not in PRONOUNS:
                return None
            return name, s, e, w
        if w in ("and", "but", "because", "which", "who", "that", "while"):
            return None
    return None


def _last_tokens(window: str, n: int, drop: frozenset[str] = frozenset()) -> list[re.Match]:
    """The last ``n`` matches of WORD_TOKEN_RE in ``window`` once trailing
    tokens whose lower case is in ``drop`` are left out (all of them if
    fewer), tokenising only its end: from a space (which no token spans) some
    way back, further back until ``n`` are found or the whole window is read."""
    back = 8 * n
    while True:
        cut = window.rfind(" ", 0, len(window) - back) if back < len(window) else -1
        tokens = list(WORD_TOKEN_RE.finditer(window, cut + 1))
        while tokens and tokens[-1].group(0).lower() in drop:
            tokens.pop()
        if len(tokens) >= n or cut < 0:
            return tokens[-n:]
        back *= 2


def speaker_before(text: str, q_start: int, lo: int):
    """Tag before the quote: 'X said: "', 'X told reporters, "', '..., stating, "'."""
    window = text[lo:q_start]
    # the last speech verb among the last six words, with no clause end after it
    for token in reversed(_last_tokens(window, 6)):
        w = token.group(0).lower()
        if w not in SPEECH_VERBS:
            continue
        tail = window[token.end():]
        if _CLAUSE_PUNCT_RE.search(tail):
            return None
        if w in BASE_FORMS and not _COMMA_NEXT_RE.match(tail):
            continue
        if w.endswith("ing"):  # "..., stating, “...": the sentence's subject speaks
            run = first_name_run(text, lo, lo + token.start())
            return (*run, w) if run else None
        subj = clean_subject(window[:token.start()], lo)
        return (*subj, w) if subj else None
    if window.rstrip().endswith(":"):
        # "Sullivan: “...”" (headlines); "Mitt Romney, who ..., had this to say: “...”"
        head = _NAME_COLON_RE.match(window)
        if head:
            return head.group(1), lo + head.start(1), lo + head.end(1), None
        run = first_name_run(text, lo, q_start)
        if run and len(WORD_RE.findall(text, lo, run[1])) <= 4:
            return (*run, None)
    return None


_NAME_COLON_RE = re.compile(r"\s*([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})\s*:\s*$")


def speaker_inside(text: str, q_start: int, inner_start: int, lo: int):
    """'Bagheri “emphasized that ...”': a name right before a quote whose first
    word is a speech verb."""
    first = WORD_RE.match(text, inner_start)
    if not first or first.group(0).lower() not in SPEECH_VERBS:
        return None
    subj = clean_subject(text[lo:q_start], lo)
    return (*subj, first.group(0).lower()) if subj else None


def speaker_in_sentence(text: str, q_start: int, lo: int):
    """'Iran International reported that ... “hours after ...”': the subject of
    the sentence's speech verb before a partial quote."""
    window = text[lo:q_start]
    for t in WORD_TOKEN_RE.finditer(window):
        w = t.group(0).lower()
        if w in SPEECH_VERBS and w not in BASE_FORMS and not w.endswith("ing") and t.start() > 0:
            subj = clean_subject(window[:t.start()], lo)
            if subj:
                return (*subj, w)
    return None


_NAME_JOINERS = _wordset("of for on and the de del da di at in")


def _is_title(word: str) -> bool:
    return word.lower().rstrip(".") in _TITLE_WORDS or word.endswith(("ian", "ese", "ish", "’s", "'s"))


_PARTICLES = ("al-", "el-", "bin", "ibn", "abu", "van", "von", "de", "da", "di", "du")


def _is_name_part(word: str) -> bool:
    """A capitalised word or a name particle ('al-Jolani', 'bin', 'van')."""
    return word[0].isupper() or word.lower().startswith(_PARTICLES)


@lru_cache(maxsize=4096)  # cached: the same names recur across articles
def strip_titles(name: str) -> str:
    """A person's name without the titles and descriptions before it:
    'Iranian Supreme Leader Ayatollah Ali Khamenei' -> 'Ali Khamenei',
    'state police spokesman Dave Procopio' -> 'Dave Procopio',
    'Dr. Michael New of Catholic University' -> 'Michael New',
    'HTS leader Abu Mohammed al-Jolani' -> 'Abu Mohammed al-Jolani'."""
    words = name.split()
    if " of " in name:  # "Michael New of Catholic University": keep the person
        head = name.split(" of ", 1)[0].split()
        if sum(w[0].isupper() and not _is_title(w) for w in head) >= 2:
            words = head
    if len(words) < 2:
        return " ".join(words)
    kept: list[str] = []
    for w in reversed(words):
        if not _is_name_part(w) or _is_title(w) or len(kept) == 4:
            break
        kept.insert(0, w)
    if len(kept) == len(words):
        return " ".join(kept)
    if words[len(words) - len(kept) - 1].lower() in _NAME_JOINERS:
        return " ".join(words)  # "the Bureau of Labor Statistics": one name
    if len(kept) >= 2:
        return " ".join(kept)
    if len(kept) == 1 and all(w[0].isupper() for w in words):
        return kept[0]  # "Supreme Leader Khamenei" -> "Khamenei"
    return " ".join(words)


_NAME_RUN_BEFORE_RE = re.compile(r"(?:[A-Z][\w’'.\-]*\s+){1,6}$")


def expand_name(text: str, name: str, before: int) -> str:
    """'Sullivan' -> 'Jake Sullivan' when the article names him in full (the
    first such mention before ``before``, else the first after); titles such
    as 'National Security Adviser' are dropped."""
    if not name or " " in name.strip() or not name[0].isupper():
        return strip_titles(name)
    best = None
    i = text.find(name)
    while i >= 0:
        after = text[i + len(name):i + len(name) + 1]
        if not (after.isalnum() or after == "_"):
            run = _NAME_RUN_BEFORE_RE.search(text, max(0, i - 80), i)
            if run:
                full = strip_titles(run.group(0) + name)
                if full != name and full.endswith(name):
                    best = full
                    if i < before:
                        break
        if best is not None and i >= before:
            break
        i = text.find(name, i + 1)
    return best or name
