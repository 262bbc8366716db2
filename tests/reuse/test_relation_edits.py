"""Issue #22: a spin swaps synonyms in kept sentences; an edit does not. And one outlet's two versions of its
story are a revision, not two sources."""

from __future__ import annotations

from datetime import date

from newsdossier.clean import clean, prepare
from newsdossier.model import Format, RawDocument, Relation, SourceHints
from newsdossier.reuse import find_reuse
from newsdossier.reuse.relation import synonym_substitutions


def test_synonym_like_substitutions() -> None:
    spun = [("killed", "slain"), ("help", "assist"), ("injury", "harm"), ("report", "study")]
    edited = [("says", "said"), ("drunk", "drunken"), ("tuesday", "yesterday"), ("the", "it"), ("troy", "the"),
              ("60m", "200ft"), ("recent", "recently"), ("zadan", "and")]
    assert synonym_substitutions(spun) == 4
    assert synonym_substitutions(edited) == 0


STORY = ["Police arrested a man on Tuesday after a shooting at an office in the city centre left two people dead.",
         "The suspect, a former employee, was detained at the scene, the police chief told reporters.",
         "Witnesses said they heard several shots shortly after ten in the morning and saw people running.",
         "The two victims worked for an accounting firm on the third floor of the building, officials said.",
         "A third person was taken to hospital with injuries that were not thought to be life-threatening.",
         "Investigators are still trying to establish a motive, and the office will stay closed this week."]


def _article(paragraphs: list[str], name: str, outlet: str | None = None, published: date | None = None) -> object:
    text = "\n\n".join(paragraphs) + "\n"
    data = text.encode("utf-8")
    return clean(prepare(RawDocument(name, None, Format.TEXT, "text/plain", data, "utf-8", text,
                                     SourceHints(outlet=outlet, published=published))))


def test_an_outlets_edit_of_a_wire_story_is_no_spun_rewrite() -> None:
    edited = [STORY[0].replace("on Tuesday", "on Tuesday morning"), STORY[1].replace("told reporters", "said"),
              "The shooting was the city's second this year.", *STORY[2:5]]
    [link] = find_reuse([_article(STORY, "wire.txt"), _article(edited, "local.txt")]).links
    assert link.relation != Relation.SPUN_REWRITE


def test_a_spin_is_still_a_spun_rewrite() -> None:
    swaps = {"arrested": "detained", "employee": "worker", "chief": "head", "several": "numerous",
             "victims": "casualties", "firm": "company", "hospital": "infirmary", "investigators": "detectives",
             "motive": "reason"}
    spun = [" ".join(swaps.get(w.lower().strip(".,"), w) if w.islower() else w for w in p.split()) for p in STORY]
    [link] = find_reuse([_article(STORY, "wire.txt"), _article(spun, "spun.txt")]).links
    assert link.relation == Relation.SPUN_REWRITE and "synonym-like" in link.evidence


def test_one_outlets_later_version_is_a_revision() -> None:
    later = [*STORY[:5], "Police later named the suspect as a 38-year-old local man."]
    [link] = find_reuse([_article(STORY, "a.txt", "Daily Example", date(2020, 1, 3)),
                         _article(later, "b.txt", "Daily Example", date(2020, 1, 4))]).links
    assert link.relation == Relation.REVISION and "both published by Daily Example" in link.evidence
    assert link.direction_known
