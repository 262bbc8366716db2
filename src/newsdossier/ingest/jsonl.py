"""JSON and JSON Lines files: each record is one document, its other fields become hints.

Both are streamed. JSON Lines is read line by line. A ``.json`` file holding an
array is read item by item with the standard library's ``raw_decode`` on a
refilled buffer, so memory follows the largest record, not the file. A record
is mapped to a document by :func:`record_to_document`; which keys are read is
set by :attr:`IngestSettings.json_fields` (documented in docs/input-formats.md).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from newsdossier.errors import InputError
from newsdossier.ingest.hints import author_names, parse_published, text_and_utf8, text_or_none
from newsdossier.ingest.settings import IngestSettings
from newsdossier.model import Format, RawDocument, Rejection, SourceHints

__all__ = ["read_json", "read_jsonl", "record_to_document"]

READ_CHUNK = 64 * 1024
"""Bytes (JSONL) or characters (JSON) read at a time; the usual I/O buffer size, small next to any limit."""

# The body comes from the first non-empty of these fields; plain text is
# preferred to HTML because it is what the scraper already judged to be the
# article, while HTML would be extracted again.
_BODY_FIELDS = (("text", "text/plain"), ("html", "text/html"))

_NON_WHITESPACE = re.compile(r"[^ \t\n\r]")  # JSON's four whitespace characters


def read_jsonl(path: Path, settings: IngestSettings) -> Iterator[RawDocument | Rejection]:
    """One document per line (``line N``, 1-based); a bad line is rejected and reading goes on."""
    source = str(path)
    with path.open("rb") as stream:
        for number, line in _numbered_lines(stream, settings.max_document_bytes):
            locator = f"line {number}"
            if line is None:
                detail = f"the line is over the {settings.max_document_bytes:,}-byte document limit"
                yield Rejection(source, locator, "too-large", detail)
            elif line.strip():
                yield _document_from_line(line, source, locator, settings)


def read_json(path: Path, settings: IngestSettings) -> Iterator[RawDocument | Rejection]:
    """One object (one document, no locator) or an array of objects (``item N``, 1-based).

    A broken array stops at the broken item: items before it are already
    yielded, and the break becomes the file's one ``malformed-json`` rejection.
    """
    source = str(path)
    with path.open("rb") as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as stream:
        reader = _JsonStream(stream, source, settings.max_document_bytes)
        try:
            first = reader.peek()
            if not first:
                raise InputError(source, "empty", "the file holds no JSON value")
            if first == "[":
                for number, (item, size) in enumerate(reader.array_items(), 1):
                    yield _document_from_item(item, size, source, f"item {number}", settings)
            else:
                yield record_to_document(reader.single_value(), source, None, settings)
        except UnicodeDecodeError as error:
            detail = f"not UTF-8, which JSON must be: {error.reason}"
            raise InputError(source, "undecodable", detail) from error


def record_to_document(
    record: object, source: str, locator: str | None, settings: IngestSettings
) -> RawDocument | Rejection:
    """A decoded JSON record as a document, or the reason it is not one."""
    if not isinstance(record, dict):
        detail = f"expected a JSON object, found {_json_kind(record)}"
        return Rejection(source, locator, "malformed-json", detail)
    body = _body(record, settings)
    if body is None:
        tried = [key for name, _ in _BODY_FIELDS for key in settings.json_keys(name)]
        return Rejection(source, locator, "no-text", f"no non-empty string in any of: {', '.join(tried)}")
    raw_text, media_type = body
    text, data = text_and_utf8(raw_text)
    return RawDocument(
        source_path=source,
        locator=locator,
        format=Format.JSON,
        media_type=media_type,
        data=data,
        encoding="utf-8",
        text=text,
        hints=_hints(record, settings),
    )


def _document_from_item(
    item: object, size: int, source: str, locator: str, settings: IngestSettings
) -> RawDocument | Rejection:
    if size > settings.max_document_bytes:
        detail = f"the item is over the {settings.max_document_bytes:,}-character document limit"
        return Rejection(source, locator, "too-large", detail)
    return record_to_document(item, source, locator, settings)


def _document_from_line(
    line: bytes, source: str, locator: str, settings: IngestSettings
) -> RawDocument | Rejection:
    try:
        # Without its line break, so a cut record is reported as an
        # "Unterminated string", not an "Invalid control character".
        record = json.loads(line.rstrip(b"\r\n"))
    except UnicodeDecodeError:
        return Rejection(source, locator, "undecodable", "not UTF-8, which JSON Lines must be")
    except (ValueError, RecursionError) as error:
        return Rejection(source, locator, "malformed-json", _json_error(error))
    return record_to_document(record, source, locator, settings)


def _numbered_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Each line with its 1-based number; None for a line over ``limit`` bytes, which is skipped unread."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(READ_CHUNK)) and not rest.endswith(b"\n"):
                pass  # discard the rest of the over-long line without holding it
            yield number, None
        else:
            yield number, line


def _body(record: dict[str, Any], settings: IngestSettings) -> tuple[str, str] | None:
    for name, media_type in _BODY_FIELDS:
        for key in settings.json_keys(name):
            value = record.get(key)
            if isinstance(value, str) and value.strip():
                return value, media_type
    return None


def _hints(record: dict[str, Any], settings: IngestSettings) -> SourceHints:
    def first(name: str) -> object:
        """The value of the first of the field's keys that holds something."""
        values = (record.get(key) for key in settings.json_keys(name))
        return next((value for value in values if _holds_something(value)), None)

    return SourceHints(
        url=text_or_none(first("url")),
        title=text_or_none(first("title")),
        published=parse_published(first("published")),
        outlet=text_or_none(first("outlet")),
        byline=author_names(first("byline")),
    )


def _holds_something(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None and value != []


def _json_error(error: ValueError | RecursionError) -> str:
    """What is wrong, for the three ways the json module refuses input."""
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} (line {error.lineno}, column {error.colno})"
    if isinstance(error, RecursionError):
        return "nested too deeply to parse"
    return str(error)  # e.g. an integer over Python's 4,300-digit conversion limit


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    return "a number"


class _JsonStream:
    """JSON values decoded one at a time from a text stream read in chunks.

    The buffer holds the unread rest of the current chunk plus, while a value
    is incomplete, the chunks needed to finish it; each refill at least doubles
    what is pending, so a large item is re-parsed O(log n) times, not O(n).
    """

    def __init__(self, stream: TextIO, source: str, max_item_chars: int) -> None:
        self._stream = stream
        self._source = source
        self._limit = max_item_chars
        self._buffer = ""
        self._pos = 0
        self._items = 0
        self._decoder = json.JSONDecoder()

    def peek(self) -> str:
        """The next non-whitespace character, left unread; '' at the end of the stream."""
        while True:
            match = _NON_WHITESPACE.search(self._buffer, self._pos)
            if match:
                self._pos = match.start()
                return match.group()
            self._pos = len(self._buffer)
            if not self._fill():
                return ""

    def array_items(self) -> Iterator[tuple[Any, int]]:
        """Each item of the array whose ``[`` :meth:`peek` just returned, with its length in characters."""
        self._pos += 1
        if self.peek() == "]":
            raise InputError(self._source, "empty", "the array has no items")
        while True:
            self._items += 1
            yield self._value()
            separator = self.peek()
            self._pos += 1
            if separator == "]":
                break
            if separator != ",":
                found = repr(separator) if separator else "the end of the file"
                raise self._malformed(f"expected ',' or ']' after the item, found {found}")
        if self.peek():
            raise self._malformed("extra data after the closing ']'")

    def single_value(self) -> Any:
        """The one value the rest of the stream holds (at most the item limit)."""
        text = self._buffer[self._pos :] + self._stream.read(self._limit + 1)
        if len(text) > self._limit:
            detail = f"the file is over the {self._limit:,}-character document limit"
            raise InputError(self._source, "too-large", detail)
        try:
            return json.loads(text)
        except (ValueError, RecursionError) as error:
            raise self._malformed(_json_error(error)) from error

    def _value(self) -> tuple[Any, int]:
        self.peek()  # raw_decode() does not skip leading whitespace
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buffer, self._pos)
            except json.JSONDecodeError as error:
                if self._fill_for_item():
                    continue
                raise self._malformed(error.msg) from error
            except (ValueError, RecursionError) as error:
                raise self._malformed(_json_error(error)) from error
            # Only a number can end where the buffer ends and yet go on in the next chunk.
            if end == len(self._buffer) and isinstance(value, int | float) and self._fill_for_item():
                continue
            size = end - self._pos
            self._pos = end
            return value, size

    def _fill_for_item(self) -> bool:
        if len(self._buffer) - self._pos > self._limit:
            # The item's end cannot be found without parsing it, so reading stops here.
            detail = f"no complete JSON value within {self._limit:,} characters (too large, or broken JSON)"
            raise InputError(self._source, "too-large", detail, locator=f"item {self._items}")
        return self._fill()

    def _fill(self) -> bool:
        """Append a chunk, dropping what was consumed; False at the end of the stream."""
        pending = self._buffer[self._pos :]
        chunk = self._stream.read(max(READ_CHUNK, len(pending)))
        self._buffer = pending + chunk
        self._pos = 0
        return bool(chunk)

    def _malformed(self, detail: str) -> InputError:
        locator = f"item {self._items}" if self._items else None
        return InputError(self._source, "malformed-json", detail, locator=locator)
