"""The Spark build, as a table of contents: each stage a named step, timed, whose result is written
as a table (:mod:`newsdossier.spark.tables`) as soon as it is made."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdossier.clean import CLEANER_VERSION, PREPARE_VERSION
from newsdossier.ingest import IngestSettings
from newsdossier.model import Article
from newsdossier.nlp import BUNDLED, load_pipeline, pipeline_id
from newsdossier.nlp.stage import WORKER_CHUNK, analyse_chunk, text_key
from newsdossier.records import article_to_dict, family_to_dict, link_to_dict, prepared_to_json
from newsdossier.spark import documents as docs
from newsdossier.spark import settle_worker
from newsdossier.spark.reuse import find_reuse_on_spark
from newsdossier.spark.tables import Manifest
from newsdossier.store import hints_to_json

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

__all__ = ["SparkBuildReport", "session", "spark_build"]

DAEMON_SETTING = "spark.python.daemon.module"
LOCAL_JVM_OPTIONS = "-XX:TieredStopAtLevel=1"  # local masters' JVM: the client compiler only (session)


@dataclass(slots=True)
class SparkBuildReport:
    """What the job made and how long each stage took (Spark is lazy: a stage's time includes the
    work of the stages before it that its table needed first)."""

    manifest: Manifest | None = None
    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def timer(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        self.seconds[stage] = time.perf_counter() - started


def session(master: str | None = None, *, partitions: int = 8, app: str = "newsdossier",
            conf: Mapping[str, str] | None = None) -> SparkSession:
    """A Spark session (``master`` such as ``local[2]``; None: what ``spark-submit`` set), its shuffles
    cut into ``partitions`` parts, no web UI; ``conf``: more Spark settings."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app).config("spark.ui.enabled", "false").config(
        "spark.ui.showConsoleProgress", "false").config(
        "spark.sql.shuffle.partitions", str(partitions)).config("spark.default.parallelism", str(partitions))
    if master:
        builder = builder.master(master)
    if not _daemon_chosen(conf):  # workers forked with the build's modules imported (newsdossier.spark.daemon)
        builder = builder.config(DAEMON_SETTING, "newsdossier.spark.daemon")
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    if (master or "").startswith("local") and "spark.driver.extraJavaOptions" not in (conf or {}):
        # Local mode: the JVM only schedules tasks and moves bytes, the Python workers do the work. The
        # client compiler alone (no C2) leaves them the cores the optimizing compiler's threads took:
        # 10,000 documents on 2 cores, 66 s to 60 s (docs/benchmarks.md). A setting in ``conf`` wins.
        builder = builder.config("spark.driver.extraJavaOptions", LOCAL_JVM_OPTIONS)
    if (master or "local").startswith("local") and "PYSPARK_PYTHON" not in os.environ:
        # Local mode: the Python workers run this interpreter and import what it imports. Spark starts them
        # by the interpreter's real path, outside a virtual environment, so they get this import path too.
        builder = builder.config("spark.pyspark.python", sys.executable)
        os.environ["PYTHONPATH"] = os.pathsep.join(
            [entry for entry in sys.path if entry and os.path.isdir(entry)]
            + [entry for entry in os.environ.get("PYTHONPATH", "").split(os.pathsep) if entry])
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")  # Spark's own warnings would bury the build's summary
    return spark


def _daemon_chosen(conf: Mapping[str, str] | None) -> bool:
    """Whether the Python daemon module is set already: in ``conf``, or by ``spark-submit`` (whose JVM
    runs before this process, so its settings can be read without starting one)."""
    if DAEMON_SETTING in (conf or {}):
        return True
    if "PYSPARK_GATEWAY_PORT" not in os.environ:
        return False
    from pyspark import SparkConf

    return SparkConf().contains(DAEMON_SETTING)


def spark_build(spark: SparkSession, inputs: Sequence[str | Path], out: str, *, settings: IngestSettings | None = None,
                nlp_model: str = BUNDLED, partitions: int = 8, analyse: bool = True) -> SparkBuildReport:
    """Read, clean, find reuse in and analyse ``inputs`` on ``spark``; write the tables under ``out``.

    ``analyse=False`` leaves the NLP analyses out (an empty table): ``build --from`` then analyses the
    texts where the pile is, as a local build does."""
    settings = settings or IngestSettings()
    model_id = pipeline_id(load_pipeline(nlp_model))  # a bad model name stops the job before it starts
    report, sc, out = SparkBuildReport(), spark.sparkContext, out.rstrip("/")
    write = _Writer(spark, out)
    write.forget_manifest()  # a job that stops early must not leave an older run's manifest over its tables
    with report.timer("read"):
        found = docs.read_documents(spark, inputs, settings, partitions).persist()
        documents = docs.unique_documents(found).persist()
        write.documents(documents)
        write.rejections(docs.rejections(found))
    with report.timer("prepare"):
        prepared = docs.prepare_documents(documents).persist()
        write.prepared(prepared)
    with report.timer("furniture evidence"):
        recurring = sc.broadcast(docs.recurring_lines(prepared))
    with report.timer("clean"):
        indexed = docs.cleaned_in_order(prepared, recurring, partitions).persist()
        write.articles(indexed)
    with report.timer("reuse"):
        reuse = find_reuse_on_spark(indexed, partitions)
        write.reuse(reuse.links, reuse.families)
    with report.timer("nlp"):
        write.analyses(_analyses(indexed.values(), nlp_model) if analyse else sc.emptyRDD())
    rejected = docs.rejections(found).count()
    counts = {"documents": found.count() - rejected, "unique": documents.count(), "rejected": rejected,
              "articles": reuse.counts["articles"]}
    report.manifest = Manifest(PREPARE_VERSION, CLEANER_VERSION, model_id, reuse.pairs_compared, reuse.counts, counts)
    write.manifest(report.manifest)  # last: its presence says the tables are whole
    return report


def _analyses(articles: RDD[Article], model: str) -> RDD[tuple[str, bytes, int]]:
    """Each distinct text analysed once, the pipeline loaded once per Python worker (``analyse_chunk``)."""
    texts = articles.map(lambda a: (text_key(a.text), a.text)).reduceByKey(lambda a, _: a)

    def analysed(rows: Iterable[tuple[str, str]]) -> Iterator[tuple[str, bytes, int]]:
        iterator = iter(rows)
        while chunk := list(islice(iterator, WORKER_CHUNK)):
            for (key, _), (data, words) in zip(chunk, analyse_chunk([t for _, t in chunk], model), strict=True):
                yield key, data, words

    return texts.mapPartitions(analysed)


class _Writer:
    """Each table written as Parquet under the output folder (replacing a previous run's)."""

    def __init__(self, spark: SparkSession, out: str) -> None:
        self._spark, self._out = spark, out

    def forget_manifest(self) -> None:
        """Delete the manifest of an earlier run in this folder (local or any Hadoop file system)."""
        sc = self._spark.sparkContext
        path = sc._jvm.org.apache.hadoop.fs.Path(f"{self._out}/manifest")  # type: ignore[union-attr, unused-ignore]
        path.getFileSystem(sc._jsc.hadoopConfiguration()).delete(path, True)

    def _write(self, table: str, rows: RDD[Any], schema: str) -> None:
        self._spark.createDataFrame(rows, schema=schema).write.mode("overwrite").parquet(f"{self._out}/{table}")

    def documents(self, documents: RDD[Any]) -> None:
        self._write("documents", documents.map(lambda item: (
            item[0], item[1].source_path, item[1].locator, item[1].format.value, item[1].media_type,
            item[1].encoding, item[1].data, hints_to_json(item[1].hints))),
            "content_hash string, source_path string, locator string, format string, media_type string, "
            "encoding string, data binary, hints string")

    def rejections(self, rejections: RDD[Any]) -> None:
        self._write("rejections", rejections.map(lambda item: (
            item[0][0], item[0][1], item[1].source_path, item[1].locator, item[1].reason, item[1].detail)),
            "file long, position long, source_path string, locator string, reason string, detail string")

    def prepared(self, prepared: RDD[Any]) -> None:
        self._write("prepared", prepared.mapValues(prepared_to_json), "content_hash string, json string")

    def articles(self, indexed: RDD[Any]) -> None:
        import json

        self._write("articles", indexed.map(lambda item: (item[0], item[1].id, json.dumps(
            article_to_dict(item[1]), ensure_ascii=False))), "position long, id string, json string")

    def reuse(self, links: RDD[Any], families: RDD[Any]) -> None:
        import json

        ordered = links.sortByKey().values().zipWithIndex()
        self._write("links", ordered.map(lambda item: (item[1], json.dumps(link_to_dict(item[0]), ensure_ascii=False))),
                    "position long, json string")
        self._write("families", families.map(lambda item: (item[0], json.dumps(family_to_dict(item[1]),
                                                                                 ensure_ascii=False))),
                    "number long, json string")

    def analyses(self, analyses: RDD[Any]) -> None:
        self._write("analyses", analyses, "key string, data binary, words long")

    def manifest(self, manifest: Manifest) -> None:
        rows = self._spark.sparkContext.parallelize([(manifest.to_json(),)], 1)
        self._write("manifest", rows, "json string")


settle_worker()  # the last thing a worker imports with this module (newsdossier.spark.settle_worker)
