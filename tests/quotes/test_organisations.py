"""Whom "the company said" and "it said" name: the organisation the article is about, or nobody.

A BBC business trial (2026-12-03) kept "the company" as described although the article named
Qantas, Unilever or Lufthansa, and "it"/"they" took the latest non-person speaker anywhere
before, which was wrong for 23 of 26 in a labelled sample (tests/quotes/data/bbc_org_speakers.tsv).
The texts below are written for these tests after the shapes of that sample's dev rows.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import newsdossier
from newsdossier.eval.quotes import read_speaker_labels, score_source_labels
from newsdossier.nlp import load_pipeline
from newsdossier.quotes import find_quotes

LABELS = Path(__file__).parent / "data" / "bbc_org_speakers.tsv"
BBC_BUSINESS = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "bbc_news_raw" / "bbc" / "business"


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_pipeline()


def _speakers(nlp: Any, text: str) -> list[tuple[str, str | None, str]]:
    return [(q.source.text if q.source else "", q.speaker.text if q.speaker else None, q.how)
            for q in find_quotes("a", nlp(text))]


def test_the_company_is_the_one_the_article_is_about(nlp: Any) -> None:
    text = ("Swiss drugmaker Novartis has bought Germany's Hexal for 5.65bn euros. Novartis said it would cut costs. "
            "The deal will see Novartis overtake Israel's Teva Pharmaceuticals as the biggest maker of generics. "
            "The new unit would have sales of more than $5bn, the company estimated.")
    assert ("the company", "Novartis", "nominal") in _speakers(nlp, text)


def test_an_earlier_named_speaker_with_that_noun_comes_first(nlp: Any) -> None:
    text = ("Zenith Corp shares rose. Zenith Corp bought a rival. Zenith Corp is big. Acme Company said it welcomed "
            "the deal. Sales would grow, the company said.")
    assert ("the company", "Acme Company", "nominal") in _speakers(nlp, text)


def test_a_description_takes_the_fullest_name_and_an_acronym_joins_it(nlp: Any) -> None:
    text = ("The British Chambers of Commerce (BCC) cut its forecast for growth on Monday. The BCC blamed high "
            "interest rates. Exporters would suffer most this year, the group warned.")
    assert ("the group", "British Chambers of Commerce", "nominal") in _speakers(nlp, text)


def test_two_organisations_equally_in_view_leave_it_as_described(nlp: Any) -> None:
    text = "Acme Corp and Zenith Inc agreed to merge on Monday. The deal is worth $2bn, the company said."
    assert ("the company", "the company", "nominal") in _speakers(nlp, text)


def test_a_source_that_names_its_speaker_is_not_replaced(nlp: Any) -> None:
    text = ("General Motors cut 5,000 jobs in Europe. GM has lost money there for years. "
            "“The cuts will start in March,” the Reuters news agency reported.")
    [(source, speaker, _)] = [s for s in _speakers(nlp, text) if "Reuters" in s[0]]
    assert speaker is not None and "Reuters" in speaker


def test_it_said_names_a_recent_organisation_or_nobody(nlp: Any) -> None:
    recent = ("Shares in Standard Life rose 5% on Tuesday. Standard Life reported record profits. "
              "It said demand for pensions was growing.")
    assert ("It", "Standard Life", "pronoun") in _speakers(nlp, recent)
    nobody = ("Analysts were gloomy about the year ahead. Prices rose again in March. Retail sales fell sharply. "
              "Many shops cut staff. It said the outlook was poor.")
    assert ("It", None, "unknown") in _speakers(nlp, nobody)


def test_it_before_a_passive_cue_names_nobody(nlp: Any) -> None:
    for text in ("Sony cut prices in Japan. It is thought that the PSP will sell well.",
                 "Sony cut prices in Japan. It was widely expected that the PSP would sell well."):
        assert ("It", None, "unknown") in _speakers(nlp, text)
    assert ("It", "Sony", "pronoun") in _speakers(nlp, "Sony cut prices in Japan. It said the PSP would sell well.")


def test_they_is_unknown_without_a_named_group_speaker_nearby(nlp: Any) -> None:
    text = ("MCI's directors backed the Verizon bid despite its lower price. A shareholder sued on Friday. "
            "They said the deal was fair to shareholders.")
    assert ("They", None, "unknown") in _speakers(nlp, text)


def test_the_labels_are_read_and_scored_against_a_pile(tmp_path: Path) -> None:
    labels = read_speaker_labels(LABELS)
    assert len(labels) == 130 and {label.split for label in labels} == {"dev", "test"}
    articles = [{"id": "x1", "source_path": "/pile/201.txt"}]
    quotes = [{"article": "x1", "source": {"start": 750, "end": 761, "text": "the company"},
               "speaker_text": "Novartis", "speaker_how": "nominal"}]
    [novartis] = [label for label in labels if label.doc == "201.txt" and label.source == "the company"]
    assert score_source_labels(articles, quotes, [novartis])["right"] == 1
    wrong = [{**quotes[0], "speaker_text": "Teva Pharmaceuticals"}]
    assert score_source_labels(articles, wrong, [novartis])["wrong"] == 1
    kept = [{**quotes[0], "speaker_text": "the company"}]
    assert score_source_labels(articles, kept, [novartis])["unknown"] == 1
    [no_speaker] = [label for label in labels if label.speaker == "NONE" and label.source == "They"][:1]
    none_article = [{"id": "x2", "source_path": f"/pile/{no_speaker.doc}"}]
    left = [{"article": "x2", "source": {"start": no_speaker.start, "end": no_speaker.end, "text": "They"},
             "speaker_text": None, "speaker_how": "unknown"}]
    assert score_source_labels(none_article, left, [no_speaker])["rightly_none"] == 1
    named = [{**left[0], "speaker_text": "Sina", "speaker_how": "pronoun"}]
    assert score_source_labels(none_article, named, [no_speaker])["wrong"] == 1


@pytest.mark.quality  # slow: processes, big inputs or benchmark data (make quality)
@pytest.mark.shared
def test_bbc_business_organisation_speakers(tmp_path: Path) -> None:
    if not BBC_BUSINESS.is_dir():
        pytest.skip(f"{BBC_BUSINESS} is absent")
    pile = tmp_path / "pile"
    pile.mkdir()
    for name in sorted(os.listdir(BBC_BUSINESS))[199:399]:  # files 200-399, as labelled
        (pile / name).write_bytes((BBC_BUSINESS / name).read_bytes())
    with newsdossier.build_dossier(pile, out=tmp_path / "out") as dossier:
        articles = [{"id": a.id, "source_path": str(a.source_path or "")} for a in dossier.pile.articles().items]
        quotes = dossier.quotes
    labels = read_speaker_labels(LABELS)
    for split, precision, accuracy in (("dev", 0.80, 0.57), ("test", 0.76, 0.67)):
        # measured 2026-12-04: dev 0.839 / 0.600, test 0.800 / 0.708 (before: 0.143 / 0.215, 0.333 / 0.323)
        scores = score_source_labels(articles, quotes, [label for label in labels if label.split == split])
        assert scores["found"] >= 60, scores
        assert scores["resolved_precision"] >= precision and scores["accuracy"] >= accuracy, (split, scores)
