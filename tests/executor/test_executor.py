"""The executor seam: kernels see the same results whoever runs them, and make their state once per process."""

from __future__ import annotations

import os
from collections.abc import Iterator

from newsdossier.executor import LocalExecutor, worker_state


def _square(n: int) -> int:
    return n * n


def _made_here(_: int) -> tuple[int, int]:
    """(this process, the id of the object worker_state made for it): equal ids within a process show it is made once."""
    return os.getpid(), id(worker_state("tests.made", object))


def _seeded(_: int) -> str:
    return worker_state("tests.seed", lambda: "made in the worker")


def test_in_process_and_pool_give_the_same_results_in_task_order() -> None:
    tasks = range(200)
    with LocalExecutor(1) as alone, LocalExecutor(2) as pool:
        assert list(alone.map(_square, tasks)) == list(pool.map(_square, tasks, chunksize=7)) == [n * n for n in tasks]


def test_state_is_made_once_per_process() -> None:
    with LocalExecutor(2) as pool:
        seen = list(pool.map(_made_here, range(64), chunksize=1))
    by_process: dict[int, set[int]] = {}
    for pid, made in seen:
        by_process.setdefault(pid, set()).add(made)
    assert os.getpid() not in by_process  # the work ran in the workers
    assert all(len(made) == 1 for made in by_process.values())


def test_seeded_state_reaches_every_worker() -> None:
    with LocalExecutor(2, seed={"tests.seed": "made by the parent"}) as pool:
        assert set(pool.map(_seeded, range(16))) == {"made by the parent"}


def test_a_closed_pool_is_gone() -> None:
    pool = LocalExecutor(2)
    pool.close()
    pool.close()  # twice is harmless
    assert list(pool.map(_square, [3])) == [9]  # and it falls back to this process


def test_a_bounded_map_reads_no_more_tasks_ahead_than_allowed() -> None:
    read = 0

    def tasks() -> Iterator[int]:
        nonlocal read
        for n in range(40):
            read += 1
            yield n

    ahead = []
    with LocalExecutor(2) as pool:
        for n, result in enumerate(pool.map(_square, tasks(), in_flight=3)):
            assert result == n * n
            ahead.append(read - n)
    assert max(ahead) <= 3 and len(ahead) == 40
