"""How much the stories depend on the order the articles come in, and what consensus over orders buys.

Usage:
    .venv/bin/python bench/stories_orders.py [--data ../shared/datasets] [--orders 6] [--json]

One pass of the story clustering depends on the order the voices come in, and an undated pile has no
order but its input's. For the ECB+ development topics (2, 5, 12, 18, 21, 23, 34, 35), the training
topics (the other 25 of the copy in ``../shared``), the whole copy, and WikiRef220, this scores
(BCubed F1, topic and sub-topic, as ``newsdossier eval stories``):

* ``one_pass``: one pass and re-assignment in a random order, as a build was before consensus (a
  consensus of one run, ``consensus_runs=1``, seeds 0, 100, 200, ...): mean, lowest and highest over
  ``--orders`` orders (the builds now read the voices in an order of their own, so shuffling the input
  no longer changes anything);
* ``consensus``: the shipped build (``CONSENSUS_RUNS`` orders agreed on) at cuts 0.5, 0.6 and 0.7,
  over ``--orders`` consensus seeds (0, 100, 200, ...): its input order plays no part, so what varies
  is only which orders the runs use.

The cut (0.6) was chosen on the ECB+ development and training topics together (the whole copy);
WikiRef220 is reported, not tuned on. ECB+ test topics are not in ``../shared``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import newsdossier.eval.stories as eval_stories  # noqa: E402
from newsdossier.eval.stories import EvalDoc, _run_blinded, _scores, read_ecbplus, read_wikiref  # noqa: E402
from newsdossier.stories import StoryBuilder, StoryDoc  # noqa: E402
from newsdossier.stories.cluster import Clustering  # noqa: E402

DEV_TOPICS = frozenset({"2", "5", "12", "18", "21", "23", "34", "35"})
CUTS = (0.5, 0.6, 0.7)


def _clusterer(make: Callable[[], Clustering]) -> Callable[[Sequence[EvalDoc]], Any]:
    def clusterer(blinded: Sequence[EvalDoc]) -> tuple[list[str], list[str]]:
        builder = StoryBuilder(make())
        builder.build([StoryDoc(d.id, d.title, d.text) for d in blinded])
        result = builder.result()
        return [result.topic_of(d.id) for d in blinded], [result.story_of[d.id] for d in blinded]
    return clusterer


def _summary(scores: list[tuple[float, float]]) -> dict[str, Any]:
    topic, sub = [s[0] for s in scores], [s[1] for s in scores]
    return {"topic_b3_f1": {"mean": round(sum(topic) / len(topic), 4), "min": min(topic), "max": max(topic)},
            "subtopic_b3_f1": {"mean": round(sum(sub) / len(sub), 4), "min": min(sub), "max": max(sub)}}


def _score(docs: list[EvalDoc], kind: str, make: Callable[[], Clustering], shuffle_seed: int) -> tuple[float, float]:
    eval_stories.SHUFFLE_SEED = shuffle_seed  # type: ignore[misc]
    scores = _scores(docs, kind, *_run_blinded(_clusterer(make), docs))
    return scores["topic_b3_f1"], scores["subtopic_b3_f1"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "datasets")
    parser.add_argument("--orders", type=int, default=6)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    ecb = read_ecbplus(args.data / "ecbplus")
    piles = {"ecb_dev": ([d for d in ecb if d.topic in DEV_TOPICS], "ecbplus"),
             "ecb_train": ([d for d in ecb if d.topic not in DEV_TOPICS], "ecbplus"),
             "ecb_whole": (ecb, "ecbplus"),
             "wikiref": (read_wikiref(args.data / "wikiref_clustering"), "wikiref")}
    report: dict[str, Any] = {}
    for name, (docs, kind) in piles.items():
        entry: dict[str, Any] = {"documents": len(docs)}
        entry["one_pass"] = _summary([
            _score(docs, kind, lambda k=k: Clustering(consensus_runs=1, consensus_seed=100 * k), 0)
            for k in range(args.orders)])
        for cut in CUTS:
            entry[f"consensus_{cut}"] = _summary([
                _score(docs, kind, lambda cut=cut, k=k: Clustering(consensus_cut=cut, consensus_seed=100 * k), 0)
                for k in range(args.orders)])
        report[name] = entry
        if not args.json:
            print(name, json.dumps(entry), flush=True)
    if args.json:
        print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
