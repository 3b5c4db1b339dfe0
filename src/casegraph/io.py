"""Reading RDF files into a dataset and writing the dataset out, with errors that name file and line.

A file is parsed into a scratch dataset first and merged only when it parsed whole, so a bad file never
leaves half its triples behind. Exports are written to a temporary file and renamed into place, so a failed
export leaves the previous file intact.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from pathlib import Path
from typing import Iterable

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax

from .errors import InputError, ParseError
from .vocab import PREFIXES

#: file suffix -> rdflib parser name
PARSERS = {
    ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld", ".json": "json-ld",
    ".ttl": "turtle", ".nt": "nt",
}

#: export format -> (rdflib serializer, file suffix, keeps named graphs)
FORMATS = {
    "trig": ("trig", ".trig", True),
    "nquads": ("nquads", ".nq", True),
    "jsonld": ("json-ld", ".jsonld", True),
    "turtle": ("turtle", ".ttl", False),
    "ntriples": ("nt", ".nt", False),
}
#: formats of the networkx projection rather than of the RDF (see casegraph.analysis)
GRAPH_FORMATS = ("graphml", "gexf")
FORMAT_ALIASES = {"nq": "nquads", "n-quads": "nquads", "json-ld": "jsonld", "ttl": "turtle", "nt": "ntriples",
                  "n-triples": "ntriples"}


def new_dataset() -> Dataset:
    """An empty in-memory dataset whose default graph is the union of its named graphs."""
    ds = Dataset(default_union=True)
    for prefix, iri in PREFIXES.items():
        ds.bind(prefix, iri, override=True, replace=True)
    return ds


def rdf_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The RDF files named by ``paths``: files as given, and the RDF files directly in each folder."""
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in PARSERS)
            if not found:
                raise InputError(f"{path}: no RDF file ({', '.join(sorted(PARSERS))}) in this folder")
            files.extend(found)
        else:
            files.append(path)
    return files


def parse_file(path: str | os.PathLike) -> Dataset:
    """Parse one RDF file into a new dataset; raise :class:`ParseError` naming the file and line.

    Triples outside any graph (all of a Turtle or N-Triples file, or those a TriG or N-Quads file leaves
    unnamed) go into a graph named after the file, as every store does: it has no source until you describe
    one (``casegraph validate`` reports that). IRIs that are not IRIs and literals that do not fit their
    datatype ("2020-13-45"^^xsd:date) are errors too: rdflib would only warn, then fail later on export.
    """
    path = Path(path)
    fmt = PARSERS.get(path.suffix.lower())
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not an RDF file")
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file type {path.suffix!r}; use one of {', '.join(sorted(PARSERS))}")
    try:
        text = path.read_text(encoding="utf-8-sig")  # -sig: a byte-order mark is not part of the data
    except UnicodeDecodeError as e:
        raise ParseError(str(path), text_line_of_byte(path, e.start), "not UTF-8 text") from None
    if not text.strip():
        raise InputError(f"{path}: empty file, no triples")
    ds = new_dataset()
    rdflib_term_log = logging.getLogger("rdflib.term")
    previous_level = rdflib_term_log.level
    rdflib_term_log.setLevel(logging.CRITICAL)  # its warnings on bad literals carry tracebacks: we report instead
    try:
        if fmt in ("turtle", "nt"):
            ds.graph(URIRef(path.resolve().as_uri())).parse(data=text, format=fmt)
        else:
            ds.parse(data=text, format=fmt, publicID=path.resolve().as_uri())
    except BadSyntax as e:
        raise ParseError(str(path), e.lines + 1, e._why) from None
    except Exception as e:  # N-Triples, JSON-LD and other parsers raise their own types
        line = _first_bad_line(text, fmt) if fmt in ("nt", "nquads") else getattr(e, "lineno", None)
        reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ParseError(str(path), line, reason) from None
    finally:
        rdflib_term_log.setLevel(previous_level)
    if not any(len(g) for g in ds.graphs()):
        raise InputError(f"{path}: no triples in the file")
    unnamed = ds.default_graph
    if len(unnamed):  # Oxigraph and servers keep the union in their default graph: no room for these there
        own = ds.graph(URIRef(path.resolve().as_uri()))
        for triple in unnamed:
            own.add(triple)
        unnamed.remove((None, None, None))
    _check_terms(ds, path, text)
    return ds


_BAD_IRI = re.compile(r'[\s<>"{}|^`\\]')


def _check_terms(ds: Dataset, path: Path, text: str) -> None:
    """Refuse IRIs with spaces or brackets and literals that do not fit their datatype, naming the line."""
    for quad in ds.quads((None, None, None, None)):
        for term in quad:
            if isinstance(term, URIRef) and _BAD_IRI.search(str(term)):
                # A relative IRI was resolved against the file's own URI: look for what was written.
                written = str(term).removeprefix(path.resolve().parent.as_uri() + "/")
                raise ParseError(str(path), _line_containing(text, written), f"invalid IRI <{written}>")
            if isinstance(term, Literal) and term.ill_typed:
                raise ParseError(str(path), _line_containing(text, str(term)),
                                 f"{str(term)!r} is not a valid {term.datatype.n3(ds.namespace_manager)}")


def _line_containing(text: str, needle: str) -> int | None:
    position = text.find(needle)
    return text.count("\n", 0, position) + 1 if position >= 0 else None


def _first_bad_line(text: str, fmt: str) -> int | None:
    """Line-based formats: the number of the first line that does not parse on its own."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            try:
                Dataset().parse(data=line, format=fmt)
            except Exception:
                return number
    return None


def text_line_of_byte(path: Path, offset: int) -> int:
    return path.read_bytes()[:offset].count(b"\n") + 1


def merge(into: Dataset, other: Dataset) -> None:
    """Add every quad of ``other`` into ``into``, graph by graph."""
    for graph in other.graphs():
        if len(graph):
            target = into.graph(graph.identifier)
            for triple in graph:
                target.add(triple)


def normalise_format(name: str) -> str:
    key = FORMAT_ALIASES.get(name.lower(), name.lower())
    if key not in FORMATS and key not in GRAPH_FORMATS:
        raise InputError(f"unknown export format {name!r}; use one of {', '.join([*FORMATS, *GRAPH_FORMATS])}")
    return key


def serialize(ds: Dataset, fmt: str) -> str:
    """The dataset in ``fmt``; triple formats (Turtle, N-Triples) get the union of all graphs."""
    serializer, _suffix, keeps_graphs = FORMATS[normalise_format(fmt)]
    if serializer == "nquads":
        return _sorted_lines(ds.serialize(format=serializer))
    if keeps_graphs:
        return ds.serialize(format=serializer)
    union = Graph()
    for prefix, iri in PREFIXES.items():
        union.bind(prefix, iri, override=True, replace=True)
    for s, p, o, _g in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    text = union.serialize(format=serializer)
    return _sorted_lines(text) if serializer == "nt" else text


def _sorted_lines(text: str) -> str:
    """Line formats in sorted order, so that the same graph always gives the same file (and clean diffs)."""
    return "".join(sorted(line + "\n" for line in text.splitlines() if line.strip()))


def write_atomically(path: str | os.PathLike, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename it into place."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name to write")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        # mkstemp creates the file readable by its owner only; give it the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
