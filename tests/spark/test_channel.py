"""The band collisions and the rare-word and long-sentence channels as the Spark reuse step runs them
(postings sent to key parts, each key part's findings sent to row parts, put together there), played
here without Spark against the local stage's ``first_holders``, ``anchor_candidates`` and
``sentence_candidates``: the same results, however the articles and keys are cut into parts."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import pytest

from newsdossier.reuse.candidates import ANCHOR_MAX_DOCS_FLOOR, SENTENCE_MAX_DOCS, anchor_candidates, sentence_candidates
from newsdossier.reuse.minhash import first_holders
from newsdossier.spark.reuse import (
    Print,
    _anchor_rows,
    _band_collisions,
    _band_postings,
    _best_anchored,
    _firsts_met,
    _postings,
    _sentence_pairs,
)

NDArrayPair = tuple[np.ndarray, np.ndarray]  # a voice's anchors and sentences


def _voices(seed: int, count: int) -> list[NDArrayPair]:
    """Each voice's anchors and sentences: keys from a small vocabulary (so that voices share many, some
    held by more than the limits allow), distinct per voice as the fingerprints give them."""
    rng = random.Random(seed)
    vocabulary = [rng.getrandbits(32) for _ in range(count * 2)]
    voices = []
    for _ in range(count):
        anchors = sorted(set(rng.sample(vocabulary[: count // 2 + 5], rng.randint(0, 12))))
        sentences = sorted(set(rng.sample(vocabulary, rng.randint(0, 4))))
        voices.append((np.array(anchors, dtype=np.uint32), np.array(sentences, dtype=np.uint32)))
    return voices


def _print(anchors: np.ndarray, sentences: np.ndarray) -> Print:
    return Print(100, 0, np.zeros(4, np.uint32), anchors, sentences, np.zeros(8, np.uint16), 10)


def _shuffled(rows: Iterable[tuple[int, Any]], parts: int) -> list[list[tuple[int, Any]]]:
    """What ``partitionBy(parts, _part)`` does: each (part, value) to the task of its part."""
    tasks: dict[int, list[tuple[int, Any]]] = defaultdict(list)
    for number, value in rows:
        assert 0 <= number < parts
        tasks[number].append((number, value))
    return [tasks[number] for number in range(parts)]


def _key_parts(voices: list[NDArrayPair], field: str, parts: int, rng: random.Random) -> list[list[tuple[int, Any]]]:
    positions = list(range(len(voices)))
    rng.shuffle(positions)  # the voices' partitions hold any of them, in any order
    cut = sorted(rng.sample(range(len(voices) + 1), min(parts - 1, len(voices) + 1)))
    sent: list[tuple[int, Any]] = []
    for lo, hi in zip([0, *cut], [*cut, len(voices)], strict=True):
        rows = [(p, _print(*voices[p])) for p in positions[lo:hi]]
        sent.extend(_postings(rows, field, parts))
    return _shuffled(sent, parts)


def _flat(tasks: Iterable[Iterator[tuple[int, int]]]) -> set[tuple[int, int]]:
    return {pair for task in tasks for pair in task}


def _local(voices: list[NDArrayPair], field: int) -> tuple[np.ndarray, np.ndarray]:
    arrays = [voice[field] for voice in voices]
    offsets = np.zeros(len(arrays) + 1, dtype=np.int64)
    np.cumsum([len(a) for a in arrays], out=offsets[1:])
    values = np.concatenate(arrays) if arrays else np.zeros(0, np.uint32)
    return values, offsets


@pytest.mark.parametrize(("seed", "parts"), [(seed, parts) for seed in range(6) for parts in (1, 2, 5)])
def test_anchor_pairs_are_the_local_stages(seed: int, parts: int) -> None:
    count = 120
    voices = _voices(seed, count)
    limit = ANCHOR_MAX_DOCS_FLOOR  # the limit a pile of this size gets
    key_tasks = _key_parts(voices, "anchors", parts, random.Random(seed))
    rows = [row for task in key_tasks for row in _anchor_rows(task, count, limit, parts)]
    spark = _flat(_best_anchored(task, count) for task in _shuffled(rows, parts))
    local = {tuple(pair) for pair in anchor_candidates(*_local(voices, 0)).tolist()}
    assert local  # the pile shares anchors: the comparison has something to compare
    assert spark == local


@pytest.mark.parametrize(("seed", "parts"), [(seed, parts) for seed in range(6) for parts in (1, 3)])
def test_sentence_pairs_are_the_local_stages(seed: int, parts: int) -> None:
    count = 150
    voices = _voices(seed, count)
    key_tasks = _key_parts(voices, "sentences", parts, random.Random(seed))
    spark = _flat(_sentence_pairs(task, count) for task in key_tasks)
    local = {tuple(pair) for pair in sentence_candidates(*_local(voices, 1)).tolist()}
    assert local
    assert spark == local


def test_a_key_held_by_more_voices_than_the_limit_pairs_nobody() -> None:
    shared = np.array([7, 8, 9], dtype=np.uint32)
    voices = [(shared, np.zeros(0, np.uint32)) for _ in range(SENTENCE_MAX_DOCS + 1)]
    rows = [row for task in _key_parts(voices, "anchors", 2, random.Random(0))
            for row in _anchor_rows(task, len(voices), SENTENCE_MAX_DOCS, 2)]
    assert _flat(_best_anchored(task, len(voices)) for task in _shuffled(rows, 2)) == set()
    rows = [row for task in _key_parts(voices, "anchors", 2, random.Random(0))
            for row in _anchor_rows(task, len(voices), len(voices), 2)]
    assert len(_flat(_best_anchored(task, len(voices)) for task in _shuffled(rows, 2))) > 0


@pytest.mark.parametrize(("seed", "parts"), [(seed, parts) for seed in range(6) for parts in (1, 2, 5)])
def test_band_collisions_are_the_local_stages(seed: int, parts: int) -> None:
    """Each article's earlier band collisions, in the order of the first band each is met in, as
    ``minhash.first_holders`` gives them: keys from a few values, so articles collide in several bands
    and with several earlier articles."""
    rng = np.random.default_rng(seed)
    count, bands = 90, 6
    keys = rng.integers(0, 12, size=(count, bands)).astype(np.uint32)
    positions, firsts = first_holders(keys, np.arange(count, dtype=np.int64))
    local: dict[int, list[int]] = defaultdict(list)
    for position, first in zip(positions.tolist(), firsts.tolist(), strict=True):
        local[position].append(first)
    order = list(range(count))
    random.Random(seed).shuffle(order)
    sent = [row for lo in range(0, count, 25) for row in _band_postings(
        [(i, _print_with_bands(keys[i])) for i in order[lo:lo + 25]], parts)]
    collisions = [row for task in _shuffled(sent, parts) for row in _band_collisions(task, parts)]
    spark = dict(row for task in _shuffled(collisions, parts) for row in _firsts_met(task))
    assert len(local) > count // 2 and any(len(found) > 2 for found in local.values())
    assert spark == dict(local)


def _print_with_bands(bands: np.ndarray) -> Print:
    return Print(100, 0, bands, np.zeros(0, np.uint32), np.zeros(0, np.uint32), np.zeros(8, np.uint16), 10)


def test_prints_cross_a_shuffle_whole() -> None:
    """A ``Print`` is pickled with its arrays as bytes; it comes back equal, with the same types."""
    import pickle

    sent = Print(120, 2**63 + 5, np.arange(4, dtype=np.uint32), np.array([7, 2**32 - 1], np.uint32),
                 np.zeros(0, np.uint32), np.arange(3, dtype=np.uint16), 9)
    back = pickle.loads(pickle.dumps(sent))
    assert (back.words, back.digest, back.content_words) == (120, 2**63 + 5, 9)
    for name in ("bands", "anchors", "sentences", "sketch"):
        assert getattr(back, name).dtype == getattr(sent, name).dtype
        assert getattr(back, name).tolist() == getattr(sent, name).tolist()
