"""Fuzzing the input readers (issue #26): plain text, HTML, JSON and JSON Lines, WARC, RSS/Atom.

Whatever a file holds, reading it yields documents and rejections and never raises; every
rejection names the file and gives a documented reason code and a detail; every document names
the file and holds the text its bytes decode to. Reading the same file twice gives the same.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import string
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdossier.errors import __doc__ as ERRORS_DOC
from newsdossier.ingest import DEFAULT_JSON_FIELDS, IngestSettings, read_file, read_inputs
from newsdossier.model import Format, RawDocument, Rejection

from .strategies import (
    CHARSET_LABELS,
    HTML_DOCUMENTS,
    WORDS,
    any_text,
    damaged,
    date_strings,
    encoded,
    sentence,
)

pytestmark = pytest.mark.fuzz

# The reason codes errors.py documents, read from its docstring so the two cannot drift apart.
REASONS = frozenset(re.findall(r"``([a-z-]+)``", ERRORS_DOC.split("reason`` codes")[1]))
LOCATOR = re.compile(r"(?:line|item|record|entry) [1-9]\d*")


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    """One folder per module, reused by every example (hypothesis runs many per test)."""
    with tempfile.TemporaryDirectory(prefix="newsdossier-fuzz-") as folder:
        yield Path(folder)


# The defaults, or limits small enough that generated files cross them.
_LIMITS = st.one_of(st.just(IngestSettings().max_document_bytes), st.integers(1, 2048))
_FIELDS = st.sampled_from(({}, {"text": "body"}, {"text": ["article", "text"], "published": "when"},
                           {"html": ["html", "content"], "byline": "by"}))
SETTINGS = st.builds(IngestSettings, max_document_bytes=_LIMITS, max_feed_bytes=_LIMITS, json_fields=_FIELDS)


def read_checked(path: Path, settings: IngestSettings, expected_format: Format) -> list[RawDocument | Rejection]:
    """Read ``path`` (twice) and check what every reader promises; the items read."""
    items = list(read_inputs([path], settings=settings))
    assert items == list(read_file(path, settings=settings)), "reading the same file twice differs"
    source = str(path)
    for item in items:
        assert item.source_path == source
        assert item.locator is None or LOCATOR.fullmatch(item.locator), item.locator
        if isinstance(item, Rejection):
            assert item.reason in REASONS, f"undocumented reason {item.reason!r}: {item}"
            assert item.detail.strip(), f"a rejection without a detail: {item!r}"
            assert str(item).startswith(source)
        else:
            assert isinstance(item, RawDocument)
            assert item.format is expected_format
            assert item.media_type in ("text/plain", "text/html")
            assert item.text.strip(), "a document without text"
            if expected_format in (Format.JSON, Format.FEED):
                assert item.data == item.text.encode("utf-8") and item.encoding == "utf-8"
            else:
                assert len(item.data) <= settings.max_document_bytes
                assert _decodes_to(item.data, item.encoding, item.text)
    return items


def _decodes_to(data: bytes, encoding: str, text: str) -> bool:
    """decode()'s promise: ``data.decode(encoding) == text``, but for a cut UTF-8 character at the end."""
    if encoding == "utf-8" and text.endswith("\ufffd"):
        return data.decode("utf-8", errors="replace").startswith(text[:-1])
    return data.decode(encoding) == text


# --- plain text and HTML ----------------------------------------------------------------------------

_ARTICLES = st.one_of(sentence(WORDS), any_text(), st.text())
TEXT_BYTES = st.one_of(st.binary(max_size=512), encoded(_ARTICLES), damaged(encoded(_ARTICLES)))


@given(data=TEXT_BYTES, settings=SETTINGS)
@example(data=b"", settings=IngestSettings())
@example(data=b" \r\n\t", settings=IngestSettings())
@example(data="caf\u00e9".encode("utf-8")[:-1], settings=IngestSettings())  # a UTF-8 character cut at the end
@example(data=b"\xff\xfe\x00", settings=IngestSettings())  # a UTF-16 mark on an odd number of bytes
def test_plain_text_files(scratch: Path, data: bytes, settings: IngestSettings) -> None:
    path = scratch / "page.txt"
    path.write_bytes(data)
    items = read_checked(path, settings, Format.TEXT)
    assert len(items) == 1


@given(data=st.one_of(damaged(encoded(HTML_DOCUMENTS)), st.binary(max_size=256)),
       settings=SETTINGS)
@example(data=b'<meta charset="utf-16"><p>caf\xe9</p>', settings=IngestSettings())
def test_html_files(scratch: Path, data: bytes, settings: IngestSettings) -> None:
    path = scratch / "page.html"
    path.write_bytes(data)
    items = read_checked(path, settings, Format.HTML)
    assert len(items) == 1


# --- JSON and JSON Lines ----------------------------------------------------------------------------

JSON_KEYS = tuple({key for keys in DEFAULT_JSON_FIELDS.values() for key in keys} | {"body", "article", "when",
                                                                                    "by", "name", ""})
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40),
                         date_strings(), sentence(WORDS, max_words=10))
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(JSON_KEYS) | st.text(max_size=4), inner, max_size=4)),
    max_leaves=12)
# A record: an object whose fields get values of any JSON type (usually the right one), or any other value.
json_records = st.one_of(st.dictionaries(st.sampled_from(JSON_KEYS), st.one_of(json_scalars, json_values),
                                         max_size=8),
                         json_values)


@st.composite
def json_text(draw: st.DrawFn, values: st.SearchStrategy[object]) -> bytes:
    """One JSON value serialised as scrapers write it: ASCII-escaped or raw UTF-8, compact or indented."""
    value = draw(values)
    text = json.dumps(value, ensure_ascii=draw(st.booleans()), indent=1 if draw(st.booleans()) else None)
    # A lone surrogate written raw is not UTF-8: the file is then undecodable, as a broken scraper's is.
    return text.encode("utf-8", errors="surrogatepass")


pathological_json = st.sampled_from((
    b"[" * 100_000, b'{"text": ' * 5000, b"1" * 5000, b'{"text": "a", "x": ' + b"9" * 5000 + b"}", b"NaN",
    b'{"text": "\\ud83d"}', b'"text"', b"[]", b"[,]", b"[1,]", b'[{"text": "a"}] x', b"\xef\xbb\xbf[]", b"\xff\xfe[",
    b'{"text": "a"}{"text": "b"}', b"[\n", b"  ", b'[{"text": "a"}, {"text": "b"', b"-", b'{"text": "a"} ]',
))


_BROKEN_JSON = st.one_of(pathological_json, st.binary(max_size=128))


@given(records=st.lists(json_text(json_records), max_size=6),
       separator=st.sampled_from((b"\n", b"\r\n", b"\n\n", b"\n \n", b"\r")), tail=st.booleans(),
       settings=SETTINGS, damage=st.booleans(), data=st.data())
def test_jsonl_files(scratch: Path, records: list[bytes], separator: bytes, tail: bool,
                     settings: IngestSettings, damage: bool, data: st.DataObject) -> None:
    content = separator.join(record.replace(b"\n", b" ") for record in records) + (separator if tail else b"")
    if damage:
        content = data.draw(st.one_of(damaged(st.just(content)), _BROKEN_JSON))
    path = scratch / "records.jsonl"
    path.write_bytes(content)
    read_checked(path, settings, Format.JSON)


@given(value=st.one_of(json_records, st.lists(json_records, max_size=6)), settings=SETTINGS,
       damage=st.booleans(), data=st.data())
def test_json_files(scratch: Path, value: object, settings: IngestSettings, damage: bool,
                    data: st.DataObject) -> None:
    content = data.draw(json_text(st.just(value)))
    if damage:
        content = data.draw(st.one_of(damaged(st.just(content)), _BROKEN_JSON))
    path = scratch / "records.json"
    path.write_bytes(content)
    items = read_checked(path, settings, Format.JSON)
    if isinstance(value, list) and value and not damage:
        assert len(items) in (len(value), len(value) + 1)  # one item each; an item too large may stop the array


# --- WARC -------------------------------------------------------------------------------------------

HTTP_STATUSES = ("200 OK", "200", "404 Not Found", "301 Moved Permanently", "500 Internal Server Error", "200 ok",
                 "204 No Content", "999 Odd")
CONTENT_TYPES = ("text/html", "text/html; charset=utf-8", "text/html; charset=windows-1252", "TEXT/HTML",
                 "text/html; charset=bogus", 'text/html; charset="utf-16"', "application/xhtml+xml", "image/png",
                 "text/plain", "", "text/html;charset=", "text/html; charset=utf-8; charset=latin-1")


PAGES = sentence(WORDS, max_words=12).map(lambda text: f"<html><body><p>{text}</p></body></html>".encode())
_PAYLOADS = st.one_of(PAGES, encoded(HTML_DOCUMENTS), st.binary(max_size=200))
_RECORD_KINDS = st.sampled_from(("response", "response", "response", "request", "resource", "metadata", "revisit",
                                 "conversion"))
_URIS = st.sampled_from(("http://ex.com/a", "https://ex.com/é", "", "urn:x", "http://ex.com/" + "a" * 300))
_CODINGS = st.sampled_from(("identity", "identity", "gzip", "deflate", "broken-gzip", "br"))
_TRANSFERS = st.sampled_from(("none", "none", "chunked", "broken-chunked"))
_EXTRA_HEADERS = st.lists(st.tuples(st.sampled_from(("Content-Length", "Location", "X-Junk", "Content-Type")),
                                    st.text(string.printable.strip(), max_size=12)), max_size=2)


def chunked(body: bytes, size: int) -> bytes:
    pieces = [body[at:at + size] for at in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"


@st.composite
def warc_record(draw: st.DrawFn) -> tuple[str, str, bytes, StatusAndHeaders | None]:
    """(record type, URI, payload, HTTP headers) with content and transfer encodings, some of them broken."""
    kind, uri, payload = draw(_RECORD_KINDS), draw(_URIS), draw(_PAYLOADS)
    if kind == "request":
        return kind, uri, b"", StatusAndHeaders("GET / HTTP/1.1", [("Host", "ex.com")], is_http_request=True)
    if kind not in ("response", "revisit"):
        return kind, uri, payload, None
    headers = [("Content-Type", draw(st.sampled_from(CONTENT_TYPES)))]
    coding = draw(_CODINGS)
    if coding == "gzip":
        payload = gzip.compress(payload, mtime=0)
    elif coding == "deflate":
        payload = zlib.compress(payload)
    elif coding == "broken-gzip":
        payload, coding = gzip.compress(payload, mtime=0)[: draw(st.integers(0, 30))], "gzip"
    if coding != "identity":
        headers.append(("Content-Encoding", coding))
    transfer = draw(_TRANSFERS)
    if transfer != "none":
        payload = chunked(payload, draw(st.integers(1, 64)))
        if transfer == "broken-chunked":
            payload = payload[: draw(st.integers(0, len(payload)))] + draw(st.binary(max_size=8))
        headers.append(("Transfer-Encoding", "chunked"))
    headers += draw(_EXTRA_HEADERS)
    return kind, uri, payload, StatusAndHeaders(draw(st.sampled_from(HTTP_STATUSES)), headers, protocol="HTTP/1.1")


def write_warc(records: list[tuple[str, str, bytes, StatusAndHeaders | None]], compress: bool) -> bytes:
    """The records as warcio writes them, with fixed ids and dates so an example's bytes never change."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for number, (kind, uri, payload, http_headers) in enumerate(records):
        fixed = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>",
                 "WARC-Date": "2020-01-03T00:00:00Z"}
        writer.write_record(writer.create_warc_record(
            uri, kind, payload=io.BytesIO(payload), length=len(payload), http_headers=http_headers,
            warc_headers_dict=fixed, warc_content_type="application/warc-fields" if kind == "metadata" else ""))
    return buffer.getvalue()


_RAW_BODIES = st.one_of(st.just(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>news</p>"),
                        st.binary(max_size=64))
_ODD_LENGTHS = st.sampled_from(("", "-1", "abc", "99999999999", "0", " 5", "1e3"))
_VERSIONS = st.sampled_from(("WARC/1.0", "WARC/1.1", "WARC/0.17", "warc/1.0", "HTTP/1.1", ""))
_RAW_KINDS = st.sampled_from(("response", "request", "warcinfo", "", "response\x00"))
_RAW_HEADERS = st.lists(st.sampled_from((b"Content-Type: application/http; msgtype=response",
                                         b"WARC-Target-URI: http://ex.com/", b"no colon here", b": empty name",
                                         b"WARC-Truncated: length")), max_size=3)


@st.composite
def hand_written_warc(draw: st.DrawFn) -> bytes:
    """Records written by hand: headers warcio's writer never produces (lengths missing, negative, wrong)."""
    records = []
    for _ in range(draw(st.integers(1, 3))):
        body = draw(_RAW_BODIES)
        length = draw(st.one_of(st.just(str(len(body))), _ODD_LENGTHS, st.integers(0, len(body) + 10).map(str)))
        lines = [draw(_VERSIONS).encode(), b"WARC-Type: " + draw(_RAW_KINDS).encode(), *draw(_RAW_HEADERS)]
        if draw(st.booleans()):
            lines.append(b"Content-Length: " + length.encode())
        records.append(b"\r\n".join(lines) + b"\r\n\r\n" + body + b"\r\n\r\n")
    return b"".join(records)


_HAND_WRITTEN = hand_written_warc()
WARC_BYTES = st.builds(write_warc, st.lists(warc_record(), max_size=4), st.booleans())


@given(content=st.one_of(damaged(WARC_BYTES), _HAND_WRITTEN, _HAND_WRITTEN.map(lambda raw: gzip.compress(raw, mtime=0)),
                         st.binary(max_size=128)),
       compress=st.booleans(), settings=SETTINGS)
def test_warc_files(scratch: Path, content: bytes, compress: bool, settings: IngestSettings) -> None:
    path = scratch / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(content)
    read_checked(path, settings, Format.WARC)


# --- RSS and Atom -----------------------------------------------------------------------------------

_FEED_WORDS = sentence(WORDS, max_words=10)
XML_TEXT = st.one_of(_FEED_WORDS, any_text(), _FEED_WORDS.map(lambda t: f"<![CDATA[<p>{t}</p>]]>"),
                     _FEED_WORDS.map(lambda t: f"&lt;p&gt;{t}&lt;/p&gt;"),
                     st.sampled_from(("&nbsp;", "&amp;", "&#8220;", "<![CDATA[", "]]>", "&#0;", "<b>bold</b>")))
"""Element content: words, escaped HTML, CDATA (sometimes broken), entities XML does not define."""
_FLAVOURS = st.sampled_from(("rss", "atom", "rdf", "other"))
_ENTRY_FIELDS = st.lists(st.sampled_from(("title", "link", "summary", "content", "date", "author")), unique=True)
_ATOM_TYPES = st.sampled_from(("text", "html", "xhtml", "bogus"))
_DATES = date_strings()
_RSS_TAGS = {"title": "<title>{}</title>", "link": "<link>{}</link>", "summary": "<description>{}</description>",
             "content": "<content:encoded>{}</content:encoded>", "date": "<pubDate>{}</pubDate>",
             "author": "<dc:creator>{}</dc:creator>"}


@st.composite
def feed_document(draw: st.DrawFn) -> str:
    """An RSS 2.0, RSS 1.0 or Atom feed with random entries, or XML that is no feed."""
    flavour = draw(_FLAVOURS)
    entries = []
    for _ in range(draw(st.integers(0, 3))):
        value = {name: draw(_DATES if name == "date" else XML_TEXT) for name in draw(_ENTRY_FIELDS)}
        if flavour == "atom":
            tags = {"title": "<title>{}</title>", "link": '<link href="{}"/>', "summary": "<summary>{}</summary>",
                    "content": f'<content type="{draw(_ATOM_TYPES)}">{{}}</content>', "date": "<updated>{}</updated>",
                    "author": "<author><name>{}</name></author>"}
            entries.append("<entry>" + "".join(tags[n].format(v) for n, v in value.items()) + "</entry>")
        else:
            entries.append("<item>" + "".join(_RSS_TAGS[n].format(v) for n, v in value.items()) + "</item>")
    title = draw(XML_TEXT)
    encoding = draw(st.sampled_from(CHARSET_LABELS))
    declaration = draw(st.sampled_from((f'<?xml version="1.0" encoding="{encoding}"?>', '<?xml version="1.0"?>', "")))
    items = "".join(entries)
    if flavour == "atom":
        return f'{declaration}<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>{items}</feed>'
    if flavour == "rdf":
        return (f'{declaration}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                f'xmlns="http://purl.org/rss/1.0/"><channel><title>{title}</title></channel>{items}</rdf:RDF>')
    if flavour == "other":
        return f"{declaration}<root><title>{title}</title>{items}</root>"
    return (f'{declaration}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            f'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>{title}</title>{items}</channel></rss>')


@given(content=st.one_of(damaged(encoded(feed_document())), st.binary(max_size=128)),
       suffix=st.sampled_from((".rss", ".atom", ".xml", ".feed")), settings=SETTINGS)
@example(content=b'<rss version="2.0"><channel><item><description>Baghdad</description><pubDate>0000 0 0</pubDate>'
                 b"</item></channel></rss>", suffix=".rss", settings=IngestSettings())  # feedparser's year 0
def test_feed_files(scratch: Path, content: bytes, suffix: str, settings: IngestSettings) -> None:
    path = scratch / f"news{suffix}"
    path.write_bytes(content)
    read_checked(path, settings, Format.FEED)
