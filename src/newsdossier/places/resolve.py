"""Toponyms found in an article and resolved to a place of the gazetteer, with the evidence that chose it.

Recognition (:func:`find_toponyms`): the NER's LOC spans, and MISC spans that are demonyms
("Iraqi", "Turkish": a reference to the country). Resolution (:func:`resolve_toponyms`), per name:

1. **Candidates**: a demonym's country; a sea, strait, lake or named area the gazetteer's table holds
   ("the Strait of Hormuz", "Sinai"), before any town called after it; else every place called so (its own
   name, or one of its other names); failing that the name without a trailing kind word ("Baghdad airport" is placed
   at Baghdad, "Najaf province" at Najaf) or its longest run of first words that is a place.
2. **Prior**: population, with a country or continent before any town of its name, a town before
   the subdivision it gives its name to ("Baghdad", "Najaf": the city, not the governorate), and
   a place's own name ten times before another place's other name ("Troy" is not Macon).
3. **Evidence**: the countries and first-level subdivisions the article's other names resolve to
   without doubt, the countries the caller knows from the story or the dateline, and "Pandi,
   Bulacan" written together: a candidate inside one of them is preferred a hundredfold, and a
   subdivision named beside other subdivisions of its country ("Georgia and Florida"; three or more of them
   whatever else is named, unless it is listed with a country) a hundredfold more; one listed with a state ("Montana
   and Wyoming") or called one ("the state of Washington") is the state;
   a town within 100 km of a town the article names without doubt (or 40 km of a county's point), a
   hundredfold too; a county inside
   a state the article names, ten thousandfold ("Monroe County" of a Missouri story).
4. **Doubt**: when the two best candidates are over 161 km apart, within a factor of three of each
   other, and no evidence chose between them, the name stays unresolved with its candidates.
5. **Within**: a name no place of the gazetteer bears, written inside a place the article resolves
   ("the Bambino Gesu Hospital in Rome", "Derry's Altnagelvin Hospital", "HOLLIDAY, Mo." when no
   Holliday is in Missouri), is placed at that place, with its precision (:func:`_within`).

Each toponym says how precise its place is, as ACLED's ``geo_precision``: ``exact`` (a town or
landmark), ``region`` (a subdivision, a county, a group of countries, a continent, a sea or a named area),
``country``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

from newsdossier.places.gazetteer import (ADMIN, ADMIN2, AIRPORT, AREA, CITY, CONTINENT, COUNTRY, LANDMARK, REGION,
                                          WATER, Place, gazetteer, great_circle_km, name_key)

__all__ = ["Toponym", "common_words", "find_toponyms", "generic", "great_circle_km", "resolve_toponyms"]

# A sea or named area of the gazetteer's table before any town or subdivision called after it: population aside,
# the weight of a country of a million people.
FEATURE_PRIOR: Final = 1e9
# Words that say what kind of place a name is ("Baghdad airport", "Najaf province").
KIND_WORDS: Final = frozenset("""airport province governorate city district region county state area border
borders valley port harbour harbor camp base bridge station hospital mountains mountain island islands coast
desert municipality village town oblast prefecture""".split())
# Those of them that name a subdivision: "Red Sea province" is Sudan's state, not the sea.
ADMIN_KIND_WORDS: Final = frozenset(
    "province governorate district region county state municipality prefecture oblast".split())
# Buildings, grounds, streets and rivers named after somewhere else, as often as not ("Riverside Church" is
# in Manhattan, "Gleneagles Hotel" in Perthshire, "Haifa Street" in Baghdad, "Washington University" in
# St. Louis, the Mississippi River in Louisiana too): never placed at the place their first words name.
FACILITY_WORDS: Final = frozenset("""church cathedral mosque temple synagogue chapel school academy college stadium
arena park garden gardens hotel museum gallery theatre theater hall palace castle prison tower building centre
center club house university library inn elementary racecourse street road avenue lane square river""".split())
# A street or building with no place written beside it is in the article's town when the article names that town
# this many times and no town far from it (:func:`_in_the_articles_town`).
ARTICLE_TOWN_MENTIONS: Final = 2
VILLAGE_POPULATION: Final = 10_000
DOUBT_RATIO: Final = 3.0  # the best candidate must be this many times the next, or evidence must decide
DOUBT_KM: Final = 161.0
# A town's namesake within this distance of a town the article names without doubt is preferred this much
# ("a house in Edmonton, south of Cairns" is the Queensland Edmonton, not Alberta's capital).
NEAR_KM: Final = 100.0
NEAR_FACTOR: Final = 100.0
# A subdivision named beside this many others of its country is one of them, whatever other countries are named.
SIBLING_STATES: Final = 3
# ... and within this distance of a county's point (its towns' centre) it is the town in that county.
NEAR_COUNTY_KM: Final = 40.0
# A county is named in its state's context: one inside a state the article names is preferred this much, which
# outweighs a namesake county a hundred times as populous ("Monroe County" in a Missouri story is Missouri's).
COUNTY_IN_STATE: Final = 10_000.0
PRECISION: Final = {CITY: "exact", AIRPORT: "exact", LANDMARK: "exact", ADMIN: "region", ADMIN2: "region",
                    CONTINENT: "region", REGION: "region", WATER: "region", AREA: "region", COUNTRY: "country"}


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name at ``start``-``end`` of an article and the place it was resolved to (``place``, None
    when unresolved); ``candidates`` are the best few places it could be; ``how`` says what decided:
    ``only`` (one candidate), ``prior`` (population and kind), ``evidence`` (the article's other places,
    the dateline), ``written with`` ("Pandi, Bulacan"), ``written elsewhere`` (the place the article
    gives the name once with its state or country: "LONDON, Ky." ... "London police"), ``story`` (the
    countries of the story's other
    articles, :func:`newsdossier.places.resolve_by_story`), ``outlet`` (the country of the outlet's web
    address, :func:`newsdossier.places.resolve_by_outlet`), ``within`` (the town, county, state or country
    the article writes it in: "X in Rome", "Derry's X"), or, unresolved, ``ambiguous`` or
    ``unknown`` (no place of that name, or none that the cautions allow: the places it turned down, if
    any, are its candidates)."""

    start: int
    end: int
    text: str
    place: Place | None
    how: str
    candidates: tuple[Place, ...] = ()
    demonym: bool = False  # "Iraqi": a reference to the country, not a place name

    @property
    def precision(self) -> str | None:
        return PRECISION[self.place.feature] if self.place is not None else None


def _clean(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip())
    return re.sub(r"^(?:the|The)\s+", "", name)


_COUNTY_ABBREVIATION: Final = re.compile(r"\s+(?:Co|CO|Cnty|CNTY)\.?$")


@dataclass(slots=True)
class _Options:
    places: list[tuple[Place, float]]  # candidate and prior weight
    demonym: bool


def _options(name: str) -> _Options:
    gaz = gazetteer()
    if not name.split():
        return _Options([], False)
    name = _COUNTY_ABBREVIATION.sub(" County", name)  # "PLYMOUTH CO." is Plymouth County, not Plymouth
    found = gaz.candidates(name)
    country = gaz.demonym(name)
    if country is not None and not any(own and place.feature in (COUNTRY, ADMIN) for place, own in found):
        return _Options([(country, float(country.population))], True)  # "Spanish": Spain, not Spanish, Ontario
    airports = gaz.airports(name)
    if any(own for _, own in airports):  # "Heathrow Airport", "Baghdad airport": the airport, not the town
        return _Options(sorted(((p, float(max(p.population, 1))) for p, own in airports if own),
                               key=lambda pw: -pw[1]), False)
    found = found + airports  # "Heathrow", "Pearson": as another name of the airport
    if not found and re.search(r"\b(?:County|Parish|Township|Borough)$", name):
        return _Options([], False)  # a county the gazetteer lacks is not a town: "Adair County" is not Adair
    if not found and name.split()[-1].lower() in FACILITY_WORDS:
        return _Options([], False)
    dropped = ""  # the kind word the name lost ("Red Sea province": province)
    if not found:
        words = name.split()
        while len(words) > 1 and words[-1].lower() in KIND_WORDS:
            dropped, words = words[-1].lower(), words[:-1]
            found = gaz.candidates(" ".join(words))
            if found:
                break
        # part of a large place ("North London", "East Jerusalem", "Upper Egypt"): that place, never a generic
        # word ("West Midlands" is not Midlands, Zimbabwe) nor a small one ("West Bank" is no Bank)
        if not found and len(words) > 1 and words[0].lower() in PART_WORDS and not generic(" ".join(words[1:])):
            found = [(p, own) for p, own in gaz.candidates(" ".join(words[1:]))
                     if own and (p.feature in (COUNTRY, ADMIN) or p.population >= UNTAGGED_MIN_POPULATION)]
        # its first words ("Baghdad International" -> Baghdad), never a later one ("West Midlands" is not
        # Midlands, Zimbabwe; "Three Gorges Dam" not Gorges, France) nor an ordinary word ("Green Zone"), nor a
        # sea ("Pacific Northwest", "Atlantic Canada" lie on its shores)
        for size in range(len(words) - 1, 0, -1):
            if found:
                break
            part = " ".join(words[:size])
            if part[:1].isupper() and not common_words(part) and not generic(part):  # not "Gulf" (of Mexico)
                found = [(p, own) for p, own in gaz.candidates(part) if own and p.feature != WATER
                         and (p.feature != CITY or p.population >= UNTAGGED_MIN_POPULATION)]
    if name_key(name) in SEA_NAMES:  # "the tropical Atlantic" is the ocean, not Atlantic, Iowa
        found = [(place, own) for place, own in found if place.feature not in (CITY, ADMIN2, AIRPORT)]
    if len(name.split()) > 1 and common_words(name):
        # a phrase of ordinary words ("White House", "Green Zone") is a landmark the gazetteer does not
        # hold, not a town of that name (White House, Tennessee) nor another name of one (Casablanca);
        # a country's or a region's other name stays ("Holy See", "Central American")
        found = [(place, own) for place, own in found if place.feature in (COUNTRY, CONTINENT, REGION)
                 or own and (place.feature != CITY or place.population >= COMMON_NAME_MIN_POPULATION)]
    # a town before the subdivision named after it: "Baghdad", "Najaf"
    towns = {(p.country, p.admin1) for p, _ in found if p.feature == CITY}
    weighted = []
    for place, own in found:
        weight = float(max(place.population, 1))
        if place.feature in (COUNTRY, CONTINENT):
            weight *= 1000.0
        elif gaz.is_capital(place):
            weight *= 100.0  # "Washington" is the capital before the state
        if not own:
            weight /= 10.0
        if place.feature in (WATER, AREA, LANDMARK) and dropped not in ADMIN_KIND_WORDS:
            # "Sinai" is the peninsula, not Sinaí, Ecuador; "the Red Sea" no Sudanese state (but "Red Sea
            # province" is); "Lake Geneva, Wis." still the town, as written with its state
            weight = FEATURE_PRIOR
        if place.feature == ADMIN and (place.country, place.admin1) in towns:
            weight /= 10.0
        weighted.append((place, weight))
    return _Options(sorted(weighted, key=lambda pw: -pw[1]), False)


# Words that say where or what kind a place is without naming one: a name of these only ("West Coast",
# "the Gulf", "Central", "Northern Territory") could be anywhere.
GENERIC_WORDS: Final = frozenset("""north south east west central northern southern eastern western northeast
northwest southeast southwest north-east north-west south-east south-west upper lower inner outer middle far
midlands
near coast gulf bay valley sea ocean lake river island islands delta plains plain plateau highlands lowlands hills
mountains desert peninsula strait channel border frontier capital city state province region district
territory county borough heartland interior mainland""".split())


# Words that name a part of a place: "North London", "Upper Egypt", "Far North Queensland".
PART_WORDS: Final = frozenset("""north south east west northern southern eastern western central upper lower far inner
outer greater northeast northwest southeast southwest north-east north-west south-east south-west""".split())


# Seas and oceans named alone: no kept package places them, and the towns named after them are not meant.
SEA_NAMES: Final = frozenset("""atlantic pacific arctic antarctic baltic caspian mediterranean aegean adriatic
ionian tyrrhenian""".split())


def generic(name: str) -> bool:
    """Every word of the name a generic one (:data:`GENERIC_WORDS`)."""
    return all(word in GENERIC_WORDS for word in name.lower().split())


def common_words(words: str) -> bool:
    """Every word an ordinary English word ("White House", "Green"), by wordfreq."""
    from wordfreq import zipf_frequency

    return all(zipf_frequency(word, "en") >= COMMON_ZIPF for word in words.lower().split())


COMMON_ZIPF: Final = 4.5
COMMON_NAME_MIN_POPULATION: Final = 100_000  # "New York" is still New York


_FUNCTION_WORDS: Final = frozenset("""in on at and or for with to of from by was is were are has had have where
when which who that after before since during last this but as""".split())


def _the_noun(text: str, start: int, end: int) -> bool:
    """The name follows "the" inside a sentence and stands alone as a noun: followed by punctuation, the end, or
    a function word ("at the Riverside.", "from the Maze in 1983"), not by the noun it modifies."""
    if not re.search(r"(?:\bthe|[a-z,] The)\s+$", text[max(0, start - 8):start]):  # "at The Riverside" too
        return False
    after = re.match(r"\s*(\w+|\S)?", text[end:end + 30])
    following = after.group(1) if after else None
    if following is None:
        return True
    if not following[0].isalnum():  # "the Riverside." ends the phrase; "the London-based agency" does not
        return text[end:end + 1] != "-" and following in ".,;:!?)\"'’”"
    return following.lower() in _FUNCTION_WORDS


_LISTED: Final = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+$")


def _listed_with(text: str, spans: Sequence[tuple[int, int]], options: Sequence[_Options], number: int,
                 feature: str) -> set[str]:
    """The countries of the names of that kind the name is written in a list with ("invasions of Georgia and
    Ukraine": a country's; "Utah, Virginia, Washington, West Virginia and Wyoming": states')."""
    found = set()
    for other in (number - 1, number + 1):
        if not (0 <= other < len(spans) and options[other].places and not options[other].demonym):
            continue
        first, second = sorted((spans[number], spans[other]))
        best = options[other].places[0][0]
        if best.feature != feature or not _LISTED.fullmatch(text[first[1]:second[0]] + " "):
            continue
        towns = [p.population for p, _ in gazetteer().candidates(text[slice(*spans[other])]) if p.feature == CITY]
        if feature != ADMIN or max(towns, default=0) * 10 < best.population:
            found.add(best.country)  # a state as such, not "New York", whose city holds half its people
    return found


def _in_a_list(text: str, end: int) -> bool:
    """No partner written after the name, or one the list goes on after ("Ohio, Oregon, South Carolina,
    Tennessee"), not "Washington, D.C., among others"."""
    partner = _written_with(text, end)
    return partner is None or bool(_LIST_GOES_ON.match(text, text.index(partner, end) + len(partner)))


def _called_a_state(text: str, start: int, end: int) -> bool:
    """The words call the name a state: "the state of Washington", "New York state" (not "Washington State
    University")."""
    return bool(re.search(r"\b[Ss]tate of\s+$", text[max(0, start - 10):start])
                or re.match(r"\s+state\b", text[end:end + 7]))


def _a_titles_name(text: str, start: int) -> bool:
    """The name follows a capitalised "The" inside a sentence: a title ("a writer for The Atlantic", "HBO's The
    Pacific"), where a sea would be written "the Atlantic"."""
    return bool(re.search(r"[\w,'’] The\s+$", text[max(0, start - 8):start]))


# A list going on after a name and its partner: "Boston, New York and Chicago", "Boston, New York, Chicago".
_LIST_GOES_ON: Final = re.compile(r",?\s+(?:and|or)\s+[A-Z]|,\s*[A-Z]")


def _written_with(text: str, end: int) -> str | None:
    """The name right after ", " ("Pandi, Bulacan"; "Troy, N.Y."), if any."""
    match = re.match(r",\s*((?:[A-Z][\w.’'-]*\.?\s?){1,3})", text[end:end + 40])
    if not match:
        return None
    words = match.group(1).split()
    partner = words[0].strip(" ,")  # the dot stays: "Mich." is an abbreviation; a sentence's full stop goes
    if not gazetteer().candidates(partner) and partner.endswith("."):
        partner = partner[:-1]
    for size in range(len(words), 1, -1):  # "Paris, Illinois. The suspect": Illinois, not "Illinois. The"
        if gazetteer().candidates(" ".join(words[:size]).strip(" ,")):
            partner = " ".join(words[:size]).strip(" ,")
            break
    return partner


def resolve_toponyms(text: str, spans: Sequence[tuple[int, int]], *, countries: Iterable[str] = (),
                     admins: Iterable[tuple[str, str]] = (), demonyms: Sequence[bool] | None = None) -> list[Toponym]:
    """Each span of ``text`` resolved (see the module docstring); ``countries`` (ISO codes) and ``admins``
    ((country, first-level code)) are where the story or the dateline already places the article."""
    admins = set(admins)
    gaz = gazetteer()
    names = [_clean(text[start:end]) for start, end in spans]
    options = [_options(name) for name in names]
    # evidence: countries and subdivisions the article's other names give without doubt
    given: list[tuple[str, str, str]] = []  # (name key, country, admin1 of a subdivision or "")
    # towns and counties given without doubt: a namesake near one of them is the one ("Smith of London" in a
    # "LAUREL COUNTY, Ky." story is London, Kentucky, the county's seat)
    near: list[tuple[str, Place]] = []
    for (start, end), name, option in zip(spans, names, options, strict=True):
        if not option.places or generic(name) or _the_noun(text, start, end):
            continue  # "the Gulf", "at the Riverside": no evidence of any country
        best, weight = option.places[0]
        if best.feature == WATER or best.feature == AREA and not best.country \
                or best.feature == LANDMARK and common_words(name):
            continue  # a sea (or Borneo) is in no one country; "the White House" is placed only where its country is
        if best.feature == CITY and best.population < VILLAGE_POPULATION and len(option.places) == 1:
            continue  # a lone village of that name may be a namesake ("the Maze" prison is no Mazé)
        runner = option.places[1][1] if len(option.places) > 1 else 0.0
        if best.feature in (COUNTRY, ADMIN) or weight >= 10 * runner:
            given.append((name_key(name), best.country, best.admin1 if best.feature == ADMIN else ""))
            if best.feature in (CITY, AIRPORT, ADMIN2):
                near.append((name_key(name), best))
    found: list[Toponym] = []
    for number, ((start, end), name, option) in enumerate(zip(spans, names, options, strict=True)):
        key = name_key(name)  # a name is no evidence for itself ("Paris" does not vouch for France)
        known_countries = set(countries) | {country for other, country, _ in given if other != key}
        known_admins = admins | {(country, admin) for other, country, admin in given if other != key and admin}
        # a state the article names beside other states of its country, and no other country ("Georgia
        # and Florida"), or beside three or more of them whatever else it names ("Florida, Louisiana, Nevada
        # ... and Thailand"), is the state, not the country of its name
        named = {country for other, country, _ in given if other != key}
        siblings = Counter(country for country, _ in {(country, admin) for other, country, admin in given
                                                      if other != key and admin})
        listed_with_country = _listed_with(text, spans, options, number, COUNTRY)  # "Georgia and Ukraine"
        listed_states = _listed_with(text, spans, options, number, ADMIN)  # "Virginia, Washington and Wyoming"
        sibling_countries = {country for country, count in siblings.items()
                             if named == {country} or count >= SIBLING_STATES and not listed_with_country}
        is_demonym = option.demonym or (demonyms is not None and demonyms[len(found)])
        if option.places and _the_noun(text, start, end):
            # "at the Riverside", "from the Maze in 1983": a ground or a building, not a town (whose name
            # would not take "the" unless its own name has it: "The Hague"); "the Krasnodar veterinary
            # service" and "the London office" are still the towns
            option = _Options([(p, w) for p, w in option.places
                               if p.feature != CITY or name_key(p.name).startswith("the ")],
                              option.demonym)
        if option.places and known_countries and name.split()[-1].lower() in KIND_WORDS and all(
                p.feature in (CITY, ADMIN2) and p.country not in known_countries for p, _ in option.places):
            # "the Karak district" of a Jordanian story is Jordan's Karak, not Pakistan's Karak District
            inside = [(p, w) for p, w in _options(name.rsplit(None, 1)[0]).places if p.country in known_countries]
            if inside:
                option = _Options(inside, option.demonym)
        if option.places and known_countries and all(
                p.feature == CITY and p.population < VILLAGE_POPULATION and p.country not in known_countries
                for p, _ in option.places):
            # only villages of that name, in countries the article never names ("the Maze" is no Mazé, France)
            found.append(Toponym(start, end, text[start:end], None, "unknown", tuple(p for p, _ in option.places[:5]),
                                 is_demonym))
            continue
        if any(p.feature == LANDMARK for p, _ in option.places) and common_words(name):
            # a landmark of ordinary words ("the White House", "the Green Zone", "Red Square") only where the
            # article or story names its country: Kabul has a green zone too
            option = _Options([(p, w) for p, w in option.places
                               if p.feature != LANDMARK or p.country in known_countries], option.demonym)
        if _called_a_state(text, start, end) and any(p.feature == ADMIN for p, _ in option.places):
            option = _Options([(p, w) for p, w in option.places if p.feature == ADMIN], option.demonym)
        elif listed_states and _in_a_list(text, end) and any(
                p.feature == ADMIN and p.country in listed_states for p, _ in option.places):
            # listed with a state ("Montana and Wyoming", "Alberta, Saskatchewan and Newfoundland"): a state, not
            # Wyoming, Michigan, the capital "Washington" or the island; but "Florida and Washington, D.C., among"
            option = _Options([(p, w) for p, w in option.places if p.feature == ADMIN and p.country in listed_states],
                              option.demonym)
        if option.places and _a_titles_name(text, start):
            option = _Options([(p, w) for p, w in option.places if p.feature != WATER], option.demonym)
        if option.places and generic(name):
            # a name of generic words ("the Gulf", "West Coast", "Central") is a town or a subdivision only
            # where the article or story is ("West Coast" is no New Zealand region in an American story)
            option = _Options([(p, w) for p, w in option.places
                               if p.feature not in (CITY, ADMIN, ADMIN2, AIRPORT) or p.country in known_countries],
                              option.demonym)
        if not option.places:
            found.append(Toponym(start, end, text[start:end], None, "unknown", (), is_demonym))
            continue
        partner = _written_with(text, end)
        partners = gaz.candidates(partner) if partner is not None else []
        holders = [q for q, _ in partners]
        city = max((q.population for q in holders if q.feature == CITY), default=0)
        state = max((q.population for q in holders if q.feature == ADMIN), default=0)
        if partner is not None and city >= max(UNTAGGED_MIN_POPULATION, state / 10) \
                and _LIST_GOES_ON.match(text, text.index(partner, end) + len(partner)):
            holders = []  # "Boston, New York and Chicago": a list of towns, not Boston in New York state
        states = {q for q in holders if q.feature == ADMIN}
        if len(states) == 1 and all(p.feature in (CITY, ADMIN2) and p.population < UNTAGGED_MIN_POPULATION
                                    for p, _ in option.places) \
                and {q.country for q in states} <= {p.country for p, _ in option.places} and not any(
                _inside(p, q) for p, _ in option.places for q in states):
            # "HOLLIDAY, Mo.": no Holliday of the gazetteer is in Missouri, so it is none of them (Holliday,
            # Texas), but a place in Missouri (not "Los Angeles, San Fernando Valley": a list)
            found.append(Toponym(start, end, text[start:end], states.pop(), "within",
                                 tuple(p for p, _ in option.places[:5]), is_demonym))
            continue
        if len(option.places) == 1:
            found.append(Toponym(start, end, text[start:end], option.places[0][0], "only", (), is_demonym))
            continue
        how = "prior"
        scored = list(option.places)
        rival_country = any(p.feature == COUNTRY for p, _ in scored)
        # "Pandi, Bulacan", "Lebanon, Pa.", "Orange County, Calif.", but not "California, Oregon"
        if holders and not (scored[0][0].feature == ADMIN and any(q.feature == ADMIN for q in holders)):
            inside = [(p, w) for p, w in scored if any(  # "California, United States" is the state
                q.feature in (COUNTRY, ADMIN) and p.feature in (CITY, ADMIN2, ADMIN, AIRPORT) and p.feature != q.feature
                and _inside(p, q) for q in holders)]
            # only a place that bears the name as its own: "stops in Washington, New York and Boston" is no
            # town of New York state that is also called Washington (but "Richmond, Virginia, Fort Lauderdale")
            owners = {p for p, own in gaz.candidates(name) if own}
            inside = [(p, w) for p, w in inside if p in owners or p.feature == AIRPORT]
            if inside:
                scored, how = inside, "written with"
        if how == "prior":
            towns = [town for other, town in near if other != key]
            boosted = [(p, w * (100.0 if p.country in known_countries else 1.0)
                        * (NEAR_FACTOR if p.feature in (CITY, ADMIN2, AIRPORT) and any(
                            great_circle_km(p.lat, p.lon, t.lat, t.lon)
                            < (NEAR_COUNTY_KM if t.feature == ADMIN2 else NEAR_KM) for t in towns) else 1.0)
                        * ((COUNTY_IN_STATE if p.feature == ADMIN2 else 100.0)
                           if p.feature in (CITY, ADMIN2, AIRPORT) and (p.country, p.admin1) in known_admins else 1.0)
                        * (100.0 if p.feature == ADMIN and p.country in sibling_countries and rival_country else 1.0))
                       for p, w in scored]
            if [p for p, _ in sorted(boosted, key=lambda pw: -pw[1])][:1] != [scored[0][0]] or any(
                    w != v for (_, w), (_, v) in zip(boosted, scored, strict=True)):
                how = "evidence"
            scored = sorted(boosted, key=lambda pw: -pw[1])
        best, weight = scored[0]
        top = tuple(p for p, _ in scored[:5])
        if len(scored) > 1 and how != "written with":
            second, other = scored[1]
            far = great_circle_km(best.lat, best.lon, second.lat, second.lon) > DOUBT_KM
            if far and weight < DOUBT_RATIO * other:
                found.append(Toponym(start, end, text[start:end], None, "ambiguous", top, is_demonym))
                continue
        found.append(Toponym(start, end, text[start:end], best, how, top, is_demonym))
    return _in_the_articles_town(text, _within(text, _as_written_elsewhere(found)))


def _in_the_articles_town(text: str, found: list[Toponym]) -> list[Toponym]:
    """A street or local venue no place bears and no place is written beside ("Royal Street", "the Rogers Centre")
    is placed in the article's town (``how: article's town``) when the article is set in one: every town it
    resolves lies near the most named one, which it names at least twice as a place, not only as a word before a
    noun ("the Bristol district attorney"). Not a landmark known in its own right ("the White House")."""
    towns = [t.place for t in found if t.place is not None and t.place.feature == CITY and not t.demonym
             and t.how != "within"]
    if len(towns) < ARTICLE_TOWN_MENTIONS:
        return found
    town = Counter(towns).most_common(1)[0][0]
    named = sum(1 for t in found if t.place == town and not t.demonym and not _MODIFIES_NOUN.match(text, t.end))
    if named < ARTICLE_TOWN_MENTIONS or any(great_circle_km(p.lat, p.lon, town.lat, town.lon) > NEAR_KM
                                            for p in towns):
        return found
    return [replace(t, place=town, how="article's town")
            if t.how == "unknown" and not t.demonym and t.text.split()[-1].lower() in LOCAL_WORDS else t
            for t in found]


# A town's name right before the word of an office modifies it ("Bristol district attorney", "Toronto police"): the
# office's area, which need not be where the article is set.
_MODIFIES_NOUN: Final = re.compile(r"\s+(?:police|district|attorney|council|mayor|sheriff|court|courts|prosecutors?|"
                                   r"fire|department|officials|authorities|county|city|metropolitan|area|region)\b")
# Streets and local venues (:func:`_in_the_articles_town`): not a house, palace, tower or university, which are as
# often landmarks known in their own right.
LOCAL_WORDS: Final = frozenset("""street road avenue lane square hall centre center club inn library church chapel
school academy elementary stadium arena racecourse park garden gardens hotel theatre theater""".split())


def _as_written_elsewhere(found: list[Toponym]) -> list[Toponym]:
    """One place per name in an article: a name the article writes once with its state or country
    ("LONDON, Ky.", "Paris, Texas") is that place wherever else the article uses it bare ("London police"),
    unless the bare mention was decided otherwise (``how: written elsewhere``)."""
    written: dict[str, list[Place]] = {}
    for toponym in found:
        if toponym.how == "written with" and toponym.place is not None:
            written.setdefault(name_key(_clean(toponym.text)), []).append(toponym.place)
    if not written:
        return found
    out: list[Toponym] = []
    for toponym in found:
        given = written.get(name_key(_clean(toponym.text)), [])
        if (given and all(p == given[0] for p in given) and toponym.how in ("prior", "evidence", "ambiguous")
                and not toponym.demonym and (place := given[0]) != toponym.place
                and (toponym.place is None  # never a state or country
                     or toponym.place.feature in (CITY, ADMIN2, AIRPORT))):
            toponym = Toponym(toponym.start, toponym.end, toponym.text, place, "written elsewhere",
                              toponym.candidates, toponym.demonym)
        out.append(toponym)
    return out


# What may stand between a building, street or district and the town it is in: "Bambino Gesu Hospital in Rome",
# "New Bilibid Prison (NBP) in Muntinlupa", "the Convention Centre, Dublin"; and before it: "Derry's Altnagelvin
# Hospital", "Paris' iconic Champs-Elysees".
_IN_GAP: Final = re.compile(r"(?:\s*\([^()]{1,30}\))?,?\s+(?:in|at)\s+(?:the\s+)?(?:(?:city|town|village) of\s+)?"
                            r"|(?:\s*\([^()]{1,30}\))?,\s+")
# After "X, Town": the phrase ends there ("the Convention Centre, Dublin, with"), not "Beyond Madinaty, Liverpool have".
_ENDS_PHRASE: Final = re.compile(r"\s*(?:$|[,.;:()\u2014\u2013]|-\s|(?:in|on|at|with|and|for|from|to|near|where|during"
                                  r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)")
_OF_GAP: Final = re.compile(r"['’]s?\s+(?:[a-z][a-z-]*\s+){0,2}(?:of\s+)?")
WATER_WORDS: Final = frozenset("ocean sea gulf bay strait channel".split())
# A town, county or airport contains what is in it; a subdivision or a country only roughly.
CONTAINERS: Final = frozenset({CITY, ADMIN2, AIRPORT, ADMIN, COUNTRY})


def _within(text: str, found: list[Toponym]) -> list[Toponym]:
    """A name no place bears ("Bambino Gesu Paediatric Hospital", "Royal Street") is placed at the town the
    article says it is in (``how: within``): "X in Rome", "X, Dublin", "Derry's X", or a name that begins
    with the name of a town the article resolves ("Seoul Central District Court", "Vancouver Art Gallery");
    the article's other mentions of the name go with it. Its precision is the town's (a country's, for
    "X in Peru")."""
    out = list(found)
    towns = {name_key(_clean(t.text)): t.place for t in found
             if t.place is not None and t.place.feature in (CITY, ADMIN2) and not t.demonym}
    order = sorted(range(len(out)), key=lambda n: out[n].start)
    for _ in range(2):  # "Salt + Smoke, on Hampton Avenue in the St. Louis Hills area": one link at a time
        for rank, number in enumerate(order):
            toponym = out[number]
            # what can move: a name no place bears, an ambiguous one, or one resolved to a small town
            movable = toponym.how in ("unknown", "ambiguous") or toponym.how in ("only", "prior", "evidence") \
                and toponym.place is not None and toponym.place.feature == CITY \
                and toponym.place.population < UNTAGGED_MIN_POPULATION
            if not movable or toponym.demonym or WATER_WORDS & set(toponym.text.lower().split()):
                continue  # "the Indian Ocean in Seychelles" is not inside the Seychelles
            after = _neighbour(out, order, rank, 1)
            before = _neighbour(out, order, rank, -1)
            if toponym.how == "unknown":
                place = _container(text, toponym, before, after, towns)
                if place is not None:
                    out[number] = replace(toponym, place=place, how="within")
                continue
            container = _container(text, toponym, before, after, {}, lists=False)
            if toponym.how == "only" and container is not None and container.feature not in (CITY, ADMIN2):
                continue  # "St. Gregory of Narek in Vatican": a town's only namesake stays, but for a town's word
            if container is not None and (toponym.place is None or toponym.place.feature == CITY
                                          and toponym.place.population < UNTAGGED_MIN_POPULATION
                                          and not _inside(toponym.place, container)):
                # "Giza's Haram district" is no Haram of Norway; "Springfield in Illinois" is Illinois'
                inside = [p for p in toponym.candidates or [toponym.place] if p is not None and _inside(p, container)]
                out[number] = replace(toponym, place=inside[0] if inside else container,
                                      how="written with" if inside else "within")
    placed: dict[str, set[Place]] = {}
    for toponym in out:
        if toponym.how == "within" and toponym.place is not None:
            placed.setdefault(name_key(_clean(toponym.text)), set()).add(toponym.place)
    return [replace(t, place=next(iter(places)), how="within")
            if t.how == "unknown" and not t.demonym and len(places := placed.get(name_key(_clean(t.text)), set())) == 1
            else t for t in out]


def _neighbour(found: list[Toponym], order: list[int], rank: int, step: int) -> Toponym | None:
    """The toponym next after (``step`` 1) or before (-1) the one at ``rank`` of ``order`` (by start), not
    overlapping it."""
    this = found[order[rank]]
    rank += step
    while 0 <= rank < len(order):
        other = found[order[rank]]
        if (other.start >= this.end) if step > 0 else (other.end <= this.start):
            return other
        rank += step
    return None


def _inside(place: Place, container: Place) -> bool:
    """``place`` lies in ``container``: its country's, its subdivision's, or near its town."""
    if container.feature == COUNTRY:
        return place.country == container.country
    if container.feature == ADMIN:
        return (place.country, place.admin1) == (container.country, container.admin1)
    return great_circle_km(place.lat, place.lon, container.lat, container.lon) < NEAR_KM


def _container(text: str, toponym: Toponym, before: Toponym | None, after: Toponym | None,
               towns: dict[str, Place], lists: bool = True) -> Place | None:
    """The place ``toponym`` is written inside of, if any (:func:`_within`); without ``lists``, never by a
    comma alone ("Saipan, Guam, Alaska" is a list)."""
    gap = text[toponym.end:after.start] if after is not None else ""
    if (after is not None and after.place is not None and after.place.feature in CONTAINERS and not after.demonym
            and _IN_GAP.fullmatch(gap) and (lists or re.search(r"\b(?:in|at)\b", gap))
            and ("," not in gap or _ENDS_PHRASE.match(text, after.end))):
        return after.place
    if (after is not None and after.how == "within" and after.place is not None and toponym.how == "unknown"
            and re.fullmatch(r"\s+(?:and|or)\s+", gap)):
        return after.place  # "the villages of Foua and Kfraya in Idlib": both in Idlib
    if (before is not None and before.place is not None and before.place.feature in (CITY, ADMIN2)
            and _OF_GAP.fullmatch(text[before.end:toponym.start])):
        return before.place
    words = name_key(_clean(toponym.text)).split()  # a town the article names: "the Seoul Central District Court"
    return next((towns[key] for size in range(len(words) - 1, 0, -1) if (key := " ".join(words[:size])) in towns),
                None)


# A proper noun the NER left untagged is taken as a place when the gazetteer knows a country or
# subdivision of its name, or a town of this size ("the central city of Najaf").
UNTAGGED_MIN_POPULATION: Final = 100_000


def _known_place(word: str) -> bool:
    return any(own and (place.feature != CITY or place.population >= UNTAGGED_MIN_POPULATION)
               for place, own in gazetteer().candidates(word))


# Nouns a language name goes before ("the Russian alphabet"), and words it follows alone ("written in French").
LANGUAGE_NOUNS: Final = frozenset("""alphabet language languages script letter letters word words dialect accent
translation translations subtitles subtitle speaker speakers spelling grammar vocabulary""".split())
LANGUAGE_BEFORE: Final = frozenset("in into from speak speaks spoke spoken speaking fluent".split())


def _a_language(doc: Any, ent: Any) -> bool:
    """A demonym that names a language, not its country: "the Russian alphabet", "written in French"."""
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.lower_ in LANGUAGE_NOUNS:
        return True
    before = doc[ent.start - 1] if ent.start else None
    return (before is not None and before.lower_ in LANGUAGE_BEFORE
            and (after is None or after.pos_ not in ("NOUN", "PROPN")))


# A noble or royal title's place is part of a name, not a place the article speaks of ("the Duke of Edinburgh").
TITLES: Final = frozenset("duke duchess earl marquess marquis viscount baron baroness countess prince princess".split())


def _a_title(doc: Any, ent: Any) -> bool:
    return ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in TITLES


def _a_short_village(name: str) -> bool:
    """A name of three letters or fewer, not written in capitals, that only villages (or a village's
    municipality) bear ("Lib" of "Lib Dem" is no Lib, Marshall Islands): a clipped word, not a place."""
    if len(name) > 3 or name.isupper():
        return False
    found = gazetteer().candidates(name)
    return bool(found) and all(p.feature != COUNTRY and p.population < VILLAGE_POPULATION for p, _ in found)


def find_toponyms(doc: Any) -> list[tuple[int, int, bool]]:
    """(start, end, is a demonym) of the place names of an analysed article: LOC entities, MISC
    entities that are a country's demonym ("Iraqi", "Turkish"), and proper nouns outside any entity
    that name a country, a subdivision or a large town (:data:`UNTAGGED_MIN_POPULATION`)."""
    gaz = gazetteer()
    spans = []
    for ent in doc.ents:
        if ent.label_ in ("LOC", "GPE") and not _a_title(doc, ent) and not _a_short_village(ent.text):
            spans.append((ent.start_char, ent.end_char, False))
        elif ent.label_ in ("MISC", "NORP") and gaz.demonym(ent.text) is not None and not _a_language(doc, ent):
            spans.append((ent.start_char, ent.end_char, True))
    for token in doc:
        if token.pos_ == "PROPN" and not token.ent_type_ and token.is_alpha and len(token) > 2 \
                and token.text[:1].isupper() and not token.is_sent_start and _known_place(token.text) \
                and not _a_short_village(token.text) \
                and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN") \
                and not (token.i and doc[token.i - 1].pos_ == "PROPN"):  # "Rain Man", "Stade de France"
            spans.append((token.idx, token.idx + len(token), False))
    return sorted(spans)
