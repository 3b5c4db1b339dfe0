"""Graph analysis over a networkx projection of the RDF graph.

``project(cg)`` builds the MultiDiGraph; the algorithms are free functions that take it first, as networkx's
do; ``infer(cg)`` writes derived relations back into RDF, in their own named graph.
"""

from .algorithms import (Community, Hop, Neighbourhood, NoPathError, Path, Ranked, communities, neighbors, paths,
                         rank, top, weighted_undirected)
from .inference import InferenceReport, infer, rules
from .projection import INFERRED_GRAPH, project, projection_spec, graph_text

__all__ = [
    "project", "projection_spec", "graph_text", "INFERRED_GRAPH",
    "paths", "neighbors", "rank", "top", "communities", "weighted_undirected",
    "Hop", "Path", "Neighbourhood", "Ranked", "Community", "NoPathError",
    "infer", "rules", "InferenceReport",
]
