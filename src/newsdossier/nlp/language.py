"""What the bundled pipeline changes in spaCy's English defaults for news text.

* **Tokenizer**: a hyphen between letters no longer splits a word, so transliterated names
  ("al-Kadhemi", "Abu Mahdi al-Muhandis") and compounds stay one token, as CoNLL-2003 (the
  NER training data) tokenises them. Dashes (en, em, double hyphen) still split.
* **Sentences** (component ``newsdossier_sentences``, before the parser): rules rather than a
  statistical splitter, because the parser is trained on only ~4,000 web sentences and news
  has regular cues. A sentence ends at a line break, or after ``. ! ? …`` (plus any closing
  quotes or brackets) when the next word starts like a sentence (capital letter, digit,
  opening quote or bracket). Abbreviations ("U.S.", "Jan.", "Gen.") are single tokens in
  spaCy's English exceptions, so they never end a sentence. Every other token is marked
  as *not* starting a sentence, and the parser respects both.
"""

from __future__ import annotations

from typing import Any

__all__ = ["SENTENCES_COMPONENT", "news_tokenizer", "set_sentence_starts"]

SENTENCES_COMPONENT = "newsdossier_sentences"
_ENDS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})
_OPENERS = frozenset({'"', "'", "“", "‘", "(", "[", "«", "—", "-"})


def _starts_like_sentence(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or text in _OPENERS or first in "“‘\"'(["


def set_sentence_starts(doc: Any) -> Any:
    """Mark every token of ``doc`` as starting a sentence or not (see the module docstring)."""
    import numpy
    from spacy.attrs import SENT_START

    starts = []
    ended = False  # the previous word closed a sentence (".", or "." followed by closers)
    line_break = False
    previous_space = True
    for i, token in enumerate(doc):
        text = token.text
        is_space = token.is_space
        # A quote or bracket glued to a sentence end closes it ('No."'); one after a space opens the next.
        closing = ended and text in _CLOSERS and not previous_space
        if i == 0:
            start = True
        elif is_space or closing:
            start = False
        else:
            start = line_break or (ended and _starts_like_sentence(text))
        starts.append(1 if start else -1)
        if is_space:
            line_break = line_break or "\n" in text
            continue
        previous_space = bool(token.whitespace_)
        line_break = "\n" in token.whitespace_
        if text in _ENDS:
            ended = True
        elif not closing:
            ended = False
    # One array write: setting Token.is_sent_start one token at a time costs a pass over the
    # whole document per token (spaCy checks the parse each time), quadratic in article length.
    if starts:
        doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1))
    return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(SENTENCES_COMPONENT):
        Language.component(SENTENCES_COMPONENT, func=set_sentence_starts)


_register()


def news_tokenizer(nlp: Any) -> Any:
    """spaCy's English tokenizer without the letter-hyphen-letter infix split."""
    from spacy.util import compile_infix_regex

    infixes = [pattern.replace("(?:-|–|—|--|---|——|~)", "(?:–|—|--|---|——|~)") for pattern in nlp.Defaults.infixes]
    if infixes == list(nlp.Defaults.infixes):
        raise RuntimeError("spaCy's English hyphen infix rule has changed; update news_tokenizer")
    tokenizer = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return tokenizer
