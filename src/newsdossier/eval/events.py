"""`newsdossier eval events`: event typing and arguments against political event coding gold.

Two readers, chosen by what ``--data`` holds:

* the PLOVER gold standard records (``PLOVER_GSR_CAMEO.txt``, JSON; a folder holding it is
  searched): each record is one sentence with its PLOVER event type and the source and target
  actors as written. PLOVER has since folded FIGHT into ASSAULT, so a gold FIGHT counts as
  ASSAULT. These records are test data: the product was never tuned on them.
* PETRARCH-2 validation records (``PETR2_GSR_validation.xml``): sentences with CAMEO codes,
  read as PLOVER types (:func:`newsdossier.events.lexicon.plover_of`); actors are codes there, so
  only the type is scored. This is the development set.
* PETRARCH-2's unit-test records (``PETR.UnitTest.records.xml``, with its validation actor
  dictionary ``PETR.Validate.actors.txt`` beside it): stylised sentences about fictional states
  ("Arnor is about to restore full diplomatic ties with Gondor"), each with the source and target
  actor codes and CAMEO code PETRARCH must give. An actor code is read as the names the actor
  dictionary gives its first three letters (``GONMIL`` is Gondor's military: "Gondor"), so the
  source and target are scored as for the GSR. The second development set: for arguments.
* CASE 2021 Task 2's test set (``test_set_final_release_with_labels.tsv``): news snippets with
  ACLED-style subtypes, read as PLOVER by :data:`ACLED_TO_PLOVER` (zero-shot; disasters expect no
  event, subtypes PLOVER does not settle are left out). Only the type is scored.
* The CAMEO ConfliBERT coder set (``annotations/training_round_*/summary*.csv``): 200 real news
  lead sentences, each coded over several training rounds by four or five coders, with whether it
  reports a political event (``1_Relevant``) and the CAMEO category of each action ("4-18
  Assualt": root 18). Votes are pooled over coders and rounds: a sentence is relevant when most
  votes say so, and its gold roots are the Action-1 roots with the most votes (ties all count).
  Scored zero-shot: ``cameo_root_accuracy`` (the main mention's CAMEO root is a gold root; no
  mention is wrong, so a public statement, CAMEO 01, which PLOVER drops, counts against us and is
  also reported apart) and ``relevance`` (precision and recall of "the sentence has an event").

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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from newsdossier.errors import EvalDataError
from newsdossier.events.extract import find_event_mentions, main_mention
from newsdossier.events.lexicon import plover_of
from newsdossier.events.model import EventMention

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
    roots: tuple[str, ...] = ()  # gold CAMEO roots (ConfliBERT only)
    relevant: bool | None = None  # coded as reporting a political event (ConfliBERT only)


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
_CODING: Final = re.compile(r"<EventCoding\b([^>]*)>")
_ATTRIBUTE: Final = re.compile(r"(\w+)=\"([^\"]*)\"")


def _read_petrarch(path: Path, names: Mapping[str, list[str]] | None = None) -> list[EventRecord]:
    """A PETRARCH records file's sentences, each with its first PLOVER-typed coding; with
    ``names`` (actor code -> names), its source and target actors too."""
    # Read with patterns, not an XML parser: the file's parse blocks are not well-formed XML.
    raw = path.read_text(encoding="utf-8")
    out = []
    for match in _SENTENCE.finditer(raw):
        text = " ".join(match[3].split())
        codings = [(coding, typed[0]) for coding in (dict(_ATTRIBUTE.findall(a)) for a in _CODING.findall(match[2]))
                   if (typed := plover_of(coding.get("eventcode"))) is not None]
        if not codings or not text:
            continue
        coding, kind = codings[0]
        sources = tuple(names.get(coding.get("sourcecode", "")[:3], ())) if names is not None else ()
        targets = tuple(names.get(coding.get("targetcode", "")[:3], ())) if names is not None else ()
        out.append(EventRecord(match[1], text, kind, sources, targets))
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


_ACTOR_ENTRY: Final = re.compile(r"^(\+?)([A-Z][A-Z0-9_.' -]*?)\s*(?:\[([A-Z-]+)\])?\s*(?:#.*)?$")


def _actor_names(path: Path) -> dict[str, list[str]]:
    """Actor code (three letters) -> the names PETRARCH's actor dictionary gives it; a ``+`` line
    is a synonym of the entry above it, a trailing ``_`` ends a stem ("LIBYA_")."""
    names: dict[str, list[str]] = {}
    code = ""
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if not line or line.startswith(("<", "#")) or not (m := _ACTOR_ENTRY.match(line)):
            continue
        if not m[1]:
            code = (m[3] or "")[:3]
        if code and code != "---":
            names.setdefault(code, []).append(m[2].replace("_", " ").strip().lower())
    return names


def _read_petrarch_units(path: Path) -> list[EventRecord]:
    actors_file = next(iter(sorted(path.parent.parent.rglob("PETR.Validate.actors.txt"))), None)
    if actors_file is None:
        raise EvalDataError(f"{path}: no PETR.Validate.actors.txt near it (the unit tests' actor dictionary)")
    return _read_petrarch(path, _actor_names(actors_file))


_ROOT_CODE: Final = re.compile(r"^\d+-(\d{1,2})\b")
_SUMMARIES: Final = ("summary_v2.csv", "summary.csv")  # per round, the coders' latest summary


def _read_confli(folder: Path) -> list[EventRecord]:
    relevant_votes: dict[str, list[bool]] = {}
    root_votes: dict[str, Counter[str]] = {}
    for round_dir in sorted(folder.glob("training_round_*")):
        summary = next((round_dir / name for name in _SUMMARIES if (round_dir / name).is_file()), None)
        if summary is None:
            continue
        with summary.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                text = " ".join((row.get("sentences") or "").split())
                if not text:
                    continue
                votes = relevant_votes.setdefault(text, [])
                roots = root_votes.setdefault(text, Counter())
                for key, value in row.items():
                    if not key or not value:
                        continue
                    if key.startswith("1_Relevant"):
                        votes.append(value.strip().lower() == "true")
                    elif key.startswith("Action1_CAMEO") and (code := _ROOT_CODE.match(value.strip())):
                        roots[code[1].zfill(2)] += 1
    out = []
    for number, (text, votes) in enumerate(relevant_votes.items()):
        if not votes:
            continue
        relevant = sum(votes) * 2 > len(votes)
        roots = root_votes[text]
        top = max(roots.values(), default=0)
        gold = tuple(sorted(r for r, n in roots.items() if n == top)) if relevant and top else ()
        kinds = sorted(typed[0] for r in gold if (typed := plover_of(r)) is not None)
        kind = kinds[0] if kinds else "NONE"
        out.append(EventRecord(f"confli-{number}", text, kind, (), (), gold, relevant))
    return out


def read_event_records(data: Path) -> list[EventRecord]:
    """The records of a PLOVER GSR file, a PETRARCH validation file, the CASE 2021 Task 2 test set
    (or a folder holding one) or the ConfliBERT coder set's folder."""
    if data.is_dir() and sorted(data.rglob("training_round_*/summary*.csv")):
        rounds = sorted(data.rglob("training_round_*"))[0].parent
        records = _read_confli(rounds)
        if not records:
            raise EvalDataError(f"{rounds}: no coded sentences in its training_round_*/summary*.csv")
        return records
    if data.is_dir():
        found = (sorted(data.rglob("PLOVER_GSR_CAMEO.txt")) or sorted(data.rglob("PETR2_GSR_validation.xml"))
                 or sorted(data.rglob("PETR.UnitTest.records.xml"))
                 or sorted(data.rglob("test_set_final_release_with_labels.tsv")))
        if not found:
            raise EvalDataError(f"{data}: no PLOVER_GSR_CAMEO.txt, PETR2_GSR_validation.xml, CASE 2021 "
                                "test_set_final_release_with_labels.tsv or ConfliBERT training_round_* in it")
        data = found[0]
    if not data.is_file():
        raise EvalDataError(f"{data}: no such file")
    records = (_read_petrarch_units(data) if data.name == "PETR.UnitTest.records.xml"
               else _read_petrarch(data) if data.suffix == ".xml" else _read_case(data) if data.suffix == ".tsv"
               else _read_plover(data))
    if not records:
        raise EvalDataError(f"{data}: no event records in it")
    return records


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def _agrees(predicted: str | None, gold: Sequence[str]) -> bool:
    """A content word in common with a gold actor text (a gold word of five letters or more may
    be a stem: "argentin" agrees with "Argentina's")."""
    if predicted is None:
        return False
    words = _content_words(predicted)
    for text in gold:
        wanted = _content_words(text)
        if words & wanted or any(w.startswith(g) for g in wanted if len(g) >= 5 for w in words):
            return True
    return False


def evaluate_events(data: Path, nlp: Any) -> dict[str, Any]:
    """Scores of each sentence's main mention among all its mentions (the protocol of every run
    so far), and under ``political_only`` the same with only the mentions that may start an event
    in a build (:attr:`EventMention.political`)."""
    records = read_event_records(data)
    started = time.perf_counter()
    mains: list[EventMention | None] = []
    gated: list[EventMention | None] = []
    for record in records:
        doc = nlp(record.text)
        mentions = find_event_mentions(record.id, doc, record.text)
        mains.append(main_mention(mentions, doc))
        gated.append(main_mention([m for m in mentions if m.political], doc))
    seconds = time.perf_counter() - started
    result = _scores(records, mains)
    political = _scores(records, gated)
    return {"records": len(records), **result,
            "political_only": {k: v for k, v in political.items() if k not in ("by_type", "confusions")},
            "seconds": round(seconds, 1)}


def _scores(records: Sequence[EventRecord], mains: Sequence[EventMention | None]) -> dict[str, Any]:
    right = Counter[str]()
    scored = Counter[str]()
    confusion = Counter[tuple[str, str]]()
    for record, main in zip(records, mains, strict=True):
        predicted = main.type if main is not None else "NONE"
        confusion[(record.type, predicted)] += 1
        scored["type"] += 1
        right["type"] += predicted == record.type
        right["found"] += main is not None
        if record.relevant is not None:
            scored["relevant"] += record.relevant
            right["said_relevant"] += main is not None
            right["relevant_found"] += record.relevant and main is not None
        if record.roots:
            scored["root"] += 1
            hit = main is not None and main.code[:2] in record.roots
            right["root"] += hit
            if "01" not in record.roots:
                scored["root_not_01"] += 1
                right["root_not_01"] += hit
        if record.sources:
            scored["source"] += 1
            right["source"] += main is not None and _agrees(main.source.text if main.source else None, record.sources)
        if record.targets:
            scored["target"] += 1
            right["target"] += main is not None and _agrees(main.target.text if main.target else None, record.targets)
    by_type: dict[str, dict[str, float]] = {}
    for kind in sorted({gold for gold, _ in confusion}):
        total = sum(n for (gold, _), n in confusion.items() if gold == kind)
        by_type[kind] = {"records": total, "accuracy": round(confusion[(kind, kind)] / total, 4)}
    cameo: dict[str, Any] = {}
    if scored["root"]:
        precision = right["relevant_found"] / max(right["said_relevant"], 1)
        recall = right["relevant_found"] / max(scored["relevant"], 1)
        cameo = {
            "cameo_root_accuracy": round(right["root"] / scored["root"], 4), "roots_scored": scored["root"],
            "cameo_root_accuracy_without_statements": round(right["root_not_01"] / max(scored["root_not_01"], 1), 4),
            "roots_scored_without_statements": scored["root_not_01"],
            "relevance": {"relevant": scored["relevant"], "precision": round(precision, 4),
                          "recall": round(recall, 4),
                          "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0},
        }
    return {
        **cameo,
        "type_accuracy": round(right["type"] / max(scored["type"], 1), 4),
        "source_accuracy": round(right["source"] / scored["source"], 4) if scored["source"] else None,
        "target_accuracy": round(right["target"] / scored["target"], 4) if scored["target"] else None,
        "sources_scored": scored["source"], "targets_scored": scored["target"],
        "with_event": round(right["found"] / max(len(records), 1), 4),
        "by_type": by_type,
        "confusions": [{"gold": g, "predicted": p, "count": n}
                       for (g, p), n in confusion.most_common() if g != p][:15],
    }
