"""What type an actor is, from evidence beyond the NER's label, and which names are no actors at all.

:func:`evidence_type` reads, for a group of one actor's local entities, in order: the alias
table's type; an acronym or a group word after the name (ORG); the name's own last word
("Revolutionary Guards", "Green Zone"); a title, role or form of address (PER); a given name where
the NER said PER at least once; a gazetteer place with no cue for anything else (LOC).
:func:`not_an_actor` drops sentence-opening ordinary words and the names of events, awards and laws.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsdossier.entities.knowledge import (
    given_name_gender,
    is_country_or_continent,
    is_currency_code,
    is_place_name,
    is_us_state_abbreviation,
)
from newsdossier.entities.mentions import INSTITUTION_WORDS, NOT_ACTOR_HEAD_WORDS, is_event_name
from newsdossier.entities.names import LEGAL_FORMS

if TYPE_CHECKING:
    from newsdossier.entities.resolve import LocalEntity

__all__ = ["GROUP_WORDS", "NOT_ACTOR_HEAD_WORDS", "ORG_HEAD_WORDS", "PLACE_HEAD_WORDS", "PLACE_LEAD_WORDS",
           "evidence_type", "not_an_actor"]

GROUP_WORDS = frozenset("""militia militias group groups faction factions movement party network forces brigade
brigades organisation organization agency ministry army coalition alliance front""".split())
# Last words that make a name an organisation ("Revolutionary Guards", "Matrix Chambers") or a place
# ("Green Zone", "Mueller Glacier"), whatever type the NER gave it.
ORG_HEAD_WORDS = GROUP_WORDS | INSTITUTION_WORDS | LEGAL_FORMS | frozenset("""guards chambers association society club university
college school hospital church trust foundation federation league airlines airways airline bank bureau institute
press times post herald journal gazette tribune news network channel television radio council commission
air aircraft automobile automobiles motors management capital mutual partners holdings industries technologies
systems electronics pharmaceuticals insurance securities investments ventures studios advisors advisers consultants
associates entertainment media communications pictures records films productions brands foods""".split())
PLACE_HEAD_WORDS = frozenset("""zone square street road avenue boulevard lane river lake mountain mountains island
islands glacier ridge valley bay sea ocean gulf strait province county district region peninsula desert canyon
airport harbour harbor port coast beach falls creek hill hills heights theatre theater stadium arena garden
gardens palace prison plaza mall springs""".split())
# Words that open place names ("Mount Cook", "Mt Cook", "Lake Tekapo", "Cape Town", "Fort Hood", "Avenue
# Montaigne"), also after another word ("Aoraki Mount Cook", "Salt Lake City").
PLACE_LEAD_WORDS = frozenset("mount mt lake cape fort isle avenue rue piazza".split())



def _name_type(name: str) -> str | None:
    """ORG or LOC when the name's words say so: its last word ("Revolutionary Guards", "Green Zone",
    "Apple Inc."), its first ("Mount Cook"), or a country or continent ending a name that is no place
    ("Garuda Indonesia")."""
    words = name.lower().replace("’", "'").split()
    if len(words) >= 2 and words[-1].strip(".,") in ORG_HEAD_WORDS:
        return "ORG"
    if len(words) >= 2 and words[-1].strip(".,") in PLACE_HEAD_WORDS:
        return "LOC"
    if len(words) >= 2 and any(w.strip(".,") in PLACE_LEAD_WORDS for w in words[:-1]):
        return "LOC"  # "Mount Cook", "Aoraki Mount Cook"
    if _place_at_the_end(name.split()) or _team_of_a_place(name.split()):
        return "ORG"
    return None


def _team_of_a_place(words: list[str]) -> bool:
    """A place (one word of it no given name) and a plural nickname: a team ("Jacksonville Jaguars", "San
    Diego Padres"; not "Sandy Angers"); the place words of a name ("Palm Springs", "Beverly Hills") are read
    before this."""
    last = words[-1] if words else ""
    return (len(words) >= 2 and last[:1].isupper() and last.endswith("s") and not last.endswith(("ss", "us", "is"))
            and len(last) > 3 and (len(words) > 2 or given_name_gender(words[0]) is None)
            and is_place_name(" ".join(words[:-1])))


def _place_at_the_end(words: list[str]) -> bool:
    """A name that ends with a country or continent but is no place and opens with no given name or
    compass word: a firm or body named for where it works ("Garuda Indonesia", "EADS North America",
    "GM Europe"); "Michael Jordan", "North Korea" and "Republic of Ireland" are not."""
    if len(words) < 2 or words[0].lower() in _COMPASS or given_name_gender(words[0]) is not None:
        return False
    name = " ".join(words)
    return not is_place_name(name) and not is_country_or_continent(name) and any(
        is_country_or_continent(" ".join(words[-n:])) and words[-n - 1].lower() not in ("of", "and")
        for n in (1, 2) if n < len(words))  # "Republic of Ireland" is the place


def _looks_like_person(name: str) -> bool:
    """Two or three capitalised words opening with a given name gender-guesser knows ("Michael Howard"),
    that no gazetteer lists as a place ("Santa Clara")."""
    words = name.split()
    return (2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and given_name_gender(words[0]) is not None
            and not is_place_name(name))


def evidence_type(group: Sequence[LocalEntity]) -> str | None:
    """The type that evidence beyond the NER's label gives a group of local entities, in order: the alias
    table; an acronym or a group word after the name (ORG); the name's own words (:func:`_name_type`); a title,
    role or honorific (PER); a given name where the NER says PER at least once; a gazetteer place written
    after "in" or "near", with none of those cues (LOC: "in Troy"). A gazetteer alone is not enough: many
    family names are towns somewhere ("Jackson", "Obama"), so the article must use the name as a place."""
    if alias_types := {e.alias_type for e in group if e.alias_type}:
        return min(alias_types)
    if all(is_us_state_abbreviation(e.full.text) for e in group):
        return "LOC"  # "Ala.", "N.Y." of a dateline
    if any(e.acronym or e.group_cue for e in group):
        return "ORG"
    named = Counter(t for e in group if (t := _name_type(e.full.text)) is not None)
    if named:
        return named.most_common(1)[0][0]
    if any(e.roles or e.honorific for e in group):
        return "PER"
    # a country or continent that is no given name is a place ("Hong Kong", "China" typed as groups when
    # they act; the dossier keeps one actor per country, typed as the place)
    if all(is_country_or_continent(e.full.text)
           and (len(e.full.text.split()) > 1 or given_name_gender(e.full.text) is None) for e in group):
        return "LOC"
    # the NER hesitating between a person and something else: a given name settles it ("Michael Howard")
    if any(m.type == "PER" for e in group for m in e.mentions) and any(_looks_like_person(e.full.text) for e in group):
        return "PER"
    # the family name of a person the pile names in full is that person, not a town so called ("Obama",
    # "Jackson" of "Vincent Jackson" written once after "in")
    # a place the NER reads as a person in one line and a group in another is neither ("Baytown")
    types = {m.type for e in group for m in e.mentions}
    if all(_place_like(e.full.text) and not e.family_name for e in group) and (
            any(m.locative for e in group for m in e.mentions) or "ORG" not in types):
        return "LOC"
    return None


_COMPASS = frozenset({"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
                      "northeast", "northwest", "southeast", "southwest"})


def _place_like(name: str) -> bool:
    """A gazetteer place, or one with a compass word before or after it ("North Dorset", "Aberdeen South")."""
    if is_place_name(name):
        return True
    words = name.split()
    return len(words) == 2 and any(w.lower() in _COMPASS for w in words) and any(
        w.lower() not in _COMPASS and is_place_name(w) for w in words)


_MONEY_SIGNS = frozenset("$€£¥₹₽")


# One word that only ever opens or closes a name: alone, it is a fragment the NER cut ("Mt" of "Mt
# Cook", "St." of "117th St.", "Inc." of "Delta Sigma Theta Sorority, Inc.").
_FRAGMENT_WORDS = LEGAL_FORMS | PLACE_LEAD_WORDS | frozenset({"st", "ste", "ave", "rd", "blvd", "dept", "assn",
                                                               "route", "highway", "interstate"})
_INITIALS_ONLY = re.compile(r"(?:[A-Za-z]\.\s*){2,}")  # "N. Y.", "B. A.": letters without the name they open


def _no_name(text: str) -> bool:
    """A single letter ("F"), a money sign or currency code ("AU$", "US$", "USD"), initials alone ("B. A."),
    or a word that only opens or closes a name ("Mt", "St.", "Inc."): what the NER tagged is no name."""
    return (sum(c.isalnum() for c in text) <= 1 or any(c in _MONEY_SIGNS for c in text) or is_currency_code(text)
            or (" " in text and _INITIALS_ONLY.fullmatch(text) is not None and not is_us_state_abbreviation(text))
            or (text.lower().strip(".,") in _FRAGMENT_WORDS and not text.isupper()))


def not_an_actor(group: Sequence[LocalEntity]) -> bool:
    """Every name is a single letter or holds a money sign ("F", "AU$"), or every mention is a
    sentence-opening ordinary word ("Sadly", "Think", "Teachers"; see
    :attr:`~newsdossier.entities.mentions.Mention.ordinary`), or every name is that of an event, award or
    law (:data:`NOT_ACTOR_HEAD_WORDS`), and nothing else (a role, an acronym, the alias table) names it; a role
    does not save a name whose every mention is an ordinary word."""
    if any(e.alias_type for e in group):
        return False
    events = [is_event_name(e.full.text) for e in group]
    event = all(events)
    if any(e.acronym for e in group):
        return any(events)  # an acronym defined in the text is a group ("AAH"), unless it is an event's ("WWDC")
    ordinary = all(m.ordinary or m.how == "nominal" for e in group for m in e.mentions)
    if any(e.roles for e in group) and not (ordinary and any(m.ordinary for e in group for m in e.mentions)):
        return False  # a role before an ordinary word is a title-cased line's word ("Queens Woman Killed")
    if all(_no_name(m.text) for e in group for m in e.mentions if m.how != "nominal"):
        return True
    return ordinary or event
