"""Text reuse on constructed corpora and on the seeds."""

from __future__ import annotations

import pandas as pd
import pytest

from framing import schema
from framing.reuse import LINKING, Reuse, detect_reuse

ORIGINAL = """Floods cut off the river town of Belmora on Tuesday
Heavy rain swelled the Arno tributary overnight and water entered the lower districts before dawn.
Emergency crews evacuated four hundred residents from the riverside streets by boat.
The regional governor, Marta Velli, declared a state of emergency for the whole valley.
Two bridges on the northern road collapsed under the pressure of debris carried by the current.
Power lines failed across three villages, leaving about nine thousand homes without electricity.
Forecasters expect another band of storms to reach the valley on Thursday evening.
The army sent engineers with pontoon equipment to restore a crossing near the old mill.
Local schools will stay closed until the water recedes and inspectors check the buildings.
Farmers in the plain reported heavy losses of livestock and stored grain.
"""

COPY = "Belmora under water as floods isolate town\n" + ORIGINAL.split("\n", 1)[1]

SUMMARY = """Belmora flood: what we know
Two road bridges in the north gave way under debris carried by the current.
The governor Marta Velli declared a valley-wide state of emergency.
Crews evacuated four hundred riverside residents by boat.
About nine thousand homes in three villages lost electricity when power lines failed.
"""

INDEPENDENT_A = """Minister Okafor visits Lagos port after the fire
Minister Chidi Okafor toured the Apapa container terminal on Monday, two days after the blaze.
"We will rebuild what was lost, and we will find who is responsible," Okafor said.
Port workers described chaotic scenes as the fire spread between stacked containers.
Insurers have begun to assess damage to cargo, much of it imported electronics.
The terminal operator said shipping schedules would be delayed for at least a week.
"""

INDEPENDENT_B = """Okafor promises inquiry into Apapa blaze
The fire service needed eleven hours to contain the flames, its chief told reporters in Lagos.
"We will rebuild what was lost, and we will find who is responsible," Okafor said.
Traders at the nearby market said smoke forced them to close their stalls early.
An opposition senator called for the port authority board to resign over safety failures.
Environmental groups warned that chemical runoff could reach the lagoon.
"""


def _articles(texts: dict[str, str], dates: dict[str, str] | None = None) -> pd.DataFrame:
    rows = [{"doc_id": d, "outlet": f"outlet {d}", "title": None,
             "date": (dates or {}).get(d), "url": None, "event": "e", "source": None,
             "text": t, "raw_text": t} for d, t in texts.items()]
    return schema.frame_from_records(rows, schema.ARTICLE_COLUMNS)


def _pair(result: Reuse, a: str, b: str) -> pd.Series | None:
    p = result.pairs
    hit = p[((p.doc_a == a) & (p.doc_b == b)) | ((p.doc_a == b) & (p.doc_b == a))]
    return None if hit.empty else hit.iloc[0]


def _same_report(result: Reuse, a: str, b: str) -> bool:
    g = result.groups.set_index("doc_id")["report_id"]
    return g[a] == g[b]


def test_copy_with_changed_headline():
    result = detect_reuse(_articles({"orig": ORIGINAL, "copy": COPY},
                                    {"orig": "2024-05-01", "copy": "2024-05-02"}))
    assert list(result.pairs.columns) == schema.REUSE_PAIR_COLUMNS
    pair = _pair(result, "orig", "copy")
    assert pair["relation"] == "copy"
    assert min(pair["shingle_containment_a"], pair["shingle_containment_b"]) > 0.8
    assert pair["source_doc"] == "orig" and pair["derived_doc"] == "copy"
    assert _same_report(result, "orig", "copy")
    groups = result.groups.set_index("doc_id")
    assert groups.loc["orig", "is_original"] and not groups.loc["copy", "is_original"]


def test_summary_of_shortened_reordered_sentences_is_linked():
    result = detect_reuse(_articles({"orig": ORIGINAL, "summ": SUMMARY}))
    pair = _pair(result, "orig", "summ")
    assert pair is not None and pair["relation"] in {"summary", "rewrite"}
    assert pair["n_aligned"] >= 3
    # no dates: the shorter text is taken as derived from the longer
    assert pair["derived_doc"] == "summ" and pair["source_doc"] == "orig"
    assert _same_report(result, "orig", "summ")
    # the evidence is real aligned text from both articles
    al = result.alignments
    assert list(al.columns) == schema.ALIGNMENT_COLUMNS
    texts = {"orig": ORIGINAL, "summ": SUMMARY}
    for row in al.itertuples():
        assert row.text_a in texts[row.doc_a] and row.text_b in texts[row.doc_b]
    assert any("Marta Velli" in t for t in al["text_a"].tolist() + al["text_b"].tolist())


def test_longer_later_text_built_on_a_short_item_is_an_extension():
    # the short text came first: the long one extends it rather than summarising it
    result = detect_reuse(_articles({"orig": ORIGINAL, "summ": SUMMARY},
                                    {"orig": "2024-05-03", "summ": "2024-05-01"}))
    pair = _pair(result, "orig", "summ")
    assert pair["source_doc"] == "summ" and pair["derived_doc"] == "orig"
    assert pair["relation"] == "extension"
    assert _same_report(result, "orig", "summ")
    undated = _pair(detect_reuse(_articles({"orig": ORIGINAL, "summ": SUMMARY})), "orig", "summ")
    assert undated["relation"] != "extension"  # no dates: the shorter text is the derived one


def test_independent_reports_sharing_names_and_a_quote_are_not_linked():
    result = detect_reuse(_articles({"a": INDEPENDENT_A, "b": INDEPENDENT_B}))
    pair = _pair(result, "a", "b")
    assert pair is None or pair["relation"] == "independent"
    assert not _same_report(result, "a", "b")
    assert result.groups["is_original"].all()


def test_mixed_corpus_keeps_every_article_in_one_group():
    result = detect_reuse(_articles({"orig": ORIGINAL, "copy": COPY, "summ": SUMMARY,
                                     "a": INDEPENDENT_A, "b": INDEPENDENT_B}))
    groups = result.groups
    assert list(groups.columns) == schema.REPORT_GROUP_COLUMNS
    assert sorted(groups["doc_id"]) == ["a", "b", "copy", "orig", "summ"]
    assert groups.groupby("report_id")["is_original"].sum().eq(1).all()
    assert groups["report_id"].nunique() == 3


def test_bad_input_names_the_fix():
    with pytest.raises(ValueError, match="load_corpus"):
        detect_reuse(pd.DataFrame({"doc_id": ["x"], "text": ["y"]}))


@pytest.mark.slow
def test_seeds_derivations_found_from_the_texts(seeds_analysis):
    result = seeds_analysis.reuse
    print(result.pairs[["doc_a", "doc_b", "relation", "source_doc", "derived_doc"]])
    linked = {frozenset((p.doc_a, p.doc_b)): p for p in result.pairs.itertuples()
              if p.relation in LINKING}
    # 000 retells 001 (same facts, the same Khamenei post, shorter, a day later);
    # 002 is a condensed paraphrase of 003 (Bagheri's calls, the IRGC envoy, the SDF clashes)
    assert set(linked) == {frozenset(("000", "001")), frozenset(("002", "003"))}
    assert linked[frozenset(("000", "001"))].derived_doc == "000"
    assert linked[frozenset(("002", "003"))].derived_doc == "002"
    groups = result.groups.set_index("doc_id")
    assert groups.loc["004", "is_original"]
    assert groups["report_id"].nunique() == 3
    # every aligned pair quotes the seed texts themselves
    texts = dict(zip(seeds_analysis.articles["doc_id"], seeds_analysis.articles["text"],
                     strict=True))
    for row in result.alignments.itertuples():
        assert row.text_a in texts[row.doc_a] and row.text_b in texts[row.doc_b]
