"""Actors of the pile: every spelling of a person, group or place merged, near-namesakes kept apart.

``find_entities(analyses, family_of=..., spun_sources=...)`` takes each article's stored NLP
analysis and returns the pile's canonical :class:`Entity` records (name, type, other spellings,
roles with their sources, mentions with offsets, independent families, and the evidence of
every merge). Steps: :mod:`.mentions` (names, titles, acronyms, appositions per article),
:mod:`.resolve` (short forms inside an article, then spellings across articles), with keys from
:mod:`.names` and the user's alias table from :mod:`.aliases`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from newsdossier.entities.aliases import AliasTable, read_aliases
from newsdossier.entities.mentions import ArticleMentions, Mention, Role, find_mentions, lower_case_words
from newsdossier.entities.names import name_key
from newsdossier.entities.pile import (
    KnownNames,
    NameRun,
    cut_run_ons,
    known_mentions,
    known_misc_mentions,
    misc_names,
    name_runs,
    retype_group_names,
)
from newsdossier.entities.resolve import Entity, LocalEntity, local_entities, resolve_entities

# Share of an article's words that are English stop words below which it is not read for actors: the
# English NER reads German, Portuguese or Russian capitalised nouns as names ("Sämtliche Daten",
# "Psychotherapeuten"). On the 181 pages of the Article Extraction Benchmark, the English ones hold
# 0.27 or more (the BBC corpus 0.33 or more) and the others 0.14 or less (the one English page
# under 0.2 is a table of sports results).
ENGLISH_STOP_WORD_MIN_SHARE = 0.2
# Texts shorter than this are not judged (a one-sentence English stub can hold few stop words).
LANGUAGE_MIN_WORDS = 60


def is_english(doc: Any) -> bool:
    """Whether an analysed text is English prose by its share of English stop words (a short text is
    taken to be)."""
    from spacy.attrs import IS_ALPHA, IS_STOP

    flags = doc.to_array([IS_ALPHA, IS_STOP])  # one pass in C, not a Python object per token
    words = int(flags[:, 0].sum())
    if words < LANGUAGE_MIN_WORDS:
        return True
    return int((flags[:, 0] & flags[:, 1]).sum()) >= ENGLISH_STOP_WORD_MIN_SHARE * words


__all__ = ["ENGLISH_STOP_WORD_MIN_SHARE", "AliasTable", "ArticleFindings", "Entity", "Mention", "Role",
           "article_findings", "entities_from_findings", "find_entities", "is_english", "name_key", "read_aliases"]


@dataclass(slots=True)
class ArticleFindings:
    """What one article's analysis says of its actors, before the pile is read: its mentions, its runs of
    capitalised words, its names the NER called other (MISC), its actors as it names them, and the words it
    writes in lower case. Plain records (no spaCy objects), so worker processes can hand them back."""

    found: ArticleMentions
    runs: list[NameRun]
    misc: list[tuple[int, int, str]]
    local: list[LocalEntity]
    lower_case: set[str]


def article_findings(article: str, doc: Any) -> ArticleFindings | None:
    """One article's :class:`ArticleFindings` from its spaCy Doc; None for a text that is not English prose."""
    if not is_english(doc):
        return None
    text = doc.text
    found = find_mentions(article, doc, text)
    runs = name_runs(text, found.mentions)  # before local_entities trims the headline's mentions
    local = local_entities(found, text)
    for entity in local:
        entity.forget()  # what it kept is keyed by object ids, which do not survive a trip to another process
    return ArticleFindings(found, runs, misc_names(doc), local, set(lower_case_words(text)))


def find_entities(analyses: Iterable[tuple[str, Any]], *, family_of: Mapping[str, str] | None = None,
                  spun_sources: Mapping[str, str] | None = None, aliases: AliasTable | None = None,
                  story_of: Mapping[str, str] | None = None) -> list[Entity]:
    """Canonical entities from ``(article id, spaCy Doc)`` pairs (the NLP stage's analyses)."""
    findings = (article_findings(article, doc) for article, doc in analyses)
    return entities_from_findings((f for f in findings if f is not None), family_of=family_of,
                                  spun_sources=spun_sources, aliases=aliases, story_of=story_of)


def entities_from_findings(findings: Iterable[ArticleFindings], *, family_of: Mapping[str, str] | None = None,
                           spun_sources: Mapping[str, str] | None = None, aliases: AliasTable | None = None,
                           story_of: Mapping[str, str] | None = None) -> list[Entity]:
    """Canonical entities from each article's :class:`ArticleFindings`, in the pile's order: the names the
    pile knows added to each article's actors, then the actors resolved across articles."""
    local: list[LocalEntity] = []
    lower_case: set[str] = set()
    found_all: list[tuple[ArticleMentions, list[NameRun], list[tuple[int, int, str]]]] = []
    for finding in findings:
        found_all.append((finding.found, finding.runs, finding.misc))
        local.extend(finding.local)
        lower_case.update(finding.lower_case)
    _add_known_names(local, found_all, aliases)
    # a sentence-opening word that the pile writes in lower case elsewhere ("Meantime", "Documents") is
    # an ordinary word there too, and so is one word of a Title Case headline ("2 Dead", "Driver Killed")
    for entity in local:
        entity.mentions = [replace(m, ordinary=True) if _could_be_ordinary(m) and m.text.lower() in lower_case
                           else m for m in entity.mentions]
    return resolve_entities(local, family_of=family_of, spun_sources=spun_sources, aliases=aliases,
                            story_of=story_of)


def _could_be_ordinary(mention: Mention) -> bool:
    """A one-word name capitalised for its place, not for being a name: opening a sentence, or in a Title
    Case headline."""
    return not mention.ordinary and not mention.honorific and (
        mention.initial or (mention.how == "headline" and " " not in mention.text))


def _add_known_names(local: list[LocalEntity],
                     found_all: list[tuple[ArticleMentions, list[NameRun], list[tuple[int, int, str]]]],
                     aliases: AliasTable | None) -> None:
    """Names the pile knows (:mod:`.pile`): person mentions run into a known group cut (and the group's
    own mentions, which the article grouped with the run-on, given back to an actor of their own), and
    known names the NER missed added to their article's actors (to the one with the same name, else a
    new one); a one-word actor that is the family name of a person the pile names in full marked so."""
    known = KnownNames.of((found for found, _, _ in found_all), aliases)
    for entity in list(local):
        cut, leads = cut_run_ons(entity.mentions, known)
        if leads:
            apart = [m for m in cut if m.how != "split" and name_key(m.text) in leads]
            entity.mentions[:] = [m for m in cut if m not in apart]
            entity.forget()
            if apart:
                group = LocalEntity(entity.article)
                group.mentions.extend(apart)
                local.append(group)
        retyped = retype_group_names(entity.mentions, known)  # after the cuts: "Hashed Abu Mahdi ..." is cut
        if retyped != entity.mentions:
            entity.mentions[:] = retyped
            entity.forget()
    by_article: dict[str, list[LocalEntity]] = {}
    for entity in local:
        by_article.setdefault(entity.article, []).append(entity)
    for found, runs, misc in found_all:
        for mention in [*known_mentions(found.article, runs, known), *known_misc_mentions(found.article, misc, known)]:
            key = name_key(mention.text)
            entities = by_article.setdefault(found.article, [])
            target = next((e for e in entities if any(name_key(m.text) == key for m in e.mentions)), None)
            if target is None:
                target = LocalEntity(found.article)
                entities.append(target)
                local.append(target)
            target.mentions.append(mention)
    for entity in local:
        if " " not in (key := entity.key) and key in known.families:
            entity.family_name = True
