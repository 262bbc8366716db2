"""Size and load time of dossier.html for a built pile, in real Chromium.

Usage:
    .venv/bin/python bench/html_dossier.py --db PILE.db [--json]

Renders the pile's dossier.html into a temporary folder (timed), then opens it in headless Chromium
(Debian's ``chromium`` and ``chromium-driver``) and measures: the page's load (navigation start to the
load event, which includes parsing the embedded records and drawing the first tab), and the first
opening of each other tab (each renders on first view, a page of 50 rows at most). One run each.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    from newsdossier.dossier import build_view
    from newsdossier.dossier.html import TABS, render_html
    from newsdossier.store.pile import Pile

    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder, Pile.open(args.db) as pile:
        page = Path(folder) / "dossier.html"
        started = time.perf_counter()
        view = build_view(pile)
        with page.open("w", encoding="utf-8") as out:
            render_html(view, out)
        result.update(articles=view.sources["articles"], render_seconds=round(time.perf_counter() - started, 2),
                      bytes=page.stat().st_size)
        options = Options()
        options.binary_location = "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"):
            options.add_argument(argument)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.get(page.as_uri())
            timing = driver.execute_script("const t = performance.getEntriesByType('navigation')[0];"
                                           "return [t.domContentLoadedEventEnd, t.loadEventEnd];")
            result.update(dom_content_loaded_ms=round(timing[0]), load_ms=round(timing[1]))
            tabs = {}
            for name, _ in TABS[1:]:
                tabs[name] = round(driver.execute_script(
                    "const t = performance.now(); newsdossier.show(arguments[0]); return performance.now() - t;", name))
            result["first_open_ms"] = tabs
        finally:
            driver.quit()
    print(json.dumps(result, indent=None if not args.json else 2))


if __name__ == "__main__":
    main()
