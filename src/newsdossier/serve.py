"""``newsdossier serve``: the dossier UI and a read-only JSON API over a built pile (FastAPI).

``/`` is the HTML dossier of the pile (:mod:`newsdossier.dossier.html`, rendered when the pile changes);
``/api/...`` answers the read API's queries (:class:`newsdossier.store.pile.Pile`) with their filters
and pages as ``{"items", "total", "offset", "limit"}`` (search: no ``total``); ``/openapi.json`` describes every endpoint.
Nothing writes to the pile: each request opens it read-only. It binds to 127.0.0.1 unless told
otherwise, answers only requests addressed to the host it listens on (no DNS rebinding of a web page
onto the local pile), and the UI's Content-Security-Policy lets the page fetch nothing but this server's own API.
FastAPI's interactive docs are off: they load their script from a CDN.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newsdossier.errors import StoreError
from newsdossier.records import article_to_dict
from newsdossier.store.pile import Page, Pile

__all__ = ["create_app", "serve"]

MAX_LIMIT = 500
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
HTML_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'"

Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"records per page (0-{MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, description="records to skip")]


def _page(page: Page[Any]) -> dict[str, Any]:
    return {"items": page.items, "total": page.total, "offset": page.offset, "limit": page.limit}


def _pile(request: Request) -> Iterator[Pile]:
    """The app's pile opened read-only for one request (SQLite connections stay in their thread)."""
    try:
        opened = Pile.open(request.app.state.db)
    except StoreError as error:
        raise HTTPException(status_code=503, detail=str(error)) from error
    try:
        yield opened
    finally:
        opened.close()


PileDep = Annotated[Pile, Depends(_pile)]


def create_app(db: str | Path, *, host: str = "127.0.0.1") -> FastAPI:
    """The app serving the pile at ``db`` to requests addressed to ``host`` (and, for a local host, its
    other local names); a StoreError now, before anything is served, when there is no pile there or the
    file is not one."""
    db = Path(db)
    Pile.open(db).close()  # fail here, with the reason, rather than on the first request
    app = FastAPI(title="newsdossier", version="1", docs_url=None, redoc_url=None,
                  description=f"A read-only JSON API over the pile {db.name}: the read API's queries, filtered "
                              "and paged (docs/api.md).")
    local = ("127.0.0.1", "localhost", "::1", "[::1]")
    allowed = [*local, "testserver"] if host in local else [host]  # testserver: FastAPI's test client
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed)
    app.state.db = db
    page_cache: dict[str, Any] = {}
    lock = threading.Lock()

    @app.exception_handler(StoreError)
    async def _store_error(_: Request, error: StoreError) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": str(error)})

    @app.middleware("http")
    async def _headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.get("/", response_class=HTMLResponse, summary="the HTML dossier of the pile")
    def ui(opened: PileDep) -> HTMLResponse:
        from newsdossier.dossier import build_view
        from newsdossier.dossier.html import render_html

        wal = db.with_name(db.name + "-wal")  # a build writes there first
        stamp = ":".join(f"{p.stat().st_mtime_ns}:{p.stat().st_size}" for p in (db, wal) if p.exists())
        with lock:
            if page_cache.get("stamp") != stamp:
                out = io.StringIO()
                render_html(build_view(opened), out, api=True)
                page_cache.update(stamp=stamp, html=out.getvalue())
            html = page_cache["html"]
        return HTMLResponse(html, headers={"Content-Security-Policy": HTML_CSP})

    @app.get("/api/summary", summary="how many records of each kind")
    def summary(opened: PileDep) -> dict[str, Any]:
        return {"pile": db.name, "counts": opened.counts(), "articles_by_status": opened.status_counts()}

    @app.get("/api/articles", summary="articles, in source order")
    def articles(opened: PileDep, story: str | None = None, family: str | None = None, outlet: str | None = None,
                 status: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        found = opened.articles(story=story, family=family, outlet=outlet, status=status, limit=limit, offset=offset)
        return {**_page(found), "items": [article_to_dict(a, with_source=False) for a in found.items]}

    @app.get("/api/articles/{article_id}", summary="one article, with its time expressions")
    def article(article_id: str, opened: PileDep) -> dict[str, Any]:
        found = opened.article(article_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id!r} in this pile")
        return {**article_to_dict(found, with_source=False), "time_expressions": opened.time_expressions(article_id)}

    @app.get("/api/stories", summary="stories")
    def stories(opened: PileDep, topic: str | None = None, article: str | None = None, limit: Limit = 50,
                offset: Offset = 0) -> dict[str, Any]:
        return _page(opened.stories(topic=topic, article=article, limit=limit, offset=offset))

    @app.get("/api/events", summary="events, by story and date")
    def events(opened: PileDep, story: str | None = None,
               type: Annotated[list[str] | None, Query(description="PLOVER type(s), e.g. ASSAULT")] = None,
               actor: str | None = None,
               since: Annotated[str | None, Query(pattern=ISO_DATE, description="ISO date")] = None,
               until: Annotated[str | None, Query(pattern=ISO_DATE, description="ISO date")] = None,
               place: str | None = None, family: str | None = None, background: bool | None = None,
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return _page(opened.events(story=story, type=type, actor=actor, since=since, until=until, place=place,
                                   family=family, background=background, limit=limit, offset=offset))

    @app.get("/api/entities", summary="actors, most independent families first")
    def entities(opened: PileDep, type: Annotated[list[str] | None, Query(description="PER, ORG, LOC, MISC")] = None,
                 name: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return _page(opened.entities(type=type, name=name, limit=limit, offset=offset))

    @app.get("/api/entities/{entity_id}", summary="one actor")
    def entity(entity_id: str, opened: PileDep) -> Any:
        found = opened.entity(entity_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no entity {entity_id!r} in this pile")
        return found

    @app.get("/api/quotes", summary="who said what, in text order")
    def quotes(opened: PileDep, speaker: str | None = None, story: str | None = None, article: str | None = None,
               direct: bool | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return _page(opened.quotes(speaker=speaker, story=story, article=article, direct=direct, limit=limit,
                                   offset=offset))

    @app.get("/api/reuse", summary="who copied whom")
    def reuse(opened: PileDep, article: str | None = None, relation: str | None = None, limit: Limit = 50,
              offset: Offset = 0) -> dict[str, Any]:
        return _page(opened.reuse(article=article, relation=relation, limit=limit, offset=offset))

    @app.get("/api/families", summary="independent source families")
    def families(opened: PileDep, article: str | None = None) -> dict[str, Any]:
        return _page(opened.families(article=article))

    @app.get("/api/places", summary="places, most mentioned first")
    def places(opened: PileDep, resolved: bool | None = None, country: str | None = None, name: str | None = None,
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return _page(opened.places(resolved=resolved, country=country, name=name, limit=limit, offset=offset))

    @app.get("/api/timeline", summary="dated sentences no event covers, per story in date order")
    def timeline(opened: PileDep, story: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return _page(opened.timeline(story=story, limit=limit, offset=offset))

    @app.get("/api/search", summary="full-text search over titles and texts")
    def search(opened: PileDep, q: Annotated[str, Query(min_length=1, max_length=500, description="FTS5 query")],
               limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20, offset: Offset = 0) -> dict[str, Any]:
        try:
            hits = opened.search(q, limit=limit, offset=offset)
        except StoreError as error:
            raise HTTPException(status_code=422, detail=str(error)) from error
        return {"items": [{"article": h.article_id, "title": h.title, "snippet": h.snippet, "score": h.score}
                          for h in hits], "offset": offset, "limit": limit}

    return app


def serve(db: str | Path, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the pile at ``db`` until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db, host=host), host=host, port=port, log_level="info")
