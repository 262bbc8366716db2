"""The NLP stage through the command line: build analyses the pile once, --nlp-model, eval ner/parse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdossier.cli import EXIT_FAILED, EXIT_OK, main
from newsdossier.nlp.stage import doc_from_bytes, text_key
from newsdossier.store import Store

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "demo" / "pile"
MODEL = "en_newsdossier-0.3.0"


def test_build_analyses_every_article_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, out = tmp_path / "pile.db", tmp_path / "out"
    assert main(["build", str(DEMO), "--db", str(db), "--out", str(out), "--quiet"]) == EXIT_OK
    assert f"nlp: {MODEL} analysed 5 text(s)" in capsys.readouterr().out
    assert main(["build", str(DEMO), "--db", str(db), "--out", str(out), "--quiet"]) == EXIT_OK
    assert f"nlp: {MODEL} analysed 0 text(s) (0 words), 5 already analysed" in capsys.readouterr().out
    from newsdossier.nlp import load_pipeline

    vocab = load_pipeline().vocab
    with Store.open(db, read_only=True) as store:
        for article in store.iter_articles():
            data = store.nlp_data(text_key(article.text), MODEL)
            assert data is not None
            doc = doc_from_bytes(data, vocab)
            assert doc.text == article.text
            assert len(list(doc.sents)) > 3 and doc.ents


def test_build_with_an_unknown_model_fails_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build", str(DEMO), "--db", str(tmp_path / "p.db"), "--out", str(tmp_path / "o"), "--quiet",
                 "--nlp-model", "en_core_web_nonesuch"])
    assert code == EXIT_FAILED
    err = capsys.readouterr().err
    assert "cannot load the spaCy pipeline 'en_core_web_nonesuch'" in err
    assert not (tmp_path / "p.db").exists()  # checked before the pile is touched


def test_build_with_a_model_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsdossier.nlp import BUNDLED_PATH

    assert main(["build", str(DEMO / "002_b59a1ca62d69ed0f.txt"), "--db", str(tmp_path / "p.db"),
                 "--out", str(tmp_path / "o"), "--quiet", "--nlp-model", str(BUNDLED_PATH)]) == EXIT_OK
    assert f"nlp: {MODEL} analysed 1 text(s)" in capsys.readouterr().out


def test_eval_ner_and_parse_on_tiny_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ner = tmp_path / "ner.txt"
    ner.write_text("-DOCSTART- O\n\nPresident B-MISC\nJoe B-PER\nBiden I-PER\nvisited O\nBaghdad B-LOC\n. O\n",
                   encoding="utf-8")
    assert main(["eval", "ner", "--data", str(ner), "--json"]) == EXIT_OK
    scores = json.loads(capsys.readouterr().out)
    assert {"precision", "recall", "f1", "per_type", "model"} <= scores.keys()
    assert set(scores["per_type"]) == {"PER", "LOC", "MISC"} and scores["gold_entities"] == 3
    assert scores["model"] == MODEL
    treebank = tmp_path / "t.conllu"
    treebank.write_text("# sent_id = 1\n1\tShe\tshe\tPRON\tPRP\tCase=Nom\t2\tnsubj\t_\t_\n"
                        "2\tleft\tleave\tVERB\tVBD\tTense=Past\t0\troot\t_\tSpaceAfter=No\n"
                        "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n", encoding="utf-8")
    assert main(["eval", "parse", "--data", str(treebank), "--json"]) == EXIT_OK
    scores = json.loads(capsys.readouterr().out)
    assert scores["words"] == 3 and 0 <= scores["las"] <= scores["uas"] <= 1
    assert scores["upos"] >= 2 / 3  # "She" PRON, "left" VERB, "." PUNCT: a parser this size gets these


def test_eval_ner_on_a_missing_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "ner", "--data", str(tmp_path / "nope.txt")]) == EXIT_FAILED
    assert "no such NER file" in capsys.readouterr().err
