"""Name keys, acronyms, and pairwise merging of people on the transliteration set."""

from __future__ import annotations

import itertools

import pytest

from newsdossier.entities.names import initials, is_acronym, name_key, name_words
from newsdossier.entities.resolve import names_match

from .transliterations import KEEP_APART, SAME_PERSON


@pytest.mark.parametrize(("a", "b"), [
    ("Qasem Soleimani", "Qassem Suleimani"),
    ("Abu Mahdi al-Muhandis", "Abu Mahdi al-Mohandes"),
    ("Kata’ib Hezbollah", "Kataeb Hezbollah"),
    ("Kata'ib Hezbollah", "Kata’ib Hezbollah"),
    ("al-Kadhemi", "Kadhemi"),
    ("Mustafa al-Kádhimi", "Mustafa al-Kadhimi"),
    ("U.S.", "US"),
    ("Apple Inc.", "Apple"),  # a company's legal form names nothing
    ("Ford Motor Company", "Ford Motor Co."),
    ("Fiat Group S.p.A.", "Fiat"),
    ("Arcade Joseph Comeaux Jr", "Arcade Joseph Comeaux"),  # nor does a generation
])
def test_same_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Abbas Kadhim", "Mustafa al-Kadhemi"),
    ("Kadhim", "Kadhemi"),
    ("Al Gore", "Gore"),  # a name's own first word is not an article
    ("AAH", "AH"),  # acronyms keep their letters
    ("Inc.", "Co."),  # a legal form alone is kept
])
def test_different_key(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize(("text", "expected"), [("Asaib Ahl al-Haq", "AAH"), ("Kata’ib Hezbollah", "KH"),
                                                 ("Popular Mobilization Forces", "PMF"),
                                                 ("Office for National Statistics", "ONS"),
                                                 ("Bank Of America", "BOA")])
def test_initials_skip_particles(text: str, expected: str) -> None:
    assert initials(text) == expected


def test_words_and_acronyms() -> None:
    assert name_words("Abu Bakr al-Baghdadi") == ["abu", "bakr", "baghdadi"]
    assert is_acronym("AAH") and is_acronym("U.S.") and not is_acronym("Iraq") and not is_acronym("A")


def test_every_spelling_of_a_person_merges() -> None:
    missed = [(a, b) for group in SAME_PERSON for a, b in itertools.combinations(group, 2)
              if names_match(a, b, "PER") is None]
    assert missed == []


def test_relatives_and_namesakes_never_merge() -> None:
    wrong = [(a, b) for a, b in KEEP_APART if names_match(a, b, "PER") is not None]
    wrong += [(a, b) for (ga, gb) in itertools.combinations(SAME_PERSON, 2) for a in ga for b in gb
              if names_match(a, b, "PER") is not None]
    assert wrong == []


def test_a_merge_says_why() -> None:
    reason = names_match("Mustafa al-Kadhemi", "Mustafa al-Kahdimi")
    assert reason is not None and "given names agree" in reason and "'kadimi' ~ 'kahdimi'" in reason
    assert names_match("Kata’ib Hezbollah", "Kataib Hizbollah", "ORG") is not None
    assert names_match("Islamic State", "Islamic Jihad", "ORG") is None


def test_held_out_set_stays_at_its_measured_level() -> None:
    """The held-out set was scored once after tuning (precision 0.988, recall 0.833); these are its floors."""
    from . import transliterations_heldout as heldout

    positives = [p for group in heldout.SAME_PERSON for p in itertools.combinations(group, 2)]
    negatives = list(heldout.KEEP_APART) + [(a, b) for ga, gb in itertools.combinations(heldout.SAME_PERSON, 2)
                                            for a in ga for b in gb]
    merged = sum(1 for a, b in positives if names_match(a, b, "PER") is not None)
    false = sum(1 for a, b in negatives if names_match(a, b, "PER") is not None)
    assert merged / len(positives) >= 0.83
    assert false <= 1  # "Ali Khomeini" / "Ali Khamenei", a grandson of Khomeini and the Leader
