"""Short aligned excerpts that show a reader what changed between a source and its copy."""

from __future__ import annotations

import re
from typing import Final

from rapidfuzz.distance import Levenshtein

from newsdossier.model import AlignedSpan

__all__ = ["marked_excerpt"]

_WORD: Final = re.compile(r"\S+")
EXCERPT_MAX_WORDS: Final = 45


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _key(word: str) -> str:
    return re.sub(r"\W", "", word.casefold())


def marked_excerpt(source_text: str, target_text: str, span: AlignedSpan, *,
                   max_words: int = EXCERPT_MAX_WORDS) -> str:
    """The start of an aligned passage as one line: '... Iran's [most storied → worst] commander ...'."""
    source = _words(source_text[span.source_start:span.source_end])[:max_words]
    target = _words(target_text[span.target_start:span.target_end])[:max_words]
    ops = Levenshtein.opcodes([_key(w) for w in source], [_key(w) for w in target])
    parts: list[str] = []
    for op in ops:
        old = " ".join(source[op.src_start:op.src_end])
        new = " ".join(target[op.dest_start:op.dest_end])
        if op.tag == "equal":
            parts.append(new)
        elif op.tag == "replace":
            parts.append(f"[{old} → {new}]")
        elif op.tag == "delete":
            parts.append(f"[−{old}]")
        else:
            parts.append(f"[+{new}]")
    return " ".join(parts) + (" …" if len(source) == max_words or len(target) == max_words else "")
