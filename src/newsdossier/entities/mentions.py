"""Mentions of actors in one analysed article: names, acronyms, and the roles the text gives them.

Sources, on top of the NER's PER/ORG/LOC spans (MISC is nationalities and events, not actors):

* **titles** in front of a person's name ("Iraqi Prime Minister Mustafa al-Kadhemi",
  "President-elect Joe Biden", "Major-General Soleimani"): stripped from the name and kept as a
  role, also when the NER put the title inside the name;
* **acronym definitions** "Asaib Ahl al-Haq (AAH)": the words before the brackets whose initials
  spell the acronym become one ORG mention (replacing whatever the NER made of them), and every
  later "AAH" in the article is a mention of it;
* **headlines**: in a Title Case line ("Lindsay Lohan Checks Into Rehab") the NER runs names into
  the capitalised words after them; such mentions are marked ``headline``, and the resolver cuts
  them back to a name the article uses elsewhere;
* **appositions** after a person's name ("Abbas Kadhim, director of the Atlantic Council think
  tank's Iraq Initiative"; "Mohammed Mohy, the spokesperson for KH"): kept as a role when the
  phrase opens with a role noun (:data:`ROLE_NOUNS`), cut at the next comma, bracket, quote or
  finite verb.

Offsets are character offsets into the article text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newsdossier.entities.knowledge import (
    given_name_gender,
    is_core_title,
    is_honorific,
    is_place_name,
    is_time_word,
    is_title_word,
)
from newsdossier.entities.names import initials, name_words

__all__ = ["ACTOR_TYPES", "INSTITUTION_WORDS", "NOT_ACTOR_HEAD_WORDS", "ROLE_NOUNS", "TITLE_WORDS", "ArticleMentions",
           "Mention", "Role", "find_mentions", "is_event_name", "lower_case_words"]

ACTOR_TYPES = frozenset({"PER", "ORG", "LOC"})
# Words of a title written in front of a name (lower-cased; hyphenated forms included).
TITLE_WORDS = frozenset("""
president president-elect vice prime minister secretary general gen. major-general lieutenant-general
brigadier brig. colonel col. lieutenant lt. major maj. captain capt. commander admiral adm. sergeant sgt.
senator sen. representative rep. governor gov. mayor ambassador envoy spokesman spokeswoman spokesperson
chief deputy director leader king queen prince princess sheikh ayatollah imam grand cleric pope
chancellor premier speaker chairman chairwoman judge justice attorney foreign defence defense interior
finance state supreme mr. mrs. ms. dr. professor prof. honorary militia commander-in-chief
ceo cfo coo executive officer
""".split())
# Last words of names of events, awards and laws, which are not actors ("Academy Awards", "Paris Air Show",
# "MacArthur Fellowship", "Affordable Care Act").
NOT_ACTOR_HEAD_WORDS = frozenset("""award awards prize prizes fellowship medal cup trophy championship championships games
olympics festival show conference summit act bill treaty accord agreement""".split())
# Words that make a name an institution, not a person, even after a title word ("Justice Department",
# "Supreme Court", "State Council"): a span holding one is never split into a title and a person.
INSTITUTION_WORDS = frozenset("""
department ministry court council office house agency bureau administration commission committee
assembly parliament senate congress government service services authority board bank party army
coalition alliance movement front union force forces police guard company corporation group institute
""".split())
# Nouns that open an apposition giving a role ("..., a fellow at ...").
ROLE_NOUNS = frozenset("""
director fellow spokesperson spokesman spokeswoman head leader chief commander minister president
analyst expert professor researcher scholar official adviser advisor ambassador secretary member founder
chairman chairwoman editor correspondent deputy general lawmaker senator governor mayor envoy officer
lieutenant colonel cleric man woman lecturer economist strategist diplomat candidate prosecutor lawyer
author founder co-founder executive manager coordinator representative negotiator aide associate
""".split())
_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her", "their"})
_PHRASE_STOPS = frozenset({",", ".", ";", ":", "(", ")", "“", "”", '"', "—", "–", "?", "!"})
_FINITE_VERB_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
# Reporting verbs end an apposition even when the tagger misses them ("the spokesperson for KH confirms").
_REPORTING_VERBS = frozenset("""says said tells told confirms confirmed explains explained adds added warns warned
believes believed thinks thought argues argued notes noted insists insisted""".split())
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Z&]{1,7})\s*\)")
_MAX_ROLE_TOKENS = 20
_MAX_DEFINITION_WORDS = 8


@dataclass(frozen=True, slots=True)
class Mention:
    article: str
    start: int
    end: int
    text: str
    type: str  # PER, ORG or LOC
    how: str  # "ner", "headline" (NER in a Title Case line), "definition" (the name before "(AAH)"), "acronym",
    # "split" (cut from a run-on), "nominal" ("the prime minister", linked by the resolver), "gold" (evaluation)
    honorific: str = ""  # "mr", "mrs", "dr", ... written just before the name ("Mr Blair" is the person "Blair")
    # a one-word name opening its sentence that the tagger or the article reads as an ordinary word
    # ("Sadly", "Think", "Teachers": tagged RB, VB, NNS, or written lower-case elsewhere in the article)
    ordinary: bool = False
    initial: bool = False  # a one-word name opening its sentence (the pile may show it is an ordinary word)
    locative: bool = False  # written after "in", "near", "outside" ... ("in Troy")


@dataclass(frozen=True, slots=True)
class Role:
    text: str
    article: str
    start: int
    end: int
    how: str  # "title" or "apposition"


@dataclass(slots=True)
class ArticleMentions:
    """What one article says: mentions in text order, roles by mention index, acronyms defined."""

    article: str
    mentions: list[Mention] = field(default_factory=list)
    roles: dict[int, list[Role]] = field(default_factory=dict)
    acronyms: dict[str, int] = field(default_factory=dict)  # "AAH" -> index of its defining mention


def _title_start(doc: Any, start: int) -> int:
    """First token of the title written just before token ``start`` (``start`` if there is none).

    A title is a run of title words, optionally preceded by a nationality or place ("Iraqi",
    "US") or a possessive ("Iraq’s"): "Iraq’s Prime Minister", "US President", "President-elect".
    """
    i = start
    has_title = False
    while i > 0:
        token = doc[i - 1]
        word = token.text.lower()
        if is_title_word(word):
            i -= 1
            has_title = True
        elif has_title and word == "of" and i > 1 and is_title_word(doc[i - 2].text):
            i -= 1  # "Secretary of Defense"
        elif has_title and token.ent_type_ in ("MISC", "LOC", "ORG") and token.text[:1].isupper():
            i -= 1  # "US President", "Apple CEO", "Ford Motor Company CEO"
        elif has_title and word in ("’s", "'s") and i > 1 and doc[i - 2].text[:1].isupper():
            return i - 2
        else:
            break
    return i


def _split_title(doc: Any, span: Any) -> tuple[int, int]:
    """(title start token, name start token) of a name span whose title may lie inside it or before it.

    An ORG span is a person only when a title opens it and two or more words follow
    ("President-elect Joe Biden"), or a form of address and one ("Lord Callaghan"); a span with an
    institution word is never split.
    """
    name_start = span.start
    if any(token.text.lower() in INSTITUTION_WORDS for token in span):
        return span.start, span.start  # "Justice Department" is not a "Department" titled "Justice"
    if span.label_ == "LOC" and not (len(span) > 1 and is_honorific(span[0].text)):
        return span.start, span.start  # "St Louis", "Prince Edward Island"; but "Lord Callaghan" is a person
    while name_start < span.end - 1 and is_title_word(doc[name_start].text):
        name_start += 1
    if span.label_ in ("PER", "ORG"):
        # a title inside the span, two capitalised words or more after it: "Genesee County Sheriff
        # Robert J Pickell" (tagged either way) is Robert J Pickell with the role "Genesee County Sheriff"
        for inner in range(span.end - 3, name_start, -1):
            if (doc[inner].text[:1].isupper() and is_title_word(doc[inner].text)
                    and all(t.text[:1].isupper() for t in doc[inner + 1:span.end])):
                return span.start, inner + 1
    if span.label_ == "ORG" and (name_start == span.start
                                 or (span.end - name_start < 2 and not is_honorific(span[0].text))):
        return span.start, span.start  # an organisation ("General Motors" is not a "Motors" titled "General")
    return _title_start(doc, name_start), name_start


def _apposition(doc: Any, end: int) -> tuple[int, int] | None:
    """Token range of a role apposition right after token ``end`` (exclusive), if there is one."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    i = end + 1
    first = i
    if doc[i].text.lower() in _DETERMINERS:
        i += 1
    if i >= len(doc) or doc[i].text.lower().strip("-") not in ROLE_NOUNS:
        return None
    stop = i
    while stop < len(doc) and stop - first < _MAX_ROLE_TOKENS:
        token = doc[stop]
        if (token.text in _PHRASE_STOPS or "\n" in token.text or token.text.lower() in _REPORTING_VERBS
                or (stop > i and token.tag_ in _FINITE_VERB_TAGS)):
            break
        stop += 1
    return (first, stop) if stop > i else None


def _definitions(text: str) -> list[tuple[int, int, int, int, str]]:
    """``(name start char, name end char, acronym start char, acronym end char, acronym)`` of "Name (ACR)"."""
    found = []
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        before = text[: match.start()].rstrip()
        words = list(re.finditer(r"[^\s()]+", before[-200:]))
        offset = len(before) - len(before[-200:])
        for n in range(1, min(len(words), _MAX_DEFINITION_WORDS) + 1):
            start = offset + words[-n].start()
            name = before[start:]
            if not name[:1].isupper():
                continue
            if initials(name) == acronym.replace("&", ""):
                found.append((start, len(before), match.start(1), match.end(1), acronym))
                break
    return found


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# Small words that a Title Case headline capitalises and running text does not.
_HEADLINE_WORDS = frozenset("into for to in of with after over at on from as by and the a an is are was were".split())


def _headline_starts(text: str) -> list[tuple[int, int]]:
    """Character ranges of Title Case lines ("Lindsay Lohan Checks Into Rehab", "Obama Announces Surgeon
    General Pick": three words or more, nearly all capitalised, with a capitalised small word or no
    closing punctuation), where the NER runs
    names into the words after them (lines, not sentences: a headline stands on a line of its own,
    and reading lines costs nothing next to walking the tokens)."""
    ranges = []
    offset = 0
    for line in text.split("\n"):
        words = _WORDS.findall(line)
        if (len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)
                and (any(w[:1].isupper() and w.lower() in _HEADLINE_WORDS for w in words[1:])
                     or not line.rstrip().endswith((".", "?", "!", '"', "”")))):
            ranges.append((offset, offset + len(line)))
        offset += len(line) + 1
    return ranges


_WORDS = re.compile(r"[^\W\d_][\w’'-]*")


def find_mentions(article: str, doc: Any, text: str | None = None) -> ArticleMentions:
    """Mentions, roles and acronym definitions of one analysed article (see the module docstring);
    ``text`` is ``doc.text`` when the caller has it already (spaCy joins the tokens again at every
    ``doc.text``)."""
    found = ArticleMentions(article)
    text = doc.text if text is None else text
    headlines = _headline_starts(text)
    definitions = _definitions(text)
    defined = [(s, e) for s, e, *_ in definitions]
    candidates: list[tuple[Mention, list[Role]]] = []
    body_stems: set[str] | None = None
    for span in doc.ents:
        if span.label_ not in ACTOR_TYPES:
            continue
        roles: list[Role] = []
        title_start, start_token = _split_title(doc, span)
        title = doc[title_start:start_token]
        # a form of address is written capitalised: "we will miss Steve" has none
        honorific = next((t.text.lower().rstrip(".") for t in reversed(title) if t.text[:1].isupper()
                          and is_honorific(t.text)), "")
        if len(title) and not all(is_honorific(t.text) for t in title):
            roles.append(Role(title.text, article, title.start_char, title.end_char, "title"))
        name = _with_event_word(doc, _name_part(doc[start_token:span.end]))
        if (name is None or not name_words(name.text) or name.text.lower() in _DETERMINERS or is_event_name(name.text)
                or (is_time_word(name.text) and not honorific)  # "Christmas", but "Mrs May"
                or any(_overlaps((name.start_char, name.end_char), d) for d in defined)):
            continue
        # "President-elect Joe Biden" tagged ORG as a whole, "Mr Clarke" tagged LOC: a title makes it a person
        kind = "PER" if honorific or (span.label_ == "ORG" and start_token > span.start) else span.label_
        if kind == "PER" and (appos := _apposition(doc, span.end)) is not None:
            phrase = doc[appos[0]:appos[1]]
            roles.append(Role(phrase.text, article, phrase.start_char, phrase.end_char, "apposition"))
        how = "ner"
        if any(start <= name.start_char < end for start, end in headlines):
            how = "headline"
            if body_stems is None:
                body_stems = _lower_case_stems(text)
            if (name := _headline_name(name, body_stems, text)) is None:
                continue
        end_char = name.end_char - _full_stop_after(name.text)
        candidates.append((Mention(article, name.start_char, end_char, text[name.start_char:end_char], kind, how,
                                   honorific,
                                   not honorific and _ordinary_word(doc, name, text),
                                   _locative(doc, name),
                                   not honorific and len(name) == 1 and _opens_sentence(doc, name.start)), roles))
    for start, end, _, _, acronym in definitions:
        mention = Mention(article, start, end, text[start:end], "ORG", "definition")
        candidates.append((mention, []))
    for match in re.finditer(r"\b([A-Z][A-Z&]{1,7})\b", text):
        acronym = match.group(1)
        if any(acronym == d[4] for d in definitions) and not any(
                _overlaps((match.start(), match.end()), (m.start, m.end)) for m, _ in candidates):
            candidates.append((Mention(article, match.start(), match.end(), acronym, "ORG", "acronym"), []))
    candidates.sort(key=lambda item: (item[0].start, -item[0].end))
    for mention, roles in _without_nested(candidates):
        index = len(found.mentions)
        found.mentions.append(mention)
        if roles:
            found.roles[index] = roles
        if mention.how == "definition":
            acronym = next(d[4] for d in definitions if d[0] == mention.start)
            found.acronyms.setdefault(acronym, index)
    return found


# Lower-case words that may stand inside a name ("Bank of America", "Ali bin Talal", "Ludwig van Beethoven").
_NAME_LINKS = frozenset("of and for de du des la le al el ul bin ibn van von der den da di dos y & on upon".split())
_DASHES = frozenset({"-", "–", "—", "|", "/"})
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Prepositions and adverbs a sentence may open with that the NER runs into the name after them
# (closed-class words spaCy's stop list leaves out).
_LEADING_NOT_NAME = frozenset("""near outside inside across around along beyond despite during following including via
amid amidst among towards toward throughout against behind below beneath beside besides between within without under
over after before since until upon meanwhile also then still even only""".split())


def is_event_name(name: str) -> bool:
    """A name of two words or more ending with a word of :data:`NOT_ACTOR_HEAD_WORDS` ("Paris Air Show")."""
    words = name.lower().split()
    return len(words) >= 2 and words[-1].strip(".,") in NOT_ACTOR_HEAD_WORDS


def _with_event_word(doc: Any, name: Any) -> Any:
    """The name with the capitalised words up to an event word right after it that the NER left out ("Paris
    Air" + "Show", "Apple Worldwide" + "Developers Conference"): the whole is an event, which is no actor."""
    if name is None:
        return name
    for end in range(name.end, min(name.end + _MAX_EVENT_TAIL, len(doc))):
        after = doc[end]
        if not after.text[:1].isupper() or after.ent_iob_ == "B":
            break
        if after.text.lower() in NOT_ACTOR_HEAD_WORDS:
            return doc[name.start:end + 1]
    return name


_MAX_EVENT_TAIL = 3  # capitalised words between a name and its event word ("Apple Worldwide" Developers Conference)


_CAPITALS_FULL_STOP = re.compile(r"[A-Z&]{2,}\.")


def _full_stop_after(name: str) -> int:
    """1 when the name's last word is capitals that a sentence's full stop ended ("AT&T.", "NATO."), not
    an abbreviation written with stops ("U.S.", "Inc.")."""
    last = name.split()[-1] if name.split() else ""
    return int(_CAPITALS_FULL_STOP.fullmatch(last) is not None)


def _name_part(name: Any) -> Any:
    """The name inside an NER span: possessive, leading determiners, bullets and stop words ("Near
    Baghdad") off, cut before a dash or a lower-case word the name cannot hold ("Liberal Democrats -
    the", "Independent the Tories"); None when nothing is left."""
    while len(name) > 1 and name[-1].text.lower() in ("’s", "'s"):
        name = name[:-1]
    while len(name) > 1 and name[-1].text.lower() in _WEEKDAYS:
        name = name[:-1]  # "Queens Friday": the day after a name is no part of it (months are: "Theresa May")
    while len(name) > 1 and (name[0].text.lower() in _DETERMINERS or not name[0].text[:1].isalnum()
                             or ((name[0].is_stop or name[0].text.lower() in _LEADING_NOT_NAME)
                                 and name[1].text[:1].isupper())):
        name = name[1:]  # "the", a bullet "•", "Near" of "Near Baghdad"
    while len(name) and _modifier(name[0].text):
        name = name[1:]  # "Pro-Iran", "War-scarred Iraq", "US-led": a modifier, not a name
    for i, token in enumerate(name):
        if i and (token.text in _DASHES or (token.text.islower() and token.text not in _NAME_LINKS)):
            name = name[:i]
            break
    while len(name) > 1 and name[-1].text.lower() in _NAME_LINKS:
        name = name[:-1]
    if not len(name) or not name.text[:1].isalnum() or all(is_core_title(t.text) for t in name):
        return None  # "Lt Gen", "Const" on their own are the title of the name after them
    return name


def _locative(doc: Any, name: Any) -> bool:
    """Written after "in", "near" ... and not as a possessive ("in Troy", not "in Obama's speech")."""
    return (name.start > 0 and doc[name.start - 1].text.lower() in LOCATIVE_WORDS
            and not (name.end < len(doc) and doc[name.end].text.lower() in ("'s", "’s")))


_MODIFIER = re.compile(r"(?i:pro|anti|non|post|pre|ex|neo|mid)-\w+|\w+-[a-z][\w-]*")


def _modifier(word: str) -> bool:
    """A hyphenated modifier: a prefix ("Pro-Iran", "Anti-war") or a lower-case second part ("War-scarred",
    "Iran-backed")."""
    return _MODIFIER.fullmatch(word) is not None


def _opens_sentence(doc: Any, start: int) -> bool:
    """Whether token ``start`` opens its sentence or line (after any opening quote or bracket)."""
    i = start
    while i > 0 and doc[i - 1].text in ("“", '"', "‘", "'", "(", "[", "«", "—", "-", "•"):
        i -= 1
    return i == 0 or doc[i].is_sent_start or "\n" in doc[i - 1].text


_PROPER_TAGS = frozenset({"NNP", "NNPS"})
_SUFFIXES = re.compile(r"(?:ies|es|s|ed|d|ing)$")


def _stem(word: str) -> str:
    """A crude stem for matching a headline's capitalised word with the body's lower-case forms
    ("Announces" ~ "announced", "Killed" ~ "killed")."""
    word = word.lower()
    return _SUFFIXES.sub("", word) if len(word) > 4 else word


def _lower_case_stems(text: str) -> set[str]:
    """Stems of the words a text writes in lower case, in its prose lines (not an address line:
    "ellen-degeneres-to-host-oscars" in a URL says nothing about how the article writes names)."""
    return {_stem(w) for w in lower_case_words(text)}


_LOWER_WORD = re.compile(r"(?<![\w’'./-])[a-z][a-z’']+(?![\w’'/-])")
_ADDRESS = re.compile(r"https?:|www\.|\.(?:com|org|net|co\.uk)\b|\S/\S| / ")


def lower_case_words(text: str) -> list[str]:
    """The words of ``text`` written in lower case, outside lines that hold a web address."""
    return [w for line in text.split("\n") if not _ADDRESS.search(line) for w in _LOWER_WORD.findall(line)]


def _headline_name(name: Any, body_stems: set[str], text: str) -> Any:
    """A name in a Title Case headline without the words the article writes in lower case: those
    before it dropped ("Nominates Regina Benjamin"), cut before the first after it ("Obama Announces",
    "Woman Killed" is nothing). A name the article writes the same way elsewhere is kept whole
    ("Aoraki Mount Cook National Park"). None when nothing is left."""
    if text.count(name.text) > 1:
        return name

    def ordinary(token: Any) -> bool:
        return (token.text[:1].isalpha() and not (token.text.isupper() and len(token.text) <= 4)
                and _stem(token.text) in body_stems)

    start = 0
    while start < len(name) and ordinary(name[start]):
        start += 1
    end = next((i for i in range(start, len(name)) if ordinary(name[i])), len(name))
    return name[start:end] if end > start else None


# Prepositions after which a name is a place ("in Troy", "near Peterhead").
LOCATIVE_WORDS = frozenset({"in", "near", "outside", "around", "across", "throughout", "inside"})


def _ordinary_word(doc: Any, name: Any, text: str) -> bool:
    """A one-word name that opens its sentence where the tagger reads it as no proper noun, or
    that the article also writes in lower case: "Sadly," "Think of", "Teachers say"; and an
    interjection anywhere ("told: “Oh, you ...")."""
    if len(name) == 1 and name[0].tag_ == "UH":
        return True
    if len(name) != 1 or not _opens_sentence(doc, name.start):
        return False
    word = name[0].text
    return (name[0].tag_ not in _PROPER_TAGS or re.search(rf"\b{re.escape(word.lower())}\b", text) is not None
            or _inflected_common_word(word))


# A sentence-opening word in -ing, -ly or -ed this common in English (wordfreq Zipf) is a participle or
# an adverb ("Lacking the might ...", "Crucially, ..."), not a name; given names and places are spared.
INFLECTED_MIN_ZIPF = 3.0


def _inflected_common_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    lower = word.lower()
    return (lower.endswith(("ing", "ly", "ed")) and zipf_frequency(lower, "en") >= INFLECTED_MIN_ZIPF
            and given_name_gender(word) is None and not is_place_name(word))


def _without_nested(items: Iterable[tuple[Mention, list[Role]]]) -> list[tuple[Mention, list[Role]]]:
    """Drop a mention inside an earlier, longer one (a NER span inside an acronym definition)."""
    kept: list[tuple[Mention, list[Role]]] = []
    for mention, roles in items:
        if kept and mention.start < kept[-1][0].end:
            continue
        kept.append((mention, roles))
    return kept
