"""Sources that disagree: `casegraph conflicts` finds them, says which the data explains, and exits 1 otherwise."""

import json

import pytest
from rdflib import Literal

from casegraph import CaseGraph
from casegraph.conflicts import single_valued_properties, values_agree
from casegraph.vocab import CG

PREFIXES = """
@prefix cg: <https://w3id.org/casegraph/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix case: <https://w3id.org/casegraph/id/case/> .
@prefix graph: <https://w3id.org/casegraph/id/graph/> .
@prefix document: <https://w3id.org/casegraph/id/document/> .
@prefix disagreement: <https://w3id.org/casegraph/id/disagreement/> .
"""


def source(slug: str, url: str, facts: str) -> str:
    """One source graph in TriG: its provenance, then ``facts``."""
    return f"""
graph:{slug} {{
  graph:{slug} a cg:SourceGraph ; prov:wasDerivedFrom document:{slug} ; cg:method cg:CuratedByHand .
  document:{slug} a cg:SourceDocument ; schema:url <{url}> ; dcterms:publisher "{slug}" ; dcterms:language "en" .
  {facts}
}}"""


DOE = 'case:doe-v-acme a cg:LegalCase ; rdfs:label "Doe v. Acme" ;'
A_URL, B_URL = "https://news.example.org/doe-sues-acme", "https://court.example.org/doe-v-acme/docket"


@pytest.fixture
def planted(tmp_path):
    """Two sources giving Doe v. Acme two filing dates, and a third that agrees with one at a coarser precision."""
    path = tmp_path / "planted.trig"
    path.write_text(PREFIXES
                    + source("a", A_URL, f'{DOE} cg:filedOn "2024-03-01"^^xsd:date .')
                    + source("b", B_URL, 'case:doe-v-acme cg:filedOn "2024-05-02"^^xsd:date .')
                    + source("c", "https://blog.example.org/doe", 'case:doe-v-acme cg:filedOn "2024-03"^^xsd:gYearMonth .'),
                    encoding="utf-8")
    return path


def test_the_ontology_declares_the_single_valued_properties():
    declared = set(single_valued_properties())
    assert {CG.docketNumber, CG.filedOn, CG.releasedOn, CG.foundedOn, CG.court, CG.outcome, CG.date} <= declared
    assert CG.plaintiff not in declared and CG.mentions not in declared


def test_values_that_differ_only_in_precision_agree():
    from rdflib.namespace import XSD  # imported here: pytest's collection trips on rdflib's namespace at module level

    day, month, other = (Literal("2024-04-18", datatype=XSD.date), Literal("2024-04", datatype=XSD.gYearMonth),
                         Literal("2024-05-02", datatype=XSD.date))
    assert values_agree(CG.filedOn, day, month) and values_agree(CG.filedOn, month, day)
    assert not values_agree(CG.filedOn, day, other)
    assert values_agree(CG.docketNumber, Literal("3:24-cv-05417-WHA"), Literal("3:24-cv-05417"))
    assert not values_agree(CG.docketNumber, Literal("3:24-cv-05417"), Literal("3:24-cv-05418"))
    assert values_agree(CG.outcome, CG.DismissedWithLeave, CG.Dismissed)
    assert values_agree(CG.outcome, CG.VacatedAndRemanded, CG.Remanded)
    assert not values_agree(CG.outcome, CG.Survived, CG.DismissedWithLeave)


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_a_planted_conflict_exits_1_with_both_source_urls(planted, store, run):
    done = run("--store", store, "--data", planted, "conflicts")
    assert done.exit_code == 1, done.stderr
    assert "Doe v. Acme · filed on · UNEXPLAINED" in done.stdout
    assert A_URL in done.stdout and B_URL in done.stdout
    report = json.loads(run("--store", store, "--data", planted, "conflicts", "--json").stdout)
    [conflict] = [c for c in report["conflicts"] if c["found"]]
    by_value = {r["value"]: [s["url"] for s in r["sources"]] for r in conflict["readings"]}
    # The coarser "2024-03" agrees with 2024-03-01 but is still shown: it is one of the readings.
    assert by_value == {"2024-03-01": [A_URL], "2024-03": ["https://blog.example.org/doe"], "2024-05-02": [B_URL]}
    assert (conflict["explained"], report["counts"]["unexplained"]) == (False, 1)


def test_values_that_agree_are_no_conflict(tmp_path, run):
    path = tmp_path / "agree.trig"
    path.write_text(PREFIXES + source("a", A_URL, f'{DOE} cg:filedOn "2024-03-01"^^xsd:date .')
                    + source("c", B_URL, 'case:doe-v-acme cg:filedOn "2024-03"^^xsd:gYearMonth .'), encoding="utf-8")
    assert CaseGraph.open([path]).conflicts().conflicts == []
    assert run("--data", path, "conflicts").exit_code == 0


def test_a_recorded_disagreement_explains_the_conflict(tmp_path, planted, run):
    note = tmp_path / "note.trig"
    note.write_text(PREFIXES + source("d", "https://court.example.org/doe-v-acme/order", """
        disagreement:doe-filing a cg:Disagreement ; rdfs:label "When Doe sued Acme"@en ;
            cg:disputedSubject case:doe-v-acme ; cg:disputedProperty cg:filedOn ;
            cg:description "The news report and the docket give different filing dates."@en ."""),
                    encoding="utf-8")
    report = CaseGraph.open([planted, note]).conflicts()
    assert report.unexplained == []
    [conflict] = report.found
    assert conflict.explanation == "disagreement: When Doe sued Acme"
    assert run("--data", planted, "--data", note, "conflicts").exit_code == 0


def test_a_disagreement_about_another_property_explains_nothing(tmp_path, planted):
    note = tmp_path / "note.trig"
    note.write_text(PREFIXES + source("d", "https://court.example.org/doe-v-acme/order", """
        disagreement:doe-docket a cg:Disagreement ; cg:disputedSubject case:doe-v-acme ;
            cg:disputedProperty cg:docketNumber ; cg:description "Two docket numbers."@en ."""), encoding="utf-8")
    report = CaseGraph.open([planted, note]).conflicts()
    assert [c.property_label for c in report.unexplained] == ["filed on"]


def test_the_bundled_data_has_no_unexplained_conflict(bundled, run):
    report = bundled.conflicts()
    assert report.unexplained == [], [(c.subject_label, c.property_label) for c in report.unexplained]
    assert run("conflicts").exit_code == 0


def test_the_bundled_data_lists_its_explained_disagreements(bundled, run):
    by_subject = {}
    for conflict in bundled.conflicts().conflicts:
        assert conflict.explained and conflict.readings, conflict
        by_subject.setdefault(conflict.subject.rsplit("/", 1)[-1], set()).add(conflict.property.rsplit("#", 1)[-1])
    assert "foundedOn" in by_subject["meta-platforms"]
    assert "releasedOn" in by_subject["mixtral-8x7b"]
    assert "date" in by_subject["kadrey-2025-01-08-unsealing"]
    assert "meta-has-64000-gpus" in by_subject  # the French article's "we have 64,000 GPUs", corrected
    done = run("conflicts")
    assert "Meta Platforms, Inc. · founded on · explained by disagreement" in done.stdout


def test_build_prints_the_conflict_counts(tmp_path, run):
    done = run("build", "--out", tmp_path / "out")
    assert done.exit_code == 0, done.stderr
    assert any(line.startswith("conflicts: ") and "(0 unexplained)" in line for line in done.stdout.splitlines())
    # Suits no source gives the docket number of yet (Cruz v. Anthropic...): build says how many warnings to read.
    from casegraph import CaseGraph

    warnings = len(CaseGraph.open().validate().results)
    assert warnings >= 1
    assert f"validation: conforms, {warnings} warnings (casegraph validate)" in done.stdout.splitlines()
