"""Issue #22: wire credits written in the text, in the forms real articles use (phrases from the ECB+ dev
and AEB articles), and what provenance trusts of them."""

from __future__ import annotations

import pytest

from newsdossier.clean import clean, prepare
from newsdossier.clean.agencies import byline_agency, cited_agency, find_dateline, sign_off_agency
from newsdossier.model import Format, RawDocument, SourceHints
from newsdossier.reuse.direction import wire_credit


@pytest.mark.parametrize(("text", "agency"), [
    ("Mark told Reuters on Friday.", "Reuters"),
    ("According to the Associated Press, the man was arrested.", "AP"),
    ("records obtained by The Associated Press show", "AP"),
    ("said in an email to The Associated Press.", "AP"),
    ("according to the state-run Xinhua News Agency.", "Xinhua"),
    ("Yemen's official news agency SABA reported.", "SABA"),
    ("says the Press Association news agency.", "PA Media"),
    ("Pigeon told The Canadian Press.", "CP"),
    ("A similarly fresh Reuters poll has lower numbers.", "Reuters"),
    ("An insurgent source told Agence France-Presse.", "AFP"),
    ("dpa reported.", "dpa"),
    ("Bloomberg reported on Monday.", "Bloomberg"),
])
def test_prose_that_reports_through_an_agency(text: str, agency: str) -> None:
    assert cited_agency(text) == agency


@pytest.mark.parametrize("text", [
    "Photo: AFP/Getty Images",
    "(AP Photo/Evan Vucci)",
    "Michael Bloomberg said he would run.",
    "Reuters journalists were detained in Myanmar.",  # the agency as the story's subject
    "The AP style guide says so.",
])
def test_photo_credits_subjects_and_people_are_no_citation(text: str) -> None:
    assert cited_agency(text) is None


def test_a_photo_agencys_copyright_line_credits_the_picture() -> None:
    from newsdossier.clean.agencies import credit_in_line

    assert credit_in_line("©EPA") is None  # under a photo (WikiRef220 trial)
    assert credit_in_line("© 2019 Associated Press") == "AP"


def test_the_most_cited_agency_wins() -> None:
    assert cited_agency("He told AFP. She told AFP too. According to Reuters, ...") == "AFP"


def test_sign_offs_bylines_and_a_bare_dateline() -> None:
    assert sign_off_agency("... trying to sneak into the US. PTI") == "PTI"
    assert sign_off_agency("... the ministry said. — AFP") == "AFP"
    assert sign_off_agency("... in the latest AP poll.") is None
    assert byline_agency("By The Associated Press") == "AP"
    assert byline_agency("AP Auto Writer") == "AP" and byline_agency("Reuters") == "Reuters"
    assert byline_agency("Tom Krisher") is None
    dateline = find_dateline("(Reuters) - The company said on Monday it would cut jobs.")
    assert dateline is not None and dateline.agency == "Reuters" and dateline.place == ""


BODY = ("The council voted on the plan after a long debate on Tuesday, officials said, and work will begin "
        "next year. ") * 3


def _article(text: str) -> object:
    data = text.encode("utf-8")
    return clean(prepare(RawDocument("a.txt", None, Format.TEXT, "text/plain", data, "utf-8", text, SourceHints())))


def test_a_prose_credit_is_shown_but_provenance_trusts_only_a_stated_one() -> None:
    cited = _article(f"Council backs plan\n\n{BODY} A council member told AFP the vote was close.\n")
    assert (cited.credit, cited.credit_basis) == ("AFP", "prose")
    assert wire_credit(cited) is None  # a spun copy keeps "told AFP" and not the credit line
    stated = _article(f"Council backs plan\n\n{BODY}\n\nThe Associated Press contributed to this report.\n")
    assert (stated.credit, stated.credit_basis) == ("AP", "line") and wire_credit(stated) == "AP"


def test_a_dateline_without_an_agency_leaves_the_text_and_credits_no_one() -> None:
    article = _article(f"Council backs plan\n\nTORONTO — {BODY}\n")
    assert article.text.startswith("The council voted")  # not "TORONTO — The council ...", parsed as one sentence
    assert article.dateline == "TORONTO —"
    assert article.credit is None and article.outlet is None
    tagged = _article(f"Council backs plan\n\nTORONTO (Reuters) - {BODY}\n")
    assert (tagged.credit, tagged.credit_basis) == ("Reuters", "dateline")
