"""casegraph: legal-case knowledge graphs with sourced facts, SPARQL, validation and graph analysis.

>>> from casegraph import CaseGraph
>>> cg = CaseGraph.open()
>>> cg.entity("Metta")
Traceback (most recent call last):
casegraph.errors.NotFoundError: no entity named 'Metta'; did you mean 'Meta (Meta Platforms, Inc.)'?
"""

from .errors import (AmbiguousNameError, CaseGraphError, InputError, NotFoundError, ParseError, QueryError,
                     SourceError)
from .graph import CaseGraph, Entity
from .model import Source, mint_iri
from .query import QueryResult
from .validation import ValidationReport

__version__ = "0.1.0"
__all__ = [
    "CaseGraph", "Entity", "Source", "mint_iri", "QueryResult", "ValidationReport",
    "CaseGraphError", "InputError", "ParseError", "QueryError", "NotFoundError", "AmbiguousNameError",
    "SourceError",
]
