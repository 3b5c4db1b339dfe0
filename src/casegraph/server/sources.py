"""The endpoint's provenance extensions: answers from the sources a request chooses, and ``why`` on each row.

Both are request parameters that the SPARQL protocols do not define (``min-confidence``, ``exclude-source``...,
``why``), read from the query string and from a form body alike. A request without them is answered exactly as
before. The source parameters name the keywords of :meth:`casegraph.CaseGraph.view_of` (see
:data:`VIEW_PARAMETERS`); the request is answered on that view, a copy of the chosen sources' graphs that a few
requests share (:class:`Views`). ``why`` adds the sources of each row as a member of the SPARQL JSON results
that standard parsers ignore (:func:`with_why`).
"""

from __future__ import annotations

import asyncio
import json
from collections import OrderedDict
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import fields
from typing import Any

from ..errors import InputError
from ..results import support_dict

#: the endpoint's source parameters -> (the keyword of ``CaseGraph.view_of`` it fills, whether it may repeat).
#: A new criterion of ``view_of`` is one line here, and nothing else changes.
VIEW_PARAMETERS: dict[str, tuple[str, bool]] = {
    "min-confidence": ("min_confidence", False),
    "publisher": ("publishers", True),
    "exclude-publisher": ("exclude_publishers", True),
    "source": ("sources", True),
    "exclude-source": ("exclude_sources", True),
    "method": ("methods", True),
    "known-on": ("known_on", False),
    "as-of": ("as_of", False),
}
#: the parameter that asks for the sources of each row
WHY = "why"
#: the member of a SPARQL JSON result that carries them (the format allows members it does not define)
WHY_MEMBER = "casegraph:why"
#: the response header that says how many sources answered
SOURCES_HEADER = "Casegraph-Sources"
#: the parameters the extension must never take: the SPARQL Protocol's, the Graph Store Protocol's, the
#: endpoint's own ``format``, and those of the JSON API
RESERVED = frozenset({"query", "update", "default-graph-uri", "named-graph-uri", "using-graph-uri",
                      "using-named-graph-uri", "graph", "default", "format", "name", "lang", "from", "to", "k",
                      "depth"})
#: how many views of chosen sources are kept (each is a copy of its sources' quads)
VIEWS_KEPT = 4

_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def _key(name: str) -> str:
    """A parameter name with case, ``-``, ``_`` and a plural ``s`` aside: how a misspelling is recognised."""
    return name.lower().replace("-", "").replace("_", "").removesuffix("s")


_KNOWN = {_key(name): name for name in (*VIEW_PARAMETERS, WHY)}


def extensions(given: Mapping[str, list[str]]) -> tuple[dict[str, Any], bool]:
    """The ``view_of`` keywords and the ``why`` flag that a request's parameters (name -> values, URL and form
    together) ask for; InputError, one line, for a bad value, a repeated single parameter or a near miss.

    A near miss (``known_on``, ``exclude-sources``) is refused rather than ignored: ignored, it would give the
    answer from every source to a client who believes it left one out.
    """
    for name in given:
        known = _KNOWN.get(_key(name))
        if known is not None and known != name and name not in RESERVED:
            raise InputError(f"unknown parameter {name!r}: did you mean {known!r}?")
    criteria: dict[str, Any] = {}
    for name, (keyword, repeatable) in VIEW_PARAMETERS.items():
        values = [v.strip() for v in given.get(name, [])]
        if not values:
            continue
        if not repeatable and len(values) > 1:
            raise InputError(f"{len(values)} {name!r} parameters: give {name} once")
        # Sorted and without repeats: the same choice in another order shares its view.
        criteria[keyword] = tuple(sorted(set(values))) if repeatable else values[0]
    _check(criteria)
    whys = given.get(WHY, [])
    if len(whys) > 1:
        raise InputError(f"{len(whys)} {WHY!r} parameters: give {WHY} once")
    flag = whys[0].strip().lower() if whys else "0"
    if flag not in _TRUE + _FALSE:
        raise InputError(f"{WHY}={whys[0]!r}: expected {WHY}=1 (or 0)")
    return criteria, flag in _TRUE


def _check(criteria: dict[str, Any]) -> None:
    """Refuse a bad value (a confidence, a method, a date) before any view is made: SourceSelection checks the
    fields it has; names of publishers and sources are checked against the graph when the view is made."""
    from ..provenance import SourceSelection, parse_day

    own = {f.name for f in fields(SourceSelection)}
    SourceSelection(**{k: v for k, v in criteria.items() if k in own})
    if "as_of" in criteria:
        parse_day(criteria["as_of"])


def sources_header(selected) -> str:
    """``120 of 174; 91 undated left out``: the sources a view kept, of all, and those left out for want of a
    date (``known-on``)."""
    text = f"{len(selected.graphs)} of {len(selected.graphs) + len(selected.left_out)}"
    return text + (f"; {len(selected.undated)} undated left out" if selected.undated else "")


class Views:
    """The views of chosen sources that requests ask for, the ``size`` most recently used kept.

    A view is made once for every request that asks for it while it is being made, in one thread of its own (one
    view at a time, so that many selections asked at once do not hold many half-made copies). A request waits for
    it up to a time limit; past that it is told to ask again, and the view is still made and kept. Kept views are
    dropped when the store changes: its generation (a store on disk) or :meth:`changed` (a write by the server).
    """

    def __init__(self, cg, *, size: int = VIEWS_KEPT, guard: Callable = lambda work: work):
        self.cg, self.size, self.guard = cg, size, guard
        self._kept: OrderedDict[tuple, Any] = OrderedDict()
        self._making: dict[tuple, asyncio.Future] = {}
        self._epoch = 0
        self._maker: ThreadPoolExecutor | None = None

    def changed(self) -> None:
        """Called after each write the server makes (under its write lock): views made before are stale."""
        self._epoch += 1

    def _state(self) -> tuple:
        return (self.cg._store.generation(), self._epoch)  # the store's change counter (a store on disk)

    async def get(self, criteria: dict[str, Any], seconds: float):
        """The view for ``criteria`` (the keywords of ``view_of``); TimeoutError after ``seconds``, InputError
        for a name no source has."""
        state = self._state()
        for stale in [k for k in self._kept if k[0] != state]:
            del self._kept[stale]
        key = (state, tuple(sorted(criteria.items())))
        if key in self._kept:
            self._kept.move_to_end(key)
            return self._kept[key]
        future = self._making.get(key)
        if future is None:
            if self._maker is None:
                self._maker = ThreadPoolExecutor(1, thread_name_prefix="casegraph-view")
            future = asyncio.get_running_loop().run_in_executor(
                self._maker, self.guard(lambda: self.cg.view_of(**criteria)))
            self._making[key] = future
            future.add_done_callback(lambda done: self._made(key, done))
        # shield: a request that stops waiting does not stop the view, which the next request will find
        return await asyncio.wait_for(asyncio.shield(future), seconds)

    def _made(self, key: tuple, future: asyncio.Future) -> None:
        self._making.pop(key, None)
        if future.cancelled() or future.exception() is not None:
            return  # a misspelt name: nothing kept, the error went to the requests that waited
        self._kept[key] = future.result()
        while len(self._kept) > self.size:
            self._kept.popitem(last=False)

    def close(self) -> None:
        if self._maker is not None:
            self._maker.shutdown(wait=False, cancel_futures=True)


# --- why ----------------------------------------------------------------------------------------------------

def with_why(cg, text: str, result, base: str) -> bytes:
    """The SPARQL JSON results of ``result`` (the answer to the SELECT or ASK ``text`` on ``cg``) with a
    top-level ``casegraph:why`` member: for SELECT a list aligned with ``results.bindings``, for ASK one support.
    QueryError when the query cannot be traced (sub-queries, FROM...)."""
    from ..why import explain

    # The endpoint resolves relative IRIs against its own URL; the tracer must read the query the same way, or
    # the rows it traces would not match the rows answered.
    why = explain(cg, f"BASE <{base}>\n{text}", result)
    supports = why if isinstance(why, list) else [why]
    sources = cg.sources_of({g for support in supports for g in support.graphs})
    data = json.loads(result.raw.serialize(format="json"))
    # each support as casegraph query --why --format json gives it (results.support_dict)
    data[WHY_MEMBER] = ([support_dict(sources, s) for s in why] if isinstance(why, list)
                        else support_dict(sources, why))
    return json.dumps(data, ensure_ascii=False).encode("utf-8")
