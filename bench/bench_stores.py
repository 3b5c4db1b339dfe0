"""Stores side by side: load, five query shapes, entity lookup and the projection, on rdflib's memory store and
on oxigraph:PATH, with raw pyoxigraph as the floor.

    python bench/bench_stores.py --sizes 100000 1000000

Uses the synthetic graphs of bench/synthetic.py (written to --folder when missing). Each query is timed once
after one warm-up run; the ratio column is rdflib's time over the store's (higher is better), and the overhead
column is casegraph-on-Oxigraph over raw pyoxigraph answering the same SPARQL (raw reads the bag union
of the named graphs, so its row counts may be larger).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import Generator  # noqa: E402

ID = "https://w3id.org/casegraph/id/"
QUERIES = {
    "one-hop neighbours of a hub, with labels": f"""
        SELECT ?n ?label WHERE {{ {{ <{ID}organization/org-0> ?p ?n }} UNION {{ ?n ?p <{ID}organization/org-0> }}
                                 ?n rdfs:label ?label }}""",
    "two hops: statement -> model -> developer": """
        SELECT ?st ?m ?dev WHERE { ?st a cg:Statement ; cg:mentions ?m . ?m a cg:AIModel ; cg:developedBy ?dev }""",
    "count per class": "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c",
    "label search (CONTAINS)": """
        SELECT ?s ?l WHERE { ?s rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)), "company 1")) }""",
    "property path: speaker/employer": "SELECT ?st ?org WHERE { ?st cg:speaker/cg:employedBy ?org }",
}


def timed(function):
    started = time.perf_counter()
    value = function()
    return time.perf_counter() - started, value


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--folder", type=Path, default=Path("/tmp/casegraph-bench"))
    args = parser.parse_args(argv)
    import pyoxigraph as ox

    from casegraph import CaseGraph
    from casegraph.vocab import PREFIXES

    args.folder.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        path = args.folder / f"synthetic-{size}.nq"
        if not path.exists():
            with path.open("w", encoding="utf-8") as out:
                Generator(size).write(out)
        print(f"\n### {size:,} quads ({path})\n")
        store_dir = Path(tempfile.mkdtemp(prefix="casegraph-store-"))
        memory_s, memory = timed(lambda: CaseGraph.open([path], store="memory"))
        disk_s, disk = timed(lambda: CaseGraph.open([path], store=f"oxigraph:{store_dir / 'store'}"))
        raw_s, raw = timed(lambda: _raw(ox, path))
        quads = len(memory)
        print("| load | seconds | quads/s | ratio vs rdflib |")
        print("|---|---:|---:|---:|")
        for name, seconds in (("rdflib memory (casegraph)", memory_s), ("oxigraph:PATH (casegraph load)", disk_s),
                              ("pyoxigraph in memory, bulk_load (raw)", raw_s)):
            print(f"| {name} | {seconds:.1f} | {quads / seconds:,.0f} | {memory_s / seconds:.1f}x |")

        print("\n| query | rows | rdflib s | oxigraph:PATH s | ratio | raw pyoxigraph s | overhead |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, text in QUERIES.items():
            memory.query(text), disk.query(text)  # warm-up (and rdflib's query parser cache)
            m_s, m_rows = timed(lambda: len(memory.query(text).rows))
            d_s, d_rows = timed(lambda: len(disk.query(text).rows))
            r_s, r_rows = timed(lambda: len(list(raw.query(text, prefixes=PREFIXES, use_default_graph_as_union=True))))
            assert m_rows == d_rows, f"{name}: {m_rows} rows in memory, {d_rows} on disk"
            print(f"| {name} | {m_rows:,} | {m_s:.3f} | {d_s:.3f} | {m_s / d_s:.0f}x | {r_s:.3f} | "
                  f"{d_s / r_s:.2f}x |", flush=True)

        print("\n| operation | rdflib s | oxigraph:PATH s |")
        print("|---|---:|---:|")
        for name, step in (("entity lookup by name (first call builds the name index)",
                            lambda cg: cg.entity("Company 0")),
                           ("entity lookup by name (index built)", lambda cg: cg.entity("Company 1")),
                           ("describe (by name)", lambda cg: cg.describe("Company 2")),
                           ("projection to networkx", lambda cg: cg.project())):
            print(f"| {name} | {timed(lambda: step(memory))[0]:.3f} | {timed(lambda: step(disk))[0]:.3f} |",
                  flush=True)
        disk.close()
        shutil.rmtree(store_dir, ignore_errors=True)
    return 0


def _raw(ox, path):
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return store


if __name__ == "__main__":
    sys.exit(main())
