"""Issue #23, item 4: event mentions merged into events, each real event once (synthetic mentions)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from newsdossier.events.model import EventDate, EventMention, TextSpan
from newsdossier.events.resolve import resolve_events

TEXT = "X" * 400


def _mention(article: str, start: int, *, lemma: str = "strike", kind: str = "ASSAULT", day: date | None = None,
             target: tuple[int, int] | None = None, source: tuple[int, int] | None = None, place: str | None = None,
             modality: str = "asserted", negated: bool = False, embedded: bool = False,
             sentence: tuple[int, int] | None = None) -> EventMention:
    when = EventDate(day, day, "day", "3 January", "attached", day.isoformat()) if day else None
    return EventMention(
        article, TextSpan(start, start + 6, lemma), lemma, kind, "", "190", modality, negated, embedded,
        sentence or (start, start + 40),
        TextSpan(*source, "src") if source else None, TextSpan(*target, "tgt") if target else None,
        when, TextSpan(start + 20, start + 27, place) if place else None, "attached" if place else "")


def _resolve(mentions: dict[str, list[EventMention]], *, families: dict[str, str] | None = None,
             spun: dict[str, str] | None = None, actors: dict[str, list[tuple[int, int, str]]] | None = None,
             published: dict[str, date] | None = None,
             countries: dict[tuple[str, int], str] | None = None) -> list:  # type: ignore[type-arg]
    articles = list(mentions)
    return resolve_events(mentions, story_of=dict.fromkeys(articles, "s1"),
                          family_of=families or {a: f"F{a}" for a in articles}, spun_sources=spun or {},
                          actors=actors or {}, texts=dict.fromkeys(articles, TEXT),
                          published=published or dict.fromkeys(articles, date(2020, 1, 4)),
                          story_first={"s1": date(2020, 1, 3)}, story_last={"s1": date(2020, 1, 5)},
                          countries=countries)


DAY = date(2020, 1, 3)
SOLEIMANI = {"a": [(50, 59, "E1")], "b": [(50, 59, "E1")], "c": [(50, 59, "E1")]}


def test_reports_of_the_same_strike_by_three_outlets_are_one_event() -> None:
    events = _resolve({a: [_mention(a, 10, day=DAY, target=(50, 59))] for a in "abc"}, actors=SOLEIMANI)
    assert len(events) == 1
    assert events[0].families == ["Fa", "Fb", "Fc"] and events[0].targets == ["E1"]
    assert events[0].date is not None and events[0].date.first == DAY


def test_different_days_or_different_targets_are_different_events() -> None:
    actors = {"a": [(50, 59, "E1")], "b": [(50, 59, "E2")]}
    apart = _resolve({"a": [_mention("a", 10, day=DAY, target=(50, 59))],
                      "b": [_mention("b", 10, day=DAY + timedelta(days=5), target=(50, 59))]},
                     actors={"a": [(50, 59, "E1")], "b": [(50, 59, "E1")]})
    assert len(apart) == 2
    assert len(_resolve({a: [_mention(a, 10, day=DAY, target=(50, 59))] for a in "ab"}, actors=actors)) == 2


def test_a_day_apart_is_one_event_with_the_disagreement_kept() -> None:
    events = _resolve({"a": [_mention("a", 10, day=DAY, target=(50, 59))],
                       "b": [_mention("b", 10, day=DAY + timedelta(days=1), target=(50, 59))],
                       "c": [_mention("c", 10, day=DAY, target=(50, 59))]}, actors=SOLEIMANI)
    assert len(events) == 1
    assert events[0].date is not None and events[0].date.first == DAY  # two families against one
    assert {c["value"] for c in events[0].conflicts} == {"2020-01-03", "2020-01-04"}


def test_threatened_denied_negated_and_embedded_mentions_make_no_event() -> None:
    found = {"a": [_mention("a", 10, day=DAY, target=(50, 59), modality="threatened", embedded=True),
                   _mention("a", 100, day=DAY, target=(150, 159), negated=True),
                   _mention("a", 200, day=DAY, target=(250, 259), modality="possible")]}
    assert _resolve(found, actors={"a": [(50, 59, "E1"), (150, 159, "E1"), (250, 259, "E1")]}) == []


def test_a_spun_rewrite_joins_its_source_and_never_stands_alone() -> None:
    found = {"a": [_mention("a", 10, day=DAY, target=(50, 59))],
             "s": [_mention("s", 10, day=DAY, target=(50, 59)),  # reworded report of a's strike
                   _mention("s", 100, lemma="bombing", day=DAY - timedelta(days=20), target=(150, 159))]}
    actors = {"a": [(50, 59, "E1")], "s": [(50, 59, "E1"), (150, 159, "E9")]}
    events = _resolve(found, spun={"s": "a"}, actors=actors)
    assert len(events) == 1
    assert [(m.article, reworded) for m, reworded in events[0].mentions] == [("a", False), ("s", True)]
    assert events[0].families == ["Fa"]  # the rewrite is no independent source


def test_a_bare_mention_joins_an_event_but_never_starts_one() -> None:
    bare = _mention("b", 10, target=(50, 59))  # "the strike on Soleimani": no date, no place
    assert _resolve({"b": [bare]}, actors=SOLEIMANI) == []
    events = _resolve({"a": [_mention("a", 10, day=DAY, target=(50, 59))], "b": [bare]}, actors=SOLEIMANI)
    assert len(events) == 1 and len(events[0].mentions) == 2


def test_copies_of_one_sentence_in_a_family_join_whatever_their_words() -> None:
    found = {"a": [_mention("a", 10, day=DAY, place="Baghdad")],
             "b": [_mention("b", 10, lemma="raid", place="Baghdad")]}
    events = _resolve(found, families={"a": "F1", "b": "F1"})
    assert len(events) == 1 and events[0].families == ["F1"]


def test_an_event_long_before_its_story_is_background() -> None:
    old = _resolve({"a": [_mention("a", 10, day=date(2003, 3, 20), target=(50, 59))]}, actors={"a": [(50, 59, "E1")]})
    assert len(old) == 1 and old[0].background
    news = _resolve({"a": [_mention("a", 10, day=DAY, target=(50, 59))]}, actors={"a": [(50, 59, "E1")]})
    assert not news[0].background


def test_mentions_placed_in_two_countries_are_two_events() -> None:
    # the same word, the same source actor, one undated: only the places tell them apart
    actors = {"a": [(60, 66, "E9")], "b": [(60, 66, "E9")]}
    first = _mention("a", 10, lemma="arrest", kind="COERCE", day=DAY, source=(60, 66), place="Brussels")
    other = _mention("b", 10, lemma="arrest", kind="COERCE", source=(60, 66), place="Cairo")
    assert len(_resolve({"a": [first], "b": [other]}, actors=actors)) == 2  # names with no word in common
    same_country = _resolve({"a": [first], "b": [_mention("b", 10, lemma="arrest", kind="COERCE", source=(60, 66),
                                                          place="Laeken")]}, actors=actors,
                            countries={("a", 10): "BE", ("b", 10): "BE"})
    assert len(same_country) == 1  # resolved to one country: "Brussels" and "Laeken" may be one arrest
    two_countries = _resolve({"a": [first], "b": [_mention("b", 10, lemma="arrest", kind="COERCE", source=(60, 66),
                                                           place="Brussels")]}, actors=actors,
                             countries={("a", 10): "BE", ("b", 10): "US"})  # Brussels, Wisconsin
    assert len(two_countries) == 2


def test_a_mention_naming_other_actors_needs_more_than_the_word_to_join() -> None:
    # an undated meeting of one group in a place, and a dated meeting of another group: the word alone
    actors = {"a": [(60, 66, "E1")], "b": [(50, 59, "E2")]}
    first = _mention("a", 10, lemma="meeting", kind="CONSULT", source=(60, 66), place="Boston")
    other = _mention("b", 10, lemma="meeting", kind="CONSULT", day=DAY, source=(50, 59))
    assert len(_resolve({"a": [first], "b": [other]}, actors=actors)) == 2
    # the same actor named: one meeting
    shared = {"a": [(60, 66, "E1")], "b": [(50, 59, "E1")]}
    assert len(_resolve({"a": [first], "b": [other]}, actors=shared)) == 1


def test_a_name_that_qualifies_a_common_noun_is_not_the_argument_s_actor() -> None:
    from newsdossier.events.resolve import _actors_in

    text = "the former U.S. Army psychiatrist; US forces; a Molenbeek resident; Hamza Attou and Mohamed Amri"
    army = text.index("U.S. Army")
    assert _actors_in(4, 33, [(army, army + 9, "E1")], text) == set()  # the psychiatrist, not the Army
    us = text.index("US forces")
    assert _actors_in(us, us + 9, [(us, us + 2, "E2")], text) == {"E2"}  # a state acts through its forces
    pair = text.index("Hamza")
    assert _actors_in(pair, len(text), [(pair, pair + 11, "E3"), (len(text) - 11, len(text), "E4")], text) \
        == {"E3", "E4"}
    bases = "attacked Kata'ib Hezbollah bases"
    assert _actors_in(9, len(bases), [(9, 25, "E5")], bases) == {"E5"}  # the group's bases: the group
    mother = "accused of killing a Brownsville mother of 12"  # the mother, whatever follows her
    start = mother.index("a Brownsville")
    assert _actors_in(start, len(mother), [(start + 2, start + 13, "E6")], mother) == set()
    leader = "the Hamas leader in Gaza"
    assert _actors_in(0, len(leader), [(4, 9, "E7")], leader) == {"E7"}  # a group acts through its leader


def test_an_everyday_verb_s_default_code_never_starts_an_event() -> None:
    approved = replace(_mention("a", 10, lemma="approve", kind="CONCEDE", day=DAY, target=(50, 59)),
                       code="080", evidence="everyday")
    assert _resolve({"a": [approved]}, actors={"a": [(50, 59, "E1")]}) == []
    # the same mention, typed by a verb of yielding ("surrendered"), does
    assert len(_resolve({"a": [replace(approved, evidence="verb")]}, actors={"a": [(50, 59, "E1")]})) == 1


def test_a_lone_surname_stands_for_the_one_person_of_that_name_only() -> None:
    from newsdossier.events.resolve import surname_aliases

    names = {"E1": "Kimani Gray", "E2": "Gray", "E3": "John Smith", "E4": "Jane Smith", "E5": "Smith",
             "E6": "Obama"}
    assert surname_aliases(names) == {"E2": "E1"}  # Smith is two people's name; Obama nobody else's
    # a surname never named in a topic of the full name's is someone else ("Mr Knight", "Beverley Knight")
    assert surname_aliases(names, {"E1": {"t1"}, "E2": {"t2"}}) == {}
    assert surname_aliases(names, {"E1": {"t1", "t2"}, "E2": {"t2"}}) == {"E2": "E1"}
    mentions = {"a": [_mention("a", 10, lemma="wounded", day=DAY, target=(50, 59))],
                "b": [_mention("b", 10, lemma="killed", day=DAY, target=(50, 59))]}
    actors = {"a": [(50, 59, "E2")], "b": [(50, 59, "E1")]}
    assert len(_resolve(mentions, actors=actors)) == 2  # without the alias: two targets, two events
    articles = list(mentions)
    events = resolve_events(mentions, story_of=dict.fromkeys(articles, "s1"), family_of={"a": "Fa", "b": "Fb"},
                            spun_sources={}, actors=actors, texts=dict.fromkeys(articles, TEXT),
                            published=dict.fromkeys(articles, date(2020, 1, 4)), aliases={"E2": "E1"})
    assert len(events) == 1 and events[0].targets == ["E1"]


def test_the_summary_is_a_report_that_gives_the_events_date() -> None:
    # an undated report published first joins the dated one; the summary must not pair its words with
    # the other report's date ("charged with being the head ..." under 1957, when the 1957 charge was another)
    texts = {"a": "Gigante was charged with racketeering." + " " * 60, "b": "In 1957 Gigante was charged with murder."}
    found = {"a": [_mention("a", 13, lemma="charged", target=(0, 7), sentence=(0, 38))],
             "b": [_mention("b", 21, lemma="charged", day=date(1957, 6, 1), target=(8, 15), sentence=(0, 40))]}
    events = resolve_events(found, story_of={"a": "s1", "b": "s1"}, family_of={"a": "Fa", "b": "Fb"}, spun_sources={},
                            actors={"a": [(0, 7, "E1")], "b": [(8, 15, "E1")]}, texts=texts,
                            published={"a": date(2020, 1, 1), "b": date(2020, 1, 2)})
    assert len(events) == 1 and len(events[0].mentions) == 2
    assert events[0].date is not None and events[0].date.first == date(1957, 6, 1)
    assert events[0].summary == "In 1957 Gigante was charged with murder."


def test_a_name_inside_a_relative_clause_of_the_target_is_not_a_target() -> None:
    text = "Mr Soros - who took on the Bank of England in the 1990s - and won, was pelted by protestors."
    bank = text.index("Bank of England")
    found = {"a": [_mention("a", text.index("pelted"), lemma="pelted", day=DAY, target=(0, text.index(",")),
                            sentence=(0, len(text)))]}
    events = resolve_events(found, story_of={"a": "s1"}, family_of={"a": "Fa"}, spun_sources={},
                            actors={"a": [(3, 8, "E1"), (bank, bank + 15, "E2")]}, texts={"a": text},
                            published={"a": date(2020, 1, 4)})
    assert [e.targets for e in events] == [["E1"]]


def test_one_person_is_killed_once_whatever_the_words() -> None:
    """ "The killing of Dr Slepian" and "the Oct. 23 sniper shooting of Dr. Barnett Slepian": a named
    person killed in two reports of one topic is one event; a place or a group is not a person."""
    found = {"a": [_mention("a", 10, lemma="kill", day=DAY, target=(50, 59))],
             "b": [_mention("b", 10, lemma="shooting", target=(50, 59))]}

    def resolved(people: frozenset[str]) -> list:  # type: ignore[type-arg]
        return resolve_events(found, story_of={"a": "s1", "b": "s2"}, family_of={"a": "Fa", "b": "Fb"},
                              spun_sources={}, actors={"a": [(50, 59, "E1")], "b": [(50, 59, "E1")]},
                              texts=dict.fromkeys(found, TEXT), published=dict.fromkeys(found, DAY),
                              topic_of={"s1": "t1", "s2": "t1"}, people=people)

    joined = resolved(frozenset({"E1"}))
    assert len(joined) == 1 and joined[0].families == ["Fa", "Fb"]
    # the same target that is no person: the words must agree, and the shooting joins nothing
    assert [e.families for e in resolved(frozenset())] == [["Fa"]]
    protest = {"a": [_mention("a", 10, lemma="protest", kind="PROTEST", day=DAY, target=(50, 59))],
               "b": [_mention("b", 10, lemma="rally", kind="PROTEST", target=(50, 59))]}
    protests = resolve_events(protest, story_of={"a": "s1", "b": "s1"}, family_of={"a": "Fa", "b": "Fb"},
                              spun_sources={}, actors={"a": [(50, 59, "E1")], "b": [(50, 59, "E1")]},
                              texts=dict.fromkeys(protest, TEXT), published=dict.fromkeys(protest, DAY),
                              people=frozenset({"E1"}))
    assert [e.families for e in protests] == [["Fa"]]  # one person may face many protests


def test_a_day_inside_the_season_most_reports_give_dates_the_event() -> None:
    fall = EventDate(date(1998, 9, 1), date(1998, 11, 30), "year", "last fall", "attached", "1998-FA")
    found = {a: [replace(_mention(a, 10, lemma="kill", target=(50, 59)), date=fall)] for a in "ab"}
    found["c"] = [_mention("c", 10, lemma="kill", day=date(1998, 10, 23), target=(50, 59))]
    events = resolve_events(found, story_of=dict.fromkeys(found, "s1"), family_of={a: f"F{a}" for a in found},
                            spun_sources={}, actors=SOLEIMANI, texts=dict.fromkeys(found, TEXT),
                            published=dict.fromkeys(found, date(1999, 1, 5)))
    assert len(events) == 1 and events[0].date is not None
    assert events[0].date.first == date(1998, 10, 23) and events[0].date.precision == "day"


def test_a_season_or_a_decade_is_written_as_one_not_as_a_day() -> None:
    from newsdossier.records import event_to_dict

    def written(when: EventDate) -> object:
        found = {"a": [replace(_mention("a", 10, lemma="kill", target=(50, 59)), date=when)]}
        events = resolve_events(found, story_of={"a": "s1"}, family_of={"a": "Fa"}, spun_sources={},
                                actors=SOLEIMANI, texts={"a": TEXT}, published={"a": date(1999, 1, 5)})
        return event_to_dict(events[0], names={})["date"]

    assert written(EventDate(date(1998, 9, 1), date(1998, 11, 30), "year", "last fall", "attached", "1998-FA")) \
        == "1998-FA"
    assert written(EventDate(date(1960, 1, 1), date(1969, 12, 31), "year", "the 1960s", "attached", "196X")) == "196"
    assert written(EventDate(date(1998, 1, 1), date(1998, 12, 31), "year", "1998", "attached", "1998")) == "1998"


def _filed_from(mention: EventMention, dateline: str) -> EventMention:
    return replace(mention, place=TextSpan(-1, -1, dateline), place_basis="dateline")


def test_a_background_event_is_not_placed_where_the_reporter_files_from() -> None:
    # "Israel, which annexed East Jerusalem in 1967, ..." in a story filed from Nablus
    old = _resolve({"a": [_filed_from(_mention("a", 10, day=date(1967, 6, 28), target=(50, 59)), "Nablus")]},
                   actors={"a": [(50, 59, "E1")]})
    assert old[0].background and old[0].place is None
    news = _resolve({"a": [_filed_from(_mention("a", 10, day=DAY, target=(50, 59)), "Nablus")]},
                    actors={"a": [(50, 59, "E1")]})
    assert news[0].place == "Nablus"


def test_an_event_s_dateline_is_the_one_most_of_its_reports_were_filed_from() -> None:
    # one report of a strike filed from Manila, two from Beijing
    reports = {a: [_filed_from(_mention(a, 10, day=DAY, target=(50, 59)), place)]
               for a, place in (("a", "Manila"), ("b", "Beijing"), ("c", "Beijing"))}
    found = _resolve(reports, actors=SOLEIMANI)
    assert len(found) == 1 and found[0].place == "Beijing"


def test_two_mentions_of_one_type_in_one_sentence_are_one_event() -> None:
    # "The air strike took place near Baghdad airport, killing Soleimani": the strike comes first in the
    # sentence and names no one, the killing names its target; both are the one event, whatever the order.
    sentence = (0, 120)
    strike = _mention("a", 10, lemma="strike", day=DAY, place="Baghdad airport", sentence=sentence)
    killing = _mention("a", 80, lemma="killing", day=DAY, target=(95, 104), sentence=sentence)
    events = _resolve({"a": [strike, killing]}, actors={"a": [(95, 104, "E1")]})
    assert len(events) == 1 and len(events[0].mentions) == 2 and events[0].targets == ["E1"]


def test_a_mention_naming_its_own_doer_does_not_join_by_the_sentence_alone() -> None:
    # "A fire-bomb attack on a bank in Greece killed three": the killing's parsed source ("Greece") is no attacker
    sentence = (0, 120)
    attack = _mention("a", 10, lemma="attack", target=(30, 34), place="Greece", sentence=sentence)
    killed = _mention("a", 60, lemma="killed", source=(50, 56), sentence=sentence)
    events = _resolve({"a": [attack, killed]}, actors={"a": [(30, 34, "E1"), (50, 56, "E2")]})
    assert events and all("E2" not in e.actors for e in events if "E1" in e.targets)


def test_a_killing_dated_only_by_its_publication_week_joins_the_dated_killing_of_that_person() -> None:
    """ "Zurana Horton was killed when ..." leading a 2013 report of the trial, and "was killed on Oct. 21, 2011":
    one killing, dated as the text states it, whichever comes first; an arrest is not merged that way."""
    killed = date(2011, 10, 21)
    published = date(2013, 4, 11)

    def lead(article: str, lemma: str = "kill") -> EventMention:
        week = EventDate(published - timedelta(days=6), published, "week", "", "publication", "")
        return replace(_mention(article, 10, lemma=lemma, target=(50, 59), place="Brownsville"), date=week)

    for order in (("a", "b"), ("b", "a")):
        found = {order[0]: [lead(order[0])], order[1]: [_mention(order[1], 10, lemma="kill", day=killed,
                                                                 target=(50, 59))]}
        events = resolve_events(found, story_of=dict.fromkeys(found, "s1"), family_of={"a": "Fa", "b": "Fb"},
                                spun_sources={}, actors={"a": [(50, 59, "E1")], "b": [(50, 59, "E1")]},
                                texts=dict.fromkeys(found, TEXT), published=dict.fromkeys(found, published),
                                people=frozenset({"E1"}))
        assert [e.families for e in events] == [["Fa", "Fb"]]
        assert events[0].date is not None and events[0].date.first == killed
    arrests = {"a": [lead("a", "arrest")], "b": [_mention("b", 10, lemma="arrest", kind="COERCE", day=killed,
                                                           target=(50, 59))]}
    arrests = {a: [replace(m, type="COERCE", target_is_actor=True) for m in found] for a, found in arrests.items()}
    events = resolve_events(arrests, story_of=dict.fromkeys(arrests, "s1"), family_of={"a": "Fa", "b": "Fb"},
                            spun_sources={}, actors={"a": [(50, 59, "E1")], "b": [(50, 59, "E1")]},
                            texts=dict.fromkeys(arrests, TEXT), published=dict.fromkeys(arrests, published),
                            people=frozenset({"E1"}))
    assert sorted(e.families for e in events) == [["Fa"], ["Fb"]]  # a person may be arrested again


def test_shot_dead_over_the_weekend_is_the_killing_on_saturday_night() -> None:
    """ "Kimani Gray, 16, who was shot dead by two officers over the weekend" ("shot" as the tagger left it) and
    "Kimani Gray was shot and killed on Saturday night": one killing."""
    saturday = date(2013, 3, 9)
    weekend = EventDate(saturday, saturday + timedelta(days=1), "week", "the weekend", "attached", "2013-W10-WE")
    found = {"a": [_mention("a", 10, lemma="kill", day=saturday, target=(50, 59))],
             "b": [replace(_mention("b", 10, lemma="shot", target=(50, 59), place="East Flatbush"), date=weekend)]}
    events = resolve_events(found, story_of=dict.fromkeys(found, "s1"), family_of={"a": "Fa", "b": "Fb"},
                            spun_sources={}, actors={"a": [(50, 59, "E1")], "b": [(50, 59, "E1")]},
                            texts=dict.fromkeys(found, TEXT),
                            published={"a": date(2013, 3, 11), "b": date(2013, 3, 12)},
                            people=frozenset({"E1"}))
    assert [e.families for e in events] == [["Fa", "Fb"]]


def test_a_day_without_a_calendar_joins_reports_of_that_day_at_that_place_only() -> None:
    """In undated articles: "LuAnn Marie Johnson was killed Wednesday night outside a Sam's Club in Bloomington"
    is an event (who and where; the day has no calendar, and is written as such); "a woman was killed Wednesday
    night in Bloomington" joins it (the same weekday, the same place), "a woman was killed in Queens Wednesday
    night" does not (no one and no place in common)."""
    from newsdossier.records import event_to_dict, unknown_date

    def undated(article: str, place: str, target: tuple[int, int] | None = None) -> EventMention:
        return replace(_mention(article, 10, lemma="kill", target=target, place=place),
                       unresolved_time="Wednesday night")

    found = {"a": [undated("a", "Bloomington", (50, 59))], "b": [undated("b", "Queens")],
             "c": [undated("c", "Bloomington")]}
    events = resolve_events(found, story_of=dict.fromkeys(found, "s1"), family_of={a: f"F{a}" for a in found},
                            spun_sources={}, actors={"a": [(50, 59, "E1")]}, texts=dict.fromkeys(found, TEXT),
                            published=dict.fromkeys(found), people=frozenset({"E1"}))
    assert [e.families for e in events] == [["Fa", "Fc"]]
    written = event_to_dict(events[0], names={"E1": "LuAnn Marie Johnson"})
    assert written["date"] is None and written["date_text"] == "Wednesday night"
    assert written["date_basis"] == "unresolved" and written["mentions"][0]["date_basis"] == "unresolved"
    assert unknown_date(written) == "date unknown (\u201cWednesday night\u201d, with no calendar in the text)"
    assert unknown_date({"date_basis": None, "date_text": None}) == "date unknown"
    # reports that name different days are all shown: the text cannot say which is right
    from newsdossier.events.model import Event

    saturday = replace(found["c"][0], unresolved_time="Saturday")
    sunday = replace(found["a"][0], unresolved_time="Sunday")
    event = Event("v9", "s1", "ASSAULT", "", None, None, "killed", mentions=[(sunday, False), (saturday, False)])
    assert event_to_dict(event, names={})["date_text"] == "Sunday / Saturday"
