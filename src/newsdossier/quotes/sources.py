"""Where an attribution's source is: the noun phrase before or after its cue, the cue's subject in the
parse, a name with its description between commas, a speaker label before a colon."""

from __future__ import annotations

from typing import Any, Final

from newsdossier.quotes.cues import CUE_FORMS
from newsdossier.quotes.tokens import (
    Article, BETWEEN, MAX_SOURCE_TOKENS, NP_JOINERS, NP_POS, PHRASE_STOPS, SUBJECT_PRONOUNS, WH, is_cue, trimmed,
)

__all__ = [
    "MAX_APPOSITION_TOKENS", "MAX_LABEL_TOKENS", "apposition_left", "governing_subject", "nominal", "np_left",
    "np_right", "parse_subject", "role_after", "speaker_label", "subject_of",
]


def np_left(article: Article, end: int, floor: int) -> tuple[int, int] | None:
    """The noun phrase that ends at token ``end`` (exclusive), no further left than ``floor`` and
    never inside a quotation."""
    doc = article.doc
    i = end
    while i > floor and not article.inside[i - 1] and not doc[i - 1].is_space:
        token = doc[i - 1]
        if token.pos_ in NP_POS or token.lower_ in NP_JOINERS or token.text == "-":
            i -= 1
        else:
            break
    while i < end and (doc[i].lower_ in NP_JOINERS or doc[i].lower_ in WH):
        i += 1
    return (i, end) if i < end and end - i <= MAX_SOURCE_TOKENS and nominal(doc, i, end) else None


# The longest apposition read between a name and its cue ("Shane Shook, a cyber security expert who
# has helped investigate ..., said"), in tokens.
MAX_APPOSITION_TOKENS: Final = 25


def apposition_left(article: Article, comma: int, floor: int) -> tuple[int, int] | None:
    """The words between the comma at ``comma`` and the comma before it, when they read as a
    description of a name: longer than a plain noun phrase (a relative clause, "to"), opening with a
    determiner, adjective or noun, holding a noun, no cue and no quotation."""
    doc = article.doc
    i = comma - 1
    while i > floor and doc[i].text != "," and not article.inside[i] and not doc[i].is_space:
        i -= 1
    if i <= floor or doc[i].text != ",":
        return None
    start, end = trimmed(doc, i + 1, comma)
    # "Paradis, who has been active in politics since 25, says"; "Archer, wearing a campaign T-shirt, said"
    relative = doc[start].lower_ in ("who", "whose") or doc[start].tag_ in ("VBG", "VBN")
    if not 2 <= end - start <= MAX_APPOSITION_TOKENS or (
            doc[start].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM") and not relative):
        return None
    if not (relative or any(t.pos_ in ("NOUN", "PROPN") for t in doc[start:end])) or any(
            is_cue(doc, t) for t in doc[start:end]):
        return None
    return start, end


def nominal(doc: Any, start: int, end: int) -> bool:
    """Whether a phrase has a noun (the tagger calls some nouns adjectives: "one politician")."""
    span = doc[start:end]
    if sum(t.like_num for t in span) >= 2 and all(t.like_num or t.lower_ in ("in", "of", "out") for t in span):
        return True  # "4 in 10" (say ...)
    return any(t.pos_ in ("PROPN", "NOUN", "PRON") or t.dep_.startswith("nsubj") and t.is_title and t.pos_ == "VERB"
               for t in doc[start:end]) or (  # "Trump recently tweeted": a subject the tagger took for a verb
        doc[end - 1].pos_ == "ADJ" and doc[end - 1].is_alpha and (end - start > 1 or doc[end - 1].is_title))


def np_right(doc: Any, start: int, stop: int) -> tuple[int, int] | None:
    """The noun phrase that starts at token ``start``, up to a comma or the end of the clause."""
    i = start
    while i < stop:
        token = doc[i]
        if token.text == "," and 0 < i - start <= 3 and i + 2 < stop and (
                doc[i - 1].pos_ in ("ADJ", "VERB") or doc[i - 1].lower_.endswith("ed")) and (
                doc[i + 1].pos_ == "ADJ" or "-" in doc[i + 1].text or doc[i + 2].text == "-"):
            i += 1  # "a masked, gun-toting fighter": no noun yet, the phrase goes on
            continue
        if token.text in ("'", "’") and i > start and not doc[i - 1].whitespace_ and doc[i - 1].lower_.endswith("s") \
                and i + 1 < stop and doc[i + 1].pos_ in ("PROPN", "NOUN", "ADJ"):
            i += 1  # "said Sky Networks' Sophie Turner Laing": a plural's possessive, the phrase goes on
            continue
        if token.tag_ in ("VBN", "VBG") and i > start and doc[i - 1].pos_ == "DET" and i + 1 < stop and (
                doc[i + 1].pos_ in ("NOUN", "PROPN", "ADJ") or doc[i + 1].text == ","):
            i += 1  # "said a masked, gun-toting fighter", "the injured man": a participle before its noun
            continue
        if token.is_space or not (token.pos_ in NP_POS or token.lower_ in NP_JOINERS) or token.lower_ in WH or (
                token.lower_ in CUE_FORMS and token.pos_ not in ("PROPN", "NOUN")):
            break
        i += 1
    while i > start and doc[i - 1].lower_ in NP_JOINERS:
        i -= 1
    if i - start > 1 and doc[start].lower_ in SUBJECT_PRONOUNS:
        return None  # "said he’s proud of ...": the subject of the content, not a source after its cue
    return (start, i) if i > start and i - start <= MAX_SOURCE_TOKENS and nominal(doc, start, i) else None


def role_after(doc: Any, end: int, stop: int) -> tuple[int, int] | None:
    """An apposition after the source (", a fellow at US think-tank The Century Foundation")."""
    if end >= stop or doc[end].text != ",":
        return None
    i = end + 1
    while i < stop and doc[i].text not in PHRASE_STOPS \
            and doc[i].tag_ not in ("VBG", "VBD", "VBZ"):
        i += 1
    start, finish = trimmed(doc, end + 1, i)
    if finish - start < 2 or doc[start].pos_ not in ("DET", "NOUN", "ADJ", "PROPN", "NUM"):
        return None
    return start, finish


def parse_subject(article: Article, verb: Any, cue: Any, floor: int) -> tuple[int, int] | None:
    """The parse's subject of ``verb``, cut to the words between ``floor`` and the cue, outside quotations."""
    doc = article.doc
    for child in verb.children:
        if child.dep_.startswith("nsubj") and floor <= child.i < cue.i and not article.inside[child.i]:
            start, end = trimmed(doc, max(child.left_edge.i, floor), min(child.right_edge.i + 1, cue.i))
            if any(t.is_punct for t in doc[end:cue.i]):
                continue  # "This campaign, he says,": the parse took the wrong noun
            while start < end and article.inside[start]:
                start += 1
            start, end = trimmed(doc, start, end)
            if 0 < end - start <= MAX_SOURCE_TOKENS and nominal(doc, start, end) and not any(
                    t.lower_ in CUE_FORMS and t.pos_ == "VERB" for t in doc[start:end]):
                return start, end
    return None


def subject_of(article: Article, cue: Any, floor: int) -> tuple[int, int] | None:
    """The cue's subject: from the parse, else the noun phrase right before it (past "has", "also")."""
    parsed = parse_subject(article, cue, cue, floor)
    doc = article.doc
    i = cue.i
    while i > floor and doc[i - 1].lower_ in BETWEEN:
        i -= 1
    if i > floor and doc[i - 1].lower_ in ("who", "which"):
        return i - 1, i
    surface = np_left(article, i, floor)
    if parsed is None or (surface is not None and surface[0] < parsed[0] and parsed[1] == surface[1]):
        return surface  # the parse cut "a senior official at [the Iraqi government]"
    return parsed


def governing_subject(article: Article, cue: Any, floor: int) -> tuple[int, int] | None:
    """The subject of the clause a participle or coordinated cue hangs on ("..., saying", "and warned")."""
    head = cue.head
    for _ in range(3):
        if head.i == cue.i:
            break
        if (found := parse_subject(article, head, cue, floor)) is not None:
            return found
        if head.head.i == head.i:
            break
        head = head.head
    # no parse help: the first noun phrase of the clause
    for token in article.doc[floor:cue.i]:
        if token.dep_.startswith("nsubj") and not article.inside[token.i]:
            return np_left(article, token.i + 1, floor)
    return None


# The longest name read before a colon as a speaker label ("Trump: ...", "JAKE TAPPER: ..."), in tokens.
MAX_LABEL_TOKENS: Final = 5


def speaker_label(doc: Any, article: Article, colon: int) -> tuple[int, int] | None:
    """The name right before a colon when it names a person or organisation (the NER says so, or it is
    written in capitals, as transcripts write speakers), capitalised words only."""
    i = colon
    while i > 0 and colon - i < MAX_LABEL_TOKENS and not article.inside[i - 1] and not doc[i - 1].is_space and (
            doc[i - 1].is_title or doc[i - 1].is_upper or doc[i - 1].text in ("’s", "'s", "&", "and", ".")):
        i -= 1
    while i < colon and not (doc[i].is_title or doc[i].is_upper):
        i += 1
    if i == colon or not any(t.is_alpha for t in doc[i:colon]):
        return None
    words = [t for t in doc[i:colon] if t.is_alpha and t.lower_ != "and"]
    # a name the NER tags here, or one whose last word ends a person's or organisation's name elsewhere
    # in the article (a headline's "Sanders:" is untagged)
    named = all(t.pos_ == "PROPN" for t in words) and (
        any(t.ent_type_ in ("PER", "ORG") for t in doc[i:colon])
        or any(e.label_ in ("PER", "ORG") and e[-1].lower_ == words[-1].lower_ for e in doc.ents))
    shouted = all(t.is_upper for t in words) and sum(len(t.text) for t in words) >= 4
    return (i, colon) if named or shouted else None
