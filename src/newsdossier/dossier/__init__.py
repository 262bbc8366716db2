"""The dossier: dossier.json (schema ``newsdossier/dossier@1``) and a readable dossier.md.

For now the dossier holds the ``articles`` part of the contract plus what the run
rejected; later stages add reuse, families, stories, entities, quotes and events.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

from newsdossier.model import Article, Rejection
from newsdossier.records import article_to_dict

__all__ = ["SCHEMA", "dossier_dict", "render_markdown", "write_dossier"]

SCHEMA: Final = "newsdossier/dossier@1"
_EXCERPT_CHARS: Final = 400


def _rejection_dict(rejection: Rejection) -> dict[str, Any]:
    return {"source_path": rejection.source_path, "locator": rejection.locator,
            "reason": rejection.reason, "detail": rejection.detail}


def dossier_dict(articles: Iterable[Article], rejections: Iterable[Rejection] = ()) -> dict[str, Any]:
    """The whole dossier in memory (for small piles and tests; write_dossier streams)."""
    return {
        "schema": SCHEMA,
        "articles": [article_to_dict(a, with_source=False) for a in articles],
        "rejected_inputs": [_rejection_dict(r) for r in rejections],
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


def _markdown_head(counts: dict[str, int]) -> list[str]:
    total = sum(counts.values())
    return ["# Dossier", "",
            f"{total} article(s): {counts['full']} full, {counts['truncated']} truncated, "
            f"{counts['stub']} stub(s).", "", "## Articles", ""]


def _markdown_rejections(rejections: list[dict[str, Any]]) -> list[str]:
    if not rejections:
        return []
    lines = ["## Inputs that could not be read", ""]
    lines += [f"- `{r['source_path']}`{' (' + r['locator'] + ')' if r['locator'] else ''}: "
              f"{r['reason']}: {r['detail']}" for r in rejections]
    return lines + [""]


def render_markdown(dossier: dict[str, Any]) -> str:
    articles = dossier["articles"]
    counts = {s: sum(a["status"] == s for a in articles) for s in ("full", "truncated", "stub")}
    lines = _markdown_head(counts)
    for article in articles:
        lines += _article_markdown(article)
    return "\n".join(lines + _markdown_rejections(dossier["rejected_inputs"]))


def write_dossier(out_dir: Path, articles: Iterable[Article], rejections: Iterable[Rejection] = ()) -> list[Path]:
    """Write dossier.json and dossier.md into ``out_dir``, streaming: memory does not grow with the pile.

    Both files are written under temporary names and renamed at the end, so a crash
    never leaves half a dossier where a whole one was.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path, md_path = out_dir / "dossier.json", out_dir / "dossier.md"
    json_tmp, body_tmp = json_path.with_suffix(".json.tmp"), md_path.with_suffix(".md.body.tmp")
    counts = {"full": 0, "truncated": 0, "stub": 0}
    with json_tmp.open("w", encoding="utf-8") as out, body_tmp.open("w", encoding="utf-8") as body:
        out.write('{\n  "schema": ' + json.dumps(SCHEMA) + ',\n  "articles": [')
        for index, article in enumerate(articles):
            record = article_to_dict(article, with_source=False)
            out.write(("," if index else "") + "\n    " + json.dumps(record, ensure_ascii=False))
            body.write("\n".join(_article_markdown(record)) + "\n")
            counts[record["status"]] += 1
        rejected = [_rejection_dict(r) for r in rejections]
        out.write("\n  ],\n  \"rejected_inputs\": " + json.dumps(rejected, ensure_ascii=False) + "\n}\n")
    md_tmp = md_path.with_suffix(".md.tmp")
    with md_tmp.open("w", encoding="utf-8") as md, body_tmp.open(encoding="utf-8") as body:
        md.write("\n".join(_markdown_head(counts)) + "\n")
        shutil.copyfileobj(body, md)
        md.write("\n".join(_markdown_rejections(rejected)))
    body_tmp.unlink()
    os.replace(json_tmp, json_path)
    os.replace(md_tmp, md_path)
    return [json_path, md_path]
