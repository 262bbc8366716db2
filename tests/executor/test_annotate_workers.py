"""The annotate pass in worker processes (issue #23's speed goal, "on 2 cores"): the same actors, quotes,
time expressions, event mentions and places as in one process, read in the workers, with the pile's order."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path
from typing import Any

import pytest

from newsdossier import steps
from newsdossier.cli import EXIT_OK, main
from newsdossier.executor import LocalExecutor
from newsdossier.nlp import BUNDLED, load_pipeline, pipeline_id
from newsdossier.processes import fork_context
from newsdossier.store import Store

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "demo" / "pile"


def _annotated(db: Path, **how: Any) -> tuple[list[str], str]:
    with Store.open(db) as store:
        articles = steps.pile_articles(store)
        reuse = steps.reuse_pile(store, articles)
        entities, found = steps.annotate_pile(store, articles, reuse, BUNDLED, pipeline_id(load_pipeline(BUNDLED)),
                                              **how)
    return [repr(e) for e in entities], repr(found)


@pytest.mark.skipif(fork_context() is None, reason="workers that share the loaded tables need Linux's fork")
def test_workers_read_the_pile_as_one_process_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "pile.db"
    assert main(["build", str(DEMO), "--db", str(db), "--out", str(tmp_path / "out"), "--quiet"]) == EXIT_OK
    alone = _annotated(db, workers=1)
    pools: list[int] = []

    class Counted(LocalExecutor):
        def map(self, kernel: Any, tasks: Any, **how: Any) -> Any:
            pools.append(self.workers)
            return super().map(kernel, tasks, **how)

    monkeypatch.setattr(steps, "LocalExecutor", Counted)
    # an earlier test's threads (the browser tests' driver, AnyIO's workers) would rightly stop the fork in this
    # test process; what is compared here is what the workers read, so they fork whatever else runs
    monkeypatch.setattr(steps, "fork_context", lambda: multiprocessing.get_context("fork"))
    together = _annotated(db, workers=2, batch_size=1)  # the first article here, the other four in two workers
    assert pools == [2]
    assert together == alone
    entities, found = alone
    assert len(entities) > 10 and "Soleimani" in found and len(found) > 10_000  # something was read


def test_a_process_running_threads_does_not_fork() -> None:
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert fork_context() is None
        assert steps.annotate_workers(10_000, cpus=2) == 1
    finally:
        release.set()
        thread.join()
    if fork_context() is not None:
        assert steps.annotate_workers(10_000, cpus=2) == 2
        assert steps.annotate_workers(10, cpus=2) == 1  # a small pile is read here
