"""What the graph says about an entity, fact by fact, each with its sources and status.

Everything here reads the graph through SPARQL with ``GRAPH ?g`` patterns, so that each fact keeps the
named graph (and so the source document) it came from.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import SKOS

from .query import plain
from .results import Result, clip, plural, publishers_of, urls_of, with_why
from .timeline import most_precise
from .vocab import CG

#: predicates shown in a description's heading rather than among its facts
HEADING_PREDICATES = {RDF.type, RDFS.label, SKOS.altLabel}
#: the links from a cg:Role to what it qualifies: its dates show on the fact it restates, not as facts
ROLE_LINKS = {CG.qualifiedSubject, CG.qualifiedObject}

#: the dates of the roles an entity holds or has (see cg:Role), each the most precise any source gives
ROLES_QUERY = """
SELECT ?s ?p ?o ?since ?until WHERE {
  ?role a cg:Role ; cg:qualifiedSubject ?s ; cg:qualifiedProperty ?p ; cg:qualifiedObject ?o .
  FILTER(?s = <%s> || ?o = <%s>)
  OPTIONAL { ?role cg:startDate ?since }
  OPTIONAL { ?role cg:endDate ?until }
}"""


@dataclass(frozen=True)
class SourceRef:
    """The document behind a named graph: its URL, publisher, title and confidence (H, M or L)."""

    graph: str
    url: str | None = None
    publisher: str | None = None
    title: str | None = None
    confidence: str | None = None
    method: str | None = None  # how the graph's triples were made: cg:CuratedByHand, cg:DerivedByHand ...
    issued: str | None = None  # the document's publication date as given: 2025-01-14, 2025-01 or 2025

    @property
    def derived(self) -> bool:
        """True for a graph of facts a person worked out from sources rather than read in one."""
        return self.method == str(CG.DerivedByHand)


@dataclass
class Fact:
    """One relation of an entity: ``direction`` is "out" (entity → value) or "in" (value → entity).

    ``status`` is the claim status when the value (or the entity) is a claim, else None: a plain fact is
    what its sources state. ``date`` is the value's date when it is a dated statement or event. ``since``
    and ``until`` are the dates a role began and ended (a ``cg:Role`` beside the plain triple), when sources
    give them; a role with an ``until`` is :attr:`past`.
    """

    predicate: str
    predicate_label: str
    direction: str
    value: Any
    value_label: str
    value_iri: str | None = None
    value_kind: str | None = None
    status: str | None = None
    date: str | None = None
    sources: list[SourceRef] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    #: with ``describe(..., why=True)``: the ways the fact holds (a :class:`~casegraph.why.Support`)
    why: Any = None

    @property
    def past(self) -> bool:
        """True for a role that has ended (a counsel who withdrew, a judge the case was reassigned from)."""
        return self.until is not None


@dataclass(repr=False)
class Description(Result):
    """An entity with its classes, names and facts; as rows, a fact a row (``to_pandas``: see
    :mod:`casegraph.results`; ``value`` keeps the fact's Python value, ``sources`` its URLs).

    >>> from casegraph import CaseGraph
    >>> kadrey = CaseGraph.open().describe("Kadrey v. Meta")
    >>> kadrey                                      # doctest: +ELLIPSIS
    <Description: Kadrey v. Meta (legal case), ... facts>
    >>> frame = kadrey.to_pandas()
    >>> frame.loc[frame.predicate_label == "filed on", "value"].iloc[0]
    datetime.date(2023, 7, 7)
    """

    iri: str
    label: str
    classes: list[str]
    labels: dict[str, list[str]]
    aliases: list[str]
    facts: list[Fact]

    _columns = (("direction", "text"), ("predicate_label", "text"), ("value_label", "text"), ("value", "list"),
                ("value_iri", "text"), ("value_kind", "text"), ("status", "text"), ("date", "date"),
                ("since", "date"), ("until", "date"), ("predicate", "text"), ("sources", "list"),
                ("publishers", "list"))
    _html_columns = ("direction", "predicate_label", "value_label", "value_kind", "date", "sources")

    def to_dict(self) -> dict:
        """The description as JSON-ready data (the CLI's ``--json`` and the server's /api/entity share it); each
        fact's sources under ``_why`` when it was asked ``why``."""
        data = asdict(self)
        sources = getattr(self, "why_sources", {})
        for item, fact in zip(data["facts"], self.facts):
            item.pop("why")  # a Support: written out with its documents, below
            item.update(with_why({}, sources, fact.why))
            item["value"] = _json_value(item["value"])
        return data

    def _schema(self):
        # the value column holds each fact's Python value (a date, a number, an IRI as text)
        return [(name, "any" if name == "value" else kind) for name, kind in self._columns]

    def _rows(self) -> list[dict]:
        return [{"direction": f.direction, "predicate_label": f.predicate_label, "value_label": f.value_label,
                 "value": f.value, "value_iri": f.value_iri, "value_kind": f.value_kind, "status": f.status,
                 "date": f.date, "since": f.since, "until": f.until, "predicate": f.predicate,
                 "sources": urls_of(f.sources), "publishers": publishers_of(f.sources)} for f in self.facts]

    def _summary(self) -> str:
        kinds = f" ({', '.join(self.classes[:2])})" if self.classes else ""
        return f"{clip(self.label, 50)}{kinds}, {plural(len(self.facts), 'fact')}"


def _json_value(value):
    from .results import json_ready

    return json_ready(value)


def _finer(known: str | None, date) -> str | None:
    """The more precise of two dates (sources may give a role's start to the month or to the day)."""
    return str(date) if date is not None and len(str(date)) > len(known or "") else known


def pick_lang(values: list[Literal], lang: str | None) -> Literal | None:
    """The value in ``lang`` if any, else English, else untagged, else the first."""
    if not values:
        return None
    for wanted in (lang, "en", None):
        for value in values:
            if getattr(value, "language", None) == wanted:
                return value
    return values[0]


def as_claim(text: str, status_label: str | None, lang: str | None = None) -> str:
    """A claim's words as a reader must see them, its status first, so that an allegation never reads as a fact.

    >>> as_claim("NVIDIA sought access to Anna's Archive", "alleged")
    "alleged: NVIDIA sought access to Anna's Archive"
    >>> as_claim("NVIDIA a cherché à accéder à Anna's Archive", "allégué", "fr")
    "allégué : NVIDIA a cherché à accéder à Anna's Archive"
    """
    if not status_label:
        return text
    return f"{status_label} : {text}" if lang == "fr" else f"{status_label}: {text}"


class FactReader:
    """Reads descriptions and statements from a CaseGraph (kept separate so the facade stays thin)."""

    def __init__(self, cg, lang: str | None = None):
        self.cg = cg
        self.lang = lang

    # --- small shared look-ups ---------------------------------------------------------------------

    def term_label(self, term: URIRef) -> str:
        """An ontology term's label in the chosen language (falls back to its local name)."""
        labels = list(self.cg.ontology.objects(term, RDFS.label))
        chosen = pick_lang(labels, self.lang)
        return str(chosen) if chosen is not None else str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]

    def details(self, iris: set[URIRef]) -> dict[URIRef, dict[str, Any]]:
        """Kind, short text, date and claim status of each IRI, in one query."""
        if not iris:
            return {}
        values = " ".join(f"<{iri}>" for iri in iris)
        rows = self.cg.query(f"""
            SELECT ?x ?type ?text ?rank ?date ?status WHERE {{
              VALUES ?x {{ {values} }}
              OPTIONAL {{ ?x a ?type }}
              OPTIONAL {{ {{ ?x cg:text|cg:originalText ?text BIND(0 AS ?rank) }}
                         UNION {{ ?x cg:claimText ?text BIND(1 AS ?rank) }}
                         UNION {{ ?x cg:paraphrase ?text BIND(2 AS ?rank) }} }}
              OPTIONAL {{ ?x cg:date ?date }}
              OPTIONAL {{ ?x cg:status ?status }}
            }}""").raw
        found: dict[URIRef, dict[str, Any]] = defaultdict(lambda: {"types": set(), "texts": [], "date": None,
                                                                      "status": None})
        for x, type_, text, rank, date, status in rows:
            entry = found[x]
            if type_ is not None:
                entry["types"].add(type_)
            if text is not None and (int(rank), str(text), text) not in entry["texts"]:
                entry["texts"].append((int(rank), str(text), text))
            entry["date"] = _finer(entry["date"], date)  # sources may date it to the month or the day
            entry["status"] = entry["status"] or status
        return found

    def kind_of(self, types: set[URIRef]) -> str | None:
        """The most specific casegraph class label among ``types``."""
        ours = [t for t in types if str(t).startswith(str(CG._NS))]
        if not ours:
            return None
        # A class that is a superclass of another listed class is less specific: drop it.
        specific = [t for t in ours if not any(
            o != t and (o, RDFS.subClassOf, t) in self.cg.ontology for o in ours)]
        return self.term_label(sorted(specific or ours)[0])

    def value_label(self, iri: URIRef, detail: dict[str, Any] | None, label: str | None = None) -> str:
        """How a linked thing reads: a statement or claim by its words, a claim with its status first;
        ``label`` is its display label when already looked up (see ``CaseGraph.labels``)."""
        if detail and detail["texts"]:  # a statement or claim reads better as its words than its label
            # Verbatim words before a paraphrase, then in a fixed order, whatever order the store gives rows in.
            text = str(pick_lang([t for _rank, _text, t in sorted(detail["texts"])], self.lang))
            text = text if len(text) <= 100 else text[:97] + "..."
        else:
            text = label if label is not None else self.cg.labels([iri])[iri]
        status = (detail or {}).get("status")
        return as_claim(text, self.term_label(status) if status is not None else None, self.lang)

    # --- descriptions --------------------------------------------------------------------------------

    def describe(self, entity: URIRef) -> Description:
        out_rows = self.cg.query(f"SELECT ?p ?o ?g WHERE {{ GRAPH ?g {{ <{entity}> ?p ?o }} }}").raw
        in_rows = self.cg.query(f"SELECT ?s ?p ?g WHERE {{ GRAPH ?g {{ ?s ?p <{entity}> }} }}").raw
        sources = self.cg.sources_of({g for *_rest, g in out_rows} | {g for *_rest, g in in_rows})

        heading: dict[URIRef, list] = defaultdict(list)
        merged: dict[tuple, set[str]] = defaultdict(set)
        for p, o, g in out_rows:
            if p in HEADING_PREDICATES:
                if o not in heading[p]:
                    heading[p].append(o)
            else:
                merged[("out", p, o)].add(str(g))
        for s, p, g in in_rows:
            if p != RDF.type and p not in ROLE_LINKS:
                merged[("in", p, s)].add(str(g))
        roles: dict[tuple, tuple[str | None, str | None]] = {}
        for s, p, o, since, until in self.cg.query(ROLES_QUERY % (entity, entity)).raw:
            known = roles.get((s, p, o), (None, None))
            roles[(s, p, o)] = (_finer(known[0], since), _finer(known[1], until))

        linked = {value for (_d, _p, value) in merged if isinstance(value, URIRef)}
        details = self.details(linked | {entity})
        display = self.cg.labels(linked | {entity})
        own_status = details.get(entity, {}).get("status")

        facts = []
        for (direction, p, value), graphs in merged.items():
            detail = details.get(value) if isinstance(value, URIRef) else None
            status = (detail or {}).get("status") or own_status
            since, until = roles.get((entity, p, value) if direction == "out" else (value, p, entity), (None, None))
            facts.append(Fact(
                predicate=str(p),
                predicate_label=self.term_label(p),
                direction=direction,
                value=plain(value),
                value_label=(self.value_label(value, detail, display[value]) if isinstance(value, URIRef)
                             else str(value)),
                value_iri=str(value) if isinstance(value, URIRef) else None,
                value_kind=self.kind_of(detail["types"]) if detail else None,
                status=self.term_label(status) if status is not None else None,
                date=(detail or {}).get("date"),
                sources=[sources.get(g, SourceRef(g)) for g in sorted(graphs)],
                since=since,
                until=until,
            ))
        facts.sort(key=lambda f: (f.direction != "out", f.predicate_label, f.date or "", f.value_label))

        labels: dict[str, list[str]] = defaultdict(list)
        for label in heading[RDFS.label]:
            labels[getattr(label, "language", None) or ""].append(str(label))
        return Description(
            iri=str(entity),
            label=as_claim(display[entity], self.term_label(own_status) if own_status else None,
                           self.lang),
            classes=sorted({self.term_label(t) for t in heading[RDF.type] if str(t).startswith(str(CG._NS))}),
            labels=dict(labels),
            aliases=sorted({str(a) for a in heading[SKOS.altLabel]}),
            facts=facts,
        )


@dataclass
class Wording:
    """One reported wording of a statement, in one language, from one source."""

    text: str
    lang: str | None
    original: bool
    source: SourceRef


@dataclass
class StatementView:
    """A statement with its wordings, speaker, addressees, date, mentions and sources."""

    iri: str
    wordings: list[Wording]
    paraphrases: list[Wording]
    speaker: list[tuple[str, str]]
    addressees: list[tuple[str, str]]
    date: str | None
    mentions: list[tuple[str, str]]
    medium: list[str]
    sources: list[SourceRef]
    #: who said it in words, where a program read the quotation and could not link its speaker (cg:speakerName)
    speaker_names: list[str] = field(default_factory=list)
    #: for a quotation a program read in French: the chance its speaker is right (cg:attributionConfidence)
    attribution_confidence: float | None = None
    #: with ``statements(..., why=True)``: the ways the statement holds (a :class:`~casegraph.why.Support`)
    why: Any = None

    def ordered(self, lang: str | None = None) -> list[Wording]:
        """The verbatim wordings (or, when none survives, the paraphrases): ``lang`` first, then the
        original-language ones, then the others."""
        pool = self.wordings or self.paraphrases
        return sorted(pool, key=lambda w: (w.lang != lang, not w.original, w.lang or "", w.text))

    def text(self, lang: str | None = None) -> str:
        """The first of :meth:`ordered`, or "" when the statement has no words at all."""
        ordered = self.ordered(lang)
        return ordered[0].text if ordered else ""

    def to_dict(self) -> dict:
        """The statement as JSON-ready data (pairs as lists); its sources under ``_why`` come from
        :class:`~casegraph.results.Statements`."""
        data = asdict(self)
        data.pop("why")
        return _json_value(data)


_STATEMENT_PARTS = {
    CG.text: "text", CG.originalText: "text", CG.paraphrase: "paraphrase", CG.speaker: "speaker",
    CG.addressee: "addressee", CG.date: "date", CG.mentions: "mentions", CG.medium: "medium",
    CG.speakerName: "speaker_name", CG.attributionConfidence: "attribution_confidence",
}


def read_statements(reader: FactReader, speaker: URIRef | None = None,
                    mentions: URIRef | None = None) -> list[StatementView]:
    """Statements in date order, optionally only those by ``speaker`` and mentioning ``mentions``."""
    filters = ""
    if speaker is not None:
        filters += f"?st cg:speaker <{speaker}> . "
    if mentions is not None:
        filters += f"?st cg:mentions <{mentions}> . "
    predicates = ", ".join(f"<{p}>" for p in _STATEMENT_PARTS)
    rows = reader.cg.query(f"""
        SELECT ?st ?p ?o ?g WHERE {{
          ?st a cg:Statement . {filters}
          GRAPH ?g {{ ?st ?p ?o }}
          FILTER(?p IN ({predicates}))
        }}""").raw
    rows = list(rows)
    sources = reader.cg.sources_of({g for *_rest, g in rows})
    labels = reader.cg.labels({o for _st, p, o, _g in rows
                               if p in (CG.speaker, CG.addressee, CG.mentions) and isinstance(o, URIRef)})
    parts: dict[URIRef, dict[str, Any]] = defaultdict(lambda: defaultdict(list))
    for st, p, o, g in rows:
        parts[st][_STATEMENT_PARTS[p]].append((p, o, str(g)))
        parts[st]["graphs"].append(str(g))

    def entities(items):
        return sorted({(str(o), labels.get(o) or str(o)) for _p, o, _g in items}, key=lambda e: (e[1], e[0]))

    def wordings(items):
        seen: dict[tuple, Wording] = {}
        for p, o, g in items:
            key = (str(o), g)
            if key not in seen or p == CG.originalText:
                seen[key] = Wording(str(o), getattr(o, "language", None), p == CG.originalText,
                                    sources.get(g, SourceRef(g)))
        return sorted(seen.values(), key=lambda w: (w.lang != reader.lang, not w.original, w.lang or "",
                                                   w.text, w.source.graph))

    views = []
    for st, part in parts.items():
        views.append(StatementView(
            iri=str(st),
            wordings=wordings(part["text"]),
            paraphrases=wordings(part["paraphrase"]),
            speaker=entities(part["speaker"]),
            addressees=entities(part["addressee"]),
            date=most_precise({str(o) for _p, o, _g in part["date"]}),
            mentions=entities(part["mentions"]),
            medium=sorted({str(o) for _p, o, _g in part["medium"]}),
            sources=[sources.get(g, SourceRef(g)) for g in sorted(set(part["graphs"]))],
            speaker_names=sorted({str(o) for _p, o, _g in part["speaker_name"]}),
            attribution_confidence=min((float(o) for _p, o, _g in part["attribution_confidence"]), default=None),
        ))
    views.sort(key=lambda v: (v.date or "9999", v.iri))
    return views

