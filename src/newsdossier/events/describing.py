"""Words that look like event triggers but describe someone or something: "the detained journalist",
"a retired Indian diplomat", "the dead and injured", "a heart attack". The bundled parser (LAS 0.70)
often takes such a participle for a clause's verb, so each test reads the words around it as well as
the parse. Two tests read a participle the other way: as a reduced relative said of the noun before it
("Westlake, arrested in December 1993, sawed ...": passive) or as the sentence's own past tense the
tagger misread ("In July, the NAACP called for ...")."""

from __future__ import annotations

from typing import Any, Final

import simplemma

__all__ = ["describes_a_noun", "misread_past", "names_an_illness", "reduced_relative"]

_VERB_DEPENDENTS: Final = frozenset({"nsubj", "obj", "nsubj:pass", "obl:agent", "iobj"})
_NOUN_OPENERS: Final = frozenset({"DET", "ADJ", "ADP", "PRON", "NUM"})
_ARTICLES: Final = frozenset({"a", "an", "the", "this", "these", "those"})
# Words for people an event left dead or hurt: "the dead and injured" are people, not an injuring.
_CASUALTIES: Final = frozenset({"dead", "wounded", "injured", "missing"})
# Nouns that make an event noun an illness: "a heart attack", "a panic attack", "an asthma attack".
# Verbs of trade whose participle after a noun says which goods ("monkeys imported from the Philippines").
_TRADED: Final = frozenset({"import", "export", "ship", "sell", "buy", "produce", "manufacture", "smuggle"})
_BODILY: Final = frozenset({"heart", "panic", "asthma", "anxiety", "epileptic", "allergic"})


def describes_a_noun(token: Any, sentence: Any) -> bool:
    """Whether a verb-tagged word only says what someone or something is: a participle modifying the noun
    after it ("retired Army general", "the detained journalist"), one right after an article before a noun
    whatever the parse made of it ("appointed a retired Indian diplomat"), one after "the dead and"
    ("the dead and injured"), or one between commas that says what a noun is taken as ("MDR-TB, defined as
    resistance to ..."), or a participle of trade after its goods ("monkeys imported from the Philippines")."""
    if token.dep_ != "amod" and token.tag_ not in ("VBN", "VBD"):
        return False
    if token.i == sentence.start:
        return token.dep_ == "amod" and token.i < token.head.i and not any(
            c.dep_ in _VERB_DEPENDENTS for c in token.children)
    doc = token.doc
    before = doc[token.i - 1]
    if token.dep_ == "acl" and token.tag_ == "VBN" and simplemma.lemmatize(token.lower_, lang="en") in _TRADED \
            and not any(c.dep_.startswith("aux") for c in token.children):
        return True  # "monkeys imported from the Philippines", "cars sold in Europe": which goods, not a trade
    if token.tag_ == "VBN" and before.pos_ == "VERB" and token.i + 1 < sentence.end \
            and doc[token.i + 1].pos_ in ("ADJ", "NOUN") and not any(c.dep_.startswith("aux") for c in token.children):
        return True  # "for pumping banned extremist propaganda": what the propaganda is
    if before.text == "," and token.i + 1 < sentence.end and doc[token.i + 1].lower_ == "as":
        return True  # "tuberculosis, defined as resistance to ...", "the group, known as ...": what it is called
    if token.dep_ == "amod" and token.i < token.head.i and before.pos_ in _NOUN_OPENERS \
            and not any(c.dep_ in _VERB_DEPENDENTS for c in token.children):
        return True
    word = before.lower_
    if word in _ARTICLES:
        return token.tag_ in ("VBN", "VBD") and token.i + 2 < sentence.end \
            and doc[token.i + 1].pos_ in ("ADJ", "NOUN", "PROPN")
    return word in ("and", "or") and token.i > 1 and doc[token.i - 2].lower_ in _CASUALTIES


def names_an_illness(noun: Any) -> bool:
    """Whether an event noun names an illness ("a heart attack")."""
    return any(c.dep_ in ("compound", "amod") and c.lower_ in _BODILY for c in noun.lefts)


_FINITE: Final = frozenset({"VBD", "VBZ", "VBP", "MD"})


def reduced_relative(token: Any) -> bool:
    """Whether a participle right after a comma, with no auxiliary, follows its own subject ("Westlake,
    arrested in December 1993, sawed ..."): a reduced relative, passive whatever the parse made of it."""
    return token.tag_ == "VBN" and token.i > 0 and token.doc[token.i - 1].text == "," and not any(
        c.dep_.startswith("aux") or c.dep_ == "obj" for c in token.children) and any(
        c.dep_ == "nsubj" and c.i < token.i for c in token.children)


def appended_participle(token: Any) -> Any | None:
    """The noun a past form right after a comma describes, when it has no subject, object or auxiliary of its
    own ("aid worker Margaret Hassan, kidnapped in Iraq", "Al-Amin, ..., convicted in Georgia of murder"): a
    reduced relative, passive whatever the parse hung it on, done to that noun. None otherwise."""
    doc = token.doc
    if token.tag_ not in ("VBN", "VBD") or token.i < 2 or doc[token.i - 1].text != "," or token.dep_ in (
            "ROOT", "root") or any(c.dep_.startswith(("aux", "nsubj", "csubj", "expl")) or c.dep_ == "obj"
                                   for c in token.children):
        return None
    noun = doc[token.i - 2]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.like_num:
        return None
    while noun.dep_ in ("flat", "compound", "fixed") and noun.head.i < noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def passive_in_words(token: Any) -> bool:
    """Whether a form of "be" stands before a past form with only adverbs and commas between ("it was freely,
    cowardly attacked"), whatever the parse made of the adverbs."""
    doc = token.doc
    if token.tag_ not in ("VBN", "VBD") or any(c.dep_ == "obj" for c in token.children):
        return False
    i = token.i - 1
    while i > 0 and (doc[i].pos_ == "ADV" or doc[i].tag_ == "RB" or doc[i].text == ",") and token.i - i < 5:
        i -= 1
    return i < token.i - 1 and doc[i].lemma_.lower() == "be" and doc[i].lower_ != "being" and doc[i].pos_ in (
        "AUX", "VERB")


def misread_past(token: Any) -> bool:
    """Whether a participle is the sentence's own past tense the tagger misread, not a clause
    describing its noun: no finite verb or auxiliary stands anywhere in the sentence, and the
    participle is used actively (an object of its own, or "called for", "called on"), not as a
    headline's passive ("Two men arrested in Brussels"). A finite verb inside the participle's own clauses
    ("expressed gratitude for supporting talks that ended a conflict") does not count."""
    inside = {t.i for t in token.subtree}  # a finite verb of a clause the participle governs does not count
    if any(t.tag_ in _FINITE and t.i not in inside for t in token.sent):
        return False
    doc = token.doc
    return any(c.dep_ == "obj" or c.dep_ == "xcomp" and c.i == token.i + 1 for c in token.children) or (
        token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("for", "on", "upon"))
