"""Run the newsdossier CLI with a fault injected: SIGKILLed at the Nth SQL statement (the kill harness's
crash injector), or with a disk that fills after N more pages of the database.

    python faults.py --kill-at N [--stages FILE] [--disk-pages N] -- build INPUT... --db PILE --out OUT

Every SQLite connection the run opens gets a trace callback that counts the statements SQLite
starts (each row of an ``executemany`` is one); at statement N the whole process group is killed
with SIGKILL, before that statement runs, as a power cut or ``kill -9`` would: no exception handler,
no ``finally``, no rollback. Counting statements makes the kill points reproducible (the same run
reaches statement N in the same state every time), where a kill after N seconds depends on the
machine. ``--kill-at 0`` never kills: the counting run, which with ``--stages`` writes each build
stage's name and the count it started at, one per line, so kill points can be spread over stages.

``--disk-pages N`` sets each connection's ``PRAGMA max_page_count`` to the database's size plus N
pages: past that SQLite fails as on a full disk (SQLITE_FULL), on any machine, without root.
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kill-at", type=int, required=True)
    parser.add_argument("--stages")
    parser.add_argument("--disk-pages", type=int)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    kill_at, count = args.kill_at, [0]
    stages = open(args.stages, "w", encoding="utf-8") if args.stages else None  # noqa: SIM115

    def trace(_: str) -> None:
        count[0] += 1
        if count[0] == kill_at:
            os.killpg(0, signal.SIGKILL)  # the build and its worker processes, at once

    real_connect = sqlite3.connect

    def connect(*a: Any, **k: Any) -> sqlite3.Connection:
        connection = real_connect(*a, **k)
        if args.disk_pages is not None:
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            connection.execute(f"PRAGMA max_page_count = {pages + args.disk_pages}")
        connection.set_trace_callback(trace)
        return connection

    sqlite3.connect = connect  # type: ignore[assignment]

    from newsdossier import pipeline
    from newsdossier.cli import main as cli_main

    real_timer = pipeline.BuildReport.timer

    @contextmanager
    def timer(self: pipeline.BuildReport, stage: str) -> Iterator[None]:
        if stages is not None:
            stages.write(f"{stage}\t{count[0]}\n")
            stages.flush()
        with real_timer(self, stage):
            yield

    pipeline.BuildReport.timer = timer  # type: ignore[method-assign]
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    status = cli_main(command)
    if stages is not None:
        stages.write(f"end\t{count[0]}\n")
        stages.close()
    return status


if __name__ == "__main__":
    sys.exit(main())
