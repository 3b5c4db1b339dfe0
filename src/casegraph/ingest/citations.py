"""Legal citations: reported decisions and statutes (found by eyecite), docket numbers and docket entries (rules).

eyecite reads "510 U.S. 569" and "17 U.S.C. § 107"; the rules here read what it does not, in the shapes courts
write them:

- district dockets "3:23-cv-03417-VC", "1:16-cv-00745", "23-cv-11195 (SHS)"; appellate and Supreme Court
  numbers after "No." / "Nos." ("No. 18-956", "Nos. 2013-1021, 2013-1022", "Nos. 2013-1021, -1022"); "MDL No.
  3143"; and any docket number a known case carries (foreign ones too: "IL-2023-000007");
- docket *entries*, which are not dockets: "ECF No. 1119", "Dkt. 45", "Doc. 12";
- not dockets at all: report and law numbers ("H.R. Rep. No. 94-1476", "Pub. L. No. 94-553").

A full case citation carries the decision's name (read from the text before it) and year, and its parallel
citations ("471 U.S. 539, 105 S. Ct. 2218"): one decision. A short form ("471 U.S., at 562") or "Id." points at
the decision it repeats (``refers``).

>>> [(c.text, c.kind, c.normalized) for c in find_citations(
...     "See No. 3:23-cv-03417-VC, ECF No. 12, and 17 U.S.C. § 107; H.R. Rep. No. 94-1476.", {})]
[('3:23-cv-03417-VC', 'docket', '3:23-cv-03417'), ('ECF No. 12', 'entry', 'ECF 12'), ('17 U.S.C. § 107', 'statute', '17 U.S.C. § 107')]
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
import warnings
from dataclasses import dataclass, field, replace

from ..model import docket_key
from .zones import case_names

DASH = "[-\u2010\u2011\u2013]"
#: federal district docket numbers: office:year-type-number, optionally followed by the judges' initials
DISTRICT_DOCKET = re.compile(rf"\b(?P<core>\d{{1,2}}:\d{{2}}{DASH}[a-zA-Z]{{2,4}}{DASH}?\d{{3,6}})"
                             rf"(?P<judges>(?:-[A-Z]{{2,4}})*)\b")
#: the same without the office, as some courts write it: "23-cv-11195"
SHORT_DISTRICT_DOCKET = re.compile(rf"(?<![\w:]){{0}}\b(?P<core>\d{{2}}{DASH}(?:cv|cr|mc|md|ml|CV|CR|MC|MD|ML){DASH}\d{{3,6}})\b")
#: an appellate or Supreme Court docket number: "18-956", "2013-1021", "11-C-9308"
APPELLATE = rf"\d{{2,4}}{DASH}(?:[A-Za-z]{{1,2}}{DASH})?\d{{3,6}}"
#: a number after "No." / "Nos." / "MDL No.": appellate and Supreme Court dockets, lists of them, MDLs
NUMBERED_DOCKET = re.compile(
    rf"\b(?P<lead>(?:MDL|Case|Docket|Appeal|Civil Action|Civ\. A\.|Misc\.)\s+)?(?:Nos?\.|n°|Numbers?)\s*"
    rf"(?:[A-Z]\s+)?(?P<list>{APPELLATE}(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)(?:{APPELLATE}|{DASH}\d{{3,6}}))*"
    rf"|\d{{3,5}}\b)")
#: words before "No." that make the number a report's, a law's or a document's, not a docket
NOT_DOCKET_BEFORE = re.compile(r"(?:Rep\.|Doc\.|Studies|Study|Vol\.|Volume|Paper|Pub\.\s*L\.|L\.|Res\.|Stat\.|Order|Treaty|Ser\.|Cong\.|Op\.|Ops\.|"
                               r"Reg\.|Form|Bill|Amdt\.|Exhibit|Ex\.|Art\.|Claim|Patent|Pat\.)\s*$")
#: docket entries: "ECF No. 1119", "ECF Nos. 12, 15", "Dkt. 45", "Dkt. No. 45", "Doc. 12", "D.E. 3"
ENTRY = re.compile(r"\b(?P<kind>ECF|Dkt\.|Dkt|Doc\.|D\.E\.)\s*(?:Nos?\.\s*|#\s*)?(?P<list>\d{1,5}(?:\s*,\s*\d{1,5})*)\b")
#: the congressional documents whose "Doc." is not a docket entry
NOT_ENTRY_BEFORE = re.compile(r"(?:H\.\s?R\.|S\.|H\.|Sen\.)\s*$")
RECORD = re.compile(r"\d{1,2} App\.,? (?:at )?\d+")
YEAR = re.compile(r"\([^()]*?(?<!\d)(?P<year>1[7-9]\d\d|20\d\d)\)")


@dataclass(frozen=True)
class Citation:
    """A citation as written, where it is, what kind it is (case, statute, docket, entry or other), and
    what it designates: a known case (``case``), or for a decision its ``name``, ``year`` and ``parallel``
    citations; for a short form or "Id." the full citation it repeats (``refers``)."""

    text: str
    start: int
    end: int
    kind: str
    normalized: str
    case: str | None = None
    name: str | None = None
    year: str | None = None
    parallel: tuple[str, ...] = ()
    refers: str | None = None
    short: bool = False

    def to_dict(self) -> dict:
        out = {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind,
               "normalized": self.normalized, "case": self.case}
        for key in ("name", "year", "refers"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if len(self.parallel) > 1:
            out["parallel"] = list(self.parallel)
        return out


@dataclass
class CitationReading:
    """Everything :func:`read_citations` found: the citations to report, every decision citation with the
    full one it repeats (for quotations), and the warnings the citation library gave."""

    citations: list[Citation]
    pointers: list[Citation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def find_citations(text: str, dockets: dict[str, str], case: str | None = None) -> list[Citation]:
    """Decisions, statutes, dockets and entries cited in ``text``; ``dockets`` maps :func:`docket_key` to case
    IRIs, and ``case`` is the case the text is about (its entries belong to it)."""
    return read_citations(text, dockets, case).citations


def read_citations(text: str, dockets: dict[str, str], case: str | None = None) -> CitationReading:
    """:func:`find_citations`, with the short forms and "Id." citations and the library's warnings."""
    cases, pointers, caught = _eyecite(text)
    found = [*cases, *_dockets(text, dockets), *_entries(text, case)]
    # Keep the first of overlapping citations in text order (a docket rule and eyecite may read one place).
    out, reach = [], -1
    for citation in sorted(found, key=lambda c: (c.start, -c.end)):
        if citation.start >= reach:
            out.append(citation)
            reach = citation.end
    return CitationReading(out, pointers, caught)


def _dockets(text: str, dockets: dict[str, str]):
    for m in DISTRICT_DOCKET.finditer(text):
        core = re.sub(r"([a-z])(\d)", r"\1-\2", _dashes(m.group("core")).lower())  # "3:10-cv3561", as OCR reads it
        yield Citation(m.group(), m.start(), m.end(), "docket", core, dockets.get(docket_key(core)))
    for m in SHORT_DISTRICT_DOCKET.finditer(text):
        if text[max(0, m.start() - 2):m.start()].rstrip().endswith(":"):
            continue  # the tail of a full district docket
        core = _dashes(m.group("core")).lower()
        yield Citation(m.group(), m.start(), m.end(), "docket", core, _known(dockets, core))
    for m in NUMBERED_DOCKET.finditer(text):
        if NOT_DOCKET_BEFORE.search(text[max(0, m.start() - 25):m.start()]):
            continue
        lead = (m.group("lead") or "").strip()
        numbers = m.group("list")
        if "-" not in _dashes(numbers) and not lead:
            continue  # a bare "No. 12" is a list item, a page or a count
        if lead == "MDL":
            normalized = f"MDL {numbers}"
            yield Citation(m.group(), m.start(), m.end(), "docket", normalized, _known(dockets, normalized))
            continue
        first = None
        for part in re.finditer(rf"{APPELLATE}|{DASH}\d{{3,6}}|\d{{3,5}}", numbers):
            number = _dashes(part.group())
            if number.startswith("-") and first:
                number = first.split("-")[0] + number  # "Nos. 2013-1021, -1022"
            first = first or number
            start = m.start("list") + part.start()
            yield Citation(text[start:start + len(part.group())], start, start + len(part.group()), "docket",
                           number, _known(dockets, number))
    for known, case in dockets.items():
        if not re.match(r"^\d{1,2}:\d{2}-", known) and len(known) >= 8 and not known.isdigit():
            for m in re.finditer(re.escape(known), text, re.I):
                yield Citation(m.group(), m.start(), m.end(), "docket", known, case)


def _entries(text: str, case: str | None):
    for m in ENTRY.finditer(text):
        kind = m.group("kind").rstrip(".")
        if kind == "Doc" and NOT_ENTRY_BEFORE.search(text[max(0, m.start() - 8):m.start()]):
            continue
        label = {"Dkt": "Dkt.", "Doc": "Doc.", "D.E": "D.E."}.get(kind, kind)
        numbers = list(re.finditer(r"\d{1,5}", m.group("list")))
        for i, number in enumerate(numbers):
            # The first entry's words include "ECF No."; the next ones in a list are the numbers alone.
            start = m.start() if i == 0 else m.start("list") + number.start()
            end = m.start("list") + number.end()
            yield Citation(text[start:end], start, end, "entry", f"{label} {number.group()}", case)


def _known(dockets: dict[str, str], number: str) -> str | None:
    return dockets.get(docket_key(number)) or dockets.get(number.lower())


def _dashes(words: str) -> str:
    return re.sub(DASH, "-", words)


def _eyecite(text: str) -> tuple[list[Citation], list[Citation], list[str]]:
    """Decisions and statutes eyecite finds, with the warnings it logs caught rather than printed."""
    from eyecite import get_citations, resolve_citations
    from eyecite.models import (FullCaseCitation, FullJournalCitation, FullLawCitation, IdCitation,
                                ShortCaseCitation, SupraCitation)

    caught: list[str] = []
    handler = _Collect(caught)
    library = logging.getLogger("eyecite")
    library.addHandler(handler)
    propagate, library.propagate = library.propagate, False
    try:
        with warnings.catch_warnings(record=True) as raised:
            warnings.simplefilter("always")
            found = get_citations(text)
            try:
                resolved = resolve_citations(found)
            except Exception as e:  # resolution is a help for quotations, never a reason to fail a reading
                caught.append(f"eyecite could not resolve short citations: {e}")
                resolved = {}
        caught.extend(str(w.message) for w in raised)
    finally:
        library.removeHandler(handler)
        library.propagate = propagate

    names = case_names(text)
    groups = _parallel_groups(text, found, FullCaseCitation)
    # "1 App. 85" is a page of the joint appendix (the record), which eyecite reads as Ohio Appellate Reports.
    found = [c for c in found if not (isinstance(c, (FullCaseCitation, ShortCaseCitation))
                                      and RECORD.fullmatch(text[slice(*c.span())]))]
    full_of = {}  # id(eyecite citation) -> our Citation of the decision it designates
    out, pointers = [], []
    for citation in found:
        start, end = citation.span()
        if isinstance(citation, FullCaseCitation):
            group = groups[id(citation)]
            parallel = tuple(c.corrected_citation() for c in group)
            # The parenthesis that closes the citation gives its year; eyecite's own guess can be a neighbour's.
            year = _year_after(text, group) or next((c.metadata.year for c in group if c.metadata.year), None)
            ours = Citation(text[start:end], start, end, "case", citation.corrected_citation(),
                            name=_name_before(text, group[0], names), year=str(year) if year else None,
                            parallel=parallel)
            full_of[id(citation)] = ours
            out.append(ours)
        elif isinstance(citation, FullLawCitation):
            ours = Citation(text[start:end], start, end, "statute", citation.corrected_citation())
            full_of[id(citation)] = ours
            out.append(ours)
        elif isinstance(citation, FullJournalCitation):
            out.append(Citation(text[start:end], start, end, "other", citation.corrected_citation()))
        elif isinstance(citation, ShortCaseCitation):
            out.append(Citation(text[start:end], start, end, "case", citation.corrected_citation(), short=True))
    # Short forms, "Id." and "supra" point at the full citation eyecite resolved them to.
    for resource, cited in resolved.items():
        full = full_of.get(id(getattr(resource, "citation", None)))
        if full is None:
            continue
        for citation in cited:
            if isinstance(citation, (ShortCaseCitation, IdCitation, SupraCitation, FullCaseCitation,
                                     FullLawCitation)):
                start, end = citation.span()
                pointers.append(Citation(text[start:end], start, end, full.kind, full.normalized,
                                         parallel=full.parallel, refers=full.normalized,
                                         short=not isinstance(citation, (FullCaseCitation, FullLawCitation))))
    # What eyecite could not resolve: a short form by its volume and reporter among the full citations
    # ("104 S. Ct., at 793" is 104 S. Ct. 774), an "Id." by the citation just before it.
    by_volume: dict[str, list[tuple[int, Citation]]] = {}
    for c in out:
        if c.kind == "case" and not c.short:
            for p in c.parallel or (c.normalized,):
                volume, _sep, page = p.rpartition(" ")
                if page.isdigit():
                    by_volume.setdefault(volume, []).append((int(page), c))
    placed = {(c.start, c.end): c for c in pointers}
    last = None
    for citation in found:
        start, end = citation.span()
        if (start, end) in placed:
            last = placed[start, end]
            continue
        if isinstance(citation, ShortCaseCitation):
            volume = f"{citation.groups.get('volume')} {citation.corrected_reporter()}"
            pin = int(citation.groups.get("page") or 0) if str(citation.groups.get("page") or "").isdigit() else 0
            # The decision of that volume that starts last before the pin page (two may share a volume).
            starting = [(page, c) for page, c in by_volume.get(volume, []) if page <= pin] or by_volume.get(volume, [])
            full = max(starting, key=lambda pc: pc[0])[1] if starting else None
            if full:
                last = replace(full, text=text[start:end], start=start, end=end, refers=full.normalized, short=True)
                pointers.append(last)
        elif isinstance(citation, IdCitation) and last is not None:
            pointers.append(replace(last, text=text[start:end], start=start, end=end, short=True))
        elif isinstance(citation, (FullCaseCitation, FullLawCitation)):
            last = full_of.get(id(citation))
        elif isinstance(citation, (FullJournalCitation, SupraCitation)):
            last = None  # an "Id." after an article or a "supra" repeats what eyecite could not name
    short = {(c.start, c.end): c for c in pointers if c.short}
    out = [short.get((c.start, c.end), c) if c.short else c for c in out]
    return out, sorted(pointers, key=lambda c: c.start), caught


class _Collect(logging.Handler):
    def __init__(self, into: list[str]):
        super().__init__(logging.DEBUG)
        self.into = into

    def emit(self, record):
        if record.levelno >= logging.WARNING:
            self.into.append(record.getMessage()[:200])


def _parallel_groups(text: str, found, full_class) -> dict[int, list]:
    """Each full case citation's group of parallel citations: full citations with only pin pages and commas
    between them ("471 U.S. 539, 562, 105 S. Ct. 2218, 85 L. Ed. 2d 588")."""
    groups: dict[int, list] = {}
    current: list = []
    for citation in found:
        if not isinstance(citation, full_class):
            current = []
            continue
        if current and re.fullmatch(r"[,\s\d–\-n.*]{0,24}", text[current[-1].span()[1]:citation.span()[0]]):
            current.append(citation)
        else:
            current = [citation]
        for member in current:
            groups[id(member)] = current
    return groups


def _name_before(text: str, citation, names: list[tuple[int, int]]) -> str | None:
    """The case name written just before a citation ("Feist Publications, Inc. v. Rural Telephone Service
    Co., 499 U.S. 340"), or the parties eyecite read."""
    start = citation.span()[0]
    # The case names are sorted by start: look only at those that start before the citation, nearest first.
    for s, e in reversed(names[:bisect_left(names, (start,))]):
        if e <= start and start - e <= 4:
            return re.sub(r"\s+", " ", text[s:e]).strip(" ,")
        if e < start - 4:
            break
    plaintiff, defendant = getattr(citation.metadata, "plaintiff", None), getattr(citation.metadata, "defendant", None)
    return f"{plaintiff} v. {defendant}" if plaintiff and defendant else None


def _year_after(text: str, group: list) -> str | None:
    """The year in the parenthesis that closes a citation ("(1984)", "(2d Cir. 2015)")."""
    end = group[-1].span()[1]
    m = YEAR.search(text, end, end + 120)
    return m.group("year") if m and "(" not in text[end:m.start()] else None


def eyecite_version() -> str:
    from importlib.metadata import version

    return f"eyecite {version('eyecite')}"
