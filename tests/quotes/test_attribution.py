"""Attribution shapes, one sentence each, through the bundled pipeline: cue, source, content, direct."""

from __future__ import annotations

from typing import Any

import pytest

from newsdossier.nlp import load_pipeline
from newsdossier.quotes import find_quotes


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_pipeline()


# (text, cue, source as written, content (parts joined by " … "), direct)
SHAPES = [
    ("“If there is an escalation, it’s make or break,” said Sajad Jiyad, a fellow at a think tank.",
     "said", "Sajad Jiyad", "If there is an escalation, it’s make or break", True),
    ("“This is the end of it,” the source adds.", "adds", "the source", "This is the end of it", True),
    ("Security sources say tensions flared after the arrest of a man.",
     "say", "Security sources", "tensions flared after the arrest of a man", False),
    ("He has warned that if there are new attacks, “I will hold Iran responsible”.",
     "warned", "He", "if there are new attacks, “I will hold Iran responsible", False),
    ("“It is over,” a senior official at the Iraqi government tells Efe.",
     "tells", "a senior official at the Iraqi government", "It is over", True),
    ("“Judge,” Brafman said, “I have never had that happen in any case.”",
     "said", "Brafman", "Judge … I have never had that happen in any case.", True),
    ("This campaign, he says, is different.", "says", "he", "This campaign … is different", False),
    ("According to the ministry, the talks will resume on Monday.",
     "According to", "the ministry", "the talks will resume on Monday", False),
    ("Adelson said on Friday he met Trump earlier this week.", "said", "Adelson", "he met Trump earlier this week", False),
]


@pytest.mark.parametrize(("text", "cue", "source", "content", "direct"), SHAPES, ids=[s[0][:25] for s in SHAPES])
def test_shape(nlp: Any, text: str, cue: str, source: str, content: str, direct: bool) -> None:
    quotes = find_quotes("a", nlp(text))
    assert len(quotes) == 1
    quote = quotes[0]
    assert (quote.cue.text if quote.cue else None) == cue
    assert quote.source is not None and quote.source.text == source
    assert quote.content.text == content
    assert quote.direct is direct


@pytest.mark.parametrize("text", [
    "The hope is to maintain the relative calm since October.",  # "to maintain": not a cue
    "Even during the “truce”, drones would fly over the embassy.",  # scare quotes
    "The US attack put in doubt the presence of its troops.",  # "in doubt": a noun
    "He hopes for a better year.",  # a verb of thought with no clause
])
def test_no_attribution(nlp: Any, text: str) -> None:
    assert find_quotes("a", nlp(text)) == []


def test_speakers_followed_back(nlp: Any) -> None:
    text = ("Abbas Kadhim, director of the Iraq Initiative, says the attack was a mistake. "
            "“It was avoidable,” he adds. While the expert believes that it “could happen again,” he is calm.\n\n"
            "“Nothing is sure,” a senior official at the Iraqi government tells Efe. "
            "“The sooner the better,” says the source who spoke on condition of anonymity.")
    quotes = find_quotes("a", nlp(text), [(0, 12, "kadhim")])
    speakers = [(q.speaker.text if q.speaker else None, q.how, q.actor) for q in quotes]
    assert speakers[0] == ("Abbas Kadhim", "named", "kadhim")
    assert speakers[1] == ("Abbas Kadhim", "pronoun", "kadhim")
    assert speakers[2] == ("Abbas Kadhim", "nominal", "kadhim")  # "the expert"
    assert speakers[-2] == ("a senior official at the Iraqi government", "anonymous", None)
    assert speakers[-1] == ("a senior official at the Iraqi government", "nominal", None)  # "the source"


def test_continuation_takes_the_speaker(nlp: Any) -> None:
    text = "“We are tired of it,” said one politician.\n\n“But nobody will act on it before the vote.”"
    first, second = find_quotes("a", nlp(text))
    assert second.how == "continuation" and second.cue is None
    assert second.speaker == first.speaker and second.speaker is not None and second.speaker.text == "one politician"


@pytest.mark.parametrize("text", [
    "He did not say what Reid was being treated for.",  # issue #22: a denied cue is no quote
    "The spokesman declined to say whether the talks would resume.",
    "Officers found a 12-gauge shotgun that had been loaded in the back of the car.",  # "found" is no speech
])
def test_negated_cues_and_finds_are_no_quotes(nlp: Any, text: str) -> None:
    assert find_quotes("a", nlp(text)) == []


def test_a_report_that_finds_a_clause_is_still_attributed(nlp: Any) -> None:
    [quote] = find_quotes("a", nlp("The report found that the agency had ignored repeated warnings."))
    assert quote.content.text.startswith("the agency had ignored")


def test_gold_source_kinds() -> None:
    from newsdossier.eval.quotes import source_kind

    assert source_kind("he") == "pronoun" and source_kind("They") == "pronoun"
    assert source_kind("Trump") == "named" and source_kind("the Clinton campaign") == "named"
    assert source_kind("the spokesperson") == "nominal" and source_kind("officials") == "nominal"


def test_she_said_is_never_a_man_named_before(nlp: Any) -> None:
    """Issue #22 (WikiRef220 trial: "she said" given to "Mr. Ball" and to the brother of the woman
    speaking): a pronoun resolves only to a speaker whose form of address or given name fits it."""
    quotes = find_quotes("a", nlp("“It is over,” Mr. Ball said. Jane Smith arrived later. "
                                  "“He was a normal boy,” she said."))
    assert [q.speaker.text if q.speaker else None for q in quotes] == ["Mr. Ball", "Jane Smith"]
    alone = find_quotes("a", nlp("“It is over,” Mr. Ball said. Then came the sister. “He was a normal boy,” she said."))
    assert alone[-1].speaker is None or "Ball" not in alone[-1].speaker.text


def test_a_source_names_the_person_it_ends_with(nlp: Any) -> None:
    """WikiRef220 trial: "Chelsea chairman Bruce Buck added" was Chelsea's, "Abaaoud's older sister said"
    was Abaaoud's. The actor of a source is the name it ends with, not one opening it with a possessive."""
    from newsdossier.quotes.model import TextSpan
    from newsdossier.quotes.speakers import _actor_of

    text = "Chelsea chairman Bruce Buck added. Abaaoud's older sister said. Mayor of Molenbeek said."
    actors = [(0, 7, "club"), (17, 27, "buck"), (35, 42, "abaaoud"), (73, 82, "molenbeek")]
    assert _actor_of(TextSpan(0, 27, "Chelsea chairman Bruce Buck"), actors, text) == "buck"
    assert _actor_of(TextSpan(35, 57, "Abaaoud's older sister"), actors, text) is None
    assert _actor_of(TextSpan(64, 82, "Mayor of Molenbeek"), actors, text) is None
