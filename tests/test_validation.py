"""validate() checks the SHACL shapes and that every graph names its source; the report names node and rule."""

from pathlib import Path

from rdflib import RDFS, Literal, URIRef

from casegraph import CaseGraph, Source
from casegraph.vocab import CG

DATA = Path(__file__).parent / "data"

PREFIXES = """
@prefix cg: <https://w3id.org/casegraph/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix g: <https://example.org/graph/> .
@prefix ex: <https://example.org/> .
"""

SOURCED = PREFIXES + """
g:one {
  g:one a cg:SourceGraph ; prov:wasDerivedFrom ex:doc ; cg:method cg:CuratedByHand .
  ex:doc a cg:SourceDocument ; schema:url <https://example.org/doc> ; dcterms:publisher "Ex" ;
         dcterms:language "en" .
  %s
}
"""


def test_the_mini_graph_conforms(mini):
    report = mini.validate()
    assert report.conforms, report.text


def test_a_statement_without_speaker_fails_naming_the_node_and_the_rule(tmp_path):
    bad = tmp_path / "no-speaker.trig"
    bad.write_text(SOURCED % 'ex:quote a cg:Statement ; cg:text "Hello"@en .', encoding="utf-8")
    report = CaseGraph.open([bad]).validate()
    assert not report.conforms
    [result] = [r for r in report.results if "every statement has a speaker" in r.message]
    assert result.focus == "https://example.org/quote"
    assert "<https://example.org/quote>" in result.message and "Or" in result.message


def test_a_case_without_court_fails_and_one_without_docket_is_warned_about(tmp_path):
    bad = tmp_path / "case.trig"
    bad.write_text(SOURCED % 'ex:case a cg:LegalCase ; rdfs:label "A v. B" .', encoding="utf-8")
    report = CaseGraph.open([bad]).validate()
    rules = {r.path: (r.rule, r.severity) for r in report.results}
    assert rules["cg:court"] == ("every case has exactly one court (cg:court), a cg:Court", "Violation")
    assert rules["cg:docketNumber"] == ("no source gives this case's docket number (cg:docketNumber) yet", "Warning")
    assert "warning: " in report.text


def test_a_case_with_a_court_and_no_docket_conforms_with_a_warning(tmp_path):
    case = tmp_path / "case.trig"
    case.write_text(SOURCED % 'ex:case a cg:LegalCase ; rdfs:label "A v. B" ; cg:court ex:court . '
                    'ex:court a cg:Court ; rdfs:label "A court" .', encoding="utf-8")
    report = CaseGraph.open([case]).validate()
    assert report.conforms and [r.severity for r in report.results] == ["Warning"]
    assert report.text.startswith("conforms, with 1 warning:")


def test_a_claim_without_status_fails(tmp_path):
    bad = tmp_path / "claim.trig"
    bad.write_text(SOURCED % 'ex:c a cg:Claim ; cg:assertedBy ex:doc ; cg:claimText "x"@en .', encoding="utf-8")
    report = CaseGraph.open([bad]).validate()
    assert any(r.path == "cg:status" and "status" in r.rule for r in report.results)


def test_a_graph_without_source_fails(tmp_path):
    bare = tmp_path / "bare.trig"
    bare.write_text(PREFIXES + 'g:two { ex:x rdfs:label "x" . }', encoding="utf-8")
    report = CaseGraph.open([bare]).validate()
    assert not report.conforms
    assert any("named graph names" in r.rule and r.focus == "https://example.org/graph/two" for r in report.results)


def test_triples_added_through_the_api_carry_their_source():
    cg = CaseGraph.open([DATA / "mini.trig"])
    src = Source(url="https://example.org/new", publisher="Ex", language="en")
    cg.add([(URIRef("https://example.org/q"), CG.medium, Literal("email"))], source=src)
    assert cg.validate().conforms


def test_triples_outside_any_named_graph_fail(tmp_path):
    loose = tmp_path / "loose.trig"
    loose.write_text(SOURCED % "" + 'ex:x rdfs:label "no source" .\n', encoding="utf-8")
    report = CaseGraph.open(loose).validate()  # they are in a graph named after the file, which has no source
    assert not report.conforms
    assert any(r.focus == loose.resolve().as_uri() and "source document" in r.rule for r in report.results)
    cg = CaseGraph()  # added through rdflib into the default graph itself
    cg.dataset.default_graph.add((URIRef("https://example.org/x"), RDFS.label, Literal("no source")))
    assert any("outside any named graph" in r.rule for r in cg.validate().results)


def test_role_sub_properties_are_checked(tmp_path):
    bad = tmp_path / "judge.trig"
    bad.write_text(SOURCED % ('ex:case a cg:LegalCase ; rdfs:label "A v. B" ; cg:court ex:court ; '
                              'cg:docketNumber "1" ; cg:presidingJudge ex:court . '
                              'ex:court a cg:Court ; rdfs:label "Court" .'), encoding="utf-8")
    report = CaseGraph.open(bad).validate()
    assert any("a judge" in r.rule and r.focus == "https://example.org/case" for r in report.results)
