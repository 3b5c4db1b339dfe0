"""The timeline: dated events, statements, filings and releases in order, each with its sources.

It runs the saved query ``timeline`` (so SPARQL users get the same rows) and narrows it by case, by entity
and by date range. Dates may be a day, a month or a year ("2023-10"); a range bound keeps a date when they
overlap, so ``--from 2023-10-15`` keeps "2023-10" but not "2023-09".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date as _date
from typing import Any, Iterable

from .errors import InputError
from .query import own_query
from .results import Timeline


@dataclass(frozen=True)
class Moment:
    """One dated thing: when, what kind, what, its label, the case it belongs to, and the sources."""

    date: str
    kind: str
    what: str
    label: str
    case: str | None
    sources: tuple[str, ...]
    #: with ``timeline(..., why=True)``: the ways it holds (a :class:`~casegraph.why.Support`)
    why: Any = None

    def to_dict(self) -> dict:
        data = {**asdict(self), "sources": list(self.sources)}
        data.pop("why")
        return data


def most_precise(dates: Iterable[str]) -> str | None:
    """The date to show of those sources give for one thing: the most precise (a day before a month before a
    year), and of two as precise the earlier, so that the choice never depends on the order they were read in.

    >>> most_precise(["2025", "2025-01-14", "2025-01-08"])
    '2025-01-08'
    """
    return min(dates, key=lambda date: (-len(date), date), default=None)


def _check_date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    parts = value.split("-")
    if not (1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4):
        raise InputError(f"{{parameter}} {value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", parameter=name)
    return value


def last_day(issued: str) -> _date | None:
    """The last day a publication date written with its precision (2025-01-14, 2025-01, 2025) may stand for, or
    None when it is not a date.

    >>> last_day("2025-02"), last_day("2024"), last_day("2025-01-14")
    (datetime.date(2025, 2, 28), datetime.date(2024, 12, 31), datetime.date(2025, 1, 14))
    """
    parts = issued.strip()[:10].split("-")
    try:
        if len(parts) == 1:
            return _date(int(parts[0]), 12, 31)
        year, month = int(parts[0]), int(parts[1])
        if len(parts) == 2:
            following = _date(year + month // 12, month % 12 + 1, 1)
            return _date.fromordinal(following.toordinal() - 1)
        return _date(year, month, int(parts[2]))
    except ValueError:
        return None


def in_range(date: str, start: str | None, end: str | None) -> bool:
    """Whether ``date`` (day, month or year) can fall between ``start`` and ``end`` (same precisions).

    >>> in_range("2023-10", "2023-10-15", None), in_range("2023-09", "2023-10-15", None)
    (True, False)
    >>> in_range("2025-06-25", "2025", "2025-06"), in_range("2025-07-01", None, "2025-06")
    (True, False)
    """
    if start is not None and date < start[: len(date)]:
        return False
    if end is not None and date[: len(end)] > end:
        return False
    return True


def dates_agree(a: str, b: str) -> bool:
    """Whether two dates can name the same day: equal, or one is the other at a coarser precision.

    >>> dates_agree("2024-04", "2024-04-18"), dates_agree("2024", "2024-04-18"), dates_agree("2004-01-04", "2004-02-04")
    (True, True, False)
    """
    shorter, longer = sorted((a, b), key=len)
    return longer[: len(shorter)] == shorter


def timeline(cg, *, case: str | None = None, entity: str | None = None, start: str | None = None,
             end: str | None = None) -> Timeline:
    """The timeline of ``cg``, optionally of one case, around one entity, and between two dates: a
    :class:`~casegraph.results.Timeline`, a list of :class:`Moment`."""
    start, end = _check_date(start, "start="), _check_date(end, "end=")
    # casegraph's own query, whatever saved queries of the user's are about
    rows = cg.saved(own_query("timeline"), **({"case": case} if case else {})).rows
    if entity:
        found = cg.entity(entity)
        linked = {row["x"] for row in cg.query(
            "SELECT DISTINCT ?x WHERE { { ?x ?p ?e } UNION { ?e ?p ?x } FILTER(isIRI(?x)) }", e=found).rows}
        linked.add(str(found.iri))
        rows = [row for row in rows if row["what"] in linked]
    return Timeline(Moment(str(row["date"]), row["kind"], row["what"], row["label"] or row["what"], row["case"],
                           tuple(sorted((row["sources"] or "").split())))
                    # a graph with nothing dated answers one empty group: no moment
                    for row in rows if row["date"] is not None and in_range(str(row["date"]), start, end))
