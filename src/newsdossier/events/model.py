"""Event mentions: one report, in one article, of something that happened (or was threatened)."""

from __future__ import annotations

from dataclasses import dataclass

from newsdossier.quotes.model import TextSpan

__all__ = ["EventMention", "TextSpan"]


@dataclass(frozen=True, slots=True)
class EventMention:
    """A trigger word typed with PLOVER (``type``, ``mode``: how, where the words say it), its
    arguments as the sentence names them (``source``: who acts; ``target``: whom it is done to),
    and how it is asserted. ``modality`` is ``asserted`` for what the article says happened,
    else what the governing words make of it: ``threatened``, ``demanded``, ``intended``,
    ``denied``, ``possible`` (a modal or future), ``reported_denied``; ``negated`` for "did not
    strike". Only an asserted, unnegated mention reports an event that took place.
    ``embedded`` marks a mention inside another's complement ("threatened to [strike]").
    ``code`` is the CAMEO code the dictionary gave, ``sentence`` the sentence's span.
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

    @property
    def factual(self) -> bool:
        return self.modality == "asserted" and not self.negated
