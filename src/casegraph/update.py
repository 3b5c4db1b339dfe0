"""SPARQL 1.1 Update on a casegraph dataset.

Every fact sits in the named graph of the source that states it, and the default graph is the union of those
graphs. So an update writes named graphs only: an operation that would write the default graph itself (``INSERT
DATA`` or a template without ``GRAPH`` and without ``WITH``, ``CLEAR DEFAULT``, ``COPY ... TO DEFAULT``) is
refused with a :class:`~casegraph.errors.QueryError` that says how to name the graph, and nothing is changed.

The graphs of ``USING``, ``USING NAMED`` and the protocol's ``using-graph-uri`` and ``using-named-graph-uri`` are
taken from the store, never fetched from the web (rdflib alone would download them).

>>> from casegraph import CaseGraph
>>> cg = CaseGraph(store="memory")
>>> cg.update('INSERT DATA { GRAPH <urn:note> { <urn:a> rdfs:label "A" } }')
>>> cg.query('ASK { <urn:a> rdfs:label "A" }').boolean
True
>>> cg.update('INSERT DATA { <urn:a> rdfs:label "A" }')
Traceback (most recent call last):
...
casegraph.errors.QueryError: SPARQL update refused: the default graph is the union of the sources' graphs ...
"""

from __future__ import annotations

import re
from typing import Iterable

from pyparsing import ParseBaseException
from rdflib import Dataset, URIRef
from rdflib.plugins.sparql.algebra import translateUpdate
from rdflib.plugins.sparql.evaluate import evalPart
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.sparql import QueryContext, Update
from rdflib.plugins.sparql.update import _fillTemplate, evalUpdate

from .errors import QueryError
from .query import _position_of, _pyparsing_reason, dataset_of
from .vocab import PREFIXES

DEFAULT_IS_UNION = ("the default graph is the union of the sources' graphs and is not written itself; name the "
                    "graph (GRAPH <source> { ... }, WITH <source>, or CLEAR ALL)")


def built_in_prefixes(text: str) -> dict[str, str]:
    """casegraph's prefixes less those ``text`` declares itself, by name or by namespace: rdflib loses a
    prologue's ``PREFIX dc: <http://purl.org/dc/terms/>`` when the namespace is already bound as ``dcterms``.

    >>> "dcterms" in built_in_prefixes("PREFIX dc: <http://purl.org/dc/terms/> ASK {}")
    False
    """
    declared = dict(re.findall(r"(?i)\bPREFIX\s+([\w.-]*):\s*<([^>]*)>", text))
    return {p: iri for p, iri in PREFIXES.items() if p not in declared and iri not in declared.values()}


def parse(text: str, *, base: str | None = None) -> Update:
    """``text`` parsed and translated, relative IRIs resolved against ``base``; a syntax error or an unknown
    prefix is a :class:`QueryError` with its line and column."""
    if not text.strip():
        raise QueryError("the update is empty")
    try:
        return translateUpdate(parseUpdate(text), base=base, initNs=built_in_prefixes(text))
    except ParseBaseException as e:
        raise QueryError(_pyparsing_reason(e), e.lineno, e.col) from None
    except Exception as e:
        match = re.match(r"Unknown namespace prefix\s*:\s*(\S+)", str(e))
        if not match:
            raise
        line, col = _position_of(text, match.group(1) + ":")
        raise QueryError(f"unknown prefix {match.group(1)!r}", line, col) from None


def _refused(reason: str) -> QueryError:
    return QueryError(reason, syntax=False, verb="update refused")


def check(update: Update, *, using: Iterable[str] = (), using_named: Iterable[str] = ()) -> None:
    """Refuse, before anything runs, an operation that writes the default graph, and a ``USING`` or ``WITH``
    clause next to the protocol's ``using-graph-uri`` or ``using-named-graph-uri`` (which one would hold?)."""
    given = bool(list(using) or list(using_named))
    for op in update.algebra:
        if op.name in ("InsertData", "DeleteData", "DeleteWhere") and op.triples:
            raise _refused(DEFAULT_IS_UNION)
        if op.name in ("Clear", "Drop") and op.graphiri == "DEFAULT":
            raise _refused(DEFAULT_IS_UNION)
        if op.name in ("Add", "Move", "Copy") and "DEFAULT" in op.graph:
            raise _refused(DEFAULT_IS_UNION)
        if op.name == "Modify":
            if not op.withClause and any(part and part.triples for part in (op.delete, op.insert)):
                raise _refused(DEFAULT_IS_UNION)
            if given and (op.using or op.withClause):
                raise _refused("the update names its graphs (USING or WITH) and so does the request "
                               "(using-graph-uri or using-named-graph-uri): send them in one place")


def run(dataset: Dataset, text: str, *, using: Iterable[str] = (), using_named: Iterable[str] = (),
        base: str | None = None) -> None:
    """Apply the SPARQL Update ``text`` to ``dataset``, its operations in order.

    ``using`` and ``using_named`` are the protocol's ``using-graph-uri`` and ``using-named-graph-uri``: the
    dataset the ``WHERE`` of each ``DELETE``/``INSERT`` reads. ``base`` resolves relative IRIs.
    """
    using, using_named = list(using), list(using_named)
    update = parse(text, base=base)
    check(update, using=using, using_named=using_named)
    for op in update.algebra:
        try:
            if op.name == "Modify":
                _modify(dataset, op, using, using_named)
            elif op.name == "Create":
                _create(dataset, op)
            else:
                evalUpdate(dataset, Update(update.prologue, [op]))
        except QueryError:
            raise
        except Exception as e:  # the engine's reason, in one line; the operations before this one stay applied
            reason = str(e).splitlines()[0] if str(e) else "the update engine gave no reason"
            raise QueryError(f"{type(e).__name__}: {reason}", syntax=False, verb="update failed") from None


def _create(dataset: Dataset, op) -> None:
    """``CREATE GRAPH``: a graph exists here by holding triples (an empty one is not kept), so creating one is
    a no-op, and an error for a graph that already has triples unless ``SILENT`` (SPARQL 1.1 Update, 3.2.1)."""
    if not op.silent and len(dataset.get_context(op.graphiri)):
        raise QueryError(f"graph <{op.graphiri}> already exists", syntax=False, verb="update failed")


def _modify(dataset: Dataset, op, using: list[str], using_named: list[str]) -> None:
    """``DELETE``/``INSERT ... WHERE``: the solutions first, then every deletion, then every insertion (SPARQL
    1.1 Update, 3.1.3), the ``WHERE`` read from the graphs the request or the ``USING`` clauses name."""
    default = using or [str(u.default) for u in op.using or () if u.default]
    named = using_named or [str(u.named) for u in op.using or () if u.named]
    if default or named:
        context = QueryContext(dataset_of(dataset, default, named), initBindings={})
    else:
        context = QueryContext(dataset, initBindings={})
        if op.withClause:
            context = context.pushGraph(dataset.get_context(op.withClause))
    solutions = list(evalPart(context, op.where))
    target = dataset.get_context(op.withClause) if op.withClause else None
    for part, write in ((op.delete, "remove"), (op.insert, "add")):
        if not part:
            continue
        for solution in solutions:
            for triple in _fillTemplate(part.triples, solution):
                getattr(target, write)(triple)
            for graph, template in part.quads.items():
                name = solution.get(graph)
                if isinstance(name, URIRef):  # an unbound or literal graph name writes nothing
                    for triple in _fillTemplate(template, solution):
                        getattr(dataset.get_context(name), write)(triple)
