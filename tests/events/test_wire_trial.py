"""Issue #23: what the new-user trial of a 1998 wire pile (the AQUAINT half of TempEval-3's training
data: the embassy bombings in Nairobi and Dar es Salaam, the killing of Dr Barnett Slepian) showed
the events stage getting wrong. Sentences written here after the kinds of errors seen there."""

from __future__ import annotations

from datetime import date
from typing import Any

from newsdossier.events.extract import find_event_mentions

from .helpers import mentions as _mentions


def test_as_of_a_day_is_when_a_count_stood_not_when_the_bombing_was(nlp: Any) -> None:
    from newsdossier.events.attach import attach_dates_and_places
    from newsdossier.events.extract import sentence_mains
    from newsdossier.timex import find_time_expressions

    text = "The death toll as of Monday in the bombing of the embassy in Nairobi stood at 247."
    doc = nlp(text)
    expressions = find_time_expressions(text, date(1998, 8, 11), sentences=[(s.start_char, s.end_char)
                                                                            for s in doc.sents])
    found = find_event_mentions("a", doc, text)
    found = attach_dates_and_places(found, doc, expressions, date(1998, 8, 11), main=sentence_mains(found, doc))
    assert found and all(m.date is None or m.date.text != "Monday" for m in found)


def test_the_dead_and_injured_are_people(nlp: Any) -> None:
    assert "injured" not in _mentions(nlp, "The following are the latest figures for the dead and injured in the "
                                           "bombings.")
    assert "injured" in _mentions(nlp, "The bomb killed 12 people and injured dozens.")


def test_on_behalf_of_a_country_is_who_acts(nlp: Any) -> None:
    signed = _mentions(nlp, "On April 4, 1949, on behalf of the United States, Dean Acheson signed the Washington "
                            "Treaty.")["signed"]
    assert signed.target is None or "United States" not in signed.target.text


def test_a_slated_visit_has_not_happened(nlp: Any) -> None:
    visit = _mentions(nlp, "They had been talking about the slated visit of Commerce Secretary William Daley in "
                           "September.")["visit"]
    assert visit.modality != "asserted"


def test_what_an_accusation_says_is_not_asserted(nlp: Any) -> None:
    text = ("Over the weekend, lawyers for the family raised accusations that Juan Miguel Gonzalez had mistreated "
            "his son in telephone conversations.")
    assert _mentions(nlp, text)["mistreated"].modality != "asserted"
    # a relative clause on such a noun is no content of it
    led = _mentions(nlp, "And it was largely that fear that led to Tony Blair and Gordon Brown being read the riot "
                         "act during a meeting of the parliamentary Labour party.")["led"]
    assert led.modality == "asserted"
