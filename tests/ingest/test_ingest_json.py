"""JSON and JSON Lines: field mapping, locators, bad records, streaming."""

from __future__ import annotations

import json
import tracemalloc
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsdossier.ingest import IngestSettings, read_inputs
from newsdossier.ingest.hints import parse_published
from newsdossier.ingest.jsonl import READ_CHUNK
from newsdossier.model import Format, RawDocument, Rejection, SourceHints

NEWS_PLEASE_RECORD = {
    "maintext": "Iraq marked a year since the strike.",
    "url": "https://example.com/a",
    "title": "A year on",
    "date_publish": "2021-01-03 10:15:00",
    "source_domain": "example.com",
    "authors": ["Jane Doe", "John Roe"],
}


def write_jsonl(path: Path, lines: list[Any]) -> Path:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines))
    return path


def read_all(path: Path, settings: IngestSettings = IngestSettings()) -> list[RawDocument | Rejection]:
    return list(read_inputs([path], settings=settings))


def reasons_and_texts(items: list[RawDocument | Rejection]) -> list[tuple[str | None, str]]:
    """(locator, reason code or the document's text) per item, for one-line comparisons."""
    return [(item.locator, item.reason if isinstance(item, Rejection) else item.text) for item in items]


def test_jsonl_record_becomes_a_document_with_hints(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "pile.jsonl", [NEWS_PLEASE_RECORD])
    (document,) = read_all(path)
    assert document == RawDocument(
        source_path=str(path),
        locator="line 1",
        format=Format.JSON,
        media_type="text/plain",
        data=b"Iraq marked a year since the strike.",
        encoding="utf-8",
        text="Iraq marked a year since the strike.",
        hints=SourceHints(
            url="https://example.com/a",
            title="A year on",
            published=date(2021, 1, 3),
            outlet="example.com",
            byline=("Jane Doe", "John Roe"),
        ),
    )


def test_html_field_gives_an_html_document_and_text_is_preferred(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "pile.ndjson",
        [
            {"html": "<p>Só HTML</p>"},
            {"html": "<p>both</p>", "content": "plain wins"},
            {"text": "", "body": "second key"},
        ],
    )
    documents = read_all(path)
    assert [(d.locator, d.media_type, d.text, d.data) for d in documents if isinstance(d, RawDocument)] == [
        ("line 1", "text/html", "<p>Só HTML</p>", "<p>Só HTML</p>".encode()),
        ("line 2", "text/plain", "plain wins", b"plain wins"),
        ("line 3", "text/plain", "second key", b"second key"),
    ]


@pytest.mark.parametrize(
    ("record", "hints"),
    [
        (
            {"text": "t", "date": "Sat, 02 Jan 2021 23:30:00 -0500", "site_name": "Outl", "author": "J. Doe"},
            SourceHints(published=date(2021, 1, 2), outlet="Outl", byline=("J. Doe",)),
        ),
        (
            {"text": "t", "pubDate": "2021-01-02T23:30-05:00", "byline": [{"name": "A"}, {}, " B"]},
            SourceHints(published=date(2021, 1, 2), byline=("A", "B")),
        ),
        ({"text": "t", "published": "sometime last week", "url": 42}, SourceHints()),
        (
            {"text": "t", "published": "", "date": "2020-12-31", "title": "  "},
            SourceHints(published=date(2020, 12, 31)),
        ),
    ],
)
def test_aliases_and_loose_values(tmp_path: Path, record: dict[str, Any], hints: SourceHints) -> None:
    (document,) = read_all(write_jsonl(tmp_path / "a.jsonl", [record]))
    assert isinstance(document, RawDocument)
    assert document.hints == hints


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-01-02", date(2021, 1, 2)),
        ("2021-01-02T10:00:00Z", date(2021, 1, 2)),
        ("2021-01-02 23:59:59+14:00", date(2021, 1, 2)),
        ("January 2, 2021", date(2021, 1, 2)),
        ("2 Jan 2021", date(2021, 1, 2)),
        ("20210102", date(2021, 1, 2)),
        ("January 2021", None),  # no day: none is invented
        ("2021", None),
        ("2021-W01", None),
        ("not a date", None),
        (1609545600, None),
        (None, None),
    ],
)
def test_parse_published(value: object, expected: date | None) -> None:
    assert parse_published(value) == expected


def test_settings_remap_json_fields(tmp_path: Path) -> None:
    record = {"article_body": "Body.", "text": "ignored: text is remapped", "link": "https://x.org/1"}
    settings = IngestSettings(json_fields={"text": "article_body", "url": ["permalink", "link"]})
    (document,) = read_all(write_jsonl(tmp_path / "a.jsonl", [record]), settings)
    assert isinstance(document, RawDocument)
    assert (document.text, document.hints.url) == ("Body.", "https://x.org/1")


def test_bad_lines_are_rejected_and_the_rest_is_read(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "pile.jsonl",
        [
            {"text": "one"},
            '{"text": "broken',
            "",
            ["not", "an", "object"],
            {"title": "no body", "text": ["a", "list"]},
            {"text": "   "},
            {"text": "six"},
        ],
    )
    items = read_all(path)
    assert reasons_and_texts(items) == [
        ("line 1", "one"),
        ("line 2", "malformed-json"),
        ("line 4", "malformed-json"),
        ("line 5", "no-text"),
        ("line 6", "no-text"),
        ("line 7", "six"),
    ]
    assert all(item.source_path == str(path) for item in items)
    broken, not_an_object = items[1], items[2]
    assert isinstance(broken, Rejection) and "Unterminated string" in broken.detail
    assert isinstance(not_an_object, Rejection) and "an array" in not_an_object.detail


def test_json_the_parser_refuses_is_malformed_not_a_crash(tmp_path: Path) -> None:
    too_deep = "[" * 100_000 + "]" * 100_000
    too_long_a_number = '{"text": "t", "n": ' + "9" * 5000 + "}"
    path = write_jsonl(tmp_path / "a.jsonl", [too_deep, too_long_a_number, {"text": "fine"}])
    assert reasons_and_texts(read_all(path)) == [
        ("line 1", "malformed-json"),
        ("line 2", "malformed-json"),
        ("line 3", "fine"),
    ]
    array = tmp_path / "a.json"
    array.write_text(f"[{too_long_a_number}, {too_deep}]")
    assert reasons_and_texts(read_all(array)) == [("item 1", "malformed-json")]
    single = tmp_path / "one.json"
    single.write_text('{"a": ' * 100_000 + "1" + "}" * 100_000)
    assert reasons_and_texts(read_all(single)) == [(None, "malformed-json")]


def test_jsonl_line_over_the_limit_is_skipped_unread(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": "x" * 500}, {"text": "short"}])
    items = read_all(path, IngestSettings(max_document_bytes=100))
    assert reasons_and_texts(items) == [("line 1", "too-large"), ("line 2", "short")]


def test_jsonl_line_that_is_not_utf8_is_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n{"text": "ok"}\n')
    items = read_all(path)
    assert reasons_and_texts(items) == [("line 1", "undecodable"), ("line 2", "ok")]


def test_lone_surrogate_is_replaced_so_text_and_data_agree(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "cut emoji \\ud83d here"}\n')
    (document,) = read_all(path)
    assert isinstance(document, RawDocument)
    assert document.text == "cut emoji \ufffd here"
    assert document.data.decode("utf-8") == document.text


def test_json_array_items_are_documents(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    records = [NEWS_PLEASE_RECORD, {"nothing": 1}, {"html": "<b>two</b>", "url": "u"}]
    path.write_text(json.dumps(records, indent=2))
    first, second, third = read_all(path)
    assert reasons_and_texts([first, second, third]) == [
        ("item 1", NEWS_PLEASE_RECORD["maintext"]),
        ("item 2", "no-text"),
        ("item 3", "<b>two</b>"),
    ]
    assert isinstance(first, RawDocument) and first.hints.byline == ("Jane Doe", "John Roe")
    assert isinstance(third, RawDocument) and (third.media_type, third.hints.url) == ("text/html", "u")


def test_json_single_object_is_one_document_without_locator(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"content": "Le “texte”.", "title": "Titre"}, ensure_ascii=False))
    (document,) = read_all(path)
    assert isinstance(document, RawDocument)
    assert (document.locator, document.text, document.hints.title) == (None, "Le “texte”.", "Titre")


@pytest.mark.parametrize(
    ("content", "reason", "locator"),
    [
        ('{"text": "unterminated', "malformed-json", None),
        ("text: not json", "malformed-json", None),
        ('"just a string"', "malformed-json", None),
        ("", "empty", None),
        ("[ ]", "empty", None),
        ('{"text": "a"} {"text": "b"}', "malformed-json", None),
    ],
)
def test_invalid_json_file_is_one_rejection(
    tmp_path: Path, content: str, reason: str, locator: str | None
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    (rejection,) = read_all(path)
    assert isinstance(rejection, Rejection)
    assert (rejection.reason, rejection.locator) == (reason, locator)


@pytest.mark.parametrize(
    ("tail", "detail"),
    [
        ('{"text": "two" "x"}]', "Expecting ',' delimiter"),
        ('{"text": "two"}', "found the end of the file"),
        ('{"text": "two"} {"text": "three"}]', "expected ',' or ']'"),
        ('{"text": "two"}] trailing', "extra data after the closing ']'"),
    ],
)
def test_broken_json_array_keeps_the_items_before_the_break(tmp_path: Path, tail: str, detail: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"text": "one"}, ' + tail)
    items = read_all(path)
    assert isinstance(items[0], RawDocument)
    assert items[0].text == "one"
    rejection = items[-1]
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "malformed-json"
    assert detail in rejection.detail
    assert rejection.locator in {"item 2", "item 3"}


def test_json_array_item_split_across_read_chunks(tmp_path: Path) -> None:
    # Items far larger than the 64 Ki-character read chunk.
    records = [{"text": "é" * 150_000, "n": 12345678901234567890}, {"text": "last", "n": 7}]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(records, ensure_ascii=False))
    items = read_all(path)
    assert [item.text for item in items if isinstance(item, RawDocument)] == ["é" * 150_000, "last"]


def test_json_array_number_split_across_read_chunks_is_one_item(tmp_path: Path) -> None:
    path = tmp_path / "numbers.json"
    # The first read chunk ends inside "12345"; parsed early it would be 123 and then junk.
    path.write_text("[" + " " * (READ_CHUNK - 4) + "12345]")
    (rejection,) = read_all(path)
    assert isinstance(rejection, Rejection)
    assert (rejection.locator, rejection.reason) == ("item 1", "malformed-json")
    assert "found a number" in rejection.detail


def test_json_array_item_over_the_limit_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(json.dumps([{"text": "small"}, {"text": "x" * 5000}, {"text": "after"}]))
    items = read_all(path, IngestSettings(max_document_bytes=1000))
    assert reasons_and_texts(items) == [("item 1", "small"), ("item 2", "too-large"), ("item 3", "after")]


def test_json_array_item_that_never_ends_stops_the_file_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "endless.json"
    path.write_text('[{"text": "small"}, {"text": "' + "x" * 200_000)  # larger than one read chunk
    items = read_all(path, IngestSettings(max_document_bytes=100_000))
    assert reasons_and_texts(items) == [("item 1", "small"), ("item 2", "too-large")]
    assert isinstance(items[1], Rejection) and "within 100,000 characters" in items[1].detail


def _memory_peak_while_reading(path: Path) -> tuple[int, int]:
    tracemalloc.start()
    try:
        documents = sum(1 for item in read_inputs([path]) if isinstance(item, RawDocument))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return documents, peak


@pytest.mark.quality  # slow: processes, big inputs or benchmark data (make quality)
def test_large_jsonl_is_streamed_with_flat_memory(tmp_path: Path) -> None:
    line = json.dumps({"text": "word " * 2000, "url": "https://example.com/x", "date": "2021-01-02"}) + "\n"
    count = 20_000  # about 200 MB
    path = tmp_path / "big.jsonl"
    with path.open("w") as stream:
        for _ in range(count // 500):
            stream.write(line * 500)
    size = path.stat().st_size
    documents, peak = _memory_peak_while_reading(path)
    assert documents == count
    assert size > 200_000_000
    assert peak < 2 * 1024 * 1024  # a few 10 KB records' worth, not the file's 200 MB


@pytest.mark.quality  # slow: processes, big inputs or benchmark data (make quality)
def test_large_json_array_is_streamed_with_flat_memory(tmp_path: Path) -> None:
    item = json.dumps({"text": "word " * 2000, "title": "t"})
    count = 3_000  # about 30 MB
    path = tmp_path / "big.json"
    with path.open("w") as stream:
        stream.write("[\n")
        stream.write(",\n".join([item] * count))
        stream.write("\n]\n")
    documents, peak = _memory_peak_while_reading(path)
    assert path.stat().st_size > 30_000_000
    assert documents == count
    assert peak < 2 * 1024 * 1024  # the read chunk and a few items, not the file's 30 MB
