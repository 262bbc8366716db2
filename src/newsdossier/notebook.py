"""The notebook API: texts, records, files or a DataFrame in; a typed :class:`Dossier` out.

::

    import newsdossier

    dossier = newsdossier.build_dossier(["BAGHDAD (Reuters) - A drone strike ...", "..."])
    dossier.events[0]["summary"]; dossier.to_pandas("quotes")

What each kind of item becomes (:func:`build_dossier`):

* a ``str`` is one article's text, read as a ``.txt`` file is (its first line may be the headline);
* a ``dict`` is one record, read as a JSON record is: its text from ``text`` (or ``content``, ``body``,
  ``maintext``), or its page from ``html``, with ``url``, ``title``, ``published``, ``outlet``,
  ``byline``; ``fields`` maps these names to the record's own keys (``{"text": "article_body"}``), as
  ``--field text=article_body`` does on the command line;
* a :class:`pathlib.Path` is a file or folder, read as the command line reads it;
* a pandas ``DataFrame`` is one record per row.

A record the reader cannot use (no text in any of the fields) is a rejection, listed in
``Dossier.rejected`` with its reason; the rest are built.
"""

from __future__ import annotations

import json
import math
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from newsdossier.errors import ConfigError
from newsdossier.ingest import IngestSettings
from newsdossier.ingest.jsonl import record_to_document
from newsdossier.ingest.encoding import decode
from newsdossier.model import Article, Format, RawDocument, Rejection
from newsdossier.pipeline import BuildReport, ProgressFactory, build, progress_factory
from newsdossier.records import article_to_dict
from newsdossier.store.pile import (
    EntityRecord,
    EventRecord,
    FamilyRecord,
    LinkRecord,
    Pile,
    PlaceRecord,
    QuoteRecord,
    StoryRecord,
    TimelineRecord,
)

__all__ = ["Dossier", "build_dossier"]

Kind = Literal["articles", "stories", "events", "entities", "quotes", "reuse", "families", "places", "timeline"]
KINDS: tuple[str, ...] = ("articles", "stories", "events", "entities", "quotes", "reuse", "families", "places",
                          "timeline")
SOURCE = "<build_dossier>"  # the source path of texts and records given in memory


class Dossier:
    """A built dossier: its records as typed lists (``articles``, ``stories``, ``events``, ``entities``,
    ``quotes``, ``reuse``, ``families``, ``places``, ``timeline``), ``pile`` for filtered queries
    (:class:`newsdossier.store.pile.Pile`), ``report`` (what the build did), ``files`` (dossier.json,
    dossier.md and dossier.html), ``to_json()``, ``to_dict()`` and ``to_pandas(kind)``. Close it (or use ``with``) to
    release the pile; a dossier built without ``db`` deletes its temporary pile then."""

    def __init__(self, pile: Pile, report: BuildReport, temporary: tempfile.TemporaryDirectory[str] | None) -> None:
        self.pile = pile
        self.report = report
        self.files = list(report.outputs)
        self._temporary = temporary

    def __repr__(self) -> str:
        counts = ", ".join(f"{count} {kind}" for kind, count in self.pile.counts().items() if count)
        return f"<Dossier {self.pile.path}: {counts or 'empty'}>"

    def close(self) -> None:
        self.pile.close()
        if self._temporary is not None:
            self._temporary.cleanup()
            self._temporary = None

    def __enter__(self) -> Dossier:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def articles(self) -> list[Article]:
        return self.pile.articles().items

    @property
    def stories(self) -> list[StoryRecord]:
        return self.pile.stories().items

    @property
    def events(self) -> list[EventRecord]:
        return self.pile.events().items

    @property
    def entities(self) -> list[EntityRecord]:
        return self.pile.entities().items

    @property
    def quotes(self) -> list[QuoteRecord]:
        return self.pile.quotes().items

    @property
    def reuse(self) -> list[LinkRecord]:
        return self.pile.reuse().items

    @property
    def families(self) -> list[FamilyRecord]:
        return self.pile.families().items

    @property
    def places(self) -> list[PlaceRecord]:
        return self.pile.places().items

    @property
    def timeline(self) -> list[TimelineRecord]:
        return self.pile.timeline().items

    @property
    def rejected(self) -> list[Rejection]:
        """The items and files this build could not read, each with its reason."""
        return list(self.report.ingest.rejections)

    def to_json(self) -> str:
        """dossier.json as the build wrote it (schema ``newsdossier/dossier@1``)."""
        return self._json_file().read_text(encoding="utf-8")

    def to_dict(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.to_json())
        return loaded

    def _json_file(self) -> Path:
        return next(path for path in self.files if path.name == "dossier.json")

    def to_pandas(self, kind: Kind) -> Any:
        """One kind of record as a pandas DataFrame, a row each, nested objects flattened one level
        ("place.lat"), lists kept as lists. Needs pandas (``pip install 'newsdossier[notebook]'``)."""
        if kind not in KINDS:
            raise ConfigError(f"to_pandas({kind!r}): choose one of {', '.join(KINDS)}")
        try:
            import pandas as pd
        except ImportError as error:
            raise ConfigError("to_pandas needs pandas: pip install 'newsdossier[notebook]'") from error
        if kind == "articles":
            records: list[Any] = [article_to_dict(a, with_source=False) for a in self.articles]
        else:
            records = list(getattr(self, kind))
        return pd.json_normalize(records, max_level=1) if records else pd.DataFrame()


def _plain(value: Any) -> Any:
    """A DataFrame cell as JSON would hold it: NaN and NaT as None, timestamps and dates as ISO text."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or type(value).__name__ == "NaTType":
        return None  # NaT first: it is a datetime too, and its isoformat is "NaT"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "tolist") and not isinstance(value, str | bytes):  # a numpy scalar or array (a list cell)
        return value.tolist()
    return value


def _text_document(text: str, number: int) -> RawDocument | Rejection:
    if not text.strip():
        return Rejection(SOURCE, f"item {number}", "empty", "the text is empty")
    data = text.encode("utf-8")
    decoded, encoding = decode(data)
    return RawDocument(source_path=SOURCE, locator=f"item {number}", format=Format.TEXT, media_type="text/plain",
                       data=data, encoding=encoding, text=decoded)


def _documents(items: Iterable[Any], settings: IngestSettings, paths: list[Path]) -> Iterator[RawDocument | Rejection]:
    """The in-memory items as documents (files and folders are put in ``paths`` for the reader)."""
    for number, item in enumerate(items, 1):
        if isinstance(item, str):
            yield _text_document(item, number)
        elif isinstance(item, Mapping):
            record = {str(key): _plain(value) for key, value in item.items()}
            yield record_to_document(record, SOURCE, f"item {number}", settings)
        elif isinstance(item, Path):
            paths.append(item)
        else:
            yield Rejection(SOURCE, f"item {number}", "unsupported",
                            f"a {type(item).__name__} is neither a text (str), a record (dict) nor a file (Path)")


def _items(items: Any) -> Sequence[Any]:
    if type(items).__name__ == "DataFrame" and hasattr(items, "to_dict"):
        return list(items.to_dict("records"))
    if isinstance(items, str | Path | Mapping):
        return [items]
    return list(items)


def build_dossier(items: Any, *, db: str | Path | None = None, out: str | Path | None = None,
                  fields: Mapping[str, str | Sequence[str]] | None = None, progress: bool | ProgressFactory = False,
                  nlp_model: str = "bundled", aliases: str | Path | None = None) -> Dossier:
    """Build a dossier of ``items`` (texts, records, paths, or a DataFrame; see the module docstring) and
    return it. ``db`` keeps the pile in that file (a later call with more items adds to it); without
    one the pile lives in a temporary folder until the dossier is closed. ``out`` is where dossier.json
    and dossier.md are written (default: beside the pile). ``fields`` maps the record fields to your keys;
    ``progress`` shows a bar per stage (or takes the command line's kind of progress factory)."""
    settings = IngestSettings(json_fields=dict(fields or {}))
    paths: list[Path] = []
    documents = list(_documents(_items(items), settings, paths))
    factory = progress_factory(progress) if isinstance(progress, bool) else progress
    temporary = tempfile.TemporaryDirectory(prefix="newsdossier-") if db is None else None
    root = Path(temporary.name) if temporary is not None else Path(db).parent  # type: ignore[arg-type]
    db_path = root / "pile.db" if db is None else Path(db)
    out_path = Path(out) if out is not None else root / (f"{db_path.stem}-dossier" if db is not None else "dossier")
    try:
        report = build(paths, db=db_path, out=out_path, progress=factory, settings=settings, documents=documents,
                       nlp_model=nlp_model, aliases=Path(aliases) if aliases is not None else None)
        return Dossier(Pile.open(db_path), report, temporary)
    except BaseException:
        if temporary is not None:
            temporary.cleanup()
        raise
