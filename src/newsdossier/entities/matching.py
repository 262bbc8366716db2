"""Whether two names of one type are spellings of one actor, and why (or why not).

The resolver (:mod:`.resolve`) applies :func:`names_match` between the full names of two people or
two organisations; :func:`why_not` explains any pair on request (``newsdossier entities --why``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from newsdossier.entities.knowledge import is_honorific
from newsdossier.entities.names import name_key, name_words, skeleton, sound_codes

__all__ = ["FAMILY_NAME_MIN_SIMILARITY", "GIVEN_NAME_MIN_SIMILARITY", "ORG_NAME_MIN_SIMILARITY", "names_match",
           "why_not"]

# rapidfuzz ratio (0-100) of two family-name keys for people whose given names agree. 75 joins
# "kazimi" and "kahdimi" (one transposition, 77); seed-pile spellings only, so a floor chosen by
# example rather than measured (issue #6 asks for a transliteration set to measure it on).
FAMILY_NAME_MIN_SIMILARITY = 75.0
# rapidfuzz ratio of two organisations' full keys; high, since group names share words.
ORG_NAME_MIN_SIMILARITY = 90.0
# rapidfuzz ratio two given-name keys with the same consonants need: "muhamid" ~ "muhamad" (86)
# but not "hasan" ~ "husin" (Hassan, Hossein: 60). From the transliteration set (bench/transliteration_pairs.py).
GIVEN_NAME_MIN_SIMILARITY = 80.0


def _sound_alike(a: str, b: str) -> bool:
    """Whether the family names of two names share a consonant code (:func:`~.names.sound_codes`) of two
    consonants or more, or, with one, the same consonants in their keys: "gaddafi" ~ "qaddafi" (231),
    "haniyeh" ~ "haniya" (n; "hn" both); not "hague" ~ "haughey" (g; "hg" and "hk"), two people."""
    shared = sound_codes(name_words(a)[-1]) & sound_codes(name_words(b)[-1])
    return any(len(code) >= 2 for code in shared) or (bool(shared) and _consonants(a) == _consonants(b))


def _consonants(name: str) -> str:
    """The consonants of a name's family-name key, h, w and y after the first letter dropped ("hanih" -> "hn")."""
    key = skeleton(name_key(name).split()[-1])
    return key[:1] + re.sub(r"[hwy]", "", key[1:])


def _same_given_name(a: str, b: str) -> bool:
    return a == b or (skeleton(a) == skeleton(b) and fuzz.ratio(a, b) >= GIVEN_NAME_MIN_SIMILARITY)


def names_match(a: str, b: str, kind: str = "PER") -> str | None:
    """Why two names of the same type are one actor (rules 1-3 of the module docstring), or None."""
    key_a, key_b = name_key(a), name_key(b)
    if key_a == key_b:
        return f"same name key '{key_a}': {a!r} = {b!r}"
    words_a, words_b = key_a.split(), key_b.split()
    if len(words_a) < 2 or len(words_b) < 2:
        return None
    if kind == "PER":
        if not _same_given_name(words_a[0], words_b[0]):
            return None  # another given name: another person, however close the family names
        score = fuzz.ratio(words_a[-1], words_b[-1])
        # close letters are not enough: the consonants must sound alike ("gadafi" ~ "kadafi"), not
        # "blair" ~ "bakir" (80), two people
        if (score >= FAMILY_NAME_MIN_SIMILARITY and _sound_alike(a, b)
                and skeleton(" ".join(words_a[1:-1])) == skeleton(" ".join(words_b[1:-1]))):
            return f"given names agree, family names {words_a[-1]!r} ~ {words_b[-1]!r} ({score:.0f}): {a!r} = {b!r}"
    elif kind == "ORG":
        score = fuzz.ratio(key_a, key_b)
        if score >= ORG_NAME_MIN_SIMILARITY and _same_words(words_a, words_b):
            return f"organisation names {key_a!r} ~ {key_b!r} ({score:.0f}): {a!r} = {b!r}"
    return None


def why_not(a: str, b: str, kind: str = "PER") -> str:
    """Why the spelling rules would, or would not, join two names of one type (``entities --why``)."""
    addressed = [n.split(None, 1) for n in (a, b) if len(n.split()) == 2 and is_honorific(n.split()[0])]
    if addressed:
        if len(addressed) == 2 and name_key(addressed[0][1]) != name_key(addressed[1][1]):
            return (f"kept apart: {a!r} and {b!r} name different family names after a form of address; such a "
                    f"name joins only a person with that very family name")
        return (f"a name after a form of address ({', '.join(' '.join(x) for x in addressed)}) joins the person "
                f"the pile's articles say it is, or the one person of its story with that family name")
    if (reason := names_match(a, b, kind)) is not None:
        return f"would merge: {reason}"
    key_a, key_b = name_key(a), name_key(b)
    words_a, words_b = key_a.split(), key_b.split()
    if len(words_a) < 2 or len(words_b) < 2:
        return (f"no spelling rule: {a!r} or {b!r} is one word; a one-word name joins only the one person of "
                f"the pile (or, with Mr/Mrs/Dr, of its story) with that family name, or the one group it opens")
    if kind == "PER":
        if not _same_given_name(words_a[0], words_b[0]):
            return f"kept apart: given names {words_a[0]!r} and {words_b[0]!r} differ"
        score = fuzz.ratio(words_a[-1], words_b[-1])
        if score < FAMILY_NAME_MIN_SIMILARITY:
            return (f"kept apart: family names {words_a[-1]!r} and {words_b[-1]!r} are not close "
                    f"(ratio {score:.0f} < {FAMILY_NAME_MIN_SIMILARITY:.0f})")
        if not sound_codes(name_words(a)[-1]) & sound_codes(name_words(b)[-1]):
            return (f"kept apart: family names {name_words(a)[-1]!r} and {name_words(b)[-1]!r} are close in "
                    f"letters (ratio {score:.0f}) but do not sound alike (consonant codes "
                    f"{sorted(sound_codes(name_words(a)[-1]))} vs {sorted(sound_codes(name_words(b)[-1]))})")
        if not _sound_alike(a, b):
            return (f"kept apart: family names {words_a[-1]!r} and {words_b[-1]!r} share one consonant sound "
                    f"only, and their consonants {_consonants(a)!r} and {_consonants(b)!r} differ")
        return "kept apart: the middle names differ"
    score = fuzz.ratio(key_a, key_b)
    if score < ORG_NAME_MIN_SIMILARITY:
        return f"kept apart: names {key_a!r} and {key_b!r} are not close (ratio {score:.0f} < {ORG_NAME_MIN_SIMILARITY:.0f})"
    return f"kept apart: {key_a!r} and {key_b!r} are close (ratio {score:.0f}) but not the same words"


def _same_words(a: Sequence[str], b: Sequence[str]) -> bool:
    """Word for word the same name up to spelling: each pair of words has one key, one consonant skeleton,
    or differs by a plural "s" ("Liberal Democrats" = "Liberal Democrat"; "China Southern" is not "China
    Eastern", "Changi" is not "Chiang Mai")."""
    return len(a) == len(b) and all(x == y or skeleton(x) == skeleton(y) or x.rstrip("s") == y.rstrip("s")
                                    for x, y in zip(a, b, strict=True))
