"""The recipe that builds the bundled English pipeline from open annotated data.

``newsdossier train-model --data ../shared/datasets`` (or ``make model``) does, in order:

1. **prepare**: CoNLL-2003 train becomes the NER training documents and CoNLL-2003 dev its
   early-stopping set; silver documents (``--silver``: raw news labelled by the MiniLM teacher of
   ``bench/ner_teacher.py``, see ``make silver``) join the training documents when given, which is
   how the shipped NER 0.2 was trained (a distilled student: it learns the teacher's pretrained
   knowledge of names at the CNN's speed); the names in the training documents become the pool of the
   mention-swap augmenter (:mod:`newsdossier.nlp.augment`); UD English-EWT dev+test
   (CC BY-SA 4.0), and its train file when given (``--ud-train``: ``../shared`` holds only dev
   and test; the train file is ``en_ewt-ud-train.conllu`` of the UD_English-EWT repository, as the
   shipped pipeline 0.3 was trained), become tagging, morphology, lemma and dependency documents,
   of which one document in ten is held out for early stopping. GUM is never read here: it is for
   evaluation.
2. **train** two spaCy pipelines with the configs in ``newsdossier/nlp/configs``: ``ner.cfg``
   (named entities with their own tok2vec) and ``tagparse.cfg`` (tagger, morphologizer,
   trainable lemmatizer and parser over a shared tok2vec). Each keeps its best checkpoint on
   its own dev data.
3. **assemble** the two into one pipeline: the news tokenizer rules and sentence rules of
   :mod:`newsdossier.nlp.language`, then the tagging components, then NER; written to
   ``--out`` (by default the package's own ``nlp/model`` directory, which ships with it).
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from newsdossier.errors import ConfigError, EvalDataError
from newsdossier.nlp import WEIGHTS_MANIFEST
from newsdossier.nlp.augment import mention_pool
from newsdossier.nlp.corpora import (
    NerSentence,
    UdSentence,
    guess_spaces,
    read_conllu,
    read_ner,
    spans_from_bio,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["TrainingPlan", "assemble", "prepare", "replace_ner", "train_model", "write_manifest"]

CONFIG_DIR = Path(__file__).parent / "configs"
MODEL_NAME = "en_newsdossier"
MODEL_VERSION = "0.3.0"
# NER training steps when silver documents join CoNLL (four times the data of CoNLL alone; CoNLL
# dev still picks the checkpoint). The config's own 4,000 are for CoNLL alone.
SILVER_NER_STEPS = 8000

# Sentences per NER training document: CoNLL documents are cut into runs of this many
# sentences so batches hold whole runs (spaCy's own `convert -n 10` default).
NER_SENTENCES_PER_DOC = 10
# Share of NER training documents whose straight quotes are made curly, so the model has seen
# the typography of web news (CoNLL-2003 only has straight ASCII quotes).
CURLY_QUOTE_SHARE = 0.3
# One UD document in this many is kept out of training to pick the best checkpoint.
UD_HOLDOUT_EVERY = 10



@dataclass(frozen=True, slots=True)
class TrainingPlan:
    """Where the recipe reads and writes; validated once by :meth:`check`."""

    data: Path  # ../shared/datasets
    work: Path  # scratch directory for converted corpora and checkpoints
    out: Path  # where the assembled pipeline is written
    max_steps: int | None = None  # cap on training steps per pipeline (None = config default)
    silver: tuple[Path, ...] = ()  # DocBin files of teacher-labelled news joined to the NER training documents
    ud_train: tuple[Path, ...] = ()  # more UD English files for the tagger and parser (EWT's train file)
    keep_ner: Path | None = None  # a saved pipeline whose NER is kept: only the tagger and parser are trained
    overrides: tuple[tuple[str, object], ...] = ()  # extra config settings for both pipelines, e.g. ("training.seed", 1)

    @property
    def conll(self) -> Path:
        return self.data / "ner" / "conll2003_en"

    @property
    def ewt(self) -> list[Path]:
        return [self.data / "ud_english" / "en_ewt-ud-dev.conllu", self.data / "ud_english" / "en_ewt-ud-test.conllu",
                *self.ud_train]

    def check(self) -> None:
        missing = [p for p in [self.conll / "train.txt", self.conll / "dev.txt", *self.ewt, *self.silver]
                   if not p.is_file()]
        if missing:
            raise ConfigError(
                "training data not found: " + ", ".join(map(str, missing)) + "; pass --data pointing at ../shared/datasets"
            )


def _curly(words: Sequence[str]) -> list[str]:
    out, opening = [], True
    for word in words:
        if word == '"':
            out.append("\u201c" if opening else "\u201d")
            opening = not opening
        elif word == "'s":
            out.append("\u2019s")
        else:
            out.append(word)
    return out


def ner_docs(sentences: Iterable[NerSentence], vocab: Vocab, *, curly_share: float = 0.0, seed: int = 0) -> list[Doc]:
    """spaCy Docs of runs of sentences of one document, entities set from the BIO tags."""
    from spacy.tokens import Doc, Span

    rng = random.Random(seed)
    runs: list[list[NerSentence]] = []
    for sentence in sentences:
        if runs and runs[-1][0].document == sentence.document and len(runs[-1]) < NER_SENTENCES_PER_DOC:
            runs[-1].append(sentence)
        else:
            runs.append([sentence])
    docs = []
    for run in runs:
        curly = rng.random() < curly_share
        words: list[str] = []
        starts: list[bool | int | None] = []
        spans: list[tuple[int, int, str]] = []
        for sentence in run:
            offset = len(words)
            words.extend(_curly(sentence.words) if curly else sentence.words)
            starts.extend([True] + [False] * (len(sentence.words) - 1))
            spans.extend((offset + s, offset + e, label) for s, e, label in spans_from_bio(sentence.tags))
        doc = Doc(vocab, words=words, spaces=guess_spaces(words), sent_starts=starts)
        doc.ents = [Span(doc, s, e, label=label) for s, e, label in sorted(spans)]
        docs.append(doc)
    return docs


def ud_doc(sentences: Sequence[UdSentence], vocab: Vocab) -> Doc:
    """One spaCy Doc holding the given treebank sentences with all their annotation."""
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    starts: list[bool | int | None] = []
    for sentence in sentences:
        offset = len(words)
        for i, word in enumerate(sentence.words):
            words.append(word.form)
            spaces.append(word.space_after)
            tags.append(word.xpos)
            pos.append(word.upos)
            morphs.append(word.feats)
            lemmas.append(word.lemma)
            heads.append(offset + (word.head - 1 if word.head else i))
            deps.append("ROOT" if word.deprel == "root" else word.deprel)
            starts.append(i == 0)
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        sent_starts=starts,
    )


def prepare(plan: TrainingPlan) -> dict[str, Path]:
    """Convert the corpora to spaCy's binary format under ``plan.work``; returns the file paths."""
    import spacy
    from spacy.tokens import DocBin

    plan.check()
    plan.work.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("en").vocab
    files = {name: plan.work / f"{name}.spacy" for name in ("ner_train", "ner_dev", "ud_train", "ud_dev")}
    files["mentions"] = plan.work / "ner_mentions.json"
    train_docs = ner_docs(read_ner(plan.conll / "train.txt"), vocab, curly_share=CURLY_QUOTE_SHARE)
    DocBin(docs=train_docs).to_disk(files["ner_train"])
    files["mentions"].write_text(json.dumps(mention_pool(train_docs), ensure_ascii=False), encoding="utf-8")
    DocBin(docs=ner_docs(read_ner(plan.conll / "dev.txt"), vocab)).to_disk(files["ner_dev"])
    if plan.silver:  # spaCy reads every .spacy file of a training directory
        train_dir = plan.work / "ner_train"
        shutil.rmtree(train_dir, ignore_errors=True)
        train_dir.mkdir()
        shutil.move(files["ner_train"], train_dir / "conll_train.spacy")
        for number, silver in enumerate(plan.silver):
            shutil.copy(silver, train_dir / f"silver_{number}.spacy")
        files["ner_train"] = train_dir

    by_document: dict[str, list[UdSentence]] = {}
    for path in plan.ewt:
        for sentence in read_conllu(path):
            by_document.setdefault(f"{path.name}/{sentence.document}", []).append(sentence)
    ud_train: list[Doc] = []
    ud_dev: list[Doc] = []
    for number, (_, sentences) in enumerate(sorted(by_document.items())):
        doc = ud_doc(sentences, vocab)
        (ud_dev if number % UD_HOLDOUT_EVERY == 0 else ud_train).append(doc)
    if not ud_train or not ud_dev:
        raise EvalDataError(f"{plan.data}: the EWT files hold too few documents to train on")
    DocBin(docs=ud_train).to_disk(files["ud_train"])
    DocBin(docs=ud_dev).to_disk(files["ud_dev"])
    return files


def _train(config: Path, output: Path, files: dict[str, Path], kind: str, plan: TrainingPlan) -> Path:
    from spacy.cli.train import train as spacy_train

    from newsdossier.nlp import augment  # noqa: F401  (registers the mention-swap augmenter)

    overrides: dict[str, object] = {"paths.train": str(files[f"{kind}_train"]), "paths.dev": str(files[f"{kind}_dev"])}
    if kind == "ner":
        overrides["paths.mentions"] = str(files["mentions"])
    if kind == "ner" and plan.silver:
        overrides["training.max_steps"] = overrides["training.patience"] = SILVER_NER_STEPS
    if plan.max_steps is not None:
        overrides["training.max_steps"] = plan.max_steps
    section = "components.ner" if config.name == "ner.cfg" else "components.parser"
    overrides.update((key, value) for key, value in plan.overrides if key.split(".")[:2] == section.split(".")
                     or key.startswith(("training.", "system.")))
    spacy_train(config, output, overrides=overrides)
    best = output / "model-best"
    if not best.is_dir():
        raise ConfigError(f"spaCy training wrote no model to {best}")
    return best


EWT_DEV_TEST: Final = "UD English-EWT (dev and test)"
EWT_ALL: Final = "UD English-EWT (train, dev and test)"


def assemble(tagparse: Path, ner: Path, out: Path, *, silver: bool = False, treebank: str = EWT_DEV_TEST) -> Path:
    """Join the two trained pipelines behind the news tokenizer and sentence rules; save to ``out``
    with the SHA-256 manifest of its weight files."""
    import spacy

    from newsdossier.nlp.language import REPAIR_COMPONENT, SENTENCES_COMPONENT, news_tokenizer

    nlp = spacy.load(tagparse)
    ner_nlp = spacy.load(ner)
    nlp.add_pipe("ner", source=ner_nlp)
    nlp.add_pipe(SENTENCES_COMPONENT, before="parser")
    nlp.add_pipe(REPAIR_COMPONENT, after="parser")
    nlp.tokenizer = news_tokenizer(nlp)
    return save(nlp, out, silver=silver, treebank=treebank)


def replace_ner(ner: Path, out: Path) -> Path:
    """The bundled pipeline with its NER replaced by the one trained in ``ner`` (a ``model-best``
    directory), saved to ``out``: for swapping in an NER trained on its own (``bench/ner_student.py``)."""
    import spacy

    from newsdossier.nlp import load_pipeline

    nlp = load_pipeline()
    nlp.remove_pipe("ner")  # the last component
    nlp.add_pipe("ner", source=spacy.load(ner))
    return save(nlp, out, silver=True, treebank=nlp.meta.get("treebank", EWT_DEV_TEST))


def save_ner(pipeline: Path, out: Path) -> Path:
    """The NER of a saved pipeline (the bundled one, say) as a pipeline of its own, for :func:`assemble`."""
    import spacy

    from newsdossier.nlp import language  # noqa: F401  (the bundled pipeline's sentence component)

    source = spacy.load(pipeline)
    nlp = spacy.blank("en")
    nlp.add_pipe("ner", source=source)
    nlp.meta["performance"] = source.meta.get("performance", {})
    nlp.to_disk(out)
    return out


def save(nlp: Language, out: Path, *, silver: bool, treebank: str = EWT_DEV_TEST) -> Path:
    """Write an assembled pipeline with its name, version, sources and weight manifest."""
    ner_source = ("NER (PER, ORG, LOC, MISC) trained on CoNLL-2003 train and on news labelled by a "
                  "MiniLM teacher fine-tuned on CoNLL-2003 (bench/ner_teacher.py)."
                  if silver else "NER (PER, ORG, LOC, MISC) trained on CoNLL-2003.")
    nlp.meta.update(
        {
            "name": MODEL_NAME.removeprefix("en_"),
            "version": MODEL_VERSION,
            "description": "newsdossier's bundled English pipeline: news tokenizer, sentence rules and parse repairs, "
            f"tagger/morphologizer/lemmatizer/parser trained on {treebank}, " + ner_source,
            "treebank": treebank,
            "license": "CC BY-SA 4.0",
            "sources": [
                {"name": treebank, "url": "https://github.com/UniversalDependencies/UD_English-EWT", "license": "CC BY-SA 4.0"},
                {"name": "CoNLL-2003 English NER annotations", "url": "https://www.clips.uantwerpen.be/conll2003/ner/", "license": "annotations freely available; Reuters RCV1 text not redistributed"},
            ],
        }
    )
    if silver:
        nlp.meta["sources"] = [*nlp.meta["sources"], {
            "name": "all-MiniLM-L6-v2 (teacher only; its weights are not in this pipeline)",
            "url": "https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2", "license": "Apache-2.0"}]
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    write_manifest(out)
    return out


def write_manifest(model: Path) -> None:
    """SHA-256 of every weight file (``*/model``) of a saved pipeline, one ``digest  path`` line each."""
    lines = [f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(model).as_posix()}"
             for path in sorted(model.glob("*/model"))]
    (model / WEIGHTS_MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")


def train_model(plan: TrainingPlan) -> Path:
    """The whole recipe: prepare, train both pipelines, assemble; returns the model directory."""
    files = prepare(plan)
    tagparse = _train(CONFIG_DIR / "tagparse.cfg", plan.work / "tagparse", files, "ud", plan)
    if plan.keep_ner is not None:  # the kept pipeline's NER, as it was trained
        ner = save_ner(plan.keep_ner, plan.work / "kept_ner")
    else:
        ner = _train(CONFIG_DIR / "ner.cfg", plan.work / "ner", files, "ner", plan)
    dev_scores = {name: json.loads((path / "meta.json").read_text()).get("performance", {})
                  for name, path in (("tagparse", tagparse), ("ner", ner))}
    (plan.work / "dev_scores.json").write_text(json.dumps(dev_scores, indent=2, sort_keys=True))
    return assemble(tagparse, ner, plan.out, silver=bool(plan.silver) or plan.keep_ner is not None,
                    treebank=EWT_ALL if plan.ud_train else EWT_DEV_TEST)


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m newsdossier.nlp.train",
        description="Build the bundled English pipeline from ../shared/datasets (see this module's docstring).",
        epilog="Example:\n  python -m newsdossier.nlp.train --data ../shared/datasets",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--data", type=Path, default=Path("../shared/datasets"), help="the datasets folder")
    parser.add_argument("--work", type=Path, default=Path("build/nlp"), help="scratch folder (converted data, checkpoints)")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "model", help="where the pipeline is written")
    parser.add_argument("--max-steps", type=int, default=None, help="cap on training steps per pipeline")
    parser.add_argument("--silver", type=Path, nargs="*", default=[],
                        help="DocBin files of teacher-labelled news for the NER (make silver writes one)")
    parser.add_argument("--ud-train", type=Path, nargs="*", default=[],
                        help="more UD English .conllu files for the tagger and parser (EWT's en_ewt-ud-train.conllu)")
    parser.add_argument("--keep-ner", type=Path, default=None, metavar="PIPELINE",
                        help="train only the tagger and parser and keep this saved pipeline's NER (the bundled one: "
                             "src/newsdossier/nlp/model)")
    args = parser.parse_args(argv)
    out = train_model(TrainingPlan(args.data, args.work, args.out, max_steps=args.max_steps, silver=tuple(args.silver),
                                   ud_train=tuple(args.ud_train), keep_ner=args.keep_ner))
    print(f"wrote {out}; dev scores in {args.work / 'dev_scores.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
