"""A full disk: the build stops with an error that says so, and the pile keeps its last complete build
(the database whole, the published records and the last dossier files unchanged).

Two ways: SQLite's own SQLITE_FULL, injected by capping the database's pages (any machine); and a real
file system that fills up (a small tmpfs, where the test may mount one: root on Linux).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from harness import DEMO, cli, dossier, integrity, published
from newsdossier.cli import EXIT_FAILED

pytestmark = pytest.mark.quality


def _more_articles(tmp_path: Path) -> Path:
    """The demo pile and new articles (the demo's, each with a new paragraph): a second build's input."""
    more = tmp_path / "more"
    shutil.copytree(DEMO, more)
    for path in DEMO.glob("*.txt"):
        (more / f"{path.stem}-update.txt").write_bytes(path.read_bytes() + b"\n\nThis article was updated.\n")
    return more


def _built(tmp_path: Path, folder: Path) -> tuple[Path, Path]:
    db, out = folder / "p.db", folder / "out"
    assert cli("build", DEMO, "--db", db, "--out", out, "--quiet").returncode == 0
    return db, out


def test_sqlite_full_stops_the_build_and_keeps_the_last_build(tmp_path: Path) -> None:
    db, out = _built(tmp_path, tmp_path)
    before, files = published(db), dossier(out)
    result = cli("build", _more_articles(tmp_path), "--db", db, "--out", out, "--quiet", disk_pages=40)
    assert result.returncode == EXIT_FAILED
    assert "the disk is full" in result.stderr and str(db) in result.stderr
    assert "Traceback" not in result.stderr
    assert integrity(db) == "ok"
    assert published(db) == before
    assert dossier(out) == files


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 6 MiB tmpfs, mounted for the test (skips where mounting is not allowed)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if shutil.which("mount") is None or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount)],
                                                        capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root on Linux); the injected SQLITE_FULL test covers it")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_real_full_disk_stops_the_build_and_keeps_the_last_build(tmp_path: Path, small_disk: Path) -> None:
    db, out = _built(tmp_path, small_disk)
    before, files = published(db), dossier(out)
    filler = small_disk / "filler"  # leave the second build a few hundred KiB: enough to start, not to finish
    free = shutil.disk_usage(small_disk).free
    filler.write_bytes(b"\0" * max(0, free - 300 * 1024))
    result = cli("build", _more_articles(tmp_path), "--db", db, "--out", out, "--quiet")
    assert result.returncode == EXIT_FAILED, result.stderr
    assert "full" in result.stderr.lower() or "No space left" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    filler.unlink()
    assert integrity(db) == "ok"
    assert published(db) == before
    assert dossier(out) == files
    assert not list(out.glob("*.tmp"))  # no half-written dossier left behind


def test_a_full_disk_under_the_dossier_keeps_the_last_dossier(tmp_path: Path, small_disk: Path) -> None:
    db = tmp_path / "p.db"
    out = small_disk / "out"
    assert cli("build", DEMO, "--db", db, "--out", out, "--quiet").returncode == 0
    files = dossier(out)
    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * max(0, shutil.disk_usage(small_disk).free - 64 * 1024))
    result = cli("build", _more_articles(tmp_path), "--db", db, "--out", out, "--quiet")
    assert result.returncode == EXIT_FAILED
    assert "No space left on device" in result.stderr and "Traceback" not in result.stderr
    assert dossier(out) == files
    assert not list(out.glob("*.tmp"))
    assert integrity(db) == "ok"
