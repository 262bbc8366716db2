"""MinHash signatures of word shingles, vectorised with numpy, and LSH banding.

Each permutation is a multiply-shift hash of the 32-bit shingle hash, ``(a*h + b) >> 32``
in 64-bit arithmetic, computed for all shingles of a document at once. datasketch uses
``(a*h + b) mod (2^61 - 1)`` one update at a time; the modulo alone made our vectorised
version 2x slower (bench/reuse_speed.py measures both side by side, and a test checks the
two estimate Jaccard alike). Signatures are plain arrays, separate from the index that
bands them (as datasketch separates MinHash and MinHashLSH).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from typing import Final

import numpy as np
from numpy.typing import NDArray

__all__ = ["BandIndex", "MinHasher", "band_keys", "estimate_jaccard", "first_holders"]

NUM_PERM: Final = 128
SHINGLE_SIZE: Final = 5
# 32 bands of 4 rows: pairs with shingle Jaccard 0.5 collide in some band with p = 0.87, at
# 0.3 with p = 0.23 (1 - (1 - J^4)^32): the near-duplicate channel; excerpts and rewrites
# come through the anchor channel (candidates.py).
BANDS: Final = 32
_SHIFT: Final = np.uint64(32)
_MAX_HASH: Final = np.uint64((1 << 32) - 1)
_SHINGLE_BASE: Final = np.uint64(1_000_003)
_ROW_BASE: Final = np.uint64(0x100000001B3)  # FNV prime: above 2^32, so rows of 32-bit values mix


class MinHasher:
    """Signatures of documents given as token sequences."""

    def __init__(self, *, num_perm: int = NUM_PERM, shingle_size: int = SHINGLE_SIZE, seed: int = 1) -> None:
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        generator = np.random.default_rng(seed)
        # Odd multipliers: multiply-shift hashing needs them to be a bijection mod 2^64.
        self.a_ = generator.integers(0, 2**63, num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        self.b_ = generator.integers(0, 2**63, num_perm, dtype=np.uint64)
        self._token_hashes: dict[str, int] = {}
        powers = [_SHINGLE_BASE ** np.uint64(k) for k in range(shingle_size - 1, -1, -1)]
        self._powers = np.array(powers, dtype=np.uint64)

    def _hash_tokens(self, forms: Sequence[str]) -> NDArray[np.uint64]:
        # CRC32, cached per word: deterministic across processes. Python's own str hash was
        # tried and is faster, but it is seeded per process, which made LSH candidates (and
        # so the links found) change from one run to the next.
        cache = self._token_hashes
        values = list(map(cache.get, forms))
        if None in values:
            for position, value in enumerate(values):
                if value is None:
                    values[position] = cache[forms[position]] = zlib.crc32(forms[position].encode("utf-8"))
        return np.array(values, dtype=np.uint64)

    def shingles(self, forms: Sequence[str]) -> NDArray[np.uint64]:
        """32-bit hashes of the word n-grams (the whole text as one shingle when it is shorter)."""
        hashes = self._hash_tokens(forms)
        if len(hashes) < self.shingle_size:
            return (hashes @ self._powers[-len(hashes):] & _MAX_HASH).reshape(1) if len(hashes) else hashes
        windows = np.lib.stride_tricks.sliding_window_view(hashes, self.shingle_size)
        with np.errstate(over="ignore"):  # wrap-around is part of the hash
            return (windows @ self._powers) & _MAX_HASH

    def signature(self, forms: Sequence[str]) -> NDArray[np.uint64]:
        shingles = self.shingles(forms)
        if len(shingles) == 0:
            return np.full(self.num_perm, _MAX_HASH, dtype=np.uint64)
        with np.errstate(over="ignore"):  # in place: half the time of building three temporaries
            permuted = np.multiply.outer(shingles, self.a_)
            permuted += self.b_
            permuted >>= _SHIFT
        return permuted.min(axis=0)


def estimate_jaccard(first: NDArray[np.uint64], second: NDArray[np.uint64]) -> float:
    return float(np.mean(first == second))


class BandIndex:
    """LSH banding that links each new signature to the first earlier one sharing a band.

    Linking to the first holder only, not to every holder, keeps a story with ten thousand
    copies linear: each copy yields at most ``bands`` candidate pairs.
    """

    def __init__(self, *, bands: int = BANDS, num_perm: int = NUM_PERM) -> None:
        if num_perm % bands:
            raise ValueError(f"num_perm ({num_perm}) must be a multiple of bands ({bands})")
        self.bands = bands
        self.rows = num_perm // bands
        self._buckets: list[dict[bytes, int]] = [{} for _ in range(bands)]

    def add(self, key: int, signature: NDArray[np.uint64]) -> Iterator[int]:
        """Index ``signature`` under ``key``; yield the keys of earlier signatures it collides with."""
        seen: set[int] = set()
        for band, bucket in enumerate(self._buckets):
            digest = signature[band * self.rows:(band + 1) * self.rows].tobytes()
            first = bucket.setdefault(digest, key)
            if first != key and first not in seen:
                seen.add(first)
                yield first


def band_keys(signature: NDArray[np.uint64], *, bands: int = BANDS) -> NDArray[np.uint64]:
    """One 64-bit key per band (its rows hashed together): 256 bytes per document at 32 bands.

    Two documents collide in a band when their keys are equal; keeping keys instead of
    signatures and dictionaries of band digests is what lets a million documents band in
    a few hundred megabytes.
    """
    rows = signature.reshape(bands, -1)
    keys = np.zeros(bands, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for column in range(rows.shape[1]):
            keys *= _ROW_BASE
            keys += rows[:, column]
    return keys


def first_holders(keys: NDArray[np.uint64], rows: NDArray[np.int64]) -> tuple[
        NDArray[np.int64], NDArray[np.int64], NDArray[np.int64]]:
    """Collisions of the documents ``rows`` of ``keys``, as (position, band, first) triples.

    The batch form of ``BandIndex``: for each band, the keys of ``rows`` are sorted and
    every member of a run of equal keys is pointed at the run's first position (the
    smallest). Only documents that collide with an earlier one are returned, ordered by
    position then band, with positions indexing ``rows``. Vectorised and band by band, so
    a million documents band in seconds with a few megabytes beside the keys.
    """
    found_positions, found_bands, found_firsts = [], [], []
    count = len(rows)
    for band in range(keys.shape[1]):
        column = keys[rows, band]
        order = np.argsort(column, kind="stable")  # stable: each run starts at its smallest position
        ordered = column[order]
        starts = np.empty(count, dtype=bool)
        starts[:1] = True
        np.not_equal(ordered[1:], ordered[:-1], out=starts[1:])
        firsts = order[starts][np.cumsum(starts) - 1]
        later = firsts != order
        found_positions.append(order[later])
        found_bands.append(np.full(int(later.sum()), band, dtype=np.int64))
        found_firsts.append(firsts[later])
    if not found_positions:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    positions = np.concatenate(found_positions)
    bands = np.concatenate(found_bands)
    firsts = np.concatenate(found_firsts)
    order = np.lexsort((bands, positions))
    return positions[order], bands[order], firsts[order]
