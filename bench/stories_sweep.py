"""The threshold sweep behind the story clustering's constants, on ECB+ development topics only.

Usage:
    .venv/bin/python bench/stories_sweep.py [--data ../shared/datasets/ecbplus] [--json]

Scores ``StoryBuilder.build`` (blinded, shuffled as in ``newsdossier eval stories``) on the
ECB+ topics 2, 5, 12, 18, 21, 23, 34 and 35 for every pair of story threshold
(``story_min``, cosine) and topic cut (``topic_max_distance``, average-linkage cosine
distance). The chosen constants live in ``newsdossier.stories.cluster``; the test topics are
never looked at here.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import product
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsdossier.eval.stories import _run_blinded, _scores, read_ecbplus  # noqa: E402
from newsdossier.stories import StoryBuilder, StoryDoc  # noqa: E402
from newsdossier.stories.cluster import Clustering  # noqa: E402

DEV_TOPICS = frozenset({"2", "5", "12", "18", "21", "23", "34", "35"})
STORY_MIN = (0.2, 0.25, 0.3, 0.35)
TOPIC_MAX_DISTANCE = (0.8, 0.85, 0.9, 0.93)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "datasets" / "ecbplus")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    docs = [d for d in read_ecbplus(args.data) if d.topic in DEV_TOPICS]
    rows = []
    for story_min, topic_distance in product(STORY_MIN, TOPIC_MAX_DISTANCE):
        def clusterer(blinded, story_min=story_min, topic_distance=topic_distance):  # type: ignore[no-untyped-def]
            builder = StoryBuilder(Clustering(story_min=story_min, topic_max_distance=topic_distance))
            builder.build([StoryDoc(d.id, d.title, d.text) for d in blinded])
            result = builder.result()
            return [result.topic_of(d.id) for d in blinded], [result.story_of[d.id] for d in blinded]

        scores = _scores(docs, "ecbplus", *_run_blinded(clusterer, docs))
        rows.append({"story_min": story_min, "topic_max_distance": topic_distance,
                     "topic_b3_f1": scores["topic_b3_f1"], "subtopic_b3_f1": scores["subtopic_b3_f1"]})
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"ECB+ development topics: {len(docs)} documents")
    print("story_min  topic_max_distance  topic_b3_f1  subtopic_b3_f1")
    for row in rows:
        print(f"{row['story_min']:<10} {row['topic_max_distance']:<19} {row['topic_b3_f1']:<12} {row['subtopic_b3_f1']}")


if __name__ == "__main__":
    main()
