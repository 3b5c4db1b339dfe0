"""One shape for every answer: ``to_dict()``, ``to_pandas()``, a short ``repr`` and an HTML table in notebooks.

Each result type (:class:`~casegraph.query.QueryResult`, :class:`~casegraph.facts.Description`,
:class:`Timeline`, :class:`Statements`, :class:`~casegraph.analysis.algorithms.Path` and :class:`Paths`,
:class:`Ranking`, :class:`Communities`, :class:`~casegraph.analysis.algorithms.Neighbourhood`,
:class:`~casegraph.conflicts.ConflictReport`, :class:`~casegraph.validation.ValidationReport`,
:class:`~casegraph.ingest.Ingestion`) says how it becomes JSON (``to_dict``) and rows (``_rows``, with the
column types in ``_columns``); :class:`Result` does the rest:

* ``to_dict()`` is the JSON-ready data the command line's ``--json`` and the server's ``/api/*`` print: a dict,
  or a list of dicts for the results that are lists (a timeline, statements, paths, a ranking, communities).
* ``to_pandas()`` is a DataFrame (pandas is optional: ``pip install 'casegraph[pandas]'``) whose columns are
  typed: a date column (``date``, ``since``, ``until``) holds a Timestamp when its date is a whole day and NaT
  when it is a month or a year, and ``<column>_text`` beside it holds every date as written ("2023-10");
  counts are ``Int64``, scores ``float64``, flags ``boolean``, text ``string``. A SPARQL column of dates is
  typed the same way when some are a month or a year, else as datetimes. ``sources`` holds each row's
  list of source URLs and ``publishers`` their publishers where known.
* ``repr()`` is one short line; ``_repr_html_()`` the table a notebook shows, every text escaped, source URLs
  as links, cut after :data:`HTML_ROWS` rows with a count of the rest.

>>> from casegraph import CaseGraph
>>> moments = CaseGraph.open().timeline(case="Kadrey v. Meta")
>>> moments                                             # doctest: +ELLIPSIS
<Timeline: ... moments, 2023-07-07 … ...>
>>> moments.to_dict()[0]["date"]
'2023-07-07'
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Iterable

from .errors import CaseGraphError
from .extras import MissingExtraError, needs

__all__ = ["Result", "Timeline", "Statements", "Paths", "Ranking", "Communities", "MissingExtraError", "to_data",
           "support_dict", "with_why", "json_ready"]

#: rows an HTML table shows before it says how many more there are
HTML_ROWS = 50
#: the key (JSON) that holds an item's sources when it was asked ``why``
WHY = "_why"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _pandas():
    """pandas, or a :class:`~casegraph.extras.MissingExtraError` that says to install the ``pandas`` extra."""
    with needs():
        import pandas
    return pandas


def clip(text: Any, width: int = 40) -> str:
    """``text`` on one line, at most ``width`` characters.

    >>> clip("a very long label indeed", 12)
    'a very long…'
    """
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def plural(n: int, noun: str) -> str:
    """``n`` and ``noun``, plural when ``n`` is not one.

    >>> plural(1, "moment"), plural(3, "moment")
    ('1 moment', '3 moments')
    """
    return f"{n} {noun}{'' if n == 1 else 's'}"


def json_ready(value: Any) -> Any:
    """A value JSON can write: dates as ISO text, decimals as floats, other unknown values as text.

    >>> json_ready(date(2023, 7, 7)), json_ready(Decimal("1.5")), json_ready(None)
    ('2023-07-07', 1.5, None)
    """
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(v) for v in value]
    return str(value)


def support_dict(sources: dict, support) -> dict:
    """A :class:`~casegraph.why.Support` as data: its alternatives, each a list of the source documents
    (``sources``: graph IRI -> :class:`~casegraph.facts.SourceRef`) that together make the item true."""
    def document(graph: str) -> dict:
        ref = sources.get(graph)
        return {"graph": graph, "url": ref.url if ref else None, "publisher": ref.publisher if ref else None,
                "issued": ref.issued if ref else None, "confidence": ref.confidence if ref else None}

    return {"aggregate": support.aggregate, "alternatives": [[document(g) for g in way]
                                                             for way in support.alternatives]}


def with_why(data: dict, sources: dict, support) -> dict:
    """An item's data with its support under ``_why``, when it was asked ``why`` (``support`` not None)."""
    return {**data, WHY: support_dict(sources, support)} if support is not None else data


def to_data(value: Any) -> Any:
    """What the command line and the server print for ``value``: its ``to_dict()`` when it has one.

    >>> to_data(Timeline()), to_data({"center": "x"})
    ([], {'center': 'x'})
    """
    return value.to_dict() if hasattr(value, "to_dict") else value


def urls_of(refs: Iterable) -> list[str]:
    """The URLs (else graph IRIs) of source references or plain URLs."""
    return [ref if isinstance(ref, str) else (ref.url or ref.graph) for ref in refs]


def publishers_of(refs: Iterable) -> list[str]:
    """The distinct publishers named by source references, in order."""
    found = []
    for ref in refs:
        publisher = getattr(ref, "publisher", None)
        if publisher and publisher not in found:
            found.append(publisher)
    return found


class Result:
    """What every result shares; a subclass gives ``to_dict``, ``_rows``, ``_columns`` and ``_summary``.

    ``_columns`` is a sequence of ``(name, kind)``; kind is ``text``, ``date``, ``int``, ``float``, ``bool``,
    ``list`` (a list per row: sources, members), ``any`` (Python values as they are) or ``auto`` (a SPARQL
    column: typed by its values).
    """

    _columns: tuple[tuple[str, str], ...] = ()
    #: the columns a notebook's table shows (all of ``_columns`` when empty)
    _html_columns: tuple[str, ...] = ()

    def to_dict(self) -> Any:  # pragma: no cover - every result type defines it
        raise NotImplementedError

    def _rows(self) -> list[dict[str, Any]]:
        raise CaseGraphError(f"a {type(self).__name__} has no rows")

    def _schema(self) -> list[tuple[str, str]]:
        return list(self._columns)

    def _summary(self) -> str:
        return ""

    def __repr__(self) -> str:
        summary = self._summary()
        return f"<{type(self).__name__}{': ' + summary if summary else ''}>"

    def to_pandas(self):
        """The rows as a pandas DataFrame with typed columns (see :mod:`casegraph.results`); raises
        :class:`MissingExtraError` when pandas is not installed.

        >>> Timeline().to_pandas().dtypes.astype(str).to_dict()   # doctest: +ELLIPSIS
        {'date': 'datetime64[...]', 'date_text': 'string', 'kind': 'string', ..., 'sources': 'object'}
        """
        pd = _pandas()
        rows = self._rows()
        data: dict[str, Any] = {}
        for name, kind in self._schema():
            values = [row.get(name) for row in rows]
            if kind == "auto" and _date_like(values):
                kind, values = "date", [v.isoformat() if isinstance(v, date) else v for v in values]
            if kind == "date":
                written = [None if v in (None, "") else str(v) for v in values]
                days = [v if v is not None and _DAY.match(v) else None for v in written]
                data[name] = pd.to_datetime(pd.Series(days, dtype="object"), format="%Y-%m-%d", errors="coerce")
                data[name + "_text"] = pd.Series(written, dtype="string")
            elif kind == "list":
                data[name] = pd.Series([list(v or ()) for v in values], dtype="object")
            elif kind == "any":
                data[name] = pd.Series(values, dtype="object")
            elif kind == "auto":
                data[name] = _typed(pd, values)
            else:
                dtype = {"int": "Int64", "float": "float64", "bool": "boolean", "text": "string"}[kind]
                data[name] = pd.Series(values, dtype=dtype)
        return pd.DataFrame(data, index=pd.RangeIndex(len(rows)))

    def _repr_html_(self) -> str:
        """The table a notebook shows: every text escaped, http(s) sources as links, :data:`HTML_ROWS` rows
        at most, then how many more.

        >>> Timeline()._repr_html_()[:46]
        '<div><p>&lt;Timeline: 0 moments&gt;</p><table>'
        """
        rows = self._rows()
        shown = list(self._html_columns) or [name for name, _kind in self._schema()]
        head = "".join(f"<th>{html.escape(name)}</th>" for name in shown)
        body = []
        for row in rows[:HTML_ROWS]:
            body.append("<tr>" + "".join(f"<td>{_html_cell(name, row.get(name))}</td>" for name in shown) + "</tr>")
        more = len(rows) - HTML_ROWS
        if more > 0:
            body.append(f'<tr><td colspan="{len(shown)}">… {more} more row{"s" if more > 1 else ""}</td></tr>')
        return (f"<div><p>{html.escape(repr(self))}</p><table><thead><tr>{head}</tr></thead>"
                f"<tbody>{''.join(body)}</tbody></table></div>")


def _link(url: str) -> str:
    text = html.escape(url)
    if re.match(r"https?://", url, re.I):
        return f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">{text}</a>'
    return text


def _html_cell(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name == "sources":
        return "<br>".join(_link(str(url)) for url in value)
    if isinstance(value, (list, tuple)):
        return html.escape("; ".join(str(v) for v in value))
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, (date, datetime)):
        return html.escape(value.isoformat())
    return html.escape(str(value))


def _date_like(values: list) -> bool:
    """Whether a SPARQL column holds dates, some of them a month or a year only (``xsd:gYearMonth``, ``xsd:gYear``):
    such a column is a date column, with its ``_text`` beside it."""
    present = [v for v in values if v is not None]
    return (any(isinstance(v, date) and not isinstance(v, datetime) for v in present)
            and any(isinstance(v, str) for v in present)
            and all((isinstance(v, date) and not isinstance(v, datetime))
                    or (isinstance(v, str) and re.fullmatch(r"\d{4}(-\d{2}){0,2}", v)) for v in present))


def _typed(pd, values: list):
    """A column of SPARQL values as the pandas type they share: booleans, integers, numbers, dates, text."""
    present = [v for v in values if v is not None]
    if not present:
        return pd.Series(values, dtype="object")
    if all(isinstance(v, bool) for v in present):
        return pd.Series(values, dtype="boolean")
    if all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return pd.Series(values, dtype="Int64")
    if all(isinstance(v, (int, float, Decimal)) and not isinstance(v, bool) for v in present):
        return pd.Series([None if v is None else float(v) for v in values], dtype="float64")
    if all(isinstance(v, (date, datetime)) for v in present):
        try:
            return pd.to_datetime(pd.Series(values, dtype="object"), utc=any(
                isinstance(v, datetime) and v.tzinfo is not None for v in present))
        except (ValueError, TypeError):
            return pd.Series(values, dtype="object")
    if all(isinstance(v, str) for v in present):
        return pd.Series(values, dtype="string")
    return pd.Series([json_ready(v) if isinstance(v, Decimal) else v for v in values], dtype="object")


def _span(dates: Iterable[str | None]) -> str:
    known = sorted(d for d in dates if d)
    if not known:
        return ""
    return known[0] if known[0] == known[-1] else f"{known[0]} … {known[-1]}"


class _ListResult(Result, list):
    """A result that is a list of items (and stays one: indexing, ``len``, iteration and ``==`` work as on a
    list); ``sources`` are the source documents by graph IRI when the items were asked ``why``."""

    _noun = "item"

    def __init__(self, items: Iterable = (), *, sources: dict | None = None):
        super().__init__(items)
        self.sources = sources or {}

    def _item_dict(self, item) -> dict:
        return item.to_dict()

    def to_dict(self) -> list[dict]:
        """Each item as JSON-ready data, with its sources under ``_why`` when it was asked ``why``."""
        return [with_why(self._item_dict(item), self.sources, getattr(item, "why", None)) for item in self]

    def _summary(self) -> str:
        return plural(len(self), self._noun)


class Timeline(_ListResult):
    """The moments of :meth:`CaseGraph.timeline <casegraph.graph.CaseGraph.timeline>` in date order.

    >>> from casegraph import CaseGraph
    >>> frame = CaseGraph.open().timeline(case="Kadrey v. Meta").to_pandas()
    >>> frame.loc[0, "date"], frame.loc[0, "kind"]
    (Timestamp('2023-07-07 00:00:00'), 'CaseFiled')
    """

    _noun = "moment"
    _columns = (("date", "date"), ("kind", "text"), ("label", "text"), ("case", "text"), ("what", "text"),
                ("sources", "list"))
    _html_columns = ("date", "kind", "label", "sources")

    def _rows(self) -> list[dict]:
        return [{"date": m.date, "kind": m.kind, "label": m.label, "case": m.case, "what": m.what,
                 "sources": list(m.sources)} for m in self]

    def _summary(self) -> str:
        span = _span(m.date for m in self)
        return plural(len(self), self._noun) + (f", {span}" if span else "")


class Statements(_ListResult):
    """The statements of :meth:`CaseGraph.statements <casegraph.graph.CaseGraph.statements>`: one row each,
    with its first wording, speakers, addressees, mentions and sources.

    >>> from casegraph import CaseGraph
    >>> found = CaseGraph.open().statements(speaker="Al-Dahle")
    >>> list(found.to_pandas().columns[:4])
    ['date', 'date_text', 'speaker', 'addressees']
    """

    _noun = "statement"
    _columns = (("date", "date"), ("speaker", "list"), ("addressees", "list"), ("text", "text"),
                ("lang", "text"), ("paraphrase", "bool"), ("mentions", "list"), ("iri", "text"),
                ("sources", "list"), ("publishers", "list"))
    _html_columns = ("date", "speaker", "addressees", "text", "sources")

    def _rows(self) -> list[dict]:
        rows = []
        for view in self:
            first = (view.ordered() or [None])[0]
            rows.append({"date": view.date, "speaker": [label for _iri, label in view.speaker],
                         "addressees": [label for _iri, label in view.addressees],
                         "text": first.text if first else None, "lang": first.lang if first else None,
                         "paraphrase": not view.wordings, "mentions": [label for _iri, label in view.mentions],
                         "iri": view.iri, "sources": urls_of(view.sources), "publishers": publishers_of(view.sources)})
        return rows

    def _summary(self) -> str:
        span = _span(v.date for v in self)
        return plural(len(self), self._noun) + (f", {span}" if span else "")


class Paths(_ListResult):
    """The paths of :meth:`CaseGraph.path <casegraph.graph.CaseGraph.path>`, shortest first; as rows, every
    hop of every path, numbered by ``path`` (from 1) and ``step``."""

    _noun = "path"

    @property
    def _columns(self):
        from .analysis.algorithms import Path

        return (("path", "int"),) + Path._columns

    _html_columns = ("path", "step", "subject_label", "relation", "object_label", "date", "sources")

    def _item_dict(self, path) -> dict:
        return {**path.to_dict(), "hops": [with_why(h.to_dict(), self.sources, h.why) for h in path.hops]}

    def to_dict(self) -> list[dict]:
        """Each path as JSON-ready data, each hop with its sources under ``_why`` when it was asked ``why``."""
        return [self._item_dict(path) for path in self]

    def _rows(self) -> list[dict]:
        return [{"path": number, **row} for number, path in enumerate(self, start=1) for row in path._rows()]

    def _summary(self) -> str:
        ends = f", {clip(self[0].start, 30)} → {clip(self[0].end, 30)}" if self else ""
        return plural(len(self), self._noun) + ends


class Ranking(_ListResult):
    """The entities of :meth:`CaseGraph.rank <casegraph.graph.CaseGraph.rank>`, best first.

    >>> from casegraph import CaseGraph
    >>> CaseGraph.open().rank("degree", top=3).to_pandas().dtypes["score"]
    dtype('float64')
    """

    _noun = "entity"
    _columns = (("rank", "int"), ("label", "text"), ("kind", "text"), ("score", "float"), ("iri", "text"))

    def _rows(self) -> list[dict]:
        return [{"rank": n, **r.to_dict()} for n, r in enumerate(self, start=1)]

    def _summary(self) -> str:
        noun = "entity" if len(self) == 1 else "entities"
        first = ", ".join(clip(r.label, 30) for r in self[:3])
        return f"{len(self)} {noun}" + (f": {first}{', …' if len(self) > 3 else ''}" if first else "")


class Communities(_ListResult):
    """The communities of :meth:`CaseGraph.communities <casegraph.graph.CaseGraph.communities>`, largest
    first; a row per community with its size and the labels of its members, most central first."""

    _noun = "community"
    _columns = (("community", "int"), ("name", "text"), ("size", "int"), ("members", "list"))

    def _rows(self) -> list[dict]:
        return [{"community": n, "name": c.name, "size": len(c), "members": [label for _n, label in c.members]}
                for n, c in enumerate(self, start=1)]

    def _summary(self) -> str:
        noun = "community" if len(self) == 1 else "communities"
        return f"{len(self)} {noun}" + (f", largest: {clip(self[0].name, 50)} ({len(self[0])})" if self else "")
