"""Finding an entity by any of its names, in any language, forgiving case, accents and punctuation.

"Llama 3", "LLaMA 3" and "llama3" name one model; "al-dahle" and "Ahmad Al-Dahle" one person. A case is also
named by its docket number, with or without the judge's initials ("3:23-cv-03417-VC", "3:23-cv-03417"), and an
entity by its Wikidata id where a source gives one. Asked for one kind of thing (``kind=``: a case, an agent),
the index looks among that kind only: "Kadrey" as a case is *Kadrey v. Meta*, not the author. A name that
matches nothing raises :class:`~casegraph.errors.NotFoundError` with the nearest names.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef

from .errors import AmbiguousNameError, NotFoundError
from .model import name_key, name_tokens
from .vocab import CG
from .ontology import DEFAULT_TIER, class_label, lookup_tier, with_subclasses

#: SPARQL for every (entity, name, is-preferred, type) in the graph; a name is a label, an alias or an identifier
#: people use as a name (a docket number, a Wikidata id)
NAMES_QUERY = """
SELECT DISTINCT ?entity ?name ?preferred ?type WHERE {
  { ?entity rdfs:label ?name . BIND(true AS ?preferred) }
  UNION
  { ?entity skos:altLabel|cg:docketNumber|cg:wikidata ?name . BIND(false AS ?preferred) }
  OPTIONAL { ?entity a ?type }
  FILTER(isIRI(?entity))
}
"""

#: a US federal docket number followed by the initials of the judges it is assigned to ("3:23-cv-03417-VC")
_DOCKET_WITH_JUDGES = re.compile(r"^(\d+:\d{2}-[a-z]{2,4}-\d+)(?:-[A-Z]{2,4})+$")


def other_spellings(name: str) -> list[str]:
    """What else people write for the name ``name``: a docket number without its judges' initials.

    >>> other_spellings("3:23-cv-03417-VC")
    ['3:23-cv-03417']
    """
    docket = _DOCKET_WITH_JUDGES.match(name)
    return [docket.group(1)] if docket else []


@dataclass
class NameIndex:
    """Every name of every entity, by normalised key, for exact, partial and nearest matches."""

    by_key: dict[str, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    tokens: dict[URIRef, list[set[str]]] = field(default_factory=lambda: defaultdict(list))
    display: dict[URIRef, str] = field(default_factory=dict)
    names: dict[URIRef, list[str]] = field(default_factory=lambda: defaultdict(list))
    spelling: dict[str, str] = field(default_factory=dict)
    tier: dict[URIRef, int] = field(default_factory=dict)
    types: dict[URIRef, frozenset] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows) -> "NameIndex":
        """Build from ``(entity, name, preferred[, type])`` rows of rdflib terms (see NAMES_QUERY)."""
        index = cls()
        preferred: dict[URIRef, tuple[int, str]] = {}
        types: dict[URIRef, set] = defaultdict(set)
        for entity, name, preferred_flag, *type_ in rows:
            types[entity].update(t for t in type_ if t is not None)
            text = str(name)
            if text in index.names[entity]:
                continue
            for spelled in [text, *other_spellings(text)]:
                index.by_key[name_key(spelled)].add(entity)
                index.spelling.setdefault(name_key(spelled), spelled)
            index.tokens[entity].append(set(name_tokens(text)))
            index.names[entity].append(text)
            # Display an English or untagged label first, then any label, then an alias.
            lang = getattr(name, "language", None)
            rank = (0 if lang in (None, "en") else 1) if bool(preferred_flag) else 2
            if entity not in preferred or (rank, text) < preferred[entity]:
                preferred[entity] = (rank, text)
        index.display = {entity: text for entity, (_rank, text) in preferred.items()}
        index.tier = {entity: lookup_tier(found) for entity, found in types.items()}
        index.types = {entity: frozenset(found) for entity, found in types.items()}
        return index

    def label(self, entity: URIRef) -> str:
        return self.display.get(entity) or str(entity).rsplit("/", 1)[-1]

    def resolve(self, name: str, kind: URIRef | None = None) -> URIRef:
        """The one entity ``name`` designates (among the instances of the class ``kind``, when given).

        Tries, in order: a full IRI; the whole name against every label, alias and identifier (ignoring case,
        accents, spaces and punctuation); then the name's words as a part of one entity's name ("al-dahle" in
        "Ahmad Al-Dahle"). Raises :class:`AmbiguousNameError` when several entities fit equally and
        :class:`NotFoundError`, with the nearest names (and what the name designates among other kinds), when
        none does.

        >>> index = NameIndex.from_rows([(URIRef("urn:x:kadrey"), "Richard Kadrey", True, CG.Person),
        ...     (URIRef("urn:x:case"), "Kadrey v. Meta", True, CG.LegalCase)])
        >>> index.resolve("Kadrey", kind=CG.LegalCase)
        rdflib.term.URIRef('urn:x:case')
        """
        name = name.strip()
        fits = self._of_kind(kind)
        if name.startswith(("http://", "https://", "urn:")) and URIRef(name) in self.display and fits(URIRef(name)):
            return URIRef(name)
        key = name_key(name)
        if not key:
            raise NotFoundError(name, [], kind=self._kind_name(kind))
        exact = self._best_tier({e for e in self.by_key.get(key, set()) if fits(e)})
        if len(exact) > 1:
            # "Llama" (the family) and "LLaMA" (the first model) share a key: the exact spelling decides.
            spelled = {e for e in exact if name in self.names[e]}
            exact = spelled or exact
        if exact:
            return self._one(name, exact)
        wanted = set(name_tokens(name))
        partial = {e for e, token_sets in self.tokens.items()
                   if fits(e) and any(wanted <= tokens for tokens in token_sets)}
        if partial:
            return self._one(name, self._best_tier(partial))
        elsewhere = []
        if kind is not None:  # what the name designates among other kinds: the user may have meant it
            try:
                other = self.resolve(name)
                elsewhere = [f"the {self._kind_name(self._main_type(other))} {self.label(other)!r}"]
            except (NotFoundError, AmbiguousNameError):
                pass
        raise NotFoundError(name, self.suggest(name, kind=kind), kind=self._kind_name(kind), elsewhere=elsewhere)

    def _of_kind(self, kind: URIRef | None):
        """Whether an entity is an instance of ``kind`` (of one of its subclasses); anything when None."""
        if kind is None:
            return lambda entity: True
        allowed = with_subclasses(kind)
        return lambda entity: not allowed.isdisjoint(self.types.get(entity, ()))

    @staticmethod
    def _kind_name(kind: URIRef | None) -> str:
        return class_label(kind) if kind is not None else "entity"

    def _main_type(self, entity: URIRef) -> URIRef | None:
        """One casegraph class of the entity, for messages (the most specific, by name for repeatability)."""
        own = [t for t in self.types.get(entity, ()) if str(t).startswith(str(CG))]
        return min(own, key=lambda t: (len(with_subclasses(t)), str(t)), default=None)

    def _best_tier(self, entities: set[URIRef]) -> set[URIRef]:
        """The entities of the lowest lookup tier (people and cases before statements before documents)."""
        if not entities:
            return entities
        best = min(self.tier.get(e, DEFAULT_TIER) for e in entities)
        return {e for e in entities if self.tier.get(e, DEFAULT_TIER) == best}

    def _one(self, name: str, entities: set[URIRef]) -> URIRef:
        if len(entities) == 1:
            return next(iter(entities))
        raise AmbiguousNameError(name, {str(e): self.label(e) for e in entities})

    def suggest(self, name: str, n: int = 3, kind: URIRef | None = None) -> list[str]:
        """The names nearest to ``name``, each followed by its entity's label when that differs.

        >>> index = NameIndex.from_rows([(URIRef("urn:x:meta"), "Meta Platforms, Inc.", True),
        ...                              (URIRef("urn:x:meta"), "Meta", False)])
        >>> index.suggest("Metta")
        ['Meta (Meta Platforms, Inc.)']
        """
        fits = self._of_kind(kind)
        keys = [key for key, entities in self.by_key.items() if any(fits(e) for e in entities)]
        close = difflib.get_close_matches(name_key(name), keys, n=n * 3, cutoff=0.6)
        out: dict[URIRef, str] = {}
        for match in close:
            for entity in sorted(self.by_key[match]):
                if entity not in out and fits(entity):
                    spelled, label = self.spelling[match], self.label(entity)
                    out[entity] = spelled if spelled == label else f"{spelled} ({label})"
        return list(out.values())[:n]
