"""Mention swapping: a training-data augmenter that keeps the NER from memorising names.

CoNLL-2003's test articles are from a later month than its training articles, so most of
their names were never seen in training; a model that learns "Akram is a person" rather than
"a capitalised word before 'said' is a person" scores well on dev and badly on test. With
probability ``level`` an example has each of its entity mentions, with probability one half,
replaced by another mention of the same type from the training data; a person's name is
rebuilt from the first word of one training name and the last word of another, so the
model sees names it cannot have memorised in contexts it has.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

__all__ = ["AUGMENTER", "mention_pool", "swap_mentions"]

AUGMENTER = "newsdossier.mention_swap.v1"
SWAP_SHARE = 0.5  # share of the mentions of an augmented example that are replaced


def mention_pool(docs: list[Any]) -> dict[str, list[list[str]]]:
    """Every distinct entity mention of ``docs``, as words, by label."""
    pool: dict[str, set[tuple[str, ...]]] = {}
    for doc in docs:
        for ent in doc.ents:
            pool.setdefault(ent.label_, set()).add(tuple(t.text for t in ent))
    return {label: sorted(map(list, mentions)) for label, mentions in sorted(pool.items())}


DRAWS = 8  # tries to find a replacement written in the same case as the mention it replaces


def _upper(words: list[str]) -> bool:
    return "".join(words).isupper()


def _draw(mentions: list[list[str]], upper: bool, rng: random.Random) -> list[str]:
    """A mention in the same case style (an all-caps headline gets an all-caps name)."""
    for _ in range(DRAWS):
        mention = rng.choice(mentions)
        if _upper(mention) == upper:
            return mention
    return [w.upper() for w in mention] if upper else mention


def _replacement(label: str, original: list[str], pool: dict[str, list[list[str]]], rng: random.Random) -> list[str]:
    upper = len("".join(original)) > 1 and _upper(original)
    first = _draw(pool[label], upper, rng)
    if label == "PER" and len(first) > 1:
        last = _draw(pool[label], upper, rng)
        return [first[0], last[-1]] if len(last) > 1 else first
    return first


def swap_mentions(example: Any, pool: dict[str, list[list[str]]], rng: random.Random) -> Any:
    """A copy of ``example`` with some entity mentions replaced (see the module docstring)."""
    from spacy.tokens import Doc
    from spacy.training import Example

    reference = example.reference
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    starts = {ent.start: ent for ent in reference.ents}
    i = 0
    while i < len(reference):
        ent = starts.get(i)
        if ent is not None and ent.label_ in pool and rng.random() < SWAP_SHARE:
            new = _replacement(ent.label_, [t.text for t in ent], pool, rng)
            words.extend(new)
            spaces.extend([True] * (len(new) - 1) + [bool(reference[ent.end - 1].whitespace_)])
            tags.extend([f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (len(new) - 1))
            i = ent.end
            continue
        token = reference[i]
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
        tags.append(f"{token.ent_iob_}-{token.ent_type_}" if token.ent_iob_ in ("B", "I") else "O")
        i += 1
    vocab = reference.vocab
    return Example(Doc(vocab, words=words, spaces=spaces), Doc(vocab, words=words, spaces=spaces, ents=tags))


def _register() -> None:
    import spacy

    @spacy.registry.augmenters(AUGMENTER)
    def create_mention_swap(path: str, level: float) -> Callable[[Any, Any], Iterator[Any]]:
        pool = json.loads(Path(path).read_text(encoding="utf-8"))
        rng = random.Random(0)

        def augment(nlp: Any, example: Any) -> Iterator[Any]:
            yield swap_mentions(example, pool, rng) if rng.random() < level else example

        return augment


_register()
