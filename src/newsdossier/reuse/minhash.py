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

__all__ = ["BandIndex", "MinHasher", "estimate_jaccard"]

NUM_PERM: Final = 128
SHINGLE_SIZE: Final = 5
# 32 bands of 4 rows: pairs with shingle Jaccard 0.5 collide in some band with p = 0.87, at
# 0.3 with p = 0.23 (1 - (1 - J^4)^32): the near-duplicate channel; excerpts and rewrites
# come through the anchor channel (candidates.py).
BANDS: Final = 32
_SHIFT: Final = np.uint64(32)
_MAX_HASH: Final = np.uint64((1 << 32) - 1)
_SHINGLE_BASE: Final = np.uint64(1_000_003)


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
        values = [cache.get(form) for form in forms]
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
        with np.errstate(over="ignore"):
            permuted = (np.outer(shingles, self.a_) + self.b_) >> _SHIFT
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
