"""Connected components as the Spark reuse step finds them in one task (``smallest_labels``), against
a plain union-find: every article labelled by the smallest article it is linked to, directly or not."""

from __future__ import annotations

import random

import pytest

from newsdossier.spark.reuse import smallest_labels


def _union_find(articles: int, edges: list[tuple[int, int]]) -> dict[int, int]:
    parent = list(range(articles))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in edges:
        ra, rb = root(a), root(b)
        parent[max(ra, rb)] = min(ra, rb)
    return {node: root(node) for node in range(articles) if root(node) != node}


def test_no_edges_no_labels() -> None:
    assert list(smallest_labels(5, [])) == []


def test_a_chain_is_labelled_by_its_first_article_whatever_the_direction() -> None:
    assert dict(smallest_labels(6, [(5, 3), (3, 4), (2, 4)])) == {3: 2, 4: 2, 5: 2}


def test_self_links_and_repeated_edges_change_nothing() -> None:
    assert dict(smallest_labels(4, [(1, 1), (3, 1), (1, 3), (3, 1)])) == {3: 1}


@pytest.mark.parametrize("seed", range(20))
def test_random_graphs_match_union_find(seed: int) -> None:
    rng = random.Random(seed)
    articles = rng.randint(1, 300)
    edges = [(rng.randrange(articles), rng.randrange(articles)) for _ in range(rng.randint(0, articles))]
    assert dict(smallest_labels(articles, iter(edges))) == _union_find(articles, edges)
