"""Who said what: direct quotes and reported speech, with their cues and speakers.

``find_quotes(article, doc)`` reads one analysed article (the NLP stage's spaCy ``Doc``) and
returns its :class:`Quote` records in text order: the content with its offsets, whether it is
a direct quote, the cue, the source as the sentence names it and the speaker that source
resolves to. Steps: :mod:`.marks` (quotation marks, across paragraphs), :mod:`.attribution`
(cue, content and source per sentence; continuations), :mod:`.speakers` (pronouns, nominals
and relatives followed back; anonymous sources kept as described). :mod:`.group` links
speakers to the pile's actors and makes one quote of the same words carried by several
articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsdossier.quotes.attribution import Attribution, find_attributions
from newsdossier.quotes.model import Quote, TextSpan
from newsdossier.quotes.speakers import ActorMention, link_actor, resolve_speakers

__all__ = ["ActorMention", "Attribution", "Quote", "TextSpan", "find_quotes", "link_actor"]


def find_quotes(article: str, doc: Any, actors: Sequence[ActorMention] = ()) -> list[Quote]:
    """The quotes of one analysed article, in text order, speakers resolved inside the article and
    linked to ``actors`` (``(start, end, actor id)`` of the article's actor mentions)."""
    return resolve_speakers(article, find_attributions(doc), doc, actors)
