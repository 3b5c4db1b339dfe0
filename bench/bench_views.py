"""The cost of answering from chosen sources or as of a day: making the view, then a query on it.

    python bench/bench_views.py                 # the bundled data, in memory and in Oxigraph
    python bench/bench_views.py --repeat 5

Prints a Markdown table: seconds to make each view (``cg.view_of``), to answer the saved query ``case-status`` on
it, and the ratio of the two together to the same query on the whole graph (median of --repeat runs).
"""

from __future__ import annotations

import argparse
import statistics
import time

from casegraph import CaseGraph

VIEWS = {
    "--min-confidence H": {"min_confidence": "H"},
    "--known-on 2024-12-31": {"known_on": "2024-12-31"},
    "--as-of 2025-06-24": {"as_of": "2025-06-24"},
    "--known-on and --as-of 2025-06-24": {"known_on": "2025-06-24", "as_of": "2025-06-24"},
}


def seconds(call, repeat: int) -> tuple[float, object]:
    times, value = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        value = call()
        times.append(time.perf_counter() - started)
    return statistics.median(times), value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| store | view | quads kept | make view s | case-status on it s | whole graph s | ratio |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for store in ("memory", "oxigraph"):
        cg = CaseGraph.open(store=store)
        whole, _ = seconds(lambda: cg.saved("case-status"), args.repeat)
        for title, criteria in VIEWS.items():
            make, view = seconds(lambda: cg.view_of(**criteria), args.repeat)
            answer, _ = seconds(lambda: view.saved("case-status"), args.repeat)
            print(f"| {store} | {title} | {len(view):,} | {make:.3f} | {answer:.3f} | {whole:.3f} | "
                  f"{(make + answer) / whole:.1f}x |", flush=True)


if __name__ == "__main__":
    main()
