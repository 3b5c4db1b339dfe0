"""Stores side by side: load, five query shapes, entity lookup, describe and the projection, on rdflib's
memory store (``memory``), Oxigraph in memory (``oxigraph``) and Oxigraph on disk (``oxigraph:PATH``), with raw
pyoxigraph as the floor.

    python bench/bench_stores.py --sizes 100000 1000000

Uses the synthetic graphs of bench/synthetic.py (written to --folder when missing). Each query is timed once,
after one warm-up run on the Oxigraph stores; the ratio columns are rdflib's time over the store's (higher is
better), and the overhead columns are casegraph-on-Oxigraph over raw pyoxigraph (in memory for ``oxigraph``, on
disk for ``oxigraph:PATH``) answering the same SPARQL (raw reads the bag union of the named graphs, so its row
counts may be larger; it iterates the solutions without reading their cells). The last two columns run the same
SPARQL through pyoxigraph directly on casegraph's own in-memory store, on its set union: what is left is
casegraph's reading of the rows into Python values.
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
    parser.add_argument("--rdflib-skip", nargs="*", default=[], metavar="WORDS",
                        help="queries (by a word of their name) not to run on rdflib: its two-hop join runs for "
                             "over half an hour at 1M quads")
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
        fast_s, fast = timed(lambda: CaseGraph.open([path], store="oxigraph"))
        disk_s, disk = timed(lambda: CaseGraph.open([path], store=f"oxigraph:{store_dir / 'store'}"))
        raw_s, raw = timed(lambda: _raw(ox, path))
        disk_raw_s, disk_raw = timed(lambda: _raw(ox, path, store_dir / "raw"))
        quads = len(memory)
        assert len(fast) == len(disk) == quads
        print("| load | seconds | quads/s | ratio vs rdflib |")
        print("|---|---:|---:|---:|")
        for name, seconds in (("memory: rdflib (casegraph load)", memory_s),
                              ("oxigraph: Oxigraph in memory (casegraph load)", fast_s),
                              ("oxigraph:PATH: Oxigraph on disk (casegraph load)", disk_s),
                              ("pyoxigraph in memory, bulk_load (raw)", raw_s),
                              ("pyoxigraph on disk, bulk_load (raw)", disk_raw_s)):
            print(f"| {name} | {seconds:.1f} | {quads / seconds:,.0f} | {memory_s / seconds:.1f}x |", flush=True)

        print("\n| query | rows | rdflib s | oxigraph s | ratio | oxigraph:PATH s | ratio | raw pyoxigraph s "
              "| raw pyoxigraph on disk s | overhead (oxigraph) | overhead (oxigraph:PATH) "
              "| pyoxigraph on casegraph's union s | reading the rows |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        union = fast.dataset.store.inner  # casegraph's in-memory Oxigraph store: the set union is its default graph
        for name, text in QUERIES.items():
            # Warm-up for Oxigraph (and casegraph's caches); rdflib is timed on its first run, which at a million
            # quads takes minutes per query, its parse a few milliseconds of that.
            fast.query(text), disk.query(text)
            skip = any(word in name for word in args.rdflib_skip)
            m_s, m_rows = (None, None) if skip else timed(lambda: len(memory.query(text).rows))
            f_s, f_rows = timed(lambda: len(fast.query(text).rows))
            d_s, d_rows = timed(lambda: len(disk.query(text).rows))
            def raw_rows(store, **dataset):
                return len(list(store.query(text, prefixes=PREFIXES, **dataset)))

            r_s, _ = timed(lambda: raw_rows(raw, use_default_graph_as_union=True))
            rd_s, _ = timed(lambda: raw_rows(disk_raw, use_default_graph_as_union=True))
            u_s, u_rows = timed(lambda: raw_rows(union))
            assert f_rows == d_rows == u_rows and m_rows in (None, f_rows), f"{name}: {m_rows} / {f_rows} / {d_rows}"
            rdflib = ("not run", "", "") if skip else (f"{m_s:.3f}", f"{m_s / f_s:.0f}x", f"{m_s / d_s:.0f}x")
            print(f"| {name} | {f_rows:,} | {rdflib[0]} | {f_s:.3f} | {rdflib[1]} | {d_s:.3f} | {rdflib[2]} "
                  f"| {r_s:.3f} | {rd_s:.3f} | {f_s / r_s:.2f}x | {d_s / rd_s:.2f}x | {u_s:.3f} | {f_s / u_s:.2f}x |",
                  flush=True)

        print("\n| operation | rdflib s | oxigraph s | oxigraph:PATH s |")
        print("|---|---:|---:|---:|")
        for name, step in (("entity lookup by name (first call builds the name index)",
                            lambda cg: cg.entity("Company 0")),
                           ("entity lookup by name (index built)", lambda cg: cg.entity("Company 1")),
                           ("describe (by name)", lambda cg: cg.describe("Company 2")),
                           ("projection to networkx", lambda cg: cg.project())):
            print(f"| {name} | {timed(lambda: step(memory))[0]:.3f} | {timed(lambda: step(fast))[0]:.3f} "
                  f"| {timed(lambda: step(disk))[0]:.3f} |", flush=True)
        disk.close()
        shutil.rmtree(store_dir, ignore_errors=True)
    return 0


def _raw(ox, path, folder=None):
    store = ox.Store(str(folder)) if folder else ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    store.flush()
    return store


if __name__ == "__main__":
    sys.exit(main())
