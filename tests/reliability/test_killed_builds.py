"""Killed builds: SIGKILL a build of a 200-article pile at seeded points in every stage, then run the same
command again: it completes, the database passes ``PRAGMA integrity_check``, and the pile and dossier
equal those of a build that was never interrupted. Between the kill and the re-run, readers see
either nothing or a whole build, never part of one.

Kill points are SQL statement numbers (tests/reliability/faults.py), spread over the stages of a
counting run, plus kills after seeded delays that land in the stages that run no SQL (NLP workers,
the annotate pass). ``NEWSDOSSIER_KILL_POINTS`` sets how many statement kills (default 24; ``make quality``
runs 15, one per stage that writes) and ``NEWSDOSSIER_TIMED_KILLS`` how many timed ones (default 4).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from harness import FAULTS, cli, dossier, integrity, killed, published, small_pile

pytestmark = [pytest.mark.quality, pytest.mark.shared]

SEED = 26
PILE_SIZE = 200
STATEMENT_KILLS = int(os.environ.get("NEWSDOSSIER_KILL_POINTS", "24"))
TIMED_KILLS = int(os.environ.get("NEWSDOSSIER_TIMED_KILLS", "4"))


@pytest.fixture(scope="module")
def reference(datasets_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The pile, and its build run once uninterrupted while counting statements per stage."""
    root = tmp_path_factory.mktemp("kill")
    pile = small_pile(root / "pile", datasets_dir, PILE_SIZE)
    stages = root / "stages.tsv"
    started = time.monotonic()
    result = cli("build", pile, "--db", root / "ref.db", "--out", root / "ref", "--quiet", stages=stages)
    assert result.returncode == 0, result.stderr
    lines = [line.split("\t") for line in stages.read_text(encoding="utf-8").splitlines()]
    return {"root": root, "pile": pile, "seconds": time.monotonic() - started,
            "stages": [("open and migrate", 0)] + [(name, int(count)) for name, count in lines],
            "published": published(root / "ref.db"), "dossier": dossier(root / "ref")}


def _spans(stages: list[tuple[str, int]]) -> list[tuple[str, int, int]]:
    """(stage, first statement - 1, last statement) of every stage that runs SQL."""
    return [(name, start, end) for (name, start), (_, end) in zip(stages, stages[1:], strict=False) if end > start]


def _statement_points(stages: list[tuple[str, int]], rng: random.Random) -> list[tuple[int, str]]:
    """One kill point inside every stage that runs SQL, the rest anywhere: (statement, stage)."""
    spans = _spans(stages)
    points = {rng.randint(start + 1, end): name for name, start, end in spans}
    total = stages[-1][1]
    while len(points) < STATEMENT_KILLS:
        point = rng.randint(1, total)
        points[point] = next(name for name, start, end in spans if start < point <= end)
    return sorted(points.items())


def _check_resumes(reference: dict[str, Any], db: Path, out: Path) -> None:
    """After a kill: the file is whole, readers see nothing or a whole build; the re-run completes and
    gives the uninterrupted build's pile and dossier."""
    assert integrity(db) == "ok"
    seen = published(db)
    assert not any(seen.values()) or seen == reference["published"]
    result = cli("build", reference["pile"], "--db", db, "--out", out, "--quiet")
    assert result.returncode == 0, result.stderr
    assert integrity(db) == "ok"
    assert published(db) == reference["published"]
    assert dossier(out) == reference["dossier"]


def test_a_build_killed_at_any_statement_resumes_to_the_same_dossier(reference: dict[str, Any]) -> None:
    rng = random.Random(SEED)
    points = _statement_points(reference["stages"], rng)
    assert len(points) >= STATEMENT_KILLS
    assert {stage for _, stage in points} == {name for name, _, _ in _spans(reference["stages"])}
    for point, stage in points:
        root = reference["root"] / f"at-{point}"
        db, out = root / "p.db", root / "out"
        result = cli("build", reference["pile"], "--db", db, "--out", out, "--quiet", kill_at=point)
        assert killed(result), f"not killed at statement {point} ({stage}): {result.returncode} {result.stderr}"
        _check_resumes(reference, db, out)
        shutil.rmtree(root)


def test_a_build_killed_at_any_moment_resumes_to_the_same_dossier(reference: dict[str, Any]) -> None:
    rng = random.Random(SEED + 1)
    for n in range(TIMED_KILLS):
        delay = rng.uniform(0.1, 0.9) * reference["seconds"]
        root = reference["root"] / f"timed-{n}"
        root.mkdir()
        db, out = root / "p.db", root / "out"
        command = [sys.executable, str(FAULTS), "--kill-at", "0", "--", "build", str(reference["pile"]),
                   "--db", str(db), "--out", str(out), "--quiet"]
        with subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL) as process:
            try:
                process.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        _check_resumes(reference, db, out)
        shutil.rmtree(root)
