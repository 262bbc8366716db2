"""The furniture evidence as the Spark build counts it (each partition fits its own RecurringLines, the
engine adds them up line by line), played here without Spark: it decides every line of every article
as ``RecurringLines.fit`` over the whole pile does, however the articles are cut into partitions and
in whatever order the parts are added up."""

from __future__ import annotations

import random
from functools import reduce

import pytest

from newsdossier.clean import Prepared, line_keys, outlet_key
from newsdossier.clean.corpus import MIN_CONTEXTS, MIN_OUTLET_DOCUMENTS, RecurringLines
from newsdossier.model import Format, SourceHints
from newsdossier.spark.documents import Evidence, _evidence_of_part, _merged_evidence

FURNITURE = ["Share this article", "Follow us on Twitter", "Most read", "Listen to this story",
             "Photo: handout", "Subscribe for 1 euro", "Related topics", "Sign up for alerts"]
WORDS = "minister army talks village court flood market police strike election union bridge".split()


def _pile(seed: int) -> list[Prepared]:
    """Texts of a few outlets (some named only by their URL, one in eight by nothing, one in thirteen
    empty): prose lines of a handful of stories, some copied between outlets, and furniture lines each
    outlet shows on some pages, and a line each site shows on its own."""
    rng = random.Random(seed)
    stories = [[" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(4)] for _ in range(6)]
    pile = []
    for n in range(rng.randrange(30, 90)):
        site = rng.randrange(4)
        hints = (SourceHints() if n % 8 == 7 else SourceHints(outlet=f"Outlet {site}") if n % 2
                 else SourceHints(url=f"https://outlet{site}.example/{n}"))
        lines = [] if n % 13 == 12 else list(rng.choice(stories)) + rng.sample(FURNITURE, rng.randrange(0, 4))
        if lines and rng.random() < 0.5:
            lines.append(f"More from site {site}")  # each site's own furniture
        rng.shuffle(lines)
        pile.append(Prepared(f"raw{n}", "pile.jsonl", f"line {n + 1}", Format.JSON, "\n".join(lines), False, hints))
    return pile


def _on_parts(pile: list[Prepared], parts: int, rng: random.Random) -> RecurringLines:
    """recurring_lines' steps without the engine: a fit per partition, the lines' evidence added up in
    a shuffled order, the lines with too few contexts dropped."""
    cut = sorted(rng.sample(range(1, len(pile)), parts - 1)) if parts > 1 else []
    partitions = [pile[lo:hi] for lo, hi in zip([0, *cut], [*cut, len(pile)], strict=True)]
    by_line: dict[bytes, list[Evidence]] = {}
    for partition in partitions:
        for digest, evidence in _evidence_of_part(partition):
            by_line.setdefault(digest, []).append(evidence)
    kept = {}
    for digest, found in by_line.items():
        rng.shuffle(found)
        total = reduce(_merged_evidence, found)
        assert len(total[1]) <= MIN_CONTEXTS
        if len(total[1]) >= MIN_CONTEXTS:
            kept[digest] = total
    return RecurringLines.from_counts(
        len(pile), {d: e[0] for d, e in kept.items()},
        {(outlet, d): n for d, e in kept.items() for outlet, n in e[2].items() if n >= MIN_OUTLET_DOCUMENTS},
        {d: e[1] for d, e in kept.items()})


def _decisions(fitted: RecurringLines, pile: list[Prepared]) -> list[list[str | None]]:
    return [fitted.recurring(outlet_key(p), [key for key, _ in line_keys(p)]) for p in pile]


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("parts", [1, 2, 3, 7])
def test_partitions_decide_every_line_as_one_fit_does(seed: int, parts: int) -> None:
    pile = _pile(seed)
    fitted = RecurringLines().fit((outlet_key(p), line_keys(p)) for p in pile)
    assert _decisions(_on_parts(pile, parts, random.Random(seed * 10 + parts)), pile) == _decisions(fitted, pile)


def test_the_pile_has_furniture_of_both_kinds() -> None:
    # The comparison above means something only if some lines are furniture, pile-wide and per outlet.
    reasons = set()
    for seed in range(10):
        pile = _pile(seed)
        fitted = RecurringLines().fit((outlet_key(p), line_keys(p)) for p in pile)
        reasons.update(reason for decided in _decisions(fitted, pile) for reason in decided)
    assert {"recurring", "recurring-outlet", None} <= reasons


def test_merged_evidence_adds_counts_and_outlets_and_keeps_the_smallest_contexts() -> None:
    a: Evidence = (2, frozenset({b"c", b"a"}), {"x": 2})
    b: Evidence = (3, frozenset({b"d", b"b", b"a"}), {"x": 1, "y": 2})
    assert _merged_evidence(a, b) == (5, frozenset({b"a", b"b", b"c"}), {"x": 3, "y": 2})
    assert _merged_evidence(b, a) == _merged_evidence(a, b)
    assert a == (2, frozenset({b"c", b"a"}), {"x": 2})  # the parts are not changed
