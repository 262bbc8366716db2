"""dossier.html and ``newsdossier serve``'s page of a hostile pile, in real Chromium (issue #26): with every view
drawn and every article opened, no payload ran, hostile strings are shown as text, only http(s) addresses are
links, and the page's JSON cannot end its script element."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from hostile_pile import BREAKOUT, IMG, MD_LINK, TITLES, URLS, HostileBuild

VIEWS = ("stories", "events", "copies", "map", "actors", "quotes", "articles")
DATA = re.compile(r'<script type="application/json" id="dossier-data">(.*?)</script>', re.S)


def _draw_everything(browser: Any, dossier: dict[str, Any]) -> None:
    """Every tab drawn, every article opened in the reader, every quote clicked."""
    for view in VIEWS:
        browser.execute_script("newsdossier.show(arguments[0])", view)
    for article in dossier["articles"]:
        browser.execute_script("newsdossier.openArticle(arguments[0])", article["id"])
    browser.execute_script("newsdossier.show('quotes')")
    browser.execute_script("for (const b of document.querySelectorAll('button.quote-text')) b.click();")


def _assert_nothing_ran_and_all_is_text(browser: Any, hostile: HostileBuild) -> None:
    assert browser.execute_script("return window.__pwned === undefined"), "an injected script ran"
    assert "pwned" not in browser.title
    made = browser.execute_script(
        "return {scripts: document.scripts.length, elements: document.querySelectorAll("
        "'img, iframe, object, embed, [onerror], [onclick], [srcdoc], base, meta[http-equiv=refresh]').length}")
    assert made == {"scripts": 3, "elements": 0}  # the page's data, the map and its own script
    outside_reader = "return [...document.querySelectorAll('[href], [src]')].filter(e => !e.closest('#reader')).length"
    assert browser.execute_script(outside_reader) == 0
    for article in hostile.dossier["articles"]:  # a link only to an http(s) address; javascript: and data: are text
        browser.execute_script("newsdossier.openArticle(arguments[0])", article["id"])
        hrefs = browser.execute_script("return [...document.querySelectorAll('[href]')].map(a => a.getAttribute('href'))")
        assert hrefs == (["https://example.org/bridge?a=1&b=2"] if article["url"] == URLS["web"] else []), article["url"]
    browser.execute_script("newsdossier.show('articles')")
    table = browser.execute_script("return document.getElementById('tab-articles').textContent")
    assert all(title in table for title in TITLES.values())
    for key in ("formula", "image", "lines"):
        browser.execute_script("newsdossier.openArticle(arguments[0])", hostile.article(key)["id"])
        reader = browser.execute_script("return document.getElementById('reader').textContent")
        assert URLS[key].strip() in reader and TITLES[key] in reader
        assert BREAKOUT in reader and IMG in reader and MD_LINK in reader
        assert browser.execute_script("return document.querySelectorAll('#reader a').length") == 0


def test_the_page_json_cannot_end_its_script_element(hostile: HostileBuild) -> None:
    raw = DATA.findall(hostile.page)[0]  # the first: the viewer's own comment names the element too
    assert not set(raw) & {"<", ">", "\u2028", "\u2029"}
    data = json.loads(raw)
    assert [a["title"] for a in data["articles"]] == [a["title"] for a in hostile.dossier["articles"]]
    assert hostile.page.count("</script>") == 3 and hostile.page.count("<!--") == 0


def test_dossier_html_runs_nothing_from_the_articles(browser: Any, hostile: HostileBuild) -> None:
    browser.get((hostile.out / "dossier.html").resolve().as_uri())
    _draw_everything(browser, hostile.dossier)
    _assert_nothing_ran_and_all_is_text(browser, hostile)
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0


@pytest.fixture(scope="module")
def served(hostile: HostileBuild) -> Iterator[str]:
    """``newsdossier serve`` of the hostile pile in a thread; its base address."""
    uvicorn = pytest.importorskip("uvicorn")
    from newsdossier.serve import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(hostile.db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_the_served_page_runs_nothing_from_the_articles(browser: Any, hostile: HostileBuild, served: str) -> None:
    browser.get(served + "/")
    _draw_everything(browser, hostile.dossier)
    _assert_nothing_ran_and_all_is_text(browser, hostile)
    titles = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch('/api/articles').then(r => r.json()).then(b => done(b.items.map(a => a.title))).catch(e => done(String(e)));")
    assert sorted(titles) == sorted(a["title"] for a in hostile.dossier["articles"])
    assert browser.execute_script("return window.__pwned === undefined")
    requested = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert all(name.startswith(served) for name in requested)
