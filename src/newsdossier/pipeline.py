"""The table of contents: the named stages of a build, in order, each timed."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsdossier import steps
from newsdossier.clean import CLEANER_VERSION
from newsdossier.dossier import write_dossier
from newsdossier.entities import AliasTable, read_aliases
from newsdossier.ingest import IngestSettings
from newsdossier.model import Article, RawDocument, Rejection
from newsdossier.nlp import BUNDLED, load_pipeline, pipeline_id
from newsdossier.reuse import ReuseResult
from newsdossier.store import Store
from newsdossier.store.pile import Pile
from newsdossier.stories import StoryResult

if TYPE_CHECKING:
    from newsdossier.spark.tables import SparkOutput

__all__ = ["BuildReport", "build", "build_from", "ingest", "progress_factory"]

ProgressFactory = Callable[[str, int | None], Callable[[int], None]]


def progress_factory(enabled: bool | str) -> ProgressFactory:
    """Progress per stage: a bar on a terminal (``True`` or ``"bar"``), log lines elsewhere (``"log"``:
    a line at each tenth of the articles, or each 1,000 when the total is unknown), or nothing."""
    def factory(label: str, total: int | None) -> Callable[[int], None]:
        if not enabled:
            return lambda _n: None
        if enabled == "log":
            return _log_lines(label, total)
        from tqdm import tqdm

        bar = tqdm(total=total, desc=label, unit="doc", file=sys.stderr, leave=False, mininterval=0.5)
        return bar.update

    return factory


def _log_lines(label: str, total: int | None) -> Callable[[int], None]:
    done = 0
    step = max(1, total // 10) if total else 1000

    def update(count: int) -> None:
        nonlocal done
        before, done = done, done + count
        if before // step != done // step:
            print(f"{label}: {done:,}" + (f" of {total:,}" if total else "") + " articles", file=sys.stderr,
                  flush=True)
    return update


def _silent(_: str, __: int | None) -> Callable[[int], None]:
    return lambda _n: None


@dataclass(slots=True)
class BuildReport:
    """What a run did: counts per stage and seconds per stage."""

    ingest: steps.IngestCounts = field(default_factory=steps.IngestCounts)
    clean: steps.CleanCounts = field(default_factory=steps.CleanCounts)
    prepared: int = 0
    reuse: ReuseResult | None = None
    stories: StoryResult | None = None
    nlp: steps.NlpCounts | None = None
    entities: int = 0
    quotes: int = 0
    time_expressions: int = 0
    events: int = 0
    places: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    outputs: list[Path] = field(default_factory=list)

    @contextmanager
    def timer(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        self.seconds[stage] = time.perf_counter() - started


def _open(db: Path, command: str) -> Store:
    db.parent.mkdir(parents=True, exist_ok=True)
    return Store.open(db, command=command)


def ingest(inputs: Sequence[str | Path], *, db: Path, progress: ProgressFactory = _silent,
           settings: IngestSettings | None = None) -> BuildReport:
    """Read inputs into the pile at ``db`` (no cleaning); ``settings`` say how (JSON field names, limits)."""
    report = BuildReport()
    with _open(db, "ingest") as store:
        run_id = store.start_run("ingest")
        with report.timer("ingest"):
            report.ingest = steps.ingest_into(store, run_id, inputs, settings=settings,
                                              progress=progress("reading", None))
        store.finish_run(run_id, _counts(report))
    return report


def build(inputs: Sequence[str | Path], *, db: Path, out: Path, progress: ProgressFactory = _silent,
          rebuild_stories: bool = False, nlp_model: str = BUNDLED, aliases: Path | None = None,
          settings: IngestSettings | None = None, documents: Iterable[RawDocument | Rejection] = ()) -> BuildReport:
    """Ingest, clean, find reuse and stories, analyse the texts, and write the dossier of the pile at ``db``.

    Stories are added to those of the previous run unless ``rebuild_stories``. ``nlp_model``
    names the spaCy pipeline of the NLP stage (the bundled one by default); ``aliases`` is the
    user's alias table for entities (read before anything is stored, so a bad one stops the
    build with the pile untouched). ``settings`` say how inputs are read (JSON field names,
    limits); ``documents`` are documents made already (the notebook API's texts and records),
    read before the ``inputs``.
    """
    alias_table = read_aliases(aliases) if aliases is not None else None
    model_id = pipeline_id(load_pipeline(nlp_model))  # a bad alias table or model stops us before the pile is touched
    report = BuildReport()
    with _open(db, "build") as store:
        run_id = store.start_run("build")
        with report.timer("ingest"):
            report.ingest = steps.ingest_into(store, run_id, inputs, settings=settings, documents=documents,
                                              progress=progress("reading", None))
        with report.timer("prepare"):
            report.prepared = steps.prepare_pile(store, progress=progress("extracting", store.document_count()))
        with report.timer("furniture evidence"):
            recurring = steps.fit_recurring(store)
        with report.timer("clean"):
            cleaned, report.clean = steps.clean_pile(store, recurring,
                                                     progress=progress("cleaning", store.document_count()))
        with report.timer("nlp"):
            report.nlp = steps.nlp_pile(store, cleaned, nlp_model, model_id,
                                        progress=progress("analysing", len(cleaned)))
        # Everything readers see changes in one transaction (_publish): until it commits they read the
        # last build whole, and a build killed before then leaves that build whole; the documents,
        # extractions and analyses stored above are caches the next run starts from.
        with store.transaction():
            _publish(store, report, cleaned, nlp_model, model_id, rebuild_stories=rebuild_stories,
                     aliases=alias_table)
        del cleaned
        with report.timer("dossier"):
            report.outputs = write_dossier(out, Pile(store), report.ingest.rejections)
        store.finish_run(run_id, _counts(report))
    return report


def build_from(source: str, *, db: Path, out: Path, progress: ProgressFactory = _silent, nlp_model: str = BUNDLED,
               aliases: Path | None = None) -> BuildReport:
    """Load what a Spark build (``newsdossier spark build``) wrote under ``source`` into a new pile at
    ``db``, run the pile-wide stages and write the dossier: the pile a local build of the same inputs
    makes. Texts the Spark job analysed with another pipeline than ``nlp_model`` are analysed here."""
    from newsdossier.spark.tables import SparkOutput

    alias_table = read_aliases(aliases) if aliases is not None else None
    model_id = pipeline_id(load_pipeline(nlp_model))
    tables = SparkOutput(source)
    report = BuildReport()
    with _open(db, "build") as store:
        _check_loadable(store, tables, source)
        run_id = store.start_run("build --from")
        with report.timer("load"):
            report.ingest = steps.load_spark_output(store, run_id, tables)
            articles = tables.articles()
            report.clean.articles = len(articles)
            report.clean.status.update(a.status.value for a in articles)
        with report.timer("nlp"):
            report.nlp = steps.nlp_pile(store, articles, nlp_model, model_id, progress=progress("analysing", None))
        with store.transaction():
            _publish(store, report, articles, nlp_model, model_id, rebuild_stories=True, aliases=alias_table,
                     reuse=tables.reuse())
        del articles
        with report.timer("dossier"):
            report.outputs = write_dossier(out, Pile(store), report.ingest.rejections)
        store.finish_run(run_id, _counts(report))
    return report


def _check_loadable(store: Store, tables: SparkOutput, source: str) -> None:
    """A Spark build is a whole pile: it loads into a new one, from this version's cleaner."""
    from newsdossier.errors import SparkError

    if store.document_count():
        raise SparkError(f"{store.path} holds documents already: load the Spark build in {source} into a new pile "
                         "(another --db), since its reuse links and families cover its own documents only")
    made = tables.manifest
    if (made.prepare_version, made.cleaner_version) != (steps.PREPARE_VERSION, CLEANER_VERSION):
        raise SparkError(f"{source} was made by another version of newsdossier (extraction {made.prepare_version}, "
                         f"cleaner {made.cleaner_version}; this one: {steps.PREPARE_VERSION}, {CLEANER_VERSION}); "
                         "run `newsdossier spark build` again with this version")


def _publish(store: Store, report: BuildReport, cleaned: list[Article], nlp_model: str, model_id: str, *,
             rebuild_stories: bool, aliases: AliasTable | None, reuse: ReuseResult | None = None) -> None:
    """Store the cleaned articles and everything the pile-wide stages find in them (the caller's one
    transaction); ``reuse``: what a Spark build found, instead of finding it here."""
    with report.timer("store articles"):
        articles = steps.store_articles(store, cleaned)
    with report.timer("reuse"):
        report.reuse = steps.reuse_pile(store, articles, found=reuse)
    with report.timer("stories"):
        report.stories = stories = steps.stories_pile(store, articles, report.reuse, rebuild=rebuild_stories)
    with report.timer("annotate: actors, quotes, time, event mentions, places"):
        entities, found = steps.annotate_pile(store, articles, report.reuse, nlp_model, model_id,
                                              aliases=aliases, story_of=stories.story_of)
        report.entities = len(entities)
    with report.timer("quote speakers and groups"):
        report.quotes = steps.quotes_pile(store, articles, report.reuse, entities, found.quotes)
    with report.timer("time expressions"):
        report.time_expressions = steps.time_pile(store, articles, report.reuse, stories, found)
    with report.timer("events"):
        events = steps.events_pile(store, articles, report.reuse, stories, entities, found)
        report.events = len(events)
    with report.timer("places"):
        report.places = steps.places_pile(store, events, found)


def _counts(report: BuildReport) -> dict[str, int]:
    counts = {"documents": report.ingest.documents, "new": report.ingest.new,
              "rejected": sum(report.ingest.rejected.values()), "articles": report.clean.articles}
    counts.update({f"status_{k}": v for k, v in report.clean.status.items()})
    if report.reuse is not None:
        counts.update(links=len(report.reuse.links), families=len(report.reuse.families))
    if report.stories is not None:
        counts.update(stories=len(report.stories.stories), topics=len(report.stories.topics))
    if report.nlp is not None:
        counts.update(nlp_analysed=report.nlp.analysed, nlp_cached=report.nlp.cached, entities=report.entities,
                      quotes=report.quotes, time_expressions=report.time_expressions, events=report.events,
                      places=report.places)
    return counts
