"""Sentence-pair reuse features and model: small functions by table, symmetry by property,
the bundled model on hand-made pairs, and the model file format."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdossier.errors import ConfigError
from newsdossier.reuse.pairs import (
    FEATURE_NAMES,
    MODEL_FILE,
    PairModel,
    TreeEnsemble,
    bundled_pair_model,
    greedy_alignment,
    is_reuse,
    pair_feature_matrix,
    pair_features,
    profile_text,
    sequence_similarity,
    set_overlap,
    weighted_overlap,
)

MAX_MODEL_BYTES = 2 * 1024 * 1024  # it ships in the wheel

ORIGINAL = "The minister resigned on Friday after weeks of pressure over the budget scandal."
SPUN = "The minister quit on Friday after weeks of strain over the budget scandal."
UNRELATED = "Heavy rain is expected across the north of the country this weekend."

# --- small functions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        ({"a", "b"}, {"a", "b"}, (1.0, 1.0, 1.0)),
        ({"a", "b"}, {"c"}, (0.0, 0.0, 0.0)),
        # 1 shared of 2 and of 4: Jaccard 1/5, containments 1/4 and 1/2
        ({"a", "b"}, {"a", "c", "d", "e"}, (0.2, 0.25, 0.5)),
        (set(), set(), (1.0, 1.0, 1.0)),
        (set(), {"a"}, (0.0, 0.0, 0.0)),
    ],
)
def test_set_overlap(x: set[str], y: set[str], expected: tuple[float, float, float]) -> None:
    assert set_overlap(frozenset(x), frozenset(y)) == pytest.approx(expected)


def test_weighted_overlap_counts_rare_shared_words_more() -> None:
    rare = weighted_overlap(frozenset({"the", "kabul"}), frozenset({"a", "kabul"}))
    common = weighted_overlap(frozenset({"the", "kabul"}), frozenset({"the", "herat"}))
    assert rare[0] > 0.5 > common[0]


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        ("a b c d", "a b c d", (1.0, 1.0, 1.0)),
        ("a b c d", "a x c d", (0.75, 0.75, 0.75)),
        ("a b c d", "d c b a", (0.25, 0.25, 0.0)),
        ("a b", "a b c d", (0.5, 1.0, 0.5)),
        ("", "a", (0.0, 0.0, 0.0)),
    ],
)
def test_sequence_similarity(x: str, y: str, expected: tuple[float, float, float]) -> None:
    assert sequence_similarity(x.split(), y.split()) == pytest.approx(expected)


def test_greedy_alignment_is_one_to_one_best_first() -> None:
    sim = np.array([[100, 90, 0], [95, 85, 0], [0, 0, 50]], dtype=np.uint8)
    # (0,0)=100 first; then row 1 can only take column 1 (85); row 2's 50 is below the bar
    assert greedy_alignment(sim) == [(0, 0), (1, 1)]


def test_profile_text_words_and_names() -> None:
    profile = profile_text("Reuters said: Mr. O'Neil paid $2,500 in Paris.")
    assert profile.words[:4] == ("reuters", "said", "mr", "o'neil")
    assert profile.numbers == {"2,500"}
    assert {"mr", "o'neil", "paris"} <= profile.names
    assert "reuters" not in profile.names  # first word: capitalised anyway


# --- the feature vector ------------------------------------------------------------------

_sentences = st.text(alphabet=st.sampled_from(list("abc XYZ.,'?1")), max_size=40)


@given(_sentences, _sentences)
def test_pair_features_are_symmetric_and_finite(a: str, b: str) -> None:
    forward, backward = pair_features(a, b), pair_features(b, a)
    assert forward.shape == (len(FEATURE_NAMES),)
    assert np.isfinite(forward).all()
    assert np.array_equal(forward, backward)


@given(_sentences, _sentences)
def test_overlap_functions_are_symmetric(a: str, b: str) -> None:
    pa, pb = profile_text(a), profile_text(b)
    assert set_overlap(pa.word_set, pb.word_set) == set_overlap(pb.word_set, pa.word_set)
    assert weighted_overlap(pa.word_set, pb.word_set) == pytest.approx(weighted_overlap(pb.word_set, pa.word_set))
    assert sequence_similarity(pa.words, pb.words) == pytest.approx(sequence_similarity(pb.words, pa.words))


def test_feature_matrix_matches_single_pairs() -> None:
    pairs = [(ORIGINAL, SPUN), (ORIGINAL, UNRELATED), (SPUN, ORIGINAL)]
    matrix = pair_feature_matrix(pairs)
    assert matrix.shape == (3, len(FEATURE_NAMES))
    for row, (a, b) in zip(matrix, pairs):
        assert np.array_equal(row, pair_features(a, b))
    assert pair_feature_matrix([]).shape == (0, len(FEATURE_NAMES))


def test_identical_texts_have_full_overlap() -> None:
    features = dict(zip(FEATURE_NAMES, pair_features(ORIGINAL, ORIGINAL)))
    for name in ("word_set.jaccard", "char_grams.jaccard", "sequence.lcs_longer", "alignment.concordance"):
        assert features[name] == 1.0, name


# --- the bundled model -------------------------------------------------------------------


def test_bundled_model_file_ships_and_loads() -> None:
    resource = resources.files("newsdossier.reuse") / "data" / MODEL_FILE
    assert resource.is_file()
    assert len(resource.read_bytes()) < MAX_MODEL_BYTES
    model = bundled_pair_model()
    assert model is bundled_pair_model()  # read once per process
    assert model.notes_["recipe"] == "bench/train_pair_model.py"
    assert model.n_train_ == 10_000 + 3_500  # PAN train + made-up pairs


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (ORIGINAL, ORIGINAL),
        (ORIGINAL, SPUN),
        # a PAN-style spun copy (the first PAN train pair)
        (
            "Hare lays great stress on the necessity of circumcision wherever there is an indication of preputial local irritation.",
            "Hare lays great stress onto the necessity of circumcision wherever there is an sign of preputial locally irritation.",
        ),
        # a wire copy, lightly edited
        (
            "Police in Lyon arrested three men on Tuesday in connection with the robbery, a spokesman said.",
            "Police in Lyon on Tuesday arrested three men in connection with the robbery, a police spokesman said.",
        ),
    ],
)
def test_reuse_is_recognised(a: str, b: str) -> None:
    same, p_reuse = is_reuse(a, b)
    assert same
    assert p_reuse > 0.8


def test_identical_sentences_score_about_one() -> None:
    assert is_reuse(ORIGINAL, ORIGINAL)[1] > 0.97


# Unrelated news sentences of about the anchor's length: PAN has no such pairs, so the
# training recipe adds made-up ones (bench/train_pair_model.py); before that, all of these
# scored > 0.9.
UNRELATED_NEWS = [
    UNRELATED,
    "Shares in the company fell sharply after the quarterly results were published.",
    "Police said the suspect was arrested near the border on Sunday night.",
    "The museum will reopen in March with a new wing devoted to modern art.",
    "Scientists have discovered a new species of frog in the Amazon rainforest.",
    "The central bank left interest rates unchanged for the third month in a row.",
    "Tickets for the final went on sale on Monday and sold out within hours.",
    "A fire broke out in a warehouse on the outskirts of the city late on Thursday.",
    "The team's coach said he was proud of the players despite the defeat.",
    "The cat sat on the mat.",
]


def test_unrelated_sentences_score_low() -> None:
    scores = bundled_pair_model().predict_proba([(ORIGINAL, b) for b in UNRELATED_NEWS])[:, 1]
    assert max(scores) < 0.5, dict(zip(UNRELATED_NEWS, scores.round(3)))
    assert float(np.median(scores)) < 0.05


@pytest.mark.xfail(
    strict=True,
    reason="known limit: PAN labels loose rewrites sharing a few key words as reuse, so two "
    "sentences of the same story (minister, resign, scandal) score as reuse; see bench/train_pair_model.py",
)
def test_same_story_sentences_are_not_reuse() -> None:
    same, _ = is_reuse(ORIGINAL, "Opposition parties had called for the minister to resign over the scandal.")
    assert not same


def test_predict_proba_is_a_distribution_per_pair() -> None:
    proba = bundled_pair_model().predict_proba([(ORIGINAL, SPUN), (ORIGINAL, UNRELATED)])
    assert proba.shape == (2, 2)
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert proba[0, 1] > proba[1, 1]


# --- fitting, saving, loading ------------------------------------------------------------


@pytest.fixture(scope="module")
def tiny_training() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    features = rng.random((200, len(FEATURE_NAMES)))
    labels = (features[:, 0] + 0.3 * features[:, 5] > 0.6).astype(int)
    features[::17, 3] = np.nan  # missing values take the learned side
    return features, labels


def test_tree_ensemble_matches_sklearn(tiny_training: tuple[np.ndarray, np.ndarray]) -> None:
    features, labels = tiny_training
    model = PairModel(max_iter=20, min_samples_leaf=5)
    estimator = model.estimator().fit(features, labels)
    ensemble = TreeEnsemble.from_sklearn(estimator)
    ours = 1 / (1 + np.exp(-ensemble.raw_score(features)))
    assert np.allclose(ours, estimator.predict_proba(features)[:, 1], atol=1e-12)


def test_save_load_round_trip(tiny_training: tuple[np.ndarray, np.ndarray], tmp_path: Path) -> None:
    features, labels = tiny_training
    model = PairModel(max_iter=20, min_samples_leaf=5).fit_features(features, labels)
    path = tmp_path / "model.npz"
    model.save(path, notes={"why": "test"})
    loaded = PairModel.load(path)
    assert np.array_equal(loaded.predict_proba_features(features), model.predict_proba_features(features))
    assert loaded.notes_ == {"why": "test"}
    assert loaded.max_iter == 20
    # no pickled objects inside
    with np.load(path, allow_pickle=False) as stored:
        assert all(stored[name].dtype != object for name in stored.files)


def test_load_refuses_a_model_for_other_features(tiny_training: tuple[np.ndarray, np.ndarray], tmp_path: Path) -> None:
    features, labels = tiny_training
    path = tmp_path / "model.npz"
    PairModel(max_iter=5, min_samples_leaf=5).fit_features(features, labels).save(path)
    with np.load(path) as stored:
        arrays = {name: stored[name] for name in stored.files}
    meta = json.loads(str(arrays.pop("meta")))
    meta["features"] = meta["features"][:-1]
    np.savez(path, meta=np.array(json.dumps(meta)), **arrays)
    with pytest.raises(ConfigError, match="retrain with bench/train_pair_model.py"):
        PairModel.load(path)


def test_load_refuses_a_file_that_is_not_a_model(tmp_path: Path) -> None:
    path = tmp_path / "model.npz"
    path.write_bytes(b"not a zip")
    with pytest.raises(ConfigError, match="not a pair-model file"):
        PairModel.load(path)


def test_unfitted_model_says_so() -> None:
    with pytest.raises(ValueError, match="not fitted"):
        PairModel().predict_proba([("a", "b")])


def test_fit_checks_its_input(tiny_training: tuple[np.ndarray, np.ndarray]) -> None:
    features, labels = tiny_training
    with pytest.raises(ValueError, match="both 0"):
        PairModel().fit_features(features, np.ones(len(labels), dtype=int))
    with pytest.raises(ValueError, match="features must be"):
        PairModel().fit_features(features[:, :3], labels)


def test_fit_on_text_pairs() -> None:
    pairs = [(ORIGINAL, SPUN), (ORIGINAL, ORIGINAL), (SPUN, SPUN), (ORIGINAL, UNRELATED), (SPUN, UNRELATED), (UNRELATED, "Rain.")]
    model = PairModel(max_iter=5, min_samples_leaf=1).fit(pairs * 3, [1, 1, 1, 0, 0, 0] * 3)
    assert model.predict(pairs).tolist() == [True, True, True, False, False, False]
