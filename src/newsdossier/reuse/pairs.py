"""Is sentence B a reuse of sentence A? Lexical pair features and a boosted-tree scorer.

Reuse here means B was made from A: a verbatim copy, a wire copy with small edits,
a machine-"spun" rewrite (words swapped for near-synonyms) or a human paraphrase.
:func:`pair_features` describes a pair by 76 lexical measures, each symmetric in the
two texts: set overlaps of words, stems, n-grams and character 4-grams, overlap weighted
by word rarity (wordfreq), word-level edit distance, a fuzzy one-to-one word alignment
scored the way METEOR scores one, number and name agreement, and how differently the two
are written (sentence count, punctuation, plain vs rare words). :class:`PairModel` learns
from labelled pairs which combination means reuse. No synonym list or embedding is used:
a human paraphrase with few shared words is what it misses.

The bundled model (``data/pair_model.npz``) was trained by ``bench/train_pair_model.py``
on the PAN-2010 sentence pairs of Madnani et al. (2012); ``newsdossier.eval.reuse``
scores it on their test split. It is stored as plain arrays (no pickle), so it loads
under any scikit-learn version and cannot run code when opened.

Example::

    >>> same, p = is_reuse("The minister resigned on Friday.", "The minister quit on Friday.")
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq, Levenshtein
from wordfreq import zipf_frequency

from newsdossier.errors import ConfigError
from newsdossier.stopwords import english_stop_words

__all__ = [
    "FEATURE_NAMES",
    "MODEL_FILE",
    "REUSE_THRESHOLD",
    "PairModel",
    "TextProfile",
    "bundled_pair_model",
    "is_reuse",
    "pair_feature_matrix",
    "pair_features",
    "profile_text",
]

# --- settings and where their values came from ----------------------------------------

# Words are runs of letters/digits, with inner apostrophes ("don't", "o'clock").
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
# A sentence boundary inside the text: end mark, optional closing quote, space, capital.
_SENTENCE_BREAK_RE = re.compile(r"[.!?;][\"')]?\s+[\"(]?[A-Z]")
_PUNCTUATION = ',;:?!"()-'

# A 5-letter prefix stands in for a stemmer ("irritation"/"irritated" -> "irrit"); the
# usual choice for English prefix stemming, no tuning done on it.
STEM_PREFIX = 5
# Character 4-grams over the lower-cased word sequence: catch spelling variants and
# inflections; the TF-IDF-weighted version (char 2-5 grams, IDF from PAN train) added
# nothing on top in 5-fold CV on PAN train (0.9501 vs 0.9499), so plain sets are kept.
CHAR_NGRAM = 4
# Two words align when rapidfuzz's ratio is >= 80 ("local"/"locally", "neighbourhood"/
# "neighborhood"); 67 and 100 instead were tried in CV on PAN train without gain.
ALIGN_MIN_RATIO = 80
# Information content of a word is ZIPF_CEILING - its zipf frequency ("the" is 7.7, a word
# wordfreq does not know 0), so unknown words get 8; the floor keeps every word counting.
ZIPF_CEILING = 8.0
INFO_FLOOR = 0.5
# A word wordfreq does not know has zipf 0 (information ZIPF_CEILING); >= this counts as unknown.
UNKNOWN_WORD_INFO = 7.9
# predict_proba >= this means reuse. On the 20 % of PAN train that bench/train_pair_model.py
# holds out, 0.45 and 0.55 changed accuracy by +0.0005 and -0.0005: no reason to move it.
REUSE_THRESHOLD = 0.5

MODEL_FILE = "pair_model.npz"
"""The bundled model, in ``newsdossier/reuse/data/``."""
MODEL_FORMAT = 1
"""Bumped whenever the file layout or the meaning of a feature changes."""

_STOP = english_stop_words()


# --- one text, analysed once -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextProfile:
    """What the pair features need to know about one text; made by :func:`profile_text`."""

    words: tuple[str, ...]  # lower-cased, in order
    content_idx: tuple[int, ...]  # positions of non-stop-words in ``words``
    info: tuple[float, ...]  # information content of each word (wordfreq)
    word_set: frozenset[str]
    content_set: frozenset[str]
    stems: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    trigrams: frozenset[tuple[str, str, str]]
    char_grams: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]  # capitalised words not at the start, lower-cased
    joined: str  # the lower-cased words joined by single spaces
    shape: tuple[float, ...]  # see _shape
    punctuation: tuple[int, ...]  # count of each of _PUNCTUATION


@functools.lru_cache(maxsize=1 << 17)
def word_information(word: str) -> float:
    """How surprising ``word`` is in English text: 0.5 (the floor) for "the", 8 for an unknown word.

    Cached because wordfreq's look-up (~9 µs) would otherwise dominate the feature cost.
    """
    return max(INFO_FLOOR, ZIPF_CEILING - zipf_frequency(word, "en"))


def profile_text(text: str) -> TextProfile:
    """Tokenise ``text`` and precompute the sets the pair features compare."""
    raw = _WORD_RE.findall(text)
    words = tuple(w.lower() for w in raw)
    content_idx = tuple(i for i, w in enumerate(words) if w not in _STOP)
    content = [words[i] for i in content_idx]
    info = tuple(word_information(w) for w in words)
    joined = " ".join(words)
    padded = f" {joined} "
    return TextProfile(
        words=words,
        content_idx=content_idx,
        info=info,
        word_set=frozenset(words),
        content_set=frozenset(content),
        stems=frozenset(w[:STEM_PREFIX] for w in content),
        bigrams=frozenset(itertools.pairwise(words)),
        trigrams=frozenset(zip(words, words[1:], words[2:])),
        char_grams=frozenset({padded[i : i + CHAR_NGRAM] for i in range(len(padded) - CHAR_NGRAM + 1)}),
        numbers=frozenset(_NUMBER_RE.findall(text)),
        names=frozenset(w.lower() for w in raw[1:] if w[:1].isupper() and not w.isdigit()),
        joined=joined,
        shape=_shape(text, raw, words, info, len(content_idx)),
        punctuation=tuple(text.count(mark) for mark in _PUNCTUATION),
    )


def _shape(text: str, raw: list[str], words: tuple[str, ...], info: tuple[float, ...], n_content: int) -> tuple[float, ...]:
    """How the text is written, apart from what it says: sentence count, mean word
    information, stop-word share, unknown-word share, mean word length, capitalised share,
    starts lower-case. A human rewrite often splits one sentence into two and uses plainer,
    more frequent words; these lifted 5-fold CV accuracy on PAN train from 0.950 to 0.955."""
    n = max(1, len(words))
    return (
        float(len(_SENTENCE_BREAK_RE.findall(text)) + 1),
        sum(info) / n,
        1 - n_content / n,
        sum(i >= UNKNOWN_WORD_INFO for i in info) / n,
        sum(len(w) for w in words) / n,
        sum(w[:1].isupper() for w in raw) / n,
        float(text.strip()[:1].islower()),
    )


# --- small symmetric similarity functions ----------------------------------------------


def set_overlap(x: frozenset[Any], y: frozenset[Any]) -> tuple[float, float, float]:
    """(Jaccard, smaller containment, larger containment); (1, 1, 1) when both are empty."""
    if not x or not y:
        both_empty = float(not x and not y)
        return both_empty, both_empty, both_empty
    shared = len(x & y)
    c_x, c_y = shared / len(x), shared / len(y)
    return shared / (len(x) + len(y) - shared), min(c_x, c_y), max(c_x, c_y)


def weighted_overlap(x: frozenset[str], y: frozenset[str]) -> tuple[float, float, float]:
    """:func:`set_overlap` with each word counted by its information: rare shared words weigh more."""
    # fsum: exact, so the result does not depend on the set's (per-process) iteration order
    w_x = math.fsum(word_information(w) for w in x)
    w_y = math.fsum(word_information(w) for w in y)
    if not w_x or not w_y:
        return 0.0, 0.0, 0.0
    w_shared = math.fsum(word_information(w) for w in x & y)
    c_x, c_y = w_shared / w_x, w_shared / w_y
    return w_shared / (w_x + w_y - w_shared), min(c_x, c_y), max(c_x, c_y)


def sequence_similarity(x: Sequence[str], y: Sequence[str]) -> tuple[float, float, float]:
    """Word order kept: (LCS / longer, LCS / shorter, 1 - word Levenshtein / longer)."""
    if not x or not y:
        return 0.0, 0.0, 0.0
    longer = max(len(x), len(y))
    lcs = LCSseq.similarity(x, y)
    return lcs / longer, lcs / min(len(x), len(y)), 1.0 - Levenshtein.distance(x, y) / longer


def best_match_stats(sim: np.ndarray, info_x: np.ndarray, info_y: np.ndarray) -> tuple[float, ...]:
    """From a word-similarity matrix (0-100): share of words with a close match (min, max over
    the two sides), mean best similarity (min, max), information-weighted share (min, max)."""
    if sim.size == 0:
        return (0.0,) * 6
    best_x, best_y = sim.max(axis=1), sim.max(axis=0)
    hit_x, hit_y = best_x >= ALIGN_MIN_RATIO, best_y >= ALIGN_MIN_RATIO
    share = (float(hit_x.mean()), float(hit_y.mean()))
    mean = (float(best_x.mean()) / 100, float(best_y.mean()) / 100)
    weighted = (float(info_x @ hit_x / info_x.sum()), float(info_y @ hit_y / info_y.sum()))
    return min(share), max(share), min(mean), max(mean), min(weighted), max(weighted)


def greedy_alignment(sim: np.ndarray) -> list[tuple[int, int]]:
    """One-to-one word alignment, best-scoring pairs first, ties to the closer relative
    position; only pairs with similarity >= ``ALIGN_MIN_RATIO``. Sorted by the first index."""
    rows, cols = np.nonzero(sim >= ALIGN_MIN_RATIO)
    if rows.size == 0:
        return []
    n_x, n_y = sim.shape
    drift = np.abs(rows / n_x - cols / n_y)
    order = np.lexsort((drift, -sim[rows, cols].astype(np.int32)))
    used_x: set[int] = set()
    used_y: set[int] = set()
    links = []
    for k in order.tolist():
        i, j = int(rows[k]), int(cols[k])
        if i not in used_x and j not in used_y:
            used_x.add(i)
            used_y.add(j)
            links.append((i, j))
    links.sort()
    return links


def alignment_scores(links: list[tuple[int, int]], a: TextProfile, b: TextProfile) -> tuple[float, ...]:
    """METEOR-style scores of an alignment: penalised F-mean, fragmentation (chunks per
    link), order agreement (share of concordant link pairs), mean relative-position drift,
    information of unaligned content words (less, more) and chunks per word."""
    n_x, n_y, n = len(a.words), len(b.words), len(links)
    if n == 0:
        return 0.0, 1.0, 0.0, 1.0, _unaligned_info(a, set()), _unaligned_info(b, set()), 0.0
    precision, recall = n / n_y, n / n_x
    f_mean = 10 * precision * recall / (recall + 9 * precision)
    chunks = 1 + sum(1 for (i, j), (k, m) in itertools.pairwise(links) if not (k == i + 1 and m == j + 1))
    frag = chunks / n
    ii = np.array([i for i, _ in links])
    jj = np.array([j for _, j in links])
    concordant = 1.0
    if n > 1:
        upper = np.triu(np.ones((n, n), dtype=bool), 1)
        signs = np.sign(ii[:, None] - ii[None, :]) * np.sign(jj[:, None] - jj[None, :])
        concordant = float((signs[upper] > 0).mean())
    drift = float(np.abs(ii / n_x - jj / n_y).mean())
    u_x = _unaligned_info(a, {i for i, _ in links})
    u_y = _unaligned_info(b, {j for _, j in links})
    return f_mean * (1 - 0.5 * frag**3), frag, concordant, drift, min(u_x, u_y), max(u_x, u_y), chunks / max(n_x, n_y)


def _unaligned_info(p: TextProfile, aligned: set[int]) -> float:
    return sum(p.info[i] for i in p.content_idx if i not in aligned)


# --- the feature vector ------------------------------------------------------------------

_SET_FIELDS = ("word_set", "content_set", "stems", "bigrams", "trigrams", "char_grams")
_OVERLAP = ("jaccard", "contain_min", "contain_max")
_SHAPE = ("mean_info", "stop_share", "unknown_share", "word_length", "capitalised", "lower_start")
_MATCH = ("share_min", "share_max", "best_min", "best_max", "info_share_min", "info_share_max")

FEATURE_NAMES: tuple[str, ...] = (
    *(f"{field}.{kind}" for field in _SET_FIELDS for kind in _OVERLAP),
    *(f"info_words.{kind}" for kind in _OVERLAP),
    "length.ratio", "length.log_min", "length.log_max",
    "fuzz.ratio", "fuzz.token_sort_ratio", "fuzz.token_set_ratio",
    "sequence.lcs_longer", "sequence.lcs_shorter", "sequence.levenshtein",
    "content_sequence.lcs_longer", "content_sequence.lcs_shorter", "content_sequence.levenshtein",
    *(f"match.{kind}" for kind in _MATCH),
    *(f"content_match.{kind}" for kind in _MATCH),
    "numbers.jaccard", "numbers.contain_min", "numbers.any",
    "names.jaccard", "names.contain_min", "names.any",
    "alignment.meteor", "alignment.fragmentation", "alignment.concordance", "alignment.drift",
    "alignment.unaligned_info_min", "alignment.unaligned_info_max", "alignment.chunks_per_word",
    "punctuation.difference", "punctuation.marks_differing", "punctuation.marks_one_side",
    "sentences.difference", "sentences.max", "length.char_ratio",
    *(f"shape.{kind}_{side}" for kind in _SHAPE for side in ("min", "max")),
)  # fmt: skip
"""Column names of :func:`pair_features`; the model file records them and must match."""


def profile_features(a: TextProfile, b: TextProfile) -> list[float]:
    """The features of :data:`FEATURE_NAMES` for two profiled texts, in that order.

    The pair is put in a fixed order first, so swapping ``a`` and ``b`` gives the same vector
    (every feature is symmetric by construction too, except for tie-breaks in the alignment).
    """
    if (b.joined, b.words) < (a.joined, a.words):
        a, b = b, a
    features: list[float] = []
    for field in _SET_FIELDS:
        features.extend(set_overlap(getattr(a, field), getattr(b, field)))
    features.extend(weighted_overlap(a.word_set, b.word_set))
    n_a, n_b = len(a.words), len(b.words)
    features += [min(n_a, n_b) / max(n_a, n_b, 1), math.log1p(min(n_a, n_b)), math.log1p(max(n_a, n_b))]
    # No fuzz.partial_ratio: 40 % of the feature time, and leaving it out changed 5x6-fold
    # CV accuracy on PAN train by +0.0002 (+-0.0004); word containment covers excerpts.
    for scorer in (fuzz.ratio, fuzz.token_sort_ratio, fuzz.token_set_ratio):
        features.append(scorer(a.joined, b.joined) / 100)
    content_a = [a.words[i] for i in a.content_idx]
    content_b = [b.words[i] for i in b.content_idx]
    features.extend(sequence_similarity(a.words, b.words))
    features.extend(sequence_similarity(content_a, content_b))
    sim = _word_similarity(a.words, b.words)
    info_a, info_b = np.asarray(a.info), np.asarray(b.info)
    features.extend(best_match_stats(sim, info_a, info_b))
    ca, cb = list(a.content_idx), list(b.content_idx)
    features.extend(best_match_stats(sim[np.ix_(ca, cb)], info_a[ca], info_b[cb]))
    features.extend(set_overlap(a.numbers, b.numbers)[:2])
    features.append(float(bool(a.numbers or b.numbers)))
    features.extend(set_overlap(a.names, b.names)[:2])
    features.append(float(bool(a.names or b.names)))
    features.extend(alignment_scores(greedy_alignment(sim), a, b))
    features.extend(shape_differences(a, b))
    return features


def shape_differences(a: TextProfile, b: TextProfile) -> list[float]:
    """Punctuation and sentence-count differences, character-length ratio, and each
    :func:`_shape` measure as (min, max) over the two texts."""
    diff = np.abs(np.subtract(a.punctuation, b.punctuation))
    one_side = sum((x > 0) != (y > 0) for x, y in zip(a.punctuation, b.punctuation))
    sentences = (a.shape[0], b.shape[0])
    chars = (len(a.joined), len(b.joined))
    out = [float(diff.sum()), float((diff > 0).sum()), float(one_side)]
    out += [abs(sentences[0] - sentences[1]), max(sentences), min(chars) / max(1, *chars)]
    for x, y in zip(a.shape[1:], b.shape[1:]):
        out += [min(x, y), max(x, y)]
    return out


def _word_similarity(x: Sequence[str], y: Sequence[str]) -> np.ndarray:
    if not x or not y:
        return np.zeros((len(x), len(y)), dtype=np.uint8)
    return np.asarray(process.cdist(x, y, scorer=fuzz.ratio, dtype=np.uint8, workers=1))


def pair_features(a: str, b: str) -> np.ndarray:
    """The :data:`FEATURE_NAMES` vector for one pair of texts (float64, symmetric in a, b)."""
    return np.asarray(profile_features(profile_text(a), profile_text(b)), dtype=np.float64)


def pair_feature_matrix(pairs: Iterable[tuple[str, str]]) -> np.ndarray:
    """One :func:`pair_features` row per pair; a text seen in several pairs is profiled once."""
    profiles: dict[str, TextProfile] = {}

    def get(text: str) -> TextProfile:
        found = profiles.get(text)
        if found is None:
            found = profiles[text] = profile_text(text)
        return found

    rows = [profile_features(get(a), get(b)) for a, b in pairs]
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(FEATURE_NAMES))


# --- the learned scorer ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TreeEnsemble:
    """A fitted binary gradient-boosted tree ensemble as plain arrays, all trees' nodes in one
    table (tree ``t`` starts at ``roots[t]``). Evaluates exactly like scikit-learn's
    ``HistGradientBoostingClassifier`` (``x <= threshold`` goes left, NaN follows
    ``missing_left``) without needing scikit-learn's pickled objects."""

    baseline: float
    roots: np.ndarray  # int32 (n_trees,)
    feature: np.ndarray  # int32 (n_nodes,)
    threshold: np.ndarray  # float64
    left: np.ndarray  # int32, global node index
    right: np.ndarray  # int32
    missing_left: np.ndarray  # bool
    is_leaf: np.ndarray  # bool
    value: np.ndarray  # float64, leaf values (learning rate already applied)
    depth: int

    def raw_score(self, x: np.ndarray) -> np.ndarray:
        """Summed tree outputs plus the baseline (log-odds of reuse), one per row of ``x``."""
        node = np.broadcast_to(self.roots, (x.shape[0], self.roots.size)).copy()
        rows = np.arange(x.shape[0])[:, None]
        for _ in range(self.depth):
            value = x[rows, self.feature[node]]
            go_left = np.where(np.isnan(value), self.missing_left[node], value <= self.threshold[node])
            node = np.where(self.is_leaf[node], node, np.where(go_left, self.left[node], self.right[node]))
        return np.asarray(self.baseline + self.value[node].sum(axis=1))

    @classmethod
    def from_sklearn(cls, estimator: Any) -> TreeEnsemble:
        """Copy the trees out of a fitted binary ``HistGradientBoostingClassifier``.

        Reads scikit-learn's private ``_predictors``/``_baseline_prediction`` (at training
        time only); ``tests/test_reuse_pairs.py`` checks the copy predicts as the original."""
        tables = [predictors[0].nodes for predictors in estimator._predictors]
        if any(table["is_categorical"].any() for table in tables):
            raise ConfigError("categorical splits cannot be exported; train without categorical_features")
        offsets = np.cumsum([0] + [len(table) for table in tables[:-1]])
        nodes = np.concatenate(tables)
        shift = np.repeat(offsets, [len(table) for table in tables])
        return cls(
            baseline=float(np.ravel(estimator._baseline_prediction)[0]),
            roots=offsets.astype(np.int32),
            feature=nodes["feature_idx"].astype(np.int32),
            threshold=nodes["num_threshold"].astype(np.float64),
            left=(nodes["left"] + shift).astype(np.int32),
            right=(nodes["right"] + shift).astype(np.int32),
            missing_left=nodes["missing_go_to_left"].astype(bool),
            is_leaf=nodes["is_leaf"].astype(bool),
            value=nodes["value"].astype(np.float64),
            depth=int(nodes["depth"].max()),
        )


_ARRAY_FIELDS = ("roots", "feature", "threshold", "left", "right", "missing_left", "is_leaf", "value")


class PairModel:
    """Probability that two texts are reuse of one another, from :func:`pair_features`.

    ``fit`` trains scikit-learn's ``HistGradientBoostingClassifier`` and keeps its trees as a
    :class:`TreeEnsemble` (``ensemble_``); ``predict_proba`` and ``save``/``load`` use only
    that. Defaults are the bundled model's settings, chosen by 5-fold CV on PAN train
    (``bench/train_pair_model.py --compare``).
    """

    def __init__(
        self,
        *,
        learning_rate: float = 0.05,
        max_iter: int = 300,
        max_leaf_nodes: int = 15,
        min_samples_leaf: int = 40,
        l2_regularization: float = 1.0,
        max_features: float = 0.3,
        threshold: float = REUSE_THRESHOLD,
        random_state: int = 0,
    ) -> None:
        self.learning_rate = learning_rate
        self.max_iter = max_iter
        self.max_leaf_nodes = max_leaf_nodes
        self.min_samples_leaf = min_samples_leaf
        self.l2_regularization = l2_regularization
        self.max_features = max_features
        self.threshold = threshold
        self.random_state = random_state

    def estimator(self) -> Any:
        """The unfitted scikit-learn estimator these settings describe."""
        from sklearn.ensemble import HistGradientBoostingClassifier

        return HistGradientBoostingClassifier(
            learning_rate=self.learning_rate,
            max_iter=self.max_iter,
            max_leaf_nodes=self.max_leaf_nodes,
            min_samples_leaf=self.min_samples_leaf,
            l2_regularization=self.l2_regularization,
            max_features=self.max_features,
            early_stopping=False,  # a fixed number of trees: same model on every run
            random_state=self.random_state,
        )

    def fit(self, pairs: Sequence[tuple[str, str]], labels: Sequence[int] | np.ndarray) -> PairModel:
        """Learn from ``pairs`` and their labels (1 = reuse, 0 = not)."""
        return self.fit_features(pair_feature_matrix(pairs), labels)

    def fit_features(self, features: np.ndarray, labels: Sequence[int] | np.ndarray) -> PairModel:
        """:meth:`fit` on a precomputed :func:`pair_feature_matrix` (saves recomputing it)."""
        y = np.asarray(labels, dtype=np.int64)
        if features.shape != (len(y), len(FEATURE_NAMES)):
            raise ValueError(f"features must be (n_pairs, {len(FEATURE_NAMES)}), got {features.shape}")
        if set(np.unique(y).tolist()) != {0, 1}:
            raise ValueError("labels must contain both 0 (not reuse) and 1 (reuse)")
        import sklearn

        self.ensemble_ = TreeEnsemble.from_sklearn(self.estimator().fit(features, y))
        self.sklearn_version_ = sklearn.__version__
        self.n_train_ = len(y)
        self.notes_: dict[str, Any] = {}
        return self

    def predict_proba(self, pairs: Iterable[tuple[str, str]]) -> np.ndarray:
        """``(n_pairs, 2)``: columns P(not reuse), P(reuse), as scikit-learn orders them."""
        return self.predict_proba_features(pair_feature_matrix(pairs))

    def predict_proba_features(self, features: np.ndarray) -> np.ndarray:
        """:meth:`predict_proba` on a precomputed :func:`pair_feature_matrix`."""
        ensemble = self._fitted()
        p_reuse = 1.0 / (1.0 + np.exp(-ensemble.raw_score(np.asarray(features, dtype=np.float64))))
        return np.column_stack([1.0 - p_reuse, p_reuse])

    def predict(self, pairs: Iterable[tuple[str, str]]) -> np.ndarray:
        """Boolean per pair: P(reuse) >= ``threshold``."""
        return np.asarray(self.predict_proba(pairs)[:, 1] >= self.threshold)

    def save(self, path: str | Path, *, notes: dict[str, Any] | None = None) -> None:
        """Write the fitted model to ``path`` (``.npz``, no pickled objects); ``notes`` (e.g. how
        it was trained and validated) are stored beside it and come back as ``notes_``."""
        ensemble = self._fitted()
        meta = {
            "format": MODEL_FORMAT,
            "features": list(FEATURE_NAMES),
            "params": self._params(),
            "baseline": ensemble.baseline,
            "depth": ensemble.depth,
            "sklearn_version": self.sklearn_version_,
            "n_train": self.n_train_,
            "notes": notes or {},
        }
        payload: dict[str, Any] = {name: getattr(ensemble, name) for name in _ARRAY_FIELDS}
        payload["meta"] = np.array(json.dumps(meta, sort_keys=True))
        with open(path, "wb") as out:  # a file object: np.savez would append ".npz" to a str path
            np.savez_compressed(out, **payload)

    @classmethod
    def load(cls, path: str | Path) -> PairModel:
        """Read a model written by :meth:`save`; refuses files made for other features."""
        try:
            with np.load(path, allow_pickle=False) as stored:
                meta = json.loads(str(stored["meta"]))
                arrays = {name: stored[name] for name in _ARRAY_FIELDS}
            if meta.get("format") != MODEL_FORMAT or meta.get("features") != list(FEATURE_NAMES):
                raise ConfigError(
                    f"{path}: made for model format {meta.get('format')} with other features than this "
                    f"newsdossier computes (format {MODEL_FORMAT}); retrain with bench/train_pair_model.py"
                )
            model = cls(**meta["params"])
            model.ensemble_ = TreeEnsemble(baseline=meta["baseline"], depth=meta["depth"], **arrays)
            model.sklearn_version_, model.n_train_, model.notes_ = meta["sklearn_version"], meta["n_train"], meta["notes"]
        except (OSError, KeyError, TypeError, ValueError, zipfile.BadZipFile) as exc:
            raise ConfigError(f"{path}: not a pair-model file ({exc}); retrain with bench/train_pair_model.py") from exc
        return model

    def _params(self) -> dict[str, Any]:
        names = ("learning_rate", "max_iter", "max_leaf_nodes", "min_samples_leaf", "l2_regularization", "max_features")
        return {name: getattr(self, name) for name in (*names, "threshold", "random_state")}

    def _fitted(self) -> TreeEnsemble:
        ensemble: TreeEnsemble | None = getattr(self, "ensemble_", None)
        if ensemble is None:
            raise ValueError("this PairModel is not fitted yet; call fit() or PairModel.load()")
        return ensemble


@functools.cache
def bundled_pair_model() -> PairModel:
    """The model shipped in ``newsdossier/reuse/data``, read once per process."""
    with resources.as_file(resources.files("newsdossier.reuse") / "data" / MODEL_FILE) as path:
        if not path.is_file():
            raise ConfigError(f"the bundled pair model {path} is missing; run bench/train_pair_model.py")
        return PairModel.load(path)


def is_reuse(a: str, b: str) -> tuple[bool, float]:
    """(is one text a reuse of the other?, P(reuse)) by the bundled model."""
    model = bundled_pair_model()
    p_reuse = float(model.predict_proba([(a, b)])[0, 1])
    return p_reuse >= model.threshold, p_reuse
