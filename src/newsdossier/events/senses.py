"""Which sense of a violent word a sentence uses: a politician who "attacked" a rival or
"targeted" a group with adverts criticised them; troops that attacked a village did violence; a
candidate who "clobbered" a rival in a primary, or a campaign's "rally", did neither.

The dictionary codes "attack", "target", "slam" ... as violence (CAMEO 190) by default. In news
about politics the verbal sense is the common one, so a violent verb whose source is a person's
name (or "he", "she") is read as criticism (DISAPPROVE, CAMEO 111) unless its sentence shows
violence: a weapon, a wound, a death, an arrest, or an armed group. And violence words in a
sentence about an election race (a primary, polls, a nomination, delegates) without a word of
violence are that race's ("dominated Sanders in the South", "fought his own primary against
Clinton", "Sanders's rally in Ventura"): no event.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Iterable
from typing import Any, Final

__all__ = ["RACE_ARTICLE_WORDS", "RALLIES", "VERBAL_ATTACKS", "contest_sense", "race_article", "verbal_attack"]

# Violent verbs with a common verbal sense ("Trump attacked Clinton's record", "slammed the plan").
VERBAL_ATTACKS: Final = frozenset({"attack", "target", "assail", "slam", "blast", "hit", "lash", "savage", "bash",
                                   "hammer", "batter", "clash", "strike", "rip", "pummel", "pound", "fire"})
# Words that show the violent sense in a sentence.
_VIOLENCE: Final = frozenset({
    "kill", "killed", "killing", "dead", "death", "die", "died", "wound", "wounded", "injure", "injured", "injury",
    "hurt", "shoot", "shot", "shooting", "gun", "gunfire", "gunman", "gunmen", "knife", "stab", "stabbed", "bomb",
    "bombing", "blast", "explosion", "explosive", "grenade", "rocket", "missile", "shell", "shelling", "mortar",
    "rifle", "weapon", "weapons", "armed", "troops", "soldier", "soldiers", "militant", "militants", "rebel",
    "rebels", "army", "police", "officer", "officers", "arrest", "arrested", "victim", "victims", "hospital",
    "murder", "murdered", "assault", "violence", "violent", "fighter", "fighters", "militia", "terrorist",
    "terrorists", "air", "drone", "raid", "punched", "punch", "beat", "beaten", "hostage", "hostages", "aircraft",
    "battery", "batteries", "artillery", "tank", "tanks", "jet", "jets", "warplane", "warplanes", "thug", "thugs",
    "mob", "mobs", "riot", "riots", "rioter", "rioters", "brawl", "attacker", "attackers", "assailant", "blood",
    "bloody", "fistfight", "pepper", "tear", "clash", "clashes", "pirate", "pirates", "hijack", "hijacked",
    "kidnap", "kidnapped", "abduct", "abducted", "abduction", "siege", "war", "invasion"})
RALLIES: Final = frozenset({"rally", "rallies"})
# Violent and coercive words that no election race uses for itself.
_DEADLY: Final = frozenset({"arrest", "arrested", "detain", "detained", "jail", "jailed", "imprison", "imprisoned",
                            "deport", "deported", "indict", "indicted", "kill", "killed", "murder", "murdered",
                            "shoot", "shot", "stab", "stabbed", "bomb", "bombed", "wound", "wounded", "injure",
                            "injured", "massacre", "massacred", "execute", "executed", "behead", "beheaded",
                            "assassinate", "assassinated", "kidnap", "kidnapped", "abduct", "abducted", "hijack",
                            "hijacked", "torture", "tortured", "rape", "raped"})
# What introduces the grounds of a criticism: "attacked him for ...", "slammed her over ...".
_GROUNDS: Final = frozenset({"for", "over"})
_PEOPLE_PRONOUNS: Final = frozenset({"he", "she", "i", "you", "we", "his", "her", "my", "your", "our"})


def verbal_attack(token: Any, source: Any | None, weapon: Callable[[Any], bool]) -> bool:
    """Whether the violent verb ``token`` (with its source's head word) is criticism: a verb of
    :data:`VERBAL_ATTACKS` whose source is a person's name or a personal pronoun, in a clause
    without a word of violence (:data:`_VIOLENCE`, or a common noun ``weapon`` accepts: the event
    dictionary's weapons and aircraft; not "Super" in "Super Tuesday") besides the verb itself and
    the grounds it gives ("attacked Obama [for being too tough on guns]")."""
    lemma = token.lemma_.lower()
    if lemma not in VERBAL_ATTACKS and token.lower_ not in VERBAL_ATTACKS or source is None:
        return False
    person = source.ent_type_ in ("PER", "PERSON") or source.lower_ in _PEOPLE_PRONOUNS
    if not person:
        return False
    grounds = {t.i for c in token.children if any(g.dep_ in ("case", "mark") and g.lower_ in _GROUNDS
                                                   for g in c.children) for t in c.subtree}
    clause = token.head if token.pos_ != "VERB" and token.head.pos_ in ("VERB", "AUX") else token  # a noun's verb
    return not _shows_violence((t for t in clause.subtree if t.i != token.i and t.i not in grounds), weapon)


# Words that only an election race uses; an article with several of them is about one.
_RACE: Final = frozenset({"election", "elections", "primary", "primaries", "poll", "polls", "polling", "caucus",
                          "caucuses", "delegate", "delegates", "nomination", "nominee", "ballot", "ballots", "voters",
                          "candidate", "candidates", "electoral", "front-runner", "frontrunner", "runoff",
                          "reelection", "re-election", "campaign", "campaigning", "debate"})
# Words of an election race in a sentence: those and the politics around them.
_CONTEST: Final = _RACE | frozenset({
    "pollster", "race", "campaigns", "vote", "votes", "voter", "voting", "debates", "endorsement", "gop",
    "democrats", "republicans", "democratic", "republican", "senate", "congressional", "gubernatorial", "governor",
    "inauguration", "rally", "rallies", "supporters", "stump", "fundraiser", "fundraising", "super", "pac", "win",
    "wins", "victory", "victories", "campaigned"})
_RACE_WORD: Final = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, _RACE), key=len, reverse=True))
                               + r")(?![\w-])")
RACE_ARTICLE_WORDS: Final = 3  # distinct words of :data:`_RACE` that make an article an election race's


def race_article(lowered: str) -> bool:
    """Whether an article (its lower-cased text) is about an election race: it uses
    :data:`RACE_ARTICLE_WORDS` or more distinct words of :data:`_RACE`."""
    return len(set(_RACE_WORD.findall(lowered))) >= RACE_ARTICLE_WORDS


def contest_sense(token: Any, weapon: Callable[[Any], bool], race: bool = False, rally: bool = False) -> bool:
    """Whether a violent or coercive word ``token`` (a verb, or "rally") is an election race's
    ("captured Iowa", "clobbered her in New Hampshire", "at a rally in Portland, Trump said"): its
    sentence has a word of :data:`_CONTEST`, or its article is about a race (``race``: see
    :func:`race_article`), and the sentence none of violence (:data:`_VIOLENCE`, ``weapon``;
    "attacks" alone is what candidates trade) or protest."""
    if token.lemma_.lower() in _DEADLY or token.lower_ in _DEADLY:
        return False  # "was killed in the 2012 attacks", "was arrested in 2008": no race's words
    own = RALLIES if rally else frozenset()  # a rally is no race's word by itself
    if not race and not any(t.lower_ in _CONTEST and t.lower_ not in own for t in token.sent):
        return False
    words = [t for t in token.sent if t.i != token.i]
    if any(t.lemma_.lower().startswith(("protest", "demonstrat", "march")) for t in words):
        return False
    if rally:  # a campaign's rally ("held a rally"), where a candidate speaks, whatever of violence the speech tells
        return not any(t.lower_ == "against" for t in words)  # but "a rally against the war"
    return not _shows_violence(words, weapon, attacks=False)


def _shows_violence(words: Iterable[Any], weapon: Callable[[Any], bool], *, attacks: bool = True) -> bool:
    """Whether one of ``words`` is a word of violence (:data:`_VIOLENCE`, or a hyphenated word
    holding one: "anti-aircraft") or a common noun ``weapon`` accepts (not "Super" in "Super
    Tuesday"); "attack" itself only when ``attacks``."""
    return any(t.lemma_.lower() in _VIOLENCE or t.lower_ in _VIOLENCE
               or any(part in _VIOLENCE for part in t.lower_.split("-"))
               or t.pos_ == "NOUN" and weapon(t) and (attacks or t.lemma_.lower() != "attack") for t in words)
