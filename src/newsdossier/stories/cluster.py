"""Incremental two-level clustering: voices into stories, stories into topics.

A *voice* is one reuse family (fifty copies of a wire story are one voice, so they do not
pull a cluster). Each voice gets two hashed TF-IDF vectors (a new word never forces a refit;
IDF from the document frequencies seen so far):

* the **story vector**: words, plus names and numbers counted again (capitalised words and
  numbers: two earthquakes or two rehab check-ins differ by who, where and how many);
* the **topic vector**: words only (the kind of event, whoever it happened to).

Stories. Voices are read in date order, a chunk at a time. Each joins the story whose
centroid (sum of its members' story vectors) it is most similar to, among stories alive at
its date, when the cosine reaches ``STORY_MIN_SIMILARITY`` (``DATED_STORY_MIN_SIMILARITY``
between a dated voice and a dated story); otherwise it opens a story.
Within a chunk the similarities to stories opened or grown by earlier voices of the chunk
come from the chunk's Gram matrix, so the result is exactly that of one voice at a time.
Only stories alive for some voice of the chunk are compared, which keeps a dated pile's
cost linear. A build from scratch then re-assigns every voice once to its best centroid,
which undoes some of the order effects of one pass (a voice read early cannot see stories
opened after it). What one pass still owes to its order, a build of up to
``CONSENSUS_MAX_VOICES`` voices where some share a day (an undated pile: all of them) removes by
consensus: the pass and re-assignment run in ``CONSENSUS_RUNS`` orders, each day's voices
shuffled among themselves, and the stories kept are the groups of voices the runs put together,
by average linkage of the share of runs that put two voices apart, cut at
``CONSENSUS_MAX_DISTANCE`` (evidence accumulation, Fred & Jain 2005). The voices come sorted
by date and then by a hash of their text, so the order the articles are given in changes nothing.

Topics. A build from scratch groups stories by average linkage of their topic centroids
(cut at ``TOPIC_MAX_DISTANCE``), up to ``LINKAGE_MAX_STORIES`` stories; beyond that, and
for stories opened by a later ``add``, each story joins the topic whose centroid is most
similar from ``TOPIC_MIN_SIMILARITY`` or opens one. Adding voices later never moves a voice
or a story that was already placed.
"""

from __future__ import annotations

import io
import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Final

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer

__all__ = ["DATED_STORY_MIN_SIMILARITY", "LINKAGE_MAX_STORIES", "STORY_MIN_SIMILARITY", "TOPIC_MAX_DISTANCE", "TOPIC_MIN_SIMILARITY",
           "Clustering", "Voice"]

# Chosen on the ECB+ development topics (2, 5, 12, 18, 21, 23, 34, 35) only; the sweep is in
# docs/benchmarks.md.
STORY_MIN_SIMILARITY: Final = 0.25
# Between a dated voice and a dated story it is alive for, the shared days are evidence too.
# No dated story benchmark exists here (ECB+ and WikiRef220 have no dates): this value is
# the one the seed pile needs (its January 2020 articles reach 0.17 cosine, its 2021
# anniversary pieces 0.21), not a measured optimum.
DATED_STORY_MIN_SIMILARITY: Final = 0.15
TOPIC_MAX_DISTANCE: Final = 0.85  # average linkage of story topic centroids (cosine distance)
TOPIC_MIN_SIMILARITY: Final = 0.15  # a later story to a topic centroid
# A story takes voices up to this many days after its latest one (or before its first):
# the anniversary a year on is a new story; the vote a day later is told apart by its words.
STORY_GAP_DAYS: Final = 14
LINKAGE_MAX_STORIES: Final = 6000  # the dense distance matrix of 6,000 stories is 144 MB
# A build of up to this many voices runs the pass in CONSENSUS_RUNS orders (voices of one day, and the
# undated ones, shuffled among themselves) and keeps the stories the runs agree on: average linkage of the
# share of runs that put two voices apart, cut at 0.6 (groups together in at least 40 % of the runs on
# average; Fred & Jain's evidence accumulation; the cut chosen on ECB+ development and training topics). One pass depends on the order the voices come in; an undated pile has none but
# its input's. Larger piles, and piles where no two voices share a day, get one pass in the order they are
# given (by date, then by text).
CONSENSUS_RUNS: Final = 16
CONSENSUS_MAX_DISTANCE: Final = 0.6
CONSENSUS_MAX_VOICES: Final = 2500
FEATURES: Final = 2**18
CHUNK: Final = 256
TITLE_WEIGHT: Final = 2  # the title counts as this many copies of itself
UNDATED: Final = -1
STATE_VERSION: Final = "stories-1"  # bump when the features or the state's arrays change

_STOP: Final = sorted(ENGLISH_STOP_WORDS | {w.capitalize() for w in ENGLISH_STOP_WORDS})
_WORDS: Final = HashingVectorizer(
    n_features=FEATURES, alternate_sign=False, norm=None, stop_words="english",
    token_pattern=r"(?u)\b[^\W\d_]{2,}\b", dtype=np.float64,
)
# Capitalised words and numbers of two or more digits, case kept; "The" and "In" are stop words.
_NAMES: Final = HashingVectorizer(
    n_features=FEATURES, alternate_sign=False, norm=None, lowercase=False, stop_words=_STOP,
    token_pattern=r"\b(?:[A-Z][^\W\d_]+|\d{2,})\b", dtype=np.float64,
)


@dataclass(frozen=True, slots=True)
class Voice:
    """One independent voice: the text that stands for a family, and the family's dates."""

    key: str
    title: str
    text: str
    first: date | None
    last: date | None


def _day(value: date | None) -> int:
    return value.toordinal() if value else UNDATED


def _normalised(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


def _alive(first: NDArray[np.int64], last: NDArray[np.int64], voice_first: int, voice_last: int,
           gap: int) -> NDArray[np.bool_]:
    """Which groups (by their first and last day) a voice of these days may join."""
    if voice_first == UNDATED:
        return np.ones(len(first), dtype=bool)
    return (first == UNDATED) | ((voice_first - last <= gap) & (first - voice_last <= gap))


class _Totals:
    """Per-group sums of member vectors, one sparse row each (sorted columns, values), so that
    a chunk of voices touches only the rows of the groups it joins."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.columns: list[NDArray[np.int32]] = []
        self.values: list[NDArray[np.float64]] = []

    def __len__(self) -> int:
        return len(self.columns)

    def append_empty(self) -> None:
        self.columns.append(np.zeros(0, dtype=np.int32))
        self.values.append(np.zeros(0))

    def add(self, rows: NDArray[np.int64], matrix: sp.csr_matrix) -> None:
        """Add row k of ``matrix`` (CSR, sorted columns) to group ``rows[k]``."""
        for k, group in enumerate(rows):
            start, stop = matrix.indptr[k], matrix.indptr[k + 1]
            if start == stop:  # an empty text adds nothing
                continue
            columns = np.concatenate([self.columns[group], matrix.indices[start:stop]])
            values = np.concatenate([self.values[group], matrix.data[start:stop]])
            order = np.argsort(columns, kind="stable")
            columns, values = columns[order], values[order]
            first = np.flatnonzero(np.r_[True, columns[1:] != columns[:-1]])
            self.columns[group] = columns[first].astype(np.int32)
            self.values[group] = np.add.reduceat(values, first)

    def matrix(self, indices: NDArray[np.int64] | None = None) -> sp.csr_matrix:
        chosen = range(len(self.columns)) if indices is None else indices
        columns = [self.columns[i] for i in chosen]
        if not columns:
            return sp.csr_matrix((0, self.width))
        pointers = np.concatenate([[0], np.cumsum([len(c) for c in columns])])
        return sp.csr_matrix((np.concatenate([self.values[i] for i in chosen]), np.concatenate(columns), pointers),
                             shape=(len(columns), self.width))

    @classmethod
    def of(cls, matrix: sp.csr_matrix) -> _Totals:
        totals = cls(matrix.shape[1])
        matrix = sp.csr_matrix(matrix)
        matrix.sum_duplicates()
        for row in range(matrix.shape[0]):
            start, stop = matrix.indptr[row], matrix.indptr[row + 1]
            totals.columns.append(matrix.indices[start:stop].astype(np.int32))
            totals.values.append(matrix.data[start:stop].copy())
        return totals


class Clustering:
    """The state of a pile's stories and topics: ``build`` once, then ``add`` as often as needed."""

    def __init__(self, *, story_min: float = STORY_MIN_SIMILARITY, dated_story_min: float = DATED_STORY_MIN_SIMILARITY,
                 topic_max_distance: float = TOPIC_MAX_DISTANCE, topic_min: float = TOPIC_MIN_SIMILARITY,
                 gap_days: int = STORY_GAP_DAYS, linkage_max: int = LINKAGE_MAX_STORIES,
                 consensus_max: int = CONSENSUS_MAX_VOICES, consensus_runs: int = CONSENSUS_RUNS,
                 consensus_cut: float = CONSENSUS_MAX_DISTANCE, consensus_seed: int = 0) -> None:
        self.story_min, self.dated_story_min = story_min, dated_story_min
        self.topic_max_distance, self.topic_min = topic_max_distance, topic_min
        self.gap_days, self.linkage_max = gap_days, linkage_max
        # for build only, so not in the state; the seed of run k is consensus_seed + k
        self.consensus_max, self.consensus_runs = consensus_max, consensus_runs
        self.consensus_cut, self.consensus_seed = consensus_cut, consensus_seed
        self.document_frequency = np.zeros(2 * FEATURES, dtype=np.int64)
        self.documents = 0
        self.voices: list[Voice] = []  # texts are dropped once a build or add is done
        # Vectors of the voices placed by the running build or add only (from voice ``_base``
        # on), one CSR per chunk: what is kept between calls does not grow with the texts.
        self._story_vectors: list[sp.csr_matrix] = []
        self._topic_vectors: list[sp.csr_matrix] = []
        self._base = 0
        self.titles: list[str] = []  # per story, chosen when the story is made
        self.story_of: list[int] = []
        self.members: list[list[int]] = []  # voices of each story
        self._totals = _Totals(2 * FEATURES)
        self._squares = np.zeros(0)  # squared norm of each story total
        self._first = np.zeros(0, dtype=np.int64)
        self._last = np.zeros(0, dtype=np.int64)
        self.topic_of_story: list[int] = []
        self.topic_members: list[list[int]] = []
        self._topic_totals = _Totals(FEATURES)

    # -- vectors ---------------------------------------------------------------------------
    def _vectors(self, voices: Sequence[Voice]) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """(story vectors, topic vectors) of a chunk, unit length, IDF updated with the chunk."""
        texts = [" ".join([v.title] * TITLE_WEIGHT + [v.text]) for v in voices]
        counts = sp.csr_matrix(sp.hstack([_WORDS.transform(texts), _NAMES.transform(texts)]))
        self.document_frequency += np.bincount(counts.indices, minlength=2 * FEATURES)
        self.documents += len(voices)
        idf = np.log((1.0 + self.documents) / (1.0 + self.document_frequency)) + 1.0
        weighted = counts.copy()
        weighted.data = (1.0 + np.log(weighted.data)) * idf[weighted.indices]  # sublinear term frequency
        return _normalised(weighted), _normalised(sp.csr_matrix(weighted[:, :FEATURES]))

    def story_vectors(self) -> sp.csr_matrix:
        """Every voice's story vector, in order (the chunks are joined once, then kept joined)."""
        return _joined(self._story_vectors, 2 * FEATURES)

    def topic_vectors(self) -> sp.csr_matrix:
        return _joined(self._topic_vectors, FEATURES)

    # -- the single pass -------------------------------------------------------------------
    def _pass(self, voices: Sequence[Voice]) -> list[int]:
        """Assign voices in order, opening stories as needed; returns the stories opened."""
        opened: list[int] = []
        for start in range(0, len(voices), CHUNK):
            chunk = voices[start:start + CHUNK]
            vectors, topic_vectors = self._vectors(chunk)
            self._story_vectors.append(vectors)
            self._topic_vectors.append(topic_vectors)
            opened += self._assign_chunk(chunk, vectors)
        return opened

    def _assign_chunk(self, chunk: Sequence[Voice], vectors: sp.csr_matrix) -> list[int]:
        size = len(chunk)
        firsts = np.array([_day(v.first) for v in chunk], dtype=np.int64)
        lasts = np.array([_day(v.last) for v in chunk], dtype=np.int64)
        candidates = self._candidates(firsts, lasts)
        # dots[i, c]: voice i . total of candidate story c (columns past the candidates: stories
        # opened in this chunk); squares[c]: |total of c|^2; both kept exact as voices join.
        dots = np.zeros((size, len(candidates) + size))
        if len(candidates):
            dots[:, :len(candidates)] = (vectors @ self._totals.matrix(candidates).T).toarray()
        gram = (vectors @ vectors.T).toarray()
        squares = np.concatenate([self._squares[candidates], np.zeros(size)])
        column_first = np.concatenate([self._first[candidates], np.zeros(size, dtype=np.int64)])
        column_last = np.concatenate([self._last[candidates], np.zeros(size, dtype=np.int64)])
        story_of_column = [int(c) for c in candidates]
        opened: list[int] = []
        joined: list[int] = []  # the story of each row
        for row, voice in enumerate(chunk):
            used = len(story_of_column)
            similarity = dots[row, :used] / np.sqrt(np.maximum(squares[:used], 1e-12))
            column = self._best(similarity, column_first[:used], column_last[:used], int(firsts[row]), int(lasts[row]))
            if column < 0:
                column = used
                story = len(self._totals)
                self._totals.append_empty()
                self.members.append([])
                self._squares = np.append(self._squares, 0.0)
                self._first = np.append(self._first, UNDATED)
                self._last = np.append(self._last, UNDATED)
                story_of_column.append(story)
                opened.append(story)
                column_first[column], column_last[column] = UNDATED, UNDATED
            story = story_of_column[column]
            squares[column] += 2.0 * dots[row, column] + gram[row, row]
            dots[:, column] += gram[:, row]
            column_first[column], column_last[column] = _widen(int(column_first[column]), int(column_last[column]),
                                                                int(firsts[row]), int(lasts[row]))
            joined.append(story)
            self._squares[story] = squares[column]
            self._first[story], self._last[story] = column_first[column], column_last[column]
            self.members[story].append(len(self.voices))
            self.story_of.append(story)
            self.voices.append(voice)
        touched = np.unique(joined)
        position = {int(story): n for n, story in enumerate(touched)}
        assignment = sp.csr_matrix((np.ones(size), ([position[s] for s in joined], np.arange(size))),
                                   shape=(len(touched), size))
        sums = sp.csr_matrix(assignment @ vectors)
        sums.sort_indices()
        self._totals.add(touched, sums)
        return opened

    def _best(self, similarity: NDArray[np.float64], first: NDArray[np.int64], last: NDArray[np.int64],
              voice_first: int, voice_last: int) -> int:
        """The story a voice joins: the alive one furthest above its threshold (-1: none reaches it)."""
        if not len(similarity):
            return -1
        alive = _alive(first, last, voice_first, voice_last, self.gap_days)
        dated = (first != UNDATED) & (voice_first != UNDATED)
        margin = np.where(alive, similarity - np.where(dated, self.dated_story_min, self.story_min), -np.inf)
        best = int(np.argmax(margin))
        return best if margin[best] >= 0 else -1

    def _candidates(self, firsts: NDArray[np.int64], lasts: NDArray[np.int64]) -> NDArray[np.int64]:
        """Stories alive for at least one voice of a chunk (all of them if a voice is undated)."""
        if not len(self._first) or (firsts == UNDATED).any():
            return np.arange(len(self._first), dtype=np.int64)
        low, high = int(firsts.min()), int(lasts.max())
        alive = (self._first == UNDATED) | ((low - self._last <= self.gap_days) & (self._first - high <= self.gap_days))
        return np.flatnonzero(alive).astype(np.int64)

    # -- whole-pile build ------------------------------------------------------------------
    def build(self, voices: Sequence[Voice]) -> None:
        """Cluster a pile from scratch: the stories many orders of one pass and re-assignment agree on
        (:data:`CONSENSUS_MAX_VOICES`), else one pass and one re-assignment; then topics by linkage."""
        if self.voices:
            raise ValueError("build() is for an empty clustering; use add() for more voices")
        days = [_day(v.first) for v in voices]
        tied = len(set(days)) < len(days)  # else the days alone set the order
        agreed = self._consensus(voices, days) if tied and len(voices) <= self.consensus_max else None
        self._pass(voices)
        if agreed is None:
            self._reassign()
        else:
            self._regroup(agreed, self.story_vectors())
        self._link_topics()
        self._finish(range(len(self.members)))

    def _consensus(self, voices: Sequence[Voice], days: Sequence[int]) -> list[int]:
        """The story of each voice as the runs agree (see :data:`CONSENSUS_RUNS`); each run is a fresh
        clustering of these voices with the same settings, in an order that keeps the days' order."""
        count = len(voices)
        together = np.zeros((count, count), dtype=np.uint16)
        for run in range(self.consensus_runs):
            order = _shuffled_within_days(days, self.consensus_seed + run)
            trial = Clustering(story_min=self.story_min, dated_story_min=self.dated_story_min, gap_days=self.gap_days,
                               consensus_max=0)
            trial._pass([voices[i] for i in order])
            trial._reassign()
            labels = np.empty(count, dtype=np.int64)
            labels[order] = trial.story_of
            together += labels[:, None] == labels[None, :]
        apart = 1.0 - together[np.triu_indices(count, 1)] / self.consensus_runs
        return [int(label) for label in fcluster(linkage(apart, method="average"), self.consensus_cut,
                                                 criterion="distance")]

    def add(self, voices: Sequence[Voice]) -> None:
        """Place new voices (and the stories they open) without moving anything placed before.

        A story keeps the title it was given when it was made; a new story's title is its
        most central voice's.
        """
        opened = self._pass(voices)
        for story in opened:
            self._place_topic(story)
        self._finish(opened)

    def _finish(self, titled: Sequence[int]) -> None:
        for story in titled:
            self.titles.append(_title(self.voices[self.central_voice(story, headline=True)]))
        self.voices[self._base:] = [replace(v, text="") for v in self.voices[self._base:]]
        self._story_vectors.clear()
        self._topic_vectors.clear()
        self._base = len(self.voices)

    def _reassign(self) -> None:
        """Every voice to its best alive story centroid once; stories left empty are dropped."""
        if not self.members:
            return
        centroids = _normalised(self._totals.matrix())
        vectors = self.story_vectors()
        days = [(_day(v.first), _day(v.last)) for v in self.voices]
        moved = list(self.story_of)
        for start in range(0, len(self.voices), CHUNK):
            stop = min(start + CHUNK, len(self.voices))
            firsts = np.array([d[0] for d in days[start:stop]], dtype=np.int64)
            lasts = np.array([d[1] for d in days[start:stop]], dtype=np.int64)
            candidates = self._candidates(firsts, lasts)
            similarities = (vectors[start:stop] @ centroids[candidates].T).toarray()
            for row in range(stop - start):
                best = self._best(similarities[row], self._first[candidates], self._last[candidates],
                                  int(firsts[row]), int(lasts[row]))
                if best >= 0:
                    moved[start + row] = int(candidates[best])
        self._regroup(moved, vectors)

    def _regroup(self, story_of: list[int], vectors: sp.csr_matrix) -> None:
        kept = sorted(set(story_of))
        renumber = {old: new for new, old in enumerate(kept)}
        self.story_of = [renumber[s] for s in story_of]
        self.members = [[] for _ in kept]
        for voice, story in enumerate(self.story_of):
            self.members[story].append(voice)
        assignment = sp.csr_matrix((np.ones(len(story_of)), (self.story_of, np.arange(len(story_of)))),
                                   shape=(len(kept), len(story_of)))
        totals = sp.csr_matrix(assignment @ vectors)
        self._totals = _Totals.of(totals)
        self._squares = np.asarray(totals.multiply(totals).sum(axis=1)).ravel()
        self._first = np.full(len(kept), UNDATED, dtype=np.int64)
        self._last = np.full(len(kept), UNDATED, dtype=np.int64)
        for story, members in enumerate(self.members):
            for voice in members:
                v = self.voices[voice]
                self._first[story], self._last[story] = _widen(int(self._first[story]), int(self._last[story]),
                                                               _day(v.first), _day(v.last))

    # -- topics ----------------------------------------------------------------------------
    def _story_topic_totals(self, stories: Sequence[int]) -> sp.csr_matrix:
        vectors = self.topic_vectors()
        rows, columns = [], []
        for n, story in enumerate(stories):
            rows += [n] * len(self.members[story])
            columns += [voice - self._base for voice in self.members[story]]
        assignment = sp.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(stories), vectors.shape[0]))
        return sp.csr_matrix(assignment @ vectors)

    def _link_topics(self) -> None:
        """Topics of a fresh build: average linkage of story topic centroids, or one at a time if too many."""
        count = len(self.members)
        self.topic_of_story, self.topic_members, self._topic_totals = [], [], _Totals(FEATURES)
        if count > self.linkage_max or count < 2:
            for story in range(count):
                self._place_topic(story)
            return
        totals = self._story_topic_totals(range(count))
        centroids = _normalised(totals)
        distances = np.clip(1.0 - (centroids @ centroids.T).toarray(), 0.0, 2.0)
        condensed = distances[np.triu_indices(count, 1)]
        labels = fcluster(linkage(condensed, method="average"), self.topic_max_distance, criterion="distance")
        renumber: dict[int, int] = {}
        for story, label in enumerate(labels):  # topics numbered by their first story
            topic = renumber.setdefault(int(label), len(renumber))
            if topic == len(self.topic_members):
                self.topic_members.append([])
                self._topic_totals.append_empty()
            self.topic_of_story.append(topic)
            self.topic_members[topic].append(story)
        topic_totals = sp.csr_matrix(sp.csr_matrix(
            (np.ones(count), (self.topic_of_story, np.arange(count))), shape=(len(self.topic_members), count)) @ totals)
        topic_totals.sort_indices()
        self._topic_totals.add(np.arange(len(self.topic_members)), topic_totals)

    def _place_topic(self, story: int) -> None:
        """A story opened after the build: the most similar topic centroid from ``topic_min``, or a new topic."""
        total = self._story_topic_totals([story])
        topic = -1
        if self.topic_members:
            similarity = (_normalised(self._topic_totals.matrix()) @ _normalised(total).T).toarray().ravel()
            best = int(np.argmax(similarity))
            if similarity[best] >= self.topic_min:
                topic = best
        if topic < 0:
            topic = len(self.topic_members)
            self.topic_members.append([])
            self._topic_totals.append_empty()
        self.topic_of_story.append(topic)
        self.topic_members[topic].append(story)
        total.sort_indices()
        self._topic_totals.add(np.array([topic]), total)

    # -- read-outs -------------------------------------------------------------------------
    def central_voice(self, story: int, *, headline: bool = False) -> int:
        """The member voice most similar to the story's centroid; with ``headline``, the most
        similar one that has a headline, if any does. Only for stories whose members were all
        placed by the running build or add."""
        members = self.members[story]
        vectors = self.story_vectors()[[voice - self._base for voice in members]]
        similarities = (vectors @ self._totals.matrix(np.array([story])).T).toarray().ravel()
        if headline and any(self.voices[m].title.strip() for m in members):
            similarities[[not self.voices[m].title.strip() for m in members]] = -np.inf
        return members[int(np.argmax(similarities))]

    # -- state -----------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        """The state between calls as an ``.npz`` of plain arrays (no pickle)."""
        if self._story_vectors:
            raise ValueError("a build or add is running")
        settings = {"story_min": self.story_min, "dated_story_min": self.dated_story_min,
                    "topic_max_distance": self.topic_max_distance, "topic_min": self.topic_min,
                    "gap_days": self.gap_days, "linkage_max": self.linkage_max}
        meta = {"version": STATE_VERSION, "settings": settings, "documents": self.documents, "titles": self.titles,
                "voices": [[v.key, v.title, _day(v.first), _day(v.last)] for v in self.voices]}
        arrays = {"meta": np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8),
                  "document_frequency": self.document_frequency, "story_of": np.array(self.story_of, dtype=np.int64),
                  "squares": self._squares, "first": self._first, "last": self._last,
                  "topic_of_story": np.array(self.topic_of_story, dtype=np.int64)}
        for name, totals in (("totals", self._totals), ("topic_totals", self._topic_totals)):
            matrix = totals.matrix()
            arrays.update({f"{name}_data": matrix.data, f"{name}_indices": matrix.indices,
                           f"{name}_indptr": matrix.indptr})
        buffer = io.BytesIO()
        np.savez_compressed(buffer, **arrays)  # type: ignore[arg-type]
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> Clustering:
        """The state written by :meth:`to_bytes`; ``ValueError`` for another version or broken data."""
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
                loaded = {name: arrays[name] for name in arrays.files}
            meta = json.loads(loaded["meta"].tobytes().decode())
        except (OSError, KeyError, ValueError, EOFError) as error:
            raise ValueError(f"not a story clustering state: {error}") from error
        if meta.get("version") != STATE_VERSION:
            raise ValueError(f"story clustering state version {meta.get('version')!r}, expected {STATE_VERSION!r}")
        clustering = cls(**meta["settings"])
        clustering.documents = int(meta["documents"])
        clustering.titles = list(meta["titles"])
        clustering.voices = [Voice(key, title, "", _date(first), _date(last)) for key, title, first, last in meta["voices"]]
        clustering._base = len(clustering.voices)
        clustering.document_frequency = loaded["document_frequency"].astype(np.int64)
        clustering.story_of = [int(s) for s in loaded["story_of"]]
        clustering.members = [[] for _ in range(len(loaded["squares"]))]
        for voice, story in enumerate(clustering.story_of):
            clustering.members[story].append(voice)
        clustering._squares = loaded["squares"].astype(np.float64)
        clustering._first, clustering._last = loaded["first"].astype(np.int64), loaded["last"].astype(np.int64)
        clustering.topic_of_story = [int(t) for t in loaded["topic_of_story"]]
        clustering.topic_members = [[] for _ in range(int(loaded["topic_of_story"].max(initial=-1)) + 1)]
        for story, topic in enumerate(clustering.topic_of_story):
            clustering.topic_members[topic].append(story)
        for name, width in (("totals", 2 * FEATURES), ("topic_totals", FEATURES)):
            pointers = loaded[f"{name}_indptr"]
            matrix = sp.csr_matrix((loaded[f"{name}_data"], loaded[f"{name}_indices"], pointers),
                                   shape=(len(pointers) - 1, width))
            setattr(clustering, f"_{name}", _Totals.of(matrix))
        return clustering

    def labels(self) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """(topic, story) number of every voice, in the order the voices were added."""
        stories = np.array(self.story_of, dtype=np.int64)
        topics = np.array(self.topic_of_story, dtype=np.int64)[stories] if len(stories) else stories
        return topics, stories


TITLE_MAX_CHARS: Final = 160


def _title(voice: Voice) -> str:
    """The voice's headline, or else its first sentence (cut at a word, at most 160 characters)."""
    if voice.title.strip():
        return voice.title.strip()
    text = " ".join(voice.text.split())
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    if len(sentence) > TITLE_MAX_CHARS:
        sentence = sentence[:TITLE_MAX_CHARS].rsplit(" ", 1)[0] + "…"
    return sentence


def _joined(chunks: list[sp.csr_matrix], width: int) -> sp.csr_matrix:
    if not chunks:
        return sp.csr_matrix((0, width))
    if len(chunks) > 1:
        chunks[:] = [sp.csr_matrix(sp.vstack(chunks))]
    return chunks[0]


def _shuffled_within_days(days: Sequence[int], seed: int) -> list[int]:
    """Positions 0..n-1 with each run of equal days (the pile comes sorted by day, undated last) shuffled."""
    order: list[int] = []
    rng = random.Random(seed)
    start = 0
    for stop in range(1, len(days) + 1):
        if stop == len(days) or days[stop] != days[start]:
            group = list(range(start, stop))
            rng.shuffle(group)
            order += group
            start = stop
    return order


def _date(day: int) -> date | None:
    return None if day == UNDATED else date.fromordinal(day)


def _widen(first: int, last: int, new_first: int, new_last: int) -> tuple[int, int]:
    """A group's (first, last) days after a member with these days joins (UNDATED ignored)."""
    if new_first == UNDATED:
        return first, last
    if first == UNDATED:
        return new_first, new_last
    return min(first, new_first), max(last, new_last)
