"""Fuzzing the user's alias table (issue #26): a table is read or refused with a message naming file and line.

read_aliases promises a :class:`ConfigError` for a malformed table, its message starting with the
file (and ``:line`` where a line is at fault); nothing else may escape. A table it reads holds what
its lines say: two or more names per actor, each name on one line only, types from PER/ORG/LOC.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsdossier.entities import read_aliases
from newsdossier.entities.aliases import TYPES
from newsdossier.entities.names import name_key
from newsdossier.errors import ConfigError

from .strategies import any_text, damaged, sentence

pytestmark = pytest.mark.fuzz

NAMES = ("Hashed al-Shaabi", "Popular Mobilization Forces", "Daesh", "Islamic State", "ISIS", "Mr Blair", "Mr Baker",
         "Abu Mahdi al-Muhandis", "Müller", "Ωmega", "al-", "---", "123", "!!", "PMF", "Qasem Soleimani", "Soleimani",
         "Al Shaabi", "ﬁsh", "İstanbul", "ſoleimani")
_NAMES = st.one_of(st.sampled_from(NAMES), sentence(NAMES, max_words=3), st.text(max_size=10))
_SPACES = st.sampled_from(("", " ", "  ", "\t", "\xa0"))
_PREFIXES = st.sampled_from(("", "", "ORG:", "PER: ", "loc :", "Org:", "XYZ:", ":", "ORG", "PER:ORG:"))
_LINE_ENDS = st.sampled_from(("\n", "\r\n", "\r", "\n\n", "\u2028", "\x0c"))
_ENCODINGS = st.sampled_from(("utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1"))


@st.composite
def alias_line(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(("join", "join", "apart", "comment", "blank", "random")))
    if kind == "join":
        names = draw(st.lists(_NAMES, max_size=4))
        separator = draw(_SPACES) + "|" + draw(_SPACES)
        return draw(_PREFIXES) + draw(_SPACES) + separator.join(names)
    if kind == "apart":
        names = draw(st.lists(_NAMES, min_size=1, max_size=3))
        return draw(st.sampled_from((" != ", "!=", " != != ", " |!= "))).join(names)
    if kind == "comment":
        return "#" + draw(any_text())
    if kind == "blank":
        return draw(_SPACES)
    return draw(any_text())


@st.composite
def alias_table(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(alias_line(), max_size=8))
    text = "".join(line + draw(_LINE_ENDS) for line in lines)
    encoding = draw(_ENCODINGS)
    return text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="newsdossier-fuzz-") as folder:
        yield Path(folder)


@given(content=st.one_of(alias_table(), damaged(alias_table()), st.binary(max_size=64)))
@example(content=b"Daesh | ISIS\nISIS | Islamic State\n")  # a name on two lines
@example(content=b"Mr Blair != Mr Blair\n")
@example(content=b"A | B\nA != B\n")  # joined and kept apart
@example(content="ORG: Daesh | ISIS\n".encode("utf-8-sig"))  # a byte-order mark lost the first line's type
def test_alias_tables(scratch: Path, content: bytes) -> None:
    path = scratch / "aliases.txt"
    path.write_bytes(content)
    try:
        table = read_aliases(path)
    except ConfigError as error:
        message = str(error)
        assert message.startswith(f"{path}:") and len(message) > len(f"{path}:") + 5, message
        numbered = re.match(re.escape(str(path)) + r":(\d+):", message)
        if numbered:
            assert 1 <= int(numbered.group(1)) <= len(content.decode("utf-8").splitlines()), message
        return
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    owner: dict[str, int] = {}
    for entry in table.entries:
        line = lines[entry.line - 1]
        assert len(entry.names) >= 2 and entry.type in (None, *TYPES)
        for name in entry.names:
            assert name and name == name.strip() and name in line
            assert name_key(name), name
            assert owner.setdefault(name_key(name), entry.line) == entry.line, f"{name!r} on two lines"
            assert table.entry_for(name) == entry
        stated = re.match(r"\s*(\w+)\s*:", line)
        if stated and stated.group(1).upper() in TYPES:
            assert entry.type == stated.group(1).upper(), f"line {entry.line} states its type: {line!r}"
    for rule in table.apart:
        assert rule.left in lines[rule.line - 1] and rule.right in lines[rule.line - 1]
        assert name_key(rule.left) != name_key(rule.right)
    assert read_aliases(path) == table
