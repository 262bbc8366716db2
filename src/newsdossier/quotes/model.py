"""The records of the quotes stage: a span of text, and a quote with its cue, source and speaker."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Quote", "TextSpan"]


@dataclass(frozen=True, slots=True)
class TextSpan:
    """Characters ``start``-``end`` of an article's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """One attribution in one article: what was said (``parts``: one, or the pieces of a quote
    split around its cue), the word that says so (``cue``),
    the source as the sentence names it (``source``: "he", "the expert", "Sajad Jiyad") and who
    that is (``speaker``: the source itself, or the earlier mention a pronoun or nominal points to).

    ``how`` says how the speaker was found: ``named``, ``pronoun``, ``relative`` ("who said"),
    ``nominal`` ("the expert"), ``anonymous`` ("a senior official at ..."), ``continuation`` (a
    quote with no cue of its own, after a quote of the same speaker) or ``unknown``.
    ``role`` is the speaker's role as written next to the quote ("a fellow at ..."), if any;
    ``actor`` the id of the actor the speaker is, when the source (or what it refers back to)
    is a mention the entities stage resolved.
    """

    article: str
    parts: tuple[TextSpan, ...]
    direct: bool
    cue: TextSpan | None
    source: TextSpan | None
    speaker: TextSpan | None
    how: str
    role: TextSpan | None = None
    actor: str | None = None  # the actor (entity id) the speaker is, when the entities stage knows it

    @property
    def content(self) -> TextSpan:
        """From the first part's start to the last part's end; ``text`` is the parts joined by " … "."""
        return TextSpan(self.parts[0].start, self.parts[-1].end, " … ".join(p.text for p in self.parts))

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end
