"""The read API (issue #25): ``newsdossier.open`` and the pile's typed queries, checked against the demo
pile's dossier.json (the same records, filtered and paged in SQLite)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsdossier
from newsdossier.errors import StoreError


@pytest.fixture()
def pile(demo_build: Path) -> Any:
    with newsdossier.open(demo_build / "p.db") as opened:
        yield opened


def test_every_query_returns_the_dossiers_records(pile: Any, demo_dossier: dict[str, Any]) -> None:
    assert list(pile.events()) == demo_dossier["events"]
    assert list(pile.quotes()) == demo_dossier["quotes"]
    assert list(pile.entities()) == demo_dossier["entities"]
    assert list(pile.places()) == demo_dossier["places"]
    assert list(pile.reuse()) == demo_dossier["reuse"]
    assert list(pile.families()) == demo_dossier["families"]
    assert [s["id"] for s in pile.stories()] == [s["id"] for s in demo_dossier["stories"]]
    assert [a.id for a in pile.articles()] == [a["id"] for a in demo_dossier["articles"]]
    counts = pile.counts()
    assert counts["articles"] == 5 and counts["events"] == len(demo_dossier["events"])


def test_event_filters(pile: Any, demo_dossier: dict[str, Any]) -> None:
    events = demo_dossier["events"]
    assaults = pile.events(type="assault")
    assert assaults.total == sum(e["type"] == "ASSAULT" for e in events) >= 2
    assert all(e["type"] == "ASSAULT" for e in assaults)
    # the strike of 3 January 2020: by date range, by place (as written, GeoNames name or country code)
    strike = pile.events(type="ASSAULT", since="2020-01-03", until="2020-01-03")
    assert strike.total >= 1 and all(e["date_first"] <= "2020-01-03" <= e["date_last"] for e in strike)
    assert pile.events(place="baghdad").total == sum((e["place"] or {}).get("geonames_name") == "Baghdad"
                                                      for e in events) >= 1
    assert pile.events(place="IQ").total == sum((e["place"] or {}).get("country") == "IQ" for e in events)
    actor = next(e for e in events if e["actors"])
    by_id, by_name = pile.events(actor=actor["actors"][0]), pile.events(actor=actor["actor_names"][0].upper())
    assert by_id.total == by_name.total == sum(actor["actors"][0] in e["actors"] + e["targets"] for e in events)
    story = events[0]["story"]
    assert pile.events(story=story).total == sum(e["story"] == story for e in events)
    assert pile.events(type="NO_SUCH_TYPE").total == 0


def test_paging(pile: Any, demo_dossier: dict[str, Any]) -> None:
    quotes = demo_dossier["quotes"]
    first, second = pile.quotes(limit=5), pile.quotes(limit=5, offset=5)
    assert first.total == second.total == len(quotes)
    assert list(first) + list(second) == quotes[:10] and len(first) == 5 and first[0] == quotes[0]
    assert len(pile.quotes(limit=0)) == 0 and pile.quotes(offset=len(quotes)).items == []
    assert len(pile.articles(limit=2, offset=4)) == 1
    with pytest.raises(ValueError, match="offset"):
        pile.quotes(offset=-1)
    with pytest.raises(ValueError, match="limit"):
        pile.events(limit=-2)


def test_quote_entity_place_and_story_filters(pile: Any, demo_dossier: dict[str, Any]) -> None:
    quotes = demo_dossier["quotes"]
    speaker = next(q for q in quotes if q["speaker_name"])
    said = pile.quotes(speaker=speaker["speaker_name"].lower())
    assert said.total == sum(q["speaker_name"] == speaker["speaker_name"] for q in quotes) and said.total >= 1
    assert pile.quotes(speaker=speaker["speaker"]).total == said.total
    story = demo_dossier["stories"][0]
    in_story = pile.quotes(story=story["id"])
    assert in_story.total == sum(q["article"] in story["articles"] for q in quotes)
    assert pile.articles(story=story["id"]).total == len(story["articles"])
    assert pile.stories(article=story["articles"][0])[0]["id"] == story["id"]
    people = pile.entities(type="per")
    assert people.total == sum(e["type"] == "PER" for e in demo_dossier["entities"]) and people.total >= 1
    name = people[0]["name"]
    assert name in [e["name"] for e in pile.entities(name=name.split()[-1].lower())]
    assert pile.places(resolved=False).total == sum(not p["resolved"] for p in demo_dossier["places"])
    assert {p["country"] for p in pile.places(country="iq")} == {"IQ"}


def test_search_pages_and_articles_come_back_typed(pile: Any) -> None:
    hits = pile.search("Baghdad", limit=2)
    assert hits and hits[0].snippet and "[" in hits[0].snippet
    assert pile.search("Baghdad", limit=2, offset=1)[0].article_id == pile.search("Baghdad", limit=3)[1].article_id
    article = pile.article(hits[0].article_id)
    assert isinstance(article, newsdossier.Article) and "Baghdad" in article.text
    assert pile.article("no-such-id") is None


def test_opening_what_is_not_a_pile_says_so(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no pile there"):
        newsdossier.open(tmp_path / "missing.db")
    with pytest.raises(StoreError, match="is a folder"):
        newsdossier.open(tmp_path)
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match="not a newsdossier store"):
        newsdossier.open(text)


def test_the_pile_is_read_only(pile: Any) -> None:
    with pytest.raises(StoreError):
        pile._store.replace_events([("x", "ASSAULT", "{}")])


def test_review_fixes_dates_speakers_and_views(pile: Any, demo_dossier: dict[str, Any]) -> None:
    """Found in review: "until 2020-01" must hold the events of January 2020; a speaker is found by the
    words as written too; only the flat views can be read as tables."""
    events = demo_dossier["events"]
    by_month = pile.events(until="2020-01").total
    assert by_month == pile.events(until="2020-01-31").total == sum(
        bool(e["date_first"]) and e["date_first"] <= "2020-01-31" for e in events)
    assert pile.events(since="2020").total == pile.events(since="2020-01-01").total
    for written in (q for q in demo_dossier["quotes"] if q["speaker_name"] and q["speaker_text"]):
        assert written["id"] in [q["id"] for q in pile.quotes(speaker=written["speaker_text"].upper())]
    with pytest.raises(ValueError, match="no flat view"):
        pile.table("articles")
    columns, rows = pile.table("events_flat")
    assert "summary" in columns and len(list(rows)) == len(events)


def test_a_pile_opened_in_one_thread_answers_in_another(demo_build: Path) -> None:
    """A server opens the pile in one worker thread and answers in another (found measuring serve on
    10,000 articles: every request failed once the two threads differed)."""
    import threading

    opened = newsdossier.open(demo_build / "p.db")
    answers: list[int] = []
    thread = threading.Thread(target=lambda: answers.append(opened.counts()["articles"]))
    thread.start()
    thread.join()
    closer = threading.Thread(target=opened.close)
    closer.start()
    closer.join()
    assert answers == [5]


def test_a_story_page_is_an_index_search(pile: Any) -> None:
    """Migration 13: the story filters of events and quotes search an index (a story page of a
    10,000-article pile went from 129 to 20 ms at the 95th percentile: docs/benchmarks.md)."""
    plans = {
        "quotes": "SELECT count(*) FROM quotes AS r WHERE json_extract(r.json, '$.article') IN "
                  "(SELECT value FROM stories, json_each(stories.json, '$.articles') WHERE stories.id = ?)",
        "events": "SELECT count(*) FROM events AS r WHERE json_extract(r.json, '$.story') = ?",
    }
    for table, sql in plans.items():
        plan = " ".join(str(row[-1]) for row in pile._store.select("EXPLAIN QUERY PLAN " + sql, ("s00001",)))
        assert "USING INDEX" in plan and "SCAN r" not in plan, (table, plan)


def test_a_timeline_stored_before_modality_reads_as_unknown(tmp_path: Path) -> None:
    from newsdossier.store import Store

    entry = {"date": "2020-01-03", "first": "2020-01-03", "last": "2020-01-03", "event": None, "story": None,
             "time_text": "3 January", "text": "The strike took place on 3 January.",
             "sources": [{"article": "a", "start": 0, "end": 36}], "independent_families": 1}
    store = Store.open(tmp_path / "old.db")
    try:
        store.replace_time([], [json.dumps(entry), json.dumps(entry | {"modality": "possible", "modality_cue": "may"})])
    finally:
        store.close()
    with newsdossier.open(tmp_path / "old.db") as opened:
        read = list(opened.timeline())
    assert [(t["modality"], t["modality_cue"]) for t in read] == [("unknown", None), ("possible", "may")]
