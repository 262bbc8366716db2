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

__all__ = ["Tense", "past_governs", "tense_around"]


class Tense(StrEnum):
    PAST = "past"
    FUTURE = "future"
    PRESENT = "present"


# Future: modals and the periphrases news uses for scheduled events.
_FUTURE: Final = (r"will|'ll|shall|won't|wo n't|going to|plans? to|is to|are to|due to|"
                  r"(?:is|are|was|were) (?:set|scheduled|expected|slated|poised|likely) to|"
                  r"(?:is|are) (?:planning|preparing|going|about|hoping) to|scheduled for|"
                  r"scheduled|expected to|set for|next(?! to\b| door\b)|upcoming|coming|from now|as soon as|"
                  r"intends? to|aims? to|expects? to|would|hopes? to|effective|to begin|to start|to take place|"
                  r"to be held|to be|to open|to close|to end|to meet|to visit|to vote|to hold|"
                  # what is agreed, decided or planned is still to be done ("agreed to acquire the company in
                  # January", "decided to admit Poland in early March", "was planned for early March")
                  r"(?:(?:planned|planning|agreed|decided|supposed|set|voted|promised|pledged|vowed)|"
                  r"(?:agreement|plan|bid|decision)) to(?= (?!the |a |an |its |their |his |her |this |that )"
                  r"[a-z]+ )|(?:planned|scheduled|set) for|payable")
# Past: past-tense auxiliaries and reporting verbs, and regular past forms.
_PAST: Final = (r"was|were|had|did|didn't|said|told|took|came|went|made|met|began|fell|rose|left|won|lost|"
                r"saw|gave|got|held|hit|led|sent|spent|paid|ran|set up|shot|fled|fought|brought|bought|thought|"
                r"sought|caught|taught|found|became|broke|chose|drove|ate|flew|forgot|froze|grew|knew|rode|"
                r"sold|spoke|stole|struck|swore|threw|understood|woke|wore|wrote|built|felt|kept|meant|slept|"
                r"stood|won|ago|earlier|previously|since|\w+ed")
_PRESENT: Final = r"is|are|says|say|has|have|am"
# A plan overtaken ("had been due to expire Friday", "had been scheduled to decide by Wednesday", "had been due to take
# his doctorate in March"), or one that was in hand when told ("were hoping to see her before Monday's caucuses", "were
# hoping to benefit ... with the Super Bowl late Sunday"): its day may have gone by or still be ahead, so it points
# neither way (the nearest wins).
_OVERTAKEN: Final = (r"had been (?:due|scheduled|set|expected|slated|supposed|planned) (?:to|for)|"
                     r"(?:was|were) (?:planning|preparing|going|about|hoping) to")
_SIGNALS: Final = re.compile(rf"\b(?:(?P<overtaken>{_OVERTAKEN})|(?P<future>{_FUTURE})|(?P<past>{_PAST})|"
                             rf"(?P<present>{_PRESENT}))\b", re.IGNORECASE)
# Adjectives and participles in -ed that do not make a sentence past ("expected to", "scheduled").
_NOT_PAST: Final = frozenset({"need", "based", "called", "named", "united", "armed", "red", "bed", "speed",
                              "indeed", "hundred", "advanced", "related", "proposed", "planned",
                              "expected", "scheduled", "alleged", "embed", "feed", "seed"})


# A past verb of planning or agreeing: a future for what follows its "to", but the past for a time before it.
_DONE_PLANNING: Final = re.compile(r"(?:planned|agreed|decided|voted|promised|pledged|vowed) to\b", re.IGNORECASE)


# A time a deadline was moved to or granted until is still to come when the moving is reported ("extended its
# deadline until 9 a.m. Tuesday", "gave Merieux until mid-November", "adjourned the trial until Monday").
_DEADLINE_MOVED: Final = re.compile(
    r"\b(?:extended|postponed|delayed|adjourned|deferred|put off|pushed back|gave|given|granted|allowed|suspended|"
    r"recessed|prolonged)\b[^.;:!?]{0,60}?\b(?:until|till|through)\s+(?:the\s+)?$", re.IGNORECASE)


def tense_around(sentence: str, start: int, end: int) -> Tense | None:
    """The tense of the verbs nearest the expression at ``start``:``end`` of ``sentence``:
    the last signal before it, else the first after it; None when there is none."""
    before = [m for m in _SIGNALS.finditer(sentence, 0, start) if _counts(m)]
    if before:
        if before[-1].lastgroup == "past" and _DEADLINE_MOVED.search(sentence, max(0, start - 90), start):
            return Tense.FUTURE
        return _tense(before[-1])
    after = next((m for m in _SIGNALS.finditer(sentence, end) if _counts(m)), None)
    if after is not None and _DONE_PLANNING.match(after[0]):
        return Tense.PAST  # "On Friday, the Kenyan government planned to pay ...": the day of the planning, a past verb
    return _tense(after) if after is not None else None


def _counts(match: re.Match[str]) -> bool:
    word = match.group().lower()
    if match.lastgroup != "past":
        return True
    # "to be published", "will be held": a participle after "be" is not a past tense.
    after_be = match.string[max(0, match.start() - 3):match.start()].lower() == "be "
    # "the revised plan", "on a still unspecified date" (an article, or one and an adverb, before it): an adjective
    words = _WORD.findall(match.string[max(0, match.start() - 24):match.start()])
    before = [w.lower() for w in words]
    after_determiner = word.endswith("ed") and bool(before) and (before[-1] in _ARTICLES or len(before) > 1 and (
        before[-2] in _ARTICLES and (before[-1].endswith("ly") or before[-1] in ("still", "yet", "as"))))
    # "Sen. Ted Cruz", "Mohamed": a capitalised word in -ed after another word is a name, not a past verb
    name = word.endswith("ed") and match.group()[0].isupper() and bool(words)
    # "a group called Hamas" is no verb, "Trump called Ford's plans ..." and "she named him" are
    said_of = word in _NAMING and bool(words) and (before[-1] in _SUBJECT_PRONOUNS or words[-1][0].isupper())
    return ((word not in _NOT_PAST or said_of) and not word.endswith("ceed") and not after_be and not after_determiner
            and not name)


_NAMING: Final = frozenset({"called", "named"})
_SUBJECT_PRONOUNS: Final = frozenset({"he", "she", "they", "we", "i", "it", "you"})


_ARTICLES: Final = frozenset({"a", "an", "the", "its", "their", "his", "her"})


def _tense(match: re.Match[str]) -> Tense | None:
    return None if match.lastgroup == "overtaken" else Tense(match.lastgroup or "present")


# Words that open a new clause or a verb of its own between a verb and a date, so that the verb
# need not govern the date ("ruled Wednesday that he must be returned by Jan. 14").
_CLAUSE_BREAKS: Final = frozenset({
    "that", "which", "who", "whom", "whose", "when", "while", "whereas", "because", "since", "if", "unless",
    "until", "till", "before", "after", "and", "but", "or", "so", "as", "by", "than", "where",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "is", "are", "be", "being"})
_DETERMINERS: Final = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "next",
                                 "last", "each", "every"})
_WORD: Final = re.compile(r"[\w'’-]+|[^\w\s]")
# How many words a past verb may stand before the date it governs.
_GOVERNING_REACH: Final = 10


def past_governs(sentence: str, start: int) -> bool:
    """Whether the verb nearest before ``start`` is a past tense that governs the expression
    there: the same clause, no other verb, modal or punctuation between, within a few words
    ("took place on the night of 2 to 3 January", "rear-ended a truck ... on June 8"). A date
    such a verb governs lies before the text was written, however close ahead of it it falls."""
    before = [m for m in _SIGNALS.finditer(sentence, 0, start) if _counts(m)]
    if any(m.lastgroup == "future" for m in before):
        return False  # "said it will redeem ... preferred shares on Oct. 31"
    if not before or before[-1].lastgroup != "past" or before[-1].group().lower() in ("ago", "earlier",
                                                                                        "previously", "since"):
        return False
    words = _WORD.findall(sentence[before[-1].end():start])
    if len(words) > _GOVERNING_REACH:
        return False
    if words and words[-1].lower() in _DETERMINERS:
        return False  # "gave no reason for the Jan. 14 deadline": the date names the noun's time
    for index, word in enumerate(words):
        lower = word.lower()
        if not (word[0].isalnum() or word in "'’-"):
            return False  # a comma, a quote mark, a dash: another clause
        if lower in _CLAUSE_BREAKS:
            return False
        if lower == "to" and (words[index + 1][0].isalpha() if index + 1 < len(words)
                              else index == 0 or not words[index - 1][0].isdigit()):
            return False  # an infinitive ("agreed to buy ... in February"), a place or a time reached
            # ("extended to Nov. 20"); not a range's first day ("the night of 2 to 3 January")
    return True

