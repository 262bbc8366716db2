"""``newsdossier eval TASK``: score a stage of the product on a public benchmark.

Each task scores what the product itself produces, through the same functions the
pipeline runs, so the number measures the product and not a side path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdossier.errors import ConfigError

if TYPE_CHECKING:
    from newsdossier.eval.stories import EvalDoc

__all__ = ["TASKS", "cluster_for_eval", "evaluate", "extract_for_eval", "geocode_for_eval", "geoparse_for_eval",
           "timex_for_eval"]

TASKS = ("extraction", "reuse", "stories", "ner", "parse", "entity-coref", "actors", "quotes", "timex", "dates", "credits",
         "events", "event-coref", "event-dates", "timeline", "modality", "geo")


def extract_for_eval(html: str, url: str | None) -> str:
    """The body newsdossier produces for one HTML page: extraction, then the line cleaner."""
    from newsdossier.clean import clean, prepare
    from newsdossier.model import Format, RawDocument, SourceHints

    data = html.encode("utf-8")
    raw = RawDocument("page.html", None, Format.HTML, "text/html", data, "utf-8", html, SourceHints(url=url))
    return clean(prepare(raw)).text


def _with_nlp(nlp_model: str, run: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    """``run`` with the spaCy pipeline ``nlp_model`` loaded, its result naming the pipeline."""
    from newsdossier.nlp import load_pipeline, pipeline_id

    nlp = load_pipeline(nlp_model)
    result = run(nlp)
    result["model"] = pipeline_id(nlp)
    return result


def cluster_for_eval(docs: Sequence[EvalDoc]) -> tuple[list[str], list[str]]:
    """(topic, story) per document from the product's own story clustering (text and title only)."""
    from newsdossier.stories import StoryDoc, find_stories

    result = find_stories([StoryDoc(d.id, d.title, d.text) for d in docs])
    return [result.topic_of(d.id) for d in docs], [result.story_of[d.id] for d in docs]


def timex_for_eval(text: str, dct: date) -> list[tuple[int, int, str, str]]:
    """(start, end, type, value) of every time expression the product finds, anchored to ``dct``."""
    from newsdossier.timex import find_time_expressions

    return [(t.start, t.end, t.type.value, t.value) for t in find_time_expressions(text, dct)]


def geocode_for_eval(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[float, float, int | None] | None]:
    """(lat, lon, GeoNames id) of each given span as the places stage resolves it, or None."""
    from newsdossier.places.resolve import resolve_toponyms

    return [(t.place.lat, t.place.lon, t.place.geonames_id) if t.place else None
            for t in resolve_toponyms(text, spans)]


def geoparse_for_eval(nlp: Any) -> Callable[[str], list[tuple[int, int, tuple[float, float, int | None] | None]]]:
    """The places stage end to end: the NLP pipeline's toponyms of a text, resolved."""
    from newsdossier.places.resolve import find_toponyms, resolve_toponyms

    def geoparse(text: str) -> list[tuple[int, int, tuple[float, float, int | None] | None]]:
        found = find_toponyms(nlp(text))
        resolved = resolve_toponyms(text, [(a, b) for a, b, _ in found], demonyms=[d for _, _, d in found])
        return [(t.start, t.end, (t.place.lat, t.place.lon, t.place.geonames_id) if t.place else None)
                for t in resolved]

    return geoparse


def evaluate(task: str, data: Path, *, nlp_model: str = "bundled", split: str | None = None,
             speaker_labels: Path | None = None, out: Path | None = None) -> dict[str, Any]:
    """Score ``task`` on the benchmark at ``data``; ``split`` picks a split where the benchmark has
    several (quotes: PolNeAR ``train``, ``dev`` or ``test``, default ``test``; actors and dates: ECB+
    ``train`` or ``dev`` topics, default all; geo: ``dev`` even, ``test`` odd articles, default
    all; timeline: ``dev`` the trial corpus, ``test`` the three evaluation corpora, default both);
    ``out`` (timeline) keeps the system's timeline files there; ``speaker_labels`` (quotes) a file of who labelled sources refer
    to (:func:`newsdossier.eval.quotes.read_speaker_labels`)."""
    if task == "extraction":
        from newsdossier.eval.extraction import evaluate_extraction

        return evaluate_extraction(data, extractor=extract_for_eval)
    if task == "reuse":
        from newsdossier.eval.reuse import evaluate_reuse

        return evaluate_reuse(data)
    if task == "stories":
        from newsdossier.eval.stories import evaluate_stories

        return evaluate_stories(data, clusterer=cluster_for_eval)
    if task in ("ner", "parse"):
        from newsdossier.eval.nlp import evaluate_ner, evaluate_parse

        return _with_nlp(nlp_model, lambda nlp: (evaluate_ner if task == "ner" else evaluate_parse)(data, nlp))
    if task == "entity-coref":
        from newsdossier.eval.coref import evaluate_entity_coref

        return _with_nlp(nlp_model, lambda nlp: evaluate_entity_coref(data, nlp))
    if task == "actors":
        from newsdossier.eval.actors import evaluate_actors

        return _with_nlp(nlp_model, lambda nlp: evaluate_actors(data, nlp, split=split))
    if task == "quotes":
        from newsdossier.eval.quotes import evaluate_quotes

        return _with_nlp(nlp_model, lambda nlp: evaluate_quotes(data, nlp, split=split or "test",
                                                                         speaker_labels=speaker_labels))
    if task == "timex":
        from newsdossier.eval.timex import evaluate_timex

        return evaluate_timex(data, tagger=timex_for_eval)
    if task == "dates":
        from newsdossier.eval.dates import evaluate_dates

        return evaluate_dates(data, split=split)
    if task == "credits":
        from newsdossier.eval.credits import evaluate_credits

        return evaluate_credits(data)
    if task == "event-coref":
        from newsdossier.eval.event_coref import evaluate_event_coref

        return _with_nlp(nlp_model, lambda nlp: evaluate_event_coref(data, nlp, split=split))
    if task == "event-dates":
        from newsdossier.eval.event_dates import evaluate_event_dates

        return _with_nlp(nlp_model, lambda nlp: evaluate_event_dates(data, nlp))
    if task == "modality":
        from newsdossier.eval.modality import evaluate_modality

        return _with_nlp(nlp_model, lambda nlp: evaluate_modality(data, nlp))
    if task == "timeline":
        from newsdossier.eval.timeline import evaluate_timelines

        return evaluate_timelines(data, nlp_model=nlp_model, split=split, out=out)
    if task == "events":
        from newsdossier.eval.events import evaluate_events

        return _with_nlp(nlp_model, lambda nlp: evaluate_events(data, nlp))
    if task == "geo":
        from newsdossier.eval.geo import evaluate_geo

        return _with_nlp(nlp_model, lambda nlp: evaluate_geo(data, geocode=geocode_for_eval,
                                                             geoparse=geoparse_for_eval(nlp), split=split))
    raise ConfigError(f"unknown eval task {task!r}; choose one of {', '.join(TASKS)}")
