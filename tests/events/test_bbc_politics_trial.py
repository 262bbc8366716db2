"""What a new-user trial on BBC politics articles (bbc_news_raw politics 101-160, never tuned on) showed
wrong in the events, each as a fixed example."""

from __future__ import annotations

from datetime import date
from typing import Any

from .helpers import attached


def test_a_place_that_is_another_nouns_target_is_not_where_the_event_happened(nlp: Any) -> None:
    # "the war on Iraq" is what he opposed, not where the Labour party expelled him
    found = attached(nlp, "Mr Galloway was expelled from the Labour party because of his staunch opposition "
                          "to the war on Iraq.", date(2004, 11, 20))
    assert found["expelled"].place is None
    # an attack's own target is still where what it caused happened
    found = attached(nlp, "The attack on Baghdad killed five people.", date(2004, 11, 20))
    assert found["killed"].place is not None and found["killed"].place.text == "Baghdad"


def test_of_two_passive_subjects_the_parse_gives_the_first_is_the_one_it_was_done_to(nlp: Any) -> None:
    found = attached(nlp, "Mrs Hassan, 59, who led Care International operations in Iraq, was abducted in Baghdad "
                          "on 19 October.", date(2004, 11, 20))
    abducted = found["abducted"]
    assert abducted.target is not None and abducted.target.text == "Mrs Hassan"
    assert abducted.place is not None and abducted.place.text == "Baghdad"


def test_of_two_passive_subjects_the_named_one_not_a_time_or_a_description(nlp: Any) -> None:
    # found by rebuilding the regression piles: each of these had a first passive subject that is not the one
    found = attached(nlp, "South Korea's first female president, and the daughter of former dictator Park "
                          "Chung-hee, Park Geun-hye was arrested in March.", date(2017, 4, 1))
    assert "Geun-hye" in found["arrested"].target.text
    found = attached(nlp, "Earlier this month, Wells Fargo was fined $185 million.", date(2016, 9, 20))
    assert "Fargo" in found["fined"].target.text
    found = attached(nlp, "John Jenkin, 23, of Newton Street, Millom was arrested Saturday morning after police "
                          "found two women dead in a house.", date(2013, 6, 10))
    assert found["arrested"].target.text == "John Jenkin"


def test_police_on_a_boulevard_are_there(nlp: Any) -> None:
    found = attached(nlp, "A gunman opened fire on police on Paris' iconic Champs-Elysees boulevard Thursday night.",
                     date(2017, 4, 21))
    assert found["opened"].place is not None and "Paris" in found["opened"].place.text


def test_a_place_that_owns_where_it_happened_is_there(nlp: Any) -> None:
    # the possessor's phrase is the possessed noun's: "at Baghdad's airport", "on Paris' iconic boulevard"
    found = attached(nlp, "Gunmen attacked a bus at Baghdad's main airport on Monday.", date(2017, 4, 21))
    assert found["attacked"].place is not None and found["attacked"].place.text == "Baghdad"
    found = attached(nlp, "A gunman opened fire on officers on Paris' busiest boulevard.", date(2017, 4, 21))
    assert found["opened"].place is not None and "Paris" in found["opened"].place.text
    # but a possessor of the event is who did it, not where: "Russia's invasion"
    found = attached(nlp, "Russia's invasion began in February.", date(2022, 3, 1))
    assert found["invasion"].place is None


def test_a_towns_name_before_an_event_noun_is_where_it_happened_but_a_countrys_is_not(nlp: Any) -> None:
    # from a new-user trial on BBC business articles: "the Lisbon summit" had no place
    found = attached(nlp, "The targets set at the Lisbon summit of European Union leaders in 2000 were missed.",
                     date(2005, 3, 1))
    assert found["summit"].place is not None and found["summit"].place.text == "Lisbon"
    found = attached(nlp, "The Baghdad bombing killed ten people.", date(2005, 3, 1))
    assert found["bombing"].place is not None and found["bombing"].place.text == "Baghdad"
    found = attached(nlp, "The US strike killed Soleimani.", date(2020, 1, 3))
    assert found["strike"].place is None  # the US struck; it is not where


def test_a_road_with_its_number_is_not_where_it_happened(nlp: Any) -> None:
    # new-user trial, ECB+ dev topic 35 (2026-12-06): "near Interstate 805" placed an arrest at "Interstate"
    found = attached(nlp, "Jackson was arrested early Jan. 6 on suspicion of driving under the influence on state "
                          "Route 52 near Interstate 805.", date(2009, 1, 7))
    assert found["arrested"].place is None
    found = attached(nlp, "Police arrested two men near Interstate 805 in San Diego.", date(2009, 1, 7))
    assert found["arrested"].place is not None and found["arrested"].place.text == "San Diego"
    found = attached(nlp, "Police arrested protesters in Paris 2 days ago.", date(2009, 1, 7))
    assert found["arrested"].place is not None and found["arrested"].place.text == "Paris"


def test_an_ideology_is_attacked_in_words(nlp: Any) -> None:
    # regression pile (PolNeAR dev, 2026-12-06): "Trump attacked the hateful ideology of radical Islam" was an assault
    found = attached(nlp, "In an August speech, Trump attacked the hateful ideology of radical Islam.", date(2016, 10, 1))
    assert found["attacked"].type == "DISAPPROVE"


def test_a_place_in_a_phrase_before_opens_is_that_things_even_with_a_split_apostrophe(nlp: Any) -> None:
    # new-user trial, ECB+ dev topic 35 (2026-12-06): "San Diego’ s" (an apostrophe split off) hid the "before" phrase
    found = attached(nlp, "Chargers receiver Vincent Jackson was arrested for investigation of DUI on Jan. 6, five days "
                          "before San Diego\u2019 s playoff loss at Pittsburgh.", date(2009, 1, 10))
    assert found["arrested"].place is None
    found = attached(nlp, "Police arrested two men in Kabul before dawn on Sunday.", date(2009, 1, 10))
    assert found["arrested"].place is not None and found["arrested"].place.text == "Kabul"
