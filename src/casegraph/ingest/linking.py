"""Finding the known entities a text names: a gazetteer of every label and alias, matched over word tokens,
then kept or dropped by what the text around each name says.

Names match as :func:`casegraph.model.name_key` compares them (no case, accents, spaces or punctuation), so
"Llama3", "LLaMA-3" and "Llama 3" all find Llama 3, and "Meta Platforms Inc." finds Meta. A name spelt with a
capital is not found in an all-lower-case word ("meta-analysis" is not Meta), and a name of one or two letters
must be spelt exactly.

Precision comes first, because an accepted link is written into the graph as a fact about a curated entity:

- A *short form* (a person's last name, an organisation without its company form, a case's first party) links
  only when the document names that entity in full somewhere (one sense per document), or when the words before
  it give a role that fits ("Judge Chhabria" for a judge of the graph), or the sentence names an organisation
  the person belongs to ("Meta's Zuckerberg").
- Nothing links to a person or an organisation inside a case name ("Mazer v. Stein": a case, found as such when
  the graph knows it), nor to a person inside a law firm's name ("Kirkland & Ellis") or a hyphenated compound
  ("Smith-Kline"); a last name next to another capitalised name ("Timothy B. Lee", "Martin Luther King") is a
  different person's. Generational suffixes (Jr., III) are never names.
- A name close to a known person's but not equal ("Ahmed Al-Dale") is a *possible* match, reported with its
  score; it links only when its sentence names an organisation or a role of that person.
- When a name fits several entities equally, the mention lists them all and picks none.

>>> text = "Ahmad Al-Dahle ran Llama. Al Dahle compared LLaMA-3 with GPT4."
>>> gazetteer = Gazetteer([("urn:p", "Ahmad Al-Dahle", "person"), ("urn:m", "Llama 3", "model"),
...                        ("urn:g", "GPT-4", "model")])
>>> [(m.text, m.entity) for m in gazetteer.find(text)]
[('Ahmad Al-Dahle', 'urn:p'), ('Al Dahle', 'urn:p'), ('LLaMA-3', 'urn:m'), ('GPT4', 'urn:g')]
>>> [m.possible for m in gazetteer.find("Al Dahle compared LLaMA-3 with GPT4.") if m.kind == "person"]
[(('urn:p', 1.0),)]
>>> [m.text for m in gazetteer.find("In Al-Dahle v. Stein, the court ruled.")]
[]
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, URIRef

from ..model import fold, name_key
from ..ontology import NAMESPACE, class_tiers, ontology_graph
from ..vocab import CG
from .given_names import FIRST_NAMES
from .spans import Spans
from .zones import case_names, firm_names, parties

#: a word: letters and digits (of any script), as name_tokens splits names
WORD = re.compile(r"[^\W_]+")
#: what may stand between two words of one name: spaces, one line break, hyphens, dots, commas, apostrophes
JOINER = re.compile(r"[ \t\u00a0\u202f\-\u2010\u2011\u2013.,'\u2019&/]*\n?[ \t\u00a0\u202f]*")
#: a company form at the end of a name, which texts often leave out
CORPORATE = re.compile(r",?\s+(?:Inc|LLC|L\.L\.C|LLP|Ltd|Corp|Co|Corporation|SAS|SA|GmbH|AG|PBC)\.?$")
#: a generational suffix at the end of a person's name: never a name by itself
SUFFIX = re.compile(r",?\s+(?:Jr\.?|Sr\.?|II|III|IV|V|VI)$")
SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v", "vi"}
DECISION = CG.Decision
#: a name made of two or three initials: "MZ", "J.L.", "J. L."
INITIALS = re.compile(r"(?:[A-Z]\.?\s?){2,3}")
#: the longest name in words that is looked for
MAX_WORDS = 10
#: how close a misspelt name must be to a known one (difflib's ratio of their keys) to be a possible match
CLOSE = 0.85

#: the kind of an entity, from its casegraph classes (a judge is a person, a court an organisation)
KIND_NAMES = {"Person": "person", "Court": "organization", "LawFirm": "organization",
              "Organization": "organization", "LegalCase": "case", "AIModel": "model", "Dataset": "dataset"}
#: words before a name that give a role, by the role they give (the roles a person has come from the graph).
#: "Justice" is no judge's role here: a Justice sits on a supreme or appellate bench, where the graph's judges (the
#: judges of its trial courts) do not: "Justice BREYER delivered the opinion" is not Judge Charles Breyer.
ROLE_WORDS = {
    "judge": r"Judges?|Magistrate|juges?|magistrate|Chief Judge|présidente?|Judge[- ]elect",
    "counsel": r"attorneys?|lawyers?|counsel|avocat|avocate|Me",
    "plaintiff": r"plaintiffs?|authors?|novelists?|writers?|comedians?|auteur|autrice|écrivain|écrivaine|"
                 r"romancier|romancière|plaignante?",
    "executive": r"CEO|chief|executive|founder|co-founder|PDG|patron|dirigeant|dirigeante|fondateur|président|"
                 r"researcher|scientist|engineer|chercheur|chercheuse|ingénieur|head",
}
ROLE_BEFORE = {role: re.compile(rf"\b(?:{words})\.?(?:\s+[A-Z]\.)?\s+$") for role, words in ROLE_WORDS.items()}
#: a title before a name, which is not another name ("Judge Chhabria", "Mr. Kadrey")
TITLE = re.compile(r"^(?:Judge|Justice|Chief|Magistrate|District|Circuit|Mr|Mrs|Ms|Dr|Prof|Professor|Sen|Senator|"
                   r"Rep|CEO|Me|M|Mme|Mlle|Sir|Dame|Lord|Lady|Hon|Honorable|Plaintiff|Defendant|Judges?)\.?$")
#: words that open sentences and are not names, whether or not the text also writes them in lower case
COMMON_OPENERS = {"the", "a", "an", "in", "on", "at", "for", "but", "and", "so", "yet", "then", "when", "while",
                  "after", "before", "since", "as", "if", "meanwhile", "yesterday", "today", "later", "earlier",
                  "now", "still", "also", "even", "only", "here", "there", "this", "that", "these", "those",
                  "le", "la", "les", "un", "une", "des", "et", "mais", "puis", "hier", "ensuite", "alors", "selon",
                  "pour", "dans", "avec", "quand", "lorsque", "depuis", "enfin", "aussi", "même", "ainsi", "déjà"}
#: what people hold in organisations, read to tell a possible match from a chance likeness
AFFILIATIONS = "cg:employedBy|cg:formerlyEmployedBy|cg:chiefExecutiveOf|cg:founded|cg:memberOf"
ROLES_QUERY = f"""
SELECT DISTINCT ?person ?role WHERE {{
  {{ ?case cg:judge|cg:presidingJudge|cg:magistrateJudge ?person . BIND("judge" AS ?role) }}
  UNION {{ ?case cg:counsel|cg:plaintiffsCounsel|cg:defendantsCounsel ?person . BIND("counsel" AS ?role) }}
  UNION {{ ?case cg:plaintiff ?person . BIND("plaintiff" AS ?role) }}
  UNION {{ ?person {AFFILIATIONS} ?org . BIND("executive" AS ?role) }}
}}"""
ORGS_QUERY = f"SELECT DISTINCT ?person ?org WHERE {{ ?person {AFFILIATIONS} ?org }}"


@dataclass(frozen=True)
class Mention:
    """A place in the text that names a known entity (``entity``), or may name several (``ambiguous``).

    A name close to a known one but not equal carries ``possible`` ((entity, score) pairs); ``entity`` is set
    only when ``evidence`` (the words of the sentence that agree) supports it.
    """

    text: str
    start: int
    end: int
    entity: str | None
    label: str | None
    kind: str | None
    ambiguous: tuple[str, ...] = ()
    possible: tuple[tuple[str, float], ...] = ()
    evidence: str | None = None

    @property
    def linked(self) -> bool:
        """Whether the mention names a known entity, or one of a few (not a mere possible match)."""
        return bool(self.entity or self.ambiguous)

    def to_dict(self) -> dict:
        out = {"text": self.text, "start": self.start, "end": self.end, "entity": self.entity, "label": self.label}
        if self.ambiguous:
            out["ambiguous"] = list(self.ambiguous)
        if self.possible:
            out["possible"] = [{"entity": e, "score": round(score, 3)} for e, score in self.possible]
        if self.evidence:
            out["evidence"] = self.evidence
        return out


@dataclass(frozen=True)
class _Name:
    entity: str
    spelling: str
    surname: bool  # a short form (a last name, a name without its company form): needs the context's support


@dataclass
class Gazetteer:
    """Every name of the entities worth finding in a text, by normalised key.

    ``entries`` are ``(iri, name, kind)``; ``roles`` the roles of people (judge, counsel, plaintiff,
    executive) and ``organisations`` the organisations they belong to, both read by the context rules.
    :meth:`from_graph` builds all three from a CaseGraph (people, organisations, cases, models and data sets,
    not the records about them).
    """

    entries: list[tuple[str, str, str]]
    labels: dict[str, str] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=dict)
    organisations: dict[str, set[str]] = field(default_factory=dict)
    by_key: dict[str, list[_Name]] = field(init=False)
    prefixes: set[str] = field(init=False)
    kinds: dict[str, str] = field(init=False)
    full_names: dict[str, list[tuple[str, str]]] = field(init=False)  # key -> (entity, name) of people

    def __post_init__(self):
        self.by_key = defaultdict(list)
        self.kinds = {}
        self.full_names = defaultdict(list)
        for iri, name, kind in self.entries:
            self.kinds[iri] = kind
            self.labels.setdefault(iri, name)
            # A person's initials ("MZ" for Mark Zuckerberg) are a short form: initials stand for anybody
            # ("M. Z..." in a pseudonymised decision, a clerk's "JL") unless the text names the person in full.
            initials = kind == "person" and INITIALS.fullmatch(name) and self.labels[iri] != name
            # so is a person's alias that is their last name ("Al-Dahle"): the context rules decide, as for the
            # last name read off the full one
            last_name = kind == "person" and self.labels[iri] != name and \
                name_key(name) == name_key(SUFFIX.sub("", self.labels[iri]).split()[-1])
            self._index(iri, name, surname=bool(initials or last_name))
            words = SUFFIX.sub("", name).split()
            if kind == "person" and len(words) > 1:
                self.full_names[name_key(name)[:1]].append((iri, name))
            # "Zuckerberg" for Mark Zuckerberg; "Al-Dahle" for Ahmad Al-Dahle (the hyphen keeps it one word);
            # "Dubus" for Andre Dubus III (a suffix is no name).
            if kind == "person" and len(words) > 1 and words[-1][:1].isupper() and len(name_key(words[-1])) > 2:
                self._index(iri, words[-1].strip(",."), surname=True)
            # "Sidney Stein" for Sidney H. Stein: texts drop middle initials (the given name still agrees).
            if kind == "person" and re.search(r"\s[A-Z]\.\s", name):
                self._index(iri, re.sub(r"\s[A-Z]\.(?=\s)", "", name), surname=False)
            # "Meta Platforms" for "Meta Platforms, Inc.": a shortened name, which also gives way to an entity's
            # own ("Andrea Bartz" the author, not Andrea Bartz Inc.).
            if kind == "organization" and CORPORATE.search(name):
                self._index(iri, CORPORATE.sub("", name), surname=True)
            # "Ninth Circuit", "9th Cir.", "CA9" for the U.S. Court of Appeals for the Ninth Circuit; "N.D. Cal."
            # and "SDNY" for district courts: the forms opinions cite courts in.
            if kind == "organization":
                for variant in court_variants(name):
                    self._index(iri, variant, surname=False)
            # "Kadrey" for "Kadrey v. Meta": a case goes by its first party, who may be a person too (then
            # the mention is ambiguous, as it is to a reader without context).
            if kind == "case" and re.match(r"^[A-Z][\w-]+ v\. ", name):
                self._index(iri, name.split()[0], surname=True)
        self.prefixes = {key[:i] for key in self.by_key for i in range(1, len(key) + 1)}
        self._closest_cache: dict[str, tuple[float, str | None]] = {}

    def _index(self, iri: str, name: str, surname: bool) -> None:
        key = name_key(name)
        if not key or key.isdigit() or key in SUFFIXES:
            return
        same = [n for n in self.by_key[key] if n.entity == iri and n.spelling == name]
        if not same:
            self.by_key[key].append(_Name(iri, name, surname))
        elif same[0].surname and not surname:
            # the entity's own name ("The New York Times") read after a form shortened to the same words ("The New
            # York Times Co." without its company form): a full name, whichever came first
            self.by_key[key][self.by_key[key].index(same[0])] = _Name(iri, name, False)

    @classmethod
    def from_graph(cls, cg) -> "Gazetteer":
        """The gazetteer of a :class:`~casegraph.CaseGraph`: every label and alias of its people,
        organisations, courts, cases, models and data sets, whatever their language, with people's roles."""
        ontology = ontology_graph()
        kind_of = {cls_: KIND_NAMES[local] for local in KIND_NAMES
                   for cls_ in ontology.transitive_subjects(RDFS.subClassOf, URIRef(NAMESPACE + local))}
        tiers = class_tiers()
        entries, labels = [], {}
        for iri in sorted(cg.names.names):
            types = set(cg.dataset.objects(iri, RDF.type))
            if min((tiers.get(t, 1) for t in types), default=1) != 0 or DECISION in types:
                continue  # statements, claims, events and documents are not looked for in texts; decisions are
                # found by their citations (eyecite), not their names
            found = {kind_of[t] for t in types if t in kind_of}
            kind = next((k for k in ("person", "case", "model", "dataset", "organization") if k in found), "other")
            labels[str(iri)] = cg.names.label(iri)
            entries.extend((str(iri), name, kind) for name in cg.names.names[iri])
        roles, organisations = defaultdict(set), defaultdict(set)
        for person, role in cg.query(ROLES_QUERY).raw:
            roles[str(person)].add(str(role))
        for person, org in cg.query(ORGS_QUERY).raw:
            organisations[str(person)].add(str(org))
        return cls(entries, labels, dict(roles), dict(organisations))

    def find(self, text: str) -> list[Mention]:
        """The mentions of known entities in ``text``, leftmost-longest, never overlapping, each kept only
        where its context allows (see the module's docstring); possible matches of misspelt names included."""
        context = _Context(self, text)
        found = context.mentions(self._match(text))
        possible = self._possible(context, found)
        # "Ahmed Al-Dahle": the close full name replaces the last name found inside it.
        inside = {(m.start, m.end) for p in possible for m in found if p.start <= m.start and m.end <= p.end}
        found = [m for m in found if (m.start, m.end) not in inside]
        # A close name linked by its context names that person for the rest of the document, as a full one does.
        confirmed = {p.entity: p.text for p in possible if p.entity}
        found = [self.mention(m.text, m.start, m.end, [m.possible[0][0]],
                              evidence=f"named as {confirmed[m.possible[0][0]]} in the document")
                 if not m.linked and len(m.possible) == 1 and m.possible[0][0] in confirmed and m.possible[0][1] == 1.0
                 else m for m in found]
        return sorted(found + possible, key=lambda m: m.start)

    def _match(self, text: str) -> list[tuple[Mention, bool]]:
        """Every (mention, is a short form) by name alone, before the context is read."""
        words = [(m.start(), m.end(), fold(m.group())) for m in WORD.finditer(text)]
        found = []
        i = 0
        while i < len(words):
            best = None
            key = ""
            for j in range(i, min(i + MAX_WORDS, len(words))):
                if j > i and not JOINER.fullmatch(text, words[j - 1][1], words[j][0]):
                    break
                key += words[j][2]
                if key not in self.prefixes:
                    break
                if key in self.by_key:
                    mention = self._mention(text, words[i][0], words[j][1], key)
                    if mention is not None:
                        best = (j, mention)
            if best is None:
                i += 1
                continue
            found.append(best[1])
            i = best[0] + 1
        return found

    def _mention(self, text: str, start: int, end: int, key: str) -> tuple[Mention, bool] | None:
        surface = text[start:end]
        names = [n for n in self.by_key[key] if _spelt_well(n.spelling, surface, key)]
        if any(not n.surname for n in names):
            names = [n for n in names if not n.surname]
        entities = sorted({n.entity for n in names})
        if len(entities) > 1:
            # The exact spelling decides between names that share a key ("Llama" the family, "LLaMA" the model).
            spelled = sorted({n.entity for n in names if n.spelling == surface})
            entities = spelled or entities
        if not entities:
            return None
        short = all(n.surname for n in names)
        article = re.match(r"(?:the|The|THE)\s+", surface)
        if article and any(n.entity in entities for n in self.by_key.get(key[3:], ())):
            start += article.end()  # "the Authors Guild": the article is not part of the name
            surface = text[start:end]
        if text[end:end + 1] == "." and any(n.spelling.endswith(".") and n.spelling.count(".") > 1 for n in names):
            end += 1  # "N.D. Cal." : an abbreviation's dot belongs to the name (a company's "Inc." may end a sentence)
            surface = text[start:end]
        return self.mention(surface, start, end, entities), short

    def mention(self, surface: str, start: int, end: int, entities, **extra) -> Mention:
        """A mention of one entity, or an ambiguous one of several."""
        if len(entities) == 1:
            iri = entities[0]
            return Mention(surface, start, end, iri, self.labels.get(iri), self.kinds.get(iri), **extra)
        return Mention(surface, start, end, None, None, None, tuple(entities), **extra)

    def _closest(self, key: str) -> tuple[float, str | None]:
        """(score, IRI) of the known person's full name closest to ``key`` (names repeat: cached)."""
        if key not in self._closest_cache:
            best = (0.0, None)
            for iri, name in self.full_names.get(key[:1], ()):
                other = name_key(name)
                if abs(len(other) - len(key)) > 3:
                    continue
                matcher = difflib.SequenceMatcher(None, key, other)
                if matcher.real_quick_ratio() >= CLOSE and matcher.quick_ratio() >= CLOSE:
                    best = max(best, (matcher.ratio(), iri))
            self._closest_cache[key] = best
        return self._closest_cache[key]

    def _possible(self, context: "_Context", found: list[Mention]) -> list[Mention]:
        """Names of two to four capitalised words close to a known person's full name but not equal."""
        text = context.text
        located = Spans([(f.start, f.end) for f in found])
        by_start = sorted(found, key=lambda f: f.start)
        starts = [f.start for f in by_start]
        out = []
        for m in POSSIBLE_NAME.finditer(text):
            start, end = m.span()
            titles = re.match(r"(?:(?:Judge|Justice|Mrs|Mr|Ms|Dr|Chief|Magistrate|Professor|Lord|Lady|Sir|Dame)\.?\s+)+",
                              text[start:end])
            if titles:  # "Judge Sydney Stein": the name is what follows the titles
                start += titles.end()
                if " " not in text[start:end].strip():
                    continue
            if context.cases.overlaps(start, end) or context.firms.overlaps(start, end):
                continue
            overlapping = []
            if located.overlaps(start, end):
                i = max(bisect_right(starts, start) - 1, 0)
                overlapping = [f for f in by_start[i:bisect_right(starts, end)] if f.start < end and start < f.end]
            if any(f.kind != "person" or f.start < start or f.end > end or (f.start, f.end) == (start, end)
                   or (f.linked and f.evidence is None) for f in overlapping):
                continue  # only a last name found alone may give way to the close full name around it
            words = text[start:end]
            score, iri = self._closest(name_key(words))
            if iri is None or score < CLOSE or score == 1.0:
                continue
            # Only a last name of the same person may lie inside ("Al-Dahle" in "Ahmed Al-Dahle").
            if any(iri not in ((f.entity,) if f.entity else tuple(e for e, _s in f.possible) + f.ambiguous)
                   for f in overlapping):
                continue
            evidence = context.support(iri, start, end, found)
            extra = {"possible": ((iri, score),), "evidence": evidence}
            if evidence:
                out.append(self.mention(words, start, end, [iri], **extra))
            else:
                out.append(Mention(words, start, end, None, None, "person", **extra))
        return out


#: a short citation right after a name: the name is a case's short form ("Google, 593 U. S., at 20",
#: "Hachette Book Grp., 115 F.4th at 179")
SHORT_CITATION_AFTER = re.compile(r"(?:\s+[A-Z][\w.&'’]*){0,3},?\s+\d{1,4}\s+[A-Z][\w.]*")
#: "in Google," / "see Campbell." : a case's short form after a citation signal
SIGNAL_BEFORE = re.compile(r"(?:^|\s)(?:in|In|see|See|Cf\.|cf\.|under|Under|accord|Accord)\s+$")
#: capitalised words and a company form after an organisation's name: a longer name, another company
LONGER_COMPANY = re.compile(r"(?:\s+[A-Z][\w&'’-]*){1,3},?\s+(?:LLC|L\.L\.C\.|LP|L\.P\.|GP|Inc\.?|Corp\.?|"
                            r"Corporation|Ltd\.?|Limited|PBC|SAS|SA|GmbH|AG)\b")
#: where an opinion's header (its caption and parties) ends, at the latest
HEADER = 3000

#: two to four capitalised words, the shape of a person's name ("Ahmed Al-Dale", "Mark Zukerberg")
POSSIBLE_NAME = re.compile(r"\b[A-Z][a-zà-ÿ]+(?:[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?){1,3}\b")


class _Context:
    """What the text around a name says about it: case and firm names, the sentence, the document's full names."""

    def __init__(self, gazetteer: Gazetteer, text: str):
        self.gazetteer, self.text = gazetteer, text
        names = case_names(text)
        self.cases = Spans(names)
        self.firms = Spans(firm_names(text))
        # Parties of the cases the text cites, apart from its own (named in its header): there, "Google"
        # alone is often the short name of "Google LLC v. Oracle America, Inc.", not the company.
        own = {_party_key(p) for span in names if span[0] < HEADER for p in parties(text, span)}
        self.cited_parties = {_party_key(p) for span in names if span[0] >= HEADER
                              for p in parties(text, span)} - own
        self.used_as_case_names: set[str] = set()  # names the text uses as a case's short form somewhere
        self._namesakes: dict[str, bool] = {}
        self._lower_words: set[str] | None = None

    def mentions(self, matched: list[tuple[Mention, bool]]) -> list[Mention]:
        """The matched mentions the context allows, each reduced to the entities it allows."""
        placed = [(m, short, self._allowed(m, short)) for m, short in matched]
        # One sense per document: a short form may stand for an entity the document names in full.
        named_in_full = {e for m, short, allowed in placed if not short for e in allowed}
        full_spans = [(m.start, m.end) for m, short, allowed in placed if not short and allowed]
        linked = [m for m, short, allowed in placed if allowed]
        out = []
        for mention, short, allowed in placed:
            if not allowed:
                continue
            entities = list(mention.ambiguous) if mention.ambiguous else [mention.entity]
            if short:
                namesake = self._namesake(mention.text, full_spans)
                supported = {e: "named in full in the document" if e in named_in_full and not namesake else
                             self.support(e, mention.start, mention.end, linked) for e in allowed}
                keep = [e for e in allowed if supported[e]]
                if not keep:
                    # A last name alone is still a name (a speaker, say), but only possibly this entity.
                    out.append(Mention(mention.text, mention.start, mention.end, None, None,
                                       self.gazetteer.kinds.get(allowed[0]), possible=tuple((e, 1.0) for e in allowed)))
                    continue
                evidence = "; ".join(sorted({supported[e] for e in keep}))
                out.append(self.gazetteer.mention(mention.text, mention.start, mention.end, keep, evidence=evidence))
                continue
            keep = [e for e in entities if e in allowed]
            if self._cited_case_name(mention):
                out.append(Mention(mention.text, mention.start, mention.end, None, None, mention.kind,
                                   possible=tuple((e, 1.0) for e in keep)))
                continue
            out.append(mention if keep == entities else self.gazetteer.mention(
                mention.text, mention.start, mention.end, keep))
        return out

    def _namesake(self, surname: str, full_spans: list[tuple[int, int]]) -> bool:
        if surname not in self._namesakes:
            self._namesakes[surname] = self._find_namesake(surname, full_spans)
        return self._namesakes[surname]

    def _find_namesake(self, surname: str, full_spans: list[tuple[int, int]]) -> bool:
        """Whether the text also names someone else with this last name ("Rowan Lee" beside "Eumi K. Lee"):
        then a bare "Lee" is not told apart by the document, only by a role."""
        pattern = rf"\b([A-ZÀ-ÖØ-Þ][\w'’-]+)\s+(?:[A-Z]\.\s+)*{re.escape(surname)}\b"
        for m in re.finditer(pattern, self.text):
            if any(s <= m.start(1) < e for s, e in full_spans) or TITLE.match(m.group(1)):
                continue
            if self._opens_line(m.start(1)):
                continue  # a heading's first word ("Procès Kadrey"), not a given name
            if not self._common_word(m.group(1)):
                return True
        return False

    def _opens_line(self, at: int) -> bool:
        """Whether only spaces stand between the start of the line and ``at``."""
        return not self.text[self.text.rfind("\n", 0, at) + 1:at].strip()

    def _common_word(self, word: str) -> bool:
        """Whether a capitalised word is a common word (the text writes it in lower case too, or it opens
        sentences: "Yesterday", "Meanwhile", "Le") rather than a given name."""
        if self._lower_words is None:
            self._lower_words = set(re.findall(r"\b[^\W\d_A-ZÀ-ÖØ-Þ][\w'’-]*", self.text))
        return word.lower() in COMMON_OPENERS or word.lower() in self._lower_words

    def _cited_case_name(self, mention: Mention) -> bool:
        """Whether an organisation's name stands for a cited case named after it: "Google" in an opinion that
        cites Google LLC v. Oracle America (not its own case) and elsewhere writes "Google, 593 U. S., at …",
        except as a possessive ("Google's use")."""
        key = name_key(mention.text)
        if mention.kind != "organization" or key not in self.cited_parties or key not in self.used_as_case_names:
            return False
        return not re.match(r"['’]s\b", self.text[mention.end:mention.end + 3])

    def _allowed(self, mention: Mention, short: bool) -> list[str]:
        """The entities of ``mention`` that its place in the text allows at all."""
        text, start, end = self.text, mention.start, mention.end
        entities = list(mention.ambiguous) if mention.ambiguous else [mention.entity]
        kinds = self.gazetteer.kinds
        in_case_name = self.cases.overlaps(start, end) and not self._covers(self.cases, start, end)
        in_firm_name = self.firms.overlaps(start, end) and not self._covers(self.firms, start, end)
        hyphenated = (start > 1 and text[start - 1] in "-\u2010\u2011" and text[start - 2].isalpha()) or \
                     (end + 1 < len(text) and text[end] in "-\u2010\u2011" and text[end + 1].isalpha())
        short_case_name = bool(SHORT_CITATION_AFTER.match(text, end)) or (
            bool(SIGNAL_BEFORE.search(text[max(0, start - 12):start])) and text[end:end + 1] in ",.;)")
        if short_case_name:
            self.used_as_case_names.add(name_key(mention.text))
        in_volume_citation = bool(re.search(r"\b\d{1,4}\s+$", text[max(0, start - 6):start])
                                  and re.match(r"\s+\d{1,5}\b", text[end:end + 7]))
        keep = []
        for entity in entities:
            kind = kinds.get(entity)
            if short_case_name and kind in ("person", "organization"):
                continue
            if kind == "organization" and LONGER_COMPANY.match(text, end):
                continue  # "OpenAI Global LLC" is another company than OpenAI
            if kind == "organization" and in_volume_citation:
                continue  # "7 Encyclopedia Britannica 768": a book cited by volume and page, not its publisher
            if in_case_name and kind in ("person", "organization"):
                continue
            if (in_firm_name or hyphenated) and kind == "person":
                continue
            if hyphenated and short:
                continue
            if short and kind in ("person", "case") and self._next_to_another_name(start, end):
                continue  # "Timothy B. Lee" is not Eumi K. Lee; "Erik Andersen" is not Andersen v. Stability AI
            if kind == "organization" and " " not in mention.text and self._given_name_before(start):
                continue  # "Michael Bloomberg" is a man, not Bloomberg L.P.
            keep.append(entity)
        return keep

    def _given_name_before(self, start: int) -> bool:
        """Whether a common given name stands just before ``start`` ("Michael Bloomberg"; not "Amicus Google",
        "Commission Fines Google")."""
        window = max(0, start - 30)
        before = re.search(r"(?:^|[\s(])([A-ZÀ-ÖØ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+)?)\s+$", self.text[window:start])
        if not before:
            return False
        return before.group(1).split("-")[0].lower() in FIRST_NAMES

    def _covers(self, spans: Spans, start: int, end: int) -> bool:
        """Whether the mention covers a whole case or firm name (the name itself, found as such)."""
        return any(start <= s and e <= end for s, e in spans.spans if s < end and start < e)

    def _next_to_another_name(self, start: int, end: int) -> bool:
        """Whether a last name is part of a longer name: a capitalised word or an initial just before it
        (not a title, not a sentence's first word) or a capitalised word just after it."""
        window = max(0, start - 40)
        before = re.search(r"(?:^|[\s(])([A-ZÀ-ÖØ-Þ][\w'’]*\.?)\s+$", self.text[window:start])
        if before:
            word, at = before.group(1), window + before.start(1)
            opens_line = self._opens_line(at)  # a heading's first word: "Procès Kadrey :"
            preceding = self.text[max(0, at - 40):at].rstrip()
            opens_sentence = not preceding or preceding[-1] in ".!?:;\"“«(\n"
            initial = re.fullmatch(r"[A-Z]\.", word)
            ends_sentence = word.endswith(".") and not initial
            given_name = opens_sentence and not opens_line and not self._common_word(word)
            if not TITLE.match(word) and not ends_sentence and (initial or not opens_sentence or given_name):
                return True
        after = re.match(r"\s+[A-ZÀ-ÖØ-Þ][a-zà-ÿ]", self.text[end:end + 4])
        return bool(after) and not re.match(r"[,;:.]", self.text[end:end + 1])

    def support(self, entity: str, start: int, end: int, mentions: list[Mention]) -> str | None:
        """The words that make ``entity`` fit the name at ``start``: a role just before it that the graph
        gives the person, or an organisation of theirs named in the same sentence. None if nothing does."""
        roles = self.gazetteer.roles.get(entity, set())
        before = self.text[max(0, start - 40):start]
        for role in sorted(roles):
            found = ROLE_BEFORE[role].search(before)
            if found:
                return f"role: {found.group().strip()}"
        organisations = self.gazetteer.organisations.get(entity, set())
        if not organisations:
            return None
        first, last = _sentence(self.text, start, end)
        starts = [m.start for m in mentions]  # mentions come in text order
        for m in mentions[bisect_left(starts, first):bisect_left(starts, last)]:
            if m.entity in organisations:
                return f"organisation: {m.text}"
        return None


ORDINALS = {"First": 1, "Second": 2, "Third": 3, "Fourth": 4, "Fifth": 5, "Sixth": 6, "Seventh": 7, "Eighth": 8,
            "Ninth": 9, "Tenth": 10, "Eleventh": 11}
#: the abbreviations of states in court names, as the Bluebook writes them
STATES = {"California": "Cal.", "New York": "N.Y.", "Tennessee": "Tenn.", "Delaware": "Del.", "Texas": "Tex.",
          "Illinois": "Ill.", "Florida": "Fla.", "Massachusetts": "Mass.", "Washington": "Wash.", "Pennsylvania": "Pa.",
          "Georgia": "Ga.", "Virginia": "Va.", "New Jersey": "N.J.", "Michigan": "Mich.", "Colorado": "Colo.",
          "Minnesota": "Minn.", "Ohio": "Ohio", "Columbia": "D.C.", "Maryland": "Md.", "Connecticut": "Conn.",
          "Oregon": "Or.", "Arizona": "Ariz.", "Nevada": "Nev.", "North Carolina": "N.C.", "Missouri": "Mo."}
CIRCUIT = re.compile(r"^(?:U\.S\.|United States) Court of Appeals for the (?P<which>\w+|D\.C\.) Circuit$")
DISTRICT = re.compile(r"^(?:U\.S\.|United States) District Court for the (?:(?P<part>Northern|Southern|Eastern|Western|"
                      r"Central|Middle) )?District of (?P<state>[A-Z][\w ]+)$")


def court_variants(name: str) -> list[str]:
    """The forms opinions and articles write a U.S. federal court's name in.

    >>> court_variants("U.S. Court of Appeals for the Ninth Circuit")[:5]
    ['United States Court of Appeals for the Ninth Circuit', 'Court of Appeals for the Ninth Circuit', 'Ninth Circuit', '9th Cir.', 'CA9']
    >>> court_variants("U.S. District Court for the Northern District of California")[2:]
    ['Northern District of California', 'N.D. Cal.']
    """
    circuit, district = CIRCUIT.match(name), DISTRICT.match(name)
    if not (circuit or district):
        return []
    rest = name.split(" ", 1)[1] if name.startswith("U.S. ") else name.split(" ", 2)[2]
    out = [f"United States {rest}", rest]
    if circuit:
        which = circuit.group("which")
        n = ORDINALS.get(which)
        out.append(f"{which} Circuit")
        if n:
            suffix = {1: "st", 2: "d", 3: "d"}.get(n, "th")
            out += [f"{n}{suffix} Cir.", f"CA{n}", f"C.A.{n}"]
        elif which == "Federal":
            out += ["Fed. Cir.", "CAFC"]
    else:
        part, state = district.group("part"), district.group("state")
        if part or state != "Columbia":  # "District of Columbia" alone is the place, not its court
            out.append(f"{part + ' ' if part else ''}District of {state}")
        abbreviation = STATES.get(state)
        if abbreviation:
            out.append(f"{part[0] + '.' if part else ''}D. {abbreviation}")
    return out


def _party_key(party: str) -> str:
    """A party's name as names are compared, without its company form or role ("Google LLC" -> "google")."""
    party = re.sub(r",?\s*(?:Petitioners?|Respondents?|Plaintiffs?|Defendants?|Appellants?|Appellees?|et al\.?)\b.*$",
                   "", party, flags=re.I)
    return name_key(re.sub(CORPORATE.pattern, "", party.strip(" ,"), flags=re.I))


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``: from the last sentence end before it to the next after it."""
    before = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("? ", 0, start),
                 text.rfind("! ", 0, start))
    after = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    return before + 1, min(after) if after else len(text)


def _spelt_well(spelling: str, surface: str, key: str) -> bool:
    """Whether ``surface`` may be the name ``spelling`` rather than a common word that shares its letters."""
    if INITIALS.fullmatch(spelling) and "." in spelling and "." not in surface:
        return False  # "J.L." the plaintiff, not the "JL" a clerk signs with
    if len(key) <= 2:
        return re.sub(r"\W", "", spelling) == re.sub(r"\W", "", surface)
    letters = re.sub(r"\W", "", spelling)
    if letters.isupper() and len(letters) <= 5:  # initials ("CIR") are a name only in capitals, not "2d Cir."
        return letters == re.sub(r"\W", "", surface)
    if any(ch.isupper() for ch in spelling) and not any(ch.isupper() for ch in surface):
        return False
    return True
