"""WARC archives (``.warc``, ``.warc.gz``): every successful HTML response is one document.

Records are streamed with warcio's ArchiveIterator. Requests, metadata,
redirects, images and the like are not articles and are skipped without a
word. warcio itself is lenient with damage: measured on archives cut at every
byte offset, it ends iteration silently at a cut gzip member and hands back a
record whose body stops short. So each record is checked after it is read
(:func:`_is_cut_short`) and the archive is checked for unread bytes at its end;
the first break becomes the file's ``malformed-warc`` rejection, and the
documents yielded before it stand.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from newsdossier.errors import InputError
from newsdossier.ingest.encoding import charset_from_content_type, decode, sniff_html_charset
from newsdossier.ingest.settings import IngestSettings
from newsdossier.model import Format, RawDocument, Rejection, SourceHints

__all__ = ["read_warc"]

HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})

TRAILING_PROBE_BYTES = 64
"""How much is read after the last record to tell leftover bytes from the blank lines that end it."""


def read_warc(path: Path, settings: IngestSettings) -> Iterator[RawDocument | Rejection]:
    """One document per HTML ``response`` record with status 200; ``record N`` counts every record."""
    source = str(path)
    if path.stat().st_size == 0:
        raise InputError(source, "empty", "the file has no bytes")
    pages = 0
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        number, end = 0, 0
        while (record := _next_record(records, source, number + 1)) is not None:
            number += 1
            locator = f"record {number}"
            result = _read_page(record, source, locator, settings) if _is_html_page(record) else None
            # Reading the offset makes warcio consume the rest of the record,
            # after which a short body shows in its length reader.
            end = records.get_record_offset() + records.get_record_length()
            if _is_cut_short(record):
                raise InputError(source, "malformed-warc", "the record is cut short", locator=locator)
            if result is not None:
                pages += 1
                yield result
        _refuse_leftover_bytes(stream, end, source, number + 1)
    if not pages:
        detail = f"none of the {number} records is an HTML page fetched with status 200"
        raise InputError(source, "no-text", detail)


def _next_record(records: ArchiveIterator, source: str, number: int) -> ArcWarcRecord | None:
    try:
        return next(records)
    except StopIteration:
        return None
    # warcio has no documented error contract. Measured on archives cut at
    # every offset and with flipped bytes, it raises ArchiveLoadFailed, and
    # AttributeError from its own code on cut headers; any error here means
    # this record cannot be parsed.
    except Exception as error:
        detail = f"cannot be parsed: {type(error).__name__}: {error}"
        raise InputError(source, "malformed-warc", detail, locator=f"record {number}") from error


def _is_html_page(record: ArcWarcRecord) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    media_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return record.http_headers.get_statuscode() == "200" and media_type in HTML_MEDIA_TYPES


def _read_page(
    record: ArcWarcRecord, source: str, locator: str, settings: IngestSettings
) -> RawDocument | Rejection:
    """The record's HTTP payload, with chunked transfer and gzip/deflate content encoding undone."""
    limit = settings.max_document_bytes
    try:
        data = record.content_stream().read(limit + 1)
    except Exception as error:  # no documented error contract, as in _next_record
        detail = f"the HTTP payload cannot be read: {type(error).__name__}: {error}"
        return Rejection(source, locator, "malformed-warc", detail)
    if len(data) > limit:
        return Rejection(source, locator, "too-large", f"the page is over the {limit:,}-byte document limit")
    declared = charset_from_content_type(record.http_headers.get_header("Content-Type"))
    try:
        text, encoding = decode(data, declared=declared or sniff_html_charset(data))
    except InputError as error:
        return Rejection(source, locator, error.reason, error.detail)
    return RawDocument(
        source_path=source,
        locator=locator,
        format=Format.WARC,
        media_type="text/html",
        data=data,
        encoding=encoding,
        text=text,
        hints=SourceHints(url=record.rec_headers.get_header("WARC-Target-URI")),
    )


def _is_cut_short(record: ArcWarcRecord) -> bool:
    """Whether the archive ended inside this record, once warcio has read it to its end.

    A WARC record must declare its Content-Length; when the headers are cut it
    is missing or partial, and when the body is cut warcio's length-limited
    reader (``raw_stream.limit``, warcio 1.x) still expects bytes.
    """
    declared = (record.rec_headers.get_header("Content-Length") or "").strip()
    return not declared.isdigit() or getattr(record.raw_stream, "limit", 0) > 0


def _refuse_leftover_bytes(stream: BinaryIO, end: int, source: str, number: int) -> None:
    """Raise if bytes that are not blank lines follow the last whole record (a cut or damaged record)."""
    stream.seek(end)
    if stream.read(TRAILING_PROBE_BYTES).strip():
        detail = "the archive ends inside this record (cut off or damaged)"
        raise InputError(source, "malformed-warc", detail, locator=f"record {number}")
