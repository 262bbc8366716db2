"""Which words report which kind of event: PETRARCH2's CAMEO verb dictionary, read as PLOVER.

The verb dictionary (``data/cameo_verbs.json``, built by :mod:`newsdossier.events.lexicon_build`
from the MIT-licensed PETRARCH2 file) gives every verb a CAMEO code and its block's patterns
("ask ... for extradition" is 0213, "killed in an accident" is no event). PLOVER keeps only
CAMEO's two-digit categories, renamed and regrouped; :func:`plover_of` maps a code to a PLOVER
type and, where the code says how, a mode. CAMEO 01 (public statements) is no PLOVER event.
A few nouns that name events by themselves ("strike", "truce", "sanctions") are typed here.

Who can take part in a political event: PETRARCH2's agents dictionary (``data/agents.json``,
built by :mod:`newsdossier.events.agents_build`) lists the common nouns that name political actors
("police", "rebel", "villager"); :func:`actor_nouns` adds the generic ones that file leaves to
its role-specific entries ("official", "leader", "hostage") and the aircraft that strike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Set
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Final

__all__ = ["CAPTIVITY_NOUNS", "DASHES", "DOER_VERBS", "DYING_VERBS", "EVENT_NOUNS", "INTRANSITIVE_VERBS",
           "PLACE_LABELS", "PLOVER_TYPES", "PREPOSITIONS", "UNDERGONE_NOUNS", "Lexicon", "Pattern", "actor_nouns",
           "discards", "lexicon", "plover_of"]

PLOVER_TYPES: Final = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
                       "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "CRIME", "MOBILIZE",
                       "COERCE", "ASSAULT")

# CAMEO root (two digits) -> PLOVER type, after the PLOVER manual's own correspondence.
_ROOTS: Final = {"02": "DEMAND", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
                 "08": "CONCEDE", "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE", "12": "REJECT",
                 "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE",
                 "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT"}
# Codes under a root that PLOVER files elsewhere: a release or a withdrawal is a material
# retreat, not a verbal concession; embargoes and sanctions restrict (coercion); destroying
# property is an assault.
_CODES: Final = {"084": "RETREAT", "0841": "RETREAT", "0842": "RETREAT", "085": "RETREAT", "086": "RETREAT",
                 "0861": "RETREAT", "0862": "RETREAT", "0863": "RETREAT", "087": "RETREAT", "0871": "RETREAT",
                 "0872": "RETREAT", "0873": "RETREAT", "0874": "RETREAT", "163": "COERCE", "1712": "ASSAULT"}
# How, where the code says it (PLOVER's category-specific "mode").
_MODES: Final = {"041": "phone", "042": "visit", "043": "host", "044": "third-party", "141": "demo", "142": "hunger",
                 "143": "strike", "144": "obstruct", "145": "riot", "171": "seize", "1711": "seize", "1712": "destroy",
                 "172": "restrict", "1721": "restrict", "1722": "ban", "1723": "curfew", "1724": "martial-law",
                 "173": "arrest", "174": "deport", "180": "violence", "181": "abduct", "182": "beat", "1821": "beat",
                 "1822": "torture", "1823": "kill", "183": "explosives", "1831": "suicide-attack",
                 "1832": "explosives", "1833": "explosives", "184": "human-shield", "185": "assassinate",
                 "186": "assassinate", "190": "", "191": "blockade", "192": "occupy", "193": "firearms",
                 "194": "heavy-weapons", "195": "aerial", "196": "ceasefire-violation", "200": "mass-violence",
                 "201": "expel", "202": "mass-killing", "203": "ethnic-cleansing", "204": "wmd"}

# Nouns that name an event by themselves, with the type and mode they report ("the strike
# killed 25", "a truce was agreed"); other nominal triggers come from the verb dictionary
# through their verb ("attack", "protest").
EVENT_NOUNS: Final[dict[str, tuple[str, str]]] = {
    "airstrike": ("ASSAULT", "aerial"), "strike": ("ASSAULT", ""), "bombing": ("ASSAULT", "explosives"),
    "bombardment": ("ASSAULT", "heavy-weapons"), "shelling": ("ASSAULT", "heavy-weapons"),
    "attack": ("ASSAULT", ""), "assault": ("ASSAULT", ""), "raid": ("ASSAULT", ""), "ambush": ("ASSAULT", ""),
    "assassination": ("ASSAULT", "assassinate"), "massacre": ("ASSAULT", "mass-killing"),
    "killing": ("ASSAULT", "kill"), "shooting": ("ASSAULT", "firearms"), "explosion": ("ASSAULT", "explosives"),
    "blast": ("ASSAULT", "explosives"), "clash": ("ASSAULT", "firearms"), "invasion": ("ASSAULT", "occupy"),
    "offensive": ("ASSAULT", ""), "kidnapping": ("ASSAULT", "abduct"), "abduction": ("ASSAULT", "abduct"),
    "arrest": ("COERCE", "arrest"), "detention": ("COERCE", "arrest"), "deportation": ("COERCE", "deport"),
    "curfew": ("COERCE", "curfew"), "crackdown": ("COERCE", "restrict"), "blockade": ("COERCE", "restrict"),
    "embargo": ("COERCE", "restrict"), "sanction": ("SANCTION", ""), "protest": ("PROTEST", "demo"),
    "demonstration": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"), "riot": ("PROTEST", "riot"),
    "boycott": ("PROTEST", "strike"), "walkout": ("PROTEST", "strike"), "ceasefire": ("AGREE", ""),
    "truce": ("AGREE", ""), "agreement": ("AGREE", ""), "accord": ("AGREE", ""), "treaty": ("AGREE", ""),
    "talks": ("CONSULT", ""), "negotiation": ("CONSULT", ""), "summit": ("CONSULT", ""),
    "visit": ("CONSULT", "visit"), "meeting": ("CONSULT", ""), "withdrawal": ("RETREAT", ""),
    "pullout": ("RETREAT", ""), "release": ("RETREAT", ""), "investigation": ("INVESTIGATE", ""),
    "inquiry": ("INVESTIGATE", ""), "probe": ("INVESTIGATE", ""), "threat": ("THREATEN", ""),
    "ultimatum": ("THREATEN", ""), "mobilization": ("MOBILIZE", "troops"), "deployment": ("MOBILIZE", "troops"),
    "aid": ("AID", ""), "condemnation": ("DISAPPROVE", ""), "accusation": ("DISAPPROVE", ""),
    "lawsuit": ("DISAPPROVE", ""), "demand": ("DEMAND", ""), "appeal": ("DEMAND", ""), "veto": ("REJECT", ""),
    "rejection": ("REJECT", ""),
}


def plover_of(code: str | None) -> tuple[str, str] | None:
    """(PLOVER type, mode) for a CAMEO code; None for a public statement (01) or no event."""
    if not code or len(code) < 2:
        return None
    kind = _CODES.get(code) or _CODES.get(code[:3]) or _ROOTS.get(code[:2])
    if kind is None:
        return None
    return kind, _MODES.get(code, _MODES.get(code[:3], ""))


@dataclass(frozen=True, slots=True)
class Pattern:
    """Words expected before and after a verb (``&NAME``: any word of that synonym set), the
    CAMEO code they give (None: no event), and the plain words all of which must be near."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str | None
    needs: frozenset[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, dict[str, Any]]
    patterns: dict[str, tuple[Pattern, ...]]  # by block
    synsets: dict[str, frozenset[str]]
    # by block, the patterns of one word after the verb (not a preposition) by the words that meet them
    # (a synonym set's members for "&NAME"), in the block's order: what a verb's object may meet
    objects: dict[str, dict[str, tuple[Pattern, ...]]]
    ranked: dict[str, Ranked]  # by block: its patterns in the order the matcher tries them
    eventful: dict[str, Eventful]  # by block: the words its patterns that give an event need

    def candidates(self, block: str, near: Set[str]) -> list[Pattern]:
        """The block's patterns whose plain words are all in ``near``, longest first (the block's order among
        equals): the matcher takes the first of them that fits, as it would the longest, first, of all."""
        ranked = self.ranked.get(block)
        if ranked is None:
            return []
        met: dict[int, int] = {}
        for word in ranked.words.intersection(near):
            for place in ranked.by_word[word]:
                met[place] = met.get(place, 0) + 1
        places = [place for place, count in met.items() if count == ranked.needed[place]]
        places.extend(ranked.free)
        places.sort()
        return [ranked.order[place] for place in places]


@dataclass(frozen=True, slots=True)
class Eventful:
    """The words a block's patterns that give an event (a code :func:`plover_of` types) need near a verb: each
    pattern's groups, one per word (the word, or any member of its synonym set), and every word of them."""

    words: frozenset[str]
    groups: tuple[tuple[frozenset[str], ...], ...]
    by_first: dict[str, tuple[int, ...]]  # the patterns whose first group holds a word

    @classmethod
    def of(cls, patterns: tuple[Pattern, ...], synsets: dict[str, frozenset[str]]) -> Eventful:
        groups = tuple(tuple(synsets.get(w, frozenset()) if w.startswith("&") else frozenset((w,))
                             for w in (*p.before, *p.after)) for p in patterns if plover_of(p.code) is not None)
        by_first: dict[str, list[int]] = {}
        for place, words in enumerate(groups):
            for word in words[0]:
                by_first.setdefault(word, []).append(place)
        return cls(frozenset(by_first), groups, {word: tuple(places) for word, places in by_first.items()})

    def possible(self, near: Set[str]) -> bool:
        """Whether some pattern that gives an event has each of its words among ``near``."""
        return any(all(not group.isdisjoint(near) for group in self.groups[place][1:])
                   for word in self.words.intersection(near) for place in self.by_first[word])


@dataclass(frozen=True, slots=True)
class Ranked:
    """One block's patterns longest first, and where each plain word is needed: read per verb, the patterns
    whose words are near are found from the words near (a few) instead of testing every pattern (up to 188)."""

    order: tuple[Pattern, ...]
    needed: tuple[int, ...]  # how many plain words each pattern needs
    by_word: dict[str, tuple[int, ...]]  # the places in ``order`` of the patterns that need a word
    free: tuple[int, ...]  # the patterns that need no plain word (synonym sets only)
    words: frozenset[str]  # every plain word some pattern needs

    @classmethod
    def of(cls, patterns: tuple[Pattern, ...]) -> Ranked:
        order = tuple(sorted(patterns, key=lambda p: -(len(p.before) + len(p.after))))  # stable: the block's order
        by_word: dict[str, list[int]] = {}
        for place, pattern in enumerate(order):
            for word in pattern.needs:
                by_word.setdefault(word, []).append(place)
        return cls(order, tuple(len(p.needs) for p in order), {w: tuple(found) for w, found in by_word.items()},
                   tuple(place for place, p in enumerate(order) if not p.needs), frozenset(by_word))


# The words of a pattern that say nothing of a verb's sense without someone in their slot.
PREPOSITIONS: Final = frozenset({"to", "with", "in", "on", "at", "for", "from", "into", "by", "against", "of",
                                  "between", "upon", "across", "before", "about", "over", "through", "toward",
                                  "towards", "after", "onto"})


# Where PETRARCH2's dictionary codes a block against the CAMEO codebook: (block, its code) -> the
# codebook's. Its SUE block says 173 (arrest, detain, charge with legal action) for "sued", which
# the codebook files as 115, bringing a lawsuit (PLOVER: an accusation, as the noun "lawsuit"); its
# ESTIMATE block makes "counting on", "reckoning on" an appeal (020): relying on someone asks nothing.
_CODEBOOK: Final[dict[tuple[str, str | None], str | None]] = {("sue", "173"): "115", ("estimate", "020"): None}


def _majority_first(patterns: tuple[Pattern, ...]) -> tuple[Pattern, ...]:
    """A block's patterns with, among those of the same words, one of the CAMEO root most of them give first.

    PETRARCH2 merged the verb lists of several blocks under one name, so the same words may carry several codes
    ("start &NEGOTIATION" is 036 twice, 040 twice and 046 three times: which verb each came from is lost). The
    matcher takes the first of equal size; first is now the reading most of the dictionary's lines give (the
    first of them on a tie), not whichever line came first in the file."""
    roots: dict[tuple[tuple[str, ...], tuple[str, ...]], Counter[str]] = {}
    for pattern in patterns:
        roots.setdefault((pattern.before, pattern.after), Counter())[(pattern.code or "")[:2]] += 1
    chosen = {words: counts.most_common(1)[0][0] for words, counts in roots.items()}  # ties: the first seen
    preferred = sorted(range(len(patterns)), key=lambda i: (
        (patterns[i].code or "")[:2] != chosen[(patterns[i].before, patterns[i].after)], i))
    placed: dict[tuple[tuple[str, ...], tuple[str, ...]], list[Pattern]] = {}
    for i in preferred:
        placed.setdefault((patterns[i].before, patterns[i].after), []).append(patterns[i])
    # each group of the same words keeps the place of its first line, in its new order
    out: list[Pattern] = []
    for pattern in patterns:
        group = placed[(pattern.before, pattern.after)]
        out.append(group.pop(0))
    return tuple(out)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = json.loads(resources.files("newsdossier.events").joinpath("data", "cameo_verbs.json").read_text("utf-8"))
    synsets = {name: frozenset(w.split()[0] for w in words if w) for name, words in data["synsets"].items()}
    for entry in data["verbs"].values():
        entry["code"] = _CODEBOOK.get((entry["block"], entry.get("code")), entry.get("code"))
    patterns = {
        block: _majority_first(tuple(Pattern(tuple(pre), tuple(post), _CODEBOOK.get((block, code), code),
                                             frozenset(w for w in (*pre, *post) if not w.startswith("&")))
                                     for pre, post, code in entry["patterns"]))
        for block, entry in data["blocks"].items()}
    objects: dict[str, dict[str, tuple[Pattern, ...]]] = {}
    for block, block_patterns in patterns.items():
        by_word: dict[str, list[Pattern]] = {}
        for pattern in block_patterns:
            if not pattern.before and len(pattern.after) == 1 and pattern.after[0] not in PREPOSITIONS:
                word = pattern.after[0]
                for member in (synsets.get(word, frozenset()) if word.startswith("&") else (word,)):
                    by_word.setdefault(member, []).append(pattern)
        if by_word:
            objects[block] = {word: tuple(found) for word, found in by_word.items()}
    return Lexicon(data["verbs"], patterns, synsets, objects, {b: Ranked.of(found) for b, found in patterns.items()},
                   {b: Eventful.of(found, synsets) for b, found in patterns.items()})


# Generic nouns for people and groups that the agents file only has inside longer entries
# ("official source", "party leader"), and the aircraft that carry out strikes ("Israeli jets").
_GENERIC_ACTORS: Final = frozenset({
    "official", "officer", "leader", "member", "hostage", "prisoner", "captive", "detainee", "suspect", "force",
    "country", "state", "nation", "chief", "person", "group", "coalition", "union", "party", "ally", "neighbour",
    "neighbor", "committee", "council", "agency", "queen", "driver", "pilot", "boy", "family", "attacker",
    "jet", "warplane", "drone", "helicopter", "gunship", "aircraft", "militiaman", "assailant", "fighter",
    "crowd", "protestor", "inspector", "secretary", "envoy", "delegation", "mob", "staff", "crew", "team"})


@lru_cache(maxsize=1)
def actor_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """(single nouns, multi-word phrases) that name a political actor, lower case."""
    data = json.loads(resources.files("newsdossier.events").joinpath("data", "agents.json").read_text("utf-8"))
    return frozenset(data["nouns"]) | _GENERIC_ACTORS, frozenset(data["phrases"])


@lru_cache(maxsize=1)
def discards() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(sentence, story) patterns of PETRARCH2's discard phrases (``data/discards.json``, built by
    :mod:`newsdossier.events.agents_build`): a sentence holding a sentence phrase ("goalkeeper",
    "film festival", "tropical storm"), or an article holding a story phrase ("Champions League",
    "Wimbledon"), reports no political event. Both match lower-cased text, whole words."""
    data = json.loads(resources.files("newsdossier.events").joinpath("data", "discards.json").read_text("utf-8"))

    def pattern(phrases: list[str]) -> re.Pattern[str]:
        # one alternative per phrase would be tried at every position; a trie of the phrases'
        # characters lets the engine drop a position at its first letter
        trie: dict[str, Any] = {}
        for phrase in phrases:
            node = trie
            for char in " ".join(phrase.split()):
                node = node.setdefault(char, {})
            node[""] = {}
        return re.compile(rf"(?<!\w)(?:{_trie_regex(trie)})(?!\w)")

    return pattern(data["sentence"]), pattern(data["story"])


def _trie_regex(node: dict[str, Any]) -> str:
    """A regular expression matching every path of a character trie ("" marks a phrase's end)."""
    ends = "" in node
    branches = [(r"\s+" if char == " " else re.escape(char)) + _trie_regex(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + ("?" if ends else "")


# Words the arguments of an event are read by (events/arguments.py).
# Verbs whose subject does the event their object names: "Iran launched an attack", "police carried out
# raids", "the rebels signed a truce". Any other verb's subject only says something of that event:
# "the UN condemned the attack", "police are investigating the shooting", "Russia denied the bombing".
DOER_VERBS: Final = frozenset({
    "launch", "carry", "conduct", "stage", "mount", "commit", "perpetrate", "wage", "begin", "start", "resume",
    "continue", "step", "intensify", "escalate", "make", "hold", "lead", "organise", "organize", "orchestrate",
    "execute", "order", "plan", "plot", "attempt", "try", "claim", "sign", "reach", "strike", "conclude",
    "announce", "impose", "issue", "give", "offer", "provide", "deliver", "send", "pay", "host", "call", "file",
    "bring", "take", "declare", "initiate", "undertake", "extend", "renew", "maintain", "enforce", "tighten",
    "unleash", "direct", "open", "seal", "finalise", "finalize", "broker", "negotiate", "agree", "approve",
    "authorise", "authorize", "complete", "pursue", "press", "threaten", "vow", "promise", "pledge", "propose",
    "demand", "seek", "request", "grant", "hand", "mastermind", "spearhead", "fire", "ramp", "set", "prepare",
    "arrange", "coordinate", "join", "attend", "wrap", "finish", "chair", "head", "pose", "use", "employ", "expand",
    "widen", "broaden", "observe",
})

# Event nouns whose possessor is the one it is done to, unless an "of" phrase names that one: "Kennedy's
# assassination", "his arrest", "her release"; but "Israel's killing of Soleimani", "Russia's invasion".
UNDERGONE_NOUNS: Final = frozenset({"abduction", "arrest", "assassination", "deportation", "detention",
                                     "kidnapping", "killing", "release", "shooting", "execution", "murder", "capture",
                                     "extradition"})

# Where one is held: "released from prison" without its "was" is still a passive (a caption's).
CAPTIVITY_NOUNS: Final = frozenset({"prison", "jail", "custody", "detention", "captivity", "gaol"})

# Verbs with no object, so never passive: a noun they describe does them ("Thousands marched through Paris").
# The NER labels of a place name.
PLACE_LABELS: Final = frozenset({"LOC", "GPE", "FAC"})
# The dashes a dateline or an aside is written with ("BAGHDAD -", "a strike — the third — ...").
DASHES: Final = frozenset({"-", "–", "—", "--"})
INTRANSITIVE_VERBS: Final = frozenset({"march", "demonstrate", "rally", "riot", "clash", "mutiny", "rebel"})

# Verbs whose subject undergoes the event the dictionary files them under (CAMEO codes "die" as a killing).
DYING_VERBS: Final = frozenset({"die", "perish"})
