"""Resolving what a time expression refers to against an anchor date and the tense around it.

These are the product's anchoring decisions (the parsing is in :mod:`newsdossier.timex.rules`):

* a weekday, a month or a day of a month without a year is the nearest one consistent with the
  tense of its sentence: the last one for past tense ("attacked ... on Sunday"), the next one
  for future ("will begin on April 7"), the nearest either way otherwise; the anchor's own day or
  month counts as both ("said Friday" in a Friday paper is that Friday);
* "last/next/this" + unit shift the anchor's period ("last week" is the ISO week before);
* "N units ago" subtracts from the publication date at the unit's granularity ("four years
  ago" is a year, "two days ago" a day); "N units later/earlier" moves the narrative date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from dateutil.relativedelta import relativedelta

from newsdossier.timex.calendar import Period, period_at
from newsdossier.timex.tense import Tense

__all__ = ["month_day_near", "month_near", "season_near", "shifted", "weekday_near"]

# How far either way an untensed weekday, month or day of a month may be from its anchor.
_HALF_WEEK: Final = 3
# A day of a month this close to the anchor is that one, whatever the tense: tense is read from
# the nearest verb, which is often not the one governing the date ("ruled Wednesday that he must be
# returned by Jan. 14"); TBAQ's errors before this rule were all of that kind.
_NEAR_DAYS: Final = 45
# How many days of its month must have gone by for a past verb to report on it ("in January").
_MONTH_BEGUN: Final = 6


@dataclass(frozen=True, slots=True)
class _Choice:
    past: Period
    future: Period


def _pick(choice: _Choice, anchor: date, tense: Tense | None, *, same: Period | None) -> Period:
    if same is not None:
        return same
    if tense is Tense.FUTURE:
        return choice.future
    if tense is Tense.PAST:
        return choice.past
    past_gap = (anchor - choice.past.last).days
    future_gap = (choice.future.first - anchor).days
    return choice.past if past_gap <= future_gap else choice.future


def weekday_near(anchor: date, weekday: int, tense: Tense | None, *, relation: str = "") -> Period:
    """The day named ``weekday`` (ISO, Monday = 1) nearest ``anchor`` in the tense's direction.

    ``relation`` "last" and "next" exclude the anchor's own day ("last Friday" on a Friday is a
    week before); "this" takes the one in the anchor's week.
    """
    offset = weekday - anchor.isoweekday()
    if relation == "this":
        return Period("day", anchor + timedelta(days=offset))
    back = offset - 7 if offset > 0 else offset
    ahead = offset + 7 if offset < 0 else offset
    if relation == "last":
        return Period("day", anchor + timedelta(days=back if back < 0 else -7))
    if relation == "next":
        return Period("day", anchor + timedelta(days=ahead if ahead > 0 else 7))
    if offset == 0:
        return Period("day", anchor)
    if tense is None and min(-back, ahead) > _HALF_WEEK:
        tense = Tense.PAST  # news reports mostly what has happened
    choice = _Choice(Period("day", anchor + timedelta(days=back)), Period("day", anchor + timedelta(days=ahead)))
    return _pick(choice, anchor, tense, same=None)


def month_near(anchor: date, month: int, tense: Tense | None, *, relation: str = "", past: bool = False) -> Period:
    """The month ``month`` nearest ``anchor``: "in June" written in January 2021 is June 2020 in
    the past tense and June 2021 in the future. With ``past`` (a past verb governs it), the
    anchor's own month in its first days is last year's ("were in place in January" written on 2
    January): too little of it has gone by to be what the verb reports."""
    this = Period("month", date(anchor.year, month, 1))
    past_month = this if month <= anchor.month else this.shift(-12)
    future = this if month >= anchor.month else this.shift(12)
    if relation == "last":
        return past_month if month < anchor.month else this.shift(-12)
    if relation == "next":
        return future if month > anchor.month else this.shift(12)
    if relation == "this":
        return this
    if month == anchor.month and past and anchor.day <= _MONTH_BEGUN:
        return this.shift(-12)
    return _pick(_Choice(past_month, future), anchor, tense, same=this if month == anchor.month else None)


def month_day_near(anchor: date, month: int, day: int, tense: Tense | None, *, past: bool = False,
                   weekday: int | None = None) -> Period | None:
    """The day ``day`` of ``month`` nearest ``anchor`` ("as of 15 January" written on 2 January
    2021, future tense: 15 January 2021); None for a day the month does not have. A stated
    ``weekday`` (ISO) picks the year it fits ("Monday, Oct. 26" in a paper of 25 October 1998 is
    1998's, a Monday); otherwise, with ``past`` (a past verb governs it: "took place on ... 3
    January"), it is never after the anchor."""
    try:
        this = date(anchor.year, month, day)
    except ValueError:
        return None
    past_day = this if this <= anchor else this - relativedelta(years=1)
    future = this if this >= anchor else this + relativedelta(years=1)
    if past_day.day != day or future.day != day:  # 29 February
        return Period("day", this)
    near = min((past_day, future), key=lambda d: abs((d - anchor).days))
    fitting = [d for d in (past_day, future) if weekday is not None and d.isoweekday() == weekday]
    if len(fitting) == 1:
        return Period("day", fitting[0])
    if past and near > anchor:
        return Period("day", past_day)
    if abs((near - anchor).days) <= _NEAR_DAYS:
        return Period("day", near)  # "by Jan. 14" in a January 5 paper, whatever the verb's tense
    return _pick(_Choice(Period("day", past_day), Period("day", future)), anchor, tense,
                 same=Period("day", this) if this == anchor else None)


def season_near(anchor: date, season: str, tense: Tense | None, *, relation: str = "") -> Period:
    """The season ``season`` nearest ``anchor``: "last summer" is the latest summer that is over."""
    this = period_at(date(anchor.year, 7 if season != "WI" else 12, 1), "season", season)
    if season == "WI" and anchor.month <= 2:
        this = this.shift(-1)
    current = this.first <= anchor <= this.last
    past = this if this.last < anchor else this.shift(-1)
    future = this if this.first > anchor else this.shift(1)
    if relation == "last":
        return past
    if relation == "next":
        return future
    if relation == "this" or current:
        return this
    return _pick(_Choice(past, future), anchor, tense, same=None)


def shifted(anchor: date, unit: str, count: int) -> Period:
    """The period of ``unit`` containing ``anchor``, moved by ``count`` units."""
    return period_at(anchor, unit).shift(count)
