"""Relations computed with networkx: the projection, paths, neighbourhoods, centrality, communities, exports."""

import networkx as nx
import pytest
from rdflib import URIRef

from casegraph import NotFoundError
from casegraph.analysis import NoPathError, communities, neighbors, paths, rank

KADREY = "https://w3id.org/casegraph/id/case/cand-3-23-cv-03417"
ORG = "https://w3id.org/casegraph/id/organization/"


@pytest.fixture
def five():
    """Five hand-built nodes: a chain a-b-c with two relations between b and c, a lone pair d-e."""
    G = nx.MultiDiGraph()
    for node in "abcde":
        G.add_node(node, label=node.upper(), kind="thing", tier=0)
    G.add_edge("a", "b", key="knows", predicate="knows", label="knows", sources=["https://s/1"])
    G.add_edge("c", "b", key="cites", predicate="cites", label="cites", sources=["https://s/2"], date="2024-01")
    G.add_edge("b", "c", key="rivals", predicate="rivals", label="rivals", sources=["inferred"], inferred=True)
    G.add_edge("d", "e", key="knows", predicate="knows", label="knows", sources=["https://s/3"])
    return G


def test_path_tells_each_hop_in_its_true_direction(five):
    [path] = paths(five, "a", "c")
    assert [(h.subject, h.relation, h.object) for h in path.hops] == [("a", "knows", "b"), ("c", "cites", "b")]
    assert path.explain().splitlines() == ["1. A —knows→ B (source: https://s/1)",
                                           "2. C —cites→ B [2024-01] (source: https://s/2)"]


def test_curated_relations_are_preferred_over_inferred_ones(five):
    [path] = paths(five, "b", "c")
    assert path.hops[0].relation == "cites" and not path.hops[0].inferred
    [only_inferred] = paths(five, "b", "c", exclude=("cites",))
    assert only_inferred.hops[0].inferred
    with pytest.raises(NoPathError):
        paths(five, "b", "c", exclude=("cites",), include_inferred=False)


def test_no_path_between_disconnected_entities(five):
    with pytest.raises(NoPathError, match="no path between 'A' and 'E'"):
        paths(five, "a", "e")


def test_self_path_is_empty(five):
    [path] = paths(five, "a", "a")
    assert len(path) == 0 and path.explain() == "A is A itself."


def test_k_shortest_paths_come_shortest_first():
    G = nx.MultiDiGraph([("s", "x"), ("x", "t"), ("s", "y"), ("y", "z"), ("z", "t")])
    found = paths(G, "s", "t", k=5)
    assert [len(p) for p in found] == [2, 3]


def test_neighbors_count_relations_within_depth(five):
    ego = neighbors(five, "a", depth=2)
    assert [(n, d) for n, _l, _k, d in ego.nodes] == [("b", 1), ("c", 2)]
    assert ego.relations == {"knows": 1, "cites": 1, "rivals": 1}
    assert neighbors(five, "a", depth=2, include_inferred=False).relations == {"knows": 1, "cites": 1}


def test_rank_by_degree_counts_parallel_relations(five):
    scores = rank(five, "degree")
    assert scores["b"] == 3 and scores["c"] == 2 and scores["a"] == 1


@pytest.mark.parametrize("by", ["pagerank", "betweenness"])
def test_backends_agree_on_a_small_graph(by):
    G = nx.MultiDiGraph(nx.karate_club_graph())
    reference, fast = rank(G, by, backend="networkx"), rank(G, by, backend="igraph")
    assert max(abs(reference[n] - fast[n]) for n in G) < 1e-4


def test_sampled_betweenness_is_the_same_estimate_on_both_backends():
    G = nx.MultiDiGraph(nx.barabasi_albert_graph(200, 2, seed=3))
    reference = rank(G, "betweenness", backend="networkx", samples=40, seed=7)
    fast = rank(G, "betweenness", backend="igraph", samples=40, seed=7)
    assert max(abs(reference[n] - fast[n]) for n in G) < 1e-9


def test_communities_split_two_triangles():
    G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
    for backend in ("networkx", "igraph"):
        groups = communities(G, backend=backend)
        assert sorted(sorted(n for n, _l in g.members) for g in groups) == [["a", "b", "c"], ["x", "y", "z"]]


# --- on the bundled graph ---------------------------------------------------------------------------------

def test_projection_keeps_literals_out_and_labels_in(bundled):
    G = bundled.project()
    iris = {str(s) for s in bundled.dataset.subjects()} | {str(o) for o in bundled.dataset.objects()
                                                             if isinstance(o, URIRef)}
    assert all(type(n) is str and n in iris for n in G.nodes), "nodes are the IRIs of entities, never literals"
    meta = G.nodes[ORG + "meta-platforms"]
    assert meta["label"] == "Meta Platforms, Inc." and meta["kind"] == "company"
    assert all(d["sources"] for _u, _v, d in G.edges(data=True))
    # Source documents stay out of the projection: the ontology marks them cg:projected false.
    assert not any("/id/document/" in str(n) for n in G.nodes)


def test_collapsed_statements_become_said_about_edges(bundled):
    G = bundled.project(collapse=True)
    al_dahle, mistral = str(bundled.entity("Al-Dahle").iri), ORG + "mistral-ai"
    said = [d for d in G.get_edge_data(al_dahle, mistral).values() if d["label"] == "said about"]
    assert said and said[0]["via"].endswith("al-dahle-mistral-peanuts")
    assert not any("/id/statement/" in str(n) for n in G.nodes)


def test_path_from_mistral_to_the_kadrey_case(bundled):
    found = bundled.path("Mistral AI", "Kadrey v. Meta", k=3)
    assert len(found) == 3 and len(found[0]) <= len(found[-1])
    for path in found:
        assert path.hops[-1].object == KADREY or path.hops[-1].subject == KADREY
        for hop in path.hops:
            assert hop.relation and hop.sources and all(s.startswith("http") for s in hop.sources)


def test_unknown_name_in_path_suggests(bundled):
    with pytest.raises(NotFoundError):
        bundled.path("Mistrall AI", "Kadrey v. Meta")


def test_rank_backends_give_the_same_ranking_on_the_bundled_graph(bundled):
    for by in ("pagerank", "betweenness"):
        reference = bundled.rank(by, top=15, backend="networkx")
        fast = bundled.rank(by, top=15, backend="igraph")
        reference_score = {r.iri: r.score for r in bundled.rank(by, top=30, backend="networkx")}
        # The same entities rank by rank, except that two whose scores the backends' iterations cannot tell
        # apart (within 1e-4 relative) may come in either order.
        for r, f in zip(reference, fast):
            assert f.iri == r.iri or reference_score.get(f.iri, 0) == pytest.approx(r.score, rel=1e-4), (by, r, f)
    assert bundled.rank("pagerank", top=1)[0].iri == KADREY


def test_graphml_and_gexf_open_with_networkx_readers(bundled, tmp_path):
    G = bundled.project()
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"kadrey.{fmt}"
        bundled.export(fmt, path)
        loaded = reader(path)
        assert loaded.number_of_nodes() == G.number_of_nodes()
        assert loaded.number_of_edges() == G.number_of_edges()
        node = loaded.nodes[ORG + "meta-platforms"]
        assert node["label"] == "Meta Platforms, Inc." and node["kind"] == "company"
        assert {d["label"] for _u, _v, d in loaded.edges(data=True)} >= {"defendant", "employed by", "mentions"}


# --- inference ----------------------------------------------------------------------------------------------

CURATED_ONLY = """
SELECT ?rival WHERE {
  GRAPH ?g { organization:meta-platforms cg:competesWith ?rival }
  ?g cg:method cg:CuratedByHand .
}"""
INFERRED_ONLY = """
SELECT ?rival WHERE { GRAPH graph:inferred { organization:meta-platforms cg:competesWith ?rival } }"""
SUPPORT = """
SELECT ?support WHERE {
  GRAPH graph:inferred { ?d cg:derivedSubject organization:meta-platforms ; cg:derivedObject ?rival ;
                            cg:derivedPredicate cg:competesWith ; cg:rule cg:CompetesRule ; cg:supportedBy ?support }
}"""


def test_infer_adds_competition_with_openai_and_anthropic(inferred):
    rivals = {r["rival"] for r in inferred.query(INFERRED_ONLY)}
    assert {ORG + "openai", ORG + "anthropic"} <= rivals
    assert inferred.query(CURATED_ONLY).empty


def test_derivations_name_their_supporting_statements(inferred):
    openai = {r["support"] for r in inferred.query(SUPPORT, rival=URIRef(ORG + "openai"))}
    assert "https://w3id.org/casegraph/id/statement/al-dahle-2023-10-gpt4-goal" in openai
    anthropic = {r["support"] for r in inferred.query(SUPPORT, rival=URIRef(ORG + "anthropic"))}
    assert anthropic, "the Anthropic derivation names what supports it"
    assert inferred.validate().conforms, inferred.validate().text


def test_infer_twice_adds_nothing(inferred):
    before = set(inferred.dataset.quads((None, None, None, None)))
    report = inferred.infer()
    assert report.added == 0 and report.before == report.after
    assert set(inferred.dataset.quads((None, None, None, None))) == before


def test_inferred_edges_appear_in_the_projection_and_can_be_left_out(inferred):
    meta, openai = ORG + "meta-platforms", ORG + "openai"
    assert any(d["inferred"] for d in inferred.project().get_edge_data(meta, openai).values())
    without = inferred.project(include_inferred=False).get_edge_data(meta, openai) or {}
    assert not any(d["inferred"] for d in without.values())
