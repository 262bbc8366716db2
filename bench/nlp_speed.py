"""Speed of the NLP stage: words per second of the full pipeline over news text, load time, memory.

Usage:
    .venv/bin/python bench/nlp_speed.py [--docs 1000] [--processes 1 2] [--model bundled] [--json]

Texts are BBC News articles (../shared/datasets/bbc_news_raw, 2,225 articles of 2004-2005),
cycled to ``--docs``. Measured, each in a fresh child process so one run's memory and caches do
not help the next:

* ``load_seconds``: ``load_pipeline`` (spaCy import excluded, measured separately);
* for each number of processes: ``newsdossier.nlp.stage.analyse_to_bytes`` over all texts (the
  analysis and the bytes the store keeps, exactly what the build step runs); ``words`` are
  the tokens that are neither space nor punctuation, ``tokens`` all tokens but whitespace
  (spaCy's own speed tables count tokens); peak resident memory of this process
  (``ru_maxrss``) and the peak of the resident memory summed over this process and the
  forkserver's worker processes, sampled every 0.2 s from /proc.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import sys
import threading
import time
from pathlib import Path
from typing import Any

BBC = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "bbc_news_raw" / "bbc"


def _texts(docs: int) -> list[str]:
    files = sorted(BBC.glob("*/*.txt"))
    if not files:
        sys.exit(f"no BBC articles under {BBC}")
    base = [f.read_text(encoding="latin-1") for f in files]
    return [base[i % len(base)] for i in range(docs)]


def _rss_kib(pid: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_rss_kib(root: int, before: set[str]) -> int:
    """Resident memory of ``root`` plus every forkserver process started since ``before`` was taken."""
    total = _rss_kib(str(root))
    for pid in os.listdir("/proc"):
        if pid.isdigit() and pid not in before:
            try:
                if b"forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    total += _rss_kib(pid)
            except OSError:
                continue
    return total


def _run(model: str, processes: int, docs: int, queue: Any) -> None:
    started = time.perf_counter()
    import spacy  # noqa: F401

    imported = time.perf_counter()
    from newsdossier.nlp import load_pipeline
    from newsdossier.nlp.stage import analyse_to_bytes

    nlp = load_pipeline(model)
    loaded = time.perf_counter()
    texts = _texts(docs)
    tokens = sum(1 for doc in nlp.tokenizer.pipe(texts) for t in doc if not t.is_space)
    words = 0
    before = {pid for pid in os.listdir("/proc") if pid.isdigit()}
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], _tree_rss_kib(os.getpid(), before))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    began = time.perf_counter()
    for _, count in analyse_to_bytes(texts, model, processes=processes):
        words += count
    seconds = time.perf_counter() - began
    done.set()
    sampler.join()
    queue.put({"processes": processes, "docs": docs, "words": words, "tokens": tokens, "seconds": round(seconds, 2),
               "words_per_second": round(words / seconds), "tokens_per_second": round(tokens / seconds),
               "import_spacy_seconds": round(imported - started, 2), "load_seconds": round(loaded - imported, 2),
               "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
               "peak_total_rss_mib": round(peak[0] / 1024)})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--model", default="bundled")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = []
    context = multiprocessing.get_context("spawn")
    for processes in args.processes:
        queue = context.Queue()
        child = context.Process(target=_run, args=(args.model, processes, args.docs, queue))
        child.start()
        results.append(queue.get())
        child.join()
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for r in results:
            print(f"{r['processes']} process(es): {r['docs']} docs, {r['words']} words ({r['tokens']} tokens) in "
                  f"{r['seconds']} s = {r['words_per_second']} words/s ({r['tokens_per_second']} tokens/s); load "
                  f"{r['load_seconds']} s (+ spaCy import {r['import_spacy_seconds']} s); peak {r['peak_rss_mib']} MiB "
                  f"(with workers {r['peak_total_rss_mib']} MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
