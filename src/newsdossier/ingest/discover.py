"""Turning what the user named (files, folders, glob patterns) into a stream of files to read.

Order is deterministic (sorted by name at every folder level) so two runs on the
same pile read the same documents in the same order, and folders are walked
lazily so a pile of a million files starts reading at once.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType

from newsdossier.model import Rejection

__all__ = ["SUFFIXES", "InputKind", "discover", "kind_of"]


class InputKind(StrEnum):
    """Which reader a file goes to; decided by its name alone."""

    TEXT = "text"
    HTML = "html"
    JSON = "json"
    JSONL = "jsonl"
    WARC = "warc"
    FEED = "feed"


SUFFIXES: Mapping[str, InputKind] = MappingProxyType(
    {
        ".txt": InputKind.TEXT,
        ".html": InputKind.HTML,
        ".htm": InputKind.HTML,
        ".json": InputKind.JSON,
        ".jsonl": InputKind.JSONL,
        ".ndjson": InputKind.JSONL,
        ".warc": InputKind.WARC,
        ".warc.gz": InputKind.WARC,
        ".rss": InputKind.FEED,
        ".atom": InputKind.FEED,
        ".xml": InputKind.FEED,
        ".feed": InputKind.FEED,
    }
)
"""File name endings read, case-insensitive. ``.xml`` files are read as feeds and refused if they are not."""

_GLOB_CHARACTERS = frozenset("*?[")


def kind_of(path: Path) -> InputKind | None:
    """The reader for a file name, or None when the name ends in nothing we read."""
    suffixes = [suffix.lower() for suffix in path.suffixes]
    for ending in ("".join(suffixes[-2:]), "".join(suffixes[-1:])):
        if ending in SUFFIXES:
            return SUFFIXES[ending]
    return None


def discover(inputs: Sequence[str | Path] | str | Path) -> Iterator[Path | Rejection]:
    """Every readable file under ``inputs``, in order, each once; Rejections for what cannot be used.

    - a file is read if its name ends in a known suffix, else it is rejected
      ``unsupported-format`` (the user named it, so silence would hide it);
    - a folder is walked recursively, sorted; hidden files and folders
      (``.git``, ``.DS_Store``) and files of unknown kinds are skipped silently,
      and links to folders are not followed (they can loop);
    - a ``str`` that is not an existing path but holds ``*``, ``?`` or ``[`` is
      a glob pattern (``**`` recurses); matches are treated like folder
      contents. ``Path`` objects are never patterns;
    - anything else is rejected ``not-found``.

    A file reached twice (named, and inside a named folder) is read once. A
    single path is taken as a list of one (a ``str`` is a sequence too, and
    reading it letter by letter helps nobody).
    """
    seen: set[Path] = set()
    for given in [inputs] if isinstance(inputs, str | Path) else inputs:
        for found in _expand(given):
            if isinstance(found, Path):
                identity = found.resolve()
                if identity in seen:
                    continue
                seen.add(identity)
            yield found


def _expand(given: str | Path) -> Iterator[Path | Rejection]:
    path = Path(given)
    if path.is_dir():
        yield from _walk(path)
    elif path.is_file():
        if kind_of(path) is None:
            detail = f"not a known input type (known: {', '.join(SUFFIXES)})"
            yield Rejection(str(given), None, "unsupported-format", detail)
        else:
            yield path
    elif path.exists():
        yield Rejection(str(given), None, "unsupported-format", "not a regular file or folder")
    elif isinstance(given, str) and _GLOB_CHARACTERS.intersection(given):
        yield from _expand_glob(given)
    else:
        yield Rejection(str(given), None, "not-found", "no such file or folder")


def _expand_glob(pattern: str) -> Iterator[Path | Rejection]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Rejection(pattern, None, "not-found", "no file or folder matches this pattern")
    for match in matches:
        path = Path(match)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file() and kind_of(path) is not None:
            yield path


def _walk(folder: Path) -> Iterator[Path | Rejection]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        yield Rejection(str(folder), None, "unreadable", f"cannot list the folder: {error.strerror or error}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file() and kind_of(Path(entry.name)) is not None:
            yield Path(entry.path)
