"""newsdossier serve (issue #25): every endpoint of the JSON API over the demo pile, its pages and filters,
bad parameters answered 422 with the reason, missing records 404, the UI page, and a missing pile refused
before anything is served."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsdossier.errors import StoreError

pytest.importorskip("httpx", reason="FastAPI's test client needs httpx (a test tool)")
from fastapi.testclient import TestClient  # noqa: E402

from newsdossier.serve import create_app  # noqa: E402


@pytest.fixture(scope="module")
def client(demo_build: Path) -> TestClient:
    return TestClient(create_app(demo_build / "p.db"))


def _ok(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text)
    return response.json()


def test_summary_and_every_list(client: TestClient, demo_dossier: dict[str, Any]) -> None:
    summary = _ok(client, "/api/summary")
    assert summary["counts"]["articles"] == 5 and summary["counts"]["events"] == len(demo_dossier["events"])
    for endpoint, key in (("articles", "articles"), ("stories", "stories"), ("events", "events"),
                          ("entities", "entities"), ("quotes", "quotes"), ("reuse", "reuse"), ("places", "places"),
                          ("families", "families")):
        body = _ok(client, f"/api/{endpoint}")
        assert body["total"] == len(demo_dossier[key]), endpoint
        assert len(body["items"]) == min(50, len(demo_dossier[key])), endpoint
    assert [a["id"] for a in _ok(client, "/api/articles")["items"]] == [a["id"] for a in demo_dossier["articles"]]
    assert _ok(client, "/api/events")["items"] == demo_dossier["events"]


def test_pages_and_filters(client: TestClient, demo_dossier: dict[str, Any]) -> None:
    quotes = demo_dossier["quotes"]
    first, second = _ok(client, "/api/quotes?limit=4"), _ok(client, "/api/quotes?limit=4&offset=4")
    assert first["items"] + second["items"] == quotes[:8] and first["total"] == len(quotes)
    assert (first["offset"], first["limit"], second["offset"]) == (0, 4, 4)
    assaults = _ok(client, "/api/events?type=ASSAULT&type=COERCE")
    assert assaults["total"] == sum(e["type"] in ("ASSAULT", "COERCE") for e in demo_dossier["events"])
    dated = _ok(client, "/api/events?since=2020-01-03&until=2020-01-03")
    assert dated["total"] >= 1 and all(e["date_first"] <= "2020-01-03" <= e["date_last"] for e in dated["items"])
    assert _ok(client, "/api/events?place=Baghdad")["total"] >= 1
    people = _ok(client, "/api/entities?type=PER")
    assert people["total"] == sum(e["type"] == "PER" for e in demo_dossier["entities"])
    story = demo_dossier["stories"][0]
    assert _ok(client, f"/api/articles?story={story['id']}")["total"] == len(story["articles"])
    assert _ok(client, "/api/places?resolved=true")["total"] == sum(p["resolved"] for p in demo_dossier["places"])


def test_one_record_and_missing_ones(client: TestClient, demo_dossier: dict[str, Any]) -> None:
    article = demo_dossier["articles"][0]
    body = _ok(client, f"/api/articles/{article['id']}")
    assert body["text"] == article["text"] and body["time_expressions"] == article["time_expressions"]
    entity = demo_dossier["entities"][0]
    assert _ok(client, f"/api/entities/{entity['id']}") == entity
    for url in ("/api/articles/no-such-article", "/api/entities/E999999"):
        response = client.get(url)
        assert response.status_code == 404 and "no " in response.json()["detail"]


def test_search(client: TestClient) -> None:
    hits = _ok(client, "/api/search?q=Baghdad&limit=2")["items"]
    assert len(hits) == 2 and all("[" in h["snippet"] for h in hits)
    assert _ok(client, "/api/search?q=Baghdad&limit=1&offset=1")["items"][0]["article"] == hits[1]["article"]
    assert client.get("/api/search?q=%22").status_code == 422  # not FTS5, and no words to look for


@pytest.mark.parametrize("url", ["/api/events?limit=-1", "/api/events?limit=100000", "/api/quotes?offset=-3",
                                 "/api/events?since=yesterday", "/api/search", "/api/search?q=",
                                 "/api/places?resolved=maybe", "/api/quotes?direct=sometimes"])
def test_bad_parameters_are_422_with_the_reason(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail and all("msg" in problem and "loc" in problem for problem in detail)


def test_the_ui_and_the_openapi_description(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert 'id="dossier-data"' in page.text and "5 articles" in page.text
    spec = _ok(client, "/openapi.json")
    assert {"/api/events", "/api/search", "/api/articles/{article_id}", "/api/quotes"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 404  # the interactive docs would load a script from a CDN


def test_the_api_only_reads(client: TestClient) -> None:
    assert client.post("/api/events", json={}).status_code == 405
    assert client.delete("/api/articles/x").status_code == 405


def test_a_missing_pile_or_a_file_that_is_none_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no pile there"):
        create_app(tmp_path / "none.db")
    other = tmp_path / "notes.db"
    other.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError, match="not a newsdossier store"):
        create_app(other)


def test_the_command_refuses_a_missing_pile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsdossier.cli import main

    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 1
    assert "no pile there" in capsys.readouterr().err


def test_a_request_for_another_host_is_refused(client: TestClient) -> None:
    """No DNS rebinding: a page on evil.example whose name now points here cannot read the pile."""
    assert client.get("/api/summary", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/api/summary", headers={"host": "127.0.0.1:8000"}).status_code == 200
