"""``newsdossier eval TASK``: score a stage of the product on a public benchmark.

Each task scores what the product itself produces, through the same functions the
pipeline runs, so the number measures the product and not a side path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsdossier.errors import ConfigError

__all__ = ["TASKS", "evaluate", "extract_for_eval"]

TASKS = ("extraction", "reuse")


def extract_for_eval(html: str, url: str | None) -> str:
    """The body newsdossier produces for one HTML page: extraction, then the line cleaner."""
    from newsdossier.clean import clean, prepare
    from newsdossier.model import Format, RawDocument, SourceHints

    data = html.encode("utf-8")
    raw = RawDocument("page.html", None, Format.HTML, "text/html", data, "utf-8", html, SourceHints(url=url))
    return clean(prepare(raw)).text


def evaluate(task: str, data: Path) -> dict[str, Any]:
    if task == "extraction":
        from newsdossier.eval.extraction import evaluate_extraction

        return evaluate_extraction(data, extractor=extract_for_eval)
    if task == "reuse":
        from newsdossier.eval.reuse import evaluate_reuse

        return evaluate_reuse(data)
    raise ConfigError(f"unknown eval task {task!r}; choose one of {', '.join(TASKS)}")
