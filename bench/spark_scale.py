"""Scaling of the Spark build (issue #27): throughput on local[1] and local[2], and per core against the local build.

Usage:
    .venv/bin/python bench/spark_scale.py --work /tmp/spark-scale [--docs 10000,100000] [--masters local[1],local[2]]
        [--partitions 8] [--conf KEY=VALUE] [--no-local] [--json]

For each ``--docs`` N it writes N documents as JSON Lines shards of 1,000 records under ``--work``
(made once, then reused): the texts of ``bench/reuse_scale.py`` (stories of 40 documents spliced from
BBC News raw sentences; 72 % originals, then verbatim, syndicated, excerpt and spun copies of them),
each record with a URL on one of 50 invented sites. Then, each in a fresh process, timed from start to
exit:

* ``newsdossier spark build SHARDS --no-nlp --master M --partitions P`` for every ``--masters`` M:
  read, clean, fingerprint, group, align, families, tables written (JVM start included);
* the local build's same stages (``steps.ingest_into``, ``prepare_pile``, ``fit_recurring``,
  ``clean_pile``, ``store_articles`` and ``find_reuse``, its process pools as wide as the machine), into
  a fresh SQLite pile, unless ``--no-local``.

It reports documents per second of each, the CPU seconds of each Spark run's process tree (the JVM and
Spark's Python workers included, read from ``/proc``: on a 2-core machine local[1] already uses more
than one core), the ratio of the last master's to the first's (the issue's
scaling goal: local[2] at least 1.8 times local[1]), and the Spark path's throughput per core against
the local path's (goal at least 0.7; the local build's cores are ``os.cpu_count()``), with the Spark
job's own stage times from its summary line.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
SHARD = 1000
SITES = 50


def make_pile(folder: Path, docs: int, data: Path) -> Path:
    """``docs`` documents as JSON Lines shards in ``folder`` (kept when a complete one is there)."""
    done = folder / "COMPLETE"
    if done.exists() and done.read_text() == str(docs):
        return folder
    import reuse_scale

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    reuse_scale._init(data)
    for start in range(0, docs, SHARD):
        with (folder / f"shard-{start // SHARD:05d}.jsonl").open("w", encoding="utf-8") as out:
            for n in range(start, min(docs, start + SHARD)):
                record = {"url": f"https://site{n % SITES}.example/news/{n}", "title": f"Report {n}",
                          "text": reuse_scale.text(n)}
                out.write(json.dumps(record) + "\n")
    done.write_text(str(docs))
    return folder


def _tree_cpu(root: int) -> dict[int, float]:
    """CPU seconds so far of ``root`` and each of its descendants (``/proc``: each process's own user
    and system time; the time of children it waited for is theirs, read while they ran)."""
    parents, cpu = {}, {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it ended meanwhile
        parents[int(entry)] = int(fields[1])
        cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    tree, grew = {root}, True
    while grew:
        found = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= found
        grew = bool(found)
    return {pid: cpu[pid] for pid in tree if pid in cpu}


def _timed(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds of the whole process tree (the JVM and Spark's Python workers are its
    descendants, but not reaped by it, so ``RUSAGE_CHILDREN`` misses them: the tree is read from
    ``/proc`` every half second, each process's last reading kept: up to half a second of a process is
    missed after its last reading), and the output of ``command``."""
    started = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
        seen: dict[int, float] = {}
        reader = ThreadPoolExecutor(2)
        out, err = reader.submit(child.stdout.read), reader.submit(child.stderr.read)  # type: ignore[union-attr]
        while child.poll() is None:
            seen.update(_tree_cpu(child.pid))
            time.sleep(0.5)
        stdout, stderr = out.result(), err.result()
        reader.shutdown()
    seconds = time.perf_counter() - started
    if child.returncode not in (0, 3):  # 3: some input rejected, which a generated pile never has
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{stderr[-3000:]}")
    return seconds, sum(seen.values()), stdout


def spark_run(pile: Path, out: Path, master: str, partitions: int, conf: list[str]) -> dict[str, object]:
    shutil.rmtree(out, ignore_errors=True)
    seconds, cpu, stdout = _timed([str(REPO / ".venv" / "bin" / "newsdossier"), "spark", "build", str(pile), "--out", str(out),
                              "--master", master, "--partitions", str(partitions), "--no-nlp", "--quiet",
                              *[part for setting in conf for part in ("--conf", setting)]])
    stages = {name: float(value) for name, value in
              re.findall(r"([a-z][a-z ]*?) ([0-9.]+)(?:,|$)", stdout.split("seconds: ", 1)[-1].splitlines()[0])}
    articles = re.search(r"([0-9,]+) articles", stdout)
    return {"master": master, "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1), "stages": stages,
            "articles": int(articles.group(1).replace(",", "")) if articles else None}


def local_run(pile: Path, db: Path) -> dict[str, object]:
    db.unlink(missing_ok=True)
    seconds, cpu, stdout = _timed([sys.executable, __file__, "_local", str(pile), str(db)])
    return {"seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1), "cores": os.cpu_count(), **json.loads(stdout)}


def _local(pile: str, db: str) -> None:
    from newsdossier import steps
    from newsdossier.reuse import find_reuse
    from newsdossier.store import Store

    with Store.open(Path(db)) as store:
        steps.ingest_into(store, store.start_run("build"), [pile])
        steps.prepare_pile(store)
        cleaned, _ = steps.clean_pile(store, steps.fit_recurring(store))
        articles = steps.store_articles(store, cleaned)
        reuse = find_reuse(articles)
        print(json.dumps({"articles": len(articles), "links": len(reuse.links), "families": len(reuse.families)}))


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "_local":
        _local(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--docs", default="10000", help="comma-separated pile sizes (default 10000)")
    parser.add_argument("--masters", default="local[1],local[2]")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "datasets" / "bbc_news_raw" / "bbc")
    parser.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                        help="a Spark setting for every run (e.g. spark.driver.memory=8g)")
    parser.add_argument("--no-local", action="store_true", help="skip the local build's run")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = []
    for docs in (int(n) for n in args.docs.split(",")):
        pile = make_pile(args.work / f"pile-{docs}", docs, args.data)
        runs = []
        for master in args.masters.split(","):
            runs.append(spark_run(pile, args.work / "tables", master, args.partitions, args.conf))
            if not args.json:  # each run as it lands: at 100,000 documents one takes over twenty minutes
                print(f"  {docs:,} documents, {master}: {runs[-1]['seconds']} s", flush=True)
        result: dict[str, object] = {"docs": docs, "spark": runs}
        for run in runs:
            run["docs_per_second"] = round(docs / float(run["seconds"]), 1)  # type: ignore[arg-type]
        first, last = runs[0], runs[-1]
        result["scaling"] = round(float(first["seconds"]) / float(last["seconds"]), 2)  # type: ignore[arg-type]
        if not args.no_local:
            local = local_run(pile, args.work / "local.db")
            local["docs_per_second"] = round(docs / float(local["seconds"]), 1)  # type: ignore[arg-type]
            result["local"] = local
            cores = int(re.search(r"\[(\d+)\]", str(last["master"])).group(1))  # type: ignore[union-attr]
            per_core_spark = float(last["docs_per_second"]) / cores  # type: ignore[arg-type]
            per_core_local = float(local["docs_per_second"]) / int(str(local["cores"]))  # type: ignore[arg-type]
            result["per_core_vs_local"] = round(per_core_spark / per_core_local, 3)
        results.append(result)
        if not args.json:
            print(f"{docs:,} documents: " + "; ".join(f"{r['master']} {r['seconds']} s ({r['docs_per_second']}/s)"
                                                      for r in runs)
                  + f"; scaling {result['scaling']}x"
                  + (f"; local {result['local']['seconds']} s, Spark per core / local per core "  # type: ignore[index]
                     f"{result['per_core_vs_local']}" if "local" in result else ""), flush=True)
            for r in runs:
                print(f"  {r['master']} CPU {r['cpu_seconds']} s; stages: {r['stages']}", flush=True)
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
