"""When and where each event mention happened: the time expression and the place the parse
attaches to its trigger, else the sentence's, else the article's date and dateline.

A time expression or a place is attached when the words climb through the parse (at most three
heads up) to the trigger or, for a noun trigger that is the subject or object of a light verb
("the strike took place on ...", "carried out an attack in ..."), to that verb, without passing
another trigger first; of several, the closest in the parse, then in the words. A day the text names
but gives no calendar for ("appeared in court Friday" in an undated article) leaves the event undated
rather than letting another thing's time date it. A time after the verb of another clause in the words
("exported ... via NAFTA, an agreement signed into law in 1994") is that verb's, whatever the parse
hung it on; a time that qualifies a noun ("a 2012 suit", "the March 11, 2005, incident") is that
noun's, unless the event takes part in it ("attended the 2013 summit"). Otherwise a sentence's only
dated expression dates its main event (the one highest in the parse, not one inside a relative
clause the expression is outside of); a place named in the sentence (not as a subject, and in the event's own
clause: not "born in Braunau" for an annexation) places its events;
and what is left takes the dateline's place. Without a date of its own, the main event of one of
the article's first two sentences (the lead) is dated by publication, when its sentence names no
time at all: news leads report what happened in the last days, so the week up to publication is
as precise as that can honestly be. A time expression after "since", "until", "before", "after",
"by" or "prior to" bounds an event without dating it, and dates none. The time and place after
the deed an accusation or a sentence names are the deed's ("accused of shooting four people in
Brussels in May 2014" is no accusation dated May 2014). Any other mention without a
date of its own has no date: a noun ("the assassination") or a verb deeper in an article often
reports something long past. A verb without a date of its own takes the attached date of the event
that is its subject or its "when" clause ("A bomb explosion on Friday killed seven people, a newspaper
said on Saturday": Friday); the day a report was made never climbs past a word of saying. An event done
to a place ("took control of Arbil") is not placed at the dateline, where the reporter files from. A
mention dated after the article's publication has not happened yet ("next week's meeting"): expected.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from datetime import date, timedelta
from typing import Any, Final

from newsdossier.events.arguments import lemma_of
from newsdossier.events.lexicon import DASHES, DOER_VERBS, PLACE_LABELS
from newsdossier.events.model import EventDate, EventMention, TextSpan
from newsdossier.timex.lexicon import MONTHS, WEEKDAYS
from newsdossier.timex.model import TimeExpression, TimexType

__all__ = ["attach_dates_and_places"]

_CLIMB: Final = 3
# Events that are something said or asked (see :func:`attach_dates_and_places` on their places).
_SAID: Final = frozenset({"DEMAND", "DISAPPROVE", "THREATEN"})
_PLACE_CASES: Final = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "into", "from", "on",
                                 "over", "off", "throughout"})
_LIGHT_DEPS: Final = frozenset({"nsubj", "nsubj:pass", "obj"})
# Verbs whose object event happens when they do: done ("launched an attack") or undergone ("suffered an attack").
_DOING: Final = DOER_VERBS | frozenset({"suffer", "face", "survive", "endure", "experience", "witness", "see",
                                        "undergo", "have", "get", "receive", "win", "lose"})
_DISTANCES: Final = frozenset({"km", "kms", "kilometres", "kilometers", "miles", "mi", "metres", "meters", "yards"})
_SAYING: Final = frozenset({"said", "says", "told", "tells", "reported", "reports", "announced", "added", "stated"})
# "west of Algiers", "on the outskirts of Kabul": a place by its bearing from a named one
_BEARINGS: Final = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                              "outskirts"})
_WEEK: Final = timedelta(days=6)
_DAY: Final = timedelta(days=1)
_LEAD_SENTENCES: Final = 2
# Words before a time expression that make it a bound, not the event's date: "the first state of
# emergency since 2005" happened after 2005, "fled before Monday" before it, "by 2011" by then.
_BOUNDS: Final = frozenset({"since", "until", "till", "before", "after", "by"})
# Verbs that name a deed besides their own act ("accused of", "jailed for"), and how they name it.
_ACCUSING: Final = frozenset({"accuse", "charge", "blame", "suspect", "allege", "indict", "convict", "sentence",
                              "jail", "imprison", "arrest", "detain", "fine", "sue", "prosecute", "condemn",
                              "criticize", "criticise", "praise", "credit"})
_DEED_LINKS: Final = frozenset({"obl", "advcl", "xcomp", "ccomp", "acl"})
_DEED_WORDS: Final = frozenset({"of", "for", "over", "with"})
# ... and pairs of words: "prior to", "up to"; "as of Monday" is when a count stood, not when it happened
_BOUND_PAIRS: Final = frozenset({("prior", "to"), ("ahead", "of"), ("up", "to"), ("as", "of"), ("as", "at")})
# ... and nouns that say as much: "in the wake of", "on the eve of", "in the run-up to"
_BOUNDING_NOUNS: Final = frozenset({("wake", "of"), ("aftermath", "of"), ("eve", "of"), ("run-up", "to"),
                                    ("lead-up", "to")})
# How a time expression qualifies a noun ("his 2005 rampage", "the March 2005 rampage", "last year's vote").
_QUALIFYING: Final = frozenset({"amod", "compound", "nmod", "nummod", "nmod:poss", "det"})
_TIME_NOUNS: Final = frozenset({"night", "morning", "evening", "afternoon", "day", "week", "weekend", "month", "year",
                                "hour", "dawn", "dusk", "time", "period", "season", "summer", "winter", "spring",
                                "autumn", "fall", "date", "eve", "midnight", "noon", "decade", "era", "overnight"})
# Words that name a day in a time of day's expression ("2 a.m. Sunday", "10pm on Monday", "last night").
_DAY_WORDS: Final = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
                               r"|today|tonight|yesterday|night|morning|evening|afternoon)"
                               r"|(?<![.:\d])\d{1,2}(?:st|nd|rd|th)?\b(?![.:]\d|\s*[ap]\.?\s?m\b)", re.IGNORECASE)
# Verbs whose object's time is their own: "attended the 2013 summit", "made a 2014 stop", "won the 2012 election";
# not "resolved a 2012 suit", "criticised NATO's 2011 intervention" (the suit's year, the intervention's).
_TAKING_PART: Final = _DOING | frozenset({"attend", "host", "join", "boycott", "contest", "skip", "watch", "visit",
                                          "cover", "play", "run", "chair", "address", "open", "close", "hold"})
# Prepositions of a noun an event happens in: "during the 2013 trial", "at the 2012 convention".
_CONTAINERS: Final = frozenset({"during", "amid", "amidst", "in", "at", "throughout"})
# How a verb heads a clause of its own (not "the attempted murder": an adjective, whatever its tag).
_OTHER_CLAUSES: Final = frozenset({"acl", "acl:relcl", "advcl", "advcl:relcl", "ccomp", "xcomp", "conj", "parataxis",
                                   "csubj", "ROOT", "root"})
_DETERMINERS: Final = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that"})


def _bounds_only(doc: Any, expression: TimeExpression) -> bool:
    """Whether a bounding word stands right before the expression (or opens it)."""
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    first = span[0]
    if first.lower_ in _BOUNDS:
        return True
    before = [doc[i].lower_ for i in range(max(0, first.i - 2), first.i)]
    if bool(before) and (before[-1] in _BOUNDS or tuple(before) in _BOUND_PAIRS):
        return True
    # "in the wake of the September 11, 2001 attacks", "on the eve of the 2016 vote": after it, before it
    words = [doc[i].lower_ for i in range(max(0, first.i - 3), first.i)]
    if words and words[-1] == "the":
        words = words[:-1]
    return len(words) >= 2 and (words[-2], words[-1]) in _BOUNDING_NOUNS


def _in_bounding_phrase(token: Any, anchors: set[int]) -> bool:
    """Whether a word sits in a phrase that "since", "until", "before" or "after" opens, below the verb and
    not on the event's own noun ("fought two wars since independence from Britain in 1947": neither 1947
    nor Britain is the wars'; but "the embargo imposed after its 1990 invasion of Kuwait" dates the invasion)."""
    for _ in range(_CLIMB):
        head = token.head
        if head.i == token.i or _is_verb(head) or head.i in anchors:
            return False
        if any(c.dep_ in ("case", "mark") and c.lower_ in _BOUNDS - {"by"} for c in head.children):
            return True
        token = head
    return False


_CLOCK_WORDS: Final = _TIME_NOUNS | {"a.m", "p.m", "am", "pm", "o'clock", "hours", "minutes", "gmt", "est", "edt",
                                     "bst"}


def _bounded_in_words(token: Any) -> bool:
    """Whether the words before a date are a phrase "since", "until", "before" or "after" opens, with no verb or
    comma between, whatever the parse hung the date on ("have fought three wars since independence from Britain
    in 1947")."""
    doc = token.doc
    i = token.i - 1
    while i >= max(token.sent.start, token.i - 8):
        word = doc[i]
        if word.lower_ in _BOUNDS - {"by"} and i < token.i - 1:
            # a phrase about something ("since independence"), not a time of its own ("just before 11 p.m. on May 5":
            # a clock word, a number, a month or a weekday is the date's own)
            return any(t.pos_ in ("NOUN", "PROPN") and not t.like_num and t.lower_.rstrip(".") not in _CLOCK_WORDS
                       and t.lower_.rstrip(".") not in MONTHS and t.lower_ not in WEEKDAYS for t in doc[i + 1:token.i])
        if word.is_punct and word.text not in ("'", "\u2019") or _is_verb(word):
            return False  # (an apostrophe split from its name is no break: "San Diego\u2019 s playoff loss")
        i -= 1
    return False


def _after_asked(date_token: Any, trigger: Any, others: AbstractSet[int]) -> bool:
    """Whether a date hung on a verb of asking, criticising or threatening comes after the event noun it asks for
    ("called for a general strike on Tuesday"): it is that event's time, not the call's."""
    return date_token.head.i == trigger.i and any(
        c.i in others and c.dep_ in ("obj", "obl") and c.i < date_token.i for c in trigger.children)


def _relative_apart(token: Any, date_token: Any) -> bool:
    """Whether a trigger is in a relative clause ("Nixon, who ultimately resigned") that a time expression is
    outside of: what is said of someone, whose time the sentence's ("was deputy director in 1972 when ...") need
    not be (but "whose son was killed in the 2012 Benghazi attack" is the clause's own)."""
    for _ in range(8):
        if token.dep_ == "acl:relcl":
            return not token.left_edge.i <= date_token.i <= token.right_edge.i
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _unresolved(expression: TimeExpression) -> bool:
    """A day or a period the text names but gives no calendar for ("Friday", "1 February" in an article with
    no publication date): it is still the time of what it is attached to."""
    return expression.type in (TimexType.DATE, TimexType.TIME) and not expression.value


def _other_clause_between(doc: Any, expression: TimeExpression, anchors: set[int]) -> bool:
    """Whether a verb heading another clause stands in the words between the event's and a time expression
    after them ("exported ... via NAFTA, an agreement signed into law in 1994", "appeared in court to face
    charges relating to a deal in the late 1990s"): the time is that verb's, whatever the parse hung it on."""
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    before = [i for i in anchors if i < span.start]
    if not before:
        return False
    return any(_is_verb(w) and w.tag_ != "MD" and w.i not in anchors and w.dep_ in _OTHER_CLAUSES
               and not (w.dep_ == "acl" and w.head.i in anchors)  # "an investigation initiated by ... in 1955"
               # or a copula whose clause is another, with a subject of its own ("the invasion of Iraq, and Moore was
               # a critic in the 2004 campaign"; not "the visit was reported to have been as recent as July")
               or w.dep_ == "cop" and w.head.dep_ in _OTHER_CLAUSES and w.head.i not in anchors
               and w.head.i > max(before)
               and any(c.dep_.startswith("nsubj") and c.i not in anchors for c in w.head.children)
               for w in doc[max(before) + 1:span.start])


def _clock_only(expression: TimeExpression) -> bool:
    """A time of day that names no day ("around 9.35am"): the time expression stage puts it on the
    publication day, but a later article's "arrested at 9.35am" tells of the day the story began."""
    return expression.type == TimexType.TIME and not _DAY_WORDS.search(expression.text)


def _dates_another(doc: Any, expression: TimeExpression, root: Any, anchors: set[int]) -> bool:
    """Whether a time expression only qualifies a noun that is not the event ("sentenced ... for his
    2005 rampage", "the 1960s militant", "released after serving time on a 2006 conviction"): it
    dates that noun's thing. But a time noun ("the night of 2 to 3 January"), a noun the event is
    done in ("during the 2013 trial") or to ("attended the 2013 summit") is the event's time. Read
    in the parse and, as the parse gets it wrong as often as not here, in the words."""
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None or not len(span) or span.start == 0 or span.end >= len(doc) or span[0].is_sent_start:
        return False
    if expression.rule == "holiday" and doc[span.end].pos_ == "NOUN":
        return True  # "at his company's Christmas party": a party of the season, not on the 25th
    if span[-1].lemma_.lower() in _TIME_NOUNS and doc[span.end].lower_ not in ("'s", "’s"):
        return False  # "killing the next day off-duty Agent Wilhelm": a time of its own, not a noun's (as "last
        # year's vote" is), whatever the parse hung it on
    if _between_commas_before_noun(doc, span, anchors):
        return True  # "for the March 11, 2005, incident": the incident's day, whatever the parse made of it
    if doc[span.start - 1].pos_ == "ADP" or doc[span.end].is_punct \
            or any(c.dep_ == "case" for c in root.children):
        return False  # "on Monday", "Earlier this year, ...": a phrase of its own, whatever the parse hung it on
    head = _phrase_head(root.head, anchors)
    if head.i != root.i and head.i not in anchors and head.pos_ in ("NOUN", "PROPN") and root.dep_ in _QUALIFYING \
            and head.lemma_.lower() not in _TIME_NOUNS and not _taken_part_in(head, anchors):
        return not _contained(head.children)  # the parse hangs it on another noun: "for his 2005 rampage"
    return _qualifies_in_words(doc, span, anchors)


def _between_commas_before_noun(doc: Any, span: Any, anchors: set[int]) -> bool:
    """A full date written between a determiner and a noun, the year's comma after it ("the March 11, 2005,
    incident"): it qualifies that noun, unless the noun is the event, a time or a clause's subject ("On
    the 11th, police arrested ...")."""
    after = span.end + 1
    if doc[span.start - 1].lower_ not in _DETERMINERS or doc[span.end].text != "," or after >= len(doc):
        return False
    noun = _phrase_head(doc[after], anchors)
    return bool(noun.pos_ == "NOUN" and noun.i not in anchors and noun.lemma_.lower() not in _TIME_NOUNS
                and not noun.dep_.startswith("nsubj")
                and not (noun.i + 1 < len(doc) and doc[noun.i + 1].tag_ in ("VBD", "VBZ", "VBP")))


def _phrase_head(noun: Any, anchors: set[int]) -> Any:
    """The head of the noun phrase ``noun`` modifies ("the 2012 [terrorist] attack", "the 2012
    [Benghazi] attack": the attack), stopping at the event's own word."""
    while noun.i not in anchors and noun.dep_ in ("compound", "amod") and noun.head.i > noun.i \
            and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def _qualifies_in_words(doc: Any, span: Any, anchors: set[int]) -> bool:
    """A determiner, a possessive or an adjective before the expression and a noun after it ("his
    deadly 2005 rampage", "the 1960s militant", "his company's Christmas party", whatever the tagger calls
    "militant"), the noun not
    the event, a time, the event's object, nor after a preposition an event happens in."""
    j = span.end + 1 if doc[span.end].lower_ in ("'s", "’s") else span.end
    while j + 1 < len(doc) and doc[j].pos_ == "ADJ" and doc[j + 1].pos_ in ("ADJ", "NOUN", "PROPN"):
        j += 1  # "the 2013 presidential election"
    noun = _phrase_head(doc[min(j, len(doc) - 1)], anchors)
    start = span.start + 1 if span[0].pos_ == "DET" else span.start  # "[the 1960s] militant"
    if noun.i in anchors or noun.lemma_.lower() in _TIME_NOUNS or doc[start - 1].pos_ not in ("DET", "PRON", "ADJ") \
            and doc[start - 1].tag_ != "POS" or noun.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    opening = start - 1
    while opening > 0 and doc[opening].pos_ in ("DET", "PRON", "ADJ", "ADV"):
        opening -= 1
    if opening in anchors or _taken_part_in(noun, anchors):
        return False  # "made a 2014 stop in Bethlehem": what the event is
    return not _contained((doc[opening],))


def _taken_part_in(noun: Any, anchors: set[int]) -> bool:
    """Whether ``noun`` is the object of the event's verb and that verb takes part in it ("attended the
    2013 summit"): the time of the thing is the event's."""
    return bool(noun.dep_ == "obj" and noun.head.i in anchors and lemma_of(noun.head, _TAKING_PART) in _TAKING_PART)


def _contained(words: Any) -> bool:
    """Whether one of ``words`` is a preposition of a noun an event happens in ("during the trial")."""
    return any(w.lower_ in _CONTAINERS and w.pos_ == "ADP" for w in words)


def _deed_named(token: Any) -> int | None:
    """Where the deed an accusation, a charge or a sentence names with a verb begins ("accused [of
    shooting four people in Brussels in May 2014]", "jailed [for murdering ...]"), if the trigger
    names one: the time and place after it are the deed's, whatever the parse attached them to
    ("arrested for investigation of DUI on Jan. 6" names no deed: Jan. 6 is the arrest's)."""
    if token.lemma_.lower() not in _ACCUSING:
        return None
    starts = [c.left_edge.i for c in token.children if c.i > token.i and c.dep_ in _DEED_LINKS and _verbal(c)
              and any(g.dep_ in ("case", "mark") and g.lower_ in _DEED_WORDS for g in c.children)]
    return min(starts, default=None)


def _verbal(head: Any) -> bool:
    """A clause ("of shooting", "of plotting", "of being reliant"), not a noun ("of fraud")."""
    return head.pos_ in ("VERB", "AUX") or head.lower_.endswith("ing") or any(
        c.dep_ in ("cop", "aux", "aux:pass") for c in head.children)


def _token_at(doc: Any, start: int, end: int) -> Any | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


# Verbs that say an event ended, whose day is not the event's ("a cease-fire ... unraveled on Wednesday").
_ENDING: Final = frozenset({"unravel", "collapse", "fail", "end", "expire", "crumble", "falter", "lapse"})
# Verbs that set their subject beside another thing, whose time and place are that thing's ("Monday's shooting
# follows two last week in public places in Atlanta").
_RELATING: Final = frozenset({"follow", "precede", "echo", "mirror", "resemble", "recall", "match", "surpass",
                              "eclipse", "outnumber", "rival", "exceed", "dwarf"})


def _anchors(token: Any) -> set[int]:
    """The trigger and, for a noun, the verb it is the subject of, or the object of a verb of doing or undergoing
    ("carried out an attack on Monday", "suffered an attack"; not "condemned the attack on Monday": the day the
    attack was condemned)."""
    anchors = {token.i}
    head = token.head
    if token.dep_ in _LIGHT_DEPS and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in _ENDING | _RELATING \
            and (token.dep_ != "obj" or lemma_of(head, _DOING) in _DOING):
        anchors.add(head.i)
    return anchors


def _located(doc: Any, entity: Any) -> bool:
    """Whether a place name follows "in" or "at" ("Thousands of people in Germany"): where an argument's
    people are, so where the event is, even inside the argument's words."""
    return entity.start > 0 and doc[entity.start - 1].lower_ in ("in", "at")


def _climbs_to(token: Any, anchors: set[int], triggers: set[int]) -> int | None:
    """Steps from ``token`` up to one of ``anchors``, None if another trigger, another verb (the
    words are that verb's: "reduced its troops ... expected to remain as of 15 January") or the
    root comes first."""
    for step in range(1, _CLIMB + 1):
        head = token.head
        if head.i == token.i:
            return None
        if head.i in anchors:
            return step
        if head.i in triggers or _is_verb(head) or head.lower_ in _SAYING or head.i not in anchors and any(
                c.lower_ in _SAYING for c in head.children):
            return None  # "said" is a verb whatever the tagger made of it, and "a newspaper said on Saturday" the
            # parse may hang on the newspaper: that day is the report's
        token = head
    return None


def _is_verb(token: Any) -> bool:
    """A verb, but not a capitalised word inside a sentence the tagger took for one ("Kata'ib")."""
    return token.pos_ in ("VERB", "AUX") and not (token.text[:1].isupper() and not token.is_sent_start)


_NOMINAL_DEPS: Final = frozenset({"obj", "iobj", "nsubj", "nsubj:pass", "obl", "nmod", "appos", "compound"})
_CLAUSE_DEPS: Final = frozenset({"advcl", "acl", "acl:relcl", "ccomp", "xcomp", "parataxis", "csubj"})


def _same_clause(token: Any, trigger: Any, anchors: set[int]) -> bool:
    """Whether a place's words belong to the event's own clause: the event's verb (its trigger, its
    light verb) or a gerund of it is the first verb above them ("killed while walking near an
    intersection in Brownsville"), or no verb is and the trigger heads no clause of its own; not
    another verb's ("although Hitler was born in Braunau, ... annexed", "a reporter arrested in
    Moscow", "was at a campaign stop in Los Angeles when the burglars were arrested")."""
    verb = token
    for _ in range(8):  # up to the first verb that heads a clause: "compound" as an object is a noun, whatever its tag
        if verb.head.i == verb.i:
            return trigger.dep_ not in _CLAUSE_DEPS
        if any(c.dep_ in ("case", "mark") and c.lower_ in _BOUNDS for c in verb.children):
            return False  # "five days before San Diego's playoff loss at Pittsburgh": the other thing's place
        verb = verb.head
        if verb.i in anchors:
            return True
        if _is_verb(verb) and verb.dep_ not in _NOMINAL_DEPS:
            break
    return bool(verb.tag_ == "VBG" and verb.head.i in anchors)


def _verb_above(token: Any) -> int | None:
    """The index of the first verb above ``token`` in the parse (the one its words belong to)."""
    for _ in range(8):
        head = token.head
        if head.i == token.i:
            return None
        if _is_verb(head):
            return int(head.i)
        token = head
    return None


def _precision(expression: TimeExpression) -> str:
    assert expression.first is not None and expression.last is not None
    days = (expression.last - expression.first).days
    if days == 0:
        return "day"
    if days <= 6:
        return "week"
    if days <= 31:
        return "month"
    return "year"


def _dated(expression: TimeExpression, basis: str) -> EventDate:
    assert expression.first is not None and expression.last is not None
    return EventDate(expression.first, expression.last, _precision(expression), expression.text, basis,
                     expression.value)


def _place_phrase(doc: Any, entity: Any) -> TextSpan:
    """The place's words, with the noun it names when it modifies one ("Baghdad airport")."""
    start, end = entity.start, entity.end
    root = entity.root
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i == end:
        end = root.head.i + 1
    first, last = doc[start], doc[end - 1]
    return TextSpan(first.idx, last.idx + len(last), doc[first.i:last.i + 1].text)


def attach_dates_and_places(mentions: Sequence[EventMention], doc: Any, expressions: Sequence[TimeExpression],
                            published: date | None, dateline: str | None = None,
                            main: set[int] | None = None, published_latest: date | None = None) -> list[EventMention]:
    """``mentions`` with their date and place (see the module doc). ``main`` holds the trigger
    offsets of the mentions that are their sentence's main event; ``published_latest`` is the latest day an
    estimated publication date allows (what is dated after it has not happened)."""
    latest = published_latest or published
    triggers = {}
    for mention in mentions:
        token = _token_at(doc, mention.trigger.start, mention.trigger.end)
        if token is not None:
            triggers[mention.trigger.start] = token
    trigger_ids = {t.i for t in triggers.values()}
    types = {triggers[m.trigger.start].i: m.type for m in mentions if m.trigger.start in triggers}
    dated = [(e, _token_at(doc, e.start, e.end)) for e in expressions
             if (e.dated or _unresolved(e)) and not _bounds_only(doc, e) and not _clock_only(e)]
    places = [(ent, _phrase_root(ent.root, trigger_ids)) for ent in doc.ents
              if (ent.label_ in PLACE_LABELS or ent.label_ == "MISC" and _country_named(ent))
              and not _numbered(doc, ent)]
    lead = {(s.start_char, s.end_char) for s in list(doc.sents)[:_LEAD_SENTENCES]}
    out = []
    for mention in mentions:
        token = triggers.get(mention.trigger.start)
        if token is None:
            out.append(mention)
            continue
        anchors = _anchors(token)
        others = trigger_ids - {token.i}
        low, high = mention.sentence
        named = _deed_named(token)
        in_sentence = [(e, t) for e, t in dated if t is not None and low <= e.start < high
                       and (named is None or t.i < named)]
        own = [(e, t) for e, t in in_sentence if not _dates_another(doc, e, t, anchors)
               and not _in_bounding_phrase(t, anchors) and not _bounded_in_words(t)
               and not _other_clause_between(doc, e, anchors)]
        when: EventDate | None = None
        unresolved = ""
        steps = [(s, abs(t.i - token.i), e) for e, t in own if (s := _climbs_to(t, anchors, others)) is not None
                 and not (mention.type in _SAID and _after_asked(t, token, others))]
        if not steps and token.dep_ in ("obj", "obl") and types.get(token.head.i) in _SAID:
            # "called for a general strike on Tuesday": the strike's day, whatever the parse hung it on
            steps = [(1, abs(t.i - token.i), e) for e, t in own
                     if t.head.i == token.head.i and _after_asked(t, token.head, {token.i})]
        if steps:
            # the nearest of the closest in the parse; one the text gives no day for ("appeared in court Friday" in
            # an undated article) leaves the event undated rather than dated by another thing's time
            nearest = min(steps, key=lambda x: x[:2])[2]
            when = _dated(nearest, "attached") if nearest.dated else None
            unresolved = "" if nearest.dated else nearest.text
        elif (len(calendar := [(e, t) for e, t in in_sentence if e.dated]) == 1
              and calendar[0] in own and main is not None
              and mention.trigger.start in main and not _relative_apart(token, calendar[0][1])
              and (mention.type not in _SAID or calendar[0][0].start < mention.trigger.start)
              and _verb_above(calendar[0][1]) in (None, *anchors)):
            # (what is asked for, criticised or threatened carries its own time: "called for a strike on Thursday";
            # but "In July, the NAACP called for a moratorium"; a day the text gives no calendar for does not count)
            when = _dated(calendar[0][0], "sentence")
        elif (published is not None and main is not None and mention.trigger.start in main
              and mention.sentence in lead and token.pos_ == "VERB"
              and not any(low <= e.start < high for e in expressions)):
            when = EventDate(published - _WEEK, published, "week", "", "publication", "")
        where: TextSpan | None = None
        basis = ""
        arguments = [a for a in (mention.source, mention.target, *mention.also_targets) if a is not None]
        # a name that is the event's source or target is not where it happened ("fired at Riva"), but one
        # after "in" inside it is where its people are ("Thousands of people in Germany")
        sentence_places = [(ent, root) for ent, root in places if low <= ent.start_char < high
                           and not any(a.start < ent.end_char and ent.start_char < a.end
                                       and not (a.start < ent.start_char and _located(doc, ent)) for a in arguments)
                           and (named is None or root.i < named) and not _sentences_apart(doc, token, ent)]
        # what is said or asked happens where it is said: a place further down its words is what it is about
        # ("Libya called for the replacement of U.S. forces in the Persian Gulf")
        said = mention.type in _SAID
        placed = [(s, ent) for ent, root in sentence_places
                  if (s := _climbs_to(root, anchors, others)) is not None and (s == 1 or not said)
                  and _place_case(root, anchors, others) and not _in_bounding_phrase(root, anchors)]
        destination = _destination(places, low, high, anchors, others) if mention.mode == "visit" else None
        modifier = _town_before(token, places) if token.pos_ in ("NOUN", "PROPN") else None
        if destination is not None and not any(s == 1 for s, _ in placed):
            # "flew to Ottawa", "a visit to Ukraine": where it goes, not where it happened, so no second fact; and
            # before a place the words reach only through another verb ("In a visit to Tunis on 1 February Macron
            # criticised NATO's 2011 intervention in Libya")
            where, basis = _place_phrase(doc, destination), "sentence"
        elif placed:
            where, basis = _place_phrase(doc, min(placed, key=lambda x: x[0])[1]), "attached"
        elif modifier is not None:
            where, basis = TextSpan(modifier.start_char, modifier.end_char, modifier.text), "attached"
        else:
            # (not one a phrase "before" or "after" opens by the words: "five days before San Diego's playoff loss at
            # Pittsburgh", whatever the parse made of it)
            loose = [] if said else [ent for ent, root in sentence_places if not root.dep_.startswith("nsubj")
                                     and _place_case(root, anchors, others) and _same_clause(root, token, anchors)
                                     and not _bounded_in_words(root)]
            if loose:
                where, basis = _place_phrase(doc, loose[0]), "sentence"
            elif not any(a.start < ent.end_char and ent.start_char < a.end
                         for ent, _ in places for a in arguments if a is not mention.source):
                # an event done to a place ("took control of Arbil") is not where the reporter files from
                if (inline := _inline_dateline(doc, places, low)) is not None:
                    where, basis = TextSpan(inline.start_char, inline.end_char, inline.text), "dateline"
                elif dateline:
                    where, basis = TextSpan(-1, -1, dateline), "dateline"
        modality = mention.modality
        if modality == "asserted" and when is not None and when.basis != "publication" and latest is not None \
                and when.first > latest + _DAY:
            modality = "expected"  # "next week's WTO meeting": not yet happened when the article was written
        out.append(replace(mention, date=when, place=where, place_basis=basis, modality=modality,
                           unresolved_time=unresolved))
    return _dated_by_cause(out, triggers)


_SENTENCE_ENDS: Final = frozenset({".", "!", "?"})


def _sentences_apart(doc: Any, token: Any, entity: Any) -> bool:
    """Whether a full stop stands between a trigger and a place: the parser glued two sentences into one ("...
    gone to war with an Arab and Muslim nation." --- Geraldine Brooks in Amman, Jordan, ... contributed to this
    article"), and the place is the other's."""
    low, high = (token.i + 1, entity.start) if token.i < entity.start else (entity.end, token.i)
    return any(doc[i].text in _SENTENCE_ENDS for i in range(low, high))


def _numbered(doc: Any, entity: Any) -> bool:
    """Whether a place name is followed by a number that ends its phrase: a road, a route or a gate ("near
    Interstate 805", "Route 52"), not where something happened; not "in Paris 2 days ago"."""
    end = entity.end
    if end >= len(doc) or not doc[end].like_num or doc[end].idx != entity.end_char + 1:
        return False
    return end + 1 >= len(doc) or doc[end + 1].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")


def _phrase_root(root: Any, triggers: AbstractSet[int]) -> Any:
    """The word that heads a place name's phrase: the name's own root, or, for a possessor, the noun it possesses
    ("on Paris' iconic Champs-Elysees boulevard", "at Baghdad's airport": the phrase is on or at it, so its
    preposition and its place in the sentence are the noun's), unless that noun is an event ("Madrid's bombings")."""
    head = root.head
    if root.dep_ == "nmod:poss" and head.i > root.i and head.pos_ in ("NOUN", "PROPN") and head.i not in triggers:
        return head
    return root


def _country_named(ent: Any) -> bool:
    """Whether a name the NER called other (MISC) is a country's own name ("the Central African Republic"), which
    places an event as well as a name it tagged as a place; not one that qualifies a noun, as the NER's MISC names
    of countries mostly do ("a US airstrike": who struck, not where), nor an abbreviation."""
    from newsdossier.places.gazetteer import COUNTRY, gazetteer

    if ent.root.dep_ in ("compound", "amod", "nmod:poss", "flat") or len(ent.text.replace(".", "")) <= 3:
        return False
    text = ent.text[4:] if ent.text[:4].lower() == "the " else ent.text
    return any(own and place.feature == COUNTRY for place, own in gazetteer().candidates(text))


def _inline_dateline(doc: Any, places: list[tuple[Any, Any]], start: int) -> Any | None:
    """The place of a dateline the text gives the sentence that starts at ``start`` ("GREECE, Dec 5 - Greek port
    workers called off a strike", an item of a digest filed from elsewhere): a place name opening it, then a dash,
    or a comma, a date of at most four words and a dash."""
    for ent, _ in places:
        if ent.start_char != start or ent.end >= len(doc):
            continue
        after = doc[ent.end]
        if after.text in DASHES:
            return ent
        if after.text != ",":
            return None
        for word in doc[ent.end + 1:min(ent.end + 6, len(doc))]:
            if word.text in DASHES:
                return ent
            if not (word.like_num or word.lower_.rstrip(".") in MONTHS or word.lower_ in WEEKDAYS):
                return None
        return None
    return None


def _town_before(noun: Any, places: list[tuple[Any, Any]]) -> Any | None:
    """A town's name that modifies an event noun names where it happened ("the Lisbon summit", "the Madrid
    bombings"); a country's or a state's does not, being as often its doer or its target ("the US strike",
    "the Iraq war"): only a name the gazetteer knows as a town of 100,000 or more and as no country or
    subdivision."""
    from newsdossier.places.gazetteer import ADMIN, COUNTRY, CITY, gazetteer

    for ent, root in places:
        if root.head.i == noun.i and root.dep_ in ("compound", "amod") and root.i < noun.i:
            found = [p for p, _ in gazetteer().candidates(ent.text)]
            towns = {(p.country, p.admin1) for p in found if p.feature == CITY and p.population >= 100_000}
            if towns and not any(p.feature == COUNTRY or p.feature == ADMIN and (p.country, p.admin1) not in towns
                                 for p in found):
                return ent  # (Lisbon's district is named after it; Washington's state is elsewhere)
    return None


def _destination(places: list[tuple[Any, Any]], low: int, high: int, anchors: set[int], others: set[int]) -> Any:
    """The place a visit goes to: a place name after "to" or "for" on the trigger or its object ("flew to Ottawa",
    "left Bahrain for Baghdad", "a visit to Ukraine"), whether or not the parse made it the target."""
    for ent, root in places:
        if low <= ent.start_char < high and _climbs_to(root, anchors, others) in (1, 2) and any(
                c.dep_ == "case" and c.lower_ in ("to", "for") for c in root.children):
            return ent
    return None


# Nouns whose "on" or "over" names what they are about, not where they are ("the war on Iraq", "sanctions on
# Iran", "a row over Kashmir"; but "police on the Champs-Elysees" are there).
_ABOUT_NOUNS: Final = frozenset("""war wars sanction sanctions embargo ban bans crackdown pressure talks debate row
dispute deal agreement vote referendum stance policy position view views report inquiry attack attacks strike strikes
raid raids assault offensive law tax taxes tariff tariffs restriction restrictions limit limits focus decision ruling
statement remarks comments criticism campaign fight""".split())


def _place_case(root: Any, anchors: set[int], events: AbstractSet[int] = frozenset()) -> bool:
    """Whether a place name is where something is: after "in", "at", "near" ..., or "of" after a bearing; not
    after a participle other than the trigger, whose place it is whatever the parse hung it on ("anthrax, most
    likely produced at Fort Detrick"); not "on" or "over" after a noun of what something is about
    (:data:`_ABOUT_NOUNS`) that is no event of the sentence (``events``: the triggers' positions): "opposition to
    the war on Iraq", "a row over Kashmir"."""
    doc = root.doc
    for case in root.children:
        if case.dep_ == "case" and (case.lower_ in _PLACE_CASES
                                    or case.lower_ == "of" and root.head.lower_ in _BEARINGS and not _far(root.head)):
            if case.lower_ in ("on", "over") and root.head.pos_ == "NOUN" and root.head.i not in anchors | events \
                    and (root.head.lemma_.lower() in _ABOUT_NOUNS or root.head.lower_ in _ABOUT_NOUNS):
                return False  # "opposition to the war on Iraq", "sanctions on Iran", "a row over Kashmir": its target
            if case.lower_ == "from" and root.head.i not in anchors and (
                    root.head.ent_type_ in ("PER", "PERSON") or root.head.like_num or root.head.pos_ == "PRON"):
                return False  # "Paul Smith, 34, from Leeds, was arrested in Durres": where he is from
            before = doc[case.i - 1] if case.i > 0 else None
            return before is None or before.i in anchors or before.tag_ != "VBN" or before.i == root.head.i
    return False


def _comma_led(token: Any) -> bool:
    """Whether a clause opens with a comma (", killing Soleimani"), the parse's or the words'."""
    first = token.left_edge.i
    return token.doc[first].text == "," or first > 0 and token.doc[first - 1].text == ","


def _far(bearing: Any) -> bool:
    """Whether a bearing has a distance before it ("550 km northeast of Lima"): somewhere else, not the place."""
    doc = bearing.doc
    return any(doc[i].lower_.rstrip(".") in _DISTANCES for i in range(max(0, bearing.i - 4), bearing.i))


def _dated_by_cause(mentions: list[EventMention], triggers: dict[int, Any]) -> list[EventMention]:
    """A verb event with no date of its own takes the attached date of the event that is its subject or
    its "when" clause: "A bomb explosion on Friday killed seven people", "Two people were killed when a
    grenade exploded late on Friday" (not the day a newspaper said so); a participle clause ("..., killing
    Soleimani") takes the date and place of the event its verb's subject names."""
    by_token = {triggers[m.trigger.start].i: m for m in mentions if m.trigger.start in triggers}
    out = []
    for mention in mentions:
        token = triggers.get(mention.trigger.start)
        if mention.date is None and token is not None and token.pos_ == "VERB":
            causes = [by_token.get(c.i) for c in token.children if c.dep_ == "nsubj" or c.dep_ == "advcl" and any(
                g.dep_ == "advmod" and g.lower_ == "when" or g.dep_ == "mark" and g.lower_ == "when"
                for g in c.children)]
            if token.dep_ == "advcl" and token.tag_ == "VBG" and not any(c.dep_ == "mark" for c in token.children) \
                    and _comma_led(token):
                # "The air strike took place on the night of 2 to 3 January near Baghdad airport, killing
                # Soleimani": the killing is the strike's, done when and where it took place (not "a few days
                # prior to the ambush killing of Ortiz", which the parse may hang on the verb the same way)
                causes += [by_token.get(c.i) for c in token.head.children if c.dep_ == "nsubj"]
                causes.append(by_token.get(token.head.i))
            dated = next((c for c in causes
                          if c is not None and c.date is not None and c.date.basis == "attached"), None)
            if dated is not None and dated.date is not None:
                mention = replace(mention, date=dated.date)
                if mention.place is None and dated.place is not None and dated.place_basis == "attached":
                    mention = replace(mention, place=dated.place, place_basis="attached")
        out.append(mention)
    return out
