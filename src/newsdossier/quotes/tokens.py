"""What the attribution reader knows of an article's words: its quotations, which tokens are cues,
and the word classes the sentence shapes are read with (:mod:`.attribution`, :mod:`.sources`)."""

from __future__ import annotations

from typing import Any, Final

from newsdossier.quotes.cues import CUE_FORMS
from newsdossier.quotes.marks import MARK_TOKENS, find_quote_marks
from newsdossier.quotes.model import TextSpan

__all__ = [
    "ADJUNCT_NOUNS", "Article", "BETWEEN", "FINITE_TAGS", "MAX_OBJECT_TOKENS", "MAX_SOURCE_TOKENS",
    "MIN_CONTINUATION_WORDS", "NEGATIONS", "NP_JOINERS", "NP_POS", "OPENERS", "PHRASE_STOPS", "PREPOSITIONS", "SEPARATORS",
    "SKIP_BEFORE_CONTENT", "SUBJECT_PRONOUNS", "THAT_ONLY", "TIME_WORDS", "WH", "is_cue", "negated", "token_span",
    "trimmed",
]


# Quotation marks that may open a quotation right after a cue, "that" or a colon ("said: “...”").
OPENERS: Final = frozenset({"“", '"', "''", "«", "„"})
# Where a source's description or a name after its cue stops: a clause's punctuation or a quotation mark.
PHRASE_STOPS: Final = frozenset({",", ".", ";"}) | MARK_TOKENS

# Words between a subject and its cue that belong to neither ("he has also warned").
BETWEEN: Final = frozenset("""has have had also recently later earlier then previously once again will would
could may might did does do is was were are be been being not n't never reportedly publicly privately
repeatedly just still further initially quickly had already often however though meanwhile separately too
instead first subsequently immediately flatly bluntly openly simply angrily""".split())
NP_POS: Final = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"})
NP_JOINERS: Final = frozenset({"of", "at", "for", "in", "from", "with", "’s", "'s", "-", "&", "and"})
SEPARATORS: Final = frozenset({",", "”", '"', "''", "—", "–", ":", ";", "»"})
SKIP_BEFORE_CONTENT: Final = frozenset({"that", ":", ",", "—", "–"})
PREPOSITIONS: Final = frozenset({"for", "to", "in", "on", "about", "at", "of", "with", "by", "from"})
# The longest source phrase accepted, in tokens: longer "subjects" are parse errors.
MAX_SOURCE_TOKENS: Final = 16
# Quoted words with no cue of their own make a quote (a continuation) only from this many words.
MIN_CONTINUATION_WORDS: Final = 4
MAX_OBJECT_TOKENS: Final = 4
FINITE_TAGS: Final = frozenset({"VBD", "VBZ", "VBP", "MD"})
TIME_WORDS: Final = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
week month year morning afternoon evening night weekend earlier later""".split())
ADJUNCT_NOUNS: Final = frozenset("""statement interview interviews twitter facebook tweet tweets post speech
letter email emails release conference call video message briefing""".split())
WH: Final = frozenset({"who", "which", "that", "what", "whom", "whose"})
SUBJECT_PRONOUNS: Final = frozenset({"i", "he", "she", "we", "they"})


def token_span(doc: Any, start: int, end: int) -> TextSpan:
    span = doc[start:end]
    return TextSpan(span.start_char, span.end_char, span.text)


def trimmed(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Token range without punctuation at either end (quote marks included)."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


class Article:
    """One article's tokens with its quotations, read once."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy joins the tokens again at every doc.text: read once
        self.quotes = find_quote_marks(self.text)
        self.inside = [False] * len(doc)  # token inside a quotation (marks excluded)
        self.quote_of: dict[int, int] = {}
        for index, quote in enumerate(self.quotes):
            span = doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.inside[token.i] = True
                self.quote_of[token.i] = index

    def frame(self, sentence: Any) -> tuple[int, int]:
        """A sentence's token range widened to the whole of every quotation it touches."""
        start, end = sentence.start, sentence.end
        for quote in self.quotes:
            if quote.start < sentence.end_char and sentence.start_char < quote.end:
                span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
                if span is not None:
                    start, end = min(start, span.start), max(end, span.end)
        return start, end


# Words that deny the cue just before it: "did not say what ...", "declined to say", "never told".
NEGATIONS: Final = frozenset({"not", "n't", "never", "declined", "refused", "declining", "refusing", "wouldn't",
                               "won't", "didn't", "doesn't", "don't", "cannot", "can't", "couldn't"})
# "Find" attributes only with "that" right after it: "the report found that ...", not "officers found a
# 12-gauge shotgun" ("polls show Clinton leading" stays an attribution, as PolNeAR annotates it).
THAT_ONLY: Final = frozenset({"find", "finds", "found", "finding"})


def negated(doc: Any, token: Any) -> bool:
    return any(doc[i].lower_ in NEGATIONS for i in range(max(0, token.i - 3), token.i)
               if not doc[i].is_sent_start or i == token.i - 1)


def is_cue(doc: Any, token: Any) -> bool:
    word = token.lower_
    if word not in CUE_FORMS or token.pos_ in ("DET", "ADP", "PROPN") or negated(doc, token):
        return False
    if word in THAT_ONLY and (token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "that"):
        return False
    before = doc[token.i - 1] if token.i else None
    # "the report", "his claims", "a show": a noun, not a cue
    # "the report", "his claims", "in doubt", "short of demanding", "to maintain": not a cue
    # "4 in 10 say", "55 percent said": after a number, a verb the tagger reads as one is a cue
    counted = before is not None and before.pos_ == "NUM" and token.pos_ == "VERB"
    return not (before is not None and (before.pos_ in ("DET", "ADP") or (before.pos_ == "NUM" and not counted)
                                        or before.tag_ == "PRP$"
                                        or (before.pos_ == "ADJ" and before.is_lower)
                                        or before.lower_ in ("’s", "'s", "to", "of", "in")))
