"""A million-document provenance run: fingerprints, all three candidate channels, alignment.

Usage:
    .venv/bin/python bench/reuse_scale.py [--docs 1000000] [--workers 2] [--store PATH] [--json]

The pile is generated from BBC News raw sentences, deterministically from each document's
number, into a SQLite file (``--store``; made once, then reused, and not part of the timed
run), because the product reads its texts from a store too: the timed run streams them from
there and the worker processes fetch the texts they align by number. Documents come in
stories of 40 consecutive numbers; each story has 12 invented names of its own (no two
stories share one) that replace the capitalised words of its sentences, so articles of one
story share rare words the way real coverage does. Per document, by a hash of its number:

* 72 % original: 25 sentences spliced from two random BBC sentences each (about 550 words;
  no two originals share a sentence), names of its story;
* 15 % verbatim copy of the latest earlier original of its story;
* 7 % syndicated copy: the same without its last two sentences and one word changed;
* 3 % excerpt: its first 10 sentences;
* 3 % spun rewrite: 20 % of its longer words replaced by other words of the pool.

The run does what ``find_reuse`` does, with the same functions: ``fingerprint_all`` (in
``--workers`` processes), identical-text digests, sorted LSH banding (``first_holders``),
alignment of each banded document with its candidates until one links, then the anchor
and sentence channels over one voice per group with the word-sketch filter applied a block
at a time inside them (``keep=worth_aligning``, as ``find_reuse`` does), and alignment of
the pairs it keeps (in the worker processes too; ``--max-voice-pairs`` aligns a fixed sample
instead and extrapolates). The pairs the filter drops are checked against the generator:
how many were of one family. It reports the time of every stage, peak resident memory of the
main process, and how many derived documents were linked, with false links.

With ``--product N`` it runs ``find_reuse`` itself on the first N documents instead, held
in memory as ``Article`` objects (as ``newsdossier build`` holds a pile), and reports its
time, memory, recall and false links.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import resource
import sqlite3
import sys
import time
import zlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsdossier.reuse.align import TextView, align, view  # noqa: E402
from newsdossier.reuse.candidates import anchor_candidates, sentence_candidates, union, worth_aligning  # noqa: E402
from newsdossier.reuse.fingerprint import fingerprint_all  # noqa: E402
from newsdossier.reuse.minhash import first_holders  # noqa: E402
from newsdossier.reuse.relation import judge  # noqa: E402
from newsdossier.reuse.tokens import _BREAK  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "bbc_news_raw" / "bbc"
STORY = 40
NAMES = 12
KINDS = ((72, "original"), (87, "verbatim"), (94, "syndicated"), (97, "excerpt"), (100, "spun"))
_SYLLABLES = "ka ro mi te sul van dor eli pra zun hal ber qui nos tav lem gor ush fen ri".split()
_NAME_SPACE = len(_SYLLABLES) ** 5  # 3.2 M names of five syllables; a million documents use 300,000

_pool: list[list[str]] = []
_store: sqlite3.Connection | None = None


def _load_pool(data: Path) -> list[list[str]]:
    sentences = []
    for path in sorted(data.rglob("*.txt")):
        if path.name == "README.TXT":
            continue
        body = path.read_text(encoding="latin-1").split("\n", 1)[-1]
        sentences += [s.split() for s in _BREAK.split(body) if len(s.split()) >= 8]
    return sentences


def _init(data: Path) -> None:
    global _pool
    _pool = _load_pool(data)


def _open_store(store: Path) -> None:
    """A worker's read-only connection to the texts."""
    global _store
    _store = sqlite3.connect(f"file:{store}?mode=ro", uri=True, check_same_thread=False)


def _stored(n: int) -> str:
    assert _store is not None, "worker started without _open_store"
    row = _store.execute("SELECT body FROM texts WHERE n = ?", (n,)).fetchone()
    return str(row[0])


@lru_cache(maxsize=256)
def _source_view(n: int) -> TextView:
    """A source's alignment view, kept while its story's copies are aligned (``find_reuse``
    keeps every view it made; a worker here keeps the last 256)."""
    return view(_stored(n))


def kind(n: int) -> str:
    roll = zlib.crc32(n.to_bytes(8, "little")) % 100
    return next(name for limit, name in KINDS if roll < limit)


def source(n: int) -> int | None:
    """The latest earlier original of the same story, if any (a derived document's source)."""
    for m in range(n - 1, (n // STORY) * STORY - 1, -1):
        if kind(m) == "original":
            return m
    return None


def _names(story: int) -> list[str]:
    """The story's own names: numbers ``story * NAMES + k`` scattered over the name space by a
    multiplier prime to it (so no two stories share a name), spelled in syllables."""
    names = []
    for k in range(NAMES):
        code = ((story * NAMES + k) * 7919) % _NAME_SPACE
        syllables = []
        for _ in range(5):
            code, digit = divmod(code, len(_SYLLABLES))
            syllables.append(_SYLLABLES[digit])
        names.append("".join(syllables).capitalize())
    return names


def _original(n: int) -> list[str]:
    """25 sentences, each the first half of one pool sentence and the second half of another
    (so no two originals share a sentence), with the story's names for capitalised words."""
    rng = random.Random(n)
    names = _names(n // STORY)
    sentences = []
    for _ in range(25):
        head, tail = _pool[rng.randrange(len(_pool))], _pool[rng.randrange(len(_pool))]
        words = head[:len(head) // 2] + tail[len(tail) // 2:]
        sentences.append(" ".join(
            names[zlib.crc32(w.encode()) % NAMES] if k and w[:1].isupper() and w.isalpha() else w
            for k, w in enumerate(words)))
    return sentences


def text(n: int) -> str:
    """Document ``n`` of the pile."""
    what, origin = kind(n), source(n)
    if what == "original" or origin is None:
        return "\n\n".join(_original(n))
    sentences = _original(origin)
    if what == "verbatim":
        return "\n\n".join(sentences)
    rng = random.Random(n)
    if what == "syndicated":
        sentences = sentences[:-2]
        words = sentences[3].split()
        words[rng.randrange(len(words))] = "reportedly"
        sentences[3] = " ".join(words)
        return "\n\n".join(sentences)
    if what == "excerpt":
        return "\n\n".join(sentences[:10])
    spun = []
    for sentence in sentences:
        spun.append(" ".join(
            rng.choice(_pool[rng.randrange(len(_pool))]) if len(w) > 4 and w.isalpha() and rng.random() < 0.2 else w
            for w in sentence.split()))
    return "\n\n".join(spun)


def root(n: int) -> int:
    return n if kind(n) == "original" else (source(n) if source(n) is not None else n)


def all_roots(docs: int) -> np.ndarray:
    """``root(n)`` for every document, in one pass (``root`` searches back per document)."""
    roots = np.arange(docs, dtype=np.int64)
    latest = -1  # the latest original of the current story
    for n in range(docs):
        if n % STORY == 0:
            latest = -1
        if kind(n) == "original":
            latest = n
        elif latest >= 0:
            roots[n] = latest
    return roots


def _texts_of(ns: range) -> list[tuple[int, str]]:
    return [(n, text(n)) for n in ns]


def make_store(store: Path, docs: int, workers: int, data: Path) -> float:
    """Write the pile's texts to ``store`` (unless it already holds ``docs`` of them); the seconds taken."""
    if store.exists():
        with sqlite3.connect(store) as connection:
            if connection.execute("SELECT count(*) FROM texts").fetchone()[0] == docs:
                return 0.0
        store.unlink()
    started = time.perf_counter()
    connection = sqlite3.connect(store)
    connection.execute("CREATE TABLE texts (n INTEGER PRIMARY KEY, body TEXT NOT NULL)")
    context = multiprocessing.get_context("forkserver")
    with context.Pool(workers, initializer=_init, initargs=(data,)) as pool:
        batches = (range(lo, min(docs, lo + 2000)) for lo in range(0, docs, 2000))
        for rows in pool.imap(_texts_of, batches):
            connection.executemany("INSERT INTO texts VALUES (?, ?)", rows)
    connection.commit()
    connection.close()
    return time.perf_counter() - started


def _streamed(store: Path) -> Iterator[str]:
    """Every text in number order, as the product reads a pile from its store."""
    connection = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        for (body,) in connection.execute("SELECT body FROM texts ORDER BY n"):
            yield body
    finally:
        connection.close()


def _align_chain(task: tuple[int, list[int]]) -> tuple[int, int | None, str | None]:
    """Align document ``n`` with its candidates in order; the first that links."""
    n, candidates = task
    mine = view(_stored(n))
    for m in candidates:
        verdict = judge(align(_source_view(m), mine))
        if verdict.relation is not None:
            return n, m, verdict.relation.value
    return n, None, None


def _rss_mib(who: int) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def run(docs: int, workers: int, store: Path, max_voice_pairs: int) -> dict[str, object]:
    roots = all_roots(docs)  # the generator's truth, for checking what the filter drops (not timed)
    start_rss = _rss_mib(resource.RUSAGE_SELF)
    stages: dict[str, float] = {}
    peaks: dict[str, float] = {}
    started = time.perf_counter()
    prints = fingerprint_all(_streamed(store), workers=workers, count=docs)
    stages["fingerprints_s"] = time.perf_counter() - started
    peaks["fingerprints"] = _rss_mib(resource.RUSAGE_SELF)
    fingerprint_mib = round(sum(getattr(prints, f).nbytes for f in prints.__slots__) / 2**20, 1)

    mark = time.perf_counter()
    eligible = np.flatnonzero(prints.words >= 25)
    _, first_index, inverse = np.unique(prints.digests[eligible], return_index=True, return_inverse=True)
    first_same = eligible[first_index][inverse.ravel()]  # the first eligible document with the same words
    identical = first_same != eligible
    indexed = eligible[~identical]
    positions, firsts = first_holders(prints.bands, indexed)
    chains: dict[int, list[int]] = {}
    for position, first in zip(indexed[positions].tolist(), indexed[firsts].tolist(), strict=True):
        chains.setdefault(position, []).append(first)
    stages["banding_s"] = time.perf_counter() - mark
    peaks["banding"] = _rss_mib(resource.RUSAGE_SELF)

    links: dict[int, tuple[int, str]] = {}
    context = multiprocessing.get_context("forkserver")
    with context.Pool(workers, initializer=_open_store, initargs=(store,)) as pool:
        mark = time.perf_counter()
        for n, m, relation in pool.imap_unordered(_align_chain, sorted(chains.items()), chunksize=64):
            if m is not None and relation is not None:
                links[n] = (m, relation)
        stages["near_duplicate_alignment_s"] = time.perf_counter() - mark
        peaks["near_duplicate_alignment"] = _rss_mib(resource.RUSAGE_SELF)

        mark = time.perf_counter()
        voices = np.setdiff1d(indexed, np.fromiter(links, dtype=np.int64, count=len(links)))
        prints = prints.without("bands")  # as find_reuse: each column let go once used
        sketches, sizes = prints.sketches, prints.content_words
        considered, dropped_same_family = [0], [0]

        def worth(i: np.ndarray, j: np.ndarray) -> np.ndarray:
            """``worth_aligning``, as find_reuse asks it; also counts the pairs it is asked
            about and those it drops that the generator made of one family (a gather per block)."""
            first, second = voices[i], voices[j]
            kept = worth_aligning(first, second, sketches, sizes)
            considered[0] += len(kept)
            dropped_same_family[0] += int((roots[first[~kept]] == roots[second[~kept]]).sum())
            return kept

        shared = sentence_candidates(prints.sentence_values, prints.sentence_offsets, voices, keep=worth)
        peaks["sentence_channel"] = _rss_mib(resource.RUSAGE_SELF)
        prints = prints.without("sentence_values", "sentence_offsets")
        anchored = anchor_candidates(prints.anchor_values, prints.anchor_offsets, voices, keep=worth)
        peaks["anchor_channel"] = _rss_mib(resource.RUSAGE_SELF)
        pairs = union(anchored, shared)
        stages["channels_and_sketch_filter_s"] = time.perf_counter() - mark
        peaks["channels"] = _rss_mib(resource.RUSAGE_SELF)

        mark = time.perf_counter()
        sample = pairs
        if len(pairs) > max_voice_pairs:  # a deterministic sample, reported as such
            sample = pairs[np.sort(np.random.default_rng(1).choice(len(pairs), max_voice_pairs, replace=False))]
        tasks = [(int(voices[y]), [int(voices[x])]) for x, y in sample.tolist()]
        rewrites = [(n, m, r) for n, m, r in pool.imap_unordered(_align_chain, tasks, chunksize=64) if m is not None]
        stages["voice_pair_alignment_s"] = time.perf_counter() - mark
        peaks["voice_pair_alignment"] = _rss_mib(resource.RUSAGE_SELF)
    total = time.perf_counter() - started

    for i, first in zip(eligible[identical].tolist(), first_same[identical].tolist(), strict=True):
        links[i] = (first, "verbatim")
    derived = [n for n in range(docs) if kind(n) != "original" and source(n) is not None]
    linked_derived = {n for n in links if root(n) == root(links[n][0])}
    linked_derived |= {n for n, m, _ in rewrites if root(n) == root(m)} | {m for n, m, _ in rewrites if root(n) == root(m)}
    false_links = sum(root(n) != root(m) for n, (m, _) in links.items()) + sum(root(n) != root(m) for n, m, _ in rewrites)
    by_kind: dict[str, list[int]] = {}
    for n in derived:
        by_kind.setdefault(kind(n), [0, 0])[0] += 1
        by_kind[kind(n)][1] += n in linked_derived
    ms_per_pair = 1000 * stages["voice_pair_alignment_s"] * workers / max(1, len(tasks))
    candidates_s = stages["fingerprints_s"] + stages["banding_s"] + stages["channels_and_sketch_filter_s"]
    return {
        "docs": docs, "workers": workers, "rss_at_start_mib": start_rss,
        **{k: round(v, 1) for k, v in stages.items()},
        "total_s": round(total, 1),
        "fingerprints_and_candidates_s": round(candidates_s, 1),
        "fingerprint_docs_per_s": round(docs / stages["fingerprints_s"]),
        "fingerprints_and_candidates_docs_per_s": round(docs / candidates_s),
        "identical_texts": int(identical.sum()), "near_duplicate_chains": len(chains),
        "voices": len(voices), "anchor_pairs_kept": len(anchored), "sentence_pairs_kept": len(shared),
        "channel_pairs_asked": considered[0],  # a pair chosen from both of its sides is asked twice
        "voice_pairs_kept_by_sketches": len(pairs),
        "dropped_pairs_of_one_family": dropped_same_family[0],
        "voice_pairs_aligned": len(tasks), "rewrite_links": len(rewrites),
        "align_ms_per_voice_pair": round(ms_per_pair, 2),
        "all_voice_pairs_extrapolated_s": round(ms_per_pair * len(pairs) / 1000 / workers, 1),
        "recall_by_kind": {k: round(v[1] / v[0], 4) for k, v in sorted(by_kind.items())},
        "false_links": false_links,
        "fingerprint_arrays_mib": fingerprint_mib,
        "peak_rss_main_mib": _rss_mib(resource.RUSAGE_SELF), "peak_rss_main_mib_after": peaks,
    }


def run_product(docs: int, store: Path) -> dict[str, object]:
    """``find_reuse`` itself on the first ``docs`` documents of the store, held in memory as
    ``Article`` objects, as ``newsdossier build`` holds a pile: one process for the
    alignment, two for the fingerprints."""
    from newsdossier.model import Article, Format, PublicationDate, Status
    from newsdossier.reuse import find_reuse

    start_rss = _rss_mib(resource.RUSAGE_SELF)
    connection = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    articles = [Article(f"d{n:07d}", "", "", None, Format.TEXT, None, None, None, (), None, None,
                        PublicationDate(), Status.FULL, (), body, body)
                for n, body in connection.execute("SELECT n, body FROM texts WHERE n < ? ORDER BY n", (docs,))]
    connection.close()
    loaded_rss = _rss_mib(resource.RUSAGE_SELF)
    started = time.perf_counter()
    result = find_reuse(articles)
    elapsed = time.perf_counter() - started
    number = {a.id: int(a.id[1:]) for a in articles}
    linked = {number[end] for link in result.links for end in (link.source, link.target)}
    false_links = sum(root(number[link.source]) != root(number[link.target]) for link in result.links)
    by_kind: dict[str, list[int]] = {}
    for n in range(docs):
        if kind(n) != "original" and source(n) is not None:
            by_kind.setdefault(kind(n), [0, 0])[0] += 1
            by_kind[kind(n)][1] += n in linked
    return {"docs": docs, "find_reuse_s": round(elapsed, 1), "docs_per_s": round(docs / elapsed),
            "pairs_compared": result.pairs_compared, "links": len(result.links), "families": len(result.families),
            **result.counts,
            "recall_by_kind": {k: round(v[1] / v[0], 4) for k, v in sorted(by_kind.items())},
            "false_links": false_links, "rss_at_start_mib": start_rss, "rss_with_articles_mib": loaded_rss,
            "peak_rss_main_mib": _rss_mib(resource.RUSAGE_SELF)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--store", type=Path, default=None,
                        help="SQLite file of the generated texts (default: /tmp/newsdossier-scale-DOCS.sqlite)")
    parser.add_argument("--max-voice-pairs", type=int, default=1_000_000_000,
                        help="align at most this many anchor/sentence pairs (a fixed sample)")
    parser.add_argument("--product", type=int, default=0, metavar="N",
                        help="instead: run find_reuse itself on the first N documents, held in memory")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    store = args.store or Path(f"/tmp/newsdossier-scale-{args.docs}.sqlite")
    generated = make_store(store, args.docs, args.workers, args.data)
    measured = run_product(args.product, store) if args.product else run(args.docs, args.workers, store,
                                                                         args.max_voice_pairs)
    result = {"store": str(store), "generate_s_not_timed": round(generated, 1), **measured}
    print(json.dumps(result, indent=2) if args.json else "\n".join(f"{k:<40} {v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
