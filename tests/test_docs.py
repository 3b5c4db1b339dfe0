"""The README documents every command, and the examples in docstrings run."""

import doctest
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import casegraph
from casegraph.cli import cli

README = Path(__file__).parents[1] / "README.md"
MODULES = ["casegraph"] + sorted(m.name for m in pkgutil.walk_packages(casegraph.__path__, "casegraph.")
                                 if m.name != "casegraph.__main__")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_readme_documents_every_command_with_an_example(command):
    text = README.read_text(encoding="utf-8")
    assert re.search(rf"^\| `{command}` \|", text, re.M), f"README's command table lacks {command}"
    assert re.search(rf"casegraph (--\S+ \S+ )*{command}\b", text), f"README has no example of {command}"


def test_readme_gives_the_two_commands():
    text = README.read_text(encoding="utf-8")
    assert "pip install . && casegraph build" in text
    assert "pip install '.[test]' && python -m pytest" in text
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install '.[test]' && python -m pytest" in ci


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    failures, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0
