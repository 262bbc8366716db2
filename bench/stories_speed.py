"""Story clustering at scale: build a 100,000-article pile, add 1,000 more, and how far
adding in batches drifts from building at once.

Usage:
    .venv/bin/python bench/stories_speed.py [--docs 100000] [--add 1000] [--agreement-docs 20000] [--json]

The pile is generated from BBC News raw articles (../shared/datasets/bbc_news_raw),
deterministically. Stories of 40 articles: each story takes one BBC article as its event,
invents eight names for it (four syllables each, so 160,000 possible names) that replace the
article's capitalised words, and starts on a day of a two-year span. Each of its articles is
dated within seven days of the start and holds ten sentences of the event article (drawn with
replacement, in order) and three sentences of other BBC articles. BBC articles are reused by
several stories (2,500 stories over 2,225 articles), as real piles hold several stories of
one kind. The gold story of each article is known, so story BCubed F1 is reported too (a
sanity check of scale, not a quality benchmark: the real ones are ECB+ and WikiRef220).

Measured:

* ``build``: ``StoryBuilder.build`` on ``--docs`` articles (vectors, one pass, re-assignment,
  topics), wall time and peak resident memory;
* ``add``: ``StoryBuilder.add`` of ``--add`` further articles (half in stories already in
  the pile, half in new stories), wall time;
* ``agreement``: adjusted Rand index and BCubed F1 between the story labels of one build of
  ``--agreement-docs`` articles and of a build of the first half followed by ``add`` calls of
  1,000 articles (in date order, the way a pile grows); the same on ECB+ (undated, shuffled
  as in ``newsdossier eval stories``) when ../shared/datasets/ecbplus is there.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from sklearn.metrics import adjusted_rand_score  # noqa: E402

from newsdossier.eval.stories import SHUFFLE_SEED, bcubed, read_ecbplus  # noqa: E402
from newsdossier.reuse.tokens import _BREAK  # noqa: E402
from newsdossier.stories import StoryBuilder, StoryDoc  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "datasets"
STORY = 40
NAMES = 8
EVENT_SENTENCES, OTHER_SENTENCES = 10, 3
START = date(2019, 1, 1)
SPAN_DAYS = 730
_SYLLABLES = "ka ro mi te sul van dor eli pra zun hal ber qui nos tav lem gor ush fen ri".split()


def load_articles(data: Path) -> list[tuple[str, list[str]]]:
    articles = []
    for path in sorted((data / "bbc_news_raw" / "bbc").rglob("*.txt")):
        if path.name == "README.TXT":
            continue
        title, _, body = path.read_text(encoding="latin-1").partition("\n")
        sentences = [s.strip() for s in _BREAK.split(body) if len(s.split()) >= 6]
        if len(sentences) >= 5:
            articles.append((title.strip(), sentences))
    return articles


class Pile:
    """Article ``n`` of the synthetic pile, made on demand from its number."""

    def __init__(self, articles: list[tuple[str, list[str]]]) -> None:
        self.articles = articles
        self._stories: dict[int, tuple[str, list[str], date]] = {}

    def _story(self, story: int) -> tuple[str, list[str], date]:
        if story not in self._stories:
            rng = random.Random(story * 7919)
            names = ["".join(rng.choice(_SYLLABLES) for _ in range(4)).capitalize() for _ in range(NAMES)]
            title, sentences = self.articles[rng.randrange(len(self.articles))]

            def rename(sentence: str) -> str:
                words = sentence.split()
                return " ".join(names[hash_word(w) % NAMES] if k and w[:1].isupper() and w.isalpha() else w
                                for k, w in enumerate(words))

            self._stories[story] = (rename(title), [rename(s) for s in sentences],
                                    START + timedelta(days=rng.randrange(SPAN_DAYS)))
        return self._stories[story]

    def doc(self, n: int) -> StoryDoc:
        story = n // STORY
        title, sentences, start = self._story(story)
        rng = random.Random(n)
        picked = sorted(rng.randrange(len(sentences)) for _ in range(EVENT_SENTENCES))
        body = [sentences[k] for k in picked]
        for _ in range(OTHER_SENTENCES):
            other = self.articles[rng.randrange(len(self.articles))][1]
            body.insert(rng.randrange(len(body) + 1), other[rng.randrange(len(other))])
        return StoryDoc(f"a{n}", title, " ".join(body), start + timedelta(days=rng.randrange(7)))


def hash_word(word: str) -> int:
    value = 2166136261
    for char in word.encode():
        value = ((value ^ char) * 16777619) & 0xFFFFFFFF
    return value


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def story_labels(builder: StoryBuilder, docs: list[StoryDoc]) -> list[str]:
    story_of = builder.result().story_of
    return [story_of[d.id] for d in docs]


def agreement(docs: list[StoryDoc], order: list[int], batch: int) -> dict[str, float]:
    """Story labels of one build vs. a build of the first half and adds of ``batch`` articles."""
    at_once = StoryBuilder()
    at_once.build(docs)
    half = len(order) // 2
    grown = StoryBuilder()
    grown.build([docs[n] for n in order[:half]])
    for start in range(half, len(order), batch):
        grown.add([docs[n] for n in order[start:start + batch]])
    once, batches = story_labels(at_once, docs), story_labels(grown, docs)
    return {"ari": round(adjusted_rand_score(once, batches), 4), "b3_f1": round(bcubed(once, batches)[2], 4)}


def run(count: int, added: int, agreement_docs: int, data: Path) -> dict[str, Any]:
    pile = Pile(load_articles(data))
    docs = [pile.doc(n) for n in range(count)]
    random.Random(1).shuffle(docs)
    builder = StoryBuilder()
    started = time.perf_counter()
    builder.build(docs)
    build_seconds = time.perf_counter() - started
    result = builder.result()
    gold = [d.id for d in docs]
    b3 = bcubed([str(int(g[1:]) // STORY) for g in gold], [result.story_of[g] for g in gold])
    # Half of the new articles continue stories of the pile (its last stories, still alive),
    # half open new stories after it.
    first_new_story = count // STORY
    more = [pile.doc(n) for n in range(count - added // 2, count)]  # same numbers -> same stories
    more = [StoryDoc(f"b{d.id}", d.title, d.text, d.published) for d in more]
    more += [pile.doc(n) for n in range(first_new_story * STORY, first_new_story * STORY + added - len(more))]
    started = time.perf_counter()
    builder.add(more)
    add_seconds = time.perf_counter() - started
    report: dict[str, Any] = {
        "docs": count, "build_seconds": round(build_seconds, 1), "docs_per_second": round(count / build_seconds),
        "stories": len(result.stories), "topics": len(result.topics), "gold_stories": count // STORY,
        "story_b3": [round(x, 4) for x in b3], "added": len(more), "add_seconds": round(add_seconds, 2),
        "peak_mib": round(peak_mib()),
    }
    if agreement_docs:
        sample = [pile.doc(n) for n in range(agreement_docs)]
        order = sorted(range(len(sample)), key=lambda n: (sample[n].published, n))
        report["agreement_synthetic"] = {"docs": agreement_docs, "batch": 1000, **agreement(sample, order, 1000)}
    ecbplus = data / "ecbplus"
    if ecbplus.is_dir():
        gold_docs = read_ecbplus(ecbplus)
        order = list(range(len(gold_docs)))
        random.Random(SHUFFLE_SEED).shuffle(order)
        ecb = [StoryDoc(d.id, d.title, d.text) for d in gold_docs]
        report["agreement_ecbplus"] = {"docs": len(ecb), "batch": 50, **agreement(ecb, order, 50)}
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--add", type=int, default=1_000)
    parser.add_argument("--agreement-docs", type=int, default=20_000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared datasets folder")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report = run(args.docs, args.add, args.agreement_docs, args.data)
    print(json.dumps(report, indent=2) if args.json else "\n".join(f"{k}: {v}" for k, v in report.items()))


if __name__ == "__main__":
    main()
