"""Reuse stage: which articles copy, excerpt or spin which, and the source families.

``find_reuse(articles) -> ReuseResult`` is pure: articles in, links and families out.

1. candidates: near-duplicate channel (MinHash LSH) over every article with enough words,
   then the anchor channel over one representative per near-duplicate group;
2. each candidate pair is aligned sentence by sentence (align.py) and judged
   (relation.py): verbatim, syndicated, excerpt, spun rewrite, or nothing;
3. each link gets a direction with its evidence (direction.py);
4. linked articles form families (families.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from newsdossier.model import AlignedSpan, Article, Family, Relation, ReuseLink
from newsdossier.reuse.align import TextView, align, view
from newsdossier.reuse.candidates import anchor_candidates, anchors_of
from newsdossier.reuse.direction import decide_direction
from newsdossier.reuse.families import build_families
from newsdossier.reuse.minhash import BandIndex, MinHasher
from newsdossier.reuse.relation import judge

__all__ = ["ReuseResult", "find_reuse"]

# Texts shorter than this are never linked: two stubs of "Subscribe to read" or two empty
# bodies are not copies of each other, and a very short text proves nothing.
MIN_WORDS: Final = 25


@dataclass(frozen=True, slots=True)
class ReuseResult:
    links: tuple[ReuseLink, ...]
    families: tuple[Family, ...]
    pairs_compared: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def _link(a: Article, b: Article, va: TextView, vb: TextView) -> ReuseLink | None:
    alignment = align(va, vb)
    verdict = judge(alignment)
    if verdict.relation is None:
        return None
    direction = decide_direction(a, b, verdict.relation, alignment, verdict.a_coverage, verdict.b_coverage)
    spans = alignment.spans()
    if direction.source != a.id:  # spans are (a, b); a link's spans are (source, target)
        spans = tuple(AlignedSpan(s.target_start, s.target_end, s.source_start, s.source_end) for s in spans)
    return ReuseLink(direction.source, direction.target, verdict.relation, verdict.score, spans,
                     verdict.evidence, direction.known, direction.evidence)


def _verbatim(a: Article, b: Article) -> ReuseLink:
    """Two texts with the very same words: no alignment needed."""
    first, second = sorted((a, b), key=lambda x: (x.published.value is None, x.published.value, x.id))
    span = AlignedSpan(0, len(first.text), 0, len(second.text))
    known = first.published.value is not None and first.published.value != second.published.value
    return ReuseLink(first.id, second.id, Relation.VERBATIM, 1.0, (span,), "identical words",
                     known, "published earlier" if known else "direction unknown: identical texts")


def find_reuse(articles: Sequence[Article]) -> ReuseResult:
    """Links between articles that reuse one another, and the families they form."""
    views = [view(a.text) for a in articles]
    eligible = [i for i, v in enumerate(views) if len(v.tokens) >= MIN_WORDS]
    hasher, bands = MinHasher(), BandIndex()
    identical: dict[tuple[str, ...], int] = {}
    links: list[ReuseLink] = []
    pairs = 0
    representative = {i: i for i in eligible}
    for i in eligible:
        forms = views[i].tokens.forms
        if forms in identical:
            links.append(_verbatim(articles[identical[forms]], articles[i]))
            representative[i] = identical[forms]
            continue
        identical[forms] = i
        for j in bands.add(i, hasher.signature(forms)):
            pairs += 1
            link = _link(articles[j], articles[i], views[j], views[i])
            if link:
                links.append(link)
                representative[i] = representative[j]
                break
    voices = [i for i in eligible if representative[i] == i]
    anchor_sets = [anchors_of(views[i].tokens.forms) for i in voices]
    linked = {frozenset((link.source, link.target)) for link in links}
    for x, y in anchor_candidates(anchor_sets):
        a, b = articles[voices[x]], articles[voices[y]]
        if frozenset((a.id, b.id)) in linked:
            continue
        pairs += 1
        link = _link(a, b, views[voices[x]], views[voices[y]])
        if link:
            links.append(link)
    families = build_families(articles, links)
    return ReuseResult(tuple(links), tuple(families), pairs,
                       {"articles": len(articles), "eligible": len(eligible), "voices": len(voices)})
