"""``newsdossier export``: one kind of record of a built pile as a flat table, in CSV, JSON Lines or Parquet.

The tables are the pile's flat SQL views (migration 12 in :mod:`newsdossier.store.schema`), the same
ones datasette shows with facets: one row per event, quote, actor, article, reuse link or place, and
the link tables (an actor's mentions, a story's articles). Lists are joined with "; "; offsets are
into the article's cleaned text; dossier.json keeps every nested detail. CSV and JSON Lines stream
to a file or standard output; Parquet (``pip install 'newsdossier[export]'``, pyarrow) needs a file.

A spreadsheet opening a CSV runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and a
scraped headline can be ``=HYPERLINK("http://evil/", "Click")`` (issue #26). So a CSV text cell that starts with
one of those, a tab or a carriage return gets a leading ``'``, as OWASP's "CSV Injection" page advises:
spreadsheets show it as text. Numbers are left alone; JSON Lines and Parquet keep every value exactly.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final, TextIO

from newsdossier.errors import ConfigError
from newsdossier.store.pile import Pile

__all__ = ["FORMATS", "FORMULA_STARTS", "TABLES", "csv_cell", "export"]

# what --what names -> the pile's flat view (newsdossier.store.pile.FLAT_VIEWS)
TABLES: Final = {"events": "events_flat", "quotes": "quotes_flat", "entities": "entities_flat",
                 "articles": "articles_flat", "reuse": "reuse_flat", "places": "places_flat",
                 "entity-mentions": "entity_mentions", "event-actors": "event_actors",
                 "story-articles": "story_articles", "family-articles": "family_articles",
                 "rejections": "rejections_flat"}
FORMATS: Final = ("csv", "jsonl", "parquet")
# What starts a formula in Excel, LibreOffice or Google Sheets (OWASP, "CSV Injection").
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """``value`` as a CSV cell a spreadsheet will not run: text starting a formula gets a leading "'"."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def _write_csv(columns: list[str], rows: Iterator[tuple[Any, ...]], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow([csv_cell(column) for column in columns])
    count = 0
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
        count += 1
    return count


def _write_jsonl(columns: list[str], rows: Iterator[tuple[Any, ...]], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_parquet(columns: list[str], rows: Iterator[tuple[Any, ...]], path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise ConfigError("Parquet needs pyarrow: pip install 'newsdossier[export]'") from error
    data = list(rows)
    table = pa.table({name: [row[i] for row in data] for i, name in enumerate(columns)})
    pq.write_table(table, path)
    return len(data)


def export(pile: Pile, what: str, fmt: str, out: Path | None = None) -> int:
    """Write ``what`` (a key of :data:`TABLES`) in ``fmt`` to ``out`` (None: standard output, not for
    Parquet); returns how many rows. A file is written under a temporary name and renamed when whole."""
    if what not in TABLES:
        raise ConfigError(f"cannot export {what!r}; choose one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise ConfigError(f"no format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet" and out is None:
        raise ConfigError("Parquet is binary: give --out FILE")
    columns, rows = pile.table(TABLES[what])
    if out is None:
        return (_write_csv if fmt == "csv" else _write_jsonl)(columns, rows, sys.stdout)
    temporary = out.with_name(out.name + ".tmp")
    try:
        if fmt == "parquet":
            count = _write_parquet(columns, rows, temporary)
        else:
            with temporary.open("w", encoding="utf-8", newline="") as stream:
                count = (_write_csv if fmt == "csv" else _write_jsonl)(columns, rows, stream)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    temporary.replace(out)
    return count
