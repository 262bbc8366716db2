"""Command line: parse arguments, call one library function, map errors to exit codes.

Exit status (documented in the README):
    0  done, every input read
    1  failed: the pile or an output could not be written, or a benchmark is not where it was said to be
    2  usage error (unknown option, missing argument, a bad --field or config file), before anything is opened
    3  done, but some inputs were rejected (each is listed with its file and reason)
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from newsdossier import __version__
from newsdossier.errors import NewsdossierError, PileBusyError
from newsdossier.evaluate import TASKS

if TYPE_CHECKING:
    from newsdossier.config import Config
    from newsdossier.store.pile import Pile

__all__ = ["COMMANDS", "main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_REJECTED, EXIT_BUSY = 0, 1, 2, 3, 4
DEFAULT_DB = Path("newsdossier.db")  # newsdossier.config.DEFAULT_DB, not imported: --help should not load the readers
MAX_REJECTIONS_LISTED = 20


def _summary(report: Any, out: Path | None) -> int:
    ingest = report.ingest
    rejected = sum(ingest.rejected.values())
    print(f"read {ingest.documents} document(s), {ingest.new} new; rejected {rejected} input(s)"
          + (": " + ", ".join(f"{reason} {n}" for reason, n in sorted(ingest.rejected.items())) if rejected else ""))
    for rejection in ingest.rejections[:MAX_REJECTIONS_LISTED]:
        print(f"  rejected {rejection}", file=sys.stderr)
    if len(ingest.rejections) > MAX_REJECTIONS_LISTED:
        print(f"  ... and {len(ingest.rejections) - MAX_REJECTIONS_LISTED} more; every one is kept in the pile: "
              "newsdossier export --what rejections", file=sys.stderr)
    if report.clean.articles:
        status = report.clean.status
        print(f"articles: {report.clean.articles} ({status['full']} full, {status['truncated']} truncated, "
              f"{status['stub']} stub)")
    if getattr(report, "nlp", None) is not None:
        nlp = report.nlp
        print(f"nlp: {nlp.model} analysed {nlp.analysed} text(s) ({nlp.words} words), {nlp.cached} already analysed")
    for path in report.outputs:
        print(f"wrote {path}")
    print("time: " + ", ".join(f"{stage} {seconds:.2f}s" for stage, seconds in report.seconds.items()))
    return EXIT_REJECTED if rejected else EXIT_OK


class _UsageError(Exception):
    """An option or config file the command cannot run with: exit 2, before anything is opened or written."""


def _cmd_build(args: argparse.Namespace) -> int:
    from newsdossier.pipeline import build, build_from, progress_factory

    if bool(args.inputs) == bool(args.from_dir):
        raise _UsageError("give INPUTs to read, or --from DIR to load a Spark build (`newsdossier spark build`), "
                          "not both" if args.inputs else "give INPUTs to read, or --from DIR to load a Spark build")
    config = _config(args)
    if args.from_dir:
        report = build_from(args.from_dir, db=config.pile.db, out=config.dossier.out,
                            progress=progress_factory(_show_progress(args)), nlp_model=config.nlp.model,
                            aliases=config.entities.aliases)
        return _summary(report, config.dossier.out)
    report = build(args.inputs, db=config.pile.db, out=config.dossier.out,
                   progress=progress_factory(_show_progress(args)), rebuild_stories=config.stories.rebuild,
                   nlp_model=config.nlp.model, aliases=config.entities.aliases, settings=config.ingest)
    return _summary(report, config.dossier.out)


def _cmd_spark(args: argparse.Namespace) -> int:
    from newsdossier.spark import require_pyspark

    require_pyspark()
    from newsdossier.spark.job import session, spark_build

    if args.partitions < 1:
        raise _UsageError(f"--partitions must be 1 or more, not {args.partitions}")
    conf = {}
    for setting in args.conf or ():
        key, sep, value = setting.partition("=")
        if not sep or not key.strip():
            raise _UsageError(f"--conf takes KEY=VALUE (a Spark setting), not {setting!r}")
        conf[key.strip()] = value
    config = _config(args)
    spark = session(args.master, partitions=args.partitions, conf=conf)
    try:
        report = spark_build(spark, args.inputs, args.out, settings=config.ingest, nlp_model=config.nlp.model,
                             partitions=args.partitions, analyse=not args.no_nlp)
    finally:
        spark.stop()
    assert report.manifest is not None
    counts = report.manifest.counts
    print(f"{counts['documents']:,} documents ({counts['unique']:,} distinct, {counts['rejected']:,} rejected), "
          f"{counts['articles']:,} articles, {report.manifest.reuse_counts.get('voices', 0):,} voices; "
          f"{report.manifest.pairs_compared:,} pairs aligned")
    print("seconds: " + ", ".join(f"{stage} {seconds:.1f}" for stage, seconds in report.seconds.items()))
    print(f"tables in {args.out}; load them: newsdossier build --from {args.out} --db pile.db --out out/")
    return EXIT_REJECTED if counts["rejected"] else EXIT_OK


def _cmd_ingest(args: argparse.Namespace) -> int:
    from newsdossier.pipeline import ingest, progress_factory

    config = _config(args)
    report = ingest(args.inputs, db=config.pile.db, progress=progress_factory(_show_progress(args)),
                    settings=config.ingest)
    return _summary(report, None)


def _cmd_config(args: argparse.Namespace) -> int:
    from newsdossier.config import config_to_toml, load_config
    from newsdossier.errors import ConfigError

    try:
        print(config_to_toml(load_config(args.file).absolute() if args.file is not None else None), end="")
    except ConfigError as error:
        raise _UsageError(str(error)) from error
    return EXIT_OK


Section = TypeVar("Section")


def _config(args: argparse.Namespace) -> Config:
    """The command's settings: each option given on the command line, else ``--config FILE``'s value, else the
    default. Only a file named by --config is read: a newsdossier.toml in the current folder is not picked up."""
    from newsdossier.config import Config, load_config
    from newsdossier.errors import ConfigError

    try:
        config = load_config(args.config) if args.config is not None else Config()
        fields = _field_options(args.field)
        ingest = replace(config.ingest, json_fields={**config.ingest.json_fields, **fields})
    except ConfigError as error:
        raise _UsageError(str(error)) from error
    return replace(config, pile=_given(config.pile, db=getattr(args, "db", None)), ingest=ingest,
                   stories=_given(config.stories, rebuild=getattr(args, "rebuild_stories", None)),
                   nlp=_given(config.nlp, model=getattr(args, "nlp_model", None)),
                   entities=_given(config.entities, aliases=getattr(args, "aliases", None)),
                   dossier=_given(config.dossier, out=getattr(args, "out", None)))


def _given(section: Section, **options: Any) -> Section:
    """``section`` with the options given on the command line (those not None) in place of its values."""
    given = {name: value for name, value in options.items() if value is not None}
    return replace(section, **given)  # type: ignore[type-var]  # every Section is a config dataclass


def _field_options(fields: Sequence[str] | None) -> dict[str, list[str]]:
    """The JSON field mapping of ``--field NAME=KEY[,KEY...]`` options ("text=article_body")."""
    from newsdossier.errors import ConfigError

    mapping: dict[str, list[str]] = {}
    for field in fields or ():
        name, sep, keys = field.partition("=")
        if not sep or not name.strip() or not keys.strip():
            raise ConfigError(f"--field {field!r}: write it NAME=KEY, e.g. --field text=article_body")
        mapping.setdefault(name.strip(), []).extend(k.strip() for k in keys.split(",") if k.strip())
    return mapping


@contextmanager
def _built_pile(db: Path) -> Iterator[Pile]:
    """The pile at ``db``, read-only, as of one moment (a build publishing meanwhile is seen whole or not
    at all); an error naming the file if there is none."""
    from newsdossier.store.pile import Pile

    with Pile.open(db) as pile, pile.snapshot():
        yield pile


def _cmd_search(args: argparse.Namespace) -> int:
    with _built_pile(args.db) as pile:
        hits = pile.search(args.query, limit=args.limit)
    if args.json:
        print(json.dumps([{"article": h.article_id, "title": h.title, "snippet": h.snippet, "score": h.score}
                          for h in hits], ensure_ascii=False, indent=2))
        return EXIT_OK
    for hit in hits:
        print(f"{hit.article_id}  {hit.title or '(no headline)'}\n    {hit.snippet}")
    if not hits:
        print("no matches", file=sys.stderr)
    return EXIT_OK


def _cmd_provenance(args: argparse.Namespace) -> int:
    with _built_pile(args.db) as pile:
        links, families = pile.reuse().items, pile.families().items
        if args.json:
            print(json.dumps({"reuse": links, "families": families}, ensure_ascii=False, indent=2))
            return EXIT_OK
        titles = {a.id: (a.title or Path(a.source_path).name, a.outlet or "?") for a in pile.articles()}
    print(f"{len(titles)} article(s), {len(families)} independent source famil{'y' if len(families) == 1 else 'ies'}")
    for family in families:
        if len(family["articles"]) > 1 or args.all:
            print(f"{family['id']}  origin {family['origin']}: {len(family['articles'])} article(s)")
            for member in family["articles"]:
                title, outlet = titles.get(member, ("?", "?"))
                print(f"    {member}  {outlet}: {title}")
    for link in links:
        arrow = "->" if link["direction_known"] else "<->"
        print(f"{link['source']} {arrow} {link['target']}  {link['relation']}  score {link['score']}\n"
              f"    {link['evidence']}\n    direction: {link['direction_evidence']}")
    return EXIT_OK


def _cmd_stories(args: argparse.Namespace) -> int:
    with _built_pile(args.db) as pile:
        stories, topics = pile.stories().items, pile.topics().items
        if args.json:
            print(json.dumps({"stories": stories, "topics": topics}, ensure_ascii=False, indent=2))
            return EXIT_OK
        if not stories:
            print(f"{args.db}: no stories yet; run newsdossier build on this pile", file=sys.stderr)
            return EXIT_OK
        titles = {a.id: (a.title or Path(a.source_path).name, a.outlet or "?", a.published.value)
                  for a in pile.articles()}
    by_id = {story["id"]: story for story in stories}
    print(f"{len(stories)} stor{'y' if len(stories) == 1 else 'ies'} in {len(topics)} topic(s)")
    for topic in topics:
        print(f"{topic['id']}  {topic['title']}  ({topic['article_count']} article(s), "
              f"{topic['independent_families']} independent)")
        for story in (by_id[s] for s in topic["stories"]):
            span = " to ".join(dict.fromkeys(d for d in (story["first"], story["last"]) if d)) or "undated"
            print(f"  {story['id']}  {story['title']}\n      {span}; {len(story['articles'])} article(s) from "
                  f"{story['independent_families']} independent famil{'y' if story['independent_families'] == 1 else 'ies'}")
            if args.articles:
                for member in story["articles"]:
                    title, outlet, published = titles.get(member, ("?", "?", None))
                    print(f"      {member}  {published or 'undated'}  {outlet}: {title}")
    return EXIT_OK


def _cmd_entities(args: argparse.Namespace) -> int:
    if args.why:
        from newsdossier.entities.resolve import why_not

        name, other = args.why
        print(why_not(name, other, (args.type or ["PER"])[0]))
        return EXIT_OK
    with _built_pile(args.db) as pile:
        entities = pile.entities(type=args.type or None).items
    if args.json:
        print(json.dumps(entities, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not entities:
        print(f"{args.db}: no entities; run newsdossier build on this pile", file=sys.stderr)
    for entity in entities[: args.limit]:
        print(f"{entity['id']}  {entity['name']}  {entity['type']}  {entity['independent_families']} independent "
              f"famil{'y' if entity['independent_families'] == 1 else 'ies'}, {len(entity['mentions'])} mention(s)")
        if entity["aliases"]:
            print(f"    also: {', '.join(entity['aliases'])}")
        for role in entity["roles"]:
            print(f"    role: {role['role']}  ({role['article']} {role['start']}-{role['end']})")
        if args.evidence:
            for reason in entity["evidence"]:
                print(f"    merged: {reason}")
    return EXIT_OK


def _cmd_quotes(args: argparse.Namespace) -> int:
    with _built_pile(args.db) as pile:
        quotes = pile.quotes(speaker=args.speaker or None, direct=True if args.direct else None).items
    if args.json:
        print(json.dumps(quotes, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not quotes:
        print(f"{args.db}: no quotes (run newsdossier build on this pile, or loosen --speaker/--direct)", file=sys.stderr)
    for quote in quotes[: args.limit]:
        speaker = quote["speaker_name"] or quote["speaker_text"] or "unattributed"
        how = "anonymous" if quote["anonymous"] else quote["speaker_how"]
        role = f", {quote['role']}" if quote["role"] else ""
        text = f"“{quote['text']}”" if quote["direct"] else quote["text"]
        print(f"{quote['id']}  {speaker} ({how}{role}) {quote['cue'] or ''}\n    {text}\n    "
              f"{quote['article']} {quote['start']}-{quote['end']}; {len(quote['sources'])} article(s), "
              f"{quote['independent_families']} independent famil{'y' if quote['independent_families'] == 1 else 'ies'}")
    return EXIT_OK


def _cmd_events(args: argparse.Namespace) -> int:
    from newsdossier.records import unknown_date

    with _built_pile(args.db) as pile:
        events = pile.events(story=args.story or None, type=args.type or None, actor=args.actor or None,
                             background=None if args.background else False).items
    if args.json:
        print(json.dumps(events, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not events:
        print(f"{args.db}: no events (run newsdossier build on this pile, or loosen --story/--type)", file=sys.stderr)
    for event in events[: args.limit]:
        when = unknown_date(event) if not event["date"] else (
            f"week to {event['date']} (publication)" if event["date_basis"] == "publication"
            else f"{event['date']} ({event['date_text']})")
        place = event["place"]
        where = "" if not place else f" in {place['name']}" + (
            f" ({place['lat']:.2f}, {place['lon']:.2f}; {place['precision']})" if place["lat"] is not None else "")
        who = ", ".join(event["actor_names"]) or "?"
        whom = f" -> {', '.join(event['target_names'])}" if event["target_names"] else ""
        families = event["independent_families"]
        reworded = sum(1 for m in event["mentions"] if m["reworded"])
        conflicts = "".join(f"\n    sources disagree on the {c['field']}: {c['value']} ({', '.join(c['families'])})"
                            for c in event["conflicts"])
        print(f"{event['id']}  {event['type']}{' [background]' if event['background'] else ''}  {when}{where}  "
              f"{who}{whom}\n    {event['summary']}\n    {len(event['mentions'])} mention(s) in "
              f"{len({m['article'] for m in event['mentions']})} article(s), {families} independent "
              f"famil{'y' if families == 1 else 'ies'}{f', {reworded} reworded' if reworded else ''}; story "
              f"{event['story']}{conflicts}")
    return EXIT_OK


def _cmd_timex(args: argparse.Namespace) -> int:
    from datetime import date

    from newsdossier.clean import clean, prepare
    from newsdossier.ingest import read_inputs
    from newsdossier.model import DateBasis, PublicationDate, Rejection
    from newsdossier.records import time_expression_to_dict
    from newsdossier.timex import find_time_expressions

    override = None
    if args.published:
        try:
            override = PublicationDate(date.fromisoformat(args.published), DateBasis.TEXT, evidence="--published")
        except ValueError:
            print(f"newsdossier timex: error: --published {args.published!r} is not a date like 2021-01-02",
                  file=sys.stderr)
            return EXIT_USAGE
    status = EXIT_OK
    results = []
    for item in read_inputs([args.file]):
        if isinstance(item, Rejection):
            print(f"newsdossier timex: rejected {item}", file=sys.stderr)
            status = EXIT_REJECTED
            continue
        article = clean(prepare(item))
        published = override or article.published
        expressions = find_time_expressions(article.text, published)
        results.append({"where": item.where, "published": published.value.isoformat() if published.value else None,
                        "published_basis": published.basis.value if published.basis else None,
                        "time_expressions": [time_expression_to_dict(e) for e in expressions]})
        if not args.json:
            _print_timex(item.where, article.text, published, expressions)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return status


def _print_timex(where: str, text: str, published: Any, expressions: Sequence[Any]) -> None:
    basis = f" ({published.basis.value})" if published.basis else ""
    span = (f", between {published.earliest} and {published.latest}"
            if published.basis and published.basis.value == "estimated" else "")
    print(f"{where}\npublished: {published.value or 'unknown'}{basis}{span}\n")
    marked, last = [], 0
    for e in expressions:
        marked += [text[last:e.start], f"[{e.text} = {e.value or '?'}]"]
        last = e.end
    print("".join([*marked, text[last:]]) + "\n")
    for e in expressions:
        covers = f"  {e.first} .. {e.last}" if e.first else ""
        print(f"{e.start:>6}-{e.end:<6} {e.type.value:<9} {e.value or '?':<16} {e.anchor.value:<12} {e.text!r}{covers}")


def _cmd_eval(args: argparse.Namespace) -> int:
    from newsdossier.evaluate import evaluate

    result = evaluate(args.task, args.data, nlp_model=args.nlp_model, split=args.split,
                      speaker_labels=args.speaker_labels, out=args.out)
    if args.json:
        print(json.dumps(result, indent=2, sort_keys=True))
    else:
        for key, value in sorted(result.items()):
            if isinstance(value, dict):
                value = json.dumps(value, sort_keys=True)
            print(f"{key:<24} {value:.4f}" if isinstance(value, float) else f"{key:<24} {value}")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from newsdossier.export import export

    with _built_pile(args.db) as pile:
        count = export(pile, args.what, args.format, args.out)
    if args.out is not None:
        print(f"wrote {count} {args.what} row(s) to {args.out}", file=sys.stderr)
    return EXIT_OK


def _cmd_serve(args: argparse.Namespace) -> int:
    from newsdossier.serve import create_app

    app = create_app(args.db, host=args.host)  # no pile, or not a pile: a clear error here, before anything listens
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"serving {args.db} to the network on {args.host}:{args.port}: anyone who can reach it can read "
              "the whole pile", file=sys.stderr)
    import uvicorn

    print(f"newsdossier: the dossier of {args.db} at http://{args.host}:{args.port}/ (API: /api/..., "
          f"/openapi.json); Ctrl-C stops", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK


def _show_progress(args: argparse.Namespace) -> bool | str:
    """A bar on a terminal, log lines when output goes to a file or a CI log, nothing with --quiet."""
    if args.quiet:
        return False
    return True if sys.stderr.isatty() else "log"


# name -> (handler, one-line help, example)
COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str, str]] = {
    "build": (_cmd_build, "ingest and clean INPUTs, then write DIR/dossier.json and DIR/dossier.md",
              "newsdossier build demo/pile --db demo.db --out out/"),
    "ingest": (_cmd_ingest, "read INPUTs into the pile without cleaning (re-reading stored content is a no-op)",
               "newsdossier ingest 'crawl/**/*.warc.gz' feeds/ --db pile.db"),
    "spark": (_cmd_spark, "build on Spark (extra [spark]): read, clean, find reuse and analyse INPUTs (paths or "
                          "hdfs://, s3a:// URIs) and write Parquet tables that `build --from` loads into a pile",
              "newsdossier spark build 'hdfs:///crawl/2026-12-01/' --out hdfs:///newsdossier/1201 --partitions 400"),
    "config": (_cmd_config, "print an example newsdossier.toml with every key at its default (--example), or "
                            "check FILE and print the settings it gives",
               "newsdossier config --example > newsdossier.toml"),
    "search": (_cmd_search, "full-text search over the cleaned articles of a pile",
               "newsdossier search 'Soleimani AND airport' --db demo.db"),
    "provenance": (_cmd_provenance, "who copied whom: reuse links and independent source families of a built pile",
                   "newsdossier provenance --db demo.db"),
    "stories": (_cmd_stories, "the stories of a built pile, by topic, with independent-source counts",
                "newsdossier stories --db demo.db --articles"),
    "entities": (_cmd_entities, "the actors of a built pile: every spelling merged, roles, independent sources",
                 "newsdossier entities --db demo.db --type PER ORG --evidence"),
    "quotes": (_cmd_quotes, "who said what in a built pile: quotes with speaker, role, cue and sources",
               "newsdossier quotes --db demo.db --speaker Jiyad"),
    "events": (_cmd_events, "what happened in a built pile: each event once, with date, place, actors and sources",
               "newsdossier events --db demo.db --type ASSAULT COERCE"),
    "export": (_cmd_export, "one kind of record of a built pile as a flat table (CSV, JSON Lines or Parquet)",
               "newsdossier export --db demo.db --what events --format csv --out events.csv"),
    "serve": (_cmd_serve, "the dossier UI and a read-only JSON API over a built pile (binds to 127.0.0.1 unless told)",
              "newsdossier serve --db demo.db --port 8000"),
    "timex": (_cmd_timex, "an article file with its time expressions resolved against its publication date",
              "newsdossier timex demo/pile/002_b59a1ca62d69ed0f.txt"),
    "eval": (_cmd_eval, "score a stage on a public benchmark (tasks: extraction, reuse, stories, ner, parse, actors, "
                        "entity-coref, quotes, timex, dates, credits, events, event-coref, event-dates, timeline, modality, geo)",
             "newsdossier eval extraction --data ../shared/datasets/article_extraction_benchmark --json"),
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdossier",
        description="Turn a pile of scraped news articles into a sourced dossier.",
        epilog="Example:\n  newsdossier build demo/pile --out out/\n\nExit status: 0 done; 1 failed; "
               "2 usage error; 3 done but some inputs were rejected.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsdossier {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (handler, help_text, example) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text.capitalize() + ".",
                                 epilog=f"Example:\n  {example}", formatter_class=argparse.RawDescriptionHelpFormatter)
        command.set_defaults(handler=handler)
        _add_arguments(name, command)
    return parser


def _add_arguments(name: str, command: argparse.ArgumentParser) -> None:
    if name == "spark":
        command.add_argument("action", choices=["build"], help="what to run (build: the per-document and per-pair "
                                                               "stages)")
    if name in ("build", "ingest", "spark"):
        command.add_argument("inputs", nargs="*" if name == "build" else "+", metavar="INPUT",
                             help="files, folders or glob patterns (.txt .html .json .jsonl .warc .warc.gz .rss .atom .xml)"
                                  + ("; or Hadoop file system URIs" if name == "spark" else ""))
        command.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
        command.add_argument("--field", action="append", metavar="NAME=KEY",
                             help="read a JSON record's NAME (text, html, url, title, published, outlet, byline) from "
                                  "KEY (or KEY1,KEY2: the first non-empty); repeatable, e.g. --field text=article_body")
        command.add_argument("--config", type=Path, metavar="FILE",
                             help="a newsdossier.toml whose values are this run's defaults (options given here win); "
                                  "`newsdossier config --example` writes one")
    if name in ("build", "ingest"):
        command.add_argument("--db", type=Path, help=f"the pile's database (default {DEFAULT_DB}, or [pile] db)")
    if name == "spark":
        command.add_argument("--out", required=True, metavar="DIR", help="where the Parquet tables go (a path or URI)")
        command.add_argument("--master", help="Spark master, e.g. local[2] or yarn (default: what spark-submit set, "
                                              "else local[*])")
        command.add_argument("--partitions", type=int, default=8,
                             help="parts each shuffle is cut into (default 8; on a cluster 2-4 per executor core)")
        command.add_argument("--nlp-model", metavar="NAME_OR_PATH",
                             help="spaCy pipeline (default: the bundled one, or [nlp] model); installed on every executor")
        command.add_argument("--conf", action="append", metavar="KEY=VALUE",
                             help="a Spark setting, repeatable, e.g. --conf spark.driver.memory=8g (local mode: the "
                                  "driver's JVM holds the cached tables)")
        command.add_argument("--no-nlp", action="store_true",
                             help="leave the NLP analyses to `build --from`, which runs them where the pile is")
    if name in ("search", "provenance", "stories", "entities", "quotes", "events", "serve", "export"):
        command.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"the pile's database (default {DEFAULT_DB})")
    if name == "build":
        command.add_argument("--from", dest="from_dir", metavar="DIR",
                             help="instead of INPUTs: load what `newsdossier spark build` wrote in DIR into a new pile "
                                  "and run the pile-wide stages there")
        # No defaults here: an option left out takes the --config file's value, else newsdossier.config's default.
        command.add_argument("--out", type=Path, help="where the dossier is written (default out/, or [dossier] out)")
        command.add_argument("--rebuild-stories", action=argparse.BooleanOptionalAction,
                             help="cluster all stories afresh (default: add new articles to the stories of the last "
                                  "run, or [stories] rebuild)")
        command.add_argument("--aliases", type=Path, metavar="FILE",
                             help="alias table: one actor per line, names separated by '|' (docs/entities.md; "
                                  "default none, or [entities] aliases)")
        command.add_argument("--nlp-model", metavar="NAME_OR_PATH",
                             help="spaCy pipeline for sentences, tags, parse and entities: an installed package "
                                  "(e.g. en_core_web_trf) or a directory (default: the bundled pipeline, or [nlp] model)")
    if name == "config":
        what = command.add_mutually_exclusive_group(required=True)
        what.add_argument("--example", action="store_true",
                          help="print a commented newsdossier.toml with every key at its default")
        what.add_argument("file", type=Path, nargs="?", metavar="FILE",
                          help="check this config file and print the settings a run from here would use")
    if name == "export":
        from newsdossier.export import FORMATS, TABLES

        command.add_argument("--what", required=True, choices=list(TABLES), help="which records")
        command.add_argument("--format", default="csv", choices=list(FORMATS), help="csv (default), jsonl or parquet")
        command.add_argument("--out", type=Path, help="the file to write (default: standard output; Parquet needs one)")
    if name == "serve":
        command.add_argument("--host", default="127.0.0.1",
                             help="address to listen on (default 127.0.0.1: this machine only)")
        command.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    if name == "search":
        command.add_argument("query", help="words, \"a phrase\", or FTS5 syntax (AND, OR, NOT, prefix*)")
        command.add_argument("--limit", type=int, default=20, help="how many hits (default 20)")
    if name == "provenance":
        command.add_argument("--all", action="store_true", help="list families of one article too")
    if name == "stories":
        command.add_argument("--articles", action="store_true", help="list every story's articles")
    if name == "entities":
        command.add_argument("--type", nargs="+", choices=["PER", "ORG", "LOC"], help="only these types")
        command.add_argument("--limit", type=int, default=50, help="how many to list (default 50; --json lists all)")
        command.add_argument("--evidence", action="store_true", help="show why each spelling was merged")
        command.add_argument("--why", nargs=2, metavar=("NAME", "OTHER"),
                             help="say whether the spelling rules join two names, and why (with --type for ORG)")
    if name == "quotes":
        command.add_argument("--speaker", help="only quotes whose speaker's name or description contains this")
        command.add_argument("--direct", action="store_true", help="only direct quotes")
        command.add_argument("--limit", type=int, default=50, help="how many to list (default 50; --json lists all)")
    if name == "events":
        command.add_argument("--story", help="only this story's events (an id from `newsdossier stories`)")
        command.add_argument("--type", nargs="+", metavar="TYPE", help="only these PLOVER types (ASSAULT, PROTEST, ...)")
        command.add_argument("--actor", metavar="ACTOR",
                             help="only the events this actor takes part in, as actor or target: an id from "
                                  "`newsdossier entities` or a name as the events name it (any case); with the date "
                                  "order, the actor's timeline")
        command.add_argument("--background", action="store_true", help="list background events too")
        command.add_argument("--limit", type=int, default=50, help="how many to list (default 50; --json lists all)")
    if name == "timex":
        command.add_argument("file", type=Path, metavar="FILE", help="an article (.txt .html .json ...; every "
                                                                       "document in it is shown)")
        command.add_argument("--published", metavar="YYYY-MM-DD",
                             help="resolve against this publication date instead of the one read from the article")
    if name in ("search", "eval", "provenance", "stories", "entities", "quotes", "events", "timex"):
        command.add_argument("--json", action="store_true", help="print JSON instead of a table")
    if name == "eval":
        command.add_argument("task", choices=list(TASKS), help="what to score")
        command.add_argument("--data", type=Path, required=True,
                             help="the benchmark's directory (or file, for ner, parse and geo; for dates on ECB+, the "
                                  "folder ../shared/tools/ecb2txt.py wrote)")
        command.add_argument("--nlp-model", default="bundled", metavar="NAME_OR_PATH",
                             help="for ner, parse, entity-coref, actors and quotes: the spaCy pipeline to use "
                                  "(default: the bundled one)")
        command.add_argument("--split", choices=["train", "dev", "test"],
                             help="for quotes: the PolNeAR split to score (default test); for actors and dates "
                                  "on ECB+: the train or dev topics (default all); for geo: dev (even articles) or test (odd "
                                  "ones; default all); for timeline: dev (the trial corpus) or test (the three evaluation "
                                  "corpora; default both)")
        command.add_argument("--out", type=Path, metavar="DIR",
                             help="for timeline: write the system's timelines there (a folder per corpus, the task's "
                                  "format)")
        command.add_argument("--speaker-labels", type=Path, metavar="FILE",
                             help="for quotes: who labelled pronoun and nominal sources refer to (TSV: split, doc, "
                                  "start, end, source, speaker; e.g. tests/quotes/data/polnear_speakers.tsv), "
                                  "scored as speaker_resolution")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # trafilatura logs a warning for every page without main text; the summary counts stubs.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        return args.handler(args)
    except _UsageError as error:
        print(f"newsdossier {args.command}: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except PileBusyError as error:  # its own code, so a script can wait and retry
        print(f"newsdossier {args.command}: {error}", file=sys.stderr)
        return EXIT_BUSY
    except (NewsdossierError, OSError) as error:
        # OSError: an output path that is a file, a full disk, no permission.
        print(f"newsdossier {args.command}: error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(f"newsdossier {args.command}: interrupted; the pile is consistent, run again to resume",
              file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
