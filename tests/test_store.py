"""The pile database: migrations, idempotent ingest, transactions, runs, articles, full-text search."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from newsdossier.errors import StoreError
from newsdossier.model import (
    Article,
    Caption,
    DateBasis,
    Format,
    PublicationDate,
    RawDocument,
    Rejection,
    Removal,
    Segment,
    SourceHints,
    Status,
)
from newsdossier.records import article_to_dict
from newsdossier.store import MIGRATIONS, SCHEMA_VERSION, RunStatus, SearchHit, Store

BODY = (
    "Iraqi Prime Minister Mustafa al-Kádhimi said on Sunday that the strike near Baghdad "
    "airport violated Iraqi sovereignty, and called for calm."
)


def make_document(n: int, *, text: str | None = None, path: str = "pile/feed.jsonl") -> RawDocument:
    text = text if text is not None else f"Story number {n}. {BODY}"
    return RawDocument(
        source_path=path,
        locator=f"line {n}",
        format=Format.JSON,
        media_type="text/plain",
        data=text.encode("utf-8"),
        encoding="utf-8",
        text=text,
        hints=SourceHints(url=f"https://example.org/{n}", title=f"Story {n}",
                          published=date(2020, 1, 5), outlet="Example News", byline=("A. Writer",)),
    )


def make_article(doc: RawDocument, *, text: str = BODY, title: str = "Kádhimi condemns strike") -> Article:
    """A realistic cleaned article: a dateline and a caption removed, with a date range and segments."""
    dateline = "Baghdad, Jan 5 (AFP) - "
    caption = "Photo: smoke over the airport road. (Reuters)"
    source_text = f"{dateline}{text}\n{caption}"
    return Article(
        id=doc.content_hash[:16],
        content_hash=doc.content_hash,
        source_path=doc.source_path,
        locator=doc.locator,
        format=doc.format,
        url=doc.hints.url,
        title=title,
        outlet="Example News",
        byline=("A. Writer", "B. Reporter"),
        dateline="Baghdad",
        credit="AFP",
        published=PublicationDate(
            value=date(2020, 1, 5), basis=DateBasis.DATELINE, earliest=date(2020, 1, 5),
            latest=date(2020, 1, 6), evidence="Baghdad, Jan 5 (AFP)",
        ),
        status=Status.FULL,
        status_reasons=("long-enough",),
        text=text,
        source_text=source_text,
        removed=(Removal(0, len(dateline), dateline, "dateline"),),
        captions=(Caption(len(dateline) + len(text) + 1, len(source_text), caption, "Reuters"),),
        segments=(Segment(0, len(dateline), len(text)),),
        standfirst="The prime minister spoke after the strike.",
    )


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "pile.db") as opened:
        yield opened


def user_version(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA user_version").fetchone()[0]


# schema and opening


def test_new_store_is_migrated_to_latest_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "pile.db"
    with Store.open(path):
        pass
    assert user_version(path) == SCHEMA_VERSION >= 2
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_at_version_1_is_migrated_and_its_articles_become_searchable(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    doc = make_document(1)
    article = make_article(doc)
    connection = sqlite3.connect(path)
    connection.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
    connection.execute(
        "INSERT INTO documents VALUES (?, ?, ?, ?, 'json', 'text/plain', 'utf-8', ?, '{}', 'now')",
        (doc.content_hash, doc.source_path, doc.locator, doc.locator, doc.data),
    )
    connection.execute(
        "INSERT INTO articles (id, content_hash, cleaner_version, source_path, locator_key, title,"
        " status, json) VALUES (?, ?, 'v1', ?, '', ?, 'full', ?)",
        (article.id, doc.content_hash, doc.source_path, article.title, json.dumps(article_to_dict(article))),
    )
    connection.commit()
    connection.close()

    with Store.open(path) as store:
        assert [hit.article_id for hit in store.search("sovereignty")] == [article.id]
        assert store.get_article(article.id) == article
    assert user_version(path) == SCHEMA_VERSION


def test_newer_store_is_refused_with_versions_and_advice(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with Store.open(path):
        pass
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match=rf"version {SCHEMA_VERSION + 1}.*upgrade newsdossier"):
        Store.open(path)


def test_text_file_is_refused_and_left_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    content = "my notes about the strike\n" * 200
    path.write_text(content)
    with pytest.raises(StoreError, match=r"notes\.txt.*not a SQLite database"):
        Store.open(path)
    assert path.read_text() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_other_programs_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        Store.open(path)
    assert path.read_bytes() == before


def test_read_only_open_of_missing_store_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        Store.open(tmp_path / "missing.db", read_only=True)
    assert not (tmp_path / "missing.db").exists()


def test_read_only_store_reads_but_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "pile.db"
    with Store.open(path) as store:
        store.add_documents([make_document(1)])
    with Store.open(path, read_only=True) as store:
        assert store.document_count() == 1
        with pytest.raises(StoreError, match="readonly"):
            store.add_documents([make_document(2)])


# documents, idempotence, transactions


def test_reingesting_the_same_content_is_a_no_op(store: Store) -> None:
    docs = [make_document(n) for n in range(3)]
    assert store.add_documents(docs) == 3
    assert store.add_documents(docs) == 0
    assert store.add_documents([*docs, make_document(3)]) == 1
    assert store.document_count() == 4
    assert store.has_document(docs[0].content_hash)
    assert not store.has_document("0" * 64)


def test_documents_round_trip_in_file_order(store: Store) -> None:
    docs = [make_document(n) for n in (10, 2, 1)]
    store.add_documents(docs)
    assert list(store.iter_documents()) == sorted(docs, key=lambda d: int(d.locator.split()[1]))


def test_documents_decode_with_their_stored_encoding(store: Store) -> None:
    text = "Al-Kádhimi – «sovereignty»"
    doc = replace(make_document(1), data=text.encode("cp1252"), encoding="cp1252", text=text)
    store.add_documents([doc])
    assert list(store.iter_documents()) == [doc]


def test_exception_mid_batch_rolls_back_and_rerun_completes(store: Store) -> None:
    docs = [make_document(n) for n in range(5)]

    def interrupted():
        yield from docs[:3]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.add_documents(interrupted())
    assert store.document_count() == 0
    assert store.add_documents(docs) == 5


def test_outer_transaction_rolls_back_documents_and_articles_together(store: Store) -> None:
    doc = make_document(1)
    with pytest.raises(RuntimeError), store.transaction():
        store.add_documents([doc])
        store.put_articles([make_article(doc)], cleaner_version="v1")
        raise RuntimeError("crash after the batch")
    assert (store.document_count(), store.article_count()) == (0, 0)
    assert store.search("sovereignty") == []


def test_more_documents_than_one_page_are_all_iterated(store: Store) -> None:
    docs = [make_document(n) for n in range(600)]
    store.add_documents(docs)
    assert [d.locator for d in store.iter_documents()] == [f"line {n}" for n in range(600)]


# runs and rejections


def test_run_left_running_is_marked_interrupted_on_next_open(tmp_path: Path) -> None:
    path = tmp_path / "pile.db"
    with Store.open(path) as store:
        finished = store.start_run("ingest a")
        store.finish_run(finished, {"documents": 3, "rejected": 1})
        crashed = store.start_run("ingest b")
        assert store.runs()[-1].status is RunStatus.RUNNING
    with Store.open(path) as store:
        runs = {run.id: run for run in store.runs()}
    assert runs[finished].status is RunStatus.DONE
    assert dict(runs[finished].counts) == {"documents": 3, "rejected": 1}
    assert runs[crashed].status is RunStatus.INTERRUPTED
    assert runs[crashed].finished is None


def test_finishing_an_unknown_run_is_an_error(store: Store) -> None:
    with pytest.raises(StoreError, match="no run 42"):
        store.finish_run(42, {})


def test_rejections_are_kept_per_run(store: Store) -> None:
    first, second = store.start_run("ingest"), store.start_run("ingest")
    a = Rejection("pile/a.bin", None, "binary", "looks like a PNG image")
    b = Rejection("pile/feed.xml", "entry 3", "malformed-feed", "no closing tag")
    store.add_rejections(first, [a])
    store.add_rejections(second, [b])
    assert store.rejections(first) == [a]
    assert store.rejections() == [a, b]


# articles and search


def test_article_round_trips_exactly(store: Store) -> None:
    doc = make_document(1)
    article = make_article(doc)
    store.add_documents([doc])
    store.put_articles([article], cleaner_version="v1")
    assert store.get_article(article.id) == article
    assert list(store.iter_articles()) == [article]
    assert store.get_article("no-such-id") is None


def test_articles_iterate_in_file_order(store: Store) -> None:
    docs = [make_document(n, path=path) for path, n in [("b.jsonl", 1), ("a.jsonl", 10), ("a.jsonl", 9)]]
    store.add_documents(docs)
    store.put_articles([make_article(d) for d in docs], cleaner_version="v1")
    assert [(a.source_path, a.locator) for a in store.iter_articles()] == [
        ("a.jsonl", "line 9"), ("a.jsonl", "line 10"), ("b.jsonl", "line 1")]


def test_article_for_a_missing_document_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="add the document first"):
        store.put_articles([make_article(make_document(1))], cleaner_version="v1")
    assert store.article_count() == 0


def test_search_ignores_diacritics_and_returns_a_snippet(store: Store) -> None:
    docs = [make_document(1), make_document(2, text="Markets were calm in Tokyo on Monday.")]
    store.add_documents(docs)
    store.put_articles([make_article(docs[0]), make_article(docs[1], text=docs[1].text, title="Markets")],
                       cleaner_version="v1")
    hits = store.search("Kadhimi")
    assert [hit.article_id for hit in hits] == [docs[0].content_hash[:16]]
    assert isinstance(hits[0], SearchHit) and "[" in hits[0].snippet and hits[0].snippet.strip("[]…")
    assert store.search("kádhimi")[0].article_id == hits[0].article_id


def test_replacing_an_article_updates_the_index(store: Store) -> None:
    doc = make_document(1)
    store.add_documents([doc])
    store.put_articles([make_article(doc)], cleaner_version="v1")
    store.put_articles([make_article(doc, text="Protesters gathered in Tahrir Square.")], cleaner_version="v2")
    assert store.search("sovereignty") == []
    assert [hit.article_id for hit in store.search("Tahrir")] == [doc.content_hash[:16]]
    assert store.article_count() == 1


@pytest.mark.parametrize("query", ['"Kadhimi said', "al-Kadhimi", "Baghdad airport)", "(Iraqi sovereignty"])
def test_query_with_fts_syntax_errors_is_retried_as_a_phrase(store: Store, query: str) -> None:
    doc = make_document(1)
    store.add_documents([doc])
    store.put_articles([make_article(doc)], cleaner_version="v1")
    assert [hit.article_id for hit in store.search(query)] == [doc.content_hash[:16]]


def test_query_without_words_is_a_clear_error(store: Store) -> None:
    with pytest.raises(StoreError, match="no words"):
        store.search('"')


def test_stale_documents_are_those_without_an_article_of_this_cleaner_version(store: Store) -> None:
    docs = [make_document(n) for n in range(3)]
    store.add_documents(docs)
    store.put_articles([make_article(docs[0])], cleaner_version="v2")
    store.put_articles([make_article(docs[1])], cleaner_version="v1")
    assert [d.locator for d in store.stale_documents("v2")] == ["line 1", "line 2"]
    assert [d.locator for d in store.stale_documents("v1")] == ["line 0", "line 2"]


def test_cleaning_while_iterating_stale_documents_resumes_cleanly(store: Store) -> None:
    docs = [make_document(n) for n in range(300)]
    store.add_documents(docs)
    for doc in store.stale_documents("v1"):
        store.put_articles([make_article(doc)], cleaner_version="v1")
    assert store.article_count() == 300
    assert list(store.stale_documents("v1")) == []


def test_importing_the_store_loads_no_stage() -> None:
    """Issue #25: the store is what the CLI, the writers and a server open first; it reads and writes
    records without the stages' libraries (scikit-learn, spaCy), in well under 0.3 s."""
    import subprocess
    import sys

    code = ("import sys, time; t = time.perf_counter(); import newsdossier.store; took = time.perf_counter() - t; "
            "heavy = [m for m in ('sklearn', 'spacy', 'trafilatura', 'numpy') if m in sys.modules]; "
            "print(took, ','.join(heavy))")
    # the second run: the first may compile the package's bytecode (a fresh checkout), which an
    # installed package has done once, not at each import
    for _ in range(2):
        took, heavy = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                     check=True).stdout.split(" ")
    assert heavy.strip() == ""
    assert float(took) < 0.3
