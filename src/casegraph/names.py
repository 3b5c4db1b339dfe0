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

#: SPARQL for every (entity, name, language, is-preferred) in the graph; a name is a label or an alias
NAMES_QUERY = """
SELECT DISTINCT ?entity ?name ?preferred WHERE {
  { ?entity rdfs:label ?name . BIND(true AS ?preferred) }
  UNION
  { ?entity skos:altLabel ?name . BIND(false AS ?preferred) }
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

    @classmethod
    def from_rows(cls, rows) -> "NameIndex":
        """Build from ``(entity, name, lang, preferred)`` tuples of rdflib terms."""
        index = cls()
        preferred: dict[URIRef, tuple[int, str]] = {}
        for entity, name, preferred_flag in rows:
            text = str(name)
            index.by_key[name_key(text)].add(entity)
            index.tokens[entity].append(set(name_tokens(text)))
            index.names[entity].append(text)
            # Display an English or untagged label first, then any label, then an alias.
            lang = getattr(name, "language", None)
            rank = (0 if lang in (None, "en") else 1) if bool(preferred_flag) else 2
            if entity not in preferred or (rank, text) < preferred[entity]:
                preferred[entity] = (rank, text)
        index.display = {entity: text for entity, (_rank, text) in preferred.items()}
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
        exact = self.by_key.get(key, set())
        if len(exact) == 1:
            return next(iter(exact))
        if len(exact) > 1:
            raise AmbiguousNameError(name, {str(e): self.label(e) for e in exact})
        wanted = set(name_tokens(name))
        partial = {e for e, token_sets in self.tokens.items() if any(wanted <= tokens for tokens in token_sets)}
        if len(partial) == 1:
            return next(iter(partial))
        if len(partial) > 1:
            raise AmbiguousNameError(name, {str(e): self.label(e) for e in partial})
        raise NotFoundError(name, self.suggest(name))

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """The display names of the entities whose names are nearest to ``name``."""
        key = name_key(name)
        close = difflib.get_close_matches(key, list(self.by_key), n=n * 3, cutoff=0.6)
        out: list[str] = []
        for match in close:
            for entity in sorted(self.by_key[match]):
                label = self.label(entity)
                if label not in out:
                    out.append(label)
        return out[:n]
