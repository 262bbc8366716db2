"""Quote sources where the tagger's parts of speech are wrong (parses written here as the parser of the 0.3
experiment gave them; docs/benchmarks.md, NLP pipeline)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsdossier.quotes.sources import nominal, np_right

VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], tags: list[str], pos: list[str], deps: list[str], heads: list[int]) -> Doc:
    return Doc(VOCAB, words=words, tags=tags, pos=pos, deps=deps, heads=heads)


def test_a_participle_between_article_and_noun_is_part_of_the_source() -> None:
    # '... ," said a masked, gun-toting fighter in one of several videos'
    words = ["said", "a", "masked", ",", "gun-toting", "fighter", "in", "one", "of", "several", "videos"]
    doc = _doc(words, ["VBD", "DT", "VBN", ",", "NN", "NN", "IN", "CD", "IN", "JJ", "NNS"],
               ["VERB", "DET", "VERB", "PUNCT", "NOUN", "NOUN", "ADP", "NUM", "ADP", "ADJ", "NOUN"],
               ["ROOT", "det", "amod", "punct", "compound", "obj", "case", "nmod", "case", "amod", "nmod"],
               [0, 5, 5, 2, 5, 0, 7, 5, 10, 10, 7])
    assert np_right(doc, 1, len(doc)) == (1, 11)


def test_a_subject_the_tagger_took_for_a_verb_is_still_a_name() -> None:
    # "Trump recently tweeted ...", "Trump" tagged as the verb "trump"
    doc = _doc(["Trump", "recently", "tweeted"], ["VB", "RB", "VBD"], ["VERB", "ADV", "VERB"],
               ["nsubj", "advmod", "ROOT"], [2, 2, 2])
    assert nominal(doc, 0, 1)
