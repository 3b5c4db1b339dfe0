"""Pseudonyms: the names French open data hides, and the parties behind them.

Judilibre and Légifrance publish decisions with the names of natural persons replaced, in two styles: the older
one keeps initials followed by an ellipsis ("M. X...", "Mme Y...", "M. Z... QI...", "les consorts B..."), the newer
one puts letters or labels in square brackets ("M. [K] [R]", "Mme [U]", "[Adresse 1]", "[Localité 2]",
"[Date naissance 1]"). A pseudonym is nobody the graph knows and no new name either: the linker and the
candidate finder leave its words alone, and the persons and companies behind the pseudonyms are counted
(the parties, and in some decisions the judges, creditors or witnesses, whom the text names the same way).

>>> [(p.text, p.kind) for p in find_pseudonyms("M. Z... QI..., demeurant [Adresse 1], contre Mme [U] [N].")]
[('M. Z... QI...', 'person'), ('[Adresse 1]', 'place'), ('Mme [U] [N]', 'person')]
>>> len(pseudonymised_persons(find_pseudonyms("M. X... a saisi le juge ; M. X... a fait appel contre Mme Y...")))
2
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: an initial hidden by an ellipsis ("X...", "QI…"), or letters in brackets ("[K]", "[KR]")
_HIDDEN = r"(?:[A-Z][A-Za-z]{0,3}(?:\.\.\.|…)|\[[A-Z]{1,3}\])"
#: the titles and family words that introduce a person's name
_PERSON_BEFORE = (r"M\.|MM\.|Mme|Mmes|Mlle|Mlles|Me|Maître|Monsieur|Madame|Mademoiselle|Dr|Docteur|"
                  r"les\s+consorts|consorts|[ée]poux|époux|veuve|[Ll]'enfant|[Ll]e\s+mineur|[Ll]a\s+mineure")
#: a title followed by hidden names, possibly with a first name kept ("M. [K] [R]", "Mme Y...", "M. Jean X..."),
#: or by a list of them ("MM. [N], [R] et [M] [C]": the first names of three brothers, then their last name)
_NAMES = rf"(?:[A-Z][a-zé]+[ \-])?{_HIDDEN}(?:[\s\-]+{_HIDDEN})*"
#: a married name after the birth name ("Mme [R] [J], épouse [I]") is the same person's
_MARRIED = rf"(?:,?\s+(?:épouse|époux|née|veuve)\s+{_HIDDEN}(?:\s+{_HIDDEN})*)"
PERSON = re.compile(rf"\b(?:{_PERSON_BEFORE})\s+{_NAMES}{_MARRIED}?(?:(?:\s*,\s*|\s+et\s+){_NAMES}{_MARRIED}?)*")
#: hidden names standing alone ("X...", "[K] [R]"), a person when no title says otherwise
BARE = re.compile(rf"(?<![\w\[]){_HIDDEN}(?:[\s\-]+{_HIDDEN})*")
#: a company hidden behind a number or a letter ("la société [1]", "société X...")
COMPANY = re.compile(rf"\b(?:[Ss]ociété|SARL|SAS|SCI|SA|association|[Ll]a\s+banque)\s+(?:\[\d+\]|{_HIDDEN})")
#: the other placeholders of the newer style, by what they hide
PLACEHOLDER = re.compile(r"\[(?P<label>Adresse|Localité|Ville|Pays|Date naissance|Date de naissance|Date décès|"
                         r"Courriel|Téléphone|Immatriculation|Numéro identifiant|Cadastre|Compte bancaire|"
                         r"Etablissement|Établissement|Lieu|Personne physique|Personne morale)(?: \d+)?\]", re.I)
PLACES = {"adresse", "localité", "ville", "pays", "lieu", "cadastre"}


@dataclass(frozen=True)
class Pseudonym:
    """A pseudonymised name as written, where it is, and what it hides: a ``person``, a ``company``, a ``place``
    or ``other`` (a date of birth, a telephone number...)."""

    text: str
    start: int
    end: int
    kind: str

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind}


def find_pseudonyms(text: str) -> list[Pseudonym]:
    """Every pseudonym of ``text``, in text order; a title and the names after it are one pseudonym."""
    found = [Pseudonym(m.group(), m.start(), m.end(), "person") for m in PERSON.finditer(text)]
    found += [Pseudonym(m.group(), m.start(), m.end(), "company") for m in COMPANY.finditer(text)]
    found += [Pseudonym(m.group(), m.start(), m.end(),
                        "place" if m.group("label").lower() in PLACES else "other") for m in PLACEHOLDER.finditer(text)]
    found += [Pseudonym(m.group(), m.start(), m.end(), "person") for m in BARE.finditer(text)]
    out, reach = [], -1
    for pseudonym in sorted(found, key=lambda p: (p.start, -p.end)):
        if pseudonym.start >= reach:  # the longest reading of a place wins ("M. [K] [R]" over "[K] [R]")
            out.append(pseudonym)
            reach = pseudonym.end
    return out


def pseudonymised_persons(pseudonyms: list[Pseudonym]) -> list[str]:
    """The distinct persons and companies behind ``pseudonyms``, each once however it is written: "M. [K] [U]"
    and, later, "M. [U]" are one person (the last name alone repeats the full one); "M. [R] [C]" and "M. [M]
    [C]" are two (two first names); "MM. [N] et [R] [C]" names [N] [C] and [R] [C].

    >>> pseudonymised_persons(find_pseudonyms("M. [K] [U] et Mme [R] [U] contre M. [U] ; MM. [N] et [S] [C]."))
    ['[K] [U]', '[R] [U]', '[N] [C]', '[S] [C]']
    """
    full: dict[str, list[str]] = {}  # last name -> the full names (first and last) written with it
    alone: list[str] = []
    companies: dict[str, None] = {}
    for p in pseudonyms:
        if p.kind == "company":
            companies.setdefault(" ".join(p.text.lower().split()), None)
            continue
        if p.kind != "person":
            continue
        for names in _listed(p.text):
            if len(names) > 1:
                full.setdefault(names[-1], [])
                if " ".join(names) not in full[names[-1]]:
                    full[names[-1]].append(" ".join(names))
            elif names:
                alone.append(names[0])
    persons = [name for names in full.values() for name in names]
    # "[U] [S]" is the "[M] [U] [S]" written in full elsewhere: a first name and two last names
    persons = [name for name in persons if not any(other.endswith(" " + name) for other in persons)]
    persons += list(dict.fromkeys(name for name in alone if name not in full))
    return persons + list(companies)


def _listed(words: str) -> list[list[str]]:
    """The names of a pseudonym, one list of hidden parts per person: "MM. [N], [R] et [M] [C]" gives
    [N] [C], [R] [C] and [M] [C] (a first name alone in a list shares the last name of the list's last person)."""
    words = re.sub(_MARRIED, "", words)
    items = [re.findall(_HIDDEN, item) for item in re.split(r"\s*,\s*|\s+et\s+", words)]
    items = [item for item in items if item]
    last = items[-1][-1] if items and len(items[-1]) > 1 else None
    return [item + [last] if last and len(item) == 1 and len(items) > 1 else item for item in items]
