"""SPARQL Update through the facade (``CaseGraph.update``), on the memory store and on Oxigraph."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from casegraph import CaseGraph
from casegraph.errors import QueryError

G = "urn:source"
START = f'INSERT DATA {{ GRAPH <{G}> {{ <urn:a> <urn:p> <urn:b> . <urn:b> <urn:p> <urn:a> . <urn:a> <urn:n> "old" }} }}'


@pytest.fixture(params=["memory", "oxigraph"])
def cg(request):
    graph = CaseGraph(store=request.param)
    graph.update(START)
    yield graph
    graph.close()


def quads(cg) -> set:
    return set(cg.dataset.quads((None, None, None, None)))


@pytest.mark.parametrize("update", [
    'INSERT DATA { <urn:x> <urn:p> "x" }',
    'DELETE DATA { <urn:a> <urn:p> <urn:b> }',
    'DELETE WHERE { <urn:a> ?p ?o }',
    'INSERT { ?s <urn:q> ?o } WHERE { GRAPH ?g { ?s <urn:p> ?o } }',
    'CLEAR DEFAULT',
    'DROP DEFAULT',
    f'COPY <{G}> TO DEFAULT',
    'INSERT DATA { GRAPH <urn:other> { <urn:x> <urn:p> "x" } } ; INSERT DATA { <urn:y> <urn:p> "y" }',
])
def test_a_write_to_the_default_graph_is_refused_before_anything_changes(cg, update):
    before = quads(cg)
    with pytest.raises(QueryError, match="default graph is the union"):
        cg.update(update)
    assert quads(cg) == before


def test_delete_insert_reads_every_solution_before_writing(cg):
    # Reversing every edge keeps both edges of a cycle; deleting and inserting solution by solution loses one.
    cg.update(f"DELETE {{ GRAPH <{G}> {{ ?x <urn:p> ?y }} }} INSERT {{ GRAPH <{G}> {{ ?y <urn:p> ?x }} }} "
              f"WHERE {{ GRAPH <{G}> {{ ?x <urn:p> ?y }} }}")
    assert {(s, o) for s, _, o in cg.dataset.get_context(URIRef(G)).triples((None, URIRef("urn:p"), None))} == \
        {(URIRef("urn:a"), URIRef("urn:b")), (URIRef("urn:b"), URIRef("urn:a"))}


def test_with_names_the_graph_read_and_written(cg):
    cg.update(f'WITH <{G}> DELETE {{ ?s <urn:n> "old" }} INSERT {{ ?s <urn:n> "new" }} WHERE {{ ?s <urn:n> "old" }}')
    assert set(cg.dataset.get_context(URIRef(G)).objects(URIRef("urn:a"), URIRef("urn:n"))) == {Literal("new")}
    assert cg.query('ASK { <urn:a> <urn:n> "new" }').boolean  # the union sees the change: caches were dropped


def test_using_graphs_come_from_the_store_and_are_never_fetched(cg, tmp_path):
    outside = tmp_path / "outside.ttl"
    outside.write_text('<urn:fetched> <urn:p> "from a file" .\n', encoding="utf-8")
    cg.update(f"INSERT {{ GRAPH <urn:out> {{ ?s <urn:seen> ?o }} }} USING <{outside.as_uri()}> "
              "WHERE { ?s <urn:p> ?o }")
    assert not cg.query("ASK { ?s <urn:seen> ?o }").boolean  # rdflib alone would have read the file
    cg.update("INSERT { GRAPH <urn:out> { ?s <urn:seen> ?o } } WHERE { ?s <urn:p> ?o }", using=[G])
    assert len(cg.dataset.get_context(URIRef("urn:out"))) == 2


def test_using_named_limits_the_graphs_a_where_sees(cg):
    cg.update('INSERT DATA { GRAPH <urn:second> { <urn:c> <urn:p> <urn:d> } }')
    cg.update("INSERT { GRAPH <urn:out> { ?s <urn:in> ?g } } WHERE { GRAPH ?g { ?s <urn:p> ?o } }",
              using_named=["urn:second"])
    assert set(cg.dataset.get_context(URIRef("urn:out")).objects(None, URIRef("urn:in"))) == {URIRef("urn:second")}


def test_the_request_and_the_update_may_not_both_name_the_graphs(cg):
    before = quads(cg)
    with pytest.raises(QueryError, match="send them in one place"):
        cg.update(f'WITH <{G}> DELETE {{ ?s <urn:n> "old" }} WHERE {{ ?s <urn:n> "old" }}', using_named=["urn:x"])
    assert quads(cg) == before


def test_relative_iris_resolve_against_the_base(cg):
    cg.update(f"INSERT DATA {{ GRAPH <{G}> {{ <urn:a> <urn:link> <doc> }} }}", base="http://127.0.0.1:8000/sparql")
    assert cg.query("ASK { <urn:a> <urn:link> <http://127.0.0.1:8000/doc> }").boolean


def test_syntax_errors_and_unknown_prefixes_say_where(cg):
    with pytest.raises(QueryError, match="line 1"):
        cg.update("CLEAR XYZ")
    with pytest.raises(QueryError, match="unknown prefix 'nope'"):
        cg.update(f"INSERT DATA {{ GRAPH <{G}> {{ nope:a <urn:p> 1 }} }}")


def test_create_graph_fails_only_for_a_graph_that_has_triples(cg):
    cg.update("CREATE GRAPH <urn:new>")  # no-op: a graph exists here by holding triples
    cg.update(f"CREATE SILENT GRAPH <{G}>")
    with pytest.raises(QueryError, match="already exists"):
        cg.update(f"CREATE GRAPH <{G}>")
