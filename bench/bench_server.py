"""Load test of ``casegraph serve``: N concurrent clients x M queries per query shape, over loopback.

Starts the server as a subprocess on a free 127.0.0.1 port, runs the clients (threads, one keep-alive httpx
connection each), prints queries per second and p50/p99 latency per shape, stops the server and exits non-zero
if any request failed. Bounded: it stops after clients x queries requests per shape.

    python bench/bench_server.py                    # 8 clients x 200 queries, three shapes
    python bench/bench_server.py --clients 2 --queries 20
    python bench/bench_server.py --store oxigraph:STORE   # a store filled first with casegraph load
"""

from __future__ import annotations

import argparse
import platform
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

SHAPES = {
    "ASK (one pattern)": "ASK { ?c cg:docketNumber ?d }",
    "SELECT join, 1 row": "SELECT ?case ?docket ?court WHERE { ?case cg:docketNumber ?docket ; cg:court ?court }",
    "SELECT every label": "SELECT ?s ?label WHERE { ?s rdfs:label ?label }",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, store: str | None) -> subprocess.Popen:
    chosen = ["--store", store] if store else []
    server = subprocess.Popen([sys.executable, "-m", "casegraph", *chosen, "serve", "--host", "127.0.0.1",
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(300):  # up to 30 s to load the graph and bind
        try:
            if httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": "ASK {}"}).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("the server did not start")


def client(url: str, query: str, count: int) -> tuple[list[float], int]:
    latencies, errors = [], 0
    with httpx.Client(timeout=30) as http:
        for _ in range(count):
            started = time.perf_counter()
            answer = http.get(url, params={"query": query}, headers={"Accept": "application/sparql-results+json"})
            latencies.append(time.perf_counter() - started)
            errors += answer.status_code != 200
    return latencies, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--queries", type=int, default=200, help="queries per client and shape")
    parser.add_argument("--store", help="serve this store (as casegraph's --store) instead of the bundled data")
    args = parser.parse_args()
    port = free_port()
    server = start_server(port, args.store)
    url = f"http://127.0.0.1:{port}/sparql"
    failed = 0
    try:
        print(f"{platform.machine()}, {platform.python_version()}, {args.clients} clients x {args.queries} queries, "
              f"store {args.store or 'memory'}")
        print("| query shape | requests | errors | queries/s | p50 ms | p99 ms |")
        print("|---|---|---|---|---|---|")
        for name, query in SHAPES.items():
            client(url, query, 5)  # warm up: parse caches, first imports
            started = time.perf_counter()
            with ThreadPoolExecutor(args.clients) as pool:
                results = list(pool.map(lambda _: client(url, query, args.queries), range(args.clients)))
            elapsed = time.perf_counter() - started
            latencies = sorted(t for times, _ in results for t in times)
            errors = sum(e for _, e in results)
            failed += errors
            p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
            print(f"| {name} | {len(latencies)} | {errors} | {len(latencies) / elapsed:.0f} | "
                  f"{statistics.median(latencies) * 1000:.1f} | {p99 * 1000:.1f} |")
    finally:
        server.terminate()
        server.wait(15)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
