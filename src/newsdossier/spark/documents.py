"""Ingest and cleaning on Spark: the local readers, ``prepare`` and ``clean`` per document, the
furniture evidence summed by the engine.

Local paths are listed on the driver by :func:`newsdossier.ingest.discover` (so documents get the
very source paths and order of a local build) and read on the executors; Hadoop file system URIs
(``hdfs://``, ``s3a://``, ``file://``) are listed and read by Spark's ``binaryFile`` source, each
file handed to the same readers through a temporary copy (the readers take a path).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, cast

from newsdossier.clean import Prepared, RecurringLines, article_id, clean, line_keys, outlet_key, prepare
from newsdossier.clean.corpus import MIN_CONTEXTS, MIN_OUTLET_DOCUMENTS
from newsdossier.ingest import IngestSettings, discover, read_inputs
from newsdossier.model import Article, RawDocument, Rejection
from newsdossier.spark import settle_worker
from newsdossier.store import locator_key

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

__all__ = ["cleaned_in_order", "read_documents", "recurring_lines"]

Found = tuple[tuple[int, int], RawDocument | Rejection]  # (file number, position in the file), item


def is_uri(given: str | Path) -> bool:
    """A Hadoop file system URI (``hdfs://``, ``s3a://``, ``file://``), not a local path."""
    return "://" in str(given)


def read_documents(spark: SparkSession, inputs: Sequence[str | Path], settings: IngestSettings,
                   partitions: int) -> RDD[Found]:
    """Every document and rejection of ``inputs``, keyed by where it was found (input order)."""
    local = [given for given in inputs if not is_uri(given)]
    uris = [str(given) for given in inputs if is_uri(given)]
    sc = spark.sparkContext
    found: list[RDD[Found]] = []
    if local:
        listed = list(enumerate(discover(local)))  # paths only: the driver never reads a file
        if listed:
            found.append(sc.parallelize(listed, max(1, min(partitions, len(listed))))
                         .flatMap(lambda numbered: _read_local(numbered, settings)))
    if uris:
        files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(uris)
                 .select("path", "content").rdd.map(lambda row: (row.path, bytes(row.content))))
        offset = len(local and listed)
        found.append(files.sortByKey().zipWithIndex()
                     .flatMap(lambda item: _read_copy(offset + item[1], item[0][0], item[0][1], settings)))
    return sc.union(found) if found else sc.emptyRDD()


def _read_local(numbered: tuple[int, Path | Rejection], settings: IngestSettings) -> Iterator[Found]:
    number, path = numbered
    if isinstance(path, Rejection):
        yield (number, 0), path
        return
    for position, item in enumerate(read_inputs([path], settings=settings)):
        yield (number, position), item


def _read_copy(number: int, uri: str, content: bytes, settings: IngestSettings) -> Iterator[Found]:
    """One file read by the local readers from a temporary copy with the file's own name (the
    readers choose by suffix), its documents and rejections given the URI as their source."""
    name = PurePosixPath(uri).name or "input"
    with tempfile.TemporaryDirectory(prefix="newsdossier-") as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        for position, item in enumerate(read_inputs([path], settings=settings)):
            yield (number, position), replace(item, source_path=uri)


def unique_documents(found: RDD[Found]) -> RDD[tuple[str, RawDocument]]:
    """One document per content hash, the first found (a local pile stores the first and ignores
    the others), keyed by its content hash."""
    documents = cast("RDD[tuple[tuple[int, int], RawDocument]]",
                     found.filter(lambda item: isinstance(item[1], RawDocument)))
    return (documents.map(lambda item: (item[1].content_hash, item))
            .reduceByKey(lambda a, b: a if a[0] <= b[0] else b)
            .mapValues(lambda item: item[1]))


def recurring_lines(prepared: RDD[tuple[str, Prepared]]) -> RecurringLines:
    """The pile's furniture evidence (:class:`RecurringLines`): each partition fits its own on its
    articles (the local build's ``fit``), the engine adds those up line by line in one shuffle, and
    the driver receives only the lines seen next to enough stories to be furniture: a few thousand,
    however large the pile."""
    kept = (prepared.values().mapPartitions(_evidence_of_part).reduceByKey(_merged_evidence)
            .filter(lambda item: len(item[1][1]) >= MIN_CONTEXTS).collect())
    return RecurringLines.from_counts(
        prepared.count(), {digest: count for digest, (count, _, _) in kept},
        {(outlet, digest): count for digest, (_, _, outlets) in kept for outlet, count in outlets.items()
         if count >= MIN_OUTLET_DOCUMENTS},
        {digest: seen for digest, (_, seen, _) in kept})


# A line's evidence from some articles: in how many it occurs, up to MIN_CONTEXTS of the stories
# (contexts) it occurs next to, and in how many of each outlet's.
Evidence = tuple[int, frozenset[bytes], dict[str, int]]


def _evidence_of_part(rows: Iterable[Prepared]) -> Iterator[tuple[bytes, Evidence]]:
    """Each line's evidence from the articles of one partition."""
    fitted = RecurringLines().fit((outlet_key(p), line_keys(p)) for p in rows)
    outlets: dict[bytes, dict[str, int]] = {}
    for (outlet, digest), count in fitted.outlet_counts_.items():
        outlets.setdefault(digest, {})[outlet] = count
    for digest, count in fitted.counts_.items():
        yield digest, (count, frozenset(fitted.contexts_.get(digest, ())), outlets.get(digest, {}))


def _merged_evidence(a: Evidence, b: Evidence) -> Evidence:
    """Two parts' evidence of one line added up. Only whether a line has MIN_CONTEXTS contexts
    matters, so at most that many are kept (the smallest, whatever the order of the parts)."""
    seen = a[1] | b[1]
    if len(seen) > MIN_CONTEXTS:
        seen = frozenset(sorted(seen)[:MIN_CONTEXTS])
    outlets = dict(a[2])
    for outlet, count in b[2].items():
        outlets[outlet] = outlets.get(outlet, 0) + count
    return a[0] + b[0], seen, outlets


def cleaned_in_order(prepared: RDD[tuple[str, Prepared]], recurring: Any, partitions: int) -> RDD[tuple[int, Article]]:
    """Every prepared document cleaned with the pile's furniture evidence (``recurring``: a broadcast
    :class:`RecurringLines`), numbered in the pile's order (source path, position in the file, id): the
    order a local build's pile-wide stages read them in (``Store.iter_articles``).

    An article's source path, locator and id are its prepared text's, so the order is found by sorting
    those keys alone, before cleaning; each number then joins its text where the text already is
    (``prepared`` is partitioned by content hash), and the articles are never shuffled."""
    positions = (prepared.map(lambda item: (_order_key(item[1]), item[0])).sortByKey(numPartitions=partitions)
                 .values().zipWithIndex())  # (content hash, number)
    return (positions.partitionBy(partitions).join(prepared, partitions)
            .map(lambda item: (item[1][0], clean(item[1][1], recurring.value))))


def _order_key(prepared: Prepared) -> tuple[str, str, str]:
    """Where the article cleaned from ``prepared`` comes in the pile's order (``Store.iter_articles``)."""
    return prepared.source_path, locator_key(prepared.locator), article_id(prepared.raw_id)


def prepare_documents(documents: RDD[tuple[str, RawDocument]]) -> RDD[tuple[str, Prepared]]:
    return documents.mapValues(prepare)


def rejections(found: RDD[Found]) -> RDD[tuple[tuple[int, int], Rejection]]:
    return found.filter(lambda item: isinstance(item[1], Rejection))  # type: ignore[return-value, unused-ignore]


settle_worker()  # the last thing a worker imports with this module (newsdossier.spark.settle_worker)
