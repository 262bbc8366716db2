"""Whom "the company said", "the insurer said" and "it said" name, against hand labels.

Usage:
    .venv/bin/newsdossier build DIR --db PILE.db --out OUT
    .venv/bin/python bench/org_speakers.py --db PILE.db [--labels FILE] [--split dev|test] [--json]

``DIR`` holds the articles the labels were made from: for the default labels
(``tests/quotes/data/bbc_org_speakers.tsv``), files 200-399 of
``../shared/datasets/bbc_news_raw/bbc/business``, sorted by name. Scores each labelled source as
:func:`newsdossier.eval.quotes.score_source_labels` does (right, wrong, kept as written or as
described, unknown; ``resolved_precision``, ``accuracy``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import newsdossier
from newsdossier.eval.quotes import read_speaker_labels, score_source_labels

LABELS = Path(__file__).resolve().parents[1] / "tests" / "quotes" / "data" / "bbc_org_speakers.tsv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--split", choices=("dev", "test"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    labels = [label for label in read_speaker_labels(args.labels) if args.split in (None, label.split)]
    pile = newsdossier.open(args.db)
    articles = [{"id": a.id, "source_path": str(a.source_path or "")} for a in pile.articles().items]
    scores = score_source_labels(articles, pile.quotes().items, labels)
    if args.json:
        print(json.dumps(scores, indent=2, sort_keys=True))
    else:
        print(" ".join(f"{key}={value}" for key, value in scores.items()))


if __name__ == "__main__":
    main()
