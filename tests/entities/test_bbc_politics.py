"""Issue #21 on a pile nobody tuned for: the 417 BBC politics articles of ../shared/datasets/bbc_news_raw.

"Tony Blair" and "Mr Blair" must be one actor, and no actor may hold two different family names written
after Mr/Mrs/Ms/Dr (the first round had "Mr Hain" = Hain, Hayman, Khan, Ladyman, and "Mr Blair" = "Mr Baker").
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsdossier.cli import EXIT_OK, main
from newsdossier.entities.names import name_key

_ADDRESSED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+$")


@pytest.fixture(scope="module")
def bbc_politics(datasets_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    pile = datasets_dir / "bbc_news_raw" / "bbc" / "politics"
    if not pile.is_dir():
        pytest.skip(f"needs {pile}")
    out = tmp_path_factory.mktemp("bbc-politics")
    assert main(["build", str(pile), "--db", str(out / "p.db"), "--out", str(out / "d"), "--quiet"]) == EXIT_OK
    return dict(json.loads((out / "d" / "dossier.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def texts(bbc_politics: dict[str, Any]) -> dict[str, str]:
    return {a["id"]: a["text"] for a in bbc_politics["articles"]}


@pytest.mark.shared
def test_tony_blair_and_mr_blair_are_one_actor(bbc_politics: dict[str, Any], texts: dict[str, str]) -> None:
    holding = [e for e in bbc_politics["entities"] if "Tony Blair" in (e["name"], *e["aliases"])]
    assert len(holding) == 1
    assert holding[0]["type"] == "PER"
    assert any(texts[m["article"]][m["start"] - 3:m["end"]] == "Mr Blair" for m in holding[0]["mentions"])


@pytest.mark.shared
def test_no_actor_holds_two_family_names_after_a_form_of_address(bbc_politics: dict[str, Any],
                                                                  texts: dict[str, str]) -> None:
    mixed = []
    for entity in bbc_politics["entities"]:
        families = {name_key(m["text"]).split()[-1] for m in entity["mentions"]
                    if _ADDRESSED.search(texts[m["article"]][max(0, m["start"] - 5):m["start"]]) and name_key(m["text"])}
        if len(families) > 1:
            mixed.append((entity["name"], sorted(families)))
    assert mixed == []
