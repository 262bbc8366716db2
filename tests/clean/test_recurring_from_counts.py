"""RecurringLines.from_counts (the furniture evidence summed elsewhere, as a Spark job sums it) decides
every line as RecurringLines.fit over the same articles does."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from newsdossier.clean.corpus import MIN_CONTEXTS, MIN_OUTLET_DOCUMENTS, RecurringLines, line_evidence

FURNITURE = ["Share this article", "Follow us on Twitter", "Most read", "Listen to this story",
             "Photo: handout", "Subscribe for 1 euro", "Related topics", "Sign up for alerts"]
WORDS = "minister army talks village court flood market police strike election union bridge".split()


def _pile(seed: int) -> list[tuple[str | None, list[tuple[str, str]]]]:
    """Articles of a few outlets (one article in eight without an outlet, one without lines): prose lines
    of a handful of stories, some copied between outlets, and furniture lines each outlet shows on some pages."""
    rng = random.Random(seed)
    stories = [[" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(4)] for _ in range(6)]
    pile: list[tuple[str | None, list[tuple[str, str]]]] = []
    for n in range(rng.randrange(20, 60)):
        outlet = None if n % 8 == 7 else f"outlet{rng.randrange(4)}.example"
        if n % 13 == 12:
            pile.append((outlet, []))
            continue
        lines = list(rng.choice(stories)) + rng.sample(FURNITURE, rng.randrange(0, 4))
        rng.shuffle(lines)
        pile.append((outlet, [(line.lower(), line) for line in lines]))
    return pile


def _summed(pile: list[tuple[str | None, list[tuple[str, str]]]]) -> RecurringLines:
    """What recurring_lines on Spark hands from_counts: per-line sums of line_evidence, only the lines seen
    next to enough stories, their contexts cut to MIN_CONTEXTS, outlet counts only where they can pass."""
    counts: Counter[bytes] = Counter()
    outlet_counts: Counter[tuple[str, bytes]] = Counter()
    contexts: dict[bytes, set[bytes]] = {}
    for outlet, lines in pile:
        found = line_evidence(lines)
        if found is None:
            continue
        context, digests = found
        for digest in digests:
            counts[digest] += 1
            contexts.setdefault(digest, set()).add(context)
            if outlet:
                outlet_counts[outlet, digest] += 1
    enough = {digest: sorted(seen)[:MIN_CONTEXTS] for digest, seen in contexts.items() if len(seen) >= MIN_CONTEXTS}
    return RecurringLines.from_counts(
        len(pile), {digest: counts[digest] for digest in enough},
        {key: count for key, count in outlet_counts.items() if count >= MIN_OUTLET_DOCUMENTS and key[1] in enough},
        enough)


@pytest.mark.parametrize("seed", range(12))
def test_summed_evidence_decides_every_line_as_fit_does(seed: int) -> None:
    pile = _pile(seed)
    fitted = RecurringLines().fit(pile)
    summed = _summed(pile)
    decisions = [fitted.recurring(outlet, [key for key, _ in lines]) for outlet, lines in pile]
    assert [summed.recurring(outlet, [key for key, _ in lines]) for outlet, lines in pile] == decisions
    assert summed.documents_ == fitted.documents_


def test_the_pile_has_furniture_of_both_kinds() -> None:
    # The comparison above means something only if some lines are furniture, pile-wide and per outlet.
    reasons = {reason for seed in range(12) for outlet, lines in _pile(seed)
               for reason in RecurringLines().fit(_pile(seed)).recurring(outlet, [key for key, _ in lines])}
    assert {"recurring", "recurring-outlet", None} <= reasons
