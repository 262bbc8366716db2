"""The pile: one embedded SQLite database of documents, articles, runs and a full-text index.

One file per pile that a user can copy, inspect with the ``sqlite3`` shell and resume after a crash.
Stages are incremental because the store answers "what is left to do" (:meth:`Store.stale_documents`).

The package: :mod:`.schema` (the migrations and the SQL), this module's :class:`Store` (opening,
migrating, writing, and the readers the stages use) and :mod:`.pile` (the read-only pile with typed
queries that the CLI, the writers and the server use: :func:`newsdossier.open`).

* Schema = numbered migration scripts (:data:`MIGRATIONS`) counted in ``PRAGMA user_version``:
  an older pile is upgraded on open, a newer one refused. ``PRAGMA application_id`` marks our
  files, and anything else (a text file, another program's database) is refused before we write.
* Each batch is one ``BEGIN IMMEDIATE`` ... ``COMMIT``; any exception rolls the batch back, so a
  crash leaves whole batches only and a re-run skips what is stored. A build stores its caches
  (documents, extractions, analyses) batch by batch, and what readers see (articles and every
  stage's records) in one transaction (:meth:`transaction` nests), so a killed build leaves the
  last build whole; readers that need one state across queries take a :meth:`snapshot`.
* One writer at a time: a writer holds the pile's lock (:mod:`.lock`) while the store is open.
* Articles are kept in the JSON form of :func:`newsdossier.records.article_to_dict` (what is
  stored is what is shipped); triggers keep the FTS5 index in step with every write.
* Readers page by key instead of holding a cursor open, so a caller may write while iterating.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from newsdossier.errors import StoreError
from newsdossier.model import Article, Format, RawDocument, Rejection, SourceHints
from newsdossier.records import article_from_dict, article_to_dict
from newsdossier.store.lock import WriterLock
from newsdossier.store.schema import (
    APPLICATION_ID,
    BUSY_TIMEOUT_S,
    DEFAULT_PATH,
    DOCUMENT_COLUMNS,
    INSERT_DOCUMENT,
    INSERT_REJECTION,
    MARK_INTERRUPTED,
    MIGRATIONS,
    NOT_CLEANED_BY,
    PAGE_ARTICLES,
    PAGE_DOCUMENTS,
    PAGE_SIZE,
    SCHEMA_VERSION,
    SEARCH,
    SELECT_REJECTIONS,
    SNIPPET_MARKS,
    SNIPPET_TOKENS,
    SQLITE_HEADER,
    UPSERT_ARTICLE,
)

__all__ = ["DEFAULT_PATH", "MIGRATIONS", "SCHEMA_VERSION", "Run", "RunStatus", "SearchHit", "Store", "hints_from_json", "hints_to_json",
           "locator_key"]


class RunStatus(StrEnum):
    """Where a run ended. ``interrupted`` means it was still ``running`` when the store was reopened."""

    RUNNING = "running"
    DONE = "done"
    INTERRUPTED = "interrupted"


@dataclass(frozen=True, slots=True)
class Run:
    """One command run against the pile, with its counts (documents read, rejected, ...)."""

    id: int
    command: str
    started: datetime
    finished: datetime | None
    status: RunStatus
    counts: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text match. ``score`` is the negated BM25 rank: higher is a better match."""

    article_id: str
    title: str | None
    snippet: str
    score: float


SQLITE_FULL: Final = 13  # SQLite's result code for "database or disk is full"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def locator_key(locator: str | None) -> str:
    """Sort key that puts "record 9" before "record 10", so listings follow the file's order."""
    return re.sub(r"\d+", lambda m: m.group().zfill(12), locator or "")


def hints_to_json(hints: SourceHints) -> str:
    published = hints.published.isoformat() if hints.published else None
    return json.dumps(
        {"url": hints.url, "title": hints.title, "published": published,
         "outlet": hints.outlet, "byline": list(hints.byline)},
        ensure_ascii=False,
    )


def hints_from_json(text: str) -> SourceHints:
    data = json.loads(text)
    published = data.get("published")
    return SourceHints(
        url=data.get("url"), title=data.get("title"),
        published=date.fromisoformat(published) if published else None,
        outlet=data.get("outlet"), byline=tuple(data.get("byline") or ()),
    )


def _document_row(doc: RawDocument) -> tuple[Any, ...]:
    return (doc.content_hash, doc.source_path, doc.locator, locator_key(doc.locator),
            doc.format.value, doc.media_type, doc.encoding, doc.data, hints_to_json(doc.hints), _now())


def _document_from_row(row: tuple[Any, ...]) -> RawDocument:
    source_path, locator, fmt, media_type, encoding, data, hints = row[:7]
    data = bytes(data)
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError) as exc:
        raise StoreError(f"stored document {source_path} ({locator}) does not decode as {encoding}: "
                         f"{exc}") from exc
    return RawDocument(
        source_path=source_path, locator=locator, format=Format(fmt), media_type=media_type,
        data=data, encoding=encoding, text=text, hints=hints_from_json(hints),
    )


def _article_row(article: Article, cleaner_version: str) -> tuple[Any, ...]:
    published = article.published.value.isoformat() if article.published.value else None
    body = json.dumps(article_to_dict(article, with_source=True), ensure_ascii=False)
    return (article.id, article.content_hash, cleaner_version, article.source_path,
            locator_key(article.locator), article.title, article.outlet, published,
            article.status.value, body)


def _phrase(query: str) -> str | None:
    """The query's words as one FTS5 phrase, for queries that are not valid FTS5 syntax."""
    words = re.findall(r"\w+", query)
    return '"' + " ".join(words) + '"' if words else None


def _check_is_sqlite(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLite touches it (it may be someone's notes)."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file; pass a file path such as "
                         f"{path / DEFAULT_PATH}")
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise StoreError(f"{path} is not a newsdossier store: it is not a SQLite database "
                         f"(it starts with {header[:8]!r}); pass another --db path")


class Store:
    """A pile database. Open with :meth:`Store.open`; use as a context manager to close it."""

    def __init__(self, connection: sqlite3.Connection, path: Path, *, read_only: bool,
                 lock: WriterLock | None = None) -> None:
        self._db = connection
        self.path = path
        self.read_only = read_only
        self._lock = lock

    @classmethod
    def open(cls, path: str | Path = DEFAULT_PATH, *, read_only: bool = False, command: str = "write") -> Store:
        """Open (creating and migrating unless ``read_only``) the pile at ``path``.

        A writer first takes the pile's write lock (:mod:`.lock`) for as long as the store is open, and
        gets a :class:`PileBusyError` naming the run that holds it when another run is writing;
        ``command`` is what that message says this run is.
        """
        path = Path(path)
        _check_is_sqlite(path)
        if read_only and not path.exists():
            raise StoreError(f"no store at {path}; build one first (newsdossier build ... --db {path})")
        lock = None
        if not read_only:
            lock = WriterLock(path, command)
            lock.acquire()
        try:
            return cls._connect(path, read_only=read_only, lock=lock)
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def _connect(cls, path: Path, *, read_only: bool, lock: WriterLock | None) -> Store:
        try:
            uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rwc'}"
            # a read-only pile may be handed from thread to thread (a server opens it in one worker
            # thread and answers in another), never used by two at once
            connection = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S,
                                         check_same_thread=not read_only)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {path}: {exc}") from exc
        store = cls(connection, path, read_only=read_only, lock=lock)
        try:
            store._prepare()
        except BaseException:
            connection.close()
            raise
        return store

    def _prepare(self) -> None:
        with self._errors("open"):
            version = self._check_ours()
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.read_only:
                if version < SCHEMA_VERSION:
                    raise StoreError(f"store {self.path} is at schema version {version}, this "
                                     f"newsdossier needs {SCHEMA_VERSION}; open it once for writing to upgrade")
                return
            self._db.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL keeps the database consistent after a crash (a committed
            # batch can be lost on power failure, never half-written): what resumable runs
            # need, at a fraction of FULL's fsyncs.
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._migrate(version)
            with self.transaction():
                self._db.execute(MARK_INTERRUPTED)

    def _check_ours(self) -> int:
        """The schema version, after making sure the file is a newsdossier pile or an empty database."""
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        app_id = self._db.execute("PRAGMA application_id").fetchone()[0]
        has_tables = self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        if app_id != APPLICATION_ID and (app_id or version or has_tables):
            raise StoreError(f"{self.path} is a SQLite database of another program, not a newsdossier "
                             "store; pass another --db path")
        if version > SCHEMA_VERSION:
            raise StoreError(f"store {self.path} has schema version {version} but this newsdossier only "
                             f"knows up to {SCHEMA_VERSION}; upgrade newsdossier to open it")
        return version

    def _migrate(self, version: int) -> None:
        """Run each missing step in its own transaction, so a failed step leaves the previous version."""
        for number in range(version + 1, SCHEMA_VERSION + 1):
            script = f"BEGIN IMMEDIATE;\n{MIGRATIONS[number - 1]}\nPRAGMA user_version = {number};\nCOMMIT;"
            try:
                self._db.executescript(script)
            except sqlite3.Error as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise StoreError(f"cannot migrate store {self.path} to schema version {number}: {exc}") from exc

    def close(self) -> None:
        """Close the connection (``PRAGMA optimize`` first, so later queries keep good plans) and release
        the write lock."""
        try:
            if not self.read_only:
                # only a hint for the planner: a full disk must not keep the connection open
                with suppress(sqlite3.Error):
                    self._db.execute("PRAGMA optimize")
            self._db.close()
        finally:
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Turn SQLite's errors into a StoreError that names the file and what we were doing."""
        try:
            yield
        except sqlite3.Error as exc:
            if getattr(exc, "sqlite_errorcode", None) == SQLITE_FULL:
                raise StoreError(f"store {self.path}: cannot {action}: the disk is full ({exc}); the pile keeps "
                                 "its last complete build: free some space and run the command again") from exc
            raise StoreError(f"store {self.path}: cannot {action}: {exc}") from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One batch: everything inside commits together or, on any exception, not at all.

        Nested use joins the outer transaction, so a caller can group several batch methods.
        """
        if self._db.in_transaction:
            yield
            return
        with self._errors("start a transaction"):
            self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self._db.in_transaction:  # SQLite rolls back by itself after some errors (a full disk)
                self._db.execute("ROLLBACK")
            raise
        with self._errors("commit"):
            self._db.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Every read inside sees one committed state of the pile, even while a build commits meanwhile
        (a deferred read transaction: WAL keeps its snapshot). Inside a transaction already, joins it."""
        if self._db.in_transaction:
            yield
            return
        with self._errors("start reading"):
            self._db.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK" if not self.read_only else "COMMIT")

    # documents

    def add_documents(self, docs: Iterable[RawDocument]) -> int:
        """Store documents not seen before (by content hash), in one transaction; return how many were new."""
        with self._errors("add documents"), self.transaction():
            return self._db.executemany(INSERT_DOCUMENT, map(_document_row, docs)).rowcount

    def has_document(self, content_hash: str) -> bool:
        with self._errors("read documents"):
            row = self._db.execute("SELECT 1 FROM documents WHERE content_hash = ?", (content_hash,))
            return row.fetchone() is not None

    def document_count(self) -> int:
        return self._count("documents")

    def _count(self, table: str) -> int:
        with self._errors(f"count {table}"):
            return self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def iter_documents(self) -> Iterator[RawDocument]:
        """Every document, in file order (source path, then position in the file)."""
        return self._page_documents("1", ())

    def stale_documents(self, cleaner_version: str) -> Iterator[RawDocument]:
        """Documents with no article from ``cleaner_version``: what a (re-)cleaning run still has to do."""
        return self._page_documents(NOT_CLEANED_BY, (cleaner_version,))

    def _page_documents(self, where: str, params: tuple[Any, ...]) -> Iterator[RawDocument]:
        sql, key = PAGE_DOCUMENTS.format(where=where), ("", "", "")
        while True:
            with self._errors("read documents"):
                rows = self._db.execute(sql, (*key, *params)).fetchall()
            yield from map(_document_from_row, rows)
            if len(rows) < PAGE_SIZE:
                return
            key = (rows[-1][0], *rows[-1][-2:])

    # prepared texts

    def put_prepared(self, items: Iterable[tuple[str, str]], *, version: str) -> None:
        """Store (content_hash, json) pairs of prepared texts for ``version``, in one transaction."""
        rows = ((content_hash, version, text) for content_hash, text in items)
        with self._errors("store prepared texts"), self.transaction():
            self._db.executemany("INSERT OR REPLACE INTO prepared VALUES (?, ?, ?)", rows)

    def prepared_hashes(self, version: str) -> set[str]:
        with self._errors("read prepared texts"):
            rows = self._db.execute("SELECT content_hash FROM prepared WHERE version = ?", (version,))
            return {row[0] for row in rows}

    def iter_prepared(self, version: str) -> Iterator[str]:
        """The JSON of every prepared text of ``version``, in file order, a page at a time."""
        sql = ("SELECT p.json, d.source_path, d.locator_key, d.content_hash FROM prepared p "
               "JOIN documents d USING (content_hash) WHERE p.version = ? AND "
               "(d.source_path, d.locator_key, d.content_hash) > (?, ?, ?) "
               "ORDER BY d.source_path, d.locator_key, d.content_hash LIMIT ?")
        key: tuple[str, str, str] = ("", "", "")
        while True:
            with self._errors("read prepared texts"):
                rows = self._db.execute(sql, (version, *key, PAGE_SIZE)).fetchall()
            yield from (row[0] for row in rows)
            if len(rows) < PAGE_SIZE:
                return
            key = (rows[-1][1], rows[-1][2], rows[-1][3])

    # reuse

    def replace_reuse(self, links: Iterable[tuple[str, str, str, str]], families: Iterable[tuple[str, str, str]]) -> None:
        """Replace all links (source, target, relation, json) and families (id, origin, json) at once."""
        with self._errors("store reuse"), self.transaction():
            self._db.execute("DELETE FROM reuse_links")
            self._db.execute("DELETE FROM families")
            self._db.executemany("INSERT OR REPLACE INTO reuse_links VALUES (?, ?, ?, ?)", links)
            self._db.executemany("INSERT INTO families VALUES (?, ?, ?)", families)

    # stories

    def replace_stories(self, stories: Iterable[tuple[str, str, str]], topics: Iterable[tuple[str, str]],
                        state: tuple[str, bytes]) -> None:
        """Replace all stories (id, topic, json), topics (id, json) and the builder state (version, bytes) at once."""
        with self._errors("store stories"), self.transaction():
            self._db.execute("DELETE FROM stories")
            self._db.execute("DELETE FROM topics")
            self._db.executemany("INSERT INTO stories VALUES (?, ?, ?)", stories)
            self._db.executemany("INSERT INTO topics VALUES (?, ?)", topics)
            self._db.execute("INSERT OR REPLACE INTO story_state VALUES (1, ?, ?)", state)

    def story_state(self) -> tuple[str, bytes] | None:
        """(version, bytes) of the stored story builder, if a run stored one."""
        with self._errors("read story state"):
            row = self._db.execute("SELECT version, data FROM story_state WHERE id = 1").fetchone()
        return (row[0], bytes(row[1])) if row else None

    # entities

    def replace_entities(self, entities: Iterable[tuple[str, str]]) -> None:
        """Replace all entities (id, json), in rank order."""
        with self._errors("store entities"), self.transaction():
            self._db.execute("DELETE FROM entities")
            self._db.executemany("INSERT INTO entities (id, json) VALUES (?, ?)", entities)

    def replace_quotes(self, quotes: Iterable[tuple[str, str]]) -> None:
        """Replace all quotes (id, json), in order."""
        with self._errors("store quotes"), self.transaction():
            self._db.execute("DELETE FROM quotes")
            self._db.executemany("INSERT INTO quotes (id, json) VALUES (?, ?)", quotes)

    def replace_time(self, expressions: Iterable[tuple[str, str]], timeline: Iterable[str]) -> None:
        """Replace every article's time expressions (article id, JSON list) and the timeline (JSON, in order)."""
        with self._errors("store time expressions"), self.transaction():
            self._db.execute("DELETE FROM time_expressions")
            self._db.execute("DELETE FROM timeline")
            self._db.executemany("INSERT INTO time_expressions (article, json) VALUES (?, ?)", expressions)
            self._db.executemany("INSERT INTO timeline (json) VALUES (?)", ((t,) for t in timeline))

    def time_expressions_json(self, article: str) -> str | None:
        """The stored time expressions of ``article`` (a JSON list), or None when it has none stored."""
        with self._errors("read time expressions"):
            row = self._db.execute("SELECT json FROM time_expressions WHERE article = ?", (article,)).fetchone()
            return row[0] if row else None

    def replace_events(self, events: Iterable[tuple[str, str, str]]) -> None:
        """Replace all events (id, PLOVER type, json), by story and date."""
        with self._errors("store events"), self.transaction():
            self._db.execute("DELETE FROM events")
            self._db.executemany("INSERT INTO events (id, type, json) VALUES (?, ?, ?)", events)

    def replace_places(self, places: Iterable[tuple[str, str]]) -> None:
        """Replace all places (id, json), most mentioned first."""
        with self._errors("store places"), self.transaction():
            self._db.execute("DELETE FROM places")
            self._db.executemany("INSERT INTO places (id, json) VALUES (?, ?)", places)

    # NLP analyses

    def nlp_hashes(self, model: str) -> set[str]:
        """Hashes of the texts already analysed by pipeline ``model``."""
        with self._errors("read NLP analyses"):
            return {r[0] for r in self._db.execute("SELECT text_hash FROM nlp_docs WHERE model = ?", (model,))}

    def put_nlp(self, items: Iterable[tuple[str, bytes]], *, model: str) -> None:
        """Store analyses (text hash, bytes) made by pipeline ``model``, in one transaction."""
        with self._errors("store NLP analyses"), self.transaction():
            self._db.executemany("INSERT OR REPLACE INTO nlp_docs VALUES (?, ?, ?)",
                                 ((key, model, data) for key, data in items))

    def nlp_data(self, text_hash: str, model: str) -> bytes | None:
        """The stored analysis of one text by ``model``, if there is one."""
        with self._errors("read NLP analyses"):
            row = self._db.execute("SELECT data FROM nlp_docs WHERE text_hash = ? AND model = ?",
                                   (text_hash, model)).fetchone()
        return bytes(row[0]) if row else None

    def prune_nlp(self, keep: set[str], *, model: str) -> int:
        """Drop ``model``'s analyses of texts no longer in the pile (an article whose text changed)."""
        stale = self.nlp_hashes(model) - keep
        with self._errors("prune NLP analyses"), self.transaction():
            self._db.executemany("DELETE FROM nlp_docs WHERE text_hash = ? AND model = ?",
                                 ((key, model) for key in stale))
        return len(stale)

    # articles

    def put_articles(self, articles: Iterable[Article], *, cleaner_version: str) -> None:
        """Insert or replace articles in one transaction; the full-text index follows by trigger."""
        with self._errors("store articles"), self.transaction():
            for article in articles:
                try:
                    self._db.execute(UPSERT_ARTICLE, _article_row(article, cleaner_version))
                except sqlite3.IntegrityError as exc:
                    if "FOREIGN KEY" not in str(exc):
                        raise
                    raise StoreError(f"store {self.path}: article {article.id} refers to document "
                                     f"{article.content_hash[:16]}..., which is not stored; add the "
                                     "document first") from exc

    def get_article(self, article_id: str) -> Article | None:
        """The article with this id, or None when there is none (a normal answer, not a failure)."""
        with self._errors("read articles"):
            row = self._db.execute("SELECT json FROM articles WHERE id = ?", (article_id,)).fetchone()
        return article_from_dict(json.loads(row[0])) if row else None

    def article_count(self) -> int:
        return self._count("articles")

    def iter_articles(self) -> Iterator[Article]:
        """Every article, in file order (source path, then position in the file)."""
        key: tuple[str, str, str] = ("", "", "")
        while True:
            with self._errors("read articles"):
                rows = self._db.execute(PAGE_ARTICLES, key).fetchall()
            for row in rows:
                yield article_from_dict(json.loads(row[0]))
            if len(rows) < PAGE_SIZE:
                return
            key = rows[-1][1:]

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Best matches for an FTS5 query (from the ``offset``-th); a query that is not valid FTS5 is
        retried as a phrase of its words."""
        with self._errors(f"search for {query!r}"):
            try:
                return self._search(query, limit, offset)
            except sqlite3.OperationalError as first:  # FTS5 reports syntax errors this way
                phrase = _phrase(query)
                if phrase is None:
                    raise StoreError(f"cannot search for {query!r}: it has no words to look for") from first
                return self._search(phrase, limit, offset)

    def _search(self, query: str, limit: int, offset: int) -> list[SearchHit]:
        rows = self._db.execute(SEARCH, (*SNIPPET_MARKS, SNIPPET_TOKENS, query, limit, offset)).fetchall()
        return [SearchHit(article_id, title, snippet, -rank) for article_id, title, snippet, rank in rows]

    def stream(self, sql: str, params: Iterable[Any] = (), *, action: str = "read the pile"
               ) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
        """The column names of one read-only query and its rows, one at a time (for exports)."""
        with self._errors(action):
            cursor = self._db.execute(sql, tuple(params))
        columns = [column[0] for column in cursor.description or ()]

        def rows() -> Iterator[tuple[Any, ...]]:
            with self._errors(action):
                yield from cursor
        return columns, rows()

    def select(self, sql: str, params: Iterable[Any] = (), *, action: str = "read the pile") -> list[tuple[Any, ...]]:
        """The rows of one read-only query (for :class:`newsdossier.store.pile.Pile`); a SQLite error is a
        StoreError naming the file and ``action``."""
        with self._errors(action):
            return self._db.execute(sql, tuple(params)).fetchall()

    # runs and rejections

    def start_run(self, command: str) -> int:
        """Record that ``command`` started; the id ties its rejections and counts together."""
        with self._errors("start a run"), self.transaction():
            cursor = self._db.execute(
                "INSERT INTO runs (command, started, status) VALUES (?, ?, 'running')", (command, _now()))
            return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, counts: Mapping[str, int]) -> None:
        """Mark a run done with its counts. A run never finished is marked interrupted on the next open."""
        with self._errors("finish a run"), self.transaction():
            cursor = self._db.execute(
                "UPDATE runs SET finished = ?, status = 'done', counts = ? WHERE id = ?",
                (_now(), json.dumps(dict(counts), sort_keys=True), run_id))
            if cursor.rowcount == 0:
                raise StoreError(f"store {self.path} has no run {run_id} to finish")

    def runs(self) -> list[Run]:
        """Every run, oldest first."""
        with self._errors("read runs"):
            rows = self._db.execute(
                "SELECT id, command, started, finished, status, counts FROM runs ORDER BY id").fetchall()
        return [
            Run(id=run_id, command=command, started=datetime.fromisoformat(started),
                finished=datetime.fromisoformat(finished) if finished else None,
                status=RunStatus(status), counts=MappingProxyType(json.loads(counts or "{}")))
            for run_id, command, started, finished, status, counts in rows
        ]

    def add_rejections(self, run_id: int, rejections: Iterable[Rejection]) -> None:
        """Record inputs a run could not read, in one transaction."""
        rows = ((run_id, r.source_path, r.locator, r.reason, r.detail) for r in rejections)
        with self._errors(f"record rejections of run {run_id}"), self.transaction():
            self._db.executemany(INSERT_REJECTION, rows)

    def rejections(self, run_id: int | None = None) -> list[Rejection]:
        """Rejected inputs of one run, or of every run, in the order they were recorded."""
        where, params = ("WHERE run_id = ?", (run_id,)) if run_id is not None else ("", ())
        with self._errors("read rejections"):
            rows = self._db.execute(f"{SELECT_REJECTIONS} {where} ORDER BY id", params).fetchall()
        return [Rejection(*row) for row in rows]
