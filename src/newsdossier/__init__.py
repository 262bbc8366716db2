"""newsdossier: turn a pile of scraped news articles into a sourced dossier."""

from newsdossier.errors import NewsdossierError
from newsdossier.model import Article, RawDocument, Rejection

__all__ = ["Article", "NewsdossierError", "RawDocument", "Rejection", "__version__"]

__version__ = "0.1.0"
