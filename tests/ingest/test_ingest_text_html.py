"""Plain-text and HTML files: one file, one document, bytes kept exactly."""

from __future__ import annotations

import codecs
import os
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from newsdossier.errors import InputError
from newsdossier.ingest import IngestSettings, read_inputs
from newsdossier.ingest.text import read_bounded
from newsdossier.model import Format, RawDocument, Rejection

ARTICLE = "BAGHDAD, Jan 3 (Reuters) – The strike “killed” Qasem Soleimani, officials said.\n"


def read_one(path: Path, settings: IngestSettings = IngestSettings()) -> RawDocument | Rejection:
    (item,) = list(read_inputs([path], settings=settings))
    return item


def test_text_file_is_one_plain_document_with_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    document = read_one(path)
    assert document == RawDocument(
        source_path=str(path),
        locator=None,
        format=Format.TEXT,
        media_type="text/plain",
        data=ARTICLE.encode("utf-8"),
        encoding="utf-8",
        text=ARTICLE,
    )


@pytest.mark.parametrize(
    ("codec", "written"),
    [
        ("cp1252", ARTICLE),  # the en dash and curly quotes are bytes 0x80-0x9F
        ("latin-1", "Le président a déclaré : « Ça suffit ». Naïveté à part.\n"),
    ],
)
def test_legacy_encoded_text_file_decodes_without_mojibake(tmp_path: Path, codec: str, written: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(written.encode(codec))
    document = read_one(path)
    assert isinstance(document, RawDocument)
    assert document.text == written
    assert document.data == written.encode(codec)
    assert document.encoding == "cp1252"


def test_crlf_and_bom_are_kept_in_data(tmp_path: Path) -> None:
    data = codecs.BOM_UTF8 + "Line one\r\nLine “two”\r\n".encode("utf-8")
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    document = read_one(path)
    assert isinstance(document, RawDocument)
    assert document.data == data
    assert document.text == "Line one\r\nLine “two”\r\n"
    assert document.encoding == "utf-8-sig"


def test_utf16_text_file(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(ARTICLE.encode("utf-16"))
    document = read_one(path)
    assert isinstance(document, RawDocument)
    assert (document.text, document.encoding) == (ARTICLE, "utf-16")


def test_html_file_is_decoded_by_its_meta_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<title>Новости</title></head><body><p>Москва</p></body></html>"
    )
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("cp1251"))
    document = read_one(path)
    assert isinstance(document, RawDocument)
    assert document.format is Format.HTML
    assert document.media_type == "text/html"
    assert document.text == page
    assert document.encoding == "cp1251"
    assert document.data == page.encode("cp1251")


def test_html_file_with_utf8_bom_ignores_a_contradicting_meta(tmp_path: Path) -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body>Zürich “quote”</body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(codecs.BOM_UTF8 + page.encode("utf-8"))
    document = read_one(path)
    assert isinstance(document, RawDocument)
    assert (document.text, document.encoding) == (page, "utf-8-sig")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.html", b"\n  \n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("garbage.txt", bytes(range(0x80, 0x100)) * 8, "undecodable"),
    ],
)
def test_bad_files_are_rejected_with_path_and_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    rejection = read_one(path)
    assert isinstance(rejection, Rejection)
    assert (rejection.source_path, rejection.locator, rejection.reason) == (str(path), None, reason)
    assert rejection.detail


def test_sparse_200_mb_text_file_is_rejected_by_size_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(200 * 1024 * 1024)  # sparse: no disk used, and reading it would cost 200 MB
    tracemalloc.start()
    try:
        rejection = read_one(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "too-large"
    assert "209,715,200" in rejection.detail
    assert peak < 1024 * 1024


@pytest.mark.quality  # slow: processes, big inputs or benchmark data (make quality)
def test_small_files_are_read_without_a_limit_sized_buffer(tmp_path: Path) -> None:
    # Issue #26: each file was read with read(limit + 1), which allocates the 20 MiB limit up front;
    # over a 10,000-file folder the freed buffers raised peak RSS from 267 to 312 MiB.
    for n in range(100):
        (tmp_path / f"{n:03d}.txt").write_text(ARTICLE * 20)
        (tmp_path / f"{n:03d}.html").write_text(f"<html><body><p>{ARTICLE * 20}</p></body></html>")
    tracemalloc.start()
    try:
        documents = sum(isinstance(item, RawDocument) for item in read_inputs([tmp_path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert documents == 200
    assert peak < 1024 * 1024  # a few files' worth, not one 20 MiB buffer


class _StatSays(type(Path())):  # type: ignore[misc]
    """A path whose stat reports a size the file has since outgrown."""

    def stat(self, *, follow_symlinks: bool = True) -> os.stat_result:
        real = super().stat(follow_symlinks=follow_symlinks)
        return os.stat_result((*real[:6], 10, *real[7:]))


@pytest.mark.parametrize(("size", "limit", "whole"), [(500, 1000, True), (1000, 1000, True), (1001, 1000, False)])
def test_a_file_that_grew_after_stat_is_read_whole_up_to_the_limit(
    tmp_path: Path, size: int, limit: int, whole: bool
) -> None:
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * size)
    grown = _StatSays(path)
    assert grown.stat().st_size == 10
    if whole:
        assert read_bounded(grown, limit) == b"x" * size
    else:
        with pytest.raises(InputError, match="1,001 bytes is over the 1,000-byte limit"):
            read_bounded(grown, limit)


def test_max_document_bytes_is_a_setting(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_bytes(b"x" * 101)
    rejected = read_one(path, IngestSettings(max_document_bytes=100))
    assert isinstance(rejected, Rejection)
    assert rejected.reason == "too-large"
    assert isinstance(read_one(path, IngestSettings(max_document_bytes=101)), RawDocument)


def test_a_file_that_cannot_be_opened_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("text")
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    rejection = read_one(path)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "unreadable"
    assert "Permission denied" in rejection.detail
