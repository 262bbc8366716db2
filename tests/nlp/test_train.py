"""The training recipe end to end on a tiny corpus: prepare, train both pipelines, assemble, load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdossier.errors import ConfigError
from newsdossier.nlp import WEIGHTS_MANIFEST, load_pipeline, verify_weights
from newsdossier.nlp.train import TrainingPlan, prepare, train_model

NER = """-DOCSTART- O

Peter B-PER
Blackburn I-PER
visited O
Brussels B-LOC
. O

The O
EU B-ORG
said O
no O
. O

"""

CONLLU = """# newdoc id = d{n}
# sent_id = s{n}
1\tJohn\tJohn\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_
2\tsleeps\tsleep\tVERB\tVBZ\tNumber=Sing\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""


def _datasets(root: Path) -> Path:
    (root / "ner" / "conll2003_en").mkdir(parents=True)
    (root / "ud_english").mkdir()
    for split in ("train", "dev"):
        (root / "ner" / "conll2003_en" / f"{split}.txt").write_text(NER * 3, encoding="utf-8")
    for split in ("dev", "test"):
        (root / "ud_english" / f"en_ewt-ud-{split}.conllu").write_text(
            "".join(CONLLU.format(n=f"{split}{i}") for i in range(12)), encoding="utf-8")
    return root


def test_plan_names_missing_data(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"training data not found: .*train.txt.*pass --data"):
        TrainingPlan(tmp_path, tmp_path / "work", tmp_path / "out").check()


def test_prepare_holds_out_treebank_documents(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    files = prepare(TrainingPlan(_datasets(tmp_path / "data"), tmp_path / "work", tmp_path / "out"))
    vocab = spacy.blank("en").vocab
    ner_docs = list(DocBin().from_disk(files["ner_train"]).get_docs(vocab))
    assert [(e.text, e.label_) for e in ner_docs[0].ents][:3] == [("Peter Blackburn", "PER"), ("Brussels", "LOC"),
                                                                   ("EU", "ORG")]
    mentions = json.loads(files["mentions"].read_text(encoding="utf-8"))  # the augmenter's pool of names
    assert mentions == {"LOC": [["Brussels"]], "ORG": [["EU"]], "PER": [["Peter", "Blackburn"]]}
    train = list(DocBin().from_disk(files["ud_train"]).get_docs(vocab))
    dev = list(DocBin().from_disk(files["ud_dev"]).get_docs(vocab))
    assert len(train) + len(dev) == 24 and 1 <= len(dev) <= 4
    assert [(t.text, t.dep_, t.head.text, t.tag_, t.lemma_) for t in train[0]][1] == ("sleeps", "ROOT", "sleeps",
                                                                                     "VBZ", "sleep")


def test_silver_documents_join_the_ner_training_documents(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin, Span

    vocab = spacy.blank("en").vocab
    silver_doc = spacy.blank("en")("Olaf Scholz met Ursula von der Leyen.")
    silver_doc.ents = [Span(silver_doc, 0, 2, "PER"), Span(silver_doc, 3, 7, "PER")]
    silver = tmp_path / "silver.spacy"
    DocBin(docs=[silver_doc]).to_disk(silver)
    files = prepare(TrainingPlan(_datasets(tmp_path / "data"), tmp_path / "work", tmp_path / "out", silver=(silver,)))
    assert files["ner_train"].is_dir()  # spaCy reads every .spacy file in it
    docs = [d for path in sorted(files["ner_train"].glob("*.spacy")) for d in DocBin().from_disk(path).get_docs(vocab)]
    names = {e.text for d in docs for e in d.ents}
    assert {"Peter Blackburn", "Olaf Scholz", "Ursula von der Leyen"} <= names
    dev = [e.text for d in DocBin().from_disk(files["ner_dev"]).get_docs(vocab) for e in d.ents]
    assert "Olaf Scholz" not in dev  # silver never reaches the checkpoint-picking set


def test_a_ud_train_file_joins_the_treebank_documents(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    data = _datasets(tmp_path / "data")
    extra = tmp_path / "en_ewt-ud-train.conllu"  # EWT's train file lives outside ../shared
    extra.write_text("".join(CONLLU.format(n=f"train{i}") for i in range(30)), encoding="utf-8")
    files = prepare(TrainingPlan(data, tmp_path / "work", tmp_path / "out", ud_train=(extra,)))
    vocab = spacy.blank("en").vocab
    train = list(DocBin().from_disk(files["ud_train"]).get_docs(vocab))
    dev = list(DocBin().from_disk(files["ud_dev"]).get_docs(vocab))
    assert len(train) + len(dev) == 54 and 4 <= len(dev) <= 7  # one document in ten picks the checkpoint
    with pytest.raises(ConfigError, match="nowhere.conllu"):
        TrainingPlan(data, tmp_path / "work", tmp_path / "out", ud_train=(tmp_path / "nowhere.conllu",)).check()


def test_plan_names_a_missing_silver_file(tmp_path: Path) -> None:
    plan = TrainingPlan(_datasets(tmp_path / "data"), tmp_path / "work", tmp_path / "out",
                        silver=(tmp_path / "nowhere.spacy",))
    with pytest.raises(ConfigError, match="nowhere.spacy"):
        plan.check()


@pytest.mark.quality  # slow: processes, big inputs or benchmark data (make quality)
def test_recipe_builds_a_loadable_pipeline(tmp_path: Path) -> None:
    import spacy

    from newsdossier.nlp import language  # noqa: F401  (the sentence component must be registered)

    out = train_model(TrainingPlan(_datasets(tmp_path / "data"), tmp_path / "work", tmp_path / "model", max_steps=2,
                                     overrides=(("components.parser.min_action_freq", 1),)))
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["tok2vec", "tagger", "morphologizer", "trainable_lemmatizer",
                              "newsdossier_sentences", "parser", "newsdossier_repair", "ner"]
    assert nlp.meta["name"] == "newsdossier" and nlp.meta["license"] == "CC BY-SA 4.0"
    doc = nlp("Abu Mahdi al-Muhandis left. He was killed.")
    assert [t.text for t in doc][:3] == ["Abu", "Mahdi", "al-Muhandis"]  # the news tokenizer was saved with it
    assert [s.text for s in doc.sents] == ["Abu Mahdi al-Muhandis left.", "He was killed."]
    # every weight file is pinned by its SHA-256, and a changed one is refused with its name
    pinned = (out / WEIGHTS_MANIFEST).read_text(encoding="utf-8").split()[1::2]
    assert pinned == sorted(p.relative_to(out).as_posix() for p in out.glob("*/model")) and "ner/model" in pinned
    verify_weights(out)
    assert load_pipeline(str(out)).pipe_names == nlp.pipe_names
    with (out / "ner" / "model").open("ab") as weights:
        weights.write(b"\0")
    with pytest.raises(ConfigError, match=r"ner/model: SHA-256 .* is not the pinned"):
        verify_weights(out)


@pytest.mark.quality  # slow: trains a tagger and parser
def test_keep_ner_trains_the_parser_and_keeps_a_pipelines_ner(tmp_path: Path) -> None:
    from newsdossier.nlp import BUNDLED_PATH

    out = train_model(TrainingPlan(_datasets(tmp_path / "data"), tmp_path / "work", tmp_path / "model", max_steps=2,
                                   keep_ner=BUNDLED_PATH, overrides=(("components.parser.min_action_freq", 1),)))
    assert (out / "ner" / "model").read_bytes() == (BUNDLED_PATH / "ner" / "model").read_bytes()
    assert (out / "parser" / "model").read_bytes() != (BUNDLED_PATH / "parser" / "model").read_bytes()
    assert load_pipeline(str(out)).pipe_names[-1] == "ner"


def test_the_bundled_pipeline_matches_its_pinned_weights() -> None:
    from newsdossier.nlp import BUNDLED_PATH

    verify_weights(BUNDLED_PATH)  # raises on any difference
    assert len((BUNDLED_PATH / WEIGHTS_MANIFEST).read_text(encoding="utf-8").splitlines()) == 6
