"""``casegraph serve``: a SPARQL 1.1 Protocol endpoint, the viewer and a JSON API over one CaseGraph.

``create_app(cg)`` returns the ASGI app (starlette); uvicorn runs it. Safe by default: read-only (SPARQL Update is
refused unless ``allow_update`` is given with a token), ``SERVICE``, ``LOAD`` and ``FROM`` never reach another host
or a file, every query has a time limit and a result-size cap, request bodies have a size limit, and every error
is ``{"error": "...", "status": N}``.

Routes: ``/`` the viewer, ``/query`` the query page, ``/sparql`` the endpoint (its service description when no
query is given), ``/store?graph=IRI`` the Graph Store Protocol (a source's graph in any RDF format; PUT, POST and
DELETE only with updates allowed), ``/api/entities?name=``, ``/api/entity?name=``, ``/api/path?from=&to=``, ``/api/neighbors?name=``.

Extensions (:mod:`.sources`): ``/sparql`` and ``/api/...`` answer from the sources a request chooses
(``min-confidence=H``, ``exclude-source=URL``...), and ``/sparql?why=1`` gives the sources of each row in the JSON
results.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import ctypes
import hmac
import html
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyparsing import ParseBaseException
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from .. import query as sparql
from ..errors import AmbiguousNameError, CaseGraphError, NotFoundError, QueryError
from ..results import to_data
from . import sources as extension

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")

#: answer formats by short name: (media type, rdflib serializer name or "tsv")
RESULT_FORMATS = {
    "json": ("application/sparql-results+json", "json"),
    "xml": ("application/sparql-results+xml", "xml"),
    "csv": ("text/csv", "csv"),
    "tsv": ("text/tab-separated-values", "tsv"),
}
GRAPH_FORMATS = {
    "turtle": ("text/turtle", "turtle"),
    "ntriples": ("application/n-triples", "nt"),
    "jsonld": ("application/ld+json", "json-ld"),
    "trig": ("application/trig", "trig"),
    # What SPARQLWrapper and rdflib's SPARQLStore ask for by default for CONSTRUCT and DESCRIBE.
    "rdfxml": ("application/rdf+xml", "xml"),
}
#: the names clients give graph formats in ``format=`` (SPARQLWrapper's returnFormat), as ours
_GRAPH_NAMES = {"xml": "rdfxml", "rdf+xml": "rdfxml", "rdf": "rdfxml", "n3": "turtle", "ttl": "turtle",
                "nt": "ntriples", "json-ld": "jsonld", "json": "jsonld"}
_ALIASES = {"application/json": "json", "text/xml": "xml", "application/xml": "xml", "text/plain": "ntriples",
            "application/x-turtle": "turtle", "text/n3": "turtle", "application/rdf+json": "jsonld"}


@dataclass(frozen=True)
class Limits:
    """What one request may cost: seconds of query time, rows (or triples) answered, bytes of body."""

    seconds: float = 10.0
    rows: int = 100_000
    body: int = 256 * 1024


class ApiError(Exception):
    """An error answered as ``{"error": message, "status": status}``."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def error_response(status: int, message: str) -> JSONResponse:
    """The one error shape of the server."""
    return JSONResponse({"error": message, "status": status}, status_code=status)


# --- what a query may do ---------------------------------------------------------------------------------

def _nodes(tree: Any):
    """Every CompValue of an rdflib parse tree, depth first."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            yield node
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            stack.extend(node)


def _syntax_error(e: ParseBaseException) -> QueryError:
    return QueryError(sparql._pyparsing_reason(e), e.lineno, e.col)


def check_query(text: str) -> tuple[str, list[str], list[str]]:
    """Parse ``text`` as a SPARQL query and refuse what would reach outside the graph; return its form (SELECT,
    ASK, CONSTRUCT or DESCRIBE) and its ``FROM`` and ``FROM NAMED`` IRIs (served from the graphs held here,
    never fetched).

    An update sent as a query is refused (403) rather than reported as a syntax error: the answer says why.
    """
    if not text.strip():
        raise QueryError("the query is empty")
    try:
        tree = parseQuery(text)
    except ParseBaseException as e:
        try:
            parseUpdate(text)
        except ParseBaseException:
            raise _syntax_error(e) from None
        raise ApiError(403, "this is a SPARQL Update; the endpoint is read-only") from None
    default, named = [], []
    for node in _nodes(tree):
        if node.name == "ServiceGraphPattern":
            raise ApiError(403, f"SERVICE is refused: a query may not call another endpoint ({node.get('term')})")
        if node.name == "DatasetClause":
            (default if node.get("default") is not None else named).append(str(node.get("default") or node.get("named")))
    return tree[1].name.removesuffix("Query").upper(), default, named


def check_update(text: str) -> None:
    """Parse ``text`` as SPARQL Update and refuse ``LOAD`` (it reads files and URLs) and ``SERVICE``."""
    if not text.strip():
        raise QueryError("the update is empty")
    try:
        tree = parseUpdate(text)
    except ParseBaseException as e:
        raise _syntax_error(e) from None
    for node in _nodes(tree):
        if node.name == "Load":
            raise ApiError(403, f"LOAD is refused: the server reads no file or URL ({node.get('iri')})")
        if node.name == "ServiceGraphPattern":
            raise ApiError(403, "SERVICE is refused: an update may not call another endpoint")


class _Unfetched:
    """Hands rdflib the query with its FROM clauses removed: rdflib would otherwise fetch each FROM IRI from the
    web (or add it into the default graph). The dataset the query sees is chosen by :func:`query.dataset_of`;
    relative IRIs resolve against ``base``, the endpoint's URL."""

    def __init__(self, dataset: Dataset, base: str):
        self.dataset, self.base = dataset, base

    def query(self, text: str, initNs: dict):
        prepared = translateQuery(parseQuery(text), base=self.base, initNs=initNs)
        prepared.algebra["datasetClause"] = None
        return self.dataset.query(prepared)


# --- running with a time limit -------------------------------------------------------------------------------

class QueryTimeout(Exception):
    """Raised inside the worker thread of a query that passed its time limit."""


def _interrupt(thread: threading.Thread) -> None:
    # rdflib evaluates in pure Python, so an exception raised asynchronously in its thread stops it at the
    # next bytecode: the query really ends, and its CPU goes back to the other requests.
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), ctypes.py_object(QueryTimeout))


async def run_limited(work, seconds: float):
    """Run ``work()`` in its own thread; after ``seconds``, stop it and raise :class:`ApiError` 503.

    Why a thread and not a process: the graph lives in this process (a worker process would need a copy per
    change), and rdflib is pure Python, so the thread can be interrupted. A thread that does not stop (stuck in
    C code) is abandoned: the client has its 503 already, and the server keeps answering.
    """
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    state = {"running": True}
    lock = threading.Lock()

    def settle(method, value):
        if not future.done():
            method(value)

    def target():
        try:
            try:
                outcome = (future.set_result, work())
            except BaseException as e:  # noqa: BLE001 - handed to the request, QueryTimeout included
                outcome = (future.set_exception, e)
            finally:
                with lock:
                    state["running"] = False
            loop.call_soon_threadsafe(settle, *outcome)
        except BaseException:  # noqa: BLE001 - an interrupt that lands late: the request has its answer
            pass

    thread = threading.Thread(target=target, name="casegraph-query", daemon=True)
    thread.start()
    try:
        return await asyncio.wait_for(future, seconds)  # on time-out it cancels the future: a late result is dropped
    except asyncio.TimeoutError:
        with lock:
            if state["running"]:
                _interrupt(thread)
        raise timed_out(seconds) from None


def timed_out(seconds: float) -> ApiError:
    """The answer to a query stopped at the time limit, in a thread or in a worker process."""
    return ApiError(503, f"the query ran longer than the server's limit of {seconds:g} s and was stopped; "
                         "narrow it (LIMIT, a more specific pattern) or ask for a higher --timeout")


def too_large(found: int, kind: str, limit: int) -> ApiError:
    """The answer to a query whose result passes the row (or triple) limit."""
    return ApiError(413, f"the result has {found} {'rows' if kind in ('SELECT', 'ASK') else 'triples'}, "
                         f"more than the server's limit of {limit}; add a LIMIT")


def media_type(kind: str, name: str) -> str:
    """The Content-Type of a ``kind`` result in the format ``name`` (text types say their charset)."""
    media = (RESULT_FORMATS if kind in ("SELECT", "ASK") else GRAPH_FORMATS)[name][0]
    return media + ("; charset=utf-8" if media.startswith("text/") else "")


def endpoint_of(request: Request) -> str:
    """The endpoint's own URL: the base of relative IRIs, and the service description's subject."""
    return str(request.url.replace(query=""))


# --- answers -------------------------------------------------------------------------------------------------

def _media_ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for position, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if media:
            ranges.append((media.lower(), q - position * 1e-6))  # ties go to the first listed
    return sorted(ranges, key=lambda r: -r[1])


def negotiate(kind: str, accept: str, requested: str | None = None, only: tuple[str, ...] | None = None) -> str:
    """The short name of the answer format for a result of ``kind``, from ``format=`` or the Accept header;
    ``only`` those formats when given."""
    formats = RESULT_FORMATS if kind in ("SELECT", "ASK") else GRAPH_FORMATS
    if only is not None:
        formats = {name: value for name, value in formats.items() if name in only}
    if requested and kind not in ("SELECT", "ASK"):
        requested = _GRAPH_NAMES.get(requested, requested)  # SPARQLWrapper sends format=xml for RDF/XML
    if requested:
        if requested in formats:
            return requested
        for name, (media, _) in formats.items():
            if requested == media:
                return name
        raise ApiError(406, f"format {requested!r} does not apply to a {kind} result; use one of {', '.join(formats)}")
    for media, q in _media_ranges(accept or "*/*"):
        if q <= 0:
            continue
        name = _ALIASES.get(media) or next((n for n, (m, _) in formats.items() if m == media), None)
        if name in formats:
            return name
        if media in ("*/*", "application/*", "text/*"):
            return next(iter(formats))
    raise ApiError(406, f"no acceptable format for a {kind} result; this endpoint answers "
                        f"{', '.join(m for m, _ in formats.values())}")


def _tsv(result: sparql.QueryResult) -> str:
    # SPARQL 1.1 TSV: variables with "?", terms in Turtle syntax; rdflib has a TSV parser but no serializer.
    if result.kind == "ASK":
        return f"?_askResult\n{'true' if result.boolean else 'false'}\n"
    lines = ["\t".join("?" + v for v in result.vars)]
    for row in result.raw:
        lines.append("\t".join("" if term is None else term.n3() for term in row))
    return "\n".join(lines) + "\n"


def serialize(result: sparql.QueryResult, name: str) -> tuple[bytes, str]:
    """The body and media type of ``result`` in the format ``name``."""
    if result.kind in ("SELECT", "ASK"):
        serializer = RESULT_FORMATS[name][1]
        body = _tsv(result).encode() if serializer == "tsv" else result.raw.serialize(format=serializer)
    else:
        body = result.graph.serialize(format=GRAPH_FORMATS[name][1], encoding="utf-8")
    return body, media_type(result.kind, name)


def service_description(endpoint: str, dataset: Dataset, allow_update: bool) -> Graph:
    """The SPARQL 1.1 service description of the endpoint: languages, formats, the default dataset."""
    g = Graph()
    g.bind("sd", SD)
    service, data = URIRef(endpoint), URIRef(endpoint + "#dataset")
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, service))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    if allow_update:
        g.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    for media, _ in list(RESULT_FORMATS.values()) + list(GRAPH_FORMATS.values()):
        g.add((service, SD.resultFormat, Literal(media)))
    g.add((service, SD.defaultDataset, data))
    g.add((data, RDF.type, SD.Dataset))
    names = sorted(g.identifier for g in dataset.graphs() if len(g) and isinstance(g.identifier, URIRef)
                   and g.identifier != dataset.default_graph.identifier)
    for number, name in enumerate(names, start=1):
        named = URIRef(f"{endpoint}#graph-{number}")
        g.add((data, SD.namedGraph, named))
        g.add((named, SD.name, name))
    return g


# --- requests -------------------------------------------------------------------------------------------------

def _one(values: list[str], name: str) -> str | None:
    """The one value of a protocol parameter; two are refused (the protocol says 400: which would run?)."""
    if len(values) > 1:
        raise ApiError(400, f"{len(values)} {name!r} parameters: send one {name} per request")
    return values[0] if values else None


def _content_type(header: str) -> tuple[str, str | None]:
    """(media type, charset or None) of a Content-Type header."""
    media, *params = [part.strip() for part in header.split(";")]
    charset = next((p.split("=", 1)[1].strip().strip('"') for p in params if p.lower().startswith("charset=")), None)
    return media.lower(), charset


def _decoded(body: bytes, charset: str | None) -> str:
    """The body as text. The SPARQL Protocol has queries and updates sent in UTF-8, so another declared charset
    is refused with 415 (ASCII, a subset, is read as UTF-8), and bytes that are not UTF-8 with 400."""
    if charset is not None:
        try:
            codec = codecs.lookup(charset).name
        except LookupError:
            raise ApiError(415, f"charset {charset!r} is unknown; send the body in UTF-8") from None
        if codec not in ("utf-8", "ascii"):
            raise ApiError(415, f"charset {charset!r}: send the body in UTF-8, as the SPARQL Protocol asks")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ApiError(400, f"the body is not valid UTF-8: {e.reason} at byte {e.start}") from None


def _guarded(handler):
    """The handler, with every error answered in the one shape. An error that reached Starlette's last-resort
    handler would be answered but then raised again, and uvicorn closes the connection after it: a pooling
    client's next, valid request would fail with "connection reset"."""
    async def guarded(request: Request) -> Response:
        try:
            return await handler(request)
        except Exception as e:  # noqa: BLE001 - answered, never raised further
            return await _error_handler(request, e)
    return guarded


# --- the app -------------------------------------------------------------------------------------------------

_PAGE = Path(__file__).with_name("query.html")


def query_page() -> str:
    """The offline query page with the saved queries in it (no script or style from elsewhere)."""
    saved = [{"name": q.name, "title": q.title, "text": q.text} for q in sparql.saved_queries().values()]
    data = json.dumps(saved).replace("<", "\\u003c")
    return _PAGE.read_text(encoding="utf-8").replace("/*cg:SAVED*/[]", data)


def create_app(cg, *, limits: Limits = Limits(), allow_update: bool = False, token: str | None = None) -> Starlette:
    """The ASGI app serving ``cg``. ``allow_update`` needs a ``token``, which clients send as
    ``Authorization: Bearer TOKEN``."""
    if allow_update and not token:
        raise ValueError("allow_update needs a token (clients send it as 'Authorization: Bearer TOKEN')")
    # With updates allowed, queries and updates take turns so that no read sees a half-applied update.
    turn = threading.Lock() if allow_update else None
    viewer_html: dict[str, str] = {}
    # SPARQL by the store's own engine in worker processes, where the store allows it (Oxigraph on disk, read
    # only): its queries cannot be interrupted in a thread, and a worker can be ended.
    spec = None if allow_update else cg.worker_spec()
    workers = None
    if spec is not None:
        from .workers import WorkerPool

        workers = WorkerPool(spec)

    async def body_of(request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limits.body:
            raise ApiError(413, f"the request body is larger than the limit of {limits.body} bytes")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > limits.body:
                raise ApiError(413, f"the request body is larger than the limit of {limits.body} bytes")
        return body

    async def operation(request: Request) -> dict[str, Any]:
        """The protocol's parameters, from the URL and the body: query or update, graphs, format; and the
        extension's (``criteria`` for ``view_of``, ``why``), from the URL and a form body alike."""
        url = request.query_params
        params = {"query": _one(url.getlist("query"), "query"), "update": None,
                  "default": url.getlist("default-graph-uri"), "named": url.getlist("named-graph-uri"),
                  "format": url.get("format"), "using": url.getlist("using-graph-uri"),
                  "using_named": url.getlist("using-named-graph-uri")}
        form: dict[str, list[str]] = {}
        if request.method == "POST":
            body = await body_of(request)
            media, charset = _content_type(request.headers.get("content-type", ""))
            if media == "application/sparql-query":
                params["query"] = _decoded(body, charset)
                if url.getlist("query"):
                    raise ApiError(400, "the query is both in the URL and in the body; send it once")
            elif media == "application/sparql-update":
                params["update"] = _decoded(body, charset)
            elif media == "application/x-www-form-urlencoded":
                from urllib.parse import parse_qs

                try:
                    form = parse_qs(_decoded(body, charset), keep_blank_values=True, errors="strict")
                except UnicodeDecodeError as e:
                    raise ApiError(400, f"the form is not valid UTF-8: {e.reason}") from None
                queries = url.getlist("query") + form.get("query", [])
                params["query"] = _one(queries, "query")
                params["update"] = _one(form.get("update", []), "update")
                params["default"] += form.get("default-graph-uri", [])
                params["named"] += form.get("named-graph-uri", [])
                params["using"] += form.get("using-graph-uri", [])
                params["using_named"] += form.get("using-named-graph-uri", [])
                params["format"] = form.get("format", [params["format"]])[0]
            else:
                raise ApiError(415, "send the query as application/sparql-query, the update as "
                                    "application/sparql-update, or either as a form (query=..., update=...)")
        elif url.get("update") is not None:
            raise ApiError(405, "an update must be sent with POST")
        if params["query"] is not None and params["update"] is not None:
            raise ApiError(400, "a request carries a query or an update, not both")
        given = {name: url.getlist(name) + form.get(name, []) for name in {*url.keys(), *form}}
        params["criteria"], params["why"] = extension.extensions(given)
        return params

    def locked(work):
        if turn is None:
            return work
        def inner():
            with turn:
                return work()
        return inner

    views = extension.Views(cg, guard=locked)

    async def sparql_endpoint(request: Request) -> Response:
        params = await operation(request)
        why, criteria = params["why"], params["criteria"]
        if params["update"] is not None:
            if why or criteria:
                raise ApiError(400, "the source parameters and why apply to queries; an update writes the graph "
                                    "itself")
            return await update(request, params)
        text = params["query"]
        if text is None:
            return describe_service(request, params["format"])
        kind, from_default, from_named = check_query(text)
        # The protocol's graph parameters take the place of the query's FROM and FROM NAMED.
        default, named = (params["default"], params["named"]) if params["default"] or params["named"] \
            else (from_default, from_named)
        accept = request.headers.get("accept", "*/*")
        endpoint = endpoint_of(request)
        name = answer_format(kind, accept, params["format"], why)
        if why and (params["default"] or params["named"]):
            raise ApiError(400, "why does not trace a query on default-graph-uri or named-graph-uri graphs "
                                "(nor one with FROM): it traces the rows of the whole dataset")
        # The workers hold the whole store: a view of chosen sources, and the tracing of why, are answered here,
        # by rdflib's engine in a thread that the time limit stops, like every query on a store in memory.
        if workers is not None and not why and not criteria:
            return await answered_by_worker(text, kind, name, params, endpoint)
        target, headers = await chosen(criteria)

        def work():
            result = sparql.run(_Unfetched(sparql.dataset_of(target.dataset, default, named), endpoint), text)
            if len(result) > limits.rows:
                raise too_large(len(result), result.kind, limits.rows)
            if why:
                return extension.with_why(target, text, result, endpoint), media_type(result.kind, name)
            return serialize(result, name)

        body, media = await run_limited(locked(work), limits.seconds)
        return Response(body, media_type=media, headers={"Vary": "Accept", **headers})

    def answer_format(kind: str, accept: str, requested: str | None, why: bool) -> str:
        """The answer's format; with ``why``, SPARQL JSON, the one format that can carry the sources of each row
        without changing what a standard client reads (XML, CSV and TSV would need a column or an element more)."""
        if not why:
            return negotiate(kind, accept, requested)
        if kind not in ("SELECT", "ASK"):  # refused before it runs, in the words of why.explain
            raise QueryError("{parameter} answers SELECT and ASK queries", syntax=False, parameter="why=True")
        try:
            return negotiate(kind, accept, requested, only=("json",))
        except ApiError as e:
            raise ApiError(406, "why=1 is answered as application/sparql-results+json only (the sources of each "
                                f"row in its '{extension.WHY_MEMBER}' member): ask for it with Accept or "
                                "format=json") from e

    async def chosen(criteria: dict[str, Any]) -> tuple[Any, dict[str, str]]:
        """The graph a request reads: ``cg``, or the view of the sources it chose and the header that says how
        many those are."""
        if not criteria:
            return cg, {}
        try:
            view = await views.get(criteria, limits.seconds)
        except TimeoutError:
            raise ApiError(503, f"the copy of the chosen sources took longer than the server's limit of "
                                f"{limits.seconds:g} s to make; it is still being made: ask again shortly") from None
        return view, {extension.SOURCES_HEADER: extension.sources_header(view.selection)}

    async def answered_by_worker(text: str, kind: str, name: str, params: dict[str, Any], endpoint: str) -> Response:
        """The answer of the store's own engine, in a worker process (see :mod:`.workers`)."""
        request = {"text": text, "fmt": name, "default": params["default"], "named": params["named"],
                   "base": endpoint, "max_rows": limits.rows}
        answer = await workers.answer(request, limits.seconds)
        if answer.outcome == "timeout":
            raise timed_out(limits.seconds)
        if answer.outcome == "too many":
            raise too_large(answer.value, kind, limits.rows)
        if answer.outcome == "refused":
            raise ApiError(400, str(answer.value))
        if answer.outcome != "ok":
            raise ApiError(500, f"internal error: {answer.value}")
        return Response(answer.value, media_type=media_type(kind, name), headers={"Vary": "Accept"})

    def authorize(request: Request, what: str) -> None:
        if not allow_update:
            raise ApiError(403, f"{what} is refused: the endpoint is read-only (casegraph serve --allow-update "
                                "--token ... enables it)")
        given = request.headers.get("authorization", "")
        if not (given.startswith("Bearer ") and hmac.compare_digest(given[7:].strip(), token)):
            raise ApiError(403, f"{what} needs the server's token: send 'Authorization: Bearer TOKEN'")

    async def update(request: Request, params: dict[str, Any]) -> Response:
        authorize(request, "SPARQL Update")
        check_update(params["update"])
        endpoint = endpoint_of(request)

        def work():
            try:
                cg.update(params["update"], using=params["using"], using_named=params["using_named"], base=endpoint)
            finally:  # even a failed update may have applied its first operations
                viewer_html.clear()
                views.changed()

        # An update is not interrupted (that could leave it half applied): it runs to its end.
        await asyncio.get_running_loop().run_in_executor(None, locked(work))
        return Response(status_code=204)

    def describe_service(request: Request, requested: str | None) -> Response:
        accept = request.headers.get("accept", "")
        if not requested and _media_ranges(accept) and _media_ranges(accept)[0][0] == "text/html":
            return HTMLResponse(query_page())  # a browser at the endpoint URL gets the query page
        graph = service_description(endpoint_of(request), cg.dataset, allow_update)
        name = negotiate("DESCRIBE", accept or "text/turtle", requested)
        media, serializer = GRAPH_FORMATS[name]
        return Response(graph.serialize(format=serializer, encoding="utf-8"), media_type=media)

    async def viewer(request: Request) -> Response:
        if "page" not in viewer_html:
            viewer_html["page"] = await asyncio.get_running_loop().run_in_executor(None, lambda: cg.view().html)
        return HTMLResponse(viewer_html["page"])

    async def page(request: Request) -> Response:
        return HTMLResponse(query_page())

    def arg(request: Request, name: str) -> str:
        value = request.query_params.get(name)
        if not value:
            raise ApiError(400, f"missing parameter {name!r}")
        return value

    def number(request: Request, name: str, default: int, top: int) -> int:
        value = request.query_params.get(name, str(default))
        if not value.isdigit() or not 1 <= int(value) <= top:
            raise ApiError(400, f"parameter {name!r} must be a whole number from 1 to {top}")
        return int(value)

    async def api(request: Request, work) -> JSONResponse:
        """``work(graph)`` on the whole graph, or on the view of the sources the request chose (``why`` has no
        meaning here: these answers give their sources already)."""
        url = request.query_params
        criteria, _why = extension.extensions({name: url.getlist(name) for name in url})
        target, headers = await chosen(criteria)
        # a result's to_dict(): the same JSON as the command line's --json
        return JSONResponse(await run_limited(locked(lambda: to_data(work(target))), limits.seconds), headers=headers)

    async def entities(request: Request) -> Response:
        name = arg(request, "name")
        return await api(request, lambda g: {"iri": str(g.entity(name).iri), "label": g.entity(name).label})

    async def entity(request: Request) -> Response:
        name, lang = arg(request, "name"), request.query_params.get("lang")
        return await api(request, lambda g: g.describe(name, lang=lang))

    async def path(request: Request) -> Response:
        start, end, k = arg(request, "from"), arg(request, "to"), number(request, "k", 1, 50)
        return await api(request, lambda g: g.path(start, end, k=k))

    async def neighbors(request: Request) -> Response:
        name, depth = arg(request, "name"), number(request, "depth", 1, 6)
        return await api(request, lambda g: g.neighbors(name, depth=depth))

    def store_target(request: Request) -> URIRef | None:
        """The graph a Graph Store Protocol request names: ``?graph=IRI``, or None for ``?default``."""
        named, default = request.query_params.getlist("graph"), "default" in request.query_params
        if len(named) + default != 1:
            raise ApiError(400, "name one graph: ?graph=IRI, or ?default for the default graph (the union of all)")
        return URIRef(named[0]) if named else None

    async def graph_store(request: Request) -> Response:
        """The SPARQL 1.1 Graph Store HTTP Protocol: GET and HEAD a graph in any RDF format; PUT, POST and
        DELETE one graph whole, only with --allow-update and the token."""
        target = store_target(request)
        if request.method in ("GET", "HEAD"):
            def work():
                if target is None:
                    graph = Graph()
                    for triple in cg.dataset.triples((None, None, None)):
                        graph.add(triple)
                else:
                    graph = cg.dataset.get_context(target)
                    if not len(graph):
                        raise ApiError(404, f"no graph {target} in this store")
                if len(graph) > limits.rows:
                    raise ApiError(413, f"the graph has {len(graph)} triples, more than the server's limit of "
                                        f"{limits.rows}")
                name = negotiate("CONSTRUCT", request.headers.get("accept", "*/*"), request.query_params.get("format"))
                media, serializer = GRAPH_FORMATS[name]
                return graph.serialize(format=serializer, encoding="utf-8"), media
            body, media = await run_limited(locked(work), limits.seconds)
            headers = {"Vary": "Accept", "Content-Length": str(len(body))}
            return Response(b"" if request.method == "HEAD" else body, media_type=media, headers=headers)
        authorize(request, "the Graph Store's PUT, POST and DELETE")
        if target is None:
            raise ApiError(400, "casegraph keeps every triple in the named graph of its source: name it with ?graph=IRI")
        added = Graph()
        if request.method in ("PUT", "POST"):
            media, charset = _content_type(request.headers.get("content-type", ""))
            serializer = next((s for m, s in GRAPH_FORMATS.values() if m == media), None)
            if serializer is None or serializer == "trig":
                raise ApiError(415, "send the graph as " + ", ".join(m for m, s in GRAPH_FORMATS.values() if s != "trig"))
            text = _decoded(await body_of(request), charset)
            try:
                added.parse(data=text, format=serializer, publicID=str(target))
            except Exception as e:  # noqa: BLE001 - a parser's error is the client's input
                raise ApiError(400, f"the body is not valid {media}: {str(e).splitlines()[0][:200]}") from None

        def work():
            existed = len(cg.dataset.get_context(target)) > 0
            if request.method == "DELETE" and not existed:
                raise ApiError(404, f"no graph {target} in this store")
            try:
                if request.method == "DELETE":
                    cg.remove_graph(target)
                else:
                    cg.write_graph(target, added, replace=request.method == "PUT")
            finally:  # a write that failed half-way may have changed the graph too
                viewer_html.clear()
                views.changed()
            return existed

        existed = await asyncio.get_running_loop().run_in_executor(None, locked(work))
        return Response(status_code=204 if existed or request.method == "DELETE" else 201)

    routes = [Route("/", _guarded(viewer)), Route("/query", _guarded(page)),
              Route("/sparql", _guarded(sparql_endpoint), methods=["GET", "POST"]),
              Route("/sparql/", _guarded(sparql_endpoint), methods=["GET", "POST"]),  # no redirect for a POST
              Route("/store", _guarded(graph_store), methods=["GET", "HEAD", "PUT", "POST", "DELETE"]),
              Route("/api/entities", _guarded(entities)), Route("/api/entity", _guarded(entity)),
              Route("/api/path", _guarded(path)), Route("/api/neighbors", _guarded(neighbors))]
    @contextlib.asynccontextmanager
    async def lifespan(_app):
        yield
        views.close()
        if workers is not None:
            workers.close()

    return Starlette(routes=routes, lifespan=lifespan,
                     exception_handlers={Exception: _error_handler, HTTPException: _error_handler,
                                         ApiError: _error_handler, CaseGraphError: _error_handler})


def _request_word(parameter: str) -> str:
    """A library argument as a request names it: ``why=True`` -> ``why=1``, ``min_confidence=`` -> ``min-confidence``."""
    name, _, value = parameter.partition("=")
    return name.replace("_", "-") + ("=1" if value == "True" else "")


async def _error_handler(request: Request, exc: Exception) -> JSONResponse:
    """Every error, whatever raised it, in the one shape."""
    if isinstance(exc, ApiError):
        return error_response(exc.status, exc.message)
    if isinstance(exc, HTTPException):
        return error_response(exc.status_code, exc.detail or "error")
    if isinstance(exc, NotFoundError):
        return error_response(404, str(exc))
    if isinstance(exc, AmbiguousNameError):
        return error_response(409, str(exc))
    if isinstance(exc, CaseGraphError):  # QueryError (syntax, with line and column) and other input errors
        return error_response(400, exc.worded(_request_word))
    return error_response(500, f"internal error: {type(exc).__name__}: {html.escape(str(exc))[:200]}")


# --- one request without a server (casegraph serve --get) ------------------------------------------------------

def get(app, target: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """Answer ``GET target`` in process (no socket): the status, headers and body, as a client would see them."""
    path, _, query_string = target.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": query_string.encode(), "root_path": "",
             "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()],
             "client": ("127.0.0.1", 0), "server": ("127.0.0.1", 0)}
    answer = {"status": 500, "headers": {}, "body": b""}

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
            answer["headers"] = {k.decode(): v.decode() for k, v in message.get("headers", [])}
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    asyncio.run(app(scope, receive, send))
    return answer["status"], answer["headers"], answer["body"]
