"""The notebook API (issue #25): build_dossier on texts, records, paths and a DataFrame, and the example
of docs/api.md run as written."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

import newsdossier
from newsdossier.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "demo" / "pile"


def _texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(DEMO.glob("*.txt"))]


def test_the_documented_example_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    [example] = [block for block in re.findall(r"```python\n(.*?)```", (REPO / "docs" / "api.md").read_text("utf-8"),
                                               re.DOTALL) if "build_dossier(" in block]
    monkeypatch.chdir(REPO)
    exec(compile(example, "docs/api.md", "exec"), {})  # noqa: S102 (the documentation's own example)
    printed = capsys.readouterr().out
    assert "<Dossier" in printed and "assault(s) placed at Baghdad" in printed


def test_texts_records_paths_and_rejections(tmp_path: Path) -> None:
    texts = _texts()
    records = [{"article_body": text, "link": f"https://www.bbc.co.uk/news/{n}", "when": "2020-01-03"}
               for n, text in enumerate(texts[2:4])]
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "a.txt").write_text(texts[4], encoding="utf-8")
    items = [texts[0], texts[1], *records, tmp_path / "one", 42, "   ", {"nothing": "here"}]
    with newsdossier.build_dossier(items, fields={"text": "article_body", "url": "link", "published": "when"},
                                   db=tmp_path / "kept.db") as dossier:
        assert len(dossier.articles) == 5
        assert sorted(r.reason for r in dossier.rejected) == ["empty", "no-text", "unsupported"]
        by_url = {a.url: a for a in dossier.articles if a.url}
        assert set(by_url) == {"https://www.bbc.co.uk/news/0", "https://www.bbc.co.uk/news/1"}
        assert all(a.published.value is not None for a in by_url.values())
        assert dossier.events and dossier.quotes and dossier.entities and dossier.stories
        assert dossier.to_dict()["schema"] == "newsdossier/dossier@1"
        assert {p.name for p in dossier.files} == {"dossier.json", "dossier.md", "dossier.html"}
    # the pile was kept, and opens as any built pile
    with newsdossier.open(tmp_path / "kept.db") as pile:
        assert pile.counts()["articles"] == 5


def test_a_temporary_pile_is_gone_when_the_dossier_is_closed() -> None:
    dossier = newsdossier.build_dossier(_texts()[:2])
    path = dossier.pile.path
    assert path.exists() and len(dossier.articles) == 2
    dossier.close()
    assert not path.exists()


def test_a_dataframe_in_and_out() -> None:
    pd = pytest.importorskip("pandas")
    texts = _texts()
    frame = pd.DataFrame({"maintext": texts, "published": pd.to_datetime(["2020-01-03"] * 4 + [None]),
                          "outlet": ["Wire", None, "Wire", "Daily", float("nan")]})
    with newsdossier.build_dossier(frame) as dossier:
        assert len(dossier.articles) == 5 and not dossier.rejected
        assert sum(a.outlet == "Wire" for a in dossier.articles) == 2
        quotes = dossier.to_pandas("quotes")
        assert len(quotes) == len(dossier.quotes) and {"speaker_name", "text", "article"} <= set(quotes.columns)
        events = dossier.to_pandas("events")
        assert "place.geonames_name" in events.columns or events["place"].isna().all()
        articles = dossier.to_pandas("articles")
        assert list(articles["id"]) == [a.id for a in dossier.articles]
        with pytest.raises(ConfigError, match="choose one of"):
            dossier.to_pandas("nonsense")  # type: ignore[arg-type]


def test_the_command_line_maps_json_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from newsdossier.cli import main

    pile = tmp_path / "records.jsonl"
    pile.write_text("\n".join(json.dumps({"article_body": text, "headline": f"H{n}"})
                              for n, text in enumerate(_texts()[:2])), encoding="utf-8")
    db = tmp_path / "p.db"
    assert main(["build", str(pile), "--db", str(db), "--out", str(tmp_path / "out"), "--field", "text=article_body",
                 "--field", "title=headline", "--quiet"]) == 0
    with newsdossier.open(db) as opened:
        assert sorted(a.title for a in opened.articles()) == ["H0", "H1"]
    capsys.readouterr()
    assert main(["ingest", str(pile), "--db", str(tmp_path / "q.db"), "--field", "text", "--quiet"]) == 2  # a usage error
    assert "--field 'text': write it NAME=KEY" in capsys.readouterr().err
    assert main(["ingest", str(pile), "--db", str(tmp_path / "q.db"), "--field", "body=x", "--quiet"]) == 2  # a usage error
    assert "unknown field(s) body" in capsys.readouterr().err


def test_dataframe_cells_become_json_values() -> None:
    pd = pytest.importorskip("pandas")
    import numpy as np

    from newsdossier.notebook import _plain

    assert _plain(pd.NaT) is None and _plain(float("nan")) is None and _plain(None) is None
    assert _plain(pd.Timestamp("2020-01-03")) == "2020-01-03T00:00:00"
    assert _plain(np.int64(3)) == 3 and _plain(np.array(["a", "b"])) == ["a", "b"]
