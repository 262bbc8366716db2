"""discover() and read_inputs(): which files are read, in which order, and what is refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import newsdossier.ingest
from newsdossier.errors import ConfigError
from newsdossier.ingest import IngestSettings, discover, read_file, read_inputs
from newsdossier.ingest.discover import InputKind, kind_of
from newsdossier.model import RawDocument, Rejection


def make_tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"text of {name}\n")


def relative(found: list[Path | Rejection], root: Path) -> list[str]:
    return [item.relative_to(root).as_posix() for item in found if isinstance(item, Path)]


def test_public_api_is_exactly_this() -> None:
    assert sorted(newsdossier.ingest.__all__) == [
        "DEFAULT_JSON_FIELDS",
        "IngestSettings",
        "discover",
        "read_file",
        "read_inputs",
    ]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", InputKind.TEXT),
        ("A.TXT", InputKind.TEXT),
        ("page.htm", InputKind.HTML),
        ("page.html", InputKind.HTML),
        ("dump.json", InputKind.JSON),
        ("dump.jsonl", InputKind.JSONL),
        ("dump.ndjson", InputKind.JSONL),
        ("crawl.warc", InputKind.WARC),
        ("crawl.2021-01.warc.gz", InputKind.WARC),
        ("news.rss", InputKind.FEED),
        ("news.atom", InputKind.FEED),
        ("news.xml", InputKind.FEED),
        ("news.feed", InputKind.FEED),
        ("notes.v2.txt", InputKind.TEXT),
        ("story.txt.gz", None),
        ("report.pdf", None),
        ("README", None),
    ],
)
def test_kind_of(name: str, kind: InputKind | None) -> None:
    assert kind_of(Path(name)) == kind


def test_folder_is_walked_sorted_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    make_tree(
        tmp_path,
        ["b.txt", "a.html", "sub/z.json", "sub/a.txt", "c.pdf", ".hidden.txt", ".git/x.txt", "sub/.c/y.txt"],
    )
    found = list(discover([tmp_path]))
    assert relative(found, tmp_path) == ["a.html", "b.txt", "sub/a.txt", "sub/z.json"]
    assert not [item for item in found if isinstance(item, Rejection)]


def test_named_file_of_unknown_type_is_rejected(tmp_path: Path) -> None:
    make_tree(tmp_path, ["report.pdf"])
    (rejection,) = discover([tmp_path / "report.pdf"])
    assert isinstance(rejection, Rejection)
    assert (rejection.source_path, rejection.reason) == (str(tmp_path / "report.pdf"), "unsupported-format")


def test_missing_path_is_rejected_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    (rejection,) = read_inputs([missing])
    assert isinstance(rejection, Rejection)
    assert (rejection.source_path, rejection.locator, rejection.reason) == (str(missing), None, "not-found")


def test_a_single_path_is_one_input_not_a_sequence_of_letters(tmp_path: Path) -> None:
    make_tree(tmp_path, ["a.txt"])
    assert relative(list(discover(str(tmp_path))), tmp_path) == ["a.txt"]
    assert relative(list(discover(tmp_path / "a.txt")), tmp_path) == ["a.txt"]


def test_read_file_rejects_a_file_of_unknown_type(tmp_path: Path) -> None:
    make_tree(tmp_path, ["notes.md"])
    (rejection,) = read_file(tmp_path / "notes.md")
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "unsupported-format"


def test_globs_expand_sorted_and_recursive(tmp_path: Path) -> None:
    make_tree(tmp_path, ["a1.txt", "a2.txt", "b1.txt", "notes.pdf", "deep/er/a3.txt", "deep/x.html"])
    assert relative(list(discover([f"{tmp_path}/a?.txt"])), tmp_path) == ["a1.txt", "a2.txt"]
    assert relative(list(discover([f"{tmp_path}/*"])), tmp_path) == [
        "a1.txt",
        "a2.txt",
        "b1.txt",
        "deep/er/a3.txt",
        "deep/x.html",
    ]
    recursive = relative(list(discover([f"{tmp_path}/**/a*.txt"])), tmp_path)
    assert recursive == ["a1.txt", "a2.txt", "deep/er/a3.txt"]


def test_glob_with_no_match_is_rejected(tmp_path: Path) -> None:
    pattern = f"{tmp_path}/*.warc"
    (rejection,) = discover([pattern])
    assert isinstance(rejection, Rejection)
    assert (rejection.source_path, rejection.reason) == (pattern, "not-found")


def test_path_objects_are_never_patterns(tmp_path: Path) -> None:
    make_tree(tmp_path, ["a1.txt"])
    (rejection,) = discover([tmp_path / "a?.txt"])
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "not-found"


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    make_tree(tmp_path, ["a.txt", "b.txt"])
    found = list(discover([tmp_path / "b.txt", tmp_path, f"{tmp_path}/*.txt"]))
    assert relative(found, tmp_path) == ["b.txt", "a.txt"]


def test_links_to_folders_are_not_followed(tmp_path: Path) -> None:
    make_tree(tmp_path, ["real/a.txt"])
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real", target_is_directory=True)
    assert relative(list(discover([tmp_path])), tmp_path) == ["real/a.txt"]


def test_read_inputs_goes_on_after_bad_inputs(tmp_path: Path) -> None:
    make_tree(tmp_path, ["1.txt", "3.txt", "4.doc"])
    (tmp_path / "2.txt").write_bytes(b"\x00\x01binary")
    items = list(read_inputs([tmp_path / "0.txt", tmp_path, tmp_path / "4.doc"]))
    summary = [(Path(item.source_path).name, getattr(item, "reason", "ok")) for item in items]
    assert summary == [
        ("0.txt", "not-found"),
        ("1.txt", "ok"),
        ("2.txt", "binary"),
        ("3.txt", "ok"),
        ("4.doc", "unsupported-format"),
    ]


@pytest.mark.quality  # slow: processes, big inputs or benchmark data (make quality)
def test_ten_thousand_small_files_are_read_in_order(tmp_path: Path) -> None:
    count = 10_000
    for number in range(count):
        # Written out of order, so the order read must come from sorting.
        index = (number * 7919) % count
        (tmp_path / f"{index:05d}.txt").write_bytes(b"document %d\n" % index)
    documents = list(read_inputs([tmp_path]))
    assert len(documents) == count
    assert all(isinstance(document, RawDocument) for document in documents)
    assert [document.text for document in documents] == [f"document {index}\n" for index in range(count)]


def test_unknown_json_field_in_settings_says_what_can_be_mapped() -> None:
    with pytest.raises(ConfigError, match="fields that can be mapped are text, html"):
        IngestSettings(json_fields={"body_text": "x"})


@pytest.mark.parametrize("keys", [(), [""], [3]])
def test_json_field_keys_must_be_non_empty_strings(keys: object) -> None:
    with pytest.raises(ConfigError, match="must be a key or a list of keys"):
        IngestSettings(json_fields={"text": keys})  # type: ignore[dict-item]


@pytest.mark.parametrize("value", [0, -1, True, "20MB"])
def test_size_limits_must_be_positive_integers(value: object) -> None:
    with pytest.raises(ConfigError, match="max_document_bytes must be a positive number of bytes"):
        IngestSettings(max_document_bytes=value)  # type: ignore[arg-type]


def test_settings_remap_one_field_and_keep_the_others() -> None:
    settings = IngestSettings(json_fields={"text": "article_body", "byline": ["writers", "author"]})
    assert settings.json_keys("text") == ("article_body",)
    assert settings.json_keys("byline") == ("writers", "author")
    assert settings.json_keys("published") == ("published", "date_publish", "date", "pubDate")


def test_unlistable_folder_is_rejected_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tree(tmp_path, ["ok/a.txt", "locked/b.txt"])
    real_scandir = os.scandir

    def scandir(path: os.PathLike[str]) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(discover([tmp_path]))
    assert [(Path(item.source_path).name, item.reason) for item in found if isinstance(item, Rejection)] == [
        ("locked", "unreadable")
    ]
    assert relative(found, tmp_path) == ["ok/a.txt"]
