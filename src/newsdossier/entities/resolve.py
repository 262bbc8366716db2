"""From mentions to actors: short forms resolved inside each article, then spellings merged across articles.

**Inside an article** (:func:`local_entities`), in text order: an acronym joins the name it was
defined for ("(AAH)") or, undefined, a name of the article whose initials it spells ("KH" →
"Kata’ib Hezbollah"); a one-word name joins an earlier longer name that ends (or, for
groups, starts) with it ("Kadhemi" → "Mustafa al-Kadhemi", "Hashed" → "Hashed al-Shaabi");
an exact repeat joins its first mention. A mention in a Title Case headline is first cut back to a
name the article uses elsewhere ("Lindsay Lohan Checks" → "Lindsay Lohan"). Last, a nominal
reference ("the Iraqi prime minister") becomes a mention of the latest person before it whose
role has that title (:func:`_link_nominals`).

**Across articles** (:func:`resolve_entities`), every merge is made for a stated reason,
recorded as evidence on the entity:

0. names on one line of the user's alias table (:mod:`.aliases`), cited by file and line;
1. the same transliteration key (:func:`~newsdossier.entities.names.name_key`) of the full name:
   "Kata’ib Hezbollah" = "Kataeb Hezbollah", "Abu Mahdi al-Muhandis" = "al-Mohandes";
2. people with two or more names: the same given name and family names within
   :data:`FAMILY_NAME_MIN_SIMILARITY` that also sound alike ("Muammar Gaddafi" ~ "Muammar
   Qaddafi"; not "Blair" ~ "Bakir"); a different given name keeps them apart however close the
   family names are ("Abbas Kadhim" is not "Mustafa al-Kadhemi") (:mod:`.matching`);
3. organisations: full keys within :data:`ORG_NAME_MIN_SIMILARITY`, word for word;
4. a person named by one word only ("Trump") joins the one person with that family-name key;
   with two candidates it stays apart, ambiguous. A name after a form of address ("Mr Blair")
   joins the full name it follows in every article that names both, else the one person of its
   story with that family name whose given name fits the form; otherwise it stays apart, and the
   refusal is kept as evidence;
5. an acronym joins the organisation it was defined for in any article; an acronym no article
   defines joins the one name of its story (not a person's) whose initials it spells ("GM" →
   "General Motors", "US" → "United States"), stays apart when two names spell it, and never
   takes a second expansion;
6. an organisation named by one word ("Ford") joins the one organisation whose name opens with
   it ("Ford Motor Company"); "Apple" stays apart when the pile has both "Apple Computer" and
   "Apple Corps"; a place never joins one ("Detroit" is not the "Detroit Free Press"). A one-word
   name with no candidate of its own type tries the other (the NER types "Ford" as a person,
   "Trump" as a group).

The alias table's ``!=`` lines are cannot-link constraints: a merge that would join their two
sides is refused whichever rule asks for it, and the refusal is kept as evidence.

People and organisations may merge with each other only on an exact key (the NER confuses
the two for unfamiliar names), and so may organisations and places (a country standing for its
government); people never merge with places, nor "Mr" with "Mrs" of one name. Types come from
evidence first (:mod:`.types`), and actors that are ordinary words or names of events are dropped.

Text from a **spun rewrite** does not make actors on its own: in an article that reuse found to
be a spun rewrite of another, a name is kept only if its key also occurs in the original, and
its roles are dropped (a spinner's "Iran’s prime minister’s prime minister" is not a role).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace


from newsdossier.entities.aliases import AliasTable
from newsdossier.entities.knowledge import HONORIFICS, given_name_gender, is_place_name
from newsdossier.entities.matching import (
    FAMILY_NAME_MIN_SIMILARITY,
    ORG_NAME_MIN_SIMILARITY,
    names_match,
    why_not,
)
from newsdossier.entities.mentions import ArticleMentions, Mention, Role
from newsdossier.entities.names import initials, is_acronym, name_key, name_words, skeleton
from newsdossier.entities.types import GROUP_WORDS, evidence_type, not_an_actor

# names_match, why_not and the thresholds live in .matching; re-exported for the callers of this module
__all__ = ["FAMILY_NAME_MIN_SIMILARITY", "ORG_NAME_MIN_SIMILARITY", "Entity", "LocalEntity", "gender_fits",
           "local_entities", "names_match", "resolve_entities", "why_not"]

PERSON_OR_GROUP = frozenset({"PER", "ORG"})
@dataclass(slots=True)
class LocalEntity:
    """One actor as one article names it."""

    article: str
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    acronym: str | None = None
    group_cue: bool = False
    alias_type: str | None = None  # the type an alias table line gives it
    family_name: bool = False  # one word, the family name of a person the pile names in full ("Obama")
    _typed: tuple[tuple[object, ...], str] | None = field(default=None, repr=False, compare=False)
    _full: tuple[tuple[int, int], Mention] | None = field(default=None, repr=False, compare=False)

    @property
    def full(self) -> Mention:
        """The longest non-acronym mention (the name as the article introduces it); kept until the
        mentions change (the merge rules read it often)."""
        state = (id(self.mentions), len(self.mentions))
        if self._full is None or self._full[0] != state:
            named = [m for m in self.mentions if m.how not in ("acronym", "nominal")] or self.mentions
            named = [m for m in named if m.how != "headline"] or named
            self._full = (state, max(named, key=lambda m: (len(name_words(m.text)), -m.start)))
        return self._full[1]

    def forget(self) -> None:
        """Drop the kept full name and type (after a mention was changed in place)."""
        self._full = self._typed = None

    @property
    def key(self) -> str:
        return name_key(self.full.text)

    @property
    def type(self) -> str:
        """The type the evidence gives (:func:`~newsdossier.entities.types.evidence_type`), else the NER's
        majority; read often by the merge rules, so kept until the entity's mentions, roles or cues change."""
        state = (id(self.mentions), len(self.mentions), len(self.roles), self.acronym, self.group_cue, self.alias_type,
                 self.family_name)
        if self._typed is None or self._typed[0] != state:
            kind = evidence_type([self]) or Counter(m.type for m in self.mentions).most_common(1)[0][0]
            self._typed = (state, kind)
        return self._typed[1]

    @property
    def honorific(self) -> str:
        return next((m.honorific for m in self.mentions if m.honorific), "")


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    mentions: tuple[Mention, ...]
    families: tuple[str, ...]
    evidence: tuple[str, ...]


def _short_form_of(mention: Mention, entity: LocalEntity) -> bool:
    """Whether ``mention`` is a one-word form of the longer name of ``entity``."""
    words = name_key(entity.full.text).split()
    key = name_key(mention.text)
    if len(words) < 2 or len(key.split()) != 1 or entity.type == "LOC" or mention.type == "LOC":
        return False
    if mention.honorific:  # "Mr Howard" is a family name: not "Howard Flight"; "Mrs Blair" is not "Tony Blair"
        return key == words[-1] and gender_fits(mention.honorific, entity.full.text)
    return key == words[-1] or (entity.type == "ORG" or mention.type == "ORG" or len(words) == 2) and key == words[0]


def _addressable(entity: LocalEntity, honorific: str) -> bool:
    """Whether a name written with ``honorific`` may be ``entity``: the form fits its given name (a family name
    alone has none), and no form of the other gender addresses it ("Mr Gomes" is not the "Ms Gomes" of the
    article)."""
    stated = HONORIFICS.get(honorific)
    full = entity.full.text
    return (len(full.split()) < 2 or gender_fits(honorific, full)) and not (stated and any(
        HONORIFICS.get(m.honorific) not in (None, stated) for m in entity.mentions if m.honorific))


def gender_fits(honorific: str, full_name: str) -> bool:
    """Whether a form of address ("Mr", "Mrs") fits the given name of ``full_name`` (unknown names fit)."""
    stated = HONORIFICS.get(honorific)
    given = given_name_gender(full_name.split()[0]) if full_name.split() else None
    return stated is None or given in (None, "either") or given == stated


def _trim_headlines(mentions: list[Mention]) -> list[Mention]:
    """Cut a headline mention back to its longest opening that the article names elsewhere
    ("Lindsay Lohan Checks" → "Lindsay Lohan"); one it names nowhere else stays as it is."""
    known: set[str] = set()
    for mention in mentions:
        if mention.how != "headline":
            key = name_key(mention.text)
            known.update((key, key.split()[-1]) if key else ())
    trimmed = []
    for mention in mentions:
        if mention.how == "headline" and name_key(mention.text) not in known:
            words = list(re.finditer(r"\S+", mention.text))
            for n in range(len(words) - 1, 0, -1):
                head = mention.text[:words[n - 1].end()]
                if name_key(head) in known:
                    mention = replace(mention, end=mention.start + len(head), text=head)
                    break
        trimmed.append(mention)
    return trimmed


def local_entities(found: ArticleMentions, text: str) -> list[LocalEntity]:
    """Group one article's mentions into the actors it names (see the module docstring)."""
    found.mentions = _trim_headlines(found.mentions)
    entities: list[LocalEntity] = []
    by_key: dict[str, LocalEntity] = {}
    defined: dict[str, LocalEntity] = {}
    for index, mention in enumerate(found.mentions):
        target = None
        if mention.how == "definition":
            # a second "Asaib Ahl al-Haq (AAH)" in the article is the same actor as the first
            acronym = next((a for a, i in found.acronyms.items() if i == index), None) or initials(mention.text)
            target = defined.get(acronym)
            if target is None:
                target = defined[acronym] = LocalEntity(found.article, acronym=acronym)
        elif is_acronym(mention.text) and mention.type != "LOC":
            target = defined.get(mention.text) or next(
                (e for e in reversed(entities) if e.type not in ("LOC", "PER") and len(name_words(e.full.text)) > 1
                 and initials(e.full.text) == mention.text), None)
            if target is not None and target.acronym is None:
                target.acronym = mention.text
        if target is None:
            key = name_key(mention.text)
            target = by_key.get(f"{mention.type == 'LOC'}:{key}")
            if target is not None and mention.honorific and not _addressable(target, mention.honorific):
                target = None  # "Mr. Gomes" after "Ms. Gomes" joined Catherine Gomes: the man, Gary Gomes
            target = target or next((e for e in reversed(entities) if _short_form_of(mention, e)), None)
        if target is None:
            target = LocalEntity(found.article)
        if not target.mentions:
            entities.append(target)
        target.mentions.append(mention)
        target.roles.extend(found.roles.get(index, ()))
        target.group_cue = target.group_cue or _group_word_after(text, mention.end)
        if mention.how != "acronym":
            by_key.setdefault(f"{mention.type == 'LOC'}:{name_key(mention.text)}", target)
    _link_nominals(entities, found, text)
    return entities


# Heads of a nominal reference to a titled person ("the prime minister", "the Iraqi president").
NOMINAL_HEADS = ("prime minister", "foreign minister", "defence minister", "defense minister", "interior minister",
                 "secretary of state", "president-elect", "president", "minister", "general", "commander", "spokesperson",
                 "spokesman", "spokeswoman", "leader", "ambassador", "envoy", "king", "queen", "prince", "crown prince",
                 "cleric", "ayatollah", "governor", "mayor", "senator", "chairman", "chairwoman", "director", "ceo")
_NOMINAL = re.compile(r"\b[Tt]he\s+((?:[\w’'-]+\s+){0,2}?)(" + "|".join(
    sorted((re.escape(h) for h in NOMINAL_HEADS), key=len, reverse=True)) + r")\b(?![\w-])", re.IGNORECASE)


def _link_nominals(entities: list[LocalEntity], found: ArticleMentions, text: str) -> None:
    """Link "the prime minister" to the latest person before it whose role has that title.

    Words between "the" and the title must be in that role too ("the Iraqi prime minister" for
    "Iraq’s Prime Minister"; "the former president" is left alone when the role says only
    "President"). A title followed by a name is that name's title, not a reference.
    """
    starts = sorted((m.start, m.end) for m in found.mentions)
    people = [e for e in entities if e.type == "PER" and e.roles]
    if not people:
        return
    for match in _NOMINAL.finditer(text):
        after = text[match.end():match.end() + 2].lstrip()
        if after[:1].isupper() or any(s <= match.start() < e or match.start() <= s < match.end() for s, e in starts):
            continue
        head = match.group(2).lower()
        modifiers = match.group(1).lower().split()
        best, best_at = None, -1
        for person in people:
            before = [m.start for m in person.mentions if m.how != "nominal" and m.start < match.start()]
            if not before or max(before) <= best_at:
                continue
            roles = [r.text.lower() for r in person.roles]
            if any(head in role and all(w.strip("’'")[:4] in role for w in modifiers) for role in roles):
                best, best_at = person, max(before)
        if best is not None:
            phrase = match.group(0)
            best.mentions.append(Mention(found.article, match.start(), match.start() + len(phrase), phrase, "PER",
                                         "nominal"))


def _group_word_after(text: str, end: int) -> bool:
    """A group word right after a name ("Kata’ib Hezbollah militia"), not after a possessive ("Howard’s party")."""
    following = text[end:end + 30].split()[:1]
    return bool(following) and following[0].strip(",.;:").lower() in GROUP_WORDS


class _Clusters:
    """Union-find over local entities, with the reason for every merge, cannot-link sides (the alias
    table's ``!=`` lines), and the merges those refused."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.evidence: dict[int, list[str]] = {}
        self.sides: dict[int, set[tuple[int, int]]] = {}  # root -> {(line, side)} of the != lines naming it
        self.refused: list[tuple[int, str]] = []  # (a local entity, why a merge of it was not made)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, reason: str | None) -> bool:
        """Merge unless a cannot-link line keeps the two apart; ``reason`` is None for the same name written
        the same way (nothing to explain). Returns whether they are one now."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        sides_a, sides_b = self.sides.get(ra, set()), self.sides.get(rb, set())
        if clash := next((line for line, side in sides_a if (line, 1 - side) in sides_b), None):
            self.refused.append((b, f"kept apart by alias table line {clash}: {reason or 'same name'}"))
            return False
        self.parent[rb] = ra
        self.evidence.setdefault(ra, []).extend([*([reason] if reason else []), *self.evidence.pop(rb, [])])
        if sides_b:
            self.sides.setdefault(ra, set()).update(self.sides.pop(rb))
        return True


def _compatible(a: LocalEntity, b: LocalEntity, *, exact: bool) -> bool:
    """Types that may merge: the same; or, on an exact key, PER/ORG and ORG/LOC (a country as its government);
    never "Mr Blair" and "Mrs Blair"."""
    if a.honorific and b.honorific and {HONORIFICS.get(a.honorific), HONORIFICS.get(b.honorific)} == {"male", "female"}:
        return False
    if a.type == b.type:
        return True
    return exact and {a.type, b.type} != {"PER", "LOC"}


def _spun_filter(entities: list[LocalEntity], spun_sources: Mapping[str, str]) -> list[LocalEntity]:
    """Keep an entity of a spun rewrite only if its original names it too; drop the rewrite's roles."""
    keys: dict[str, set[str]] = {}
    for entity in entities:
        keys.setdefault(entity.article, set()).update(name_key(m.text) for m in entity.mentions)
    kept = []
    for entity in entities:
        source = spun_sources.get(entity.article)
        if source is not None:
            entity.mentions[:] = [m for m in entity.mentions if m.how != "nominal"]
            if not any(name_key(m.text) in keys.get(source, set()) for m in entity.mentions):
                continue
            entity.roles = []
        kept.append(entity)
    return kept


def resolve_entities(articles: Iterable[LocalEntity], *, family_of: Mapping[str, str] | None = None,
                     spun_sources: Mapping[str, str] | None = None, aliases: AliasTable | None = None,
                     story_of: Mapping[str, str] | None = None) -> list[Entity]:
    """Canonical entities of the pile from every article's local entities (see the module docstring).

    ``family_of`` maps an article to its reuse family; ``spun_sources`` maps an article that is a
    spun rewrite to the article it rewrites; ``aliases`` is the user's alias table; ``story_of``
    maps an article to its story (without it the pile is one story).
    """
    local = _split_run_ons(_spun_filter(list(articles), spun_sources or {}))
    clusters = _Clusters(len(local))
    if aliases is not None:
        _merge_aliases(local, clusters, aliases)
    _merge_exact(local, clusters)
    _merge_similar(local, clusters)
    _merge_acronyms(local, clusters, story_of or {})
    _attach_single_names(local, clusters, story_of or {})
    return _entities(local, clusters, family_of or {})


def _split_run_ons(local: list[LocalEntity]) -> list[LocalEntity]:
    """Split a name the NER ran into the next one ("Popular Mobilization Abu Mahdi al-Mohandes").

    A mention of three or more words is cut where its tail (two words or more) is, by key, a
    name of two or more words that the pile names on its own; the tail becomes its own actor and
    takes the mention's roles, the head stays with the original actor.
    """
    known = {e.key for e in local if len(e.key.split()) >= 2 and len(e.mentions) and e.type != "LOC"}
    out = []
    for entity in local:
        if entity.type == "LOC" or len(entity.mentions) != 1 or entity.acronym:
            out.append(entity)
            continue
        mention = entity.mentions[0]
        words = list(re.finditer(r"\S+", mention.text))
        cut = next((w.start() for n, w in enumerate(words[1:-1], 1)
                    if name_key(mention.text[w.start():]) in known - {entity.key}), None)
        if cut is None or len(words) < 3:
            out.append(entity)
            continue
        head = mention.text[:cut].rstrip()
        tail = replace(mention, start=mention.start + cut, text=mention.text[cut:], how="split")
        tail_entity = LocalEntity(entity.article, [tail], entity.roles)
        out.append(tail_entity)
        if name_key(head) in known or len(name_words(head)) >= 2:
            out.append(LocalEntity(entity.article, [replace(mention, end=mention.start + len(head), text=head,
                                                            how="split")], [], None, entity.group_cue))
    return out


def _merge_aliases(local: Sequence[LocalEntity], clusters: _Clusters, aliases: AliasTable) -> None:
    """Rule 0: actors named on one line of the user's alias table are one, and the two sides of a
    ``!=`` line are never one (see :mod:`.aliases`)."""
    for i, entity in enumerate(local):
        for mention in entity.mentions:
            for line, side in aliases.sides_for(mention.text):
                clusters.sides.setdefault(i, set()).add((line, side))
    first: dict[int, int] = {}
    for i, entity in enumerate(local):
        entry = next((e for m in entity.mentions if (e := aliases.entry_for(m.text)) is not None), None)
        if entry is None:
            continue
        if entry.type:
            entity.alias_type = entry.type
        if entry.line not in first:
            first[entry.line] = i
        elif clusters.find(first[entry.line]) != clusters.find(i):
            a, b = local[first[entry.line]].full.text, entity.full.text
            clusters.union(first[entry.line], i, None if name_key(a) == name_key(b) else
                           f"alias table {aliases.path} line {entry.line}: {a!r} = {b!r}")


def _merge_exact(local: Sequence[LocalEntity], clusters: _Clusters) -> None:
    first: dict[str, list[int]] = {}
    for i, entity in enumerate(local):
        representatives = first.setdefault(entity.key, [])
        target = next((r for r in representatives if _compatible(local[r], entity, exact=True)), None)
        if target is None:
            representatives.append(i)
            continue
        a, b = local[target].full.text, entity.full.text
        clusters.union(target, i, None if a == b else f"same name key '{entity.key}': {a!r} = {b!r}")


def _merge_similar(local: Sequence[LocalEntity], clusters: _Clusters) -> None:
    """Rules 2 and 3, compared within blocks of the same type and first-word skeleton."""
    blocks: dict[tuple[str, str], list[int]] = {}
    for i, entity in enumerate(local):
        words = entity.key.split()
        if entity.type in PERSON_OR_GROUP and len(words) >= 2:
            blocks.setdefault((entity.type, skeleton(words[0])), []).append(i)
    for (kind, _), members in blocks.items():
        # one member per name as written and cluster: the others would compare the same way (a story
        # copied 2,000 times holds its names 2,000 times)
        first: dict[tuple[str, int], int] = {}
        for i in members:
            first.setdefault((local[i].full.text, clusters.find(i)), i)
        block = list(first.values())
        for n, i in enumerate(block):
            for j in block[n + 1:]:
                if clusters.find(i) == clusters.find(j):
                    continue
                reason = names_match(local[i].full.text, local[j].full.text, kind)
                if reason is not None:
                    clusters.union(i, j, reason)


def _spells_initials(name: str) -> bool:
    """A name of two or more whole words, none an abbreviation ("United States", not "U.S. Senate")."""
    words = [w.strip(",") for w in name.split()]
    return len(name_words(name)) > 1 and not any(is_acronym(w) or re.fullmatch(r"(?:\w\.)+\w?\.?", w) for w in words)


def _merge_acronyms(local: Sequence[LocalEntity], clusters: _Clusters, story_of: Mapping[str, str]) -> None:
    """Rule 5: an acronym joins the name it was defined for in any article; an undefined one joins the one
    name of its story whose initials it spells (none, or two, and it stays alone: "MP" is not the
    "Marshall Plan" of another story)."""
    defined: dict[str, int] = {}
    spelled: dict[tuple[str, str], set[int]] = {}
    expansion: dict[int, str] = {}  # root -> the key of the name its acronym was joined to
    for i, entity in enumerate(local):
        if entity.acronym and any(m.how == "definition" for m in entity.mentions):
            defined.setdefault(entity.acronym, i)
        if entity.type != "PER" and _spells_initials(entity.full.text):
            spelled.setdefault((_story(entity, story_of), initials(entity.full.text)), set()).add(i)
    for i, entity in enumerate(local):
        acronym = entity.acronym or (entity.full.text if is_acronym(entity.full.text) else None)
        if acronym is None or entity.type == "PER":
            continue
        if acronym in defined:
            if clusters.find(defined[acronym]) != clusters.find(i):
                clusters.union(defined[acronym], i, f"acronym {acronym} of {local[defined[acronym]].full.text!r}")
            continue
        letters = acronym.replace(".", "").upper()
        roots = {clusters.find(j) for j in spelled.get((_story(entity, story_of), letters), ())}
        if len(roots) == 1 and (root := roots.pop()) != clusters.find(i):
            # an acronym already joined to one expansion does not take a second ("US" is not both the
            # "United States" of one story and the "Undersecretary of State" of another)
            held = expansion.get(clusters.find(i))
            if held is not None and held != local[root].key:
                clusters.refused.append((i, f"kept apart: acronym {acronym} already stands for another name "
                                            f"than {local[root].full.text!r}"))
                continue
            if clusters.union(root, i, f"acronym {acronym} spells {local[root].full.text!r}, the only name of its "
                                       f"story with those initials"):
                expansion[clusters.find(i)] = local[root].key


def _story(entity: LocalEntity, story_of: Mapping[str, str]) -> str:
    """The story of the article naming ``entity`` ("" when stories are not known: the pile is one story)."""
    return story_of.get(entity.article, "")


def _is_place(group: Iterable[LocalEntity]) -> bool:
    """Named as a place: typed LOC in any mention, or a gazetteer place ("Detroit", "Europa" is not)."""
    return any(m.type == "LOC" for e in group for m in e.mentions) or any(is_place_name(e.full.text) for e in group)


def _attach_single_names(local: Sequence[LocalEntity], clusters: _Clusters, story_of: Mapping[str, str]) -> None:
    """Rules 4 and 6: a one-word name to the one person it is the family name of, or the one group it opens.

    A name written with a form of address ("Mr Blair") joins the person the pile's own articles say it is:
    the one full name it was joined to in every article that names both; with no such article, the one
    person of its story with that family name whose given name fits the form ("Mrs" is not "Tony");
    otherwise it stays alone. A place never joins a group whose name it opens ("Detroit" is not the
    "Detroit Free Press"), nor does the family name of a person of the pile ("Blair" is not the
    "Blair Babes").
    """
    by_family: dict[str, set[int]] = {}
    by_opening: dict[str, set[int]] = {}
    addressed: dict[tuple[str, str], set[int]] = {}  # (form, family key) -> roots it was joined to in an article
    for i, entity in enumerate(local):
        words = entity.key.split()
        if entity.type == "PER" and len(words) >= 2:
            by_family.setdefault(words[-1], set()).add(i)
            for mention in entity.mentions:
                if mention.honorific and name_key(mention.text) == words[-1]:
                    addressed.setdefault((mention.honorific, words[-1]), set()).add(clusters.find(i))
        elif entity.type == "ORG" and len(words) >= 2 and not entity.acronym:
            by_opening.setdefault(words[0], set()).add(i)
    for i, entity in enumerate(local):
        words = entity.key.split()
        if len(words) != 1 or entity.type not in PERSON_OR_GROUP or is_acronym(entity.full.text):
            continue
        if entity.honorific:
            _attach_addressed(local, clusters, i, story_of, by_family, addressed)
            continue
        # the NER's type first; a one-word name it typed wrongly ("Ford" as a person) may take the other
        person = entity.type == "PER"
        candidates = {clusters.find(c) for c in (by_family if person else by_opening).get(words[0], set())}
        if not candidates:
            # a given name the NER read as a person's ("her brother, Hans") opens only a group of its own story
            # ("Creighton" the team): not another story's "Hans Christian Anderson School"
            given = person and given_name_gender(entity.full.text) is not None
            person = not person
            candidates = {clusters.find(c) for c in (by_family if person else by_opening).get(words[0], set())
                          if not given or _story(local[c], story_of) == _story(entity, story_of)}
        if not person and (_is_place([entity]) or words[0] in by_family):
            continue  # "Blair", a person's family name in this pile, does not open the "Blair Babes"
        if len(candidates) == 1 and clusters.find(i) not in candidates:
            target = candidates.pop()
            how = "is the family name of" if person else "opens"
            kind = "person" if person else "organisation"
            clusters.union(target, i, f"one-word name {entity.full.text!r} {how} {local[target].full.text!r}, "
                                      f"the only {kind} so named")


def _attach_addressed(local: Sequence[LocalEntity], clusters: _Clusters, i: int, story_of: Mapping[str, str],
                      by_family: Mapping[str, set[int]], addressed: Mapping[tuple[str, str], set[int]]) -> None:
    """"Mr Blair" alone in an article: see :func:`_attach_single_names`."""
    entity = local[i]
    form, family = entity.honorific, entity.key
    written = f"{form.capitalize()} {entity.full.text}"
    seen = {clusters.find(r) for r in addressed.get((form, family), set())}
    if len(seen) == 1:
        target = seen.pop()
        if target != clusters.find(i):
            clusters.union(target, i, f"{written!r} is {local[target].full.text!r} in every article that names "
                                      f"both")
        return
    if len(seen) > 1:
        names = sorted({local[r].full.text for r in seen})
        clusters.refused.append((i, f"kept apart: {written!r} is {' and '.join(map(repr, names))} in "
                                    f"different articles"))
        return
    story = _story(entity, story_of)
    candidates = {clusters.find(c) for c in by_family.get(family, set())
                  if _story(local[c], story_of) == story and gender_fits(form, local[c].full.text)}
    if len(candidates) == 1 and (target := candidates.pop()) != clusters.find(i):
        clusters.union(target, i, f"{written!r}: {local[target].full.text!r} is the only person of its story "
                                  f"with that family name")
    elif len(candidates) > 1:
        names = sorted({local[c].full.text for c in candidates})
        clusters.refused.append((i, f"kept apart: {written!r} could be {' or '.join(map(repr, names))}"))


def _entities(local: Sequence[LocalEntity], clusters: _Clusters, family_of: Mapping[str, str]) -> list[Entity]:
    members: dict[int, list[int]] = {}
    for i in range(len(local)):
        members.setdefault(clusters.find(i), []).append(i)
    built = []
    for root, indices in members.items():
        group = [local[i] for i in indices]
        mentions = sorted((m for e in group for m in e.mentions), key=lambda m: (m.article, m.start))
        fulls = Counter(e.full.text for e in group)
        longest = max(len(name_words(t)) for t in fulls)
        name = max((t for t in fulls if len(name_words(t)) == longest), key=lambda t: (fulls[t], t))
        if not_an_actor(group):
            continue
        kind = evidence_type(group) or Counter(m.type for e in group for m in e.mentions).most_common(1)[0][0]
        aliases = tuple(sorted({m.text for m in mentions if m.how != "nominal"} - {name}))
        families = tuple(sorted({family_of.get(m.article, m.article) for m in mentions}))
        roles = tuple(sorted((r for e in group for r in e.roles), key=lambda r: (r.article, r.start)))
        reasons = Counter(clusters.evidence.get(root, []))
        reasons.update(reason for i, reason in clusters.refused if clusters.find(i) == root)
        evidence = tuple(reason if n == 1 else f"{reason} (x{n})" for reason, n in reasons.items())
        built.append((name, kind, aliases, roles, tuple(mentions), families, evidence))
    built.sort(key=lambda b: (-len(b[5]), -len(b[4]), b[0]))
    return [Entity(f"E{n}", *fields) for n, fields in enumerate(built, 1)]
