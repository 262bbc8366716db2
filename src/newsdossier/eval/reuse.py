"""Sentence-pair reuse detection scored on PAN-2010 pairs and on MSRP.

``data_dir`` is the ``paraphrase_reuse_pairs`` folder, holding

* ``mt-metrics-paraphrase-corpus/pan-{train,test}_s1.txt``, ``..._s2.txt``, ``pan-{split}.labels``:
  the PAN-2010 plagiarism pairs of Madnani, Tetreault & Chodorow (NAACL 2012), one sentence
  per line, labels 1 = reuse (copied, "spun" by word substitution, or paraphrased by a
  person), 0 = another sentence of the same source. Train 10,000 / test 3,000, balanced.
* ``msr-paraphrase-corpus/msr_paraphrase_{train,test}.txt``: the Microsoft Research
  Paraphrase Corpus, tab-separated with a header (Quality, #1 ID, #2 ID, #1 String, #2 String).
  News sentences; "paraphrase" there is stricter than reuse, so it is scored for context only.

:func:`evaluate_reuse` scores the bundled :class:`newsdossier.reuse.pairs.PairModel` on both
test splits; ``bench/train_pair_model.py`` uses the loaders here to train it.

Example::

    python -m newsdossier.eval.reuse --data ../shared/datasets/paraphrase_reuse_pairs
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsdossier.errors import EvalDataError

__all__ = ["PairSet", "binary_metrics", "evaluate_reuse", "load_msrp", "load_pan"]

PAN_DIR = "mt-metrics-paraphrase-corpus"
MSRP_DIR = "msr-paraphrase-corpus"
SPLITS = ("train", "test")
MSRP_COLUMNS = 5  # Quality, #1 ID, #2 ID, #1 String, #2 String


@dataclass(frozen=True, slots=True)
class PairSet:
    """Labelled text pairs of one split of one corpus (label 1 = reuse/paraphrase)."""

    name: str
    pairs: tuple[tuple[str, str], ...]
    labels: tuple[int, ...]


def load_pan(data_dir: str | Path, split: str) -> PairSet:
    """PAN pairs of ``split`` ("train" or "test") from ``data_dir``/mt-metrics-paraphrase-corpus."""
    folder = _corpus_dir(data_dir, PAN_DIR, split)
    first = _read_lines(folder / f"pan-{split}_s1.txt")
    second = _read_lines(folder / f"pan-{split}_s2.txt")
    label_path = folder / f"pan-{split}.labels"
    labels = _read_lines(label_path)
    if not len(first) == len(second) == len(labels):
        raise EvalDataError(
            f"{folder}: pan-{split}_s1.txt, _s2.txt and .labels must have one line per pair; "
            f"got {len(first)}, {len(second)} and {len(labels)} lines"
        )
    return PairSet(f"pan-{split}", tuple(zip(first, second)), _parse_labels(labels, label_path))


def load_msrp(data_dir: str | Path, split: str) -> PairSet:
    """MSRP pairs of ``split`` ("train" or "test") from ``data_dir``/msr-paraphrase-corpus."""
    path = _corpus_dir(data_dir, MSRP_DIR, split) / f"msr_paraphrase_{split}.txt"
    # Split on tabs, not with the csv module: sentences hold unbalanced double quotes.
    rows = [line.split("\t") for line in _read_lines(path, encoding="utf-8-sig")[1:] if line.strip()]
    bad = next((n for n, row in enumerate(rows, start=2) if len(row) != MSRP_COLUMNS), None)
    if bad is not None or not rows:
        where = f"line {bad} has not" if bad else "no rows with"
        raise EvalDataError(f"{path}: {where} {MSRP_COLUMNS} tab-separated columns (Quality, #1 ID, #2 ID, #1 String, #2 String)")
    labels = _parse_labels([row[0] for row in rows], path)
    return PairSet(f"msrp-{split}", tuple((row[3], row[4]) for row in rows), labels)


def binary_metrics(labels: Sequence[int] | np.ndarray, predicted: Sequence[bool] | np.ndarray) -> dict[str, float]:
    """Accuracy, and precision/recall/F1 of the positive (reuse) class; 0 where undefined."""
    y = np.asarray(labels, dtype=bool)
    p = np.asarray(predicted, dtype=bool)
    if y.shape != p.shape or y.size == 0:
        raise ValueError(f"labels and predictions must be non-empty and equally long ({y.size} vs {p.size})")
    tp = int((y & p).sum())
    precision = tp / int(p.sum()) if p.any() else 0.0
    recall = tp / int(y.sum()) if y.any() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"accuracy": float((y == p).mean()), "precision": precision, "recall": recall, "f1": f1}


def evaluate_reuse(data_dir: str | Path, *, model: Any = None) -> dict[str, Any]:
    """Score ``model`` (default: the bundled pair model) on PAN test and MSRP test.

    Returns ``accuracy``, ``f1``, ``precision``, ``recall`` and ``pairs`` on PAN test,
    ``msrp_accuracy``, ``msrp_f1`` and ``msrp_pairs`` on MSRP test, ``seconds`` (all of
    it, loading included) and ``pairs_per_second`` (features and model, both sets).
    Raises :class:`EvalDataError` when ``data_dir`` is not laid out as described above.
    """
    from newsdossier.reuse.pairs import bundled_pair_model

    started = time.perf_counter()
    pan, msrp = load_pan(data_dir, "test"), load_msrp(data_dir, "test")
    scorer = model if model is not None else bundled_pair_model()
    scoring_started = time.perf_counter()
    pan_metrics = binary_metrics(pan.labels, scorer.predict(pan.pairs))
    msrp_metrics = binary_metrics(msrp.labels, scorer.predict(msrp.pairs))
    scoring = time.perf_counter() - scoring_started
    return {
        **pan_metrics,
        "pairs": len(pan.pairs),
        "msrp_accuracy": msrp_metrics["accuracy"],
        "msrp_f1": msrp_metrics["f1"],
        "msrp_pairs": len(msrp.pairs),
        "seconds": round(time.perf_counter() - started, 3),
        "pairs_per_second": round((len(pan.pairs) + len(msrp.pairs)) / scoring, 1),
    }


def _corpus_dir(data_dir: str | Path, corpus: str, split: str) -> Path:
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    root = Path(data_dir)
    if not root.is_dir():
        raise EvalDataError(f"{root}: not a directory; pass the paraphrase_reuse_pairs folder (holds {PAN_DIR}/ and {MSRP_DIR}/)")
    folder = root / corpus
    if not folder.is_dir():
        raise EvalDataError(f"{root}: no {corpus}/ folder; pass the paraphrase_reuse_pairs folder (holds {PAN_DIR}/ and {MSRP_DIR}/)")
    return folder


def _read_lines(path: Path, *, encoding: str = "utf-8") -> list[str]:
    try:
        text = path.read_text(encoding=encoding)
    except FileNotFoundError:
        raise EvalDataError(f"{path}: missing") from None
    except (OSError, UnicodeDecodeError) as err:
        raise EvalDataError(f"{path}: not readable as {encoding} text ({err})") from None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the final newline ends the last line; it does not start an empty one
    return [line.rstrip("\r") for line in lines]


def _parse_labels(values: Sequence[str], path: Path) -> tuple[int, ...]:
    labels = tuple(value.strip() for value in values)
    bad = next((n for n, value in enumerate(labels, start=1) if value not in ("0", "1")), None)
    if bad is not None:
        raise EvalDataError(f"{path}: label {bad} is {labels[bad - 1]!r}; labels must be 0 or 1")
    if not labels:
        raise EvalDataError(f"{path}: no pairs")
    return tuple(int(value) for value in labels)


def main(argv: Sequence[str] | None = None) -> int:
    """Score the bundled pair model on PAN test and MSRP test; print JSON."""
    parser = argparse.ArgumentParser(
        prog="python -m newsdossier.eval.reuse",
        description=main.__doc__,
        epilog="Example: python -m newsdossier.eval.reuse --data ../shared/datasets/paraphrase_reuse_pairs",
    )
    parser.add_argument("--data", type=Path, required=True, help=f"folder holding {PAN_DIR}/ and {MSRP_DIR}/")
    args = parser.parse_args(argv)
    try:
        result = evaluate_reuse(args.data)
    except EvalDataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
