"""RSS and Atom feeds: one document per entry, the feed title as outlet."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsdossier.ingest import read_inputs
from newsdossier.model import Format, RawDocument, Rejection, SourceHints

RSS = """<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example News</title>
  <link>https://example.com/</link>
  <item>
    <title>Strike near Baghdad airport</title>
    <link>https://example.com/strike</link>
    <pubDate>Fri, 03 Jan 2020 23:30:00 -0500</pubDate>
    <dc:creator>Jane Doe</dc:creator>
    <description>Short teaser</description>
    <content:encoded><![CDATA[<p>Full “body” of the café story.</p><script>t()</script>]]></content:encoded>
  </item>
  <item>
    <title>Teaser only</title>
    <link>https://example.com/teaser</link>
    <description>Only a &lt;b&gt;summary&lt;/b&gt; here</description>
  </item>
  <item>
    <title>Nothing at all</title>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Wire</title>
  <entry>
    <title>Plain entry</title>
    <link href="https://wire.example/1"/>
    <updated>2021-01-03T08:00:00Z</updated>
    <author><name>Ann</name></author>
    <author><name>Bob</name></author>
    <content type="text">Line one
Line two with 3 &lt; 4</content>
  </entry>
</feed>
"""


def read_all(path: Path) -> list[RawDocument | Rejection]:
    return list(read_inputs([path]))


def test_rss_entries_become_documents_with_hints(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_bytes(RSS.encode("cp1252"))
    full, teaser, empty = read_all(path)
    body = "<p>Full “body” of the café story.</p><script>t()</script>"
    assert full == RawDocument(
        source_path=str(path),
        locator="entry 1",
        format=Format.FEED,
        media_type="text/html",
        data=body.encode("utf-8"),
        encoding="utf-8",
        text=body,
        hints=SourceHints(
            url="https://example.com/strike",
            title="Strike near Baghdad airport",
            # As written: 3 January where it was published, 4 January in UTC.
            published=date(2020, 1, 3),
            outlet="Example News",
            byline=("Jane Doe",),
        ),
    )
    assert isinstance(teaser, RawDocument)
    assert (teaser.locator, teaser.text) == ("entry 2", "Only a <b>summary</b> here")
    assert teaser.hints.published is None
    assert isinstance(empty, Rejection)
    assert (empty.locator, empty.reason) == ("entry 3", "no-text")


def test_atom_plain_text_content_stays_plain(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM)
    (document,) = read_all(path)
    assert isinstance(document, RawDocument)
    assert document.media_type == "text/plain"
    assert document.text == "Line one\nLine two with 3 < 4"
    assert document.hints == SourceHints(
        url="https://wire.example/1",
        title="Plain entry",
        published=date(2021, 1, 3),
        outlet="Atom Wire",
        byline=("Ann", "Bob"),
    )


@pytest.mark.parametrize("name", ["feed.xml", "feed.feed"])
def test_feeds_are_recognised_under_other_names(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(ATOM)
    (document,) = read_all(path)
    assert isinstance(document, RawDocument)
    assert document.format is Format.FEED


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("broken.rss", "<rss version='2.0'><channel><title>X</ti", "malformed-feed"),
        ("junk.rss", "this is not xml at all", "malformed-feed"),
        ("sitemap.xml", "<?xml version='1.0'?><urlset><url>x</url></urlset>", "unsupported-format"),
        ("config.xml", "<config><broken", "unsupported-format"),
        ("empty.rss", "<rss version='2.0'><channel><title>Quiet</title></channel></rss>", "empty"),
        ("blank.atom", "  \n", "empty"),
    ],
)
def test_feeds_without_entries_are_rejected(tmp_path: Path, name: str, content: str, reason: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    (rejection,) = read_all(path)
    assert isinstance(rejection, Rejection)
    assert (rejection.source_path, rejection.locator, rejection.reason) == (str(path), None, reason)


def test_feed_cut_after_an_entry_keeps_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "cut.rss"
    path.write_text(RSS[: RSS.index("<item>", RSS.index("</item>"))] + "<item><title>cut")
    first, cut = read_all(path)
    assert isinstance(first, RawDocument)
    assert first.hints.title == "Strike near Baghdad airport"
    assert isinstance(cut, Rejection)
    assert (cut.locator, cut.reason) == ("entry 2", "no-text")


def test_feed_that_breaks_the_parser_is_malformed_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "bad.rss"
    # A non-ASCII byte in the encoding declaration makes feedparser 6.0 raise.
    path.write_bytes(b"<?xml version='1.0' encoding='utf\x89'?><rss version='2.0'><channel></channel></rss>")
    (rejection,) = read_all(path)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "malformed-feed"
    assert "UnicodeDecodeError" in rejection.detail
