"""Reuse stage: which articles copy, excerpt or spin which, and the source families.

``find_reuse(articles) -> ReuseResult`` is pure: articles in, links and families out.

1. candidates: near-duplicate channel (MinHash LSH) over every article with enough words,
   then the anchor and sentence channels over one representative per near-duplicate group,
   whose pairs are kept only if their word sketches overlap enough;
2. each candidate pair is aligned sentence by sentence (align.py) and judged
   (relation.py): verbatim, syndicated, excerpt, spun rewrite, or nothing;
3. each link gets a direction with its evidence (direction.py);
4. linked articles form families (families.py).
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final

import numpy as np
from numpy.typing import NDArray

from newsdossier.model import AlignedSpan, Article, Family, Relation, ReuseLink
from newsdossier.reuse.align import TextView, align, view
from newsdossier.reuse.candidates import anchor_candidates, sentence_candidates, union, worth_aligning
from newsdossier.reuse.direction import agency_own, decide_direction, wire_credit
from newsdossier.reuse.families import build_families
from newsdossier.reuse.fingerprint import FingerprintBatch, fingerprint_all
from newsdossier.reuse.minhash import first_holders
from newsdossier.reuse.relation import judge
from newsdossier.reuse.tokens import word_forms

__all__ = ["ReuseResult", "find_reuse"]

# Texts shorter than this are never linked: two stubs of "Subscribe to read" or two empty
# bodies are not copies of each other, and a very short text proves nothing.
MIN_WORDS: Final = 25
# From this many articles on, fingerprints are computed in two processes (the machines
# have two cores); below, starting the processes costs more than it saves.
PARALLEL_MIN_ARTICLES: Final = 5000
# Alignment views kept for reuse (``_Views``): about 37 MB. A copy's candidates are nearly
# always among the last few hundred articles aligned; one made again costs ~0.2 ms.
VIEW_CACHE: Final = 512


@dataclass(frozen=True, slots=True)
class ReuseResult:
    links: tuple[ReuseLink, ...]
    families: tuple[Family, ...]
    pairs_compared: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def _link(a: Article, b: Article, va: TextView, vb: TextView) -> ReuseLink | None:
    """Align two articles and, if they are related, the link with its direction and evidence."""
    alignment = align(va, vb)
    a_wire = wire_credit(a)
    verdict = judge(alignment, wire=a_wire if a_wire is not None and a_wire == wire_credit(b) else None)
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
    first, second = sorted((a, b), key=lambda x: (x.published.value is None, x.published.value,
                                                   not agency_own(x), x.id))
    span = AlignedSpan(0, len(first.text), 0, len(second.text))
    if first.published.value is not None and first.published.value != second.published.value:
        known, why = True, "published earlier"
    elif agency_own(first) and not agency_own(second):
        known, why = True, f"published by {first.outlet} itself"
    else:
        known, why = False, "direction unknown: identical texts"
    return ReuseLink(first.id, second.id, Relation.VERBATIM, 1.0, (span,), "identical words", known, why)


class _Views:
    """Alignment views, made only for articles that are actually aligned (most never are),
    the ``capacity`` most recently used kept.

    A view of a 550-word article takes about 74 KiB; a million-article pile aligns some
    200,000 articles, which kept all at once would be 14 GiB. Pairs come in an order that
    reuses a view soon (a group's origin with each member, a voice with its partners), and
    making a view again costs about 0.2 ms.
    """

    def __init__(self, articles: Sequence[Article], capacity: int = VIEW_CACHE) -> None:
        self._articles = articles
        self._capacity = capacity
        self._made: OrderedDict[int, TextView] = OrderedDict()
        self.made = 0  # views made, counting those made again

    def __getitem__(self, index: int) -> TextView:
        made = self._made.get(index)
        if made is not None:
            self._made.move_to_end(index)
            return made
        made = self._made[index] = view(self._articles[index].text)
        self.made += 1
        if len(self._made) > self._capacity:
            self._made.popitem(last=False)
        return made


def _band_candidates(indexed: list[int], prints: FingerprintBatch) -> dict[int, list[int]]:
    """For each banded article, the earlier articles it collides with, band by band (as BandIndex)."""
    positions, firsts = first_holders(prints.bands, np.array(indexed, dtype=np.int64))
    result: dict[int, list[int]] = {}
    for position, first in zip(positions.tolist(), firsts.tolist(), strict=True):
        result.setdefault(indexed[position], []).append(indexed[first])
    return result


def _near_duplicates(articles: Sequence[Article], prints: FingerprintBatch, views: _Views,
                     eligible: list[int]) -> tuple[dict[int, list[int]], dict[int, ReuseLink], int]:
    """Groups of near-duplicates (first member -> members) and, per later member, the link that joined it."""
    identical_to: dict[int, int] = {}
    first_with: dict[int, int] = {}
    for i in eligible:
        digest = int(prints.digests[i])
        if digest in first_with:
            identical_to[i] = first_with[digest]
        else:
            first_with[digest] = i
    candidates = _band_candidates([i for i in eligible if i not in identical_to], prints)
    group_of: dict[int, int] = {}
    groups: dict[int, list[int]] = {}
    joined_by: dict[int, ReuseLink] = {}
    pairs = 0
    for i in eligible:
        partner = identical_to.get(i)
        if partner is not None:
            joined_by[i] = _verbatim(articles[partner], articles[i])
        else:
            for j in candidates.get(i, ()):
                pairs += 1
                link = _link(articles[j], articles[i], views[j], views[i])
                if link:
                    joined_by[i], partner = link, j
                    break
        group_of[i] = group_of[partner] if partner is not None else i
        groups.setdefault(group_of[i], []).append(i)
    return groups, joined_by, pairs


def _most_original(members: list[int], articles: Sequence[Article], digests: NDArray[np.uint64]) -> int:
    """The member that holds the most of what the group shares, with the least of its own.

    The earliest dated member first (copies come later). Among members of the same date, a
    page on the agency's own site (outlet "AFP", "Reuters") before the pages crediting it;
    then: copies are made from the original, so excerpts and trimmed syndications hold less of
    the shared text, and copies with an added credit line hold extra text no other member
    has. Linear in the group's size (one count of word trigrams; members with the very same
    words, by their digest, are read once).
    """
    copies = Counter(int(digests[m]) for m in members)  # members per distinct text
    grams_of: dict[int, set[tuple[str, ...]]] = {}
    for m in members:
        if (digest := int(digests[m])) not in grams_of:
            forms = word_forms(articles[m].text)
            grams_of[digest] = set(zip(forms, forms[1:], forms[2:], strict=False))
    shared: Counter[tuple[str, ...]] = Counter()  # members holding each trigram
    for digest, grams in grams_of.items():
        shared.update(grams)
        if copies[digest] > 1:
            shared.update(dict.fromkeys(grams, copies[digest] - 1))
    common = sum(1 for count in shared.values() if count > 1) or 1
    held = {digest: sum(1 for t in grams if shared[t] > 1) for digest, grams in grams_of.items()}

    def key(m: int) -> tuple[date, bool, float, float, int]:
        digest = int(digests[m])
        return (articles[m].published.value or date.max, not agency_own(articles[m]), -held[digest] / common,
                -held[digest] / max(1, len(grams_of[digest])), m)
    return min(members, key=key)


def _rooted_links(group: list[int], articles: Sequence[Article], prints: FingerprintBatch, views: _Views,
                  joined_by: dict[int, ReuseLink]) -> tuple[int, list[ReuseLink], int]:
    """Link every member of a near-duplicate group to its most original member.

    The LSH pass joins each copy to the first earlier copy it meets; an analyst wants each
    copy tied to the original. Where a copy does not align with the original on its own
    (a copy of an excerpt), the link that joined it is kept, so the group stays one family.
    """
    if len(group) == 1:
        return group[0], [], 0
    origin = _most_original(group, articles, prints.digests)
    links, pairs = [], 0
    for member in group:
        if member == origin:
            continue
        if prints.digests[member] == prints.digests[origin]:
            link: ReuseLink | None = _verbatim(articles[origin], articles[member])
        else:
            pairs += 1
            link = _link(articles[origin], articles[member], views[origin], views[member])
        links.append(link or joined_by[member])
    return origin, links, pairs


def find_reuse(articles: Sequence[Article], *, workers: int | None = None, views_kept: int = VIEW_CACHE) -> ReuseResult:
    """Links between articles that reuse one another, and the families they form.

    ``workers``: processes for the fingerprints (default: two from ``PARALLEL_MIN_ARTICLES``
    articles on, else one); ``views_kept``: alignment views kept for reuse. The result
    depends on neither.
    """
    if workers is None:
        workers = 2 if len(articles) >= PARALLEL_MIN_ARTICLES else 1
    prints = fingerprint_all((a.text for a in articles), workers=workers, count=len(articles))
    views = _Views(articles, views_kept)
    eligible = np.flatnonzero(prints.words >= MIN_WORDS).tolist()
    groups, joined_by, pairs = _near_duplicates(articles, prints, views, eligible)
    links: list[ReuseLink] = []
    voices = []
    for group in groups.values():
        origin, group_links, compared = _rooted_links(group, articles, prints, views, joined_by)
        voices.append(origin)
        links += group_links
        pairs += compared
    linked = {frozenset((link.source, link.target)) for link in links}
    rows = np.array(voices, dtype=np.int64)
    sketches, sizes = prints.sketches, prints.content_words

    def worth(i: NDArray[np.int64], j: NDArray[np.int64]) -> NDArray[np.bool_]:
        return worth_aligning(rows[i], rows[j], sketches, sizes)

    # each column let go once used: a million articles' band keys and sentence hashes are 330 MB
    prints = prints.without("bands")
    shared = sentence_candidates(prints.sentence_values, prints.sentence_offsets, rows, keep=worth)
    prints = prints.without("sentence_values", "sentence_offsets")
    anchored = anchor_candidates(prints.anchor_values, prints.anchor_offsets, rows, keep=worth)
    for x, y in union(anchored, shared).tolist():
        a, b = articles[voices[x]], articles[voices[y]]
        if frozenset((a.id, b.id)) in linked:
            continue
        pairs += 1
        link = _link(a, b, views[voices[x]], views[voices[y]])
        if link:
            links.append(link)
    families = build_families(articles, links)
    return ReuseResult(tuple(links), tuple(families), pairs,
                       {"articles": len(articles), "eligible": len(eligible), "voices": len(voices),
                        "views_made": views.made})
