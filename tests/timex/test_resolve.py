"""Anchoring: which Sunday, which June, which 15 January, by tense and distance."""

from __future__ import annotations

from datetime import date

import pytest

from newsdossier.timex.resolve import month_day_near, month_near, season_near, weekday_near
from newsdossier.timex.tense import Tense, tense_around

FRIDAY = date(2020, 1, 3)


@pytest.mark.parametrize(("weekday", "tense", "relation", "expected"), [
    (7, Tense.PAST, "", date(2019, 12, 29)),  # "attacked ... on Sunday"
    (7, Tense.FUTURE, "", date(2020, 1, 5)),  # "will meet on Sunday"
    (7, None, "", date(2020, 1, 5)),  # untensed: the nearer one (2 days ahead vs 5 back)
    (2, None, "", date(2019, 12, 31)),  # untensed, Tuesday: 3 days back vs 4 ahead
    (5, Tense.PAST, "", FRIDAY),  # "said Friday" in a Friday paper is that day
    (5, Tense.FUTURE, "", FRIDAY),
    (5, None, "last", date(2019, 12, 27)),  # "last Friday" on a Friday is a week before
    (5, None, "next", date(2020, 1, 10)),
    (1, None, "this", date(2019, 12, 30)),  # "this Monday": the Monday of this week
])
def test_weekday_near(weekday: int, tense: Tense | None, relation: str, expected: date) -> None:
    assert weekday_near(FRIDAY, weekday, tense, relation=relation).start == expected


@pytest.mark.parametrize(("anchor", "month", "tense", "relation", "expected"), [
    (date(2021, 1, 3), 6, Tense.PAST, "", "2020-06"),  # "a similar episode in June"
    (date(2021, 1, 3), 6, Tense.FUTURE, "", "2021-06"),
    (date(2021, 1, 3), 1, Tense.PAST, "", "2021-01"),  # the anchor's own month
    (date(2013, 3, 22), 12, None, "", "2012-12"),  # untensed: nearer (3 months back vs 9 ahead)
    (date(2013, 3, 22), 6, None, "last", "2012-06"),
    (date(2013, 3, 22), 3, None, "last", "2012-03"),
    (date(2013, 3, 22), 4, None, "next", "2013-04"),
])
def test_month_near(anchor: date, month: int, tense: Tense | None, relation: str, expected: str) -> None:
    assert month_near(anchor, month, tense, relation=relation).value == expected


@pytest.mark.parametrize(("anchor", "month", "day", "tense", "expected"), [
    (date(2021, 1, 2), 1, 15, Tense.FUTURE, date(2021, 1, 15)),  # "as of 15 January"
    (date(2000, 1, 5), 1, 14, Tense.PAST, date(2000, 1, 14)),  # near: wins over a misread tense
    (date(2013, 3, 22), 12, 25, Tense.PAST, date(2012, 12, 25)),
    (date(2013, 3, 22), 12, 25, Tense.FUTURE, date(2013, 12, 25)),
    (date(2013, 3, 22), 9, 30, None, date(2012, 9, 30)),  # untensed: 173 days back beats 192 ahead
])
def test_month_day_near(anchor: date, month: int, day: int, tense: Tense | None, expected: date) -> None:
    period = month_day_near(anchor, month, day, tense)
    assert period is not None and period.start == expected


def test_a_day_the_month_lacks_is_no_date() -> None:
    assert month_day_near(date(2021, 1, 2), 2, 30, None) is None


@pytest.mark.parametrize(("anchor", "season", "relation", "expected"), [
    (date(2013, 3, 22), "SU", "last", "2012-SU"),
    (date(2013, 3, 22), "SU", "next", "2013-SU"),
    (date(2013, 7, 10), "SU", "this", "2013-SU"),
    (date(2013, 1, 10), "WI", "", "2012-WI"),  # January is in the winter that began in December
])
def test_season_near(anchor: date, season: str, relation: str, expected: str) -> None:
    assert season_near(anchor, season, None, relation=relation).value == expected


@pytest.mark.parametrize(("sentence", "timex", "expected"), [
    ("The US had attacked the bases on Sunday, killing 25.", "Sunday", Tense.PAST),
    ("Closures will begin on April 7.", "April 7", Tense.FUTURE),
    ("Only 2,500 soldiers are expected to remain as of 15 January.", "15 January", Tense.FUTURE),
    ("On Friday, the police arrested two men.", "Friday", Tense.PAST),  # the verb after it
    ("Mr. Schwarz will succeed Daniel Davison Feb. 1.", "Feb. 1", Tense.FUTURE),  # "succeed" is not past
    ("The meeting on Tuesday.", "Tuesday", None),
    # an infinitive passive looks ahead; an -ed word after an article is an adjective, not a past verb
    ("He said the rules to be issued in early March would settle it.", "early March", Tense.FUTURE),
    ("The bonus will be paid on an undisclosed date in June.", "June", Tense.FUTURE),
    # what is agreed, decided, planned or payable is still to come (TimeBank, the dev set: "agreed to purchase ...
    # line for $22 million in February" in an October article is next February); so is an adjective after an
    # article and an adverb
    ("The firm agreed to buy the unit for $22 million in February.", "February", Tense.FUTURE),
    ("NATO has decided to admit Poland in early March.", "early March", Tense.FUTURE),
    ("The accession was planned for early March.", "early March", Tense.FUTURE),
    ("The talks, set to resume Monday, were delayed.", "Monday", Tense.FUTURE),
    ("It declared a dividend, payable Dec. 15.", "Dec. 15", Tense.FUTURE),
    ("It would be paid on a still unspecified date in January.", "January", Tense.FUTURE),
    ("The company agreed on Monday to buy the unit.", "Monday", Tense.PAST),  # the day it agreed
    # "next to" is a place, not a time ahead (a TimeBank bombing report: "next to the embassy ... Friday morning")
    ("A car bomb exploded next to the ministry in the capital Friday morning.", "Friday morning", Tense.PAST),
    # a deadline moved or granted is still to come, whatever the verb's tense; a stay until a day is not
    ("The judge adjourned the hearing until Monday.", "Monday", Tense.FUTURE),
    ("Rebels were given until mid-November to lay down their arms.", "mid-November", Tense.FUTURE),
    ("The ministry extended the ceasefire through January.", "January", Tense.FUTURE),
    ("He stayed in the hospital until Tuesday.", "Tuesday", Tense.PAST),
    # a plan overtaken points neither way: its day may be gone or still ahead (the nearest one is taken)
    ("The truce had been due to expire Friday evening.", "Friday evening", None),
    # "reported" after a name is a verb (after an article it is an adjective: "the reported attack")
    ("The paper reported Saturday that the senator was planning to quit.", "Saturday", Tense.PAST),
    # a plan in hand when it was told ("were planning to", "were hoping to") points neither way; "are planning to" ahead
    ("Unions planned a march on Saturday and were planning to block the port.", "Saturday", None),
    ("Unions are planning to march on Saturday.", "Saturday", Tense.FUTURE),
    # "called" after a name or a pronoun is a verb; after a noun it names ("a group called Hamas")
    ("In April, Lopez called the plan to open a mine a mistake.", "April", Tense.PAST),
    ("In April a group called Hamas will open an office.", "April", Tense.FUTURE),
    # a capitalised word in -ed inside a sentence is a name, not a past verb ("Sen. Ted Cruz")
    ("Aides say the governor will endorse Sen. Ted Cruz at a rally on Saturday.", "Saturday", Tense.FUTURE),
])
def test_tense_around(sentence: str, timex: str, expected: Tense | None) -> None:
    start = sentence.index(timex)
    assert tense_around(sentence, start, start + len(timex)) is expected
