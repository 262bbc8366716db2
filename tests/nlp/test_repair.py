"""The parse repairs of the bundled pipeline (``newsdossier_repair``), on parses written here as the
parsers of 0.2 and of the 0.3 experiment gave them (docs/benchmarks.md, NLP pipeline), so that each
repair is tested whatever the shipped parser makes of the sentence."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.tokens import Doc

from newsdossier.nlp.language import repair_misread_verbs

VOCAB = spacy.blank("en").vocab


def _doc(rows: list[tuple[str, int, str, str, str, str]]) -> Any:
    """A parsed Doc from (word, head, dep, pos, tag, lemma) rows, one sentence."""
    words = [r[0] for r in rows]
    return Doc(VOCAB, words=words, spaces=[i + 1 < len(rows) and rows[i + 1][0] not in ".," for i in range(len(rows))],
               heads=[r[1] for r in rows], deps=[r[2] for r in rows], pos=[r[3] for r in rows],
               tags=[r[4] for r in rows], lemmas=[r[5] for r in rows],
               sent_starts=[True] + [False] * (len(rows) - 1))


def _arcs(doc: Any) -> list[tuple[str, str, str]]:
    return [(t.text, t.dep_, t.head.text) for t in doc]


def test_a_past_verb_read_as_its_objects_adjective_heads_the_clause() -> None:
    # "Hamas fighters fired rockets into Israel on Sunday." with "fired" an adjective of "rockets"
    doc = repair_misread_verbs(_doc([
        ("Hamas", 1, "compound", "PROPN", "NNP", "Hamas"), ("fighters", 1, "ROOT", "NOUN", "NNS", "fighter"),
        ("fired", 3, "amod", "VERB", "VBN", "fire"), ("rockets", 1, "obj", "NOUN", "NNS", "rocket"),
        ("into", 5, "case", "ADP", "IN", "into"), ("Israel", 1, "obl", "PROPN", "NNP", "Israel"),
        ("on", 7, "case", "ADP", "IN", "on"), ("Sunday", 1, "obl", "PROPN", "NNP", "Sunday"),
        (".", 1, "punct", "PUNCT", ".", ".")]))
    arcs = _arcs(doc)
    assert ("fired", "ROOT", "fired") in arcs and ("fighters", "nsubj", "fired") in arcs
    assert ("rockets", "obj", "fired") in arcs and ("Israel", "obl", "fired") in arcs
    # an adjective in its place stays one: "The retired general spoke."
    kept = repair_misread_verbs(_doc([
        ("The", 2, "det", "DET", "DT", "the"), ("retired", 2, "amod", "VERB", "VBN", "retire"),
        ("general", 3, "nsubj", "NOUN", "NN", "general"), ("spoke", 3, "ROOT", "VERB", "VBD", "speak"),
        (".", 3, "punct", "PUNCT", ".", ".")]))
    assert ("retired", "amod", "general") in _arcs(kept)


def test_a_finite_verb_read_as_a_clause_of_its_subject_heads_the_sentence() -> None:
    # "At least 10 people died in clashes." with "people" the root and "died" a clause describing them
    doc = repair_misread_verbs(_doc([
        ("At", 1, "case", "ADP", "IN", "at"), ("least", 2, "nmod", "ADJ", "JJS", "least"),
        ("10", 3, "nummod", "NUM", "CD", "10"), ("people", 3, "ROOT", "NOUN", "NNS", "people"),
        ("died", 3, "acl", "VERB", "VBD", "die"), ("in", 6, "case", "ADP", "IN", "in"),
        ("clashes", 4, "obl", "NOUN", "NNS", "clash"), (".", 3, "punct", "PUNCT", ".", ".")]))
    arcs = _arcs(doc)
    assert ("died", "ROOT", "died") in arcs and ("people", "nsubj", "died") in arcs and (".", "punct", "died") in arcs


def test_a_plural_read_as_a_verb_and_an_infinitive_read_as_a_subject() -> None:
    # "Soldiers fired at Hezbollah fighters": "fighters" a verb with a preposition
    doc = repair_misread_verbs(_doc([
        ("Soldiers", 1, "nsubj", "NOUN", "NNS", "soldier"), ("fired", 1, "ROOT", "VERB", "VBD", "fire"),
        ("at", 4, "case", "ADP", "IN", "at"), ("Hezbollah", 4, "compound", "PROPN", "NNP", "Hezbollah"),
        ("fighters", 1, "obl", "VERB", "VBZ", "fighters"), (".", 1, "punct", "PUNCT", ".", ".")]))
    assert (doc[4].tag_, doc[4].pos_) == ("NNS", "NOUN")
    # "it expects to obtain approval": "obtain" a clausal subject, "it" an expletive
    doc = repair_misread_verbs(_doc([
        ("it", 1, "expl", "PRON", "PRP", "it"), ("expects", 1, "ROOT", "VERB", "VBZ", "expect"),
        ("to", 3, "mark", "PART", "TO", "to"), ("obtain", 1, "csubj", "VERB", "VB", "obtain"),
        ("approval", 3, "obj", "NOUN", "NN", "approval")]))
    assert ("obtain", "xcomp", "expects") in _arcs(doc) and ("it", "nsubj", "expects") in _arcs(doc)
    # but "it is hard to say" keeps its clausal subject
    kept = repair_misread_verbs(_doc([
        ("it", 2, "expl", "PRON", "PRP", "it"), ("is", 2, "cop", "AUX", "VBZ", "be"),
        ("hard", 2, "ROOT", "ADJ", "JJ", "hard"), ("to", 4, "mark", "PART", "TO", "to"),
        ("say", 2, "csubj", "VERB", "VB", "say")]))
    assert ("say", "csubj", "hard") in _arcs(kept)


def test_dates_on_an_object_go_to_the_verb_and_irregular_verbs_get_their_lemma() -> None:
    # "agreed to acquire the company in January": the date hung on "company"
    doc = repair_misread_verbs(_doc([
        ("acquire", 0, "ROOT", "VERB", "VB", "acquire"), ("the", 2, "det", "DET", "DT", "the"),
        ("company", 0, "obj", "NOUN", "NN", "company"), ("in", 4, "case", "ADP", "IN", "in"),
        ("January", 2, "nmod", "PROPN", "NNP", "January")]))
    assert ("January", "obl", "acquire") in _arcs(doc)
    # "the company in Peoria" stays the company's
    kept = repair_misread_verbs(_doc([
        ("acquire", 0, "ROOT", "VERB", "VB", "acquire"), ("the", 2, "det", "DET", "DT", "the"),
        ("company", 0, "obj", "NOUN", "NN", "company"), ("in", 4, "case", "ADP", "IN", "in"),
        ("Peoria", 2, "nmod", "PROPN", "NNP", "Peoria")]))
    assert ("Peoria", "nmod", "company") in _arcs(kept)
    # "The minister left for Moscow" with the lemma "left"
    left = repair_misread_verbs(_doc([
        ("The", 1, "det", "DET", "DT", "the"), ("minister", 2, "nsubj", "NOUN", "NN", "minister"),
        ("left", 2, "ROOT", "VERB", "VBD", "left"), ("for", 4, "case", "ADP", "IN", "for"),
        ("Moscow", 2, "obl", "PROPN", "NNP", "Moscow")]))
    assert left[2].lemma_ == "leave"


def test_a_second_verb_after_and_read_as_an_adjective() -> None:
    # "The bomb killed 12 people and injured dozens."
    doc = repair_misread_verbs(_doc([
        ("The", 1, "det", "DET", "DT", "the"), ("bomb", 2, "nsubj", "NOUN", "NN", "bomb"),
        ("killed", 2, "ROOT", "VERB", "VBD", "kill"), ("12", 4, "nummod", "NUM", "CD", "12"),
        ("people", 2, "obj", "NOUN", "NNS", "people"), ("and", 7, "cc", "CCONJ", "CC", "and"),
        ("injured", 7, "amod", "ADJ", "JJ", "injured"), ("dozens", 4, "conj", "NOUN", "NNS", "dozen"),
        (".", 2, "punct", "PUNCT", ".", ".")]))
    arcs = _arcs(doc)
    assert ("injured", "conj", "killed") in arcs and ("dozens", "obj", "injured") in arcs
    assert doc[6].lemma_ == "injure" and doc[6].pos_ == "VERB"


def test_no_repair_makes_a_word_its_own_ancestor() -> None:
    # "Mr Blair's latest bout of flagellation came with a series ...", parsed with "came" a clause of the sentence
    # whose "bout" hangs on "came": making "came" describe "flagellation" would close a cycle (BBC politics 353)
    rows = [("bout", 3, "advmod", "NOUN", "NN", "bout"), ("of", 2, "case", "ADP", "IN", "of"),
            ("flagellation", 0, "nmod", "NOUN", "NN", "flagellation"), ("came", 5, "advcl", "VERB", "VBD", "come"),
            ("with", 5, "case", "ADP", "IN", "with"), ("sessions", 5, "ROOT", "NOUN", "NNS", "session")]
    doc = repair_misread_verbs(_doc(rows))
    assert [t.head.i for t in doc] == [3, 2, 0, 5, 5, 5]  # unchanged: "came" stays where the parser put it
    for token in doc:
        steps = 0
        while token.head.i != token.i and steps <= len(doc):
            token, steps = token.head, steps + 1
        assert steps <= len(doc)
