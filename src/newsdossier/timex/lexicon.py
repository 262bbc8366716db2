"""Words of time: months, weekdays, numbers, units, seasons, parts of the day, and the regex
fragments the rules are written with."""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "ASCII_LOOKALIKES", "DAY_PARTS", "MONTHS", "NUMBERS", "ORDINALS", "SEASON_CODES", "UNITS", "WEEKDAYS",
    "month_number", "number_value", "unit_of", "without_lookalikes",
]

MONTHS: Final[dict[str, int]] = {}
for _number, _names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")), start=1):
    for _name in _names:
        MONTHS[_name] = _number

WEEKDAYS: Final[dict[str, int]] = {}  # ISO weekday numbers, Monday = 1
for _number, _names in enumerate(
        (("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
         ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")), start=1):
    for _name in _names:
        WEEKDAYS[_name] = _number

NUMBERS: Final[dict[str, float]] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "a couple of": 2, "couple of": 2, "a couple": 2, "half a": 0.5, "a half": 0.5,
}
# Quantities TimeML writes as X: "several years" is PXY.
VAGUE_NUMBERS: Final = ("a few", "few", "several", "some", "many", "a number of", "the next few", "dozens of",
                        "hundreds of", "a couple more")
ORDINALS: Final[dict[str, int]] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
}

# Unit -> (granularity for dates, TimeML duration code, True when the code goes after "T").
UNITS: Final[dict[str, tuple[str, str, bool]]] = {
    "second": ("day", "S", True), "minute": ("day", "M", True), "hour": ("day", "H", True),
    "day": ("day", "D", False), "night": ("day", "D", False), "week": ("week", "W", False),
    "weekend": ("week", "WE", False), "fortnight": ("week", "2W", False), "month": ("month", "M", False),
    "quarter": ("quarter", "Q", False), "year": ("year", "Y", False), "decade": ("decade", "DE", False),
    "century": ("century", "CE", False),
}
SEASON_CODES: Final[dict[str, str]] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA",
                                       "winter": "WI"}
DAY_PARTS: Final[dict[str, str]] = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
                                    "overnight": "TNI"}

# Python's case-insensitive matching takes these four letters for ASCII ones (the re module's docs on
# IGNORECASE): "laſt" matches "last", "wİnter" matches "winter". The tables above are ASCII, so text is
# matched, and matched words are looked up, with them replaced by the letters they match; one character
# for one, so offsets hold. Found by fuzzing (docs/reliability.md): the lookups raised KeyError.
ASCII_LOOKALIKES: Final = str.maketrans({"ſ": "s", "\u212a": "K", "ı": "i", "İ": "I"})
_LOOKALIKE: Final = re.compile("[ſ\u212aıİ]")

# Regex fragments (to be compiled with re.IGNORECASE unless said otherwise).
_MONTH_NAMES = sorted((m for m in MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True)
_MONTH_ABBREVIATIONS = sorted((m for m in MONTHS if len(m) <= 4 and m != "may"), key=len, reverse=True)
# Capitalised months only: "march" and "may" are verbs. Abbreviations need their full stop or
# a following day ("Jan. 2", "Jan 2").
MONTH_RE: Final = ("(?:" + "|".join(m.capitalize() for m in _MONTH_NAMES) + "|"
                   + "|".join(m.capitalize() + r"\." for m in _MONTH_ABBREVIATIONS) + "|"
                   + "|".join(m.upper() for m in _MONTH_NAMES) + ")")
MONTH_ABBR_RE: Final = "(?:" + "|".join(m.capitalize() for m in _MONTH_ABBREVIATIONS) + r")\.?"
WEEKDAY_RE: Final = ("(?:" + "|".join(w.capitalize() for w in WEEKDAYS if len(w) > 4) + "|"
                     + "|".join(w.capitalize() + r"\." for w in WEEKDAYS if len(w) <= 5 and w != "friday") + ")")
_NUMBER_WORDS = "|".join(sorted((n for n in NUMBERS if n not in ("a", "an")), key=len, reverse=True))
_UNIT_WORDS = "second|minute|hour|day|night|week(?:end)?|fortnight|month|quarter|year|decade|centur(?:y|ies)"
NUMBER_RE: Final = (rf"(?:\d+(?:\s+1/2|½)|\d+(?:[.,]\d+)?|(?:{_NUMBER_WORDS})(?:[- ](?:{_NUMBER_WORDS}))?|"
                    r"(?:\d+|a|one|two|three)\s+and\s+a\s+half|a|an)")
VAGUE_RE: Final = "(?:" + "|".join(sorted(VAGUE_NUMBERS, key=len, reverse=True)) + ")"
UNIT_RE: Final = rf"(?:{_UNIT_WORDS})"
UNITS_RE: Final = rf"(?:(?:{_UNIT_WORDS})s?|centuries)"
SEASON_RE: Final = "(?:spring|summer|autumn|fall|winter)"
DAY_PART_RE: Final = "(?:morning|afternoon|evening|night|overnight)"
YEAR_RE: Final = r"(?:1[6-9]\d\d|20\d\d)"
DAY_RE: Final = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


def without_lookalikes(text: str) -> str:
    """``text`` with the letters of :data:`ASCII_LOOKALIKES` replaced (translating only text that has one:
    measured, translating every non-ASCII article costs 0.65 ms in 5 KB)."""
    return text.translate(ASCII_LOOKALIKES) if _LOOKALIKE.search(text) else text


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


def number_value(words: str) -> float | None:
    """The number words say ("two" 2, "twenty-five" 25, "1.5", "two and a half"); None when vague."""
    words = words.lower().strip()
    if words.endswith(("1/2", "½")):  # "5 1/2 hours"
        return float(words.removesuffix("1/2").removesuffix("½").strip() or 0) + 0.5
    if words.endswith("and a half"):
        base = number_value(words[: -len("and a half")])
        return None if base is None else base + 0.5
    try:
        return float(words.replace(",", ""))
    except ValueError:
        pass
    if words in NUMBERS:
        return NUMBERS[words]
    parts = words.replace("-", " ").split()
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        first, second = NUMBERS[parts[0]], NUMBERS[parts[1]]
        return first * second if second == 100 else first + second
    return None


def unit_of(word: str) -> str:
    """The singular unit of "years", "centuries", "Week" ..."""
    word = word.lower()
    if word == "centuries":
        return "century"
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word
