"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSDOSSIER_SHARED", REPO.parent / "shared"))
DEMO_PILE = REPO / "demo" / "pile"


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
