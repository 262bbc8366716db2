"""Concurrent use of one pile: one writer at a time (a second build stops at once, saying who writes),
a killed writer leaves no lock, and readers (the read API, ``serve``, the CLI's read commands) keep
working while a build writes and see the old pile or the new one, never part of a build."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from newsdossier.cli import EXIT_BUSY
from newsdossier.errors import PileBusyError
from newsdossier.store import RunStatus, Store
from newsdossier.store.lock import lock_path
from newsdossier.store.pile import Pile

DEMO = Path(__file__).resolve().parents[2] / "demo" / "pile"


def _cli(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "newsdossier.cli", *map(str, args)]


def _pile_copy(demo_build: Path, tmp_path: Path) -> Path:
    db = tmp_path / "p.db"
    with Pile.open(demo_build / "p.db") as pile:  # a consistent copy, whatever the WAL holds
        pile._store.select(f"VACUUM INTO '{db}'")  # noqa: SLF001 - the test's own copy of a fixture
    return db


def _wait_until_writing(db: Path, build: subprocess.Popen[str], timeout: float = 120.0) -> None:
    """Until ``build`` holds the pile's write lock (the lock file names its pid), so that a second
    writer started next meets it rather than racing it to the lock."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if json.loads(lock_path(db).read_text(encoding="utf-8") or "{}").get("pid") == build.pid:
                return
        except (OSError, ValueError):
            pass
        if build.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(f"the build never took the write lock of {db} (exit {build.poll()})")
        time.sleep(0.05)


def test_a_second_writer_stops_at_once_and_says_who_writes(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    with Store.open(db, command="build") as holder:
        run = holder.start_run("build")
        with pytest.raises(PileBusyError, match=rf"`build`, pid {os.getpid()}, started"):
            Store.open(db, command="ingest")
        started = time.monotonic()
        result = subprocess.run(_cli("build", DEMO, "--db", db, "--out", tmp_path / "out", "--quiet"),
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == EXIT_BUSY
        assert "is being written by another newsdossier run" in result.stderr
        assert f"pid {os.getpid()}" in result.stderr
        assert time.monotonic() - started < 60  # it did not wait for the holder
        # the second run neither recorded itself nor marked the holder's run interrupted
        assert [(r.id, r.status) for r in holder.runs()] == [(run, RunStatus.RUNNING)]
    with Store.open(db) as store:  # released on close
        assert store.document_count() == 0


def test_a_killed_writer_leaves_no_lock(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    code = ("import os, signal, sys; from newsdossier.store import Store; "
            f"s = Store.open({str(db)!r}); s.start_run('build'); os.kill(os.getpid(), signal.SIGKILL)")
    result = subprocess.run([sys.executable, "-c", code], timeout=120)
    assert result.returncode == -signal.SIGKILL
    with Store.open(db) as store:
        assert [r.status for r in store.runs()] == [RunStatus.INTERRUPTED]


def test_a_snapshot_reads_one_state_while_a_writer_commits(demo_build: Path, tmp_path: Path) -> None:
    db = _pile_copy(demo_build, tmp_path)
    with Pile.open(db) as pile:
        before = pile.counts()
    assert before["events"] > 0 and before["stories"] > 0
    with Pile.open(db) as reader, Store.open(db) as writer:
        with reader.snapshot():
            assert reader.counts() == before
            with writer.transaction():  # what a build's publishing transaction does, in small
                writer.replace_events([])
                writer.replace_stories([], [], ("test", b""))
                assert reader.counts() == before  # nothing of an uncommitted build
            assert reader.counts() == before  # committed, but after this snapshot began
        after = reader.counts()  # a new snapshot: the whole new state
    assert after == {**before, "events": 0, "stories": 0, "topics": 0}


@pytest.mark.quality
def test_readers_see_the_old_or_the_new_pile_while_a_build_runs(demo_build: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from newsdossier.serve import create_app

    db = _pile_copy(demo_build, tmp_path)
    more = tmp_path / "more"
    shutil.copytree(DEMO, more)
    for path in DEMO.glob("*.txt"):  # new articles: copies of the demo's, each with a new last line
        (more / f"{path.stem}-update.txt").write_bytes(path.read_bytes() + b"\n\nThis article was updated.\n")
    with Pile.open(db) as pile:
        old = pile.counts()
    client = TestClient(create_app(db))
    seen: list[dict[str, Any]] = []
    errors: list[str] = []

    def read_while(build: subprocess.Popen[str]) -> None:
        while build.poll() is None:
            with Pile.open(db) as pile, pile.snapshot():
                counts = pile.counts()
                articles = {a.id for a in pile.iter_articles()}
                for story in pile.stories(limit=None).items:
                    if not set(story["articles"]) <= articles:
                        errors.append(f"story {story['id']} names articles the pile does not hold")
            seen.append(counts)
            response = client.get("/api/summary")
            if response.status_code != 200:
                errors.append(f"/api/summary answered {response.status_code}: {response.text}")
            else:
                seen.append(response.json()["counts"])

    build = subprocess.Popen(_cli("build", more, "--db", db, "--out", tmp_path / "out", "--quiet"),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    reader = threading.Thread(target=read_while, args=(build,))
    reader.start()
    _wait_until_writing(db, build)  # under load the first build may take seconds to reach its lock
    second = subprocess.run(_cli("build", more, "--db", db, "--out", tmp_path / "out2", "--quiet"),
                            capture_output=True, text=True, timeout=300)
    listed = subprocess.run(_cli("stories", "--db", db), capture_output=True, text=True, timeout=300)
    _, stderr = build.communicate(timeout=600)
    reader.join()
    assert build.returncode == 0, stderr
    assert second.returncode == EXIT_BUSY, second.stderr
    assert listed.returncode == 0, listed.stderr
    with Pile.open(db) as pile:
        new = pile.counts()
    assert new["articles"] > old["articles"]
    assert not errors, errors[:3]
    assert len(seen) >= 4
    assert all(counts in (old, new) for counts in seen), [c for c in seen if c not in (old, new)][:2]
    assert old in seen  # the reads did overlap the build
