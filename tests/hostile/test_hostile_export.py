"""Exports of a hostile pile (issue #26): in CSV, no text cell starts a spreadsheet formula (a leading "'" as OWASP
advises), numbers stay numbers; JSON Lines and Parquet keep every value exactly."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from hostile_pile import TITLES, HostileBuild

from newsdossier.cli import main
from newsdossier.export import FORMULA_STARTS, csv_cell


def _export(hostile: HostileBuild, what: str, fmt: str, out: Path) -> Path:
    assert main(["export", "--db", str(hostile.db), "--what", what, "--format", fmt, "--out", str(out)]) == 0
    return out


@pytest.mark.parametrize("what", ["articles", "quotes", "entities", "events", "places", "reuse", "entity-mentions"])
def test_no_csv_cell_starts_a_formula(hostile: HostileBuild, tmp_path: Path, what: str) -> None:
    with _export(hostile, what, "csv", tmp_path / "t.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert len(rows) > 1
    cells = [cell for row in rows for cell in row]
    started = [cell for cell in cells if cell.startswith(FORMULA_STARTS) and not _number(cell)]
    assert not started, started[:5]


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_hostile_articles_read_back_guarded_and_exact(hostile: HostileBuild, tmp_path: Path) -> None:
    with _export(hostile, "articles", "csv", tmp_path / "a.csv").open(encoding="utf-8", newline="") as stream:
        table = {row["id"]: row for row in csv.DictReader(stream)}
    lines = [json.loads(line) for line in
             _export(hostile, "articles", "jsonl", tmp_path / "a.jsonl").read_text("utf-8").splitlines()]
    exact = {row["id"]: row for row in lines}
    formula, image = hostile.article("formula"), hostile.article("image")
    assert table[formula["id"]]["title"] == "'" + TITLES["formula"] and exact[formula["id"]]["title"] == TITLES["formula"]
    assert table[image["id"]]["title"] == "'" + TITLES["image"] and exact[image["id"]]["title"] == TITLES["image"]
    assert table[image["id"]]["outlet"] == "'-Minus Post" and exact[image["id"]]["outlet"] == "-Minus Post"
    assert table[formula["id"]]["title"][1:] == exact[formula["id"]]["title"]  # the guard is one "'", nothing else


def test_parquet_keeps_the_exact_values(hostile: HostileBuild, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(_export(hostile, "articles", "parquet", tmp_path / "a.parquet"))
    assert set(table.column("title").to_pylist()) == {a["title"] for a in hostile.dossier["articles"]}


@pytest.mark.parametrize(("value", "expected"), [
    ("=1+1", "'=1+1"), ("+44 20", "'+44 20"), ("-Minus", "'-Minus"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTab", "'\tTab"), ("\rReturn", "'\rReturn"), ("Mayor = 1", "Mayor = 1"), ("", ""),
    (-3, -3), (-2.5, -2.5), (None, None),
])
def test_csv_cell(value: Any, expected: Any) -> None:
    assert csv_cell(value) == expected
