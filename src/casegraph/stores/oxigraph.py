"""``oxigraph`` and ``oxigraph:PATH``: pyoxigraph's store, in memory or on disk; SPARQL runs in Oxigraph.

**The union default graph is a set.** Oxigraph's own union of named graphs is a bag: a triple that twenty sources
state matches twenty times, so a join of three such patterns gives 8,000 rows where rdflib gives one. This store
keeps, in Oxigraph's default graph (which casegraph never uses for data: every fact sits in its source's graph),
each distinct triple of the named graphs once, updates it on every write, and answers union queries from it.

**Loading is safe to interrupt.** A file is parsed (by Oxigraph, counting each graph's quads) before anything is
written; then its graphs are noted in a journal graph, Oxigraph's bulk loader (fast, not transactional) reads
the file, the union gains the new triples, and the notes are struck off. Opening a store whose journal still
has notes drops those graphs (they may be partial) and says which.

Oxigraph reports plain literals as ``xsd:string`` ones; they come back plain, as rdflib's own store gives them.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox
from rdflib import XSD, BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result
from rdflib.store import Store as RdflibStore

from .. import io
from ..errors import InputError, ParseError, QueryError
from ..vocab import PREFIXES
from . import JOURNAL, LOADING, LoadReport, Progress, Store, TooManyRows, own_graph_filter

UNION = ox.DefaultGraph()  # where the set union of the named graphs is kept
_JOURNAL = ox.NamedNode(str(JOURNAL))
_STRING = ox.NamedNode(str(XSD.string))
#: quads bulk-written into an on-disk store after which a load ends by compacting it. Each bulk write adds files
#: that overlap the earlier ones and a scan reads them all together: a store just loaded with 10M quads read its
#: relations 5x slower than once compacted, which took 15 s; at 1M, compacting took 2 s for no gain measured
#: (BENCHMARKS.md).
COMPACT_AFTER = 2_000_000
#: what Oxigraph reads itself, by file suffix; other formats (JSON-LD) are read by rdflib and handed over
OXIGRAPH_FORMATS = {".nq": "N_QUADS", ".trig": "TRIG", ".nt": "N_TRIPLES", ".ttl": "TURTLE"}


# --- terms -------------------------------------------------------------------------------------------------

def to_ox(term):
    """An rdflib term (or graph) as pyoxigraph's; None stays None (a wildcard in a pattern)."""
    if term is None:
        return None
    if isinstance(term, Graph):
        term = term.identifier
    if term == DATASET_DEFAULT_GRAPH_ID:
        return UNION
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    raise TypeError(f"not an RDF term Oxigraph stores: {term!r}")


def from_ox(term):
    """A pyoxigraph term as rdflib's, ``xsd:string`` literals plain."""
    kind = type(term)
    if kind is ox.NamedNode:
        return URIRef(term.value)
    if kind is ox.Literal:
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype == _STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if kind is ox.BlankNode:
        return BNode(term.value)
    if kind is ox.DefaultGraph:
        return DATASET_DEFAULT_GRAPH_ID
    raise TypeError(f"an Oxigraph term rdflib has no form for: {term!r}")


def converter() -> Callable:
    """:func:`from_ox` remembering each term it converted: the same IRIs come back row after row, and rdflib
    checks every IRI it builds. Make one per answer, so that what it remembers goes with the answer (a cache
    shared by all would thrash at a million quads)."""
    seen: dict = {}

    def convert(term):
        found = seen.get(term)
        if found is None:
            found = seen[term] = from_ox(term)
        return found

    return convert


def _in_threads(work: Callable, items: Iterable, width: int = 1) -> Iterator:
    """``work(item)`` for every item, started at once in ``width`` threads (worth it where ``work`` releases
    Python's lock, as Oxigraph's queries do); the results in order, as they are asked for. One thread by
    default: on two cores, one reading beside the caller projected 1M quads in 4.3-4.7 s, two in 4.6-4.9 s."""
    pool = ThreadPoolExecutor(width)
    futures = [pool.submit(work, item) for item in items]
    pool.shutdown(wait=False)  # the threads end once the work is done

    def results():
        try:
            for future in futures:
                yield future.result()
        finally:  # the caller stopped early: what has not started never will
            for future in futures:
                future.cancel()

    return results()


def _iri_cells(tsv: bytes) -> list[str] | None:
    """The cells of a TSV answer, header first, when all of them are IRIs (the brackets taken off), else None.

    IRIs are written <...> in TSV and never hold '<', '>' or '"', so an answer with no literal ('"') and no
    blank node ('_:') is split all at once, in C, rather than line by line.

    >>> _iri_cells(b"?s\\t?o\\n<https://e.org/a>\\t<https://e.org/b>\\n")
    ['?s', '?o', 'https://e.org/a', 'https://e.org/b', '']
    """
    if b'"' in tsv or b"_:" in tsv:
        return None
    return tsv.translate(None, b"<>").replace(b"\n", b"\t").decode().split("\t")


def _split_relations(answers: Iterable[tuple[str, bytes]]) -> Iterator[tuple[str, str, str, str]]:
    """``(s, p, o, g)`` between IRIs, from the TSV answers of ``SELECT ?s ?o ?g`` for each predicate ``p``."""
    journal = _JOURNAL.value  # read once: a NamedNode's value is a new string each time
    for p, tsv in answers:
        cells = _iri_cells(tsv)
        if cells is not None:
            rows = zip(cells[3::3], cells[4::3], cells[5::3])  # past the names of the variables
        else:
            lines = (line.split("\t") for line in tsv.decode().splitlines()[1:])
            rows = ((s[1:-1], o[1:-1], g[1:-1]) for s, o, g in lines if s[:1] == "<" and o[:1] == "<")
        for s, o, g in rows:
            if g != journal:
                yield s, p, o, g


def _named(graph_name) -> bool:
    return type(graph_name) is not ox.DefaultGraph and graph_name != _JOURNAL


# --- answers -----------------------------------------------------------------------------------------------

class _Solutions(Result):
    """Oxigraph's solutions as an rdflib SELECT result, each cell converted only when it is read.

    :meth:`plain_rows` reads the cells as plain Python values without building rdflib terms for IRIs and
    strings, which is most of what casegraph's own queries return (converting every cell nearly tripled the
    time of a query returning 46,000 rows: BENCHMARKS.md)."""

    def __init__(self, solutions):
        super().__init__("SELECT")
        self.vars = [Variable(v.value) for v in solutions.variables]
        # A solution that binds nothing is still a row (SELECT * { <s> <p> <o> } when the triple is there).
        self._cells = [tuple(row) for row in solutions]
        self._convert = convert = converter()
        self.bindings = ({var: convert(cell) for var, cell in zip(self.vars, row) if cell is not None}
                         for row in self._cells)

    def plain_rows(self, plain: Callable) -> list[dict]:
        """The rows as dicts of plain values; ``plain`` converts an rdflib term (used for typed literals)."""
        def value(cell):
            kind = type(cell)
            if kind is ox.NamedNode or kind is ox.BlankNode or (
                    kind is ox.Literal and (cell.language or cell.datatype == _STRING)):
                return cell.value
            return None if cell is None else plain(self._convert(cell))

        names = [str(var) for var in self.vars]
        return [{name: value(cell) for name, cell in zip(names, row)} for row in self._cells]


def rdflib_result(answer) -> Result:
    """An rdflib Result for the answer of pyoxigraph's ``Store.query``."""
    if isinstance(answer, ox.QuerySolutions):
        return _Solutions(answer)
    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    result = Result("CONSTRUCT")
    result.graph = Graph()
    convert = converter()
    result.graph += ((convert(t.subject), convert(t.predicate), convert(t.object)) for t in answer)
    return result


_RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                   "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
_GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
                  "trig": ox.RdfFormat.TRIG, "rdfxml": ox.RdfFormat.RDF_XML}


def syntax_error(error: SyntaxError) -> QueryError:
    """Oxigraph's parse error as casegraph's: its line and column apart, its list of expected characters cut to
    what a reader takes in (it can run to hundreds of Unicode ranges on several lines)."""
    text = " ".join(str(error).split())
    match = re.match(r"error at (\d+):(\d+): (.*)", text)
    line, column, reason = (int(match[1]), int(match[2]), match[3]) if match else (None, None, text)
    return QueryError(reason if len(reason) <= 120 else reason[:117] + "...", line, column)


def _count(found: int, limit: int | None) -> None:
    if limit is not None and found > limit:
        raise TooManyRows(found, limit)


# --- the rdflib view ---------------------------------------------------------------------------------------

class _View(RdflibStore):
    """rdflib's Store API over the pyoxigraph store, for code that reads (or updates) through an rdflib
    ``Dataset``: the default graph is the set union, every write keeps it in step."""

    context_aware = True
    graph_aware = True
    formula_aware = False
    transaction_aware = False

    def __init__(self, inner: ox.Store):
        super().__init__()
        self.inner = inner
        self._prefixes: dict[str, URIRef] = {}

    # writes
    def add(self, triple, context, quoted=False):
        s, p, o = (to_ox(t) for t in triple)
        graph = to_ox(context)
        if graph is None or graph == UNION:
            raise ValueError("casegraph writes named graphs only: the default graph is their union")
        self.inner.extend([ox.Quad(s, p, o, graph), ox.Quad(s, p, o, UNION)])

    def addN(self, quads):  # noqa: N802 (rdflib's name)
        batch = []
        for s, p, o, g in quads:
            triple = (to_ox(s), to_ox(p), to_ox(o))
            batch += [ox.Quad(*triple, to_ox(g)), ox.Quad(*triple, UNION)]
        self.inner.extend(batch)

    def remove(self, triple_pattern, context=None):
        graph = to_ox(context)
        if graph == UNION:
            graph = None  # removing from the union removes from every graph
        pattern = [to_ox(t) for t in triple_pattern]
        found = [q for q in self.inner.quads_for_pattern(*pattern, graph) if _named(q.graph_name)]
        for quad in found:
            self.inner.remove(quad)
        forget(self.inner, [(q.subject, q.predicate, q.object) for q in found])

    def add_graph(self, graph):
        pass  # a graph exists here by holding triples

    def remove_graph(self, graph):
        forget_graph(self.inner, to_ox(graph))

    # reads
    def triples(self, triple_pattern, context=None):
        s, p, o = (to_ox(t) for t in triple_pattern)
        graph = to_ox(context)
        convert = converter()
        if graph is not None and graph != UNION:
            for quad in self.inner.quads_for_pattern(s, p, o, graph):
                yield (convert(quad.subject), convert(quad.predicate), convert(quad.object)), iter([context])
            return
        for quad in self.inner.quads_for_pattern(s, p, o, UNION):
            triple = (convert(quad.subject), convert(quad.predicate), convert(quad.object))
            yield triple, self._graphs_of(quad)

    def _graphs_of(self, quad):
        # Lazily: rdflib's Dataset.triples ignores them, its quads() reads them.
        for found in self.inner.quads_for_pattern(quad.subject, quad.predicate, quad.object, None):
            if _named(found.graph_name):
                yield Graph(store=self, identifier=from_ox(found.graph_name))

    def __len__(self, context=None):
        graph = to_ox(context)
        return sum(1 for _ in self.inner.quads_for_pattern(None, None, None, UNION if graph is None else graph))

    def contexts(self, triple=None):
        if triple is None:
            names = (g for g in self.inner.named_graphs() if _named(g))
        else:
            names = {q.graph_name for q in self.inner.quads_for_pattern(*(to_ox(t) for t in triple), None)
                     if _named(q.graph_name)}
        for name in names:
            yield Graph(store=self, identifier=from_ox(name))

    def query(self, query, initNs, initBindings, queryGraph, **kwargs):  # noqa: N803 (rdflib's names)
        if not isinstance(query, str) or kwargs:
            raise NotImplementedError  # a prepared query: rdflib evaluates it over this view
        default = None if queryGraph in (None, "__UNION__", DATASET_DEFAULT_GRAPH_ID) else to_ox(queryGraph)
        return rdflib_result(self.inner.query(
            query, default_graph=default, prefixes={**{k: str(v) for k, v in self._prefixes.items()},
                                                   **{k: str(v) for k, v in initNs.items()}},
            substitutions={ox.Variable(str(k)): to_ox(v) for k, v in initBindings.items()}))

    def update(self, *args, **kwargs):
        raise NotImplementedError  # rdflib evaluates it over this view (casegraph.update does its own)

    # prefixes
    def bind(self, prefix, namespace, override=True):
        if override or prefix not in self._prefixes:
            self._prefixes[prefix] = URIRef(namespace)

    def namespace(self, prefix):
        return self._prefixes.get(prefix)

    def prefix(self, namespace):
        return next((p for p, n in self._prefixes.items() if n == URIRef(namespace)), None)

    def namespaces(self):
        yield from self._prefixes.items()


def forget(inner: ox.Store, triples) -> None:
    """Take out of the union the triples that no named graph states any more."""
    for s, p, o in triples:
        if not any(_named(q.graph_name) for q in inner.quads_for_pattern(s, p, o, None)):
            inner.remove(ox.Quad(s, p, o, UNION))


def forget_graph(inner: ox.Store, graph_name) -> None:
    """Remove a named graph, and from the union the triples no other graph states."""
    found = [(q.subject, q.predicate, q.object) for q in inner.quads_for_pattern(None, None, None, graph_name)]
    if inner.contains_named_graph(graph_name):
        inner.remove_graph(graph_name)
    forget(inner, found)


def rebuild_union(inner: ox.Store) -> None:
    inner.update("DELETE WHERE { ?s ?p ?o } ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } "
                 f"{own_graph_filter()} }}")


# --- the store ---------------------------------------------------------------------------------------------

class OxigraphStore(Store):
    """pyoxigraph's Store, in memory or on disk at ``spec.location``.

    On disk, readers share the folder and a writer has it alone (see :class:`FolderLock`): ``casegraph serve``
    and ``casegraph query`` read one store at the same time, and ``load`` says who holds it.
    """

    scratch = "oxigraph"

    def __init__(self, spec, *, read_only: bool = False):
        super().__init__(spec, read_only=read_only)
        if read_only and not (Path(spec.location) / "CURRENT").is_file():  # RocksDB's marker of a database
            raise InputError(f"store oxigraph:{spec.location}: no store there; fill one first with {{parameter}}",
                             parameter="CaseGraph.load()")
        self.lock = FolderLock(Path(spec.location), shared=read_only) if spec.location is not None else None
        try:
            if spec.location is None:
                self.inner = ox.Store()
            elif read_only:
                self.inner = ox.Store.read_only(spec.location)
            else:
                self.inner = ox.Store(spec.location)
        except OSError as e:
            self._release()
            raise InputError(f"store oxigraph:{spec.location}: cannot open it ({e})") from None
        except InputError:
            self._release()
            raise
        self.dataset = Dataset(store=_View(self.inner), default_union=True)
        self._bind_prefixes()
        if read_only and next(self.inner.quads_for_pattern(None, None, None, _JOURNAL), None) is not None:
            self._release()
            raise InputError(f"store oxigraph:{spec.location}: a load into it stopped before it finished; open it "
                             "for writing (a {parameter}, say) to drop its partial graphs", parameter="CaseGraph.load()")
        self.recovered = [] if read_only else self.recover()
        if self.recovered:
            self.changed()

    def _release(self) -> None:
        if self.lock is not None:
            self.lock.release()

    # --- answering in a worker process (casegraph serve) ---

    def worker_spec(self):
        # Only a store on disk opened read-only: Oxigraph's read-only mode must not see another process write.
        return self.spec if self.read_only and self.spec.location is not None else None

    def answer(self, text, fmt, *, default=(), named=(), base=None, max_rows=None) -> bytes:
        dataset = {}
        if default or named:  # the protocol's dataset replaces the query's FROM and FROM NAMED
            dataset = {"default_graph": [ox.NamedNode(g) for g in default],
                       "named_graphs": [ox.NamedNode(g) for g in named]}
        try:
            found = self.inner.query(text, prefixes=PREFIXES, base_iri=base, **dataset)
        except SyntaxError as e:
            raise syntax_error(e) from None
        if isinstance(found, ox.QueryBoolean):
            return found.serialize(format=_RESULT_FORMATS[fmt])
        # Counted on the engine's own TSV or N-Triples (a line per row or triple), then turned into the format
        # asked for by Oxigraph's parsers and serialisers: no term passes through Python.
        if isinstance(found, ox.QuerySolutions):
            tsv = found.serialize(format=ox.QueryResultsFormat.TSV)
            _count(tsv.count(b"\n") - 1, max_rows)
            if fmt == "tsv":
                return tsv
            return ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV).serialize(
                format=_RESULT_FORMATS[fmt])
        triples = found.serialize(format=ox.RdfFormat.N_TRIPLES)
        _count(triples.count(b"\n"), max_rows)
        if fmt == "ntriples":
            return triples
        return ox.serialize(ox.parse(triples, format=ox.RdfFormat.N_TRIPLES), format=_GRAPH_FORMATS[fmt],
                            prefixes=PREFIXES if fmt in ("turtle", "trig", "rdfxml") else None)

    # --- what is kept beside a store on disk ---

    def generation(self) -> str | None:
        # A counter in a file of the folder, bumped under the writer's exclusive lock, so a reader (who holds a
        # shared one) never sees it move. Writes by other programs (Oxigraph's own tools) do not bump it.
        if self.spec.location is None:
            return None
        try:
            return (Path(self.spec.location) / "casegraph-generation").read_text(encoding="utf-8").strip() or None
        except FileNotFoundError:
            return None

    def changed(self) -> None:
        if self.spec.location is None or self.read_only:
            return
        counter = Path(self.spec.location) / "casegraph-generation"
        current = self.generation() or "0"
        following = str(int(current) + 1) if current.isdigit() else "1"
        scratch = counter.with_suffix(".new")
        scratch.write_text(following, encoding="utf-8")
        scratch.replace(counter)

    def cache_folder(self) -> Path | None:
        return None if self.spec.location is None else Path(self.spec.location) / "casegraph-cache"

    def query(self, text: str, initNs: dict | None = None) -> Result:  # noqa: N803 - as rdflib's Graph.query
        try:
            return rdflib_result(self.inner.query(text, prefixes=dict(initNs or PREFIXES)))
        except SyntaxError as e:
            raise syntax_error(e) from None

    def add(self, quads: Iterable[tuple]) -> None:
        self.dataset.store.addN(quads)

    def remove_graph(self, graph: URIRef) -> None:
        forget_graph(self.inner, to_ox(graph))

    def named_quads(self, subject=None, predicates=None):
        # GRAPH ?g in Oxigraph's SPARQL reads the named graphs only: its quad API would also walk the union
        # kept in the default graph (twice the quads). The journal is skipped here, not by a FILTER, which
        # Oxigraph evaluates row by row (it doubled the time of a read).
        text = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
        convert = converter()
        for predicate in [None] if predicates is None else list(predicates):
            fixed = {ox.Variable(name): to_ox(term) for name, term in (("s", subject), ("p", predicate))
                     if term is not None}
            for s, p, o, g in self.inner.query(text, substitutions=fixed):
                if g != _JOURNAL:
                    yield (convert(s) if subject is None else subject,
                           convert(p) if predicate is None else predicate, convert(o), convert(g))

    def plain_quads(self, predicates):
        # Oxigraph spends its time decoding each row's terms from the disk (1.5 µs a term at a million quads), and
        # does so with Python's lock released: so one query a predicate, whose IRI is written into the query
        # rather than read from each row, all started at once in a thread, so that they run while the caller
        # does something else; each answer is serialised as TSV by Oxigraph and split at once (_iri_cells).
        def answer(predicate):
            query = f"SELECT ?s ?o ?g WHERE {{ GRAPH ?g {{ ?s {to_ox(predicate)} ?o }} }}"
            return str(predicate), self.inner.query(query).serialize(format=ox.QueryResultsFormat.TSV)

        return _split_relations(_in_threads(answer, predicates))

    def graphs_of(self, s, p, o):
        return sorted({quad.graph_name.value for quad in self.inner.quads_for_pattern(to_ox(s), to_ox(p), to_ox(o))
                       if _named(quad.graph_name)})

    def plain_values(self, predicate):
        # From the union kept in the default graph, which holds each triple once and has no graph to decode;
        # as TSV like plain_quads, split at once when the answer holds IRIs only (types, statuses), else read
        # back as terms by Oxigraph's TSV parser.
        tsv = self.inner.query(f"SELECT ?s ?o WHERE {{ ?s {to_ox(predicate)} ?o }}").serialize(
            format=ox.QueryResultsFormat.TSV)
        cells = _iri_cells(tsv)
        if cells is not None:
            for s, o in zip(cells[2::2], cells[3::2]):
                yield s, o, None
            return
        for s, o in ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV):
            if type(s) is ox.NamedNode:
                yield s.value, o.value, getattr(o, "language", None)

    def count_quads(self) -> int:
        # The store's own count, less the union kept in the default graph and the journal: a COUNT(*) over
        # GRAPH ?g with a FILTER took ten times as long.
        outside = sum(1 for _ in self.inner.quads_for_pattern(None, None, None, _JOURNAL))
        union = int(next(iter(self.inner.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))[0].value)
        return len(self.inner) - union - outside

    def close(self) -> None:
        if self.inner is not None and not self.read_only:
            self.inner.flush()
        # pyoxigraph releases the folder when its Store is dropped: drop every reference to it.
        self.inner = self.dataset.store.inner = None
        self._release()

    # --- loading ---

    def load(self, files: list[Path], progress: Progress | None = None) -> LoadReport:
        started = time.perf_counter()
        report = LoadReport({}, 0.0, self.recover())
        scratch = None
        if self.persistent:  # the union's triples, written out beside the quads' bulk load, on the store's disk
            for stale in self.cache_folder().glob("loading-*"):  # left by a killed load (this one has the lock)
                shutil.rmtree(stale, ignore_errors=True)
            scratch = self.cache_folder() / f"loading-{os.getpid()}"
            scratch.mkdir(parents=True, exist_ok=True)
        try:
            checked = [_check(path, scratch / f"{n}.nt" if scratch else None) for n, path in enumerate(files)]
            for item in checked:
                self._load_one(item)
                report.files[str(item.path)] = (len(item.graphs), item.quads)
                if progress:
                    progress(str(item.path), len(item.graphs), item.quads)
        finally:
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)
        if self.persistent:
            report.compacted = self._compact_if_due(report.quads)
        report.seconds = time.perf_counter() - started
        return report

    def _compact_if_due(self, written: int) -> bool:
        """Compact the store once :data:`COMPACT_AFTER` quads have been bulk-written since it last was (a tally
        kept in the cache folder); True if it did."""
        tally = self.cache_folder() / "written-since-compaction"
        try:
            written += int(tally.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            pass
        due = written >= COMPACT_AFTER
        if due:
            self.inner.optimize()
        tally.write_text(str(0 if due else written), encoding="utf-8")
        return due

    def _load_one(self, item: "_Checked") -> None:
        """Write one checked file: note its graphs in the journal, empty them, let Oxigraph's bulk loader read
        the file, add the new triples to the union with Oxigraph itself, strike the notes off."""
        inner = self.inner
        notes = [ox.Quad(graph, ox.NamedNode(str(LOADING)), ox.Literal(str(item.path)), _JOURNAL)
                 for graph in item.graphs]
        inner.extend(notes)  # one transaction: the journal names every graph before any is touched
        for graph in item.graphs:
            forget_graph(inner, graph)
        # The union, written by Oxigraph itself (the default graph is a set: a triple stated twice is kept once).
        # On disk a transaction that size is slow, and the bulk writer, handed the file's triples as N-Triples,
        # is fast; writing them out and loading them runs beside the bulk write of the quads, which leaves a core
        # idle: together they take about the time of the quads alone (BENCHMARKS.md). In memory a SPARQL update
        # is fastest.
        with ThreadPoolExecutor(1) as pool:
            union = None if item.union is None else pool.submit(_write_union, inner, item)
            # Bulk writes are fast but not transactional: the journal is what makes them safe (see recover()).
            if item.remapped is not None:
                inner.bulk_extend(item.remapped)
            else:
                inner.bulk_load(**item.source, lenient=True)  # lenient: the file was checked by the parse above
            if union is not None:
                union.result()
        if item.union is None:
            graphs = " ".join(str(graph) for graph in item.graphs)
            inner.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?s ?p ?o }} }}")
        inner.flush()
        for note in notes:
            inner.remove(note)

    def recover(self) -> list[str]:
        inner = self.inner
        notes = list(inner.quads_for_pattern(None, None, None, _JOURNAL))
        if not notes:
            # A store written by another program (Oxigraph's own loader) has named graphs and no union yet.
            if next(inner.quads_for_pattern(None, None, None, UNION), None) is None and \
                    next(iter(inner.named_graphs()), None) is not None:
                rebuild_union(inner)
            return []
        dropped = sorted({note.subject.value for note in notes})
        for note in notes:
            if inner.contains_named_graph(note.subject):
                inner.remove_graph(note.subject)
        inner.remove_graph(_JOURNAL)
        rebuild_union(inner)
        return dropped


class FolderLock:
    """Readers share an Oxigraph folder, a writer has it alone: an ``flock`` on ``PATH/casegraph.lock``, shared
    or exclusive, taken before pyoxigraph opens the folder (Oxigraph's read-only mode must not see another
    process write). Each holder leaves a note in ``PATH/casegraph-open/`` (its pid and command), so that one
    that cannot have the folder says who holds it. The system drops a lock whose process died."""

    def __init__(self, folder: Path, *, shared: bool):
        self.folder, self.note = folder, None
        if folder.exists() and not folder.is_dir():
            raise InputError(f"store oxigraph:{folder}: that is a file, not a store's folder")
        folder.mkdir(parents=True, exist_ok=True)
        self.file = open(folder / "casegraph.lock", "a+")
        try:
            fcntl.flock(self.file, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            self.file.close()
            holders = "; ".join(self.holders()) or "another process"
            wanted = "read it" if shared else "write into it"
            raise InputError(f"store oxigraph:{folder}: cannot {wanted} while it is open in {holders}; "
                             + ("try again when the load ends" if shared else "stop it (or wait) and try again")) \
                from None
        notes = folder / "casegraph-open"
        notes.mkdir(exist_ok=True)
        self.note = notes / str(os.getpid())
        command = " ".join(["casegraph" if sys.argv[0].endswith("casegraph") else sys.argv[0], *sys.argv[1:]])
        self.note.write_text(f"{'reading' if shared else 'writing'}: {command[:200]}", encoding="utf-8")

    def holders(self) -> list[str]:
        """The processes that have the folder open, by their notes (those of dead processes skipped)."""
        found = []
        for note in sorted((self.folder / "casegraph-open").glob("*")):
            try:
                os.kill(int(note.name), 0)
            except (ValueError, ProcessLookupError):
                continue
            except PermissionError:
                pass  # alive, another user's
            found.append(f"process {note.name} ({note.read_text(encoding='utf-8')})")
        return found

    def release(self) -> None:
        if self.note is not None:
            self.note.unlink(missing_ok=True)
            self.note = None
        if not self.file.closed:
            self.file.close()  # closing the file drops the flock


@dataclass
class _Checked:
    """A file checked for a load: what Oxigraph's loader reads, and the size of each graph it holds."""

    path: Path
    source: dict
    graphs: Counter
    remapped: list | None = None  # the quads, when some sat in the default graph and were moved (see below)
    union: Path | None = None  # the file's triples as N-Triples, for the union

    @property
    def quads(self) -> int:
        return sum(self.graphs.values())


def _write_union(inner: ox.Store, item: _Checked) -> None:
    """Add the triples of a checked file to the union kept in ``inner``'s default graph, through the N-Triples
    file ``item.union``."""
    source = {key: value for key, value in item.source.items() if key != "to_graph"}  # the loader's, not the parser's
    ox.serialize((quad.triple for quad in ox.parse(**source)), output=str(item.union), format=ox.RdfFormat.N_TRIPLES)
    inner.bulk_load(path=str(item.union), format=ox.RdfFormat.N_TRIPLES, to_graph=UNION, lenient=True)


def _check(path: Path, union: Path | None = None) -> _Checked:
    """Parse ``path`` once, keeping only the size of each graph, so that a bad file stops the load before it
    writes anything; Oxigraph then reads the file again itself, in Rust, far faster than quads handed over
    from Python. ``union`` is where the load will write the file's triples for the union (see _write_union).
    Triples outside any graph go into a graph named after the file, since the default graph holds the union."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    name = OXIGRAPH_FORMATS.get(path.suffix.lower())
    if name is None:
        source = {"input": io.parse_file(path).serialize(format="nquads", encoding="utf-8"),
                  "format": ox.RdfFormat.N_QUADS}
    else:
        source = {"path": str(path), "format": getattr(ox.RdfFormat, name)}
    graphs: Counter = Counter()
    try:
        # Counted by runs: a file's quads mostly come graph by graph, and comparing two graph names in Rust
        # costs less than hashing each into the Counter.
        graph, run = None, 0
        for quad in ox.parse(**source):
            if quad.graph_name != graph:
                graphs[graph] += run
                graph, run = quad.graph_name, 0
            run += 1
        graphs[graph] += run
        del graphs[None]
    except (SyntaxError, ValueError, OSError):
        io.parse_file(path)  # rdflib's parser gives the message with file and line
        raise ParseError(f"{path}: Oxigraph cannot read this file") from None
    item = _Checked(path, source, graphs, union=union)
    unnamed = graphs.pop(UNION, 0)
    if unnamed:
        own = ox.NamedNode(path.resolve().as_uri())
        graphs[own] += unnamed
        if source["format"] in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE):
            source["to_graph"] = own
        else:  # a quad file with some triples outside its graphs: moved quad by quad (rare)
            item.remapped = [q if type(q.graph_name) is not ox.DefaultGraph else
                             ox.Quad(q.subject, q.predicate, q.object, own) for q in ox.parse(**source)]
    return item
