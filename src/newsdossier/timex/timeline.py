"""A provisional timeline per story: dated sentences, each cited, until events are extracted.

Every sentence with a time expression that names a calendar period (a day, a week, a month, a
year, not "now" or "three years") becomes an entry dated by that expression. The same sentence
carried by several articles (wire copies) is one entry with every article as a source and the
number of independent families among them; entries are ordered by the first day they cover.

Each entry carries the ``modality`` of the clause its expression dates, as the parse reads it
(:func:`newsdossier.events.modality.dated_clause_modality`, passed in by the caller): ``asserted``,
a hedge (``expected``, ``possible``, ``intended`` ...) with its ``cue`` word, or ``unknown`` when
the article has no parse. The caller leaves out what did not happen (``hypothetical``,
``negated`` ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from newsdossier.timex.model import TimeExpression

__all__ = ["Dated", "TimelineEntry", "TimelineSource", "build_timeline", "dated_sentences"]

# Longer sentences are cut (at a word) for the timeline; the offsets still cite the whole sentence.
MAX_SENTENCE_CHARS: Final = 320


@dataclass(frozen=True, slots=True)
class TimelineSource:
    article: str
    start: int  # the sentence
    end: int
    time_start: int  # the time expression
    time_end: int


@dataclass(slots=True)
class TimelineEntry:
    story: str | None
    value: str
    first: date
    last: date
    time_text: str
    text: str
    modality: str = "unknown"
    modality_cue: str = ""
    sources: list[TimelineSource] = field(default_factory=list)


def _sentence_of(sentences: Sequence[tuple[int, int]], position: int) -> tuple[int, int] | None:
    for start, end in sentences:
        if start <= position < end:
            return start, end
    return None


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_SENTENCE_CHARS:
        return text
    return text[:MAX_SENTENCE_CHARS].rsplit(" ", 1)[0] + " …"


Dated = tuple[TimeExpression, TimelineSource, str, tuple[str, str]]


def dated_sentences(article: str, text: str, expressions: Iterable[TimeExpression],
                    sentences: Sequence[tuple[int, int]],
                    modality: Mapping[int, tuple[str, str]] | None = None) -> list[Dated]:
    """(expression, source, sentence text, (modality, cue)) for every expression of ``text`` that
    dates its sentence; ``modality``: the (kind, cue) of each expression's clause by its start
    (None: the article has no parse, and every modality is ``unknown``)."""
    found = []
    for expression in expressions:
        if not expression.dated:
            continue
        span = _sentence_of(sentences, expression.start)
        if span is None:
            continue
        source = TimelineSource(article, span[0], span[1], expression.start, expression.end)
        how = ("unknown", "") if modality is None else modality.get(expression.start, ("unknown", ""))
        found.append((expression, source, _shortened(text[span[0]:span[1]]), how))
    return found


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def build_timeline(dated: Iterable[Dated], story_of: Mapping[str, str]) -> list[TimelineEntry]:
    """Entries from :func:`dated_sentences` of every article, one per (story, value, sentence text);
    an entry takes the modality of its first source read with a parse."""
    entries: dict[tuple[str | None, str, str], TimelineEntry] = {}
    for expression, source, sentence, (modality, cue) in dated:
        assert expression.first is not None and expression.last is not None  # dated
        story = story_of.get(source.article)
        key = (story, expression.value, _key(sentence))
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = TimelineEntry(story, expression.value, expression.first, expression.last,
                                                 expression.text, sentence, modality, cue)
        else:
            if entry.modality == "unknown" and modality != "unknown":
                entry.modality, entry.modality_cue = modality, cue
            entry.first, entry.last = min(entry.first, expression.first), max(entry.last, expression.last)
        if all(s.article != source.article for s in entry.sources):
            entry.sources.append(source)
    return sorted(entries.values(), key=lambda e: (e.story or "", e.first, e.last, e.text))
