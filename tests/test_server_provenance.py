"""The endpoint's provenance extensions (issue 18): answers from the sources a request chooses, and why=1.

A real uvicorn on a loopback port, queried by SPARQLWrapper at its default settings (plus the extension's
parameter), rdflib's SPARQLStore and raw HTTP; every answer is compared with the Python API's answer on
``cg.view_of(...)`` or ``cg.query(..., why=True)``.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import time
from dataclasses import fields
from io import BytesIO

import httpx
import pytest
from endpoint import serving
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import Result
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from test_server import (  # noqa: F401
    FORMS,
    TOKEN,
    json_of,
    oxigraph_served,
    plain_bindings,
    send,
    terms,
)

from casegraph import CaseGraph
from casegraph.errors import InputError, QueryError
from casegraph.provenance import SourceSelection
from casegraph.server import create_app
from casegraph.server.sources import RESERVED, VIEW_PARAMETERS, WHY, WHY_MEMBER, Views
from casegraph.why import explain

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
DEVELOPED = "SELECT ?m ?o WHERE { ?m cg:developedBy ?o } ORDER BY ?m ?o"
THEAKANATH = "SELECT ?st WHERE { ?st cg:speaker person:sony-theakanath } ORDER BY ?st"
META = "SELECT ?m WHERE { ?m cg:developedBy organization:meta-platforms } ORDER BY ?m"
LONE = "https://lexsummary.com/nazemian-v-nvidia-ai-copyright-training-motion-dismiss/"  # Megatron 345M's only source
MEGATRON = "https://w3id.org/casegraph/id/model/megatron-345m"
HEADER = "Casegraph-Sources"


def wrapper(base: str, query: str, **parameters: str) -> SPARQLWrapper:
    """SPARQLWrapper at its default settings (GET, XML results), with the extension's parameters added."""
    client = SPARQLWrapper(base + "/sparql")
    client.setQuery(query)
    for name, value in parameters.items():
        assert client.addParameter(name, value)  # refused for the protocol's own names: none of ours
    return client


def xml_rows(answer) -> list[tuple]:
    return terms(Result.parse(BytesIO(answer.convert().toxml().encode()), format="xml"))


def count(data: dict) -> int:
    return int(data["results"]["bindings"][0]["n"]["value"])


# --- the parameters ---------------------------------------------------------------------------------------

def test_parameters_fill_view_of_and_clash_with_no_protocol_parameter():
    assert not (set(VIEW_PARAMETERS) | {WHY}) & RESERVED
    accepted = {f.name for f in fields(SourceSelection)} | set(inspect.signature(CaseGraph.view_of).parameters)
    assert {keyword for keyword, _repeatable in VIEW_PARAMETERS.values()} <= accepted
    # SPARQLWrapper keeps the protocol's names for itself and takes ours
    client = SPARQLWrapper("http://127.0.0.1:1/sparql")
    assert not client.addParameter("query", "x")
    assert all(client.addParameter(name, "x") for name in (*VIEW_PARAMETERS, WHY))


# --- answers from chosen sources --------------------------------------------------------------------------

@pytest.mark.parametrize("method", ["GET", "POST"])
def test_exclude_source_removes_the_row_it_alone_supports(base, cg, method):
    client = wrapper(base, DEVELOPED, **{"exclude-source": LONE})
    if method == "POST":
        client.setMethod(POST)  # a form body, the parameter in it
    answer = client.query()
    rows = xml_rows(answer)
    view = cg.view_of(exclude_sources=[LONE])
    assert rows == terms(view.query(DEVELOPED).raw)
    everything = terms(cg.query(DEVELOPED).raw)
    assert [r for r in everything if str(r[0]) == MEGATRON] and not [r for r in rows if str(r[0]) == MEGATRON]
    assert len(rows) == len(everything) - 1
    assert answer.response.headers[HEADER] == f"{len(cg.sources()) - 1} of {len(cg.sources())}"


def test_known_on_hides_what_was_unsealed_later(base, cg):
    assert len(xml_rows(wrapper(base, THEAKANATH).query())) == 1  # his emails, unsealed in 2025
    answer = wrapper(base, THEAKANATH, **{"known-on": "2024-12-31"}).query()
    assert xml_rows(answer) == []
    chosen = cg.view_of(known_on="2024-12-31").selection
    assert answer.response.headers[HEADER] == \
        f"{len(chosen.graphs)} of {len(cg.sources())}; {len(chosen.undated)} undated left out"
    assert chosen.undated  # the header says so because some were


def test_as_of_gives_the_cases_as_they_stood_that_day(base, cg):
    status = ("SELECT ?s WHERE { case:cand-3-24-cv-05417 cg:caseStatus ?s "
              "FILTER(LANG(?s) = 'en' && STRSTARTS(?s, 'As of')) }")
    assert xml_rows(wrapper(base, status).query()) == []  # worked out in a view as of a day only
    [[before]] = xml_rows(wrapper(base, status, **{"as-of": "2025-06-22"}).query())
    [[after]] = xml_rows(wrapper(base, status, **{"as-of": "2025-06-24"}).query())
    assert "order on fair use" not in str(before) and "order on fair use (2025-06-23)" in str(after)
    assert {str(before), str(after)} == {r["s"] for day in ("2025-06-22", "2025-06-24")
                                         for r in cg.view_of(as_of=day).query(status).rows}


@pytest.mark.parametrize("form", FORMS)
def test_min_confidence_lowers_a_count_in_every_form_of_the_protocol(base, cg, form):
    everything = count(send(base, form, COUNT, "application/sparql-results+json").json())
    answer = send(base, form, COUNT, "application/sparql-results+json", **{"min-confidence": "H"})
    assert answer.status_code == 200, answer.text
    strong = count(answer.json())
    assert strong < everything == cg.query(COUNT).rows[0]["n"]
    assert strong == cg.view_of(min_confidence="H").query(COUNT).rows[0]["n"]
    assert answer.headers[HEADER].endswith(f" of {len(cg.sources())}")


def test_repeatable_parameters_and_sparqlstore(base, cg):
    publishers = sorted({ref.publisher for ref in cg.sources().values() if ref.publisher})[:2]
    client = wrapper(base, COUNT, publisher=publishers[0])
    client.addParameter("publisher", publishers[1])
    client.setReturnFormat(JSON)
    expected = cg.view_of(publishers=publishers).query(COUNT).rows[0]["n"]
    assert count(client.query().convert()) == expected < cg.query(COUNT).rows[0]["n"]
    # rdflib's SPARQLStore sends extra parameters given in its constructor's params
    store = SPARQLStore(base + "/sparql", params={"method": "curated"})
    assert int(next(iter(Graph(store=store).query(COUNT)))[0]) == \
        cg.view_of(methods=["curated"]).query(COUNT).rows[0]["n"]


def test_the_default_answers_exactly_as_before(base, cg):
    for query, media in ((DEVELOPED, "application/sparql-results+json"), (DEVELOPED, "text/csv"),
                         ("ASK { ?c cg:docketNumber ?d }", "application/sparql-results+xml")):
        plain = send(base, "get", query, media)
        assert plain.status_code == 200 and HEADER not in plain.headers
        assert send(base, "get", query, media, why="0").content == plain.content
        # byte for byte what the server answered before the extension: rdflib's serialisation of the result
        expected = cg.query(query).raw.serialize(format={"text/csv": "csv"}.get(media, media.split("+")[-1]))
        assert plain.content == expected
    assert WHY_MEMBER not in send(base, "post-form", DEVELOPED, "application/sparql-results+json").json()


@pytest.mark.parametrize("parameters,library", [
    ({"min-confidence": "X"}, {"min_confidence": "X"}),
    ({"method": "guessed"}, {"methods": ["guessed"]}),
    ({"known-on": "2024-13-45"}, {"known_on": "2024-13-45"}),
    ({"as-of": "2025-06-31"}, {"as_of": "2025-06-31"}),
    ({"publisher": "Nobody Press"}, {"publishers": ["Nobody Press"]}),
    ({"exclude-source": "https://no.such/doc"}, {"exclude_sources": ["https://no.such/doc"]}),
    ({"known_on": "2024-12-31"}, None),  # a near miss is refused, not ignored
    ({"exclude-sources": LONE}, None),
    ({"min-confidence": ["H", "M"]}, None),
    ({"why": "maybe"}, None),
])
@pytest.mark.parametrize("form", ["get", "post-form"])
def test_bad_values_are_400_with_one_line(base, cg, parameters, library, form):
    answer = send(base, form, COUNT, "application/sparql-results+json", **parameters)
    assert answer.status_code == 400
    assert answer.json() == {"error": answer.json()["error"], "status": 400}
    message = answer.json()["error"]
    assert message and "\n" not in message
    if library is not None:  # the library's own message
        with pytest.raises(InputError) as raised:
            cg.view_of(**library)
        assert message == str(raised.value)


def test_an_update_refuses_the_source_parameters():
    cg = CaseGraph(store="memory")
    with serving(create_app(cg, allow_update=True, token=TOKEN)) as url:
        refused = httpx.post(url + "/sparql", data={"update": "CLEAR ALL", "min-confidence": "H"},
                             headers={"Authorization": f"Bearer {TOKEN}"})
        assert refused.status_code == 400 and "apply to queries" in refused.json()["error"]


# --- why ------------------------------------------------------------------------------------------------------

def documents(support) -> list[list[tuple]]:
    return [[(d["graph"], d["url"]) for d in way] for way in support["alternatives"]]


def test_why_json_parses_with_standard_clients_and_carries_each_rows_sources(base, cg):
    client = wrapper(base, META, why="1")
    client.setReturnFormat(JSON)
    data = client.query().convert()
    assert plain_bindings(data) == json_of(cg.query(META).raw)  # the standard part, unchanged
    # rdflib's parser of SPARQL JSON results reads it as it reads any answer
    parsed = Result.parse(BytesIO(json.dumps(data).encode()), format="json")
    assert terms(parsed) == terms(cg.query(META).raw)
    expected = cg.query(META, why=True)
    assert len(data[WHY_MEMBER]) == len(data["results"]["bindings"]) == len(expected.rows) > 1
    for support, want in zip(data[WHY_MEMBER], expected.why):
        assert documents(support) == [[(g, expected.sources[g].url) for g in way] for way in want.alternatives]
        assert support["aggregate"] is False
        for way in support["alternatives"]:
            for document in way:
                assert set(document) == {"graph", "url", "publisher", "issued", "confidence"}


def test_why_on_an_ask_and_on_an_aggregate(base, cg):
    ask = "ASK { model:llama-3 cg:developedBy organization:meta-platforms }"
    data = send(base, "post-form", ask, "application/sparql-results+json", why="1").json()
    assert data["boolean"] is True
    expected = cg.query(ask, why=True)
    assert documents(data[WHY_MEMBER]) == [[(g, expected.sources[g].url) for g in way]
                                           for way in expected.why.alternatives]
    assert len(data[WHY_MEMBER]["alternatives"]) > 1
    grouped = "SELECT ?o (COUNT(?m) AS ?n) WHERE { ?m cg:developedBy ?o } GROUP BY ?o ORDER BY ?o"
    data = send(base, "get", grouped, "application/json", why="true").json()
    assert all(support["aggregate"] for support in data[WHY_MEMBER])
    assert len(data[WHY_MEMBER]) == len(data["results"]["bindings"])


def test_why_answers_from_the_chosen_sources_only(base, cg):
    row = "https://w3id.org/casegraph/id/model/llama-3"
    full = cg.query(META, why=True)
    ways = full.why[[r["m"] for r in full.rows].index(row)].alternatives
    left_out = ways[0][0]  # one of the documents that state it
    data = send(base, "get", META, "application/sparql-results+json",
                why="1", **{"exclude-source": left_out}).json()
    rows = [b["m"]["value"] for b in data["results"]["bindings"]]
    support = data[WHY_MEMBER][rows.index(row)]
    assert len(support["alternatives"]) == len(ways) - 1
    assert all(d["graph"] != left_out for way in support["alternatives"] for d in way)


def test_why_is_json_only_and_refuses_what_it_cannot_trace(base, cg):
    # SPARQLWrapper's default asks for XML: a clear 406, not a changed XML document
    xml = send(base, "get", META, "application/sparql-results+xml", why="1")
    assert xml.status_code == 406 and "application/sparql-results+json" in xml.json()["error"]
    assert send(base, "get", META, "text/csv", why="1").status_code == 406
    assert send(base, "get", META, "*/*", why="1").json()[WHY_MEMBER]  # any format will do: JSON
    for untraceable in ("SELECT ?m WHERE { { SELECT ?m WHERE { ?m cg:developedBy ?o } } }",
                        "CONSTRUCT WHERE { ?m cg:developedBy ?o }",
                        f"SELECT ?s FROM <{min(cg.sources())}> WHERE {{ ?s ?p ?o }}"):
        answer = send(base, "get", untraceable, "application/sparql-results+json", why="1")
        with pytest.raises(QueryError) as raised:
            explain(cg, untraceable, None)  # refused before any row is read (cg.query would fetch a FROM)
        # in the request's words: why=1, where Python says why=True and the command line --why
        assert answer.status_code == 400 and answer.json()["error"] == str(raised.value).replace("why=True", "why=1")
        assert "why=1 " in answer.json()["error"]
    named = send(base, "get", META, "application/json", why="1", **{"default-graph-uri": min(cg.sources())})
    assert named.status_code == 400 and "why" in named.json()["error"]


# --- the JSON API ---------------------------------------------------------------------------------------------

def test_json_api_answers_from_the_chosen_sources(base, cg):
    card = httpx.get(base + "/api/entity", params={"name": "al-dahle"})
    assert HEADER not in card.headers
    earlier = httpx.get(base + "/api/entity", params={"name": "al-dahle", "known-on": "2024-12-31"})
    assert earlier.status_code == 200 and HEADER in earlier.headers
    view = cg.view_of(known_on="2024-12-31")
    assert earlier.json() == json.loads(json.dumps(view.describe("al-dahle").to_dict(), default=str))
    assert len(earlier.json()["facts"]) < len(card.json()["facts"])
    paths = httpx.get(base + "/api/path", params={"from": "Mistral AI", "to": "Kadrey v. Meta",
                                                  "min-confidence": "H"}).json()
    strong = cg.view_of(min_confidence="H")
    assert [[h["relation"] for h in p["hops"]] for p in paths] == \
        [[h.relation for h in p.hops] for p in strong.path("Mistral AI", "Kadrey v. Meta")]
    bad = httpx.get(base + "/api/neighbors", params={"name": "Al-Dahle", "method": "guessed"})
    assert bad.status_code == 400 and "method" in bad.json()["error"]


# --- the views kept ---------------------------------------------------------------------------------------------

def test_a_write_through_the_server_drops_the_views_made_before():
    cg = CaseGraph.open()
    graph = next(g for g, ref in cg.sources().items() if ref.url and ref.url != LONE)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with serving(create_app(cg, allow_update=True, token=TOKEN)) as url:
        def counted() -> int:
            answer = send(url, "get", COUNT, "application/json", **{"exclude-source": LONE})
            return count(answer.json())

        before = counted()
        assert counted() == before  # the kept view
        insert = f'INSERT DATA {{ GRAPH <{graph}> {{ <urn:x> rdfs:label "added" }} }}'
        assert httpx.post(url + "/sparql", data={"update": insert}, headers=auth).status_code == 204
        assert counted() == before + 1  # a new view, with the new triple
        assert httpx.delete(url + "/store", params={"graph": graph}, headers=auth).status_code == 204
        assert counted() < before


class _Store:
    def __init__(self):
        self.counter = "1"

    def generation(self) -> str:
        return self.counter


class _Slow:
    """A stand-in for a CaseGraph whose views take ``seconds`` to make; ``made`` counts them."""

    def __init__(self, seconds: float):
        self.seconds, self.made, self._store = seconds, 0, _Store()

    def view_of(self, **criteria):
        time.sleep(self.seconds)
        self.made += 1
        return ("view", tuple(sorted(criteria.items())), self.made)


def test_views_are_shared_kept_a_few_and_made_on_after_a_time_out():
    slow = _Slow(0.3)
    views = Views(slow, size=2)

    async def scenario():
        with pytest.raises(TimeoutError):
            await views.get({"min_confidence": "H"}, 0.05)  # the client is told to come back...
        await asyncio.sleep(0.5)
        first = await views.get({"min_confidence": "H"}, 0.05)  # ...and finds the view made meanwhile
        # two requests for one view while it is made: made once
        both = await asyncio.gather(views.get({"known_on": "2024-01-01"}, 5), views.get({"known_on": "2024-01-01"}, 5))
        assert both[0] is both[1] and slow.made == 2
        assert await views.get({"min_confidence": "H"}, 5) is first and slow.made == 2
        await views.get({"methods": ("curated",)}, 5)  # a third: the least recently used goes
        assert await views.get({"min_confidence": "H"}, 5) is first
        await views.get({"known_on": "2024-01-01"}, 5)
        assert slow.made == 4
        slow._store.counter = "2"  # the store changed: every view is made again
        assert await views.get({"min_confidence": "H"}, 5) is not first
        views.changed()  # a write through the server
        made = slow.made
        await views.get({"min_confidence": "H"}, 5)
        assert slow.made == made + 1

    asyncio.run(scenario())
    views.close()


# --- an Oxigraph store on disk, whose queries run in worker processes ---------------------------------------------

@pytest.mark.slow
def test_serve_on_oxigraph_answers_chosen_sources_and_why_in_process(oxigraph_served):  # noqa: F811
    base, local, _server, _folder = oxigraph_served
    everything = count(send(base, "get", COUNT, "application/json").json())
    # The server's limit is 1 s, about what the first copy of the chosen sources takes here: a 503 says to ask
    # again, and the copy goes on being made meanwhile.
    for _ in range(20):
        strong = send(base, "get", COUNT, "application/json", **{"min-confidence": "H"})
        if strong.status_code != 503:
            break
        assert "ask again" in strong.json()["error"]
        time.sleep(0.5)
    assert strong.status_code == 200 and HEADER in strong.headers
    assert count(strong.json()) == local.view_of(min_confidence="H").query(COUNT).rows[0]["n"] < everything
    data = send(base, "post-form", META, "application/sparql-results+json", why="1").json()
    expected = local.query(META, why=True)
    assert [[g for g, _url in way] for s in data[WHY_MEMBER] for way in documents(s)] == \
        [list(way) for s in expected.why for way in s.alternatives]
