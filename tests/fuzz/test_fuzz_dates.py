"""Fuzzing the header date reader and the publication-date evidence (issue #26).

read_date_line reads any line without raising: a stamp (one or two readings, or a month and a day)
or None. A stamp survives its own encoding (the form line labels carry it in). The text's dates
(find_full_dates) lie inside the text, and resolving a publication date never raises.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsdossier.clean.dates import (
    DateCandidate,
    evidence_windows,
    find_full_dates,
    parse_date_line,
    parse_month_day,
    resolve_publication_date,
)
from newsdossier.clean.stamps import DateStamp, read_date_line
from newsdossier.model import DateBasis

from .strategies import MONTH_WORDS, WEEKDAY_WORDS, any_text, date_strings, dates, sentence

pytestmark = pytest.mark.fuzz

PROSE = (*MONTH_WORDS, *WEEKDAY_WORDS, "one year after", "anniversary", "President-elect", "Joe", "Biden", "Trump",
         "Bush", "two years since", "the first anniversary", "said", "on", "in", "the", "Published", "Updated")
LINES = st.one_of(date_strings(), date_strings().map(str.upper), sentence(PROSE), any_text(),
                  st.tuples(date_strings(), any_text()).map("".join))


@given(line=LINES, bare=st.booleans())
@example(line="Auguſt 5, 2020", bare=False)  # a long s that case-insensitive matching takes for "s"
@example(line="29 February 2021 10:00 GMT", bare=False)  # no such day
@example(line="11 / 09 / 2010", bare=False)
def test_header_date_lines(line: str, bare: bool) -> None:
    stamp = read_date_line(line, bare=bare)
    assert stamp == read_date_line(f"  {line}\t", bare=bare), "a stamp is read from the stripped line"
    plain = stamp if not bare else read_date_line(line)
    one_reading = plain is not None and len(plain.readings) == 1
    assert parse_date_line(line) == ((plain.readings[0], plain.has_time) if plain and one_reading else None)
    if stamp is None:
        return
    assert bool(stamp.readings) != bool(stamp.month_day), stamp
    assert len(stamp.readings) <= 2 and len(set(stamp.readings)) == len(stamp.readings)
    if stamp.month_day:
        month, day = stamp.month_day
        assert 1 <= month <= 12 and 1 <= day <= 31
    assert DateStamp.decode(stamp.encode()) == DateStamp(stamp.readings, stamp.has_time, stamp.updated,
                                                         stamp.stated, stamp.month_day)
    if bare:
        assert stamp == plain, "a bare stamp is a stamp"


@given(text=st.one_of(sentence(PROSE), st.lists(LINES, max_size=6).map("\n".join), any_text()))
@example(text="It was one year after Auguſt 5, 2020.")
@example(text="one year after February 29, 2020 and President-elect Joe Biden")
def test_dates_in_text(text: str) -> None:
    found = find_full_dates(text)
    assert [start for start, _, _ in found] == sorted({start for start, _, _ in found})
    for start, end, value in found:
        assert 0 <= start < end <= len(text) and isinstance(value, date)
    for window in evidence_windows(text, found):
        assert window.earliest <= window.latest and window.why
    parse_month_day(text)


_BASES = st.sampled_from(list(DateBasis))
CANDIDATES = st.builds(
    DateCandidate, value=st.none() | dates(), basis=_BASES, text=st.text(max_size=8),
    month_day=st.none() | st.tuples(st.integers(1, 12), st.integers(1, 31)), has_time=st.booleans(),
    before_title=st.booleans(), readings=st.lists(dates(), max_size=2).map(tuple), stated=st.booleans())


@given(candidates=st.lists(CANDIDATES, max_size=4), body=st.one_of(sentence(PROSE), any_text()))
@example(candidates=[DateCandidate(None, DateBasis.BYLINE, "x", month_day=(2, 29))], body="On 1 March 2021 ...")
@example(candidates=[DateCandidate(None, DateBasis.BYLINE, "x", readings=(date(9999, 12, 31), date(9999, 1, 12)))],
         body="On December 30, 9999 ...")
def test_publication_dates(candidates: list[DateCandidate], body: str) -> None:
    published = resolve_publication_date(candidates, body)
    assert published.evidence
    if published.value is not None:
        assert published.basis is not None and published.earliest is not None and published.latest is not None
        assert published.earliest <= published.value <= published.latest
    assert resolve_publication_date(candidates, body) == published
