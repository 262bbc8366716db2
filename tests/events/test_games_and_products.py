"""Issue #23: what a sports report, a product launch or a record release says in the dictionary's
words of politics. Each text is written here after a kind of error the new-user trial of ECB+
train topics 7, 8, 10, 26, 27, 29, 30 and 31 and BBC technology and entertainment showed."""

from __future__ import annotations

from typing import Any

from newsdossier.events.senses import sport_article

from .helpers import mentions as _mentions

GAME = ("The Rams, who had defeated the Falcons in Thursday's round, broke away late from the Bears to reach the "
        "playoffs. Coach Mike Reed said the squad had played its best game of the season. Quarterback Tom Hale "
        "threw two touchdowns before halftime. Police arrested two fans after a fight outside the stadium. "
        "Hale was traded from Atlanta to Denver in May.")


def test_a_sports_report_is_known_by_its_words() -> None:
    assert sport_article(GAME.lower())
    assert not sport_article("the senate passed the budget after a long debate over the season's spending.")
    # a profile of a rebel leader who once played soccer and watched the olympics, medals and players named
    assert not sport_article("the exile, who won a medal at school and played soccer, watched the olympics with "
                             "other players before he joined the rebels.")


def test_a_team_breaking_away_or_a_player_traded_is_the_game_s_but_an_arrest_is_not(nlp: Any) -> None:
    found = _mentions(nlp, GAME)
    assert "broke" not in found and "traded" not in found
    assert found["arrested"].type == "COERCE"
    # the same words outside a sports report keep their sense
    assert _mentions(nlp, "Hale was traded from Atlanta to Denver in May.")["traded"].type == "AGREE"


def test_a_product_shown_or_put_on_sale_is_no_protest_or_release(nlp: Any) -> None:
    assert "demonstrated" not in _mentions(nlp, "At the fair in Berlin, Nokia demonstrated a phone with a new chip.")
    assert _mentions(nlp, "Thousands of students demonstrated their anger outside parliament.")[
        "demonstrated"].type == "PROTEST"
    assert "released" not in _mentions(nlp, "Vista is due to be released commercially in late 2006.")
    assert "released" not in _mentions(nlp, "Her second collection, Blue Hours, was released in the US last week "
                                            "and went straight to the top of the charts.")
    assert _mentions(nlp, "The rebels released two hostages on Sunday.")["released"].type == "RETREAT"
    assert _mentions(nlp, "The rebels released two hostages held in captivity since May, "
                          "a day before the album's sales began.")["released"].type == "RETREAT"


def test_disruption_nobody_causes_is_no_sanction(nlp: Any) -> None:
    assert "disrupted" not in _mentions(nlp, "Phone services across the region were disrupted on Friday after "
                                             "two cables were damaged.")
    assert _mentions(nlp, "Protesters disrupted the meeting of the council.")["disrupted"].type == "SANCTION"


def test_a_numbered_title_and_a_market_s_demand_are_no_events(nlp: Any) -> None:
    assert "released" not in _mentions(nlp, "The sequel was eclipsed by Quake 4, which was released the same week.")
    assert "released" not in _mentions(nlp, "Already available in Korea, the console is released in Europe in May.")
    assert "demand" not in _mentions(nlp, "Analysts predicted demand for such small cars would soar in Asia.")
    assert "demand" not in _mentions(nlp, "Strong consumer demand lifted sales in the third quarter.")
    assert _mentions(nlp, "Protesters repeated their demand for his resignation.")["demand"].type == "DEMAND"


def test_a_match_in_march_is_still_the_game_s(nlp: Any) -> None:
    report = ("Number eight Jean Dupont has been dropped from France's squad for the match with Ireland in Dublin "
              "on 12 March. The flanker, a replacement in last Saturday's defeat to Wales, told the coach he was fit. "
              "The skipper returns to the side for the Six Nations game.")
    assert sport_article(report.lower())
    assert "match" not in _mentions(nlp, report)


def test_a_sentence_passed_in_a_sports_report_is_not_the_game_s(nlp: Any) -> None:
    report = GAME + " Last year, a former coach was sentenced to two years' probation by a federal judge."
    assert sport_article(report.lower())
    assert _mentions(nlp, report)["sentenced"].type == "COERCE"


def test_a_product_a_firm_released_is_no_release_of_people(nlp: Any) -> None:
    assert "released" not in _mentions(nlp, "The new one looks like the Bluetooth Magic Mouse that Apple released "
                                            "nearly five years ago and a keyboard it sold before.")
    assert _mentions(nlp, "The rebels released the journalist, who had used a camera.")["released"].type == "RETREAT"
