"""French legal references: articles of codes, laws, decrees and ordinances, EU acts, and the numbers French
courts give their cases (Cour de cassation pourvois, RG and Portalis numbers, ECLI).

Each reference is a :class:`~casegraph.ingest.citations.Citation` with its words as written, its exact offsets,
a ``kind`` (``article``, ``law``, ``decree``, ``ordinance``, ``eu``, ``pourvoi``, ``rg``, ``portalis``, ``ecli``)
and a ``normalized`` form that is the same however the text wrote it (see docs: the French references spec):

- an article names its code by a short form ("art. L. 122-4 CPI", "art. 1240 C. civ."), or the act it belongs
  to ("art. 4 loi n° 2004-575", "art. 17 directive 2019/790"), or nothing when neither is named (``art. 12``);
  "du même code" and "dudit code" name the code named last before them;
- a list of articles ("articles 1240, 1241 et 1242 du code civil") gives one reference per number, a range
  ("articles L. 122-1 à L. 122-3") one reference;
- a law, decree or ordinance is named by its number, else (a law, a decree) by its date in ISO;
- an EU act by its number without the institution's suffix ("directive 2001/29", "règlement 44/2001").

>>> [(c.text, c.normalized) for c in find_french_references(
...     "Vu les articles L. 122-4 et L. 335-2 du CPI et l'article 700 du même code ; pourvoi n° Q 19-19.463.")]
[('articles L. 122-4', 'art. L. 122-4 CPI'), ('L. 335-2 du CPI', 'art. L. 335-2 CPI'), \
("l'article 700 du même code", 'art. 700 CPI'), ('pourvoi n° Q 19-19.463', '19-19.463')]
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

from .citations import Citation
from .quotes import FRENCH_MONTHS

# --- pieces shared by the rules ---------------------------------------------------------------------------

#: hyphens as typeset: word processors and court software turn "-" into non-breaking or en dashes
DASH = "[-\u2010\u2011\u2012\u2013]"
#: apostrophes: straight and typographic ones both appear, often in one text
APOS = "['\u2019]"
#: "n°" as courts and OCR write it: degree sign or masculine ordinal, "no", "n o", "numéro"
NUMERO = r"(?:n\s?[°º˚o]\.?|num[ée]ro)"
#: a date in words, as acts are dated ("1er octobre 2014", "29 juillet 1881")
DATE = (r"(?:(?P<day>1er|1\s?er|[0-3]?\d)\s+(?P<month>(?i:" + "|".join(FRENCH_MONTHS) + r"))\s+(?P<year>1[6-9]\d\d|20\d\d)\b"
        # or in figures, as some courts write them: "du 10/02/1947"
        r"|(?P<dd>[0-3]?\d)/(?P<mm>[01]?\d)/(?P<yyyy>1[6-9]\d\d|20\d\d)\b)")

# --- codes ------------------------------------------------------------------------------------------------

#: the codes the spec abbreviates, by their name after "code" (accents and case are ignored when matching)
CODES = {
    "de la propriété intellectuelle": "CPI", "civil": "C. civ.", "de commerce": "C. com.",
    "de procédure civile": "CPC", "du travail": "C. trav.", "pénal": "C. pén.", "de procédure pénale": "CPP",
    "de la consommation": "C. consom.", "de la sécurité sociale": "CSS", "général des impôts": "CGI",
    "des assurances": "C. assur.", "monétaire et financier": "C. mon. fin.", "de justice administrative": "CJA",
    "de la route": "C. route", "des transports": "C. transports",
    "général des collectivités territoriales": "CGCT", "de l'environnement": "C. env.",
    "de la santé publique": "C. santé publ.", "de l'urbanisme": "C. urb.", "de l'éducation": "C. éduc.",
    "rural et de la pêche maritime": "C. rur.", "rural": "C. rur.", "de l'organisation judiciaire": "C. org. jud.",
    "de la sécurité intérieure": "C. séc. int.",
    # as courts sometimes misspell them
    "de travail": "C. trav.", "du commerce": "C. com.", "de la procédure civile": "CPC",
    "de la procédure pénale": "CPP", "de propriété intellectuelle": "CPI",
}
#: codes the spec does not abbreviate: they are named by their name in lower case; listed so that a long name
#: is read whole ("code des postes et des communications électroniques", not "code des postes")
OTHER_CODES = [
    "des postes et des communications électroniques", "de la construction et de l'habitation",
    "des relations entre le public et l'administration",
    "de l'entrée et du séjour des étrangers et du droit d'asile", "des procédures civiles d'exécution",
    "de l'action sociale et des familles", "du cinéma et de l'image animée",
    "général de la propriété des personnes publiques", "de la commande publique", "du patrimoine", "du sport",
    "de la mutualité", "de la défense", "électoral", "des douanes", "du tourisme", "minier", "forestier",
    "de l'énergie", "de la voirie routière", "de l'artisanat", "du domaine de l'état",
    "de la propriété industrielle", "des impositions sur les biens et services",
    "de la famille et de l'aide sociale", "de la recherche", "du service national", "de l'aviation civile",
    "des pensions civiles et militaires de retraite", "de la fonction publique", "de la légion d'honneur",
    "de l'expropriation pour cause d'utilité publique",
    "des pensions militaires d'invalidité et des victimes de guerre", "de la justice pénale des mineurs",
    "général de la fonction publique", "des juridictions financières",
]
#: the short forms writers use for a code, after an article ("art. L. 335-2 CPI", "art. 1240 C. civ.")
CODE_ABBREVIATIONS = {
    "CPI": "CPI", "C. civ.": "C. civ.", "C. com.": "C. com.", "CPC": "CPC", "C. pr. civ.": "CPC",
    "C. proc. civ.": "CPC", "NCPC": "CPC", "C. trav.": "C. trav.", "C. pén.": "C. pén.", "CPP": "CPP",
    "C. pr. pén.": "CPP", "C. proc. pén.": "CPP", "C. consom.": "C. consom.", "C. conso.": "C. consom.",
    "CSS": "CSS", "C. séc. soc.": "CSS", "CGI": "CGI", "C. assur.": "C. assur.", "C. mon. fin.": "C. mon. fin.",
    "CMF": "C. mon. fin.", "CJA": "CJA", "C. route": "C. route", "C. transports": "C. transports",
    "CGCT": "CGCT", "C. env.": "C. env.", "C. santé publ.": "C. santé publ.", "CSP": "C. santé publ.",
    "C. urb.": "C. urb.", "C. éduc.": "C. éduc.", "C. rur.": "C. rur.", "COJ": "C. org. jud.",
    "C. org. jud.": "C. org. jud.", "CSI": "C. séc. int.", "C. séc. int.": "C. séc. int.", "CPCE": "code des "
    "postes et des communications électroniques", "CCH": "code de la construction et de l'habitation",
    "CRPA": "code des relations entre le public et l'administration", "CPCEx": "code des procédures civiles "
    "d'exécution", "CESEDA": "code de l'entrée et du séjour des étrangers et du droit d'asile",
}


def _fold(words: str) -> str:
    """Lower case without accents, one space, straight apostrophes: how code names are compared."""
    words = unicodedata.normalize("NFKD", words.replace("\u2019", "'"))
    return re.sub(r"\s+", " ", "".join(ch for ch in words if not unicodedata.combining(ch))).strip().lower()


def _words(name: str) -> str:
    """A regular expression for a name written with or without its accents, in any case, spacing or apostrophe
    (an abbreviation in capitals keeps its case: "tue" is a verb, "TUE" a treaty)."""
    if name.isupper():
        return re.escape(name)
    out = []
    for ch in name:
        base = _fold(ch)
        if ch == " ":
            out.append(r"\s+")
        elif ch == "'":
            out.append(rf"{APOS}\s?")
        elif ch in ".":
            out.append(r"\.")
        elif base != ch:
            out.append(f"[{base}{ch}]")
        else:
            out.append(re.escape(ch))
    return "(?i:" + "".join(out) + ")"


_NAMED_CODES = {_fold(name): abbreviation for name, abbreviation in CODES.items()}
_NAMED_CODES.update({_fold(name): f"code {name}" for name in OTHER_CODES})
_LISTED_CODES = "|".join(_words(name) for name in sorted([*CODES, *OTHER_CODES], key=len, reverse=True))
#: a code not listed: its first word after "de la", "du", "des" and an adjective that may follow ("code de la
#: mutualité", "code du sport", "code de l'artisanat rural"); words that go on the sentence end it
_UNLISTED_CODE = (rf"(?i:(?:de\s+la\s+|de\s+l{APOS}\s?|des\s+|du\s+|de\s+|d{APOS}\s?)[a-zàâçéèêëîïôûùüÿœ]{{3,}}"
                  r"(?:\s+(?!(?:et|ou|en|qui|dans|pour|par|sur|à|au|aux|de|du|des|le|la|les|l|ne|n|a|est|sont|ainsi"
                  r"|tel|telle|selon|dès|lors|que|qu)\b)"
                  r"[a-zàâçéèêëîïôûùüÿœ]{4,}(?:ale?s?|aire?s?|ique?s?|elle?s?|ive?s?|ier|ière|iers|ières))?)")
#: a code by its name; the listed names are tried first, longest first, so that "code rural et de la pêche
#: maritime" is not "code rural"
CODE_NAME = rf"[Cc]ode\s+(?P<name>{_LISTED_CODES}|{_UNLISTED_CODE})"
CODE_NAME_RE = re.compile(r"\b" + CODE_NAME)
#: a code by a short form; "C. civ." may lose its spaces ("C.civ.") or its capital
CODE_SHORT = "(?P<short>" + "|".join(
    r"\s?".join(_words(part) for part in abbreviation.split(" ")) + (r"(?!\w)" if abbreviation[-1] != "." else "")
    for abbreviation in sorted(CODE_ABBREVIATIONS, key=len, reverse=True)) + ")"
#: a code named by what was said before: "du même code", "dudit code", "de ce code", "du code précité"
CODE_AGAIN = (r"(?P<again>(?:(?:de\s+)?ce\s+(?:même\s+)?|(?:du\s+)?même\s+|dudit\s+|du\s+présent\s+|du\s+)"
              r"[Cc]ode(?:\s+(?:précité|susvisé|susmentionné|précédemment\s+cité))?)(?!\s+(?:de|du|des|d')\b)")

# --- acts: laws, decrees, ordinances, EU directives and regulations ------------------------------------------

#: a French act by its number ("loi n° 2014-1104", "décret no 2019-966"); numbers are year-sequence since 1958,
#: a year of two digits before 2000. The date that often follows belongs to the words, not to the name.
ACT_NUMBER = rf"(?:{NUMERO}\s*)?(?P<number>\d{{2,4}}{DASH}\d{{1,5}})(?![\d/]|{DASH}\d)"
FRENCH_ACT = re.compile(
    r"\b(?P<type>[Ll]oi(?:\s+(?P<qualifier>organique|constitutionnelle))?|LOI|[Dd][ée]cret(?:[-\s]loi)?|D[ÉE]CRET"
    r"|[Oo]rdonnance|ORDONNANCE)"
    rf"(?:\s+{ACT_NUMBER})?(?:\s+du\s+{DATE})?")
#: what makes an "ordonnance du <date>" a court's order rather than the government's ordinance: nothing. Dated
#: ordinances are only taken when the words after show a law-like act ("portant", "relative à", "ratifiée").
ORDINANCE_BY_DATE_AFTER = re.compile(r"\s*(?:,\s*)?(?:portant|relative?|ratifiée|prise\s+en\s+application)\b")
#: ... or when the words before say it changed the law: "dans sa rédaction issue de l'ordonnance du 10 février 2016"
ORDINANCE_BY_DATE_BEFORE = re.compile(r"(?:issue?s?|résultant|modifiée?s?|créée?s?|introduite?s?|abrogée?s?)\s+"
                                      rf"(?:de|par)\s+l{APOS}\s?$")
#: an EU directive or regulation: old style "2001/29/CE" and "(CE) n° 44/2001", new style "(UE) 2019/790"
EU_ACT = re.compile(
    r"\b(?P<type>[Dd]irective|DIRECTIVE|[Rr][èe]glement|R[ÈE]GLEMENT)"
    r"(?:\s+(?:d['’]exécution|délégué))?"
    r"\s+(?:\(?(?:UE|CE|CEE|Euratom|EU|EC|EEC)\)?\s+)?(?:" + NUMERO + r"\s*)?"
    r"(?P<number>\d{2,4}/\d{1,4})(?:/(?:CE|CEE|UE|EU|EC|EEC|JAI))?\b(?!/\d)")
#: an act named again: "de la même loi", "de ladite directive", "de cette loi", "du règlement précité"
ACT_AGAIN = re.compile(
    r"(?P<which>de\s+la\s+même|de\s+ladite|de\s+cette|du\s+même|dudit|de\s+ce|de\s+la|du|de\s+l['’]\s?)\s*"
    r"(?P<type>loi|directive|règlement|décret|ordonnance)"
    r"(?P<said>\s+(?:précitée?|susvisée?|susmentionnée?|mentionnée?\s+ci-dessus))?(?![\w-])")

# --- articles ---------------------------------------------------------------------------------------------

#: one article number: the part of the code ("L.", "R.", "D.", "A.", "LO") with or without its point and
#: space, then the number with its subdivisions ("L. 122-5-1", "1240", "1er", "6 bis")
ARTICLE_NUMBER = (rf"(?:(?:(?P<part>LO|L|R|D|A)(?:\s?\.\s?|\s|(?=\d))\*?\s?)?"
                  rf"(?P<number>\d{{1,4}}(?:er)?(?:\s?{DASH}\s?(?:\d{{1,4}}|[IVX]{{1,4}}\b))*)"
                  r"(?:\s+(?P<latin>(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies|undecies"
                  r"|duodecies|terdecies|quaterdecies|quindecies|sexdecies|septdecies|octodecies|novodecies"
                  r"|vicies)(?:\s[A-H]\b)?)\b)?"  # the tax code's "199 undecies B"
                  r"|(?P<word>préliminaire|liminaire|unique|premier)\b)")
#: what makes a number after "article" or in its list something else: a degree ("3°" is a sub-item), an
#: amount, a date, a figure with thousands ("700, 2 000 euros")
NOT_ARTICLE_AFTER = (r"(?!\d|\s?[°º%€]|\s*euros?\b|\s+(?:" + "|".join(FRENCH_MONTHS) + r")\b|[\d.,/]\d|\s\d{3}\b"
                     r"|\s*(?:ans?|mois|jours?|heures?|pages?)\b)")
ITEM = ARTICLE_NUMBER + NOT_ARTICLE_AFTER
ITEM_RE = re.compile(ITEM)
#: "article", "articles", "art.", "arts", with an elided article before ("l'article") kept in the words
ARTICLE_WORD = rf"(?:\b[ld]{APOS}\s?)?\b(?:[Aa]rticles?|ARTICLES?|[Aa]rts?\.|[Aa]rts?\b)"
#: how the numbers of a list are joined; "à" makes a range, "et suivants" ends the list
LIST_JOIN = (r"(?:\s*,\s*(?:et\s+|ou\s+)?|"
             # "1382 (devenu 1240)": the article's new number is a reference too
             r"\s*\((?:devenus?|désormais|nouvel|anciens?|anciennement|ex)(?:\s+(?:articles?|art\.))?\s*|"
             rf"(?:\s*,)?\s+(?:devenus?|désormais)\s+(?:l{APOS}\s?article\s+|art\.\s*)?|"
             r"\s+(?:et|ou)\s+(?:(?:à\s+)?l['’]\s?article\s+|les\s+articles\s+)?|\s+(?:à|au)\s+)")
_SUBDIVISION = "|".join([
    (r"(?:alinéas?|al\.)\s*(?:\d+(?:er)?|premier|deuxième|second|troisième|quatrième|dernier)\b"
     r"(?:\s*(?:et|à)\s*\d+)?"),
    r"(?:paragraphes?|§)\s*\d+(?:\s*(?:et|à)\s*\d+)?",
    r"(?:point|sous)\s+[a-z0-9]+\)?",
    r"\(?\d+\s?°\)?(?:\s*(?:et|à)\s*\d+\s?°)?",
    r"[a-z]\)",
    r"\(?(?:anciens?|nouveaux?|anc\.|modifiés?|en\s+vigueur)\b\)?",
    r"et\s+(?:suivants\b|s\.)",
    r"(?:I{1,3}|IV|VI{0,3})\b",
])
#: an item's sub-divisions inside a list: "articles 1134, alinéa 1er, et 1147 du code civil"
ITEM_TAIL = rf"\)?(?:\s*(?:,\s*)?(?:{_SUBDIVISION}))*\)?"  # the ")" closes "(devenu 1240)"
ITEM_TAIL_RE = re.compile(ITEM_TAIL)
_ANY_ITEM = re.sub(r"\?P<\w+>", "?:", ITEM)  # the item without its names, to repeat it in a list
JOIN_RE = re.compile(rf"{LIST_JOIN}(?={_ANY_ITEM})")
ARTICLES = re.compile(rf"{ARTICLE_WORD}\s*(?:{NUMERO}\s*)?(?P<list>{_ANY_ITEM}(?:{ITEM_TAIL}{LIST_JOIN}{_ANY_ITEM})*)")
#: "l'article 89 du l'article 89": the same words typed twice
STUTTER = re.compile(rf"\s+(?:du|de)\s+l{APOS}\s?article\b")
#: numbers that go on a list after its code: "articles 56-1 du code de procédure pénale et 66-5 de la loi ..."
MORE_ARTICLES = re.compile(rf"(?:\s*,\s*(?:et\s+)?|\s+et\s+|(?P<renumbered>(?:\s*,)?\s+(?:devenus?|désormais)\s+)"
                           rf"(?P<word>(?:l{APOS}\s?|les\s+)?(?:articles?\s+|art\.\s*))?)"
                           rf"(?P<list>{_ANY_ITEM}(?:{ITEM_TAIL}{LIST_JOIN}{_ANY_ITEM})*)")
RANGE_JOIN = re.compile(r"\s+(?:à|au)\s+")
#: words between an article and the code or act it belongs to: its sub-divisions, "ancien", "et suivants"
BETWEEN = re.compile(rf"\)?(?:\s*(?:,\s*)?(?:{_SUBDIVISION}))*\s*(?:,\s*)?")
#: "du code ...", "de la loi ...", or the short form of a code, right after an article and its sub-divisions
CODE_AFTER = re.compile(rf"(?:(?:du|de\s+ce|de\s+la|de\s+l{APOS})\s+|\(|,\s*)?(?:{CODE_NAME}|{CODE_SHORT}\)?)"
                        rf"|{CODE_AGAIN}")
#: "de la" before an act an article belongs to ("du la loi" is a slip decisions make)
OF_ACT = re.compile(rf"(?:du(?:\s+la)?|de\s+la|de\s+l{APOS}\s?|des)\s*(?=\S)")
#: treaties and charters whose articles courts cite, named in lower case as written (longest names first)
INSTRUMENTS = [
    "convention européenne de sauvegarde des droits de l'homme et des libertés fondamentales",
    "convention de sauvegarde des droits de l'homme et des libertés fondamentales",
    "convention européenne des droits de l'homme", "convention européenne de sauvegarde des droits de l'homme",
    "charte des droits fondamentaux de l'union européenne",
    "déclaration des droits de l'homme et du citoyen de 1789", "déclaration des droits de l'homme et du citoyen",
    "traité sur le fonctionnement de l'union européenne", "traité sur l'union européenne",
    "convention de berne pour la protection des œuvres littéraires et artistiques", "convention de berne",
    "pacte international relatif aux droits civils et politiques", "charte de l'environnement",
    "convention internationale des droits de l'enfant",
    "convention de vienne sur le droit des traités",
    "accord sur les aspects des droits de propriété intellectuelle qui touchent au commerce",
    "CEDH", "TFUE", "TUE",
]
#: the Constitution, with or without its date: one text, named "Constitution"
CONSTITUTION_AFTER = re.compile(rf"(?:du|de\s+la|de\s+l{APOS}\s?)\s*[Cc]onstitution(?:\s+du\s+4\s+octobre\s+1958)?\b")
#: a treaty, by its name and date ("du traité de paix du 10/02/1947"); named again without its date or as
#: "du même traité", it is the one named last before
TREATY_AFTER = re.compile(rf"(?:du|de\s+ce|dudit)\s+(?P<same>même\s+)?[Tt]raité"
                          rf"(?:(?P<name>(?:\s+(?!du\b|en\b|et\b|qui\b)[\w'’-]+){{0,4}}?)"
                          rf"\s+(?:du|en\s+date\s+du|signé\s+le)\s+{DATE})?(?!\w)")
#: "article 44 du " just before a treaty's name: the treaty "du même traité" means
ARTICLE_OF = re.compile(rf"{ARTICLE_WORD}\s*\S+\s+(?:du|de\s+ce)\s+$")
#: a treaty named anywhere (to find the one named again)
TREATY_NAMED = re.compile(TREATY_AFTER.pattern.replace("(?:du|de\\s+ce|dudit)\\s+", "\\b", 1))
_INSTRUMENT_NAMES = "|".join(_words(name) for name in sorted(INSTRUMENTS, key=len, reverse=True))
#: the additional protocols of the European Convention ("du Protocole additionnel n° 1 à la Convention ..."):
#: "additionnel" is required, "protocole d'accord" being a contract
PROTOCOL = (rf"(?i:(?:premier\s+)?protocole\s+(?:additionnel(?:\s+{NUMERO}\s*\d+)?|{NUMERO}\s*\d+\s+additionnel)"
            rf"(?:\s+à\s+la\s+(?:{_INSTRUMENT_NAMES}))?)")
INSTRUMENT_AFTER = re.compile(rf"(?:(?:du|de\s+la|de\s+l{APOS}\s?|des)\s*)?"
                              rf"(?P<instrument>{PROTOCOL}|{_INSTRUMENT_NAMES})(?![\w-])")
INSTRUMENT_NAMED = re.compile(rf"(?<![\w-])(?P<instrument>{PROTOCOL}|{_INSTRUMENT_NAMES})(?![\w-])")
#: a convention, protocol or charter named again: "de la Convention" (its capital tells it from a contract),
#: "de ladite convention", "de la même convention"
INSTRUMENT_AGAIN = re.compile(r"(?:(?P<plain>de\s+la|du)\s+|(?:de\s+ladite|de\s+cette|de\s+la\s+même|dudit|du\s+même"
                              r"|de\s+ce)\s+)(?P<word>[Cc]onvention|[Pp]rotocole|[Cc]harte|[Pp]acte)(?![\w-])"
                              r"(?!\s+(?:collective|d['’]|de\s+(?!sauvegarde)))")
#: a code written before its article: "CPI, art. L. 122-4", "le code civil, en son article 1240"
CODE_BEFORE = re.compile(rf"(?:{CODE_NAME}|{CODE_SHORT})\s*,\s*(?:en\s+(?:son|ses)\s+)?$")
#: articles of what is not a law: a contract, statutes, general terms, a collective agreement
NOT_LAW_AFTER = re.compile(
    r"(?:du|de\s+la|de\s+l['’]|des|de\s+ce|de\s+cette|de\s+son|de\s+leur)\s*"
    r"(?:contrat|convention(?!\s+(?:européenne|de\s+(?:berne|vienne|genève|sauvegarde|rome|new\s+york)|"
    r"internationale|universelle))|conditions|accord|avenant|protocole|statuts|charte|cahier|pacte|règlement\s+"
    r"(?:intérieur|de\s+copropriété|du\s+jeu|de\s+l['’]\s?appel)|clause|bail|devis|annexe|présent\s+(?:contrat|"
    r"accord|arrêt|jugement))", re.IGNORECASE)

# --- the courts' numbers ----------------------------------------------------------------------------------

#: a Cour de cassation pourvoi: two digits of the year, two of the chamber's series, three more after a point
#: ("19-19.463"); the letter before it ("n° Q 19-19.463") is a check letter, not part of the number
POURVOI_NUMBER = rf"(?P<year>\d{{2}}){DASH}(?P<series>\d{{2}})\.(?P<rest>\d{{3}})(?![\d.]\d)"
POURVOI = re.compile(rf"(?:\b[Pp]ourvois?\s+)?(?:\b{NUMERO}\s*)?(?:\b[A-Z]\s+)?(?<![\d.-])\b{POURVOI_NUMBER}"
                     rf"|\b[Pp]ourvois?\s+{NUMERO}\s*(?:[A-Z]\s+)?(?P<year2>\d{{2}}){DASH}(?P<undotted>\d{{5}})\b",
                     re.IGNORECASE)
#: an RG number (répertoire général: the court's register), year/sequence ("20/01234"); its label comes
#: before in many shapes: "RG n° 20/01234", "N° RG 20/01234", "n° RG : 21/05678", "R.G. 20/1234"
RG_NUMBER = (rf"\d{{2}}/\d{{3,6}}(?!\d|/\d)|\d{{2}}{DASH}\d{{2}}{DASH}\d{{4,6}}\b"
             # a commercial court's: the year and six figures ("2022004346")
             r"|(?:19|20)\d{8}\b")
RG = re.compile(rf"(?:\b{NUMERO}\s*(?:de\s+)?)?(?:\bR\.?\s?G\.?|\b[Rr]épertoire\s+[Gg]énéral)"
                rf"\s*(?:{NUMERO}\s*)?:?\s*"
                rf"(?P<list>(?:{RG_NUMBER})(?:(?:\s*,\s*|\s+et\s+)(?:{NUMERO}\s*)?(?:{RG_NUMBER}))*)", re.IGNORECASE)
#: "n° 19/12345" without the word "RG": the number of a court of appeal's decision, as decisions are cited
#: ("n° 12/2024" is a year, not a register number)
RG_BARE = re.compile(rf"\b{NUMERO}\s*(?P<list>\d{{2}}/(?!(?:19|20)\d\d\b)\d{{4,5}})(?!\d|/\d)", re.IGNORECASE)
#: a Portalis number (the national procedure identifier): court code, letter, three signs, the case
PORTALIS = re.compile(r"(?:\bN\s?[°º]\s*)?\bPortalis\s*:?\s*(?P<id>[A-Z0-9]{4}-[A-Z]-[A-Z0-9]{3}-[A-Z0-9]{3,8})\b",
                      re.IGNORECASE)
#: a European Case Law Identifier: country, court, year, the decision's number (dots allowed, not at the end)
ECLI = re.compile(r"\bECLI:(?P<country>[A-Z]{2}):(?P<court>[A-Z0-9.]{1,7}):(?P<year>\d{4}):"
                  r"(?P<number>[A-Z0-9.]{0,24}[A-Z0-9])", re.IGNORECASE)

#: the Court of Justice's identifier as its own judgments print it, without "ECLI:" ("EU:C:2019:624"); the court
#: letters are the Court of Justice, the General Court and the former Civil Service Tribunal
EU_ECLI = re.compile(r"(?<![\w:])EU:(?P<court>C|T|F):(?P<year>\d{4}):(?P<number>\d{1,5})\b")


def find_french_references(text: str) -> list[Citation]:
    """The French legal references in ``text``, in text order, none overlapping another."""
    acts = list(_acts(text))
    found = [*_articles(text, acts), *acts, *_court_numbers(text)]
    # Where two rules read one place, the reference that starts first (then the longest) is the one kept:
    # an article takes the act it belongs to, an EU regulation's "n° 44/2001" is not an RG number.
    out, reach = [], -1
    for citation in sorted(found, key=lambda c: (c.start, -c.end)):
        if citation.start >= reach:
            out.append(citation)
            reach = citation.end
    return out


def ecli_parts(ecli: str) -> dict:
    """The parts of a European Case Law Identifier: country, court, year and the decision's number.

    >>> ecli_parts("ECLI:FR:CCASS:2021:SO01153")
    {'country': 'FR', 'court': 'CCASS', 'year': '2021', 'number': 'SO01153'}
    """
    ecli = ecli.strip().rstrip(".")
    m = ECLI.fullmatch(ecli if ecli.upper().startswith("ECLI:") else f"ECLI:{ecli}")
    if not m:
        raise ValueError(f"not an ECLI: {ecli!r}")
    return {key: m.group(key).upper() for key in ("country", "court", "year", "number")}


# --- acts -------------------------------------------------------------------------------------------------

def _acts(text: str):
    for m in FRENCH_ACT.finditer(text):
        if m.group("number") is None and m.group("year") is None and m.group("yyyy") is None:
            continue  # "la loi" names no act
        kind = _fold(m.group("type"))
        if (m.group("number") is None and kind == "ordonnance" and not ORDINANCE_BY_DATE_AFTER.match(text, m.end())
                and not ORDINANCE_BY_DATE_BEFORE.search(text, max(0, m.start() - 30), m.start())):
            continue  # "l'ordonnance du 12 mars 2021" is the judge's order
        if kind.startswith("loi"):
            name, reference = (f"loi {m.group('qualifier').lower()}" if m.group("qualifier") else "loi"), "law"
        elif kind.startswith("decret"):
            name, reference = ("décret-loi" if "loi" in kind else "décret"), "decree"
        else:
            name, reference = "ordonnance", "ordinance"
        named = f"n° {_dashes(m.group('number'))}" if m.group("number") else f"du {_iso(m)}"
        yield Citation(m.group(), m.start(), m.end(), reference, f"{name} {named}")
    for m in EU_ACT.finditer(text):
        normalized = f"{_fold(m.group('type')).replace('reglement', 'règlement')} {m.group('number')}"
        yield Citation(m.group(), m.start(), m.end(), "eu", normalized)


def _iso(m: re.Match) -> str:
    if m.group("yyyy"):
        return f"{m.group('yyyy')}-{int(m.group('mm')):02d}-{int(m.group('dd')):02d}"
    day = 1 if "er" in m.group("day") else int(m.group("day"))
    return f"{m.group('year')}-{FRENCH_MONTHS[m.group('month').lower()]:02d}-{day:02d}"


# --- articles ---------------------------------------------------------------------------------------------

def _articles(text: str, acts: list[Citation]):
    codes = _code_mentions(text)
    acts = sorted(acts, key=lambda c: c.start)
    act_starts = [a.start for a in acts]
    for m in ARTICLES.finditer(text):
        if STUTTER.match(text, m.end()):
            continue  # "l'article 89 du l'article 89 de la Constitution": the words were typed twice
        after, end, owner = _owner(text, m.end(), codes, acts, act_starts)
        if owner is None and NOT_LAW_AFTER.match(text, _skip_between(text, m.end())):
            continue  # "l'article 5 du contrat" is a clause, not law
        if owner is None:
            owner = _code_before(text, m.start())
        yield from _list(text, m.start(), m.start("list"), m.end("list"), end if after else None, owner)
        # "les articles 56-1 du code de procédure pénale et 66-5 de la loi n° 71-1130": the list goes on after
        # its code with numbers of another code or act; only numbers that name theirs are taken.
        # "l'article 1134 du code civil, devenu l'article 1103": the new number is of the same code.
        while after:
            more = MORE_ARTICLES.match(text, end)
            if not more:
                break
            named, end, its_owner = _owner(text, more.end(), codes, acts, act_starts)
            if not named and not more.group("renumbered"):
                break
            owner = its_owner if named else owner
            start = more.start("word") if more.group("word") else more.start("list")
            yield from _list(text, start, more.start("list"), more.end("list"), end if named else None, owner)
            after = named


def _list(text: str, start: int, first: int, last: int, owner_end: int | None, owner: str | None):
    """The references of a list of article numbers between ``first`` and ``last``; the first one's words begin
    at ``start`` (the word "article"), a lone article's run to the end of its code's name."""
    items = _items(text, first, last)
    suffix = f" {owner}" if owner else ""
    for i, (number, to) in enumerate(items):
        name = _article_number(number) + (f" à {_article_number(to)}" if to is not None else "")
        begin = start if i == 0 else number.start()
        stop = owner_end if i == len(items) - 1 and owner_end else (to or number).end()
        yield Citation(text[begin:stop], begin, stop, "article", f"art. {name}{suffix}")


def _items(text: str, start: int, end: int) -> list[tuple[re.Match, re.Match | None]]:
    """The article numbers of a list, each with the end of its range when it opens one ("L. 122-1 à L. 122-3"),
    read from number to join to number so that the figures of an "alinéa 1er" are not taken for articles."""
    items, pos, opens = [], start, None
    while pos < end:
        number = ITEM_RE.match(text, pos, end)
        if not number:
            break
        if opens is not None:
            items[-1] = (opens, number)
            opens = None
        else:
            items.append((number, None))
        pos = ITEM_TAIL_RE.match(text, number.end(), end).end()
        join = JOIN_RE.match(text, pos, end)
        if not join:
            break
        if RANGE_JOIN.fullmatch(join.group()) and items[-1][1] is None:
            opens = number
        pos = join.end()
    return items


def _article_number(m: re.Match) -> str:
    if m.group("word"):
        return "1er" if m.group("word") == "premier" else m.group("word")
    number = re.sub(rf"\s?{DASH}\s?", "-", m.group("number")).replace(" ", "")
    if m.group("latin"):
        number += f" {m.group('latin')}"
    return f"{m.group('part')}. {number}" if m.group("part") else number


def _skip_between(text: str, pos: int) -> int:
    between = BETWEEN.match(text, pos)
    return between.end() if between else pos


def _owner(text: str, pos: int, codes, acts, act_starts):
    """The code or act an article at ``pos`` belongs to: (whether found, end of its words, its short name)."""
    for at in dict.fromkeys((_skip_between(text, pos), pos)):
        m = CODE_AFTER.match(text, at)
        if m:
            if m.group("again"):
                code = _last_code(codes, m.start("again"))
                if code:
                    return True, m.end(), code
                continue
            return True, m.end(), _code_of(m)
        m = CONSTITUTION_AFTER.match(text, at)
        if m:
            return True, m.end(), "Constitution"
        m = INSTRUMENT_AFTER.match(text, at)
        if m:
            name = re.sub(r"\s+", " ", m.group("instrument").replace("\u2019", "'"))
            return True, m.end(), name if name.isupper() else name.lower()  # "TFUE" stays as written
        m = INSTRUMENT_AGAIN.match(text, at)
        if m and not (m.group("plain") and m.group("word").islower()):
            word = m.group("word").lower()
            named = [name for start, name in _instrument_mentions(text) if start < m.start() and name.startswith(word)]
            if named:
                return True, m.end(), named[-1]
        m = TREATY_AFTER.match(text, at)
        if m:
            name, end = _treaty(text, m)
            return True, end, name
        of = OF_ACT.match(text, at)
        if of:
            # The act starts right after "de la" / "du": "article 4 de la loi n° 2004-575".
            i = bisect_right(act_starts, of.end()) - 1
            if i >= 0 and acts[i].start == of.end():
                return True, acts[i].end, acts[i].normalized
            again = ACT_AGAIN.match(text, at)
            # "de la loi" alone is some law; "de la même loi", "de ladite loi", "de la loi précitée" the last one
            if again and (again.group("said") or _fold(again.group("which")) not in ("de la", "du", "de l'")):
                kind = {"loi": "loi", "directive": "directive", "règlement": "règlement", "décret": "décret",
                        "ordonnance": "ordonnance"}[again.group("type")]
                for earlier in reversed(acts[:bisect_right(act_starts, at)]):
                    if earlier.normalized.startswith(kind) and earlier.end <= at:
                        return True, again.end(), earlier.normalized
    return False, pos, None


def _treaty(text: str, m: re.Match) -> tuple[str, int]:
    """A treaty's name and date ("traité de paix du 1947-02-10") and the end of its words; without its date,
    or as "même traité", the dated treaty named last before whose name follows (or the last one)."""
    if m.group("year") or m.group("yyyy"):
        name = re.sub(r"\s+", " ", m.group("name")).lower()
        return f"traité{name} du {_iso(m)}", m.end()
    dated = [t for t in _dated_treaties(text) if t.end() <= m.start()]
    if m.group("same"):
        # "l'article 44 du même traité" is the treaty whose article was cited last, not the last one named
        dated = [t for t in dated if ARTICLE_OF.search(text, max(0, t.start() - 60), t.start())] or dated
    for t in reversed(dated):
        words = t.group("name").split()
        # "du traité de paix" names again the "traité de paix du 10/02/1947": its words run over the name
        again = re.compile("".join(rf"\s+{re.escape(word)}" for word in words) + r"(?!\w)", re.IGNORECASE).match(text, m.end())
        if m.group("same") or again:
            return " ".join(["traité", *(w.lower() for w in words), "du", _iso(t)]), again.end() if again else m.end()
    return "traité", m.end()


@lru_cache(maxsize=4)
def _instrument_mentions(text: str) -> list[tuple[int, str]]:
    """The conventions, protocols and charters named in ``text`` (read once per text): (start, name)."""
    return [(m.start(), re.sub(r"\s+", " ", m.group().replace("\u2019", "'")).lower())
            for m in INSTRUMENT_NAMED.finditer(text)]


@lru_cache(maxsize=4)
def _dated_treaties(text: str) -> list[re.Match]:
    """The treaties named with their date in ``text`` (read once per text)."""
    return [t for t in TREATY_NAMED.finditer(text) if t.group("year") or t.group("yyyy")]


def _code_of(m: re.Match) -> str:
    if m.group("short"):
        return CODE_ABBREVIATIONS[next(k for k in CODE_ABBREVIATIONS if _fold(k).replace(" ", "")
                                       == _fold(m.group("short")).replace(" ", ""))]
    return _code_named(m.group("name"))


def _code_named(name: str) -> str:
    written = re.sub(r"\s+", " ", name.replace("\u2019", "'")).lower()
    return _NAMED_CODES.get(_fold(name)) or f"code {written}"


def _code_mentions(text: str) -> list[tuple[int, str]]:
    """Every code named in ``text`` by its name or, after an article, its short form: (end, short name)."""
    mentions = [(m.end(), _code_named(m.group("name"))) for m in CODE_NAME_RE.finditer(text)]
    for m in re.finditer(rf"{ARTICLE_WORD}[^;\n]{{0,60}}?\b{CODE_SHORT}", text):
        mentions.append((m.end(), _code_of(m)))
    return sorted(mentions)


def _last_code(codes: list[tuple[int, str]], pos: int) -> str | None:
    i = bisect_right(codes, (pos, "\uffff")) - 1
    return codes[i][1] if i >= 0 else None


def _code_before(text: str, start: int) -> str | None:
    m = CODE_BEFORE.search(text, max(0, start - 80), start)
    return _code_of(m) if m else None


# --- the courts' numbers ----------------------------------------------------------------------------------

def _court_numbers(text: str):
    for m in POURVOI.finditer(text):
        if m.group("undotted"):
            normalized = f"{m.group('year2')}-{m.group('undotted')[:2]}.{m.group('undotted')[2:]}"
        else:
            normalized = f"{m.group('year')}-{m.group('series')}.{m.group('rest')}"
        yield Citation(m.group(), m.start(), m.end(), "pourvoi", normalized)
    for rule in (RG, RG_BARE):
        for m in rule.finditer(text):
            numbers = list(re.finditer(RG_NUMBER, m.group("list")))
            for i, number in enumerate(numbers):
                start = m.start() if i == 0 else m.start("list") + number.start()
                end = m.start("list") + number.end()
                yield Citation(text[start:end], start, end, "rg", _dashes(number.group()))
    for m in PORTALIS.finditer(text):
        yield Citation(m.group(), m.start(), m.end(), "portalis", m.group("id").upper())
    for m in ECLI.finditer(text):
        yield Citation(m.group(), m.start(), m.end(), "ecli", m.group().upper(), year=m.group("year"))
    for m in EU_ECLI.finditer(text):
        # the same identifier as "ECLI:EU:C:2019:624", so that the two ways of citing a judgment meet
        yield Citation(m.group(), m.start(), m.end(), "ecli", f"ECLI:{m.group()}", year=m.group("year"))


def _dashes(words: str) -> str:
    return re.sub(DASH, "-", words)
