"""Spark's Python daemon (``spark.python.daemon.module``) with the build's worker modules imported
before it forks a worker.

PySpark starts one daemon per executor and forks a fresh Python worker from it whenever a task needs
one that is not idle. Each worker of ``pyspark.daemon`` imports what the build's functions need
(numpy, scikit-learn, spaCy, newsdossier: 3 to 4 s on one core) the first time it runs one of them, and
a job starts several workers per executor. Forked from this daemon, a worker inherits those modules
already imported, as the local build's process pools inherit theirs from their fork server
(:class:`newsdossier.executor.LocalExecutor`); :func:`newsdossier.spark.session` names this module.

The imports are numpy, SciPy and newsdossier's own modules, which the local pools' fork server also
imports before it forks; spaCy and scikit-learn are not among them.
"""

from __future__ import annotations

import gc

# What the build's tasks run: ingest and cleaning, reuse, the NLP stage and the tables' rows.
import newsdossier.nlp.stage  # noqa: F401
import newsdossier.records  # noqa: F401
import newsdossier.spark.documents  # noqa: F401
import newsdossier.spark.reuse  # noqa: F401
from pyspark.daemon import manager

__all__ = ["manager"]

if __name__ == "__main__":
    gc.freeze()  # the rest of what the imports made (settle_worker froze what came before it)
    manager()
