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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from typing import Final, Self, TypeVar

import numpy as np
from numpy.typing import NDArray

from newsdossier.model import AlignedSpan, Article, Family, Relation, ReuseLink
from newsdossier.executor import Executor, LocalExecutor, worker_state
from newsdossier.reuse.align import TextView, align, view
from newsdossier.reuse.candidates import anchor_candidates, sentence_candidates, union, worth_aligning
from newsdossier.reuse.direction import agency_own, decide_direction, same_outlet, wire_credit
from newsdossier.reuse.families import build_families
from newsdossier.reuse.fingerprint import FingerprintBatch, decoded, encoded, fingerprint_all
from newsdossier.reuse.minhash import first_holders
from newsdossier.reuse.relation import judge
from newsdossier.reuse.tokens import word_forms

__all__ = ["ReuseResult", "Sent", "find_reuse", "first_link", "group_links", "joining_link", "pair_link", "received",
           "slim", "verbatim_link"]

# Texts shorter than this are never linked: two stubs of "Subscribe to read" or two empty
# bodies are not copies of each other, and a very short text proves nothing.
MIN_WORDS: Final = 25
# From this many articles on, fingerprints are computed in two processes (the machines
# have two cores); below, starting the processes costs more than it saves.
PARALLEL_MIN_ARTICLES: Final = 5000
# Alignment views each process keeps for reuse (``_Views``): about 37 MB. A copy's candidates
# are nearly always among the last few hundred articles aligned; one made again costs ~0.2 ms.
VIEW_CACHE: Final = 512
# Alignment tasks sent to a worker process at once (each aligns one to a few pairs, ~0.5 ms each).
ALIGN_CHUNK: Final = 32


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
    relation = verdict.relation
    if relation != Relation.VERBATIM and (outlet := same_outlet(a, b)) is not None:
        relation = Relation.REVISION  # one outlet's two versions of its story: no second source
        verdict = replace(verdict, evidence=f"{verdict.evidence}; both published by {outlet}")
    direction = decide_direction(a, b, relation, alignment, verdict.a_coverage, verdict.b_coverage)
    spans = alignment.spans()
    if direction.source != a.id:  # spans are (a, b); a link's spans are (source, target)
        spans = tuple(AlignedSpan(s.target_start, s.target_end, s.source_start, s.source_end) for s in spans)
    return ReuseLink(direction.source, direction.target, relation, verdict.score, spans,
                     verdict.evidence, direction.known, direction.evidence)


def verbatim_link(a: Article, b: Article) -> ReuseLink:
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
    """Alignment views of the texts aligned in one process, the ``capacity`` most recently
    used kept, by text (a worker's views outlive one pile: a Spark worker runs many tasks).

    A view of a 550-word article takes about 74 KiB; a million-article pile aligns some
    200,000 articles, which kept all at once would be 14 GiB. Pairs come in an order that
    reuses a view soon (a group's origin with each member, a voice with its partners), and
    making a view again costs about 0.2 ms.
    """

    def __init__(self, capacity: int = VIEW_CACHE) -> None:
        self._capacity = capacity
        self._made: OrderedDict[str, TextView] = OrderedDict()

    def of(self, index: int, article: Article) -> TextView:
        text = article.text
        made = self._made.get(text)
        if made is not None:
            self._made.move_to_end(text)
            return made
        made = self._made[text] = view(text)
        if len(self._made) > self._capacity:
            self._made.popitem(last=False)
        return made


# --- alignment kernels: run in this process, a worker process or a Spark task, the same either way ---

_Indexed = tuple[int, Article]  # an article with its position in the pile (the views' key)
Sent = tuple[int, Article, bytes]  # the same on its way to a worker: the text as UTF-8
_T = TypeVar("_T")
_R = TypeVar("_R")
_VIEWS: Final = "reuse.views"


def _process_views(views: _Views | None) -> _Views:
    """The views a kernel aligns with: the caller's, or this process's (newsdossier.executor.worker_state)."""
    return views if views is not None else worker_state(_VIEWS, _Views)


def slim(index: int, article: Article) -> Sent:
    """What alignment reads of an article, to send to a worker process: not its source text
    or segment map (which may be a whole HTML page), and its text as UTF-8 (``fingerprint.encoded``
    says why: pickled, the text itself would keep a UTF-8 copy for as long as the pile lives)."""
    slim = replace(article, text="", source_text="", segments=(), removed=(), captions=())
    return index, slim, encoded([article.text])[0]


def received(sent: Sent) -> _Indexed:
    index, article, text = sent
    return index, replace(article, text=decoded([text])[0])


def first_link(task: tuple[Sent, list[Sent]], views: _Views | None = None) -> tuple[int | None, ReuseLink | None, int]:
    """A banded article aligned with its candidates in order: the first that links (its
    position and the link), and how many pairs were aligned."""
    views = _process_views(views)
    i, article = received(task[0])
    candidates = [received(sent) for sent in task[1]]
    for tried, (j, candidate) in enumerate(candidates, 1):
        link = _link(candidate, article, views.of(j, candidate), views.of(i, article))
        if link:
            return j, link, tried
    return None, None, len(candidates)


def group_links(task: tuple[list[Sent], list[int], list[int | None]],
                 views: _Views | None = None) -> tuple[int, list[ReuseLink | None], int]:
    """A near-duplicate group (members, their digests, the member each was joined to): its
    most original member, the link of every other member to it in order, and how many pairs
    were aligned. ``None`` stands for the link that joined the member: where the member was
    joined to the origin itself (that alignment is not made twice), and where the two do not
    align on their own (a copy of an excerpt), so the group stays one family."""
    views = _process_views(views)
    members = [received(sent) for sent in task[0]]
    digest_list, partner_list = task[1], task[2]
    articles = dict(members)
    digests = dict(zip(articles, digest_list, strict=True))
    origin = _most_original(list(articles), articles, digests)
    links: list[ReuseLink | None] = []
    pairs = 0
    for (member, article), partner in zip(members, partner_list, strict=True):
        if member == origin:
            continue
        if digests[member] == digests[origin]:
            links.append(verbatim_link(articles[origin], article))
        elif partner == origin:
            links.append(None)
        else:
            pairs += 1
            links.append(_link(articles[origin], article, views.of(origin, articles[origin]), views.of(member, article)))
    return origin, links, pairs


def pair_link(task: tuple[Sent, Sent], views: _Views | None = None) -> ReuseLink | None:
    views = _process_views(views)
    (x, a), (y, b) = received(task[0]), received(task[1])
    return _link(a, b, views.of(x, a), views.of(y, b))


class _Aligner:
    """Runs alignment kernels in order on an executor: this process (with the caller's views), a
    pool of ``workers`` processes, or the caller's ``executor``."""

    def __init__(self, workers: int, capacity: int, executor: Executor | None = None) -> None:
        self._views = _Views(capacity)
        self._owned = executor is None and workers > 1
        # as for the fingerprints: a forkserver has imported this package already
        self._executor = (executor if executor is not None else
                          LocalExecutor(workers, preload=[__name__], seed={_VIEWS: _Views(capacity)}) if workers > 1
                          else None)

    def map(self, task: Callable[..., _R], tasks: Iterable[_T]) -> Iterator[_R]:
        if self._executor is None:
            return map(partial(task, views=self._views), tasks)
        return self._executor.map(task, tasks, chunksize=ALIGN_CHUNK)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._owned and self._executor is not None:
            self._executor.close()


def _band_candidates(indexed: list[int], prints: FingerprintBatch) -> dict[int, list[int]]:
    """For each banded article, the earlier articles it collides with, band by band (as BandIndex)."""
    positions, firsts = first_holders(prints.bands, np.array(indexed, dtype=np.int64))
    result: dict[int, list[int]] = {}
    for position, first in zip(positions.tolist(), firsts.tolist(), strict=True):
        result.setdefault(indexed[position], []).append(indexed[first])
    return result


def _near_duplicates(articles: Sequence[Article], prints: FingerprintBatch, aligner: _Aligner,
                     eligible: list[int]) -> tuple[dict[int, list[int]], dict[int, tuple[int, ReuseLink]], int]:
    """Groups of near-duplicates (first member -> members) and, per later member, the member
    it was joined to with the link that joined them."""
    identical_to: dict[int, int] = {}
    first_with: dict[int, int] = {}
    for i in eligible:
        digest = int(prints.digests[i])
        if digest in first_with:
            identical_to[i] = first_with[digest]
        else:
            first_with[digest] = i
    candidates = _band_candidates([i for i in eligible if i not in identical_to], prints)
    chained = [i for i in eligible if i in candidates]
    tasks = ((slim(i, articles[i]), [slim(j, articles[j]) for j in candidates[i]]) for i in chained)
    found = dict(zip(chained, aligner.map(first_link, tasks), strict=True))
    group_of: dict[int, int] = {}
    groups: dict[int, list[int]] = {}
    joined_by: dict[int, tuple[int, ReuseLink]] = {}
    pairs = 0
    for i in eligible:
        partner = identical_to.get(i)
        if partner is not None:
            joined_by[i] = partner, verbatim_link(articles[partner], articles[i])
        elif i in found:
            partner, link, tried = found[i]
            pairs += tried
            if partner is not None and link is not None:
                joined_by[i] = partner, link
        group_of[i] = group_of[partner] if partner is not None else i
        groups.setdefault(group_of[i], []).append(i)
    return groups, joined_by, pairs


def _most_original(members: list[int], articles: Mapping[int, Article], digests: Mapping[int, int]) -> int:
    """The member that holds the most of what the group shares, with the least of its own.

    The earliest dated member first (copies come later). Among members of the same date, a
    page on the agency's own site (outlet "AFP", "Reuters") before the pages crediting it;
    then: copies are made from the original, so excerpts and trimmed syndications hold less of
    the shared text, and copies with an added credit line hold extra text no other member
    has. Linear in the group's size (one count of word trigrams; members with the very same
    words, by their digest, are read once).
    """
    copies = Counter(digests[m] for m in members)  # members per distinct text
    if len(copies) == 1:  # all the very same words: only date and agency can tell them apart
        return min(members, key=lambda m: (articles[m].published.value or date.max, not agency_own(articles[m]), m))
    grams_of: dict[int, set[tuple[str, ...]]] = {}
    for m in members:
        if (digest := digests[m]) not in grams_of:
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
        digest = digests[m]
        return (articles[m].published.value or date.max, not agency_own(articles[m]), -held[digest] / common,
                -held[digest] / max(1, len(grams_of[digest])), m)
    return min(members, key=key)


def joining_link(member: int, group: Sequence[int], joined_by: Mapping[int, tuple[int, ReuseLink]]) -> ReuseLink:
    """The link that keeps ``member`` in its group when it does not align with the group's origin on its
    own: the one that joined it, or, for the member the group grew from (joined to nobody), the link of a
    member joined to it. Without it a group whose origin is not its first member, and whose first member
    shares too little with that origin, lost that member (found on 10,000 articles sharing one long
    paragraph)."""
    if member in joined_by:
        return joined_by[member][1]
    return next(joined_by[other][1] for other in group if other in joined_by and joined_by[other][0] == member)


def find_reuse(articles: Sequence[Article], *, workers: int | None = None, views_kept: int = VIEW_CACHE,
               executor: Executor | None = None) -> ReuseResult:
    """Links between articles that reuse one another, and the families they form.

    ``workers``: processes for the fingerprints and the alignment (default: two from
    ``PARALLEL_MIN_ARTICLES`` articles on, else one); ``views_kept``: alignment views each
    process keeps for reuse; ``executor``: where the fingerprint and alignment kernels run instead
    (``workers`` is then not used). The result depends on none of them.
    """
    if workers is None:
        workers = 2 if len(articles) >= PARALLEL_MIN_ARTICLES else 1
    prints = fingerprint_all((a.text for a in articles), workers=workers, count=len(articles), executor=executor)
    eligible = np.flatnonzero(prints.words >= MIN_WORDS).tolist()
    with _Aligner(workers, views_kept, executor) as aligner:
        groups, joined_by, pairs = _near_duplicates(articles, prints, aligner, eligible)
        links: list[ReuseLink] = []
        voices = []
        digests = prints.digests.tolist()
        tasks = (([slim(m, articles[m]) for m in group], [digests[m] for m in group],
                  [joined_by[m][0] if m in joined_by else None for m in group])
                 for group in groups.values() if len(group) > 1)
        rooted = aligner.map(group_links, tasks)  # in the order of the groups of several members
        for group in groups.values():
            if len(group) == 1:
                voices.append(group[0])
                continue
            origin, member_links, compared = next(rooted)
            voices.append(origin)
            links += [link or joining_link(member, group, joined_by)
                      for member, link in zip([m for m in group if m != origin], member_links, strict=True)]
            pairs += compared
        links = list({(link.source, link.target): link for link in links}.values())  # a joining link once
        linked = {frozenset((link.source, link.target)) for link in links}
        rows = np.array(voices, dtype=np.int64)
        sketches, sizes = prints.sketches, prints.content_words

        def worth(i: NDArray[np.int64], j: NDArray[np.int64]) -> NDArray[np.bool_]:
            return worth_aligning(rows[i], rows[j], sketches, sizes)

        # each column let go once used: a million articles' band keys and sentence hashes are 230 MB
        prints = prints.without("bands")
        shared = sentence_candidates(prints.sentence_values, prints.sentence_offsets, rows, keep=worth)
        prints = prints.without("sentence_values", "sentence_offsets")
        anchored = anchor_candidates(prints.anchor_values, prints.anchor_offsets, rows, keep=worth)
        todo = [(voices[x], voices[y]) for x, y in union(anchored, shared).tolist()
                if frozenset((articles[voices[x]].id, articles[voices[y]].id)) not in linked]
        pairs += len(todo)
        links += [link for link in aligner.map(pair_link, ((slim(a, articles[a]), slim(b, articles[b]))
                                                             for a, b in todo)) if link]
    families = build_families(articles, links)
    return ReuseResult(tuple(links), tuple(families), pairs,
                       {"articles": len(articles), "eligible": len(eligible), "voices": len(voices)})
