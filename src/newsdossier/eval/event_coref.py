"""`newsdossier eval event-coref`: cross-document event coreference on ECB+.

Gold event mentions are ECB+'s action markables (``ACTION_*``, ``NEG_ACTION_*``) in the sentences
Barhom et al. (2019) evaluate on (``ECBplus_coreference_sentences.csv`` beside ``ECB+``; every
sentence when it is absent); a mention's gold cluster is the instance its ``CROSS_DOC_COREF`` or
``INTRA_DOC_COREF`` relation points to, else it is a singleton. ``--split dev`` or ``train``
keeps Barhom et al.'s dev or train topics; by default every topic in the folder is scored (the
same command scores the test topics, 36-45, which this copy lacks).

Mentions are clustered inside each gold topic by :func:`newsdossier.events.coref.cluster_mentions`
(a pair scorer learned on the train topics, average link), with what the product reads of each
mention and whether the product's story clustering puts the two documents in one story (the ECB+
topics hold two different events each: two earthquakes, two launches). ``lemma_baseline`` merges
the mentions of one story by their trigger's stem alone.

Two scores: ``conll_f1`` (mean of MUC, B³ and CEAF-e F1) with the gold mentions given, and
``conll_f1_predicted`` with the product's own mentions in the same sentences (every event
mention it finds, factual or not, since ECB+ annotates them all); a predicted mention is the gold
one whose words hold its trigger. ECB+ annotates every action ("said", "party", "dead"); the
product's mentions are PLOVER events only, so the second score is bounded by that recall.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from newsdossier.errors import EvalDataError
from newsdossier.eval.coref import read_cat
from newsdossier.eval.coref_metrics import conll_scores
from newsdossier.events.coref import CorefItem, PairScorer, cluster_mentions, item_of

__all__ = ["EcbItems", "EventCorefDoc", "ecb_items", "evaluate_event_coref", "read_ecb_events"]

DEV_TOPICS: Final = frozenset({"2", "5", "12", "18", "21", "23", "34", "35"})
TEST_TOPICS: Final = frozenset(str(t) for t in range(36, 46))
SENTENCES_CSV: Final = "ECBplus_coreference_sentences.csv"


@dataclass(slots=True)
class EventCorefDoc:
    id: str
    topic: str
    text: str
    title: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, gold cluster
    scored: list[tuple[int, int]] = field(default_factory=list)  # the character ranges of the sentences scored


def _selected_sentences(root: Path) -> dict[tuple[str, str], set[str]] | None:
    for folder in (root, root.parent):
        path = folder / SENTENCES_CSV
        if path.is_file():
            chosen: dict[tuple[str, str], set[str]] = {}
            with path.open(encoding="utf-8") as handle:
                for row in csv.DictReader(handle):
                    chosen.setdefault((row["Topic"].strip(), row["File"].strip()), set()).add(
                        row["Sentence Number"].strip())
            return chosen
    return None


def _read(path: Path, topic: str, selected: dict[tuple[str, str], set[str]] | None) -> EventCorefDoc:
    root, text, tokens, ranges = read_cat(path)
    sentence_of = {t.get("t_id", ""): t.get("sentence", "0") for t in root.iter("token")}
    stem = path.stem.split("_", 1)[1] if "_" in path.stem else path.stem
    wanted = selected.get((topic, stem)) if selected is not None else None
    markables = root.find("Markables")
    relations = root.find("Relations")
    actions: dict[str, list[str]] = {}
    instances: dict[str, str] = {}
    for element in markables if markables is not None else ():
        anchors = [a.get("t_id", "") for a in element.findall("token_anchor") if a.get("t_id") in tokens]
        if anchors and element.tag.startswith(("ACTION", "NEG_ACTION")):
            actions[element.get("m_id", "")] = anchors
        elif not anchors:
            instances[element.get("m_id", "")] = element.get("instance_id") or f"{path.name}#{element.get('m_id')}"
    cluster_of: dict[str, str] = {}
    for relation in relations if relations is not None else ():
        if relation.tag not in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
            continue
        target = relation.find("target")
        label = instances.get(target.get("m_id", "")) if target is not None else None
        if label is None:
            continue
        for source in relation.findall("source"):
            cluster_of[source.get("m_id", "")] = label
    first_line = text.split("\n", 1)[0]
    doc = EventCorefDoc(f"{topic}/{path.stem}", topic, text, first_line,
                        scored=[r for n, r in ranges.items() if wanted is None or n in wanted])
    for m_id, anchors in actions.items():
        if wanted is not None and sentence_of[anchors[0]] not in wanted:
            continue
        spans = sorted((tokens[a].start, tokens[a].end) for a in anchors)
        doc.mentions.append((spans[0][0], spans[-1][1], cluster_of.get(m_id, f"{path.name}#{m_id}")))
    doc.mentions.sort()
    return doc


def read_ecb_events(data: Path, split: str | None = None) -> list[EventCorefDoc]:
    """The ECB+ documents (``DIR/ECB+/<topic>/*.xml`` or ``DIR/<topic>/*.xml``) with their gold event mentions."""
    root = data / "ECB+" if (data / "ECB+").is_dir() else data
    paths = sorted(root.glob("*/*ecb*.xml"))
    if not paths:
        raise EvalDataError(f"{data}: no ECB+ documents (expected ECB+/<topic>/<topic>_<n>ecb*.xml)")
    selected = _selected_sentences(root)
    docs = []
    for path in paths:
        topic = path.parent.name
        if split == "dev" and topic not in DEV_TOPICS or split == "train" and (topic in DEV_TOPICS
                                                                                 or topic in TEST_TOPICS):
            continue
        docs.append(_read(path, topic, selected))
    if not any(d.mentions for d in docs):
        raise EvalDataError(f"{data}: no event mentions in the chosen topics")
    return docs


def _stories(docs: Sequence[EventCorefDoc]) -> dict[str, str]:
    """The product's story of each document, clustered inside its gold topic."""
    from newsdossier.stories import StoryDoc, find_stories

    story_of: dict[str, str] = {}
    by_topic: dict[str, list[EventCorefDoc]] = {}
    for doc in docs:
        by_topic.setdefault(doc.topic, []).append(doc)
    for topic, group in by_topic.items():
        result = find_stories([StoryDoc(d.id, d.title, d.text) for d in group])
        story_of.update({d.id: f"{topic}:{result.story_of[d.id]}" for d in group})
    return story_of


@dataclass(slots=True)
class EcbItems:
    key: dict[tuple[str, int, int], str]  # gold mention -> gold cluster
    gold: list[CorefItem]  # the gold mentions, read by the product
    predicted: list[CorefItem]  # the product's own mentions in the scored sentences


def ecb_items(docs: Sequence[EventCorefDoc], nlp: Any) -> EcbItems:
    """Every document parsed once; its gold mentions and the product's own, as coreference items
    grouped by gold topic, each with the story the product's clustering puts its document in."""
    from newsdossier.events.attach import attach_dates_and_places
    from newsdossier.events.coref import article_names
    from newsdossier.events.extract import find_event_mentions, sentence_mains
    from newsdossier.timex import find_time_expressions

    story_of = _stories(docs)
    found = EcbItems({}, [], [])
    for doc in docs:
        analysed = nlp(doc.text)
        spans = [(s.start_char, s.end_char) for s in analysed.sents]
        expressions = find_time_expressions(doc.text, None, sentences=spans)
        mentions = find_event_mentions(doc.id, analysed, doc.text)
        mentions = attach_dates_and_places(mentions, analysed, expressions, None, None,
                                           main=sentence_mains(mentions, analysed))
        names = article_names(analysed)
        story = story_of[doc.id]
        for start, end, cluster in doc.mentions:
            found.key[(doc.id, start, end)] = cluster
            system = next((m for m in mentions if start <= m.trigger.start < end), None)
            found.gold.append(item_of((doc.id, start, end), doc.topic, story, doc.id, system, analysed, start, end,
                                      names))
        for mention in mentions:
            if not any(low <= mention.trigger.start < high for low, high in doc.scored):
                continue  # only the sentences the gold covers are scored
            gold = next(((doc.id, s, e) for s, e, _ in doc.mentions if s <= mention.trigger.start < e), None)
            name = gold or (doc.id, mention.trigger.start, mention.trigger.end)
            found.predicted.append(item_of(name, doc.topic, story, doc.id, mention, analysed, mention.trigger.start,
                                           mention.trigger.end, names))
    return found


def _rounded(result: dict[str, Any]) -> dict[str, Any]:
    return {name: ({k: round(v, 4) for k, v in value.items()} if isinstance(value, dict) else round(value, 4))
            for name, value in result.items()}


def evaluate_event_coref(data: Path, nlp: Any, *, split: str | None = None,
                         scorer: PairScorer | None = None) -> dict[str, Any]:
    docs = read_ecb_events(data, split)
    started = time.perf_counter()
    items = ecb_items(docs, nlp)
    response = cluster_mentions(items.gold, scorer)
    predicted = cluster_mentions(items.predicted, scorer)
    # the lemma baseline: the product's stories, mentions merged by their stem alone
    baseline = {item.key: f"{item.story}|{item.stem}" for item in items.gold}
    seconds = time.perf_counter() - started
    scores, base, end_to_end = (conll_scores(items.key, r) for r in (response, baseline, predicted))
    return {
        "documents": len(docs), "topics": len({d.topic for d in docs}), "gold_mentions": len(items.key),
        "gold_clusters": len(set(items.key.values())), "predicted_mentions": len(items.predicted),
        "conll_f1": round(scores["conll_f1"], 4), "conll_f1_predicted": round(end_to_end["conll_f1"], 4),
        "lemma_baseline": round(base["conll_f1"], 4),
        "scores": _rounded(scores), "scores_predicted": _rounded(end_to_end), "scores_lemma_baseline": _rounded(base),
        "seconds": round(seconds, 1),
    }
