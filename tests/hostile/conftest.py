"""Fixtures of the hostile-content tests (issue #26): the hostile pile (``hostile_pile.py``) built once
through the command line like any other pile, and headless Chromium. Read-only: the tests share the build."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium (as tests/test_html_dossier.py starts it); skips with the reason when absent."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is a test tool: make test installs it")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not (Path(chromium).exists() and Path(driver_path).exists()):
        pytest.skip("needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    yield driver
    driver.quit()
