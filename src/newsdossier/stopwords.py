"""scikit-learn's English stop words (``ENGLISH_STOP_WORDS``), without importing scikit-learn.

Reuse needs only the list, but ``import sklearn`` brings scipy and pandas with it: 1.4 s in
every process that fingerprints or relates articles, paid again by each Spark worker. The list lives
in a module of its own that imports nothing (``sklearn/feature_extraction/_stop_words.py``), so it
is executed from scikit-learn's installed file on its own; where that file is not found (a future
scikit-learn that moves it), the list comes from the public import.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

__all__ = ["english_stop_words"]

_MODULE = Path("feature_extraction", "_stop_words.py")


@cache
def english_stop_words() -> frozenset[str]:
    """The 318 words of ``sklearn.feature_extraction.text.ENGLISH_STOP_WORDS``."""
    package = importlib.util.find_spec("sklearn")  # finds the package without importing it
    origin = Path(package.origin) if package and package.origin else None
    if origin is not None and (origin.parent / _MODULE).is_file():
        spec = importlib.util.spec_from_file_location("newsdossier._sklearn_stop_words", origin.parent / _MODULE)
        if spec is not None and spec.loader is not None:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            words = getattr(module, "ENGLISH_STOP_WORDS", None)
            if isinstance(words, frozenset):
                return words
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)
