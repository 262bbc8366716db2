"""Ingest and cleaning on Spark: the local readers, ``prepare`` and ``clean`` per document, the
furniture evidence summed by the engine.

Local paths are listed on the driver by :func:`newsdossier.ingest.discover` (so documents get the
very source paths and order of a local build) and read on the executors; Hadoop file system URIs
(``hdfs://``, ``s3a://``, ``file://``) are listed and read by Spark's ``binaryFile`` source, each
file handed to the same readers through a temporary copy (the readers take a path).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import replace
from operator import add
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, cast

from newsdossier.clean import Prepared, RecurringLines, clean, line_keys, prepare
from newsdossier.clean.corpus import MIN_CONTEXTS, MIN_OUTLET_DOCUMENTS, line_evidence
from newsdossier.ingest import IngestSettings, discover, read_inputs
from newsdossier.model import Article, RawDocument, Rejection
from newsdossier.spark import settle_worker
from newsdossier.steps import outlet_key
from newsdossier.store import locator_key

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

__all__ = ["articles_in_order", "clean_documents", "read_documents", "recurring_lines"]

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
    """The pile's furniture evidence (:class:`RecurringLines`), each article's part made on the executors
    (:func:`line_evidence`) and summed by the engine. The driver receives only the lines seen next to
    enough stories to be furniture: a few thousand, however large the pile."""
    evidence = prepared.values().map(lambda p: (outlet_key(p), line_evidence(line_keys(p)))).filter(
        lambda item: item[1] is not None).persist()
    contexts = (evidence.flatMap(lambda item: [(digest, item[1][0]) for digest in item[1][1]])  # type: ignore[index, unused-ignore]
                .distinct().mapValues(lambda context: [context])
                .reduceByKey(lambda a, b: (a + b)[:MIN_CONTEXTS])
                .filter(lambda item: len(item[1]) >= MIN_CONTEXTS))
    counts = evidence.flatMap(lambda item: [(digest, 1) for digest in item[1][1]]).reduceByKey(add)  # type: ignore[index, unused-ignore]
    outlet_counts = (evidence.filter(lambda item: bool(item[0]))  # as RecurringLines.add: no outlet, no count
                     .flatMap(lambda item: [((item[0], digest), 1) for digest in item[1][1]])  # type: ignore[index, unused-ignore]
                     .reduceByKey(add))
    # A line can be furniture only with enough contexts; of those, keep the counts that can pass.
    enough = contexts.join(counts)
    by_outlet = (outlet_counts.filter(lambda item: item[1] >= MIN_OUTLET_DOCUMENTS)
                 .map(lambda item: (item[0][1], (item[0][0], item[1]))).join(contexts)
                 .map(lambda item: ((item[1][0][0], item[0]), item[1][0][1])).collect())
    kept = enough.collect()
    documents = prepared.count()
    evidence.unpersist()
    return RecurringLines.from_counts(documents, {digest: count for digest, (_, count) in kept},
                                      cast(dict[tuple[str, bytes], int], dict(by_outlet)),
                                      {digest: seen for digest, (seen, _) in kept})


def clean_documents(prepared: RDD[tuple[str, Prepared]], recurring: Any) -> RDD[Article]:
    """Every prepared document cleaned with the pile's furniture evidence (``recurring``: a broadcast
    :class:`RecurringLines`)."""
    return prepared.values().map(lambda p: clean(p, recurring.value))


def articles_in_order(articles: RDD[Article], partitions: int) -> RDD[tuple[int, Article]]:
    """The articles numbered in the pile's order (source path, position in the file, id), the order a
    local build's pile-wide stages read them in (``Store.iter_articles``)."""
    return (articles.keyBy(lambda a: (a.source_path, locator_key(a.locator), a.id))
            .sortByKey(numPartitions=partitions).values().zipWithIndex().map(lambda item: (item[1], item[0])))


def prepare_documents(documents: RDD[tuple[str, RawDocument]]) -> RDD[tuple[str, Prepared]]:
    return documents.mapValues(prepare)


def rejections(found: RDD[Found]) -> RDD[tuple[tuple[int, int], Rejection]]:
    return found.filter(lambda item: isinstance(item[1], Rejection))  # type: ignore[return-value, unused-ignore]


settle_worker()  # the last thing a worker imports with this module (newsdossier.spark.settle_worker)
