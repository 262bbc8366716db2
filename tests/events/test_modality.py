"""Whether a dated sentence reports what happened: the modality of the clause its time expression dates.

The sentence timeline used to list every dated sentence as a fact of its date: a counterfactual
("If the sale had gone through last year, the aircraft would have been delivered by 2011") was
listed twice, under 2006 and 2011, and a hedge ("may take place as early as March") showed no
hedge (new-user trial on SemEval-2015 Task 4 corpus 1, 2026-12-04). The sentences below are
written for these tests, after the constructions seen in that trial, ECB+ dev topics, BBC tech
and TimeBank (the dev set of ``eval modality``); none is copied from MEANTIME, the held-out set.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import newsdossier
from newsdossier.events.modality import LEFT_OUT, dated_clause_modality, timeline_modality
from newsdossier.timex import find_time_expressions
from newsdossier.timex.timeline import build_timeline, dated_sentences


def _read(nlp: Any, sentence: str, words: str, published: date | None = None) -> tuple[str, str]:
    doc = nlp(sentence)
    [expression] = [e for e in find_time_expressions(sentence, published or date(2007, 1, 10),
                                                     sentences=[(0, len(sentence))]) if e.text == words]
    read = timeline_modality(doc, expression, published)
    return read.kind, read.cue


@pytest.mark.parametrize(("sentence", "words", "kind", "cue"), [
    # asserted: what the sentence says happened
    ("The strike took place on the night of 2 to 3 January.", "3 January", "asserted", ""),
    ("Boeing delivered 398 aircraft in 2006, the company said.", "2006", "asserted", ""),
    ("He was arrested in 2004 and released a year later.", "2004", "asserted", ""),
    ("Last year's crash killed 228 people.", "Last year", "asserted", ""),
    ("DeGeneres previously hosted the show in 2005.", "2005", "asserted", ""),
    ("An Indian warship foiled a pirate attack on merchant vessels on Friday.", "Friday", "asserted", ""),
    ("Williams was stopped for speeding at 1:30 a.m. Sunday.", "1:30 a.m. Sunday", "asserted", ""),
    # hedged: kept on the timeline, labelled with the word that hedges it
    ("The first flight may take place as early as March.", "March", "possible", "may"),
    ("Ryanair could order more planes next year, analysts said.", "next year", "possible", "could"),
    ("The shooter might have been fired as recently as a week ago.", "a week ago", "possible", "might"),
    ("The vote will be held on March 3.", "March 3", "expected", "will"),
    ("The talks are scheduled to resume on Tuesday.", "Tuesday", "expected", "scheduled"),
    ("The PlayStation 3 is expected in 2008.", "2008", "expected", "expected"),
    ("Airbus expects to deliver the first A380 in October 2007.", "October 2007", "intended", "expects"),
    ("Police denied that the raid happened on Sunday.", "Sunday", "denied", "denied"),
    # not happened: left out of the timeline
    ("If the sale had gone through last year, the aircraft would have been delivered by 2011.", "last year",
     "hypothetical", "If"),
    ("If the sale had gone through last year, the aircraft would have been delivered by 2011.", "2011",
     "hypothetical", "would have"),
    ("Officials did not meet on Monday.", "Monday", "negated", "not"),
    # a date that is only where a superlative is measured from reports nothing of that date
    ("The index fell 300 points to reach its lowest level since 2003.", "2003", "comparison", "since"),
    ("It was the first time since 2001 that the Dow rose four weeks in a row.", "2001", "comparison", "since"),
    ("Japan has been in recession since 2001.", "2001", "asserted", ""),
    ("Most banks have cut jobs since 2008.", "2008", "asserted", ""),  # the superlative is not the "since" phrase's
    ("The best players have left the club since 2006.", "2006", "asserted", ""),
    ("Prices have doubled at least since 2005.", "2005", "asserted", ""),
    # in the past, "set", "able to" and "scheduled" report what happened
    ("The world record was set in 1998.", "1998", "asserted", ""),
    ("The firm was able to raise $2bn in 2006.", "2006", "asserted", ""),
    ("The meeting is likely in 2008.", "2008", "possible", "likely"),
    # what is only agreed or supposed to happen (TimeBank, the dev set)
    ("The bank announced an agreement to acquire the company in January.", "January", "intended", "agreement"),
    ("The talks, which are supposed to conclude by May, resumed.", "May", "possible", "supposed"),
    ("Israel was willing to withdraw from Lebanon in March.", "March", "possible", "willing"),
])
def test_the_dated_clause_says_whether_it_happened(nlp: Any, sentence: str, words: str, kind: str, cue: str) -> None:
    assert _read(nlp, sentence, words) == (kind, cue)


def test_a_plain_statement_of_a_day_after_publication_is_only_expected(nlp: Any) -> None:
    sentence = "The summit opens in Geneva on 14 March."
    assert _read(nlp, sentence, "14 March", published=date(2007, 3, 1)) == ("expected", "")
    assert _read(nlp, sentence, "14 March", published=date(2007, 3, 20)) == ("asserted", "")
    doc = nlp(sentence)
    [expression] = find_time_expressions(sentence, date(2007, 3, 1), sentences=[(0, len(sentence))])
    assert dated_clause_modality(doc, expression.start, expression.end).kind == "asserted"  # the clause alone


def test_later_this_year_is_after_the_article_whatever_verb_it_hangs_on(nlp: Any) -> None:
    sentence = "The plant closes later this year, the company said."
    assert _read(nlp, sentence, "later this year", published=date(1989, 11, 2)) == ("expected", "later")
    assert _read(nlp, "The dividend was cut earlier this year.", "earlier this year",
                 published=date(1989, 11, 2)) == ("asserted", "")


def test_not_until_dates_what_happened(nlp: Any) -> None:
    # "not ... until" is no negation; "could" still hedges it
    assert _read(nlp, "The climbers could not be reached until the next morning.", "the next morning") == (
        "possible", "could")
    assert _read(nlp, "Officials did not meet until Monday.", "Monday")[0] not in LEFT_OUT


def test_the_timeline_entry_carries_its_modality_and_unknown_without_a_parse() -> None:
    text = "The first flight may take place in March. Airbus delivered ten jets in 2006."
    expressions = find_time_expressions(text, date(2007, 1, 10), sentences=[(0, 41), (42, len(text))])
    march, year = expressions
    dated = dated_sentences("a", text, expressions, [(0, 41), (42, len(text))],
                            {march.start: ("possible", "may"), year.start: ("asserted", "")})
    entries = build_timeline(dated, {})
    assert [(e.time_text, e.modality, e.modality_cue) for e in entries] == [
        ("2006", "asserted", ""), ("March", "possible", "may")]
    unparsed = build_timeline(dated_sentences("b", text, expressions, [(0, 41), (42, len(text))]), {})
    assert {e.modality for e in unparsed} == {"unknown"}


def test_the_dossier_leaves_out_what_did_not_happen_and_labels_hedges(tmp_path: Path) -> None:
    text = ("Airbus said on Tuesday that its A380 programme is two years late. If the sale had gone through "
            "last year, the aircraft would have been delivered by 2011. The first test flight may take place "
            "as early as March. The board did not meet on Monday.")
    with newsdossier.build_dossier([{"text": text, "published": "2007-01-10", "url": "https://example.org/a"}],
                                   out=tmp_path / "out") as dossier:
        timeline = json.loads((tmp_path / "out" / "dossier.json").read_text("utf-8"))["timeline"]
        markdown = (tmp_path / "out" / "dossier.md").read_text("utf-8")
        stored = dossier.timeline
    by_text = {entry["time_text"]: entry for entry in timeline}
    assert set(by_text) == {"Tuesday", "March"}  # not "last year", "2011" (would have) or "Monday" (did not)
    assert (by_text["Tuesday"]["modality"], by_text["Tuesday"]["modality_cue"]) == ("asserted", None)
    assert (by_text["March"]["modality"], by_text["March"]["modality_cue"]) == ("possible", "may")
    assert {entry["modality"] for entry in stored} == {"asserted", "possible"}
    section = markdown.split("## Timeline", 1)[1].split("\n## ", 1)[0]
    assert '(March; *possible*: "may")' in section
    assert "would have been" not in section and "did not meet" not in section
