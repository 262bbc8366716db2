"""Counting each real event once: the pile's event mentions merged into events.

Only mentions that report something as having happened make events: not one embedded in a
threat, demand, promise or denial, not a negated or merely possible one (see
:class:`~newsdossier.events.model.EventMention`). And only a mention that says at least two of
when (a date of its own), who (a source or target that is one of the pile's actors) and where (a
place the parse attaches to it) starts an event: "the attack" with none of them can only join
one, as a further report of it. Inside a topic (its stories; an article outside every story is
its own), mentions are taken in date order and each joins the best compatible event or starts
one; the event belongs to the story that reports it most. Compatible means: the same PLOVER
type; dates that overlap, a day either way allowed between two day-precise dates (a night, a time
zone), the difference then kept as a conflict; no two different targets (a strike on one base is
not a strike on another); and no two places: not two countries (the places stage resolves the
place each mention names: an arrest in Egypt is not one in Belgium), nor, where a country is not
known, two place names with no word in common. Among compatible events a mention joins the one
it shares the most with: the same sentence in a copy of the same story (a reuse family), the
trigger's lemma, a target or source actor, a day, a place; naming actors, none of whom the
event's reports name, counts against. A mention in a spun rewrite joins its source's event as
``reworded`` and never makes an event alone, so a rewrite's distortions never become facts. A
person the pile names by a lone surname counts as the one other person of that surname
(:func:`surname_aliases`: "Gray", "Kimani Gray"), so two reports of one killing are one event.

Each event's date is the one most of its families give (the earliest among equals), its place the
attached place most mentions give, its summary the sentence of its earliest original report that
gives that date (of its earliest original report where none does).
An event dated more than :data:`BACKGROUND_DAYS` before the first day of every story reporting it
is background.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

from newsdossier.entities.resolve import gender_fits
from newsdossier.events.coref import content_words, stem_of
from newsdossier.events.lexicon import actor_nouns
from newsdossier.events.model import Event, EventDate, EventMention, TextSpan
from newsdossier.quotes.speakers import OFFICE_NOUNS
from newsdossier.timex.lexicon import WEEKDAYS

__all__ = ["BACKGROUND_DAYS", "TRUSTED_ROOTS", "resolve_events", "surname_aliases"]

BACKGROUND_DAYS: Final = 30
# CAMEO roots whose verbs' default codes can be trusted to start an event: withdrawals and
# releases (08), threats (13), protests (14), sanctions (16), coercion (17) and violence (18-20).
# Other verbs ("met", "served", "helped", "came") take such broad default codes that only a
# pattern of their dictionary block (the words around them) makes them start an event.
TRUSTED_ROOTS: Final = frozenset({"08", "13", "14", "16", "17", "18", "19", "20"})
_JOIN: Final = 0.35  # the least a mention must share with an event to join it
# ... when the mention says less than two of when, who and where: the trigger's word alone is not enough
_JOIN_THIN: Final = 0.5
# What it costs a mention to name actors none of whom an event's reports name: the trigger's word and
# a place are then not enough.
_OTHERS: Final = 0.15
_SUMMARY_CHARS: Final = 280
# Ways of killing or shooting someone. A person is killed once: two such reports of one named person in
# one topic, at dates that agree, tell of one event, whatever words they use ("the killing of Dr
# Slepian", "the Oct. 23 sniper shooting of Dr. Barnett Slepian", "gunning down Dr. Barnett Slepian").
_LETHAL: Final = frozenset(stem_of(word) for word in (
    "kill", "murder", "assassinate", "slay", "slain", "shoot", "shot", "gun", "gunning", "execute", "behead", "stab",
    "strangle"))  # ("shot" and "slain" as the tagger may leave them: "was shot dead")
_DAY: Final = timedelta(days=1)


@dataclass(slots=True)
class _Draft:
    type: str
    first: date | None
    last: date | None
    members: list[tuple[EventMention, bool]] = field(default_factory=list)
    lemmas: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    days: set[date] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)  # of the places its mentions' words name
    sentences: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (family, sentence) -> articles
    stated: bool = False  # whether first and last come from a date the text states (not a publication week)
    weekdays: set[str] = field(default_factory=set)  # named by mentions whose text gives them no calendar


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _actors_in(span_start: int, span_end: int, actors: Sequence[tuple[int, int, str]], text: str) -> set[str]:
    """Actor ids whose mentions overlap the argument ``span_start``-``span_end`` (the parse may cut
    a name short: "[Qassem] Soleimani"), but not a possessor inside it ("Iran's general" is the
    general), nor a name that only qualifies the person the argument names ("the former U.S. Army
    psychiatrist", "a Molenbeek resident"; but "US forces", "Kata'ib Hezbollah bases"), nor where they
    are or come from (:data:`_LOCATIVE`, :data:`_ORIGIN`)."""
    found = set()
    index = max(0, bisect_left(actors, (span_start, -1, "")) - 1)
    for start, end, actor in actors[index:]:
        if start >= span_end:
            break
        if end > span_start and not (end < span_end and (text[end:end + 2] in ("'s", "’s")
                                                         or _qualifies(text[end:span_end]))) \
                and not _in_relative_clause(text[span_start:start]) and not _LOCATIVE.search(text[span_start:start]) \
                and not _ORIGIN.search(text[span_start:start]) and not _RELATION.search(text[span_start:start]):
            found.add(actor)
    return found


# A name after "in", "at" ... inside an argument says where the argument's people are, not who they are:
# "Thousands of people in Germany", "US forces in Iraq" (the US forces, not Iraq).
_LOCATIVE: Final = re.compile(r"\b(?:in|at|near|inside|across|throughout)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$")
# ... nor does one that says where they come from ("a native of Mexico", "a woman visiting from Canada",
# "Paul Smith, 34, from Leeds", "John Jenkin, 23, of Newton Street, Millom": the street and the town).
_ORIGIN: Final = re.compile(r"(?:\b(?:(?:native|citizen|national|resident)s?\s+of|visiting\s+from)|,\s*(?:from|of))"
                            r"\s+(?:the\s+)?(?:[A-Z][\w.'’-]*(?:\s+|,\s*))*$")
# ... nor the one they stand against ("a critic of President Ernesto Samper accused the government").
_RELATION: Final = re.compile(r"\b(?:critics?|opponents?|rivals?|foes?|enem(?:y|ies)|detractors?)\s+of\s+"
                              r"(?:the\s+)?(?:[A-Z][\w.]*\s+){0,2}$")
# Nouns after a place's name that make it where a person belongs ("New Zealand national Campbell Paterson").
_BELONGING: Final = frozenset({"national", "native", "citizen", "resident"})


_RELATIVE_OPENING: Final = re.compile(r"(?:[,(]|\s[-–—])\s*(?:who|whom|whose|which)\b")


def _in_relative_clause(before: str) -> bool:
    """Whether a name follows, inside an argument's words, a relative clause's opening that no
    comma, dash or bracket has closed ("Mr Soros - who took on the Bank of England -": not the
    Bank; "Soleimani, who had arrived from Damascus, and al-Mohandes": al-Mohandes)."""
    opening = None
    for opening in _RELATIVE_OPENING.finditer(before):
        pass
    return opening is not None and not re.search(r"[,)\-–—]", before[opening.end():])


# Common nouns through which a named state or organisation acts ("US forces", "Iraqi police").
_ARMS: Final = frozenset({"forces", "force", "troops", "army", "military", "soldiers", "police", "government",
                          "officials", "authorities", "ministry", "navy", "jets", "warplanes", "planes", "drones",
                          "diplomats", "embassy", "officers", "guards", "militia", "militias", "intelligence",
                          "security", "regime", "administration", "prosecutors", "court", "parliament", "fighters",
                          "militants", "rebels", "units", "agents", "spokesman", "spokeswoman", "leaders", "leader",
                          "consulate", "mission", "office", "department", "agency", "party", "committee", "council",
                          "delegation", "campaign", "compound", "headquarters", "station", "barracks", "base"})


# Words that follow the head noun of an argument: "a Brownsville mother of 12", "a Molenbeek resident who ...".
_AFTER_HEAD: Final = re.compile(r"\b(?:of|from|in|with|at|who|whose|whom|that|which)\b")
_COORDINATION: Final = frozenset({"and", "or", "but", "nor"})


# Titles written short before a name ("Sen. Estes Kefauver", "Gov. Jerry Brown").
_ABBREVIATED_TITLES: Final = frozenset({"sen", "gov", "rep", "gen", "adm", "col", "lt", "sgt", "capt", "supt", "insp",
                                        "det", "atty", "amb"})


def _qualifies(tail: str) -> bool:
    """Whether the words after a name inside an argument make it a qualifier of one person: only
    lower-case words, ending in a singular noun that names a person (the event dictionary's agents:
    "resident", "psychiatrist", "senator"; an office or a trade, as the quotes name speakers: "the former
    Libertines singer"), not one of :data:`_ARMS`; "Kata'ib Hezbollah bases" are the group's."""
    if tail.lstrip()[:1] in (",", ";", "(", "-", "–", "—"):
        return False  # "Gomez, a native of Mexico": an apposition says who the name is, it does not qualify it
    head = _AFTER_HEAD.split(tail, 1)[0].strip(" ,;")  # "a Brownsville mother [of 12]": up to what follows the head
    words = re.findall(r"[\w'’-]+", head)
    title = words[0].lower() if len(words) >= 2 else ""
    if title and (title in _ABBREVIATED_TITLES or title in actor_nouns()[0]) and title not in _ARMS \
            and all(w[:1].isupper() for w in words):
        return True  # "Tennessee Senator Estes Kefauver": the senator, whom the state's name only qualifies
    if words and not words[0][:1].islower() or "," in head or ";" in head:
        return False
    # the lower-case words after the name, up to a name that follows them ("New Zealand national Campbell Paterson")
    lower = list(itertools.takewhile(lambda w: w[:1].islower(), words))
    if not lower or _COORDINATION.intersection(lower):
        return False  # "Gov. McCrory and the state of North Carolina": two targets, not a qualifier
    last = lower[-1].lower()
    return last not in _ARMS and not last.endswith("s") and (last in actor_nouns()[0] or last in _BELONGING
                                                              or last in OFFICE_NOUNS)


def _day(mention: EventMention) -> date | None:
    when = mention.date
    if when is None or when.basis == "publication" or when.precision != "day":
        return None
    return when.first


def _range(mention: EventMention) -> tuple[date | None, date | None]:
    if mention.date is None:
        return None, None
    return mention.date.first, mention.date.last


@dataclass(frozen=True, slots=True)
class _Facts:
    mention: EventMention
    family: str
    sources: frozenset[str]
    targets: frozenset[str]
    sentence: str
    reworded: bool
    country: str = ""  # the country of the place the mention names, where the places stage resolved it
    people: frozenset[str] = frozenset()  # the targets that are people (by the actor stage's kind)


def _named_place(mention: EventMention) -> TextSpan | None:
    """Where the mention's sentence says it happened (not the dateline's place), if it says."""
    return mention.place if mention.place_basis != "dateline" else None


def _compatible(facts: _Facts, draft: _Draft) -> bool:
    mention = facts.mention
    if mention.type != draft.type:
        return False
    if facts.targets and draft.targets and not facts.targets & draft.targets:
        return False
    if facts.country and draft.countries:
        if facts.country not in draft.countries:
            return False  # an arrest in Egypt is not the arrest in Brussels
    elif (where := _named_place(mention)) is not None and draft.places \
            and not content_words(where.text) & draft.places:
        return False  # nor, where a name is not resolved, the arrest in Molenbeek
    first, last = _range(mention)
    if first is None or last is None or draft.first is None or draft.last is None:
        return True
    if mention.date is not None and mention.date.basis == "publication" and _killed_again(facts, draft):
        # "Zurana Horton was killed when ..." leading a report of the trial, dated only by its publication week:
        # one person is killed once, whenever the article says it was
        return draft.first <= last
    if not draft.stated and _killed_again(facts, draft):
        return first <= draft.last  # the same, the other way round
    day = _day(mention)
    slack = _DAY if day is not None and draft.days else timedelta(0)
    return first <= draft.last + slack and draft.first <= last + slack


def _weekdays(text: str) -> set[str]:
    """The weekdays a time expression's words name ("Friday night" -> {"friday"})."""
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w in WEEKDAYS} if text else set()


def _killed_again(facts: _Facts, draft: _Draft) -> bool:
    """Whether a mention tells of the killing of a person an event already holds killed."""
    return bool(facts.people & draft.targets) and stem_of(facts.mention.lemma) in _LETHAL \
        and bool(draft.lemmas & _LETHAL)


def _score(facts: _Facts, draft: _Draft) -> float:
    mention = facts.mention
    copies = draft.sentences.get((facts.family, facts.sentence))
    if copies is not None and (copies - {mention.article} or not (facts.sources or facts.targets)):
        # the same sentence in another copy of the same report, or a mention that names no one in the sentence of
        # a mention of the same type ("The air strike took place near Baghdad airport, killing Soleimani"); one that
        # names someone of its own joins only by what it shares ("A fire-bomb attack on a bank in Greece killed
        # three": the killing's "Greece" is no attacker to add)
        return 1.0
    if _killed_again(facts, draft):
        return 1.0  # one person killed (or shot) once
    where = _named_place(mention)
    shared = facts.sources & draft.sources or facts.targets & draft.targets
    weekdays = _weekdays(mention.unresolved_time)
    if (mention.unresolved_time or draft.weekdays) and not shared and not (
            where is not None and content_words(where.text) & draft.places):
        # a day without a calendar ("Friday" in an undated article) says nothing of which Friday: without someone in
        # common, only a report of the same place joins ("killed a woman in Queens last night" is not "LuAnn Marie
        # Johnson was killed Wednesday night" outside a Sam's Club in Bloomington)
        return 0.0
    score = 0.0
    if stem_of(mention.lemma) in draft.lemmas:
        score += 0.35
    if facts.targets & draft.targets:
        score += 0.3
    if facts.sources & draft.sources:
        score += 0.15
    day = _day(mention)
    if day is not None and day in draft.days or weekdays & draft.weekdays:
        score += 0.25
    if where is not None and content_words(where.text) & draft.places:
        score += 0.1
    named, known = facts.sources | facts.targets, draft.sources | draft.targets
    if named and known and not named & known:
        score -= _OTHERS  # "the RNC's meeting in Boston" and "a March meeting of the Progressive Caucus"
    return score


def _add(draft: _Draft, facts: _Facts) -> None:
    mention = facts.mention
    draft.members.append((mention, facts.reworded))
    draft.lemmas.add(stem_of(mention.lemma))
    if not facts.reworded:  # a spun rewrite's words never become facts
        draft.sources |= facts.sources
        draft.targets |= facts.targets
        if facts.country:
            draft.countries.add(facts.country)
    draft.sentences.setdefault((facts.family, facts.sentence), set()).add(mention.article)
    if (day := _day(mention)) is not None:
        draft.days.add(day)
    draft.weekdays |= _weekdays(mention.unresolved_time)
    if (where := _named_place(mention)) is not None:
        draft.places |= content_words(where.text)
    first, last = _range(mention)
    if first is not None and last is not None and mention.date is not None and mention.date.basis != "publication":
        # a stated date narrows the event; a publication week only bounds it when nothing else does
        if draft.first is None or not draft.stated or draft.days == {day} or (
                draft.last is not None and draft.first is not None and (last - first) < (draft.last - draft.first)):
            draft.first, draft.last, draft.stated = first, last, True
    elif draft.first is None:
        draft.first, draft.last = first, last


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SUMMARY_CHARS else text[:_SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"


def _event_date(members: Sequence[tuple[EventMention, bool]], family_of: Mapping[str, str]
                ) -> tuple[EventDate | None, list[dict[str, object]]]:
    """The date most families give (earliest among equals), or the narrowest date inside it that a
    family gives, and the claims that differ from it."""
    claims: dict[tuple[date, date, str], set[str]] = {}
    best_of: dict[tuple[date, date, str], EventDate] = {}
    fallback: EventDate | None = None
    for mention, reworded in members:
        when = mention.date
        if when is None or reworded:
            continue
        if when.basis == "publication":
            fallback = when if fallback is None or when.last < fallback.last else fallback
            continue
        key = (when.first, when.last, when.precision)
        claims.setdefault(key, set()).add(family_of.get(mention.article, mention.article))
        best_of.setdefault(key, when)
    if not claims:
        return fallback, []
    ranked = sorted(claims, key=lambda k: (-len(claims[k]), k[1] - k[0], k[0]))
    # the narrowest claim inside the one most families give: "last fall" in most, "Oct. 23" in one
    chosen = min((k for k in ranked if ranked[0][0] <= k[0] and k[1] <= ranked[0][1]),
                 key=lambda k: (k[1] - k[0], -len(claims[k]), k[0]))
    conflicts: list[dict[str, object]] = []
    precise = [k for k in ranked if k[2] == "day"]
    if chosen[2] == "day" and len(precise) > 1:
        conflicts = [{"field": "date", "value": k[0].isoformat(), "families": sorted(claims[k])} for k in precise]
    return best_of[chosen], conflicts


def _best(facts: _Facts, drafts: Sequence[_Draft], among: str | None = None) -> _Draft | None:
    """The compatible draft ``facts`` shares most with, if it shares enough (from ``among``'s
    article only, when given)."""
    scored = [(d, _score(facts, d)) for d in drafts if _compatible(facts, d)
              and (among is None or any(m.article == among for m, _ in d.members))]
    best = max(scored, key=lambda x: x[1], default=None)
    least = _JOIN if _says_enough(facts) else _JOIN_THIN
    return best[0] if best is not None and best[1] >= least else None


def _says_enough(facts: _Facts) -> bool:
    """Whether a mention is political (someone acts, on someone where the type needs it: see
    :attr:`EventMention.political`), says two of when, who and where (see the module doc), and is
    typed with evidence: a dictionary pattern, a noun that names an event, or a verb whose default code is
    one of the concrete categories (:data:`TRUSTED_ROOTS`), not an everyday verb's ("approved",
    "passed": see :func:`~newsdossier.events.extract.find_event_mentions`)."""
    mention = facts.mention
    if not mention.political or mention.evidence == "everyday" \
            or mention.evidence == "verb" and mention.code[:2] not in TRUSTED_ROOTS:
        return False
    # (a day the text names without a calendar, "Friday" in an undated article, is no when: read on the regression
    # piles, half the events it would start were wrong, a future thing or another verb's day among them)
    when = mention.date is not None and mention.date.basis != "publication"
    who = bool(facts.sources or facts.targets)
    where = mention.place is not None and mention.place_basis == "attached"
    return when + who + where >= 2


def surname_aliases(names: Mapping[str, str], topics: Mapping[str, Set[str]] | None = None,
                    honorifics: Mapping[str, Set[str]] | None = None) -> dict[str, str]:
    """People (``names``: id to name) named by one word that is the last word of exactly one other
    person's name ("Gray", where the pile also has "Kimani Gray" and no other Gray), mapped to that
    person: the actor stage keeps a lone surname apart across articles, but two reports of one
    killing, "Gray, who was fatally wounded" and "Kimani Gray was shot and killed", name one
    target. With two full names ending in the word ("John Smith", "Jane Smith") it stays apart;
    with ``topics`` (the story topics each person is named in), so does a surname whose topics
    the full name is never named in ("Mr Knight ... was jailed" in a story about a rapper, "Beverley
    Knight" only in another); with ``honorifics`` (the forms of address each person is written with), so does
    one whose "Mr" or "Mrs" the full name's given name does not fit ("Mr. Gomes" is not Catherine Gomes)."""
    by_last: dict[str, list[str]] = {}
    for actor, name in names.items():
        words = name.lower().split()
        if len(words) > 1:
            by_last.setdefault(words[-1], []).append(actor)
    aliases = {}
    for actor, name in names.items():
        words = name.lower().split()
        if len(words) == 1 and len(full := by_last.get(words[0], [])) == 1 and (
                topics is None or topics.get(actor, set()) & topics.get(full[0], set())) \
                and all(gender_fits(form, names[full[0]]) for form in (honorifics or {}).get(actor, ())):
            aliases[actor] = full[0]
    return aliases


def resolve_events(mentions: Mapping[str, Sequence[EventMention]], *, story_of: Mapping[str, str],
                   family_of: Mapping[str, str], spun_sources: Mapping[str, str],
                   actors: Mapping[str, Sequence[tuple[int, int, str]]], texts: Mapping[str, str],
                   published: Mapping[str, date | None], topic_of: Mapping[str, str] | None = None,
                   story_first: Mapping[str, date | None] | None = None,
                   story_last: Mapping[str, date | None] | None = None,
                   countries: Mapping[tuple[str, int], str] | None = None,
                   aliases: Mapping[str, str] | None = None, people: Set[str] = frozenset()) -> list[Event]:
    """The pile's events (see the module doc), by story and date. ``topic_of`` maps a story to its
    topic (stories are their own topics without it); ``story_first`` and ``story_last`` give each
    story's first and last day; ``countries`` the country code of the place a mention names (by
    article and trigger offset), where the places stage resolved it: mentions in two countries
    are never one event; ``aliases`` the actor a lone surname stands for (:func:`surname_aliases`);
    ``people`` the actors that are persons (one person is killed once: see :data:`_LETHAL`)."""
    topic_of = topic_of or {}
    aliases = aliases or {}
    countries = countries or {}
    story_first = story_first or {}
    story_last = story_last or {}
    by_story: dict[str | None, list[_Facts]] = {}
    for article, found in mentions.items():
        text = texts.get(article, "")
        spans = actors.get(article, ())
        reworded = article in spun_sources
        for mention in found:
            if mention.embedded or not mention.factual:
                continue
            sources = _actors_in(mention.source.start, mention.source.end, spans, text) if mention.source else set()
            targets = set()
            for target in (mention.target, *mention.also_targets):
                if target is not None:
                    targets |= _actors_in(target.start, target.end, spans, text)
            sources, targets = {aliases.get(a, a) for a in sources}, {aliases.get(a, a) for a in targets}
            facts = _Facts(mention, family_of.get(article, article), frozenset(sources), frozenset(targets),
                           _norm(text[mention.sentence[0]:mention.sentence[1]]), reworded,
                           countries.get((article, mention.trigger.start), ""), frozenset(targets & people))
            story = story_of.get(article)
            by_story.setdefault(topic_of.get(story, story) if story else f"article:{article}", []).append(facts)
    events: list[Event] = []
    for _topic, facts_list in sorted(by_story.items(), key=lambda kv: kv[0] or ""):
        originals = [f for f in facts_list if not f.reworded]
        rewordings = [f for f in facts_list if f.reworded]
        drafts: list[_Draft] = []
        # (inside a sentence, mentions that name someone first: "The air strike took place ..., killing Soleimani"
        # joins the killing of Soleimani, and the strike then joins it by the sentence they share)
        order = sorted(originals, key=lambda f: (published.get(f.mention.article) or date.max, f.mention.article,
                                                 f.mention.sentence[0], not (f.sources or f.targets),
                                                 f.mention.trigger.start))
        # Mentions that say enough start or join events, in date order; then the others may join one.
        for facts in [f for f in order if _says_enough(f)]:
            best = _best(facts, drafts)
            if best is not None:
                _add(best, facts)
            else:
                first, last = _range(facts.mention)
                draft = _Draft(facts.mention.type, first, last)
                _add(draft, facts)
                drafts.append(draft)
        for facts in [f for f in order if not _says_enough(f)]:
            if (best := _best(facts, drafts)) is not None:
                _add(best, facts)
        for facts in rewordings:
            if (best := _best(facts, drafts, among=spun_sources[facts.mention.article])) is not None:
                _add(best, facts)  # never a draft of its own
        for draft in drafts:
            events.append(_finish(draft, story_of, family_of, texts, published, story_first, story_last))
    events.sort(key=lambda e: (e.story or "", e.date.first if e.date else date.max, e.summary))
    for number, event in enumerate(events, 1):
        event.id = f"v{number}"
    return events


def _story(members: Sequence[tuple[EventMention, bool]], when: EventDate | None, story_of: Mapping[str, str],
           story_first: Mapping[str, date | None], story_last: Mapping[str, date | None]) -> str | None:
    """The story an event belongs to: one of those reporting it whose days hold its date (the
    story where it is news), else the one reporting it most (the earliest among equals)."""
    counts = Counter(story_of.get(m.article) for m, reworded in members if not reworded)
    if when is not None and when.basis != "publication":
        holding = [s for s in counts if s and (story_first.get(s) or date.max) - _DAY <= when.last
                   and when.first <= (story_last.get(s) or date.min)]
        if holding:
            return max(holding, key=lambda s: counts[s])
    top = max(counts.values(), default=0)
    return min((s for s, n in counts.items() if n == top),
               key=lambda s: (story_first.get(s) or date.max) if s else date.max, default=None)


def _finish(draft: _Draft, story_of: Mapping[str, str], family_of: Mapping[str, str], texts: Mapping[str, str],
            published: Mapping[str, date | None], story_first: Mapping[str, date | None],
            story_last: Mapping[str, date | None]) -> Event:
    members = sorted(draft.members, key=lambda m: (m[1], published.get(m[0].article) or date.max,
                                                  m[0].article, m[0].trigger.start))
    first = members[0][0]
    when, conflicts = _event_date(members, family_of)
    story = _story(members, when, story_of, story_first, story_last)
    firsts = [story_first[s] for m, _ in members if (s := story_of.get(m.article)) and story_first.get(s)]
    window = min(firsts) if firsts else None  # type: ignore[type-var]
    places = Counter(m.place.text for m, reworded in members if m.place is not None and not reworded
                     and m.place_basis in ("attached", "sentence"))
    # else the dateline most of its reports were filed from
    datelines = Counter(m.place.text for m, reworded in members if m.place is not None and not reworded)
    place = places.most_common(1)[0][0] if places else datelines.most_common(1)[0][0] if datelines else next(
        (m.place.text for m, _ in members if m.place is not None), None)
    modes = Counter(m.mode for m, _ in members if m.mode)
    families = sorted({family_of.get(m.article, m.article) for m, reworded in members if not reworded})
    background = bool(when is not None and window is not None and when.basis != "publication"
                      and when.last < window - timedelta(days=BACKGROUND_DAYS))
    if background and not places:
        place = None  # the dateline is where the reporter is now, not where the annexation of 1967 happened
    if when is not None and when.basis != "publication":
        # the summary is a report that gives the event's date, so that the two read as one fact
        first = next((m for m, reworded in members if not reworded and m.date is not None
                      and (m.date.first, m.date.last) == (when.first, when.last)), first)
    text = texts.get(first.article, "")
    return Event("", story, draft.type, modes.most_common(1)[0][0] if modes else "", when, place,
                 _shortened(text[first.sentence[0]:first.sentence[1]]), members,
                 sorted(draft.sources), sorted(draft.targets), families, conflicts, background)
