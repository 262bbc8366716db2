"""Time expressions on TimeML corpora: TempEval-3 (``.tml``) and MEANTIME (CAT XML).

``newsdossier eval timex --data DIR`` reads every ``.tml`` file under ``DIR`` (TempEval-3
platinum, or TBAQ's TimeBank and AQUAINT), or every CAT ``.xml`` file (MEANTIME), runs
:func:`~newsdossier.timex.find_time_expressions` on each document's text with the document
creation time (DCT) as its publication date, and scores with TempEval-3's measures:

* **strict** extent match: the same characters (spaces at the edges ignored);
* **relaxed** extent match: the extents overlap;
* **type accuracy** and **value accuracy** over the relaxed matches, and **value F1** = value
  accuracy × relaxed F1 (TempEval-3's "attribute F1", which rewards finding and normalising).

TempEval-3's scorer matches tokens, counting every gold timex that overlaps any system timex
(and the other way round); here matching is one-to-one on characters, best overlap first, so
one long system timex covering two gold ones earns one match, not two.

The DCT itself is not scored (it is the anchor, not a finding): TempEval-3 keeps it outside
``<TEXT>``; MEANTIME writes it in the text as a dateline, and system timexes over it are ignored.
MEANTIME annotates only the title, the dateline and the first five sentences of an article, so
its text is cut after the last sentence with an annotation.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from newsdossier.errors import EvalDataError

__all__ = ["GoldTimex", "TimexDoc", "evaluate_timex", "read_cat", "read_timeml", "read_timex_corpus", "read_tml",
           "score_timex"]


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimexDoc:
    name: str
    text: str
    dct: date
    gold: tuple[GoldTimex, ...]
    ignore: tuple[tuple[int, int], ...] = ()  # spans not scored (MEANTIME's dateline)


def _dct(value: str, where: str) -> date:
    try:
        return date.fromisoformat(value[:10])
    except ValueError as error:
        raise EvalDataError(f"{where}: the document creation time {value!r} is not a date") from error


def read_timeml(path: Path) -> tuple[ET.Element, date, str, list[tuple[ET.Element, int, int]]]:
    """(root, DCT, the text inside ``<TEXT>``, each element inside it with its character span) of a
    TimeML file."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise EvalDataError(f"{path}: not well-formed TimeML: {error}") from error
    dct = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if dct is None or body is None:
        raise EvalDataError(f"{path}: no <DCT> or no <TEXT>")
    parts: list[str] = []
    elements: list[tuple[ET.Element, int, int]] = []

    def walk(node: ET.Element) -> None:
        start = sum(map(len, parts))
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")
        if node is not body:
            elements.append((node, start, sum(map(len, parts))))

    walk(body)
    return root, _dct(dct.get("value", ""), str(path)), "".join(parts), elements


def read_tml(path: Path) -> TimexDoc:
    """A TempEval-3 TimeML file: the text inside ``<TEXT>`` with its TIMEX3 spans, and the DCT."""
    _, dct, text, elements = read_timeml(path)
    gold = [GoldTimex(start, end, node.get("type", ""), node.get("value", ""))
            for node, start, end in elements if node.tag == "TIMEX3"]
    return TimexDoc(path.stem, text, dct, tuple(gold))


_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$", re.IGNORECASE)


def read_cat(path: Path) -> TimexDoc:
    """A MEANTIME CAT file: tokens joined back into sentences, TIMEX3 markables by token anchors."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise EvalDataError(f"{path}: not well-formed CAT XML: {error}") from error
    # MEANTIME annotates the title, the dateline and the first sentences only: the text ends with
    # the last sentence that has any markable, so the rest is not scored as false positives.
    sentence_of = {t.get("t_id", ""): int(t.get("sentence", "0")) for t in root.iter("token")}
    markables = root.find("Markables")
    annotated = max((sentence_of.get(a.get("t_id", ""), 0) for a in
                     (markables.iter("token_anchor") if markables is not None else ())), default=0)
    spans: dict[str, tuple[int, int]] = {}
    text: list[str] = []
    length = 0
    sentence = None
    for token in root.iter("token"):
        if int(token.get("sentence", "0")) > annotated:
            break
        word = token.text or ""
        if sentence is not None and token.get("sentence") != sentence:
            text.append("\n")
            length += 1
        elif sentence is not None and not _NO_SPACE_BEFORE.match(word) and not text[-1].endswith(("(", "$")):
            text.append(" ")
            length += 1
        sentence = token.get("sentence")
        spans[token.get("t_id", "")] = (length, length + len(word))
        text.append(word)
        length += len(word)
    dateline = {t.get("t_id", "") for t in root.iter("token") if t.get("sentence") == "1"}
    timexes = [(timex, [a.get("t_id", "") for a in timex.iter("token_anchor") if a.get("t_id", "") in spans])
               for timex in root.iter("TIMEX3")]
    # The DCT is the dateline under the title; a few files forget to mark it CREATION_TIME.
    creation = next((t for t, ids in timexes if t.get("functionInDocument") == "CREATION_TIME"), None)
    if creation is None:
        creation = next((t for t, ids in timexes if ids and set(ids) <= dateline
                         and re.fullmatch(r"\d{4}-\d\d-\d\d", t.get("value", ""))), None)
    if creation is None:
        raise EvalDataError(f"{path}: no document creation time (TIMEX3 with functionInDocument=CREATION_TIME)")
    dct = _dct(creation.get("value", ""), str(path))
    gold: list[GoldTimex] = []
    ignore: list[tuple[int, int]] = []
    for timex, ids in timexes:
        if not ids:
            continue
        span = (spans[ids[0]][0], spans[ids[-1]][1])
        if timex is creation:
            ignore.append(span)
        else:
            gold.append(GoldTimex(*span, timex.get("type", ""), timex.get("value", "")))
    return TimexDoc(path.stem, "".join(text), dct, tuple(sorted(gold, key=lambda g: g.start)), tuple(ignore))


def read_timex_corpus(data: Path, skipped: list[str] | None = None) -> list[TimexDoc]:
    """Every document under ``data``: ``.tml`` files if there are any, else CAT ``.xml`` files.

    A document that cannot be scored (no readable creation time) is left out and its reason
    added to ``skipped``; the rest are read.
    """
    if not data.exists():
        raise EvalDataError(f"{data}: no such directory (point --data at a TempEval-3 or MEANTIME folder)")
    paths = sorted(data.rglob("*.tml"))
    reader = read_tml
    if not paths:
        paths = sorted(p for p in data.rglob("*.xml") if "intra_cross" not in str(p))
        reader = read_cat
    if not paths:
        raise EvalDataError(f"{data}: no .tml or CAT .xml files")
    docs = []
    for path in paths:
        try:
            docs.append(reader(path))
        except EvalDataError as error:
            if skipped is None:
                raise
            skipped.append(str(error))
    return docs


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(slots=True)
class _Tally:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    type: int = 0
    value: int = 0


Predicted = tuple[int, int, str, str]  # start, end, type, value


def score_document(doc: TimexDoc, predicted: Sequence[Predicted], tally: _Tally,
                   errors: list[dict[str, str]] | None = None) -> None:
    """Add one document's matches to ``tally`` (and its misses to ``errors``)."""
    system = [p for p in predicted if not any(_overlap((p[0], p[1]), span) > 0 for span in doc.ignore)]
    gold = list(doc.gold)
    tally.gold += len(gold)
    tally.system += len(system)
    pairs = sorted(((_overlap((g.start, g.end), (s[0], s[1])), gi, si)
                    for gi, g in enumerate(gold) for si, s in enumerate(system)
                    if _overlap((g.start, g.end), (s[0], s[1])) > 0), reverse=True)
    used_gold: set[int] = set()
    used_system: set[int] = set()
    for _, gi, si in pairs:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        g, s = gold[gi], system[si]
        tally.relaxed += 1
        tally.strict += _trimmed(doc.text, g.start, g.end) == _trimmed(doc.text, s[0], s[1])
        tally.type += g.type == s[2]
        tally.value += g.value == s[3]
        if errors is not None and (g.value != s[3] or g.type != s[2]):
            errors.append({"doc": doc.name, "kind": "value", "gold": f"{doc.text[g.start:g.end]!r} {g.type} {g.value}",
                           "system": f"{doc.text[s[0]:s[1]]!r} {s[2]} {s[3]}", "dct": doc.dct.isoformat(),
                           "context": doc.text[max(0, g.start - 80):g.end + 40].replace("\n", " ")})
    if errors is not None:
        errors.extend({"doc": doc.name, "kind": "missed", "gold": f"{doc.text[g.start:g.end]!r} {g.type} {g.value}",
                       "context": doc.text[max(0, g.start - 60):g.end + 40].replace("\n", " ")}
                      for gi, g in enumerate(gold) if gi not in used_gold)
        errors.extend({"doc": doc.name, "kind": "spurious", "system": f"{doc.text[s[0]:s[1]]!r} {s[2]} {s[3]}",
                       "context": doc.text[max(0, s[0] - 60):s[1] + 40].replace("\n", " ")}
                      for si, s in enumerate(system) if si not in used_system)


def _f1(matched: int, tally: _Tally) -> tuple[float, float, float]:
    precision = matched / tally.system if tally.system else 0.0
    recall = matched / tally.gold if tally.gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_timex(tally: _Tally) -> dict[str, Any]:
    """TempEval-3's timex measures from the counts."""
    precision, recall, relaxed_f1 = _f1(tally.relaxed, tally)
    strict_p, strict_r, strict_f1 = _f1(tally.strict, tally)
    type_accuracy = tally.type / tally.relaxed if tally.relaxed else 0.0
    value_accuracy = tally.value / tally.relaxed if tally.relaxed else 0.0
    return {
        "relaxed_f1": round(relaxed_f1, 4), "relaxed_precision": round(precision, 4),
        "relaxed_recall": round(recall, 4), "strict_f1": round(strict_f1, 4),
        "strict_precision": round(strict_p, 4), "strict_recall": round(strict_r, 4),
        "type_accuracy": round(type_accuracy, 4), "value_accuracy": round(value_accuracy, 4),
        "value_f1": round(value_accuracy * relaxed_f1, 4), "type_f1": round(type_accuracy * relaxed_f1, 4),
        "gold": tally.gold, "system": tally.system, "matched": tally.relaxed,
    }


Tagger = Callable[[str, date], Iterable[Predicted]]


def evaluate_timex(data: Path, tagger: Tagger, *, errors: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """Score ``tagger`` (text, DCT -> predicted timexes) on every document under ``data``."""
    skipped: list[str] = []
    docs = read_timex_corpus(data, skipped)
    tally = _Tally()
    started = time.perf_counter()
    for doc in docs:
        score_document(doc, list(tagger(doc.text, doc.dct)), tally, errors)
    seconds = time.perf_counter() - started
    result = score_timex(tally)
    by_type = Counter(g.type for d in docs for g in d.gold)
    result.update(documents=len(docs), gold_by_type=dict(sorted(by_type.items())), seconds=round(seconds, 2), skipped=skipped,
                  documents_per_second=round(len(docs) / seconds, 1) if seconds else None)
    return result
