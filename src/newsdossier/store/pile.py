"""A built pile, read-only, with typed queries: what the CLI, the dossier writers and the server read.

Open one with :func:`newsdossier.open` (or :meth:`Pile.open`). Every query filters and pages in
SQLite (``json_extract`` over the stored records, which are exactly dossier.json's) and returns a
:class:`Page`: the records of that page, the number that match in all, and the offset and limit it
was asked for. The records are the dossier's own dicts, described by the ``TypedDict`` classes below
(their main keys; docs/dossier-schema.md and ``schema/dossier.schema.json`` give every key)::

    import newsdossier

    with newsdossier.open("newsdossier.db") as pile:
        for event in pile.events(type="ASSAULT", since="2020-01-01"):
            print(event["date"], event["summary"])
        print(pile.events(actor="Qassem Soleimani").total)
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final, Generic, TypedDict, TypeVar

from newsdossier.errors import StoreError
from newsdossier.model import Article, Rejection
from newsdossier.records import article_from_dict
from newsdossier.store import DEFAULT_PATH, SearchHit, Store

__all__ = ["EntityRecord", "EventRecord", "FamilyRecord", "LinkRecord", "Page", "Pile", "PlaceRecord", "QuoteRecord",
           "StoryRecord", "TimelineRecord", "TopicRecord", "open_pile"]

T = TypeVar("T")


class StoryRecord(TypedDict, total=False):
    id: str
    topic: str
    title: str
    first: str | None
    last: str | None
    articles: list[str]
    independent_families: int
    cut_by: str


class TopicRecord(TypedDict, total=False):
    id: str
    title: str
    stories: list[str]
    article_count: int
    independent_families: int


class EventRecord(TypedDict, total=False):
    id: str
    story: str | None
    type: str
    mode: str
    modality: str
    summary: str
    date: str | None
    date_precision: str | None
    date_text: str | None
    date_basis: str | None
    date_first: str | None
    date_last: str | None
    actors: list[str]
    actor_names: list[str]
    targets: list[str]
    target_names: list[str]
    place: dict[str, Any] | None
    mentions: list[dict[str, Any]]
    families: list[str]
    independent_families: int
    conflicts: list[dict[str, Any]]
    background: bool


class EntityRecord(TypedDict, total=False):
    id: str
    name: str
    type: str
    aliases: list[str]
    roles: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    independent_families: int
    families: list[str]
    evidence: list[str]
    geo: dict[str, Any] | None


class QuoteRecord(TypedDict, total=False):
    id: str
    article: str
    start: int
    end: int
    parts: list[list[int]]
    text: str
    direct: bool
    speaker: str | None
    speaker_name: str | None
    speaker_text: str
    speaker_how: str
    anonymous: bool
    source: dict[str, Any] | None
    speaker_span: dict[str, Any] | None
    role: str | None
    cue: str | None
    cue_span: dict[str, Any] | None
    sources: list[dict[str, Any]]
    families: list[str]
    independent_families: int
    reworded_only: bool


class LinkRecord(TypedDict, total=False):
    source: str
    target: str
    relation: str
    score: float
    spans: list[list[int]]
    evidence: str
    direction_known: bool
    direction_evidence: str


class FamilyRecord(TypedDict, total=False):
    id: str
    origin: str
    articles: list[str]


class PlaceRecord(TypedDict, total=False):
    id: str
    name: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    country: str | None
    feature: str | None
    precision: str | None
    resolved: bool
    mentions: list[dict[str, Any]]
    names: list[str]
    articles: list[str]
    events: list[str]
    why: str
    candidates: list[dict[str, Any]]


class TimelineRecord(TypedDict, total=False):
    date: str
    first: str
    last: str
    event: str | None
    story: str | None
    time_text: str
    text: str
    modality: str
    modality_cue: str | None
    sources: list[dict[str, Any]]
    independent_families: int
    type: str


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a query: ``items``, how many records match in all (``total``), and the ``offset`` and
    ``limit`` asked for (None: no limit). Iterating a page iterates its items."""

    items: list[T]
    total: int
    offset: int
    limit: int | None

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> T:
        return self.items[index]


# The pile's flat views (migration 12), for SQL tools and exports.
FLAT_VIEWS: Final = ("events_flat", "quotes_flat", "entities_flat", "articles_flat", "reuse_flat", "places_flat",
                     "entity_mentions", "event_actors", "story_articles", "family_articles", "rejections_flat")

# The records of a story's articles, for the filters that take a story.
_STORY_ARTICLES = "SELECT value FROM stories, json_each(stories.json, '$.articles') WHERE stories.id = ?"
_FAMILY_ARTICLES = "SELECT value FROM families, json_each(families.json, '$.articles') WHERE families.id = ?"


class _Where:
    """A WHERE clause built one condition at a time, with its parameters."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.params: list[Any] = []

    def add(self, condition: str, *params: Any) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.conditions) if self.conditions else ""


def _one_of(where: _Where, expression: str, values: str | Sequence[str], *, upper: bool = True) -> None:
    """``expression`` is one of ``values`` (a value or several)."""
    wanted = [values] if isinstance(values, str) else list(values)
    wanted = [v.upper() for v in wanted] if upper else wanted
    where.add(f"{expression} IN ({', '.join('?' * len(wanted))})" if wanted else "0", *wanted)


def _first_day(value: str) -> str:
    """The first day a date names: "2002" -> 2002-01-01, "2002-03" -> 2002-03-01."""
    return value + "-01-01" if len(value) == 4 else value + "-01" if len(value) == 7 else value


def _last_day(value: str) -> str:
    """The last day a date names: "2002" -> 2002-12-31, "2002-02" -> 2002-02-28."""
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7 and value[5:].isdigit() and value[:4].isdigit():
        import calendar

        return f"{value}-{calendar.monthrange(int(value[:4]), int(value[5:]))[1]:02d}"
    return value


def _check_page(limit: int | None, offset: int) -> None:
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be 0 or more, not {limit}")
    if offset < 0:
        raise ValueError(f"offset must be 0 or more, not {offset}")


class Pile:
    """A pile opened read-only (:meth:`open`). Close it, or use it as a context manager."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.path = store.path

    @classmethod
    def open(cls, path: str | Path = DEFAULT_PATH) -> Pile:
        """The pile at ``path``, read-only. A StoreError says when there is no file there, when the file
        is not a newsdossier pile, or when it is a pile from a newer newsdossier."""
        path = Path(path)
        if not path.exists():
            raise StoreError(f"{path}: no pile there; build one with `newsdossier build INPUT --db {path}`")
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a pile (a pile is one SQLite file, e.g. newsdossier.db)")
        return cls(Store.open(path, read_only=True))

    def close(self) -> None:
        self._store.close()

    @contextmanager
    def snapshot(self) -> Iterator[Pile]:
        """The pile as of one moment: every query inside reads the same committed state, so a build that
        publishes meanwhile is seen whole or not at all (counts agree with pages, a story's articles
        exist). Hold it for a request or a command, not for a session: a build cannot recycle the log
        it writes to while a snapshot is open."""
        with self._store.snapshot():
            yield self

    def __enter__(self) -> Pile:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- the queries --------------------------------------------------------------------------------

    def _records(self, table: str, where: _Where, *, order: str = "seq", limit: int | None, offset: int,
                 action: str) -> Page[Any]:
        _check_page(limit, offset)
        # the table is "r" (its json column "r.json": inside json_each, a bare "json" is json_each's own)
        total = self._store.select(f"SELECT count(*) FROM {table} AS r{where.sql()}", where.params,
                                   action=action)[0][0]
        page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else (
            f" LIMIT -1 OFFSET {int(offset)}" if offset else "")
        rows = self._store.select(f"SELECT r.json FROM {table} AS r{where.sql()} ORDER BY {order}{page}",
                                  where.params, action=action)
        return Page([json.loads(row[0]) for row in rows], total, offset, limit)

    def counts(self) -> dict[str, int]:
        """How many records of each kind the pile holds."""
        tables = ("articles", "stories", "topics", "events", "entities", "quotes", "reuse_links", "families",
                  "places", "timeline")
        return {table: self._store.select(f"SELECT count(*) FROM {table}")[0][0] for table in tables}

    def status_counts(self) -> dict[str, int]:
        """How many articles of each status (full, truncated, stub...)."""
        return dict(self._store.select("SELECT status, count(*) FROM articles GROUP BY status ORDER BY status",
                                       action="count articles"))

    def time_expression_count(self) -> int:
        """How many time expressions the pile's articles hold."""
        rows = self._store.select("SELECT coalesce(sum(json_array_length(json)), 0) FROM time_expressions",
                                  action="count time expressions")
        return int(rows[0][0])

    def iter_articles(self) -> Iterator[Article]:
        """Every article in source order, read a page at a time: memory does not grow with the pile."""
        return self._store.iter_articles()

    def article(self, article_id: str) -> Article | None:
        """One article by its id (None when the pile has none of that id)."""
        return self._store.get_article(article_id)

    def articles(self, *, story: str | None = None, family: str | None = None, outlet: str | None = None,
                 status: str | None = None, limit: int | None = None, offset: int = 0) -> Page[Article]:
        """The articles, in source order: of one story or family, from one outlet, of one status
        (``full``, ``truncated``, ``stub``...)."""
        where = _Where()
        if story is not None:
            where.add(f"id IN ({_STORY_ARTICLES})", story)
        if family is not None:
            where.add(f"id IN ({_FAMILY_ARTICLES})", family)
        if outlet is not None:
            where.add("lower(outlet) = lower(?)", outlet)
        if status is not None:
            where.add("status = ?", status)
        page = self._records("articles", where, order="source_path, locator_key, id", limit=limit, offset=offset,
                             action="read articles")
        return Page([article_from_dict(item) for item in page.items], page.total, offset, limit)

    def stories(self, *, topic: str | None = None, article: str | None = None, limit: int | None = None,
                offset: int = 0) -> Page[StoryRecord]:
        """The stories, by id: of one topic, or the one an article is in."""
        where = _Where()
        if topic is not None:
            where.add("topic = ?", topic)
        if article is not None:
            where.add("EXISTS (SELECT 1 FROM json_each(r.json, '$.articles') WHERE value = ?)", article)
        return self._records("stories", where, order="id", limit=limit, offset=offset, action="read stories")

    def topics(self) -> Page[TopicRecord]:
        return self._records("topics", _Where(), order="id", limit=None, offset=0, action="read topics")

    def events(self, *, story: str | None = None, type: str | Sequence[str] | None = None, actor: str | None = None,
               since: str | None = None, until: str | None = None, place: str | None = None,
               family: str | None = None, background: bool | None = None, limit: int | None = None,
               offset: int = 0) -> Page[EventRecord]:
        """The events, by story and date: of one story; of a PLOVER ``type`` (or any of several); with an ``actor`` (an
        entity id, or a name as the event names its actors or targets, any case); that may have happened
        on or after ``since`` and on or before ``until`` (ISO dates, compared with the event's date
        range); at a ``place`` (its name as written, its GeoNames name or its country code); reported by
        an article of ``family``; background (a past event recalled) or not."""
        where = _Where()
        if story is not None:
            where.add("json_extract(r.json, '$.story') = ?", story)
        if type is not None:
            _one_of(where, "type", type)
        if background is not None:
            where.add("json_extract(r.json, '$.background') = ?", 1 if background else 0)
        if actor is not None:
            where.add("(EXISTS (SELECT 1 FROM json_each(r.json, '$.actors') WHERE value = ?)"
                      " OR EXISTS (SELECT 1 FROM json_each(r.json, '$.targets') WHERE value = ?)"
                      " OR EXISTS (SELECT 1 FROM json_each(r.json, '$.actor_names') WHERE lower(value) = lower(?))"
                      " OR EXISTS (SELECT 1 FROM json_each(r.json, '$.target_names') WHERE lower(value) = lower(?)))",
                      actor, actor, actor, actor)
        if since is not None:
            where.add("coalesce(json_extract(r.json, '$.date_last'), '') >= ?", _first_day(since))
        if until is not None:
            where.add("json_extract(r.json, '$.date_first') IS NOT NULL AND json_extract(r.json, '$.date_first') <= ?",
                      _last_day(until))
        if place is not None:
            where.add("(lower(json_extract(r.json, '$.place.name')) = lower(?) OR "
                      "lower(json_extract(r.json, '$.place.geonames_name')) = lower(?) OR "
                      "upper(json_extract(r.json, '$.place.country')) = upper(?))", place, place, place)
        if family is not None:
            where.add(f"EXISTS (SELECT 1 FROM json_each(r.json, '$.mentions') AS m WHERE "
                      f"json_extract(m.value, '$.article') IN ({_FAMILY_ARTICLES}))", family)
        return self._records("events", where, limit=limit, offset=offset, action="read events")

    def entities(self, *, type: str | Sequence[str] | None = None, name: str | None = None, limit: int | None = None,
                 offset: int = 0) -> Page[EntityRecord]:
        """The actors, most independent families first: of a ``type`` (PER, ORG, LOC, MISC; or any of
        several); whose name or one of whose spellings contains ``name`` (any case)."""
        where = _Where()
        if type is not None:
            _one_of(where, "json_extract(r.json, '$.type')", type)
        if name is not None:
            where.add("(instr(lower(json_extract(r.json, '$.name')), lower(?)) > 0 OR EXISTS (SELECT 1 FROM "
                      "json_each(r.json, '$.aliases') WHERE instr(lower(value), lower(?)) > 0))", name, name)
        return self._records("entities", where, limit=limit, offset=offset, action="read entities")

    def entity(self, entity_id: str) -> EntityRecord | None:
        rows = self._store.select("SELECT json FROM entities WHERE id = ?", (entity_id,), action="read an entity")
        return json.loads(rows[0][0]) if rows else None

    def quotes(self, *, speaker: str | None = None, story: str | None = None, article: str | None = None,
               direct: bool | None = None, limit: int | None = None, offset: int = 0) -> Page[QuoteRecord]:
        """Who said what, in text order: by a ``speaker`` (an entity id, or words of the speaker's name as
        resolved or as written, any case: "blair"), in one story's articles, in one article (its own quotes
        and the ones it carries from others), direct (in quotation marks) or reported."""
        where = _Where()
        if speaker is not None:
            where.add("(json_extract(r.json, '$.speaker') = ? OR instr(lower(coalesce(json_extract(r.json, "
                      "'$.speaker_name'), '')), lower(?)) > 0 OR instr(lower(coalesce(json_extract(r.json, "
                      "'$.speaker_text'), '')), lower(?)) > 0)", speaker, speaker, speaker)
        if direct is not None:
            where.add("json_extract(r.json, '$.direct') = ?", 1 if direct else 0)
        if story is not None:
            where.add(f"json_extract(r.json, '$.article') IN ({_STORY_ARTICLES})", story)
        if article is not None:
            where.add("(json_extract(r.json, '$.article') = ? OR EXISTS (SELECT 1 FROM json_each(r.json, '$.sources') AS s "
                      "WHERE json_extract(s.value, '$.article') = ?))", article, article)
        return self._records("quotes", where, limit=limit, offset=offset, action="read quotes")

    def reuse(self, *, article: str | None = None, relation: str | None = None, limit: int | None = None,
              offset: int = 0) -> Page[LinkRecord]:
        """Who copied whom: the links from or to an ``article``, of one ``relation`` (verbatim, excerpt,
        spun...)."""
        where = _Where()
        if article is not None:
            where.add("(source = ? OR target = ?)", article, article)
        if relation is not None:
            where.add("relation = ?", relation)
        return self._records("reuse_links", where, order="source, target", limit=limit, offset=offset,
                             action="read reuse")

    def families(self, *, article: str | None = None) -> Page[FamilyRecord]:
        """The families of copies (each an independent source), or the one an ``article`` is in."""
        where = _Where()
        if article is not None:
            where.add("EXISTS (SELECT 1 FROM json_each(r.json, '$.articles') WHERE value = ?)", article)
        return self._records("families", where, order="CAST(substr(id, 2) AS INTEGER)", limit=None, offset=0,
                             action="read families")

    def places(self, *, resolved: bool | None = None, country: str | None = None, name: str | None = None,
               limit: int | None = None, offset: int = 0) -> Page[PlaceRecord]:
        """The places, most mentioned first: resolved or not, in one ``country`` (ISO code), or with one
        ``name`` (its GeoNames name or a name as written, any case)."""
        where = _Where()
        if resolved is not None:
            where.add("json_extract(r.json, '$.resolved') = ?", 1 if resolved else 0)
        if country is not None:
            where.add("upper(json_extract(r.json, '$.country')) = upper(?)", country)
        if name is not None:
            where.add("(lower(json_extract(r.json, '$.name')) = lower(?) OR EXISTS (SELECT 1 FROM json_each(r.json, "
                      "'$.names') WHERE lower(value) = lower(?)))", name, name)
        return self._records("places", where, limit=limit, offset=offset, action="read places")

    def timeline(self, *, story: str | None = None, limit: int | None = None, offset: int = 0) -> Page[TimelineRecord]:
        """The dated sentences no event covers, per story in date order (the dossier's ``timeline`` merges
        them with the dated events)."""
        where = _Where()
        if story is not None:
            where.add("json_extract(r.json, '$.story') = ?", story)
        page: Page[TimelineRecord] = self._records("timeline", where, limit=limit, offset=offset,
                                                   action="read the timeline")
        # a pile stored before dated sentences had a modality: unknown (a rebuild reads it)
        return replace(page, items=[{"modality": "unknown", "modality_cue": None, **item}
                                    for item in page.items])

    def table(self, view: str) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
        """The columns and rows (streamed) of one of the pile's flat views (:data:`FLAT_VIEWS`)."""
        if view not in FLAT_VIEWS:
            raise ValueError(f"no flat view {view!r}; the pile has {', '.join(FLAT_VIEWS)}")
        return self._store.stream(f"SELECT * FROM {view}", action=f"read {view}")

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Full-text search over titles and texts (SQLite FTS5 syntax; anything else is searched as a phrase
        of its words), best match first."""
        _check_page(limit, offset)
        return self._store.search(query, limit=limit, offset=offset)

    def time_expressions(self, article_id: str) -> list[dict[str, Any]]:
        """One article's resolved time expressions."""
        stored = self._store.time_expressions_json(article_id)
        return json.loads(stored) if stored else []

    def rejections(self) -> list[Rejection]:
        """What the runs could not read, with the reason."""
        return self._store.rejections()

    def runs(self) -> Sequence[Any]:
        return self._store.runs()


def open_pile(path: str | Path = DEFAULT_PATH) -> Pile:
    """The built pile at ``path``, read-only (:meth:`Pile.open`)."""
    return Pile.open(path)
