"""Word sketches: the containment they estimate, against the exact share of shared words."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdossier.reuse.candidates import MIN_WORD_CONTAINMENT, worth_aligning
from newsdossier.reuse.fingerprint import Fingerprinter
from newsdossier.reuse.hashing import fmix64
from newsdossier.reuse.minhash import SKETCH_EMPTY, estimate_containment, word_sketches

WORD_SETS = st.lists(st.sets(st.integers(0, 2**64 - 1), max_size=300), min_size=1, max_size=8)


def sketched(sets: list[set[int]]) -> tuple[np.ndarray, np.ndarray]:
    """The sets sketched in one call, their members in a scrambled order, each member mixed as
    word hashes are (the sketch takes a hash's bits as uniform)."""
    hashes = fmix64(np.array([h for s in sets for h in s], dtype=np.uint64))
    owners = np.array([k for k, s in enumerate(sets) for _ in s], dtype=np.int64)
    order = np.random.default_rng(0).permutation(len(hashes))
    return word_sketches(hashes[order], owners[order], len(sets))


def estimate(sketches: np.ndarray, sizes: np.ndarray, a: int, b: int) -> float:
    return float(estimate_containment(sketches, sizes, np.array([a]), np.array([b]))[0])


@settings(max_examples=100, deadline=None)
@given(WORD_SETS)
def test_a_set_is_sketched_alike_with_any_company(sets: list[set[int]]) -> None:
    sketches, sizes = sketched(sets)
    for index, words in enumerate(sets):
        alone, size = sketched([words])
        assert sizes[index] == size[0] == len(words)
        assert np.array_equal(sketches[index], alone[0])
        mixed = fmix64(np.array(sorted(words), dtype=np.uint64))
        assert (sketches[index] != SKETCH_EMPTY).sum() == len(set((mixed >> np.uint64(58)).tolist()))


@settings(max_examples=100, deadline=None)
@given(st.sets(st.integers(0, 2**64 - 1), min_size=1, max_size=300), st.data())
def test_an_excerpt_is_never_dropped(words: set[int], data: st.DataObject) -> None:
    """A subset scores 1.0, or cannot be judged when the larger set wins every bin it is in
    (a few words beside many): either way it is aligned."""
    part = data.draw(st.sets(st.sampled_from(sorted(words)), min_size=1))
    sketches, sizes = sketched([words, part])
    score = estimate(sketches, sizes, 0, 1)
    assert score == 1.0 or (np.isnan(score) and len(part) < len(words))
    assert np.array_equal(estimate(sketches, sizes, 1, 0), score, equal_nan=True)
    assert worth_aligning(np.array([0, 1]), np.array([1, 0]), sketches, sizes).all()


def test_texts_without_a_shared_word_score_zero() -> None:
    rng = np.random.default_rng(3)
    for size in (1, 5, 50, 300):
        pool = rng.permutation(10**6)[:size + 200].tolist()
        sketches, sizes = sketched([set(pool[:size]), set(pool[size:])])
        assert estimate(sketches, sizes, 0, 1) == 0.0


def test_a_text_without_words_cannot_be_judged() -> None:
    sketches, sizes = sketched([set(), {1, 2, 3}])
    assert np.isnan(estimate(sketches, sizes, 0, 1))
    assert worth_aligning(np.array([0]), np.array([1]), sketches, sizes).tolist() == [True]


@pytest.mark.parametrize(("small", "large"), [(150, 150), (60, 300), (30, 400)])
def test_the_estimate_follows_the_exact_share(small: int, large: int) -> None:
    """Over 400 random pairs per size, shares 0.1 to 1.0: unbiased, with the error the bins allow."""
    rng = np.random.default_rng(small + large)
    errors = []
    for share in np.linspace(0.1, 1.0, 400):
        shared = round(share * small)
        pool = rng.integers(0, 2**64 - 1, small + large, dtype=np.uint64, endpoint=True)
        a, b = set(pool[:small].tolist()), set(pool[small - shared:small - shared + large].tolist())
        sketches, sizes = sketched([a, b])
        errors.append(estimate(sketches, sizes, 0, 1) - len(a & b) / min(len(a), len(b)))
    errors_ = np.array(errors)
    undecided = np.isnan(errors_)  # no bin where the smaller set decides: such a pair is aligned
    assert undecided.mean() < (0.005 if small >= 60 else 0.03)
    errors_ = errors_[~undecided]
    assert abs(errors_.mean()) < 0.02
    # The binomial error of the d bins that decide, d ~ 64 |A| / |A | B|: over shares c from 0.1
    # to 1, the root mean square of sqrt(c (1 - c) / d) is 0.05-0.07 for two sets of 150
    # (d = 32-64), 0.11 for 60 words beside 300 (d ~ 12), 0.18 for 30 beside 400 (d ~ 4.6).
    assert np.sqrt((errors_ ** 2).mean()) < {150: 0.08, 60: 0.14, 30: 0.24}[small]


def _text(rng: np.random.Generator, vocabulary: list[str], words: int) -> list[str]:
    return [vocabulary[k] for k in rng.integers(0, len(vocabulary), words)]


def test_spun_rewrites_are_kept_and_independent_reports_dropped() -> None:
    """Texts of 400 words from one 3,000-word vocabulary share about a sixth of their words;
    a rewrite with 30 % of its words replaced by others of the vocabulary keeps most."""
    rng = np.random.default_rng(7)
    vocabulary = [f"w{k}x" for k in range(3000)]
    originals = [_text(rng, vocabulary, 400) for _ in range(200)]
    rewrites = [[vocabulary[rng.integers(3000)] if rng.random() < 0.3 else w for w in text] for text in originals]
    batch = Fingerprinter()([" ".join(t) for t in originals + rewrites])
    originals_, rewrites_ = np.arange(200), np.arange(200, 400)
    assert worth_aligning(originals_, rewrites_, batch.sketches, batch.content_words).all()
    kept = worth_aligning(originals_, np.roll(originals_, 1), batch.sketches, batch.content_words).mean()
    assert kept < 0.05, f"{kept:.0%} of independent pairs above {MIN_WORD_CONTAINMENT}"
