"""The stored steps of the pipeline: each runs a pure stage over the pile and stores its result.

Every step works in batches, one transaction per batch, so an interrupted run leaves
a consistent pile and the next run picks up where it stopped: documents already
stored are not read again, texts already prepared are not extracted again.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeVar

from newsdossier.clean import (
    CLEANER_VERSION,
    PREPARE_VERSION,
    Prepared,
    RecurringLines,
    clean,
    line_keys,
    outlet_key,
    prepare,
)
from newsdossier.clean.agencies import find_dateline
from newsdossier.entities import AliasTable, ArticleFindings, Entity, article_findings, entities_from_findings
from newsdossier.events.attach import attach_dates_and_places
from newsdossier.events.extract import find_event_mentions, sentence_mains
from newsdossier.events.modality import LEFT_OUT, timeline_modality, trigger_types
from newsdossier.events.model import Event, EventMention
from newsdossier.events.resolve import resolve_events, surname_aliases
from newsdossier.ingest import IngestSettings, read_inputs
from newsdossier.model import Article, DateBasis, RawDocument, Rejection, Relation, Status
from newsdossier.nlp import load_pipeline
from newsdossier.nlp.stage import analyse_to_bytes, doc_from_bytes, text_key, unique_texts, worker_count
from newsdossier.executor import LocalExecutor
from newsdossier.places import (
    Toponym,
    find_places,
    mention_countries,
    outlet_country,
    place_of_actor,
    place_of_event,
    places_to_records,
    resolve_by_outlet,
    resolve_by_story,
)
from newsdossier.processes import fork_context, usable_cpus
from newsdossier.quotes import Quote, find_quotes, link_actor
from newsdossier.quotes.group import group_quotes
from newsdossier.records import (
    entity_to_dict,
    event_to_dict,
    family_to_dict,
    link_to_dict,
    prepared_from_json,
    prepared_to_json,
    quote_group_to_dict,
    story_to_dict,
    time_expression_to_dict,
    timeline_entry_to_dict,
    topic_to_dict,
)
from newsdossier.reuse import ReuseResult, find_reuse
from newsdossier.store import Store
from newsdossier.stories import Story, StoryBuilder, StoryDoc, StoryResult
from newsdossier.stories.cluster import STATE_VERSION
from newsdossier.timex import TimeExpression, find_time_expressions, split_sentences
from newsdossier.timex.timeline import build_timeline, dated_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsdossier.spark.tables import SparkOutput
else:
    Doc = object

__all__ = [
    "CleanCounts",
    "IngestCounts",
    "NlpCounts",
    "PREPARE_VERSION",
    "clean_pile",
    "Annotations",
    "annotate_pile",
    "events_pile",
    "fit_recurring",
    "ingest_into",
    "load_spark_output",
    "nlp_pile",
    "outlet_key",
    "pile_articles",
    "prepare_pile",
    "quotes_pile",
    "reuse_pile",
    "stories_pile",
    "time_pile",
]

# Rows written per transaction: large enough that commit cost is amortised (measured:
# 500 documents per commit is within 5 % of one commit per run), small enough that an
# interrupted run loses little work.
BATCH_SIZE: Final = 500

logger = logging.getLogger(__name__)
T = TypeVar("T")
Progress = Callable[[int], None]


def _batches(items: Iterable[T]) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH_SIZE)):
        yield batch


def _no_progress(_: int) -> None:
    return None


@dataclass(slots=True)
class IngestCounts:
    """What an ingest run read: documents, new ones, and rejections by reason."""

    documents: int = 0
    new: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    rejections: list[Rejection] = field(default_factory=list)


@dataclass(slots=True)
class CleanCounts:
    articles: int = 0
    status: Counter[str] = field(default_factory=Counter)


def ingest_into(store: Store, run_id: int, inputs: Sequence[str | Path], *,
                settings: IngestSettings | None = None, documents: Iterable[RawDocument | Rejection] = (),
                progress: Progress = _no_progress) -> IngestCounts:
    """Read inputs (and ``documents`` already made, as the notebook API makes them from texts and
    records) into the store; bad inputs are recorded as rejections and the run goes on."""
    counts = IngestCounts()
    given = chain(documents, read_inputs(inputs, settings=settings or IngestSettings()))

    def stored() -> Iterator[RawDocument]:
        for item in given:
            if isinstance(item, Rejection):
                counts.rejected[item.reason] += 1
                counts.rejections.append(item)
                continue
            counts.documents += 1
            progress(1)
            yield item

    for batch in _batches(stored()):
        counts.new += store.add_documents(batch)
    store.add_rejections(run_id, counts.rejections)
    return counts


def load_spark_output(store: Store, run_id: int, tables: SparkOutput) -> IngestCounts:
    """Store what a Spark build read and made per document (documents, rejections, extracted texts,
    NLP analyses) as caches, a batch per transaction, as a local build's first steps store theirs."""
    counts = IngestCounts()
    for batch in _batches(tables.documents()):
        counts.new += store.add_documents(batch)
    counts.documents = int(tables.manifest.counts.get("documents", counts.new))
    counts.rejections = tables.rejections()
    counts.rejected.update(r.reason for r in counts.rejections)
    store.add_rejections(run_id, counts.rejections)
    for items in tables.prepared():
        store.put_prepared(items, version=PREPARE_VERSION)
    for analyses in tables.analyses():
        store.put_nlp(analyses, model=tables.manifest.nlp_model)
    return counts


def prepare_pile(store: Store, *, progress: Progress = _no_progress) -> int:
    """Decode and extract every stored document not prepared yet; returns how many were."""
    done = store.prepared_hashes(PREPARE_VERSION)
    todo = (doc for doc in store.iter_documents() if doc.content_hash not in done)
    prepared = 0
    for batch in _batches(todo):
        items = [(doc.content_hash, prepared_to_json(prepare(doc))) for doc in batch]
        store.put_prepared(items, version=PREPARE_VERSION)
        prepared += len(items)
        progress(len(items))
    return prepared


def _prepared(store: Store) -> Iterator[Prepared]:
    return map(prepared_from_json, store.iter_prepared(PREPARE_VERSION))


def fit_recurring(store: Store) -> RecurringLines:
    """Count, over the whole pile, in how many articles each line occurs."""
    return RecurringLines().fit((outlet_key(p), line_keys(p)) for p in _prepared(store))


def clean_pile(store: Store, recurring: RecurringLines, *,
               progress: Progress = _no_progress) -> tuple[list[Article], CleanCounts]:
    """Clean every prepared text with the pile's furniture evidence; the articles are stored by
    :func:`store_articles`, with the rest of what the build publishes."""
    counts, articles = CleanCounts(), []
    for batch in _batches(_prepared(store)):
        cleaned = [clean(p, recurring) for p in batch]
        articles.extend(cleaned)
        counts.articles += len(cleaned)
        counts.status.update(a.status.value for a in cleaned)
        progress(len(cleaned))
    for status in Status:
        counts.status.setdefault(status.value, 0)
    return articles, counts


def store_articles(store: Store, articles: Sequence[Article]) -> list[Article]:
    """Store the cleaned articles (replacing the last cleaning's) and return every article of the pile,
    as the pile-wide steps read them."""
    for batch in _batches(articles):
        store.put_articles(batch, cleaner_version=CLEANER_VERSION)
    return pile_articles(store)


@dataclass(slots=True)
class NlpCounts:
    """What the NLP stage did: texts analysed now, texts whose analysis was already stored."""

    model: str = ""
    analysed: int = 0
    cached: int = 0
    words: int = 0
    pruned: int = 0


def nlp_pile(store: Store, articles: Sequence[Article], model: str, model_id: str, *,
             progress: Progress = _no_progress) -> NlpCounts:
    """Analyse every article text not analysed by pipeline ``model`` (whose id is ``model_id``) yet and store the analyses.

    Texts are keyed by content, so articles sharing a text are analysed once; analyses of
    texts no longer in the pile are dropped (for this model only).
    """
    counts = NlpCounts(model=model_id)
    keys = {text_key(a.text) for a in articles}
    todo = unique_texts((a.text for a in articles), store.nlp_hashes(model_id))
    counts.cached = len(keys) - len(todo)
    # One pass over all texts (worker processes start once), stored a batch at a time.
    analyses = zip(todo, analyse_to_bytes(todo.values(), model, processes=worker_count(len(todo))), strict=True)
    while batch := list(islice(analyses, BATCH_SIZE)):
        store.put_nlp(((key, data) for key, (data, _) in batch), model=model_id)
        counts.words += sum(words for _, (_, words) in batch)
        counts.analysed += len(batch)
        progress(len(batch))
    counts.pruned = store.prune_nlp(keys, model=model_id)
    return counts


def _analysis(store: Store, article: Article, model_id: str) -> bytes | None:
    """The stored analysis of ``article`` by pipeline ``model_id`` (None, with a warning, where there is none)."""
    data = store.nlp_data(text_key(article.text), model_id)
    if data is None:
        logger.warning("%s: article %s has no NLP analysis; its actors, quotes and events are left out",
                       store.path, article.id)
    return data


def _spun_sources(reuse: ReuseResult) -> dict[str, str]:
    return {link.target: link.source for link in reuse.links
            if link.relation == Relation.SPUN_REWRITE and link.direction_known}


Sentences = dict[str, list[tuple[int, int]]]


@dataclass(slots=True)
class Annotations:
    """What the annotate pass read from each article's analysis, by article id: quotes (speakers
    not yet linked to actors), sentence spans, resolved time expressions, event mentions, places
    and the modality of each dated clause."""

    quotes: list[Quote] = field(default_factory=list)
    sentences: Sentences = field(default_factory=dict)
    expressions: dict[str, list[TimeExpression]] = field(default_factory=dict)
    events: dict[str, list[EventMention]] = field(default_factory=dict)
    places: dict[str, list[Toponym]] = field(default_factory=dict)
    modality: dict[str, dict[int, tuple[str, str]]] = field(default_factory=dict)  # by expression start

    def add(self, other: Annotations) -> None:
        """Take in what the pass read from later articles (a worker's batch), keeping the articles' order."""
        self.quotes.extend(other.quotes)
        self.sentences.update(other.sentences)
        self.expressions.update(other.expressions)
        self.events.update(other.events)
        self.places.update(other.places)
        self.modality.update(other.modality)


Extractor = Callable[[Article, Doc, Annotations], None]


def _quotes(article: Article, doc: Doc, found: Annotations) -> None:
    found.quotes.extend(find_quotes(article.id, doc))


def _time(article: Article, doc: Doc, found: Annotations) -> None:
    spans = [(s.start_char, s.end_char) for s in doc.sents]
    found.sentences[article.id] = spans
    found.expressions[article.id] = find_time_expressions(article.text, article.published, sentences=spans)


def _dateline_place(dateline: str | None) -> str | None:
    """The first place of a dateline, as the cleaner reads it ("Baghdad/Cairo, Jan 2 (efe-epa).-" -> "Baghdad")."""
    found = (find_dateline(dateline + " .") or find_dateline(dateline + " ")) if dateline else None
    if found is None or not found.place:
        return None
    place = found.place.split("/")[0].strip()
    # "NABLUS, West Bank" -> "Nablus, West Bank": the parts printed in capitals as names are written
    return ", ".join(part.title() if part.isupper() else part for part in (p.strip() for p in place.split(",")))


def _events(article: Article, doc: Doc, found: Annotations) -> None:
    mentions = find_event_mentions(article.id, doc, article.text)
    found.events[article.id] = attach_dates_and_places(
        mentions, doc, found.expressions.get(article.id, ()), article.published.value,
        _dateline_place(article.dateline), main=sentence_mains(mentions, doc),
        published_latest=article.published.latest)


def _places(article: Article, doc: Doc, found: Annotations) -> None:
    found.places[article.id] = find_places(article.text, doc, _dateline_place(article.dateline))


def _dated_modality(article: Article, doc: Doc, found: Annotations) -> None:
    """The modality of the clause each dated time expression dates (what the timeline shows),
    with the event triggers' types (a clause in the complement of "threatened" is threatened)."""
    types = trigger_types(doc, found.events.get(article.id, ()))
    modality = {}
    for expression in found.expressions.get(article.id, ()):
        if expression.dated:
            read = timeline_modality(doc, expression, article.published.value, types)
            modality[expression.start] = (read.kind, read.cue)
    found.modality[article.id] = modality


# Run in this order on each article's decoded analysis (events read the time expressions; the
# dated clauses' modality reads both).
EXTRACTORS: Final[tuple[Extractor, ...]] = (_quotes, _time, _events, _dated_modality, _places)


# Articles per task of the annotate pass (a worker decodes and reads them, then hands their records back),
# tasks a worker may hold at once, and the analysed articles below which the pass runs in this process
# only (a batch takes about 0.7 s on this project's 2-core machine; starting workers takes under 0.1 s).
ANNOTATE_BATCH: Final = 32
ANNOTATE_IN_FLIGHT_PER_WORKER: Final = 4
ANNOTATE_MULTIPROCESS_MIN: Final = 3 * ANNOTATE_BATCH


@dataclass(slots=True)
class _Annotated:
    """What the annotate pass read from one batch of articles."""

    found: Annotations
    findings: list[ArticleFindings]


def _annotate(task: tuple[str, list[tuple[Article, bytes]]]) -> _Annotated:
    """The annotate pass's kernel: each stored analysis of the batch decoded once, the :data:`EXTRACTORS`
    run on it, and the actors as each article names them read from it. Runs in this process or in a worker."""
    model, batch = task
    vocab = load_pipeline(model).vocab
    part = _Annotated(Annotations(), [])
    for article, data in batch:
        doc = doc_from_bytes(data, vocab)
        for extractor in EXTRACTORS:
            extractor(article, doc, part.found)
        if (findings := article_findings(article.id, doc)) is not None:
            part.findings.append(findings)
    return part


def annotate_workers(analysed: int, cpus: int | None = None) -> int:
    """Processes worth running the annotate pass in for ``analysed`` articles: up to 4 where
    :func:`~newsdossier.processes.fork_context` allows workers that share this process's loaded tables,
    else 1 (loading the tables again in each worker would cost it more than it gains on most piles)."""
    if analysed < ANNOTATE_MULTIPROCESS_MIN or fork_context() is None:
        return 1
    return max(1, min(cpus if cpus is not None else usable_cpus(), 4))


def annotate_pile(store: Store, articles: Sequence[Article], reuse: ReuseResult, model: str, model_id: str, *,
                  aliases: AliasTable | None = None, story_of: Mapping[str, str] | None = None,
                  workers: int | None = None, batch_size: int = ANNOTATE_BATCH) -> tuple[list[Entity], Annotations]:
    """One pass over the stored analyses of ``model``: each is decoded once, the :data:`EXTRACTORS`
    run on it, and the entity stage reads it; the pile's actors are resolved and stored (replacing
    the previous ones). Returns them with the annotations (quote speakers are linked to actors by
    :func:`quotes_pile`, event arguments by :func:`events_pile`).

    The articles are read in batches of ``batch_size``, in ``workers`` processes (:func:`annotate_workers`
    unless given), with the same result whatever their number: the first batch runs here, which loads every table the
    extractors read, and the workers are forked after it, so they share those tables."""
    found = Annotations()
    findings: list[ArticleFindings] = []

    def batches() -> Iterator[tuple[str, list[tuple[Article, bytes]]]]:  # read here, in this thread
        batch: list[tuple[Article, bytes]] = []
        for article in articles:
            if (data := _analysis(store, article, model_id)) is not None:
                batch.append((article, data))
            if len(batch) == batch_size:
                yield model, batch
                batch = []
        if batch:
            yield model, batch

    def take(part: _Annotated) -> None:
        found.add(part.found)
        findings.extend(part.findings)

    tasks = batches()
    workers = annotate_workers(len(articles)) if workers is None else workers
    context = fork_context() if workers > 1 else None
    if context is None:
        for task in tasks:
            take(_annotate(task))
    elif (first := next(tasks, None)) is not None:
        take(_annotate(first))
        with LocalExecutor(workers, context=context) as executor:
            for part in executor.map(_annotate, tasks, in_flight=workers * ANNOTATE_IN_FLIGHT_PER_WORKER):
                take(part)
    family_of = {article: family.id for family in reuse.families for article in family.articles}
    entities = entities_from_findings(findings, family_of=family_of, spun_sources=_spun_sources(reuse),
                                      aliases=aliases, story_of=story_of)
    texts = {article.id: article.text for article in articles}
    resolve_by_story(found.places, texts, story_of or {})
    resolve_by_outlet(found.places, texts, {article.id: outlet_country(article.url) for article in articles})
    store.replace_entities((e.id, json.dumps(entity_to_dict(e, place_of_actor(e, found.places)), ensure_ascii=False))
                           for e in entities)
    return entities, found


def time_pile(store: Store, articles: Sequence[Article], reuse: ReuseResult, stories: StoryResult,
              found: Annotations) -> int:
    """Store every article's time expressions (read by the annotate pass; an article without an
    analysis is read here, in sentences split by punctuation), build the stories' timeline of
    dated sentences (none that only a spun rewrite carries, none whose clause the annotate pass
    read as :data:`~newsdossier.events.modality.LEFT_OUT`), and store both (replacing the
    previous ones); returns how many expressions."""
    family_of = {article: family.id for family in reuse.families for article in family.articles}
    rows: list[tuple[str, str]] = []
    dated = []
    count = 0
    for article in articles:
        spans = found.sentences.get(article.id) or split_sentences(article.text)
        expressions = found.expressions.get(article.id)
        if expressions is None:
            expressions = find_time_expressions(article.text, article.published, sentences=spans)
        count += len(expressions)
        rows.append((article.id, json.dumps([time_expression_to_dict(e) for e in expressions], ensure_ascii=False)))
        dated.extend(dated_sentences(article.id, article.text, expressions, spans, found.modality.get(article.id)))
    spun = _spun_sources(reuse)
    # A sentence only a spun rewrite carries is its distortion, not a report (issue #23); one that
    # says the thing did not, or only would have, happened is no fact of its date.
    timeline = [entry for entry in build_timeline(dated, stories.story_of)
                if any(source.article not in spun for source in entry.sources) and entry.modality not in LEFT_OUT]
    store.replace_time(rows, (json.dumps(timeline_entry_to_dict(e, family_of=family_of), ensure_ascii=False)
                              for e in timeline))
    return count


def _actor_spans(entities: Sequence[Entity]) -> dict[str, list[tuple[int, int, str]]]:
    actors: dict[str, list[tuple[int, int, str]]] = {}
    for entity in entities:
        for mention in entity.mentions:
            actors.setdefault(mention.article, []).append((mention.start, mention.end, entity.id))
    for spans in actors.values():
        spans.sort()
    return actors


def events_pile(store: Store, articles: Sequence[Article], reuse: ReuseResult, stories: StoryResult,
                entities: Sequence[Entity], found: Annotations) -> list[Event]:
    """Merge the pile's event mentions into events (each real event once), link their arguments
    to ``entities``, place them (:func:`~newsdossier.places.place_of_event`), and store them
    (replacing the previous ones)."""
    family_of = {article: family.id for family in reuse.families for article in family.articles}
    topic_of = {story.id: story.topic for story in stories.stories}
    people = [e for e in entities if e.type == "PER"]
    topics = {e.id: {topic_of.get(story, story) for m in e.mentions if (story := stories.story_of.get(m.article))}
              for e in people}
    events = resolve_events(found.events, story_of=stories.story_of, family_of=family_of,
                            spun_sources=_spun_sources(reuse), actors=_actor_spans(entities),
                            texts={a.id: a.text for a in articles},
                            published={a.id: a.published.value for a in articles},
                            topic_of=topic_of,
                            story_first={story.id: story.first for story in stories.stories},
                            story_last={story.id: story.last for story in stories.stories},
                            countries=mention_countries(found.events, found.places),
                            aliases=surname_aliases({e.id: e.name for e in people}, topics,
                                                    {e.id: {m.honorific for m in e.mentions if m.honorific}
                                                     for e in people}),
                            people={e.id for e in people})
    for event in events:
        event.geo = place_of_event(event, found.places)
    names = {entity.id: entity.name for entity in entities}
    store.replace_events((e.id, e.type, json.dumps(event_to_dict(e, names=names), ensure_ascii=False))
                         for e in events)
    return events


def places_pile(store: Store, events: Sequence[Event], found: Annotations) -> int:
    """Store the pile's places, each with its mentions and the events :func:`events_pile` placed
    there, then the unresolved names (replacing the previous ones); returns how many were resolved."""
    records = places_to_records(found.places, events)
    store.replace_places((record["id"], json.dumps(record, ensure_ascii=False)) for record in records)
    return sum(record["resolved"] for record in records)


def quotes_pile(store: Store, articles: Sequence[Article], reuse: ReuseResult, entities: Sequence[Entity],
                quotes: Sequence[Quote]) -> int:
    """Link the quotes' speakers to ``entities``, group the same words across the pile and store the
    groups (replacing the previous ones); returns how many."""
    actors = _actor_spans(entities)
    texts = {article.id: article.text for article in articles}
    linked = [link_actor(q, actors.get(q.article, []), texts[q.article]) for q in quotes]
    groups = group_quotes(linked, spun_sources=_spun_sources(reuse))
    family_of = {article: family.id for family in reuse.families for article in family.articles}
    names = {entity.id: entity.name for entity in entities}
    store.replace_quotes(
        (f"q{n}", json.dumps(quote_group_to_dict(g, quote_id=f"q{n}", family_of=family_of, names=names),
                             ensure_ascii=False)) for n, g in enumerate(groups, 1))
    return len(groups)


def pile_articles(store: Store) -> list[Article]:
    """Every cleaned article of the pile, read once for the pile-wide steps (reuse, stories)."""
    return list(store.iter_articles())


def reuse_pile(store: Store, articles: Sequence[Article], *, found: ReuseResult | None = None) -> ReuseResult:
    """Find reuse across the whole pile (or take what a Spark build ``found``) and store links and
    families (replacing the previous ones)."""
    result = found if found is not None else find_reuse(list(articles))
    links = ((link.source, link.target, link.relation.value, json.dumps(link_to_dict(link), ensure_ascii=False))
             for link in result.links)
    families = ((f.id, f.origin, json.dumps(family_to_dict(f), ensure_ascii=False)) for f in result.families)
    store.replace_reuse(links, families)
    return result


def stories_pile(store: Store, articles: Sequence[Article], reuse: ReuseResult, *,
                 rebuild: bool = False) -> StoryResult:
    """Group the pile into stories and store them with the builder's state.

    The first run (or ``rebuild``, or a state from another version of the clustering)
    builds from scratch; later runs add only the articles the state has not seen, so
    stories already reported keep their articles and ids. A new article whose reuse family
    already has a member in the pile joins that member's voice.
    """
    family_of = {article: family.id for family in reuse.families for article in family.articles}
    members = {family.id: family.articles for family in reuse.families}
    docs = [StoryDoc(a.id, a.title or "", a.text, a.published.value, family_of.get(a.id))
            for a in articles]
    builder = None if rebuild else _stored_builder(store)
    if builder is None:
        builder = StoryBuilder()
        builder.build(docs)
    else:
        same_voice_as = {}
        for doc in docs:
            if doc.id not in builder and doc.family:
                known = next((a for a in members[doc.family] if a in builder), None)
                if known is not None:
                    same_voice_as[doc.id] = known
        builder.add(docs, same_voice_as=same_voice_as)
    result = builder.result()
    basis_of = {a.id: a.published.basis for a in articles if a.published.value}
    stories = ((s.id, s.topic, json.dumps(story_to_dict(s, _cut_by(s, basis_of)), ensure_ascii=False))
               for s in result.stories)
    topics = ((t.id, json.dumps(topic_to_dict(t), ensure_ascii=False)) for t in result.topics)
    store.replace_stories(stories, topics, (STATE_VERSION, builder.to_bytes()))
    return result


def _cut_by(story: Story, basis_of: Mapping[str, DateBasis | None]) -> str:
    """What told the story apart (see :func:`records.story_to_dict`), from the publication-date
    basis of each dated article of this run."""
    bases = {basis_of[a] for a in story.articles if a in basis_of}
    if bases - {DateBasis.ESTIMATED}:
        return "content and dates"
    return "content and estimated dates" if bases else "content alone"


def _stored_builder(store: Store) -> StoryBuilder | None:
    """The builder a previous run stored, if it is of this version and readable (else rebuild)."""
    stored = store.story_state()
    if stored is None or stored[0] != STATE_VERSION:
        return None
    try:
        return StoryBuilder.from_bytes(stored[1])
    except ValueError as error:
        logger.warning("%s: the stored story state is unreadable (%s); rebuilding the stories", store.path, error)
        return None
