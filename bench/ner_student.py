"""Issue #21: the bundled CNN NER trained again on CoNLL-2003 train plus the teacher's silver labels,
without retraining the tagger and parser (``make model SILVER=...`` retrains everything the same way).

    python bench/ner_student.py --data ../shared/datasets --silver silver.spacy --work build/student
    python bench/ner_student.py --work build/student --assemble NER_MODEL   # only swap a trained NER in

Writes ``WORK/pipeline``: the bundled pipeline with its NER replaced by the student, ready for
``newsdossier eval ner --nlp-model WORK/pipeline``. The teacher and its silver labels come from
``bench/ner_teacher.py`` (``make silver``). Same config as the bundled NER (``nlp/configs/ner.cfg``)
with :data:`~newsdossier.nlp.train.SILVER_NER_STEPS` steps; CoNLL dev picks the checkpoint.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def main() -> None:
    from newsdossier.nlp.train import CONFIG_DIR, TrainingPlan, _train, prepare, replace_ner

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/datasets"), help="../shared/datasets")
    parser.add_argument("--silver", type=Path, nargs="*", default=[], help="DocBin files of silver-labelled texts")
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--steps", type=int, default=None, help="training steps (default: SILVER_NER_STEPS)")
    parser.add_argument("--assemble", type=Path, metavar="NER_MODEL",
                        help="only put this trained NER (a model-best directory) into the bundled pipeline")
    args = parser.parse_args()
    ner = args.assemble
    if ner is None:
        plan = TrainingPlan(args.data, args.work / "corpora", args.work / "unused", max_steps=args.steps,
                            silver=tuple(args.silver))
        ner = _train(CONFIG_DIR / "ner.cfg", args.work / "ner", prepare(plan), "ner", plan)
    print(f"wrote {replace_ner(ner, args.work / 'pipeline')}")


if __name__ == "__main__":
    main()
