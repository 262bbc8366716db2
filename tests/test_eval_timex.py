"""`newsdossier eval timex`: the TimeML and CAT readers, TempEval-3 scoring, and TBAQ floors.

The readers and the scorer are tested on small documents written in each format; the product is
scored on TBAQ (TempEval-3's training data, the development set here) behind the ``shared``
marker, with floors at the measured numbers. The TE3 platinum test set is measured for
docs/benchmarks.md only.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsdossier.errors import EvalDataError
from newsdossier.eval.timex import TimexDoc, _Tally, read_cat, read_timex_corpus, read_tml, score_document, score_timex
from newsdossier.evaluate import evaluate, timex_for_eval

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>
The CDC <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3> the season ran <TIMEX3 tid="t2" type="DURATION" value="P1M">a month</TIMEX3> longer than in <TIMEX3 tid="t3" type="DATE" value="2009">2009</TIMEX3>.
</TEXT>
</TimeML>
"""

CAT = """<?xml version="1.0" ?><Document doc_id="1" doc_name="d">
<token number="0" sentence="0" t_id="1">Airbus</token>
<token number="1" sentence="0" t_id="2">wins</token>
<token number="2" sentence="1" t_id="3">March</token>
<token number="3" sentence="1" t_id="4">01</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2008</token>
<token number="6" sentence="2" t_id="7">It</token>
<token number="7" sentence="2" t_id="8">won</token>
<token number="8" sentence="2" t_id="9">last</token>
<token number="9" sentence="2" t_id="10">year</token>
<token number="10" sentence="2" t_id="11">.</token>
<token number="11" sentence="3" t_id="12">Not</token>
<token number="12" sentence="3" t_id="13">annotated</token>
<token number="13" sentence="3" t_id="14">2010</token>
<Markables>
<TIMEX3 m_id="20" type="DATE" value="2008-03-01" functionInDocument="CREATION_TIME"><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>
<TIMEX3 m_id="21" type="DATE" value="2007" functionInDocument="NONE"><token_anchor t_id="9"/><token_anchor t_id="10"/></TIMEX3>
</Markables>
</Document>
"""


def test_tml_reader_keeps_text_offsets_and_the_dct(tmp_path: Path) -> None:
    path = tmp_path / "t1.tml"
    path.write_text(TML, encoding="utf-8")
    doc = read_tml(path)
    assert doc.dct == date(2013, 3, 22)
    assert [(doc.text[g.start:g.end], g.type, g.value) for g in doc.gold] == [
        ("Friday", "DATE", "2013-03-22"), ("a month", "DURATION", "P1M"), ("2009", "DATE", "2009")]


def test_cat_reader_joins_tokens_ignores_the_dateline_and_stops_after_the_annotated_sentences(tmp_path: Path) -> None:
    path = tmp_path / "d.xml"
    path.write_text(CAT, encoding="utf-8")
    doc = read_cat(path)
    assert doc.text == "Airbus wins\nMarch 01, 2008\nIt won last year."  # sentence 3 has no markable
    assert doc.dct == date(2008, 3, 1)
    assert [(doc.text[g.start:g.end], g.value) for g in doc.gold] == [("last year", "2007")]
    assert [doc.text[s:e] for s, e in doc.ignore] == ["March 01, 2008"]


def test_scoring_counts_strict_relaxed_type_and_value() -> None:
    text = "He left Friday morning and came back in 2009 after a month."
    doc = TimexDoc("d", text, date(2013, 3, 22), (
        _gold(text, "Friday morning", "TIME", "2013-03-22TMO"), _gold(text, "2009", "DATE", "2009"),
        _gold(text, "a month", "DURATION", "P1M")))
    predicted = [(text.index("Friday"), text.index("Friday") + 6, "DATE", "2013-03-22"),  # relaxed only
                 (text.index("2009"), text.index("2009") + 4, "DATE", "2009"),  # exact and right
                 (0, 2, "DATE", "PRESENT_REF")]  # spurious
    tally = _Tally()
    score_document(doc, predicted, tally)
    scores = score_timex(tally)
    assert scores["relaxed_precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["relaxed_recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["strict_f1"] == pytest.approx(1 / 3, abs=1e-4)
    assert scores["value_accuracy"] == 0.5 and scores["type_accuracy"] == 0.5
    assert scores["value_f1"] == pytest.approx(0.5 * scores["relaxed_f1"], abs=1e-4)


def _gold(text: str, words: str, kind: str, value: str):  # type: ignore[no-untyped-def]
    from newsdossier.eval.timex import GoldTimex

    start = text.index(words)
    return GoldTimex(start, start + len(words), kind, value)


def test_a_missing_folder_is_an_error_that_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(EvalDataError, match="point --data"):
        read_timex_corpus(tmp_path / "nope")


def test_an_unreadable_dct_is_skipped_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "a.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "b.tml").write_text(TML.replace('value="2013-03-22" functionInDocument', 'value="03-22-2013" '
                                                'functionInDocument'), encoding="utf-8")
    skipped: list[str] = []
    assert [d.name for d in read_timex_corpus(tmp_path, skipped)] == ["a"]
    assert len(skipped) == 1 and "b.tml" in skipped[0] and "not a date" in skipped[0]


def test_eval_runs_the_product_on_a_small_corpus(tmp_path: Path) -> None:
    (tmp_path / "t1.tml").write_text(TML, encoding="utf-8")
    result = evaluate("timex", tmp_path)
    assert (result["gold"], result["matched"], result["value_f1"]) == (3, 3, 1.0)
    assert timex_for_eval("They attacked on Sunday.", date(2020, 1, 3))[0][2:] == ("DATE", "2019-12-29")


@pytest.mark.shared
def test_tbaq_floors(datasets_dir: Path) -> None:
    data = datasets_dir / "tempeval3" / "Training" / "TBAQ-cleaned"
    if not data.is_dir():
        pytest.skip(f"needs TBAQ in {data}")
    result = evaluate("timex", data)
    # Measured 0.919 / 0.837 / 0.776 (docs/benchmarks.md, "Time expressions").
    assert result["relaxed_f1"] >= 0.91
    assert result["strict_f1"] >= 0.83
    assert result["value_f1"] >= 0.77
