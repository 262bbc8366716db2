"""Speed of the reuse stage: fingerprints + candidates (ours vs datasketch), alignment per pair.

Usage:
    .venv/bin/python bench/reuse_speed.py [--data DIR] [--docs 5000] [--json]

Input: BBC News raw articles (../shared/datasets/bbc_news_raw), each cut or repeated to
500 words, with a distinct word per document so no two are identical. Measured in one run:

* ``newsdossier``: numpy MinHash (128 permutations, word 5-shingles) + LSH banding, 512
  texts at a time as the fingerprints run it (word hashes, shingles, signatures, band keys,
  sorted banding), on tokens made beforehand;
* ``datasketch``: the same tokens through datasketch's ``MinHash.update_batch`` +
  ``MinHashLSH`` (threshold 0.42 ~ 32 bands x 4 rows) — datasketch's per-document path;
* ``anchors``: the rare-word channel (candidates.py) over the same documents;
* ``fingerprints_and_candidates``: what ``find_reuse`` runs, in 1 and in 2 processes: one
  tokenisation into MinHash band keys, anchor and sentence hashes (fingerprint.py), then
  sorted banding and the anchor and sentence channels;
* ``align``: sentence alignment + judgement per candidate pair, on pairs of a document and a
  30 %-substituted rewrite of it (the expensive case) and on unrelated same-topic pairs.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsdossier.reuse.align import _align, align, view  # noqa: E402
from newsdossier.reuse.candidates import anchor_candidates, anchors_of, sentence_candidates  # noqa: E402
from newsdossier.reuse.fingerprint import fingerprint_all  # noqa: E402
from newsdossier.reuse.hashing import fold32, word_hashes  # noqa: E402
from newsdossier.reuse.minhash import MinHasher, band_keys, first_holders, shingle_hashes  # noqa: E402
from newsdossier.reuse.relation import judge  # noqa: E402
from newsdossier.reuse.tokens import tokenize  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "bbc_news_raw" / "bbc"
WORDS = 500


def load_texts(data: Path, docs: int) -> list[str]:
    sources = [p.read_text(encoding="latin-1") for p in sorted(data.rglob("*.txt")) if p.name != "README.TXT"]
    if not sources:
        sys.exit(f"no articles under {data}; pass --data")
    texts = []
    for n in range(docs):
        words = sources[n % len(sources)].split()
        words = (words * (WORDS // max(1, len(words)) + 1))[:WORDS - 1] + [f"doc{n}"]
        texts.append(" ".join(words))
    return texts


def bench_fingerprints(texts: list[str]) -> dict[str, float]:
    started = time.perf_counter()
    forms = [tokenize(t).forms for t in texts]
    tokenised = time.perf_counter() - started
    started = time.perf_counter()
    hasher, n = MinHasher(), len(texts)
    keys = []
    for lo in range(0, n, 512):  # as the fingerprints do it: a chunk of texts at a time
        part = forms[lo:lo + 512]
        words = np.concatenate([word_hashes(f) for f in part])
        owners = np.repeat(np.arange(len(part), dtype=np.int64), [len(f) for f in part])
        keys.append(band_keys(hasher.signatures(*shingle_hashes(words, owners), len(part))))
    positions, _ = first_holders(np.concatenate(keys), np.arange(n, dtype=np.int64))
    pairs = len(set(positions.tolist()))
    ours = time.perf_counter() - started
    from datasketch import MinHash, MinHashLSH  # here: worker processes import this script, keep that light
    started = time.perf_counter()
    lsh = MinHashLSH(threshold=0.42, num_perm=128)
    for i, f in enumerate(forms):
        m = MinHash(num_perm=128)
        m.update_batch([" ".join(f[k:k + 5]).encode() for k in range(len(f) - 4)])
        lsh.query(m)
        lsh.insert(str(i), m)
    theirs = time.perf_counter() - started
    started = time.perf_counter()
    anchor_keys = [np.unique(fold32(word_hashes(sorted(anchors_of(f))))) for f in forms]
    offsets = np.concatenate([[0], np.cumsum([len(k) for k in anchor_keys])]).astype(np.int64)
    anchor_pairs = anchor_candidates(np.concatenate(anchor_keys), offsets)
    anchors = time.perf_counter() - started
    product = {}
    for workers in (1, 2):  # what find_reuse runs: one tokenisation, all three channels' fingerprints
        started = time.perf_counter()
        prints = fingerprint_all(texts, workers=workers, count=n)
        first_holders(prints.bands, np.arange(n, dtype=np.int64))
        anchor_candidates(prints.anchor_values, prints.anchor_offsets)
        sentence_candidates(prints.sentence_values, prints.sentence_offsets)
        product[f"fingerprints_and_candidates_{workers}_process_docs_per_s"] = round(n / (time.perf_counter() - started))
    return {**product, "docs": n, "tokenise_docs_per_s": round(n / tokenised), "newsdossier_minhash_lsh_docs_per_s":
            round(n / ours), "newsdossier_with_tokenise_docs_per_s": round(n / (ours + tokenised)),
            "datasketch_minhash_lsh_docs_per_s": round(n / theirs), "anchor_channel_docs_per_s": round(n / anchors),
            "lsh_candidate_docs": pairs, "anchor_candidate_pairs": len(anchor_pairs)}


def spin(text: str, rate: float, rng: random.Random) -> str:
    words = text.split()
    vocabulary = sorted({w for w in words if w.isalpha() and len(w) > 3})
    return " ".join(rng.choice(vocabulary) if w.isalpha() and len(w) > 3 and rng.random() < rate else w
                    for w in words)


def bench_alignment(texts: list[str], pairs: int) -> dict[str, float]:
    rng = random.Random(1)
    sentences = [t.replace(" ", ". ", 1) for t in texts[:pairs]]  # real sentence breaks come from the text
    spun = [(view(t), view(spin(t, 0.3, rng))) for t in sentences]
    unrelated = [(view(texts[i]), view(texts[i + 1])) for i in range(pairs)]
    result = {}
    for name, cases in (("spun_30pct", spun), ("unrelated", unrelated)):
        started = time.perf_counter()
        verdicts = [judge(align(a, b)).relation for a, b in cases]
        elapsed = time.perf_counter() - started
        result[f"align_ms_per_pair_{name}"] = round(1000 * elapsed / len(cases), 2)
        result[f"linked_share_{name}"] = round(sum(v is not None for v in verdicts) / len(cases), 3)
    # A near-duplicate (one word changed), with and without pairing word-for-word sentences at once.
    copies = [(view(t), view(t.replace(" the ", " a ", 1))) for t in sentences]
    for name, exact_first in (("near_duplicate", True), ("near_duplicate_without_shortcut", False)):
        started = time.perf_counter()
        for a, b in copies:
            _align(a, b, exact_first=exact_first)
        result[f"align_ms_per_pair_{name}"] = round(1000 * (time.perf_counter() - started) / len(copies), 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    texts = load_texts(args.data, args.docs)
    result = {**bench_fingerprints(texts), **bench_alignment(texts, args.pairs)}
    print(json.dumps(result, indent=2) if args.json else "\n".join(f"{k:<40} {v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
