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

The anchor and sentence channels work on hashes (fingerprint.py) and count shared keys by
sorting, never with a dictionary of pairs: linear in the postings, a million articles fit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Final

import numpy as np
from numpy.typing import NDArray
from wordfreq import get_frequency_dict

__all__ = ["anchor_candidates", "anchors_of", "common_words", "sentence_candidates"]

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
# In a pile of a million articles 2 % is 20,000 holders, 200 million pairs for one word: above
# this many holders an anchor is a story's name, not evidence of copying.
ANCHOR_MAX_DOCS_CEILING: Final = 200
# Holders of one key paired with their next this-many neighbours (see _shared_key_pairs).
# The pair codes cost 8 bytes x postings x window: at 50 a 20,000-article synthetic pile
# took 420 MB in this channel alone (bench/reuse_scale.py), at 20 it takes a third.
PAIR_WINDOW: Final = 20


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


def anchor_candidates(anchor_sets: Sequence[NDArray[np.uint64]]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of articles that share enough rare words (given as sorted hashes)."""
    limit = min(ANCHOR_MAX_DOCS_CEILING, max(ANCHOR_MAX_DOCS_FLOOR, int(ANCHOR_MAX_DOC_SHARE * len(anchor_sets))))
    first, second, shared = _shared_key_pairs(anchor_sets, limit)
    sizes = np.array([len(s) for s in anchor_sets], dtype=np.int64)
    smaller = np.minimum(sizes[first], sizes[second]) if len(first) else sizes[:0]
    keep = (shared >= MIN_SHARED_ANCHORS) & (shared >= MIN_SHARED_SHARE * smaller)
    first, second, shared = first[keep], second[keep], shared[keep]
    # Each article keeps its MAX_PARTNERS best-anchored partners (most shared, then latest).
    index = np.concatenate([first, second])
    other = np.concatenate([second, first])
    count = np.concatenate([shared, shared])
    order = np.lexsort((-other, -count, index))
    index, other = index[order], other[order]
    starts = np.flatnonzero(np.r_[True, index[1:] != index[:-1]]) if len(index) else index
    rank = np.arange(len(index)) - np.repeat(starts, np.diff(np.r_[starts, len(index)]))
    chosen = rank < MAX_PARTNERS
    pairs = {(int(min(a, b)), int(max(a, b))) for a, b in zip(index[chosen], other[chosen], strict=True)}
    return sorted(pairs)


def _shared_key_pairs(key_sets: Sequence[NDArray[np.uint64]], limit: int) -> tuple[
        NDArray[np.int64], NDArray[np.int64], NDArray[np.int64]]:
    """Pairs (i < j) of sets sharing keys, and how many: keys held by more than ``limit`` sets are left out.

    Sort-based, vectorised: all (key, set) postings sorted by key then set; a pair is
    counted for every key where the two sit within ``PAIR_WINDOW`` places of each other in
    the key's posting list. Up to ``PAIR_WINDOW + 1`` holders that is every pair; beyond, the
    window keeps the cost linear in the postings (neighbours in pile order, as a copy is
    usually crawled near its source).
    """
    sizes = np.array([len(s) for s in key_sets], dtype=np.int64)
    empty = np.zeros(0, dtype=np.int64)
    if sizes.sum() == 0:
        return empty, empty, empty
    keys = np.concatenate(key_sets)
    holders = np.repeat(np.arange(len(key_sets), dtype=np.int64), sizes)
    order = np.lexsort((holders, keys))
    keys, holders = keys[order], holders[order]
    run_starts = np.r_[True, keys[1:] != keys[:-1]]
    run_ids = np.cumsum(run_starts) - 1
    run_lengths = np.bincount(run_ids)[run_ids]
    keep = (run_lengths > 1) & (run_lengths <= limit)
    keys, holders = keys[keep], holders[keep]
    codes = []
    count = len(key_sets)
    for distance in range(1, PAIR_WINDOW + 1):
        same = keys[distance:] == keys[:-distance]
        if not same.any():
            break
        codes.append(holders[:-distance][same] * count + holders[distance:][same])
    if not codes:
        return empty, empty, empty
    pairs, shared = np.unique(np.concatenate(codes), return_counts=True)
    return pairs // count, pairs % count, shared.astype(np.int64)


def sentence_candidates(key_sets: Sequence[NDArray[np.uint64]]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of articles that share a long sentence word for word (sentence hashes)."""
    first, second, _ = _shared_key_pairs(key_sets, SENTENCE_MAX_DOCS)
    return sorted(zip(first.tolist(), second.tolist(), strict=True))
