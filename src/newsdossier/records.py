"""Records to and from plain JSON-ready dicts.

The dict form of an :class:`~newsdossier.model.Article` is the ``articles``
entry of dossier.json (schema ``newsdossier/dossier@1``) plus a few keys the
contract allows to be added (``published_range``, ``dateline``, ``captions``,
...). The store keeps exactly this form, so what is stored is what is shipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from newsdossier.model import (
    AlignedSpan,
    Article,
    Caption,
    DateBasis,
    Family,
    Format,
    PublicationDate,
    Relation,
    Removal,
    ReuseLink,
    Segment,
    SourceHints,
    Status,
)

if TYPE_CHECKING:  # the stages' types only: the store reads and writes articles without loading the stages
    from newsdossier.clean import Prepared
    from newsdossier.entities import Entity
    from newsdossier.events.model import Event, EventDate
    from newsdossier.places.gazetteer import Place
    from newsdossier.quotes.group import QuoteGroup
    from newsdossier.quotes.model import TextSpan
    from newsdossier.stories import Story, Topic
    from newsdossier.timex import TimeExpression
    from newsdossier.timex.timeline import TimelineEntry

__all__ = [
    "article_from_dict",
    "article_to_dict",
    "entity_to_dict",
    "family_to_dict",
    "link_from_dict",
    "link_to_dict",
    "prepared_from_json",
    "prepared_to_json",
    "story_to_dict",
    "time_expression_to_dict",
    "timeline_entry_to_dict",
    "topic_to_dict",
]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def article_to_dict(article: Article, *, with_source: bool = True) -> dict[str, Any]:
    """The JSON form of an article. ``with_source=False`` leaves out ``source_text`` and ``segments``."""
    published = article.published
    result: dict[str, Any] = {
        "id": article.id,
        "source_path": article.source_path,
        "locator": article.locator,
        "format": article.format.value,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "byline": list(article.byline),
        "dateline": article.dateline,
        "credit": article.credit,
        "credit_basis": article.credit_basis,
        "published": _iso(published.value),
        "published_basis": published.basis.value if published.basis else None,
        "published_range": (
            [_iso(published.earliest), _iso(published.latest)]
            if published.earliest or published.latest
            else None
        ),
        "published_evidence": published.evidence or None,
        "status": article.status.value,
        "status_reasons": list(article.status_reasons),
        "standfirst": article.standfirst,
        "text": article.text,
        "removed": [
            {"start": r.start, "end": r.end, "text": r.text, "reason": r.reason}
            for r in article.removed
        ],
        "captions": [
            {"start": c.start, "end": c.end, "text": c.text, "credit": c.credit}
            for c in article.captions
        ],
        "content_hash": article.content_hash,
    }
    if with_source:
        result["source_text"] = article.source_text
        result["segments"] = [[s.clean_start, s.source_start, s.length] for s in article.segments]
    return result


def article_from_dict(data: dict[str, Any]) -> Article:
    """Inverse of :func:`article_to_dict` (with ``with_source=True``)."""
    published_range = data.get("published_range") or [None, None]
    basis = data.get("published_basis")
    return Article(
        id=data["id"],
        content_hash=data["content_hash"],
        source_path=data["source_path"],
        locator=data.get("locator"),
        format=Format(data["format"]),
        url=data.get("url"),
        title=data.get("title"),
        outlet=data.get("outlet"),
        byline=tuple(data.get("byline") or ()),
        dateline=data.get("dateline"),
        credit=data.get("credit"),
        published=PublicationDate(
            value=_date(data.get("published")),
            basis=DateBasis(basis) if basis else None,
            earliest=_date(published_range[0]),
            latest=_date(published_range[1]),
            evidence=data.get("published_evidence") or "",
        ),
        status=Status(data["status"]),
        status_reasons=tuple(data.get("status_reasons") or ()),
        text=data["text"],
        source_text=data.get("source_text", ""),
        removed=tuple(Removal(**r) for r in data.get("removed") or ()),
        captions=tuple(Caption(**c) for c in data.get("captions") or ()),
        segments=tuple(Segment(*s) for s in data.get("segments") or ()),
        standfirst=data.get("standfirst"),
        credit_basis=data.get("credit_basis"),
    )


def prepared_to_json(prepared: Prepared) -> str:
    """The stored form of a prepared text (see :class:`newsdossier.clean.Prepared`)."""
    hints = prepared.hints
    return json.dumps({
        "raw_id": prepared.raw_id, "source_path": prepared.source_path, "locator": prepared.locator,
        "format": prepared.format.value, "source_text": prepared.source_text,
        "structured_header": prepared.structured_header,
        "published_basis_meta": prepared.published_basis_meta, "description": prepared.description,
        "header_stamp": prepared.header_stamp,
        "hints": {"url": hints.url, "title": hints.title, "published": _iso(hints.published),
                  "outlet": hints.outlet, "byline": list(hints.byline)},
    }, ensure_ascii=False)


def prepared_from_json(text: str) -> Prepared:
    from newsdossier.clean import Prepared

    data = json.loads(text)
    hints = data["hints"]
    return Prepared(
        raw_id=data["raw_id"], source_path=data["source_path"], locator=data["locator"],
        format=Format(data["format"]), source_text=data["source_text"],
        structured_header=data["structured_header"],
        hints=SourceHints(url=hints["url"], title=hints["title"], published=_date(hints["published"]),
                          outlet=hints["outlet"], byline=tuple(hints["byline"])),
        published_basis_meta=data["published_basis_meta"], description=data["description"],
        header_stamp=data.get("header_stamp"),
    )


def link_to_dict(link: ReuseLink) -> dict[str, Any]:
    """A ``reuse`` entry of dossier.json."""
    return {
        "source": link.source, "target": link.target, "relation": link.relation.value,
        "score": link.score,
        "spans": [[s.source_start, s.source_end, s.target_start, s.target_end] for s in link.spans],
        "evidence": link.evidence, "direction_known": link.direction_known,
        "direction_evidence": link.direction_evidence,
    }


def link_from_dict(data: dict[str, Any]) -> ReuseLink:
    return ReuseLink(
        source=data["source"], target=data["target"], relation=Relation(data["relation"]),
        score=data["score"], spans=tuple(AlignedSpan(*s) for s in data["spans"]),
        evidence=data["evidence"], direction_known=data["direction_known"],
        direction_evidence=data["direction_evidence"],
    )


def story_to_dict(story: Story, cut_by: str = "content alone") -> dict[str, Any]:
    """The ``stories`` entry of dossier.json. ``cut_by`` says what separated it from the pile's
    other stories: ``content and dates`` when one of its articles states its publication date,
    ``content and estimated dates`` when the dates are only estimated from the texts,
    ``content alone`` when none is dated (a story then spans whatever time its words allow)."""
    return {"id": story.id, "topic": story.topic, "title": story.title,
            "first": _iso(story.first), "last": _iso(story.last),
            "articles": list(story.articles), "independent_families": story.families, "cut_by": cut_by}


def topic_to_dict(topic: Topic) -> dict[str, Any]:
    return {"id": topic.id, "title": topic.title, "stories": list(topic.stories), "article_count": topic.articles,
            "independent_families": topic.families}


def entity_to_dict(entity: Entity, geo: Place | None = None) -> dict[str, Any]:
    """The ``entities`` entry of dossier.json; ``families`` lists the independent source families naming it;
    a place (LOC) has ``geo``, the place its mentions resolve to (null when they do not)."""
    record: dict[str, Any] = {
        "id": entity.id, "name": entity.name, "type": entity.type, "aliases": list(entity.aliases),
        "roles": [{"role": r.text, "article": r.article, "start": r.start, "end": r.end, "how": r.how}
                  for r in entity.roles],
        "mentions": [{"article": m.article, "start": m.start, "end": m.end, "text": m.text, "how": m.how}
                     for m in entity.mentions],
        "independent_families": len(entity.families), "families": list(entity.families),
        "evidence": list(entity.evidence),
    }
    if entity.type == "LOC":
        record["geo"] = None if geo is None else {k: v for k, v in place_to_dict(entity.name, geo).items()
                                                  if k != "name"}
    return record


def family_to_dict(family: Family) -> dict[str, Any]:
    return {"id": family.id, "origin": family.origin, "articles": list(family.articles)}


def quote_group_to_dict(group: QuoteGroup, *, quote_id: str, family_of: Mapping[str, str],
                        names: Mapping[str, str]) -> dict[str, Any]:
    """The ``quotes`` entry of dossier.json: the kept wording with its offsets, speaker and cue, and
    every article that carries it (``sources``), grouped by independent source family."""
    quote = group.quote

    def span(item: TextSpan | None) -> dict[str, Any] | None:
        return None if item is None else {"start": item.start, "end": item.end, "text": item.text}

    sources = [{"article": q.article, "start": q.start, "end": q.end, "parts": [[p.start, p.end] for p in q.parts],
                "family": family_of.get(q.article), "reworded": n in group.reworded}
               for n, q in enumerate(group.sources)]
    families = list(dict.fromkeys(s["family"] or s["article"] for s in sources))
    return {
        "id": quote_id, "article": quote.article, "start": quote.start, "end": quote.end,
        "parts": [[p.start, p.end] for p in quote.parts], "text": quote.content.text, "direct": quote.direct,
        "speaker": quote.actor, "speaker_name": names.get(quote.actor) if quote.actor else None,
        "speaker_text": quote.speaker.text if quote.speaker else (quote.source.text if quote.source else None),
        "speaker_how": quote.how, "anonymous": quote.how == "anonymous",
        "source": span(quote.source), "speaker_span": span(quote.speaker), "role": quote.role.text if quote.role else None,
        "cue": quote.cue.text if quote.cue else None, "cue_span": span(quote.cue),
        "sources": sources, "families": families, "independent_families": len(families),
        "reworded_only": group.reworded_only,
    }

def time_expression_to_dict(expression: TimeExpression) -> dict[str, Any]:
    """An entry of an article's ``time_expressions`` in dossier.json."""
    return {"start": expression.start, "end": expression.end, "text": expression.text,
            "type": expression.type.value, "value": expression.value or None, "anchor": expression.anchor.value,
            "first": _iso(expression.first), "last": _iso(expression.last), "mod": expression.mod}


def timeline_entry_to_dict(entry: TimelineEntry, *, family_of: Mapping[str, str]) -> dict[str, Any]:
    """A stored dated sentence, as dossier.json's ``timeline`` writes it where no event covers it, with
    the modality of its dated clause (``asserted``, a hedge and its cue word, or ``unknown`` without
    a parse)."""
    families = {family_of.get(s.article, s.article) for s in entry.sources}
    return {"date": entry.value, "first": _iso(entry.first), "last": _iso(entry.last), "event": None,
            "story": entry.story, "time_text": entry.time_text, "text": entry.text, "modality": entry.modality,
            "modality_cue": entry.modality_cue or None,
            "sources": [{"article": s.article, "start": s.start, "end": s.end, "time_start": s.time_start,
                         "time_end": s.time_end, "family": family_of.get(s.article)} for s in entry.sources],
            "independent_families": len(families)}


# A season, quarter or half of a year as the time grammar writes it ("1998-FA", "2004-Q3", "2010-H1").
_SEASON_VALUE: Final = re.compile(r"^\d{4}-(?:SP|SU|FA|WI|Q[1-4]|H[12])$")


def _event_date_value(when: EventDate | None) -> str | None:
    """The ISO date at the event date's precision (a day, or the month, year or decade it falls in, a
    season as the time grammar writes it; a week or a publication week is given by its last day, with
    the precision saying what it is)."""
    if when is None:
        return None
    if when.precision == "month" and when.first.day == 1:
        return when.first.strftime("%Y-%m")
    first, last = when.first, when.last
    if when.precision == "year" and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        if first.year == last.year:
            return str(first.year)
        if first.year % 10 == 0 and last.year == first.year + 9:
            return str(first.year // 10)  # ISO 8601's decade: "196" for "the 1960s", not the year 1960
    if when.precision == "year" and _SEASON_VALUE.match(when.value or ""):
        return when.value  # "1998-FA" for "last fall", not the season's last day
    return (first if when.precision == "day" else last).isoformat()


def place_to_dict(name: str, place: Place | None) -> dict[str, Any]:
    """A place as the dossier writes it: the name as the articles write it and, when resolved, the
    gazetteer's place (GeoNames id, name, point, country, feature and precision)."""
    from newsdossier.places.resolve import PRECISION

    if place is None:
        return {"name": name, "geonames_id": None, "geonames_name": None, "lat": None, "lon": None,
                "country": None, "feature": None, "precision": None}
    return {"name": name, "geonames_id": place.geonames_id, "geonames_name": place.name, "lat": place.lat,
            "lon": place.lon, "country": place.country or None, "feature": place.feature,
            "precision": PRECISION[place.feature]}


def unknown_date(event: Mapping[str, Any]) -> str:
    """How an event with no date is written: "date unknown", with the day its reports name when the text gives
    no calendar for it ("Friday" in an article with no publication date)."""
    if event.get("date_basis") == "unresolved" and event.get("date_text"):
        return f"date unknown (\u201c{event['date_text']}\u201d, with no calendar in the text)"
    return "date unknown"


def event_to_dict(event: Event, *, names: Mapping[str, str]) -> dict[str, Any]:
    """An entry of dossier.json's ``events`` (the contract in ARCHITECTURE.md, plus ``modality``
    (always "asserted": only what happened makes an event), ``date_basis``, ``date_first``/``date_last``
    and the actors' names)."""
    when = event.date
    # undated, but on a day its reports name without a calendar ("Friday" in an article with no publication date);
    # reports that name different days are all shown ("Sunday / Saturday"): which is right, the text cannot say
    named = list(dict.fromkeys(m.unresolved_time for m, reworded in event.mentions
                               if m.unresolved_time and not reworded))
    unresolved = " / ".join(named) if named and not when else None
    return {
        "id": event.id, "story": event.story, "type": event.type, "mode": event.mode, "modality": "asserted",
        "summary": event.summary, "date": _event_date_value(when),
        "date_precision": when.precision if when else None, "date_text": when.text if when else unresolved,
        "date_basis": when.basis if when else ("unresolved" if unresolved else None),
        "date_first": _iso(when.first) if when else None,
        "date_last": _iso(when.last) if when else None,
        "actors": event.actors, "actor_names": [names.get(a, a) for a in event.actors],
        "targets": event.targets, "target_names": [names.get(a, a) for a in event.targets],
        "place": place_to_dict(event.place, event.geo) if event.place else None,
        "mentions": [{"article": m.article, "start": m.trigger.start, "end": m.trigger.end, "trigger": m.trigger.text,
                      "sentence_start": m.sentence[0], "sentence_end": m.sentence[1], "reworded": reworded,
                      "date_text": m.date.text if m.date else m.unresolved_time or None,
                      "date_basis": m.date.basis if m.date else ("unresolved" if m.unresolved_time else None),
                      "place_text": m.place.text if m.place else None, "place_basis": m.place_basis or None}
                     for m, reworded in event.mentions],
        "families": event.families, "independent_families": len(event.families),
        "conflicts": event.conflicts, "background": event.background,
    }
