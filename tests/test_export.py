"""newsdossier export and the pile's flat views (issue #25): every table in CSV, JSON Lines and Parquet
with the dossier's counts, and datasette (its Python API, no server) finding the facets and the
articles' full-text index."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

import newsdossier
from newsdossier.errors import ConfigError
from newsdossier.export import TABLES, export


def _rows(demo_dossier: dict[str, Any], what: str) -> int:
    simple = {"events": "events", "quotes": "quotes", "entities": "entities", "articles": "articles",
              "reuse": "reuse", "places": "places"}
    if what in simple:
        return len(demo_dossier[simple[what]])
    if what == "entity-mentions":
        return sum(len(e["mentions"]) for e in demo_dossier["entities"])
    if what == "event-actors":
        return sum(len(e["actors"]) + len(e["targets"]) for e in demo_dossier["events"])
    if what == "rejections":
        return len(demo_dossier["rejected_inputs"])
    if what == "story-articles":
        return sum(len(s["articles"]) for s in demo_dossier["stories"])
    return sum(len(f["articles"]) for f in demo_dossier["families"])


@pytest.mark.parametrize("what", list(TABLES))
def test_every_table_in_csv_and_jsonl(demo_build: Path, demo_dossier: dict[str, Any], tmp_path: Path, what: str) -> None:
    with newsdossier.open(demo_build / "p.db") as pile:
        assert export(pile, what, "csv", tmp_path / "t.csv") == _rows(demo_dossier, what)
        assert export(pile, what, "jsonl", tmp_path / "t.jsonl") == _rows(demo_dossier, what)
    with (tmp_path / "t.csv").open(encoding="utf-8", newline="") as stream:
        table = list(csv.DictReader(stream))
    lines = [json.loads(line) for line in (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(table) == len(lines) == _rows(demo_dossier, what)
    assert not list(tmp_path.glob("*.tmp"))


def test_the_flat_rows_carry_the_dossiers_values(demo_build: Path, demo_dossier: dict[str, Any], tmp_path: Path) -> None:
    with newsdossier.open(demo_build / "p.db") as pile:
        export(pile, "events", "jsonl", tmp_path / "e.jsonl")
        export(pile, "articles", "jsonl", tmp_path / "a.jsonl")
    events = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text("utf-8").splitlines()]
    for row, event in zip(events, demo_dossier["events"], strict=True):
        assert (row["id"], row["type"], row["date"], row["summary"]) == (event["id"], event["type"], event["date"],
                                                                          event["summary"])
        assert row["actors"] == ("; ".join(event["actor_names"]) or None)
        assert row["place"] == (event["place"] or {}).get("name")
    articles = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text("utf-8").splitlines()]
    story_of = {a: s["id"] for s in demo_dossier["stories"] for a in s["articles"]}
    assert [(a["id"], a["story"], a["text"]) for a in articles] == [
        (a["id"], story_of.get(a["id"]), a["text"]) for a in demo_dossier["articles"]]


def test_parquet_and_standard_output(demo_build: Path, demo_dossier: dict[str, Any], tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from newsdossier.cli import main

    assert main(["export", "--db", str(demo_build / "p.db"), "--what", "quotes", "--format", "parquet",
                 "--out", str(tmp_path / "q.parquet")]) == 0
    table = pq.read_table(tmp_path / "q.parquet")
    assert table.num_rows == len(demo_dossier["quotes"])
    assert table.column("text").to_pylist() == [q["text"] for q in demo_dossier["quotes"]]
    capsys.readouterr()
    assert main(["export", "--db", str(demo_build / "p.db"), "--what", "reuse"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:3] == ["source", "target", "relation"] and len(rows) == 1 + len(demo_dossier["reuse"])
    assert main(["export", "--db", str(demo_build / "p.db"), "--what", "quotes", "--format", "parquet"]) == 1
    assert "give --out FILE" in capsys.readouterr().err
    with newsdossier.open(demo_build / "p.db") as pile, pytest.raises(ConfigError, match="cannot export"):
        export(pile, "secrets", "csv")


def test_datasette_sees_facets_and_the_articles_search(demo_build: Path, demo_dossier: dict[str, Any]) -> None:
    app = pytest.importorskip("datasette.app")

    async def ask() -> tuple[Any, Any, Any]:
        datasette = app.Datasette(files=[str(demo_build / "p.db")])
        await datasette.invoke_startup()
        facets = (await datasette.client.get("/p/events_flat.json?_facet=type&_shape=objects")).json()
        searched = (await datasette.client.get("/p/articles.json?_search=Baghdad&_shape=objects")).json()
        mentions = (await datasette.client.get("/p/entity_mentions.json?_facet=type&_shape=objects")).json()
        return facets, searched, mentions

    facets, searched, mentions = asyncio.run(ask())
    counted = {f["value"]: f["count"] for f in facets["facet_results"]["type"]["results"]}
    assert counted == {t: sum(e["type"] == t for e in demo_dossier["events"]) for t in counted} and counted
    assert searched["rows"] and all("Baghdad" in row["text"] for row in searched["rows"])
    assert {f["value"] for f in mentions["facet_results"]["type"]["results"]} <= {"PER", "ORG", "LOC", "MISC"}


def test_every_rejection_of_every_run_is_exported(tmp_path: Path) -> None:
    from newsdossier.cli import EXIT_REJECTED, main

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(25):  # more than the command line lists
        (folder / f"bad-{n:02}.json").write_text("{not json", encoding="utf-8")
    assert main(["ingest", str(folder), "--db", str(tmp_path / "p.db"), "--quiet"]) == EXIT_REJECTED
    with newsdossier.open(tmp_path / "p.db") as pile:
        assert export(pile, "rejections", "jsonl", tmp_path / "r.jsonl") == 25
    rows = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text("utf-8").splitlines()]
    assert {(r["command"], r["reason"]) for r in rows} == {("ingest", "malformed-json")}
    assert sorted(Path(r["source_path"]).name for r in rows) == [f"bad-{n:02}.json" for n in range(25)]
