"""The model's records cross process pools and Spark shuffles pickled (``model._pickled_by_fields``):
each comes back equal, field for field, with its nested records and enums, and copies still work."""

from __future__ import annotations

import copy
import pickle
from dataclasses import fields, replace
from datetime import date

import pytest

from newsdossier.model import (
    AlignedSpan,
    Article,
    Caption,
    DateBasis,
    Family,
    Format,
    PublicationDate,
    RawDocument,
    Relation,
    Removal,
    ReuseLink,
    Segment,
    SourceHints,
    Status,
)


def _article() -> Article:
    return Article(
        id="a1", content_hash="h", source_path="pile/x.html", locator="record 3", format=Format.HTML,
        url="https://example.org/x", title="Strike", outlet="Example", byline=("A. Writer",), dateline="BAGHDAD",
        credit="Reuters", published=PublicationDate(date(2020, 1, 3), DateBasis.HTML_META, evidence="meta"),
        status=Status.TRUNCATED, status_reasons=("short",), text="Body text.", source_text="Nav\nBody text.",
        removed=(Removal(0, 4, "Nav\n", "furniture"),), captions=(Caption(5, 9, "Photo", "AFP"),),
        segments=(Segment(0, 4, 10),), standfirst="Lead", credit_basis="line")


RECORDS = [
    SourceHints("https://example.org", "T", date(2021, 5, 1), "Outlet", ("B",)),
    SourceHints(),
    RawDocument("p.txt", None, Format.TEXT, "text/plain", b"\xc3\xa9t\xc3\xa9", "utf-8", "été", SourceHints(title="x")),
    Removal(1, 2, "x", "boilerplate"),
    Caption(1, 2, "c"),
    Segment(3, 4, 5),
    PublicationDate(),
    _article(),
    AlignedSpan(0, 10, 5, 15),
    ReuseLink("a1", "a2", Relation.SYNDICATED, 0.91, (AlignedSpan(0, 10, 5, 15),), "shared 5 sentences", False, "same day"),
    Family("F1", "AFP", ("a1", "a2")),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_a_record_comes_back_equal(record: object) -> None:
    back = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == record and type(back) is type(record)
    assert [getattr(back, f.name) for f in fields(back)] == [getattr(record, f.name) for f in fields(record)]  # type: ignore[arg-type]
    assert copy.copy(record) == record and copy.deepcopy(record) == record


def test_an_articles_nested_records_and_enums_keep_their_types() -> None:
    back = pickle.loads(pickle.dumps(_article()))
    assert type(back.removed[0]) is Removal and type(back.segments[0]) is Segment
    assert back.format is Format.HTML and back.status is Status.TRUNCATED and back.published.basis is DateBasis.HTML_META
    assert back.source_offset(2) == 6  # the segment map still maps offsets
    assert replace(back, text="other").text == "other"

