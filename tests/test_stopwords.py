"""newsdossier.stopwords gives scikit-learn's English stop words without importing scikit-learn."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsdossier.stopwords import english_stop_words


def test_the_list_is_scikit_learns() -> None:
    assert english_stop_words() == ENGLISH_STOP_WORDS
    assert len(english_stop_words()) == 318


def test_reuse_imports_without_scikit_learn() -> None:
    # The point of the module: a process that fingerprints and relates articles (a Spark worker, a
    # local pool's worker) does not pay scikit-learn's import.
    code = ("import sys, newsdossier.reuse, newsdossier.reuse.relation, newsdossier.reuse.pairs; "
            "import newsdossier.stopwords as s; s.english_stop_words(); print('sklearn' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_without_the_module_file_the_public_import_gives_the_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    english_stop_words.cache_clear()
    try:
        assert english_stop_words() == ENGLISH_STOP_WORDS
    finally:
        english_stop_words.cache_clear()
