"""Names the pile knows: what the NER found in some articles, found again where it missed them.

The NER reads each article alone, so a name it tags in four articles can go untagged in a fifth
("the militia of Popular Mobilization Abu Mahdi al-Mohandes who ..."), or be run into the word
before it ("deputy director Hashed Abu Mahdi al-Muhandis", where the article tags "Hashed" on its
own as a group). The pile is the evidence that settles both:

- **Known names** are the names of two words or more the NER tagged, with the type most of their
  mentions carry, and the typed names of the user's alias table; a spelling counts by its
  transliteration key (:func:`~.names.name_key`), so "al-Mohandes" is known from "al-Muhandis".
- **Found again**: in a run of capitalised words the NER left untagged, a known person's name is a
  mention wherever it stands in the run (a person is often written after a group or a title the
  NER did not tag); a known group or place only when it is all that the people found leave of the
  run ("Popular Mobilization Abu Mahdi al-Mohandes" gives both; "New York" is not found inside
  "New York Times").
- **The NER's other names**: a span it tagged MISC (proper nouns only) that the pile tags
  elsewhere as a person, group or place is a mention of it, one word or more ("Airbus" read as a
  product in some sentences and as a company in most).
- **Typed by the group it opens with**: a person's name that opens with a one-word name the pile
  tags as a group ("Hashed al-Shaabi", where "Hashed" is tagged as an organisation) is a group's.
- **Cut from a run-on**: a person mention whose leading words the pile knows as a group or place,
  and whose remaining words (two or more) the pile knows as a person, loses the leading words.

- **One-word names** are sought only where the pile settles them: tagged at least twice elsewhere,
  and inside a sentence ("If Chrysler succeeds"), or opening one as the family name of a person of
  the pile not followed by a plural verb ("Jobs also noted", not "Jobs are scarce").

Only the articles' own text is read. Mentions found here have ``how="pile"``; cut ones ``"split"``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from newsdossier.entities.aliases import AliasTable
from newsdossier.entities.knowledge import given_name_gender
from newsdossier.entities.mentions import ArticleMentions, Mention
from newsdossier.entities.names import is_acronym, name_key, name_words

__all__ = ["KnownNames", "NameRun", "cut_run_ons", "known_mentions", "known_misc_mentions", "misc_names", "name_runs",
           "retype_group_names"]

# How often the NER must have tagged a one-word name for it to be sought where it was left untagged.
SINGLE_MIN_TAGS = 2
# Verbs after a sentence-opening word that make it a plural common noun ("Jobs are scarce").
_PLURAL_VERBS = frozenset({"are", "were", "have", "do", "remain", "seem", "say"})
# Lower-case words a name may hold between its capitalised words ("Abu Mahdi al-Muhandis", "Ursula
# von der Leyen", "Bank of England").
PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "del", "della", "der", "den", "van", "von", "da",
                       "di", "du", "dos", "das", "la", "le", "of", "and", "&"})
_WORD = re.compile(r"[^\s,;:()\[\]{}\"“”‘’«»!?]+")
# a word that opens with a lower-case Arabic article joined by a hyphen: "al-Muhandis", "el-Sisi"
_JOINED_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ul)-[A-Z]")


@dataclass(frozen=True, slots=True)
class NameRun:
    """Capitalised words in a row that no mention covers: the run's text from its first word's start
    (``start``) and the ``(start, end)`` of each word in the article."""

    start: int
    text: str
    words: tuple[tuple[int, int], ...]
    initial: bool = False  # opens a sentence or a line, where any word is capitalised
    following: str = ""  # the word after the run

    def phrase(self, first: int, last: int) -> str:
        """The text from word ``first`` to word ``last`` (inclusive)."""
        return self.text[self.words[first][0] - self.start:self.words[last][1] - self.start]


@dataclass(slots=True)
class KnownNames:
    """Name keys the NER tagged somewhere in the pile, with their majority type: names of two words or
    more (and the alias table's), one-word names with how often they were tagged, and the family names
    of people named with a given name first."""

    types: dict[str, str] = field(default_factory=dict)
    single: dict[str, str] = field(default_factory=dict)  # one-word names (acronyms too)
    single_count: dict[str, int] = field(default_factory=dict)  # how often the NER tagged each
    families: set[str] = field(default_factory=set)  # last-word keys of the people of two words or more

    @classmethod
    def of(cls, found: Iterable[ArticleMentions], aliases: AliasTable | None = None) -> KnownNames:
        """The names the NER tagged across the pile, and the typed names of the user's alias table
        (which win: the user said what they are)."""
        counts: dict[str, Counter[str]] = {}
        single: dict[str, Counter[str]] = {}
        found_people: set[str] = set()  # texts of the NER's people of two words or more
        for article in found:
            for mention in article.mentions:
                if mention.type == "PER" and mention.how == "ner" and len(mention.text.split()) >= 2:
                    found_people.add(mention.text)
                if mention.how != "ner" or mention.ordinary:
                    continue
                words = 1 if is_acronym(mention.text) else len(name_words(mention.text))
                if words:
                    (counts if words >= 2 else single).setdefault(name_key(mention.text), Counter())[mention.type] += 1
        known = cls({key: count.most_common(1)[0][0] for key, count in counts.items()},
                    {key: count.most_common(1)[0][0] for key, count in single.items()},
                    {key: count.most_common(1)[0][1] for key, count in single.items()})
        known.families = _family_keys(found_people)
        for entry in aliases.entries if aliases is not None else ():
            for name in entry.names:
                if entry.type is not None and len(name_words(name)) >= 2 and not is_acronym(name):
                    known.types[name_key(name)] = entry.type
        return known

    def type_of(self, text: str) -> str | None:
        return self.types.get(name_key(text))

    def one_word_type(self, word: str, *, initial: bool, next_word: str) -> str | None:
        """The type of a one-word name the NER left untagged, when the pile settles it: tagged so at
        least :data:`SINGLE_MIN_TAGS` times, and, opening a sentence (where any word is capitalised), the
        family name of a person of the pile not followed by a plural verb ("Jobs also noted", not "Jobs
        are scarce")."""
        key = name_key(word)
        kind = self.single.get(key)
        if self.single_count.get(key, 0) < SINGLE_MIN_TAGS or (kind == "PER" and key not in self.families):
            return None  # a one-word person only as the family name of someone the pile names in full
        if initial and (key not in self.families or next_word.lower() in _PLURAL_VERBS):
            return None
        return kind


def _family_keys(people: Iterable[str]) -> set[str]:
    """Keys of the last words of people named with a given name first ("Steve Jobs" gives "jobs";
    "Vote Tory", a slogan the NER took for a person, gives nothing)."""
    return {name_key(text.split()[-1]) for text in people if given_name_gender(text.split()[0]) is not None}


def _function_word(word: str) -> bool:
    """A capitalised English stop word ("If", "The", "When"; not "US")."""
    return word.istitle() and word.lower() in STOP_WORDS


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or bool(_JOINED_ARTICLE.match(word))


def name_runs(text: str, mentions: Iterable[Mention]) -> list[NameRun]:
    """Runs of capitalised words (particles allowed inside) that no mention touches, within a line and a
    sentence: where a name the NER missed can stand."""
    covered = sorted((m.start, m.end) for m in mentions)
    runs: list[NameRun] = []
    current: list[tuple[int, int]] = []

    def close() -> None:
        while current and text[current[-1][0]:current[-1][1]].lower() in PARTICLES:
            current.pop()
        if current:
            before = text[max(0, current[0][0] - 8):current[0][0]].rstrip(" \t\"“‘'([")
            initial = not before or before.endswith(("\n", ".", "!", "?", ":", "—", "-"))
            while current and _function_word(text[current[0][0]:current[0][1]]):
                del current[0]  # "If Chrysler succeeds": the run is "Chrysler", inside its sentence
                initial = False
        if current:
            following = text[current[-1][1]:current[-1][1] + 24].split()[:1]
            runs.append(NameRun(current[0][0], text[current[0][0]:current[-1][1]], tuple(current), initial,
                                following[0] if following else ""))
        current.clear()

    index = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group()
        while index < len(covered) and covered[index][1] <= start:
            index += 1
        touched = index < len(covered) and covered[index][0] < end
        gap = text[current[-1][1]:start] if current else ""
        if touched or "\n" in gap or any(c in gap for c in ",;:()\"“”!?") or not (
                _capitalised(word) or (current and word.lower() in PARTICLES)):
            close()
            if touched or not _capitalised(word):
                continue
        if word.endswith((".", "’s", "'s")) and not is_acronym(word):
            # a sentence or a possessive ends the run after this word
            stem = len(word) - (1 if word.endswith(".") else 2)
            current.append((start, start + stem))
            close()
            continue
        current.append((start, end))
    close()
    return runs


def known_mentions(article: str, runs: Iterable[NameRun], known: KnownNames) -> list[Mention]:
    """Mentions of known names in an article's untagged runs (see the module docstring)."""
    found = []
    for run in runs:
        words = run.words
        if len(words) == 1:
            kind = known.one_word_type(run.text, initial=run.initial, next_word=run.following)
            if kind is not None:
                found.append(Mention(article, words[0][0], words[0][1], run.text, kind, "pile"))
            continue
        people: list[tuple[int, int]] = []  # word ranges of known people in the run
        at = 0
        while at < len(words) - 1:
            for stop in range(len(words) - 1, at, -1):  # the longest known person from this word on
                if run.phrase(at, at).lower() in PARTICLES or run.phrase(stop, stop).lower() in PARTICLES:
                    continue
                if known.type_of(run.phrase(at, stop)) == "PER":
                    people.append((at, stop))
                    at = stop
                    break
            at += 1
        # what the people leave of the run is a mention only when it is a known name as a whole
        edges = [-1, *(n for pair in people for n in pair), len(words)]
        segments = [(edges[n] + 1, edges[n + 1] - 1) for n in range(0, len(edges), 2)]
        for first, last in [*people, *((a, b) for a, b in segments if b > a)]:
            phrase = run.phrase(first, last)
            kind = known.type_of(phrase)
            if kind is not None:
                found.append(Mention(article, words[first][0], words[last][1], phrase, kind, "pile"))
    return sorted(found, key=lambda m: m.start)


def retype_group_names(mentions: list[Mention], known: KnownNames) -> list[Mention]:
    """Person mentions of two words or more that open with a one-word name the pile tags as a group
    (at least :data:`SINGLE_MIN_TAGS` times) and that is no given name, typed as the group's:
    "Hashed al-Shaabi" where the pile tags "Hashed" as an organisation; "Washington Irving" keeps
    its type ("Washington" is a place)."""
    out = []
    for mention in mentions:
        words = mention.text.split()
        if mention.type == "PER" and len(words) >= 2 and mention.how in ("ner", "headline", "pile"):
            key = name_key(words[0])
            if (known.single.get(key) == "ORG" and known.single_count.get(key, 0) >= SINGLE_MIN_TAGS
                    and given_name_gender(words[0]) is None):
                mention = replace(mention, type="ORG")
        out.append(mention)
    return out


def misc_names(doc: Any) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of the NER's MISC spans made only of singular proper nouns ("Airbus",
    "Boeing" in a sentence where it read them as products; not "American" or "Britons")."""
    return [(span.start_char, span.end_char, span.text) for span in doc.ents
            if span.label_ == "MISC" and all(t.tag_ == "NNP" for t in span)]


def known_misc_mentions(article: str, spans: Iterable[tuple[int, int, str]], known: KnownNames) -> list[Mention]:
    """MISC spans the pile tags elsewhere as a person, group or place, one word or more: mentions of it."""
    found = []
    for start, end, text in spans:
        key = name_key(text)
        kind = known.types.get(key) or known.single.get(key)
        if kind in ("PER", "ORG", "LOC"):
            found.append(Mention(article, start, end, text, kind, "pile"))
    return found


def cut_run_ons(mentions: list[Mention], known: KnownNames) -> tuple[list[Mention], set[str]]:
    """Person mentions cut after leading words the pile knows as a group or place (see the module
    docstring), and the keys of the words cut off."""
    out = []
    leads: set[str] = set()
    for mention in mentions:
        if mention.type == "PER" and mention.how in ("ner", "headline"):
            words = list(re.finditer(r"\S+", mention.text))
            for n in range(1, len(words) - 1):
                lead = mention.text[:words[n - 1].end()]
                rest = mention.text[words[n].start():]
                if (known.type_of(rest) == "PER" and len(name_words(rest)) >= 2
                        and _known_other(lead, known)):
                    mention = replace(mention, start=mention.start + words[n].start(), text=rest, how="split")
                    leads.add(name_key(lead))
                    break
        out.append(mention)
    return out, leads


def _known_other(lead: str, known: KnownNames) -> bool:
    """Whether leading words are a group or place the pile knows (tagged so on their own, one word allowed)."""
    return known.type_of(lead) in ("ORG", "LOC") or known.single.get(name_key(lead)) in ("ORG", "LOC")
