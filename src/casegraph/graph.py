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
from .ontology import class_named, concept_named, ontology_graph, shapes_graph, with_subclasses
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

    Every fact sits in the named graph of the document it was read in, so every answer can name its sources.
    Open the bundled data with :meth:`open`, your own files with ``CaseGraph.open(paths)``, or start empty
    with ``CaseGraph()`` and :meth:`add` facts with their source.

    Parameters
    ----------
    store : str or StoreSpec, optional
        Where the quads live: ``memory``, ``oxigraph``, ``oxigraph:PATH`` or ``sparql:URL`` (see
        :mod:`casegraph.stores`). Default: the ``CASEGRAPH_STORE`` environment variable, else ``memory``.
    read_only : bool, default False
        Open a persistent store for reading only: every write then raises InputError.

    Attributes
    ----------
    store : StoreSpec
        The store, as parsed.
    last_load : LoadReport or None
        What the last :meth:`load` wrote.
    recovered : list of str
        Graphs an interrupted load had left half-written, dropped when the store was opened.
    selection : Selected or None
        On a view made by :meth:`view_of`: which graphs were kept and which left out.
    as_of : AsOfReport or None
        On a view made by ``view_of(as_of=...)``: what was left out and what was worked out.
    query_folders : list of str or os.PathLike
        Folders of your own saved queries (``*.rq``), searched by :meth:`saved`.

    See Also
    --------
    open : The bundled graph, or a graph of your own files.

    Examples
    --------
    >>> from casegraph import CaseGraph
    >>> cg = CaseGraph.open()                   # the bundled Kadrey v. Meta graph
    >>> cg.entity("Llama 3").label
    'Llama 3'
    >>> len(CaseGraph())                        # an empty graph in memory
    0
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
        """Open a graph of RDF files, or of the bundled data when no paths are given.

        A graph in memory (``memory`` or ``oxigraph``) starts empty and reads ``paths``. A persistent store
        (``oxigraph:PATH`` or ``sparql:URL``) is the graph it already holds; ``paths``, when given, are loaded into it.

        Parameters
        ----------
        paths : str, os.PathLike or iterable of them, optional
            An RDF file or folder, or a list of them (see :meth:`load`). When None, a graph in memory reads the
            bundled data and a persistent store is opened as it is.
        store : str or StoreSpec, optional
            Where the quads live (see :mod:`casegraph.stores`). Default: the ``CASEGRAPH_STORE`` environment
            variable, else ``memory``.
        read_only : bool, default False
            Open a persistent store for reading beside other readers (``casegraph serve``): every write then raises
            InputError. Ignored when ``paths`` are given, since loading them is writing.

        Returns
        -------
        CaseGraph
            The new graph.

        Raises
        ------
        InputError
            A path that does not exist or a file of unknown type.
        ParseError
            A file that is not valid RDF.

        See Also
        --------
        load : Add files to a graph already open.

        Examples
        --------
        >>> import os, tempfile
        >>> from casegraph import CaseGraph
        >>> cg = CaseGraph.open()
        >>> cg.stats()["source graphs"] > 100
        True
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = os.path.join(folder, "copy.trig")
        ...     _ = cg.export("trig", path)
        ...     copy = CaseGraph.open(path)
        >>> len(copy) == len(cg)
        True
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
        """Add the quads of RDF files to this graph.

        A folder adds the RDF files directly in it (``.trig``, ``.nq``, ``.jsonld``, ``.json``, ``.ttl``,
        ``.nt``), not those in its sub-folders. Every file is parsed before anything is added, so a bad file leaves
        the graph as it was. In a persistent store each named graph is replaced whole (see :mod:`casegraph.stores`).

        Parameters
        ----------
        *paths : str or os.PathLike
            RDF files or folders of them.
        progress : callable, optional
            Called as ``progress(file, graphs, quads)`` after each file is added.

        Returns
        -------
        CaseGraph
            This graph, so that calls chain; :attr:`last_load` says what was written.

        Raises
        ------
        InputError
            A path that does not exist, a file of unknown type, or a graph opened read-only.
        ParseError
            A file that is not valid RDF.

        See Also
        --------
        open : A new graph of files.
        add : Add triples from Python, with their source.

        Examples
        --------
        >>> import os, tempfile
        >>> from rdflib import RDFS, Literal, URIRef
        >>> from casegraph import CaseGraph, Source
        >>> mine = CaseGraph()
        >>> src = Source(url="https://example.org/a", publisher="Example", language="en")
        >>> _ = mine.add([(URIRef("https://example.org/x"), RDFS.label, Literal("Example X"))], source=src)
        >>> cg = CaseGraph.open()
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = os.path.join(folder, "mine.trig")
        ...     _ = mine.export("trig", path)
        ...     _ = cg.load(path)
        >>> cg.entity("Example X").iri
        rdflib.term.URIRef('https://example.org/x')
        >>> cg.last_load.files[path]               # (graphs, quads): the triple and its source's provenance
        (1, 8)
        """
        self._writing()
        files = io.rdf_files(paths)
        try:
            self.last_load = self._store.load(files, progress=progress)
        finally:
            self._changed()
        return self

    def add(self, triples: Iterable[tuple], *, source: Source) -> URIRef:
        """Add triples to the named graph of their source, with the source's provenance.

        There is no way to add a fact without a source: the triples go into ``source``'s named graph, which also
        records the document (URL, publisher, language...). Every triple is checked before any is written.

        Parameters
        ----------
        triples : iterable of tuple
            ``(subject, predicate, object)`` triples of rdflib terms: a subject IRI or blank node, a predicate IRI,
            and an IRI, blank node or literal.
        source : Source
            The document the triples come from (keyword only).

        Returns
        -------
        rdflib.URIRef
            The IRI of the source's named graph.

        Raises
        ------
        SourceError
            ``source`` is not a :class:`~casegraph.model.Source`.
        InputError
            An item that is not an RDF triple, or a graph that is read-only.

        See Also
        --------
        accept : Add what :meth:`ingest` read.
        update : Change the graphs with SPARQL Update.

        Examples
        --------
        >>> from rdflib import RDFS, Literal, URIRef
        >>> from casegraph import CaseGraph, Source
        >>> cg = CaseGraph()
        >>> src = Source(url="https://example.org/a", publisher="Example", language="en")
        >>> str(cg.add([(URIRef("https://example.org/x"), RDFS.label, Literal("X"))], source=src))
        'https://w3id.org/casegraph/id/graph/example-org-a-579f2a2c'
        >>> cg.sources()[str(src.graph_iri)].publisher
        'Example'
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
        """Replace or extend a named graph with triples as they are, with no provenance added.

        For graphs casegraph derives itself (:meth:`infer`) and for the Graph Store Protocol. Facts from a
        document go through :meth:`add`, which records their source.

        Parameters
        ----------
        graph : str or rdflib.URIRef
            The IRI of the named graph.
        triples : iterable of tuple
            ``(subject, predicate, object)`` triples of rdflib terms.
        replace : bool, default True
            Replace the graph's triples; with False, add to them.

        Raises
        ------
        InputError
            A graph that is read-only.

        See Also
        --------
        remove_graph : Remove a named graph.
        add : Add triples with their source.

        Examples
        --------
        >>> from rdflib import RDFS, Literal, URIRef
        >>> from casegraph import CaseGraph
        >>> cg = CaseGraph()
        >>> triples = [(URIRef("https://example.org/x"), RDFS.label, Literal("X"))]
        >>> cg.write_graph("https://example.org/graph/mine", triples)
        >>> len(cg)
        1
        """
        self._writing()
        graph, triples = URIRef(graph), list(triples)
        try:
            if replace:
                self._store.remove_graph(graph)
            self._store.add((s, p, o, graph) for s, p, o in triples)
        finally:
            self._changed()

    def remove_graph(self, graph: str | URIRef) -> None:
        """Remove a named graph whole; nothing happens when there is none.

        Parameters
        ----------
        graph : str or rdflib.URIRef
            The IRI of the named graph.

        Raises
        ------
        InputError
            A graph that is read-only.

        See Also
        --------
        write_graph : Write a named graph.

        Examples
        --------
        >>> from rdflib import RDFS, Literal, URIRef
        >>> from casegraph import CaseGraph
        >>> cg = CaseGraph()
        >>> triples = [(URIRef("https://example.org/x"), RDFS.label, Literal("X"))]
        >>> cg.write_graph("https://example.org/graph/mine", triples)
        >>> cg.remove_graph("https://example.org/graph/mine")
        >>> len(cg)
        0
        """
        self._writing()
        try:
            self._store.remove_graph(URIRef(graph))
        finally:
            self._changed()

    def update(self, text: str, *, using: Iterable[str] = (), using_named: Iterable[str] = (),
               base: str | None = None) -> None:
        """Apply a SPARQL 1.1 Update to the sources' named graphs.

        The default graph is the union of the sources' graphs and is not written itself: name the graph
        (``GRAPH <g> { ... }``, ``WITH <g>``). See :mod:`casegraph.update`.

        Parameters
        ----------
        text : str
            The update; the prefixes of :meth:`query` are predefined.
        using : iterable of str, optional
            Graphs the ``WHERE`` of ``DELETE``/``INSERT`` reads as its default graph (the SPARQL Protocol's
            ``using-graph-uri``).
        using_named : iterable of str, optional
            Graphs it reads as named graphs (``using-named-graph-uri``).
        base : str, optional
            The IRI that relative IRIs are resolved against.

        Raises
        ------
        QueryError
            An update that does not parse, or that writes to the default graph.
        InputError
            A graph that is read-only.

        See Also
        --------
        add : Add triples with their source.
        query : Read with SPARQL.

        Examples
        --------
        >>> from rdflib import RDFS, Literal, URIRef
        >>> from casegraph import CaseGraph, Source
        >>> cg = CaseGraph()
        >>> src = Source(url="https://example.org/a", publisher="Example", language="en")
        >>> g = cg.add([(URIRef("https://example.org/x"), RDFS.label, Literal("X"))], source=src)
        >>> cg.update(f"INSERT DATA {{ GRAPH <{g}> {{ <https://example.org/x> rdfs:label 'Ex'@fr }} }}")
        >>> cg.entity("Ex").label
        'X'
        >>> cg.update("INSERT DATA { <https://example.org/x> rdfs:label 'Y' }")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        casegraph.errors.QueryError: SPARQL update refused: the default graph is the union of the sources' graphs...
        """
        self._writing()
        try:
            self._store.update(text, using=using, using_named=using_named, base=base)
        finally:
            self._changed()  # even a failed update may have applied its first operations

    def worker_spec(self):
        """A store another process may open read-only to answer queries, or None.

        ``casegraph serve`` uses it to stop an Oxigraph query at its time limit by ending the process that runs it.
        Only an Oxigraph store on disk opened read-only has one.

        Returns
        -------
        StoreSpec or None
            The store to open in the other process, or None where queries must be answered in this one.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> CaseGraph().worker_spec() is None
        True
        """
        return self._store.worker_spec()

    def close(self) -> None:
        """Release the store.

        An Oxigraph store on disk is locked while it is open; a graph in memory has nothing to release. A
        ``CaseGraph`` is also a context manager that closes itself.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> with CaseGraph() as cg:
        ...     len(cg)
        0
        >>> cg.close()                              # closing again does no harm
        """
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
        """The quads of the named graphs, read by the store's own engine.

        Parameters
        ----------
        subject : rdflib.URIRef, optional
            Only the quads of this subject.
        predicates : iterable of rdflib.URIRef, optional
            Only the quads of these predicates.

        Returns
        -------
        iterator of tuple
            ``(subject, predicate, object, graph)`` as rdflib terms.

        See Also
        --------
        plain_quads : Relations as plain strings, faster.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> from casegraph.vocab import CG
        >>> cg = CaseGraph.open()
        >>> llama = cg.entity("Llama 3").iri
        >>> [str(o) for _s, _p, o, _g in cg.quads(llama, [CG.developedBy])][:1]
        ['https://w3id.org/casegraph/id/organization/meta-platforms']
        """
        return self._store.named_quads(subject, predicates)

    def plain_quads(self, predicates: Iterable[URIRef]) -> Iterator[tuple[str, str, str, str]]:
        """The quads of some predicates between two IRIs, as plain strings.

        The fastest way to read relations (see :meth:`casegraph.stores.Store.plain_quads`).

        Parameters
        ----------
        predicates : iterable of rdflib.URIRef
            The predicates to read.

        Returns
        -------
        iterator of tuple of str
            ``(subject, predicate, object, graph)``.

        See Also
        --------
        quads : Quads as rdflib terms, of any object.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> from casegraph.vocab import CG
        >>> cg = CaseGraph.open()
        >>> case = str(cg.entity("Kadrey v. Meta").iri)
        >>> sorted({o for s, _p, o, _g in cg.plain_quads([CG.defendant]) if s == case})
        ['https://w3id.org/casegraph/id/organization/meta-platforms']
        """
        return self._store.plain_quads(predicates)

    def plain_values(self, predicate: URIRef) -> Iterator[tuple[str, str, str | None]]:
        """Each value of a predicate, once, as plain strings.

        Parameters
        ----------
        predicate : rdflib.URIRef
            The predicate to read.

        Returns
        -------
        iterator of tuple
            ``(subject, value, language)``; ``language`` is None for a value without a language tag.

        Examples
        --------
        >>> from rdflib import RDFS
        >>> from casegraph import CaseGraph
        >>> cg = CaseGraph.open()
        >>> llama = str(cg.entity("Llama 3").iri)
        >>> sorted(value for s, value, _lang in cg.plain_values(RDFS.label) if s == llama)
        ['Llama 3']
        """
        return self._store.plain_values(predicate)

    @property
    def ontology(self) -> Graph:
        """The casegraph ontology (OWL), read from the package."""
        return ontology_graph()

    def __len__(self) -> int:
        """The number of quads (a triple stated by two sources counts twice)."""
        return self._store.count_quads()

    def query(self, text: str, *, why: bool = False, **bindings: Any) -> sparql.QueryResult:
        """Run a SPARQL query over the graph.

        The prefixes ``cg:``, ``rdfs:``, ``skos:``, ``prov:``, ``schema:``, ``dcterms:`` and those of the entity
        kinds (``person:``, ``model:``...) are predefined. The default graph is the union of all source graphs;
        ``GRAPH ?g`` reaches each source's own graph.

        Parameters
        ----------
        text : str
            A SPARQL 1.1 query: SELECT, ASK, CONSTRUCT or DESCRIBE.
        why : bool, default False
            Also say which source documents make each row true (``result.why``, ``result.sources``; see
            :mod:`casegraph.why`).
        **bindings
            Values that fix variables of the query, by name (``cg.query(q, speaker=iri)``).

        Returns
        -------
        casegraph.query.QueryResult
            ``rows`` (a dict per row, with plain Python values) for SELECT, ``boolean`` for ASK, ``graph`` for
            CONSTRUCT and DESCRIBE.

        Raises
        ------
        QueryError
            A query that does not parse, with where.

        See Also
        --------
        saved : Run one of the saved queries.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> cg = CaseGraph.open()
        >>> cg.query("SELECT ?filed WHERE { ?case cg:docketNumber '3:23-cv-03417-VC' ; cg:filedOn ?filed }").rows
        [{'filed': datetime.date(2023, 7, 7)}]
        >>> cg.query("SELECT ?docket WHERE { ?case cg:docketNumber ?docket }",
        ...          case=cg.entity("Kadrey v. Meta").iri).rows
        [{'docket': '3:23-cv-03417-VC'}]
        >>> cg.query("ASK { ?case a cg:LegalCase }").boolean
        True
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
        """Run a saved query by name, with its parameters.

        Saved queries are casegraph's own, those of ``CASEGRAPH_DATA/queries`` and those in the folders of
        :attr:`query_folders`. An entity parameter is given by name and looked up among its class ("Kadrey" as a
        ``LegalCase`` is the case, not the author).

        Parameters
        ----------
        name : str or casegraph.query.SavedQuery
            The query's name (its file name without ``.rq``), or the query itself.
        why : bool, default False
            Also say which source documents make each row true, as in :meth:`query`.
        **params : str
            The query's parameters, by name.

        Returns
        -------
        casegraph.query.QueryResult
            The answer, as for :meth:`query`.

        Raises
        ------
        InputError
            An unknown query, or a parameter the query does not take.
        NotFoundError
            An entity parameter that names no entity of its class.

        See Also
        --------
        query : Run SPARQL text.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> cg = CaseGraph.open()
        >>> "Kadrey v. Meta" in [row["caseName"] for row in cg.saved("cases-against", defendant="Meta").rows]
        True
        >>> cg.saved("cases-against", who="Meta")
        Traceback (most recent call last):
        casegraph.errors.InputError: saved query 'cases-against' has no parameter 'who'; it takes: defendant
        """
        saved = name if isinstance(name, sparql.SavedQuery) else sparql.saved_query(name, self.query_folders)
        name, text = saved.name, saved.text
        declared = {p.name: p for p in saved.params}
        bindings: dict[str, Any] = {}
        for key, value in params.items():
            if key not in declared:
                raise InputError(f"saved query {name!r} has no parameter {key!r}; "
                                 f"it takes: {', '.join(declared) or 'none'}")
            param = declared[key]
            if param.kind == "number":  # a number the query computes with: bound before its patterns are matched
                try:
                    number = Literal(int(str(value).strip()))
                except ValueError:
                    raise InputError(f"saved query {name!r}: its parameter {key!r} takes a whole number, not "
                                     f"{value!r}") from None
                text = sparql.values_first(text, key, [number.n3()], n3=True)
            elif param.kind == "concept":  # one of the ontology's concepts (a stage, a kind of work)
                try:
                    bindings[key] = concept_named(param.cls, value)
                except ValueError as error:
                    raise InputError(f"saved query {name!r}: its parameter {key!r}: {error}") from None
            else:
                bindings[key] = self.entity(value, kind=param.cls).iri if param.kind == "entity" else Literal(value)
        return self._answer(text, bindings, why)

    @cached_property
    def names(self) -> NameIndex:
        """The index of every label and alias (rebuilt after each change)."""
        return NameIndex.from_rows(self.query(NAMES_QUERY).raw)

    def labels(self, iris: Iterable[URIRef]) -> dict[URIRef, str]:
        """The display label of each of some entities.

        Labels follow the name index's rule (see :attr:`names`). When the index has not been built, only the names
        of these entities are read: building the whole index to label a few entities would cost more.

        Parameters
        ----------
        iris : iterable of str or rdflib.URIRef
            The entities' IRIs.

        Returns
        -------
        dict
            ``{iri: label}``, with the IRIs as :class:`rdflib.URIRef`.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> CaseGraph.open().labels(["https://w3id.org/casegraph/id/model/llama-3"])
        {rdflib.term.URIRef('https://w3id.org/casegraph/id/model/llama-3'): 'Llama 3'}
        """
        iris = {URIRef(i) for i in iris}
        if "names" in self.__dict__ or not iris:
            return {iri: self.names.label(iri) for iri in iris}
        index = NameIndex.from_rows(self.query(sparql.values_first(NAMES_QUERY, "entity", iris)).raw)
        return {iri: index.label(iri) for iri in iris}

    def entity(self, name: str | URIRef, kind: str | URIRef | None = None) -> Entity:
        """Find an entity by name.

        A name is a label, an alias, a docket number or a Wikidata id, in any language, any case, with or without
        accents; an IRI is looked up as it is.

        Parameters
        ----------
        name : str or rdflib.URIRef
            The name or IRI (an :class:`Entity` is returned as it is).
        kind : str or rdflib.URIRef, optional
            Look only among the instances of this class: its IRI, local name or label (``"LegalCase"``,
            ``"legal case"``, ``"Agent"``).

        Returns
        -------
        Entity
            The entity's ``iri`` and display ``label``; ``str(entity)`` is the IRI.

        Raises
        ------
        NotFoundError
            No entity has that name; the message gives the nearest names.
        AmbiguousNameError
            Several entities have that name.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> cg = CaseGraph.open()
        >>> cg.entity("al-dahle").label
        'Ahmad Al-Dahle'
        >>> cg.entity("Kadrey", kind="LegalCase").label, cg.entity("3:23-cv-03417").label
        ('Kadrey v. Meta', 'Kadrey v. Meta')
        >>> str(cg.entity("Llama 3"))
        'https://w3id.org/casegraph/id/model/llama-3'
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
        """Every fact about an entity, each with its sources.

        A claim's facts carry its status (alleged, ruled...). As rows (``to_pandas()``), a fact a row.

        Parameters
        ----------
        entity : str, rdflib.URIRef or Entity
            The entity, by name or IRI (see :meth:`entity`).
        lang : str, optional
            The language to label values in; default: English where there is a choice.
        why : bool, default False
            Put each fact's :class:`~casegraph.why.Support` in ``fact.why`` (derived relations traced to what they
            stand on).

        Returns
        -------
        casegraph.facts.Description
            The entity's ``label``, ``classes``, ``labels``, ``aliases`` and ``facts``.

        Raises
        ------
        NotFoundError
            No entity has that name.

        See Also
        --------
        entity : Find an entity by name.
        statements : What people said, with their sources.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> llama = CaseGraph.open().describe("Llama 3")
        >>> llama                                   # doctest: +ELLIPSIS
        <Description: Llama 3 (AI model), ... facts>
        >>> [fact.value_label for fact in llama.facts if fact.predicate_label == "developed by"]
        ['Meta Platforms, Inc.']
        """
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
        """Statements in date order, with their wordings, speakers and sources.

        Parameters
        ----------
        speaker : str, optional
            Only the statements of this agent (a name or IRI).
        mentions : str, optional
            Only the statements that mention this entity (a name or IRI).
        lang : str, optional
            The language to label entities in; default: English where there is a choice.
        why : bool, default False
            Put each statement's :class:`~casegraph.why.Support` in ``statement.why``.

        Returns
        -------
        casegraph.results.Statements
            A list of :class:`~casegraph.facts.StatementView`, each with ``date``, ``speaker``, ``wordings`` and
            ``sources``.

        Raises
        ------
        NotFoundError
            A speaker or entity that no name matches.

        See Also
        --------
        timeline : Statements among the other dated moments.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> found = CaseGraph.open().statements(speaker="Al-Dahle")
        >>> found                                   # doctest: +ELLIPSIS
        <Statements: ... statements, ...>
        >>> found[0].speaker[0][1]
        'Ahmad Al-Dahle'
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
        """The source document of each named graph.

        Returns
        -------
        dict
            ``{graph IRI: SourceRef}``; a :class:`~casegraph.facts.SourceRef` gives the document's ``url``,
            ``publisher``, ``title``, ``confidence`` (H, M or L), ``method`` and ``issued``.

        See Also
        --------
        sources_of : The sources of some graphs only.
        source_urls : The URLs only, read faster.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> sources = CaseGraph.open().sources()
        >>> sorted({ref.confidence for ref in sources.values()})
        ['H', 'L', 'M']
        >>> any(ref.publisher == "Studylib" for ref in sources.values())
        True
        """
        return self._sources

    def source_urls(self) -> dict[str, str | None]:
        """The URL of each named graph's source document.

        The URLs of :meth:`sources`, read with lighter queries when the sources have not been read yet (on
        Oxigraph, 0.2 s for 17,800 graphs where the whole sources took 0.8 s). The projection's edges cite them.

        Returns
        -------
        dict
            ``{graph IRI: URL}``, with None for a document without a URL.

        See Also
        --------
        sources : The whole source documents.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> urls = CaseGraph.open().source_urls()
        >>> any(url.startswith("https://www.mondaq.com/") for url in urls.values() if url)
        True
        """
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
        """The source documents of some named graphs only.

        Read with one query when the sources of every graph have not been read yet.

        Parameters
        ----------
        graphs : iterable of str
            Graph IRIs.

        Returns
        -------
        dict
            ``{graph IRI: SourceRef}`` for those of ``graphs`` that name a source, as in :meth:`sources`.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> cg = CaseGraph.open()
        >>> graph = "https://w3id.org/casegraph/id/graph/case-mondaq-cooley"
        >>> cg.sources_of([graph])[graph].publisher
        'Mondaq'
        """
        graphs = {str(g) for g in graphs}
        if "_sources" in self.__dict__ or self._store.reads_graphs_directly or not graphs:
            return {g: ref for g, ref in self._sources.items() if g in graphs}
        return self._sources_by_query(sparql.values_first(SOURCES_QUERY, "g", graphs))

    # --- answers from chosen sources ---------------------------------------------------------------------

    def view_of(self, selection=None, *, as_of=None, **criteria) -> "CaseGraph":
        """A read-only graph of the chosen sources only, or of the cases as they stood on a day.

        Every method answers on the view as on a graph. A relation derived by the rules is kept only when what it
        was derived from is. The view knows every entity by name, so asking about one it holds nothing on gives an
        empty answer rather than NotFoundError.

        Parameters
        ----------
        selection : casegraph.provenance.SourceSelection, optional
            Which sources to keep; default: built from ``criteria``.
        as_of : datetime.date or str, optional
            A day (or ``YYYY-MM-DD``): leave out what was dated later, and give each case a status worked out from
            its events (see :mod:`casegraph.as_of`).
        **criteria
            The fields of :class:`~casegraph.provenance.SourceSelection`, when no ``selection`` is given:
            ``min_confidence``, ``publishers``, ``exclude_publishers``, ``sources``, ``exclude_sources``,
            ``methods``, ``known_on``.

        Returns
        -------
        CaseGraph
            The view; ``view.selection`` says which graphs were kept and which left out, ``view.as_of`` what a view
            as of a day left out.

        Raises
        ------
        InputError
            An unknown confidence or method, or a date that does not parse.

        See Also
        --------
        sources : The source documents a selection chooses among.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> cg = CaseGraph.open()
        >>> before = cg.view_of(known_on="2024-12-31")
        >>> list(before.statements(speaker="Sony Theakanath"))   # his emails were unsealed in 2025
        []
        >>> strong = cg.view_of(min_confidence="H")
        >>> len(strong) < len(cg), all(ref.confidence == "H" for ref in strong.sources().values())
        (True, True)
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
        """The graph as a networkx MultiDiGraph of entities and their relations.

        Nodes are IRIs with ``label``, ``kind`` and ``cls``; edges carry ``predicate``, ``label``, ``sources``
        (URLs), ``status``, ``date`` and ``inferred``. The projection is kept until the data changes. See
        :func:`casegraph.analysis.project`.

        Parameters
        ----------
        lang : str, default "en"
            The language of the labels.
        collapse : bool, default False
            Make each statement a "said about" edge from its speaker to what it mentions, and each claim an edge
            from its subject to its object.
        include_inferred : bool, default True
            Keep the relations derived by the rules (see :meth:`infer`).

        Returns
        -------
        networkx.MultiDiGraph
            The projection; treat it as read-only, since it is shared until the data changes.

        See Also
        --------
        path, neighbors, rank, communities : Analyses of the projection.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> cg = CaseGraph.open()
        >>> G = cg.project()
        >>> G.nodes[str(cg.entity("Llama 3").iri)]["kind"]
        'AI model'
        >>> cg.project() is G
        True
        """
        from .analysis.projection import kept_projection

        key = (lang, collapse, include_inferred)
        if key not in self._projections:
            self._projections[key] = kept_projection(self, self._store.cache_folder(), self._store.generation(),
                                                     lang=lang, collapse=collapse, include_inferred=include_inferred)
        return self._projections[key]

    def path(self, start: str, end: str, *, k: int = 1, exclude: tuple[str, ...] = (),
             include_inferred: bool = True, collapse: bool = False, lang: str = "en", why: bool = False):
        """The shortest paths between two entities, each hop with its relation, date, status and sources.

        Parameters
        ----------
        start, end : str
            The two entities, by name or IRI.
        k : int, default 1
            How many paths: the ``k`` shortest simple paths, by number of hops.
        exclude : tuple of str, optional
            Relations to leave out, by predicate IRI or label (``("mentions",)``).
        include_inferred : bool, default True
            Use the relations derived by the rules.
        collapse : bool, default False
            Walk the collapsed projection (see :meth:`project`).
        lang : str, default "en"
            The language of the labels.
        why : bool, default False
            Put each hop's :class:`~casegraph.why.Support` in ``hop.why``.

        Returns
        -------
        casegraph.results.Paths
            A list of :class:`~casegraph.analysis.algorithms.Path`, shortest first.

        Raises
        ------
        NotFoundError
            An entity that no name matches.
        casegraph.analysis.algorithms.NoPathError
            No path joins the two.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> [path] = CaseGraph.open().path("Mistral AI", "Kadrey v. Meta")
        >>> [(hop.relation, hop.object_label) for hop in path.hops]        # doctest: +ELLIPSIS
        [..., ('revealed in', 'Kadrey v. Meta')]
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
        """The entities within some hops of an entity, with the count of each relation among them.

        Parameters
        ----------
        name : str
            The entity, by name or IRI.
        depth : int, default 1
            How many hops away to look.
        include_inferred : bool, default True
            Follow the relations derived by the rules too.
        lang : str, default "en"
            The language of the labels.

        Returns
        -------
        casegraph.analysis.algorithms.Neighbourhood
            ``nodes`` as ``(iri, label, kind, distance)``, nearest first, and ``relations`` counted by label.

        Raises
        ------
        NotFoundError
            An entity that no name matches.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> around = CaseGraph.open().neighbors("Mistral AI")
        >>> around                                  # doctest: +ELLIPSIS
        <Neighbourhood: ... entities within 1 hop of Mistral AI>
        >>> {distance for _iri, _label, _kind, distance in around.nodes}
        {1}
        """
        from .analysis import neighbors

        G = self.project(lang=lang, include_inferred=include_inferred)
        return neighbors(G, str(self.entity(name).iri), depth=depth, include_inferred=include_inferred)

    def rank(self, by: str = "pagerank", *, top: int = 10, entities_only: bool = True, backend: str = "auto",
             samples: int | None = None, lang: str = "en"):
        """The most central entities.

        Centrality is computed on the undirected view of the projection (see
        :func:`casegraph.analysis.algorithms.rank`).

        Parameters
        ----------
        by : str, default "pagerank"
            ``degree``, ``indegree``, ``pagerank`` or ``betweenness``.
        top : int, default 10
            How many to return.
        entities_only : bool, default True
            Keep people, organisations, cases, models and data sets; leave out statements, claims and events.
        backend : str, default "auto"
            ``networkx``, ``igraph``, or ``auto`` (igraph when it is installed).
        samples : int, optional
            Estimate betweenness from that many source nodes (exact when None).
        lang : str, default "en"
            The language of the labels.

        Returns
        -------
        casegraph.results.Ranking
            A list of :class:`~casegraph.analysis.algorithms.Ranked` (``label``, ``kind``, ``score``, ``iri``), best
            first.

        Raises
        ------
        CaseGraphError
            An unknown measure or backend.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> ranking = CaseGraph.open().rank("degree", top=3)
        >>> len(ranking), ranking[0].label
        (3, 'Kadrey v. Meta')
        """
        from .analysis import rank, top as best

        G = self.project(lang=lang)
        return Ranking(best(G, rank(G, by, backend=backend, samples=samples), top, entities_only=entities_only))

    def communities(self, *, seed: int = 0, backend: str = "auto", lang: str = "en"):
        """Louvain communities of the projection, largest first, each named by its most central members.

        Parameters
        ----------
        seed : int, default 0
            The random seed, so that the same data gives the same communities.
        backend : str, default "auto"
            ``networkx``, ``igraph``, or ``auto`` (igraph on graphs of more than 5,000 nodes when it is installed).
        lang : str, default "en"
            The language of the labels.

        Returns
        -------
        casegraph.results.Communities
            A list of :class:`~casegraph.analysis.algorithms.Community` (``name``, ``members``).

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> found = CaseGraph.open().communities()
        >>> any(c.name.startswith("Kadrey v. Meta") for c in found)    # a community named after the suit
        True
        >>> len(found[0]) >= len(found[-1])
        True
        """
        from .analysis import communities

        return Communities(communities(self.project(lang=lang), seed=seed, backend=backend))

    def infer(self):
        """Run the ontology's rules and rewrite the inferred graph.

        The derived relations go into one named graph of their own, replaced at each run, each with the facts it
        was derived from. The other graphs are not changed.

        Returns
        -------
        casegraph.analysis.inference.InferenceReport
            Triples derived per rule (``derived``), and the size of the inferred graph ``before`` and ``after``.

        Raises
        ------
        InputError
            A graph that is read-only.

        See Also
        --------
        project : The projection keeps derived relations unless told not to.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> cg = CaseGraph.open()                   # a copy of the bundled graph, in memory
        >>> report = cg.infer()
        >>> report.before, report.after > 0
        (0, True)
        >>> sorted(report.derived)                  # doctest: +ELLIPSIS
        [...'involvement rule']
        """
        from .analysis import infer

        return infer(self)

    def view(self, path: str | os.PathLike | None = None, *, focus: str | None = None, depth: int = 1,
             include_inferred: bool = False, lang: str = "en", case: str | None = None):
        """The offline HTML viewer of the graph, or of the entities around one.

        The page needs no network. In Jupyter the view displays itself.

        Parameters
        ----------
        path : str or os.PathLike, optional
            Where to write the page.
        focus : str, optional
            Draw only the entities within ``depth`` hops of this one (a name or IRI).
        depth : int, default 1
            How many hops around ``focus``.
        include_inferred : bool, default False
            Draw the relations derived by the rules too (run :meth:`infer` first).
        lang : str, default "en"
            The language of the labels.
        case : str, optional
            Open on this case's layout: the case in the middle, plaintiffs on one side and defendants on the other,
            judges above, counsel beside their clients.

        Returns
        -------
        casegraph.viewer.View
            The page (``html``), with ``nodes`` and ``edges`` counted and ``path`` set when it was written.

        See Also
        --------
        to_pyvis : The same drawing for pyvis.

        Examples
        --------
        >>> import os, tempfile
        >>> from casegraph import CaseGraph
        >>> page = CaseGraph.open().view(focus="Mistral AI")
        >>> page.nodes > 1, page.html.startswith("<!DOCTYPE html>")
        (True, True)
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     _ = page.save(os.path.join(folder, "mistral.html"))
        ...     os.listdir(folder)
        ['mistral.html']
        """
        from .viewer import build_view

        view = build_view(self, focus=focus, depth=depth, include_inferred=include_inferred, lang=lang, case=case)
        if path is not None:
            view.save(path)
        return view

    def to_pyvis(self, **kwargs):
        """The viewer's drawing as a :class:`pyvis.network.Network`.

        Use it with pyvis's own methods (``show_buttons``, ``save_graph``...). See :mod:`casegraph.viewer.network`.

        Parameters
        ----------
        **kwargs
            :meth:`view`'s ``focus``, ``depth``, ``include_inferred`` and ``lang``; ``cdn_resources``; and
            ``Network``'s own options (``height``, ``width``, ``notebook``...).

        Returns
        -------
        pyvis.network.Network
            The network, with physics off and each node at its computed position.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> net = CaseGraph.open().to_pyvis(focus="Mistral AI")
        >>> "Mistral AI" in [node["label"] for node in net.nodes]
        True
        """
        from .viewer.network import to_pyvis

        return to_pyvis(self, **kwargs)

    def timeline(self, *, case: str | None = None, entity: str | None = None, start: str | None = None,
                 end: str | None = None, why: bool = False):
        """Dated events, statements, filings and releases in order, with their sources.

        See :func:`casegraph.timeline.timeline`.

        Parameters
        ----------
        case : str, optional
            Only the moments of this case (a name or IRI).
        entity : str, optional
            Only the moments linked to this entity.
        start, end : str, optional
            Only the moments between these dates (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
        why : bool, default False
            Put each moment's :class:`~casegraph.why.Support` in ``moment.why``.

        Returns
        -------
        casegraph.results.Timeline
            A list of :class:`~casegraph.timeline.Moment` (``date``, ``kind``, ``label``, ``sources``...).

        Raises
        ------
        InputError
            A date that does not parse.
        NotFoundError
            A case or entity that no name matches.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> moments = CaseGraph.open().timeline(case="Kadrey v. Meta")
        >>> moments[0].date, moments[0].label
        ('2023-07-07', 'Kadrey v. Meta filed')
        """
        from .timeline import timeline

        moments = timeline(self, case=case, entity=entity, start=start, end=end)
        if why:
            from .why import FactSupport

            support = FactSupport(self)
            moments = Timeline((replace(m, why=support.of_urls(m.sources)) for m in moments), sources=self.sources())
        return moments

    def import_courtlistener(self, paths):
        """Add dockets from CourtListener REST API JSON files, one named graph per docket.

        The files are read from disk (casegraph never calls the API); each holds dockets, parties, attorneys or
        docket entries. Every docket becomes a case whose source is its CourtListener page. See
        :mod:`casegraph.importers`.

        Parameters
        ----------
        paths : str, os.PathLike or iterable of them
            The JSON files.

        Returns
        -------
        casegraph.importers.ImportReport
            Per case graph, how many plaintiffs, defendants, counsel and entries were imported (``cases``), and the
            dockets whose parties or attorneys the files give without the docket itself (``skipped_dockets``).

        Raises
        ------
        InputError
            A file that does not exist, that is not JSON, or that holds no docket.

        Examples
        --------
        >>> import json, os, tempfile
        >>> from casegraph import CaseGraph
        >>> docket = {"id": 900001, "court_id": "cand", "case_name": "Doe v. Example AI, Inc.",
        ...           "docket_number": "3:24-cv-00999-AE", "date_filed": "2024-02-03"}
        >>> cg = CaseGraph()
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = os.path.join(folder, "docket.json")
        ...     with open(path, "w", encoding="utf-8") as f:
        ...         json.dump(docket, f)
        ...     report = cg.import_courtlistener(path)
        >>> cg.entity("3:24-cv-00999").label
        'Doe v. Example AI, Inc.'
        """
        from .importers import import_courtlistener

        return import_courtlistener(self, [paths] if isinstance(paths, (str, os.PathLike)) else paths)

    def ingest(self, path: str | os.PathLike | None = None, *, text: str | None = None, lang: str = "auto",
               url: str | None = None, published=None, title: str | None = None, publisher: str | None = None,
               accept: bool = False, **options):
        """Read an article or filing against the graph.

        Finds the known entities it mentions, its quotations with speaker and date, new names and citations, each
        with its offsets (see :mod:`casegraph.ingest`). Without ``accept`` nothing changes; with it the extracted
        graph replaces any earlier reading of the same document. Needs the ``ingest`` extra.

        Parameters
        ----------
        path : str or os.PathLike, optional
            The document (plain text, Markdown or PDF); give either ``path`` or ``text``.
        text : str, optional
            The document's text.
        lang : str, default "auto"
            ``"en"``, ``"fr"``, or ``"auto"`` to tell them apart from the text.
        url : str, optional
            The document's URL; without it the document is identified by the SHA-256 of its text.
        published : str or datetime.date, optional
            The date the document was published.
        title, publisher : str, optional
            The document's title and publisher (default: taken from the text and the URL).
        accept : bool, default False
            Write the reading into this graph (see :meth:`accept`).
        **options
            Passed to :func:`casegraph.ingest.ingest` (``max_bytes``).

        Returns
        -------
        casegraph.ingest.Ingestion
            What was read: ``mentions``, ``quotes``, ``candidates``, ``citations``, and the ``source`` and
            ``graph_iri`` it would be written under.

        Raises
        ------
        InputError
            Both or neither of ``path`` and ``text``, a missing file, empty text, or an unsupported language.
        casegraph.extras.MissingExtraError
            The ``ingest`` extra is not installed.

        See Also
        --------
        accept : Write what was read.

        Examples
        --------
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
        """Write what :meth:`ingest` read into this graph.

        Any earlier reading of the same document (the same named graph) is replaced, so accepting twice does not
        add twice.

        Parameters
        ----------
        found : casegraph.ingest.Ingestion
            The result of :meth:`ingest`.

        Returns
        -------
        rdflib.URIRef
            The IRI of the document's named graph.

        Raises
        ------
        InputError
            A graph that is read-only.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> cg = CaseGraph.open()                   # a copy of the bundled graph, in memory
        >>> found = cg.ingest(text="Mistral AI and Meta Platforms Inc. were named.", lang="en",
        ...                   url="https://example.org/note", publisher="Example")
        >>> graph = cg.accept(found)
        >>> cg.sources()[str(graph)].url, found.accepted
        ('https://example.org/note', True)
        """
        self.remove_graph(found.graph_iri)
        self.add(found.triples(), source=found.source)
        found.accepted = True
        return found.graph_iri

    # --- checking, exporting, summarising --------------------------------------------------------------

    def conflicts(self, lang: str | None = None) -> ConflictReport:
        """Where sources give different values for what takes one, and whether the data explains it.

        A disagreement is explained when the data records it (a ``cg:Correction`` or a ``cg:Disagreement``). See
        :mod:`casegraph.conflicts`.

        Parameters
        ----------
        lang : str, optional
            The language of the labels.

        Returns
        -------
        casegraph.conflicts.ConflictReport
            Every conflict (``conflicts``); ``unexplained`` lists those the data does not explain.

        See Also
        --------
        validate : Check the graph against its shapes.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> report = CaseGraph.open().conflicts()
        >>> report                                  # doctest: +ELLIPSIS
        <ConflictReport: ... conflicts, 0 unexplained, ...>
        >>> report.unexplained
        []
        """
        return find_conflicts(self, lang)

    def validate(self) -> ValidationReport:
        """Check the graph against ``ontology/shapes.ttl``, and that every graph names its source.

        Returns
        -------
        casegraph.validation.ValidationReport
            ``conforms``, and each broken rule in ``results`` with its severity, focus and graphs.

        See Also
        --------
        conflicts : Where sources disagree.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> report = CaseGraph.open().validate()
        >>> report.conforms
        True
        >>> any(result.severity == "Violation" for result in report.results)
        False
        """
        return validate(self._store, self.ontology, shapes_graph(), self.names)

    def export(self, format: str = "trig", path: str | os.PathLike | None = None) -> str:
        """The graph as text in an RDF format, or its projection as GraphML or GEXF.

        Parameters
        ----------
        format : str, default "trig"
            ``trig``, ``nquads`` or ``jsonld`` (named graphs kept), ``turtle`` or ``ntriples`` (the union of all
            graphs), or ``graphml`` or ``gexf`` (the networkx projection, see :meth:`project`).
        path : str or os.PathLike, optional
            Also write the text there, atomically.

        Returns
        -------
        str
            The text.

        Raises
        ------
        InputError
            An unknown format.

        Examples
        --------
        >>> import os, tempfile
        >>> from casegraph import CaseGraph
        >>> cg = CaseGraph.open()
        >>> cg.export("nquads").count(chr(10)) == len(cg)          # one line per quad
        True
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     text = cg.export("graphml", os.path.join(folder, "case.graphml"))
        ...     os.listdir(folder)
        ['case.graphml']
        >>> text.startswith("<graphml")
        True
        """
        if format.lower() in io.GRAPH_FORMATS:
            from .analysis import graph_text

            text = graph_text(self.project(), format.lower())
        else:
            text = io.serialize(self._store.export_dataset(), format)
        if path is not None:
            io.write_atomically(path, text)
        return text

    def stats(self) -> dict[str, Any]:
        """Counts of what the graph holds.

        Returns
        -------
        dict
            ``quads``, distinct ``triples``, ``source graphs``, ``sources by confidence``, ``entities by class``
            (most first) and ``claims by status``.

        Examples
        --------
        >>> from casegraph import CaseGraph
        >>> counts = CaseGraph.open().stats()
        >>> list(counts)
        ['quads', 'triples', 'source graphs', 'sources by confidence', 'entities by class', 'claims by status']
        >>> counts["quads"] >= counts["triples"]
        True
        """
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
