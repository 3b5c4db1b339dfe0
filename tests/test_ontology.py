"""The ontology is the one definition of every term; vocab.py is generated from it and must be current."""

from pathlib import Path

from rdflib import OWL, RDF, RDFS, URIRef

import casegraph.vocab
from casegraph.ontology import NAMESPACE, ontology_graph, render_vocab, shapes_graph, terms


def test_vocab_py_is_generated_from_the_ontology():
    committed = Path(casegraph.vocab.__file__).read_text(encoding="utf-8")
    assert committed == render_vocab(), "regenerate: python -m casegraph.ontology > src/casegraph/vocab.py"


def test_every_term_has_english_and_french_labels_and_a_comment():
    g = ontology_graph()
    for name, _kind, comment in terms():
        term = URIRef(NAMESPACE + name)
        languages = {label.language for label in g.objects(term, RDFS.label)}
        assert {"en", "fr"} <= languages, f"{name} lacks a label in {({'en', 'fr'} - languages)}"
        assert comment, f"{name} has no rdfs:comment"


def test_terms_used_by_the_shapes_are_defined():
    defined = {URIRef(NAMESPACE + name) for name, _k, _c in terms()}
    used = {t for t in set(shapes_graph().subjects()) | set(shapes_graph().objects())
            if isinstance(t, URIRef) and str(t).startswith(NAMESPACE)}
    assert used <= defined, f"shapes use undefined terms: {sorted(used - defined)}"


def test_ontology_reuses_standard_vocabularies():
    g = ontology_graph()
    parents = {str(o) for o in g.objects(None, RDFS.subClassOf) if isinstance(o, URIRef)}
    assert any(p.startswith("http://www.w3.org/ns/prov#") for p in parents)
    assert any(p.startswith("https://schema.org/") for p in parents)
    assert (URIRef(NAMESPACE + "Statement"), RDF.type, OWL.Class) in g
