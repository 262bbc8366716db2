"""newsdossier: turn a pile of scraped news articles into a sourced dossier.

``newsdossier.build_dossier(items)`` builds a dossier of texts, records, files or a DataFrame and
returns it (:class:`newsdossier.notebook.Dossier`); ``newsdossier.open(db)`` opens a built pile
read-only with typed queries (:class:`newsdossier.store.pile.Pile`). See docs/api.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdossier.errors import NewsdossierError
from newsdossier.model import Article, RawDocument, Rejection

if TYPE_CHECKING:
    from newsdossier.notebook import Dossier
    from newsdossier.store.pile import Pile

__all__ = ["Article", "NewsdossierError", "RawDocument", "Rejection", "__version__", "build_dossier", "open"]

__version__ = "0.1.0"


def open(db: str | Path = "newsdossier.db") -> Pile:  # noqa: A001 (the package's verb, as sqlite3.connect)
    """The built pile at ``db``, read-only, with typed queries: ``pile.events(type="ASSAULT")``,
    ``pile.quotes(speaker="Boris Johnson")``, ``pile.search("airport")`` (see
    :class:`newsdossier.store.pile.Pile`). A StoreError says when there is no pile there."""
    from newsdossier.store.pile import Pile

    return Pile.open(db)


def build_dossier(items: Any, **options: Any) -> Dossier:
    """Build a dossier of ``items`` (texts, records, paths or a pandas DataFrame) and return it; see
    :func:`newsdossier.notebook.build_dossier` for the options (``db``, ``out``, ``fields``, ``progress``)."""
    from newsdossier.notebook import build_dossier as build

    return build(items, **options)
