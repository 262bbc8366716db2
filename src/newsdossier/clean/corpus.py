"""Corpus evidence for furniture: short lines that recur across many *different* articles.

A line that appears in many different stories ("Follow us for the latest updates", a
site's footer) is furniture even when no pattern knows it. The catch is syndication:
fifty republications of one wire story share every line, and those lines are not
furniture. So a line counts only when it recurs in articles that tell different
stories: each article's context is its longest line (its main paragraph), and a line
must be seen next to several distinct contexts. Prose lines (full sentences) are never
counted: a quote or wire paragraph shared by many articles is what provenance traces.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

__all__ = ["RecurringLines", "is_candidate_line", "line_evidence"]

# A line must be seen in at least this many articles of the pile (or of one outlet),
MIN_DOCUMENTS: Final = 5
MIN_OUTLET_DOCUMENTS: Final = 3
# next to at least this many different stories (distinct main paragraphs). Three keeps a
# sentence shared by two stories and their copies in the body; a site footer on a
# synthetic pile's 2,000 copies of one story plus the site's other stories is caught.
MIN_CONTEXTS: Final = 3
# Only lines that could be furniture are counted: short, and not a full sentence.
MAX_CANDIDATE_CHARS: Final = 200
_PROSE_MIN_WORDS: Final = 8
_SENTENCE_END: Final = tuple(".!?…\"”’')")


def _digest(key: str) -> bytes:
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()


def line_evidence(lines: Sequence[tuple[str, str]]) -> tuple[bytes, set[bytes]] | None:
    """What one article adds to the evidence: its context (the digest of its longest prose line, else
    its longest line) and the digests of its distinct candidate lines; None for an article without lines."""
    if not lines:
        return None
    candidates = [is_candidate_line(key, raw) for key, raw in lines]
    # The story's context: its longest line that cannot be furniture (else its longest).
    prose = [pair for pair, candidate in zip(lines, candidates, strict=True) if not candidate] or list(lines)
    context = _digest(max(prose, key=lambda pair: len(pair[1]))[0])
    return context, {_digest(key) for (key, _), candidate in zip(lines, candidates, strict=True) if candidate}


def is_candidate_line(key: str, raw: str) -> bool:
    """Short and not prose (prose: eight words or more ending a sentence)."""
    text = raw.strip()
    if not key or len(text) > MAX_CANDIDATE_CHARS:
        return False
    return not (len(text.split()) >= _PROSE_MIN_WORDS and text.endswith(_SENTENCE_END))


class RecurringLines:
    """Counts, for candidate lines, the articles and distinct stories they occur in (fit/transform style)."""

    def __init__(self, *, min_documents: int = MIN_DOCUMENTS, min_outlet_documents: int = MIN_OUTLET_DOCUMENTS,
                 min_contexts: int = MIN_CONTEXTS) -> None:
        self.min_documents = min_documents
        self.min_outlet_documents = min_outlet_documents
        self.min_contexts = min_contexts
        self.counts_: Counter[bytes] = Counter()
        self.outlet_counts_: Counter[tuple[str, bytes]] = Counter()
        self.contexts_: dict[bytes, set[bytes]] = {}
        self.documents_ = 0

    def add(self, outlet: str | None, lines: Sequence[tuple[str, str]]) -> None:
        """Count one article's distinct candidate lines; ``lines`` are (key, raw text) pairs."""
        self.documents_ += 1
        found = line_evidence(lines)
        if found is None:
            return
        context, digests = found
        self.counts_.update(digests)
        if outlet:
            self.outlet_counts_.update((outlet, d) for d in digests)
        for digest in digests:
            seen = self.contexts_.setdefault(digest, set())
            if len(seen) < self.min_contexts:  # only "enough or not" matters: bounded memory
                seen.add(context)

    @classmethod
    def from_counts(cls, documents: int, counts: Mapping[bytes, int], outlet_counts: Mapping[tuple[str, bytes], int],
                    contexts: Mapping[bytes, Iterable[bytes]]) -> RecurringLines:
        """The evidence counted elsewhere (a Spark job sums :func:`line_evidence` over its partitions):
        what :meth:`fit` would have learned from the same articles. Lines absent from ``contexts``
        are seen next to too few stories to be furniture, so a caller may leave them out."""
        fitted = cls()
        fitted.documents_ = documents
        fitted.counts_ = Counter(counts)
        fitted.outlet_counts_ = Counter(outlet_counts)
        fitted.contexts_ = {digest: set(list(seen)[:fitted.min_contexts]) for digest, seen in contexts.items()}
        return fitted

    def fit(self, articles: Iterable[tuple[str | None, Sequence[tuple[str, str]]]]) -> RecurringLines:
        for outlet, lines in articles:
            self.add(outlet, lines)
        return self

    def recurring(self, outlet: str | None, line_keys: Sequence[str]) -> list[str | None]:
        """For each line of one article: 'recurring', 'recurring-outlet' or None."""
        reasons: list[str | None] = []
        for key in line_keys:
            digest = _digest(key)
            if len(self.contexts_.get(digest, ())) < self.min_contexts:
                reasons.append(None)
            elif self.counts_[digest] >= self.min_documents:
                reasons.append("recurring")
            elif outlet and self.outlet_counts_[(outlet, digest)] >= self.min_outlet_documents:
                reasons.append("recurring-outlet")
            else:
                reasons.append(None)
        return reasons
