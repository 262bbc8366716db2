"""The NLP backbone scored on gold-tokenised data it was not trained on.

* :func:`evaluate_ner`: entity-level precision, recall and F1 (exact span and type, as
  ``conlleval``), micro-averaged and per type, on a token-per-line NER file: CoNLL-2003
  ``test.txt`` (PER/ORG/LOC/MISC), UniversalNER ``*.iob2`` (PER/ORG/LOC) or CrossNER
  (its fine types mapped to PER/ORG/LOC by :data:`CROSSNER_TYPES`; the rest are not scored).
  Only the types the gold file has are scored; predicted types are mapped the same way, and a
  pipeline with OntoNotes labels (``PERSON``, ``GPE`` ...) is mapped by :data:`ONTONOTES_TYPES`.
* :func:`evaluate_parse`: UAS, LAS (full UD relation), UPOS, XPOS, lemma and morphological
  feature accuracy over all words, on a CoNLL-U treebank with gold words, one sentence at a
  time (the pipeline's own sentence rules still run, so a split inside a gold sentence costs).

Both run the product's pipeline (``load_pipeline``) on the gold words, skipping its tokenizer.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdossier.errors import EvalDataError
from newsdossier.nlp.corpora import NerSentence, guess_spaces, read_conllu, read_ner, spans_from_bio

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["CROSSNER_TYPES", "ONTONOTES_TYPES", "evaluate_ner", "evaluate_parse", "prf"]

# CrossNER politics' types that are people, organisations and places; the others (election,
# event, misc) have no counterpart in the product's PER/ORG/LOC/MISC and are left out.
CROSSNER_TYPES = {"person": "PER", "politician": "PER", "organisation": "ORG", "politicalparty": "ORG",
                  "country": "LOC", "location": "LOC"}
# An OntoNotes-trained pipeline (spaCy's en_core_web_*) swapped in with --nlp-model.
ONTONOTES_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
                   "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
                   "LANGUAGE": "MISC"}


def prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _gold_type(label: str) -> str | None:
    if label in ("PER", "ORG", "LOC", "MISC"):
        return label
    return CROSSNER_TYPES.get(label)


def _predicted_type(label: str) -> str | None:
    if label in ("PER", "ORG", "LOC", "MISC"):
        return label
    return ONTONOTES_TYPES.get(label)


def _runs(sentences: list[NerSentence]) -> Iterable[list[NerSentence]]:
    """Sentences by document: the pipeline reads a whole article at a time, so it reads a whole document here."""
    run: list[NerSentence] = []
    for sentence in sentences:
        if run and run[0].document != sentence.document:
            yield run
            run = []
        run.append(sentence)
    if run:
        yield run


def evaluate_ner(data: Path, nlp: Language) -> dict[str, Any]:
    """Entity P/R/F1 of ``nlp`` on the NER file ``data`` (keys ``precision``, ``recall``, ``f1``, ``per_type``)."""
    from spacy.tokens import Doc

    sentences = read_ner(data)
    gold: set[tuple[int, int, int, str]] = set()
    docs, offsets = [], []
    for run_number, run in enumerate(_runs(sentences)):
        words: list[str] = []
        for sentence in run:
            for start, end, label in spans_from_bio(sentence.tags):
                if (kind := _gold_type(label)) is not None:
                    gold.add((run_number, len(words) + start, len(words) + end, kind))
            words.extend(sentence.words)
        docs.append(Doc(nlp.vocab, words=words, spaces=guess_spaces(words)))
        offsets.append(run_number)
    if not gold:
        raise EvalDataError(f"{data}: no PER/ORG/LOC/MISC entities to score")
    scored = {kind for *_, kind in gold}
    started = time.perf_counter()
    predicted = set()
    with nlp.select_pipes(disable=[name for name in ("parser", "trainable_lemmatizer") if name in nlp.pipe_names]):
        for run_number, doc in zip(offsets, nlp.pipe(docs, batch_size=64), strict=True):
            for ent in doc.ents:
                kind = _predicted_type(ent.label_)
                if kind in scored:
                    predicted.add((run_number, ent.start, ent.end, kind))
    seconds = time.perf_counter() - started
    result: dict[str, Any] = prf(len(gold & predicted), len(predicted), len(gold))
    result["per_type"] = {
        kind: prf(sum(1 for g in gold & predicted if g[3] == kind), sum(1 for p in predicted if p[3] == kind),
                  sum(1 for g in gold if g[3] == kind))
        for kind in sorted(scored)
    }
    result.update(gold_entities=len(gold), predicted_entities=len(predicted), sentences=len(sentences),
                  words=sum(len(s.words) for s in sentences), seconds=round(seconds, 2))
    return result


def evaluate_parse(data: Path, nlp: Language) -> dict[str, Any]:
    """Attachment and tagging scores of ``nlp`` on the treebank ``data`` (keys ``uas``, ``las``, ``upos``, ...)."""
    from spacy.tokens import Doc

    sentences = list(read_conllu(data))
    if not sentences:
        raise EvalDataError(f"{data}: no sentences in this CoNLL-U file")
    docs = [Doc(nlp.vocab, words=[w.form for w in s.words], spaces=[w.space_after for w in s.words])
            for s in sentences]
    hits: Counter[str] = Counter()
    total = 0
    started = time.perf_counter()
    with nlp.select_pipes(disable=[name for name in ("ner",) if name in nlp.pipe_names]):
        for sentence, doc in zip(sentences, nlp.pipe(docs, batch_size=64), strict=True):
            for word, token in zip(sentence.words, doc, strict=True):
                total += 1
                head = 0 if token.head.i == token.i else token.head.i + 1
                relation = "root" if token.dep_ in ("ROOT", "root") else token.dep_
                hits["uas"] += head == word.head
                hits["las"] += head == word.head and relation == word.deprel
                hits["las_universal"] += head == word.head and relation.split(":")[0] == word.deprel.split(":")[0]
                hits["upos"] += token.pos_ == word.upos
                hits["xpos"] += token.tag_ == word.xpos
                hits["lemma"] += token.lemma_ == word.lemma
                hits["feats"] += str(token.morph) == word.feats
    seconds = time.perf_counter() - started
    result: dict[str, Any] = {key: hits[key] / total for key in
                              ("uas", "las", "las_universal", "upos", "xpos", "lemma", "feats")}
    result.update(sentences=len(sentences), words=total, seconds=round(seconds, 2))
    return result
