"""Identifiers, names and sources: how facts become triples with provenance.

Entity IRIs are minted in one place, :func:`mint_iri`, from a natural key, so the same input always gives
the same graph. A :class:`Source` turns into the named graph that holds the facts it states, with the PROV
metadata that says where they come from.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from rdflib import XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF

from .errors import SourceError
from .vocab import BASE, CG, KINDS, SCHEMA


def slugify(*parts: str) -> str:
    """Lower-case ASCII slug of ``parts``, every run of other characters one hyphen.

    >>> slugify("Ahmad Al-Dahle")
    'ahmad-al-dahle'
    >>> slugify("cand", "3:23-cv-03417")
    'cand-3-23-cv-03417'
    >>> slugify("Junot Díaz")
    'junot-diaz'
    """
    text = " ".join(parts)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def mint_iri(kind: str, *key: str) -> URIRef:
    """The IRI of the entity of ``kind`` whose natural key is ``key``.

    >>> str(mint_iri("person", "Ahmad Al-Dahle"))
    'https://w3id.org/casegraph/id/person/ahmad-al-dahle'
    >>> str(mint_iri("case", "cand", "3:23-cv-03417"))
    'https://w3id.org/casegraph/id/case/cand-3-23-cv-03417'
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    slug = slugify(*key)
    if not slug:
        raise ValueError(f"cannot mint a {kind} IRI from an empty key {key!r}")
    return URIRef(f"{BASE}{kind}/{slug}")


def name_key(name: str) -> str:
    """The form names are compared in: no case, no accents, no spaces or punctuation.

    "Llama 3", "LLaMA-3" and "llama3" share one key, as do "Al-Dahle" and "al dahle".

    >>> name_key("LLaMA 3") == name_key("Llama3") == "llama3"
    True
    >>> name_key("Junot Díaz")
    'junotdiaz'
    """
    return "".join(name_tokens(name))


def name_tokens(name: str) -> list[str]:
    """The words of a name, compared as :func:`name_key` compares names.

    >>> name_tokens("Meta Platforms, Inc.")
    ['meta', 'platforms', 'inc']
    """
    return re.findall(r"[^\W_]+", fold(name))


def docket_key(docket: str) -> str:
    """A docket number without judges' initials, prefixes or case: the form dockets are compared in.

    >>> docket_key("3:23-cv-03417-VC") == docket_key("3:23-CV-03417") == docket_key("No. 3:23-cv-03417") == "3:23-cv-03417"
    True
    """
    docket = re.sub(r"^(?:case\s+)?(?:mdl\s+)?(?:no\.?\s*)?", "", docket.strip(), flags=re.I)
    match = re.match(r"(\d{1,2}:\d{2}-[a-z]{2,4}-\d{3,6})", docket, re.I)
    return (match.group(1) if match else docket).lower()


def fold(text: str) -> str:
    """``text`` as names are compared: case-folded, without accents.

    >>> fold("Díaz")
    'diaz'
    """
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Source:
    """A document that states facts: the named graph that holds them is minted from it.

    >>> src = Source(url="https://example.org/order.pdf", publisher="Example Court", language="en")
    >>> str(src.graph_iri)
    'https://w3id.org/casegraph/id/graph/example-org-order-pdf-94d872f1'
    """

    url: str
    publisher: str
    language: str
    title: str | None = None
    issued: date | None = None
    confidence: str | None = None
    method: URIRef = CG.CuratedByHand
    slug: str | None = None
    created: date | None = None  # when the graph was made; left out unless given, so re-adding is idempotent

    def __post_init__(self):
        if not self.url or not re.match(r"^[a-z][a-z0-9+.-]*:\S+$", self.url, re.I):
            raise SourceError(f"a source needs an absolute URL, got {self.url!r}")
        if not self.publisher:
            raise SourceError(f"source {self.url}: a source needs a publisher")
        if not self.language:
            raise SourceError(f"source {self.url}: a source needs a language")

    @property
    def key(self) -> str:
        """The slug of the source graph: given, or readable words of the URL plus a hash of the whole URL
        (so that ``?id=1`` and ``-id-1`` pages, or two URLs in another script, never share a graph)."""
        if self.slug:
            return self.slug
        words = slugify(re.sub(r"^[a-z]+://(www\.)?", "", self.url, flags=re.I))[:60].strip("-")
        digest = hashlib.sha1(self.url.encode("utf-8")).hexdigest()[:8]
        return f"{words}-{digest}" if words else digest

    @property
    def graph_iri(self) -> URIRef:
        return mint_iri("graph", self.key)

    @property
    def document_iri(self) -> URIRef:
        return mint_iri("document", self.key)

    def provenance(self) -> list[tuple]:
        """The triples that describe this source graph and its document (they go inside the graph)."""
        g, d = self.graph_iri, self.document_iri
        triples = [
            (g, RDF.type, CG.SourceGraph),
            (g, PROV.wasDerivedFrom, d),
            (g, CG.method, self.method),
            (d, RDF.type, CG.SourceDocument),
            (d, SCHEMA.url, URIRef(self.url)),
            (d, DCTERMS.publisher, Literal(self.publisher)),
            (d, DCTERMS.language, Literal(self.language)),
        ]
        if self.created:
            triples.append((g, DCTERMS.created, Literal(self.created, datatype=XSD.date)))
        if self.title:
            triples.append((d, DCTERMS.title, Literal(self.title, lang=self.language)))
        if self.issued:
            triples.append((d, DCTERMS.issued, Literal(self.issued, datatype=XSD.date)))
        if self.confidence:
            triples.append((d, CG.confidence, Literal(self.confidence)))
        return triples
