"""Bad input gives the documented exit code and one readable line naming the culprit, never a traceback."""

from pathlib import Path

import pytest

from casegraph import CaseGraph, InputError, ParseError

DATA = Path(__file__).parent / "data"

GOOD_PREFIX = "@prefix ex: <https://example.org/> .\n"


def one_line_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert lines[0].startswith("casegraph: error: ")
    return lines[0]


def test_malformed_turtle_names_file_and_line(run, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(GOOD_PREFIX + 'ex:a ex:b ex:c .\nex:a ex:b "unterminated .\n', encoding="utf-8")
    result = run("--data", bad, "stats")
    assert result.exit_code == 2
    assert f"{bad}:3:" in one_line_error(result)


def test_unknown_prefix_names_the_prefix_and_line(run, tmp_path):
    bad = tmp_path / "prefix.trig"
    bad.write_text(GOOD_PREFIX + "ex:g {\n  ex:a ex:b ex:c .\n  foo:x ex:b ex:c .\n}\n", encoding="utf-8")
    result = run("--data", bad, "validate")
    assert result.exit_code == 2
    line = one_line_error(result)
    assert f"{bad}:4:" in line and 'Prefix "foo:" not bound' in line


def test_malformed_nquads_names_the_line(run, tmp_path):
    bad = tmp_path / "bad.nq"
    bad.write_text("<https://a> <https://b> <https://c> <https://g> .\n<https://a> <https://b> oops .\n",
                   encoding="utf-8")
    result = run("--data", bad, "stats")
    assert result.exit_code == 2
    assert f"{bad}:2:" in one_line_error(result)


def test_missing_file(run, tmp_path):
    result = run("--data", tmp_path / "nope.trig", "stats")
    assert result.exit_code == 2
    assert "no such file" in one_line_error(result)


def test_empty_file(run, tmp_path):
    empty = tmp_path / "empty.trig"
    empty.write_text("\n", encoding="utf-8")
    result = run("--data", empty, "stats")
    assert result.exit_code == 2
    assert "empty file" in one_line_error(result)


def test_sparql_syntax_error_says_where(run):
    result = run("--data", DATA / "mini.trig", "query", "SELECT ?s WHERE {\n  ?s ?p ?o \n} LIMT 3")
    assert result.exit_code == 2
    line = one_line_error(result)
    assert "SPARQL syntax error: line 3, column 3" in line and "LIMT" in line


def test_sparql_unknown_prefix_says_where(run):
    result = run("--data", DATA / "mini.trig", "query", "SELECT ?s WHERE { ?s nope:x ?o }")
    assert result.exit_code == 2
    assert "unknown prefix 'nope'" in one_line_error(result) and "column 22" in result.stderr


def test_a_query_returning_nothing_exits_1(run):
    result = run("--data", DATA / "mini.trig", "query", "SELECT ?s WHERE { ?s a cg:Settlement }")
    assert result.exit_code == 1
    assert "returned no result" in result.stderr


def test_unknown_saved_query_lists_the_saved_ones(run):
    result = run("--data", DATA / "mini.trig", "query", "who-said-whatt")
    assert result.exit_code == 2
    assert "who-said-what" in one_line_error(result)


def test_unknown_entity_suggests_nearest_names(run):
    result = run("--data", DATA / "mini.trig", "describe", "Acmee")
    assert result.exit_code == 2
    assert "did you mean 'Acme (Acme Corp.)'" in one_line_error(result)


def test_a_bad_file_leaves_the_loaded_graph_untouched(tmp_path):
    cg = CaseGraph.open([DATA / "mini.trig"])
    before = set(cg.dataset.quads((None, None, None, None)))
    good, bad = tmp_path / "good.trig", tmp_path / "bad.trig"
    good.write_text(GOOD_PREFIX + "ex:g2 { ex:new ex:b ex:c . }", encoding="utf-8")
    bad.write_text(GOOD_PREFIX + "ex:g { ex:a ex:b . }", encoding="utf-8")
    with pytest.raises(ParseError):
        cg.load(good, bad)  # the good file parses first, but nothing is added until every file has parsed
    assert set(cg.dataset.quads((None, None, None, None))) == before


def test_unknown_file_type_is_an_input_error(tmp_path):
    odd = tmp_path / "facts.xlsx"
    odd.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="unknown RDF file type"):
        CaseGraph.open([odd])


def test_malformed_ntriples_names_the_line(run, tmp_path):
    bad = tmp_path / "bad.nt"
    bad.write_text("<https://a> <https://b> <https://c> .\n\n<https://a> <https://b> oops .\n", encoding="utf-8")
    result = run("--data", bad, "stats")
    assert result.exit_code == 2 and f"{bad}:3:" in one_line_error(result)


def test_invalid_iri_and_ill_typed_literal_name_the_line(run, tmp_path):
    iri = tmp_path / "iri.trig"
    iri.write_text(GOOD_PREFIX + "ex:g {\n  ex:a ex:b <bad iri> .\n}\n", encoding="utf-8")
    assert f"{iri}:3: invalid IRI" in one_line_error(run("--data", iri, "stats"))
    date = tmp_path / "date.trig"
    date.write_text(GOOD_PREFIX + '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n'
                    'ex:g {\n  ex:a ex:b "2020-13-45"^^xsd:date .\n}\n', encoding="utf-8")
    result = run("--data", date, "stats")
    assert result.exit_code == 2 and f"{date}:4: '2020-13-45' is not a valid xsd:date" in one_line_error(result)


def test_a_byte_order_mark_is_not_an_error(run, tmp_path):
    bom = tmp_path / "bom.trig"
    bom.write_bytes("\ufeff".encode("utf-8") + (DATA / "mini.trig").read_bytes())
    assert run("--data", bom, "stats").exit_code == 0


def test_missing_data_path_and_empty_data_folder(run, tmp_path, monkeypatch):
    assert "no such file" in one_line_error(run("--data", tmp_path / "nowhere", "stats"))
    monkeypatch.setenv("CASEGRAPH_DATA", str(tmp_path))
    result = run("stats")
    assert result.exit_code == 2 and "no source graphs" in one_line_error(result)


def test_usage_errors_are_one_line(run):
    result = run("frobnicate")
    assert result.exit_code == 2 and "No such command 'frobnicate'" in one_line_error(result)
    result = run("export")
    assert result.exit_code == 2 and "--format" in one_line_error(result)


def test_a_long_inline_query_is_a_query_not_a_file_name(run):
    query = "SELECT ?case WHERE { ?case cg:docketNumber ?d . FILTER(?d != \"" + "x." * 200 + "\") }"
    result = run("--data", DATA / "mini.trig", "query", query)
    assert result.exit_code == 0 and "case:test-1-23-cv-00001" in result.stdout


def test_evaluation_errors_are_one_line(run):
    result = run("--data", DATA / "mini.trig", "query", "SELECT (SUM(?o) AS ?n) WHERE { ?s a ?o }")
    assert result.exit_code == 2 and "SPARQL query failed" in one_line_error(result)


def test_export_to_a_folder_is_refused(run, tmp_path):
    result = run("--data", DATA / "mini.trig", "export", "--format", "trig", "-o", tmp_path)
    assert result.exit_code == 2 and "is a folder" in one_line_error(result)


def test_a_binary_query_file(run, tmp_path):
    binary = tmp_path / "b.rq"
    binary.write_bytes(b"\xff\xfe\x00")
    result = run("--data", DATA / "mini.trig", "query", binary)
    assert result.exit_code == 2 and "not UTF-8" in one_line_error(result)


def test_the_console_script_ends_with_the_commands_status_and_all_of_its_output(run):
    # The console script ends its process without freeing what the command built (casegraph.cli.main): all of
    # an answer longer than a pipe's buffer still arrives, and the exit code is the command's.
    import subprocess
    import sys

    words = ["query", "SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?s ?label", "--format", "csv"]
    done = subprocess.run([sys.executable, "-m", "casegraph", *words], capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == ""
    assert len(done.stdout) > 65536 and done.stdout == run(*words).stdout
    failed = subprocess.run([sys.executable, "-m", "casegraph", "describe", "no such entity at all"],
                            capture_output=True, text=True)
    assert failed.returncode == 2
    assert failed.stderr.startswith("casegraph: error: ") and len(failed.stderr.splitlines()) == 1
    usage = subprocess.run([sys.executable, "-m", "casegraph", "--no-such-flag"], capture_output=True, text=True)
    assert usage.returncode == 2 and "No such option" in usage.stderr


# --- the library speaks Python, the command line its flags (issue 20) -----------------------------------------

def test_library_errors_name_the_argument_as_python_does(bundled, tmp_path):
    from casegraph.errors import InputError, QueryError

    with pytest.raises(QueryError, match=r"why=True answers SELECT and ASK queries"):
        bundled.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1", why=True)
    with pytest.raises(InputError, match=r"^start= '20x' is not a date"):
        bundled.timeline(start="20x")
    big = tmp_path / "big.txt"
    big.write_text("word " * 400, encoding="utf-8")
    with pytest.raises(InputError, match=r"raise the limit \(max_bytes=\)"):
        bundled.ingest(big, max_bytes=100)
    assert not hasattr(InputError, "exit_code")  # exit codes are the command line's


def test_the_command_line_says_the_same_with_its_flags(run):
    result = run("query", "--why", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1")
    assert result.exit_code == 2 and "--why answers SELECT and ASK queries" in result.stderr
    result = run("timeline", "--from", "20x")
    assert result.exit_code == 2 and "--from '20x' is not a date" in result.stderr


def test_no_library_module_names_a_flag_in_an_error_or_carries_an_exit_code():
    """The command line translates (cli.py) and the endpoint too (server/): the rest speaks Python."""
    import ast
    import re

    import casegraph

    package = Path(casegraph.__file__).parent
    flag = re.compile(r"(^|[\s(\"'])--[a-z]")
    found = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if relative == "cli.py" or relative.startswith("server/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and node.exc is not None:
                texts = [c.value for c in ast.walk(node.exc) if isinstance(c, ast.Constant) and isinstance(c.value, str)]
                found += [f"{relative}:{node.lineno}: {t!r}" for t in texts if flag.search(t)]
            if isinstance(node, (ast.Attribute, ast.Name)) and "exit_code" in (getattr(node, "attr", None),
                                                                                 getattr(node, "id", None)):
                found.append(f"{relative}:{node.lineno}: exit_code")
    assert found == []
