"""settle_worker freezes the imports in a Spark Python worker and nowhere else; the build's workers are
forked from newsdossier.spark.daemon, with the modules they run already imported, unless a setting
names another daemon."""

from __future__ import annotations

import gc
import subprocess
import sys
import types
from typing import Any

import pytest

from newsdossier.spark import settle_worker


def test_outside_a_worker_nothing_is_frozen() -> None:
    before = gc.get_freeze_count()
    settle_worker()
    assert gc.get_freeze_count() == before


@pytest.mark.parametrize("entry", ["pyspark.daemon", "pyspark.worker", "newsdossier.spark.daemon"])
def test_in_a_worker_the_heap_is_frozen(entry: str, monkeypatch: pytest.MonkeyPatch) -> None:
    main = types.ModuleType("__main__")
    main.__spec__ = types.SimpleNamespace(name=entry)  # type: ignore[assignment]
    monkeypatch.setitem(sys.modules, "__main__", main)
    try:
        settle_worker()
        assert gc.get_freeze_count() > 10_000  # this process's imports: numpy, spaCy, newsdossier
    finally:
        gc.unfreeze()


def test_the_daemon_imports_what_the_workers_run_without_scikit_learn() -> None:
    # A worker forked from the daemon finds the build's modules imported; they need neither
    # scikit-learn nor spaCy (1.4 s and 1.2 s to import), which the daemon would otherwise pay first.
    code = ("import sys, newsdossier.spark.daemon as d; "
            "print(all(m in sys.modules for m in ('newsdossier.spark.documents', 'newsdossier.spark.reuse', "
            "'newsdossier.nlp.stage', 'newsdossier.records')), 'sklearn' in sys.modules, 'spacy' in sys.modules, "
            "callable(d.manager))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False", "False", "True"]


def test_a_daemon_named_in_the_settings_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsdossier.spark.job import DAEMON_SETTING, _daemon_chosen

    monkeypatch.delenv("PYSPARK_GATEWAY_PORT", raising=False)
    assert not _daemon_chosen(None)
    assert not _daemon_chosen({"spark.driver.memory": "8g"})
    assert _daemon_chosen({DAEMON_SETTING: "mypackage.daemon"})


def test_the_session_forks_workers_from_the_build_daemon(spark: Any) -> None:
    from newsdossier.spark.job import DAEMON_SETTING

    assert spark.sparkContext.getConf().get(DAEMON_SETTING) == "newsdossier.spark.daemon"
    mains = spark.sparkContext.parallelize(range(4), 2).map(lambda _: _main_name()).distinct().collect()
    assert mains == ["newsdossier.spark.daemon"]


def _main_name() -> str | None:
    return getattr(getattr(sys.modules.get("__main__"), "__spec__", None), "name", None)


def test_a_local_session_runs_its_jvm_with_the_client_compiler_only(spark: Any) -> None:
    from newsdossier.spark.job import LOCAL_JVM_OPTIONS

    runtime = spark.sparkContext._jvm.java.lang.management.ManagementFactory.getRuntimeMXBean()
    assert LOCAL_JVM_OPTIONS in list(runtime.getInputArguments())
