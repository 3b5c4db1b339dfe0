"""Checking the graph: SHACL shapes over the union of the source graphs, and provenance of every graph.

SHACL sees one graph, so the rule "every named graph names its source" is checked here in Python; the
shapes in ``ontology/shapes.ttl`` check everything else on the union of all graphs plus the ontology (so
that a cg:Court counts as a cg:Organization).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import PROV, RDF

from .results import Result, plural
from .vocab import PREFIXES, SCHEMA

SH = Namespace("http://www.w3.org/ns/shacl#")


def compact(term) -> str:
    """``prefix:local`` for an IRI under a known prefix, else the IRI in angle brackets."""
    text = str(term)
    for prefix, base in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(base) and len(text) > len(base):
            return f"{prefix}:{text[len(base):]}"
    return f"<{text}>" if isinstance(term, URIRef) else text


@dataclass(frozen=True)
class ValidationResult:
    """One broken rule: which node, which property path, what the rule says, and where the node is stated."""

    focus: str
    focus_label: str
    path: str | None
    rule: str
    constraint: str
    severity: str
    graphs: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        path = f" {self.path}:" if self.path else ""
        where = f" (in {', '.join(compact(URIRef(g)) for g in self.graphs)})" if self.graphs else ""
        return f"{compact(URIRef(self.focus))} ({self.focus_label}):{path} {self.rule} [{self.constraint}]{where}"

    def to_dict(self) -> dict:
        return {"focus": self.focus, "label": self.focus_label, "path": self.path, "rule": self.rule,
                "constraint": self.constraint, "severity": self.severity, "graphs": list(self.graphs)}


@dataclass(frozen=True, repr=False)
class ValidationReport(Result):
    """The answer of :meth:`CaseGraph.validate`: ``conforms`` and the list of broken rules (a row each).

    >>> from casegraph import CaseGraph
    >>> CaseGraph.open().validate()                  # doctest: +ELLIPSIS
    <ValidationReport: conforms...>
    """

    conforms: bool
    results: tuple[ValidationResult, ...] = field(default_factory=tuple)
    graph: Graph | None = None

    _columns = (("severity", "text"), ("focus_label", "text"), ("path", "text"), ("rule", "text"),
                ("constraint", "text"), ("focus", "text"), ("graphs", "list"))
    _html_columns = ("severity", "focus_label", "path", "rule", "constraint")

    def to_dict(self) -> dict:
        """What ``casegraph validate --json`` prints: ``conforms`` and each broken rule."""
        return {"conforms": self.conforms, "results": [r.to_dict() for r in self.results]}

    def _rows(self) -> list[dict]:
        return [{"severity": r.severity, "focus_label": r.focus_label, "path": r.path, "rule": r.rule,
                 "constraint": r.constraint, "focus": r.focus, "graphs": list(r.graphs)} for r in self.results]

    def _summary(self) -> str:
        violations = sum(r.severity == "Violation" for r in self.results)
        warnings = len(self.results) - violations
        parts = [plural(n, word) for n, word in ((violations, "violation"), (warnings, "warning")) if n]
        return ("conforms" if self.conforms else "does not conform") + (f", {', '.join(parts)}" if parts else "")

    @property
    def text(self) -> str:
        if self.conforms and not self.results:
            return "conforms: every shape holds and every graph names its source"
        lines = [("warning: " if r.severity != "Violation" else "") + r.message for r in self.results]
        if self.conforms:  # only warnings: something to look for (a docket no source gives yet), not an error
            lines.insert(0, f"conforms, with {len(self.results)} warning{'s' if len(self.results) > 1 else ''}:")
        return "\n".join(lines)

    def __bool__(self) -> bool:
        return self.conforms


def check_provenance(store) -> list[ValidationResult]:
    """Every non-empty named graph of ``store`` (a :class:`casegraph.stores.Store`) must say, inside itself,
    which document it comes from and its URL."""
    problems = []
    dataset = store.dataset
    default = dataset.default_graph.identifier
    loose = store.loose_triples()
    if loose:
        problems.append(ValidationResult(
            focus=str(default), focus_label="default graph", path=None,
            rule=f"{loose} triples sit outside any named graph, so no source states them; put them in the "
                 "named graph of their source",
            constraint="casegraph provenance rule", severity="Violation"))
    for graph in dataset.graphs():
        if not len(graph) or graph.identifier == default:
            continue
        documents = list(graph.objects(graph.identifier, PROV.wasDerivedFrom))
        if not any((d, SCHEMA.url, None) in graph for d in documents):
            problems.append(ValidationResult(
                focus=str(graph.identifier), focus_label="named graph", path="prov:wasDerivedFrom",
                rule="every named graph names, inside itself, the source document it is derived from and its URL "
                     "(schema:url)",
                constraint="casegraph provenance rule", severity="Violation"))
    return problems


def validate(store, ontology: Graph, shapes: Graph, names) -> ValidationReport:
    """Check the quads of ``store`` (a :class:`casegraph.stores.Store`) against ``shapes``; ``names`` (a
    NameIndex) labels the nodes in the report."""
    import pyshacl  # imported here: it is slow to import and only validation needs it

    # The ontology goes into the data graph so that subclasses and the SKOS values (cg:Alleged a
    # cg:ClaimStatus) count; pyshacl mixes ont_graph in only when it also runs inference.
    union = Graph()
    for triple in ontology:
        union.add(triple)
    for s, p, o, _g in store.named_quads():
        union.add((s, p, o))
    conforms, report, _text = pyshacl.validate(union, shacl_graph=shapes, inference="none", allow_warnings=True)
    results = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        component = report.value(result, SH.sourceConstraintComponent)
        severity = report.value(result, SH.resultSeverity)
        results.append(ValidationResult(
            focus=str(focus),
            focus_label=names.label(focus) if isinstance(focus, URIRef) else str(focus),
            path=compact(path) if path is not None else None,
            rule=str(message) if message is not None else "breaks a shape",
            constraint=str(component).rsplit("#", 1)[-1],
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            graphs=tuple(sorted({str(c) for _s, _p, _o, c in store.named_quads(focus)})),
        ))
    results.extend(check_provenance(store))
    results.sort(key=lambda r: (r.focus, r.path or "", r.rule))
    violations = [r for r in results if r.severity == "Violation"]
    return ValidationReport(conforms=not violations, results=tuple(results), graph=report)
