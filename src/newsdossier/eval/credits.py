"""Wire credits: the agency the product credits each article to, against a hand-labelled set.

``newsdossier eval credits --data DIR --json`` runs the product's own ingest and cleaning on every
labelled article of ``DIR`` (the Article Extraction Benchmark's directory, or the folder of ECB+
dev-topic articles that ``../shared/tools/ecb2txt.py`` writes) and compares ``credit`` with the
agencies the article credits, as labelled in ``eval/data/credits.tsv`` (provenance in its header):

* ``precision``: of the articles the product credits to an agency, the share whose agency is one
  the article credits (as its story's source or in its prose);
* ``recall``: of the articles crediting an agency, the share the product credits to one of them;
  ``recall_story`` and ``recall_cited`` split it by how the article credits it (a dateline, byline
  or credit line; or only in its prose: "told AFP");
* ``stated_precision``: the same precision for the credits provenance trusts (not ``prose``).

A credit naming no agency ("With Post wires") is not scored. ``wrong`` lists the misses to read.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from newsdossier.clean.agencies import normalise_agency
from newsdossier.errors import EvalDataError

__all__ = ["CreditItem", "evaluate_credits", "load_credit_labels", "score_credits"]

_EXAMPLES = 40


@dataclass(frozen=True, slots=True)
class CreditItem:
    key: str  # "ecb:<file>" or "aeb:<page id prefix>"
    story: frozenset[str]
    cited: frozenset[str]

    @property
    def credited(self) -> frozenset[str]:
        return self.story | self.cited


def _agency(label: str) -> str:
    return normalise_agency(label) or label


def load_credit_labels() -> list[CreditItem]:
    text = resources.files("newsdossier.eval").joinpath("data", "credits.tsv").read_text(encoding="utf-8")
    items = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, credits, *_ = line.split("\t")
        story: set[str] = set()
        cited: set[str] = set()
        for credit in credits.split(","):
            if ":" not in credit:
                continue
            agency, kind = credit.strip().rsplit(":", 1)
            if agency != "WIRES-GENERIC":
                (story if kind == "STORY" else cited).add(_agency(agency))
        items.append(CreditItem(key, frozenset(story), frozenset(cited - story)))
    return items


def score_credits(items: list[CreditItem], credited: dict[str, tuple[str | None, str | None]]) -> dict[str, Any]:
    """Scores of ``credited`` (key -> (agency, basis)) against ``items``."""
    given = right = stated = stated_right = 0
    with_credit = found = story_items = story_found = cited_items = cited_found = 0
    wrong: list[str] = []
    for item in items:
        agency, basis = credited.get(item.key, (None, None))
        ok = agency is not None and agency in item.credited
        if agency is not None:
            given += 1
            right += ok
            if basis != "prose":
                stated += 1
                stated_right += ok
        if item.credited:
            with_credit += 1
            found += ok
            if item.story:
                story_items += 1
                story_found += ok
            else:
                cited_items += 1
                cited_found += ok
        if not ok and (agency is not None or item.credited) and len(wrong) < _EXAMPLES:
            wrong.append(f"{item.key}: {agency} ({basis}) for {sorted(item.credited) or 'none'}")
    return {
        "items": len(items), "credited_items": with_credit, "asserted": given,
        "precision": _share(right, given), "recall": _share(found, with_credit),
        "recall_story": _share(story_found, story_items), "recall_cited": _share(cited_found, cited_items),
        "stated_precision": _share(stated_right, stated), "wrong": wrong,
    }


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def evaluate_credits(data: Path) -> dict[str, Any]:
    """Score the product's wire credits on the AEB pages or the ECB+ dev articles at ``data``."""
    from newsdossier.clean import clean, prepare
    from newsdossier.eval.dates import aeb_documents, text_documents

    items = load_credit_labels()
    if (data / "ground-truth.json").is_file():
        chosen = [i for i in items if i.key.startswith("aeb:")]
        documents = aeb_documents(data, [i.key[4:] for i in chosen])
        keys = {k: f"aeb:{k}" for k in documents}
        name = "aeb"
    elif any(data.glob("*ecbplus.txt")):
        chosen = [i for i in items if i.key.startswith("ecb:")]
        documents = text_documents(data, [i.key[4:] for i in chosen])
        keys = {k: f"ecb:{k}" for k in documents}
        name = "ecbplus-dev"
    else:
        raise EvalDataError(f"{data}: neither the Article Extraction Benchmark (ground-truth.json) nor ECB+ "
                            "articles as text (*ecbplus.txt)")
    credited = {}
    for key, raw in documents.items():
        article = clean(prepare(raw)) if raw is not None else None
        credited[keys[key]] = (article.credit, article.credit_basis) if article else (None, None)
    result = score_credits(chosen, credited)
    result["set"] = name
    return result

