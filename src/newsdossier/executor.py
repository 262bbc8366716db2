"""One seam for the work that fans out: per-document and per-pair kernels, run by any executor.

A **kernel** is a plain module-level function of one task (a chunk of texts to fingerprint, a
pair of articles to align, a chunk of texts to analyse) that returns that task's result. It
holds nothing between calls but what :func:`worker_state` keeps for its process: the spaCy
pipeline, the alignment views, the common-word table, each made once per process, on first use.

An **executor** runs a kernel over tasks and yields the results in the tasks' order:

* :class:`LocalExecutor`: in this process, or in a pool of worker processes
  (:mod:`newsdossier.processes`), the default of every build;
* ``newsdossier.spark``: the same kernels inside Spark's ``mapPartitions`` (extra ``[spark]``),
  where :func:`worker_state` is per Python worker, which Spark reuses across tasks.

So the local build and the Spark job call the very same functions, and a kernel never knows
which runs it.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from multiprocessing.context import BaseContext
from typing import Any, Protocol, Self, TypeVar

from newsdossier.processes import process_context

__all__ = ["Executor", "LocalExecutor", "worker_state"]

T = TypeVar("T")
R = TypeVar("R")

# What kernels made once in this process, by key (see worker_state).
_STATE: dict[str, Any] = {}


def worker_state(key: str, make: Callable[[], T]) -> T:
    """What ``make()`` returns, made once per process under ``key`` (a kernel's model, cache or
    table): the first task a worker runs pays for it, the others reuse it."""
    try:
        return _STATE[key]
    except KeyError:
        made = _STATE[key] = make()
        return made


def _seed_state(values: Mapping[str, Any]) -> None:
    """A pool worker's initializer: state its parent made already (sent once, not per task)."""
    _STATE.update(values)


class Executor(Protocol):
    """Runs a kernel over tasks; results come back in the tasks' order."""

    def map(self, kernel: Callable[[T], R], tasks: Iterable[T], *, chunksize: int = 1) -> Iterator[R]: ...

    def close(self) -> None: ...


class LocalExecutor:
    """Kernels in this process (``workers`` <= 1) or in ``workers`` processes.

    ``preload``: modules the pool's fork server imports once before forking workers (a worker
    then starts in milliseconds); ``seed``: :func:`worker_state` values made here and handed to
    each worker when it starts, so that a table built in a second is not built again per worker.
    ``context``: the pool's start method (:func:`~newsdossier.processes.process_context` unless given).
    Tasks are streamed: the caller may pass a generator over a pile larger than memory.
    """

    def __init__(self, workers: int = 1, *, preload: Sequence[str] = (), seed: Mapping[str, Any] | None = None,
                 context: BaseContext | None = None) -> None:
        self.workers = max(1, workers)
        self._pool: Any = None
        if self.workers > 1:
            context = context or process_context()
            if preload and isinstance(context, multiprocessing.context.ForkServerContext):
                context.set_forkserver_preload(list(preload))
            self._pool = context.Pool(self.workers, initializer=_seed_state, initargs=(dict(seed or {}),))
        elif seed:
            for key, value in seed.items():
                _STATE.setdefault(key, value)

    def map(self, kernel: Callable[[T], R], tasks: Iterable[T], *, chunksize: int = 1,
            in_flight: int | None = None) -> Iterator[R]:
        """``kernel`` over ``tasks``, results in the tasks' order. ``in_flight``: at most that many tasks
        read from ``tasks`` and not yet given back (the pool otherwise reads every task ahead, which for
        tasks that carry data, not just keys, holds the whole pile in memory)."""
        if self._pool is None:
            return map(kernel, tasks)
        if in_flight is None:
            return iter(self._pool.imap(kernel, tasks, chunksize=chunksize))
        return self._bounded(kernel, tasks, max(1, in_flight))

    def _bounded(self, kernel: Callable[[T], R], tasks: Iterable[T], in_flight: int) -> Iterator[R]:
        pending: deque[Any] = deque()
        for task in tasks:
            pending.append(self._pool.apply_async(kernel, (task,)))
            if len(pending) >= in_flight:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
