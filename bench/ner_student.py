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
    args = parser.parse_args()

    import spacy
    from spacy.cli.train import train as spacy_train

    from newsdossier.nlp import augment  # noqa: F401  (registers the mention-swap augmenter)
    from newsdossier.nlp import load_pipeline
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
    nlp = load_pipeline("bundled")
    student = spacy.load(args.work / "ner" / "model-best")
    position = nlp.pipe_names.index("ner")
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=student, before=nlp.pipe_names[position] if position < len(nlp.pipe_names) else None)
    nlp.to_disk(args.work / "pipeline")
    print(f"wrote {args.work / 'pipeline'}")


if __name__ == "__main__":
    main()
