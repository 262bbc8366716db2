"""Hypothesis strategies shared by the fuzz targets: vocabularies, dates, encodings, damage.

Random bytes alone rarely get past a parser's first check, so every target mixes them with
inputs built from the format's own structure and words, then damaged (cut, flipped, spliced).
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from datetime import date

from hypothesis import strategies as st

from newsdossier.model import DateBasis, PublicationDate

# Python's case-insensitive matching takes these for ASCII letters ("laſt" matches "last",
# the Kelvin sign matches "k"; the re module's docs on IGNORECASE), which tables keyed by
# ASCII words do not expect.
LOOKALIKES = {"s": "ſ", "k": "\u212a", "i": "ı", "I": "İ"}

ENCODINGS = ("utf-8", "utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-32", "shift_jis",
             "koi8-r", "gb18030", "iso-2022-jp", "mac-roman", "cp437", "iso-8859-7")
CHARSET_LABELS = ("utf-8", "UTF-8", "windows-1252", "iso-8859-1", "latin1", "ascii", "utf-16", "utf-32", "koi8-r",
                  "shift_jis", "x-user-defined", "bogus", "", "utf8\x00", "cp1252;", "'utf-8'", "unicode-1-1-utf-7")

MONTH_WORDS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
               "Sept", "Oct", "Nov", "Dec", "Jan.", "Sept.", "Novemer", "Juli", "septembre", "März", "mai",
               "dicembre", "Oktober", "août", "AUGUST")
WEEKDAY_WORDS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon.", "Tue",
                 "Tues.", "Wed.", "Thu.", "Thurs.", "Fri", "Sat.", "Sun.")
ZONES = ("ET", "EST", "EDT", "PT", "PDT", "GMT", "UTC", "BST", "IST", "CET", "CEST", "GMT+02:00", "UTC-5",
         "GMT +1", "AEDT", "HKT", "EZ", "XYZT", "Z")
SEPARATORS = (" ", "  ", ", ", ",", ". ", ".", "/", " / ", "-", " - ", "–", "|", " | ", ":", "\n", "\t", "\xa0", "")


def variants(vocabulary: Sequence[str]) -> tuple[str, ...]:
    """Each word as written, upper, lower, capitalised, and with its letters swapped for look-alikes.

    Expanded once, so that a strategy draws one index per word: hypothesis' per-draw cost, not
    the parsers, would otherwise set the pace of the long run.
    """
    forms: dict[str, None] = {}
    for word in vocabulary:
        for form in (word, word.upper(), word.lower(), word.capitalize()):
            forms[form] = None
            forms["".join(LOOKALIKES.get(ch, ch) for ch in form)] = None
            forms[next(("".join((form[:at], LOOKALIKES[ch], form[at + 1:]))
                        for at, ch in enumerate(form) if ch in LOOKALIKES), form)] = None
    return tuple(forms)


NUMBERS = ("0", "1", "2", "3", "5", "7", "9", "00", "01", "09", "10", "12", "13", "15", "24", "25", "29", "30",
           "31", "32", "45", "59", "60", "61", "99", "100", "1900", "1999", "2000", "2013", "2019", "2020", "2021",
           "2099", "0000", "0001", "1600", "9999", "10000", "1st", "2nd", "3rd", "4th", "21st", "10,000,000",
           "1.5", "4,000", "٣", "２０２０", "123456789012345678901234567890")


def words_of(vocabulary: Sequence[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(variants(vocabulary))


def numbers() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(NUMBERS), st.integers(0, 9999).map(str))


def sentence(vocabulary: Sequence[str], *, max_words: int = 20) -> st.SearchStrategy[str]:
    """Words of ``vocabulary`` (in any case) and numbers, each followed by a random separator.

    One integer per word picks both, so a long sentence costs few draws and shrinks to "word word".
    """
    tokens = (*variants(vocabulary), *NUMBERS)

    def joined(picks: list[int]) -> str:
        return "".join(tokens[pick // len(SEPARATORS)] + SEPARATORS[pick % len(SEPARATORS)] for pick in picks)

    return st.lists(st.integers(0, len(tokens) * len(SEPARATORS) - 1), max_size=max_words).map(joined)


EDGE_DATES = (date.min, date.max, date(1, 12, 31), date(9999, 1, 1), date(2020, 2, 29), date(2000, 2, 29),
              date(1900, 2, 28), date(2024, 2, 29), date(1970, 1, 1), date(2020, 12, 31), date(2021, 1, 1))


def dates() -> st.SearchStrategy[date]:
    return st.one_of(st.dates(), st.sampled_from(EDGE_DATES), st.dates(date(1990, 1, 1), date(2030, 12, 31)))


@st.composite
def publication_dates(draw: st.DrawFn) -> PublicationDate:
    """A publication date as cleaning makes one: a value with a basis, an estimate (a range), or nothing."""
    kind = draw(st.sampled_from(("value", "estimate", "nothing")))
    if kind == "nothing":
        return PublicationDate(evidence="no publication date found")
    if kind == "value":
        value = draw(dates())
        return PublicationDate(value, draw(st.sampled_from(list(DateBasis))), value, value, "fuzz")
    earliest, latest = sorted(draw(st.lists(dates(), min_size=2, max_size=2)))
    middle = earliest + (latest - earliest) / 2
    return PublicationDate(middle, DateBasis.ESTIMATED, earliest, latest, "estimated from fuzz")


def anchors() -> st.SearchStrategy[PublicationDate | date | None]:
    return st.one_of(st.none(), dates(), publication_dates())


STAMP_WORDS = ("Published:", "Posted", "Updated:", "Last updated", "First Published:", "on", "at", "Reuters", "TNN",
               "MUMBAI:", "(AP)", "publié le", "Aktualisiert am", "By Jane Doe", "@handle")
_MONTHS = st.one_of(st.sampled_from(variants(MONTH_WORDS)), numbers())
_WEEKDAYS = st.sampled_from(variants(WEEKDAY_WORDS))
_ZONES = st.sampled_from(variants(ZONES))
_STAMP_WORDS = st.sampled_from(variants(STAMP_WORDS))
_ORDERS = ((0, 1, 2), (1, 0, 2), (2, 0, 1), (0, 1), (1, 0), (2,), (0, 2))


@st.composite
def date_strings(draw: st.DrawFn) -> str:
    """A date as pages and feeds write it: month names, numbers, separators, times, zones, weekdays."""
    month, day, year = draw(_MONTHS), draw(numbers()), draw(numbers())
    sep = draw(st.sampled_from(SEPARATORS))
    parts = [sep.join((month, day, year)[at] for at in draw(st.sampled_from(_ORDERS)))]
    extras = draw(st.integers(0, 15))  # one bit for each of weekday, clock, zone, stamp word
    if extras & 1:
        parts.insert(0, draw(_WEEKDAYS) + ",")
    if extras & 2:
        hour, minute = draw(st.integers(0, 25)), draw(st.integers(0, 61))
        parts.append(draw(st.sampled_from((f"{hour}:{minute:02d}", f"{hour}.{minute:02d}", f"{hour:02d}{minute:02d}",
                                           f"{hour} pm", f"{hour}:{minute:02d}AM", f"{hour}:{minute:02d}:{minute:02d}"))))
    if extras & 4:
        parts.append(draw(_ZONES))
    if extras & 8:
        parts.insert(draw(st.integers(0, len(parts))), draw(_STAMP_WORDS))
    return draw(st.sampled_from((" ", ", ", " | ", "  ", " at ", " - "))).join(parts)


_TRICKY = st.sampled_from(("İ", "ſ", "\u212a", "ı", "ß", "ﬁ", "\u0307", "\ufeff", "\u2028", "\x85", "\r", "\x00",
                           "\ud83d", "é", "\u200b", "\xa0"))
ANY_TEXT = st.lists(st.one_of(st.text(max_size=20), _TRICKY, st.sampled_from(string.printable)), max_size=12).map("".join)
"""Random text, with an eye on the characters that change length or case when lowered."""


def any_text() -> st.SearchStrategy[str]:
    return ANY_TEXT


_DAMAGE = st.sampled_from(("whole", "whole", "cut", "flip", "splice", "drop", "append"))
_SPLICE = st.binary(min_size=1, max_size=16)
_TAIL = st.one_of(st.binary(max_size=64), st.just(b"\r\n\r\n"))


@st.composite
def damaged(draw: st.DrawFn, source: st.SearchStrategy[bytes]) -> bytes:
    """Bytes of ``source`` as they were, cut short, with bytes flipped, spliced in or cut out, or with more after."""
    data = draw(source)
    how = draw(_DAMAGE)
    if how == "whole" or not data:
        return data
    at = draw(st.integers(0, len(data) - 1))
    if how == "cut":
        return data[:at]
    if how == "flip":
        return data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1:]
    if how == "splice":
        return data[:at] + draw(_SPLICE) + data[at:]
    if how == "drop":
        return data[:at] + data[at + draw(st.integers(1, 32)):]
    return data + (draw(_TAIL) if draw(st.booleans()) else data[:at])


_ENCODINGS = st.sampled_from(ENCODINGS)
_ERRORS = st.sampled_from(("replace", "ignore", "xmlcharrefreplace"))


@st.composite
def encoded(draw: st.DrawFn, source: st.SearchStrategy[str]) -> bytes:
    """Text of ``source`` in one of the encodings scraped news comes in, unencodable characters replaced."""
    return draw(source).encode(draw(_ENCODINGS), errors=draw(_ERRORS))


WORDS = ("Baghdad", "the", "strike", "said", "Reuters", "café", "“quoted”", "—", "&amp;", "&nbsp;", "<", ">",
         "Soleimani", "killed", "on", "Friday", "news", "\u00a0", "ü", "日本", "Москва")


def _element(parts: tuple[str, list[tuple[str, str]], list[str], bool]) -> str:
    name, attributes, children, closed = parts
    shown = "".join(f' {key}="{value}"' for key, value in attributes)
    return f"<{name}{shown}>{''.join(children)}" + (f"</{name}>" if closed else "")


_LEAF = st.one_of(sentence(WORDS, max_words=8), any_text(),
                  st.sampled_from(("&amp;", "&#x201c;", "&#0;", "&#xD800;", "&bogus;", "&#99999999;", "<!-- c -->",
                                   "<![CDATA[x]]>", "<br>", "</p>", "<", "&")))
_TAG = st.sampled_from(("p", "div", "span", "article", "script", "style", "h1", "a", "table", "td", "li", "noscript",
                        "svg", "template", "main", "header", "footer", "x-custom"))
_ATTRIBUTES = st.lists(st.tuples(st.sampled_from(("class", "id", "href", "style", "data-x", "itemprop", "content")),
                                 any_text()), max_size=3)
_HEAD = st.tuples(st.sampled_from(CHARSET_LABELS), st.booleans()).map(
    lambda c: f'<meta charset="{c[0]}">' if c[1] else f'<meta http-equiv="Content-Type" content="text/html; charset={c[0]}">')


def html_documents(max_leaves: int) -> st.SearchStrategy[str]:
    """Valid-ish HTML: nested tags with random attributes, entities, comments, scripts, a charset label."""
    body = st.recursive(_LEAF, lambda inner: st.tuples(_TAG, _ATTRIBUTES, st.lists(inner, max_size=4), st.booleans())
                        .map(_element), max_leaves=max_leaves)
    return st.tuples(st.booleans(), _HEAD, body).map(
        lambda p: (f"<!DOCTYPE html><html><head>{p[1]}</head><body>" if p[0] else "") + p[2])


HTML_DOCUMENTS = html_documents(20)
