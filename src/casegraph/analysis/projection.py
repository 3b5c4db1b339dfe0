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
from rdflib.namespace import PROV

from ..facts import as_claim
from ..ontology import NAMESPACE, lookup_tier, ontology_graph
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
    ds = cg.dataset
    sources = {URIRef(g): ref.url for g, ref in cg.sources().items()}

    # One pass over the quads of the relations it draws, the types, labels, statuses and dates collects
    # everything the projection needs (not the statements' text): at a million quads, each extra pass over
    # rdflib's store costs seconds, and a server sends only these.
    types: dict[URIRef, set[URIRef]] = defaultdict(set)
    labels: dict[URIRef, tuple[int, str]] = {}
    statuses: dict[URIRef, URIRef] = {}
    dates: dict[URIRef, str] = {}
    candidates: dict[tuple, set[URIRef]] = defaultdict(set)
    # rdflib terms compare and hash in Python: the constants are looked up once, outside the loop.
    edge_properties, rdf_type, rdfs_label, cg_status, cg_date = (
        spec.edge_properties, RDF.type, RDFS.label, CG.status, CG.date)
    # The predicates in a fixed order: the order edges are added decides which of several equally short paths
    # is reported, which must not change from one run to the next (a set's order changes with the hash seed).
    for s, p, o, g in cg.quads(predicates=[*sorted(edge_properties), rdf_type, rdfs_label, cg_status, cg_date]):
        if p in edge_properties:
            if type(o) is URIRef and type(s) is URIRef and (include_inferred or g != INFERRED_GRAPH):
                candidates[(s, p, o)].add(g)
        elif p == rdf_type:
            types[s].add(o)
        elif p == rdfs_label:
            # The label in the chosen language wins, then English or untagged, then any.
            rank = 0 if o.language == lang else 1 if o.language in (None, "en") else 2
            if s not in labels or (rank, str(o)) < labels[s]:
                labels[s] = (rank, str(o))
        elif p == cg_status:
            statuses[s] = o
        elif p == cg_date and len(o) > len(dates.get(s, "")):
            dates[s] = str(o)  # the most precise date any source gives

    excluded = {s for s, ts in types.items() if ts & spec.excluded_classes}
    triples = {spo: graphs for spo, graphs in candidates.items() if spo[0] not in excluded and spo[2] not in excluded}

    # An inferred edge is sourced by the documents its derivation was derived from, not by the rule book.
    derived_from = _derivation_sources(ds, sources)

    G = nx.MultiDiGraph(lang=lang, collapsed=collapse)

    classes: dict[frozenset, tuple] = {}  # most nodes share a handful of type sets: work each out once

    def add_node(node: URIRef) -> None:
        if str(node) in G:
            return
        node_types = frozenset(types.get(node, ()))
        if node_types not in classes:
            cls = _most_specific(set(node_types), spec)
            classes[node_types] = (str(cls) if cls else "", spec.label(cls, lang) if cls else "",
                                   lookup_tier(node_types))
        cls, kind, tier = classes[node_types]
        label = labels[node][1] if node in labels else _fallback(node)
        if node in statuses:  # a claim reads as one: "alleged: ..."
            label = as_claim(label, spec.label(statuses[node], lang), lang)
        G.add_node(str(node), iri=str(node), label=label, cls=cls, kind=kind, tier=tier)

    relation = {p: spec.label(p, lang) for p in spec.edge_properties}
    urls_of: dict[frozenset, tuple[str, ...]] = {}

    hub_classes = {h.cls: h for h in spec.hubs} if collapse else {}
    hubs_of: dict[URIRef, Hub] = {}
    for node, ts in types.items():
        for cls in ts:
            hub = next((hub_classes[c] for c in spec.superclasses.get(cls, {cls}) | {cls} if c in hub_classes), None)
            if hub:
                hubs_of[node] = hub

    for (s, p, o), graphs in triples.items():
        if s in hubs_of or o in hubs_of:
            continue  # collapsed below
        for node in (s, o):
            add_node(node)
        status = statuses.get(s) or statuses.get(o)
        if INFERRED_GRAPH in graphs:
            urls = derived_from.get((s, p, o), ())
        else:
            key = frozenset(graphs)  # most edges share their set of source graphs with many others
            if key not in urls_of:
                urls_of[key] = _urls(graphs, sources)
            urls = urls_of[key]
        G.add_edge(str(s), str(o), key=str(p), predicate=str(p), label=relation[p],
                   graphs=sorted(str(g) for g in graphs), sources=urls,
                   status=spec.label(status, lang) if status is not None else "",
                   date=dates.get(s) or dates.get(o) or "", inferred=INFERRED_GRAPH in graphs, via="")

    if collapse:
        _collapse(G, cg, spec, hubs_of, triples, statuses, dates, sources, lang, add_node)
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


def _collapse(G, cg, spec, hubs_of, triples, statuses, dates, sources, lang, add_node) -> None:
    by_hub: dict[URIRef, dict[URIRef, set]] = defaultdict(lambda: defaultdict(set))
    hub_graphs: dict[URIRef, set] = defaultdict(set)
    for (s, p, o), graphs in triples.items():
        if s in hubs_of:
            by_hub[s][p].add(o)
            hub_graphs[s] |= graphs
    predicates = {s: o for s, o in cg.dataset.subject_objects(CG.claimPredicate)}
    for hub_node, values in by_hub.items():
        hub = hubs_of[hub_node]
        predicate = predicates.get(hub_node)
        label = spec.label(predicate, lang) if predicate is not None else (hub.labels.get(lang) or hub.labels.get("en"))
        status = statuses.get(hub_node)
        status_label = spec.label(status, lang) if status is not None else ""
        label = as_claim(label, status_label, lang)  # a claim's edge reads "alleged: trained on", never as fact
        for s in values.get(hub.from_property, ()):
            for o in values.get(hub.to_property, ()):
                if s == o:
                    continue
                add_node(s)
                add_node(o)
                G.add_edge(str(s), str(o), key=f"{predicate or hub.cls}|{hub_node}",
                           predicate=str(predicate or hub.cls),
                           label=label, graphs=sorted(str(g) for g in hub_graphs[hub_node]),
                           sources=_urls(hub_graphs[hub_node], sources),
                           status=status_label, date=dates.get(hub_node, ""), inferred=False, via=str(hub_node))


def _most_specific(classes: set[URIRef], spec: ProjectionSpec) -> URIRef | None:
    ours = [c for c in classes if str(c).startswith(NAMESPACE)]
    specific = [c for c in ours if not any(o != c and c in spec.superclasses.get(o, ()) for o in ours)]
    return sorted(specific or ours)[0] if ours else None


def _fallback(node: URIRef) -> str:
    return str(node).rstrip("/").rsplit("/", 1)[-1]


def _urls(graphs: Iterable[URIRef], sources: dict[URIRef, str]) -> tuple[str, ...]:
    return tuple(sorted({sources[g] for g in graphs if g in sources}))


def _derivation_sources(ds, sources: dict[URIRef, str]) -> dict[tuple, list[str]]:
    """(subject, predicate, object) of each derived triple -> the URLs of the graphs it was derived from."""
    inferred = ds.graph(INFERRED_GRAPH)
    found: dict[tuple, set] = defaultdict(set)
    for node in inferred.subjects(RDF.type, CG.Derivation):
        key = (inferred.value(node, CG.derivedSubject), inferred.value(node, CG.derivedPredicate),
               inferred.value(node, CG.derivedObject))
        found[key].update(sources[g] for g in inferred.objects(node, PROV.wasDerivedFrom) if g in sources)
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
