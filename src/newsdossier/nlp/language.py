"""What the bundled pipeline changes in spaCy's English defaults for news text.

* **Tokenizer**: a hyphen between letters no longer splits a word, so transliterated names
  ("al-Kadhemi", "Abu Mahdi al-Muhandis") and compounds stay one token, as CoNLL-2003 (the
  NER training data) tokenises them. Dashes (en, em, double hyphen) still split.
* **Apostrophes**: a word written with a typographic apostrophe ("Kata’ib", "Paris’") is shown to
  the tagger and parser as if written with a straight one (its norm, prefix, suffix and shape), the
  form the training treebank uses; its text and offsets are unchanged (:func:`read_curly_apostrophes_as_straight`).
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

__all__ = ["REPAIR_COMPONENT", "SENTENCES_COMPONENT", "news_tokenizer", "read_curly_apostrophes_as_straight",
           "repair_misread_verbs", "set_sentence_starts"]

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
_DEGREE = frozenset({"very", "so", "too", "more", "most", "less", "least", "quite", "rather", "how", "as"})


@cache
def _inflected(form: str, tag: str, *, itself: bool = False) -> bool:
    """Whether ``form`` is a verb's inflection ``tag`` (``VBD`` "threatened", ``VBN`` "slain", ``VBZ`` "kills"),
    of a verb other than itself unless ``itself`` ("cut", "hit" are their own pasts)."""
    from lemminflect import getInflection

    base = _verb_lemma(form)
    return base is not None and (itself or base != form) and form in getInflection(base, tag=tag)


@cache
def _known_verb(lemma: str) -> bool:
    """Whether lemminflect's dictionary has ``lemma`` as a verb."""
    from lemminflect import getAllInflections

    return bool(getAllInflections(lemma, upos="VERB"))



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


_MODIFIER_DEPS = frozenset({"advmod", "amod", "nummod", "fixed", "det", "case"})


def _predicate(token: Any) -> bool:
    """A word that can head a clause: a verb, or any word with a copula ("was slain", "is angry")."""
    return token.pos_ in ("VERB", "AUX") or any(c.dep_ in ("cop", "aux:pass") for c in token.children)


_QUANTIFIERS = frozenset({"several", "many", "some", "few", "others", "most", "all", "both", "each", "dozens",
                          "hundreds", "thousands", "two", "three", "four", "five"})




def _colon_clause(doc: Any, verb: Any) -> None:
    """Make ``verb`` (a word in -s read as a compound) the verb of the verbless phrase after a colon it stands in,
    when the words before it are its own (the name): "tweeted: thug Putin kills journalists"."""
    noun = verb.head
    phrase = [t for t in noun.subtree if not (t.is_punct and t.i < verb.i)]  # the colon may hang on the noun
    start = phrase[0].i
    if start == 0 or doc[start - 1].text != ":" or noun.head.i >= start \
            or any(t.pos_ in ("VERB", "AUX") for t in phrase) \
            or not all(_below(t, verb) for t in phrase if t.i < verb.i):
        return
    subject = doc[verb.i - 1]
    before = [t for t in phrase if t.i < verb.i and t.i != subject.i and t.head.i in (verb.i, noun.i)]
    verb.head, verb.dep_ = noun.head, "ccomp"
    verb.tag_, verb.pos_, verb.lemma_ = "VBZ", "VERB", _verb_lemma(verb.lower_) or verb.lemma_
    noun.head, noun.dep_ = verb, "obj"
    subject.head, subject.dep_ = verb, "nsubj"
    for t in before:  # "thug" of "thug Putin"
        t.head, t.dep_ = subject, "compound"
    colon = doc[start - 1]
    if colon.head.i == noun.i:
        colon.head = verb


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
        # "attacked" given the lemma "attacke": a verb's lemma that no English verb has gives way to lemminflect's,
        # when that one is a known verb ("retweeted" keeps "retweet", which lemminflect does not know either)
        elif token.tag_ in _VERB_FORMS and token.is_alpha and not _known_verb(token.lemma_.lower()):
            base = _verb_lemma(token.lower_)
            if base and _known_verb(base):
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
        # (or on the last of its objects: "to acquire the Peoria, Ill., bank holding company in January")
        noun = token.head
        while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i < noun.i:
            noun = noun.head
        if token.dep_ == "nmod" and _names_a_date(token) and noun.dep_ in ("obj", "obl") \
                and token.head.pos_ in ("NOUN", "PROPN") and noun.head.pos_ == "VERB" \
                and (noun.pos_ == "NOUN" or noun.i != token.head.i) \
                and not _below(noun.head, token) and any(
                    c.dep_ == "case" and c.lower_ in _DATE_CASES for c in token.children):
            token.head, token.dep_ = noun.head, "obl"
        # "fired at Hezbollah fighters": a plural the tagger took for a verb though the parse gives it a preposition
        # or a determiner and a nominal relation
        if token.tag_ in ("VBZ", "VBP") and token.dep_ in ("obl", "obj", "nmod", "nsubj", "nsubj:pass") and any(
                c.dep_ in ("case", "det", "compound", "amod", "nummod") for c in token.children):
            token.tag_, token.pos_ = ("NNS" if token.lower_.endswith("s") else "NN"), "NOUN"
        # "released her returns": a possessive right before it makes a word the tagger took for a verb a noun, the
        # object of the verb the parse hung it on as a clause
        elif token.tag_ == "VBZ" and token.lower_.endswith("s") and token.i > 0 and doc[token.i - 1].tag_ == "PRP$" \
                and doc[token.i - 1].head.i == token.i and token.dep_ in ("ccomp", "xcomp", "parataxis") \
                and token.head.pos_ == "VERB" and token.head.i < token.i and not any(
                    c.dep_.startswith(("nsubj", "aux", "obj", "mark")) for c in token.children):
            token.tag_, token.pos_, token.dep_ = "NNS", "NOUN", "obj"
    for token in doc:
        # "Israel's killing of Soleimani": a possessive "'s" is the possessor's case marker, never an auxiliary
        if token.tag_ == "POS" and token.dep_ != "case" and token.i > 0 and token.head.i > token.i:
            owner, owned = doc[token.i - 1], token.head
            if owner.head.i == owned.i and owner.dep_ in ("nsubj", "nsubj:pass", "obj", "dep", "compound", "nmod"):
                token.head, token.dep_ = owner, "case"
                owner.dep_ = "nmod:poss"
        # "Kathina, a Guyana native in Albany less than 16 months, was slain": a subject the parse hung on a
        # modifier ("less") is the subject of the first predicate above it that has none
        if token.dep_ in ("nsubj", "nsubj:pass") and token.head.dep_ in _MODIFIER_DEPS and token.head.i > token.i:
            above = token.head
            for _ in range(len(doc)):
                if above.head.i == above.i or _predicate(above):
                    break
                above = above.head
            if _predicate(above) and above.i > token.i and not _below(above, token) and not any(
                    c.dep_ in ("nsubj", "nsubj:pass", "csubj", "expl") for c in above.children):
                token.head = above
                if any(c.dep_ == "aux:pass" for c in above.children):
                    token.dep_ = "nsubj:pass"
        # "Romney tweeted: thug Putin kills journalists": a verbless phrase after a colon whose name is followed by a
        # word in -s that can be a verb and then the phrase's head noun is a clause, that word its verb
        if token.dep_ == "compound" and token.tag_ in ("NNS", "NNPS") and token.lower_.endswith("s") \
                and token.i > 1 and doc[token.i - 1].pos_ == "PROPN" and token.head.pos_ == "NOUN" \
                and token.head.i == token.i + 1 and token.head.dep_ in ("obj", "dep", "appos", "parataxis") \
                and _inflected(token.lower_, "VBZ"):
            _colon_clause(doc, token)
        # "several threatened to disrupt the convention": a past form in -ed read as a noun, with an infinitive after
        # it, is a verb governing that infinitive, and a quantifier before it its subject
        if (token.pos_ == "NOUN" or token.tag_ == "NN") and token.lower_.endswith("ed") \
                and _inflected(token.lower_, "VBD"):
            infinitive = next((c for c in token.children if c.i > token.i and c.tag_ == "VB" and c.dep_ in (
                "advcl", "acl", "ccomp", "xcomp") and any(m.dep_ == "mark" and m.lower_ == "to" for m in c.children)),
                None)
            if infinitive is not None:
                token.tag_, token.pos_, token.lemma_ = "VBD", "VERB", _verb_lemma(token.lower_) or token.lemma_
                infinitive.dep_ = "xcomp"
                before = [c for c in token.children if c.i < token.i and c.dep_ in ("amod", "det", "nummod")]
                if len(before) == 1 and before[0].lower_ in _QUANTIFIERS and not any(
                        c.dep_.startswith("nsubj") for c in token.children):
                    before[0].dep_ = "nsubj"
        # "was slain", "were taken": an irregular past participle after "be", read as an adjective, is a passive
        if token.tag_ == "JJ" and not token.lower_.endswith("ed") and _inflected(token.lower_, "VBN") and not any(
                c.dep_ == "advmod" and c.lower_ in _DEGREE for c in token.children):
            cop = next((c for c in token.children if c.dep_ == "cop" and c.lemma_.lower() == "be"), None)
            if cop is not None:
                cop.dep_ = "aux:pass"
                for c in token.children:
                    if c.dep_ == "nsubj":
                        c.dep_ = "nsubj:pass"
                token.tag_, token.pos_, token.lemma_ = "VBN", "VERB", _verb_lemma(token.lower_) or token.lemma_
    for token in doc:
        # "found among monkeys imported from the Philippines": a past form with no subject or auxiliary of its own
        # right after a noun, before a preposition, is a participle describing that noun, not a clause of the verb
        # (or as a clause beside it: "arrested ... on charges of felony DWI linked to serious injuries"); a date or
        # place phrase the parse gave it from before its noun is then the clause's ("on May 5 ... linked")
        if token.tag_ == "VBD" and token.dep_ in ("advcl", "parataxis") and token.i > 0 and token.i + 1 < len(doc) \
                and doc[token.i - 1].pos_ in ("NOUN", "PROPN") and doc[token.i - 1].dep_ != "nsubj" \
                and doc[token.i + 1].pos_ == "ADP" and not any(
                    c.dep_ in ("nsubj", "nsubj:pass", "aux", "aux:pass", "mark", "obj") for c in token.children):
            clause = token.head
            earlier = [c for c in token.children if c.i < token.i - 1 and c.dep_.startswith("obl")]
            if earlier and not any(_below(clause, c) for c in earlier):
                for child in earlier:
                    child.head = clause
            if not _below(doc[token.i - 1], token):
                token.head, token.dep_, token.tag_ = doc[token.i - 1], "acl", "VBN"
            else:
                for child in earlier:
                    child.head = token
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
        if root.lower_.endswith("ing") and root.tag_ in ("VBG", "NN") and root.dep_ == "ROOT":
            _gerund_subject(root)
            continue
        if root.tag_ in ("VBD", "VBN") and _reduced_relative(doc, root):
            continue
        if root.pos_ not in ("NOUN", "PROPN"):
            continue
        if _verb_between(doc, root):
            continue
        after = next((t for t in sent if t.tag_ == "VBD" and t.dep_ in ("acl", "acl:relcl") and t.head.i == root.i
                      and t.i == root.i + 1
                      and not any(c.dep_.startswith(("nsubj", "aux", "mark")) for c in t.children)),
                     None)
        if after is None and not any(c.dep_ in ("cop", "nsubj") for c in root.children):
            # "A fire-bomb attack on a bank in Greece killed at least three people Wednesday": a participle describing
            # a noun takes no object, so a past form with one, hung on the root noun as its clause, is the verb
            after = next((t for t in root.children if t.tag_ in ("VBD", "VBN") and t.dep_ == "acl" and t.i > root.i
                          and any(c.dep_ == "obj" and c.i > t.i for c in t.children)
                          and not any(c.dep_.startswith(("nsubj", "aux", "mark", "cop")) for c in t.children)), None)
            if after is not None:
                after.tag_ = "VBD"
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


_MOVED_CASES = frozenset({"in", "on", "at", "during", "since", "amid", "after", "before", "until", "near"})


def _verb_between(doc: Any, root: Any) -> bool:
    """"The US cut ties with Cuba in 1961", read with "ties" the root, "US" its subject and "cut" a compound: a
    noun root with a subject and no copula is a misparse, and a word right after the subject's phrase that can be a
    past or present verb is the verb, the root its object. Repaired in place; whether it was."""
    children = list(root.children)
    if any(c.dep_ in ("cop", "aux", "aux:pass") for c in children):
        return False
    subject = verb = None
    for child in children:  # the subject hangs on the root, or on the word read as its compound
        if child.i < root.i and child.dep_ in ("compound", "amod"):
            subject = next((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None)
            if subject is not None:
                verb = child
                break
    if subject is None:
        subject = next((c for c in children if c.dep_ == "nsubj" and c.i < root.i), None)
        if subject is None:
            return False
        at = max(t.i for t in subject.subtree) + 1
        verb = doc[at] if at < root.i and doc[at].head.i == root.i else None
    if verb is None or verb.dep_ not in ("compound", "amod") or not verb.is_lower \
            or max(t.i for t in subject.subtree) + 1 != verb.i \
            or not (_inflected(verb.lower_, "VBD", itself=True) or _inflected(verb.lower_, "VBZ")):
        return False
    verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
    verb.tag_ = "VBZ" if _inflected(verb.lower_, "VBZ") else "VBD"
    verb.lemma_ = _verb_lemma(verb.lower_) or verb.lemma_
    subject.head = verb
    root.head, root.dep_ = verb, "obj"
    for child in children:
        if child.i > root.i and (child.dep_ in ("conj", "punct", "advcl", "parataxis") or child.dep_ == "nmod" and any(
                c.dep_ == "case" and c.lower_ in _MOVED_CASES for c in child.children)):
            child.head = verb
            if child.dep_ == "nmod":
                child.dep_ = "obl"
    return True


def _reduced_relative(doc: Any, root: Any) -> bool:
    """"The attack, made using a kitchen knife, occurred around 9 p.m. Sunday", read with "made" the root and
    "occurred" its conjunct: a participle set off by commas right after the subject describes it, and the finite
    verb after the second comma (joined by no "and" or "or") is the sentence's. Repaired in place; whether it was."""
    children = list(root.children)
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < root.i), None)
    if subject is None or any(c.dep_ in ("aux", "aux:pass", "cop") for c in children) \
            or not _inflected(root.lower_, "VBN", itself=True):
        return False
    end = max(t.i for t in subject.subtree if not (t.is_punct and t.i > subject.i))
    if end + 2 != root.i or doc[end + 1].text != ",":
        return False
    verb = next((c for c in children if c.dep_ == "conj" and c.tag_ == "VBD" and doc[c.i - 1].text == ","
                 and not any(g.dep_ in ("cc", "nsubj", "nsubj:pass") for g in c.children)), None)
    if verb is None:
        return False
    verb.head, verb.dep_ = verb, "ROOT"
    root.head, root.dep_, root.tag_ = subject, "acl", "VBN"
    subject.head = verb
    for child in children:
        if child.i > verb.i:
            child.head = verb
    return True




_CLAUSE_OF_ROOT = frozenset({"xcomp", "ccomp", "advcl", "conj", "amod", "acl", "dep", "parataxis"})


def _gerund_subject(root: Any) -> None:
    """"Israel's killing of Soleimani shocked the region", read with "killing" the root and "shocked" its
    complement ("The army's shelling of the town continued", "continued" a clause of "shelling"): a gerund with a
    possessor and no auxiliary is a noun, so it cannot be the sentence's verb; the past form after it is, with the
    gerund its subject and the words after the past form its own."""
    children = list(root.children)
    if not any(c.dep_ == "nmod:poss" and c.i < root.i for c in children) or any(
            c.dep_ in ("aux", "aux:pass", "nsubj", "nsubj:pass", "cop") for c in children):
        return
    def past(c: Any) -> bool:
        return c.tag_ == "VBD" or c.tag_ in ("VBN", "JJ") and c.lower_.endswith("ed") and _verb_lemma(c.lower_) \
            not in (None, c.lower_)

    verb = next((c for c in children if c.i > root.i and c.dep_ in _CLAUSE_OF_ROOT and past(c) and not any(
        d.dep_.startswith(("nsubj", "aux", "mark", "cop")) for d in c.children)), None)
    if verb is None:  # "Soleimani's killing angered Iran", "angered" read as an adjective of the object
        obj = next((c for c in children if c.dep_ == "obj" and c.i > root.i), None)
        if obj is None:
            return
        verb = next((a for a in obj.children if a.dep_ == "amod" and root.i < a.i < obj.i and past(a)
                     and not any(True for _ in a.children)), None)
        if verb is None:
            return
        obj.head = verb
        children = [c for c in children if c.i != obj.i]
    for child in children:
        if child.i > verb.i:
            child.head = verb
            if child.dep_ in ("nmod", "nmod:unmarked"):
                child.dep_ = "obl" if child.dep_ == "nmod" else "obl:unmarked"
        elif child.dep_ == "obl":
            child.dep_ = "nmod"  # "of Soleimani": the killing's
    verb.head, verb.dep_, verb.tag_, verb.pos_ = verb, "ROOT", "VBD", "VERB"
    verb.lemma_ = _verb_lemma(verb.lower_) or verb.lemma_
    root.head, root.dep_, root.tag_, root.pos_, root.lemma_ = verb, "nsubj", "NN", "NOUN", root.lower_


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(SENTENCES_COMPONENT):
        Language.component(SENTENCES_COMPONENT, func=set_sentence_starts)
    if not Language.has_factory(REPAIR_COMPONENT):
        Language.component(REPAIR_COMPONENT, func=repair_misread_verbs)


_register()


_CURLY_APOSTROPHES: dict[int, str] = {ord("\u2019"): "'", ord("\u2018"): "'"}


def _straight(getter: Any) -> Any:
    def read(text: str) -> Any:
        return getter(text.translate(_CURLY_APOSTROPHES))
    read.straightened = True  # type: ignore[attr-defined]
    return read


def read_curly_apostrophes_as_straight(nlp: Any) -> Any:
    """Let the statistical components see a word with a typographic apostrophe as the treebank writes it.

    UD English-EWT, which the tagger and parser learn from, writes "'" almost everywhere, so a name like
    "Kata’ib" (U+2019) is an unseen shape the parser reads as a verb, breaking its clause. The norm, prefix,
    suffix and shape of such a word (what the token-to-vector layer reads) become those of its straight form;
    the text, and so every offset, stays as written. Applied once to a pipeline's vocabulary (again is a no-op)."""
    from spacy.attrs import NORM, PREFIX, SHAPE, SUFFIX

    getters = nlp.vocab.lex_attr_getters
    for attr in (NORM, PREFIX, SUFFIX, SHAPE):
        if attr in getters and not getattr(getters[attr], "straightened", False):
            getters[attr] = _straight(getters[attr])
    for lexeme in list(nlp.vocab):  # words the tokenizer's exceptions created before the getters changed
        text = lexeme.orth_
        if "\u2019" in text or "\u2018" in text:
            straight = text.translate(_CURLY_APOSTROPHES)
            lexeme.prefix_ = getters[PREFIX](straight)
            lexeme.suffix_ = getters[SUFFIX](straight)
            lexeme.shape_ = getters[SHAPE](straight)
    return nlp


def news_tokenizer(nlp: Any) -> Any:
    """spaCy's English tokenizer without the letter-hyphen-letter infix split."""
    from spacy.util import compile_infix_regex

    infixes = [pattern.replace("(?:-|–|—|--|---|——|~)", "(?:–|—|--|---|——|~)") for pattern in nlp.Defaults.infixes]
    if infixes == list(nlp.Defaults.infixes):
        raise RuntimeError("spaCy's English hyphen infix rule has changed; update news_tokenizer")
    tokenizer = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return tokenizer
