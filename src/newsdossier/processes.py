"""Worker processes the same way on Linux, macOS and Windows.

The stages that fan out (fingerprints, alignment, the NLP pass, the annotate pass) run their kernels on
:class:`newsdossier.executor.LocalExecutor`, whose pools start from :func:`process_context` (or, for the
annotate pass, whose workers read large tables, :func:`fork_context`) and size them with :func:`usable_cpus`;
nothing else in the package calls a platform's own process API.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from multiprocessing.context import BaseContext


def usable_cpus() -> int:
    """The CPUs this process may run on: its affinity where the platform has one (Linux), else the
    machine's count (macOS and Windows have no ``os.sched_getaffinity``)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def process_context() -> BaseContext:
    """``forkserver`` where the platform has it (Linux, macOS): not ``fork``, since forking a process
    that runs threads (a progress bar, a web server) can deadlock the child; ``spawn`` elsewhere
    (Windows), which starts each worker afresh."""
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def fork_context() -> BaseContext | None:
    """``fork`` where it is safe: on Linux, in a process that runs no other thread. A forked worker starts
    at once and shares the pages of what this process has loaded (the gazetteer, the event dictionary, the
    spaCy vocabulary: about 700 MiB and 10 s to load) instead of loading its own. None elsewhere (macOS,
    Windows, a web server's build thread): the caller then runs its work in this process."""
    if not sys.platform.startswith("linux") or "fork" not in multiprocessing.get_all_start_methods():
        return None
    if threading.active_count() > 1:
        return None
    return multiprocessing.get_context("fork")
