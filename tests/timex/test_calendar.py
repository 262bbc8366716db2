"""Calendar periods: the TimeML values they print as, the days they cover, and shifting."""

from __future__ import annotations

from datetime import date

import pytest

from newsdossier.timex.calendar import Period, period_at


@pytest.mark.parametrize(("day", "unit", "value", "first", "last"), [
    (date(2019, 12, 29), "day", "2019-12-29", date(2019, 12, 29), date(2019, 12, 29)),
    (date(2020, 1, 3), "week", "2020-W01", date(2019, 12, 30), date(2020, 1, 5)),
    (date(2021, 1, 3), "week", "2020-W53", date(2020, 12, 28), date(2021, 1, 3)),
    (date(2020, 6, 17), "month", "2020-06", date(2020, 6, 1), date(2020, 6, 30)),
    (date(2020, 2, 10), "month", "2020-02", date(2020, 2, 1), date(2020, 2, 29)),
    (date(1989, 10, 26), "quarter", "1989-Q4", date(1989, 10, 1), date(1989, 12, 31)),
    (date(2013, 3, 22), "half", "2013-H1", date(2013, 1, 1), date(2013, 6, 30)),
    (date(2013, 7, 1), "season", "2013-SU", date(2013, 6, 1), date(2013, 8, 31)),
    (date(2014, 1, 15), "season", "2013-WI", date(2013, 12, 1), date(2014, 2, 28)),
    (date(2013, 3, 22), "year", "2013", date(2013, 1, 1), date(2013, 12, 31)),
    (date(1994, 5, 1), "decade", "199", date(1990, 1, 1), date(1999, 12, 31)),
    (date(1957, 5, 1), "century", "19", date(1900, 1, 1), date(1999, 12, 31)),
])
def test_period_value_and_days(day: date, unit: str, value: str, first: date, last: date) -> None:
    period = period_at(day, unit)
    assert (period.value, period.first, period.last) == (value, first, last)


@pytest.mark.parametrize(("day", "unit", "count", "value"), [
    (date(2021, 1, 3), "week", -1, "2020-W52"),  # "last week" on Sunday 3 January 2021
    (date(2020, 1, 3), "day", -5, "2019-12-29"),
    (date(2021, 1, 31), "month", 1, "2021-02"),
    (date(1989, 11, 2), "quarter", -1, "1989-Q3"),
    (date(1989, 2, 2), "quarter", -1, "1988-Q4"),
    (date(2013, 3, 22), "year", 1, "2014"),
    (date(2013, 3, 22), "decade", -1, "200"),
])
def test_shift_moves_by_whole_units(day: date, unit: str, count: int, value: str) -> None:
    assert period_at(day, unit).shift(count).value == value


def test_clock_and_weekend_print_in_the_value() -> None:
    assert Period("day", date(2013, 3, 23)).with_clock("T15:00").value == "2013-03-23T15:00"
    weekend = Period("week", date(2013, 3, 18), weekend=True)
    assert (weekend.value, weekend.first, weekend.last) == ("2013-W12-WE", date(2013, 3, 23), date(2013, 3, 24))


def test_unknown_granularity_says_which_exist() -> None:
    with pytest.raises(ValueError, match="choose one of day, week"):
        period_at(date(2020, 1, 1), "fortnight")
