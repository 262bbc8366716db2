"""Event coreference on mentions alone: which event mentions report the same event.

This is the part of event resolution that needs no pile (no actors, no families), so that it can
be learned and scored on ECB+ (``newsdossier eval event-coref``). Each pair of mentions in a group
(an ECB+ topic; a pile's topic) gets a probability of reporting the same event from a logistic
regression over what the product reads of the two mentions (:data:`FEATURES`: the trigger's stem
and words, its PLOVER type, the content words of its arguments, its day and place, how alike
their sentences and their whole articles are, the names the two articles share, whether the two
stories the product put them in are one); the weights are learned on ECB+'s train topics by
:mod:`newsdossier.events.train_coref` and shipped in ``data/coref_pairs.json`` with the threshold
chosen on the dev topics. Mentions are then clustered by average link: two clusters merge while
their mean pair probability reaches the threshold.
"""

from __future__ import annotations

import json
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from itertools import combinations
from typing import Any, Final

from newsdossier.events.model import EventMention

__all__ = ["FEATURES", "CorefItem", "PairScorer", "cluster_mentions", "content_words", "item_of", "pair_features",
           "pair_scorer", "stem_of"]

_SUFFIXES: Final = ("ations", "ation", "ings", "ing", "ions", "ion", "ments", "ment", "ed", "es", "s", "e")
_COMPOUND_HEADS: Final = ("air", "drone", "missile", "counter")
_STOP: Final = frozenset("the a an of and in on at to for its their his her he she they it who which that this "
                         "these those by with from as was were is are be been".split())
FEATURES: Final = ("same_stem", "same_lemma", "same_type", "argument_overlap", "same_day", "same_place",
                   "article_similarity", "sentence_similarity", "same_article", "shared_names", "trigger_likeness",
                   "same_part_of_speech", "same_stem_x_article_similarity", "same_stem_x_shared_names",
                   "same_story", "same_stem_x_same_story")


def stem_of(lemma: str) -> str:
    """A trigger's word without its derivation, for comparing "killing" with "kill" and
    "assassination" with "assassinate"; a compound keeps its last part ("airstrike": "strike")."""
    word = lemma.lower().replace("-", "")
    for head in _COMPOUND_HEADS:
        if word.startswith(head) and len(word) > len(head) + 3:
            word = word[len(head):]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:6]


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", text.lower()) if w not in _STOP and len(w) > 1)


@dataclass(frozen=True, slots=True)
class CorefItem:
    """What coreference reads of one mention. ``group`` bounds the clustering (a topic), ``article``
    and ``story`` are where it was read, ``article_text`` and ``sentence`` its contexts, ``names``
    the proper nouns of its article."""

    key: Hashable
    group: str
    article: str
    story: str
    lemma: str
    stem: str
    words: str
    part_of_speech: str
    kind: str | None
    day: date | None
    arguments: frozenset[str]
    place: frozenset[str]
    sentence: str
    article_text: str
    names: frozenset[str]


def article_names(doc: Any) -> frozenset[str]:
    """The proper nouns of an analysed article (not a sentence's first word)."""
    return frozenset(t.text for t in doc if t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_sent_start)


def item_of(key: Hashable, group: str, story: str, article: str, mention: EventMention | None, doc: Any,
            start: int, end: int, names: frozenset[str]) -> CorefItem:
    """The item of the mention at ``start``-``end`` of ``doc``: the product's mention when it found
    one at these words (its type, arguments, date and place), else the words' head alone."""
    from newsdossier.events.arguments import lemma_of

    span = doc.char_span(start, end, alignment_mode="expand")
    head = span.root if span is not None and len(span) else doc[0]
    lemma = mention.lemma if mention is not None else lemma_of(head, ())
    kind = day = None
    arguments: frozenset[str] = frozenset()
    place: frozenset[str] = frozenset()
    if mention is not None:
        kind = mention.type
        arguments = frozenset().union(*(content_words(a.text) for a in (mention.source, mention.target,
                                                                           *mention.also_targets) if a is not None))
        when = mention.date
        if when is not None and when.precision == "day" and when.basis != "publication":
            day = when.first
        if mention.place is not None and mention.place_basis == "attached":
            place = content_words(mention.place.text)
    return CorefItem(key, group, article, story, lemma, stem_of(lemma), doc.text[start:end].lower(), head.pos_,
                     kind, day, arguments, place, head.sent.text, doc.text, names)


def pair_features(a: CorefItem, b: CorefItem, article_similarity: float, sentence_similarity: float) -> list[float]:
    """The :data:`FEATURES` of a pair, given the cosine similarities of their articles and sentences."""
    from rapidfuzz import fuzz

    same_stem = float(a.stem == b.stem)
    if a.day is not None and b.day is not None:
        day = 1.0 if a.day == b.day else (-1.0 if abs((a.day - b.day).days) > 1 else 0.0)
    else:
        day = 0.0
    names = len(a.names & b.names) / max(1, len(a.names | b.names))
    same_story = float(a.story == b.story)
    return [same_stem, float(a.lemma == b.lemma), float(a.kind is not None and a.kind == b.kind),
            len(a.arguments & b.arguments) / max(1, len(a.arguments | b.arguments)), day,
            float(bool(a.place & b.place)), article_similarity, sentence_similarity, float(a.article == b.article),
            names, fuzz.ratio(a.words, b.words) / 100, float(a.part_of_speech == b.part_of_speech),
            same_stem * article_similarity, same_stem * names, same_story, same_stem * same_story]


@dataclass(frozen=True, slots=True)
class PairScorer:
    weights: tuple[float, ...]
    intercept: float
    threshold: float

    def probabilities(self, rows: Any) -> Any:
        import numpy as np

        return 1.0 / (1.0 + np.exp(-(np.asarray(rows) @ np.asarray(self.weights) + self.intercept)))


@lru_cache(maxsize=1)
def pair_scorer() -> PairScorer:
    """The shipped scorer (``data/coref_pairs.json``)."""
    data = json.loads(resources.files("newsdossier.events").joinpath("data", "coref_pairs.json").read_text("utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError("events/data/coref_pairs.json was trained on other features; retrain it "
                         "(python -m newsdossier.events.train_coref)")
    return PairScorer(tuple(data["weights"]), float(data["intercept"]), float(data["threshold"]))


def _similarities(items: Sequence[CorefItem]) -> tuple[Any, Any]:
    """Cosine similarity matrices of the items' articles and sentences (TF-IDF over the group)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    def matrix(texts: list[str]) -> Any:
        try:
            vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
        except ValueError:  # nothing but stop words
            import numpy as np

            return np.zeros((len(texts), len(texts)))
        return (vectors @ vectors.T).toarray()

    return matrix([i.article_text for i in items]), matrix([i.sentence for i in items])


def cluster_mentions(items: Sequence[CorefItem], scorer: PairScorer | None = None) -> dict[Hashable, str]:
    """A cluster label for every item: average-link clusters of each group under ``scorer``
    (the shipped one by default)."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    scorer = scorer or pair_scorer()
    groups: dict[str, list[CorefItem]] = {}
    for item in items:
        groups.setdefault(item.group, []).append(item)
    labels: dict[Hashable, str] = {}
    for group, members in groups.items():
        if len(members) == 1:
            labels[members[0].key] = f"{group}#1"
            continue
        articles, sentences = _similarities(members)
        pairs = list(combinations(range(len(members)), 2))
        rows = [pair_features(members[i], members[j], float(articles[i, j]), float(sentences[i, j]))
                for i, j in pairs]
        distance = np.zeros((len(members), len(members)))
        for (i, j), p in zip(pairs, scorer.probabilities(rows), strict=True):
            distance[i, j] = distance[j, i] = 1.0 - p
        tree = linkage(squareform(distance, checks=False), method="average")
        for member, label in zip(members, fcluster(tree, t=1.0 - scorer.threshold, criterion="distance"), strict=True):
            labels[member.key] = f"{group}#{label}"
    return labels
