"""Event mentions from one article's parse: triggers, PLOVER types, modality and arguments.

A verb is a trigger when PETRARCH2's CAMEO dictionary gives it (or its block's pattern matching
the words around it) a code PLOVER keeps (:mod:`newsdossier.events.lexicon`); a noun when it names
an event by itself ("the strike", "a truce"). Reporting verbs ("said") are CAMEO 01 and no event.

Modality comes from the words that govern the trigger: a trigger in the complement of a threat,
a demand, a promise or a denial ("threatened to strike") is what that verb makes of it, and is
``embedded`` in that verb's own event; a modal ("could strike") makes it ``possible``; a
negation ("did not strike") is kept as ``negated``.

Arguments come from the dependency parse (:mod:`newsdossier.events.arguments`); the sense of a
violent word from its sentence (:mod:`newsdossier.events.senses`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, Final

import simplemma
from spacy.symbols import ADJ, NOUN, PROPN, VERB

from newsdossier.events.arguments import (
    argument_root, clause_subject, coordinated, lemma_of, names_actor, names_actor_token, names_weapon, nominal_target,
    parse_arguments, phrase, recipient, source_kind, surface_source, surface_target, undergone, weapon_head,
)
from newsdossier.events.describing import describes_a_noun, names_an_illness
from newsdossier.events.lexicon import EVENT_NOUNS, PLACE_LABELS, Pattern, discards, lexicon, plover_of
from newsdossier.events.lexicon import PREPOSITIONS as _PREPOSITIONS
from newsdossier.events.modality import governing_modality, negated_at
from newsdossier.events.model import EventMention, TextSpan
from newsdossier.events.ordinary import harm_without_doer, ordinary_sense, storm_names
from newsdossier.events.senses import (RALLIES, contest_sense, filmed, game_result, labour_strike, race_article,
                                      speech_venue, sport_article, verbal_attack)
from newsdossier.timex.lexicon import MONTHS, WEEKDAYS

__all__ = ["find_event_mentions", "lemma_of", "main_mention", "main_mentions", "names_actor", "sentence_mains"]

# A plural event noun names a kind of event ("attacks on US interests", "such attacks"), not one;
# these few name one event in the plural.
_PLURAL_EVENTS: Final = frozenset({"talks", "sanction", "negotiation", "hostility", "talk"})
# Verb + object phrases that name no event of their own.
_LIGHT_OBJECTS: Final = {"take": frozenset({"place", "part", "office", "note", "care", "time", "advantage", "post",
                                             "position", "role", "job", "seat", "helm", "reins"}),
                         "make": frozenset({"sure", "sense", "progress"}), "give": frozenset({"way"})}
# What one "makes" when one visits ("made a secret trip to Syria").
_TRIPS: Final = frozenset({"trip", "visit", "journey", "tour", "pilgrimage", "stopover"})
# What one opens when one establishes relations ("opened missions in Morocco and Tunisia", "reopened its embassy").
_MISSIONS: Final = frozenset({"embassy", "mission", "consulate", "legation", "representation"})
# Verbs whose everyday senses outnumber the one the dictionary codes by default: "fired the coach",
# "served on the board", "took over as president", "died after a fall", "pulled over for
# speeding", "defeated her rival to become party leader". Only a pattern of their block (the words
# around them) makes them events.
_EVERYDAY_SENSES: Final = frozenset({"fire", "serve", "join", "lead", "take", "found", "conduct", "call",
                                     "leave", "promote", "pull", "guide", "die", "work", "run", "hit", "beat",
                                     "defeat", "campaign", "hold", "give", "get", "go", "come", "move", "open",
                                     "close", "start", "retire", "break", "overtake", "engage", "dominate", "match"})
# Verbs whose "... dead" pattern the dictionary codes as violence (CAMEO 190), though "found
# dead" reports a death and says nothing of who caused it.
_GOING: Final = frozenset({"leave", "go", "come", "move", "run"})
_DEATH_FINDERS: Final = frozenset({"find", "discover", "report", "declare", "pronounce"})
# CAMEO roots of what is done, not said: protests, force postures, coercion, violence. A verb of
# saying (its own code a public statement, 01) never reports one of these by itself.
_DONE_ROOTS: Final = frozenset({"14", "15", "17", "18", "19", "20"})
# What does things without being an actor: weather, quakes, fires and floods, vehicles.
_NO_ACTOR: Final = re.compile(r"\b(?:hurricane|storm|typhoon|cyclone|tornado|earthquake|quake|tsunami|flood|"
                              r"floods|wildfire|fire|blaze|avalanche|landslide|mudslide|drought|lightning|car|vehicle|"
                              r"truck|lorry|van|bus|train|sedan|suv|camry|crash|accident|collision|derailment)\b",
                              re.IGNORECASE)
_NOUN_PREFIXES: Final = frozenset(noun[:4] for noun in EVENT_NOUNS)
# Dependents of a verb of saying that hold what is said.
_SAID: Final = frozenset({"ccomp", "parataxis", "csubj"})
_QUOTE_OPENERS: Final = frozenset({":", '"', "“", "''", "``", "‘"})
# Particles of a phrasal verb's pattern ("kick off", "pull out").
_PARTICLES: Final = frozenset({"off", "out", "up", "down", "back", "away"})
# Prepositions of where or in what a deed was done: a pattern of only these gives force or violence
# when its phrase names a weapon or an attack ("injured in the blast", not "hurt in the game" nor
# "injured in Baghdad": the pattern says how), or, but for "in", an actor or a name ("moved into
# Crimea", not "moved into second place").
_CIRCUMSTANCES: Final = frozenset({"in", "into", "on"})
# The dictionary blocks whose verbs yield by themselves ("surrendered", "withdrew", "freed"); the
# other verbs it files under yielding (CAMEO 080: "approve", "pass", "allow", "settle", "verify")
# are everyday verbs, typed but never starting an event alone.
_YIELDING_BLOCKS: Final = frozenset({"yield", "retreat", "release"})
# CAMEO roots whose preposition patterns want an actor in their slot: agree (03), consult (04),
# support (05), cooperate (06), aid (07).
_ACTOR_SLOTS: Final = frozenset({"03", "04", "05", "06", "07"})
# Prepositions that give the grounds of an act after its object ("accused him of", "blasted Disney for").
_GROUNDS_PREPS: Final = frozenset({"for", "of", "over", "against"})
_PLACE_PREPS: Final = frozenset({"in", "at", "across", "through", "over"})
# Verbs of warning: a threat only when what they say is to come.
_WARNINGS: Final = ("warn", "caution")
_FUTURE_WORDS: Final = frozenset({"will", "would", "could", "might", "may", "shall", "can", "must", "'ll", "’ll",
                                  "wo", "if", "unless", "going", "gon"})
# Subjects of a warning's clause that are the warner ("warned that it would retaliate").
_SELVES: Final = frozenset({"it", "we", "i", "they", "he", "she"})
# Nouns of which an event noun names a kind, not an event: "a new line of attack".
_KIND_NOUNS: Final = frozenset({"line", "kind", "type", "form", "sort", "mode"})
# Nouns after an event noun that make a series of such events: "a bombing campaign".
_SERIES_NOUNS: Final = frozenset({"campaign", "operation", "spree", "wave", "series", "blitz"})
_LONG_WORD: Final = re.compile(r"\b[^\W\d_]{4,}\b")
_APPEALED: Final = frozenset({"for", "to", "against"})
_RELATIVE_WORDS: Final = frozenset({"that", "which", "who", "whom", "whose", "where", "when"})
_WINNERS: Final = frozenset({"winner", "winners", "victor", "victory"})
_PATTERN_REACH: Final = 10  # words after the verb a dictionary pattern may use
_PRE_REACH: Final = 4
_GAP: Final = 2  # other words a pattern lets stand before each of its words


def _words_after(doc: Any, token: Any, end: int, statement: bool = False) -> tuple[list[Any], list[tuple[str, str]]]:
    """The tokens a pattern may read after a verb (not past a colon or a quotation mark: what a
    quotation says is not the verb's), and their (word, lemma) pairs. For a verb of saying, what is said
    stands there as blanks (None, with empty words): the subjects of its clauses ("said the plans were ..."
    is no "said [it] plans") and every word outside the verb's own phrase or inside its complement ("said
    he agrees" is no agreement). A day's or a month's name, or the preposition before one, is a blank too:
    no pattern reads it ("called Alicia Machado on Friday to express gratitude": that "on" is no "called on")."""
    stop = min(end, token.i + 1 + _PATTERN_REACH)
    said: set[int] = set()
    if statement:
        own = range(token.left_edge.i, token.right_edge.i + 1)  # the verb's phrase: a projective parse's span
        said = {i for i in range(token.i + 1, stop) if i not in own}
        said |= {i for c in token.children if c.dep_ in _SAID for i in range(c.left_edge.i, c.right_edge.i + 1)}
    window = list(doc[token.i + 1:min(len(doc), stop + 1)])  # and the word after: a preposition's day
    lowers = [t.lower_ for t in window]
    days = [(lower.rstrip(".") in MONTHS or lower in WEEKDAYS) and t.is_title for t, lower in zip(window, lowers)]
    words: list[Any] = []
    pairs: list[tuple[str, str]] = []
    for k in range(stop - token.i - 1):
        t, lower = window[k], lowers[k]
        if lower in _QUOTE_OPENERS:
            break
        if t.is_punct:
            continue
        if days[k] or k + 1 < len(window) and days[k + 1] and lower in _PREPOSITIONS \
                or statement and (t.i in said or t.dep_.startswith("nsubj") and t.head.i != token.i):
            words.append(None)
            pairs.append(("", ""))
        else:
            words.append(t)
            pairs.append((lower, t.lemma_.lower()))
    return words, pairs


def _matches(pattern_words: Sequence[str], words: Sequence[tuple[str, str]], synsets: dict[str, frozenset[str]],
             *, from_end: bool = False) -> int | None:
    """Where the pattern's words occur in order in ``words`` with at most two other words before
    each (counted from the verb: the start of ``words``, or its end ``from_end``): the index in
    ``words`` of the pattern's last word, or None when they do not."""
    if from_end:
        pattern_words, words = pattern_words[::-1], words[::-1]
    i = 0
    for want in pattern_words:
        members = synsets.get(want) if want.startswith("&") else None
        stop = min(len(words), i + _GAP + 1)
        while i < stop and not (words[i][0] == want or words[i][1] == want
                                or (members is not None and (words[i][0] in members or words[i][1] in members))):
            i += 1
        if i == stop:
            return None
        i += 1
    return i - 1


def _slot_filled(token: Any, pattern: Pattern, last: Any | None) -> bool:
    """Whether a pattern made only of prepositions and particles ("come to", "speak with", "kick
    off") is met as the dictionary means it. Its preposition's phrase must be the verb's, or follow
    it ("called on Iran", not "called the Mistake on the Lake"), unless it gives grounds ("blasted
    Disney for its practices", wherever the parse hung them). For meeting, agreeing, supporting, cooperating
    and aiding (:data:`_ACTOR_SLOTS`) PETRARCH2 writes such patterns for an actor in the slot ("came
    to [Baghdad]", "spoke with [Iran]"); "came to an ugly end", "racing to bank ballots", "kicked off
    Monday" are other senses, so the phrase must name an actor, and a particle's verb needs an
    actor or an event as its object ("kicked off talks", not "kicking off his caucus day") or an
    actor after a preposition. What is demanded or blamed is a thing ("called for a
    ceasefire", "accused him of lying"); force and violence (:data:`_DONE_ROOTS`) are done to things
    as well ("fired at a car"), as are yielding and withdrawing (08: "stepped down", "pulled out").
    A pattern's last noun must be a head, not a word qualifying the noun after it ("aid workers")."""
    words = (*pattern.before, *pattern.after)
    root = (pattern.code or "")[:2]
    if last is not None and pattern.after and pattern.after[-1] not in _PREPOSITIONS \
            and last.dep_ == "compound" and last.head.i > last.i and last.head.pos_ == "NOUN":
        return False  # the pattern's noun only qualifies another: "released two aid workers" is no aid
    if not pattern.after or not root or any(w not in _PREPOSITIONS and w not in _PARTICLES for w in words):
        return True
    if root in _DONE_ROOTS and all(w in _CIRCUMSTANCES for w in words):
        # "injured in [the blast]", "moved into [Crimea]": not "hurt in the game", "moved into second place"
        if last is None or last.dep_ != "case":
            return True
        head = last.head
        return weapon_head(head) or lemma_of(head, EVENT_NOUNS) in EVENT_NOUNS or last.lower_ != "in" and (
            names_actor_token(head) or head.pos_ == "PROPN" or bool(head.ent_type_))
    if root in _DONE_ROOTS or root == "08":
        return True
    if last is None:
        return False
    if last.lower_ in _PREPOSITIONS and last.dep_ in ("case", "mark"):
        if last.head.head.i != token.i and last.lower_ not in _GROUNDS_PREPS \
                and any(t.pos_ not in ("ADV", "PART") for t in token.doc[token.i + 1:last.i]):
            return False  # but "blasted Disney [for its practices]", whatever the parse hung the grounds on
        return root not in _ACTOR_SLOTS or last.dep_ == "case" and names_actor_token(last.head) and not (
            last.lower_ in _PLACE_PREPS and last.head.ent_type_ in PLACE_LABELS)  # "demonstrated in Paris": where
    if last.lower_ in _PARTICLES:
        return root not in _ACTOR_SLOTS or any(
            c.dep_ == "obj" and (names_actor_token(c) or lemma_of(c, EVENT_NOUNS) in EVENT_NOUNS)
            or c.dep_ == "obl" and names_actor_token(c) and any(
                g.dep_ == "case" and g.lower_ in _PREPOSITIONS and g.lower_ not in _PLACE_PREPS for g in c.children)
            for c in token.children)
    return False


# Verbs whose code the caller reads even when it types no event ("warned officials to ...": an appeal; "put
# to death": an execution).
_CODE_READ: Final = (*_WARNINGS, "put")


def _may_give_event(doc: Any, token: Any, entry: dict[str, Any], sentence_end: int) -> bool:
    """Whether a verb's dictionary entry can type an event here: its own code does, or some pattern of its
    block that gives one has every word among the words near the verb (all the words a pattern may read, and
    its objects' heads). Most verbs ("said", "told", "added") have neither; testing this first spares reading
    their patterns, which could only give no event."""
    code = entry.get("code")
    if plover_of("084" if code == "080" and entry["block"] == "release" else code) is not None \
            or token.lower_.startswith(_CODE_READ):
        return True
    eventful = lexicon().eventful.get(entry["block"])
    if eventful is None or not eventful.words:
        return False
    stop = min(sentence_end, token.i + 1 + _PATTERN_REACH)
    near = {w for t in doc[max(0, token.i - _PRE_REACH):stop] for w in (t.lower_, t.lemma_.lower())}
    near.update(w for c in token.children if c.dep_ == "obj" for w in (c.lower_, c.lemma_.lower()))
    return eventful.possible(near)


def _verb_code(doc: Any, token: Any, sentence_end: int) -> tuple[str | None, str]:
    """The CAMEO code of a verb token and what gave it: its block's most specific matching pattern
    (``pattern``), else its own default (``verb``); None where it can type no event
    (:func:`_may_give_event`)."""
    lex = lexicon()
    lemma = lemma_of(token, lex.verbs)
    light = _LIGHT_OBJECTS.get(lemma, ())
    if light and (any(c.dep_ in ("obj", "compound:prt") and c.lower_ in light for c in token.children)
                  or (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in light)):
        return None, ""  # "took place", "took part": no event of their own
    if lemma == "make" and any(c.dep_ == "obj" and c.lemma_.lower() in _TRIPS for c in token.children):
        return "042", "pattern"  # "made a secret trip to Syria": a visit (CAMEO 042), not the dictionary's 036
    if lemma in ("open", "reopen") and any(c.dep_ == "obj" and c.lemma_.lower() in _MISSIONS for c in token.children):
        return "064", "pattern"  # "opened missions in Morocco": relations established (CAMEO 064), not a promise
    particle = next((c.lower_ for c in token.children if c.dep_ == "compound:prt"), None)
    entry = (lex.verbs.get(f"{lemma} {particle}") if particle else None) or lex.verbs.get(lemma)
    if entry is None or not _may_give_event(doc, token, entry, sentence_end):
        return None, ""
    statement = (entry.get("code") or "").startswith("01")
    tokens, after = _words_after(doc, token, sentence_end, statement)
    before = [(t.lower_, t.lemma_.lower()) for t in doc[max(0, token.i - _PRE_REACH):token.i] if not t.is_punct]
    near = {w for pair in (*after, *before) for w in pair}
    if "guilty" in near and any(after[i][0] == "not" and after[i + 1][0] == "guilty"
                                for i in range(min(len(after) - 1, 3))):
        return None, ""  # "found not guilty", "pleaded not guilty": an acquittal or a plea, nothing done to anyone
    best: tuple[int, str | None] | None = None
    for pattern in lex.candidates(entry["block"], near):  # longest first: the first that fits is the best
        if (last := _matches(pattern.after, after, lex.synsets)) is not None \
                and _matches(pattern.before, before, lex.synsets, from_end=True) is not None \
                and _slot_filled(token, pattern, tokens[last] if pattern.after else None) \
                and not (lemma in _EVERYDAY_SENSES and lemma not in _GOING and (pattern.code or "")[:2] == "04"
                         and not pattern.before and all(w in _PREPOSITIONS for w in pattern.after)):
            # a trip is made by going ("left for Moscow"), not by a report "conducted for Bains"
            best = (len(pattern.before) + len(pattern.after), pattern.code)
            break
    if (best is None or best[0] < 1) and (index := lex.objects.get(entry["block"])) and not statement \
            and not entry.get("none") and not any(c.dep_ == "xcomp" for c in token.children):
        # a pattern word may be the object's head, however many words qualify it ("struck a provisional
        # work agreement"); not what a statement says, nor a name given ("called November's election
        # 'a citizenship election'")
        met = [p for c in token.children if c.dep_ == "obj" and c.i > token.i
               and not any(g.dep_ == "appos" for g in c.children)
               for w in {c.lower_, c.lemma_.lower()} for p in index.get(w, ())]
        if met:  # the block's first, as a pattern in reach would be
            best = (1, next(p.code for p in lex.patterns[entry["block"]] if any(p is m for m in met)))
    if best is not None:
        if statement and best[1] is not None and best[1][:2] in _DONE_ROOTS:
            return None, ""  # "said ... attack": what is said to be done has its own trigger; saying does nothing
        if lemma in _DEATH_FINDERS and any(w == "dead" for pair in after[:3] for w in pair):
            return None, ""  # "was found dead": a death, not who caused it (the dictionary says 190)
        return best[1], "pattern"
    if lemma in _EVERYDAY_SENSES:
        return None, ""  # only a pattern says it is the political sense ("fired at", not "fired the coach")
    if particle is None and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _PARTICLES:
        particle = doc[token.i + 1].lower_  # "kicked off Monday", whatever the parse made of "off"
    phrasal = lex.verbs.get(f"{lemma} {particle}") if particle else None
    if particle and (phrasal is not None and phrasal is not entry or phrasal is None and any(
            p.after[:1] == (particle,) for p in lex.patterns.get(entry["block"], ()))):
        return None, ""  # "kicked off Monday": the phrasal verb the dictionary knows, without its slot filled
    if entry.get("none"):
        return None, "verb"
    code = entry.get("code")
    if code == "080" and entry["block"] == "release":
        return "084", "verb"  # "freed": a release
    if code == "080" and entry["block"] not in _YIELDING_BLOCKS:
        return code, "everyday"  # "approved", "passed", "allowed", "settled": no concession by themselves
    return code, "verb"


def _apposed(doc: Any, head: Any, conj: Any) -> bool:
    """Whether a name the parse coordinated with a noun only renames it, set off by a comma in a list with no
    "and" or "or" ("The follow up, Portishead, was released": the album, not a second thing released)."""
    return conj.left_edge.i > 0 and doc[conj.left_edge.i - 1].text == "," and not any(
        g.dep_ == "cc" for c in head.children if c.dep_ == "conj" for g in c.children)


def _modifier(noun: Any) -> bool:
    """Whether an event noun only qualifies the noun after it ("attack ads", "an arrest warrant",
    but "a bombing campaign"), names a kind ("a new line of attack") or an illness ("a heart attack")."""
    if names_an_illness(noun):
        return True
    head = noun.head
    if noun.dep_ == "nmod":
        return head.lemma_.lower() in _KIND_NOUNS and head.tag_ == "NN"  # not "along the lines of the invasion"
    return noun.dep_ == "compound" and head.i == noun.i + 1 and head.pos_ == "NOUN" and head.tag_ in ("NN", "NNS") \
        and head.lemma_.lower() not in _SERIES_NOUNS


def _says_a_clause(token: Any) -> bool:
    """Whether a verb's complement is a clause ("conceded [that] the situation is regrettable"),
    whatever the parse made of a clause without "that" (a relative clause on the object)."""
    for child in token.children:
        if child.dep_ == "ccomp" or child.dep_ == "parataxis" and child.i > token.i and any(
                g.dep_ == "nsubj" for g in child.children):
            return True  # (a clause the parse hung beside the verb: "conceded the situation ... is regrettable")
        if child.dep_ == "obj" and any(g.dep_ == "acl:relcl" and not any(
                w.lower_ in _RELATIVE_WORDS for w in g.children) for g in child.children):
            return True
    return False


def _headline(sentence: str) -> bool:
    """A sentence in title case ("These Angry Protesters Are Targeting Hillary At Tonight's
    Debate"): at least five words of four letters or more, four in five of them capitalised."""
    words = _LONG_WORD.findall(sentence)
    return len(words) >= 5 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _threat_said(token: Any) -> bool:
    """Whether a warning is a threat: it says what the warner will or would do ("warned that it
    would retaliate"), or warns someone ("warned China against", "warned them not to"); "warned
    that Trump had raised the dangers" says what is, and "the IMF warned that the vote could
    depress growth" what may come: statements."""
    clauses = [c for c in token.children if c.dep_ in ("ccomp", "parataxis")]
    if not clauses:
        return True
    warner = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return any(any(t.lower_ in _FUTURE_WORDS for t in c.subtree) and any(
        s.dep_.startswith("nsubj") and (s.lower_ in _SELVES or warner is not None and s.lower_ == warner.lower_)
        for s in c.children) for c in clauses)


def _urged(token: Any) -> bool:
    """Whether a warning tells someone to do something ("warned officials to boost their security"), not to
    refrain ("warned Iran not to attack", a threat of what follows)."""
    return any(c.dep_ == "xcomp" and any(g.dep_ == "mark" and g.lower_ == "to" for g in c.children)
               and not any(g.lower_ in ("not", "never") for g in c.children) for c in token.children)


# Closing a place in: done by troops, a siege; by people with no arms (:data:`_CIVILIANS`), a protest.
_ENCIRCLING: Final = frozenset({"surround", "encircle", "ring", "besiege", "blockade", "occupy"})
_CIVILIANS: Final = frozenset({"teacher", "worker", "student", "protester", "protestor", "demonstrator", "parent",
                               "nurse", "doctor", "supporter", "resident", "villager", "farmer", "fan", "woman",
                               "citizen", "activist", "employee", "miner", "driver", "unionist", "striker", "marcher",
                               "crowd", "people"})  # lemmas: lemma_of reads "teachers" as "teacher"


# Verbs of a position held: said of someone in a clause between commas, they describe who that is.
_STANCES: Final = frozenset({"oppose", "support", "back", "favour", "favor", "endorse", "advocate", "champion"})


def _stance_described(doc: Any, token: Any) -> bool:
    """Whether a verb of a position held stands in a relative clause set off by a comma ("MAB, which opposed
    the war in Iraq, urged Muslims ...", "Mr Smith, who strongly backs the plan, said ..."): a description of
    the name before it, not something it did at a time. Read in the words: the parse may make such a clause
    the sentence's root."""
    if lemma_of(token, _STANCES) not in _STANCES:
        return False
    i = token.i - 1
    while i > 0 and doc[i].pos_ == "ADV" and token.i - i < 3:
        i -= 1  # "who strongly backs"
    return i > 0 and doc[i].lower_ in ("which", "who") and doc[i - 1].text == ","


def _habitual(token: Any, sentence: Any) -> bool:
    """A verb in the simple present ("kills", "attack") after an article's first sentence (where a
    headline's present tells news): of force and violence, it says what someone does, not what
    happened (but "the ad released Thursday accuses Trump": a document says what it says)."""
    present = token.tag_ == "VBZ" and token.lower_.endswith("s") \
        or token.tag_ == "VBP" and simplemma.lemmatize(token.lower_, lang="en").lower() == token.lower_  # not "struck"
    return present and sentence.start > 0 and not any(c.dep_ in ("aux", "aux:pass") for c in token.children)


def _active_finite(doc: Any, token: Any, sentence: Any) -> bool:
    """A finite verb in the active voice ("attacked", "has attacked"; not "was attacked", "killing")."""
    if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in token.children):
        return False
    if token.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    before = [doc[i].lower_ for i in range(max(sentence.start, token.i - 3), token.i)]
    return token.tag_ == "VBN" and any(w in ("has", "have", "had") for w in before) and not any(
        w in ("been", "was", "were", "is", "are", "be") for w in before)


_VERB_DEPENDENTS: Final = frozenset({"nsubj", "obj", "nsubj:pass", "obl:agent", "iobj"})
# Taking what is not one's own: PLOVER files theft as a crime; CAMEO's only code for it is a seizure (171).
_THEFT: Final = frozenset({"steal", "rob", "burgle", "burglarize", "burglarise", "pilfer", "shoplift"})
_THEFT_STARTS: Final = frozenset(word[:2] for word in _THEFT)  # "stole" and "steal" start alike
_MISTAGGED: Final = frozenset({"ADJ", "PROPN", "NOUN"})
_CANDIDATE_PARTS: Final = frozenset({VERB, ADJ, PROPN, NOUN})  # the parts of speech a trigger may have
# Kinds a sports report tells of off the field as well as on it: a ban, an inquiry, an accusation.
_OFF_THE_FIELD: Final = frozenset({"SANCTION", "INVESTIGATE", "DISAPPROVE"})
# Where a mistagged verb stands: at the head of a clause, not inside a noun phrase.
_CLAUSE_DEPS: Final = frozenset({"ROOT", "acl", "acl:relcl", "advcl", "ccomp", "xcomp", "conj", "parataxis"})


def _no_actor_cause(phrase_head: Any) -> bool:
    """Whether an oblique names a cause no actor is ("in Hurricane Katrina", "in a helicopter crash"),
    by its head and the nouns compounded with it; not an event noun ("in a car bomb attack")."""
    if lemma_of(phrase_head, EVENT_NOUNS) in EVENT_NOUNS:
        return False
    return any(_NO_ACTOR.search(t.text) for t in (phrase_head, *(
        c for c in phrase_head.children if c.dep_ in ("compound", "flat", "amod"))))


_LINKING: Final = frozenset({"become", "get", "remain", "seem", "appear", "grow", "stay"})


def _state(token: Any) -> bool:
    """Whether an adjective-tagged word after a linking verb says a state someone is in ("became embroiled
    in a dispute"), whatever part of speech the morphology gave it."""
    return token.tag_ == "JJ" and token.dep_ == "xcomp" and token.head.lemma_.lower() in _LINKING


def _verbal(token: Any) -> bool:
    """A verb, or an inflected word the tagger mistook for an adjective or a name but the parse
    gives a subject or object, and no copula ("Palestinians protested", "jets struck a house")."""
    pos = token.pos_
    if pos == "VERB":
        return True
    if pos not in _MISTAGGED or not token.is_lower or not token.is_alpha or token.dep_ not in _CLAUSE_DEPS:
        return False
    children = {c.dep_ for c in token.children}
    if "cop" in children or not children & _VERB_DEPENDENTS:
        return False
    if _state(token):
        return False
    return simplemma.lemmatize(token.lower_, lang="en").lower() != token.lower_


# The writer, when no quotation gives the words to someone else.
_FIRST_PERSON: Final = frozenset({"i", "me", "myself"})
_QUOTE_MARKS: Final = frozenset('"\u201c\u201d\u00ab\u00bb')


def find_event_mentions(article: str, doc: Any, text: str | None = None) -> list[EventMention]:
    """Every event mention of one analysed article, in text order. ``text`` is the text ``doc``
    was analysed from, when the caller has it (``doc.text`` is rebuilt from the tokens on every call)."""
    found: list[tuple[Any, str, str, str, bool, Any, str]] = []
    written = doc.text if text is None else text
    parts = doc.to_array("POS").tolist()  # each word's part of speech, read at once: most words are none of these
    for sentence in doc.sents:
        if _headline(written[sentence.start_char:sentence.end_char]):
            continue  # a headline in title case: the body reports its events, in words the parser reads
        for i in range(sentence.start, sentence.end):
            if parts[i] not in _CANDIDATE_PARTS:
                continue
            token = doc[i]
            pos = token.pos_  # read once: each read looks the tag's string up
            if pos == "VERB" and (describes_a_noun(token, sentence) or _state(token)):
                continue  # "the detained journalist", "a retired Indian diplomat": what someone is, not an event
            if pos == "VERB" or pos in _MISTAGGED and _verbal(token):
                if token.dep_ == "conj" and token.head.pos_ == "ADJ" and token.tag_ in ("VBG", "VBN"):
                    continue  # "significant and disturbing": an adjective
                code, evidence = _verb_code(doc, token, sentence.end)
                if code is not None and token.lower_.startswith(_WARNINGS) and not _threat_said(token):
                    continue  # "warned that Trump had elevated the dangers": a statement, not a threat
                if code is not None and token.lower_.startswith(_WARNINGS) and _urged(token):
                    code = "020"  # "warned state officials to boost their security": advice, an appeal, no threat
                if code is not None and code.startswith("08") and plover_of(code) == ("CONCEDE", "") \
                        and _says_a_clause(token):
                    continue  # "conceded the situation is deeply regrettable": an admission, said
                typed = plover_of(code)
                if typed is not None and token.lower_[:2] in _THEFT_STARTS and lemma_of(token, _THEFT) in _THEFT:
                    typed = ("CRIME", "")  # "thieves stole 40 rifles": a crime, not a seizure by an authority
                elif token.lower_.startswith("put") and doc[token.i + 1:token.i + 3].text.lower() == "to death":
                    code, typed = "180", ("ASSAULT", "")  # "was put to death in the electric chair": an execution
                if typed is not None and code is not None:
                    # "the targeted killing of ...", "Soleimani's killing": a gerund after a determiner is a noun
                    gerund = token.tag_ == "VBG" and (any(
                        doc[i].pos_ == "DET" for i in range(max(sentence.start, token.i - 2), token.i))
                        or undergone(token) and any(c.dep_ == "nmod:poss" for c in token.lefts))
                    found.append((token, typed[0], typed[1], code, gerund, sentence, evidence))
            elif (pos == "NOUN" and token.lower_[:4] in _NOUN_PREFIXES
                  and (name := lemma_of(token, EVENT_NOUNS)) in EVENT_NOUNS and not token.is_title
                  and (token.tag_ != "NNS" or name in _PLURAL_EVENTS) and not _modifier(token)
                  and (name != "appeal" or any(c.dep_ == "acl" or any(g.dep_ == "case" and g.lower_ in _APPEALED
                                                                       for g in c.children) for c in token.children)
                       or token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _APPEALED)):
                # an appeal asks for something ("an appeal for calm"); "Trump's appeal" among voters asks nothing
                # not a modifier ("attack ads", "arrest warrant"), nor a kind ("a new line of attack")
                kind, mode = EVENT_NOUNS[name]
                if kind == "ASSAULT" and any(c.lower_ in ("air", "aerial", "drone") for c in token.lefts):
                    mode = "aerial"  # "air strike", "drone attack"
                elif name == "strike" and labour_strike(token):
                    kind, mode = "PROTEST", "strike"  # "a planned 48-hour strike at UK airports", "hunger strike"
                found.append((token, kind, mode, "", True, sentence, "noun"))
    types = {token.i: kind for token, kind, *_ in found}
    sentence_discards, story_discards = discards()
    lowered = written.lower() if found else ""
    whole = story_discards.search(lowered) if found else None
    discarded: dict[int, str] = {}
    known: dict[str, bool] = {}

    def race() -> bool:  # read once, and only when a sentence asks
        if "race" not in known:
            known["race"] = race_article(lowered)
        return known["race"]

    def sport() -> bool:
        if "sport" not in known:
            known["sport"] = sport_article(lowered)
        return known["sport"]

    mentions = []
    storms: set[str] | None = None  # the names the article gives storms ("Hurricane Mitch"), read when asked
    for token, kind, mode, code, nominal, sentence, evidence in found:
        governed = governing_modality(token, types)
        modality, embedded = governed.kind, governed.embedded
        negated = modality == "negated" or bool(negated_at(doc, token, sentence))
        if modality == "negated":
            modality = "asserted"
        if modality == "asserted" and not nominal and code[:2] in _DONE_ROOTS and _habitual(token, sentence):
            modality = "generic"  # "thug Putin kills journalists": what is done, not an event
        if modality == "asserted" and not nominal and _stance_described(doc, token):
            modality = "generic"  # "MAB, which opposed the war in Iraq, urged ...": who MAB is, not an event
        source, target = parse_arguments(token, nominal)
        source_span = phrase(doc, source) if source is not None else None
        target_span = phrase(doc, target) if target is not None else None
        if not nominal and _active_finite(doc, token, sentence) and not (
                target is not None and target.dep_ == "nsubj" and target.head.i == token.i):  # a passive, by the parse
            source_span = source_span or surface_source(doc, token, sentence)
            target_span = target_span or surface_target(doc, token, sentence)
        if nominal:
            target_span = nominal_target(doc, token, sentence) or target_span
        if not nominal and target_span is not None and not names_actor(doc, target_span) \
                and (done_to := recipient(doc, token, kind == "ASSAULT")) is not None:
            target_span = done_to  # "fired two shells at Seoul", "restore ties with Gondor": Seoul, Gondor
        if source_span is not None and storms is None:
            storms = storm_names(written)
        stormy = source_span is not None and bool(storms and storms.intersection(source_span.text.split()[-1:]))
        if stormy or source_span is not None and _NO_ACTOR.search(source_span.text) \
                and not names_weapon(doc, source_span) or nominal is False and any(
                c.dep_ == "obl" and _no_actor_cause(c) for c in token.children):
            continue  # "Hurricane George destroyed the clinic", "killed in a helicopter crash": no actor did it
        also = tuple(phrase(doc, c) for c in target.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")
                     and c.idx >= (target_span.end if target_span else 0) and not _apposed(doc, target, c)
                     ) if target is not None else ()
        if target_span is not None and not also and (more := coordinated(doc, target_span.end, sentence)):
            also = (more,)
        if sentence.start not in discarded:
            hit = whole or sentence_discards.search(lowered, sentence.start_char, sentence.end_char)
            discarded[sentence.start] = hit[0] if hit else ""
        # a noun's attacker, else who speaks of the attack ("Mr Clarke dismissed the latest Tory attack")
        speaker = argument_root(doc, source_span) or (clause_subject(token) if nominal else None)
        if kind == "ASSAULT" and not nominal and speaker is not None and lemma_of(token, _ENCIRCLING) in _ENCIRCLING \
                and lemma_of(speaker, _CIVILIANS) in _CIVILIANS:
            kind, mode, code = "PROTEST", "obstruct", "1441"  # "thousands of teachers surrounded the Statehouse"
        if kind == "ASSAULT" and verbal_attack(token, speaker, weapon_head,
                                               argument_root(doc, target_span) if nominal else None):
            kind, mode, code = "DISAPPROVE", "", "111"  # "Trump attacked Clinton's record", "her attack on Sanders"
        elif (kind in ("ASSAULT", "PROTEST", "COERCE") or token.lower_.startswith("campaign")) \
                and (not nominal or token.lower_ in RALLIES) \
                and contest_sense(token, weapon_head, race(), rally=token.lower_ in RALLIES or kind == "PROTEST"
                                  and any(c.dep_ == "obj" and c.lower_ in RALLIES for c in token.children)):
            continue  # "clobbered her in New Hampshire", "campaigning against Romney", "Sanders's rally": a race
        elif nominal and speech_venue(token):
            continue  # "Trump said at a rally in Monroe": where a politician spoke
        elif any(c.lower_ in _WINNERS for c in token.children) and contest_sense(token, weapon_head, race()):
            continue  # "was declared the winner in New Hampshire": a race's result
        elif kind not in _OFF_THE_FIELD and sport() and (contest_sense(token, weapon_head, True)
                                                         or not nominal and game_result(token)):
            continue  # "Drake had defeated Bradley", "broke away from Northern Iowa", "shot their side to a 2-0 win"
        elif kind == "ASSAULT" and not nominal and filmed(token, weapon_head):
            continue  # "Hotel Rwanda was shot mostly in South Africa": a camera's
        elif kind not in ("ASSAULT", "PROTEST", "COERCE") and not nominal and race() and any(
                c.dep_ == "obj" and c.lower_ in RALLIES for c in token.children):
            continue  # "had canceled a joint rally with Obama": the campaign's
        if source_span is not None and source_span.text.lower() in _FIRST_PERSON \
                and not _QUOTE_MARKS.intersection(written[sentence.start_char:sentence.end_char]):
            continue  # "Last week, I caught Larry King on his perch": the writer's own doing, outside any quotation
        if ordinary_sense(token, kind, nominal, target_span, evidence):
            continue  # published, a job left, an interview, a meeting with voters, a campaign trip
        actor_or_thing = source_kind(doc, source_span)
        if evidence == "verb" and harm_without_doer(token, actor_or_thing[0], source_span is not None
                                                    and names_weapon(doc, source_span), source_span is not None):
            continue  # "hurt in the game", "the scandal hurt his campaign": harm nobody is said to do
        mentions.append(EventMention(
            article, TextSpan(token.idx, token.idx + len(token), token.text), lemma_of(token, ()), kind, mode, code,
            modality, negated, embedded, (sentence.start_char, sentence.end_char),
            source_span, target_span, also_targets=also, evidence=evidence,
            source_is_actor=actor_or_thing[0], source_is_thing=actor_or_thing[1], discarded=discarded[sentence.start],
            target_is_actor=names_actor(doc, target_span) or any(names_actor(doc, t) for t in also)))
    return mentions


def main_mentions(mentions: Iterable[EventMention]) -> list[EventMention]:
    """The mentions not embedded in another's complement (what each sentence reports as its own event)."""
    return [m for m in mentions if not m.embedded]


def _depth(doc: Any, position: int) -> int:
    token = doc.char_span(position, position + 1, alignment_mode="expand")[0]
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def sentence_mains(mentions: Sequence[EventMention], doc: Any) -> set[int]:
    """The trigger offsets of each sentence's main mention (see :func:`main_mention`)."""
    by_sentence: dict[tuple[int, int], list[EventMention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    mains = (main_mention(group, doc) for group in by_sentence.values())
    return {m.trigger.start for m in mains if m is not None}


def main_mention(mentions: Sequence[EventMention], doc: Any) -> EventMention | None:
    """The one event a sentence is about: the unembedded mention highest in the parse (first among equals)."""
    candidates = main_mentions(mentions) or list(mentions)
    if not candidates:
        return None
    return min(candidates, key=lambda m: (_depth(doc, m.trigger.start), m.trigger.start))
