"""Worker processes on every platform (issue #25: builds crashed on macOS, which has no sched_getaffinity)."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from newsdossier import processes
from newsdossier.nlp.stage import worker_count


def test_cpus_without_an_affinity_call(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert processes.usable_cpus() == 8
    assert worker_count(1000) == 4  # capped
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert processes.usable_cpus() == 1 and worker_count(1000) == 1


def test_a_platform_without_forkserver_spawns(monkeypatch: pytest.MonkeyPatch) -> None:
    assert processes.process_context().get_start_method() in ("forkserver", "spawn")
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert processes.process_context().get_start_method() == "spawn"
