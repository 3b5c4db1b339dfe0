"""Quotations: the words inside « », “ ” or " ", who said them and when, read from the sentence around them.

A speaker is looked for in this order:

1. a reporting verb in the words before the quotation ("Al-Dahle a déclaré : « … »", "Meta's Ahmad Al-Dahle
   wrote: “…”") or after it ("« … », a déclaré Al-Dahle", "“…,” Zuckerberg said"), "selon X", "according to X":
   the first person named on that side of the quotation, or, when none is, an unnamed speaker such as
   "un dirigeant" / "an executive" (reported as "unnamed executive");
2. a pronoun, or a verb with no named subject: the last person named in the sentences just before;
3. otherwise, nobody: the quotation is reported with no speaker rather than a guess.

The date is the one written nearest the quotation in its sentence ("dans un message d'octobre 2023" gives
2023-10), or in the sentence its speaker came from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .linking import Mention
from .spans import Located, Spans

#: opening mark -> closing mark
QUOTE_MARKS = {"«": "»", "“": "”", '"': '"'}
QUOTE = re.compile(r'«(?P<g>[^«»]+?)»|“(?P<c>[^“”]+?)”|"(?P<s>[^"\n]+?)"')

_FR_VERBS = (r"déclar\w*|dit|disai\w*|disent|demand\w*|mentionn\w*|écri\w*|affirm\w*|ajout\w*|"
             r"expliqu\w*|estim\w*|soulign\w*|répond\w*|répondu|confié|reconnu|reconnaît|assuré|assure|"
             r"indiqu\w*|précisé|précise|noté|note|admis|averti|prévenu|résumé|insist\w*|rappelé|tranché|"
             r"plaisanté|interrog\w*|écrivait|lâché|jugé|qualifié|trouvé")
_EN_VERBS = (r"said|says|say|wrote|writes|write|written|asked|asks|told|tells|added|adds|stated|states|"
             r"explained|explains|noted|notes|replied|replies|argued|argues|declared|claimed|claims|warned|"
             r"warns|joked|insisted|acknowledged|admitted|conceded|remarked|continued")
REPORTING = re.compile(rf"\b(?:{_FR_VERBS}|{_EN_VERBS})\b", re.I)
#: "selon X", "d'après X", "according to X": the speaker follows
ACCORDING = re.compile(r"\b(?:selon|d['’]après|according\s+to|per)\b", re.I)
#: a speaker the text does not name, and how it is reported
UNNAMED = [
    (re.compile(r"\b(?:un|une)\s+(?:\w+\s+){0,2}?(?:dirigeant|dirigeante|cadre|responsable)s?\b", re.I),
     "unnamed executive"),
    (re.compile(r"\b(?:an?|one|another)\s+(?:\w+\s+){0,2}?(?:executive|manager|official|leader)\b", re.I),
     "unnamed executive"),
    (re.compile(r"\b(?:les|des|plusieurs)\s+(?:\w+\s+){0,2}?(?:dirigeants|cadres|responsables)\b|"
                r"\b(?:executives|managers|officials|leaders)\b", re.I), "unnamed executives"),
    (re.compile(r"\b(?:un|une)\s+porte-parole\b|\b(?:an?|one)\s+(?:\w+\s+){0,2}?(?:spokesperson|spokesman|"
                r"spokeswoman|representative)\b", re.I), "unnamed spokesperson"),
    (re.compile(r"\b(?:un|une)\s+(?:\w+\s+){0,2}?(?:employé|employée|ingénieur|ingénieure|chercheur|chercheuse|"
                r"salarié|salariée)\b|\b(?:an?|one)\s+(?:\w+\s+){0,2}?(?:employee|engineer|researcher|"
                r"staffer)\b", re.I), "unnamed employee"),
]
PRONOUN = re.compile(r"\b(?:il|elle|ils|elles|he|she|they)\b", re.I)
#: where a sentence ends (outside quotations): after . ! ? … followed by a space, or at a line break
SENTENCE_END = re.compile(r"[.!?…]+[\"”»)]?(?=\s)|\n")

_FR_MONTHS = {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
              "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
              "décembre": 12, "decembre": 12}
_EN_MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
              "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2,
              "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11,
              "dec": 12}
_MONTH = "|".join(sorted({*_FR_MONTHS, *_EN_MONTHS}, key=len, reverse=True))
DATE = re.compile(
    rf"\b(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})\b"
    rf"|\b(?P<d1>\d{{1,2}}|1er)\s+(?P<m1>{_MONTH})\.?\s+(?P<y1>\d{{4}})\b"
    rf"|\b(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})\b"
    rf"|\b(?P<m3>{_MONTH})\.?\s+(?:de\s+|of\s+)?(?P<y3>\d{{4}})\b"
    rf"|\b(?:en|in)\s+(?P<y4>(?:19|20)\d{{2}})\b",
    re.I)


@dataclass(frozen=True)
class Person:
    """A person named in the text: a linked mention or a new-name candidate."""

    text: str
    start: int
    end: int
    entity: str | None


@dataclass
class Quote:
    """Quoted words, with the speaker and the date read around them."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_entity: str | None = None
    date: str | None = None
    kind: str = "quote"  # "quote" (a sentence or more), or "fragment" (a few words quoted inside a sentence)
    mentions: list[str] = field(default_factory=list)
    known_statement: str | None = None

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "speaker": self.speaker,
                "speaker_entity": self.speaker_entity, "date": self.date, "kind": self.kind,
                "mentions": self.mentions, "known_statement": self.known_statement}


def find_quotes(text: str, people: list[Person], mentions: list[Mention]) -> list[Quote]:
    """Every quotation in ``text`` with its speaker (from ``people``) and date; see the module's docstring."""
    matches = list(QUOTE.finditer(text))
    spans = Spans([m.span() for m in matches])
    bounds = _sentence_bounds(text, spans)
    people = Located(p for p in people if not spans.contains(p.start))  # a name inside quotes says nothing
    linked = Located(m for m in mentions if m.entity)
    quotes = []
    for match in matches:
        outer_start, outer_end = match.span()
        inner = next(g for g in ("g", "c", "s") if match.group(g) is not None)
        start, end = _strip(text, match.start(inner), match.end(inner))
        if start >= end or not any(ch.isalpha() for ch in text[start:end]):
            continue
        quote = Quote(text[start:end], start, end)
        first, last = _sentence(bounds, outer_start)
        lead, tail = (first, outer_start), (outer_end, last)
        quote.kind = _kind(text, quote.text, lead)
        speaker, where = _speaker(text, lead, tail, people, bounds)
        if speaker is not None:
            quote.speaker, quote.speaker_entity = speaker
        quote.date = _date_near(text, lead, tail) or (_date_near(text, where, (where[1], where[1]))
                                                        if where else None)
        quote.mentions = sorted({m.entity for m in linked.within(start, end)})
        quotes.append(quote)
    return quotes


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted words without the spaces inside the marks, nor a comma that belongs to the sentence
    around them (“…better,” she said)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


def _sentence_bounds(text: str, inside: Spans) -> list[int]:
    """Offsets where sentences start, ignoring sentence ends inside quotations."""
    starts = [0]
    for m in SENTENCE_END.finditer(text):
        if not inside.contains(m.start()):
            starts.append(m.end())
    # A quotation that ends a sentence inside its marks (“… taken.” He said) ends the sentence around it too.
    for _start, end in inside.spans:
        if text[max(end - 6, 0):end - 1].rstrip()[-1:] in ".!?…" and re.match(r"\s+[A-ZÀ-ÖØ-Þ]", text[end:end + 2]):
            starts.append(end)
    starts.append(len(text))
    return sorted(set(starts))


def _sentence(bounds: list[int], offset: int) -> tuple[int, int]:
    i = bisect_right(bounds, offset) - 1
    return bounds[max(i, 0)], bounds[min(i + 1, len(bounds) - 1)]


def _kind(text: str, words: str, lead: tuple[int, int]) -> str:
    """A quotation introduced by a colon, or of a sentence or more, is a quote; a few words are a fragment."""
    introduced = text[lead[0]:lead[1]].rstrip().endswith((":", ","))
    sentence = words.rstrip()[-1:] in ".!?…" and len(words.split()) >= 3
    return "quote" if introduced or sentence or len(words.split()) >= 8 else "fragment"


def _speaker(text, lead, tail, people, bounds):
    """((speaker words, IRI or None), the span of the sentence it was read from) or (None, None)."""
    before, after = text[lead[0]:lead[1]], text[tail[0]:tail[1]]
    in_lead, in_tail = people.within(*lead), people.within(*tail)
    verb_before, verb_after = REPORTING.search(before), REPORTING.search(after)
    according = ACCORDING.search(before)
    if according:
        named = [p for p in in_lead if p.start >= lead[0] + according.end()]
        if named:
            return (named[0].text, named[0].entity), lead
    if verb_before or before.rstrip().endswith(":"):
        subject_end = lead[0] + verb_before.start() if verb_before else lead[1]
        named = [p for p in in_lead if p.end <= subject_end]
        if named:
            return (named[0].text, named[0].entity), lead
        unnamed = _unnamed(text[lead[0]:subject_end])
        if unnamed:
            return (unnamed, None), lead
        return _earlier(text, lead, people, bounds)
    if verb_after:
        if in_tail:
            return (in_tail[0].text, in_tail[0].entity), tail
        unnamed = _unnamed(after)
        if unnamed:
            return (unnamed, None), tail
        if PRONOUN.search(after[:verb_after.end() + 12]):
            return _earlier(text, lead, people, bounds)
    return None, None


def _unnamed(words: str) -> str | None:
    for pattern, description in UNNAMED:
        if pattern.search(words):
            return description
    return None


def _earlier(text, lead, people, bounds, sentences: int = 3):
    """The last person named in the few sentences before ``lead`` (same paragraph), outside quotations."""
    i = bisect_right(bounds, lead[0]) - 1
    floor = bounds[max(i - sentences, 0)]
    paragraph = text.rfind("\n\n", floor, lead[0])
    floor = max(floor, paragraph + 2 if paragraph >= 0 else 0)
    earlier = people.within(floor, lead[0])
    if not earlier:
        return None, None
    person = earlier[-1]
    return (person.text, person.entity), _sentence(bounds, person.start)


def _date_near(text: str, lead: tuple[int, int], tail: tuple[int, int]) -> str | None:
    """The date written nearest the quotation: the last one before it, else the first one after it."""
    before = list(DATE.finditer(text, lead[0], lead[1]))
    if before:
        return _iso(before[-1])
    after = DATE.search(text, tail[0], tail[1])
    return _iso(after) if after else None


def _iso(match: re.Match) -> str | None:
    """A DATE match as an ISO date, year-month or year.

    >>> _iso(DATE.search("dans un message d’octobre 2023"))
    '2023-10'
    >>> _iso(DATE.search("on Oct. 5, 2023"))
    '2023-10-05'
    """
    g = match.groupdict()
    if g["iso"]:
        return g["iso"]
    month = lambda name: _FR_MONTHS.get(name.lower()) or _EN_MONTHS.get(name.lower())  # noqa: E731
    if g["y1"]:
        day = 1 if g["d1"] == "1er" else int(g["d1"])
        return f"{g['y1']}-{month(g['m1']):02d}-{day:02d}" if 1 <= day <= 31 else None
    if g["y2"]:
        day = int(g["d2"])
        return f"{g['y2']}-{month(g['m2']):02d}-{day:02d}" if 1 <= day <= 31 else None
    if g["y3"]:
        return f"{g['y3']}-{month(g['m3']):02d}"
    return g["y4"]
