"""``newsdossier eval actors``: the audit's arithmetic on a hand-made pile, and floors on MEANTIME."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdossier.entities.mentions import Mention
from newsdossier.entities.resolve import Entity
from newsdossier.errors import ConfigError
from newsdossier.eval.actors import score_actors
from newsdossier.eval.coref import CorefDoc, GoldMention


def _doc(doc_id: str, text: str, *gold: tuple[str, str, str]) -> CorefDoc:
    doc = CorefDoc(doc_id, doc_id.split("/")[0], text)
    for name, kind, cluster in gold:
        start = text.index(name)
        doc.mentions.append(GoldMention(doc_id, start, start + len(name), name, kind, cluster))
        doc.markables.append((start, start + len(name), kind))
    return doc


def _entity(n: int, name: str, kind: str, *mentions: tuple[CorefDoc, str]) -> Entity:
    found = tuple(Mention(d.id, d.text.index(t), d.text.index(t) + len(t), t, kind, "ner") for d, t in mentions)
    return Entity(f"E{n}", name, kind, (), (), found, (), ())


def test_the_audit_counts_junk_types_recall_and_merges() -> None:
    one = _doc("t/1", "Tony Blair met Sadly in London.", ("Tony Blair", "PER", "P1"), ("London", "LOC", "L1"))
    two = _doc("t/2", "Blair spoke.", ("Blair", "PER", "P1"))
    three = _doc("t/3", "Baker spoke.", ("Baker", "PER", "P2"))
    blair = _entity(1, "Tony Blair", "PER", (one, "Tony Blair"), (two, "Blair"), (three, "Baker"))
    scores = score_actors([one, two, three], {"t": [blair, _entity(2, "Sadly", "PER", (one, "Sadly")),
                                                    _entity(3, "London", "ORG", (one, "London"))]})
    assert scores["actors"] == 3 and scores["judged_actors"] == 3
    assert scores["junk_share"] == pytest.approx(1 / 3, abs=1e-4)  # "Sadly"
    assert scores["mention_precision"] == pytest.approx(4 / 5, abs=1e-4)
    assert scores["type_accuracy"] == pytest.approx(3 / 4, abs=1e-4)  # London typed ORG
    assert scores["mistyped_share"] == pytest.approx(1 / 2, abs=1e-4)
    assert scores["name_recall"] == 1.0
    # spellings in the Blair actor: (P1, tony blair), (P1, blair), (P2, baker): one right pair of three
    assert scores["merged_spelling_pairs"] == 3 and scores["false_merge_pairs"] == 2
    assert scores["merge_precision"] == pytest.approx(1 / 3, abs=1e-4) and scores["merge_recall"] == 1.0
    assert any("Sadly" in j for j in scores["junk"])


def test_gold_entities_written_alike_count_as_one() -> None:
    one = _doc("t/1", "France said.", ("France", "LOC", "F1"))
    two = _doc("t/2", "France agreed, said France.", ("France", "LOC", "F2"))
    france = _entity(1, "France", "LOC", (one, "France"), (two, "France"))
    scores = score_actors([one, two], {"t": [france]})
    assert scores["false_merge_pairs"] == 0


def test_an_acronym_of_another_gold_spelling_is_the_same_entity() -> None:
    one = _doc("t/1", "The United States said.", ("United States", "LOC", "U1"))
    two = _doc("t/2", "The US agreed.", ("US", "ORG", "U2"))
    three = _doc("t/3", "The UN agreed.", ("UN", "ORG", "N1"))
    joined = _entity(1, "United States", "LOC", (one, "United States"), (two, "US"))
    assert score_actors([one, two], {"t": [joined]})["false_merge_pairs"] == 0
    wrong = _entity(1, "United States", "LOC", (one, "United States"), (three, "UN"))
    assert score_actors([one, three], {"t": [wrong]})["false_merge_pairs"] == 1  # "UN" is no "United States"


def test_unjudged_sentences_are_not_scored() -> None:
    doc = _doc("t/1", "Sadly it rained.\nTony Blair spoke.", ("Tony Blair", "PER", "P1"))
    doc.sentences = {"0": (0, 16), "1": (17, 34)}
    scores = score_actors([doc], {"t": [_entity(1, "Sadly", "PER", (doc, "Sadly"))]}, {"t/1": {"1"}})
    assert scores["judged_actors"] == 0 and scores["junk_share"] == 0.0


def test_meantime_has_no_splits() -> None:
    from newsdossier.eval.actors import _split

    with pytest.raises(ConfigError, match="MEANTIME has no splits"):
        _split([], "meantime", "dev")


@pytest.mark.shared
def test_meantime_audit_floors(datasets_dir: Path) -> None:
    """Floors a little under the numbers measured on 2026-12-03 with NER 0.2.0 and the pile's known
    names (docs/benchmarks.md, "Actor audit": precision 0.979, merge precision 1.0, junk 0.038, name
    recall 0.891, type accuracy 0.926)."""
    from newsdossier.eval.actors import evaluate_actors
    from newsdossier.nlp import load_pipeline

    scores = evaluate_actors(datasets_dir / "meantime_en", load_pipeline("bundled"))
    assert scores["mention_precision"] >= 0.965
    assert scores["merge_precision"] >= 0.98
    assert scores["junk_share"] <= 0.05
    assert scores["name_recall"] >= 0.87
    assert scores["type_accuracy"] >= 0.91
