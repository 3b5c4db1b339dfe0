"""What the viewer's case layout needs: for each case, which entity goes to which place around it.

The places and the properties that lead to them are the ontology's (``cg:caseLayoutPlace``): plaintiffs on one
side and their counsel beside them, defendants and theirs on the other, court and judges above, models and data
sets at issue below. The statements and claims in the case's record (``cg:InCaseRecord``: revealed in it,
pleaded in it) are the entities view's edges between entities; the page draws them with the case and puts the
entities they bring in around it. The geometry itself is the page's (``case.js``).

>>> from casegraph import CaseGraph
>>> page = CaseGraph.open().view()
>>> kadrey = next(c for c in page.data["cases"] if page.data["nodes"][c["i"]]["l"] == "Kadrey v. Meta")
>>> sorted({place for _node, place in kadrey["p"]})
['AtIssue', 'Bench', 'DefendantsCounselSide', 'DefendantsSide', 'PlaintiffsCounselSide', 'PlaintiffsSide']
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from rdflib import RDF, RDFS

from ..vocab import CG

#: the place of the properties whose subject (a statement, a claim) belongs to the case they point at
IN_RECORD = "InCaseRecord"


def place_labels(lang: str) -> dict[str, str]:
    """Each place's name in ``lang`` (English when the ontology has none), for the captions of the layout."""
    from ..ontology import ontology_graph
    from ..facts import pick_lang

    graph = ontology_graph()
    return {str(place).rsplit("#", 1)[-1]: str(pick_lang(list(graph.objects(place, RDFS.label)), lang))
            for place in graph.subjects(RDF.type, CG.CaseLayoutPlace)}


@lru_cache(maxsize=1)
def layout_places() -> dict[str, str]:
    """Each property IRI -> the local name of its place in a case's layout; a sub-property without a place of
    its own takes its super-property's."""
    from ..ontology import ontology_graph

    graph = ontology_graph()
    places = {str(prop): str(place).rsplit("#", 1)[-1] for prop, place in graph.subject_objects(CG.caseLayoutPlace)}
    supers = defaultdict(list)
    for sub, sup in graph.subject_objects(RDFS.subPropertyOf):
        supers[str(sub)].append(str(sup))

    def inherited(prop: str, seen: frozenset = frozenset()) -> str | None:
        if prop in places:
            return places[prop]
        return next((found for sup in supers[prop] if sup not in seen
                     for found in [inherited(sup, seen | {prop})] if found), None)

    return {prop: place for prop in {*places, *supers} if (place := inherited(prop))}


def case_layouts(edges, index: dict, hubs, first_hub: int) -> list[dict]:
    """One row per case with a place for something: ``i`` the case's node, ``p`` its ``[node, place]`` pairs,
    ``x`` the page's edges made of the statements and claims in its record.

    ``edges`` are the projection's ``(u, v, attrs)``, ``index`` each node's row in the page, ``hubs`` the
    statement and claim edges of the entities view (see :func:`casegraph.viewer.hub_edges`), which are the
    page's edges from ``first_hub`` on.
    """
    places = layout_places()
    cases: dict[str, dict] = {}
    record = defaultdict(set)  # a statement or claim -> the cases whose record holds it

    def of(case) -> dict:
        return cases.setdefault(case, {"i": index[case], "p": [], "x": []})

    for u, v, attrs in edges:
        place = places.get(attrs.get("predicate", ""))
        if place == IN_RECORD:
            record[u].add(v)
        elif place and [index[v], place] not in of(u)["p"]:
            of(u)["p"].append([index[v], place])
    for k, (_u, _v, attrs) in enumerate(hubs):
        for case in record.get(attrs.get("via"), ()):
            of(case)["x"].append(first_hub + k)
    return sorted(cases.values(), key=lambda row: row["i"])
