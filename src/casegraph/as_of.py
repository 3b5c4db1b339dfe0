"""The state of the cases on a day: a view of the graph that leaves out what had not happened yet.

A view "as of" a day keeps what the dated events say up to that day: filings, rulings, settlements, hearings
and statements dated later are left out with everything that hangs on them (a ruling's dispositions, a later
case's claims, a role that a later event began), and so are the triples that became true later (a release, the
end of a role) and the case statuses in words from sources published later. Which property does what is
declared in the ontology (``cg:asOfRule``); nothing here names a property of the data but the few that the
worked-out status reads.

Each case then gets a status worked out from what is left: when it was filed, its last event, and each claim as
its last ruling left it. It sits in the inferred graph with a derivation naming the graphs it rests on, so
``--why`` traces it to the filings and rulings themselves.

>>> from casegraph import CaseGraph
>>> before = CaseGraph.open().view_of(as_of="2025-06-22")
>>> [row] = before.query("SELECT ?s WHERE { case:cand-3-24-cv-05417 cg:caseStatus ?s "
...                      "FILTER(LANG(?s) = 'en') }").rows
>>> "2025-06-23" in row["s"]   # the fair-use order came the day after
False
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import PROV

from .model import mint_iri
from .ontology import ontology_graph
from .timeline import last_day, most_precise
from .vocab import CG

#: what the worked-out status says, in each language: {day} {filed} {last} {claims} are filled in
WORDING = {
    "en": {"opening": "As of {day}, from the dated events in the sources:", "filed": "filed {date}",
           "last": "last event {date}: {label}", "settlement": "settlement {date}: {label}",
           "claims": "claims as their last ruling left them: {list}",
           "no ruling": "no ruling on the claims yet", "separator": "; ",
           "derivation": "status as of {day}: {case}"},
    "fr": {"opening": "Au {day}, d'après les événements datés des sources :", "filed": "introduite le {date}",
           "last": "dernier événement le {date} : {label}", "settlement": "transaction le {date} : {label}",
           "claims": "chefs tels que leur dernière décision les a laissés : {list}",
           "no ruling": "aucune décision sur les chefs à cette date", "separator": " ; ",
           "derivation": "état au {day} : {case}"},
}


@dataclass
class AsOfReport:
    """What a view as of ``day`` left out and worked out: the things dated later (``later``), the triples that
    became true later (``later_triples``), the case statuses from later or undated sources (``statuses``), and
    the statuses worked out from the events (``worked_out``)."""

    day: date
    later: set = field(default_factory=set)
    later_triples: int = 0
    statuses: int = 0
    worked_out: int = 0

    def summary(self) -> str:
        """One line for the user, e.g. ``the cases as of 2025-06-22: 120 things dated later left out...``."""
        return (f"the cases as of {self.day.isoformat()}: {len(self.later)} things dated later left out, "
                f"{self.later_triples} facts that became true later, {self.statuses} case statuses from later "
                f"or undated sources; {self.worked_out} statuses worked out from the events")


@lru_cache(maxsize=1)
def as_of_rules() -> dict[URIRef, URIRef]:
    """Each property with a ``cg:asOfRule`` in the ontology -> its rule (``cg:SubjectBegins``...)."""
    return {prop: rule for prop, rule in ontology_graph().subject_objects(CG.asOfRule)}


@lru_cache(maxsize=1)
def _settlement_classes() -> frozenset:
    return frozenset(ontology_graph().transitive_subjects(RDFS.subClassOf, CG.Settlement))


def _done_by(value, day: date) -> bool | None:
    """Whether a date literal (day, month or year) is wholly on or before ``day``; None when it is no date."""
    last = last_day(str(value)) if isinstance(value, Literal) else None
    return None if last is None else last <= day


def state_on(quads: list[tuple], day: date, issued: dict[str, str | None]) -> tuple[list[tuple], AsOfReport]:
    """The quads of a view as of ``day``, and what was left out; ``issued`` gives each source graph's
    publication date (for the case statuses in words). The worked-out statuses are added to the quads."""
    rules = as_of_rules()
    report = AsOfReport(day)
    by_rule: dict[URIRef, list[tuple]] = defaultdict(list)
    for quad in quads:
        rule = rules.get(quad[1])
        if rule is not None:
            by_rule[rule].append(quad)

    # Things that began later; of a thing dated differently by two sources, the earlier date counts.
    began: dict = {}
    for s, _p, o, _g in by_rule[CG.SubjectBegins]:
        done = _done_by(o, day)
        if done is not None:
            began[s] = began.get(s, False) or done
    later = {s for s, done in began.items() if not done}
    # ... and what hangs on them, until nothing more is left out.
    needs: dict = defaultdict(set)
    for s, _p, o, _g in by_rule[CG.SubjectNeedsObject]:
        needs[o].add(s)
    waiting = list(later)
    while waiting:
        for dependent in needs.pop(waiting.pop(), ()):
            if dependent not in later:
                later.add(dependent)
                waiting.append(dependent)
    # A derived triple stands while one of the things that support it does.
    supports: dict = defaultdict(set)
    for s, p, o, _g in quads:
        if p == CG.supportedBy:
            supports[s].add(o)
    later |= {node for node, found in supports.items() if found <= later}
    report.later = later

    # A role left out takes the plain triple it restates with it, unless another role still restates it; a
    # derivation left out takes its derived triple, unless another derivation still derives it.
    gone = (_restated(quads, CG.qualifiedSubject, CG.qualifiedProperty, CG.qualifiedObject, later)
            | _restated(quads, CG.derivedSubject, CG.derivedPredicate, CG.derivedObject, later))

    kept = []
    for quad in quads:
        s, p, o, g = quad
        if s in later or o in later:
            continue
        rule = rules.get(p)
        if (s, p, o) in gone or (rule == CG.TripleBegins and _done_by(o, day) is False):
            report.later_triples += 1
        elif rule == CG.HoldsAsOfSource and _done_by(Literal(issued.get(str(g)) or ""), day) is not True:
            report.statuses += 1  # from a source published later, or undated
        else:
            kept.append(quad)
    added = worked_out_statuses(kept, day)
    report.worked_out = sum(1 for _s, p, _o, _g in added if p == CG.caseStatus)
    return kept + added, report


def _restated(quads, subject, predicate, object_, later) -> set:
    """The triples that nodes restating a triple (roles, derivations: ``subject``, ``predicate``, ``object_``
    properties) restate only among ``later``: those that no node kept still restates."""
    parts: dict = defaultdict(dict)
    for s, p, o, _g in quads:
        if p in (subject, predicate, object_):
            parts[s][p] = o
    triple = lambda found: (found.get(subject), found.get(predicate), found.get(object_))
    standing = {triple(found) for node, found in parts.items() if node not in later}
    return {triple(found) for node, found in parts.items() if node in later} - standing


class _Record:
    """What the worked-out statuses read of the kept quads: types, dates, labels, the case each thing is in, the
    ruling of each disposition, the dispositions of each claim, filing dates, and the graphs that state them."""

    def __init__(self, quads):
        self.types, self.dates, self.labels = defaultdict(set), defaultdict(set), defaultdict(dict)
        self.in_case, self.ruling, self.dispositions, self.filed = {}, {}, defaultdict(set), {}
        self.graphs = defaultdict(set)  # thing -> the graphs of its date, case, ruling and filing
        for s, p, o, g in quads:
            if p == RDF.type:
                self.types[s].add(o)
            elif p == RDFS.label and isinstance(o, Literal):
                self.labels[s].setdefault(o.language or "", str(o))
            elif p == CG.disposition:
                self.dispositions[s].add(o)
            elif p in (CG.date, CG.filedOn, CG.inCase, CG.ruling):
                self.graphs[s].add(g)
                if p == CG.date:
                    self.dates[s].add(str(o))
                elif p == CG.filedOn:
                    self.filed[s] = str(o)
                elif p == CG.inCase:
                    self.in_case[s] = o
                else:
                    self.ruling[s] = o
        self.when = {thing: most_precise(found) for thing, found in self.dates.items()}

    def settlement(self, thing) -> bool:
        return bool(self.types[thing] & _settlement_classes())

    def label(self, thing, lang: str) -> str:
        found = self.labels[thing]
        return found.get(lang) or found.get("en") or found.get("") or str(thing)

    def last_rulings(self) -> dict:
        """Case -> the dispositions of its claims' last rulings (several when one ruling decided a claim for
        several parties)."""
        found = defaultdict(set)
        for claim, dispositions in self.dispositions.items():
            dated = {d: self.when[self.ruling[d]] for d in dispositions if self.when.get(self.ruling.get(d))}
            if dated:
                latest = max(dated.values())
                case = self.in_case.get(claim) or next(filter(None, map(self.in_case.get, dated)), None)
                found[case] |= {d for d, day in dated.items() if day == latest}
        return found


def worked_out_statuses(quads: list[tuple], day: date) -> list[tuple]:
    """Each case's status on ``day`` in words, from its filing, its last settlement, its last event and each
    claim's last ruling, as quads of the inferred graph, each with a derivation naming the graphs it rests on."""
    from .analysis.inference import inferred_graph_description
    from .analysis.projection import INFERRED_GRAPH

    record = _Record(quads)
    events = defaultdict(list)  # a case's dated events (dispositions are told through their claims)
    for thing, case in record.in_case.items():
        if thing in record.when and thing not in record.ruling:
            events[case].append(thing)
    last_rulings = record.last_rulings()
    cases = {s for s, types in record.types.items() if CG.LegalCase in types}
    added = []
    for case in sorted(cases & (set(events) | set(record.filed) | set(last_rulings))):
        latest = lambda things: max(things, key=lambda e: (record.when[e], str(e)), default=None)
        last = latest(events[case])
        # A settlement changes what a case is about even when later events (its approval hearings) follow it.
        settlement = latest([e for e in events[case] if record.settlement(e)])
        settlement = None if settlement == last else settlement
        support = last_rulings[case] | {e for e in (last, settlement) if e is not None}
        rests_on = {g for thing in support | {record.ruling[d] for d in last_rulings[case]} | {case}
                    for g in record.graphs[thing]}
        for lang, words in WORDING.items():
            parts = [words["filed"].format(date=record.filed[case])] if case in record.filed else []
            if settlement is not None:
                parts.append(words["settlement"].format(date=record.when[settlement],
                                                        label=record.label(settlement, lang)))
            if last is not None:
                parts.append(words["last"].format(date=record.when[last], label=record.label(last, lang)))
            claims = sorted({record.label(d, lang) for d in last_rulings[case]})
            separator = words["separator"]
            parts.append(words["claims"].format(list=separator.join(claims)) if claims else words["no ruling"])
            status = Literal(f"{words['opening'].format(day=day.isoformat())} {separator.join(parts)}.", lang=lang)
            digest = hashlib.sha1(f"{case} {day} {lang}".encode()).hexdigest()[:16]
            node = mint_iri("derivation", "as-of-status", digest)
            name = words["derivation"].format(day=day.isoformat(), case=record.label(case, lang))
            added += [(case, CG.caseStatus, status), (node, RDF.type, CG.Derivation),
                      (node, RDFS.label, Literal(name, lang=lang)),
                      (node, CG.rule, CG.AsOfStatusRule), (node, CG.derivedSubject, case),
                      (node, CG.derivedPredicate, CG.caseStatus), (node, CG.derivedObject, status),
                      *((node, CG.supportedBy, thing) for thing in sorted(support)),
                      *((node, PROV.wasDerivedFrom, g) for g in sorted(rests_on))]
    if not added:
        return []
    present = any(g == INFERRED_GRAPH for _s, _p, _o, g in quads)
    return [(s, p, o, INFERRED_GRAPH) for s, p, o in ([] if present else inferred_graph_description()) + added]
