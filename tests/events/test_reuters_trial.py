"""Issue #23: what the new-user trial of a pile of 1996 Reuters wire (the development split of
CoNLL-2003's English data rebuilt into 213 articles by ``bench/trial_piles.py``) and of GeoVirus'
outbreak reports showed the events stage getting wrong. Sentences written here after the kinds of
errors seen there, not copied from them."""

from __future__ import annotations

from datetime import date
from typing import Any

from .helpers import attached
from .helpers import parsed as _parsed
from .helpers import mentions as _mentions

_PUBLISHED = date(1996, 8, 31)


def _attached(nlp: Any, text: str, dateline: str | None = None) -> dict[str, Any]:
    return attached(nlp, text, _PUBLISHED, dateline)


def _text(span: Any) -> str | None:
    return span.text if span is not None else None


def test_a_strike_observed_in_protest_is_a_protest(nlp: Any) -> None:
    strike = _mentions(nlp, "Shopkeepers in Hebron observed a strike on Monday to protest against the "
                            "closure.")["strike"]
    assert strike.type == "PROTEST"
    assert _mentions(nlp, "Israeli jets carried out a strike on the camp.")["strike"].type == "ASSAULT"


def test_a_theft_is_a_crime_not_a_seizure(nlp: Any) -> None:
    stole = _mentions(nlp, "Thieves stole 30 rifles from an army depot in Lyon on Tuesday.")["stole"]
    assert stole.type == "CRIME"
    assert _mentions(nlp, "Police seized 30 rifles from the gang on Tuesday.")["seized"].type == "COERCE"


def test_what_unconfirmed_reports_or_charges_say_is_not_asserted(nlp: Any) -> None:
    sent = _mentions(nlp, "There were unconfirmed reports that Syria had sent troops into Lebanon.")["sent"]
    assert sent.modality != "asserted"
    abused = _mentions(nlp, "The bishop was named when a former pupil made charges in 1993 that he had been "
                            "abused by the bishop in the 1970s.")["abused"]
    assert abused.modality != "asserted"
    # a report that is not said to be unconfirmed still reports
    assert _mentions(nlp, "Witnesses said that Syria had sent troops into Lebanon.")["sent"].modality == "asserted"


def test_those_killed_at_a_place_are_the_victims_not_the_place(nlp: Any) -> None:
    killed = _mentions(nlp, "Gunmen killed two guards at the Interior Ministry on Monday.")["killed"]
    assert _text(killed.target) == "two guards"  # not the ministry they were killed at
    fired = _mentions(nlp, "Soldiers fired at Hezbollah fighters near the border.")["fired"]
    assert "Hezbollah" in (_text(fired.target) or "")


def _attached_parse(nlp: Any, rows: list[tuple[str, int, str, str, str, str]],
                    ents: list[str] | None = None) -> dict[str, Any]:
    """The mentions of a written parse (one sentence) with their dates and places, by trigger word."""
    from newsdossier.events.attach import attach_dates_and_places
    from newsdossier.events.extract import find_event_mentions, sentence_mains
    from newsdossier.timex import find_time_expressions

    doc = _parsed(nlp, rows, ents)
    expressions = find_time_expressions(doc.text, _PUBLISHED, sentences=[(0, len(doc.text))])
    found = find_event_mentions("a", doc, doc.text)
    return {m.trigger.text: m for m in attach_dates_and_places(found, doc, expressions, _PUBLISHED,
                                                                main=sentence_mains(found, doc))}


def test_those_who_march_are_not_marched(nlp: Any) -> None:
    from newsdossier.events.extract import find_event_mentions

    # "marched" tagged as a participle with a passive subject
    doc = _parsed(nlp, [("About", 1, "advmod", "ADV", "RB", "about"), ("100", 2, "nummod", "NUM", "CD", "100"),
                        ("people", 3, "nsubj:pass", "NOUN", "NNS", "people"),
                        ("marched", 3, "ROOT", "VERB", "VBN", "march"), ("outside", 6, "case", "ADP", "IN", "outside"),
                        ("the", 6, "det", "DET", "DT", "the"), ("ministry", 3, "obl", "NOUN", "NN", "ministry"),
                        (".", 3, "punct", "PUNCT", ".", ".")])
    marched = next(m for m in find_event_mentions("a", doc, doc.text) if m.trigger.text == "marched")
    assert marched.target is None and _text(marched.source) == "About 100 people"


def test_a_participle_whose_own_clause_has_a_verb_is_still_the_sentence_s_verb(nlp: Any) -> None:
    # the parser made the name the root and "expressed" a participle describing it
    expressed = _mentions(nlp, "Philippine president Fidel Ramos expressed gratitude to Indonesia on Saturday for "
                               "supporting talks that ended a conflict with rebels.")["expressed"]
    assert "Ramos" in (_text(expressed.source) or "") and expressed.target is None or \
        "Ramos" not in (_text(expressed.target) or "")


def test_a_deed_is_dated_by_its_cause_not_by_the_day_it_was_reported(nlp: Any) -> None:
    found = _attached(nlp, "A bomb explosion in a market east of Baghdad on Friday killed five people, an Iraqi "
                           "newspaper said on Saturday. Police said the bomb was home-made.")
    assert found["explosion"].date is not None and found["explosion"].date.text == "Friday"
    assert found["killed"].date is not None and found["killed"].date.text == "Friday"
    assert found["explosion"].place is not None and found["explosion"].place.text == "Baghdad"  # east of Baghdad


def test_a_place_that_belongs_to_another_participle_places_nothing(nlp: Any) -> None:
    from newsdossier.events.attach import attach_dates_and_places
    from newsdossier.events.extract import find_event_mentions

    # "The attack upon the city used army sarin, produced at Camp Vale.": the parser hung the place on the sarin
    rows = [("The", 1, "det", "DET", "DT", "the"), ("attack", 5, "nsubj", "NOUN", "NN", "attack"),
            ("upon", 4, "case", "ADP", "IN", "upon"), ("the", 4, "det", "DET", "DT", "the"),
            ("city", 1, "nmod", "NOUN", "NN", "city"), ("used", 5, "ROOT", "VERB", "VBD", "use"),
            ("army", 7, "compound", "NOUN", "NN", "army"), ("sarin", 5, "obj", "NOUN", "NN", "sarin"),
            (",", 9, "punct", "PUNCT", ",", ","), ("produced", 7, "amod", "VERB", "VBN", "produce"),
            ("at", 12, "case", "ADP", "IN", "at"), ("Camp", 12, "compound", "PROPN", "NNP", "Camp"),
            ("Vale", 7, "nmod", "PROPN", "NNP", "Vale"), (".", 5, "punct", "PUNCT", ".", ".")]
    doc = _parsed(nlp, rows, ents=["O"] * 11 + ["B-LOC", "I-LOC", "O"])
    found = attach_dates_and_places(find_event_mentions("a", doc, doc.text), doc, [], _PUBLISHED)
    attack = next(m for m in found if m.trigger.text == "attack")
    assert attack.place is None
    killed = _attached(nlp, "Three soldiers were killed at a checkpoint in Kandahar on Monday.")["killed"]
    assert killed.place is not None and killed.place.text == "Kandahar"


def test_an_event_done_to_a_place_is_not_placed_at_the_dateline(nlp: Any) -> None:
    taken = _attached(nlp, "The KDP had taken control of the city of Arbil on Saturday.", dateline="Istanbul")["taken"]
    assert taken.place is None or taken.place.text != "Istanbul"
    met = _attached(nlp, "The prime minister met the opposition leader on Saturday.", dateline="Istanbul")["met"]
    assert met.place is not None and met.place.text == "Istanbul"


def test_a_definition_and_goods_in_trade_are_no_events(nlp: Any) -> None:
    # outbreak reports: "defined as resistance to ..." was read as a criticism, "monkeys imported from" as trade
    assert "defined" not in _mentions(nlp, "During the 1990s, drug-resistant tuberculosis, defined as resistance to "
                                           "two drugs, spread in the United States.")
    assert "imported" not in _mentions(nlp, "The virus was found among monkeys imported from the Philippines to "
                                            "Reston, Virginia.")
    assert "imported" in _mentions(nlp, "China imported oil from Iran despite the sanctions.")


def test_a_dateline_s_place_is_written_as_a_name() -> None:
    from newsdossier.steps import _dateline_place

    assert _dateline_place("NABLUS, West Bank -") == "Nablus, West Bank"
    assert _dateline_place("TORONTO —") == "Toronto"
    assert _dateline_place("BAGHDAD (Reuters) -") == "Baghdad"
    assert _dateline_place("Baghdad/Cairo, Jan 2 (efe-epa).-") == "Baghdad"


def test_demonstrating_in_a_city_is_a_protest_not_support(nlp: Any) -> None:
    # the dictionary's "march ... in" pattern (rally support) took the city for the one supported
    assert _mentions(nlp, "Thousands demonstrated in Lisbon on Saturday.")["demonstrated"].type == "PROTEST"
    assert "demonstrated" not in _mentions(nlp, "The young bowler demonstrated his father's golden touch on "
                                                "Wednesday.")


def test_a_place_at_a_distance_or_of_another_time_is_not_where_it_happened(nlp: Any) -> None:
    took = _attached(nlp, "Rebels took control of a small village about 300 km northeast of Lima on Tuesday, "
                          "the sources said.")["took"]
    assert took.place is None or took.place.text != "Lima"
    fought = _attached(nlp, "The two countries have fought three wars over the region since independence from "
                            "Britain in 1947.")["fought"]
    assert fought.date is None and (fought.place is None or fought.place.text != "Britain")
    # but the event's own noun inside such a phrase keeps its date
    invasion = _attached(nlp, "Zhirinovsky called for lifting the embargo imposed on Iraq after its 1990 invasion "
                              "of Kuwait.")["invasion"]
    assert invasion.date is not None and invasion.date.text == "1990"


def test_where_a_person_is_from_is_neither_the_place_nor_the_one_arrested(nlp: Any) -> None:
    from newsdossier.events.resolve import _actors_in

    arrested = _attached(nlp, "Paul Thompson, 34, from Wiltshire, was arrested on Sunday in a hotel.")["arrested"]
    assert arrested.place is None or "Wiltshire" not in arrested.place.text
    fired = _attached(nlp, "Militants fired rockets from Gaza on Monday.")["fired"]
    assert fired.place is not None and fired.place.text == "Gaza"  # where a thing is fired from is where
    text = "Paul Thompson, 34, from Wiltshire"
    assert _actors_in(0, len(text), [(0, 13, "E1"), (24, 33, "E2")], text) == {"E1"}


def test_a_post_held_is_no_event(nlp: Any) -> None:
    # "heads its mission" read by the dictionary as a mission sent to meet (036)
    assert "heads" not in _mentions(nlp, "The OSCE said on Friday that Ambassador Robert Frowick heads its mission "
                                         "in Bosnia.")
    assert "head" in _mentions(nlp, "Ambassador Frowick will head a mission to Sarajevo next week.")


def test_what_only_words_can_attack_is_criticised(nlp: Any) -> None:
    blasted = _mentions(nlp, "The United States on Thursday blasted the release of a guerrilla convicted of bombing "
                             "an airliner.")["blasted"]
    assert blasted.type == "DISAPPROVE"
    assert _mentions(nlp, "Rebels attacked the convoy near the border.")["attacked"].type == "ASSAULT"


def test_the_day_a_deed_was_condemned_or_reported_is_not_the_deed_s(nlp: Any) -> None:
    found = _attached(nlp, "Washington on Thursday denounced the release of the prisoner.")
    assert found["release"].date is None
    assert _attached(nlp, "Rebels launched an offensive on Monday.")["offensive"].date is not None


def test_what_is_to_come_is_no_event_yet(nlp: Any) -> None:
    meeting = _attached(nlp, "Union leaders were barred from speaking at next week's trade meeting in Geneva.")["meeting"]
    assert meeting.modality != "asserted"


def test_discipline_business_and_states_are_no_politics(nlp: Any) -> None:
    assert "expelled" not in _mentions(nlp, "A 17-year-old was expelled from St Mary's High School in Leeds after "
                                            "a fight.")
    assert "expelled" in _mentions(nlp, "Iraq expelled two British diplomats on Monday.")
    assert "agreement" not in _mentions(nlp, "The retailer announced a joint venture agreement in Chile.")
    assert "remained" not in _mentions(nlp, "On Friday, the road to her house in central Rangoon remained closed "
                                            "by police.")
    put = _mentions(nlp, "A convicted murderer was put to death in the electric chair on Friday.")["put"]
    assert put.type == "ASSAULT"


def test_a_state_blamed_for_doing_something_was_criticised(nlp: Any) -> None:
    attacked = _mentions(nlp, "Egypt attacked France on Tuesday for allowing exiled militants to meet in Paris.")
    assert attacked["attacked"].type == "DISAPPROVE"


def test_what_is_called_for_on_a_day_does_not_date_the_call(nlp: Any) -> None:
    called = _attached(nlp, "The union leader called for a general strike on Tuesday in all of the big cities.")
    assert called["called"].date is None and called["strike"].date is not None


def test_a_participle_after_a_comma_says_what_was_done_to_its_noun(nlp: Any) -> None:
    arrested = _mentions(nlp, "Westlake, arrested in December 1993 and charged with heroin trafficking, sawed the "
                              "iron grill off his cell window.")["arrested"]
    assert arrested.source is None and _text(arrested.target) == "Westlake"
    assert "banned" not in _mentions(nlp, "A court sentenced him on Thursday to four years in prison for pumping "
                                          "banned extremist propaganda into Germany.")


def test_the_one_a_critic_is_of_is_not_the_critic() -> None:
    from newsdossier.events.resolve import _actors_in

    text = "A top judicial official and critic of President Ernesto Samper"
    assert _actors_in(0, len(text), [(48, len(text), "E1")], text) == set()


def test_a_vehicle_that_exploded_was_not_said_to_be_attacked(nlp: Any) -> None:
    # the TWA 800 crash of 1996, which the wire reported as an explosion of unknown cause
    assert "exploded" not in _mentions(nlp, "She had been due to fly on an airliner which exploded near Boston "
                                            "last month.")
    assert _mentions(nlp, "A car bomb exploded near the embassy on Monday.")["exploded"].type == "ASSAULT"


def test_a_visit_is_placed_where_it_goes(nlp: Any) -> None:
    left = _attached(nlp, "The UN arms inspector left Bahrain for Baghdad on Monday for talks with Iraqi officials.",
                     dateline="Manama")["left"]
    assert left.place is not None and left.place.text == "Baghdad"


def test_an_estimated_publication_date_counts_to_its_latest_day(nlp: Any) -> None:
    text = "Police arrested the opposition leader on 10 September 1996 in Minsk."
    # published "sometime in September": the value is its first day, the arrest is no future event
    kept = attached(nlp, text, date(1996, 9, 1), published_latest=date(1996, 9, 30))["arrested"]
    assert kept.modality == "asserted"
    assert attached(nlp, text, date(1996, 9, 1))["arrested"].modality == "expected"


def test_a_participle_clause_is_done_when_and_where_its_subject_took_place(nlp: Any) -> None:
    # "The air strike took place on Friday near Baghdad airport, killing Soleimani.", parsed as a better parser
    # does (the 0.3 experiment): the killing hangs on "took", the day and the place on the strike's verb
    rows = [("The", 2, "det", "DET", "DT", "the"), ("air", 2, "compound", "NOUN", "NN", "air"),
            ("strike", 3, "nsubj", "NOUN", "NN", "strike"), ("took", 3, "ROOT", "VERB", "VBD", "take"),
            ("place", 3, "obj", "NOUN", "NN", "place"), ("on", 6, "case", "ADP", "IN", "on"),
            ("Friday", 3, "obl", "PROPN", "NNP", "Friday"), ("near", 9, "case", "ADP", "IN", "near"),
            ("Baghdad", 9, "compound", "PROPN", "NNP", "Baghdad"), ("airport", 3, "obl", "NOUN", "NN", "airport"),
            (",", 11, "punct", "PUNCT", ",", ","), ("killing", 3, "advcl", "VERB", "VBG", "kill"),
            ("Soleimani", 11, "obj", "PROPN", "NNP", "Soleimani"), (".", 3, "punct", "PUNCT", ".", ".")]
    killing = _attached_parse(nlp, rows, ents=["O"] * 8 + ["B-LOC", "I-LOC", "O", "O", "B-PER", "O"])["killing"]
    assert killing.date is not None and killing.date.text == "Friday"
    assert killing.place is not None and "Baghdad" in killing.place.text


def test_an_age_and_at_least_are_not_the_name_or_the_number_of_the_victims(nlp: Any) -> None:
    from newsdossier.events.arguments import phrase

    # "Mrs Hassan, 59, was abducted", with her age hung on her name; "At least 10 people died"
    hassan = _parsed(nlp, [("Mrs", 1, "compound", "PROPN", "NNP", "Mrs"), ("Hassan", 5, "nsubj:pass", "PROPN", "NNP",
                                                                           "Hassan"),
                           (",", 3, "punct", "PUNCT", ",", ","), ("59", 1, "nummod", "NUM", "CD", "59"),
                           ("was", 5, "aux:pass", "AUX", "VBD", "be"),
                           ("abducted", 5, "ROOT", "VERB", "VBN", "abduct")])
    assert phrase(hassan, hassan[1]).text == "Mrs Hassan"
    people = _parsed(nlp, [("At", 1, "case", "ADP", "IN", "at"), ("least", 2, "nmod", "ADJ", "JJS", "least"),
                           ("10", 3, "nummod", "NUM", "CD", "10"), ("people", 4, "nsubj", "NOUN", "NNS", "people"),
                           ("died", 4, "ROOT", "VERB", "VBD", "die")])
    assert phrase(people, people[3]).text == "10 people"


def test_dates_a_parse_hangs_on_the_verb_that_belong_to_a_bounding_phrase_or_to_what_is_asked(nlp: Any) -> None:
    # "The countries have fought three wars since independence from Britain in 1947.", 1947 hung on "fought":
    # by the words, the year is independence's
    from newsdossier.events.attach import _bounded_in_words

    wars = _parsed(nlp, [("The", 1, "det", "DET", "DT", "the"), ("countries", 3, "nsubj", "NOUN", "NNS", "country"),
                         ("have", 3, "aux", "AUX", "VBP", "have"), ("fought", 3, "ROOT", "VERB", "VBN", "fight"),
                         ("wars", 3, "obj", "NOUN", "NNS", "war"), ("since", 6, "case", "ADP", "IN", "since"),
                         ("independence", 3, "obl", "NOUN", "NN", "independence"),
                         ("from", 8, "case", "ADP", "IN", "from"), ("Britain", 6, "nmod", "PROPN", "NNP", "Britain"),
                         ("in", 10, "case", "ADP", "IN", "in"), ("1947", 3, "obl", "NUM", "CD", "1947")])
    assert _bounded_in_words(wars[10])
    fought_in = _parsed(nlp, [("They", 1, "nsubj", "PRON", "PRP", "they"),
                              ("fought", 1, "ROOT", "VERB", "VBD", "fight"),
                              ("in", 3, "case", "ADP", "IN", "in"), ("1947", 1, "obl", "NUM", "CD", "1947")])
    assert not _bounded_in_words(fought_in[3])
    # "arrested just before 11 p.m. on May 5": the month is the date's own word, no phrase "before" opens
    may = _parsed(nlp, [("arrested", 0, "ROOT", "VERB", "VBN", "arrest"), ("before", 2, "case", "ADP", "IN", "before"),
                        ("11", 0, "obl", "NUM", "CD", "11"), ("p.m.", 2, "nmod:unmarked", "NOUN", "NN", "p.m."),
                        ("on", 6, "case", "ADP", "IN", "on"), ("May", 6, "nmod:unmarked", "PROPN", "NNP", "May"),
                        ("5", 0, "obl", "NUM", "CD", "5")])
    assert not _bounded_in_words(may[6])
    # "The union leader called for a general strike on Tuesday.", Tuesday hung on "called"
    rows = [("The", 2, "det", "DET", "DT", "the"), ("union", 2, "compound", "NOUN", "NN", "union"),
            ("leader", 3, "nsubj", "NOUN", "NN", "leader"), ("called", 3, "ROOT", "VERB", "VBD", "call"),
            ("for", 7, "case", "ADP", "IN", "for"), ("a", 7, "det", "DET", "DT", "a"),
            ("general", 7, "amod", "ADJ", "JJ", "general"), ("strike", 3, "obl", "NOUN", "NN", "strike"),
            ("on", 9, "case", "ADP", "IN", "on"), ("Tuesday", 3, "obl", "PROPN", "NNP", "Tuesday"),
            (".", 3, "punct", "PUNCT", ".", ".")]
    called = _attached_parse(nlp, rows)
    assert called["called"].date is None and called["strike"].date is not None


def test_a_date_after_a_clock_phrase_is_its_own(nlp: Any) -> None:
    # "was arrested just before 11 p.m. on May 5": "before" bounds the clock, not the day (TR-News trial)
    from newsdossier.events.attach import _bounded_in_words

    doc = _parsed(nlp, [("arrested", 0, "ROOT", "VERB", "VBN", "arrest"), ("before", 2, "case", "ADP", "IN", "before"),
                        ("11", 0, "obl", "NUM", "CD", "11"), ("p.m.", 2, "nmod:unmarked", "NOUN", "NN", "p.m."),
                        ("on", 5, "case", "ADP", "IN", "on"), ("May", 0, "obl", "PROPN", "NNP", "May")])
    assert not _bounded_in_words(doc[5])
