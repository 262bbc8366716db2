"""Lines of a source text with their offsets, the unit the cleaner decides on.

Scraped text keeps the page's block structure as lines; furniture ("Read more: ...",
"Comments", a date widget) almost always occupies whole lines, so deciding line by
line keeps every removal a clean, recordable span.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Line", "line_key", "line_texts", "split_lines", "word_count"]

_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line: ``text`` is stripped, ``start``/``end`` bound it in the source."""

    index: int  # position among non-blank lines
    start: int
    end: int
    text: str
    blank_before: bool  # a blank line (or the start of text) precedes it
    blank_after: bool
    words: int


def word_count(text: str) -> int:
    """Whitespace-separated tokens.

    str.split rather than a word regex: 5x faster (bench/ingest_speed.py, bench/html_speed.py),
    and the thresholds it feeds (a headline's length, a stub's) do not notice the odd dash
    counted as a word; punctuation-only lines are labelled before any threshold applies.
    """
    return len(text.split())


def line_key(text: str) -> str:
    """A normalised form for counting how often a line recurs across articles."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub(" ", folded).strip()


def line_texts(text: str) -> Iterator[str]:
    """The raw lines of a text, split exactly as :func:`split_lines` splits them."""
    for start, end in _raw_lines(text):
        yield text[start:end]


def _raw_lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with stripped text and exact source offsets."""
    spans: list[tuple[int, int]] = []
    blank_before_flags: list[bool] = []
    previous_blank = True
    for start, end in _raw_lines(text):
        raw = text[start:end]
        stripped = raw.strip()
        # NBSP-only and bullet-only lines count as content here; furniture rules drop them.
        if not stripped:
            previous_blank = True
            continue
        lead = len(raw) - len(raw.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
        blank_before_flags.append(previous_blank)
        previous_blank = False
    lines = []
    for index, (start, end) in enumerate(spans):
        blank_after = index + 1 == len(spans) or blank_before_flags[index + 1]
        content = text[start:end]
        lines.append(Line(index, start, end, content, blank_before_flags[index], blank_after, word_count(content)))
    return lines
