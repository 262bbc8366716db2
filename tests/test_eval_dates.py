"""Issue #22: the publication-date audit (`newsdossier eval dates`), its shipped labels and its scorer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsdossier.errors import EvalDataError
from newsdossier.eval.dates import DateItem, load_labels, score_dates
from newsdossier.evaluate import evaluate

def test_the_shipped_labels() -> None:
    aeb = load_labels("dates_aeb.tsv")
    assert len(aeb) == 181 and len({i.key for i in aeb}) == 181
    assert sum(i.expected is None for i in aeb) == 1  # one page states no date at all
    ecb = load_labels("dates_ecbplus.tsv")
    assert {i.split for i in ecb} == {"dev", "train"}
    assert sum(i.split == "dev" for i in ecb) == 197
    assert all(i.label in ("NONE", "NOTDATE", "AMBIGUOUS") or i.expected is not None for i in ecb)


def test_the_scorer_counts_missing_wrong_false_and_near_dates() -> None:
    items = [DateItem("a", "2019-11-19"), DateItem("b", "2019-11-19"), DateItem("c", "NONE"),
             DateItem("d", "2019-11-19"), DateItem("e", "AMBIGUOUS")]
    asserted = {"a": date(2019, 11, 19), "b": date(2019, 11, 20), "c": date(2019, 1, 1), "d": None}
    result = score_dates(items, asserted)
    assert result["items"] == 4 and result["ambiguous_not_scored"] == 1
    assert result["accuracy"] == 0.25 and result["within_one_day"] == 0.5
    assert result["precision"] == round(1 / 3, 4) and result["recall"] == round(1 / 3, 4)
    assert len(result["wrong"]) == 3


def test_an_unknown_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EvalDataError, match="neither"):
        evaluate("dates", tmp_path)


@pytest.mark.shared
def test_aeb_dates_beat_htmldate_alone(datasets_dir: Path) -> None:
    result = evaluate("dates", datasets_dir / "article_extraction_benchmark")
    assert result["items"] == 181
    # measured 0.9724 / 0.9943 (docs/benchmarks.md); htmldate alone 0.7944 recall, 0.7901 precision
    assert result["accuracy"] >= 0.965 and result["precision"] >= 0.99
    assert result["recall"] > result["htmldate"]["recall"]


@pytest.mark.shared
def test_ecbplus_dev_header_dates(ecbplus_dev_text: Path) -> None:
    result = evaluate("dates", ecbplus_dev_text, split="dev")
    assert result["items"] == 196
    assert result["accuracy"] >= 0.975 and result["precision"] >= 0.99  # measured 0.9847 / 1.000
