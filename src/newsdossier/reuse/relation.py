"""Name the relation between two aligned articles, with a score and readable evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import simplemma
from wordfreq import zipf_frequency

from newsdossier.model import Relation
from newsdossier.reuse.align import Alignment
from newsdossier.stopwords import english_stop_words

__all__ = ["Verdict", "judge", "synonym_substitutions"]

# Thresholds, first set from the seed pile (the spun pair covers 0.94 of both texts at 0.75
# word identity; no independent pair aligns a sentence) and checked on the synthetic pile
# (bench/reuse_synthetic.py, docs/benchmarks.md).
MIN_ALIGNED_SENTENCES: Final = 2
# Below this share of the shorter text aligned, shared sentences are quotes or a shared
# paragraph, not a copy of the article.
MIN_SHORTER_COVERAGE: Final = 0.5
# Verbatim: both texts (nearly) all aligned, and nothing left out but short lines; page
# furniture the cleaner missed ("Comments (50)") may lower coverage below 0.97 by itself.
VERBATIM_MIN_COVERAGE: Final = 0.9
VERBATIM_MIN_IDENTITY: Final = 0.99
COPY_MIN_IDENTITY: Final = 0.9  # syndicated copies and excerpts: light edits only
# Spinning is word-for-word synonym substitution inside kept sentences; editing is not (issue #22: real
# outlets' edits of one wire story were called spun). Only *synonym-like* substitutions count: both words
# ordinary English content words (not stop words, numbers or names: wordfreq Zipf >= 3) and not two forms
# of one word (simplemma's lemma, or a shared first four letters: "says"/"said", "drunk"/"drunken"). A
# spin shows them at a steady rate and they make up most of its single-word changes; an edit's few
# changes are mostly names, numbers, tenses and misaligned function words. Measured on the ECB+ dev and
# BBC politics links and the synthetic pile (docs/benchmarks.md): spins at 10-40 % have 0.8-1.0 of their
# substitutions synonym-like at 0.015-0.16 per aligned word; real edits 0-0.5 and rarely 5 or more.
SPUN_MIN_SYNONYMS: Final = 5
SPUN_MIN_SYNONYM_RATE: Final = 0.02
SPUN_MIN_SYNONYM_SHARE: Final = 0.6
# A spinner that also reworks sentences (the seed pile's spun pair: 52 of 153 changes synonym-like, 0.063
# per aligned word) is known by volume: this many synonym swaps at this rate. A human rewrite of a lead
# swaps a dozen at most (a BBC revision: 12 of 24, 0.04: "poll" -> "vote", "promised" -> "pledged").
SPUN_MANY_SYNONYMS: Final = 20
SPUN_MANY_SYNONYM_RATE: Final = 0.05
SYNONYM_MIN_ZIPF: Final = 3.0
# An uncredited copy that holds all of itself in its source but leaves out more than a
# tenth of the source is an excerpt. A wire copy cut short is still the wire story: when
# both sides credit the same agency the copy is syndicated, however much was trimmed.
# Measured on the synthetic pile: excerpts of 25-60 % of the paragraphs cover up to 0.82
# of their source's words; uncredited full copies 0.97 or more.
EXCERPT_MAX_LONGER_COVERAGE: Final = 0.9
EXCERPT_MIN_SHORTER_COVERAGE: Final = 0.8
# A verbatim copy leaves out no sentence of this many words (a trimmed paragraph, a
# dropped sentence) on either side; shorter unaligned lines are leftover page furniture.
VERBATIM_MAX_UNALIGNED_SENTENCE_WORDS: Final = 7


@dataclass(frozen=True, slots=True)
class Verdict:
    relation: Relation | None
    score: float
    evidence: str
    a_coverage: float
    b_coverage: float


def _coverage(aligned: int, total: int) -> float:
    return aligned / total if total else 0.0


def _longest_unaligned(alignment: Alignment) -> int:
    """Words in the longest sentence, of either side, that no sentence of the other matches."""
    a_used = {p.a for p in alignment.pairs}
    b_used = {p.b for p in alignment.pairs}
    lengths = [s.last_token - s.first_token for i, s in enumerate(alignment.a.sentences) if i not in a_used]
    lengths += [s.last_token - s.first_token for i, s in enumerate(alignment.b.sentences) if i not in b_used]
    return max(lengths, default=0)


def judge(alignment: Alignment, *, wire: str | None = None) -> Verdict:
    """The relation the alignment shows, or ``None`` for independently written texts.

    ``wire``: the agency both articles credit, if they credit the same one.
    """
    a_cov = _coverage(alignment.a_words_aligned, len(alignment.a.tokens))
    b_cov = _coverage(alignment.b_words_aligned, len(alignment.b.tokens))
    aligned_words = max(alignment.a_words_aligned, alignment.b_words_aligned)
    identity = alignment.matched_words / aligned_words if aligned_words else 0.0
    substitutions = len(alignment.substitutions)
    shorter_cov, longer_cov = (a_cov, b_cov) if len(alignment.a.tokens) <= len(alignment.b.tokens) else (b_cov, a_cov)
    evidence = (f"{len(alignment.pairs)} of {len(alignment.a.sentences)}/{len(alignment.b.sentences)} sentences "
                f"aligned; {shorter_cov:.0%} of the shorter text and {longer_cov:.0%} of the longer covered; "
                f"{identity:.0%} of aligned words identical; {substitutions} single-word substitutions"
                + (f"; both credit {wire}" if wire else ""))
    synonyms = synonym_substitutions(alignment.substitutions)
    spun = _spun(synonyms, substitutions, aligned_words)
    if synonyms:
        evidence += f" ({synonyms} synonym-like)"
    relation = _relation(len(alignment.pairs), shorter_cov, longer_cov, identity, spun,
                         _longest_unaligned(alignment), wire is not None)
    score = round(shorter_cov * (identity if relation != Relation.SPUN_REWRITE else 1.0), 3)
    return Verdict(relation, score if relation else 0.0, evidence, a_cov, b_cov)


def synonym_substitutions(substitutions: list[tuple[str, str]]) -> int:
    """How many single-word substitutions swap one ordinary content word for another word, not for a form
    of itself: what a spinner does ("killed" -> "slain", "help" -> "assist")."""
    return sum(1 for a, b in substitutions if _content(a) and _content(b) and not _forms_of_one_word(a, b))


# Days and times an edit re-anchors ("on Tuesday" -> "yesterday"), which no spinner needs to touch.
_STOP: Final = english_stop_words()
_TIME_WORDS: Final = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
tonight morning afternoon evening night week weekend month year january february march april june july august
september october november december""".split())


def _content(word: str) -> bool:
    return (word.isalpha() and len(word) >= 3 and word not in _STOP and word not in _TIME_WORDS
            and zipf_frequency(word, "en") >= SYNONYM_MIN_ZIPF)


def _forms_of_one_word(a: str, b: str) -> bool:
    shared = 0
    while shared < min(len(a), len(b)) and a[shared] == b[shared]:
        shared += 1
    return shared >= 4 or simplemma.lemmatize(a, lang="en") == simplemma.lemmatize(b, lang="en")


def _spun(synonyms: int, substitutions: int, aligned_words: int) -> bool:
    rate = synonyms / aligned_words if aligned_words else 0.0
    share = synonyms / substitutions if substitutions else 0.0
    return ((synonyms >= SPUN_MIN_SYNONYMS and rate >= SPUN_MIN_SYNONYM_RATE and share >= SPUN_MIN_SYNONYM_SHARE)
            or (synonyms >= SPUN_MANY_SYNONYMS and rate >= SPUN_MANY_SYNONYM_RATE))


def _relation(aligned: int, shorter_cov: float, longer_cov: float, identity: float,
              spun: bool, longest_unaligned: int, wire: bool) -> Relation | None:
    if aligned < MIN_ALIGNED_SENTENCES or shorter_cov < MIN_SHORTER_COVERAGE:
        return None
    if (identity >= VERBATIM_MIN_IDENTITY and min(shorter_cov, longer_cov) >= VERBATIM_MIN_COVERAGE
            and longest_unaligned <= VERBATIM_MAX_UNALIGNED_SENTENCE_WORDS):
        return Relation.VERBATIM
    if wire and identity >= COPY_MIN_IDENTITY:
        # The same agency's story on both pages: a spinner strips the credit, an excerpt
        # does not carry it; a few changed words in a short wire copy are an edit, not a spin.
        return Relation.SYNDICATED
    if spun:
        return Relation.SPUN_REWRITE
    if longer_cov < EXCERPT_MAX_LONGER_COVERAGE and shorter_cov >= EXCERPT_MIN_SHORTER_COVERAGE:
        return Relation.EXCERPT
    return Relation.SYNDICATED
