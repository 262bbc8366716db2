"""The arguments of an event mention from the dependency parse: who acts (source), on whom
(target), and whether an argument names a political actor, a weapon or a thing.

The source is the subject (or the passive's "by" agent, or the subject of the verb whose
complement the trigger is, or the noun a relative pronoun stands for); the target the object,
the passive subject, or the noun after "against", "on", "at", "with", "into". A noun trigger's
source is its possessor or "by" phrase, its target the "on"/"against" phrase. Where the bundled
parser (LAS 0.70) gives none, surface fallbacks read the names before and after a finite verb.
"""

from __future__ import annotations

from collections.abc import Container
from functools import lru_cache
from typing import Any, Final

import simplemma

from newsdossier.events.lexicon import (
    CAPTIVITY_NOUNS, DASHES, DOER_VERBS, DYING_VERBS, EVENT_NOUNS, INTRANSITIVE_VERBS, PLACE_LABELS, UNDERGONE_NOUNS,
    actor_nouns, lexicon,
)
from newsdossier.events.describing import appended_participle, misread_past, passive_in_words, reduced_relative
from newsdossier.events.model import TextSpan
from newsdossier.timex.lexicon import DAY_PARTS, MONTHS, SEASON_CODES, UNITS, WEEKDAYS

__all__ = ["antecedent", "argument_root", "clause_subject", "coordinated", "event_doer", "lemma_of", "names_actor",
           "names_actor_token", "names_weapon", "nominal_target", "parse_arguments", "phrase", "recipient",
           "source_kind", "surface_source", "surface_target", "undergone", "weapon_head"]

_TARGET_PREPS: Final = frozenset({"against", "on", "at", "with", "into", "upon", "toward", "towards"})
# ... of an event noun (but see :func:`parse_arguments` for "at")
_NOUN_TARGET_PREPS: Final = (_TARGET_PREPS - {"at"}) | {"of"}
# Verbs whose "with" names a side as often as a foe ("fought with Isil in Syria").
_SIDED: Final = frozenset({"fight", "battle", "serve"})
# Words that name a time, not a target ("agreed on Wednesday"): the time grammar's own lexicon.
_TIME_WORDS: Final = frozenset({*MONTHS, *WEEKDAYS, *UNITS, *DAY_PARTS, *SEASON_CODES,
                                "time", "today", "tonight", "yesterday", "tomorrow"})


@lru_cache(maxsize=65536)
def _lemmas(lemma: str, word: str) -> tuple[str, ...]:
    """The parse's lemma and simplemma's (the bundled lemmatizer cuts "demonstrated" to "demonstrat")."""
    other = simplemma.lemmatize(word, lang="en").lower()
    return (lemma,) if other == lemma else (lemma, other)


def lemma_of(token: Any, known: Container[str]) -> str:
    """The token's lemma as ``known`` spells it, else the parse's."""
    lemmas = _lemmas(token.lemma_.lower(), token.lower_)
    return next((lemma for lemma in lemmas if lemma in known), lemmas[-1])


def phrase(doc: Any, head: Any) -> TextSpan:
    """The noun phrase a head word stands for (its modifiers, coordinated names, an "of" phrase),
    without relative clauses, appositions or a leading determiner."""
    start = head.i
    for child in head.lefts:  # not a clause the parse hung on it ("[After rallying in Athens,] unionists")
        if child.dep_ not in ("det", "case", "punct", "cc", "advcl", "mark", "parataxis", "ccomp", "csubj") \
                and not any(g.dep_ == "mark" for g in child.children):
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod", "amod", "conj", "cc") or (
                child.dep_ == "nmod" and any(g.lower_ == "of" for g in child.children if g.dep_ == "case")):
            end = max(end, child.right_edge.i + 1)
        else:
            break
    while start < end and (doc[start].is_punct or doc[start].dep_ == "det"):
        start += 1
    if end - start > 2 and doc[start].lower_ == "at" and doc[start + 1].lower_ in ("least", "most"):
        start += 2  # "At least 10 people": the people, however many
    while end > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        end -= 1
    if end - start > 2 and doc[end - 1].like_num and doc[end - 2].text == ",":
        end -= 2  # "Mrs Hassan, 59": her age is not her name
    first, last = doc[start], doc[end - 1]
    return TextSpan(first.idx, last.idx + len(last), doc[first.i:last.i + 1].text)


_ACTOR_LABELS: Final = frozenset({"PER", "PERSON", "ORG", "LOC", "GPE", "NORP"})
_PERSONAL_PRONOUNS: Final = frozenset({"he", "she", "they", "we", "i", "you", "him", "her", "them", "us", "me",
                                       "who", "whom"})
_POSSESSIVES: Final = frozenset({"his", "her", "their", "my", "our", "your"})


def argument_root(doc: Any, span: TextSpan | None) -> Any | None:
    """The head token of an argument's words."""
    if span is None:
        return None
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    return words.root if words is not None and len(words) else None


def names_actor(doc: Any, span: TextSpan | None) -> bool:
    """Whether an argument names someone who can act politically: its head word is a person,
    organisation or place name (states act: "Israel struck"), a plural nationality
    ("Palestinians"), a personal pronoun, or a noun the agents dictionary lists ("police",
    "rebels", "police officer"). The head decides: "Harlin's film" names a film."""
    if span is None:
        return False
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    return words is not None and len(words) > 0 and _actor_head(words.root, words.start)


def names_actor_token(head: Any) -> bool:
    """:func:`names_actor` for the phrase a head token heads."""
    return _actor_head(head, head.left_edge.i)


def _actor_head(root: Any, first: int) -> bool:
    """:func:`names_actor` for a head token whose phrase starts at token ``first``."""
    if root.ent_type_ and (root.ent_type_ in _ACTOR_LABELS or root.tag_ == "NNPS" or root.text.isupper()):
        return True  # a name; of the miscellaneous ones, plural nationalities and acronyms ("US", "EU")
    if root.pos_ == "PRON":  # "he", "them"; "his" only as the one an event was done to ("his arrest")
        return root.lower_ in _PERSONAL_PRONOUNS or root.lower_ in _POSSESSIVES and root.dep_ == "nmod:poss" \
            and _possessor_undergoes(root.head)
    nouns, phrases = actor_nouns()
    lemma = root.lemma_.lower()
    if lemma in nouns or root.lower_ in nouns or _lemmas(lemma, root.lower_)[-1] in nouns:
        return True
    doc = root.doc
    before = [doc[i].lower_ for i in range(max(first, root.i - 2), root.i)]
    return any(" ".join([*before[k:], lemma]) in phrases for k in range(len(before)))


@lru_cache(maxsize=1)
def _weapons() -> frozenset[str]:
    synsets = lexicon().synsets
    return frozenset({*synsets.get("&WEAPON", ()), *synsets.get("&AIRCRAFT", ()),
                      *(noun for noun, (kind, _) in EVENT_NOUNS.items() if kind == "ASSAULT"),
                      "shell", "mortar", "grenade", "explosive", "mine", "gunfire", "bullet", "shot", "car", "vehicle",
                      "arms", "weapon"})


def weapon_head(root: Any) -> bool:
    """Whether a head word is a weapon, an attack or what carries one ("a car bomb", "the blast",
    "a drone"): a source that does violence without being an actor."""
    weapons = _weapons()
    return root.lower_ in weapons or any(form in weapons for form in _lemmas(root.lemma_.lower(), root.lower_))


def names_weapon(doc: Any, span: TextSpan) -> bool:
    root = argument_root(doc, span)
    return root is not None and weapon_head(root)


# Illnesses that kill without anyone doing it, named or not ("the Black Death pandemic").
_ILLNESSES: Final = frozenset({"disease", "diseases", "pandemic", "epidemic", "plague", "virus", "illness", "outbreak",
                               "famine", "cancer", "flu", "influenza", "malaria", "cholera", "ebola", "infection"})
_QUANTITIES: Final = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "score", "scores",
                                "million", "millions", "number", "group", "some", "many", "most", "all", "rest"})


def source_kind(doc: Any, span: TextSpan | None) -> tuple[bool, bool]:
    """(names an actor, plainly a thing) for a source, its words looked up once. A thing: a head
    common noun that no actor list and no weapon list knows ("disease", "sales records"), not a
    name, a pronoun or a quantity of something ("hundreds of UN troops": troops)."""
    if span is None:
        return False, False
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None or not len(words):
        return False, False
    root = words.root
    if root.lemma_.lower() in _ILLNESSES or root.lower_ in _ILLNESSES:
        return False, True  # "the Great Plague epidemic that killed thousands", whatever the NER made of it
    if _actor_head(root, words.start):
        return True, False
    if root.lower_ in _QUANTITIES or root.lemma_.lower() in _QUANTITIES:
        inner = next((c for c in root.children if c.dep_ == "nmod" and _case(c) == "of"), None)
        if inner is None:
            return False, False
        root = inner
    if not (root.pos_ == "NOUN" or root.pos_ == "VERB" and any(c.dep_ == "det" for c in root.children)) \
            or root.ent_type_:
        return False, False  # a common noun, whatever the tagger made of one with its article ("the ... pandemic")
    return False, not _actor_head(root, root.left_edge.i) and not weapon_head(root)


def clause_subject(noun: Any) -> Any | None:
    """The subject of the verb whose object (or passive subject) a noun is: "Iran" in "Iran launched an attack"
    and "the UN" in "the UN condemned the attack"."""
    if noun.dep_ in ("obj", "nsubj:pass") and noun.head.pos_ == "VERB":
        return _subject(noun.head)
    return None


def undergone(noun: Any) -> bool:
    """Whether an event noun is one whose possessor may be the one it is done to ("his arrest")."""
    return noun.lower_ in UNDERGONE_NOUNS or lemma_of(noun, UNDERGONE_NOUNS) in UNDERGONE_NOUNS


def _possessor_undergoes(noun: Any) -> bool:
    return undergone(noun) and not any(
        c.dep_ in ("nmod", "obl") and _case(c) == "of" for c in noun.children)


_RECIPIENT_PREPS: Final = frozenset({"to", "with", "against", "at", "for", "on", "into", "toward", "towards"})
_VIOLENT_RECIPIENT_PREPS: Final = frozenset({"at", "against", "on", "upon", "into"})
# Which of them names the one an event is done to first: "celebrated Eid at Osgiliath with Gondor" is with Gondor.
# Violence whose object is the one harmed, never what is fired "at" someone.
_HARMING_VERBS: Final = frozenset({"kill", "wound", "injure", "murder", "massacre", "slaughter", "execute", "behead",
                                   "stab", "hang", "maim", "torture", "abduct", "kidnap"})
_RECIPIENT_ORDER: Final = ("against", "with", "to", "toward", "towards", "on", "upon", "into", "at", "for")


def recipient(doc: Any, token: Any, violent: bool) -> TextSpan | None:
    """The first "to", "with", "against" ... phrase of the trigger (or of its object) that names
    an actor: the one the event is done to when the object is a thing ("supplied arms to Israel",
    "restore ties with Gondor"; "at" only for violence: "fired shells at Seoul"). Not "from" (the
    giver: "received weapons from the government") nor "of" ("took control of the company")."""
    heads = [token, *(c for c in token.children if c.dep_ in ("obj", "nsubj:pass"))]
    # violence is done at, against or on someone ("fired shells at Seoul"; not "broke the news to him"),
    # other events to, with, for ... them (not "issued an order at a court")
    preps = _VIOLENT_RECIPIENT_PREPS if violent else _RECIPIENT_PREPS - {"at"}
    if violent and lemma_of(token, _HARMING_VERBS) in _HARMING_VERBS:
        preps = preps - {"at", "on"}  # the harmed are its object: "miners were killed at the Kloof mine" is where
    # of an event the object names, only its partners, unless the verb does that event: "endorsed an agreement
    # with the EU", but not "condemned the attack on the embassy" (the embassy was attacked, not condemned)
    doing = lemma_of(token, DOER_VERBS) in DOER_VERBS
    found = [(_RECIPIENT_ORDER.index(case) if case in _RECIPIENT_ORDER else len(_RECIPIENT_ORDER), child.i, child)
             for head in heads for child in head.children
             if child.dep_ in ("obl", "nmod", "iobj") and ((case := _case(child)) in preps or child.dep_ == "iobj")
             and (head is token or doing or not _event_object(head) or case in ("with", "to"))
             and child.lower_ not in _TIME_WORDS and _actor_head(child, child.left_edge.i)]
    return phrase(doc, min(found, key=lambda f: f[:2])[2]) if found else None


def _case(token: Any) -> str:
    """The preposition of a nominal: its own, or the one opening its phrase ("of [Iranian leader] Soleimani")."""
    own = next((c.lower_ for c in token.children if c.dep_ == "case"), "")
    if own:
        return own
    first = token.left_edge
    return first.lower_ if first.pos_ == "ADP" and first.i < token.i else ""


def _names_time(token: Any) -> bool:
    """Whether an argument's head names a time ("met yesterday", "arrested Jan. 6"), not someone."""
    word = token.lower_.rstrip(".")
    if word in _TIME_WORDS:
        return True
    return bool(token.like_num) and any(t.lower_.rstrip(".") in MONTHS for t in token.doc[token.left_edge.i:token.i])


def _under(token: Any) -> bool:
    """Whether an event noun is what someone is "under" ("under near-constant attack", "under siege"),
    by the words, past a few modifiers the parse may take for verbs."""
    doc, i = token.doc, token.i - 1
    while i >= token.sent.start and token.i - i <= 3 and (
            doc[i].pos_ in ("ADJ", "ADV", "DET", "VERB") or doc[i].dep_ in ("amod", "advmod", "det")) \
            and doc[i].is_lower:
        i -= 1
    return i >= token.sent.start and doc[i].lower_ == "under"


def _coordinated(first: Any, second: Any) -> bool:
    """Whether a comma or a conjunction stands between two words ("Milburn and the prime minister")."""
    return any(t.pos_ == "CCONJ" or t.text == "," for t in first.doc[first.i + 1:second.i])


def _subject(token: Any) -> Any | None:
    """The subject of a verb; of two the parse gives, the one nearest before it ("Since the Ben Guerdane attack in
    March 2016, security forces seemed to have gained ...": the forces)."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "csubj") and not _names_time(c)]
    before = [c for c in subjects if c.i < token.i]
    return before[-1] if before else next(iter(subjects), None)


def event_doer(noun: Any) -> Any | None:
    """Who does what an event noun names, by its "by" phrase or possessor, when that names an actor
    ("the attack by Osgiliath soldiers", "Israel's strikes"; not "Kennedy's assassination")."""
    doers = [c for c in noun.children if (c.dep_ == "nmod" and _case(c) == "by" or c.dep_ == "nmod:poss"
                                          and not _possessor_undergoes(noun)) and _actor_head(c, c.left_edge.i)]
    return min(doers, key=lambda c: c.dep_ != "nmod") if doers else None


def _event_object(child: Any) -> bool:
    return child.dep_ == "obj" and lemma_of(child, EVENT_NOUNS) in EVENT_NOUNS


def _passive_rank(subject: Any) -> tuple[bool, bool, bool, bool, bool]:
    """How likely a passive subject of the parse is the one an event was done to: not the state after a town
    ("The Wasilla Bible Church in Wasilla, Alaska was attacked": the church), not a time, not a relative
    clause's remnant, naming someone, by name ("Park Geun-hye", not "the first female president")."""
    relative = any(t.lower_ in ("who", "whom", "whose", "which") for t in subject.subtree)
    doc = subject.doc
    first = subject.left_edge.i
    town_part = first > 1 and doc[first - 1].text == "," and doc[first - 2].ent_type_ in ("GPE", "LOC") \
        and subject.ent_type_ in ("GPE", "LOC")
    return not town_part, not _names_time(subject), not relative, names_actor_token(subject), bool(subject.ent_type_)


def _past_dateline(head: Any | None) -> Any | None:
    """A place opening the sentence before a dash is the dateline, not the subject the parse made it
    ("Indianapolis – Several thousand teachers ... surrounded the Statehouse"): the name after the dash, if the
    parse hung it there, else none."""
    if head is None or head.i != head.sent.start or head.pos_ != "PROPN" or head.i + 1 >= len(head.doc) \
            or head.doc[head.i + 1].text not in DASHES or head.ent_type_ and head.ent_type_ not in PLACE_LABELS:
        return head
    return next((c for c in head.children if c.dep_ == "appos" and c.i > head.i + 1), None)


def parse_arguments(token: Any, noun: bool) -> tuple[Any | None, Any | None]:
    """(source, target) head words of a trigger, from the UD parse."""
    source = target = None
    if noun:
        # "at" names the target of violence and protest ("the shooting at a clinic", "rioting in protest at
        # the death of"), where another event noun happened ("a meeting at Nixon's home")
        kind = EVENT_NOUNS.get(lemma_of(token, EVENT_NOUNS), ("", ""))[0]
        preps = _NOUN_TARGET_PREPS | {"at"} if kind in ("ASSAULT", "PROTEST") else _NOUN_TARGET_PREPS
        possessor = None
        for child in token.children:
            if child.dep_ == "nmod:poss":
                possessor = child
            elif child.dep_ == "nmod" and _case(child) == "by":
                source = child
            elif child.dep_ == "nmod" and _case(child) in preps and target is None \
                    and not _names_time(child):
                target = child  # "the attack on the base", "the assassination of Soleimani"; not "on Monday"
        if possessor is not None and _names_time(possessor):
            possessor = None  # "Saturday's shooting", "last week's attack"
        if possessor is not None and target is None and _possessor_undergoes(token):
            target = possessor  # "Kennedy's assassination", "his arrest": the one it was done to
        elif possessor is not None and source is None:
            source = possessor  # "Iran's attack on the base"
        if source is None and token.dep_ in ("obj", "nsubj:pass") and token.head.pos_ == "VERB" \
                and lemma_of(token.head, DOER_VERBS) in DOER_VERBS:
            source = _subject(token.head)  # "Iran launched an attack": Iran's; not "the UN condemned the attack"
        if _under(token):  # "Warren was under attack", "the town came under attack from rebels": the subject's
            subject = _subject(token) or _subject(token.head)
            doers = [c for h in (token, token.head) for c in h.children
                     if c.dep_ in ("obl", "nmod") and _case(c) in ("from", "by")]
            return (doers[0] if doers else None), (subject if subject is not None and subject.i != token.i else target)
        return source, target
    # a passive subject beside an object and no passive auxiliary is the parser's slip ("the drone strike killed
    # a commander"): the subject
    intransitive = lemma_of(token, INTRANSITIVE_VERBS) in INTRANSITIVE_VERBS
    be_passive = token.tag_ == "VBN" and any(c.dep_.startswith("aux") and c.lemma_.lower() in ("be", "get")
                                             for c in token.children)  # "was denied a handgun permit"
    slip = any(c.dep_ == "obj" for c in token.children) and not any(c.dep_ == "aux:pass" for c in token.children) \
        and not be_passive or intransitive  # "100 people marched": no one is marched
    for child in token.children:
        if child.dep_ == "nsubj" and _names_time(child):
            # "In January, undersea cables ... were damaged": the parse's subject is a time; "Also Thursday,
            # Saudi Arabia called for": the parse's subject is a time and the name after it its conjunct
            child = next((c for c in child.children if c.dep_ == "conj" and not _names_time(c)), None)
            if child is None:
                continue
            source = source or child
            continue
        if child.dep_ == "nsubj" and (source is None or source.dep_ == "nsubj" and source.i < child.i < token.i
                                      and not _coordinated(source, child) and child.is_alpha):
            source = child  # of two subjects, the one next to the verb ("Kenyan police arrested": police)
        elif child.dep_ == "nsubj:pass" and slip:
            source = source or child
        elif child.dep_ == "nsubj:pass":
            if target is None or target.dep_ != "nsubj:pass" or _passive_rank(child) > _passive_rank(target):
                # of two (the parse's slip), the one that names someone, else the first: "the daughter of Park
                # Chung-hee, Park Geun-hye was arrested"; "Earlier this month, Wells Fargo was fined"; "Mrs Hassan,
                # who led Care operations, was abducted" (not the relative clause's words)
                target = child
        elif child.dep_ in ("obl", "obl:agent") and _case(child) == "by" and token.tag_ == "VBN":
            source = child
        elif child.dep_ == "obj" and target is None and not _names_time(child) \
                and child.lemma_.lower() not in EVENT_NOUNS:
            target = child  # not a time ("met yesterday") or the event itself ("attended a summit", "held talks")
        elif target is None and _event_object(child) and lemma_of(token, DOER_VERBS) not in DOER_VERBS:
            target = event_doer(child)  # "condemned an attack by Osgiliath soldiers", "praised Iran's arrest of"
    if target is None:
        fought = any(_case(c) == "with" for c in token.children if c.dep_ == "obl") \
            and lemma_of(token, _SIDED) in _SIDED  # "fought with Isil in Syria": for it or against it, unsaid
        target = next((c for c in token.children if c.dep_ == "obl" and _case(c) in _TARGET_PREPS
                       and not (fought and _case(c) == "with")
                       and c.pos_ in ("PROPN", "NOUN", "PRON") and not _names_time(c)
                       and c.lower_ != "behalf"), None)  # "on behalf of the United States": who acts
    passive = any(c.dep_ == "aux:pass" or c.dep_ == "nsubj:pass" and not slip for c in token.children) \
        or token.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() in ("be", "get") for c in token.children) \
        or reduced_relative(token) or passive_in_words(token) \
        or token.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("aux", "obj") for c in token.children) and any(
        c.dep_ == "obl" and _case(c) == "from" and c.lemma_.lower() in CAPTIVITY_NOUNS for c in token.children)
    # ("Jailed journalist Aziz Orujov released from prison": a caption's passive, without its "was")
    if passive and source is not None and source.dep_ == "nsubj" and source.head.i == token.i and target is None:
        source, target = None, source  # "Kathina ... was slain", whatever the parse called the subject
    elif passive and source is not None and source.dep_ == "nsubj" and source.head.i == token.i and target is not None \
            and target.dep_ == "obj" and target.head.i == token.i and token.tag_ == "VBN" and any(
                c.dep_.startswith("aux") and c.lemma_.lower() in ("be", "get") for c in token.children):
        source, target = None, source  # "LaCalamita was denied a handgun permit": the one it was denied to
    described = None if intransitive else appended_participle(token)
    if described is not None:
        passive = True  # "Margaret Hassan, kidnapped in Iraq": done to her, by no one the sentence's subject names
        target = target or described
    if not passive and target is None and token.dep_ == "conj" and token.tag_ in ("VBN", "VBD") \
            and not any(c.dep_ in ("nsubj", "obj") for c in token.children) \
            and any(c.dep_ in ("cop", "aux:pass") and c.lemma_.lower() == "be" for c in token.head.children):
        passive = True  # "was shot and killed", whatever the tagger made of "shot": killed, not a killer
    climber, steps = token, 0
    while source is None and steps < 3 and not passive and (
            climber.dep_ in ("xcomp", "advcl", "conj") and climber.head.pos_ in ("VERB", "AUX", "ADJ", "ADV")
            or climber.dep_ == "acl" and climber.head.pos_ in ("ADJ", "ADV")):
        # "agreed to set up": the subject of "agreed"; "is about to restore", "is ready to sign": of "about"
        climber, steps = climber.head, steps + 1
        source = _subject(climber)
    if passive and target is None and token.dep_ == "conj" and (token.head.pos_ in ("VERB", "ADJ") or any(
            c.dep_ == "cop" for c in token.head.children)):  # "was shot and killed", "shot" tagged a noun
        target = _subject(token.head)  # "who had left for Syria and was killed": the one who left
    if target is None and token.tag_ == "VBN" and token.is_sent_start:
        # "Released by Google on Monday, the new version ...": what the opening participle is said of
        target = next((t for t in token.sent if t.dep_ in ("nsubj", "nsubj:pass") and t.head.i != token.i), None)
    source, target = antecedent(source, token), antecedent(target, token)
    source = _past_dateline(source)
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
        if token.tag_ == "VBN" and misread_past(token):
            source = source or token.head  # "In July, the NAACP called for a moratorium": a misread past tense
        elif token.tag_ == "VBN" and not intransitive and (target is None or target.dep_ == "obl"):
            target = token.head  # "the convoy attacked by rebels", "Jackson, arrested on suspicion of ..."
        elif (token.tag_ != "VBN" or intransitive) and source is None:
            source = token.head  # "protesters demonstrating against", "Thousands marched", whatever the tag
    if target is not None and target.dep_ == "obj" and target.head.i == token.i and _infinitive_between(token, target):
        target = None  # "resigned as attorney general to head the Committee to Re-Elect the President": not his
    if lemma_of(token, DYING_VERBS) in DYING_VERBS:
        return None, target or source  # "ten people died in clashes": the dead, killed by someone unnamed
    if source is not None and target is not None and _apposed_to(source, target):
        source = None  # "the ex-president of Bank of China, Wang Xuebing, jailed for 12 years": one person, jailed
    return source, target


def _apposed_to(one: Any, other: Any) -> bool:
    """Whether two heads name one thing, the one set beside the other as an apposition."""
    return other.dep_ == "appos" and other.head.i == one.i or one.dep_ == "appos" and one.head.i == other.i


def _infinitive_between(verb: Any, word: Any) -> bool:
    """Whether an infinitive ("to head") stands in the words between a verb and a word after it: the word is that
    infinitive's clause's, whatever the parse hung it on."""
    doc = verb.doc
    return any(doc[k].lower_ == "to" and doc[k + 1].tag_ == "VB" for k in range(verb.i + 1, word.i - 1))


_RELATIVES: Final = frozenset({"who", "which", "that", "whom"})
_PLACE_TYPES: Final = frozenset({"GPE", "LOC", "FAC"})


def antecedent(argument: Any | None, verb: Any) -> Any | None:
    """What a relative pronoun argument of ``verb`` stands for: the noun its clause modifies ("Merah,
    who killed seven people": Merah; "the one which devastated": the one), by the parse when it hangs
    the clause on a noun, else the name or noun right before the pronoun (and its comma), a numbered
    title's name ("Quake 4, which was released": Quake)."""
    if argument is None or argument.lower_ not in _RELATIVES or argument.pos_ not in ("PRON", "DET", "SCONJ"):
        return argument
    if verb.dep_ == "acl:relcl" and verb.head.i < argument.i and verb.head.pos_ not in ("PRON", "AUX"):
        head = verb.head
        doc = argument.doc
        before = argument.i - 2 if argument.i > 1 and doc[argument.i - 1].text == "," else argument.i - 1
        if argument.lower_ in ("who", "whom") and before >= 0 and doc[before].ent_type_ in ("PER", "PERSON") \
                and head.i not in (before, doc[before].head.i) and doc[before].head.i != head.i:
            head = doc[before]  # "... Woodward, who made up ... to President Richard M. Nixon, who ultimately
            # resigned": the name right before ", who", wherever the parse hung the clause
            while head.dep_ in ("flat", "compound") and head.head.i < head.i:
                head = head.head
            return head
        if argument.lower_ in ("who", "whom"):
            # "who" is said of people, not of the place the parse hung the clause on ("a 28-year-old from
            # Damascus who survived detention": the 28-year-old)
            while head.ent_type_ in _PLACE_TYPES and head.dep_ in ("nmod", "obl", "appos") and head.head.i < head.i:
                head = head.head
            if head.ent_type_ in _PLACE_TYPES:
                return argument
        return head  # whatever the tagger made of the noun ("the Black Death pandemic that killed")
    doc = argument.doc
    i = argument.i - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i > 0 and doc[i].like_num and doc[i].head.i == i - 1 and doc[i - 1].pos_ == "PROPN":
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN") or argument.lower_ in ("who", "whom") and doc[
            i].ent_type_ in _PLACE_TYPES:
        return argument
    head = doc[i]
    while head.dep_ in ("flat", "compound", "fixed") and head.head.i < head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    return head


_RUN_POS: Final = frozenset({"PROPN", "NOUN", "ADJ", "NUM"})


def _run_span(doc: Any, start: int, end: int) -> TextSpan | None:
    while start < end and doc[start].pos_ in ("DET", "ADJ") and doc[start].lower_ in ("the", "a", "an", "its"):
        start += 1
    if end > start and doc[end - 1].lower_ in ("'s", "’s"):
        return None  # a possessor whose noun the run lost
    if start >= end or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in doc[start:end]):
        return None
    first, last = doc[start], doc[end - 1]
    return TextSpan(first.idx, last.idx + len(last), doc[first.i:last.i + 1].text)


def surface_source(doc: Any, token: Any, sentence: Any) -> TextSpan | None:
    """The noun phrase right before an active verb (past its auxiliaries and adverbs), for when
    the parse gives the verb no subject ("the US had unilaterally attacked")."""
    i = token.i - 1
    while i >= sentence.start and doc[i].pos_ in ("AUX", "ADV", "PART"):
        i -= 1
    end = i + 1
    while i >= sentence.start and (doc[i].pos_ in _RUN_POS or doc[i].pos_ == "PRON" and i == end - 1
                                     or doc[i].lower_ in ("the", "'s", "’s")):
        i -= 1
    return _run_span(doc, i + 1, end) if end - (i + 1) <= 6 else None


def surface_target(doc: Any, token: Any, sentence: Any) -> TextSpan | None:
    """The noun phrase right after a verb, for when the parse gives it no object."""
    j = token.i + 1
    end = sentence.end
    while j < end and (doc[j].pos_ in _RUN_POS or doc[j].pos_ == "DET" or doc[j].lower_ in ("'s", "’s")
                       or (doc[j].pos_ == "PRON" and j == token.i + 1)
                       or (doc[j].text[:1].isupper() and doc[j].pos_ not in ("ADP", "VERB", "AUX", "CCONJ"))
                       or (doc[j].text[:1].isupper() and j == token.i + 1)):
        j += 1
    return _run_span(doc, token.i + 1, j) if 0 < j - token.i - 1 <= 6 else None


def _name_run(doc: Any, j: int, end: int, limit: int = 12) -> int:
    """Where a noun phrase starting at token ``j`` ends: determiners, adjectives, nouns, names,
    possessives, and "of"/"and" when a name or noun phrase goes on after them."""
    start = j
    while j < end and j - start < limit:
        token = doc[j]
        following = doc[j + 1] if j + 1 < end else None
        if token.pos_ in _RUN_POS or token.pos_ == "DET" or token.lower_ in ("'s", "’s") or (
                token.text[:1].isupper() and token.pos_ not in ("ADP", "VERB", "AUX", "CCONJ", "PRON")):
            j += 1
        elif token.lower_ in ("of", "and") and following is not None and (
                following.text[:1].isupper() or following.pos_ in ("DET", "ADJ", "NOUN", "PROPN")):
            j += 1
        elif token.tag_ in ("VBN", "VBG", "VBD", "JJ") and token.is_lower and following is not None and (
                following.text[:1].isupper() or following.pos_ in ("NOUN", "PROPN", "ADJ")):
            j += 1  # "revered General", "targeted killing"
        else:
            break
    while j > start and doc[j - 1].lower_ in ("of", "and"):
        j -= 1
    return j


def nominal_target(doc: Any, token: Any, sentence: Any) -> TextSpan | None:
    """"The killing of Iran's revered General Qasem Soleimani": the phrase after of/on/against."""
    j = token.i + 1
    if j >= sentence.end or doc[j].lower_ not in ("of", "on", "against") \
            or j + 1 < sentence.end and _names_time(doc[j + 1]):
        return None  # not "the attack on Monday"
    return _run_span(doc, j + 1, _name_run(doc, j + 1, sentence.end))


def coordinated(doc: Any, end_char: int, sentence: Any) -> TextSpan | None:
    """A second target coordinated after the first, past a relative clause between commas
    ("killing Soleimani, who had arrived from Damascus, and the deputy commander ... al-Mohandes")."""
    span = doc.char_span(end_char, sentence.end_char, alignment_mode="expand")
    if span is None or len(span) < 2:
        return None
    k = span.start
    if doc[k].text == "," and doc[k + 1].lower_ in ("who", "which"):
        close = next((i for i in range(k + 2, min(sentence.end, k + 20)) if doc[i].text == ","), None)
        if close is None:
            return None
        k = close + 1
    if k < sentence.end and doc[k].lower_ == "and":
        return _run_span(doc, k + 1, _name_run(doc, k + 1, sentence.end, limit=16))
    return None
