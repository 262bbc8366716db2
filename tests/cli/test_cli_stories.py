"""Stories end to end: in the dossier, via `newsdossier stories`, and added to by later builds."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
from pathlib import Path

import pytest

from newsdossier.cli import EXIT_OK, main

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "demo" / "pile"


def _ids(db: Path) -> dict[str, str]:
    """Demo file number ('000'..'004') -> article id."""
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT json FROM articles").fetchall()
    return {Path(json.loads(r[0])["source_path"]).name[:3]: json.loads(r[0])["id"] for r in rows}


def _story_of(out: Path) -> dict[str, str]:
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    return {article: story["id"] for story in dossier["stories"] for article in story["articles"]}


def _build(pile: Path, db: Path, out: Path, *extra: str) -> None:
    assert main(["build", str(pile), "--db", str(db), "--out", str(out), "--quiet", *extra]) == EXIT_OK


def test_the_demo_dossier_has_its_two_stories_in_one_topic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, out = tmp_path / "pile.db", tmp_path / "out"
    _build(DEMO, db, out)
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    ids, story_of = _ids(db), _story_of(out)
    assert story_of[ids["000"]] == story_of[ids["001"]] == story_of[ids["004"]] != story_of[ids["002"]]
    assert story_of[ids["002"]] == story_of[ids["003"]]
    anniversary = next(s for s in dossier["stories"] if ids["000"] in s["articles"])
    assert anniversary["independent_families"] == 2  # 001 and its spun rewrite 004 are one family
    assert (anniversary["first"], anniversary["last"]) == ("2021-01-02", "2021-01-03")
    assert {s["cut_by"] for s in dossier["stories"]} == {"content and dates"}
    assert [t["article_count"] for t in dossier["topics"]] == [5]
    assert dossier["sources"]["stories"] == 2
    markdown = (out / "dossier.md").read_text(encoding="utf-8")
    assert "## Stories" in markdown and f"`{anniversary['id']}` · 2021-01-02 to 2021-01-03 · 3 article(s) from 2" in markdown
    capsys.readouterr()
    assert main(["stories", "--db", str(db), "--json"]) == EXIT_OK
    printed = json.loads(capsys.readouterr().out)
    assert printed == {"stories": dossier["stories"], "topics": dossier["topics"]}
    assert main(["stories", "--db", str(db), "--articles"]) == EXIT_OK
    table = capsys.readouterr().out
    assert table.startswith("2 stories in 1 topic(s)") and ids["004"] in table


def test_a_later_build_adds_to_the_stories_it_reported(tmp_path: Path) -> None:
    pile, db, out = tmp_path / "pile", tmp_path / "pile.db", tmp_path / "out"
    pile.mkdir()
    for name in ("000", "002", "003"):
        shutil.copy(next(DEMO.glob(f"{name}_*.txt")), pile)
    _build(pile, db, out)
    before = _story_of(out)
    for name in ("001", "004"):
        shutil.copy(next(DEMO.glob(f"{name}_*.txt")), pile)
    _build(pile, db, out)
    after, ids = _story_of(out), _ids(db)
    assert {article: after[article] for article in before} == before  # nothing reported moved
    assert after[ids["001"]] == after[ids["004"]] == after[ids["000"]]


def test_a_broken_story_state_is_rebuilt_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    db, out = tmp_path / "pile.db", tmp_path / "out"
    _build(DEMO, db, out)
    expected = _story_of(out)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE story_state SET data = ?", (b"not a state",))
    with caplog.at_level(logging.WARNING):
        _build(DEMO, db, out)
    assert "unreadable" in caplog.text and "rebuilding the stories" in caplog.text
    assert _story_of(out) == expected


def test_rebuild_stories_starts_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, out = tmp_path / "pile.db", tmp_path / "out"
    _build(DEMO, db, out)
    from newsdossier import steps

    loaded = []
    real = steps._stored_builder
    monkeypatch.setattr(steps, "_stored_builder", lambda store: loaded.append(1) or real(store))
    _build(DEMO, db, out, "--rebuild-stories")
    assert not loaded
    _build(DEMO, db, out)
    assert loaded == [1]


def test_stories_of_a_missing_pile_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", "--db", str(tmp_path / "none.db")]) == 1
    assert "no pile there" in capsys.readouterr().err


def test_an_undated_pile_says_its_stories_were_cut_by_content_alone(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "a.txt").write_text("Rebels attack army convoy\n\nRebels attacked an army convoy near the northern "
                                "town of Kidal, killing four soldiers, officials said.\n", encoding="utf-8")
    (pile / "b.txt").write_text("Parliament passes budget\n\nThe parliament passed the budget after a long "
                                "debate about taxes and pensions, the speaker said.\n", encoding="utf-8")
    db, out = tmp_path / "pile.db", tmp_path / "out"
    _build(pile, db, out)
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert dossier["stories"] and {s["cut_by"] for s in dossier["stories"]} == {"content alone"}
    assert "stories were cut by content alone" in (out / "dossier.md").read_text(encoding="utf-8")
