"""Issue #23 on the demo pile, end to end through `build`: the 3 January 2020 strike is one event,
reported by four articles of four independent families, the spun rewrite only as `reworded`."""

from __future__ import annotations

from typing import Any

EFE, AFP, INDEPENDENT, STRATFOR, SPUN = ("9054cba9a6ef5cf5", "d1abb210bae0d6db", "5d883f8f028c8af1",
                                         "88f1e84414cbd837", "0907392820dfd11b")


def _strike(dossier: dict[str, Any]) -> dict[str, Any]:
    found = [e for e in dossier["events"] if e["type"] == "ASSAULT" and e["date"] == "2020-01-03"]
    assert len(found) == 1, [e["summary"] for e in found]
    return found[0]


def test_the_strike_is_one_event_reported_by_four_independent_sources(demo_dossier: dict[str, Any]) -> None:
    strike = _strike(demo_dossier)
    originals = {m["article"] for m in strike["mentions"] if not m["reworded"]}
    assert originals == {EFE, AFP, INDEPENDENT, STRATFOR}
    assert strike["independent_families"] >= 3
    assert {m["article"] for m in strike["mentions"] if m["reworded"]} == {SPUN}
    assert strike["date_precision"] == "day" and strike["date_basis"] == "attached"
    assert not strike["background"]


def test_the_strike_targets_soleimani_and_al_muhandis(demo_dossier: dict[str, Any]) -> None:
    names = " | ".join(_strike(demo_dossier)["target_names"])
    assert "Soleimani" in names and "Muhandis" in names
    assert "Iran" not in _strike(demo_dossier)["target_names"]  # the spun copy's "of Iran" is no fact


def test_no_event_or_timeline_entry_rests_on_the_spun_rewrite_alone(demo_dossier: dict[str, Any]) -> None:
    for event in demo_dossier["events"]:
        assert any(not m["reworded"] and m["article"] != SPUN for m in event["mentions"]), event["summary"]
        assert event["independent_families"] >= 1
    for entry in demo_dossier["timeline"]:
        assert {s["article"] for s in entry["sources"]} - {SPUN}, entry["text"]


def test_each_event_is_counted_once(demo_dossier: dict[str, Any]) -> None:
    keys = [(e["type"], e["date"], tuple(e["targets"])) for e in demo_dossier["events"] if e["date"]]
    assert len(keys) == len(set(keys))
    cited = [(m["article"], m["start"]) for e in demo_dossier["events"] for m in e["mentions"]]
    assert len(cited) == len(set(cited))  # a mention reports one event


def test_the_sunday_strike_on_kataib_hezbollah_is_dated_and_the_june_arrests_are_background(
        demo_dossier: dict[str, Any]) -> None:
    sunday = [e for e in demo_dossier["events"] if e["date"] == "2019-12-29"]
    assert len(sunday) == 1 and sunday[0]["type"] == "ASSAULT"
    assert any("Hezbollah" in name for name in sunday[0]["target_names"])
    june = [e for e in demo_dossier["events"] if e["date"] == "2020-06"]
    assert len(june) == 1 and june[0]["type"] == "COERCE" and june[0]["background"]


def test_every_mention_points_at_its_trigger_and_sentence(demo_dossier: dict[str, Any]) -> None:
    texts = {a["id"]: a["text"] for a in demo_dossier["articles"]}
    for event in demo_dossier["events"]:
        for mention in event["mentions"]:
            text = texts[mention["article"]]
            assert text[mention["start"]:mention["end"]] == mention["trigger"]
            assert mention["sentence_start"] <= mention["start"] < mention["end"] <= mention["sentence_end"]


def test_the_timeline_holds_dated_events_and_markdown_lists_them(demo_dossier: dict[str, Any]) -> None:
    strike = _strike(demo_dossier)
    assert any(t["event"] == strike["id"] and t["date"] == "2020-01-03" for t in demo_dossier["timeline"])
    assert demo_dossier["sources"]["events"] == len(demo_dossier["events"])
    assert "## Events" in demo_dossier["markdown"] and "4 independent source(s)" in demo_dossier["markdown"]
