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
