"""Reading the readers' marks (tests/data/*/gold*.json): short IRIs and the place of marked words."""

import re

from casegraph.vocab import PREFIXES


def iri(short):
    """'person:ahmad-al-dahle' -> the full IRI (lists and None pass through)."""
    if short is None:
        return None
    if isinstance(short, list):
        return sorted(iri(s) for s in short)
    prefix, local = short.split(":", 1)
    return PREFIXES[prefix] + local


def span(text, words, occurrence=0):
    """(start, end) of the ``occurrence``-th appearance of ``words`` in ``text``."""
    starts = [m.start() for m in re.finditer(re.escape(words), text)]
    return starts[occurrence], starts[occurrence] + len(words)
