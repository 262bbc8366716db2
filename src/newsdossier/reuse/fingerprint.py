"""Fingerprints of many texts for the candidate search, columnar, in parallel when the pile is large.

Every text is read once (one tokenisation, sentence by sentence) into what the three
candidate channels need, all numbers:

* ``words``: how many words (short texts are never linked);
* ``digests``: a 64-bit hash of the word forms (equal digests: the very same words);
* ``bands``: the LSH band keys of the MinHash signature (minhash.py);
* ``anchors``: hashes of the rare words (candidates.py);
* ``sentences``: hashes of the long sentences.

The values sit in flat numpy arrays (anchors and sentences with per-text offsets), not in
one object per text: a million texts fit in a few hundred megabytes. Hashes are keyed
BLAKE2b and CRC32, never Python's ``hash``, so worker processes agree with each other and
every run finds the same candidates.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from typing import Final

import numpy as np
from numpy.typing import NDArray

from newsdossier.reuse.candidates import SENTENCE_MIN_WORDS, anchors_of
from newsdossier.reuse.minhash import BANDS, MinHasher, band_keys
from newsdossier.reuse.tokens import _BREAK, word_forms

__all__ = ["FingerprintBatch", "Fingerprinter", "fingerprint_all"]

# Texts per task sent to a worker process: large enough that pickling is a small share.
CHUNK: Final = 512


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


@dataclass(frozen=True, slots=True)
class FingerprintBatch:
    """Fingerprints of ``len(words)`` texts, in input order."""

    words: NDArray[np.int64]
    digests: NDArray[np.uint64]
    bands: NDArray[np.uint64]  # (texts, BANDS)
    anchor_values: NDArray[np.uint64]
    anchor_offsets: NDArray[np.int64]  # text i's anchors: anchor_values[offsets[i]:offsets[i + 1]]
    sentence_values: NDArray[np.uint64]
    sentence_offsets: NDArray[np.int64]

    def __len__(self) -> int:
        return len(self.words)

    def anchors(self, index: int) -> NDArray[np.uint64]:
        return self.anchor_values[self.anchor_offsets[index]:self.anchor_offsets[index + 1]]

    def sentences(self, index: int) -> NDArray[np.uint64]:
        return self.sentence_values[self.sentence_offsets[index]:self.sentence_offsets[index + 1]]

    @staticmethod
    def concat(batches: Sequence[FingerprintBatch]) -> FingerprintBatch:
        if not batches:
            return Fingerprinter()([])
        return FingerprintBatch(
            np.concatenate([b.words for b in batches]),
            np.concatenate([b.digests for b in batches]),
            np.concatenate([b.bands for b in batches]),
            np.concatenate([b.anchor_values for b in batches]),
            _chain_offsets([b.anchor_offsets for b in batches]),
            np.concatenate([b.sentence_values for b in batches]),
            _chain_offsets([b.sentence_offsets for b in batches]),
        )


def _chain_offsets(parts: Sequence[NDArray[np.int64]]) -> NDArray[np.int64]:
    shifted, base = [np.zeros(1, dtype=np.int64)], 0
    for offsets in parts:
        shifted.append(offsets[1:] + base)
        base += int(offsets[-1])
    return np.concatenate(shifted)


class Fingerprinter:
    """Turns texts into a ``FingerprintBatch``; keeps its word-hash caches between calls."""

    def __init__(self) -> None:
        self.hasher = MinHasher()
        self._anchor_keys: dict[str, int] = {}

    def _anchor_key(self, anchor: str) -> int:
        key = self._anchor_keys.get(anchor)
        if key is None:
            key = self._anchor_keys[anchor] = _hash64(anchor)
        return key

    def __call__(self, texts: Iterable[str]) -> FingerprintBatch:
        words, digests, bands = [], [], []
        anchors: list[int] = []
        anchor_offsets = [0]
        sentences: list[int] = []
        sentence_offsets = [0]
        for text in texts:
            pieces = [forms for piece in _BREAK.split(text) if piece and (forms := word_forms(piece))]
            forms = tuple(chain.from_iterable(pieces))
            words.append(len(forms))
            digests.append(_hash64("\x1f".join(forms)))
            bands.append(band_keys(self.hasher.signature(forms)))
            anchors.extend(sorted(self._anchor_key(a) for a in anchors_of(forms)))
            anchor_offsets.append(len(anchors))
            sentences.extend(sorted({_hash64("\x1f".join(p)) for p in pieces if len(p) >= SENTENCE_MIN_WORDS}))
            sentence_offsets.append(len(sentences))
        return FingerprintBatch(
            np.array(words, dtype=np.int64),
            np.array(digests, dtype=np.uint64),
            np.array(bands, dtype=np.uint64).reshape(len(words), BANDS),
            np.array(anchors, dtype=np.uint64),
            np.array(anchor_offsets, dtype=np.int64),
            np.array(sentences, dtype=np.uint64),
            np.array(sentence_offsets, dtype=np.int64),
        )


_worker: Fingerprinter | None = None


def _fingerprint_chunk(texts: list[str]) -> FingerprintBatch:
    global _worker
    if _worker is None:
        _worker = Fingerprinter()
    return _worker(texts)


def _chunks(texts: Iterable[str]) -> Iterator[list[str]]:
    iterator = iter(texts)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def fingerprint_all(texts: Iterable[str], *, workers: int = 1, count: int | None = None) -> FingerprintBatch:
    """Fingerprints of ``texts`` in order; with ``workers`` > 1, computed in that many processes.

    Texts are streamed to the workers chunk by chunk, so the caller may pass a generator
    over a pile far larger than memory; only the fingerprints are kept. With ``count`` (the
    number of texts) the fixed-width columns are filled in place instead of concatenated at
    the end, which halves the peak memory of a million-text run.
    """
    if workers <= 1:
        fingerprinter = Fingerprinter()
        return _collect(map(fingerprinter, _chunks(texts)), count)
    # forkserver, not fork: forking a process that runs threads (a progress bar, a web
    # server) can deadlock the child.
    context = multiprocessing.get_context("forkserver")
    with context.Pool(workers) as pool:
        return _collect(pool.imap(_fingerprint_chunk, _chunks(texts)), count)


def _collect(batches: Iterable[FingerprintBatch], count: int | None) -> FingerprintBatch:
    if count is None:
        return FingerprintBatch.concat(list(batches))
    words = np.zeros(count, dtype=np.int64)
    digests = np.zeros(count, dtype=np.uint64)
    bands = np.zeros((count, BANDS), dtype=np.uint64)
    anchors: list[NDArray[np.uint64]] = []
    anchor_offsets: list[NDArray[np.int64]] = []
    sentences: list[NDArray[np.uint64]] = []
    sentence_offsets: list[NDArray[np.int64]] = []
    filled = 0
    for batch in batches:
        end = filled + len(batch)
        if end > count:
            raise ValueError(f"more texts than the {count} announced")
        words[filled:end], digests[filled:end], bands[filled:end] = batch.words, batch.digests, batch.bands
        anchors.append(batch.anchor_values)
        anchor_offsets.append(batch.anchor_offsets)
        sentences.append(batch.sentence_values)
        sentence_offsets.append(batch.sentence_offsets)
        filled = end
    if filled != count:
        raise ValueError(f"{filled} texts, not the {count} announced")
    anchor_values = np.concatenate(anchors) if anchors else np.zeros(0, dtype=np.uint64)
    anchors.clear()
    sentence_values = np.concatenate(sentences) if sentences else np.zeros(0, dtype=np.uint64)
    sentences.clear()
    return FingerprintBatch(words, digests, bands, anchor_values, _chain_offsets(anchor_offsets),
                            sentence_values, _chain_offsets(sentence_offsets))
