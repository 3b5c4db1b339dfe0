"""Benchmark of the HTML viewer against pyvis's defaults, in Debian's headless chromium.

For each size it measures, for casegraph's viewer and for pyvis 0.3.2 with its defaults (``Network()``,
``add_node``/``add_edge``, physics on; ``cdn_resources="in_line"`` so that vis-network is in the page at all):
the time to write the HTML, the time from navigation to the first drawn frame, and the time until a pan of the
view has been drawn (interactive). Every non-file request is blocked, as in the tests.

    python bench/bench_viewer.py                      # 500, 5,000, 10,000, 50,000 nodes
    python bench/bench_viewer.py --sizes 500 5000 --pyvis-timeout 30
    python bench/bench_viewer.py --sizes --no-pyvis --entities 50000   # the map of groups, and the page ungrouped

The graphs are synthetic projections shaped like casegraph's (people, companies, cases, models, dated
statements and events, claims with a status; power-law degrees; ~2.2 edges per node), built directly as
networkx graphs: loading the same sizes through rdflib would measure the RDF parser, not the viewer.

``--entities N`` builds an entities-heavy graph instead (N entities in communities of uneven sizes, a tenth as
many statements, each drawn between its speaker and what it mentions) and times the page that opens on the map
of its groups: writing it, first draw, interactive, and a real click on a group until its members are drawn
(the largest group and one of median size); then the same page with grouping off, as it was before groups.
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


ENTITY_KINDS = [("Person", "person", 0.7), ("Company", "company", 0.2), ("AIModel", "AI model", 0.06),
                ("LegalCase", "legal case", 0.04)]


def synthetic_entities(n: int, seed: int = 42) -> tuple[nx.MultiDiGraph, list]:
    """An entities-heavy projection: ``n`` entities in communities (Pareto sizes, most relations inside one),
    ``n // 10`` statements linking a speaker to an entity it mentions, and those statements' edges between the
    two entities (``hubs``, as :func:`casegraph.viewer.hub_edges` makes them)."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    clusters, start = [], 0
    while start < n:
        size = min(n - start, max(20, int(rng.paretovariate(1.1) * 120)))
        clusters.append(range(start, start + size))
        start += size
    nodes = []
    for i in range(n):
        cls, kind, _w = rng.choices(ENTITY_KINDS, [k[2] for k in ENTITY_KINDS])[0]
        node = f"{ID}{kind.replace(' ', '-')}/e{i}"
        G.add_node(node, iri=node, label=f"{kind.title()} {i} Ünïcode", cls=NS + cls, kind=kind, tier=0)
        nodes.append(node)
    for members in clusters:
        for i in members:
            for _ in range(2):
                j = rng.choice(members) if rng.random() < 0.9 else rng.randrange(n)
                if i != j:
                    G.add_edge(nodes[i], nodes[j], key=f"r{i}-{j}", predicate=NS + "p", label=rng.choice(RELATIONS),
                               sources=(f"https://example.org/doc/{rng.randint(1, 500)}",), status="",
                               date="", inferred=False, via="")
    hubs = []
    for k in range(n // 10):
        members = rng.choice(clusters)
        speaker, about = nodes[rng.choice(members)], nodes[rng.choice(members)]
        if speaker == about:
            continue
        statement = f"{ID}statement/s{k}"
        date = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        G.add_node(statement, iri=statement, label=f"Statement {k}", cls=NS + "Statement", kind="statement",
                   tier=1, date=date)
        for role, node in (("speaker", speaker), ("mentions", about)):
            G.add_edge(statement, node, key=role, predicate=NS + role, label=role, sources=(), status="",
                       date=date, inferred=False, via="")
        hubs.append((speaker, about, {"label": "said about", "predicate": NS + "saidAbout", "via": statement,
                                      "date": date, "sources": (f"https://example.org/doc/{k % 500}",)}))
    return G, hubs


def write_entities(G, hubs, path: Path, *, group_above: int | None) -> dict:
    """The entities page for ``G``, grouped as it would be (``group_above`` None) or with grouping off."""
    kwargs = {} if group_above is None else {"group_above": group_above}
    t0 = time.perf_counter()
    data = view_data(G, hubs=hubs, title=f"{G.number_of_nodes()} nodes", **kwargs)
    t1 = time.perf_counter()
    View(render(data), data).save(path)
    groups = data.get("groups", [])
    return {"write": time.perf_counter() - t0, "data+layout": t1 - t0, "bytes": path.stat().st_size,
            "drawn": len(groups) if groups else sum(1 for node in data["nodes"] if not node.get("h")),
            "groups": groups}


# A real click on group k's node, timed from the pointer going down to the first frame drawn with its members.
CLICK_SETUP = """k => new Promise(resolve => {
  const v = casegraphViewer, n = v.network, id = v.groupId(k), m = window.casegraphMetrics;
  n.moveTo({position: n.getPositions([id])[id], scale: 1.0});
  document.getElementById('graph').addEventListener('pointerdown', () => { m.down = performance.now(); },
                                                    {capture: true, once: true});
  v.on('change', what => {
    if (what === 'groups' && v.state.openGroups.has(k) && m.opened == null)
      n.once('afterDrawing', () => { m.opened = performance.now(); });
  });
  n.once('afterDrawing', () => {
    const p = n.canvasToDOM(n.getPositions([id])[id]), r = document.getElementById('graph').getBoundingClientRect();
    resolve([r.left + p.x, r.top + p.y]);
  });
  n.redraw();
})"""


def measure_group_click(context, path: Path, group: int, timeout: float = 120) -> float:
    """Seconds from pressing the mouse on group ``group``'s node to the frame that draws its members."""
    page = context.new_page()
    try:
        page.goto(path.as_uri(), timeout=timeout * 1000)
        page.wait_for_function("window.casegraphMetrics && window.casegraphMetrics.ready", timeout=timeout * 1000)
        x, y = page.evaluate(CLICK_SETUP, group)
        page.mouse.click(x, y)
        page.wait_for_function("window.casegraphMetrics.opened", timeout=timeout * 1000, polling=20)
        return page.evaluate("(casegraphMetrics.opened - casegraphMetrics.down) / 1000")
    finally:
        page.close()


def entities_rows(context, n: int, work: Path) -> None:
    """The map of groups at ``n`` entities, then the same page with grouping off."""
    G, hubs = synthetic_entities(n)
    print(f"\nentities-heavy graph: {n:,} entities, {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges, "
          f"{len(hubs):,} statement edges")
    print("| page | write HTML | page size, drawn at first | first draw | interactive (pan drawn) "
          "| click on a group to its members drawn |")
    print("|---|---|---|---|---|---|")
    for name, group_above in (("map of groups", None), ("grouping off", 10**9)):
        path = work / f"entities-{n}-{'off' if group_above else 'map'}.html"
        ours = write_entities(G, hubs, path, group_above=group_above)
        ours.update(measure(context, path, 120))
        clicks = ""
        if ours["groups"]:
            groups = ours["groups"]
            sizes = sorted(range(len(groups)), key=lambda k: groups[k]["n"])
            for label, k in (("largest", sizes[-1]), ("median", sizes[len(sizes) // 2])):
                clicks += f"{label} ({groups[k]['n']:,} members) {measure_group_click(context, path, k):.2f} s; "
        drawn = f"{ours['drawn']:,} {'groups' if ours['groups'] else 'nodes'}"
        print(f"| {name} | {ours['write']:.2f} s ({ours['data+layout']:.2f} layout+data) "
              f"| {ours['bytes'] / 1e6:.1f} MB, {drawn} | {_s(ours['firstDraw'])} "
              f"| {_s(ours['interactive'])} (pan {ours.get('frame', 0) * 1000:.0f} ms) | {clicks.rstrip('; ')} |",
              flush=True)


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
    parser.add_argument("--entities", type=int, nargs="*", default=[],
                        help="also time the map of groups on an entities-heavy graph of this many entities")
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
        for n in args.entities:
            entities_rows(context, n, work)
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
