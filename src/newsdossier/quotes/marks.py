"""Quotation marks: where quoted text starts and ends, across paragraphs, with nested quotes inside.

Curly (“ ”), straight (") and guillemet («») double quotes are read by position, not by
glyph, because sites mix them up (a closing ” typed as an opener, straight quotes
everywhere): a mark after a space or at a line start opens, a mark before a space or
punctuation closes. A paragraph that ends inside a quote and a next paragraph that opens
with a quote mark make one multi-paragraph quote (the news convention: no closing mark at the
end of a quoted paragraph that continues). Single quotes inside a double quote are part of it
(a nested quote); an article with no double quotes at all is read with single quotes
(‘ ’) instead, the British style, where an apostrophe inside a word is never a mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

__all__ = ["QuoteMarks", "find_quote_marks"]

DOUBLE: Final = "“”\"«»„"
SINGLE: Final = "‘’"
_OPENS_AFTER: Final = " \t\n([{—–-/:"
_CLOSES_BEFORE: Final = " \t\n)]}.,;:!?—–-…"


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """One quotation: ``start``/``end`` include the marks; ``inner`` is the quoted text without them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    paragraphs: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        return self.inner_start, self.inner_end


def _kinds(text: str, marks: str) -> list[tuple[int, str]]:
    """Every mark with its reading: ``open``, ``close`` or ``either``."""
    found = []
    for match in re.finditer(f"[{re.escape(marks)}]", text):
        i = match.start()
        before = text[i - 1] if i else "\n"
        after = text[i + 1] if i + 1 < len(text) else "\n"
        opens = before.isspace() or before in _OPENS_AFTER or before in marks
        closes = after.isspace() or after in _CLOSES_BEFORE or after in marks
        if marks == SINGLE and before.isalnum() and after.isalnum():
            continue  # an apostrophe: don’t, Kata’ib
        if opens and not closes:
            found.append((i, "open"))
        elif closes and not opens:
            found.append((i, "close"))
        elif opens and closes:
            found.append((i, "either"))
    return found


def find_quote_marks(text: str) -> list[QuoteMarks]:
    """The quotations of ``text`` in order; an unclosed quote runs to the end of its paragraph."""
    marks = DOUBLE if any(c in text for c in DOUBLE) else SINGLE
    found: list[QuoteMarks] = []
    opened: int | None = None
    last = paragraphs = 0
    for i, kind in _kinds(text, marks):
        if opened is not None and (cut := text.find("\n\n", last, i)) >= 0:
            if kind != "close" and text[cut:i].strip() == "" and text[last + 1:cut].strip():
                paragraphs += 1  # the quote goes on in the next paragraph, which opens with a mark
                last = i
                continue
            found.append(_quote(text, opened, cut, paragraphs, closed=False))
            opened = None
        if opened is None:
            if kind != "close":
                opened, last, paragraphs = i, i, 1
        elif kind == "open":
            last = i  # a stray opener inside a quote (a nested quote typed with double marks)
        else:
            found.append(_quote(text, opened, i + 1, paragraphs, closed=True))
            opened = None
    if opened is not None:
        found.append(_quote(text, opened, _next_break(text, last), paragraphs, closed=False))
    return found


def _next_break(text: str, i: int) -> int:
    end = text.find("\n\n", i)
    return len(text) if end < 0 else end


def _quote(text: str, start: int, end: int, paragraphs: int, *, closed: bool) -> QuoteMarks:
    inner_start = start + 1
    inner_end = end - 1 if closed else end
    while inner_end > inner_start and text[inner_end - 1] in " \n,":
        inner_end -= 1
    return QuoteMarks(start, end, inner_start, inner_end, paragraphs)
