"""The hostile pile of issue #26, for the tests in this folder (tests/hostile/conftest.py builds it once):
articles whose titles, outlets, bylines, addresses, texts and quotes carry script, raw HTML, Markdown links
and images, comment openers, template syntax, table pipes, line and paragraph separators and control
characters. Every script payload would set ``window.__pwned`` and the page's title to "pwned" if it ever ran."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PWNED_SCRIPT = "<script>window.__pwned = 1; document.title = 'pwned'</script>"
BREAKOUT = "</script><script>window.__pwned = 2; document.title = 'pwned'</script>"
IMG = "<img src=x onerror=\"window.__pwned = 3; document.title = 'pwned'\">"
IFRAME = "<iframe src=\"javascript:window.parent.__pwned = 4\"></iframe>"
MD_LINK = "[click](javascript:alert(1))"
MD_IMAGE = "![x](http://evil.example/beacon.png)"
COMMENT = "<!-- hidden"
TEMPLATE = "{{ 7*7 }} ${7*7}"
TICKS = "`code` ``` fence"
PIPES = "a | b || c"
SEPARATORS = "\u2028\u2029"
CONTROLS = "\x01\x1b[31m\x7f"
JS_URL = "javascript:alert(1)"

# what the records say, and what the tests look for as written
TITLES = {
    "formula": f"=HYPERLINK(\"http://evil.example\",\"Bridge\") {PWNED_SCRIPT} | closes",
    "image": f"+Bridge {MD_IMAGE} `tick` {COMMENT}",
    "lines": "Protest\nin Lowtown\r\n| --- |",
    "web": "Lowtown bridge: the council's page",
}
OUTLETS = {"formula": f"{IMG}Evil Times | x", "image": "-Minus Post", "lines": "\tTab News", "web": "@Lowtown Web"}
BYLINES: dict[str, Any] = {"formula": [MD_LINK, "@SUM(1+1)"], "image": f"Jo\u2028Smith {TEMPLATE}",
                           "lines": "\rCarriage", "web": "Ann Web"}
URLS = {"formula": JS_URL, "image": "data:text/html,<script>alert(1)</script>",
        "lines": " JaVaScRiPt:alert(document.domain)", "web": "https://example.org/bridge?a=1&b=2"}
HOSTILE_IN_TEXT = (MD_LINK, MD_IMAGE, IFRAME, COMMENT, BREAKOUT, IMG, TEMPLATE, TICKS, PIPES)


def _body(cost: int, firm: str) -> str:
    """Three paragraphs the cleaner keeps and the quote, time and event finders read, with every payload inside."""
    return (f"The council of Lowtown met on Monday, 3 March 2024, and voted to close the old bridge. {MD_LINK} and "
            f"{MD_IMAGE} were posted on the council's site. {IFRAME} {COMMENT} Mayor Jane Holloway said the bridge "
            f"was unsafe.{SEPARATORS}\n\n"
            f"\"{BREAKOUT} We will rebuild it by June,\" Mayor Jane Holloway told reporters in Lowtown. Engineers "
            f"from {firm} said {IMG} the repairs would cost {cost} million pounds. {TEMPLATE} {TICKS} {PIPES} "
            f"{CONTROLS}\n\n"
            "Residents of Lowtown protested outside the town hall on Tuesday. \"We were not asked,\" said Tom Baker, "
            "a shopkeeper. The police arrested two protesters in Lowtown on Tuesday evening, officials said.\n")


def write_hostile_pile(folder: Path) -> None:
    """JSON records (hostile metadata), a plain-text file (hostile headline) and an HTML page (escaped payloads
    in its title and paragraphs, a real script and an onclick the extractor must drop)."""
    folder.mkdir(parents=True)
    records = [{"title": TITLES[key], "outlet": OUTLETS[key], "byline": BYLINES[key], "url": URLS[key],
                "published": f"2024-03-0{4 + n}", "text": ("-" if key == "lines" else "") + _body(3 + n, "Bridgeco")}
               for n, key in enumerate(TITLES)]
    (folder / "records.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    (folder / "plain.txt").write_text(f"@Lowtown bridge {PIPES} {IFRAME}\n\n" + _body(8, "Spanworks"), encoding="utf-8")
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in _body(9, "Archwell").split("\n\n"))
    (folder / "page.html").write_text(
        "<!DOCTYPE html><html><head><title>Bridge &lt;script&gt;window.__pwned = 5&lt;/script&gt; | news</title>"
        "<meta property=\"og:site_name\" content=\"&lt;b&gt;Bold&lt;/b&gt; News\">"
        "<script>window.__pwned = 6</script></head><body><article>"
        "<h1>Bridge &lt;script&gt;window.__pwned = 5&lt;/script&gt; | news</h1>"
        f"{paragraphs}<p onclick=\"window.__pwned = 7\">Click me.</p></article></body></html>", encoding="utf-8")


@dataclass(frozen=True, slots=True)
class HostileBuild:
    inputs: Path
    db: Path
    out: Path
    dossier: dict[str, Any]
    markdown: str
    page: str  # dossier.html as written

    def article(self, key: str) -> dict[str, Any]:
        """The article built from the record ``key`` of :data:`TITLES`."""
        [found] = [a for a in self.dossier["articles"] if a["title"] == TITLES[key]]
        return found
