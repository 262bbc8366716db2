"""Align two articles sentence by sentence and count what changed between them.

Passim-style: sentences are anchored on shared rare words (an inverted index over the
second text's content words), then each candidate sentence pair is compared word by
word (Levenshtein over words, rapidfuzz). A spun rewrite keeps the sentence skeleton
and swaps single words, so its sentences align with many one-word replacements; an
independently written report on the same story shares names but not sentences.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Final

from rapidfuzz.distance import Levenshtein

from newsdossier.model import AlignedSpan
from newsdossier.reuse.tokens import Sentence, Tokens, sentences, tokenize

__all__ = ["Alignment", "SentencePair", "TextView", "align", "view"]

# A sentence pair is aligned when at least half its words survive in order. Measured on
# the seed pile: the AFP story and its spun rewrite align at 0.55-1.0; sentences of two
# independently written reports on the same event stay under 0.4.
SENTENCE_SIMILARITY_MIN: Final = 0.5
# Sentence pairs compared per sentence, the best-anchored first: bounds the cost of long texts.
CANDIDATES_PER_SENTENCE: Final = 4
_STOP: Final = frozenset(
    "the a an of to and in on for with at by from as is was were be been are that this it its "
    "his her their he she they we you i not but or which who whom has have had will would said "
    "says after over into about than also more most other one two new there".split()
)


@dataclass(frozen=True, slots=True)
class TextView:
    """A text prepared for alignment: its words and sentences."""

    text: str
    tokens: Tokens
    sentences: tuple[Sentence, ...]

    def words(self, sentence: Sentence) -> tuple[str, ...]:
        return self.tokens.forms[sentence.first_token:sentence.last_token]


def view(text: str) -> TextView:
    tokens = tokenize(text)
    return TextView(text, tokens, tuple(sentences(text, tokens)))


@dataclass(frozen=True, slots=True)
class SentencePair:
    a: int
    b: int
    similarity: float
    matched: int  # words equal in both, in order
    substitutions: tuple[tuple[str, str], ...]  # single words replaced (a's word, b's word)


@dataclass(frozen=True, slots=True)
class Alignment:
    a: TextView
    b: TextView
    pairs: tuple[SentencePair, ...]  # in a's order

    @property
    def a_words_aligned(self) -> int:
        return sum(len(self.a.words(self.a.sentences[p.a])) for p in self.pairs)

    @property
    def b_words_aligned(self) -> int:
        return sum(len(self.b.words(self.b.sentences[p.b])) for p in self.pairs)

    @property
    def matched_words(self) -> int:
        return sum(p.matched for p in self.pairs)

    @property
    def substitutions(self) -> list[tuple[str, str]]:
        return [s for p in self.pairs for s in p.substitutions]

    def spans(self) -> tuple[AlignedSpan, ...]:
        """Runs of consecutive aligned sentences as passages: [a_start, a_end, b_start, b_end]."""
        passages: list[AlignedSpan] = []
        previous: SentencePair | None = None
        for pair in sorted(self.pairs, key=lambda p: p.a):
            a, b = self.a.sentences[pair.a], self.b.sentences[pair.b]
            if previous and pair.a == previous.a + 1 and pair.b == previous.b + 1:
                last = passages[-1]
                passages[-1] = AlignedSpan(last.source_start, a.end, last.target_start, b.end)
            else:
                passages.append(AlignedSpan(a.start, a.end, b.start, b.end))
            previous = pair
        return tuple(passages)


def _content(words: tuple[str, ...]) -> set[str]:
    return {w for w in words if len(w) > 2 and w not in _STOP}


def _has_content(words: tuple[str, ...]) -> bool:
    """``bool(_content(words))``, stopping at the first content word."""
    return any(len(w) > 2 and w not in _STOP for w in words)


def _compare(a_words: tuple[str, ...], b_words: tuple[str, ...], a_index: int, b_index: int) -> SentencePair:
    ops = Levenshtein.editops(a_words, b_words)
    kinds = Counter(op.tag for op in ops)
    matched = len(a_words) - kinds["delete"] - kinds["replace"]
    similarity = matched / max(len(a_words), len(b_words))
    substitutions = tuple((a_words[op.src_pos], b_words[op.dest_pos]) for op in ops if op.tag == "replace")
    return SentencePair(a_index, b_index, similarity, matched, substitutions)


def align(a: TextView, b: TextView) -> Alignment:
    """Sentence pairs of ``a`` and ``b`` that say the same thing in (nearly) the same words."""
    return _align(a, b, exact_first=True)


def _align(a: TextView, b: TextView, *, exact_first: bool) -> Alignment:
    """``align``; with ``exact_first`` a sentence of ``a`` found word for word in ``b`` is paired
    with it at once, without ranking and comparing candidates (a near-duplicate is mostly such
    sentences). The result is the same either way (a property test): an exact pair has the
    highest similarity, which the one-to-one choice below takes first; each sentence of ``b``
    serves one exact pair, a repeated sentence of ``a`` takes the usual path, and so does a
    sentence without content words (never a candidate there); the usual path ranks a
    sentence written word for word first among those sharing as many content words. One
    difference, for the better: a sentence repeated more than ``CANDIDATES_PER_SENTENCE``
    times in ``b`` may fall outside the usual path's candidates and stay unaligned; the
    shortcut pairs it.

    A candidate sentence of ``b`` that an exact pair already holds is not compared: any
    other pair with it is less similar than the exact pair and loses it in the one-to-one
    choice (a repeat of an exact sentence ties at 1.0 and loses on ``a``'s order). An
    excerpt's sentences are all held this way, so aligning one with its source compares none.
    """
    exact: dict[tuple[str, ...], list[int]] = defaultdict(list)
    if exact_first:
        for j, sentence in enumerate(b.sentences):
            if words := b.words(sentence):
                exact[words].append(j)
        for js in exact.values():
            js.reverse()  # pop() hands out the first occurrence first
    scored: list[SentencePair] = []
    held: set[int] = set()  # sentences of b in an exact pair
    rest: list[tuple[int, tuple[str, ...]]] = []
    for i, sentence in enumerate(a.sentences):
        a_words = a.words(sentence)
        same = exact.get(a_words)
        if same and _has_content(a_words):
            j = same.pop()
            held.add(j)
            scored.append(SentencePair(i, j, 1.0, len(a_words), ()))
        else:
            rest.append((i, a_words))
    if rest and len(held) < len(b.sentences):
        index: dict[str, list[int]] = defaultdict(list)
        sizes: list[int] = []  # content words of each sentence of b
        for j, sentence in enumerate(b.sentences):
            content = _content(b.words(sentence))
            sizes.append(len(content))
            for word in content:
                index[word].append(j)
        for i, a_words in rest:
            a_content = _content(a_words)
            shared = Counter(j for w in a_content for j in index.get(w, ()))
            # most shared words first; among those, the sentence closest in size (a sentence
            # written word for word ranks first, so the usual path finds what the shortcut
            # finds); then b's order (not the order of a set of strings, which changes with the
            # process's hash seed)
            size = len(a_content)
            for j, _ in heapq.nsmallest(CANDIDATES_PER_SENTENCE, shared.items(),
                                        key=lambda c: (-c[1], abs(sizes[c[0]] - size), c[0])):
                if j in held:
                    continue
                pair = _compare(a_words, b.words(b.sentences[j]), i, j)
                if pair.similarity >= SENTENCE_SIMILARITY_MIN:
                    scored.append(pair)
    chosen: list[SentencePair] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for pair in sorted(scored, key=lambda p: (-p.similarity, p.a, p.b)):
        if pair.a not in used_a and pair.b not in used_b:
            chosen.append(pair)
            used_a.add(pair.a)
            used_b.add(pair.b)
    return Alignment(a, b, tuple(sorted(chosen, key=lambda p: p.a)))
