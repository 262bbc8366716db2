"""The story-clustering benchmark: BCubed by hand-computed tables, the readers and layout errors
on tiny made-up corpora, the blinding of the clusterer, the real data's counts, and a quality
gate for the TF-IDF baseline."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from newsdossier.errors import EvalDataError
from newsdossier.eval.stories import (
    EvalDoc,
    baseline_clusterer,
    bcubed,
    evaluate_stories,
    read_ecbplus,
    read_wikiref,
)

# Measured with `newsdossier eval stories --data ../shared/datasets/<folder>` (the `baseline` key) (scikit-learn
# 1.9.1; thresholds chosen on the ECB+ dev topics, see BASELINE_TOPIC_DISTANCE): ECB+ topic
# BCubed F1 0.8885, sub-topic 0.8675; WikiRef topic F1 0.8175. Each run takes ~1.5 s.
# The floors leave ~0.02 for library updates that move TF-IDF or tie-breaking slightly.
ECBPLUS_TOPIC_F1_FLOOR = 0.87
ECBPLUS_SUBTOPIC_F1_FLOOR = 0.85
WIKIREF_TOPIC_F1_FLOOR = 0.80
PRODUCT_ECBPLUS_TOPIC_F1_FLOOR = 0.90
PRODUCT_ECBPLUS_SUBTOPIC_F1_FLOOR = 0.85

SCORE_KEYS = {
    "dataset", "documents", "topics", "subtopics", "noise_documents",
    "topic_b3_precision", "topic_b3_recall", "topic_b3_f1", "topic_ari",
    "subtopic_b3_precision", "subtopic_b3_recall", "subtopic_b3_f1", "subtopic_ari", "seconds",
}  # fmt: skip


# --- BCubed ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        # perfect, whatever the predicted labels are called
        (["a", "a", "b"], ["x", "x", "y"], (1.0, 1.0, 1.0)),
        # all in one cluster: precision (2*2/5 + 3*3/5)/5 = 13/25, recall 1
        (["a", "a", "b", "b", "b"], ["x"] * 5, (13 / 25, 1.0, 2 * (13 / 25) / (1 + 13 / 25))),
        # all singletons: precision 1, recall (2*1/2 + 3*1/3)/5 = 2/5, F1 2*0.4/1.4 = 4/7
        (["a", "a", "b", "b", "b"], ["1", "2", "3", "4", "5"], (1.0, 2 / 5, 4 / 7)),
        # per item (P, R): (1, 2/3) (1, 2/3) (1/2, 1/3) (1/2, 1): P 3/4, R 2/3, F1 12/17
        (["a", "a", "a", "b"], ["x", "x", "y", "y"], (3 / 4, 2 / 3, 12 / 17)),
        # swapping gold and predicted swaps precision and recall
        (["x", "x", "y", "y"], ["a", "a", "a", "b"], (2 / 3, 3 / 4, 12 / 17)),
    ],
)
def test_bcubed(gold: list[str], predicted: list[str], expected: tuple[float, float, float]) -> None:
    assert bcubed(gold, predicted) == pytest.approx(expected)


def test_bcubed_needs_equal_non_empty_inputs() -> None:
    with pytest.raises(ValueError):
        bcubed(["a"], ["x", "y"])
    with pytest.raises(ValueError):
        bcubed([], [])


# --- a tiny corpus in the ECB+ layout ----------------------------------------------------

# topic -> kind -> sentences, each a list of tokens as the corpus tokenizes them
ECB_SENTENCES: dict[str, dict[str, list[list[str]]]] = {
    "1": {
        "ecb": [["Tara", "Reid", ",", "33", ",", "entered", "``", "Promises", "''", "rehab", "."], ["She", "'s", "fine", "."]],
        "ecbplus": [
            ["http", ":", "/", "/", "www", ".", "example", ".", "com", "/", "1", "-", "ecbplus"],
            ["Posted", ":", "May", "2", ",", "2013", ",", "1", ":", "12", "PM"],
            ["Lindsay", "Lohan", "checks", "into", "rehab"],
            ["Lohan", "entered", "rehab", "(", "again", ")", "in", "Malibu", "."],
        ],
    },
    "2": {
        "ecb": [["Hugh", "Jackman", "will", "host", "the", "Oscars", "."]],
        "ecbplus": [["http", ":", "/", "/", "news", ".", "example", ".", "org"], ["Ellen", "DeGeneres", "to", "host", "Oscars"]],
    },
}


def ecb_xml(sentences: list[list[str]]) -> str:
    tokens, t_id = [], 0
    for s, words in enumerate(sentences):
        for n, word in enumerate(words):
            t_id += 1
            tokens.append(f'<token t_id="{t_id}" sentence="{s}" number="{n}">{word}</token>')
    return f'<Document doc_name="x.xml" doc_id="DOC1">\n{chr(10).join(tokens)}\n<Markables/>\n<Relations/>\n</Document>\n'


def write_ecbplus(root: Path) -> Path:
    for topic, kinds in ECB_SENTENCES.items():
        folder = root / "ECB+" / topic
        folder.mkdir(parents=True)
        for n in (1, 2):
            for kind, sentences in kinds.items():
                (folder / f"{topic}_{n}{kind}.xml").write_text(ecb_xml(sentences), encoding="utf-8")
    (root / "ECB+" / "1" / "notes.txt").write_text("not a document", encoding="utf-8")
    return root


def test_read_ecbplus_layout_and_labels(tmp_path: Path) -> None:
    docs = read_ecbplus(write_ecbplus(tmp_path))
    assert [doc.id for doc in docs] == [
        "1_1ecb", "1_1ecbplus", "1_2ecb", "1_2ecbplus", "2_1ecb", "2_1ecbplus", "2_2ecb", "2_2ecbplus",
    ]  # fmt: skip
    assert [(doc.topic, doc.story) for doc in docs[:2]] == [("1", "1ecb"), ("1", "1ecbplus")]
    assert {doc.story for doc in docs} == {"1ecb", "1ecbplus", "2ecb", "2ecbplus"}
    assert read_ecbplus(tmp_path / "ECB+") == docs  # the ECB+ folder itself is accepted too


def test_read_ecbplus_rebuilds_text_from_tokens(tmp_path: Path) -> None:
    docs = {doc.id: doc for doc in read_ecbplus(write_ecbplus(tmp_path))}
    ecb, plus = docs["1_1ecb"], docs["1_1ecbplus"]
    assert ecb.text == 'Tara Reid, 33, entered "Promises" rehab.\nShe\'s fine.'
    assert ecb.title == 'Tara Reid, 33, entered "Promises" rehab.'  # ECB files: the lead sentence
    # the URL line goes; the dateline stays in the text but is skipped as the title
    assert plus.text == "Posted: May 2, 2013, 1: 12 PM\nLindsay Lohan checks into rehab\nLohan entered rehab (again) in Malibu."
    assert plus.title == "Lindsay Lohan checks into rehab"
    for doc in docs.values():
        assert "http" not in doc.text and doc.id not in doc.text and "ecb" not in doc.text


def test_malformed_xml_names_the_file(tmp_path: Path) -> None:
    write_ecbplus(tmp_path)
    (tmp_path / "ECB+" / "2" / "2_2ecb.xml").write_text("<Document><token sentence='0' number='0'>oops</Document>", encoding="utf-8")
    with pytest.raises(EvalDataError, match=r"2_2ecb\.xml: malformed XML"):
        read_ecbplus(tmp_path)


def test_ecbplus_without_documents_is_an_eval_data_error(tmp_path: Path) -> None:
    (tmp_path / "ECB+" / "1").mkdir(parents=True)
    with pytest.raises(EvalDataError, match="pass the ecbplus folder"):
        read_ecbplus(tmp_path)


# --- a tiny corpus in the WikiRef layout -------------------------------------------------

WIKIREF_MAIN = {
    "paris.attacks": "Paris attacks: death toll rises\n\nGunmen attacked a concert hall and cafes in Paris.",
    "ParisAttacks2015": "France mourns its dead\n\nFrance declared a state of emergency after the Paris attacks.",
}


def write_wikiref(root: Path) -> Path:
    folder = root / "WikiRef220"
    folder.mkdir(parents=True)
    for n in range(1, 7):  # six documents: a story; five or fewer: noise
        (folder / f"paris.attacks.{n}.txt").write_text(WIKIREF_MAIN["paris.attacks"], encoding="utf-8")
        (folder / f"ParisAttacks2015 ({n}).txt").write_text(WIKIREF_MAIN["ParisAttacks2015"], encoding="utf-8")
    (folder / "u2.149.txt").write_bytes("U2\u2019s new album\n\nBono\u2019s band is back.".encode("cp1252"))
    for n in (3, 4):
        (folder / f"greek.elections.{n}.txt").write_text("Greek vote\nGreeks voted on Sunday.", encoding="utf-8")
    (root / "readme.txt").write_text("The selected topics are ...", encoding="utf-8")
    (folder / "readme.txt").write_text("not an article", encoding="utf-8")
    return root


def test_read_wikiref_labels_and_noise(tmp_path: Path) -> None:
    docs = read_wikiref(write_wikiref(tmp_path))
    assert len(docs) == 15
    assert [doc.id for doc in docs[:3]] == ["ParisAttacks2015 (1)", "ParisAttacks2015 (2)", "ParisAttacks2015 (3)"]
    labels = {(doc.topic, doc.story) for doc in docs}
    assert labels == {
        ("ParisAttacks2015", "ParisAttacks2015"), ("paris.attacks", "paris.attacks"),
        ("greek.elections", None), ("u2", None),
    }  # fmt: skip
    assert read_wikiref(tmp_path / "WikiRef220") == docs  # the article folder itself is accepted too


def test_read_wikiref_decodes_windows_1252_and_takes_the_first_line_as_title(tmp_path: Path) -> None:
    docs = {doc.id: doc for doc in read_wikiref(write_wikiref(tmp_path))}
    assert docs["u2.149"].title == "U2\u2019s new album"
    assert docs["u2.149"].text == "U2\u2019s new album\n\nBono\u2019s band is back."


def test_wikiref_without_articles_is_an_eval_data_error(tmp_path: Path) -> None:
    with pytest.raises(EvalDataError, match="pass the wikiref_clustering folder"):
        read_wikiref(tmp_path)


# --- the run -----------------------------------------------------------------------------


def by_first_word(docs: Sequence[EvalDoc]) -> tuple[list[str], list[str]]:
    """A clusterer that gets the tiny corpora right from the text alone."""
    seen: list[EvalDoc] = list(docs)
    assert all(doc.topic == "" and doc.story is None and doc.id.startswith("doc") for doc in seen)  # blinded
    words = [doc.text.split()[0] for doc in seen]
    return words, words


def test_evaluate_stories_on_tiny_ecbplus(tmp_path: Path) -> None:
    result = evaluate_stories(write_ecbplus(tmp_path), by_first_word)
    assert SCORE_KEYS <= result.keys() and SCORE_KEYS <= result["baseline"].keys()
    assert (result["dataset"], result["documents"], result["topics"], result["subtopics"]) == ("ecbplus", 8, 2, 4)
    # labels went back in corpus order: first words split the sub-topics exactly
    assert result["subtopic_b3_f1"] == 1.0 and result["subtopic_ari"] == 1.0
    assert result["topic_b3_precision"] == 1.0 and result["topic_b3_recall"] == 0.5
    assert "noise_singleton_share" not in result


def test_evaluate_stories_on_tiny_wikiref(tmp_path: Path) -> None:
    result = evaluate_stories(write_wikiref(tmp_path), by_first_word)
    assert (result["dataset"], result["documents"], result["topics"], result["subtopics"]) == ("wikiref", 15, 4, 2)
    assert result["noise_documents"] == 3
    # the two Greek noise documents share a first word: one cluster, so not singletons
    assert result["noise_singleton_share"] == pytest.approx(0.3333)
    assert result["topic_b3_f1"] == 1.0
    assert result["subtopic_b3_precision"] < 1.0 == result["subtopic_b3_recall"]


def test_evaluate_stories_defaults_to_the_baseline(tmp_path: Path) -> None:
    result = evaluate_stories(write_ecbplus(tmp_path))
    assert {key: value for key, value in result.items() if key != "baseline"} == result["baseline"]


def test_a_clusterer_must_label_every_document(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="returned 1 topic"):
        evaluate_stories(write_ecbplus(tmp_path), lambda docs: (["t"], ["s"] * len(docs)))


def test_baseline_handles_one_document() -> None:
    assert baseline_clusterer([EvalDoc("a", "", "text", "", None)]) == (["t0"], ["s0"])


def test_unknown_layout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsdossier.cli import main

    with pytest.raises(EvalDataError, match="neither an ECB\\+ folder"):
        evaluate_stories(tmp_path)
    assert main(["eval", "stories", "--data", str(tmp_path)]) != 0
    assert "neither an ECB+ folder" in capsys.readouterr().err


# --- the real benchmarks -----------------------------------------------------------------


@pytest.fixture(scope="module")
def ecbplus_scores(datasets_dir: Path) -> dict[str, Any]:
    return evaluate_stories(datasets_dir / "ecbplus")


@pytest.fixture(scope="module")
def wikiref_scores(datasets_dir: Path) -> dict[str, Any]:
    return evaluate_stories(datasets_dir / "wikiref_clustering")


@pytest.mark.shared
def test_real_ecbplus_counts(datasets_dir: Path) -> None:
    # The full ECB+ has 982 documents in 43 topics; this copy leaves out the test topics
    # 36-45 (see its SOURCE.txt), and ECB+ has no topics 15 and 17.
    docs = read_ecbplus(datasets_dir / "ecbplus")
    assert (len(docs), len({doc.topic for doc in docs}), len({doc.story for doc in docs})) == (772, 33, 66)
    assert sum(doc.id.endswith("ecbplus") for doc in docs) == 381
    assert not any(doc.text.startswith("http") for doc in docs)


@pytest.mark.shared
def test_real_wikiref_counts(datasets_dir: Path) -> None:
    docs = read_wikiref(datasets_dir / "wikiref_clustering")
    assert (len(docs), len({doc.topic for doc in docs})) == (220, 16)
    assert sorted({doc.story for doc in docs if doc.story}) == [
        "ParisAttacks2015", "malaysia.airlines.flight", "michelle.obama", "premier.league", "samsung.galaxy.s5",
    ]  # fmt: skip
    assert sum(doc.story is None for doc in docs) == 35


@pytest.mark.shared
def test_baseline_quality_gate_ecbplus(ecbplus_scores: dict[str, Any]) -> None:
    assert SCORE_KEYS <= ecbplus_scores.keys()
    assert ecbplus_scores["topic_b3_f1"] >= ECBPLUS_TOPIC_F1_FLOOR
    assert ecbplus_scores["subtopic_b3_f1"] >= ECBPLUS_SUBTOPIC_F1_FLOOR


@pytest.mark.shared
def test_baseline_quality_gate_wikiref(wikiref_scores: dict[str, Any]) -> None:
    assert wikiref_scores["noise_documents"] == 35
    assert 0.0 <= wikiref_scores["noise_singleton_share"] <= 1.0
    assert wikiref_scores["topic_b3_f1"] >= WIKIREF_TOPIC_F1_FLOOR


@pytest.fixture(scope="module")
def ecbplus_product_scores(datasets_dir: Path) -> dict[str, Any]:
    from newsdossier.evaluate import cluster_for_eval

    return evaluate_stories(datasets_dir / "ecbplus", clusterer=cluster_for_eval)


@pytest.mark.shared
def test_product_quality_gate_ecbplus(ecbplus_product_scores: dict[str, Any]) -> None:
    # Measured 0.902 topic / 0.880 sub-topic (docs/benchmarks.md, consensus over orders); the goal is 0.97 / 0.90.
    assert ecbplus_product_scores["topic_b3_f1"] >= PRODUCT_ECBPLUS_TOPIC_F1_FLOOR
    assert ecbplus_product_scores["subtopic_b3_f1"] >= PRODUCT_ECBPLUS_SUBTOPIC_F1_FLOOR
    assert ecbplus_product_scores["topic_b3_f1"] > ecbplus_product_scores["baseline"]["topic_b3_f1"]
