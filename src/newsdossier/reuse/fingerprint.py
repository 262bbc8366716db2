"""Fingerprints of many texts for the candidate search, columnar, in parallel when the pile is large.

Every text is read once (one tokenisation with sentence marks) into what the three
candidate channels need, all numbers, computed a chunk of texts at a time:

* ``words``: how many words (short texts are never linked);
* ``digests``: a 64-bit hash of the word forms (equal digests: the very same words);
* ``bands``: the LSH band keys of the MinHash signature (minhash.py);
* ``anchors``: hashes of the rare words (candidates.py);
* ``sentences``: hashes of the long sentences, folded to 32 bits like the anchors and band
  keys (a million texts hold some 20 M; the few chance collisions are extra candidate
  pairs, which the word sketches drop before alignment);
* ``sketches``: a 128-byte sketch of the set of content words (not stop words) and its size,
  from which the overlap of two texts' vocabularies is estimated before they are aligned
  (minhash.py ``word_sketches``).

The values sit in flat numpy arrays (anchors and sentences with per-text offsets), not in
one object per text: a million texts fit in a few hundred megabytes. Hashes are plain
arithmetic (hashing.py), never Python's ``hash``, so worker processes agree with each other
and every run finds the same candidates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice
from typing import Any, Final, TypeVar

import numpy as np
from numpy.typing import NDArray

from newsdossier.executor import Executor, LocalExecutor, worker_state
from newsdossier.reuse.candidates import SENTENCE_MIN_WORDS, common_words
from newsdossier.reuse.hashing import (
    HashSet,
    byte_tokens,
    count_in_segments,
    fold32,
    run_hashes,
    segment_hashes,
    word_hashes,
)
from newsdossier.reuse.minhash import (
    BANDS,
    SKETCH_BINS,
    SKETCH_EMPTY,
    MinHasher,
    band_keys,
    shingle_hashes,
    word_sketches,
)
from newsdossier.reuse.tokens import SENTENCE_MARK, marked_text
from newsdossier.stopwords import english_stop_words

__all__ = ["FingerprintBatch", "Fingerprinter", "decoded", "encoded", "fingerprint_all", "fingerprint_chunk"]

# Texts per task sent to a worker process: large enough that pickling is a small share.
CHUNK: Final = 512


_MARK_BYTE: Final = ord(SENTENCE_MARK)
_Hashes = TypeVar("_Hashes", NDArray[np.uint32], NDArray[np.uint64])


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """wordfreq's common English words (``candidates.common_words``: never anchors) and
    scikit-learn's stop words (left out of the word sketches: every English text holds "the"
    and "which", so they would only raise every pair's overlap), in one hash table: one
    look-up per word answers both."""

    table: HashSet
    common: NDArray[np.bool_]  # per slot of the table
    stop: NDArray[np.bool_]

    def lookup(self, hashes: NDArray[np.uint64]) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
        """For each word hash: is it a common word, is it a stop word."""
        slots = self.table.slots(hashes)
        found = slots >= 0
        common, stop = np.zeros(len(hashes), dtype=bool), np.zeros(len(hashes), dtype=bool)
        common[found], stop[found] = self.common[slots[found]], self.stop[slots[found]]
        return common, stop


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    common, stop = word_hashes(sorted(common_words())), word_hashes(sorted(english_stop_words()))
    table = HashSet(np.concatenate([common, stop]))
    flags = []
    for members in (common, stop):
        flag = np.zeros(table.capacity, dtype=bool)
        flag[table.slots(members)] = True
        flags.append(flag)
    return _Lexicon(table, *flags)


@dataclass(frozen=True, slots=True)
class FingerprintBatch:
    """Fingerprints of ``len(words)`` texts, in input order."""

    words: NDArray[np.int64]
    digests: NDArray[np.uint64]
    bands: NDArray[np.uint32]  # (texts, BANDS), band keys folded to 32 bits
    anchor_values: NDArray[np.uint32]  # rare-word hashes folded to 32 bits
    anchor_offsets: NDArray[np.int64]  # text i's anchors: anchor_values[offsets[i]:offsets[i + 1]]
    sentence_values: NDArray[np.uint32]
    sentence_offsets: NDArray[np.int64]
    sketches: NDArray[np.uint16]  # (texts, SKETCH_BINS): the content words' sketch (minhash.word_sketches)
    content_words: NDArray[np.int32]  # distinct content words per text

    def __len__(self) -> int:
        return len(self.words)

    def without(self, *columns: str) -> FingerprintBatch:
        """The batch with ``columns`` emptied: a caller done with the band keys or the sentence
        hashes of a million texts lets them go (128 and 200 MB) before the next channel runs."""
        emptied: dict[str, Any] = {}
        for name in columns:
            column = getattr(self, name)
            emptied[name] = np.zeros((0, *column.shape[1:]), dtype=column.dtype)
        return replace(self, **emptied)

    def anchors(self, index: int) -> NDArray[np.uint32]:
        return self.anchor_values[self.anchor_offsets[index]:self.anchor_offsets[index + 1]]

    def sentences(self, index: int) -> NDArray[np.uint32]:
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
            np.concatenate([b.sketches for b in batches]),
            np.concatenate([b.content_words for b in batches]),
        )


def _chain_offsets(parts: Sequence[NDArray[np.int64]]) -> NDArray[np.int64]:
    shifted, base = [np.zeros(1, dtype=np.int64)], 0
    for offsets in parts:
        shifted.append(offsets[1:] + base)
        base += int(offsets[-1])
    return np.concatenate(shifted)


class Fingerprinter:
    """Turns texts into a ``FingerprintBatch``, a chunk of texts at a time.

    Per text, Python does only what regular expressions do in C: mark the sentence breaks,
    lower-case, find the words. Everything after that is numpy over the whole chunk at once:
    word hashes (hashing.py), shingles and MinHash signatures (minhash.py), band keys, the
    rare-word test against wordfreq's common words, sentence hashes, word sketches, per-text sorting.
    """

    def __init__(self, lexicon: _Lexicon | None = None) -> None:
        self.hasher = MinHasher()
        self._lexicon = lexicon if lexicon is not None else _lexicon()

    def __call__(self, texts: Iterable[str]) -> FingerprintBatch:
        pieces = [marked_text(text) for text in texts]
        count = len(pieces)
        buffer, starts, ends, token_text = byte_tokens(pieces, SENTENCE_MARK)
        pieces.clear()
        counts = np.bincount(token_text, minlength=count)
        hashes = segment_hashes(buffer, starts, ends)
        lengths = ends - starts
        is_mark = (lengths == 1) & (buffer[starts] == _MARK_BYTE) if len(buffer) else np.zeros(0, dtype=bool)
        is_word = ~is_mark
        words, word_text = hashes[is_word], token_text[is_word]
        word_counts = np.bincount(word_text, minlength=count)
        word_starts = np.concatenate([np.zeros(1, dtype=np.int64), np.cumsum(word_counts)])

        digests = run_hashes(words, word_starts[:-1], word_starts[1:])
        shingles, owners = shingle_hashes(words, word_text)
        bands = (fold32(band_keys(self.hasher.signatures(shingles, owners, count))) if count
                 else np.zeros((0, BANDS), np.uint32))

        # anchors: distinct rare words (longer than two characters; with a digit, or not a common word)
        characters = lengths - count_in_segments((buffer & 0xC0) == 0x80, starts, ends)  # UTF-8 continuations
        digits = count_in_segments((buffer >= ord("0")) & (buffer <= ord("9")), starts, ends) > 0
        common, stop = self._lexicon.lookup(hashes)  # sentence marks are neither
        rare = is_word & (characters > 2) & (digits | ~common)
        anchor_values, anchor_offsets = _distinct_per_text(fold32(hashes[rare]), token_text[rare], count)

        # sketches of the content words: rare ones, and the others that are not stop words
        content = rare | (is_word & ~stop)
        sketches, content_words = word_sketches(hashes[content], token_text[content], count)

        # sentences: runs of words between marks (and text boundaries), long ones hashed whole
        after_mark = np.concatenate([np.ones(1, dtype=bool), is_mark[:-1]])
        text_first = np.zeros(len(hashes), dtype=bool)
        text_first[np.cumsum(counts)[counts > 0] - counts[counts > 0]] = True
        opens = np.flatnonzero((after_mark | text_first)[is_word])
        closes = np.append(opens[1:], len(words))
        long = closes - opens >= SENTENCE_MIN_WORDS
        sentence_values, sentence_offsets = _distinct_per_text(
            fold32(run_hashes(words, opens[long], closes[long])), word_text[opens[long]], count)
        return FingerprintBatch(word_counts.astype(np.int64), digests, bands.reshape(count, BANDS),
                                anchor_values, anchor_offsets, sentence_values, sentence_offsets,
                                sketches, content_words)


def _distinct_per_text(values: _Hashes, owners: NDArray[np.int64], count: int) -> tuple[_Hashes, NDArray[np.int64]]:
    """Each text's distinct values, sorted, concatenated in text order, with per-text offsets."""
    order = np.lexsort((values, owners))
    values, owners = values[order], owners[order]
    keep = np.ones(len(values), dtype=bool)
    keep[1:] = (values[1:] != values[:-1]) | (owners[1:] != owners[:-1])
    values, owners = values[keep], owners[keep]
    offsets = np.concatenate([np.zeros(1, dtype=np.int64), np.cumsum(np.bincount(owners, minlength=count))])
    return values, offsets.astype(np.int64)


def fingerprint_chunk(texts: list[bytes]) -> FingerprintBatch:
    """The kernel: fingerprints of a chunk of texts sent as UTF-8 (``encoded``), by this process's
    ``Fingerprinter`` (made once per process, :func:`newsdossier.executor.worker_state`)."""
    return worker_state(_FINGERPRINTER, _fingerprinter)(decoded(texts))


_FINGERPRINTER: Final = "reuse.fingerprinter"
_LEXICON: Final = "reuse.lexicon"


def _fingerprinter() -> Fingerprinter:
    return Fingerprinter(worker_state(_LEXICON, _lexicon))


def _chunks(texts: Iterable[str]) -> Iterator[list[str]]:
    iterator = iter(texts)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def fingerprint_all(texts: Iterable[str], *, workers: int = 1, count: int | None = None,
                    executor: Executor | None = None) -> FingerprintBatch:
    """Fingerprints of ``texts`` in order; with ``workers`` > 1, computed in that many processes
    (or by ``executor``, which then decides).

    Texts are streamed to the workers chunk by chunk, so the caller may pass a generator
    over a pile far larger than memory; only the fingerprints are kept. With ``count`` (the
    number of texts) the fixed-width columns are filled in place instead of concatenated at
    the end, which halves the peak memory of a million-text run.
    """
    if executor is not None:
        return _collect(executor.map(fingerprint_chunk, map(encoded, _chunks(texts))), count)
    if workers <= 1:
        fingerprinter = worker_state(_FINGERPRINTER, _fingerprinter)
        return _collect(map(fingerprinter, _chunks(texts)), count)
    # Workers fork from a server that has imported this module once (measured: the server and
    # pool start in 0.25 s, a later pool in 0.03 s), and get the common words from here.
    with LocalExecutor(workers, preload=[__name__], seed={_LEXICON: _lexicon()}) as pool:
        return _collect(pool.map(fingerprint_chunk, map(encoded, _chunks(texts))), count)


def encoded(texts: list[str]) -> list[bytes]:
    """Texts as UTF-8 for a worker process, without a lasting copy in the caller.

    Pickling a ``str`` with any non-ASCII character (a curly quote is enough) stores its UTF-8
    form inside the string object for as long as the string lives: a pile held in memory and
    sent to workers grows by the size of its non-ASCII texts (measured: 330 MB more for
    200,000 texts). ``str.encode`` makes a separate bytes object, freed once sent.
    """
    return [text.encode("utf-8", "surrogatepass") for text in texts]


def decoded(texts: list[bytes]) -> list[str]:
    return [text.decode("utf-8", "surrogatepass") for text in texts]


def _collect(batches: Iterable[FingerprintBatch], count: int | None) -> FingerprintBatch:
    if count is None:
        return FingerprintBatch.concat(list(batches))
    words = np.zeros(count, dtype=np.int64)
    digests = np.zeros(count, dtype=np.uint64)
    bands = np.zeros((count, BANDS), dtype=np.uint32)
    sketches = np.full((count, SKETCH_BINS), SKETCH_EMPTY, dtype=np.uint16)
    content_words = np.zeros(count, dtype=np.int32)
    anchors, sentences = _Column(np.uint32, count), _Column(np.uint32, count)
    anchor_offsets: list[NDArray[np.int64]] = []
    sentence_offsets: list[NDArray[np.int64]] = []
    filled = 0
    for batch in batches:
        end = filled + len(batch)
        if end > count:
            raise ValueError(f"more texts than the {count} announced")
        words[filled:end], digests[filled:end], bands[filled:end] = batch.words, batch.digests, batch.bands
        sketches[filled:end], content_words[filled:end] = batch.sketches, batch.content_words
        anchors.extend(batch.anchor_values, end)
        anchor_offsets.append(batch.anchor_offsets)
        sentences.extend(batch.sentence_values, end)
        sentence_offsets.append(batch.sentence_offsets)
        filled = end
    if filled != count:
        raise ValueError(f"{filled} texts, not the {count} announced")
    return FingerprintBatch(words, digests, bands, anchors.values(), _chain_offsets(anchor_offsets),
                            sentences.values(), _chain_offsets(sentence_offsets), sketches, content_words)


class _Column:
    """A one-dimensional array filled a chunk at a time, sized from the values per text so far.

    Collecting chunks in a list and concatenating them holds the pile's values twice at the
    end (100 MB of sentence hashes for a million texts, measured with ``bench/reuse_scale.py``);
    this allocates for all ``texts`` after the first chunk, grows by a quarter when the
    estimate falls short, and ends with at most 10 % unused.
    """

    def __init__(self, dtype: type[np.unsignedinteger[Any]], texts: int) -> None:
        self._buffer: NDArray[Any] = np.zeros(0, dtype=dtype)
        self._filled = 0
        self._texts = texts

    def extend(self, values: NDArray[Any], texts_so_far: int) -> None:
        need = self._filled + len(values)
        if need > len(self._buffer):
            estimate = int(need / max(1, texts_so_far) * self._texts * 1.05)
            grown = np.zeros(max(need, estimate, len(self._buffer) + len(self._buffer) // 4), dtype=self._buffer.dtype)
            grown[:self._filled] = self._buffer[:self._filled]
            self._buffer = grown
        self._buffer[self._filled:need] = values
        self._filled = need

    def values(self) -> NDArray[Any]:
        kept = self._buffer[:self._filled]
        return kept.copy() if len(self._buffer) > 1.1 * self._filled + 1024 else kept
