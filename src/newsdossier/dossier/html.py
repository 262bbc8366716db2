"""dossier.html: the dossier as one self-contained page, a renderer of the :class:`DossierView`.

The page holds everything it shows: its styles and script (``assets/dossier.css``, ``assets/dossier.js``)
inline, the dossier's records as JSON in a ``<script type="application/json">`` element, and the world's
country outlines (``data/world-110m.json``: Natural Earth 1:110m, public domain, made by
``tools/world_map.py``). Its Content-Security-Policy allows no network request at all, so it works from a
file and tells nobody it was opened. The script builds every view with DOM calls that set text as text:
an article's ``<script>`` or ``onerror=`` is shown, never run, and only an http(s) address becomes a link
(an article's ``javascript:`` or ``data:`` URL is shown as text). Tabs render when first opened and long
lists are paged, so a 10,000-article dossier opens as fast as a small one (the page's size grows with the
articles' text: docs/benchmarks.md).
"""

from __future__ import annotations

import html
import json
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Final, TextIO

if TYPE_CHECKING:
    from newsdossier.dossier import DossierView

__all__ = ["render_html"]

TABS: Final = (("stories", "Stories"), ("events", "Events"), ("timeline", "Timeline"), ("copies", "Who copied whom"),
               ("map", "Map"), ("actors", "Actors"), ("quotes", "Quotes"), ("articles", "Articles"))
MENTIONS_KEPT: Final = 60  # an actor's or place's mentions in the page (all are counted; dossier.json has every one)
# No request of any kind: scripts and styles only inline, images only as data.
CSP: Final = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"
# What the page's JSON may not hold as it is: "</script>", "<!--", "&" entities, JavaScript's line ends.
_SCRIPT_ESCAPES: Final = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                          ("\u2029", "\\u2029"))


def _asset(name: str) -> str:
    return files("newsdossier.dossier").joinpath(name).read_text("utf-8")


def _script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element: no "</script>", no "<!--", whatever the data holds; and no
    raw U+2028 or U+2029, which end a line in JavaScript source (should the data ever be read as a script)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _SCRIPT_ESCAPES:
        text = text.replace(raw, escaped)
    return text


def _page_data(view: DossierView) -> dict[str, Any]:
    family_of = {member: family["id"] for family in view.families for member in family["articles"]}
    story_of = {member: story["id"] for story in view.stories for member in story["articles"]}
    articles = [{"id": a["id"], "title": a["title"], "outlet": a["outlet"], "published": a["published"],
                 "status": a["status"], "url": a["url"], "text": a["text"], "family": family_of.get(a["id"]),
                 "story": story_of.get(a["id"])} for a in view.articles()]
    entities = [{**{k: v for k, v in e.items() if k not in ("mentions", "evidence", "families")},
                 "mentions": e["mentions"][:MENTIONS_KEPT], "mention_count": len(e["mentions"])} for e in view.entities]
    places = [{**{k: v for k, v in p.items() if k != "mentions"}, "mentions": p["mentions"][:MENTIONS_KEPT],
               "mention_count": len(p["mentions"])} for p in view.places]
    return {"sources": view.sources, "articles": articles, "stories": view.stories, "topics": view.topics,
            "events": view.events, "entities": entities, "quotes": view.quotes, "reuse": view.reuse,
            "families": view.families, "places": places, "timeline": view.timeline}


def render_html(view: DossierView, out: TextIO, *, api: bool = False) -> None:
    """Write dossier.html for ``view`` to ``out``; ``api``: the page is served by ``newsdossier serve`` and may
    ask that same server (and nothing else) for its JSON API."""
    csp = CSP + ("; connect-src 'self'" if api else "")
    sources = view.sources
    counts = (f"{sources['articles']} articles from {sources['independent_families']} independent families · "
              f"{sources['stories']} stories · {sources['events']} events · {sources['entities']} actors · "
              f"{sources['quotes']} quotes · {sources['places']} places")
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    out.write(f"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n")
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    out.write(f"<title>newsdossier: {html.escape(counts)}</title>\n<style>\n{_asset('assets/dossier.css')}</style>\n")
    out.write("</head>\n<body>\n<header><h1>newsdossier</h1>")
    out.write(f"<div class=\"counts\" id=\"counts\">{html.escape(counts)}</div></header>\n<nav>")
    for name, label in TABS:
        out.write(f"<button type=\"button\" data-tab=\"{name}\" aria-selected=\"false\">{html.escape(label)}</button>")
    out.write("</nav>\n<main class=\"single\">\n<div>")
    for name, _ in TABS:
        out.write(f"<section class=\"tab\" id=\"tab-{name}\" hidden></section>")
    out.write("</div>\n<aside id=\"reader\" hidden></aside>\n</main>\n")
    out.write("<footer>Made by newsdossier (schema newsdossier/dossier@1; dossier.json holds every record). "
              "Place data from GeoNames (CC BY 4.0) and newsdossier's table of seas and landmarks (Wikipedia's "
              "points); country outlines from Natural Earth (public domain).</footer>\n")
    out.write("<script type=\"application/json\" id=\"dossier-data\">")
    out.write(_script_json(_page_data(view)))
    out.write("</script>\n<script type=\"application/json\" id=\"world-map\">")
    out.write(_script_json(json.loads(_asset("data/world-110m.json"))))
    out.write(f"</script>\n<script>\n{_asset('assets/dossier.js')}</script>\n</body>\n</html>\n")
