"""Speed of the events stage over stored analyses: articles per second, in one process and in the
annotate pass's worker processes.

Usage:
    .venv/bin/python bench/events_speed.py --db PILE.db [--processes N] [--json]

``PILE.db`` is a pile ``newsdossier build`` has built (its analyses stored). Measured separately,
over every article with an analysis: decoding the stored analysis (paid once by the annotate pass
for all its extractors, not by events), the event extractor (``find_event_mentions`` and
``attach_dates_and_places``, with the article's time expressions found beforehand, not timed),
and ``resolve_events`` over the whole pile (without actors). What a process loads once, on first
use (the gazetteer, the CAMEO dictionary, the discard phrases, simplemma's English dictionary), is
loaded before the timing and reported apart.

With ``--processes N`` (default: what the build's annotate pass starts on this machine,
``steps.annotate_workers``), the extractor also runs as the build runs it there: in N processes
forked from this one after the loads, each reading every N-th article. Each decodes its articles
and finds their time expressions first; then all start together, and the time runs until this
process has every worker's mentions back (the hand-back is counted). The events stage's rate on
N processes is the articles over that time plus ``resolve_events``, which runs here.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

_WORK: list[tuple[Any, bytes]] = []  # (article, stored analysis), read before the workers fork


def _worker(share: int, processes: int, model: str, barrier: Any, results: Any) -> None:
    from newsdossier.events.attach import attach_dates_and_places
    from newsdossier.events.extract import find_event_mentions, sentence_mains
    from newsdossier.nlp import load_pipeline
    from newsdossier.nlp.stage import doc_from_bytes
    from newsdossier.timex import find_time_expressions

    vocab = load_pipeline(model).vocab
    ready = []
    for article, data in _WORK[share::processes]:
        doc = doc_from_bytes(data, vocab)
        spans = [(s.start_char, s.end_char) for s in doc.sents]
        ready.append((article, doc, find_time_expressions(article.text, article.published, sentences=spans)))
    barrier.wait()
    mentions = {}
    for article, doc, expressions in ready:
        found = find_event_mentions(article.id, doc, article.text)
        mentions[article.id] = attach_dates_and_places(found, doc, expressions, article.published.value, None,
                                                       main=sentence_mains(found, doc))
    results.put((share, mentions))


def _in_processes(processes: int, model: str) -> tuple[float, dict[str, Any]]:
    """(seconds from the common start until every worker's mentions are back, the mentions by article)."""
    from newsdossier.processes import fork_context

    context = fork_context()
    if context is None:
        raise SystemExit("--processes above 1 needs Linux's fork, in a process running no other thread")
    barrier = context.Barrier(processes + 1)
    results = context.Queue()
    workers = [context.Process(target=_worker, args=(share, processes, model, barrier, results))
               for share in range(processes)]
    for worker in workers:
        worker.start()
    barrier.wait()
    started = time.perf_counter()
    parts = dict(results.get() for _ in workers)
    seconds = time.perf_counter() - started
    for worker in workers:
        worker.join()
    by_article = {article.id: parts[i % processes][article.id] for i, (article, _) in enumerate(_WORK)}
    return seconds, by_article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--processes", type=int, default=None,
                        help="worker processes for the second measurement (default: the annotate pass's count here)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    import simplemma

    from newsdossier.events.attach import attach_dates_and_places
    from newsdossier.events.extract import find_event_mentions, sentence_mains
    from newsdossier.events.lexicon import discards, lexicon
    from newsdossier.events.resolve import resolve_events
    from newsdossier.nlp import BUNDLED, load_pipeline, pipeline_id
    from newsdossier.nlp.stage import doc_from_bytes, text_key
    from newsdossier.places.gazetteer import gazetteer
    from newsdossier.steps import annotate_workers
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
            _WORK.append((article, data))
    for article, data in _WORK:
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

    def resolved(by_article: dict[str, Any]) -> tuple[float, int]:
        started = time.perf_counter()
        events = resolve_events(by_article, story_of={}, family_of={}, spun_sources={}, actors={},
                                texts={a.id: a.text for a in articles},
                                published={a.id: a.published.value for a in articles})
        return time.perf_counter() - started, len(events)

    resolve, events = resolved(mentions)
    count = len(mentions)
    processes = args.processes if args.processes is not None else annotate_workers(count)
    result: dict[str, Any] = {
        "articles": count, "mentions": sum(len(m) for m in mentions.values()), "events": events,
        "decode_seconds": round(decode, 2), "gazetteer_seconds": round(gazetteer_seconds, 2),
        "other_loads_seconds": round(loads_seconds, 2),
        "extract_seconds": round(extract, 2),
        "resolve_seconds": round(resolve, 2),
        "extract_articles_per_second": round(count / extract, 1) if extract else None,
        "events_stage_articles_per_second": round(count / (extract + resolve), 1) if extract + resolve else None,
        "events_stage_articles_per_second_with_loads":
            round(count / (extract + resolve + loads_seconds), 1) if extract + resolve else None,
        "processes": processes}
    if processes > 1 and count:
        seconds, by_article = _in_processes(processes, BUNDLED)
        if by_article != mentions:
            raise SystemExit(f"the {processes} processes found other mentions than one process")
        resolve_there, _ = resolved(by_article)
        result.update({
            "extract_seconds_in_processes": round(seconds, 2),
            "events_stage_articles_per_second_in_processes": round(count / (seconds + resolve_there), 1)})
    print(json.dumps(result, indent=2) if args.json else
          f"{count} articles: extraction {result['extract_articles_per_second']} articles/s, events stage "
          f"{result['events_stage_articles_per_second']} articles/s in one process, "
          f"{result.get('events_stage_articles_per_second_in_processes')} in {processes} "
          f"({result['mentions']} mentions, {result['events']} events); decoding {result['decode_seconds']} s, "
          f"gazetteer load {result['gazetteer_seconds']} s and other loads {result['other_loads_seconds']} s "
          f"(not counted; {result['events_stage_articles_per_second_with_loads']} articles/s with the other loads "
          "in one process)")


if __name__ == "__main__":
    main()
