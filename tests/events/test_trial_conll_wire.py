"""What a new user's reading of Reuters wire of December 1996 nobody had read for events (CoNLL-2003's test split
rebuilt into 223 articles by ``bench/trial_piles.py``; see docs/benchmarks.md, fifteenth session) showed wrong,
each as a fixed example: a goal read as a shooting, a game misread as a clash, a pupil's expulsion and a lost
office read as deportations, a hard problem read as a fight, and events placed where the reporter filed from."""

from __future__ import annotations

from datetime import date
from typing import Any

from .helpers import attached, mentions

FOOTBALL = ("Real Madrid's Balkan strike force of Davor Suker and Predrag Mijatovic shot their side to a 2-0 win over "
            "Barcelona in Spain's old firm game on Saturday. The result leaves Real on 38 points after 16 games. With "
            "just one league match scheduled before the New Year break, Real are assured of spending Christmas ahead. "
            "Montenegrin striker Mijatovic made it 2-0 just after the break.")


def test_a_side_shot_to_a_win_in_a_sports_report_is_no_shooting(nlp: Any) -> None:
    assert "shot" not in mentions(nlp, FOOTBALL)
    # a shooting in a sports report is one
    text = FOOTBALL + " A fan was shot dead outside the stadium after the game, police said."
    assert mentions(nlp, text)["shot"].type == "ASSAULT"


def test_a_game_misread_as_the_verb_match_is_no_clash(nlp: Any) -> None:
    text = ("Score on the first day of the four-day Sheffield Shield match between Tasmania and Victoria at Bellerive "
            "Oval on Friday: Tasmania 352 for three v Victoria.")
    assert "match" not in mentions(nlp, text)


def test_an_expulsion_from_a_school_is_no_deportation(nlp: Any) -> None:
    # the parse makes "School" the object and hangs "from" on "Pius"
    text = "Mike Cito, 17, was expelled from St Pius X High School in Albuquerque after an October game."
    assert "expelled" not in mentions(nlp, text)
    assert "expelled" not in mentions(nlp, "The boy was expelled from the school after the game.")
    assert mentions(nlp, "Russia expelled two British diplomats from Moscow on Friday.")["expelled"].type == "SANCTION"
    assert mentions(nlp, "Russia expelled the American journalist on Friday.")["expelled"].type == "COERCE"


def test_an_office_or_power_lost_is_no_deportation(nlp: Any) -> None:
    text = "Peres, who was ousted in May by rightwing Israeli leader Benjamin Netanyahu, said there could be talks."
    assert "ousted" not in mentions(nlp, text)
    text = "Havel helped lead the revolution that ousted the Communist regime in Prague in 1989."
    assert "ousted" not in mentions(nlp, text)
    text = "The government ousted the journalists from the country on Monday."
    assert mentions(nlp, text)["ousted"].type == "COERCE"


def test_grappling_with_a_problem_is_no_fight(nlp: Any) -> None:
    text = "Wales grappled with its own cluster of meningitis cases on a university campus in Cardiff."
    assert "grappled" not in mentions(nlp, text)
    text = "Police grappled with protesters outside the parliament in Cardiff on Monday."
    assert mentions(nlp, text)["grappled"].type == "ASSAULT"


def test_a_country_the_ner_called_other_places_the_event_not_the_dateline(nlp: Any) -> None:
    text = ("The United Nations evacuated its staff in the Central African Republic on Friday because of mounting "
            "violence in a two-week-old army mutiny in the capital, a U.N. official said.")
    found = attached(nlp, text, date(1996, 12, 6), "Abidjan")["evacuated"]
    assert found.place is not None and found.place.text == "Central African Republic"


def test_a_dateline_inside_the_text_places_its_sentence(nlp: Any) -> None:
    text = ("GREECE, Dec 5 - Greek port workers called off a strike which had kept the country's ports closed, giving "
            "the government until Feb 1 to introduce a promised bonus scheme.")
    found = attached(nlp, text, date(1996, 12, 6), "Brussels")["called"]
    assert found.place is not None and (found.place.text, found.place_basis) == ("GREECE", "dateline")
    # a place opening a sentence with no dash after it is no dateline
    text = "Greece called off the talks on Thursday, officials said."
    found = attached(nlp, text, date(1996, 12, 6), "Brussels")["called"]
    assert found.place is not None and found.place.text == "Brussels"


def test_putting_off_ones_own_agenda_reduces_no_relations(nlp: Any) -> None:
    text = ("European Union rice experts on Thursday postponed discussion on area aid payments to rice producers "
            "because the documents were not available in all the EU languages, an EU official said on Friday.")
    assert "postponed" not in mentions(nlp, text)
    assert mentions(nlp, "Israel postponed talks with Syria on Thursday.")["postponed"].type == "SANCTION"
    assert mentions(nlp, "China delayed a visit by the American envoy on Monday.")["delayed"].type == "SANCTION"


# The same reading of the 976 BBC business, entertainment and politics articles of the speed pile (docs/benchmarks.md,
# fifteenth session): a film's shooting, a chart position and an album read as events, a campaign's year dating an
# invasion.

def test_a_film_shot_somewhere_is_no_shooting(nlp: Any) -> None:
    text = ("The film was made exclusively in Rwanda whereas Hotel Rwanda was shot mostly in South Africa, with some "
            "scenes made in Kigali.")
    assert "shot" not in mentions(nlp, text)
    assert mentions(nlp, "The director was shot dead outside the studio on Friday.")["shot"].type == "ASSAULT"


def test_a_chart_position_occupied_is_no_occupation(nlp: Any) -> None:
    text = ("Nelly has sold more than 30 million singles and albums worldwide, and in September 2004 simultaneously "
            "occupied the number one and two positions in the US albums chart.")
    assert "occupied" not in mentions(nlp, text)
    assert mentions(nlp, "Rebels occupied the town of Goma on Monday.")["occupied"].type == "ASSAULT"


def test_an_album_released_after_a_comma_is_published(nlp: Any) -> None:
    text = ("Their best performance to date in the UK has been 2002's Here To Stay, which reached number 12, while "
            "their album Untouchables, released in the same year, made it to number four.")
    assert "released" not in mentions(nlp, text)
    assert mentions(nlp, "The hostages, released on Friday, returned home.")["released"].type == "RETREAT"


def test_a_year_in_another_copular_clause_dates_no_event(nlp: Any) -> None:
    text = ("His film was highly critical of President George W Bush and the US-led invasion of Iraq, and Moore was an "
            "outspoken Bush critic in the 2004 presidential campaign.")
    assert attached(nlp, text, date(2005, 2, 1))["invasion"].date is None
    text = "He criticised the invasion of Iraq in 2003, and he was a critic of the war."  # its year, before the clause
    found = attached(nlp, text, date(2005, 2, 1))["invasion"].date
    assert found is not None and found.value == "2003"


def test_a_person_and_the_office_beside_the_name_are_not_jailer_and_jailed(nlp: Any) -> None:
    text = ("The most high-profile case involved the ex-president of Bank of China, Wang Xuebing, jailed for 12 years "
            "in 2003.")
    found = mentions(nlp, text)["jailed"]
    assert found.source is None and found.target is not None and found.target.text == "Wang Xuebing"


# A third reading, a random sample of 30 of the 101 events of CoNLL-2003's training split (907 Reuters articles of
# August 1996, same builder): a trip made typed as an agreement, craft travelling typed as visits, a flight decided
# against, a career ended typed as a retreat.

def test_a_trip_made_is_a_visit(nlp: Any) -> None:
    text = "Former Secretary of State James Baker made a secret trip to Syria in March 1995 in an unsuccessful bid."
    found = mentions(nlp, text)["made"]
    assert (found.type, found.mode) == ("CONSULT", "visit")


def test_a_craft_travelling_visits_nobody(nlp: Any) -> None:
    assert "left" not in mentions(nlp, "The hijack started when the flight left Khartoum for Amman on Monday night.")
    text = ("A Sudan Airways plane with 199 passengers and crew which was hijacked to Cyprus took off from Larnaca "
            "airport after refuelling and headed to Britain early on Tuesday, witnesses said.")
    assert "headed" not in mentions(nlp, text)
    assert mentions(nlp, "The minister left Khartoum for Amman on Monday.")["left"].type == "CONSULT"


def test_a_deed_decided_against_did_not_happen(nlp: Any) -> None:
    text = ("Abu Rdainah said Arafat had decided against flying to the West Bank on Thursday, after Israel lifted "
            "the ban.")
    found = mentions(nlp, text)
    assert "flying" not in found or found["flying"].negated or not found["flying"].factual


def test_leaving_politics_is_no_retreat(nlp: Any) -> None:
    text = "MDS was founded in 1978 by a group led by Ahmed Mestiri, who withdrew from politics in 1992."
    assert "withdrew" not in mentions(nlp, text)
    assert mentions(nlp, "Russian troops withdrew from Grozny on Friday.")["withdrew"].type == "RETREAT"


def test_a_copula_said_of_the_event_itself_keeps_its_date(nlp: Any) -> None:
    text = "Dutroux's last visit to Slovakia was reported to have been as recent as July."
    found = attached(nlp, text, date(1996, 8, 27))["visit"].date
    assert found is not None and found.value == "1996-07"


# The leftovers of that reading (fixed the next session, written here on sentences of our own)


def test_troops_sweeping_into_a_town_search_nothing(nlp: Any) -> None:
    assert "swept" not in mentions(nlp, "Rebel fighters swept into the provincial capital on Friday.")
    assert mentions(nlp, "Soldiers searched the village for weapons.")["searched"].type == "INVESTIGATE"


def test_a_firms_executive_stepping_down_concedes_nothing(nlp: Any) -> None:
    text = "Jones, the insurer's chief executive who stepped down in May, was questioned."
    assert "stepped" not in mentions(nlp, text)
    assert mentions(nlp, "The minister, who stepped down in May, was questioned.")["stepped"].type == "CONCEDE"


def test_a_firm_suspending_its_own_flights_sanctions_no_one(nlp: Any) -> None:
    assert "suspended" not in mentions(nlp, "The airline suspended flights to Accra on Monday.")
    assert mentions(nlp, "Ghana suspended flights to Accra on Monday.")["suspended"].type == "SANCTION"


def test_a_mission_opened_establishes_relations(nlp: Any) -> None:
    found = mentions(nlp, "Qatar opened missions in Chad and Niger last year.")
    assert found["opened"].type == "COOPERATE" and found["opened"].code == "064"
    assert "opened" not in mentions(nlp, "The bank opened a new branch in Leeds.")
