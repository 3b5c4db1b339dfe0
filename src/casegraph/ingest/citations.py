"""Legal citations: reported decisions and statutes (found by eyecite), docket numbers (found by rules).

eyecite reads "510 U.S. 569" and "17 U.S.C. § 107" but not docket numbers, which courts write in their own
ways: "No. 3:23-cv-03417-VC", "Case 3:23-cv-03417", "MDL No. 3143". A docket number that a known case carries
(cg:docketNumber, compared without the judge's initials) is linked to that case.

>>> [c.to_dict()["text"] for c in find_citations("See No. 3:23-cv-03417-VC and 17 U.S.C. § 107.", {})]
['3:23-cv-03417-VC', '17 U.S.C. § 107']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import docket_key

#: federal district docket numbers: office:year-type-number, optionally followed by the judges' initials
DISTRICT_DOCKET = re.compile(r"\b(?P<core>\d{1,2}:\d{2}-[a-z]{2,4}-\d{3,6})(?P<judges>(?:-[A-Z]{2,4})*)\b")
#: other docket forms, only after "No." / "Case No." / "n°": "No. 24-1234", "MDL No. 3143", "No. 1:23-cv-11195"
NUMBERED_DOCKET = re.compile(r"\b(?P<mdl>MDL\s+)?(?:Case\s+)?(?:No\.|Nos\.|n°|no\.)\s*(?P<core>\d{2}-\d{3,6}|\d{3,5})\b")


@dataclass(frozen=True)
class Citation:
    """A citation as written, where it is, what kind it is and, for a known docket, the case."""

    text: str
    start: int
    end: int
    kind: str  # case, statute, docket or other
    normalized: str
    case: str | None = None

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind,
                "normalized": self.normalized, "case": self.case}


def find_citations(text: str, dockets: dict[str, str]) -> list[Citation]:
    """Decisions, statutes and dockets cited in ``text``; ``dockets`` maps :func:`docket_key` to case IRIs."""
    found = [*_eyecite(text)]
    for m in DISTRICT_DOCKET.finditer(text):
        found.append(Citation(m.group(), m.start(), m.end(), "docket", m.group("core").lower(),
                              dockets.get(docket_key(m.group()))))
    for m in NUMBERED_DOCKET.finditer(text):
        core = m.group("core")
        normalized = f"MDL {core}" if m.group("mdl") else core
        key = docket_key(normalized)
        found.append(Citation(m.group(), m.start(), m.end(), "docket", normalized,
                              dockets.get(key) or dockets.get(normalized.lower())))
    # Keep the first of overlapping citations in text order (a docket rule and eyecite may read one place).
    out, reach = [], -1
    for citation in sorted(found, key=lambda c: (c.start, -c.end)):
        if citation.start >= reach:
            out.append(citation)
            reach = citation.end
    return out


def _eyecite(text: str):
    from eyecite import get_citations
    from eyecite.models import FullCaseCitation, FullJournalCitation, FullLawCitation, ShortCaseCitation

    kinds = {FullCaseCitation: "case", ShortCaseCitation: "case", FullLawCitation: "statute",
             FullJournalCitation: "other"}
    for citation in get_citations(text):
        kind = kinds.get(type(citation))
        if kind is None:  # "id.", "supra" and unknown forms point back at other citations
            continue
        start, end = citation.span()
        yield Citation(text[start:end], start, end, kind, citation.corrected_citation())


def eyecite_version() -> str:
    from importlib.metadata import version

    return f"eyecite {version('eyecite')}"
