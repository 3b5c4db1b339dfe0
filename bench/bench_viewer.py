"""Benchmark of the HTML viewer against pyvis's defaults, in Debian's headless chromium.

For each size it measures, for casegraph's viewer and for pyvis 0.3.2 with its defaults (``Network()``,
``add_node``/``add_edge``, physics on; ``cdn_resources="in_line"`` so that vis-network is in the page at all):
the time to write the HTML, the time from navigation to the first drawn frame, and the time until a pan of the
view has been drawn (interactive). Every non-file request is blocked, as in the tests.

    python bench/bench_viewer.py                      # 500, 5,000, 10,000, 50,000 nodes
    python bench/bench_viewer.py --sizes 500 5000 --pyvis-timeout 30

The graphs are synthetic projections shaped like casegraph's (people, companies, cases, models, dated
statements and events, claims with a status; power-law degrees; ~2.2 edges per node), built directly as
networkx graphs: loading the same sizes through rdflib would measure the RDF parser, not the viewer.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import tempfile
import time
from pathlib import Path

import networkx as nx

from casegraph.viewer import View, render, view_data

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NS = "https://w3id.org/casegraph/ontology#"
ID = "https://w3id.org/casegraph/id/"
KINDS = [("Person", "person", 0, 0.40), ("Company", "company", 0, 0.08), ("AIModel", "AI model", 0, 0.06),
         ("LegalCase", "legal case", 0, 0.02), ("Statement", "statement", 1, 0.25), ("Claim", "claim", 1, 0.12),
         ("Filing", "filing", 1, 0.07)]
RELATIONS = ["speaker", "mentions", "employed by", "developed by", "involves", "in case", "asserted by"]
STATUSES = ["alleged", "admitted", "reported", "ruled"]


def synthetic(n: int, seed: int = 42) -> tuple[nx.MultiDiGraph, dict]:
    """A projection-shaped MultiDiGraph of ``n`` nodes, and the node dates the viewer's timeline uses."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    details = {}
    weights = [k[3] for k in KINDS]
    for i in range(n):
        cls, kind, tier, _w = rng.choices(KINDS, weights)[0]
        node = f"{ID}{kind.replace(' ', '-')}/n{i}"
        G.add_node(node, iri=node, label=f"{kind.title()} {i} Ünïcode", cls=NS + cls, kind=kind, tier=tier)
        if tier == 1:
            details[node] = {"date": f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}
    nodes = list(G)
    for i, u in enumerate(nodes):
        for _ in range(2 if rng.random() < 0.2 else 1 + (rng.random() < 0.2)):
            v = nodes[min(int(rng.paretovariate(1.2)) - 1, n - 1)] if rng.random() < 0.6 else rng.choice(nodes)
            if u == v:
                continue
            status = rng.choice(STATUSES) if G.nodes[u]["kind"] == "claim" else ""
            G.add_edge(u, v, key=str(i), predicate=NS + "p", label=rng.choice(RELATIONS),
                       sources=(f"https://example.org/doc/{rng.randint(1, 500)}",), status=status,
                       date=details.get(u, {}).get("date", ""), inferred=rng.random() < 0.05, via="")
    return G, details


def write_casegraph(G, details, path: Path) -> dict:
    t0 = time.perf_counter()
    data = view_data(G, details=details, title=f"{G.number_of_nodes()} nodes")
    t1 = time.perf_counter()
    View(render(data), data).save(path)
    return {"write": time.perf_counter() - t0, "data+layout": t1 - t0, "bytes": path.stat().st_size,
            "drawn": sum(1 for node in data["nodes"] if not node.get("h"))}


def write_pyvis(G, path: Path, *, quadratic: bool) -> dict:
    from pyvis.network import Network

    t0 = time.perf_counter()
    net = Network(cdn_resources="in_line")  # pyvis's default "local" fetches vis-network from a CDN
    if quadratic:
        for node, d in G.nodes(data=True):
            net.add_node(node, label=d["label"], title=d["kind"])
        for u, v, d in G.edges(data=True):
            net.add_edge(u, v, title=d["label"])
    else:  # add_node/add_edge are quadratic: at 50,000 nodes fill the lists directly
        net.nodes = [{"id": node, "label": d["label"], "title": d["kind"], "shape": "dot", "size": 10}
                     for node, d in G.nodes(data=True)]
        net.node_ids = list(G)
        net.edges = [{"from": u, "to": v, "title": d["label"]} for u, v, d in G.edges(data=True)]
    html = net.generate_html()
    path.write_text(html, encoding="utf-8")
    return {"write": time.perf_counter() - t0, "bytes": path.stat().st_size, "add_node": quadratic}


HOOK = """(() => {  // pyvis keeps its network in a global: watch for it and time its first frame
  const m = window.casegraphMetrics = {};
  const t = setInterval(() => {
    if (window.network && window.network.once) {
      clearInterval(t);
      window.network.once('afterDrawing', () => { m.firstDraw = performance.now(); });
    }
  }, 2);
})();"""

PAN = """() => new Promise(resolve => {
  const n = window.casegraphViewer ? window.casegraphViewer.network : window.network;
  const t = performance.now();
  n.once('afterDrawing', () => resolve([performance.now(), performance.now() - t]));
  const p = n.getViewPosition();
  n.moveTo({position: {x: p.x + 50, y: p.y + 30}});
})"""


def measure(context, path: Path, timeout: float) -> dict:
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(path.as_uri(), timeout=timeout * 1000)
        page.wait_for_function("window.casegraphMetrics && window.casegraphMetrics.firstDraw",
                               timeout=timeout * 1000, polling=20)
    except Exception:  # noqa: BLE001 - a timeout is a result here
        page.close()
        return {"firstDraw": None, "interactive": None, "errors": errors}
    first = page.evaluate("casegraphMetrics.firstDraw") / 1000
    done, frame = page.evaluate(PAN)
    page.close()
    return {"firstDraw": first, "interactive": done / 1000, "frame": frame / 1000, "errors": errors}


def main(argv=None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 5000, 10000, 50000])
    parser.add_argument("--bundled", action="store_true", help="also time the bundled Kadrey v. Meta graph")
    parser.add_argument("--pyvis-timeout", type=float, default=45.0, help="seconds to wait for pyvis's first frame")
    parser.add_argument("--no-pyvis", action="store_true")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-viewer-"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_version()}, "
          f"chromium {CHROMIUM}")
    rows = []
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(str(work / "profile"), executable_path=CHROMIUM,
                                                       headless=True, args=ARGS,
                                                       viewport={"width": 1400, "height": 900})
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        context.add_init_script(HOOK)
        if args.bundled:
            from casegraph import CaseGraph

            cg = CaseGraph.open()
            cg.project(include_inferred=False)  # the projection is the analysis benchmark's business
            t0 = time.perf_counter()
            view = cg.view(work / "bundled.html")
            ours = {"write": time.perf_counter() - t0, "data+layout": float("nan"),
                    "bytes": view.path.stat().st_size, "drawn": view.nodes}
            ours.update(measure(context, view.path, 120))
            print("bundled graph: " + report_row({"nodes": view.nodes, "edges": view.edges, "casegraph": ours},
                                                 args.pyvis_timeout), flush=True)
        for n in args.sizes:
            G, details = synthetic(n)
            ours = write_casegraph(G, details, work / f"casegraph-{n}.html")
            ours.update(measure(context, work / f"casegraph-{n}.html", 120))
            row = {"nodes": n, "edges": G.number_of_edges(), "casegraph": ours}
            if not args.no_pyvis:
                theirs = write_pyvis(G, work / f"pyvis-{n}.html", quadratic=n <= 10000)
                theirs.update(measure(context, work / f"pyvis-{n}.html", args.pyvis_timeout))
                row["pyvis"] = theirs
            rows.append(row)
            print(report_row(row, args.pyvis_timeout), flush=True)
        context.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


def _s(value, timeout=None) -> str:
    return f"> {timeout:.0f} s" if value is None else f"{value:.2f} s"


def report_row(row: dict, timeout: float) -> str:
    ours, theirs = row["casegraph"], row.get("pyvis")
    text = (f"| {row['nodes']:,} | {row['edges']:,} | {ours['write']:.2f} s ({ours['data+layout']:.2f} layout+data) "
            f"| {ours['bytes'] / 1e6:.1f} MB, {ours['drawn']:,} drawn | {_s(ours['firstDraw'])} "
            f"| {_s(ours['interactive'])} (pan {ours.get('frame', 0) * 1000:.0f} ms) |")
    if theirs:
        text += (f" {theirs['write']:.2f} s{'' if theirs['add_node'] else ' (lists filled directly)'} "
                 f"| {_s(theirs['firstDraw'], timeout)} | {_s(theirs['interactive'], timeout)} |")
    return text


if __name__ == "__main__":
    raise SystemExit(main())
