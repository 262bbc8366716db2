"""Candidate pairs for alignment, without comparing all pairs.

Three channels:

* **near duplicates**: MinHash of word 5-shingles with LSH banding (minhash.py). Catches
  verbatim and syndicated copies; each copy is paired with the first earlier article it
  collides with, so a story with ten thousand copies costs ten thousand pairs, not fifty
  million.
* **anchors**: a spun rewrite shares few 5-shingles with its source (0.12 Jaccard on the
  seed pile) but keeps its names and numbers. Each article's anchors are its rare words
  (digits, or words rarer than ``ANCHOR_MAX_ZIPF`` in general English) that few articles of
  the pile contain; articles sharing many anchors are candidates. Run over one
  representative per near-duplicate group, so fifty copies of a story count as one voice.
* **long sentences**: an excerpt or a trimmed syndicated copy shares whole sentences with
  its source word for word, even when it is too short for the MinHash channel.

The anchor and sentence channels work on hashes (fingerprint.py) and count the keys each
pair shares as a sparse matrix product (scipy), a block of articles at a time, never with a
dictionary or a list of pairs: a million articles fit in bounded memory.

Articles of one story share their names, so in a large pile the anchor channel pairs most
reports of a story with each other. Before a pair is aligned (a millisecond or more),
``worth_aligning`` estimates from the word sketches (a microsecond) how much of the smaller
text's vocabulary the other holds: a spun rewrite or an excerpt keeps most of it, an
independent report on the same story far less.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Final

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from wordfreq import get_frequency_dict

from newsdossier.reuse.minhash import estimate_containment

__all__ = ["Keep", "anchor_candidates", "anchors_of", "best_partners", "common_words", "incidence",
           "sentence_candidates", "shared_counts", "union", "worth_aligning"]

# Asked which candidate pairs (positions i, j into the channel's rows) to keep.
Keep = Callable[[NDArray[np.int64], NDArray[np.int64]], NDArray[np.bool_]]

# Words rarer than this in general English (Zipf 3.5 ~ 3 per million words) are anchors:
# names (Kadhemi, Muhandis), uncommon terms; "attack", "Iraq" and "said" are not.
ANCHOR_MAX_ZIPF: Final = 3.5
# An anchor held by more than this share of the pile (and more than the floor) says "same
# story", not "same text": it is left out, which also bounds every posting list.
ANCHOR_MAX_DOC_SHARE: Final = 0.02
ANCHOR_MAX_DOCS_FLOOR: Final = 50
# Pairs need this many shared anchors, and that share of the smaller anchor set. Two: BBC
# stories hold few rare words, and a 40 %-spun rewrite or a short excerpt keeps only some
# (bench/reuse_synthetic.py); the alignment that follows rejects what only shares names.
MIN_SHARED_ANCHORS: Final = 2
MIN_SHARED_SHARE: Final = 0.3
# Sentences of this many words or more are fingerprinted whole: an excerpt or a syndicated
# copy shares some verbatim; a sentence held by more than ``SENTENCE_MAX_DOCS`` articles is a
# disclaimer or a famous quote, not evidence of copying.
SENTENCE_MIN_WORDS: Final = 10
SENTENCE_MAX_DOCS: Final = 20
MAX_PARTNERS: Final = 10  # per article, best-anchored first
# A pair of the anchor or sentence channel is aligned only when about this share of the
# smaller text's distinct content words (not stop words) is in the other, as estimated from
# the word sketches (minhash.py). Measured on the synthetic pile (bench/reuse_synthetic.py,
# seeds 1-4, 200 originals each, 584 channel pairs): all 331 pairs that link or should were
# estimated at 0.57 or more (40 %-spun rewrites lowest; excerpts 1.0), 21 of the 253 others
# at 0.4 or more. The estimate's standard error is 0.05-0.06 there.
MIN_WORD_CONTAINMENT: Final = 0.4
# In a pile of a million articles 2 % is 20,000 holders, 200 million pairs for one word: above
# this many holders an anchor is a story's name, not evidence of copying.
ANCHOR_MAX_DOCS_CEILING: Final = 200


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """wordfreq's English words at least ``ANCHOR_MAX_ZIPF`` frequent: never anchors."""
    threshold = 10.0 ** (ANCHOR_MAX_ZIPF - 9.0)  # Zipf z: 10**z per billion words
    return frozenset(word for word, frequency in get_frequency_dict("en").items() if frequency >= threshold)


def _is_rare(form: str) -> bool:
    """Longer than two characters, and with an ASCII digit or not among wordfreq's common English words.

    The fingerprints (fingerprint.py) apply the same test to word hashes, a chunk at a time.
    """
    return len(form) > 2 and (any("0" <= ch <= "9" for ch in form) or form not in common_words())


def anchors_of(forms: Iterable[str]) -> frozenset[str]:
    """The anchor words among ``forms`` (each distinct form is looked up once)."""
    return frozenset(filter(_is_rare, set(forms)))


def anchor_candidates(values: NDArray[np.unsignedinteger], offsets: NDArray[np.int64],
                      rows: NDArray[np.int64] | None = None, *, keep: Keep | None = None) -> NDArray[np.int64]:
    """Position pairs (i < j) of ``rows`` whose articles share enough rare words, sorted, one per row.

    Article ``r``'s anchors (hashes) are ``values[offsets[r]:offsets[r + 1]]``; ``rows``
    (default: all) are the articles taking part, and the pairs index into it. An array, not
    a list of tuples: a million articles may give millions of pairs. ``keep``, if given, is
    asked about the chosen pairs (positions i, j) a block at a time, and only those it keeps
    are collected (``worth_aligning``: 6 M pairs of a million articles shrink to 22,000 before
    they are ever held together).
    """
    count = len(offsets) - 1 if rows is None else len(rows)
    limit = min(ANCHOR_MAX_DOCS_CEILING, max(ANCHOR_MAX_DOCS_FLOOR, int(ANCHOR_MAX_DOC_SHARE * count)))
    by_key = _incidence(values, offsets, rows, limit)
    sizes = np.diff(offsets) if rows is None else np.diff(offsets)[rows]
    chosen = []
    for lo, block in shared_counts(by_key):
        index, other, shared = block.row.astype(np.int64) + lo, block.col.astype(np.int64), block.data
        low, high = best_partners(index, other, shared, np.minimum(sizes[index], sizes[other]))
        if keep is not None:
            kept = keep(low, high)
            low, high = low[kept], high[kept]
        chosen.append(low * count + high)
    return _decoded(chosen, count)


def best_partners(index: NDArray[np.int64], other: NDArray[np.int64], shared: NDArray[np.integer],
                  smaller: NDArray[np.integer]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """The anchor channel's pairs (low, high) from counts of shared anchors: of the pairs (``index``,
    ``other``) sharing ``shared`` anchors, ``smaller`` the smaller of their anchor counts, those
    sharing enough, each ``index`` keeping its ``MAX_PARTNERS`` best-anchored partners (most shared,
    then latest). Every row of an ``index`` must be given in the same call (both directions of a
    pair are rows of their own); the diagonal is dropped."""
    enough = (index != other) & (shared >= MIN_SHARED_ANCHORS) & (shared >= MIN_SHARED_SHARE * smaller)
    index, other, shared = index[enough], other[enough], shared[enough]
    order = np.lexsort((-other, -shared.astype(np.int64), index))
    index, other = index[order], other[order]
    starts = np.flatnonzero(np.r_[True, index[1:] != index[:-1]]) if len(index) else index
    rank = np.arange(len(index)) - np.repeat(starts, np.diff(np.r_[starts, len(index)]))
    best = rank < MAX_PARTNERS
    return np.minimum(index[best], other[best]), np.maximum(index[best], other[best])


def sentence_candidates(values: NDArray[np.unsignedinteger], offsets: NDArray[np.int64],
                        rows: NDArray[np.int64] | None = None, *, keep: Keep | None = None) -> NDArray[np.int64]:
    """Position pairs (i < j) of ``rows`` whose articles share a long sentence word for word
    (sentence hashes, laid out as in ``anchor_candidates``, and ``keep`` as there), sorted,
    one per row."""
    count = len(offsets) - 1 if rows is None else len(rows)
    by_key = _incidence(values, offsets, rows, SENTENCE_MAX_DOCS)
    found = []
    for lo, block in shared_counts(by_key):
        index, other = block.row.astype(np.int64) + lo, block.col.astype(np.int64)
        later = other > index
        index, other = index[later], other[later]
        if keep is not None:
            kept = keep(index, other)
            index, other = index[kept], other[kept]
        found.append(index * count + other)
    return _decoded(found, count)


def _decoded(codes: list[NDArray[np.int64]], count: int) -> NDArray[np.int64]:
    unique = np.unique(np.concatenate(codes)) if codes else np.zeros(0, dtype=np.int64)
    return np.stack([unique // count, unique % count], axis=1)


def union(*pair_sets: NDArray[np.int64]) -> NDArray[np.int64]:
    """The sorted union of pair arrays of the channels (rows (i, j), i < j)."""
    count = 1 + max((int(pairs.max()) for pairs in pair_sets if len(pairs)), default=0)
    return _decoded([pairs[:, 0] * count + pairs[:, 1] for pairs in pair_sets], count)


def worth_aligning(first: NDArray[np.int64], second: NDArray[np.int64], sketches: NDArray[np.uint16],
                   sizes: NDArray[np.int32]) -> NDArray[np.bool_]:
    """Which pairs of articles (``first[k]``, ``second[k]``: article numbers) share enough of
    their vocabulary to be aligned.

    ``sketches`` and ``sizes``: the articles' word sketches and distinct content words
    (``FingerprintBatch.sketches``, ``.content_words``). A pair the sketches cannot judge
    (a text without content words) is aligned.
    """
    estimate = estimate_containment(sketches, sizes, first, second)
    return ~(estimate < MIN_WORD_CONTAINMENT)  # NaN (undecided) is kept


# Postings are sorted one key range at a time (ranges by the keys' top bits), so the sort's
# copies stay a sixteenth of the postings (a million articles: ~29 M anchors).
_KEY_RANGE_BITS: Final = 4
# Row blocks of the product are cut at about this many multiply-adds (each one a shared key
# of two articles), which bounds the memory of one block's counts.
_BLOCK_WORK: Final = 2_000_000


def _incidence(values: NDArray[np.unsignedinteger], offsets: NDArray[np.int64], rows: NDArray[np.int64] | None,
               limit: int) -> sparse.csr_array:
    """The 0/1 matrix of which key (row) is held by which article (column, a position in
    ``rows``), keeping the keys held by 2 to ``limit`` of them: a key held once pairs nobody,
    a key held by more says "same story", not "same text".

    Built key by key in CSR form straight from the sorted postings (no list of coordinates to
    convert): a million articles' kept anchors cost their indices and ones, once.
    """
    total = len(offsets) - 1
    count = total if rows is None else len(rows)
    position = np.full(total, -1, dtype=np.int32)  # each article's column, -1 for those not taking part
    position[np.arange(total) if rows is None else rows] = np.arange(count, dtype=np.int32)
    bits = values.dtype.itemsize * 8
    key_range = (values >> values.dtype.type(bits - _KEY_RANGE_BITS)).astype(np.uint8)
    holder_parts, length_parts = [], []
    for part in range(1 << _KEY_RANGE_BITS):
        chosen = np.flatnonzero(key_range == part)
        holders = position[np.searchsorted(offsets, chosen, side="right") - 1]  # the column holding each posting
        taking_part = holders >= 0
        keys, holders = values[chosen[taking_part]], holders[taking_part]
        del chosen, taking_part
        kept_holders, kept_lengths = _kept_postings(keys, holders, limit)
        holder_parts.append(kept_holders)
        length_parts.append(kept_lengths)
    del key_range, position
    holders = np.concatenate(holder_parts) if holder_parts else np.zeros(0, dtype=np.int32)
    del holder_parts
    lengths = np.concatenate(length_parts) if length_parts else np.zeros(0, dtype=np.int64)
    return _by_key(holders, lengths, count, int(np.diff(offsets).max()) if total else 0)


def incidence(keys: NDArray[np.unsignedinteger], holders: NDArray[np.int32], count: int, limit: int,
              most: int) -> sparse.csr_array:
    """The matrix of ``_incidence`` from postings: holder ``holders[k]`` (a column below ``count``)
    holds key ``keys[k]``; ``most``: the most keys any holder has. For a part of the keys (all the
    holders of each key in it), as a Spark task holds them."""
    kept_holders, lengths = _kept_postings(keys, holders, limit)
    return _by_key(kept_holders, lengths, count, most)


def _kept_postings(keys: NDArray[np.unsignedinteger], holders: NDArray[np.int32], limit: int
                   ) -> tuple[NDArray[np.int32], NDArray[np.int64]]:
    """The postings sorted by key then holder, those of keys held 2 to ``limit`` times: their
    holders, and each kept key's number of holders."""
    order = np.lexsort((holders, keys))
    keys, holders = keys[order], holders[order]
    del order
    run_starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else np.zeros(0, np.int64)
    run_lengths = np.diff(np.r_[run_starts, len(keys)])
    kept = (run_lengths > 1) & (run_lengths <= limit)
    return holders[np.repeat(kept, run_lengths)], run_lengths[kept]


def _by_key(holders: NDArray[np.int32], lengths: NDArray[np.int64], count: int, most: int) -> sparse.csr_array:
    pointers = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=pointers[1:])
    # The ones in the narrowest type that holds every count of shared keys (at most the most keys
    # any article has): the product counts in that type, and a million articles' matrices shrink
    # by 130 MB against int32.
    kind = next(t for t in (np.int8, np.int16, np.int32, np.int64) if most <= np.iinfo(t).max)
    return sparse.csr_array((np.ones(len(holders), dtype=kind), holders, pointers), shape=(len(lengths), count))


def shared_counts(by_key: sparse.csr_array) -> Iterator[tuple[int, sparse.coo_array]]:
    """How many keys each pair of articles shares, a block of rows at a time: (first row, counts).

    ``by_key``: keys x articles (``_incidence``). The product of its transpose with itself, in
    C (scipy): no list of pairs per key is ever made, and the rows are cut into blocks of
    about ``_BLOCK_WORK`` multiply-adds, so memory stays bounded however many articles share
    a popular key. The diagonal (an article with itself) is included; callers drop it.
    """
    count = by_key.shape[1]
    if count == 0 or by_key.nnz == 0:
        return
    held = by_key.T.tocsr()  # articles x keys
    work = held @ np.diff(by_key.indptr).astype(np.int64)  # per row: multiply-adds of its product row
    cumulative = np.cumsum(work)
    lo = 0
    while lo < count:
        hi = int(np.searchsorted(cumulative, cumulative[lo] - work[lo] + _BLOCK_WORK, side="right"))
        hi = min(count, max(hi, lo + 1))
        yield lo, (held[lo:hi] @ by_key).tocoo()
        lo = hi
