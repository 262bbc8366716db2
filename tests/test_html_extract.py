"""extract_html: main text, metadata and a publication date taken from metadata only."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from htmldate import find_date
from trafilatura import load_html

from newsdossier.clean.html import BOILERPLATE_REASON, HtmlExtraction, drop_boilerplate_lines, extract_html
from newsdossier.errors import InputError
from newsdossier.model import DateBasis, PublicationDate

PARAGRAPHS = (
    "Heavy rain and winds of up to 120 km/h struck the northern coast on Tuesday night, "
    "cutting power to more than 40,000 homes and closing the main coastal road.",
    "Emergency services said three people were taken to hospital with minor injuries after "
    "a tree fell on a bus shelter in the harbour district. No deaths have been reported.",
    "The regional weather office had issued its highest warning on Monday and expects the "
    "storm to weaken as it moves inland over the course of Wednesday morning.",
    "Schools in six towns will stay closed until Thursday while engineers inspect bridges "
    "and clear fallen trees from the railway line between the port and the capital.",
)
NAV = ("Home", "World", "Sport", "Weather")
FOOTER = "Contact the newsroom | Privacy policy | Terms of use"


def page(
    *,
    head: str = "",
    body_top: str = "",
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    extra_article: str = "",
) -> str:
    """A small but realistic news page: nav, article, footer."""
    nav = "".join(f'<li><a href="/{item.lower()}">{item}</a></li>' for item in NAV)
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Storm hits the coast | Example News</title>{head}</head>
<body>
<header><nav class="main-nav"><ul>{nav}</ul></nav></header>
{body_top}
<main><article>
<h1>Storm hits the coast</h1>
{body}
{extra_article}
</article></main>
<footer class="site-footer"><p>{FOOTER}</p></footer>
</body></html>"""


FULL_HEAD = """
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Storm hits the coast">
<meta name="author" content="Jane Doe and John Smith">
<meta name="description" content="A storm cut power to 40,000 homes.">
<meta property="article:published_time" content="2024-03-05T10:00:00+00:00">
<link rel="canonical" href="https://news.example.com/2024/storm-hits-coast">
"""


@pytest.fixture(autouse=True)
def _quiet_trafilatura():
    # trafilatura logs a warning for every page without main text; several fixtures have none.
    logging.disable(logging.WARNING)
    yield
    logging.disable(logging.NOTSET)


@pytest.fixture(scope="module")
def article() -> HtmlExtraction:
    return extract_html(page(head=FULL_HEAD), url="https://news.example.com/2024/storm-hits-coast?ref=rss")


def test_main_text_is_extracted_line_by_line(article: HtmlExtraction) -> None:
    lines = article.text.split("\n")
    for paragraph in PARAGRAPHS:
        assert paragraph in lines  # one block per line, for the line-based cleaner


def test_navigation_and_footer_are_dropped(article: HtmlExtraction) -> None:
    assert not any(line.strip() in NAV for line in article.text.splitlines())
    assert "Privacy policy" not in article.text


def test_title_sitename_description_and_canonical_url(article: HtmlExtraction) -> None:
    assert article.title == "Storm hits the coast"
    assert article.sitename == "Example News"
    assert article.description == "A storm cut power to 40,000 homes."
    assert article.url == "https://news.example.com/2024/storm-hits-coast"


@pytest.mark.parametrize(
    ("meta_author", "expected"),
    [
        ("Jane Doe and John Smith", ("Jane Doe", "John Smith")),
        ("Jane Doe, John Smith", ("Jane Doe", "John Smith")),
        ("By Jane Doe", ("Jane Doe",)),
        ("admin", ()),  # one-word meta authors are roles or site names
    ],
)
def test_authors_are_split(meta_author: str, expected: tuple[str, ...]) -> None:
    result = extract_html(page(head=f'<meta name="author" content="{meta_author}">'))
    assert result.byline == expected


def test_json_ld_authors_and_date() -> None:
    json_ld = """<script type="application/ld+json">{"@context": "https://schema.org",
        "@type": "NewsArticle", "headline": "Storm hits the coast",
        "datePublished": "2024-03-04T22:15:00-05:00",
        "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Smith"}],
        "publisher": {"@type": "Organization", "name": "Example News"},
        "articleBody": "Heavy rain and winds ..."}</script>"""
    result = extract_html(page(head=json_ld))
    assert result.byline == ("Jane Doe", "John Smith")
    assert result.published == date(2024, 3, 4)
    assert result.published_evidence == "json-ld"


def test_json_ld_with_a_lone_surrogate_escape() -> None:
    # json.loads turns "\\ud83d" into a lone surrogate, which lxml refuses as text
    json_ld = r"""<script type="application/ld+json">{"@context": "https://schema.org",
        "@type": "NewsArticle", "headline": "Storm \ud83d", "datePublished": "2024-01-02",
        "author": {"@type": "Person", "name": "Jane Doe"}}</script>"""
    result = extract_html(page(head=json_ld))
    assert result.published == date(2024, 1, 2)
    assert result.byline == ("Jane Doe",)


def test_outlet_named_as_author_is_not_a_byline() -> None:
    json_ld = """<script type="application/ld+json">{"@context": "https://schema.org",
        "@type": "NewsArticle", "author": {"@type": "Person", "name": "Example News"}}</script>"""
    result = extract_html(page(head='<meta property="og:site_name" content="Example News">' + json_ld))
    assert result.byline == ()


def test_sitename_falls_back_to_the_domain() -> None:
    result = extract_html(page(), url="https://www.example.org/storm")
    assert result.sitename == "example.org"


def test_meta_published_date_is_reported_as_html_meta(article: HtmlExtraction) -> None:
    assert article.published == date(2024, 3, 5)
    assert article.published_evidence == "meta"
    assert article.publication_date == PublicationDate(date(2024, 3, 5), DateBasis.HTML_META, evidence="meta")


def test_date_only_in_body_text_is_not_reported() -> None:
    dated_body = '<p class="date">Published on 12 January 2023</p>'
    html = page(body_top=dated_body, paragraphs=(*PARAGRAPHS, "The council met on 14 January 2023."))
    # the trap: htmldate itself, even without extensive search, takes the body's date
    assert find_date(html, extensive_search=False, original_date=True) == "2023-01-12"
    result = extract_html(html, url="https://news.example.com/storm")
    assert result.published is None
    assert result.published_evidence is None
    assert result.publication_date == PublicationDate()


def test_image_url_in_meta_is_not_a_publication_date() -> None:
    head = '<meta property="og:image" content="https://cdn.example.com/2019/09/11/photo.jpg">'
    assert find_date(page(head=head), extensive_search=False, original_date=True) == "2019-09-11"
    assert extract_html(page(head=head)).published is None


def test_url_date_is_not_a_publication_date() -> None:
    result = extract_html(page(), url="https://news.example.com/2024/03/05/storm")
    assert result.published is None


def test_meta_tags_pushed_into_body_by_the_parser_still_count() -> None:
    # lxml ends <head> at the tracking pixel; the meta tags after it land in <body>
    # (24 of the 181 benchmark pages have head meta tags in the body this way)
    head = (
        '<img src="/pixel.gif"><meta property="article:published_time" content="2024-03-05">'
        '<meta property="og:site_name" content="Example News">'
    )
    html = page(head=head)
    assert [meta.getparent().tag for meta in load_html(html).iter("meta")][-1] == "body"
    result = extract_html(html)
    assert result.published == date(2024, 3, 5)
    assert result.published_evidence == "meta"
    assert result.sitename == "Example News"


def test_empty_body_gives_empty_text_with_metadata() -> None:
    result = extract_html(f"<html><head><title>Nothing here</title>{FULL_HEAD}</head><body></body></html>")
    assert result.text == ""
    assert result.source_text == ""
    assert result.title == "Storm hits the coast"
    assert result.published == date(2024, 3, 5)


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><div><p>Unclosed paragraph <b>bold <i>both</div></span></p>" + "".join(PARAGRAPHS),
        "<p>" + "</p><p>".join(PARAGRAPHS),  # a fragment: no <html>, no <body>
        page().replace("</article>", "").replace("<main>", "<main><<<>>>&&#0;\x00"),
        "<html><head><title>t</title></head><body>" + "<div>" * 3000 + "deep text" + "</body></html>",
        "\x00\x01\x02",
        "<!-- only a comment -->",
    ],
    ids=["unclosed-tags", "fragment", "junk-inside", "deep-nesting", "control-chars", "comment-only"],
)
def test_malformed_html_does_not_raise(html: str) -> None:
    result = extract_html(html)
    assert isinstance(result.text, str)


def test_fragment_keeps_its_text() -> None:
    result = extract_html("<p>" + "</p><p>".join(PARAGRAPHS) + "</p>")
    assert PARAGRAPHS[0] in result.text


@pytest.mark.parametrize("blank", ["", "  \n\t "])
def test_blank_input_is_an_input_error(blank: str) -> None:
    with pytest.raises(InputError) as caught:
        extract_html(blank, path="pile/story.html")
    assert caught.value.reason == "empty"
    assert caught.value.path == "pile/story.html"


def test_boilerplate_lines_are_removed_with_their_offsets() -> None:
    furniture = (
        "<p>Advertisement</p><p>Read more: Floods close schools across the region</p>"
        "<p>Sign up for our daily newsletter</p>"
    )
    result = extract_html(page(head=FULL_HEAD, extra_article=furniture))
    assert "Advertisement" not in result.text
    assert "Read more" not in result.text
    assert all(removal.reason == BOILERPLATE_REASON for removal in result.removed)
    for removal in result.removed:
        assert result.source_text[removal.start : removal.end] == removal.text


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("Advertisement", True),
        ("ADVERTISEMENT", True),
        ("Share this article", True),
        ("12 comments", True),
        ("You may also like...", True),
        ("Related stories:", True),
        ("Read more: Tencent profit falls as Alibaba threat weighs", True),
        ("SEE MORE: Hong Kong protests: students under siege", True),
        ("Sign up for our newsletter", True),
        ("Get the latest updates right in your inbox. Subscribe to our newsletters.", True),
        ("Like this story? Share it with a friend!", True),
        # article sentences that mention the same words stay
        ("Read more about the plan in the council's report, which runs to 300 pages.", False),
        ("The advertisement ran in three newspapers before it was withdrawn.", False),
        ("More than 40,000 homes lost power.", False),
        ("Related: the mayor said the storm was the worst in a decade" + " and more" * 30, False),
        ("© 2024 Associated Press. All rights reserved.", False),  # credits are the cleaner's
        ("", False),
    ],
)
def test_drop_boilerplate_lines(line: str, dropped: bool) -> None:
    text = f"First paragraph.\n{line}\nLast paragraph."
    cleaned, removed = drop_boilerplate_lines(text)
    assert (line not in cleaned.split("\n")) == dropped
    assert len(removed) == int(dropped)
    if dropped:
        assert cleaned == "First paragraph.\nLast paragraph."
        assert text[removed[0].start : removed[0].end] == line


def test_text_is_source_text_without_removed_lines() -> None:
    source = "A.\nAdvertisement\nB.\n  Share  \nC."
    cleaned, removed = drop_boilerplate_lines(source)
    assert cleaned == "A.\nB.\nC."
    kept = [line for line in source.split("\n") if line not in {r.text for r in removed}]
    assert "\n".join(kept) == cleaned


@pytest.mark.shared
def test_real_pages_fallback_and_boilerplate(datasets_dir) -> None:
    from newsdossier.eval.extraction import load_aeb

    pages = {p.id[:6]: p for p in load_aeb(datasets_dir / "article_extraction_benchmark")}
    # precision mode keeps only a 260-character teaser of this one; recall mode gets the article
    barrons = pages["f8ff62"]
    result = extract_html(barrons.html, url=barrons.url)
    assert result.focus == "recall"
    assert "Shares of construction goods giant Home Depot are dropping" in result.text
    # links to other stories inside the article body
    cityam = pages["360c73"]
    result = extract_html(cityam.html, url=cityam.url)
    assert "Alibaba is set to raise up to $12.9bn" in result.text
    assert "Read more: Tencent profit falls" not in result.text
    assert "Read more: Tencent profit falls" in result.source_text


def test_a_links_hover_card_does_not_reach_the_text() -> None:
    """Issue #22: "Rep. Ilhan OmarIlhan OmarHillicon Valley: ..." (an AEB page): the card a page shows on
    hovering a name repeated the name and a headline inside the sentence."""
    from newsdossier.clean.html import extract_html

    sentence = ('<p>A man pleaded guilty to threatening Rep. <span class="people"><a href="/p/omar">Ilhan Omar</a>'
                '<span class="people-block"><img src="o.jpg"><a href="/p/omar">Ilhan Omar</a>'
                '<a href="/news/1">Hillicon Valley: Progressives oppose funding bill</a></span></span> (D-Minn.), '
                'prosecutors said on Monday, and he faces sentencing in the spring.</p>')
    # a link, words, then a span with a link opening with the first link's words: the paragraph's, not a card
    kept = ('<p>The <a href="/nfl">NFL</a> insider has reported that <span><a href="/x">the NFL will fine the '
            'quarterback</a></span> for his role in the fight, and the player said he would appeal the decision '
            'next week with the help of his union.</p>')
    paragraph = "<p>" + "The case drew wide attention in the state and beyond it over several months. " * 4 + "</p>"
    html = f"<html><body><article><h1>Man pleads guilty</h1>{sentence}{kept}{paragraph * 3}</article></body></html>"
    text = extract_html(html).text
    assert "Rep. Ilhan Omar (D-Minn.)" in text and "Hillicon" not in text
    assert "reported that the NFL will fine the quarterback for his role" in text
