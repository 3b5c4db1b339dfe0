"""Stores: the same questions give the same answers in memory, in an Oxigraph store on disk and in a real
SPARQL server (Oxigraph's, started on loopback), and a load killed half-way never leaves half a graph.

Answers are compared as sets of rows: rdflib's union default graph is a set and Oxigraph's a bag (a triple two
sources state matches twice), which the README's "SPARQL servers" section explains.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pyoxigraph
import pytest

from casegraph import CaseGraph
from casegraph.errors import InputError
from casegraph.query import saved_queries
from casegraph.resources import source_files
from casegraph.stores import JOURNAL, StoreSpec

#: a value for each parameter the saved queries take
PARAMS = {"speaker": "Al-Dahle", "case": "Kadrey v. Meta", "company": "Meta", "dataset": "LibGen",
          "defendant": "OpenAI", "developer": "Meta", "mentions": "Mistral AI",
          "url": "https://www.aibase.com/fr/news/14716"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    """A real Oxigraph SPARQL server (the `oxigraph` package's binary) on loopback, read-write, empty."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path_factory.mktemp("server")),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"oxigraph serve stopped: {process.stderr.read().decode()}")
            time.sleep(0.1)
    yield f"sparql:{base}/query,{base}/update"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module", params=["oxigraph:PATH", "Oxigraph server"])
def on_disk(request, tmp_path_factory):
    """The bundled data loaded into an Oxigraph store on disk, and into a real SPARQL server."""
    if request.param == "oxigraph:PATH":
        store = f"oxigraph:{tmp_path_factory.mktemp('store') / 'kadrey'}"
    else:
        store = request.getfixturevalue("oxigraph_server")
    cg = CaseGraph.open(source_files(), store=store)
    yield cg
    cg.close()


#: the columns the saved queries fill with GROUP_CONCAT, and their separators: SPARQL leaves the order of the
#: concatenated values to the engine, so they are compared as sets
CONCATENATED = {"assertedBy": "; ", "sources": " ", "judges": "; ", "caseStatus": " | ", "caseNames": " | "}


def rows(result):
    def cell(name, value):
        if name in CONCATENATED and isinstance(value, str):
            return sorted(value.split(CONCATENATED[name]))
        return value

    return {json.dumps({k: cell(k, v) for k, v in row.items()}, sort_keys=True, default=str) for row in result.rows}


@pytest.mark.parametrize("name", sorted(saved_queries()))
@pytest.mark.parametrize("with_params", [False, True], ids=["all", "with-params"])
def test_every_saved_query_answers_the_same_in_memory_and_on_disk(bundled, on_disk, name, with_params):
    params = {p.name: PARAMS[p.name] for p in saved_queries()[name].params} if with_params else {}
    expected = rows(bundled.saved(name, **params))
    assert expected or params  # a question with no answer at all proves nothing
    assert rows(on_disk.saved(name, **params)) == expected


def test_the_facade_reads_the_same_on_disk(bundled, on_disk):
    assert len(on_disk) == len(bundled)
    assert on_disk.stats() == bundled.stats()
    assert on_disk.entity("llama3") == bundled.entity("llama3")
    assert on_disk.describe("Al-Dahle").to_dict() == bundled.describe("Al-Dahle").to_dict()
    assert [s.to_dict() for s in on_disk.statements(speaker="Al-Dahle")] == \
        [s.to_dict() for s in bundled.statements(speaker="Al-Dahle")]
    assert [m for m in on_disk.timeline(case="Kadrey v. Meta")] == [m for m in bundled.timeline(case="Kadrey v. Meta")]
    assert [p.to_dict() for p in on_disk.path("Mistral AI", "Kadrey v. Meta", k=2)] == \
        [p.to_dict() for p in bundled.path("Mistral AI", "Kadrey v. Meta", k=2)]
    assert on_disk.validate().conforms
    assert on_disk.export("nquads") == bundled.export("nquads")


def test_inferring_and_ingesting_write_into_the_store(tmp_path):
    store = f"oxigraph:{tmp_path / 'store'}"
    cg = CaseGraph.open(source_files(), store=store)
    report = cg.infer()
    assert report.derived["competition rule"] >= 2
    cg.ingest(Path(__file__).parent / "data" / "ingest" / "article-en.txt", accept=True)
    quads = len(cg)
    cg.close()
    again = CaseGraph(store=store)  # what was written is there when the store is opened again
    assert len(again) == quads
    assert {r["competitor"] for r in again.query(
        "SELECT ?competitor WHERE { person:ahmad-al-dahle ?p ?o . "
        "organization:meta-platforms cg:competesWith ?competitor }").rows} >= {
        "https://w3id.org/casegraph/id/organization/openai"}


def test_a_store_name_that_means_nothing_is_refused():
    with pytest.raises(InputError, match="expected memory, oxigraph:PATH or sparql:QUERY_URL"):
        StoreSpec.parse("postgres://localhost/db")


def test_cli_load_then_query_the_store(run, tmp_path):
    store = f"oxigraph:{tmp_path / 'store'}"
    loaded = run("--store", store, "load", *source_files()[:5])
    assert loaded.exit_code == 0, loaded.stderr
    assert "from 5 files" in loaded.stdout
    counted = run("--store", store, "query", "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                  "--format", "csv")
    assert counted.stdout.splitlines()[1] == "5"
    refused = run("--store", store, "--data", source_files()[0], "stats")
    assert refused.exit_code == 2 and "use: casegraph --store STORE load FILES" in refused.stderr
    memory = run("load", source_files()[0])
    assert memory.exit_code == 2 and "give --store" in memory.stderr
    missing = run("--store", store, "load", tmp_path / "nosuch.trig")
    assert missing.exit_code == 2 and missing.stderr == f"casegraph: error: {tmp_path / 'nosuch.trig'}: no such file\n"


def test_a_load_killed_half_way_leaves_whole_graphs_only(tmp_path):
    """SIGKILL a load of three files at several moments: the store opens each time and holds whole graphs."""
    sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
    from synthetic import Generator

    files = []
    for n, size in enumerate((40_000, 40_000, 40_000)):
        path = tmp_path / f"part-{n}.nq"
        with path.open("w", encoding="utf-8") as out:
            Generator(size, seed=n).write(out)
        files.append(path)
    # The generated files reuse graph names (each numbers its sources from 0), and a load replaces a graph
    # whole: a graph may hold any one file's version of it, never a mix or a part.
    versions = [Counter(quad.graph_name.value for quad in
                        set(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS))) for path in files]
    whole = {graph: {version[graph] for version in versions if graph in version}
             for version in versions for graph in version}
    last = {graph: n for version in versions for graph, n in version.items()}
    command = [sys.executable, "-m", "casegraph", "--store", f"oxigraph:{tmp_path / 'store'}", "load", *files]
    outcomes = set()
    for delay in (0.5, 1.5, 3.0, 60.0):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            process.wait(timeout=delay)
            outcomes.add("finished")
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            outcomes.add("killed")
        cg = CaseGraph(store=f"oxigraph:{tmp_path / 'store'}")
        sizes = {str(g): n for g, n in cg.query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").raw}
        assert str(JOURNAL) not in sizes
        for graph, count in sizes.items():
            assert int(count) in whole[graph], f"{graph} holds {count} quads; whole versions: {whole[graph]}"
        cg.close()
    assert "killed" in outcomes and "finished" in outcomes
    assert {g: int(n) for g, n in sizes.items()} == last  # the last, unhurried load finished the job



def test_sparql_update_on_disk_keeps_the_union_in_step(tmp_path):
    # The endpoint's --allow-update writes with SPARQL Update: what it inserts or deletes in a named graph
    # must show in union queries, as it does in memory.
    with CaseGraph.open(source_files()[:2], store=f"oxigraph:{tmp_path / 'store'}") as cg:
        ask = "SELECT ?l WHERE { <https://example.org/x> rdfs:label ?l }"
        cg.dataset.update('INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/x> rdfs:label "X" } }')
        assert cg.query(ask).rows == [{"l": "X"}]
        cg.dataset.update('DELETE DATA { GRAPH <https://example.org/g> { <https://example.org/x> rdfs:label "X" } }')
        assert cg.query(ask).rows == []


def test_ingest_accept_writes_into_a_persistent_store(run, tmp_path):
    store = f"oxigraph:{tmp_path / 'store'}"
    assert run("--store", store, "load", *source_files()).exit_code == 0
    article = Path(__file__).parent / "data" / "ingest" / "article-fr.txt"
    accepted = run("--store", store, "ingest", article, "--url", "https://example.org/fr", "--accept")
    assert accepted.exit_code == 0, accepted.stderr
    assert "added https://w3id.org/casegraph/id/graph/" in accepted.stderr
    said = run("--store", store, "statements", "--speaker", "Zuckerberg")
    assert "https://example.org/fr" in said.stdout
