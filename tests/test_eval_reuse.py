"""The reuse benchmark: metrics by table, loaders and layout errors on tiny made-up corpora,
the real data's keys, and a quality gate for the bundled model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsdossier.errors import EvalDataError
from newsdossier.eval.reuse import (
    binary_metrics,
    evaluate_reuse,
    load_msrp,
    load_pan,
    main,
)

# Measured with `python -m newsdossier.eval.reuse --data ../shared/datasets/paraphrase_reuse_pairs`
# on the bundled model (bench/train_pair_model.py, scikit-learn 1.9.1): PAN test accuracy
# 0.9533, MSRP test accuracy 0.7212. The gate allows 0.005 of drift from library updates
# (rapidfuzz, wordfreq data) that move a feature slightly.
MEASURED_PAN_ACCURACY = 0.9533
MEASURED_MSRP_ACCURACY = 0.7212
GATE_SLACK = 0.005

EXPECTED_KEYS = {"accuracy", "f1", "precision", "recall", "pairs", "msrp_accuracy", "msrp_f1", "seconds"}

MSRP_HEADER = "\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"


@pytest.mark.parametrize(
    ("labels", "predicted", "expected"),
    [
        ([1, 0, 1, 0], [True, False, True, False], {"accuracy": 1.0, "precision": 1.0, "recall": 1.0, "f1": 1.0}),
        # tp 1, fp 1, fn 1, tn 1
        ([1, 1, 0, 0], [True, False, True, False], {"accuracy": 0.5, "precision": 0.5, "recall": 0.5, "f1": 0.5}),
        ([1, 1, 0], [False, False, False], {"accuracy": 1 / 3, "precision": 0.0, "recall": 0.0, "f1": 0.0}),
    ],
)
def test_binary_metrics(labels: list[int], predicted: list[bool], expected: dict[str, float]) -> None:
    assert binary_metrics(labels, predicted) == pytest.approx(expected)


def test_binary_metrics_needs_equal_non_empty_inputs() -> None:
    with pytest.raises(ValueError):
        binary_metrics([1, 0], [True])
    with pytest.raises(ValueError):
        binary_metrics([], [])


# --- a tiny corpus in the benchmark's layout ---------------------------------------------

SAME = "The minister resigned on Friday after weeks of pressure over the budget."
SPUN = "The minister quit on Friday after weeks of strain over the budget."
OTHER = "Heavy rain is expected across the north of the country this weekend."


def write_corpus(root: Path, *, labels: str = "1\n0\n", msrp_row: str | None = None) -> Path:
    pan = root / "mt-metrics-paraphrase-corpus"
    msrp = root / "msr-paraphrase-corpus"
    pan.mkdir(parents=True)
    msrp.mkdir()
    for split in ("train", "test"):
        (pan / f"pan-{split}_s1.txt").write_text(f"{SAME}\n{SAME}\n", encoding="utf-8")
        (pan / f"pan-{split}_s2.txt").write_text(f"{SPUN}\n{OTHER}\n", encoding="utf-8")
        (pan / f"pan-{split}.labels").write_text(labels, encoding="utf-8")
        rows = msrp_row or f'1\t1\t2\t{SAME}\t"{SPUN}\n0\t3\t4\t{SAME}\t{OTHER}\n'
        (msrp / f"msr_paraphrase_{split}.txt").write_text(MSRP_HEADER + rows, encoding="utf-8")
    return root


def test_loaders_read_the_layout(tmp_path: Path) -> None:
    root = write_corpus(tmp_path)
    pan = load_pan(root, "test")
    assert pan.pairs == ((SAME, SPUN), (SAME, OTHER))
    assert pan.labels == (1, 0)
    msrp = load_msrp(root, "train")
    assert msrp.pairs[0] == (SAME, f'"{SPUN}')  # an unbalanced quote stays text
    assert msrp.labels == (1, 0)


def test_evaluate_reuse_on_a_tiny_corpus(tmp_path: Path) -> None:
    result = evaluate_reuse(write_corpus(tmp_path))
    assert EXPECTED_KEYS <= result.keys()
    assert result["pairs"] == 2
    assert result["accuracy"] == 1.0


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda root: root / "nowhere", "not a directory"),
        (lambda root: root, "no mt-metrics-paraphrase-corpus/ folder"),
        (lambda root: write_corpus(root, labels="1\n"), "one line per pair"),
        (lambda root: write_corpus(root, labels="1\nyes\n"), "label 2 is 'yes'"),
        (lambda root: _without(write_corpus(root), "mt-metrics-paraphrase-corpus/pan-test_s2.txt"), "pan-test_s2.txt: missing"),
        (lambda root: write_corpus(root, msrp_row="1\tonly three\tcolumns\n"), "tab-separated columns"),
        (lambda root: _without(write_corpus(root), "msr-paraphrase-corpus"), "no msr-paraphrase-corpus/ folder"),
    ],
)
def test_layout_errors_say_what_is_wrong(tmp_path: Path, setup: Any, message: str) -> None:
    with pytest.raises(EvalDataError, match=message):
        evaluate_reuse(setup(tmp_path))


def _without(root: Path, relative: str) -> Path:
    path = root / relative
    if path.is_dir():
        for child in path.iterdir():
            child.unlink()
        path.rmdir()
    else:
        path.unlink()
    return root


def test_main_reports_layout_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data", str(tmp_path)]) == 2
    assert "error:" in capsys.readouterr().err


# --- the real benchmark ------------------------------------------------------------------


@pytest.fixture(scope="module")
def reuse_scores(datasets_dir: Path) -> dict[str, Any]:
    return evaluate_reuse(datasets_dir / "paraphrase_reuse_pairs")


@pytest.mark.shared
def test_wrong_folder_is_an_eval_data_error(datasets_dir: Path) -> None:
    with pytest.raises(EvalDataError, match="pass the paraphrase_reuse_pairs folder"):
        evaluate_reuse(datasets_dir)


@pytest.mark.shared
def test_real_splits_have_their_published_sizes(datasets_dir: Path) -> None:
    root = datasets_dir / "paraphrase_reuse_pairs"
    sizes = {(name, split): len(loader(root, split).pairs) for name, loader in (("pan", load_pan), ("msrp", load_msrp)) for split in ("train", "test")}
    assert sizes == {("pan", "train"): 10_000, ("pan", "test"): 3_000, ("msrp", "train"): 4_076, ("msrp", "test"): 1_725}


@pytest.mark.shared
def test_evaluate_reuse_returns_the_keys(reuse_scores: dict[str, Any]) -> None:
    assert EXPECTED_KEYS <= reuse_scores.keys()
    assert reuse_scores["pairs"] == 3_000
    assert 0.5 < reuse_scores["accuracy"] <= 1.0


@pytest.mark.shared
@pytest.mark.slow
def test_quality_gate(reuse_scores: dict[str, Any]) -> None:
    assert reuse_scores["accuracy"] >= MEASURED_PAN_ACCURACY - GATE_SLACK
    assert reuse_scores["msrp_accuracy"] >= MEASURED_MSRP_ACCURACY - GATE_SLACK
