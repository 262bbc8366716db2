"""Quality gates of the bundled NLP pipeline on the shared benchmarks (skipped without ../shared).

Floors are the measured scores of the shipped model less a small margin for library updates;
they catch a regression, they are not the goals. The issue's goals that the model misses are
strict xfails: when a better model reaches them the xfail turns into a failure, and the gate
must be raised.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsdossier.evaluate import evaluate

pytestmark = pytest.mark.shared

# Measured with the shipped model (docs/benchmarks.md, "NLP pipeline"); floors are those less ~0.01.
CONLL_TEST_F1_FLOOR = 0.79  # measured 0.801
CONLL_TEST_F1_MINIMUM_GOAL = 0.85  # the "at least"
UNER_TEST_F1_FLOOR = 0.38  # measured 0.391 (PER/ORG/LOC, web text)
CROSSNER_TEST_F1_FLOOR = 0.53  # measured 0.543 (politics, mapped to PER/ORG/LOC)
GUM_TEST_LAS_FLOOR = 0.69  # measured 0.702
GUM_TEST_UPOS_FLOOR = 0.91  # measured 0.920


@pytest.fixture(scope="module")
def conll(datasets_dir: Path) -> dict[str, Any]:
    return evaluate("ner", datasets_dir / "ner" / "conll2003_en" / "test.txt")


def test_conll_test_f1_floor(conll: dict[str, Any]) -> None:
    assert conll["gold_entities"] == 5651
    assert conll["f1"] >= CONLL_TEST_F1_FLOOR


@pytest.mark.xfail(strict=True, reason="the bundled NER does not reach the issue's minimum on CoNLL test yet")
def test_conll_test_f1_minimum_goal(conll: dict[str, Any]) -> None:
    assert conll["f1"] >= CONLL_TEST_F1_MINIMUM_GOAL


@pytest.mark.parametrize(("path", "floor"), [("ner/uner_english_ewt/en_ewt-ud-test.iob2", UNER_TEST_F1_FLOOR),
                                             ("ner/crossner_politics/test.txt", CROSSNER_TEST_F1_FLOOR)])
def test_other_domains_f1_floor(datasets_dir: Path, path: str, floor: float) -> None:
    scores = evaluate("ner", datasets_dir / path)
    assert set(scores["per_type"]) == {"PER", "ORG", "LOC"}  # no MISC in their gold, so none scored
    assert scores["f1"] >= floor


def test_gum_parse_floor(datasets_dir: Path) -> None:
    scores = evaluate("parse", datasets_dir / "ud_english" / "en_gum-ud-test.conllu")
    assert scores["las"] >= GUM_TEST_LAS_FLOOR
    assert scores["upos"] >= GUM_TEST_UPOS_FLOOR
