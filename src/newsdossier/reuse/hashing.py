"""64-bit hashes of many words (or runs of words) at once, with numpy.

Fingerprinting a pile hashes every word of every text. One call per word (CRC32, BLAKE2b,
a dictionary cache) costs more than the MinHash itself, so words are hashed as segments
of one buffer: the tokens of a whole chunk of texts joined by a separator byte.

* A word's first 24 bytes are read as three 64-bit lanes (zero past its end), mixed
  with its length and put through the MurmurHash3 finaliser; the rest of a longer word is
  hashed the same way and folded in. No per-byte arithmetic: a chunk of 500 texts hashes
  in a few milliseconds.
* Runs of word hashes (sentences, whole texts) use a polynomial prefix sum: for a run
  ``[s, e)`` of values ``v``, ``sum(v[k] * P**(k - s)) = (prefix[e] - prefix[s]) * P**-s``
  mod 2**64 (P odd, so invertible), then the finaliser.

Pure arithmetic: the same word gets the same hash in every process and every run, which
the candidate channels need (worker processes must agree).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy as np
from numpy.typing import NDArray

__all__ = ["SEPARATOR", "HashSet", "byte_tokens", "count_in_segments", "fmix64", "fold32", "run_hashes",
           "segment_hashes", "split_tokens", "token_spans", "word_hashes"]

SEPARATOR: Final = "\x1f"  # never inside a word: the word pattern matches no control character
_RUN_BASE: Final = 0xC2B2AE3D27D4EB4F  # odd: invertible mod 2^64
_U64 = np.uint64


class _Powers:
    """base**k and base**-k mod 2^64 for k < n, grown on demand (doubling)."""

    def __init__(self, base: int) -> None:
        self.base = base
        self.inverse = pow(base, -1, 1 << 64)
        self.forward = np.ones(1, dtype=np.uint64)
        self.backward = np.ones(1, dtype=np.uint64)

    def upto(self, n: int) -> tuple[NDArray[np.uint64], NDArray[np.uint64]]:
        if len(self.forward) < n:
            size = max(n, 2 * len(self.forward), 1 << 16)
            self.forward = self._powers(self.base, size)
            self.backward = self._powers(self.inverse, size)
        return self.forward[:n], self.backward[:n]

    @staticmethod
    def _powers(base: int, size: int) -> NDArray[np.uint64]:
        result = np.ones(size, dtype=np.uint64)
        if size > 1:  # integer cumprod wraps mod 2^64, exactly what the hash needs
            result[1:] = np.cumprod(np.full(size - 1, base, dtype=np.uint64), dtype=np.uint64)
        return result


_RUNS = _Powers(_RUN_BASE)


def fmix64(values: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """MurmurHash3's 64-bit finaliser, in place on a copy."""
    h = values.copy()
    with np.errstate(over="ignore"):
        h ^= h >> _U64(33)
        h *= _U64(0xFF51AFD7ED558CCD)
        h ^= h >> _U64(33)
        h *= _U64(0xC4CEB9FE1A85EC53)
        h ^= h >> _U64(33)
    return h


_WIDTH: Final = 24  # bytes of a word gathered at once: three 64-bit lanes
_LANES: Final = tuple(np.uint64(k) for k in (0x87C37B91114253D5, 0x4CF5AD432745937F, 0x52DCE729DA3ED7B5))
_LENGTH_MIX: Final = np.uint64(0x9E3779B97F4A7C15)
_ALL_ONES: Final = (1 << 64) - 1


def _lanes(buffer: NDArray[np.uint8], starts: NDArray[np.int64], ends: NDArray[np.int64]) -> list[NDArray[np.uint64]]:
    """Each token's bytes 8k..8k+8 as a little-endian 64-bit integer (zero past its end), k < 3."""
    padded = np.concatenate([buffer, np.zeros(_WIDTH + 8, dtype=np.uint8)])
    # An unaligned view: element i is the 8 bytes from byte i. numpy reads it byte-safely.
    words = np.ndarray(shape=(len(padded) - 7,), dtype=np.uint64, buffer=padded, strides=(1,))
    lengths = ends - starts
    lanes = []
    for lane in range(_WIDTH // 8):
        kept = np.clip(lengths - 8 * lane, 0, 8).astype(np.uint64)
        with np.errstate(over="ignore"):
            mask = np.where(kept >= 8, np.uint64(_ALL_ONES), (np.uint64(1) << (np.uint64(8) * kept)) - np.uint64(1))
        lanes.append(np.bitwise_and(words[starts + 8 * lane], mask, dtype=np.uint64))
    return lanes


def segment_hashes(buffer: NDArray[np.uint8], starts: NDArray[np.int64], ends: NDArray[np.int64]) -> NDArray[np.uint64]:
    """The hash of each byte segment ``buffer[starts[i]:ends[i]]``."""
    if len(starts) == 0:
        return np.zeros(0, dtype=np.uint64)
    lengths = (ends - starts).astype(np.uint64)
    with np.errstate(over="ignore"):
        mixed = lengths * _LENGTH_MIX
        for lane, multiplier in zip(_lanes(buffer, starts, ends), _LANES, strict=True):
            mixed += lane * multiplier
    hashes = fmix64(mixed)
    longer = np.flatnonzero(ends - starts > _WIDTH)
    if len(longer):  # fold in the rest of long words (rare: URLs, compounds), 24 bytes at a time
        rest = segment_hashes(buffer, starts[longer] + _WIDTH, ends[longer])
        with np.errstate(over="ignore"):
            hashes[longer] = fmix64(hashes[longer] ^ (rest * _LANES[0]))
    return hashes


def count_in_segments(flags: NDArray[np.bool_], starts: NDArray[np.int64], ends: NDArray[np.int64]) -> NDArray[np.int64]:
    """How many flagged bytes each segment ``[starts[i], ends[i])`` holds."""
    running = np.zeros(len(flags) + 1, dtype=np.int32)
    np.cumsum(flags, dtype=np.int32, out=running[1:])
    return (running[ends] - running[starts]).astype(np.int64)


def run_hashes(hashes: NDArray[np.uint64], starts: NDArray[np.int64], ends: NDArray[np.int64]) -> NDArray[np.uint64]:
    """The hash of each run ``hashes[starts[i]:ends[i]]`` of word hashes (order matters)."""
    forward, backward = _RUNS.upto(len(hashes) + 1)
    prefix = np.zeros(len(hashes) + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        np.cumsum(hashes * forward[:len(hashes)], out=prefix[1:])
        raw = (prefix[ends] - prefix[starts]) * backward[starts]
        raw += (ends - starts).astype(np.uint64) * _LENGTH_MIX  # the length: a run and the run + a zero differ
    return fmix64(raw)


def split_tokens(joined: str) -> tuple[NDArray[np.uint8], NDArray[np.int64], NDArray[np.int64]]:
    """Tokens joined by ``SEPARATOR`` -> (UTF-8 bytes, token starts, token ends)."""
    buffer = np.frombuffer(joined.encode("utf-8"), dtype=np.uint8)
    if len(buffer) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return buffer, empty, empty
    separators = np.flatnonzero(buffer == ord(SEPARATOR))
    starts = np.concatenate([np.zeros(1, dtype=np.int64), separators + 1])
    ends = np.concatenate([separators, np.array([len(buffer)], dtype=np.int64)])
    return buffer, starts, ends


# Bytes that make up words in ``byte_tokens``: lower-case ASCII letters, digits, "_" and every
# byte of a non-ASCII character (UTF-8 bytes from 0x80 on).
_WORD_BYTE: Final = np.zeros(256, dtype=bool)
_WORD_BYTE[[ord(c) for c in "abcdefghijklmnopqrstuvwxyz0123456789_"]] = True
_WORD_BYTE[0x80:] = True
_APOSTROPHE: Final = ord("'")


def byte_tokens(pieces: Sequence[str], mark: str | None = None) -> tuple[
        NDArray[np.uint8], NDArray[np.int64], NDArray[np.int64], NDArray[np.int64]]:
    """The tokens of many texts at once -> (UTF-8 bytes, token starts, token ends, token's text).

    A token is a maximal run of word bytes (``_WORD_BYTE``), joined across a single
    apostrophe between two of them, or the one-character ``mark`` if given; every other byte
    separates. The pattern ``[a-z0-9_]+(?:'[a-z0-9_]+)*|MARK`` finds the same tokens in
    lower-cased ASCII text, one Python string per word; this finds them with a few passes
    of numpy over all the texts' bytes (``tokens.marked_text`` prepares a text for it).
    """
    # surrogatepass: a lone surrogate (text decoded with surrogateescape) is bytes like any other
    buffer = np.frombuffer("\n".join(pieces).encode("utf-8", "surrogatepass"), dtype=np.uint8)
    sizes = np.fromiter((len(p) if p.isascii() else len(p.encode("utf-8", "surrogatepass")) for p in pieces),
                        dtype=np.int64, count=len(pieces))
    _, starts, ends = token_spans(buffer, mark)
    piece_ends = np.cumsum(sizes + 1) - 1  # the byte after each text (its "\n")
    return buffer, starts, ends, np.searchsorted(piece_ends, starts)


def token_spans(buffer: NDArray[np.uint8], mark: str | None = None) -> tuple[
        NDArray[np.bool_], NDArray[np.int64], NDArray[np.int64]]:
    """``byte_tokens`` of one buffer -> (which bytes are in a word, token starts, token ends)."""
    word = _WORD_BYTE[buffer]
    if len(buffer) > 2:
        word[1:-1] |= (buffer[1:-1] == _APOSTROPHE) & word[:-2] & word[2:]
    edge = np.zeros(len(buffer) + 1, dtype=bool)  # edge[k]: word[k] != word[k - 1], False outside
    edge[1:-1] = word[1:] != word[:-1]
    edge[0], edge[-1] = word[:1].any(), word[-1:].any()
    opens, closes = edge[:-1] & word, edge[1:] & word
    if mark is not None:
        marks = buffer == ord(mark)
        opens |= marks
        closes |= marks
    return word, np.flatnonzero(opens), np.flatnonzero(closes) + 1


def fold32(values: NDArray[np.uint64]) -> NDArray[np.uint32]:
    """64-bit hashes folded to 32 bits (high half xor low half): half the memory, where a rare
    collision of two keys only costs an extra candidate that alignment then rejects."""
    return (values ^ (values >> _U64(32))).astype(np.uint32)


def word_hashes(forms: Sequence[str]) -> NDArray[np.uint64]:
    """The hash of each word, as the fingerprints compute it for a whole chunk of texts."""
    if not forms:
        return np.zeros(0, dtype=np.uint64)
    buffer, starts, ends = split_tokens(SEPARATOR.join(forms))
    return segment_hashes(buffer, starts, ends)


class HashSet:
    """A fixed set of 64-bit hashes with a vectorised membership test.

    Open addressing in a table eight times larger than the set, indexed by the top bits:
    nearly every look-up ends at its first slot, so ``contains`` is two or three passes over
    the queries (``np.searchsorted`` in a sorted array did fourteen random probes each).
    """

    def __init__(self, hashes: NDArray[np.uint64]) -> None:
        distinct = np.unique(hashes[hashes != 0])  # 0 marks an empty slot
        self._bits = max(4, int(len(distinct) * 8 - 1).bit_length())
        self._table = np.zeros(1 << self._bits, dtype=np.uint64)
        self._shift = np.uint64(64 - self._bits)
        mask = (1 << self._bits) - 1
        table = self._table
        for value in distinct.tolist():
            slot = value >> (64 - self._bits)
            while table[slot]:
                slot = (slot + 1) & mask
            table[slot] = value
        self.size = len(distinct)

    def __len__(self) -> int:
        return self.size

    @property
    def capacity(self) -> int:
        """Slots in the table: ``slots`` returns numbers below this."""
        return len(self._table)

    def contains(self, queries: NDArray[np.uint64]) -> NDArray[np.bool_]:
        return self.slots(queries) >= 0

    def slots(self, queries: NDArray[np.uint64]) -> NDArray[np.int64]:
        """The slot holding each query, -1 for a query not in the set: an index for arrays of
        per-member facts (``fingerprint._Lexicon``)."""
        found = np.full(len(queries), -1, dtype=np.int64)
        pending = np.arange(len(queries))
        slots = (queries >> self._shift).astype(np.int64)
        mask = (1 << self._bits) - 1
        while len(pending):
            held = self._table[slots]
            hit = held == queries[pending]
            found[pending[hit]] = slots[hit]
            going = ~hit & (held != 0)  # another value sits here: probe the next slot
            pending, slots = pending[going], (slots[going] + 1) & mask
        return found
