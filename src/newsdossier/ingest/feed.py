"""RSS and Atom feeds: every entry is one document, the feed's title is its outlet.

feedparser reads the whole feed at once (it cannot stream), so feeds have
their own size limit, :data:`~newsdossier.ingest.settings.MAX_FEED_BYTES`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import feedparser

from newsdossier.errors import InputError
from newsdossier.ingest.hints import author_names, parse_published, text_and_utf8, text_or_none
from newsdossier.ingest.settings import IngestSettings
from newsdossier.model import Format, RawDocument, Rejection, SourceHints

__all__ = ["read_feed"]


def read_feed(path: Path, settings: IngestSettings) -> Iterator[RawDocument | Rejection]:
    """One document per entry (``entry N``, 1-based), its full content or else its summary."""
    source = str(path)
    size = path.stat().st_size
    if size > settings.max_feed_bytes:
        limit = settings.max_feed_bytes
        detail = f"{size:,} bytes is over the {limit:,}-byte feed limit (IngestSettings.max_feed_bytes)"
        raise InputError(source, "too-large", detail)
    data = path.read_bytes()
    if not data.strip():
        raise InputError(source, "empty", "the file has no content")
    parsed = _parse(data, source)
    if not parsed.entries:
        raise _no_entries(parsed, path)
    outlet = text_or_none(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, 1):
        yield _entry_document(entry, source, f"entry {number}", outlet)


def _parse(data: bytes, source: str) -> Any:
    """feedparser's result for the bytes; it reports most damage as ``bozo``, but not all."""
    try:
        # Kept as written: ``data`` is provenance, and markup is removed by the
        # cleaner, not here. A stream, not bytes, so nothing is taken for a URL.
        return feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    # Measured with single flipped bytes: a broken encoding declaration raises
    # UnicodeDecodeError from inside feedparser 6.0; it has no error contract.
    except Exception as error:
        detail = f"cannot be parsed: {type(error).__name__}: {error}"
        raise InputError(source, "malformed-feed", detail) from error


def _no_entries(parsed: Any, path: Path) -> InputError:
    """Why a feed gave nothing: not a feed at all, a broken one, or an empty one."""
    source = str(path)
    if not parsed.version and path.suffix.lower() == ".xml":
        return InputError(source, "unsupported-format", "an XML file that is not an RSS or Atom feed")
    if parsed.bozo or not parsed.version:
        problem = parsed.get("bozo_exception") or "not recognised as RSS or Atom"
        return InputError(source, "malformed-feed", f"no entries could be read: {problem}")
    return InputError(source, "empty", "the feed has no entries")


def _entry_document(entry: Any, source: str, locator: str, outlet: str | None) -> RawDocument | Rejection:
    body = _entry_body(entry)
    if body is None:
        return Rejection(source, locator, "no-text", "the entry has neither content nor a summary")
    raw_text, media_type = body
    text, data = text_and_utf8(raw_text)
    return RawDocument(
        source_path=source,
        locator=locator,
        format=Format.FEED,
        media_type=media_type,
        data=data,
        encoding="utf-8",
        text=text,
        hints=SourceHints(
            url=text_or_none(entry.get("link")),
            title=text_or_none(entry.get("title")),
            published=_entry_published(entry),
            outlet=outlet,
            byline=author_names(entry.get("authors") or entry.get("author")),
        ),
    )


def _entry_body(entry: Any) -> tuple[str, str] | None:
    """The full content, else the summary, with its media type.

    HTML unless the feed says ``text/plain`` (Atom ``type="text"``): plain text
    parsed as HTML would lose its line breaks and any literal ``<``.
    """
    contents = entry.get("content") or []
    details = [*contents[:1], entry.get("summary_detail") or {}]
    for detail in details:
        value = detail.get("value")
        if isinstance(value, str) and value.strip():
            return value, "text/plain" if detail.get("type") == "text/plain" else "text/html"
    return None


def _entry_published(entry: Any) -> date | None:
    """The date as written in the feed; feedparser's own parse is a fallback, as it converts to UTC.

    "Sat, 02 Jan 2021 23:30:00 -0500" is 2 January where it was published,
    but 3 January in feedparser's ``published_parsed``.
    """
    # ``key in entry`` first: reading a missing "updated" makes feedparser 6
    # fall back to "published" with a DeprecationWarning.
    for key in ("published", "updated"):
        written = parse_published(entry[key]) if key in entry else None
        if written is not None:
            return written
    for key in ("published_parsed", "updated_parsed"):
        if key in entry and entry[key]:
            parsed = entry[key]
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:  # feedparser reads "0000 0 0" as year 0, and a UTC 9999 as 10000 (fuzzing)
                continue
    return None
