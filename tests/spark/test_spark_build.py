"""The Spark build gives what the local build gives (issue #27): the same articles, reuse links, relations
and families in the same order, and, loaded with ``build --from``, the same dossier."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsdossier import steps
from newsdossier.pipeline import build, build_from
from newsdossier.records import article_to_dict, family_to_dict, link_to_dict
from newsdossier.reuse import ReuseResult, find_reuse
from newsdossier.spark import reuse as spark_reuse
from newsdossier.spark.job import spark_build
from newsdossier.spark.tables import SparkOutput
from newsdossier.store import Store

REPO = Path(__file__).resolve().parents[2]
DEMO_PILE = REPO / "demo" / "pile"

BBC_ARTICLES = 2000  # the pile: 2,000 BBC articles plus the synthetic reuse pile


def _local(inputs: list[str | Path], db: Path) -> tuple[list[dict[str, Any]], ReuseResult]:
    """The local build's articles and reuse, without its NLP (the steps pipeline.build runs first)."""
    with Store.open(db) as store:
        steps.ingest_into(store, store.start_run("build"), inputs)
        steps.prepare_pile(store)
        cleaned, _ = steps.clean_pile(store, steps.fit_recurring(store))
        articles = steps.store_articles(store, cleaned)
        return [article_to_dict(a) for a in articles], find_reuse(articles)


def _same(local: ReuseResult, tables: SparkOutput) -> None:
    spark = tables.reuse()
    assert [link_to_dict(link) for link in spark.links] == [link_to_dict(link) for link in local.links]
    assert [family_to_dict(f) for f in spark.families] == [family_to_dict(f) for f in local.families]
    assert (spark.pairs_compared, spark.counts) == (local.pairs_compared, local.counts)


def test_the_demo_piles_dossier_is_the_local_builds(spark: Any, tmp_path: Path) -> None:
    report = spark_build(spark, [str(DEMO_PILE)], str(tmp_path / "tables"), partitions=4)
    assert report.manifest is not None and report.manifest.counts["articles"] == 5
    loaded = build_from(str(tmp_path / "tables"), db=tmp_path / "spark.db", out=tmp_path / "spark")
    assert loaded.nlp is not None and (loaded.nlp.analysed, loaded.nlp.cached) == (0, 5)  # analysed on Spark
    build([DEMO_PILE], db=tmp_path / "local.db", out=tmp_path / "local")
    from_spark = json.loads((tmp_path / "spark" / "dossier.json").read_text())
    local = json.loads((tmp_path / "local" / "dossier.json").read_text())
    assert from_spark["reuse"] and from_spark["entities"] and from_spark["events"]
    assert from_spark == local


@pytest.mark.parametrize("one_task_articles", [spark_reuse.ONE_TASK_ARTICLES, 0], ids=["components in one task", "in rounds"])
def test_more_partitions_than_cores_change_nothing(spark: Any, tmp_path: Path, one_task_articles: int,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # A larger run simulated: 24 partitions on 2 cores; every shuffle and join is split many ways. With
    # the one-task limit at 0, near-duplicate groups and families are found in rounds of joins, as for
    # a pile over the limit.
    monkeypatch.setattr(spark_reuse, "ONE_TASK_ARTICLES", one_task_articles)
    spark_build(spark, [str(DEMO_PILE)], str(tmp_path / "tables"), partitions=24, analyse=False)
    articles, reuse = _local([DEMO_PILE], tmp_path / "local.db")
    tables = SparkOutput(str(tmp_path / "tables"))
    assert [article_to_dict(a) for a in tables.articles()] == articles
    _same(reuse, tables)
    assert not [row for batch in tables.analyses() for row in batch]  # analyse=False: left to build --from


@pytest.mark.quality
def test_bbc_and_the_synthetic_reuse_pile_give_the_local_links_and_families(
        spark: Any, datasets_dir: Path, tmp_path: Path) -> None:
    bbc = sorted((datasets_dir / "bbc_news_raw" / "bbc").glob("*/*.txt"))[:BBC_ARTICLES]
    if len(bbc) < BBC_ARTICLES:
        pytest.skip(f"needs {BBC_ARTICLES} BBC articles in {datasets_dir / 'bbc_news_raw'}")
    synthetic = tmp_path / "synthetic.jsonl"
    subprocess.run([sys.executable, str(REPO / "bench" / "reuse_synthetic.py"), "generate", "--seed", "1",
                    "--originals", "200", "--data", str(datasets_dir / "bbc_news_raw" / "bbc"), "--out", str(synthetic)],
                   check=True, capture_output=True)
    inputs: list[str | Path] = [*bbc, synthetic]
    spark_build(spark, [str(path) for path in inputs], str(tmp_path / "tables"), partitions=4, analyse=False)
    articles, reuse = _local(inputs, tmp_path / "local.db")
    tables = SparkOutput(str(tmp_path / "tables"))
    assert len(articles) > 4500 and len(reuse.links) > 2000 and len(reuse.families) > 1500
    assert {link.relation.value for link in reuse.links} >= {"verbatim", "syndicated", "excerpt", "spun_rewrite"}
    assert [article_to_dict(a) for a in tables.articles()] == articles
    _same(reuse, tables)
