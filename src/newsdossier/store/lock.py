"""One writer per pile: an advisory lock held for the whole of a run that writes.

SQLite already lets one connection write at a time, but a build is many transactions: two builds
on one pile would take turns batch by batch and interleave their stages (each replacing the other's
stories, actors and events half-way). So every writer takes an exclusive ``flock`` on a file beside
the pile (``<pile>.lock``) before it opens the database, and a second writer stops at once with who
holds it. The kernel drops the lock when its process dies, even by SIGKILL, so a killed build never
leaves a stale lock behind (the file stays; only the lock on it counts).

Readers (``newsdossier.open``, ``serve``, the CLI's read commands) take no lock: in WAL mode they read
the last committed state while a build writes.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from newsdossier.errors import PileBusyError, StoreError

__all__ = ["WriterLock", "lock_path"]

if sys.platform != "win32":
    import fcntl
else:  # pragma: no cover - newsdossier is built and tested on Linux and macOS
    fcntl = None


def lock_path(db: Path) -> Path:
    """The lock file of the pile at ``db``."""
    return db.with_name(db.name + ".lock")


class WriterLock:
    """The exclusive write lock of one pile, taken by :meth:`acquire` and released by :meth:`release`.

    The lock file holds the holder's pid, command and start time, so the message a second writer
    gets says which run to wait for.
    """

    def __init__(self, db: Path, command: str) -> None:
        self.path = lock_path(db)
        self.command = command
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock, or raise :class:`PileBusyError` naming the run that holds it."""
        if fcntl is None:  # pragma: no cover
            return
        try:
            handle = self.path.open("a+", encoding="utf-8")
        except OSError as exc:
            raise StoreError(f"cannot create the lock file {self.path}: {exc}") from exc
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(handle)
            handle.close()
            raise PileBusyError(
                f"{self.path.with_suffix('')} is being written by another newsdossier run ({holder}); "
                "wait for it to finish (readers such as `newsdossier serve` keep working meanwhile), "
                "or use another --db") from None
        except OSError as exc:
            handle.close()
            raise StoreError(f"cannot lock {self.path}: {exc}") from exc
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "command": self.command,
                                 "started": datetime.now(UTC).isoformat(timespec="seconds")}))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        """Release the lock (closing the file releases it; the file itself stays, harmlessly)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def _holder(handle: IO[str]) -> str:
    """Who holds the lock, in words, from what the holder wrote into the file."""
    handle.seek(0)
    try:
        info = json.loads(handle.read() or "{}")
        return f"`{info['command']}`, pid {info['pid']}, started {info['started']}"
    except (ValueError, KeyError, TypeError):
        return "a run that has not said which yet"
