"""Output formats of the query command."""

import json
from pathlib import Path

import pytest

MINI = Path(__file__).parent / "data" / "mini.trig"


def test_ask_in_every_format(run):
    ask = "ASK { ?c cg:docketNumber ?d }"
    assert run("--data", MINI, "query", ask).stdout.strip() == "yes"
    assert json.loads(run("--data", MINI, "query", ask, "--format", "json").stdout) == {"boolean": True}
    assert run("--data", MINI, "query", ask, "--format", "csv").stdout.split() == ["boolean", "true"]


def test_construct_is_rdf_and_refuses_csv(run):
    construct = "CONSTRUCT { ?c cg:docketNumber ?d } WHERE { ?c cg:docketNumber ?d }"
    turtle = run("--data", MINI, "query", construct).stdout
    assert "case:test-1-23-cv-00001 cg:docketNumber" in turtle
    result = run("--data", MINI, "query", construct, "--format", "csv")
    assert result.exit_code == 2 and "builds RDF, not rows" in result.stderr


def test_tsv_escapes_instead_of_quoting(run):
    result = run("--data", MINI, "query", "SELECT ?t WHERE { ?c cg:claimText ?t }", "--format", "tsv")
    assert result.stdout.splitlines() == ["t", "Acme trained its model on pirated books."]
    multi = run("--data", MINI, "query", r'SELECT ?t WHERE { BIND("a\tb\nc" AS ?t) }', "--format", "tsv")
    assert multi.stdout.splitlines() == ["t", "a\\tb\\nc"]


def test_csv_and_json_rows(run):
    args = ("--data", MINI, "query", "SELECT ?c ?filed WHERE { ?c cg:filedOn ?filed }")
    assert run(*args, "--format", "csv").stdout.splitlines()[1] == \
        "https://w3id.org/casegraph/id/case/test-1-23-cv-00001,2023-05-01"
    assert json.loads(run(*args, "--format", "json").stdout)[0]["filed"] == "2023-05-01"


def test_statements_prefer_the_asked_language(run):
    french = run("statements", "--speaker", "Al-Dahle", "--mentions", "Mistral AI", "--lang", "fr").stdout
    english = run("statements", "--speaker", "Al-Dahle", "--mentions", "Mistral AI", "--lang", "en").stdout
    assert french.splitlines()[1].strip().startswith("[fr]") and english.splitlines()[1].strip().startswith("[en]")
    assert run("statements", "--speaker", "Al-Dahle").stdout == run("statements", "--speaker", "Al-Dahle").stdout


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_a_solution_that_binds_nothing_is_a_row_not_no_result(run, store):
    # SELECT * over a triple that is there has one solution with no variable; MAX over no match has one row.
    found = run("--store", store, "query", "--format", "json",
                "SELECT * WHERE { model:llama-3 cg:developedBy organization:meta-platforms }")
    assert found.exit_code == 0 and json.loads(found.stdout) == [{}]
    maximum = run("--store", store, "query", "--format", "csv", "SELECT (MAX(?v) AS ?m) WHERE { ?s cg:noSuch ?v }")
    assert maximum.exit_code == 0 and maximum.stdout.splitlines() == ["m", '""']
    nothing = run("--store", store, "query", "SELECT ?v WHERE { ?s cg:noSuch ?v }")
    assert nothing.exit_code == 1 and "no result" in nothing.stderr
