"""What the events tests read of a text: its event mentions by trigger word."""

from __future__ import annotations

from typing import Any

from newsdossier.events.extract import find_event_mentions


def mentions(nlp: Any, text: str) -> dict[str, Any]:
    """The event mentions of ``text``, by their trigger's words (the last one of a word used twice)."""
    return {m.trigger.text: m for m in find_event_mentions("a", nlp(text), text)}
