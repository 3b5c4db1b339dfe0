"""SPARQL over the graph: results that are easy to use, saved queries, errors that say where.

>>> from casegraph import CaseGraph
>>> result = CaseGraph.open().query("SELECT ?docket WHERE { ?case cg:docketNumber ?docket }")
>>> result.rows[0]["docket"]
'3:23-cv-03417-VC'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Iterator

from pyparsing import ParseBaseException
from rdflib import XSD, Dataset, Graph, Literal, URIRef
from rdflib.query import Result

from .errors import CaseGraphError, InputError, QueryError
from .ontology import class_named, is_concept_class
from .resources import queries_dir, user_queries_dirs
from .results import Result as _Result, json_ready, plural, urls_of, with_why
from .vocab import PREFIXES

_NATIVE = {XSD.integer, XSD.int, XSD.long, XSD.decimal, XSD.double, XSD.float, XSD.boolean, XSD.date,
           XSD.dateTime, XSD.nonNegativeInteger}


def plain(term: Any) -> Any:
    """A Python value for an RDF term: IRIs and most literals as ``str``; numbers, booleans and dates native."""
    if term is None:
        return None
    if isinstance(term, Literal):
        if term.datatype in _NATIVE:
            value = term.toPython()
            return value if isinstance(value, (int, float, bool, Decimal, date, datetime)) else str(term)
        return str(term)
    return str(term)


@dataclass(repr=False)
class QueryResult(_Result):
    """The answer to a query.

    ``rows`` is a list of dicts (variable name -> plain Python value) for SELECT, ``boolean`` the answer to
    ASK, ``graph`` the rdflib graph built by CONSTRUCT or DESCRIBE; ``raw`` is rdflib's own result, whose
    terms keep their datatypes and language tags.

    ``to_pandas()`` gives a SELECT's rows with a column per variable, typed by its values (integers as
    ``Int64``, other numbers ``float64``, ``xsd:date`` and ``xsd:dateTime`` as datetimes, booleans as
    ``boolean``, IRIs and other literals as text), plus ``sources`` (each row's source URLs) when asked
    ``why``; a CONSTRUCT's triples as ``subject``, ``predicate``, ``object``; an ASK's answer as ``boolean``.

    >>> from casegraph import CaseGraph
    >>> result = CaseGraph.open().query("SELECT ?case ?filed WHERE { ?case cg:docketNumber '3:23-cv-03417-VC' ;"
    ...                                 " cg:filedOn ?filed }")
    >>> result
    <QueryResult: SELECT, 1 row: case, filed>
    >>> result.to_pandas().loc[0, "filed"]
    Timestamp('2023-07-07 00:00:00')
    """

    kind: str
    vars: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    raw: Result | None = None
    #: with ``why=True``: the :class:`~casegraph.why.Support` of each row (a SELECT) or of the answer (an ASK)
    why: Any = None
    #: with ``why=True``: the source document of each graph a support names, by graph IRI
    sources: dict = field(default_factory=dict)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def __len__(self) -> int:
        if self.kind == "ASK":
            return 1
        if self.graph is not None:
            return len(self.graph)
        return len(self.rows)

    @property
    def empty(self) -> bool:
        """True when a SELECT has no row, an ASK says no, or a CONSTRUCT builds nothing."""
        if self.kind == "ASK":
            return not self.boolean
        return len(self) == 0

    def to_dict(self):
        """What ``casegraph query --format json`` prints: a SELECT's rows (a list of dicts, each row's sources
        under ``_why`` when asked ``why``), ``{"boolean": ...}`` for an ASK, the JSON-LD of a CONSTRUCT."""
        if self.kind == "ASK":
            return with_why({"boolean": bool(self.boolean)}, self.sources, self.why)
        if self.graph is not None:
            import json

            return json.loads(self.graph.serialize(format="json-ld"))
        why = self.why if isinstance(self.why, list) else [None] * len(self.rows)
        return [with_why({k: json_ready(v) for k, v in row.items()}, self.sources, support)
                for row, support in zip(self.rows, why)]

    def _schema(self) -> list[tuple[str, str]]:
        if self.kind == "ASK":
            return [("boolean", "bool")]
        if self.graph is not None:
            return [("subject", "text"), ("predicate", "text"), ("object", "text")]
        return [(v, "auto") for v in self.vars] + ([("sources", "list")] if isinstance(self.why, list) else [])

    def _rows(self) -> list[dict[str, Any]]:
        if self.kind == "ASK":
            return [{"boolean": bool(self.boolean)}]
        if self.graph is not None:
            return [{"subject": str(s), "predicate": str(p), "object": str(o)} for s, p, o in self.graph]
        if not isinstance(self.why, list):
            return self.rows
        return [{**row, "sources": sorted(set(urls_of(self.sources.get(g, g) for g in support.graphs)))}
                for row, support in zip(self.rows, self.why)]

    def _summary(self) -> str:
        if self.kind == "ASK":
            return f"ASK: {'yes' if self.boolean else 'no'}"
        if self.graph is not None:
            return f"{self.kind}, {plural(len(self.graph), 'triple')}"
        shown = ", ".join(self.vars[:6]) + (", …" if len(self.vars) > 6 else "")
        return f"SELECT, {plural(len(self.rows), 'row')}" + (f": {shown}" if shown else "")


def run(graph, text: str, bindings: dict[str, Any] | None = None) -> QueryResult:
    """Run SPARQL ``text`` on an rdflib graph or dataset; ``bindings`` fix variables (URIRefs and Entities as
    IRIs, anything else as a literal; see :func:`with_bindings`)."""
    if not text.strip():
        raise QueryError("the query is empty")
    if bindings:
        text = with_bindings(text, bindings)
    try:
        # rdflib evaluates lazily: errors in evaluation (a SUM over IRIs) surface while the rows are read,
        # so reading them belongs inside this try.
        return from_rdflib(graph.query(text, initNs=PREFIXES))
    except ParseBaseException as e:
        raise QueryError(_pyparsing_reason(e), e.lineno, e.col) from None
    except CaseGraphError:
        raise  # already one line (a SPARQL server's refusal, say)
    except Exception as e:
        match = re.match(r"Unknown namespace prefix\s*:\s*(\S+)", str(e))
        if match:
            line, col = _position_of(text, match.group(1) + ":")
            raise QueryError(f"unknown prefix {match.group(1)!r}", line, col) from None
        first_line = str(e).splitlines()[0] if str(e) else "the query engine gave no reason"
        raise QueryError(f"{type(e).__name__}: {first_line}", syntax=False) from None


def dataset_of(dataset: Dataset, default: list[str], named: list[str]) -> Dataset:
    """The dataset a query (or an update's ``WHERE``) reads when it names its graphs (``FROM``, ``USING``, the
    protocol's graph parameters): a default graph merged from the ``default`` graphs, and the ``named`` graphs
    only. The whole dataset when it names none; a graph the store does not hold is empty, never fetched."""
    if not default and not named:
        return dataset
    chosen = Dataset(default_union=False)
    for iri in default:
        for triple in dataset.get_context(URIRef(iri)):
            chosen.default_graph.add(triple)
    for iri in named:
        graph = chosen.graph(URIRef(iri))
        for triple in dataset.get_context(URIRef(iri)):
            graph.add(triple)
    return chosen


def from_rdflib(raw: Result) -> QueryResult:
    if raw.type == "ASK":
        return QueryResult("ASK", boolean=bool(raw.askAnswer), raw=raw)
    if raw.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(raw.type, graph=raw.graph, raw=raw)
    names = [str(v) for v in raw.vars]
    if hasattr(raw, "plain_rows"):  # Oxigraph's answer: plain values read without building rdflib terms
        return QueryResult("SELECT", vars=names, rows=raw.plain_rows(plain), raw=raw)
    # raw.bindings, not the rows rdflib iterates: those skip a solution that binds nothing, which is still a
    # solution (SELECT * { <s> <p> <o> } when the triple is there; MAX over no match).
    variables = list(raw.vars or ())
    rows = [{name: plain(binding.get(var)) for name, var in zip(names, variables)} for binding in raw.bindings]
    return QueryResult("SELECT", vars=names, rows=rows, raw=raw)


def with_bindings(text: str, bindings: dict[str, Any]) -> str:
    """``text`` keeping only the solutions where each variable of ``bindings`` has its value: a ``FILTER``
    (``sameTerm``, written ``=`` for an IRI or a plain string) at the end of the WHERE group, or a trailing
    VALUES clause when the query has no WHERE group to put it in.

    A filter, unlike a trailing VALUES clause, also drops the rows where the variable is unbound (a claim
    with no case, for ``case=``), and it means the same on every SPARQL engine: a trailing VALUES clause is
    joined after grouping, where an unbound variable matches anything, and engines differ on that.

    >>> print(with_bindings("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s", {"o": Literal(2), "p": URIRef("https://e.org/p")}))
    SELECT ?s WHERE { ?s ?p ?o
    FILTER(sameTerm(?o, "2"^^<http://www.w3.org/2001/XMLSchema#integer>))
    FILTER(?p = <https://e.org/p>)
    } ORDER BY ?s
    """
    end = _where_group_end(text)
    if end is None:
        return with_values(text, bindings)
    filters = "\n".join(_same_term(name, value) for name, value in bindings.items())
    return f"{text[:end].rstrip()}\n{filters}\n{text[end:]}"


def _same_term(name: str, value: Any) -> str:
    # For an IRI or a plain string, = means sameTerm; it is written so because Virtuoso drops a sameTerm filter
    # on a variable bound in a UNION (cases-with-dataset gave every data set's cases) and finds no string
    # sameTerm to what STR() returns (source-supports gave nothing).
    term = _sparql_term(value)
    value = getattr(value, "iri", value)
    plain = not isinstance(value, Literal) or (value.language is None and value.datatype in (None, XSD.string))
    return f"FILTER(?{name} = {term})" if plain else f"FILTER(sameTerm(?{name}, {term}))"


def _where_group_end(text: str) -> int | None:
    """The offset of the brace that closes the query's WHERE group, skipping strings, IRIs and comments."""
    match = re.search(r"\bWHERE\s*\{", text, re.I)
    if match is None:
        return None
    depth, i = 0, match.end() - 1
    while i < len(text):
        ch = text[i]
        if ch == "#":
            newline = text.find("\n", i)
            i = len(text) if newline == -1 else newline
            continue
        if ch in "\"'":
            quote = text[i:i + 3] if text[i:i + 3] in ('"""', "'''") else ch
            close = text.find(quote, i + len(quote))
            while close != -1 and text[close - 1] == "\\":
                close = text.find(quote, close + 1)
            if close == -1:
                return None
            i = close + len(quote)
            continue
        iri = re.match(r"<[^<>\"{}|^`\\\s]*>", text[i:i + 2000]) if ch == "<" else None
        if iri:
            i += iri.end()
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def with_values(text: str, bindings: dict[str, Any]) -> str:
    """``text`` with a trailing ``VALUES`` clause that fixes each variable of ``bindings`` to its value.

    >>> with_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": "x"}).splitlines()[-1]
    'VALUES (?o) { ("x") }'
    """
    names = list(bindings)
    cells = " ".join(_sparql_term(bindings[n]) for n in names)
    return f"{text.rstrip()}\nVALUES ({' '.join('?' + n for n in names)}) {{ ({cells}) }}"


def values_first(text: str, variable: str, iris: Iterable[str], *, n3: bool = False) -> str:
    """``text`` with ``VALUES ?variable { <iri> ... }`` opening its WHERE group, so that the engine binds the
    variable before it matches the patterns (a trailing VALUES would join after the whole WHERE is answered).
    With ``n3``, the values are terms already written in SPARQL (a literal, say).

    >>> values_first("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "g", ["urn:a"])
    'SELECT ?g WHERE { VALUES ?g { <urn:a> } GRAPH ?g { ?s ?p ?o } }'
    """
    values = " ".join(sorted(iris) if n3 else (f"<{iri}>" for iri in sorted(iris)))
    return re.sub(r"\bWHERE\s*\{", lambda m: f"{m.group(0)} VALUES ?{variable} {{ {values} }}", text, count=1,
                  flags=re.I)


def _sparql_term(value: Any) -> str:
    """An IRI for a URIRef or an Entity (anything with ``.iri``), else a literal."""
    value = getattr(value, "iri", value)
    if isinstance(value, URIRef):
        return f"<{value}>"
    if isinstance(value, Literal):
        return value.n3()
    return Literal(value).n3()


def _pyparsing_reason(e: ParseBaseException) -> str:
    reason = re.sub(r"\s*\(at char \d+\), \(line:\d+, col:\d+\)\s*$", "", str(e))
    near = e.line.strip()
    return f"{reason} (in: {near[:60]!r})" if near else reason


def _position_of(text: str, needle: str) -> tuple[int | None, int | None]:
    for number, line in enumerate(text.splitlines(), start=1):
        col = line.find(needle)
        if col >= 0:
            return number, col + 1
    return None, None


# --- saved queries -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Param:
    """A parameter of a saved query: ``# @param NAME KIND description``. KIND is ``text``, ``entity``, a class of
    the ontology (``LegalCase``, ``Agent``...): an entity of that class, whose name is looked up among that class
    only ("Kadrey" as a ``LegalCase`` is the case, not the author); a class of concepts the ontology lists
    (``CaseStage``, ``WorkKind``): one of them, by label or local name ("summary judgment"); or ``number``: a
    whole number the query computes with, bound before its patterns (unbound when not given, so that the query
    can have a default)."""

    name: str
    kind: str
    description: str
    cls: URIRef | None = None


@dataclass(frozen=True)
class SavedQuery:
    """A ``.rq`` file in ``data/queries``: its first comment lines say what question it answers."""

    name: str
    path: Path
    title: str
    description: str
    params: tuple[Param, ...]

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def parse_saved(path: Path) -> SavedQuery:
    comments = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        comments.append(line.lstrip("#").strip())
    params = []
    prose = []
    for line in comments:
        match = re.match(r"@param\s+\??(\w+)\s+(\w+)\s*(.*)", line)
        if match:
            name, kind, description = match.groups()
            if kind in ("entity", "text", "number"):
                params.append(Param(name, kind, description))
                continue
            try:
                cls = class_named(kind)
            except ValueError:
                raise InputError(f"{path}: @param {name}: {kind!r} is neither entity, text nor a class of the "
                                 "ontology") from None
            params.append(Param(name, "concept" if is_concept_class(cls) else "entity", description, cls))
        elif line:
            prose.append(line)
    title = prose[0] if prose else path.stem
    return SavedQuery(path.stem, path, title, " ".join(prose[1:]), tuple(params))


def saved_queries(folders: Iterable[str | Path] = ()) -> dict[str, SavedQuery]:
    """Every saved query by name (the file name without ``.rq``): casegraph's own, then those of
    ``CASEGRAPH_DATA``'s ``queries/`` folder and of each of ``folders``, added to them and never in their place
    (a query of the same name and another text is refused: rename yours).
    """
    found = {p.stem: parse_saved(p) for p in sorted(queries_dir().glob("*.rq"))}
    for folder in [*user_queries_dirs(), *map(Path, folders)]:
        if not folder.is_dir():
            raise InputError(f"{folder}: no such folder of saved queries")
        for path in sorted(folder.glob("*.rq")):
            query = parse_saved(path)
            if query.name in found and found[query.name].text != query.text:
                raise InputError(f"{path}: casegraph or another folder already has a saved query named "
                                 f"{query.name!r} ({found[query.name].path}); give yours another name")
            found.setdefault(query.name, query)
    return found


def own_query(name: str) -> SavedQuery:
    """casegraph's own saved query ``name``, which the library runs itself (``timeline`` for cg.timeline)."""
    return parse_saved(queries_dir() / f"{name}.rq")


def saved_query(name: str, folders: Iterable[str | Path] = ()) -> SavedQuery:
    """The saved query ``name`` (see :func:`saved_queries`)."""
    queries = saved_queries(folders)
    if name not in queries:
        raise InputError(f"no saved query named {name!r}; saved queries: {', '.join(queries)}")
    return queries[name]
