"""casegraph serve: a real uvicorn on a free loopback port, queried by real SPARQL clients and raw HTTP.

Every answer is compared with the Python API's answer to the same query.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO

import httpx
import pytest
from click.testing import CliRunner
from endpoint import serving
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import Result
from SPARQLWrapper import JSON, POST, TURTLE, XML, SPARQLWrapper

from casegraph import CaseGraph
from casegraph.cli import cli
from casegraph.errors import QueryError
from casegraph.server import Limits, create_app

SELECT = "SELECT ?case ?docket WHERE { ?case cg:docketNumber ?docket } ORDER BY ?case"
LABELS = "SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?s ?label"
ASK = "ASK { ?c cg:docketNumber ?d }"
CONSTRUCT = "CONSTRUCT { ?m cg:developedBy ?o } WHERE { ?m cg:developedBy ?o }"
DESCRIBE = "DESCRIBE model:llama-3"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # billions of combinations
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def strict(cg):
    """The same graph behind tight limits: 1 s per query, 5 rows, 2 KiB bodies."""
    with serving(create_app(cg, limits=Limits(seconds=1.0, rows=5, body=2048))) as url:
        yield url


def terms(result: Result) -> list[tuple]:
    return [tuple(row) for row in result]


def plain_bindings(data: dict) -> list[tuple]:
    """SPARQL JSON bindings as comparable tuples (type, value, language, datatype)."""
    names = data["head"]["vars"]
    return [tuple((b[n]["type"].replace("typed-literal", "literal"), b[n]["value"], b[n].get("xml:lang"),
                   b[n].get("datatype")) if n in b else None for n in names) for b in data["results"]["bindings"]]


def json_of(result: Result) -> list[tuple]:
    return plain_bindings(json.loads(result.serialize(format="json")))


# --- clients -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("query", [SELECT, LABELS])
def test_sparqlwrapper_select_equals_the_python_api(base, cg, query):
    client = SPARQLWrapper(base + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(JSON)
    assert plain_bindings(client.query().convert()) == json_of(cg.query(query).raw)
    client.setMethod(POST)
    client.setReturnFormat(XML)
    answered = Result.parse(BytesIO(client.query().response.read()), format="xml")
    assert terms(answered) == terms(cg.query(query).raw)


def test_sparqlwrapper_ask_and_construct(base, cg):
    client = SPARQLWrapper(base + "/sparql")
    client.setQuery(ASK)
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is cg.query(ASK).boolean is True
    client.setQuery(CONSTRUCT)
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.query().convert(), format="turtle")
    assert len(graph) > 0 and isomorphic(graph, cg.query(CONSTRUCT).graph)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_rdflib_sparqlstore_equals_the_python_api(base, cg, method):
    store = SPARQLStore(base + "/sparql", method=method)
    remote = Graph(store=store)
    for query in (SELECT, LABELS):
        assert sorted(terms(remote.query(query))) == sorted(terms(cg.query(query).raw))
    assert remote.query(ASK).askAnswer is True


# --- every form of the protocol, raw HTTP ------------------------------------------------------------------------

def send(base, form, query, accept, **extra):
    url = base + "/sparql"
    if form == "get":
        return httpx.get(url, params={"query": query, **extra}, headers={"Accept": accept})
    if form == "post-form":
        return httpx.post(url, data={"query": query, **extra}, headers={"Accept": accept})
    return httpx.post(url, params=extra, content=query.encode(),
                      headers={"Accept": accept, "Content-Type": "application/sparql-query"})


FORMS = ["get", "post-form", "post-direct"]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("media,parser", [("application/sparql-results+json", "json"),
                                          ("application/sparql-results+xml", "xml"),
                                          ("text/csv", "csv"), ("text/tab-separated-values", "tsv")])
def test_select_in_every_form_and_format(base, cg, form, media, parser):
    answer = send(base, form, LABELS, media)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith(media)
    parsed = Result.parse(BytesIO(answer.content), format=parser)
    expected = cg.query(LABELS).raw
    if parser == "csv":  # CSV drops datatypes and languages: compare the text
        assert [tuple(map(str, r)) for r in parsed] == [tuple(map(str, r)) for r in expected]
    else:
        assert terms(parsed) == terms(expected)


@pytest.mark.parametrize("form", FORMS)
def test_ask_in_every_form(base, form):
    for query, expected in ((ASK, True), ("ASK { ?s cg:noSuchProperty ?o }", False)):
        answer = send(base, form, query, "application/sparql-results+json")
        assert answer.status_code == 200 and answer.json()["boolean"] is expected
        xml = send(base, form, query, "application/sparql-results+xml")
        assert Result.parse(BytesIO(xml.content), format="xml").askAnswer is expected


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE])
@pytest.mark.parametrize("media,parser", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                          ("application/ld+json", "json-ld"), ("application/trig", "trig")])
def test_graph_results_in_every_form_and_format(base, cg, form, query, media, parser):
    answer = send(base, form, query, media)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith(media)
    if parser == "trig":
        graph = Graph()
        for triple in Dataset(default_union=True).parse(data=answer.text, format="trig").triples((None, None, None)):
            graph.add(triple)
    else:
        graph = Graph().parse(data=answer.text, format=parser)
    assert len(graph) > 0 and isomorphic(graph, cg.query(query).graph)


def test_default_and_named_graph_uri(base, cg):
    source = sorted(cg.sources())[0]
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    answer = send(base, "get", count, "application/sparql-results+json", **{"default-graph-uri": source})
    expected = cg.query(count.replace("WHERE", f"WHERE {{ GRAPH <{source}> {{ ?s ?p ?o }} }} #")).rows[0]["n"]
    assert int(answer.json()["results"]["bindings"][0]["n"]["value"]) == expected
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    for form in FORMS:
        answer = send(base, form, graphs, "application/sparql-results+json", **{"named-graph-uri": source})
        assert [b["g"]["value"] for b in answer.json()["results"]["bindings"]] == [source]


def test_from_clauses_use_the_graphs_held_and_fetch_nothing(base, cg):
    source = sorted(cg.sources())[0]
    held = send(base, "get", f"SELECT (COUNT(*) AS ?n) FROM <{source}> WHERE {{ ?s ?p ?o }}", "application/json")
    assert int(held.json()["results"]["bindings"][0]["n"]["value"]) == len(cg.dataset.get_context(URIRef(source)))
    # rdflib alone would download this IRI; the server answers from what it holds (nothing)
    remote = f"{base}/sparql?query=" + urllib.parse.quote("CONSTRUCT WHERE { ?s ?p ?o }")
    outside = send(base, "get", f"SELECT * FROM <{remote}> WHERE {{ ?s ?p ?o }}", "application/json")
    assert outside.status_code == 200 and outside.json()["results"]["bindings"] == []


def test_service_description_at_the_endpoint(base):
    answer = httpx.get(base + "/sparql", headers={"Accept": "text/turtle"})
    assert answer.status_code == 200
    description = Graph().parse(data=answer.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (URIRef(base + "/sparql"), URIRef(sd + "endpoint"), URIRef(base + "/sparql")) in description
    assert len(list(description.objects(None, URIRef(sd + "name")))) > 10
    assert httpx.get(base + "/sparql", headers={"Accept": "text/html"}).text.startswith("<!doctype html>")


# --- safe by default -----------------------------------------------------------------------------------------

def snapshot(cg) -> set:
    return set(cg.dataset.quads((None, None, None, None)))


def test_service_load_and_updates_are_refused_and_change_nothing(base, cg):
    before = snapshot(cg)
    service = httpx.post(base + "/sparql", data={"query":
                         f"SELECT * WHERE {{ SERVICE <{base}/sparql> {{ ?s ?p ?o }} }}"})
    assert service.status_code == 403 and service.json() == {"status": 403, "error": service.json()["error"]}
    assert "SERVICE" in service.json()["error"]
    for update in ("LOAD <file:///etc/passwd>", "INSERT DATA { <urn:x> <urn:y> <urn:z> }"):
        for answer in (httpx.post(base + "/sparql", data={"update": update}),
                       httpx.post(base + "/sparql", content=update,
                                  headers={"Content-Type": "application/sparql-update"}),
                       httpx.get(base + "/sparql", params={"query": update})):
            assert answer.status_code in (403, 405), answer.text
            assert set(answer.json()) == {"error", "status"}
    assert snapshot(cg) == before


def test_updates_need_the_token_and_load_stays_refused():
    cg = CaseGraph.open()
    before = len(cg)
    insert = "INSERT DATA { GRAPH <urn:g> { <urn:x> rdfs:label \"X\" } }"
    with serving(create_app(cg, allow_update=True, token=TOKEN)) as url:
        assert httpx.post(url + "/sparql", data={"update": insert}).status_code == 403
        wrong = httpx.post(url + "/sparql", data={"update": insert}, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 403 and len(cg) == before
        load = httpx.post(url + "/sparql", data={"update": "LOAD <file:///etc/passwd>"},
                          headers={"Authorization": f"Bearer {TOKEN}"})
        assert load.status_code == 403 and "LOAD" in load.json()["error"] and len(cg) == before
        done = httpx.post(url + "/sparql", data={"update": insert}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert done.status_code == 204 and len(cg) == before + 1
        found = httpx.get(url + "/api/entities", params={"name": "X"}).json()
        assert found == {"iri": "urn:x", "label": "X"}


def test_a_long_query_is_stopped_and_the_server_keeps_answering(strict):
    started = time.monotonic()
    answer = httpx.get(strict + "/sparql", params={"query": SLOW}, timeout=30)
    assert answer.status_code == 503 and "limit of 1 s" in answer.json()["error"]
    assert time.monotonic() - started < 5
    quick = httpx.get(strict + "/sparql", params={"query": ASK}, headers={"Accept": "application/json"})
    assert quick.status_code == 200 and quick.json()["boolean"] is True
    for _ in range(50):  # the query's thread was interrupted, not left running
        if not any(t.name == "casegraph-query" for t in threading.enumerate()):
            break
        time.sleep(0.1)
    assert not any(t.name == "casegraph-query" for t in threading.enumerate())


def test_size_limits_and_syntax_errors(strict, cg):
    # more than 5 rows, and quick (sorting every label could pass the 1 s limit on a loaded machine)
    big = httpx.get(strict + "/sparql", params={"query": "SELECT ?case WHERE { ?case a cg:LegalCase }"})
    assert big.status_code == 413 and "limit of 5" in big.json()["error"]
    body = httpx.post(strict + "/sparql", content=("#" * 5000 + "\nASK {}").encode(),
                      headers={"Content-Type": "application/sparql-query"})
    assert body.status_code == 413 and body.json()["status"] == 413
    broken = "SELECT ?s WHERE {\n  ?s ?p \n"
    bad = httpx.get(strict + "/sparql", params={"query": broken})
    with pytest.raises(QueryError) as raised:
        cg.query(broken)
    assert bad.status_code == 400 and bad.json()["error"] == str(raised.value)
    assert bad.json()["error"].startswith("SPARQL syntax error: line 2, column 3:")


# --- viewer and JSON API ---------------------------------------------------------------------------------------

def test_viewer_and_json_api_equal_the_python_api(base, cg):
    viewer = httpx.get(base + "/", timeout=60)
    assert viewer.status_code == 200 and "casegraphMetrics" in viewer.text
    assert httpx.get(base + "/api/entities", params={"name": "llama3"}).json() == \
        {"iri": str(cg.entity("llama3").iri), "label": "Llama 3"}
    card = httpx.get(base + "/api/entity", params={"name": "al-dahle"}).json()
    assert card == json.loads(json.dumps(cg.describe("al-dahle").to_dict(), default=str))
    paths = httpx.get(base + "/api/path", params={"from": "Mistral AI", "to": "Kadrey v. Meta", "k": 2}).json()
    assert [[h["relation"] for h in p["hops"]] for p in paths] == \
        [[h.relation for h in p.hops] for p in cg.path("Mistral AI", "Kadrey v. Meta", k=2)]
    around = httpx.get(base + "/api/neighbors", params={"name": "Al-Dahle", "depth": 2}).json()
    assert [n["iri"] for n in around["nodes"]] == [n for n, *_ in cg.neighbors("Al-Dahle", depth=2).nodes]


@pytest.mark.parametrize("target,status", [("/api/entity?name=Metta", 404), ("/api/path?from=Meta", 400),
                                           ("/api/neighbors?name=Meta&depth=99", 400), ("/nowhere", 404),
                                           ("/sparql?query=SELEC", 400)])
def test_one_error_shape(base, target, status):
    answer = httpx.get(base + target)
    assert answer.status_code == status
    assert answer.json() == {"error": answer.json()["error"], "status": status} and answer.json()["error"]
    assert httpx.put(base + "/sparql").json()["status"] == 405


def test_serve_get_answers_one_request_in_process(cg):
    query = urllib.parse.quote(SELECT)
    result = CliRunner().invoke(cli, ["serve", "--get", f"/sparql?query={query}&format=json"])
    assert result.exit_code == 0
    assert plain_bindings(json.loads(result.output)) == json_of(cg.query(SELECT).raw)
    bad = CliRunner().invoke(cli, ["serve", "--get", "/api/entity?name=Metta"])
    assert bad.exit_code == 2 and json.loads(bad.output)["status"] == 404


def test_concurrent_clients_get_no_error(base, cg):
    expected = json_of(cg.query(SELECT).raw)

    def client(_):
        with httpx.Client() as http:
            return [plain_bindings(http.get(base + "/sparql", params={"query": SELECT},
                                            headers={"Accept": "application/json"}).json()) == expected
                    for _ in range(25)]

    with ThreadPoolExecutor(8) as pool:
        answers = [ok for batch in pool.map(client, range(8)) for ok in batch]
    assert len(answers) == 200 and all(answers)


# --- the query page in chromium ----------------------------------------------------------------------------------

def test_query_page_runs_a_saved_query_offline(base, cg):
    from playwright.sync_api import sync_playwright

    from browser import ARGS, CHROMIUM

    outside, errors = [], []
    profile = tempfile.mkdtemp(prefix="casegraph-chromium-")
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True,
                                                                    args=ARGS)
            try:
                context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                              else (outside.append(route.request.url), route.abort()))
                page = context.new_page()
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.goto(base + "/query")
                page.click("button[data-name=models]")
                page.wait_for_selector("#table", timeout=20000)
                rows = page.eval_on_selector_all("#table tr", "rows => rows.length") - 1
                links = page.eval_on_selector_all("#table a.entity", "links => links.length")
                page.wait_for_selector("#downloads:not([hidden])")
                csv_href = page.get_attribute("#csv", "href")
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert rows == len(cg.saved("models").rows) > 0 and links > 0
    assert csv_href.startswith("blob:")
    assert outside == [] and errors == []


# --- the protocol's edges (issue 16, in part) -----------------------------------------------------------------

def clients_at_their_defaults_get(base: str, cg) -> None:
    """SPARQLWrapper and SPARQLStore, as a user starts them, get the Python API's answer to every query form."""
    # SPARQLWrapper asks for XML results and RDF/XML graphs unless told otherwise; so does rdflib's SPARQLStore.
    for query in (SELECT, ASK, CONSTRUCT, DESCRIBE):
        client = SPARQLWrapper(base + "/sparql")
        client.setQuery(query)
        answer = client.query().convert()  # SELECT and ASK: an XML document; CONSTRUCT and DESCRIBE: a Graph
        if query is ASK:
            assert Result.parse(BytesIO(answer.toxml().encode()), format="xml").askAnswer is True
        elif query is SELECT:
            assert terms(Result.parse(BytesIO(answer.toxml().encode()), format="xml")) == terms(cg.query(SELECT).raw)
        else:
            assert isinstance(answer, Graph) and isomorphic(answer, cg.query(query).graph)
    remote = Graph(store=SPARQLStore(base + "/sparql"))
    assert sorted(terms(remote.query(SELECT))) == sorted(terms(cg.query(SELECT).raw))
    assert remote.query(ASK).askAnswer is True
    for query in (CONSTRUCT, DESCRIBE):
        assert isomorphic(remote.query(query).graph, cg.query(query).graph)


def test_clients_at_their_default_settings_get_every_query_form(base, cg):
    clients_at_their_defaults_get(base, cg)


def test_two_queries_or_a_query_and_an_update_are_refused(base):
    twice = httpx.get(base + "/sparql", params=[("query", ASK), ("query", SELECT)])
    assert twice.status_code == 400 and "2 'query' parameters" in twice.json()["error"]
    form = httpx.post(base + "/sparql", content=f"query={ASK}&query={ASK}",
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert form.status_code == 400
    both = httpx.post(base + "/sparql", data={"query": ASK, "update": "CLEAR ALL"})
    assert both.status_code == 400


def test_a_body_not_in_utf8_is_refused_and_the_connection_stays_open(base):
    # The protocol has queries sent in UTF-8 (the W3C tests send UTF-16 and expect a 4xx); ASCII is a subset.
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=20)

    def post(body: bytes, content_type: str):
        connection.request("POST", "/sparql", body=body, headers={"Content-Type": content_type,
                                                                  "Accept": "application/sparql-results+json"})
        answer = connection.getresponse()
        return answer.status, answer.getheader("connection"), answer.read()

    status, _, body = post(ASK.encode(), "application/sparql-query; charset=US-ASCII")
    assert status == 200 and json.loads(body)["boolean"] is True
    used = connection.sock
    for bad, media, expected in ((ASK.encode("utf-16"), "application/sparql-query; charset=UTF-16", 415),
                                 (ASK.encode("latin-1"), "application/sparql-query; charset=ISO-8859-1", 415),
                                 (ASK.encode(), "application/sparql-query; charset=x-no-such-charset", 415),
                                 (b"ASK { \xe9 }", "application/sparql-query", 400),
                                 ("query=\u00e9".encode("latin-1"), "application/x-www-form-urlencoded", 400)):
        status, closing, body = post(bad, media)
        assert status == expected and set(json.loads(body)) == {"error", "status"}
        assert closing != "close"
    status, _, body = post(ASK.encode(), "application/sparql-query; charset=utf-8")
    assert status == 200 and connection.sock is used  # the same connection answered every request
    connection.close()


def test_an_update_prologue_wins_over_the_built_in_prefixes():
    cg = CaseGraph(store="memory")
    update = ('PREFIX dc: <http://purl.org/dc/terms/>\n'
              'INSERT DATA { GRAPH <urn:g> { <urn:a> dc:title "A" } } ;\n'
              'INSERT DATA { GRAPH <urn:g> { <urn:b> dc:title "B" } }')
    with serving(create_app(cg, allow_update=True, token=TOKEN)) as url:
        done = httpx.post(url + "/sparql", data={"update": update}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert done.status_code == 204, done.text
    assert len(cg.query("SELECT ?s WHERE { ?s dcterms:title ?t }")) == 2


def test_graph_store_protocol_gives_one_sources_graph_in_any_rdf_format(base, cg):
    source = next(g.identifier for g in cg.dataset.graphs() if "graph/" in str(g.identifier) and len(g) > 5)
    expected = cg.dataset.get_context(source)
    for media, parser in (("text/turtle", "turtle"), ("application/n-triples", "nt"),
                          ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")):
        answer = httpx.get(base + "/store", params={"graph": str(source)}, headers={"Accept": media})
        assert answer.status_code == 200 and answer.headers["content-type"].startswith(media)
        assert isomorphic(Graph().parse(data=answer.content, format=parser), expected)
    head = httpx.head(base + "/store", params={"graph": str(source)}, headers={"Accept": "text/turtle"})
    assert head.status_code == 200 and head.content == b"" and int(head.headers["content-length"]) > 0
    assert httpx.get(base + "/store", params={"graph": "urn:no-such-graph"}).status_code == 404
    assert httpx.get(base + "/store").status_code == 400
    assert httpx.get(base + "/store", params={"graph": str(source), "default": ""}).status_code == 400
    # Writes are refused on a read-only server, and change nothing.
    before = snapshot(cg)
    for method in ("PUT", "POST", "DELETE"):
        refused = httpx.request(method, base + "/store", params={"graph": str(source)}, content=b"",
                                headers={"Content-Type": "text/turtle"})
        assert refused.status_code == 403
    assert snapshot(cg) == before


def test_graph_store_protocol_writes_one_graph_whole_with_the_token():
    cg = CaseGraph(store="memory")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    turtle = {"Content-Type": "text/turtle", **auth}
    with serving(create_app(cg, allow_update=True, token=TOKEN)) as url:
        store = url + "/store"
        created = httpx.put(store, params={"graph": "urn:g"}, content=b'<urn:a> <urn:p> "one" .', headers=turtle)
        assert created.status_code == 201 and len(cg.dataset.get_context(URIRef("urn:g"))) == 1
        added = httpx.post(store, params={"graph": "urn:g"}, content=b'<urn:b> <urn:p> "two" .', headers=turtle)
        assert added.status_code == 204 and len(cg.dataset.get_context(URIRef("urn:g"))) == 2
        replaced = httpx.put(store, params={"graph": "urn:g"}, content=b'<urn:c> <urn:p> "three" .', headers=turtle)
        assert replaced.status_code == 204 and len(cg.dataset.get_context(URIRef("urn:g"))) == 1
        assert cg.query('ASK { <urn:c> <urn:p> "three" }').boolean  # queries see the change
        bad = httpx.put(store, params={"graph": "urn:g"}, content=b"<urn:c> <urn:p", headers=turtle)
        assert bad.status_code == 400 and len(cg.dataset.get_context(URIRef("urn:g"))) == 1  # nothing lost
        assert httpx.put(store, params={"graph": "urn:g"}, content=b"x",
                         headers={"Content-Type": "text/turtle"}).status_code == 403  # no token
        assert httpx.put(store, params={"default": ""}, content=b"", headers=turtle).status_code == 400
        assert httpx.delete(store, params={"graph": "urn:g"}, headers=auth).status_code == 204
        assert len(cg.dataset.get_context(URIRef("urn:g"))) == 0
        assert httpx.delete(store, params={"graph": "urn:g"}, headers=auth).status_code == 404


def test_sparql_update_store_at_its_defaults_writes_named_graphs():
    from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

    cg = CaseGraph(store="memory")
    with serving(create_app(cg, allow_update=True, token=TOKEN)) as url:
        store = SPARQLUpdateStore(url + "/sparql", url + "/sparql", headers={"Authorization": f"Bearer {TOKEN}"})
        remote = Dataset(store=store)
        graph = remote.graph(URIRef("urn:g"))
        graph.add((URIRef("urn:a"), URIRef("urn:p"), URIRef("urn:b")))
        graph.add((URIRef("urn:a"), URIRef("urn:p"), URIRef("urn:c")))
        assert len(cg.dataset.get_context(URIRef("urn:g"))) == 2  # the server's graph has them
        graph.remove((URIRef("urn:a"), URIRef("urn:p"), URIRef("urn:b")))
        assert set(cg.dataset.get_context(URIRef("urn:g"))) == {(URIRef("urn:a"), URIRef("urn:p"), URIRef("urn:c"))}
        assert set(graph.objects(URIRef("urn:a"), URIRef("urn:p"))) == {URIRef("urn:c")}  # read back by the client
        # A triple without a graph would have no source: refused with 400 and a reason, nothing written.
        refused = httpx.post(url + "/sparql", data={"update": 'INSERT DATA { <urn:x> <urn:p> "x" }'},
                             headers={"Authorization": f"Bearer {TOKEN}"})
        assert refused.status_code == 400 and "default graph is the union" in refused.json()["error"]
        assert not cg.query("ASK { <urn:x> ?p ?o }").boolean


# --- serve on an Oxigraph store on disk: Oxigraph's engine in worker processes ----------------------------------

@pytest.fixture(scope="module")
def oxigraph_served(tmp_path_factory):
    """The bundled data in an oxigraph:PATH store, served read-only by a `casegraph serve` process (1 s per
    query, 200 rows per answer), and the same store opened read-only here."""
    import subprocess
    import sys

    from casegraph.resources import source_files

    folder = tmp_path_factory.mktemp("served")
    store = f"oxigraph:{folder / 'store'}"
    CaseGraph.open(source_files(), store=store).close()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "casegraph", "--store", store, "serve", "--port", str(port),
                               "--timeout", "1", "--max-rows", "200"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):  # bounded wait for start-up
        try:
            httpx.get(base + "/sparql", params={"query": "ASK {}"}, timeout=2)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    local = CaseGraph.open(store=store, read_only=True)
    yield base, local, server.pid, folder / "store"
    local.close()
    server.terminate()
    server.wait(30)


def test_serve_on_oxigraph_answers_with_its_engine_as_the_python_api_does(oxigraph_served):
    base, local, server, folder = oxigraph_served
    clients_at_their_defaults_get(base, local)
    for media, parser in (("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/trig", "trig")):
        answer = httpx.get(base + "/sparql", params={"query": CONSTRUCT}, headers={"Accept": media})
        assert answer.headers["content-type"].startswith(media)
        assert isomorphic(Graph().parse(data=answer.content, format=parser), local.query(CONSTRUCT).graph)
    # The answers came from worker processes of the server, each with the store open read-only (each holder of
    # the store leaves a note under its pid).
    def parent(pid: str) -> int:
        return int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[1])

    workers = [n.name for n in (folder / "casegraph-open").iterdir() if os.path.exists(f"/proc/{n.name}")]
    assert sum(parent(pid) == server for pid in workers) >= 2


def test_serve_on_oxigraph_stops_a_runaway_query_and_keeps_answering(oxigraph_served):
    base, _local, _server, _folder = oxigraph_served
    started = time.monotonic()
    slow = httpx.get(base + "/sparql", params={"query": SLOW}, timeout=60)
    assert slow.status_code == 503 and "stopped" in slow.json()["error"]
    assert time.monotonic() - started < 20  # stopped near its limit, not run to its end
    assert httpx.get(base + "/sparql", params={"query": ASK}).json()["boolean"] is True
    many = httpx.get(base + "/sparql", params={"query": LABELS})  # more than 200 rows
    assert many.status_code == 413 and "add a LIMIT" in many.json()["error"]
    wrong = httpx.get(base + "/sparql", params={"query": "SELECT ?x WHERE { ?x nope:p ?y }"})
    assert wrong.status_code == 400
