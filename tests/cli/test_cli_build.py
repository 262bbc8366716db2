"""The command line end to end on the demo pile: build, re-build, search, bad input, docs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsdossier.cli import COMMANDS, EXIT_OK, EXIT_REJECTED, _parser, main

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "demo" / "pile"


@pytest.fixture()
def built(tmp_path: Path) -> tuple[Path, Path]:
    db, out = tmp_path / "pile.db", tmp_path / "out"
    assert main(["build", str(DEMO), "--db", str(db), "--out", str(out), "--quiet"]) == EXIT_OK
    return db, out


def test_build_writes_the_articles_contract(built: tuple[Path, Path]) -> None:
    _, out = built
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert dossier["schema"] == "newsdossier/dossier@1"
    assert len(dossier["articles"]) == 5
    required = {"id", "source_path", "url", "title", "outlet", "byline", "credit", "published",
                "published_basis", "status", "text", "removed"}
    for article in dossier["articles"]:
        assert required <= article.keys()
        for removal in article["removed"]:
            assert {"start", "end", "text", "reason"} <= removal.keys()
    by_name = {Path(a["source_path"]).name[:3]: a for a in dossier["articles"]}
    assert by_name["000"]["published"] == "2021-01-02"
    assert by_name["003"]["status"] == "truncated"
    markdown = (out / "dossier.md").read_text(encoding="utf-8")
    assert "Iraqi-U.S. Ties Reach a Breaking Point" in markdown


def test_rebuild_is_a_no_op_for_stored_content(built: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    db, out = built
    capsys.readouterr()
    assert main(["build", str(DEMO), "--db", str(db), "--out", str(out), "--quiet"]) == EXIT_OK
    assert "read 5 document(s), 0 new" in capsys.readouterr().out


def test_search_finds_a_body_word(built: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    db, _ = built
    capsys.readouterr()
    assert main(["search", "Muhandis", "--db", str(db), "--json"]) == EXIT_OK
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) >= 2  # 001, 002 and 004 spell it al-Muhandis


def test_bad_input_is_reported_and_the_run_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pile = tmp_path / "pile"
    shutil.copytree(DEMO, pile)
    (pile / "empty.txt").write_bytes(b"")
    (pile / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (pile / "broken.jsonl").write_text('{"text": "A fine article body that is long enough."}\n{not json\n',
                                       encoding="utf-8")
    db, out = tmp_path / "pile.db", tmp_path / "out"
    code = main(["build", str(pile), "--db", str(db), "--out", str(out), "--quiet"])
    captured = capsys.readouterr()
    assert code == EXIT_REJECTED
    assert "empty.txt" in captured.err and "binary.txt" in captured.err and "broken.jsonl" in captured.err
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert len(dossier["articles"]) == 6  # the five seeds and the good JSONL line
    reasons = {Path(r["source_path"]).name: r["reason"] for r in dossier["rejected_inputs"]}
    assert reasons == {"empty.txt": "empty", "binary.txt": "binary", "broken.jsonl": "malformed-json"}


def test_a_file_that_is_not_a_pile_is_refused_and_left_alone(tmp_path: Path) -> None:
    not_a_pile = tmp_path / "notes.db"
    not_a_pile.write_text("my notes, not a database", encoding="utf-8")
    code = main(["build", str(DEMO), "--db", str(not_a_pile), "--out", str(tmp_path / "out"), "--quiet"])
    assert code == 1
    assert not_a_pile.read_text(encoding="utf-8") == "my notes, not a database"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_documents_an_example(name: str) -> None:
    sub = next(a for a in _parser()._actions if a.dest == "command")
    help_text = sub.choices[name].format_help()
    assert "Example:" in help_text and f"newsdossier {name}" in help_text


def test_every_command_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"newsdossier {name}" in readme


def test_non_utf8_file_name_is_read_and_shown_escaped(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    pile.mkdir()
    name = bytes(pile) + b"/caf\xe9.txt"
    with open(name, "wb") as handle:
        handle.write(b"Cafe owners protest\n\nThe owners of the cafe said the new rules would close them down.\n")
    out = tmp_path / "out"
    assert main(["build", str(pile), "--db", str(tmp_path / "p.db"), "--out", str(out), "--quiet"]) == EXIT_OK
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert dossier["articles"][0]["source_path"].endswith("caf\\xe9.txt")


def test_output_path_that_is_a_file_fails_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["build", str(DEMO), "--db", str(tmp_path / "p.db"), "--out", str(blocker), "--quiet"]) == 1
    assert "error" in capsys.readouterr().err


def test_build_reports_reuse_and_independent_sources(built: tuple[Path, Path],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    db, out = built
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    counted_elsewhere = ("entities", "quotes", "time_expressions", "timeline_entries", "events", "places")
    assert {k: v for k, v in dossier["sources"].items() if k not in counted_elsewhere} == {
        "articles": 5, "independent_families": 4, "stories": 2, "topics": 1}
    assert dossier["sources"]["entities"] == len(dossier["entities"]) > 20
    [link] = dossier["reuse"]
    by_id = {a["id"]: Path(a["source_path"]).name[:3] for a in dossier["articles"]}
    assert (by_id[link["source"]], by_id[link["target"]], link["relation"]) == ("001", "004", "spun_rewrite")
    assert sorted(len(f["articles"]) for f in dossier["families"]) == [1, 1, 1, 2]
    markdown = (out / "dossier.md").read_text(encoding="utf-8")
    assert "5 article(s) from 4 independent source families" in markdown
    assert "[assassinated → attacked]" in markdown
    capsys.readouterr()
    assert main(["provenance", "--db", str(db), "--json"]) == EXIT_OK
    shown = json.loads(capsys.readouterr().out)
    assert len(shown["reuse"]) == 1 and len(shown["families"]) == 4


def test_progress_is_logged_line_by_line_when_not_on_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue #25: a build whose output goes to a file or a CI log says how far each stage is, a line at
    each tenth, instead of drawing a bar."""
    from newsdossier.cli import main

    assert main(["build", str(DEMO), "--db", str(tmp_path / "p.db"), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "analysing: 5 of 5 articles" in err and "cleaning: 5 of 5 articles" in err
    assert "\r" not in err  # no bar redrawn in a log
    assert main(["build", str(DEMO), "--db", str(tmp_path / "p.db"), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    assert "analysing:" not in capsys.readouterr().err


def test_events_of_one_actor_are_its_timeline(built: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    db, _ = built
    capsys.readouterr()
    assert main(["events", "--db", str(db), "--json", "--background"]) == EXIT_OK
    every = json.loads(capsys.readouterr().out)
    assert main(["events", "--db", str(db), "--json", "--background", "--actor", "qasem soleimani"]) == EXIT_OK
    his = json.loads(capsys.readouterr().out)
    assert his and len(his) < len(every)
    assert all("Qasem Soleimani" in e["actor_names"] + e["target_names"] for e in his)
    assert main(["events", "--db", str(db), "--json", "--actor", "Nobody Of That Name"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out) == []
