"""The dictionary's two shortcuts (issue #23, events stage speed) read what the plain matcher read.

``Lexicon.candidates`` gives a block's patterns whose plain words are near, longest first; the matcher takes the
first that fits, which must be the pattern the full scan (every pattern, the longest first in the block's order)
took. ``_may_give_event`` spares the patterns of a verb that can type no event; with it switched off, no verb of
these sentences may type an event it did not.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from newsdossier.events import extract
from newsdossier.events.extract import find_event_mentions
from newsdossier.events.lexicon import Pattern, lexicon


def _full_scan(patterns: tuple[Pattern, ...], near: set[str]) -> list[Pattern]:
    """Every pattern whose plain words are in ``near``, longest first, the block's order among equals."""
    kept = [(-(len(p.before) + len(p.after)), i, p) for i, p in enumerate(patterns) if p.needs <= near]
    return [p for *_, p in sorted(kept, key=lambda x: x[:2])]


def test_candidates_are_the_full_scans_patterns_in_its_order() -> None:
    lex = lexicon()
    rng = random.Random(23)
    vocabulary = sorted({w for ps in lex.patterns.values() for p in ps for w in p.needs})
    checked = 0
    for block, patterns in sorted(lex.patterns.items()):
        block_words = sorted({w for p in patterns for w in p.needs})
        for _ in range(20):
            near = set(rng.sample(block_words, min(len(block_words), rng.randint(1, 6))))
            near |= set(rng.sample(vocabulary, 5))
            assert lex.candidates(block, near) == _full_scan(patterns, near), block
            checked += 1
    assert checked > 1000
    assert lex.candidates("no such block", {"said"}) == []


# Sentences whose verbs the dictionary knows, in many senses: said, told, added, made, took, gave, called ...
_SENTENCES = (
    "The minister said on Tuesday that the army would withdraw from the town.",
    "Police arrested three men after protesters attacked the embassy in Nairobi.",
    "She told reporters the talks had failed and added that sanctions would follow.",
    "The company made an offer to buy its rival and gave no details of the price.",
    "Rebels took control of the airport, while the UN called for a ceasefire.",
    "He warned officials to boost security before the vote.",
    "The prisoner was put to death in Texas on Thursday.",
    "Troops opened fire on the crowd and wounded dozens.",
    "The president met his Russian counterpart and signed an agreement on trade.",
    "They accused the government of lying and demanded an inquiry.",
    "The court sentenced him to ten years for fraud.",
    "Israel struck targets in Gaza after rockets were fired at Ashkelon.",
    "The two leaders agreed to resume negotiations next month.",
    "Thieves stole 40 rifles from the barracks, officials said.",
    "The board approved the plan and the union ended its strike.",
)
# The object's head is eleven words past the verb, out of a pattern's reach.
_FAR_OBJECT = "The queen made a short, private, informal and entirely unannounced weekend visit to the troops."


def _typed(nlp: Any, monkeypatch: pytest.MonkeyPatch, shortcut: bool) -> list[tuple[str, str, str, str]]:
    if not shortcut:
        monkeypatch.setattr(extract, "_may_give_event", lambda *args: True)
    found = []
    for n, sentence in enumerate((*_SENTENCES, _FAR_OBJECT)):
        doc = nlp(sentence)
        found += [(str(n), m.trigger.text, m.type, m.code) for m in find_event_mentions(f"a{n}", doc, sentence)]
    monkeypatch.undo()
    return found


def test_the_shortcut_drops_no_event(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    with_shortcut = _typed(nlp, monkeypatch, True)
    without = _typed(nlp, monkeypatch, False)
    assert with_shortcut == without
    assert {m[2] for m in with_shortcut} >= {"ASSAULT", "AGREE", "CONSULT", "SANCTION", "DEMAND", "CRIME"}
    # the far object's visit: CAMEO 042 since a trip or visit made is read as one (the dictionary's pattern gave 036,
    # intent to meet, an agreement)
    assert ("15", "made", "CONSULT", "042") in with_shortcut


def test_the_shortcut_passes_a_verb_whose_pattern_alone_types_an_event(nlp: Any) -> None:
    # "said" types nothing by itself (a statement), but its block's pattern "[said] sanctions" is a sanction
    say = lexicon().verbs["say"]
    doc = nlp("The minister said sanctions would follow.")
    assert extract._may_give_event(doc, next(t for t in doc if t.lower_ == "said"), say, len(doc))
    doc = nlp("The minister said the weather was fine.")
    assert not extract._may_give_event(doc, next(t for t in doc if t.lower_ == "said"), say, len(doc))
    # "made" types nothing by itself; "[made a] visit" does, the object's head however far past the verb
    make = lexicon().verbs["make"]
    doc = nlp(_FAR_OBJECT)
    verb = next(t for t in doc if t.lower_ == "made")
    assert any(c.dep_ == "obj" and c.lower_ == "visit" for c in verb.children)  # as the bundled parse reads it
    assert extract._may_give_event(doc, verb, make, len(doc))
