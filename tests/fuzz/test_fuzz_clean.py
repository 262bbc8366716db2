"""Fuzzing the cleaner (issue #26): any decoded text becomes an Article whose offsets hold.

prepare and clean take any document without raising. Every removal and caption is the source
text at its offsets; every body segment is the same characters in the body and in the source;
the body is its segments joined by paragraph breaks; cleaning the same text twice gives the same.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsdossier.clean import clean, prepare
from newsdossier.model import Article, Caption, Format, RawDocument, Removal, SourceHints

from .strategies import MONTH_WORDS, any_text, date_strings, dates, html_documents, sentence

pytestmark = pytest.mark.fuzz
# No deadline: trafilatura's first call imports and warms up for seconds, and a shared machine's
# timing varies; the profile still sets how many examples run.
NO_DEADLINE = settings(deadline=None)

# Lines a scraped page is made of: headers, bylines, datelines, furniture, captions, credits, prose.
PAGE_LINES = (
    "By Jane Doe", "By JANE DOE and JOHN ROE, Associated Press", "BAGHDAD (Reuters) -", "BAGHDAD, Jan 3 (Reuters) -",
    "WASHINGTON, Jan. 3, 2020 (AP) —", "(Reuters) -", "Baghdad/Cairo, Jan 2 (efe-epa).-", "Read more:",
    "Advertisement", "Share this article", "Comments", "© 2020 Reuters", "Photo: AFP/Getty Images",
    "Reporting by John Roe; Editing by Jane Doe", "AFP with additional input by GVS News Desk", "Published:",
    "Updated", "Soleimani was killed in a drone strike near Baghdad airport on Friday, officials said.",
    "“We will respond,” the minister told AFP.", "The president-elect Joe Biden", "one year after",
    "anniversary", "World", "Middle East", "Subscribe", "Sign up", "Click here", "ADVERTISEMENT", "PTI", "— AP",
    "Caption:", "(Photo: Reuters)", "Iraq", "strike", "said", "the", "a", "on", "Sunday", *MONTH_WORDS[:12],
)
_LINE = st.one_of(sentence(PAGE_LINES, max_words=12), date_strings(), any_text())
_BREAKS = st.sampled_from(("\n", "\n", "\n\n", "\r\n", "\r", "\n \n", "\u2028", "\x0b"))


@st.composite
def page_text(draw: st.DrawFn) -> str:
    return "".join(draw(_LINE) + draw(_BREAKS) for _ in range(draw(st.integers(0, 10))))


HINTS = st.builds(SourceHints, url=st.none() | st.sampled_from(("https://www.reuters.com/x", "http://bbc.co.uk/", "x")),
                  title=st.none() | sentence(PAGE_LINES, max_words=6), published=st.none() | dates(),
                  outlet=st.none() | st.sampled_from(("Reuters", "", " ")),
                  byline=st.lists(sentence(PAGE_LINES, max_words=4), max_size=2).map(tuple))


def document(text: str, format: Format, hints: SourceHints) -> RawDocument:
    data = text.encode("utf-8", errors="surrogatepass")
    return RawDocument("fuzz.txt", None, format, "text/plain", data, "utf-8", text, hints)


def check_offsets(article: Article) -> None:
    source, body = article.source_text, article.text
    spans: list[Removal | Caption] = [*article.removed, *article.captions]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(source), span
        assert source[span.start:span.end] == span.text, span
    pieces = []
    for segment in article.segments:
        assert segment.length > 0
        assert 0 <= segment.source_start and segment.source_start + segment.length <= len(source), segment
        assert 0 <= segment.clean_start and segment.clean_start + segment.length <= len(body), segment
        piece = body[segment.clean_start:segment.clean_start + segment.length]
        assert piece == source[segment.source_start:segment.source_start + segment.length], segment
        pieces.append(piece)
        assert article.source_offset(segment.clean_start) == segment.source_start
    assert body == "\n\n".join(pieces)
    published = article.published
    if published.value is not None:
        assert published.earliest is not None and published.latest is not None
        assert published.earliest <= published.value <= published.latest


@NO_DEADLINE
@given(text=st.one_of(page_text(), any_text()), format=st.sampled_from((Format.TEXT, Format.JSON, Format.FEED)),
       hints=st.one_of(st.just(SourceHints()), HINTS))
@example(text="BAGHDAD, Auguſt 5 (Reuters) - Officials said.\n", format=Format.TEXT, hints=SourceHints())
@example(text="It was one year after Auguſt 5, 2020.\n", format=Format.TEXT, hints=SourceHints())
@example(text="Published: 29 February 2020 10:00 GMT\n\nBody.", format=Format.TEXT,
         hints=SourceHints(published=date(9999, 12, 31)))
def test_clean_text(text: str, format: Format, hints: SourceHints) -> None:
    raw = document(text, format, hints)
    article = clean(prepare(raw))
    check_offsets(article)
    assert clean(prepare(raw)) == article


_META = st.sampled_from(('<meta property="article:published_time" content="{}">', '<meta name="date" content="{}">',
                         '<time datetime="{}">', "<title>{}</title>", '<meta property="og:site_name" content="{}">'))
# Extraction costs 30 ms a page, so pages stay small: a few lines of text and a few tags of markup.
_MARKUP = html_documents(6)
PAGES = st.tuples(st.lists(st.tuples(_META, date_strings()), max_size=2), page_text(), _MARKUP).map(
    lambda p: "<html><head>" + "".join(tag.format(value) for tag, value in p[0]) + "</head><body><article>"
    + "".join(f"<p>{line}</p>" for line in p[1].splitlines()) + p[2] + "</article></body></html>")


@NO_DEADLINE
@given(page=st.one_of(PAGES, _MARKUP), hints=st.one_of(st.just(SourceHints()), HINTS))
def test_clean_html(page: str, hints: SourceHints) -> None:
    raw = RawDocument("fuzz.html", None, Format.HTML, "text/html", page.encode("utf-8", errors="surrogatepass"),
                      "utf-8", page, hints)
    prepared = prepare(raw)
    article = clean(prepared)
    check_offsets(article)
    assert clean(prepared) == article
