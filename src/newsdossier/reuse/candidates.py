"""Candidate pairs for alignment, without comparing all pairs.

Two channels:

* **near duplicates**: MinHash of word 5-shingles with LSH banding (minhash.py). Catches
  verbatim and syndicated copies; each copy is paired with the first earlier article it
  collides with, so a story with ten thousand copies costs ten thousand pairs, not fifty
  million.
* **anchors**: a spun rewrite shares few 5-shingles with its source (0.12 Jaccard on the
  seed pile) but keeps its names and numbers. Each article's anchors are its rare words
  (digits, or words rarer than ``ANCHOR_MAX_ZIPF`` in general English) that few articles of
  the pile contain; articles sharing many anchors are candidates. Run over one
  representative per near-duplicate group, so fifty copies of a story count as one voice.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from wordfreq import zipf_frequency

__all__ = ["anchor_candidates", "anchors_of", "sentence_candidates", "sentence_keys"]

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


@lru_cache(maxsize=200_000)
def _is_rare(form: str) -> bool:
    return any(ch.isdigit() for ch in form) or zipf_frequency(form, "en") < ANCHOR_MAX_ZIPF


def anchors_of(forms: Sequence[str]) -> frozenset[str]:
    return frozenset(f for f in forms if len(f) > 2 and _is_rare(f))


def anchor_candidates(anchor_sets: Sequence[frozenset[str]]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of articles that share enough rare words."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, anchors in enumerate(anchor_sets):
        for anchor in anchors:
            postings[anchor].append(index)
    limit = max(ANCHOR_MAX_DOCS_FLOOR, int(ANCHOR_MAX_DOC_SHARE * len(anchor_sets)))
    shared: Counter[tuple[int, int]] = Counter()
    for holders in postings.values():
        if 1 < len(holders) <= limit:
            shared.update((a, b) for n, a in enumerate(holders) for b in holders[n + 1:])
    partners: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (a, b), count in shared.items():
        smaller = min(len(anchor_sets[a]), len(anchor_sets[b]))
        if count >= MIN_SHARED_ANCHORS and count >= MIN_SHARED_SHARE * smaller:
            partners[a].append((count, b))
            partners[b].append((count, a))
    chosen = set()
    for index, options in partners.items():
        for _, other in sorted(options, reverse=True)[:MAX_PARTNERS]:
            chosen.add((min(index, other), max(index, other)))
    return sorted(chosen)


def sentence_keys(sentences: Sequence[Sequence[str]]) -> frozenset[int]:
    """Fingerprints of the long sentences of one article (given as word sequences)."""
    return frozenset(hash(tuple(words)) for words in sentences if len(words) >= SENTENCE_MIN_WORDS)


def sentence_candidates(key_sets: Sequence[frozenset[int]]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of articles that share a long sentence word for word."""
    postings: dict[int, list[int]] = defaultdict(list)
    for index, keys in enumerate(key_sets):
        for key in keys:
            postings[key].append(index)
    pairs: set[tuple[int, int]] = set()
    for holders in postings.values():
        if 1 < len(holders) <= SENTENCE_MAX_DOCS:
            pairs.update((a, b) for n, a in enumerate(holders) for b in holders[n + 1:])
    return sorted(pairs)
