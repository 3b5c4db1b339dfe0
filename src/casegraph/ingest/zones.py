"""Stretches of legal text whose capitalised words are not people: case names and law-firm names.

A surname inside "Mazer v. Stein" names a party to an old suit, not Judge Stein; "Kirkland & Ellis" is a firm,
not a person called Ellis. The linker and the new-name finder skip these stretches (a known case or firm is
still found as a whole, since its name covers the stretch).

>>> text = "As Mazer v. Stein, 347 U.S. 201, held, and as Kirkland & Ellis LLP argued, see In re Google Inc."
>>> [text[s:e] for s, e in case_names(text)]
['Mazer v. Stein', 'In re Google Inc.']
>>> [text[s:e] for s, e in firm_names(text)]
['Kirkland & Ellis LLP']
"""

from __future__ import annotations

import re
from functools import lru_cache

#: "v." between two parties ("vs." and "v" in some captions)
VERSUS = re.compile(r"(?<=\s)(?:v\.|vs\.?|V\.|VS\.|c\.)(?=\s)")
#: French "contre" between parties, after a word that names a suit ("le dossier SNE contre Meta"); elsewhere it
#: is prose ("le groupe de Mark Zuckerberg contre OpenAI")
CONTRE = re.compile(r"\b(?:affaire|dossier|procès|litige|arrêt|jugement|décision|instance|action)\s+"
                    r"(?:[A-ZÀ-ÖØ-Þ][\w'’&.-]*\s+){1,5}(?P<versus>contre)\s")
#: "In re X", "Ex parte X", "Matter of X": a case named after one party
IN_RE = re.compile(r"\b(?:In re|IN RE|Ex parte|EX PARTE|In the Matter of|Matter of)\s+")
#: small words a party's name may hold ("Board of Regents of the University", "Procter & Gamble")
CONNECTORS = {"of", "the", "and", "&", "for", "ex", "rel.", "de", "la", "du", "des", "et", "al.", "d/b/a", "f/k/a",
              "n/k/a"}
#: words that open a sentence or a citation signal before a case name, not part of it
LEADING = {"See", "In", "Cf.", "But", "The", "As", "And", "Accord", "Compare", "Also", "Under", "Like", "Unlike",
           "Following", "Citing", "Quoting", "E.g.,", "See,", "Id.", "While", "When", "Although", "Because"}
#: company forms that may follow a comma inside a party's name ("Acuff-Rose Music, Inc.")
FORMS = re.compile(r"^(?:Inc|Co|Corp|Ltd|L\.?L\.?C|LLC|LLP|L\.?P|N\.?A|S\.?A|P\.?C|PLC|plc|GmbH|AG|Publishers|"
                   r"Jr|Sr|II|III|IV)\.?,?$")
#: abbreviations whose dot does not end a party's name
ABBREVIATIONS = re.compile(
    r"^(?:Inc|Co|Corp|Ltd|Bros|Ass['’]n|Int['’]l|Dept|Dep['’]t|Nat['’]l|Sys|Servs?|Ins|Mfg|Ent|Pub|Publ['’]g|Grp|"
    r"Comm['’]n|Gov['’]t|Sec|Assocs?|Cos|L\.?L\.?C|L\.?L\.?P|P\.?C|N\.?A|S\.?A|U\.?S|Mr|Ms|Mrs|Dr|St|Mt|No|Am|"
    r"Univ|Tel|Elec|Intern|Pa|Cal|Fla|Ill|Mass|Mich|N\.?Y|[A-Z])\.,?$", re.I)
#: the company forms that end a law firm's name
FIRM_FORM = r"(?:LLP|L\.L\.P\.|PLLC|P\.L\.L\.C\.|P\.C\.|P\.A\.)"  # not LLC: most companies use it
NAME_WORD = r"[A-Z][\w'’.-]*"
FIRM = re.compile(
    rf"\b{NAME_WORD}(?:,? {NAME_WORD}){{0,4}},? & {NAME_WORD}(?: {NAME_WORD}){{0,2}}(?:,? {FIRM_FORM})?"
    rf"|\b{NAME_WORD}(?:,? {NAME_WORD}){{0,3}},? {FIRM_FORM}")
#: a caption written across lines, as opinions print it: "GOOGLE LLC, Petitioner / v. / ORACLE AMERICA, INC."
SPLIT_CAPTION = re.compile(r"^(?P<a>[^\n]{2,200}?)[ \t]*\n\s*v\.[ \t]*\n\s*(?P<b>[^\n]{2,200})$", re.M)
#: how far a party's name reaches on either side of "v.", in words
MAX_PARTY_WORDS = 9


def case_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each case name written in ``text``: "X v. Y" and "In re X"."""
    return list(_case_names(text))


@lru_cache(maxsize=2)
def _case_names(text: str) -> tuple[tuple[int, int], ...]:
    # Read once per text: the linker, the citation reader and the new-name finder all ask for them.
    spans = []
    versus = [m.span() for m in VERSUS.finditer(text)] + [m.span("versus") for m in CONTRE.finditer(text)]
    for v_start, v_end in versus:
        start, end = _party_before(text, v_start), _party_after(text, v_end)
        if start < v_start - 1 and end > v_end + 1:
            spans.append((start, end))
    for m in IN_RE.finditer(text):
        end = _party_after(text, m.end())
        if end > m.end():
            spans.append((m.start(), end))
    spans.extend(m.span() for m in SPLIT_CAPTION.finditer(text))
    return tuple(sorted(spans))


def parties(text: str, span: tuple[int, int]) -> list[str]:
    """The parties' names in the case name at ``span`` ("Google LLC v. Oracle America, Inc." gives both)."""
    words = re.sub(r"\s+", " ", text[span[0]:span[1]])
    words = IN_RE.sub("", words)
    return [p.strip(" ,") for p in re.split(r"\s(?:v\.|vs\.?|V\.|VS\.|c\.|contre)\s", words) if p.strip(" ,")]


def firm_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each law-firm-like name: "X & Y", "X, Y & Z LLP", "X Y LLP"."""
    return [m.span() for m in FIRM.finditer(text)]


def _is_part_of_name(word: str) -> bool:
    bare = word.rstrip(",")
    return bare[:1].isupper() or bare[:1].isdigit() and len(bare) <= 4 or bare in CONNECTORS


def _ends_name(word: str) -> bool:
    """Whether ``word`` ends a sentence (so a party's name cannot run past it)."""
    bare = word.rstrip(",")
    return bare.endswith((".", ";", ":", "!", "?", ")")) and not ABBREVIATIONS.match(bare.rstrip(")")) \
        or word.endswith(";")


def _party_before(text: str, at: int) -> int:
    words = list(re.finditer(r"\S+", text[max(0, at - 200):at]))
    offset = max(0, at - 200)
    start = at
    for i, w in enumerate(reversed(words)):
        word = w.group()
        if i >= MAX_PARTY_WORDS or not _is_part_of_name(word) or (i > 0 and _ends_name(word)):
            break
        if "\n\n" in text[offset + w.end():start]:
            break
        start = offset + w.start()
    # A name starts with a capital: not with "of", "the", "and", nor with "See" or "In".
    while start < at:
        first = re.match(r"\S+", text[start:at])
        if first and first.group().rstrip(",")[:1].isupper() and first.group().rstrip(",") not in LEADING:
            break
        start = start + (first.end() if first else 0)
        start += len(text[start:at]) - len(text[start:at].lstrip())
    return start


def _party_after(text: str, at: int) -> int:
    end = at
    for i, w in enumerate(re.finditer(r"\S+", text[at:at + 200])):
        word = w.group()
        if i >= MAX_PARTY_WORDS or not _is_part_of_name(word) or "\n\n" in text[end:at + w.start()]:
            break
        if word.rstrip(",")[:1].isdigit() and i > 0:
            break  # "Stein, 347 U.S." : the citation follows the name
        end = at + w.end()
        if _ends_name(word):
            break
        if word.endswith(","):
            following = re.match(r"\s*(\S+)", text[end:end + 30])
            if not (following and FORMS.match(following.group(1))):
                break
    # Trailing connectors and punctuation do not belong to the name.
    while end > at and text[end - 1] in ",;:":
        end -= 1
    trimmed = re.search(r"(?:\s+(?:of|the|and|&|for|de|et|a|an|in|on|to))+$", text[at:end])
    return at + trimmed.start() if trimmed else end
