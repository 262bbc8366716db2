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

from functools import cache
from typing import Any

__all__ = ["REPAIR_COMPONENT", "SENTENCES_COMPONENT", "news_tokenizer", "repair_misread_verbs", "set_sentence_starts"]

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


REPAIR_COMPONENT = "newsdossier_repair"
_VERB_FORMS = frozenset({"VBD", "VBN", "VBG", "VBZ", "VBP"})
_DATE_CASES = frozenset({"in", "on", "during", "until", "till", "since", "before", "after", "by"})


def _names_a_date(token: Any) -> bool:
    """A month, a weekday or a year ("in January", "on Monday", "in 1947")."""
    from newsdossier.timex.lexicon import MONTHS, WEEKDAYS

    text = token.lower_.rstrip(".")
    return text in MONTHS or text in WEEKDAYS or token.shape_ == "dddd" and 1800 <= int(token.text) <= 2100


@cache
def _verb_lemma(form: str) -> str | None:
    from lemminflect import getLemma

    found = getLemma(form, upos="VERB")
    return found[0] if found else None


_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def repair_misread_verbs(doc: Any) -> Any:
    """Give back its clause to a past verb the parser read as a modifier of the noun after it ("Hamas fighters
    fired rockets into Israel": "fired" an adjective of "rockets", "fighters" the root). In a sentence whose root
    is a noun and which has no other verb, a word tagged as a past form that modifies the next noun phrase and
    follows a noun becomes the root: the noun phrase before it its subject, the one it modified its object, the
    root's other dependents after it its own (a place or time phrase becomes an oblique); and the repairs below.
    A repair that would make a word its own ancestor is not made, and should the tree come out of the repairs
    with a cycle anyway, the parser's own is put back."""
    from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG

    attrs = [HEAD, DEP, TAG, POS, LEMMA]
    saved = doc.to_array(attrs)
    try:
        _repair(doc)
        broken = _has_cycle(doc)
    except RuntimeError:  # spaCy's own check of a tree gone wrong (E039)
        broken = True
    if broken:
        doc.from_array(attrs, saved)
    return doc


def _below(token: Any, ancestor: Any) -> bool:
    """Whether ``ancestor`` is ``token`` or above it in the tree (attaching ``ancestor`` under ``token`` would
    close a cycle)."""
    for _ in range(len(token.doc)):
        if token.i == ancestor.i:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return True


def _has_cycle(doc: Any) -> bool:
    for token in doc:
        seen = 0
        while token.head.i != token.i:
            token, seen = token.head, seen + 1
            if seen > len(doc):
                return True
    return False


def _repair(doc: Any) -> None:
    for token in doc:
        # "The minister left for Moscow", "was shot and killed": an irregular verb whose form the trained
        # lemmatizer kept as its lemma gets its base form
        if token.tag_ in _VERB_FORMS and token.lemma_.lower() == token.lower_ and token.is_alpha:
            base = _verb_lemma(token.lower_)
            if base and base != token.lower_:
                token.lemma_ = base
        # "it expects to obtain approval", "Arnor is about to restore ties": an infinitive after its verb is its
        # complement, not its clausal subject, unless the verb is a predicate "it" only stands in for ("it is hard
        # to say")
        if token.dep_ == "csubj" and token.i > token.head.i and any(
                c.dep_ == "mark" and c.lower_ == "to" for c in token.children):
            head = token.head
            has_subject = any(c.dep_ in ("nsubj", "nsubj:pass") for c in head.children)
            lexical = head.pos_ == "VERB" and not any(c.dep_ in ("cop", "aux:pass") for c in head.children)
            if has_subject or lexical:
                token.dep_ = "xcomp"
                if lexical:
                    for c in head.children:
                        if c.dep_ == "expl" and c.i < head.i:
                            c.dep_ = "nsubj"
        # "agreed to acquire the company in January": a date phrase hung on the verb's object dates the verb
        if token.dep_ == "nmod" and _names_a_date(token) and token.head.dep_ in ("obj", "obl") \
                and token.head.pos_ == "NOUN" and token.head.head.pos_ == "VERB" \
                and not _below(token.head.head, token) and any(
                    c.dep_ == "case" and c.lower_ in _DATE_CASES for c in token.children):
            token.head, token.dep_ = token.head.head, "obl"
        # "fired at Hezbollah fighters": a plural the tagger took for a verb though the parse gives it a preposition
        # or a determiner and a nominal relation
        if token.tag_ in ("VBZ", "VBP") and token.dep_ in ("obl", "obj", "nmod", "nsubj", "nsubj:pass") and any(
                c.dep_ in ("case", "det", "compound", "amod", "nummod") for c in token.children):
            token.tag_, token.pos_ = ("NNS" if token.lower_.endswith("s") else "NN"), "NOUN"
    for token in doc:
        # "found among monkeys imported from the Philippines": a past form with no subject or auxiliary of its own
        # right after a noun, before a preposition, is a participle describing that noun, not a clause of the verb
        if token.tag_ == "VBD" and token.dep_ == "advcl" and token.i > 0 and token.i + 1 < len(doc) \
                and doc[token.i - 1].pos_ in ("NOUN", "PROPN") and doc[token.i - 1].dep_ != "nsubj" \
                and doc[token.i + 1].pos_ == "ADP" and not _below(doc[token.i - 1], token) and not any(
                    c.dep_ in ("nsubj", "nsubj:pass", "aux", "aux:pass", "mark", "obj") for c in token.children):
            token.head, token.dep_, token.tag_ = doc[token.i - 1], "acl", "VBN"
        # "The bomb killed 12 people and injured dozens": a word in -ed after "and", read as an adjective of a noun
        # joined to a past verb's object, is a second verb of that subject
        if token.tag_ in ("JJ", "VBN") and token.dep_ == "amod" and token.lower_.endswith("ed") and token.i > 0 \
                and doc[token.i - 1].lower_ == "and" and token.head.i == token.i + 1 and token.head.dep_ == "conj" \
                and token.head.head.dep_ == "obj" and token.head.head.head.tag_ == "VBD":
            noun, verb = token.head, token.head.head.head
            cc = doc[token.i - 1]
            token.head, token.dep_, token.tag_, token.pos_ = verb, "conj", "VBD", "VERB"
            noun.head, noun.dep_ = token, "obj"
            cc.head = token
            base = _verb_lemma(token.lower_)
            if base:
                token.lemma_ = base
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN"):
            continue
        after = next((t for t in sent if t.tag_ == "VBD" and t.dep_ in ("acl", "acl:relcl") and t.head.i == root.i
                      and t.i == root.i + 1
                      and not any(c.dep_.startswith(("nsubj", "aux", "mark")) for c in t.children)),
                     None)
        if after is not None:  # "At least 10 people died in clashes": the finite verb after its subject, not a clause
            children = [c for c in root.children if c.i > after.i]
            after.head, after.dep_ = after, "ROOT"
            root.head, root.dep_ = after, "nsubj"
            for child in children:
                child.head = after
            continue
        if any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in sent):
            continue
        verb = next((t for t in sent if t.dep_ == "amod" and t.head.i > t.i and t.i > sent.start + 1
                     and (t.tag_ in ("VBD", "VBN") or t.tag_ == "JJ" and t.lower_.endswith("ed")
                          and _verb_lemma(t.lower_) not in (None, t.lower_))
                     and (doc[t.i - 1].pos_ in _NOMINAL or doc[t.i - 1].text == "," and doc[t.i - 2].pos_ in _NOMINAL)
                     and not any(c.dep_ in ("advmod", "case", "det") for c in t.children)), None)
        if verb is None:
            continue
        obj = verb.head
        # the noun before it, or before its comma ("France's far-right leader, Marine Le Pen, voiced support")
        subject = doc[verb.i - 1] if doc[verb.i - 1].text != "," else doc[verb.i - 2]
        while subject.head.i < verb.i and subject.head.i != subject.i and subject.dep_ in ("compound", "flat", "amod"):
            subject = subject.head
        if subject.i >= verb.i or obj.i <= verb.i:
            continue
        after_root = [c for c in root.children if c.i > obj.i] if root.i < verb.i else []
        before = [c for c in obj.children if c.i < verb.i and c.i != subject.i]  # "consumer" of "consumer demand"
        verb.head, verb.dep_ = verb, "ROOT"
        subject.head, subject.dep_ = verb, "nsubj"
        obj.head, obj.dep_ = verb, "obj"
        for child in before:
            child.head = subject
        for child in after_root:  # "fighters ... into Israel on Sunday": the verb's, no longer the subject's
            child.head = verb
            if child.dep_ in ("nmod", "nmod:unmarked"):
                child.dep_ = "obl" if child.dep_ == "nmod" else "obl:unmarked"
        for child in list(obj.children):
            if child.i > obj.i and child.dep_ == "punct" and child.i == sent.end - 1:
                child.head = verb
        verb.tag_, verb.pos_ = "VBD", "VERB"
        verb.lemma_ = _verb_lemma(verb.lower_) or verb.lemma_


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(SENTENCES_COMPONENT):
        Language.component(SENTENCES_COMPONENT, func=set_sentence_starts)
    if not Language.has_factory(REPAIR_COMPONENT):
        Language.component(REPAIR_COMPONENT, func=repair_misread_verbs)


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
