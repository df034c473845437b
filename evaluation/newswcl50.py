"""NewsWCL50 (Hamborg et al., 2019), events 0–4: do our actor-label mentions
line up with the annotated mentions of each event's main target concepts?

For each event we wrote an event file (evaluation/newswcl50_events/, our own
work: actors, aliases and ladders for the main persons and countries). A gold
mention is found when one of our actor_label spans for the same actor overlaps
it in the same sentence; one of our spans is correct when it overlaps a gold
mention of that actor. Figures are given per outlet (LL, L, M, R, RR) and overall.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from evaluation import DEFAULT_DATA_DIR, print_rows

DATASET = "NewsWCL50 (Hamborg et al. 2019), events 0-4"
EVENTS_DIR = Path(__file__).resolve().parent / "newswcl50_events"
OUTLETS = ("LL", "L", "M", "R", "RR")


def _token_index(line: str, char_pos: int) -> int:
    # NewsWCL50 counts tokens split on spaces and punctuation; an estimate is
    # enough to choose between repeated occurrences of a mention in one sentence.
    return len(re.findall(r"\w+|[^\w\s]", line[:char_pos]))


def load_event(data_dir: Path, event: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Articles (text = the sentence file, one sentence a line) and gold
    mentions with character offsets into that text."""
    root = Path(data_dir) / "newswcl50" / "2-matched" / f"event_{event}"
    articles, mentions = [], []
    for outlet in OUTLETS:
        folder = root / f"orientation_{outlet}"
        sent_path = folder / f"{event}_{outlet}_sent.txt"
        ann_path = folder / f"{event}_{outlet}_annotations.csv"
        if not sent_path.is_file() or not ann_path.is_file():
            continue
        lines = sent_path.read_text(encoding="utf-8").split("\n")
        starts = np.cumsum([0] + [len(line) + 1 for line in lines[:-1]])
        doc_id = f"{event}_{outlet}"
        articles.append({"doc_id": doc_id, "outlet": outlet, "title": np.nan,
                         "event": f"newswcl50-{event}", "text": "\n".join(lines)})
        gold = pd.read_csv(ann_path)
        for row in gold.itertuples():
            if not isinstance(row.code_mention, str) or row.sentence >= len(lines):
                continue
            line = lines[row.sentence]
            found = [m.start() for m in re.finditer(re.escape(row.code_mention), line, re.IGNORECASE)]
            if not found:
                continue
            pos = min(found, key=lambda p: abs(_token_index(line, p) - row.start))
            start = int(starts[row.sentence]) + pos
            mentions.append({"doc_id": doc_id, "outlet": outlet, "code_name": row.code_name,
                             "start": start, "end": start + len(row.code_mention),
                             "text": row.code_mention})
    return pd.DataFrame(articles), pd.DataFrame(mentions)


def concept_map(event_file: Path) -> dict[str, list[str]]:
    """Actor id -> NewsWCL50 code_names, from the event file's ``newswcl50_code``
    keys (one code, or a list when the gold splits our actor into several
    concepts, e.g. the Trump campaign and its associates)."""
    import yaml
    spec = yaml.safe_load(event_file.read_text(encoding="utf-8"))
    out = {}
    for a in spec["actors"]:
        if "newswcl50_code" in a:
            code = a["newswcl50_code"]
            out[a["id"]] = [code] if isinstance(code, str) else list(code)
    return out


def _overlap(a: pd.DataFrame, b: pd.DataFrame) -> np.ndarray:
    """For each row of a: does some row of b (same doc) overlap it?"""
    if a.empty:
        return np.zeros(0, dtype=bool)
    if b.empty:
        return np.zeros(len(a), dtype=bool)
    out = np.zeros(len(a), dtype=bool)
    b_by_doc = {doc: (g["start"].to_numpy(), g["end"].to_numpy()) for doc, g in b.groupby("doc_id")}
    for i, row in enumerate(a.itertuples()):
        if row.doc_id in b_by_doc:
            bs, be = b_by_doc[row.doc_id]
            out[i] = bool(np.any((bs < row.end) & (be > row.start)))
    return out


def gold_to_clean(gold: pd.DataFrame, analysis) -> pd.DataFrame:
    """Gold offsets (into the text we passed in, which the corpus keeps as
    ``raw_text``) mapped into each article's clean text. Mentions inside
    material the corpus cut as boilerplate ("Read more" lines) are dropped:
    we never analyse that text."""
    from framing.boilerplate import raw_to_clean

    if gold.empty:
        return gold
    parts = []
    for doc_id, g in gold.groupby("doc_id", sort=False):
        bp = analysis.boilerplate[analysis.boilerplate["doc_id"] == doc_id]
        text = analysis.articles.loc[analysis.articles["doc_id"] == doc_id, "text"].iloc[0]
        starts, ends = raw_to_clean(bp, g["start"]), raw_to_clean(bp, g["end"])
        g = g.assign(start=starts, end=ends)
        kept = [text[s:e].lower() == t.lower() for s, e, t in zip(starts, ends, g["text"], strict=True)]
        parts.append(g[kept])
    return pd.concat(parts, ignore_index=True)


def score_event(data_dir: Path, event: int) -> pd.DataFrame:
    """Per outlet and actor: gold mentions, found, our spans, correct."""
    import framing

    event_file = EVENTS_DIR / f"event_{event}.yaml"
    articles, gold = load_event(data_dir, event)
    if articles.empty or not event_file.is_file():
        return pd.DataFrame()
    analysis = framing.analyze(articles, event=event_file, n_jobs=1)
    gold = gold_to_clean(gold, analysis)
    ours = analysis.spans[(analysis.spans["layer"] == "actor_label") & analysis.spans["actor"].notna()]
    rows = []
    for actor, codes in concept_map(event_file).items():
        g = gold[gold["code_name"].isin(codes)]
        o = ours[ours["actor"] == actor]
        for outlet in OUTLETS:
            go, oo = g[g["outlet"] == outlet], o[o["doc_id"] == f"{event}_{outlet}"]
            rows.append({"event": event, "outlet": outlet, "actor": actor,
                         "gold": len(go), "found": int(_overlap(go, oo).sum()),
                         "ours": len(oo), "correct": int(_overlap(oo, go).sum())})
    return pd.DataFrame(rows)


def evaluate(data_dir: Path = DEFAULT_DATA_DIR) -> list[dict]:
    if not (Path(data_dir) / "newswcl50" / "2-matched").is_dir() or not EVENTS_DIR.is_dir():
        return []
    scores = pd.concat([score_event(data_dir, e) for e in range(5)], ignore_index=True)
    if scores.empty:
        return []
    limits = ("NewsWCL50 annotates every mention of a target concept, including pronouns, "
              "descriptions and coreferent phrases (\"the president\", \"his country\"); we count "
              "names, aliases and ladder labels of the actors in our event files, so recall "
              "measures coverage of wording variants, not coreference. The gold also gives "
              "compounds their own concepts (\"Iran deal\", \"Comey memos\", \"Russia "
              "investigation\"), where our name match counts the country or person. Its "
              "published F1 (45.7) is for grouping mentions into concepts, a different task.")
    out = []
    for outlet, g in [("all", scores)] + list(scores.groupby("outlet", sort=False)):
        recall = g["found"].sum() / g["gold"].sum() if g["gold"].sum() else float("nan")
        precision = g["correct"].sum() / g["ours"].sum() if g["ours"].sum() else float("nan")
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else float("nan")
        for metric, value, n in (("precision", precision, g["ours"].sum()),
                                 ("recall", recall, g["gold"].sum()), ("F1", f1, g["gold"].sum())):
            out.append({"task": f"actor mentions vs target-concept mentions ({outlet})",
                        "dataset": DATASET, "metric": metric, "value": float(value),
                        "reference": "target-concept method F1 45.7 (different task)" if metric == "F1" else "—",
                        "n": int(n), "limits": limits})
    return out


if __name__ == "__main__":
    print_rows(evaluate(), "newswcl50 not found")
