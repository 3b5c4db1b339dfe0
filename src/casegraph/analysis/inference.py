"""Derived relations: declared rules (in the ontology) run over the curated graphs; what they find goes into
its own named graph, each derived triple with a cg:Derivation naming the rule, what supports it and the
source graphs it came from. Running the rules again replaces that graph with the same content.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from ..model import mint_iri
from ..ontology import ONTOLOGY_IRI, ontology_graph
from ..vocab import CG, SCHEMA
from .projection import INFERRED_GRAPH

#: the document the inferred graph is derived from: the ontology, where the rules are declared
RULES_DOCUMENT = mint_iri("document", "casegraph-rules")
#: a fixed creation date keeps the inferred graph identical from run to run (see the idempotence test)
RULES_VERSION_DATE = date(2026, 11, 26)


@dataclass(frozen=True)
class Rule:
    """A declared rule: its IRI, name, the property it derives and its SPARQL."""

    iri: URIRef
    label: str
    derives: URIRef
    sparql: str


@dataclass
class InferenceReport:
    """What a run of the rules derived: triples per rule, and the size of the inferred graph before and after."""

    derived: dict[str, int] = field(default_factory=dict)
    before: int = 0
    after: int = 0

    @property
    def added(self) -> int:
        return max(self.after - self.before, 0)


def rules() -> list[Rule]:
    """Every cg:InferenceRule of the ontology that ``infer`` runs: those with a SPARQL query (the as-of status
    rule is applied by a view, see casegraph.as_of)."""
    g = ontology_graph()
    found = []
    for iri in sorted(g.subjects(RDF.type, CG.InferenceRule)):
        if g.value(iri, CG.sparql) is None:
            continue
        label = next((str(l) for l in g.objects(iri, RDFS.label) if getattr(l, "language", None) == "en"), str(iri))
        found.append(Rule(iri, label, g.value(iri, CG.derives), str(g.value(iri, CG.sparql))))
    return found


def derivations(cg) -> dict[str, tuple[tuple[str, str, str], frozenset[str]]]:
    """Each derivation in the inferred graph, by IRI: the triple it derives ``(s, p, o)`` and the graphs it was
    derived from, as strings; what the projection, ``--why`` and a view of chosen sources read of it."""
    found: dict[str, tuple[tuple[str, str, str], set[str]]] = {}
    rows = cg.query(f"SELECT ?d ?s ?p ?o ?from WHERE {{ GRAPH <{INFERRED_GRAPH}> {{ ?d a cg:Derivation ; "
                    "cg:derivedSubject ?s ; cg:derivedPredicate ?p ; cg:derivedObject ?o "
                    "OPTIONAL { ?d prov:wasDerivedFrom ?from } } }").rows
    for row in rows:
        triple = (str(row["s"]), str(row["p"]), str(row["o"]))
        froms = found.setdefault(row["d"], (triple, set()))[1]
        if row["from"] is not None:
            froms.add(row["from"])
    return {node: (triple, frozenset(froms)) for node, (triple, froms) in found.items()}


def supports_by_triple(cg) -> dict[tuple[str, str, str], list[frozenset[str]]]:
    """Each derived triple -> what each of its derivations stands on (it holds when one of them does), without
    repeats."""
    found: dict[tuple[str, str, str], list[frozenset[str]]] = defaultdict(list)
    for triple, support in derivations(cg).values():
        if support not in found[triple]:
            found[triple].append(support)
    return dict(found)


def infer(cg) -> InferenceReport:
    """Run every rule over the curated graphs of ``cg`` and (re)write the inferred graph."""
    report = InferenceReport(before=len(cg.dataset.graph(INFERRED_GRAPH)))
    cg.remove_graph(INFERRED_GRAPH)  # the rules must not see the previous run's triples

    derivations: dict[tuple, dict] = defaultdict(lambda: {"support": set(), "graphs": set()})
    for rule in rules():
        count = 0
        for row in cg.query(rule.sparql).raw:
            subject, obj, support, graph = row[0], row[1], row[2], row[3]
            key = (rule, subject, obj)
            if key not in derivations:
                count += 1
            entry = derivations[key]
            if support is not None:
                entry["support"].add(support)
            if graph is not None:
                entry["graphs"].add(graph)
        report.derived[rule.label] = count

    triples = inferred_graph_description()
    for (rule, subject, obj), entry in derivations.items():
        digest = hashlib.sha1(f"{rule.iri} {subject} {rule.derives} {obj}".encode()).hexdigest()[:16]
        node = mint_iri("derivation", rule.iri.split("#")[-1], digest)
        triples += [
            (subject, rule.derives, obj),
            (node, RDF.type, CG.Derivation),
            (node, RDFS.label, Literal(f"{rule.label}: {cg.names.label(subject)} / {cg.names.label(obj)}",
                                       lang="en")),
            (node, CG.rule, rule.iri),
            (node, CG.derivedSubject, subject),
            (node, CG.derivedPredicate, rule.derives),
            (node, CG.derivedObject, obj),
            *((node, CG.supportedBy, support) for support in entry["support"]),
            *((node, PROV.wasDerivedFrom, graph) for graph in entry["graphs"]),
        ]
    cg.write_graph(INFERRED_GRAPH, triples)  # one request to a SPARQL server, not one per triple
    report.after = len(cg.dataset.graph(INFERRED_GRAPH))
    return report


def inferred_graph_description() -> list[tuple]:
    """The inferred graph describes itself like every source graph, so that it, too, names its source."""
    return [
        (INFERRED_GRAPH, RDF.type, CG.SourceGraph),
        (INFERRED_GRAPH, RDFS.label, Literal("relations derived by casegraph's rules", lang="en")),
        (INFERRED_GRAPH, PROV.wasDerivedFrom, RULES_DOCUMENT),
        (INFERRED_GRAPH, CG.method, CG.Inferred),
        (INFERRED_GRAPH, DCTERMS.created, Literal(RULES_VERSION_DATE)),
        (RULES_DOCUMENT, RDF.type, CG.SourceDocument),
        (RULES_DOCUMENT, RDFS.label, Literal("casegraph ontology: inference rules", lang="en")),
        (RULES_DOCUMENT, SCHEMA.url, ONTOLOGY_IRI),
        (RULES_DOCUMENT, DCTERMS.publisher, Literal("casegraph")),
        (RULES_DOCUMENT, DCTERMS.language, Literal("en")),
    ]
