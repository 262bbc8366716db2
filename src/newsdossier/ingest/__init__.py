"""Reading inputs: files, folders and globs in, raw documents and rejections out.

Nothing here stops a batch: every file or record that cannot be read becomes a
:class:`~newsdossier.model.Rejection` with a reason code (see
:mod:`newsdossier.errors`), and reading goes on with the next one. Containers
(JSON Lines, JSON arrays, WARC) are streamed record by record, so memory
follows the largest document, not the largest file.

Example::

    from newsdossier.ingest import read_inputs
    from newsdossier.model import RawDocument

    for item in read_inputs(["pile/", "feeds/*.rss"]):
        print(item.where if isinstance(item, RawDocument) else item)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from newsdossier.errors import InputError
from newsdossier.ingest.discover import InputKind, discover, kind_of
from newsdossier.ingest.feed import read_feed
from newsdossier.ingest.html import read_html
from newsdossier.ingest.jsonl import read_json, read_jsonl
from newsdossier.ingest.settings import DEFAULT_JSON_FIELDS, IngestSettings
from newsdossier.ingest.text import read_text
from newsdossier.ingest.warc import read_warc
from newsdossier.model import RawDocument, Rejection

T = TypeVar("T", bound=RawDocument | Rejection)

__all__ = ["DEFAULT_JSON_FIELDS", "IngestSettings", "discover", "read_file", "read_inputs"]

Reader = Callable[[Path, IngestSettings], Iterator[RawDocument | Rejection]]

_READERS: Mapping[InputKind, Reader] = MappingProxyType(
    {
        InputKind.TEXT: read_text,
        InputKind.HTML: read_html,
        InputKind.JSON: read_json,
        InputKind.JSONL: read_jsonl,
        InputKind.WARC: read_warc,
        InputKind.FEED: read_feed,
    }
)


def read_inputs(
    inputs: Sequence[str | Path] | str | Path, *, settings: IngestSettings = IngestSettings()
) -> Iterator[RawDocument | Rejection]:
    """Every document in ``inputs`` (files, folders, glob patterns), in order, and every rejection.

    Never raises for a bad input; see :func:`discover` for how inputs are found.
    """
    for found in discover(inputs):
        if isinstance(found, Rejection):
            yield _printable(found)
        else:
            yield from map(_printable, read_file(found, settings=settings))


def _printable(item: T) -> T:
    """The item with a source path that can be stored and printed.

    A file name that is not valid UTF-8 (an archive unpacked from another system) reaches
    Python with surrogate escapes, which SQLite and UTF-8 output refuse; such bytes are
    shown as \\xNN instead, so the name stays recognisable and the run goes on.
    """
    path = item.source_path
    if path.isprintable() or not any("\udc80" <= ch <= "\udcff" for ch in path):
        return item
    shown = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return replace(item, source_path=shown)


def read_file(
    path: Path, *, settings: IngestSettings = IngestSettings()
) -> Iterator[RawDocument | Rejection]:
    """The documents of one file, chosen by its name; a problem with the file ends it with a Rejection."""
    kind = kind_of(path)
    if kind is None:
        yield Rejection(str(path), None, "unsupported-format", "not a known input type")
        return
    try:
        yield from _READERS[kind](path, settings)
    except InputError as error:
        # Readers may raise after yielding records; those records stand.
        # The path is this file's, whatever the raiser knew (decode() knows none).
        yield Rejection(str(path), error.locator, error.reason, error.detail)
    except OSError as error:
        yield Rejection(str(path), None, "unreadable", f"{type(error).__name__}: {error.strerror or error}")
