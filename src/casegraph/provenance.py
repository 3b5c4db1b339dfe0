"""Answers from the sources you choose: a view of the graph that holds only the named graphs of chosen sources.

Every fact sits in the named graph of the document that states it, so leaving a source out is leaving its graph
out. A :class:`SourceSelection` says which sources to keep (by confidence, publisher, URL, method, publication
date); :func:`select_graphs` applies it to the sources of a graph, and ``CaseGraph.view_of`` builds a graph of
those graphs only, on which every command runs unchanged. A fact-checker's question, "does this answer still hold
without that source?", is the same query on ``cg.view_of(exclude_sources=[url])``.

Derived facts follow their support: a hand-made derivation (``cg:DerivedByHand``) and each relation casegraph's
rules inferred are kept only when every graph they were derived from is kept.

>>> from casegraph import CaseGraph
>>> cg = CaseGraph.open()
>>> strong = cg.view_of(min_confidence="H")
>>> len(strong.sources()) < len(cg.sources())
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .errors import InputError
from .model import fold
from .timeline import last_day
from .vocab import CG

#: confidence ratings, strongest first
CONFIDENCE = ("H", "M", "L")
#: the methods a user names -> the method IRIs of the source graphs they select
METHODS = {"curated": (str(CG.CuratedByHand),), "extracted": (str(CG.ExtractedByRule),),
           "inferred": (str(CG.DerivedByHand), str(CG.Inferred))}


@dataclass(frozen=True)
class SourceSelection:
    """Which sources to answer from; the default keeps them all.

    ``min_confidence`` keeps the sources rated that high or higher (H > M > L; unrated ones are left out);
    ``publishers`` / ``exclude_publishers`` match the publisher's name (case and accents aside); ``sources`` /
    ``exclude_sources`` match a document's URL or its graph's IRI; ``methods`` keeps the graphs made by those
    methods (``curated``, ``extracted``, ``inferred``); ``known_on`` keeps the sources published on or before
    that date (a source dated by its month or year only when the whole month or year is), leaving undated
    ones out.
    """

    min_confidence: str | None = None
    publishers: tuple[str, ...] = ()
    exclude_publishers: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    exclude_sources: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()
    known_on: date | None = None

    def __post_init__(self):
        if self.min_confidence is not None and self.min_confidence.upper() not in CONFIDENCE:
            raise InputError(f"confidence {self.min_confidence!r}: expected one of {', '.join(CONFIDENCE)}")
        unknown = [m for m in self.methods if m not in METHODS]
        if unknown:
            raise InputError(f"method {unknown[0]!r}: expected one of {', '.join(METHODS)}")
        if isinstance(self.known_on, str):
            object.__setattr__(self, "known_on", parse_day(self.known_on))
        for name in ("publishers", "exclude_publishers", "sources", "exclude_sources", "methods"):
            value = getattr(self, name)
            object.__setattr__(self, name, (value,) if isinstance(value, str) else tuple(value))

    @property
    def everything(self) -> bool:
        """True when nothing is left out."""
        return self == SourceSelection()


@dataclass
class Selected:
    """The graphs a selection keeps, and what it left out (``undated``: left out by ``known_on`` for want of a
    date)."""

    graphs: set[str]
    left_out: set[str] = field(default_factory=set)
    undated: set[str] = field(default_factory=set)


def hand_made_derivations(cg) -> dict[str, set[str]]:
    """Each graph of hand-made derivations (``cg:DerivedByHand``) -> the graphs it was derived from: it stands
    only on them (what a view of chosen sources and the viewer's source filters read)."""
    found: dict[str, set[str]] = {}
    for row in cg.query("SELECT ?g ?from WHERE { GRAPH ?g { ?g cg:method cg:DerivedByHand . "
                        "?d a cg:Derivation ; prov:wasDerivedFrom ?from } }").rows:
        found.setdefault(row["g"], set()).add(row["from"])
    return found


def parse_day(text: str) -> date:
    """A date written YYYY-MM-DD; InputError otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"date {text!r}: expected YYYY-MM-DD") from None


def _url_key(text: str) -> str:
    return text.strip().rstrip("/").lower()


def select_graphs(sources: dict, selection: SourceSelection, derivations: dict[str, set[str]]) -> Selected:
    """The graphs of ``sources`` (graph IRI -> :class:`~casegraph.facts.SourceRef`) that ``selection`` keeps.

    ``derivations`` gives, for each graph of hand-made derivations, the graphs it was derived from: it is kept
    only when they all are. (The rules' inferred graph is filtered relation by relation when the view is
    built.)
    """
    wanted_publishers = {fold(p) for p in selection.publishers}
    unwanted_publishers = {fold(p) for p in selection.exclude_publishers}
    wanted_sources = {_url_key(s) for s in selection.sources}
    unwanted_sources = {_url_key(s) for s in selection.exclude_sources}
    methods = {iri for name in selection.methods for iri in METHODS[name]}
    floor = CONFIDENCE.index(selection.min_confidence.upper()) if selection.min_confidence else None
    # A publisher or a document named that no source has is a typo, not a choice: excluding it would leave every
    # answer as it was, and a fact-checker would read that as "the answer holds without it".
    known_publishers = {fold(ref.publisher) for ref in sources.values() if ref.publisher}
    for given in (*selection.publishers, *selection.exclude_publishers):
        if fold(given) not in known_publishers:
            raise InputError(f"no source has the publisher {given!r}")
    known_names = {_url_key(name) for graph, ref in sources.items() for name in (graph, ref.url) if name}
    for given in (*selection.sources, *selection.exclude_sources):
        if _url_key(given) not in known_names:
            raise InputError(f"no source has the URL or graph IRI {given!r}")
    chosen = Selected(set())
    for graph, ref in sources.items():
        names = {_url_key(graph)} | ({_url_key(ref.url)} if ref.url else set())
        publisher = fold(ref.publisher) if ref.publisher else None
        rule_made = ref.method == str(CG.Inferred)  # its relations are judged one by one, by their support
        keep = (
            (not methods or ref.method in methods)
            and (rule_made or floor is None or (ref.confidence in CONFIDENCE
                                                and CONFIDENCE.index(ref.confidence) <= floor))
            and (rule_made or not wanted_publishers or publisher in wanted_publishers)
            and publisher not in unwanted_publishers
            and (rule_made or not wanted_sources or bool(names & wanted_sources))
            and not names & unwanted_sources
        )
        if keep and selection.known_on is not None and not rule_made:
            day = last_day(ref.issued) if ref.issued else None
            if day is None:
                chosen.undated.add(graph)
                keep = False
            else:
                keep = day <= selection.known_on
        (chosen.graphs if keep else chosen.left_out).add(graph)
    # A derivation stands only on what it was derived from (checked until nothing more drops: one may rest on another).
    dropped = True
    while dropped:
        dropped = False
        for graph, support in derivations.items():
            if graph in chosen.graphs and not support <= chosen.graphs:
                chosen.graphs.discard(graph)
                chosen.left_out.add(graph)
                dropped = True
    return chosen

