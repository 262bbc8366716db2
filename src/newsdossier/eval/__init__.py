"""Benchmarks: score newsdossier's stages on public data sets, the way each set's own scorer does.

Names are loaded on first use, so ``python -m newsdossier.eval.extraction`` does not
import its own module twice.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["AebPage", "evaluate_extraction", "load_aeb", "load_output_file", "score_outputs"]

_HOMES = dict.fromkeys(__all__, "newsdossier.eval.extraction")


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
