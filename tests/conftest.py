"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSDOSSIER_SHARED", REPO.parent / "shared"))
DEMO_PILE = REPO / "demo" / "pile"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that reads benchmark data (``datasets_dir``) scores the product on it: a quality test
    (``make quality``), not a unit or contract test (``make test``)."""
    for item in items:
        if "datasets_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.quality)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder (seeds, datasets); skips the test when it is not beside the checkout."""
    if not SHARED.is_dir():
        pytest.skip(f"needs ../shared beside the checkout (looked in {SHARED}); set NEWSDOSSIER_SHARED")
    return SHARED


@pytest.fixture(scope="session")
def datasets_dir(shared_dir: Path) -> Path:
    path = shared_dir / "datasets"
    if not path.is_dir():
        pytest.skip(f"needs benchmark data in {path}")
    return path


@pytest.fixture(scope="session")
def ecbplus_dev_text(shared_dir: Path, datasets_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ECB+ dev-topic articles as plain text, written once by ../shared/tools/ecb2txt.py (read-only)."""
    import subprocess
    import sys

    from newsdossier.eval.actors import ECB_DEV_TOPICS

    tool = shared_dir / "tools" / "ecb2txt.py"
    if not tool.is_file():
        pytest.skip(f"{tool} is absent")
    folder = tmp_path_factory.mktemp("ecbplus-dev")
    subprocess.run([sys.executable, str(tool), str(folder), str(datasets_dir / "ecbplus" / "ECB+"),
                    *sorted(ECB_DEV_TOPICS, key=int)], check=True)
    return folder


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium (Debian's chromium and chromium-driver, which make test installs), one per test
    process; skips with the reason when absent."""
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


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of the demo pile built once through the command line: ``p.db`` and ``out/``.

    Read-only: tests must not change it (it is shared by the whole session)."""
    from newsdossier.cli import EXIT_OK, main

    root = tmp_path_factory.mktemp("demo-build")
    assert main(["build", str(DEMO_PILE), "--db", str(root / "p.db"), "--out", str(root / "out"), "--quiet"]) == EXIT_OK
    return root


@pytest.fixture(scope="session")
def demo_dossier(demo_build: Path) -> dict[str, Any]:
    """dossier.json of the demo pile (:func:`demo_build`), with dossier.md as ``markdown``. Read-only."""
    result: dict[str, Any] = json.loads((demo_build / "out" / "dossier.json").read_text(encoding="utf-8"))
    result["markdown"] = (demo_build / "out" / "dossier.md").read_text(encoding="utf-8")
    return result


# make fuzz (docs/reliability.md, "Fuzzing"): 10^5 cases for each target of tests/fuzz, chosen at random
# each run. make test keeps hypothesis' default of 100 cases; the fuzz tests set no count of their own.
settings.register_profile(
    "fuzz", max_examples=100_000, deadline=None, derandomize=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Every other run: hypothesis' defaults, less the health check that fails a test when drawing an input is
# slow. On two busy cores (make test runs two test processes) a single draw of a structured input took
# 2.5 s once and failed a fuzz test that tests nothing about speed. --hypothesis-profile overrides this.
settings.register_profile("tests", suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("tests")
