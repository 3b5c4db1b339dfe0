"""Where the quads live: casegraph's store interface and its back-ends, one module each, chosen by name.

A store is named by a short string, given to ``CaseGraph.open(store=...)``, to the CLI's ``--store`` or in the
``CASEGRAPH_STORE`` environment variable:

- ``memory`` (:mod:`.memory`): rdflib's in-memory dataset, filled from files each time (the bundled data by
  default);
- ``oxigraph`` and ``oxigraph:PATH`` (:mod:`.oxigraph`): pyoxigraph's store, in memory (filled from files each
  time) or on disk at PATH (kept between runs); its SPARQL runs in Oxigraph;
- ``sparql:QUERY_URL[,UPDATE_URL]`` (:mod:`.sparql`): any SPARQL 1.1 server, through the SPARQL Protocol.

Every back-end is a :class:`Store`: load files, add quads, replace or remove a graph, update, query, the named
quads of given predicates, counts, recovery after a killed load, close. Whatever the back-end, queries see a
default graph that is the union of the named graphs, each triple once, as in rdflib's memory store; and
``Store.dataset`` is an rdflib ``Dataset`` view of the same quads for code that wants rdflib's API. Nothing
outside this package asks which back-end it holds.

>>> StoreSpec.parse("oxigraph:/tmp/kadrey").persistent, StoreSpec.parse("oxigraph").persistent
(True, False)
>>> StoreSpec.parse("sparql:http://127.0.0.1:7878/query,http://127.0.0.1:7878/update").update
'http://127.0.0.1:7878/update'
"""

from __future__ import annotations

import importlib
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import XSD, Dataset, Literal, URIRef
from rdflib.query import Result

from ..errors import CaseGraphError, InputError
from ..extras import needs
from ..vocab import BASE, PREFIXES

ENVIRONMENT = "CASEGRAPH_STORE"
#: the graph where a load notes which graphs it is writing, until they are whole (see ``Store.recover``)
JOURNAL = URIRef(BASE + "graph/load-journal")
LOADING = URIRef(PREFIXES["cg"] + "loadingFrom")
#: where a server whose default graph is already the bag of all its graphs (Virtuoso) keeps casegraph's union
UNION = URIRef(BASE + "graph/union")
#: graphs a server keeps for itself (Virtuoso's schemas, its service description): never casegraph's data
SERVER_GRAPHS = ("http://www.openlinksw.com/", "http://www.w3.org/ns/ldp#", "http://localuriqaserver/")

#: back-end name -> "module:class", imported when first used (pyoxigraph only when Oxigraph is asked for)
BACKENDS = {"memory": "memory:MemoryStore", "oxigraph": "oxigraph:OxigraphStore", "sparql": "sparql:SparqlStore"}


@dataclass(frozen=True)
class StoreSpec:
    """A parsed store name: ``kind`` is the back-end's name (a key of :data:`BACKENDS`)."""

    kind: str
    location: str | None = None
    update: str | None = None

    @classmethod
    def parse(cls, text: str | None) -> "StoreSpec":
        text = (text if text is not None else os.environ.get(ENVIRONMENT) or "memory").strip()
        if text in ("memory", "oxigraph"):
            return cls(text)
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
        return self.location is not None

    def __str__(self) -> str:
        if self.location is None:
            return self.kind
        return f"{self.kind}:{self.location}" + (f",{self.update}" if self.update else "")


def open_store(spec: StoreSpec | str | None, *, read_only: bool = False) -> "Store":
    """The back-end ``spec`` names, opened (and recovered, if a load into it was killed). ``read_only`` opens a
    persistent store for reading only, beside other readers (``casegraph serve`` and a ``casegraph query`` on
    one Oxigraph folder); a store that lives in this process is always writable (its files are read into it)."""
    spec = spec if isinstance(spec, StoreSpec) else StoreSpec.parse(spec)
    module, _, name = BACKENDS[spec.kind].partition(":")
    with needs():  # the oxigraph back-end is the oxigraph extra's
        backend = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    return backend(spec, read_only=read_only and spec.persistent)


@dataclass
class LoadReport:
    """What a load wrote: graphs and quads per file, the time it took, graphs it had to drop first, and whether it
    compacted the store."""

    files: dict[str, tuple[int, int]]
    seconds: float
    recovered: list[str]
    #: whether the load ended by compacting the store (see casegraph.stores.oxigraph.COMPACT_AFTER)
    compacted: bool = False

    @property
    def quads(self) -> int:
        return sum(q for _g, q in self.files.values())


Progress = Callable[[str, int, int], None]


class TooManyRows(CaseGraphError):
    """An answer longer than the caller's limit (rows of a SELECT, triples of a CONSTRUCT)."""

    def __init__(self, rows: int, limit: int):
        self.rows, self.limit = rows, limit
        super().__init__(f"the answer has {rows} rows or triples, more than the limit of {limit}")


class Store:
    """The interface of a back-end. Subclasses set :attr:`dataset` and implement what their engine does
    better than the defaults, which go through that rdflib view."""

    #: the rdflib view of the quads (default graph: the set union of the named graphs)
    dataset: Dataset
    #: whether reading the dataset graph by graph is cheaper than one SPARQL query (rdflib's memory store,
    #: whose engine answers GRAPH ?g by walking every quad)
    reads_graphs_directly = False
    #: the back-end that holds a copy of some of this store's graphs in memory (``CaseGraph.view_of``)
    scratch = "memory"

    def __init__(self, spec: StoreSpec, *, read_only: bool = False):
        self.spec, self.read_only = spec, read_only
        #: graphs an interrupted load had left half-written, dropped when the store was opened
        self.recovered: list[str] = []

    @property
    def persistent(self) -> bool:
        return self.spec.persistent

    def _bind_prefixes(self) -> None:
        for prefix, iri in PREFIXES.items():
            self.dataset.bind(prefix, iri, override=True, replace=True)

    # --- writing (only CaseGraph calls these, so that its caches follow every change) ---

    def load(self, files: list[Path], progress: Progress | None = None) -> LoadReport:
        """Add the quads of ``files`` (every file checked before anything is written); a graph already in a
        persistent store is replaced whole."""
        raise NotImplementedError

    def add(self, quads: Iterable[tuple]) -> None:
        """Add ``(s, p, o, graph IRI)`` quads, in one write (one request to a server)."""
        graphs: dict = {}  # each graph made once: on a server, making one is a request (CREATE GRAPH)

        def graph(iri):
            if iri not in graphs:
                graphs[iri] = self.dataset.graph(iri)
            return graphs[iri]

        self.dataset.addN((s, p, o, graph(g)) for s, p, o, g in quads)

    def remove_graph(self, graph: URIRef) -> None:
        """Remove a named graph whole (nothing happens when there is none)."""
        self.dataset.remove_graph(graph)

    def update(self, text: str, *, using: Iterable[str] = (), using_named: Iterable[str] = (),
               base: str | None = None) -> None:
        """Apply a SPARQL Update (see :mod:`casegraph.update`)."""
        from .. import update

        update.run(self.dataset, text, using=using, using_named=using_named, base=base)

    # --- reading ---

    def query(self, text: str, initNs: dict | None = None) -> Result:  # noqa: N803 - as rdflib's Graph.query
        """Run SPARQL on the union default graph; an rdflib Result."""
        return self.dataset.query(text, initNs=initNs or PREFIXES)

    def named_quads(self, subject=None, predicates: Iterable[URIRef] | None = None) -> Iterator[tuple]:
        """Every quad ``(s, p, o, graph)`` of the named graphs; only those of ``subject`` and ``predicates``."""
        raise NotImplementedError

    def graphs_of(self, s, p, o) -> list[str]:
        """The IRIs of the named graphs that hold the triple ``(s, p, o)`` (rdflib terms)."""
        default = self.dataset.default_graph.identifier
        return sorted({str(getattr(g, "identifier", g)) for _s, _p, _o, g in self.dataset.quads((s, p, o, None))
                       if getattr(g, "identifier", g) not in (default, UNION, JOURNAL)})

    def plain_quads(self, predicates: Iterable[URIRef]) -> Iterator[tuple[str, str, str, str]]:
        """``(subject, predicate, object, graph)`` as plain strings, for each quad of the named graphs with one
        of ``predicates`` (in their order) whose subject and object are IRIs: relations read without building
        an rdflib term for each IRI, as the projection reads them."""
        for s, p, o, g in self.named_quads(predicates=predicates):
            if type(s) is URIRef and type(o) is URIRef:
                yield str(s), str(p), str(o), str(g)

    def plain_values(self, predicate: URIRef) -> Iterator[tuple[str, str, str | None]]:
        """``(subject, value, language)`` for each triple of ``predicate`` in the union whose subject is an IRI:
        the value is the object's IRI or lexical form, the language a literal's tag or None."""
        seen = set()
        for s, _p, o, _g in self.named_quads(predicates=[predicate]):
            if type(s) is URIRef and (s, o) not in seen:
                seen.add((s, o))
                yield str(s), str(o), getattr(o, "language", None)

    def count_quads(self) -> int:
        """The number of quads in the named graphs."""
        rows = list(self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {own_graph_filter()} }}"))
        return int(rows[0][0])

    def counts(self) -> dict:
        """What ``stats`` shows, counted by the store's engine: quads, distinct triples, source graphs, and
        entities by class and claims by status (``{IRI: count}``)."""
        def number(text: str) -> int:
            return int(next(iter(self.query(text)))[0])

        def by(predicate: str) -> Counter:
            rows = self.query(f"SELECT ?o (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s {predicate} ?o }} GROUP BY ?o")
            return Counter({row[0]: int(row[1]) for row in rows})

        return {"quads": self.count_quads(),
                "triples": number("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
                "source graphs": number("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g prov:wasDerivedFrom "
                                        f"?d }} {own_graph_filter()} }}"),
                "classes": by("a"), "statuses": by("cg:status")}

    def export_dataset(self) -> Dataset:
        """The named graphs as an rdflib Dataset to serialise (the union a store keeps for queries left out)."""
        from .. import io

        dataset = io.new_dataset()
        for s, p, o, g in self.named_quads():
            dataset.graph(g).add((s, p, o))
        return dataset

    def worker_spec(self) -> StoreSpec | None:
        """A store that another process may open read-only to answer queries with this store's own engine (see
        :meth:`answer`), so that a query past its time limit is stopped by ending that process; None where
        queries must be answered in this process."""
        return None

    def answer(self, text: str, fmt: str, *, default: Iterable[str] = (), named: Iterable[str] = (),
               base: str | None = None, max_rows: int | None = None) -> bytes:
        """The answer to the query ``text``, serialised by the engine in ``fmt`` (json, xml, csv, tsv for
        solutions and booleans; turtle, ntriples, jsonld, trig, rdfxml for graphs); ``default`` and ``named``
        are the protocol's dataset. Raises :class:`TooManyRows` past ``max_rows``. Only the stores that give a
        :meth:`worker_spec` implement it."""
        raise NotImplementedError

    def generation(self) -> str | None:
        """A token that changes with every write casegraph makes to a persistent store, so that what is derived
        from its data (the projection) can be kept beside it and trusted while the token is the same; None
        where nothing is kept between runs."""
        return None

    def changed(self) -> None:
        """Called by CaseGraph before and after every write: a new generation."""

    def cache_folder(self) -> Path | None:
        """Where what is derived from the store's data may be kept between runs, or None."""
        return None

    def loose_triples(self) -> int:
        """Triples in the default graph itself, outside any source's graph (only rdflib's memory store can
        hold them: the others keep the union there)."""
        return 0

    def recover(self) -> list[str]:
        """Undo what a killed load left half-written; return the IRIs of the graphs dropped."""
        return []

    def close(self) -> None:
        self.dataset.close()


# --- helpers the back-ends share -----------------------------------------------------------------------------

def plain(term):
    """A literal typed xsd:string as the plain literal it is in RDF 1.1 (rdflib tells the two apart)."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def own_graph_filter() -> str:
    """A SPARQL FILTER on ``?g`` leaving out the union, the load journal and a server's own graphs."""
    kept = " && ".join(f'!STRSTARTS(STR(?g), "{prefix}")' for prefix in SERVER_GRAPHS)
    return f"FILTER(?g NOT IN (<{UNION}>, <{JOURNAL}>) && {kept})"


def ntriples(triples) -> str:
    """Triples written as the body of an INSERT DATA."""
    return "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)


def describe_recovery(dropped: list[str]) -> str:
    return (f"an earlier load stopped before it finished: {len(dropped)} graph(s) it was writing were removed "
            f"({', '.join(dropped[:3])}{' ...' if len(dropped) > 3 else ''}); load their files again")
