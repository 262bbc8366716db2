"""Speed of the time stage: articles per second of extraction + normalisation, one process.

Usage:
    .venv/bin/python bench/timex_speed.py [--docs 2225] [--repeat 3] [--json]

Texts are BBC News articles (../shared/datasets/bbc_news_raw, 2,225 articles of 2004-2005, about
380 words each), cycled to ``--docs``, each with a publication date (2005-03-01) so every relative
expression is resolved. Measured: :func:`newsdossier.timex.find_time_expressions` over every text,
with sentences split by punctuation (``build`` passes the NLP stage's sentences instead, which
is the same work minus the split), best of ``--repeat`` runs. One process: the stage runs
inside the build's single pass over the analyses, so a second core does not serve it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

BBC = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "bbc_news_raw" / "bbc"
PUBLISHED = date(2005, 3, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2225)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from newsdossier.timex import find_time_expressions

    files = sorted(BBC.glob("*/*.txt"))
    if not files:
        sys.exit(f"no BBC articles under {BBC}")
    base = [f.read_text(encoding="latin-1") for f in files]
    texts = [base[i % len(base)] for i in range(args.docs)]
    best = float("inf")
    found = 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        found = sum(len(find_time_expressions(text, PUBLISHED)) for text in texts)
        best = min(best, time.perf_counter() - started)
    words = sum(len(t.split()) for t in texts)
    result = {"docs": len(texts), "words": words, "seconds": round(best, 3),
              "articles_per_second": round(len(texts) / best, 1), "words_per_second": round(words / best),
              "expressions": found, "expressions_per_article": round(found / len(texts), 2)}
    print(json.dumps(result) if args.json else "\n".join(f"{k:<24} {v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
