"""Stories: the pile grouped into stories (one seminal event each) inside topics.

``find_stories(docs) -> StoryResult`` is pure: articles (with their reuse family) in,
stories and topics out. Every family is one voice (cluster.py), so copies never pull a
story; each story reports its articles and its independent-family count. ``StoryBuilder``
keeps the state so later articles can be added without re-clustering the earlier ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from newsdossier.stories.cluster import Clustering, Voice

__all__ = ["Story", "StoryBuilder", "StoryDoc", "StoryResult", "Topic", "find_stories"]


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """What clustering looks at: text, title, date, and the reuse family the article is in."""

    id: str
    title: str
    text: str
    published: date | None = None
    family: str | None = None  # None: a family of its own


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    topic: str
    title: str
    first: date | None
    last: date | None
    articles: tuple[str, ...]
    families: int  # independent families (voices) among its articles


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    stories: tuple[str, ...]
    articles: int
    families: int


@dataclass(frozen=True, slots=True)
class StoryResult:
    stories: tuple[Story, ...]
    topics: tuple[Topic, ...]
    story_of: dict[str, str]  # article id -> story id

    def topic_of(self, article: str) -> str:
        return self._topic_by_story()[self.story_of[article]]

    def _topic_by_story(self) -> dict[str, str]:
        return {story.id: story.topic for story in self.stories}


def _voices(docs: Sequence[StoryDoc]) -> tuple[list[Voice], list[list[StoryDoc]]]:
    """One voice per family, in order of the family's earliest date (undated last), then first appearance.

    The voice's text is its longest member's (an excerpt or a trimmed copy says less).
    """
    families: dict[str, list[StoryDoc]] = {}
    for doc in docs:
        families.setdefault(doc.family or f"article:{doc.id}", []).append(doc)
    voices, members = [], []
    for group in families.values():
        dates = [d.published for d in group if d.published]
        longest = max(group, key=lambda d: len(d.text))
        voices.append(Voice(longest.id, longest.title, longest.text, min(dates, default=None), max(dates, default=None)))
        members.append(group)
    order = sorted(range(len(voices)), key=lambda n: (voices[n].first is None, voices[n].first or date.min))
    return [voices[n] for n in order], [members[n] for n in order]


class StoryBuilder:
    """Stories of a growing pile: ``add`` articles in batches; ``result`` at any time."""

    def __init__(self, clustering: Clustering | None = None) -> None:
        self.clustering = clustering or Clustering()
        self._members: list[list[StoryDoc]] = []

    def build(self, docs: Sequence[StoryDoc]) -> None:
        """Cluster a pile from scratch (the builder must be empty)."""
        voices, members = _voices(docs)
        self.clustering.build(voices)
        self._members = members

    def add(self, docs: Sequence[StoryDoc]) -> None:
        """Add articles whose families are new to the pile; nothing placed before moves."""
        voices, members = _voices(docs)
        self.clustering.add(voices)
        self._members += members

    def result(self) -> StoryResult:
        clustering = self.clustering
        topic_ids = [f"t{n + 1:04d}" for n in range(len(clustering.topic_members))]
        stories = []
        story_of = {}
        families_in_topic = [0] * len(clustering.topic_members)
        articles_in_topic = [0] * len(clustering.topic_members)
        for number, voices in enumerate(clustering.members):
            story_id = f"s{number + 1:05d}"
            docs = [doc for voice in voices for doc in self._members[voice]]
            dates = [d.published for d in docs if d.published]
            central = clustering.voices[clustering.central_voice(number)]
            topic = clustering.topic_of_story[number]
            stories.append(Story(story_id, topic_ids[topic], _title(central), min(dates, default=None),
                                 max(dates, default=None), tuple(sorted(d.id for d in docs)), len(voices)))
            story_of.update({d.id: story_id for d in docs})
            families_in_topic[topic] += len(voices)
            articles_in_topic[topic] += len(docs)
        topics = []
        for number, story_numbers in enumerate(clustering.topic_members):
            members = [stories[s] for s in story_numbers]
            largest = max(members, key=lambda s: (s.families, len(s.articles)))
            topics.append(Topic(topic_ids[number], largest.title, tuple(s.id for s in members),
                                articles_in_topic[number], families_in_topic[number]))
        return StoryResult(tuple(stories), tuple(topics), story_of)


def _title(voice: Voice) -> str:
    if voice.title.strip():
        return voice.title.strip()
    first = voice.text.strip().split("\n", 1)[0]
    return first[:160]


def find_stories(docs: Sequence[StoryDoc]) -> StoryResult:
    """Stories and topics of a whole pile, built at once (with the refinement pass)."""
    builder = StoryBuilder()
    builder.build(docs)
    return builder.result()
