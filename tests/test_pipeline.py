"""The build pipeline: resumable after an interruption, incremental, and exact in its counts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import newsdossier
from newsdossier import steps
from newsdossier.pipeline import build
from newsdossier.store import Store

DEMO = Path(__file__).resolve().parents[1] / "demo" / "pile"


def _pile(tmp_path: Path, copies: int) -> Path:
    """The demo pile plus `copies` distinct variants of each article (distinct content hashes)."""
    pile = tmp_path / "pile"
    shutil.copytree(DEMO, pile)
    for n in range(copies):
        for path in DEMO.glob("*.txt"):
            (pile / f"{path.stem}_v{n}.txt").write_bytes(path.read_bytes() + f"\n\nVariant {n}.".encode())
    return pile


def test_interrupted_build_leaves_a_consistent_pile_and_resumes(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    pile = _pile(tmp_path, copies=3)  # 20 documents
    db, out = tmp_path / "pile.db", tmp_path / "out"
    monkeypatch.setattr(steps, "BATCH_SIZE", 4)
    real_clean = steps.clean
    calls = {"n": 0}

    def failing_clean(prepared, recurring=None):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 10:  # in the middle of the third batch
            raise KeyboardInterrupt
        return real_clean(prepared, recurring)

    monkeypatch.setattr(steps, "clean", failing_clean)
    with pytest.raises(KeyboardInterrupt):
        build([pile], db=db, out=out)
    with Store.open(db) as store:
        assert store.document_count() == 20
        assert len(store.prepared_hashes(steps.PREPARE_VERSION)) == 20  # extractions are kept, a batch at a time
        assert store.article_count() == 0  # articles appear with the build's other results, all at once
        assert store.runs()[-1].status == "interrupted"
    monkeypatch.setattr(steps, "clean", real_clean)
    report = build([pile], db=db, out=out)
    assert report.ingest.new == 0 and report.ingest.documents == 20
    assert report.prepared == 0  # extraction is not redone
    assert report.clean.articles == 20
    with Store.open(db) as store:
        assert store.article_count() == 20


def test_adding_inputs_adds_only_what_is_new(tmp_path: Path) -> None:
    db, out = tmp_path / "pile.db", tmp_path / "out"
    first = build([DEMO], db=db, out=out)
    assert (first.ingest.new, first.prepared) == (5, 5)
    extra = tmp_path / "extra.txt"
    extra.write_text("A short note about something else entirely, long enough to be a body of text.",
                     encoding="utf-8")
    second = build([DEMO, extra], db=db, out=out)
    assert (second.ingest.documents, second.ingest.new, second.prepared) == (6, 1, 1)
    assert second.clean.articles == 6


def test_public_surface_is_what_all_says() -> None:
    for name in newsdossier.__all__:
        assert hasattr(newsdossier, name), name
    assert (Path(newsdossier.__file__).parent / "py.typed").exists()


def test_a_build_keeps_the_date_printed_under_an_html_headline(tmp_path: Path) -> None:
    """Issue #22: the stored prepared text carries the headline's stamp, so `build` (not only `eval`)
    dates the page by it: the local date printed, not the UTC day of its metadata."""
    import json

    paragraph = "<p>" + "The council voted on the plan after a long debate, officials said on Tuesday. " * 4 + "</p>"
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Council backs plan</title>"
        '<meta property="article:published_time" content="2019-11-20T02:07:00Z"></head>'
        "<body><article><h1>Council backs plan after long debate</h1>"
        "<div class='byline'>By Jane Doe</div><div class='date'>Nov. 19, 2019 9:07 pm ET</div>"
        f"{paragraph * 3}</article></body></html>", encoding="utf-8")
    build([page], db=tmp_path / "pile.db", out=tmp_path / "out")
    article = json.loads((tmp_path / "out" / "dossier.json").read_text(encoding="utf-8"))["articles"][0]
    assert article["published"] == "2019-11-19"
    assert "under the headline" in article["published_evidence"]
