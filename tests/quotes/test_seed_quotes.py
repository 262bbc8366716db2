"""Issue #7 on the demo pile, end to end through `build`: every direct quote with its right speaker."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsdossier.cli import EXIT_OK, main

DEMO = Path(__file__).resolve().parents[2] / "demo" / "pile"
EFE, AFP, SPUN = "9054cba9a6ef5cf5", "d1abb210bae0d6db", "0907392820dfd11b"

# (article, words of the quotation, speaker: the actor's name, or the anonymous source's description)
DIRECT_QUOTES = [
    (EFE, "challenged the credibility of the Iraqi government domestically", "Abbas Kadhim"),
    (EFE, "were in place in January (…) as mutual agreements", "Abbas Kadhim"),
    (EFE, "the Iraqi government did not work hard to enforce all of the agreements", "Abbas Kadhim"),  # he adds
    (EFE, "could happen again at any moment", "Abbas Kadhim"),  # the expert believes
    (EFE, "change in approach and that the US military action in Iraq will not be unilateral", "Abbas Kadhim"),
    (EFE, "negotiate a plan of action and establish rules", "Abbas Kadhim"),
    (EFE, "The only sure thing that Iraq’s stability", "a senior official at the Iraqi government"),
    (EFE, "It is expected that with Biden there will be a return", "a senior official at the Iraqi government"),
    (EFE, "the impact of the maximum pressure and maximum resistance", "a senior official at the Iraqi government"),
    (EFE, "It is not a combat arena between the two parties", "Mohammed Mohy"),
    (EFE, "to the US aggression and occupation", "Mohammed Mohy"),
    (AFP, "I will hold Iran responsible”.", "Donald Trump"),  # he has warned
    (AFP, "We warn Kadhemi that if you don’t back off", "a masked, gun-toting fighter in one of several videos"),
    (AFP, "cut off the ears… of the traitor", "Another group"),
    (AFP, "treacherous Kadhemi not to test the patience of the resistance", "a spokesman"),
    (AFP, "we are ready for a decisive confrontation if necessary", "Mustafa al-Kadhemi"),  # the Iraqi prime minister
    (AFP, "If there is an escalation, it’s make or break for the government", "Sajad Jiyad"),
    (AFP, "The potential for the Kadhemi government to fall apart is quite high", "Sajad Jiyad"),  # he said
    (AFP, "have political allies that may unseat him", "Sajad Jiyad"),
    (AFP, "People are tired of seeing the law trampled on", "one politician"),
    (AFP, "But the armed forces are afraid to take the initiative", "one politician"),  # no cue of its own
    (AFP, "The US would need to get its staff out before it acts", "one Western diplomat"),
    (AFP, "chatter of additional attacks against Americans in Iraq", "Donald Trump"),
    (AFP, "if one American is killed, I will hold Iran responsible. Think it over.", "Donald Trump"),
]


@pytest.fixture(scope="module")
def dossier(demo_dossier: dict[str, Any]) -> dict[str, Any]:
    return demo_dossier


def _speaker(quote: dict[str, Any]) -> str:
    return quote["speaker_name"] or quote["speaker_text"]


@pytest.mark.parametrize(("article", "words", "speaker"), DIRECT_QUOTES, ids=[w[:30] for _, w, _ in DIRECT_QUOTES])
def test_every_direct_quote_has_its_speaker(dossier: dict[str, Any], article: str, words: str, speaker: str) -> None:
    text = next(a["text"] for a in dossier["articles"] if a["id"] == article)
    at = text.index(words)
    holding = [q for q in dossier["quotes"] if q["article"] == article
               and any(s <= at < e for s, e in q["parts"])]
    assert len(holding) == 1, f"{words!r} is in {len(holding)} quotes"
    assert _speaker(holding[0]) == speaker


def test_direct_flag_and_cue(dossier: dict[str, Any]) -> None:
    jiyad = next(q for q in dossier["quotes"] if q["text"].startswith("If there is an escalation"))
    assert jiyad["direct"] and jiyad["cue"] == "said" and jiyad["role"] == "a fellow at US think-tank The Century Foundation"
    kadhim = next(q for q in dossier["quotes"] if q["text"].startswith("Iraq is now in a weaker position"))
    assert not kadhim["direct"] and kadhim["cue"] == "says"  # reported speech with a quoted fragment
    assert kadhim["role"] == "director of the Atlantic Council think tank’s Iraq Initiative"


def test_scare_quotes_are_not_quotes(dossier: dict[str, Any]) -> None:
    texts = {q["text"] for q in dossier["quotes"]}
    assert "truce" not in texts and "security reservations" not in texts


def test_spun_rewrite_quotes_keep_the_original_wording(dossier: dict[str, Any]) -> None:
    spun = [q for q in dossier["quotes"] if any(s["article"] == SPUN for s in q["sources"])]
    assert len(spun) >= 15
    for quote in spun:
        assert quote["article"] == AFP, quote["text"]  # the wording kept is AFP's
        assert all(s["reworded"] for s in quote["sources"] if s["article"] == SPUN)
    warn = next(q for q in spun if "We warn Kadhemi" in q["text"])
    assert "don’t back off" in warn["text"] and warn["independent_families"] == 1


def test_speaker_ids_are_entities(dossier: dict[str, Any]) -> None:
    ids = {e["id"]: e["name"] for e in dossier["entities"]}
    named = [q for q in dossier["quotes"] if q["speaker"]]
    assert named and all(ids[q["speaker"]] == q["speaker_name"] for q in named)
    assert all(q["speaker"] is None for q in dossier["quotes"] if q["anonymous"])


def test_markdown_who_said_what(dossier: dict[str, Any]) -> None:
    section = dossier["markdown"].split("## Who said what", 1)[1].split("\n## ", 1)[0]
    assert "### Sajad Jiyad — a fellow at US think-tank The Century Foundation" in section
    assert "### one Western diplomat (anonymous)" in section
    assert "characters " in section and "“If there is an escalation" in section


def test_quotes_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "p.db"
    assert main(["build", str(DEMO), "--db", str(db), "--out", str(tmp_path / "out"), "--quiet"]) == EXIT_OK
    capsys.readouterr()
    assert main(["quotes", "--db", str(db), "--speaker", "jiyad", "--direct"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Sajad Jiyad (named, a fellow at US think-tank The Century Foundation) said" in out
    assert "“If there is an escalation, it’s make or break for the government”" in out
    assert "Kadhim" not in out
    assert main(["quotes", "--db", str(db), "--json"]) == EXIT_OK
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) >= 30 and {"id", "article", "start", "end", "text", "direct", "speaker", "speaker_text",
                                  "cue"} <= listed[0].keys()
    assert main(["quotes", "--db", str(tmp_path / "none.db")]) == 1
