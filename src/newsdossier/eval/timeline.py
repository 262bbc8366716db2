"""`newsdossier eval timeline`: entity timelines against SemEval-2015 Task 4 (TimeLine), track A.

The task (Minard et al., 2015): given 30 WikiNews articles and a list of target entities, build
each entity's timeline from the raw text: the events it takes part in, each anchored to a date
and ordered, coreferent mentions (across articles) on one line. A timeline file is the entity's
name, then one line per event: ``position<TAB>date<TAB>docid-sentence-token[<TAB>...]``, where
position 0 means "not ordered", dates are ``YYYY-MM-DD`` with ``XX`` for what is unknown, and
``docid-sentence-token`` names a mention by its article, sentence number and words (joined by
``_``).

Scoring follows the task's own tool (its readme and conversion, read from the public copy of
``evaluation_tool``): position-0 lines are dropped on both sides; each distinct date string is
one TIMEX3 and each event is SIMULTANEOUS with its line's TIMEX3; the events, sorted by
position, form one chain, each linked to the next, BEFORE where the position grows, else
SIMULTANEOUS; system mentions match gold ones by the exact ``docid-sentence-token`` string (the
k-th repetition of a string matches the k-th). Precision is the share of the system graph's
reduced relations that the gold graph's closure verifies, recall the other way round (temporal
awareness, UzZaman and Allen 2011, as TempEval-3 scores it), and the F1 of a set of timelines is
micro-averaged: matched and total relations are summed over all of them. ``ordering`` scores
without the TIMEX3s (the tool's ``--ord``). Two details are this module's own and may make it
differ slightly from the tool: relations are between points (BEFORE and SIMULTANEOUS only, all a
timeline holds), and an inconsistent graph (a mention on two lines) is not scored as the tool's
interval timegraph would; the reduction is the tool's (a relation the earlier ones imply is
dropped), in the order its conversion writes them (every event's TIMEX3 link, then the chain).

What the product contributes (``timelines_of_dossier``): it builds one dossier per corpus from
the articles' text (tokens joined with their spaces, a sentence per line), each article dated by
its creation time; a target entity's timeline holds the dossier's events whose actors or
targets are an actor named as the entity (its name or a spelling, case and punctuation aside),
every mention of one event on one line, dated as the dossier dates it (a day; a month or year
with ``XX``; an event dated only by its article's publication takes that day), in date order;
undated events at position 0. The dossier's events are political events (PLOVER), so on the
task's business news (aircraft orders, carmakers, stock markets) most of the gold timeline has
no event in the dossier: the score says how much of an entity-centred timeline the product
covers, not how well it orders what it covers (``linking`` reports that apart).

Splits: ``dev`` is the task's trial corpus (Apple, 30 articles, 6 timelines); ``test`` the three
evaluation corpora (Airbus, General Motors, stock markets; 90 articles, 39 timelines). The
product was never tuned on the test corpora.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from newsdossier.errors import EvalDataError
from newsdossier.eval.coref import read_cat

__all__ = ["Row", "TimelineDoc", "awareness_counts", "evaluate_timelines", "read_timeline", "read_timeline_corpus",
           "timeline_relations", "timelines_of_dossier", "timelines_of_mentions", "write_timeline"]

BEFORE: Final = "BEFORE"
SIMULTANEOUS: Final = "SIMULTANEOUS"
_PUNCTUATION: Final = re.compile(r"[^\w\s]")


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a timeline: its position (0: not ordered), date string and mentions."""

    position: int
    date: str
    mentions: tuple[str, ...]


@dataclass(slots=True)
class TimelineDoc:
    """One article of a corpus: its text (a sentence per line), creation day, and for each token its
    character range, sentence number and words (``tokens``: (start, end, sentence, word))."""

    id: str
    url: str
    text: str
    dct: str | None
    tokens: list[tuple[int, int, str, str]] = field(default_factory=list)


def read_timeline(path: Path) -> tuple[str, list[Row]]:
    """(entity, rows) of one timeline file; a line that is not ``position<TAB>date<TAB>mention...``
    is an error naming the file and the line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvalDataError(f"{path}: cannot read the timeline ({error})") from error
    if not lines:
        raise EvalDataError(f"{path}: empty timeline file (its first line names the entity)")
    rows: list[Row] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split("\t") if f.strip()]
        if len(fields) < 3 or not fields[0].isdigit():
            raise EvalDataError(f"{path}:{number}: expected position<TAB>date<TAB>mention, got {line!r}")
        rows.append(Row(int(fields[0]), fields[1], tuple(fields[2:])))
    return lines[0].strip(), rows


def write_timeline(path: Path, entity: str, rows: Iterable[Row]) -> None:
    lines = [entity] + ["\t".join((str(r.position), r.date, *r.mentions)) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


Relation = tuple[str, str, str]  # (a, BEFORE or SIMULTANEOUS, b)


def _natural_key(text: str) -> list[int | str]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def timeline_relations(rows: Sequence[Row], *, ordering: bool = False) -> list[Relation]:
    """The TimeML relations the task's tool makes of a timeline, in its order. The ordered lines
    (position > 0) are sorted as the tool sorts them (by the line's text, numbers as numbers: the
    position first); then each event, in that order, is SIMULTANEOUS with its date's TIMEX3
    (unless ``ordering``); then each event is BEFORE the next where the position grows, else
    SIMULTANEOUS with it. Mention ``m`` repeated is ``m``, ``m#2``, ...; a TIMEX3 is ``t:<date>``."""
    ordered = sorted((r for r in rows if r.position > 0),
                     key=lambda r: _natural_key("\t".join((str(r.position), r.date, *r.mentions))))
    seen: dict[str, int] = {}
    events: list[tuple[int, str, str]] = []
    for row in ordered:
        for mention in row.mentions:
            seen[mention] = seen.get(mention, 0) + 1
            events.append((row.position, row.date, mention if seen[mention] == 1 else f"{mention}#{seen[mention]}"))
    relations: list[Relation] = [] if ordering else [(node, SIMULTANEOUS, f"t:{day}") for _, day, node in events]
    for (position, _, node), (after, _, following) in zip(events, events[1:]):
        relations.append((node, BEFORE if after > position else SIMULTANEOUS, following))
    return relations


class _Graph:
    """Points related by BEFORE and SIMULTANEOUS: classes of simultaneous points, and which class
    comes before which (closed under transitivity)."""

    def __init__(self, relations: Iterable[Relation]) -> None:
        self.parent: dict[str, str] = {}
        edges: list[tuple[str, str]] = []
        for a, kind, b in relations:
            self._find(a), self._find(b)
            if kind == SIMULTANEOUS:
                self.parent[self._find(a)] = self._find(b)
            else:
                edges.append((a, b))
        successors: dict[str, set[str]] = {}
        for a, b in edges:
            successors.setdefault(self._find(a), set()).add(self._find(b))
        self.after: dict[str, set[str]] = {}
        for start in list(successors):
            reached: set[str] = set()
            stack = list(successors[start])
            while stack:
                node = stack.pop()
                if node not in reached:
                    reached.add(node)
                    stack.extend(successors.get(node, ()))
            self.after[start] = reached

    def _find(self, node: str) -> str:
        root = self.parent.setdefault(node, node)
        while root != self.parent[root]:
            root = self.parent[root]
        while node != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def holds(self, relation: Relation) -> bool:
        a, kind, b = relation
        if a not in self.parent or b not in self.parent:
            return False
        ra, rb = self._find(a), self._find(b)
        if kind == SIMULTANEOUS:
            return ra == rb
        return rb in self.after.get(ra, ())


def _reduced(relations: Sequence[Relation]) -> list[Relation]:
    """The relations in order, each kept unless those before it already imply it (the tool's
    reduction: a relation its timegraph verifies when it is added is removed from the reduced
    graph)."""
    kept: list[Relation] = []
    for relation in relations:
        if not _Graph(kept).holds(relation):
            kept.append(relation)
    return kept


def awareness_counts(system: Sequence[Relation], gold: Sequence[Relation]) -> tuple[int, int, int, int]:
    """(system relations verified, system relations, gold relations verified, gold relations) of
    temporal awareness: each side reduced, each reduced relation checked against the other side's
    closure."""
    system_reduced, gold_reduced = _reduced(system), _reduced(gold)
    system_graph, gold_graph = _Graph(system), _Graph(gold)
    return (sum(gold_graph.holds(r) for r in system_reduced), len(system_reduced),
            sum(system_graph.holds(r) for r in gold_reduced), len(gold_reduced))


def _f1(counts: Sequence[int]) -> dict[str, float]:
    matched_p, total_p, matched_r, total_r = counts
    precision = matched_p / total_p if total_p else 0.0
    recall = matched_r / total_r if total_r else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(100 * precision, 2), "recall": round(100 * recall, 2), "f1": round(100 * f1, 2)}


# --- the corpora -----------------------------------------------------------------------------------


@dataclass(slots=True)
class TimelineCorpus:
    name: str
    docs: list[TimelineDoc]
    gold: dict[str, tuple[str, list[Row]]]  # file name -> (entity, rows)


def _read_cat(path: Path) -> TimelineDoc:
    root, text, tokens, _ = read_cat(path)
    sentence_of = {t.get("t_id", ""): t.get("sentence", "0") for t in root.iter("token")}
    dct = next((t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None)
    doc_id = root.get("doc_id") or path.name.split("_")[0].split("-")[0]
    spans = sorted((t.start, t.end, sentence_of[t_id], t.text) for t_id, t in tokens.items())
    return TimelineDoc(doc_id, root.get("src_url") or f"semeval2015://{doc_id}", text, dct, spans)


def read_timeline_corpus(folder: Path, gold_folder: Path, name: str) -> TimelineCorpus:
    docs = [_read_cat(p) for p in sorted(folder.glob("*.xml"))]
    if not docs:
        raise EvalDataError(f"{folder}: no articles (CAT .xml files)")
    gold = {p.name: read_timeline(p) for p in sorted(gold_folder.glob("*.txt"))}
    if not gold:
        raise EvalDataError(f"{gold_folder}: no gold timelines (.txt)")
    return TimelineCorpus(name, docs, gold)


def _corpora(data: Path, split: str | None) -> list[TimelineCorpus]:
    root = data / "SemEval_Task4_data"
    corpora: list[TimelineCorpus] = []
    if split in (None, "dev"):
        trial = data / "Corpus-trial-data_task4"
        if trial.is_dir():
            corpora.append(read_timeline_corpus(trial, data / "TimeLines_trial_data_task4_v1.2", "trial"))
        elif split == "dev":
            raise EvalDataError(f"{data}: no trial corpus (Corpus-trial-data_task4/)")
    if split in (None, "test"):
        for corpus in sorted(root.glob("corpus_*")):
            corpora.append(read_timeline_corpus(corpus / "corpus_trackA_CAT", corpus / "TimeLines_Gold_Standard",
                                                corpus.name))
    if not corpora:
        raise EvalDataError(f"{data}: no SemEval-2015 Task 4 corpus (expected SemEval_Task4_data/corpus_*/ or "
                            f"Corpus-trial-data_task4/)")
    return corpora


# --- the product's timelines ------------------------------------------------------------------------


def _normal(name: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", name.casefold()).split())


def _aligned(doc: TimelineDoc, stored: str) -> list[tuple[int, int, str, str]]:
    """The article's tokens as character ranges of the text the pile stored: the cleaner drops
    lines (the headline, the date line) and joins others with blank lines, so each stored line is
    found in the article's own text, in order, and the tokens inside it are moved with it; a
    stored line not found word for word keeps no tokens."""
    found: list[tuple[int, int, str, str]] = []
    tokens = doc.tokens
    searched_from = 0
    offset = 0
    for line in stored.split("\n"):
        at = doc.text.find(line, searched_from) if line.strip() else -1
        if at >= 0:
            shift = offset - at
            found += [(a + shift, b + shift, sentence, word) for a, b, sentence, word in tokens
                      if at <= a and b <= at + len(line)]
            searched_from = at + len(line)
        offset += len(line) + 1
    return found


def _mention_id(doc_id: str, tokens: Sequence[tuple[int, int, str, str]], start: int, end: int) -> str | None:
    covered = [t for t in tokens if t[0] < end and start < t[1]]
    if not covered:
        return None
    return f"{doc_id}-{covered[0][2]}-{'_'.join(t[3] for t in covered)}"


def _date_string(event: Mapping[str, Any]) -> str | None:
    """The task's date of an event as the dossier dates it, or None when it is undated."""
    precision, value = event.get("date_precision"), event.get("date")
    if not value:
        return None
    if event.get("date_basis") == "publication":
        return str(event.get("date_last") or value)[:10]  # reported that day: the day of the article
    first = str(event.get("date_first") or "")
    if precision == "day" and len(first) >= 10:
        return first[:10]
    if precision in ("month", "week") and len(first) >= 7:
        return f"{first[:7]}-XX"
    if precision == "year" and len(first) >= 4:
        return f"{first[:4]}-XX-XX"
    return None


def timelines_of_dossier(entities: Sequence[Mapping[str, Any]], events: Sequence[Mapping[str, Any]],
                         tokens_of: Mapping[str, tuple[str, Sequence[tuple[int, int, str, str]]]],
                         target: str) -> list[Row]:
    """The timeline of ``target`` as the dossier tells it: see the module docstring. ``tokens_of``
    maps a pile article id to (the corpus's document id, its tokens in the stored text)."""
    wanted = _normal(target)
    ids = {e["id"] for e in entities if any(_normal(n) == wanted for n in (e["name"], *e.get("aliases", ())))}
    dated: list[tuple[str | None, list[str]]] = []
    for event in events:
        if not ids & {*event.get("actors", ()), *event.get("targets", ())}:
            continue
        mentions = []
        for mention in event.get("mentions", ()):
            if mention["article"] in tokens_of:
                doc_id, tokens = tokens_of[mention["article"]]
                if (name := _mention_id(doc_id, tokens, mention["start"], mention["end"])) is not None:
                    mentions.append(name)
        if mentions:
            dated.append((_date_string(event), mentions))
    days = sorted({d for d, _ in dated if d is not None})
    rows = [Row(0, "XXXX-XX-XX", tuple(m)) for d, m in dated if d is None]
    rows += sorted((Row(days.index(d) + 1, d, tuple(m)) for d, m in dated if d is not None),
                   key=lambda r: r.position)
    return rows


def _mention_date(mention: Any, published: str | None) -> str | None:
    when = mention.date
    if when is None or when.basis == "publication":
        return published[:10] if published and len(published) >= 10 else None
    if when.precision == "day":
        return when.first.isoformat()
    if when.precision in ("month", "week"):
        return f"{when.first.isoformat()[:7]}-XX"
    return f"{when.first.year:04d}-XX-XX"


def timelines_of_mentions(entities: Sequence[Mapping[str, Any]], mentions: Mapping[str, Sequence[Any]],
                          published: Mapping[str, str | None],
                          tokens_of: Mapping[str, tuple[str, Sequence[tuple[int, int, str, str]]]],
                          target: str) -> list[Row]:
    """The ``mentions`` protocol: every factual event mention the product's extractor finds (political
    or not) whose source or target holds a mention of an actor named as ``target``, dated as the
    build dates mentions (its own words, else its article's day); mentions of one trigger lemma on
    one day are one line."""
    wanted = _normal(target)
    spans: dict[str, list[tuple[int, int]]] = {}
    for entity in entities:
        if any(_normal(n) == wanted for n in (entity["name"], *entity.get("aliases", ()))):
            for m in entity.get("mentions", ()):
                spans.setdefault(m["article"], []).append((m["start"], m["end"]))
    lines: dict[tuple[str, str | None], list[str]] = {}
    for article, found in mentions.items():
        if article not in spans or article not in tokens_of:
            continue
        doc_id, tokens = tokens_of[article]
        for mention in found:
            arguments = [a for a in (mention.source, mention.target, *mention.also_targets) if a is not None]
            if not mention.factual or not any(a.start < e and s < a.end for a in arguments for s, e in spans[article]):
                continue
            name = _mention_id(doc_id, tokens, mention.trigger.start, mention.trigger.end)
            if name is not None:
                lines.setdefault((mention.lemma, _mention_date(mention, published.get(article))), []).append(name)
    days = sorted({d for _, d in lines if d is not None})
    rows = [Row(0, "XXXX-XX-XX", tuple(m)) for (_, d), m in lines.items() if d is None]
    rows += sorted((Row(days.index(d) + 1, d, tuple(m)) for (_, d), m in lines.items() if d is not None),
                   key=lambda r: r.position)
    return rows


def _predict(corpus: TimelineCorpus, nlp_model: str) -> dict[str, dict[str, list[Row]]]:
    """Each protocol's timelines (``events``: the dossier's; ``mentions``: every mention's) by file name."""
    from newsdossier.events.attach import attach_dates_and_places
    from newsdossier.events.extract import find_event_mentions, sentence_mains
    from newsdossier.nlp import load_pipeline
    from newsdossier.notebook import build_dossier
    from newsdossier.timex import find_time_expressions

    records = [{"text": d.text, "title": d.text.split("\n", 1)[0], "published": d.dct, "url": d.url}
               for d in corpus.docs]
    by_url = {d.url: d for d in corpus.docs}
    nlp = load_pipeline(nlp_model)
    with build_dossier(records, nlp_model=nlp_model) as dossier:
        articles = [(a, by_url[a.url]) for a in dossier.articles if a.url is not None and a.url in by_url]
        tokens_of = {a.id: (d.id, _aligned(d, a.text)) for a, d in articles}
        entities, events = dossier.entities, dossier.events
    mentions: dict[str, list[Any]] = {}
    published: dict[str, str | None] = {}
    for article, _ in articles:
        doc = nlp(article.text)
        day = article.published.value
        published[article.id] = day.isoformat() if day is not None else None
        expressions = find_time_expressions(article.text, article.published,
                                            sentences=[(s.start_char, s.end_char) for s in doc.sents])
        found = find_event_mentions(article.id, doc, article.text)
        mentions[article.id] = attach_dates_and_places(found, doc, expressions, day, None,
                                                       main=sentence_mains(found, doc))
    return {"events": {name: timelines_of_dossier(entities, events, tokens_of, entity)
                       for name, (entity, _) in corpus.gold.items()},
            "mentions": {name: timelines_of_mentions(entities, mentions, published, tokens_of, entity)
                         for name, (entity, _) in corpus.gold.items()}}


def _linking(predicted: Mapping[str, list[Row]], gold: Mapping[str, tuple[str, list[Row]]]) -> dict[str, Any]:
    """How many of the system's entity-event pairs are in the gold timeline, and with the same date."""
    system = {(n, m): r.date for n, rows in predicted.items() for r in rows for m in r.mentions}
    key = {(n, m): r.date for n, (_, rows) in gold.items() for r in rows for m in r.mentions}
    both = system.keys() & key.keys()
    return {"system_mentions": len(system), "gold_mentions": len(key), "matched": len(both),
            "same_date": sum(system[k] == key[k] for k in both)}


def _scores(predicted: Mapping[str, list[Row]], gold: Mapping[str, tuple[str, list[Row]]],
            ordering: bool) -> list[int]:
    counts = [0, 0, 0, 0]
    for name, (_, gold_rows) in gold.items():
        found = awareness_counts(timeline_relations(predicted.get(name, []), ordering=ordering),
                                 timeline_relations(gold_rows, ordering=ordering))
        counts = [a + b for a, b in zip(counts, found, strict=True)]
    return counts


def evaluate_timelines(data: Path, *, nlp_model: str = "bundled", split: str | None = None,
                       out: Path | None = None) -> dict[str, Any]:
    """Score the product's entity timelines on the SemEval-2015 Task 4 corpora at ``data`` (see the
    module docstring); ``out`` keeps the system timelines there, a folder per protocol and corpus."""
    started = time.perf_counter()
    result: dict[str, Any] = {"corpora": {}}
    totals: dict[tuple[str, str], list[int]] = {}
    for corpus in _corpora(data, split):
        scores: dict[str, Any] = {"articles": len(corpus.docs), "timelines": len(corpus.gold)}
        for protocol, predicted in _predict(corpus, nlp_model).items():
            if out is not None:
                folder = out / protocol / corpus.name
                folder.mkdir(parents=True, exist_ok=True)
                for name, rows in predicted.items():
                    write_timeline(folder / name, corpus.gold[name][0], rows)
            scores[protocol] = {"linking": _linking(predicted, corpus.gold)}
            for reading, ordering in (("full", False), ("ordering", True)):
                counts = _scores(predicted, corpus.gold, ordering)
                scores[protocol][reading] = _f1(counts)
                if corpus.name != "trial":
                    totals[protocol, reading] = [a + b for a, b in zip(totals.get((protocol, reading), [0] * 4),
                                                                       counts, strict=True)]
        result["corpora"][corpus.name] = scores
    if totals:
        result["test_total"] = {protocol: {reading: _f1(totals[protocol, reading]) for reading in ("full", "ordering")}
                                for protocol in ("events", "mentions")}
    headline = result.get("test_total") or next(iter(result["corpora"].values()))
    result["f1"] = headline["events"]["full"]["f1"]
    result["f1_mentions"] = headline["mentions"]["full"]["f1"]
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result
