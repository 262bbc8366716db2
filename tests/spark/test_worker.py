"""settle_worker freezes the imports in a Spark Python worker and nowhere else."""

from __future__ import annotations

import gc
import sys
import types

import pytest

from newsdossier.spark import settle_worker


def test_outside_a_worker_nothing_is_frozen() -> None:
    before = gc.get_freeze_count()
    settle_worker()
    assert gc.get_freeze_count() == before


@pytest.mark.parametrize("entry", ["pyspark.daemon", "pyspark.worker"])
def test_in_a_worker_the_heap_is_frozen(entry: str, monkeypatch: pytest.MonkeyPatch) -> None:
    main = types.ModuleType("__main__")
    main.__spec__ = types.SimpleNamespace(name=entry)  # type: ignore[assignment]
    monkeypatch.setitem(sys.modules, "__main__", main)
    try:
        settle_worker()
        assert gc.get_freeze_count() > 10_000  # this process's imports: numpy, spaCy, newsdossier
    finally:
        gc.unfreeze()
