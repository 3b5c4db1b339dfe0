"""One SPARQL join over HTTP, answered by three servers on the same on-disk store, one after the other.

    python bench/bench_serve_join.py --store /tmp/casegraph-bench/s1m      # a folder filled by casegraph load

The servers: ``casegraph serve`` (read-only: Oxigraph's engine in worker processes), ``casegraph serve
--allow-update`` (rdflib's engine over the same store, as every ``serve`` answered before), and Oxigraph's own
``oxigraph serve-read-only``. Each answers two queries, the join's rows and its count, once to warm up and
then ``--runs`` times; the script prints the median, the fastest and the slowest, checks the servers give the
same answers, and the ratios of the medians. With ``--earlier PYTHON``, casegraph as it was before issue 17
serves a copy of the store too (``git worktree add /tmp/before a541db6^ && python -m venv /tmp/before-env &&
/tmp/before-env/bin/pip install /tmp/before``, then ``--earlier /tmp/before-env/bin/python``).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench_server import free_port

PATTERN = "{ ?st cg:speaker ?p . ?p cg:employedBy ?org }"
PREFIX = "PREFIX cg: <https://w3id.org/casegraph/ontology#> "
#: the join's rows, and its count: the first measures mostly the writing of SPARQL JSON, the second the engine
QUERIES = {"rows": f"{PREFIX}SELECT ?st ?org WHERE {PATTERN}",
           "count": f"{PREFIX}SELECT (COUNT(*) AS ?n) WHERE {PATTERN}"}


def serving(command: list[str], url: str) -> subprocess.Popen:
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(1200):  # up to two minutes to open the store and bind
        try:
            if httpx.get(url, params={"query": "ASK {}"}).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit(f"{command[0]} ... did not start")


def timed(url: str, query: str, runs: int) -> tuple[list[float], str]:
    seconds, rows = [], set()
    with httpx.Client(timeout=600) as http:
        for n in range(runs + 1):
            started = time.perf_counter()
            answer = http.get(url, params={"query": query}, headers={"Accept": "application/sparql-results+json"})
            elapsed = time.perf_counter() - started
            answer.raise_for_status()
            bindings = answer.json()["results"]["bindings"]
            rows.add(f"{len(bindings):,} rows" if len(bindings) != 1 else f"count {bindings[0]['n']['value']}")
            if n:  # the first answer warms the server's caches up
                seconds.append(elapsed)
    if len(rows) != 1:
        raise SystemExit(f"the answers differ in size: {rows}")
    return seconds, rows.pop()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="an Oxigraph folder filled by casegraph load")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--earlier", metavar="PYTHON",
                        help="also serve with the Python of an environment holding casegraph as it was before "
                             "issue 17 (rdflib's engine over oxrdflib), on a copy of the store it may write to")
    args = parser.parse_args(argv)
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    casegraph = [sys.executable, "-m", "casegraph", "--store", f"oxigraph:{args.store}", "serve", "--host",
                 "127.0.0.1"]
    servers = {
        "casegraph serve (Oxigraph in workers)": lambda port: [*casegraph, "--port", str(port)],
        "casegraph serve --allow-update (rdflib's engine)": lambda port: [
            *casegraph, "--port", str(port), "--allow-update", "--token", "bench", "--timeout", "600"],
        "oxigraph serve-read-only": lambda port: [oxigraph, "serve-read-only", "--location", str(args.store),
                                                  "--bind", f"127.0.0.1:{port}"],
    }
    if args.earlier:
        copy = Path(tempfile.mkdtemp(prefix="casegraph-earlier-")) / "store"
        shutil.copytree(args.store, copy, ignore=shutil.ignore_patterns("casegraph-*"))
        servers["casegraph serve before issue 17 (rdflib's engine over oxrdflib)"] = lambda port: [
            args.earlier, "-m", "casegraph", "--store", f"oxigraph:{copy}", "serve", "--host", "127.0.0.1",
            "--port", str(port), "--timeout", "600"]
    medians: dict[str, dict[str, float]] = {kind: {} for kind in QUERIES}
    answers: dict[str, set[str]] = {kind: set() for kind in QUERIES}
    print("| server | query | answer | median s | fastest s | slowest s |")
    print("|---|---|---|---:|---:|---:|")
    for name, command in servers.items():
        port = free_port()
        path = "/query" if name.startswith("oxigraph") else "/sparql"
        url = f"http://127.0.0.1:{port}{path}"
        server = serving(command(port), url)
        try:
            for kind, query in QUERIES.items():
                seconds, answer = timed(url, query, args.runs)
                answers[kind].add(answer)
                medians[kind][name] = median = statistics.median(seconds)
                print(f"| {name} | {kind} | {answer} | {median:.2f} | {min(seconds):.2f} | {max(seconds):.2f} |",
                      flush=True)
        finally:
            server.terminate()
            server.wait(timeout=60)
    if any(len(found) != 1 for found in answers.values()):
        raise SystemExit(f"the servers' answers differ: {answers}")
    print()
    for kind in QUERIES:
        ours, rdflib_, theirs, *earlier = medians[kind].values()
        print(f"{kind}: rdflib's engine / casegraph serve {rdflib_ / ours:.1f}x; "
              f"casegraph serve / oxigraph {ours / theirs:.2f}x"
              + (f"; before issue 17 / casegraph serve {earlier[0] / ours:.1f}x" if earlier else ""))
    if args.earlier:
        shutil.rmtree(copy.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
