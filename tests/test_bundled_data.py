"""The bundled graph: valid, fully sourced, deterministic, and it round-trips through every export format."""

from datetime import date

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, XSD

from casegraph import CaseGraph
from casegraph.io import FORMATS, parse_file
from casegraph.resources import source_files
from casegraph.vocab import CG, SCHEMA

KADREY = "https://w3id.org/casegraph/id/case/cand-3-23-cv-03417"


def graphs_of(ds: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def assert_same_dataset(a: Dataset, b: Dataset) -> None:
    left, right = graphs_of(a), graphs_of(b)
    assert left.keys() == right.keys()
    for name in left:
        assert isomorphic(left[name], right[name]), f"graph {name} differs"


def test_bundled_graph_validates(bundled):
    report = bundled.validate()
    assert report.conforms, report.text


def test_every_triple_sits_in_a_named_graph_that_names_its_source_url(bundled):
    ds = bundled.dataset
    assert not any(True for _ in ds.quads((None, None, None, ds.default_graph.identifier)))
    for name, graph in graphs_of(ds).items():
        documents = list(graph.objects(URIRef(name), PROV.wasDerivedFrom))
        assert len(documents) == 1, f"{name} is derived from {len(documents)} documents"
        urls = list(graph.objects(documents[0], SCHEMA.url))
        assert urls and str(urls[0]).startswith(("http://", "https://")), f"{name} has no source URL"


def test_every_source_has_a_publication_date_with_how_it_was_found_or_a_reason_it_has_none(bundled):
    # What was known on a date (--known-on) rests on these dates; a source nobody has looked at must not pass
    # for an undated one.
    ds = bundled.dataset
    for name, graph in graphs_of(ds).items():
        if name == "https://w3id.org/casegraph/id/graph/inferred":
            continue
        document = graph.value(URIRef(name), PROV.wasDerivedFrom)
        issued = graph.value(document, DCTERMS.issued)
        if issued is not None:
            assert issued.datatype in (XSD.date, XSD.gYearMonth, XSD.gYear), f"{name}: {issued!r}"
            assert graph.value(document, CG.issuedFrom), f"{name} has a date but not how it was found"
        else:
            assert graph.value(document, CG.undatedReason), f"{name} has neither a date nor a reason for none"


def test_each_source_file_holds_one_graph_named_after_it():
    files = source_files()
    assert len(files) >= 40
    for path in files:
        names = list(graphs_of(parse_file(path)))
        assert names == [f"https://w3id.org/casegraph/id/graph/{path.stem}"], path.name


def test_loading_twice_gives_an_isomorphic_graph(bundled):
    assert_same_dataset(CaseGraph.open().dataset, bundled.dataset)


@pytest.mark.parametrize("fmt", [f for f, (_s, _x, keeps) in FORMATS.items() if keeps])
def test_export_and_reimport_keeps_every_named_graph(bundled, tmp_path, fmt):
    path = tmp_path / f"export{FORMATS[fmt][1]}"
    bundled.export(fmt, path)
    assert_same_dataset(CaseGraph.open([path]).dataset, bundled.dataset)


@pytest.mark.parametrize("fmt", [f for f, (_s, _x, keeps) in FORMATS.items() if not keeps])
def test_export_and_reimport_of_triple_formats_keeps_the_union(bundled, tmp_path, fmt):
    path = tmp_path / f"export{FORMATS[fmt][1]}"
    bundled.export(fmt, path)
    union = Graph()
    for s, p, o, _g in bundled.dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    [reloaded] = graphs_of(CaseGraph.open([path]).dataset).values()
    assert isomorphic(reloaded, union)


def test_kadrey_identity(bundled):
    [row] = bundled.saved("case-identity", case="Kadrey v. Meta").rows
    assert row["case"] == KADREY
    assert row["docket"] == "3:23-cv-03417-VC"
    assert row["courtName"] == "U.S. District Court for the Northern District of California"
    assert row["filed"] == date(2023, 7, 7)
    assert set(row["judges"].split("; ")) == {"Vince Chhabria", "Thomas S. Hixson"}


def test_kadrey_participants(bundled):
    rows = bundled.saved("case-participants", case="Kadrey et al. v. Meta Platforms, Inc.").rows
    by_role: dict[str, set[str]] = {}
    for row in rows:
        by_role.setdefault(row["role"], set()).add(row["name"])
    assert {"Richard Kadrey", "Sarah Silverman", "Christopher Golden", "Ta-Nehisi Coates"} <= by_role["plaintiff"]
    assert by_role["defendant"] == {"Meta Platforms, Inc."}
    assert by_role["presiding judge"] == {"Vince Chhabria"}
    assert by_role["magistrate judge"] == {"Thomas S. Hixson"}
    assert "Cooley LLP" in by_role["defendant's counsel"]
    assert any("Saveri" in name for name in by_role["plaintiffs' counsel"])
    assert all(row["sources"].startswith("http") for row in rows)


def test_causes_of_action_keep_every_ruling_in_order(bundled):
    rows = [r for r in bundled.saved("causes-of-action", case="Kadrey v. Meta").rows
            if r["cause"].endswith("/claim/kadrey-dmca-1202b")]
    assert [(str(r["rulingDate"]), r["outcomeName"]) for r in rows] == [
        ("2023-11-20", "DismissedWithLeave"), ("2025-03-07", "Survived"),
        ("2025-06-27", "SummaryJudgmentForDefendant")]
    negligence = [r["outcomeName"] for r in bundled.saved("causes-of-action").rows
                  if r["cause"].endswith("/claim/kadrey-negligence")]
    assert negligence == ["DismissedWithPrejudice"]
