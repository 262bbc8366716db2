"""Reuse on the seed pile and on variants made from it: relations, directions, families, scale."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash

from newsdossier.clean import clean, prepare
from newsdossier.executor import LocalExecutor
from newsdossier.model import Article, Format, RawDocument, Relation, SourceHints
from newsdossier.reuse import find_reuse
from newsdossier.reuse.direction import wire_credit
from newsdossier.reuse.excerpt import marked_excerpt
from newsdossier.reuse.minhash import MinHasher, estimate_jaccard
from newsdossier.reuse.tokens import tokenize

PILE = Path(__file__).resolve().parents[2] / "demo" / "pile"


def article(text: str, name: str, *, url: str | None = None, published: date | None = None,
            fmt: Format = Format.TEXT, outlet: str | None = None) -> Article:
    hints = SourceHints(url=url or f"https://example.org/{name}", published=published, outlet=outlet)
    raw = RawDocument(name, None, fmt, "text/plain", text.encode(), "utf-8", text, hints)
    return clean(prepare(raw))


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    return {p.name[:3]: article(p.read_text(encoding="utf-8"), p.name) for p in sorted(PILE.glob("*.txt"))}


def test_seed_pile_links_only_the_spun_rewrite(seeds: dict[str, Article]) -> None:
    result = find_reuse(list(seeds.values()))
    assert len(result.links) == 1
    link = result.links[0]
    assert (link.source, link.target) == (seeds["001"].id, seeds["004"].id)
    assert link.relation == Relation.SPUN_REWRITE and link.direction_known
    assert "AFP" in link.direction_evidence
    assert len(result.families) == 4
    family = next(f for f in result.families if seeds["001"].id in f.articles)
    assert set(family.articles) == {seeds["001"].id, seeds["004"].id} and family.origin == "AFP"


def test_link_spans_point_at_the_aligned_text(seeds: dict[str, Article]) -> None:
    link = find_reuse([seeds["001"], seeds["004"]]).links[0]
    first = link.spans[0]
    source = seeds["001"].text[first.source_start:first.source_end]
    target = seeds["004"].text[first.target_start:first.target_end]
    assert source.startswith("One year after US forces assassinated")
    assert target.startswith("One year after U.S. forces attacked")
    excerpt = marked_excerpt(seeds["001"].text, seeds["004"].text, first)
    assert "[assassinated → attacked]" in excerpt


def _paragraphs(a: Article) -> list[str]:
    return a.text.split("\n\n")


def test_verbatim_copy_with_other_furniture(seeds: dict[str, Article]) -> None:
    body = seeds["001"].text
    copy = article(f"Welcome to Other Site\n\nOne year on, Iraq tensions boil\n\n{body}\n\nRead more: Something else\n",
                   "copy.txt", published=date(2021, 1, 5))
    result = find_reuse([seeds["001"], copy])
    assert [(l.relation, l.target) for l in result.links] == [(Relation.VERBATIM, copy.id)]
    assert len(result.families) == 1


def test_excerpt_points_from_the_longer_text(seeds: dict[str, Article]) -> None:
    paragraphs = _paragraphs(seeds["001"])
    excerpt = article("Iraq tensions\n\n" + "\n\n".join(paragraphs[4:14]), "excerpt.txt")
    [link] = find_reuse([excerpt, seeds["001"]]).links
    assert (link.relation, link.source, link.target) == (Relation.EXCERPT, seeds["001"].id, excerpt.id)


def test_syndicated_copy_with_light_edits(seeds: dict[str, Article]) -> None:
    paragraphs = _paragraphs(seeds["001"])[:-2]
    edited = "\n\n".join(paragraphs).replace("premier", "prime minister").replace("boiling", "running high")
    copy = article("Tensions in Iraq a year after the strike\n\n" + edited + "\n\n(AFP)", "syndicated.txt")
    [link] = find_reuse([seeds["001"], copy]).links
    assert link.relation == Relation.SYNDICATED


def test_wire_copy_cut_to_half_is_still_syndicated(seeds: dict[str, Article]) -> None:
    # Both pages credit AFP: however much the copy trimmed, it runs the agency's story.
    paragraphs = _paragraphs(seeds["001"])
    copy = article("Iraq a year on\n\n" + "\n\n".join(paragraphs[:len(paragraphs) // 2]) + "\n\n(AFP)", "half.txt")
    assert copy.credit == "AFP"
    [link] = find_reuse([seeds["001"], copy]).links
    assert link.relation == Relation.SYNDICATED
    assert "both credit AFP" in link.evidence


def test_uncredited_copy_of_most_of_a_story_is_an_excerpt(seeds: dict[str, Article]) -> None:
    paragraphs = _paragraphs(seeds["001"])
    copy = article("Iraq a year on\n\n" + "\n\n".join(paragraphs[:round(len(paragraphs) * 0.7)]), "most.txt")
    assert wire_credit(copy) is None  # its prose reports through AFP ("told AFP"); no credit line says so
    [link] = find_reuse([seeds["001"], copy]).links
    assert (link.relation, link.source) == (Relation.EXCERPT, seeds["001"].id)


def test_agency_own_page_is_the_source_of_a_same_day_copy(seeds: dict[str, Article]) -> None:
    day = date(2021, 1, 3)
    body = seeds["001"].text
    own = article(f"Iraq a year on\n\n{body}", "afp.txt", published=day, outlet="AFP")
    copy = article(f"Iraq a year on\n\n{body}\n\n(AFP)", "copy.txt", published=day, outlet="The Daily Example")
    for pile in ([own, copy], [copy, own]):
        [link] = find_reuse(pile).links
        assert (link.source, link.target) == (own.id, copy.id)
        assert link.direction_known and "published by AFP itself" in link.direction_evidence


def test_independent_reports_on_the_same_story_stay_apart(seeds: dict[str, Article]) -> None:
    result = find_reuse([seeds["000"], seeds["001"], seeds["002"], seeds["003"]])
    assert result.links == ()
    assert len(result.families) == 4


def test_short_and_empty_texts_never_collapse() -> None:
    stubs = [article(text, f"s{n}.txt") for n, text in enumerate(
        ["", "Subscribe to read.", "", "Register now to read three free articles every month."])]
    result = find_reuse(stubs)
    assert result.links == () and len(result.families) == 4


def test_shared_disclaimer_alone_is_not_a_copy(seeds: dict[str, Article]) -> None:
    disclaimer = ("This story has been published from a wire agency feed without modifications to the text. "
                  "Only the headline has been changed by the editors of this site.")
    a = article(seeds["000"].text + "\n\n" + disclaimer, "a.txt")
    b = article(seeds["002"].text + "\n\n" + disclaimer, "b.txt")
    assert find_reuse([a, b]).links == ()


def test_thousands_of_copies_stay_linear(seeds: dict[str, Article]) -> None:
    original = seeds["001"]
    copies = [Article(**{**{f: getattr(original, f) for f in original.__slots__}, "id": f"c{n:05d}"})
              for n in range(2000)]
    started = time.perf_counter()
    result = find_reuse([original, *copies])
    elapsed = time.perf_counter() - started
    assert len(result.families) == 1 and len(result.links) == 2000
    assert elapsed < 20  # ~1 s here; quadratic would be 2 million comparisons


def test_minhash_agrees_with_datasketch() -> None:
    words_a = tokenize(" ".join(f"w{i}" for i in range(300))).forms
    words_b = words_a[:150] + tokenize(" ".join(f"x{i}" for i in range(150))).forms
    hasher = MinHasher(num_perm=256)
    ours = estimate_jaccard(hasher.signature(words_a), hasher.signature(words_b))
    shingles = [set(" ".join(w[i:i + 5]) for i in range(len(w) - 4)) for w in (words_a, words_b)]
    truth = len(shingles[0] & shingles[1]) / len(shingles[0] | shingles[1])
    theirs = []
    for shingle_set in shingles:
        m = MinHash(num_perm=256)
        for s in shingle_set:
            m.update(s.encode())
        theirs.append(m)
    assert abs(ours - truth) < 0.08
    assert abs(theirs[0].jaccard(theirs[1]) - truth) < 0.08
    assert np.all(hasher.signature(words_a) == hasher.signature(words_a))


@pytest.mark.quality  # slow: processes, big inputs or benchmark data (make quality)
def test_signatures_do_not_depend_on_the_process_hash_seed() -> None:
    import subprocess
    import sys

    code = ("from newsdossier.reuse.minhash import MinHasher; "
            "print(MinHasher().signature(tuple('the strike hit a convoy near the airport road'.split())).tolist())")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={"PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outputs) == 1


@pytest.mark.quality  # slow: processes, big inputs or benchmark data (make quality)
def test_reuse_does_not_depend_on_views_kept_or_processes(seeds: dict[str, Article]) -> None:
    # Views are made again once they fall out of the cache, and alignment may run in worker
    # processes (on slimmed copies of the articles): the links must be the very same.
    paragraphs = _paragraphs(seeds["001"])
    pile = list(seeds.values()) + [
        article("\n\n".join(paragraphs), "copy.txt", published=date(2021, 1, 5)),
        article("Iraq tensions\n\n" + "\n\n".join(paragraphs[4:14]), "excerpt.txt"),
        article("\n\n".join(paragraphs[:-2]).replace("premier", "prime minister") + "\n\n(AFP)", "syndicated.txt"),
        article(seeds["004"].text + "\n\nShare this story", "spun-copy.txt"),
    ]
    kept_all, kept_one = find_reuse(pile, views_kept=10_000), find_reuse(pile, views_kept=1)
    two_processes = find_reuse(pile, workers=2, views_kept=1)
    with LocalExecutor(2) as pool:
        # a caller's executor keeps each worker's views from one pile to the next (a Spark worker runs
        # many tasks): the pile in another order first, so that a view kept by position would be wrong
        find_reuse(list(reversed(pile)), executor=pool)
        on_pool = find_reuse(pile, executor=pool)
    assert len(kept_all.links) >= 5
    assert {link.relation for link in kept_all.links} >= {Relation.VERBATIM, Relation.EXCERPT, Relation.SPUN_REWRITE}
    for other in (kept_one, two_processes, on_pool):
        assert other.links == kept_all.links and other.families == kept_all.families
        assert other.pairs_compared == kept_all.pairs_compared
