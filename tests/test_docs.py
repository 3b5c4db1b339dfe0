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


def _public_methods() -> dict:
    """The public methods defined on CaseGraph in graph.py, by name (properties and cached properties left out)."""
    import inspect

    from casegraph.graph import CaseGraph

    found = {}
    for name, member in vars(CaseGraph).items():
        function = getattr(member, "__func__", member)  # classmethod, staticmethod
        if not name.startswith("_") and inspect.isfunction(function) and function.__module__ == "casegraph.graph":
            found[name] = function
    return found


def _sections(doc: str) -> dict[str, list[str]]:
    """The numpydoc sections of ``doc``: ``Parameters`` as parameter names, ``Examples`` as its lines."""
    import warnings

    try:
        from numpydoc.docscrape import NumpyDocString
    except ModuleNotFoundError:  # no numpydoc: read the section underlines
        found = dict(re.findall(r"^\s*(\w[\w ]*)\n\s*-{3,}\n(.*?)(?=^\s*\w[\w ]*\n\s*-{3,}\n|\Z)", doc, re.M | re.S))
        names = re.findall(r"^ {0,8}(\*{0,2}\w[\w, *]*?)(?: : |$)", found.get("Parameters", ""), re.M)
        return {"Parameters": names if "Parameters" in found else [],
                "Examples": found.get("Examples", "").strip().splitlines()}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an unknown section or a wrong underline is an error here
        parsed = NumpyDocString(doc)
    return {"Parameters": [p.name for p in parsed["Parameters"]], "Examples": parsed["Examples"]}


@pytest.mark.parametrize("name", sorted(_public_methods()))
def test_public_methods_have_numpydoc_parameters_and_examples(name):
    import inspect

    function = _public_methods()[name]
    doc = inspect.getdoc(function)
    assert doc, f"CaseGraph.{name} has no docstring"
    sections = _sections(doc)
    taken = [p.name for p in inspect.signature(function).parameters.values() if p.name not in ("self", "cls")]
    documented = [n.strip().lstrip("*") for names in sections["Parameters"] for n in names.split(",")]
    if taken:
        assert documented, f"CaseGraph.{name} takes {', '.join(taken)} but has no Parameters section"
    assert sorted(documented) == sorted(taken), f"CaseGraph.{name}: Parameters {documented}, signature {taken}"
    assert any(line.lstrip().startswith(">>>") for line in sections["Examples"]), \
        f"CaseGraph.{name} has no Examples section with a doctest"
