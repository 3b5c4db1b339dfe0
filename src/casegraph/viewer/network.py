"""The graph as a :class:`pyvis.network.Network`, for those who already work with pyvis.

>>> from casegraph import CaseGraph
>>> net = CaseGraph.open().to_pyvis(focus="Al-Dahle", depth=1)
>>> net.num_nodes() > 1 and net.cdn_resources == "in_line"
True

The nodes and edges are the ones the casegraph viewer draws (:func:`casegraph.viewer.view_data` gives their
labels, classes, colours, shapes, sizes and positions), written straight into the network's lists and id map:
pyvis's ``add_node``/``add_edge`` look every id up in a list, which is quadratic in the size of the graph.

Limits, compared with ``cg.view()``:

* pyvis's page is pyvis's: no search, filters by source, entity cards or timeline.
* With ``cdn_resources="local"`` or ``"remote"`` pyvis's page loads vis-network from a CDN; only ``"in_line"``
  (the default here) puts it in the page. pyvis's template also links Bootstrap from a CDN in every mode; for
  ``"in_line"`` networks made here that link is left out, so the saved page needs no network at all.
* Hover texts (``title``) are plain text with HTML's two markup openers escaped (see :func:`plain_title`).
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import CaseGraphError

#: the Bootstrap tags pyvis's template loads from a CDN whatever ``cdn_resources`` says
_BOOTSTRAP = re.compile(r'<link[^>]*?href="https://cdn\.jsdelivr\.net/npm/bootstrap@[^"]*"[^>]*>\s*'
                        r'|<script[^>]*?src="https://cdn\.jsdelivr\.net/npm/bootstrap@[^"]*"[^>]*>\s*</script>')
#: the colour and dash pattern of a claim's and an inferred relation's line (as in viewer.js)
CLAIM_LINE = {"dashes": [7, 4], "color": {"color": "#b07aa1", "highlight": "#6d3a7d", "inherit": False}}
INFERRED_LINE = {"dashes": [2, 4], "color": {"color": "#aaaaaa", "highlight": "#555555", "inherit": False}}
FACT_LINE = {"dashes": False, "color": {"color": "#9aa3ad", "highlight": "#333333", "inherit": False}}


def plain_title(text: str) -> str:
    """``text`` made safe as a vis-network hover text, shown the same whether it is read as text or as HTML.

    vis-network 9 shows a string ``title`` as text, but pyvis's page sets it as HTML (``innerHTML``) as soon as
    one node's title contains "href". Only ``<`` (a tag) and ``&`` followed by a letter, digit or ``#`` (a
    character reference) mean anything in HTML text, so only those are escaped: ``"Steen & Hamilton"`` reads
    the same either way, and a ``<script>`` in a label stays text (shown as ``&lt;script>`` by vis-network).
    """
    return re.sub(r"&(?=[#A-Za-z0-9])", "&amp;", text).replace("<", "&lt;")


def _border(colour: str) -> str:
    """The border of a node: its colour at 70 %, as the viewer draws it."""
    value = int(colour.lstrip("#")[:6], 16)
    return "rgb({},{},{})".format(*(round(((value >> shift) & 255) * 0.7) for shift in (16, 8, 0)))


def _template_env(template_dir: str):
    """pyvis's own templates, with the Bootstrap CDN tags kept out of ``"in_line"`` pages and every ``{{ }}``
    value (heading, node ids in the select menu) HTML-escaped."""
    from jinja2 import BaseLoader, Environment, FileSystemLoader

    files = FileSystemLoader(template_dir)

    class OfflineLoader(BaseLoader):
        def get_source(self, environment, template):
            source, filename, uptodate = files.get_source(environment, template)
            if template.endswith(".html"):
                source = _BOOTSTRAP.sub(lambda m: '{% if cdn_resources != "in_line" %}' + m.group(0)
                                        + "{% endif %}", source)
            return source, filename, uptodate

    return Environment(loader=OfflineLoader(), autoescape=True)


def to_pyvis(cg, *, focus: str | None = None, depth: int = 1, include_inferred: bool = False, lang: str = "en",
             cdn_resources: str = "in_line", **network_options: Any):
    """A :class:`pyvis.network.Network` of the graph (or of the entities within ``depth`` hops of ``focus``).

    The arguments ``focus``, ``depth``, ``include_inferred`` and ``lang`` are those of :meth:`CaseGraph.view`;
    ``cdn_resources`` and ``network_options`` (``height``, ``width``, ``directed`` (default ``True``),
    ``notebook``, ``heading``, ``bgcolor``, ``select_menu``, ``filter_menu``...) go to ``Network``.

    Every node carries the viewer's label, colour, shape, size and position, ``group`` (its class) and a plain
    hover text; every relation of the projection is one edge (parallel ones included): solid for a curated fact,
    dashed for a claim, dotted for an inferred relation, with a hover text naming relation, status and date.
    The network works with pyvis's own methods (``get_nodes``, ``neighbors``, ``show_buttons``,
    ``set_options``, ``save_graph``, ``show``...).

    Positions are computed in Python and physics is off, so the page draws at once. To let vis-network move the
    nodes, call ``net.toggle_physics(True)`` (the computed positions become the start), or
    ``net.show_buttons(filter_=["physics"])`` to tune it in the page.
    """
    try:
        from pyvis.network import Network
    except ModuleNotFoundError as e:  # pragma: no cover - pyvis is a dependency of the viewer
        raise CaseGraphError("to_pyvis needs the pyvis package: pip install pyvis") from e
    from . import drawn_projection, view_data

    G, title = drawn_projection(cg, focus=focus, depth=depth, include_inferred=include_inferred, lang=lang)
    data = view_data(G, lang=lang, title=title)
    network_options.setdefault("directed", True)
    net = Network(cdn_resources=cdn_resources, **network_options)
    net.templateEnv = _template_env(net.template_dir)
    if network_options.get("notebook"):
        net.prep_notebook()  # again, with the template above

    classes = data["classes"]
    nodes = []
    for row in data["nodes"]:
        cls = classes[row["c"]]
        colour = {"background": cls["colour"], "border": _border(cls["colour"]),
                  "highlight": {"background": cls["colour"], "border": "#111111"},
                  "hover": {"background": cls["colour"], "border": "#111111"}}
        hover = f"{cls['name']}: {row['l']}" + (f"\n{row['d']}" if row.get("d") else "")
        nodes.append({"id": row["id"], "label": row["l"], "shape": cls["shape"], "color": colour,
                      "size": row["s"], "x": row["x"], "y": row["y"], "group": cls["name"],
                      "font": {"size": round(10 + row["s"] / 2.5), "color": "#222222"},
                      "title": plain_title(hover)})
    net.nodes = nodes
    net.node_ids = [node["id"] for node in nodes]
    net.node_map = {node["id"]: node for node in nodes}

    words = data["ui"]
    edges = []
    for row in data["edges"]:
        relation = data["relations"][row["r"]]
        status = data["statuses"][row["s"]] if "s" in row else ""
        line = INFERRED_LINE if row.get("i") else CLAIM_LINE if status else FACT_LINE
        hover = [relation]
        if status:
            hover.append(f"{words['status_']}: {status}")
        if row.get("d"):
            hover.append(row["d"])
        if row.get("i"):
            hover.append(words["dotted"] + (f" ({words['via']} {row['v']})" if row.get("v") else ""))
        edge = {"from": data["nodes"][row["f"]]["id"], "to": data["nodes"][row["t"]]["id"],
                "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}}, "dashes": line["dashes"],
                "color": dict(line["color"]), "width": 1, "title": plain_title("\n".join(hover))}
        if data["edgeLabels"]:
            edge["label"] = relation
        edges.append(edge)
    net.edges = edges

    net.toggle_physics(False)
    net.options.edges.smooth.enabled = False
    net.inherit_edge_colors(False)
    return net

