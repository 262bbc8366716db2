"""Calendar periods at a granularity, and the TimeML values they print as.

A resolved time expression is a :class:`Period`: a day, an ISO week, a month, a quarter, a
half, a season, a year, a decade or a century, optionally with a part of the day or a clock
time. Periods shift by whole units of their own granularity ("last week" is this week shifted
by -1) and cover a range of days (``first`` to ``last``), which is what a timeline sorts by and
what an uncertain publication date widens.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Final

from dateutil.relativedelta import relativedelta

__all__ = ["GRANULARITIES", "Period", "period_at", "week_monday"]

GRANULARITIES: Final = ("day", "week", "month", "quarter", "half", "season", "year", "decade", "century")
# TimeML season codes, and the months each starts and ends in (winter spans the new year:
# WI of 2013 is December 2013 to February 2014, as TimeML's "2013-WI" is read).
SEASONS: Final = ("SP", "SU", "FA", "WI")
_SEASON_MONTHS: Final = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
# Months per unit, for the granularities that shift by months.
_MONTHS_PER: Final = {"month": 1, "quarter": 3, "half": 6, "season": 12, "year": 12, "decade": 120, "century": 1200}


def week_monday(year: int, week: int) -> date:
    """The Monday of ISO week ``week`` of ``year``."""
    return date.fromisocalendar(year, week, 1)


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar period. ``start`` is its first day; ``unit`` its granularity; ``season`` a
    TimeML season code when ``unit`` is ``season``; ``clock`` a TimeML time suffix ("T15:00",
    "TNI") on a day; ``weekend`` marks the weekend of a week."""

    unit: str
    start: date
    season: str = ""
    clock: str = ""
    weekend: bool = False

    @property
    def first(self) -> date:
        return self.start + timedelta(days=5) if self.weekend else self.start

    @property
    def last(self) -> date:
        """The last day the period covers."""
        if self.unit == "day":
            return self.start
        if self.unit == "week":
            return self.start + timedelta(days=6)
        if self.unit == "season":
            first, last = _SEASON_MONTHS[self.season]
            return self.start + relativedelta(months=last - first + 1, days=-1)
        return self.start + relativedelta(months=_MONTHS_PER[self.unit], days=-1)

    @property
    def value(self) -> str:
        """The TimeML value: 2019-12-29, 2020-W01, 2020-06, 2020-Q3, 2020-H1, 2020-SU, 2020, 202, 20."""
        start = self.start
        match self.unit:
            case "day":
                return start.isoformat() + self.clock
            case "week":
                year, week, _ = start.isocalendar()
                return f"{year}-W{week:02d}" + ("-WE" if self.weekend else "")
            case "month":
                return f"{start.year}-{start.month:02d}"
            case "quarter":
                return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
            case "half":
                return f"{start.year}-H{(start.month - 1) // 6 + 1}"
            case "season":
                return f"{start.year}-{self.season}"
            case "year":
                return str(start.year)
            case "decade":
                return str(start.year // 10)
            case _:
                return str(start.year // 100)

    def shift(self, count: int) -> Period:
        """The period ``count`` units later (earlier when negative), with no clock part."""
        if self.unit == "day":
            return replace(self, start=self.start + timedelta(days=count), clock="")
        if self.unit == "week":
            return replace(self, start=self.start + timedelta(weeks=count))
        return replace(self, start=self.start + relativedelta(months=_MONTHS_PER[self.unit] * count))

    def with_clock(self, clock: str) -> Period:
        return replace(self, clock=clock)


def period_at(day: date, unit: str, season: str = "") -> Period:
    """The period of granularity ``unit`` that contains ``day`` (for seasons: the ``season`` of
    ``day``'s year, or of the year before for January and February's winter)."""
    match unit:
        case "day":
            return Period("day", day)
        case "week":
            return Period("week", day - timedelta(days=day.weekday()))
        case "month":
            return Period("month", day.replace(day=1))
        case "quarter":
            return Period("quarter", date(day.year, (day.month - 1) // 3 * 3 + 1, 1))
        case "half":
            return Period("half", date(day.year, 1 if day.month <= 6 else 7, 1))
        case "season":
            code = season or _season_of(day)
            year = day.year - 1 if code == "WI" and day.month <= 2 else day.year
            return Period("season", date(year, _SEASON_MONTHS[code][0], 1), season=code)
        case "year":
            return Period("year", date(day.year, 1, 1))
        case "decade":
            return Period("decade", date(day.year // 10 * 10 or 1, 1, 1))
        case "century":
            return Period("century", date(day.year // 100 * 100 or 1, 1, 1))
    raise ValueError(f"unknown granularity {unit!r}; choose one of {', '.join(GRANULARITIES)}")


def _season_of(day: date) -> str:
    return ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[day.month - 1]
