"""Latency of ``newsdossier serve`` on a built pile: p50 and p95 of full-text search and of a story page.

Usage:
    .venv/bin/python bench/serve_latency.py --db PILE.db [--requests 200] [--json]

Starts the server in this process on 127.0.0.1 (a free port), then sends, one at a time from one
client: searches for words drawn from the pile's own titles (seeded), and "story pages" (a story's
first 50 articles, its events and its quotes: three requests, timed together) for stories drawn at
random. Times are client-side wall clock, loopback included.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import threading
import time
from pathlib import Path


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    import httpx
    import uvicorn

    import newsdossier
    from newsdossier.serve import create_app

    with newsdossier.open(args.db) as pile:
        stories = [s["id"] for s in pile.stories()]
        words = sorted({w for a in pile.articles(limit=2000) for w in (a.title or "").split() if w.isalpha() and len(w) > 4})
        counts = pile.counts()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    rng = random.Random(7)
    search_ms, story_ms = [], []
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            client.get("/api/summary").raise_for_status()  # warm
            for _ in range(args.requests):
                started = time.perf_counter()
                client.get("/api/search", params={"q": rng.choice(words), "limit": 20}).raise_for_status()
                search_ms.append((time.perf_counter() - started) * 1000)
                story = rng.choice(stories)
                started = time.perf_counter()
                for path in ("/api/articles", "/api/events", "/api/quotes"):
                    client.get(path, params={"story": story, "limit": 50}).raise_for_status()
                story_ms.append((time.perf_counter() - started) * 1000)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    result = {"articles": counts["articles"], "stories": counts["stories"], "requests": args.requests,
              "search_p50_ms": round(statistics.median(search_ms), 1), "search_p95_ms": round(_percentile(search_ms, 0.95), 1),
              "story_page_p50_ms": round(statistics.median(story_ms), 1),
              "story_page_p95_ms": round(_percentile(story_ms, 0.95), 1)}
    print(json.dumps(result, indent=2 if args.json else None))


if __name__ == "__main__":
    main()
