"""``newsdossier serve`` against hostile requests (issue #26): every response carries the security headers, every
parameter of every endpoint is bounded (422 with the reason, never 500), unknown ids are 404 with the reason,
and SQL or FTS5 syntax in a parameter is a value, never a statement: the pile is intact afterwards."""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import quote

import pytest
from hostile_pile import HostileBuild

pytest.importorskip("httpx", reason="FastAPI's test client needs httpx (a test tool)")
from fastapi.testclient import TestClient  # noqa: E402

from newsdossier.serve import MAX_ID, MAX_NAME, MAX_OFFSET, MAX_QUERY, create_app  # noqa: E402

LONG_ID, LONG_NAME = "x" * (MAX_ID + 1), "x" * (MAX_NAME + 1)
INJECTIONS = ("'; DROP TABLE articles; --", "\" OR 1=1 --", "') OR ('1'='1", "x' UNION SELECT json FROM articles --",
              "%", "\x00", "<script>alert(1)</script>")


@pytest.fixture(scope="module")
def client(hostile: HostileBuild) -> TestClient:
    return TestClient(create_app(hostile.db), raise_server_exceptions=False)


@pytest.mark.parametrize(("method", "url", "status", "kind"), [
    ("GET", "/", 200, "text/html"),
    ("GET", "/api/summary", 200, "application/json"),
    ("GET", "/api/articles?limit=1", 200, "application/json"),
    ("GET", "/api/search?q=Lowtown", 200, "application/json"),
    ("GET", "/openapi.json", 200, "application/json"),
    ("GET", "/api/articles/ffffffffffffffff", 404, "application/json"),
    ("GET", "/no/such/page", 404, "application/json"),
    ("GET", "/api/events?limit=-1", 422, "application/json"),
    ("POST", "/api/events", 405, "application/json"),
])
def test_every_response_carries_the_security_headers(client: TestClient, method: str, url: str, status: int,
                                                      kind: str) -> None:
    response = client.request(method, url)
    assert response.status_code == status and response.headers["content-type"].startswith(kind)
    policy = response.headers["content-security-policy"]
    assert policy.startswith("default-src 'none'") and "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff" and response.headers["x-frame-options"] == "DENY"
    if kind == "text/html":
        assert "script-src 'unsafe-inline'" in policy and "connect-src 'self'" in policy
    else:
        assert policy == "default-src 'none'; frame-ancestors 'none'"


def test_a_bug_is_answered_as_json_with_the_headers(hostile: HostileBuild) -> None:
    app = create_app(hostile.db)

    def broken() -> None:
        raise RuntimeError("a bug")

    app.add_api_route("/api/broken", broken)
    response = TestClient(app, raise_server_exceptions=False).get("/api/broken")
    assert response.status_code == 500 and response.json() == {"detail": "internal error; the server's log says why"}
    assert response.headers["content-security-policy"] and response.headers["x-content-type-options"] == "nosniff"


# (url, the parameter the 422 names); each endpoint, each parameter, too long, out of range or not in its list
BAD_PARAMETERS = [
    ("/api/articles?story=" + LONG_ID, "story"), ("/api/articles?family=", "family"),
    ("/api/articles?outlet=" + LONG_NAME, "outlet"), ("/api/articles?status=published", "status"),
    ("/api/articles?limit=501", "limit"), ("/api/articles?limit=ten", "limit"), ("/api/articles?offset=-1", "offset"),
    (f"/api/articles?offset={MAX_OFFSET + 1}", "offset"), ("/api/articles?offset=99999999999999999999999", "offset"),
    ("/api/articles/" + LONG_ID, "article_id"), ("/api/articles/" + "x" * 60_000, "article_id"),
    ("/api/stories?topic=" + LONG_ID, "topic"), ("/api/stories?article=" + LONG_ID, "article"),
    ("/api/events?type=BOMBING", "type"), ("/api/events?" + "&".join(["type=ASSAULT"] * 19), "type"),
    ("/api/events?since=yesterday", "since"), ("/api/events?since=2024-13", "since"),
    ("/api/events?until=2024-02-30", "until"), ("/api/events?until=0000", "until"),
    ("/api/events?actor=" + LONG_NAME, "actor"), ("/api/events?place=" + LONG_NAME, "place"),
    ("/api/events?family=" + LONG_ID, "family"), ("/api/events?story=" + LONG_ID, "story"),
    ("/api/events?background=maybe", "background"), ("/api/events?limit=1e3", "limit"),
    ("/api/entities?type=GPE", "type"), ("/api/entities?name=" + LONG_NAME, "name"),
    ("/api/entities/" + LONG_ID, "entity_id"),
    ("/api/quotes?speaker=" + LONG_NAME, "speaker"), ("/api/quotes?direct=sometimes", "direct"),
    ("/api/quotes?story=" + LONG_ID, "story"), ("/api/quotes?article=" + LONG_ID, "article"),
    ("/api/reuse?relation=stolen", "relation"), ("/api/reuse?article=" + LONG_ID, "article"),
    ("/api/families?article=" + LONG_ID, "article"),
    ("/api/places?country=IRQ", "country"), ("/api/places?country=1", "country"),
    ("/api/places?resolved=maybe", "resolved"), ("/api/places?name=" + LONG_NAME, "name"),
    ("/api/timeline?story=" + LONG_ID, "story"), (f"/api/timeline?offset={MAX_OFFSET + 1}", "offset"),
    ("/api/search", "q"), ("/api/search?q=", "q"), ("/api/search?q=" + "x" * (MAX_QUERY + 1), "q"),
    ("/api/search?q=x&limit=0", "limit"), ("/api/search?q=x&offset=99999999999999999999", "offset"),
]


@pytest.mark.parametrize(("url", "parameter"), BAD_PARAMETERS, ids=[url[:60] for url, _ in BAD_PARAMETERS])
def test_a_bad_parameter_is_422_with_the_reason(client: TestClient, url: str, parameter: str) -> None:
    response = client.get(url)
    assert response.status_code == 422 and response.headers["content-type"] == "application/json"
    problems = response.json()["detail"]
    assert [p["loc"][-1] for p in problems] == [parameter] and all(p["msg"] for p in problems)
    assert len(response.content) < 1000  # a long value is echoed only in part


@pytest.mark.parametrize("url", ["/api/articles/ffffffffffffffff", "/api/entities/E999999", "/api/entities/%2e%2e"])
def test_an_unknown_id_is_404_with_the_reason(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404 and response.json()["detail"].startswith("no ")


def _fingerprint(hostile: HostileBuild, client: TestClient) -> tuple[str, Any]:
    return hashlib.sha256(hostile.db.read_bytes()).hexdigest(), client.get("/api/summary").json()


# every string parameter the pile compares with stored values
STRING_FILTERS = [("articles", "story"), ("articles", "family"), ("articles", "outlet"), ("stories", "topic"),
                  ("stories", "article"), ("events", "story"), ("events", "actor"), ("events", "place"),
                  ("events", "family"), ("entities", "name"), ("quotes", "speaker"), ("quotes", "story"),
                  ("quotes", "article"), ("reuse", "article"), ("families", "article"), ("places", "name"),
                  ("timeline", "story")]


def test_sql_in_a_parameter_is_a_value(client: TestClient, hostile: HostileBuild) -> None:
    before = _fingerprint(hostile, client)
    for endpoint, parameter in STRING_FILTERS:
        for value in INJECTIONS:
            response = client.get(f"/api/{endpoint}", params={parameter: value})
            assert response.status_code == 200, (endpoint, parameter, value, response.text)
            assert response.json()["total"] == 0, (endpoint, parameter, value)
    for value in INJECTIONS:
        assert client.get(f"/api/articles/{quote(value, safe='')}").status_code == 404
        assert client.get(f"/api/entities/{quote(value, safe='')}").status_code == 404
    assert _fingerprint(hostile, client) == before


@pytest.mark.parametrize("query", ["'; DROP TABLE articles; --", "\" OR 1=1 --", "NEAR(", "NEAR(a b, -1)", "*", "^x",
                                   "title:x", "x:y:z", "a OR", "a NOT", "(((a", '"""', "\x00", "{{7*7}}", "-x",
                                   "<script>", "articles_fts MATCH 'x'", "\u2028"])
def test_hostile_full_text_queries_answer_200_or_422(client: TestClient, hostile: HostileBuild, query: str) -> None:
    before = _fingerprint(hostile, client)
    response = client.get("/api/search", params={"q": query})
    assert response.status_code in (200, 422), response.text
    if response.status_code == 422:
        assert "cannot search" in response.json()["detail"] or response.json()["detail"][0]["loc"][-1] == "q"
    assert _fingerprint(hostile, client) == before
    assert client.get("/api/search", params={"q": "Lowtown"}).json()["items"]
