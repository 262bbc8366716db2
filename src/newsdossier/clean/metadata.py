"""Small readers of metadata from labelled lines: bylines, outlets, status."""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import urlsplit

from newsdossier.clean.layout import ends_sentence
from newsdossier.clean.lines import word_count
from newsdossier.model import Status

__all__ = ["article_status", "outlet_from_furniture", "outlet_from_url", "split_byline"]

_NAME_SEPARATORS: Final = re.compile(r"\s*(?:,\s*and\s+|\band\b|&|,|;|\|)\s*", re.IGNORECASE)
_NOT_A_NAME: Final = re.compile(
    r"\b(staff|desk|news|reporters?|correspondents?|agency|agencies|editor|wires?)\b", re.IGNORECASE
)
_SELF_REFERENCE: Final = re.compile(
    r"notifications from\s+(?P<name>.+?)\W*$|follow (?P<name2>.+?) on (?:twitter|facebook)\b",
    re.IGNORECASE,
)
# A body shorter than this is a teaser, not an article (the shortest full news
# briefs in the seed pile and the AEB pages run well above 60 words).
STUB_MAX_WORDS: Final = 60


def split_byline(names: str) -> tuple[str, ...]:
    """'Nawar Alrikabi and Francesca Cicardi' -> ('Nawar Alrikabi', 'Francesca Cicardi')."""
    names = re.sub(r"\s*[|,]\s*(?:updated|published|posted)\b.*$", "", names, flags=re.IGNORECASE)
    parts = [part.strip(" .") for part in _NAME_SEPARATORS.split(names)]
    return tuple(p for p in parts if p and word_count(p) <= 5 and not _NOT_A_NAME.search(p))


def outlet_from_url(url: str | None) -> str | None:
    """The site's host without 'www.', e.g. 'independent.co.uk'."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:  # "http://[::1" and other unparseable addresses name no outlet
        return None
    host = host.removeprefix("www.").removeprefix("amp.").removeprefix("m.")
    return host or None


def outlet_from_furniture(text: str) -> str | None:
    """An outlet named by its own furniture: 'Stay up to date with notifications from The Independent'."""
    match = _SELF_REFERENCE.search(text.replace("\xa0", " "))
    if not match:
        return None
    return (match.group("name") or match.group("name2")).strip()


def article_status(body_paragraphs: list[str], removal_reasons: set[str]) -> tuple[Status, tuple[str, ...]]:
    """Stub, truncated or full, with the reasons that decided it."""
    words = sum(word_count(p) for p in body_paragraphs)
    reasons: list[str] = []
    if "paywall" in removal_reasons:
        reasons.append("paywall prompt")
    if body_paragraphs and not ends_sentence(body_paragraphs[-1]):
        reasons.append("body stops mid-sentence")
    elif body_paragraphs and body_paragraphs[-1].rstrip("”\"’' ").endswith(("...", "…")):
        reasons.append("body stops mid-sentence")
    if words < STUB_MAX_WORDS:
        return Status.STUB, (f"body has {words} words", *reasons)
    return (Status.TRUNCATED if reasons else Status.FULL), tuple(reasons)
