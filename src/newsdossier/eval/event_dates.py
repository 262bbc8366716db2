"""`newsdossier eval event-dates`: the day each event mention is dated to, against MEANTIME.

MEANTIME (``intra-doc_annotation``) links event mentions to time expressions with TLINKs. An event
mention is scored when a TLINK puts it inside, or at the same time as, a time expression whose
value is a day (``YYYY-MM-DD``): "INCLUDES" from the expression, "IS_INCLUDED" or "SIMULTANEOUS"
either way. That day is the gold; a link to the document creation time (DCT) counts.

The product dates each gold event mention as the build does (:func:`newsdossier.events.attach.
attach_dates_and_places`): the time expression the parse attaches to the trigger, else the
sentence's only dated expression for its main event; an expression of a day gives that day. Where
the product says nothing (no date of its own, or one coarser than a day), the mention takes the
DCT, as a reader of the article would. ``accuracy`` is the share of scored mentions dated to
their gold day; ``dct_baseline`` gives every mention the DCT; ``own_date_share`` and
``own_date_accuracy`` say how often the product dated a mention by its own words, and how well;
``text_linked_...`` score only the mentions linked to a date written in the text (not the DCT),
where the DCT is a much weaker guess.
"""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path
from typing import Any, Final

from newsdossier.errors import EvalDataError
from newsdossier.eval.coref import read_cat
from newsdossier.events.model import EventMention, TextSpan

__all__ = ["evaluate_event_dates", "meantime_paths", "read_meantime_event_days"]

_DAY: Final = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
_INSIDE: Final = {"INCLUDES": "target", "IS_INCLUDED": "source", "SIMULTANEOUS": "either"}


def _day(value: str | None) -> date | None:
    match = _DAY.match(value or "")
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def read_meantime_event_days(path: Path) -> tuple[str, date | None, list[tuple[int, int, date, bool]]]:
    """(text, DCT, [(start, end, gold day, linked to the DCT only)]) of one MEANTIME document; the
    DCT is None when the document states none as a day (such a document is not scored)."""
    root, text, tokens, _ = read_cat(path)
    markables = root.find("Markables")
    events: dict[str, tuple[int, int]] = {}
    days: dict[str, date] = {}
    dct: date | None = None
    dct_id = ""
    for element in markables if markables is not None else ():
        anchors = sorted((tokens[a.get("t_id", "")] for a in element.findall("token_anchor")
                          if a.get("t_id") in tokens), key=lambda t: t.start)
        m_id = element.get("m_id", "")
        if element.tag == "EVENT_MENTION" and anchors:
            events[m_id] = (anchors[0].start, anchors[-1].end)
        elif element.tag == "TIMEX3" and (day := _day(element.get("value"))) is not None:
            days[m_id] = day
            if element.get("functionInDocument") == "CREATION_TIME":
                dct, dct_id = day, m_id
    gold: dict[str, tuple[date, bool]] = {}
    relations = root.find("Relations")
    for link in relations if relations is not None else ():
        if link.tag != "TLINK" or (role := _INSIDE.get(link.get("reltype", ""))) is None:
            continue
        source, target = link.find("source"), link.find("target")
        if source is None or target is None:
            continue
        a, b = source.get("m_id", ""), target.get("m_id", "")
        pairs = {"target": [(b, a)], "source": [(a, b)], "either": [(a, b), (b, a)]}[role]
        for event, timex in pairs:
            if event in events and timex in days and (event not in gold or gold[event][1]):
                gold[event] = (days[timex], timex == dct_id)  # a link to a date in the text wins
    return text, dct, sorted((*events[m], day, to_dct) for m, (day, to_dct) in gold.items())


def meantime_paths(data: Path) -> list[Path]:
    """The documents of a MEANTIME folder (``intra-doc_annotation/corpus_*/*.xml``, or a corpus folder's
    ``*.xml``), sorted; empty when it holds none."""
    root = data / "intra-doc_annotation" if (data / "intra-doc_annotation").is_dir() else data
    return sorted(root.glob("*/*.xml")) or sorted(root.glob("*.xml"))


def evaluate_event_dates(data: Path, nlp: Any) -> dict[str, Any]:
    from newsdossier.events.attach import attach_dates_and_places
    from newsdossier.events.extract import sentence_mains
    from newsdossier.timex import find_time_expressions

    paths = meantime_paths(data)
    if not paths:
        raise EvalDataError(f"{data}: no MEANTIME documents (expected intra-doc_annotation/corpus_*/*.xml)")
    started = time.perf_counter()
    scored = right = baseline = own = own_right = skipped = text_scored = text_right = text_baseline = 0
    for path in paths:
        text, dct, gold = read_meantime_event_days(path)
        if dct is None:
            skipped += 1
            continue
        if not gold:
            continue
        doc = nlp(text)
        spans = [(s.start_char, s.end_char) for s in doc.sents]
        expressions = find_time_expressions(text, dct, sentences=spans)
        mentions = []
        for start, end, _, _ in gold:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            head = span.root
            sentence = head.sent
            mentions.append(EventMention(path.stem, TextSpan(head.idx, head.idx + len(head), head.text),
                                         head.lemma_, "", "", "", "asserted", False, False,
                                         (sentence.start_char, sentence.end_char)))
        dated = {m.trigger.start: m for m in attach_dates_and_places(mentions, doc, expressions, None, None,
                                                                      main=sentence_mains(mentions, doc))}
        for start, end, day, to_dct in gold:
            mention = next((m for position, m in dated.items() if start <= position < end), None)
            when = mention.date if mention is not None else None
            predicted = dct
            if when is not None and when.precision == "day" and when.basis in ("attached", "sentence"):
                predicted = when.first
                own += 1
                own_right += predicted == day
            scored += 1
            right += predicted == day
            baseline += dct == day
            if not to_dct:
                text_scored += 1
                text_right += predicted == day
                text_baseline += dct == day
    if not scored:
        raise EvalDataError(f"{data}: no event mention linked to a day")
    return {"documents": len(paths), "documents_without_dct": skipped, "scored_mentions": scored, "accuracy": round(right / scored, 4),
            "dct_baseline": round(baseline / scored, 4), "own_date_share": round(own / scored, 4),
            "own_date_accuracy": round(own_right / own, 4) if own else None,
            "text_linked_mentions": text_scored,
            "text_linked_accuracy": round(text_right / text_scored, 4) if text_scored else None,
            "text_linked_dct_baseline": round(text_baseline / text_scored, 4) if text_scored else None,
            "seconds": round(time.perf_counter() - started, 1)}
