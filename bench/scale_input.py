"""Scale of input (issue #26): a 10,000-file folder, 200 MB files, a 1 GB JSON Lines stream.

Usage:
    .venv/bin/python bench/scale_input.py --work /tmp/scale [--files 10000] [--jsonl-mb 250,1000]
        [--warc-mb 50,200] [--text-mb 200] [--no-build] [--json]

Generates into ``--work`` (re-used when already there; ``manifest.json`` says what was made):

* ``folder/``: ``--files`` articles (70% .txt, 20% .html pages, 10% news-please .json records) built
  from the BBC News raw corpus (../shared/datasets/bbc_news_raw) with a seeded variation (paragraph
  order, a paragraph from another article, a dateline, a byline), so every one is a distinct document;
  plus 21 bad files: empty, binary, undecodable, malformed JSON, JSON without a body, a 21 MiB text
  file, a JSON Lines file with one bad line, and two unsupported endings (.docx, .pdf) that a folder
  walk skips without a word (docs/input-formats.md);
* ``big.txt``: one ``--text-mb`` plain-text file, to be refused ``too-large`` by size, unread;
* ``pages-<N>mb.warc``: uncompressed WARCs of article pages (each with a request record, plus a
  404, an image and, every 2,000 pages, a page in no plausible encoding), one per ``--warc-mb``;
* ``records-<N>mb.jsonl``: news-please records, one per ``--jsonl-mb``, with 50 bad lines spread
  evenly through each (cut, not an object, not UTF-8, no body).

Then each input is read by ``newsdossier ingest`` into a fresh pile, in a subprocess with stdout
and stderr captured (not a terminal, so progress comes as log lines), and the folder also by a
full ``newsdossier build`` (stopped after ``--build-timeout`` seconds). For each run it records wall
time, documents read, rejections (the summary's count; how many the command's output lists; how
many the pile's ``rejections`` table holds; whether every bad input the generator made is there with
its reason), progress lines, and peak resident memory: ``ru_maxrss`` of that one child from
``os.wait4`` (the largest single process; a build's worker processes are its descendants) and the
sampled total of the process tree from /proc (workers included).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "bbc_news_raw" / "bbc"
MIB = 1024 * 1024
SEED = 26  # the issue's number: any fixed seed makes the inputs repeatable
BAD_JSONL_LINES = 50
FILES_PER_SUBFOLDER = 1000
RSS_SAMPLE_SECONDS = 0.2

PROGRESS_LINE = re.compile(r"^[a-z][a-z ]*: [\d,]+( of [\d,]+)? articles$")
SUMMARY_LINE = re.compile(r"^read (\d+) document\(s\), (\d+) new; rejected (\d+) input\(s\)")
MORE_LINE = re.compile(r"^  \.\.\. and (\d+) more")

NAMES = ("Jane Doe", "Ali Hassan", "Maria Rossi", "Tom Baker", "Priya Nair", "Chen Wei", "Olga Petrova",
         "Sam Okafor", "Lucy Grant", "Pedro Alves", "Hanna Berg", "Yusuf Demir")
PLACES = ("LONDON", "BRUSSELS", "NEW YORK", "PARIS", "BERLIN", "GENEVA", "TOKYO", "CAIRO", "MADRID")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
OUTLETS = ("bbc.co.uk", "example-news.com", "dailywire.example", "herald.example.org")
# About 12 KB of site furniture around each page's article, so a page weighs what a small real one
# does (Zyte benchmark: median 114 KB, mostly scripts and styles; 12 KB keeps the page count high).
MENU = "".join(f'<li><a href="/section/{n}">Section {n}</a></li>' for n in range(120))
FOOTER = "<p>" + "Copyright, terms of use, privacy policy, cookies, contact us. " * 60 + "</p>"


# ---------------------------------------------------------------- articles


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    paragraphs: tuple[str, ...]
    category: str


def load_sources(data: Path) -> list[Source]:
    sources = []
    for path in sorted(data.glob("*/*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")  # a few BBC files are Latin-1 (the £ sign)
        title, _, body = text.strip().partition("\n")
        paragraphs = tuple(p.strip() for p in body.split("\n\n") if p.strip())
        if paragraphs:
            sources.append(Source(title.strip(), paragraphs, path.parent.name))
    if not sources:
        sys.exit(f"no BBC articles under {data}; pass --data")
    return sources


@dataclass(frozen=True, slots=True)
class Variant:
    """One generated article: a BBC story reworked by a seeded random draw."""

    title: str
    byline: str
    date: str
    paragraphs: tuple[str, ...]

    def text(self) -> str:
        return f"{self.title}\n\nBy {self.byline}\n{self.date}\n\n" + "\n\n".join(self.paragraphs) + "\n"

    def html(self) -> str:
        body = "".join(f"<p>{p}</p>" for p in self.paragraphs)
        return (f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{self.title}</title></head><body>"
                f"<nav><ul>{MENU}</ul></nav><article><h1>{self.title}</h1><p class=\"byline\">By {self.byline}"
                f"</p><time>{self.date}</time>{body}</article><footer>{FOOTER}</footer></body></html>")


def make_variant(sources: list[Source], rng: random.Random) -> Variant:
    source = rng.choice(sources)
    lead, rest = source.paragraphs[0], list(source.paragraphs[1:])
    rng.shuffle(rest)
    if len(rest) > 3:
        rest.pop(rng.randrange(len(rest)))
    other = rng.choice(sources)
    rest.insert(rng.randrange(len(rest) + 1), rng.choice(other.paragraphs))
    day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2003, 2006)
    dateline = f"{rng.choice(PLACES)}, {day} {month} -"
    return Variant(title=source.title, byline=rng.choice(NAMES), date=f"{day} {month} {year}",
                   paragraphs=(f"{dateline} {lead}", *rest))


def news_please_record(variant: Variant, url: str) -> dict[str, Any]:
    return {"maintext": "\n\n".join(variant.paragraphs), "url": url, "title": variant.title,
            "date_publish": variant.date, "source_domain": url.split("/")[2], "authors": [variant.byline]}


# ---------------------------------------------------------------- the folder


def make_folder(folder: Path, sources: list[Source], files: int, rng: random.Random) -> list[dict[str, str]]:
    """``files`` distinct articles in subfolders of 1,000, then the bad files; returns the expected rejections."""
    seen: set[str] = set()
    for n in range(files):
        sub = folder / f"{n // FILES_PER_SUBFOLDER:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        variant = make_variant(sources, rng)
        while variant.text() in seen:  # distinct documents, so none is a content-hash no-op
            variant = make_variant(sources, rng)
        seen.add(variant.text())
        kind = n % 10
        if kind < 7:
            (sub / f"{n:06d}.txt").write_text(variant.text(), encoding="utf-8")
        elif kind < 9:
            (sub / f"{n:06d}.html").write_text(variant.html(), encoding="utf-8")
        else:
            record = news_please_record(variant, f"https://{rng.choice(OUTLETS)}/news/{n}")
            (sub / f"{n:06d}.json").write_text(json.dumps(record), encoding="utf-8")
    return write_bad_files(folder)


def write_bad_files(folder: Path) -> list[dict[str, str]]:
    """21 bad files spread over the subfolders; the 19 the reader must reject, with their reasons."""
    ok = json.dumps({"text": "A good record.", "title": "Good"})
    bad: list[tuple[str, bytes, str | None]] = [
        ("empty.txt", b"", "empty"), ("blank.txt", b" \n\t\n", "empty"),
        ("empty.html", b"", "empty"), ("empty.json", b"", "empty"),
        ("nul.txt", b"Title\x00\x00\x00" * 100, "binary"),
        ("image.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "binary"),
        ("control.txt", bytes(range(1, 32)) * 200, "binary"),
        ("utf16-no-bom.txt", "Headline\n\nSome words of text here.\n".encode("utf-16-le") * 20, "binary"),
        ("garbage.txt", bytes(range(0x80, 0x100)) * 8, "undecodable"),
        ("garbage.html", bytes(range(0x80, 0x100)) * 8, "undecodable"),
        ("latin1.json", '{"text": "Caf\u00e9 au lait, na\u00efve r\u00e9sum\u00e9"}'.encode("cp1252"), "undecodable"),
        ("report.docx", b"PK\x03\x04" + bytes(500), None), ("scan.pdf", b"%PDF-1.4\n" + bytes(500), None),
        ("cut.json", b'{"text": "The minister said', "malformed-json"),
        ("trailing-comma.json", b'{"text": "Words.",}', "malformed-json"),
        ("not-an-object.json", b'"just a string"', "malformed-json"),
        ("broken-array.json", f"[{ok}, {{\"text\": ".encode(), "malformed-json"),
        ("no-body.json", b'{"title": "A title and nothing else"}', "no-text"),
        ("empty-body.json", b'{"text": "   ", "url": "https://example.com/x"}', "no-text"),
        ("huge.txt", b"Words of a mis-named dump.\n" * (21 * MIB // 27 + 1), "too-large"),
        ("mixed.jsonl", f"{ok}\n{{bad line\n{ok.replace('good', 'second')}\n{ok.replace('good', 'third')}\n".encode(),
         "malformed-json"),
    ]
    subfolders = sorted(p for p in folder.iterdir() if p.is_dir())
    expected = []
    for n, (name, data, reason) in enumerate(bad):
        path = subfolders[n % len(subfolders)] / f"bad-{name}"
        path.write_bytes(data)
        if reason:
            expected.append({"path": str(path), "reason": reason})
    return expected


# ---------------------------------------------------------------- big files


def make_big_text(path: Path, megabytes: int, sources: list[Source]) -> None:
    block = "\n\n".join(f"{s.title}\n\n" + "\n\n".join(s.paragraphs) for s in sources[:200]).encode()
    with path.open("wb") as out:
        while out.tell() < megabytes * MIB:
            out.write(block)


def make_warcs(paths: dict[int, Path], sources: list[Source], rng: random.Random) -> dict[str, Any]:
    """One pass writes every size: each archive stops taking pages once it reaches its size."""
    outs = {mb: path.open("wb") for mb, path in paths.items()}
    writers = {mb: WARCWriter(out, gzip=False) for mb, out in outs.items()}
    counts = {mb: {"pages": 0, "undecodable": 0} for mb in paths}
    for writer in writers.values():
        writer.write_record(writer.create_warcinfo_record("pages.warc", {"software": "bench/scale_input.py"}))
    n = 0
    while open_sizes := [mb for mb in outs if outs[mb].tell() < mb * MIB]:
        n += 1
        page, bad = warc_page(n, sources, rng)
        url = f"https://{OUTLETS[n % len(OUTLETS)]}/news/{n}"
        for mb in open_sizes:
            write_exchange(writers[mb], url, page, "text/html; charset=utf-8" if not bad else "text/html")
            counts[mb]["pages"] += 1
            counts[mb]["undecodable"] += bad
            if n % 500 == 0:  # records a reader must skip without a word
                write_exchange(writers[mb], url + "/missing", b"<html>Not found</html>", "text/html", status="404")
                write_exchange(writers[mb], url + ".png", b"\x89PNG\r\n\x1a\n" + bytes(2000), "image/png")
    for out in outs.values():
        out.close()
    return {f"{mb}mb": counts[mb] for mb in paths}


def warc_page(n: int, sources: list[Source], rng: random.Random) -> tuple[bytes, bool]:
    if n % 2000 == 0:
        return bytes(range(0x80, 0x100)) * 40, True  # no plausible encoding: rejected, reading goes on
    return make_variant(sources, rng).html().encode("utf-8"), False


def write_exchange(writer: WARCWriter, url: str, body: bytes, media_type: str, status: str = "200") -> None:
    request = StatusAndHeaders(f"GET /{url.split('/', 3)[3]} HTTP/1.1", [("Host", url.split("/")[2])],
                               is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
    headers = StatusAndHeaders(f"{status} {'OK' if status == '200' else 'Not Found'}",
                               [("Content-Type", media_type), ("Content-Length", str(len(body)))],
                               protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers))


def make_jsonls(paths: dict[int, Path], sources: list[Source], rng: random.Random) -> dict[str, Any]:
    """One pass writes every size; each file gets 50 bad lines spread evenly through it."""
    outs = {mb: path.open("wb") for mb, path in paths.items()}
    # A record is about 2.6 KB: a bad line every size/50 bytes puts them evenly through the file.
    spacing = {mb: mb * MIB // BAD_JSONL_LINES for mb in paths}
    counts = {mb: {"records": 0, "bad": 0} for mb in paths}
    n = 0
    while open_sizes := [mb for mb in outs if outs[mb].tell() < mb * MIB]:
        n += 1
        record = news_please_record(make_variant(sources, rng), f"https://{OUTLETS[n % 4]}/news/{n}")
        line = json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"
        for mb in open_sizes:
            out = outs[mb]
            if counts[mb]["bad"] < BAD_JSONL_LINES and out.tell() >= counts[mb]["bad"] * spacing[mb] + spacing[mb] // 2:
                out.write(bad_jsonl_line(counts[mb]["bad"], line))
                counts[mb]["bad"] += 1
            out.write(line)
            counts[mb]["records"] += 1
    for out in outs.values():
        out.close()
    return {f"{mb}mb": counts[mb] for mb in paths}


def bad_jsonl_line(n: int, good: bytes) -> bytes:
    """Four kinds of bad line in turn: cut, not an object, not UTF-8, no body."""
    return (good[: len(good) // 2] + b"\n", b'["an", "array"]\n', b'{"maintext": "caf\xe9"}\n',
            b'{"title": "no body"}\n')[n % 4]


def generate(work: Path, args: argparse.Namespace) -> dict[str, Any]:
    manifest_path = work / "manifest.json"
    if manifest_path.exists():
        return json.loads(manifest_path.read_text())
    work.mkdir(parents=True, exist_ok=True)
    sources, rng = load_sources(args.data), random.Random(SEED)
    started = time.perf_counter()
    manifest: dict[str, Any] = {"folder_rejections": make_folder(work / "folder", sources, args.files, rng)}
    make_big_text(work / "big.txt", args.text_mb, sources)
    manifest["warc"] = make_warcs({mb: work / f"pages-{mb}mb.warc" for mb in args.warc_mb}, sources, rng)
    manifest["jsonl"] = make_jsonls({mb: work / f"records-{mb}mb.jsonl" for mb in args.jsonl_mb}, sources, rng)
    manifest["seconds"] = round(time.perf_counter() - started, 1)
    manifest_path.write_text(json.dumps(manifest, indent=2))
    return manifest


# ---------------------------------------------------------------- measuring


def tree_rss_bytes(root: int) -> int:
    """Resident bytes of ``root`` and every descendant, from /proc (0 for a process gone meanwhile)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid, parent = int(entry), int(fields.get("PPid", "0").strip())
        children.setdefault(parent, []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def run_measured(command: list[str], log: Path, timeout: float) -> dict[str, Any]:
    """Run ``command`` with output to files; its wall time, exit status and peak memory, its own alone."""
    with (log.with_suffix(".stdout")).open("wb") as out, (log.with_suffix(".stderr")).open("wb") as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, start_new_session=True)
        peak_tree, done = [0], threading.Event()

        def sample() -> None:
            while not done.wait(RSS_SAMPLE_SECONDS):
                peak_tree[0] = max(peak_tree[0], tree_rss_bytes(child.pid))
            # the last sample can miss a peak in the final 0.2 s; ru_maxrss does not

        def stop() -> None:
            try:
                os.killpg(child.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass  # it ended just now

        sampler, killer = threading.Thread(target=sample), threading.Timer(timeout, stop)
        sampler.start()
        killer.start()
        # wait4 returns the rusage of this child (and the descendants it waited for), so each run is measured
        # alone although all run from this one process; ru_maxrss is in KiB on Linux.
        _, status, usage = os.wait4(child.pid, 0)
        killer.cancel()
        done.set()
        sampler.join()
        child.returncode = os.waitstatus_to_exitcode(status)
    return {"exit": child.returncode, "timed_out": child.returncode == -signal.SIGKILL,
            "wall_s": round(time.perf_counter() - started, 1), "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
            "peak_tree_rss_mib": round(max(peak_tree[0], usage.ru_maxrss * 1024) / MIB, 1)}


def read_output(log: Path) -> dict[str, Any]:
    stdout = log.with_suffix(".stdout").read_text(errors="replace").splitlines()
    stderr = log.with_suffix(".stderr").read_text(errors="replace").splitlines()
    summary = next((m for m in map(SUMMARY_LINE.match, stdout) if m), None)
    more = next((int(m.group(1)) for m in map(MORE_LINE.match, stderr) if m), 0)
    return {"documents": int(summary.group(1)) if summary else None,
            "rejected": int(summary.group(3)) if summary else None,
            "rejections_in_output": sum(line.startswith("  rejected ") for line in stderr),
            "rejections_not_in_output": more,
            "progress_lines": sum(bool(PROGRESS_LINE.match(line)) for line in stderr),
            "last_progress": next((line for line in reversed(stderr) if PROGRESS_LINE.match(line)), None),
            "summary": next((line for line in stdout if SUMMARY_LINE.match(line)), None)}


def pile_rejections(db: Path) -> list[tuple[str, str | None, str]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        return connection.execute("SELECT source_path, locator, reason FROM rejections").fetchall()


def measure(name: str, newsdossier: Path, command: str, inputs: list[Path], work: Path,
            expected: list[dict[str, str]] | None, timeout: float) -> dict[str, Any]:
    piles = work / "piles"
    shutil.rmtree(piles / name, ignore_errors=True)
    (piles / name).mkdir(parents=True)
    db = piles / name / "pile.db"
    argv = [str(newsdossier), command, *map(str, inputs), "--db", str(db)]
    if command == "build":
        argv += ["--out", str(piles / name / "out")]
    log = work / "logs" / name
    log.parent.mkdir(exist_ok=True)
    result: dict[str, Any] = {"input": name, "command": command,
                              "size_mb": round(sum(input_bytes(p) for p in inputs) / MIB, 1)}
    result |= run_measured(argv, log, timeout)
    result |= read_output(log)
    if db.exists() and not result["timed_out"]:
        stored = pile_rejections(db)
        result["rejections_in_pile"] = len(stored)
        if expected is not None:
            have = {(path, reason) for path, _, reason in stored}
            result["expected_rejections_listed"] = sum((e["path"], e["reason"]) in have for e in expected)
            result["expected_rejections"] = len(expected)
    shutil.rmtree(piles / name, ignore_errors=True)
    return result


def input_bytes(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


def runs(work: Path, args: argparse.Namespace, manifest: dict[str, Any]) -> Iterator[tuple[str, str, list[Path], Any]]:
    """(name, command, inputs, expected rejections or None) for each measurement, smallest first."""
    yield "folder", "ingest", [work / "folder"], manifest["folder_rejections"]
    yield "big.txt", "ingest", [work / "big.txt"], [{"path": str(work / "big.txt"), "reason": "too-large"}]
    for mb in args.warc_mb:
        yield f"pages-{mb}mb.warc", "ingest", [work / f"pages-{mb}mb.warc"], None
    for mb in args.jsonl_mb:
        yield f"records-{mb}mb.jsonl", "ingest", [work / f"records-{mb}mb.jsonl"], None
    if args.build:
        yield "folder (build)", "build", [work / "folder"], manifest["folder_rejections"]


def markdown(results: list[dict[str, Any]]) -> str:
    lines = ["| input | command | size | documents | rejects (listed in output / in pile) | progress lines "
             "| wall time | peak RSS (process / tree) |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in results:
        lines.append(f"| {r['input']} | {r['command']} | {r['size_mb']:,} MiB | {r['documents']} | {r['rejected']} "
                     f"({r['rejections_in_output']} / {r.get('rejections_in_pile', '-')}) | {r['progress_lines']} "
                     f"| {r['wall_s']} s{' (stopped)' if r['timed_out'] else ''} "
                     f"| {r['peak_rss_mib']} / {r['peak_tree_rss_mib']} MiB |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, required=True, help="where the inputs are generated (and re-used)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--text-mb", type=int, default=200)
    parser.add_argument("--warc-mb", type=lambda s: [int(x) for x in s.split(",")], default=[50, 200])
    parser.add_argument("--jsonl-mb", type=lambda s: [int(x) for x in s.split(",")], default=[250, 1000])
    parser.add_argument("--only", help="comma-separated input names to measure (default: all)")
    parser.add_argument("--build", action=argparse.BooleanOptionalAction, default=True,
                        help="also run a full `newsdossier build` of the folder (default yes)")
    parser.add_argument("--build-timeout", type=float, default=40 * 60, help="seconds before the build is stopped")
    parser.add_argument("--newsdossier", type=Path, default=Path(sys.executable).with_name("newsdossier"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    manifest = generate(args.work, args)
    print(f"inputs ready in {args.work} ({manifest['seconds']} s to generate)", file=sys.stderr)
    results = []
    only = set(args.only.split(",")) if args.only else None
    for name, command, inputs, expected in runs(args.work, args, manifest):
        if only and name not in only:
            continue
        timeout = args.build_timeout if command == "build" else 3600
        results.append(measure(name, args.newsdossier, command, inputs, args.work, expected, timeout))
        print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    (args.work / "results.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2) if args.json else markdown(results))


if __name__ == "__main__":
    main()
