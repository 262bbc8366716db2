"""Time expressions: found, normalised TimeML-style, and anchored to the right date.

``find_time_expressions(text, published)`` returns every date, time, duration, set and vague
reference in ``text`` with its character offsets and its TIMEX3 type and value. Relative
expressions ("on Sunday", "last week", "in June") are resolved against the publication date,
anaphoric ones ("two days later", "the next day") against the last date the text mentioned,
and a weekday or a month in a passage the text has moved to another date ("In January 2020
... on Sunday") against that date. When the publication date is an estimate (a range), every
reading it allows is resolved and the expression's ``first``/``last`` days cover them all.

The grammar is in :mod:`~newsdossier.timex.rules`, the anchoring decisions in
:mod:`~newsdossier.timex.resolve`, the tense reading in :mod:`~newsdossier.timex.tense`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from newsdossier.model import DateBasis, PublicationDate
from newsdossier.timex.calendar import Period
from newsdossier.timex.lexicon import without_lookalikes
from newsdossier.timex.model import Anchor, TimeExpression, TimexType
from newsdossier.timex.rules import RULES, Reading
from newsdossier.timex.tense import Tense, past_governs, tense_around

__all__ = ["Anchor", "TimeExpression", "TimexType", "find_time_expressions", "split_sentences"]

# A date the text states moves the narrative when it is this far from the publication date;
# nearer ones ("on 2 January" in a 3 January paper) leave weekdays anchored to publication.
NARRATIVE_MIN_DAYS: Final = 14
# "officials said Thursday": a weekday right after a verb of saying is the day of the report, whatever
# date the sentence before told of.
_SAID_BEFORE: Final = re.compile(
    r"\b(?:said|says|told|announced|reported|added|stated|confirmed|denied|declared|insisted|warned)"
    r"(?:\s+\w+ly)?\s+(?:on\s+)?$", re.IGNORECASE)
_DETERMINER_BEFORE: Final = re.compile(r"\b(?:a|an|the|its|his|her|their)\s+$", re.IGNORECASE)
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z])|\n+")
# Words a full stop follows without ending the sentence ("by Jan. 14", "Mo. on March 12").
_ABBREVIATION: Final = re.compile(
    r"(?:\b[A-Z]|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tues?|Wed|Thu|Thurs|Fri|Sat|Sun|Mr|Mrs|Ms|"
    r"Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Cmdr|Adm|Prof|Rev|Inc|Corp|Co|Ltd|Jr|Sr|No|Mo|Ala|Ariz|Ark|Calif|"
    r"Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Vt|"
    r"Wash|Wis|Wyo|U\.S|U\.N|vs|etc|approx|est))\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation and line breaks, for texts without an NLP analysis."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group().isspace() and "\n" not in match.group() and _ABBREVIATION.search(text, max(0, match.start() - 8), match.start()):
            continue
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    rule: int
    match: re.Match[str]


# How far a rule's match may reach either side of its trigger; longer than any expression, so a
# pattern run on the windows around the triggers finds exactly what it finds on the whole text
# (and it stops short of the window's end, where a lookahead would see the text end).
_REACH: Final = 100


def _windows(trigger: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for match in trigger.finditer(text):
        start, end = max(0, match.start() - _REACH), match.end() + _REACH
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _candidates(text: str) -> list[_Found]:
    # Each rule's pattern runs only around its trigger words: scanning every position of the text
    # with 36 patterns cost 2.8 ms an article (bench/timex_speed.py). Case-insensitive patterns run
    # case-sensitively on the lowercased text when lowercasing keeps every offset (it does for
    # all but a few non-ASCII letters).
    text = without_lookalikes(text)
    lower = text.lower()
    same_offsets = len(lower) == len(text)
    windows: dict[str, list[tuple[int, int]]] = {}
    found = []
    for index, rule in enumerate(RULES):
        fast = same_offsets and rule.lowered_trigger is not None
        trigger = rule.lowered_trigger if fast and rule.lowered_trigger else rule.trigger
        key = trigger.pattern
        if key not in windows:
            windows[key] = _windows(trigger, lower if fast else text)
        pattern, haystack = ((rule.lowered, lower) if same_offsets and rule.lowered is not None
                             else (rule.pattern, text))
        extent = "x" in pattern.groupindex
        for low, high in windows[key]:
            for match in pattern.finditer(haystack, low, high):
                start, end = match.span("x") if extent else match.span()
                if end > start:
                    found.append(_Found(start, end, index, match))
    # Longest first; among equals, the rule listed first.
    found.sort(key=lambda f: (f.start - f.end, f.rule, f.start))
    taken: list[_Found] = []
    for candidate in found:
        if all(candidate.end <= t.start or candidate.start >= t.end for t in taken):
            taken.append(candidate)
    return sorted(taken, key=lambda f: f.start)


class _Context:
    """The place a match is read in: the publication date, the narrative date, the sentences."""

    def __init__(self, text: str, now: date | None, sentences: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.now = now
        self.sentences = sentences
        self._starts = [s for s, _ in sentences]
        self.reference: Period | None = None
        self._reference_sentence = -2
        self._stated: tuple[Period, int] | None = None  # an absolute date and its sentence
        self._sentence = 0

    @property
    def near_reference(self) -> Period | None:
        return self.reference if self._sentence - self._reference_sentence <= 1 else None

    def at(self, position: int) -> None:
        self._sentence = max(0, bisect_right(self._starts, position) - 1)

    def tense(self, match: re.Match[str]) -> Tense | None:
        if not self.sentences:
            return tense_around(self.text, *match.span())
        start, end = self.sentences[self._sentence]
        return tense_around(self.text[start:end], match.start() - start, match.end() - start)

    def past_governs(self, match: re.Match[str]) -> bool:
        start = self.sentences[self._sentence][0] if self.sentences else 0
        return past_governs(self.text[start:match.start()], match.start() - start)

    def base(self, match: re.Match[str], *, narrative: bool = False, day: bool = False) -> tuple[date, Anchor] | None:
        if narrative and self._stated is not None and self._sentence - self._stated[1] <= 1:
            period = self._stated[0]
            if day and not self._day_of_story(period, match):
                pass
            elif self.now is None or abs((period.start - self.now).days) > NARRATIVE_MIN_DAYS:
                return period.start, Anchor.NARRATIVE
        return (self.now, Anchor.PUBLICATION) if self.now is not None else None

    def _day_of_story(self, period: Period, match: re.Match[str]) -> bool:
        """Whether a weekday may be read from ``period``, the date the narrative moved to: a day (not "in
        July 1997"), before publication (not a bond "due Oct. 15, 1999"), and the weekday not the day
        someone "said" something (the report's day)."""
        if period.unit != "day" or (self.now is not None and period.start >= self.now):
            return False
        return _SAID_BEFORE.search(self.text, max(0, match.start() - 40), match.start()) is None

    def moved(self, reading: Reading, start: int) -> None:
        period = reading.period
        if period is None or reading.type is TimexType.DURATION:
            return
        if period.unit == "quarter" and reading.anchor is Anchor.NARRATIVE:
            return  # "a year earlier" beside a quarter's results compares; it does not move the story
        self.reference = period
        self._reference_sentence = self._sentence
        # a date that names a thing ("an Aug. 8, 2015, affidavit", "the Jan. 6 riot") is no time the story moved to:
        # "In a statement Tuesday" after it is still the report's Tuesday
        naming = _DETERMINER_BEFORE.search(self.text, max(0, start - 8), start) is not None
        if reading.anchor in (Anchor.ABSOLUTE, Anchor.NARRATIVE) and period.unit in ("day", "month") and not naming:
            self._stated = (period, self._sentence)


def _bare_clock(match: re.Match[str]) -> bool:
    """A clock time with no day of its own ("about 9:42 p.m.", a live blog's "2:00 p.m."): it takes a day, the one just
    named or the publication's, but moves the story to none."""
    groups = match.re.groupindex
    return "hour" in groups and not any(match[name] for name in ("weekday", "weekday2", "deictic") if name in groups)


def _anchors(published: PublicationDate | date | None) -> list[date | None]:
    if isinstance(published, PublicationDate):
        if published.value is None:
            return [None]
        if published.basis is DateBasis.ESTIMATED and published.earliest and published.latest:
            return [published.value, published.earliest, published.latest]
        return [published.value]
    return [published]


def _read(found: Sequence[_Found], text: str, now: date | None,
          sentences: Sequence[tuple[int, int]]) -> list[Reading | None]:
    context = _Context(text, now, sentences)
    readings: list[Reading | None] = []
    for candidate in found:
        context.at(candidate.start)
        try:
            reading = RULES[candidate.rule].read(candidate.match, context)
            if reading is not None and reading.period is not None:
                _ = reading.period.first, reading.period.last  # "this week" on 31 December 9999 ends in 10000
        except (ValueError, OverflowError):  # "4,000 years ago", "10000000 days later": off the calendar
            reading = Reading(TimexType.DATE, Anchor.NONE)
        if reading is not None and not _bare_clock(candidate.match):
            context.moved(reading, candidate.start)
        readings.append(reading)
    return readings


def find_time_expressions(text: str, published: PublicationDate | date | None, *,
                          sentences: Sequence[tuple[int, int]] | None = None) -> list[TimeExpression]:
    """Every time expression in ``text``, resolved against ``published`` (see the module doc).

    ``sentences`` are the text's sentence spans (from the NLP analysis); without them the text
    is split at sentence punctuation.
    """
    found = _candidates(text)
    if sentences is None:
        sentences = split_sentences(text)
    passes = [_read(found, text, now, sentences) for now in _anchors(published)]
    expressions = []
    for index, candidate in enumerate(found):
        reading = passes[0][index]
        if reading is None:
            continue
        periods = [r.period for r in (p[index] for p in passes) if r is not None and r.period is not None]
        first = min((p.first for p in periods), default=None)
        last = max((p.last for p in periods), default=None)
        expressions.append(TimeExpression(
            candidate.start, candidate.end, text[candidate.start:candidate.end], reading.type, reading.value,
            reading.anchor, first, last, reading.mod, RULES[candidate.rule].name))
    return expressions
