"""Pinned minimum scores of the product on public benchmarks (slow: run with -m slow).

Each floor is the score measured for docs/benchmarks.md minus a small margin for
harmless variation; a change that drops below it has made the product worse.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdossier.evaluate import evaluate

# Measured 0.9706 with `newsdossier eval extraction` (docs/benchmarks.md), minus 0.002.
EXTRACTION_F1_FLOOR = 0.9686


@pytest.mark.slow
@pytest.mark.shared
def test_extraction_f1_gate(datasets_dir: Path) -> None:
    result = evaluate("extraction", datasets_dir / "article_extraction_benchmark")
    assert result["pages"] == 181
    assert result["f1"] >= EXTRACTION_F1_FLOOR
