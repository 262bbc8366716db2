"""Article content as Markdown that shows what it says and does nothing else (issue #26).

dossier.md is read in viewers that render Markdown (GitHub, editors, pandoc), and what it quotes comes
from scraped pages that anyone may have written. Every value the dossier takes from an article, a file
name or a record built from them is written through :func:`md_text` (inline text) or :func:`md_code`
(inside backticks). Only what can do harm or break the file's structure is escaped, so ordinary news
text reads as it was written:

- ``<``: no raw HTML (``<script>``, ``<img onerror=...>``, ``<iframe>``), no HTML comment (``<!--``
  would hide the rest of the file) and no autolink (``<javascript:...>``);
- ``[`` and ``]``: no link or image (``[x](javascript:...)``, ``![x](http://tracker/)``) and no link
  reference definition;
- ``\\`` and backticks: content can neither undo an escape nor open a code span;
- ``|``: no table;
- ``*``, ``~`` and a ``_`` that is not inside a word: no emphasis or strike-through that would eat the marks
  of "7*7" or "f***" (a ``_`` inside a word, as in file names, emphasises nothing and is left alone);
- ``&`` where it starts a character reference: ``&lt;`` is shown as written, not as ``<``;
- line breaks (``\\r``, ``\\n``, U+2028, U+2029 ...) become spaces: a value stays in its heading or list
  item (at the start of a line it could begin a heading, a table, a code block or an HTML block);
- other control characters (ANSI escapes, NUL) become U+FFFD: a terminal showing the file obeys none.

A paragraph of an article (:func:`md_paragraph`) also loses its leading spaces and has a heading, quote,
list or rule marker at its start escaped, so it stays one paragraph of text.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["md_code", "md_paragraph", "md_text"]

_LINE_BREAK: Final = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
_ACTIVE: Final = re.compile(r"[\\`*~\[\]<|]|&(?=#?[0-9A-Za-z]+;)|_(?![^\W_])|(?<![^\W_])_")
_BLOCK_START: Final = re.compile(r"^(?:(>|[#+-](?=[\s#+-]|$))|(\d{1,9})([.)])(?=\s|$))")


def _one_line(value: object) -> str:
    return _CONTROL.sub("\ufffd", _LINE_BREAK.sub(" ", str(value)))


def md_text(value: object) -> str:
    """``value`` as inline Markdown text on one line: 'Mayor <b>' -> 'Mayor \\<b>' (shown 'Mayor <b>')."""
    return _ACTIVE.sub(lambda match: "\\" + match.group(), _one_line(value))


def md_code(value: object) -> str:
    """``value`` as a code span on one line, fenced with more backticks than it holds: 'a`b' -> '``a`b``'."""
    text = _one_line(value)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""  # CommonMark strips one space a side
    return f"{fence}{pad}{text}{pad}{fence}"


def md_paragraph(value: object) -> str:
    """``value`` as one paragraph of text: :func:`md_text`, with no block marker at its start ('1. ' -> '1\\. ')."""
    return _BLOCK_START.sub(lambda m: "\\" + m[1] if m[1] else m[2] + "\\" + m[3], md_text(value).lstrip(), count=1)
