"""The NLP backbone: one spaCy pipeline, loaded lazily once per process, run once per article.

By default the pipeline is the one bundled with the package (``newsdossier/nlp/model``, built
by :mod:`newsdossier.nlp.train` from UD English-EWT and CoNLL-2003; see the README for its
licence). ``--nlp-model NAME_OR_PATH`` swaps in any installed spaCy pipeline (a package name
such as ``en_core_web_trf`` or a directory). Nothing is ever downloaded.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsdossier.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["BUNDLED", "BUNDLED_PATH", "load_pipeline", "pipeline_id"]

BUNDLED = "bundled"
BUNDLED_PATH = Path(__file__).parent / "model"


def load_pipeline(name: str = BUNDLED) -> Language:
    """The spaCy pipeline ``name`` (``"bundled"``, an installed package name or a directory).

    Cached: each process loads a pipeline once however many stages ask for it.
    """
    return _load(name)


@cache
def _load(name: str) -> Language:
    try:
        import spacy
    except ImportError as error:  # pragma: no cover - spaCy is a core dependency
        raise ConfigError("spaCy is not installed; reinstall newsdossier (pip install newsdossier)") from error
    from newsdossier.nlp import language  # noqa: F401  (registers the sentence component)

    target: str | Path = BUNDLED_PATH if name == BUNDLED else name
    if name == BUNDLED and not (BUNDLED_PATH / "meta.json").is_file():
        raise ConfigError(f"the bundled NLP model is missing from {BUNDLED_PATH}; build it with `make model`")
    try:
        return spacy.load(target)
    except OSError as error:
        raise ConfigError(
            f"cannot load the spaCy pipeline {name!r}: {error}. Pass an installed pipeline's package "
            "name (pip install it first) or the path of a pipeline directory, or leave --nlp-model out "
            "to use the bundled one."
        ) from error


def pipeline_id(nlp: Language) -> str:
    """Name and version of a pipeline, e.g. ``en_newsdossier-0.1.0``: the key its analyses are cached under."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
