"""Transliteration-aware keys of names: one key for every common romanisation of a name.

News spells Arabic and Persian names many ways (Qasem / Qassem Soleimani, al-Muhandis /
al-Mohandes, al-Kadhemi / al-Kadhimi, Kata'ib / Kataeb Hezbollah). :func:`name_key` maps
such spellings to one key:

* Unicode: accents stripped ("Kádhimi" = "Kadhimi"), apostrophes and hamza/ayn marks dropped
  ("Kata’ib" = "Kataib"), hyphens split words;
* articles and particles dropped when they are joined to a word or stand inside a name
  ("al-", "el-", "ul-", "ad-", "as-", "ash-", "at-", "az-": "al-Kadhemi" = "Kadhemi"), but not
  a name's own first word ("Al Gore" keeps "al");
* a company's legal form at the end is dropped ("Apple Inc." = "Apple", "Ford Motor Company" =
  "Ford Motor", "Chrysler LLC", "Fiat Group SpA", "EADS N.V."): :data:`LEGAL_FORMS`, and so is a
  generational suffix ("Jr", "III"): :data:`GENERATIONS`;
* letters that romanisations swap are folded: q and gh → k, dh → d, th → t, zh → z, kh → h,
  ph → f, w → v, ou/oo/o → u, e/ee/ei/ey/y → i, and doubled letters are single ("Qassem" =
  "Qasem" = "Ghasem", "Mohandes" = "Muhandis", "Soleimani" = "Suleimani", "Kadhemi" =
  "Kadhimi", "Gaddafi" = "Gadhafi", "Javad" = "Jawad"). The folds were chosen on the
  transliteration set in tests/entities/transliterations.py (bench/transliteration_pairs.py).

:func:`skeleton` keeps only the consonants of the key, for looser candidate matching
("Hashed" and "Hashd" share "hshd"). The keys are for *finding* candidates and for
exact-match merges; the resolver in :mod:`newsdossier.entities.resolve` decides what else
may merge (given names must agree, types must agree, ...).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["GENERATIONS", "LEGAL_FORMS", "PARTICLES", "initials", "is_acronym", "name_key", "name_words", "skeleton",
           "sound_codes"]

# Arabic articles and particles as they are romanised in news; dropped inside names.
PARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "ed", "es", "an", "il"})
# Words that end a company's name without naming it (lower-case, dots removed), dropped from keys.
LEGAL_FORMS = frozenset({"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc",
                         "spa", "nv", "ag", "sa", "gmbh", "group", "holdings", "lp", "llp"})
# Generational suffixes of people's names, dropped from keys like legal forms.
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
_APOSTROPHES = "'’ʼʻ`´‘"
# Order matters: digraphs before single letters, vowels last.
_FOLDS = (
    ("q", "k"), ("dh", "d"), ("th", "t"), ("zh", "z"), ("kh", "h"), ("gh", "k"), ("ph", "f"), ("ck", "k"), ("w", "v"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ey", "i"), ("ei", "i"),
)
_VOWEL_FOLDS = str.maketrans({"o": "u", "e": "i", "y": "i"})
_DOUBLED = re.compile(r"(.)\1+")
_WORD = re.compile(r"[^\W\d_]+|\d+")


def _ascii(text: str) -> str:
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")


def is_acronym(text: str) -> bool:
    """"AAH", "KH", "U.S.": capitals only (dots allowed), 2 to 8 letters."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def name_words(text: str) -> list[str]:
    """The name's words, lower-cased, accents and apostrophes removed, particles dropped ("U.S." is "us")."""
    return list(_name_words(text))


@lru_cache(maxsize=65536)
def _name_words(text: str) -> tuple[str, ...]:
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    words = _WORD.findall(_ascii(text))
    kept = [w for i, w in enumerate(words) if not (w in PARTICLES and i > 0 and len(words) > 1)]
    if kept and kept[0] in PARTICLES and len(kept) > 1 and "-" in text.split()[0]:
        kept = kept[1:]  # "al-Kadhemi" on its own: the article is joined to the name
    while len(kept) > 1 and (kept[-1] in LEGAL_FORMS or kept[-1] in GENERATIONS):
        kept.pop()  # "Apple Inc.", "Fiat Group SpA", "Arcade Joseph Comeaux Jr"
    return tuple(kept)


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    for old, new in _FOLDS:
        word = word.replace(old, new)
    word = word.translate(_VOWEL_FOLDS)
    word = _DOUBLED.sub(r"\1", word)
    return word


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """One key for the spellings of a name (see the module docstring); an acronym is its capital letters,
    so that it never equals a word's key ("ID" is not "Ed", whose key folds to "id")."""
    if is_acronym(text.strip()):
        return text.strip().replace(".", "")
    return " ".join(_fold(w) for w in _name_words(text))


_SOUND_CLASSES = str.maketrans({**dict.fromkeys("bfpv", "1"), **dict.fromkeys("cgjkqsxz", "2"), **dict.fromkeys("dt", "3"),
                                 "l": "4", **dict.fromkeys("mn", "5"), "r": "6"})


def sound_codes(word: str) -> frozenset[str]:
    """The word's consonants by Soundex class, repeats folded, vowels and h/w/y dropped, first letter
    included and no length cap: "gaddafi" and "qaddafi" are both "231"; "blair" (146) is not "bakir" (126).
    Arabic dh is romanised as d or z ("Kadhimi", "Kazemi"), so a word with "dh" has a code for each.
    Two family names may be spelling variants only when they share a code."""
    word = word.lower()
    forms = {word.replace("dh", "d"), word.replace("dh", "z")} if "dh" in word else {word}
    return frozenset(_DOUBLED.sub(r"\1", "".join(c for c in f.translate(_SOUND_CLASSES) if c.isdigit())) for f in forms)


def skeleton(key: str) -> str:
    """The consonants of a key (its first letter kept): a looser key for finding candidates."""
    return " ".join(w[0] + re.sub(r"[aeiou]", "", w[1:]) for w in key.split())


# Small words an acronym skips when they are written in lower case ("Office for National Statistics" = ONS).
_ACRONYM_SKIPS = frozenset({"of", "for", "and", "the", "on", "in", "to", "at", "de", "du", "des", "la", "le"})


def initials(text: str) -> str:
    """Upper-case initials of a name's words, particles and lower-case small words skipped
    ("Asaib Ahl al-Haq" -> "AAH", "Office for National Statistics" -> "ONS")."""
    skipped = {w for w in re.findall(r"\b[a-z]+\b", text) if w in _ACRONYM_SKIPS}
    return "".join(w[0] for w in name_words(text) if w not in skipped).upper()
