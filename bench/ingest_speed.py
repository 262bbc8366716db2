"""Plain-text ingest + clean speed, and memory while streaming piles of growing size.

Usage:
    .venv/bin/python bench/ingest_speed.py [--data DIR] [--sizes 2000,10000,40000] [--json]

The input is the BBC News raw corpus (2,225 plain-text articles, ../shared/datasets/bbc_news_raw),
copied into a temporary pile as many times as a size needs; each copy gets a distinct first line so
that the content-hash de-duplication does not turn the copies into no-ops. For each size, a fresh
Python process measures:

* ``stream``: read_inputs -> prepare -> clean, in memory, no store: the cleaning path alone;
* ``build``: the whole `newsdossier build` (ingest into SQLite, prepare, furniture evidence, clean,
  dossier.json) — what a user waits for;

with articles/s and the process's peak resident memory. Flat memory means the peak does not grow
with the pile for ``stream``.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "bbc_news_raw" / "bbc"


def make_pile(source: Path, target: Path, size: int) -> int:
    articles = sorted(p for p in source.rglob("*.txt") if p.name != "README.TXT")
    if not articles:
        sys.exit(f"no .txt articles under {source}; pass --data")
    texts = [p.read_bytes() for p in articles]
    target.mkdir(parents=True)
    for n in range(size):
        folder = target / f"{n // 1000:04d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{n:07d}.txt").write_bytes(texts[n % len(texts)] + f"\n\nCopy {n}.\n".encode())
    return size


def measure(mode: str, pile: Path) -> dict[str, float]:
    """Run in a child process so peak memory belongs to this measurement alone."""
    sys.path.insert(0, str(REPO / "src"))
    started = time.perf_counter()
    if mode == "stream":
        from newsdossier.clean import clean, prepare
        from newsdossier.ingest import read_inputs
        from newsdossier.model import Rejection

        count = 0
        for item in read_inputs([pile]):
            if not isinstance(item, Rejection):
                clean(prepare(item))
                count += 1
    else:
        from newsdossier.pipeline import build

        with tempfile.TemporaryDirectory() as tmp:
            report = build([pile], db=Path(tmp) / "pile.db", out=Path(tmp) / "out")
        count = report.clean.articles
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": count, "seconds": round(seconds, 2), "articles_per_s": round(count / seconds, 1),
            "peak_rss_mib": round(peak_mib, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", default="2000,10000,40000")
    parser.add_argument("--modes", default="stream,build")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], Path(args.child[1]))))
        return
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        workdir = Path(tempfile.mkdtemp(prefix="nd-bench-"))
        try:
            make_pile(args.data, workdir / "pile", size)
            for mode in args.modes.split(","):
                out = subprocess.run([sys.executable, __file__, "--child", mode, str(workdir / "pile")],
                                     check=True, capture_output=True, text=True).stdout
                results.append({"size": size, "mode": mode, **json.loads(out)})
                if not args.json:
                    print(results[-1], flush=True)
        finally:
            shutil.rmtree(workdir)
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
