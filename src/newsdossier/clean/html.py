"""Main text and metadata of one HTML page.

:func:`extract_html` is a thin, measured layer over trafilatura:

1. **Text.** trafilatura in precision mode, comments off. When that output is
   very short and recall mode finds several times more, the recall output is
   used instead (precision mode has no recall escalation of its own, so it
   sometimes keeps only a teaser). Then whole lines that are generic page
   furniture ("Advertisement", "Read more: <headline>", "Sign up for our
   newsletter") are dropped; each drop is returned as a
   :class:`~newsdossier.model.Removal` against ``source_text``. trafilatura's
   line structure is kept, one block per line, for the line-based cleaner.
2. **Metadata** from ``<meta>`` tags and JSON-LD, with trafilatura's parsers:
   title, site name, authors, description, canonical URL.
3. **Publication date from metadata only.** htmldate's ``find_date`` falls back
   to dates in the URL and in the page text even with ``extensive_search=False``,
   so it is run on a small tree holding only the page's date ``<meta>`` tags
   (then, failing those, its JSON-LD blocks, then microdata ``<meta itemprop>``).
   A date that appears only in the body text or the URL is therefore never
   reported; ``published_evidence`` says which of the three gave it.

Visible bylines ("By Jane Doe" above the text) are *not* searched here:
trafilatura's search copies and prunes the whole tree and cost 4 ms/page on the
Article Extraction Benchmark (AEB), a third of the extraction itself. Authors come
from metadata; the text stage can still read a byline from the body.

Failure policy: HTML that lxml can turn into a tree never raises, however broken;
a page without main text gives ``text == ""``. Only input from which no tree can be
built raises :class:`~newsdossier.errors.InputError` (``empty`` for a blank string,
``malformed-html`` otherwise); a bare fragment such as ``"<p>x</p>"`` is wrapped in
``<html><body>`` before it is given up on.

The numbers quoted below come from ``python -m newsdossier.eval.extraction`` and
``bench/html_speed.py`` on the 181 AEB pages (trafilatura 2.3.1).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import lxml.html
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura import bare_extraction, load_html

# Not in trafilatura's __all__, but the pieces of its extract_metadata() that we need
# without the parts that cost 4 ms/page (visible-byline search, categories, license,
# a full htmldate run). tests/test_html_extract.py fails loudly if they change.
from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title, extract_url

from newsdossier.clean.agencies import byline_agency, normalise_agency
from newsdossier.clean.stamps import DateStamp, read_date_line
from newsdossier.errors import InputError
from newsdossier.model import DateBasis, PublicationDate, Removal

__all__ = ["HtmlExtraction", "drop_boilerplate_lines", "extract_html"]

# --- trafilatura options -----------------------------------------------------------------
# AEB F1 by option set (scorer: newsdossier.eval.extraction, identical to the benchmark's):
#   defaults 0.9525 | comments off 0.9598 | + favor_precision 0.9641 | + tables off 0.9570
#   favor_recall + comments off 0.9593 | fast + comments off 0.9623 | + deduplicate 0.9611

# trafilatura's focus: "precision" is favor_precision=True, "recall" favor_recall=True.
PRIMARY_FOCUS = "precision"  # 0.9598 -> 0.9641 over balanced: drops more related-link blocks than text
INCLUDE_COMMENTS = False  # reader comments are not the article: 0.9525 -> 0.9598 (balanced mode)
INCLUDE_TABLES = True  # tables off lost 0.007 F1 (score tables, fact boxes are article text)
# deduplicate stays False: its LRU cache spans documents, so a second page from the same
# site loses shared lines (0.9641 -> 0.9611). fast stays False: fast + comments off reached
# only 0.9623, precision + fast (comments on) 0.9407.

# Precision mode has no recall escalation and sometimes keeps only a teaser. Output shorter
# than this (two short paragraphs; less than a news article) is checked against a second
# run in FALLBACK_FOCUS; that touches 4 of 181 AEB pages. 1000 gave the same F1 but re-ran 17.
FALLBACK_MAX_CHARS = 500
# Recall rather than balanced: same text on those 4 pages, but balanced mode's own escalation
# (readability + jusText) took 140 ms on one of them: 6 % of the time for all 181 pages.
FALLBACK_FOCUS = "recall"
# The fallback output replaces the primary one when the primary is below this share of it
# ("much shorter"). On AEB any share from 0.1 to 0.5 picks the same single page (a
# 260-character teaser against a 3,200-character article): F1 0.9641 -> 0.9688.
FALLBACK_SHARE = 0.25

BOILERPLATE_REASON = "boilerplate-line"

# JSON-LD "author" is often a role or the outlet itself ("Admin", "Editorial", "Cleveland com"
# on AEB pages); such names, and names equal to the site name or domain, are left out of bylines.
NOT_A_PERSON = frozenset({"admin", "administrator", "editor", "editorial", "staff", "webmaster"})

# --- generic boilerplate lines -----------------------------------------------------------
# A line is dropped when it *entirely* matches one of these; nothing site-specific. AEB F1
# gain of each family on top of the text above (0.9688), and of all together: 0.9688 -> 0.9703.
# Drafted after reading the benchmark's false-positive lines, so treat the gain as an upper
# bound. Tried and not kept: copyright lines (-0.0002: the benchmark's ground truth keeps
# wire credits such as "(c) 2019 Associated Press. All Rights Reserved."; credits are the
# cleaner's job), "Follow X on Twitter" (+0.0000, in the ground truth as often as not),
# "5 min read" (no hits). Each kept family gains on both halves of AEB (ids split odd/even).
_TRAIL = r"[\s.:!?…|>»›-]*"
BOILERPLATE_LINES = (
    # A bare section label or button (+0.0005): "Advertisement", "12 comments", "Related stories".
    re.compile(
        r"(?:advertisement|advertising|sponsored(?: content)?"
        r"|share(?: this)?(?: (?:article|story|post|page))?|share on (?:facebook|twitter)"
        r"|(?:\d+ )?comments?|leave a (?:comment|reply)|add a comment|show comments|tell us what you think"
        r"|related(?: (?:articles?|stories|posts?|content|coverage|news))?|you (?:may|might) also like"
        r"|recommended(?: for you)?|more (?:stories|news)|most (?:read|popular|viewed)(?: in [\w ]+)?"
        r"|trending(?: now)?|don'?t miss|see also|read next|up next|more|also|tags|filed under"
        r"|read more|continue reading|click here)" + _TRAIL,
        re.IGNORECASE,
    ),
    # A label followed by another article's headline (+0.0008): "Read more: Tencent profit falls".
    re.compile(
        r"(?:read more|related(?: post| article| story)?|see more|see also|also read|more)\s*:\s*\S.{0,150}",
        re.IGNORECASE,
    ),
    # Newsletter pitches (+0.0002): "Sign up for our newsletter", "... right in your inbox."
    re.compile(
        r".{0,80}\b(?:sign up for|subscribe to)\b.{0,60}\bnewsletters?\b.{0,80}|.{0,60}\bin your inbox\b.{0,80}",
        re.IGNORECASE,
    ),
    # Share prompts (+0.0001): "Like this story? Share it with a friend!"
    re.compile(
        r"(?:like this (?:story|article)\??\s*)?share (?:it|this) with (?:a friend|your friends).{0,20}",
        re.IGNORECASE,
    ),
)

# No pattern above can match a longer line; longer lines skip the regex (most paragraphs do).
BOILERPLATE_MAX_CHARS = 260
_BOILERPLATE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in BOILERPLATE_LINES), re.IGNORECASE)

# <meta> attributes whose name marks a date (article:published_time, date, dc.date.issued,
# og:updated_time, pubdate, ...): only these go to htmldate, so that an og:image URL with
# /2019/09/11/ in it cannot be read as the publication date (it was, on 3 AEB pages).
_DATE_META_CUE = re.compile(r"date|time|publish|created|issued|modified", re.IGNORECASE)
_DATE_META_ATTRIBUTES = ("name", "property", "itemprop", "http-equiv")

# The JSON-LD keys that trafilatura's metadata reader (json_metadata.process_parent,
# extract_json) and htmldate's json_search look at; everything else is dropped before them.
JSON_LD_KEYS = frozenset(
    {
        "@context", "@graph", "@type", "liveBlogUpdate",  # structure
        "publisher", "name", "legalName", "alternateName",  # site name
        "author", "givenName", "additionalName", "familyName",  # byline
        "headline", "articleSection",  # title, section
        "datePublished", "dateModified",  # date
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class HtmlExtraction:
    """What one HTML page says about itself: main text plus metadata.

    ``text`` is ``source_text`` minus the lines in ``removed`` (offsets into
    ``source_text``). ``published`` comes only from page metadata;
    ``published_evidence`` is ``"meta"``, ``"json-ld"`` or ``"microdata"``
    accordingly, ``None`` with no date. ``focus`` is the trafilatura focus whose output was kept
    (``"precision"``, or ``"recall"`` when the precision output was a teaser).
    """

    text: str
    title: str | None = None
    sitename: str | None = None
    byline: tuple[str, ...] = ()
    published: date | None = None
    published_evidence: str | None = None
    description: str | None = None
    url: str | None = None
    source_text: str = ""
    removed: tuple[Removal, ...] = ()
    focus: str = PRIMARY_FOCUS
    header_stamp: DateStamp | None = None  # the date printed under the headline, as the page shows it

    @property
    def publication_date(self) -> PublicationDate:
        """``published`` as the model's record, basis ``html-meta`` (or empty)."""
        if self.published is None:
            return PublicationDate()
        return PublicationDate(self.published, DateBasis.HTML_META, evidence=self.published_evidence or "")


def extract_html(html: str, *, url: str | None = None, path: str = "<html>",
                 filter_lines: bool = True) -> HtmlExtraction:
    """Main text and metadata of the page ``html`` served at ``url``.

    ``path`` only names the input in an :class:`InputError`, raised when no
    document tree can be built at all (see the module docstring).
    ``filter_lines=False`` skips the boilerplate-line filter (``text`` is then
    ``source_text``), for callers that clean lines themselves, as the pipeline does.
    """
    tree = _parse(html, path)
    _drop_hover_cards(tree)
    source_text, focus = _main_text(tree, url)
    text, removed = drop_boilerplate_lines(source_text) if filter_lines else (source_text, ())
    card = _take_self_description(tree)  # tree's text has been extracted; metadata moves out
    meta = examine_meta(card)
    if meta.author and " " not in meta.author and normalise_agency(meta.author) is None:
        meta.author = None  # one-word meta authors are "admin", "staff", site names (as trafilatura); "Reuters" stays
    meta = extract_meta_json(card, meta)
    meta.title = meta.title or extract_title(tree)  # needs the body's <h1>: the full tree, rarely
    meta.url = meta.url or extract_url(card, url)
    meta.clean_and_trim()
    sitename = _sitename(meta.sitename, card, meta.url)
    published, evidence = _find_meta_date(card)
    header_stamp = _header_stamp(tree, meta.title)
    byline = _byline(meta.author, sitename, meta.url) or _agency_authors(card)
    return HtmlExtraction(
        text=text,
        title=meta.title or None,
        sitename=sitename,
        byline=byline,
        published=published,
        published_evidence=evidence,
        description=meta.description or None,
        url=meta.url or None,
        source_text=source_text,
        removed=removed,
        focus=focus,
        header_stamp=header_stamp,
    )


def _parse(html: str, path: str) -> HtmlElement:
    if not html.strip():
        raise InputError(path, "empty", "no HTML to parse")
    # trafilatura refuses a string without "html" near its start when it parses to a
    # single block, taking it for another format; a fragment from a JSON field is still HTML.
    tree = load_html(html)
    if tree is None:
        tree = load_html(f"<html><body>{html}</body></html>")
    if tree is None:
        raise InputError(path, "malformed-html", "lxml could not build a document tree from it")
    return tree


_HOVER_CLASS = re.compile(r"tooltip|rollover|popover|hover-?card|hovercard", re.IGNORECASE)


def _drop_hover_cards(tree: HtmlElement) -> int:
    """Remove the cards a page shows when a link in a paragraph is hovered: an inline element right
    against the link that opens with the link's words and holds a picture or another link ("Rep. Ilhan
    Omar" + a card with "Ilhan Omar" and a headline, which reached the text as "Ilhan OmarIlhan
    OmarHillicon Valley: ..."), or whose class names it a tooltip or hover card. Returns how many."""
    dropped = []
    for paragraph in tree.iter("p", "li"):
        for link in paragraph.iter("a"):
            card = link.getnext()
            if card is None or card.tag not in ("span", "div") or (link.tail or "").strip():
                continue  # a card sits right against its link; words between them are the paragraph's
            words = " ".join(link.text_content().split())
            if not words:
                continue
            repeats = " ".join(card.text_content().split()).startswith(words)
            if (_HOVER_CLASS.search(card.get("class", "")) or
                    (repeats and (card.find(".//img") is not None or card.find(".//a") is not None))):
                dropped.append(card)
    for card in dropped:
        tail = card.tail
        parent = card.getparent()
        if parent is None:
            continue
        previous = card.getprevious()
        if tail:  # keep the words after the card
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(card)
    return len(dropped)


def _main_text(tree: HtmlElement, url: str | None) -> tuple[str, str]:
    text, focus = _trafilatura_text(tree, url, PRIMARY_FOCUS), PRIMARY_FOCUS
    if len(text) < FALLBACK_MAX_CHARS:
        fallback = _trafilatura_text(tree, url, FALLBACK_FOCUS)
        if len(text) < FALLBACK_SHARE * len(fallback):
            text, focus = fallback, FALLBACK_FOCUS
    return text, focus


def _trafilatura_text(tree: HtmlElement, url: str | None, focus: str) -> str:
    # bare_extraction copies a tree it is given, so `tree` stays intact for the metadata.
    document = bare_extraction(
        tree,
        url=url,
        favor_precision=focus == "precision",
        favor_recall=focus == "recall",
        include_comments=INCLUDE_COMMENTS,
        include_tables=INCLUDE_TABLES,
    )
    # bare_extraction returns a Document unless asked for a dict (as_dict), which we never do.
    text = getattr(document, "text", None) if document is not None else None
    if not text:
        return ""
    # NFC as trafilatura.extract() does. Stripped: its baseline rescue can leave a lone space.
    return unicodedata.normalize("NFC", text).strip()


def drop_boilerplate_lines(text: str) -> tuple[str, tuple[Removal, ...]]:
    """``text`` without lines that are generic page furniture, and what was dropped.

    Each :class:`Removal` spans one dropped line (without its newline) in ``text``.
    """
    kept: list[str] = []
    removed: list[Removal] = []
    start = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and len(stripped) <= BOILERPLATE_MAX_CHARS and _BOILERPLATE.fullmatch(stripped):
            removed.append(Removal(start, start + len(line), line, BOILERPLATE_REASON))
        else:
            kept.append(line)
        start += len(line) + 1
    if not removed:
        return text, ()
    return "\n".join(kept), tuple(removed)


def _take_self_description(tree: HtmlElement) -> HtmlElement:
    """A small document of what ``tree`` says about itself, *moved* out of ``tree``.

    Its ``<head>`` gets the page's ``<meta>``, ``<link>``, ``<base>`` and JSON-LD elements and a
    copy of its ``<title>``; its ``<body>`` the body's microdata ``<meta itemprop>``
    and JSON-LD. trafilatura's metadata readers each walk the whole tree they are given:
    all of the metadata here costs 0.52 ms/page on AEB against 0.70 on the page tree, and
    htmldate finds no body text in it. Moving instead of copying saved another 0.1 ms/page;
    ``tree`` keeps its text, ``<title>`` and headings, all that :func:`extract_title` reads.
    """
    card = lxml.html.Element("html")
    card_head = lxml.html.Element("head")
    card_body = lxml.html.Element("body")
    card.extend((card_head, card_body))
    head, body = tree.find("head"), tree.find("body")
    if head is None and body is None:
        body = tree  # a tree without the usual skeleton: treat all of it as body
    to_head: list[HtmlElement] = []
    to_body: list[HtmlElement] = []
    if head is not None:
        if (title := head.find(".//title")) is not None:
            card_head.append(_detached_copy(title))
        to_head.extend(e for e in head.iter("meta", "link", "base", "script") if e.tag != "script" or _is_json_ld(e))
    if body is not None:
        for element in body.iter("meta", "script"):
            if element.tag == "script":
                if _is_json_ld(element):
                    to_body.append(element)
            elif "itemprop" in element.attrib:
                to_body.append(element)
            elif "content" in element.attrib:
                # lxml closes <head> at the first thing that cannot be in it (an <img>, a <div>,
                # stray text), so later head <meta> tags land in the body: on 24 of 181 AEB pages.
                to_head.append(element)
    for target, elements in ((card_head, to_head), (card_body, to_body)):
        for element in elements:
            element.tail = None  # moving an element moves its tail text with it
            if element.tag == "script" and element.text:
                _slim_json_ld(element)
            target.append(element)
    return card


def _slim_json_ld(script: HtmlElement) -> None:
    """Reduce a JSON-LD ``<script>`` to JSON_LD_KEYS; leave text that cannot be parsed.

    JSON-LD blocks often carry the whole articleBody, breadcrumbs and image lists, and
    trafilatura minifies and unescapes the full text in Python before parsing it:
    extract_meta_json took 0.30 ms/page on AEB, 0.18 after slimming, with identical
    metadata on all 181 pages.
    """
    original = script.text
    try:
        data = json.loads(original, strict=False)
    except (json.JSONDecodeError, RecursionError):
        return  # trafilatura has a regex salvage for broken JSON-LD; leave it the text
    try:
        script.text = json.dumps(_keep_keys(data), ensure_ascii=False, separators=(",", ":"))
    except (ValueError, UnicodeError):
        # a lone surrogate ("\ud83d" escaped by itself) or another non-XML character;
        # lxml has already emptied the element when it refuses, so put the original back
        script.text = original


def _keep_keys(value: object) -> object:
    if isinstance(value, dict):
        return {key: _keep_keys(item) for key, item in value.items() if key in JSON_LD_KEYS}
    if isinstance(value, list):
        return [_keep_keys(item) for item in value]
    return value


def _is_json_ld(element: HtmlElement) -> bool:
    return element.tag == "script" and (element.get("type") or "").strip().lower() == "application/ld+json"


def _find_meta_date(card: HtmlElement) -> tuple[date | None, str | None]:
    """The publication date that the :func:`_take_self_description` ``card`` states.

    Tried in order: date ``<meta>`` tags ("meta"), JSON-LD ("json-ld"), the body's
    microdata ``<meta itemprop>`` ("microdata", last: it can describe related
    articles). Returns ``(date, evidence)`` or ``(None, None)``.
    """
    head_metas: list[HtmlElement] = []
    json_ld: list[HtmlElement] = []
    microdata: list[HtmlElement] = []
    for section, element in ((s, e) for s in card for e in s):
        if element.tag == "script":
            json_ld.append(element)
        elif element.tag == "meta" and _is_date_meta(element):
            (head_metas if section.tag == "head" else microdata).append(element)
    for evidence, elements in (("meta", head_metas), ("json-ld", json_ld), ("microdata", microdata)):
        if elements and (found := _find_date_in(elements)) is not None:
            return found, evidence
    return None, None


def _is_date_meta(meta: HtmlElement) -> bool:
    if not (meta.get("content") or meta.get("datetime")):
        return False
    return "pubdate" in meta.attrib or any(_DATE_META_CUE.search(meta.get(a, "")) for a in _DATE_META_ATTRIBUTES)


def _find_date_in(elements: list[HtmlElement]) -> date | None:
    # Only these elements: find_date's URL, text and image fallbacks have nothing to find.
    # original_date prefers the published over the modified date.
    head = lxml.html.Element("head")
    head.extend(_detached_copy(element) for element in elements)
    root = lxml.html.Element("html")
    root.append(head)
    found = find_date(root, extensive_search=False, original_date=True)
    return date.fromisoformat(found) if found else None


def _detached_copy(element: HtmlElement) -> HtmlElement:
    duplicate = deepcopy(element)
    duplicate.tail = None  # text after the tag belongs to the page, not to the tag
    return duplicate


def _byline(authors: str | None, sitename: str | None, url: str | None) -> tuple[str, ...]:
    # trafilatura joins the names it split ("A and B", "A, B") with "; ".
    names = [name.strip() for name in (authors or "").split(";") if name.strip()]
    outlet = {_name_key(sitename or ""), _name_key(_host(url) or "")} - {""}
    return tuple(name for name in names if name.lower() not in NOT_A_PERSON and _name_key(name) not in outlet)


def _agency_authors(card: HtmlElement) -> tuple[str, ...]:
    """JSON-LD authors that are a news agency or its staff ("Reuters", "By TOM KRISHER, AP Auto Writer"),
    which trafilatura's metadata reader drops as no person's name: the page's wire credit."""
    found: list[str] = []
    for script in card.iter("script"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for name in _author_names(data):
            for part in name.split(","):
                if byline_agency(part) is not None and part.strip() not in found:
                    found.append(part.strip())
    return tuple(found)


def _author_names(data: object) -> list[str]:
    if isinstance(data, list):
        return [name for item in data for name in _author_names(item)]
    if not isinstance(data, dict):
        return []
    names: list[str] = []
    for key, value in data.items():
        if key == "author":
            authors = value if isinstance(value, list) else [value]
            names += [a if isinstance(a, str) else str(a.get("name", "")) for a in authors if isinstance(a, str | dict)]
        elif key == "@graph":
            names += _author_names(value)
    return names


def _name_key(name: str) -> str:
    return re.sub(r"\W+", "", name).lower()


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _sitename(candidate: str | None, tree: HtmlElement, url: str | None) -> str | None:
    # article:publisher is often a Facebook URL; a URL is not a name.
    if candidate and candidate.lower().startswith(("http://", "https://")):
        candidate = None
    candidate = candidate or extract_sitename(tree)
    if candidate:
        candidate = candidate.lstrip("@")
        # as trafilatura: "nytimes" -> "Nytimes", but "bbc.co.uk" and "CNN" stay
        if "." not in candidate and not candidate[0].isupper():
            candidate = candidate.title()
        return candidate
    return _host(url)


# How far after the headline the page's date is looked for: the byline block sits within a few dozen
# elements of it (share buttons and a picture between them); past the article's first paragraphs come
# lists of other stories and their dates.
HEADER_STAMP_MAX_ELEMENTS = 200
HEADER_STAMP_MAX_PARAGRAPHS = 2
PARAGRAPH_MIN_CHARS = 150  # an element whose own text is this long is a paragraph of the article
_STAMP_MAX_RAW_CHARS = 400  # text (spaces and all) an element holding only a stamp can have
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button",
                          "select", "option", "svg"})
_HEADLINE_TAGS = ("h1", "h2")


def _header_stamp(tree: HtmlElement, title: str | None) -> DateStamp | None:
    """The date stamp printed under the page's headline ("Nov. 19, 2019 8:03 am ET" in the byline block):
    the first short element after the headline whose text :func:`~newsdossier.clean.stamps.read_date_line`
    reads as a stamp, or a ``<time datetime>`` there. Above the headline, where sites print today's date,
    only a stamp that says it is the publication date counts ("publiziert am 25. September 2018")."""
    headline = _headline_element(tree, title)
    if headline is None:
        return None
    if (stated := _stated_stamp_before(headline)) is not None:
        return stated
    seen = paragraphs = 0
    for element in _following(headline):
        seen += 1
        if len((element.text or "").strip()) >= PARAGRAPH_MIN_CHARS:
            paragraphs += 1
        if seen > HEADER_STAMP_MAX_ELEMENTS or paragraphs > HEADER_STAMP_MAX_PARAGRAPHS:
            return None
        if (stamp := _stamp_of(element)) is not None:
            return _by_language(stamp, tree) if len(stamp.readings) == 2 else stamp
        if element.tag == "time" and (stamp := _time_attribute(element)) is not None:
            return stamp
    return None


def _stamp_of(element: HtmlElement) -> DateStamp | None:
    raw = element.text_content()
    if len(raw) > _STAMP_MAX_RAW_CHARS or _DIGIT.search(raw) is None:
        return None  # a container of the article, or no date in it
    text = " ".join(raw.split())
    stamp = read_date_line(text) if len(text) <= 110 else None
    return stamp if stamp is not None and stamp.readings else None


_DIGIT = re.compile(r"\d")


def _following(element: HtmlElement) -> Iterator[HtmlElement]:
    """The elements after ``element`` (not inside it) in document order, hidden parts (navigation, forms,
    scripts) left out."""
    node: HtmlElement | None = element
    while node is not None:
        for sibling in node.itersiblings():
            yield from _visible(sibling)
        node = node.getparent()


def _visible(root: HtmlElement) -> Iterator[HtmlElement]:
    stack = [root]
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str) or element.tag in _HIDDEN_TAGS:
            continue
        yield element
        stack.extend(reversed(element))


# A stamp just above the headline is taken only when it says it is the publication date ("publiziert am 25.
# September 2018", "Published: ..."): a bare date there is the site's date of today.
STATED_STAMP_BEFORE_ELEMENTS = 6


def _stated_stamp_before(headline: HtmlElement) -> DateStamp | None:
    """A stamp naming the publication among the few elements just before the headline, nearest first."""
    looked = 0
    node: HtmlElement | None = headline
    while node is not None:
        for sibling in node.itersiblings(preceding=True):
            for element in reversed(list(_visible(sibling))):
                looked += 1
                if looked > STATED_STAMP_BEFORE_ELEMENTS:
                    return None
                stamp = _stamp_of(element)
                if stamp is not None and stamp.stated and len(stamp.readings) == 1:
                    return stamp
        node = node.getparent()
    return None


def _headline_element(tree: HtmlElement, title: str | None) -> HtmlElement | None:
    """The element holding the headline: an h1 (or h2) whose words are the title's, else the first h1."""
    key = " ".join((title or "").lower().split())
    first_h1 = None
    for element in tree.iter(*_HEADLINE_TAGS):
        words = " ".join(element.text_content().lower().split())
        if element.tag == "h1" and first_h1 is None and words:
            first_h1 = element
        if key and words and (words in key or key in words) and len(words) >= 15:
            return element
    return first_h1


_ISO_DATE = re.compile(r"^((?:19|20)\d\d)-(\d\d)-(\d\d)")


def _time_attribute(element: HtmlElement) -> DateStamp | None:
    """A ``<time datetime="2019-11-19T08:03:00-05:00">``: the date as written (a local date when the
    value carries its offset)."""
    match = _ISO_DATE.match(element.get("datetime", "").strip())
    if match is None:
        return None
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return DateStamp((day,), "T" in element.get("datetime", ""))


# Languages (BCP 47 "lang" of the page) whose numeric dates put the month first; every other language and
# English outside the US write the day first ("05/10/2018" on a Brazilian page is 5 October).
_MONTH_FIRST_LANGUAGES = frozenset({"en-us", "en-ph", "en-ca"})


def _by_language(stamp: DateStamp, tree: HtmlElement) -> DateStamp:
    """A stamp whose day and month can swap, settled by the page's declared language when it says which
    convention it writes; left with both readings otherwise ("en" alone says nothing)."""
    lang = (tree.get("lang") or tree.get("xml:lang") or "").strip().lower().replace("_", "-")
    if not lang or lang == "en":
        return stamp
    month_first, day_first = stamp.readings
    if lang in _MONTH_FIRST_LANGUAGES:
        return DateStamp((month_first,), stamp.has_time, stamp.updated, stamp.stated, None, f"month first: lang={lang}")
    return DateStamp((day_first,), stamp.has_time, stamp.updated, stamp.stated, None, f"day first: lang={lang}")
