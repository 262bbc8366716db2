"""Fuzzing the time-expression grammar (issue #26): sentences of its own words, any publication date.

find_time_expressions reads any text against any publication date (none, a day from year 1 to
9999, an estimated range) without raising. Every expression lies inside the text, its recorded
text is the text at its offsets, expressions do not overlap, and a dated one covers first..last.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsdossier.model import DateBasis, PublicationDate
from newsdossier.timex import TimexType, find_time_expressions, split_sentences

from .strategies import MONTH_WORDS, WEEKDAY_WORDS, anchors, any_text, date_strings, sentence

pytestmark = pytest.mark.fuzz

# The grammar's vocabulary (timex.lexicon and timex.rules), with the words around expressions.
VOCABULARY = (
    *MONTH_WORDS, *WEEKDAY_WORDS, "last", "next", "this", "this coming", "coming", "past", "previous", "following",
    "same", "that", "the", "a", "an", "one", "two", "three", "twenty-five", "a few", "several", "two and a half",
    "a dozen", "half a", "day", "days", "week", "weeks", "weekend", "fortnight", "month", "months", "quarter",
    "year", "years", "decade", "century", "centuries", "hour", "minutes", "ago", "later", "earlier", "before",
    "after", "today", "tonight", "yesterday", "tomorrow", "morning", "afternoon", "evening", "night", "overnight",
    "noon", "midnight", "spring", "summer", "autumn", "fall", "winter", "Christmas", "Christmas Eve",
    "New Year's Day", "Thanksgiving", "Halloween", "Valentine’s Day", "Independence Day", "early", "mid-", "late",
    "the end of", "the beginning of", "year-end", "year-ago", "fiscal", "first", "second", "third", "fourth",
    "21st", "1990s", "'90s", "the 1990s", "every", "each", "daily", "weekly", "annually", "now", "currently",
    "recently", "the future", "at the time", "3:30 p.m.", "10 a.m.", "15:00 GMT", "EST", "on", "in", "by", "since",
    "for", "within", "said", "will", "was", "has been", "Theresa", "May", "Ford", "2007", "Street", "2020-01-03",
    "1/3/2020", "12/31/99", "2009-10", "1957-58", "Q3", "percent", "people", ".", ",", "\n",
)
TEXTS = st.one_of(sentence(VOCABULARY, max_words=40), sentence(VOCABULARY, max_words=8), date_strings(), any_text(),
                  st.tuples(sentence(VOCABULARY, max_words=12), any_text(), sentence(VOCABULARY, max_words=12))
                  .map("".join))


@st.composite
def sentence_spans(draw: st.DrawFn, text: str) -> list[tuple[int, int]] | None:
    """None (the text is split here), or sorted spans inside the text as an NLP analysis gives them."""
    if draw(st.booleans()):
        return None
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=6))) | {0, len(text)})
    return [(start, end) for start, end in zip(cuts, cuts[1:]) if end > start]


@given(text=TEXTS, published=anchors(), data=st.data())
@example(text="in February laſt year", published=date(2020, 1, 1), data=None)  # long s matched as "s"
@example(text="İ two dayſ ago, every ſunday", published=date(2020, 1, 1), data=None)
@example(text="this year", published=date(9999, 12, 31), data=None)  # a period that ends after year 9999
@example(text="last year, yesterday", published=date(1, 1, 1), data=None)
@example(text="on Sunday, a year later", published=PublicationDate(date(2020, 2, 29), DateBasis.ESTIMATED,
                                                                  date(1, 1, 1), date(9999, 12, 31)), data=None)
def test_time_expressions(text: str, published: PublicationDate | date | None, data: st.DataObject | None) -> None:
    sentences = data.draw(sentence_spans(text)) if data is not None else None
    found = find_time_expressions(text, published, sentences=sentences)
    end = 0
    for expression in found:
        assert end <= expression.start < expression.end <= len(text), (expression, end)
        assert text[expression.start:expression.end] == expression.text
        assert isinstance(expression.type, TimexType) and expression.rule
        if expression.first is not None or expression.last is not None:
            assert expression.first is not None and expression.last is not None
            assert expression.first <= expression.last, expression
        end = expression.end
    assert find_time_expressions(text, published, sentences=sentences) == found


@given(text=TEXTS)
def test_sentence_split(text: str) -> None:
    end = 0
    for start, stop in split_sentences(text):
        assert end <= start < stop <= len(text)
        end = stop
