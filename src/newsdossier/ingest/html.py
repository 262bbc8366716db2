"""HTML files: read and decoded here, their main text is extracted later by ``newsdossier.clean``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsdossier.ingest.encoding import decode, sniff_html_charset
from newsdossier.ingest.settings import IngestSettings
from newsdossier.ingest.text import read_bounded
from newsdossier.model import Format, RawDocument, Rejection

__all__ = ["read_html"]


def read_html(path: Path, settings: IngestSettings) -> Iterator[RawDocument | Rejection]:
    """The page as one ``text/html`` document, decoded by BOM, UTF-8, ``<meta charset>``, then detection."""
    data = read_bounded(path, settings.max_document_bytes)
    text, encoding = decode(data, declared=sniff_html_charset(data))
    yield RawDocument(
        source_path=str(path),
        locator=None,
        format=Format.HTML,
        media_type="text/html",
        data=data,
        encoding=encoding,
        text=text,
    )
