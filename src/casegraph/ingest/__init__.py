"""Reading an article or a filing: what it says that the graph knows, and what it adds.

:func:`ingest` reads one document and returns an :class:`Ingestion`: the known entities it mentions, the
quotations with their speakers and dates, the names it introduces (candidates for new entities) and the
decisions, statutes and dockets it cites, each with its character offsets in the text. Nothing is written:
:meth:`Ingestion.triples` is the graph a person accepts (``CaseGraph.ingest(..., accept=True)``), one named
graph for the document, with ``cg:ExtractedByRule`` as its method and the extractor's versions.

>>> from casegraph import CaseGraph
>>> cg = CaseGraph.open()
>>> found = cg.ingest(text="Ahmad Al-Dahle ran the team. Al Dahle wrote: “Honestly, our goal needs to be GPT4.” "
...                        "in October 2023.", lang="en")
>>> [(m.text, m.label) for m in found.mentions]
[('Ahmad Al-Dahle', 'Ahmad Al-Dahle'), ('Al Dahle', 'Ahmad Al-Dahle'), ('GPT4', 'GPT-4')]
>>> quote = found.quotes[0]
>>> quote.text, quote.speaker, quote.date
('Honestly, our goal needs to be GPT4.', 'Al Dahle', '2023-10')

A court opinion or order is also a decision (:mod:`casegraph.ingest.opinions`): ``found.decision`` is the
decision the text is (caption, court, date, own citations), ``found.cited`` every decision it cites in full,
and the accepted graph links them with ``cg:cites``. Warnings of the libraries used are counted in
``found.warnings``, never printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlparse

from rdflib import RDF, RDFS, SKOS, XSD, Literal, URIRef

from ..errors import InputError
from ..model import Source, mint_iri, name_key
from ..results import Result, clip, plural
from ..vocab import CG
from .candidates import Candidate, find_candidates, full_names, model_versions, recognise
from .citations import Citation, docket_key, eyecite_version, read_citations
from .french_decision_quotes import decision_quotes
from .french_decisions import cited_french_decisions, read_french_decision
from .french_references import find_french_references
from .linking import Gazetteer, Mention
from .opinions import Decision, cited_decisions, decision_iri, read_decision
from .pseudonyms import Pseudonym, find_pseudonyms, pseudonymised_persons
from .quotes import Person, Quote, find_quotes, speaker_label
from .reading import MAX_BYTES, detect_language, read_text, sha256
from .spans import Spans

__all__ = ["Ingestion", "ingest", "Mention", "Quote", "Candidate", "Citation", "Decision"]

CLASSES = {"Person": CG.Person, "Organization": CG.Organization, "AIModel": CG.AIModel}
AGENT_KINDS = ("person", "organization")


@dataclass(repr=False)
class Ingestion(Result):
    """What one document adds: its source, and the mentions, quotes, candidates and citations read in it; as
    rows, one finding a row (``finding`` says which kind), with its offsets and the entity it names.

    >>> from casegraph import CaseGraph
    >>> found = CaseGraph.open().ingest(text="Mistral AI and Meta Platforms Inc. were named.", lang="en")
    >>> found
    <Ingestion: text, 46 characters, 2 mentions, 0 quotes, 0 candidates, 0 citations>
    >>> found.to_pandas()[["finding", "text", "start"]].values.tolist()
    [['mention', 'Mistral AI', 0], ['mention', 'Meta Platforms Inc', 15]]
    """

    source: Source
    sha256: str
    characters: int
    file: str | None
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    extractor: str = ""
    accepted: bool = False
    decision: Decision | None = None
    cited: list[Decision] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    quoted_citations: list[Citation] = field(default_factory=list)  # short forms and "Id." that quotes cite
    pseudonyms: list[Pseudonym] = field(default_factory=list)  # the names a French publisher hid

    @property
    def pseudonymised_persons(self) -> list[str]:
        """The persons and companies whose names the publisher hid, each once ("M. X...", "Mme [U] [N]")."""
        return pseudonymised_persons(self.pseudonyms)

    @property
    def graph_iri(self) -> URIRef:
        """The named graph the extracted triples go into."""
        return self.source.graph_iri

    _columns = (("finding", "text"), ("start", "int"), ("end", "int"), ("text", "text"), ("entity", "text"),
                ("label", "text"), ("kind", "text"), ("date", "date"))
    _html_columns = ("finding", "start", "end", "text", "label", "kind", "date")

    def to_json(self) -> dict:
        """The same as :meth:`to_dict` (its earlier name)."""
        return self.to_dict()

    def _rows(self) -> list[dict]:
        rows = [{"finding": "mention", "start": m.start, "end": m.end, "text": m.text, "entity": m.entity,
                 "label": m.label, "kind": m.kind} for m in self.mentions]
        rows += [{"finding": "quote", "start": q.start, "end": q.end, "text": q.text, "entity": q.speaker_entity,
                  "label": q.speaker, "kind": q.kind, "date": q.date} for q in self.quotes]
        rows += [{"finding": "candidate", "start": c.start, "end": c.end, "text": c.text, "kind": c.proposed_class}
                 for c in self.candidates]
        rows += [{"finding": "citation", "start": c.start, "end": c.end, "text": c.text, "entity": c.case,
                  "label": c.name, "kind": c.kind} for c in self.citations]
        return sorted(rows, key=lambda r: (r["start"], r["end"], r["finding"]))

    def _summary(self) -> str:
        counts = ", ".join(plural(len(items), word) for items, word in (
            (self.mentions, "mention"), (self.quotes, "quote"), (self.candidates, "candidate"),
            (self.citations, "citation")))
        hidden = f", {plural(len(self.pseudonymised_persons), 'pseudonymised person')}" if self.pseudonyms else ""
        return f"{clip(self.file or 'text', 40)}, {plural(self.characters, 'character')}, {counts}{hidden}"

    def to_dict(self) -> dict:
        """The documented JSON shape (README, "Ingesting a document"): ``source``, ``mentions``, ``quotes``,
        ``candidates``, ``citations``; entity fields are IRIs or null."""
        s = self.source
        return {
            "source": {"url": s.url, "title": s.title, "language": s.language, "publisher": s.publisher,
                       "published": s.issued.isoformat() if s.issued else None, "sha256": self.sha256,
                       "characters": self.characters, "file": self.file, "graph": str(s.graph_iri),
                       "document": str(s.document_iri), "extractor": self.extractor, "accepted": self.accepted},
            "mentions": [m.to_dict() for m in self.mentions],
            "quotes": [q.to_dict() for q in self.quotes],
            "candidates": [c.to_dict() for c in self.candidates],
            "citations": [c.to_dict() for c in self.citations],
            "decision": self.decision.to_dict() if self.decision else None,
            "cited_decisions": [d.to_dict() for d in self.cited],
            "warnings": {"count": len(self.warnings), "messages": self.warnings[:20]},
            "pseudonyms": {"persons": self.pseudonymised_persons, "found": [p.to_dict() for p in self.pseudonyms]},
        }

    def triples(self) -> list[tuple]:
        """The extracted triples (the source's provenance is added by ``CaseGraph.add``)."""
        key, doc, lang = self.source.key, self.source.document_iri, self.source.language
        triples = [(doc, CG.sha256, Literal(self.sha256)), (self.graph_iri, CG.extractor, Literal(self.extractor))]
        if self.pseudonyms:
            triples.append((doc, CG.pseudonymisedPersons,
                            Literal(len(self.pseudonymised_persons), datatype=XSD.nonNegativeInteger)))

        def passage(node, start, end, words):
            triples.extend([(node, CG.inDocument, doc), (node, CG.surfaceForm, Literal(words)),
                            (node, CG.startOffset, Literal(start, datatype=XSD.nonNegativeInteger)),
                            (node, CG.endOffset, Literal(end, datatype=XSD.nonNegativeInteger))])

        for m in self.mentions:
            node = mint_iri("mention", key, f"{m.start}-{m.end}")
            triples.append((node, RDF.type, CG.Mention))
            passage(node, m.start, m.end, m.text)
            if m.entity:
                triples.append((node, CG.refersTo, URIRef(m.entity)))
            triples.extend((node, CG.possibleReferent, URIRef(e)) for e in m.ambiguous)
            triples.extend((node, CG.possibleReferent, URIRef(e)) for e, _score in m.possible if not m.entity)
        decisions = {c: d.iri for d in self.cited + ([self.decision] if self.decision else []) for c in d.citations}
        written = {(c.start, c.end) for c in self.citations}

        def citation_node(c: Citation):
            node = mint_iri("citation", key, f"{c.start}-{c.end}")
            triples.extend([(node, RDF.type, CG.Citation), (node, CG.citationKind, Literal(c.kind))])
            passage(node, c.start, c.end, c.text)
            target = c.case or next((decisions[p] for p in (c.parallel or (c.normalized,)) if p in decisions), None)
            if target:
                triples.append((node, CG.refersTo, URIRef(target)))
            return node

        for q in self.quotes:
            node = mint_iri("statement", key, f"{q.start}-{q.end}")
            triples += [(node, RDF.type, CG.Statement), (node, CG.text, Literal(q.text, lang=lang))]
            passage(node, q.start, q.end, q.text)
            if q.cited and q.cited_at not in written:  # an "Id." or a short form: its passage is written here
                pointer = next((c for c in self.quoted_citations if (c.start, c.end) == q.cited_at), None)
                if pointer is not None:
                    citation_node(pointer)
                    written.add(q.cited_at)
            if q.cited and q.cited_at in written:
                triples.append((node, CG.quotedFrom, mint_iri("citation", key, f"{q.cited_at[0]}-{q.cited_at[1]}")))
            elif q.speaker_entity:
                triples.append((node, CG.speaker, URIRef(q.speaker_entity)))
            elif q.speaker:
                triples.append((node, CG.speakerName, Literal(q.speaker)))
            else:
                triples.append((node, CG.speakerName, Literal("unknown speaker")))
            if q.confidence is not None:
                triples.append((node, CG.attributionConfidence, Literal(Decimal(f"{q.confidence:.3f}"))))
            if q.date:
                triples.append((node, CG.date, _dated(q.date)))
            triples.extend((node, CG.mentions, URIRef(e)) for e in q.mentions)
        for c in self.candidates:
            node = mint_iri("candidate", key, name_key(c.text))
            triples += [(node, RDF.type, CG.EntityCandidate), (node, CG.proposedClass, CLASSES[c.proposed_class])]
            passage(node, c.start, c.end, c.text)
        for c in self.citations:
            citation_node(c)
        for d in ([self.decision] if self.decision else []) + self.cited:
            node = URIRef(d.iri)
            triples += [(node, RDF.type, CG.Decision),
                        (node, RDFS.label, Literal(d.name or f"decision {d.key if d.citations else d.iri}"))]
            for citation in d.citations:
                triples += [(node, CG.reporterCitation, Literal(citation)), (node, SKOS.altLabel, Literal(citation))]
            if d.date:
                triples.append((node, CG.date, _dated(d.date)))
            if d.court:
                triples.append((node, CG.decidedBy, URIRef(d.court)))
            if d.case:
                triples.append((node, CG.inCase, URIRef(d.case)))
            triples.extend((node, CG.cites, URIRef(cited)) for cited in d.cites)
        return triples


def ingest(cg, path: str | Path | None = None, *, text: str | None = None, lang: str = "auto",
           url: str | None = None, published: str | date | None = None, title: str | None = None,
           publisher: str | None = None, max_bytes: int = MAX_BYTES) -> Ingestion:
    """Read the document at ``path`` (or ``text``) against what ``cg`` knows; see the module's docstring.

    ``lang`` is ``"fr"``, ``"en"`` or ``"auto"`` (told from the text's function words). Without ``url`` the
    document is identified by its SHA-256 (``urn:sha256:...``), so ingesting the same text twice gives the
    same graph.
    """
    if (path is None) == (text is None):
        raise InputError("ingest() takes a file path or text=, not both")
    name = str(path) if path is not None else "text"
    if text is None:
        text = read_text(path, max_bytes=max_bytes)
    elif not text.strip():
        raise InputError("text: empty; nothing to ingest")
    if lang == "auto":
        lang = detect_language(text, name)
    elif lang not in ("fr", "en"):
        raise InputError(f"{name}: language {lang!r} is not supported; use fr, en or auto")
    digest = sha256(text)
    source = Source(url=url or f"urn:sha256:{digest}", publisher=publisher or _publisher(url), language=lang,
                    title=title or _title(text), issued=_date(published), method=CG.ExtractedByRule)

    gazetteer = Gazetteer.from_graph(cg)
    mentions = gazetteer.find(text)
    # The French recogniser is the slow part: it starts first and runs while the rules read citations.
    recognition = recognise(text, mentions) if lang == "fr" else None
    dockets = {docket_key(str(d)): str(case) for case, d in
               cg.query("SELECT ?case ?d WHERE { ?case cg:docketNumber ?d }").raw}
    reading = read_citations(text, dockets)
    # French texts: the references of French law (codes, laws, pourvoi and RG numbers, ECLI), and the names their
    # publisher hid, which are nobody the graph knows and no new name
    references = find_french_references(text) if lang == "fr" else []
    pseudonyms = find_pseudonyms(text) if lang == "fr" else []
    hidden = Spans([(p.start, p.end) for p in pseudonyms])
    mentions = [m for m in mentions if not hidden.overlaps(m.start, m.end)]
    french_decision = read_french_decision(text, references) if references else None
    decision = french_decision or read_decision(text, reading.citations)
    about = _case_of(decision, reading.citations)
    citations = _merged(references, [replace(c, case=about) if c.kind == "entry" else c for c in reading.citations])
    cited = cited_decisions(citations, decision) + cited_french_decisions(text, references, decision)
    _identify(cg, gazetteer, text, decision, cited, about, digest)
    candidates = find_candidates(text, lang, mentions, set(cg.names.by_key),
                                 recognition.result() if recognition else None, citations,
                                 hidden=hidden.spans)
    people = [Person(m.text, m.start, m.end, m.entity) for m in mentions if m.kind == "person"]
    people += [Person(p.text, p.start, p.end, None) for p in pseudonyms if p.kind == "person"]
    people += [Person(text[s:e], s, e, None) for c in candidates if c.proposed_class == "Person"
               for s, e in c.occurrences]
    quotes = find_quotes(text, people, mentions, reading.pointers + citations, lang)
    named = full_names(text, candidates)
    quotes = [replace(q, speaker=speaker_label(q.speaker, named)) if q.speaker and q.speaker_entity is None else q
              for q in quotes]
    if french_decision is not None:  # the parties' grounds of appeal, the court under appeal, the law quoted
        # (the confidence of attributions was measured on press articles, not on decisions: none is given)
        quotes = [replace(q, confidence=None, facts={}) for q in decision_quotes(text, quotes, references)]
    _link_known_statements(cg, quotes)
    extractor = f"casegraph-ingest {version('casegraph')}; {model_versions() if lang == 'fr' else 'rules'}; " \
                f"{eyecite_version()}"
    return Ingestion(source, digest, len(text), None if path is None else name, mentions, quotes, candidates,
                     citations, extractor, decision=decision, cited=cited, warnings=reading.warnings,
                     quoted_citations=reading.pointers, pseudonyms=pseudonyms)


def _merged(first: list[Citation], then: list[Citation]) -> list[Citation]:
    """``first`` and the citations of ``then`` that overlap none of them, in text order (a French pourvoi number
    is not also a US docket)."""
    taken = Spans([(c.start, c.end) for c in first])
    return sorted([*first, *(c for c in then if not taken.overlaps(c.start, c.end))], key=lambda c: (c.start, c.end))


def _case_of(decision: Decision | None, citations: list[Citation]) -> str | None:
    """The known case a text is about: its own docket's, else the first known docket it cites."""
    dockets = [c for c in citations if c.kind == "docket" and c.case]
    if decision and decision.docket:
        own = next((c.case for c in dockets if c.normalized == decision.docket), None)
        if own:
            return own
    return dockets[0].case if dockets else None


def _identify(cg, gazetteer: Gazetteer, text: str, decision: Decision | None, cited: list[Decision],
              about: str | None, digest: str) -> None:
    """Give the decisions their IRIs (those the graph holds under any of their citations), and the text's own
    decision its court, case and the decisions it cites."""
    known = {str(c): str(d) for d, c in cg.query("SELECT ?d ?c WHERE { ?d cg:reporterCitation ?c }").raw}
    for d in cited:
        d.iri = decision_iri(d, known, digest)
    if decision is None:
        return
    decision.iri = decision_iri(decision, known, " ".join(filter(None, (decision.docket, decision.date))) or digest)
    decision.case = about if decision.docket else None
    decision.cites = sorted({d.iri for d in cited} - {decision.iri})
    if decision.court_name:
        courts = {str(c) for (c,) in cg.query("SELECT ?c WHERE { ?c a cg:Court }").raw}
        decision.court = next((m.entity for m in gazetteer.find(decision.court_name) if m.entity in courts), None)


def _dated(value: str) -> Literal:
    """A date, year-month or year as the typed literal of its precision."""
    return Literal(value, datatype={10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(value)])


def _link_known_statements(cg, quotes: list[Quote]) -> None:
    """Point each quotation at the statement the graph already holds with the same words, if any."""
    known = {}
    for statement, words in cg.query("SELECT ?s ?t WHERE { ?s a cg:Statement ; cg:text ?t }").raw:
        known.setdefault(name_key(str(words)), str(statement))
    for quote in quotes:
        quote.known_statement = known.get(name_key(quote.text))


def _publisher(url: str | None) -> str:
    host = urlparse(url).hostname if url else None
    return re.sub(r"^www\.", "", host) if host else "unknown publisher"


def _title(text: str) -> str | None:
    first = next((line.strip().lstrip("#").strip() for line in text.splitlines() if line.strip()), "")
    return first if 0 < len(first) <= 160 else None


def _date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{{parameter}} {value!r}: not a date; write it as YYYY-MM-DD", parameter="published=") from None
