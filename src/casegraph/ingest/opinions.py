"""Court opinions and orders as documents: the decision a text is, and the decisions it cites.

When a text opens as an opinion does (a court line such as "Supreme Court of the United States" or "UNITED
STATES DISTRICT COURT", or its own reporter citation on a line of its own), its header gives the caption, the
court, the date ("Decided March 27, 1991", "Dated: June 25, 2025") and its docket; its own reporter citations are
that first line and, in Westlaw's exports, the line after "All Citations".

Every decision cited in full becomes a decision too, keyed by its reporter citation: the U.S. Reports one when the
text gives it among the parallel citations, else the first. A decision the graph already holds under any of its
citations keeps its IRI, so a folder of opinions ingested one after another is one citation network, and a
decision cited by several of them is one node.

>>> text = "499 U.S. 340\\n\\nFEIST PUBLICATIONS, INC. v. RURAL TELEPHONE SERVICE CO.\\n\\nDecided March 27, 1991\\n\\n" \\
...        "As Harper & Row, Publishers, Inc. v. Nation Enterprises, 471 U.S. 539 (1985), held..."
>>> from casegraph.ingest.citations import read_citations
>>> reading = read_citations(text, {})
>>> own = read_decision(text, reading.citations)
>>> own.name, own.citations, own.date
('Feist Publications, Inc. v. Rural Telephone Service Co.', ('499 U.S. 340',), '1991-03-27')
>>> [(d.name, d.citations, d.date) for d in cited_decisions(reading.citations, own)]
[('Harper & Row, Publishers, Inc. v. Nation Enterprises', ('471 U.S. 539',), '1985')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import mint_iri
from .citations import Citation
from .quotes import DATE, _iso
from .zones import case_names, parties

#: where the header of an opinion ends, at the latest
HEADER = 5000
COURT_LINE = re.compile(
    r"^\s*(?P<court>Supreme Court of the United States|SUPREME COURT OF THE UNITED STATES|"
    r"(?:United States|UNITED STATES) (?:Court of Appeals|COURT OF APPEALS)[^\n]*|"
    r"(?:United States|UNITED STATES) (?:District Court|DISTRICT COURT)[^\n]*(?:\n[^\n]*(?:DISTRICT|District) OF [^\n]+)?|"
    r"(?:United States|UNITED STATES) (?:Bankruptcy|BANKRUPTCY|Claims|CLAIMS) (?:Court|COURT)[^\n]*|"
    r"(?:Court of Appeals|COURT OF APPEALS) (?:for|FOR) [^\n]+|Supreme Court of [A-Z][a-z]+[^\n]*)\s*\.?$", re.M)
DATED = re.compile(r"\b(?:Decided|DECIDED|Filed|FILED|Dated|DATED|Entered|Signed|Date Filed)\s*:?\s*", re.M)
#: the parties' roles that captions write inside the case name
ROLE_IN_NAME = re.compile(r",?\s*\b(?:et al\.,?\s*)?(?:Plaintiffs?|Defendants?|Petitioners?|Respondents?|Appellants?|"
                          r"Appellees?|Cross|Counter)(?:[-–](?:Appellants?|Appellees?|Cross|Petitioners?|"
                          r"Respondents?|Plaintiffs?|Defendants?))*\b[,.]?", re.I)
#: reporters of decisions (not of statutes, journals or loose-leaf services) that name a decision
CASE_REPORTER = re.compile(r"\d (?:U\.S\.|S\. Ct\.|L\. Ed\.(?: 2d)?|F\.(?:2d|3d|4th)?|F\. Supp\.(?: 2d| 3d)?|"
                           r"F\. App'x|WL|B\.R\.|Fed\. Cl\.|Cal\. Rptr\.(?: 2d| 3d)?|N\.E\.(?:2d|3d)?|"
                           r"A\.(?:2d|3d)?|P\.(?:2d|3d)?|So\.(?: 2d| 3d)?|S\.W\.(?:2d|3d)?|N\.W\.(?:2d)?|"
                           r"U\.S\. Dist\. LEXIS|U\.S\. App\. LEXIS) \d")
SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "a", "an", "to", "at", "by", "v."}


@dataclass
class Decision:
    """A court decision: its name, reporter citations, date (or year), and, for the one a text is, its court,
    case and docket."""

    name: str | None
    citations: tuple[str, ...]
    date: str | None = None
    court_name: str | None = None
    docket: str | None = None
    court: str | None = None
    case: str | None = None
    iri: str | None = None
    cites: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The citation the decision is known by: U.S. Reports when given, else the first."""
        return next((c for c in self.citations if " U.S. " in c), self.citations[0])

    def to_dict(self) -> dict:
        return {"iri": self.iri, "name": self.name, "citations": list(self.citations), "date": self.date,
                "court": self.court, "court_name": self.court_name, "case": self.case, "docket": self.docket,
                "cites": self.cites}


def read_decision(text: str, citations: list[Citation]) -> Decision | None:
    """The decision ``text`` is, when its header reads as an opinion's or an order's; None otherwise."""
    header = text[:HEADER]
    court = COURT_LINE.search(header)
    own = _own_citations(text, citations)
    if not court and not own:
        return None
    dockets = [c for c in citations if c.kind == "docket" and c.start < HEADER]
    court_name = re.sub(r"\s+", " ", court.group("court")).strip(" .") if court else None
    if court_name is None and any(re.search(r" (?:U\.S\.|S\. Ct\.) ", c) for c in own):
        court_name = "Supreme Court of the United States"  # only it is reported in U.S. Reports
    return Decision(name=_caption(header), citations=own, date=_date(text), docket=dockets[0].normalized if dockets
                    else None, court_name=court_name)


def cited_decisions(citations: list[Citation], own: Decision | None = None) -> list[Decision]:
    """One decision for each case cited in full, parallel citations and repeats merged; not ``own``."""
    mine = set(own.citations) if own else set()
    decisions: list[Decision] = []
    by_citation: dict[str, Decision] = {}
    for c in citations:
        if c.kind != "case" or c.short or not c.parallel or mine & set(c.parallel):
            continue
        decision = next((by_citation[p] for p in c.parallel if p in by_citation), None)
        if decision is None:
            decision = Decision(_clean_name(c.name), tuple(c.parallel), c.year)
            decisions.append(decision)
        else:
            decision.citations = tuple(dict.fromkeys(decision.citations + c.parallel))
            decision.name = decision.name or _clean_name(c.name)
            decision.date = decision.date or c.year
        for p in c.parallel:
            by_citation[p] = decision
    return decisions


def decision_iri(decision: Decision, known: dict[str, str], fallback: str) -> str:
    """The decision's IRI: the one the graph holds under any of its citations, else minted from its key
    (``fallback`` when it has no citation: the document's docket and date, or its digest)."""
    for citation in decision.citations:
        if citation in known:
            return known[citation]
    return str(mint_iri("decision", decision.key if decision.citations else fallback))


def _own_citations(text: str, citations: list[Citation]) -> tuple[str, ...]:
    """The reporter citations a text gives for itself: a line of citations alone among its first lines,
    and the line after "All Citations"."""
    own: list[str] = []
    first_lines = [m for m in re.finditer(r"[^\n]+", text[:600]) if m.group().strip()][:4]
    places = [(m.start(), m.end()) for m in first_lines]
    after = re.search(r"^All Citations\s*\n\s*\n?([^\n]+)", text, re.M)
    if after:
        places.append(after.span(1))
    for start, end in places:
        inside = [c for c in citations if c.kind == "case" and not c.short and start <= c.start and c.end <= end]
        rest = text[start:end]
        for c in sorted(inside, key=lambda c: -c.start):
            rest = rest[:c.start - start] + rest[c.end - start:]
        # Only citations on the line (commas, pin pages, years and reporters eyecite does not know may remain).
        if inside and (after and start == after.start(1) or len(re.sub(r"[\W\d_]", "", rest)) <= 3):
            own.extend(c.normalized for c in inside if CASE_REPORTER.search(c.normalized))
    return tuple(dict.fromkeys(own))


def _caption(header: str) -> str | None:
    """The first case name of the header (a caption over three lines, "X, Petitioner / v. / Y", included)."""
    names = case_names(header)
    return _clean_name(" v. ".join(parties(header, names[0]))) if names else None


def _clean_name(name: str | None) -> str | None:
    """A case name in the case a reader expects: "FEIST PUBLICATIONS, INC. v. RURAL" as "Feist Publications,
    Inc. v. Rural"; trailing docket words dropped."""
    if not name:
        return None
    name = re.split(r",\s*(?:No\.|Nos\.|Civ\.|Case No\.)", re.sub(r"\s+", " ", name))[0]
    name = ROLE_IN_NAME.sub("", name).strip(" ,")
    if sum(ch.isupper() for ch in name) > 0.6 * sum(ch.isalpha() for ch in name):
        words = []
        for i, word in enumerate(name.split(" ")):
            lower = word.lower()
            if lower in SMALL_WORDS and i > 0:
                words.append(lower)
            elif re.fullmatch(r"(?:[A-Z]\.)+,?|LLC,?|LLP,?|U\.S\.,?|USA,?", word):
                words.append(word)
            else:
                words.append(lower[:1].upper() + lower[1:])
        name = " ".join(words)
    return name


def _date(text: str) -> str | None:
    """The decision's date: after "Decided", "Filed" or "Dated" in the header, else in the closing lines."""
    for region in (text[:HEADER], text[-3000:]):
        for m in DATED.finditer(region):
            found = DATE.match(region, m.end())
            if found:
                return _iso(found)
    return None
