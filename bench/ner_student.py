"""Issue #21 experiment: the bundled CNN NER trained again on CoNLL-2003 train plus the teacher's silver labels.

    python bench/ner_student.py --data ../shared/datasets --silver silver.spacy --work build/student --steps 8000

Writes ``WORK/pipeline``: the bundled pipeline with its NER replaced by the student, ready for
``newsdossier eval ner --nlp-model WORK/pipeline``. The teacher and its silver labels come from
``bench/ner_teacher.py``. Same config as the bundled NER (``nlp/configs/ner.cfg``), CoNLL dev
picks the checkpoint; only the training documents and the number of steps differ.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="../shared/datasets")
    parser.add_argument("--silver", type=Path, nargs="*", default=[], help="DocBin files of silver-labelled texts")
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--steps", type=int, default=8000)
    parser.add_argument("--assemble", type=Path, metavar="NER_MODEL",
                        help="only put this trained NER (a model-best directory) into the bundled pipeline")
    args = parser.parse_args()
    if args.assemble:
        assemble(args.assemble, args.work / "pipeline")
        return

    from spacy.cli.train import train as spacy_train

    from newsdossier.nlp import augment  # noqa: F401  (registers the mention-swap augmenter)
    from newsdossier.nlp.train import CONFIG_DIR, TrainingPlan, prepare

    files = prepare(TrainingPlan(args.data, args.work / "corpora", args.work / "unused"))
    train_dir = args.work / "train"
    shutil.rmtree(train_dir, ignore_errors=True)
    train_dir.mkdir(parents=True)
    shutil.copy(files["ner_train"], train_dir / "conll_train.spacy")
    for n, silver in enumerate(args.silver):
        shutil.copy(silver, train_dir / f"silver_{n}.spacy")
    overrides = {"paths.train": str(train_dir), "paths.dev": str(files["ner_dev"]),
                 "paths.mentions": str(files["mentions"]), "training.max_steps": args.steps,
                 "training.patience": args.steps}
    spacy_train(CONFIG_DIR / "ner.cfg", args.work / "ner", overrides=overrides)
    assemble(args.work / "ner" / "model-best", args.work / "pipeline")


def assemble(ner: Path, out: Path) -> None:
    """The bundled pipeline with its last component, the NER, replaced by ``ner``; written to ``out``."""
    import spacy

    from newsdossier.nlp import load_pipeline

    nlp = load_pipeline("bundled")
    nlp.remove_pipe("ner")  # the last component of the bundled pipeline
    nlp.add_pipe("ner", source=spacy.load(ner))
    nlp.meta["version"] = "0.1.0-student"
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
