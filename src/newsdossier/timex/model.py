"""The record of a time expression found in an article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

__all__ = ["Anchor", "TimeExpression", "TimexType"]


class TimexType(StrEnum):
    """TimeML's TIMEX3 types."""

    DATE = "DATE"  # a calendar period: 2019-12-29, 2020-W01, 2020-06, PAST_REF
    TIME = "TIME"  # a time of day: 2013-03-23T15:00, 2013-03-22TAF
    DURATION = "DURATION"  # a length of time: P1Y, PT3H, PXM
    SET = "SET"  # a recurrence: P1D ("daily"), XXXX-WXX-7 ("every Sunday")


class Anchor(StrEnum):
    """What a value was resolved against."""

    ABSOLUTE = "absolute"  # the text says it all: "15 January 2021", "2009", durations
    PUBLICATION = "publication"  # the article's publication date: "on Sunday", "last week", "in June"
    NARRATIVE = "narrative"  # the last date the text mentioned: "two days later", "the next day"
    NONE = "none"  # nothing to resolve against (no publication date), or a vague reference


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression at ``start``:``end`` of the article's text, normalised TimeML-style.

    ``value`` is the TIMEX3 value ("" when it could not be resolved); ``first`` and ``last`` are
    the days a DATE or TIME covers, widened to every reading the publication date allows when that
    date is an estimate (a range); ``mod`` is TimeML's modifier ("START" for "early June").
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    anchor: Anchor
    first: date | None = None
    last: date | None = None
    mod: str | None = None
    rule: str = ""

    @property
    def dated(self) -> bool:
        """True when the expression names a calendar period (a day, a month ...), not a vague one."""
        return self.type in (TimexType.DATE, TimexType.TIME) and self.first is not None
