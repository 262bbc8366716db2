"""Turning loose container metadata (JSON fields, feed entries) into typed hints.

Containers are written by many scrapers with many habits; these helpers accept
what they commonly hold and give ``None`` / ``()`` for anything else, because a
missing hint costs little while a wrong one (an invented day, a list rendered
as a name) misleads every later stage.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as dateutil_parser

__all__ = ["author_names", "parse_published", "text_and_utf8", "text_or_none"]

# Two defaults that differ in every date part: dateutil fills a part the
# string lacks from the default, so the two parses agree only when the string
# names year, month and day itself. "January 2021" must not become 1 January.
_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2001, 2, 2)

# The fast path: a full ISO calendar date at the start. Week dates
# ("2021-W01") are left to dateutil's check above, since
# datetime.fromisoformat() would invent their day.
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]|$)")

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_published(value: object) -> date | None:
    """The calendar date a publication field names, or None if it names no full date.

    The date is the one written, in the writer's own time zone: an article
    published "2021-01-02T23:30:00-05:00" appeared on 2 January where it was
    published, which is what a reader of that outlet saw.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if _ISO_DAY.match(text):
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            pass  # e.g. an ISO day with an unusual time part; dateutil below is more lenient
    try:
        # ignoretz: the wall-clock date as written is wanted, and unknown zone
        # names ("EST5", "EZ") would otherwise warn.
        first = dateutil_parser.parse(text, default=_DEFAULT_A, ignoretz=True)
        second = dateutil_parser.parse(text, default=_DEFAULT_B, ignoretz=True)
    except (ValueError, OverflowError):
        return None
    return first.date() if first.date() == second.date() else None


def text_or_none(value: object) -> str | None:
    """A stripped non-empty string, or None for anything else (numbers, lists, blanks)."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def author_names(value: object) -> tuple[str, ...]:
    """Names from a byline field: a string, a list of strings, or a list of ``{"name": ...}`` objects.

    A single string is kept whole ("Jane Doe and John Roe"): splitting bylines
    is the cleaner's job, which sees the article text too.
    """
    if isinstance(value, str):
        items: list[object] = [value]
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        return ()
    names = (text_or_none(item.get("name") if isinstance(item, dict) else item) for item in items)
    return tuple(name for name in names if name)


def text_and_utf8(text: str) -> tuple[str, bytes]:
    """The text and its UTF-8 bytes, with lone surrogates replaced by U+FFFD.

    JSON allows ``"\\ud83d"`` on its own (a scraper that cut an emoji in half);
    such text cannot be encoded, and one broken emoji must not cost the article.
    """
    clean = _LONE_SURROGATE.sub("\ufffd", text)
    return clean, clean.encode("utf-8")
