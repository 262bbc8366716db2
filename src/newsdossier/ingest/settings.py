"""How inputs are read: size limits and the JSON field mapping, validated once.

A bad value fails here, with a message that says how to fix it, before any
file is opened; the readers then trust the settings they are given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from newsdossier.errors import ConfigError

__all__ = ["DEFAULT_JSON_FIELDS", "MAX_DOCUMENT_BYTES", "MAX_FEED_BYTES", "IngestSettings"]

MIB = 1024 * 1024

MAX_DOCUMENT_BYTES = 20 * MIB
"""The largest single document (a .txt/.html file, a JSON record, a WARC payload) that is read.

Measured on the Zyte Article Extraction Benchmark (181 real article pages,
``../shared/datasets/article_extraction_benchmark``): median HTML 114 KB,
90th percentile 289 KB, largest 1.49 MB. 20 MiB is over ten times the largest,
so no real article is refused, while a mis-named dump or disk image is refused
before it is read and held twice (bytes plus decoded text).
"""

MAX_FEED_BYTES = 100 * MIB
"""The largest RSS/Atom file that is read. feedparser cannot stream: it builds the whole feed.

Measured with feedparser 6.0: an 11.6 MB full-content RSS feed of 1,000
entries peaks at 34.7 MB traced memory (about 3x the file), so 100 MiB keeps
one feed near 300 MB. Real full-content news feeds are a few MB at most.
"""

DEFAULT_JSON_FIELDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        # Our own names first, then the keys of common scraper output:
        # news-please (maintext, date_publish, source_domain, authors),
        # RSS-to-JSON conversions (content, pubDate, author) and exports of
        # Open Graph metadata (site_name).
        "text": ("text", "content", "body", "maintext"),
        "html": ("html",),
        "url": ("url",),
        "title": ("title",),
        "published": ("published", "date_publish", "date", "pubDate"),
        "outlet": ("outlet", "source_domain", "site_name"),
        "byline": ("byline", "authors", "author"),
    }
)
"""Our field name -> the JSON keys looked up for it, first non-empty key wins."""


def _default_json_fields() -> Mapping[str, str | Sequence[str]]:
    return DEFAULT_JSON_FIELDS


@dataclass(frozen=True, slots=True)
class IngestSettings:
    """How inputs are read.

    ``json_fields`` maps our field names (see :data:`DEFAULT_JSON_FIELDS`) to
    the keys of the user's JSON records. A field given here replaces the
    default keys for that field only, so ``{"text": "article_body"}`` keeps
    every other default. A bare string counts as one key.
    """

    max_document_bytes: int = MAX_DOCUMENT_BYTES
    max_feed_bytes: int = MAX_FEED_BYTES
    json_fields: Mapping[str, str | Sequence[str]] = field(default_factory=_default_json_fields)

    def __post_init__(self) -> None:
        for name in ("max_document_bytes", "max_feed_bytes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ConfigError(f"{name} must be a positive number of bytes, got {value!r}")
        # Frozen: normalising happens once here, through object.__setattr__.
        object.__setattr__(self, "json_fields", _merge_json_fields(self.json_fields))

    def json_keys(self, name: str) -> tuple[str, ...]:
        """The JSON keys looked up, in order, for one of our field names."""
        keys = self.json_fields[name]
        return (keys,) if isinstance(keys, str) else tuple(keys)


def _merge_json_fields(given: Mapping[str, str | Sequence[str]]) -> Mapping[str, tuple[str, ...]]:
    """The defaults overlaid with the user's mapping, each value a non-empty tuple of keys."""
    unknown = sorted(set(given) - set(DEFAULT_JSON_FIELDS))
    if unknown:
        raise ConfigError(
            f"json_fields has unknown field(s) {', '.join(unknown)}; "
            f"the fields that can be mapped are {', '.join(DEFAULT_JSON_FIELDS)}"
        )
    merged = dict(DEFAULT_JSON_FIELDS)
    for name, keys in given.items():
        as_tuple = (keys,) if isinstance(keys, str) else tuple(keys)
        if not as_tuple or not all(isinstance(key, str) and key for key in as_tuple):
            raise ConfigError(
                f"json_fields[{name!r}] must be a key or a list of keys (non-empty strings), "
                f"got {keys!r}; for example json_fields={{{name!r}: ['my_{name}']}}"
            )
        merged[name] = as_tuple
    return MappingProxyType(merged)
