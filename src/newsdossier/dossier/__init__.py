"""The dossier: dossier.json (schema ``newsdossier/dossier@1``) and a readable dossier.md.

Today the dossier holds ``articles``, ``reuse``, ``families``, ``stories`` (each with its
``topic`` and independent-family count), ``topics``, ``entities`` (actors with their spellings,
roles, mentions and the evidence of each merge), ``quotes`` (who said what: each quote once,
with its speaker, cue, offsets and every article carrying it), every article's resolved
``time_expressions``, ``events`` (each real event once: type, date, place, actors, targets, every
mention cited, independent families), the ``timeline`` (per story in date order: the dated
events, then the dated sentences no event covers, each cited), a ``sources`` summary (articles
vs independent families, stories, topics, entities, quotes, time expressions, events) and what
the run rejected.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TextIO, cast

from newsdossier.dossier.escape import md_code, md_paragraph, md_text
from newsdossier.model import AlignedSpan, Article, Rejection
from newsdossier.records import article_to_dict, unknown_date
from newsdossier.reuse.excerpt import marked_excerpt
from newsdossier.store.pile import Pile

__all__ = ["SCHEMA", "DossierView", "build_view", "dossier_dict", "json_schema", "render_json", "render_markdown",
           "render_markdown_file", "write_dossier"]

SCHEMA: Final = "newsdossier/dossier@1"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``newsdossier/dossier@1``, as the package ships it
    (``dossier/dossier.schema.json``): every key the dossier always writes, with its type."""
    from importlib.resources import files

    loaded: dict[str, Any] = json.loads(files("newsdossier.dossier").joinpath("dossier.schema.json").read_text("utf-8"))
    return loaded
_EXCERPT_CHARS: Final = 400
MAX_LINKS_IN_MARKDOWN: Final = 200
MAX_ARTICLES_PER_STORY_IN_MARKDOWN: Final = 30
MAX_ACTORS_IN_MARKDOWN: Final = 100
MAX_SPEAKERS_IN_MARKDOWN: Final = 60
MAX_QUOTES_PER_SPEAKER_IN_MARKDOWN: Final = 12
MAX_TIMELINE_ENTRIES_PER_STORY_IN_MARKDOWN: Final = 40
MAX_EVENTS_PER_STORY_IN_MARKDOWN: Final = 40
ACTOR_TYPES_IN_MARKDOWN: Final = ("PER", "ORG")  # places are listed in dossier.json only


def _rejection_dict(rejection: Rejection) -> dict[str, Any]:
    return {"source_path": rejection.source_path, "locator": rejection.locator,
            "reason": rejection.reason, "detail": rejection.detail}


def dossier_dict(articles: Iterable[Article], rejections: Iterable[Rejection] = ()) -> dict[str, Any]:
    """The whole dossier in memory (for small piles and tests; write_dossier streams)."""
    return {
        "schema": SCHEMA,
        "articles": [article_to_dict(a, with_source=False) for a in articles],
        "rejected_inputs": [_rejection_dict(r) for r in rejections],
    }


def _article_markdown(article: dict[str, Any]) -> list[str]:
    published = article["published"] or "unknown"
    if article["published_basis"]:
        published += f" ({article['published_basis']}"
        if article["published_basis"] == "estimated" and article["published_range"]:
            published += ", between {} and {}".format(*article["published_range"])
        published += ")"
    facts = [
        ("Outlet", md_text(article["outlet"] or "unknown")),
        ("Byline", ", ".join(map(md_text, article["byline"])) or "none"),
        ("Wire credit", md_text(article["credit"] or "none")),
        ("Published", published),
        ("Status", article["status"] + (f" ({'; '.join(article['status_reasons'])})"
                                         if article["status_reasons"] else "")),
        ("Source", md_text(article["source_path"])
         + (f" ({md_text(article['locator'])})" if article["locator"] else "")),
    ]
    lines = [f"### {md_text(article['title'] or '(no headline)')}", "", md_code(article["id"]), ""]
    lines += [f"- **{name}:** {value}" for name, value in facts]
    removed = sorted({r["reason"] for r in article["removed"]})
    lines.append(f"- **Removed from the body:** {len(article['removed'])} span(s) ({', '.join(removed) or 'none'})")
    text = article["text"]
    excerpt = text[:_EXCERPT_CHARS] + ("…" if len(text) > _EXCERPT_CHARS else "")
    lines += ["", "> " + "\n>\n> ".join(map(md_paragraph, excerpt.split("\n\n"))), ""]
    return lines


def _markdown_head(counts: dict[str, int]) -> list[str]:
    total = sum(counts.values())
    return ["# Dossier", "",
            f"{total} article(s): {counts['full']} full, {counts['truncated']} truncated, "
            f"{counts['stub']} stub(s).", "", "## Articles", ""]


def _markdown_rejections(rejections: list[dict[str, Any]]) -> list[str]:
    if not rejections:
        return []
    lines = ["## Inputs that could not be read", ""]
    lines += [f"- {md_code(r['source_path'])}{' (' + md_text(r['locator']) + ')' if r['locator'] else ''}: "
              f"{r['reason']}: {md_text(r['detail'])}" for r in rejections]
    return lines + [""]


def render_markdown(dossier: dict[str, Any]) -> str:
    articles = dossier["articles"]
    counts = {s: sum(a["status"] == s for a in articles) for s in ("full", "truncated", "stub")}
    lines = _markdown_head(counts)
    for article in articles:
        lines += _article_markdown(article)
    return "\n".join(lines + _markdown_rejections(dossier["rejected_inputs"]))


def _label(article: Article | None, article_id: str) -> str:
    if article is None:
        return md_code(article_id)
    name = article.title or Path(article.source_path).name
    return f"{md_text(name)} ({md_text(article.outlet or 'outlet unknown')}, {md_code(article_id)})"


def _sources_markdown(pile: Pile, links: list[dict[str, Any]], families: list[dict[str, Any]],
                      total: int) -> list[str]:
    lines = ["## Sources", "",
             f"{total} article(s) from {len(families)} independent source famil{'y' if len(families) == 1 else 'ies'}.",
             ""]
    for family in families:
        if len(family["articles"]) > 1:
            lines.append(f"- **{family['id']}** (origin: {family['origin']}): {len(family['articles'])} articles")
    lines.append("")
    for link in links[:MAX_LINKS_IN_MARKDOWN]:
        source, target = pile.article(link["source"]), pile.article(link["target"])
        arrow = "→" if link["direction_known"] else "↔"
        lines += [f"### {link['relation'].replace('_', ' ')}: {_label(source, link['source'])} {arrow} "
                  f"{_label(target, link['target'])}", "",
                  f"- {md_text(link['evidence'])}", f"- Direction: {md_text(link['direction_evidence'])}"]
        if source and target and link["spans"]:
            span = AlignedSpan(*link["spans"][0])  # the passages escaped, then marked: the marks stay Markdown
            source_passage = md_text(source.text[span.source_start:span.source_end])
            target_passage = md_text(target.text[span.target_start:span.target_end])
            excerpt = marked_excerpt(source_passage, target_passage,
                                     AlignedSpan(0, len(source_passage), 0, len(target_passage)))
            lines += [f"- Aligned excerpt (source → copy): {excerpt}"]
        lines.append("")
    if len(links) > MAX_LINKS_IN_MARKDOWN:
        lines += [f"... and {len(links) - MAX_LINKS_IN_MARKDOWN} more links in dossier.json.", ""]
    return lines


def _stories_markdown(pile: Pile, stories: list[dict[str, Any]], topics: list[dict[str, Any]]) -> list[str]:
    if not stories:
        return []
    by_id = {story["id"]: story for story in stories}
    lines = ["## Stories", "",
             f"{len(stories)} stor{'y' if len(stories) == 1 else 'ies'} in {len(topics)} topic(s); "
             "each counts its articles and the independent source families among them.", ""]
    cuts = {story.get("cut_by", "content alone") for story in stories}
    if cuts == {"content alone"}:
        lines += ["No article of the pile has a publication date, so the stories were cut by content alone: "
                  "two reports of similar events at different times may share a story.", ""]
    elif cuts == {"content and estimated dates"}:
        lines += ["No article of the pile states its publication date; the stories were cut by content and by "
                  "dates estimated from the texts.", ""]
    for topic in topics:
        lines += [f"### Topic {topic['id']}: {md_text(topic['title'])}", "",
                  f"{topic['article_count']} article(s) from {topic['independent_families']} independent "
                  f"famil{'y' if topic['independent_families'] == 1 else 'ies'}, {len(topic['stories'])} stor"
                  f"{'y' if len(topic['stories']) == 1 else 'ies'}.", ""]
        for story_id in topic["stories"]:
            story = by_id[story_id]
            span = " to ".join(dict.fromkeys(d for d in (story["first"], story["last"]) if d)) or "undated"
            cut = "" if len(cuts) == 1 or story.get("cut_by") == "content and dates" else f" · cut by {story['cut_by']}"
            lines += [f"#### {md_text(story['title'] or '(no headline)')}", "",
                      f"`{story['id']}` · {span} · {len(story['articles'])} article(s) from "
                      f"{story['independent_families']} independent famil"
                      f"{'y' if story['independent_families'] == 1 else 'ies'}{cut}", ""]
            for article_id in story["articles"][:MAX_ARTICLES_PER_STORY_IN_MARKDOWN]:
                article = pile.article(article_id)
                published = f", {article.published.value.isoformat()}" if article and article.published.value else ""
                lines.append(f"- {_label(article, article_id)}{published}")
            if len(story["articles"]) > MAX_ARTICLES_PER_STORY_IN_MARKDOWN:
                lines.append(f"- ... and {len(story['articles']) - MAX_ARTICLES_PER_STORY_IN_MARKDOWN} more in dossier.json")
            lines.append("")
    return lines


def _actors_markdown(pile: Pile, entities: list[dict[str, Any]]) -> list[str]:
    actors = [e for e in entities if e["type"] in ACTOR_TYPES_IN_MARKDOWN]
    if not actors:
        return []
    lines = ["## Actors", "",
             f"{len(actors)} people and organisations, most independent sources first; places are in dossier.json.", ""]
    for entity in actors[:MAX_ACTORS_IN_MARKDOWN]:
        kind = {"PER": "person", "ORG": "organisation"}[entity["type"]]
        families = entity["independent_families"]
        lines.append(f"- **{md_text(entity['name'])}** ({kind}; named by {families} independent "
                     f"famil{'y' if families == 1 else 'ies'}, {len(entity['mentions'])} mention(s))")
        if entity["aliases"]:
            lines.append(f"  - also written: {', '.join(map(md_text, entity['aliases']))}")
        for role in entity["roles"]:
            article = pile.article(role["article"])
            lines.append(f"  - {md_text(role['role'])} — {_label(article, role['article'])}")
    if len(actors) > MAX_ACTORS_IN_MARKDOWN:
        lines.append(f"- ... and {len(actors) - MAX_ACTORS_IN_MARKDOWN} more in dossier.json")
    return [*lines, ""]


def _speaker_label(quote: dict[str, Any]) -> str:
    if quote["speaker_name"]:
        return quote["speaker_name"]
    text = quote["speaker_text"] or "unattributed"
    return f"{text} (anonymous)" if quote["anonymous"] else text


def _also_in(item: dict[str, Any]) -> str:
    """"; also in 2 more article(s), 1 independent family in all" for a quote or entry with several sources."""
    others = len(item["sources"]) - 1
    families = item["independent_families"]
    return (f"; also in {others} more article(s), {families} independent famil{'y' if families == 1 else 'ies'} "
            "in all") if others else ""


def _quotes_markdown(pile: Pile, quotes: list[dict[str, Any]]) -> list[str]:
    """"Who said what": quotes grouped by speaker, most quoted first, each cited."""
    if not quotes:
        return []
    by_speaker: dict[str, list[dict[str, Any]]] = {}
    for quote in quotes:
        by_speaker.setdefault(_speaker_label(quote), []).append(quote)
    ranked = sorted(by_speaker.items(), key=lambda item: (-len(item[1]), item[0]))
    lines = ["## Who said what", "",
             f"{len(quotes)} quote(s) from {len(by_speaker)} speaker(s); direct quotes in quotation marks, "
             "reported speech without. Each is cited with its article and character offsets.", ""]
    for speaker, said in ranked[:MAX_SPEAKERS_IN_MARKDOWN]:
        roles = sorted({q["role"] for q in said if q["role"]})
        lines += [f"### {md_text(speaker)}" + (f" — {'; '.join(map(md_text, roles))}" if roles else ""), ""]
        for quote in said[:MAX_QUOTES_PER_SPEAKER_IN_MARKDOWN]:
            text = f"“{md_text(quote['text'])}”" if quote["direct"] else md_text(quote["text"])
            article = pile.article(quote["article"])
            cue = f" ({md_text(quote['cue'])})" if quote["cue"] else ""
            lines.append(f"- {text}{cue} — {_label(article, quote['article'])}, characters "
                         f"{quote['start']}-{quote['end']}{_also_in(quote)}")
        if len(said) > MAX_QUOTES_PER_SPEAKER_IN_MARKDOWN:
            lines.append(f"- ... and {len(said) - MAX_QUOTES_PER_SPEAKER_IN_MARKDOWN} more in dossier.json")
        lines.append("")
    if len(ranked) > MAX_SPEAKERS_IN_MARKDOWN:
        lines += [f"... and {len(ranked) - MAX_SPEAKERS_IN_MARKDOWN} more speakers in dossier.json.", ""]
    return lines


def merged_timeline(events: list[dict[str, Any]], sentences: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The timeline: per story, the events with a date of their own (not background), and the dated
    sentences no event mention sits in, in date order (events first among equals)."""
    covered = {(m["article"], m["sentence_start"]) for e in events for m in e["mentions"]}
    entries = [{"date": e["date"], "first": e["date_first"], "last": e["date_last"], "event": e["id"],
                "story": e["story"], "type": e["type"], "text": e["summary"], "time_text": e["date_text"],
                "modality": "asserted", "modality_cue": None,
                "independent_families": e["independent_families"],
                "sources": [{"article": m["article"], "start": m["sentence_start"], "end": m["sentence_end"]}
                            for m in e["mentions"] if not m["reworded"]]}
               for e in events if e["date_basis"] not in (None, "publication") and not e["background"]]
    entries += [t for t in sentences if not any((s["article"], s["start"]) in covered for s in t["sources"])]
    return sorted(entries, key=lambda t: (t["story"] or "", t["first"] or "", t["event"] is None, t["last"] or ""))


def _source_label(pile: Pile, sources: list[dict[str, Any]]) -> str:
    first = sources[0]
    article = pile.article(first["article"])
    more = f"; also in {len(sources) - 1} more article(s)" if len(sources) > 1 else ""
    return f"{_label(article, first['article'])}, characters {first['start']}-{first['end']}{more}"


def _by_story(items: list[dict[str, Any]], stories: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """(heading, items) per story, in the items' order."""
    titles = {story["id"]: story["title"] or "(no headline)" for story in stories}
    grouped: dict[str | None, list[dict[str, Any]]] = {}
    for item in items:
        grouped.setdefault(item["story"], []).append(item)
    return [(titles.get(story, "Articles outside any story") if story else "Articles outside any story", group)
            for story, group in grouped.items()]


def _hedge(entry: dict[str, Any]) -> str:
    """"; *expected*: "will"" for a dated sentence that does not say the thing happened; "" for one that does."""
    modality = entry.get("modality", "unknown")
    if modality in ("asserted", "unknown"):  # unknown: an article without a parse, or a pile stored before
        return ""
    cue = f': "{md_text(entry["modality_cue"])}"' if entry.get("modality_cue") else ""
    return f"; *{modality}*{cue}"


def _timeline_markdown(pile: Pile, timeline: list[dict[str, Any]], stories: list[dict[str, Any]]) -> list[str]:
    """"Timeline": per story, its dated events and the dated sentences no event covers, each cited."""
    if not timeline:
        return []
    events = sum(1 for t in timeline if t["event"])
    lines = ["## Timeline", "",
             f"{events} dated event(s) and {len(timeline) - events} dated sentence(s) no event covers, by story "
             "and date; each date is resolved from the words in parentheses (relative ones against the "
             "article's publication date). A sentence that only expects, intends or thinks the thing possible "
             "says so in italics with the word that hedges it; one that says it did not, or only would have, "
             "happened is left out.", ""]
    for heading, entries in _by_story(timeline, stories):
        lines += [f"### {md_text(heading)}", ""]
        for entry in entries[:MAX_TIMELINE_ENTRIES_PER_STORY_IN_MARKDOWN]:
            what = f"event {entry['event']} ({entry['type']}, {entry['independent_families']} independent " \
                   f"source(s)): " if entry["event"] else ""
            lines.append(f"- **{entry['date']}** ({md_text(entry['time_text'])}{_hedge(entry)}): {what}"
                         f"{md_text(entry['text'])} — {_source_label(pile, entry['sources'])}")
        if len(entries) > MAX_TIMELINE_ENTRIES_PER_STORY_IN_MARKDOWN:
            lines.append(f"- ... and {len(entries) - MAX_TIMELINE_ENTRIES_PER_STORY_IN_MARKDOWN} more in dossier.json")
        lines.append("")
    return lines


def _where(place: dict[str, Any]) -> str:
    """"Baghdad airport (Baghdad, IQ; 33.34, 44.40)", or the name alone when unresolved."""
    if place.get("lat") is None:
        return f"{md_text(place['name'])} (not placed)"
    country = f", {place['country']}" if place.get("country") and place["feature"] != "country" else ""
    return (f"{md_text(place['name'])} ({md_text(place['geonames_name'])}{country}; "
            f"{place['lat']:.2f}, {place['lon']:.2f})")


MAX_PLACES_IN_MARKDOWN = 40


def _places_markdown(places: list[dict[str, Any]]) -> list[str]:
    """"Places": each resolved place with its point, precision, mentions and events; then the names
    left unresolved and why."""
    if not places:
        return []
    resolved = [p for p in places if p["resolved"]]
    unresolved = [p for p in places if not p["resolved"]]
    lines = ["## Places", "",
             f"{len(resolved)} place(s) resolved offline (GeoNames data, CC BY 4.0; seas, areas, islands and landmarks "
             "from newsdossier's own table of Wikipedia's points), most mentioned first; "
             f"{len(unresolved)} name(s) left unresolved (ambiguous with no evidence, or not in the gazetteer).", ""]
    for place in resolved[:MAX_PLACES_IN_MARKDOWN]:
        country = f", {place['country']}" if place["country"] and place["feature"] != "country" else ""
        events = f"; {len(place['events'])} event(s)" if place["events"] else ""
        lines.append(f"- **{md_text(place['name'])}**{country} "
                     f"({place['lat']:.2f}, {place['lon']:.2f}; {place['precision']}): "
                     f"{len(place['mentions'])} mention(s) in {len(place['articles'])} article(s){events}; written "
                     + ", ".join(f'"{md_text(n)}"' for n in place["names"][:5]))
    if len(resolved) > MAX_PLACES_IN_MARKDOWN:
        lines.append(f"- ... and {len(resolved) - MAX_PLACES_IN_MARKDOWN} more in dossier.json")
    if unresolved:
        lines += ["", "Not placed: " + "; ".join(
            f"\"{md_text(p['name'])}\" ({p['why']}"
            + (": " + " or ".join(f"{md_text(c['name'])}, {c['country']}" for c in p["candidates"][:2])
               if p["candidates"] else "")
            + ")" for p in unresolved[:MAX_PLACES_IN_MARKDOWN])]
    return lines + [""]


def _events_markdown(pile: Pile, events: list[dict[str, Any]], stories: list[dict[str, Any]]) -> list[str]:
    """"Events": per story, each real event once, with its date, place, actors and sources."""
    if not events:
        return []
    lines = ["## Events", "",
             f"{len(events)} event(s) reported as having happened (threatened, denied or negated ones are not "
             "events), each counted once however many articles report it; by story, most independent sources "
             "first. A date \"week to\" is the publication week of the first report: no date was stated.", ""]
    for heading, group in _by_story(events, stories):
        lines += [f"### {md_text(heading)}", ""]
        ranked = sorted(group, key=lambda e: (-e["independent_families"], e["date_first"] or ""))
        for event in ranked[:MAX_EVENTS_PER_STORY_IN_MARKDOWN]:
            when = (f"week to {event['date']}" if event["date_basis"] == "publication" else
                    f"{event['date']} ({md_text(event['date_text'])})") if event["date"] else \
                md_text(unknown_date(event))
            who = ", ".join(map(md_text, event["actor_names"])) or "?"
            whom = ", ".join(map(md_text, event["target_names"]))
            where = f" in {_where(event['place'])}" if event["place"] else ""
            flags = " [background]" if event["background"] else ""
            conflict = "; sources disagree on the date: " + ", ".join(
                f"{c['value']} ({len(c['families'])})" for c in event["conflicts"]) if event["conflicts"] else ""
            originals = [m for m in event["mentions"] if not m["reworded"]]
            cited = [{"article": m["article"], "start": m["sentence_start"], "end": m["sentence_end"]}
                     for m in originals]
            reworded = sum(1 for m in event["mentions"] if m["reworded"])
            lines.append(f"- **{event['type']}**{flags} {when}{where}: {who}"
                         f"{' → ' + whom if whom else ''} — {md_text(event['summary'])} — "
                         f"{event['independent_families']} "
                         f"independent source(s){conflict}; {_source_label(pile, cited)}"
                         f"{f'; reworded in {reworded} spun copy(ies)' if reworded else ''}")
        if len(group) > MAX_EVENTS_PER_STORY_IN_MARKDOWN:
            lines.append(f"- ... and {len(group) - MAX_EVENTS_PER_STORY_IN_MARKDOWN} more in dossier.json")
        lines.append("")
    return lines


@dataclass(slots=True)
class DossierView:
    """The dossier, built once from a pile (:func:`build_view`): every section but the articles, which
    the renderers stream (:meth:`articles`), and the summary. dossier.json, dossier.md (and the HTML
    dossier) are renderers of it."""

    pile: Pile
    reuse: list[dict[str, Any]]
    families: list[dict[str, Any]]
    stories: list[dict[str, Any]]
    topics: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    events: list[dict[str, Any]]
    places: list[dict[str, Any]]
    timeline: list[dict[str, Any]]  # the dated events and the dated sentences no event covers, merged
    status_counts: dict[str, int]
    sources: dict[str, int]
    rejected_inputs: list[dict[str, Any]]

    def articles(self) -> Iterator[dict[str, Any]]:
        """Each article's record (dossier.json's form, with its time expressions), in source order,
        one at a time: memory does not grow with the pile."""
        for article in self.pile.iter_articles():
            record = article_to_dict(article, with_source=False)
            record["time_expressions"] = self.pile.time_expressions(article.id)
            yield record


def _records(page: Iterable[Any]) -> list[dict[str, Any]]:
    """A page's records as the plain dicts the renderers take (they are dossier.json's records)."""
    return cast(list[dict[str, Any]], list(page))


def build_view(pile: Pile, rejections: Iterable[Rejection] = ()) -> DossierView:
    """The dossier's sections read from ``pile`` once, and its summary counted in SQLite."""
    events = _records(pile.events())
    places = _records(pile.places())
    timeline = merged_timeline(events, _records(pile.timeline()))
    status_counts = {"full": 0, "truncated": 0, "stub": 0, **pile.status_counts()}
    view = DossierView(
        pile=pile, reuse=_records(pile.reuse()), families=_records(pile.families()), stories=_records(pile.stories()),
        topics=_records(pile.topics()), entities=_records(pile.entities()), quotes=_records(pile.quotes()),
        events=events, places=places, timeline=timeline, status_counts=status_counts, sources={},
        rejected_inputs=[_rejection_dict(r) for r in rejections])
    view.sources = {"articles": sum(status_counts.values()), "independent_families": len(view.families),
                    "stories": len(view.stories), "topics": len(view.topics), "entities": len(view.entities),
                    "quotes": len(view.quotes), "time_expressions": pile.time_expression_count(),
                    "events": len(view.events), "timeline_entries": len(timeline),
                    "places": sum(1 for place in places if place["resolved"])}
    return view


_SECTIONS: Final = ("reuse", "families", "stories", "topics", "entities", "quotes", "events", "places", "timeline")


def render_json(view: DossierView, out: TextIO) -> None:
    """dossier.json (``newsdossier/dossier@1``), streamed: the articles one at a time, a record a line."""
    out.write('{\n  "schema": ' + json.dumps(SCHEMA) + ',\n  "articles": [')
    for index, record in enumerate(view.articles()):
        out.write(("," if index else "") + "\n    " + json.dumps(record, ensure_ascii=False))
    out.write("\n  ],")
    for section in _SECTIONS:
        records = getattr(view, section)
        out.write(f"\n  {json.dumps(section)}: [" + ",".join("\n    " + json.dumps(r, ensure_ascii=False)
                                                             for r in records) + "\n  ],")
    out.write("\n  \"sources\": " + json.dumps(view.sources) + ",")
    out.write("\n  \"rejected_inputs\": " + json.dumps(view.rejected_inputs, ensure_ascii=False) + "\n}\n")


def render_markdown_file(view: DossierView, out: TextIO) -> None:
    """dossier.md: the summary, stories, actors, events, timeline, places, quotes, sources, then every
    article (streamed) and what was rejected."""
    pile = view.pile
    out.write("\n".join(_markdown_head(view.status_counts)[:-2]) + "\n")
    out.write("\n".join(_stories_markdown(pile, view.stories, view.topics)) + "\n")
    out.write("\n".join(_actors_markdown(pile, view.entities)) + "\n")
    out.write("\n".join(_events_markdown(pile, view.events, view.stories)) + "\n")
    out.write("\n".join(_timeline_markdown(pile, view.timeline, view.stories)) + "\n")
    out.write("\n".join(_places_markdown(view.places)) + "\n")
    out.write("\n".join(_quotes_markdown(pile, view.quotes)) + "\n")
    out.write("\n".join(_sources_markdown(pile, view.reuse, view.families, view.sources["articles"])) + "\n")
    out.write("## Articles\n\n")
    for record in view.articles():
        out.write("\n".join(_article_markdown(record)) + "\n")
    out.write("\n".join(_markdown_rejections(view.rejected_inputs)))


def write_dossier(out_dir: Path, pile: Pile, rejections: Iterable[Rejection] = ()) -> list[Path]:
    """Build the view of ``pile`` once and write dossier.json, dossier.md and dossier.html into ``out_dir``
    (dossier.json and dossier.md stream the articles; dossier.html holds them in one page).

    The files are written under temporary names (removed if rendering fails) and renamed only when all
    three are whole, so a crash never leaves half a file where a whole one was.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    view = build_view(pile, rejections)
    written = []
    from newsdossier.dossier.html import render_html

    try:
        for name, render in (("dossier.json", render_json), ("dossier.md", render_markdown_file),
                             ("dossier.html", render_html)):
            path = out_dir / name
            temporary = path.with_suffix(path.suffix + ".tmp")
            written.append((temporary, path))
            with temporary.open("w", encoding="utf-8") as out:
                render(view, out)
    except BaseException:
        for temporary, _ in written:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, path in written:  # all three rendered: only now do they replace the last ones
        os.replace(temporary, path)
    return [path for _, path in written]
