"""Benchmark of the networkx projection and the relation algorithms on synthetic case graphs.

    python bench/bench_analysis.py --sizes 10000 100000 1000000

For each size: generate the graph (bench/synthetic.py), load it, then time the projection (and the memory it
adds), PageRank and sampled betweenness on both backends, and one shortest path with its explanation.
Prints a Markdown table for BENCHMARKS.md. Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import networkx as nx  # noqa: E402

from casegraph import CaseGraph  # noqa: E402
from casegraph.analysis import paths, project, rank  # noqa: E402
from synthetic import Generator  # noqa: E402


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def run(size: int, folder: Path, samples: int) -> dict:
    data = folder / f"synthetic-{size}.nq"
    if not data.exists():
        with data.open("w", encoding="utf-8") as out:
            Generator(size).write(out)
    cg, load_s = timed(lambda: CaseGraph.open([data]))
    cg.sources()  # read once, as any earlier command would have
    G, project_s = timed(lambda: project(cg))
    # Memory: what the projection allocates at its peak, measured in a second run under tracemalloc
    # (which slows it down, hence the separate run).
    del G
    gc.collect()
    tracemalloc.start()
    G = project(cg)
    project_mb = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    row = {"size": size, "quads": len(cg), "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
           "load_s": load_s, "project_s": project_s, "project_mb": project_mb}
    for backend in ("networkx", "igraph"):
        _, row[f"pagerank_{backend}_s"] = timed(lambda: rank(G, "pagerank", backend=backend))
        _, row[f"betweenness_{backend}_s"] = timed(
            lambda: rank(G, "betweenness", backend=backend, samples=min(samples, G.number_of_nodes() - 1)))
    hubs = sorted(G.nodes, key=G.degree)
    source, target = hubs[len(hubs) // 3], hubs[-1]
    found, row["path_s"] = timed(lambda: paths(G, source, target))
    row["path_hops"] = len(found[0])
    _, row["paths3_s"] = timed(lambda: paths(G, source, target, k=3))
    return row


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--samples", type=int, default=200, help="betweenness sample size (sources)")
    parser.add_argument("--folder", type=Path, default=Path("/tmp/casegraph-bench"))
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"networkx {nx.__version__}")
    print("| quads | nodes | edges | load (rdflib) s | projection s | projection MB | PageRank nx s | PageRank igraph s "
          "| betweenness k=%d nx s | betweenness igraph s | shortest path s (hops) | 3 shortest paths s |"
          % args.samples)
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for size in args.sizes:
        r = run(size, args.folder, args.samples)
        print(f"| {r['quads']:,} | {r['nodes']:,} | {r['edges']:,} | {r['load_s']:.1f} | {r['project_s']:.2f} | "
              f"{r['project_mb']:.0f} | {r['pagerank_networkx_s']:.2f} | {r['pagerank_igraph_s']:.3f} | "
              f"{r['betweenness_networkx_s']:.2f} | {r['betweenness_igraph_s']:.3f} | {r['path_s']:.3f} "
              f"({r['path_hops']}) | {r['paths3_s']:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
