"""Whether a Spark build's reuse tables are the local build's, element by element (issue #27), on a
pile too large for the equality tests: ``find_reuse`` on the articles a local build stored, against
``SparkOutput(TABLES).reuse()``.

Usage (after ``bench/spark_scale.py``, which leaves both behind under its ``--work`` folder):
    .venv/bin/python bench/spark_equality.py --db /tmp/spark-scale/local.db --tables /tmp/spark-scale/tables [--json]

Prints the counts of each side and whether the links, the families and the counts are equal; exits 1
when any is not.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True, help="the local build's pile (SQLite)")
    parser.add_argument("--tables", required=True, help="the Spark build's output folder")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from newsdossier.records import family_to_dict, link_to_dict
    from newsdossier.reuse import find_reuse
    from newsdossier.spark.tables import SparkOutput
    from newsdossier.store import Store

    started = time.perf_counter()
    with Store.open(args.db) as store:
        articles = list(store.iter_articles())
    local = find_reuse(articles)
    spark = SparkOutput(args.tables).reuse()
    result = {
        "articles": len(articles),
        "links": [len(spark.links), len(local.links)],
        "families": [len(spark.families), len(local.families)],
        "links_equal": [link_to_dict(x) for x in spark.links] == [link_to_dict(x) for x in local.links],
        "families_equal": [family_to_dict(x) for x in spark.families] == [family_to_dict(x) for x in local.families],
        "counts_equal": (spark.pairs_compared, spark.counts) == (local.pairs_compared, local.counts),
        "pairs_compared": [spark.pairs_compared, local.pairs_compared],
        "counts": [spark.counts, local.counts],
        "seconds": round(time.perf_counter() - started, 1),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key}: {value}  (spark, local)" if isinstance(value, list) else f"{key}: {value}")
    return 0 if result["links_equal"] and result["families_equal"] and result["counts_equal"] else 1


if __name__ == "__main__":  # the local build's pools start processes that import this file
    sys.exit(main())
