"""Senses of a typed trigger that report no political event, read from its words and arguments.

The CAMEO dictionary types a verb by the act it names in politics; the same verb in business,
sport, entertainment or on the campaign trail names something else. These are the senses that
new-user readings of real piles (PolNeAR train samples, BBC business, technology and
entertainment, ECB+ train topics) kept finding as events: a work or product "released", a post in
a firm or a team left, an interview or a meeting with voters, a campaign trip; harm that no actor
or weapon is said to do ("was hurt in the game"); a storm named like a person ("Hurricane Mitch
... Mitch killed 10,000 people").
"""

from __future__ import annotations

import re
from typing import Any, Final

from newsdossier.events.arguments import antecedent, lemma_of, names_actor_token
from newsdossier.events.lexicon import CAPTIVITY_NOUNS
from newsdossier.events.model import TextSpan

__all__ = ["harm_without_doer", "ordinary_sense", "storm_names"]

# Words of the news media: a meeting or talk with them is an interview, a statement ("spoke with
# the Times", "met reporters"), not a consultation between actors.
_MEDIA: Final = frozenset({"news", "times", "post", "journal", "tribune", "herald", "gazette", "telegraph", "magazine",
                           "newspaper", "tv", "television", "radio", "network", "reporter", "reporters", "journalist",
                           "journalists", "press", "media", "podcast", "show", "interviewer", "host", "anchor",
                           "channel", "broadcaster", "outlet", "outlets", "editor", "editors", "columnist",
                           "correspondent", "correspondents", "newsroom"})
# Who a candidate meets on the trail: a meeting with them is campaigning, not a consultation.
_AUDIENCES: Final = frozenset({"voters", "supporters", "crowd", "crowds", "audience", "audiences", "donors",
                               "volunteers", "fans", "attendees", "rallygoers", "caucusgoers"})
_MET: Final = _MEDIA | _AUDIENCES
# Posts in firms and teams: leaving one concedes nothing to anyone ("stepped down as chief executive").
_JOBS: Final = frozenset({"executive", "ceo", "cfo", "coo", "manager", "coach", "captain", "boss"})
# Products a firm releases ("the Magic Keyboard that Apple released").
_PRODUCTS: Final = frozenset({"phone", "smartphone", "handset", "console", "laptop", "computer", "tablet", "device",
                              "chip", "processor", "camera", "keyboard", "gadget", "printer", "headset"})
# What is released by publishing it, not by setting it free.
_DOCUMENTS: Final = frozenset({
    "poll", "survey", "report", "statement", "video", "album", "film", "movie", "book", "data", "figure", "result",
    "list", "document", "email", "e-mail", "transcript", "tape", "recording", "ad", "advert", "advertisement",
    "website", "memo", "letter", "study", "record", "return", "footage", "photo", "image", "picture", "song", "single",
    "trailer", "version", "update", "app", "plan", "proposal", "budget", "platform", "guideline", "rule", "text",
    "audio", "clip", "documentary", "series", "episode", "game", "product", "software", "detail", "information",
    "resolution", "decree", "declaration", "communique", "findings", "results", "accounts", "forecast", "earnings",
    "schedule"}) | _PRODUCTS
# Words of a market that a work or product is released to ("released commercially in late 2006", "released in
# the shops", "top of the charts"); and of the captivity a person is released from, which none of them outweighs.
_MARKETS: Final = frozenset({"commercially", "shop", "shops", "store", "stores", "cinema", "cinemas", "theatre",
                             "theatres", "theater", "theaters", "dvd", "download", "downloads", "chart", "charts",
                             "debut", "collection", "label", "sale", "sales", "consumers", "customers", "available"})
_CAPTIVITY: Final = CAPTIVITY_NOUNS | {"hostage", "hostages", "detainee", "detainees", "prisoner", "prisoners", "bail",
                                      "captors", "kidnappers"}
# What tells demand in a market ("predicted demand for crossover vehicles would soar", "strong consumer
# demand") from a demand someone makes ("their demand for his resignation").
_MARKET_VERBS: Final = frozenset({"predict", "forecast", "expect", "meet", "boost", "outstrip", "exceed", "outpace",
                                  "fuel", "dampen", "curb", "satisfy", "soar", "rise", "fall", "slow", "grow", "surge",
                                  "weaken", "increase", "decrease", "drop", "drive", "stimulate", "estimate"})
_MARKET_WORDS: Final = frozenset({"strong", "stronger", "weak", "weaker", "global", "consumer", "customer",
                                  "domestic", "rising", "falling", "growing", "slowing", "high", "higher", "low",
                                  "lower", "robust", "sluggish", "soaring", "increased", "reduced", "overseas", "world",
                                  "oil", "energy", "export", "import", "market", "investor", "seasonal", "peak",
                                  "pent-up", "underlying", "fuel", "housing", "credit", "loan", "loans"})
# What a protest shows by its own words ("demonstrated their anger"), where "demonstrate" with an object
# otherwise shows a thing ("Samsung demonstrated a phone", "demonstrated its resolve").
_PROTESTED: Final = frozenset({"anger", "opposition", "solidarity", "outrage", "frustration", "discontent",
                               "displeasure", "dissatisfaction", "dissent", "fury", "rage"})
# Verbs of harm (the dictionary's HURT block, its default violence) that report an attack only when
# someone or a weapon does it: "a bomb injured two soldiers", "troops surrounded the town", not "was
# hurt in the game", "has been surrounded in controversy".
_HARMS: Final = frozenset({"hurt", "injure", "harm", "damage", "bruise", "crack", "tarnish", "spoil", "mar",
                           "impair", "corrupt", "contaminate", "rip", "tear", "vitiate", "surround"})
# Verbs of disruption (their default is a sanction) that report an act only when someone is said to
# do it: "several threatened to disrupt the convention", not "communications were disrupted after
# cables were damaged".
_STOPPAGES: Final = frozenset({"disrupt", "interrupt"})
# Verbs whose participle complement is a state someone is in ("became embroiled in", "remained locked in"),
# in all their forms: the parse sometimes takes "became" for a noun.
_STATES: Final = frozenset({"become", "becomes", "became", "becoming", "remain", "remains", "remained", "remaining",
                            "stay", "stays", "stayed", "seem", "seems", "seemed", "appear", "appears", "appeared"})
# Rules, laws and policies: a verb's default code of coercion or sanction does not fit them.
_INSTRUMENTS: Final = frozenset({"rule", "regulation", "law", "policy", "measure", "change", "decision", "ruling",
                                 "order", "legislation", "requirement", "standard", "guideline", "provision",
                                 "program", "programme", "reform", "amendment", "bill", "directive"})
# Kinds that keep their sense on a campaign ("attacked a campaign rally", "a campaign of bombings").
_DONE_KINDS: Final = frozenset({"ASSAULT", "COERCE", "PROTEST", "THREATEN", "SANCTION", "MOBILIZE"})
_CAMPAIGN_WORDS: Final = frozenset({"campaign", "campaign-trail"})
_STORM_NAMES: Final = re.compile(r"\b(?:[Hh]urricane|[Tt]yphoon|[Cc]yclone|[Ss]torm)\s+([A-Z][a-z]+)\b")
_WORD: Final = re.compile(r"\w+")


def _published(thing: Any) -> bool:
    """Whether what is released is a work, not someone set free: a document or a product by its
    noun ("a poll", "video game Halo 2", "his cartoon book Flanimals"), or a title the NER takes for
    a miscellaneous name ("the original Doom"), not a person's (the NER takes some for organisations)."""
    if thing.ent_type_ == "MISC" and not any(t.ent_type_ == "PER" for t in thing.subtree):
        return True
    if thing.pos_ == "PROPN" and any(c.like_num and c.i == thing.i + 1 for c in thing.children):
        return True  # a numbered title: "Doom 3", "Halo 2"
    return any(t.lemma_.lower() in _DOCUMENTS for t in thing.subtree if t.i <= thing.i)


def _released(token: Any) -> list[Any]:
    """What a release verb says is released: its object, its passive subject (or its subject when it
    has no object: the parse often makes "Doom, released in 1994" a subject), the noun it describes."""
    no_object = not any(c.dep_ == "obj" for c in token.children)
    things = [c for c in token.children if c.dep_ in ("obj", "nsubj:pass") or c.dep_ == "nsubj" and no_object]
    if token.dep_ in ("acl", "acl:relcl"):
        things.append(token.head)
        if token.head.dep_ == "nmod":
            things.append(token.head.head)  # "the resolution of the commission released on Friday"
    before = token.doc[token.i - 1] if token.i > 0 else None
    if not things and before is not None and before.head.i == token.i and before.dep_ in ("obl", "nmod"):
        things.append(before)  # "In a Washington Post poll released Sunday": the noun it follows, however hung
    elif not things and token.tag_ == "VBN" and before is not None and before.text == "," and token.i > 1 \
            and token.doc[token.i - 2].pos_ in ("NOUN", "PROPN"):
        things.append(token.doc[token.i - 2])  # "their album Untouchables, released in the same year", however hung
    return [antecedent(t, token) for t in things]  # "Quake 4, which was released": Quake


def _a_names_release(token: Any) -> bool:
    """Whether the noun "release" is a product's or a work's by what it releases: the "of" noun, else
    the possessor, all names the NER takes for an organisation or a title, and no word of captivity
    ("the PSP's release in Europe", "the release of the PSP"; but "the release of Greenpeace activists",
    "Israel's release of 500 prisoners", "her release")."""
    if token.lemma_.lower() != "release" or {t.lower_ for t in token.sent} & _CAPTIVITY:
        return False
    of = [c for c in token.children
          if c.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ == "of" for g in c.children)]
    released = of or [c for c in token.children if c.dep_ == "nmod:poss"]
    return bool(released) and all(r.ent_type_ in ("ORG", "MISC") and not any(w.ent_type_ == "PER" for w in r.subtree)
                                  for r in released)


def _market_demand(token: Any) -> bool:
    """Whether the noun "demand" is a market's: a verb of forecasting or of growth governs it or has it
    as subject, or a word of markets qualifies it, and nobody's demand it is ("their demand")."""
    if token.lemma_.lower() != "demand" or any(c.dep_ == "nmod:poss" for c in token.children):
        return False
    if token.head.lemma_.lower() in _MARKET_VERBS and token.dep_ in ("obj", "nsubj"):
        return True
    if any(c.dep_ == "nsubj" and c.i == token.i for c in token.head.children) and any(
            c.lemma_.lower() in _MARKET_VERBS for c in token.head.children if c.dep_ == "xcomp"):
        return True
    return any(c.lower_ in _MARKET_WORDS for c in token.children if c.dep_ in ("amod", "compound"))


def _on_sale(token: Any) -> bool:
    """Whether a release verb's sentence tells of a market or, when the parse finds nobody released, of
    a product, and of no captivity ("Longhorn is due to be released commercially", "The Massacre was
    released in the US ... top of the charts", "the Magic Keyboard that Apple released")."""
    words = {t.lower_ for t in token.sent}
    if words & _CAPTIVITY:
        return False
    # people set free: a person's name or a common noun naming people ("two aid workers"); not a firm's
    # name, which the parse may take for what was released ("the Magic Keyboard that Apple released")
    people = any(t.ent_type_ == "PER" or t.pos_ != "PROPN" and names_actor_token(t) for t in _released(token))
    return bool(words & _MARKETS) or bool(words & _PRODUCTS) and not people


def _shown(token: Any) -> bool:
    """Whether "demonstrate" shows a thing or a fact (an object or a clause) rather than protests."""
    return (token.lemma_.lower() == "demonstrate" or token.lower_.startswith("demonstrat")) and any(
        c.dep_ == "ccomp" or c.dep_ == "obj" and c.lemma_.lower() not in _PROTESTED for c in token.children)


def _in_a_state(participle: Any) -> bool:
    """Whether a participle follows "became", "remained" ... (past adverbs): a state someone is in."""
    i = participle.i - 1
    while i >= participle.sent.start and participle.doc[i].pos_ == "ADV":
        i -= 1
    return i >= participle.sent.start and participle.doc[i].lower_ in _STATES


def _firm_post(word: Any) -> bool:
    """A post in a firm or a team as a word of a phrase: "CEO", "chief executive", "coach"; not
    "Chief Executive" written as a title of state (Hong Kong's)."""
    return word.text in ("CEO", "CFO", "COO") or word.is_lower and word.lower_ in _JOBS


def _as_a_job(token: Any) -> bool:
    """ "Stepped down as chairman, president and chief executive": the words after "as" name a job, read in
    the words where the parse loses the list."""
    doc, end = token.doc, token.sent.end
    start = next((i for i in range(token.i + 1, min(token.i + 4, end)) if doc[i].lower_ == "as"), None)
    if start is None:
        return False
    for word in doc[start + 1:min(start + 10, end)]:
        if word.pos_ in ("ADP", "VERB", "AUX") or word.text in (".", ";"):
            return False
        if _firm_post(word):
            return True
    return False


# What blows up by accident as often as by attack: an explosion of one says no one attacked.
_VEHICLES: Final = frozenset({"jet", "plane", "airliner", "aircraft", "helicopter", "car", "bus", "truck", "lorry",
                              "train", "tanker", "ship", "boat", "ferry", "shuttle", "pipeline", "plant", "factory",
                              "boiler", "tank", "reactor", "jetliner"})
# Words that say what exploded was a weapon.
_EXPLOSIVES: Final = frozenset({"bomb", "bombs", "bomber", "bombers", "explosive", "explosives", "device", "grenade",
                                "mine", "missile", "rocket", "shell", "attack", "attacker", "attackers", "suicide",
                                "terrorist", "terrorists", "militants", "sabotage", "detonated"})


# Words of a market or a count: what "explodes" when an explosion is a boom ("the gadget explosion signalled the
# strongest growth", "an explosion in sales").
_GROWTH: Final = frozenset({"growth", "grow", "sale", "sales", "market", "demand", "popularity", "interest", "boom",
                            "price", "prices", "rise", "increase", "user", "users", "subscriber", "subscribers",
                            "download", "downloads", "traffic", "spending", "economy", "consumer", "consumers"})
# Words of harm: an explosion that hurt or destroyed something was one.
_HARM_WORDS: Final = frozenset({"kill", "killed", "killing", "injure", "injured", "injuring", "wound", "wounded",
                                "dead", "die", "died", "death", "deaths", "damage", "damaged", "destroy", "destroyed",
                                "casualty", "casualties", "victim", "victims", "hurt", "blast", "fire", "police",
                                "rubble", "evacuate", "evacuated", "gas"})


# What a reporter contributes to: a credit line, no aid.
_CREDITS: Final = frozenset({"article", "report", "story", "reporting", "coverage"})
# Where one goes for one's own care: a trip there is no meeting ("made a trip to Walter Reed hospital for a
# quick exam", "headed for Morningside Recovery"); a visit there may be ("visited wounded soldiers at ...").
_CARE: Final = frozenset({"hospital", "clinic", "rehab", "rehabilitation", "recovery", "treatment", "hospice",
                          "infirmary", "sanatorium", "medical"})


def _boom(token: Any) -> bool:
    """Whether an "explosion" is a boom: its sentence speaks of growth, a market or a count, and of no harm, no
    weapon and no attack ("The gadget explosion signalled the strongest growth yet in the US")."""
    if not token.lower_.startswith("explosion"):
        return False
    words = {w for t in token.sent for w in (t.lower_, t.lemma_.lower())}
    return bool(words & _GROWTH) and not words & _HARM_WORDS and not words & _EXPLOSIVES


def _vehicle_exploded(token: Any) -> bool:
    """Whether "exploded" or "blew up" is said of a vehicle or a plant, with no word of a weapon or an
    attack in the sentence."""
    if not token.lower_.startswith(("explod", "blew", "blow")):
        return False
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if (subject is None or subject.lower_ in ("which", "that")) and token.dep_ in ("acl:relcl", "acl"):
        subject = token.head  # "an airliner which exploded"
    doc = token.doc
    near = [doc[i] for i in range(max(token.sent.start, token.i - 3), token.i)]  # "The TWA jet exploded", any parse
    vehicle = any(w.lower_.rstrip("s") in _VEHICLES for w in ([subject] if subject is not None else []) + near)
    return vehicle and not any(t.lower_ in _EXPLOSIVES for t in token.sent)


def _a_state_kept(token: Any) -> bool:
    """Whether "remain" or "stay" has an adjective or participle right after it (past adverbs), whatever the
    parse made of the two: a state that lasts."""
    if not token.lower_.startswith(("remain", "stay", "stai")):
        return False
    doc, i = token.doc, token.i + 1
    while i < len(doc) and doc[i].pos_ == "ADV":
        i += 1
    return i < len(doc) and (doc[i].pos_ == "ADJ" or doc[i].tag_ == "VBN")


# Where a pupil, a student or a player is expelled from: no state's expulsion.
_SCHOOLS: Final = frozenset({"school", "college", "university", "academy", "class", "tournament", "competition",
                             "championship", "league", "team", "squad", "club"})


def _left_a_school(token: Any) -> bool:
    """Whether a verb of expelling has a school or a team to be expelled from, by the parse or, where the
    parse hung "from" elsewhere ("expelled from St Pius X High School", its "School" made the object), by the words
    right after it."""
    if any(c.dep_ == "obl" and any(g.lower_ == "from" for g in c.children if g.dep_ == "case")
           and any(w.lower_ in _SCHOOLS for w in c.subtree) for c in token.children):
        return True
    doc = token.doc
    if token.i + 1 >= token.sent.end or doc[token.i + 1].lower_ != "from":
        return False
    for word in doc[token.i + 2:min(token.i + 9, token.sent.end)]:
        if word.is_punct or word.pos_ in ("VERB", "AUX", "ADP"):
            return False
        if word.lower_ in _SCHOOLS:
            return True
    return False


# Verbs the dictionary files as expulsions by default that, without a place to be expelled from, say that someone
# lost a post or power ("Peres, who was ousted in May by Netanyahu", "the revolution that ousted the regime").
_UNSEATING: Final = frozenset({"oust", "remove"})
_PLACE_TYPES: Final = frozenset({"LOC", "GPE"})


def _unseated(token: Any) -> bool:
    """Whether an expulsion verb of :data:`_UNSEATING` names no place someone is sent from ("ousted from the
    country", "removed from Kenya" are expulsions)."""
    if lemma_of(token, _UNSEATING) not in _UNSEATING:
        return False
    doc = token.doc
    for i in range(token.i + 1, min(token.i + 8, token.sent.end - 1)):
        if doc[i].lower_ == "from":
            after = doc[i + 1:min(i + 5, token.sent.end)]
            return not any(w.ent_type_ in _PLACE_TYPES or w.lower_ in ("country", "territory") for w in after)
    return True


# Verbs of putting something off, which the dictionary files as reducing relations ("postponed the talks").
_RESCHEDULING: Final = frozenset({"postpone", "delay", "defer"})


def _own_schedule(token: Any) -> bool:
    """Whether a verb of :data:`_RESCHEDULING` puts off something that names no other party: no actor in what is
    put off or around it ("EU rice experts postponed discussion on area aid payments because the documents were
    not translated": the experts' own agenda), where "postponed talks with Iran" or "delayed a visit to Beijing"
    name who the relations are with."""
    if lemma_of(token, _RESCHEDULING) not in _RESCHEDULING:
        return False
    put_off = [c for c in token.children if c.dep_ in ("obj", "nsubj:pass")]
    if not put_off:
        return False
    parties = [w for c in put_off for w in (c, *(n for n in c.children if n.dep_ in ("nmod", "nmod:poss", "compound")
                                                 and (n.dep_ != "nmod" or _case_of(n) in _PARTY_CASES)))]
    return not any(names_actor_token(w) for w in parties) and not any(
        c.dep_ == "obl" and _case_of(c) in _PARTY_CASES and names_actor_token(c) for c in token.children)


_PARTY_CASES: Final = frozenset({"with", "between", "to", "by", "from"})


def _case_of(word: Any) -> str:
    return next((c.lower_ for c in word.children if c.dep_ == "case"), "")


# Verbs the dictionary files as fighting that, with no one to fight, say that something is hard ("Wales grappled
# with its own cluster of meningitis cases", "struggled to contain").
_STRUGGLES: Final = frozenset({"grapple", "wrestle", "struggle"})
# Craft that travel: a flight or a plane that "left Khartoum for Amman" or "headed to Britain" visits nobody.
_CRAFT: Final = frozenset({"flight", "flights", "plane", "planes", "jet", "airliner", "jetliner", "aircraft",
                           "helicopter", "ship", "vessel", "boat", "ferry", "train", "bus", "tanker", "freighter"})
# What a person withdraws from when quitting a career or a contest, not a position held by force.
_PUBLIC_LIFE: Final = frozenset({"politics", "race", "contest", "election", "elections", "campaign", "competition",
                                 "tournament", "championship", "primary", "primaries", "life", "business"})


def _craft_travelling(token: Any) -> bool:
    """Whether the subject of a finite verb is a craft ("the flight left Khartoum for Amman", "a plane ... took off
    ... and headed to Britain"); an infinitive says what it is for ("took off with fuel to fly to Beijing":
    intended, see the modality)."""
    if token.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return False
    word = token
    for _ in range(3):  # up through the clauses that share a subject ("took off ... after refuelling and headed")
        subjects = [c for c in word.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if subjects or word.dep_ not in ("conj", "advcl", "xcomp", "acl", "acl:relcl") or word.head.i == word.i:
            break
        if word.dep_ in ("acl", "acl:relcl"):
            subjects = [word.head]
            break
        word = word.head
    return any(lemma_of(s, _CRAFT) in _CRAFT or s.lower_ in _CRAFT for s in subjects)


# A firm that stops its own flights or services reduces no one's relations ("the airline suspended flights to Lagos");
# a government that does is another matter.
_FIRMS: Final = frozenset({"airline", "airlines", "carrier", "carriers", "company", "companies", "firm", "firms",
                           "operator", "operators", "airways", "bank", "banks", "insurer", "maker", "manufacturer",
                           "group", "corporation", "corp", "inc", "ltd", "plc", "co"})
_SERVICES: Final = frozenset({"flight", "service", "route", "operation", "production", "trading", "sale", "delivery",
                              "shipment", "output", "dividend", "payment"})
# Moving across a place is no search of it ("Russian troops swept into Grozny").
_SWEEPS: Final = frozenset({"sweep"})
_ACROSS: Final = frozenset({"into", "through", "across", "over", "past", "towards", "toward"})


def _firm_stops_service(token: Any) -> bool:
    """Whether a firm suspends or halts its own services ("the airline suspended flights to Lagos")."""
    objects = [c for c in token.children if c.dep_ in ("obj", "nsubj:pass")]
    if not any(lemma_of(o, _SERVICES) in _SERVICES for o in objects):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return any(w.lower_ in _FIRMS for s in subjects for w in s.subtree if w.i <= s.i)


def _swept_across(token: Any) -> bool:
    """Whether "sweep" says a movement into or through a place, with nothing searched ("swept into Grozny")."""
    return lemma_of(token, _SWEEPS) in _SWEEPS and not any(c.dep_ == "obj" for c in token.children) and any(
        c.dep_ == "obl" and _case_of(c) in _ACROSS for c in token.children)


def _quit_public_life(token: Any) -> bool:
    """Whether a withdrawal is from politics, a race or a contest ("withdrew from politics in 1992")."""
    return any(c.dep_ == "obl" and _case_of(c) == "from" and c.lemma_.lower() in _PUBLIC_LIFE for c in token.children)


# What a record or a person holds in a ranking, not a place taken by force ("occupied the number one and two
# positions in the US albums chart").
_RANKS: Final = frozenset({"position", "spot", "place", "slot", "top", "role", "post", "rank", "seat", "number"})


def _ranked(token: Any) -> bool:
    """Whether "occupy" has a rank or a post for its object."""
    return lemma_of(token, _OCCUPYING) in _OCCUPYING and any(
        w.lemma_.lower() in _RANKS for c in token.children if c.dep_ == "obj"
        for w in (c, *(g for g in c.children if g.dep_ in ("compound", "conj"))))  # "the number one and two positions"


_OCCUPYING: Final = frozenset({"occupy"})
# The dictionary's "match", filed under fighting, is in news a thing equalling another, or a game misread as a verb
# ("Score on the first day of the Sheffield Shield match between Tasmania and Victoria").
_EQUALS: Final = frozenset({"match"})


def _no_foe(token: Any) -> bool:
    """Whether a verb of :data:`_STRUGGLES` has no actor as its object or after "with"."""
    if lemma_of(token, _STRUGGLES) not in _STRUGGLES:
        return False
    foes = [c for c in token.children if c.dep_ == "obj" or c.dep_ == "obl" and any(
        g.dep_ == "case" and g.lower_ == "with" for g in c.children)]
    return not any(names_actor_token(c) for c in foes)


def _joint_venture(token: Any) -> bool:
    """Whether the trigger or its object is a joint venture ("a joint venture agreement")."""
    doc = token.doc
    heads = [token, *(c for c in token.children if c.dep_ == "obj")]
    return any(doc[i].lower_ == "venture" for h in heads for i in range(max(0, h.i - 2), min(len(doc), h.i + 4)))


# Verbs that in the simple present say what post someone holds ("heads the mission", "chairs the panel").
_POSTS: Final = frozenset({"head", "heads", "chair", "chairs", "lead", "leads", "run", "runs", "direct", "directs"})


def _holds_a_post(token: Any) -> bool:
    """Whether a verb of leading is in the simple present without an auxiliary ("heads its mission"): a post."""
    # the tagger may take "heads" for a plural noun; as an event trigger it is used as the verb
    return token.tag_ in ("VBZ", "VBP", "NNS") and token.lower_ in _POSTS and not any(
        c.dep_.startswith("aux") for c in token.children)


# What a thing is caught on when it is only recorded ("caught on camera stealing brisket").
_RECORDINGS: Final = frozenset({"camera", "cameras", "video", "videotape", "tape", "film", "cctv", "footage", "audio",
                                "microphone", "mic", "webcam", "dashcam", "bodycam", "phone", "record"})
# Things rung, not places ringed: "ringing a large bell".
_RUNG: Final = frozenset({"bell", "bells", "doorbell", "alarm", "alarms", "phone", "phones", "gong", "chime", "chimes",
                          "buzzer", "changes", "register", "tills", "till"})


def _caught_on_record(token: Any) -> bool:
    """Whether "caught" says only that something was recorded ("were caught on camera", "caught on tape")."""
    doc = token.doc
    return token.lower_.startswith(("caught", "catch")) and any(
        doc[i].lower_ == "on" and any(doc[j].lower_ in _RECORDINGS for j in range(i + 1, min(i + 4, len(doc))))
        for i in range(token.i + 1, min(token.i + 3, len(doc))))


def _rang(token: Any) -> bool:
    """Whether "ring" has a bell or a phone for its object, not a place it surrounds."""
    return token.lower_.startswith(("ring", "rang", "rung")) and any(
        c.dep_ == "obj" and c.lower_ in _RUNG or c.dep_ == "obj" and c.lemma_.lower() in _RUNG
        for c in token.children)


_PER_SHARE: Final = re.compile(r"\b(?:a|per)[\s-]share\b", re.IGNORECASE)


def _per_share(token: Any) -> bool:
    """Whether the words right after a verb price its object by the share ("a $15 a share offer",
    "a $40-a-share bid")."""
    doc = token.doc
    stop = min(token.i + 8, len(doc))
    if not any(doc[i].lower_.endswith("share") for i in range(token.i + 1, stop)):
        return False  # read once, and only when a share is named
    return bool(_PER_SHARE.search(doc[token.i + 1:stop].text))


def _instrument(token: Any) -> bool:
    """Whether a verb's object is a rule, a law or a policy ("overturned one of the most
    controversial environmental measures", "rescinded ... changes to ... regulations")."""
    for obj in (c for c in token.children if c.dep_ == "obj"):
        heads = [obj, *(c for c in obj.children if c.dep_ == "nmod" and any(
            g.lower_ == "of" for g in c.children))] if obj.lower_ in ("one", "some", "all", "most", "many") else [obj]
        if any(h.lemma_.lower() in _INSTRUMENTS for h in heads):
            return True
    return False


def ordinary_sense(token: Any, kind: str, nominal: bool, target: TextSpan | None,
                   evidence: str = "verb") -> bool:
    """Whether a typed trigger is used in one of the senses of the module doc: "released a parody
    website", "Halo 2 has been released", "is due to be released commercially" (published); "demonstrated
    a phone" (shown); "stepped down as chief executive", "resigned as
    coach" (a job left); "spoke with Breitbart News", "held a town hall meeting with voters" (an
    interview, campaigning); "made a campaign trip to Florida" (but "attacked a campaign rally"); "a
    November release for Hunger Games" (a film's, not "the release of the hostages"); "the gadget explosion
    signalled the strongest growth" (a boom); "made a trip to Walter Reed hospital" (one's own care)."""
    if kind == "RETREAT" and not nominal and (any(_published(t) for t in _released(token)) or _on_sale(token)):
        return True
    if not nominal and token.tag_ == "VBN" and _in_a_state(token):
        return True  # "became embroiled in controversy", "remained locked in a dispute": a state, not an act
    if kind == "DEMAND" and nominal and _market_demand(token):
        return True  # "predicted demand for crossover vehicles would soar": a market's
    if kind == "PROTEST" and not nominal and _shown(token):
        return True  # "Samsung demonstrated a phone", "demonstrated that the system works"
    if kind in ("COERCE", "SANCTION") and evidence == "verb" and not nominal and _instrument(token):
        return True  # "overturned a rule", "rescinded changes to regulations": a policy changed, by default codes
    if kind == "RETREAT" and nominal and (_on_sale(token) or _a_names_release(token) or any(
            c.dep_ in ("nmod", "compound", "nmod:poss") and (_published(c) or any(
                g.dep_ == "case" and g.lower_ == "for" for g in c.children)) for c in token.children)):
        return True  # "booked a November 2013 release for Hunger Games", "the report's release": a work's
    if kind in ("CONCEDE", "RETREAT") and (any(any(g.lower_ == "as" for g in c.children) and any(
            w.lower_ in _JOBS for w in c.subtree) for c in token.children if c.i > token.i) or _as_a_job(token)):
        return True
    if kind in ("CONCEDE", "RETREAT") and any(_firm_post(w) for c in token.children if c.dep_ == "nsubj"
                                              for w in c.subtree):
        return True  # "T-Mobile CEO John Legere is stepping down"
    if kind in ("CONCEDE", "RETREAT") and token.dep_ == "acl:relcl" and _firm_post(token.head):
        return True  # "the bank's chief executive, who stepped down in May"
    if kind == "SANCTION" and not nominal and _firm_stops_service(token):
        return True  # "the airline suspended flights to Lagos": a firm's own service
    if kind == "INVESTIGATE" and not nominal and _swept_across(token):
        return True  # "Russian troops swept into Grozny": no search
    if kind == "ASSAULT" and not nominal and _vehicle_exploded(token):
        return True  # "a TWA airliner which exploded near New York": no attack is said, and none is known
    if kind == "ASSAULT" and nominal and _boom(token):
        return True  # "The gadget explosion signalled the strongest growth yet": a market's boom
    if not nominal and _a_state_kept(token):
        return True  # "the road remained closed by police": how something stays, not an act
    if kind == "COERCE" and not nominal and _left_a_school(token):
        return True  # "was expelled from St Pius X High School": a school's discipline
    if kind == "COERCE" and evidence == "verb" and not nominal and _unseated(token):
        return True  # "was ousted in May by Netanyahu": power lost, not a deportation
    if kind == "ASSAULT" and not nominal and _ranked(token):
        return True  # "occupied the number one and two positions in the US albums chart"
    if kind in ("CONSULT", "AGREE") and not nominal and _craft_travelling(token):
        return True  # "the flight left Khartoum for Amman", "a Sudan Airways plane ... headed to Britain"
    if kind == "RETREAT" and not nominal and _quit_public_life(token):
        return True  # "Ahmed Mestiri, who withdrew from politics in 1992": a career ended
    if kind == "SANCTION" and not nominal and _own_schedule(token):
        return True  # "postponed discussion on area aid payments": its own agenda, no relations reduced
    if kind == "ASSAULT" and not nominal and (_no_foe(token) or lemma_of(token, _EQUALS) in _EQUALS):
        return True  # "Wales grappled with its own cluster of meningitis cases"; "the figures matched"
    if kind in ("AGREE", "COOPERATE") and _joint_venture(token):
        return True  # "announced a joint venture agreement in Brazil": a firm's business
    if not nominal and kind not in ("ASSAULT", "COERCE", "PROTEST") and _holds_a_post(token):
        return True  # "Ambassador Frowick heads the OSCE mission in Bosnia": a post held, not a mission sent
    if not nominal and kind not in ("ASSAULT", "COERCE", "PROTEST") and _per_share(token):
        return True  # "rejected a $15 a share offer", "agreed to a $40-a-share bid": a takeover's, not a state's
    if kind == "COERCE" and not nominal and _caught_on_record(token):
        return True  # "the suspects were caught on camera": recorded, not arrested
    if kind == "ASSAULT" and not nominal and _rang(token):
        return True  # "opened the museum by ringing a large bell": the dictionary's "ring" is encircling
    if kind == "CONSULT" and target is not None and _MET.intersection(_WORD.findall(target.text.lower())):
        return True
    if not nominal and token.lower_.startswith("contribut") and any(
            c.lemma_.lower() in _CREDITS for c in token.children if c.dep_ in ("obl", "obj")):
        return True  # "Craig Forman in Cairo contributed to this article": a reporter's credit
    if kind in ("CONSULT", "AGREE") and target is not None and not token.lower_.startswith("visit") \
            and _CARE.intersection(_WORD.findall(target.text.lower())):
        return True  # "made an unscheduled trip to Walter Reed hospital", "headed for Morningside Recovery": care
    return kind not in _DONE_KINDS and any(
        g.dep_ == "compound" and g.lower_ in _CAMPAIGN_WORDS
        for c in (token, *(c for c in token.children if c.dep_ == "obj")) for g in c.children)


def harm_without_doer(token: Any, actor_source: bool, weapon_source: bool, any_source: bool = True) -> bool:
    """Whether a verb of harm (by the dictionary's default, not a pattern) has no actor or weapon
    doing it ("hurt in the game", "the scandal hurt his campaign"): no attack; or a verb of
    disruption no source at all ("were disrupted on Friday"): no sanction."""
    if not any_source and lemma_of(token, _STOPPAGES) in _STOPPAGES:
        return True
    return lemma_of(token, _HARMS) in _HARMS and not actor_source and not weapon_source


def storm_names(text: str) -> set[str]:
    """The names an article gives storms ("Hurricane Mitch", "Typhoon Haiyan"): "Mitch killed" is no actor's deed."""
    return {m[1] for m in _STORM_NAMES.finditer(text)}
