"""The resolver's rules on hand-made mentions (no NER involved), and the mention finder on short texts."""

from __future__ import annotations

import pytest

from newsdossier.entities import find_entities
from newsdossier.entities.mentions import ArticleMentions, Mention
from newsdossier.entities.resolve import Entity, local_entities, resolve_entities
from newsdossier.nlp import load_pipeline


def _article(article: str, *names: tuple[str, str], how: str = "ner") -> list[Mention]:
    text, mentions = "", []
    for name, kind in names:
        mentions.append(Mention(article, len(text), len(text) + len(name), name, kind, how))
        text += name + ". "
    return mentions


def _resolve(*articles: list[Mention]) -> list[Entity]:
    local = []
    for mentions in articles:
        text = " " * (max(m.end for m in mentions) + 1)
        local.extend(local_entities(ArticleMentions(mentions[0].article, list(mentions)), text))
    return resolve_entities(local)


def _entity_of(entities: list[Entity], spelling: str) -> Entity:
    found = [e for e in entities if e.name == spelling or spelling in e.aliases]
    assert len(found) == 1, f"{spelling!r} in {len(found)} entities"
    return found[0]


def test_an_undefined_acronym_joins_the_one_name_that_spells_it() -> None:
    entities = _resolve(_article("a", ("General Motors Corp.", "ORG")), _article("b", ("GM", "ORG")))
    gm = _entity_of(entities, "GM")
    assert gm is _entity_of(entities, "General Motors Corp.")
    assert any("acronym GM spells" in reason for reason in gm.evidence)


def test_an_acronym_two_names_spell_stays_apart() -> None:
    entities = _resolve(_article("a", ("General Motors", "ORG")), _article("b", ("Global Media", "ORG")),
                        _article("c", ("GM", "ORG")))
    assert _entity_of(entities, "GM").aliases == ()


def test_an_acronym_does_not_join_a_person() -> None:
    entities = _resolve(_article("a", ("George Michael", "PER")), _article("b", ("GM", "ORG")))
    assert _entity_of(entities, "GM") is not _entity_of(entities, "George Michael")


def test_a_one_word_group_joins_the_one_group_it_opens() -> None:
    entities = _resolve(_article("a", ("Ford Motor Company", "ORG")), _article("b", ("Ford", "PER")))
    assert _entity_of(entities, "Ford") is _entity_of(entities, "Ford Motor Company")


def test_a_one_word_group_with_two_candidates_stays_apart() -> None:
    entities = _resolve(_article("a", ("Apple Computer", "ORG")), _article("b", ("Apple Corps", "ORG")),
                        _article("c", ("Apple", "ORG")))
    assert len({_entity_of(entities, s).id for s in ("Apple Computer", "Apple Corps", "Apple")}) == 3


def test_a_legal_form_does_not_split_a_company() -> None:
    entities = _resolve(_article("a", ("Apple Inc.", "ORG")), _article("b", ("Apple", "ORG")))
    assert _entity_of(entities, "Apple") is _entity_of(entities, "Apple Inc.")


def test_a_country_may_be_typed_as_its_government_but_never_as_a_person() -> None:
    person = [Mention("d", 3, 13, "Washington", "PER", "ner", "mr")]  # "Mr Washington"
    entities = _resolve(_article("a", ("Iraq", "LOC")), _article("b", ("Iraq", "ORG")),
                        _article("c", ("Washington", "LOC")), person)
    assert len(_entity_of(entities, "Iraq").mentions) == 2
    assert len([e for e in entities if e.name == "Washington"]) == 2
    # with nothing to say it is a person, a gazetteer place the NER typed PER is the place
    entities = _resolve(_article("c", ("Washington", "LOC")), _article("d", ("Washington", "PER")))
    assert [e.type for e in entities] == ["LOC"]


def test_a_headline_run_on_is_cut_back_to_the_name_the_article_uses() -> None:
    headline = _article("a", ("Lindsay Lohan Checks", "PER"), how="headline")
    body = [Mention("a", 100, 113, "Lindsay Lohan", "PER", "ner")]
    entities = _resolve(headline + body)
    lohan = _entity_of(entities, "Lindsay Lohan")
    assert [m.text for m in lohan.mentions] == ["Lindsay Lohan", "Lindsay Lohan"]
    assert not any("Checks" in e.name for e in entities)


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline()


def _actors(nlp, text: str) -> list[Entity]:  # type: ignore[no-untyped-def]
    return find_entities([("a", nlp(text))])


def test_a_company_named_general_is_not_a_general(nlp) -> None:  # type: ignore[no-untyped-def]
    entities = _actors(nlp, "General Motors said on Monday that it would close the plant.")
    gm = _entity_of(entities, "General Motors")
    assert gm.type == "ORG"
    assert gm.roles == ()


def test_an_institution_is_not_split_into_a_title_and_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    entities = _actors(nlp, "The Justice Department declined to comment on the case.")
    assert _entity_of(entities, "Justice Department").type == "ORG"


def test_an_employer_and_title_before_a_name_are_a_role(nlp) -> None:  # type: ignore[no-untyped-def]
    entities = _actors(nlp, "Apple CEO Steve Jobs unveiled the phone in San Francisco.")
    jobs = _entity_of(entities, "Steve Jobs")
    assert [r.text for r in jobs.roles] == ["Apple CEO"]


def test_a_nominal_reference_joins_the_titled_person_before_it() -> None:
    from newsdossier.entities.mentions import Role

    text = ("Iraq’s Prime Minister Mustafa al-Kadhemi spoke. The Iraqi prime minister said more. "
            "The Iranian prime minister did not. The prime minister Hassan Diab did not either.")
    name_at = text.index("Mustafa")
    kadhemi = Mention("a", name_at, name_at + len("Mustafa al-Kadhemi"), "Mustafa al-Kadhemi", "PER", "ner")
    diab_at = text.index("Hassan Diab")
    diab = Mention("a", diab_at, diab_at + len("Hassan Diab"), "Hassan Diab", "PER", "ner")
    found = ArticleMentions("a", [kadhemi, diab],
                            {0: [Role("Iraq’s Prime Minister", "a", 0, name_at - 1, "title")]})
    entities = resolve_entities(local_entities(found, text))
    linked = _entity_of(entities, "Mustafa al-Kadhemi")
    nominal = [m for m in linked.mentions if m.how == "nominal"]
    assert [(m.text, text[m.start:m.end]) for m in nominal] == [("The Iraqi prime minister",) * 2]
    assert linked.aliases == ()  # a reference is not a spelling
    assert not any(m.how == "nominal" for m in _entity_of(entities, "Hassan Diab").mentions)


def test_an_acronym_defined_twice_in_one_article_is_one_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    # Found on BBC articles: the second definition used to crash the build.
    text = ("The Office for National Statistics (ONS) said prices rose. Later the Office for National "
            "Statistics (ONS) revised the figure, and the ONS said more data would follow.")
    entities = _actors(nlp, text)
    ons = _entity_of(entities, "ONS")
    assert ons.type == "ORG"
    assert sum(1 for m in ons.mentions if m.how == "definition") == 2


def test_mr_after_ms_is_not_the_woman_the_family_name_went_to() -> None:
    # ECB+ train (topic 33, the New Bedford killings), read for events 2026-12-06: once "Ms. Gomes" had joined
    # Catherine Gomes, every later "Mr. Gomes" followed her; he is the suspect, Gary Gomes
    names = [("Gary Gomes", "", "PER"), ("Catherine Gomes", "", "PER"), ("Gomes", "ms", "PER"),
             ("Gomes", "mr", "PER"), ("Gomes", "ms", "PER"), ("Gomes", "mr", "PER")]
    text, mentions = "", []
    for name, form, kind in names:
        written = f"{form.capitalize()}. {name}" if form else name
        start = len(text) + len(written) - len(name)
        mentions.append(Mention("a", start, start + len(name), name, kind, "ner", honorific=form))
        text += written + " said. "
    local = {e.full.text: [(m.honorific, m.start) for m in e.mentions]
             for e in local_entities(ArticleMentions("a", mentions), text)}
    assert [form for form, _ in local["Gary Gomes"]] == ["", "mr", "mr"]
    assert [form for form, _ in local["Catherine Gomes"]] == ["", "ms", "ms"]


def test_a_lower_case_miss_is_no_form_of_address(nlp) -> None:  # type: ignore[no-untyped-def]
    # MEANTIME (Apple): "we will miss Steve" had made Steve a "Miss", kept apart from Steve Jobs
    from newsdossier.entities.mentions import find_mentions

    text = "Steve Jobs founded Apple. We will miss Steve, said Tim Cook. Miss Smith said nothing."
    found = find_mentions("a", nlp(text), text)
    forms = {m.text: m.honorific for m in found.mentions}
    assert forms.get("Steve") == ""
    assert forms.get("Smith") == "miss"


def test_a_family_name_alone_has_no_given_name_to_fit() -> None:
    # PolNeAR dev: "Clinton ... Mrs. Clinton" is one person; the family name is no man's given name ("Clinton")
    def local(*written: tuple[str, str]) -> list[list[str]]:
        text, found = "", []
        for name, form in written:
            shown = f"{form.capitalize()}. {name}" if form else name
            start = len(text) + len(shown) - len(name)
            found.append(Mention("a", start, start + len(name), name, "PER", "ner", honorific=form))
            text += shown + " spoke. "
        return [[m.honorific for m in e.mentions] for e in local_entities(ArticleMentions("a", found), text)]

    assert local(("Clinton", ""), ("Clinton", "mrs"), ("Clinton", "")) == [["", "mrs", ""]]
    # but the woman addressed after the man is not he
    assert local(("Clinton", "mr"), ("Clinton", "mrs")) == [["mr"], ["mrs"]]


def test_a_person_named_by_a_given_name_opens_no_group(nlp) -> None:  # type: ignore[no-untyped-def]
    # a new user's reading of 976 BBC articles (docs/benchmarks.md, fifteenth session): "her brother, Hans" had
    # joined another story's "Hans Christian Anderson School"
    brother = "Sophie Scholl, 21, was arrested and beheaded with her brother, Hans, in 1943."
    school = "The royal couple also visited the Hans Christian Anderson School complex in Odense."
    at, named = brother.index("Hans"), school.index("Hans")
    local = [*local_entities(ArticleMentions("a", [Mention("a", at, at + 4, "Hans", "PER", "ner")], {}), brother),
             *local_entities(ArticleMentions("b", [Mention("b", named, named + 30, school[named:named + 30], "ORG",
                                                           "ner")], {}), school)]
    entities = resolve_entities(local, story_of={"a": "s1", "b": "s2"})
    assert {m.article for m in _entity_of(entities, "Hans Christian Anderson School").mentions} == {"b"}
    # in one story, a given name the NER read as a person's may be the group ("Creighton" the team)
    entities = resolve_entities(local, story_of={"a": "s1", "b": "s1"})
    assert {m.article for m in _entity_of(entities, "Hans Christian Anderson School").mentions} == {"a", "b"}
    # a one-word name of no person joins the one group it opens
    local = [*local_entities(ArticleMentions("a", [Mention("a", 0, 6, "Hanson", "PER", "ner")], {}), "Hanson rose"),
             *local_entities(ArticleMentions("b", [Mention("b", 0, 14, "Hanson Trust", "ORG", "ner")], {}),
                             "Hanson Trust fell")]
    assert {m.article for m in _entity_of(resolve_entities(local), "Hanson Trust").mentions} == {"a", "b"}
    # a one-word organisation the NER read as a person still joins the one group it opens
    entities = find_entities([
        ("a", nlp("Shares in Barclays Bank rose on Monday after the results.")),
        ("b", nlp("Barclays said profits rose by 20%.")),
    ])
    assert {m.article for m in _entity_of(entities, "Barclays Bank").mentions} == {"a", "b"}
