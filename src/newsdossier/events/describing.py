"""Words that look like event triggers but describe someone or something: "the detained journalist",
"a retired Indian diplomat", "the dead and injured", "a heart attack". The bundled parser (LAS 0.70)
often takes such a participle for a clause's verb, so each test reads the words around it as well as
the parse."""

from __future__ import annotations

from typing import Any, Final

import simplemma

__all__ = ["describes_a_noun", "names_an_illness"]

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
