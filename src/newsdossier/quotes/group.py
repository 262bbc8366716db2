"""One quote however many articles carry it: the same words grouped across the pile, by source family.

Quotes are grouped when their words are the same once case, punctuation and spacing are set
aside (a syndicated copy, or two outlets quoting one statement). A quote in a **spun rewrite**
is matched to the quote of its original with the closest wording (rapidfuzz ratio at least
:data:`SPUN_MIN_SIMILARITY`) and is attributed to the original's words: the rewrite is listed as
a source with ``reworded: true``, never as the wording. A spun rewrite's quote that matches
nothing in its original keeps its own words and says so (``reworded_only``).

The wording kept is that of the group's first occurrence in pile order that is not from a
spun rewrite, and the quote's actor is the first one any of its occurrences was linked to.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from rapidfuzz import fuzz

from newsdossier.quotes.model import Quote

__all__ = ["SPUN_MIN_SIMILARITY", "QuoteGroup", "group_quotes", "quote_key"]

# rapidfuzz ratio (0-100) of a spun rewrite's quote and the original's. Measured on the seed
# pile's spun rewrite (004 of 001): its rewritten quotes score 72-96 against their originals and
# 24-45 against the other quotes of the article.
SPUN_MIN_SIMILARITY: Final = 65.0
MIN_PARTIAL_WORDS: Final = 5
_NOT_WORD = re.compile(r"[\W_]+")


def quote_key(text: str) -> str:
    """The words of a quote, lower case, without punctuation: the same for every copy."""
    return _NOT_WORD.sub(" ", text.lower()).strip()


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """One quote with every article that carries it: ``quote`` is the wording kept (the original's),
    ``sources`` every occurrence (the kept one first), ``reworded`` those from spun rewrites."""

    quote: Quote
    sources: tuple[Quote, ...]
    reworded: frozenset[int]  # indexes into sources
    reworded_only: bool = False


def _similarity(rewritten: str, original: str) -> float:
    """How alike two wordings are; a rewrite that kept only part of a quote is compared with the best
    matching part of the original (rapidfuzz partial_ratio) when it has at least five words."""
    score = fuzz.ratio(rewritten, original)
    if min(len(rewritten.split()), len(original.split())) >= MIN_PARTIAL_WORDS:
        score = max(score, fuzz.partial_ratio(rewritten, original))
    return score


def _root(index: int, home: Mapping[int, int]) -> int:
    """The quote whose words ``index`` is grouped under, through chains of rewrites (a spin of a spin)."""
    while index in home:
        index = home[index]
    return index


def _break_cycles(home: dict[int, int], reworded: set[int]) -> None:
    """Rewrites matched in a circle keep, for the first of them in pile order, their own words."""
    for start in sorted(home):
        path: list[int] = []
        index = start
        while index in home and index not in path:
            path.append(index)
            index = home[index]
        if index in path:
            head = min(path[path.index(index):])
            del home[head]
            reworded.discard(head)


def group_quotes(quotes: Sequence[Quote], *, spun_sources: Mapping[str, str] | None = None) -> list[QuoteGroup]:
    """Group the pile's quotes (see the module docstring); ``spun_sources`` maps a spun rewrite to its original."""
    spun_sources = spun_sources or {}
    by_article: dict[str, list[int]] = {}
    for index, quote in enumerate(quotes):
        by_article.setdefault(quote.article, []).append(index)
    home: dict[int, int] = {}  # quote index -> the index of the quote whose words it is grouped under
    reworded: set[int] = set()
    orphans: set[int] = set()
    for index, quote in enumerate(quotes):
        original = spun_sources.get(quote.article)
        if original is None:
            continue
        candidates = [(_similarity(quote_key(quote.content.text), quote_key(quotes[i].content.text)), i)
                      for i in by_article.get(original, [])]
        best = max(candidates, default=(0.0, -1))
        if best[0] >= SPUN_MIN_SIMILARITY:
            home[index] = best[1]
            reworded.add(index)
        else:
            orphans.add(index)
    _break_cycles(home, reworded)
    groups: dict[str, list[int]] = {}
    for index, quote in enumerate(quotes):
        if index not in home:
            groups.setdefault(quote_key(quote.content.text), []).append(index)
    members = {key: list(indexes) for key, indexes in groups.items()}
    key_of = {i: key for key, indexes in groups.items() for i in indexes}
    for index in home:
        members[key_of[_root(index, home)]].append(index)
    result = []
    for indexes in members.values():
        ordered = sorted(indexes, key=lambda i: (i in reworded, i))
        kept = quotes[ordered[0]]
        named = next((quotes[i] for i in ordered if quotes[i].actor is not None), None)
        if named is not None and kept.actor is None:
            kept = Quote(kept.article, kept.parts, kept.direct, kept.cue, kept.source, kept.speaker, kept.how,
                         kept.role, named.actor)
        result.append(QuoteGroup(kept, tuple(quotes[i] for i in ordered),
                                 frozenset(n for n, i in enumerate(ordered) if i in reworded),
                                 reworded_only=ordered[0] in orphans))
    result.sort(key=lambda g: (g.quote.article, g.quote.start))
    return result
