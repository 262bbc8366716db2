"""The user's alias table: its format, its errors, and its merges (with the line cited) in a build."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsdossier.cli import EXIT_OK, main
from newsdossier.entities import read_aliases
from newsdossier.entities.mentions import ArticleMentions, Mention
from newsdossier.entities.resolve import local_entities, resolve_entities
from newsdossier.errors import ConfigError

DEMO = Path(__file__).resolve().parents[2] / "demo" / "pile"


def _table(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "aliases.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_format(tmp_path: Path) -> None:
    table = read_aliases(_table(tmp_path, "# militias\n\nORG: Hashed al-Shaabi | Popular Mobilization Forces\n"
                                          "Daesh|Islamic State | ISIS\n"))
    assert [(e.line, e.names, e.type) for e in table.entries] == [
        (3, ("Hashed al-Shaabi", "Popular Mobilization Forces"), "ORG"),
        (4, ("Daesh", "Islamic State", "ISIS"), None)]
    assert table.entry_for("Hashed al-Shabi") is table.entries[0]  # by transliteration key
    assert table.entry_for("Hezbollah") is None


@pytest.mark.parametrize(("text", "message"), [
    ("Daesh\n", ":1: an alias line needs two or more names"),
    ("Daesh | Islamic State\nISIS | Daesh\n", ":2: 'Daesh' is already on line 1"),
    ("Daesh | ???\n", "'???' has no letters"),
])
def test_a_malformed_table_names_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("?", r"\?")):
        read_aliases(_table(tmp_path, text))


def test_a_missing_or_binary_table_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="alias table not found"):
        read_aliases(tmp_path / "none.txt")
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ConfigError, match="not UTF-8"):
        read_aliases(binary)


def test_names_on_one_line_become_one_actor_of_the_lines_type(tmp_path: Path) -> None:
    table = read_aliases(_table(tmp_path, "ORG: Hashed al-Shaabi | Popular Mobilization Forces\n"))
    local = []
    for article, name, kind in (("a", "Hashed al-Shaabi", "PER"), ("b", "Popular Mobilization Forces", "ORG")):
        found = ArticleMentions(article, [Mention(article, 0, len(name), name, kind, "ner")])
        local.extend(local_entities(found, name))
    entities = resolve_entities(local, aliases=table)
    assert len(entities) == 1
    assert entities[0].type == "ORG"
    assert any(f"{table.path} line 1" in reason for reason in entities[0].evidence)
    assert len(resolve_entities(local)) == 2  # no table, no merge: no rule joins these names


def _build(tmp_path: Path, *extra: str) -> dict[str, Any]:
    code = main(["build", str(DEMO), "--db", str(tmp_path / "p.db"), "--out", str(tmp_path / "out"), "--quiet",
                 *extra])
    assert code == EXIT_OK
    return dict(json.loads((tmp_path / "out" / "dossier.json").read_text(encoding="utf-8")))


def test_build_with_an_alias_table(tmp_path: Path) -> None:
    table = _table(tmp_path, "ORG: Hashed al-Shaabi | Popular Mobilization\n")
    entities = _build(tmp_path, "--aliases", str(table))["entities"]
    holding = [e for e in entities if {"Hashed al-Shaabi", "Popular Mobilization"} & {e["name"], *e["aliases"]}]
    assert len(holding) == 1
    assert holding[0]["type"] == "ORG"
    assert any("line 1" in reason for reason in holding[0]["evidence"])


def test_a_bad_table_stops_the_build_before_the_pile_is_touched(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    _build(tmp_path)
    before = (tmp_path / "p.db").read_bytes()
    code = main(["build", str(DEMO), "--db", str(tmp_path / "p.db"), "--out", str(tmp_path / "out"), "--quiet",
                 "--aliases", str(_table(tmp_path, "only one name\n"))])
    assert code != EXIT_OK
    assert "aliases.txt:1: an alias line needs two or more names" in capsys.readouterr().err
    assert (tmp_path / "p.db").read_bytes() == before
