"""Quotation marks: where quoted text starts and ends, across paragraphs, with nested quotes inside.

Curly (“ ”), straight (") and guillemet («») double quotes are read by position, not by
glyph, because sites mix them up (a closing ” typed as an opener, straight quotes
everywhere): a mark after a space or at a line start opens, a mark before a space or
punctuation closes. A paragraph that ends inside a quote and a next paragraph that opens
with a quote mark make one multi-paragraph quote (the news convention: no closing mark at the
end of a quoted paragraph that continues). Single quotes inside a double quote are part of it
(a nested quote); an article with no double quotes at all is read with single quotes
(‘ ’) instead, the British style, where an apostrophe inside a word is never a mark. Two
apostrophes or two backticks stand for a double mark (''...'' and ``...'': how newspaper archive
exports and typewriter-style texts write quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

__all__ = ["MARK_TOKENS", "QuoteMarks", "find_quote_marks"]

DOUBLE: Final = "“”\"«»„"
SINGLE: Final = "‘’"
# double marks written with two characters: two apostrophes, two backticks
_DOUBLED: Final = ("''", "``")
# a quotation mark as the tokenizer splits it off
MARK_TOKENS: Final = frozenset({*DOUBLE, *_DOUBLED})
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


def _pattern(marks: str) -> re.Pattern[str]:
    doubled = [re.escape(d) for d in _DOUBLED] if marks == DOUBLE else []
    return re.compile("|".join([*doubled, f"[{re.escape(marks)}]"]))


def _kinds(text: str, marks: str) -> list[tuple[int, int, str]]:
    """Every mark with its length and reading: ``open``, ``close`` or ``either``."""
    found = []
    for match in _pattern(marks).finditer(text):
        i, j = match.span()
        before = text[i - 1] if i else "\n"
        after = text[j] if j < len(text) else "\n"
        opens = before.isspace() or before in _OPENS_AFTER or before in marks
        closes = after.isspace() or after in _CLOSES_BEFORE or after in marks
        if marks == SINGLE and before.isalnum() and after.isalnum():
            continue  # an apostrophe: don’t, Kata’ib
        if opens and not closes:
            found.append((i, j - i, "open"))
        elif closes and not opens:
            found.append((i, j - i, "close"))
        elif opens and closes:
            found.append((i, j - i, "either"))
    return found


def find_quote_marks(text: str) -> list[QuoteMarks]:
    """The quotations of ``text`` in order; an unclosed quote runs to the end of its paragraph."""
    marks = DOUBLE if any(c in text for c in DOUBLE) or any(d in text for d in _DOUBLED) else SINGLE
    found: list[QuoteMarks] = []
    opened: int | None = None
    last = paragraphs = opener = 0
    for i, length, kind in _kinds(text, marks):
        if opened is not None and (cut := text.find("\n\n", last, i)) >= 0:
            if kind != "close" and text[cut:i].strip() == "" and text[last + 1:cut].strip():
                paragraphs += 1  # the quote goes on in the next paragraph, which opens with a mark
                last = i
                continue
            found.append(_quote(text, opened, cut, paragraphs, opener, 0))
            opened = None
        if opened is None:
            if kind != "close":
                opened, last, paragraphs, opener = i, i, 1, length
        elif kind == "open":
            last = i  # a stray opener inside a quote (a nested quote typed with double marks)
        else:
            found.append(_quote(text, opened, i + length, paragraphs, opener, length))
            opened = None
    if opened is not None:
        found.append(_quote(text, opened, _next_break(text, last), paragraphs, opener, 0))
    return found


def _next_break(text: str, i: int) -> int:
    end = text.find("\n\n", i)
    return len(text) if end < 0 else end


def _quote(text: str, start: int, end: int, paragraphs: int, opener: int, closer: int) -> QuoteMarks:
    """``opener`` and ``closer``: the marks' lengths (a quote left open at a paragraph's end has no closer)."""
    inner_start = start + opener
    inner_end = end - closer
    while inner_end > inner_start and text[inner_end - 1] in " \n,":
        inner_end -= 1
    return QuoteMarks(start, end, inner_start, inner_end, paragraphs)
