"""find_time_expressions: extents, TimeML types and values, anchors, estimated dates, bad input."""

from __future__ import annotations

import re
from datetime import date

import pytest

from newsdossier.model import DateBasis, PublicationDate
from newsdossier.timex import Anchor, TimexType, find_time_expressions, split_sentences
from newsdossier.timex.rules import RULES

FRIDAY = date(2013, 3, 22)


def _found(text: str, published: date | PublicationDate | None = FRIDAY) -> list[tuple[str, str, str]]:
    return [(e.text, e.type.value, e.value) for e in find_time_expressions(text, published)]


@pytest.mark.parametrize(("text", "expected"), [
    # absolute dates
    ("It was signed on March 22, 2013.", [("March 22, 2013", "DATE", "2013-03-22")]),
    ("It was signed on 3 January 2020 in Baghdad.", [("3 January 2020", "DATE", "2020-01-03")]),
    ("By Friday, Jan. 3, 2020 it was over.", [("Friday, Jan. 3, 2020", "DATE", "2020-01-03")]),
    ("The raid in May 2010 killed nine.", [("May 2010", "DATE", "2010-05")]),
    ("Sales rose in early 2011.", [("early 2011", "DATE", "2011")]),
    ("The pandemic of 2009-2010 killed 348.", [("2009", "DATE", "2009"), ("2010", "DATE", "2010")]),
    ("The expedition of 1957-58 crossed it.", [("1957", "DATE", "1957"), ("58", "DATE", "1958")]),
    ("Prices in the 1990s were low.", [("the 1990s", "DATE", "199")]),
    ("The most important explorations of the 20th century.", [("the 20th century", "DATE", "19")]),
    ("Filed 2021-01-02 and 1/15/2021.", [("2021-01-02", "DATE", "2021-01-02"), ("1/15/2021", "DATE", "2021-01-15")]),
    ("In fiscal 1989 it lost money.", [("fiscal 1989", "DATE", "1989")]),
    ("Net rose in the third quarter of 1989.", [("the third quarter of 1989", "DATE", "1989-Q3")]),
    ("It sold 2000 tanks and 1500 trucks.", []),  # quantities, not years
    # relative to the publication date (Friday 22 March 2013)
    ("The CDC said Friday the season was over.", [("Friday", "DATE", "2013-03-22")]),
    ("Raymond Roth pleaded guilty Thursday.", [("Thursday", "DATE", "2013-03-21")]),
    ("Closures will begin on April 7.", [("April 7", "DATE", "2013-04-07")]),
    ("He was arrested in early August.", [("early August", "DATE", "2012-08")]),
    ("The report is due to be published in May.", [("May", "DATE", "2013-05")]),
    ("It was launched last summer.", [("last summer", "DATE", "2012-SU")]),
    ("He lost his bid last May.", [("last May", "DATE", "2012-05")]),
    ("Six deaths were reported in the last week.", [("the last week", "DATE", "2013-W11")]),
    ("He visited Israel this week.", [("this week", "DATE", "2013-W12")]),
    ("Premiums could rise next year.", [("next year", "DATE", "2014")]),
    ("A similar order came four years ago.", [("four years ago", "DATE", "2009")]),
    ("It happened two days ago.", [("two days ago", "DATE", "2013-03-20")]),
    ("They met yesterday and will meet tomorrow.", [("yesterday", "DATE", "2013-03-21"),
                                                    ("tomorrow", "DATE", "2013-03-23")]),
    ("The match will be played at 15:00 GMT Saturday.", [("15:00 GMT Saturday", "TIME", "2013-03-23T15:00")]),
    ("He left on Friday afternoon.", [("Friday afternoon", "TIME", "2013-03-22TAF")]),
    ("Police said it happened last night.", [("last night", "TIME", "2013-03-21TNI")]),
    ("Talks resume at 10 a.m.", [("10 a.m.", "TIME", "2013-03-22T10:00")]),
    ("Sales fell earlier this month.", [("earlier this month", "DATE", "2013-03")]),
    ("It ends at the end of the year.", [("the end of the year", "DATE", "2013")]),
    ("He will visit at Christmas.", [("Christmas", "DATE", "2013-12-25")]),
    # durations, sets and vague references
    ("The harvest began a month earlier than usual.", [("a month", "DURATION", "P1M")]),
    ("It was the worst in a decade.", [("a decade", "DURATION", "P10Y")]),
    ("A sentence of 90 days in jail.", [("90 days", "DURATION", "P90D")]),
    ("Hospitalised in the past several months.", [("the past several months", "DURATION", "PXM")]),
    ("He has spoken to both over the past two years.", [("the past two years", "DURATION", "P2Y")]),
    ("A four-week delay and a 24-hour strike.", [("four-week", "DURATION", "P4W"), ("24-hour", "DURATION", "PT24H")]),
    ("It took two and a half years.", [("two and a half years", "DURATION", "P2Y6M")]),
    ("The flight took 1.5 hours, the drive 1.5 days.", [("1.5 hours", "DURATION", "PT1H30M"),
                                                        ("1.5 days", "DURATION", "P1DT12H")]),
    ("Silence for decades.", [("decades", "DURATION", "PXDE")]),
    ("His 22-year-old son reported it.", []),  # an age, not a duration
    ("The oil companies had blocked it for years.", [("years", "DURATION", "PXY")]),
    ("Vaccinate every year; she checks every morning.", [("every year", "SET", "P1Y"),
                                                         ("every morning", "SET", "XXXX-XX-XXTMO")]),
    ("Every Sunday they march.", [("Every Sunday", "SET", "XXXX-WXX-7")]),
    ("Rallies are held almost daily.", [("daily", "SET", "P1D")]),
    ("It declared a quarterly dividend.", []),  # an adjective, not a recurrence
    ("It can now take weeks. In the past it took days.",
     [("now", "DATE", "PRESENT_REF"), ("weeks", "DURATION", "PXW"), ("the past", "DATE", "PAST_REF"),
      ("days", "DURATION", "PXD")]),
    # words that look like time but are not
    ("Theresa May may march on.", []),
    # four-digit numbers that are no year (issue #22): model years, house numbers, a bond's maturity
    ("Police sought a 2007 silver Ford Fusion and a 2012 Toyota Camry.", []),
    ("The fire at 2016 Ontario Street spread; a man at 2016 Ontario, said he saw it.", []),
    ("WeWork's 2025 bond fell.", []),
    ("He was stopped in his 2008 Bentley.", []),
    # a year right after a capitalised word is part of a name, unless a date may follow that word
    ("The worm infects Windows 2000 and Server 2003 machines.", []),
    ("In 2003, the index fell; Christmas 2008 was quiet; sales fell in Fiscal 2009.",
     [("2003", "DATE", "2003"), ("Christmas 2008", "DATE", "2008-12-25"), ("Fiscal 2009", "DATE", "2009")]),
    ("Sales Rise In 2009", [("2009", "DATE", "2009")]),
    ("Before Christmas, 2008 looked like a good year.", [("Christmas", "DATE", "2012-12-25"), ("2008", "DATE", "2008")]),
    ("The team won the 2010 title and the 2008 Beijing Olympics.", [("2010", "DATE", "2010"), ("2008", "DATE", "2008")]),
    ("The Sun reported a fall in sales.", []),
])
def test_expressions(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _found(text) == expected


def test_seed_sentences_resolve_as_the_issue_says() -> None:
    # 002 (published Friday 3 January 2020) and 000 (2 January 2021), 001 (3 January 2021).
    attacked = "The US had unilaterally attacked Kata'ib Hezbollah bases on Sunday, killing 25 of its fighters."
    assert _found(attacked, date(2020, 1, 3)) == [("Sunday", "DATE", "2019-12-29")]
    assert _found("They staged a limited incursion earlier this week.", date(2020, 1, 3)) == [
        ("earlier this week", "DATE", "2020-W01")]
    assert _found("Only 2,500 soldiers are expected to remain in the country as of 15 January.",
                  date(2021, 1, 2)) == [("15 January", "DATE", "2021-01-15")]
    assert _found("This echoed a similar episode in June, when forces arrested 14.", date(2021, 1, 3)) == [
        ("June", "DATE", "2020-06")]
    assert _found("Al-Hashemi was in Tehran last week to try to mediate.", date(2021, 1, 3)) == [
        ("last week", "DATE", "2020-W52")]


def test_a_past_verb_governing_a_day_ahead_of_publication_puts_it_a_year_back() -> None:
    # Issue #22: within 45 days either way the nearest day wins whatever the words' tense, except
    # where a past verb governs the date in its own clause.
    published = date(2013, 5, 3)
    assert _found("Lohan rear-ended a truck with her Porsche on Pacific Coast Highway on June 8.", published) == [
        ("June 8", "DATE", "2012-06-08")]
    assert _found("The deal ended Oct. 31.", date(1989, 10, 27)) == [("Oct. 31", "DATE", "1988-10-31")]
    # ... but not across a clause, a modal, an infinitive or "to" a deadline, or as a noun's modifier
    assert _found("The court ruled that he must be returned by June 8.", published)[0][2] == "2013-06-08"
    assert _found("The board agreed to buy the unit on June 8.", published)[0][2] == "2013-06-08"
    assert _found("The offer was extended to June 8.", published)[0][2] == "2013-06-08"
    assert _found("She gave no reason for the June 8 deadline.", published)[0][2] == "2013-06-08"
    assert _found("It said it will redeem the preferred shares on June 8.", published)[0][2] == "2013-06-08"


def test_a_stated_weekday_picks_the_year_it_fits() -> None:
    # 26 October 1998 was a Monday, 26 October 1997 a Sunday: the weekday settles a text dated the 25th.
    assert _found("The Times said in an editorial on Monday, Oct. 26: ...", date(1998, 10, 25)) == [
        ("Monday, Oct. 26", "DATE", "1998-10-26")]


def test_a_clock_with_spaced_letters_is_afternoon() -> None:
    assert _found("He bought the shotgun around 3:45 p. m. on Friday.", date(2007, 4, 11))[0][2] == "2007-04-06T15:45"


def test_narrative_dates_move_anaphora_and_weekdays() -> None:
    text = ("The general was killed on January 3, 2020. Two days later, parliament voted. "
            "The next day the embassy was shelled. On Sunday, protesters marched.")
    found = {e.text: e for e in find_time_expressions(text, date(2021, 1, 2))}
    assert found["Two days later"].value == "2020-01-05" and found["Two days later"].anchor is Anchor.NARRATIVE
    assert found["The next day"].value == "2020-01-06"
    # "On Sunday" two sentences after a 2020 date a year before publication: the story's Sunday
    # (5 January 2020), not the Sunday before publication; one sentence further, the anchor returns.
    assert found["Sunday"].value == "2020-01-05" and found["Sunday"].anchor is Anchor.NARRATIVE
    later = find_time_expressions(text + " Nothing. Nothing else. On Monday it rained.", date(2021, 1, 2))
    assert later[-1].value == "2020-12-28" and later[-1].anchor is Anchor.PUBLICATION


def test_a_month_without_a_day_does_not_invent_one() -> None:
    found = find_time_expressions("In January 2020 the strike came. Two days later Iran replied.", date(2021, 1, 2))
    assert [(e.text, e.value, e.anchor) for e in found][1] == ("Two days later", "", Anchor.NONE)


def test_an_estimated_publication_date_widens_what_is_resolved_against_it() -> None:
    published = PublicationDate(date(2021, 1, 3), DateBasis.ESTIMATED, date(2020, 12, 20), date(2021, 1, 17))
    found = {e.text: e for e in find_time_expressions("He was in Tehran last week, and in Baghdad on 2 May 2020.",
                                                      published)}
    week = found["last week"]
    assert week.value == "2020-W52"  # against the point estimate
    assert (week.first, week.last) == (date(2020, 12, 7), date(2021, 1, 10))  # every week the range allows
    assert (found["2 May 2020"].first, found["2 May 2020"].last) == (date(2020, 5, 2), date(2020, 5, 2))


def test_without_a_publication_date_relative_expressions_stay_unresolved() -> None:
    found = find_time_expressions("On Sunday, 3 January 2021, and last week, they met.", None)
    assert [(e.text, e.value, e.anchor, e.first) for e in found] == [
        ("Sunday, 3 January 2021", "2021-01-03", Anchor.ABSOLUTE, date(2021, 1, 3)),
        ("last week", "", Anchor.NONE, None)]


@pytest.mark.parametrize("text", [
    "", "   ", "4,000 years ago the river moved; 10000000 days later it came back.",
    "On February 30, 2021 and 31/31/2021 and 99:99 p.m.", "İİİ Sunday İstanbul March 2020 ü" * 3,
    "year " * 2000,
])
def test_odd_text_never_raises_and_offsets_point_at_the_words(text: str) -> None:
    for expression in find_time_expressions(text, FRIDAY):
        assert text[expression.start:expression.end] == expression.text


def test_sentences_split_at_full_stops_but_not_after_abbreviations() -> None:
    text = "He left by Jan. 14 with Mr. Smith. Then he came back.\nNew line"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "He left by Jan. 14 with Mr. Smith.", "Then he came back.", "New line"]


def test_lowercased_patterns_have_no_uppercase_letters() -> None:
    # Case-insensitive rules also run case-sensitively on the lowercased text; an uppercase letter
    # in them (outside an escape like \\S) would silently never match there.
    for rule in RULES:
        if rule.lowered is not None:
            assert not re.search(r"(?<!\\)[A-Z]", re.sub(r"\(\?P[<=]", "", rule.lowered.pattern)), rule.name
        if rule.lowered_trigger is not None:
            assert not re.search(r"(?<!\\)[A-Z]", rule.lowered_trigger.pattern), rule.name


def test_types_are_timeml_types() -> None:
    assert {t.value for t in TimexType} == {"DATE", "TIME", "DURATION", "SET"}


def test_a_weekday_is_read_from_the_story_only_after_a_past_day() -> None:
    # A month ("in July 1997") names no week, a date after publication ("due Oct. 15, 1999") is no
    # story the paper tells, and "said Thursday" is the day of the report: each weekday is the one near
    # publication (the reading before anchored them to 1997-07-01, 1999-10-14 and 1996-03-21).
    published = date(1999, 2, 10)  # a Wednesday
    month = _found("NATO invited them in July 1997. Hungary's parliament ratified the treaty on Tuesday.", published)
    assert month[-1][:1] + month[-1][2:] == ("Tuesday", "1999-02-09")
    due = _found("Sun issued debentures due Oct. 15, 1999, at a premium over Thursday's closing price.",
                 date(1989, 10, 27))
    assert due[-1] == ("Thursday", "DATE", "1989-10-26")
    said = _found("Howes was captured on March 26, 1996. Thai officials said privately Thursday that Britain had "
                  "pressed the case.", date(1998, 2, 19))
    assert said[-1] == ("Thursday", "DATE", "1998-02-19")
    # The story's own past day still anchors its weekdays: the Sunday before Monday, 6 January 2020.
    story = _found("The embassy was shelled on January 6, 2020. On Sunday, protesters marched.", date(2021, 1, 2))
    assert story[-1] == ("Sunday", "DATE", "2020-01-05")


def test_a_weekdays_possessive_is_a_thing_already_there_unless_something_awaits_it() -> None:
    # read on TBAQ (train): "Wednesday's ruling" in a Friday article was put in the coming week
    friday = date(2000, 1, 7)
    found = {e.text: e.value for e in find_time_expressions(
        "Relatives said they would look for ways to get around Wednesday's ruling by the INS.", friday)}
    assert found == {"Wednesday": "2000-01-05"}
    found = {e.text: e.value for e in find_time_expressions(
        "Voters will turn out ahead of Sunday's election.", friday)}
    assert found == {"Sunday": "2000-01-09"}


def test_a_day_before_a_past_verb_of_planning_is_the_planning_day() -> None:
    # "On Friday, the Kenyan government planned to pay ...", written on a Wednesday: the Friday before
    found = {e.text: e.value for e in find_time_expressions(
        "On Friday, the Kenyan government planned to pay the families.", date(1998, 9, 30))}
    assert found == {"Friday": "1998-09-25"}
    # what is agreed to happen after the verb is still ahead
    found = {e.text: e.value for e in find_time_expressions(
        "The company agreed to complete the purchase on Friday.", date(1998, 9, 30))}
    assert found == {"Friday": "1998-10-02"}


@pytest.mark.parametrize(("text", "expected"), [
    # a year written before an ordinal quarter, or a year's possessive, names the quarter's year; a year before a
    # singular unit is no count of units (it was "PT1988S" and "P5964M")
    ("In the 2011 second quarter, the airline lost money.", [("the 2011 second quarter", "DATE", "2011-Q2")]),
    ("Profit in next year's first quarter will fall.", [("next year's first quarter", "DATE", "2014-Q1")]),
    ("It beat the year-ago third quarter.", [("the year-ago third quarter", "DATE", "2012-Q3")]),
    ("Revenue in the 2011 quarter fell.", [("2011", "DATE", "2011")]),
    # halves of a year
    ("Output fell in the first half of 2012.", [("the first half of 2012", "DATE", "2012-H1")]),
    ("Talks resume in the second half of this year.", [("the second half of this year", "DATE", "2013-H2")]),
    # fractions of a unit
    ("The siege lasted 5 1/2 hours.", [("5 1/2 hours", "DURATION", "PT5H30M")]),
    ("The talks lasted an hour and a half.", [("an hour and a half", "DURATION", "PT1H30M")]),
    ("He served a year and a half in jail.", [("a year and a half", "DURATION", "P1Y6M")]),
    ("The video lasts a minute and a half.", [("a minute and a half", "DURATION", "PT1M30S")]),
    # a weekday after noon or midnight is their day; "the previous Friday" lies before
    ("The ultimatum expired at midnight Thursday.", [("midnight Thursday", "TIME", "2013-03-21T24:00")]),
    ("The index closed 2% below the previous Monday.", [("the previous Monday", "DATE", "2013-03-18")]),
    # units counted with a word between ("three consecutive quarters", "two more weeks")
    ("Output fell for three consecutive quarters.", [("three consecutive quarters", "DURATION", "P9M")]),
    ("He stays for two more weeks.", [("two more weeks", "DURATION", "P2W")]),
    # a quarter in the reports' shorthand; a model's name is none
    ("GDP grew 1% in Q4 2012.", [("Q4 2012", "DATE", "2012-Q4")]),
    ("The Q3 results were weak.", [("Q3", "DATE", "2012-Q3")]),
    ("She drove a Q3 SUV.", []),
    # a first number over 12 is the day of a day/month/year date
    ("Filed on 13/01/2009.", [("13/01/2009", "DATE", "2009-01-13")]),
    # the quarter a company reports on ends on the day written after it
    ("Sales for the quarter ended Dec. 31 rose.",
     [("the quarter", "DATE", "2012-Q4"), ("Dec. 31", "DATE", "2012-12-31")]),
])
def test_quarters_halves_fractions_and_named_days(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _found(text) == expected


def test_a_plan_overtaken_takes_the_nearest_day() -> None:
    monday, tuesday, december = date(2013, 3, 18), date(2013, 3, 19), date(2013, 12, 6)
    assert _found("The truce had been due to expire Friday evening.", monday) == [
        ("Friday evening", "TIME", "2013-03-15TEV")]
    assert _found("The board had been scheduled to decide by Wednesday, but the chairman delayed it.", tuesday) == [
        ("Wednesday", "DATE", "2013-03-20")]
    assert _found("He had been due to defend his thesis in March.", december) == [("March", "DATE", "2014-03")]


def test_a_plan_in_hand_when_told_takes_the_nearest_day() -> None:
    sunday, tuesday = date(2013, 3, 17), date(2013, 3, 19)
    assert _found("The volunteers said they were hoping to see her before Monday's vote.", sunday) == [
        ("Monday", "DATE", "2013-03-18")]
    assert _found("They were hoping to benefit from the final late Sunday.", tuesday) == [
        ("Sunday", "DATE", "2013-03-17")]


def test_a_month_of_that_year_is_in_the_year_last_named() -> None:
    assert _found("The rebels took the city in March 2011 and lost it in October of that year.") == [
        ("March 2011", "DATE", "2011-03"), ("October of that year", "DATE", "2011-10")]
    assert _found("In 1998 he fled. In May of the same year he was caught.") == [
        ("1998", "DATE", "1998"), ("May of the same year", "DATE", "1998-05")]
    # with no year named before, the month is left unresolved rather than guessed
    assert _found("Prices rose in May of that year.") == [("May of that year", "DATE", "")]
    assert _found("Prices rose in June of last year.") == [("June of last year", "DATE", "2012-06")]


def test_a_market_tables_day_with_a_two_digit_year() -> None:
    assert _found("Nikkei record high 38,915.87 (Dec 29/89), DAX 2,583.49 (Jul 5/96)") == [
        ("Dec 29/89", "DATE", "1989-12-29"), ("Jul 5/96", "DATE", "1996-07-05")]
    assert _found("Trading was thin on Dec 29/30.") == []  # two days, not 1930


def test_a_date_that_names_a_thing_does_not_move_the_story() -> None:
    wednesday = date(2016, 7, 13)
    found = _found("Critics cited an Aug. 8, 2015, affidavit she signed. In a statement Tuesday, the group called it "
                   "false.", wednesday)
    assert found == [("Aug. 8, 2015", "DATE", "2015-08-08"), ("Tuesday", "DATE", "2016-07-12")]
    # an adverbial date still does: the weekday after it is that week's
    found = _found("Police arrived on Aug. 8, 2015. On Monday, they left.", wednesday)
    assert found[1] == ("Monday", "DATE", "2015-08-03")


def test_a_clock_takes_the_day_just_named_else_the_publications() -> None:
    thursday = date(2016, 4, 14)
    # a live blog's entry: the day named two entries up is not the entry's
    text = "Voting in Ohio ends on March 8. Turnout was high. Results came late.\n2:00 p.m. A court filing says more."
    assert _found(text, thursday)[1] == ("2:00 p.m.", "TIME", "2016-04-14T14:00")
    # the day just named is the clock's, and another zone's time in brackets does not hide the day after it
    assert _found("Police came on Tuesday. At 3 p.m. they left.", thursday)[1] == ("3 p.m.", "TIME", "2016-04-12T15:00")
    assert _found("The blast came at 10:35 a.m. (0735 GMT) Tuesday.", thursday) == [
        ("10:35 a.m.", "TIME", "2016-04-12T10:35"), ("Tuesday", "DATE", "2016-04-12")]
    # a clock without a day moves the story to none: "the following day" is still the day after the one named
    text = ("Gunmen attacked on Sept. 11, 2012. Guards fled. He heard shots about 9:42 p.m. The following day, "
            "they left.")
    assert _found(text, thursday)[-1] == ("The following day", "DATE", "2012-09-12")
