"""Provenance as a feature: which sources make each answer true (--why), and answers from chosen sources
(--min-confidence, --exclude-source, --known-on ...), on a small hand-made graph and on the bundled data."""

import json
from pathlib import Path

import pytest

from casegraph import CaseGraph
from casegraph.errors import InputError, QueryError

WHY = Path(__file__).parent / "data" / "why.trig"
EX = "https://example.org/"
A, B, C, D = (f"{EX}graph-{x}" for x in "abcd")
PREFIX = "PREFIX ex: <https://example.org/> "


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def small(request):
    return CaseGraph.open([WHY], store=request.param)


def ways(result, **row):
    """The alternatives of the row with these values, as sets of graph IRIs."""
    for found, support in zip(result.rows, result.why):
        if all(found[k] == v for k, v in row.items()):
            return {frozenset(way) for way in support.alternatives}
    raise AssertionError(f"no row {row}")


# --- why ----------------------------------------------------------------------------------------------------

def test_a_row_two_sources_state_independently_has_two_alternatives(small):
    result = small.query(PREFIX + "SELECT ?m WHERE { ?m cg:developedBy ex:meta }", why=True)
    assert ways(result, m=f"{EX}llama") == {frozenset([A]), frozenset([B])}


def test_a_join_needs_the_sources_of_both_triples_together(small):
    result = small.query(PREFIX + "SELECT ?who WHERE { ?who cg:employedBy ?boss . ?boss cg:employedBy ex:meta }",
                         why=True)
    assert ways(result, who=f"{EX}bob") == {frozenset([A, B])}


def test_optional_adds_its_sources_only_when_it_matched(small):
    result = small.query(PREFIX + "SELECT ?m ?label WHERE { ?m cg:developedBy ?org OPTIONAL { ?org rdfs:label ?label } }",
                         why=True)
    assert ways(result, m=f"{EX}llama") == {frozenset([A])}  # A states both; B's own triple adds A's label
    assert ways(result, m=f"{EX}mistral") == {frozenset([C])}  # no label for mistral-ai: nothing added


def test_union_gives_one_alternative_per_branch_that_matched(small):
    result = small.query(PREFIX + "SELECT ?x WHERE { { ?x rdfs:label \"Llama\" } UNION { ?x cg:developedBy ex:meta } }",
                         why=True)
    assert ways(result, x=f"{EX}llama") == {frozenset([A]), frozenset([B])}  # B's label and B's fact: B alone


def test_filter_and_bind_have_no_source_of_their_own(small):
    result = small.query(PREFIX + "SELECT ?m ?n WHERE { ?m cg:developedBy ?o BIND(STR(?m) AS ?n) "
                         "FILTER(CONTAINS(STR(?o), 'mistral')) }", why=True)
    assert [r["m"] for r in result.rows] == [f"{EX}mistral"]
    assert ways(result, m=f"{EX}mistral") == {frozenset([C])}


def test_property_paths_are_traced_triple_by_triple(small):
    sequence = small.query(PREFIX + "SELECT ?who WHERE { ?who cg:employedBy/cg:employedBy ex:meta }", why=True)
    assert ways(sequence, who=f"{EX}bob") == {frozenset([A, B])}
    alternative = small.query(PREFIX + "SELECT ?x WHERE { ?x cg:employedBy|cg:memberOf ex:meta }", why=True)
    assert ways(alternative, x=f"{EX}bob") == {frozenset([D])}
    any_length = small.query(PREFIX + "SELECT ?who WHERE { ?who cg:employedBy+ ex:meta }", why=True)
    assert ways(any_length, who=f"{EX}bob") == {frozenset([A, B])}
    assert ways(any_length, who=f"{EX}alice") == {frozenset([A])}


def test_an_aggregate_row_lists_the_sources_of_every_row_in_its_group(small):
    result = small.query(PREFIX + "SELECT ?o (COUNT(?m) AS ?n) WHERE { ?m cg:developedBy ?o } GROUP BY ?o", why=True)
    meta = next(s for r, s in zip(result.rows, result.why) if r["o"] == f"{EX}meta")
    assert meta.aggregate and meta.alternatives == ((A, B),)


def test_ask_and_the_query_own_graph(small):
    assert set(small.query(PREFIX + "ASK { ex:llama cg:developedBy ex:meta }", why=True).why.alternatives) == {(A,), (B,)}
    # with variables: each solution of the pattern is a way the answer holds
    assert set(small.query(PREFIX + "ASK { ?m cg:developedBy ex:meta }", why=True).why.alternatives) == {(A,), (B,)}
    result = small.query(PREFIX + "SELECT ?g WHERE { GRAPH ?g { ex:llama rdfs:label ?l } }", why=True)
    assert ways(result, g=B) == {frozenset([B])}


def test_sources_of_a_support_carry_url_publisher_and_date(small):
    result = small.query(PREFIX + "SELECT ?m WHERE { ?m cg:developedBy ex:meta }", why=True)
    assert result.sources[B].url == "https://blog.example/b" and result.sources[B].issued == "2025-02"


@pytest.mark.parametrize("text, reason", [
    ("SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }", "sub-queries"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "SELECT and ASK"),
])
def test_what_why_does_not_trace_is_refused_plainly(small, text, reason):
    with pytest.raises(QueryError, match=reason):
        small.query(text, why=True)


def test_derived_relations_are_sourced_by_what_their_derivation_stands_on(bundled):
    cg = CaseGraph.open()
    cg.infer()
    found = cg.query("SELECT ?s ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g = <https://w3id.org/casegraph/id/graph/inferred>) "
                     "FILTER(isIRI(?o)) ?d cg:derivedSubject ?s ; cg:derivedObject ?o } LIMIT 1").rows[0]
    result = cg.query(f"SELECT ?p WHERE {{ <{found['s']}> ?p <{found['o']}> }}", why=True)
    every = {g for support in result.why for g in support.graphs}
    assert "https://w3id.org/casegraph/id/graph/inferred" not in every and every


def test_cli_why_prints_the_documents_of_every_row(run):
    result = run("query", "--why", "SELECT ?m WHERE { ?m cg:developedBy organization:meta-platforms }")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    rows = [line for line in lines[2:] if not line.startswith("    ")]
    assert rows and all(lines[lines.index(r) + 1].startswith("    from: https://") for r in rows)
    llama3 = lines.index("model:llama-3")
    assert lines[llama3 + 2].startswith("    or:   https://")  # several sources state it, each alone
    data = json.loads(run("query", "--why", "--format", "json",
                          "SELECT ?m WHERE { ?m cg:developedBy organization:meta-platforms }").output)
    assert all(row["_why"]["alternatives"] and row["_why"]["alternatives"][0][0]["url"] for row in data)


def test_every_saved_query_answers_with_why(bundled):
    from casegraph.query import saved_queries

    for name, saved in saved_queries().items():
        if saved.params:
            continue
        result = bundled.saved(name, why=True)
        assert len(result.why) == len(result.rows), name
        assert all(s.alternatives for s in result.why), name


# --- why on describe, statements, timeline and path ----------------------------------------------------------

def test_describe_why_gives_each_fact_one_alternative_per_source(small):
    facts = small.describe(f"{EX}llama", why=True).facts
    [made] = [f for f in facts if f.predicate.endswith("developedBy")]
    assert {frozenset(way) for way in made.why.alternatives} == {frozenset([A]), frozenset([B])}
    assert small.describe(f"{EX}llama").facts[0].why is None  # only when asked


def test_why_traces_a_derived_relation_to_its_derivations_in_every_command(inferred):
    rule_made = "https://w3id.org/casegraph/id/graph/inferred"
    [hop] = inferred.path("Mistral AI", "Kadrey v. Meta", why=True)[0].hops
    assert hop.inferred and rule_made not in hop.why.graphs and hop.why.alternatives
    # the derived relations, not the records of their derivations (which the rules' graph itself states)
    derived = [f for f in inferred.describe("Kadrey v. Meta", why=True).facts
               if rule_made in {s.graph for s in f.sources} and "/derivation/" not in (f.value_iri or "")]
    assert derived and all(f.why.alternatives and rule_made not in f.why.graphs for f in derived)


def test_statements_and_timeline_why_name_the_graphs_of_their_sources(bundled):
    [statement] = bundled.statements(speaker="Sony Theakanath", why=True)
    assert {g for way in statement.why.alternatives for g in way} == {s.graph for s in statement.sources}
    moments = bundled.timeline(case="Bartz v. Anthropic", why=True)
    urls = {graph: ref.url for graph, ref in bundled.sources().items()}
    assert all({urls[g] for g in m.why.graphs} == set(m.sources) for m in moments)


@pytest.mark.parametrize("args", [
    ("describe", "Llama 3"), ("statements", "--speaker", "Sony Theakanath"),
    ("timeline", "--case", "Bartz v. Anthropic"), ("--infer", "path", "Mistral AI", "Kadrey v. Meta"),
])
def test_cli_why_on_describe_statements_timeline_and_path(run, args):
    plain = run(*args)
    result = run(*args, "--why")
    assert result.exit_code == 0, result.stderr
    assert "from: https://" in result.output and "from: https://" not in plain.output
    assert "(Midpage, 2025-10-17)" in result.output if "Bartz" in args else True  # publisher and date
    data = json.loads(run(*args, "--why", "--json").output)
    items = {"describe": lambda d: d["facts"], "path": lambda d: d[0]["hops"]}.get(
        next(a for a in args if not a.startswith("--")), lambda d: d)(data)
    assert items and all(item["_why"]["alternatives"][0][0]["url"] for item in items)
    assert "_why" not in json.dumps(json.loads(run(*args, "--json").output))


# --- answers from chosen sources ------------------------------------------------------------------------------

def test_min_confidence_publisher_and_source_choose_graphs(small):
    assert set(small.view_of(min_confidence="M").sources()) == {A, C, D} - {D}  # D rests on B (rated L)
    assert set(small.view_of(publishers=["court daily"]).sources()) == {A}
    assert set(small.view_of(exclude_sources=["https://blog.example/b/"]).sources()) == {A, C}
    assert set(small.view_of(methods=["curated"]).sources()) == {A, B, C}


def test_leaving_a_source_out_changes_the_answer_only_where_it_was_needed(small):
    text = PREFIX + "SELECT ?x WHERE { ?x cg:employedBy ex:meta }"
    assert [r["x"] for r in small.query(text).rows] == [f"{EX}alice"]
    without_a = small.view_of(exclude_sources=["https://news.example/a"])
    assert without_a.query(text).empty
    without_b = small.view_of(exclude_sources=[B])
    assert {r["m"] for r in without_b.query(PREFIX + "SELECT ?m WHERE { ?m cg:developedBy ex:meta }").rows} == {f"{EX}llama"}


def test_known_on_keeps_what_was_published_by_then_and_counts_the_undated(small):
    early = small.view_of(known_on="2024-12-31")
    assert set(early.sources()) == {A}  # D (2024) rests on B (2025-02): not derivable yet
    assert early.selection.undated == {C}
    assert B not in small.view_of(known_on="2025-02-27").sources()  # "2025-02": known once February is over
    assert B in small.view_of(known_on="2025-02-28").sources()


def test_a_view_is_read_only_and_bad_choices_are_refused(small):
    from casegraph import Source
    from rdflib import URIRef, RDFS, Literal

    view = small.view_of(min_confidence="H")
    with pytest.raises(InputError, match="read-only"):
        view.add([(URIRef(f"{EX}x"), RDFS.label, Literal("x"))], source=Source(url="https://e.org", publisher="e",
                                                                              language="en"))
    with pytest.raises(InputError, match="confidence"):
        small.view_of(min_confidence="X")
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        small.view_of(known_on="31/12/2024")
    # A misspelt source or publisher left out would leave every answer as it was: refused, not ignored.
    with pytest.raises(InputError, match="no source has the URL"):
        small.view_of(exclude_sources=["https://news.example/aa"])
    with pytest.raises(InputError, match="no source has the publisher"):
        small.view_of(publishers=["Court Dialy"])


def test_inferred_relations_follow_their_support():
    cg = CaseGraph.open()
    cg.infer()
    inferred = "https://w3id.org/casegraph/id/graph/inferred"
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%s> { ?d a cg:Derivation } }" % inferred
    everything = cg.query(count).rows[0]["n"]
    strong = cg.view_of(min_confidence="H")
    assert 0 < strong.query(count).rows[0]["n"] < everything
    supported = strong.query("SELECT ?from WHERE { GRAPH <%s> { ?d a cg:Derivation ; prov:wasDerivedFrom ?from } }"
                             % inferred).rows
    assert {r["from"] for r in supported} <= set(strong.sources())


def test_cli_known_on_finds_the_unsealed_emails_only_once_published(run):
    before = run("--known-on", "2024-12-31", "statements", "--speaker", "Sony Theakanath")
    assert before.exit_code == 1 and "no statement matches" in before.stderr
    assert "undated left out by --known-on" in before.stderr
    after = run("--known-on", "2025-03-01", "statements", "--speaker", "Sony Theakanath")
    assert after.exit_code == 0 and "LibGen" in after.stdout


def test_cli_source_options_change_stats_and_refuse_bad_values(run):
    def quads(*options):
        return int(next(line.split()[-1] for line in run(*options, "stats").stdout.splitlines()
                        if line.startswith("quads")))

    everything, strong = quads(), quads("--min-confidence", "H")
    assert 0 < strong < everything
    url = "https://chatgptiseatingtheworld.com/2025/02/06/evidence-of-metas-use-of-libgen-dataset-and-seeding-torrents-to-share-files-wanted-to-compete-with-openai-and-mistral"
    assert quads("--exclude-source", url) < everything
    for bad in (run("--known-on", "2025-13-01", "stats"), run("--exclude-source", "https://no.such/page", "stats")):
        assert bad.exit_code == 2 and bad.stderr.count("\n") == 1
