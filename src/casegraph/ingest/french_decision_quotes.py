"""Who speaks in the quotations of a French court decision.

A decision quotes others more than it speaks: the Cour de cassation sets out each ground of appeal (the *moyen*)
in the appellant's words ("Les consorts [C] font grief à l'arrêt de …, alors : « 1°/ que … »"), and the moyen
quotes in turn the decision under appeal ("au motif que « … »", "l'arrêt retient que « … »"), a statute ("aux
termes de l'article 1240 du code civil, « … »") or a document. So, in a French decision:

- a quotation opened after the statement of a ground of appeal ("X fait grief à l'arrêt …, alors : « … »",
  "Le moyen critique l'ordonnance …, alors « … »") is that party's words: X, or the appellant the decision names
  ("M. [K] [U] a formé un pourvoi …");
- a quotation introduced by the reasons of a lower court ("au motif que", "en considérant que", "l'arrêt
  retient que", "la cour d'appel a relevé que") is the court whose decision is under appeal, as the decision
  names it ("contre l'arrêt rendu … par la cour d'appel de Rennes"), else "décision attaquée"; so is a
  quotation that goes on in the same sentence ("… », qu'ils sont « … »);
- a quotation introduced by a reference of French law ("aux termes de l'article L. 122-5 du code de la
  propriété intellectuelle, « … »", "l'article 1240 du code civil dispose que « … »") is that reference's
  (``Quote.cited``);
- quotations inside another are quotations of their own too: the moyen's words and, inside them, the lower
  court's.

Anything else keeps what the general French rules said (:mod:`casegraph.ingest.french_quotes`).

>>> from casegraph.ingest.quotes import Quote
>>> text = ("M. [K] [U] a formé un pourvoi contre l'arrêt rendu le 3 mai 2024 par la cour d'appel de Rennes.\\n\\n"
...         "Le moyen critique l'arrêt, alors « que la cour d'appel a retenu que « le délai était expiré » ».")
>>> q = [Quote("que la cour d'appel a retenu que « le délai était expiré »", text.index("que la"), len(text) - 2)]
>>> [(x.text, x.speaker) for x in decision_quotes(text, q, [])]
[("que la cour d'appel a retenu que « le délai était expiré »", 'M. [K] [U]'), ('le délai était expiré', "cour d'appel de Rennes")]
"""

from __future__ import annotations

import re
from dataclasses import replace

from .citations import Citation
from .french_decisions import _court_name
from .quotes import Quote, _quote_matches, _strip

#: a ground of appeal stated, its party first ("Les consorts [C] font le même grief à l'arrêt …, alors :")
GRIEF = re.compile(r"(?:^|\n)[ \t]*(?:\d+\.\s+)?(?P<party>[^\n]{2,160}?)\s+(?:fait|font)\s+(?:le\s+même\s+|aussi\s+)?"
                   r"grief\s+à\b[^«]*?\balors\s*(?::\s*)?$", re.S)
#: a ground of appeal stated without its party ("Le moyen critique l'ordonnance attaquée en ce qu'elle …, alors :")
MOYEN = re.compile(r"(?:^|\n)[ \t]*(?:\d+\.\s+)?(?:Le|Ce)\s+moyen\s+(?:critique|reproche|fait\s+grief)\b[^«]*?"
                   r"\balors\s*(?::\s*)?$", re.S)
#: the appellant, where the decision says who appealed ("M. [K] [U] a formé un pourvoi contre …")
APPELLANT = re.compile(r"^(?:[ \t]*(?P<line>[^\n]+?)[ \t]*\n)?[ \t]*(?P<party>[^\n]*?)\s*(?:,[^\n]*?)?\s+"
                       r"(?:a|ont)\s+formé\s+(?:le|un|les|des)\s+pourvois?", re.M)
#: the court whose decision is under appeal, as the decision names it
APPEALED_COURT = re.compile(r"\bpourvois?\b[^\n]{0,80}?\bcontre\s+(?:l['’]|le\s+|la\s+)(?:arrêt|jugement|ordonnance|"
                          r"décision)\b[^\n.]{0,160}?\b(?P<court>(?:cour|tribunal|juridiction|conseil)\s+"
                          r"(?:d['’]appel|judiciaire|de\s+commerce|administratif|de\s+prud['’]hommes|"
                          r"départementale)?[^,.;()\n]{0,60}?\b(?:de|d['’]|du)\s*[A-ZÀ-Ý][\w'’ -]*?)"
                          r"(?=\s*(?:[,.;()]|\n|en\s+date|rendu|du\s+\d|le\s+\d|$))", re.I)
#: the reasons of the decision under appeal introduce its words
LOWER_COURT = re.compile(r"(?:\bau(?:x)?\s+motifs?\s+(?:propres\s+|adoptés\s+)?(?:que|qu['’])|"
                         r"\ben\s+(?:se\s+bornant\s+à\s+)?(?:considérant|retenant|énonçant|relevant|jugeant|affirmant|"
                         r"relever|retenir|énoncer|constater|se\s+fondant\s+sur)\b|"
                         r"\baprès\s+avoir\s+(?:relevé|retenu|constaté|énoncé|considéré)\s+(?:que|qu['’])|"
                         r"\b(?:l['’](?:arrêt|ordonnance)|le\s+jugement|la\s+(?:cour|décision)|le\s+(?:juge|tribunal|"
                         r"président))(?:\s+(?:attaqué|attaquée|d['’]appel|critiqué|critiquée))?(?:\s*,\s*qui)?\s+"
                         r"(?:a\s+)?"
                         r"(?:retient|retenu|énonce|énoncé|relève|relevé|constate|constaté|juge|jugé|considère|"
                         r"considéré|ajoute|ajouté|estime|estimé)\s+(?:que|qu['’]))", re.I)
#: a document the decision under appeal read introduces its words ("les mentions du tableau de division")
DOCUMENT = re.compile(r"\b(?:les\s+mentions|la\s+mention|les\s+termes|les\s+stipulations|la\s+clause)\s+(?:du|de\s+la|"
                      r"de\s+l['’]|des)\s*(?P<document>(?:tableau|état\s+descriptif|règlement|acte|contrat|bail|"
                      r"statuts|testament|procès-verbal|rapport|courrier|lettre|convention|protocole|cahier)"
                      r"[^,;«»]{0,60}?)(?=\s*(?:,|\bqui\b|\bdont\b|$))", re.I)
#: a reference of French law introduces its own words
BY_THE_LAW = re.compile(r"(?:\baux\s+termes\s+(?:de\s+l['’]|du\s+|des\s+)|\b(?:dispose|prévoit|énonce|précise)\s+"
                        r"(?:que|qu['’])\s*$|\bselon\s+(?:l['’]|le\s+|les\s+))", re.I)
LAW_KINDS = ("article", "law", "decree", "ordinance", "eu")


def decision_quotes(text: str, quotes: list[Quote], references: list[Citation]) -> list[Quote]:
    """``quotes`` of a French decision ``text``, with the quotations inside them added, spoken for by the party
    of a ground of appeal, the court under appeal, a document or the reference of French law that introduces
    them."""
    appellant = _appellant(text)
    appealed = APPEALED_COURT.search(text)
    court = _court_name(appealed.group("court")) if appealed else "décision attaquée"
    laws = [r for r in references if r.kind in LAW_KINDS]
    out: list[Quote] = []
    for quote in sorted([*quotes, *_inner(text, quotes)], key=lambda q: q.start):
        opened = text.rfind("«", 0, quote.start)
        if opened < 0:
            out.append(quote)
            continue
        before = _clause_before(text, opened)
        law = _law_before(text, before, opened, laws)
        # the later of the lower court's reasons and a document's words introduces the quotation
        reasons = _last(LOWER_COURT, before[-240:])
        document = _last(DOCUMENT, before[-240:])
        if document and (not reasons or document.start() > reasons.start()):
            quote = replace(quote, speaker=" ".join(document.group("document").split()), speaker_entity=None)
        elif reasons:
            quote = replace(quote, speaker=court, speaker_entity=None)
        elif law is not None:
            quote = replace(quote, speaker=None, speaker_entity=None, cited=(law.normalized,),
                            cited_at=(law.start, law.end))
        elif _goes_on(text, quote, out):  # "…, qu'elle desservait « … » et que « … »": the same source
            quote = replace(quote, speaker=out[-1].speaker, speaker_entity=out[-1].speaker_entity,
                            cited=out[-1].cited, cited_at=out[-1].cited_at)
        else:
            party = _party_of_ground(text, opened, appellant)
            if party:
                quote = replace(quote, speaker=party, speaker_entity=None)
            elif quote.kind == "fragment" and len(quote.text.split()) <= 3:
                quote = replace(quote, speaker=None, speaker_entity=None)  # « or », « docteur »: words as words
        out.append(quote)
    return out


def _inner(text: str, quotes: list[Quote]) -> list[Quote]:
    """The quotations written inside the words of another (one level down): the « » that pair up inside them, as
    :func:`casegraph.ingest.quotes._quote_matches` pairs them in a whole text."""
    found = []
    for quote in quotes:
        for match in _quote_matches(text[quote.start:quote.end]):
            if match.group("g") is None:
                continue  # “ ” inside a French quotation: the words, not a quotation of their own
            start, end = _strip(text, quote.start + match.start("g"), quote.start + match.end("g"))
            if start < end:
                words = text[start:end]
                found.append(Quote(words, start, end, kind="fragment" if len(words.split()) < 8 else "quote"))
    return found


def _clause_before(text: str, opened: int) -> str:
    """The words before a quotation's opening mark, back to the start of its sentence or, for a quotation that
    opens a paragraph after a colon, of the paragraph before."""
    start = _sentence_start(text, opened)
    words = text[start:opened]
    if not words.strip():  # « 1°/ … » alone in its paragraph: the paragraph before opens it
        start = max(_sentence_start(text, start - 1), text.rfind("\n\n", 0, max(start - 2, 0)) + 1)
        words = text[start:opened]
    return words


#: the end of a sentence: a full stop before a capital or a number, not the dot of "M. [U]" or "n°"
SENTENCE_END = re.compile(r"(?<![A-Z])\.\s+(?=[A-ZÀ-Ý\d])|»")


def _sentence_start(text: str, at: int) -> int:
    ends = [m.end() for m in SENTENCE_END.finditer(text, max(0, at - 3000), at)]
    return ends[-1] if ends else max(0, at - 3000)


def _last(pattern: re.Pattern, words: str) -> re.Match | None:
    found = None
    for found in pattern.finditer(words):
        pass
    return found


def _goes_on(text: str, quote: Quote, said: list[Quote]) -> bool:
    """Whether the quotation goes on from the one just before, in the same clause ("…, qu'ils sont « … »", "…
    et désigné par la mention « … »"), and that one has a source."""
    last = said[-1] if said else None
    return bool(last and (last.speaker or last.cited) and last.end < quote.start and quote.start - last.end < 160
                and not re.search(r"[.;]", text[last.end + 1:quote.start]))


def _law_before(text: str, before: str, opened: int, laws: list[Citation]) -> Citation | None:
    """The reference of French law whose words the quotation gives: "aux termes de l'article …, « … »", "l'article
    … dispose que « … »"."""
    start = opened - len(before)
    inside = [r for r in laws if start <= r.start and r.end <= opened]
    if not inside:
        return None
    law = inside[-1]
    between = text[law.end:opened]
    if BY_THE_LAW.search(text[max(start, law.start - 30):law.start]) or BY_THE_LAW.search(between) or \
            re.fullmatch(r"[\s,]*(?:dispose|prévoit)?[\s,:]*", between):
        return law
    return None


def _party_of_ground(text: str, opened: int, appellant: str | None) -> str | None:
    """The party whose ground of appeal opens at ``opened``, when the words just before state one."""
    window = text[max(0, opened - 1200):opened].rstrip()
    grief = GRIEF.search(window)
    if grief:
        party = _party_words(grief.group("party"))
        role = re.fullmatch(r"(?:(?:La|Le|Les)\s+|L['’]\s*)(?P<noun>[a-zà-ÿ][\w-]*)", party)
        if role:  # "La venderesse fait grief …": the party the decision called so ("Mme [G] (la venderesse)")
            named = _last(re.compile(rf"(?P<name>[^()\n]{{2,80}}?)\s*\((?:la|le|les|l['’])\s*{role.group('noun')}\)",
                                     re.I), text[:opened])
            return _party_words(re.split(r",\s*|\bpar\s+", named.group("name"))[-1]) if named else appellant or party
        return party
    if MOYEN.search(window):
        return appellant
    return None


def _appellant(text: str) -> str | None:
    """The party who appealed, as the decision names it first ("M. [K] [U] a formé un pourvoi")."""
    found = APPELLANT.search(text)
    if not found:
        return None
    party = found.group("party").strip()
    if not party and found.group("line"):  # "MM. [N], [R] et [M] [C], domiciliés …,\nont formé le pourvoi"
        party = found.group("line")
    return _party_words(party)


def _party_words(words: str) -> str:
    """The name of a party without what follows it: a comma's aside, a parenthesis."""
    words = re.split(r",|\(", words.strip(), maxsplit=1)[0].strip()
    return re.sub(r"^(?:Le|La|Les|L['’])\s*(?=[A-ZÀ-Ý\[])", "", words).strip() or words
