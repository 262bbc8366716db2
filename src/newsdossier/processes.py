"""Worker processes the same way on Linux, macOS and Windows.

The stages that fan out (fingerprints, alignment, the NLP pass) run their kernels on
:class:`newsdossier.executor.LocalExecutor`, whose pools start from
:func:`process_context` and size them with :func:`usable_cpus`; nothing else in the package calls a
platform's own process API.
"""

from __future__ import annotations

import multiprocessing
import os
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
