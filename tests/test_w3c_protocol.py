"""The W3C SPARQL 1.1 Protocol tests, against a real ``casegraph serve`` process.

Each of the 34 cases of the protocol manifest (w3c/rdf-tests, ``sparql/sparql11/protocol/manifest.ttl``) is
written here again as the requests it sends and the answer it expects: a status class, and for queries the kind
of answer (a boolean, a table, RDF) and its value. The server runs on the manifest's data (data0 to data3, each
graph typing its own IRI as a ``foaf:Document``; the manifest names those files but does not spell them out),
on the memory store and on Oxigraph (in memory and on disk): read-only, where every update case must be refused with 403, and with
``--allow-update``, where every case must pass. All requests of a run go over one keep-alive connection, which
no answer may close.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from io import BytesIO
from typing import Callable
from urllib.parse import quote

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.query import Result

pytestmark = pytest.mark.slow

DATA = "http://kasei.us/2009/09/sparql/data/"
TOKEN = "w3c-protocol-token"


def iri(n: int) -> str:
    return f"{DATA}data{n}.rdf"


def q(text: str) -> str:
    """Percent-encoded as the manifest's URLs are."""
    return quote(text, safe="")


@dataclass
class Call:
    """One request of a case and what its answer must be."""

    method: str
    path: str
    body: bytes | None = None
    content_type: str | None = None
    expect: str = "2xx"  # or "4xx"; the manifest's "2xx or 3xx" is met by a 2xx here
    boolean: bool | None = None
    kind: str | None = None  # "boolean", "tabular" or "RDF"
    check: Callable[[Result], bool] | None = field(default=None, repr=False)


def post(path: str, body: str | bytes, content_type: str | None, **expected) -> Call:
    return Call("POST", path, body.encode() if isinstance(body, str) else body, content_type, **expected)


QUERY, UPDATE, FORM = "application/sparql-query", "application/sparql-update", "application/x-www-form-urlencoded"
TRUE = {"boolean": True, "kind": "boolean"}
DATA0 = f"/sparql/?default-graph-uri={q(iri(0))}"
BOTH_TYPED = f"ASK {{ <{iri(1)}> a ?type . <{iri(2)}> a ?type . }}"
NAMED_TYPED = f"ASK {{ GRAPH ?g1 {{ <{iri(1)}> a ?type }} GRAPH ?g2 {{ <{iri(2)}> a ?type }} }}"
PREFIXES = "PREFIX dc: <http://purl.org/dc/terms/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
THREE_DOCUMENTS = "".join(f"  GRAPH <{iri(n)}> {{ <{iri(n)}> a foaf:Document }}\n" for n in (1, 2, 3))


def typed_in(graph: str, yes: tuple[int, ...], no: int) -> str:
    """ASK that ``graph`` types the ``yes`` documents as dc:BibliographicResource and not document ``no``."""
    bib = "<http://purl.org/dc/terms/BibliographicResource>"
    return (f"ASK {{ GRAPH <{graph}> {{ " + " ".join(f"<{iri(n)}> a {bib} ." for n in yes) + " } "
            f"FILTER NOT EXISTS {{ GRAPH <{graph}> {{ <{iri(no)}> a {bib} }} }} }}")


def not_relative(result: Result) -> bool:
    """update_base_uri: one row, ``?o`` an absolute IRI (the relative ``<test>`` resolved against a base)."""
    rows = list(result)
    return len(rows) == 1 and isinstance(rows[0][0], URIRef) and rows[0][0] != URIRef("test") \
        and "://" in str(rows[0][0])


CASES: dict[str, list[Call]] = {
    "query_post_form": [post(DATA0, "query=ASK%20%7B%7D", FORM, **TRUE)],
    "query_dataset_default_graphs_get": [
        Call("GET", f"/sparql/?query={q(BOTH_TYPED)}&default-graph-uri={q(iri(1))}&default-graph-uri={q(iri(2))}",
             **TRUE)],
    "query_dataset_default_graphs_post": [
        post(f"/sparql/?default-graph-uri={q(iri(1))}&default-graph-uri={q(iri(2))}", BOTH_TYPED, QUERY, **TRUE)],
    "query_dataset_named_graphs_post": [
        post(f"/sparql/?named-graph-uri={q(iri(1))}&named-graph-uri={q(iri(2))}", NAMED_TYPED, QUERY, **TRUE)],
    "query_dataset_named_graphs_get": [
        Call("GET", f"/sparql/?query={q(NAMED_TYPED)}&named-graph-uri={q(iri(1))}&named-graph-uri={q(iri(2))}",
             **TRUE)],
    "query_dataset_full": [
        post(f"/sparql/?default-graph-uri={q(iri(3))}&named-graph-uri={q(iri(1))}&named-graph-uri={q(iri(2))}",
             f"ASK {{\n  <{iri(3)}> a ?type\n  GRAPH ?g1 {{ <{iri(1)}> a ?type }}\n"
             f"  GRAPH ?g2 {{ <{iri(2)}> a ?type }}\n}}", QUERY, **TRUE)],
    # The manifest's URL percent-encodes the "&" between the two named-graph-uri parameters, which makes them
    # one parameter naming a graph that does not exist; the case as its author runs it (w3c/rdf-tests issue
    # 78) names data1 and data2, and checks that they, not the query's FROM, make the dataset.
    "query_multiple_dataset": [
        post(f"/sparql/?named-graph-uri={q(iri(1))}&named-graph-uri={q(iri(2))}",
             f"ASK FROM <{iri(3)}> {{ GRAPH ?g1 {{ <{iri(1)}> a ?type }} GRAPH ?g2 {{ <{iri(2)}> a ?type }} }}",
             QUERY, **TRUE)],
    "query_get": [Call("GET", f"/sparql/?query=ASK%20%7B%7D&default-graph-uri={q(iri(0))}", **TRUE)],
    "query_content_type_select": [post(DATA0, "SELECT (1 AS ?value) {}", QUERY, kind="tabular",
                                       check=lambda r: [tuple(row) for row in r] == [(Literal(1),)])],
    "query_content_type_ask": [post(DATA0, "ASK {}", QUERY, kind="boolean")],
    "query_content_type_describe": [post(DATA0, "DESCRIBE <http://example.org/>", QUERY, kind="RDF")],
    "query_content_type_construct": [post(DATA0, "CONSTRUCT { <s> <p> 1 } WHERE {}", QUERY, kind="RDF",
                                          check=lambda g: len(g) == 1)],
    "update_dataset_default_graph": [
        post(f"/sparql/?using-graph-uri={q(iri(1))}",
             PREFIXES + f"CLEAR ALL ;\nINSERT DATA {{ GRAPH <{iri(1)}> {{ <{iri(1)}> a foaf:Document }} }} ;\n"
             "INSERT { GRAPH <http://example.org/protocol-update-dataset-test/> { ?s a dc:BibliographicResource } }\n"
             "WHERE { ?s a foaf:Document }", UPDATE),
        post("/sparql/", "ASK { GRAPH <http://example.org/protocol-update-dataset-test/> { "
                         f"<{iri(1)}> a <http://purl.org/dc/terms/BibliographicResource> }} }}", QUERY, **TRUE)],
    "update_dataset_default_graphs": [
        post(f"/sparql/?using-graph-uri={q(iri(1))}&using-graph-uri={q(iri(2))}",
             PREFIXES + f"DROP ALL ;\nINSERT DATA {{\n{THREE_DOCUMENTS}}} ;\n"
             "INSERT { GRAPH <http://example.org/protocol-update-dataset-graphs-test/> "
             "{ ?s a dc:BibliographicResource } }\n"
             "WHERE { ?s a foaf:Document }", UPDATE),
        post("/sparql/", typed_in("http://example.org/protocol-update-dataset-graphs-test/", (1, 2), 3), QUERY,
             **TRUE)],
    "update_dataset_named_graphs": [
        post(f"/sparql/?using-named-graph-uri={q(iri(1))}&using-named-graph-uri={q(iri(2))}",
             PREFIXES + f"DROP ALL ;\nINSERT DATA {{\n{THREE_DOCUMENTS}}} ;\n"
             "INSERT { GRAPH <http://example.org/protocol-update-dataset-named-graphs-test/> "
             "{ ?s a dc:BibliographicResource } }\nWHERE { GRAPH ?g { ?s a foaf:Document } }", UPDATE),
        post("/sparql/", typed_in("http://example.org/protocol-update-dataset-named-graphs-test/", (1, 2), 3),
             QUERY, **TRUE)],
    "update_dataset_full": [
        post(f"/sparql/?using-graph-uri={q(iri(1))}&using-named-graph-uri={q(iri(2))}",
             PREFIXES + f"DROP ALL ;\nINSERT DATA {{\n{THREE_DOCUMENTS}}} ;\n"
             "INSERT { GRAPH <http://example.org/protocol-update-dataset-full-test/> "
             "{ ?s <http://example.org/in> ?in } }\n"
             "WHERE { { GRAPH ?g { ?s a foaf:Document } BIND(?g AS ?in) }\n"
             "  UNION { ?s a foaf:Document . BIND(\"default\" AS ?in) } }", UPDATE),
        post("/sparql/", "ASK { GRAPH <http://example.org/protocol-update-dataset-full-test/> { "
                         f"<{iri(1)}> <http://example.org/in> \"default\" . "
                         f"<{iri(2)}> <http://example.org/in> <{iri(2)}> . }} "
                         "FILTER NOT EXISTS { GRAPH <http://example.org/protocol-update-dataset-full-test/> { "
                         f"<{iri(3)}> ?p ?o }} }} }}", QUERY, **TRUE)],
    "update_post_form": [post("/sparql/", "update=CLEAR+ALL", FORM)],
    "update_post_direct": [post("/sparql/", "CLEAR ALL", UPDATE)],
    "update_base_uri": [
        post("/sparql/", "CLEAR GRAPH <http://example.org/protocol-base-test/> ;\nINSERT DATA { GRAPH "
                         "<http://example.org/protocol-base-test/> { <http://example.org/s> <http://example.org/p> "
                         "<test> } }", UPDATE),
        post("/sparql/", "SELECT ?o WHERE { GRAPH <http://example.org/protocol-base-test/> { "
                         "<http://example.org/s> <http://example.org/p> ?o } }", QUERY, kind="tabular",
             check=not_relative)],
    "query_post_direct": [post("/sparql/", "ASK {}", QUERY, **TRUE)],
    "bad_query_method": [Call("PUT", f"/sparql/?query=ASK%20%7B%7D&default-graph-uri={q(iri(0))}", b"", FORM,
                              expect="4xx")],
    "bad_multiple_queries": [Call("GET", "/sparql/?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D", expect="4xx")],
    "bad_query_wrong_media_type": [post("/sparql/", "ASK {}", "text/plain", expect="4xx")],
    "bad_query_missing_form_type": [post("/sparql/", "query=ASK%20%7B%7D", None, expect="4xx")],
    "bad_query_missing_direct_type": [post("/sparql/", "ASK {}", None, expect="4xx")],
    "bad_query_non_utf8": [post("/sparql/", "ASK {}".encode("utf-16"), QUERY + "; charset=UTF-16", expect="4xx")],
    "bad_query_syntax": [Call("GET", "/sparql/?query=ASK%20%7B", expect="4xx")],
    "bad_update_get": [Call("GET", "/sparql/?update=CLEAR%20ALL", expect="4xx")],
    "bad_multiple_updates": [post("/sparql/", "update=CLEAR%20NAMED&update=CLEAR%20DEFAULT", FORM, expect="4xx")],
    "bad_update_wrong_media_type": [post("/sparql/", "CLEAR NAMED", "text/plain", expect="4xx")],
    "bad_update_missing_form_type": [post("/sparql/", "update=CLEAR%20NAMED", None, expect="4xx")],
    "bad_update_non_utf8": [post("/sparql/", "CLEAR NAMED".encode("utf-16"), UPDATE + "; charset=UTF-16",
                                 expect="4xx")],
    "bad_update_syntax": [post("/sparql/", "update=CLEAR%20XYZ", FORM, expect="4xx")],
    "bad_update_dataset_conflict": [
        post("/sparql/?using-named-graph-uri=http%3A%2F%2Fexample%2Fpeople",
             "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nWITH <http://example/addresses>\n"
             "DELETE { ?person foaf:givenName 'Bill' }\nINSERT { ?person foaf:givenName 'William' }\n"
             "WHERE { ?person foaf:givenName 'Bill' }", UPDATE, expect="4xx")],
}
#: the cases that change the data: refused (403) by a read-only server
UPDATES = {"update_dataset_default_graph", "update_dataset_default_graphs", "update_dataset_named_graphs",
           "update_dataset_full", "update_post_form", "update_post_direct", "update_base_uri"}


def test_the_manifest_has_34_cases():
    assert len(CASES) == 34 and UPDATES <= set(CASES)


# --- a real server -------------------------------------------------------------------------------------------

def manifest_data() -> str:
    """data0 to data3 as TriG: each in the graph of its own IRI, typed as a foaf:Document."""
    return "".join(f"<{iri(n)}> {{ <{iri(n)}> a <http://xmlns.com/foaf/0.1/Document> . }}\n" for n in range(4))


class Server:
    """``casegraph --data DATA serve`` in its own process, reached over one keep-alive connection."""

    def __init__(self, folder, store: str, *extra: str):
        data = folder / "protocol-data.trig"
        data.write_text(manifest_data(), encoding="utf-8")
        with socket.socket() as probe:  # a free port for the child to bind
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        command = [sys.executable, "-m", "casegraph"]
        if store == "oxigraph:PATH":  # a store on disk, loaded first; read-only, its queries go to workers
            store = f"oxigraph:{folder / 'store'}"
            subprocess.run([*command, "--store", store, "load", str(data)], check=True, capture_output=True)
        else:
            command += ["--data", str(data)]
        self.process = subprocess.Popen(
            [*command, "serve", "--port", str(self.port), *extra],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "CASEGRAPH_STORE": store})
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                assert self.process.poll() is None, self.process.stderr.read().decode()
                time.sleep(0.1)
        else:
            raise AssertionError("casegraph serve did not start in 60 s")
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        self.socket = None

    def send(self, call: Call, headers: dict[str, str]) -> tuple[int, str, bytes]:
        sent = dict(headers)
        if call.content_type:
            sent["Content-Type"] = call.content_type
        self.connection.request(call.method, call.path, body=call.body, headers=sent)
        answer = self.connection.getresponse()
        body = answer.read()
        assert answer.getheader("connection") != "close", "the server closed the connection"
        if self.socket is None:
            self.socket = self.connection.sock
        assert self.connection.sock is self.socket, "the connection was opened again"
        return answer.status, answer.getheader("content-type", ""), body

    def stop(self) -> None:
        self.connection.close()
        self.process.terminate()
        self.process.wait(15)


#: rdflib's store; Oxigraph's in memory (whose updates go through casegraph's own view of it); and Oxigraph's on
#: disk, whose read-only server answers with Oxigraph's engine in worker processes
STORES = ["memory", "oxigraph", "oxigraph:PATH"]


@pytest.fixture(scope="module", params=STORES)
def read_only(request, tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("read-only"), request.param)
    yield server
    server.stop()


@pytest.fixture(scope="module", params=STORES)
def updatable(request, tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("updatable"), request.param, "--allow-update", "--token", TOKEN)
    yield server
    server.stop()


# --- the answers -------------------------------------------------------------------------------------------

RESULT_PARSERS = {"application/sparql-results+json": "json", "application/sparql-results+xml": "xml",
                  "text/csv": "csv", "text/tab-separated-values": "tsv"}
RDF_PARSERS = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
               "application/ld+json": "json-ld", "application/trig": "trig"}


def read_answer(call: Call, media: str, body: bytes):
    media = media.split(";")[0].strip()
    if call.kind == "RDF":
        assert media in RDF_PARSERS, media
        return Graph().parse(data=body, format=RDF_PARSERS[media])
    assert media in RESULT_PARSERS, media
    result = Result.parse(BytesIO(body), format=RESULT_PARSERS[media])
    assert (result.type == "ASK") == (call.kind == "boolean")
    return result


def run_case(server: Server, name: str, headers: dict[str, str]) -> None:
    for number, call in enumerate(CASES[name], start=1):
        status, media, body = server.send(call, headers)
        where = f"{name}, request {number}: {status} {body[:300]!r}"
        if call.expect == "4xx":
            assert 400 <= status < 500, where
            assert set(json.loads(body)) == {"error", "status"}, where
            continue
        assert 200 <= status < 300, where
        if call.kind is None:
            continue
        answer = read_answer(call, media, body)
        if call.boolean is not None:
            assert answer.askAnswer is call.boolean, where
        if call.check is not None:
            assert call.check(answer), where


@pytest.mark.parametrize("name", list(CASES))
def test_read_only_server(read_only, name):
    """Every query case passes and every update case is refused with 403, with no token or with one."""
    if name in UPDATES:
        for call in CASES[name]:
            if call.content_type in (UPDATE, FORM):
                for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}):
                    status, _, body = read_only.send(call, headers)
                    assert status == 403 and b"read-only" in body, (name, status, body)
        return
    run_case(read_only, name, {})


@pytest.mark.parametrize("name", list(CASES))
def test_server_with_updates(updatable, name):
    run_case(updatable, name, {"Authorization": f"Bearer {TOKEN}"})
