"""Commands on an on-disk Oxigraph store, as a user runs them, against what a user would do instead.

    python bench/bench_store_commands.py --sizes 300000 1000000 --repeat 3

For each size: a synthetic graph (bench/synthetic.py) is loaded with ``casegraph --store oxigraph:PATH load`` and,
on the same disk, with raw ``pyoxigraph.Store.bulk_load``; then ``stats``, ``path`` (cold, then warm), ``rank``,
``describe`` and a join run as commands, each beside the script a user would write with pyoxigraph (and networkx
for the path); and the projection alone is timed inside a process. Every other figure is a separate process,
timed from start to exit, the median of ``--repeat`` runs (casegraph's and the script's in turn); ratios are
casegraph's time over the script's (lower is better) or, for loading, casegraph's throughput over raw
bulk_load's (higher is better).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import Generator  # noqa: E402

ID = "https://w3id.org/casegraph/id/"
START, END = f"{ID}organization/org-0", f"{ID}person/per-1"

RAW_LOAD = """
import sys, pyoxigraph as ox
store = ox.Store(sys.argv[1])
store.bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_QUADS)
store.flush()
"""
RAW_STATS = """
import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
for text in ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
             "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } } GROUP BY ?c",
             "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"):
    print(list(store.query(text)))
"""
# What a user writes to find a path: the relations as edges of an undirected networkx graph, then BFS.
RAW_PATH = """
import json, sys, networkx as nx, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
predicates = json.loads(sys.argv[2])
graph = nx.Graph()
values = " ".join(f"<{p}>" for p in predicates)
for s, o in store.query("SELECT ?s ?o WHERE { VALUES ?p { " + values + " } GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?o)) }"):
    graph.add_edge(s.value, o.value)
print(nx.shortest_path(graph, sys.argv[3], sys.argv[4]))
"""
JOIN = ("SELECT ?st ?m ?dev WHERE { ?st a cg:Statement ; cg:mentions ?m . ?m a cg:AIModel ; cg:developedBy ?dev }")
RAW_JOIN = """
import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
# The same join on the named graphs' bag union (the raw store has no set union of its own).
text = ("PREFIX cg: <https://w3id.org/casegraph/ontology#> SELECT DISTINCT ?st ?m ?dev WHERE { "
        "?st a cg:Statement ; cg:mentions ?m . ?m a cg:AIModel ; cg:developedBy ?dev }")
print(sum(1 for _ in store.query(text, use_default_graph_as_union=True)))
"""
RAW_DESCRIBE = """
import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
for row in store.query("SELECT ?p ?o ?g WHERE { GRAPH ?g { <" + sys.argv[2] + "> ?p ?o } }"):
    print(row)
"""


# The projection alone, cold, timed inside the process (what `path` and `rank` build when nothing is kept).
PROJECTION = """
import sys, time
from casegraph import CaseGraph
from casegraph.analysis.projection import kept_projection
cg = CaseGraph.open(store="oxigraph:" + sys.argv[1], read_only=True)
started = time.perf_counter()
kept_projection(cg, None, None)
print(time.perf_counter() - started)
"""


PEAKS: list[float] = []  # the peak memory (MiB) of each command casegraph ran, for the table's last column


def run(*words: str, ours: bool = False) -> float:
    """Run one command; its seconds from start to exit (and, through GNU time when present, its peak memory)."""
    timer = Path("/usr/bin/time").exists()
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as peak:
        prefix = ["/usr/bin/time", "-f", "%M", "-o", peak.name] if timer else []
        started = time.perf_counter()
        done = subprocess.run(prefix + list(words), capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(words[:4])} ... failed: {done.stderr.strip()[-500:]}")
        if ours and timer:
            PEAKS.append(int(peak.read().split()[-1]) / 1024)
    return elapsed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300_000])
    parser.add_argument("--folder", type=Path, default=Path("/tmp/casegraph-bench"))
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each command this many times (casegraph's and the script's in turn) and report "
                             "the medians")
    args = parser.parse_args(argv)
    import compileall

    import casegraph
    from casegraph.analysis.projection import projection_spec

    # Compiled once, as pip does when it installs casegraph: no timed run pays for compiling its modules (an
    # editable install under PYTHONDONTWRITEBYTECODE would, at every run).
    compileall.compile_dir(Path(casegraph.__file__).parent, quiet=1)

    casegraph = shutil.which("casegraph") or str(Path(sys.executable).parent / "casegraph")
    python = sys.executable
    predicates = json.dumps(sorted(str(p) for p in projection_spec().edge_properties))
    args.folder.mkdir(parents=True, exist_ok=True)
    print("| quads | command | casegraph s | instead s | ratio | casegraph peak MiB |")
    print("|---:|---|---:|---:|---:|---:|")
    for size in args.sizes:
        data = args.folder / f"synthetic-{size}.nq"
        if not data.exists():
            with data.open("w", encoding="utf-8") as out:
                Generator(size).write(out)
        work = Path(tempfile.mkdtemp(prefix="casegraph-cmd-", dir=args.folder))
        store, raw = work / "store", work / "raw"
        store_arg = f"oxigraph:{store}"

        def row(name: str, ours: float, theirs: float, throughput: bool = False) -> None:
            ratio = theirs / ours if throughput else ours / theirs
            peak = f"{PEAKS[-1]:,.0f}" if PEAKS else ""
            print(f"| {size:,} | {name} | {ours:.2f} | {theirs:.2f} | {ratio:.2f}x | {peak} |", flush=True)

        def both(ours: list[str], theirs: list[str] | None, before=None) -> tuple[float, float | None]:
            """The median seconds of casegraph's command and of the script, run in turn ``--repeat`` times."""
            times: tuple[list, list] = ([], [])
            for _ in range(args.repeat):
                if before:
                    before()
                times[0].append(run(*ours, ours=True))
                if theirs:
                    times[1].append(run(*theirs))
            return statistics.median(times[0]), statistics.median(times[1]) if theirs else None

        loads: tuple[list, list] = ([], [])
        for n in range(args.repeat):  # each load into a folder of its own; the first store serves the rest
            into, raw_into = (store, raw) if n == 0 else (work / f"store-{n}", work / f"raw-{n}")
            loads[1].append(run(python, "-c", RAW_LOAD, str(raw_into), str(data)))
            loads[0].append(run(casegraph, "--store", f"oxigraph:{into}", "load", str(data), ours=True))
            if n:
                shutil.rmtree(into)
                shutil.rmtree(raw_into)
        row("load (throughput vs raw bulk_load)", statistics.median(loads[0]), statistics.median(loads[1]),
            throughput=True)
        row("stats (vs three COUNT queries)",
            *both([casegraph, "--store", store_arg, "stats"], [python, "-c", RAW_STATS, str(raw)]))
        hand = [python, "-c", RAW_PATH, str(raw), predicates, START, END]

        def forget_projection() -> None:
            for kept in (store / "casegraph-cache").glob("projection-*"):
                kept.unlink()

        cold, hand_path = both([casegraph, "--store", store_arg, "path", START, END], hand, forget_projection)
        row("path, cold (vs pyoxigraph + networkx)", cold, hand_path)
        inside = [float(subprocess.run([python, "-c", PROJECTION, str(store)], capture_output=True, text=True,
                                       check=True).stdout) for _ in range(args.repeat)]
        print(f"| {size:,} | projection, cold, in process (target: under 5 s at 1M) | "
              f"{statistics.median(inside):.2f} | | | |", flush=True)
        row("path, warm (vs the same script)",
            both([casegraph, "--store", store_arg, "path", START, END], None)[0], hand_path)
        row("rank --by pagerank, warm (vs the path script: reading the relations)",
            both([casegraph, "--store", store_arg, "rank", "--by", "pagerank"], None)[0], hand_path)
        row("describe (vs one GRAPH ?g query)",
            *both([casegraph, "--store", store_arg, "describe", START], [python, "-c", RAW_DESCRIBE, str(raw), START]))
        row("query: a two-hop join, CSV (vs pyoxigraph, DISTINCT on the bag union)",
            *both([casegraph, "--store", store_arg, "query", JOIN, "--format", "csv"],
                  [python, "-c", RAW_JOIN, str(raw)]))
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
