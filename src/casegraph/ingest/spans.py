"""Spans of a text (``(start, end)``, end exclusive), asked what overlaps or lies inside them.

>>> quotes = Spans([(10, 20), (30, 45)])
>>> quotes.contains(15), quotes.contains(10), quotes.overlaps(18, 25), quotes.overlaps(20, 30)
(True, False, True, False)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class Spans:
    """Sorted spans, which may overlap; lookups are binary searches."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [s for s, _e in self.spans]
        self.reach = []  # the furthest end among the spans up to each index
        furthest = -1
        for _s, e in self.spans:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span shares a character with ``[start, end)``."""
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.reach[i] > start

    def contains(self, offset: int) -> bool:
        """Whether ``offset`` lies strictly inside a span (after its first character, before its end)."""
        i = bisect_left(self.starts, offset) - 1
        return i >= 0 and self.reach[i] > offset


class Located:
    """Things with ``start`` and ``end`` in text order, asked for those within a span."""

    def __init__(self, items):
        self.items = sorted(items, key=lambda item: item.start)
        self.starts = [item.start for item in self.items]

    def within(self, start: int, end: int) -> list:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.items) and self.items[i].start < end:
            if self.items[i].end <= end:
                out.append(self.items[i])
            i += 1
        return out
