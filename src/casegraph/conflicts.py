"""Disagreements between sources: where two documents give different values for what can only have one.

The ontology declares which properties take one value per subject (``owl:FunctionalProperty``: a docket
number, a filing or release date, a court, the outcome of a disposition...). Each fact sits in the named
graph of the document that states it, so two graphs giving two values for such a property is a *conflict*.
Values that differ only in precision agree: "2024-04" and "2024-04-18", a docket number with and without the
judge's initials, an outcome and a narrower one (``cg:Dismissed`` and ``cg:DismissedWithLeave``).

A conflict is *explained* when the data already says why: a ``cg:Correction`` of that subject (one source is
wrong; ``cg:correctedProperty`` narrows it to one property) or a ``cg:Disagreement`` on that subject and
property (the sources genuinely disagree). Every correction and disagreement recorded in the data is listed
too, with the readings it compares, so that a reader sees every place where sources part ways.

>>> from casegraph import CaseGraph
>>> report = CaseGraph.open().conflicts()
>>> report.unexplained
[]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from itertools import combinations

from rdflib import OWL, RDF, Literal, URIRef
from rdflib.namespace import SKOS

from .facts import FactReader, SourceRef, pick_lang
from .model import docket_key
from .ontology import NAMESPACE, ontology_graph
from .results import Result, plural, publishers_of, urls_of
from .timeline import dates_agree
from .vocab import CG

#: datatypes whose values agree when one is the other at a coarser precision
DATE_TYPES = {"http://www.w3.org/2001/XMLSchema#" + t for t in ("date", "gYearMonth", "gYear", "dateTime")}


@lru_cache(maxsize=1)
def single_valued_properties() -> tuple[URIRef, ...]:
    """The casegraph properties that take one value per subject, as the ontology declares them."""
    g = ontology_graph()
    return tuple(sorted(p for p in g.subjects(RDF.type, OWL.FunctionalProperty) if str(p).startswith(NAMESPACE)))


@lru_cache(maxsize=1)
def _broader() -> dict[URIRef, set[URIRef]]:
    """Every concept's broader concepts, transitively (an outcome's less precise forms)."""
    g = ontology_graph()
    return {c: set(g.transitive_objects(c, SKOS.broader)) - {c} for c in set(g.subjects(SKOS.broader, None))}


def values_agree(prop: URIRef, a, b) -> bool:
    """Whether two values of ``prop`` can both be right: equal, or one a less precise form of the other.

    >>> from rdflib import XSD
    >>> values_agree(CG.filedOn, Literal("2024-04", datatype=XSD.gYearMonth), Literal("2024-04-18", datatype=XSD.date))
    True
    >>> values_agree(CG.docketNumber, Literal("3:23-cv-03417-VC"), Literal("3:23-cv-03417"))
    True
    >>> values_agree(CG.outcome, CG.Dismissed, CG.DismissedWithLeave), values_agree(CG.outcome, CG.Survived, CG.Dismissed)
    (True, False)
    """
    if a == b:
        return True
    if isinstance(a, URIRef) and isinstance(b, URIRef):
        broader = _broader()
        return a in broader.get(b, ()) or b in broader.get(a, ())
    if isinstance(a, Literal) and isinstance(b, Literal):
        if str(a.datatype) in DATE_TYPES and str(b.datatype) in DATE_TYPES:
            return dates_agree(str(a)[:10], str(b)[:10])
        if prop == CG.docketNumber:
            return docket_key(str(a)) == docket_key(str(b))
        return a.eq(b) if a.datatype and b.datatype else str(a) == str(b)
    return False


@dataclass
class Reading:
    """One value as some sources give it."""

    value: str
    value_label: str
    sources: list[SourceRef] = field(default_factory=list)


@dataclass
class Conflict:
    """Sources that part ways on one subject and property, and what in the data explains it, if anything.

    ``found`` is True for a conflict read off the data (two values of a single-valued property), False for a
    correction or disagreement recorded in the data that no such pair of values shows (a misquotation, say).
    """

    subject: str
    subject_label: str
    property: str
    property_label: str
    readings: list[Reading]
    found: bool = True
    explained_by: list[str] = field(default_factory=list)
    explanation: str | None = None

    @property
    def explained(self) -> bool:
        return bool(self.explained_by)

    def to_dict(self) -> dict:
        return {**asdict(self), "explained": self.explained}


@dataclass(repr=False)
class ConflictReport(Result):
    """Every conflict between sources, explained or not; as rows, one per conflict, with the values sources
    give (``values``), whether the data explains it, and the URLs of every source involved.

    >>> from casegraph import CaseGraph
    >>> CaseGraph.open().conflicts()                 # doctest: +ELLIPSIS
    <ConflictReport: ... conflicts, 0 unexplained, ...>
    """

    conflicts: list[Conflict]

    _columns = (("subject_label", "text"), ("property_label", "text"), ("values", "list"), ("explained", "bool"),
                ("found", "bool"), ("explanation", "text"), ("subject", "text"), ("property", "text"),
                ("sources", "list"), ("publishers", "list"))
    _html_columns = ("subject_label", "property_label", "values", "explained", "explanation", "sources")

    def _rows(self) -> list[dict]:
        rows = []
        for c in self.conflicts:
            refs = [ref for reading in c.readings for ref in reading.sources]
            rows.append({"subject_label": c.subject_label, "property_label": c.property_label,
                         "values": [r.value_label for r in c.readings], "explained": c.explained, "found": c.found,
                         "explanation": c.explanation, "subject": c.subject, "property": c.property,
                         "sources": list(dict.fromkeys(urls_of(refs))), "publishers": publishers_of(refs)})
        return rows

    def _summary(self) -> str:
        return (f"{plural(len(self.conflicts), 'conflict')}, {len(self.unexplained)} unexplained, "
                f"{len(self.recorded)} recorded")

    @property
    def unexplained(self) -> list[Conflict]:
        return [c for c in self.conflicts if not c.explained]

    @property
    def found(self) -> list[Conflict]:
        return [c for c in self.conflicts if c.found]

    @property
    def recorded(self) -> list[Conflict]:
        return [c for c in self.conflicts if not c.found]

    def to_dict(self) -> dict:
        return {"conflicts": [c.to_dict() for c in self.conflicts],
                "counts": {"found": len(self.found), "unexplained": len(self.unexplained),
                           "recorded": len(self.recorded)}}


_VALUES_QUERY = """
SELECT ?s ?p ?o ?g WHERE {
  { SELECT ?s ?p WHERE { VALUES ?p { %s } ?s ?p ?o } GROUP BY ?s ?p HAVING (COUNT(DISTINCT ?o) > 1) }
  GRAPH ?g { ?s ?p ?o }
}"""

_NOTES_QUERY = """
SELECT ?note ?kind ?subject ?prop ?label WHERE {
  { ?note a cg:Correction ; cg:corrects ?subject . OPTIONAL { ?note cg:correctedProperty ?prop }
    BIND("correction" AS ?kind) }
  UNION
  { ?note a cg:Disagreement ; cg:disputedSubject ?subject ; cg:disputedProperty ?prop .
    BIND("disagreement" AS ?kind) }
  OPTIONAL { ?note rdfs:label ?label }
}"""

_READINGS_QUERY = """
SELECT ?note ?reading ?url WHERE {
  { ?note cg:erroneousReading ?reading . OPTIONAL { ?note cg:erroneousSource ?doc } }
  UNION
  { ?note cg:correctedReading ?reading . OPTIONAL { ?note cg:correctingSource ?doc } }
  ?note a cg:Correction .
  OPTIONAL { ?doc schema:url ?url }
}"""


def find_conflicts(cg, lang: str | None = None) -> ConflictReport:
    """The conflicts between the sources of ``cg`` (see the module's docstring)."""
    reader = FactReader(cg, lang)
    sources = cg.sources()
    label = cg.names.label
    props = " ".join(f"<{p}>" for p in single_valued_properties())

    # Values of single-valued properties that differ, each with the graphs that give it.
    given: dict[tuple, dict] = defaultdict(lambda: defaultdict(set))
    for s, p, o, g in cg.query(_VALUES_QUERY % props).raw:
        if str(g) in sources:  # a source's graph, not the inferred graph or a store's own
            given[(s, p)][o].add(str(g))

    def reading(value, graphs) -> Reading:
        shown = label(value) if isinstance(value, URIRef) else str(value)
        return Reading(str(value), shown, [sources[g] for g in sorted(graphs)])

    conflicts: dict[tuple, Conflict] = {}
    for (s, p), values in given.items():
        if all(values_agree(p, a, b) for a, b in combinations(values, 2)):
            continue
        conflicts[(s, p)] = Conflict(
            str(s), label(s), str(p), reader.term_label(p),
            sorted((reading(v, gs) for v, gs in values.items()), key=lambda r: r.value))

    # Corrections and disagreements: each explains the conflicts on its subject (and property, when it names
    # one), or stands as a recorded disagreement of its own.
    notes: dict[URIRef, dict] = {}
    for note, kind, subject, prop, note_label in cg.query(_NOTES_QUERY).raw:
        entry = notes.setdefault(note, {"kind": str(kind), "subjects": set(), "prop": prop, "labels": []})
        entry["subjects"].add(subject)
        if note_label is not None and note_label not in entry["labels"]:
            entry["labels"].append(note_label)
    readings: dict[URIRef, list[Reading]] = defaultdict(list)
    by_url: dict[str, SourceRef] = {}
    for ref in sorted(sources.values(), key=lambda r: r.graph):  # sorted: one answer whatever the store's order
        if ref.url:
            by_url.setdefault(ref.url, ref)
    for note, value, url in cg.query(_READINGS_QUERY).raw:
        cited = [by_url.get(str(url), SourceRef("", str(url)))] if url else []
        readings[note].append(Reading(str(value), str(value), cited))

    for note, entry in sorted(notes.items()):
        explained = [key for key in conflicts if key[0] in entry["subjects"]
                     and (entry["prop"] is None or key[1] == entry["prop"])]
        words = str(pick_lang(entry["labels"], lang) or label(note))
        for key in explained:
            conflicts[key].explained_by.append(str(note))
            conflicts[key].explanation = conflicts[key].explanation or f"{entry['kind']}: {words}"
        if explained:
            continue
        subjects = sorted(entry["subjects"])
        prop = entry["prop"]
        if prop is not None:  # a disagreement whose values happen to agree: show what each source gives
            found = [reading(v, gs) for s in subjects for v, gs in given.get((s, prop), {}).items()]
        else:
            found = []
        conflicts[(note, None)] = Conflict(
            str(subjects[0]), " / ".join(label(s) for s in subjects),
            str(prop) if prop is not None else "", reader.term_label(prop) if prop is not None else "wording",
            sorted(found or readings.get(note, []), key=lambda r: r.value), found=False,
            explained_by=[str(note)], explanation=f"{entry['kind']}: {words}")

    ordered = sorted(conflicts.values(), key=lambda c: (c.explained, not c.found, c.subject_label, c.property_label))
    return ConflictReport(ordered)
