"""The build's per-document and per-pair work on Apache Spark (extra ``[spark]``), for piles one machine
cannot take in time.

``newsdossier spark build INPUT... --out DIR`` (or ``spark-submit`` of ``newsdossier/spark/__main__.py``)
runs, on any Spark cluster or in local mode:

* ingest and cleaning per document (the furniture evidence counted by the engine);
* reuse: fingerprints per document, candidate pairs by band keys, rare words and long sentences
  grouped by the engine, alignment of the candidate pairs, near-duplicate groups and source families
  as connected components;
* the NLP analysis of every distinct text, the pipeline loaded once per executor;

with the very kernels the local build calls (:mod:`newsdossier.executor`), and writes Parquet tables
(:mod:`newsdossier.spark.tables`). ``newsdossier build --from DIR`` loads them into a pile, where the
pile-wide resolvers (stories, actors, quote groups, events, places) run: the pile is the one a local
build of the same inputs makes.

Nothing here imports pyspark at import time; :func:`require_pyspark` says what to install.
"""

from __future__ import annotations

import gc
import sys

from newsdossier.errors import SparkError

__all__ = ["require_pyspark", "settle_worker"]


def require_pyspark() -> None:
    """Raise :class:`~newsdossier.errors.SparkError`, saying what to install, unless pyspark can be imported."""
    try:
        import pyspark  # noqa: F401
    except ImportError as error:
        raise SparkError("the Spark build needs PySpark: pip install 'newsdossier[spark]' "
                               f"(and Java 17 or newer on the PATH) [{error}]") from error


def settle_worker() -> None:
    """In a Spark Python worker, move what the imports made (numpy, scikit-learn, spaCy: some 150,000
    objects that live as long as the worker) out of the garbage collector's sight (``gc.freeze``).

    Spark runs many short tasks in each worker, and every full collection walked those objects again:
    a join of 2,000 numbers took 2.8 s once the workers had imported newsdossier and 1.4 s after this
    (docs/benchmarks.md, "Spark build"). Called at the end of the modules whose functions the workers
    run, so it runs when a worker first imports them; elsewhere (the driver, a test) it does nothing."""
    main = getattr(sys.modules.get("__main__"), "__spec__", None)
    if getattr(main, "name", None) in ("pyspark.daemon", "pyspark.worker", "newsdossier.spark.daemon"):
        gc.freeze()
