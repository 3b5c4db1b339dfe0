"""Finding the known entities a text names: a gazetteer of every label and alias, matched over word tokens.

Names match as :func:`casegraph.model.name_key` compares them (no case, accents, spaces or punctuation), so
"Llama3", "LLaMA-3" and "Llama 3" all find Llama 3, and "Meta Platforms Inc." finds Meta. Two rules keep
common words out: a name spelt with a capital is not found in an all-lower-case word ("meta-analysis" is not
Meta), and a name of one or two letters must be spelt exactly. A person is also found by the last word of their
name ("Zuckerberg"). When a name fits several entities equally, the mention lists them all and picks none.

>>> text = "Al Dahle compared LLaMA-3 with GPT4."
>>> gazetteer = Gazetteer([("urn:p", "Ahmad Al-Dahle", "person"), ("urn:m", "Llama 3", "model"),
...                        ("urn:g", "GPT-4", "model")])
>>> [(m.text, m.entity) for m in gazetteer.find(text)]
[('Al Dahle', 'urn:p'), ('LLaMA-3', 'urn:m'), ('GPT4', 'urn:g')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, URIRef

from ..model import fold, name_key
from ..ontology import NAMESPACE, class_tiers, ontology_graph

#: a word: letters and digits (of any script), as name_tokens splits names
WORD = re.compile(r"[^\W_]+")
#: what may stand between two words of one name: spaces, one line break, hyphens, dots, commas, apostrophes
JOINER = re.compile(r"[ \t\u00a0\u202f\-\u2010\u2011\u2013.,'\u2019&/]*\n?[ \t\u00a0\u202f]*")
#: a company form at the end of a name, which texts often leave out
CORPORATE = re.compile(r",?\s+(?:Inc|LLC|L\.L\.C|LLP|Ltd|Corp|Co|Corporation|SAS|SA|GmbH|AG)\.?$")
#: the longest name in words that is looked for
MAX_WORDS = 10

#: the kind of an entity, from its casegraph classes (a judge is a person, a court an organisation)
KIND_NAMES = {"Person": "person", "Court": "organization", "LawFirm": "organization",
              "Organization": "organization", "LegalCase": "case", "AIModel": "model", "Dataset": "dataset"}


@dataclass(frozen=True)
class Mention:
    """A place in the text that names a known entity (``entity``), or may name several (``ambiguous``)."""

    text: str
    start: int
    end: int
    entity: str | None
    label: str | None
    kind: str | None
    ambiguous: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        out = {"text": self.text, "start": self.start, "end": self.end, "entity": self.entity, "label": self.label}
        if self.ambiguous:
            out["ambiguous"] = list(self.ambiguous)
        return out


@dataclass(frozen=True)
class _Name:
    entity: str
    spelling: str
    surname: bool  # a shortened name (a last name, no middle initial, no company form): loses to a full name


@dataclass
class Gazetteer:
    """Every name of the entities worth finding in a text, by normalised key.

    ``entries`` are ``(iri, name, kind)``; :meth:`from_graph` builds them from a CaseGraph (people,
    organisations, cases, models and data sets, not the records about them).
    """

    entries: list[tuple[str, str, str]]
    labels: dict[str, str] = field(default_factory=dict)
    by_key: dict[str, list[_Name]] = field(init=False)
    prefixes: set[str] = field(init=False)
    kinds: dict[str, str] = field(init=False)

    def __post_init__(self):
        self.by_key = defaultdict(list)
        self.kinds = {}
        for iri, name, kind in self.entries:
            self.kinds[iri] = kind
            self.labels.setdefault(iri, name)
            self._index(iri, name, surname=False)
            # "Zuckerberg" for Mark Zuckerberg; "Al-Dahle" for Ahmad Al-Dahle (the hyphen keeps it one word).
            words = name.split()
            if kind == "person" and len(words) > 1 and words[-1][:1].isupper() and len(name_key(words[-1])) > 2:
                self._index(iri, words[-1].strip(",."), surname=True)
            # "Sidney Stein" for Sidney H. Stein: texts drop middle initials.
            if kind == "person" and re.search(r"\s[A-Z]\.\s", name):
                self._index(iri, re.sub(r"\s[A-Z]\.(?=\s)", "", name), surname=True)
            # "Meta Platforms" for "Meta Platforms, Inc.": texts drop the company form. Like a last name, such
            # a shortened name gives way to an entity's own ("Andrea Bartz" the author, not Andrea Bartz Inc.).
            if kind == "organization" and CORPORATE.search(name):
                self._index(iri, CORPORATE.sub("", name), surname=True)
            # "Kadrey" for "Kadrey v. Meta": a case goes by its first party, who may be a person too (then
            # the mention is ambiguous, as it is to a reader without context).
            if kind == "case" and re.match(r"^[A-Z][\w-]+ v\. ", name):
                self._index(iri, name.split()[0], surname=True)
        self.prefixes = {key[:i] for key in self.by_key for i in range(1, len(key) + 1)}

    def _index(self, iri: str, name: str, surname: bool) -> None:
        key = name_key(name)
        if key and not key.isdigit() and all(n.entity != iri or n.spelling != name for n in self.by_key[key]):
            self.by_key[key].append(_Name(iri, name, surname))

    @classmethod
    def from_graph(cls, cg) -> "Gazetteer":
        """The gazetteer of a :class:`~casegraph.CaseGraph`: every label and alias of its people,
        organisations, courts, cases, models and data sets, whatever their language."""
        ontology = ontology_graph()
        kind_of = {cls_: KIND_NAMES[local] for local in KIND_NAMES
                   for cls_ in ontology.transitive_subjects(RDFS.subClassOf, URIRef(NAMESPACE + local))}
        tiers = class_tiers()
        entries, labels = [], {}
        for iri in sorted(cg.names.names):
            types = set(cg.dataset.objects(iri, RDF.type))
            if min((tiers.get(t, 1) for t in types), default=1) != 0:
                continue  # statements, claims, events and documents are not looked for in texts
            found = {kind_of[t] for t in types if t in kind_of}
            kind = next((k for k in ("person", "case", "model", "dataset", "organization") if k in found), "other")
            labels[str(iri)] = cg.names.label(iri)
            entries.extend((str(iri), name, kind) for name in cg.names.names[iri])
        return cls(entries, labels)

    def find(self, text: str) -> list["Mention"]:
        """The mentions of known entities in ``text``, leftmost-longest, never overlapping."""
        words = [(m.start(), m.end(), fold(m.group())) for m in WORD.finditer(text)]
        found: list[Mention] = []
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

    def _mention(self, text: str, start: int, end: int, key: str) -> "Mention | None":
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
        if len(entities) == 1:
            iri = entities[0]
            return Mention(surface, start, end, iri, self.labels.get(iri), self.kinds.get(iri))
        return Mention(surface, start, end, None, None, None, tuple(entities))


def _spelt_well(spelling: str, surface: str, key: str) -> bool:
    """Whether ``surface`` may be the name ``spelling`` rather than a common word that shares its letters."""
    if len(key) <= 2:
        return re.sub(r"\W", "", spelling) == re.sub(r"\W", "", surface)
    if any(ch.isupper() for ch in spelling) and not any(ch.isupper() for ch in surface):
        return False
    return True
