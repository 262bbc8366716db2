"""Issue #22: the wire-credit audit (`newsdossier eval credits`), its shipped labels and its scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdossier.eval.credits import CreditItem, load_credit_labels, score_credits
from newsdossier.evaluate import evaluate

def test_the_shipped_labels() -> None:
    items = load_credit_labels()
    assert sum(i.key.startswith("aeb:") for i in items) == 181
    assert sum(i.key.startswith("ecb:") for i in items) == 197
    assert sum(bool(i.credited) for i in items) == 47
    assert all(not (i.story & i.cited) for i in items)


def test_the_scorer() -> None:
    items = [CreditItem("a", frozenset({"AP"}), frozenset()), CreditItem("b", frozenset(), frozenset({"AFP"})),
             CreditItem("c", frozenset(), frozenset()), CreditItem("d", frozenset({"Reuters"}), frozenset())]
    result = score_credits(items, {"a": ("AP", "dateline"), "b": ("AFP", "prose"), "c": ("AP", "prose"),
                                   "d": (None, None)})
    assert result["precision"] == round(2 / 3, 4) and result["recall"] == round(2 / 3, 4)
    assert result["recall_story"] == 0.5 and result["recall_cited"] == 1.0 and result["stated_precision"] == 1.0
    assert len(result["wrong"]) == 2


@pytest.mark.shared
def test_aeb_credits(datasets_dir: Path) -> None:
    result = evaluate("credits", datasets_dir / "article_extraction_benchmark")
    assert result["precision"] >= 0.95 and result["recall"] >= 0.90  # measured 1.000 / 0.938


@pytest.mark.shared
def test_ecbplus_dev_credits(ecbplus_dev_text: Path) -> None:
    result = evaluate("credits", ecbplus_dev_text)
    assert result["items"] == 197
    assert result["precision"] >= 0.95 and result["recall"] >= 0.90  # measured 1.000 / 1.000
