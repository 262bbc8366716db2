"""Regressions from the first review of the cleaner: each case once lost text or got a date wrong."""

from __future__ import annotations

from datetime import date

import pytest

from newsdossier.clean import RecurringLines, clean, line_keys, prepare
from newsdossier.clean.metadata import outlet_from_url
from newsdossier.model import Article, DateBasis, Format, RawDocument, SourceHints, Status

P = ("The officials, who spoke on condition of anonymity, said two vehicles were hit shortly after "
     "midnight on the airport road.")


def run(text: str, *, fmt: Format = Format.TEXT, media: str = "text/plain",
        hints: SourceHints = SourceHints(), recurring: RecurringLines | None = None) -> Article:
    raw = RawDocument("x.txt", None, fmt, media, text.encode(), "utf-8", text, hints)
    return clean(prepare(raw), recurring)


def test_sentence_starting_with_by_is_not_a_byline() -> None:
    article = run(f"Strike hits convoy near airport\n\n{P}\n\nBy Tuesday evening, the death toll had risen to 12.\n\n{P}\n")
    assert "By Tuesday evening, the death toll had risen to 12." in article.text
    assert article.byline == ()


def test_real_byline_still_found() -> None:
    article = run(f"Strike hits convoy near airport\n\nBy Jane Doe and John Roe\n\n{P}\n")
    assert article.byline == ("Jane Doe", "John Roe")


def test_shared_quote_across_different_articles_is_not_furniture() -> None:
    quote = "“We will respond at a time and place of our choosing,” the spokesman said in a statement."
    footer = "Example Daily brings you the stories that matter most"  # no pattern knows it
    texts = [f"Headline number {n} about events\n\n{P} Story {n} line one.\n\n{quote}\n\n"
             f"Own paragraph {n} with enough words to be prose here.\n\n{footer}\n" for n in range(6)]
    prepared = [prepare(RawDocument(f"{n}.txt", None, Format.TEXT, "text/plain", t.encode(), "utf-8", t))
                for n, t in enumerate(texts)]
    model = RecurringLines().fit((None, line_keys(p)) for p in prepared)
    article = clean(prepared[0], model)
    assert quote in article.text
    assert footer not in article.text
    assert any(r.reason == "recurring" and r.text == footer for r in article.removed)


def test_unrelated_date_does_not_anchor_an_anniversary_nor_override_metadata() -> None:
    text = (f"Protesters return to the square\n\n{P} Five years after the uprising began, protesters returned "
            "to the square on Friday.\n\nIt was a cold day.\n\nParliament approved the new election law on "
            "June 5, 2020, after weeks of debate.\n")
    article = run(text, fmt=Format.JSON, hints=SourceHints(published=date(2020, 6, 6)))
    assert (article.published.value, article.published.basis) == (date(2020, 6, 6), DateBasis.HTML_META)


def test_copyright_word_in_prose_is_kept() -> None:
    sentence = "Copyright disputes over footage of the attack began in 2020 after several broadcasters aired it."
    article = run(f"Footage row\n\n{P}\n\n{sentence}\n\n© 2021 Example Media. All rights reserved.\n")
    assert sentence in article.text
    assert "Example Media" not in article.text


@pytest.mark.parametrize("paragraph", [
    "• At least 40 people were killed in the blast on Friday",
    "Le ministre a déclaré : « Nous ne céderons jamais devant la menace terroriste »",
    "Police said the suspect was 23",
])
def test_unpunctuated_body_paragraphs_are_kept(paragraph: str) -> None:
    article = run(f"Blast in the capital\n\n{P}\n\n{paragraph}\n\n{P} More.\n")
    assert paragraph in article.text


def test_text_without_a_full_stop_keeps_its_body() -> None:
    body = " ".join(["The delegation met the minister and discussed the border crossing"] * 6) + " and then"
    article = run(f"Talks at the border\n\n{body}\n")
    assert body in article.text
    assert article.status == Status.TRUNCATED


def test_json_text_is_all_body() -> None:
    text = "“We are ready,” the minister said.\n\n" + P
    article = run(text, fmt=Format.JSON, hints=SourceHints(title="Army on alert"))
    assert article.text.startswith("“We are ready,”")
    assert article.title == "Army on alert"


def test_dateline_year_not_taken_from_a_future_date() -> None:
    text = (f"Talks set for summer\n\nPARIS, March 3 (AFP) - {P} Elections are scheduled for June 12, 2021, "
            "the commission said.\n\nThe previous vote, held on May 5, 2019, was marred by violence.\n")
    article = run(text)
    assert article.published.value is None
    assert article.credit == "AFP" and article.dateline == "PARIS, March 3 (AFP) -"


def test_timeless_date_in_html_text_years_after_the_events_is_rejected() -> None:
    html = ("<html><body><article><h1>Attack anniversary</h1><p>Wednesday, July 17, 2024</p>"
            f"<p>The attack took place on January 3, 2020 near the airport. {P}</p><p>{P}</p><p>{P}</p>"
            "</article></body></html>")
    article = run(html, fmt=Format.HTML, media="text/html")
    assert article.published.value != date(2024, 7, 17)


def test_updated_stamp_is_not_the_publication_date() -> None:
    article = run(f"Strike hits convoy\n\nFriday 03 January 2020 13:11 GMT\n\nUpdated 14 March 2024\n\n{P}\n")
    assert article.published.value == date(2020, 1, 3)
    assert any(r.reason == "date-updated" for r in article.removed)


@pytest.mark.parametrize("line", [
    "(Reporting by Ahmed Rasheed; Editing by Michael Perry)",
    "Writing by John Davison; Editing by Alex Richardson",
])
def test_reuters_signatures_are_credits(line: str) -> None:
    article = run(f"Iraq vote\n\n{P}\n\n{line}\n")
    assert article.credit == "Reuters"
    assert line not in article.text
    assert article.status == Status.FULL or "body has" in " ".join(article.status_reasons)


def test_agency_tag_after_the_last_paragraph_credits_the_story() -> None:
    # "(AFP)" under the last paragraph, then page furniture: the wire credit, not a photo
    # credit; the paragraph above it is the story's end, not a caption.
    last = "A spokesperson said the number one had been the most played single of the year."
    article = run(f"Top of the Pops\n\n{P}\n\n{last}\n\n(AFP)\n\nClick here to subscribe\n")
    assert article.credit == "AFP"
    assert article.text.endswith(last)
    assert "Click here" not in article.text


def test_agency_tag_under_a_picture_inside_the_body_is_a_photo_credit() -> None:
    caption = "Mourners gather in the square on Monday"
    article = run(f"Funeral\n\n{P}\n\n{caption}\n\n(AFP)\n\n{P}\n")
    assert article.credit is None
    assert caption not in article.text


def test_double_dash_dateline() -> None:
    article = run(f"Trade talks\n\nBEIJING, Sept. 5 (Xinhua) -- {P}\n")
    assert article.text.startswith("The officials")
    assert article.credit == "Xinhua"


def test_short_headline_is_a_title_not_a_label() -> None:
    assert run(f"Talks resume\n\n{P}\n").title == "Talks resume"
    assert run(f"WORLD\n\nTalks resume after a long pause\n\n{P}\n").title == "Talks resume after a long pause"


def test_byline_field_with_two_names_is_split() -> None:
    article = run(P, fmt=Format.JSON, hints=SourceHints(byline=("Jane Doe and John Roe",)))
    assert article.byline == ("Jane Doe", "John Roe")


def test_unparseable_url_names_no_outlet() -> None:
    assert outlet_from_url("http://[::1") is None
