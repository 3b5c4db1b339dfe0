"""Where the ontology, the bundled data and the saved queries are.

They live at the top of the repository and ship inside the installed package (see pyproject.toml), so a
checkout and a non-editable install both find them; ``CASEGRAPH_DATA`` points elsewhere for your own data.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path


def _find(name: str) -> Path:
    packaged = Path(str(resources.files("casegraph"))) / name
    if packaged.is_dir():
        return packaged
    # Running from a checkout (editable install or PYTHONPATH=src): the folders sit two levels up.
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"casegraph cannot find its {name}/ folder (looked in {packaged} and {checkout})")


def ontology_dir() -> Path:
    """The folder holding casegraph.ttl (the OWL ontology) and shapes.ttl (the SHACL shapes)."""
    return _find("ontology")


def data_dir() -> Path:
    """The bundled data folder, or the one named by the ``CASEGRAPH_DATA`` environment variable."""
    override = os.environ.get("CASEGRAPH_DATA")
    return Path(override) if override else _find("data")


def source_files() -> list[Path]:
    """The bundled source graphs, one TriG file per source document, in a stable order."""
    folder = data_dir() / "sources"
    found = sorted(folder.glob("*.trig"))
    if not found:
        from .errors import InputError

        hint = " (set by CASEGRAPH_DATA)" if os.environ.get("CASEGRAPH_DATA") else ""
        raise InputError(f"{folder}: no source graphs (*.trig) here{hint}")
    return found


def queries_dir() -> Path:
    """casegraph's own saved SPARQL queries (``*.rq``), which ship with it whatever ``CASEGRAPH_DATA`` says."""
    return _find("data") / "queries"


def user_queries_dirs() -> list[Path]:
    """The saved queries ``CASEGRAPH_DATA`` adds (its ``queries/`` folder, when it has one)."""
    own = data_dir() / "queries"
    return [own] if os.environ.get("CASEGRAPH_DATA") and own.is_dir() and own.resolve() != queries_dir().resolve() else []
