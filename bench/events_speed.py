"""Speed of the events stage over stored analyses: articles per second, one process.

Usage:
    .venv/bin/python bench/events_speed.py --db PILE.db [--json]

``PILE.db`` is a pile ``newsdossier build`` has built (its analyses stored). Measured separately,
over every article with an analysis: decoding the stored analysis (paid once by the annotate pass
for all its extractors, not by events), the event extractor (``find_event_mentions`` and
``attach_dates_and_places``, with the article's time expressions found beforehand, not timed),
and ``resolve_events`` over the whole pile (without actors). One process: the extractors run in
the annotate pass's single loop, so a second core does not serve them. What a process loads once,
on first use (the gazetteer, the CAMEO dictionary, the discard phrases, simplemma's English
dictionary), is loaded before the timing and reported apart.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    import simplemma

    from newsdossier.events.attach import attach_dates_and_places
    from newsdossier.events.lexicon import discards, lexicon
    from newsdossier.events.extract import find_event_mentions, sentence_mains
    from newsdossier.events.resolve import resolve_events
    from newsdossier.nlp import BUNDLED, load_pipeline, pipeline_id
    from newsdossier.places.gazetteer import gazetteer
    from newsdossier.nlp.stage import doc_from_bytes, text_key
    from newsdossier.store import Store
    from newsdossier.timex import find_time_expressions

    nlp = load_pipeline(BUNDLED)
    model = pipeline_id(nlp)
    started = time.perf_counter()
    gazetteer()  # loaded once per process, as the build's places stage does; the events read it for a town's name
    gazetteer_seconds = time.perf_counter() - started
    started = time.perf_counter()
    # the rest of what is loaded once per process, on first use: the CAMEO dictionary, the discard phrases, and
    # simplemma's English dictionary (the reuse stage may already have loaded it in a build)
    lexicon()
    discards()
    simplemma.lemmatize("was", lang="en")
    loads_seconds = time.perf_counter() - started
    decode = extract = 0.0
    mentions = {}
    with Store.open(args.db, read_only=True) as store:
        articles = list(store.iter_articles())
        for article in articles:
            data = store.nlp_data(text_key(article.text), model)
            if data is None:
                continue
            started = time.perf_counter()
            doc = doc_from_bytes(data, nlp.vocab)
            decode += time.perf_counter() - started
            spans = [(s.start_char, s.end_char) for s in doc.sents]
            expressions = find_time_expressions(article.text, article.published, sentences=spans)
            started = time.perf_counter()
            found = find_event_mentions(article.id, doc, article.text)
            mentions[article.id] = attach_dates_and_places(found, doc, expressions, article.published.value, None,
                                                           main=sentence_mains(found, doc))
            extract += time.perf_counter() - started
    started = time.perf_counter()
    events = resolve_events(mentions, story_of={}, family_of={}, spun_sources={}, actors={},
                            texts={a.id: a.text for a in articles}, published={a.id: a.published.value for a in articles})
    resolve = time.perf_counter() - started
    count = len(mentions)
    result = {"articles": count, "mentions": sum(len(m) for m in mentions.values()), "events": len(events),
              "decode_seconds": round(decode, 2), "gazetteer_seconds": round(gazetteer_seconds, 2),
              "other_loads_seconds": round(loads_seconds, 2),
              "extract_seconds": round(extract, 2),
              "resolve_seconds": round(resolve, 2),
              "extract_articles_per_second": round(count / extract, 1) if extract else None,
              "events_stage_articles_per_second": round(count / (extract + resolve), 1) if extract + resolve else None,
              "events_stage_articles_per_second_with_loads":
                  round(count / (extract + resolve + loads_seconds), 1) if extract + resolve else None}
    print(json.dumps(result, indent=2) if args.json else
          f"{count} articles: extraction {result['extract_articles_per_second']} articles/s, events stage "
          f"{result['events_stage_articles_per_second']} articles/s ({result['mentions']} mentions, "
          f"{result['events']} events); decoding {result['decode_seconds']} s, gazetteer load "
          f"{result['gazetteer_seconds']} s and other loads {result['other_loads_seconds']} s (not counted; "
          f"{result['events_stage_articles_per_second_with_loads']} articles/s with the other loads)")


if __name__ == "__main__":
    main()
