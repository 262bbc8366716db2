"""Learn the event pair scorer on ECB+ (run once, by hand; the result ships with the package).

``python -m newsdossier.events.train_coref --data ../shared/datasets/ecbplus`` reads ECB+'s train
topics (Barhom et al. 2019's split), turns every pair of gold event mentions inside a topic into
the features of :func:`newsdossier.events.coref.pair_features` (all coreferent pairs, a fifth of
the others, drawn with a fixed seed), fits a logistic regression, picks the clustering threshold
that scores best on the dev topics (CoNLL F1, gold mentions), and writes
``events/data/coref_pairs.json``. The test topics (36-45) are never read.
"""

from __future__ import annotations

import argparse
import json
import random
from itertools import combinations
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from newsdossier.events.coref import FEATURES, CorefItem, PairScorer, _similarities, pair_features

OUT: Final = Path(__file__).resolve().parent / "data" / "coref_pairs.json"
NEGATIVE_SHARE: Final = 0.2
THRESHOLDS: Final = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)


def _pairs(items: list[CorefItem], key: Mapping[Any, str], seed: int = 0) -> tuple[list[list[float]], list[int]]:
    rows: list[list[float]] = []
    labels: list[int] = []
    draw = random.Random(seed)
    groups: dict[str, list[CorefItem]] = {}
    for item in items:
        groups.setdefault(item.group, []).append(item)
    for members in groups.values():
        articles, sentences = _similarities(members)
        for i, j in combinations(range(len(members)), 2):
            same = key[members[i].key] == key[members[j].key]
            if not same and draw.random() > NEGATIVE_SHARE:
                continue
            rows.append(pair_features(members[i], members[j], float(articles[i, j]), float(sentences[i, j])))
            labels.append(int(same))
    return rows, labels


def main(argv: list[str] | None = None) -> int:
    from sklearn.linear_model import LogisticRegression

    from newsdossier.eval.coref_metrics import conll_scores
    from newsdossier.eval.event_coref import ecb_items, read_ecb_events
    from newsdossier.events.coref import cluster_mentions
    from newsdossier.nlp import load_pipeline

    parser = argparse.ArgumentParser(prog="python -m newsdossier.events.train_coref")
    parser.add_argument("--data", type=Path, required=True, help="the ECB+ folder (../shared/datasets/ecbplus)")
    args = parser.parse_args(argv)
    nlp = load_pipeline()
    train = ecb_items(read_ecb_events(args.data, "train"), nlp)
    rows, labels = _pairs(train.gold, train.key)
    model = LogisticRegression(max_iter=2000).fit(rows, labels)
    weights = tuple(float(w) for w in model.coef_[0])
    dev = ecb_items(read_ecb_events(args.data, "dev"), nlp)
    tried = {}
    for threshold in THRESHOLDS:
        scorer = PairScorer(weights, float(model.intercept_[0]), threshold)
        tried[threshold] = conll_scores(dev.key, cluster_mentions(dev.gold, scorer))["conll_f1"]
        print(f"threshold {threshold}: dev CoNLL F1 {tried[threshold]:.4f}")
    best = max(tried, key=lambda t: tried[t])
    OUT.write_text(json.dumps({
        "features": list(FEATURES), "weights": list(weights), "intercept": float(model.intercept_[0]),
        "threshold": best, "trained_on": "ECB+ train topics (Barhom et al. 2019 split), gold event mentions; "
        f"{len(rows)} pairs ({sum(labels)} coreferent, {NEGATIVE_SHARE} of the others drawn with seed 0); "
        "threshold chosen on the dev topics", "dev_conll_f1": round(tried[best], 4),
        "licence": "learned from ECB+ (CC BY 3.0, Cybulska and Vossen 2014)",
    }, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: threshold {best}, dev CoNLL F1 {tried[best]:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
