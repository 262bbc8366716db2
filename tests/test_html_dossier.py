"""dossier.html in real Chromium (issue #25): the demo pile's views render, a quote opens its article with
the passage marked, hostile article text is shown and never run, and the page asks the network for nothing.

Needs Debian's ``chromium`` and ``chromium-driver`` (``make test`` installs them where it may) and
selenium (a test tool); skips with the reason when they are absent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import newsdossier



def _open(browser: Any, page: Path) -> None:
    browser.get(page.resolve().as_uri())
    browser.execute_script("return document.readyState")


def _count(browser: Any, selector: str) -> int:
    return int(browser.execute_script(f"return document.querySelectorAll({selector!r}).length"))


def test_the_demo_dossier_renders_every_view(browser: Any, demo_build: Path, demo_dossier: dict[str, Any]) -> None:
    page = demo_build / "out" / "dossier.html"
    _open(browser, page)
    assert browser.find_element("id", "counts").text.startswith("5 articles")
    assert _count(browser, "div.story") == len(demo_dossier["stories"])
    assert _count(browser, "svg.story-chart") >= 1 and _count(browser, "svg.story-chart circle.event") >= 1
    browser.execute_script("newsdossier.show('events')")
    assert _count(browser, "#tab-events tbody tr") == len(demo_dossier["events"])
    browser.execute_script("newsdossier.show('timeline')")
    assert _count(browser, "#tab-timeline tbody tr") == min(50, len(demo_dossier["timeline"])) > 0
    browser.execute_script("newsdossier.show('copies')")
    assert _count(browser, "svg.copy-graph circle.node") >= 2 and _count(browser, "svg.copy-graph path.edge") >= 1
    browser.execute_script("newsdossier.show('map')")
    placed = [p for p in demo_dossier["places"] if p["resolved"]]
    assert _count(browser, "svg.world-map path.country") > 150 and _count(browser, "svg.world-map circle.place") == len(placed)
    browser.execute_script("newsdossier.show('actors')")
    assert _count(browser, "#tab-actors tbody tr") == min(50, len(demo_dossier["entities"]))
    browser.execute_script("newsdossier.show('articles')")
    assert _count(browser, "#tab-articles tbody tr") == 5


def test_a_quote_opens_its_article_with_the_passage_marked(browser: Any, demo_build: Path,
                                                           demo_dossier: dict[str, Any]) -> None:
    _open(browser, demo_build / "out" / "dossier.html")
    browser.execute_script("newsdossier.show('quotes')")
    button = browser.find_elements("css selector", "button.quote-text")[-1]
    article, start, end = (button.get_attribute(name) for name in ("data-article", "data-start", "data-end"))
    browser.execute_script("arguments[0].scrollIntoView(); arguments[0].click();", button)
    passage = browser.find_element("id", "passage")
    [text] = [a["text"] for a in demo_dossier["articles"] if a["id"] == article]
    assert passage.text == text[int(start):int(end)].strip() or passage.text == text[int(start):int(end)]
    in_view = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(), box = document.getElementById('reader').getBoundingClientRect();"
        "return r.top >= box.top && r.bottom <= box.bottom;", passage)
    assert in_view


def test_a_passage_after_characters_beyond_utf16_is_marked_where_python_counts(browser: Any, tmp_path: Path) -> None:
    text = "Fans wrote \U0001F600\U0001F600 on the wall. The mayor resigned on Monday after the vote in London."
    with newsdossier.build_dossier([text], out=tmp_path / "out") as dossier:
        [article] = dossier.articles
        start = article.text.index("The mayor")
        _open(browser, next(p for p in dossier.files if p.name == "dossier.html"))
        browser.execute_script("newsdossier.openArticle(arguments[0], arguments[1], arguments[2])", article.id, start,
                               start + len("The mayor resigned"))
        assert browser.find_element("id", "passage").text == "The mayor resigned"


def test_the_timeline_shows_each_hedge_and_opens_the_sentence(browser: Any, tmp_path: Path) -> None:
    text = ("Airbus said on Tuesday that its A380 programme is two years late. If the sale had gone through last year, "
            "the aircraft would have been delivered by 2011. The first test flight may take place as early as March.")
    with newsdossier.build_dossier([{"text": text, "published": "2007-01-10", "url": "https://example.org/a"}],
                                   out=tmp_path / "out") as dossier:
        [article] = dossier.articles
        _open(browser, next(p for p in dossier.files if p.name == "dossier.html"))
    browser.execute_script("newsdossier.show('timeline')")
    rows = [r.text for r in browser.find_elements("css selector", "#tab-timeline tbody tr")]
    assert len(rows) == 2 and not any("would have been" in r for r in rows)  # the counterfactual is left out
    [hedged] = [r for r in rows if "may take place" in r]
    assert "possible: “may”" in hedged
    assert _count(browser, "#tab-timeline span.badge.hedge") == 1
    browser.find_elements("css selector", "#tab-timeline tbody tr")[rows.index(hedged)].click()
    start = article.text.index("The first test flight")
    assert browser.find_element("id", "passage").text == article.text[start:].strip()


def test_hostile_text_is_shown_and_never_run_and_nothing_is_fetched(browser: Any, tmp_path: Path) -> None:
    payload_title = 'Mayor resigns <script>window.__pwned = "title"</script>'
    payload_text = ('The council met on Monday. <img src=x onerror="window.__pwned = \'text\'"> '
                    '</script><script>window.__pwned = "breakout"</script> Officials said the mayor had resigned '
                    'after a vote in London. "We will go on," the deputy mayor said.')
    with newsdossier.build_dossier([{"title": payload_title, "text": payload_text, "url": "https://example.org/x"}],
                                   out=tmp_path / "out") as dossier:
        page = next(p for p in dossier.files if p.name == "dossier.html")
        _open(browser, page)
        browser.execute_script("newsdossier.show('articles')")
        assert payload_title in browser.find_element("css selector", "#tab-articles tbody tr").text
        browser.find_element("css selector", "#tab-articles tbody tr").click()
        reader_text = browser.find_element("id", "reader-text").text
        assert '<img src=x onerror="window.__pwned' in reader_text and "</script><script>" in reader_text
        assert browser.execute_script("return window.__pwned === undefined")
        assert _count(browser, "img") == 0 and _count(browser, "#reader script") == 0
        # nothing but the page itself was loaded, and the page names no outside resource
        assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
        assert _count(browser, "[src]") == 0 and _count(browser, "link[href]") == 0
        policy = browser.execute_script(
            "return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content")
        assert policy.startswith("default-src 'none'")


def test_serve_answers_the_ui_and_the_api_in_the_browser(browser: Any, demo_build: Path) -> None:
    import socket
    import threading
    import time

    import uvicorn

    from newsdossier.serve import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(demo_build / "p.db"), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started
        base = f"http://127.0.0.1:{port}"
        browser.get(base + "/")
        assert browser.find_element("id", "counts").text.startswith("5 articles")
        found = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch('/api/search?q=Baghdad&limit=3').then(r => r.json()).then(b => done(b.items.length))"
            ".catch(e => done(String(e)));")
        assert found == 3
        events = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch('/api/events?type=ASSAULT').then(r => r.json()).then(b => done(b.total)).catch(e => done(String(e)));")
        assert isinstance(events, int) and events >= 1
        requested = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert requested and all(name.startswith(base) for name in requested)  # nothing left this machine
    finally:
        server.should_exit = True
        thread.join(timeout=10)
