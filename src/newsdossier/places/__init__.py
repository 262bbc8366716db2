"""Places: toponyms found in each article, resolved offline to coordinates, and every event placed.

:func:`find_places` reads one analysed article (:mod:`.resolve`: the NER's place names and
demonyms, resolved with the gazetteer of :mod:`.gazetteer`, the article's other places and its
dateline as evidence; then the story's and the outlet's countries for names still ambiguous:
:func:`resolve_by_story`, :func:`resolve_by_outlet`). :func:`place_of_event` gives an event the place its mentions' place phrase
resolves to, and :func:`places_to_records` makes the dossier's ``places``: each resolved place once,
with its mentions and the events at it, then the names left unresolved with their candidates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlsplit

from newsdossier.places.gazetteer import ADMIN, COUNTRY, Place, gazetteer
from newsdossier.places.resolve import PRECISION, Toponym, common_words, find_toponyms, resolve_toponyms

if TYPE_CHECKING:
    from newsdossier.entities import Entity
    from newsdossier.events.model import Event, EventMention

__all__ = ["Place", "Toponym", "find_places", "gazetteer", "mention_countries", "outlet_country", "place_of_actor",
           "place_of_event", "places_to_records", "resolve_by_outlet", "resolve_by_story"]


def _resolve_name(name: str) -> Place | None:
    """A place named alone: a dateline's "TROY, Mich." is Troy, resolved as written with Michigan."""
    head = name.split(",")[0].rstrip()
    [toponym] = resolve_toponyms(name, [(0, len(head))])
    return toponym.place


def find_places(text: str, doc: Any, dateline_place: str | None = None) -> list[Toponym]:
    """The toponyms of one analysed article, resolved; a dateline's place ("BAGHDAD, Jan 3") is
    evidence for the country of the others."""
    found = find_toponyms(doc)
    if not found:
        return []
    home = _resolve_name(dateline_place) if dateline_place else None
    countries = [home.country] if home is not None and home.country else []
    return resolve_toponyms(text, [(a, b) for a, b, _ in found], countries=countries,
                            demonyms=[d for _, _, d in found])


# Country-code domains sold to the world for their letters ("news.io", "channel.tv"), which say nothing
# of where an outlet is.
VANITY_DOMAINS: Final = frozenset("ai am cc co fm gg io je la ly me nu sh so st to tv vc ws".split())


def outlet_country(url: str | None) -> str | None:
    """The country an outlet's web address names by its country-code domain ("bbc.co.uk" -> GB,
    "abc.net.au" -> AU), or None: for a generic domain (".com", ".org") or one sold for its letters
    (:data:`VANITY_DOMAINS`)."""
    host = urlsplit(url).hostname if url and "//" in url else None
    label = host.rsplit(".", 1)[-1].lower() if host and "." in host else ""
    if len(label) != 2 or label in VANITY_DOMAINS:
        return None
    code = "GB" if label == "uk" else label.upper()
    return code if gazetteer().country(code) is not None else None


def resolve_by_outlet(places: MutableMapping[str, list[Toponym]], texts: Mapping[str, str],
                      country_of: Mapping[str, str | None]) -> int:
    """A last look at the names still ambiguous, after the article and its story, with the outlet's
    country (:func:`outlet_country`) as evidence: "Portsmouth" in a bbc.co.uk article is the English
    town when nothing else decides. Resolved so, they say ``how: outlet``; returns how many."""
    resolved = 0
    for article, toponyms in places.items():
        country = country_of.get(article)
        if not country:
            continue
        for number, toponym in enumerate(toponyms):
            if toponym.how == "ambiguous" and not common_words(toponym.text):
                [again] = resolve_toponyms(texts[article], [(toponym.start, toponym.end)], countries=[country],
                                           demonyms=[toponym.demonym])
                if again.place is not None and again.place.country == country:
                    toponyms[number] = replace(again, how="outlet")
                    resolved += 1
    return resolved


def resolve_by_story(places: MutableMapping[str, list[Toponym]], texts: Mapping[str, str],
                     story_of: Mapping[str, str]) -> int:
    """A second look at the names an article left ambiguous, with the countries and subdivisions its
    story's articles name ("Troy" in a story whose other reports say "Michigan"): resolved so, they say
    ``how: story``. A phrase of ordinary words ("North East") is not looked at again. Returns how many
    were resolved."""
    countries: dict[str, set[str]] = {}
    admins: dict[str, set[tuple[str, str]]] = {}
    for article, toponyms in places.items():
        if (story := story_of.get(article)) is not None:
            for t in toponyms:
                if t.place is not None and t.place.feature in (COUNTRY, ADMIN):
                    countries.setdefault(story, set()).add(t.place.country)
                    if t.place.feature == ADMIN:
                        admins.setdefault(story, set()).add((t.place.country, t.place.admin1))
    resolved = 0
    for article, toponyms in places.items():
        story = story_of.get(article, "")
        known = countries.get(story, set())
        for number, toponym in enumerate(toponyms):
            if toponym.how == "ambiguous" and known and not common_words(toponym.text):  # not "North East"
                [again] = resolve_toponyms(texts[article], [(toponym.start, toponym.end)], countries=known,
                                           admins=admins.get(story, ()), demonyms=[toponym.demonym])
                if again.place is not None:
                    toponyms[number] = replace(again, how="story")
                    resolved += 1
    return resolved


def place_of_event(event: Event, places: Mapping[str, Sequence[Toponym]]) -> Place | None:
    """Where ``event`` happened: the resolved toponym inside the place phrase of its mentions (the
    phrase the event's ``place`` names first), else that name resolved alone (a dateline's place)."""
    if event.place is None:
        return None
    votes: Counter[tuple[bool, str]] = Counter()  # (the phrase is the event's place name, place id)
    chosen: dict[str, Place] = {}
    for mention, reworded in event.mentions:
        if mention.place is None or reworded:
            continue
        for toponym in places.get(mention.article, ()):
            if toponym.place is not None and not toponym.demonym \
                    and mention.place.start <= toponym.start and toponym.end <= mention.place.end:
                key = _place_id(toponym.place)
                votes[(mention.place.text == event.place, key)] += 1
                chosen[key] = toponym.place
                break
    named = [(count, key) for (same, key), count in votes.items() if same]
    if named:  # the place the event's name shows, never another mention's ("Troy" is not Detroit)
        return chosen[max(named)[1]]
    return _resolve_name(event.place)


def mention_countries(mentions: Mapping[str, Sequence[EventMention]], places: Mapping[str, Sequence[Toponym]]
                      ) -> dict[tuple[str, int], str]:
    """The country of the place each event mention names in its sentence (attached or not; not the
    dateline's), by (article, trigger offset): the first resolved toponym inside the place phrase
    that lies in one country (not a region or continent)."""
    countries: dict[tuple[str, int], str] = {}
    for article, found in mentions.items():
        toponyms = [t for t in places.get(article, ()) if t.place is not None and t.place.country]
        for mention in found:
            where = mention.place
            if where is None or mention.place_basis not in ("attached", "sentence"):
                continue
            inside = next((t for t in toponyms if where.start <= t.start and t.end <= where.end), None)
            if inside is not None and inside.place is not None:
                countries[(article, mention.trigger.start)] = inside.place.country
    return countries


def place_of_actor(entity: Entity, places: Mapping[str, Sequence[Toponym]]) -> Place | None:
    """Where a place actor (LOC) is: the place most of its mentions resolve to (a toponym at the
    same characters), or None for another kind of actor or when none of them is resolved."""
    if entity.type != "LOC":
        return None
    votes: Counter[str] = Counter()
    chosen: dict[str, Place] = {}
    for mention in entity.mentions:
        for toponym in places.get(mention.article, ()):
            if toponym.place is not None and toponym.start < mention.end and mention.start < toponym.end:
                votes[_place_id(toponym.place)] += 1
                chosen[_place_id(toponym.place)] = toponym.place
                break
    return chosen[votes.most_common(1)[0][0]] if votes else None


def _place_id(place: Place) -> str:
    return f"geonames:{place.geonames_id}" if place.geonames_id else f"place:{place.name}:{place.lat},{place.lon}"


def places_to_records(places: Mapping[str, Sequence[Toponym]], events: Sequence[Event]) -> list[dict[str, Any]]:
    """The dossier's ``places``: each resolved place once (most mentioned first) with its mentions
    (article, offsets, words as written), the names it was written as, the articles and the events
    at it; then one record per unresolved name with its candidates and why (``ambiguous`` or
    ``unknown``)."""
    resolved: dict[str, dict[str, Any]] = {}
    unresolved: dict[str, dict[str, Any]] = {}
    for article, toponyms in sorted(places.items()):
        for t in toponyms:
            mention = {"article": article, "start": t.start, "end": t.end, "text": t.text, "how": t.how,
                       "demonym": t.demonym}
            if t.place is None:
                record = unresolved.setdefault(t.text, {
                    "id": f"unresolved:{t.text}", "name": t.text, "geonames_id": None, "lat": None, "lon": None,
                    "country": None, "feature": None, "precision": None, "resolved": False, "why": t.how,
                    "candidates": [{"geonames_id": c.geonames_id, "name": c.name, "country": c.country,
                                    "feature": c.feature, "population": c.population, "lat": c.lat, "lon": c.lon}
                                   for c in t.candidates[:5]],
                    "mentions": [], "names": [], "articles": [], "events": []})
            else:
                record = resolved.setdefault(_place_id(t.place), {
                    "id": _place_id(t.place), "name": t.place.name, "geonames_id": t.place.geonames_id,
                    "lat": t.place.lat, "lon": t.place.lon, "country": t.place.country or None,
                    "feature": t.place.feature, "precision": PRECISION[t.place.feature], "resolved": True,
                    "mentions": [], "names": [], "articles": [], "events": []})
            record["mentions"].append(mention)
            if t.text not in record["names"]:
                record["names"].append(t.text)
            if article not in record["articles"]:
                record["articles"].append(article)
    for event in events:
        if event.geo is not None and (at := resolved.get(_place_id(event.geo))) is not None:
            at["events"].append(event.id)
    order = sorted(resolved.values(), key=lambda r: (-len(r["mentions"]), r["name"]))
    return order + sorted(unresolved.values(), key=lambda r: (-len(r["mentions"]), r["name"]))
