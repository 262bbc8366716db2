"""What the reliability tests share: running the CLI in its own process group (to kill it whole), the
pile's published state in comparable form, and a small real pile to build."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
FAULTS = Path(__file__).with_name("faults.py")
DEMO = REPO / "demo" / "pile"

def cli(*args: str | Path, kill_at: int = 0, stages: Path | None = None, disk_pages: int | None = None,
        timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """``newsdossier ARGS...`` in a new session (its own process group), SIGKILLed at SQL statement
    ``kill_at`` when that is not 0, with a disk that fills after ``disk_pages`` more pages (faults.py)."""
    command = [sys.executable, str(FAULTS), "--kill-at", str(kill_at)]
    if stages is not None:
        command += ["--stages", str(stages)]
    if disk_pages is not None:
        command += ["--disk-pages", str(disk_pages)]
    return subprocess.run([*command, "--", *map(str, args)], capture_output=True, text=True, timeout=timeout,
                          start_new_session=True, env={**os.environ, "PYTHONHASHSEED": "0"})


def killed(result: subprocess.CompletedProcess[str]) -> bool:
    return result.returncode == -signal.SIGKILL


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def published(db: Path) -> dict[str, Any]:
    """What readers of the pile see, per table (ids and records), as plain data to compare."""
    from newsdossier.errors import StoreError
    from newsdossier.store.pile import Pile

    if not db.exists():
        return {}
    try:
        pile = Pile.open(db)
    except StoreError:
        # killed while the pile was being created, between two of its migrations (each one whole): readers
        # are told to open it for writing, and it must hold nothing yet
        with sqlite3.connect(db) as connection:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            assert "articles" not in tables or not connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        return {}
    with pile, pile.snapshot():
        return {
            "articles": sorted(a.id for a in pile.iter_articles()),
            "reuse": pile.reuse(limit=None).items,
            "families": pile.families().items,
            "stories": pile.stories(limit=None).items,
            "entities": pile.entities(limit=None).items,
            "quotes": pile.quotes(limit=None).items,
            "events": pile.events(limit=None).items,
            "places": pile.places(limit=None).items,
            "timeline": pile.timeline(limit=None).items,
        }


def dossier(out: Path) -> tuple[dict[str, Any], str]:
    """dossier.json and dossier.md (which hold no clock time: one pile gives one dossier)."""
    return (json.loads((out / "dossier.json").read_text(encoding="utf-8")),
            (out / "dossier.md").read_text(encoding="utf-8"))


def small_pile(folder: Path, datasets: Path, size: int) -> Path:
    """The demo pile (copies, a spun rewrite, a stub) and the first BBC politics articles, ``size`` in all,
    with two wire-style copies of BBC articles so that reuse has something to find."""
    folder.mkdir(parents=True)
    for path in DEMO.iterdir():
        shutil.copy(path, folder / path.name)
    bbc = sorted((datasets / "bbc_news_raw" / "bbc" / "politics").glob("*.txt"))
    for path in bbc[: size - len(list(DEMO.iterdir())) - 2]:
        shutil.copy(path, folder / f"bbc-{path.name}")
    for n, path in enumerate(bbc[:2]):
        text = path.read_text(encoding="latin-1")
        (folder / f"copy-{n}.txt").write_text(f"{text}\n\n(Reporting by a wire service.)\n", encoding="utf-8")
    return folder
