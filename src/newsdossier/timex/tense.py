"""Which way a bare "Sunday" or "in June" points: the tense of the words around it.

News mentions a weekday or a month without a year all the time; whether it is the last one
or the next one is told by the verb that governs it ("attacked ... on Sunday" is past, "will
begin on April 7" is future). Like HeidelTime, this looks at the verbs of the expression's
sentence, closest before it first, then after it; unlike HeidelTime it reads word forms, not
part-of-speech tags, so it runs on any text at regex speed.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Final

__all__ = ["Tense", "tense_around"]


class Tense(StrEnum):
    PAST = "past"
    FUTURE = "future"
    PRESENT = "present"


# Future: modals and the periphrases news uses for scheduled events.
_FUTURE: Final = (r"will|'ll|shall|won't|wo n't|going to|plans? to|is to|are to|due to|"
                  r"(?:is|are|was|were) (?:set|scheduled|expected|slated|poised|likely) to|scheduled for|"
                  r"scheduled|expected to|set for|next|upcoming|coming|from now|as soon as|"
                  r"intends? to|aims? to|expects? to|would|hopes? to|effective|to begin|to start|to take place|"
                  r"to be held|to open|to close|to end|to meet|to visit|to vote|to hold")
# Past: past-tense auxiliaries and reporting verbs, and regular past forms.
_PAST: Final = (r"was|were|had|did|didn't|said|told|took|came|went|made|met|began|fell|rose|left|won|lost|"
                r"saw|gave|got|held|hit|led|sent|spent|paid|ran|set up|shot|fled|fought|brought|bought|thought|"
                r"sought|caught|taught|found|became|broke|chose|drove|ate|flew|forgot|froze|grew|knew|rode|"
                r"sold|spoke|stole|struck|swore|threw|understood|woke|wore|wrote|built|felt|kept|meant|slept|"
                r"stood|won|ago|earlier|previously|since|\w+ed")
_PRESENT: Final = r"is|are|says|say|has|have|am"
_SIGNALS: Final = re.compile(rf"\b(?:(?P<future>{_FUTURE})|(?P<past>{_PAST})|(?P<present>{_PRESENT}))\b",
                             re.IGNORECASE)
# Adjectives and participles in -ed that do not make a sentence past ("expected to", "scheduled").
_NOT_PAST: Final = frozenset({"need", "based", "called", "named", "united", "armed", "red", "bed", "speed",
                              "indeed", "hundred", "advanced", "related", "proposed", "planned",
                              "expected", "scheduled", "reported", "alleged", "embed", "feed", "seed"})


def tense_around(sentence: str, start: int, end: int) -> Tense | None:
    """The tense of the verbs nearest the expression at ``start``:``end`` of ``sentence``:
    the last signal before it, else the first after it; None when there is none."""
    before = [m for m in _SIGNALS.finditer(sentence, 0, start) if _counts(m)]
    if before:
        return _tense(before[-1])
    after = next((m for m in _SIGNALS.finditer(sentence, end) if _counts(m)), None)
    return _tense(after) if after is not None else None


def _counts(match: re.Match[str]) -> bool:
    word = match.group().lower()
    if match.lastgroup != "past":
        return True
    # "to be published", "will be held": a participle after "be" is not a past tense.
    after_be = match.string[max(0, match.start() - 3):match.start()].lower() == "be "
    return word not in _NOT_PAST and not word.endswith("ceed") and not after_be


def _tense(match: re.Match[str]) -> Tense:
    return Tense(match.lastgroup or "present")
