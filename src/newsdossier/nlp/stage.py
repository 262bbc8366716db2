"""The NLP stage: run the pipeline over every article text once and keep the analysis.

An analysis is a spaCy ``Doc`` (sentences, tokens with character offsets into the article text,
tags, morphology, lemmas, dependency parse, entities) serialised as a one-document ``DocBin``.
It is cached by the SHA-256 of the text and the pipeline id, so a re-run, or an exact copy of
an article already analysed, costs nothing, and switching ``--nlp-model`` analyses afresh
without losing the other pipeline's results. Later stages read the analysis back with
:func:`doc_from_bytes` instead of parsing again.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Final

from newsdossier.executor import LocalExecutor
from newsdossier.processes import usable_cpus

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["MAX_TEXT_CHARS", "Analysis", "analyse", "analyse_chunk", "analyse_to_bytes", "doc_from_bytes", "doc_to_bytes",
           "text_key", "unique_texts", "word_count", "worker_count"]

# spaCy's own default max_length: the parser needs about 1 GB per 100,000 words, so a longer
# "article" (a mis-split feed dump) is analysed up to here; offsets stay valid for that prefix.
MAX_TEXT_CHARS: Final = 1_000_000
# Texts per nlp.pipe batch.
PIPE_BATCH: Final = 64
# Texts sent to a worker process at a time: large enough that a worker's answer (the analyses'
# bytes) dwarfs the cost of the round trip, small enough to keep both workers busy to the end.
WORKER_CHUNK: Final = 32
# Below this many texts a second process costs more to start than it saves: measured with
# bench/nlp_speed.py --docs N --processes 1 2 on BBC articles (~350 words): 25 texts 1.27 s vs
# 2.05 s, 50 texts 2.69 s vs 2.31 s, 100 texts 4.78 s vs 3.86 s.
MULTIPROCESS_MIN_TEXTS: Final = 50
# What an analysis keeps: everything the later stages read, nothing user-defined.
DOC_ATTRS: Final = ("ORTH", "SPACY", "NORM", "TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP",
                    "ENT_IOB", "ENT_TYPE", "SENT_START")

logger = logging.getLogger(__name__)


def text_key(text: str) -> str:
    """The cache key of an analysed text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def worker_count(texts: int, cpus: int | None = None) -> int:
    """Processes worth starting for ``texts`` texts on this machine."""
    available = cpus if cpus is not None else usable_cpus()
    return 1 if texts < MULTIPROCESS_MIN_TEXTS else max(1, min(available, 4))


def _limited(texts: Iterable[str]) -> Iterator[str]:
    for text in texts:
        if len(text) > MAX_TEXT_CHARS:
            logger.warning("a text of %d characters is analysed up to character %d", len(text), MAX_TEXT_CHARS)
            text = text[:MAX_TEXT_CHARS]
        yield text


def analyse(texts: Iterable[str], nlp: Language) -> Iterator[Doc]:
    """Analyses of ``texts``, in order, in this process (texts over :data:`MAX_TEXT_CHARS` are cut there)."""
    return nlp.pipe(_limited(texts), batch_size=PIPE_BATCH)


Analysis = tuple[bytes, int]  # a stored analysis and the number of words in it


def word_count(doc: Doc) -> int:
    """Tokens that are neither whitespace nor punctuation."""
    return sum(1 for token in doc if not (token.is_space or token.is_punct))


def analyse_to_bytes(texts: Iterable[str], model: str, *, processes: int = 1) -> Iterator[Analysis]:
    """``(doc_to_bytes(analysis), word count)`` of each text, in order, with pipeline ``model``.

    With ``processes`` > 1 each worker loads the pipeline by name and returns bytes, so the
    parent neither rebuilds Docs nor serialises them again (spaCy's own ``n_process`` sends
    Docs back, which the parent must decode and this stage would encode again: measured in
    bench/nlp_speed.py).
    """
    from newsdossier.nlp import load_pipeline

    if processes <= 1:
        for doc in analyse(texts, load_pipeline(model)):
            yield doc_to_bytes(doc), word_count(doc)
        return
    # not fork (see newsdossier.processes). Each worker pays one pipeline load (well under a second).
    with LocalExecutor(processes) as pool:
        for chunk in pool.map(partial(analyse_chunk, model=model), _chunks(_limited(texts))):
            yield from chunk


def _chunks(texts: Iterable[str]) -> Iterator[list[str]]:
    iterator = iter(texts)
    while chunk := list(islice(iterator, WORKER_CHUNK)):
        yield chunk


def analyse_chunk(texts: list[str], model: str) -> list[Analysis]:
    """The kernel: ``(doc_to_bytes(analysis), word count)`` of each text, by pipeline ``model`` loaded
    once per process (``load_pipeline`` is cached), so a worker or a Spark executor returns bytes and
    the caller never rebuilds Docs."""
    from newsdossier.nlp import load_pipeline

    return [(doc_to_bytes(doc), word_count(doc)) for doc in analyse(texts, load_pipeline(model))]


def doc_to_bytes(doc: Doc) -> bytes:
    from spacy.tokens import DocBin

    return DocBin(attrs=list(DOC_ATTRS), store_user_data=False, docs=[doc]).to_bytes()


def doc_from_bytes(data: bytes, vocab: Vocab) -> Doc:
    from spacy.tokens import DocBin

    docs = list(DocBin().from_bytes(data).get_docs(vocab))
    if len(docs) != 1:
        raise ValueError(f"an NLP analysis holds {len(docs)} documents instead of one")
    return docs[0]


def unique_texts(texts: Iterable[str], done: set[str]) -> dict[str, str]:
    """The texts (by key) not analysed yet, each once however many articles share it."""
    todo: dict[str, str] = {}
    for text in texts:
        key = text_key(text)
        if key not in done:
            todo.setdefault(key, text)
    return todo
