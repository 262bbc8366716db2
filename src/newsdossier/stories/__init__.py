"""Stories: the pile grouped into stories (one seminal event each) inside topics.

``find_stories(docs) -> StoryResult`` is pure: articles (with their reuse family) in,
stories and topics out. Every family is one voice (cluster.py), so copies never pull a
story; each story reports its articles and its independent-family count. ``StoryBuilder``
keeps the state so later articles can be added without re-clustering the earlier ones.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping, Sequence
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
    """One voice per family, in order of the family's earliest date (undated last), then of its text's
    hash: the order the articles come in changes nothing.

    The voice's text is its longest member's (an excerpt or a trimmed copy says less).
    """
    families: dict[str, list[StoryDoc]] = {}
    for doc in docs:
        families.setdefault(doc.family or f"article:{doc.id}", []).append(doc)
    voices, members = [], []
    for group in families.values():
        dates = [d.published for d in group if d.published]
        longest = max(group, key=lambda d: (len(d.text), d.id))
        voices.append(Voice(longest.id, longest.title, longest.text, min(dates, default=None), max(dates, default=None)))
        members.append(group)
    order = sorted(range(len(voices)), key=lambda n: (voices[n].first is None, voices[n].first or date.min,
                                                      _text_hash(voices[n])))
    return [voices[n] for n in order], [members[n] for n in order]


def _text_hash(voice: Voice) -> str:
    return hashlib.blake2b(f"{voice.title}\n{voice.text}".encode(), digest_size=8).hexdigest()


Member = tuple[str, date | None]  # article id, publication date


class StoryBuilder:
    """Stories of a growing pile: ``build`` once, ``add`` later articles, ``result`` at any time.

    The state between calls (:meth:`to_bytes`) holds no article text: story sums, document
    frequencies, and which articles make which voice.
    """

    def __init__(self, clustering: Clustering | None = None) -> None:
        self.clustering = clustering or Clustering()
        self._members: list[list[Member]] = []  # articles of each voice
        self._voice_of: dict[str, int] = {}

    def __contains__(self, article: object) -> bool:
        return article in self._voice_of

    def build(self, docs: Sequence[StoryDoc]) -> None:
        """Cluster a pile from scratch (the builder must be empty)."""
        voices, members = _voices(docs)
        self.clustering.build(voices)
        self._remember(members)

    def add(self, docs: Sequence[StoryDoc], *, same_voice_as: Mapping[str, str] | None = None) -> None:
        """Add articles; nothing placed before moves.

        ``same_voice_as`` maps a new article to an article already in the pile whose reuse
        family it belongs to: it joins that article's voice (and story) rather than
        speaking on its own. Articles already in the pile are ignored.
        """
        same_voice_as = same_voice_as or {}
        fresh = []
        for doc in docs:
            if doc.id in self._voice_of:
                continue
            known = same_voice_as.get(doc.id)
            if known is not None and known in self._voice_of:
                voice = self._voice_of[known]
                self._members[voice].append((doc.id, doc.published))
                self._voice_of[doc.id] = voice
            else:
                fresh.append(doc)
        voices, members = _voices(fresh)
        self.clustering.add(voices)
        self._remember(members)

    def _remember(self, members: list[list[StoryDoc]]) -> None:
        for group in members:
            for doc in group:
                self._voice_of[doc.id] = len(self._members)
            self._members.append([(doc.id, doc.published) for doc in group])

    def result(self) -> StoryResult:
        clustering = self.clustering
        topic_ids = [f"t{n + 1:04d}" for n in range(len(clustering.topic_members))]
        stories = []
        story_of = {}
        families_in_topic = [0] * len(clustering.topic_members)
        articles_in_topic = [0] * len(clustering.topic_members)
        for number, voices in enumerate(clustering.members):
            story_id = f"s{number + 1:05d}"
            docs = [member for voice in voices for member in self._members[voice]]
            dates = [published for _, published in docs if published]
            topic = clustering.topic_of_story[number]
            stories.append(Story(story_id, topic_ids[topic], clustering.titles[number], min(dates, default=None),
                                 max(dates, default=None), tuple(sorted(article for article, _ in docs)), len(voices)))
            story_of.update({article: story_id for article, _ in docs})
            families_in_topic[topic] += len(voices)
            articles_in_topic[topic] += len(docs)
        topics = []
        for number, story_numbers in enumerate(clustering.topic_members):
            members = [stories[s] for s in story_numbers]
            largest = max(members, key=lambda s: (s.families, len(s.articles)))
            topics.append(Topic(topic_ids[number], largest.title, tuple(s.id for s in members),
                                articles_in_topic[number], families_in_topic[number]))
        return StoryResult(tuple(stories), tuple(topics), story_of)

    # -- state -----------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        """The builder's state: the clustering's arrays and the articles of every voice, as JSON."""
        members = [[[article, published.isoformat() if published else None] for article, published in voice]
                   for voice in self._members]
        return json.dumps({"clustering": base64.b64encode(self.clustering.to_bytes()).decode("ascii"),
                           "members": members}).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> StoryBuilder:
        """A builder from :meth:`to_bytes`; ``ValueError`` when ``data`` is not one."""
        try:
            state = json.loads(data)
            clustering = Clustering.from_bytes(base64.b64decode(state["clustering"]))
            members = [[(article, date.fromisoformat(published) if published else None) for article, published in voice]
                       for voice in state["members"]]
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"not a story builder state: {error}") from error
        if len(members) != len(clustering.voices):
            raise ValueError(f"story builder state: {len(members)} voices of articles for {len(clustering.voices)} voices")
        builder = cls(clustering)
        builder._members = members
        builder._voice_of = {article: voice for voice, group in enumerate(members) for article, _ in group}
        return builder


def find_stories(docs: Sequence[StoryDoc]) -> StoryResult:
    """Stories and topics of a whole pile, built at once (with the re-assignment pass)."""
    builder = StoryBuilder()
    builder.build(docs)
    return builder.result()
