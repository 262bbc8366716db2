"""The NLP backbone: one spaCy pipeline, loaded lazily once per process, run once per article.

By default the pipeline is the one bundled with the package (``newsdossier/nlp/model``, built
by :mod:`newsdossier.nlp.train` from UD English-EWT and CoNLL-2003; see the README for its
licence). ``--nlp-model NAME_OR_PATH`` swaps in any installed spaCy pipeline (a package name
such as ``en_core_web_trf`` or a directory). Nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsdossier.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["BUNDLED", "BUNDLED_PATH", "WEIGHTS_MANIFEST", "load_pipeline", "pipeline_id", "verify_weights"]

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
    from newsdossier.nlp import language  # registers the sentence and repair components

    target: str | Path = BUNDLED_PATH if name == BUNDLED else name
    if name == BUNDLED and not (BUNDLED_PATH / "meta.json").is_file():
        raise ConfigError(f"the bundled NLP model is missing from {BUNDLED_PATH}; build it with `make model`")
    if isinstance(target, Path) or Path(target, WEIGHTS_MANIFEST).is_file():
        verify_weights(Path(target))
    try:
        nlp = spacy.load(target)
    except OSError as error:
        raise ConfigError(
            f"cannot load the spaCy pipeline {name!r}: {error}. Pass an installed pipeline's package "
            "name (pip install it first) or the path of a pipeline directory, or leave --nlp-model out "
            "to use the bundled one."
        ) from error
    return language.read_curly_apostrophes_as_straight(nlp)


WEIGHTS_MANIFEST = "weights.sha256"  # written by newsdossier.nlp.train beside the pipeline it saves


def verify_weights(model: Path) -> None:
    """Check every weight file a pipeline directory's manifest pins against its SHA-256; a
    :class:`ConfigError` names the first file that is missing or differs (a damaged or swapped
    install). The bundled pipeline always has a manifest; another directory is checked when it has one."""
    manifest = model / WEIGHTS_MANIFEST
    if not manifest.is_file():
        raise ConfigError(f"{manifest} is missing: the pipeline's weight files cannot be verified; reinstall "
                          "newsdossier or rebuild the model with `make model`")
    for line in manifest.read_text(encoding="utf-8").splitlines():
        expected, _, relative = line.partition("  ")
        path = model / relative
        if not path.is_file():
            raise ConfigError(f"{path}: a weight file the pipeline pins is missing; reinstall newsdossier")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != expected:
            raise ConfigError(f"{path}: SHA-256 {digest} is not the pinned {expected}; the file is damaged "
                              "or was replaced, so it is not loaded (reinstall newsdossier)")


def pipeline_id(nlp: Language) -> str:
    """Name and version of a pipeline, e.g. ``en_newsdossier-0.2.1``: the key its analyses are cached under."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
