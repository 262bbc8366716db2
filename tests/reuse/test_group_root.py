"""A near-duplicate group whose origin is not the member it grew from, and does not align with it on its
own, keeps that member (issue #25's 10,000-article trial crashed here with a KeyError).

The pile: texts made of paragraphs of BBC News articles (../shared/datasets/bbc_news_raw) drawn at random
(seed 25), as the 10,000-article trial pile of docs/benchmarks.md ("Dossier UI") was; six share one long
paragraph and form one such group."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsdossier.clean import clean, prepare
from newsdossier.model import Format, RawDocument
from newsdossier.reuse import find_reuse

GROUP = (263, 3646, 4005, 4411, 6177, 9613)


def synthetic_pile(bbc: Path, count: int, seed: int = 25) -> list[str]:
    """``count`` texts of 4-10 paragraphs drawn at random from BBC articles, each under a random headline."""
    paragraphs: list[str] = []
    titles: list[str] = []
    for path in sorted(bbc.glob("*/*.txt")):
        lines = path.read_text(errors="ignore").split("\n")
        titles.append(lines[0])
        paragraphs += [line for line in lines[1:] if len(line.split()) > 12]
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        body = "\n\n".join(rng.sample(paragraphs, rng.randint(4, 10)))
        texts.append(rng.choice(titles) + "\n\n" + body + "\n")
    return texts


@pytest.mark.shared
def test_a_group_keeps_the_member_it_grew_from(datasets_dir: Path) -> None:
    bbc = datasets_dir / "bbc_news_raw" / "bbc"
    if not bbc.is_dir():
        pytest.skip(f"needs {bbc}")
    texts = synthetic_pile(bbc, max(GROUP) + 1)
    articles = [clean(prepare(RawDocument(f"{n:05d}.txt", None, Format.TEXT, "text/plain", texts[n].encode(), "utf-8",
                                          texts[n]))) for n in GROUP]
    result = find_reuse(articles, workers=1)
    assert [sorted(f.articles) for f in result.families] == [sorted(a.id for a in articles)]
    assert len({(link.source, link.target) for link in result.links}) == len(result.links) == len(articles) - 1
