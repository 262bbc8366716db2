"""`newsdossier eval quotes`: the PolNeAR brat reader, the span matcher, and the scores on PolNeAR dev.

The reader and scorer are tested on a small article written in PolNeAR's layout; the product
is scored on PolNeAR's *dev* split (the development split; test is measured for
docs/benchmarks.md only) behind the ``shared`` marker, with floors at the measured numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsdossier.errors import EvalDataError
from newsdossier.eval.quotes import _is_direct, match_contents, read_polnear
from newsdossier.evaluate import evaluate

TEXT = ("“It is over,” Jane Doe said. Officials say the talks failed.\n\n"
        "“Judge,” Brafman said, “I have never seen that.”\n")
ANN = """T1\tContent 0 13\t“It is over,”
T2\tSource 14 22\tJane Doe
T3\tCue 23 27\tsaid
E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2
T4\tSource 29 38\tOfficials
T5\tCue 39 42\tsay
T6\tContent 43 59\tthe talks failed
E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4
T7\tContent 62 70;85 110\t“Judge,” “I have never seen that.”
T8\tSource 71 78\tBrafman
T9\tCue 79 83\tsaid
E3\tAttribution:T9 Content:T7 Cue:T9 Source:T8
#1\tAnnotatorNotes T1\ta note
"""


@pytest.fixture()
def polnear(tmp_path: Path) -> Path:
    for split in ("dev", "test"):
        (tmp_path / "data" / split / "text").mkdir(parents=True)
        (tmp_path / "data" / split / "attributions").mkdir(parents=True)
    (tmp_path / "data" / "dev" / "text" / "doc-a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "data" / "dev" / "attributions" / "doc-a_ef2d.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "data" / "dev" / "attributions" / "doc-a_zz99.ann").write_text("", encoding="utf-8")
    return tmp_path


def test_reader_takes_the_first_annotation_with_fragments(polnear: Path) -> None:
    (doc,) = read_polnear(polnear, "dev")
    assert doc.name == "doc-a" and len(doc.gold) == 3
    first, second, third = doc.gold
    assert first.direct and not second.direct and third.direct
    assert third.content == ((62, 70), (85, 110)) and third.source == ((71, 78),)


def test_reader_errors_name_the_place(polnear: Path) -> None:
    with pytest.raises(EvalDataError, match="no annotated articles"):
        read_polnear(polnear, "test")
    with pytest.raises(EvalDataError, match="no PolNeAR split"):
        read_polnear(polnear / "nowhere", "dev")


def test_matching_is_one_to_one_best_overlap_first() -> None:
    gold = [frozenset(range(0, 10)), frozenset(range(20, 30))]
    predicted = [frozenset(range(0, 9)), frozenset(range(1, 10)), frozenset(range(40, 50))]
    assert match_contents(predicted, gold) == [(0, 0)] or match_contents(predicted, gold) == [(1, 0)]
    assert match_contents([frozenset(range(0, 4))], gold) == []  # 4 of 10 characters: under half
    assert match_contents([frozenset(range(0, 10))], gold, exact=True) == [(0, 0)]


def test_speaker_resolution_on_the_small_article(polnear: Path, tmp_path: Path) -> None:
    text = TEXT + "Jane Doe spoke again on Monday. He said the budget was late. She said the talks would resume.\n"
    (polnear / "data" / "dev" / "text" / "doc-a.txt").write_text(text, encoding="utf-8")
    he, she = text.index("He said"), text.index("She said")
    labels = tmp_path / "labels.tsv"
    labels.write_text(f"# comment\ndev\tdoc-a\t{he}\t{he + 2}\the\tJohn Roe\n"
                      f"dev\tdoc-a\t{she}\t{she + 3}\tShe\tJane Doe\ntest\tdoc-a\t0\t2\the\tNobody\n", encoding="utf-8")
    result: dict[str, Any] = evaluate("quotes", polnear, split="dev", speaker_labels=labels)
    pronouns = result["speaker_resolution"]["pronoun"]
    assert pronouns["labelled"] == 2 and pronouns["found"] == 2  # the test split's label is not this split's
    assert pronouns["right"] == 1 and pronouns["right"] + pronouns["wrong"] + pronouns["unknown"] == 2
    labels.write_text("dev\tdoc-a\tzero\t2\the\tX\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match="labels.tsv:1"):
        evaluate("quotes", polnear, split="dev", speaker_labels=labels)


def test_a_description_left_as_written_is_kept_not_wrong(polnear: Path, tmp_path: Path) -> None:
    text = TEXT + "Profits rose again.\n\nThe company said the results were better than expected.\n"
    (polnear / "data" / "dev" / "text" / "doc-a.txt").write_text(text, encoding="utf-8")
    at = text.index("The company said")
    labels = tmp_path / "labels.tsv"
    labels.write_text(f"dev\tdoc-a\t{at}\t{at + 11}\tThe company\tAcme Holdings\n", encoding="utf-8")
    result: dict[str, Any] = evaluate("quotes", polnear, split="dev", speaker_labels=labels)
    nominal = result["speaker_resolution"]["nominal"]
    assert nominal["found"] == 1 and nominal["kept"] == 1 and nominal["wrong"] == 0 and nominal["right"] == 0
    assert nominal["accuracy"] == 0.0  # a gap still counts against accuracy


def test_two_apostrophes_make_a_gold_content_direct() -> None:
    text = "''We will win,'' she said."
    assert _is_direct(text, [(0, 16)]) and not _is_direct("We will win, she said.", [(0, 11)])


def test_scores_on_the_small_article(polnear: Path) -> None:
    result: dict[str, Any] = evaluate("quotes", polnear, split="dev")
    assert result["gold_attributions"] == 3
    assert result["quote_recall"] == 1.0 and result["quote_precision"] == 1.0
    assert result["speaker_accuracy"] == 1.0
    assert result["direct"]["gold"] == 2 and result["reported"]["gold"] == 1


# Measured on PolNeAR dev (84 articles, 2,192 attributions) with the bundled pipeline; see
# docs/benchmarks.md. Floors a little under the measured numbers.
DEV_QUOTE_F1_FLOOR = 0.54
DEV_DIRECT_F1_FLOOR = 0.84
DEV_SPEAKER_ACCURACY_FLOOR = 0.90
# Of the labelled "he"/"she" sources of dev the product reads (120 of 194), right after resolution: 0.850
# measured (0.578 before issue #22's resolver); dev was held out while the rules were written on train.
DEV_PRONOUN_RESOLUTION_FLOOR = 0.83
# Descriptions ("the former president", "the company"): of the names the product asserts for them, right:
# 0.800 measured (24 of 30; 0.821 when it read 5 fewer). Guarded as precision since 2026-12-05: reading more
# sources had lowered right / read from 0.697 to 0.632 with no resolver change (3 of the 5 more were left as
# written, which names nobody), and a wrong name, not a description left standing, is the harm.
DEV_NOMINAL_PRECISION_FLOOR = 0.76
DEV_NOMINAL_RIGHT_FLOOR = 23  # right answers never fewer than before the quote-recall changes
SPEAKER_LABELS = Path(__file__).parent / "quotes" / "data" / "polnear_speakers.tsv"


@pytest.mark.shared
def test_polnear_dev_scores(datasets_dir: Path) -> None:
    result: dict[str, Any] = evaluate("quotes", datasets_dir / "polnear", split="dev", speaker_labels=SPEAKER_LABELS)
    assert result["documents"] == 84
    assert result["quote_f1"] >= DEV_QUOTE_F1_FLOOR
    assert result["direct"]["f1"] >= DEV_DIRECT_F1_FLOOR
    assert result["speaker_accuracy"] >= DEV_SPEAKER_ACCURACY_FLOOR
    pronouns, nominals = result["speaker_resolution"]["pronoun"], result["speaker_resolution"]["nominal"]
    assert pronouns["labelled"] == 194 and pronouns["found"] >= 100
    assert pronouns["accuracy"] >= DEV_PRONOUN_RESOLUTION_FLOOR
    assert nominals["labelled"] == 97 and nominals["precision"] >= DEV_NOMINAL_PRECISION_FLOOR
    assert nominals["right"] >= DEV_NOMINAL_RIGHT_FLOOR
