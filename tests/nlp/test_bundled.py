"""The bundled pipeline as shipped: size, licence, and the names of the five demo articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdossier.clean import clean, prepare
from newsdossier.model import Format, RawDocument, SourceHints
from newsdossier.nlp import BUNDLED_PATH, load_pipeline

from .seed_entities import NOT_ENTITIES, SEED_ENTITIES

PILE = Path(__file__).resolve().parents[2] / "demo" / "pile"
MAX_MODEL_MIB = 40  # the size target for a pipeline that ships inside the package
SEED_RECALL_GOAL = 0.90  # the bar
# Measured 0.84 (84 of 100 names) with NER 0.1 and 0.83 with the shipped 0.2; the misses are
# militias and movements with Arabic names typed PER ("Kata’ib Hezbollah", "Hashed al-Shaabi"),
# see docs/benchmarks.md.
SEED_RECALL_FLOOR = 0.82


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline()


@pytest.fixture(scope="module")
def seed_docs(nlp):  # type: ignore[no-untyped-def]
    docs = {}
    for path in sorted(PILE.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        raw = RawDocument(path.name, None, Format.TEXT, "text/plain", text.encode(), "utf-8", text, SourceHints())
        docs[path.name[:3]] = nlp(clean(prepare(raw)).text)
    return docs


def test_model_is_small_and_says_what_it_was_trained_on(nlp) -> None:  # type: ignore[no-untyped-def]
    size = sum(p.stat().st_size for p in BUNDLED_PATH.rglob("*") if p.is_file())
    assert size <= MAX_MODEL_MIB * 2**20
    assert nlp.meta["license"] == "CC BY-SA 4.0"
    assert {s["name"] for s in nlp.meta["sources"]} == {
        "UD English-EWT (train, dev and test)", "CoNLL-2003 English NER annotations",
        "all-MiniLM-L6-v2 (teacher only; its weights are not in this pipeline)"}
    assert nlp.meta["version"] == "0.3.0"
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC", "MISC"}


def _found(doc, surface: str, label: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether some occurrence of ``surface`` is tagged ``label`` as a whole (a leading "the" aside)."""
    for ent in doc.ents:
        text = ent.text.removeprefix("the ").removeprefix("The ")
        if ent.label_ == label and (text == surface or text == surface.removeprefix("The ")):
            return True
    return False


@pytest.fixture(scope="module")
def seed_recall(seed_docs) -> tuple[float, list[tuple[str, str, str]]]:  # type: ignore[no-untyped-def]
    missed = [(key, surface, label) for key, names in SEED_ENTITIES.items() for surface, label in names
              if not _found(seed_docs[key], surface, label)]
    total = sum(len(names) for names in SEED_ENTITIES.values())
    assert total >= 90
    return 1 - len(missed) / total, missed


def test_seed_pile_names_floor(seed_recall) -> None:  # type: ignore[no-untyped-def]
    recall, missed = seed_recall
    assert recall >= SEED_RECALL_FLOOR, f"found {recall:.2%} of the seed names; missed {missed}"


@pytest.mark.xfail(strict=True, reason="the bundled NER types Arabic-named militias as people (83% found, goal 90%)")
def test_seed_pile_people_organisations_and_places(seed_recall) -> None:  # type: ignore[no-untyped-def]
    recall, missed = seed_recall
    assert recall >= SEED_RECALL_GOAL, f"found {recall:.2%} of the seed names; missed {missed}"


def test_seed_pile_furniture_and_dates_are_not_names(seed_docs) -> None:  # type: ignore[no-untyped-def]
    wrong = [(key, ent.text, ent.label_) for key, strings in NOT_ENTITIES.items() for ent in seed_docs[key].ents
             if ent.label_ in ("PER", "ORG", "LOC") and any(s in ent.text for s in strings)]
    assert wrong == []


def test_photo_credits_of_the_raw_pile_never_become_entities(seed_docs) -> None:  # type: ignore[no-untyped-def]
    """The raw files carry credits ("(HAIDAR HAMDANI/AFP via Getty Images)", "(Photo: Reuters)"); the
    cleaner moves them to captions, so the analysed text has no entity made of a credit."""
    credits = {"003": ["HAIDAR HAMDANI", "Getty Images"], "004": ["Photo: Reuters", "Photo: MCT", "Photo: AP",
                                                                  "Photo: Courtesy"]}
    raw = {key: next(PILE.glob(f"{key}_*.txt")).read_text(encoding="utf-8") for key in credits}
    assert all(c in raw[key] for key, cs in credits.items() for c in cs)  # the credits are there before cleaning
    for key, strings in credits.items():
        doc = seed_docs[key]
        assert not any(c in doc.text for c in strings)
        assert not any(ent.text in ("HAIDAR HAMDANI", "Getty Images", "MCT", "Courtesy") for ent in doc.ents)


def test_a_typographic_apostrophe_is_read_as_a_straight_one(nlp) -> None:  # type: ignore[no-untyped-def]
    # the seed pile writes "Kata’ib" (U+2019); the treebank the parser learnt from writes "'", and the unseen
    # shape made the name a verb and broke the clause, losing the Sunday strike's date
    curly = nlp("The US had attacked Kata\u2019ib Hezbollah bases on Sunday, killing 25 of its fighters.")
    straight = nlp("The US had attacked Kata'ib Hezbollah bases on Sunday, killing 25 of its fighters.")
    assert curly[4].text == "Kata\u2019ib" and curly.text.count("\u2019") == 1  # the text is as written
    assert curly[4].shape_ == straight[4].shape_ and curly[4].suffix_ == straight[4].suffix_
    assert [(t.tag_, t.dep_, t.head.i) for t in curly] == [(t.tag_, t.dep_, t.head.i) for t in straight]
    assert curly[4].pos_ == "PROPN" and curly[8].dep_ == "obl" and curly[8].head.text == "attacked"
