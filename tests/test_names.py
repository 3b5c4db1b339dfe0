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
