"""Candidate channels at scale: the vectorised forms agree with plain reference versions."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdossier.clean import clean, prepare
from newsdossier.model import Format, RawDocument, SourceHints
from newsdossier.reuse import candidates, find_reuse
from newsdossier.reuse.candidates import (
    ANCHOR_MAX_DOCS_FLOOR,
    MAX_PARTNERS,
    MIN_SHARED_ANCHORS,
    MIN_SHARED_SHARE,
    SENTENCE_MAX_DOCS,
    anchor_candidates,
    sentence_candidates,
    union,
)
from newsdossier.reuse.fingerprint import fingerprint_all
from newsdossier.reuse.minhash import BandIndex, first_holders

KEY_SETS = st.lists(st.sets(st.integers(0, 30), max_size=12), max_size=40)


def as_arrays(sets: list[set[int]], dtype: type = np.uint64) -> tuple[np.ndarray, np.ndarray]:
    """The sets as the fingerprints lay them out: values, and per-set offsets."""
    values = np.array([k for s in sets for k in sorted(s)], dtype=dtype)
    return values, np.concatenate([[0], np.cumsum([len(s) for s in sets])]).astype(np.int64)


def pairs(found: np.ndarray) -> list[tuple[int, int]]:
    assert found.dtype == np.int64 and found.shape[1:] == (2,)
    return [tuple(p) for p in found.tolist()]


def reference_anchor_pairs(sets: list[set[int]]) -> list[tuple[int, int]]:
    """The dictionary-of-pairs version the channel started as: every pair of holders of a word
    held by 2 to ``ANCHOR_MAX_DOCS_FLOOR`` articles counts it."""
    postings: dict[int, list[int]] = defaultdict(list)
    for index, keys in enumerate(sets):
        for key in keys:
            postings[key].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for holders in postings.values():
        if 1 < len(holders) <= ANCHOR_MAX_DOCS_FLOOR:
            shared.update((a, b) for n, a in enumerate(holders) for b in holders[n + 1:])
    partners: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (a, b), count in shared.items():
        if count >= MIN_SHARED_ANCHORS and count >= MIN_SHARED_SHARE * min(len(sets[a]), len(sets[b])):
            partners[a].append((count, b))
            partners[b].append((count, a))
    chosen = {(min(i, o), max(i, o)) for i, options in partners.items()
              for _, o in sorted(options, reverse=True)[:MAX_PARTNERS]}
    return sorted(chosen)


@settings(max_examples=200, deadline=None)
@given(KEY_SETS)
def test_anchor_channel_matches_the_reference(sets: list[set[int]]) -> None:
    assert pairs(anchor_candidates(*as_arrays(sets))) == reference_anchor_pairs(sets)
    assert pairs(anchor_candidates(*as_arrays(sets, np.uint32))) == reference_anchor_pairs(sets)


@settings(max_examples=100, deadline=None)
@given(KEY_SETS, st.data())
def test_a_selection_of_rows_is_the_channel_over_those_sets(sets: list[set[int]], data: st.DataObject) -> None:
    rows = sorted(data.draw(st.sets(st.integers(0, max(0, len(sets) - 1)), max_size=len(sets)))) if sets else []
    values, offsets = as_arrays(sets)
    chosen = pairs(anchor_candidates(values, offsets, np.array(rows, dtype=np.int64)))
    assert chosen == reference_anchor_pairs([sets[r] for r in rows])


def test_keys_spread_over_every_key_range_are_counted_once() -> None:
    # Hashes are cut into ranges by their top bits before sorting; a pair sharing keys of
    # different ranges still counts them all.
    rng = np.random.default_rng(5)
    keys = rng.integers(0, 2**63, 40, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    sets = [set(keys[:6].tolist()) | {int(keys[10 + n])} for n in range(3)] + [set(keys[20:26].tolist())]
    values, offsets = as_arrays(sets)
    assert pairs(anchor_candidates(values, offsets)) == [(0, 1), (0, 2), (1, 2)]


def test_work_is_cut_into_blocks_without_changing_the_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    sets = [{n % 7, 100 + n % 5, 200 + n % 3} for n in range(60)]
    whole = pairs(anchor_candidates(*as_arrays(sets)))
    monkeypatch.setattr(candidates, "_BLOCK_WORK", 5)
    assert pairs(anchor_candidates(*as_arrays(sets))) == whole == reference_anchor_pairs(sets)


@settings(max_examples=200, deadline=None)
@given(KEY_SETS)
def test_sentence_channel_pairs_every_shared_sentence(sets: list[set[int]]) -> None:
    holders: dict[int, list[int]] = defaultdict(list)
    for index, keys in enumerate(sets):
        for key in keys:
            holders[key].append(index)
    expected = sorted({(a, b) for h in holders.values() if 1 < len(h) <= SENTENCE_MAX_DOCS
                       for n, a in enumerate(h) for b in h[n + 1:]})
    assert pairs(sentence_candidates(*as_arrays(sets))) == expected


@settings(max_examples=100, deadline=None)
@given(KEY_SETS, st.integers(0, 2**32))
def test_a_kept_channel_is_the_channel_filtered(sets: list[set[int]], seed: int) -> None:
    """``keep`` only drops pairs: the same as filtering the channel's output afterwards."""
    values, offsets = as_arrays(sets)
    liked = np.random.default_rng(seed).random((len(sets), len(sets))) < 0.5

    def keep(i: np.ndarray, j: np.ndarray) -> np.ndarray:
        assert (i < j).all()
        return liked[i, j]

    for channel in (anchor_candidates, sentence_candidates):
        every = pairs(channel(values, offsets))
        assert pairs(channel(values, offsets, keep=keep)) == [(i, j) for i, j in every if liked[i, j]]


@pytest.mark.parametrize("keys", [127, 128, 300])
def test_shared_counts_do_not_overflow_the_narrow_type(keys: int) -> None:
    """The ones are stored in the narrowest integer type that holds any article's key count:
    two articles sharing all of their 127, 128 or 300 keys count every one."""
    sets = [set(range(keys)), set(range(keys)), {0, 1}]
    counts = {(lo + r, c): v for lo, block in candidates.shared_counts(candidates._incidence(*as_arrays(sets), None, 10))
              for r, c, v in zip(block.row.tolist(), block.col.tolist(), block.data.tolist(), strict=True)}
    assert counts[(0, 1)] == counts[(1, 0)] == keys and counts[(0, 2)] == 2


def test_the_union_of_channels_is_sorted_and_distinct() -> None:
    a = np.array([[0, 5], [2, 3]], dtype=np.int64)
    b = np.array([[2, 3], [1, 9], [0, 1]], dtype=np.int64)
    assert pairs(union(a, b)) == [(0, 1), (0, 5), (1, 9), (2, 3)]
    assert pairs(union(a[:0], b[:0])) == []


def test_an_anchor_held_by_too_many_articles_pairs_nobody() -> None:
    sets = [{1, 2, 100 + n} for n in range(ANCHOR_MAX_DOCS_FLOOR + 1)]  # 1 and 2 held by 51 articles
    assert pairs(anchor_candidates(*as_arrays(sets))) == []
    assert pairs(anchor_candidates(*as_arrays(sets[:10])))  # the same words among 10 articles do pair them


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.integers(0, 3), min_size=4, max_size=4), max_size=30))
def test_sorted_banding_matches_the_band_index(rows: list[list[int]]) -> None:
    keys = np.array(rows, dtype=np.uint64).reshape(len(rows), 4)
    positions, firsts = first_holders(keys, np.arange(len(rows), dtype=np.int64))
    index = BandIndex(bands=4, num_perm=4)
    for position, row in enumerate(keys):
        expected = list(index.add(position, row))
        assert firsts[positions == position].tolist() == expected
    assert (np.diff(positions) >= 0).all()


@pytest.mark.quality  # slow: processes, big inputs or benchmark data (make quality)
def test_fingerprints_do_not_depend_on_the_number_of_processes() -> None:
    words = "strike convoy airport Baghdad Soleimani Muhandis militia drone parliament vote troops".split()
    texts = [" ".join(words[(n + k) % len(words)] for k in range(40)) + f". Item {n} ends here." for n in range(1200)]
    one, two = fingerprint_all(texts, workers=1), fingerprint_all(texts, workers=2, count=len(texts))
    for field in one.__slots__:
        assert np.array_equal(getattr(one, field), getattr(two, field)), field


@pytest.mark.quality  # slow: processes, big inputs or benchmark data (make quality)
def test_reuse_does_not_depend_on_the_number_of_processes() -> None:
    pile = Path(__file__).resolve().parents[2] / "demo" / "pile"
    articles = []
    for path in sorted(pile.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        raw = RawDocument(path.name, None, Format.TEXT, "text/plain", text.encode(), "utf-8", text, SourceHints())
        articles.append(clean(prepare(raw)))
    one, two = find_reuse(articles, workers=1), find_reuse(articles, workers=2)
    assert one.links and one.links == two.links
