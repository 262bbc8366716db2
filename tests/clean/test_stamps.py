"""Issue #22: header date stamps in the forms real pages write them (lines from the ECB+ train topics'
articles and their like), and what the text does with a stamp whose day and month can swap."""

from __future__ import annotations

from datetime import date

import pytest

from newsdossier.clean import clean, prepare
from newsdossier.clean.dates import DateCandidate, resolve_publication_date
from newsdossier.clean.stamps import DateStamp, read_date_line
from newsdossier.model import DateBasis, Format, RawDocument, SourceHints


@pytest.mark.parametrize(("line", "readings", "has_time"), [
    ("May 3, 2013 at 7:31 AM ET", (date(2013, 5, 3),), True),
    ("First Published: June 13, 2013 4:59 PM EDT", (date(2013, 6, 13),), True),
    ("Published: 09 Sep 2013 11:25 GMT+02:00", (date(2013, 9, 9),), True),
    ("12:48PM BST 09 Sep 2013", (date(2013, 9, 9),), True),
    ("Reuters Sep 18, 2013, 02.16PM IST", (date(2013, 9, 18),), True),
    ("POSTED: 05 / 02 / 07, 9:00 PM PDT |", (date(2007, 5, 2),), True),  # a 12-hour clock and PDT: month first
    ("Thursday 29 July 2004 08.23 BST", (date(2004, 7, 29),), True),
    ("Sunday, November 27-2005 at 16:12", (date(2005, 11, 27),), True),
    ("Novemer 27, 2005", (date(2005, 11, 27),), False),  # a misspelt month
    ("27 NOVEMBER, 2005", (date(2005, 11, 27),), False),
    ("Published: 2012.08.08 09:01 AM", (date(2012, 8, 8),), True),
    ("Article posted on 08.07.2012", (date(2012, 7, 8),), False),  # full stops: day first
    ("9 September 2013, 14:08", (date(2013, 9, 9),), True),
    ("11 / 09 / 2010", (date(2010, 11, 9), date(2010, 9, 11)), False),  # nothing says which: both
])
def test_real_header_stamps(line: str, readings: tuple[date, ...], has_time: bool) -> None:
    stamp = read_date_line(line)
    assert stamp is not None
    assert (stamp.readings, stamp.has_time) == (readings, has_time)


def test_the_published_date_of_a_line_with_an_update_and_an_update_alone() -> None:
    both = read_date_line("Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 28, 2005 8:10 PM ET")
    assert both is not None and both.readings == (date(2005, 11, 27),) and both.stated and not both.updated
    alone = read_date_line("UPDATED: 19:14 GMT, 12 April 2013")
    assert alone is not None and alone.updated and alone.readings == (date(2013, 4, 12),)


@pytest.mark.parametrize("line", [
    "The attack took place on January 3, 2020 near the airport.",
    "Vincent 'The Chin' Gigante died while in prison custody on December 19, 2005.",
    "End of Watch: Friday, June 24, 2005",  # a memorial's date of death, not a publication stamp
    "Seacom operations fully restored: 4 November 2011",  # a headline
    "Watergate figure Fred LaRue, July 24",
    "Ellen DeGeneres to host 2014 Oscars",
    "— Robert Maguire (@RobertMaguire_) November 18, 2019",  # an embedded tweet's signature
    "29 November 2018 | 20 January 2019",  # an exhibition's dates, not a publication and its update
])
def test_prose_and_headlines_are_no_stamps(line: str) -> None:
    assert read_date_line(line) is None


def test_a_stamp_without_a_year_and_the_encoding_round_trip() -> None:
    stamp = read_date_line("Dec. 24 4:33 AM EST")
    assert stamp is not None and stamp.readings == () and stamp.month_day == (12, 24) and stamp.has_time
    for value in (stamp, DateStamp((date(2007, 4, 9), date(2007, 9, 4)), True, False, True)):
        assert DateStamp.decode(value.encode()) == value


def test_swappable_day_and_month_are_settled_by_the_text_or_left_unknown() -> None:
    candidate = DateCandidate(None, DateBasis.BYLINE, "header date", readings=(date(2007, 4, 9), date(2007, 9, 4)))
    settled = resolve_publication_date([candidate], "The shooting happened on April 8, 2007, police said.")
    assert settled.value == date(2007, 4, 9) and "settled" in settled.evidence
    unknown = resolve_publication_date([candidate], "The shooting happened on Sunday, police said.")
    assert unknown.value is None and "can swap" in unknown.evidence


def _text(body: str) -> RawDocument:
    data = body.encode("utf-8")
    return RawDocument("a.txt", None, Format.TEXT, "text/plain", data, "utf-8", body, SourceHints())


PROSE = ("The council met on Tuesday to discuss the plan, officials said, and a vote is expected soon. " * 3).strip()


def test_a_stamp_that_names_the_publication_is_believed_whatever_the_text_dates() -> None:
    """An obituary states only dates decades old; "Published:" makes the stamp the page's own statement,
    where a bare date that far after the text's dates may be a site's date widget."""
    obituary = f"Watergate aide dies at 75\n\nPublished: July 29, 2004\n\nHe was born on March 30, 1929. {PROSE}\n"
    assert clean(prepare(_text(obituary))).published.value == date(2004, 7, 29)
    bare = f"Watergate aide dies at 75\n\nJuly 29, 2004\n\nHe was born on March 30, 1929. {PROSE}\n"
    assert clean(prepare(_text(bare))).published.value is None


def test_inside_the_body_a_stamp_is_a_date_alone() -> None:
    assert read_date_line("2018.04.05 ~ OPEN RUN") is not None  # in a header: a date and two words
    assert read_date_line("2018.04.05 ~ OPEN RUN", bare=True) is None
    article = clean(prepare(_text(f"Runners gather for spring race\n\nMarch 30, 2018\n\n{PROSE}\n\n"
                                  f"2018.04.05 ~ OPEN RUN\n\n{PROSE}\n")))
    assert not any(r.reason.startswith("date") and "OPEN RUN" in r.text for r in article.removed)
    assert article.published.value == date(2018, 3, 30)


def test_a_date_line_deep_in_the_body_is_the_articles_own_and_a_live_page_dates_from_its_first_entry() -> None:
    """"Mar. 8, 2014 12:41 a.m." heading a timeline's entry far down an article of March 24 is no stamp
    (WikiRef220 trial); a live page's entries, newest first, date the page from the earliest."""
    timeline = "\n\n".join(["Jet fell into ocean, premier says", PROSE, *[PROSE] * 12, "Tracking the flight",
                             "Mar. 8, 2014 12:41 a.m.", "The plane leaves Kuala Lumpur bound for Beijing.", PROSE])
    assert clean(prepare(_text(timeline + "\n"))).published.value is None
    live = "\n\n".join(["Megaquake: what we know", "0930 GMT, 12 March 2011", PROSE, "1830 GMT, 11 March 2011",
                         PROSE])
    assert clean(prepare(_text(live + "\n"))).published.value == date(2011, 3, 11)
