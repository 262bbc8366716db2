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
from newsdossier.quotes.marks import MARK_TOKENS, QuoteMarks
from newsdossier.quotes.model import TextSpan
from newsdossier.quotes.sources import (
    apposition_left, governing_subject, nominal, np_left, np_right, role_after, speaker_label, subject_of,
)
from newsdossier.quotes.tokens import (
    ADJUNCT_NOUNS, Article, BETWEEN, FINITE_TAGS, MAX_OBJECT_TOKENS, MIN_CONTINUATION_WORDS, NP_JOINERS, NP_POS,
    OPENERS, PHRASE_STOPS, PREPOSITIONS, SEPARATORS, SKIP_BEFORE_CONTENT, SUBJECT_PRONOUNS, TIME_WORDS, WH, is_cue, negated, token_span,
    trimmed,
)

__all__ = ["Attribution", "find_attributions"]


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


def _clause_end(doc: Any, article: Article, start: int, end: int) -> int:
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
            while nxt < end and doc[nxt].lower_ in BETWEEN:
                nxt += 1
            if token.lower_ in ("and", "but", ",") and nxt < end and _cue_word(doc, doc[nxt]) \
                    and not article.inside[nxt] and (doc[nxt].lower_ in PARTICIPLES or token.lower_ != ","):
                return i
            if token.text in (",", ";") and _subject_and_cue(doc, article, i + 1, end):
                return i  # "..., and more than 4 in 10 said ...": another source's attribution
            if token.text == "," and any(is_cue(doc, t) and t.i + 1 < end
                                         and (doc[t.i + 1].lower_ in ("that", ":") or doc[t.i + 1].text in OPENERS)
                                         and not article.inside[t.i] for t in doc[i + 1:min(i + 5, end)]):
                return i  # "..., he thinks that ...": a second attribution starts
        i += 1
    return end


def _cue_word(doc: Any, token: Any) -> bool:
    """A cue, or a cue denied ("but did not suggest"): either way a second predicate of the source."""
    return is_cue(doc, token) or (token.lower_ in CUE_FORMS and token.pos_ == "VERB" and negated(doc, token))


def _after_breaks(doc: Any, start: int, end: int) -> int:
    """``start``, or past the last line break after a sentence's end before ``end``."""
    for i in range(end - 1, start, -1):
        if _line_break_after_sentence(doc, i):
            return i + 1
    return start


def _line_break_after_sentence(doc: Any, i: int) -> bool:
    """Whether token ``i`` is a line break after a sentence's end (with or without a closing quote mark)."""
    return "\n" in doc[i].text and doc[i].is_space and _ends_sentence(doc, i)


def _subject_and_cue(doc: Any, article: Article, i: int, end: int, *, pronoun_only: bool = False) -> bool:
    """Whether a new clause starting at ``i`` is a noun phrase and its cue ("and analysts say"); with
    ``pronoun_only``, a subject pronoun and its cue ("and she accused")."""
    if i < end and doc[i].lower_ in ("and", "but", "while"):
        i += 1
    if pronoun_only and not (i < end and doc[i].lower_ in SUBJECT_PRONOUNS):
        return False
    start = i
    while i < end and i - start < 8 and not article.inside[i] and (
            doc[i].pos_ in NP_POS or doc[i].lower_ in NP_JOINERS) and doc[i].lower_ not in CUE_FORMS:
        i += 1
    if i == start or not nominal(doc, start, i):
        return False
    while i < end and doc[i].lower_ in BETWEEN:
        i += 1
    return i < end and not article.inside[i] and doc[i].pos_ == "VERB" and _cue_word(doc, doc[i])


def _content_after(doc: Any, article: Article, cue: Any, end: int) -> tuple[int, int] | None:
    i = _past_adjuncts(doc, cue.i + 1, end)
    if cue.lower_ in OBJECT_FIRST and i < end and doc[i].lower_ not in ("that", ":") and doc[i].text not in OPENERS:
        j = i
        while j < end and j - i < MAX_OBJECT_TOKENS and (doc[j].pos_ in ("PROPN", "PRON", "NOUN", "DET")):
            j += 1
        i = j
    i = _past_adjuncts(doc, i, end)
    for _ in range(4):  # "in a statement", "on Twitter", "to Efe" before the content
        if i < end and doc[i].lower_ in PREPOSITIONS and doc[i].lower_ != "to":
            j = i + 1
            while j < end and j - i <= 3 and doc[j].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM"):
                j += 1
            if j < end and (doc[j].lower_ in SKIP_BEFORE_CONTENT or doc[j].text in OPENERS):
                i = j
                continue
        if i + 1 < end and doc[i].lower_ == "to" and doc[i + 1].pos_ in ("PROPN", "PRON") and cue.lower_ not in OBJECT_FIRST:
            i += 2
            continue
        break
    while i < end and doc[i].lower_ in SKIP_BEFORE_CONTENT:
        i += 1
    stop = _clause_end(doc, article, i, end)
    start, stop = trimmed(doc, i, stop)
    if stop - start < 2:
        return _quote_after_colon(article, doc[end - 1].idx + len(doc[end - 1].text) if end else 0)
    return start, stop


def _quote_after_colon(article: Article, position: int) -> tuple[int, int] | None:
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
    if any(t.tag_ in FINITE_TAGS for t in doc[start:end]):
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
    if any(t.lower_ in SUBJECT_PRONOUNS and t.i + 1 < end and doc[t.i + 1].is_alpha for t in doc[start:end]):
        return True
    first = start + (doc[start].lower_ == "not")
    return first < end and doc[first].lower_ == "to" and CUE_FORMS.get(cue, "") in TAKES_INFINITIVE


def _has_verb(doc: Any, start: int, end: int) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in doc[start:end])


def _has_quote(article: Article, start: int, end: int) -> bool:
    return any(article.inside[i] for i in range(start, end))


def _attribute(doc: Any, article: Article, cue: Any, frame: tuple[int, int],
               previous: Attribution | None) -> Attribution | None:
    floor, end = frame
    word = cue.lower_
    j = cue.i - 1
    while j > floor and doc[j].lower_ in BETWEEN:
        j -= 1
    if previous is not None and previous.source is not None and doc[j].lower_ in ("and", "but"):
        # "tweeted that ... and warned that ...": the second cue shares the first one's source
        content = _content_after(doc, article, cue, end)
        if content is None or not (_has_quote(article, *content) or _clause_like(doc, *content, word)):
            return None
        return Attribution((_content_span(doc, article, *content),), token_span(doc, cue.i, cue.i + 1),
                           previous.source, None, _is_direct(article, *content))
    subject = subject_of(article, cue, floor)
    role = None
    if subject and subject[0] - 1 > floor and doc[subject[0] - 1].text == "," and doc[subject[0]].pos_ == "DET":
        name = np_left(article, subject[0] - 1, floor)
        if name and any(t.pos_ == "PROPN" for t in doc[name[0]:name[1]]) and name[1] - name[0] <= 5:
            subject, role = name, subject  # "Mohammed Mohy, the spokesperson for KH confirms"
    if subject is None and cue.i - 1 > floor and doc[cue.i - 1].text == ",":
        appos = np_left(article, cue.i - 1, floor)
        if not (appos and appos[0] - 1 > floor and doc[appos[0] - 1].text == ","):
            appos = apposition_left(article, cue.i - 1, floor)
        if appos and appos[0] - 1 > floor and doc[appos[0] - 1].text == ",":
            age = appos[0] - 2  # "Marley Anderson, 21, a junior from ..., said"
            name = np_left(article, age - 1 if age - 1 > floor and doc[age].like_num and doc[age - 1].text == ","
                            else appos[0] - 1, floor)
            described = apposition_left(article, appos[0] - 1, floor)
            if described and 0 < appos[1] - appos[0] <= 4 and all(t.pos_ == "PROPN" for t in doc[appos[0]:appos[1]]) \
                    and any(t.pos_ == "NOUN" and t.is_lower for t in doc[described[0]:described[1]]):
                name, appos = appos, described  # "shadow chief secretary to the Treasury, George Osborne, said"
            # a name, or anyone a relative clause describes ("Officials, who asked not to be named, said")
            proper = name is not None and any(t.pos_ == "PROPN" for t in doc[name[0]:name[1]])
            if name and name[1] - name[0] <= 5 and (proper or (
                    doc[appos[0]].lower_ in ("who", "whose") and (
                        name[0] == floor or doc[name[0] - 1].is_punct or doc[name[0] - 1].lower_ in ("and", "but")))):
                subject, role = name, appos  # "Abbas Kadhim, director of the Iraq Initiative, says"
    before = min(subject[0], role[0]) if subject and role else (subject[0] if subject else cue.i)
    while before > floor and doc[before - 1].lower_ in BETWEEN:
        before -= 1
    separated = before > floor and doc[before - 1].text in SEPARATORS
    after = _past_adjuncts(doc, cue.i + 1, end)
    if subject and word in OBJECT_FIRST:
        while after < end and after - cue.i <= 3 and doc[after].pos_ in ("PROPN", "NOUN", "PRON"):
            after += 1  # "tells Efe", "told AFP"
        after = _past_adjuncts(doc, after, end)
    inverted = None if subject else np_right(doc, after, end)
    if inverted and inverted[1] < end and doc[inverted[1]].lower_ in ("who", "whose"):
        # "says the source who spoke on condition of anonymity": the description goes with it
        stop = inverted[1]
        while stop < end and doc[stop].text not in PHRASE_STOPS and not doc[stop].is_space:
            stop += 1
        inverted = (inverted[0], stop)
    if inverted:
        role = role_after(doc, inverted[1], end)
    rest = _past_adjuncts(doc, role[1] if role and inverted else (inverted[1] if inverted else after), end)
    source = subject or inverted
    parts = _content_first(doc, article, (floor, end), before, rest) if separated and source else None
    if parts is None:
        if word in PARTICIPLES or cue.dep_ == "conj" or subject is None:
            source = subject or governing_subject(article, cue, floor)
            if word not in PARTICIPLES and cue.dep_ != "conj" and subject is None:
                return None
        if inverted and not subject:
            role = None
        content = _content_after(doc, article, cue, end)
        parts = [content] if content else None
    if not parts or source is None:
        return None
    if source[1] - source[0] == 1 and doc[source[0]].lower_ in ("who", "that") and parts[-1][0] > cue.i:
        parts[-1] = (parts[-1][0], _before_main_verb(doc, cue, *parts[-1]))
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
                                          or t.lower_ in BETWEEN for t in doc[cue.i + 1:end])
    if doc[start].lower_ in PREPOSITIONS and not about_a_number and not _has_quote(article, start, stop) \
            and not ends_sentence:
        return None
    spans = tuple(_content_span(doc, article, a, b) for a, b in parts)
    return Attribution(spans, token_span(doc, cue.i, cue.i + 1), token_span(doc, *source),
                       token_span(doc, *role) if role else None,
                       all(_is_direct(article, a, b) for a, b in parts))


def _before_main_verb(doc: Any, cue: Any, start: int, stop: int) -> int:
    """Where a relative clause's content ends when the sentence's own verb follows it ("The man who said he
    got the film off the ground has been shut out of the race": what he said stops before "has been")."""
    root = cue.sent.root
    if root.i == cue.i or not start < root.i < stop or root.pos_ not in ("VERB", "AUX"):
        return stop
    first = min([root.i] + [c.i for c in root.children if c.dep_ in ("aux", "aux:pass", "cop") and c.i > start])
    cut = trimmed(doc, start, first)[1]
    # the parse may take the content's own verb for the sentence's: then the cut would leave no clause
    return cut if any(t.tag_ in FINITE_TAGS for t in doc[start:cut]) else stop


def _content_first(doc: Any, article: Article, frame: tuple[int, int], before: int,
                   rest: int) -> list[tuple[int, int]] | None:
    """The content of a cue that comes after it ("“...,” he said"; "This campaign, he says, is
    different"), or None when the sentence does not have that shape."""
    floor, end = frame
    k = rest
    while k < end and doc[k].text == ",":
        k += 1
    if k < end and doc[k].lower_ in ("that", ":"):
        return None  # "..., he said that ...": the content follows
    head = trimmed(doc, _after_breaks(doc, floor, before - 1), before - 1)
    if rest >= end or doc[rest].is_space or (doc[rest].is_punct and doc[rest].text != "," and doc[rest].text not in OPENERS) \
            or doc[rest].lower_ in PREPOSITIONS or doc[rest].tag_ == "VBG":
        return [head] if head[1] - head[0] >= 3 else None
    if doc[rest].text != "," and head[1] - head[0] >= 3 and _is_direct(article, *head) \
            and not _has_quote(article, rest, end) \
            and not (_ends_sentence(doc, before) and any(t.tag_ in FINITE_TAGS for t in doc[rest:end])):
        # "“...,” Kasich told a crowd in Berea": after a whole quotation, the rest says to whom, where, when
        # (not "“... a year.” And Brown said the figures did not add up": a clause of its own follows)
        return [head]
    if doc[rest].text == ",":
        tail = trimmed(doc, rest, _clause_end(doc, article, rest + 1, end))
        if tail[1] > tail[0] and doc[tail[0]].tag_ != "VBG" and doc[tail[0]].lower_ not in CUE_FORMS and (
                doc[tail[0]].lower_ not in WH) and (  # "..., who was at the dinner": the source's description
                _has_quote(article, *tail) or any(t.tag_ in FINITE_TAGS for t in doc[tail[0]:tail[1]])):
            return [head, tail] if head[1] > head[0] else None  # the cue in the middle
        return [head] if head[1] - head[0] >= 3 else None
    return None


def _ends_sentence(doc: Any, before: int) -> bool:
    """Whether the words before token ``before`` close a sentence (". ”"), marks and spaces aside."""
    j = before - 1
    while j >= 0 and (doc[j].text in MARK_TOKENS or doc[j].is_space or doc[j].text in SEPARATORS - {","}):
        j -= 1
    return j >= 0 and doc[j].text in (".", "!", "?", "…")


def _past_adjuncts(doc: Any, i: int, end: int) -> int:
    """Past the words that may follow a cue before its content or source: "also", "on Friday",
    "earlier this week", "in a statement", "on Twitter"."""
    while i < end:
        word = doc[i].lower_
        if word in BETWEEN or word in TIME_WORDS:
            i += 1
        elif word in ("on", "in", "during", "at", "last", "this", "earlier") and i + 1 < end and (
                doc[i + 1].lower_ in TIME_WORDS or doc[i + 1].lower_ in ADJUNCT_NOUNS
                or (doc[i + 1].pos_ == "DET" and i + 2 < end and doc[i + 2].lower_ in ADJUNCT_NOUNS)):
            i += 2 if doc[i + 1].pos_ != "DET" else 3
        else:
            break
    return i


def _is_direct(article: Article, start: int, end: int) -> bool:
    """A content is a direct quote when quoted words make all of it (marks and punctuation aside)."""
    tokens = [i for i in range(start, end) if not article.doc[i].is_punct]
    return bool(tokens) and all(article.inside[i] for i in tokens) and len({article.quote_of[i] for i in tokens}) == 1


def _content_span(doc: Any, article: Article, start: int, end: int) -> TextSpan:
    """The content's characters; a direct quote without its marks and trailing comma."""
    if _is_direct(article, start, end):
        quote = article.quotes[article.quote_of[next(i for i in range(start, end) if article.inside[i])]]
        return TextSpan(quote.inner_start, quote.inner_end, article.text[quote.inner_start:quote.inner_end])
    return token_span(doc, start, end)


def _according_to(doc: Any, article: Article, frame: tuple[int, int]) -> list[Attribution]:
    found = []
    floor, end = frame
    for token in doc[floor:end - 2]:
        if token.lower_ != "according" or doc[token.i + 1].lower_ != "to" or article.inside[token.i]:
            continue
        source = np_right(doc, token.i + 2, end)
        if source is None:
            continue
        if token.i == floor or doc[token.i - 1].text in OPENERS:
            comma = next((t.i for t in doc[source[1]:end] if t.text == ","), None)
            content = trimmed(doc, comma + 1, end) if comma is not None else None
        else:
            content = trimmed(doc, _after_breaks(doc, floor, token.i), token.i)
        if content and content[1] - content[0] >= 3:
            found.append(Attribution((_content_span(doc, article, *content),), token_span(doc, token.i, token.i + 2),
                                     token_span(doc, *source), None, _is_direct(article, *content)))
    return found


def _name_colon(doc: Any, article: Article) -> list[Attribution]:
    """A speaker label and what follows it: a line that opens with a name and a colon ("Sanders: Brexit's
    message could ...", "JAKE TAPPER: Donald Trump released ..."), or a name and a colon right before a
    quotation ("Mark Blumenthal and Jon Cohen: “Although ...”"). The content must hold a verb or be quoted."""
    found = []
    text = article.text
    for token in doc:
        if token.text != ":" or article.inside[token.i] or token.i + 1 >= len(doc):
            continue
        label = speaker_label(doc, article, token.i)
        if label is None:
            continue
        line_start = text.rfind("\n", 0, doc[label[0]].idx) + 1
        quoted = article.inside[token.i + 1] or doc[token.i + 1].text in MARK_TOKENS
        if quoted:
            quote = next((q for q in article.quotes
                          if q.start >= token.idx and not text[token.idx + 1:q.start].strip()), None)
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
            start, stop = trimmed(doc, token.i + 1, stop)
            if stop - start < 3 or not (_has_quote(article, start, stop) or _has_verb(doc, start, stop)):
                continue
        else:
            continue
        found.append(Attribution((_content_span(doc, article, start, stop),), token_span(doc, token.i, token.i + 1),
                                 token_span(doc, *label), None, _is_direct(article, start, stop)))
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


def _continuations(doc: Any, article: Article, found: list[Attribution]) -> tuple[list[Attribution], list[Attribution]]:
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
        source = found[index].source
        if len(previous) > 1 and not found[index].direct and source is not None \
                and source.text.lower() in WH and found[previous[-2]].direct \
                and "\n\n" not in text[found[previous[-2]].content.end:quote.start]:
            index = previous[-2]  # "“...,” said X, who noted that .... “...”": more of X's quote
        last = found[index]
        tail = max([last.content.end] + [s.end for s in (last.cue, last.source, last.role) if s is not None])
        gap = text[tail:quote.start] if tail <= quote.start else ""
        part = TextSpan(quote.inner_start, quote.inner_end, text[quote.inner_start:quote.inner_end])
        if "\n\n" not in gap and (gap.strip(" ,.:;—–") == "" or _stands_alone(text, quote) or _led_in(text, quote)):
            found[index] = last.extended(part)
        elif _stands_alone(text, quote) and gap.count("\n\n") <= 1 and len(gap) <= 400:
            extra.append(Attribution((part,), None, None, None, True, continues=index))
    return found, extra


def _ends_its_sentence(text: str, quote: QuoteMarks) -> bool:
    """Whether a quotation ends its sentence: only punctuation, or a new sentence, after it on its line."""
    after_end = len(text) if (cut := text.find("\n", quote.end)) < 0 else cut
    after = text[quote.end:after_end].strip()
    return after[:1] in ("", ".", "!", "?") or after[:2].strip(". ")[:1].isupper()


def _stands_alone(text: str, quote: QuoteMarks) -> bool:
    """Whether a quotation is a sentence of its own: only a line break or a sentence end before it
    and only punctuation after it."""
    before = text[:quote.start].rstrip(" ")
    return (not before or before[-1] in ".!?\n”\"") and _ends_its_sentence(text, quote)


# The most words a short lead-in before a continued quotation may have ("Now, “within the business ...”").
MAX_LEAD_IN_WORDS: Final = 12


def _led_in(text: str, quote: QuoteMarks) -> bool:
    """Whether a quotation ends a sentence that opens with a few words of the reporter's and a comma, no cue
    among them ("Now, “within the business community ...”"; "Unless rivals quit the race, “it's ...”")."""
    before = text[:quote.start]
    start = max(before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind("\n"),
                before.rfind("” "), before.rfind("'' ")) + 1
    lead = before[start:].strip()
    words = [w.strip(".,;:!?\"“”'‘’").lower() for w in lead.split()]
    return bool(lead) and lead.endswith(",") and len(words) <= MAX_LEAD_IN_WORDS \
        and not any(w in CUE_FORMS for w in words) and "according" not in words and _ends_its_sentence(text, quote)


def find_attributions(doc: Any) -> list[Attribution]:
    """Every attribution of an analysed article, in text order (continuations point back by index)."""
    article = Article(doc)
    found: list[Attribution] = []
    seen_frames: set[tuple[int, int]] = set()
    for sentence in doc.sents:
        frame = article.frame(sentence)
        previous = None
        for token in sentence:
            if not article.inside[token.i] and is_cue(doc, token):
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
