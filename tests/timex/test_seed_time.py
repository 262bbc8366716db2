"""Issue #8 on the demo pile, end to end through `build`: the seed sentences resolve as the issue
says, every article carries its time expressions, and the timeline is dated, ordered and cited."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsdossier.cli import EXIT_OK, main
from newsdossier.timex.calendar import period_at

DEMO = Path(__file__).resolve().parents[2] / "demo" / "pile"
EFE, AFP, INDEPENDENT, SPUN = "9054cba9a6ef5cf5", "d1abb210bae0d6db", "5d883f8f028c8af1", "0907392820dfd11b"


def _expressions(dossier: dict[str, Any], article: str) -> list[dict[str, Any]]:
    return next(a["time_expressions"] for a in dossier["articles"] if a["id"] == article)


def _find(dossier: dict[str, Any], article: str, words: str, context: str) -> dict[str, Any]:
    text = next(a["text"] for a in dossier["articles"] if a["id"] == article)
    start = text.index(context) + context.index(words)
    return next(e for e in _expressions(dossier, article) if e["start"] == start and e["text"] == words)


@pytest.mark.parametrize(("article", "words", "context", "value", "first", "last"), [
    (INDEPENDENT, "Sunday", "bases on Sunday", "2019-12-29", "2019-12-29", "2019-12-29"),
    (INDEPENDENT, "earlier this week", "incursion earlier this week", "2020-W01", "2019-12-30", "2020-01-05"),
    (EFE, "15 January", "as of 15 January", "2021-01-15", "2021-01-15", "2021-01-15"),
    (AFP, "June", "episode in June", "2020-06", "2020-06-01", "2020-06-30"),
    # Issue #22: a past verb governing a day just ahead of publication (2 January 2021) puts it a
    # year back; "in January" under a past verb two days into January is last year's.
    (EFE, "3 January", "the night of 2 to 3 January", "2020-01-03", "2020-01-03", "2020-01-03"),
    (EFE, "January", "were in place in January", "2020-01", "2020-01-01", "2020-01-31"),
])
def test_seed_expressions_resolve_as_the_issue_says(demo_dossier: dict[str, Any], article: str, words: str,
                                                    context: str, value: str, first: str, last: str) -> None:
    found = _find(demo_dossier, article, words, context)
    assert (found["value"], found["first"], found["last"]) == (value, first, last)


def test_last_week_in_the_afp_story_is_late_december_2020(demo_dossier: dict[str, Any]) -> None:
    # 001's publication date is an estimate (a range), so "last week" covers every week it allows;
    # against the point estimate (3 January 2021) it is the week of 21-27 December.
    article = next(a for a in demo_dossier["articles"] if a["id"] == AFP)
    assert article["published_basis"] == "estimated"
    found = _find(demo_dossier, AFP, "last week", "in Tehran last week")
    assert found["value"] == "2020-W52"
    assert found["first"] <= "2020-12-21" and found["last"] >= "2020-12-27"
    low, high = (date.fromisoformat(d) for d in article["published_range"])
    assert found["first"] == period_at(low, "week").shift(-1).first.isoformat()
    assert found["last"] == period_at(high, "week").shift(-1).last.isoformat()


def test_every_article_has_its_expressions_with_offsets(demo_dossier: dict[str, Any]) -> None:
    for article in demo_dossier["articles"]:
        assert article["time_expressions"], article["id"]
        for expression in article["time_expressions"]:
            assert article["text"][expression["start"]:expression["end"]] == expression["text"]
            assert expression["type"] in ("DATE", "TIME", "DURATION", "SET")


def test_one_year_after_an_event_is_not_a_date(demo_dossier: dict[str, Any]) -> None:
    # "One year after Soleimani's assassination" is anchored to an event; it must not become 2022.
    assert all(e["value"] != "2022" for e in _expressions(demo_dossier, AFP))


def test_timeline_is_dated_ordered_and_cited(demo_dossier: dict[str, Any]) -> None:
    timeline = demo_dossier["timeline"]
    texts = {a["id"]: a["text"] for a in demo_dossier["articles"]}
    stories = {s["id"] for s in demo_dossier["stories"]}
    assert timeline
    events = {e["id"] for e in demo_dossier["events"]}
    for entry in timeline:
        assert entry["story"] in stories
        if entry["event"] is not None:  # a dated event (issue #23): cited by its mentions' sentences
            assert entry["event"] in events
            for source in entry["sources"]:
                assert source["start"] < source["end"] <= len(texts[source["article"]])
            continue
        for source in entry["sources"]:
            sentence = texts[source["article"]][source["start"]:source["end"]]
            assert source["start"] <= source["time_start"] < source["time_end"] <= source["end"]
            assert entry["time_text"] == texts[source["article"]][source["time_start"]:source["time_end"]]
            assert " ".join(sentence.split())[:60] == entry["text"][:60]
    for story in stories:
        firsts = [e["first"] for e in timeline if e["story"] == story]
        assert firsts == sorted(firsts)
    sunday = next(e for e in timeline if e["time_text"] == "Sunday")
    assert (sunday["date"], sunday["sources"][0]["article"]) == ("2019-12-29", INDEPENDENT)
    assert "## Timeline" in demo_dossier["markdown"]
    assert "**2019-12-29** (Sunday)" in demo_dossier["markdown"]


def test_a_sentence_copied_by_the_spun_rewrite_is_still_cited_to_each_article(demo_dossier: dict[str, Any]) -> None:
    # The June arrests are an event now (background to the anniversary story, so off its timeline):
    # the AFP story reports it, the spun rewrite only as reworded.
    in_june = [e for e in demo_dossier["events"] if e["date"] == "2020-06"]
    assert {(m["article"], m["reworded"]) for e in in_june for m in e["mentions"]} >= {(AFP, False), (SPUN, True)}


def test_timex_command_shows_and_resolves_an_article(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["timex", str(DEMO / "002_b59a1ca62d69ed0f.txt")]) == EXIT_OK
    out = capsys.readouterr().out
    assert "[Sunday = 2019-12-29]" in out and "2020-W01" in out
    assert main(["timex", str(DEMO / "002_b59a1ca62d69ed0f.txt"), "--published", "2020-01-10", "--json"]) == EXIT_OK
    assert '"value": "2020-01-05"' in capsys.readouterr().out  # the Sunday before 10 January
    assert main(["timex", str(tmp_path / "missing.txt")]) == 3
    assert "missing.txt" in capsys.readouterr().err
    assert main(["timex", str(DEMO / "002_b59a1ca62d69ed0f.txt"), "--published", "soon"]) == 2
