"""Questions over the projection, networkx-style: ``f(G, ...)`` on a MultiDiGraph from :func:`project`.

They read only node and edge attributes, so they run as well on five hand-built nodes as on the bundled
graph. Paths and neighbourhoods ignore edge direction (a relation links both ways for "how is A connected
to B"), but each hop is told in its true direction: "Kadrey v. Meta —defendant→ Meta Platforms, Inc.".
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import networkx as nx

from ..errors import CaseGraphError
from ..results import Result, clip, plural
from ..extras import needs

BACKENDS = ("auto", "networkx", "igraph")
MEASURES = ("degree", "indegree", "pagerank", "betweenness")


class NoPathError(CaseGraphError):
    """No path joins the two entities (with the relations allowed): an answer, not a mistake (the CLI exits 1)."""


@dataclass(frozen=True)
class Hop:
    """One step of a path: a triple, told in its true direction, with its date, status and sources."""

    subject: str
    subject_label: str
    predicate: str
    relation: str
    object: str
    object_label: str
    sources: tuple[str, ...]
    status: str = ""
    date: str = ""
    inferred: bool = False
    via: str = ""
    #: with ``path(..., why=True)``: the ways the hop holds (a :class:`~casegraph.why.Support`)
    why: Any = None

    def to_dict(self) -> dict:
        return {"subject": self.subject, "subjectLabel": self.subject_label, "relation": self.relation,
                "predicate": self.predicate, "object": self.object, "objectLabel": self.object_label,
                "date": self.date or None, "status": self.status or None, "inferred": self.inferred,
                "via": self.via or None, "sources": list(self.sources)}

    def explain(self, *, sources: bool = True) -> str:
        """The hop in words, e.g. "Ahmad Al-Dahle —employed by→ Meta Platforms, Inc. (source: https://...)";
        without its sources when ``sources`` is false."""
        # No status note: a claim's label, or the relation a collapsed claim becomes, already reads "alleged: ...".
        notes = [n for n in (self.date, "inferred" if self.inferred else "") if n]
        note = f" [{', '.join(notes)}]" if notes else ""
        told = f"{self.subject_label} —{self.relation}→ {self.object_label}{note}"
        return f"{told} (source: {'; '.join(self.sources) or 'none'})" if sources else told


@dataclass(frozen=True, repr=False)
class Path(Result):
    """A path from ``start`` to ``end`` as hops; an empty path joins an entity to itself. As rows, a hop a row.

    >>> from casegraph import CaseGraph
    >>> [path] = CaseGraph.open().path("Mistral AI", "Kadrey v. Meta")
    >>> path                                        # doctest: +ELLIPSIS
    <Path: Mistral AI → Kadrey v. Meta, ... hops>
    >>> list(path.to_pandas().columns[:4])
    ['step', 'subject_label', 'relation', 'object_label']
    """

    start: str
    end: str
    hops: tuple[Hop, ...]

    _columns = (("step", "int"), ("subject_label", "text"), ("relation", "text"), ("object_label", "text"),
                ("date", "date"), ("status", "text"), ("inferred", "bool"), ("via", "text"), ("subject", "text"),
                ("predicate", "text"), ("object", "text"), ("sources", "list"))
    _html_columns = ("step", "subject_label", "relation", "object_label", "date", "sources")

    def __len__(self) -> int:
        return len(self.hops)

    def _rows(self) -> list[dict]:
        return [{"step": n, "subject_label": h.subject_label, "relation": h.relation, "object_label": h.object_label,
                 "date": h.date or None, "status": h.status or None, "inferred": h.inferred, "via": h.via or None,
                 "subject": h.subject, "predicate": h.predicate, "object": h.object, "sources": list(h.sources)}
                for n, h in enumerate(self.hops, start=1)]

    def _summary(self) -> str:
        return f"{clip(self.start, 30)} → {clip(self.end, 30)}, {plural(len(self), 'hop')}"

    def to_dict(self) -> dict:
        """The path as JSON-ready data (the CLI's ``--json`` and the server's /api/path share it)."""
        return {"start": self.start, "end": self.end, "length": len(self), "hops": [h.to_dict() for h in self.hops]}

    def explain(self) -> str:
        if not self.hops:
            return f"{self.start} is {self.end} itself."
        return "\n".join(f"{i}. {hop.explain()}" for i, hop in enumerate(self.hops, start=1))


def _edge_rank(data: dict) -> tuple:
    """Which of several parallel relations tells a hop best: curated first, established first, best sourced."""
    return (data.get("inferred", False), bool(data.get("status")), -len(data.get("sources", ())), data.get("label", ""))


def _allowed(data: dict, key, exclude: set[str], include_inferred: bool) -> bool:
    if data.get("inferred") and not include_inferred:
        return False
    return not (exclude & {data.get("predicate", ""), data.get("label", ""), str(key)})


def _best_edge(G: nx.MultiDiGraph, a, b, exclude: set[str], include_inferred: bool) -> tuple:
    """The best allowed relation between ``a`` and ``b``, in whichever direction it runs."""
    candidates = [(u, v, d) for u, v in ((a, b), (b, a)) for key, d in (G.get_edge_data(u, v) or {}).items()
                  if _allowed(d, key, exclude, include_inferred)]
    # Ties go by direction, predicate and sources, not by the order the store gave the quads in.
    return min(candidates, key=lambda c: (_edge_rank(c[2]), str(c[0]), c[2].get("predicate", ""),
                                          tuple(c[2].get("sources", ()))))


def _undirected_view(G: nx.MultiDiGraph, exclude: set[str], include_inferred: bool):
    """G without the left-out relations, direction ignored; a view, so nothing is copied."""
    if exclude or not include_inferred:
        full = G
        G = nx.subgraph_view(full, filter_edge=lambda u, v, k: _allowed(full[u][v][k], k, exclude, include_inferred))
    return G.to_undirected(as_view=True)


def _shortest_path(view, source, target) -> list:
    """One shortest path, by a breadth-first search from both ends that visits neighbours in IRI order, so that
    of several equally short paths every run finds the same one (networkx's own search follows the undirected
    view's neighbour sets, whose order changes with Python's hash seed from one run to the next).

    >>> _shortest_path(nx.Graph([("a", "y"), ("a", "x"), ("x", "b"), ("y", "b")]), "a", "b")
    ['a', 'x', 'b']
    """
    before, after = {source: None}, {target: None}  # each reached node -> the node it was reached from
    ahead, behind = [source], [target]
    while ahead and behind:
        forward = len(ahead) <= len(behind)  # grow the smaller side by one level
        fringe, reached, other = (ahead, before, after) if forward else (behind, after, before)
        level = []
        for node in fringe:
            for neighbour in sorted(view[node], key=str):
                if neighbour not in reached:
                    reached[neighbour] = node
                    level.append(neighbour)
                if neighbour in other:  # the two searches meet: the first meeting is a shortest path
                    return _joined(before, after, neighbour)
        if forward:
            ahead = level
        else:
            behind = level
    raise nx.NetworkXNoPath(f"no path between {source} and {target}")


def _joined(before: dict, after: dict, meeting) -> list:
    path, node = [], meeting
    while node is not None:
        path.append(node)
        node = before[node]
    path.reverse()
    node = after[meeting]
    while node is not None:
        path.append(node)
        node = after[node]
    return path


def _hop(G: nx.MultiDiGraph, best: tuple) -> Hop:
    u, v, data = best
    return Hop(subject=str(u), subject_label=G.nodes[u].get("label", str(u)), predicate=data.get("predicate", ""),
               relation=data.get("label", ""), object=str(v), object_label=G.nodes[v].get("label", str(v)),
               sources=tuple(data.get("sources", ())), status=data.get("status", ""), date=data.get("date", ""),
               inferred=bool(data.get("inferred")), via=data.get("via", ""))


def paths(G: nx.MultiDiGraph, source, target, *, k: int = 1, exclude: tuple[str, ...] = (),
          include_inferred: bool = True) -> list[Path]:
    """The ``k`` shortest simple paths between ``source`` and ``target``, shortest first.

    Parameters
    ----------
    G : the projection (nodes with ``label``, edges with ``predicate``, ``label``, ``sources`` ...)
    source, target : nodes of ``G``
    k : how many paths (the k shortest simple paths, by number of hops)
    exclude : relations to leave out, by predicate IRI or label (e.g. ``("mentions",)``)
    include_inferred : False leaves out derived relations

    Raises
    ------
    NoPathError
        When no path joins them.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="A"); G.add_node("b", label="B"); G.add_node("c", label="C")
    >>> G.add_edge("a", "b", key="p", predicate="p", label="knows", sources=["https://x"])
    'p'
    >>> G.add_edge("c", "b", key="p", predicate="p", label="knows", sources=["https://y"])
    'p'
    >>> print(paths(G, "a", "c")[0].explain())
    1. A —knows→ B (source: https://x)
    2. C —knows→ B (source: https://y)
    """
    for node in (source, target):
        if node not in G:
            raise CaseGraphError(f"{node} is not in the graph")
    label = lambda n: G.nodes[n].get("label", str(n))  # noqa: E731
    if source == target:
        return [Path(label(source), label(target), ())]
    excluded = set(exclude)
    view = _undirected_view(G, excluded, include_inferred)
    try:
        if k <= 1:  # one shortest path: a bidirectional search on the view, fast on a large graph
            found = [_shortest_path(view, source, target)]
        else:  # k shortest simple paths need a simple graph: build it, in IRI order, so that paths of equal
            # length come in the same order whatever order the store gave the quads in
            simple = nx.Graph()
            simple.add_nodes_from(sorted(view.nodes, key=str))
            edges = {(a, b) if str(a) <= str(b) else (b, a) for a, b in view.edges()}
            simple.add_edges_from(sorted(edges, key=lambda edge: (str(edge[0]), str(edge[1]))))
            found = list(islice(nx.shortest_simple_paths(simple, source, target), k))
    except nx.NetworkXNoPath:
        raise NoPathError(f"no path between {label(source)!r} and {label(target)!r}"
                          + (f" without {', '.join(exclude)}" if exclude else "")) from None
    return [Path(label(source), label(target),
                 tuple(_hop(G, _best_edge(G, a, b, excluded, include_inferred)) for a, b in zip(nodes, nodes[1:])))
            for nodes in found]


@dataclass(repr=False)
class Neighbourhood(Result):
    """The entities within ``depth`` hops of ``center``, with the relations among them counted; as rows, an
    entity a row, nearest first."""

    center: str
    depth: int
    nodes: list[tuple[str, str, str, int]] = field(default_factory=list)  # (node, label, kind, distance)
    relations: Counter = field(default_factory=Counter)
    subgraph: nx.MultiDiGraph | None = None

    _columns = (("distance", "int"), ("label", "text"), ("kind", "text"), ("iri", "text"))

    def to_dict(self) -> dict:
        """The neighbourhood as JSON-ready data (the CLI's ``--json`` and the server's /api/neighbors share it)."""
        return {"center": self.center, "depth": self.depth,
                "nodes": [{"iri": n, "label": label, "kind": k, "distance": d} for n, label, k, d in self.nodes],
                "relations": dict(self.relations.most_common())}

    def _rows(self) -> list[dict]:
        return [{"distance": d, "label": label, "kind": k, "iri": n} for n, label, k, d in self.nodes]

    def _summary(self) -> str:
        label = self.subgraph.nodes[self.center].get("label", self.center) if self.subgraph is not None \
            and self.center in self.subgraph else self.center
        noun = "entity" if len(self.nodes) == 1 else "entities"
        return f"{len(self.nodes)} {noun} within {plural(self.depth, 'hop')} of {clip(label, 40)}"


def neighbors(G: nx.MultiDiGraph, node, *, depth: int = 1, include_inferred: bool = True) -> Neighbourhood:
    """The ego network of ``node``: every entity within ``depth`` hops, nearest first, and the count of each
    relation among them.

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", label="knows"); G.add_edge("b", "c", label="knows"); G.add_edge("c", "d", label="x")
    0
    0
    0
    >>> [n[0] for n in neighbors(G, "a", depth=2).nodes]
    ['b', 'c']
    """
    if node not in G:
        raise CaseGraphError(f"{node} is not in the graph")
    if depth < 1:
        raise CaseGraphError(f"depth must be at least 1, got {depth}")
    distances = nx.single_source_shortest_path_length(_undirected_view(G, set(), include_inferred), node,
                                                      cutoff=depth)
    keep = set(distances)
    sub = G.subgraph(keep).copy()
    if not include_inferred:
        sub.remove_edges_from([(u, v, k) for u, v, k, d in sub.edges(keys=True, data=True) if d.get("inferred")])
    ring = sorted((n for n in keep if n != node), key=lambda n: (distances[n], G.nodes[n].get("label", str(n))))
    return Neighbourhood(
        center=node, depth=depth,
        nodes=[(n, G.nodes[n].get("label", str(n)), G.nodes[n].get("kind", ""), distances[n]) for n in ring],
        relations=Counter(d.get("label", "") for _u, _v, d in sub.edges(data=True)),
        subgraph=sub,
    )


def weighted_undirected(G: nx.MultiDiGraph) -> nx.Graph:
    """Parallel relations in either direction become one undirected edge whose weight counts them."""
    H = nx.Graph()
    H.add_nodes_from(G.nodes)
    for u, v in G.edges():
        if u == v:
            continue
        if H.has_edge(u, v):
            H[u][v]["weight"] += 1
        else:
            H.add_edge(u, v, weight=1)
    return H


def rank(G: nx.MultiDiGraph, by: str = "pagerank", *, backend: str = "auto", samples: int | None = None,
         seed: int = 0) -> dict:
    """Centrality of every node: ``degree`` (number of relations), ``indegree`` (relations that point at
    it: in a citation network, how often a decision is cited), ``pagerank`` or ``betweenness``.

    Computed on the undirected view (relations weigh by how many link the two ends), but ``indegree``, which
    counts each distinct (source, relation) pointing at the node. ``backend="networkx"``
    is the reference; ``"igraph"`` gives the same numbers much faster on large graphs; ``"auto"`` picks igraph
    when it is installed. ``samples`` estimates betweenness from that many source nodes (exact when None).

    >>> G = nx.MultiDiGraph([("a", "hub"), ("b", "hub"), ("c", "hub")])
    >>> max(rank(G, "degree").items(), key=lambda kv: kv[1])[0]
    'hub'
    """
    if by not in MEASURES:
        raise CaseGraphError(f"unknown measure {by!r}; use one of {', '.join(MEASURES)}")
    if backend not in BACKENDS:
        raise CaseGraphError(f"unknown backend {backend!r}; use one of {', '.join(BACKENDS)}")
    if backend == "auto":
        backend = "igraph" if _igraph() is not None else "networkx"
    if by == "indegree":
        return {n: float(len({(u, key) for u, _v, key in G.in_edges(n, keys=True) if u != n})) for n in G.nodes}
    if backend == "igraph" and by != "degree":
        return _rank_igraph(G, by, samples, seed)
    H = weighted_undirected(G)
    if by == "degree":
        return {n: float(d) for n, d in H.degree(weight="weight")}
    if by == "pagerank":
        with needs():  # networkx's PageRank runs on scipy (the scipy extra); igraph's does not
            return nx.pagerank(H, weight="weight")
    if samples and samples < H.number_of_nodes():
        sources = random.Random(seed).sample(sorted(H.nodes, key=str), samples)
        scores = nx.betweenness_centrality_subset(H, sources, list(H.nodes), normalized=False)
        return _scale_sampled(scores, H.number_of_nodes(), samples)
    return nx.betweenness_centrality(H, normalized=True)


def _scale_sampled(scores: dict, n: int, samples: int) -> dict:
    # Sampled sums over `samples` sources estimate the full sum scaled by n / samples; then normalise as
    # networkx does for undirected graphs, 2 / ((n - 1)(n - 2)).
    factor = (n / samples) * (2.0 / ((n - 1) * (n - 2))) if n > 2 else 0.0
    return {node: value * factor for node, value in scores.items()}


def _igraph():
    try:
        import igraph
    except ImportError:  # optional at run time: networkx stays the reference
        return None
    return igraph


def _to_igraph(G: nx.Graph):
    """The same weighted undirected graph as :func:`weighted_undirected`, built in igraph directly (at a
    million quads, building the networkx copy first costs more than the measure itself)."""
    ig = _igraph()
    if ig is None:
        raise CaseGraphError("the igraph backend needs the igraph package: pip install igraph")
    nodes = list(G.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    graph = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges() if u != v], directed=False)
    graph.es["weight"] = 1
    graph.simplify(multiple=True, loops=True, combine_edges="sum")
    return graph, nodes


def _rank_igraph(G: nx.Graph, by: str, samples: int | None, seed: int) -> dict:
    graph, nodes = _to_igraph(G)
    if by == "pagerank":
        values = graph.pagerank(weights="weight") if graph.ecount() else [1 / max(len(nodes), 1)] * len(nodes)
        return dict(zip(nodes, values))
    n = len(nodes)
    if samples and samples < n:
        chosen = random.Random(seed).sample(sorted(nodes, key=str), samples)
        index = {node: i for i, node in enumerate(nodes)}
        raw = graph.betweenness(directed=False, sources=[index[s] for s in chosen])
        return _scale_sampled(dict(zip(nodes, raw)), n, samples)
    raw = graph.betweenness(directed=False)
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    return dict(zip(nodes, [v * scale for v in raw]))


@dataclass(frozen=True)
class Ranked:
    """A node with its centrality score."""

    iri: str
    label: str
    kind: str
    score: float

    def to_dict(self) -> dict:
        return {"iri": self.iri, "label": self.label, "kind": self.kind, "score": self.score}


def top(G: nx.MultiDiGraph, scores: dict, n: int = 10, *, entities_only: bool = True) -> list[Ranked]:
    """The ``n`` best-scored nodes, ties broken by label; ``entities_only`` keeps people, organisations, cases,
    models and data sets (lookup tier 0) and leaves out statements, claims and events."""
    chosen = [node for node in scores if not entities_only or G.nodes[node].get("tier", 1) == 0]
    # Scores equal but for float noise (1e-17 apart on two backends) are a tie, broken by label.
    chosen.sort(key=lambda node: (-round(scores[node], 9), G.nodes[node].get("label", str(node))))
    return [Ranked(str(node), G.nodes[node].get("label", str(node)), G.nodes[node].get("kind", ""), scores[node])
            for node in chosen[:n]]


@dataclass
class Community:
    """A group of densely linked entities, named by its most central members."""

    name: str
    members: list[tuple[str, str]]  # (node, label), most central first

    def __len__(self) -> int:
        return len(self.members)

    def to_dict(self) -> dict:
        return {"name": self.name, "members": [{"iri": n, "label": label} for n, label in self.members]}


def communities(G: nx.MultiDiGraph, *, seed: int = 0, backend: str = "auto", resolution: float = 1.0) -> list[Community]:
    """Louvain communities of the undirected view, largest first, each named by its three most central members.

    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
    >>> sorted(sorted(n for n, _l in c.members) for c in communities(G, backend="networkx"))
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    if backend not in BACKENDS:
        raise CaseGraphError(f"unknown backend {backend!r}; use one of {', '.join(BACKENDS)}")
    if backend == "auto":
        backend = "igraph" if _igraph() is not None and G.number_of_nodes() > 5000 else "networkx"
    if backend == "igraph":
        # No networkx copy on this path: at 50,000 nodes building it costs more than the communities.
        graph, nodes = _to_igraph(G)
        ig = _igraph()
        ig.set_random_number_generator(random.Random(seed))
        try:
            parts = graph.community_multilevel(weights="weight", resolution=resolution)
        finally:
            ig.set_random_number_generator(random)
        groups = [[nodes[i] for i in part] for part in parts]
        # the same weighted degree as the networkx path's (loops dropped, parallel relations counted)
        degree = dict(zip(nodes, graph.strength(weights="weight") if graph.ecount() else [0] * len(nodes)))
    else:
        H = weighted_undirected(G)
        groups = [list(g) for g in nx.community.louvain_communities(H, weight="weight", seed=seed,
                                                                    resolution=resolution)]
        degree = dict(H.degree(weight="weight"))
    label = lambda n: G.nodes[n].get("label", str(n))  # noqa: E731
    found = []
    for group in groups:
        ordered = sorted(group, key=lambda n: (-degree.get(n, 0), label(n)))
        found.append(Community(name=" / ".join(label(n) for n in ordered[:3]),
                               members=[(n, label(n)) for n in ordered]))
    return sorted(found, key=lambda c: (-len(c), c.name))
