"""Shared fixtures: the bundled graph (opened once per session) and a tiny hand-written graph."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from casegraph import CaseGraph
from casegraph.cli import cli

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def bundled() -> CaseGraph:
    """The bundled Kadrey v. Meta graph. Tests must not change it: open your own copy to add facts."""
    return CaseGraph.open()


@pytest.fixture(scope="session")
def mini() -> CaseGraph:
    """tests/data/mini.trig: one made-up case, two sources, one statement, one allegation."""
    return CaseGraph.open([DATA / "mini.trig"])


@pytest.fixture(scope="module")
def inferred() -> CaseGraph:
    """The bundled graph with the relations the rules derive (a copy per test module)."""
    cg = CaseGraph.open()
    cg.infer()
    return cg


@pytest.fixture
def run():
    """Run the casegraph command in process; returns click's Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture(scope="module")
def browser():
    """Debian's headless chromium (see tests/browser.py), one per test module."""
    from browser import chromium

    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def page_file(bundled, tmp_path_factory):
    """The bundled graph's viewer page, written once per test module."""
    return bundled.view(tmp_path_factory.mktemp("viewer") / "kadrey.html").path


@pytest.fixture(scope="module")
def cg() -> CaseGraph:
    """The bundled graph, a copy of each test module's own: the endpoint's tests write into theirs."""
    return CaseGraph.open()


@pytest.fixture(scope="module")
def base(cg):
    """The read-only endpoint serving ``cg`` (see tests/endpoint.py): its base URL."""
    from endpoint import serving

    from casegraph.server import create_app

    with serving(create_app(cg)) as url:
        yield url
