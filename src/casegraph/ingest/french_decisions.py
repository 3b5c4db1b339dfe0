"""French court decisions as documents: the decision a text is, read from its header, and the decisions it cites.

A French decision opens with its court ("COUR DE CASSATION", "COUR D'APPEL DE PARIS", "TRIBUNAL JUDICIAIRE DE
LYON"...), its date ("Audience publique du 6 janvier 2021", "ARRÊT DU 12 MARS 2024") and its own numbers: the
pourvoi number of a Cour de cassation decision, the RG and Portalis numbers of the lower courts, the ECLI when
the text gives it. Those numbers are its identifiers (``Decision.citations``): the pourvoi number first, since
other decisions cite a Cour de cassation decision by it.

Every other decision the text cites by pourvoi number or ECLI becomes a decision too, keyed the same way; a
pourvoi number and an ECLI written together ("n° 13-27.391, ECLI:FR:CCASS:2015:C100512") are one decision. The
RG number of the decision under appeal ("Décision déférée à la Cour : jugement du 15 décembre 2021 - RG
n° 19/12345") is no identifier of the text's own decision.

>>> from casegraph.ingest.citations import Citation
>>> text = "COUR DE CASSATION\\n\\nAudience publique du 6 janvier 2021\\n\\nPourvoi n° Q 19-19.463\\n\\n" \\
...        "Vu l'arrêt du 15 mai 2015 (pourvoi n° 13-27.391)..."
>>> refs = [Citation(n, text.index(n), text.index(n) + len(n), "pourvoi", n[-9:]) for n in ("Q 19-19.463", "13-27.391")]
>>> own = read_french_decision(text, refs)
>>> own.name, own.citations, own.date, own.court_name
('Cour de cassation, 6 janvier 2021, n° 19-19.463', ('19-19.463',), '2021-01-06', 'Cour de cassation')
>>> [(d.name, d.citations, d.date) for d in cited_french_decisions(text, refs, own)]
[('Cour de cassation, 15 mai 2015, n° 13-27.391', ('13-27.391',), '2015-05-15')]
"""

from __future__ import annotations

import re

from .citations import Citation
from .opinions import Decision
from .quotes import DATE, FRENCH_MONTHS, _iso

#: where the header of a decision ends, at the latest
HEADER = 3000
#: the court, on a line of its own or after "ARRÊT DE LA" ("ARRÊT DE LA COUR DE CASSATION, CHAMBRE CRIMINELLE,")
COURT = re.compile(
    r"^\s*(?:ARR[ÊE]T\s+DE\s+LA\s+|Arr[êe]t\s+de\s+la\s+)?(?P<court>COUR DE CASSATION|Cour de cassation|CONSEIL D'[EÉ]TAT|Conseil d'[EÉ]tat|"
    r"(?:COUR D'APPEL|Cour d'appel|COUR ADMINISTRATIVE D'APPEL|Cour administrative d'appel)\s+(?:DE|de|D'|d')\s*[^\n]+|"
    r"(?:TRIBUNAL|Tribunal)\s+(?:JUDICIAIRE|judiciaire|DE COMMERCE|de commerce|DE GRANDE INSTANCE|de grande instance|"
    r"ADMINISTRATIF|administratif)\s+(?:DE|de|D'|d')\s*[^\n]+)(?:\s*,[^\n]*)?\s*$", re.M)
#: the words before a decision's own date in its header
DATED = re.compile(r"\b(?:Audience publique|ARR[ÊE]T|Arr[êe]t|JUGEMENT|Jugement|ORDONNANCE|Ordonnance|"
                   r"D[ÉE]CISION|Décision|prononc[ée]e?)\b[^\n]{0,80}?(?:,?[ \t]*\n[ \t]*)?\b(?:du|DU|le|LE)\s+", re.M)
#: the line that opens the description of the decision under appeal: its numbers are another decision's
UNDER_APPEAL = re.compile(r"D[ée]cision\s+(?:d[ée]f[ée]r[ée]e|attaqu[ée]e)|sur\s+(?:appel|renvoi)\s+(?:d'un|du|de\s+l')|"
                          r"contre\s+l'arr[êe]t\s+rendu", re.I)
#: the words before a Cour de cassation decision's own pourvoi numbers (the header's line, or the body's opening)
OWN_POURVOI = re.compile(r"(?:^[ \t]*Pourvois?\s+n°|\bformé\s+(?:le|les)\s+pourvois?\s+n°|\A\s*N°)[^\n]*\Z", re.M)
#: the courts an ECLI's court code names
ECLI_COURTS = {"CCASS": "Cour de cassation", "CE": "Conseil d'État", "CC": "Conseil constitutionnel",
               "C": "Court of Justice of the European Union", "T": "General Court of the European Union"}
#: what may stand between a pourvoi number and the ECLI of the same decision
SAME_DECISION = re.compile(r"^[\s,;:()–-]*(?:ECLI\s*:?\s*)?$", re.I)


def read_french_decision(text: str, references: list[Citation]) -> Decision | None:
    """The decision ``text`` is, when its header names a French court; None otherwise."""
    header = text[:HEADER]
    court = COURT.search(header)
    if not court:
        return None
    court_name = _court_name(court.group("court"))
    appeal = UNDER_APPEAL.search(header)
    own_zone = appeal.start() if appeal else HEADER
    own = [r.normalized for r in references if r.kind == "ecli" and r.start < own_zone]
    if court_name == "Cour de cassation":  # its own numbers: on the header's "Pourvoi n°" line, or "a formé le pourvoi"
        own += [r.normalized for r in references if r.kind == "pourvoi" and r.start < max(HEADER, len(text) // 2)
                and OWN_POURVOI.search(text[max(0, r.start - 200):r.end])]
    own = sorted(set(own), key=lambda n: (n.startswith("ECLI"), own.index(n)))
    # the number the decision is filed under: its pourvoi number, or for the other courts its RG number
    docket = next((n for n in own if not n.startswith("ECLI")), None) or next(
        (r.normalized for r in references if r.kind == "rg" and r.start < own_zone), None)
    date = _date(header)
    decision = Decision(name=None, citations=tuple(own), date=date, court_name=court_name, docket=docket)
    decision.name = decision_name(court_name, date, docket)
    return decision


def cited_french_decisions(text: str, references: list[Citation], own: Decision | None) -> list[Decision]:
    """One decision for each other decision cited by pourvoi number or ECLI; a pourvoi number and an ECLI
    written side by side are one decision."""
    mine = set(own.citations) if own else set()
    decisions: list[Decision] = []
    by_id: dict[str, Decision] = {}
    previous: tuple[Citation, Decision] | None = None
    for ref in sorted((r for r in references if r.kind in ("pourvoi", "ecli")), key=lambda r: r.start):
        if ref.normalized in mine:
            previous = None
            continue
        decision = by_id.get(ref.normalized)
        if decision is None and previous and previous[0].kind != ref.kind \
                and SAME_DECISION.match(text[previous[0].end:ref.start]):
            decision = previous[1]  # "n° 13-27.391, ECLI:FR:CCASS:2015:C100512": one decision
            decision.citations = tuple(sorted({*decision.citations, ref.normalized}, key=lambda n: n.startswith("ECLI")))
        if decision is None:
            court = "Cour de cassation" if ref.kind == "pourvoi" else ECLI_COURTS.get(ref.normalized.split(":")[2]
                                                                                        if ref.normalized.count(":") >= 2 else "")
            date = _date_before(text, ref.start)
            decision = Decision(None, (ref.normalized,), date, court_name=court)
            decision.name = decision_name(court, date, ref.normalized if ref.kind == "pourvoi" else None,
                                          ecli=ref.normalized if ref.kind == "ecli" else None)
            decisions.append(decision)
        by_id[ref.normalized] = decision
        previous = (ref, decision)
    return decisions


def decision_name(court: str | None, date: str | None, number: str | None, ecli: str | None = None) -> str:
    """A decision's name as French lawyers cite it: court, date, number ("Cour de cassation, 6 janvier 2021,
    n° 19-19.463")."""
    parts = [court or "décision"]
    if date:
        parts.append(_french_date(date))
    if number:
        parts.append(f"n° {number}")
    elif ecli:
        parts.append(ecli)
    return ", ".join(parts)


def _court_name(words: str) -> str:
    """The court as it is named in running text: "COUR D'APPEL D'AIX-EN-PROVENCE" is "Cour d'appel
    d'Aix-en-Provence"."""
    words = re.sub(r"\s+", " ", words).strip(" .")
    if not re.match(r"[A-ZÀ-Ý' ]{4,}\b", words):  # written as running text already
        return words
    kind = re.match(r"(cour de cassation|conseil d'[eé]tat|cour administrative d'appel|cour d'appel|"
                    r"tribunal (?:de commerce|de grande instance|\w+))\s*(?:(de |d')(.*))?$", words.lower())
    if not kind:
        return words[0] + words[1:].lower()
    name = kind.group(1).capitalize().replace("etat", "État").replace("état", "État")
    if kind.group(3):
        written = words[len(words) - len(kind.group(3)):]
        parts = re.split(r"([ -])", kind.group(3))
        place = written if not written.isupper() else "".join(
            part if part in SMALL_PLACE_WORDS and i else part.capitalize() for i, part in enumerate(parts))
        name += f" {kind.group(2).strip()} {place}".replace("d' ", "d'")
    return name


SMALL_PLACE_WORDS = {"en", "sur", "sous", "le", "la", "les", "de", "du", "des", "lès", "lez", "et"}


WEEKDAY = re.compile(r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+", re.I)


def _date(header: str) -> str | None:
    for m in DATED.finditer(header):
        weekday = WEEKDAY.match(header, m.end())  # "Arrêt du Mardi 15 Février 2022"
        found = DATE.match(header, weekday.end() if weekday else m.end())
        if found and found.group("d1"):
            return _iso(found)
    return None


def _date_before(text: str, start: int) -> str | None:
    """The full date written just before a cited number, in its sentence ("arrêt du 15 mai 2015 (pourvoi n° ...")."""
    window = text[max(0, start - 120):start]
    window = re.split(r"[.;]\s+(?=[A-Z])", window)[-1]
    dates = [m for m in DATE.finditer(window) if m.group("d1")]
    return _iso(dates[-1]) if dates else None


#: each month's name as written in a date (the accented spelling)
_MONTH_NAMES = {number: name for name, number in reversed(FRENCH_MONTHS.items())}


def _french_date(iso: str) -> str:
    parts = iso.split("-")
    if len(parts) == 3:
        day = "1er" if parts[2] == "01" else str(int(parts[2]))
        return f"{day} {_MONTH_NAMES[int(parts[1])]} {parts[0]}"
    return iso
