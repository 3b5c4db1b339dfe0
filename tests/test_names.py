"""Entities are found by any label or alias, forgiving case, accents and punctuation."""

import pytest

from casegraph import AmbiguousNameError, NotFoundError


@pytest.mark.parametrize("name", ["Acme Corp.", "acme corp", "ACME", "Acme"])
def test_labels_and_aliases_resolve_to_one_entity(mini, name):
    assert str(mini.entity(name)).endswith("/organization/acme")


def test_accents_and_partial_names(mini):
    assert mini.entity("zoe boss").label == "Zoë Boss"
    assert mini.entity("Boss").label == "Zoë Boss"


def test_labels_in_any_language(mini):
    assert mini.entity("Tribunal d'essai") == mini.entity("test court")


def test_full_iri_resolves(mini):
    iri = "https://w3id.org/casegraph/id/person/jane-doe"
    assert str(mini.entity(iri)) == iri


def test_unknown_name_suggests_the_nearest(mini):
    with pytest.raises(NotFoundError) as caught:
        mini.entity("Acmee")
    assert caught.value.suggestions[0] == "Acme (Acme Corp.)"


def test_a_name_shared_by_several_entities_is_ambiguous(mini):
    # "Doe" is a word of "Jane Doe" and of the case "Doe v. Acme".
    with pytest.raises(AmbiguousNameError) as caught:
        mini.entity("Doe")
    assert set(caught.value.candidates.values()) == {"Jane Doe", "Doe v. Acme"}


def test_an_unlabelled_entity_is_found_by_its_iri(mini):
    iri = "https://w3id.org/casegraph/id/dataset/unlabelled"
    from rdflib import URIRef
    from casegraph import CaseGraph, Source
    from casegraph.vocab import CG
    cg = CaseGraph.open(mini_path())
    cg.add([(URIRef("https://w3id.org/casegraph/id/model/acme-1"), CG.trainedOn, URIRef(iri))],
           source=Source(url="https://example.org/x", publisher="X", language="en"))
    assert str(cg.entity(iri)) == iri


def test_an_entity_binds_as_an_iri(mini):
    rows = mini.query("SELECT ?d WHERE { ?case cg:docketNumber ?d }", case=mini.entity("Doe v. Acme")).rows
    assert rows == [{"d": "1:23-cv-00001"}]


def mini_path():
    from pathlib import Path
    return Path(__file__).parent / "data" / "mini.trig"


# --- names that understand what is asked for (issue 20) -----------------------------------------------------

KADREY_CASE = "https://w3id.org/casegraph/id/case/cand-3-23-cv-03417"


def test_a_name_asked_as_a_case_looks_among_cases(bundled):
    assert str(bundled.entity("Kadrey", kind="LegalCase").iri) == KADREY_CASE
    assert bundled.entity("Kadrey", kind="Person").label == "Richard Kadrey"
    with pytest.raises(AmbiguousNameError):  # asked as anything, "Kadrey" is both
        bundled.entity("Kadrey")


def test_a_name_of_another_kind_says_what_it_names(bundled):
    with pytest.raises(NotFoundError) as found:
        bundled.entity("Vince Chhabria", kind="legal case")
    assert str(found.value).startswith("no legal case named 'Vince Chhabria' (it names the ")
    assert "Vince Chhabria" in found.value.elsewhere[0]
    with pytest.raises(NotFoundError, match="no agent named 'Kadrey v. Meta'"):
        bundled.statements(speaker="Kadrey v. Meta")


@pytest.mark.parametrize("docket", ["3:23-cv-03417-VC", "3:23-cv-03417", "3:23-CV-03417-vc"])
def test_a_docket_number_names_its_case(bundled, docket):
    assert str(bundled.entity(docket).iri) == KADREY_CASE


def test_a_wikidata_id_names_its_entity_where_a_source_gives_it(bundled):
    assert bundled.entity("Q95").label == "Google"


def test_saved_query_parameters_look_among_their_class(bundled, run):
    assert len(bundled.timeline(case="Kadrey")) == len(bundled.timeline(case="Kadrey v. Meta")) > 10
    result = run("timeline", "--case", "Kadrey")
    assert result.exit_code == 0 and "Kadrey v. Meta filed" in result.output


def test_a_saved_query_naming_an_unknown_class_is_refused(tmp_path):
    from casegraph.errors import InputError
    from casegraph.query import parse_saved

    (tmp_path / "q.rq").write_text("# A question\n# @param who Wizard the wizard\nSELECT * {}\n", encoding="utf-8")
    with pytest.raises(InputError, match="'Wizard' is neither entity, text nor a class of the ontology"):
        parse_saved(tmp_path / "q.rq")


# --- saved queries: casegraph's own, and yours added to them (issue 20) ---------------------------------------

MY_QUERY = "# Cases by docket\nSELECT ?case ?docket WHERE { ?case cg:docketNumber ?docket }\n"


def test_your_own_saved_queries_are_added_to_casegraphs(tmp_path, monkeypatch, run):
    from casegraph import CaseGraph

    data = tmp_path / "data"
    (data / "queries").mkdir(parents=True)
    (data / "queries" / "dockets.rq").write_text(MY_QUERY, encoding="utf-8")
    (data / "sources").symlink_to(CaseGraph.open.__globals__["source_files"]()[0].parent)
    monkeypatch.setenv("CASEGRAPH_DATA", str(data))
    cg = CaseGraph.open()
    assert len(cg.saved("dockets")) > 10
    assert len(cg.timeline(case="Kadrey v. Meta")) > 10  # casegraph's own query is still there
    listed = run("query", "--list").output
    assert "dockets" in listed and "timeline" in listed


def test_a_folder_given_with_queries_adds_its_queries(tmp_path, run, bundled):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "dockets.rq").write_text(MY_QUERY, encoding="utf-8")
    result = run("--queries", tmp_path / "mine", "query", "dockets", "--format", "csv")
    assert result.exit_code == 0 and "3:23-cv-03417-VC" in result.output
    bundled.query_folders = [tmp_path / "mine"]
    try:
        assert len(bundled.saved("dockets")) > 10
    finally:
        bundled.query_folders = []


def test_your_query_never_takes_the_place_of_casegraphs(tmp_path, run):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "timeline.rq").write_text(MY_QUERY, encoding="utf-8")
    result = run("--queries", tmp_path / "mine", "query", "--list")
    assert result.exit_code == 2
    assert "already has a saved query named 'timeline'" in result.stderr and "another name" in result.stderr
    result = run("--queries", tmp_path / "nowhere", "query", "--list")
    assert result.exit_code == 2 and "no such folder of saved queries" in result.stderr
