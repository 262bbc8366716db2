"""Corpus evidence for furniture: lines that recur across many articles of a pile.

A line that appears in many *different* articles ("Follow us for the latest
updates", a site's footer) is furniture even when no pattern knows it. The catch
is syndication: fifty republications of one wire story share every body line,
and those lines are not furniture. So a line counts only when it recurs far more
often than the article's other lines do — a footer on fifty different stories is
much commoner than those stories' sentences, a wire paragraph is not commoner
than the rest of its own wire story.
"""

from __future__ import annotations

import hashlib
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final

__all__ = ["RecurringLines"]

# A line must be seen in at least this many articles of the pile (or of one outlet)
# before it can be furniture: two articles sharing a line is too common by chance
# (quotes, wire copies) to say anything.
MIN_DOCUMENTS: Final = 5
MIN_OUTLET_DOCUMENTS: Final = 3
# ... and be this many times commoner than the median line of the same article,
# which is what separates a site footer from a syndicated paragraph.
DOMINANCE_RATIO: Final = 3.0


def _digest(key: str) -> bytes:
    # 8 bytes keep a pile of a million articles' lines in a few hundred MB of counters.
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()


class RecurringLines:
    """Counts in how many articles each line occurs, overall and per outlet (fit/transform style)."""

    def __init__(
        self,
        *,
        min_documents: int = MIN_DOCUMENTS,
        min_outlet_documents: int = MIN_OUTLET_DOCUMENTS,
        dominance_ratio: float = DOMINANCE_RATIO,
    ) -> None:
        self.min_documents = min_documents
        self.min_outlet_documents = min_outlet_documents
        self.dominance_ratio = dominance_ratio
        self.counts_: Counter[bytes] = Counter()
        self.outlet_counts_: Counter[tuple[str, bytes]] = Counter()
        self.documents_ = 0

    def add(self, outlet: str | None, line_keys: Iterable[str]) -> None:
        """Count one article's distinct lines (incremental form of fit)."""
        digests = {_digest(key) for key in line_keys if key}
        self.documents_ += 1
        self.counts_.update(digests)
        if outlet:
            self.outlet_counts_.update((outlet, d) for d in digests)

    def fit(self, articles: Iterable[tuple[str | None, Sequence[str]]]) -> RecurringLines:
        for outlet, keys in articles:
            self.add(outlet, keys)
        return self

    def recurring(self, outlet: str | None, line_keys: Sequence[str]) -> list[str | None]:
        """For each line of one article: 'recurring', 'recurring-outlet' or None."""
        digests = [_digest(key) for key in line_keys]
        overall = [self.counts_[d] for d in digests]
        per_outlet = [self.outlet_counts_[(outlet, d)] if outlet else 0 for d in digests]
        if not digests:
            return []
        median_overall = statistics.median(overall)
        median_outlet = statistics.median(per_outlet)
        reasons: list[str | None] = []
        for count, outlet_count in zip(overall, per_outlet, strict=True):
            if count >= self.min_documents and count >= self.dominance_ratio * median_overall:
                reasons.append("recurring")
            elif (
                outlet_count >= self.min_outlet_documents
                and outlet_count >= self.dominance_ratio * median_outlet
            ):
                reasons.append("recurring-outlet")
            else:
                reasons.append(None)
        return reasons
