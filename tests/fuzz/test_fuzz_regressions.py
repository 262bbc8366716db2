"""What the fuzzing of issue #26 found, each pinned by its smallest input and the behaviour now expected.

The fuzz targets keep these inputs as explicit examples too; here they say what the result is.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsdossier.clean import clean, prepare
from newsdossier.clean.dates import find_full_dates, parse_month_day
from newsdossier.entities import read_aliases
from newsdossier.ingest import read_inputs
from newsdossier.model import Format, RawDocument, SourceHints
from newsdossier.timex import find_time_expressions

pytestmark = pytest.mark.fuzz


def _expressions(text: str, published: date) -> list[tuple[str, str]]:
    return [(e.text, e.value) for e in find_time_expressions(text, published)]


@pytest.mark.parametrize(("text", "expected"), [
    # Case-insensitive matching takes "ſ" (long s), "K" (Kelvin), "ı" and "İ" for ASCII letters; the words
    # were then looked up as written and raised KeyError. They are read as the letters they match.
    ("in February laſt year", [("February laſt year", "2019-02")]),
    ("İ two dayſ ago", [("two dayſ ago", "2019-12-30")]),
    ("every ſunday", [("every ſunday", "XXXX-WXX-7")]),
])
def test_lookalike_letters_in_time_expressions(text: str, expected: list[tuple[str, str]]) -> None:
    assert _expressions(text, date(2020, 1, 1)) == expected


@pytest.mark.parametrize("published", [date(9999, 12, 31), date(1, 1, 1)])
def test_periods_off_the_calendar_are_unresolved(published: date) -> None:
    # "this week" on 31 December 9999 ends in year 10000: ValueError escaped find_time_expressions.
    # A CMS's "never expires" date (9999-12-31) taken for the publication date got there.
    found = _expressions("this year, this week, last year, yesterday", published)
    assert [text for text, _ in found] == ["this year", "this week", "last year", "yesterday"]


def test_lookalike_letters_in_month_names() -> None:
    # find_full_dates and parse_month_day raised KeyError: 'auguſt', and with them clean() of any
    # article holding such a date or dateline.
    assert find_full_dates("one year after Auguſt 5, 2020.") == [(15, 29, date(2020, 8, 5))]
    assert parse_month_day("Auguſt 5") == (8, 5)
    text = "BAGHDAD, Auguſt 5 (Reuters) - Officials said on Auguſt 4, 2020 that it was over.\n"
    raw = RawDocument("a.txt", None, Format.TEXT, "text/plain", text.encode(), "utf-8", text)
    assert clean(prepare(raw)).dateline == "BAGHDAD, Auguſt 5 (Reuters) -"


def test_an_alias_table_with_a_byte_order_mark(tmp_path: Path) -> None:
    # Windows editors start UTF-8 with a byte-order mark; it was read as part of the first line, whose
    # type was then lost and whose first name became "\ufeffORG: Daesh".
    path = tmp_path / "aliases.txt"
    path.write_bytes("ORG: Daesh | ISIS\n".encode("utf-8-sig"))
    (entry,) = read_aliases(path).entries
    assert (entry.type, entry.names) == ("ORG", ("Daesh", "ISIS"))


def test_a_feed_date_feedparser_reads_as_year_0(tmp_path: Path) -> None:
    # feedparser reads "0000 0 0" as 1 December of year 0; date() raised ValueError, which escaped
    # read_inputs and stopped the build. The entry is read without a date.
    path = tmp_path / "news.rss"
    path.write_text('<rss version="2.0"><channel><item><description>Baghdad</description>'
                    "<pubDate>0000 0 0</pubDate></item></channel></rss>")
    (document,) = read_inputs([path])
    assert isinstance(document, RawDocument) and document.hints == SourceHints()
