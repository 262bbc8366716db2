"""Quotation marks: pairs, multi-paragraph quotes, nested and single quotes, apostrophes."""

from __future__ import annotations

import pytest

from newsdossier.quotes.marks import find_quote_marks


def _inner(text: str) -> list[str]:
    return [text[q.inner_start:q.inner_end] for q in find_quote_marks(text)]


@pytest.mark.parametrize(("text", "quoted"), [
    ("He said “a b c,” and “d”.", ["a b c", "d"]),
    ('"Straight," he said. "Two"', ["Straight", "Two"]),
    ("“Outer ‘inner’ words,” she said.", ["Outer ‘inner’ words"]),  # a nested quote stays inside
    ("x “unclosed\n\nnext “q” y", ["unclosed", "q"]),  # an unclosed quote ends with its paragraph
    ("“First paragraph\n\n“Second paragraph,” he said.", ["First paragraph\n\n“Second paragraph"]),
    ("It said\xa0“With an eye to it,” he said.", ["With an eye to it"]),  # a no-break space before the mark
    ("She said 'hi' and ‘quoted words’ here, don’t", ["quoted words"]),  # British style, no double quotes
    ("Kata’ib Hezbollah’s men don’t talk.", []),  # apostrophes are not marks
    ("''Yes,'' she said. ``No,'' he said.", ["Yes", "No"]),  # two apostrophes or backticks for a double mark
    ("He is 6 ft 2'' tall.", []),  # inches, not a quote
])
def test_quoted_text(text: str, quoted: list[str]) -> None:
    assert _inner(text) == quoted


def test_paragraph_count() -> None:
    marks = find_quote_marks("“One\n\n“Two\n\n“Three,” he said.")
    assert len(marks) == 1 and marks[0].paragraphs == 3
