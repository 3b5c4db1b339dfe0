"""Importing dockets from CourtListener's REST API (v4) JSON: dockets, parties, attorneys, docket entries.

Files are read from disk (casegraph never calls the API). Each file holds one object or a page of results
(``{"count": ..., "results": [...]}``) of any of the four kinds; the kind is recognised by its fields. Every
docket becomes a case in a named graph of its own whose source is the docket's CourtListener page. Parties
and attorneys are scoped to the docket they appear in: an attorney's ``parties_represented`` entries for
other dockets are ignored, so a lawyer who acted in another case is not made counsel in this one.

Names become entities with :func:`casegraph.model.mint_iri`, so "Richard Kadrey" in a docket and in the
curated data are one node. Docket numbers lose their judges' initials ("3:23-cv-03417-VC" is case
``cand-3-23-cv-03417``), so a docket and a curated case with the same court and number are one case.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import XSD

from .errors import InputError
from .model import Source, mint_iri
from .vocab import CG

COURTLISTENER = "https://www.courtlistener.com"
PLAINTIFF_TYPES = {"plaintiff", "petitioner", "appellant", "counter-defendant"}
DEFENDANT_TYPES = {"defendant", "respondent", "appellee", "counter-claimant"}
ORGANIZATION_WORDS = re.compile(
    r"\b(inc|llc|l\.l\.c|corp|corporation|company|co|ltd|limited|lp|llp|plc|pbc|gmbh|sa|group|association|"
    r"guild|union|foundation|university|society|trust|bank|holdings|partners|press|publishers?)\b\.?", re.I)


@dataclass
class Docket:
    """What the files say about one docket, gathered before any triple is written."""

    id: int
    record: dict = field(default_factory=dict)
    parties: list[dict] = field(default_factory=list)
    attorneys: list[dict] = field(default_factory=list)
    entries: list[dict] = field(default_factory=list)


@dataclass
class ImportReport:
    """Per docket: the case IRI, and how many parties, attorneys and entries were imported; and the dockets
    whose parties or attorneys the files mention without giving the docket itself (skipped)."""

    cases: dict[str, dict[str, int]] = field(default_factory=dict)
    skipped_dockets: list[int] = field(default_factory=list)


def _records(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{path}:{e.lineno}: not JSON: {e.msg}") from None
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        data = data["results"]
    items = data if isinstance(data, list) else [data]
    if not all(isinstance(item, dict) for item in items):
        raise InputError(f"{path}: expected CourtListener objects (a docket, parties, attorneys or entries)")
    return items


def _docket_id(value) -> int | None:
    """A docket id from an id or a docket URL (".../dockets/123/")."""
    if isinstance(value, int):
        return value
    match = re.search(r"/dockets/(\d+)/?$", str(value or ""))
    return int(match.group(1)) if match else None


def gather(paths) -> dict[int, Docket]:
    """Read every file and sort its objects by docket (records of dockets with no docket object in the files
    stay in the returned dict, without ``record``; the import skips them)."""
    dockets: dict[int, Docket] = {}
    orphans: list[tuple[Path, str]] = []

    def docket(i: int) -> Docket:
        return dockets.setdefault(i, Docket(i))

    for path in map(Path, paths):
        for item in _records(path):
            if "docket_number" in item and "case_name" in item:
                docket(item["id"]).record = item
            elif "party_types" in item:
                for party_type in item["party_types"]:
                    i = party_type.get("docket_id") or _docket_id(party_type.get("docket"))
                    docket(i).parties.append({**item, "party_types": [party_type]})
            elif "parties_represented" in item:
                for link in item["parties_represented"]:
                    i = link.get("docket_id") or _docket_id(link.get("docket"))
                    docket(i).attorneys.append({**item, "parties_represented": [link]})
            elif "entry_number" in item:
                i = item.get("docket_id") or _docket_id(item.get("docket"))
                if i is None:
                    orphans.append((path, f"entry {item.get('entry_number')}"))
                else:
                    docket(i).entries.append(item)
            else:
                raise InputError(f"{path}: an object that is not a CourtListener docket, party, attorney or "
                                 f"docket entry (fields: {', '.join(sorted(item)[:8])})")
    if orphans:
        raise InputError(f"{orphans[0][0]}: {orphans[0][1]} does not say which docket it belongs to")
    return dockets


def _agent(name: str) -> tuple[URIRef, URIRef]:
    kind = ("organization", CG.Organization) if ORGANIZATION_WORDS.search(name) else ("person", CG.Person)
    return mint_iri(kind[0], name), kind[1]


def _date(value) -> Literal | None:
    try:
        return Literal(date.fromisoformat(str(value)[:10]), datatype=XSD.date) if value else None
    except ValueError:
        return None


def docket_triples(d: Docket) -> tuple[Source, list[tuple]]:
    """The source (the docket's CourtListener page) and the triples of one docket."""
    r = d.record
    court = str(r.get("court_id") or _court_from_url(r.get("court")) or "unknown-court")
    number = re.sub(r"(-[A-Z]{2,4})+$", "", str(r["docket_number"]).strip())
    case = mint_iri("case", court, number)
    url = COURTLISTENER + r["absolute_url"] if r.get("absolute_url") else f"{COURTLISTENER}/docket/{d.id}/"
    source = Source(url=url, publisher="CourtListener (Free Law Project)", language="en",
                    title=f"CourtListener docket: {r['case_name']}", confidence="H", method=CG.ExtractedByRule,
                    slug=f"courtlistener-docket-{d.id}")
    court_iri = mint_iri("court", court)
    t = [(case, RDF.type, CG.LegalCase), (case, RDFS.label, Literal(r["case_name"])),
         (case, CG.court, court_iri), (court_iri, RDF.type, CG.Court), (court_iri, RDFS.label, Literal(court)),
         (case, CG.docketNumber, Literal(str(r["docket_number"])))]
    if _date(r.get("date_filed")) is not None:
        t.append((case, CG.filedOn, _date(r["date_filed"])))
    if r.get("nature_of_suit"):
        t.append((case, CG.natureOfSuit, Literal(r["nature_of_suit"])))
    for field_name, prop in (("assigned_to_str", CG.presidingJudge), ("referred_to_str", CG.magistrateJudge)):
        if r.get(field_name):
            judge = mint_iri("person", r[field_name])
            t += [(case, prop, judge), (judge, RDF.type, CG.Person), (judge, RDFS.label, Literal(r[field_name]))]

    sides: dict[int, URIRef] = {}  # party id -> cg:plaintiff / cg:defendant, for their attorneys' side
    for party in d.parties:
        agent, cls = _agent(party["name"])
        t += [(agent, RDF.type, cls), (agent, RDFS.label, Literal(party["name"]))]
        role = party["party_types"][0].get("name", "").strip().lower()
        prop = CG.plaintiff if role in PLAINTIFF_TYPES else CG.defendant if role in DEFENDANT_TYPES else None
        if prop is not None:
            t.append((case, prop, agent))
            sides[party.get("id")] = prop
    for attorney in d.attorneys:
        person = mint_iri("person", attorney["name"])
        link = attorney["parties_represented"][0]
        party_id = link.get("party_id") or _party_id(link.get("party"))
        side = sides.get(party_id)
        prop = {CG.plaintiff: CG.plaintiffsCounsel, CG.defendant: CG.defendantsCounsel}.get(side, CG.counsel)
        t += [(person, RDF.type, CG.Person), (person, RDFS.label, Literal(attorney["name"])), (case, prop, person)]
    for entry in d.entries:
        when = _date(entry.get("date_filed"))
        if when is None:
            continue  # an event needs a date; CourtListener leaves some entries undated
        number_text = entry.get("entry_number")
        event = mint_iri("event", court, number, "entry", str(number_text or entry.get("id")))
        description = (entry.get("description") or "").strip()
        label = f"{r['case_name']}: docket entry {number_text}" if number_text else f"{r['case_name']}: docket entry"
        t += [(event, RDF.type, CG.Filing), (event, RDFS.label, Literal(label, lang="en")), (event, CG.date, when),
              (event, CG.inCase, case)]
        if number_text:
            t.append((event, CG.docketEntry, Literal(f"Dkt {number_text}")))
        if description:
            t.append((event, CG.description, Literal(description, lang="en")))
    return source, t


def _court_from_url(value) -> str | None:
    match = re.search(r"/courts/([^/]+)/?$", str(value or ""))
    return match.group(1) if match else None


def _party_id(value) -> int | None:
    match = re.search(r"/parties/(\d+)/?$", str(value or ""))
    return int(match.group(1)) if match else None


def import_courtlistener(cg, paths) -> ImportReport:
    """Read CourtListener JSON files and add one named graph per docket to ``cg``."""
    report = ImportReport()
    dockets = gather(paths)
    report.skipped_dockets = sorted(i for i, d in dockets.items() if not d.record)
    # Everything is read and turned into triples before anything is added.
    prepared = [docket_triples(d) for d in dockets.values() if d.record]
    if not prepared:
        raise InputError("no CourtListener docket object among the files (parties, attorneys and entries need "
                         "their docket's JSON too)")
    for source, triples in prepared:
        graph = cg.add(triples, source=source)
        counts = defaultdict(int)
        for _s, p, _o in triples:
            key = {CG.plaintiff: "plaintiffs", CG.defendant: "defendants", CG.plaintiffsCounsel: "counsel",
                   CG.defendantsCounsel: "counsel", CG.counsel: "counsel", CG.inCase: "entries"}.get(p)
            if key:
                counts[key] += 1
        report.cases[str(graph)] = dict(counts)
    return report
