"""Which organisation "the company said" and "it said" stand for: the one the article is about.

Business and political news names an organisation once or twice ("Swiss drugmaker Novartis"),
then refers back to it as "the company", "the firm", "the bank" or "it". The one meant is
almost always the organisation the article is about at that point: the one named most often
before the cue (a subject counting more, the lead sentence most); among equals, one whose name
holds the description's noun ("the bank" and "the Bank of England"), then one named in the last
three sentences. Names inside quotation marks do not count (they
are what someone said), nor names inside the statement itself, nor the medium of a report ("told the
Chicago Sun-Times", "according to Dow Jones"). When two organisations are named
equally often and the last sentences do not decide, the source stays as described: a wrong
company in a dossier is worse than "the company".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any, Final

from newsdossier.quotes.marks import find_quote_marks
from newsdossier.quotes.model import TextSpan

__all__ = ["ORGANISATION_NOUNS", "salient_organisation"]

# Nouns a reporter uses for an organisation already named ("the company said", "the carmaker
# added"). Not "government", "party", "court" or "union": those name a body of a country or a
# movement that the article often never names ("the government said" in a British paper); not
# "paper", "network" or "broadcaster": the media an article cites are seldom the organisation it
# is about, and the NER seldom calls them organisations.
ORGANISATION_NOUNS: Final = frozenset("""company firm group bank carrier airline automaker carmaker retailer
insurer lender supermarket chain manufacturer maker producer operator business giant club agency regulator
watchdog charity institute organisation organization exchange fund conglomerate brewer miner utility developer
distributor""".split())
# A name's own words that say nothing of which organisation it is.
_GENERIC: Final = frozenset("the of and & inc inc. ltd ltd. plc corp corp. co co. group holdings".split())
# How many sentences back the latest mention counts as what the article is about now.
RECENT_SENTENCES: Final = 3


def _initials(text: str) -> str:
    """"BCC" of "British Chamber of Commerce", "ICBC" of "Industrial and Commercial Bank of China"."""
    return "".join(w[0] for w in text.replace("&", " ").split() if w[:1].isupper()).lower()


def _same(a: str, b: str) -> bool:
    """Whether two names are one organisation: one's words inside the other's ("Novartis", "Novartis AG";
    not "Bank of England", "Bank of Japan"), or one the other's initials ("BCC")."""
    ka, kb = _key(a), _key(b)
    if ka <= kb or kb <= ka:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return short.isupper() and len(short) >= 2 and " " not in short.strip() and short.lower() == _initials(long)


def _key(text: str) -> frozenset[str]:
    words = (w.strip(".,'’\"“”()").lower() for w in re.sub(r"['’]s\b", "", text).split())
    return frozenset(w for w in words if w and w not in _GENERIC)


# Words after a name that make it a market index, not an organisation ("the Dow Jones industrial average").
_INDEX_WORDS: Final = frozenset({"index", "average", "industrial", "industrials", "composite"})


def _organisation(entity: Any) -> bool:
    """An ORG name, or a name the NER called a place or other that no gazetteer place bears ("Novartis");
    not a market index named after a company ("the Dow Jones industrial average")."""
    doc = entity.doc
    if entity.end < len(doc) and doc[entity.end].lower_ in _INDEX_WORDS:
        return False
    if entity.label_ == "ORG":
        return True
    if entity.label_ not in ("LOC", "MISC") or not entity.text[:1].isupper() or not any(t.pos_ == "PROPN" for t in entity):
        return False  # not "Californian"
    from newsdossier.places.gazetteer import gazetteer  # loaded once per process; the build has it already

    places = gazetteer()
    return not places.candidates(entity.text) and places.demonym(entity.text) is None


# Words before a name that make it the medium of a report, not its subject (as does "reported" after it):
# "told the Chicago Sun-Times", "according to Dow Jones", "in an interview with CNN", "reported by Reuters",
# "writing in the Lancet".
_MEDIUM_BEFORE: Final = (("told",), ("tells",), ("telling",), ("tell",), ("according", "to"), ("interview", "with"),
                         ("reported", "by"), ("quoted", "by"), ("writing", "in"), ("wrote", "in"), ("said", "in"))


def _medium(entity: Any) -> bool:
    """Whether a mention is whom a source spoke to or where a report appeared ("told the Chicago Sun-Times")."""
    doc = entity.doc
    i = entity.start
    if i > 0 and doc[i - 1].lower_ == "the":
        i -= 1
    before = tuple(t.lower_ for t in doc[max(0, i - 2):i])
    if entity.end < len(doc) and doc[entity.end].lower_ in ("reported", "reports", "reporting"):
        return True  # "..., the Chicago Sun-Times reported"
    return any(before[-len(words):] == words for words in _MEDIUM_BEFORE if len(before) >= len(words))


def _weight(entity: Any, first_sentence: int) -> int:
    """How much a mention says the article is about it: one, one more as a subject, two more in
    the lead sentence (news names its protagonist first)."""
    subject = any(t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") or t.head.dep_ in ("nsubj", "nsubj:pass")
                  for t in entity)
    return 1 + subject + 2 * (entity.start_char < first_sentence)


def salient_organisation(doc: Any, before: int, noun: str, content: Sequence[TextSpan] = (),
                         text: str | None = None, *, recent: int | None = None) -> TextSpan | None:
    """The organisation "the ``noun``" or "it" stands for at character ``before`` (see the module
    docstring), or None when none, or none clearly; ``content``: the statement's own spans;
    ``recent``: it must be named within that many sentences (the cue's own counted), as "it" needs."""
    text = doc.text if text is None else text
    quoted = [q.inner for q in find_quote_marks(text[:before])]
    mentions = [e for e in doc.ents if e.end_char <= before and _key(e.text)
                and not any(a <= e.start_char < b for a, b in quoted)
                and not any(c.start <= e.start_char < c.end for c in content) and not _medium(e) and _organisation(e)]
    if not mentions:
        return None
    groups: list[list[Any]] = []
    for mention in mentions:  # "Novartis" joins "Novartis AG"; "Bank of England" does not join "Bank of Japan"
        group = next((g for g in groups if any(_same(mention.text, m.text) for m in g)), None)
        if group is None:
            groups.append([mention])
        else:
            group.append(mention)
    starts = [s.start_char for s in doc.sents]
    first_sentence = starts[1] if len(starts) > 1 else len(text)
    cue_sentence = bisect.bisect_right(starts, before) - 1

    def rank(group: list[Any]) -> tuple[int, bool, bool]:
        named_lately = cue_sentence - (bisect.bisect_right(starts, group[-1].start_char) - 1) < RECENT_SENTENCES
        fits = any(noun in _key(m.text) for m in group)  # "the bank" after "the Bank of England"
        return sum(_weight(m, first_sentence) for m in group), fits, named_lately

    ranked = sorted(groups, key=rank, reverse=True)
    if len(ranked) > 1 and rank(ranked[1]) == rank(ranked[0]):
        return None  # two organisations equally in view: leave it as described
    if recent is not None and cue_sentence - (bisect.bisect_right(starts, ranked[0][-1].start_char) - 1) >= recent:
        return None
    name = max(ranked[0], key=lambda m: len(m.text))  # the fullest form the article gives
    return TextSpan(name.start_char, name.end_char, name.text)
