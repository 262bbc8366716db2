"""What the events tests read of a text: its event mentions by trigger word."""

from __future__ import annotations

from datetime import date
from typing import Any

from newsdossier.events.extract import find_event_mentions


def mentions(nlp: Any, text: str) -> dict[str, Any]:
    """The event mentions of ``text``, by their trigger's words (the last one of a word used twice)."""
    return {m.trigger.text: m for m in find_event_mentions("a", nlp(text), text)}


def attached(nlp: Any, text: str, published: date | None, dateline: str | None = None,
             published_latest: date | None = None) -> dict[str, Any]:
    """The mentions of ``text`` with their dates and places (time expressions read against ``published``),
    by their trigger's words."""
    from newsdossier.events.attach import attach_dates_and_places
    from newsdossier.events.extract import sentence_mains
    from newsdossier.timex import find_time_expressions

    doc = nlp(text)
    expressions = find_time_expressions(text, published, sentences=[(s.start_char, s.end_char) for s in doc.sents])
    found = find_event_mentions("a", doc, text)
    latest = {"published_latest": published_latest} if published_latest else {}
    return {m.trigger.text: m for m in attach_dates_and_places(found, doc, expressions, published, dateline,
                                                               main=sentence_mains(found, doc), **latest)}


def parsed(nlp: Any, rows: list[tuple[str, int, str, str, str, str]], ents: list[str] | None = None) -> Any:
    """A parse as the bundled parser (LAS 0.70) gave it in the trial: (word, head, dep, pos, tag, lemma)."""
    from spacy.tokens import Doc

    words, heads, deps, pos, tags, lemmas = (list(column) for column in zip(*rows, strict=True))
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
               sent_starts=[True] + [False] * (len(rows) - 1), ents=ents)
