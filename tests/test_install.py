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
