"""The Spark build's output: Parquet tables a pile loads (``newsdossier build --from DIR``).

One folder per table, written by Spark (``part-*.parquet``), read here with pyarrow (no Spark needed
to load them; a Hadoop or S3 URI works where pyarrow has that file system):

==============  ====================================================================================
``documents``   the raw documents, one per content hash: content_hash, source_path, locator, format,
                media_type, encoding, data (bytes), hints (JSON)
``prepared``    content_hash, json: the decoded and extracted text (``records.prepared_to_json``)
``articles``    position (the pile's order), id, json (``records.article_to_dict``)
``links``       position (the local build's order), json (``records.link_to_dict``)
``families``    number (1 for ``F1``), json (``records.family_to_dict``)
``analyses``    key (``nlp.stage.text_key``), data (a ``DocBin``), words
``rejections``  file, position, source_path, locator, reason, detail
``manifest``    one row, json: versions, the NLP pipeline's id, counts; written last, so a job that
                did not finish has none and is refused
==============  ====================================================================================
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final

from newsdossier.errors import SparkError
from newsdossier.model import Article, Family, Format, RawDocument, Rejection
from newsdossier.records import article_from_dict, link_from_dict
from newsdossier.reuse import ReuseResult

__all__ = ["SCHEMA", "TABLES", "Manifest", "SparkOutput"]

SCHEMA: Final = "newsdossier/spark-output@1"
TABLES: Final = ("documents", "prepared", "articles", "links", "families", "analyses", "rejections", "manifest")
# Rows handed to the pile per batch while loading (the pile writes 500 per transaction).
BATCH_ROWS: Final = 2048


@dataclass(frozen=True, slots=True)
class Manifest:
    """What the job wrote: the versions its tables depend on and what it counted."""

    prepare_version: str
    cleaner_version: str
    nlp_model: str  # the pipeline's id (nlp.pipeline_id)
    pairs_compared: int
    reuse_counts: dict[str, int]
    counts: dict[str, int]

    def to_json(self) -> str:
        return json.dumps({"schema": SCHEMA, "prepare_version": self.prepare_version,
                           "cleaner_version": self.cleaner_version, "nlp_model": self.nlp_model,
                           "pairs_compared": self.pairs_compared, "reuse_counts": self.reuse_counts,
                           "counts": self.counts}, sort_keys=True)

    @staticmethod
    def from_json(text: str, where: str) -> Manifest:
        try:
            data = json.loads(text)
            schema = data.get("schema")
        except (TypeError, ValueError, AttributeError) as error:
            raise SparkError(f"{where}: its manifest is not a JSON object ({error})") from error
        if schema != SCHEMA:
            raise SparkError(f"{where}: not a newsdossier Spark output of this version ({schema!r}, "
                             f"expected {SCHEMA!r}); run `newsdossier spark build` again")
        try:
            return Manifest(str(data["prepare_version"]), str(data["cleaner_version"]), str(data["nlp_model"]),
                            int(data["pairs_compared"]), dict(data["reuse_counts"]), dict(data["counts"]))
        except (KeyError, TypeError, ValueError) as error:
            raise SparkError(f"{where}: its manifest lacks or mangles {error}; run `newsdossier spark build` "
                             "again") from error


def _pyarrow() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError as error:
        raise SparkError("loading a Spark build needs pyarrow: pip install 'newsdossier[spark]' "
                         f"[{error}]") from error
    return pq


class SparkOutput:
    """A finished Spark build's tables, read table by table, in the pile's order."""

    def __init__(self, folder: str) -> None:
        self.folder = folder.rstrip("/")
        pq = _pyarrow()
        try:
            rows = pq.read_table(self._path("manifest")).column("json").to_pylist()
        except (OSError, ValueError) as error:
            raise SparkError(f"{self.folder}: no finished Spark build here (its manifest table cannot be read: "
                             f"{error}); a job that stopped early writes none, so run it again") from error
        if len(rows) != 1:
            raise SparkError(f"{self.folder}: the manifest holds {len(rows)} rows instead of one")
        self.manifest = Manifest.from_json(rows[0], self.folder)

    def _path(self, table: str) -> str:
        return f"{self.folder}/{table}"

    def _batches(self, table: str, columns: list[str], *, order: Any = None) -> Iterator[list[dict[str, Any]]]:
        pq = _pyarrow()
        try:
            data = pq.read_table(self._path(table), columns=columns)
        except (OSError, ValueError) as error:
            raise SparkError(f"{self.folder}: table {table} cannot be read: {error}") from error
        if order is not None:
            data = data.sort_by(order)
        for batch in data.to_batches(max_chunksize=BATCH_ROWS):
            yield batch.to_pylist()

    def documents(self) -> Iterator[RawDocument]:
        for rows in self._batches("documents", ["source_path", "locator", "format", "media_type", "encoding",
                                                "data", "hints"]):
            for row in rows:
                yield _document(row)

    def prepared(self) -> Iterator[list[tuple[str, str]]]:
        for rows in self._batches("prepared", ["content_hash", "json"]):
            yield [(row["content_hash"], row["json"]) for row in rows]

    def articles(self) -> list[Article]:
        return [article_from_dict(json.loads(row["json"]))
                for rows in self._batches("articles", ["position", "json"], order="position") for row in rows]

    def reuse(self) -> ReuseResult:
        links = tuple(link_from_dict(json.loads(row["json"]))
                      for rows in self._batches("links", ["position", "json"], order="position") for row in rows)
        families = []
        for rows in self._batches("families", ["number", "json"], order="number"):
            for row in rows:
                data = json.loads(row["json"])
                families.append(Family(data["id"], data["origin"], tuple(data["articles"])))
        return ReuseResult(links, tuple(families), self.manifest.pairs_compared, dict(self.manifest.reuse_counts))

    def analyses(self) -> Iterator[list[tuple[str, bytes]]]:
        for rows in self._batches("analyses", ["key", "data"]):
            yield [(row["key"], row["data"]) for row in rows]

    def rejections(self) -> list[Rejection]:
        return [Rejection(row["source_path"], row["locator"], row["reason"], row["detail"])
                for rows in self._batches("rejections", ["file", "position", "source_path", "locator", "reason",
                                                         "detail"], order=[("file", "ascending"),
                                                                           ("position", "ascending")])
                for row in rows]


def _document(row: dict[str, Any]) -> RawDocument:
    from newsdossier.store import hints_from_json

    data = bytes(row["data"])
    return RawDocument(source_path=row["source_path"], locator=row["locator"], format=Format(row["format"]),
                       media_type=row["media_type"], data=data, encoding=row["encoding"],
                       text=data.decode(row["encoding"]), hints=hints_from_json(row["hints"]))
