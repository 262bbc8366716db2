"""Time newsdossier's HTML extraction against trafilatura alone, on the same pages in one run.

Three rows, each over every page of the Article Extraction Benchmark (AEB):

* ``trafilatura.extract``: plain text, default options. The reference: our HTML
  path must stay within 10 % of it (``ratio`` >= 0.90).
* ``trafilatura.extract+metadata``: the same with ``with_metadata=True``, for
  context, since ``extract_html`` also returns metadata.
* ``newsdossier.extract_html``: text, boilerplate-line filter and metadata.
* ``newsdossier.prepare+clean``: the product's whole per-page path (extraction, line
  cleaning, metadata, publication date), compared with the reference.

The extractors take turns page by page (see ``measure``), so drift (CPU frequency,
a neighbour's job) does not favour one of them. Best and median of the repetitions
are reported; the ratio divides our pages/s by plain trafilatura's.

Example:
    .venv/bin/python bench/html_speed.py --repeat 5
    .venv/bin/python bench/html_speed.py --data ../shared/datasets/article_extraction_benchmark --json
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from newsdossier.clean.html import extract_html
from newsdossier.evaluate import extract_for_eval
from newsdossier.eval.extraction import AebPage, load_aeb

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "article_extraction_benchmark"

Runner = Callable[[AebPage], object]

RUNNERS: dict[str, Runner] = {
    "trafilatura.extract": lambda page: trafilatura.extract(page.html, url=page.url),
    "trafilatura.extract+metadata": lambda page: trafilatura.extract(page.html, url=page.url, with_metadata=True),
    "newsdossier.extract_html": lambda page: extract_html(page.html, url=page.url),
    # What `newsdossier build` does per HTML page: extraction, then the line cleaner,
    # metadata and publication date.
    "newsdossier.prepare+clean": lambda page: extract_for_eval(page.html, page.url),
}
REFERENCE = "trafilatura.extract"
OURS = "newsdossier.prepare+clean"


def measure(pages: list[AebPage], repeat: int) -> dict[str, dict[str, float]]:
    """Seconds per full pass over ``pages`` for each runner, ``repeat`` passes each.

    The runners take turns page by page, in an order rotated from page to page, so
    that load from other processes and cache warmth fall on all of them alike; on a
    shared machine this made the ratio far steadier than timing whole passes one
    after the other.
    """
    names = list(RUNNERS)
    for page in pages[:10]:  # warm-up: imports, regex compilation, dateparser's first call
        for name in names:
            RUNNERS[name](page)
    seconds: dict[str, list[float]] = {name: [] for name in names}
    clock = time.perf_counter
    for rep in range(repeat):
        spent = dict.fromkeys(names, 0.0)
        for index, page in enumerate(pages):
            shift = (index + rep) % len(names)
            for name in names[shift:] + names[:shift]:
                start = clock()
                RUNNERS[name](page)
                spent[name] += clock() - start
        for name in names:
            seconds[name].append(spent[name])
    return {
        name: {
            "best_seconds": min(values),
            "median_seconds": statistics.median(values),
            "best_pages_per_second": len(pages) / min(values),
            "median_pages_per_second": len(pages) / statistics.median(values),
        }
        for name, values in seconds.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"AEB folder (default: {DEFAULT_DATA})")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes over all pages per row (default: 5)")
    parser.add_argument("--limit", type=int, help="use only the first N pages")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    args = parser.parse_args(argv)
    # trafilatura logs a warning for every page it finds no text in; not what is timed here.
    logging.disable(logging.WARNING)

    pages = load_aeb(args.data)[: args.limit]
    rows = measure(pages, args.repeat)
    ratio_best = rows[OURS]["best_pages_per_second"] / rows[REFERENCE]["best_pages_per_second"]
    ratio_median = rows[OURS]["median_pages_per_second"] / rows[REFERENCE]["median_pages_per_second"]
    result = {
        "pages": len(pages),
        "repeat": args.repeat,
        "trafilatura_version": trafilatura.__version__,
        "rows": rows,
        "ratio_best": ratio_best,
        "ratio_median": ratio_median,
    }
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"{len(pages)} pages, {args.repeat} repetitions, trafilatura {trafilatura.__version__}")
    print(f"{'extractor':<30} {'best p/s':>9} {'median p/s':>11} {'best s':>7}")
    for name, row in rows.items():
        print(
            f"{name:<30} {row['best_pages_per_second']:>9.1f} "
            f"{row['median_pages_per_second']:>11.1f} {row['best_seconds']:>7.2f}"
        )
    print(f"ratio {OURS} / {REFERENCE}: {ratio_best:.3f} (best), {ratio_median:.3f} (median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
