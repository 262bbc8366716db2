"""Publication dates: the product's date for each page or article, against hand-labelled sets.

``newsdossier eval dates --data DIR [--split dev] --json`` runs the product's own ingest and
cleaning on every labelled page or article of ``DIR`` (the same calls ``build`` makes) and scores
the publication date it asserts against the labels shipped in ``eval/data`` (provenance in each
file's header):

* the Article Extraction Benchmark pages (``DIR`` holds ``ground-truth.json`` and
  ``html/<id>.html.gz``): 181 pages, each labelled with the date it states or NONE;
* the ECB+ articles as plain text (``DIR`` holds the ``*.txt`` files that
  ``../shared/tools/ecb2txt.py`` writes), each labelled from its header date line, or NONE when
  its header has none; ``--split`` picks the dev or train topics (default both).

Scores, over the labelled items (AMBIGUOUS labels are counted apart and not scored):

* ``accuracy``: the share of items where the product asserts the labelled date, or asserts none
  where the label is NONE (an ``estimated`` date is not asserted: the dossier shows it as a range);
* ``precision``: of the dates the product asserts, the share that are the label;
* ``recall``: of the labelled dates, the share the product asserts;
* ``within_one_day``: accuracy when a date one day off counts as right (UTC versus local dates).

On AEB the same scores are given for htmldate's own ``find_date`` on the same pages (its default
settings, the page's URL given), as the baseline the issue names. ``wrong`` lists the misses to read.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from newsdossier.errors import EvalDataError

__all__ = ["DateItem", "aeb_documents", "evaluate_dates", "load_labels", "score_dates", "text_documents"]

_EXAMPLES = 40


@dataclass(frozen=True, slots=True)
class DateItem:
    key: str  # AEB page id prefix, or the ECB+ article's file name
    label: str  # YYYY-MM-DD, NONE, NOTDATE or AMBIGUOUS
    split: str = ""
    line: str = ""

    @property
    def expected(self) -> date | None:
        return date.fromisoformat(self.label) if self.label[:1].isdigit() else None


def load_labels(name: str) -> list[DateItem]:
    """The shipped labels ``dates_aeb.tsv`` or ``dates_ecbplus.tsv``."""
    text = resources.files("newsdossier.eval").joinpath("data", name).read_text(encoding="utf-8")
    items = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if name == "dates_aeb.tsv":
            items.append(DateItem(fields[0], fields[1]))
        else:
            items.append(DateItem(fields[1], fields[2], fields[0], fields[3] if len(fields) > 3 else ""))
    return items


def score_dates(items: Iterable[DateItem], asserted: dict[str, date | None]) -> dict[str, Any]:
    """Accuracy, precision, recall and the misses of ``asserted`` (key -> date or None) against ``items``."""
    right = near = scored = given = right_dates = labelled_dates = ambiguous = 0
    wrong: list[str] = []
    for item in items:
        if item.label == "AMBIGUOUS":
            ambiguous += 1
            continue
        scored += 1
        expected, got = item.expected, asserted.get(item.key)
        labelled_dates += expected is not None
        given += got is not None
        if got == expected:
            right += 1
            near += 1
            right_dates += got is not None
            continue
        if got is not None and expected is not None and abs((got - expected).days) <= 1:
            near += 1
        if len(wrong) < _EXAMPLES:
            wrong.append(f"{item.key}: {got} for {item.label}" + (f" ({item.line!r})" if item.line else ""))
    return {
        "items": scored, "ambiguous_not_scored": ambiguous, "labelled_dates": labelled_dates,
        "asserted_dates": given, "accuracy": _share(right, scored), "within_one_day": _share(near, scored),
        "precision": _share(right_dates, given), "recall": _share(right_dates, labelled_dates), "wrong": wrong,
    }


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _asserted(raw: Any) -> date | None:
    """The date the product asserts for one raw document: its cleaned article's publication date, unless
    that is only an estimate."""
    from newsdossier.clean import clean, prepare
    from newsdossier.model import DateBasis

    published = clean(prepare(raw)).published
    return published.value if published.value and published.basis != DateBasis.ESTIMATED else None


def aeb_documents(data: Path, prefixes: list[str]) -> dict[str, Any]:
    """prefix -> the raw document of each AEB page (its URL given, as a crawl would)."""
    from newsdossier.model import Format, RawDocument, SourceHints

    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    by_prefix = {page_id[:12]: (page_id, record.get("url")) for page_id, record in truth.items()}
    documents = {}
    for prefix in prefixes:
        if prefix not in by_prefix:
            raise EvalDataError(f"{data}: page {prefix} of the labels is not in ground-truth.json")
        page_id, url = by_prefix[prefix]
        raw_bytes = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
        documents[prefix] = RawDocument(f"{page_id}.html", None, Format.HTML, "text/html", raw_bytes, "utf-8",
                                        raw_bytes.decode("utf-8", "replace"), SourceHints(url=url))
    return documents


def text_documents(data: Path, names: list[str]) -> dict[str, Any]:
    """file name -> the raw document of each labelled plain-text article in ``data``."""
    from newsdossier.ingest import read_file
    from newsdossier.model import RawDocument

    documents: dict[str, Any] = {}
    for name in names:
        path = data / name
        if not path.is_file():
            raise EvalDataError(f"{path}: labelled article missing (write the ECB+ topics with "
                                "../shared/tools/ecb2txt.py first)")
        raws = [r for r in read_file(path) if isinstance(r, RawDocument)]
        documents[name] = raws[0] if raws else None
    return documents


def _aeb(data: Path, items: list[DateItem]) -> dict[str, Any]:
    from htmldate import find_date

    documents = aeb_documents(data, [item.key for item in items])
    product = {key: _asserted(raw) for key, raw in documents.items()}
    baseline: dict[str, date | None] = {}
    for key, raw in documents.items():
        found = find_date(raw.text, url=raw.hints.url)
        baseline[key] = date.fromisoformat(found) if found else None
    result = score_dates(items, product)
    result["htmldate"] = {k: v for k, v in score_dates(items, baseline).items() if k != "wrong"}
    return result


def _text_articles(data: Path, items: list[DateItem]) -> dict[str, Any]:
    documents = text_documents(data, [item.key for item in items])
    return score_dates(items, {key: _asserted(raw) if raw is not None else None for key, raw in documents.items()})


def evaluate_dates(data: Path, *, split: str | None = None) -> dict[str, Any]:
    """Score the product's publication dates on the AEB pages or the ECB+ articles at ``data``."""
    if (data / "ground-truth.json").is_file():
        items = load_labels("dates_aeb.tsv")
        result = _aeb(data, items)
        result["set"] = "aeb"
    elif any(data.glob("*ecbplus.txt")):
        items = [i for i in load_labels("dates_ecbplus.tsv") if split in (None, i.split)]
        result = _text_articles(data, items)
        result["set"] = f"ecbplus-{split or 'all'}"
    else:
        raise EvalDataError(f"{data}: neither the Article Extraction Benchmark (ground-truth.json) nor ECB+ "
                            "articles as text (*ecbplus.txt)")
    return result
