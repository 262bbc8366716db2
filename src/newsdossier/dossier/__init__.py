"""The dossier: dossier.json (schema ``newsdossier/dossier@1``) and a readable dossier.md.

For now the dossier holds the ``articles`` part of the contract plus what the run
rejected; later stages add reuse, families, stories, entities, quotes and events.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

from newsdossier.model import Article, Rejection
from newsdossier.records import article_to_dict

__all__ = ["SCHEMA", "dossier_dict", "render_markdown", "write_dossier"]

SCHEMA: Final = "newsdossier/dossier@1"
_EXCERPT_CHARS: Final = 400


def dossier_dict(articles: Iterable[Article], rejections: Iterable[Rejection] = ()) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "articles": [article_to_dict(a, with_source=False) for a in articles],
        "rejected_inputs": [
            {"source_path": r.source_path, "locator": r.locator, "reason": r.reason, "detail": r.detail}
            for r in rejections
        ],
    }


def _article_markdown(article: dict[str, Any]) -> list[str]:
    published = article["published"] or "unknown"
    if article["published_basis"]:
        published += f" ({article['published_basis']}"
        if article["published_basis"] == "estimated" and article["published_range"]:
            published += ", between {} and {}".format(*article["published_range"])
        published += ")"
    facts = [
        ("Outlet", article["outlet"] or "unknown"),
        ("Byline", ", ".join(article["byline"]) or "none"),
        ("Wire credit", article["credit"] or "none"),
        ("Published", published),
        ("Status", article["status"] + (f" ({'; '.join(article['status_reasons'])})"
                                         if article["status_reasons"] else "")),
        ("Source", article["source_path"] + (f" ({article['locator']})" if article["locator"] else "")),
    ]
    lines = [f"### {article['title'] or '(no headline)'}", "", f"`{article['id']}`", ""]
    lines += [f"- **{name}:** {value}" for name, value in facts]
    removed = sorted({r["reason"] for r in article["removed"]})
    lines.append(f"- **Removed from the body:** {len(article['removed'])} span(s) ({', '.join(removed) or 'none'})")
    text = article["text"]
    excerpt = text[:_EXCERPT_CHARS] + ("…" if len(text) > _EXCERPT_CHARS else "")
    lines += ["", "> " + excerpt.replace("\n\n", "\n>\n> "), ""]
    return lines


def render_markdown(dossier: dict[str, Any]) -> str:
    articles = dossier["articles"]
    statuses = {s: sum(a["status"] == s for a in articles) for s in ("full", "truncated", "stub")}
    lines = [
        "# Dossier", "",
        f"{len(articles)} article(s): {statuses['full']} full, {statuses['truncated']} truncated, "
        f"{statuses['stub']} stub(s).", "",
        "## Articles", "",
    ]
    for article in articles:
        lines += _article_markdown(article)
    if dossier["rejected_inputs"]:
        lines += ["## Inputs that could not be read", ""]
        lines += [f"- `{r['source_path']}`{' (' + r['locator'] + ')' if r['locator'] else ''}: "
                  f"{r['reason']}: {r['detail']}" for r in dossier["rejected_inputs"]]
        lines.append("")
    return "\n".join(lines)


def _write_atomically(path: Path, text: str) -> None:
    # A crash mid-write must not leave a half dossier where a whole one was.
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def write_dossier(out_dir: Path, articles: Iterable[Article], rejections: Iterable[Rejection] = ()) -> list[Path]:
    """Write dossier.json and dossier.md into ``out_dir``; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    dossier = dossier_dict(articles, rejections)
    json_path, md_path = out_dir / "dossier.json", out_dir / "dossier.md"
    _write_atomically(json_path, json.dumps(dossier, ensure_ascii=False, indent=2))
    _write_atomically(md_path, render_markdown(dossier))
    return [json_path, md_path]
