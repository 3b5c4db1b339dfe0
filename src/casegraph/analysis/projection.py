"""The networkx view of the RDF graph: entities become nodes, object-property triples become edges.

What becomes an edge is declared in the ontology (``cg:projected`` on properties and classes, ``cg:hubFrom`` /
``cg:hubTo`` / ``cg:hubLabel`` on the classes whose instances link several entities), never hard-coded here.
Literals never become nodes: two entities that share the value "2024" are not connected.

>>> from casegraph import CaseGraph
>>> G = CaseGraph.open().project()
>>> G.nodes["https://w3id.org/casegraph/id/person/ahmad-al-dahle"]["label"]
'Ahmad Al-Dahle'
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import networkx as nx
from rdflib import OWL, RDF, RDFS, Literal, URIRef

from ..facts import as_claim
from ..ontology import NAMESPACE, lookup_tier, ontology_graph
from ..timeline import most_precise
from ..vocab import CG

#: the named graph that holds derived triples (see casegraph.analysis.inference)
INFERRED_GRAPH = URIRef("https://w3id.org/casegraph/id/graph/inferred")


@dataclass(frozen=True)
class Hub:
    """A class whose instances can collapse into one edge from a ``from_property`` value to a ``to_property`` one."""

    cls: URIRef
    from_property: URIRef
    to_property: URIRef
    labels: dict[str, str]


@dataclass(frozen=True)
class ProjectionSpec:
    """What the ontology says about the projection."""

    edge_properties: frozenset[URIRef]
    excluded_classes: frozenset[URIRef]
    hubs: tuple[Hub, ...]
    labels: dict[URIRef, dict[str, str]] = field(hash=False, compare=False)
    superclasses: dict[URIRef, frozenset[URIRef]] = field(hash=False, compare=False)

    def label(self, term: URIRef, lang: str = "en") -> str:
        by_lang = self.labels.get(term, {})
        return by_lang.get(lang) or by_lang.get("en") or str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@lru_cache(maxsize=1)
def projection_spec() -> ProjectionSpec:
    """Read the projection annotations from the ontology (once)."""
    g = ontology_graph()
    true, false = Literal(True), Literal(False)
    edges = frozenset(s for s, o in g.subject_objects(CG.projected) if o == true and not _is_class(g, s))
    excluded = set()
    for cls, o in g.subject_objects(CG.projected):
        if o == false:
            excluded.update(g.transitive_subjects(RDFS.subClassOf, cls))
    labels: dict[URIRef, dict[str, str]] = defaultdict(dict)
    for term, label in g.subject_objects(RDFS.label):
        if isinstance(label, Literal) and label.language:
            labels[term][label.language] = str(label)
    hubs = tuple(
        Hub(cls, g.value(cls, CG.hubFrom), g.value(cls, CG.hubTo),
            {str(l.language): str(l) for l in g.objects(cls, CG.hubLabel)})
        for cls in sorted(set(g.subjects(CG.hubFrom, None)))
    )
    superclasses = {cls: frozenset(g.transitive_objects(cls, RDFS.subClassOf))
                    for cls in set(g.subjects(RDF.type, None)) if _is_class(g, cls)}
    return ProjectionSpec(edges, frozenset(excluded), hubs, dict(labels), superclasses)


def _is_class(g, term) -> bool:
    return (term, RDF.type, OWL.Class) in g


def project(cg, *, lang: str = "en", collapse: bool = False, include_inferred: bool = True) -> nx.MultiDiGraph:
    """The projection of ``cg`` as a networkx MultiDiGraph.

    Nodes are IRIs (plain strings) with ``label`` (in ``lang``), ``kind`` (class label), ``cls`` (class IRI) and ``tier``
    (see :data:`casegraph.ontology.LOOKUP_TIERS`). Edges are keyed by predicate IRI and carry ``predicate``,
    ``label``, ``sources`` (URLs), ``graphs``, ``status`` (when a claim is involved), ``date`` and
    ``inferred``. With ``collapse=True`` each statement becomes a "said about" edge from its speaker to what it
    mentions, and each claim an edge from its subject to its object named after its predicate.
    """
    spec = projection_spec()
    inferred = str(INFERRED_GRAPH)
    # Everything is read as plain strings (no rdflib term per IRI) by the store's own engine, which is most of
    # the time at a million quads. The predicates in a fixed order: the order edges are added decides which of
    # several equally short paths is reported, which must not change from one run to the next. On Oxigraph the
    # relations are read in threads from here on, while what is said of the nodes is read below.
    relations = cg.plain_quads(sorted(spec.edge_properties))
    known = _Nodes(cg, spec, lang)
    sources, types, statuses, dates, excluded, word = (known.sources, known.types, known.statuses, known.dates,
                                                       known.excluded, known.word)

    # The graph is built straight into the dicts networkx documents as a MultiDiGraph's data structure (node ->
    # attributes; node -> neighbour -> key -> edge attributes, the key dict shared by successors and
    # predecessors), as the kept projection is read back, and as the relations arrive: add_node and add_edge
    # checked and copied each time, a third of the build at a million quads.
    G = nx.MultiDiGraph(lang=lang, collapsed=collapse)
    nodes, succ, pred = G._node, G._succ, G._pred  # noqa: SLF001

    def add_node(node: str) -> None:
        """Add ``node`` (not yet in the graph) with its attributes."""
        nodes[node] = known.attributes.get(node) or known.attributes_of(node)
        succ[node], pred[node] = {}, {}

    hubs_of: dict[str, Hub] = {}
    if collapse:
        hub_classes = {h.cls: h for h in spec.hubs}
        hub_of_class = {cls: next((hub_classes[c] for c in sorted(spec.superclasses.get(cls, frozenset()) | {cls})
                                   if c in hub_classes), None)
                        for cls in map(URIRef, {t for ts in types.values() for t in ts})}
        hubs_of = {node: hub for node, ts in types.items() for t in ts if (hub := hub_of_class[URIRef(t)])}
    through_hubs: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # collapsed below

    # Most edges share their set of source graphs with many others: its sorted graphs and URLs are worked out
    # once and shared (tuples, so that no edge can change another's). An inferred edge is sourced by the
    # documents its derivation was derived from, not by the rule book.
    by_graphs: dict[str | frozenset, tuple[tuple[str, ...], tuple[str, ...], bool]] = {}

    def shared(key: str | frozenset) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
        """The sorted graphs, their URLs and whether they include the inferred graph, for one graph or a set."""
        graphs = (key,) if isinstance(key, str) else key
        by_graphs[key] = (tuple(sorted(graphs)), _urls(graphs, sources), inferred in graphs)
        return by_graphs[key]

    derived_from: dict[tuple[str, str, str], tuple[str, ...]] | None = None
    relation_label = {str(p): word(str(p)) for p in spec.edge_properties}
    status_word = {node: word(status) for node, status in statuses.items()}  # a label is never empty
    attributes, attributes_of = known.attributes, known.attributes_of
    left_out = None if include_inferred else inferred
    # The loop runs once a relation (418,000 times at a million quads) and is most of the build: every lookup
    # in it counts, hence the local names and one dict lookup where two would read better.
    for s, p, o, g in relations:
        if s in excluded or o in excluded or g == left_out:
            continue
        if hubs_of and (s in hubs_of or o in hubs_of):
            through_hubs[(s, p, o)].add(g)
            continue
        out = succ.get(s)
        if out is None:
            nodes[s] = attributes.get(s) or attributes_of(s)
            out = succ[s] = {}
            pred[s] = {}
        if o not in nodes:
            nodes[o] = attributes.get(o) or attributes_of(o)
            succ[o], pred[o] = {}, {}
        keys = out.get(o)
        if keys is None:
            keys = out[o] = pred[o][s] = {}
        edge = keys.get(p)
        key = g if edge is None else frozenset((*edge["graphs"], g))  # a triple stated in another graph too
        graph_list, urls, is_inferred = by_graphs.get(key) or shared(key)
        if is_inferred:
            if derived_from is None:
                derived_from = _derivation_sources(cg, sources)
            urls = derived_from.get((s, p, o), ())
        if edge is None:
            keys[p] = {"predicate": p, "label": relation_label[p], "graphs": graph_list, "sources": urls,
                       "status": status_word.get(s) or status_word.get(o) or "",
                       "date": dates.get(s) or dates.get(o) or "", "inferred": is_inferred, "via": ""}
        else:
            edge.update(graphs=graph_list, sources=urls, inferred=is_inferred)

    if collapse:
        _collapse(G, cg, spec, hubs_of, through_hubs, statuses, dates, sources, lang, add_node, word)
    return G


# --- kept beside the store ------------------------------------------------------------------------------

#: the attributes networkx keeps a MultiDiGraph in (what its own pickling restores)
_STATE = ("graph", "_node", "_succ", "_pred")


@contextmanager
def _bulk():
    """No cyclic garbage collection while a graph of plain dicts is built: nothing in it is garbage, and the
    collector, woken by every few hundred new containers, took a quarter to half of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def kept_projection(cg, folder: Path | None, generation: str | None, **options) -> nx.MultiDiGraph:
    """The projection of ``cg`` with ``options``, read from ``folder`` when it was kept there for the store's
    ``generation``, else built (and kept there for the next run).

    Kept as networkx's own state (the dicts of nodes and adjacency) written with :mod:`marshal`, which holds
    plain data only (no code runs when it is read, unlike pickle) and keeps the edge dicts shared between
    successors and predecessors; reading it back is about 15 times faster than projecting again. The file's
    name holds the generation, the options and the versions of casegraph, networkx and the ontology, so a
    file never answers for another state of the store; files of other generations are removed.
    """
    if folder is None or generation is None:
        with _bulk():
            return project(cg, **options)
    from .. import __version__
    from ..ontology import ontology_digest

    digest = hashlib.sha1(repr((sorted(options.items()), __version__, nx.__version__, ontology_digest()))
                          .encode()).hexdigest()[:16]
    path = folder / f"projection-{generation}-{digest}.marshal"
    if path.is_file():
        try:
            with _bulk():
                state = marshal.loads(path.read_bytes())
            if isinstance(state, dict) and set(state) == set(_STATE):
                G = nx.MultiDiGraph()
                G.__dict__.update(state)
                G._adj = G._succ
                return G
        except (EOFError, ValueError, TypeError):
            pass  # a damaged file is projected again and rewritten
    with _bulk():
        G = project(cg, **options)
    try:
        blob = marshal.dumps({name: getattr(G, name) for name in _STATE})
    except ValueError:
        return G  # a value marshal cannot write: not kept
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("projection-*.marshal"):
        if not old.name.startswith(f"projection-{generation}-"):
            old.unlink(missing_ok=True)
    scratch = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    scratch.write_bytes(blob)
    scratch.replace(path)  # atomic: a reader sees the whole file or none
    return G


def _collapse(G, cg, spec, hubs_of, triples, statuses, dates, sources, lang, add_node, word) -> None:
    by_hub: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    hub_graphs: dict[str, set] = defaultdict(set)
    for (s, p, o), graphs in triples.items():
        if s in hubs_of:
            by_hub[s][p].add(o)
            hub_graphs[s] |= graphs
    predicates = {s: value for s, value, _ in cg.plain_values(CG.claimPredicate)}
    for hub_node, values in by_hub.items():
        hub = hubs_of[hub_node]
        predicate = predicates.get(hub_node)
        label = word(predicate) if predicate is not None else (hub.labels.get(lang) or hub.labels.get("en"))
        status = statuses.get(hub_node)
        status_label = word(status) if status is not None else ""
        label = as_claim(label, status_label, lang)  # a claim's edge reads "alleged: trained on", never as fact
        for s in values.get(str(hub.from_property), ()):
            for o in values.get(str(hub.to_property), ()):
                if s == o:
                    continue
                for node in (s, o):
                    if node not in G:
                        add_node(node)
                G.add_edge(s, o, key=f"{predicate or hub.cls}|{hub_node}",
                           predicate=str(predicate or hub.cls),
                           label=label, graphs=tuple(sorted(hub_graphs[hub_node])),
                           sources=_urls(hub_graphs[hub_node], sources),
                           status=status_label, date=dates.get(hub_node, ""), inferred=False, via=hub_node)


def _most_specific(classes: set[URIRef], spec: ProjectionSpec) -> URIRef | None:
    ours = [c for c in classes if str(c).startswith(NAMESPACE)]
    specific = [c for c in ours if not any(o != c and c in spec.superclasses.get(o, ()) for o in ours)]
    return sorted(specific or ours)[0] if ours else None


class _Nodes:
    """What the projection reads of its nodes: their types, labels, statuses and dates, and the source URL of
    each graph; with the attributes worked out of each node that has a type or a label and is not left out."""

    def __init__(self, cg, spec: ProjectionSpec, lang: str):
        self.spec, self.lang = spec, lang
        self.sources = cg.source_urls()
        self.types: dict[str, set[str]] = defaultdict(set)
        for s, cls, _ in cg.plain_values(RDF.type):
            self.types[s].add(cls)
        self.labels: dict[str, tuple[int, str]] = {}  # node -> (rank, label)
        for s, label, language in cg.plain_values(RDFS.label):
            # The label in the chosen language wins, then English or untagged, then any; ties by text.
            rank = (0 if language == lang else 1 if language in (None, "en") else 2, label)
            if s not in self.labels or rank < self.labels[s]:
                self.labels[s] = rank
        self.statuses = {s: status for s, status, _ in cg.plain_values(CG.status)}
        dates = defaultdict(list)
        for s, date, _ in cg.plain_values(CG.date):
            dates[s].append(date)
        self.dates = {s: most_precise(given) for s, given in dates.items()}
        excluded = {str(c) for c in spec.excluded_classes}
        self.excluded = {s for s, ts in self.types.items() if not ts.isdisjoint(excluded)}
        self._classes: dict[frozenset, tuple] = {}  # most nodes share a handful of type sets: each worked out once
        self._words: dict[str, str] = {}
        self.attributes = {node: self.attributes_of(node)
                           for node in (self.types.keys() | self.labels.keys()) - self.excluded}

    def word(self, iri: str) -> str:
        """The label of a predicate or a status, in the projection's language."""
        if iri not in self._words:
            self._words[iri] = self.spec.label(URIRef(iri), self.lang)
        return self._words[iri]

    def attributes_of(self, node: str) -> dict:
        node_types = frozenset(self.types.get(node, ()))
        if node_types not in self._classes:
            terms = {URIRef(t) for t in node_types}
            cls = _most_specific(terms, self.spec)
            self._classes[node_types] = (str(cls) if cls else "", self.spec.label(cls, self.lang) if cls else "",
                                         lookup_tier(terms))
        cls, kind, tier = self._classes[node_types]
        label = self.labels[node][1] if node in self.labels else _fallback(node)
        if node in self.statuses:  # a claim reads as one: "alleged: ..."
            label = as_claim(label, self.word(self.statuses[node]), self.lang)
        return {"iri": node, "label": label, "cls": cls, "kind": kind, "tier": tier}


def _fallback(node: str) -> str:
    return node.rstrip("/").rsplit("/", 1)[-1]


def _urls(graphs: Iterable[str], sources: dict[str, str | None]) -> tuple[str, ...]:
    return tuple(sorted({url for g in graphs if (url := sources.get(g))}))


def _derivation_sources(cg, sources: dict[str, str | None]) -> dict[tuple[str, str, str], tuple[str, ...]]:
    """(subject, predicate, object) of each derived triple -> the URLs of the graphs it was derived from."""
    from .inference import derivations

    found: dict[tuple, set] = defaultdict(set)
    for triple, graphs in derivations(cg).values():
        found[triple].update(url for g in graphs if (url := sources.get(g)))
    return {key: tuple(sorted(urls)) for key, urls in found.items()}


def graph_text(G: nx.MultiDiGraph, fmt: str) -> str:
    """The projection as GraphML or GEXF text (Gephi opens both); list attributes become space-separated text."""
    flat = nx.MultiDiGraph()
    for node, data in G.nodes(data=True):
        flat.add_node(str(node), **{k: _flat(v) for k, v in data.items()})
    for u, v, key, data in G.edges(keys=True, data=True):
        flat.add_edge(str(u), str(v), key=str(key), **{k: _flat(val) for k, val in data.items()})
    writer = {"graphml": nx.generate_graphml, "gexf": nx.generate_gexf}[fmt]
    return "\n".join(writer(flat)) + "\n"


def _flat(value):
    if isinstance(value, (list, tuple, set)):
        return " ".join(map(str, value))
    return value if isinstance(value, (str, int, float, bool)) else str(value)
