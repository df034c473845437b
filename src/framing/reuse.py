"""Text reuse: copies, rewrites and summaries between articles.

Two kinds of evidence, for every candidate pair of articles:

* **word shingles** (runs of 5 words, whole text): the share of one text's
  shingles found in the other (*containment*) finds copies, however the
  headline or the boilerplate changed;
* **sentence alignment on content words** (stemmed, stop words dropped,
  weighted by inverse sentence frequency): finds paraphrased rewrites and
  summaries, which share few exact 5-word runs. Sentences that are mostly
  quotation are left out: sharing a quote is what independent reports do.

The aligned sentence pairs are kept as evidence (``alignments``), each pair of
articles gets a relation and, where the dates or the texts support one, a
direction, and articles linked by copy / rewrite / summary are grouped into
independent reports (``groups``).

Candidate pairs: every pair for small corpora; for large corpora the union
of MinHash-LSH on the shingle sets (``datasketch``; near-copies) and each
article's nearest neighbours by TF-IDF cosine on content words (rewrites),
so sentences are only aligned within a few pairs per article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from . import schema
from .tokens import WORD_RE

#: Words per shingle.
SHINGLE_WORDS = 5
#: Sentence similarity (cosine of sqrt-IDF-weighted content-stem sets) from
#: which two sentences count as aligned, and the number of content stems they
#: must share.
ALIGN_THRESHOLD = 0.30
MIN_SHARED_STEMS = 3
#: Similarity from which an aligned pair counts without further support, and
#: the margin by which a looser pair's article must beat every other article.
STRONG_THRESHOLD = 0.50
SPECIFIC_MARGIN = 0.10
#: Paraphrase-level pairs count only between articles at most this many days
#: apart (when both dates are known): a news rewrite follows its source within
#: days, while articles months apart share the topic's stock sentences.
MAX_PARAPHRASE_DAYS = 14
#: A derivation resting on paraphrase-level pairs needs the shorter text's
#: aligned share with this partner to be this many times its share with any
#: other article it was compared with.
DOMINANCE = 2.0
#: A similarity from which two sentences are near-identical.
VERBATIM_THRESHOLD = 0.80
#: Copy: one text's shingles are (almost) all in the other.
COPY_CONTAINMENT = 0.80
#: Derived (rewrite or summary): at least this share of the shorter text's
#: own-voice content words lie in aligned sentences, in at least this many
#: aligned sentence pairs.
DERIVED_SHARE = 0.25
MIN_ALIGNED = 3
#: ... or this share of one text's shingles is found in the other (a partial
#: copy, even when sentence splitting leaves too few sentences to align).
DERIVED_CONTAINMENT = 0.50
#: A summary has at most this fraction of the longer text's words.
SUMMARY_LENGTH_RATIO = 0.75
#: Sentences with this share of quoted words or more are quotation.
QUOTED_SENTENCE = 0.5
#: A sentence repeated word for word in this many articles is boilerplate.
BOILERPLATE_DOCS = 3
#: Corpora up to this size compare all pairs; above it, candidates come from
#: LSH and nearest neighbours.
ALL_PAIRS_MAX = 400
NEIGHBOURS = 8
MIN_NEIGHBOUR_COSINE = 0.25
LSH_THRESHOLD = 0.3
LINKING = ("copy", "rewrite", "summary", "extension")


@dataclass(frozen=True)
class Reuse:
    pairs: pd.DataFrame       # schema.REUSE_PAIR_COLUMNS
    alignments: pd.DataFrame  # schema.ALIGNMENT_COLUMNS
    groups: pd.DataFrame      # schema.REPORT_GROUP_COLUMNS


# -- text units ------------------------------------------------------------

_STOP = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "told", "according", "s"}
_QUOTE_RE = re.compile(r"[\"“”]([^\"“”]{1,3000})[\"“”]")
_FALLBACK_SPLIT = re.compile(r"[^\n]+?(?:[.!?]+[\"”’)]*(?=\s+[\"“(]?[A-Z0-9])|$)", re.M)
_SUFFIXES = ("ations", "ation", "ingly", "ings", "ing", "ied", "ies", "edly", "ed", "es",
             "ly", "s")


@lru_cache(maxsize=500_000)
def _stem(word: str) -> str:
    """A light suffix-stripping stemmer (fast, deterministic, no data): enough
    to match "recognized"/"recognizes" or "militant"/"militants"."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4:
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)]
    return word


def _content_stem(word: str) -> str | None:
    w = word.lower().replace("\u2019", "'")
    if len(w) < 2 or w in _STOP:
        return None
    return _stem(w)


def content_stems(text: str) -> list[str]:
    """Stemmed content words of ``text`` (lower case, stop words and one-letter
    words dropped), in order."""
    return [s for s in map(_content_stem, WORD_RE.findall(text)) if s is not None]


def _fallback_sentences(text: str) -> list[tuple[int, int]]:
    """Line- and punctuation-based sentence offsets, used only when the
    sentence table has no rows for an article."""
    spans = []
    for m in _FALLBACK_SPLIT.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            spans.append((start, end))
    return spans


def _quoted_mask(text: str) -> np.ndarray:
    """Characters inside quotation marks (for sentences whose voice shares
    are unknown)."""
    mask = np.zeros(len(text), dtype=bool)
    for m in _QUOTE_RE.finditer(text):
        mask[m.start():m.end()] = True
    return mask


@dataclass
class _Doc:
    doc_id: str
    text: str
    date: pd.Timestamp | None
    sent_ids: list
    bounds: list[tuple[int, int]]
    stems: list[list[str]]
    quoted: np.ndarray       # bool per sentence: quotation or boilerplate, not aligned
    n_content: int           # content words outside quotation
    n_words: int             # all words
    shingles: np.ndarray     # unique int64 shingle hashes


def _shingle_hashes(words: list[str], ids: dict) -> np.ndarray:
    n = len(words) - SHINGLE_WORDS + 1
    if n <= 0:
        return np.empty(0, dtype=np.int64)
    arr = np.fromiter((ids.setdefault(w, len(ids)) for w in words), dtype=np.uint64,
                      count=len(words))
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(SHINGLE_WORDS):  # polynomial hash of the 5 word ids
            h = h * np.uint64(1_000_003) + arr[k:n + k]
    return np.unique(h.view(np.int64))


def _prepare(articles: pd.DataFrame, sentences: pd.DataFrame | None) -> list[_Doc]:
    by_doc = {}
    if sentences is not None and len(sentences):
        for doc_id, part in sentences.groupby("doc_id", sort=False):
            by_doc[doc_id] = part.sort_values("start")
    word_ids: dict[str, int] = {}
    docs, pending = [], []
    dates = pd.to_datetime(articles["date"], errors="coerce", format="mixed")
    for row, date in zip(articles[["doc_id", "text"]].itertuples(index=False), dates,
                         strict=True):
        text = row.text if isinstance(row.text, str) else ""
        part = by_doc.get(row.doc_id)
        if part is not None:
            bounds = list(zip(part["start"].astype(int), part["end"].astype(int), strict=True))
            sent_ids = list(part["sent_id"])
            share_q = pd.to_numeric(part["share_quoted"], errors="coerce").to_numpy(dtype=float)
        else:
            bounds = _fallback_sentences(text)
            sent_ids = list(range(len(bounds)))
            share_q = np.full(len(bounds), np.nan)
        if np.isnan(share_q).any():
            mask = _quoted_mask(text)
            for i, (s, e) in enumerate(bounds):
                if np.isnan(share_q[i]):
                    share_q[i] = mask[s:e].mean() if e > s else 0.0
        # one tokenisation of the text serves shingles and sentence stems
        matches = list(WORD_RE.finditer(text))
        words = [m.group().lower() for m in matches]
        starts = np.fromiter((m.start() for m in matches), dtype=np.int64, count=len(matches))
        stem_of = {w: _content_stem(w) for w in set(words)}
        stems_all = [stem_of[w] for w in words]
        stems = []
        for s, e in bounds:
            lo, hi = np.searchsorted(starts, [s, e])
            stems.append([x for x in stems_all[lo:hi] if x is not None])
        quoted = share_q >= QUOTED_SENTENCE
        ranges = [tuple(np.searchsorted(starts, [s, e])) for s, e in bounds]
        docs.append(_Doc(row.doc_id, text, None if pd.isna(date) else date, sent_ids, bounds,
                         stems, quoted, 0, len(words), np.empty(0, dtype=np.int64)))
        pending.append((words, ranges))
    # Site furniture ("Sign up for our newsletter", copyright lines) repeats
    # word for word across articles: a sentence found in BOILERPLATE_DOCS
    # articles or more is set aside like a quotation, and its words are left
    # out of the shingles.
    key_docs = Counter()
    for d in docs:
        key_docs.update({" ".join(st) for st in d.stems if len(st) >= 2})
    for d, (words, ranges) in zip(docs, pending, strict=True):
        boiler = np.array([len(st) >= 2 and key_docs[" ".join(st)] >= BOILERPLATE_DOCS
                           for st in d.stems], dtype=bool)
        d.quoted = d.quoted | boiler
        d.n_content = sum(len(st) for st, q in zip(d.stems, d.quoted, strict=True) if not q)
        if boiler.any():
            keep = np.ones(len(words), dtype=bool)
            for (lo, hi), b in zip(ranges, boiler, strict=True):
                if b:
                    keep[lo:hi] = False
            words = [w for w, k in zip(words, keep, strict=True) if k]
        d.shingles = _shingle_hashes(words, word_ids)
    return docs


# -- sentence vectors ------------------------------------------------------

@dataclass
class _Vectors:
    unit: list            # per doc: csr rows, unit-length sqrt-IDF stem vectors
    binary: list          # per doc: csr rows, 0/1 stem indicators
    n_stems: list         # per doc: distinct stems per sentence
    doc_vectors: sparse.csr_matrix


def _sentence_vectors(docs: list[_Doc]) -> _Vectors:
    vocab: dict[str, int] = {}
    rows, cols = [], []
    offsets = [0]
    r = 0
    for d in docs:
        for st in d.stems:
            for s in set(st):
                rows.append(r)
                cols.append(vocab.setdefault(s, len(vocab)))
            r += 1
        offsets.append(r)
    binary = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(r, len(vocab)))
    df = np.asarray(binary.sum(axis=0)).ravel()
    idf = np.log((r + 1) / (df + 1)) + 1.0  # inverse *sentence* frequency
    weighted = (binary @ sparse.diags(np.sqrt(idf))).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    unit = (sparse.diags(1.0 / norms) @ weighted).tocsr()
    n_stems = np.diff(binary.indptr)
    # document vectors (for finding candidates only): the sum of all its
    # sentence vectors, quotations included, unit length
    keep = np.ones(r)
    doc_of_row = np.repeat(np.arange(len(docs)), np.diff(offsets))
    pick = sparse.csr_matrix((keep, (doc_of_row, np.arange(r))), shape=(len(docs), r))
    dv = (pick @ unit).tocsr()
    dn = np.sqrt(np.asarray(dv.multiply(dv).sum(axis=1)).ravel())
    dn[dn == 0] = 1.0
    dv = (sparse.diags(1.0 / dn) @ dv).tocsr()
    sl = [slice(offsets[k], offsets[k + 1]) for k in range(len(docs))]
    return _Vectors([unit[s] for s in sl], [binary[s] for s in sl],
                    [n_stems[s] for s in sl], dv)


def _similar_sentences(i: int, j: int, vec: _Vectors, docs: list[_Doc]):
    """Sentence pairs of articles i and j with similarity >= ALIGN_THRESHOLD
    that share enough stems, quotation left out: arrays (rows_i, rows_j, sim)."""
    ua, ub = vec.unit[i], vec.unit[j]
    if ua.shape[0] == 0 or ub.shape[0] == 0:
        return None
    sim = (ua @ ub.T).toarray()
    sim[docs[i].quoted, :] = 0.0
    sim[:, docs[j].quoted] = 0.0
    rows, cols = np.nonzero(sim >= ALIGN_THRESHOLD)
    if rows.size == 0:
        return None
    shared = (vec.binary[i] @ vec.binary[j].T).toarray()[rows, cols]
    ok = shared >= MIN_SHARED_STEMS
    return rows[ok], cols[ok], sim[rows[ok], cols[ok]]


def _one_to_one(rows, cols, sims):
    """Greedy one-to-one matching by descending similarity."""
    used_a, used_b, out = set(), set(), []
    for k in np.argsort(-sims, kind="stable"):
        a, b = int(rows[k]), int(cols[k])
        if a not in used_a and b not in used_b:
            used_a.add(a)
            used_b.add(b)
            out.append((a, b, float(sims[k])))
    return sorted(out)


# -- candidates ------------------------------------------------------------

def _candidate_pairs(docs: list[_Doc], vec: _Vectors) -> list[tuple[int, int]]:
    n = len(docs)
    if n <= ALL_PAIRS_MAX:
        return [(i, j) for i in range(n) for j in range(i + 1, n)]
    found = set(_lsh_pairs(docs)) | set(_neighbour_pairs(vec.doc_vectors))
    return sorted(found)


def _minhash_values(shingles: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """MinHash signature of a set of 64-bit shingle hashes: for each of the
    random (multiply, add) pairs, the minimum of the top 32 bits of
    a * x + b (mod 2^64), all permutations at once."""
    with np.errstate(over="ignore"):
        h = (shingles.view(np.uint64)[None, :] * a[:, None] + b[:, None]) >> np.uint64(32)
    return h.min(axis=1)


def _lsh_pairs(docs: list[_Doc], num_perm: int = 64):
    """Near-copies: MinHash-LSH (``datasketch``) over the 5-word shingle sets;
    signatures are computed with numpy (one vectorised pass per article)."""
    from datasketch import MinHash, MinHashLSH
    rng = np.random.default_rng(20241201)
    a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=num_perm)
    sigs = {}
    for k, d in enumerate(docs):
        if d.shingles.size:
            m = MinHash(num_perm=num_perm, scheme="affine32",
                        hashvalues=_minhash_values(d.shingles, a, b))
            lsh.insert(k, m)
            sigs[k] = m
    for k, m in sigs.items():
        for other in lsh.query(m):
            if other != k:
                yield (min(k, other), max(k, other))


def _neighbour_pairs(doc_vectors: sparse.csr_matrix, *, block: int = 500):
    """Rewrites: each article's nearest neighbours by cosine of its document
    vector (sum of its sentence vectors), in blocks of rows."""
    n = doc_vectors.shape[0]
    k = min(NEIGHBOURS, n - 1)
    for start in range(0, n, block):
        sims = (doc_vectors[start:start + block] @ doc_vectors.T).toarray()
        sims[np.arange(sims.shape[0]), start + np.arange(sims.shape[0])] = -1.0
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for r in range(sims.shape[0]):
            for c in top[r]:
                if sims[r, c] >= MIN_NEIGHBOUR_COSINE:
                    i = start + r
                    yield (min(i, int(c)), max(i, int(c)))


# -- relations -------------------------------------------------------------

def _containment(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    if a.size == 0 or b.size == 0:
        return np.nan, np.nan
    inter = np.intersect1d(a, b, assume_unique=True).size
    return inter / a.size, inter / b.size


def _aligned_share(doc: _Doc, rows) -> float:
    if doc.n_content == 0:
        return np.nan
    covered = sum(len(doc.stems[r]) for r in set(rows) if not doc.quoted[r])
    return covered / doc.n_content


def _relation(cont_a, cont_b, share_a, share_b, n_aligned, n_verbatim, len_a, len_b) -> str:
    if max(np.nan_to_num(cont_a), np.nan_to_num(cont_b)) >= COPY_CONTAINMENT:
        return "copy"
    short_share = share_a if len_a <= len_b else share_b
    short_share = 0.0 if np.isnan(short_share) else short_share
    much_verbatim = max(np.nan_to_num(cont_a), np.nan_to_num(cont_b)) >= DERIVED_CONTAINMENT
    if (n_aligned >= MIN_ALIGNED and short_share >= DERIVED_SHARE) or much_verbatim:
        ratio = min(len_a, len_b) / max(len_a, len_b, 1)
        return "summary" if ratio <= SUMMARY_LENGTH_RATIO else "rewrite"
    if n_verbatim >= 2:
        return "shared_source"
    return "independent"


def _direction(a: _Doc, b: _Doc, relation: str, cont_a: float, cont_b: float):
    """(source, derived, reason) or (NaN, NaN, reason)."""
    if relation not in LINKING:
        return np.nan, np.nan, ""
    if a.date is not None and b.date is not None and a.date != b.date:
        src, der = (a, b) if a.date < b.date else (b, a)
        return src.doc_id, der.doc_id, (f"{der.doc_id} is dated later "
                                        f"({der.date.date()} vs {src.date.date()})")
    if relation == "summary":
        src, der = (a, b) if a.n_words >= b.n_words else (b, a)
        return src.doc_id, der.doc_id, f"{der.doc_id} is the shorter text (summary)"
    if relation == "copy" and not (np.isnan(cont_a) or np.isnan(cont_b)) \
            and abs(cont_a - cont_b) >= 0.2:
        # the text contained in the other is the excerpt taken from it
        src, der = (a, b) if cont_b > cont_a else (b, a)
        return src.doc_id, der.doc_id, f"{der.doc_id} is contained in {src.doc_id}"
    return np.nan, np.nan, "no date or length difference to tell the direction"


def detect_reuse(articles: pd.DataFrame, sentences: pd.DataFrame | None = None) -> Reuse:
    """Pairs of articles with reuse evidence, their aligned sentences and the
    independent reports they form.

    ``articles``: ``schema.ARTICLE_COLUMNS`` (``doc_id``, ``text``, ``date``
    used); ``sentences``: ``schema.SENTENCE_COLUMNS`` (offsets and
    ``share_quoted``; articles without rows are split on lines and
    punctuation). Pairs with no evidence at all (no aligned sentence, shingle
    containment under 0.1) are left out of ``pairs``.

    Sentence pairs with similarity >= ``STRONG_THRESHOLD`` always count as
    aligned. Paraphrase-level pairs (``ALIGN_THRESHOLD`` up to the strong
    threshold) count only when *specific*: the other article is clearly the
    best match of that sentence among all other articles compared with it
    (by ``SPECIFIC_MARGIN``), and the two are dated at most
    ``MAX_PARAPHRASE_DAYS`` apart. Same-event articles share names and facts,
    so a loose match is evidence of reuse only if it points to one article;
    with no competing article to compare against, only strong pairs count.
    """
    missing = {"doc_id", "text", "date"} - set(articles.columns)
    if missing:
        raise ValueError(f"detect_reuse: articles lack columns {sorted(missing)}; "
                         "pass the table from load_corpus()")
    docs = _prepare(articles, sentences)
    if len(docs) < 2:
        return _result(docs, [], [])
    vec = _sentence_vectors(docs)
    # pass 1: similar sentence pairs of every candidate pair; per sentence the
    # best and second-best similarity over the other articles
    best = [np.zeros((len(d.bounds), 2)) for d in docs]
    best_doc = [np.full(len(d.bounds), -1) for d in docs]
    n_partners = np.zeros(len(docs), dtype=int)
    found = {}
    for i, j in _candidate_pairs(docs, vec):
        n_partners[i] += 1
        n_partners[j] += 1
        hit = _similar_sentences(i, j, vec, docs)
        cont = _containment(docs[i].shingles, docs[j].shingles)
        if hit is None and not np.nan_to_num(max(cont)) >= 0.1:
            continue
        found[(i, j)] = (hit, cont)
        if hit is None:
            continue
        for d, rows, other in ((i, hit[0], j), (j, hit[1], i)):
            for r, s in zip(rows, hit[2], strict=True):
                _update_best(best[d], best_doc[d], r, s, other)
    # pass 2: the aligned pairs of every candidate pair, and each article's
    # aligned share with each partner
    measured = []
    shares_of: dict[int, list[tuple[int, float]]] = {}
    for (i, j), (hit, cont) in found.items():
        a, b = docs[i], docs[j]
        aligned, strong = [], []
        if hit is not None:
            rows, cols, sims = hit
            loose_ok = _days_apart(a, b) <= MAX_PARAPHRASE_DAYS
            keep = (sims >= STRONG_THRESHOLD) | np.array(
                [loose_ok and (_specific(best[i], best_doc[i], r, j, n_partners[i])
                               or _specific(best[j], best_doc[j], c, i, n_partners[j]))
                 for r, c in zip(rows, cols, strict=True)], dtype=bool)
            aligned = _one_to_one(rows[keep], cols[keep], sims[keep])
            strong = [t for t in aligned if t[2] >= STRONG_THRESHOLD]
        shares = (_aligned_share(a, [x for x, _, _ in aligned]),
                  _aligned_share(b, [y for _, y, _ in aligned]))
        strong_shares = (_aligned_share(a, [x for x, _, _ in strong]),
                         _aligned_share(b, [y for _, y, _ in strong]))
        shares_of.setdefault(i, []).append((j, np.nan_to_num(shares[0])))
        shares_of.setdefault(j, []).append((i, np.nan_to_num(shares[1])))
        measured.append((i, j, cont, aligned, shares, strong_shares))
    # pass 3: classify
    pair_rows, align_rows = [], []
    for i, j, (cont_a, cont_b), aligned, (share_a, share_b), strong_shares in measured:
        a, b = docs[i], docs[j]
        n_verbatim = sum(s >= VERBATIM_THRESHOLD and len(a.stems[x]) >= 6
                         for x, _, s in aligned)
        relation = _relation(cont_a, cont_b, share_a, share_b, len(aligned), n_verbatim,
                             a.n_words, b.n_words)
        note = ""
        if relation in ("rewrite", "summary"):
            short, other = (i, j) if a.n_words <= b.n_words else (j, i)
            strong_short = strong_shares[0] if short == i else strong_shares[1]
            verbatim = max(np.nan_to_num(cont_a), np.nan_to_num(cont_b)) >= DERIVED_CONTAINMENT
            if not verbatim and not np.nan_to_num(strong_short) >= DERIVED_SHARE:
                # the derivation rests on paraphrase-level pairs: the shorter
                # text must be explained by this partner far better than by
                # any other article it was compared with
                this = next(v for o, v in shares_of[short] if o == other)
                runner_up = max((v for o, v in shares_of[short] if o != other), default=0.0)
                if this < DOMINANCE * runner_up:
                    relation = "shared_source" if n_verbatim >= 2 else "independent"
                    note = (f"loose alignment not specific to this pair: "
                            f"{docs[short].doc_id}'s next-best article covers "
                            f"{_pct(runner_up)}")
        if relation == "independent" and not aligned and not np.nan_to_num(
                max(cont_a, cont_b)) >= 0.1:
            continue
        source, derived, why = _direction(a, b, relation, cont_a, cont_b)
        if relation == "summary" and derived == max((a, b), key=lambda d: d.n_words).doc_id:
            # the later text is the longer one: it builds on the source, not condenses it
            relation = "extension"
        evidence = (f"{len(aligned)} aligned sentence pairs ({n_verbatim} near-identical) "
                    f"cover {_pct(share_a)} of {a.doc_id}'s and {_pct(share_b)} of {b.doc_id}'s "
                    f"own-voice content words; {SHINGLE_WORDS}-word shingle containment "
                    f"{_num(cont_a)} / {_num(cont_b)}")
        for extra in (why, note):
            if extra:
                evidence += f"; {extra}"
        pair_rows.append({
            "doc_a": a.doc_id, "doc_b": b.doc_id,
            "shingle_containment_a": cont_a, "shingle_containment_b": cont_b,
            "aligned_share_a": share_a, "aligned_share_b": share_b,
            "n_aligned": len(aligned), "relation": relation,
            "source_doc": source, "derived_doc": derived, "evidence": evidence,
        })
        for x, y, s in aligned:
            (sa, ea), (sb, eb) = a.bounds[x], b.bounds[y]
            align_rows.append({"doc_a": a.doc_id, "sent_a": a.sent_ids[x],
                               "doc_b": b.doc_id, "sent_b": b.sent_ids[y],
                               "similarity": round(s, 4),
                               "text_a": a.text[sa:ea], "text_b": b.text[sb:eb]})
    return _result(docs, pair_rows, align_rows)


def _days_apart(a: _Doc, b: _Doc) -> float:
    """Days between the two articles' dates (0 when either is unknown)."""
    if a.date is None or b.date is None:
        return 0.0
    return abs((a.date - b.date).days)


def _update_best(best: np.ndarray, best_doc: np.ndarray, r: int, s: float, other: int) -> None:
    """Keep, per sentence, the best similarity (and its article) and the best
    similarity in any *other* article."""
    if best_doc[r] == other:
        best[r, 0] = max(best[r, 0], s)
    elif s > best[r, 0]:
        best[r, 1] = best[r, 0]
        best[r, 0] = s
        best_doc[r] = other
    else:
        best[r, 1] = max(best[r, 1], s)


def _specific(best: np.ndarray, best_doc: np.ndarray, r: int, other: int, n_partners: int) -> bool:
    return bool(n_partners >= 2 and best_doc[r] == other
                and best[r, 0] - best[r, 1] >= SPECIFIC_MARGIN)


def _pct(x: float) -> str:
    return "n/a" if x is None or np.isnan(x) else f"{100 * x:.0f} %"


def _num(x: float) -> str:
    return "n/a" if np.isnan(x) else f"{x:.2f}"


def _result(docs: list[_Doc], pair_rows: list[dict], align_rows: list[dict]) -> Reuse:
    pairs = schema.frame_from_records(pair_rows, schema.REUSE_PAIR_COLUMNS)
    alignments = schema.frame_from_records(align_rows, schema.ALIGNMENT_COLUMNS)
    return Reuse(pairs=pairs, alignments=alignments, groups=report_groups(docs, pair_rows))


def report_groups(docs: list[_Doc], pair_rows: list[dict]) -> pd.DataFrame:
    """Articles linked by copy / rewrite / summary form one report; its
    original is the member derived from no other member (earliest date, then
    longest text, then doc_id)."""
    parent = {d.doc_id: d.doc_id for d in docs}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    derived = set()
    for p in pair_rows:
        if p["relation"] in LINKING:
            parent[find(p["doc_a"])] = find(p["doc_b"])
            if isinstance(p["derived_doc"], str):
                derived.add(p["derived_doc"])
    members: dict[str, list[_Doc]] = {}
    for d in docs:
        members.setdefault(find(d.doc_id), []).append(d)
    rows = []
    far_future = pd.Timestamp.max
    for group in members.values():
        candidates = [d for d in group if d.doc_id not in derived] or group
        original = min(candidates, key=lambda d: (d.date or far_future, -d.n_words,
                                                  str(d.doc_id)))
        for d in group:
            rows.append({"doc_id": d.doc_id, "report_id": original.doc_id,
                         "is_original": d.doc_id == original.doc_id})
    return schema.frame_from_records(rows, schema.REPORT_GROUP_COLUMNS)

