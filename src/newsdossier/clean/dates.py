"""Publication dates: candidates from the page, checked against what the text itself says.

A scraped page can carry several dates: the site's "today's date" widget, a header
timestamp, a dateline ("Jan 2") without a year, a date in HTML metadata. The text
often contradicts the wrong ones: an article "one year after January 3, 2020" was
not published in July 2024, and one that mentions "president-elect Joe Biden" was
published between November 2020 and 20 January 2021. This module turns such
statements into windows and lets only a candidate inside every window win; when
none does, it estimates a range (basis ``estimated``) or says nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import islice
from typing import Final

from newsdossier.model import DateBasis, PublicationDate
from newsdossier.timex.lexicon import MONTHS as _MONTHS
from newsdossier.timex.lexicon import without_lookalikes

__all__ = [
    "DateCandidate",
    "Window",
    "evidence_windows",
    "find_full_dates",
    "parse_date_line",
    "parse_month_day",
    "resolve_publication_date",
]

_MONTH: Final = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY: Final = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
_DAY: Final = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR: Final = r"(?P<year>(?:19|20)\d\d)"
_FULL_DATE_PATTERNS: Final = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b",  # January 3, 2020
        r"\b" + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"\b",  # 03 January 2020
        r"\b" + _YEAR + r"-(?P<mnum>\d\d)-(?P<day>\d\d)\b",  # 2020-01-03
    )
)
_YEAR_ONLY: Final = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# The longest date before its year is "September 30th, " (16 chars) plus a weekday
# prefix it does not need; ISO dates put 6 characters after the year.
_DATE_BEFORE_YEAR_CHARS: Final = 22
_DATE_AFTER_YEAR_CHARS: Final = 6
_ANNIVERSARY_HINT: Final = re.compile(r"years?\s+(?:after|since|on from|to the day)|anniversary", re.IGNORECASE)
_TIME: Final = re.compile(r"\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?|gmt|utc|[a-z]{2,4}t)?\b", re.IGNORECASE)
_DATE_LINE_REST: Final = re.compile(
    r"^[\s|,\-–—/:]*(?:" + _WEEKDAY + r")?[\s|,\-–—/:]*$"
    r"|^[\s|,\-–—/:]*(?:updated|published|posted|last updated)?[\s|,\-–—/:]*$",
    re.IGNORECASE,
)
_MONTH_DAY: Final = re.compile(r"^\s*" + _MONTH + r"\s+" + _DAY + r"\s*$", re.IGNORECASE)

# A date line is a header line that is a date and little else; more than this many
# other characters and it is prose that mentions a date.
_DATE_LINE_MAX_OTHER_CHARS: Final = 25
_DATE_LINE_MAX_CHARS: Final = 80
# Anniversary pieces run in the days around the anniversary; ten days either side
# covers the seed pile's (published 2 Jan for a 3 Jan anniversary) with margin.
ANNIVERSARY_SLACK_DAYS: Final = 10
# A time-less date printed above the headline that is this much later than every
# date the text mentions is the site's "today's date" widget (the seed pile's is
# four years late); news reports events within weeks, features within months.
WIDGET_MAX_LAG_DAYS: Final = 365
# A year-less dateline takes its year from the dates the text states only when they lie
# within a year of each other (a report and its recent background).
YEAR_INFERENCE_MAX_SPREAD_DAYS: Final = 366
_NUMBER_WORDS: Final[dict[str, int]] = {
    "a": 1, "one": 1, "first": 1, "two": 2, "second": 2, "three": 3, "third": 3,
    "four": 4, "fourth": 4, "five": 5, "fifth": 5, "ten": 10, "tenth": 10,
}
_ANNIVERSARY: Final = re.compile(
    r"\b(?P<n>a|one|two|three|four|five|ten|\d{1,2})\s+years?\s+(?:after|since|on from|to the day)\b"
    r"|\b(?P<nth>first|second|third|fourth|fifth|tenth|\d{1,2}(?:st|nd|rd|th))\s+anniversary\b",
    re.IGNORECASE,
)
# Time-bound titles whose mention dates an article. Source: dates of US presidential
# elections (or the concession, 2000; the networks' call, 2020) and inaugurations.
_PRESIDENTS_ELECT: Final[tuple[tuple[str, date, date], ...]] = (
    ("reagan", date(1980, 11, 4), date(1981, 1, 20)),
    ("bush", date(1988, 11, 8), date(1989, 1, 20)),
    ("clinton", date(1992, 11, 3), date(1993, 1, 20)),
    ("bush", date(2000, 12, 13), date(2001, 1, 20)),
    ("obama", date(2008, 11, 4), date(2009, 1, 20)),
    ("trump", date(2016, 11, 8), date(2017, 1, 20)),
    ("biden", date(2020, 11, 7), date(2021, 1, 20)),
    ("trump", date(2024, 11, 5), date(2025, 1, 20)),
)
_PRESIDENT_ELECT: Final = re.compile(
    r"\b[Pp]resident[- ][Ee]lect,?\s+(?:[A-Z][\w.]*\s+){0,3}(?P<surname>[A-Z][a-z]+)\b"
)


@dataclass(frozen=True, slots=True)
class Window:
    """The text says the article was published within [earliest, latest]."""

    earliest: date
    latest: date
    why: str


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """A date the page offers as its publication date."""

    value: date | None  # None for a dateline date without a year
    basis: DateBasis
    text: str
    month_day: tuple[int, int] | None = None
    has_time: bool = False
    before_title: bool = False  # printed above the headline, where date widgets sit
    readings: tuple[date, ...] = ()  # a numeric stamp whose day and month can swap: both, for the text to settle
    stated: bool = False  # the stamp names its date as the publication ("Published: ...", "Posted ...")

    @property
    def strong(self) -> bool:
        """Metadata, a dated dateline, or a header date with a time or named as the publication ("Published:
        December 19, 2005"): the page's own statement.

        Strong dates are not overruled by the text's evidence windows, which are inferences
        ("five years after the uprising" may be dated by an unrelated date); weak ones (a
        time-less stamp, anything above the headline, a year-less dateline) must agree with them.
        """
        if self.basis == DateBasis.HTML_META or (self.basis == DateBasis.DATELINE and self.value):
            return True
        return self.basis == DateBasis.BYLINE and (self.has_time or self.stated) and not self.before_title


def _date_from_match(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _month(groups["month"])
    try:
        return date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None


def find_full_dates(text: str) -> list[tuple[int, int, date]]:
    """Every date with day, month and year in the text, with its span, in text order."""
    found: dict[int, tuple[int, int, date]] = {}
    # Every full date holds a year: run the date patterns only around years, not over
    # the whole text (measured: 6x faster on the BBC corpus, bench/ingest_speed.py).
    for year in _YEAR_ONLY.finditer(text):
        lo = max(0, year.start() - _DATE_BEFORE_YEAR_CHARS)
        window = text[lo: year.end() + _DATE_AFTER_YEAR_CHARS]
        for pattern in _FULL_DATE_PATTERNS:
            for match in pattern.finditer(window):
                value = _date_from_match(match)
                if value and lo + match.start() not in found:
                    found[lo + match.start()] = (lo + match.start(), lo + match.end(), value)
    return [found[key] for key in sorted(found)]


def parse_date_line(text: str) -> tuple[date, bool] | None:
    """(date, has_time) if the whole line is a date stamp such as 'Friday 03 January 2020 13:11 GMT' with one
    reading (:func:`~newsdossier.clean.stamps.read_date_line` says more: two readings, an update)."""
    from newsdossier.clean.stamps import read_date_line

    stamp = read_date_line(text)
    if stamp is None or len(stamp.readings) != 1:
        return None
    return stamp.readings[0], stamp.has_time


def parse_month_day(text: str) -> tuple[int, int] | None:
    """'Jan 2' -> (1, 2); None when it is not a month and a day."""
    match = _MONTH_DAY.match(text)
    if not match:
        return None
    return _month(match.group("month")), int(match.group("day"))


def _month(name: str) -> int:
    """The number of a month name the case-insensitive patterns matched ("Auguſt" too: see ASCII_LOOKALIKES)."""
    return _MONTHS[without_lookalikes(name).lower()]


def _anniversary_windows(text: str, dates: list[tuple[int, int, date]]) -> list[Window]:
    if not _ANNIVERSARY_HINT.search(text):
        return []
    windows = []
    for match in _ANNIVERSARY.finditer(text):
        word = (match.group("n") or match.group("nth")).lower()
        years = _NUMBER_WORDS.get(word) or int(re.sub(r"\D", "", word) or 0)
        # The anchor is the first full date in the same or the next sentence (a lede's "one year
        # after" is dated by the second sentence); a date further away is about something else.
        reach = _end_of_next_sentence(text, match.end())
        near = [value for start, _, value in dates if match.start() <= start <= reach]
        anchor = near[0] if near else None
        if anchor is None or not years:
            continue
        try:
            target = anchor.replace(year=anchor.year + years)
        except ValueError:  # 29 February
            target = anchor.replace(year=anchor.year + years, day=28)
        slack = timedelta(days=ANNIVERSARY_SLACK_DAYS)
        windows.append(Window(target - slack, target + slack, f"'{match.group(0)}' {anchor.isoformat()}"))
    return windows


# A full stop that is not part of "U.S." or a title ("Gen.", "Mr."), then a capital.
_SENTENCE_BREAK: Final = re.compile(
    r"(?<![A-Z])(?<!Mr)(?<!Mrs)(?<!Ms)(?<!Dr)(?<!Gen)(?<!Col)(?<!Lt)(?<!Sgt)(?<!St)(?<!No)(?<!Sen)(?<!Rep)"
    r"[.!?…][\"”’']?\s+(?=[\"“‘']?[A-Z0-9])|\n\s*\n"
)


def _end_of_next_sentence(text: str, start: int) -> int:
    breaks = [m.end() for m in islice(_SENTENCE_BREAK.finditer(text, start), 2)]
    return breaks[-1] if len(breaks) == 2 else len(text)


def _title_windows(text: str) -> list[Window]:
    if "lect" not in text:  # cheap guard: no "President-elect", no window
        return []
    windows = []
    for match in _PRESIDENT_ELECT.finditer(text):
        surname = match.group("surname").lower()
        for name, earliest, latest in _PRESIDENTS_ELECT:
            if name == surname:
                windows.append(Window(earliest, latest, f"'{match.group(0).strip()}'"))
    # Two presidents-elect of one name (Bush, Trump): the text cannot mean both.
    by_why: dict[str, list[Window]] = {}
    for window in windows:
        by_why.setdefault(window.why.lower(), []).append(window)
    return [group[0] for group in by_why.values() if len(group) == 1]


def evidence_windows(text: str, dates: list[tuple[int, int, date]] | None = None) -> list[Window]:
    """Publication windows implied by the text: anniversaries of stated dates, time-bound titles."""
    dates = find_full_dates(text) if dates is None else dates
    return _anniversary_windows(text, dates) + _title_windows(text)


def _inside(value: date, windows: list[Window]) -> bool:
    return all(w.earliest <= value <= w.latest for w in windows)


def _intersect(windows: list[Window]) -> tuple[date, date] | None:
    earliest = max(w.earliest for w in windows)
    latest = min(w.latest for w in windows)
    return (earliest, latest) if earliest <= latest else None


def _year_for(month_day: tuple[int, int], windows: list[Window], latest_event: date | None,
              earliest_event: date | None) -> int | None:
    month, day = month_day
    if windows:
        span = _intersect(windows)
        if span is None:
            return None
        years = [y for y in range(span[0].year, span[1].year + 1) if span[0] <= _safe_date(y, month, day) <= span[1]]
        return years[0] if len(years) == 1 else None
    if latest_event is not None:
        # The article reports events up to latest_event: it is the first such day on or after it.
        # Unless the stated dates spread over more than a year: then some are announced future
        # dates or history, and no year can be told with confidence.
        if earliest_event and (latest_event - earliest_event).days > YEAR_INFERENCE_MAX_SPREAD_DAYS:
            return None
        year = latest_event.year
        return year if _safe_date(year, month, day) >= latest_event else year + 1
    return None


def _safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 28)


def resolve_publication_date(candidates: list[DateCandidate], body: str) -> PublicationDate:
    """The first candidate (best basis first) that the text does not contradict, else an estimate."""
    dates = find_full_dates(body)
    windows = evidence_windows(body, dates)
    events = [value for _, _, value in dates]
    latest_event = max(events) if events else None
    rejected = []
    for candidate in candidates:
        value = candidate.value
        why = ""
        if value is None and candidate.readings:
            value, why_not = _settle(candidate.readings, windows, latest_event)
            if value is None:
                rejected.append(f"{candidate.text!r}: {why_not}")
                continue
            why = f"; day and month settled by the latest date in the text, {latest_event}"
        if value is None and candidate.month_day:
            year = _year_for(candidate.month_day, windows, latest_event, min(events) if events else None)
            if year is None:
                rejected.append(f"{candidate.text!r}: no year can be inferred")
                continue
            value = _safe_date(year, *candidate.month_day)
            why = "; year from " + (", ".join(w.why for w in windows) if windows else f"latest date in text {latest_event}")
        if value is None:
            continue
        if candidate.strong:
            return PublicationDate(value, candidate.basis, value, value,
                                   "; ".join([f"{candidate.basis.value}: {candidate.text!r}", *rejected]))
        if latest_event and (value - latest_event).days > WIDGET_MAX_LAG_DAYS:
            rejected.append(f"{candidate.text!r} is {(value - latest_event).days} days after the latest date "
                            f"in the text ({latest_event}): a date widget, not a publication date")
            continue
        if not _inside(value, windows):
            rejected.append(f"{candidate.text!r} contradicted by " + ", ".join(w.why for w in windows))
            continue
        evidence = f"{candidate.basis.value}: {candidate.text!r}{why}"
        return PublicationDate(value, candidate.basis, value, value, "; ".join([evidence, *rejected]))
    return _estimate(windows, rejected)


# A stamp whose day and month can swap is settled by the text when exactly one reading falls on or after the
# latest date the text states and within this many days of it (news reports within weeks).
SETTLE_MAX_DAYS: Final = 31


def _settle(readings: tuple[date, ...], windows: list[Window], latest_event: date | None) -> tuple[date | None, str]:
    """The one reading of a day/month-swappable stamp that the text's evidence allows, or None and why."""
    fitting = [r for r in readings if _inside(r, windows)
               and latest_event is not None and 0 <= (r - latest_event).days <= SETTLE_MAX_DAYS]
    if len(fitting) == 1:
        return fitting[0], ""
    if latest_event is None:
        return None, "day and month can swap and the text states no date to settle them"
    return None, f"day and month can swap and the latest date in the text ({latest_event}) does not settle them"


def _estimate(windows: list[Window], rejected: list[str]) -> PublicationDate:
    span = _intersect(windows) if windows else None
    if span is None:
        note = "no publication date found" if not rejected else "no candidate survived"
        return PublicationDate(evidence="; ".join([note, *rejected]))
    earliest, latest = span
    middle = earliest + (latest - earliest) / 2
    evidence = "estimated from " + ", ".join(w.why for w in windows)
    return PublicationDate(middle, DateBasis.ESTIMATED, earliest, latest, "; ".join([evidence, *rejected]))
