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

__all__ = ["RACE_ARTICLE_WORDS", "RALLIES", "SPORT_ARTICLE_WORDS", "VERBAL_ATTACKS", "contest_sense", "filmed",
           "game_result", "labour_strike", "race_article", "speech_venue", "sport_article", "verbal_attack"]

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
                            "hijacked", "torture", "tortured", "rape", "raped", "sentence", "sentenced", "convict",
                            "convicted"})
# What introduces the grounds of a criticism: "attacked him for ...", "slammed her over ...".
_GROUNDS: Final = frozenset({"for", "over"})
_PEOPLE_PRONOUNS: Final = frozenset({"he", "she", "i", "you", "we", "his", "her", "my", "your", "our"})


def verbal_attack(token: Any, source: Any | None, weapon: Callable[[Any], bool], target: Any | None = None) -> bool:
    """Whether the violent verb ``token`` (with its source's head word) is criticism: a verb of
    :data:`VERBAL_ATTACKS` whose source is a person's name or a personal pronoun (or, with no
    source, whose ``target`` is, given for a noun: "Warren was under near-constant attack"), in a clause
    without a word of violence (:data:`_VIOLENCE`, or a common noun ``weapon`` accepts: the event
    dictionary's weapons and aircraft; not "Super" in "Super Tuesday") besides the verb itself and
    the grounds it gives ("attacked Obama [for being too tough on guns]"); or any such verb whose object is a
    decision, a plan or what someone said (:data:`_CRITICISED`: "blasted the release of the guerrilla")."""
    lemma = token.lemma_.lower()
    said_of = source if source is not None else target
    if lemma not in VERBAL_ATTACKS and token.lower_ not in VERBAL_ATTACKS:
        return False
    if token.pos_ == "VERB" and any(c.dep_ == "obj" and c.lemma_.lower() in _CRITICISED for c in token.children):
        return True  # "The United States blasted the release of a guerrilla": a decision is criticised, not shot
    if token.pos_ == "VERB" and any(c.tag_ == "VBG" and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)
                                    for c in token.children):
        return True  # "Algeria attacked Britain for allowing Islamists to meet": what someone is blamed for doing
    if said_of is None:
        return False
    person = said_of.ent_type_ in ("PER", "PERSON") or said_of.lower_ in _PEOPLE_PRONOUNS or any(
        c.dep_ == "flat" and c.ent_type_ in ("PER", "PERSON") for c in said_of.children)  # "Mr [Clarke]"
    if not person:
        return False
    grounds = {t.i for c in token.children if any(g.dep_ in ("case", "mark") and g.lower_ in _GROUNDS
                                                   for g in c.children) for t in c.subtree}
    clause = token.head if token.pos_ != "VERB" and token.head.pos_ in ("VERB", "AUX") else token  # a noun's verb
    return not _shows_violence((t for t in clause.subtree if t.i != token.i and t.i not in grounds), weapon)


# What only words can attack: a decision, a plan, what someone said.
_CRITICISED: Final = frozenset({"release", "decision", "move", "plan", "policy", "policies", "remark", "remarks",
                                "comment", "comments", "statement", "proposal", "ruling", "verdict", "report", "law",
                                "bill", "budget", "speech", "stance", "handling", "record", "ideology", "idea", "ideas",
                                "view", "views", "rhetoric", "agenda", "claim", "claims", "argument", "approach",
                                "strategy", "response", "leadership", "credibility", "character", "tweet", "tweets"})


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


# Words of games and their seasons; an article with several of them reports sport, where a team that
# "defeated", "crushed" or "broke away from" another, or a player "traded", did no political act.
_SPORT: Final = frozenset({
    "season", "coach", "league", "tournament", "championship", "playoff", "playoffs", "play-off", "play-offs",
    "semi-final", "semi-finals", "semifinal", "semifinals", "quarter-final", "quarter-finals", "quarterfinal",
    "quarterfinals", "match", "matches", "teammate", "teammates", "team-mate", "team-mates", "striker", "midfielder",
    "defender", "goalkeeper", "scored", "innings", "wicket", "touchdown", "quarterback", "pitcher", "inning",
    "halftime", "half-time", "squad", "fixture", "stadium", "olympic", "olympics", "medal", "athlete", "athletes",
    "referee", "kick-off", "game", "games", "player", "players", "baseball", "basketball", "soccer", "cricket",
    "rugby", "hockey", "batting", "hitter", "slugger", "pitchers", "nba", "mlb", "nhl", "flanker", "scrum-half",
    "fly-half", "uncapped", "hamstring", "skipper", "line-up", "six nations", "premiership"})
_SPORT_WORD: Final = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, _SPORT), key=len, reverse=True))
                                + r")(?![\w-])")
# Words of :data:`_SPORT` that only a game's report uses; medals, players and the names of sports
# also come up in politics ("Olympics", "soccer" in a profile of an exile).
_SPORT_CORE: Final = _SPORT - {"medal", "olympic", "olympics", "athlete", "athletes", "player", "players", "stadium",
                               "defender", "baseball", "basketball", "soccer", "cricket", "rugby", "hockey", "batting",
                               "hitter", "slugger", "pitchers", "nba", "mlb", "nhl"}
# Distinct words of :data:`_SPORT` (two of them of :data:`_SPORT_CORE`) that make an article a sports
# report. BBC, all files but the sport sample kept for a trial: sport 251 of 411, politics 2 of 417,
# business 1 of 510, entertainment 3 of 386, technology 14 of 401 (most about video games); PolNeAR
# train samples B-F 6 of 740, each about sport, television or a newsletter's mix. "Football",
# "tennis" and "golf" are left out: political news uses them.
SPORT_ARTICLE_WORDS: Final = 4


def sport_article(lowered: str) -> bool:
    """Whether an article (its lower-cased text) reports sport: it uses :data:`SPORT_ARTICLE_WORDS`
    or more distinct words of :data:`_SPORT`, two of them of :data:`_SPORT_CORE`."""
    found = set(_SPORT_WORD.findall(lowered))
    return len(found) >= SPORT_ARTICLE_WORDS and len(found & _SPORT_CORE) >= 2


# A game's results a side is carried to ("shot their side to a 2-0 win", "fired Leeds into the final").
_RESULTS: Final = frozenset({"win", "victory", "triumph", "title", "championship", "lead", "draw", "success", "final",
                             "semi-final", "semifinal", "quarter-final", "quarterfinal", "promotion", "glory"})


def game_result(token: Any) -> bool:
    """Whether a verb carries its object "to" or "into" a game's result within the next few words ("shot their side
    to a 2-0 win over Barcelona"), whatever the parse made of the score: in a sports report, a side's doing, no
    violence. Read from the words, as the parser often hangs the score's numbers elsewhere."""
    doc = token.doc
    stop = min(token.i + 7, token.sent.end)
    for i in range(token.i + 1, stop):
        word = doc[i]
        if word.is_punct and word.text not in ("-", "'") or word.pos_ in ("VERB", "AUX"):
            return False
        if word.lower_ in ("to", "into"):
            return any(w.lower_ in _RESULTS for w in doc[i + 1:min(i + 6, token.sent.end)])
    return False


# Words of film-making: a film, a scene or an episode is "shot" with a camera.
_FILMING: Final = frozenset({"film", "films", "movie", "movies", "scene", "scenes", "filming", "footage", "documentary",
                             "episode", "episodes", "sequel", "cinema", "studio", "studios", "camera", "cameras"})


def filmed(token: Any, weapon: Callable[[Any], bool]) -> bool:
    """Whether "shoot" is a camera's ("Hotel Rwanda was shot mostly in South Africa, with some scenes made in
    Kigali"): its sentence has a word of :data:`_FILMING` and none of violence but the verb itself (:data:`_VIOLENCE`,
    ``weapon``), and nobody is shot "at"."""
    if token.lemma_.lower() != "shoot" and token.lower_ not in ("shot", "shoot", "shoots", "shooting"):
        return False
    words = [t for t in token.sent if t.i != token.i]
    if not any(t.lower_ in _FILMING for t in words):
        return False
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "at":
        return False  # "the film crew was shot at"
    return not _shows_violence(words, weapon)


def contest_sense(token: Any, weapon: Callable[[Any], bool], race: bool = False, rally: bool = False) -> bool:
    """Whether a violent or coercive word ``token`` (a verb, or "rally") is an election race's
    ("captured Iowa", "clobbered her in New Hampshire", "at a rally in Portland, Trump said") or a
    game's: its sentence has a word of :data:`_CONTEST`, or its article is about a race or reports
    sport (``race``: see :func:`race_article`, :func:`sport_article`), and the sentence none of
    violence (:data:`_VIOLENCE`, ``weapon``; "attacks" alone is what candidates trade) or protest."""
    if token.lemma_.lower() in _DEADLY or token.lower_ in _DEADLY:
        return False  # "was killed in the 2012 attacks", "was arrested in 2008": no race's words
    own = RALLIES if rally else frozenset()  # a rally is no race's word by itself
    if not race and not any(t.lower_ in _CONTEST and t.lower_ not in own for t in token.sent):
        return False
    words = [t for t in token.sent if t.i != token.i]
    if any(t.lemma_.lower().startswith(("protest", "demonstrat", "march")) and t.text != "March" for t in words):
        return False  # a protest or a march, not the month ("the match with Ireland on 12 March")
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


# Verbs of speaking: a rally a person speaks at or to is where a politician campaigns.
_SPOKE: Final = frozenset({"say", "tell", "speak", "talk", "address", "declare", "announce", "promise", "vow",
                           "pledge", "claim", "boast", "joke", "argue", "insist", "add", "warn", "predict", "urge"})


def speech_venue(token: Any) -> bool:
    """Whether a "rally" is where a person spoke ("Trump said at a rally in Monroe", "she told a rally
    in Ohio", "addressed a rally": a name or "he", "she"), a campaign's stage whatever the article is
    about; not one where protesters or a crowd did ("protesters said at the rally")."""
    if token.lower_ not in RALLIES:
        return False
    verb = token.head
    at = token.dep_ == "obl" and any(c.dep_ == "case" and c.lower_ == "at" for c in token.children)
    if verb.lemma_.lower() not in _SPOKE or not (at or token.dep_ in ("obj", "iobj")):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.ent_type_ in ("PER", "PERSON") or subject.pos_ == "PROPN"
                                    or subject.lower_ in ("he", "she"))


# Words that make a "strike" a stoppage of work: who stops ("rail", "teachers"), how long ("48-hour"),
# how widely ("general", "national"), or a hunger strike.
_STOPPAGE_WORDS: Final = frozenset({
    "hunger", "general", "national", "nationwide", "rail", "postal", "teachers", "workers", "union", "labour",
    "labor", "staff", "pilots", "doctors", "nurses", "miners", "transport", "wildcat", "indefinite", "sympathy",
    "one-day", "two-day", "three-day", "tube", "bus", "airport", "airline", "dockers", "strikers"})
_DURATION: Final = re.compile(r"^\d+-(?:hour|day|week)$")
# Words of a sentence about work stopping ("called by the Unite union", "a row over pay").
_WORK_WORDS: Final = frozenset({"union", "unions", "workers", "pay", "wages", "walkout", "picket", "pickets",
                                "pension", "pensions", "employers", "staff", "protest", "protesting"})
# Verbs whose object "strike" is a stoppage: a strike is observed, not an air strike.
_STOPPAGE_VERBS: Final = frozenset({"observe"})


def labour_strike(noun: Any) -> bool:
    """Whether the noun "strike" is a stoppage of work (PLOVER files it as a protest), not an attack: a
    word of :data:`_STOPPAGE_WORDS` or a duration before it ("a planned 48-hour strike", "a hunger strike"),
    "on strike", "strike action", one observed, or a word of work or protest in its sentence ("a strike
    to protest against the move") and no word of violence."""
    doc = noun.doc
    if any(c.lower_ in _STOPPAGE_WORDS or _DURATION.match(c.lower_) for c in noun.lefts):
        return True
    if noun.i > 0 and doc[noun.i - 1].lower_ in _STOPPAGE_WORDS | {"on"} or _DURATION.match(doc[noun.i - 1].lower_):
        return True
    if noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ in ("action", "ballot", "vote"):
        return True
    if noun.dep_ == "obj" and noun.head.lemma_.lower() in _STOPPAGE_VERBS:
        return True
    words = [t.lower_ for t in noun.sent]
    return bool(_WORK_WORDS.intersection(words)) and not _VIOLENCE.intersection(words)
