"""Where the quads live: in memory (the default), in an Oxigraph store on disk, or in a SPARQL 1.1 server.

A store is named by a short string, given to ``CaseGraph.open(store=...)``, to the CLI's ``--store`` or in the
``CASEGRAPH_STORE`` environment variable:

- ``memory``: rdflib's in-memory dataset, filled from files each time (the bundled data by default);
- ``oxigraph``: the same, in an Oxigraph store in memory: files load through Oxigraph's own parser and its
  SPARQL runs in Oxigraph (through oxrdflib), much faster than rdflib on large graphs;
- ``oxigraph:PATH``: an Oxigraph store on disk at PATH (created when missing), kept between runs;
- ``sparql:QUERY_URL[,UPDATE_URL]``: any SPARQL 1.1 server, through the SPARQL Protocol (rdflib's
  SPARQLUpdateStore); named graphs are kept. Fill it with ``casegraph load`` or the server's own loader.

Whatever the store, the rest of casegraph sees an rdflib ``Dataset`` whose default graph is the union of its
named graphs, each triple once, as in rdflib's memory store. Oxigraph's own union, and most servers', is a bag
(a triple that twenty sources state matches twenty times), so the other stores keep the set union where their
queries read it (Oxigraph's default graph, which casegraph never uses for data; see the SPARQL store for
servers) and answer union queries from it.

>>> StoreSpec.parse("oxigraph:/tmp/kadrey").persistent, StoreSpec.parse("oxigraph").persistent
(True, False)
>>> StoreSpec.parse("sparql:http://127.0.0.1:7878/query,http://127.0.0.1:7878/update").update
'http://127.0.0.1:7878/update'
"""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from rdflib import XSD, Dataset, Literal, URIRef, Variable
from rdflib.query import Result

from .errors import InputError, ParseError, QueryError
from .vocab import BASE, PREFIXES

ENVIRONMENT = "CASEGRAPH_STORE"
#: the graph where a load notes which graphs it is writing, until they are whole (see :func:`recover`)
JOURNAL = URIRef(BASE + "graph/load-journal")
LOADING = URIRef(PREFIXES["cg"] + "loadingFrom")


@dataclass(frozen=True)
class StoreSpec:
    """A parsed store name: ``kind`` is memory, oxigraph or sparql."""

    kind: str
    location: str | None = None
    update: str | None = None

    @classmethod
    def parse(cls, text: str | None) -> "StoreSpec":
        text = (text if text is not None else os.environ.get(ENVIRONMENT) or "memory").strip()
        if text == "memory":
            return cls("memory")
        if text == "oxigraph":
            return cls("oxigraph")
        kind, _, rest = text.partition(":")
        if kind == "oxigraph" and rest:
            return cls("oxigraph", rest)
        if kind == "sparql" and rest.startswith(("http://", "https://")):
            query, _, update = rest.partition(",")
            return cls("sparql", query, update or None)
        raise InputError(f"store {text!r}: expected memory, oxigraph, oxigraph:PATH or sparql:QUERY_URL[,UPDATE_URL]")

    @property
    def persistent(self) -> bool:
        """Whether the store keeps its content between runs (``oxigraph:PATH``, ``sparql:``)."""
        return self.kind == "sparql" or (self.kind == "oxigraph" and self.location is not None)

    def __str__(self) -> str:
        if self.location is None:
            return self.kind
        return f"{self.kind}:{self.location}" + (f",{self.update}" if self.update else "")


def open_dataset(spec: StoreSpec) -> Dataset:
    """An rdflib Dataset (default graph: the union of the named graphs) over the store ``spec`` names."""
    if spec.kind == "memory":
        from .io import new_dataset

        return new_dataset()
    if spec.kind == "oxigraph":
        store = _oxigraph_store_class()()  # in memory until opened on a folder
        try:
            if spec.location is not None:
                store.open(spec.location)
        except OSError as e:
            raise InputError(f"store oxigraph:{spec.location}: cannot open it ({e}); is another casegraph "
                             "process using it?") from None
        dataset = Dataset(store=store, default_union=True)
    else:
        store = _sparql_store_class()(query_endpoint=spec.location, update_endpoint=spec.update,
                                      returnFormat="json", context_aware=True)
        unions, software = unions_its_graphs(spec.location)
        if unions:
            store.union_graph, store.virtuoso = UNION, software.startswith("Virtuoso")
        dataset = Dataset(store=store, default_union=True)
    for prefix, iri in PREFIXES.items():
        dataset.bind(prefix, iri, override=True, replace=True)
    return dataset


def _plain(term):
    """A literal typed xsd:string as the plain literal it is in RDF 1.1 (rdflib tells the two apart)."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


@lru_cache(maxsize=None)
def _oxigraph_store_class():
    """oxrdflib's store, made to answer as rdflib's in-memory dataset does.

    Oxigraph's union of named graphs is a bag: a triple that twenty sources state is matched twenty times, so
    a join of three such patterns gives 8,000 rows where rdflib gives one. This store keeps, in Oxigraph's
    default graph (which casegraph never uses for data: every fact sits in its source's graph), each distinct
    triple of the named graphs once, updates it on every write, and answers union queries from it. It also
    gives back plain literals where Oxigraph reports xsd:string ones, since rdflib tells the two apart.
    """
    import pyoxigraph as ox
    from oxrdflib._converter import from_ox_graph_name, to_ox, to_ox_quad_pattern
    from oxrdflib.store import OxigraphStore
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    union, journal = ox.DefaultGraph(), _ox_journal()

    def named(graph_name) -> bool:
        return not isinstance(graph_name, ox.DefaultGraph) and graph_name != journal

    class CasegraphOxigraphStore(OxigraphStore):
        on_disk = False  # set by open()

        def open(self, configuration, create=False):
            self.on_disk = True
            return super().open(configuration, create)

        def add(self, triple, context, quoted=False):
            super().add(triple, context, quoted)
            self._inner.add(ox.Quad(*(to_ox(t) for t in triple), union))

        def addN(self, quads):  # noqa: N802 (rdflib's name)
            quads = list(quads)
            super().addN(quads)
            self._inner.extend([ox.Quad(*(to_ox(t) for t in quad[:3]), union) for quad in quads])

        def remove(self, triple_pattern, context=None):
            found = [(q.subject, q.predicate, q.object)
                     for q in self._inner.quads_for_pattern(*to_ox_quad_pattern(triple_pattern, context))]
            super().remove(triple_pattern, context)
            self.forget(found)

        def remove_graph(self, graph):
            self.forget_graph(to_ox(graph))

        def forget_graph(self, graph_name) -> None:
            """Remove a named graph, and from the union the triples no other graph states."""
            found = [(q.subject, q.predicate, q.object) for q in self._inner.quads_for_pattern(None, None, None,
                                                                                              graph_name)]
            if self._inner.contains_named_graph(graph_name):
                self._inner.remove_graph(graph_name)
            self.forget(found)

        def forget(self, triples) -> None:
            for s, p, o in triples:
                if not any(named(q.graph_name) for q in self._inner.quads_for_pattern(s, p, o, None)):
                    self._inner.remove(ox.Quad(s, p, o, union))

        def update(self, update, initNs, initBindings, queryGraph, **kwargs):  # noqa: N803 (rdflib's names)
            # A SPARQL Update writes the named graphs directly: the union is rebuilt after it, which costs a
            # pass over the store (seconds at a million quads) but keeps every later answer right.
            super().update(update, initNs, initBindings, DATASET_DEFAULT_GRAPH_ID, **kwargs)
            self.rebuild_union()

        def rebuild_union(self) -> None:
            self._inner.update("DELETE WHERE { ?s ?p ?o } ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } "
                               f"{_own_graph_filter()} }}")

        def triples(self, triple_pattern, context=None):
            if context is not None and getattr(context, "identifier", context) != DATASET_DEFAULT_GRAPH_ID:
                for (s, p, o), contexts in super().triples(triple_pattern, context):
                    yield (s, p, _plain(o)), contexts
                return
            if context is not None:
                return  # casegraph's default graph holds no data of its own
            s, p, o, _g = to_ox_quad_pattern(triple_pattern, None)
            convert = _term_converter()
            for quad in self._inner.quads_for_pattern(s, p, o, union):
                graphs = [from_ox_graph_name(q.graph_name, self) for q in
                          self._inner.quads_for_pattern(quad.subject, quad.predicate, quad.object, None)
                          if named(q.graph_name)]
                yield (convert(quad.subject), convert(quad.predicate), convert(quad.object)), iter(graphs)

        def contexts(self, triple=None):
            for graph in super().contexts(triple):
                if graph.identifier not in (JOURNAL, DATASET_DEFAULT_GRAPH_ID):
                    yield graph

        def __len__(self, context=None):
            if context is None:
                return len(list(self._inner.quads_for_pattern(None, None, None, union)))
            return super().__len__(context)

        def query(self, query, initNs, initBindings, queryGraph, **kwargs):  # noqa: N803 (rdflib's names)
            if not isinstance(query, str) or kwargs:
                return super().query(query, initNs, initBindings, queryGraph, **kwargs)  # NotImplementedError
            if queryGraph == "__UNION__":
                queryGraph = DATASET_DEFAULT_GRAPH_ID  # noqa: N806 - the union, kept once per triple
            answer = self._inner.query(
                query, default_graph=to_ox(queryGraph) if queryGraph is not None else None,
                prefixes=dict(self._namespace_for_prefix, **initNs),
                substitutions={ox.Variable(str(k)): to_ox(v) for k, v in initBindings.items()})
            return _rdflib_result(answer)

    return CasegraphOxigraphStore


def _term_converter() -> Callable:
    """A function turning Oxigraph terms into rdflib's (xsd:string literals plain) that remembers each term
    it converted: the same IRIs come back row after row, and rdflib checks every IRI it builds. Make one per
    answer, so that what it remembers goes with the answer (a cache shared by all would thrash at a million
    quads: the projection then took twice rdflib's own time)."""
    from oxrdflib._converter import from_ox

    seen: dict = {}

    def convert(term):
        found = seen.get(term)
        if found is None:
            found = seen[term] = _plain(from_ox(term))
        return found

    return convert


class _OxigraphSolutions(Result):
    """Oxigraph's solutions as an rdflib SELECT result, each cell converted only when it is read.

    :meth:`plain_rows` reads the cells as plain Python values without building rdflib terms for IRIs and
    strings, which is most of what casegraph's own queries return (oxrdflib's conversion of every cell
    nearly tripled the time of a query returning 46,000 rows: BENCHMARKS.md)."""

    def __init__(self, solutions):
        super().__init__("SELECT")
        self.vars = [Variable(v.value) for v in solutions.variables]
        # A solution that binds nothing is still a row (SELECT * { <s> <p> <o> } when the triple is there).
        self._cells = [tuple(row) for row in solutions]
        self._convert = convert = _term_converter()
        self.bindings = ({var: convert(cell) for var, cell in zip(self.vars, row) if cell is not None}
                         for row in self._cells)

    def plain_rows(self, plain: Callable) -> list[dict]:
        """The rows as dicts of plain values; ``plain`` converts an rdflib term (used for typed literals)."""
        import pyoxigraph as ox

        string = ox.NamedNode(str(XSD.string))

        def value(cell):
            kind = type(cell)
            if kind is ox.NamedNode or kind is ox.BlankNode or (
                    kind is ox.Literal and (cell.language or cell.datatype == string)):
                return cell.value
            return None if cell is None else plain(self._convert(cell))

        names = [str(var) for var in self.vars]
        return [{name: value(cell) for name, cell in zip(names, row)} for row in self._cells]


def _rdflib_result(answer) -> Result:
    """An rdflib Result for the answer of pyoxigraph's ``Store.query``."""
    import pyoxigraph as ox
    from rdflib import Graph

    if isinstance(answer, ox.QuerySolutions):
        return _OxigraphSolutions(answer)
    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    result = Result("CONSTRUCT")
    result.graph = Graph()
    convert = _term_converter()
    result.graph += ((convert(t.subject), convert(t.predicate), convert(t.object))
                     for t in answer)
    return result


#: where a server whose default graph is already the bag of all its graphs (Virtuoso) keeps casegraph's union
UNION = URIRef(BASE + "graph/union")
#: graphs a server keeps for itself (Virtuoso's schemas, its service description): never casegraph's data
SERVER_GRAPHS = ("http://www.openlinksw.com/", "http://www.w3.org/ns/ldp#", "http://localuriqaserver/")


def unions_its_graphs(query_url: str) -> tuple[bool, str]:
    """Whether the server's SPARQL 1.1 Service Description declares ``sd:UnionDefaultGraph`` (its default graph
    is then the bag of all its graphs, with no room for casegraph's set union: Virtuoso, or Oxigraph run with
    ``--union-default-graph``), and the software it names in its ``Server`` header. A server that describes
    nothing is taken not to union its graphs."""
    import urllib.request

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


@lru_cache(maxsize=None)
def _sparql_store_class():
    """rdflib's SPARQLUpdateStore, keeping the set union of the named graphs where union queries read it.

    Servers disagree on what a query without GRAPH reads: the default graph alone (Oxigraph, Fuseki, GraphDB),
    or every graph as a bag (Virtuoso, which says so in its service description). casegraph writes each triple
    into its source's graph and into the union, which thereby holds each distinct triple once, so that the
    same query gives the same answer as in memory. The union is the server's default graph where it has one of
    its own; otherwise it is the named graph :data:`UNION`, asked for as the default graph by every query, whose
    named graphs are then casegraph's alone (the union and the server's own graphs left out).
    """
    import urllib.request
    from io import BytesIO
    from urllib.error import HTTPError, URLError
    from urllib.parse import urlencode

    from rdflib import BNode
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
    from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

    class CasegraphSPARQLStore(SPARQLUpdateStore):
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
                self._insert_into_union(_ntriples([triple]))

        def addN(self, quads):  # noqa: N802 (rdflib's name)
            quads = list(quads)
            super().addN(quads)
            self._graphs = None
            if quads:
                self._insert_into_union(_ntriples(quad[:3] for quad in quads))

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
                    body = _ntriples(triples)
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
                                   f"{_own_graph_filter()} }}")
                else:
                    super().update(f"DROP SILENT GRAPH <{self.union_graph}> ; INSERT {{ GRAPH <{self.union_graph}> "
                                   f"{{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_own_graph_filter()} }}")
            finally:
                self._rebuilding = False

        def own_graphs(self) -> list[str]:
            """casegraph's named graphs on a server that unions its graphs (cached until the next write)."""
            if self._graphs is None:
                rows = self._ask_server([("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                                                              f"{_own_graph_filter()} }}")])
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

        def _update(self, update):
            try:
                super()._update(update)
            except HTTPError as e:
                raise QueryError(f"{self.update_endpoint} refused the update ({e.code}): {_said(e)}",
                                 syntax=False) from None
            except URLError as e:
                raise InputError(f"store sparql:{self.update_endpoint}: cannot reach the server ({e.reason})") \
                    from None

    return CasegraphSPARQLStore


def _said(error) -> str:
    """The first words of a server's error page, on one line."""
    words = " ".join(error.read().decode("utf-8", "replace").split())
    return (words[:300] + " ...") if len(words) > 300 else words or str(error.reason)


def _ntriples(triples) -> str:
    """Triples written as the body of an INSERT DATA."""
    return "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)


def _own_graph_filter() -> str:
    """A SPARQL FILTER on ``?g`` leaving out the union, the load journal and the server's own graphs."""
    kept = " && ".join(f'!STRSTARTS(STR(?g), "{prefix}")' for prefix in SERVER_GRAPHS)
    return f"FILTER(?g NOT IN (<{UNION}>, <{JOURNAL}>) && {kept})"


def oxigraph_store(dataset: Dataset):
    """The pyoxigraph Store under ``dataset``, or None when it is not an Oxigraph dataset."""
    return dataset.store._inner if store_kind(dataset) == "oxigraph" else None


def store_kind(dataset: Dataset) -> str:
    """``oxigraph`` or ``sparql`` for a dataset opened by :func:`open_dataset` on such a store, else ``memory``."""
    if isinstance(dataset.store, _oxigraph_store_class()):
        return "oxigraph"
    if isinstance(dataset.store, _sparql_store_class()):
        return "sparql"
    return "memory"


def count_quads(dataset: Dataset) -> int:
    """The number of quads in the named graphs: counted by Oxigraph's or the server's own SPARQL engine, graph
    by graph in rdflib's memory store."""
    if store_kind(dataset) == "memory":
        return sum(len(g) for g in dataset.graphs())
    rows = list(dataset.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_own_graph_filter()} }}"))
    return int(rows[0][0])


def _ox_journal():
    import pyoxigraph as ox

    return ox.NamedNode(str(JOURNAL))


def named_quads(dataset: Dataset, subject=None, predicates: Iterable[URIRef] | None = None):
    """Every quad of the named graphs as rdflib terms ``(s, p, o, graph)``; only those of ``subject`` and of
    ``predicates``, when given (the projection fetches only the relations it draws).

    With one ``GRAPH ?g`` query per predicate run by Oxigraph (rdflib's quad API would ask for each triple's
    graphs one by one), with one such query to a SPARQL server (rdflib's SPARQLStore does not report graphs),
    else from rdflib's own quad index.
    """
    kind = store_kind(dataset)
    chosen = [None] if predicates is None else list(predicates)
    if kind == "oxigraph":
        import pyoxigraph as ox
        from oxrdflib._converter import to_ox

        # GRAPH ?g in Oxigraph's SPARQL reads the named graphs only: its quad API would also walk the union
        # kept in the default graph (twice the quads) and hand each quad to Python.
        text = f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_own_graph_filter()} }}"
        convert = _term_converter()
        for predicate in chosen:
            fixed = {ox.Variable(name): to_ox(term) for name, term in (("s", subject), ("p", predicate))
                     if term is not None}
            for s, p, o, g in dataset.store._inner.query(text, substitutions=fixed):
                yield (convert(s) if subject is None else subject, convert(p) if predicate is None else predicate,
                       convert(o), convert(g))
    elif kind == "sparql":
        values = "" if predicates is None else f"VALUES ?p {{ {' '.join(p.n3() for p in chosen)} }}"
        pattern = "?s ?p ?o" if subject is None else f"{subject.n3()} ?p ?o"  # ?s then comes back unbound
        for s, p, o, g in dataset.query(f"SELECT ?s ?p ?o ?g WHERE {{ {values} GRAPH ?g {{ {pattern} }} }}"):
            yield subject if s is None else s, p, _plain(o), g
    else:
        for predicate in chosen:
            yield from dataset.quads((subject, predicate, None, None))


def loose_triples(dataset: Dataset) -> int:
    """Triples in the default graph itself, outside any source's graph. Oxigraph and server stores keep the
    union of the named graphs there (see the store classes), so only rdflib's memory store can have loose
    triples."""
    if store_kind(dataset) != "memory":
        return 0
    return sum(1 for _ in dataset.quads((None, None, None, dataset.default_graph.identifier)))


# --- loading ---------------------------------------------------------------------------------------------

@dataclass
class LoadReport:
    """What a load wrote: graphs and quads per file, the time it took, and graphs it had to drop first."""

    files: dict[str, tuple[int, int]]
    seconds: float
    recovered: list[str]

    @property
    def quads(self) -> int:
        return sum(q for _g, q in self.files.values())


def load_files(dataset: Dataset, spec: StoreSpec, paths: Iterable[str | os.PathLike], *,
               progress: Callable[[str, int, int], None] | None = None) -> LoadReport:
    """Load RDF files into the store, one named graph at a time, so that an interrupted load never leaves
    half a graph unnoticed.

    Every file is parsed before anything is written. A graph already in the store is replaced. On Oxigraph,
    the graphs of each file are noted in a journal graph before they are written and struck off once they are
    whole; :func:`recover`, run whenever the store is opened, drops the graphs of a load that was killed on the
    way and says which (load the file again). On a SPARQL server each graph is replaced in one update request,
    which the server applies whole.
    """
    started = time.perf_counter()
    report = LoadReport({}, 0.0, recover(dataset))
    files = [Path(p) for p in paths]
    if spec.kind == "oxigraph":
        _load_files_oxigraph(dataset, files, report, progress)
    elif spec.kind == "sparql":
        _load_files_sparql(dataset, files, report, progress)
    else:
        raise ValueError(f"load_files writes into Oxigraph or a server, not {spec}")
    report.seconds = time.perf_counter() - started
    return report


def _load_files_oxigraph(dataset: Dataset, files: list[Path], report: LoadReport, progress) -> None:
    checked = [_check_for_oxigraph(path) for path in files]
    for item in checked:
        _load_oxigraph(dataset, item)
        report.files[str(item.path)] = (len(item.graphs), item.quads)
        if progress:
            progress(str(item.path), len(item.graphs), item.quads)


def _load_files_sparql(dataset: Dataset, files: list[Path], report: LoadReport, progress) -> None:
    parsed = [(path, _parse_quads(path)) for path in files]
    store = dataset.store
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


def _parse_quads(path: Path) -> dict:
    """The triples of ``path`` by graph, parsed by rdflib (a syntax error names the file and line)."""
    from . import io

    dataset = io.parse_file(path)
    return {g.identifier: list(g) for g in dataset.graphs() if len(g)}


#: what Oxigraph reads itself, by file suffix; other formats (JSON-LD) are read by rdflib and handed over
OXIGRAPH_FORMATS = {".nq": "N_QUADS", ".trig": "TRIG", ".nt": "N_TRIPLES", ".ttl": "TURTLE"}


@dataclass
class _OxigraphInput:
    """A file checked for an Oxigraph load: what its loader reads, and the size of each graph it holds."""

    path: Path
    source: dict
    graphs: dict
    remapped: list | None = None  # the quads, when some sat in the default graph and were moved (see below)

    @property
    def quads(self) -> int:
        return sum(self.graphs.values())


def _check_for_oxigraph(path: Path) -> _OxigraphInput:
    """Parse ``path`` once, keeping only the size of each graph, so that a bad file stops the load before it
    writes anything; Oxigraph then reads the file again itself, in Rust, far faster than quads handed over
    from Python. Triples outside any graph go into a graph named after the file, since the default graph
    holds the union."""
    import pyoxigraph as ox

    from . import io

    if not path.is_file():
        raise InputError(f"{path}: no such file")
    name = OXIGRAPH_FORMATS.get(path.suffix.lower())
    if name is None:
        source = {"input": io.parse_file(path).serialize(format="nquads", encoding="utf-8"),
                  "format": ox.RdfFormat.N_QUADS}
    else:
        source = {"path": str(path), "format": getattr(ox.RdfFormat, name)}
    try:
        graphs = Counter(quad.graph_name for quad in ox.parse(**source))
    except (SyntaxError, ValueError, OSError):
        io.parse_file(path)  # rdflib's parser gives the message with file and line
        raise ParseError(f"{path}: Oxigraph cannot read this file") from None
    item = _OxigraphInput(path, source, graphs)
    unnamed = graphs.pop(ox.DefaultGraph(), 0)
    if unnamed:
        own = ox.NamedNode(path.resolve().as_uri())
        graphs[own] += unnamed
        if source["format"] in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE):
            source["to_graph"] = own
        else:  # a quad file with some triples outside its graphs: moved quad by quad (rare)
            item.remapped = [q if not isinstance(q.graph_name, ox.DefaultGraph) else
                             ox.Quad(q.subject, q.predicate, q.object, own) for q in ox.parse(**source)]
    return item


def _load_oxigraph(dataset: Dataset, item: _OxigraphInput) -> None:
    """Write one checked file: note its graphs in the journal, empty them, let Oxigraph's bulk loader read
    the file, add the new triples to the union with one SPARQL update run inside Oxigraph, strike the notes."""
    import pyoxigraph as ox

    store, inner = dataset.store, oxigraph_store(dataset)
    journal = _ox_journal()
    notes = [ox.Quad(graph, ox.NamedNode(str(LOADING)), ox.Literal(str(item.path)), journal) for graph in item.graphs]
    inner.extend(notes)  # one transaction: the journal names every graph before any is touched
    for graph in item.graphs:
        store.forget_graph(graph)
    # Bulk writes are fast but not transactional: the journal is what makes them safe (see recover()).
    if item.remapped is not None:
        inner.bulk_extend(item.remapped)
    else:
        inner.bulk_load(**item.source, lenient=True)  # lenient: the file was checked by the parse above
    # The union, written by Oxigraph itself: in memory a SPARQL update is fastest; on disk a transaction that
    # size is slow, and the bulk writer, handed the triples as N-Triples, about twice as fast (BENCHMARKS.md).
    graphs = " ".join(str(graph) for graph in item.graphs)
    pattern = f"WHERE {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?s ?p ?o }} }}"
    if store.on_disk:
        triples = inner.query(f"CONSTRUCT {{ ?s ?p ?o }} {pattern}").serialize(format=ox.RdfFormat.N_TRIPLES)
        inner.bulk_load(input=triples, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph(), lenient=True)
    else:
        inner.update(f"INSERT {{ ?s ?p ?o }} {pattern}")
    inner.flush()
    for note in notes:
        inner.remove(note)


def recover(dataset: Dataset) -> list[str]:
    """Drop the graphs that an interrupted load left in the journal (they may be partial) and rebuild the
    union from what remains; return the IRIs of the dropped graphs."""
    if store_kind(dataset) == "sparql":
        if dataset.store.update_endpoint and dataset.store.was_loading():
            dataset.store.rebuild_union()
            dataset.store.note_loading(False)
        return []  # a server applies each graph whole: a stopped load leaves no part of one
    store = oxigraph_store(dataset)
    if store is None:
        return []
    import pyoxigraph as ox

    journal = _ox_journal()
    notes = list(store.quads_for_pattern(None, None, None, journal))
    if not notes:
        # A store written by another program (Oxigraph's own loader) has named graphs and no union yet.
        if next(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is None and \
                next(iter(store.named_graphs()), None) is not None:
            dataset.store.rebuild_union()
        return []
    dropped = sorted({note.subject.value for note in notes})
    for note in notes:
        if store.contains_named_graph(note.subject):
            store.remove_graph(note.subject)
    store.remove_graph(journal)
    dataset.store.rebuild_union()
    return dropped


def describe_recovery(dropped: list[str]) -> str:
    return (f"an earlier load stopped before it finished: {len(dropped)} graph(s) it was writing were removed "
            f"({', '.join(dropped[:3])}{' ...' if len(dropped) > 3 else ''}); load their files again")

