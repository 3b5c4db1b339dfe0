"""The CaseGraph facade: the one object users hold.

>>> from casegraph import CaseGraph
>>> cg = CaseGraph.open()                       # the bundled Kadrey v. Meta graph
>>> cg.entity("llama3").label
'Llama 3'
>>> cg.validate().conforms
True

Each method is a few lines that hand the work to a module: ``io`` (files), ``query`` (SPARQL), ``names``
(finding entities), ``facts`` (descriptions), ``validation`` (SHACL), ``conflicts`` (sources that disagree),
``model`` (sources and IRIs).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, Iterable, Iterator

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from . import io, query as sparql, stores
from .conflicts import ConflictReport, find_conflicts
from .errors import InputError, NotFoundError, SourceError
from .facts import Description, FactReader, SourceRef, pick_lang, read_statements
from .model import Source
from .names import NAMES_QUERY, NameIndex
from .ontology import class_named, ontology_graph, shapes_graph, with_subclasses
from .results import Communities, Paths, Ranking, Statements, Timeline
from .resources import source_files
from .stores import StoreSpec
from .validation import ValidationReport, validate
from .vocab import CG, SCHEMA


@dataclass(frozen=True)
class Entity:
    """An entity found by name: its IRI and display label. ``str(entity)`` is the IRI."""

    iri: URIRef
    label: str

    def __str__(self) -> str:
        return str(self.iri)


#: the source document of each named graph, for stores that answer SPARQL fast (see ``CaseGraph._sources``)
SOURCES_QUERY = """
SELECT ?g (STR(?u) AS ?url) (STR(?p) AS ?publisher) (STR(?t) AS ?title) (STR(?c) AS ?confidence)
       (STR(?m) AS ?method) (STR(?i) AS ?issued) WHERE {
  GRAPH ?g { ?g prov:wasDerivedFrom ?doc
    OPTIONAL { ?doc schema:url ?u } OPTIONAL { ?doc dcterms:publisher ?p }
    OPTIONAL { ?doc dcterms:title ?t } OPTIONAL { ?doc cg:confidence ?c } OPTIONAL { ?g cg:method ?m }
    OPTIONAL { ?doc dcterms:issued ?i } }
}"""


class CaseGraph:
    """A legal-case knowledge graph: named graphs of sourced facts, queried with SPARQL.

    Open the bundled data with :meth:`open`, your own files with ``CaseGraph.open(paths)``, or start empty
    with ``CaseGraph()`` and :meth:`add` facts with their source.
    """

    def __init__(self, store: str | StoreSpec | None = None, *, read_only: bool = False):
        self.store = store if isinstance(store, StoreSpec) else StoreSpec.parse(store)
        #: the back-end (see :mod:`casegraph.stores`); every write to it goes through this object
        self._store = stores.open_store(self.store, read_only=read_only)
        self._dataset = self._store.dataset
        #: what the last ``load`` wrote (a :class:`~casegraph.stores.LoadReport`)
        self.last_load = None
        #: graphs an interrupted ``load`` had left half-written, dropped when the store was opened
        self.recovered = self._store.recovered
        self._projections: dict[tuple, Any] = {}
        #: the graph a view of chosen sources was made from (see :meth:`view_of`), else None
        self._origin: CaseGraph | None = None
        #: which graphs a view of chosen sources kept and left out (a :class:`~casegraph.provenance.Selected`)
        self.selection = None
        #: what a view as of a day left out and worked out (a :class:`~casegraph.as_of.AsOfReport`), else None
        self.as_of = None
        #: folders of your own saved queries (``*.rq``), added to casegraph's by :meth:`saved`
        self.query_folders: list[str | os.PathLike] = []

    # --- opening and loading -------------------------------------------------------------------------

    @classmethod
    def open(cls, paths: str | os.PathLike | Iterable[str | os.PathLike] | None = None, *,
             store: str | StoreSpec | None = None, read_only: bool = False) -> "CaseGraph":
        """A graph of ``paths`` (one RDF file or folder, or a list of them), or of the bundled data when none
        are given.

        ``store`` names where the quads live (see :mod:`casegraph.stores`; default: the ``CASEGRAPH_STORE``
        environment variable, else ``memory``). ``memory`` and ``oxigraph`` (Oxigraph in memory, much faster on
        big graphs) start empty and read ``paths``. A persistent store (``oxigraph:PATH`` or ``sparql:URL``) is
        the graph it holds, and ``paths``, when given, are loaded into it. With ``read_only`` a persistent store
        is opened for reading beside other readers (``casegraph serve``), and every write raises InputError.
        """
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        graph = cls(store, read_only=read_only and not paths)  # loading paths is writing
        if graph.store.persistent:
            if paths:
                graph.load(*paths)
            return graph
        graph.load(*(paths if paths else source_files()))
        return graph

    def load(self, *paths: str | os.PathLike, progress=None) -> "CaseGraph":
        """Add the quads of each file; a folder adds the RDF files directly in it (not in its sub-folders).

        Every file is parsed before anything is added, so a bad file leaves the graph as it was. In a
        persistent store each named graph is replaced whole (see :mod:`casegraph.stores`),
        ``progress(file, graphs, quads)`` is called after each file, and :attr:`last_load` says what was written.
        """
        self._writing()
        files = io.rdf_files(paths)
        try:
            self.last_load = self._store.load(files, progress=progress)
        finally:
            self._changed()
        return self

    def add(self, triples: Iterable[tuple], *, source: Source) -> URIRef:
        """Add ``triples`` to the named graph of ``source`` (with its provenance); return the graph's IRI.

        There is no way to add a fact without a source:

        >>> from casegraph import CaseGraph, Source
        >>> from rdflib import URIRef, Literal, RDFS
        >>> cg = CaseGraph()
        >>> src = Source(url="https://example.org/a", publisher="Example", language="en")
        >>> str(cg.add([(URIRef("https://example.org/x"), RDFS.label, Literal("X"))], source=src))
        'https://w3id.org/casegraph/id/graph/example-org-a-579f2a2c'
        """
        if not isinstance(source, Source):
            raise SourceError("add() needs source=Source(url=..., publisher=..., language=...)")
        self._writing()
        triples = list(triples)
        for triple in triples:  # check them all before writing any: a bad one leaves the graph as it was
            if len(triple) != 3 or not (isinstance(triple[0], (URIRef, BNode)) and isinstance(triple[1], URIRef)
                                        and isinstance(triple[2], (URIRef, BNode, Literal))):
                raise InputError(f"not an RDF triple (subject IRI, predicate IRI, object term): {triple!r}")
        # One write: a SPARQL server gets one request, not one per triple.
        self._store.add((s, p, o, source.graph_iri) for s, p, o in source.provenance() + triples)
        self._changed()
        return source.graph_iri

    def write_graph(self, graph: str | URIRef, triples: Iterable[tuple], *, replace: bool = True) -> None:
        """Replace (or, with ``replace=False``, extend) the named graph ``graph`` with ``triples`` as they are,
        with no provenance added: for graphs casegraph derives itself (``infer``) and for the Graph Store
        Protocol. Facts from a document go through :meth:`add`, which records their source."""
        self._writing()
        graph, triples = URIRef(graph), list(triples)
        try:
            if replace:
                self._store.remove_graph(graph)
            self._store.add((s, p, o, graph) for s, p, o in triples)
        finally:
            self._changed()

    def remove_graph(self, graph: str | URIRef) -> None:
        """Remove the named graph ``graph`` whole (nothing happens when there is none)."""
        self._writing()
        try:
            self._store.remove_graph(URIRef(graph))
        finally:
            self._changed()

    def update(self, text: str, *, using: Iterable[str] = (), using_named: Iterable[str] = (),
               base: str | None = None) -> None:
        """Apply a SPARQL 1.1 Update to the sources' named graphs (see :mod:`casegraph.update`).

        ``using`` and ``using_named`` give the graphs the ``WHERE`` of ``DELETE``/``INSERT`` reads (the SPARQL
        Protocol's ``using-graph-uri`` and ``using-named-graph-uri``); ``base`` resolves relative IRIs. A write
        to the default graph, which is the union of the sources' graphs, is refused with QueryError.
        """
        self._writing()
        try:
            self._store.update(text, using=using, using_named=using_named, base=base)
        finally:
            self._changed()  # even a failed update may have applied its first operations

    def worker_spec(self):
        """A store another process may open read-only to answer queries with the store's own engine (what
        ``casegraph serve`` uses to stop an Oxigraph query at its time limit), or None."""
        return self._store.worker_spec()

    def close(self) -> None:
        """Release the store (an Oxigraph store on disk is locked while it is open); memory has nothing to do."""
        if self.store.persistent:
            self._store.close()

    def __enter__(self) -> "CaseGraph":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def _writing(self) -> None:
        """Every write starts here: a store opened read-only refuses it before anything changes."""
        if self._origin is not None:
            raise InputError("a view of chosen sources is read-only: write to the graph it was made from")
        if self._store.read_only:
            raise InputError(f"store {self.store} was opened read-only: open it with read_only=False to write")
        self._store.changed()  # before: a write that dies half-way leaves no kept projection trusted

    def _changed(self) -> None:
        # Caches derived from the data are dropped whenever it changes.
        self._store.changed()
        for name in ("names", "_sources"):
            self.__dict__.pop(name, None)
        self._projections: dict[tuple, Any] = {}

    # --- reading -------------------------------------------------------------------------------------

    @property
    def dataset(self):
        """An rdflib Dataset view of the quads (named graphs; its default graph is their union), for code that
        wants rdflib's API. Write through this object's methods (:meth:`add`, :meth:`update`,
        :meth:`write_graph`), so that what it derives from the data (names, projections) follows."""
        return self._dataset

    def quads(self, subject: URIRef | None = None, predicates: Iterable[URIRef] | None = None):
        """The quads ``(s, p, o, graph)`` of the named graphs, only those of ``subject`` and ``predicates``
        when given, read by the store's own engine."""
        return self._store.named_quads(subject, predicates)

    def plain_quads(self, predicates: Iterable[URIRef]) -> Iterator[tuple[str, str, str, str]]:
        """The quads of ``predicates`` between two IRIs as plain strings ``(s, p, o, graph)``, the fastest way to
        read relations (see :meth:`casegraph.stores.Store.plain_quads`)."""
        return self._store.plain_quads(predicates)

    def plain_values(self, predicate: URIRef) -> Iterator[tuple[str, str, str | None]]:
        """``(subject, value, language)`` of each triple of ``predicate``, each once, as plain strings."""
        return self._store.plain_values(predicate)

    @property
    def ontology(self) -> Graph:
        """The casegraph ontology (OWL), read from the package."""
        return ontology_graph()

    def __len__(self) -> int:
        """The number of quads (a triple stated by two sources counts twice)."""
        return self._store.count_quads()

    def query(self, text: str, *, why: bool = False, **bindings: Any) -> sparql.QueryResult:
        """Run SPARQL; keyword arguments fix variables (``cg.query(q, speaker=iri)``).

        The prefixes ``cg:``, ``rdfs:``, ``skos:``, ``prov:``, ``schema:``, ``dcterms:`` and the entity kinds
        (``person:``, ``model:`` ...) are predefined. The default graph is the union of all source graphs.
        With ``why=True`` the result also says which source documents make each row true (``result.why``,
        ``result.sources``; see :mod:`casegraph.why`).
        """
        return self._answer(text, bindings, why)

    def _answer(self, text: str, bindings: dict[str, Any], why: bool) -> sparql.QueryResult:
        result = sparql.run(self._store, text, bindings)
        if why:
            from .why import explain

            result.why = explain(self, sparql.with_bindings(text, bindings) if bindings else text, result)
            supports = result.why if isinstance(result.why, list) else [result.why]
            result.sources = self.sources_of({g for support in supports for g in support.graphs})
        return result

    def saved(self, name: str | sparql.SavedQuery, *, why: bool = False, **params: str) -> sparql.QueryResult:
        """Run the saved query ``name`` (casegraph's own, or one of ``CASEGRAPH_DATA/queries`` and of the
        folders in :attr:`query_folders`; or a :class:`~casegraph.query.SavedQuery`); entity parameters are
        resolved by name among their class; ``why`` as in :meth:`query`."""
        saved = name if isinstance(name, sparql.SavedQuery) else sparql.saved_query(name, self.query_folders)
        name = saved.name
        declared = {p.name: p for p in saved.params}
        bindings: dict[str, Any] = {}
        for key, value in params.items():
            if key not in declared:
                raise InputError(f"saved query {name!r} has no parameter {key!r}; "
                                 f"it takes: {', '.join(declared) or 'none'}")
            param = declared[key]
            bindings[key] = self.entity(value, kind=param.cls).iri if param.kind == "entity" else Literal(value)
        return self._answer(saved.text, bindings, why)

    @cached_property
    def names(self) -> NameIndex:
        """The index of every label and alias (rebuilt after each change)."""
        return NameIndex.from_rows(self.query(NAMES_QUERY).raw)

    def labels(self, iris: Iterable[URIRef]) -> dict[URIRef, str]:
        """The display label of each of ``iris``, by the name index's rule: from the index when it is built,
        else from the names of these entities only (building the whole index to label a few entities cost most
        of a ``describe`` at 300,000 quads)."""
        iris = {URIRef(i) for i in iris}
        if "names" in self.__dict__ or not iris:
            return {iri: self.names.label(iri) for iri in iris}
        index = NameIndex.from_rows(self.query(sparql.values_first(NAMES_QUERY, "entity", iris)).raw)
        return {iri: index.label(iri) for iri in iris}

    def entity(self, name: str | URIRef, kind: str | URIRef | None = None) -> Entity:
        """The entity named ``name`` (label, alias, docket number or Wikidata id; any language, any case, with or
        without accents), among the instances of the class ``kind`` when given (its IRI, local name or label:
        ``"LegalCase"``, ``"legal case"``, ``"Agent"``).

        Raises :class:`~casegraph.errors.NotFoundError` with the nearest names when nothing matches.

        >>> from casegraph import CaseGraph
        >>> cg = CaseGraph.open()
        >>> cg.entity("al-dahle").label
        'Ahmad Al-Dahle'
        >>> cg.entity("Kadrey", kind="LegalCase").label, cg.entity("3:23-cv-03417").label
        ('Kadrey v. Meta', 'Kadrey v. Meta')
        """
        if isinstance(name, Entity):
            return name
        cls = None if kind is None else class_named(kind)
        text = str(name).strip()
        if text.startswith(("http://", "https://", "urn:")):
            # An IRI is looked up directly (no name index needed), so an entity without a label is found too.
            iri = URIRef(text)
            if ((iri, None, None) in self._dataset or (None, None, iri) in self._dataset) and (
                    cls is None or any((iri, RDF.type, c) in self._dataset for c in with_subclasses(cls))):
                label = pick_lang(sorted(self._dataset.objects(iri, RDFS.label)), "en")
                return Entity(iri, str(label) if label is not None else text.rstrip("/").rsplit("/", 1)[-1])
        try:
            iri = self.names.resolve(text, kind=cls)
        except NotFoundError:
            if self._origin is None:
                raise
            # A view of some sources still knows every entity by name: "nothing known of X on that date" is an
            # answer, where "no entity named X" would read as a typo.
            return self._origin.entity(name, kind)
        return Entity(iri, self.names.label(iri))

    def describe(self, entity: str | URIRef | Entity, lang: str | None = None, *, why: bool = False) -> Description:
        """Every fact about ``entity``, each with its sources and, for claims, its status; with ``why``, each
        fact's :class:`~casegraph.why.Support` in ``fact.why`` (derived relations traced to what they stand on)."""
        description = FactReader(self, lang).describe(self.entity(entity).iri)
        if why:
            from .why import FactSupport

            support = FactSupport(self)
            for fact in description.facts:
                # the fact as a triple, for a derived relation's derivations to be found by it
                ends = (description.iri, fact.value_iri)
                s, o = ends if fact.direction == "out" else ends[::-1]
                triple = (s, fact.predicate, o) if fact.value_iri else None
                fact.why = support.of_graphs([source.graph for source in fact.sources], triple)
            description.why_sources = self.sources()
        return description

    def statements(self, speaker: str | None = None, mentions: str | None = None,
                   lang: str | None = None, *, why: bool = False) -> Statements:
        """Statements in date order, optionally by ``speaker`` and mentioning ``mentions`` (names or IRIs); with
        ``why``, each statement's :class:`~casegraph.why.Support` in ``statement.why``. A
        :class:`~casegraph.results.Statements`: a list of :class:`~casegraph.facts.StatementView`.

        >>> from casegraph import CaseGraph
        >>> CaseGraph.open().statements(speaker="Al-Dahle")      # doctest: +ELLIPSIS
        <Statements: ... statements, ...>
        """
        found = read_statements(FactReader(self, lang),
                                speaker=self.entity(speaker, kind=CG.Agent).iri if speaker else None,
                                mentions=self.entity(mentions).iri if mentions else None)
        if why:
            from .why import FactSupport

            support = FactSupport(self)
            for statement in found:
                statement.why = support.of_graphs([s.graph for s in statement.sources])
        return Statements(found, sources=self.sources() if why else None)

    @cached_property
    def _sources(self) -> dict[str, SourceRef]:
        if not self._store.reads_graphs_directly:
            return self._sources_by_query()
        # In rdflib's memory store, read graph by graph rather than by SPARQL: rdflib answers a GRAPH ?g query
        # by walking every quad (seconds at 100k).
        found = {}
        for graph in self._dataset.graphs():
            doc = graph.value(graph.identifier, PROV.wasDerivedFrom)
            if doc is None:
                continue
            value = lambda p: (str(graph.value(doc, p)) if graph.value(doc, p) is not None else None)  # noqa: E731
            method = graph.value(graph.identifier, CG.method)
            found[str(graph.identifier)] = SourceRef(str(graph.identifier), value(SCHEMA.url),
                                                     value(DCTERMS.publisher), value(DCTERMS.title),
                                                     value(CG.confidence), str(method) if method else None,
                                                     value(DCTERMS.issued))
        return found

    def _sources_by_query(self, text: str = SOURCES_QUERY) -> dict[str, SourceRef]:
        # One query, where reading graph by graph would cost a request per graph and property on a server.
        rows = self.query(text).rows
        found = {}
        for row in rows:  # a document with two titles gives two rows: the first is kept, as rdflib's value() does
            found.setdefault(row["g"], SourceRef(row["g"], row["url"], row["publisher"], row["title"],
                                                 row["confidence"], row["method"], row["issued"]))
        return found

    def sources(self) -> dict[str, SourceRef]:
        """The source document of each named graph, by graph IRI."""
        return self._sources

    def source_urls(self) -> dict[str, str | None]:
        """The URL of each named graph's source document, by graph IRI (None for a document without one): the
        URLs of :meth:`sources`, read with lighter queries when the sources have not been read yet (Oxigraph
        took 0.8 s for the sources of 17,800 graphs, 0.2 s for their URLs). The projection's edges cite them."""
        if "_sources" in self.__dict__ or self._store.reads_graphs_directly:
            return {g: ref.url for g, ref in self._sources.items()}
        # Two scans joined here: the same join in SPARQL, with the OPTIONAL a document without a URL needs, took
        # Oxigraph twice as long.
        urls: dict[str, str] = {}
        for row in self.query("SELECT ?doc (STR(?u) AS ?url) WHERE { ?doc schema:url ?u }").rows:
            urls.setdefault(row["doc"], row["url"])  # the first of two, as in sources()
        found: dict[str, str | None] = {}
        for row in self.query("SELECT ?g ?doc WHERE { GRAPH ?g { ?g prov:wasDerivedFrom ?doc } }").rows:
            found.setdefault(row["g"], urls.get(row["doc"]))
        return found

    def sources_of(self, graphs: Iterable[str]) -> dict[str, SourceRef]:
        """The source documents of ``graphs`` only (see :meth:`sources`), read with one query when the sources
        of every graph have not been read yet."""
        graphs = {str(g) for g in graphs}
        if "_sources" in self.__dict__ or self._store.reads_graphs_directly or not graphs:
            return {g: ref for g, ref in self._sources.items() if g in graphs}
        return self._sources_by_query(sparql.values_first(SOURCES_QUERY, "g", graphs))

    # --- answers from chosen sources ---------------------------------------------------------------------

    def view_of(self, selection=None, *, as_of=None, **criteria) -> "CaseGraph":
        """A read-only graph of the chosen sources' graphs only, on which every method answers as usual: a
        :class:`~casegraph.provenance.SourceSelection`, or its fields as keywords (``min_confidence="H"``,
        ``exclude_sources=[url]``, ``known_on="2024-12-31"``...). Derived relations are kept only when what they
        were derived from is. ``view.selection`` says which graphs were kept and which left out.

        ``as_of`` (a date, or YYYY-MM-DD) gives the state of the cases on that day instead: what was dated later
        is left out, and each case gets a status worked out from its events (see :mod:`casegraph.as_of`;
        ``view.as_of`` says what was left out).

        >>> from casegraph import CaseGraph
        >>> before = CaseGraph.open().view_of(known_on="2024-12-31")
        >>> list(before.statements(speaker="Sony Theakanath"))   # his emails were unsealed in 2025
        []
        """
        from .analysis.inference import derivations
        from .analysis.projection import INFERRED_GRAPH
        from .provenance import SourceSelection, hand_made_derivations, parse_day, select_graphs

        selection = selection if selection is not None else SourceSelection(**criteria)
        chosen = select_graphs(self.sources(), selection, hand_made_derivations(self))
        # The rules' inferred graph is kept relation by relation: its own description, each derivation whose
        # every support is kept, and the relations such a derivation derives.
        inferred = str(INFERRED_GRAPH)
        derived = derivations(self) if inferred in chosen.graphs else {}
        standing = {node for node, (_triple, support) in derived.items() if support <= chosen.graphs}
        every_derived = {triple for triple, _support in derived.values()}
        derived_standing = {derived[node][0] for node in standing}

        def kept(s, p, o, g) -> bool:
            if str(g) not in chosen.graphs:
                return False
            if str(g) != inferred:
                return True
            if str(s) in derived:
                return str(s) in standing
            triple = (str(s), str(p), str(o))
            return triple in derived_standing if triple in every_derived else True

        quads = (quad for quad in self._store.named_quads() if kept(*quad))
        report = None
        if as_of is not None:
            from .as_of import state_on

            day = parse_day(as_of) if isinstance(as_of, str) else as_of
            issued = {graph: ref.issued for graph, ref in self.sources().items()}
            quads, report = state_on(list(quads), day, issued)
        view = CaseGraph(self._store.scratch)
        view._store.add(quads)
        view._store.read_only = True  # a copy: what is written to it would not reach the graph it came from
        view.selection, view.as_of, view._origin = chosen, report, self
        view.query_folders = self.query_folders
        return view

    # --- relations (networkx) ------------------------------------------------------------------------

    def project(self, *, lang: str = "en", collapse: bool = False, include_inferred: bool = True):
        """The graph as a networkx MultiDiGraph (cached until the data changes); see
        :func:`casegraph.analysis.project`."""
        from .analysis.projection import kept_projection

        key = (lang, collapse, include_inferred)
        if key not in self._projections:
            self._projections[key] = kept_projection(self, self._store.cache_folder(), self._store.generation(),
                                                     lang=lang, collapse=collapse, include_inferred=include_inferred)
        return self._projections[key]

    def path(self, start: str, end: str, *, k: int = 1, exclude: tuple[str, ...] = (),
             include_inferred: bool = True, collapse: bool = False, lang: str = "en", why: bool = False):
        """The ``k`` shortest paths between two entities, each hop with its relation, date, status and sources
        (with ``why``, each hop's :class:`~casegraph.why.Support` in ``hop.why``).

        >>> from casegraph import CaseGraph
        >>> [path] = CaseGraph.open().path("Mistral AI", "Kadrey v. Meta")
        >>> all(hop.sources for hop in path.hops)
        True
        """
        from .analysis import paths

        G = self.project(lang=lang, collapse=collapse, include_inferred=include_inferred)
        found = paths(G, str(self.entity(start).iri), str(self.entity(end).iri), k=k, exclude=exclude,
                      include_inferred=include_inferred)
        if why:
            from .why import FactSupport

            support = FactSupport(self)
            def traced(hop):
                return replace(hop, why=support.of_urls(hop.sources, (hop.subject, hop.predicate, hop.object)))

            found = [replace(path, hops=tuple(map(traced, path.hops))) for path in found]
        return Paths(found, sources=self.sources() if why else None)

    def neighbors(self, name: str, *, depth: int = 1, include_inferred: bool = True, lang: str = "en"):
        """The entities within ``depth`` hops of ``name``, with the count of each relation among them."""
        from .analysis import neighbors

        G = self.project(lang=lang, include_inferred=include_inferred)
        return neighbors(G, str(self.entity(name).iri), depth=depth, include_inferred=include_inferred)

    def rank(self, by: str = "pagerank", *, top: int = 10, entities_only: bool = True, backend: str = "auto",
             samples: int | None = None, lang: str = "en"):
        """The ``top`` most central entities by ``degree``, ``pagerank`` or ``betweenness``: a
        :class:`~casegraph.results.Ranking`, a list of :class:`~casegraph.analysis.algorithms.Ranked`."""
        from .analysis import rank, top as best

        G = self.project(lang=lang)
        return Ranking(best(G, rank(G, by, backend=backend, samples=samples), top, entities_only=entities_only))

    def communities(self, *, seed: int = 0, backend: str = "auto", lang: str = "en"):
        """Louvain communities, largest first, each named by its most central members: a
        :class:`~casegraph.results.Communities`, a list of :class:`~casegraph.analysis.algorithms.Community`."""
        from .analysis import communities

        return Communities(communities(self.project(lang=lang), seed=seed, backend=backend))

    def infer(self):
        """Run the ontology's rules and (re)write the inferred graph; returns an InferenceReport."""
        from .analysis import infer

        return infer(self)

    def view(self, path: str | os.PathLike | None = None, *, focus: str | None = None, depth: int = 1,
             include_inferred: bool = False, lang: str = "en", case: str | None = None):
        """The offline HTML viewer of the graph (or of the entities within ``depth`` hops of ``focus``): a
        :class:`~casegraph.viewer.View`, written to ``path`` when given, that displays itself in Jupyter.

        With ``include_inferred`` the derived relations are drawn too (run the rules first: :meth:`infer`).
        With ``case`` (a case's name) the page opens on the case's own layout: the case in the middle, plaintiffs
        on one side and defendants on the other, judges above, counsel beside their clients.
        """
        from .viewer import build_view

        view = build_view(self, focus=focus, depth=depth, include_inferred=include_inferred, lang=lang, case=case)
        if path is not None:
            view.save(path)
        return view

    def to_pyvis(self, **kwargs):
        """The same drawing as a :class:`pyvis.network.Network`, to use with pyvis's own methods (``show_buttons``,
        ``save_graph``...); takes :meth:`view`'s arguments and ``Network``'s. See :mod:`casegraph.viewer.network`."""
        from .viewer.network import to_pyvis

        return to_pyvis(self, **kwargs)

    def timeline(self, *, case: str | None = None, entity: str | None = None, start: str | None = None,
                 end: str | None = None, why: bool = False):
        """Dated events, statements, filings and releases in order, with their sources (with ``why``, each
        moment's :class:`~casegraph.why.Support` in ``moment.why``); see :func:`casegraph.timeline.timeline`."""
        from .timeline import timeline

        moments = timeline(self, case=case, entity=entity, start=start, end=end)
        if why:
            from .why import FactSupport

            support = FactSupport(self)
            moments = Timeline((replace(m, why=support.of_urls(m.sources)) for m in moments), sources=self.sources())
        return moments

    def import_courtlistener(self, paths):
        """Add dockets from CourtListener REST API JSON files, one named graph per docket; see
        :mod:`casegraph.importers`."""
        from .importers import import_courtlistener

        return import_courtlistener(self, [paths] if isinstance(paths, (str, os.PathLike)) else paths)

    def ingest(self, path: str | os.PathLike | None = None, *, text: str | None = None, lang: str = "auto",
               url: str | None = None, published=None, title: str | None = None, publisher: str | None = None,
               accept: bool = False, **options):
        """Read an article or filing (a file, or ``text=``) against the graph: the known entities it mentions,
        its quotations with speaker and date, new names and citations, each with its offsets; see
        :mod:`casegraph.ingest`. With ``accept`` the extracted graph replaces any earlier reading of the same
        document in this graph; without it nothing changes.

        >>> from casegraph import CaseGraph
        >>> cg = CaseGraph.open()
        >>> found = cg.ingest(text="Mistral AI and Meta Platforms Inc. were named.", lang="en")
        >>> [m.label for m in found.mentions]
        ['Mistral AI', 'Meta Platforms, Inc.']
        """
        from .extras import needs

        with needs():  # spaCy, eyecite, pypdf: the ingest extra
            from .ingest import ingest

            found = ingest(self, path, text=text, lang=lang, url=url, published=published, title=title,
                           publisher=publisher, **options)
        if accept:
            self.accept(found)
        return found

    def accept(self, found) -> URIRef:
        """Write what :meth:`ingest` read (an :class:`~casegraph.ingest.Ingestion`) into this graph, replacing
        any earlier reading of the same document; return the graph's IRI."""
        self.remove_graph(found.graph_iri)
        self.add(found.triples(), source=found.source)
        found.accepted = True
        return found.graph_iri

    # --- checking, exporting, summarising --------------------------------------------------------------

    def conflicts(self, lang: str | None = None) -> ConflictReport:
        """Where sources give different values for what takes one, and whether the data explains it.

        See :mod:`casegraph.conflicts`. ``report.unexplained`` is empty on a graph whose every
        disagreement between sources is recorded (a ``cg:Correction`` or a ``cg:Disagreement``).
        """
        return find_conflicts(self, lang)

    def validate(self) -> ValidationReport:
        """Check the graph against ``ontology/shapes.ttl`` and check that every graph names its source."""
        return validate(self._store, self.ontology, shapes_graph(), self.names)

    def export(self, format: str = "trig", path: str | os.PathLike | None = None) -> str:
        """The graph as ``trig``, ``nquads``, ``jsonld`` (named graphs kept), ``turtle`` or ``ntriples``
        (the union of all graphs), or its projection as ``graphml`` or ``gexf``. With ``path``, also write it
        there atomically."""
        if format.lower() in io.GRAPH_FORMATS:
            from .analysis import graph_text

            text = graph_text(self.project(), format.lower())
        else:
            text = io.serialize(self._store.export_dataset(), format)
        if path is not None:
            io.write_atomically(path, text)
        return text

    def stats(self) -> dict[str, Any]:
        """Counts: quads, distinct triples, source graphs, entities by class, claims by status."""
        counts = self._store.counts()  # aggregates computed by the store's own engine
        term = FactReader(self).term_label
        classes = Counter({term(o): n for o, n in counts["classes"].items() if str(o).startswith(str(CG._NS))})
        statuses = Counter({term(o): n for o, n in counts["statuses"].items()})
        confidence = Counter(ref.confidence or "unrated" for ref in self.sources().values())
        return {
            "quads": counts["quads"],
            "triples": counts["triples"],
            "source graphs": counts["source graphs"],
            "sources by confidence": dict(sorted(confidence.items())),
            "entities by class": dict(sorted(classes.items(), key=lambda kv: (-kv[1], kv[0]))),
            "claims by status": dict(sorted(statuses.items(), key=lambda kv: (-kv[1], kv[0]))),
        }
