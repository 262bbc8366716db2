"""Label every line of a scraped page: header parts, captions, furniture, or body.

Scraped plain text is a page flattened to lines: site furniture, a section label,
the headline, a standfirst, a byline and a timestamp, then the body with captions,
crossheads and "Read more" links mixed in, then comment and sign-in prompts. This
module decides, line by line, which of these each line is. It only labels; the
cleaner turns labels into the body text and the ``removed`` record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from newsdossier.clean.agencies import credit_in_line
from newsdossier.clean.furniture import (
    furniture_reason,
    is_photo_credit,
    is_punctuation_only,
    site_name,
)
from newsdossier.clean.lines import Line, line_key
from newsdossier.clean.stamps import read_date_line

__all__ = ["BODY", "Label", "ends_sentence", "is_prose", "label_lines"]

BODY: Final = "body"
# A line opens the body when it reads as prose: this many words and sentence-final
# punctuation. Headlines and standfirsts rarely end in a full stop; body paragraphs do.
BODY_MIN_WORDS: Final = 8
# Crossheads ("Make or break") are short unpunctuated lines between paragraphs.
SUBHEAD_MAX_WORDS: Final = 6
# Section labels above a headline ("Conflicts & War", "ASSESSMENTS") are this short.
LABEL_MAX_WORDS: Final = 3
TITLE_MAX_WORDS: Final = 30
_SENTENCE_END: Final = re.compile(r"[.!?…:;\"”’')\]»›]$")
# "By Nawar Alrikabi and Francesca Cicardi": "By" then capitalised names only, so that a
# sentence such as "By Tuesday evening, the toll had risen." is never taken for a byline.
_NAME: Final = r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|al-\w+|de|van|von|bin|ibn|da|di|le|la)){0,4}"
_BYLINE: Final = re.compile(
    r"^(?:By|BY|Written by|Words by)\s+(?P<names>" + _NAME + r"(?:\s*(?:,|and|&)\s*" + _NAME + r"){0,5})"
    r"(?:\s*[|,]\s*(?:[A-Z][\w ]{0,40}))?$"
)
_UPDATED: Final = re.compile(r"^\W*(?:last\s+)?(?:updated|modified|edited)\b", re.IGNORECASE)
# Items of a bulleted list are article text, punctuated or not.
_BULLET: Final = re.compile(r"^[•▪◦‣*·–-]\s+\w")
# Reporting verbs mark a line as prose, never a caption or crosshead.
_REPORTING: Final = re.compile(r"\b(?:said|says|told|added|adds|according to|warned|stated)\b", re.IGNORECASE)
# A header is a few lines at most; past this many lines without prose, the body has begun.
HEADER_MAX_LINES: Final = 6
# A page's stamp stands in its first lines, under a headline, a standfirst or two and a byline; a date line
# further down that does not close the article is the article's own.
STAMP_MAX_LINE: Final = 12
STAMP_HEADLINE_REACH: Final = 3  # lines either side of the headline that a stamp may stand on
_WRITES: Final = re.compile(r"[,;]\s*(?:writes|says|reports)\s+(?P<names>[A-Z][\w'’.\- ]{2,80})$")
_TRAILING_CREDIT: Final = re.compile(r"\s*\((?:photo:\s*)?[A-Z][\w .&/-]{0,40}\)$")


@dataclass(frozen=True, slots=True)
class Label:
    """What one line is. ``kind`` is BODY or a removal reason; ``value`` carries what it yields."""

    kind: str
    value: str | None = None


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def is_prose(line: Line) -> bool:
    return line.words >= BODY_MIN_WORDS and ends_sentence(line.text)


# "Welcome to X" names the site only at the very top of a page; further down it is prose.
SITE_NAME_MAX_LINE: Final = 3


def _pattern_label(line: Line) -> Label | None:
    text = line.text
    if is_punctuation_only(text):
        return Label("punctuation")
    name = site_name(text) if line.index < SITE_NAME_MAX_LINE else None
    if name:
        return Label("site-name", name)
    reason = furniture_reason(text)
    if reason:
        return Label(reason)
    if is_photo_credit(text):
        return Label("photo-credit")
    agency = credit_in_line(text)
    if agency:
        return Label("credit", agency)
    stamp = read_date_line(text)
    if stamp:
        # an update is when the page changed, not when it appeared: a candidate only when nothing else dates it
        return Label("date-updated" if stamp.updated or _UPDATED.match(text) else "date-line", stamp.encode())
    byline = _BYLINE.match(text)
    if byline and line.words <= 20:
        return Label("byline", byline.group("names"))
    return None


def _mark_closing_credit(lines: list[Line], labels: list[Label | None]) -> None:
    """A bare agency tag ("(AFP)") after the last paragraph signs the story; it credits no photo.

    Inside the body the same line under a picture is a photo credit (and the line above it
    its caption); once no prose follows, it is the wire credit that ends the story.
    """
    for index in range(len(lines) - 1, -1, -1):
        label = labels[index]
        if label is None and is_prose(lines[index]):
            return
        if label is not None and label.kind == "photo-credit":
            agency = credit_in_line(lines[index].text)
            if agency:
                labels[index] = Label("credit", agency)


def _mark_captions(lines: list[Line], labels: list[Label | None]) -> None:
    """A line just above a photo credit is a caption, as is an alt text repeated just above it."""
    for index, line in enumerate(lines):
        label = labels[index]
        if label and label.kind == "photo-credit" and index > 0 and labels[index - 1] is None:
            labels[index - 1] = Label("caption")
        if label is None and index + 1 < len(lines) and labels[index + 1] is None:
            following = lines[index + 1].text
            # "<caption>" then "<caption> (EPA)": the page printed alt text and caption.
            if following != line.text and following.startswith(line.text) and _TRAILING_CREDIT.search(following):
                labels[index] = Label("caption")
                labels[index + 1] = Label("caption")
            elif following != line.text and following.startswith(line.text) and line.words >= BODY_MIN_WORDS:
                labels[index] = Label("caption")
    for index in range(1, len(lines)):
        # A caption repeated with extra words ("<alt text>" / "<alt text> <caption>") before a credit.
        label = labels[index]
        if label and label.kind == "caption" and labels[index - 1] is None:
            if lines[index].text.startswith(lines[index - 1].text):
                labels[index - 1] = Label("caption")


def _body_start(lines: list[Line], labels: list[Label | None]) -> int:
    """The first prose line; failing that (a text with no full stop), the first long line."""
    for index, line in enumerate(lines):
        if labels[index] is None and is_prose(line):
            return index
    for index, line in enumerate(lines):
        if labels[index] is None and line.words > TITLE_MAX_WORDS:
            return index
    unlabelled = [i for i, label in enumerate(labels) if label is None]
    return unlabelled[1] if len(unlabelled) > 1 else len(lines)


def _header_end(labels: list[Label | None], body_start: int) -> int:
    """The body starts at the first prose line, but no later than after a header's worth of text lines."""
    unlabelled = [i for i in range(body_start) if labels[i] is None]
    return unlabelled[HEADER_MAX_LINES] if len(unlabelled) > HEADER_MAX_LINES else body_start


def _label_header(lines: list[Line], labels: list[Label | None], end: int, title_hint: str | None) -> None:
    """Between the top and the first prose line: labels, headline, standfirst."""
    hint_key = line_key(title_hint) if title_hint else None
    title_seen = False
    # The headline is the first line of four words or more; a short line is a section
    # label only when such a line follows it ("Talks resume" alone is a headline).
    long_lines = [i for i in range(end) if labels[i] is None and lines[i].words > LABEL_MAX_WORDS]
    first_long = long_lines[0] if long_lines else None
    for index in range(end):
        label = labels[index]
        if label is not None:
            if label.kind == "date-line" and not title_seen:
                labels[index] = Label("date-widget", label.value)
            continue
        line = lines[index]
        if hint_key and line_key(line.text) == hint_key:
            labels[index] = Label("title", line.text)
            title_seen = True
        elif line.words <= LABEL_MAX_WORDS and (title_seen or hint_key or (first_long is not None and index < first_long)):
            labels[index] = Label("section-label")
        elif not title_seen and not hint_key and line.words <= TITLE_MAX_WORDS:
            labels[index] = Label("title", line.text)
            title_seen = True
        else:
            writes = _WRITES.search(line.text)
            labels[index] = Label("standfirst", writes.group("names") if writes else None)


def _label_body(lines: list[Line], labels: list[Label | None], start: int) -> None:
    last_prose = max((i for i in range(start, len(lines)) if labels[i] is None), default=start)
    for index in range(start, len(lines)):
        line = lines[index]
        if labels[index] is not None:
            continue  # already furniture, a caption or metadata (an in-body timestamp, a byline)
        if index in (start, last_prose) or ends_sentence(line.text) or _BULLET.match(line.text):
            continue
        if _REPORTING.search(line.text):
            continue
        if line.words <= SUBHEAD_MAX_WORDS and line.blank_before and line.blank_after:
            labels[index] = Label("subhead")
        elif line.words > SUBHEAD_MAX_WORDS and line.blank_before:
            # An unpunctuated line standing alone inside the body is a photo caption
            # whose credit line was lost in scraping.
            labels[index] = Label("caption")


def label_lines(lines: list[Line], *, title_hint: str | None = None, structured_header: bool = True) -> list[Label]:
    """One label per line. ``structured_header=False`` (text extracted from HTML) keeps header lines."""
    labels: list[Label | None] = [_pattern_label(line) for line in lines]
    _mark_closing_credit(lines, labels)
    _mark_captions(lines, labels)
    start = _header_end(labels, _body_start(lines, labels))
    # In the body a date line is the page's stamp only when it is a date alone, in the page's first lines or
    # closing the article ("April 24, 2013-4:45pm" as the last line); elsewhere it is the article's own
    # ("Mar. 8, 2014 12:41 a.m." heading an entry of a timeline, "2018.04.05 ~ OPEN RUN" listing an event).
    # The headline may come again below a page's menu: lines next to a repeat of it are the header too.
    last = max((i for i, line in enumerate(lines) if line.text.strip()), default=-1)
    headline_key = line_key(title_hint or next((line.text for line in lines if line.text.strip()), ""))
    near_headline = {i + d for i, line in enumerate(lines) if headline_key and line_key(line.text) == headline_key
                     for d in range(-STAMP_HEADLINE_REACH, STAMP_HEADLINE_REACH + 1)}
    for index in range(start, len(lines)):
        label = labels[index]
        header = index <= STAMP_MAX_LINE or index >= last - 1 or index in near_headline
        if label is not None and label.kind in ("date-line", "date-updated") and (
                not header or read_date_line(lines[index].text, bare=True) is None):
            labels[index] = None
    if structured_header:
        _label_header(lines, labels, start, title_hint)
    elif title_hint:
        hint_key = line_key(title_hint)
        for index in range(start):
            if labels[index] is None and line_key(lines[index].text) == hint_key:
                labels[index] = Label("title", lines[index].text)
    _label_body(lines, labels, start)
    return [label or Label(BODY) for label in labels]
