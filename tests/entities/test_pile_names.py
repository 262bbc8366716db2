"""Names the pile knows (``entities/pile.py``): found again where the NER missed them, cut out of run-ons."""

from __future__ import annotations

from newsdossier.entities.aliases import AliasEntry, AliasTable
from newsdossier.entities.mentions import ArticleMentions, Mention
from newsdossier.entities.pile import (
    KnownNames,
    cut_run_ons,
    known_mentions,
    known_misc_mentions,
    misc_names,
    name_runs,
    retype_group_names,
)


def _mention(article: str, text: str, name: str, kind: str, how: str = "ner") -> Mention:
    start = text.index(name)
    return Mention(article, start, start + len(name), name, kind, how)


def _known(*tagged: tuple[str, str], aliases: AliasTable | None = None) -> KnownNames:
    found = ArticleMentions("elsewhere")
    found.mentions = [Mention("elsewhere", 0, len(name), name, kind, "ner") for name, kind in tagged]
    return KnownNames.of([found], aliases)


MILITIA = "He met the militia of Popular Mobilization Abu Mahdi al-Mohandes who received the order."


def test_untagged_capitalised_words_make_runs() -> None:
    runs = name_runs(MILITIA, [])
    assert [(r.text, r.initial) for r in runs] == [("Popular Mobilization Abu Mahdi al-Mohandes", False)]  # not "He"
    assert [(r.text, r.initial) for r in name_runs("Ford fell. So did GM, and Chrysler.", [])] == [
        ("Ford", True), ("GM", False), ("Chrysler", False)]
    # a run stops at a comma, a line break and a mention, and a trailing particle is not part of it
    text = "Ahmed Ali, Rome Paris\nNew York and Lisbon of"
    lisbon = _mention("a", text, "Lisbon", "LOC")
    assert [r.text for r in name_runs(text, [lisbon])] == ["Ahmed Ali", "Rome Paris", "New York"]


def test_a_known_person_is_found_in_a_run_and_by_its_other_spelling() -> None:
    known = _known(("Abu Mahdi al-Muhandis", "PER"))
    found = known_mentions("a", name_runs(MILITIA, []), known)
    assert [(m.text, m.type, m.how) for m in found] == [("Abu Mahdi al-Mohandes", "PER", "pile")]
    assert MILITIA[found[0].start:found[0].end] == "Abu Mahdi al-Mohandes"


def test_a_group_is_found_only_as_all_that_the_people_leave() -> None:
    table = AliasTable("aliases.txt", (AliasEntry(1, ("Popular Mobilization", "Hashed al-Shaabi"), "ORG"),))
    known = _known(("Abu Mahdi al-Muhandis", "PER"), aliases=table)
    found = known_mentions("a", name_runs(MILITIA, []), known)
    assert [(m.text, m.type) for m in found] == [("Popular Mobilization", "ORG"), ("Abu Mahdi al-Mohandes", "PER")]
    times = "She read the New York Times on the train."
    assert known_mentions("b", name_runs(times, []), _known(("New York", "LOC"))) == []
    assert [m.text for m in known_mentions("c", name_runs("The Tourism New York office said so.", []),
                                           _known(("New York", "LOC")))] == []  # "Tourism" is in the run
    assert [m.text for m in known_mentions("d", name_runs("He flew to New York on Monday.", []),
                                           _known(("New York", "LOC")))] == ["New York"]


def test_a_one_word_name_is_sought_only_where_the_pile_settles_it() -> None:
    text = "Later Apple Pie was served."  # a run of two words that is no known name
    assert known_mentions("a", name_runs(text, []), _known(("Apple", "ORG"), ("Pie", "PER"))) == []
    known = _known(("Chrysler", "ORG"), ("Chrysler", "ORG"), ("Ford", "ORG"), ("Steve Jobs", "PER"),
                   ("Jobs", "PER"), ("Jobs", "PER"))
    text = "If Chrysler succeeds, Ford may not. Jobs also noted it. Jobs are scarce. Chrysler fell."
    found = known_mentions("a", name_runs(text, []), known)
    # Chrysler: tagged twice, inside a sentence; Ford: tagged once only; "Jobs also noted": the family name
    # of a person of the pile; "Jobs are scarce": a plural noun; "Chrysler fell.": opens its sentence
    assert [(m.text, m.type, text[:m.start].count(".")) for m in found] == [("Chrysler", "ORG", 0), ("Jobs", "PER", 1)]


def test_a_person_run_into_a_known_group_is_cut() -> None:
    text = "and deputy director Hashed Abu Mahdi al-Muhandis."
    run_on = _mention("a", text, "Hashed Abu Mahdi al-Muhandis", "PER")
    known = _known(("Abu Mahdi al-Muhandis", "PER"), ("Hashed", "ORG"))
    (cut,), leads = cut_run_ons([run_on], known)
    assert (cut.text, cut.how, text[cut.start:cut.end]) == ("Abu Mahdi al-Muhandis", "split", "Abu Mahdi al-Muhandis")
    assert leads == {"hashid"}
    # without the pile saying "Hashed" is a group, or that the rest is a person, nothing is cut
    assert cut_run_ons([run_on], _known(("Abu Mahdi al-Muhandis", "PER")))[0] == [run_on]
    assert cut_run_ons([run_on], _known(("Hashed", "ORG")))[0] == [run_on]


def test_a_misc_span_the_pile_tags_as_a_group_is_a_mention_of_it() -> None:
    known = _known(("Airbus", "ORG"), ("Airbus", "ORG"), ("Boeing", "MISC"))
    spans = [(10, 16, "Airbus"), (30, 36, "Boeing"), (40, 48, "Concorde")]
    found = known_misc_mentions("a", spans, known)
    assert [(m.text, m.type, m.how, m.start) for m in found] == [("Airbus", "ORG", "pile", 10)]


def test_only_proper_noun_misc_spans_are_read() -> None:
    import spacy
    from spacy.tokens import Span

    doc = spacy.blank("en")("American officials met Airbus staff.")
    for token, tag in zip(doc, ["JJ", "NNS", "VBD", "NNP", "NN", "."], strict=True):
        token.tag_ = tag
    doc.ents = [Span(doc, 0, 1, "MISC"), Span(doc, 3, 4, "MISC")]
    assert misc_names(doc) == [(23, 29, "Airbus")]


def test_a_person_name_opening_with_a_known_group_is_the_groups() -> None:
    known = _known(("Hashed", "ORG"), ("Hashed", "ORG"), ("Washington", "LOC"), ("Washington", "LOC"),
                   ("Apple", "ORG"))
    text = "Hashed al-Shaabi met Washington Irving and Apple Martin."
    mentions = [_mention("a", text, name, "PER") for name in ("Hashed al-Shaabi", "Washington Irving", "Apple Martin")]
    assert [m.type for m in retype_group_names(mentions, known)] == ["ORG", "PER", "PER"]  # Apple: tagged once


def test_a_one_word_person_is_sought_only_as_the_family_name_of_someone_named_in_full() -> None:
    text = "The rally cheered as Tory peers and Blair allies spoke."
    slogan = _known(("Vote Tory", "PER"), ("Tory", "PER"), ("Tory", "PER"), ("Tony Blair", "PER"),
                    ("Blair", "PER"), ("Blair", "PER"))
    # "Vote Tory" (a slogan the NER took for a person) opens with no given name; "Tony Blair" does
    assert [m.text for m in known_mentions("a", name_runs(text, []), slogan)] == ["Blair"]
