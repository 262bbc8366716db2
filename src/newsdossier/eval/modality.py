"""`newsdossier eval modality`: whether the timeline's dated sentences report what happened (MEANTIME, TimeBank).

The timeline lists every sentence dated by a time expression. A sentence that says a thing did
not happen ("did not meet on Monday"), or only would have ("If the sale had gone through last
year ..."), is no fact of that date; one that says it will or may happen is a plan or a guess,
to be labelled as such. The product reads that from the clause the expression dates
(:func:`newsdossier.events.modality.timeline_modality`), as the build does.

MEANTIME (``intra-doc_annotation``) gives each event mention its factuality (``polarity``,
``certainty``, ``time``, ``special_cases``) and links event mentions to time expressions with
TLINKs. A time expression written in the text (not the document creation time) is scored when
TLINKs in its own sentence link it to event mentions that agree on one gold class:

- ``factual``: positive, certain, not future (a generic statement is not scored);
- ``future``: certain, positive, future ("will be held on Monday");
- ``possible``: probable, possible or underspecified certainty or polarity;
- ``negated``: negative polarity; ``hypothetical``: either clause of a conditional.

The product's reading of the same expression (its own time expressions, matched by overlap) is
``asserted``, ``dropped`` (:data:`~newsdossier.events.modality.LEFT_OUT`: the timeline leaves
it out) or ``labelled`` (kept with its hedge: expected, possible, intended ...). Keys:
``asserted_precision`` (of what the timeline shows as plain fact, the share that is; every
expression asserted, as the timeline did before, gives ``baseline_asserted_precision``),
``non_factual_recall`` (of the gold non-factual, the share dropped or labelled),
``dropped_precision`` (of what the timeline leaves out, the share that is not factual), and
``by_gold_class``.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, Final

from newsdossier.errors import EvalDataError
from newsdossier.eval.coref import read_cat
from newsdossier.eval.event_dates import meantime_paths

__all__ = ["evaluate_modality", "gold_event_class", "read_meantime_dated_clauses", "read_timeml_dated_clauses",
           "timeml_event_class"]

_UNCERTAIN: Final = frozenset({"POSSIBLE", "PROBABLE", "UNDERSPECIFIED"})


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def gold_event_class(attributes: dict[str, str]) -> str | None:
    """MEANTIME's factuality of an event mention as one class (see the module docstring); None for
    a generic or unannotated one."""
    polarity, certainty = attributes.get("polarity", ""), attributes.get("certainty", "")
    tense, special = attributes.get("time", ""), attributes.get("special_cases", "")
    if not polarity or not certainty or special == "GEN":
        return None
    if special.startswith("COND"):
        return "hypothetical"
    if polarity == "NEG":
        return "negated"
    if certainty in _UNCERTAIN or polarity == "UNDERSPECIFIED":
        return "possible"
    if tense == "FUTURE":
        return "future"
    return "factual"


# (time expression's start, end, the linked event mention's start, its gold class or None)
Link = tuple[int, int, int, str | None]


def read_meantime_dated_clauses(path: Path) -> tuple[str, date | None, list[Link]]:
    """(text, DCT, TLINKs between a time expression in the text and an event mention) of one MEANTIME
    document."""
    root, text, tokens, _ = read_cat(path)
    markables = root.find("Markables")
    events: dict[str, tuple[int, str | None]] = {}
    timexes: dict[str, tuple[int, int]] = {}
    dct: date | None = None
    for element in markables if markables is not None else ():
        anchors = sorted((tokens[a.get("t_id", "")] for a in element.findall("token_anchor")
                          if a.get("t_id") in tokens), key=lambda t: t.start)
        m_id = element.get("m_id", "")
        if element.tag == "TIMEX3" and element.get("functionInDocument") == "CREATION_TIME":
            dct = _day(element.get("value", ""))
        elif not anchors:
            continue
        elif element.tag == "EVENT_MENTION":
            events[m_id] = (anchors[0].start, gold_event_class(dict(element.attrib)))
        elif element.tag == "TIMEX3":
            timexes[m_id] = (anchors[0].start, anchors[-1].end)
    links: list[Link] = []
    relations = root.find("Relations")
    for link in relations if relations is not None else ():
        source, target = link.find("source"), link.find("target")
        if link.tag != "TLINK" or source is None or target is None:
            continue
        a, b = source.get("m_id", ""), target.get("m_id", "")
        for event, timex in ((a, b), (b, a)):
            if event in events and timex in timexes:
                links.append((*timexes[timex], *events[event]))
    return text, dct, links


# TimeML's subordination links: what the governing event makes of the subordinated one.
_SLINK_CLASSES: Final = {"CONDITIONAL": "hypothetical", "COUNTER_FACTIVE": "negated", "NEG_EVIDENTIAL": "negated",
                         "MODAL": "possible"}
_FUTURE_MODALS: Final = frozenset({"will", "shall", "'ll"})


def timeml_event_class(instance: dict[str, str], subordination: str | None) -> str:
    """A TimeML event instance's factuality as one class: its polarity, the subordination link
    that governs it (``CONDITIONAL``, ``MODAL`` ...), its modal word and tense."""
    if instance.get("polarity") == "NEG":
        return "negated"
    if subordination in _SLINK_CLASSES:
        return _SLINK_CLASSES[subordination]
    modal = instance.get("modality", "").lower()
    if modal in _FUTURE_MODALS or instance.get("tense") == "FUTURE":
        return "future"
    if modal and modal != "none":
        return "possible"
    return "factual"


def read_timeml_dated_clauses(path: Path) -> tuple[str, date | None, list[Link]]:
    """(text, DCT, TLINKs between a time expression in the text and an event) of one TempEval-3
    TimeML document, each event classed by :func:`timeml_event_class`."""
    from newsdossier.eval.timex import read_timeml

    root, dct, text, elements = read_timeml(path)
    spans = {node.get("eid", ""): start for node, start, _ in elements if node.tag == "EVENT"}
    timexes = {node.get("tid", ""): (start, end) for node, start, end in elements if node.tag == "TIMEX3"}
    subordinated = {link.get("subordinatedEventInstance", ""): link.get("relType", "")
                    for link in root.iter("SLINK")}
    events: dict[str, tuple[int, str]] = {}
    for instance in root.iter("MAKEINSTANCE"):
        if (start := spans.get(instance.get("eventID", ""))) is not None:
            eiid = instance.get("eiid", "")
            events[eiid] = (start, timeml_event_class(dict(instance.attrib), subordinated.get(eiid)))
    links: list[Link] = []
    for link in root.iter("TLINK"):
        event = link.get("eventInstanceID") or link.get("relatedToEventInstance") or ""
        timex = link.get("relatedToTime") or link.get("timeID") or ""
        if event in events and timex in timexes:
            links.append((*timexes[timex], *events[event]))
    return text, dct, links


def _dated_clauses(data: Path) -> tuple[str, list[Path], Callable[[Path], tuple[str, date | None, list[Link]]]]:
    """(corpus name, documents, reader) of a MEANTIME or TempEval-3 folder."""
    if paths := meantime_paths(data):
        return "MEANTIME", paths, read_meantime_dated_clauses
    # TimeBank only: TBAQ-cleaned's AQUAINT half marks 2,112 of its 4,431 event instances
    # polarity="NEG" ("perished", "arrived in 1966"), which no reading of the text supports.
    training = data / "Training" / "TBAQ-cleaned" / "TimeBank" if (data / "Training").is_dir() else data
    if paths := sorted(training.glob("*.tml")):
        return "TimeBank", paths, read_timeml_dated_clauses
    raise EvalDataError(f"{data}: no MEANTIME documents (intra-doc_annotation/corpus_*/*.xml) and no TempEval-3 "
                        f"training documents (Training/TBAQ-cleaned/TimeBank/*.tml)")


def _scored_expressions(links: list[Link], sentence_of: Callable[[int], int]) -> tuple[list[tuple[int, int, str]], int]:
    """The time expressions linked to event mentions in their own sentence that agree on one gold
    class, and how many were linked to mentions of different classes."""
    classes: dict[tuple[int, int], set[str | None]] = {}
    for start, end, event, gold_class in links:
        if sentence_of(start) == sentence_of(event):
            classes.setdefault((start, end), set()).add(gold_class)
    scored: list[tuple[int, int, str]] = []
    mixed = 0
    for (start, end), found in sorted(classes.items()):
        known = {c for c in found if c is not None}
        if len(known) > 1:
            mixed += 1
        elif known:
            scored.append((start, end, known.pop()))
    return scored, mixed


def _reading(kind: str) -> str:
    from newsdossier.events.modality import LEFT_OUT

    return "asserted" if kind == "asserted" else "dropped" if kind in LEFT_OUT else "labelled"


def evaluate_modality(data: Path, nlp: Any) -> dict[str, Any]:
    from newsdossier.events.extract import find_event_mentions
    from newsdossier.events.modality import timeline_modality, trigger_types
    from newsdossier.timex import find_time_expressions

    corpus, paths, reader = _dated_clauses(data)
    started = time.perf_counter()
    pairs: list[tuple[str, str, str]] = []  # (gold class, product's reading, product's kind)
    mixed = unmatched = skipped = 0
    for path in paths:
        text, dct, links = reader(path)
        if dct is None:
            skipped += 1
            continue
        if not links:
            continue
        doc = nlp(text)
        sentence_starts = [s.start_char for s in doc.sents]
        gold, mixed_here = _scored_expressions(links, lambda at: bisect_right(sentence_starts, at))
        mixed += mixed_here
        spans = [(s.start_char, s.end_char) for s in doc.sents]
        expressions = [e for e in find_time_expressions(text, dct, sentences=spans) if e.dated]
        types = trigger_types(doc, find_event_mentions(path.stem, doc, text))
        for start, end, gold_class in gold:
            expression = next((e for e in expressions if e.start < end and start < e.end), None)
            if expression is None:
                unmatched += 1
                continue
            kind = timeline_modality(doc, expression, dct, types).kind
            pairs.append((gold_class, _reading(kind), kind))
    if not pairs:
        raise EvalDataError(f"{data}: no dated time expression linked to an event mention with its factuality")
    return _scores(pairs) | {"corpus": corpus, "documents": len(paths), "documents_without_dct": skipped,
                             "mixed_classes_skipped": mixed, "not_found_by_product": unmatched,
                             "seconds": round(time.perf_counter() - started, 1)}


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _scores(pairs: list[tuple[str, str, str]]) -> dict[str, Any]:
    factual = sum(1 for g, _, _ in pairs if g == "factual")
    asserted = [g for g, reading, _ in pairs if reading == "asserted"]
    dropped = [g for g, reading, _ in pairs if reading == "dropped"]
    non_factual = [reading for g, reading, _ in pairs if g != "factual"]
    by_class: dict[str, dict[str, int]] = {}
    for gold_class, reading, _ in pairs:
        counts = by_class.setdefault(gold_class, {"asserted": 0, "labelled": 0, "dropped": 0})
        counts[reading] += 1
    return {"scored": len(pairs), "gold_factual": factual,
            "baseline_asserted_precision": _ratio(factual, len(pairs)),
            "asserted": len(asserted), "asserted_precision": _ratio(asserted.count("factual"), len(asserted)),
            "non_factual_recall": _ratio(sum(1 for r in non_factual if r != "asserted"), len(non_factual)),
            "dropped": len(dropped),
            "dropped_precision": _ratio(sum(1 for g in dropped if g != "factual"), len(dropped)),
            "factual_kept": _ratio(sum(1 for g, r, _ in pairs if g == "factual" and r != "dropped"), factual),
            "by_gold_class": dict(sorted(by_class.items())),
            "product_kinds": dict(Counter(kind for _, _, kind in pairs).most_common())}
