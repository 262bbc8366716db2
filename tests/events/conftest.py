"""The bundled pipeline for the events tests (loaded once per process: ``load_pipeline`` caches it)."""

from __future__ import annotations

from typing import Any

import pytest

from newsdossier.nlp import load_pipeline


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_pipeline()
