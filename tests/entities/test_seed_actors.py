"""Issue #6 on the demo pile, end to end through `build`: the seven merges, no false merge, roles, spun text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsdossier.cli import EXIT_OK, main

DEMO = Path(__file__).resolve().parents[2] / "demo" / "pile"


@pytest.fixture(scope="module")
def dossier(demo_dossier: dict[str, Any]) -> dict[str, Any]:
    return demo_dossier


@pytest.fixture(scope="module")
def entities(dossier: dict[str, Any]) -> list[dict[str, Any]]:
    return list(dossier["entities"])


def _holding(entities: list[dict[str, Any]], spelling: str) -> dict[str, Any]:
    found = [e for e in entities if spelling == e["name"] or spelling in e["aliases"]]
    assert len(found) == 1, f"{spelling!r} is in {len(found)} entities"
    return found[0]


@pytest.mark.parametrize("spellings", [
    ("Qasem Soleimani", "Qassem Soleimani", "Soleimani"),
    ("Abu Mahdi al-Muhandis", "Abu Mahdi al-Mohandes"),
    ("Mustafa al-Kadhemi", "Kadhemi"),
    ("Kata’ib Hezbollah", "Kataeb Hezbollah", "KH"),
    ("Asaib Ahl al-Haq", "AAH"),
    ("Donald Trump", "Trump"),
    ("Joe Biden", "Biden"),
])
def test_every_spelling_is_one_actor(entities: list[dict[str, Any]], spellings: tuple[str, ...]) -> None:
    ids = {_holding(entities, s)["id"] for s in spellings}
    assert len(ids) == 1


@pytest.mark.parametrize(("one", "other"), [
    ("Abbas Kadhim", "Mustafa al-Kadhemi"),
    ("Kadhim", "Kadhemi"),
    ("Qasem Soleimani", "Abu Mahdi al-Muhandis"),
    ("Kata’ib Hezbollah", "Asaib Ahl al-Haq"),
])
def test_near_namesakes_stay_apart(entities: list[dict[str, Any]], one: str, other: str) -> None:
    assert _holding(entities, one)["id"] != _holding(entities, other)["id"]


def test_merges_carry_their_evidence(entities: list[dict[str, Any]]) -> None:
    hezbollah = _holding(entities, "Kataeb Hezbollah")
    assert any("kataib hizbulah" in reason for reason in hezbollah["evidence"])
    assert any("acronym AAH" in reason for reason in _holding(entities, "AAH")["evidence"])


@pytest.mark.parametrize(("spelling", "role"), [
    ("Abbas Kadhim", "director of the Atlantic Council think tank’s Iraq Initiative"),
    ("Sajad Jiyad", "a fellow at US think-tank The Century Foundation"),
    ("Mohammed Mohy", "the spokesperson for KH"),
    ("Mustafa al-Kadhemi", "Iraq’s Prime Minister"),
])
def test_roles_with_their_source(entities: list[dict[str, Any]], spelling: str, role: str) -> None:
    roles = _holding(entities, spelling)["roles"]
    assert role in [r["role"] for r in roles]
    assert all({"article", "start", "end", "how"} <= r.keys() for r in roles)


def test_types_and_independent_sources(entities: list[dict[str, Any]]) -> None:
    assert _holding(entities, "Kata’ib Hezbollah")["type"] == "ORG"  # an acronym and "militia" outvote the NER
    assert _holding(entities, "Abbas Kadhim")["type"] == "PER"
    soleimani = _holding(entities, "Soleimani")
    assert soleimani["independent_families"] == 4  # 5 articles, 001 and its spun rewrite 004 are one family
    assert len({m["article"] for m in soleimani["mentions"]}) == 5


def test_spun_rewrite_makes_no_actor_or_role_of_its_own(entities: list[dict[str, Any]]) -> None:
    spellings = [s for e in entities for s in (e["name"], *e["aliases"])]
    assert not any("firefighter" in s for s in spellings)
    assert "Hashed Abu Mahdi al-Muhandis" not in spellings  # the spinner's run-on, absent from the original
    roles = [r["role"] for e in entities for r in e["roles"]]
    assert not any("prime minister’s prime minister" in r for r in roles)
    assert "a man at the U.S. think" not in roles  # the spun version of Jiyad's apposition


def test_mentions_and_roles_point_at_their_text(dossier: dict[str, Any]) -> None:
    texts = {a["id"]: a["text"] for a in dossier["articles"]}
    for entity in dossier["entities"]:
        for mention in entity["mentions"]:
            assert texts[mention["article"]][mention["start"]:mention["end"]] == mention["text"]
        for role in entity["roles"]:
            assert texts[role["article"]][role["start"]:role["end"]] == role["role"]
    assert dossier["sources"]["entities"] == len(dossier["entities"])


def test_markdown_lists_actors_with_spellings_and_roles(dossier: dict[str, Any]) -> None:
    markdown = dossier["markdown"]
    start = markdown.index("## Actors")
    actors = markdown[start:markdown.index("\n## ", start + 1)]
    assert "**Qasem Soleimani** (person; named by 4 independent families" in actors
    assert "also written: Qassem Soleimani, Soleimani" in actors
    assert "director of the Atlantic Council think tank’s Iraq Initiative — " in actors
    assert "**Baghdad**" not in actors  # places have their own section (issue #24)
    places = markdown[markdown.index("## Places"):]
    assert "**Baghdad**, IQ (33.34, 44.40; exact)" in places


def test_entities_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "p.db"
    assert main(["build", str(DEMO), "--db", str(db), "--out", str(tmp_path / "out"), "--quiet"]) == EXIT_OK
    capsys.readouterr()
    assert main(["entities", "--db", str(db), "--type", "PER", "--evidence"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Qasem Soleimani  PER" in out and "also: Qassem Soleimani, Soleimani" in out
    assert "merged: same name key 'kasim sulimani'" in out
    assert "  ORG  " not in out and "  LOC  " not in out
    assert main(["entities", "--db", str(db), "--json"]) == EXIT_OK
    listed = json.loads(capsys.readouterr().out)
    assert {e["type"] for e in listed} == {"PER", "ORG", "LOC"}


def test_the_prime_minister_is_al_kadhemi(dossier: dict[str, Any]) -> None:
    kadhemi = _holding(dossier["entities"], "Mustafa al-Kadhemi")
    nominal = [m for m in kadhemi["mentions"] if m["how"] == "nominal"]
    assert {m["text"] for m in nominal} == {"The Iraqi prime minister", "The prime minister"}
    assert len({m["article"] for m in nominal}) == 1  # the AFP copy; the spun rewrite links nothing
    assert not any("prime minister" in alias for alias in kadhemi["aliases"])
