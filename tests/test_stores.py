"""Stores: the same questions give the same answers in memory, in an Oxigraph store on disk and in real
SPARQL servers started on loopback (Oxigraph's, plain and with a union default graph, and Virtuoso), and a
load killed half-way never leaves half a graph.

Answers are compared as sets of rows: rdflib's union default graph is a set and Oxigraph's a bag (a triple two
sources state matches twice), which docs/stores.md explains.
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
from rdflib import BNode, Literal, URIRef

from casegraph import CaseGraph
from casegraph.errors import InputError
from casegraph.query import saved_queries
from casegraph.resources import source_files
from casegraph.stores import JOURNAL, StoreSpec

#: a value for each parameter the saved queries take
PARAMS = {"speaker": "Al-Dahle", "case": "Kadrey v. Meta", "company": "Meta", "dataset": "LibGen",
          "defendant": "OpenAI", "developer": "Meta", "mentions": "Mistral AI",
          "url": "https://www.aibase.com/fr/news/14716", "months": "6",
          "stage": "discovery"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    """Wait until ``url`` answers, failing with the server's log if the server stops first."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{process.args[0]} did not start: {log.read_text()[-2000:]}") from None
            time.sleep(0.2)


def start_oxigraph(folder: Path, *flags: str):
    """A real Oxigraph SPARQL server (the `oxigraph` package's binary) on loopback, read-write, empty."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    port, log = free_port(), folder / "server.log"
    process = subprocess.Popen([binary, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}",
                                *flags], stdout=subprocess.DEVNULL, stderr=log.open("w"))
    base = f"http://127.0.0.1:{port}"
    wait_for(f"{base}/query?query=ASK%7B%7D", process, log)
    return process, f"sparql:{base}/query,{base}/update"


#: a Virtuoso of its own for the tests: files in one folder, both ports on loopback
VIRTUOSO_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = ., {folder}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 5

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


def start_virtuoso(folder: Path):
    """Debian's Virtuoso (virtuoso-opensource-7-bin, which .ci/run installs) on loopback, with SPARQL Update
    granted to its anonymous endpoint user, as a site that lets casegraph write would."""
    binary = shutil.which("virtuoso-t")
    assert binary, "these tests need Virtuoso: apt-get install virtuoso-opensource-7-bin (.ci/run does)"
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(folder=folder, sql_port=sql_port, http_port=http_port))
    log = folder / "virtuoso.log"
    process = subprocess.Popen([binary, "-c", str(ini), "-f"], cwd=folder, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{http_port}"
    wait_for(f"{base}/sparql?query=ASK%7B%7D", process, log)
    subprocess.run(["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba", 'exec=grant SPARQL_UPDATE to "SPARQL";'],
                   check=True, capture_output=True, timeout=60)
    return process, f"sparql:{base}/sparql,{base}/sparql"


SERVERS = {"Oxigraph server": lambda folder: start_oxigraph(folder),
           "Oxigraph server, union default graph": lambda folder: start_oxigraph(folder, "--union-default-graph"),
           "Virtuoso": start_virtuoso}


@pytest.fixture(scope="module", params=["oxigraph", "oxigraph:PATH", *SERVERS])
def on_disk(request, tmp_path_factory):
    """The bundled data loaded into Oxigraph in memory and on disk, and into each real SPARQL server."""
    process = None
    if request.param == "oxigraph":
        store = "oxigraph"
    elif request.param == "oxigraph:PATH":
        store = f"oxigraph:{tmp_path_factory.mktemp('store') / 'kadrey'}"
    else:
        process, store = SERVERS[request.param](tmp_path_factory.mktemp("server"))
    cg = CaseGraph.open(source_files(), store=store)
    yield cg
    cg.close()
    if process is not None:
        process.terminate()
        process.wait(timeout=30)


#: the columns the saved queries fill with GROUP_CONCAT, and their separators: SPARQL leaves the order of the
#: concatenated values to the engine, so they are compared as sets
CONCATENATED = {"assertedBy": "; ", "sources": " ", "judges": "; ", "caseStatus": " | ", "caseNames": " | ",
                "parties": "; ", "outcomes": "; ", "suitNames": " | ", "works": ", ", "dockets": " | "}


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
    assert on_disk.describe("Mark A. Lemley").to_dict() == bundled.describe("Mark A. Lemley").to_dict()  # roles
    assert on_disk.conflicts().to_dict() == bundled.conflicts().to_dict()
    assert [s.to_dict() for s in on_disk.statements(speaker="Al-Dahle")] == \
        [s.to_dict() for s in bundled.statements(speaker="Al-Dahle")]
    assert [m for m in on_disk.timeline(case="Kadrey v. Meta")] == [m for m in bundled.timeline(case="Kadrey v. Meta")]
    assert [p.to_dict() for p in on_disk.path("Mistral AI", "Kadrey v. Meta", k=2)] == \
        [p.to_dict() for p in bundled.path("Mistral AI", "Kadrey v. Meta", k=2)]
    assert on_disk.validate().conforms
    assert on_disk.export("nquads") == bundled.export("nquads")
    assert projected(on_disk) == projected(bundled)


def projected(cg, **options):
    """A projection's nodes and edges with all their attributes, in an order that does not depend on the store."""
    G = cg.project(**options)
    return (sorted(json.dumps([n, d], sort_keys=True) for n, d in G.nodes(data=True)),
            sorted(json.dumps([u, v, k, d], sort_keys=True) for u, v, k, d in G.edges(keys=True, data=True)))


RELATIONS = """@prefix cg: <https://w3id.org/casegraph/ontology#> . @prefix x: <https://e.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://e.org/g1> {
  x:a cg:mentions x:b, "a literal where an IRI belongs" ; rdfs:label "A \\"quoted\\"\\tname"@en, "Un nom"@fr .
  _:blank rdfs:label "blank" ; cg:mentions x:b .
  x:b a cg:Person ; rdfs:label "B" ; cg:employedBy x:c .
}
<https://e.org/g2> { x:a cg:mentions x:b . x:c a cg:Organization ; rdfs:label "C é" . }
"""


@pytest.mark.parametrize("kind", ["oxigraph", "oxigraph:PATH"])
def test_the_projection_reads_relations_as_plain_strings_as_memory_does(tmp_path, kind):
    # On Oxigraph the relations are read as TSV and split in bulk: an answer holding a literal or a blank node
    # where an IRI belongs goes the careful way, and either way the projection is the one rdflib's store gives.
    data = tmp_path / "relations.trig"
    data.write_text(RELATIONS, encoding="utf-8")
    store = "oxigraph" if kind == "oxigraph" else f"oxigraph:{tmp_path / 'store'}"
    with CaseGraph.open([data]) as memory, CaseGraph.open([data], store=store) as other:
        for lang in ("en", "fr"):
            expected = projected(memory, lang=lang)
            assert projected(other, lang=lang) == expected
        G = other.project()
        assert sorted(G.edges(keys=False)) == [("https://e.org/a", "https://e.org/b"),
                                               ("https://e.org/b", "https://e.org/c")]
        assert G.nodes["https://e.org/a"]["label"] == 'A "quoted"\tname'
        assert G.edges["https://e.org/a", "https://e.org/b", "https://w3id.org/casegraph/ontology#mentions"][
            "graphs"] == ("https://e.org/g1", "https://e.org/g2")
        assert other.project(lang="fr").nodes["https://e.org/a"]["label"] == "Un nom"


@pytest.fixture(params=["oxigraph:PATH", *SERVERS])
def empty_store(request, tmp_path):
    """An empty store of each kind: its name."""
    if request.param == "oxigraph:PATH":
        yield f"oxigraph:{tmp_path / 'store'}"
        return
    process, store = SERVERS[request.param](tmp_path)
    yield store
    process.terminate()
    process.wait(timeout=30)


def test_inferring_and_ingesting_write_into_the_store(empty_store):
    store = empty_store
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
    with pytest.raises(InputError, match="expected memory, oxigraph, oxigraph:PATH or sparql:QUERY_URL"):
        StoreSpec.parse("postgres://localhost/db")


def test_oxigraph_in_memory_reads_files_at_each_run_like_memory(run, tmp_path):
    assert not StoreSpec.parse("oxigraph").persistent and StoreSpec.parse("oxigraph:x").persistent
    on_oxigraph = run("--store", "oxigraph", "stats")
    assert on_oxigraph.exit_code == 0, on_oxigraph.stderr
    assert on_oxigraph.stdout == run("stats").stdout
    mine = run("--store", "oxigraph", "--data", source_files()[0], "query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
               "--format", "csv")
    assert mine.stdout == run("--data", source_files()[0], "query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                              "--format", "csv").stdout
    bad = tmp_path / "bad.nq"
    bad.write_text('<https://e.org/a> <https://e.org/b> "c" <https://e.org/g> .\n<https://e.org/a> <https://e.org/b> .\n')
    with CaseGraph.open(source_files()[:1], store="oxigraph") as cg:
        before = len(cg)
        with pytest.raises(Exception, match="bad.nq"):
            cg.load(bad)
        assert len(cg) == before  # a bad file is refused before anything of it is written


XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
TERMS = """@prefix x: <https://e.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://e.org/g> {
  x:a x:v "plain", "typed"^^xsd:string, "tagged"@fr, 7, 2.5, 1.5e3, true, "2024-03-05"^^xsd:date,
          "2024-03-05T10:00:00Z"^^xsd:dateTime, "odd"^^x:unit, "line\\none \\"quoted\\"", x:b, [ x:v "inside" ] .
  x:c x:v 1 .
}
"""


def test_oxigraph_answers_every_kind_of_term_as_memory_does(tmp_path):
    # Oxigraph's solutions are read without rdflib (plain values straight from its terms): each kind of term
    # must come out as rdflib's memory store gives it, in rows, in rdflib terms and in CONSTRUCT and ASK. (Both
    # stores write numbers in a canonical form, not always the same one: Oxigraph reads 2.50 as 2.5. And RDF 1.1
    # has one term for "x" and "x"^^xsd:string, which rdflib's memory store tells apart.)
    def term(t):
        if isinstance(t, BNode):
            return "_:b"
        return Literal(str(t)).n3() if isinstance(t, Literal) and t.datatype == XSD_STRING else t and t.n3()

    data = tmp_path / "terms.trig"
    data.write_text(TERMS, encoding="utf-8")
    select = "SELECT ?s ?o ?inner WHERE { ?s <https://e.org/v> ?o OPTIONAL { ?o <https://e.org/v> ?inner } }"
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }"
    with CaseGraph.open([data]) as memory, CaseGraph.open([data], store="oxigraph") as oxigraph:
        def answers(cg):
            result = cg.query(select)
            blank = {str(t) for row in result.raw for t in row if isinstance(t, BNode)}  # labels differ by store
            rows = sorted(json.dumps({k: "_:b" if v in blank else v for k, v in row.items()}, default=repr)
                          for row in result.rows)
            terms = sorted(tuple(term(t) for t in row) for row in result.raw)
            triples = sorted(tuple(term(t) for t in triple) for triple in cg.query(construct).graph)
            nothing = cg.query("SELECT ?x WHERE { OPTIONAL { ?x <https://e.org/none> ?y } }")  # binds nothing
            return rows, terms, triples, cg.query("ASK { ?s ?p 7 }").boolean, nothing.rows, len(nothing.raw)

        expected = answers(memory)
        assert len(expected[0]) == 15 and "_:b" in expected[0][0] and expected[3] is True
        assert answers(oxigraph) == expected


@pytest.mark.parametrize("kind", ["memory", "oxigraph", "oxigraph:PATH", "Oxigraph server"])
def test_a_quad_file_with_triples_outside_its_graphs_loads_them_into_a_graph_named_after_it(tmp_path, kind):
    # Not into the default graph, which holds the union in every store but memory: every store agrees.
    mixed = tmp_path / "mixed.trig"
    mixed.write_text("<https://e.org/a> <https://e.org/b> <https://e.org/c> .\n"
                     "<https://e.org/g> { <https://e.org/a> <https://e.org/b> <https://e.org/d> . }\n")
    graphs = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    process, store = None, kind
    if kind == "oxigraph:PATH":
        store = f"oxigraph:{tmp_path / 'store'}"
    elif kind in SERVERS:
        process, store = SERVERS[kind](tmp_path)
    try:
        with CaseGraph.open([mixed], store=store) as cg:
            assert cg.query(graphs).rows == [{"g": mixed.resolve().as_uri(), "n": 1},
                                             {"g": "https://e.org/g", "n": 1}]
            assert len(cg.query("SELECT * WHERE { ?s ?p ?o }").rows) == 2
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)


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


def test_loads_compact_the_store_once_enough_quads_were_written(run, tmp_path, monkeypatch):
    # Bulk writes leave overlapping files that slow every scan down until the store is compacted: the loads
    # tally what they wrote, and the one that passes the threshold compacts, answers the same, and says so.
    from casegraph.stores import oxigraph

    files = source_files()[:6]
    monkeypatch.setattr(oxigraph, "COMPACT_AFTER", 100)
    store = tmp_path / "store"
    reports = []
    for part in (files[:1], files[1:3], files[3:]):
        with CaseGraph.open(store=f"oxigraph:{store}") as cg:
            reports.append(cg.load(*part).last_load)
    tallies = [r.quads for r in reports]
    assert tallies[0] < 100 <= tallies[0] + tallies[1], tallies  # the first two loads cross the threshold
    assert [r.compacted for r in reports] == [False, True, tallies[2] >= 100]
    with CaseGraph.open(store=f"oxigraph:{store}", read_only=True) as cg, CaseGraph.open(files) as memory:
        assert cg.export("nquads") == memory.export("nquads")
    said = run("--store", f"oxigraph:{tmp_path / 'other'}", "load", *files)
    assert "compacting the store for faster reads at the end" in said.stdout


@pytest.mark.parametrize("kind", ["oxigraph:PATH", "Oxigraph server"])
def test_a_load_killed_half_way_leaves_whole_graphs_only(tmp_path, kind):
    """SIGKILL a load of three files at several moments: the store opens each time and holds whole graphs,
    and its union (what queries without GRAPH read) is that of the graphs it holds."""
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
    server = None
    if kind == "oxigraph:PATH":
        store = f"oxigraph:{tmp_path / 'store'}"
    else:
        server, store = start_oxigraph(tmp_path)
    try:
        command = [sys.executable, "-m", "casegraph", "--store", store, "load", *files]
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
            cg = CaseGraph(store=store)
            sizes = {str(g): n for g, n in cg.query(
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").raw}
            assert str(JOURNAL) not in sizes
            for graph, count in sizes.items():
                assert int(count) in whole[graph], f"{graph} holds {count} quads; whole versions: {whole[graph]}"
            union = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
            distinct = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
            assert cg.query(union).rows == cg.query(distinct).rows
            cg.close()
    finally:  # the server goes, whatever the assertions found
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
    assert "killed" in outcomes and "finished" in outcomes
    assert {g: int(n) for g, n in sizes.items()} == last  # the last, unhurried load finished the job



def test_sparql_update_keeps_the_union_in_step(empty_store):
    # The endpoint's --allow-update writes with SPARQL Update (cg.update): what it inserts or deletes in a
    # named graph must show in union queries, as it does in memory.
    with CaseGraph.open(source_files()[:2], store=empty_store) as cg:
        ask = "SELECT ?l WHERE { <https://example.org/x> rdfs:label ?l }"
        cg.update('INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/x> rdfs:label "X" } }')
        assert cg.query(ask).rows == [{"l": "X"}]
        # The WHERE reads only the graph the request names (the protocol's using-graph-uri).
        copy = ("INSERT { GRAPH <https://example.org/copy> { ?s <https://example.org/copied> ?l } } "
                "WHERE { ?s rdfs:label ?l }")
        cg.update(copy, using=["https://example.org/g"])
        copied = cg.query("SELECT ?s ?c WHERE { ?s <https://example.org/copied> ?c }").rows
        assert copied == [{"s": "https://example.org/x", "c": "X"}]
        cg.update('DELETE DATA { GRAPH <https://example.org/g> { <https://example.org/x> rdfs:label "X" } }')
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


def test_a_server_refusing_a_query_or_out_of_reach_gives_one_line(run, tmp_path):
    server, store = start_oxigraph(tmp_path)
    try:
        refused = run("--store", store, "query", "SELECT ?x WHERE {\n ?x ?y }")
        assert refused.exit_code == 2
        assert refused.stderr.startswith("casegraph: error: SPARQL query failed: http://127.0.0.1:")
        assert " answered 400: " in refused.stderr and "2:9" in refused.stderr  # the server's words, the user's line
        assert refused.stderr.count("\n") == 1
    finally:
        server.terminate()
        server.wait(timeout=10)
    gone = run("--store", store, "stats")
    assert gone.exit_code == 2 and gone.stderr.count("\n") == 1
    assert gone.stderr.startswith(f"casegraph: error: store {store.split(',')[0]}: cannot reach the server (")


def test_no_module_outside_the_stores_package_asks_which_back_end_it_holds():
    # Back-ends are chosen by name inside casegraph.stores; the rest of casegraph talks to the Store interface.
    import re

    import casegraph

    package = Path(casegraph.__file__).parent
    for path in package.rglob("*.py"):
        if path.parent.name == "stores":
            continue
        text = path.read_text(encoding="utf-8")
        # (extras.py names the package only to say which extra installs it)
        assert not re.search(r"^\s*(import|from) (pyoxigraph|oxrdflib)\b", text, re.M), path
        assert not re.search(r"\bstore\.kind\b|\bspec\.kind\b|store_kind|\._inner\b", text), path


def test_readers_share_a_store_with_serve_and_a_writer_says_who_holds_it(run, tmp_path):
    folder = tmp_path / "store"
    store = f"oxigraph:{folder}"
    assert run("--store", store, "load", *source_files()[:3]).exit_code == 0
    port = free_port()
    log = tmp_path / "serve.log"
    server = subprocess.Popen([sys.executable, "-m", "casegraph", "--store", store, "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=log.open("w"))
    try:
        wait_for(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", server, log)
        # Readers beside the server: a command, and the Python API.
        counted = run("--store", store, "query", "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                      "--format", "csv")
        assert counted.exit_code == 0 and counted.stdout.splitlines()[1] == "3", counted.stderr
        with CaseGraph.open(store=store, read_only=True) as cg:
            assert len(cg) > 0
            with pytest.raises(InputError, match="read-only"):
                cg.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }")
        # A writer cannot have the folder while the server reads it, and says who does.
        refused = run("--store", store, "load", source_files()[3])
        assert refused.exit_code == 2
        assert f"process {server.pid}" in refused.stderr and "serve" in refused.stderr, refused.stderr
        assert urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D").status == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert run("--store", store, "load", source_files()[3]).exit_code == 0  # the server gone, the writer may
    missing = run("--store", f"oxigraph:{tmp_path / 'nothing-here'}", "stats")
    assert missing.exit_code == 2 and "no store there" in missing.stderr


def test_the_projection_is_kept_beside_the_store_while_its_generation_holds(tmp_path):
    import networkx as nx

    from casegraph import Source
    from casegraph.analysis import project

    store = f"oxigraph:{tmp_path / 'store'}"
    CaseGraph.open(source_files()[:4], store=store).close()
    cache = tmp_path / "store" / "casegraph-cache"
    with CaseGraph.open(store=store, read_only=True) as cg:
        built = cg.project()
        kept = list(cache.glob("projection-*.marshal"))
        assert len(kept) == 1
    with CaseGraph.open(store=store, read_only=True) as cg:  # another run: read back, the same graph
        again = cg.project()
        assert nx.utils.graphs_equal(again, built) and again.edges == built.edges
        assert again is not built and list(cache.glob("projection-*.marshal")) == kept
    # A write moves the generation: the kept file no longer answers, and the new projection shows the write.
    new = URIRef("https://example.org/id/organization/newco")
    meta = URIRef("https://w3id.org/casegraph/id/organization/meta")
    with CaseGraph.open(store=store) as cg:
        cg.add([(new, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("NewCo")),
                (new, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                 URIRef("https://w3id.org/casegraph/ontology#Company")),
                (new, URIRef("https://w3id.org/casegraph/ontology#competesWith"), meta)],
               source=Source(url="https://example.org/newco", publisher="Example", language="en"))
    with CaseGraph.open(store=store, read_only=True) as cg:
        after = cg.project()
        assert after.has_edge(str(new), str(meta)) and not built.has_node(str(new))
        assert nx.utils.graphs_equal(after, project(cg))  # what was kept is what projecting gives
        assert [p.name for p in cache.glob("projection-*.marshal")] != [p.name for p in kept]  # the old one went
    # A damaged file is projected again, not trusted.
    (damaged,) = cache.glob("projection-*.marshal")
    damaged.write_bytes(b"\x00not marshal")
    with CaseGraph.open(store=store, read_only=True) as cg:
        assert nx.utils.graphs_equal(cg.project(), after)


def test_bad_store_names_and_oxigraph_syntax_errors_get_one_short_line(run, tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_text("not a store", encoding="utf-8")
    refused = run("--store", f"oxigraph:{a_file}", "load", source_files()[0])
    assert refused.exit_code == 2 and refused.stderr.strip().endswith("that is a file, not a store's folder")
    store = f"oxigraph:{tmp_path / 'store'}"
    assert run("--store", store, "load", source_files()[0]).exit_code == 0
    wrong = run("--store", store, "query", "SELECT ?x WHERE { ?x nope:p ?y }")
    assert wrong.exit_code == 2 and wrong.stderr.startswith("casegraph: error: SPARQL syntax error: line 1, column 28:")
    assert len(wrong.stderr.splitlines()) == 1 and len(wrong.stderr) < 220
