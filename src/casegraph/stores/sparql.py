"""``sparql:QUERY_URL[,UPDATE_URL]``: any SPARQL 1.1 server, through the SPARQL Protocol.

Servers disagree on what a query without ``GRAPH`` reads: the default graph alone (Oxigraph, Fuseki, GraphDB), or
every graph as a bag (Virtuoso, which says so in its service description). casegraph writes each triple into its
source's graph and into the union, which thereby holds each distinct triple once, so that the same query gives
the same answer as in memory. The union is the server's default graph where it has one of its own; otherwise it
is the named graph :data:`~casegraph.stores.UNION`, asked for as the default graph by every query, whose named
graphs are then casegraph's alone (the union and the server's own graphs left out).

``load`` sends each graph as one ``DROP SILENT GRAPH`` + ``INSERT DATA`` request, which the server applies whole,
so a stopped load leaves whole graphs only; a note in the journal graph, struck off at the end, tells the next
opening to rebuild the union if the load stopped early.
"""

from __future__ import annotations

import time
import urllib.request
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode

from rdflib import BNode, Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result

from .. import io
from ..errors import InputError, QueryError
from . import JOURNAL, LOADING, UNION, LoadReport, Progress, Store, ntriples, own_graph_filter, plain


def unions_its_graphs(query_url: str) -> tuple[bool, str]:
    """Whether the server's SPARQL 1.1 Service Description declares ``sd:UnionDefaultGraph`` (its default graph
    is then the bag of all its graphs, with no room for casegraph's set union: Virtuoso, or Oxigraph run with
    ``--union-default-graph``), and the software it names in its ``Server`` header. A server that describes
    nothing is taken not to union its graphs."""
    from rdflib import Graph, Namespace

    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    request = urllib.request.Request(query_url, headers={"Accept": "text/turtle"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            software = response.headers.get("Server", "")
            description = Graph().parse(data=response.read(), format="turtle")
    except Exception:  # noqa: BLE001 - no description (an error page, HTML, a timeout) means no such feature
        return False, ""
    return (None, sd.feature, sd.UnionDefaultGraph) in description, software


class CasegraphSPARQLStore(SPARQLUpdateStore):
    """rdflib's SPARQLUpdateStore, keeping the set union of the named graphs where union queries read it (see
    the module's docstring), and answering a server's refusal in one line."""

    #: the named graph holding the union, or None when the server's default graph holds it
    union_graph: URIRef | None = None
    virtuoso = False  # then the union's dataset is given by Virtuoso's pragmas (see _query)
    _graphs: list[str] | None = None  # casegraph's named graphs, when the union is a named graph

    def _insert_into_union(self, triples: str) -> None:
        into = f"GRAPH <{self.union_graph}> {{ {triples} }}" if self.union_graph else triples
        super().update(f"INSERT DATA {{ {into} }}")

    def add(self, triple, context=None, quoted=False):
        super().add(triple, context, quoted)
        if context is not None and getattr(context, "identifier", context) != DATASET_DEFAULT_GRAPH_ID:
            self._graphs = None
            self._insert_into_union(ntriples([triple]))

    def addN(self, quads):  # noqa: N802 (rdflib's name)
        quads = list(quads)
        super().addN(quads)
        self._graphs = None
        if quads:
            self._insert_into_union(ntriples(quad[:3] for quad in quads))

    def add_graph(self, graph):
        # SILENT, since Virtuoso refuses to create a graph it has; and an empty graph leaves the union be.
        if graph.identifier != DATASET_DEFAULT_GRAPH_ID:
            super().update(f"CREATE SILENT GRAPH {self.node_to_sparql(graph.identifier)}")

    def contexts(self, triple=None):
        if self.union_graph is None or triple is not None:
            yield from super().contexts(triple)
        else:  # rdflib asks for GRAPH ?g {}, which Virtuoso leaves empty
            yield from (URIRef(graph) for graph in self.own_graphs())

    def remove(self, triple, context=None):
        super().remove(triple, context)
        self.rebuild_union()

    def remove_graph(self, graph):
        # SILENT: removing a graph the server does not have is no error (rdflib's DROP GRAPH is one).
        super().update(f"DROP SILENT GRAPH {self.node_to_sparql(graph.identifier)}")
        self.rebuild_union()

    def update(self, query, initNs={}, initBindings={}, queryGraph=None, DEBUG=False):  # noqa: B006, N803
        super().update(query, initNs, initBindings, queryGraph, DEBUG)
        if not getattr(self, "_rebuilding", False):
            self.rebuild_union()

    def replace_graphs(self, by_graph: dict, existing: set) -> bool:
        """Replace each graph whole, one request per graph (the server applies it whole, so a stopped load
        leaves whole graphs only), and add its triples to the union; return whether a graph of
        ``existing`` was replaced, whose old triples then linger in the union until it is rebuilt."""
        self._rebuilding, self._graphs = True, None
        try:
            for graph, triples in by_graph.items():
                body = ntriples(triples)
                self.update(f"DROP SILENT GRAPH <{graph}> ; INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}")
                self._insert_into_union(body)
        finally:
            self._rebuilding = False
        return any(str(graph) in existing for graph in by_graph)

    def note_loading(self, loading: bool) -> None:
        """Note in the journal graph that a load is writing (the union may lag behind), or strike it off."""
        if loading:
            super().update(f'INSERT DATA {{ GRAPH <{JOURNAL}> {{ <{JOURNAL}> <{LOADING}> "union" }} }}')
        else:
            super().update(f"DROP SILENT GRAPH <{JOURNAL}>")

    def was_loading(self) -> bool:
        """Whether a load stopped before it struck its note off."""
        return bool(self._ask_server([("query", f"ASK {{ GRAPH <{JOURNAL}> {{ ?s ?p ?o }} }}")]).askAnswer)

    def rebuild_union(self) -> None:
        self._rebuilding, self._graphs = True, None
        try:
            if self.union_graph is None:
                super().update("DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } "
                               f"{own_graph_filter()} }}")
            else:
                super().update(f"DROP SILENT GRAPH <{self.union_graph}> ; INSERT {{ GRAPH <{self.union_graph}> "
                               f"{{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {own_graph_filter()} }}")
        finally:
            self._rebuilding = False

    def own_graphs(self) -> list[str]:
        """casegraph's named graphs on a server that unions its graphs (cached until the next write)."""
        if self._graphs is None:
            rows = self._ask_server([("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                                                          f"{own_graph_filter()} }}")])
            self._graphs = sorted(str(row[0]) for row in rows)
        return self._graphs

    def _inject_prefixes(self, query, extra_bindings):
        # On the query's first line, so that the line a server's error names is the user's line.
        declared = " ".join(f"PREFIX {k}: <{v}>" for k, v in {**dict(self.nsBindings), **dict(extra_bindings)}.items())
        return f"{declared} {query}" if declared else query

    def _query(self, query, default_graph=None, named_graph=None):
        fields = [("query", query)]
        if default_graph is not None and not isinstance(default_graph, BNode):
            fields.append(("default-graph-uri", str(default_graph)))
        elif self.union_graph is not None and self.virtuoso:
            # Virtuoso echoes every named-graph-uri back as a response header, past the 100 that Python's
            # http.client reads, so the same dataset is given by its own pragmas in the query (an empty
            # list is a syntax error there: a graph that holds nothing stands for none).
            named = ", ".join(f"<{graph}>" for graph in self.own_graphs() or ["urn:x-casegraph:no-graph"])
            fields = [("query", f"define input:default-graph-uri <{self.union_graph}> "
                                f"define input:named-graph-uri {named} {query}")]
        elif self.union_graph is not None:
            # The SPARQL Protocol's dataset: the union as default graph, casegraph's graphs as named graphs.
            fields.append(("default-graph-uri", str(self.union_graph)))
            fields += [("named-graph-uri", graph) for graph in self.own_graphs()]
        return self._ask_server(fields)

    def _ask_server(self, fields) -> Result:
        """POST a query form-encoded, which every server takes (Virtuoso never answers a POST of
        application/sparql-query, openlink/virtuoso-opensource#842; a GET limits the length of the query
        and its list of graphs); a refusal or an unreachable server becomes one line with the server's own
        words."""
        self._queries += 1
        request = urllib.request.Request(self.query_endpoint, data=urlencode(fields).encode(), headers={
            "Accept": self.response_mime_types(), "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request) as response:
                return Result.parse(BytesIO(response.read()),
                                    content_type=response.headers["Content-Type"].split(";")[0])
        except HTTPError as e:
            raise QueryError(f"{self.query_endpoint} answered {e.code}: {_said(e)}", syntax=False) from None
        except URLError as e:
            raise InputError(f"store sparql:{self.query_endpoint}: cannot reach the server ({e.reason})") from None

    def send_update(self, text: str, params: list[tuple[str, str]]) -> None:
        """POST one SPARQL Update with protocol parameters, then rebuild the union."""
        self._graphs = None
        request = urllib.request.Request(f"{self.update_endpoint}?{urlencode(params)}" if params else
                                         self.update_endpoint, data=text.encode("utf-8"),
                                         headers={"Content-Type": "application/sparql-update; charset=UTF-8",
                                                  **self.kwargs.get("headers", {})})
        with self._refusals():
            urllib.request.urlopen(request).read()
        self.rebuild_union()

    def _update(self, update):
        with self._refusals():
            super()._update(update)

    @contextmanager
    def _refusals(self):
        """An update the server refuses, or a server out of reach, as one line with the server's own words."""
        try:
            yield
        except HTTPError as e:
            raise QueryError(f"{self.update_endpoint} refused the update ({e.code}): {_said(e)}",
                             syntax=False) from None
        except URLError as e:
            raise InputError(f"store sparql:{self.update_endpoint}: cannot reach the server ({e.reason})") \
                from None


def _said(error) -> str:
    """The first words of a server's error page, on one line."""
    words = " ".join(error.read().decode("utf-8", "replace").split())
    return (words[:300] + " ...") if len(words) > 300 else words or str(error.reason)


class SparqlStore(Store):
    """A SPARQL 1.1 server, read through its query URL and written through its update URL."""

    def __init__(self, spec, *, read_only: bool = False):
        super().__init__(spec, read_only=read_only)
        self.remote = CasegraphSPARQLStore(query_endpoint=spec.location, update_endpoint=spec.update,
                                           returnFormat="json", context_aware=True)
        unions, software = unions_its_graphs(spec.location)
        if unions:
            self.remote.union_graph, self.remote.virtuoso = UNION, software.startswith("Virtuoso")
        self.dataset = Dataset(store=self.remote, default_union=True)
        self._bind_prefixes()
        self.recovered = [] if read_only else self.recover()

    def update(self, text: str, *, using=(), using_named=(), base: str | None = None) -> None:
        """Checked here (a default-graph write is refused before anything is sent), then run by the server in
        one request, the union rebuilt after it; the protocol's using-graph-uri and using-named-graph-uri go
        with it."""
        from .. import update

        update.check(update.parse(text, base=base), using=using, using_named=using_named)
        prefixes = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in update.built_in_prefixes(text).items())
        self.remote.send_update(f"{f'BASE <{base}>' if base else ''}\n{prefixes}{text}",
                                [("using-graph-uri", str(g)) for g in using] +
                                [("using-named-graph-uri", str(g)) for g in using_named])

    def named_quads(self, subject=None, predicates=None):
        # One query: rdflib's SPARQLStore does not report the graph of a triple.
        values = "" if predicates is None else f"VALUES ?p {{ {' '.join(p.n3() for p in predicates)} }}"
        pattern = "?s ?p ?o" if subject is None else f"{subject.n3()} ?p ?o"  # ?s then comes back unbound
        for s, p, o, g in self.query(f"SELECT ?s ?p ?o ?g WHERE {{ {values} GRAPH ?g {{ {pattern} }} }}"):
            yield subject if s is None else s, p, plain(o), g

    def load(self, files: list[Path], progress: Progress | None = None) -> LoadReport:
        started = time.perf_counter()
        report = LoadReport({}, 0.0, self.recover())
        parsed = [(path, _parse_quads(path)) for path in files]
        store = self.remote
        # Until the union is whole again, a note in the journal graph says so: recover() rebuilds it.
        existing, stale = {str(g) for g in store.contexts()}, False
        store.note_loading(True)
        for path, by_graph in parsed:
            stale = store.replace_graphs(by_graph, existing) or stale
            existing.update(str(graph) for graph in by_graph)  # a later file may replace them too
            quads = sum(len(q) for q in by_graph.values())
            report.files[str(path)] = (len(by_graph), quads)
            if progress:
                progress(str(path), len(by_graph), quads)
        if stale:
            store.rebuild_union()
        store.note_loading(False)
        report.seconds = time.perf_counter() - started
        return report

    def recover(self) -> list[str]:
        if self.remote.update_endpoint and self.remote.was_loading():
            self.remote.rebuild_union()
            self.remote.note_loading(False)
        return []  # a server applies each graph whole: a stopped load leaves no part of one


def _parse_quads(path: Path) -> dict:
    """The triples of ``path`` by graph, parsed by rdflib (a syntax error names the file and line)."""
    dataset = io.parse_file(path)
    return {g.identifier: list(g) for g in dataset.graphs() if len(g)}
