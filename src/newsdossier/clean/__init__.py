"""Clean stage: a raw document becomes an :class:`~newsdossier.model.Article`.

Two steps, so that the expensive one runs once per document:

``prepare(raw) -> Prepared``
    decode, and for HTML extract the main text and metadata with trafilatura;
``clean(prepared, recurring=None) -> Article``
    label every line (furniture, captions, header, body), read metadata
    (title, outlet, byline, dateline, credit, publication date), decide the
    status, and record every removal with its span and reason.

``recurring`` is the pile's corpus evidence (:class:`RecurringLines`), fitted
on the prepared texts of the whole pile before cleaning.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Final

from newsdossier.clean.corpus import RecurringLines
from newsdossier.clean.lines import line_key, line_texts
from newsdossier.clean.metadata import outlet_from_url, split_byline
from newsdossier.errors import InputError
from newsdossier.model import Article, Format, RawDocument, SourceHints

__all__ = ["CLEANER_VERSION", "PREPARE_VERSION", "Prepared", "RecurringLines", "article_id", "clean", "line_keys",
           "outlet_key", "prepare"]

# Bump when cleaning changes what it produces, so stored articles are re-cleaned.
CLEANER_VERSION: Final = "clean-1"
# Bump when prepare() (decoding, HTML extraction) changes what it produces.
PREPARE_VERSION: Final = "prepare-2"  # 2: the date printed under an HTML headline is kept (issue #22)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document's text before cleaning, with what its container or HTML said about it."""

    raw_id: str  # content hash of the raw document
    source_path: str
    locator: str | None
    format: Format
    source_text: str
    structured_header: bool  # plain text keeps the page header; extracted HTML does not
    hints: SourceHints = field(default_factory=SourceHints)
    published_basis_meta: bool = False  # hints.published came from HTML metadata / a feed field
    description: str | None = None
    header_stamp: str | None = None  # the date printed under an HTML page's headline (DateStamp.encode())


def prepare(raw: RawDocument) -> Prepared:
    """Decode (and for HTML, extract) a raw document."""
    if raw.media_type != "text/html":
        # Only a scraped page flattened to text carries its header (section label, headline,
        # byline) in the text; a JSON or feed text field holds the body alone.
        return Prepared(raw.content_hash, raw.source_path, raw.locator, raw.format, raw.text,
                        raw.format == Format.TEXT, _split_bylines(raw.hints), raw.hints.published is not None)
    from newsdossier.clean.html import extract_html  # trafilatura is slow to import

    try:
        extraction = extract_html(raw.text, url=raw.hints.url, path=raw.where, filter_lines=False)
    except InputError:
        # Nothing to extract (a blank page): an empty text, which cleaning marks a stub.
        return Prepared(raw.content_hash, raw.source_path, raw.locator, raw.format, "", False, raw.hints)
    hints = SourceHints(
        url=raw.hints.url or extraction.url,
        title=raw.hints.title or extraction.title,
        published=raw.hints.published or extraction.published,
        outlet=raw.hints.outlet or extraction.sitename,
        byline=_split_bylines(raw.hints).byline or extraction.byline,
    )
    # The line cleaner, not the extractor's own line filter, removes furniture from the
    # extracted text, so every removal is recorded with its reason against this source
    # text. Measured on AEB (docs/benchmarks.md): F1 0.9707 this way, 0.9713 with the
    # extractor's filter first -- within noise, and one mechanism instead of two.
    return Prepared(raw.content_hash, raw.source_path, raw.locator, raw.format, extraction.source_text, False,
                    hints, hints.published is not None, extraction.description,
                    extraction.header_stamp.encode() if extraction.header_stamp else None)


def _split_bylines(hints: SourceHints) -> SourceHints:
    """'Jane Doe and John Roe' given as one byline field is two people."""
    names = tuple(name for field in hints.byline for name in (split_byline(field) or (field,)))
    return replace(hints, byline=names) if names != hints.byline else hints


def line_keys(prepared: Prepared) -> list[tuple[str, str]]:
    """(normalised key, raw line) of each non-blank line, for fitting :class:`RecurringLines`."""
    pairs = ((line_key(line), line) for line in line_texts(prepared.source_text))
    return [(key, line) for key, line in pairs if key]


def article_id(content_hash: str) -> str:
    """The id of the article cleaned from the document of ``content_hash``: its first 16 characters."""
    return content_hash[:16]


def outlet_key(prepared: Prepared) -> str | None:
    """The outlet whose own furniture a prepared text may carry: its stated outlet, else its URL's site."""
    return prepared.hints.outlet or outlet_from_url(prepared.hints.url)


def clean(prepared: Prepared, recurring: RecurringLines | None = None) -> Article:
    """Clean one prepared document into an Article."""
    from newsdossier.clean.article import build_article

    return build_article(prepared, recurring)
