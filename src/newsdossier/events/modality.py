"""Whether a clause reports what happened: what the words governing it make of it.

An event trigger ("strike") and a dated clause ("... gone through last year") are asserted,
unless the words that govern them say otherwise: a modal ("could strike") or "if" makes them
``possible``; a verb of threat, demand, promise or denial whose complement they are makes them
what that verb says ("threatened to strike"), and ``embedded`` in its own event; "not" negates
them. :func:`governing_modality` is the event extractor's reading; :func:`dated_clause_modality`
reads the clause a time expression dates, with the finer kinds a timeline needs (``expected``
for "will", ``hypothetical`` for "if" and "would have").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from newsdossier.events.model import EventMention
from newsdossier.timex.model import TimeExpression

__all__ = ["LEFT_OUT", "Modality", "dated_clause_modality", "governing_modality", "negated_at",
           "timeline_modality", "trigger_types"]

# What a governing verb's event makes of the event in its complement.
_GOVERNED: Final = {"THREATEN": "threatened", "DEMAND": "demanded", "AGREE": "intended", "REJECT": "denied",
                    "CONSULT": "intended", "SUPPORT": "intended"}
_DENYING: Final = frozenset({"deny", "refute", "dismiss"})
# What introduces the grounds of an accusation ("accused X of using ...", "blamed X for attacking").
_GROUNDS: Final = frozenset({"of", "for", "with"})
# A gerund after these is what something is about ("on arresting the terrorists"), not something done ...
_TOPIC_CASES: Final = frozenset({"on", "about", "towards", "toward"})
# ... unless they are a particle of going on ("kept on shooting", "carried on attacking").
# Verbs of choosing: a gerund after "against" one of them was chosen not to happen.
_CHOOSING: Final = frozenset({"decide", "vote", "opt", "choose", "rule", "advise", "argue", "recommend", "warn",
                              "caution", "counsel"})
_GOING_ON: Final = frozenset({"keep", "carry", "go", "continue", "press", "push", "move", "get"})
# (and what is barred or banned is not done: "a policy that barred U.S. financial aid to ...")
_PREVENTING: Final = frozenset({"prevent", "foil", "thwart", "avert", "stop", "block", "bar", "ban", "forbid",
                                "prohibit", "outlaw"})
# Adjectives that make an event noun hypothetical ("a possible strike", "the planned attack").
_HYPOTHETICAL: Final = frozenset({"possible", "potential", "planned", "proposed", "threatened", "alleged",
                                  "expected", "imminent", "future", "feared", "rumoured", "rumored", "slated",
                                  "scheduled", "upcoming", "intended", "prospective"})
_MODALS: Final = frozenset({"will", "would", "could", "can", "may", "might", "should", "shall", "must", "'ll", "’ll",
                            "wo"})
_PLANNING: Final = frozenset({"plan", "intend", "prepare", "seek", "try", "attempt", "want", "hope", "aim", "vow",
                              "pledge", "promise", "expect", "consider", "propose", "offer", "decide"})
# The plans and vows of :data:`_PLANNING` as the tagger may miss them before "to".
_PLANNED_FORMS: Final = frozenset({"plans", "planned", "vowed", "vows", "pledged", "promised", "intends", "intended",
                                   "wants", "wanted", "hopes", "hoped", "sought", "seeks", "tried", "tries"})
# Nouns whose "that" clause is an idea, not a report of what happened ("the idea that he had struck a deal").
_HEARSAY: Final = frozenset({"idea", "notion", "suggestion", "speculation", "rumor", "rumour", "possibility",
                             "prospect", "theory", "claim", "allegation", "fear", "hope", "suspicion", "assumption",
                             "belief", "impression", "perception", "accusation", "assertion", "contention", "charge"})
# Reports that are not confirmed ("unconfirmed reports that Iran had sent troops").
_UNCONFIRMED: Final = frozenset({"unconfirmed", "unverified", "uncorroborated", "unsubstantiated", "conflicting"})
_NEGATIONS: Final = frozenset({"not", "n't", "never", "no"})
_NOBODY: Final = frozenset({"nobody", "noone", "none", "neither"})
# Words whose complement is only likely or expected ("is likely to", "are expected to").
_LIKELY: Final = frozenset({"likely", "unlikely", "expect", "expected", "set", "due", "poised", "ready", "able",
                            "possible", "could", "threat", "risk", "supposed", "willing", "prepared"})
# Nouns whose infinitive is something agreed, planned or tried, not yet done ("an agreement to acquire the company",
# "a bid to take over", "plans to build").
# Nouns whose "that" clause is asked for, not done ("a request that the United States withdraw").
_ASKING_NOUNS: Final = frozenset({"request", "demand", "call", "appeal", "plea", "ultimatum", "order", "insistence",
                                  "proposal", "suggestion", "recommendation", "motion", "resolution"})
# Nouns whose object after a colon is aimed at, not done ("his overarching aims: removing the United States").
_AIMS: Final = frozenset({"aim", "goal", "objective", "ambition", "wish", "hope", "dream", "purpose", "mission",
                          "priority", "target", "plan", "intention"})
_PLANNED_NOUNS: Final = frozenset({"agreement", "plan", "deal", "bid", "offer", "proposal", "attempt", "effort",
                                   "decision", "promise", "pledge", "commitment", "intention", "intent", "move",
                                   "push", "drive", "scheme", "vow"})
_CONDITIONS: Final = frozenset({"if", "unless", "whether"})
# What a denial or a prevention governs: its complement or object ("denied that it attacked",
# "prevented an attack", "the attack was prevented"), not a clause beside it ("stopped the car
# and arrested the driver", "was stopped for speeding").
_DENIED_LINKS: Final = frozenset({"xcomp", "ccomp", "obj", "nsubj:pass"})

# The timeline's finer reading of "possible": what is scheduled or stated as the future is
# ``expected``; a condition or a modal perfect ("would have been delivered") is ``hypothetical``.
_EXPECTING: Final = frozenset({"will", "shall", "'ll", "wo", "scheduled", "slated", "due", "set"})
# What a timeline leaves out: clauses that say the thing did not, or only would, happen, and a
# date that is only the point a superlative is measured from ("its lowest level since 2003"
# reports nothing of 2003). What is expected, possible, intended, denied or prevented stays,
# labelled: a scheduled vote belongs in a timeline, and "foiled an attack on Friday" dates the foiling.
LEFT_OUT: Final = frozenset({"hypothetical", "negated", "comparison"})
_SUPERLATIVES: Final = frozenset({"first", "most", "least", "best", "worst"})


@dataclass(frozen=True, slots=True)
class Modality:
    """``kind``: asserted, or what the governing words make of the clause; ``cue``: the word that
    decided it ("would", "if", "threatened"; "" when asserted); ``embedded``: inside another
    event's complement."""

    kind: str
    cue: str = ""
    embedded: bool = False


_ASSERTED: Final = Modality("asserted")


def negated_at(doc: Any, token: Any, sentence: Any) -> str:
    """The negation of ``token`` ("not", "never"; its own dependent, or one of the two words
    before it; a subject that is nobody: "no one released"), or ""."""
    for child in token.children:
        if child.lower_ in _NEGATIONS and child.dep_ in ("advmod", "neg", "det"):
            return child.text
        if child.dep_ in ("nsubj", "nsubj:pass") and (child.lower_ in _NOBODY or child.lower_ == "one" and any(
                g.lower_ == "no" for g in child.children)):
            return child.text  # "nobody released ...", "no one from the department released ..."
    start = sentence.start
    while start > 0 and start > token.i - 12 and doc[start - 1].text not in (".", "!", "?") \
            and not doc[start - 1].is_space:
        start -= 1  # the sentence as written, where the parse split it ("No one | from the Department released")
    opening = [t.lower_ for t in doc[start:min(start + 2, len(doc))]]
    if (opening[:1] and opening[0] in _NOBODY or opening == ["no", "one"]) and not any(
            t.pos_ in ("VERB", "AUX") for t in doc[start:token.i]):
        return " ".join(opening) if opening[0] == "no" else opening[0]  # the same, whatever the parse made of it
    return next((doc[i].text for i in range(max(sentence.start, token.i - 2), token.i)
                 if doc[i].lower_ in _NEGATIONS), "")


def _own_modality(token: Any) -> Modality | None:
    """What a verb's own words make of it: a modal or "if" makes it possible, and so does "due
    to", "set to", "likely to" just before it, whatever the parse made of them; "is to halt" is
    only intended."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].lower_ == "to":
        before = doc[token.i - 2]
        if before.lower_ in _LIKELY or before.lower_ in ("scheduled", "slated"):
            return Modality("possible", before.text)
        if before.lower_.startswith("threat"):
            return Modality("threatened", before.text, True)  # "several threatened to", whatever the tagger said
        if before.pos_ != "VERB" and before.lower_ in _PLANNED_FORMS:
            return Modality("intended", before.text, True)
        if before.lemma_.lower() == "be" or before.lower_ in ("is", "are", "was", "were"):
            return Modality("intended", f"{before.text} to")
    if token.dep_ == "ccomp" and any(c.dep_ in ("aux", "aux:pass") and c.lower_ == "be" for c in token.children) \
            and not any(c.dep_ in ("aux", "aux:pass", "mark") and (c.lower_ in _MODALS or c.lower_ == "to")
                        for c in token.children) \
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
        return Modality("demanded", "be", True)  # "recommend that its dividend be reinstated": a subjunctive
    for child in token.children:
        if child.dep_ in ("aux", "aux:pass") and child.lower_ in _MODALS:
            return Modality("possible", child.text)
        if child.dep_ == "mark" and child.lower_ in _CONDITIONS:
            return Modality("possible", child.text)
        if child.dep_ == "advcl" and child.i < token.i and any(
                g.dep_ == "mark" and g.lower_ == "if" for g in child.children):
            return Modality("possible", "if")  # "if its claims are true, North Korea is violating ...": only then
    return None


def _idea_of(token: Any) -> Any | None:
    """The noun whose "that" clause ``token`` heads, when the noun makes it an idea (:data:`_HEARSAY`):
    the word right before the clause's "that" (or before a date between them), whatever the parse made of it."""
    doc = token.doc
    subjects = sum(c.dep_ in ("nsubj", "nsubj:pass") for c in token.children)
    passive = any(c.dep_ == "nsubj:pass" for c in token.children)
    for child in token.children:  # the parse may take the "that" for a subject beside the clause's own, or for
        # the object of a passive verb, which has none
        if (child.dep_ == "mark" or child.dep_ in ("nsubj", "nsubj:pass") and subjects > 1
                or child.dep_ == "obj" and passive) \
                and child.lower_ == "that" \
                and 0 < child.i < token.i:
            at = child.i - 1
            if at >= 2 and (doc[at].like_num or doc[at].ent_type_ == "DATE") and doc[at - 1].lower_ in ("in", "on"):
                at -= 2  # "leveled charges in 1993 that he had been abused"
            noun = doc[at]
            # the tagger may take "reports" for a verb; a modifier or determiner before it says it is not
            nominal = noun.pos_ == "NOUN" or any(c.dep_ in ("amod", "det") for c in noun.lefts)
            names = (noun.lemma_.lower(), noun.lower_.removesuffix("s"))
            if nominal and (any(n in _HEARSAY for n in names) or "report" in names and any(
                    c.lower_ in _UNCONFIRMED for c in noun.lefts)):
                return noun
    return None


def _asked_that(token: Any) -> Any | None:
    """The noun of asking whose "that" clause ``token`` heads ("a request that the United States withdraw its
    forces", "the demand that he resign"), whatever the parse called the clause."""
    head = token.head
    if token.dep_ in ("acl", "acl:relcl", "ccomp") and head.i < token.i and head.pos_ == "NOUN" \
            and head.lemma_.lower() in _ASKING_NOUNS \
            and any(c.lower_ == "that" for c in token.children if c.i < token.i) \
            and any(c.dep_.startswith("nsubj") and c.lower_ not in ("that", "which", "who") for c in token.children):
        return head  # (a clause with a subject of its own: not "a resolution that condemned the attack")
    return None


def governing_modality(token: Any, types: dict[int, str]) -> Modality:
    """What the words that govern ``token`` make of it: its own modal (or, for a noun, "a
    possible strike"), then up through the verbs whose complement it is (or, for a noun, the
    verb it is the subject or object of); "prevented pirates from attacking" is prevented.
    ``types``: the PLOVER type of each event trigger of the document, by token index."""
    if (own := _own_modality(token)) is not None:
        return own
    if token.pos_ == "NOUN" and (adjective := next(  # "a planned strike", whatever the tagger made of "planned"
            (c for c in token.children if c.dep_ in ("amod", "compound") and c.lower_ in _HYPOTHETICAL),
            None)) is not None:
        return Modality("possible", adjective.text)
    if token.pos_ == "NOUN" and (adjective := next(  # "a foiled attack", "a policy that barred U.S. financial aid"
            (c for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i
             and c.tag_ in ("VBN", "VBD", "JJ") and c.lemma_.lower() in _PREVENTING), None)) is not None:
        return Modality("prevented", adjective.text, True)
    doc = token.doc
    if token.tag_ == "VBG" and token.i > 1 and doc[token.i - 1].lower_ == "from" and (verb := next(
            (doc[i] for i in range(max(0, token.i - 5), token.i - 1)
             if doc[i].lemma_.lower() in _PREVENTING or doc[i].lower_.startswith(("prevent", "stopp", "block"))),
            None)) is not None:
        return Modality("prevented", verb.text, True)  # "prevented pirates from attacking", whatever the parse made of it
    if token.tag_ == "VBG" and token.i > 1 and doc[token.i - 1].lower_ == "against" \
            and doc[token.i - 2].lemma_.lower() in _CHOOSING:
        # "Arafat had decided against flying to the West Bank", "voted against sending troops": not done
        return Modality("negated", f"{doc[token.i - 2].text} against", True)
    if token.tag_ == "VBG" and token.i > 1 and doc[token.i - 1].lower_ in _TOPIC_CASES \
            and doc[token.i - 2].lemma_.lower() not in _GOING_ON and not any(
                c.dep_.startswith("nsubj") for c in token.children):
        # "will stand together on arresting the terrorists", "talks about ending the war": a topic, not a deed
        return Modality("possible", f"{doc[token.i - 1].text} {token.text}", True)
    if token.dep_ == "advcl" and token.head.i != token.i and any(
            c.dep_ == "mark" and c.lower_ == "to" for c in token.children):
        return Modality("intended", "to", True)  # a purpose: "took off with fuel to fly to Beijing"
    if token.tag_ == "VBG" and token.i > 1 and doc[token.i - 1].text == ":" \
            and doc[token.i - 2].lemma_.lower() in _AIMS:
        return Modality("intended", doc[token.i - 2].text, True)  # "one of his overarching aims: removing the US"
    if (asked := _asked_that(token)) is not None:
        return Modality("demanded", asked.text, True)  # "the government's expected request that the US withdraw"
    if (idea := _idea_of(token)) is not None:
        return Modality("possible", idea.text)  # "the idea that he had struck a deal"
    head, child = token.head, token
    for _ in range(4):
        if head.i == child.i:
            break
        if child.dep_ == "csubj" and child.tag_ == "VBG" and not any(
                c.dep_ in ("nsubj", "nmod:poss") for c in child.children):
            return Modality("possible", child.text)  # "increasing bombing is not going to ...": a generality
        nominal_link = child.pos_ == "NOUN" and child.dep_ in ("nsubj", "nsubj:pass", "obj", "obl", "nmod")
        if child.dep_ not in ("xcomp", "ccomp", "acl", "advcl", "conj", "appos", "obl", "nmod") and not nominal_link:
            break
        if child.dep_ == "conj":
            # A conjunct shares its first conjunct's auxiliaries and governor, not its meaning
            # ("had expected a profit, and the stock was down").
            if (own := _own_modality(head)) is not None:
                return own
            child, head = head, head.head
            continue
        lemma = head.lemma_.lower()
        if lemma in _DENYING and child.dep_ in _DENIED_LINKS:
            return Modality("denied", head.text, True)
        if lemma in _PREVENTING and child.dep_ in _DENIED_LINKS:
            return Modality("prevented", head.text, True)
        if head.i in types and child.dep_ in ("xcomp", "ccomp", "obj", "acl"):
            kind = _GOVERNED.get(types[head.i], "asserted")
            return Modality(kind, "" if kind == "asserted" else head.text, True)
        if head.i in types and types[head.i] == "DISAPPROVE" and child.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in _GROUNDS for c in child.children):
            return Modality("asserted", "", True)  # "accused China of using coercion to impose its will": the charge
        if lemma in _PLANNING and child.dep_ in ("xcomp", "ccomp", "obj"):
            return Modality("intended", head.text, True)
        if head.pos_ == "NOUN" and child.dep_ == "acl" and child.i > head.i and lemma in _PLANNED_NOUNS and any(
                c.dep_ == "mark" and c.lower_ == "to" for c in child.children):
            return Modality("intended", head.text, True)  # "announced an agreement to acquire the company in January"
        if lemma in _LIKELY:
            return Modality("possible", head.text)
        if (own := _own_modality(head)) is not None:
            return own
        if nominal_link and (negation := next(
                (c for c in head.children if c.dep_ in ("advmod", "neg") and c.lower_ in _NEGATIONS), None)):
            return Modality("negated", negation.text)
        child, head = head, head.head
    return _ASSERTED


# How a time expression inside a noun phrase, before its noun, dates that noun ("the 2007
# ceremony", "last year's crash"), by the relation's universal part: the noun's event is
# presupposed, not governed by the clause around it ("wants to see a repeat of last year's
# rant"). After the noun ("the shelves in 2005") the parse's attachment is too often wrong to
# trust: the clause decides.
_NOUN_TIME_LINKS: Final = frozenset({"nmod", "compound", "amod", "nummod"})
# How it hangs on the clause it dates ("delivered by 2011", "on Monday", "last year", "obl:tmod"),
# climbed through, and through the noun it follows, to the verb (or copular predicate) of its clause.
_CLAUSE_TIME_LINKS: Final = frozenset({"obl", "npadvmod", "advmod", "dep", "nmod", "compound", "amod", "nummod",
                                       "appos", "case", "det", "fixed", "flat", "obj", "nsubj", "iobj"})
# Complements a finite past verb can be in and still be what its governor makes of it ("denied that
# the raid happened on Sunday"); in any other relation it states its own clause, whatever the parse
# hung it from ("X will host next year, organisers said on Friday").
_COMPLEMENTS: Final = frozenset({"ccomp", "xcomp"})
_EXCEPT_UNTIL: Final = frozenset({"until", "till", "before"})
# A dated verb or adjective that itself says the thing is only expected ("is expected in 2006",
# "is due in March", "is scheduled for Tuesday"; not in the past: "was set in 1998").
_EXPECTED_SELF: Final = frozenset({"expect", "schedule", "plan", "slate", "forecast", "predict", "project", "due",
                                   "set", "likely"})  # "is likely on Monday" is only possible


def _dated_word(doc: Any, start: int, end: int) -> tuple[Any, bool] | None:
    """(the word a time expression at [start, end) dates, whether it is a noun whose own time it
    is): the verb or copular predicate of its clause, or the noun it comes before."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span.root
    if token.head.i > token.i and token.head.pos_ in ("NOUN", "PROPN") \
            and (token.dep_.split(":")[0] in _NOUN_TIME_LINKS or token.dep_ == "nmod:poss"):
        return token.head, True
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i \
                or token.dep_.split(":")[0] not in _CLAUSE_TIME_LINKS:
            return token, False
        token = token.head
    return token, False


def _would_have(token: Any) -> str:
    """"would" of "would have been delivered" (a modal perfect: what did not happen), or "". "Might
    have", "could have" are guesses about what did (``possible``)."""
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "aux:pass") and c.i < token.i]
    modal = next((c for c in auxiliaries if c.lower_ in ("would", "'d")), None)
    if modal is not None and any(c.lower_ in ("have", "'ve") for c in auxiliaries) and token.tag_ == "VBN":
        return modal.text
    return ""


def _not_until(doc: Any, start: int) -> bool:
    """Whether a negation is "not ... until" the expression: the thing happened then ("could not
    be rescued until the next morning")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and span[0].i > 0 and doc[span[0].i - 1].lower_ in _EXCEPT_UNTIL


def _if_clause(doc: Any, start: int) -> str:
    """"If" (or "unless") when the expression at ``start`` sits in a clause that opens with it, by the
    words alone: the parse of a conditional is often broken ("If had the sale gone through last
    year, ...")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return ""
    i = span[0].i
    sentence_start = span[0].sent.start
    while i > sentence_start and doc[i - 1].text not in (",", ";", ":", "—", "–"):
        i -= 1
    opening = [t for t in doc[i:min(i + 2, span[0].i)] if t.lower_ not in ("and", "but", "or", "even")]
    return opening[0].text if opening and opening[0].lower_ in ("if", "unless") else ""


def _past_auxiliary(word: Any) -> bool:
    """Whether a past form of "be" or "have" goes with ``word`` ("was set", "were able to", "had been due")."""
    doc = word.doc
    near = [c for c in word.children if c.dep_ in ("aux", "aux:pass", "cop")]
    near += [doc[i] for i in range(max(word.sent.start, word.i - 3), word.i)]
    return any(t.lower_ in ("was", "were", "had", "been") for t in near)


def _superlative_since(doc: Any, start: int) -> bool:
    """Whether the expression at ``start`` follows "since" after a superlative of its clause ("its
    lowest level since 2003", "the first time since 2001"), by the words: the parse of such
    phrases is often broken."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span[0].i == 0 or doc[span[0].i - 1].lower_ != "since":
        return False
    # the superlative must be in the phrase "since" closes, no verb between: not "Most banks have cut
    # jobs since 2008", "The best players left since 2006", "at least since 2005"; a gerund is no
    # break ("its worst showing since 1995")
    i = span[0].i - 2
    while i >= max(span[0].sent.start, span[0].i - 8) and (doc[i].pos_ not in ("VERB", "AUX") or doc[i].tag_ == "VBG"):
        word = doc[i]
        if (word.tag_ in ("JJS", "RBS") or word.lower_ in _SUPERLATIVES) \
                and not (word.lower_ in ("least", "most") and i > 0 and doc[i - 1].lower_ == "at"):
            return True
        i -= 1
    return False


def dated_clause_modality(doc: Any, start: int, end: int, types: dict[int, str] | None = None) -> Modality:
    """Whether the clause that the time expression at [start, end) dates reports what happened:
    ``asserted``; ``expected`` ("will", "is scheduled to"), ``possible`` ("may", "might have",
    "whether"), ``intended``, ``threatened``, ``demanded``, ``denied`` or ``prevented`` (kept on a
    timeline, labelled); or :data:`LEFT_OUT`'s ``hypothetical`` ("if", "would have been"), ``negated`` and
    ``comparison`` ("its lowest level since 2003"). A noun's own time ("the 2007 ceremony") is presupposed: asserted. ``types`` as
    for :func:`governing_modality`."""
    found = _dated_word(doc, start, end)
    if found is None:
        return _ASSERTED
    if _superlative_since(doc, start):
        return Modality("comparison", "since")
    word, nominal = found
    if nominal:
        return _ASSERTED
    if (negation := negated_at(doc, word, word.sent)) and not _not_until(doc, start):
        return Modality("negated", negation)
    if counterfactual := _would_have(word):
        return Modality("hypothetical", f"{counterfactual} have")
    if condition := _if_clause(doc, start):
        return Modality("hypothetical", condition)
    if word.lemma_.lower() in _EXPECTED_SELF and not _past_auxiliary(word) and (word.pos_ == "ADJ" or any(
            c.dep_ == "aux:pass" for c in word.children)):  # "is expected in 2006"; not "was set in 1998"
        return Modality("possible" if word.lower_ == "likely" else "expected", word.text)
    own = _own_modality(word)
    if own is None and (word.tag_ == "VBD" and word.dep_ not in _COMPLEMENTS
                        or word.tag_ == "VBN" and word.dep_ == "acl"):
        return _ASSERTED  # "an accord signed yesterday" is presupposed, whatever governs the accord
    found_modality = own or governing_modality(word, types or {})
    if found_modality.kind == "possible" and found_modality.cue.lower() == "able" and _past_auxiliary(word):
        return _ASSERTED  # "was able to raise $2bn in 2008" did
    if found_modality.kind == "possible":
        cue = found_modality.cue.lower()
        if cue in ("if", "unless"):
            return Modality("hypothetical", found_modality.cue, found_modality.embedded)
        if cue in _EXPECTING:
            return Modality("expected", found_modality.cue, found_modality.embedded)
    return found_modality


def timeline_modality(doc: Any, expression: TimeExpression, published: date | None,
                      types: dict[int, str] | None = None) -> Modality:
    """The modality a timeline gives the sentence ``expression`` dates: the clause's
    (:func:`dated_clause_modality`), and ``expected`` for a plain statement of a time after its
    article's publication date (written before it happened, it cannot report it)."""
    read = dated_clause_modality(doc, expression.start, expression.end, types)
    if read.kind == "asserted" and published is not None and expression.first is not None \
            and expression.first > published:
        return Modality("expected")
    if read.kind == "asserted" and published is not None and expression.text.lower().startswith("later this ") \
            and expression.last is not None and expression.last >= published:
        # "would recommend ... that its dividend be reinstated later this year": the rest of the period after
        # the article was written, whatever verb the parse hung it on
        return Modality("expected", expression.text.split()[0])
    return read


def trigger_types(doc: Any, mentions: Iterable[EventMention]) -> dict[int, str]:
    """The PLOVER type of each event trigger of ``doc``, by token index (``types`` of the functions above)."""
    types = {}
    for mention in mentions:
        span = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
        if span is not None and len(span):
            types[span[0].i] = mention.type
    return types
