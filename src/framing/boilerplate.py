"""Move non-article material (navigation, share prompts, credits, CMS
placeholders) out of an article's text, and map offsets between the raw and
the clean text.

Boilerplate is recognised line by line from a data-driven list of patterns
(:data:`PATTERNS`), none of them specific to an event or an outlet. A removed
line goes with its line break, and blank lines that would otherwise pile up
(at the top, at the bottom, or twice between two paragraphs) go with it, so
the clean text has no artefacts and is otherwise unchanged.

Every removed character is recorded (``schema.BOILERPLATE_COLUMNS``):
``raw_start``/``raw_end`` delimit exactly what was cut from the raw text (the
line breaks included, so ``text.strip()`` is the boilerplate item itself),
``clean_pos`` is the clean-text offset where it stood. An ``embed_credit``
(the "— Name (@handle) Month D, YYYY" line under an embedded post) therefore
has ``clean_pos`` right after the post's last line: the quote finder uses it
to know an embedded post ended there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

import numpy as np
import pandas as pd

_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")


@dataclass(frozen=True)
class LinePattern:
    """One kind of boilerplate line.

    ``regex`` is matched (``re.search``, case-insensitive) against the line
    without its surrounding whitespace; ``where`` restricts it to the lines
    before the first article line (``top``), after the last one (``end``) or
    allows it anywhere (``any``); longer lines than ``max_chars`` never match,
    so a real sentence that happens to start the same way is kept.
    """

    kind: str
    regex: str
    where: str = "any"
    max_chars: int = 200
    rationale: str = ""
    #: lower-case literals of which the line must contain one: a cheap pre-check
    #: for patterns not anchored at the line start
    needs: tuple[str, ...] = ()


    def compiled(self) -> re.Pattern:
        return re.compile(self.regex, re.IGNORECASE)


_CREDIT = (r"[^—–\n]{1,80}?\(@\w{1,30}\)\s+" + _MONTH + r"\s+\d{1,2},\s+\d{4}")

PATTERNS: tuple[LinePattern, ...] = (
    LinePattern("navigation_breadcrumb", r"^[•·▪►›»|]\s*\S.{0,120}(?<![.!?])$", where="top",
                max_chars=130, rationale="bullet menu lines of a saved page, often repeating the "
                "title; bullets that end like sentences are key points and stay"),
    LinePattern("navigation_breadcrumb", r"^(home|news|world)\s*[›»>/|]\s*\S", where="top",
                max_chars=160, rationale="'Home › World › Middle East' trails"),
    LinePattern("embed_credit", r"^(—|–|--?)\s*" + _CREDIT + r"$", needs=("(@",),
                rationale="credit line under an embedded X/Twitter post; the post text above stays"),
    LinePattern("share_cta",
                r"^(share (this|the) (article|story|post|page)\b|subscribe\b|sign up\b.{0,80}"
                r"newsletter|join our (newsletter|mailing list|channel)|"
                r"get (our|the) newsletter|like us on facebook|click here to (subscribe|share))",
                rationale="share / subscribe prompts"),
    LinePattern("share_cta", r"(delivered to your inbox|in your inbox every (day|morning|week))",
                max_chars=300, needs=("inbox",), rationale="newsletter sign-up boxes"),
    LinePattern("share_cta",
                r"(by signing up,? you agree|newsletter sign[- ]?up|email sign[- ]?up|"
                r"verify you.re not a robot)", max_chars=600,
                needs=("signing up", "sign up", "sign-up", "signup", "robot"),
                rationale="newsletter sign-up boxes (long ones carry their legal small print)"),
    LinePattern("share_cta",
                r"^(share this:?.{0,40}|email|print|whatsapp|facebook|twitter|linkedin|pocket|"
                r"reddit|youtube|tweet|share|comments?)$", max_chars=50,
                rationale="labels of share buttons"),
    LinePattern("share_cta", r"^(contact|email) (us|the author|the writer|the editors?) at \S+@\S+",
                rationale="contact addresses"),
    LinePattern("share_cta", r"^\W*(follow (us|@\w+)\b|follow .{1,40} on (twitter|facebook|instagram|x)\b)",
                max_chars=150, rationale="follow prompts"),
    LinePattern("share_cta", r"^click here (to get|for|to download) .{0,60}\b(app|newsletter)\b",
                rationale="app / newsletter promotion"),
    LinePattern("read_more",
                r"^(read more|read also|also read|see also|related( articles?| stories| coverage)?"
                r"|recommended( reading)?|more on this( story)?|read the full (story|article)|more|watch)"
                r"\s*[:»›|–—-]", rationale="links to other articles"),
    LinePattern("read_more", r"^(read more|continue reading|click here to read more|more on this)\W*$",
                rationale="bare 'Read more' link text"),
    LinePattern("read_more", r"^visit .{1,60} homepage for more", rationale="homepage links"),
    LinePattern("source_credit", r"^(original )?source\s*[:»›]\s*\S", max_chars=120,
                rationale="'Source » jpost', 'Original Source: www.jpost.com' repost credits"),
    LinePattern("contributor_credit",
                r"(contributed|contributing) (reporting )?to this (report|story|article)\.?$",
                needs=("contribut",),
                rationale="'The Associated Press contributed to this report.'"),
    LinePattern("contributor_credit",
                r"^(additional )?(reporting|writing) by [^.]{1,150};\s*(additional reporting|"
                r"writing|editing) by", rationale="wire credits ('Reporting by ...; Editing by ...')"),
    LinePattern("cms_placeholder",
                r"^\[\s*(include|insert|add|embed|place)\b[^\]]*\]$",
                rationale="editor placeholders left in the published text"),
    LinePattern("cms_placeholder", r"^\[\s*(image|photo|video|graphic|gallery|embed)\b[^\]]*\]$",
                rationale="bracketed media placeholders"),
    LinePattern("cms_placeholder", r"^\[/?(pullquote|caption|embed|break|more|gallery|tweet|related)\]$",
                rationale="CMS shortcodes ('[pullquote]')"),
    LinePattern("advertisement",
                r"^(advertisement|advertising|sponsored( content)?|ad)\W*"
                r"(continue reading( the main story)?)?$", rationale="ad slots"),
    LinePattern("advertisement",
                r"^(story continues below( advertisement)?|story continued below|"
                r"continue reading (below|the main story))\W*$", rationale="ad-break markers"),
    LinePattern("media_ui",
                r"^(photo|video|close|loading\W*|image copyright .{1,80}|enlarge this image\b.*|"
                r"slideshow \(\d+ images?\)|(prev|next) image \d+ of \d+)$",
                rationale="photo/video widget text"),
    LinePattern("media_ui", r"^don.t see the (graphic|video|chart|image|map) above",
                rationale="fallback link of an embedded graphic"),
    LinePattern("timestamp", r"^\d{1,2} (second|minute|hour|day|week|month|year)s? ago$",
                rationale="relative time stamps of a page"),
    LinePattern("copyright", r"^(©|\(c\)\s*\d{4}|copyright\s+(©\s*)?\d{4})",
                rationale="copyright notices"),
    LinePattern("copyright", r"all rights reserved\.?$", max_chars=150, needs=("reserved",),
                rationale="copyright notices"),
    LinePattern("disclaimer", r"^the (opinions|views) expressed (by|in) .{1,150}\b(own|necessarily)\b",
                max_chars=300, rationale="opinion disclaimers"),
    LinePattern("disclaimer", r"^this is a rush transcript\b", rationale="transcript disclaimers"),
    LinePattern("tags", r"^(tags?|filed under|topics)\s*:", where="end",
                rationale="tag lists at the end of a page"),
)

#: Boilerplate at the end of an article line: cut from the line, the rest stays.
#: The credit of an embedded post printed on the post's own line ("post text
#: pic.twitter.com/x — Name (@handle) March 6, 2016") is the common case.
INLINE_PATTERNS: tuple[LinePattern, ...] = (
    LinePattern("embed_credit", r"\s*[—–]\s*" + _CREDIT + r"\s*$", max_chars=10_000, needs=("(@",),
                rationale="credit of an embedded post printed at the end of the post's line"),
)

def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, content) of each line; ``end`` includes the line break."""
    pieces = text.split("\n")
    if not pieces[-1]:  # the text ends with a line break, or is empty
        pieces.pop()
    ends = [end + n_breaks for n_breaks, end in enumerate(accumulate(map(len, pieces)), start=1)]
    if ends and ends[-1] > len(text):  # the last line has no line break
        ends[-1] = len(text)
    return list(zip([0, *ends][:-1], ends, map(str.strip, pieces), strict=True))


@dataclass(frozen=True)
class _Compiled:
    patterns: tuple[tuple[LinePattern, re.Pattern], ...]
    unanchored: tuple[tuple[LinePattern, re.Pattern], ...]
    screen: re.Pattern  # all patterns anchored at the line start, in one alternation
    longest: int
    longest_anchored: int
    longest_unanchored: int
    #: all the ``needs`` of the unanchored patterns in one alternation, when
    #: each of them has some (a line without any is no candidate)
    unanchored_needs: re.Pattern | None
    unanchored_need_words: tuple[str, ...]


@functools.lru_cache(maxsize=16)
def _compile(patterns: tuple[LinePattern, ...]) -> _Compiled:
    """Patterns compiled once. Most lines are article text that no pattern
    matches: one alternation of the anchored patterns, tried at the line start
    only, rules them out in one call."""
    anchored = [p for p in patterns if p.regex.startswith("^")]
    screen = re.compile("|".join(f"(?:{p.regex})" for p in anchored) or r"(?!)", re.IGNORECASE)
    compiled = tuple((p, p.compiled()) for p in patterns)
    unanchored = tuple(c for c in compiled if not c[0].regex.startswith("^"))
    needs = tuple(n for p, _ in unanchored for n in p.needs)
    all_need = all(p.needs for p, _ in unanchored)
    return _Compiled(compiled, unanchored, screen, max((p.max_chars for p in patterns), default=0),
                     max((p.max_chars for p in anchored), default=0),
                     max((p.max_chars for p, _ in unanchored), default=0),
                     re.compile("|".join(map(re.escape, needs))) if all_need and needs else None,
                     needs)


@functools.cache
def _compiled_defaults() -> tuple[_Compiled, _Compiled]:
    return _compile(PATTERNS), _compile(INLINE_PATTERNS)


def _compiled(patterns: Iterable[LinePattern]) -> _Compiled:
    """``_compile(tuple(patterns))``; the default tuples are recognised by
    identity, as hashing their 29 patterns for the cache key (about 8 µs)
    would be a sizeable share of classifying a short text's lines (12 µs for
    70 characters, 80 µs for 2,500, measured on the development machine)."""
    if patterns is PATTERNS:
        return _compiled_defaults()[0]
    if patterns is INLINE_PATTERNS:
        return _compiled_defaults()[1]
    return _compile(tuple(patterns))


def _cue_word_test(text: str, lines, compiled: _Compiled):
    """A test ``(line index) -> bool``: may that line hold a cue word of the
    unanchored patterns? Every line may when some pattern has none."""
    needs = compiled.unanchored_needs
    if needs is None:
        return lambda i: True
    lower = text.lower()
    # one look at the whole text: most texts hold no cue word at all
    if not any(n in lower for n in compiled.unanchored_need_words):
        return lambda i: False
    if len(lower) != len(text):  # 'İ' lower-cases to two characters: offsets shift
        return lambda i: needs.search(lines[i][2].lower()) is not None
    # str.lower goes character by character (a line break stops even the
    # final-sigma rule), so a line's lower-case text is a slice of this one
    return lambda i: needs.search(lower, lines[i][0], lines[i][1]) is not None


def _line_candidates(text: str, lines, compiled: _Compiled) -> dict[int, list[LinePattern]]:
    """The patterns that match each line, for the lines some pattern matches
    (by line index, in line order)."""
    may_hold_cue = _cue_word_test(text, lines, compiled)
    screen = compiled.screen.match
    found = {}
    for i, (_, _, line) in enumerate(lines):
        n_chars = len(line)
        if not n_chars or n_chars > compiled.longest:
            continue
        # most lines match no anchored pattern: rule out the others cheaply first
        if n_chars <= compiled.longest_anchored and screen(line):
            candidates = compiled.patterns
        elif n_chars <= compiled.longest_unanchored and may_hold_cue(i):
            candidates = compiled.unanchored
        else:
            continue
        lower = line.lower()
        matched = [p for p, rx in candidates
                   if n_chars <= p.max_chars
                   and (not p.needs or any(n in lower for n in p.needs))
                   and rx.search(line)]
        if matched:
            found[i] = matched
    return found


def classify_lines(text: str, patterns: Iterable[LinePattern] = PATTERNS) -> list[tuple[int, int, str | None]]:
    """Each line as (start, end, kind): kind is a boilerplate kind, ``""`` for
    a blank line, ``None`` for article text."""
    compiled = _compiled(patterns)
    lines = _lines(text)
    cands = _line_candidates(text, lines, compiled)
    kinds: list[str | None] = [None if content else "" for _, _, content in lines]
    # "top" patterns hold before the first article line: the first line no
    # pattern matches, unless a matched line before it is article text after all
    first_article = next((i for i, kind in enumerate(kinds) if kind is None and i not in cands),
                         len(lines))
    for i, cand in cands.items():
        kind = next((p.kind for p in cand if p.where == "any"
                     or (p.where == "top" and i < first_article)), None)
        kinds[i] = kind
        if kind is None:
            first_article = min(first_article, i)
    # "end" patterns: walk back from the bottom while only blanks/boilerplate follow.
    for i in range(len(lines) - 1, -1, -1):
        if kinds[i] is not None:
            continue
        kind = next((p.kind for p in cands.get(i, ()) if p.where == "end"), None)
        if kind is None:
            break
        kinds[i] = kind
    return [(s, e, k) for (s, e, _), k in zip(lines, kinds, strict=True)]


def _removed_lines(kinds: list[str | None]) -> list[bool]:
    """Which lines to cut: every boilerplate line, plus the blank lines that
    would otherwise leave an artefact."""
    n = len(kinds)
    if not any(kinds):  # no boilerplate line (most texts): nothing to tidy, unless all is blank
        return [False] * n if None in kinds else [True] * n
    removed = [bool(k) for k in kinds]
    content = [i for i, k in enumerate(kinds) if k is None]
    if not content:
        return [True] * n
    first, last = content[0], content[-1]
    if any(removed[:first]):
        removed[:first] = [True] * first
    if any(removed[last + 1:]):
        removed[last + 1:] = [True] * (n - last - 1)
    # Between two article lines: keep one paragraph separator.
    for a, b in zip(content, content[1:], strict=False):
        if not any(removed[a + 1:b]):
            continue
        if kinds[a + 1] == "":  # keep the blanks before the first boilerplate line
            i = a + 1
            while i < b and kinds[i] == "":
                i += 1
            for j in range(i, b):
                removed[j] = True
        else:  # keep the blanks after the last boilerplate line
            j = b - 1
            while j > a and kinds[j] == "":
                j -= 1
            for i in range(a + 1, j + 1):
                removed[i] = True
    return removed


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text.lower()`` holds one of ``words``. Words without letters
    (the '(@' of a credit) are looked for in ``text`` itself, which saves
    lower-casing it: only letters come out of ``str.lower`` as ASCII
    characters they were not."""
    caseless = [w for w in words if w.isascii() and w.lower() == w.upper()]
    if any(w in text for w in caseless):
        return True
    cased = [w for w in words if w not in caseless]
    return bool(cased) and any(w in text.lower() for w in cased)


def _inline_cuts(raw_text: str, classified, inline_patterns) -> list[list]:
    compiled = [(p, rx) for p, rx in _compiled(inline_patterns).patterns
                if not p.needs or _holds_any(raw_text, p.needs)]
    if not compiled:  # most texts
        return []
    cuts = []
    for start, end, kind in classified:
        if kind is not None:
            continue
        line = raw_text[start:end].rstrip("\r\n")
        for pattern, rx in compiled:
            if len(line) > pattern.max_chars or (pattern.needs and not _holds_any(line, pattern.needs)):
                continue
            match = rx.search(line)
            if match and line[:match.start()].strip():
                cuts.append([start + match.start(), start + match.end(), pattern.kind])
                break
    return cuts


def split_boilerplate(doc_id: str, raw_text: str, patterns: Iterable[LinePattern] = PATTERNS,
                      inline_patterns: Iterable[LinePattern] = INLINE_PATTERNS,
                      ) -> tuple[str, list[dict]]:
    """The clean text of ``raw_text`` and the records of what was cut from it
    (``schema.BOILERPLATE_COLUMNS``)."""
    classified = classify_lines(raw_text, patterns)
    kinds = [k for _, _, k in classified]
    removed = _removed_lines(kinds)
    inline = _inline_cuts(raw_text, classified, inline_patterns)
    if not any(removed) and not inline:
        return raw_text, []
    content = [i for i, k in enumerate(kinds) if k is None]
    # Cuts as raw (start, end, kind); a cut's blank lines take the kind of the
    # boilerplate line next to them.
    cuts: list[list] = []
    for i, (start, end, kind) in enumerate(classified):
        if not removed[i]:
            continue
        if content and i > content[-1] and (not cuts or cuts[-1][1] != start):
            # Trailing material: cut the last article line's break too, so the
            # clean text ends where the article ends.
            last_start, last_end, _ = classified[content[-1]]
            line_break = re.search(r"\r?\n$", raw_text[last_start:last_end])
            if line_break:
                start = last_start + line_break.start()
        if cuts and cuts[-1][1] == start and (not kind or not cuts[-1][2] or cuts[-1][2] == kind):
            cuts[-1][1] = end
            cuts[-1][2] = cuts[-1][2] or kind
        else:
            cuts.append([start, end, kind])
    # Blank-only cuts take the kind of the neighbouring cut that caused them.
    for i, cut in enumerate(cuts):
        if not cut[2]:
            neighbours = [c[2] for c in cuts[i + 1:i + 2] + cuts[max(i - 1, 0):i] if c[2]]
            cut[2] = neighbours[0] if neighbours else "blank"
    cuts = sorted(cuts + inline)
    records, removed_so_far = [], 0
    for start, end, kind in cuts:
        records.append({"doc_id": doc_id, "raw_start": start, "raw_end": end,
                        "clean_pos": start - removed_so_far, "kind": kind,
                        "text": raw_text[start:end]})
        removed_so_far += end - start
    clean = "".join(raw_text[a:b] for a, b in _kept_ranges(len(raw_text), cuts))
    return clean, records


def _kept_ranges(n: int, cuts: list[list]) -> list[tuple[int, int]]:
    kept, pos = [], 0
    for start, end, _ in cuts:
        if start > pos:
            kept.append((pos, start))
        pos = end
    if pos < n:
        kept.append((pos, n))
    return kept


# -- offset maps -----------------------------------------------------------------

def _cut_arrays(boilerplate_doc) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if isinstance(boilerplate_doc, pd.DataFrame):
        frame = boilerplate_doc
    else:
        frame = pd.DataFrame.from_records(list(boilerplate_doc),
                                          columns=["raw_start", "raw_end", "clean_pos"])
    if len(frame) and "doc_id" in frame and frame["doc_id"].nunique() > 1:
        raise ValueError("offset maps need the boilerplate records of one document; "
                         "select them with boilerplate[boilerplate.doc_id == doc_id]")
    frame = frame.sort_values("raw_start", kind="stable")
    return (frame["raw_start"].to_numpy(np.int64), frame["raw_end"].to_numpy(np.int64),
            frame["clean_pos"].to_numpy(np.int64))


def clean_to_raw(boilerplate_doc, positions, *, end: bool = False) -> np.ndarray:
    """Raw-text offsets of clean-text ``positions`` of one document.

    ``raw_text[clean_to_raw(bp, [p])[0]] == text[p]`` for every character
    position. With ``end=True`` the positions are exclusive span ends: a span
    ending right where boilerplate was cut maps to the end before the cut.
    """
    starts, ends, clean = _cut_arrays(boilerplate_doc)
    pos = np.asarray(positions, dtype=np.int64)
    shift = np.concatenate([[0], np.cumsum(ends - starts)])
    idx = np.searchsorted(clean, pos, side="left" if end else "right")
    return pos + shift[idx]


def raw_to_clean(boilerplate_doc, positions) -> np.ndarray:
    """Clean-text offsets of raw-text ``positions`` of one document; a
    position inside cut material maps to the ``clean_pos`` where it stood."""
    starts, ends, clean = _cut_arrays(boilerplate_doc)
    pos = np.asarray(positions, dtype=np.int64)
    shift = np.concatenate([[0], np.cumsum(ends - starts)])
    idx = np.searchsorted(ends, pos, side="right")  # cuts wholly before pos
    out = pos - shift[idx]
    inside = np.zeros(pos.shape, dtype=bool)
    if len(starts):
        safe = np.minimum(idx, len(starts) - 1)
        inside = (idx < len(starts)) & (starts[safe] <= pos)
        out = np.where(inside, clean[safe], out)
    return out
