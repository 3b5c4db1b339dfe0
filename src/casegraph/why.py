"""Why each answer holds: the source documents that make each row of a SPARQL answer true.

Every fact sits in the named graph of the document that states it, so the sources of a row are the graphs its
matched triples sit in. The query is rewritten so that each triple pattern is matched inside ``GRAPH ?g`` and
answered by the store's own engine; each solution of that rewritten query is one way the row holds, and needs
every graph it matched (a conjunction). The row's *support* lists these ways as alternatives: row R holds because
of (A and B) or C (the how-provenance of the row in the sense of provenance semirings, Green, Karvounarakis and
Tannen, PODS 2007, kept in its minimal form: a way that needs a superset of another's sources is dropped).

What is traced:

- basic patterns and joins: the sources of every matched triple, together;
- OPTIONAL: the optional part's sources when it matched;
- UNION: each branch that matched is an alternative;
- FILTER, BIND, VALUES: nothing of their own (a filter keeps or drops rows, it states nothing);
- property paths: a sequence, an alternative or an inverse path is traced triple by triple; a path of any
  length (``p*``, ``p+``, ``p?``) or a negated one by its shortest chains between the two ends, each chain an
  alternative (longer chains that also connect them are not listed);
- aggregates (GROUP BY, COUNT...): one alternative holding the sources of every row that went into the group;
- triples derived by casegraph's rules (the inferred graph): the sources their derivation stands on.

Not traced: the patterns inside ``FILTER EXISTS`` / ``NOT EXISTS`` and ``MINUS`` (what is absent has no
source), sub-queries, ``SERVICE``, and queries with ``FROM`` / ``FROM NAMED``: these raise QueryError.

>>> from casegraph import CaseGraph
>>> result = CaseGraph.open().query(
...     "SELECT ?m WHERE { ?m cg:developedBy organization:meta-platforms }", why=True)
>>> row, support = result.rows[0], result.why[0]
>>> all(len(way) >= 1 for way in support.alternatives)
True
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass
from itertools import product
from typing import Any

from rdflib import Literal, URIRef, Variable
from rdflib.paths import AlternativePath, InvPath, MulPath, NegatedPath, Path, SequencePath
from rdflib.plugins.sparql import algebra
from rdflib.plugins.sparql.evaluate import evalQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query

from .analysis.projection import INFERRED_GRAPH
from .errors import QueryError
from .vocab import PREFIXES

#: how many ways one row may be listed before the rest are left out (a row matched by a very common pattern)
MAX_ALTERNATIVES = 64
INFERRED = str(INFERRED_GRAPH)
#: the argument the refusals below are about (the CLI says --why, the endpoint why=1)
WHY = "why=True"


@dataclass(frozen=True)
class Support:
    """The sources that make one row true: ``alternatives``, each a tuple of graph IRIs that together suffice
    (any one alternative does). ``aggregate`` when the row sums up a group: its one alternative holds the
    sources of every row in the group. An empty alternative means the row holds with no source at all
    (a row made of VALUES only)."""

    alternatives: tuple[tuple[str, ...], ...]
    aggregate: bool = False

    @property
    def graphs(self) -> set[str]:
        """Every graph named in any alternative."""
        return {g for way in self.alternatives for g in way}


def explain(cg, text: str, result) -> list[Support] | Support:
    """The support of each row of ``result``, the answer to the SELECT ``text`` (rows matched by their values),
    or of the answer of an ASK. ``text`` has its bindings applied already."""
    from .query import plain

    parsed = _prepare(text)
    if parsed.algebra.get("datasetClause"):
        raise QueryError("{parameter} does not trace queries with FROM or FROM NAMED", syntax=False, parameter=WHY)
    kind = parsed.algebra.name
    if kind not in ("SelectQuery", "AskQuery"):
        raise QueryError("{parameter} answers SELECT and ASK queries", syntax=False, parameter=WHY)
    pattern, keys, aggregate = _pattern_and_keys(parsed.algebra)
    tracer = _Tracer()
    traced = tracer.trace(pattern, guard=(), inside=None)
    shown = sorted({*keys, *pattern.get("_vars", ()), *tracer.fresh}, key=str)
    witness = Query(parsed.prologue, CompValue("SelectQuery", p=algebra.Project(traced, shown),
                                               datasetClause=None, PV=shown))
    # The rewritten pattern is evaluated by rdflib's engine on the store's rdflib view, as an algebra tree: rdflib
    # cannot write every pattern back as SPARQL text for the store's own engine (a BIND in a UNION branch).
    try:
        solutions = list(evalQuery(cg.dataset, witness, {})["bindings"])
    except Exception as e:
        raise QueryError(f"{{parameter}} could not trace this query ({type(e).__name__}: {str(e).splitlines()[0]})",
                         syntax=False, parameter=WHY) from None

    names = [str(v) for v in keys]
    ways: dict[tuple, set[frozenset]] = defaultdict(set)
    lookup = _Lookup(cg)
    for binding in solutions:
        key = tuple(plain(binding.get(v)) for v in keys)
        ways[key].update(tracer.support_of(binding, lookup))
    if kind == "AskQuery":  # every solution of the pattern is a way the answer holds, whatever it binds
        return Support(_minimal(set().union(*ways.values())))
    supports = []
    for row in result.rows:
        found = ways.get(tuple(row.get(name) for name in names), set())
        if aggregate:
            supports.append(Support((tuple(sorted({g for way in found for g in way})),) if found else (),
                                    aggregate=True))
        else:
            supports.append(Support(_minimal(found)))
    return supports


def _prepare(text: str):
    from rdflib.plugins.sparql import prepareQuery

    try:
        return prepareQuery(text, initNs=PREFIXES)
    except Exception as e:  # the query itself was answered: this is rdflib's parser failing on it
        raise QueryError(f"{{parameter}} could not read the query: {str(e).splitlines()[0]}", syntax=False, parameter=WHY) from None


def _pattern_and_keys(query: CompValue) -> tuple[CompValue, list[Variable], bool]:
    """The pattern under the solution modifiers, the variables a row is matched by, and whether it groups."""
    node = query.p
    projected: list[Variable] = list(query.get("PV") or [])
    if _has_group(node):
        while node.name != "AggregateJoin":  # through the projection, HAVING and the aggregates' BINDs
            node = node.p
        group = node.p
        grouped = [e for e in (group.expr or []) if isinstance(e, Variable)]
        return group.p, [v for v in projected if v in grouped], True
    while node.name in ("Slice", "Distinct", "Reduced", "OrderBy"):
        node = node.p
    if node.name == "Project":  # the query's own projection, not a sub-query's below it
        node = node.p
    while node.name == "OrderBy":
        node = node.p
    return node, projected, False


#: what rdflib puts above a query's grouping: solution modifiers, HAVING, the aggregates' BINDs
_ABOVE_GROUP = ("Slice", "Distinct", "Reduced", "OrderBy", "Project", "Extend", "Filter")


def _has_group(node: CompValue) -> bool:
    """Whether the query itself groups (a sub-query's grouping, further down, does not count)."""
    while node.name in _ABOVE_GROUP:
        node = node.p
    return node.name == "AggregateJoin"


class _Tracer:
    """Reads what a pattern matches: each triple pattern becomes a template, instantiated with each solution of
    the pattern and looked up in the store for the graphs that hold it. A UNION branch or an OPTIONAL part
    binds a marker variable when it matched, so that only the triples of the parts that matched count."""

    def __init__(self):
        #: (markers that must be bound, the query's own GRAPH term or None, s, p, o)
        self.templates: list[tuple[tuple, Any, Any, Any, Any]] = []
        self.paths: list[tuple[tuple, Any, Path, Any]] = []
        self.fresh: list[Variable] = []

    def _new(self) -> Variable:
        variable = Variable(f"__why{len(self.fresh) + 1}")
        self.fresh.append(variable)
        return variable

    def _marked(self, node: CompValue, guard: tuple, inside) -> CompValue:
        marker = self._new()  # a one-row VALUES joined to the part
        mark = algebra.ToMultiSet(CompValue("values", res=[{marker: Literal(True)}]))
        return _join(self.trace(node, (*guard, marker), inside), mark)

    def trace(self, node: CompValue, guard: tuple, inside) -> CompValue:
        name = node.name
        if name == "BGP":  # kept whole (rdflib orders its triples), the paths that need it written out after
            plain = [(s, p, o) for s, p, o in node.triples if not isinstance(p, (SequencePath, AlternativePath))]
            for s, p, o in plain:
                self._triple(s, p, o, guard, inside)
            written = [self._triple(s, p, o, guard, inside) for s, p, o in node.triples if (s, p, o) not in plain]
            return _joined([algebra.BGP(plain)] + written) if written else node
        if name == "Graph":  # the query's own GRAPH: its triples' source is that graph
            return algebra.Graph(node.term, self.trace(node.p, guard, inside=node.term))
        if name == "Join":
            joined = algebra.Join(self.trace(node.p1, guard, inside), self.trace(node.p2, guard, inside))
            joined["lazy"] = node.get("lazy")
            return joined
        if name == "Union":
            return algebra.Union(self._marked(node.p1, guard, inside), self._marked(node.p2, guard, inside))
        if name == "LeftJoin":
            return algebra.LeftJoin(self.trace(node.p1, guard, inside), self._marked(node.p2, guard, inside),
                                    node.expr)
        if name == "Minus":  # what must be absent has no source
            return algebra.Minus(self.trace(node.p1, guard, inside), node.p2)
        if name == "Filter":
            return algebra.Filter(node.expr, self.trace(node.p, guard, inside))
        if name == "Extend":
            return algebra.Extend(self.trace(node.p, guard, inside), node.expr, node.var)
        if name == "values" or (name == "ToMultiSet" and node.p.name == "values"):
            return node
        if name == "ToMultiSet":  # a sub-query's answer joined in
            raise QueryError("{parameter} does not trace sub-queries", syntax=False, parameter=WHY)
        if name in ("Project", "SelectQuery"):
            raise QueryError("{parameter} does not trace sub-queries", syntax=False, parameter=WHY)
        raise QueryError(f"{{parameter}} does not trace {name} patterns", syntax=False, parameter=WHY)

    def _triple(self, s, p, o, guard: tuple, inside) -> CompValue:
        if isinstance(p, InvPath) and not isinstance(p.arg, Path):
            return self._triple(o, p.arg, s, guard, inside)
        if isinstance(p, SequencePath):  # as the standard defines it: a join through fresh variables
            ends = [s] + [self._new() for _ in p.args[1:]] + [o]
            return _joined([self._triple(ends[i], step, ends[i + 1], guard, inside)
                            for i, step in enumerate(p.args)])
        if isinstance(p, AlternativePath):  # a union, each branch marked
            branches = [p.args[0]] + list(p.args[1:])
            joined = self._marked(algebra.BGP([(s, branches[0], o)]), guard, inside)
            for step in branches[1:]:
                joined = algebra.Union(joined, self._marked(algebra.BGP([(s, step, o)]), guard, inside))
            return joined
        if isinstance(p, Path):  # any length, negated: traced by its shortest chains
            self.paths.append((guard, s, p, o))
        else:
            self.templates.append((guard, inside, s, p, o))
        return algebra.BGP([(s, p, o)])

    def support_of(self, binding: dict, lookup: "_Lookup") -> list[frozenset]:
        """The ways one solution holds (usually one)."""
        ways: list[frozenset] = [frozenset()]
        for guard, inside, *triple in self.templates:
            if any(binding.get(m) is None for m in guard):
                continue  # an OPTIONAL part or a UNION branch that did not match
            s, p, o = (binding.get(t) if isinstance(t, Variable) else t for t in triple)
            if s is None or p is None or o is None:
                continue
            if inside is not None:
                graph = binding.get(inside) if isinstance(inside, Variable) else inside
                options = lookup.expand([str(graph)], (s, p, o)) if graph is not None else []
            else:
                options = lookup.expand(lookup.cg._store.graphs_of(s, p, o), (s, p, o))  # noqa: SLF001
            if options:
                ways = _times(ways, options)
        for guard, s, path, o in self.paths:
            if any(binding.get(m) is None for m in guard):
                continue
            start, end = (binding.get(t) if isinstance(t, Variable) else t for t in (s, o))
            if start is not None and end is not None:
                ways = _times(ways, lookup.chains(str(start), path, str(end)))
        return ways


def _join(left: CompValue, right: CompValue) -> CompValue:
    """A join that evaluates ``right`` for each solution of ``left``, as rdflib does for the joins it makes
    itself (a join of two patterns evaluated apart read every triple of a pattern like ``?a ?p ?b``)."""
    joined = algebra.Join(left, right)
    joined["lazy"] = True
    return joined


def _joined(parts: list[CompValue]) -> CompValue:
    joined = parts[0]
    for part in parts[1:]:
        joined = _join(joined, part)
    return joined


def _times(ways: list[frozenset], options: list[frozenset]) -> list[frozenset]:
    """Every way of ``ways`` joined with every one of ``options``: (A or B) and (C or D)."""
    joined = {a | b for a, b in product(ways, options)}
    return sorted(joined, key=lambda way: (len(way), sorted(way)))[:MAX_ALTERNATIVES]


def _minimal(ways) -> tuple[tuple[str, ...], ...]:
    """The ways that need no more than another (A suffices: A and B adds nothing), sorted."""
    ordered = sorted(set(ways), key=lambda way: (len(way), sorted(way)))
    kept: list[frozenset] = []
    for way in ordered:
        if not any(other <= way for other in kept):
            kept.append(way)
    return tuple(tuple(sorted(way)) for way in kept[:MAX_ALTERNATIVES])


class _Lookup:
    """Reads, once per query, the triples a traced path walks and the support of derived triples."""

    def __init__(self, cg):
        self.cg = cg
        self.edges: dict[str, dict[str, dict[str, set[str]]]] = {}  # predicate -> subject -> object -> graphs
        self._derivations: dict[tuple, list[frozenset]] | None = None

    def _of(self, predicate: str) -> dict[str, dict[str, set[str]]]:
        if predicate not in self.edges:
            found: dict = defaultdict(lambda: defaultdict(set))
            for s, _p, o, g in self.cg.plain_quads([URIRef(predicate)]):
                found[s][o].add(g)
            self.edges[predicate] = found
        return self.edges[predicate]

    def _steps(self, path, node: str):
        """(next node, graphs) for each step of ``path`` (an IRI, an inverse IRI, or alternatives of those)."""
        if isinstance(path, URIRef):
            yield from self._of(str(path)).get(node, {}).items()
        elif isinstance(path, InvPath) and isinstance(path.arg, URIRef):
            for s, targets in self._of(str(path.arg)).items():
                if node in targets:
                    yield s, targets[node]
        elif isinstance(path, AlternativePath):
            for step in path.args:
                yield from self._steps(step, node)
        else:
            raise QueryError(f"{{parameter}} does not trace the property path {path.n3()}", syntax=False, parameter=WHY)

    def chains(self, start: str, path: Path, end: str) -> list[frozenset]:
        """The sources of each shortest chain of ``path`` from ``start`` to ``end``: alternatives."""
        if isinstance(path, NegatedPath):
            rows = self.cg.query(f"SELECT ?p ?g WHERE {{ GRAPH ?g {{ <{start}> ?p <{end}> }} }}").rows
            excluded = {str(p) for p in path.args if isinstance(p, URIRef)}
            return [frozenset([r["g"]]) for r in rows if r["p"] not in excluded] or [frozenset()]
        if isinstance(path, MulPath):
            if start == end and path.mod in ("*", "?"):
                return [frozenset()]
            step, longest = path.path, (1 if path.mod == "?" else None)
        else:
            step, longest = path, 1
        # Breadth first from start: the predecessors of each node on a shortest chain, then every such chain.
        before: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
        depth, frontier, seen = 0, deque([start]), {start: 0}
        while frontier and end not in seen and (longest is None or depth < longest):
            depth += 1
            next_frontier = deque()
            for node in frontier:
                for target, graphs in self._steps(step, node):
                    if target not in seen:
                        seen[target] = depth
                        next_frontier.append(target)
                    if seen[target] == depth:
                        before[target].append((node, graphs))
            frontier = next_frontier
        if end not in seen or end == start:
            return [frozenset()]

        def ways(node: str) -> list[frozenset]:
            if node == start:
                return [frozenset()]
            found: list[frozenset] = []
            for previous, graphs in before[node]:
                found += _times(ways(previous), [frozenset([g]) for g in graphs])
            return found[:MAX_ALTERNATIVES]

        return ways(end)

    def expand(self, graphs: list[str], triple: tuple) -> list[frozenset]:
        """One alternative per graph; the rules' inferred graph is replaced by what the triple's derivations
        stand on."""
        options: list[frozenset] = []
        for graph in graphs:
            if graph == INFERRED:
                options += self.derivation_support(tuple(str(t) for t in triple))
            else:
                options.append(frozenset([graph]))
        return options

    def derivation_support(self, triple: tuple) -> list[frozenset]:
        """The sources each derivation of a derived triple stands on (alternatives)."""
        if self._derivations is None:
            from .analysis.inference import supports_by_triple

            self._derivations = supports_by_triple(self.cg)
        return self._derivations.get(triple) or [frozenset([INFERRED])]


class FactSupport:
    """The support of facts whose sources are known already: a description's facts, statements, timeline
    moments, path hops. Each source that states the fact is one way it holds; the rules' inferred graph is
    replaced by what the fact's derivations stand on, as for a query's rows.

    >>> from casegraph import CaseGraph
    >>> cg = CaseGraph.open()
    >>> fact = next(f for f in cg.describe("Llama 3", why=True).facts if f.predicate_label == "developed by")
    >>> len(fact.why.alternatives) == len(fact.sources)   # each source states it on its own
    True
    """

    def __init__(self, cg):
        self.sources = cg.sources()
        self._lookup = _Lookup(cg)
        self._by_url: dict[str, list[str]] = defaultdict(list)
        for graph, ref in self.sources.items():
            if ref.url:
                self._by_url[ref.url].append(graph)

    def of_graphs(self, graphs, triple: tuple | None = None) -> Support:
        """The support of a fact stated in ``graphs``; ``triple`` (s, p, o) finds its derivations when one of
        them is the inferred graph."""
        graphs = sorted(set(graphs))
        ways = self._lookup.expand(graphs, triple) if triple else [frozenset([g]) for g in graphs]
        return Support(_minimal(ways))

    def of_urls(self, urls, triple: tuple | None = None) -> Support:
        """The same, for a fact whose sources are given by their documents' URLs (a timeline moment, a hop)."""
        return self.of_graphs([g for url in urls for g in self._by_url.get(url, [url])], triple)
