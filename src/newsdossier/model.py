"""Immutable records that flow between stages.

Every stage takes records and returns new ones; nothing here is mutated after
construction. Dates are ``datetime.date`` objects; they become ISO strings only
in :mod:`newsdossier.dossier` (the output contract) and in the store.

Offsets: ``Article.text`` is the cleaned body. ``Removal`` and ``Caption``
offsets point into ``Article.source_text`` (the decoded text, or for HTML the
text extracted from the page, *before* cleaning), so every removal can be
checked against the original. ``Segment`` maps cleaned offsets back to source
offsets.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from operator import attrgetter
from typing import TypeVar

__all__ = [
    "AlignedSpan",
    "Article",
    "Caption",
    "Family",
    "Relation",
    "ReuseLink",
    "DateBasis",
    "Format",
    "PublicationDate",
    "RawDocument",
    "Rejection",
    "Removal",
    "Segment",
    "SourceHints",
    "Status",
    "content_hash",
]


class Format(StrEnum):
    """The container format a document was read from."""

    TEXT = "text"
    HTML = "html"
    JSON = "json"
    WARC = "warc"
    FEED = "feed"


class Status(StrEnum):
    """How complete an article's body is, so later stages can weigh it."""

    FULL = "full"
    TRUNCATED = "truncated"  # a real body that stops early (mid-sentence, at a paywall)
    STUB = "stub"  # little or no body: a teaser, a wall, a page of furniture


class DateBasis(StrEnum):
    """Where a publication date came from, best first."""

    HTML_META = "html-meta"  # <meta property="article:published_time"> and kin, or a feed/JSON field
    DATELINE = "dateline"  # "Baghdad/Cairo, Jan 2 (efe-epa).-"
    BYLINE = "byline"  # the timestamp printed in the article's header block
    TEXT = "text"  # a date stated in the body ("published on ...")
    ESTIMATED = "estimated"  # inferred from internal evidence; see PublicationDate.earliest/latest


def content_hash(media_type: str, data: bytes, url: str | None = None) -> str:
    """The identity of a document: the same bytes of the same kind at the same address.

    The URL is part of it because the same text published at two addresses is two
    articles (a verbatim copy is exactly what provenance must count); the same file
    read twice is one.
    """
    digest = hashlib.sha256()
    digest.update(media_type.encode("ascii"))
    digest.update(b"\0")
    digest.update((url or "").encode("utf-8"))
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


_T = TypeVar("_T")


def _pickled_by_fields(cls: type[_T]) -> type[_T]:
    """Pickle instances as the class and its field values, unpickled by one call of the class.

    A slotted dataclass pickles through ``__getstate__`` and ``__setstate__``, which look up the
    fields and set them one by one on every instance. Articles, with their removals and segments,
    cross process pools and Spark shuffles by the hundred thousand: 10,000 of them took 6.4 s to
    pickle and unpickle that way, 2.9 s this way (docs/benchmarks.md, "Spark build")."""
    names = [item.name for item in fields(cls)]  # type: ignore[arg-type]
    values = attrgetter(*names)

    def __reduce__(self: _T) -> tuple[type[_T], tuple[object, ...]]:
        found = values(self)
        return cls, (found,) if len(names) == 1 else found

    cls.__reduce__ = __reduce__  # type: ignore[assignment, method-assign]
    return cls


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class SourceHints:
    """Metadata a container supplies next to the text (JSON fields, feed entries, WARC headers)."""

    url: str | None = None
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    byline: tuple[str, ...] = ()


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as read, before any cleaning. ``data`` is kept so a better cleaner can re-run."""

    source_path: str
    locator: str | None  # where inside the file: "line 12", "record 3", "entry 5"; None for a whole file
    format: Format
    media_type: str  # "text/plain" or "text/html"
    data: bytes  # the original bytes of this document (for JSON/feeds: the field's text as UTF-8)
    encoding: str  # the encoding used to decode ``data`` into ``text``
    text: str
    hints: SourceHints = field(default_factory=SourceHints)

    @property
    def content_hash(self) -> str:
        return content_hash(self.media_type, self.data, self.hints.url)

    @property
    def where(self) -> str:
        return f"{self.source_path} ({self.locator})" if self.locator else self.source_path


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be read, with a stable reason code (see errors.py)."""

    source_path: str
    locator: str | None
    reason: str
    detail: str

    def __str__(self) -> str:
        where = f"{self.source_path} ({self.locator})" if self.locator else self.source_path
        return f"{where}: {self.reason}: {self.detail}"


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Removal:
    """A span of the source text that cleaning dropped, and why."""

    start: int
    end: int
    text: str
    reason: str


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption, kept out of the body but not lost."""

    start: int
    end: int
    text: str
    credit: str | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Segment:
    """``length`` characters at ``clean_start`` in the body come from ``source_start`` in the source."""

    clean_start: int
    source_start: int
    length: int


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class PublicationDate:
    """A publication date with its basis. ``value`` is None when nothing can be said."""

    value: date | None = None
    basis: DateBasis | None = None
    earliest: date | None = None  # the range the date surely lies in (estimates, partial dates)
    latest: date | None = None
    evidence: str = ""


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article with its metadata; the ``articles`` part of dossier.json."""

    id: str
    content_hash: str
    source_path: str
    locator: str | None
    format: Format
    url: str | None
    title: str | None
    outlet: str | None
    byline: tuple[str, ...]
    dateline: str | None
    credit: str | None
    published: PublicationDate
    status: Status
    status_reasons: tuple[str, ...]
    text: str
    source_text: str
    removed: tuple[Removal, ...] = ()
    captions: tuple[Caption, ...] = ()
    segments: tuple[Segment, ...] = ()
    standfirst: str | None = None
    # where ``credit`` was read: "line" (a credit line), "dateline", "byline", or "prose" (the agency the text
    # reports through: "told AFP"); provenance trusts the first three as the page's own statement
    credit_basis: str | None = None

    def source_offset(self, clean_offset: int) -> int:
        """Map an offset in ``text`` to the matching offset in ``source_text``."""
        for segment in self.segments:
            if segment.clean_start <= clean_offset <= segment.clean_start + segment.length:
                return segment.source_start + clean_offset - segment.clean_start
        raise ValueError(f"offset {clean_offset} is outside every segment of article {self.id}")


class Relation(StrEnum):
    """How one article reuses another."""

    VERBATIM = "verbatim"  # the same text, maybe different furniture
    SYNDICATED = "syndicated"  # the same wire story with light edits
    EXCERPT = "excerpt"  # one holds a part of the other
    SPUN_REWRITE = "spun_rewrite"  # the same sentence skeleton, many single-word synonym substitutions
    REVISION = "revision"  # the same outlet's own later version of its story


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class AlignedSpan:
    """A passage of the source article aligned with a passage of the target (offsets into ``text``)."""

    source_start: int
    source_end: int
    target_start: int
    target_end: int


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class ReuseLink:
    """``target`` reuses ``source`` (article ids). When the direction is unknown, the order is arbitrary."""

    source: str
    target: str
    relation: Relation
    score: float
    spans: tuple[AlignedSpan, ...]
    evidence: str
    direction_known: bool = True
    direction_evidence: str = ""


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Family:
    """Articles linked by reuse: one independent source. ``origin`` is an agency name or an article id."""

    id: str
    origin: str
    articles: tuple[str, ...]
