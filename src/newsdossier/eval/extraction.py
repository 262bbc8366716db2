"""Main-text extraction scored the way the Article Extraction Benchmark scores it.

The Zyte/Scrapinghub Article Extraction Benchmark (AEB) ships 181 news pages
(``html/<id>.html.gz``), their hand-made ``articleBody`` (``ground-truth.json``)
and the outputs of ~30 extractors (``output/*.json``). Its ``evaluate.py``
compares texts as multisets of 4-token shingles; the functions below
reproduce it number for number, so a score here can be set beside the
benchmark's published table. ``tests/test_eval_extraction.py`` checks that
the stored ``output/trafilatura.json`` scores F1 0.9575 here, as it does there.

Computing (:func:`score_outputs`) is separate from running an extractor
(:func:`evaluate_extraction`), so stored outputs and live runs share one scorer.

Example::

    python -m newsdossier.eval.extraction --data ../shared/datasets/article_extraction_benchmark
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsdossier.errors import EvalDataError

__all__ = [
    "AebPage",
    "Extractor",
    "evaluate_extraction",
    "load_aeb",
    "load_output_file",
    "metrics_from_counts",
    "score_outputs",
    "shingle_counts",
]

# The benchmark's own settings (evaluate.py): 4-token shingles, and a 95 %
# interval reported as 1.96 bootstrap standard deviations.
SHINGLE_SIZE = 4
CI_Z = 1.96

GROUND_TRUTH_FILE = "ground-truth.json"
HTML_DIR = "html"
HTML_SUFFIX = ".html.gz"

# Same pattern and flags as the benchmark's tokenizer (IGNORECASE changes nothing for
# \w but is kept so the regex is literally theirs).
_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)

Extractor = Callable[[str, str | None], str]
"""``extractor(html, url) -> main text``; what :func:`evaluate_extraction` runs on each page."""

Counts = tuple[float, float, float]
"""One page's (tp, fp, fn) shingle counts, normalised to sum to 1 (all 0 when both texts are empty)."""


@dataclass(frozen=True, slots=True)
class AebPage:
    """One benchmark page: the HTML as served and the text a person marked as the article."""

    id: str
    url: str | None
    html: str
    article_body: str


def load_aeb(data_dir: str | Path) -> list[AebPage]:
    """Read the benchmark at ``data_dir`` (``ground-truth.json`` + ``html/<id>.html.gz``).

    Raises :class:`EvalDataError` naming the missing or malformed part when the
    directory is not in that layout. Pages come back in ground-truth order.
    """
    root = Path(data_dir)
    ground_truth = _load_ground_truth(root)
    pages = []
    for page_id, record in ground_truth.items():
        html_path = root / HTML_DIR / f"{page_id}{HTML_SUFFIX}"
        try:
            data = gzip.decompress(html_path.read_bytes())
        except FileNotFoundError:
            raise EvalDataError(
                f"{root}: {GROUND_TRUTH_FILE} lists page {page_id} but {html_path} is missing; "
                f"expected one {HTML_DIR}/<id>{HTML_SUFFIX} per ground-truth id"
            ) from None
        except (OSError, EOFError) as err:
            raise EvalDataError(f"{html_path}: not a readable gzip file ({err})") from None
        # The benchmark's pages are all UTF-8; replacement keeps one odd byte from
        # stopping a whole evaluation, and shows up as a lost token at worst.
        html = data.decode("utf-8", errors="replace")
        pages.append(AebPage(page_id, record.get("url"), html, record["articleBody"]))
    return pages


def _load_ground_truth(root: Path) -> dict[str, dict[str, Any]]:
    if not root.is_dir():
        raise EvalDataError(f"{root}: not a directory; pass the folder that holds {GROUND_TRUTH_FILE} and {HTML_DIR}/")
    path = root / GROUND_TRUTH_FILE
    if not path.is_file():
        raise EvalDataError(
            f"{root}: no {GROUND_TRUTH_FILE}; expected the Article Extraction Benchmark layout "
            f"({GROUND_TRUTH_FILE} + {HTML_DIR}/<id>{HTML_SUFFIX})"
        )
    try:
        ground_truth = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise EvalDataError(f"{path}: not valid UTF-8 JSON ({err})") from None
    if not isinstance(ground_truth, dict) or not ground_truth:
        raise EvalDataError(f"{path}: expected a non-empty object mapping page id -> {{articleBody, url}}")
    for page_id, record in ground_truth.items():
        if not isinstance(record, dict) or not isinstance(record.get("articleBody"), str):
            raise EvalDataError(f"{path}: entry {page_id!r} has no string 'articleBody'")
    return ground_truth


def load_output_file(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read one ``output/<system>.json`` as ``{id: {"articleBody": ...}}``.

    Older files are that mapping directly; newer ones wrap it as
    ``{"output": {...}, "version": "..."}``. Both are accepted.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvalDataError(f"{path}: no such output file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise EvalDataError(f"{path}: not valid UTF-8 JSON ({err})") from None
    if isinstance(data, dict) and isinstance(data.get("output"), dict):
        data = data["output"]
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise EvalDataError(f"{path}: expected {{id: {{'articleBody': ...}}}}, optionally under an 'output' key")
    return data


# --- the benchmark's metric -------------------------------------------------------------


def _tokenize(text: str | None) -> list[str]:
    return _TOKEN_RE.findall(text or "")


def _shingles(text: str | None, n: int) -> Counter[tuple[str, ...]]:
    tokens = _tokenize(text)
    # As in evaluate.py: a text shorter than n tokens is one (short) shingle, an empty one none.
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_counts(true: str | None, pred: str | None, *, ngram_n: int = SHINGLE_SIZE) -> Counts:
    """(tp, fp, fn) over multisets of ``ngram_n``-token shingles, divided by their sum.

    Dividing by the sum makes every page weigh the same whatever its length.
    """
    true_shingles = _shingles(true, ngram_n)
    pred_shingles = _shingles(pred, ngram_n)
    tp = fp = fn = 0.0
    for key in true_shingles.keys() | pred_shingles.keys():
        true_count = true_shingles.get(key, 0)
        pred_count = pred_shingles.get(key, 0)
        tp += min(true_count, pred_count)
        fp += max(0, pred_count - true_count)
        fn += max(0, true_count - pred_count)
    total = tp + fp + fn
    if total > 0:
        return (tp / total, fp / total, fn / total)
    return (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def metrics_from_counts(counts: Sequence[Counts]) -> dict[str, float]:
    """Mean precision over pages that predicted something, mean recall over pages with
    a ground truth, F1 the harmonic mean of the two means (not a mean of per-page F1s)."""
    precisions = [_precision(tp, fp, fn) for tp, fp, fn in counts if tp + fp > 0]
    recalls = [_recall(tp, fp, fn) for tp, fp, fn in counts if tp + fn > 0]
    if not precisions or not recalls:
        raise EvalDataError("nothing to score: no page has both a ground truth and a prediction")
    precision = statistics.mean(precisions)
    recall = statistics.mean(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def score_outputs(
    ground_truth: Mapping[str, Mapping[str, Any]],
    predictions: Mapping[str, Mapping[str, Any]],
    *,
    n_bootstrap: int = 0,
    seed: int = 0,
) -> dict[str, Any]:
    """Score ``predictions`` against ``ground_truth``, both ``{id: {"articleBody": text}}``.

    Returns ``precision``, ``recall``, ``f1``, ``accuracy`` (share of pages whose
    token sequence is exactly right), ``pages`` and ``per_page`` (id -> [tp, fp, fn]).
    With ``n_bootstrap > 0`` also ``<metric>_ci``: 1.96 standard deviations of
    ``n_bootstrap`` page resamples drawn with ``seed``, as the benchmark reports them.
    Like the benchmark, refuses predictions whose ids differ from the ground truth's.
    """
    if ground_truth.keys() != predictions.keys():
        missing = sorted(ground_truth.keys() - predictions.keys())
        extra = sorted(predictions.keys() - ground_truth.keys())
        raise EvalDataError(
            f"prediction ids do not match ground truth: {len(missing)} missing (first: {missing[:3]}), "
            f"{len(extra)} unknown (first: {extra[:3]})"
        )
    per_page: dict[str, Counts] = {}
    exact = []
    for page_id, record in ground_truth.items():
        true = record.get("articleBody", "")
        pred = predictions[page_id].get("articleBody", "")
        per_page[page_id] = shingle_counts(true, pred)
        exact.append(float(_tokenize(true) == _tokenize(pred)))
    counts = list(per_page.values())
    result: dict[str, Any] = metrics_from_counts(counts)
    result["accuracy"] = statistics.mean(exact)
    result["pages"] = len(counts)
    if n_bootstrap > 0:
        result.update(_bootstrap_intervals(counts, exact, n_bootstrap, seed))
    result["per_page"] = {page_id: list(c) for page_id, c in per_page.items()}
    return result


def _bootstrap_intervals(counts: list[Counts], exact: list[float], n_bootstrap: int, seed: int) -> dict[str, float]:
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {}
    n = len(counts)
    for _ in range(n_bootstrap):
        indices = [rng.randint(0, n - 1) for _ in range(n)]
        for key, value in metrics_from_counts([counts[i] for i in indices]).items():
            samples.setdefault(key, []).append(value)
        samples.setdefault("accuracy", []).append(statistics.mean(exact[i] for i in indices))
    return {f"{key}_ci": CI_Z * statistics.stdev(values) for key, values in samples.items() if len(values) > 1}


# --- running an extractor ---------------------------------------------------------------


def _default_extractor(html: str, url: str | None) -> str:
    from newsdossier.clean.html import extract_html  # late: keeps the scorer free of trafilatura

    return extract_html(html, url=url).text


def evaluate_extraction(
    data_dir: str | Path,
    *,
    extractor: Extractor | None = None,
    n_bootstrap: int = 0,
) -> dict[str, Any]:
    """Run ``extractor(html, url) -> text`` on every benchmark page and score the texts.

    The default extractor is ``extract_html(html, url=url).text``. Returns the
    :func:`score_outputs` dict plus ``seconds`` (extraction time only, not loading
    or scoring), ``pages_per_second`` and ``empty`` (pages with no extracted text).
    An exception from the extractor propagates, with the page id added as a note.
    """
    extractor = extractor or _default_extractor
    pages = load_aeb(data_dir)
    predictions: dict[str, dict[str, str]] = {}
    seconds = 0.0
    for page in pages:
        start = time.perf_counter()
        try:
            text = extractor(page.html, page.url)
        except Exception as err:
            err.add_note(f"while extracting benchmark page {page.id} ({page.url})")
            raise
        seconds += time.perf_counter() - start
        predictions[page.id] = {"articleBody": text or ""}
    ground_truth = {page.id: {"articleBody": page.article_body} for page in pages}
    result = score_outputs(ground_truth, predictions, n_bootstrap=n_bootstrap)
    result["seconds"] = seconds
    result["pages_per_second"] = len(pages) / seconds if seconds > 0 else float("inf")
    result["empty"] = sum(1 for p in predictions.values() if not p["articleBody"].strip())
    return result


# --- command line -----------------------------------------------------------------------


def _trafilatura_extractor(**options: Any) -> Extractor:
    import trafilatura

    def run(html: str, url: str | None) -> str:
        return trafilatura.extract(html, url=url, **options) or ""

    return run


# Baselines for comparison; all but "trafilatura" (its defaults) leave out reader comments.
_EXTRACTORS: dict[str, Callable[[], Extractor]] = {
    "newsdossier": lambda: _default_extractor,
    "trafilatura": lambda: _trafilatura_extractor(),
    "trafilatura-no-comments": lambda: _trafilatura_extractor(include_comments=False),
    "trafilatura-precision": lambda: _trafilatura_extractor(favor_precision=True, include_comments=False),
    "trafilatura-recall": lambda: _trafilatura_extractor(favor_recall=True, include_comments=False),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Score an extractor, or stored outputs, on the Article Extraction Benchmark."""
    parser = argparse.ArgumentParser(
        prog="python -m newsdossier.eval.extraction",
        description=main.__doc__,
        epilog="Example: python -m newsdossier.eval.extraction --data ../shared/datasets/article_extraction_benchmark",
    )
    parser.add_argument("--data", type=Path, required=True, help="benchmark folder (ground-truth.json, html/)")
    parser.add_argument(
        "--extractor",
        choices=sorted(_EXTRACTORS),
        default="newsdossier",
        help="what to run (default: newsdossier; trafilatura-* baselines without comments but for 'trafilatura')",
    )
    parser.add_argument("--stored", type=Path, help="score this output/<system>.json instead of running an extractor")
    parser.add_argument("--bootstrap", type=int, default=0, metavar="N", help="add 95%% intervals from N resamples")
    parser.add_argument("--per-page", action="store_true", help="keep per-page [tp, fp, fn] in the JSON")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)  # trafilatura warns about every page it finds no text in
    try:
        if args.stored:
            ground_truth = _load_ground_truth(args.data)
            result = score_outputs(ground_truth, load_output_file(args.stored), n_bootstrap=args.bootstrap)
        else:
            extractor = _EXTRACTORS[args.extractor]()
            result = evaluate_extraction(args.data, extractor=extractor, n_bootstrap=args.bootstrap)
    except EvalDataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if not args.per_page:
        result.pop("per_page")
    json.dump(result, sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
