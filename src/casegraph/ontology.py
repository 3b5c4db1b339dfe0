"""The ontology and the SHACL shapes, read from ``ontology/``; and the generator of ``vocab.py``.

``ontology/casegraph.ttl`` is the only place a casegraph term is defined. Python names for the terms live in
``vocab.py``, which this module writes::

    python -m casegraph.ontology > src/casegraph/vocab.py

and a test checks that the committed file is what this would write.
"""

from __future__ import annotations

import hashlib
import re
import sys
from functools import lru_cache

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from .resources import ontology_dir

NAMESPACE = "https://w3id.org/casegraph/ontology#"
ONTOLOGY_IRI = URIRef("https://w3id.org/casegraph/ontology")

#: the kinds of things casegraph mints IRIs for (casegraph.model.mint_iri); each is a path segment and a prefix
KINDS = (
    "person", "organization", "court", "case", "model", "dataset", "statement", "claim",
    "event", "disposition", "correction", "disagreement", "role", "document", "graph", "derivation", "mention",
    "candidate", "citation", "decision", "listing",
)


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The OWL ontology as an rdflib graph (parsed once; do not modify it)."""
    return Graph().parse(ontology_dir() / "casegraph.ttl", format="turtle")


@lru_cache(maxsize=1)
def ontology_digest() -> str:
    """A digest of the ontology file: what is derived from it and kept between runs (a projection) names it."""
    return hashlib.sha1((ontology_dir() / "casegraph.ttl").read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes (parsed once; do not modify them)."""
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


#: when a name fits several entities, the one in the lowest tier wins: the things people look up by name
#: (agents, cases, models, data sets) before the records about them (statements, claims, events), before the
#: paperwork (documents, source graphs, dispositions, corrections). Tiers apply to subclasses too.
LOOKUP_TIERS = {
    "Agent": 0, "LegalCase": 0, "AIModel": 0, "Dataset": 0, "Decision": 0,
    "SourceDocument": 2, "SourceGraph": 2, "Disposition": 2, "Correction": 2, "Disagreement": 2, "Role": 2,
}
DEFAULT_TIER = 1


@lru_cache(maxsize=1)
def class_tiers() -> dict[URIRef, int]:
    """The lookup tier of every casegraph class (see LOOKUP_TIERS), following rdfs:subClassOf."""
    g = ontology_graph()
    tiers = {}
    for name, tier in LOOKUP_TIERS.items():
        for cls in g.transitive_subjects(RDFS.subClassOf, URIRef(NAMESPACE + name)):
            tiers[cls] = tier
    return tiers


def class_named(name: str | URIRef) -> URIRef:
    """The casegraph class ``name`` designates: its IRI, its local name or its English label, in any case.

    >>> class_named("legal case") == class_named("LegalCase") == URIRef(NAMESPACE + "LegalCase")
    True
    """
    classes = set(ontology_graph().subjects(RDF.type, OWL.Class))
    if str(name).startswith(("http://", "https://")) and URIRef(str(name)) in classes:
        return URIRef(str(name))
    wanted = str(name).replace(" ", "").lower()
    for cls in classes:
        names = [str(cls).removeprefix(NAMESPACE)] + [str(label) for label in ontology_graph().objects(cls, RDFS.label)
                                                      if getattr(label, "language", None) in (None, "en")]
        if str(cls).startswith(NAMESPACE) and wanted in {n.replace(" ", "").lower() for n in names}:
            return cls
    raise ValueError(f"no class of the ontology is named {name!r}")


def is_concept_class(cls: URIRef) -> bool:
    """Whether ``cls`` is a class of SKOS concepts the ontology lists (stages, kinds of work, outcomes...)."""
    return SKOS.Concept in set(ontology_graph().transitive_objects(cls, RDFS.subClassOf))


def concept_named(cls: URIRef, name: str) -> URIRef:
    """The concept of class ``cls`` that ``name`` designates: its local name or one of its labels, in any case
    and with or without spaces.

    >>> stage = class_named("CaseStage")
    >>> concept_named(stage, "summary judgment") == concept_named(stage, "SummaryJudgmentStage")
    True
    >>> concept_named(stage, "appel") == URIRef(NAMESPACE + "AppealStage")
    True
    """
    def folded(words: str) -> str:
        return re.sub(r"[\s_-]+", "", words).casefold()

    wanted = folded(str(name))
    concepts = sorted(ontology_graph().subjects(RDF.type, cls))
    for concept in concepts:
        local = str(concept).removeprefix(NAMESPACE)
        names = {local, *map(str, ontology_graph().objects(concept, RDFS.label))}
        if wanted in {folded(n) for n in names} or wanted + folded(class_label(cls)) == folded(local):
            return concept
    choices = ", ".join(class_label(c) for c in concepts)
    raise ValueError(f"no {class_label(cls)} is named {name!r}; one of: {choices}")


@lru_cache(maxsize=None)
def with_subclasses(cls: URIRef) -> frozenset[URIRef]:
    """``cls`` and every class under it (rdfs:subClassOf, transitively)."""
    return frozenset(ontology_graph().transitive_subjects(RDFS.subClassOf, cls))


def class_label(cls: URIRef, lang: str = "en") -> str:
    """The class's label in ``lang`` (its local name when it has none)."""
    labels = {getattr(label, "language", None): str(label) for label in ontology_graph().objects(cls, RDFS.label)}
    return labels.get(lang) or labels.get("en") or str(cls).rsplit("#", 1)[-1]


def lookup_tier(types) -> int:
    """The tier of an entity with rdf:types ``types`` (its best tier when it has several)."""
    tiers = class_tiers()
    return min((tiers.get(t, DEFAULT_TIER) for t in types), default=DEFAULT_TIER)


def terms() -> list[tuple[str, str, str]]:
    """``(name, kind, comment)`` for every casegraph term, in file order of kinds then name."""
    g = ontology_graph()
    kinds = {
        OWL.Class: "class", OWL.ObjectProperty: "object property", OWL.DatatypeProperty: "datatype property",
        OWL.AnnotationProperty: "annotation property", SKOS.ConceptScheme: "concept scheme",
    }
    found: dict[str, tuple[str, str, str]] = {}
    for term in set(g.subjects(RDF.type, None)):
        if not isinstance(term, URIRef) or not str(term).startswith(NAMESPACE):
            continue
        name = str(term)[len(NAMESPACE):]
        types = set(g.objects(term, RDF.type))
        # An individual (cg:Alleged, cg:CompetesRule) is described by its class's local name.
        kind = next((label for t, label in kinds.items() if t in types), None) or ", ".join(
            sorted(str(t).rsplit("#", 1)[-1] for t in types))
        comment = str(g.value(term, RDFS.comment) or "")
        found[name] = (name, kind, comment)
    return sorted(found.values(), key=lambda t: (t[0][0].islower(), t[0]))


def render_vocab() -> str:
    """The source of ``vocab.py``, generated from the ontology."""
    lines = [
        '"""Python names for the casegraph ontology\'s terms. GENERATED from ontology/casegraph.ttl: do not edit.',
        "",
        "Regenerate with ``python -m casegraph.ontology > src/casegraph/vocab.py``; a test checks it is current.",
        "A misspelt term raises AttributeError instead of minting a wrong IRI:",
        "",
        ">>> CG.speaker",
        "rdflib.term.URIRef('https://w3id.org/casegraph/ontology#speaker')",
        '"""',
        "",
        "from rdflib import Namespace, URIRef",
        "from rdflib.namespace import DefinedNamespace",
        "",
        "#: where casegraph mints entity, source and graph IRIs (see casegraph.model.mint_iri)",
        'BASE = "https://w3id.org/casegraph/id/"',
        'SCHEMA = Namespace("https://schema.org/")',
        "",
        "",
        "class CG(DefinedNamespace):",
        '    """The casegraph ontology."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{NAMESPACE}")',
        "",
    ]
    for name, kind, comment in terms():
        lines.append(f"    {name}: URIRef  # {kind}: {comment}".rstrip())
    lines += [
        "",
        "",
        "#: prefixes bound in every graph, query and export",
        "PREFIXES = {",
        f'    "cg": "{NAMESPACE}",',
        '    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",',
        '    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",',
        '    "xsd": "http://www.w3.org/2001/XMLSchema#",',
        '    "owl": "http://www.w3.org/2002/07/owl#",',
        '    "skos": "http://www.w3.org/2004/02/skos/core#",',
        '    "dcterms": "http://purl.org/dc/terms/",',
        '    "prov": "http://www.w3.org/ns/prov#",',
        '    "schema": "https://schema.org/",',
    ]
    lines += [f'    "{kind}": BASE + "{kind}/",' for kind in KINDS]
    lines += ["}", "", "#: the kinds of things casegraph mints IRIs for; each has a prefix above", f"KINDS = {KINDS!r}", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(render_vocab())
