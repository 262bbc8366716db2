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
    SENTENCE_MAX_DOCS,
    best_partners,
    incidence,
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

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled with its arrays as bytes: a record crosses several shuffles, and five arrays
        pickled as arrays cost more than the rest of the article's slim form."""
        return _print_from, (self.words, self.digest, self.bands.tobytes(), self.anchors.tobytes(),
                             self.sentences.tobytes(), self.sketch.tobytes(), self.content_words)


def _print_from(words: int, digest: int, bands: bytes, anchors: bytes, sentences: bytes, sketch: bytes,
                content_words: int) -> Print:
    return Print(words, digest, np.frombuffer(bands, np.uint32), np.frombuffer(anchors, np.uint32),
                 np.frombuffer(sentences, np.uint32), np.frombuffer(sketch, np.uint16), content_words)


@dataclass(frozen=True, slots=True)
class SparkReuse:
    """The reuse stage's result as tables: links keyed by their place in the local order, families by
    number (1 for ``F1``), and the counts of ``ReuseResult``."""

    links: RDD[tuple[tuple[int, int, int], ReuseLink]]
    families: RDD[tuple[int, Family]]
    pairs_compared: int
    counts: dict[str, int]


def _slims_and_prints(rows: Iterable[tuple[int, Article]]) -> Iterator[tuple[int, tuple[Sent, Print]]]:
    """Each article's slim form (``slim``) and fingerprints, from one reading of the whole articles
    (unpickling a whole article costs more than fingerprinting it)."""
    iterator = iter(rows)
    while chunk := list(islice(iterator, CHUNK)):
        batch = fingerprint_chunk(encoded([article.text for _, article in chunk]))
        for k, (index, article) in enumerate(chunk):
            yield index, (slim(index, article), Print(
                int(batch.words[k]), int(batch.digests[k]), batch.bands[k].copy(), batch.anchors(k).copy(),
                batch.sentences(k).copy(), batch.sketches[k].copy(), int(batch.content_words[k])))


def find_reuse_on_spark(indexed: RDD[tuple[int, Article]], partitions: int) -> SparkReuse:
    """Links and families of the numbered articles, as ``find_reuse`` finds them.

    The slim articles and their fingerprints are hash-partitioned by article number once, and every
    table joined to them is partitioned the same way first (``_joined``), so the texts are not
    shuffled again at each join."""
    both = indexed.mapPartitions(_slims_and_prints).partitionBy(partitions).persist()
    slims = both.mapValues(_first)
    prints = both.mapValues(_second)
    eligible = prints.filter(lambda item: item[1].words >= MIN_WORDS)
    articles = both.count()
    joined, tried = _near_duplicate_partners(eligible, slims, partitions)
    roots = _group_roots(eligible.keys(), joined, articles)
    grouped = _group_links_on_spark(roots, eligible, slims, joined, partitions).persist()
    voices = _voices(roots, grouped).persist()  # (position, article number)
    voice_count = voices.count()
    channel = _channel_pairs(voices, prints, voice_count, partitions)
    linked = grouped.flatMap(lambda item: [_pair_key(link) for link in item[1][1]]).map(lambda key: (key, True))
    todo = _unlinked(channel, voices, slims, linked, partitions).persist()
    aligned = cast("RDD[tuple[tuple[int, int], ReuseLink]]", todo.map(lambda item: (item[0], pair_link(item[1])))
                   .filter(lambda item: item[1] is not None))
    group_links = grouped.flatMap(lambda item: [((0, item[0], k), link) for k, link in enumerate(item[1][1])])
    links = group_links.union(aligned.map(lambda item: ((1, *item[0]), item[1]))).persist()
    compared = tried + grouped.map(lambda item: item[1][2]).sum() + todo.count()
    families = _families(slims.mapValues(lambda sent: sent[1]), links, partitions, articles)
    counts = {"articles": articles, "eligible": eligible.count(), "voices": voice_count}
    return SparkReuse(links, families, int(compared), counts)


def _joined(rows: RDD[tuple[Any, Any]], table: RDD[tuple[Any, Any]], partitions: int) -> RDD[tuple[Any, Any]]:
    """``rows.join(table)`` where ``table`` is hash-partitioned into ``partitions``: only ``rows`` moves."""
    return rows.partitionBy(partitions).join(table, partitions)


def _second(item: tuple[Any, ...]) -> Any:
    return item[1]


def _pair_key(link: ReuseLink) -> tuple[str, str]:
    return (link.source, link.target) if link.source < link.target else (link.target, link.source)


def _near_duplicate_partners(eligible: RDD[tuple[int, Print]], slims: RDD[tuple[int, Sent]], partitions: int
                             ) -> tuple[RDD[tuple[int, tuple[int, ReuseLink]]], int]:
    """Each eligible article joined to an earlier one, with the link that joined them: the first with
    the very same words, else the first of its band collisions that aligns (``first_link``); and how
    many pairs the band collisions aligned."""
    digests = eligible.mapValues(lambda p: p.digest).persist()
    first_of = digests.map(lambda item: (item[1], item[0])).reduceByKey(min)
    identical = (digests.map(lambda item: (item[1], item[0])).join(first_of)
                 .filter(lambda item: item[1][0] != item[1][1]).map(lambda item: item[1])
                 .partitionBy(partitions)).persist()  # (i, first)
    banded = eligible.subtractByKey(identical, partitions)
    candidates = (banded.mapPartitions(lambda rows: _band_postings(rows, partitions)).partitionBy(partitions, _part)
                  .mapPartitions(lambda parts: _band_collisions(parts, partitions)).partitionBy(partitions, _part)
                  .mapPartitions(_firsts_met))  # (i, [firsts by band met])
    wanted = candidates.flatMap(lambda item: [(first, (item[0], k)) for k, first in enumerate(item[1])])
    with_firsts = _joined(wanted, slims, partitions).map(lambda item: (item[1][0][0], (item[1][0][1], item[1][1])))
    tasks = (with_firsts.groupByKey(partitions).join(slims, partitions)
             .mapValues(lambda found: (found[1], [sent for _, sent in sorted(found[0], key=_first)])))
    found = tasks.mapValues(first_link).persist()
    tried = found.map(lambda item: item[1][2]).sum()
    by_band = found.filter(lambda item: item[1][0] is not None).mapValues(lambda f: (f[0], f[1]))
    verbatim = (_joined(identical.join(slims, partitions).map(lambda item: (item[1][0], (item[0], item[1][1]))),
                        slims, partitions)
                .map(lambda item: (item[1][0][0], (item[0], verbatim_link(received(item[1][1])[1],
                                                                      received(item[1][0][1])[1])))))
    joined = cast("RDD[tuple[int, tuple[int, ReuseLink]]]", verbatim.union(by_band).partitionBy(partitions))
    return joined.persist(), int(tried)


def _band_postings(rows: Iterable[tuple[int, Print]], parts: int) -> Iterator[tuple[int, tuple[NDArray[Any], ...]]]:
    """Each article's band keys (band and key in one number) with their holder, in parts by key."""
    held = list(rows)
    if not held:
        return
    bands = np.stack([prints.bands for _, prints in held]).astype(np.uint64)
    codes = ((np.arange(bands.shape[1], dtype=np.uint64) << np.uint64(32)) | bands).ravel()
    holders = np.repeat(np.array([index for index, _ in held], dtype=np.int64), bands.shape[1])
    yield from _by_part((codes % np.uint64(parts)).astype(np.int64), codes, holders)


def _band_collisions(parts: Iterable[tuple[int, tuple[NDArray[Any], ...]]], partitions: int
                     ) -> Iterator[tuple[int, tuple[NDArray[np.int64], ...]]]:
    """(article, the first holder of a band key it holds, the band) for every later holder of each
    key of this part (``minhash.first_holders``: the first is the smallest number), each sent to the
    row part of its article."""
    postings = _gathered(parts)
    if postings is None:
        return
    codes, holders = postings
    order = np.lexsort((holders, codes))
    codes, holders = codes[order], holders[order]
    starts = np.r_[True, codes[1:] != codes[:-1]]
    firsts = holders[starts][np.cumsum(starts) - 1]
    later = firsts != holders
    index, first, band = holders[later], firsts[later], (codes[later] >> np.uint64(32)).astype(np.int64)
    yield from _by_part(index % partitions, index, first, band)


def _firsts_met(parts: Iterable[tuple[int, tuple[NDArray[np.int64], ...]]]) -> Iterator[tuple[int, list[int]]]:
    """Each article of this row part that collides with earlier ones: those firsts in the order of the
    first band each is met in (then by number), as ``minhash.first_holders`` gives them."""
    collisions = _gathered(parts)
    if collisions is None:
        return
    index, first, band = collisions
    order = np.lexsort((band, first, index))
    index, first, band = index[order], first[order], band[order]
    met_first = np.r_[True, (index[1:] != index[:-1]) | (first[1:] != first[:-1])]  # each pair at its first band
    index, first, band = index[met_first], first[met_first], band[met_first]
    order = np.lexsort((first, band, index))
    index, first = index[order], first[order]
    starts = np.flatnonzero(np.r_[True, index[1:] != index[:-1]])
    for lo, hi in zip(starts.tolist(), [*starts[1:].tolist(), len(index)], strict=True):
        yield int(index[lo]), first[lo:hi].tolist()


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
                          slims: RDD[tuple[int, Sent]], joined: RDD[tuple[int, tuple[int, ReuseLink]]],
                          partitions: int) -> RDD[tuple[int, tuple[int, list[ReuseLink], int]]]:
    """Per group of several members (by its root): its origin, its links in member order, pairs aligned."""
    sizes = roots.map(lambda item: (item[1], 1)).reduceByKey(add).filter(lambda item: item[1] > 1)
    in_groups = roots.map(lambda item: (item[1], item[0])).join(sizes).map(lambda item: (item[1][0], item[0]))
    members = (_joined(in_groups, slims, partitions).join(eligible.mapValues(lambda p: p.digest), partitions)
               .leftOuterJoin(joined, partitions)
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
                   partitions: int) -> RDD[tuple[int, int]]:
    """Voice position pairs (x < y) the rare-word or long-sentence channel proposes and the word
    sketches find worth aligning (``anchor_candidates`` and ``sentence_candidates``).

    Both channels move numpy arrays, not a record per key or pair: each partition of voices sends
    every key part its postings; each key part counts the pairs its keys give (``shared_counts``)
    and sends each row part its rows of counts; each row part adds them up and keeps each voice's
    best partners (``best_partners``), as the local stage does a block of rows at a time."""
    voice_prints = _joined(voices.map(lambda item: (item[1], item[0])), prints, partitions).map(
        lambda item: (item[1][0], item[1][1])).persist()
    limit = min(ANCHOR_MAX_DOCS_CEILING, max(ANCHOR_MAX_DOCS_FLOOR, int(ANCHOR_MAX_DOC_SHARE * count)))
    anchored = (_key_parts(voice_prints, "anchors", partitions)
                .mapPartitions(lambda parts: _anchor_rows(parts, count, limit, partitions))
                .partitionBy(partitions, _part).mapPartitions(lambda parts: _best_anchored(parts, count)))
    shared = (_key_parts(voice_prints, "sentences", partitions)
              .mapPartitions(lambda parts: _sentence_pairs(parts, count)))
    pairs = anchored.union(shared).distinct(partitions)
    sketches = voice_prints.mapValues(lambda p: (p.sketch, p.content_words)).partitionBy(partitions).persist()
    return _worth(pairs, sketches, partitions)


def _part(number: int) -> int:
    """The partitioner of parts numbered by their tasks: part ``n`` goes to partition ``n``."""
    return number


_Postings = tuple[NDArray[Any], ...]  # keys (uint32), holders (int32), the holders' key counts (int64)


def _key_parts(voice_prints: RDD[tuple[int, Print]], field: str, partitions: int) -> RDD[tuple[int, _Postings]]:
    """Each voice's keys (``field`` of its prints) as postings, in parts by key: every holder of a key
    in one part."""
    return voice_prints.mapPartitions(lambda rows: _postings(rows, field, partitions)).partitionBy(partitions, _part)


def _postings(rows: Iterable[tuple[int, Print]], field: str, parts: int) -> Iterator[tuple[int, _Postings]]:
    held = [(position, getattr(prints, field)) for position, prints in rows]
    if not held:
        return
    lengths = np.array([len(keys) for _, keys in held], dtype=np.int64)
    keys = np.concatenate([keys for _, keys in held]).astype(np.uint32)
    holders = np.repeat(np.array([position for position, _ in held], dtype=np.int32), lengths)
    sizes = np.repeat(lengths, lengths)
    yield from _by_part((keys % parts).astype(np.int64), keys, holders, sizes)


def _by_part(part: NDArray[np.int64], *arrays: NDArray[Any]) -> Iterator[tuple[int, tuple[NDArray[Any], ...]]]:
    """(part number, the arrays' elements of that part) for each part some element falls in: one
    stable sort, however many parts (a cluster's jobs have hundreds)."""
    if not len(part):
        return
    order = np.argsort(part, kind="stable")
    ordered = part[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    for lo, hi in zip(starts.tolist(), [*starts[1:].tolist(), len(ordered)], strict=True):
        chosen = order[lo:hi]
        yield int(ordered[lo]), tuple(array[chosen] for array in arrays)


def _gathered(parts: Iterable[tuple[int, tuple[NDArray[Any], ...]]]) -> list[NDArray[Any]] | None:
    """The arrays of a task's parts, concatenated field by field (None for a task without parts)."""
    fields = [value for _, value in parts]
    if not fields:
        return None
    return [np.concatenate(column) for column in zip(*fields, strict=True)]


def _product(postings: list[NDArray[Any]], count: int, limit: int) -> Iterator[tuple[NDArray[np.int64], ...]]:
    """(row, column, shared keys, smaller key count) of the pairs of holders sharing keys of this
    part held 2 to ``limit`` times, a block of rows at a time (the diagonal included)."""
    keys, holders, sizes = postings
    size_of = np.zeros(count, dtype=np.int64)
    size_of[holders] = sizes
    by_key = incidence(keys, holders, count, limit, int(sizes.max()))
    for lo, block in shared_counts(by_key):
        index, other = block.row.astype(np.int64) + lo, block.col.astype(np.int64)
        yield index, other, block.data.astype(np.int64), np.minimum(size_of[index], size_of[other])


def _anchor_rows(parts: Iterable[tuple[int, _Postings]], count: int, limit: int, partitions: int
                 ) -> Iterator[tuple[int, tuple[NDArray[np.int64], ...]]]:
    """This key part's counts of shared anchors, each row (a voice, both directions of a pair) sent to
    the row part of its voice."""
    postings = _gathered(parts)
    if postings is None:
        return
    for index, other, shared, smaller in _product(postings, count, limit):
        off = index != other
        index, other, shared, smaller = index[off], other[off], shared[off], smaller[off]
        yield from _by_part(index % partitions, index, other, shared, smaller)


def _best_anchored(parts: Iterable[tuple[int, tuple[NDArray[np.int64], ...]]], count: int
                   ) -> Iterator[tuple[int, int]]:
    """The anchor channel's pairs (low, high) of this row part's voices: the key parts' counts added
    up per pair, then ``best_partners``."""
    rows = _gathered(parts)
    if rows is None:
        return
    index, other, shared, smaller = rows
    code = index * count + other
    order = np.argsort(code, kind="stable")
    code = code[order]
    starts = np.flatnonzero(np.r_[True, code[1:] != code[:-1]]) if len(code) else np.zeros(0, np.int64)
    total = np.add.reduceat(shared[order], starts) if len(code) else shared
    low, high = best_partners(code[starts] // count, code[starts] % count, total, smaller[order][starts])
    yield from zip(low.tolist(), high.tolist(), strict=True)


def _sentence_pairs(parts: Iterable[tuple[int, _Postings]], count: int) -> Iterator[tuple[int, int]]:
    """The pairs (x < y) of voices sharing a long sentence of this key part."""
    postings = _gathered(parts)
    if postings is None:
        return
    for index, other, _, _ in _product(postings, count, SENTENCE_MAX_DOCS):
        later = other > index
        yield from zip(index[later].tolist(), other[later].tolist(), strict=True)


def _worth(pairs: RDD[tuple[int, int]], sketches: RDD[tuple[int, tuple[NDArray[np.uint16], int]]],
           partitions: int) -> RDD[tuple[int, int]]:
    """The pairs whose word sketches say they share enough vocabulary (``worth_aligning``);
    ``sketches``: each voice's word sketch and distinct content words, hash-partitioned."""
    sketched = (_joined(_joined(pairs, sketches, partitions).map(lambda item: (item[1][0], (item[0], item[1][1]))),
                        sketches, partitions)
                .map(lambda item: ((item[1][0][0], item[0]), item[1][0][1], item[1][1])))
    return sketched.mapPartitions(_worth_chunk)


def _worth_chunk(rows: Iterable[tuple[tuple[int, int], tuple[NDArray[np.uint16], int], tuple[NDArray[np.uint16], int]]]
                 ) -> Iterator[tuple[int, int]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, 4096)):
        sketches = np.stack([a[0] for _, a, _ in chunk] + [b[0] for _, _, b in chunk])
        sizes = np.array([a[1] for _, a, _ in chunk] + [b[1] for _, _, b in chunk], np.int32)
        first = np.arange(len(chunk), dtype=np.int64)
        keep = worth_aligning(first, first + len(chunk), sketches, sizes)
        yield from (pair for (pair, _, _), kept in zip(chunk, keep.tolist(), strict=True) if kept)


def _unlinked(channel: RDD[tuple[int, int]], voices: RDD[tuple[int, int]], slims: RDD[tuple[int, Sent]],
              linked: RDD[tuple[tuple[str, str], bool]], partitions: int
              ) -> RDD[tuple[tuple[int, int], tuple[Sent, Sent]]]:
    """The channel's pairs, as alignment tasks, but those a near-duplicate group links already: those are
    found by the voices' ids and taken out before any text moves, so each pair's texts cross the
    shuffles once, to meet."""
    sent_of = _joined(voices.map(lambda item: (item[1], item[0])), slims, partitions).map(
        lambda item: (item[1][0], item[1][1])).partitionBy(partitions).persist()  # (position, Sent)
    position_of = sent_of.map(lambda item: (item[1][1].id, item[0]))
    linked_pairs = (linked.map(lambda item: item[0]).join(position_of, partitions)
                    .map(lambda item: (item[1][0], item[1][1])).join(position_of, partitions)
                    .map(lambda item: (_ordered(item[1][0], item[1][1]), True)))
    pairs = channel.map(lambda pair: (pair, True)).subtractByKey(linked_pairs, partitions).keys()
    return (_joined(_joined(pairs, sent_of, partitions).map(lambda item: (item[1][0], (item[0], item[1][1]))),
                    sent_of, partitions)
            .map(lambda item: ((item[1][0][0], item[0]), (item[1][0][1], item[1][1]))))


def _ordered(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


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
