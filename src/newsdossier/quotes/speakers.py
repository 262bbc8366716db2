"""Who a source is: names kept, pronouns and nominals followed back, anonymous sources kept as described.

Read in text order, each attribution's source (as the sentence writes it) is one of:

* **named** ("Sajad Jiyad", "Kataeb Hezbollah"): a proper noun in it; it is its own speaker;
* **pronoun** ("he adds", "she said"): the person the text is about at that point
  (:meth:`_People.antecedent`: whoever speaks in the nearest earlier sentences, then their
  subjects, then the other people named there, never a name inside quotation marks or inside
  what is being said, and only one whose gender, where the article states it, fits); unknown
  when no one fits; "they", "we" and "it" take a named group speaker of the same or the last
  sentence, else, for "it", the organisation the article is about
  (:func:`~newsdossier.quotes.organisations.salient_organisation`), else nobody ("It is thought"
  before a passive cue is nobody);
* **relative** ("Jiyad, who said"): the noun phrase the relative clause hangs on;
* **nominal** ("the expert believes", "the source adds", "the former president"): the latest
  speaker whose source or role has that noun and rank words; else, for an office or person noun,
  the person written with that title or the one the last sentences are about
  (:meth:`_People.named`); a generic speaker noun ("the source", "the expert") with no such match
  takes the latest person speaker, since news style introduces a speaker by name or description
  and then refers back with a generic noun; "the company", "the insurer" (an organisation noun,
  no name) take an earlier named speaker with that noun, else the organisation the article is about;
* **anonymous** ("a senior official at the Iraqi government", "one Western diplomat",
  "Security sources"): an indefinite or bare plural description, kept as it is, never linked
  to a named actor.

A quote with no cue of its own (a continuation) takes the speaker of the quote it continues.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

from newsdossier.entities.knowledge import HONORIFICS, given_name_gender
from newsdossier.quotes.attribution import Attribution
from newsdossier.quotes.marks import find_quote_marks
from newsdossier.quotes.model import Quote, TextSpan
from newsdossier.quotes.organisations import ORGANISATION_NOUNS, RECENT_SENTENCES, salient_organisation

__all__ = ["GENERIC_SPEAKER_NOUNS", "ActorMention", "link_actor", "resolve_speakers"]

PERSON_PRONOUNS: Final = frozenset({"he", "she", "i"})
GROUP_PRONOUNS: Final = frozenset({"they", "we", "it"})
RELATIVES: Final = frozenset({"who", "which"})
_INDEFINITE: Final = frozenset("""a an one another some several two three four many most other others few
various numerous""".split())
_DEFINITE: Final = frozenset("the this that these those his her its their".split())
# Nouns a reporter uses to refer back to someone already quoted.
# Titles ("the prime minister") are not here: they name one person, whom the entities stage
# links ("the Iraqi prime minister" -> al-Kadhemi) or an earlier source's role matches.
GENERIC_SPEAKER_NOUNS: Final = frozenset("""source expert analyst official spokesman spokeswoman spokesperson
diplomat politician fighter observer specialist researcher academic witness resident man woman""".split())
PERSON_NOUNS: Final = GENERIC_SPEAKER_NOUNS | frozenset("""director president chairman chairwoman chief adviser
advisor fellow economist strategist member lawyer attorney aide negotiator premier ambassador general colonel
governor mayor secretary journalist reporter voter supporter worker teacher doctor student mother father
minister leader commander officer candidate campaigner activist professor lawmaker legislator senator
sources officials experts analysts diplomats politicians fighters residents witnesses""".split())
_AGED: Final = re.compile(r"\d+-year-old")  # "the 46-year-old said"
# Offices and other nouns for one person that a definite description names someone by ("the chancellor said").
OFFICE_NOUNS: Final = PERSON_NOUNS | frozenset("""chancellor king queen pope judge prosecutor coach manager executive
boss founder congressman congresswoman representative justice sheriff pastor priest bishop mp businessman
businesswoman husband wife son daughter brother sister actor actress singer author writer editor chair ceo owner
spokeswoman chairwoman headteacher principal superintendent inspector detective sergeant constable captain
lieutenant major admiral marshal""".split())
_NOUN_GENDER: Final = {**dict.fromkeys("""man chairman spokesman father husband son brother king businessman
congressman actor""".split(), "male"), **dict.fromkeys("""woman chairwoman spokeswoman mother wife daughter sister
queen businesswoman congresswoman actress""".split(), "female")}
# (start, end, actor id) of the article's actor mentions, from the entities stage
ActorMention = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class _Known:
    """A speaker met earlier in the article."""

    speaker: TextSpan
    actor: str | None
    person: bool
    words: frozenset[str]  # lower-case words of its source and role


def _words(*spans: TextSpan | None) -> frozenset[str]:
    return frozenset(w.strip(".,’'").lower() for span in spans if span for w in span.text.split())


def _head(source: TextSpan) -> str:
    words = [w.strip(".,’'\"“”").lower() for w in source.text.split()]
    # the head of "the source who spoke on condition of anonymity" is "source"
    for i, word in enumerate(words):
        if word in RELATIVES or word in ("at", "of", "for", "in", "from", "with"):
            words = words[:i]
            break
    return words[-1] if words else ""


def _kind(source: TextSpan, doc: Any, actor: str | None) -> str:
    first = source.text.split()[0].lower()
    lower = source.text.lower()
    if lower in PERSON_PRONOUNS or lower in GROUP_PRONOUNS:
        return "pronoun"
    if lower in RELATIVES:
        return "relative"
    if actor is not None:
        return "named"
    if first in _DEFINITE:
        return "nominal"
    if first in _INDEFINITE or _head(source) in PERSON_NOUNS:
        return "anonymous"  # "one Western diplomat", "Security sources", "officials"
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    named = span is not None and any(t.pos_ == "PROPN" or t.ent_type_ for t in span)
    return "named" if named else "anonymous"


def _actor_of(span: TextSpan, actors: Sequence[ActorMention], text: str) -> str | None:
    """The actor a source names: a mention that ends it ("Habitat Inc. CEO Valerie Jarrett" is Jarrett), else
    one that opens it ("Kataeb Hezbollah", "the Iraqi prime minister"; not "US" in "a senior US military
    official", not "Abaaoud" in "Abaaoud's older sister"), or, where the NER missed this occurrence, a
    mention of the article with the same words."""
    inside = [(start, end, actor) for start, end, actor in actors if span.start <= start and end <= span.end]
    # the name the source ends with is its head: "Habitat Inc. CEO Valerie Jarrett" is Jarrett
    ending = [actor for start, end, actor in inside if not text[end:span.end].strip(" .,")
              and not re.search(r"\b(?:of|for|at|in|from)\s*$", text[span.start:start])]  # not "Mayor of Molenbeek"
    if ending:
        return ending[-1]
    opening = span.start + (4 if span.text[:4].lower() == "the " else 0)
    found = next((actor for start, end, actor in inside
                  if start in (span.start, opening) and text[end:end + 2] not in ("'s", "’s")), None)
    if found is None:  # "Abaaoud's older sister" is not Abaaoud
        found = next((actor for start, end, actor in actors if text[start:end] == span.text), None)
    return found


def _is_person(source: TextSpan, doc: Any, how: str) -> bool:
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is not None and any(t.ent_type_ == "PER" for t in span):
        return True
    head = _head(source)
    return head in PERSON_NOUNS or head in PERSON_PRONOUNS or (how == "named" and span is not None and
                                                              not any(t.ent_type_ in ("ORG", "LOC") for t in span))


def _antecedent(doc: Any, source: TextSpan) -> TextSpan | None:
    """The noun phrase a relative pronoun hangs on ("Sajad Jiyad, who said")."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None:
        return None
    i = span.start
    if i and doc[i - 1].text == ",":
        i -= 1
    end = i
    while i > 0 and (doc[i - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM") and not doc[i - 1].is_space):
        i -= 1
    if i == end:
        return None
    phrase = doc[i:end]
    return TextSpan(phrase.start_char, phrase.end_char, phrase.text)


def _latest_person_entity(doc: Any, before: int, pronoun: str = "") -> TextSpan | None:
    people = [e for e in doc.ents if e.label_ == "PER" and e.end_char <= before
              and _gender_fits(pronoun, f"{doc[e.start - 1].text} {e.text}" if e.start else e.text)]
    return TextSpan(people[-1].start_char, people[-1].end_char, people[-1].text) if people else None


_PRONOUN_GENDER: Final = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}


def _gender_fits(pronoun: str, name: str) -> bool:
    """Whether "he" or "she" can stand for ``name``: its form of address ("Mr.", "Ms.") or given name (gender-
    guesser) does not say otherwise; unknown names fit ("she said" is not "Mr. Ball" or "Salah Abdeslam")."""
    wanted = _PRONOUN_GENDER.get(pronoun)
    if wanted is None:
        return True
    words = name.replace(".", " ").split()
    if len(words) > 1 and words[0].lower() not in HONORIFICS:
        words = words[1:] if words[1][:1].isupper() and not words[0][:1].isupper() else words
    if not words:
        return True
    stated = (HONORIFICS.get(words[0].lower()) if words[0].lower() in HONORIFICS
              else given_name_gender(words[0], strict=True))
    if stated in (None, "either") and len(words) > 1 and words[0].lower() in HONORIFICS:
        stated = given_name_gender(words[1], strict=True)
    return stated in (None, "either") or stated == wanted


# How far back a "he said" looks for the person it stands for, in sentences (the cue's own included).
PRONOUN_WINDOW: Final = 6
_SUBJECT_DEPS: Final = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})


@dataclass(frozen=True, slots=True)
class _Candidate:
    """Someone a later pronoun or description may stand for: where, how prominently, and what it is."""

    span: TextSpan
    sentence: int
    subject: bool
    surname: str  # the last word, lower case: the key that joins "Hillary Clinton" and "Clinton"; "" for a pronoun
    speaker: bool = False  # inside the source of an attribution ("..., Michael Howard has said")
    kind: str = "name"  # or "pronoun" (a subject "he", resolved in turn) or "description" ("the chancellor")


class _People:
    """The people of an article outside quotation marks, by sentence, for pronoun and description
    resolution: the NER's person names, names it missed or mistyped (a known surname alone, a
    name after a form of address, a given name and a proper noun: "Ted Cruz" typed ORG), subject
    descriptions of one person ("the prime minister"), subject "he"/"she" (standing in turn for
    whom they were resolved to), and speakers added as quotes are read; each with whether it is
    a clause's subject or inside an attribution's source, and per surname the gender its names tell
    (a form of address in front of any mention, else a given name gender-guesser is sure of;
    unknown when they disagree or two people share a surname)."""

    def __init__(self, doc: Any, text: str, sources: Sequence[TextSpan] = ()) -> None:
        self.starts = [sentence.start_char for sentence in doc.sents]
        quoted = [q.inner for q in find_quote_marks(text)]
        self.candidates: list[_Candidate] = []
        titled: dict[str, set[str]] = {}  # surname -> genders its forms of address say ("Mr. Sanders")
        given: dict[str, set[str | None]] = {}  # surname -> genders of the given names it is written with
        names: list[tuple[Any, list[str]]] = []
        for ent in doc.ents:
            if ent.label_ != "PER" or any(a <= ent.start_char and ent.end_char <= b for a, b in quoted):
                continue
            words = [w.strip(".") for w in re.sub(r"['’]s$", "", ent.text).split() if w[:1].isupper()]
            if words and words[-1].replace("-", "").replace("'", "").isalpha():
                names.append((ent, words))  # not "‪”Isis" or stray symbols
        covered = {i for ent, _ in names for i in range(ent.start, ent.end)}
        for run in _given_name_runs(doc, covered):  # "Ted Cruz" the NER called an organisation
            if not any(a <= run.start_char and run.end_char <= b for a, b in quoted):
                names.append((run, [t.text for t in run]))
                covered.update(range(run.start, run.end))
        surnames = {words[-1].lower() for _, words in names}
        for token in doc:  # "Mr. Sanders" the NER missed, "Bolton" it called an organisation
            if (token.i not in covered and token.text[:1].isupper() and token.is_alpha
                    and (token.text.lower() in surnames or (token.i and _title_of(doc[token.i - 1]) is not None))
                    and not any(a <= token.idx < b for a, b in quoted)
                    and not (token.ent_type_ and token.ent_type_ != "PER" and _multiword_entity(token))):
                names.append((doc[token.i:token.i + 1], [token.text]))
                surnames.add(token.text.lower())
        self.titles: dict[int, frozenset[str]] = {}  # start of a name -> its title words ("former", "president")
        for ent, words in sorted(names, key=lambda name: name[0].start):
            surname = words[-1].lower()
            speaks = any(a.start <= ent.start_char and ent.end_char <= a.end for a in sources)
            subject = _is_subject(ent.root) or ent.start == ent.root.sent.start  # "Rubio sought" parsed as a noun
            self.candidates.append(_Candidate(TextSpan(ent.start_char, ent.end_char, ent.text),
                                              self.sentence_of(ent.start_char), subject, surname, speaks))
            self.titles[ent.start_char] = _title_words(ent)
            title = _title_of(doc[ent.start - 1]) if ent.start else None
            if title is not None:
                titled.setdefault(surname, set()).add(title)
            elif len(words) > 1:
                given.setdefault(surname, set()).add(given_name_gender(words[0], strict=True) or words[0].lower())
        self.gender: dict[str, str] = {}
        for surname in surnames:
            said = titled.get(surname) or given.get(surname, set())
            if len(said) == 1 and (gender := next(iter(said))) in ("male", "female"):
                self.gender[surname] = gender  # two given names for one surname (two Clintons) say nothing
        for token in doc:
            if token.dep_ not in _SUBJECT_DEPS or any(a <= token.idx < b for a, b in quoted):
                continue
            # "She has said ..." continues whoever its own "she" stands for: subject pronouns carry a chain
            if token.lower_ in ("he", "she"):
                self.candidates.append(_Candidate(TextSpan(token.idx, token.idx + len(token), token.text),
                                                  self.sentence_of(token.idx), True, "", kind="pronoun"))
            # "The prime minister ratcheted up ... He insisted": a definite description of one person
            elif token.pos_ == "NOUN" and token.tag_ == "NN" and token.lower_ in OFFICE_NOUNS \
                    and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
                phrase = doc[token.left_edge.i:token.i + 1]
                self.candidates.append(_Candidate(TextSpan(phrase.start_char, phrase.end_char, phrase.text),
                                                  self.sentence_of(token.idx), True, token.lower_,
                                                  kind="description"))
        self.candidates.sort(key=lambda c: c.span.start)
        self._chain: dict[int, _Candidate | None] = {}  # a subject pronoun's person, found when first needed
        self._named: dict[int, _Candidate | None] = {}
        self.learned: dict[tuple[str, frozenset[str]], _Candidate] = {}  # (head, ranks) of a resolved description
        self._pronouns = [c for c in self.candidates if c.kind == "pronoun"]  # in text order

    def sentence_of(self, position: int) -> int:
        return max(bisect.bisect_right(self.starts, position) - 1, 0)

    def add_speaker(self, speaker: TextSpan, source: TextSpan) -> None:
        """A speaker a later pronoun may stand for, as the subject of the source's sentence: a singular
        described speaker ("a senior official" stays as described), or the person a description was
        resolved to (and "the chancellor" then names that person for the rest of the article)."""
        if speaker != source:
            candidate = _Candidate(speaker, self.sentence_of(source.start), True, speaker.text.split()[-1].lower(),
                                   True)
            self.learned[(_head(source), frozenset(_description_words(source.text) & _RANKS))] = candidate
        else:
            kind = "anonymous" if source.text.split()[0].lower() in _INDEFINITE else "description"
            candidate = _Candidate(speaker, self.sentence_of(source.start), True, _head(speaker), True, kind)
        self.candidates.append(candidate)

    def described(self, source: TextSpan, window: int = 3) -> _Candidate | None:
        """The person a definite description stands for ("the former president", "the senator"): someone
        written with that title before ("former President Bill Clinton", "Sen. Ted Cruz", "Harry Reid, the
        minority leader", "Iraq's Prime Minister Mustafa al-Kadhemi" for "the Iraqi prime minister"), with
        the same rank words ("former", "vice") and the description's other lower-case words: the most
        recent such person named in the last ``window`` sentences; else, for a description with more than
        its head ("the prime minister", "the former president"), the only such person of the article; else
        the person the article already called so. (A senator named twenty paragraphs back is not "the
        senator" of a paragraph about another one.)"""
        head = _head(source)
        words = _description_words(source.text)
        if not words or not head:
            return None
        ranks = words & _RANKS
        # capitalised modifiers ("Iraqi", "Conservative") may be written another way in the title ("Iraq's")
        capitalised = {w.strip(".,’'\"“”").lower() for w in source.text.split()[1:] if w[:1].isupper()}
        plain = words - {head} - _RANKS - _LOOSE - capitalised
        here = self.sentence_of(source.start)
        earlier = [c for c in self.candidates if c.kind == "name" and c.span.end <= source.start]
        titles: dict[str, set[str]] = {}
        for candidate in earlier:
            titles.setdefault(candidate.surname, set()).update(self.titles.get(candidate.span.start, ()))

        def fits(title: set[str]) -> bool:
            return head in title and (title & _RANKS) == ranks and plain <= title

        latest = sorted(earlier, key=lambda c: -c.span.start)
        recent = next((c for c in latest if here - c.sentence < window and fits(titles[c.surname])), None)
        if recent is not None:
            return recent
        if ranks or plain:
            fitting = {surname for surname, title in titles.items() if fits(title)}
            if len(fitting) == 1:
                return next(c for c in latest if c.surname in fitting)
        return self.learned.get((head, frozenset(ranks)))  # the article's own "the chancellor"

    def named(self, description: TextSpan, content: Sequence[TextSpan] = ()) -> _Candidate | None:
        """The named person a definite description of one person stands for: one named with its title
        (:meth:`described`), else the person the three sentences up to it are about (:meth:`antecedent`)."""
        if description.start not in self._named:
            self._named[description.start] = self.described(description) or self.antecedent(
                description, window=3, content=content)
        return self._named[description.start]

    def _link(self, pronoun: TextSpan) -> _Candidate | None:
        """Whom an earlier subject pronoun stands for. The subject pronouns up to it are resolved in text
        order first, so each looks back only at links already made: the answer does not depend on which
        quote asked first, and a long chain is no deep recursion."""
        for candidate in self._pronouns:
            if candidate.span.start > pronoun.start:
                break
            if candidate.span.start not in self._chain:
                self._chain[candidate.span.start] = None  # while it is resolved: a loop reads "no one"
                self._chain[candidate.span.start] = self.antecedent(candidate.span)
        return self._chain.get(pronoun.start)

    def antecedent(self, pronoun: TextSpan, window: int = PRONOUN_WINDOW,
                   content: Sequence[TextSpan] = ()) -> _Candidate | None:
        """The person "he" or "she" at ``pronoun`` stands for: in the pronoun's sentence, a subject
        before it, else the nearest person before it; in each earlier sentence (up to
        :data:`PRONOUN_WINDOW`), its subjects, then its other people, left to right; the first whose
        gender fits. None when no named person fits (the speaker is then unknown)."""
        wanted = _PRONOUN_GENDER.get(pronoun.text.lower())
        here = self.sentence_of(pronoun.start)
        before = [c for c in self.candidates if c.span.end <= pronoun.start and here - c.sentence < window
                  and not any(part.start <= c.span.start < part.end for part in content)]  # what was said
        if not before:
            return None
        order: list[_Candidate] = []
        same = [c for c in before if c.sentence == here]
        order += [c for c in same if c.subject] + sorted((c for c in same if not c.subject),
                                                         key=lambda c: -c.span.start)
        for sentence in range(here - 1, here - window, -1):
            earlier = sorted((c for c in before if c.sentence == sentence), key=lambda c: c.span.start)
            order += [c for c in earlier if c.speaker] + [c for c in earlier if c.subject and not c.speaker] \
                + [c for c in earlier if not c.subject and not c.speaker]
        for candidate in order:
            if candidate.kind == "pronoun":  # the person it stands for in turn, if the same pronoun
                if candidate.span.text.lower() == pronoun.text.lower() \
                        and (found := self._link(candidate.span)) is not None:
                    return found
                continue
            if candidate.kind == "anonymous":  # "a UKIP spokesman said ... he added"
                if wanted is None or _NOUN_GENDER.get(candidate.surname, wanted) == wanted:
                    return candidate
                continue
            if candidate.kind == "description":  # "the chancellor": the chancellor named, else as described
                if wanted is None or _NOUN_GENDER.get(candidate.surname, wanted) == wanted:
                    return self.named(candidate.span) or candidate
                continue
            stated = self.gender.get(candidate.surname)
            if stated is None and len(candidate.span.text.split()) > 1:  # "a female supporter", "Ms. Lages"
                fits = _gender_fits(pronoun.text.lower(), candidate.span.text)
            else:  # a bare surname ("Clinton") says nothing as a given name would
                fits = wanted is None or stated is None or stated == wanted
            if fits:
                return candidate
        return None


def _singular(speaker: TextSpan) -> bool:
    """"a senior official", "the spokeswoman"; not "officials", "many analysts", "Security sources"."""
    head = _head(speaker)
    first = speaker.text.split()[0].lower()
    plural = head.endswith("s") and not head.endswith("ss")  # "the boss", "the actress", "a witness" are one
    return not plural and first not in ("many", "some", "several", "two", "three", "four", "most")


_NOT_SURNAMES: Final = frozenset("""party inc corp corporation university college foundation institute center centre
church committee council house street avenue news times post journal group company county city school fund bank
campaign administration department agency court club association union""".split())


def _given_name_runs(doc: Any, covered: set[int]) -> list[Any]:
    """Runs of two or three capitalised proper nouns, outside ``covered`` tokens, that open with a given name
    gender-guesser knows and do not end in an organisation word: people the NER missed or mistyped."""
    runs = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 4 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
                and doc[j].is_alpha and j not in covered:
            j += 1
        if 2 <= j - i <= 3 and given_name_gender(doc[i].text) is not None \
                and doc[j - 1].text.lower() not in _NOT_SURNAMES and _title_of(doc[i]) is None:
            runs.append(doc[i:j])
        i = max(j, i + 1)
    return runs


# Abbreviated titles written before names, and the nouns a later description uses for them.
_TITLE_ABBREVIATIONS: Final = {"sen": "senator", "gov": "governor", "rep": "representative", "pres": "president",
                               "lt": "lieutenant", "gen": "general", "col": "colonel", "sec": "secretary",
                               "atty": "attorney", "supt": "superintendent", "insp": "inspector", "det": "detective"}
# Words that make another office: "the former president" is not the president, "the vice president" not either.
_RANKS: Final = frozenset({"former", "vice", "deputy", "ex", "acting", "assistant", "late", "then", "outgoing"})
# Description words a title need not repeat: "the Vermont senator" is "Sen. Bernie Sanders" of Vermont.
_LOOSE: Final = frozenset({"new", "current", "presidential", "democratic", "republican", "top", "senior", "longtime",
                           "veteran", "incumbent", "embattled", "u.s.", "us", "american"})


def _description_words(text: str) -> frozenset[str]:
    words = [w.strip(".,’'\"“”").lower() for w in re.sub(r"['’]s\b", "", text).split()]
    return frozenset(_TITLE_ABBREVIATIONS.get(w, w) for w in words if w and w not in _DEFINITE)


def _title_words(name: Any) -> frozenset[str]:
    """The title a name is written with: the words before it in its noun phrase ("former President",
    "Senate Minority Leader", "Sen.") and an apposition after it (", the senator from Texas")."""
    doc = name.doc
    words: list[str] = []
    i = name.start - 1
    while i >= 0 and name.start - i <= 5 and not doc[i].is_punct and doc[i].pos_ in ("PROPN", "NOUN", "ADJ") \
            and doc[i].ent_type_ != "PER":
        words.append(doc[i].text.strip(".").lower())
        i -= 1
    for token in name.root.children:
        if token.dep_ == "appos" and token.i > name.root.i:
            words += [t.text.strip(".").lower() for t in token.subtree if t.pos_ in ("NOUN", "ADJ", "PROPN")]
    return frozenset(_TITLE_ABBREVIATIONS.get(w, w) for w in words)


def _title_of(token: Any) -> str | None:
    """The gender a form of address says ("Mr." male, "Ms" female), "either" for "Dr.", None for other words."""
    word = token.text.replace(".", "").lower()
    return (HONORIFICS[word] or "either") if word in HONORIFICS and token.text[:1].isupper() else None


def _multiword_entity(token: Any) -> bool:
    """Whether ``token`` is part of a longer entity ("Clinton" in "the Clinton Foundation")."""
    return (token.ent_iob_ == "B" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I") \
        or token.ent_iob_ == "I"


def _is_subject(token: Any) -> bool:
    """A clause's subject, or a name in apposition or co-ordination with one, or its compound part."""
    while token.dep_ in ("compound", "flat", "appos", "conj") and token.head is not token:
        token = token.head
    return token.dep_ in _SUBJECT_DEPS


def _passive(doc: Any, attribution: Attribution) -> bool:
    """Whether the cue is passive ("is thought", "was widely expected"), which makes an "it" source empty."""
    if attribution.cue is None:
        return False
    words = doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
    if words is None or not len(words):
        return False
    cue = words[0]
    before = [doc[i].lower_ for i in range(max(0, cue.i - 3), cue.i)]
    return any(c.dep_ in ("aux:pass", "auxpass") for c in cue.children) or (
        cue.tag_ == "VBN" and any(w in ("is", "was", "are", "were", "been", "be", "being", "'s") for w in before))


def _names(doc: Any, span: TextSpan) -> bool:
    """Whether a span holds a name ("the Reuters news agency", "The Observer"; not "the company", "its estimate")."""
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    return words is not None and any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PER") for t in words)


def _sentence_start(doc: Any, position: int, back: int = 0) -> int:
    """Where the sentence ``back`` sentences before the one holding ``position`` starts."""
    starts = [sentence.start_char for sentence in doc.sents]
    return starts[max(0, bisect.bisect_right(starts, position) - 1 - back)] if starts else 0


def _cue_start(attribution: Attribution) -> int:
    return attribution.cue.start if attribution.cue else attribution.content.start


def _resolve(attribution: Attribution, doc: Any, known: list[_Known],
             actors: Sequence[ActorMention], text: str, people: _People | None = None,
             ) -> tuple[TextSpan | None, str | None, str]:
    """(speaker, actor id, how) of an attribution with a source; ``text`` is ``doc.text``."""
    source = attribution.source
    assert source is not None
    actor = _actor_of(source, actors, text)
    kind = _kind(source, doc, actor)
    lower = source.text.lower()
    if kind == "pronoun" and lower in ("he", "she") and people is not None:
        found = people.antecedent(source, content=attribution.parts)
        if found is None:
            return None, None, "pronoun"
        match = next((k for k in reversed(known) if k.speaker == found.span), None)
        return found.span, match.actor if match else _actor_of(found.span, actors, text), "pronoun"
    if kind == "pronoun" and lower in GROUP_PRONOUNS:
        # A named group speaker of this sentence or the last ("The Observer reported ... It said"); else,
        # for "it said", the organisation the article is about, named in the last three sentences;
        # else unknown. (The latest group speaker anywhere before, named or not, was wrong for 23 of 26
        # "it"/"they" in a BBC business sample.)
        cue = _cue_start(attribution)
        if lower == "it" and _passive(doc, attribution):
            return None, None, "pronoun"  # "It is thought that ...", "it was estimated": no one is named
        near = _sentence_start(doc, cue, back=1)
        match = next((k for k in reversed(known) if not k.person and k.speaker.start >= near
                      and _names(doc, k.speaker)), None)
        if match is not None:
            return match.speaker, match.actor, "pronoun"
        if lower == "it" and (named_org := salient_organisation(doc, cue, "", attribution.parts, text,
                                                                recent=RECENT_SENTENCES)):
            return named_org, _actor_of(named_org, actors, text), "pronoun"
        return None, None, "pronoun"
    if kind == "pronoun":  # "I", or "he"/"she" where no one is being followed
        match = next((k for k in reversed(known) if k.person and _gender_fits(lower, k.speaker.text)), None)
        if match is not None:
            return match.speaker, match.actor, "pronoun"
        fallback = _latest_person_entity(doc, _cue_start(attribution), lower)
        return fallback, _actor_of(fallback, actors, text) if fallback else None, "pronoun"
    if kind == "relative":
        antecedent = _antecedent(doc, source)
        return antecedent, _actor_of(antecedent, actors, text) if antecedent else None, "relative"
    if kind == "nominal":
        head = _head(source)
        ranks = _description_words(source.text) & _RANKS
        match = next((k for k in reversed(known) if head and head in k.words and k.words & _RANKS == ranks), None)
        if match is None and people is not None and (head in OFFICE_NOUNS or _AGED.fullmatch(head)) \
                and _singular(source) and (named := people.named(source, attribution.parts)) is not None:
            return named.span, _actor_of(named.span, actors, text), "nominal"
        if head in ORGANISATION_NOUNS and lower.startswith("the ") and _singular(source) and not _names(doc, source) \
                and not (match is not None and _names(doc, match.speaker)) \
                and (named_org := salient_organisation(doc, _cue_start(attribution), head, attribution.parts, text)):
            return named_org, _actor_of(named_org, actors, text), "nominal"  # "the company said"
        if match is None and head in GENERIC_SPEAKER_NOUNS:
            match = next((k for k in reversed(known) if k.person), None)
        if match is not None:
            return match.speaker, match.actor, "nominal"
        return source, None, "nominal"
    return source, actor, kind


def resolve_speakers(article: str, attributions: Sequence[Attribution], doc: Any,
                     actors: Sequence[ActorMention] = ()) -> list[Quote]:
    """The article's quotes, each with its speaker resolved (see the module docstring); ``actors``
    are the article's actor mentions, so a source naming an actor is linked to it."""
    quotes: list[Quote] = []
    known: list[_Known] = []
    text = doc.text if attributions else ""  # joined once: spaCy rebuilds doc.text at every read
    # sources of finite cues only: "results in John Kasich claiming the nomination" is no one speaking
    sources = [a.source for a in attributions if a.source is not None and not (a.cue and a.cue.text.endswith("ing"))]
    # built when a source may need it: "he", "she", or a definite description ("the senator", "his lawyer")
    people = _People(doc, text, sources) if any(
        a.source is not None and (a.source.text.lower() in ("he", "she") or a.source.text.split()[0].lower() in _DEFINITE)
        for a in attributions) else None
    for attribution in attributions:
        if attribution.continues is not None:
            earlier = quotes[attribution.continues]
            quotes.append(Quote(article, attribution.parts, attribution.direct, None, None, earlier.speaker,
                                "continuation", earlier.role, earlier.actor))
            continue
        speaker, actor, how = _resolve(attribution, doc, known, actors, text, people)
        quotes.append(Quote(article, attribution.parts, attribution.direct, attribution.cue, attribution.source,
                            speaker, how if speaker is not None else "unknown", attribution.role, actor))
        if speaker is not None and how != "pronoun":
            person = _is_person(speaker, doc, how)
            known.append(_Known(speaker, actor, person, _words(attribution.source, attribution.role, speaker)))
            if people is not None and attribution.source is not None and person \
                    and how in ("anonymous", "nominal") and _singular(attribution.source):
                people.add_speaker(speaker, attribution.source)
    return quotes


def link_actor(quote: Quote, actors: Sequence[ActorMention], text: str) -> Quote:
    """``quote`` with its ``actor`` set from the pile's actor mentions of its article, for quotes found
    before the actors were resolved: the actor a named, nominal or relative speaker names (see
    :func:`_actor_of`), or the speaker a pronoun or continuation was followed back to names."""
    if quote.actor is not None or quote.speaker is None or quote.how == "anonymous":
        return quote
    actor = _actor_of(quote.speaker, actors, text)
    return quote if actor is None else replace(quote, actor=actor)
