"""The cost of --why: each query answered plainly and with the sources of each row, in one process.

    python bench/bench_why.py                                   # the bundled data, memory and oxigraph
    python bench/bench_why.py --store oxigraph:/tmp/casegraph-bench/s1m   # a store filled by bench_store_commands

Prints a Markdown table: seconds without and with --why (median of --repeat runs) and the ratio.
"""

from __future__ import annotations

import argparse
import statistics
import time

from casegraph import CaseGraph

BUNDLED = {
    "models by Meta": "SELECT ?m WHERE { ?m cg:developedBy organization:meta-platforms }",
    "who said what (saved)": "who-said-what",
    "statements per speaker (aggregate)": "SELECT ?who (COUNT(?s) AS ?n) WHERE { ?s cg:speaker ?who } GROUP BY ?who",
}
# The synthetic graph's shape (bench/synthetic.py): statements by people about models, in cases.
SYNTHETIC = {
    "one model's developer": "SELECT ?o WHERE { ?m cg:developedBy ?o } LIMIT 1",
    "statements of one speaker": "SELECT ?s WHERE { ?s cg:speaker ?who } LIMIT 1",
}


def seconds(call, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def answer(cg: CaseGraph, query: str, why: bool):
    from casegraph.query import saved_queries

    return cg.saved(query, why=why) if query in saved_queries() else cg.query(query, why=why)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", action="append", help="a store to measure (repeatable); default: the bundled "
                                                         "data in memory and in oxigraph")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| store | query | rows | plain s | --why s | ratio |")
    print("|---|---|---:|---:|---:|---:|")
    for store in args.store or ["memory", "oxigraph"]:
        persistent = ":" in store
        cg = CaseGraph.open(store=store, read_only=True) if persistent else CaseGraph.open(store=store)
        for title, query in (SYNTHETIC if persistent else BUNDLED).items():
            rows = len(answer(cg, query, False).rows)
            plain = seconds(lambda: answer(cg, query, False), args.repeat)
            why = seconds(lambda: answer(cg, query, True), args.repeat)
            print(f"| {store} | {title} | {rows} | {plain:.3f} | {why:.3f} | {why / plain:.1f}x |", flush=True)


if __name__ == "__main__":
    main()
