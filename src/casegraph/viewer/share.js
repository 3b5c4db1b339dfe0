/* casegraph viewer: views worth sharing.
   1. The page's state lives in the URL fragment: what the reader selected, the path, the filters that are off, the
      view, the date range, the source filters, the search text, and the case layout, text view and open groups of
      the other features. It is written on every change (history.replaceState: one history entry, not one per
      click) and read back when the page opens and on hashchange, so a reload or a link shows the same thing.
      Keys are readable and stable across rebuilds of the page: IRIs, class/relation/status NAMES, ISO dates.
   2. Export SVG and PNG: the picture on screen (the visible nodes and edges where they are, as drawn, with the
      labels the page draws) plus a title, a legend and a numbered footnote of the documents behind the edges
      shown, then the page's disclaimer. The SVG is built with DOM calls and serialised (never strings of data);
      the PNG is that SVG drawn on a canvas. Adds V.exportSVG() (the SVG text) and V.shareState() (the fragment). */
(function (V) {
  "use strict";
  var D = V.data, T = D.ui, N = D.nodes, E = D.edges, C = D.classes, state = V.state;
  var $ = function (id) { return document.getElementById(id); };
  var metrics = window.casegraphMetrics = window.casegraphMetrics || {};
  var ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

  // --- 1. state <-> fragment ----------------------------------------------------------------------------------
  function boxes(kind) { return Array.prototype.slice.call(document.querySelectorAll("#side input[data-" + kind + "]")); }
  var allNodes = $("all-nodes"), inferred = $("show-inferred"), edgeLabels = $("edge-labels");
  var dateFrom = $("date-from"), dateTo = $("date-to"), knownOn = $("known-on"), minConf = $("min-confidence");
  var pathFrom = $("path-from"), pathTo = $("path-to");
  // What the page shows before the reader touches anything: only differences from it go in the fragment.
  // (A page made for one case, `casegraph view --case`, opens on that case's layout: "case=" leaves it.)
  var DEFAULT = { allNodes: allNodes.checked, inferred: inferred.checked, edgeLabels: edgeLabels.checked,
                  caseFocus: D.caseFocus || null };

  // The fragment for what is shown now (URLSearchParams; a key repeats for each class, relation, status, group).
  function encode() {
    var p = new URLSearchParams();
    if (state.selected) p.set("select", state.selected);
    var ends = state.path && state.pathEnds; // [from, to] node indices of the path shown
    if (ends) { p.set("path-from", N[ends[0]].id); p.set("path-to", N[ends[1]].id); }
    if (!$("view-section").hidden && allNodes.checked !== DEFAULT.allNodes) p.set("all-nodes", allNodes.checked ? "1" : "0");
    boxes("class").forEach(function (b) { if (!b.checked) p.append("hide-class", b.getAttribute("data-class")); });
    boxes("relation").forEach(function (b) { if (!b.checked) p.append("hide-relation", b.getAttribute("data-relation")); });
    // The plain facts' box has the empty name: "hide-status=" hides them.
    boxes("status").forEach(function (b) { if (!b.checked) p.append("hide-status", b.getAttribute("data-status")); });
    if (!inferred.disabled && inferred.checked !== DEFAULT.inferred) p.set("inferred", inferred.checked ? "1" : "0");
    if (edgeLabels.checked !== DEFAULT.edgeLabels) p.set("relation-names", edgeLabels.checked ? "1" : "0");
    if (state.from) p.set("dates-from", state.from);
    if (state.to) p.set("dates-to", state.to);
    if (state.knownOn) p.set("known-on", state.knownOn);
    if (state.minConf) p.set("min-confidence", state.minConf);
    if ($("search").value.trim()) p.set("q", $("search").value);
    if (V.showCase && (state.caseFocus || null) !== DEFAULT.caseFocus) p.set("case", state.caseFocus || "");
    if (V.showTable && state.table) p.set("table", "1");
    if (V.openGroup && state.openGroups && state.openGroups.size)
      Array.from(state.openGroups).sort(function (a, b) { return a - b; }).forEach(function (k) { p.append("group", String(k)); });
    return p;
  }

  var restoring = false, written = null;
  function write() {
    if (restoring) return;
    var fragment = encode().toString();
    if (fragment === written) return;
    written = fragment;
    try { // replaceState: the fragment follows the page without adding a history entry per change
      history.replaceState(history.state, "", location.href.split("#")[0] + (fragment ? "#" + fragment : ""));
    } catch (e) { /* a frame without a URL of its own (the notebook's srcdoc): nothing to keep the state in */ }
  }

  // Set a control as a reader would, so that the core's own handler runs; only when its value changes.
  function setBox(box, on, event) {
    if (!box || box.disabled || box.checked === on) return;
    box.checked = on;
    box.dispatchEvent(new Event(event || "change", { bubbles: true }));
  }
  function setValue(input, value, event) {
    if (input.value === String(value)) return;
    input.value = String(value);
    input.dispatchEvent(new Event(event, { bubbles: true }));
  }
  function flag(p, key, fallback) { var v = p.get(key); return v === "1" ? true : v === "0" ? false : fallback; }
  function day(p, key) { var v = p.get(key); return v && ISO_DAY.test(v) ? v : null; }
  function node(iri) { return iri != null && V.byId.has(iri) ? V.byId.get(iri) : null; }
  // Each step on its own: a bad value in one leaves the others to apply (and never throws out of the page).
  function step(f) { try { f(); } catch (e) { /* ignored: an unknown or bad value in the fragment */ } }

  function restore(p) {
    restoring = true;
    step(function () { if (!$("view-section").hidden) setBox(allNodes, flag(p, "all-nodes", DEFAULT.allNodes)); });
    ["class", "relation", "status"].forEach(function (kind) {
      var off = new Set(p.getAll("hide-" + kind));
      boxes(kind).forEach(function (b) { step(function () { setBox(b, !off.has(b.getAttribute("data-" + kind))); }); });
    });
    step(function () { setBox(inferred, flag(p, "inferred", DEFAULT.inferred)); });
    step(function () { setBox(edgeLabels, flag(p, "relation-names", DEFAULT.edgeLabels)); });
    step(function () { // a date range: the nearest dates of this page's slider inside the range asked for
      var dates = V.dates || [], last = Math.max(dates.length - 1, 0), a = day(p, "dates-from"), b = day(p, "dates-to");
      var i = a ? dates.findIndex(function (d) { return d >= a; }) : 0, j = last;
      if (i < 0) i = last;
      if (b) { j = -1; dates.forEach(function (d, k) { if (d <= b) j = k; }); if (j < 0) j = 0; }
      setValue(dateTo, Math.max(i, j), "input"); // the end first, so that the start never passes it
      setValue(dateFrom, i, "input");
      setValue(dateTo, j, "input");
    });
    step(function () { // "known on": the last source date on or before the day asked for (same sources kept)
      var days = V.sourceDays || [], d = day(p, "known-on"), k = days.length;
      if (d) { k = 0; days.forEach(function (s, n) { if (s <= d) k = n; }); }
      setValue(knownOn, k, "input");
    });
    step(function () { var c = p.get("min-confidence"); setValue(minConf, c === "M" || c === "H" ? c : "", "change"); });
    step(function () { setValue($("search"), p.get("q") || "", "input"); });
    step(function () {
      if (!V.showCase) return;
      var iri = p.get("case"), want = !p.has("case") ? DEFAULT.caseFocus : node(iri) != null ? iri : null;
      if ((state.caseFocus || null) !== want) V.showCase(want);
    });
    step(function () { if (V.showTable) { var want = p.get("table") === "1"; if (!!state.table !== want) V.showTable(want); } });
    step(function () {
      if (!V.openGroup || !state.openGroups) return;
      var want = new Set(p.getAll("group").filter(function (g) { return /^\d+$/.test(g); }).map(Number));
      if (V.closeGroup) Array.from(state.openGroups).forEach(function (k) { if (!want.has(k)) step(function () { V.closeGroup(k); }); });
      want.forEach(function (k) { if (!state.openGroups.has(k)) step(function () { V.openGroup(k); }); });
    });
    step(function () {
      var i = node(p.get("select"));
      if (i != null) { if (state.selected !== N[i].id || state.path) V.selectIndex(i, true); }
      else if (state.selected || state.path) V.clearSelection();
    });
    step(function () {
      var a = node(p.get("path-from")), b = node(p.get("path-to"));
      if (a == null || b == null) { // no path: its highlight and its list go
        if (state.path && !state.selected) V.clearSelection();
        $("path-out").textContent = "";
        return;
      }
      V.pathChoice.from = a; V.pathChoice.to = b;
      pathFrom.value = N[a].l; pathTo.value = N[b].l;
      V.findPath();
    });
    restoring = false;
    written = null;
    write(); // the fragment as this page understood it: unknown keys and bad values drop out
  }
  function readFragment() {
    var text = location.hash.replace(/^#/, "");
    if (text === written) return; // our own fragment: nothing to do
    var p;
    try { p = new URLSearchParams(text); } catch (e) { return; }
    restore(p);
  }

  V.on("change", write);
  // Some controls change what is drawn without a "change" of the core (relation names, the search box).
  $("side").addEventListener("change", write);
  $("side").addEventListener("input", write);
  window.addEventListener("hashchange", readFragment);
  // After every feature's script has run (they are one script: a microtask runs once all of it has).
  Promise.resolve().then(function () {
    if (location.hash.length > 1) readFragment();
    metrics.restored = performance.now();
  });
  V.shareState = function () { return encode().toString(); };

  // --- 2. export: SVG and PNG ---------------------------------------------------------------------------------
  var NS = "http://www.w3.org/2000/svg", FACE = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  var measure = document.createElement("canvas").getContext("2d");
  function svg(tag, attrs, text) {
    var e = document.createElementNS(NS, tag);
    if (attrs) for (var k in attrs) if (attrs[k] != null) e.setAttribute(k, String(attrs[k]));
    if (text != null) e.textContent = text; // data text is only ever text content: the serialiser escapes it
    return e;
  }
  function r1(x) { return Math.round(x * 10) / 10; }
  function textWidth(text, px, weight) { measure.font = (weight || "") + " " + px + "px " + FACE; return measure.measureText(text).width; }
  // Lines of at most `width` px: broken at spaces, and inside a word (a long URL) when it alone is too wide.
  function wrap(text, px, width) {
    var lines = [], line = "";
    String(text).split(/\s+/).forEach(function (word) {
      var next = line ? line + " " + word : word;
      if (textWidth(next, px) <= width) { line = next; return; }
      if (line) lines.push(line);
      line = word;
      while (textWidth(line, px) > width && line.length > 1) {
        var n = line.length;
        while (n > 1 && textWidth(line.slice(0, n), px) > width) n--;
        lines.push(line.slice(0, n));
        line = line.slice(n);
      }
    });
    if (line) lines.push(line);
    return lines;
  }
  function shade(hex) {
    var v = parseInt(String(hex).slice(1), 16), f = 0.7;
    return "rgb(" + [(v >> 16) & 255, (v >> 8) & 255, v & 255].map(function (x) { return Math.round(x * f); }).join(",") + ")";
  }
  // A node's shape as vis-network draws it, centred on (x, y) with radius r.
  var UNIT = {
    diamond: [[0, -1], [1, 0], [0, 1], [-1, 0]],
    triangle: [[0, -1], [0.87, 0.5], [-0.87, 0.5]],
    triangleDown: [[0, 1], [0.87, -0.5], [-0.87, -0.5]],
    hexagon: [0, 1, 2, 3, 4, 5].map(function (k) { var a = Math.PI / 3 * k; return [Math.cos(a), Math.sin(a)]; }),
    star: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(function (k) {
      var a = Math.PI / 5 * k - Math.PI / 2, m = k % 2 ? 0.45 : 1.2; return [m * Math.cos(a), m * Math.sin(a)];
    })
  };
  function shape(kind, x, y, r, fill, stroke) {
    var paint = { fill: fill, stroke: stroke, "stroke-width": 1 };
    if (kind === "square") return svg("rect", Object.assign({ x: r1(x - r), y: r1(y - r), width: r1(2 * r), height: r1(2 * r) }, paint));
    if (UNIT[kind]) return svg("polygon", Object.assign({ points: UNIT[kind].map(function (u) { return r1(x + u[0] * r) + "," + r1(y + u[1] * r); }).join(" ") }, paint));
    return svg("circle", Object.assign({ cx: r1(x), cy: r1(y), r: r1(r) }, paint));
  }
  // Whether the segment (x0,y0)-(x1,y1) crosses the rectangle [0, w] x [0, h] (Liang-Barsky clipping).
  function crosses(x0, y0, x1, y1, w, h) {
    var t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
    var tests = [[-dx, x0], [dx, w - x0], [-dy, y0], [dy, h - y0]];
    for (var k = 0; k < 4; k++) {
      var p = tests[k][0], q = tests[k][1];
      if (p === 0) { if (q < 0) return false; continue; }
      var t = q / p;
      if (p < 0) { if (t > t1) return false; if (t > t0) t0 = t; } else { if (t < t0) return false; if (t < t1) t1 = t; }
    }
    return true;
  }
  // An edge's line style for the legend: inferred (dotted), claim (dashed), statement (gold) or curated fact.
  var STYLES = { inferred: ["2 4", "#aaaaaa", "dotted"], claim: ["7 4", "#b07aa1", "dashed"], said: [null, "#c79a1e", "said"],
                 plain: [null, "#9aa3ad", "solid"] };
  function styleOf(e) { return e.i ? "inferred" : e.s != null ? "claim" : e.x ? "said" : "plain"; }

  // The drawing's place on the page. While the text view hides it, it has no size: the picture then shows
  // no node, only the title, the legend and the footnote.
  function drawingBox() {
    var box = $("graph").getBoundingClientRect();
    return box.width > 0 && box.height > 0 ? box : { left: 0, top: 0, width: 0, height: 0 };
  }
  // What the picture shows: the nodes and edges on screen, as drawn now, in the drawing's CSS pixels.
  function onScreen() {
    var net = V.network, box = drawingBox(), w = box.width, h = box.height, scale = net.getScale();
    var items = V.nodes.get({ filter: function (n) { return !n.hidden; } });
    var at = net.getPositions(items.map(function (n) { return n.id; })), where = {}, nodes = [];
    items.forEach(function (item) {
      if (!at[item.id]) return;
      // (an item that is no entity is a closed group's node, see viewer.js: i is null)
      var p = net.canvasToDOM(at[item.id]), i = V.byId.has(item.id) ? V.byId.get(item.id) : null;
      var r = (i != null ? N[i].s : item.size || 10) * scale;
      where[item.id] = [p.x, p.y, r];
      if (p.x + r >= 0 && p.y + r >= 0 && p.x - r <= w && p.y - r <= h) nodes.push({ item: item, i: i, x: p.x, y: p.y, r: r });
    });
    var edges = [];
    V.edges.get({ filter: function (e) { return !e.hidden; } }).forEach(function (item) {
      var a = where[item.from], b = where[item.to];
      // k: the edge's index in the data; null for an aggregated edge of a closed group (its id is a string)
      if (a && b && crosses(a[0], a[1], b[0], b[1], w, h))
        edges.push({ item: item, k: typeof item.id === "number" ? item.id : null, a: a, b: b });
    });
    return { w: w, h: h, scale: scale, nodes: nodes, edges: edges };
  }
  // The documents behind the edges shown: those that state each edge, and those a derived one was derived from;
  // while the source filters are on, only the sources they keep (and support sets they keep whole), so that the
  // picture of "what was known then" cites nothing later. Each document (URL) once, numbered by date (undated
  // last), then publisher.
  function footnoteSources(edges) {
    var byUrl = new Map();
    edges.forEach(function (d) {
      if (d.k == null) return;
      V.citedSources(d.k, true).forEach(function (k) { var s = D.sources[k]; if (!byUrl.has(s.u)) byUrl.set(s.u, s); });
    });
    return Array.from(byUrl.values()).sort(function (x, y) {
      return (x.d ? 0 : 1) - (y.d ? 0 : 1) || String(x.d || "").localeCompare(String(y.d || "")) ||
        String(x.p || "").localeCompare(String(y.p || "")) || String(x.u).localeCompare(String(y.u));
    });
  }

  function buildSVG() {
    var view = onScreen(), M = 16, HEAD = 54, W = Math.max(Math.round(view.w), 640);
    var root = svg("svg", { xmlns: NS, "font-family": FACE, "font-size": 12 });
    root.append(svg("title", null, D.title || "casegraph"));
    var bg = svg("rect", { x: 0, y: 0, width: "100%", height: "100%", fill: "#ffffff" });
    root.append(bg);
    root.append(svg("text", { x: M, y: 26, "font-size": 18, "font-weight": 700, fill: "#222222", class: "title" }, D.title || "casegraph"));
    root.append(svg("text", { x: M, y: 44, "font-size": 12, fill: "#666666", class: "counts" }, $("counts").textContent));

    // The drawing, clipped to the part of the graph on screen.
    var clip = svg("clipPath", { id: "cg-drawing" });
    clip.append(svg("rect", { x: 0, y: 0, width: r1(view.w), height: r1(view.h) }));
    var defs = svg("defs"); defs.append(clip); root.append(defs);
    var drawing = svg("g", { transform: "translate(0," + HEAD + ")", "clip-path": "url(#cg-drawing)", class: "drawing" });
    root.append(drawing);
    var edgeLayer = svg("g", { class: "edges" }), nodeLayer = svg("g", { class: "nodes" }), labelLayer = svg("g", { class: "labels" });
    drawing.append(edgeLayer, nodeLayer, labelLayer);
    var s = view.scale, used = new Set();
    view.edges.forEach(function (d) {
      var e = d.k != null ? E[d.k] : null, item = d.item, colour = item.color && item.color.color || "#9aa3ad";
      var width = Math.max((item.width || 1) * s, 0.3), g = svg("g", { "data-edge": String(item.id) });
      if (e) used.add(styleOf(e));
      if (d.a === d.b) { // a loop: a small circle above its node
        g.append(svg("circle", { cx: r1(d.a[0]), cy: r1(d.a[1] - d.a[2]), r: r1(Math.max(d.a[2], 4)), fill: "none", stroke: colour, "stroke-width": r1(width) }));
        edgeLayer.append(g);
        return;
      }
      var dx = d.b[0] - d.a[0], dy = d.b[1] - d.a[1], len = Math.hypot(dx, dy) || 1, ux = dx / len, uy = dy / len;
      var tipX = d.b[0] - ux * d.b[2], tipY = d.b[1] - uy * d.b[2], L = (6.75 + 3 * (item.width || 1)) * s;
      var line = svg("line", { x1: r1(d.a[0]), y1: r1(d.a[1]), x2: r1(tipX - ux * L * 0.6), y2: r1(tipY - uy * L * 0.6),
                               stroke: colour, "stroke-width": r1(width) });
      if (item.dashes && item.dashes.length) line.setAttribute("stroke-dasharray", item.dashes.map(function (v) { return r1(v * s); }).join(" "));
      g.append(line);
      if (item.arrows && item.arrows.to && item.arrows.to.enabled === false) { edgeLayer.append(g); return; }
      var bx = tipX - ux * L, by = tipY - uy * L, hw = L * 0.45;
      g.append(svg("polygon", { fill: colour, points: [[tipX, tipY], [bx - uy * hw, by + ux * hw], [bx + uy * hw, by - ux * hw]]
        .map(function (q) { return r1(q[0]) + "," + r1(q[1]); }).join(" ") }));
      if (state.edgeLabels && item.label && 9 * s >= 7) { // vis-network draws a relation's name when it is this big
        // Along the edge, as vis-network's "middle" alignment draws it, and never upside down.
        var mx = r1((d.a[0] + d.b[0]) / 2), my = r1((d.a[1] + d.b[1]) / 2), angle = Math.atan2(dy, dx) * 180 / Math.PI;
        if (angle > 90) angle -= 180; else if (angle < -90) angle += 180;
        g.append(svg("text", { x: mx, y: my, "font-size": r1(9 * s), fill: "#555555", transform: "rotate(" + r1(angle) + " " + mx + " " + my + ")",
          stroke: "#ffffff", "stroke-width": r1(2 * s), "paint-order": "stroke", "text-anchor": "middle", "dominant-baseline": "middle",
          class: "relation" }, item.label));
      }
      edgeLayer.append(g);
    });
    var shownClasses = new Set();
    view.nodes.forEach(function (d) {
      // An entity in its class's colour (or the colour it is given now, dimmed); a group's node as it is given.
      var c = d.i != null ? C[N[d.i].c] : { shape: d.item.shape, colour: "#d5dde7" }, own = d.item.color && d.item.color.background;
      if (d.i != null) shownClasses.add(N[d.i].c);
      var mark = shape(c.shape, d.x, d.y, d.r, own || c.colour, own ? d.item.color.border : shade(c.colour));
      mark.setAttribute("data-id", d.item.id);
      if (state.selected === d.item.id) { mark.setAttribute("stroke", "#111111"); mark.setAttribute("stroke-width", "2"); }
      nodeLayer.append(mark);
    });
    // The labels the page draws now, where it draws them (V.labels gives page coordinates).
    var box = $("graph").getBoundingClientRect();
    if (!(box.width > 0)) box = { left: 0, top: 0 }; // hidden: the labels' boxes are relative to nothing
    V.labels().forEach(function (l) {
      var i = V.byId.get(l.id), dim = i != null && state.dimmed && state.keep && !state.keep.has(i);
      var x0 = l.box[0] - box.left, y0 = l.box[1] - box.top, x1 = l.box[2] - box.left, y1 = l.box[3] - box.top;
      labelLayer.append(svg("rect", { x: r1(x0), y: r1(y0), width: r1(x1 - x0), height: r1(y1 - y0), fill: "#ffffff",
                                      "fill-opacity": dim ? 0.6 : 0.88 }));
      labelLayer.append(svg("text", { x: r1(x0 + 3), y: r1((y0 + y1) / 2 + 0.5), "font-size": l.px, "font-weight": l.px >= 15 ? 600 : null,
        fill: dim ? "#b0b0b0" : "#1a1a1a", "dominant-baseline": "central", class: "label", "data-id": l.id }, l.text));
    });
    root.append(svg("rect", { x: 0.5, y: HEAD + 0.5, width: r1(Math.max(view.w - 1, 0)), height: r1(Math.max(view.h - 1, 0)),
                              fill: "none", stroke: "#dddddd" }));

    // The legend: each class shown with its swatch, then the line styles of the edges shown; items flow in rows.
    var y = HEAD + view.h + 28, x = M, right = W - M, legend = svg("g", { class: "legend" });
    legend.append(svg("text", { x: M, y: y, "font-size": 13, "font-weight": 700, fill: "#222222" }, T.legend || "Legend"));
    y += 20;
    function legendItem(icon, text, cls) {
      var w = 22 + textWidth(text, 12) + 18;
      if (x + w > right && x > M) { x = M; y += 20; }
      var g = svg("g", { class: cls });
      g.append(icon(x, y - 4), svg("text", { x: r1(x + 22), y: y, fill: "#222222" }, text));
      legend.append(g);
      x += w;
    }
    C.map(function (c, i) { return i; }).filter(function (i) { return shownClasses.has(i); })
      .sort(function (a, b) { return C[a].tier - C[b].tier || C[b].count - C[a].count; })
      .forEach(function (i) {
        legendItem(function (x0, y0) { return shape(C[i].shape, x0 + 8, y0, 6, C[i].colour, shade(C[i].colour)); }, C[i].name, "class");
      });
    if (used.size) { x = M; y += 22; }
    ["plain", "claim", "inferred", "said"].filter(function (k) { return used.has(k); }).forEach(function (k) {
      var st = STYLES[k];
      legendItem(function (x0, y0) {
        return svg("line", { x1: x0, y1: y0, x2: x0 + 18, y2: y0, stroke: st[1], "stroke-width": 2, "stroke-dasharray": st[0] });
      }, T[st[2]] || k, "line-style");
    });
    root.append(legend);

    // The footnote: the documents behind the edges shown, numbered, then the disclaimer.
    var sources = footnoteSources(view.edges), foot = svg("g", { class: "footnote" });
    y += 34;
    foot.append(svg("text", { x: M, y: y, "font-size": 13, "font-weight": 700, fill: "#222222" }, (T.footSources || "Sources") + " (" + sources.length + ")"));
    y += 18;
    sources.forEach(function (src, n) {
      var text = "[" + (n + 1) + "] " + (src.p ? src.p + " · " : "") + (src.d || T.undated) + " · " + src.u;
      var g = svg("g", { class: "source", "data-url": src.u });
      wrap(text, 11, right - M).forEach(function (part, j) {
        g.append(svg("text", { x: j ? M + 14 : M, y: y, "font-size": 11, fill: "#333333" }, part));
        y += 15;
      });
      foot.append(g);
    });
    y += 8;
    wrap(T.disclaimer, 11, right - M).forEach(function (part) {
      foot.append(svg("text", { x: M, y: y, "font-size": 11, fill: "#7a4b00", class: "disclaimer" }, part));
      y += 15;
    });
    root.append(foot);
    var H = Math.ceil(y + M);
    root.setAttribute("width", String(W)); root.setAttribute("height", String(H));
    root.setAttribute("viewBox", "0 0 " + W + " " + H);
    return { svg: root, width: W, height: H };
  }

  function exportSVG() { return new XMLSerializer().serializeToString(buildSVG().svg); }
  function fileName(ext) {
    var base = String(D.title || "casegraph").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "") || "casegraph";
    return base + "." + ext;
  }
  function download(blob, name) {
    var a = V.el("a", { download: name });
    a.href = URL.createObjectURL(blob);
    document.body.append(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 5000);
  }
  function exportPNG() {
    var built = buildSVG(), text = new XMLSerializer().serializeToString(built.svg);
    var url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
    // Twice the screen's pixels, sharp enough to print, within what a canvas can hold (a long footnote is tall).
    var img = new Image(), ratio = Math.min(Math.max(window.devicePixelRatio || 1, 2), 16000 / built.height,
                                            Math.sqrt(1.2e8 / (built.width * built.height)));
    img.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(built.width * ratio); canvas.height = Math.round(built.height * ratio);
      var ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob(function (blob) { if (blob) download(blob, fileName("png")); }, "image/png");
    };
    img.onerror = function () { URL.revokeObjectURL(url); };
    img.src = url; // a blob: image, which the page's policy allows
  }

  $("svg").textContent = T.svg || "SVG";
  $("svg").addEventListener("click", function () { download(new Blob([exportSVG()], { type: "image/svg+xml" }), fileName("svg")); });
  $("png").addEventListener("click", exportPNG);
  V.exportSVG = exportSVG;
})(window.casegraphViewer);
