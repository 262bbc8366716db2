"""dossier.md of a hostile pile (issue #26): rendered by a CommonMark parser (with GFM tables), it holds no
raw HTML, no link or image, no table and no code block that the content made; every hostile string reads as
it was written; each title stays in its own heading. And the escaping itself, as a table."""

from __future__ import annotations

from typing import Any

import pytest
from hostile_pile import HOSTILE_IN_TEXT, PWNED_SCRIPT, TITLES, HostileBuild

from newsdossier.dossier.escape import md_code, md_paragraph, md_text

# what only content could have made: dossier.md itself writes none of these
FORBIDDEN_TOKENS = {"html_block", "html_inline", "link_open", "image", "table_open", "fence", "code_block"}


def _tokens(markdown: str) -> list[Any]:
    markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py renders the Markdown (rich needs it)")
    parser = markdown_it.MarkdownIt("commonmark").enable("table")
    flat = []
    for token in parser.parse(markdown):
        flat.append(token)
        flat.extend(token.children or ())
    return flat


def _text(inline: Any) -> str:
    """The text a reader sees of one block."""
    return "".join(c.content for c in inline.children if c.type in ("text", "text_special", "code_inline"))


def _shown(tokens: list[Any]) -> str:
    return "\n".join(_text(t) for t in tokens if t.type == "inline")


def test_markdown_renders_no_html_link_image_or_table(hostile: HostileBuild) -> None:
    tokens = _tokens(hostile.markdown)
    made = sorted({t.type for t in tokens} & FORBIDDEN_TOKENS)
    assert not made, f"content made {made} in dossier.md"


def test_hostile_strings_read_as_written(hostile: HostileBuild) -> None:
    shown = _shown(_tokens(hostile.markdown))
    for payload in (*HOSTILE_IN_TEXT, PWNED_SCRIPT, "[click](javascript:alert(1)), @SUM(1+1)"):
        assert payload in shown, payload
    assert "Bridge <script>window.__pwned = 5</script> | news" in shown  # the HTML page's title, unescaped by it
    assert "javascript:" not in "".join(t.attrGet("href") or "" for t in _tokens(hostile.markdown))


def test_each_title_stays_in_its_heading(hostile: HostileBuild) -> None:
    tokens = _tokens(hostile.markdown)
    headings = [(t.tag, _text(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert ("h3", "Protest in Lowtown | --- |") in headings  # its line breaks became spaces: no table, no setext
    articles = headings[headings.index(("h2", "Articles")) + 1:]
    assert len(articles) == len(hostile.dossier["articles"]) and {tag for tag, _ in articles} == {"h3"}
    assert {text for _, text in articles} >= {" ".join(title.split()) for title in TITLES.values()}


def test_no_control_character_or_javascript_line_end_is_written(hostile: HostileBuild) -> None:
    written = {c for c in hostile.markdown if (ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) < 0xa0}
    assert not written and "\u2028" not in hostile.markdown and "\u2029" not in hostile.markdown


@pytest.mark.parametrize(("value", "expected"), [
    ("The mayor resigned on Monday.", "The mayor resigned on Monday."),
    ("AT&T's chief, of the_board, said 3 > 2 (#5).", "AT&T's chief, of the_board, said 3 > 2 (#5)."),
    ("*not* _this_ ~~nor~~ 7*7", "\\*not\\* \\_this\\_ \\~\\~nor\\~\\~ 7\\*7"),
    ("<script>alert(1)</script>", "\\<script>alert(1)\\</script>"),
    ("<!-- hidden", "\\<!-- hidden"),
    ("[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))"),
    ("![x](http://evil/)", "!\\[x\\](http://evil/)"),
    ("a | b", "a \\| b"),
    ("`code`", "\\`code\\`"),
    ("\\<b>", "\\\\\\<b>"),
    ("&lt;b&gt; and &#60;", "\\&lt;b\\&gt; and \\&#60;"),
    ("line\nbreak\r\nand\u2028separators\u2029", "line break and separators "),
    ("bell\x07 escape\x1b[31m", "bell\ufffd escape\ufffd\\[31m"),
])
def test_md_text(value: str, expected: str) -> None:
    assert md_text(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("8a6d3f70cf2a5276", "`8a6d3f70cf2a5276`"),
    ("pile/a`b.txt", "``pile/a`b.txt``"),
    ("`start", "`` `start ``"),
    ("two\nlines", "`two lines`"),
])
def test_md_code(value: str, expected: str) -> None:
    assert md_code(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("The council met.", "The council met."),
    ("-The council met.", "-The council met."),
    ("# Breaking", "\\# Breaking"),
    ("> quoted", "\\> quoted"),
    ("- one", "\\- one"),
    ("---", "\\---"),
    ("1. first", "1\\. first"),
    ("2024. A year", "2024\\. A year"),
    ("    indented", "indented"),
])
def test_md_paragraph(value: str, expected: str) -> None:
    assert md_paragraph(value) == expected
