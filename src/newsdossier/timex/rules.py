"""The grammar of English news time expressions: one regex and one reading per rule.

Each rule's pattern finds candidate extents (TimeML's: determiners and modifiers such as "the
past", "early", "a mere" are inside, prepositions such as "on" and "in" outside); its reader
turns the match into a :class:`Reading` using the :class:`Context` (the anchor date, the tense
around the match, the narrative date). Overlapping candidates are settled in
:mod:`newsdossier.timex` (longest first).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Final, Protocol

from newsdossier.timex.calendar import Period, period_at
from newsdossier.timex.lexicon import (
    DAY_PART_RE,
    DAY_PARTS,
    DAY_RE,
    MONTH_ABBR_RE,
    MONTH_RE,
    NUMBER_RE,
    ORDINALS,
    SEASON_CODES,
    SEASON_RE,
    UNIT_RE,
    UNITS,
    UNITS_RE,
    VAGUE_RE,
    WEEKDAY_RE,
    YEAR_RE,
    month_number,
    number_value,
    unit_of,
    weekday_number,
)
from newsdossier.timex.model import Anchor, TimexType
from newsdossier.timex.resolve import month_day_near, month_near, season_near, shifted, weekday_near
from newsdossier.timex.tense import Tense

__all__ = ["RULES", "Context", "Reading", "Rule"]

_B: Final = r"(?<![\w-])"  # word start
_E: Final = r"(?![\w])"  # word end


class Context(Protocol):
    """What a reader may ask about the place a match was found."""

    @property
    def now(self) -> date | None: ...  # the publication date (one reading of it)

    @property
    def reference(self) -> Period | None: ...  # the last date the narrative moved to

    @property
    def near_reference(self) -> Period | None: ...  # the same, when named in this sentence or the one before

    def tense(self, match: re.Match[str]) -> Tense | None: ...

    def past_governs(self, match: re.Match[str]) -> bool: ...  # a past verb right before governs it

    # The publication date, or with ``narrative`` the date a nearby sentence moved the story to; with
    # ``day`` (a weekday is read from it) only a day before publication that no verb of saying reports.
    def base(self, match: re.Match[str], *, narrative: bool = False, day: bool = False) -> tuple[date, Anchor] | None:
        ...


@dataclass(frozen=True, slots=True)
class Reading:
    type: TimexType
    anchor: Anchor
    value: str = ""
    period: Period | None = None
    mod: str | None = None


Reader = Callable[[re.Match[str], Context], Reading | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """``pattern`` finds candidates and ``read`` reads them; every match of ``pattern`` contains a
    match of ``trigger``, so the pattern only needs to run near the trigger's matches (see
    :func:`newsdossier.timex.find_time_expressions`)."""

    name: str
    pattern: re.Pattern[str]
    read: Reader
    trigger: re.Pattern[str]
    # Case-insensitive rules and triggers also come compiled case-sensitively, to run on the
    # lowercased text: Python's IGNORECASE scanning is 4-6 times slower (bench/timex_speed.py).
    lowered: re.Pattern[str] | None = None
    lowered_trigger: re.Pattern[str] | None = None


def _date(period: Period | None, anchor: Anchor, mod: str | None = None) -> Reading | None:
    if period is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    kind = TimexType.TIME if period.clock else TimexType.DATE
    return Reading(kind, anchor, period.value, period, mod)


def _mod(word: str | None) -> str | None:
    if not word:
        return None
    word = word.lower().rstrip("-").strip()
    return {"early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID",
            "middle": "MID", "the end of": "END", "the beginning of": "START", "the start of": "START",
            "the middle of": "MID"}.get(word)


def _year(text: str) -> int:
    text = text.strip("'’ ")
    value = int(text)
    if len(text) == 2:
        return 1900 + value if value >= 30 else 2000 + value
    return value


def _safe(year: int, month: int, day: int) -> Period | None:
    try:
        return Period("day", date(year, month, day))
    except ValueError:
        return None


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


# --- absolute dates -----------------------------------------------------------------------------

def _numeric_date(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["iso"]:
        period = _safe(int(m["y1"]), int(m["m1"]), int(m["d1"]))
    elif m["d3"]:  # "13/01/2009": a first number over 12 can only be the day
        period = _safe(_year(m["y3"]), int(m["m3"]), int(m["d3"]))
    else:
        period = _safe(_year(m["y2"]), int(m["m2"]), int(m["d2"]))
    return _date(period, Anchor.ABSOLUTE) if period else None


def _month_year(m: re.Match[str], ctx: Context) -> Reading | None:
    start = date(_year(m["year"]), month_number(m["month"]), 1)
    return _date(Period("month", start), Anchor.ABSOLUTE, _mod(m["mod"]))


_NAME_BEFORE: Final = re.compile(r"\b[A-Z][a-z]+\s+$")


def _month(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["month"] == "May" and not (m["rel"] or m["mod"]) and _NAME_BEFORE.search(m.string, 0, m.start()):
        return None  # "Theresa May", "Brian May": a surname
    base = ctx.base(m)
    relation = (m["rel"] or "").lower()
    if base is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    period = month_near(base[0], month_number(m["month"]), ctx.tense(m), relation=relation,
                        past=base[1] is Anchor.PUBLICATION and ctx.past_governs(m))
    return _date(period, base[1], _mod(m["mod"]))


def _month_this_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """"February this year", "June last year", "April 3 next year"; "October of that year" is in the year the text
    last named ("took office in January 2009 and peaked in October of that year")."""
    relation = re.sub(r"\s+", " ", m["rel"].lower())
    if relation in ("that", "the same"):
        if ctx.reference is None:
            return Reading(TimexType.DATE, Anchor.NONE)
        year, anchor = ctx.reference.start.year, Anchor.NARRATIVE
    elif ctx.now is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    else:
        year, anchor = ctx.now.year + {"this": 0, "last": -1, "next": 1}[relation], Anchor.PUBLICATION
    if m["day"]:
        return _date(_safe(year, month_number(m["month"]), _day(m["day"])), anchor)
    return _date(Period("month", date(year, month_number(m["month"]), 1)), anchor, _mod(m["mod"]))


# A bare year right after a capitalised word is part of a name ("Windows 2000", "Server 2003",
# "Vision 2030", "London 2012"), unless that word is one a date may follow ("In 2003", "Christmas
# 2008", "Summer 2006", "Fiscal 2009").
_NAME_BEFORE_YEAR: Final = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+) $")
_BEFORE_A_YEAR: Final = frozenset({
    "in", "by", "since", "from", "until", "till", "before", "after", "during", "through", "throughout", "of", "for",
    "to", "and", "or", "but", "late", "early", "mid", "the", "around", "about", "circa", "between", "as", "at", "on",
    "year", "christmas", "easter", "ramadan", "thanksgiving", "hanukkah", "diwali", "new", "spring", "summer",
    "autumn", "fall", "winter", "not", "than", "then", "only", "also", "even", "last", "next", "this", "that",
    "beyond", "within", "into", "over", "under", "up", "down", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december"})


def _year_only(m: re.Match[str], ctx: Context) -> Reading | None:
    before = _NAME_BEFORE_YEAR.search(m.string, max(0, m.start() - 30), m.start())
    if before is not None and before[1].lower() not in _BEFORE_A_YEAR:
        return None  # a name's year ("Windows 2000"), not a date
    return _date(Period("year", date(_year(m["year"]), 1, 1)), Anchor.ABSOLUTE, _mod(m["mod"]))


def _year_range_end(m: re.Match[str], ctx: Context) -> Reading | None:
    first = int(m["first"])
    end = first // 100 * 100 + int(m["end"])
    return _date(Period("year", date(end, 1, 1)), Anchor.ABSOLUTE) if end > first else None


def _decade(m: re.Match[str], ctx: Context) -> Reading | None:
    year = _year(m["decade"])
    return _date(period_at(date(year, 1, 1), "decade"), Anchor.ABSOLUTE, _mod(m["mod"]))


def _century(m: re.Match[str], ctx: Context) -> Reading | None:
    number = int(re.sub(r"\D", "", m["ordinal"]))
    return _date(Period("century", date((number - 1) * 100 or 1, 1, 1)), Anchor.ABSOLUTE, _mod(m["mod"]))


# --- anchored to the publication date -------------------------------------------------------------

def _deictic_day(m: re.Match[str], ctx: Context) -> Reading | None:
    if ctx.now is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    word = m["word"].lower()
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    period = Period("day", ctx.now).shift(shift)
    if word == "tonight":
        period = period.with_clock("TNI")
    if m["part"]:
        period = period.with_clock(DAY_PARTS[m["part"].lower()])
    return _date(period, Anchor.PUBLICATION)


def _last_night(m: re.Match[str], ctx: Context) -> Reading | None:
    if ctx.now is None:
        return Reading(TimexType.TIME, Anchor.NONE)
    part = m["part"].lower()
    day = Period("day", ctx.now).shift(-1 if m["rel"].lower() == "last" else 0)
    return _date(day.with_clock(DAY_PARTS[part]), Anchor.PUBLICATION)


def _possessed_tense(m: re.Match[str]) -> Tense | None:
    """The tense a weekday's possessive gives ("Wednesday's ruling", "Thursday's closing price"): the thing it
    names is there to be spoken of, so past, unless what comes before awaits it ("ahead of Sunday's vote",
    "until Tuesday's meeting"); None when the weekday possesses nothing, or after "before"."""
    text = m.string
    if not text.startswith(("'s", "\u2019s"), m.end()):
        return None
    before = text[max(0, m.start() - 20):m.start()].lower()
    if _AWAITING.search(before):
        return Tense.FUTURE
    # "before" may wait for it ("before Sunday's vote") or look back from it ("Nestle's share before Friday's
    # purchases"): the sentence's verbs say which
    return None if re.search(r"\bbefore\s+$", before) else Tense.PAST


_AWAITING: Final = re.compile(r"\b(?:ahead of|for|until|till|in advance of|in the run-up to|on the eve of)\s+$")


def _weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    base = ctx.base(m, narrative=True, day=True)
    if base is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    relation = (m["rel"] or "").lower()
    if relation.endswith(("previous", "preceding")):
        relation = "last"  # "down 4.5% from the previous Friday"
    tense = _possessed_tense(m) or ctx.tense(m)
    period = weekday_near(base[0], weekday_number(m["weekday"]), tense, relation=relation)
    if m["part"]:
        period = period.with_clock(DAY_PARTS[m["part"].lower()])
    return _date(period, base[1])


_RELATIONS: Final = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "the past": -1,
                     "previous": -1, "the previous": -1, "the last": -1, "next": 1, "the next": 1, "coming": 1,
                     "the coming": 1, "this coming": 1, "later this": 0, "earlier this": 0}


def _this_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = unit_of(m["unit"])
    if ctx.now is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    relation = re.sub(r"\s+", " ", m["rel"].lower())
    if unit == "weekend":
        week = period_at(ctx.now, "week").shift(_RELATIONS[relation])
        return _date(Period("week", week.start, weekend=True), Anchor.PUBLICATION, _mod(m["mod"]))
    granularity = UNITS[unit][0] if unit != "quarter" else "quarter"
    period = shifted(ctx.now, granularity, _RELATIONS[relation])
    return _date(period, Anchor.PUBLICATION, _mod(m["mod"]))


def _season(m: re.Match[str], ctx: Context) -> Reading | None:
    code = SEASON_CODES[m["season"].lower()]
    if m["year"]:
        return _date(period_at(date(_year(m["year"]), 7, 1), "season", code), Anchor.ABSOLUTE, _mod(m["mod"]))
    base = ctx.base(m)
    if base is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    relation = (m["rel"] or "").lower()
    return _date(season_near(base[0], code, ctx.tense(m), relation=relation), base[1], _mod(m["mod"]))


def _quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    number = ORDINALS[m["ordinal"].lower()]
    if m["year"] or m["year0"]:  # "the third quarter of 1988", "the 1988 third quarter"
        return _date(Period("quarter", date(_year(m["year"] or m["year0"]), number * 3 - 2, 1)), Anchor.ABSOLUTE)
    base = ctx.base(m)
    if base is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    if m["yrel"] or m["ago"]:  # "next year's first quarter", "the year-ago third quarter"
        year = base[0].year + (_RELATIONS[m["yrel"].lower()] if m["yrel"] else -1)
        return _date(Period("quarter", date(year, number * 3 - 2, 1)), base[1])
    this = Period("quarter", date(base[0].year, number * 3 - 2, 1))
    current = period_at(base[0], "quarter")
    if this.start > current.start and ctx.tense(m) is not Tense.FUTURE:
        this = this.shift(-4)  # the third quarter reported in February is last year's
    return _date(this, base[1])


def _q_quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    """"Q3 2012", "2012 Q3", "Q3": a quarter in the reports' shorthand (without a year, the last one begun)."""
    number = int(m["q"] or m["q2"] or m["q3"])
    year_text = m["year"] or m["year2"]
    if year_text:
        return _date(Period("quarter", date(_year(year_text), number * 3 - 2, 1)), Anchor.ABSOLUTE)
    if ctx.now is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    this = Period("quarter", date(ctx.now.year, number * 3 - 2, 1))
    if this.start > ctx.now and ctx.tense(m) is not Tense.FUTURE:
        this = this.shift(-4)
    return _date(this, Anchor.PUBLICATION)


def _half(m: re.Match[str], ctx: Context) -> Reading | None:
    second = m["which"].lower() in ("second", "last", "latter")
    if m["year"]:
        year, anchor = _year(m["year"]), Anchor.ABSOLUTE
    elif ctx.now is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    else:
        year, anchor = ctx.now.year + _RELATIONS[(m["rel"] or "this").lower()], Anchor.PUBLICATION
    return _date(Period("half", date(year, 7 if second else 1, 1)), anchor)


def _ago(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = unit_of(m["unit"])
    count = number_value(m["count"]) if m["count"] else None
    if ctx.now is None or unit in ("second", "minute", "hour"):
        return Reading(TimexType.DATE, Anchor.NONE) if ctx.now is None else None
    if count is None or count != int(count):
        return Reading(TimexType.DATE, Anchor.PUBLICATION, "PAST_REF")
    granularity = UNITS[unit][0]
    if unit == "year" and count == 1 and ctx.reference is not None and ctx.reference.unit == "quarter":
        return _date(ctx.reference.shift(-4), Anchor.NARRATIVE)  # "up 5% from a year ago" on a quarter
    steps = int(count) * (10 if unit == "decade" else 1)
    period = shifted(ctx.now, "year" if unit == "decade" else granularity, -steps)
    return _date(period, Anchor.PUBLICATION)


def _later(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = unit_of(m["unit"])
    count = number_value(m["count"])
    base = ctx.reference or (Period("day", ctx.now) if ctx.now else None)
    if base is None or count is None or count != int(count) or unit in ("second", "minute", "hour"):
        return None
    sign = -1 if (m["dir"] or m["dir2"]).lower() in ("earlier", "before") else 1
    granularity = UNITS[unit][0]
    if base.unit == "quarter" and unit == "year":
        return _date(base.shift(4 * sign * int(count)), Anchor.NARRATIVE)
    if _coarser(base.unit, granularity):
        return Reading(TimexType.DATE, Anchor.NONE)  # "two days later" after "in January" says no day
    anchor = Anchor.NARRATIVE if ctx.reference else Anchor.PUBLICATION
    return _date(shifted(base.start, granularity, sign * int(count)), anchor)


def _coarser(unit: str, than: str) -> bool:
    order = ("day", "week", "month", "quarter", "half", "season", "year", "decade", "century")
    return order.index(unit) > order.index(than)


def _anaphoric_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """"the next day", "the following week", "that day", "the same year" move from the narrative date."""
    base = ctx.reference
    anchor = Anchor.NARRATIVE
    if base is None:
        if ctx.now is None:
            return None
        base, anchor = Period("day", ctx.now), Anchor.PUBLICATION
    unit = unit_of(m["unit"]) if m["unit"] else "day"
    granularity = UNITS[unit][0]
    if base.unit not in ("day", granularity) and granularity == "day":
        return None  # "the next day" after "in 2009" says no day
    relation = m["rel"].lower().split()[-1]
    step = 1 if relation in ("next", "following", "subsequent") else -1 if relation in ("previous", "prior") else 0
    period = shifted(base.start, granularity, step)
    part = m["part"] or m["part2"]
    if part:
        period = period.with_clock(DAY_PARTS[part.lower()])
    return _date(period, anchor)


def _reported_period(m: re.Match[str], ctx: Context) -> Reading | None:
    """"the quarter", "the latest period": the quarter the text is reporting on (the last quarter it
    named), else the last complete quarter before publication."""
    if ctx.reference is not None and ctx.reference.unit == "quarter":
        return _date(ctx.reference, Anchor.NARRATIVE)
    if ctx.now is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    return _date(shifted(ctx.now, "quarter", -1), Anchor.PUBLICATION)


def _quarter_ended(m: re.Match[str], ctx: Context) -> Reading | None:
    """"the quarter ended Sept. 30": the quarter that day closes (the day itself is read on its own)."""
    if ctx.now is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    day = month_day_near(ctx.now, month_number(m["month"]), _day(m["day"]), Tense.PAST, past=True)
    return _date(period_at(day.start, "quarter"), Anchor.PUBLICATION) if day is not None else None


def _year_ago_period(m: re.Match[str], ctx: Context) -> Reading | None:
    """"the year-earlier quarter", "year-ago results": a year before the period being reported."""
    if ctx.reference is not None and ctx.reference.unit == "quarter":
        return _date(ctx.reference.shift(-4), Anchor.NARRATIVE)
    if ctx.now is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    return _date(shifted(ctx.now, "year", -1), Anchor.PUBLICATION)


def _weekend(m: re.Match[str], ctx: Context) -> Reading | None:
    base = ctx.base(m, narrative=True, day=True)
    if base is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    week = period_at(base[0], "week")
    if ctx.tense(m) is Tense.PAST and base[0].isoweekday() < 6:
        week = week.shift(-1)  # "over the weekend" read on a Tuesday is the one just past
    return _date(Period("week", week.start, weekend=True), base[1])


def _end_of(m: re.Match[str], ctx: Context) -> Reading | None:
    if ctx.now is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    unit = unit_of(m["unit"])
    return _date(period_at(ctx.now, UNITS[unit][0]), Anchor.PUBLICATION, _mod(m["mod"]))


_HOLIDAYS: Final = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
                    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
                    "valentine's day": (2, 14), "halloween": (10, 31)}


def _holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    """"Christmas", "last Halloween", "Thanksgiving Day"; with its year ("Christmas 2008") that year's."""
    name = re.sub(r"\s+", " ", m["name"].lower().replace("’", "'"))
    written = _year(m["year"]) if m["year"] else None
    base = (date(written, 1, 1), Anchor.ABSOLUTE) if written is not None else ctx.base(m)
    if base is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    relation = "" if written is not None else (m["rel"] or "").lower()
    if written is not None and not name.startswith("thanksgiving"):
        month, day = _HOLIDAYS[name]
        return _date(Period("day", date(written, month, day)), Anchor.ABSOLUTE)
    if name.startswith("thanksgiving"):
        year = written or _holiday_year(base[0], 11, 28, relation, ctx.tense(m))
        first = date(year, 11, 1)
        thursday = first.toordinal() + (3 - first.weekday()) % 7 + 21
        return _date(Period("day", date.fromordinal(thursday)), base[1])
    month, day = _HOLIDAYS[name]
    return _date(Period("day", date(_holiday_year(base[0], month, day, relation, ctx.tense(m)), month, day)), base[1])


def _holiday_year(anchor: date, month: int, day: int, relation: str, tense: Tense | None) -> int:
    this = date(anchor.year, month, day)
    if relation == "last" or (not relation and tense is not Tense.FUTURE and this > anchor
                              and (this - anchor).days > _CLOSE_DAYS):
        return anchor.year - 1 if this >= anchor else anchor.year
    if relation == "next" and this <= anchor:
        return anchor.year + 1
    return anchor.year


# A holiday this close ahead of publication is this year's whatever the tense ("by Christmas").
_CLOSE_DAYS: Final = 45


def _end_of_year(m: re.Match[str], ctx: Context) -> Reading | None:
    if ctx.now is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    return _date(period_at(ctx.now, "year"), Anchor.PUBLICATION, "END")


def _vague(value: str) -> Reader:
    def read(m: re.Match[str], ctx: Context) -> Reading | None:
        return Reading(TimexType.DATE, Anchor.NONE, value)
    return read


# --- durations and sets ----------------------------------------------------------------------------

# A fraction of a unit is written in the next smaller one: "two and a half years" is P2Y6M.
_SMALLER: Final = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "M"), "S": (1, "S")}


def _duration_value(count: float | None, unit: str) -> str:
    """The TimeML value of ``count`` ``unit``s; None is an unspecified amount ("years" is PXY)."""
    _, code, clock = UNITS[unit]
    if count is None:  # "decades" stays PXDE: an unknown number of years would lose the unit
        return ("PT" if clock else "P") + "X" + {"weekend": "D", "quarter": "M"}.get(unit, code)
    factor = {"decade": 10, "century": 100, "weekend": 2, "quarter": 3}.get(unit, 1)
    code = {"decade": "Y", "century": "Y", "weekend": "D", "quarter": "M"}.get(unit, code)
    count *= factor
    whole, fraction = int(count), count - int(count)
    if not fraction:
        return ("PT" if clock else "P") + f"{whole}{code}"
    per, smaller = (60, "S") if clock and code == "M" else _SMALLER.get(code, (1, code))  # minutes, not months
    rest = round(fraction * per)
    if code == "D":  # the hours of a day are written after T
        return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
    head = f"{whole}{code}" if whole else ""
    return ("PT" if clock else "P") + head + f"{rest}{smaller}"


def _duration(m: re.Match[str], ctx: Context) -> Reading | None:
    words = m["count"]
    count = None if re.fullmatch(VAGUE_RE, words, re.IGNORECASE) else number_value(words)
    if count is None and not re.fullmatch(VAGUE_RE, words, re.IGNORECASE):
        return None  # not a number after all
    if count is not None and m.groupdict().get("half"):
        count += 0.5  # "an hour and a half"
    return Reading(TimexType.DURATION, Anchor.ABSOLUTE, _duration_value(count, unit_of(m["unit"])))


def _bare_units(m: re.Match[str], ctx: Context) -> Reading | None:
    return Reading(TimexType.DURATION, Anchor.ABSOLUTE, _duration_value(None, unit_of(m["unit"])))


def _set(m: re.Match[str], ctx: Context) -> Reading | None:
    word = m["what"].lower()
    if word in WEEKDAY_NAMES:
        return Reading(TimexType.SET, Anchor.ABSOLUTE, f"XXXX-WXX-{weekday_number(word)}")
    if word in DAY_PARTS:
        return Reading(TimexType.SET, Anchor.ABSOLUTE, "XXXX-XX-XX" + DAY_PARTS[word])
    if word in SEASON_CODES:
        return Reading(TimexType.SET, Anchor.ABSOLUTE, "XXXX-" + SEASON_CODES[word])
    return Reading(TimexType.SET, Anchor.ABSOLUTE, _duration_value(1, unit_of(word)))


def _adverb_set(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = {"hourly": "hour", "daily": "day", "nightly": "night", "weekly": "week", "monthly": "month",
            "quarterly": "quarter", "annually": "year", "yearly": "year"}[m["word"].lower()]
    return Reading(TimexType.SET, Anchor.ABSOLUTE, _duration_value(1, unit))


# --- times of day ----------------------------------------------------------------------------------

def _clock(m: re.Match[str], ctx: Context) -> Reading | None:
    hour = int(m["hour"])
    minute = int(m["minute"] or m["minute2"] or 0)
    half = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if half == "pm" and hour < 12:
        hour += 12
    if half == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    clock = f"T{hour:02d}:{minute:02d}"
    day: Period | None = None
    anchor = Anchor.PUBLICATION
    weekday = m["weekday"] or m["weekday2"]
    if weekday:
        base = ctx.base(m, narrative=True, day=True)
        if base is not None:
            day, anchor = weekday_near(base[0], weekday_number(weekday), ctx.tense(m)), base[1]
    elif m["deictic"]:
        if ctx.now is not None:
            day = Period("day", ctx.now).shift({"today": 0, "yesterday": -1, "tomorrow": 1}[m["deictic"].lower()])
    elif ctx.near_reference is not None and ctx.near_reference.unit == "day":
        # the day just named ("On Tuesday ... At 3 p.m."); a clock far from any day (a live blog's "2:00 p.m."
        # entry) is the publication's
        day, anchor = ctx.near_reference, Anchor.NARRATIVE
    elif ctx.now is not None:
        day = Period("day", ctx.now)
    if day is None:
        return Reading(TimexType.TIME, Anchor.NONE)
    return _date(day.with_clock(clock), anchor)


def _noon(m: re.Match[str], ctx: Context) -> Reading | None:
    if ctx.now is None:
        return Reading(TimexType.TIME, Anchor.NONE)
    clock = "T12:00" if m["word"].lower() == "noon" else "T24:00"
    if m["weekday"]:  # "at midnight Friday", "starting at noon Saturday"
        base = ctx.base(m, narrative=True, day=True)
        if base is None:
            return Reading(TimexType.TIME, Anchor.NONE)
        return _date(weekday_near(base[0], weekday_number(m["weekday"]), ctx.tense(m)).with_clock(clock), base[1])
    return _date(Period("day", ctx.now).with_clock(clock), Anchor.PUBLICATION)


def _full_date_any(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["month3"]:
        month, day, year = m["month3"], m["day3"], m["year3"]
        if int(year) == _day(day) + 1:
            return None  # "Dec 29/30": two days, not 1930
    else:
        month, day = (m["month"], m["day"]) if m["month"] else (m["month2"], m["day2"])
        year = m["year"]
    period = _safe(_year(year), month_number(month), _day(day))
    return _date(period, Anchor.ABSOLUTE) if period else None


def _month_day_any(m: re.Match[str], ctx: Context) -> Reading | None:
    month, day = (m["month"], m["day"]) if m["month"] else (m["month2"], m["day2"])
    base = ctx.base(m)
    if base is None:
        return Reading(TimexType.DATE, Anchor.NONE)
    past = base[1] is Anchor.PUBLICATION and ctx.past_governs(m)
    weekday = weekday_number(m["weekday"]) if m["weekday"] else None
    return _date(month_day_near(base[0], month_number(month), _day(day), ctx.tense(m), past=past,
                                weekday=weekday), base[1])


def _word_century(m: re.Match[str], ctx: Context) -> Reading | None:
    number = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21}[m["ordinal"].lower()]
    return _date(Period("century", date((number - 1) * 100, 1, 1)), Anchor.ABSOLUTE, _mod(m["mod"]))


def _vague_past(m: re.Match[str], ctx: Context) -> Reading | None:
    return Reading(TimexType.DATE, Anchor.NONE, "PAST_REF")


def _vague_future(m: re.Match[str], ctx: Context) -> Reading | None:
    return Reading(TimexType.DATE, Anchor.NONE, "FUTURE_REF")


WEEKDAY_NAMES: Final = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})

_MOD: Final = r"(?:(?P<mod>early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+)?"
_REL: Final = r"(?:(?P<rel>last|next|this|this coming|coming|past|previous)\s+)?"
_NUM: Final = rf"(?P<count>{VAGUE_RE}|{NUMBER_RE})"
_PART: Final = rf"(?:\s+(?P<part>{DAY_PART_RE}))?"
_AMPM: Final = r"(?P<ampm>[ap]\.?\s?m\b\.?)"
_ZONE: Final = r"(?:\s+(?:[A-Z]{2,4}T|GMT|UTC|local time|ET|PT|CT))?"


_MONTH_TRIGGER: Final = r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
# (with "half", for "the first half of 2012": one pass over the text serves both; a trigger is a pass per article)
_UNIT_TRIGGER: Final = r"(?i:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|half)"
_YEAR_TRIGGER: Final = r"\b(?:1[6-9]|20)\d\d\b"
# What every match of a rule contains (case-sensitive unless marked (?i:...)).
_TRIGGERS: Final[dict[str, str]] = {
    "full-date": _MONTH_TRIGGER, "month-year": _MONTH_TRIGGER, "month-day": _MONTH_TRIGGER, "month": _MONTH_TRIGGER,
    "month-this-year": _MONTH_TRIGGER, "numeric-date": r"\d[/-]\d", "year": _YEAR_TRIGGER,
    "year-range-end": _YEAR_TRIGGER, "decade": r"0s\b", "century": r"(?i:centur)",
    "deictic-day": r"(?i:today|tonight|yesterday|tomorrow)", "last-night": r"(?i:night|morning|afternoon|evening)",
    "weekday": r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)", "decade-duration": r"(?i:decade|century)",
    "this-unit": r"(?i:\b(?:this|current|last|past|previous|next|coming)\b)", "season": r"(?i:spring|summer|autumn|fall|winter)",
    "quarter": r"(?i:quarter)", "quarter-ended": r"(?i:quarter)", "half": _UNIT_TRIGGER, "q-quarter": r"Q[1-4]",
    "ago": r"(?i:\bago\b)",
    "later": r"(?i:\b(?:later|earlier|before|after)\b)",
    "anaphoric": r"(?i:\b(?:next|following|previous|same|subsequent|prior|that)\b)",
    "reported-period": r"(?i:quarter|period)", "year-ago-period": r"(?i:year-)", "weekend": r"(?i:weekend)",
    "end-of": r"(?i:(?:end|beginning|start|middle) of)", "year-end": r"(?i:year-end|year's end)",
    "holiday": r"(?i:christmas|new year|independence|valentine|halloween|thanksgiving)",
    "present": r"(?i:now|current|present|these days)", "past": r"(?i:recent|past|at the time|lately)",
    "future": r"(?i:future)", "duration": _UNIT_TRIGGER, "duration-adjective": _UNIT_TRIGGER, "recent-units": _UNIT_TRIGGER, "bare-units": _UNIT_TRIGGER,
    "set": r"(?i:\b(?:every|each)\b)", "adverb-set": r"(?i:ly\b)", "clock": r"(?i:[ap]\.?\s?m\b|\d[:.]\d\d)",
    "noon": r"(?i:noon|midnight)",
}


# A four-digit number that is no year: a vehicle's model year ("a 2007 silver Ford Fusion"), a
# house number ("2016 Ontario Street", "at 2016 Ontario"), a bond's maturity ("its 2025 bond").
_COLOURS: Final = r"silver|black|white|red|blue|gr[ae]y|green|gold|tan|maroon|beige|brown|dark|light"
_MAKES: Final = (r"Acura|Alfa Romeo|Aston Martin|Audi|Bentley|BMW|Buick|Cadillac|Chevrolet|Chevy|Chrysler|Citroen|"
                 r"Dodge|Ferrari|Fiat|Ford|GMC|Honda|Hummer|Hyundai|Infiniti|Jaguar|Jeep|Kia|Lamborghini|Land Rover|"
                 r"Lexus|Lincoln|Maserati|Mazda|Mercedes(?:-Benz)?|Mercury|Mitsubishi|Nissan|Oldsmobile|Opel|Peugeot|"
                 r"Plymouth|Pontiac|Porsche|Range Rover|Renault|Rolls-Royce|Saab|Saturn|Scion|Skoda|Subaru|Suzuki|"
                 r"Tesla|Toyota|Vauxhall|Volkswagen|VW|Volvo")
_STREETS: Final = (r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Lane|Ln|Way|Court|Ct|Place|Terrace|"
                   r"Highway|Hwy|Parkway|Pkwy")
_NOT_A_YEAR: Final = (rf"(?!\s+(?:(?i:{_COLOURS})|{_MAKES})\b)(?!(?:\s+[A-Z][\w'-]*){{1,3}}\.?\s+(?:{_STREETS})\b)"
                      r"(?!(?<=\bat \d{4})\s+[A-Z])(?!\s+(?i:bond|note|debenture|maturity)\b)")


def _rule(name: str, pattern: str, read: Reader, flags: int = re.IGNORECASE) -> Rule:
    trigger = _TRIGGERS[name]
    lowered_trigger = None
    if trigger.startswith("(?i:") and trigger.endswith(")"):
        lowered_trigger = re.compile(trigger[4:-1])
    lowered = re.compile(pattern) if flags & re.IGNORECASE else None
    return Rule(name, re.compile(pattern, flags), read, re.compile(trigger), lowered, lowered_trigger)


# Month and weekday patterns are case-sensitive (capitalised names): "march" and "may" are verbs,
# "sun" and "wed" are words. The (?i:...) groups keep the words around them case-insensitive.
RULES: Final[tuple[Rule, ...]] = (
    _rule("full-date", rf"{_B}(?:{WEEKDAY_RE},?\s+)?(?:(?P<month>{MONTH_RE}|{MONTH_ABBR_RE})\s+(?P<day>{DAY_RE}),?"
                       rf"|(?i:the\s+)?(?P<day2>{DAY_RE})\s+(?i:of\s+)?(?P<month2>{MONTH_RE}|{MONTH_ABBR_RE}),?)"
                       rf"\s+(?P<year>{YEAR_RE}){_E}"
                       # a market table's "(Dec 29/89)": the year in two digits after a slash
                       rf"|{_B}(?P<month3>{MONTH_ABBR_RE}|{MONTH_RE})\s+(?P<day3>{DAY_RE})/(?P<year3>\d\d)(?![\w/])",
          _full_date_any, flags=0),
    _rule("numeric-date", rf"{_B}(?:(?P<iso>(?P<y1>{YEAR_RE})-(?P<m1>[01]\d)-(?P<d1>[0-3]\d))"
                          r"|(?P<m2>1[0-2]|0?[1-9])/(?P<d2>[12]\d|3[01]|0?[1-9])/(?P<y2>(?:19|20)?\d\d)"
                          r"|(?P<d3>1[3-9]|2\d|3[01])/(?P<m3>1[0-2]|0?[1-9])/(?P<y3>(?:19|20)\d\d))(?![\w/-])",
          _numeric_date),
    _rule("month-year", rf"{_B}(?i:{_MOD})(?P<month>{MONTH_RE}|{MONTH_ABBR_RE}),?\s+(?i:of\s+)?(?P<year>{YEAR_RE}){_E}",
          _month_year, flags=0),
    _rule("month-day", rf"{_B}(?:(?P<weekday>{WEEKDAY_RE}),?\s+)?(?:(?P<month>{MONTH_RE}|{MONTH_ABBR_RE})\s+(?P<day>{DAY_RE})"
                       rf"|(?i:the\s+)?(?P<day2>{DAY_RE})\s+(?i:of\s+)?(?P<month2>{MONTH_RE}|{MONTH_ABBR_RE})){_E}"
                       r"(?!\s*(?:,\s*)?\d)",
          _month_day_any, flags=0),
    _rule("month", rf"{_B}(?i:{_MOD}{_REL})(?P<month>{MONTH_RE}){_E}(?!\s+\d)", _month, flags=0),
    _rule("month-this-year", rf"{_B}(?i:{_MOD})(?P<month>{MONTH_RE}|{MONTH_ABBR_RE})(?:\s+(?P<day>{DAY_RE}))?,?\s+"
                             r"(?i:(?:of\s+)?(?P<rel>this|last|next|that|the same)\s+year)" + _E, _month_this_year,
          flags=0),
    _rule("year", rf"(?:{_B}|(?<=\d[-–]))(?i:{_MOD})(?i:(?:fiscal|calendar)\s+(?:year\s+)?)?(?P<year>{YEAR_RE}){_E}"
                  r"(?![.,]\d|\s*(?:%|percent|per\s?cent|people|troops|soldiers|km|kilomet|miles|metres|meters|feet|"
                  r"tons|tonnes|dollars|euros|pounds|votes|units|cases|deaths|members|men|women|children|years|"
                  r"[a-z]+s\b))(?<!\$\d{4})" + _NOT_A_YEAR,
          _year_only, flags=0),
    _rule("year-range-end", rf"(?<=(?P<first>{YEAR_RE})[-–/])(?P<end>\d\d){_E}", _year_range_end),
    _rule("decade", rf"{_B}(?:the\s+)?{_MOD}(?P<decade>(?:1[6-9]|20)\d0|['’]\d0)s{_E}", _decade),
    _rule("century", rf"{_B}(?:the\s+)?{_MOD}(?P<ordinal>\d{{1,2}}(?:st|nd|rd|th)|"
                     r"(?:twentieth|twenty-first|nineteenth))\s+century" + _E,
          lambda m, c: _century(m, c) if m["ordinal"][0].isdigit() else _word_century(m, c)),
    _rule("deictic-day", rf"{_B}(?P<word>today|tonight|yesterday|tomorrow)(?:\s+(?P<part>morning|afternoon|"
                         r"evening|night))?" + _E, _deictic_day),
    _rule("last-night", rf"{_B}(?P<rel>last|this)\s+(?P<part>night|morning|afternoon|evening){_E}", _last_night),
    _rule("weekday", rf"{_B}(?i:(?:(?P<rel>last|next|this|this coming|coming|(?:the\s+)?(?:previous|preceding))\s+))?"
                     rf"(?P<weekday>{WEEKDAY_RE})"
                     rf"(?i:{_PART}){_E}",
          _weekday, flags=0),
    _rule("decade-duration", rf"{_B}the\s+(?:past|last|next|following|coming|previous)\s+(?P<unit>decade|century)"
                             + _E, lambda m, c: Reading(TimexType.DURATION, Anchor.ABSOLUTE,
                                                      _duration_value(1, unit_of(m["unit"])))),
    _rule("this-unit", rf"{_B}(?:{_MOD}|(?:(?:earlier|later)\s+))?(?P<rel>this|current|the current|last|past|"
                       r"previous|the previous|next|the next|coming|the coming|this coming|the last|the past)\s+"
                       r"(?:fiscal\s+|calendar\s+)?(?P<unit>week|weekend|month|quarter|year|decade|century)" + _E,
          _this_unit),
    _rule("season", rf"{_B}(?:{_MOD}|the\s+)?(?:(?P<rel>last|next|this|this coming|coming|past)\s+)?"
                    rf"(?P<season>{SEASON_RE})(?:\s+(?:of\s+)?(?P<year>{YEAR_RE}))?{_E}",
          lambda m, c: _season(m, c) if (m["rel"] or m["year"] or m["mod"]) else None),
    _rule("quarter", rf"{_B}(?:the\s+)?(?:(?P<year0>{YEAR_RE})\s+|(?P<yrel>last|next|this)\s+year['’]s\s+|"
                     r"(?P<ago>year-(?:ago|earlier))\s+)?(?:fiscal\s+)?"
                     r"(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)"
                     rf"[\s-]+(?:fiscal\s+)?quarter(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>{YEAR_RE}))?{_E}",
          _quarter),
    # without a year only where a report's quarter is meant: "in Q3", "Q3 results", not "a Q3 SUV" (a model's name)
    _rule("q-quarter", rf"{_B}(?:(?P<year2>{YEAR_RE})\s+Q(?P<q2>[1-4])|Q(?P<q3>[1-4])\s+(?P<year>{YEAR_RE})"
                       r"|(?:" + "|".join(rf"(?<=\b(?i:{w}) )"
                                          for w in ("in", "during", "for", "of", "the", "its", "their"))
                       + r")Q(?P<q>[1-4])(?=[,.;:]|\s+(?i:and|or|results|earnings|"
                       r"revenue|sales|profits?|loss|report|figures|numbers|growth|GDP)\b))(?![\w-])",
          _q_quarter, flags=0),
    _rule("half", rf"{_B}(?:the\s+)?(?P<which>first|second|last|latter)\s+half\s+of\s+(?:(?P<year>{YEAR_RE})|"
                  r"(?:fiscal\s+)?(?P<rel>this|last|next)\s+year)" + _E, _half),
    _rule("ago", rf"{_B}(?:(?:about|almost|nearly|some|more than|less than|over|just|only)\s+)?{_NUM}\s+"
                 rf"(?P<unit>{UNITS_RE})\s+ago{_E}", _ago),
    # "before"/"after" only closing a phrase ("two days after, ..."): "a year after Soleimani's death"
    # is anchored to an event, not to a date.
    _rule("later", rf"{_B}{_NUM}\s+(?P<unit>{UNITS_RE})\s+(?:(?P<dir>later|earlier){_E}(?!\s+than\b)|(?P<dir2>before|after)"
                   r"(?=\s*[,.;:!?]))", _later),
    _rule("anaphoric", rf"{_B}(?P<rel>(?:the\s+)?(?:next|following|previous|same|subsequent|prior)|that(?:\s+same)?)"
                       rf"\s+(?:(?P<unit>day|week|month|year){_PART}|(?P<part2>{DAY_PART_RE})){_E}", _anaphoric_day),
    _rule("reported-period", rf"{_B}the\s+(?:latest|current|most recent|fiscal|just-ended|recent)?\s*"
                             r"(?:quarter|period)" + _E + r"(?!\s+(?:of|ended|ending|to)\b)", _reported_period),
    _rule("quarter-ended", rf"{_B}(?i:the\s+(?:fiscal\s+)?quarter)(?=\s+(?i:ended|ending)\s+"
                           rf"(?P<month>{MONTH_RE}|{MONTH_ABBR_RE})\s+(?P<day>{DAY_RE}){_E})", _quarter_ended, flags=0),
    _rule("year-ago-period", rf"{_B}(?:(?:the|a)\s+)?year-(?:earlier|ago)(?:\s+(?:quarter|period|results|levels?))?"
                             + _E, _year_ago_period),
    _rule("weekend", rf"{_B}the\s+weekend{_E}", _weekend),
    _rule("end-of", rf"{_B}(?P<mod>the end of|the beginning of|the start of|the middle of)\s+(?:the\s+)?"
                    r"(?P<unit>week|month|year)" + _E, _end_of),
    _rule("year-end", rf"{_B}(?P<mod>year-end|year's end){_E}",
          _end_of_year),
    _rule("holiday", rf"{_B}(?:(?P<rel>last|next|this)\s+)?(?P<name>Christmas(?:\s+(?:Day|Eve))?|"
                     r"New\s+Year['’]s\s+(?:Day|Eve)|Independence\s+Day|Valentine['’]s\s+Day|Halloween|"
                     r"Thanksgiving(?:\s+Day)?)(?:\s+(?P<year>" + YEAR_RE + "))?" + _E, _holiday, flags=0),
    _rule("present", rf"{_B}(?:now|currently|nowadays|at present|these days|the present){_E}", _vague("PRESENT_REF")),
    # "previously" and "formerly" are left out: TBAQ marks 2 of 22.
    _rule("past", rf"{_B}(?:recently|the past|at the time|lately){_E}"
                  r"(?!\s+(?:\w+\s+)?(?:week|month|year|decade|century|days?|hours?)s?\b)", _vague_past),
    # "soon" is left out: TBAQ marks 4 of 18.
    _rule("future", rf"{_B}(?:the future|the near future){_E}", _vague_future),
    _rule("duration", rf"{_B}(?:(?:the|a|an)\s+)?(?:(?:past|last|next|first|previous|coming|following|final|"
                      r"remaining|mere|full|whole|entire|latest|initial|additional|further|another|other)\s+)?"
                      # a year before a singular unit is no count ("the 1988 second quarter")
                      rf"(?!{YEAR_RE}\s+{UNIT_RE}{_E}){_NUM}\s+(?:(?:consecutive|straight|successive|more)\s+)?"
                      rf"(?P<unit>{UNITS_RE})(?P<half>\s+and\s+a\s+half)?{_E}"
                      r"(?!-old|\s+old\b|\s+ago\b)",
          _duration),
    # "a four-week delay": the adjective is the expression, not the noun phrase.
    _rule("duration-adjective", rf"{_B}{_NUM}-(?P<unit>{UNIT_RE}){_E}(?!-old|-long)", _duration),
    _rule("recent-units", rf"{_B}(?:recent|coming|the coming|the past few|the last few)\s+(?P<unit>days|weeks|months|"
                          r"years|decades)" + _E, _bare_units),
    _rule("bare-units", r"\b(?:for|over|within|takes?|took|taking|in|after|lasting)\s+(?P<x>(?P<unit>minutes|hours|"
                        r"days|weeks|months|years|decades))" + _E + r"(?!\s+(?:of|later|earlier|ago|before|after)\b)",
          _bare_units),
    _rule("set", rf"{_B}(?:every|each)\s+(?P<what>day|night|week|month|year|quarter|morning|evening|afternoon|"
                 r"spring|summer|autumn|fall|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)" + _E,
          _set),
    # As adverbs only: "rallies almost daily", not "a quarterly dividend" or "daily share turnover".
    _rule("adverb-set", rf"{_B}(?P<word>hourly|daily|nightly|weekly|monthly|quarterly|annually|yearly){_E}"
                        r"(?!\s+(?!(?:and|or|to|in|at|for|from|on|by|with|since|until|through|the|a|an|"
                        r"basis)\b)[a-z])", _adverb_set),
    _rule("clock", rf"{_B}(?P<hour>[01]?\d|2[0-4])(?:(?:[:.](?P<minute>[0-5]\d))?\s*(?i:{_AMPM}){_ZONE}"
                   r"|:(?P<minute2>[0-5]\d)\s+(?:GMT|UTC|[A-Z]{2}T|local time))"
                   rf"(?:,?\s+(?:on\s+)?(?:(?P<weekday>{WEEKDAY_RE})|(?i:(?P<deictic>today|yesterday|tomorrow))))?"
                   # "10:35 a.m. (0735 GMT) Friday": the day after another zone's time in brackets is the clock's day
                   # (and an expression of its own)
                   rf"(?![\w])(?:(?=\s+\([^()]{{1,20}}\),?\s+(?:on\s+)?(?P<weekday2>{WEEKDAY_RE})\b))?",
          _clock, flags=0),
    _rule("noon", rf"{_B}(?P<word>noon|midnight)(?:,?\s+(?:on\s+)?(?P<weekday>{'|'.join(sorted(WEEKDAY_NAMES))}))?{_E}",
          _noon),
)

