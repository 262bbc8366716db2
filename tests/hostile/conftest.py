"""Fixtures of the hostile-content tests (issue #26): the hostile pile (``hostile_pile.py``) built once
through the command line like any other pile (Chromium is tests/conftest.py's `browser`). Read-only: the tests share the build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_pile import HostileBuild, write_hostile_pile


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileBuild:
    """The hostile pile built once through ``newsdossier build``."""
    from newsdossier.cli import EXIT_OK, main

    root = tmp_path_factory.mktemp("hostile-build")
    write_hostile_pile(root / "pile")
    assert main(["build", str(root / "pile"), "--db", str(root / "p.db"), "--out", str(root / "out"),
                 "--quiet"]) == EXIT_OK
    out = root / "out"
    return HostileBuild(inputs=root / "pile", db=root / "p.db", out=out,
                        dossier=json.loads((out / "dossier.json").read_text(encoding="utf-8")),
                        markdown=(out / "dossier.md").read_text(encoding="utf-8"),
                        page=(out / "dossier.html").read_text(encoding="utf-8"))
