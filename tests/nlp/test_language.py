"""The bundled pipeline's news tokenizer and sentence rules, on a blank English pipeline."""

from __future__ import annotations

import pytest
import spacy

from newsdossier.nlp.language import SENTENCES_COMPONENT, news_tokenizer


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    blank = spacy.blank("en")
    blank.tokenizer = news_tokenizer(blank)
    blank.add_pipe(SENTENCES_COMPONENT)
    return blank


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Mustafa al-Kadhemi", ["Mustafa", "al-Kadhemi"]),
        ("Abu Mahdi al-Muhandis’s convoy", ["Abu", "Mahdi", "al-Muhandis", "’s", "convoy"]),
        ("a well-known man — again", ["a", "well-known", "man", "—", "again"]),
        ("Iran–Iraq war", ["Iran", "–", "Iraq", "war"]),
        ("Gen. Soleimani in the U.S. on Jan. 3", ["Gen.", "Soleimani", "in", "the", "U.S.", "on", "Jan.", "3"]),
    ],
)
def test_news_tokenizer(nlp, text: str, tokens: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [t.text for t in nlp(text)] == tokens


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Gen. Soleimani met U.S. officials on Jan. 3. He left.",
         ["Gen. Soleimani met U.S. officials on Jan. 3.", "He left."]),
        ("“We will respond,” he said. “Soon.” Then silence.",
         ["“We will respond,” he said.", "“Soon.”", "Then silence."]),
        ('He said: "No." The end.', ['He said: "No."', "The end."]),
        ('"Go!" he shouted. (They went.) Next.', ['"Go!" he shouted.', "(They went.)", "Next."]),
        ("BAGHDAD (AFP) — Rockets hit the airport. 2020 began badly.",
         ["BAGHDAD (AFP) — Rockets hit the airport.", "2020 began badly."]),
        ("A headline without a stop\nThe body starts here.", ["A headline without a stop", "The body starts here."]),
        ("First paragraph ends.\n\nsecond starts lower-case", ["First paragraph ends.", "second starts lower-case"]),
        ("It cost 3.5 billion, e.g. a lot. ok", ["It cost 3.5 billion, e.g. a lot. ok"]),
        ("What? Why not?! Fine…  Done", ["What?", "Why not?!", "Fine…", "Done"]),
    ],
)
def test_sentence_rules(nlp, text: str, sentences: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.text.strip() for s in nlp(text).sents] == sentences
