"""WARC archives: HTML responses become documents; damage is reported, earlier pages kept."""

from __future__ import annotations

import gzip
import io
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdossier.ingest import IngestSettings, read_inputs
from newsdossier.model import Format, RawDocument, Rejection, SourceHints

UTF8_PAGE = "<html><body><p>Café “news” from Baghdad.</p></body></html>".encode()
CP1252_PAGE = (
    '<html><head><meta charset="windows-1252"></head><body>“Quoted” – façade</body></html>'.encode("cp1252")
)
LATIN1_PAGE = "<html><body>Zürich, Genève</body></html>".encode("latin-1")


@dataclass(frozen=True)
class Record:
    kind: str
    uri: str
    payload: bytes = UTF8_PAGE
    status: str = "200 OK"
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "text/html; charset=utf-8"),)


PNG = (("Content-Type", "image/png"),)


def documents_only(items: list[RawDocument | Rejection]) -> list[RawDocument]:
    documents = [item for item in items if isinstance(item, RawDocument)]
    assert len(documents) == len(items), f"unexpected rejections: {items}"
    return documents


def last_rejection(items: list[RawDocument | Rejection]) -> Rejection:
    assert isinstance(items[-1], Rejection), f"no rejection at the end of {items}"
    return items[-1]


def chunked(body: bytes) -> bytes:
    return b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)


MIXED = [
    Record("request", "http://ex.com/a", b""),
    Record("response", "http://ex.com/a", UTF8_PAGE),
    Record("metadata", "http://ex.com/a", b"via: http://ex.com/\r\n"),
    Record("response", "http://ex.com/missing", b"<html>Not found</html>", status="404 Not Found"),
    Record("response", "http://ex.com/logo.png", b"\x89PNG\r\n\x1a\n\x00", headers=PNG),
    Record("response", "http://ex.com/c", CP1252_PAGE, headers=(("Content-Type", "text/html"),)),
    Record(
        "response",
        "http://ex.com/d",
        chunked(gzip.compress(LATIN1_PAGE)),
        headers=(
            ("Content-Type", "text/html; charset=ISO-8859-1"),
            ("Content-Encoding", "gzip"),
            ("Transfer-Encoding", "chunked"),
        ),
    ),
    Record("response", "http://ex.com/moved", b"", status="301 Moved", headers=(("Location", "/a"),)),
]


def write_warc(path: Path, records: list[Record], *, compress: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsdossier tests"}))
    for record in records:
        http_headers = None
        if record.kind == "request":
            http_headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "ex.com")], is_http_request=True)
        elif record.kind == "response":
            http_headers = StatusAndHeaders(record.status, list(record.headers), protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                record.uri,
                record.kind,
                payload=io.BytesIO(record.payload),
                length=len(record.payload),  # known length: warcio then needs no temporary file
                http_headers=http_headers,
                warc_content_type="application/warc-fields" if record.kind == "metadata" else None,
            )
        )
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_only_successful_html_responses_become_documents(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    write_warc(path, MIXED, compress=compress)
    documents = documents_only(list(read_inputs([path])))
    assert [(d.locator, d.hints, d.encoding) for d in documents] == [
        ("record 3", SourceHints(url="http://ex.com/a"), "utf-8"),
        ("record 7", SourceHints(url="http://ex.com/c"), "cp1252"),
        ("record 8", SourceHints(url="http://ex.com/d"), "cp1252"),
    ]
    first, from_meta, from_gzip = documents
    assert first == RawDocument(
        source_path=str(path),
        locator="record 3",
        format=Format.WARC,
        media_type="text/html",
        data=UTF8_PAGE,
        encoding="utf-8",
        text=UTF8_PAGE.decode(),
        hints=SourceHints(url="http://ex.com/a"),
    )
    assert (from_meta.data, from_meta.text) == (CP1252_PAGE, CP1252_PAGE.decode("cp1252"))
    # The payload is kept with its transfer and content encodings undone.
    assert (from_gzip.data, from_gzip.text) == (LATIN1_PAGE, LATIN1_PAGE.decode("latin-1"))


def test_truncated_gzip_member_keeps_the_earlier_pages(tmp_path: Path) -> None:
    pages = [Record("response", f"http://ex.com/{n}", UTF8_PAGE * (n + 1)) for n in range(4)]
    whole = write_warc(tmp_path / "whole.warc.gz", pages)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole[: len(whole) - 60])  # inside the last record's gzip member
    items = list(read_inputs([path]))
    rejection = last_rejection(items)
    kept = [document.data for document in documents_only(items[:-1])]
    assert kept == [UTF8_PAGE * (n + 1) for n in range(3)]
    assert (rejection.source_path, rejection.locator) == (str(path), "record 5")
    assert rejection.reason == "malformed-warc"


def test_uncompressed_warc_cut_inside_a_body_is_malformed(tmp_path: Path) -> None:
    pages = [Record("response", f"http://ex.com/{n}", UTF8_PAGE) for n in range(2)]
    whole = write_warc(tmp_path / "whole.warc", pages, compress=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[: len(whole) - 30])
    items = list(read_inputs([path]))
    assert [(item.locator, type(item).__name__) for item in items] == [
        ("record 2", "RawDocument"),
        ("record 3", "Rejection"),
    ]
    assert last_rejection(items).reason == "malformed-warc"
    assert "cut short" in last_rejection(items).detail


def test_garbage_between_records_is_malformed(tmp_path: Path) -> None:
    pages = [Record("response", f"http://ex.com/{n}", UTF8_PAGE) for n in range(2)]
    whole = write_warc(tmp_path / "whole.warc", pages, compress=False)
    second = whole.index(b"WARC/1", whole.index(b"http://ex.com/0"))
    path = tmp_path / "garbage.warc"
    path.write_bytes(whole[:second] + b"NOT A WARC HEADER\r\n" + whole[second:])
    items = list(read_inputs([path]))
    assert [(item.locator, type(item).__name__) for item in items] == [
        ("record 2", "RawDocument"),
        ("record 3", "Rejection"),
    ]
    assert last_rejection(items).reason == "malformed-warc"


def gzip_member_starts(data: bytes) -> list[int]:
    starts, position = [], 0
    while position < len(data):
        starts.append(position)
        member = zlib.decompressobj(zlib.MAX_WBITS | 16)
        member.decompress(data[position:])
        position = len(data) - len(member.unused_data)
    return starts


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_every_cut_of_an_archive_yields_only_whole_pages_and_reports_the_loss(
    tmp_path: Path, compress: bool
) -> None:
    pages = [Record("response", f"http://ex.com/{n}", UTF8_PAGE + b"<!-- %d -->" % n) for n in range(3)]
    whole = write_warc(tmp_path / "whole", pages, compress=compress)
    # Where each page's record starts (the first record is warcinfo).
    starts = gzip_member_starts(whole) if compress else [m.start() for m in re.finditer(b"WARC/1", whole)]
    page_starts = starts[1:]
    expected = [page.payload for page in pages]
    path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    for cut in range(1, len(whole)):
        path.write_bytes(whole[:cut])
        items = list(read_inputs([path]))
        documents = [item.data for item in items if isinstance(item, RawDocument)]
        assert documents == expected[: len(documents)], f"cut at {cut}: a page came out damaged"
        # A cut before the first byte of the next record (at a record boundary,
        # or in the gzip trailer of a whole record) leaves a shorter valid archive.
        if len(documents) < len(expected) and cut > page_starts[len(documents)]:
            assert isinstance(items[-1], Rejection), f"cut at {cut}: a page lost without a rejection"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"<html>this is not an archive</html>", "malformed-warc"),
    ],
)
def test_not_an_archive(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(content)
    (rejection,) = read_inputs([path])
    assert isinstance(rejection, Rejection)
    assert rejection.reason == reason


def test_archive_without_html_pages_says_so(tmp_path: Path) -> None:
    path = tmp_path / "images.warc.gz"
    write_warc(path, [Record("response", "http://ex.com/i.png", b"\x89PNG", headers=PNG)])
    (rejection,) = read_inputs([path])
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "no-text"


def test_a_bad_page_is_rejected_and_the_archive_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(
        path,
        [
            Record("response", "http://ex.com/bin", b"\x00\x01\x02\x03 not html"),
            Record("response", "http://ex.com/empty", b""),
            Record("response", "http://ex.com/ok", UTF8_PAGE),
        ],
    )
    items = list(read_inputs([path]))
    assert [(item.locator, getattr(item, "reason", "ok")) for item in items] == [
        ("record 2", "binary"),
        ("record 3", "empty"),
        ("record 4", "ok"),
    ]


def test_page_over_the_limit_is_rejected_and_the_archive_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    big = b"<html><body>" + b"word " * 400 + b"</body></html>"
    write_warc(path, [Record("response", "http://ex.com/1", big), Record("response", "http://ex.com/2")])
    items = list(read_inputs([path], settings=IngestSettings(max_document_bytes=1000)))
    assert [(item.locator, getattr(item, "reason", "ok")) for item in items] == [
        ("record 2", "too-large"),
        ("record 3", "ok"),
    ]


def test_payload_cut_inside_a_gzip_content_encoding_is_kept_without_mojibake(tmp_path: Path) -> None:
    # The crawler stored a response whose compressed body broke off: the page
    # is as captured, and its last, cut character must not garble the others.
    path = tmp_path / "crawl.warc.gz"
    page = UTF8_PAGE * 20
    headers = (("Content-Type", "text/html"), ("Content-Encoding", "gzip"))
    write_warc(path, [Record("response", "http://ex.com/a", gzip.compress(page)[:60], headers=headers)])
    (document,) = documents_only(list(read_inputs([path])))
    assert document.encoding == "utf-8"
    assert page.decode().startswith(document.text.rstrip("\ufffd"))
    assert "Café “news" in document.text


def test_payload_the_library_cannot_read_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [Record("response", f"http://ex.com/{name}", UTF8_PAGE) for name in "ab"])
    real_content_stream = ArcWarcRecord.content_stream

    def content_stream(record: ArcWarcRecord) -> Any:
        if record.rec_headers.get_header("WARC-Target-URI") == "http://ex.com/a":
            raise OSError("brotli: corrupt input")
        return real_content_stream(record)

    monkeypatch.setattr(ArcWarcRecord, "content_stream", content_stream)
    items = list(read_inputs([path]))
    assert [(item.locator, getattr(item, "reason", "ok")) for item in items] == [
        ("record 2", "malformed-warc"),
        ("record 3", "ok"),
    ]
