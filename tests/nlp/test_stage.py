"""The NLP stage: every text analysed once per pipeline, stored, read back without re-parsing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsdossier.clean import clean, prepare
from newsdossier.errors import ConfigError
from newsdossier.model import Article, Format, RawDocument, SourceHints
from newsdossier.nlp import BUNDLED_PATH, load_pipeline, pipeline_id
from newsdossier.nlp.stage import analyse_to_bytes, doc_from_bytes, text_key, worker_count
from newsdossier.steps import nlp_pile
from newsdossier.store import Store

TEXT_A = ("BAGHDAD (AFP) — Iraqi Prime Minister Mustafa al-Kadhemi met U.S. officials on Jan. 3. "
          "“We will not be a battlefield,” he said.")
TEXT_B = "Kata’ib Hezbollah denied any role in the attack on the embassy in Baghdad."


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline()


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Store.open(tmp_path / "pile.db") as opened:
        yield opened


def _article(text: str, name: str) -> Article:
    raw = RawDocument(name, None, Format.TEXT, "text/plain", text.encode(), "utf-8", text, SourceHints())
    return dataclasses.replace(clean(prepare(raw)), text=text)  # the stage analyses whatever text it is given


def _articles(*texts: str) -> list[Article]:
    return [_article(text, f"{n}.txt") for n, text in enumerate(texts)]


def test_each_text_is_analysed_once_and_cached(store, nlp) -> None:  # type: ignore[no-untyped-def]
    articles = _articles(TEXT_A, TEXT_B, TEXT_A)  # a verbatim copy shares its analysis
    model = pipeline_id(nlp)
    first = nlp_pile(store, articles, "bundled", model)
    assert (first.analysed, first.cached, first.pruned) == (2, 0, 0)
    assert first.words > 20
    again = nlp_pile(store, articles, "bundled", model)
    assert (again.analysed, again.cached) == (0, 2)
    assert store.nlp_hashes(model) == {text_key(TEXT_A), text_key(TEXT_B)}


def test_stored_analysis_has_offsets_sentences_parse_and_entities(store, nlp) -> None:  # type: ignore[no-untyped-def]
    articles = _articles(TEXT_A)
    model = pipeline_id(nlp)
    nlp_pile(store, articles, "bundled", model)
    data = store.nlp_data(text_key(TEXT_A), model)
    assert data is not None
    doc = doc_from_bytes(data, nlp.vocab)
    assert doc.text == TEXT_A  # character offsets index the article text itself
    assert len(list(doc.sents)) == 2
    assert all(token.dep_ for token in doc if not token.is_space)
    assert any(token.pos_ == "VERB" for token in doc) and any(token.lemma_ == "meet" for token in doc)
    names = {(ent.text, ent.label_) for ent in doc.ents}
    assert ("Mustafa al-Kadhemi", "PER") in names
    for ent in doc.ents:
        assert TEXT_A[ent.start_char:ent.end_char] == ent.text


def test_a_changed_text_is_analysed_again_and_the_old_analysis_dropped(store, nlp) -> None:  # type: ignore[no-untyped-def]
    model = pipeline_id(nlp)
    nlp_pile(store, _articles(TEXT_A, TEXT_B), "bundled", model)
    changed = _articles(TEXT_A, TEXT_B + " It said so on Sunday.")
    counts = nlp_pile(store, changed, "bundled", model)
    assert (counts.analysed, counts.cached, counts.pruned) == (1, 1, 1)
    assert text_key(TEXT_B) not in store.nlp_hashes(model)


def test_another_pipeline_keeps_its_own_analyses(store, nlp) -> None:  # type: ignore[no-untyped-def]
    articles = _articles(TEXT_B)
    nlp_pile(store, articles, "bundled", "other-model-1")
    counts = nlp_pile(store, articles, "bundled", pipeline_id(nlp))
    assert counts.analysed == 1
    assert store.nlp_hashes("other-model-1") == {text_key(TEXT_B)}


def test_empty_text_is_analysed_without_error(store, nlp) -> None:  # type: ignore[no-untyped-def]
    stub = dataclasses.replace(_articles(TEXT_B)[0], text="")
    counts = nlp_pile(store, [stub], "bundled", pipeline_id(nlp))
    assert counts.analysed == 1 and counts.words == 0


def test_pipeline_is_loaded_once_per_process() -> None:
    assert load_pipeline() is load_pipeline("bundled")


def test_a_directory_can_be_passed_as_the_model(nlp) -> None:  # type: ignore[no-untyped-def]
    other = load_pipeline(str(BUNDLED_PATH))
    assert pipeline_id(other) == pipeline_id(nlp) == "en_newsdossier-0.3.0"


def test_an_unknown_model_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match=r"cannot load the spaCy pipeline 'en_no_such_model'.*pip install"):
        load_pipeline("en_no_such_model")


@pytest.mark.quality  # slow: processes, big inputs or benchmark data (make quality)
def test_worker_processes_give_the_same_analyses_in_order(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = [f"{TEXT_A} Number {n}." if n % 2 else TEXT_B for n in range(40)]
    one = list(analyse_to_bytes(texts, "bundled", processes=1))
    two = list(analyse_to_bytes(texts, "bundled", processes=2))
    assert [words for _, words in one] == [words for _, words in two]
    docs = [doc_from_bytes(data, nlp.vocab) for data, _ in two]
    assert [doc.text for doc in docs] == texts
    assert [[(e.text, e.label_) for e in d.ents] for d in docs] == [
        [(e.text, e.label_) for e in doc_from_bytes(data, nlp.vocab).ents] for data, _ in one]


@pytest.mark.parametrize(("texts", "cpus", "workers"), [(10, 2, 1), (49, 8, 1), (50, 2, 2), (5000, 16, 4),
                                                        (5000, 1, 1)])
def test_worker_count(texts: int, cpus: int, workers: int) -> None:
    assert worker_count(texts, cpus) == workers
