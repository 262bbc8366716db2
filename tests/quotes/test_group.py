"""Grouping one quote across articles: copies, spun rewrites, and rewrites of rewrites."""

from __future__ import annotations

from newsdossier.quotes.group import group_quotes
from newsdossier.quotes.model import Quote, TextSpan


def _quote(article: str, text: str, start: int = 0) -> Quote:
    return Quote(article, (TextSpan(start, start + len(text), text),), True, None, None, None, "unknown")


ORIGINAL = "We will rebuild the bridge before the winter comes"
SPUN = "We will reconstruct the bridge before the winter arrives"
SPUN_AGAIN = "We shall reconstruct the bridge before the winter arrives"


def test_copies_of_one_quote_are_one_group() -> None:
    groups = group_quotes([_quote("a", ORIGINAL), _quote("b", ORIGINAL.upper() + "!")])
    assert len(groups) == 1
    assert [q.article for q in groups[0].sources] == ["a", "b"]
    assert groups[0].reworded == frozenset()


def test_a_spun_quote_joins_its_originals_words() -> None:
    groups = group_quotes([_quote("a", ORIGINAL), _quote("b", SPUN)], spun_sources={"b": "a"})
    assert len(groups) == 1
    assert groups[0].quote.content.text == ORIGINAL
    assert groups[0].reworded == frozenset({1})


def test_a_spin_of_a_spin_joins_the_first_original() -> None:
    # c spun from b, b spun from a: c's quote matches b's, which is itself grouped under a's words.
    # This chain raised KeyError in a build of the synthetic pile.
    quotes = [_quote("a", ORIGINAL), _quote("b", SPUN), _quote("c", SPUN_AGAIN)]
    groups = group_quotes(quotes, spun_sources={"b": "a", "c": "b"})
    assert len(groups) == 1
    assert groups[0].quote.article == "a"
    assert [q.article for q in groups[0].sources] == ["a", "b", "c"]
    assert groups[0].reworded == frozenset({1, 2})


def test_rewrites_matched_in_a_circle_do_not_lose_a_quote() -> None:
    quotes = [_quote("a", SPUN), _quote("b", SPUN_AGAIN)]
    groups = group_quotes(quotes, spun_sources={"a": "b", "b": "a"})
    assert sorted(q.article for g in groups for q in g.sources) == ["a", "b"]
    assert len(groups) == 1
    assert groups[0].quote.article == "a"  # the first in pile order keeps its words


def test_a_spun_quote_with_no_counterpart_keeps_its_words_and_says_so() -> None:
    groups = group_quotes([_quote("a", ORIGINAL), _quote("b", "Nobody expected the storm to last a week")],
                          spun_sources={"b": "a"})
    assert len(groups) == 2
    orphan = next(g for g in groups if g.quote.article == "b")
    assert orphan.reworded_only
