"""Incremental two-level clustering of voices into stories and stories into topics.

A *voice* is one reuse family (fifty copies of a wire story are one voice, so they do not
pull a cluster). Voices are read in order, a chunk at a time, as TF-IDF vectors (hashed
words, so a new word never forces a refit; IDF from the document frequencies seen so far).
Each voice joins the story whose centroid it is most similar to, among stories alive at its
date, when the cosine reaches ``STORY_MIN_SIMILARITY``; otherwise it opens a story. A new
story joins the most similar topic (topic centroid = sum of its stories) from
``TOPIC_MIN_SIMILARITY``, or opens one. Adding voices later runs the very same steps on the
new voices only: nothing already assigned moves.

A build from scratch adds one refinement pass: every voice is re-assigned to its best story
centroid once all are known, which undoes the order effects of a single pass (a voice read
early cannot see stories opened after it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.feature_extraction.text import HashingVectorizer

__all__ = ["STORY_MIN_SIMILARITY", "TOPIC_MIN_SIMILARITY", "Clustering", "Voice"]

# Chosen on the ECB+ development topics (2, 5, 12, 18, 21, 23, 34, 35) only, over
# 0.15-0.3 x 0.06-0.15 (docs/benchmarks.md): stories 0.25 was best (sub-topic BCubed F1
# 0.872); topics 0.08 scored 1.000 but sits next to a collapse at 0.06 (0.858), so 0.1 (0.991).
STORY_MIN_SIMILARITY: Final = 0.25
TOPIC_MIN_SIMILARITY: Final = 0.1
# A story takes voices up to this many days after its latest one (or before its first):
# the anniversary a year on is a new story; the vote a day later is told apart by its words.
STORY_GAP_DAYS: Final = 14
FEATURES: Final = 2**18
CHUNK: Final = 256
TITLE_WEIGHT: Final = 2  # the title counts as this many copies of itself

_VECTORIZER: Final = HashingVectorizer(
    n_features=FEATURES, alternate_sign=False, norm=None, stop_words="english",
    token_pattern=r"(?u)\b[^\W\d_]{2,}\b", dtype=np.float64,
)


@dataclass(frozen=True, slots=True)
class Voice:
    """One independent voice: the text that stands for a family, and the family's dates."""

    key: str
    title: str
    text: str
    first: date | None
    last: date | None


@dataclass
class _Group:
    """A story or a topic: the sum of its members' vectors, its dates, its members."""

    total: sp.csr_matrix
    first: date | None
    last: date | None
    members: list[int] = field(default_factory=list)

    def add(self, vector: sp.csr_matrix, first: date | None, last: date | None, member: int) -> None:
        self.total = self.total + vector
        self.first = min(filter(None, (self.first, first)), default=None)
        self.last = max(filter(None, (self.last, last)), default=None)
        self.members.append(member)


def _normalised(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


class Clustering:
    """The state of a pile's stories and topics; ``add`` voices in order, as often as needed."""

    def __init__(self, *, story_min: float = STORY_MIN_SIMILARITY, topic_min: float = TOPIC_MIN_SIMILARITY,
                 gap_days: int = STORY_GAP_DAYS) -> None:
        self.story_min, self.topic_min, self.gap_days = story_min, topic_min, gap_days
        self.document_frequency = np.zeros(FEATURES, dtype=np.int64)
        self.documents = 0
        self.voices: list[Voice] = []
        self.vectors: list[sp.csr_matrix] = []
        self.story_of: list[int] = []
        self.stories: list[_Group] = []
        self.topic_of_story: list[int] = []
        self.topics: list[_Group] = []

    # -- vectors ---------------------------------------------------------------------------
    def _counts(self, voices: Sequence[Voice]) -> sp.csr_matrix:
        texts = [" ".join([v.title] * TITLE_WEIGHT + [v.text]) for v in voices]
        return sp.csr_matrix(_VECTORIZER.transform(texts))

    def _tfidf(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        idf = np.log((1.0 + self.documents) / (1.0 + self.document_frequency)) + 1.0
        weighted = counts.copy()
        weighted.data = 1.0 + np.log(weighted.data)  # sublinear term frequency
        weighted = sp.csr_matrix(weighted @ sp.diags(idf))
        return _normalised(weighted)

    # -- assignment ------------------------------------------------------------------------
    def _alive(self, group: _Group, first: date | None, last: date | None) -> bool:
        if group.first is None or group.last is None or first is None or last is None:
            return True
        return (first - group.last).days <= self.gap_days and (group.first - last).days <= self.gap_days

    def _best(self, vector: sp.csr_matrix, groups: list[_Group], centroids: sp.csr_matrix | None,
              first: date | None, last: date | None, *, timed: bool) -> tuple[int, float]:
        """The most similar group (index, cosine), looking at ``centroids`` rows and any groups after them."""
        best, best_similarity = -1, -1.0
        known = 0 if centroids is None else centroids.shape[0]
        if known:
            assert centroids is not None
            similarities = (centroids @ vector.T).toarray().ravel()
            for index in np.argsort(-similarities, kind="stable"):
                if similarities[index] <= best_similarity:
                    break
                if not timed or self._alive(groups[index], first, last):
                    best, best_similarity = int(index), float(similarities[index])
                    break
        for index in range(known, len(groups)):  # groups opened since the centroids were made
            group = groups[index]
            if timed and not self._alive(group, first, last):
                continue
            similarity = float(_normalised(group.total).multiply(vector).sum())
            if similarity > best_similarity:
                best, best_similarity = index, similarity
        return best, best_similarity

    def add(self, voices: Sequence[Voice]) -> None:
        """Assign new voices to stories (opening stories and topics as needed), in the given order."""
        for start in range(0, len(voices), CHUNK):
            chunk = voices[start:start + CHUNK]
            counts = self._counts(chunk)
            self.document_frequency += np.bincount(counts.indices, minlength=FEATURES)
            self.documents += len(chunk)
            vectors = self._tfidf(counts)
            story_centroids = self._centroids(self.stories)
            topic_centroids = self._centroids(self.topics)
            for row, voice in enumerate(chunk):
                vector = vectors[row]
                index = len(self.voices)
                self.voices.append(voice)
                self.vectors.append(vector)
                story, similarity = self._best(vector, self.stories, story_centroids, voice.first, voice.last,
                                               timed=True)
                if similarity < self.story_min:
                    story = self._open_story(vector, voice, topic_centroids)
                self.stories[story].add(vector, voice.first, voice.last, index)
                self.story_of.append(story)

    def _open_story(self, vector: sp.csr_matrix, voice: Voice, topic_centroids: sp.csr_matrix | None) -> int:
        story = len(self.stories)
        self.stories.append(_Group(sp.csr_matrix((1, FEATURES)), None, None))
        topic, similarity = self._best(vector, self.topics, topic_centroids, None, None, timed=False)
        if similarity < self.topic_min:
            topic = len(self.topics)
            self.topics.append(_Group(sp.csr_matrix((1, FEATURES)), None, None))
        self.topics[topic].add(vector, voice.first, voice.last, story)
        self.topic_of_story.append(topic)
        return story

    @staticmethod
    def _centroids(groups: list[_Group]) -> sp.csr_matrix | None:
        return _normalised(sp.csr_matrix(sp.vstack([g.total for g in groups]))) if groups else None

    # -- refinement (builds from scratch) ---------------------------------------------------
    def refine(self) -> None:
        """Re-assign every voice to its best story centroid once (timed), then rebuild the groups."""
        if not self.stories:
            return
        centroids = self._centroids(self.stories)
        assert centroids is not None
        moved = list(self.story_of)
        for index, vector in enumerate(self.vectors):
            voice = self.voices[index]
            story, similarity = self._best(vector, self.stories, centroids, voice.first, voice.last, timed=True)
            if story >= 0 and similarity >= self.story_min:
                moved[index] = story
        self._rebuild(moved)

    def _rebuild(self, story_of: list[int]) -> None:
        """Groups from a story per voice: emptied stories and topics are dropped, order kept."""
        kept = sorted(set(story_of))
        renumber = {old: new for new, old in enumerate(kept)}
        topics_kept = sorted({self.topic_of_story[s] for s in kept})
        topic_renumber = {old: new for new, old in enumerate(topics_kept)}
        self.stories = [_Group(sp.csr_matrix((1, FEATURES)), None, None) for _ in kept]
        self.topic_of_story = [topic_renumber[self.topic_of_story[s]] for s in kept]
        self.topics = [_Group(sp.csr_matrix((1, FEATURES)), None, None) for _ in topics_kept]
        self.story_of = [renumber[s] for s in story_of]
        for index, story in enumerate(self.story_of):
            voice = self.voices[index]
            self.stories[story].add(self.vectors[index], voice.first, voice.last, index)
        for story, group in enumerate(self.stories):
            self.topics[self.topic_of_story[story]].add(group.total, group.first, group.last, story)

    def central_voice(self, story: int) -> int:
        """The member voice most similar to the story's centroid (its title names the story)."""
        group = self.stories[story]
        centroid = _normalised(group.total)
        similarities = [float(centroid.multiply(self.vectors[m]).sum()) for m in group.members]
        return group.members[int(np.argmax(similarities))]

    def labels(self) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """(topic, story) number of every voice, in the order the voices were added."""
        stories = np.array(self.story_of, dtype=np.int64)
        topics = np.array(self.topic_of_story, dtype=np.int64)[stories] if len(stories) else stories
        return topics, stories
