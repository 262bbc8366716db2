"""What a new user's reading of BBC technology and entertainment articles nobody had read for events (files
[300:] of each category's shuffle, see docs/benchmarks.md, fourteenth session) showed wrong, each as a fixed
example: an album's renaming read as a second thing released, a band's name taken for the singer it qualifies,
a boom read as a bomb."""

from __future__ import annotations

from typing import Any

from newsdossier.events.extract import find_event_mentions
from newsdossier.events.resolve import _actors_in

from .helpers import mentions


def test_a_name_set_off_by_commas_renames_the_target_it_follows(nlp: Any) -> None:
    # the parse makes "Portishead" a conjunct of "follow up": it is the album's name, no person released
    found = mentions(nlp, "The follow up, Portishead, was released three years later.")
    assert "released" not in found or (not found["released"].also_targets and not found["released"].political)
    # a list with "and" coordinates: both were released
    found = mentions(nlp, "The rebels released Smith, Jones and Brown on Tuesday.")
    assert found["released"].political
    assert [t.text for t in found["released"].also_targets] or found["released"].target_is_actor


def test_a_name_before_a_trade_only_qualifies_the_person(nlp: Any) -> None:
    text = "The former Libertines singer had been granted bail."
    libertines = (text.index("Libertines"), text.index("Libertines") + len("Libertines"), "e1")
    assert _actors_in(0, text.index(" had"), [libertines], text) == set()  # the singer, not the band
    text = "Kata'ib Hezbollah bases were struck."
    group = (0, len("Kata'ib Hezbollah"), "e2")
    assert _actors_in(0, text.index(" were"), [group], text) == {"e2"}  # the group's bases
    text = "The Hamas leader was arrested."
    assert _actors_in(0, text.index(" was"), [(4, 9, "e3")], text) == {"e3"}  # a leader acts for the group


def test_an_explosion_of_growth_is_no_attack(nlp: Any) -> None:
    text = "The gadget explosion signalled the strongest growth yet in the US in 2004."
    assert not [m for m in find_event_mentions("a", nlp(text), text) if m.trigger.text == "explosion"]
    # an explosion that hurt someone was one, whatever else the sentence says of markets
    text = "An explosion at the crowded market killed five people on Friday."
    assert [m.type for m in find_event_mentions("a", nlp(text), text) if m.trigger.text == "explosion"] == ["ASSAULT"]


def test_a_surname_written_with_mr_is_not_a_woman_of_that_name() -> None:
    # regression piles (PolNeAR dev, 2026-12-06): "Mr. Gomes" had been taken for Catherine Gomes
    from newsdossier.events.resolve import surname_aliases

    names = {"E1": "Catherine Gomes", "E2": "Gomes"}
    assert surname_aliases(names, None, {"E2": {"mr"}}) == {}
    assert surname_aliases(names, None, {"E2": {"mrs"}}) == {"E2": "E1"}
    assert surname_aliases(names, None, {"E2": {"dr"}}) == {"E2": "E1"}  # a doctor may be either
    assert surname_aliases({"E1": "Kimani Gray", "E2": "Gray"}, None, {"E2": {"mr"}}) == {"E2": "E1"}


def test_a_position_said_of_a_name_between_commas_describes_it(nlp: Any) -> None:
    # BBC politics (regression pile, 2026-12-06): "MAB, which opposed the war in Iraq" had been a protest
    text = "Last year MAB, which opposed the war in Iraq, urged Muslims not to vote for Labour in the elections."
    found = mentions(nlp, text)
    assert "opposed" not in found or found["opposed"].modality != "asserted"
    found = mentions(nlp, "Mr Smith, who strongly backs the plan, said the vote would pass.")
    assert "backs" not in found or found["backs"].modality != "asserted"
    # what someone did: asserted
    text = "Thousands of protesters opposed the war on Friday in London."
    assert mentions(nlp, text)["opposed"].modality == "asserted"


def test_a_trip_for_ones_own_care_is_no_meeting(nlp: Any) -> None:
    # AEB pages and ECB+ train (read 2026-12-06): a president's check-up and a star's rehab had been visits
    for text, trigger in (("President Donald Trump made an unscheduled trip to Walter Reed hospital on Saturday for "
                           "a quick exam and labs.", "made"),
                          ("She hopped on a private jet Wednesday night, headed for Morningside Recovery in Newport "
                           "Beach.", "headed")):
        assert trigger not in mentions(nlp, text), text
    # a visit there may be one
    assert mentions(nlp, "The president visited wounded soldiers at Walter Reed hospital on Saturday.")["visited"]


def test_people_with_no_arms_surrounding_a_building_protest(nlp: Any) -> None:
    # AEB: "Several thousand teachers ... surrounded the Indiana Statehouse" had been an attack
    found = mentions(nlp, "Several thousand teachers wearing red surrounded the Indiana Statehouse on Tuesday to call "
                          "for better pay.")
    assert (found["surrounded"].type, found["surrounded"].mode) == ("PROTEST", "obstruct")
    assert mentions(nlp, "Troops surrounded the rebel stronghold on Tuesday.")["surrounded"].type == "ASSAULT"


def test_a_dateline_before_a_dash_is_no_subject(nlp: Any) -> None:
    # AEB (a page whose dateline the cleaner kept): "Indianapolis" had been the one who surrounded the Statehouse
    text = ("Indianapolis – Several thousand teachers wearing red surrounded the Indiana Statehouse on Tuesday to call "
            "for better pay.")
    found = mentions(nlp, text)["surrounded"]
    assert found.source is None or "Indianapolis" not in found.source.text
    # a name before a dash that is no place is still the subject
    found = mentions(nlp, "Police arrested the man in Kabul on Monday.")["arrested"]
    assert found.source is not None and found.source.text == "Police"


def test_a_place_past_a_full_stop_the_parser_glued_on_is_the_other_sentences(nlp: Any) -> None:
    # TimeBank (regression pile): a quotation and the contributor line after it, parsed as one sentence, had put
    # the U.S. war in Amman
    from datetime import date

    from .helpers import attached

    text = ('For the first time in history, the U.S. has gone to war with an Arab and Muslim nation, and we know a '
            'peaceful solution was in reach." --- Geraldine Brooks in Amman, Jordan, and Craig Forman in Cairo, '
            'Egypt, contributed to this article.')
    found = attached(nlp, text, date(1991, 1, 17))
    assert found["gone"].place is None or found["gone"].place.text not in ("Amman", "Jordan", "Cairo", "Egypt")
    # a reporter's credit is no aid; a state's contribution is
    assert "contributed" not in found
    assert mentions(nlp, "Japan contributed $10 billion to the war effort.")["contributed"].type == "AID"
    # a place in the trigger's own sentence still places it
    found = attached(nlp, "Police arrested the man in Kabul on Monday.", date(2018, 4, 5))
    assert found["arrested"].place is not None and found["arrested"].place.text == "Kabul"
