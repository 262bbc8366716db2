"""The actor audit: how trustworthy the dossier's actor list is, on any pile with gold entity annotations.

``newsdossier eval actors --data DIR [--split dev] --json`` runs the product's own actor stage
(NLP analysis, then :func:`~newsdossier.entities.find_entities` as ``build`` calls it: mentions,
the pile's known names, local grouping, resolution) on every topic of a MEANTIME or ECB+
directory as one pile, with no help from the gold (unlike ``eval entity-coref``, which hands the
resolver the gold mentions the NER missed), and scores what a reader of the dossier sees:

* ``junk_share``: of the actors with a judged mention, the share none of whose judged mentions
  is a gold entity ("Sadly", "Think", "Christmas" as actors);
* ``mistyped_share``: of the actors that are gold entities, the share whose type differs from
  the type most of their gold mentions have;
* ``mention_precision``: of the actors' judged mentions, the share inside a gold entity markable
  (named or not: "the Iraqi prime minister" is an entity, so a name inside it is right);
* ``type_accuracy``: of the actors' mentions that are gold PER/ORG/LOC names, the share whose
  actor has that type (the dossier shows one type per actor);
* ``name_recall``: of the gold named mentions, the share whose head an actor mention covers;
* ``merge_precision`` / ``merge_recall``: over *spellings* (a gold entity written one way, by
  name key), the pairs the product put in one actor that are one gold entity, and the pairs of
  one gold entity the product put in one actor. Only gold entities annotated across documents
  are scored (ECB+ leaves its non-participants in document-local chains; see :mod:`.coref`), and
  gold entities of a topic that are written identically (one name key) are taken as one: both
  corpora hold the same name as several instances where annotators did not link them ("France"
  twice, "United States" as a place and as a government), and no reader would call joining
  them a false merge; likewise a spelling that is the acronym of another's words within the topic
  ("US" and "United States", "UK" and "United Kingdom", annotated as separate place and
  government instances). ``false_merges`` lists the wrongly merged spellings to read.

A product mention is *judged* where the gold annotates every entity: in MEANTIME, the first
sentences of each document, up to the last one holding a mention of the document-level pass (the
later sentences hold only the mentions the cross-document pass added for its chains); in
ECB+, only in the sentences ``ECBplus_coreference_sentences.csv`` lists, and even there ECB+
marks only the participants of its events, so a real name that takes part in none counts as
junk there: ECB+ precision is a lower bound, MEANTIME's is the fair one.

ECB+ splits (Cybulska & Vossen 2015, as in :mod:`.stories`): ``dev`` topics 2, 5, 12, 18, 21,
23, 34, 35; ``train`` the other topics of this copy (test topics 36-45 are not in it).
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdossier.entities import find_entities
from newsdossier.entities.names import name_key
from newsdossier.errors import ConfigError
from newsdossier.eval.coref import CorefDoc, GoldMention, _covering, read_coref_corpus

if TYPE_CHECKING:
    from spacy.language import Language

    from newsdossier.entities import Entity

__all__ = ["ECB_DEV_TOPICS", "evaluate_actors", "score_actors"]

ECB_DEV_TOPICS = frozenset({"2", "5", "12", "18", "21", "23", "34", "35"})
ECB_SENTENCES_FILE = "ECBplus_coreference_sentences.csv"
_EXAMPLES = 40


def _split(docs: list[CorefDoc], layout: str, split: str | None) -> list[CorefDoc]:
    if split is None:
        return docs
    if layout != "ecbplus":
        raise ConfigError(f"--split {split}: MEANTIME has no splits; leave --split out")
    if split == "test":
        raise ConfigError("--split test: ECB+ test topics 36-45 are not in this copy of the corpus")
    return [d for d in docs if (d.topic in ECB_DEV_TOPICS) == (split == "dev")]


def _judged_sentences(data: Path) -> dict[str, set[str]] | None:
    """ECB+: document id -> the sentence numbers annotated; None (all) elsewhere."""
    for candidate in (data / ECB_SENTENCES_FILE, data.parent / ECB_SENTENCES_FILE):
        if candidate.is_file():
            judged: dict[str, set[str]] = {}
            with candidate.open(encoding="utf-8") as handle:
                for row in csv.DictReader(handle):
                    judged.setdefault(f"{row['Topic']}/{row['Topic']}_{row['File']}", set()).add(row["Sentence Number"])
            return judged
    return None


@dataclass(frozen=True, slots=True)
class _Judged:
    doc: CorefDoc
    ranges: tuple[tuple[int, int], ...] | None  # None: the whole document is annotated

    def covers(self, start: int) -> bool:
        return self.ranges is None or any(s <= start < e for s, e in self.ranges)

    def markable(self, start: int, end: int) -> tuple[int, int, str | None] | None:
        """The shortest gold markable holding the mention's last character, if any."""
        holding = [m for m in self.doc.markables if m[0] <= end - 1 < m[1] and m[1] - m[0] <= 4 * (end - start) + 40]
        return min(holding, key=lambda m: m[1] - m[0]) if holding else None


def _judged_ranges(doc: CorefDoc, judged_sentences: dict[str, set[str]] | None) -> tuple[tuple[int, int], ...] | None:
    if judged_sentences is not None:
        return tuple(doc.sentences[n] for n in judged_sentences.get(doc.id, ()) if n in doc.sentences)
    if doc.fully_annotated_until is not None:
        return ((0, doc.fully_annotated_until),)
    return None


def score_actors(docs: Sequence[CorefDoc], entities_of: dict[str, list[Entity]],
                 judged_sentences: dict[str, set[str]] | None = None) -> dict[str, Any]:
    """The audit's scores (module docstring) of ``entities_of`` (topic -> the product's actors)."""
    judged = {d.id: _Judged(d, _judged_ranges(d, judged_sentences)) for d in docs}
    gold_at = {d.id: [(g.start, g.end, g) for g in d.mentions] for d in docs}
    actors = judged_actors = junk = mistyped = gold_actors = 0
    mentions = right_mentions = typed = right_type = 0
    junk_examples: list[str] = []
    mistyped_examples: list[str] = []
    actor_spellings: list[set[tuple[str, str, str]]] = []  # each actor's (topic, gold cluster, name key)
    for topic, entities in entities_of.items():
        for entity in entities:
            actors += 1
            judged_here = hits = 0
            gold_types: Counter[str] = Counter()
            found_spellings: set[tuple[str, str]] = set()
            for mention in entity.mentions:
                where = judged.get(mention.article)
                if mention.how == "nominal" or where is None or not where.covers(mention.start):
                    continue
                judged_here += 1
                markable = where.markable(mention.start, mention.end)
                hits += markable is not None
                named = next((g for s, e, g in gold_at[mention.article] if s <= mention.end - 1 < e), None)
                if named is not None:
                    typed += 1
                    right_type += named.type == entity.type
                    gold_types[named.type] += 1
                    if "#" not in named.cluster:
                        found_spellings.add((named.cluster, name_key(mention.text)))
                elif markable is not None and markable[2] is not None:
                    gold_types[markable[2]] += 1
            mentions += judged_here
            right_mentions += hits
            if judged_here:
                judged_actors += 1
                if not hits:
                    junk += 1
                    junk_examples.append(f"{topic}: {entity.name} ({entity.type})")
            if gold_types:
                gold_actors += 1
                if gold_types.most_common(1)[0][0] != entity.type:
                    mistyped += 1
                    mistyped_examples.append(f"{topic}: {entity.name} ({entity.type}, gold "
                                             f"{gold_types.most_common(1)[0][0]})")
            actor_spellings.append({(topic, cluster, key) for cluster, key in found_spellings})
    same = _same_gold_entity(s for spellings in actor_spellings for s in spellings)
    merged = right_merges = 0
    false_merges: list[str] = []
    for spellings in actor_spellings:
        for a, b in combinations(sorted(spellings), 2):
            merged += 1
            if same[a[:2]] == same[b[:2]]:
                right_merges += 1
            elif len(false_merges) < _EXAMPLES:
                false_merges.append(f"{a[0]}: {a[2]!r} ({a[1]}) = {b[2]!r} ({b[1]})")
    keys_of: dict[tuple[str, str], set[str]] = {}
    for spellings in actor_spellings:
        for topic, cluster, key in spellings:
            keys_of.setdefault(same[(topic, cluster)], set()).add(key)
    same_entity_pairs = sum(len(keys) * (len(keys) - 1) // 2 for keys in keys_of.values())
    gold = [g for d in docs for g in d.mentions]
    found = sum(1 for g in gold if _covering(g, [(m.start, m.end, m) for e in entities_of.get(g.doc.split("/")[0], ())
                                                 for m in e.mentions if m.article == g.doc]) is not None)
    return {
        "actors": actors, "judged_actors": judged_actors,
        "junk_share": _share(junk, judged_actors), "mistyped_share": _share(mistyped, gold_actors),
        "mention_precision": _share(right_mentions, mentions), "judged_mentions": mentions,
        "type_accuracy": _share(right_type, typed), "typed_mentions": typed,
        "name_recall": _share(found, len(gold)), "gold_named_mentions": len(gold),
        "merge_precision": _share(right_merges, merged), "merge_recall": _share(right_merges, same_entity_pairs),
        "merged_spelling_pairs": merged, "false_merge_pairs": merged - right_merges,
        "junk": sorted(junk_examples)[:_EXAMPLES * 3], "mistyped": sorted(mistyped_examples)[:_EXAMPLES * 3],
        "false_merges": false_merges,
    }


def _same_gold_entity(spellings: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """(topic, gold cluster) -> a representative: clusters of a topic sharing a name key, or one's
    key the acronym of the other's words, are one."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(x: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    first_with_key: dict[tuple[str, str], tuple[str, str]] = {}
    spellings = list(spellings)
    for topic, cluster, key in spellings:
        here = find((topic, cluster))
        other = find(first_with_key.setdefault((topic, key), here))
        if other != here:
            parent[here] = other
    for topic, cluster, key in spellings:  # "US" is "United States": an acronym key is its capitals
        if " " in key:
            acronym = "".join(word[0] for word in key.split()).upper()
            other_cluster = first_with_key.get((topic, acronym))
            if other_cluster is not None and find(other_cluster) != find((topic, cluster)):
                parent[find((topic, cluster))] = find(other_cluster)
    return {x: find(x) for x in list(parent)}


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _topics(docs: Iterable[CorefDoc]) -> dict[str, list[CorefDoc]]:
    by_topic: dict[str, list[CorefDoc]] = {}
    for doc in docs:
        by_topic.setdefault(doc.topic, []).append(doc)
    return by_topic


def evaluate_actors(data: Path, nlp: Language, *, split: str | None = None) -> dict[str, Any]:
    """The actor audit of the product on a MEANTIME or ECB+ directory (see the module docstring)."""
    from newsdossier.nlp.stage import analyse

    layout, docs = read_coref_corpus(data)
    docs = _split(docs, layout, split)
    started = time.perf_counter()
    entities_of = {}
    for topic, topic_docs in _topics(docs).items():
        analyses = zip((d.id for d in topic_docs), analyse((d.text for d in topic_docs), nlp), strict=True)
        entities_of[topic] = find_entities(analyses)
    seconds = time.perf_counter() - started
    result = score_actors(docs, entities_of, _judged_sentences(data) if layout == "ecbplus" else None)
    result.update(layout=layout, split=split or "all", documents=len(docs), topics=len(entities_of),
                  seconds=round(seconds, 2))
    return result
