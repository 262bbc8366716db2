"""``newsdossier serve``: the dossier UI and a read-only JSON API over a built pile (FastAPI).

``/`` is the HTML dossier of the pile (:mod:`newsdossier.dossier.html`, rendered when the pile changes);
``/api/...`` answers the read API's queries (:class:`newsdossier.store.pile.Pile`) with their filters
and pages as ``{"items", "total", "offset", "limit"}`` (search: no ``total``); ``/openapi.json`` describes every endpoint.
Nothing writes to the pile: each request opens it read-only. It binds to 127.0.0.1 unless told
otherwise, answers only requests addressed to the host it listens on (no DNS rebinding of a web page
onto the local pile), and the UI's Content-Security-Policy lets the page fetch nothing but this server's own API.
FastAPI's interactive docs are off: they load their script from a CDN.

Hostile input (issue #26): every response, errors included, carries a Content-Security-Policy, ``nosniff``
and a guard against framing; every parameter is bounded (lengths, pages, dates that exist, types and
relations from their fixed lists), so a malformed or oversized one is answered 422 with the reason, never
500; the pile is queried with SQL parameters only (:mod:`newsdossier.store.pile`).
"""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Final

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParameter
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import AfterValidator
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newsdossier.errors import StoreError
from newsdossier.events.lexicon import PLOVER_TYPES
from newsdossier.model import Relation, Status
from newsdossier.records import article_to_dict
from newsdossier.store.pile import Page, Pile

__all__ = ["create_app", "serve"]

log = logging.getLogger(__name__)

MAX_LIMIT: Final = 500
# Far past any pile's records (a 100,000-article pile holds about a million quotes or mentions) and far inside
# SQLite's 64-bit integers, which a larger offset overflows (it was a 500 before issue #26).
MAX_OFFSET: Final = 1_000_000_000
MAX_ID: Final = 64  # ids are short: "8a6d3f70cf2a5276", "s00001", "E12", "F3", "t0001"
MAX_NAME: Final = 200  # a name, an outlet or a place longer than this names nothing in a pile
MAX_QUERY: Final = 500  # a full-text query
MAX_SHOWN_INPUT: Final = 80  # of a rejected value, echoed in the 422's reason
ENTITY_TYPES: Final = ("PER", "ORG", "LOC", "MISC")
ISO_DATE: Final = r"^\d{4}(-\d{2}(-\d{2})?)?$"
HTML_CSP: Final = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
                   "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
API_CSP: Final = "default-src 'none'; frame-ancestors 'none'"  # JSON and errors: nothing to load, nothing to frame
SECURITY_HEADERS: Final = {"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
                           "Referrer-Policy": "no-referrer", "Cross-Origin-Resource-Policy": "same-origin"}


def _one_of(choices: Sequence[str], *, any_case: bool = True) -> AfterValidator:
    """A check that a value (or each of several) is one of ``choices``; the pile compares types upper-cased."""
    def check(value: Any) -> Any:
        for one in [value] if isinstance(value, str) else value or ():
            if (one.upper() if any_case else one) not in choices:
                raise ValueError(f"{one[:MAX_SHOWN_INPUT]!r} is not one of {', '.join(choices)}")
        return value
    return AfterValidator(check)


def _real_date(value: str | None) -> str | None:
    """An ISO year, month or day that exists: 2024-13 and 2024-02-30 are refused (2024-13 was a 500)."""
    if value is not None:
        year, month, day = ([*map(int, value.split("-")), 1, 1])[:3]
        date(year, month, day)  # ValueError: "month must be in 1..12", "day is out of range for month"
    return value


Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"records per page (0-{MAX_LIMIT}; 0: the total only)")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description=f"records to skip (0-{MAX_OFFSET})")]
Id = Annotated[str | None, Query(min_length=1, max_length=MAX_ID, description="an id, e.g. s00001")]
Name = Annotated[str | None, Query(min_length=1, max_length=MAX_NAME, description="a name, any case")]
Day = Annotated[str | None, Query(pattern=ISO_DATE, description="ISO date: 2020, 2020-01 or 2020-01-03"),
                AfterValidator(_real_date)]
EventTypes = Annotated[list[str] | None, Query(max_length=len(PLOVER_TYPES), description="PLOVER type(s), e.g. ASSAULT"),
                       _one_of(PLOVER_TYPES)]
EntityTypes = Annotated[list[str] | None, Query(max_length=len(ENTITY_TYPES), description=", ".join(ENTITY_TYPES)),
                        _one_of(ENTITY_TYPES)]
ArticleStatus = Annotated[str | None, Query(description=", ".join(Status)), _one_of(tuple(Status), any_case=False)]
ReuseRelation = Annotated[str | None, Query(description=", ".join(Relation)), _one_of(tuple(Relation), any_case=False)]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166 country code, e.g. IQ")]
PathId = Annotated[str, PathParameter(min_length=1, max_length=MAX_ID)]


def _shown(value: Any) -> Any:
    """A rejected value as a 422 echoes it: long strings and lists cut short, so no answer grows with the request."""
    if isinstance(value, str) and len(value) > MAX_SHOWN_INPUT:
        return value[:MAX_SHOWN_INPUT] + f"... ({len(value)} characters)"
    if isinstance(value, list):
        return [_shown(one) for one in value[:3]] + ([f"... ({len(value)} values)"] if len(value) > 3 else [])
    return value


def _page(page: Page[Any]) -> dict[str, Any]:
    return {"items": page.items, "total": page.total, "offset": page.offset, "limit": page.limit}


def _pile(request: Request) -> Iterator[Pile]:
    """The app's pile opened read-only for one request (SQLite connections stay in their thread)."""
    try:
        opened = Pile.open(request.app.state.db)
    except StoreError as error:
        raise HTTPException(status_code=503, detail=str(error)) from error
    try:
        with opened.snapshot():  # a build publishing meanwhile is seen whole or not at all
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

    @app.exception_handler(RequestValidationError)
    async def _bad_parameter(_: Request, error: RequestValidationError) -> JSONResponse:
        """422 with FastAPI's list of what is wrong and where, a rejected value shown only in part."""
        problems = [{key: value for key, value in problem.items() if key in ("type", "loc", "msg")}
                    | ({"input": _shown(problem["input"])} if "input" in problem else {})
                    for problem in error.errors()]
        return JSONResponse(status_code=422, content={"detail": problems})

    @app.middleware("http")
    async def _headers(request: Request, call_next: Any) -> Any:
        try:
            response = await call_next(request)
        except Exception:  # a bug: answered as JSON with the headers below, not as a bare page
            log.exception("%s %s failed", request.method, request.url.path)
            response = JSONResponse(status_code=500, content={"detail": "internal error; the server's log says why"})
        response.headers.setdefault("Content-Security-Policy", API_CSP)  # the UI sets its own
        response.headers.update(SECURITY_HEADERS)
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
    def articles(opened: PileDep, story: Id = None, family: Id = None, outlet: Name = None,
                 status: ArticleStatus = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        found = opened.articles(story=story, family=family, outlet=outlet, status=status, limit=limit, offset=offset)
        return {**_page(found), "items": [article_to_dict(a, with_source=False) for a in found.items]}

    @app.get("/api/articles/{article_id}", summary="one article, with its time expressions")
    def article(article_id: PathId, opened: PileDep) -> dict[str, Any]:
        found = opened.article(article_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id!r} in this pile")
        return {**article_to_dict(found, with_source=False), "time_expressions": opened.time_expressions(article_id)}

    @app.get("/api/stories", summary="stories")
    def stories(opened: PileDep, topic: Id = None, article: Id = None, limit: Limit = 50,
                offset: Offset = 0) -> dict[str, Any]:
        return _page(opened.stories(topic=topic, article=article, limit=limit, offset=offset))

    @app.get("/api/events", summary="events, by story and date")
    def events(opened: PileDep, story: Id = None, type: EventTypes = None, actor: Name = None, since: Day = None,
               until: Day = None, place: Name = None, family: Id = None, background: bool | None = None,
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return _page(opened.events(story=story, type=type, actor=actor, since=since, until=until, place=place,
                                   family=family, background=background, limit=limit, offset=offset))

    @app.get("/api/entities", summary="actors, most independent families first")
    def entities(opened: PileDep, type: EntityTypes = None, name: Name = None, limit: Limit = 50,
                 offset: Offset = 0) -> dict[str, Any]:
        return _page(opened.entities(type=type, name=name, limit=limit, offset=offset))

    @app.get("/api/entities/{entity_id}", summary="one actor")
    def entity(entity_id: PathId, opened: PileDep) -> Any:
        found = opened.entity(entity_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no entity {entity_id!r} in this pile")
        return found

    @app.get("/api/quotes", summary="who said what, in text order")
    def quotes(opened: PileDep, speaker: Name = None, story: Id = None, article: Id = None,
               direct: bool | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return _page(opened.quotes(speaker=speaker, story=story, article=article, direct=direct, limit=limit,
                                   offset=offset))

    @app.get("/api/reuse", summary="who copied whom")
    def reuse(opened: PileDep, article: Id = None, relation: ReuseRelation = None, limit: Limit = 50,
              offset: Offset = 0) -> dict[str, Any]:
        return _page(opened.reuse(article=article, relation=relation, limit=limit, offset=offset))

    @app.get("/api/families", summary="independent source families")
    def families(opened: PileDep, article: Id = None) -> dict[str, Any]:
        return _page(opened.families(article=article))

    @app.get("/api/places", summary="places, most mentioned first")
    def places(opened: PileDep, resolved: bool | None = None, country: Country = None, name: Name = None,
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return _page(opened.places(resolved=resolved, country=country, name=name, limit=limit, offset=offset))

    @app.get("/api/timeline", summary="dated sentences no event covers, per story in date order")
    def timeline(opened: PileDep, story: Id = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return _page(opened.timeline(story=story, limit=limit, offset=offset))

    @app.get("/api/search", summary="full-text search over titles and texts")
    def search(opened: PileDep, q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY, description="FTS5 query")],
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
