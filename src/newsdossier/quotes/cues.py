"""The words that attribute speech or thought to a source, by how they take their content.

Matched on the written form, not the lemma: the bundled pipeline's lemmatiser mangles past
tenses ("flared" → "flar") and its tagger calls "thinks" a noun, so every inflection of each
verb is listed (:func:`inflections`). The lists were written from the verbs of attribution in
the news style guides and checked against the cues of PolNeAR's *train* split (the 150 most
frequent cue strings); the dev and test splits were not looked at for this.
"""

from __future__ import annotations

from typing import Final

__all__ = ["CLAUSE_ONLY", "CUE_FORMS", "OBJECT_FIRST", "PARTICIPLES", "TAKES_INFINITIVE", "inflections"]

# Verbs of speech: their content is a clause, a quote, or (after the fact) the preceding sentence.
SPEECH: Final = """say tell add write ask note report announce argue explain tweet declare claim state insist
warn acknowledge admit reply respond conclude recall predict promise pledge vow deny reveal mention confirm
emphasize emphasise stress contend maintain assert complain charge allege testify observe comment joke quip
concede counter caution urge estimate disclose inform remark repeat agree boast post threaten accuse
reiterate recount speculate wonder insist suggest propose demand assure remind retort scoff lament
announce proclaim caution muse acknowledge describe continue""".split()
# Verbs of thought and evidence: a source only with a clause after them ("believes that ...",
# "polls show ..."), never with a bare object ("hopes for rain", "a show").
THOUGHT: Final = """think believe fear hope expect worry doubt feel suspect reckon guess imagine
show find indicate realize realise recognize recognise""".split()
# These take the person told before the content ("told AFP that ...", "urged Kadhemi not to ...").
OBJECT_FIRST: Final = frozenset("""tell told tells telling inform informed informs informing warn warned warns
warning assure assured assures assuring remind reminded reminds reminding urge urged urges urging ask asked
asks asking""".split())

# These attribute an infinitive ("urged Kadhemi not to test ...", "vowed to", "threatened to").
TAKES_INFINITIVE: Final = frozenset("urge promise pledge vow threaten ask tell warn remind".split())

_IRREGULAR: Final = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing", "written"),
    "think": ("think", "thinks", "thought", "thinking"),
    "feel": ("feel", "feels", "felt", "feeling"),
    "find": ("find", "finds", "found", "finding"),
    "show": ("show", "shows", "showed", "showing", "shown"),
    "deny": ("deny", "denies", "denied", "denying"),
    "reply": ("reply", "replies", "replied", "replying"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "figure": ("figure", "figures", "figured", "figuring"),
    "post": ("post", "posts", "posted", "posting"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "quip": ("quip", "quips", "quipped", "quipping"),
    "retort": ("retort", "retorts", "retorted", "retorting"),
    "scoff": ("scoff", "scoffs", "scoffed", "scoffing"),
    "worry": ("worry", "worries", "worried", "worrying"),
    "speculate": ("speculate", "speculates", "speculated", "speculating"),
}


def inflections(verb: str) -> tuple[str, ...]:
    """The written forms of a regular English verb: base, third person, past, present participle."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        return verb, verb + "s", verb + "d", verb[:-1] + "ing"
    if verb.endswith(("s", "sh", "ch", "x")):
        return verb, verb + "es", verb + "ed", verb + "ing"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"
    return verb, verb + "s", verb + "ed", verb + "ing"


def _forms(verbs: list[str]) -> dict[str, str]:
    return {form: verb for verb in verbs for form in inflections(verb)}


# written form -> the verb it inflects
CUE_FORMS: Final = {**_forms(THOUGHT), **_forms(SPEECH)}
# forms that attribute only when a clause follows
CLAUSE_ONLY: Final = frozenset(_forms(THOUGHT)) - frozenset(_forms(SPEECH))
PARTICIPLES: Final = frozenset(form for form in CUE_FORMS if form.endswith("ing"))
