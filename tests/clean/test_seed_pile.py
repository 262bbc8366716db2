"""The seed pile read right: metadata and status of all five articles, no furniture
left in a body, no body sentence removed.

The demo pile in demo/pile is a byte-identical copy of ../shared/seeds, so these tests
need nothing outside the repository.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsdossier.clean import clean, prepare
from newsdossier.model import Article, DateBasis, Format, RawDocument, Status

PILE = Path(__file__).resolve().parents[2] / "demo" / "pile"


def _article(prefix: str) -> Article:
    path = next(PILE.glob(f"{prefix}_*.txt"))
    data = path.read_bytes()
    raw = RawDocument(str(path), None, Format.TEXT, "text/plain", data, "utf-8", data.decode("utf-8"))
    return clean(prepare(raw))


@pytest.fixture(scope="module")
def pile() -> dict[str, Article]:
    return {prefix: _article(prefix) for prefix in ("000", "001", "002", "003", "004")}


EXPECTED = {
    # prefix: outlet, credit, byline, (published, basis), status
    "000": ("EFE", "EFE", ("Nawar Alrikabi", "Francesca Cicardi"), (date(2021, 1, 2), DateBasis.DATELINE), Status.FULL),
    "001": ("Global Village Space", "AFP", (), (date(2021, 1, 3), DateBasis.ESTIMATED), Status.FULL),
    "002": ("The Independent", None, ("Patrick Cockburn",), (date(2020, 1, 3), DateBasis.BYLINE), Status.FULL),
    "003": (None, None, (), (date(2020, 1, 6), DateBasis.BYLINE), Status.TRUNCATED),
    # the spun rewrite states no credit, but its prose still reports through AFP ("told AFP", issue #22)
    "004": (None, "AFP", (), (date(2021, 1, 3), DateBasis.ESTIMATED), Status.FULL),
}


CREDIT_BASIS = {"000": "dateline", "001": "line", "002": None, "003": None, "004": "prose"}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_metadata_and_status(pile: dict[str, Article], prefix: str) -> None:
    outlet, credit, byline, (published, basis), status = EXPECTED[prefix]
    article = pile[prefix]
    assert (article.outlet or "").replace("\xa0", " ") == (outlet or "").replace("\xa0", " ")
    assert article.credit == credit
    assert article.credit_basis == CREDIT_BASIS[prefix]
    assert article.byline == byline
    assert article.published.value == published
    assert article.published.basis == basis
    assert article.status == status


def test_estimated_dates_carry_a_range_around_the_anniversary(pile: dict[str, Article]) -> None:
    for prefix in ("001", "004"):
        published = pile[prefix].published
        assert published.earliest is not None and published.latest is not None
        assert published.earliest <= date(2021, 1, 2) <= published.latest  # the true AFP date
        assert (published.latest - published.earliest).days <= 30


def test_date_widget_is_not_the_publication_date(pile: dict[str, Article]) -> None:
    article = pile["001"]
    assert article.published.value != date(2024, 7, 17)
    assert any(r.reason == "date-widget" and "2024" in r.text for r in article.removed)
    assert "date widget" in article.published.evidence


def test_titles(pile: dict[str, Article]) -> None:
    assert pile["000"].title == "One year after Soleimani’s assassination, Iraq remains in cross fire"
    assert pile["001"].title == "One year after US killed Iran general, Iraq tensions boil"
    assert pile["002"].title.startswith("Trump’s assassination of Iran’s top general")
    assert pile["003"].title == "Iraqi-U.S. Ties Reach a Breaking Point"
    assert pile["004"].title is None  # the spun page has no headline, its first line is the lede


FURNITURE = [
    "Conflicts & War", "Related Articles", "Back to top", "Welcome to Global Village Space",
    "Wednesday, July 17, 2024", "Read more", "AFP with additional input", "Stay up to date",
    "Notifications can be managed", "Join our commenting forum", "Join thought-provoking",
    "Thank you for registering", "Please refresh", "ASSESSMENTS", "Keep Reading", "Register",
    "Proceed to sign up", "Already have an account", "Sign In", "(Photo:", "Getty Images",
    "Comments", "Highlights", "By Nawar", "(efe-epa)", "Friday 03 January 2020",
]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_no_furniture_left_in_body(pile: dict[str, Article], prefix: str) -> None:
    body = pile[prefix].text
    left = [snippet for snippet in FURNITURE if snippet in body]
    assert not left


# The first and last sentence of every body paragraph must survive cleaning.
BODY_SENTENCES = {
    "000": ["A year after the assassination of Iranian military leader Qasem Soleimani",
            "Mohammed Mohy, the spokesperson for KH confirms to Efe."],
    "001": ["One year after US forces assassinated Iran’s most storied commander",
            "Lacking the political and military might for a direct showdown",
            "if one American is killed, I will hold Iran responsible. Think it over.”"],
    "002": ["The assassination of Qassem Soleimani, the most famous Iranian general",
            "attacked Kata’ib Hezbollah bases on Sunday, killing 25 of its fighters."],
    "003": ["U.S. influence is likely to diminish", "In death, senior Iranian military figure",
            "the United States could already..."],
    "004": ["One year after U.S. forces attacked Iran’s worst commander",
            "Without the political and military efforts for a direct halt",
            "I will hold Iran responsible. Think about it.”"],
}


@pytest.mark.parametrize("prefix", sorted(BODY_SENTENCES))
def test_body_sentences_kept(pile: dict[str, Article], prefix: str) -> None:
    for sentence in BODY_SENTENCES[prefix]:
        assert sentence in pile[prefix].text


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_every_source_character_is_kept_or_recorded(pile: dict[str, Article], prefix: str) -> None:
    """Nothing silently lost: each non-blank source character is in the body or in a removal."""
    article = pile[prefix]
    covered = bytearray(len(article.source_text))
    for segment in article.segments:
        covered[segment.source_start: segment.source_start + segment.length] = b"\1" * segment.length
        assert (article.text[segment.clean_start: segment.clean_start + segment.length]
                == article.source_text[segment.source_start: segment.source_start + segment.length])
    for removal in article.removed:
        assert article.source_text[removal.start: removal.end] == removal.text
        covered[removal.start: removal.end] = b"\1" * (removal.end - removal.start)
    lost = [ch for ch, flag in zip(article.source_text, covered, strict=True) if not flag and not ch.isspace()]
    assert lost == []


def test_captions_kept_out_of_body_but_not_lost(pile: dict[str, Article]) -> None:
    captions = [c.text for c in pile["004"].captions]
    assert any(c.startswith("Iraqi women gather at the scene") for c in captions)
    assert "Iraqi women gather" not in pile["004"].text
    assert next(c for c in pile["004"].captions if c.text.startswith("Iraqi women")).credit == "(Photo: Reuters)"
    assert any("Quds Force" in c.text for c in pile["002"].captions)
    assert "Quds Force" not in pile["002"].text


def test_dateline_is_cut_from_the_body_and_kept(pile: dict[str, Article]) -> None:
    article = pile["000"]
    assert article.dateline == "Baghdad/Cairo, Jan 2 (efe-epa).-"
    assert article.text.startswith("A year after the assassination")
    assert article.source_offset(0) == article.source_text.index("A year after the assassination")
