"""Readers of the NER and treebank files the pipeline is trained and scored on."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdossier.errors import EvalDataError
from newsdossier.nlp.corpora import read_conllu, read_ner, spans_from_bio


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], {(0, 2, "PER"), (3, 4, "LOC")}),
        (["B-ORG", "B-ORG"], {(0, 1, "ORG"), (1, 2, "ORG")}),
        (["I-PER", "I-PER", "I-LOC"], {(0, 2, "PER"), (2, 3, "LOC")}),  # IOB1-style starts
        (["O", "O"], set()),
        (["B-MISC"], {(0, 1, "MISC")}),
    ],
)
def test_spans_from_bio(tags: list[str], spans: set[tuple[int, int, str]]) -> None:
    assert spans_from_bio(tags) == spans


def test_read_ner_two_columns_with_documents(tmp_path: Path) -> None:
    path = tmp_path / "ner.txt"
    path.write_text("-DOCSTART- O\n\nEU B-ORG\nrejects O\n\nPeter I-PER\nBlackburn I-PER\n\n"
                    "-DOCSTART- O\n\nBRUSSELS B-LOC\n", encoding="utf-8")
    sentences = read_ner(path)
    assert [s.words for s in sentences] == [("EU", "rejects"), ("Peter", "Blackburn"), ("BRUSSELS",)]
    assert sentences[1].tags == ("B-PER", "I-PER")  # IOB1 made IOB2
    assert [s.document for s in sentences] == [1, 1, 2]


def test_read_ner_universal_ner_layout(tmp_path: Path) -> None:
    path = tmp_path / "x.iob2"
    path.write_text("# sent_id = a\n# text = What is Miramar?\n1\tWhat\tO\t-\t-\n2\tis\tO\t-\t-\n"
                    "3\tMiramar\tB-LOC\t-\tx\n4\t?\tO\t-\t-\n", encoding="utf-8")
    (sentence,) = read_ner(path)
    assert sentence.words == ("What", "is", "Miramar", "?")
    assert spans_from_bio(sentence.tags) == {(2, 3, "LOC")}


def test_read_ner_rejects_a_bad_tag_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("EU B-ORG\nrejects PERSON\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match=r"bad.txt:2: 'PERSON' is not a BIO tag"):
        read_ner(path)


def test_read_ner_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EvalDataError, match="no such NER file"):
        read_ner(tmp_path / "nope.txt")


CONLLU = """# newdoc id = d1
# sent_id = s1
# text = I didn't go.
1\tI\tI\tPRON\tPRP\tCase=Nom\t3\tnsubj\t_\t_
2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
4.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t_\t_
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# sent_id = s2
1\tOk\tok\tINTJ\tUH\t_\t0\troot\t_\t_
"""


def test_read_conllu_words_ranges_and_spaces(tmp_path: Path) -> None:
    path = tmp_path / "t.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    first, second = read_conllu(path)
    assert first.sent_id == "s1" and first.document == "d1"
    assert [w.form for w in first.words] == ["I", "did", "n't", "go", "."]  # range line and empty node skipped
    assert [w.space_after for w in first.words] == [True, False, True, False, True]
    assert [w.head for w in first.words] == [3, 4, 4, 0, 4]
    assert first.words[0].feats == "Case=Nom" and first.words[1].feats == ""
    assert second.words[0].deprel == "root"
