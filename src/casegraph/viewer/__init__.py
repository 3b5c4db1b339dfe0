"""The offline HTML viewer: one self-contained page to explore the graph in a browser.

Everything the page needs is inside it: vis-network's script (read from the installed pyvis package, never
fetched), the viewer's own script and style (``page.html``, ``viewer.js``, ``viewer.css`` next to this file) and
the data as JSON. A Content-Security-Policy in the page forbids every request, so nothing leaves it.

>>> from casegraph import CaseGraph
>>> view = CaseGraph.open().view(focus="Al-Dahle", depth=1)
>>> view.nodes == len(view.data["nodes"]) and "https://cdn" not in view.html
True

Positions are computed in Python (igraph) and physics stays off, so the first draw does not wait for a
simulation; node and edge lists are built directly (pyvis's ``add_node``/``add_edge`` are quadratic).

The page opens on the entities (the ontology's tier 0 classes, see :func:`is_entity`): people, organisations,
courts, cases, models and data sets, laid out on their own, with each statement and claim drawn as one edge between
them (``hubs``: the collapsed projection's edges, flagged ``x`` in the data). One switch shows every node.
Which labels are drawn is worked out in the page at each zoom: the most central first, as many as fit.
With more than :data:`GROUP_ABOVE` entities the page opens on a map of their communities, one node per group
(:func:`entity_groups`); a click on a group draws its members.

Each source document is listed once in the data (URL, publisher, publication date, confidence); edges, wordings and
statements cite it by its index, and the page filters by "known on" date and confidence from that table alone,
with the rules of :func:`casegraph.provenance.select_graphs`.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import RDFS, Literal, URIRef
from rdflib.namespace import SKOS

from ..errors import CaseGraphError, InputError
from ..facts import SourceRef
from ..timeline import most_precise
from ..vocab import CG
from .cases import case_layouts, place_labels

#: vis-network's standalone build inside the pyvis wheel (read at run time, never copied into casegraph)
VIS_SCRIPT = "templates/lib/vis-9.1.2/vis-network.min.js"
#: graphs with more nodes draw only the most central ones at first; search and focus draw the others
DRAW_LIMIT = 10_000
#: edge labels are drawn on the canvas up to this many edges (the check box turns them on above it)
EDGE_LABELS_UP_TO = 1_500
#: with more entities than this, the page opens on a map of their communities, one node per group (see
#: :func:`entity_groups`); a click on a group draws its members. The bundled landscape (about 560 entities) still
#: opens as one drawing: its suits, parties and counsel are what a reader looks for first
GROUP_ABOVE = 1000
#: at most this many groups; smaller communities are merged into the group they have most relations with
MAX_GROUPS = 150
#: communities smaller than this are merged too (a group of two says little on a map)
MIN_GROUP = 5

# Colour and shape per class (local name of the class IRI); the first listed superclass style applies to
# classes not listed. Shapes are vis-network's label-outside shapes, which draw fast.
STYLES: dict[str, tuple[str, str]] = {
    "Person": ("#4e79a7", "dot"), "Judge": ("#2f5d8a", "dot"),
    "Company": ("#f28e2b", "square"), "Organization": ("#e8a33d", "square"), "LawFirm": ("#9c755f", "square"),
    "Court": ("#7f6a93", "square"), "ShadowLibrary": ("#b9504f", "square"),
    "LegalCase": ("#e15759", "star"),
    "AIModel": ("#59a14f", "hexagon"), "Dataset": ("#8cd17d", "triangle"),
    "Statement": ("#edc948", "diamond"), "Claim": ("#b07aa1", "triangleDown"),
    "CauseOfAction": ("#d37295", "triangleDown"), "Disposition": ("#c7a3bd", "triangleDown"),
    "Correction": ("#9d9d9d", "diamond"),
    "Event": ("#76b7b2", "dot"), "Filing": ("#499894", "dot"), "Ruling": ("#86bcb6", "dot"),
    "Release": ("#5fa2a0", "dot"), "Unsealing": ("#3b7a78", "dot"), "Hearing": ("#a0cbc8", "dot"),
    "Publication": ("#6b9e9b", "dot"), "Settlement": ("#2e6664", "dot"),
}
FALLBACK_COLOURS = ("#bab0ac", "#ff9da7", "#d4a6c8", "#fabfd2", "#79706e", "#b6992d")

#: words of the page, in each language the viewer speaks
UI = {
    "en": {
        "nodes": "entities", "edges": "relations", "search": "Search a name or alias", "classes": "Classes",
        "relations": "Relations", "status": "Status", "plain": "fact as its source states it",
        "dates": "Dates", "from": "from", "to": "to", "inferred": "Show inferred relations",
        "edgeLabels": "Show relation names", "path": "Path between two entities", "findPath": "Find path",
        "noPath": "No path between them among the relations shown.", "png": "Export PNG", "fit": "Fit",
        "svg": "Export SVG", "legend": "Legend", "footSources": "Sources of the relations shown",
        "clear": "Clear", "close": "Close", "class": "Class", "labels": "Labels", "aliases": "Also called",
        "date": "Date", "speaker": "Speaker", "addressee": "Addressee", "mentions": "Mentions",
        "text": "Verbatim text", "paraphrase": "Paraphrase", "claim": "Claim", "facts": "Facts",
        "sources": "Sources", "pathFrom": "Path from here", "pathTo": "Path to here", "more": "more",
        "legendLines": "Lines", "solid": "curated fact", "dashed": "claim (alleged, admitted, disputed, reported...)",
        "dotted": "inferred by a casegraph rule", "timeline": "Timeline", "notFound": "No entity matches",
        "shown": "shown", "drawnOf": "The most central {drawn} of {total} entities are drawn; search to draw others.",
        "via": "via", "undated": "undated", "status_": "status",
        "knownOn": "Known on", "allSources": "all sources, including undated", "minConfidence": "Minimum confidence",
        "confAll": "all", "confM": "M and up", "confH": "H only", "confidence": "confidence",
        "answering": "answering from {kept} of {total} sources", "undatedOut": "; {undated} undated left out",
        "leftOut": "left out by the source filters",
        "tableToggle": "Text view", "tableNodes": "Entities shown ({n})", "tableEdges": "Relations shown ({n})",
        "tableHint": "Sort by a column with its heading; a name opens its card.", "name": "Name",
        "relCount": "Relations shown", "fromCol": "From", "relation": "Relation", "toCol": "To",
        "inferredMark": "inferred", "moreRows": "{n} more rows not listed.", "showMore": "List {n} more",
        "cardLabel": "Details of the selection", "results": "Matching entities",
        "allNodes": "Show every node (statements, claims, events, causes of action…)",
        "entitiesNote": "Entities only: statements and claims are drawn as edges; the rest is in each card and the timeline.",
        "groupHeading": "Groups", "groupNote": "{groups} groups of closely related entities: click one to open it.",
        "groupCollapseAll": "Collapse all groups", "groupCollapse": "Collapse this group",
        "groupOther": "entities linked to no group", "groupsClosed": "{closed} of {total} groups closed",
        "said": "statement", "caseLayout": "Case layout", "wholeGraph": "— the whole graph —",
        "showCase": "Show this case's layout", "backToGraph": "Back to the whole graph", "disclaimer": "An allegation is not a finding: dashed lines are claims with the status their sources "
                      "give; dotted lines are derived by rules, not stated by a source.",
    },
    "fr": {
        "nodes": "entités", "edges": "relations", "search": "Chercher un nom ou un alias", "classes": "Classes",
        "relations": "Relations", "status": "Statut", "plain": "fait tel que sa source l'énonce",
        "dates": "Dates", "from": "du", "to": "au", "inferred": "Afficher les relations inférées",
        "edgeLabels": "Afficher le nom des relations", "path": "Chemin entre deux entités",
        "findPath": "Trouver le chemin", "noPath": "Aucun chemin parmi les relations affichées.",
        "png": "Exporter en PNG", "svg": "Exporter en SVG", "legend": "Légende",
        "footSources": "Sources des relations affichées", "fit": "Tout voir", "clear": "Effacer", "close": "Fermer", "class": "Classe",
        "labels": "Libellés", "aliases": "Autres noms", "date": "Date", "speaker": "Locuteur",
        "addressee": "Destinataire", "mentions": "Mentionne", "text": "Texte exact", "paraphrase": "Paraphrase",
        "claim": "Affirmation", "facts": "Faits", "sources": "Sources", "pathFrom": "Chemin depuis ici",
        "pathTo": "Chemin jusqu'ici", "more": "de plus", "legendLines": "Traits", "solid": "fait établi par une source",
        "dashed": "affirmation (alléguée, admise, contestée, rapportée...)",
        "dotted": "déduit par une règle de casegraph", "timeline": "Chronologie",
        "notFound": "Aucune entité ne correspond", "shown": "affichés",
        "drawnOf": "Les {drawn} entités les plus centrales sur {total} sont dessinées ; cherchez pour voir les autres.",
        "via": "via", "undated": "non daté", "status_": "statut",
        "knownOn": "Connu au", "allSources": "toutes les sources, y compris non datées",
        "minConfidence": "Confiance minimale", "confAll": "toutes", "confM": "M et plus", "confH": "H seulement",
        "confidence": "confiance", "answering": "réponses tirées de {kept} sources sur {total}",
        "undatedOut": " ; {undated} non datées écartées", "leftOut": "écartée par les filtres de sources",
        "groupHeading": "Groupes", "groupNote": "{groups} groupes d'entités étroitement liées : cliquez pour en ouvrir un.",
        "groupCollapseAll": "Refermer tous les groupes", "groupCollapse": "Refermer ce groupe",
        "groupOther": "entités liées à aucun groupe", "groupsClosed": "{closed} groupes fermés sur {total}",
        "tableToggle": "Vue texte", "tableNodes": "Entités affichées ({n})", "tableEdges": "Relations affichées ({n})",
        "tableHint": "Triez par une colonne avec son en-tête ; un nom ouvre sa fiche.", "name": "Nom",
        "relCount": "Relations affichées", "fromCol": "De", "relation": "Relation", "toCol": "Vers",
        "inferredMark": "inférée", "moreRows": "{n} lignes de plus non listées.", "showMore": "Lister {n} de plus",
        "cardLabel": "Détails de la sélection", "results": "Entités correspondantes",
        "allNodes": "Afficher tous les nœuds (déclarations, affirmations, événements, fondements…)",
        "entitiesNote": "Entités seulement : déclarations et affirmations sont des traits ; le reste est dans les "
                        "fiches et la chronologie.",
        "said": "déclaration", "caseLayout": "Plan d'une affaire", "wholeGraph": "— tout le graphe —",
        "showCase": "Voir le plan de l'affaire", "backToGraph": "Revenir à tout le graphe",
        "disclaimer": "Une allégation n'est pas une constatation : les traits tiretés sont des affirmations avec le "
                      "statut que leur donnent les sources ; les pointillés sont déduits par des règles.",
    },
}


@dataclass
class View:
    """A rendered viewer page: ``html`` (the whole file), the ``data`` embedded in it, and where it was saved.

    In a Jupyter notebook the view displays itself (in an isolated frame).
    """

    html: str
    data: dict = field(repr=False)
    path: Path | None = None

    @property
    def nodes(self) -> int:
        return len(self.data["nodes"])

    @property
    def edges(self) -> int:
        """The projection's relations (the statement and claim edges of the entities view are not counted)."""
        return sum(1 for edge in self.data["edges"] if not edge.get("x"))

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (UTF-8, atomically); nothing else is written."""
        from ..io import write_atomically

        self.path = write_atomically(path, self.html)
        return self.path

    def _repr_html_(self) -> str:
        # An iframe keeps the page's script, style and CSP apart from the notebook's.
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
                'style="width:100%;height:640px;border:1px solid #ddd" sandbox="allow-scripts allow-downloads '
                'allow-popups"></iframe>')


# --- building the page's data --------------------------------------------------------------------------

@dataclass
class Provenance:
    """What the page needs to filter by source, beyond the edges' own source graphs.

    ``sources`` is each source graph's document (``cg.sources()``); ``hand_made`` the graphs each hand-made
    derivation graph was derived from; ``derived`` each rule-derived triple ``(s, p, o)`` -> the alternative sets
    of graphs it was derived from (it stands when one set is wholly kept). With ``list_all`` every source is in the
    page's table, cited or not, so that its count is the graph's (as the command line counts); otherwise only
    the sources the page cites.
    """

    sources: dict[str, SourceRef] = field(default_factory=dict)
    hand_made: dict[str, set[str]] = field(default_factory=dict)
    derived: dict[tuple[str, str, str], list[frozenset[str]]] | None = None
    list_all: bool = False

    @classmethod
    def of(cls, cg, *, include_inferred: bool, list_all: bool) -> Provenance:
        """The provenance of ``cg`` (the rules' derivations only with ``include_inferred``)."""
        from ..analysis.inference import supports_by_triple
        from ..provenance import hand_made_derivations

        # The same readings as CaseGraph.view_of, so that the page keeps what a view keeps.
        derived = supports_by_triple(cg) if include_inferred else None
        return cls(cg.sources(), hand_made_derivations(cg), derived, list_all)


class _SourceTable:
    """The page's sources, one row per source graph (``u`` URL, ``p`` publisher, ``d`` publication date as
    given, ``c`` confidence, ``s`` the rows a hand-made derivation stands on), and the sets of rows rule-derived
    relations stand on; everything else in the page cites them by index."""

    def __init__(self, provenance: Provenance):
        self.provenance = provenance
        self.index: dict[str, int] = {}
        self.rows: list[dict] = []
        self.support_index: dict[tuple[int, ...], int] = {}
        self.supports: list[list[int]] = []
        if provenance.list_all:
            for graph in sorted(provenance.sources):
                if not self.rule_made(graph):
                    self.add(graph)

    def rule_made(self, graph: str) -> bool:
        """The rules' own graph is no source: its relations are judged by what each was derived from."""
        ref = self.provenance.sources.get(graph)
        return graph == str(_inferred_graph()) or (ref is not None and ref.method == str(CG.Inferred))

    def add(self, graph: str, ref: SourceRef | None = None) -> int:
        """The row of ``graph`` (a graph IRI, or a bare URL for edges that name no graph), added when new."""
        if graph in self.index:
            return self.index[graph]
        ref = ref or self.provenance.sources.get(graph)
        self.index[graph] = len(self.rows)
        row: dict[str, Any] = {"u": (ref.url if ref else None) or graph}
        for key, value in (("p", ref and ref.publisher), ("d", ref and ref.issued), ("c", ref and ref.confidence)):
            if value:
                row[key] = value
        self.rows.append(row)
        if graph in self.provenance.hand_made:  # added after its own row, so that a cycle ends
            row["s"] = sorted({self.add(g) for g in self.provenance.hand_made[graph]})
        return self.index[graph]

    def cite(self, source) -> int:
        """The row of a :class:`SourceRef` (wordings, statements) or of a URL string."""
        return self.add(source.graph, source) if isinstance(source, SourceRef) else self.add(str(source))

    def support(self, graphs) -> int:
        """The index of a set of graphs a derived relation stands on as a whole."""
        key = tuple(sorted({self.add(g) for g in graphs}))
        if key not in self.support_index:
            self.support_index[key] = len(self.supports)
            self.supports.append(list(key))
        return self.support_index[key]

    def edge(self, u: str, v: str, attrs: dict) -> dict:
        """What one edge stands on: ``u`` the rows of the graphs that state it (any one is enough), and for a
        derived relation ``a`` the support sets it was derived from (one wholly kept set is enough)."""
        cited: dict[str, Any] = {}
        graphs = attrs.get("graphs")
        if graphs is None:  # a projection made without graphs: its URLs stand for them
            direct = [self.add(url) for url in attrs.get("sources", ())]
        else:
            direct = [self.add(g) for g in graphs if not self.rule_made(g)]
        if direct:
            cited["u"] = sorted(set(direct))
        if attrs.get("inferred"):
            derived = self.provenance.derived
            if derived is None:  # no derivations given: the edge's sources taken as one support set
                alternatives = [attrs.get("sources", ())]
            else:  # a derived triple no derivation describes stands as it is, as in CaseGraph.view_of
                alternatives = derived.get((str(u), attrs.get("predicate", ""), str(v)), [frozenset()])
            cited["a"] = sorted({self.support(graphs) for graphs in alternatives})
        return cited


def layout(G: nx.Graph, *, seed: int = 0) -> dict[Any, tuple[float, float]]:
    """Positions for every node (Fruchterman-Reingold in igraph; its grid variant above 1,000 nodes).

    The same graph and seed give the same positions, spread over a square about 140 px × √n wide.
    """
    # In a fixed order: the projection's order follows Python's hashing of strings, which changes from one run
    # to the next, and igraph's layout depends on the order of the nodes.
    nodes = sorted(G.nodes, key=str)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    import igraph

    index = {node: i for i, node in enumerate(nodes)}
    graph = igraph.Graph(n=n, edges=[(index[u], index[v]) for u, v in G.edges() if u != v], directed=False)
    graph.simplify()
    # igraph draws the starting positions from its random generator: a seeded one makes the layout repeatable.
    # (Its own starting area matters: the grid variant files nodes into cells, and a start packed into few
    # cells makes it quadratic.)
    igraph.set_random_number_generator(random.Random(seed))
    try:
        if n <= 1000:
            coords = graph.layout_fruchterman_reingold(niter=500)
        else:
            coords = graph.layout_fruchterman_reingold(niter=150, grid=True)
    finally:
        igraph.set_random_number_generator(random)
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = 140 * math.sqrt(n) / span
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {node: (round((x - cx) * scale, 1), round((y - cy) * scale, 1)) for node, (x, y) in zip(nodes, coords)}


def is_entity(attrs: dict) -> bool:
    """Whether a projected node is drawn in the entities view: the ontology's tier 0 classes
    (:data:`casegraph.ontology.LOOKUP_TIERS`: agents, legal cases, AI models, data sets, decisions), not the
    statements, claims, events and causes of action that link them."""
    return attrs.get("tier", 1) == 0


def hub_edges(collapsed: nx.MultiDiGraph, keep) -> list[tuple[str, str, dict]]:
    """The edges a collapsed projection (``project(collapse=True)``) makes of statements and claims (those with
    ``via``), between two entities of ``keep``."""
    return [(u, v, d) for u, v, d in collapsed.edges(data=True)
            if d.get("via") and u in keep and v in keep and u != v]


def _style(cls_iri: str, seen: dict[str, tuple[str, str]]) -> tuple[str, str]:
    name = cls_iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    if name in STYLES:
        return STYLES[name]
    if cls_iri not in seen:
        seen[cls_iri] = (FALLBACK_COLOURS[len(seen) % len(FALLBACK_COLOURS)], "dot")
    return seen[cls_iri]


def view_data(G: nx.MultiDiGraph, *, details: dict[str, dict] | None = None, lang: str = "en",
              title: str = "casegraph", scores: dict | None = None, positions: dict | None = None,
              draw_limit: int = DRAW_LIMIT, provenance: Provenance | None = None,
              hubs: list[tuple[str, str, dict]] = (), group_above: int = GROUP_ABOVE) -> dict:
    """The JSON the page embeds: nodes with class, position and size, edges with relation, status, date, sources.

    ``G`` is a projection (see :func:`casegraph.analysis.project`). ``details`` adds, per node IRI, what the
    entity card shows beyond the edges (labels by language, aliases, date, wordings, speaker...). ``scores``
    (PageRank by default) sizes the nodes and chooses which are drawn first when there are more than
    ``draw_limit``. ``provenance`` describes the sources (see :class:`Provenance`); without it they are known
    by URL only. The sources of wordings and statements in ``details`` may be given as :class:`SourceRef`.
    ``hubs`` are statement and claim edges between entities (see :func:`hub_edges`), drawn in the entities view
    only; the entities get a second position (``ex``, ``ey``) from a layout of that view. With more than
    ``group_above`` entities they are grouped by community (see :func:`entity_groups`): ``groups`` lists the
    groups and each entity's ``g`` is its group's index.
    """
    from ..analysis import rank

    if lang not in UI:
        raise CaseGraphError(f"the viewer speaks {', '.join(UI)}, not {lang!r}")
    details = details or {}
    scores = scores if scores is not None else (rank(G, "pagerank") if G.number_of_nodes() else {})
    positions = positions if positions is not None else layout(G)
    entities = [node for node, attrs in G.nodes(data=True) if is_entity(attrs)]
    hubs = [(u, v, d) for u, v, d in hubs if u in G and v in G]
    own_layout, grouped = bool(entities) and len(entities) < G.number_of_nodes(), len(entities) > group_above
    entity_graph = entities_graph(G, entities, hubs) if own_layout or grouped else None
    entity_positions = {}
    if own_layout:
        # The entities view is laid out on its own: spread over the whole graph's layout, entities are far apart.
        entity_positions = layout(entity_graph)
    group_of: dict[str, int] = {}
    groups: list[dict] = []
    if grouped:
        group_of, groups = entity_groups(entity_graph, {n: entity_positions.get(n) or positions.get(n, (0.0, 0.0))
                                                        for n in entities})
    top = max(scores.values(), default=0.0) or 1.0

    classes: dict[str, int] = {}
    class_rows: list[dict] = []
    fallback: dict[str, tuple[str, str]] = {}
    nodes, index = [], {}
    order = sorted(G.nodes, key=lambda n: -scores.get(n, 0.0))  # most central first: drawn first
    drawn = set(order[:draw_limit])
    for node in order:
        attrs = G.nodes[node]
        cls = attrs.get("cls", "")
        if cls not in classes:
            colour, shape = _style(cls, fallback)
            classes[cls] = len(class_rows)
            class_rows.append({"iri": cls, "name": attrs.get("kind") or cls or "?", "colour": colour,
                               "shape": shape, "tier": attrs.get("tier", 1), "count": 0})
        class_rows[classes[cls]]["count"] += 1
        x, y = positions.get(node, (0.0, 0.0))
        extra = details.get(str(node), {})
        row = {"id": str(node), "l": attrs.get("label", str(node)), "c": classes[cls], "x": x, "y": y,
               "s": round(8 + 30 * math.sqrt(scores.get(node, 0.0) / top), 1), "t": attrs.get("tier", 1)}
        if extra.get("date") or attrs.get("date"):
            row["d"] = extra.get("date") or attrs.get("date")
        names = [name for name in extra.get("names", ()) if name != row["l"]]
        if names:
            row["n"] = names
        if node in entity_positions:
            row["ex"], row["ey"] = entity_positions[node]
        if str(node) in group_of:
            row["g"] = group_of[str(node)]
        if node not in drawn:
            row["h"] = 1
        index[node] = len(nodes)
        nodes.append(row)

    relations: dict[str, int] = {}
    statuses: dict[str, int] = {}
    table = _SourceTable(provenance or Provenance())
    edges = []
    for u, v, attrs in [*G.edges(data=True), *hubs]:
        relation = attrs.get("label") or attrs.get("predicate", "")
        status = attrs.get("status") or ""
        edge = {"f": index[u], "t": index[v], "r": relations.setdefault(relation, len(relations))}
        if status:
            edge["s"] = statuses.setdefault(status, len(statuses))
        if attrs.get("date"):
            edge["d"] = attrs["date"]
        if attrs.get("inferred"):
            edge["i"] = 1
        if attrs.get("via"):
            edge["v"] = attrs["via"]
            edge["x"] = 1  # a statement or a claim as one edge: the entities view only
        edge.update(table.edge(u, v, attrs))
        edges.append(edge)

    card = {str(k): _cite_sources({key: value for key, value in d.items() if key not in ("names", "date")}, table)
            for k, d in details.items() if str(k) in G}
    return {
        "title": title, "lang": lang, "ui": UI[lang], "classes": class_rows, "relations": list(relations),
        "statuses": list(statuses), "sources": table.rows, "supports": table.supports, "nodes": nodes, "edges": edges,
        "details": {k: v for k, v in card.items() if v}, "drawLimit": draw_limit,
        "cases": case_layouts(G.edges(data=True), index, hubs, G.number_of_edges()), "casePlaces": place_labels(lang),
        "edgeLabels": len(edges) <= EDGE_LABELS_UP_TO, "entitiesFirst": bool(entity_positions),
        **({"groups": groups} if groups else {}),
    }


def entities_graph(G: nx.MultiDiGraph, entities: list, hubs) -> nx.MultiDiGraph:
    """The entities view as a graph of its own: the ``entities`` of ``G`` with their labels, their relations, and
    the statement and claim edges ``hubs`` between them (what the view's layout and its groups are made of)."""
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((node, {"label": G.nodes[node].get("label", str(node))}) for node in entities)
    keep = set(entities)
    graph.add_edges_from((u, v) for u, v in G.edges() if u in keep and v in keep)  # faster than a subgraph view
    graph.add_edges_from((u, v) for u, v, _d in hubs if u in keep and v in keep)
    return graph


def entity_groups(graph: nx.MultiDiGraph, at: dict) -> tuple[dict[str, int], list[dict]]:
    """The entities of ``graph`` (see :func:`entities_graph`) grouped by community, for the page's map of a large
    graph: each entity's group index, and one row per group (``l`` its name, ``n`` its member count,
    ``x``/``y`` the centroid of its members' positions ``at``; ``o`` marks the group of entities linked to no
    other).

    Communities are :func:`casegraph.analysis.communities`' (Louvain on the entities, their relations and the
    statement and claim edges between them), named as the ``communities`` command names them: by their three
    most central members. To keep the map readable, a community smaller than :data:`MIN_GROUP` or beyond the
    :data:`MAX_GROUPS` largest joins the kept group it has most relations with; those with none share one
    group, last.
    """
    from ..analysis import communities

    # igraph's Louvain (the viewer needs igraph for its layout anyway): networkx's takes seconds from a few
    # thousand entities, igraph's about one at 50,000.
    found = communities(graph, backend="igraph")  # largest first
    kept = [c for c in found[:MAX_GROUPS] if len(c) >= MIN_GROUP] or found[:1]
    group_of = {node: k for k, c in enumerate(kept) for node, _label in c.members}
    names = [c.name for c in kept]
    # The rest, largest first: each joins the group it has most relations with (a later small community may
    # join through one merged before it); a community linked to no group goes to the shared group.
    alone: list = []
    for c in found[len(kept):]:  # kept is a prefix of found: both are largest first
        members = [node for node, _label in c.members]
        links: dict[int, int] = defaultdict(int)
        for node in members:
            for other in nx.all_neighbors(graph, node):  # predecessors and successors alike
                if other in group_of:
                    links[group_of[other]] += 1
        if links:
            best = max(links, key=lambda k: (links[k], -k))
            group_of.update((node, best) for node in members)
        else:
            alone += members
    if alone:
        group_of.update((node, len(names)) for node in alone)
        names.append("")
    sums = [[0, 0.0, 0.0] for _ in names]
    for node, k in group_of.items():
        x, y = at[node]
        sums[k][0] += 1
        sums[k][1] += x
        sums[k][2] += y
    rows = []
    for k, name in enumerate(names):
        count, sx, sy = sums[k]
        row = {"l": name, "n": count, "x": round(sx / count, 1), "y": round(sy / count, 1)}
        if k == len(kept):  # the entities alone: positions all over the map, named by the page
            row["o"] = 1
        rows.append(row)
    return {str(node): k for node, k in group_of.items()}, rows


def _cite_sources(entry: dict, table: _SourceTable) -> dict:
    """``entry`` with the sources of its wordings and statement turned into rows of the page's table."""
    if "wordings" in entry:
        entry["wordings"] = [[*w[:2], table.cite(w[2])] for w in entry["wordings"]]
    if "statementSources" in entry:
        entry["statementSources"] = [table.cite(source) for source in entry["statementSources"]]
    return entry


def entity_details(cg, G: nx.MultiDiGraph, lang: str = "en") -> dict[str, dict]:
    """What the entity cards show beyond the edges, for every node of ``G``: labels in English and French,
    every name (for search), date, claim status and text, and each statement's wordings with their sources
    (as :class:`SourceRef`, which :func:`view_data` lists in the page's table of sources)."""
    from ..analysis import projection_spec

    ds = cg.dataset
    wanted = set(G.nodes)
    found: dict[str, dict] = {node: {} for node in wanted}
    for s, label in ds.subject_objects(RDFS.label):
        node = str(s)
        if node in wanted and isinstance(label, Literal):
            found[node].setdefault("labels", {}).setdefault(label.language or "", [])
            if str(label) not in found[node]["labels"][label.language or ""]:
                found[node]["labels"][label.language or ""].append(str(label))
    for s, alias in ds.subject_objects(SKOS.altLabel):
        node = str(s)
        if node in wanted and str(alias) not in found[node].setdefault("aliases", []):
            found[node]["aliases"].append(str(alias))
    dates = defaultdict(set)
    for s, date in ds.subject_objects(CG.date):
        if str(s) in wanted:
            dates[str(s)].add(str(date))
    for node, given in dates.items():
        found[node]["date"] = most_precise(given)
    spec = projection_spec()
    for s, status in ds.subject_objects(CG.status):
        if str(s) in wanted:
            found[str(s)]["status"] = spec.label(status, lang)
    for predicate, key in ((CG.claimText, "claim"), (CG.paraphrase, "paraphrase")):
        for s, text in ds.subject_objects(predicate):
            node = str(s)
            if node in wanted and isinstance(text, Literal):
                found[node].setdefault(key, []).append([str(text), text.language or ""])
    for statement in cg.statements(lang=lang):
        if statement.iri not in wanted:
            continue
        entry = found[statement.iri]
        entry["wordings"] = [[w.text, w.lang or "", w.source] for w in statement.ordered(lang)]
        entry["speaker"] = [iri for iri, _label in statement.speaker]
        entry["addressee"] = [iri for iri, _label in statement.addressees]
        entry["mentions"] = [iri for iri, _label in statement.mentions]
        entry["statementSources"] = list(statement.sources)
    for node, entry in found.items():
        names = list(cg.names.names.get(URIRef(node), ()))
        for labels in entry.get("labels", {}).values():
            names += [label for label in labels if label not in names]
        entry["names"] = names
        for key in ("labels", "aliases"):
            if key in entry:
                entry[key] = entry[key] if key == "labels" else sorted(entry[key])
    return found


# --- rendering -----------------------------------------------------------------------------------------

def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def vis_script() -> str:
    """vis-network's standalone script, read from the installed pyvis package."""
    try:
        return resources.files("pyvis").joinpath(VIS_SCRIPT).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as e:
        raise CaseGraphError("the viewer needs vis-network from the pyvis package: pip install pyvis") from e


def _json_for_script(data: dict) -> str:
    # Inside <script> the text ends at the first "</script": escape every "<" (and the rest of HTML's
    # specials, and the two line separators JSON allows but old JavaScript does not).
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _script_safe(code: str) -> str:
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.I)


def _hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


#: the page's own scripts, in the order they run: the core (data, drawing, filters, cards, search), then the
#: features built on the core's ``window.casegraphViewer`` (each file says what it adds)
SCRIPTS = ("viewer.js", "case.js", "share.js", "table.js")


def render(data: dict) -> str:
    """The whole page for ``data`` (see :func:`view_data`): one HTML string, every script and style inline."""
    app = "\n".join(_asset(name) for name in SCRIPTS)
    scripts = {"VIS": _script_safe(vis_script()), "APP": _script_safe(app)}
    # The policy allows exactly the page's two scripts (by hash) and no request of any kind: no script,
    # style, font, image or connection from elsewhere, and no handler hidden in injected markup would run.
    policy = ("default-src 'none'; script-src " + " ".join(_hash(code) for code in scripts.values())
              + "; style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'")
    parts = {"LANG": html.escape(data["lang"]), "TITLE": html.escape(data["title"]), "CSP": html.escape(policy),
             "STYLE": _asset("viewer.css"), "DATA": _json_for_script(data), **scripts}
    return re.sub(r"<!--cg:([A-Z]+)-->", lambda m: parts[m.group(1)], _asset("page.html"))


def build_view(cg, *, focus: str | None = None, depth: int = 1, include_inferred: bool = False,
               lang: str = "en", title: str | None = None, case: str | None = None) -> View:
    """The viewer page for ``cg``: the whole projection, or the entities within ``depth`` hops of ``focus``.

    With ``include_inferred`` the derived relations are drawn (dotted) too; the rules run first when the
    graph holds no derived triple yet. With ``case`` (a case's name) the page opens on that case's own
    layout (see :mod:`casegraph.viewer.cases`).
    """
    G, name = drawn_projection(cg, focus=focus, depth=depth, include_inferred=include_inferred, lang=lang)
    collapsed = cg.project(lang=lang, include_inferred=include_inferred, collapse=True)
    # A whole-graph page lists every source, so that it counts them as the command line does.
    provenance = Provenance.of(cg, include_inferred=include_inferred, list_all=not focus)
    keep = {node for node, attrs in G.nodes(data=True) if is_entity(attrs)}
    data = view_data(G, details=entity_details(cg, G, lang), lang=lang, title=title or name, provenance=provenance,
                     hubs=hub_edges(collapsed, keep))
    if case is not None:
        data["caseFocus"] = _case_shown(cg, case, data)
    return View(render(data), data)


def _case_shown(cg, name: str, data: dict) -> str:
    """The IRI of the case ``name`` designates, which must be a case of the page."""
    iri = str(cg.entity(name, kind=CG.LegalCase).iri)
    if iri not in {data["nodes"][row["i"]]["id"] for row in data["cases"]}:
        raise CaseGraphError(f"case={name!r}: the page shows no party, judge or counsel of this case")
    return iri


def drawn_projection(cg, *, focus: str | None, depth: int, include_inferred: bool, lang: str):
    """The projection a page draws for these arguments, and its title: the whole graph, or the entities within
    ``depth`` hops of ``focus``. Drawing reads the graph and never writes it: derived relations are drawn when
    the rules have run (:meth:`CaseGraph.infer`), and asking for them before is refused."""
    if include_inferred and not has_derived(cg):
        raise InputError("{parameter}: the graph holds no derived relation yet; run the rules first with "
                         "cg.infer(), which writes them into the graph", parameter="include_inferred=True")
    if not focus:
        return cg.project(lang=lang, include_inferred=include_inferred), "casegraph"
    ego = cg.neighbors(focus, depth=depth, include_inferred=include_inferred, lang=lang)
    G = ego.subgraph
    return G, f"{G.nodes[ego.center].get('label', ego.center)} (±{depth})"


def has_derived(cg) -> bool:
    """Whether the rules have run on ``cg`` (its inferred graph holds something)."""
    return bool(len(cg.dataset.graph(_inferred_graph())))


def _inferred_graph():
    from ..analysis import INFERRED_GRAPH

    return INFERRED_GRAPH
