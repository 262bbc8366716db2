"""Candidate channels at scale: the vectorised forms agree with plain reference versions."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdossier.clean import clean, prepare
from newsdossier.model import Format, RawDocument, SourceHints
from newsdossier.reuse import find_reuse
from newsdossier.reuse.candidates import (
    ANCHOR_MAX_DOCS_FLOOR,
    MAX_PARTNERS,
    MIN_SHARED_ANCHORS,
    MIN_SHARED_SHARE,
    PAIR_WINDOW,
    SENTENCE_MAX_DOCS,
    anchor_candidates,
    sentence_candidates,
)
from newsdossier.reuse.fingerprint import fingerprint_all
from newsdossier.reuse.minhash import BandIndex, first_holders

KEY_SETS = st.lists(st.sets(st.integers(0, 30), max_size=12), max_size=40)


def as_arrays(sets: list[set[int]]) -> list[np.ndarray]:
    return [np.array(sorted(s), dtype=np.uint64) for s in sets]


def reference_anchor_pairs(sets: list[set[int]]) -> list[tuple[int, int]]:
    """The dictionary-of-pairs version the channel started as, with the window: each holder of a
    word is paired with the next ``PAIR_WINDOW`` holders (every pair, for words of few holders)."""
    postings: dict[int, list[int]] = defaultdict(list)
    for index, keys in enumerate(sets):
        for key in keys:
            postings[key].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for holders in postings.values():
        if 1 < len(holders) <= ANCHOR_MAX_DOCS_FLOOR:
            shared.update((a, b) for n, a in enumerate(holders) for b in holders[n + 1:n + 1 + PAIR_WINDOW])
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
    assert anchor_candidates(as_arrays(sets)) == reference_anchor_pairs(sets)


@settings(max_examples=200, deadline=None)
@given(KEY_SETS)
def test_sentence_channel_pairs_every_shared_sentence(sets: list[set[int]]) -> None:
    holders: dict[int, list[int]] = defaultdict(list)
    for index, keys in enumerate(sets):
        for key in keys:
            holders[key].append(index)
    expected = sorted({(a, b) for h in holders.values() if 1 < len(h) <= SENTENCE_MAX_DOCS
                       for n, a in enumerate(h) for b in h[n + 1:]})
    assert sentence_candidates(as_arrays(sets)) == expected


def test_an_anchor_held_by_too_many_articles_pairs_nobody() -> None:
    sets = [{1, 2, 100 + n} for n in range(ANCHOR_MAX_DOCS_FLOOR + 1)]  # 1 and 2 held by 51 articles
    assert anchor_candidates(as_arrays(sets)) == []
    assert anchor_candidates(as_arrays(sets[:10]))  # the same words among 10 articles do pair them


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.integers(0, 3), min_size=4, max_size=4), max_size=30))
def test_sorted_banding_matches_the_band_index(rows: list[list[int]]) -> None:
    keys = np.array(rows, dtype=np.uint64).reshape(len(rows), 4)
    positions, _, firsts = first_holders(keys, np.arange(len(rows), dtype=np.int64))
    index = BandIndex(bands=4, num_perm=4)
    for position, row in enumerate(keys):
        expected = list(index.add(position, row))
        found = list(dict.fromkeys(firsts[positions == position].tolist()))
        assert found == expected


def test_fingerprints_do_not_depend_on_the_number_of_processes() -> None:
    words = "strike convoy airport Baghdad Soleimani Muhandis militia drone parliament vote troops".split()
    texts = [" ".join(words[(n + k) % len(words)] for k in range(40)) + f". Item {n} ends here." for n in range(1200)]
    one, two = fingerprint_all(texts, workers=1), fingerprint_all(texts, workers=2, count=len(texts))
    for field in one.__slots__:
        assert np.array_equal(getattr(one, field), getattr(two, field)), field


def test_reuse_does_not_depend_on_the_number_of_processes() -> None:
    pile = Path(__file__).resolve().parents[2] / "demo" / "pile"
    articles = []
    for path in sorted(pile.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        raw = RawDocument(path.name, None, Format.TEXT, "text/plain", text.encode(), "utf-8", text, SourceHints())
        articles.append(clean(prepare(raw)))
    one, two = find_reuse(articles, workers=1), find_reuse(articles, workers=2)
    assert one.links and one.links == two.links
