"""The installed command works from any folder: the ontology and data ship inside the package."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import casegraph
from casegraph.resources import data_dir, ontology_dir


def casegraph_command() -> str:
    found = shutil.which("casegraph", path=str(Path(sys.executable).parent)) or shutil.which("casegraph")
    assert found, "the casegraph console script is not installed"
    return found


def test_console_script_runs_from_an_unrelated_folder(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CASEGRAPH_DATA")}
    result = subprocess.run([casegraph_command(), "stats"], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "source graphs" in result.stdout and "legal case" in result.stdout


def test_python_dash_m_runs_the_cli(tmp_path):
    result = subprocess.run([sys.executable, "-m", "casegraph", "--version"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0 and casegraph.__version__ in result.stdout


def test_resources_come_from_the_package_or_the_checkout_it_was_imported_from():
    package = Path(casegraph.__file__).parent
    assert ontology_dir() in (package / "ontology", package.parents[1] / "ontology")
    assert (ontology_dir() / "casegraph.ttl").is_file() and (ontology_dir() / "shapes.ttl").is_file()
    assert (data_dir() / "queries").is_dir()


# --- a light core, with extras (issue 20) ---------------------------------------------------------------------

def test_the_core_dependencies_leave_the_optional_parts_to_extras():
    import tomllib

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = {d.split(">")[0].split("<")[0].split("=")[0].strip().lower() for d in project["dependencies"]}
    assert core == {"rdflib", "pyshacl", "networkx", "igraph", "pyvis", "click"}
    from casegraph.extras import EXTRAS

    extras = project["optional-dependencies"]
    for module, extra in EXTRAS.items():  # every optional module is in the extra the error names
        assert any(module.replace("_", "-") in d.lower().replace("_", "-") for d in extras[extra]), module
    assert set(extras) >= {"oxigraph", "serve", "ingest", "pandas", "scipy", "all", "test"}


def test_a_command_whose_extra_is_missing_names_it_in_one_line(run, monkeypatch, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Mistral AI and Meta Platforms Inc. were named.", encoding="utf-8")
    for module in [m for m in sys.modules if m == "spacy" or m.startswith(("spacy.", "casegraph.ingest"))]:
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setitem(sys.modules, "spacy", None)  # as if the ingest extra were not installed
    result = run("ingest", article, "--lang", "fr")
    assert result.exit_code == 2
    assert result.stderr == "casegraph: error: this needs spacy, which is not installed: pip install 'casegraph[ingest]'\n"
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    result = run("serve", "--port", "0")
    assert result.exit_code == 2 and "pip install 'casegraph[serve]'" in result.stderr
    assert result.stderr.count("\n") == 1


def test_the_library_says_which_extra_too(monkeypatch, tmp_path):
    from casegraph import CaseGraph
    from casegraph.extras import MissingExtraError

    for module in [m for m in sys.modules if m == "pyoxigraph" or m.startswith("casegraph.stores.oxigraph")]:
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setitem(sys.modules, "pyoxigraph", None)
    try:
        CaseGraph(store="oxigraph")
    except MissingExtraError as e:
        assert e.extra == "oxigraph" and "pip install 'casegraph[oxigraph]'" in str(e)
    else:
        raise AssertionError("no MissingExtraError")
