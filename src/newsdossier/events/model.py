"""Event mentions (one report, in one article, of something that happened or was threatened)
and events (the real-world happenings they report, each counted once)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from newsdossier.places.gazetteer import Place
from newsdossier.quotes.model import TextSpan

__all__ = ["Event", "EventDate", "EventMention", "TextSpan"]

# Event types whose target is someone: releasing, arresting, aiding, meeting, demanding, accusing.
# Others are done to things as readily (a town shelled, an agreement signed, sanctions imposed).
_PEOPLE_AS_TARGETS = frozenset({"RETREAT", "COERCE", "AID", "CONSULT", "SUPPORT", "COOPERATE", "DISAPPROVE",
                                "DEMAND", "THREATEN", "INVESTIGATE"})


@dataclass(frozen=True, slots=True)
class EventDate:
    """When a mention says its event happened: ``first``-``last`` (the days covered),
    ``precision`` (``day``, ``week``, ``month``, ``year``), ``text`` (the words, or "" when the
    date is the article's), and ``basis``: ``attached`` (a time expression the parse attaches to
    the trigger), ``sentence`` (the one dated expression of the sentence the event is the main
    one of) or ``publication`` (none: the event was reported in an article of that date, so it
    happened that day or in the days before, a week at most)."""

    first: date
    last: date
    precision: str
    text: str
    basis: str
    value: str = ""


@dataclass(frozen=True, slots=True)
class EventMention:
    """A trigger word typed with PLOVER (``type``, ``mode``: how, where the words say it), its
    arguments as the sentence names them (``source``: who acts; ``target``: whom it is done to),
    and how it is asserted. ``modality`` is ``asserted`` for what the article says happened,
    else what the governing words make of it: ``threatened``, ``demanded``, ``intended``,
    ``denied``, ``prevented`` ("stopped them from attacking"), ``possible`` (a modal, "if", "a possible
strike"), ``generic`` (a simple present after the first sentence: "Putin kills journalists");
``negated`` for "did not strike". Only an
    asserted, unnegated mention reports an event that took place (``factual``).
    ``embedded`` marks a mention inside another's complement ("threatened to [strike]").
    ``code`` is the CAMEO code the dictionary gave, ``sentence`` the sentence's span; ``date``
    and ``place`` (the place's words, and ``place_basis``: ``attached``, ``sentence`` or
    ``dateline``) are filled when the article's time expressions and names are known.
    """

    article: str
    trigger: TextSpan
    lemma: str
    type: str
    mode: str
    code: str
    modality: str
    negated: bool
    embedded: bool
    sentence: tuple[int, int]
    source: TextSpan | None = None
    target: TextSpan | None = None
    date: EventDate | None = None
    place: TextSpan | None = None
    place_basis: str = ""
    also_targets: tuple[TextSpan, ...] = ()  # coordinated targets the phrase could not hold ("X, who ..., and Y")
    # what typed it: "pattern" (the words around the verb), "verb" (its default code), "everyday" (the
    # default code of a verb whose everyday senses it does not tell apart: "approved"), "noun"
    evidence: str = ""
    source_is_actor: bool = False  # the source names a person, group, organisation or state
    target_is_actor: bool = False
    source_is_thing: bool = False  # the source names neither an actor nor a weapon ("disease", "sales")
    discarded: str = ""  # the discard phrase of its sentence or article ("goalkeeper", "Champions League")
    # the time attached to it that the text gives no calendar for ("appeared in court Friday" in an article with
    # no publication date): it happened then, on a day nobody can name
    unresolved_time: str = ""

    @property
    def political(self) -> bool:
        """Whether the words allow a political event (only such a mention may start an event).
        Not one: a mention in a sentence or article PETRARCH2 discards (sport, entertainment,
        weather, history); an event of a kind done to someone (a release, an arrest, aid, a
        meeting, a demand: :data:`_PEOPLE_AS_TARGETS`) whose object is a thing and names nobody
        it is done to ("released a new album", "supplied the parts"; but "released two hostages",
        "supplied arms to Israel"); violence whose source is a thing that is no weapon ("killed by
        disease"; a report may accuse, though)."""
        if self.discarded:
            return False  # a sports, entertainment, weather or history sentence (PETRARCH2's discards)
        if self.source_is_thing and self.type == "ASSAULT":
            return False  # "killed by disease", "the explosion in consumer technology": nobody did it
        return self.target is None or self.target_is_actor or self.type not in _PEOPLE_AS_TARGETS

    @property
    def factual(self) -> bool:
        return self.modality == "asserted" and not self.negated


@dataclass(slots=True)
class Event:
    """One real-world event: every mention that reports it, across the pile's articles.

    ``mentions`` are ``(mention, reworded)``: ``reworded`` for a mention in a spun rewrite,
    which joins the event of its source and never makes one alone. ``actors`` and ``targets``
    are the actor ids the mentions' arguments resolve to; ``families`` the independent source
    families that report it; ``conflicts`` the claims the families disagree on (a date), side by
    side with their sources; ``background`` for an event dated well before its story's window.
    """

    id: str
    story: str | None
    type: str
    mode: str
    date: EventDate | None
    place: str | None
    summary: str
    mentions: list[tuple[EventMention, bool]] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    families: list[str] = field(default_factory=list)
    conflicts: list[dict[str, object]] = field(default_factory=list)
    background: bool = False
    geo: Place | None = None  # where ``place`` is, as the places stage resolved it
