"""Speed of the places stage over stored analyses, and the gazetteer's load time and memory.

Usage:
    .venv/bin/python bench/places_speed.py --db PILE.db [--json]

``PILE.db`` is a pile ``newsdossier build`` has built (its analyses stored). Measured separately:
loading the gazetteer (once per process, on first use) with the process's peak resident memory
before and after; decoding each stored analysis (paid once by the annotate pass for all its
extractors, not timed as places); and the places extractor on each article
(:func:`newsdossier.places.find_places`: toponyms from the parse, resolved with the dateline's
country as evidence). One process, as in the annotate pass.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from newsdossier.nlp import BUNDLED, load_pipeline, pipeline_id
    from newsdossier.nlp.stage import doc_from_bytes, text_key
    from newsdossier.places import find_places, gazetteer
    from newsdossier.steps import _dateline_place
    from newsdossier.store import Store

    nlp = load_pipeline(BUNDLED)
    model = pipeline_id(nlp)
    before = _peak_mib()
    started = time.perf_counter()
    gaz = gazetteer()
    load = time.perf_counter() - started
    after = _peak_mib()
    docs = []
    with Store.open(args.db, read_only=True) as store:
        for article in store.iter_articles():
            data = store.nlp_data(text_key(article.text), model)
            if data is not None:
                docs.append((article, doc_from_bytes(data, nlp.vocab)))
    started = time.perf_counter()
    toponyms = [find_places(article.text, doc, _dateline_place(article.dateline)) for article, doc in docs]
    seconds = time.perf_counter() - started
    found = [t for article_toponyms in toponyms for t in article_toponyms]
    result = {"articles": len(docs), "toponyms": len(found), "resolved": sum(t.place is not None for t in found),
              "places_seconds": round(seconds, 3), "articles_per_second": round(len(docs) / seconds, 1),
              "gazetteer_load_seconds": round(load, 2), "gazetteer_places": len(gaz.places),
              "peak_mib_before_gazetteer": round(before), "peak_mib_after_gazetteer": round(after)}
    print(json.dumps(result, indent=2) if args.json else "\n".join(f"{k:<28} {v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
