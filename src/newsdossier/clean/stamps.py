"""Header date stamps: a line of a page's header that is a date and little else.

Real headers write the publication date in many ways ("May 3, 2013 at 7:31 AM ET", "First
Published: June 13, 2013 4:59 PM EDT", "Published: 09 Sep 2013 11:25 GMT+02:00", "TNN Nov 12,
2011, 05.51AM IST MUMBAI:", "Posted 11 / 27 / 2005 7:21 AM", "on April 30, 2008 at 4:31 AM,
updated April 30, 2008 at 8:33 AM"). :func:`read_date_line` reads such a line when, with its
dates, times, time zones, weekdays and stamp words ("published", "posted", "updated", "on", "at")
taken away, at most a few capitalised words are left (an agency, a place); a sentence that
mentions a date is no stamp.

A numeric date whose day and month can swap ("4 / 9 / 2007") is read by the line's own
convention: a 12-hour clock or a US time zone is month-first, a 24-hour clock or a European or
Asian zone day-first. With neither, both readings are returned and the text's own dates must
settle it (:func:`~newsdossier.clean.dates.resolve_publication_date`), or the date stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from typing import Final

from newsdossier.timex.lexicon import MONTHS, WEEKDAYS

__all__ = ["DateStamp", "read_date_line"]

# A header stamp is short; prose that mentions a date is longer or has other words.
STAMP_MAX_CHARS: Final = 110
# Capitalised words a stamp may carry besides its date: an agency and a place ("TNN ... MUMBAI:",
# "Washington D. C., Jul 13, 2009 / 02:00 pm (CNA)").
STAMP_MAX_OTHER_WORDS: Final = 4
# Two-digit years up to this many years ahead of today are this century's.
_TWO_DIGIT_YEAR_AHEAD: Final = 1

# Month names in English and, from Babel's locale data, the languages of Western European news sites
# ("30. Juli 2018", "25 septembre 2018"); an English month misspelt keeps its first three letters ("Novemer").
MONTH_LOCALES: Final = ("de", "fr", "es", "pt", "it", "nl")
_DAY: Final = r"(?P<day>\d{1,2})(?:st|nd|rd|th|\.)?"
_YEAR: Final = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY_WORD: Final = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"


@lru_cache(maxsize=1)
def _month_names() -> dict[str, int]:
    from babel.dates import get_month_names

    names = dict(MONTHS)
    for locale in MONTH_LOCALES:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names.setdefault(name.lower().rstrip("."), number)
    return names


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    names = "|".join(re.escape(n) for n in sorted(_month_names(), key=len, reverse=True))
    month = rf"(?P<month>(?:{names})\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?"
    return (
        re.compile(rf"\b{month}\s+{_DAY}(?:\s*,\s*|\s+|\s*-\s*){_YEAR}\b", re.IGNORECASE),  # Nov. 19, 2019
        re.compile(rf"\b{_DAY}\s+{month},?\s+{_YEAR}\b", re.IGNORECASE),  # 16 September 2013; 30. Juli 2018
        re.compile(r"\b(?P<year>(?:19|20)\d\d)(?P<isep>[-./])(?P<mnum>\d\d)(?P=isep)(?P<dnum>\d\d)\b"),  # 2013-09-16
        re.compile(r"(?<![\d/.])(?P<a>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*(?P<y>(?:19|20)?\d\d)"
                   r"(?![\d/])"),
        # a month and a day with no year, as a stamp ("Dec. 24 4:33 AM EST", "APR 28"): the text gives the year
        re.compile(rf"\b{month}\s+{_DAY}\b(?!\s*,?\s*(?:19|20)\d\d)(?![:.]\d)", re.IGNORECASE),
    )


_TIME: Final = re.compile(
    r"\b(?P<hour>\d{1,2})(?:\s*[:.]\s*\d\d){1,2}\s*(?P<half>[ap]\.?\s?m\.?|[ap]\b)?|\b(?P<hour2>\d{1,2})\s*(?P<half2>[ap]\.?\s?m\.?)"
    r"|\b\d{4}\s+(?=gmt|utc)",  # "1052 GMT"
    re.IGNORECASE,
)
_US_ZONES: Final = frozenset({"et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "akst",
                              "hst"})
_DAY_FIRST_ZONES: Final = frozenset({"gmt", "bst", "utc", "cet", "cest", "eet", "eest", "wet", "west", "ist", "hkt",
                                     "sgt", "jst", "kst", "aest", "aedt", "acst", "awst", "nzst", "nzdt", "msk", "sast",
                                     "cat", "eat", "wat", "pkt", "ict", "wib"})
_ZONE: Final = re.compile(r"\b(?:[a-z]{1,4}t|utc|gmt)(?:\s*[+-]\s*\d{1,2}(?::\d{1,2})?)?\b", re.IGNORECASE)
_STAMP_WORDS: Final = frozenset("""published publish posted post updated update last first modified edited created
released release date time on at for immediate hrs hr uk am pm a p m
publiziert veröffentlicht aktualisiert um uhr publicado actualizado atualizado por em el publié mis à jour le
pubblicato aggiornato il alle gepubliceerd bijgewerkt op""".split())
# Words that name a stamp's date as the publication: a stamp saying so is the page's own statement.
_PUBLISHED: Final = re.compile(r"\b(?:published|posted|released?|created|publiziert|veröffentlicht|publicado|publié|"
                               r"pubblicato|gepubliceerd)\b", re.IGNORECASE)
_UPDATED: Final = re.compile(r"\b(?:updated|modified|edited|aktualisiert|actualizado|atualizado|mis à jour|aggiornato|"
                             r"bijgewerkt)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateStamp:
    """What a header stamp says: the date (two readings when its day and month can swap and the line does
    not say which; none, with ``month_day``, when it gives no year), whether it gives a time, whether it
    names the date as the publication ("Published:", "Posted"), and whether it is when the page was updated."""

    readings: tuple[date, ...]
    has_time: bool
    updated: bool = False
    stated: bool = False
    month_day: tuple[int, int] | None = None
    why: str = ""

    def encode(self) -> str:
        """The stamp as a line label's value: "2007-04-09|2007-09-04;time;stated", "--04-28;time"."""
        parts = ["|".join(d.isoformat() for d in self.readings) if self.readings
                 else f"--{self.month_day[0]:02d}-{self.month_day[1]:02d}" if self.month_day else ""]
        parts += [flag for flag, on in (("time", self.has_time), ("stated", self.stated), ("updated", self.updated))
                  if on]
        return ";".join(parts)

    @classmethod
    def decode(cls, value: str) -> DateStamp:
        dates, *flags = value.split(";")
        if dates.startswith("--"):
            month, day = (int(x) for x in dates[2:].split("-"))
            return cls((), "time" in flags, "updated" in flags, "stated" in flags, (month, day))
        readings = tuple(date.fromisoformat(d) for d in dates.split("|"))
        return cls(readings, "time" in flags, "updated" in flags, "stated" in flags)


def _year(text: str) -> int:
    year = int(text)
    if year >= 100:
        return year
    this_year = date.today().year
    century = this_year - this_year % 100
    return century + year if century + year <= this_year + _TWO_DIGIT_YEAR_AHEAD else century - 100 + year


def _month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    names = _month_names()
    if word in names:
        return names[word]
    # a misspelt English month keeps its first three letters and its length ("Novemer")
    for name, number in MONTHS.items():
        if len(name) > 4 and name[:3] == word[:3] and abs(len(name) - len(word)) <= 1:
            return number
    return None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    readings: tuple[date, ...]
    numeric: bool


def _dates(line: str) -> list[_Found]:
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for pattern in _patterns()[:4]:
        for match in pattern.finditer(line):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            groups = match.groupdict()
            readings: tuple[date, ...] = ()
            numeric = False
            if groups.get("month"):
                month = _month_number(groups["month"])
                value = _safe(int(groups["year"]), month, int(groups["day"])) if month else None
                readings = (value,) if value else ()
            elif groups.get("mnum"):
                value = _safe(int(groups["year"]), int(groups["mnum"]), int(groups["dnum"]))
                readings = (value,) if value else ()
            else:
                numeric = True
                a, b, year = int(groups["a"]), int(groups["b"]), _year(groups["y"])
                month_first, day_first = _safe(year, a, b), _safe(year, b, a)
                readings = tuple(dict.fromkeys(d for d in (month_first, day_first) if d))
            if readings:
                found.append(_Found(match.start(), match.end(), readings, numeric))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


def _convention(line: str) -> str | None:
    """"month-first", "day-first" or None, from the line's clock and time zone."""
    zones = {z.group(0).lower().split("+")[0].split("-")[0].strip() for z in _ZONE.finditer(line)}
    twelve_hour = any(t.group("half") or t.group("half2") for t in _TIME.finditer(line))
    twenty_four = any(int(t.group("hour")) > 12 for t in _TIME.finditer(line) if t.group("hour"))
    if (twelve_hour or zones & _US_ZONES) and not (twenty_four or zones & _DAY_FIRST_ZONES):
        return "month-first"
    if (twenty_four or zones & _DAY_FIRST_ZONES) and not (twelve_hour or zones & _US_ZONES):
        return "day-first"
    return None


def _other_words(line: str, dates: list[_Found]) -> list[str] | None:
    """The words of ``line`` that are none of its dates, times, zones, weekdays or stamp words; None
    when a lower-case word is among them (a sentence, not a stamp)."""
    rest = _TIME.sub(" ", _without(line, dates))
    rest = _ZONE.sub(" ", rest)
    words = re.findall(r"[^\W\d_][\w'’.&-]*", rest)
    others = []
    for word in words:
        plain = word.lower().strip(".")
        if plain in _STAMP_WORDS or plain in WEEKDAYS or re.fullmatch(_WEEKDAY_WORD, plain):
            continue
        if word[:1].islower():
            return None
        others.append(word)
    return others


_HANDLE: Final = re.compile(r"@\w")  # "(@NGRSenate) October 9, 2018": an embedded tweet's signature


def read_date_line(text: str, *, bare: bool = False) -> DateStamp | None:
    """The date stamp ``text`` is, or None when it is no stamp (see the module docstring). ``bare`` allows no
    other words (an agency, a place) beside the date: inside an article's body a line such as "2018.04.05 ~
    OPEN RUN" lists an event, not when the page appeared."""
    line = text.strip()
    if not line or len(line) > STAMP_MAX_CHARS or _HANDLE.search(line):
        return None
    dates = _dates(line)
    if not dates:
        return _year_less(line)
    others = _other_words(line, dates)
    if others is None or len(others) > (0 if bare else STAMP_MAX_OTHER_WORDS):
        return None
    # two dates are a stamp only as a publication and its update; otherwise they are a range or a list
    # ("29 November 2018 | 20 January 2019": an exhibition's dates)
    if len(dates) > 1 and not any(_UPDATED.search(line[a.end:b.start]) for a, b in zip(dates, dates[1:])):
        return None
    # the first date not announced as an update is the publication; with none, the update's
    chosen = None
    for index, found in enumerate(dates):
        before = line[dates[index - 1].end if index else 0:found.start]
        if not _UPDATED.search(before):
            chosen = found
            break
    updated = chosen is None
    chosen = chosen or dates[0]
    before = line[:chosen.start]
    stated = _PUBLISHED.search(before) is not None or (not updated and _PUBLISHED.search(line) is not None
                                                        and len(dates) == 1)
    readings, why = chosen.readings, ""
    if chosen.numeric and len(readings) == 2:
        readings, why = _by_convention(line[chosen.start:chosen.end], _without(line, dates), readings)
    return DateStamp(readings, _TIME.search(_without(line, dates)) is not None, updated, stated, None, why)


def _without(line: str, dates: list[_Found]) -> str:
    """``line`` with its dates blanked, so that "08.07.2012" is not read as a time."""
    for found in reversed(dates):
        line = line[:found.start] + " " * (found.end - found.start) + line[found.end:]
    return line


def _by_convention(written: str, line: str, readings: tuple[date, ...]) -> tuple[tuple[date, ...], str]:
    """The reading a numeric date's own writing or its line's clock and zone settle; both when none does."""
    if "." in written:
        return readings[1:], "day first: a date written with full stops"
    convention = _convention(line)
    if convention == "month-first":
        return readings[:1], "month first: 12-hour clock or US time zone"
    if convention == "day-first":
        return readings[1:], "day first: 24-hour clock or a non-US time zone"
    return readings, "day and month can swap"


def _year_less(line: str) -> DateStamp | None:
    """A stamp with a month and a day and no year ("Dec. 24 4:33 AM EST", "APR 28"), only as a stamp: nothing
    but a time, a zone, a weekday or stamp words beside it."""
    match = _patterns()[4].search(line)
    if match is None or (month := _month_number(match.group("month"))) is None or not 1 <= int(match.group("day")) <= 31:
        return None
    others = _other_words(line, [_Found(match.start(), match.end(), (), False)])
    if others is None or others:
        return None
    return DateStamp((), _TIME.search(line) is not None, _UPDATED.search(line) is not None,
                     _PUBLISHED.search(line) is not None, (month, int(match.group("day"))))
