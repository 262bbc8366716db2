"""Loading a Spark build's tables (``build --from``) refuses what is not a whole, current, loadable output,
and leaves the pile it was pointed at as it was. No Spark needed: the tables are written with pyarrow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdossier.clean import CLEANER_VERSION
from newsdossier.cli import EXIT_FAILED, EXIT_USAGE, main
from newsdossier.errors import SparkError
from newsdossier.pipeline import build_from, ingest
from newsdossier.spark.tables import SCHEMA, SparkOutput
from newsdossier.steps import PREPARE_VERSION
from newsdossier.store import Store

pa = pytest.importorskip("pyarrow", reason="needs pyarrow (the [spark] or [test] extra)")
pq = pytest.importorskip("pyarrow.parquet")

REPO = Path(__file__).resolve().parents[2]


def _manifest(folder: Path, *rows: dict[str, object]) -> None:
    (folder / "manifest").mkdir(parents=True)
    pq.write_table(pa.table({"json": [json.dumps(row) for row in rows]}), folder / "manifest" / "part-00000.parquet")


def _current(**changed: object) -> dict[str, object]:
    return {"schema": SCHEMA, "prepare_version": PREPARE_VERSION, "cleaner_version": CLEANER_VERSION,
            "nlp_model": "x", "pairs_compared": 0, "reuse_counts": {}, "counts": {}, **changed}


def test_a_folder_without_a_manifest_is_no_finished_build(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()  # a job that stopped after writing some tables
    with pytest.raises(SparkError, match="no finished Spark build"):
        SparkOutput(str(tmp_path))


def test_another_schema_is_refused_by_name(tmp_path: Path) -> None:
    _manifest(tmp_path, _current(schema="newsdossier/spark-output@0"))
    with pytest.raises(SparkError, match="spark-output@0"):
        SparkOutput(str(tmp_path))


@pytest.mark.parametrize(("row", "says"), [({"schema": SCHEMA}, "prepare_version"), ([1, 2], "not a JSON object")])
def test_a_mangled_manifest_is_refused_with_the_reason(tmp_path: Path, row: object, says: str) -> None:
    (tmp_path / "manifest").mkdir()
    pq.write_table(pa.table({"json": [json.dumps(row)]}), tmp_path / "manifest" / "part-00000.parquet")
    with pytest.raises(SparkError, match=says):
        SparkOutput(str(tmp_path))


def test_a_manifest_of_two_rows_is_refused(tmp_path: Path) -> None:
    _manifest(tmp_path, _current(), _current())
    with pytest.raises(SparkError, match="2 rows"):
        SparkOutput(str(tmp_path))


def test_a_current_manifest_is_read(tmp_path: Path) -> None:
    _manifest(tmp_path, _current(pairs_compared=7, counts={"articles": 3}))
    made = SparkOutput(str(tmp_path)).manifest
    assert (made.pairs_compared, made.counts, made.cleaner_version) == (7, {"articles": 3}, CLEANER_VERSION)


def test_another_cleaner_version_is_refused_before_anything_is_loaded(tmp_path: Path) -> None:
    _manifest(tmp_path / "tables", _current(cleaner_version="0-old"))
    with pytest.raises(SparkError, match="another version of newsdossier"):
        build_from(str(tmp_path / "tables"), db=tmp_path / "pile.db", out=tmp_path / "out")
    with Store.open(tmp_path / "pile.db") as store:
        assert store.document_count() == 0
    assert not (tmp_path / "out").exists()


def test_a_pile_with_documents_is_refused_and_kept(tmp_path: Path) -> None:
    _manifest(tmp_path / "tables", _current())
    db = tmp_path / "pile.db"
    ingest([REPO / "demo" / "pile"], db=db)
    with Store.open(db) as store:
        before = store.document_count()
    assert before == 5
    with pytest.raises(SparkError, match="holds documents already"):
        build_from(str(tmp_path / "tables"), db=db, out=tmp_path / "out")
    with Store.open(db) as store:
        assert store.document_count() == before


def test_the_command_line_says_why_with_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build", "--from", str(tmp_path), "--db", str(tmp_path / "pile.db"), "--out", str(tmp_path / "out"),
                 "--quiet"])
    assert code == EXIT_FAILED
    assert "no finished Spark build" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["build"], ["build", "demo/pile", "--from", "tables"]])
def test_build_takes_inputs_or_from_not_both(argv: list[str], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*argv, "--db", str(tmp_path / "pile.db"), "--quiet"]) == EXIT_USAGE
    assert "--from DIR" in capsys.readouterr().err
    assert not (tmp_path / "pile.db").exists()


def test_spark_build_refuses_zero_partitions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyspark", reason="needs the [spark] extra")
    code = main(["spark", "build", "demo/pile", "--out", str(tmp_path / "tables"), "--partitions", "0"])
    assert code == EXIT_USAGE
    assert "--partitions" in capsys.readouterr().err


def test_spark_build_refuses_a_conf_without_a_value(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyspark", reason="needs the [spark] extra")
    code = main(["spark", "build", "demo/pile", "--out", str(tmp_path / "tables"), "--conf", "spark.driver.memory"])
    assert code == EXIT_USAGE
    assert "KEY=VALUE" in capsys.readouterr().err
    assert not (tmp_path / "tables").exists()
