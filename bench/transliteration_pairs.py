"""Pairwise merging of person names on the transliteration sets in tests/entities/.

Usage:
    .venv/bin/python bench/transliteration_pairs.py [--json] [--misses] [--set dev|heldout]

``dev`` (transliterations.py) is the set the folds and thresholds were tuned on; ``heldout``
(transliterations_heldout.py) was written after they were fixed and scored once.

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

import transliterations  # noqa: E402
import transliterations_heldout  # noqa: E402

from newsdossier.entities.resolve import names_match  # noqa: E402


SETS = {"dev": transliterations, "heldout": transliterations_heldout}


def pairs(name: str = "dev") -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    same, keep_apart = SETS[name].SAME_PERSON, SETS[name].KEEP_APART
    positives = [p for group in same for p in itertools.combinations(group, 2)]
    names = [(n, g) for g, group in enumerate(same) for n in group]
    negatives = [(a, b) for (a, ga), (b, gb) in itertools.combinations(names, 2) if ga != gb]
    return positives, negatives + list(keep_apart)


def score(decide: object, name: str = "dev") -> dict[str, float | int]:
    positives, negatives = pairs(name)
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
    parser.add_argument("--set", choices=sorted(SETS), default="dev",
                        help="dev: the set the rules were tuned on; heldout: names scored once, after tuning")
    args = parser.parse_args()
    result = {"set": args.set, "names_match": score(lambda a, b: names_match(a, b, "PER") is not None, args.set),
              "exact_string": score(lambda a, b: a == b, args.set)}
    if args.misses:
        positives, negatives = pairs(args.set)
        result["missed"] = [f"{a} / {b}" for a, b in positives if names_match(a, b, "PER") is None]  # type: ignore[assignment]
        result["false"] = [f"{a} / {b}" for a, b in negatives if names_match(a, b, "PER") is not None]  # type: ignore[assignment]
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
