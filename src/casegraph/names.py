"""Finding an entity by any of its names, in any language, forgiving case, accents and punctuation.

"Llama 3", "LLaMA 3" and "llama3" name one model; "al-dahle" and "Ahmad Al-Dahle" one person. A name that
matches nothing raises :class:`~casegraph.errors.NotFoundError` with the nearest names.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef

from .errors import AmbiguousNameError, NotFoundError
from .model import name_key, name_tokens
from .ontology import DEFAULT_TIER, lookup_tier

#: SPARQL for every (entity, name, is-preferred, type) in the graph; a name is a label or an alias
NAMES_QUERY = """
SELECT DISTINCT ?entity ?name ?preferred ?type WHERE {
  { ?entity rdfs:label ?name . BIND(true AS ?preferred) }
  UNION
  { ?entity skos:altLabel ?name . BIND(false AS ?preferred) }
  OPTIONAL { ?entity a ?type }
  FILTER(isIRI(?entity))
}
"""


@dataclass
class NameIndex:
    """Every name of every entity, by normalised key, for exact, partial and nearest matches."""

    by_key: dict[str, set[URIRef]] = field(default_factory=lambda: defaultdict(set))
    tokens: dict[URIRef, list[set[str]]] = field(default_factory=lambda: defaultdict(list))
    display: dict[URIRef, str] = field(default_factory=dict)
    names: dict[URIRef, list[str]] = field(default_factory=lambda: defaultdict(list))
    spelling: dict[str, str] = field(default_factory=dict)
    tier: dict[URIRef, int] = field(default_factory=dict)

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
            index.by_key[name_key(text)].add(entity)
            index.spelling.setdefault(name_key(text), text)
            index.tokens[entity].append(set(name_tokens(text)))
            index.names[entity].append(text)
            # Display an English or untagged label first, then any label, then an alias.
            lang = getattr(name, "language", None)
            rank = (0 if lang in (None, "en") else 1) if bool(preferred_flag) else 2
            if entity not in preferred or (rank, text) < preferred[entity]:
                preferred[entity] = (rank, text)
        index.display = {entity: text for entity, (_rank, text) in preferred.items()}
        index.tier = {entity: lookup_tier(found) for entity, found in types.items()}
        return index

    def label(self, entity: URIRef) -> str:
        return self.display.get(entity) or str(entity).rsplit("/", 1)[-1]

    def resolve(self, name: str) -> URIRef:
        """The one entity ``name`` designates.

        Tries, in order: a full IRI; the whole name against every label and alias (ignoring case, accents,
        spaces and punctuation); then the name's words as a part of one entity's name ("al-dahle" in
        "Ahmad Al-Dahle"). Raises :class:`AmbiguousNameError` when several entities fit equally and
        :class:`NotFoundError`, with the nearest names, when none does.
        """
        name = name.strip()
        if name.startswith(("http://", "https://", "urn:")) and URIRef(name) in self.display:
            return URIRef(name)
        key = name_key(name)
        if not key:
            raise NotFoundError(name, [])
        exact = self._best_tier(self.by_key.get(key, set()))
        if len(exact) > 1:
            # "Llama" (the family) and "LLaMA" (the first model) share a key: the exact spelling decides.
            spelled = {e for e in exact if name in self.names[e]}
            exact = spelled or exact
        if exact:
            return self._one(name, exact)
        wanted = set(name_tokens(name))
        partial = {e for e, token_sets in self.tokens.items() if any(wanted <= tokens for tokens in token_sets)}
        if partial:
            return self._one(name, self._best_tier(partial))
        raise NotFoundError(name, self.suggest(name))

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

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """The names nearest to ``name``, each followed by its entity's label when that differs.

        >>> index = NameIndex.from_rows([(URIRef("urn:x:meta"), "Meta Platforms, Inc.", True),
        ...                              (URIRef("urn:x:meta"), "Meta", False)])
        >>> index.suggest("Metta")
        ['Meta (Meta Platforms, Inc.)']
        """
        close = difflib.get_close_matches(name_key(name), list(self.by_key), n=n * 3, cutoff=0.6)
        out: dict[URIRef, str] = {}
        for match in close:
            for entity in sorted(self.by_key[match]):
                if entity not in out:
                    spelled, label = self.spelling[match], self.label(entity)
                    out[entity] = spelled if spelled == label else f"{spelled} ({label})"
        return list(out.values())[:n]
