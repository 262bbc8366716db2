"""What reading every event of the seven regression piles (ECB+ train topics, BBC politics, PolNeAR dev,
WikiRef, TR-News, GeoWebNews, TimeBank) built with NLP 0.3 showed wrong, each as a fixed example: a date that
is another thing's, a role the parse gave the wrong way round, a word in a sense that is no event."""

from __future__ import annotations

from datetime import date
from typing import Any

from newsdossier.events.lexicon import Pattern, _majority_first

from .helpers import attached, mentions, parsed

_2018 = date(2018, 4, 5)


def _date(mention: Any) -> str | None:
    return mention.date.text if mention.date is not None else None


# --- dates that are another thing's ---------------------------------------------------------------------------

def test_the_year_of_a_verbs_object_is_the_objects_unless_the_verb_takes_part_in_it(nlp: Any) -> None:
    found = attached(nlp, "The agreement resolved a 2012 suit in Newark.", _2018)
    assert _date(found["resolved"]) is None and _date(found["agreement"]) is None
    found = attached(nlp, "Macron criticised NATO's 2011 intervention in Libya.", _2018)
    assert _date(found["criticised"]) is None
    # taking part in the thing: its time is the event's
    assert _date(attached(nlp, "Obama attended the 2013 summit in Bali.", _2018)["attended"]) == "2013"


def test_a_time_after_another_clauses_verb_is_that_verbs(nlp: Any) -> None:
    found = attached(nlp, "Much of Mexico's agricultural production is exported to the United States via NAFTA, "
                          "a free trade agreement signed into law by President Bill Clinton in 1994.", _2018)
    assert _date(found["exported"]) is None
    found = attached(nlp, "Police arrested the man in Kabul on Monday.", _2018)
    assert _date(found["arrested"]) == "Monday"


def test_a_day_the_text_gives_no_calendar_for_leaves_the_event_undated(nlp: Any) -> None:
    text = ("DURBAN, South Africa (CNN) - South Africa's ex-President Jacob Zuma appeared in a Durban court Friday to "
            "face multiple corruption charges relating to a billion-dollar arms deal in the late 1990s.")
    assert _date(attached(nlp, text, None)["appeared"]) is None  # not "the late 1990s"
    assert _date(attached(nlp, text, _2018)["appeared"]) == "Friday"


def test_a_full_date_between_a_determiner_and_a_noun_is_that_nouns(nlp: Any) -> None:
    found = attached(nlp, "Superior Court Judge James Bodiford sentenced Nichols to seven consecutive life sentences "
                          "and four sentences of life without parole for the March 11, 2005, incident that left "
                          "four people dead.", date(2008, 12, 14))
    assert _date(found["sentenced"]) is None


def test_a_time_of_its_own_before_a_name_is_the_events(nlp: Any) -> None:
    # the parse makes "the next day" part of the object; it is still the killing's time, not the agent's
    found = attached(nlp, "Nichols shot Hoyt Teasley outside the courthouse on March 11, 2005, and killed the next "
                          "day off-duty U.S. Customs Agent David Wilhelm.", date(2005, 3, 14))
    assert _date(found["killed"]) == "the next day"
    found = attached(nlp, "A Congressional investigation initiated by Tennessee Senator Estes Kefauver in 1955 called "
                          "Page as a witness.", date(2008, 12, 19))
    assert _date(found["investigation"]) == "1955"  # the participle is the investigation's own


def test_a_participle_takes_its_clauses_date_only_after_a_comma(nlp: Any) -> None:
    found = attached(nlp, "When the jury convicted him last month of the deputy's slaying, as well as the attempted "
                          "murder of another man just a few days prior to the ambush killing of Ortiz, Orozco sat "
                          "staring straight ahead, unflinching.", date(2007, 4, 2))
    assert _date(found["convicted"]) == "last month"
    assert _date(found["killing"]) is None


# --- who did it to whom -------------------------------------------------------------------------------------------

def test_a_past_form_after_a_comma_is_done_to_the_noun_before_it(nlp: Any) -> None:
    found = attached(nlp, "Ex-Labour MP George Galloway has appealed for the release of aid worker Margaret Hassan, "
                          "kidnapped in Iraq.", date(2004, 11, 2))
    kidnapped = found["kidnapped"]
    assert kidnapped.source is None
    assert kidnapped.target is not None and kidnapped.target.text.endswith("Margaret Hassan")


def test_be_and_a_past_form_with_adverbs_between_is_a_passive(nlp: Any) -> None:
    found = mentions(nlp, "\u201cFrance, because it was freely, cowardly attacked, will be merciless against the "
                          "terrorists,\u201d Mr. Hollande said.")
    attacked = found["attacked"]
    assert attacked.source is None or attacked.source.text != "France"
    assert attacked.target is not None and attacked.target.text == "France"


def test_the_state_after_a_town_is_not_what_was_attacked(nlp: Any) -> None:
    attacked = mentions(nlp, "The Wasilla Bible Church in Wasilla, Alaska was apparently attacked by an arsonist "
                             "last night.")["attacked"]
    assert attacked.target is not None and "Church" in attacked.target.text


def test_who_is_said_of_a_person_not_of_the_place_the_parse_hung_it_on(nlp: Any) -> None:
    found = mentions(nlp, "Abo Arab, a 28-year-old from Damascus who survived detention and torture in Syria's "
                          "notorious jails, blames the conditions in the hotspot.")
    torture = found["torture"]
    assert torture.source is None or "Damascus" not in torture.source.text


def test_who_after_a_name_and_a_comma_is_that_name(nlp: Any) -> None:
    found = attached(nlp, "Felt was deputy associate director of the FBI in 1972 when he began supplying information "
                          "to Bob Woodward, who with Carl Bernstein made up The Post's investigative duo who doggedly "
                          "pursued the story of the Watergate break-in and a conspiracy that led directly to "
                          "President Richard M. Nixon, who ultimately resigned.", date(2008, 12, 19))
    resigned = found["resigned"]
    assert resigned.source is not None and "Nixon" in resigned.source.text
    assert _date(resigned) is None  # 1972 is when Felt was deputy director, outside the relative clause


def test_of_two_subjects_the_one_nearest_the_verb_acts(nlp: Any) -> None:
    found = mentions(nlp, "Since the Ben Guerdane attack in March 2016, security forces seemed to have gained the "
                          "upper hand over jihadist groups, preventing infiltration attempts from neighbouring Libya "
                          "and containing the terrorist insurgency in Mount Chaambi.")
    containing = found["containing"]
    assert containing.source is not None and "forces" in containing.source.text
    assert "Guerdane" not in containing.source.text


# --- words in a sense that is no event ----------------------------------------------------------------------------

def test_caught_on_camera_is_no_arrest(nlp: Any) -> None:
    found = mentions(nlp, "According to police, the suspects were caught on camera at a restaurant stealing brisket.")
    assert "caught" not in found
    assert "caught" in mentions(nlp, "Police caught the suspects in a restaurant on Monday.")


def test_ringing_a_bell_is_no_attack_but_ringing_a_town_is(nlp: Any) -> None:
    assert "ringing" not in mentions(nlp, "Mr. Obama officially opened the museum by ringing a large bell from an "
                                          "18th-century black church in Virginia.")
    assert mentions(nlp, "Troops ringed the town of Misrata on Monday.")["ringed"].type == "ASSAULT"


def test_beginning_negotiations_is_negotiating(nlp: Any) -> None:
    began = mentions(nlp, "Late last week, representatives of Dow Jones and Telerate began negotiations about the "
                          "terms of the offer.")["began"]
    assert began.type == "CONSULT"


def test_the_same_words_with_several_codes_take_the_root_most_of_them_give() -> None:
    lines = (Pattern((), ("talks",), "036", frozenset()), Pattern((), ("peace",), "030", frozenset()),
             Pattern((), ("talks",), "046", frozenset()), Pattern((), ("talks",), "040", frozenset()),
             Pattern((), ("talks",), "046", frozenset()))
    ordered = _majority_first(lines)
    # root 04 three times against 03 once: its lines first, in their order, in the places the group had
    assert [p.code for p in ordered] == ["046", "030", "040", "046", "036"]
    # a tie keeps the first line's reading
    tie = (Pattern((), ("x",), "036", frozenset()), Pattern((), ("x",), "046", frozenset()))
    assert _majority_first(tie) == tie


# --- what did not happen ------------------------------------------------------------------------------------------

def test_what_is_barred_or_foiled_was_prevented(nlp: Any) -> None:
    found = mentions(nlp, "On January 30, Obama signed an executive order rescinding a 2001 Bush policy change that "
                          "barred U.S. financial aid to international organizations.")
    assert found["aid"].modality == "prevented"
    assert mentions(nlp, "Police said the foiled attack was planned for Monday.")["attack"].modality == "prevented"


def test_a_gerund_after_on_is_a_topic_not_a_deed(nlp: Any) -> None:
    found = mentions(nlp, "President Clinton says he and Blair will stand together not just on Iraq but also on "
                          "arresting the terrorists.")
    assert found["arresting"].modality != "asserted"
    assert mentions(nlp, "Gunmen kept on shooting at the crowd.")["shooting"].modality == "asserted"


def test_the_writers_own_doing_is_no_event_but_a_quoted_speakers_is(nlp: Any) -> None:
    assert "caught" not in mentions(nlp, "Last week, I caught Larry King on his post-CNN media perch, the RT America "
                                         "television network.")
    assert "arrested" in mentions(nlp, "\u201cI arrested him on Monday,\u201d the officer said.")


def test_what_was_denied_to_someone_was_done_to_them(nlp: Any) -> None:
    denied = mentions(nlp, "LaCalamita was denied a handgun permit in March, said Scherlinck.")["denied"]
    assert denied.source is None or "LaCalamita" not in denied.source.text
    assert denied.target is not None and denied.target.text == "LaCalamita"


def test_what_an_event_follows_has_its_own_time_and_place(nlp: Any) -> None:
    found = attached(nlp, "Monday's shooting follows two last week in public places in Atlanta, Georgia, and Seattle, "
                          "Washington.", date(2007, 4, 10))
    assert found["shooting"].place is None
    # a verb of doing still lends the noun its place
    found = attached(nlp, "Monday's shooting happened at a school in Atlanta, Georgia.", date(2007, 4, 10))
    assert found["shooting"].place is not None and found["shooting"].place.text == "Atlanta"


def test_a_place_before_a_title_and_a_name_only_qualifies_the_person() -> None:
    from newsdossier.events.resolve import _actors_in

    text = "by Tennessee Senator Estes Kefauver"
    spans = [(3, 12, "TN"), (21, 35, "EK")]
    assert _actors_in(0, len(text), spans, text) == {"EK"}
    text = "by Gov. Jerry Brown and Tennessee"  # two actors, not a title
    assert _actors_in(0, len(text), [(8, 19, "JB"), (24, 33, "TN")], text) == {"JB", "TN"}
    text = "by US forces"  # a state acts through its forces
    assert _actors_in(0, len(text), [(3, 5, "US")], text) == {"US"}


def test_an_object_after_an_infinitive_is_the_infinitives(nlp: Any) -> None:
    found = mentions(nlp, "In 1972, after Mitchell resigned as attorney general to head the Committee to Re - Elect "
                          "the President, known as CREEP, LaRue became a hard-core member of the Mitchell group.")
    assert found["resigned"].target is None or "President" not in found["resigned"].target.text
    assert mentions(nlp, "Rebels attacked the town to seize the airport.")["attacked"].target.text == "town"


def test_fighting_with_someone_names_no_foe_but_fighting_against_does(nlp: Any) -> None:
    fought = mentions(nlp, "He is said to have fought with Isil in Syria, and came from Belgium.")["fought"]
    assert fought.target is None
    assert mentions(nlp, "Kurdish forces fought against Isil in Raqqa.")["fought"].target.text == "Isil"


def test_a_visit_is_where_it_goes_not_where_another_verbs_words_reach(nlp: Any) -> None:
    found = attached(nlp, "In a visit to Tunis on 1 February Macron criticised NATO's 2011 intervention in Libya.",
                     _2018)
    assert found["visit"].place is not None and found["visit"].place.text == "Tunis"


def test_the_street_and_town_someone_is_of_are_not_targets() -> None:
    from newsdossier.events.resolve import _actors_in

    text = "John Jenkin, 23, of Newton Street, Millom"
    spans = [(text.index(w), text.index(w) + len(w), k) for w, k in
             (("John Jenkin", "JJ"), ("Newton Street", "NS"), ("Millom", "MI"))]
    assert _actors_in(0, len(text), spans, text) == {"JJ"}
    text = "the president of France, Emmanuel Macron"
    spans = [(text.index(w), text.index(w) + len(w), k) for w, k in (("France", "FR"), ("Emmanuel Macron", "EM"))]
    assert "EM" in _actors_in(0, len(text), spans, text)


def test_a_passive_with_an_object_is_no_slip_of_the_parser(nlp: Any) -> None:
    from newsdossier.events.arguments import parse_arguments

    # "LaCalamita was denied a handgun permit in March", as the bundled parse gives it inside its article
    doc = parsed(nlp, [("LaCalamita", 2, "nsubj:pass", "PROPN", "NNP", "LaCalamita"),
                       ("was", 2, "aux", "AUX", "VBD", "be"), ("denied", 2, "ROOT", "VERB", "VBN", "deny"), ("a", 5, "det", "DET", "DT", "a"),
                       ("handgun", 5, "amod", "ADJ", "JJ", "handgun"), ("permit", 2, "obj", "NOUN", "NN", "permit"),
                       ("in", 7, "case", "ADP", "IN", "in"), ("March", 2, "obl", "PROPN", "NNP", "March")])
    source, target = parse_arguments(doc[2], False)
    assert source is None or source.text != "LaCalamita"
    assert target is not None and target.text == "LaCalamita"


def test_warning_someone_to_do_something_is_advice_not_a_threat(nlp: Any) -> None:
    warned = mentions(nlp, "Last month, the FBI warned state elections officials to boost their election security "
                           "after hackers targeted data systems.")["warned"]
    assert warned.type == "DEMAND"
    assert mentions(nlp, "The United States warned Iran not to attack the tanker.")["warned"].type == "THREATEN"


def test_the_day_an_undated_article_names_is_kept_without_a_calendar(nlp: Any) -> None:
    text = ("DURBAN, South Africa (CNN) - South Africa's ex-President Jacob Zuma appeared in a Durban court Friday to "
            "face multiple corruption charges relating to a billion-dollar arms deal in the late 1990s.")
    appeared = attached(nlp, text, None)["appeared"]
    assert appeared.date is None and appeared.unresolved_time == "Friday"
    assert attached(nlp, text, _2018)["appeared"].unresolved_time == ""


def test_a_holiday_before_a_noun_is_no_date_of_the_event(nlp: Any) -> None:
    found = attached(nlp, "One man is dead after an ex-employee opened fire at his company's Christmas party at a "
                          "Vancouver, B.C. business Friday night.", date(2008, 12, 20))
    assert _date(found["opened"]) != "Christmas"
    assert _date(attached(nlp, "He was arrested on Christmas Eve.", date(2008, 12, 27))["arrested"]) == "Christmas Eve"


def test_a_date_in_the_wake_of_something_bounds_the_event(nlp: Any) -> None:
    # new-user trial, the extraction benchmark's pages: the invasion of Afghanistan was not on 11 September 2001
    found = attached(nlp, "Roughly 13,000 US troops remain in Afghanistan, 18 years after Washington invaded the "
                          "country in the wake of the September 11, 2001 attacks.", date(2019, 11, 18))
    assert _date(found["invaded"]) is None
    assert _date(attached(nlp, "Police arrested him in Kabul on Monday.", date(2019, 11, 18))["arrested"]) == "Monday"


def test_what_is_aimed_at_or_asked_for_did_not_happen(nlp: Any) -> None:
    # the seed pile's own sentences, read as an analyst would
    found = mentions(nlp, "In death, senior Iranian military figure Qassem Soleimani may be getting closer to "
                          "achieving one of his overarching aims: removing the United States from Iraq.")
    assert found["removing"].modality != "asserted"
    found = mentions(nlp, "On Jan. 5, Iraq's parliament convened a special session to accelerate the government's "
                          "expected request that the United States withdraw its forces from Iraq.")
    assert found["withdraw"].modality == "demanded"
    # a relative "that" is no request's: the resolution did condemn
    assert mentions(nlp, "The UN passed a resolution that condemned the attack.")["condemned"].modality == "asserted"
