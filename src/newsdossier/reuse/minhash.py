"""MinHash signatures of word shingles, vectorised with numpy, and LSH banding.

Each permutation is a multiply-shift hash of the 32-bit shingle hash, ``(a*h + b) >> 32``
in 64-bit arithmetic, computed for all shingles of a document at once. datasketch uses
``(a*h + b) mod (2^61 - 1)`` one update at a time; the modulo alone made our vectorised
version 2x slower (bench/reuse_speed.py measures both side by side, and a test checks the
two estimate Jaccard alike). Signatures are plain arrays, separate from the index that
bands them (as datasketch separates MinHash and MinHashLSH).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

import numpy as np
from numpy.typing import NDArray

from newsdossier.reuse.hashing import fmix64, word_hashes

__all__ = ["SKETCH_BINS", "SKETCH_EMPTY", "BandIndex", "MinHasher", "band_keys", "estimate_containment", "estimate_jaccard",
           "first_holders", "shingle_hashes", "word_sketches"]

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
# Word sketches: one-permutation MinHash in this many bins of 16 bits each (128 MB for a
# million texts). A containment c is estimated from the bins where the smaller text decides,
# about 64 |A| / |A | B| of them: standard error ~0.07 at c = 0.7 for two texts of one size.
SKETCH_BINS: Final = 64
SKETCH_EMPTY: Final = 0xFFFF  # above every value a bin holds (values stop at 0xFFFE)
_BIN_BITS: Final = 6  # log2(SKETCH_BINS)
_PAIR_BLOCK: Final = 1 << 17  # pairs compared at once: 2 x 16 MiB of gathered sketches
# Shingles permuted at once: 8,192 x 128 x 8 bytes = 8 MiB of buffer, reused.
_BLOCK: Final = 8192


def shingle_hashes(words: NDArray[np.uint64], texts: NDArray[np.int64], *,
                   size: int = SHINGLE_SIZE) -> tuple[NDArray[np.uint64], NDArray[np.int64]]:
    """32-bit hashes of the word ``size``-grams of many texts at once, and the text of each.

    ``words``: word hashes (hashing.py) of the texts one after the other, ``texts`` the text
    of each word (non-decreasing). A text of fewer than ``size`` words is one shingle of all
    its words. Windows that would span two texts are dropped.
    """
    count = len(words)
    powers = _SHINGLE_BASE ** np.arange(size - 1, -1, -1, dtype=np.uint64)
    with np.errstate(over="ignore"):  # wrap-around is part of the hash
        if count >= size:
            mixed = words[:count - size + 1] * powers[0]
            for k in range(1, size):
                mixed += words[k:count - size + 1 + k] * powers[k]
            whole = texts[:count - size + 1] == texts[size - 1:]
            values, owners = fmix64(mixed[whole]) & _MAX_HASH, texts[:count - size + 1][whole]
        else:
            values, owners = np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
        sizes = np.bincount(texts) if count else np.zeros(0, dtype=np.int64)  # texts are in order
        short_texts = np.flatnonzero((sizes > 0) & (sizes < size))
        if len(short_texts):
            extra_values, extra_owners = [], []
            starts = np.cumsum(sizes) - sizes
            for text, start, length in zip(short_texts.tolist(), starts[short_texts].tolist(),
                                           sizes[short_texts].tolist(), strict=True):
                value = fmix64(np.array([words[start:start + length] @ powers[size - length:]], dtype=np.uint64))
                extra_values.append(value & _MAX_HASH)
                extra_owners.append(text)
            values = np.concatenate([values, *extra_values])
            owners = np.concatenate([owners, np.array(extra_owners, dtype=np.int64)])
            order = np.argsort(owners, kind="stable")
            values, owners = values[order], owners[order]
    return values, owners


class MinHasher:
    """Signatures of documents, one at a time (``signature``) or a chunk at once (``signatures``)."""

    def __init__(self, *, num_perm: int = NUM_PERM, shingle_size: int = SHINGLE_SIZE, seed: int = 1) -> None:
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        generator = np.random.default_rng(seed)
        # Odd multipliers: multiply-shift hashing needs them to be a bijection mod 2^64.
        self.a_ = generator.integers(0, 2**63, num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        self.b_ = generator.integers(0, 2**63, num_perm, dtype=np.uint64)
        self._buffer = np.empty((num_perm, _BLOCK), dtype=np.uint64)  # permutation-major: see _permute

    def shingles(self, forms: Sequence[str]) -> NDArray[np.uint64]:
        """32-bit hashes of the word n-grams (the whole text as one shingle when it is shorter)."""
        words = word_hashes(forms)
        return shingle_hashes(words, np.zeros(len(words), dtype=np.int64), size=self.shingle_size)[0]

    def signature(self, forms: Sequence[str]) -> NDArray[np.uint64]:
        return self.signatures(self.shingles(forms), np.zeros(0, dtype=np.int64), 1)[0]

    def signatures(self, shingles: NDArray[np.uint64], owners: NDArray[np.int64], count: int) -> NDArray[np.uint64]:
        """Signatures of ``count`` texts from their shingles (``owners``: the text of each, sorted).

        ``owners`` empty with one text: all shingles are that text's. Texts without shingles
        (no words) get the all-maximum signature. Shingles are permuted a block at a time
        into one reused buffer and reduced per text (``minimum.reduceat``): no allocation per
        text, and numpy's per-call overhead shared by every text of the block.
        """
        if len(owners) == 0:
            owners = np.zeros(len(shingles), dtype=np.int64)
        result = np.full((count, self.num_perm), _MAX_HASH, dtype=np.uint64)
        if len(shingles) == 0:
            return result
        firsts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])  # owners are in order
        texts = owners[firsts]
        lasts = np.append(firsts[1:], len(shingles))
        t, count_texts = 0, len(texts)
        while t < count_texts:
            lo = int(firsts[t])
            if lasts[t] - lo > _BLOCK:  # a text longer than a block: in pieces, keeping the minimum
                result[texts[t]] = self._block_min(shingles, lo, int(lasts[t]))
                t += 1
                continue
            end = int(np.searchsorted(lasts, lo + _BLOCK, side="right"))  # the texts that fit the block
            permuted = self._permute(shingles[lo:int(lasts[end - 1])])
            result[texts[t:end]] = np.minimum.reduceat(permuted, firsts[t:end] - lo, axis=1).T
            t = end
        return result

    def _permute(self, shingles: NDArray[np.uint64]) -> NDArray[np.uint64]:
        """(permutations, shingles): each permutation's values contiguous, so the arithmetic and the
        per-text ``minimum.reduceat`` run along memory; shingle-major was 5x slower here."""
        out = self._buffer[:, :len(shingles)]
        with np.errstate(over="ignore"):
            np.multiply(self.a_[:, None], shingles[None, :], out=out)
            out += self.b_[:, None]
            out >>= _SHIFT
        return out

    def _block_min(self, shingles: NDArray[np.uint64], lo: int, hi: int) -> NDArray[np.uint64]:
        best = np.full(self.num_perm, _MAX_HASH, dtype=np.uint64)
        for start in range(lo, hi, _BLOCK):
            np.minimum(best, self._permute(shingles[start:min(hi, start + _BLOCK)]).min(axis=1), out=best)
        return best


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

    ``signature`` may be one signature or an array of them (one per row): the keys then
    have one row per signature.
    """
    rows = signature.reshape(*signature.shape[:-1], bands, -1)
    keys = np.zeros(rows.shape[:-1], dtype=np.uint64)
    with np.errstate(over="ignore"):
        for column in range(rows.shape[-1]):
            keys *= _ROW_BASE
            keys += rows[..., column]
    return keys


def first_holders(keys: NDArray[np.uint32] | NDArray[np.uint64], rows: NDArray[np.int64]) -> tuple[
        NDArray[np.int64], NDArray[np.int64]]:
    """Each document of ``rows`` that collides with an earlier one, and the earlier ones, as
    (position, first) pairs, positions indexing ``rows``.

    The batch form of ``BandIndex``: for each band, the keys of ``rows`` are sorted and every
    member of a run of equal keys is pointed at the run's first position (the smallest). A
    document's distinct firsts come in the order of the first band each is met in, as
    ``BandIndex.add`` yields them; pairs are ordered by position. Vectorised and band by band,
    so a million documents band in seconds. Each collision is held as one 64-bit number
    (position, first, band), and a copy colliding with its source in 30 bands is one pair in
    the result, not 30 triples: a million documents' 3.3 M collisions cost tens of megabytes.
    """
    count, bands = len(rows), keys.shape[1]
    first_bits, band_bits = max(1, int(count).bit_length()), max(1, int(bands - 1).bit_length())
    if 2 * first_bits + band_bits > 64:
        raise ValueError(f"{count} documents in {bands} bands: too many to band at once")
    found: list[NDArray[np.uint64]] = []
    for band in range(bands):
        column = keys[rows, band]
        order = np.argsort(column, kind="stable")  # stable: each run starts at its smallest position
        ordered = column[order]
        starts = np.empty(count, dtype=bool)
        starts[:1] = True
        np.not_equal(ordered[1:], ordered[:-1], out=starts[1:])
        firsts = order[starts][np.cumsum(starts) - 1]
        later = firsts != order
        packed = order[later].astype(np.uint64) << np.uint64(first_bits)
        packed |= firsts[later].astype(np.uint64)
        packed <<= np.uint64(band_bits)
        packed |= np.uint64(band)
        found.append(packed)
    collisions = np.sort(np.concatenate(found)) if found else np.zeros(0, dtype=np.uint64)
    del found
    pair_of = collisions >> np.uint64(band_bits)  # (position, first)
    met_first = np.r_[True, pair_of[1:] != pair_of[:-1]] if len(collisions) else np.zeros(0, dtype=bool)
    collisions = collisions[met_first]  # each pair once, with the first band it is met in
    del pair_of, met_first
    first_mask, band_mask = np.uint64((1 << first_bits) - 1), np.uint64((1 << band_bits) - 1)
    firsts = (collisions >> np.uint64(band_bits)) & first_mask
    bands_met = collisions & band_mask
    positions = collisions >> np.uint64(first_bits + band_bits)
    del collisions
    # repacked as (position, band, first): ordered by position, then by the band a first is met in
    reordered = np.sort((((positions << np.uint64(band_bits)) | bands_met) << np.uint64(first_bits)) | firsts)
    return (reordered >> np.uint64(first_bits + band_bits)).astype(np.int64), (reordered & first_mask).astype(np.int64)


def word_sketches(hashes: NDArray[np.uint64], owners: NDArray[np.int64], count: int) -> tuple[
        NDArray[np.uint16], NDArray[np.int32]]:
    """A sketch of each text's set of words, and how many distinct words it holds.

    One-permutation MinHash (Li, Owen and Zhang, 2012): a word's hash (already mixed, so its
    bits are uniform) picks one of ``SKETCH_BINS`` bins by its top bits, and each bin keeps the
    smallest hash that falls in it, as the 16 bits below the bin's (``SKETCH_EMPTY`` for an
    empty bin). Cutting keeps the order, which ``estimate_containment`` needs. One sort of the
    chunk's (text, hash) keys gives both the sketches and the distinct counts: no permutation
    is computed, unlike the 128 of the shingle signatures.

    ``hashes``: word hashes of ``count`` texts; ``owners``: the text of each (any order).
    """
    sketches = np.full((count, SKETCH_BINS), SKETCH_EMPTY, dtype=np.uint16)
    if len(hashes) == 0:
        return sketches, np.zeros(count, dtype=np.int32)
    owner_bits = max(1, int(count - 1).bit_length())
    if owner_bits > 64 - _BIN_BITS - 16:
        raise ValueError(f"{count} texts: at most 2**42 are sketched at once")
    shift = np.uint64(64 - owner_bits)
    # the text in the top bits, the hash's top bits below: sorting one key groups by text, then bin
    keys = np.sort((owners.astype(np.uint64) << shift) | (hashes >> np.uint64(owner_bits)))
    distinct = np.r_[True, keys[1:] != keys[:-1]]
    sizes = np.bincount((keys[distinct] >> shift).astype(np.int64), minlength=count).astype(np.int32)
    cells = keys >> (shift - np.uint64(_BIN_BITS))  # text * SKETCH_BINS + bin
    smallest = np.r_[True, cells[1:] != cells[:-1]]  # keys ascend: a cell's first key is its minimum
    values = np.minimum((keys[smallest] >> (shift - np.uint64(_BIN_BITS + 16))) & np.uint64(0xFFFF),
                        np.uint64(SKETCH_EMPTY - 1))  # a value, never the empty mark
    sketches.reshape(-1)[cells[smallest].astype(np.int64)] = values.astype(np.uint16)
    return sketches, sizes


def estimate_containment(sketches: NDArray[np.uint16], sizes: NDArray[np.int32], first: NDArray[np.int64],
                         second: NDArray[np.int64]) -> NDArray[np.float32]:
    """For each pair (``first[k]``, ``second[k]``) of texts, the estimated share of the smaller
    word set (by ``sizes``) that the other set holds: 1.0 for an excerpt, about 0.2 for two
    unrelated news texts; NaN when the sketches cannot tell (a text without words).

    In a bin where the smaller set A holds the bin's smallest value of A | B, that value is a
    uniformly drawn member of A, and it is in B exactly when B holds the same value there; in
    the other bins B's own smallest value hides whether A's is in B. So the share of A in B is
    the share of bins with A's value <= B's where the two are equal (bias under 0.02 in
    tests/reuse/test_sketch.py, and no correction for set sizes: a true excerpt scores 1.0, or
    NaN when the larger set wins every bin the excerpt is in). Estimating Jaccard instead and
    converting it with the set sizes multiplied its error by up to 7 for an excerpt of a long text.
    """
    result = np.full(len(first), np.nan, dtype=np.float32)
    for lo in range(0, len(first), _PAIR_BLOCK):
        a, b = first[lo:lo + _PAIR_BLOCK], second[lo:lo + _PAIR_BLOCK]
        swap = sizes[b] < sizes[a]
        a, b = np.where(swap, b, a), np.where(swap, a, b)  # a: the smaller set
        small, large = sketches[a], sketches[b]
        held = small != SKETCH_EMPTY
        decided = np.count_nonzero(held & (small <= large), axis=1)
        equal = np.count_nonzero(held & (small == large), axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            result[lo:lo + len(a)] = np.where(decided > 0, equal / decided, np.nan)
    return result
