"""Geoparsing: toponym recognition and resolution to coordinates on TR-News, GeoVirus and GeoWebNews.

The gold corpora are the XML files of Gritta et al.'s *Pragmatic Guide to Geoparsing Evaluation*
(``data/Corpora/TR-News.xml``, ``data/Corpora/GeoVirus.xml``, ``data/GWN.xml``); the format is told
from the elements a file holds, not from its name:

* **TR-News** (``<toponym>`` with ``<phrase>`` and a GeoNames ``<gaztag geonameid=..>``),
* **GeoVirus** (``<locations>`` of ``<location>`` with ``<name>``, ``<lat>``, ``<lon>``; no GeoNames ids),
* **GeoWebNews** (``<toponym>`` with ``<extractedName>``, ``<geonamesID>``, ``<latitude>``, ``<longitude>``).

A gold toponym is one with both a latitude and a longitude, in every format and for recognition as
well as for geocoding: GeoWebNews annotates 6,612 location expressions, of which only those with
coordinates (2,601) count, so its toponym F1 is over those only; TR-News leaves 44 of its 1,319
toponyms (mostly street names) without a ``<gaztag>``, and they are left out the same way.

Where ``text[start:end]`` is not the annotated phrase, the span is moved to the nearest place within
20 characters where the text reads it (``gold_offsets_realigned``): every GeoVirus span sits one
character late (2,170 of 2,170), and in 18 TR-News articles spans drift 1-8 characters late (116
of 1,275). Spans that still do not match (``gold_offsets_mismatched``: two negative GeoWebNews
spans in article 123) count as given.

:func:`evaluate_geo` scores, with the gold spans given (``geocode``), ``acc161_gold`` (the share
of gold toponyms placed within 161 km, the 100 miles of Leidner's accuracy@161), ``auc_gold``
(:func:`auc_of_errors`, an unresolved toponym counting as the largest possible error) and more;
end to end (``geoparse``), toponym precision/recall/F1 with spans matched one-to-one when they
overlap, greatest overlap first, and accuracy@161 and AUC over the matched toponyms, as Gritta et
al. (2018, "What's missing in geoparsing?") score whole geoparsers.
"""

from __future__ import annotations

import math
import re
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final, TypeAlias

import numpy as np

from newsdossier.errors import ConfigError, EvalDataError
from newsdossier.places.resolve import great_circle_km  # the product's own distance, re-exported

__all__ = ["GeoDoc", "GoldToponym", "Resolved", "auc_of_errors", "evaluate_geo", "great_circle_km",
           "read_geo_corpus"]

# The greatest error the AUC allows: Gritta et al.'s k = ln(20039), about half the Earth's circumference.
MAX_ERROR_KM: Final = 20039.0
# accuracy@161: 100 miles, the tolerance of Leidner (2008) that Gritta et al. keep. Their code tests
# ln(err + 1) < ln(161), i.e. err < 160 km; "within 161 km" here is err <= 161, a 1-km difference.
ACCURACY_KM: Final = 161.0

Resolved: TypeAlias = tuple[float, float, int | None] | None
"""A predicted place: (latitude, longitude, GeoNames id or None), or None when left unresolved."""


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str  # the phrase as annotated, which text[start:end] should be
    lat: float
    lon: float
    geonames_id: int | None
    realigned: bool = False  # its offsets were moved to where the text reads its phrase


@dataclass(frozen=True, slots=True)
class GeoDoc:
    name: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True, slots=True)
class _Format:
    """Where one corpus format keeps its toponyms, as ElementTree paths."""

    name: str
    marker: str  # an element only this format has
    toponym: str  # the tag of a toponym's element, found at any depth under <article>
    phrase: str  # paths from the toponym's element
    lat: str
    lon: str


_FORMATS: Final = (
    _Format("TR-News", "gaztag", "toponym", "phrase", "gaztag/lat", "gaztag/lon"),
    _Format("GeoVirus", "locations", "location", "name", "lat", "lon"),
    _Format("GeoWebNews", "extractedName", "toponym", "extractedName", "latitude", "longitude"),
)


def _detect_format(path: Path, root: ET.Element) -> _Format:
    tags = {element.tag for element in root.iter()}
    found = [form for form in _FORMATS if form.marker in tags]
    if root.tag != "articles" or len(found) != 1:
        known = ", ".join(f"{form.name} (<{form.marker}>)" for form in _FORMATS)
        raise EvalDataError(f"{path}: not a geoparsing corpus this reader knows: expected <articles> holding the "
                            f"elements of exactly one of {known}, found <{root.tag}>")
    return found[0]


def _doc_name(article: ET.Element, number: int) -> str:
    """TR-News's ``docid``, GeoWebNews's ``file``, GeoVirus's source address, else the article's position."""
    source = (article.findtext("source") or "").strip()
    return article.get("docid") or article.get("file") or source or str(number)


def _geonames_id(toponym: ET.Element) -> str:
    gaztag = toponym.find("gaztag")
    return (gaztag.get("geonameid", "") if gaztag is not None else toponym.findtext("geonamesID", "")).strip()


def _read_toponym(path: Path, where: str, form: _Format, toponym: ET.Element) -> GoldToponym | None:
    """The gold toponym of one element, or None when it has no coordinates (not gold; see the module)."""
    lat, lon = (toponym.findtext(form.lat) or "").strip(), (toponym.findtext(form.lon) or "").strip()
    if not lat or not lon:
        return None
    raw_id = _geonames_id(toponym)
    try:
        return GoldToponym(int(toponym.findtext("start", "")), int(toponym.findtext("end", "")),
                           (toponym.findtext(form.phrase) or "").strip(), float(lat), float(lon),
                           int(raw_id) if raw_id else None)
    except ValueError as error:
        raise EvalDataError(f"{path}: {where}: a toponym's start, end, coordinates or GeoNames id is not a "
                            f"number ({error})") from error


def read_geo_corpus(path: Path) -> list[GeoDoc]:
    """The articles of a TR-News, GeoVirus or GeoWebNews XML file with their gold toponyms (those with
    coordinates), in file order. A toponym's element counts wherever it sits under its article: one
    GeoVirus ``<location>`` ("Six H1N1 cases appear in the Philippines") wraps three others."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        raise EvalDataError(f"{path}: cannot read the file as XML ({error})") from error
    form = _detect_format(path, root)
    docs = []
    for number, article in enumerate(root.iter("article")):
        name = _doc_name(article, number)
        found = (_read_toponym(path, f"{form.name} article {name}", form, element)
                 for element in article.iter(form.toponym))
        text = article.findtext("text") or ""
        docs.append(GeoDoc(name, text, tuple(_realigned(text, t) for t in found if t is not None)))
    return docs


REALIGN_CHARS: Final = 20


def _realigned(text: str, toponym: GoldToponym) -> GoldToponym:
    """``toponym`` moved to the nearest place within :data:`REALIGN_CHARS` characters where the text
    reads its phrase, when its offsets do not (GeoVirus' spans all sit one character late)."""
    if not toponym.text or toponym.start < 0 or text[toponym.start:toponym.end] == toponym.text:
        return toponym
    low = max(toponym.start - REALIGN_CHARS, 0)
    found = [m.start() + low for m in re.finditer(re.escape(toponym.text), text[low:toponym.end + REALIGN_CHARS])]
    if not found:
        return toponym
    start = min(found, key=lambda i: abs(i - toponym.start))
    return replace(toponym, start=start, end=start + len(toponym.text), realigned=True)


# numpy 2 renamed trapz to trapezoid; getattr keeps either version (and mypy) content
_trapezoid: Final[Callable[..., Any]] = getattr(np, "trapezoid", None) or getattr(np, "trapz")


def auc_of_errors(errors_km: Sequence[float]) -> float:
    """The area under the curve of the sorted log errors, normalised to [0, 1] (Gritta et al. 2018): the
    trapezoid integral of sorted ln(error + 1) over the index, divided by ln(20039) * (n - 1). Lower is
    better; one error gives ln(error + 1) / ln(20039), none gives 0.0."""
    if not errors_km:
        return 0.0
    logs = np.sort(np.log(np.asarray(errors_km, dtype=float) + 1.0))
    k = math.log(MAX_ERROR_KM)
    if len(logs) == 1:
        return float(logs[0]) / k
    return float(_trapezoid(logs)) / (k * (len(logs) - 1))


def _error_km(gold: GoldToponym, place: Resolved) -> float | None:
    return None if place is None else great_circle_km(gold.lat, gold.lon, place[0], place[1])


def _mismatched(doc: GeoDoc) -> int:
    return sum(not 0 <= t.start <= t.end <= len(doc.text) or doc.text[t.start:t.end] != t.text for t in doc.toponyms)


def _match_spans(predicted: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs of overlapping spans, greatest overlap first."""
    pairs = sorted((-(min(p[1], g[1]) - max(p[0], g[0])), i, j)
                   for i, p in enumerate(predicted) for j, g in enumerate(gold)
                   if max(p[0], g[0]) < min(p[1], g[1]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched.append((i, j))
    return matched


def _share(part: float, whole: float) -> float:
    return round(part / whole, 4) if whole else 0.0


def _within(errors: Sequence[float | None]) -> int:
    return sum(e is not None and e <= ACCURACY_KM for e in errors)


def _auc(errors: Sequence[float | None]) -> float:
    """AUC with an unresolved toponym (None) counted as the largest possible error."""
    return round(auc_of_errors([MAX_ERROR_KM if e is None else e for e in errors]), 4)


def _gold_scores(errors: Sequence[float | None], ids_scored: int, ids_right: int) -> dict[str, Any]:
    resolved = [e for e in errors if e is not None]
    return {
        "acc161_gold": _share(_within(errors), len(errors)), "auc_gold": _auc(errors),
        "resolved_gold": _share(len(resolved), len(errors)),
        "precision161_gold": _share(_within(errors), len(resolved)),
        "geonames_match_gold": _share(ids_right, ids_scored) if ids_scored else None,
        "median_error_km_gold": round(statistics.median(resolved), 4) if resolved else None,
    }


def _end_to_end_scores(matched_errors: Sequence[float | None], predicted: int, gold: int) -> dict[str, Any]:
    precision = len(matched_errors) / predicted if predicted else 0.0
    recall = len(matched_errors) / gold if gold else 0.0
    return {
        "toponym_precision": round(precision, 4), "toponym_recall": round(recall, 4),
        "toponym_f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "acc161": _share(_within(matched_errors), len(matched_errors)), "auc": _auc(matched_errors),
        "acc161_all_gold": _share(_within(matched_errors), gold),
    }


def evaluate_geo(path: Path, *, geocode: Callable[[str, Sequence[tuple[int, int]]], Sequence[Resolved]],
                 geoparse: Callable[[str], Sequence[tuple[int, int, Resolved]]] | None = None,
                 limit: int | None = None, split: str | None = None) -> dict[str, Any]:
    """Geocoding scores with the gold spans given and, with ``geoparse``, end-to-end scores on one corpus.

    ``split`` "dev" scores the articles at even positions in the file (0, 2, 4, ...), "test" those at odd
    ones, None all: the corpora have no splits of their own, and rules are tuned on the dev half only.

    ``geocode(text, spans)`` is called once per article with its gold (start, end) spans and returns one
    :data:`Resolved` per span; ``geoparse(text)`` returns the (start, end, Resolved) of the toponyms it
    finds. Shares are 0.0 when there is nothing to share out; ``geonames_match_gold`` is over the gold
    toponyms with a GeoNames id (None when none has one), ``median_error_km_gold`` over the resolved."""
    docs = read_geo_corpus(path)
    if split is not None:
        if split not in ("dev", "test"):
            raise ConfigError(f"eval geo has no {split!r} split; choose dev (even articles) or test (odd ones)")
        docs = docs[split == "test"::2]
    docs = docs[:limit]
    gold_errors: list[float | None] = []
    matched_errors: list[float | None] = []
    ids_scored = ids_right = predicted = 0
    started = time.perf_counter()
    for doc in docs:
        spans = [(t.start, t.end) for t in doc.toponyms]
        places = list(geocode(doc.text, spans))
        if len(places) != len(spans):
            raise ValueError(f"geocode returned {len(places)} places for the {len(spans)} spans of {doc.name}; "
                             "it must return one Resolved (or None) per span")
        gold_errors.extend(_error_km(t, place) for t, place in zip(doc.toponyms, places))
        for t, place in zip(doc.toponyms, places):
            if t.geonames_id is not None:
                ids_scored += 1
                ids_right += place is not None and place[2] == t.geonames_id
        if geoparse is not None:
            found = list(geoparse(doc.text))
            predicted += len(found)
            pairs = _match_spans([(start, end) for start, end, _ in found], spans)
            matched_errors.extend(_error_km(doc.toponyms[j], found[i][2]) for i, j in pairs)
    seconds = time.perf_counter() - started
    return {
        "corpus": path.name, "split": split or "all", "documents": len(docs), "gold_toponyms": len(gold_errors),
        "gold_offsets_mismatched": sum(_mismatched(doc) for doc in docs),
        "gold_offsets_realigned": sum(t.realigned for doc in docs for t in doc.toponyms),
        **_gold_scores(gold_errors, ids_scored, ids_right),
        **(_end_to_end_scores(matched_errors, predicted, len(gold_errors)) if geoparse is not None else {}),
        "seconds": round(seconds, 4),
    }
