"""Assemble an Article from labelled lines: body, removals, captions and metadata."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from newsdossier.clean import article_id, outlet_key
from newsdossier.clean.agencies import Dateline, byline_agency, cited_agency, find_dateline, sign_off_agency
from newsdossier.clean.corpus import RecurringLines
from newsdossier.clean.dates import (
    DateCandidate,
    find_full_dates,
    parse_month_day,
    resolve_publication_date,
)
from newsdossier.clean.layout import BODY, Label, is_prose, label_lines
from newsdossier.clean.lines import Line, line_key, split_lines
from newsdossier.clean.stamps import DateStamp
from newsdossier.clean.metadata import (
    article_status,
    outlet_from_furniture,
    outlet_from_url,
    split_byline,
)
from newsdossier.model import Article, Caption, DateBasis, Removal, Segment

if TYPE_CHECKING:
    from newsdossier.clean import Prepared

__all__ = ["build_article"]

PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True, slots=True)
class _Body:
    text: str
    paragraphs: list[str]
    segments: tuple[Segment, ...]
    removed: tuple[Removal, ...]
    captions: tuple[Caption, ...]
    dateline: Dateline | None


def _apply_corpus(lines: list[Line], labels: list[Label], outlet: str | None,
                  recurring: RecurringLines | None) -> list[Label]:
    if recurring is None:
        return labels
    verdicts = recurring.recurring(outlet, [line_key(line.text) for line in lines])
    # Only non-prose lines can be furniture by frequency: a quote or a wire paragraph shared
    # by many different articles is exactly what provenance must trace, not page furniture.
    return [Label(verdict) if verdict and label.kind == BODY and not is_prose(line) else label
            for line, label, verdict in zip(lines, labels, verdicts, strict=True)]


def _assemble(lines: list[Line], labels: list[Label]) -> _Body:
    parts: list[str] = []
    segments: list[Segment] = []
    removed: list[Removal] = []
    captions: list[Caption] = []
    dateline: Dateline | None = None
    offset = 0
    for index, (line, label) in enumerate(zip(lines, labels, strict=True)):
        if label.kind != BODY:
            removed.append(Removal(line.start, line.end, line.text, label.kind))
            if label.kind == "caption":
                credit = next((lines[j].text for j in range(index + 1, min(index + 3, len(lines)))
                               if labels[j].kind == "photo-credit"), None)
                captions.append(Caption(line.start, line.end, line.text, credit))
            continue
        text, start = line.text, line.start
        if not parts and dateline is None:
            dateline = find_dateline(text)
            if dateline:
                cut = text.index(dateline.text) + len(dateline.text)
                cut += len(text[cut:]) - len(text[cut:].lstrip())
                removed.append(Removal(start, start + cut, text[:cut], "dateline"))
                text, start = text[cut:], start + cut
        if not text:
            continue
        if parts:
            offset += len(PARAGRAPH_BREAK)
        segments.append(Segment(offset, start, len(text)))
        parts.append(text)
        offset += len(text)
    return _Body(PARAGRAPH_BREAK.join(parts), parts, tuple(segments), tuple(removed), tuple(captions), dateline)


def _values(labels: list[Label], kind: str) -> list[str]:
    return [label.value for label in labels if label.kind == kind and label.value]


def _stamp(label: Label, *, before_title: bool = False, updated: bool = False) -> DateCandidate:
    """A candidate from a date-stamp label (:meth:`~newsdossier.clean.stamps.DateStamp.encode`)."""
    stamp = DateStamp.decode(label.value or "")
    where = "date above the headline" if before_title else "update stamp" if updated else "header date"
    if stamp.month_day:
        return DateCandidate(None, DateBasis.BYLINE, f"{where} {stamp.month_day[0]}/{stamp.month_day[1]} (no year)",
                             month_day=stamp.month_day, before_title=before_title)
    shown = " or ".join(d.isoformat() for d in stamp.readings)
    return DateCandidate(stamp.readings[0] if len(stamp.readings) == 1 else None, DateBasis.BYLINE,
                         f"{where} {shown}", has_time=stamp.has_time and not updated,
                         before_title=before_title, readings=stamp.readings if len(stamp.readings) > 1 else (),
                         stated=stamp.stated and not updated)


def _date_candidates(prepared: Prepared, labels: list[Label], dateline: Dateline | None) -> list[DateCandidate]:
    """Publication-date candidates, best basis first: metadata, header stamp, dateline, update stamp, widget."""
    candidates = _page_candidates(prepared)
    candidates += _header_stamps([_stamp(label) for label in labels if label.kind == "date-line" and label.value])
    if dateline and dateline.date_text:
        month_day = parse_month_day(dateline.date_text)
        full = None if month_day else _full_date(dateline.date_text)
        candidates.append(DateCandidate(full, DateBasis.DATELINE, dateline.text, month_day=month_day))
    candidates += [_stamp(label, updated=True) for label in labels if label.kind == "date-updated" and label.value]
    candidates += [_stamp(label, before_title=True) for label in labels if label.kind == "date-widget" and label.value]
    return candidates


def _header_stamps(stamps: list[DateCandidate]) -> list[DateCandidate]:
    """Header stamps in the order they are believed: one that names the publication first; then, when
    stamps of different days say nothing of what they are (a live page's entries, "0930 GMT, 12 March 2011"
    above "1830 GMT, 11 March 2011"), the earliest, when the page first appeared."""
    stated = [c for c in stamps if c.stated]
    rest = [c for c in stamps if not c.stated]
    days = {c.value for c in rest if c.value}
    if len(days) > 1:
        rest.sort(key=lambda c: (c.value is None, c.value or date.max))
    return stated + rest


def _page_candidates(prepared: Prepared) -> list[DateCandidate]:
    """The page's own dates: its metadata and the stamp under its headline, in the order they are believed.

    Metadata often holds the moment in UTC, a day after the local date the page prints ("2019-11-20T02:07Z"
    under "Nov. 19, 2019 9:07 pm ET"): a printed date on the metadata's day or the day before it is the
    page's local date and goes first. A printed date after the metadata's is when the page was updated
    ("November 12, 2018" over a first publication of October 7): the metadata goes first and the printed
    date is dropped. A printed date well before the metadata's goes first too: the metadata then dates a
    later edit. A printed update counts only on the metadata's day or the day before (the page was not
    changed since)."""
    meta = prepared.hints.published if prepared.published_basis_meta else None
    stamp = DateStamp.decode(prepared.header_stamp) if prepared.header_stamp else None
    printed = stamp.readings[0] if stamp and len(stamp.readings) == 1 else None
    meta_candidate = [DateCandidate(meta, DateBasis.HTML_META, "metadata")] if meta else []
    if printed is None or stamp is None:
        return meta_candidate
    if stamp.updated and (meta is None or not 0 <= (meta - printed).days <= 1):
        return meta_candidate  # an update printed on the metadata's day (or the day before) is its local date
    if meta is not None and printed > meta:
        return meta_candidate
    note = f"; metadata says {meta}" if meta is not None and meta != printed else ""
    printed_candidate = DateCandidate(printed, DateBasis.BYLINE, f"date under the headline {printed}{note}",
                                      has_time=stamp.has_time or meta is not None, stated=stamp.stated)
    return [printed_candidate, *meta_candidate]


def _full_date(text: str) -> date | None:
    found = find_full_dates(text)
    return found[0][2] if found else None


def _outlet(prepared: Prepared, labels: list[Label], removed: tuple[Removal, ...],
            dateline: Dateline | None) -> str | None:
    if prepared.hints.outlet:
        return prepared.hints.outlet
    named = _values(labels, "site-name")
    if named:
        return named[0]
    for removal in removed:
        found = outlet_from_furniture(removal.text)
        if found:
            return found
    return outlet_from_url(prepared.hints.url) or (dateline.agency if dateline else None)


def _byline(prepared: Prepared, labels: list[Label]) -> tuple[str, ...]:
    if prepared.hints.byline:
        return prepared.hints.byline
    for kind in ("byline", "standfirst"):
        for value in _values(labels, kind):
            names = split_byline(value)
            if names:
                return names
    return ()


def _credit(credit_lines: list[str], body: _Body, byline: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(agency, basis): the wire agency the page credits (:mod:`~newsdossier.clean.agencies`), most trusted
    first: its last credit line, its dateline's tag, a tag signing off its text ("... into the US. PTI"), a
    byline that is an agency or its staff ("The Associated Press", "AP Auto Writer"), the agency its prose
    reports through ("told AFP")."""
    if credit_lines:
        return credit_lines[-1], "line"
    if body.dateline and body.dateline.agency:
        return body.dateline.agency, "dateline"
    if (signed := sign_off_agency(body.text)) is not None:
        return signed, "line"
    for name in byline:
        if (agency := byline_agency(name)) is not None:
            return agency, "byline"
    cited = cited_agency(body.text)
    return cited, "prose" if cited else None


def build_article(prepared: Prepared, recurring: RecurringLines | None = None) -> Article:
    lines = split_lines(prepared.source_text)
    labels = label_lines(lines, title_hint=prepared.hints.title, structured_header=prepared.structured_header)
    labels = _apply_corpus(lines, labels, outlet_key(prepared), recurring)
    body = _assemble(lines, labels)
    credits = _values(labels, "credit")
    standfirst = [line.text for line, label in zip(lines, labels, strict=True) if label.kind == "standfirst"]
    status, status_reasons = article_status(body.paragraphs, {r.reason for r in body.removed})
    credit, credit_basis = _credit(credits, body, _byline(prepared, labels))
    return Article(
        id=article_id(prepared.raw_id),
        content_hash=prepared.raw_id,
        source_path=prepared.source_path,
        locator=prepared.locator,
        format=prepared.format,
        url=prepared.hints.url,
        title=prepared.hints.title or next(iter(_values(labels, "title")), None),
        outlet=_outlet(prepared, labels, body.removed, body.dateline),
        byline=_byline(prepared, labels),
        dateline=body.dateline.text if body.dateline else None,
        credit=credit,
        published=resolve_publication_date(_date_candidates(prepared, labels, body.dateline), body.text),
        status=status,
        status_reasons=status_reasons,
        text=body.text,
        source_text=prepared.source_text,
        removed=body.removed,
        captions=body.captions,
        segments=body.segments,
        standfirst=" ".join(standfirst) or prepared.description,
        credit_basis=credit_basis,
    )
