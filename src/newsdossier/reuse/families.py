"""Source families: articles linked by reuse are one independent source."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date

from newsdossier.model import Article, Family, ReuseLink
from newsdossier.reuse.direction import wire_credit

__all__ = ["build_families", "family_origin"]


class _UnionFind:
    def __init__(self, keys: Sequence[str]) -> None:
        self.parent = {key: key for key in keys}

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:  # path compression keeps chains of 10,000 copies flat
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        first, second = sorted((self.find(a), self.find(b)))
        self.parent[second] = first


def family_origin(members: list[Article], links: list[ReuseLink]) -> str:
    """The credited agency; else the member nobody is shown to have copied.

    Among several such members (links whose direction is unknown): the earliest, then the
    one shown to be the source of the most copies, so that a same-day rewrite of unknown
    direction does not displace the page its excerpts and copies were taken from.
    """
    credits = Counter(credit for m in members if (credit := wire_credit(m)))
    if credits:
        return credits.most_common(1)[0][0]
    targets = {link.target for link in links if link.direction_known}
    copied = Counter(link.source for link in links if link.direction_known)
    roots = [m for m in members if m.id not in targets] or members
    return min(roots, key=lambda m: (m.published.value or date.max, -copied[m.id], m.id)).id


def build_families(articles: Sequence[Article], links: Sequence[ReuseLink]) -> list[Family]:
    """Every article in exactly one family; an article nobody copied is a family of one."""
    union = _UnionFind([a.id for a in articles])
    for link in links:
        union.union(link.source, link.target)
    members: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        members[union.find(article.id)].append(article)
    links_by_root: dict[str, list[ReuseLink]] = defaultdict(list)
    for link in links:
        links_by_root[union.find(link.source)].append(link)
    families = []
    for number, root in enumerate(members, start=1):  # in the order of each family's first article
        group = members[root]
        families.append(Family(f"F{number}", family_origin(group, links_by_root[root]), tuple(a.id for a in group)))
    return families
