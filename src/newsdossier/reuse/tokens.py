"""Words and sentences of a cleaned article, with character offsets, normalised for comparison.

Comparison needs a normal form that copies agree on even when outlets restyle them:
"U.S." and "US", curly and straight apostrophes, case. Offsets always point into the
article's cleaned ``text`` so aligned passages can be cited.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import numpy as np

from newsdossier.reuse.hashing import token_spans

__all__ = ["SENTENCE_MARK", "Sentence", "Tokens", "marked_forms", "marked_text", "sentence_words", "sentences",
           "tokenize", "word_forms"]

_WORD: Final = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’]\w+)*")
# The same words in lower-cased ASCII text: half the cost of ``_WORD`` (the acronym branch
# is tried at every letter, and a narrower class fails faster). ASCII lower-casing keeps
# every offset, so both patterns find the same words at the same places.
_ASCII_WORD: Final = re.compile(r"(?:[a-z]\.){2,}|\w+(?:'\w+)*")
# A sentence ends at . ! ? … (and a closing quote) before a capital, a quote or a paragraph
# break; "U.S. President" and "Gen. Qasem" do not end one. The pattern starts with the
# punctuation and looks back over it (rather than looking back before it) so the regex
# engine skips to the next . ! ? … at once: 12x faster, same breaks (tests/reuse/test_tokens.py).
_END: Final = "[.!?…]"
_BREAK: Final = re.compile(
    rf"{_END}(?<![A-Z]{_END})(?<!\b[A-Z][a-z]{_END})(?<!\bMrs{_END})(?<!\bGen{_END})(?<!\bCol{_END})"
    rf"(?<!\bSgt{_END})(?<!\bSen{_END})(?<!\bRep{_END})(?<!\bGov{_END})"
    r"[.!?…]*[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n\s*\n"
)


# Put where a sentence ends by ``marked_text``: a control character, never part of a word.
SENTENCE_MARK: Final = "\x1e"
_ASCII_MARKED: Final = re.compile(_ASCII_WORD.pattern + "|" + SENTENCE_MARK)
# Without one, no acronym ("u.s.") can match, and the byte tokeniser finds the words.
_ACRONYM_HINT: Final = re.compile(r"\.[a-z]\.")  # every "(?:[a-z]\.){2,}" holds one; a literal-led search is fast
_MARKED: Final = re.compile(_WORD.pattern + "|" + SENTENCE_MARK)
_MARK: Final = f" {SENTENCE_MARK} "
# Non-ASCII characters are rewritten before tokenising, run by run, so that nearly every
# text takes the ASCII path: outside words (curly quotes, dashes, "£") they only separate
# words and become spaces; letters become their form's spelling ("é" -> "e": case-folding,
# decomposition and accent stripping are character by character, so a word of rewritten
# characters has the same form as the word normalised whole). A run with a character whose
# form is not plain ASCII (CJK, Arabic) is left as it is, and that text takes the slow path.
_NON_ASCII_RUN: Final = re.compile(r"[^\x00-\x7f]+")
_ASCII_ALNUM: Final = re.compile(r"[a-z0-9]*")
_SPACE: Final = np.uint8(ord(" "))


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of a text: ``forms`` normalised, ``starts``/``ends`` their offsets."""

    forms: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.forms)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its span in the text and the index range of its tokens."""

    start: int
    end: int
    first_token: int
    last_token: int  # exclusive


def _normal(word: str) -> str:
    if word.isascii():  # the common case, 4x cheaper than the Unicode path
        return word.lower().replace(".", "")
    folded = unicodedata.normalize("NFKD", word.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return folded.replace("’", "'").replace(".", "")


def tokenize(text: str) -> Tokens:
    plain = text
    if not plain.isascii():
        # Punctuation and symbols ("’", "£", "—") rewritten one for one keep every offset,
        # and most news texts have no other non-ASCII character: they take the ASCII path.
        plain = _NON_ASCII_RUN.sub(_ascii_punctuation, text)
    if not plain.isascii():
        # So do letters whose form is one ASCII letter ("José", "Erdoğan"), unless a rewritten
        # letter could then start an acronym ("É.U." is two words, "E.U." one)
        lettered = _NON_ASCII_RUN.sub(_ascii_letters, plain)
        if lettered.isascii() and not _ACRONYM_HINT.search(lettered.lower()):
            plain = lettered
    if plain.isascii():
        lowered = plain.lower()
        if not _ACRONYM_HINT.search(lowered):
            # ``token_spans`` finds the same words without a match object each; with every
            # other byte a space, ``split`` cuts out the words in one call
            buffer = np.frombuffer(lowered.encode("ascii"), dtype=np.uint8)
            in_word, starts, ends = token_spans(buffer)
            forms = np.where(in_word, buffer, _SPACE).tobytes().decode("ascii").split()
            return Tokens(tuple(forms), tuple(starts.tolist()), tuple(ends.tolist()))
        matches = list(_ASCII_WORD.finditer(lowered))
        forms = [m.group() for m in matches]
        if "." in text:
            forms = [form.replace(".", "") if "." in form else form for form in forms]
    else:
        matches = list(_WORD.finditer(text))
        forms = [_normal(m.group()) for m in matches]
    return Tokens(tuple(forms), tuple([m.start() for m in matches]), tuple([m.end() for m in matches]))


def sentences(text: str, tokens: Tokens) -> list[Sentence]:
    """Sentences with at least one word, in text order."""
    bounds = [0] + [m.end() for m in _BREAK.finditer(text)] + [len(text)]
    result = []
    token = 0
    for start, end in zip(bounds, bounds[1:], strict=False):
        first, token = token, bisect_left(tokens.starts, end, lo=token)  # the first token at or after ``end``
        if token > first:
            piece = text[start:end]
            stripped_end = end - (len(piece) - len(piece.rstrip()))
            lead = len(piece) - len(piece.lstrip())
            result.append(Sentence(start + lead, stripped_end, first, token))
    return result


def word_forms(text: str) -> tuple[str, ...]:
    """The normalised words alone (``tokenize(text).forms``), faster: no offsets.

    Without offsets to keep, every non-ASCII run can be rewritten ("ß" -> "ss"), unless a
    rewritten letter could then start an acronym (see ``tokenize``).
    """
    plain = text
    if not plain.isascii():
        plain = _NON_ASCII_RUN.sub(_ascii_run, text)
        if not plain.isascii() or _ACRONYM_HINT.search(plain.lower()):
            return tuple([_normal(word) for word in _WORD.findall(text)])
    forms = _ASCII_WORD.findall(plain.lower())
    if "." in plain:
        return tuple([form.replace(".", "") if "." in form else form for form in forms])
    return tuple(forms)


def sentence_words(text: str) -> list[tuple[str, ...]]:
    """The normalised words of each sentence, without offsets (for fingerprinting sentences)."""
    return [words for piece in _BREAK.split(text) if piece and (words := word_forms(piece))]


def marked_forms(text: str) -> list[str]:
    """The normalised words of the whole text with ``SENTENCE_MARK`` between sentences: the
    tokens the fingerprints read (``marked_text`` through the byte tokeniser), as strings.

    The words are those of ``word_forms``, the sentences those of ``sentence_words`` (the
    same breaks), from one pass of each over the whole text instead of one per sentence.
    """
    data = marked_text(text).encode("utf-8", "surrogatepass")
    _, starts, ends = token_spans(np.frombuffer(data, dtype=np.uint8), SENTENCE_MARK)
    return [data[start:end].decode("utf-8", "surrogatepass") for start, end in zip(starts.tolist(), ends.tolist(), strict=True)]


def marked_text(text: str) -> str:
    """The text as the fingerprints' byte tokeniser reads it (``hashing.byte_tokens``).

    Its tokens are the maximal runs of ``[a-z0-9_]`` and non-ASCII bytes, joined across an
    apostrophe between two of them, and each ``SENTENCE_MARK`` (``marked_forms`` lists them).
    Most texts (ASCII once punctuation is rewritten, no acronym) come back
    lower-cased and otherwise as they are, so no Python string is made per word; the others
    as their forms joined by spaces. One difference: a form whose Unicode normalisation
    holds ASCII punctuation ("⑴" is "(1)") is split there.
    """
    marked = _BREAK.sub(_MARK, text)
    if not marked.isascii():
        marked = _NON_ASCII_RUN.sub(_ascii_run, marked)
    if marked.isascii():
        lowered = marked.lower()
        if not _ACRONYM_HINT.search(lowered):
            return lowered
        forms = _ASCII_MARKED.findall(lowered)
        return " ".join([form.replace(".", "") if "." in form else form for form in forms])
    return " ".join([_normal(word) for word in _MARKED.findall(marked)])


def _ascii_punctuation(match: re.Match[str]) -> str:
    """A run of non-ASCII characters without letters or digits as ASCII, one character each
    (``_ascii_spelling`` of such a run); a run with a letter or digit unchanged."""
    run = match.group()
    return run if any(char.isalnum() for char in run) else _ascii_spelling(run)


def _ascii_letters(match: re.Match[str]) -> str:
    """A run of non-ASCII characters one for one in ASCII: a letter or digit as its form
    when that is one ASCII character ("é" -> "e", "Ğ" -> "g"), other characters as
    ``_ascii_spelling`` writes them; the run unchanged if any letter's form is longer ("ß")
    or not ASCII."""
    return _ascii_in_place(match.group())


@lru_cache(maxsize=4096)
def _ascii_in_place(run: str) -> str:
    spelled = _ascii_spelling(run)
    if spelled is run or len(spelled) != len(run):
        return run
    return spelled if all(len(_ascii_spelling(char)) == 1 for char in run) else run


def _ascii_run(match: re.Match[str]) -> str:
    return _ascii_spelling(match.group())


@lru_cache(maxsize=4096)
def _ascii_spelling(run: str) -> str:
    """A run of non-ASCII characters as ASCII (see ``_NON_ASCII_RUN``), or unchanged."""
    parts = []
    for char in run:
        if char == "’":
            parts.append("'")
        elif char.isalnum():
            form = _normal(char)
            if not _ASCII_ALNUM.fullmatch(form):
                return run
            parts.append(form)
        else:
            parts.append(" ")
    return "".join(parts)
