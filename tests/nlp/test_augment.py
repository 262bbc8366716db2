"""Mention swapping keeps every example well-formed and its names in their case."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example

from newsdossier.nlp.augment import mention_pool, swap_mentions

POOL = {"PER": [["Peter", "Blackburn"], ["Nick", "Faldo"], ["Wasim", "Akram"], ["AKRAM"]],
        "LOC": [["Brussels"], ["BAGHDAD"], ["Sri", "Lanka"]], "ORG": [["EU"]]}


def _example(nlp, words: list[str], ents: list[str]):  # type: ignore[no-untyped-def]
    reference = Doc(nlp.vocab, words=words, ents=ents)
    return Example(Doc(nlp.vocab, words=words), reference)


def test_pool_collects_distinct_mentions_by_label() -> None:
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Peter", "Blackburn", "met", "Peter", "Blackburn", "in", "Brussels"],
              ents=["B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-LOC"])
    assert mention_pool([doc]) == {"LOC": [["Brussels"]], "PER": [["Peter", "Blackburn"]]}


@pytest.mark.parametrize("seed", range(20))
def test_swapped_examples_stay_aligned(seed: int) -> None:
    nlp = spacy.blank("en")
    words = ["Wasim", "Akram", "flew", "from", "Brussels", "to", "Colombo", "for", "the", "EU", "."]
    ents = ["B-PER", "I-PER", "O", "O", "B-LOC", "O", "B-LOC", "O", "O", "B-ORG", "O"]
    new = swap_mentions(_example(nlp, words, ents), POOL, random.Random(seed))
    reference = new.reference
    assert [t.text for t in new.predicted] == [t.text for t in reference]
    labels = [e.label_ for e in reference.ents]
    assert labels == ["PER", "LOC", "LOC", "ORG"]  # types and order survive
    non_entity = [t.text for t in reference if t.ent_iob_ == "O"]
    assert non_entity == ["flew", "from", "to", "for", "the", "."]  # the context is untouched
    person = reference.ents[0]
    assert len(person) == 2 and not person.text.isupper()  # a mixed-case name gets a mixed-case, two-word name


def test_some_mentions_are_swapped_and_people_are_recombined() -> None:
    nlp = spacy.blank("en")
    words = ["Wasim", "Akram", "left", "Brussels", "."]
    ents = ["B-PER", "I-PER", "O", "B-LOC", "O"]
    rng = random.Random(0)
    seen = {swap_mentions(_example(nlp, words, ents), POOL, rng).reference.ents[0].text for _ in range(200)}
    assert "Wasim Akram" in seen and len(seen) > 3
    firsts = {name.split()[0] for name in seen}
    lasts = {name.split()[-1] for name in seen}
    assert any(f"{f} {last}" not in {" ".join(m) for m in POOL["PER"]} for f in firsts for last in lasts)


def test_an_all_capitals_headline_gets_all_capitals_names() -> None:
    nlp = spacy.blank("en")
    words = ["RAIN", "STOPS", "PLAY", "IN", "COLOMBO"]
    ents = ["O", "O", "O", "O", "B-LOC"]
    rng = random.Random(3)
    places = {swap_mentions(_example(nlp, words, ents), POOL, rng).reference.ents[0].text for _ in range(50)}
    assert places <= {"COLOMBO", "BAGHDAD", "BRUSSELS", "SRI LANKA"} and len(places) > 1
