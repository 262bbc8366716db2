"""Name the relation between two aligned articles, with a score and readable evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from newsdossier.model import Relation
from newsdossier.reuse.align import Alignment

__all__ = ["Verdict", "judge"]

# Thresholds, first set from the seed pile (the spun pair covers 0.94 of both texts at 0.75
# word identity; no independent pair aligns a sentence) and checked on the synthetic pile
# (bench/reuse_synthetic.py, docs/benchmarks.md).
MIN_ALIGNED_SENTENCES: Final = 2
# Below this share of the shorter text aligned, shared sentences are quotes or a shared
# paragraph, not a copy of the article.
MIN_SHORTER_COVERAGE: Final = 0.5
VERBATIM_MIN_COVERAGE: Final = 0.97
VERBATIM_MIN_IDENTITY: Final = 0.99
COPY_MIN_IDENTITY: Final = 0.9  # syndicated copies and excerpts: light edits only
# Light edits change a few words in a whole story; a spinner changes one word in ten or
# more. Measured on the synthetic pile: syndicated copies stay under 0.01 substitutions per
# aligned word, spun rewrites at a 10 % rate reach 0.04.
SPUN_MIN_SUBSTITUTION_RATE: Final = 0.02
# An excerpt holds at most about two thirds of its source; a syndicated copy trims less.
EXCERPT_MAX_LONGER_COVERAGE: Final = 0.65
EXCERPT_MIN_SHORTER_COVERAGE: Final = 0.8


@dataclass(frozen=True, slots=True)
class Verdict:
    relation: Relation | None
    score: float
    evidence: str
    a_coverage: float
    b_coverage: float


def _coverage(aligned: int, total: int) -> float:
    return aligned / total if total else 0.0


def judge(alignment: Alignment) -> Verdict:
    """The relation the alignment shows, or ``None`` for independently written texts."""
    a_cov = _coverage(alignment.a_words_aligned, len(alignment.a.tokens))
    b_cov = _coverage(alignment.b_words_aligned, len(alignment.b.tokens))
    aligned_words = max(alignment.a_words_aligned, alignment.b_words_aligned)
    identity = alignment.matched_words / aligned_words if aligned_words else 0.0
    substitutions = len(alignment.substitutions)
    shorter_cov, longer_cov = (a_cov, b_cov) if len(alignment.a.tokens) <= len(alignment.b.tokens) else (b_cov, a_cov)
    evidence = (f"{len(alignment.pairs)} of {len(alignment.a.sentences)}/{len(alignment.b.sentences)} sentences "
                f"aligned; {shorter_cov:.0%} of the shorter text and {longer_cov:.0%} of the longer covered; "
                f"{identity:.0%} of aligned words identical; {substitutions} single-word substitutions")
    rate = substitutions / aligned_words if aligned_words else 0.0
    relation = _relation(len(alignment.pairs), shorter_cov, longer_cov, identity, rate)
    score = round(shorter_cov * (identity if relation != Relation.SPUN_REWRITE else 1.0), 3)
    return Verdict(relation, score if relation else 0.0, evidence, a_cov, b_cov)


def _relation(aligned: int, shorter_cov: float, longer_cov: float, identity: float,
              substitution_rate: float) -> Relation | None:
    if aligned < MIN_ALIGNED_SENTENCES or shorter_cov < MIN_SHORTER_COVERAGE:
        return None
    if identity >= VERBATIM_MIN_IDENTITY and min(shorter_cov, longer_cov) >= VERBATIM_MIN_COVERAGE:
        return Relation.VERBATIM
    if substitution_rate >= SPUN_MIN_SUBSTITUTION_RATE or identity < COPY_MIN_IDENTITY:
        return Relation.SPUN_REWRITE
    if longer_cov < EXCERPT_MAX_LONGER_COVERAGE and shorter_cov >= EXCERPT_MIN_SHORTER_COVERAGE:
        return Relation.EXCERPT
    return Relation.SYNDICATED
