"""One result protocol: every result type has to_dict(), a short repr, an HTML table for notebooks, and (when
tabular) to_pandas() with typed columns; the CLI's --json and the server print to_dict()."""

from __future__ import annotations

import json
import re
import sys
from datetime import date

import pandas as pd
import pytest
from rdflib import RDF, RDFS, XSD, Literal, URIRef

from casegraph import CaseGraph, Source
from casegraph.analysis.algorithms import Community, Hop, Neighbourhood, Path, Ranked
from casegraph.conflicts import Conflict, ConflictReport, Reading
from casegraph.errors import CaseGraphError
from casegraph.facts import SourceRef
from casegraph.ingest import Ingestion, Mention
from casegraph.results import HTML_ROWS, Communities, MissingExtraError, Paths, Ranking, Statements, Timeline
from casegraph.server import create_app, get
from casegraph.timeline import Moment
from casegraph.validation import ValidationReport, ValidationResult
from casegraph.vocab import CG

SCRIPT = "<script>alert(1)</script>"
ID = "https://w3id.org/casegraph/id/"


@pytest.fixture(scope="module")
def hostile() -> CaseGraph:
    """A tiny graph whose labels and words are markup: a person labelled SCRIPT employed by a company, a dated
    statement of theirs, and an event dated to the month whose only source has a javascript: URL."""
    cg = CaseGraph()
    person, firm = URIRef(ID + "person/evil"), URIRef(ID + "organization/acme")
    said, event = URIRef(ID + "statement/evil-1"), URIRef(ID + "event/evil-1")
    cg.add([(person, RDF.type, CG.Person), (person, RDFS.label, Literal(SCRIPT)),
            (firm, RDF.type, CG.Company), (firm, RDFS.label, Literal("Acme </script><b>bold</b>")),
            (person, CG.employedBy, firm),
            (said, RDF.type, CG.Statement), (said, CG.speaker, person), (said, CG.text, Literal(SCRIPT, lang="en")),
            (said, CG.date, Literal("2024-01-02", datatype=XSD.date))],
           source=Source(url="https://example.org/a?x=1&y=<2>", publisher="Example <Pub>", language="en"))
    cg.add([(event, RDF.type, CG.Event), (event, RDFS.label, Literal(SCRIPT)),
            (event, CG.date, Literal("2024-03", datatype=XSD.gYearMonth))],
           source=Source(url="javascript:alert(1)", publisher="Evil", language="en"))
    return cg


def hostile_results(cg: CaseGraph) -> dict:
    """One result of every type, each showing a hostile label somewhere."""
    reading = Reading(SCRIPT, SCRIPT, [SourceRef("urn:g", "javascript:alert(1)", SCRIPT)])
    return {
        "query": cg.query("SELECT ?x ?label WHERE { ?x rdfs:label ?label } ORDER BY ?label"),
        "describe": cg.describe(SCRIPT),
        "statements": cg.statements(speaker=SCRIPT),
        "timeline": cg.timeline(),
        "path": cg.path(SCRIPT, "Acme </script><b>bold</b>")[0],
        "paths": cg.path(SCRIPT, "Acme </script><b>bold</b>"),
        "neighbors": cg.neighbors(SCRIPT),
        "rank": cg.rank("degree"),
        "communities": cg.communities(),
        "conflicts": ConflictReport([Conflict(ID + "x", SCRIPT, str(CG.filedOn), "filed on", [reading])]),
        "validation": ValidationReport(False, (ValidationResult(ID + "x", SCRIPT, "cg:filedOn", SCRIPT, "MinCount",
                                                                "Violation"),)),
        "ingestion": Ingestion(Source(url="https://example.org/b", publisher="Example", language="en"), "0" * 64, 30,
                               None, mentions=[Mention(SCRIPT, 0, 25, ID + "person/evil", SCRIPT, "person")]),
    }


@pytest.fixture(scope="module")
def results(hostile) -> dict:
    return hostile_results(hostile)


TYPES = ["query", "describe", "statements", "timeline", "path", "paths", "neighbors", "rank", "communities",
         "conflicts", "validation", "ingestion"]


# --- to_dict ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", TYPES)
def test_to_dict_is_json_that_keeps_the_hostile_text_as_it_is(results, kind):
    data = results[kind].to_dict()
    text = json.dumps(data)  # no default=: every value is JSON already
    assert json.loads(text) == data
    assert "</script>" in json.dumps(data, ensure_ascii=False)


def test_to_dict_round_trips_the_essentials(bundled):
    kadrey = bundled.describe("Kadrey v. Meta")
    data = json.loads(json.dumps(kadrey.to_dict()))
    assert (data["iri"], data["label"], len(data["facts"])) == (kadrey.iri, kadrey.label, len(kadrey.facts))
    filed = next(f for f in data["facts"] if f["predicate"] == str(CG.filedOn))
    assert filed["value"] == "2023-07-07" and filed["sources"][0]["url"].startswith("https://")

    moments = bundled.timeline(case="Kadrey v. Meta")
    assert [Moment(**{**m, "sources": tuple(m["sources"])}) for m in moments.to_dict()] == list(moments)

    ranked = bundled.rank("degree", top=5)
    assert [Ranked(**r) for r in ranked.to_dict()] == list(ranked)
    groups = bundled.communities()
    assert [Community(c["name"], [(m["iri"], m["label"]) for m in c["members"]]) for c in groups.to_dict()] == \
        list(groups)
    [path] = bundled.path("Mistral AI", "Kadrey v. Meta")
    data = path.to_dict()
    assert (data["start"], data["end"], data["length"]) == ("Mistral AI", "Kadrey v. Meta", len(path))
    assert [h["objectLabel"] for h in data["hops"]] == [h.object_label for h in path.hops]
    ego = bundled.neighbors("Al-Dahle")
    assert [n["iri"] for n in ego.to_dict()["nodes"]] == [n for n, *_ in ego.nodes]
    report = bundled.validate()
    assert report.to_dict()["conforms"] is report.conforms
    conflicts = bundled.conflicts()
    assert conflicts.to_dict()["counts"]["unexplained"] == 0
    result = bundled.query("SELECT ?case ?filed WHERE { ?case cg:filedOn ?filed } ORDER BY ?filed")
    assert result.to_dict()[0] == {k: v.isoformat() if isinstance(v, date) else v for k, v in result.rows[0].items()}
    assert bundled.query("ASK { ?s ?p ?o }").to_dict() == {"boolean": True}


def test_to_dict_carries_the_sources_of_each_item_asked_why(bundled):
    moments = bundled.timeline(case="Kadrey v. Meta", why=True)
    first = moments.to_dict()[0]
    assert first["_why"]["alternatives"][0][0]["url"] in moments[0].sources
    views = bundled.statements(speaker="Al-Dahle", why=True)
    assert all("_why" in v for v in views.to_dict())
    rows = bundled.query("SELECT ?case WHERE { ?case cg:filedOn ?filed } LIMIT 2", why=True).to_dict()
    assert all(row["_why"]["alternatives"] for row in rows)


def test_list_results_stay_lists(bundled):
    for found in (bundled.timeline(), bundled.statements(), bundled.rank(top=3), bundled.communities(),
                  bundled.path("Mistral AI", "Kadrey v. Meta")):
        assert isinstance(found, list) and list(found) == found[:]
    assert isinstance(bundled.statements(), Statements) and isinstance(bundled.timeline(), Timeline)
    assert isinstance(bundled.rank(top=3), Ranking) and isinstance(bundled.communities(), Communities)
    assert isinstance(bundled.path("Mistral AI", "Kadrey v. Meta"), Paths)
    assert CaseGraph().timeline() == []


# --- repr ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", TYPES)
def test_repr_is_one_short_line_naming_the_type(results, kind):
    text = repr(results[kind])
    assert "\n" not in text and len(text) <= 120
    assert text.startswith(f"<{type(results[kind]).__name__}") and text.endswith(">")


def test_repr_says_the_count_and_the_span(bundled):
    moments = bundled.timeline(case="Kadrey v. Meta")
    assert re.fullmatch(rf"<Timeline: {len(moments)} moments, 2023-07-07 … \d{{4}}(-\d\d)*>", repr(moments))
    assert repr(bundled.describe("Kadrey v. Meta")).startswith("<Description: Kadrey v. Meta (legal case), ")
    assert repr(bundled.query("ASK { ?s ?p ?o }")) == "<QueryResult: ASK: yes>"
    assert repr(bundled.rank("degree", top=5)).startswith("<Ranking: 5 entities: ")
    assert repr(bundled.validate()).startswith("<ValidationReport: conforms")


# --- HTML ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", TYPES)
def test_html_is_a_table_that_shows_markup_as_text(results, kind):
    page = results[kind]._repr_html_()
    assert "<table>" in page and "<th>" in page
    assert "<script" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript' not in page


def test_html_links_only_http_sources(results):
    page = results["describe"]._repr_html_()
    assert '<a href="https://example.org/a?x=1&amp;y=&lt;2&gt;"' in page
    timeline = results["timeline"]._repr_html_()
    assert "javascript:alert(1)" in timeline and 'href="javascript:' not in timeline


@pytest.mark.parametrize("make", [
    lambda cg: cg.timeline(),
    lambda cg: cg.describe("Kadrey v. Meta"),
    lambda cg: cg.query("SELECT ?s ?o WHERE { ?s rdfs:label ?o }"),
    lambda cg: cg.rank("degree", top=60),
    lambda cg: Statements(cg.statements() * 3),
], ids=["timeline", "describe", "query", "rank", "statements"])
def test_html_stops_after_fifty_rows_and_counts_the_rest(bundled, make):
    found = make(bundled)
    rows = len(found._rows())
    assert rows > HTML_ROWS
    page = found._repr_html_()
    assert page.count("<tr>") == 1 + HTML_ROWS + 1  # the heading, the rows shown, the count
    assert f"… {rows - HTML_ROWS} more row" in page


# --- pandas -------------------------------------------------------------------------------------------------

def test_timeline_frame_has_typed_dates_and_sources(bundled):
    frame = bundled.timeline(case="Kadrey v. Meta").to_pandas()
    assert list(frame.columns) == ["date", "date_text", "kind", "label", "case", "what", "sources"]
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert frame.loc[0, "date"] == pd.Timestamp("2023-07-07") and frame.loc[0, "date_text"] == "2023-07-07"
    assert all(isinstance(s, list) and s and all(u.startswith("http") for u in s) for s in frame["sources"])


def test_partial_dates_are_kept_as_text_beside_a_missing_timestamp(hostile):
    frame = hostile.timeline().to_pandas()
    month = frame[frame.date_text == "2024-03"]
    assert len(month) == 1 and pd.isna(month["date"].iloc[0])
    day = frame[frame.date_text == "2024-01-02"]
    assert day["date"].iloc[0] == pd.Timestamp("2024-01-02")


def test_query_frame_converts_literals(bundled):
    frame = bundled.query("""
        SELECT ?case ?filed (COUNT(?p) AS ?n) (1.5 AS ?x) (true AS ?yes) WHERE {
          ?case cg:filedOn ?filed ; ?p ?o } GROUP BY ?case ?filed ORDER BY ?filed""").to_pandas()
    assert str(frame.dtypes["n"]) == "Int64" and frame.dtypes["x"] == "float64"
    assert str(frame.dtypes["yes"]) == "boolean"
    assert pd.api.types.is_datetime64_any_dtype(frame["filed"])  # some cases are dated to the month: as text
    assert frame.loc[frame.filed_text == "2023-07-07", "filed"].iloc[0] == pd.Timestamp("2023-07-07")
    assert pd.isna(frame.loc[frame.filed_text == "2022-11", "filed"].iloc[0])
    assert pd.api.types.is_string_dtype(frame["case"]) and frame["case"].str.startswith("https://").all()
    assert bundled.query("ASK { ?s ?p ?o }").to_pandas().loc[0, "boolean"]
    triples = bundled.query("CONSTRUCT { ?c cg:filedOn ?d } WHERE { ?c cg:filedOn ?d }").to_pandas()
    assert list(triples.columns) == ["subject", "predicate", "object"]


def test_query_frame_with_why_has_sources(bundled):
    frame = bundled.query("SELECT ?case WHERE { ?case cg:filedOn ?filed } LIMIT 3", why=True).to_pandas()
    assert all(s and s[0].startswith("http") for s in frame["sources"])


def test_describe_frame_has_typed_dates_sources_and_publishers(bundled):
    frame = bundled.describe("Kadrey v. Meta").to_pandas()
    for column in ("date", "since", "until"):
        assert pd.api.types.is_datetime64_any_dtype(frame[column]) and f"{column}_text" in frame
    filed = frame[frame.predicate == str(CG.filedOn)].iloc[0]
    assert filed["value"] == date(2023, 7, 7)
    assert all(isinstance(s, list) and s for s in frame["sources"])
    assert any(p for p in frame["publishers"])


def test_every_tabular_result_has_typed_columns(bundled):
    ranked = bundled.rank("degree", top=5).to_pandas()
    assert str(ranked.dtypes["rank"]) == "Int64" and ranked.dtypes["score"] == "float64"
    groups = bundled.communities().to_pandas()
    assert str(groups.dtypes["size"]) == "Int64" and groups["size"].sum() > 0
    hops = bundled.path("Mistral AI", "Kadrey v. Meta", k=2).to_pandas()
    assert list(hops["path"].unique()) == [1, 2] and str(hops.dtypes["inferred"]) == "boolean"
    ego = bundled.neighbors("Al-Dahle").to_pandas()
    assert str(ego.dtypes["distance"]) == "Int64"
    said = bundled.statements(speaker="Al-Dahle").to_pandas()
    assert pd.api.types.is_datetime64_any_dtype(said["date"]) and said["text"].notna().all()
    assert len(bundled.conflicts().to_pandas()) == len(bundled.conflicts().conflicts)
    assert list(bundled.validate().to_pandas().columns)[:2] == ["severity", "focus_label"]
    found = bundled.ingest(text="Mistral AI and Meta Platforms Inc. were named.", lang="en").to_pandas()
    assert str(found.dtypes["start"]) == "Int64" and list(found["finding"]) == ["mention", "mention"]


def test_an_empty_result_gives_an_empty_frame_with_its_columns():
    frame = Timeline().to_pandas()
    assert frame.empty and "date" in frame and pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert repr(Timeline()) == "<Timeline: 0 moments>"


def test_without_pandas_the_error_names_the_extra(bundled, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError) as caught:
        bundled.timeline().to_pandas()
    message = str(caught.value)
    assert isinstance(caught.value, CaseGraphError) and "\n" not in message
    assert "pip install 'casegraph[pandas]'" in message


# --- the CLI and the server print to_dict() -----------------------------------------------------------------------

@pytest.mark.parametrize("args,make", [
    (["describe", "Kadrey v. Meta"], lambda cg: cg.describe("Kadrey v. Meta")),
    (["describe", "Al-Dahle", "--why"], lambda cg: cg.describe("Al-Dahle", why=True)),
    (["timeline", "--case", "Kadrey v. Meta"], lambda cg: cg.timeline(case="Kadrey v. Meta")),
    (["timeline", "--from", "2025", "--why"], lambda cg: cg.timeline(start="2025", why=True)),
    (["statements", "--speaker", "Al-Dahle"], lambda cg: cg.statements(speaker="Al-Dahle")),
    (["path", "Mistral AI", "Kadrey v. Meta", "-k", "2"], lambda cg: cg.path("Mistral AI", "Kadrey v. Meta", k=2)),
    (["path", "Mistral AI", "Kadrey v. Meta", "--why"], lambda cg: cg.path("Mistral AI", "Kadrey v. Meta", why=True)),
    (["rank", "--top", "5"], lambda cg: cg.rank(top=5)),
    (["neighbors", "Al-Dahle"], lambda cg: cg.neighbors("Al-Dahle")),
], ids=["describe", "describe-why", "timeline", "timeline-why", "statements", "path", "path-why", "rank",
        "neighbors"])
def test_cli_json_is_to_dict(run, bundled, args, make):
    printed = run(*args, "--json")
    assert printed.exit_code == 0, printed.stderr
    # (PageRank's scores are sums of floats: two runs may differ in their last digits)
    assert rounded(json.loads(printed.stdout)) == rounded(json.loads(json.dumps(make(bundled).to_dict())))


def rounded(data, digits: int = 12):
    """``data`` (JSON) with every float rounded to ``digits`` places."""
    if isinstance(data, float):
        return round(data, digits)
    if isinstance(data, list):
        return [rounded(item, digits) for item in data]
    if isinstance(data, dict):
        return {key: rounded(value, digits) for key, value in data.items()}
    return data


def test_cli_query_json_is_to_dict(run, bundled):
    text = "SELECT ?case ?filed WHERE { ?case cg:filedOn ?filed } ORDER BY ?filed"
    printed = run("query", text, "--format", "json")
    assert json.loads(printed.stdout) == bundled.query(text).to_dict()


def test_server_api_is_to_dict(bundled):
    app = create_app(bundled)
    status, _headers, body = get(app, "/api/entity?name=Kadrey%20v.%20Meta")
    assert status == 200 and json.loads(body) == bundled.describe("Kadrey v. Meta").to_dict()
    status, _headers, body = get(app, "/api/path?from=Mistral%20AI&to=Kadrey%20v.%20Meta")
    assert status == 200 and json.loads(body) == bundled.path("Mistral AI", "Kadrey v. Meta").to_dict()
    status, _headers, body = get(app, "/api/neighbors?name=Al-Dahle")
    assert status == 200 and json.loads(body) == bundled.neighbors("Al-Dahle").to_dict()


def test_hand_built_results_work_too():
    hop = Hop("a", "A", "p", "knows", "b", "B", ("https://x",))
    path = Path("A", "B", (hop,))
    assert repr(path) == "<Path: A → B, 1 hop>"
    assert path.to_pandas().loc[0, "sources"] == ["https://x"]
    assert repr(Neighbourhood("a", 1)) == "<Neighbourhood: 0 entities within 1 hop of a>"
