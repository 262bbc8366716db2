"""`newsdossier eval events`: event typing and arguments against political event coding gold.

Two readers, chosen by what ``--data`` holds:

* the PLOVER gold standard records (``PLOVER_GSR_CAMEO.txt``, JSON; a folder holding it is
  searched): each record is one sentence with its PLOVER event type and the source and target
  actors as written. PLOVER has since folded FIGHT into ASSAULT, so a gold FIGHT counts as
  ASSAULT. These records are test data: the product was never tuned on them.
* PETRARCH-2 validation records (``PETR2_GSR_validation.xml``): sentences with CAMEO codes,
  read as PLOVER types (:func:`newsdossier.events.lexicon.plover_of`); actors are codes there, so
  only the type is scored. This is the development set.
* CASE 2021 Task 2's test set (``test_set_final_release_with_labels.tsv``): news snippets with
  ACLED-style subtypes, read as PLOVER by :data:`ACLED_TO_PLOVER` (zero-shot; disasters expect no
  event, subtypes PLOVER does not settle are left out). Only the type is scored.

The product finds every event mention of the sentence and reports its main one: the mention not
embedded in another's complement that stands highest in the parse (the first, among equals).
``type_accuracy`` is the share of records whose main mention has the gold type (no mention is
wrong). ``source_accuracy`` and ``target_accuracy`` are scored on records with a gold source
(target): right when the main mention's source (target) phrase shares a word with one of the
gold actor texts (case folded, stop words and determiners aside).
"""

from __future__ import annotations

import csv
import json
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from newsdossier.errors import EvalDataError
from newsdossier.events.extract import find_event_mentions, main_mention
from newsdossier.events.lexicon import plover_of

__all__ = ["ACLED_TO_PLOVER", "EventRecord", "evaluate_events", "read_event_records"]

_RENAMED: Final = {"FIGHT": "ASSAULT"}
_STOP: Final = frozenset("the a an of and in on at to for its their his her s 's".split())


@dataclass(frozen=True, slots=True)
class EventRecord:
    id: str
    text: str
    type: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]


def _actors(field: Any) -> tuple[str, ...]:
    if not isinstance(field, list):
        return ()
    return tuple(a["actorText"] for a in field if isinstance(a, dict) and a.get("actorText"))


def _read_plover(path: Path) -> list[EventRecord]:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalDataError(f"{path}: not a PLOVER JSON file ({exc})") from exc
    out = []
    for record in records:
        if not isinstance(record, dict) or record.get("event") in (None, "DOCUMENT") or not record.get("text"):
            continue
        kind = str(record["event"])
        kind = _RENAMED.get(kind, kind)
        out.append(EventRecord(record["id"], record["text"], kind, _actors(record.get("source")),
                               _actors(record.get("target"))))
    return out


_SENTENCE: Final = re.compile(r"<Sentence\b[^>]*\bid=\"([^\"]*)\"(.*?)<Text>(.*?)</Text>", re.DOTALL)
_CODING: Final = re.compile(r"<EventCoding\b[^>]*\beventcode=\"([^\"]*)\"")


def _read_petrarch(path: Path) -> list[EventRecord]:
    # Read with patterns, not an XML parser: the file's parse blocks are not well-formed XML.
    raw = path.read_text(encoding="utf-8")
    out = []
    for match in _SENTENCE.finditer(raw):
        typed = [plover_of(code) for code in _CODING.findall(match[2])]
        kinds = [t[0] for t in typed if t is not None]
        text = " ".join(match[3].split())
        if kinds and text:
            out.append(EventRecord(match[1], text, kinds[0], (), ()))
    return out


# CASE 2021 Task 2's ACLED-style subtypes read as PLOVER, zero-shot (the product never saw the
# set); "NONE" where nobody did anything (disasters), and the subtypes PLOVER does not settle
# (disrupted weapons, territory changes, headquarters, attributions, "other") left unscored.
ACLED_TO_PLOVER: Final = {
    "AIR_STRIKE": "ASSAULT", "ARMED_CLASH": "ASSAULT", "ART_MISS_ATTACK": "ASSAULT", "ATTACK": "ASSAULT",
    "CHEM_WEAP": "ASSAULT", "GRENADE": "ASSAULT", "REM_EXPLOS": "ASSAULT", "SUIC_BOMB": "ASSAULT",
    "SEX_VIOL": "ASSAULT", "ABDUCT_DISSAP": "ASSAULT", "PROPERTY_DISTRUCT": "ASSAULT",
    "NON_STATE_ACTOR_OVERTAKES_TER": "ASSAULT", "PEACE_PROTEST": "PROTEST", "PROTEST_WITH_INTER": "PROTEST",
    "VIOL_DEMONSTR": "PROTEST", "MOB_VIOL": "PROTEST", "FORCE_AGAINST_PROTEST": "COERCE", "ARREST": "COERCE",
    "AGREEMENT": "AGREE", "DIPLO": "CONSULT", "ORG_CRIME": "CRIME",
    "NATURAL_DISASTER": "NONE", "MAN_MADE_DISASTER": "NONE",
}


def _read_case(path: Path) -> list[EventRecord]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            kind = ACLED_TO_PLOVER.get((row.get("SubType") or "").strip())
            if kind is not None and row.get("EventSnippet"):
                out.append(EventRecord(f"case-{row['id']}", row["EventSnippet"].strip(), kind, (), ()))
    return out


def read_event_records(data: Path) -> list[EventRecord]:
    """The records of a PLOVER GSR file, a PETRARCH validation file or the CASE 2021 Task 2 test set
    (or a folder holding one)."""
    if data.is_dir():
        found = (sorted(data.rglob("PLOVER_GSR_CAMEO.txt")) or sorted(data.rglob("PETR2_GSR_validation.xml"))
                 or sorted(data.rglob("test_set_final_release_with_labels.tsv")))
        if not found:
            raise EvalDataError(f"{data}: no PLOVER_GSR_CAMEO.txt, PETR2_GSR_validation.xml or CASE 2021 "
                                "test_set_final_release_with_labels.tsv in it")
        data = found[0]
    if not data.is_file():
        raise EvalDataError(f"{data}: no such file")
    records = (_read_petrarch(data) if data.suffix == ".xml" else _read_case(data) if data.suffix == ".tsv"
               else _read_plover(data))
    if not records:
        raise EvalDataError(f"{data}: no event records in it")
    return records


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def _agrees(predicted: str | None, gold: Sequence[str]) -> bool:
    if predicted is None:
        return False
    words = _content_words(predicted)
    return any(words & _content_words(g) for g in gold)


def evaluate_events(data: Path, nlp: Any) -> dict[str, Any]:
    records = read_event_records(data)
    started = time.perf_counter()
    right = Counter[str]()
    scored = Counter[str]()
    confusion = Counter[tuple[str, str]]()
    for record in records:
        doc = nlp(record.text)
        main = main_mention(find_event_mentions(record.id, doc), doc)
        predicted = main.type if main is not None else "NONE"
        confusion[(record.type, predicted)] += 1
        scored["type"] += 1
        right["type"] += predicted == record.type
        right["found"] += main is not None
        if record.sources:
            scored["source"] += 1
            right["source"] += main is not None and _agrees(main.source.text if main.source else None, record.sources)
        if record.targets:
            scored["target"] += 1
            right["target"] += main is not None and _agrees(main.target.text if main.target else None, record.targets)
    seconds = time.perf_counter() - started
    by_type: dict[str, dict[str, float]] = {}
    for kind in sorted({gold for gold, _ in confusion}):
        total = sum(n for (gold, _), n in confusion.items() if gold == kind)
        by_type[kind] = {"records": total, "accuracy": round(confusion[(kind, kind)] / total, 4)}
    return {
        "records": len(records),
        "type_accuracy": round(right["type"] / max(scored["type"], 1), 4),
        "source_accuracy": round(right["source"] / scored["source"], 4) if scored["source"] else None,
        "target_accuracy": round(right["target"] / scored["target"], 4) if scored["target"] else None,
        "sources_scored": scored["source"], "targets_scored": scored["target"],
        "with_event": round(right["found"] / max(len(records), 1), 4),
        "by_type": by_type,
        "confusions": [{"gold": g, "predicted": p, "count": n}
                       for (g, p), n in confusion.most_common() if g != p][:15],
        "seconds": round(seconds, 1),
    }
