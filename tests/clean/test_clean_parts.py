"""Input -> output tables for the cleaner's small functions."""

from __future__ import annotations

from datetime import date

import pytest

from newsdossier.clean.agencies import credit_in_line, find_dateline, normalise_agency
from newsdossier.clean.corpus import RecurringLines
from newsdossier.clean.dates import (
    DateCandidate,
    evidence_windows,
    find_full_dates,
    parse_date_line,
    resolve_publication_date,
)
from newsdossier.clean.furniture import furniture_reason, is_photo_credit, site_name
from newsdossier.clean.lines import split_lines
from newsdossier.clean.metadata import article_status, outlet_from_url, split_byline
from newsdossier.model import DateBasis, Status


@pytest.mark.parametrize(("line", "reason"), [
    ("Read more: Gen. Qasem Soleimani: Master of Covert Operations", "read-more"),
    ("Related Articles", "read-more"),
    ("Back to top button", "back-to-top"),
    ("Comments", "comments"),
    ("Join our commenting forum", "comments"),
    ("Stay up to date with notifications from The\xa0Independent", "notifications"),
    ("Sign up for our daily newsletter", "newsletter"),
    ("Already have an account?", "sign-in"),
    ("Sign In", "sign-in"),
    ("Register to read three free articles", "paywall"),
    ("Keep Reading", "paywall"),
    ("Advertisement", "advertisement"),
    ("© 2021 Example Media. All rights reserved.", "copyright"),
    ("Comments (50)", "comments"),
    ("Skip to main content", "navigation"),
    ("Click here to subscribe", "paywall"),
    ("Download the The Oakdale Chronicle app", "app-promotion"),
    ("Get our free news app now", "app-promotion"),
    ("Share this article: Facebook Twitter WhatsApp Email", "share"),
    # body sentences that merely mention furniture words are not furniture
    ("Comments made by the minister on Sunday angered the militia leaders in Baghdad.", None),
    ("Read more than a hundred pages of the report, he said.", None),
    ("Register voters before the deadline, the commission urged on Monday.", None),
    ("Download the full report here, it explains the apps in detail and why it matters.", None),
    ("Comments on the plan were due on Friday (30 days after the vote).", None),
])
def test_furniture_reason(line: str, reason: str | None) -> None:
    assert furniture_reason(line) == reason


@pytest.mark.parametrize(("line", "expected"), [
    ("(Photo: Reuters)", True),
    ("(HAIDAR HAMDANI/AFP via Getty Images)", True),
    ("Photo: AP", True),
    ("(AFP)", True),
    ("Trump said the strike came in response to attacks (AFP).", False),
])
def test_photo_credit(line: str, expected: bool) -> None:
    assert is_photo_credit(line) is expected


def test_site_name() -> None:
    assert site_name("| Welcome to Global Village Space") == "Global Village Space"
    assert site_name("Welcome to the jungle, he said, and laughed at the crowd outside") is None


@pytest.mark.parametrize(("paragraph", "place", "date_text", "agency"), [
    ("Baghdad/Cairo, Jan 2 (efe-epa).- A year after the assassination", "Baghdad/Cairo", "Jan 2", "EFE"),
    ("BAGHDAD (Reuters) - Iraq's parliament voted on Sunday", "BAGHDAD", None, "Reuters"),
    ("WASHINGTON, Jan. 3, 2020 (AP) — The United States killed", "WASHINGTON", "Jan. 3, 2020", "AP"),
    ("Tehran (AFP) - Iran vowed revenge", "Tehran", None, "AFP"),
    ("London, Feb 20 (PA) - Cebit, the world's largest hi-tech fair, has opened", "London", "Feb 20", "PA Media"),
])
def test_dateline(paragraph: str, place: str, date_text: str | None, agency: str) -> None:
    found = find_dateline(paragraph)
    assert found is not None
    assert (found.place, found.date_text, found.agency) == (place, date_text, agency)


@pytest.mark.parametrize(("paragraph", "place", "date_text"), [
    ("TORONTO — The city's council voted", "TORONTO", None),
    ("CAMP MURRAY, Wash. - The National Guard said", "CAMP MURRAY, Wash.", None),
    ("ST. LOUIS – A man was shot", "ST. LOUIS", None),
    ("NEW YORK, Aug. 30 - Stocks fell", "NEW YORK", "Aug. 30"),
    ("PHNOM PENH -- Cambodia's king pardoned", "PHNOM PENH", None),
])
def test_a_dateline_without_an_agency_places_and_credits_no_one(paragraph: str, place: str,
                                                                 date_text: str | None) -> None:
    # the real pages of GeoWebNews and TR-News open so ("TORONTO — ", "PARIS, Mo. — "); the parse had read
    # the capitals as the first sentence's subject
    found = find_dateline(paragraph)
    assert found is not None
    assert (found.place, found.date_text, found.agency) == (place, date_text, None)


def test_capitals_before_a_dash_that_are_no_place_are_no_dateline() -> None:
    assert find_dateline("BREAKING - Parliament votes on Sunday") is None
    assert find_dateline("SOCCER - Shearer named as England captain") is None
    assert find_dateline("US - China talks resume in Geneva") is None  # too short to tell from a headline
    assert find_dateline("Apple - the company said on Monday") is None  # not in capitals


def test_no_dateline_in_plain_prose() -> None:
    assert find_dateline("Iraq (a country of 40 million) voted on Sunday.") is None
    assert find_dateline("Trump said the strike came in response to a hail of attacks.") is None


@pytest.mark.parametrize(("line", "agency"), [
    ("AFP with additional input by GVS News Desk", "AFP"),
    ("(Reuters)", "Reuters"),
    ("— AP", "AP"),
    ("Reporting by John Davison; Editing by Alex Richardson", "Reuters"),
    ("Copyright Agence France-Presse", "AFP"),
    ("Security sources told AFP that the fighter would be handed over.", None),
    ("The Associated Press contributed to this report.", "AP"),
    ("Associated Press writer Jane Doe contributed to this report.", "AP"),
    ("PA Media contributed to this report.", "PA Media"),
    ("AFP contributed reporting.", "AFP"),
    ("Many people contributed to this report.", None),
    ("Reuters contributed to the fund's launch by lending its newsroom, the charity said.", None),
])
def test_credit_in_line(line: str, agency: str | None) -> None:
    assert credit_in_line(line) == agency


def test_normalise_agency() -> None:
    assert normalise_agency("efe-epa") == "EFE"
    assert normalise_agency("Associated Press") == "AP"
    assert normalise_agency("Daily Planet") is None


@pytest.mark.parametrize(("line", "expected"), [
    ("Friday 03 January 2020 13:11 GMT", (date(2020, 1, 3), True)),
    ("Jan 6, 2020 | 23:03 GMT", (date(2020, 1, 6), True)),
    ("Wednesday, July 17, 2024", (date(2024, 7, 17), False)),
    ("Updated: 2021-01-02", (date(2021, 1, 2), False)),
    ("US President Donald Trump sent shock waves on January 3, 2020 with the killing", None),
])
def test_parse_date_line(line: str, expected: tuple[date, bool] | None) -> None:
    assert parse_date_line(line) == expected


def test_find_full_dates() -> None:
    text = "on January 3, 2020 and on 5 Jan 2020 and 2020-01-06, but not on Jan 9"
    assert [d for _, _, d in find_full_dates(text)] == [date(2020, 1, 3), date(2020, 1, 5), date(2020, 1, 6)]


def test_evidence_windows() -> None:
    windows = evidence_windows("One year after US forces killed him on January 3, 2020, President-elect Joe Biden said.")
    assert {(w.earliest, w.latest) for w in windows} == {
        (date(2020, 12, 24), date(2021, 1, 13)), (date(2020, 11, 7), date(2021, 1, 20))}


def test_widget_loses_to_evidence_and_dateline_year_is_inferred() -> None:
    body = "He met President-elect Joe Biden on Monday."
    widget = DateCandidate(date(2024, 7, 17), DateBasis.BYLINE, "widget", before_title=True)
    dateline = DateCandidate(None, DateBasis.DATELINE, "Jan 2", month_day=(1, 2))
    result = resolve_publication_date([widget, dateline], body)
    assert (result.value, result.basis) == (date(2021, 1, 2), DateBasis.DATELINE)
    assert "contradicted" in result.evidence


def test_no_evidence_means_no_date() -> None:
    result = resolve_publication_date([DateCandidate(None, DateBasis.DATELINE, "Jan 2", month_day=(1, 2))],
                                      "Nothing in this text says when it was written.")
    assert result.value is None and result.basis is None
    assert "no year" in result.evidence


@pytest.mark.parametrize(("names", "expected"), [
    ("Nawar Alrikabi and Francesca Cicardi", ("Nawar Alrikabi", "Francesca Cicardi")),
    ("Jane Doe, John Roe and Ann Poe", ("Jane Doe", "John Roe", "Ann Poe")),
    ("Patrick Cockburn", ("Patrick Cockburn",)),
    ("GVS News Desk", ()),
])
def test_split_byline(names: str, expected: tuple[str, ...]) -> None:
    assert split_byline(names) == expected


def test_outlet_from_url() -> None:
    assert outlet_from_url("https://www.independent.co.uk/voices/x.html") == "independent.co.uk"
    assert outlet_from_url(None) is None


def test_status() -> None:
    long = ["word " * 80 + "end."]
    assert article_status(long, set()) == (Status.FULL, ())
    assert article_status(long[:1] + ["and then the text stops"], set())[0] == Status.TRUNCATED
    assert article_status(["Short teaser."], {"paywall"})[0] == Status.STUB
    assert article_status(long, {"paywall"})[0] == Status.TRUNCATED


def test_recurring_lines_separate_footers_from_syndicated_copies() -> None:
    footer = "follow the daily for the latest updates"
    wire = [f"wire line {i}" for i in range(10)] + ["The wire story's main paragraph is the longest of its lines."]
    docs = [("site", [f"own story {n} line {i}" for i in range(10)]
             + [f"The main paragraph of story number {n} is its longest line.", footer]) for n in range(8)]
    docs += [("copies", wire) for _ in range(8)]  # eight verbatim copies of one wire story
    model = RecurringLines().fit((outlet, [(k, k) for k in keys]) for outlet, keys in docs)
    verdicts = model.recurring("site", docs[0][1])
    assert verdicts[-1] == "recurring" and set(verdicts[:-1]) == {None}
    assert set(model.recurring("copies", wire)) == {None}


def test_recurring_lines_never_count_prose() -> None:
    quote = "“We will respond at a time of our choosing,” the spokesman said in a statement."
    docs = [(None, [(f"story {n} main paragraph that is long", f"story {n} main paragraph that is long"),
                    (quote, quote)]) for n in range(9)]
    model = RecurringLines().fit(docs)
    assert model.recurring(None, [quote]) == [None]


def test_split_lines_keeps_offsets() -> None:
    text = "Title\n\n  Body line one.\nBody line two.\n"
    lines = split_lines(text)
    assert [(text[l.start:l.end], l.blank_before) for l in lines] == [
        ("Title", True), ("Body line one.", True), ("Body line two.", False)]
