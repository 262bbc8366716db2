"""Pairwise merging of person names on the transliteration set in tests/entities/transliterations.py.

Usage:
    .venv/bin/python bench/transliteration_pairs.py [--json] [--misses]

Positives are all pairs of spellings within a group (same person); negatives are all pairs of
spellings from different groups plus the KEEP_APART pairs (relatives and namesakes). The
decision is ``newsdossier.entities.resolve.names_match(a, b, "PER")``, the rule the resolver
applies between two people's full names; reported with a plain exact-string baseline.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "entities"))

from transliterations import KEEP_APART, SAME_PERSON  # noqa: E402

from newsdossier.entities.resolve import names_match  # noqa: E402


def pairs() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    positives = [p for group in SAME_PERSON for p in itertools.combinations(group, 2)]
    names = [(n, g) for g, group in enumerate(SAME_PERSON) for n in group]
    negatives = [(a, b) for (a, ga), (b, gb) in itertools.combinations(names, 2) if ga != gb]
    return positives, negatives + list(KEEP_APART)


def score(decide: object) -> dict[str, float | int]:
    positives, negatives = pairs()
    tp = sum(1 for a, b in positives if decide(a, b))  # type: ignore[operator]
    fp = sum(1 for a, b in negatives if decide(a, b))  # type: ignore[operator]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / len(positives)
    return {"precision": precision, "recall": recall, "positives": len(positives), "negatives": len(negatives),
            "true_merges": tp, "false_merges": fp}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--misses", action="store_true", help="list the pairs decided wrongly")
    args = parser.parse_args()
    result = {"names_match": score(lambda a, b: names_match(a, b, "PER") is not None),
              "exact_string": score(lambda a, b: a == b)}
    if args.misses:
        positives, negatives = pairs()
        result["missed"] = [f"{a} / {b}" for a, b in positives if names_match(a, b, "PER") is None]  # type: ignore[assignment]
        result["false"] = [f"{a} / {b}" for a, b in negatives if names_match(a, b, "PER") is not None]  # type: ignore[assignment]
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
