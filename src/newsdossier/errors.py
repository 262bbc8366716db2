"""One exception tree for the whole package.

    NewsdossierError                 base of everything raised on purpose
    ├── ConfigError                  a setting is missing or invalid; the message says how to fix it
    ├── InputError                   one input file (or record in it) cannot be read as an article
    │                                carries ``path``, ``locator`` and a short ``reason`` code
    ├── StoreError                   the SQLite pile cannot be opened, migrated or written
    │   └── PileBusyError            another run is writing the pile (one writer at a time)
    ├── EvalDataError                a benchmark directory is not in the expected layout
    └── SparkError                   the Spark build cannot run (the [spark] extra is missing), or its
                                     output cannot be loaded into a pile (another version, a pile in use)

Batch runs never stop on an ``InputError``: the reader turns it into a
:class:`newsdossier.model.Rejection`, counts it by reason and goes on with the
rest. The ``reason`` codes are stable strings (they appear in the run summary
and in ``rejections`` rows of the store):

    ``not-found``, ``unsupported-format``, ``empty``, ``binary``, ``undecodable``,
    ``malformed-json``, ``malformed-warc``, ``malformed-feed``, ``malformed-html``,
    ``too-large``, ``no-text``, ``unreadable``
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "EvalDataError",
    "InputError",
    "NewsdossierError",
    "PileBusyError",
    "SparkError",
    "StoreError",
]


class NewsdossierError(Exception):
    """Base class of every error newsdossier raises on purpose."""


class ConfigError(NewsdossierError):
    """A setting is missing or invalid."""


class InputError(NewsdossierError):
    """An input file, or one record inside it, cannot be read as an article."""

    def __init__(self, path: str, reason: str, detail: str, *, locator: str | None = None) -> None:
        where = f"{path} ({locator})" if locator else path
        super().__init__(f"{where}: {reason}: {detail}")
        self.path = path
        self.reason = reason
        self.detail = detail
        self.locator = locator


class StoreError(NewsdossierError):
    """The pile database cannot be opened, migrated or written."""


class PileBusyError(StoreError):
    """Another run is writing the pile (a pile has one writer at a time; readers are never blocked)."""


class EvalDataError(NewsdossierError):
    """A benchmark path does not hold data in the layout the scorer expects."""


class SparkError(NewsdossierError):
    """The Spark build cannot run, or its output cannot be loaded into a pile; the message says why and what to do."""
