"""Attributions in one analysed article: a cue, the content it attributes, and the source as written.

For every cue word outside quotation marks (:mod:`.cues`) the sentence around it, widened to
whole quotations, is read in one of three shapes:

* **content first**: ``“...,” said Sajad Jiyad, a fellow at ...`` / ``..., the source adds`` /
  ``..., Kadhim explains``: a comma or closing quote mark, then the source (or nothing, with the
  source after the cue), then the cue at the end of the sentence;
* **source first**: ``Security sources say tensions flared ...`` / ``he has warned that if ...``
  / ``Trump recently tweeted that ...``: the content runs from after the cue (past "that", a colon,
  the person told: "told AFP") to the end of the sentence, or to a second cue joined by "and";
* **according to**: ``according to X, ...`` / ``..., according to X``.

The source is the cue's subject in the parse when the parse has one, else the noun phrase
right before the cue; a participle ("..., saying ...", "with a spokesman urging ...") takes the
subject of the clause it hangs on. A content must hold a verb or a quotation; after a verb of
thought ("believes") it must hold a verb. PolNeAR-style annotation is univocal (a word belongs to
one attribution at most), so an attribution whose cue lies inside another's content is dropped,
outermost first. A quotation that no cue claims is a **continuation** of the previous quote when
it stands as a sentence of its own in the same or the next paragraph ("“...,” he said. “...”");
shorter quoted words with no cue are scare quotes, not quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from newsdossier.quotes.cues import CLAUSE_ONLY, CUE_FORMS, OBJECT_FIRST, PARTICIPLES, TAKES_INFINITIVE
from newsdossier.quotes.marks import MARK_TOKENS, QuoteMarks, find_quote_marks
from newsdossier.quotes.model import TextSpan

__all__ = ["Attribution", "find_attributions"]

# Words between a subject and its cue that belong to neither ("he has also warned").
_BETWEEN: Final = frozenset("""has have had also recently later earlier then previously once again will would
could may might did does do is was were are be been being not n't never reportedly publicly privately
repeatedly just still further initially quickly had already often however though meanwhile separately too
instead first subsequently immediately flatly bluntly openly simply angrily""".split())
_NP_POS: Final = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"})
_NP_JOINERS: Final = frozenset({"of", "at", "for", "in", "from", "with", "’s", "'s", "-", "&", "and"})
_SEPARATORS: Final = frozenset({",", "”", '"', "''", "—", "–", ":", ";", "»"})
_SKIP_BEFORE_CONTENT: Final = frozenset({"that", ":", ",", "—", "–"})
_PREPOSITIONS: Final = frozenset({"for", "to", "in", "on", "about", "at", "of", "with", "by", "from"})
# The longest source phrase accepted, in tokens: longer "subjects" are parse errors.
MAX_SOURCE_TOKENS: Final = 16
# Quoted words with no cue of their own make a quote (a continuation) only from this many words.
MIN_CONTINUATION_WORDS: Final = 4
_MAX_OBJECT_TOKENS: Final = 4
_FINITE_TAGS: Final = frozenset({"VBD", "VBZ", "VBP", "MD"})
_TIME_WORDS: Final = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
week month year morning afternoon evening night weekend earlier later""".split())
_ADJUNCT_NOUNS: Final = frozenset("""statement interview interviews twitter facebook tweet tweets post speech
letter email emails release conference call video message briefing""".split())
_WH: Final = frozenset({"who", "which", "that", "what", "whom", "whose"})
_SUBJECT_PRONOUNS: Final = frozenset({"i", "he", "she", "we", "they"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """A cue with its content and the source as the sentence names it (speakers are resolved later).

    ``parts`` are the content's pieces in text order: one, or more when the quote is split
    around its cue ("“Judge,” Brafman said, “I have never ...”") or goes on after it.
    """

    parts: tuple[TextSpan, ...]
    cue: TextSpan | None
    source: TextSpan | None
    role: TextSpan | None
    direct: bool
    continues: int | None = None  # for a continuation: index of the attribution it continues

    @property
    def content(self) -> TextSpan:
        """From the first part's start to the last part's end; ``text`` is the parts' words joined."""
        return TextSpan(self.parts[0].start, self.parts[-1].end, " … ".join(p.text for p in self.parts))

    def extended(self, part: TextSpan) -> Attribution:
        return Attribution((*self.parts, part), self.cue, self.source, self.role, self.direct, self.continues)


def _span(doc: Any, start: int, end: int) -> TextSpan:
    span = doc[start:end]
    return TextSpan(span.start_char, span.end_char, span.text)


def _trimmed(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Token range without punctuation at either end (quote marks included)."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


class _Article:
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
_NEGATIONS: Final = frozenset({"not", "n't", "never", "declined", "refused", "declining", "refusing", "wouldn't",
                               "won't", "didn't", "doesn't", "don't", "cannot", "can't", "couldn't"})
# "Find" attributes only with "that" right after it: "the report found that ...", not "officers found a
# 12-gauge shotgun" ("polls show Clinton leading" stays an attribution, as PolNeAR annotates it).
_THAT_ONLY: Final = frozenset({"find", "finds", "found", "finding"})


def _negated(doc: Any, token: Any) -> bool:
    return any(doc[i].lower_ in _NEGATIONS for i in range(max(0, token.i - 3), token.i)
               if not doc[i].is_sent_start or i == token.i - 1)


def _is_cue(doc: Any, token: Any) -> bool:
    word = token.lower_
    if word not in CUE_FORMS or token.pos_ in ("DET", "ADP", "PROPN") or _negated(doc, token):
        return False
    if word in _THAT_ONLY and (token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "that"):
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


def _np_left(article: _Article, end: int, floor: int) -> tuple[int, int] | None:
    """The noun phrase that ends at token ``end`` (exclusive), no further left than ``floor`` and
    never inside a quotation."""
    doc = article.doc
    i = end
    while i > floor and not article.inside[i - 1] and not doc[i - 1].is_space:
        token = doc[i - 1]
        if token.pos_ in _NP_POS or token.lower_ in _NP_JOINERS or token.text == "-":
            i -= 1
        else:
            break
    while i < end and (doc[i].lower_ in _NP_JOINERS or doc[i].lower_ in _WH):
        i += 1
    return (i, end) if i < end and end - i <= MAX_SOURCE_TOKENS and _nominal(doc, i, end) else None


# The longest apposition read between a name and its cue ("Shane Shook, a cyber security expert who
# has helped investigate ..., said"), in tokens.
MAX_APPOSITION_TOKENS: Final = 25


def _apposition_left(article: _Article, comma: int, floor: int) -> tuple[int, int] | None:
    """The words between the comma at ``comma`` and the comma before it, when they read as a
    description of a name: longer than a plain noun phrase (a relative clause, "to"), opening with a
    determiner, adjective or noun, holding a noun, no cue and no quotation."""
    doc = article.doc
    i = comma - 1
    while i > floor and doc[i].text != "," and not article.inside[i] and not doc[i].is_space:
        i -= 1
    if i <= floor or doc[i].text != ",":
        return None
    start, end = _trimmed(doc, i + 1, comma)
    # "Paradis, who has been active in politics since 25, says"; "Archer, wearing a campaign T-shirt, said"
    relative = doc[start].lower_ in ("who", "whose") or doc[start].tag_ in ("VBG", "VBN")
    if not 2 <= end - start <= MAX_APPOSITION_TOKENS or (
            doc[start].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM") and not relative):
        return None
    if not (relative or any(t.pos_ in ("NOUN", "PROPN") for t in doc[start:end])) or any(
            _is_cue(doc, t) for t in doc[start:end]):
        return None
    return start, end


def _nominal(doc: Any, start: int, end: int) -> bool:
    """Whether a phrase has a noun (the tagger calls some nouns adjectives: "one politician")."""
    span = doc[start:end]
    if sum(t.like_num for t in span) >= 2 and all(t.like_num or t.lower_ in ("in", "of", "out") for t in span):
        return True  # "4 in 10" (say ...)
    return any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in doc[start:end]) or (
        doc[end - 1].pos_ == "ADJ" and doc[end - 1].is_alpha and (end - start > 1 or doc[end - 1].is_title))


def _np_right(doc: Any, start: int, stop: int) -> tuple[int, int] | None:
    """The noun phrase that starts at token ``start``, up to a comma or the end of the clause."""
    i = start
    while i < stop:
        token = doc[i]
        if token.text == "," and 0 < i - start <= 3 and i + 2 < stop and (
                doc[i - 1].pos_ in ("ADJ", "VERB") or doc[i - 1].lower_.endswith("ed")) and (
                doc[i + 1].pos_ == "ADJ" or "-" in doc[i + 1].text or doc[i + 2].text == "-"):
            i += 1  # "a masked, gun-toting fighter": no noun yet, the phrase goes on
            continue
        if token.is_space or not (token.pos_ in _NP_POS or token.lower_ in _NP_JOINERS) or token.lower_ in _WH or (
                token.lower_ in CUE_FORMS and token.pos_ not in ("PROPN", "NOUN")):
            break
        i += 1
    while i > start and doc[i - 1].lower_ in _NP_JOINERS:
        i -= 1
    if i - start > 1 and doc[start].lower_ in _SUBJECT_PRONOUNS:
        return None  # "said he’s proud of ...": the subject of the content, not a source after its cue
    return (start, i) if i > start and i - start <= MAX_SOURCE_TOKENS and _nominal(doc, start, i) else None


def _role_after(doc: Any, end: int, stop: int) -> tuple[int, int] | None:
    """An apposition after the source (", a fellow at US think-tank The Century Foundation")."""
    if end >= stop or doc[end].text != ",":
        return None
    i = end + 1
    while i < stop and doc[i].text not in (",", ".", ";", "“", "”", '"', "''") and doc[i].tag_ not in ("VBG", "VBD", "VBZ"):
        i += 1
    start, finish = _trimmed(doc, end + 1, i)
    if finish - start < 2 or doc[start].pos_ not in ("DET", "NOUN", "ADJ", "PROPN", "NUM"):
        return None
    return start, finish


def _parse_subject(article: _Article, verb: Any, cue: Any, floor: int) -> tuple[int, int] | None:
    """The parse's subject of ``verb``, cut to the words between ``floor`` and the cue, outside quotations."""
    doc = article.doc
    for child in verb.children:
        if child.dep_.startswith("nsubj") and floor <= child.i < cue.i and not article.inside[child.i]:
            start, end = _trimmed(doc, max(child.left_edge.i, floor), min(child.right_edge.i + 1, cue.i))
            if any(t.is_punct for t in doc[end:cue.i]):
                continue  # "This campaign, he says,": the parse took the wrong noun
            while start < end and article.inside[start]:
                start += 1
            start, end = _trimmed(doc, start, end)
            if 0 < end - start <= MAX_SOURCE_TOKENS and _nominal(doc, start, end) and not any(
                    t.lower_ in CUE_FORMS and t.pos_ == "VERB" for t in doc[start:end]):
                return start, end
    return None


def _subject(article: _Article, cue: Any, floor: int) -> tuple[int, int] | None:
    """The cue's subject: from the parse, else the noun phrase right before it (past "has", "also")."""
    parsed = _parse_subject(article, cue, cue, floor)
    doc = article.doc
    i = cue.i
    while i > floor and doc[i - 1].lower_ in _BETWEEN:
        i -= 1
    if i > floor and doc[i - 1].lower_ in ("who", "which"):
        return i - 1, i
    surface = _np_left(article, i, floor)
    if parsed is None or (surface is not None and surface[0] < parsed[0] and parsed[1] == surface[1]):
        return surface  # the parse cut "a senior official at [the Iraqi government]"
    return parsed


def _governing_subject(article: _Article, cue: Any, floor: int) -> tuple[int, int] | None:
    """The subject of the clause a participle or coordinated cue hangs on ("..., saying", "and warned")."""
    head = cue.head
    for _ in range(3):
        if head.i == cue.i:
            break
        if (found := _parse_subject(article, head, cue, floor)) is not None:
            return found
        if head.head.i == head.i:
            break
        head = head.head
    # no parse help: the first noun phrase of the clause
    for token in article.doc[floor:cue.i]:
        if token.dep_.startswith("nsubj") and not article.inside[token.i]:
            return _np_left(article, token.i + 1, floor)
    return None


def _clause_end(doc: Any, article: _Article, start: int, end: int) -> int:
    """Where a content that starts at ``start`` ends: the frame's end, or before a second cue
    joined by "and"/"but" or a comma ("... and warned that", "..., adding")."""
    i = start
    while i < end:
        token = doc[i]
        if i > start and _line_break_after_sentence(doc, i):
            return i  # a paragraph written with one line break: the content does not run into the next
        if token.lower_ in ("and", "but") and _subject_and_cue(doc, article, i + 1, end, pronoun_only=True):
            return i  # "... computers and she accused Trump of ...": a second attribution of the same source
        if not article.inside[i]:
            nxt = i + 1
            while nxt < end and doc[nxt].lower_ in _BETWEEN:
                nxt += 1
            if token.lower_ in ("and", "but", ",") and nxt < end and _cue_word(doc, doc[nxt]) \
                    and not article.inside[nxt] and (doc[nxt].lower_ in PARTICIPLES or token.lower_ != ","):
                return i
            if token.text in (",", ";") and _subject_and_cue(doc, article, i + 1, end):
                return i  # "..., and more than 4 in 10 said ...": another source's attribution
            if token.text == "," and any(_is_cue(doc, t) and t.i + 1 < end and doc[t.i + 1].lower_ in ("that", ":", "“", "''")
                                         and not article.inside[t.i] for t in doc[i + 1:min(i + 5, end)]):
                return i  # "..., he thinks that ...": a second attribution starts
        i += 1
    return end


def _cue_word(doc: Any, token: Any) -> bool:
    """A cue, or a cue denied ("but did not suggest"): either way a second predicate of the source."""
    return _is_cue(doc, token) or (token.lower_ in CUE_FORMS and token.pos_ == "VERB" and _negated(doc, token))


def _after_breaks(doc: Any, start: int, end: int) -> int:
    """``start``, or past the last line break after a sentence's end before ``end``."""
    for i in range(end - 1, start, -1):
        if _line_break_after_sentence(doc, i):
            return i + 1
    return start


def _line_break_after_sentence(doc: Any, i: int) -> bool:
    """Whether token ``i`` is a line break after a sentence's end (with or without a closing quote mark)."""
    if "\n" not in doc[i].text or not doc[i].is_space:
        return False
    j = i - 1
    while j >= 0 and doc[j].text in MARK_TOKENS:
        j -= 1
    return j >= 0 and doc[j].text in (".", "!", "?", "…")


def _subject_and_cue(doc: Any, article: _Article, i: int, end: int, *, pronoun_only: bool = False) -> bool:
    """Whether a new clause starting at ``i`` is a noun phrase and its cue ("and analysts say"); with
    ``pronoun_only``, a subject pronoun and its cue ("and she accused")."""
    if i < end and doc[i].lower_ in ("and", "but", "while"):
        i += 1
    if pronoun_only and not (i < end and doc[i].lower_ in _SUBJECT_PRONOUNS):
        return False
    start = i
    while i < end and i - start < 8 and not article.inside[i] and (
            doc[i].pos_ in _NP_POS or doc[i].lower_ in _NP_JOINERS) and doc[i].lower_ not in CUE_FORMS:
        i += 1
    if i == start or not _nominal(doc, start, i):
        return False
    while i < end and doc[i].lower_ in _BETWEEN:
        i += 1
    return i < end and not article.inside[i] and doc[i].pos_ == "VERB" and _cue_word(doc, doc[i])


def _content_after(doc: Any, article: _Article, cue: Any, end: int) -> tuple[int, int] | None:
    i = _past_adjuncts(doc, cue.i + 1, end)
    if cue.lower_ in OBJECT_FIRST and i < end and doc[i].lower_ not in ("that", ":", "“", '"', "''"):
        j = i
        while j < end and j - i < _MAX_OBJECT_TOKENS and (doc[j].pos_ in ("PROPN", "PRON", "NOUN", "DET")):
            j += 1
        i = j
    i = _past_adjuncts(doc, i, end)
    for _ in range(4):  # "in a statement", "on Twitter", "to Efe" before the content
        if i < end and doc[i].lower_ in _PREPOSITIONS and doc[i].lower_ != "to":
            j = i + 1
            while j < end and j - i <= 3 and doc[j].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM"):
                j += 1
            if j < end and (doc[j].lower_ in _SKIP_BEFORE_CONTENT or doc[j].text in ("“", '"', "''")):
                i = j
                continue
        if i + 1 < end and doc[i].lower_ == "to" and doc[i + 1].pos_ in ("PROPN", "PRON") and cue.lower_ not in OBJECT_FIRST:
            i += 2
            continue
        break
    while i < end and doc[i].lower_ in _SKIP_BEFORE_CONTENT:
        i += 1
    stop = _clause_end(doc, article, i, end)
    start, stop = _trimmed(doc, i, stop)
    if stop - start < 2:
        return _quote_after_colon(article, doc[end - 1].idx + len(doc[end - 1].text) if end else 0)
    return start, stop


def _quote_after_colon(article: _Article, position: int) -> tuple[int, int] | None:
    """The quotation a sentence ending in a colon introduces in the next paragraph
    ("Reporter Jomana Karadsheh says:" / "“Well Anderson, ...”")."""
    text = article.text
    before = text[:position].rstrip()
    if not before.endswith(":"):
        return None
    for quote in article.quotes:
        if quote.start >= position and not text[position:quote.start].strip():
            span = article.doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
            return (span.start, span.end) if span is not None else None
    return None


def _clause_like(doc: Any, start: int, end: int, cue: str) -> bool:
    """A finite clause ("tensions flared"), or an infinitive after a verb that takes one ("urged X to")."""
    if any(t.tag_ in _FINITE_TAGS for t in doc[start:end]):
        return True
    # "the talks failed" tagged as a participle: a -ed verb right after a noun, with no auxiliary
    if any(t.tag_ == "VBN" and t.i > start and doc[t.i - 1].pos_ in ("NOUN", "PROPN", "PRON")
           for t in doc[start:end]):
        return True
    # "it actively investigated ..." with the verb tagged a participle: a verb with its own active subject
    if any(t.tag_ == "VBN" and not any(c.dep_ in ("aux", "aux:pass", "cop") for c in t.children)
           and any(c.dep_ == "nsubj" and start <= c.i < t.i for c in t.children) for t in doc[start:end]):
        return True
    # "she identifies as ...", with the verb tagged a noun: a subject pronoun starts a clause
    if any(t.lower_ in _SUBJECT_PRONOUNS and t.i + 1 < end and doc[t.i + 1].is_alpha for t in doc[start:end]):
        return True
    first = start + (doc[start].lower_ == "not")
    return first < end and doc[first].lower_ == "to" and CUE_FORMS.get(cue, "") in TAKES_INFINITIVE


def _has_verb(doc: Any, start: int, end: int) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in doc[start:end])


def _has_quote(article: _Article, start: int, end: int) -> bool:
    return any(article.inside[i] for i in range(start, end))


def _attribute(doc: Any, article: _Article, cue: Any, frame: tuple[int, int],
               previous: Attribution | None) -> Attribution | None:
    floor, end = frame
    word = cue.lower_
    j = cue.i - 1
    while j > floor and doc[j].lower_ in _BETWEEN:
        j -= 1
    if previous is not None and previous.source is not None and doc[j].lower_ in ("and", "but"):
        # "tweeted that ... and warned that ...": the second cue shares the first one's source
        content = _content_after(doc, article, cue, end)
        if content is None or not (_has_quote(article, *content) or _clause_like(doc, *content, word)):
            return None
        return Attribution((_content_span(doc, article, *content),), _span(doc, cue.i, cue.i + 1),
                           previous.source, None, _is_direct(article, *content))
    subject = _subject(article, cue, floor)
    role = None
    if subject and subject[0] - 1 > floor and doc[subject[0] - 1].text == "," and doc[subject[0]].pos_ == "DET":
        name = _np_left(article, subject[0] - 1, floor)
        if name and any(t.pos_ == "PROPN" for t in doc[name[0]:name[1]]) and name[1] - name[0] <= 5:
            subject, role = name, subject  # "Mohammed Mohy, the spokesperson for KH confirms"
    if subject is None and cue.i - 1 > floor and doc[cue.i - 1].text == ",":
        appos = _np_left(article, cue.i - 1, floor)
        if not (appos and appos[0] - 1 > floor and doc[appos[0] - 1].text == ","):
            appos = _apposition_left(article, cue.i - 1, floor)
        if appos and appos[0] - 1 > floor and doc[appos[0] - 1].text == ",":
            age = appos[0] - 2  # "Marley Anderson, 21, a junior from ..., said"
            name = _np_left(article, age - 1 if age - 1 > floor and doc[age].like_num and doc[age - 1].text == ","
                            else appos[0] - 1, floor)
            # a name, or anyone a relative clause describes ("Officials, who asked not to be named, said")
            if name and (any(t.pos_ == "PROPN" for t in doc[name[0]:name[1]]) or doc[appos[0]].lower_ in ("who", "whose")) \
                    and name[1] - name[0] <= 5 and (name[0] == floor or doc[name[0] - 1].is_punct
                                                    or doc[name[0] - 1].lower_ in ("and", "but")):
                subject, role = name, appos  # "Abbas Kadhim, director of the Iraq Initiative, says"
    before = subject[0] if subject else cue.i
    while before > floor and doc[before - 1].lower_ in _BETWEEN:
        before -= 1
    separated = before > floor and doc[before - 1].text in _SEPARATORS
    after = _past_adjuncts(doc, cue.i + 1, end)
    if subject and word in OBJECT_FIRST:
        while after < end and after - cue.i <= 3 and doc[after].pos_ in ("PROPN", "NOUN", "PRON"):
            after += 1  # "tells Efe", "told AFP"
        after = _past_adjuncts(doc, after, end)
    inverted = None if subject else _np_right(doc, after, end)
    if inverted and inverted[1] < end and doc[inverted[1]].lower_ in ("who", "whose"):
        # "says the source who spoke on condition of anonymity": the description goes with it
        stop = inverted[1]
        while stop < end and doc[stop].text not in (",", ".", ";", "“", "”", '"', "''") and not doc[stop].is_space:
            stop += 1
        inverted = (inverted[0], stop)
    if inverted:
        role = _role_after(doc, inverted[1], end)
    rest = _past_adjuncts(doc, role[1] if role and inverted else (inverted[1] if inverted else after), end)
    source = subject or inverted
    parts = _content_first(doc, article, (floor, end), before, rest) if separated and source else None
    if parts is None:
        if word in PARTICIPLES or cue.dep_ == "conj" or subject is None:
            source = subject or _governing_subject(article, cue, floor)
            if word not in PARTICIPLES and cue.dep_ != "conj" and subject is None:
                return None
        if inverted and not subject:
            role = None
        content = _content_after(doc, article, cue, end)
        parts = [content] if content else None
    if not parts or source is None:
        return None
    start, stop = parts[0][0], parts[-1][1]
    if word in CLAUSE_ONLY and not _has_verb(doc, start, stop):
        return None
    if not (_has_quote(article, start, stop) or _clause_like(doc, start, stop, word)):
        return None
    about_a_number = doc[start].lower_ == "about" and start + 1 < stop and (
        doc[start + 1].like_num or doc[start + 1].lower_ == "half")  # "said about half of the ..."
    # "hopes for", "warned of": an object, not a content; before the cue, a sentence opening with a
    # preposition is a content only when the cue ends it ("With that unresolved, ..., officials said.")
    ends_sentence = stop <= cue.i and all(t.is_punct or t.is_space or t.i in range(source[0], source[1])
                                          or t.lower_ in _BETWEEN for t in doc[cue.i + 1:end])
    if doc[start].lower_ in _PREPOSITIONS and not about_a_number and not _has_quote(article, start, stop) \
            and not ends_sentence:
        return None
    spans = tuple(_content_span(doc, article, a, b) for a, b in parts)
    return Attribution(spans, _span(doc, cue.i, cue.i + 1), _span(doc, *source), _span(doc, *role) if role else None,
                       all(_is_direct(article, a, b) for a, b in parts))


def _content_first(doc: Any, article: _Article, frame: tuple[int, int], before: int,
                   rest: int) -> list[tuple[int, int]] | None:
    """The content of a cue that comes after it ("“...,” he said"; "This campaign, he says, is
    different"), or None when the sentence does not have that shape."""
    floor, end = frame
    k = rest
    while k < end and doc[k].text == ",":
        k += 1
    if k < end and doc[k].lower_ in ("that", ":"):
        return None  # "..., he said that ...": the content follows
    head = _trimmed(doc, _after_breaks(doc, floor, before - 1), before - 1)
    if rest >= end or doc[rest].is_space or (doc[rest].is_punct and doc[rest].text not in (",", "“", '"', "''")) \
            or doc[rest].lower_ in _PREPOSITIONS or doc[rest].tag_ == "VBG":
        return [head] if head[1] - head[0] >= 3 else None
    if doc[rest].text != "," and head[1] - head[0] >= 3 and _is_direct(article, *head) and not _has_quote(article, rest, end):
        # "“...,” Kasich told a crowd in Berea": after a whole quotation, the rest says to whom, where, when
        return [head]
    if doc[rest].text == ",":
        tail = _trimmed(doc, rest, _clause_end(doc, article, rest + 1, end))
        if tail[1] > tail[0] and doc[tail[0]].tag_ != "VBG" and doc[tail[0]].lower_ not in CUE_FORMS and (
                doc[tail[0]].lower_ not in _WH) and (  # "..., who was at the dinner": the source's description
                _has_quote(article, *tail) or any(t.tag_ in _FINITE_TAGS for t in doc[tail[0]:tail[1]])):
            return [head, tail] if head[1] > head[0] else None  # the cue in the middle
        return [head] if head[1] - head[0] >= 3 else None
    return None


def _past_adjuncts(doc: Any, i: int, end: int) -> int:
    """Past the words that may follow a cue before its content or source: "also", "on Friday",
    "earlier this week", "in a statement", "on Twitter"."""
    while i < end:
        word = doc[i].lower_
        if word in _BETWEEN or word in _TIME_WORDS:
            i += 1
        elif word in ("on", "in", "during", "at", "last", "this", "earlier") and i + 1 < end and (
                doc[i + 1].lower_ in _TIME_WORDS or doc[i + 1].lower_ in _ADJUNCT_NOUNS
                or (doc[i + 1].pos_ == "DET" and i + 2 < end and doc[i + 2].lower_ in _ADJUNCT_NOUNS)):
            i += 2 if doc[i + 1].pos_ != "DET" else 3
        else:
            break
    return i


def _is_direct(article: _Article, start: int, end: int) -> bool:
    """A content is a direct quote when quoted words make all of it (marks and punctuation aside)."""
    tokens = [i for i in range(start, end) if not article.doc[i].is_punct]
    return bool(tokens) and all(article.inside[i] for i in tokens) and len({article.quote_of[i] for i in tokens}) == 1


def _content_span(doc: Any, article: _Article, start: int, end: int) -> TextSpan:
    """The content's characters; a direct quote without its marks and trailing comma."""
    if _is_direct(article, start, end):
        quote = article.quotes[article.quote_of[next(i for i in range(start, end) if article.inside[i])]]
        return TextSpan(quote.inner_start, quote.inner_end, article.text[quote.inner_start:quote.inner_end])
    return _span(doc, start, end)


def _according_to(doc: Any, article: _Article, frame: tuple[int, int]) -> list[Attribution]:
    found = []
    floor, end = frame
    for token in doc[floor:end - 2]:
        if token.lower_ != "according" or doc[token.i + 1].lower_ != "to" or article.inside[token.i]:
            continue
        source = _np_right(doc, token.i + 2, end)
        if source is None:
            continue
        if token.i == floor or doc[token.i - 1].text in ("“", '"', "''"):
            comma = next((t.i for t in doc[source[1]:end] if t.text == ","), None)
            content = _trimmed(doc, comma + 1, end) if comma is not None else None
        else:
            content = _trimmed(doc, _after_breaks(doc, floor, token.i), token.i)
        if content and content[1] - content[0] >= 3:
            found.append(Attribution((_content_span(doc, article, *content),), _span(doc, token.i, token.i + 2),
                                     _span(doc, *source), None, _is_direct(article, *content)))
    return found


# The longest name read before a colon as a speaker label ("Trump: ...", "JAKE TAPPER: ..."), in tokens.
MAX_LABEL_TOKENS: Final = 5


def _speaker_label(doc: Any, article: _Article, colon: int) -> tuple[int, int] | None:
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


def _name_colon(doc: Any, article: _Article) -> list[Attribution]:
    """A speaker label and what follows it: a line that opens with a name and a colon ("Sanders: Brexit's
    message could ...", "JAKE TAPPER: Donald Trump released ..."), or a name and a colon right before a
    quotation ("Mark Blumenthal and Jon Cohen: “Although ...”"). The content must hold a verb or be quoted."""
    found = []
    text = article.text
    for token in doc:
        if token.text != ":" or article.inside[token.i] or token.i + 1 >= len(doc):
            continue
        label = _speaker_label(doc, article, token.i)
        if label is None:
            continue
        line_start = text.rfind("\n", 0, doc[label[0]].idx) + 1
        quoted = article.inside[token.i + 1] or doc[token.i + 1].text in MARK_TOKENS
        if quoted:
            quote = next((q for q in article.quotes if q.start >= token.idx and not text[token.idx + 1:q.start].strip()),
                         None)
            if quote is None:
                continue
            span = doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
            if span is None:
                continue
            start, stop = span.start, span.end
        elif text[line_start:doc[label[0]].idx].strip(" -–—") == "":
            stop = token.i + 1
            while stop < len(doc) and "\n" not in doc[stop].text and not doc[stop].is_space:
                stop += 1
            start, stop = _trimmed(doc, token.i + 1, stop)
            if stop - start < 3 or not (_has_quote(article, start, stop) or _has_verb(doc, start, stop)):
                continue
        else:
            continue
        found.append(Attribution((_content_span(doc, article, start, stop),), _span(doc, token.i, token.i + 1),
                                 _span(doc, *label), None, _is_direct(article, start, stop)))
    return found


def _covers(attribution: Attribution, position: int) -> bool:
    return any(part.start <= position < part.end for part in attribution.parts)


def _univocal(found: list[Attribution]) -> list[Attribution]:
    """Drop attributions whose cue lies inside another's content, or most of whose content is
    another's, outermost content first."""
    kept: list[Attribution] = []
    for item in sorted(found, key=lambda a: -sum(p.end - p.start for p in a.parts)):
        if item.cue is not None and any(_covers(k, item.cue.start) for k in kept):
            continue
        size = sum(p.end - p.start for p in item.parts)
        if any(sum(max(0, min(p.end, q.end) - max(p.start, q.start)) for p in item.parts for q in k.parts) > 0.5 * size
               for k in kept):
            continue
        kept.append(item)
    return sorted(kept, key=lambda a: a.content.start)


def _continuations(doc: Any, article: _Article, found: list[Attribution]) -> tuple[list[Attribution], list[Attribution]]:
    """Quotations no cue claims, after a quote: in the same paragraph they are more of it ("“...,” he
    said. “...”"); standing as a paragraph of their own soon after, a continuation by the same speaker."""
    found = list(found)
    extra: list[Attribution] = []
    text = article.text
    for quote in article.quotes:
        if any(_covers(a, quote.inner_start) or quote.inner_start <= a.content.start < quote.inner_end
               for a in found):
            continue
        if len(text[quote.inner_start:quote.inner_end].split()) < MIN_CONTINUATION_WORDS:
            continue
        previous = [i for i, a in enumerate(found) if a.content.end <= quote.start]
        if not previous:
            continue
        index = previous[-1]
        if len(previous) > 1 and not found[index].direct and found[index].source is not None \
                and found[index].source.text.lower() in _WH and found[previous[-2]].direct \
                and "\n\n" not in text[found[previous[-2]].content.end:quote.start]:
            index = previous[-2]  # "“...,” said X, who noted that .... “...”": more of X's quote
        last = found[index]
        tail = max([last.content.end] + [s.end for s in (last.cue, last.source, last.role) if s is not None])
        gap = text[tail:quote.start] if tail <= quote.start else ""
        part = TextSpan(quote.inner_start, quote.inner_end, text[quote.inner_start:quote.inner_end])
        if "\n\n" not in gap and (gap.strip(" ,.:;—–") == "" or _stands_alone(text, quote)):
            found[index] = last.extended(part)
        elif _stands_alone(text, quote) and gap.count("\n\n") <= 1 and len(gap) <= 400:
            extra.append(Attribution((part,), None, None, None, True, continues=index))
    return found, extra


def _stands_alone(text: str, quote: QuoteMarks) -> bool:
    """Whether a quotation is a sentence of its own: only a line break or a sentence end before it
    and only punctuation after it."""
    before = text[:quote.start].rstrip(" ")
    after_end = len(text) if (cut := text.find("\n", quote.end)) < 0 else cut
    after = text[quote.end:after_end].strip()
    next_sentence = after[:1] in ("", ".", "!", "?") or after[:2].strip(". ")[:1].isupper()
    return (not before or before[-1] in ".!?\n”\"") and next_sentence


def find_attributions(doc: Any) -> list[Attribution]:
    """Every attribution of an analysed article, in text order (continuations point back by index)."""
    article = _Article(doc)
    found: list[Attribution] = []
    seen_frames: set[tuple[int, int]] = set()
    for sentence in doc.sents:
        frame = article.frame(sentence)
        previous = None
        for token in sentence:
            if not article.inside[token.i] and _is_cue(doc, token):
                attribution = _attribute(doc, article, token, frame, previous)
                if attribution is not None:
                    found.append(attribution)
                    previous = attribution
        if frame not in seen_frames:
            seen_frames.add(frame)
            found.extend(_according_to(doc, article, frame))
    found.extend(_name_colon(doc, article))
    return _merge(*_continuations(doc, article, _dedupe(_univocal(found))))


def _dedupe(found: Sequence[Attribution]) -> list[Attribution]:
    seen, kept = set(), []
    for item in found:
        key = (item.content.start, item.content.end, item.cue.start if item.cue else -1)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def _merge(found: list[Attribution], extra: list[Attribution]) -> list[Attribution]:
    """Both lists in text order, continuation indexes renumbered to the merged list."""
    order = sorted(range(len(found) + len(extra)),
                   key=lambda i: (found + extra)[i].content.start)
    position = {old: new for new, old in enumerate(order)}
    merged = []
    for old in order:
        item = (found + extra)[old]
        if item.continues is not None:
            item = Attribution(item.parts, None, None, None, True, continues=position[item.continues])
        merged.append(item)
    return merged
