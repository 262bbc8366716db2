"""Reuse on Spark: the local stage's steps (``newsdossier.reuse.find_reuse``), each a grouping by the
engine around the same kernels.

=====================================  ==============================================================
local (one process, numpy)             Spark
=====================================  ==============================================================
``fingerprint_all``                    :func:`~newsdossier.reuse.fingerprint.fingerprint_chunk` per partition
same digest: the first of them         ``reduceByKey(min)`` on the digest
``first_holders`` per band             ``reduceByKey(min)`` on (band, key); each article's firsts in
                                       the order of the first band they are met in
``first_link``, ``group_links``,     the same kernels, on tasks assembled by joins
``pair_link``, ``joining_link``
near-duplicate groups                  components of "joined to" (each article's group root, its
                                       first member)
rare-word and long-sentence pairs      postings grouped by key, shared keys counted per pair (each
(``anchor_candidates``,                holder's anchor count carried along), the best-anchored
``sentence_candidates``)               partners by a sort per article; ``worth_aligning`` on the
                                       pairs' word sketches
families                               connected components of the links; each family's origin by
                                       ``families.family_origin``
=====================================  ==============================================================

Both component steps run in one task on an executor (``scipy``'s ``connected_components`` over the
article numbers: two integers per edge, a few arrays of one integer per article) while the pile has
at most ``ONE_TASK_ARTICLES`` articles; above that, as rounds of joins (pointer jumping, min-label
propagation) that no single machine has to hold. Every round costs a few shuffles and a job, which is
why the single task is the default.

Articles are numbered in the pile's order (``documents.articles_in_order``), as the local stage
numbers them, so every tie is broken the same way and the links, relations, families and their
order are the local build's. Nothing is collected onto the driver but counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from operator import add
from typing import TYPE_CHECKING, Any, Final, cast

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from newsdossier.model import Article, Family, ReuseLink
from newsdossier.reuse import (
    MIN_WORDS,
    first_link,
    group_links,
    joining_link,
    pair_link,
    received,
    Sent,
    slim,
    verbatim_link,
)
from newsdossier.reuse.candidates import (
    ANCHOR_MAX_DOC_SHARE,
    ANCHOR_MAX_DOCS_CEILING,
    ANCHOR_MAX_DOCS_FLOOR,
    MAX_PARTNERS,
    MIN_SHARED_ANCHORS,
    MIN_SHARED_SHARE,
    SENTENCE_MAX_DOCS,
    shared_counts,
    worth_aligning,
)
from newsdossier.reuse.families import family_origin
from newsdossier.spark import settle_worker
from newsdossier.reuse.fingerprint import CHUNK, encoded, fingerprint_chunk

if TYPE_CHECKING:
    from pyspark import RDD

__all__ = ["SparkReuse", "find_reuse_on_spark"]

# Rounds of pointer jumping (near-duplicate groups) and of label propagation (families) before the
# job gives up: pointer jumping halves a chain each round (2^40 articles), and a family's diameter is
# its longest chain of copies of copies, a handful in news (guarded, not expected).
MAX_ROUNDS: Final = 40
MAX_LABEL_ROUNDS: Final = 200
# Piles up to this many articles have their components found in one task: about 50 bytes per article
# (edges, the sparse graph, the labels), 1 GB at the limit.
ONE_TASK_ARTICLES: Final = 20_000_000


@dataclass(frozen=True, slots=True)
class Print:
    """One article's fingerprints (a row of ``FingerprintBatch``)."""

    words: int
    digest: int
    bands: NDArray[np.uint32]
    anchors: NDArray[np.uint32]
    sentences: NDArray[np.uint32]
    sketch: NDArray[np.uint16]
    content_words: int


@dataclass(frozen=True, slots=True)
class SparkReuse:
    """The reuse stage's result as tables: links keyed by their place in the local order, families by
    number (1 for ``F1``), and the counts of ``ReuseResult``."""

    links: RDD[tuple[tuple[int, int, int], ReuseLink]]
    families: RDD[tuple[int, Family]]
    pairs_compared: int
    counts: dict[str, int]


def _fingerprints(rows: Iterable[tuple[int, Article]]) -> Iterator[tuple[int, Print]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, CHUNK)):
        batch = fingerprint_chunk(encoded([article.text for _, article in chunk]))
        for k, (index, _) in enumerate(chunk):
            yield index, Print(int(batch.words[k]), int(batch.digests[k]), batch.bands[k].copy(),
                               batch.anchors(k).copy(), batch.sentences(k).copy(), batch.sketches[k].copy(),
                               int(batch.content_words[k]))


def find_reuse_on_spark(indexed: RDD[tuple[int, Article]], partitions: int) -> SparkReuse:
    """Links and families of the numbered articles, as ``find_reuse`` finds them."""
    slims = indexed.map(lambda item: (item[0], slim(*item))).persist()
    prints = indexed.mapPartitions(_fingerprints).persist()
    eligible = prints.filter(lambda item: item[1].words >= MIN_WORDS).persist()
    articles = indexed.count()
    joined, tried = _near_duplicate_partners(eligible, slims)
    roots = _group_roots(eligible.keys(), joined, articles)
    grouped = _group_links_on_spark(roots, eligible, slims, joined).persist()
    voices = _voices(roots, grouped).persist()  # (position, article number)
    voice_count = voices.count()
    channel = _channel_pairs(voices, prints, voice_count, partitions)
    linked = grouped.flatMap(lambda item: [_pair_key(link) for link in item[1][1]]).map(lambda key: (key, True))
    todo = _unlinked(channel, voices, slims, linked).persist()
    aligned = cast("RDD[tuple[tuple[int, int], ReuseLink]]", todo.map(lambda item: (item[0], pair_link(item[1])))
                   .filter(lambda item: item[1] is not None))
    group_links = grouped.flatMap(lambda item: [((0, item[0], k), link) for k, link in enumerate(item[1][1])])
    links = group_links.union(aligned.map(lambda item: ((1, *item[0]), item[1]))).persist()
    compared = tried + grouped.map(lambda item: item[1][2]).sum() + todo.count()
    families = _families(slims.mapValues(lambda sent: sent[1]), links, partitions, articles)
    counts = {"articles": articles, "eligible": eligible.count(), "voices": voice_count}
    return SparkReuse(links, families, int(compared), counts)


def _pair_key(link: ReuseLink) -> tuple[str, str]:
    return (link.source, link.target) if link.source < link.target else (link.target, link.source)


def _near_duplicate_partners(eligible: RDD[tuple[int, Print]], slims: RDD[tuple[int, Sent]]
                             ) -> tuple[RDD[tuple[int, tuple[int, ReuseLink]]], int]:
    """Each eligible article joined to an earlier one, with the link that joined them: the first with
    the very same words, else the first of its band collisions that aligns (``first_link``); and how
    many pairs the band collisions aligned."""
    digests = eligible.mapValues(lambda p: p.digest).persist()
    first_of = digests.map(lambda item: (item[1], item[0])).reduceByKey(min)
    identical = (digests.map(lambda item: (item[1], item[0])).join(first_of)
                 .filter(lambda item: item[1][0] != item[1][1]).map(lambda item: item[1])).persist()  # (i, first)
    banded = eligible.subtractByKey(identical)
    keyed = banded.flatMap(lambda item: [((band, int(key)), item[0]) for band, key in enumerate(item[1].bands)]).persist()
    firsts = keyed.reduceByKey(min)
    candidates = (keyed.join(firsts).filter(lambda item: item[1][0] != item[1][1])
                  .map(lambda item: ((item[1][0], item[1][1]), item[0][0])).reduceByKey(min)
                  .map(lambda item: (item[0][0], (item[1], item[0][1]))).groupByKey()
                  .mapValues(lambda met: [first for _, first in sorted(met)]))  # (i, [firsts by band met])
    wanted = candidates.flatMap(lambda item: [(first, (item[0], k)) for k, first in enumerate(item[1])])
    tasks = (wanted.join(slims).map(lambda item: (item[1][0][0], (item[1][0][1], item[1][1]))).groupByKey()
             .join(slims).mapValues(lambda found: (found[1], [sent for _, sent in sorted(found[0], key=_first)])))
    found = tasks.mapValues(first_link).persist()
    tried = found.map(lambda item: item[1][2]).sum()
    by_band = found.filter(lambda item: item[1][0] is not None).mapValues(lambda f: (f[0], f[1]))
    verbatim = (identical.join(slims).map(lambda item: (item[1][0], (item[0], item[1][1]))).join(slims)
                .map(lambda item: (item[1][0][0], (item[0], verbatim_link(received(item[1][1])[1],
                                                                      received(item[1][0][1])[1])))))
    joined = cast("RDD[tuple[int, tuple[int, ReuseLink]]]", verbatim.union(by_band))
    return joined.persist(), int(tried)


def _first(item: tuple[Any, ...]) -> Any:
    """Sort key: a row's first field (its article number, or its place in the local order)."""
    return item[0]


def _group_roots(eligible: RDD[int], joined: RDD[tuple[int, tuple[int, ReuseLink]]], articles: int
                 ) -> RDD[tuple[int, int]]:
    """(article, its group's first member): the root of the chains of "joined to an earlier article",
    which is the smallest article of the chains' component."""
    if articles <= ONE_TASK_ARTICLES:
        return _labelled(eligible, _components_in_one_task(joined.mapValues(_first), articles)).persist()
    parent = eligible.map(lambda i: (i, i)).leftOuterJoin(joined.mapValues(lambda j: j[0])).mapValues(
        lambda pair: pair[0] if pair[1] is None else pair[1]).persist()
    for _ in range(MAX_ROUNDS):
        jumped = (parent.map(lambda item: (item[1], item[0])).join(parent)
                  .map(lambda item: (item[1][0], item[1][1]))).persist()
        moved = jumped.join(parent).filter(lambda item: item[1][0] != item[1][1]).count()
        parent.unpersist()
        parent = jumped
        if not moved:
            return parent
    raise RuntimeError(f"near-duplicate chains deeper than 2^{MAX_ROUNDS}")


def _components_in_one_task(edges: RDD[tuple[int, int]], articles: int) -> RDD[tuple[int, int]]:
    """(article, the smallest article of its component) for every article of ``range(articles)`` in a
    component with others, found in one task."""
    return edges.map(lambda edge: (0, edge)).partitionBy(1).mapPartitions(
        lambda rows: smallest_labels(articles, (edge for _, edge in rows)))


def smallest_labels(articles: int, edges: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """(node, the smallest node of its connected component) for each node of ``range(articles)`` that
    is not that smallest node itself, for undirected ``edges``."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    ends = np.fromiter((end for edge in edges for end in edge), dtype=np.int64).reshape(-1, 2)
    graph = coo_matrix((np.ones(len(ends), dtype=np.int8), (ends[:, 0], ends[:, 1])), shape=(articles, articles))
    count, component = connected_components(graph, directed=False)
    nodes = np.arange(articles, dtype=np.int64)
    smallest = np.full(count, articles, dtype=np.int64)
    np.minimum.at(smallest, component, nodes)
    label = smallest[component]
    moved = np.flatnonzero(label != nodes)
    yield from zip(moved.tolist(), label[moved].tolist(), strict=True)


def _labelled(nodes: RDD[int], moved: RDD[tuple[int, int]]) -> RDD[tuple[int, int]]:
    """(node, label) for every node: its label in ``moved``, else itself."""
    return nodes.map(lambda node: (node, node)).leftOuterJoin(moved).mapValues(
        lambda pair: pair[0] if pair[1] is None else pair[1])


def _group_links_on_spark(roots: RDD[tuple[int, int]], eligible: RDD[tuple[int, Print]],
                          slims: RDD[tuple[int, Sent]], joined: RDD[tuple[int, tuple[int, ReuseLink]]]
                          ) -> RDD[tuple[int, tuple[int, list[ReuseLink], int]]]:
    """Per group of several members (by its root): its origin, its links in member order, pairs aligned."""
    sizes = roots.map(lambda item: (item[1], 1)).reduceByKey(add).filter(lambda item: item[1] > 1)
    members = (roots.map(lambda item: (item[1], item[0])).join(sizes).map(lambda item: (item[1][0], item[0]))
               .join(slims).join(eligible.mapValues(lambda p: p.digest)).leftOuterJoin(joined)
               .map(lambda item: (item[1][0][0][0], (item[0], item[1][0][0][1], item[1][0][1], item[1][1]))))
    return members.groupByKey().mapValues(_group_task)


def _group_task(rows: Iterable[tuple[int, Sent, int, tuple[int, ReuseLink] | None]]
                ) -> tuple[int, list[ReuseLink], int]:
    """``group_links`` on one group, and the joining link of each member it leaves without one."""
    ordered = sorted(rows, key=_first)
    group = [member for member, *_ in ordered]
    joined_by = {member: joined for member, _, _, joined in ordered if joined is not None}
    task = ([sent for _, sent, _, _ in ordered], [digest for _, _, digest, _ in ordered],
            [joined[0] if joined is not None else None for *_, joined in ordered])
    origin, links, compared = group_links(task)
    filled = [link or joining_link(member, group, joined_by)
              for member, link in zip([m for m in group if m != origin], links, strict=True)]
    return origin, list({(link.source, link.target): link for link in filled}.values()), compared


def _voices(roots: RDD[tuple[int, int]], grouped: RDD[tuple[int, tuple[int, list[ReuseLink], int]]]
            ) -> RDD[tuple[int, int]]:
    """(position, article): one voice per group, the groups in the order of their first members."""
    firsts = roots.filter(lambda item: item[0] == item[1]).keys()
    origins = grouped.mapValues(lambda g: g[0])
    return (firsts.map(lambda r: (r, r)).leftOuterJoin(origins)
            .mapValues(lambda pair: pair[0] if pair[1] is None else pair[1])
            .sortByKey().values().zipWithIndex().map(lambda item: (item[1], item[0])))


def _channel_pairs(voices: RDD[tuple[int, int]], prints: RDD[tuple[int, Print]], count: int,
                   partitions: int) -> RDD[tuple[tuple[int, int], bool]]:
    """Voice position pairs (x < y) the rare-word or long-sentence channel proposes and the word
    sketches find worth aligning (``anchor_candidates`` and ``sentence_candidates``)."""
    voice_prints = voices.map(lambda item: (item[1], item[0])).join(prints).map(
        lambda item: (item[1][0], item[1][1])).persist()
    limit = min(ANCHOR_MAX_DOCS_CEILING, max(ANCHOR_MAX_DOCS_FLOOR, int(ANCHOR_MAX_DOC_SHARE * count)))
    # Each holder of a rare word comes with its number of rare words, so a pair's counts are at hand.
    anchored = _shared_pairs(voice_prints.map(lambda item: ((item[0], len(item[1].anchors)), item[1].anchors)),
                             limit, count)
    enough = (anchored.filter(lambda item: _enough_anchors(item[0][0][1], item[0][1][1], item[1]))
              .flatMap(lambda item: [(item[0][0][0], (item[0][1][0], item[1])), (item[0][1][0], (item[0][0][0], item[1]))]))
    best = enough.groupByKey().flatMap(_best_partners)  # from (index, (other, shared))
    shared = _shared_pairs(voice_prints.map(lambda item: ((item[0], 0), item[1].sentences)), SENTENCE_MAX_DOCS,
                           count).map(lambda item: (item[0][0][0], item[0][1][0]))
    pairs = best.union(shared).distinct(partitions)
    return _worth(pairs, voice_prints).persist().sortByKey(numPartitions=partitions)  # persisted: the sort samples it first


def _enough_anchors(size: int, other_size: int, shared: int) -> bool:
    return shared >= MIN_SHARED_ANCHORS and shared >= MIN_SHARED_SHARE * min(size, other_size)


def _best_partners(item: tuple[int, Iterable[tuple[int, int]]]) -> list[tuple[int, int]]:
    """An article's ``MAX_PARTNERS`` best-anchored partners (most shared, then latest), as pairs (low, high)."""
    index, partners = item
    best = sorted(partners, key=lambda p: (-p[1], -p[0]))[:MAX_PARTNERS]
    return [(min(index, other), max(index, other)) for other, _ in best]


def _shared_pairs(keys: RDD[tuple[tuple[int, int], NDArray[np.uint32]]], limit: int, count: int
                  ) -> RDD[tuple[tuple[tuple[int, int], tuple[int, int]], int]]:
    """((x, y), shared keys) for holders x, y (voice position, a number carried along), x's position
    below y's, of a key that 2 to ``limit`` of the ``count`` voices hold. Each partition of keys counts
    its pairs as the local stage does (``shared_counts``: a sparse product, no list of pairs per key),
    and the engine adds the partitions' counts."""
    holders = (keys.flatMap(lambda item: [(int(key), item[0]) for key in item[1]]).groupByKey()
               .map(lambda item: list(item[1])).filter(lambda held: 1 < len(held) <= limit))
    return holders.mapPartitions(lambda groups: _pair_counts(groups, count)).reduceByKey(add)


def _pair_counts(groups: Iterable[list[tuple[int, int]]], count: int
                 ) -> Iterator[tuple[tuple[tuple[int, int], tuple[int, int]], int]]:
    """The pairs of holders sharing keys in ``groups`` (each key's holders), with how many they share."""
    held = list(groups)
    if not held:
        return
    holder_of = {holder[0]: holder for group in held for holder in group}
    positions = np.fromiter((holder[0] for group in held for holder in group), dtype=np.int32)
    pointers = np.zeros(len(held) + 1, dtype=np.int64)
    np.cumsum([len(group) for group in held], out=pointers[1:])
    by_key = sparse.csr_array((np.ones(len(positions), dtype=np.int32), positions, pointers), shape=(len(held), count))
    for lo, block in shared_counts(by_key):
        index, other = block.row.astype(np.int64) + lo, block.col.astype(np.int64)
        later = other > index
        for x, y, shared in zip(index[later].tolist(), other[later].tolist(), block.data[later].tolist(), strict=True):
            yield (holder_of[x], holder_of[y]), shared


def _worth(pairs: RDD[tuple[int, int]], voice_prints: RDD[tuple[int, Print]]) -> RDD[tuple[tuple[int, int], bool]]:
    """The pairs whose word sketches say they share enough vocabulary (``worth_aligning``)."""
    sketched = (pairs.join(voice_prints).map(lambda item: (item[1][0], (item[0], item[1][1]))).join(voice_prints)
                .map(lambda item: ((item[1][0][0], item[0]), item[1][0][1], item[1][1])))
    return sketched.mapPartitions(_worth_chunk).map(lambda pair: (pair, True))


def _worth_chunk(rows: Iterable[tuple[tuple[int, int], Print, Print]]) -> Iterator[tuple[int, int]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, 4096)):
        sketches = np.stack([a.sketch for _, a, _ in chunk] + [b.sketch for _, _, b in chunk])
        sizes = np.array([a.content_words for _, a, _ in chunk] + [b.content_words for _, _, b in chunk], np.int32)
        first = np.arange(len(chunk), dtype=np.int64)
        keep = worth_aligning(first, first + len(chunk), sketches, sizes)
        yield from (pair for (pair, _, _), kept in zip(chunk, keep.tolist(), strict=True) if kept)


def _unlinked(channel: RDD[tuple[tuple[int, int], bool]], voices: RDD[tuple[int, int]],
              slims: RDD[tuple[int, Sent]], linked: RDD[tuple[tuple[str, str], bool]]
              ) -> RDD[tuple[tuple[int, int], tuple[Sent, Sent]]]:
    """The channel's pairs, as alignment tasks, but those a near-duplicate group links already."""
    sent_of = voices.map(lambda item: (item[1], item[0])).join(slims).map(lambda item: (item[1][0], item[1][1])).persist()
    tasks = (channel.map(lambda item: (item[0][0], item[0][1])).join(sent_of)
             .map(lambda item: (item[1][0], (item[0], item[1][1]))).join(sent_of)
             .map(lambda item: (_ids(item[1][0][1], item[1][1]), ((item[1][0][0], item[0]), (item[1][0][1], item[1][1])))))
    return tasks.subtractByKey(linked).values()


def _ids(a: Sent, b: Sent) -> tuple[str, str]:
    first, second = a[1].id, b[1].id
    return (first, second) if first < second else (second, first)


def _families(indexed: RDD[tuple[int, Article]], links: RDD[tuple[tuple[int, int, int], ReuseLink]],
              partitions: int, articles: int) -> RDD[tuple[int, Family]]:
    """Families as connected components of the links (each labelled by its first article), numbered in
    the order of their first articles, each with its origin (``family_origin``). ``indexed``: the
    numbered articles without their texts (``slim``), which neither the components nor the origin read."""
    number_of = indexed.map(lambda item: (item[1].id, item[0])).persist()
    edges = (links.values().map(lambda link: (link.source, link.target)).join(number_of)
             .map(lambda item: (item[1][0], item[1][1])).join(number_of).map(lambda item: item[1])).persist()
    labels = (_labelled(indexed.keys(), _components_in_one_task(edges, articles)).persist()
              if articles <= ONE_TASK_ARTICLES else _propagated(indexed, edges, partitions))
    numbers = labels.values().distinct().sortBy(lambda label: label).zipWithIndex().mapValues(lambda n: n + 1)
    members = labels.join(indexed).map(lambda item: (item[1][0], (item[0], item[1][1])))
    family_links = (links.map(lambda item: (item[1].source, (item[0], item[1]))).join(number_of)
                    .map(lambda item: (item[1][1], item[1][0])).join(labels).map(lambda item: (item[1][1], item[1][0])))
    return (members.cogroup(family_links).join(numbers)
            .map(lambda item: (item[1][1], _family(item[1][1], item[1][0][0], item[1][0][1]))))


def _propagated(indexed: RDD[tuple[int, Article]], edges: RDD[tuple[int, int]], partitions: int) -> RDD[tuple[int, int]]:
    """(article, the smallest article of its component) by min-label propagation: a round of joins per
    link of a family's longest chain (for piles over ``ONE_TASK_ARTICLES``)."""
    both = edges.union(edges.map(lambda edge: (edge[1], edge[0]))).persist()
    labels = indexed.map(lambda item: (item[0], item[0])).persist()
    for _ in range(MAX_LABEL_ROUNDS):
        offered = both.join(labels).map(lambda item: (item[1][0], item[1][1]))
        updated = labels.union(offered).reduceByKey(min, numPartitions=partitions).persist()
        changed = updated.join(labels).filter(lambda item: item[1][0] != item[1][1]).count()
        labels.unpersist()
        labels = updated
        if not changed:
            return labels
    raise RuntimeError(f"a reuse family wider than {MAX_LABEL_ROUNDS} links")


def _family(number: int, members: Iterable[tuple[int, Article]], links: Iterable[tuple[Any, ReuseLink]]) -> Family:
    ordered = [article for _, article in sorted(members, key=_first)]
    in_order = [link for _, link in sorted(links, key=_first)]
    return Family(f"F{number}", family_origin(ordered, in_order), tuple(a.id for a in ordered))


settle_worker()  # the last thing a worker imports with this module (newsdossier.spark.settle_worker)
