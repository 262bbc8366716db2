"""Who a source is: names kept, pronouns and nominals followed back, anonymous sources kept as described.

Read in text order, each attribution's source (as the sentence writes it) is one of:

* **named** ("Sajad Jiyad", "Kataeb Hezbollah"): a proper noun in it; it is its own speaker;
* **pronoun** ("he adds", "she said"): the latest speaker of the article that a person pronoun
  can stand for (a person's name, or a description with a person noun: "one politician"), or,
  with no earlier speaker, the latest person the NER found before the cue; "they", "we" and
  "it" take the latest speaker that is not a single person;
* **relative** ("Jiyad, who said"): the noun phrase the relative clause hangs on;
* **nominal** ("the expert believes", "the source adds", "the analyst"): the latest speaker
  whose source or role has that noun; a generic speaker noun ("the source", "the expert")
  with no such match takes the latest person speaker, since news style introduces a speaker
  by name or description and then refers back with a generic noun;
* **anonymous** ("a senior official at the Iraqi government", "one Western diplomat",
  "Security sources"): an indefinite or bare plural description, kept as it is, never linked
  to a named actor.

A quote with no cue of its own (a continuation) takes the speaker of the quote it continues.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

from newsdossier.entities.knowledge import HONORIFICS, given_name_gender
from newsdossier.quotes.attribution import Attribution
from newsdossier.quotes.model import Quote, TextSpan

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
    stated = HONORIFICS.get(words[0].lower()) if words[0].lower() in HONORIFICS else given_name_gender(words[0])
    if stated in (None, "either") and len(words) > 1 and words[0].lower() in HONORIFICS:
        stated = given_name_gender(words[1])
    return stated in (None, "either") or stated == wanted


def _cue_start(attribution: Attribution) -> int:
    return attribution.cue.start if attribution.cue else attribution.content.start


def _resolve(attribution: Attribution, doc: Any, known: list[_Known],
             actors: Sequence[ActorMention], text: str) -> tuple[TextSpan | None, str | None, str]:
    """(speaker, actor id, how) of an attribution with a source; ``text`` is ``doc.text``."""
    source = attribution.source
    assert source is not None
    actor = _actor_of(source, actors, text)
    kind = _kind(source, doc, actor)
    lower = source.text.lower()
    if kind == "pronoun":
        person = lower in PERSON_PRONOUNS
        match = next((k for k in reversed(known) if k.person == person and _gender_fits(lower, k.speaker.text)), None)
        if match is not None:
            return match.speaker, match.actor, "pronoun"
        fallback = _latest_person_entity(doc, _cue_start(attribution), lower) if person else None
        return fallback, _actor_of(fallback, actors, text) if fallback else None, "pronoun"
    if kind == "relative":
        antecedent = _antecedent(doc, source)
        return antecedent, _actor_of(antecedent, actors, text) if antecedent else None, "relative"
    if kind == "nominal":
        head = _head(source)
        match = next((k for k in reversed(known) if head and head in k.words), None)
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
    for attribution in attributions:
        if attribution.continues is not None:
            earlier = quotes[attribution.continues]
            quotes.append(Quote(article, attribution.parts, attribution.direct, None, None, earlier.speaker,
                                "continuation", earlier.role, earlier.actor))
            continue
        speaker, actor, how = _resolve(attribution, doc, known, actors, text)
        quotes.append(Quote(article, attribution.parts, attribution.direct, attribution.cue, attribution.source,
                            speaker, how if speaker is not None else "unknown", attribution.role, actor))
        if speaker is not None and how != "pronoun":
            known.append(_Known(speaker, actor, _is_person(speaker, doc, how),
                                _words(attribution.source, attribution.role, speaker)))
    return quotes


def link_actor(quote: Quote, actors: Sequence[ActorMention], text: str) -> Quote:
    """``quote`` with its ``actor`` set from the pile's actor mentions of its article, for quotes found
    before the actors were resolved: the actor a named, nominal or relative speaker names (see
    :func:`_actor_of`), or the speaker a pronoun or continuation was followed back to names."""
    if quote.actor is not None or quote.speaker is None or quote.how == "anonymous":
        return quote
    actor = _actor_of(quote.speaker, actors, text)
    return quote if actor is None else replace(quote, actor=actor)
