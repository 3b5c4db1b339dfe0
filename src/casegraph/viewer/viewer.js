/* casegraph viewer: search, filters, entity cards, paths, timeline and PNG export over vis-network.
   Every text that comes from the data is written with textContent (or as an attribute value), never as HTML. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("cg-data").textContent);
  var T = D.ui;
  var $ = function (id) { return document.getElementById(id); };
  var listeners = { change: [], card: [] }; // see window.casegraphViewer.on, at the end

  function el(tag, props) {
    var e = document.createElement(tag);
    if (props) for (var k in props) {
      if (k === "text") e.textContent = props[k];
      else if (k === "on") for (var ev in props.on) e.addEventListener(ev, props.on[ev]);
      else e.setAttribute(k, props[k]);
    }
    for (var i = 2; i < arguments.length; i++) if (arguments[i] != null) e.append(arguments[i]);
    return e;
  }
  function fmt(s, values) { return s.replace(/\{(\w+)\}/g, function (_, k) { return values[k]; }); }
  function norm(s) {
    return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  }
  function safeUrl(u) { return /^https?:\/\//i.test(u) ? u : null; }
  // A source of the page's table (D.sources[k]): its publisher (or host) as a link, then its publication date.
  function sourceLink(k) {
    var s = S[k] || { u: "" }, url = s.u, href = safeUrl(url);
    var text = s.p || (href ? href.replace(/^https?:\/\/(www\.)?/i, "").split("/")[0] : url);
    var link = href ? el("a", { href: href, target: "_blank", rel: "noopener noreferrer", title: url, text: text })
                    : el("span", { text: text, title: url });
    var when = s.d ? el("time", { class: "issued", datetime: s.d.slice(0, 10), text: s.d }) : el("span", { class: "issued", text: T.undated });
    var out = sourcesFiltered() && !srcOk[k];
    return el("span", Object.assign({ class: "source" + (out ? " left-out" : ""), "data-source": String(k),
                                      title: (out ? T.leftOut + " · " : "") + T.confidence + ": " + (s.c || "?") }),
              link, " (", when, ")");
  }

  // --- the data, indexed ---------------------------------------------------------------------------
  var N = D.nodes, E = D.edges, C = D.classes;
  var byId = new Map();
  N.forEach(function (n, i) { byId.set(n.id, i); });
  var incident = N.map(function () { return []; });
  E.forEach(function (e, i) { incident[e.f].push(i); if (e.t !== e.f) incident[e.t].push(i); });
  var big = E.length > 20000 || N.length > 5000;
  // Entities are the ontology's tier 0 classes (n.t, from casegraph.ontology.LOOKUP_TIERS); an edge with x is a
  // statement or a claim drawn between two of them, which only the entities view shows.
  function isEntity(i) { return N[i].t === 0; }
  var baseEdges = E.filter(function (e) { return !e.x; }).length;

  // --- sources: publication dates and confidence (the rules of casegraph.provenance.select_graphs) -------------
  var S = D.sources || [], SUP = D.supports || [];
  var RANK = { H: 0, M: 1, L: 2 };
  function pad(x) { return (x < 10 ? "0" : "") + x; }
  function lastDay(issued) { // the last day a date to the day, month or year may stand for (timeline.last_day)
    var m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(String(issued).trim().slice(0, 10));
    if (!m) return null;
    var month = m[2] ? +m[2] : 12;
    if (month < 1 || month > 12) return null;
    var end = new Date(Date.UTC(+m[1], month, 0)).getUTCDate(), day = m[3] ? +m[3] : end;
    return day >= 1 && day <= end ? m[1] + "-" + pad(month) + "-" + pad(day) : null;
  }
  var srcLast = S.map(function (s) { return s.d ? lastDay(s.d) : null; });
  var srcOk = new Uint8Array(S.length).fill(1), edgeOk = new Uint8Array(E.length).fill(1);
  var sourceTally = { kept: S.length, undated: 0 };
  function sourcesFiltered() { return state.knownOn != null || state.minConf != null; }
  // Which sources are kept, then which edges stand on them; run when a source filter changes, not on every apply.
  function judgeSources() {
    var filtered = sourcesFiltered(), own = new Uint8Array(S.length), undated = 0;
    S.forEach(function (s, k) {
      if (!filtered) { own[k] = 1; return; }
      if (state.minConf != null && !(RANK[s.c] != null && RANK[s.c] <= RANK[state.minConf])) return;
      if (state.knownOn != null) {
        if (!srcLast[k]) { undated++; return; } // an undated source cannot be known on any date
        if (srcLast[k] > state.knownOn) return; // a month or a year counts once all of it has passed
      }
      own[k] = 1;
    });
    // A hand-made derivation (s) stands only when what it was derived from stands too.
    var memo = new Int8Array(S.length).fill(-1);
    function stands(k) {
      if (memo[k] < 0) { memo[k] = own[k]; if (own[k] && S[k].s) memo[k] = S[k].s.every(stands) ? 1 : 0; }
      return memo[k];
    }
    var kept = 0;
    S.forEach(function (s, k) { srcOk[k] = stands(k); kept += srcOk[k]; });
    sourceTally = { kept: kept, undated: undated };
    var whole = SUP.map(function (set) { return set.every(function (k) { return srcOk[k]; }); });
    E.forEach(function (e, i) { // a fact stands on any one of its sources; a derived one on one whole support set
      edgeOk[i] = !filtered || (e.u && e.u.some(function (k) { return srcOk[k]; })) ||
        (e.a && e.a.some(function (a) { return whole[a]; })) ? 1 : 0;
    });
  }
  // Whether the source filters leave node i some edge to stand on (inferred ones only while they are shown).
  function nodeStands(i) {
    if (!sourcesFiltered()) return true;
    return incident[i].some(function (k) { return edgeOk[k] && (!E[k].i || state.inferred) && (!E[k].x || state.entities); });
  }

  function span(d) { // a partial date covers its whole year or month
    if (!d) return null;
    var a = d.slice(0, 10), b = d.slice(0, 10);
    if (a.length === 4) { a += "-01-01"; b += "-12-31"; } else if (a.length === 7) { a += "-01"; b += "-31"; }
    return [a, b];
  }

  // --- vis-network ----------------------------------------------------------------------------------
  var groups = {};
  C.forEach(function (c, i) {
    groups["c" + i] = { shape: c.shape, color: { background: c.colour, border: shade(c.colour),
      highlight: { background: c.colour, border: "#111" }, hover: { background: c.colour, border: "#111" } } };
  });
  function shade(hex) {
    var v = parseInt(hex.slice(1), 16), f = 0.7;
    return "rgb(" + [(v >> 16) & 255, (v >> 8) & 255, v & 255].map(function (x) { return Math.round(x * f); }).join(",") + ")";
  }
  var state = { classOff: new Set(), relOff: new Set(), statusOff: new Set(), inferred: true, from: null, to: null,
                knownOn: null, minConf: null,
                edgeLabels: !!D.edgeLabels, selected: null, drawn: new Uint8Array(N.length), nodeHidden: new Uint8Array(N.length),
                edgeHidden: new Uint8Array(E.length), dimmed: false, path: null,
                entities: !!D.entitiesFirst, filteredOut: new Uint8Array(N.length), labelled: new Map(),
                openGroups: new Set() };

  // --- groups: a large graph opens as a map of its communities (D.groups, see casegraph.viewer.entity_groups) --
  // Each group is one node (id GROUP + k) while it is closed, and its members are not even in vis's DataSet: so
  // 50,000 entities open as fast as a hundred. An edge with an end in a closed group is drawn as part of one
  // aggregated edge per pair of ends (id LINK + the two ends), wider the more relations it stands for. Opening a
  // group draws its members at their own positions; the map applies to the entities view only ("show every
  // node" draws the page ungrouped).
  var GR = D.groups || [], NL = N.length, GROUP = "cg-group:", LINK = "cg-link:";
  var members = GR.map(function () { return []; });
  N.forEach(function (n, i) { if (n.g != null) members[n.g].push(i); });
  var groupIndex = new Map(GR.map(function (g, k) { return [GROUP + k, k]; }));
  var groupDrawn = new Uint8Array(GR.length), groupHidden = new Uint8Array(GR.length);
  var groupTop = GR.reduce(function (m, g) { return Math.max(m, g.n); }, 1);
  var links = new Map(); // aggregated edges drawn now: id -> [from, to, count]
  var edgeIn = new Uint8Array(E.length); // which of E are in vis's DataSet
  var GROUP_COLOUR = { background: "#d5dde7", border: "#56677a", highlight: { background: "#e9eef4", border: "#111" },
                       hover: { background: "#e9eef4", border: "#111" } };
  var LINK_COLOUR = { color: "#a9b4c0", highlight: "#333333" };
  function grouping() { return GR.length > 0 && (state.entities || !D.entitiesFirst); }
  function closedGroup(i) { var g = N[i].g; return g != null && grouping() && !state.openGroups.has(g); }
  function groupName(k) { return (GR[k].o ? T.groupOther : GR[k].l) + " (" + GR[k].n.toLocaleString() + ")"; }
  function groupSize(k) { return Math.round(14 + 36 * Math.sqrt(GR[k].n / groupTop)); }
  function visGroup(k) {
    var o = { id: GROUP + k, x: GR[k].x, y: GR[k].y, size: groupSize(k), shape: "dot", color: GROUP_COLOUR,
              borderWidth: 2, hidden: !!groupHidden[k] };
    if (!big) o.title = groupName(k);
    return o;
  }
  function visLink(id, l) {
    var o = { id: id, from: l[0], to: l[1], width: Math.min(1 + Math.log2(l[2]), 8), color: LINK_COLOUR,
              arrows: { to: { enabled: false } } };
    if (!big) o.title = l[2].toLocaleString() + " " + T.edges;
    return o;
  }
  // Brings vis's DataSet in line with what should be drawn: with the map on, the members of open groups and the
  // closed groups' nodes; without it, the page's first draw (every node without h) and what was drawn since. Then
  // the edges between drawn nodes, and the aggregated edges of what the filters leave. Costs one pass over the
  // nodes and one over the edges, and vis's work for what changed only.
  function syncDrawn() {
    var on = grouping(), addN = [], removeN = [], updateN = [], addE = [], removeE = [], updateE = [];
    N.forEach(function (n, i) {
      // (on the map, nodes that are in no group are outside the entities view: drawn only when asked for)
      var want = on ? (n.g != null ? state.openGroups.has(n.g) : state.drawn[i]) : state.drawn[i] || !n.h;
      if (want && !state.drawn[i]) { state.drawn[i] = 1; addN.push(visNode(i)); }
      else if (!want && state.drawn[i]) { state.drawn[i] = 0; removeN.push(n.id); }
    });
    E.forEach(function (e, k) {
      var want = state.drawn[e.f] && state.drawn[e.t];
      if (want && !edgeIn[k]) { edgeIn[k] = 1; addE.push(visEdge(k)); }
      else if (!want && edgeIn[k]) { edgeIn[k] = 0; removeE.push(k); }
    });
    GR.forEach(function (g, k) {
      var want = on && !state.openGroups.has(k), hide = 1;
      for (var j = 0; j < members[k].length && hide; j++) if (!state.nodeHidden[members[k][j]]) hide = 0;
      if (want && !groupDrawn[k]) { groupDrawn[k] = 1; groupHidden[k] = hide; addN.push(visGroup(k)); }
      else if (!want && groupDrawn[k]) { groupDrawn[k] = 0; removeN.push(GROUP + k); }
      else if (want && hide !== groupHidden[k]) { groupHidden[k] = hide; updateN.push({ id: GROUP + k, hidden: !!hide }); }
    });
    // One aggregated edge per pair of ends, one of them at least a closed group, over the edges the filters show.
    var want = new Map();
    function end(i) { return state.drawn[i] ? N[i].id : closedGroup(i) ? GROUP + N[i].g : null; }
    if (on) E.forEach(function (e, k) {
      if (state.edgeHidden[k] || edgeIn[k]) return;
      var a = end(e.f), b = end(e.t);
      if (a == null || b == null || a === b) return;
      var id = a < b ? LINK + a + "|" + b : LINK + b + "|" + a, l = want.get(id);
      if (l) l[2]++; else want.set(id, [a, b, 1]);
    });
    links.forEach(function (l, id) { if (!want.has(id)) { removeE.push(id); links.delete(id); } });
    want.forEach(function (l, id) {
      var old = links.get(id);
      if (!old) addE.push(visLink(id, l)); else if (old[2] !== l[2]) updateE.push(visLink(id, l));
      links.set(id, l);
    });
    if (removeE.length) edges.remove(removeE);
    if (removeN.length) nodes.remove(removeN);
    if (addN.length) nodes.add(addN);
    if (updateN.length) nodes.update(updateN);
    if (addE.length) edges.add(addE);
    if (updateE.length) edges.update(updateE);
  }
  function groupsChanged() {
    syncDrawn();
    if (state.selected != null && byId.has(state.selected) && !state.drawn[byId.get(state.selected)]) clearSelection();
    counts(); showGroups(); relabel(); changed("groups");
  }
  function openGroup(k) {
    if (!(k >= 0 && k < GR.length) || state.openGroups.has(k)) return;
    state.openGroups.add(k);
    groupsChanged();
  }
  function closeGroup(k) {
    if (!state.openGroups.delete(k)) return;
    groupsChanged();
  }
  function collapseGroups() {
    if (!state.openGroups.size) return;
    state.openGroups.clear();
    groupsChanged();
  }

  function visNode(i) {
    var n = N[i];
    // No label of vis-network's own: the page draws the labels that fit (see placeLabels).
    var at = place(i);
    var o = { id: n.id, x: at[0], y: at[1], size: n.s, group: "c" + n.c, hidden: !!state.nodeHidden[i] };
    if (!big) o.title = C[n.c].name + ": " + n.l;
    return o;
  }
  function place(i) { // the entities view has its own layout, and a case's layout (case.js) its own places
    var n = N[i], at = state.casePlaces && state.casePlaces.get(i);
    if (at) return at;
    return state.entities && n.ex != null ? [n.ex, n.ey] : [n.x, n.y];
  }
  var SAID = "#c79a1e";
  function visEdge(i) {
    var e = E[i];
    var o = { id: i, from: N[e.f].id, to: N[e.t].id, hidden: !!state.edgeHidden[i] };
    if (e.i) { o.dashes = [2, 4]; o.color = { color: "#aaaaaa", highlight: "#555555" }; }
    else if (e.s != null) { o.dashes = [7, 4]; o.color = { color: "#b07aa1", highlight: "#6d3a7d" }; }
    else if (e.x) o.color = { color: SAID, highlight: "#7a5c00" }; // a statement: who said something about whom
    if (state.edgeLabels) o.label = D.relations[e.r];
    return o;
  }
  var nodes = new vis.DataSet(), edges = new vis.DataSet();
  var forced = -1; // the node last chosen by search stays visible whatever the filters say
  judge(); // the entities view hides what it hides from the first draw
  syncDrawn(); // the most central nodes (those without h), or with groups the map of them
  var drawnFirst = state.drawn.reduce(function (a, b) { return a + b; }, 0);

  var network = new vis.Network($("graph"), { nodes: nodes, edges: edges }, {
    physics: false,
    layout: { improvedLayout: false },
    groups: groups,
    nodes: { font: { size: 12, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#ffffff" }, borderWidth: 1,
             scaling: { label: { drawThreshold: 6 } } },
    edges: { smooth: false, width: 1, selectionWidth: 2, arrows: { to: { enabled: true, scaleFactor: 0.45 } },
             color: { color: "#9aa3ad", highlight: "#333333", hover: "#333333", inherit: false },
             font: { size: 9, color: "#555555", strokeWidth: 2, align: "middle" }, scaling: { label: { drawThreshold: 7 } } },
    interaction: { hover: !big, tooltipDelay: 250, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false }
  });
  network.on("beforeDrawing", function (ctx) { // a white page, so that PNG exports are not transparent
    ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height); ctx.restore();
  });
  var metrics = window.casegraphMetrics = window.casegraphMetrics || {};
  network.once("afterDrawing", function () { metrics.firstDraw = performance.now(); relabel(); });

  // --- labels: the most central nodes first, as many as fit at this zoom without overlapping --------------------
  // vis-network would draw every label above a size threshold, piled on each other and under later nodes. Here
  // the page draws the labels itself, on top of the graph: each visible node, most central first (N is sorted by
  // PageRank), gets its label at a fixed size on screen in the first of eight places around it (below, above,
  // right, left, then the corners) where the label overlaps no label already placed. Worked out again after each zoom, pan or
  // change of what is shown; the hovered and the selected node are always labelled.
  var measure = document.createElement("canvas").getContext("2d"), CELL = 64, FACE = "px system-ui, sans-serif";
  var widthAt10 = new Map(), placed = [];
  // A label's item is a node (i < NL, index in N) or a group's node (NL + its index in D.groups).
  function itemId(i) { return i < NL ? N[i].id : GROUP + (i - NL); }
  function itemText(i) { return i < NL ? N[i].l : groupName(i - NL); }
  function itemSize(i) { return i < NL ? N[i].s : groupSize(i - NL); }
  function itemHidden(i) { return i < NL ? state.nodeHidden[i] : groupHidden[i - NL]; }
  function itemOf(id) { return byId.has(id) ? byId.get(id) : groupIndex.has(id) ? NL + groupIndex.get(id) : null; }
  function labelPx(i) { return i >= NL || N[i].s >= 16 ? 15 : 13; } // on-screen font size: groups and central entities larger
  function labelFont(i, px) { return (labelPx(i) >= 15 ? "600 " : "") + px + FACE; } // ... and bolder
  // Where a label may go around its node, in order of preference: [x side, y side, x offset in radii].
  var PLACES = [[0, 1, 0], [0, -1, 0], [1, 0, 1], [-1, 0, 1], [1, 1, 0.5], [-1, 1, 0.5], [1, -1, 0.5], [-1, -1, 0.5]];
  function labelBox(i, p, scale, where) { // [left, top, right, bottom] in CSS px around the node's centre p
    var px = labelPx(i), w = widthAt10.get(i);
    if (w == null) { measure.font = labelFont(i, 10); w = measure.measureText(itemText(i)).width; widthAt10.set(i, w); }
    w = w * px / 10 + 6;
    var h = px + 4, r = itemSize(i) * scale + 2, d = PLACES[where];
    var x = d[0] > 0 ? p.x + r * d[2] : d[0] < 0 ? p.x - r * d[2] - w : p.x - w / 2;
    var y = d[1] > 0 ? p.y + r : d[1] < 0 ? p.y - r - h : p.y - h / 2;
    // A node near the edge keeps its label: the box slides back inside the drawing area (labelArea, the size
    // of #graph when the labels were last placed) rather than being dropped.
    x = Math.max(0, Math.min(x, labelArea.width - w));
    y = Math.max(0, Math.min(y, labelArea.height - h));
    return [x, y, x + w, y + h];
  }
  var labelArea = { width: Infinity, height: Infinity };
  function cells(b, f) {
    for (var gx = Math.floor(b[0] / CELL); gx <= Math.floor(b[2] / CELL); gx++)
      for (var gy = Math.floor(b[1] / CELL); gy <= Math.floor(b[3] / CELL); gy++) if (f(gx + "," + gy)) return true;
    return false;
  }
  function overlaps(grid, b) {
    return cells(b, function (key) {
      return (grid.get(key) || []).some(function (o) { return b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]; });
    });
  }
  function occupy(grid, b) { cells(b, function (key) { if (!grid.has(key)) grid.set(key, []); grid.get(key).push(b); }); }
  var relabelQueued = false, hovered = null;
  function relabel() {
    if (relabelQueued) return;
    relabelQueued = true;
    requestAnimationFrame(function () { relabelQueued = false; placeLabels(); });
  }
  function placeLabels() {
    var scale = network.getScale(), box = $("graph").getBoundingClientRect();
    var ids = [], index = [];
    // The closed groups first (largest first, as D.groups is), then the nodes (most central first, as N is).
    GR.forEach(function (g, k) { if (groupDrawn[k] && !groupHidden[k]) { ids.push(GROUP + k); index.push(NL + k); } });
    N.forEach(function (n, i) { if (state.drawn[i] && !state.nodeHidden[i]) { ids.push(n.id); index.push(i); } });
    var at = network.getPositions(ids), grid = new Map(), done = new Set();
    labelArea = { width: box.width, height: box.height };
    var first = [hovered, state.selected].map(function (id) { return id == null ? null : itemOf(id); })
      .filter(function (i) { return i != null; });
    placed = [];
    first.concat(index).forEach(function (i) {
      var id = itemId(i);
      if (done.has(i) || !at[id] || itemHidden(i)) return;
      var p = network.canvasToDOM(at[id]);
      if (p.x < 0 || p.y < 0 || p.x > box.width || p.y > box.height) return; // off screen
      for (var where = 0; where < PLACES.length; where++) {
        var b = labelBox(i, p, scale, where), inside = b[0] >= 0 && b[1] >= 0 && b[2] <= box.width && b[3] <= box.height;
        if (first.indexOf(i) >= 0 || (inside && !overlaps(grid, b))) { occupy(grid, b); placed.push([i, where]); done.add(i); return; }
      }
    });
    state.labelled = new Map(placed.map(function (l) { return [itemId(l[0]), l[1]]; }));
    network.redraw();
    metrics.labelled = performance.now();
  }
  // The labels drawn now: node IRI, text, on-screen font size and box in the page's CSS pixels (for tests).
  function drawnLabels() {
    var scale = network.getScale(), r = $("graph").getBoundingClientRect();
    var at = network.getPositions(placed.map(function (l) { return itemId(l[0]); }));
    return placed.filter(function (l) { return !itemHidden(l[0]) && at[itemId(l[0])]; }).map(function (l) {
      var i = l[0], b = labelBox(i, network.canvasToDOM(at[itemId(i)]), scale, l[1]);
      return { id: itemId(i), text: itemText(i), px: labelPx(i), box: [r.left + b[0], r.top + b[1], r.left + b[2], r.top + b[3]] };
    });
  }
  network.on("afterDrawing", function (ctx) {
    if (!placed.length) return;
    var ratio = ctx.canvas.width / (ctx.canvas.clientWidth || ctx.canvas.width), scale = network.getScale();
    var at = network.getPositions(placed.map(function (l) { return itemId(l[0]); }));
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0); // CSS pixels: the same size on screen at every zoom
    ctx.textBaseline = "middle";
    placed.forEach(function (l) {
      var i = l[0], pos = at[itemId(i)];
      if (!pos || itemHidden(i)) return;
      var b = labelBox(i, network.canvasToDOM(pos), scale, l[1]);
      var dim = state.dimmed && state.keep && !state.keep.has(i);
      ctx.fillStyle = dim ? "rgba(255,255,255,.6)" : "rgba(255,255,255,.88)";
      ctx.fillRect(b[0], b[1], b[2] - b[0], b[3] - b[1]);
      ctx.font = labelFont(i, labelPx(i));
      ctx.fillStyle = dim ? "#b0b0b0" : "#1a1a1a";
      ctx.fillText(itemText(i), b[0] + 3, (b[1] + b[3]) / 2 + 0.5);
    });
    ctx.restore();
  });
  ["zoom", "dragEnd", "animationFinished", "resize"].forEach(function (ev) { network.on(ev, relabel); });
  network.on("hoverNode", function (p) { hovered = p.node; relabel(); });
  network.on("blurNode", function () { hovered = null; relabel(); });

  // --- texts and counts ------------------------------------------------------------------------------
  $("title").textContent = D.title;
  $("disclaimer").textContent = T.disclaimer;
  $("search").placeholder = T.search;
  [["h-classes", "classes"], ["h-relations", "relations"], ["h-status", "status"], ["h-dates", "dates"],
   ["l-from", "from"], ["l-to", "to"], ["l-inferred", "inferred"], ["l-edge-labels", "edgeLabels"], ["h-path", "path"],
   ["path-go", "findPath"], ["png", "png"], ["fit", "fit"], ["clear", "clear"], ["h-lines", "legendLines"],
   ["h-timeline", "timeline"], ["h-sources", "sources"], ["l-known-on", "knownOn"], ["l-min-confidence", "minConfidence"],
   ["conf-all", "confAll"], ["conf-m", "confM"], ["conf-h", "confH"]].forEach(function (p) { $(p[0]).textContent = T[p[1]]; });
  $("path-from").placeholder = T.from + "…";
  $("path-to").placeholder = T.to + "…";
  $("edge-labels").checked = state.edgeLabels;
  if (N.length > drawnFirst && !GR.length)
    $("drawn-note").textContent = fmt(T.drawnOf, { drawn: drawnFirst.toLocaleString(), total: N.length.toLocaleString() });
  function counts() { // the nodes and edges of the data shown (not the groups' nodes and aggregated edges)
    var shownNodes = 0, shownEdges = 0;
    nodes.forEach(function (n) { if (!n.hidden && byId.has(n.id)) shownNodes++; });
    edges.forEach(function (e) { if (!e.hidden && typeof e.id === "number") shownEdges++; });
    $("counts").textContent = N.length.toLocaleString() + " " + T.nodes + " · " + baseEdges.toLocaleString() + " " + T.edges +
      (shownNodes < N.length || shownEdges !== baseEdges ? " (" + shownNodes.toLocaleString() + " / " + shownEdges.toLocaleString() + " " + T.shown + ")" : "") +
      (grouping() ? " · " + fmt(T.groupsClosed, { closed: (GR.length - state.openGroups.size).toLocaleString(), total: GR.length.toLocaleString() }) : "");
    return [shownNodes, shownEdges];
  }

  // --- legend and filters -------------------------------------------------------------------------------
  var SVG = "http://www.w3.org/2000/svg";
  function swatch(c) {
    var s = document.createElementNS(SVG, "svg"); s.setAttribute("width", "14"); s.setAttribute("height", "14");
    var shape, pts = { diamond: "7,1 13,7 7,13 1,7", triangle: "7,1 13,13 1,13", triangleDown: "1,1 13,1 7,13",
      star: "7,1 8.8,5.2 13,5.5 9.8,8.4 10.8,13 7,10.6 3.2,13 4.2,8.4 1,5.5 5.2,5.2",
      hexagon: "4,1 10,1 13,7 10,13 4,13 1,7" }[c.shape];
    if (c.shape === "square") { shape = document.createElementNS(SVG, "rect");
      shape.setAttribute("x", "2"); shape.setAttribute("y", "2"); shape.setAttribute("width", "10"); shape.setAttribute("height", "10"); }
    else if (pts) { shape = document.createElementNS(SVG, "polygon"); shape.setAttribute("points", pts); }
    else { shape = document.createElementNS(SVG, "circle"); shape.setAttribute("cx", "7"); shape.setAttribute("cy", "7"); shape.setAttribute("r", "5.5"); }
    shape.setAttribute("fill", c.colour); shape.setAttribute("stroke", shade(c.colour));
    s.append(shape);
    return s;
  }
  function line(dash, colour) {
    var s = document.createElementNS(SVG, "svg"); s.setAttribute("width", "30"); s.setAttribute("height", "8");
    var l = document.createElementNS(SVG, "line");
    [["x1", "1"], ["y1", "4"], ["x2", "29"], ["y2", "4"], ["stroke", colour], ["stroke-width", "2"]].forEach(function (a) { l.setAttribute(a[0], a[1]); });
    if (dash) l.setAttribute("stroke-dasharray", dash);
    s.append(l);
    return s;
  }
  function checkRow(container, label, count, icon, onChange, attrs) {
    var box = el("input", Object.assign({ type: "checkbox" }, attrs || {}));
    box.checked = true;
    box.addEventListener("change", function () { onChange(box.checked); });
    container.append(el("label", { class: "row" }, box, icon, el("span", { text: label }),
                        count == null ? null : el("span", { class: "n", text: String(count) })));
  }
  C.map(function (c, i) { return i; }).sort(function (a, b) { return C[a].tier - C[b].tier || C[b].count - C[a].count; })
    .forEach(function (i) {
      checkRow($("classes"), C[i].name, C[i].count, swatch(C[i]), function (on) {
        if (on) state.classOff.delete(i); else state.classOff.add(i); apply();
      }, { "data-class": C[i].name });
    });
  $("lines").append(el("div", { class: "row" }, line(null, "#9aa3ad"), el("span", { text: T.solid })),
                    el("div", { class: "row" }, line("7 4", "#b07aa1"), el("span", { text: T.dashed })),
                    el("div", { class: "row" }, line("2 4", "#aaaaaa"), el("span", { text: T.dotted })));
  if (D.entitiesFirst) $("lines").append(el("div", { class: "row" }, line(null, SAID), el("span", { text: T.said })));
  var relCount = D.relations.map(function () { return 0; }), statusCount = D.statuses.map(function () { return 0; }), plain = 0;
  E.forEach(function (e) { relCount[e.r]++; if (e.s != null) statusCount[e.s]++; else plain++; });
  D.relations.map(function (r, i) { return i; }).sort(function (a, b) { return relCount[b] - relCount[a]; }).forEach(function (i) {
    checkRow($("relations"), D.relations[i], relCount[i], null, function (on) {
      if (on) state.relOff.delete(i); else state.relOff.add(i); apply();
    }, { "data-relation": D.relations[i] });
  });
  checkRow($("statuses"), T.plain, plain, line(null, "#9aa3ad"), function (on) {
    if (on) state.statusOff.delete(-1); else state.statusOff.add(-1); apply();
  }, { "data-status": "" });
  D.statuses.forEach(function (s, i) {
    checkRow($("statuses"), s, statusCount[i], line("7 4", "#b07aa1"), function (on) {
      if (on) state.statusOff.delete(i); else state.statusOff.add(i); apply();
    }, { "data-status": s });
  });
  // One switch between the entities view (the default) and every node of the projection, each with its layout.
  var allNodes = $("all-nodes");
  $("l-all-nodes").textContent = T.allNodes;
  allNodes.checked = !state.entities;
  function showView() { $("view-note").textContent = state.entities ? T.entitiesNote : ""; }
  if (!D.entitiesFirst) $("view-section").hidden = true;
  showView();
  // The map of groups: how many there are, "collapse all", and each open group with a button that closes it.
  var groupSection = el("section", { id: "group-section", "aria-labelledby": "h-groups" }), openList = el("ul", { id: "open-groups" });
  if (GR.length) {
    groupSection.append(el("h2", { id: "h-groups", text: T.groupHeading }),
      el("p", { id: "group-note", text: fmt(T.groupNote, { groups: GR.length.toLocaleString() }) }),
      el("button", { id: "collapse-groups", type: "button", text: T.groupCollapseAll, on: { click: collapseGroups } }), openList);
    $("view-section").after(groupSection);
  }
  function showGroups() {
    groupSection.hidden = !grouping();
    openList.textContent = "";
    Array.from(state.openGroups).sort(function (a, b) { return a - b; }).forEach(function (k) {
      openList.append(el("li", null, el("button", { type: "button", class: "link", "data-group": String(k), title: T.groupCollapse,
        text: "× " + groupName(k), on: { click: function () { closeGroup(k); } } })));
    });
  }
  showGroups();
  allNodes.addEventListener("change", function () {
    state.entities = !allNodes.checked;
    var moves = [];
    nodes.forEach(function (n) {
      if (!byId.has(n.id)) return; // a group's node: apply() removes or keeps it
      var at = place(byId.get(n.id)); moves.push({ id: n.id, x: at[0], y: at[1] });
    });
    nodes.update(moves);
    apply(); showView(); refreshCard(); showGroups();
    network.fit({ animation: false });
    relabel();
  });
  var anyInferred = E.some(function (e) { return e.i; });
  $("show-inferred").disabled = !anyInferred;
  $("show-inferred").addEventListener("change", function () { state.inferred = this.checked; apply(); });
  $("edge-labels").addEventListener("change", function () {
    state.edgeLabels = this.checked;
    var changes = [];
    edges.forEach(function (e) { if (typeof e.id === "number") changes.push({ id: e.id, label: state.edgeLabels ? D.relations[E[e.id].r] : "" }); });
    edges.update(changes);
  });

  // Dates: a range over every dated statement, event and relation.
  var dateSet = new Set();
  N.forEach(function (n) { if (n.d) dateSet.add(span(n.d)[0]); });
  E.forEach(function (e) { if (e.d) dateSet.add(span(e.d)[0]); });
  var dates = Array.from(dateSet).sort();
  if (dates.length < 2) $("date-section").hidden = true;
  var from = $("date-from"), to = $("date-to");
  from.max = to.max = String(Math.max(dates.length - 1, 0));
  to.value = to.max;
  function showDates() {
    $("date-from-out").textContent = dates[+from.value] || "";
    $("date-to-out").textContent = dates[+to.value] || "";
  }
  function onDates() {
    if (+from.value > +to.value) { if (this === from) to.value = from.value; else from.value = to.value; }
    state.from = +from.value > 0 ? dates[+from.value] : null;
    state.to = +to.value < dates.length - 1 ? dates[+to.value].slice(0, 10) : null;
    if (state.to) state.to = span(state.to)[1];
    showDates(); apply(); drawWindow();
  }
  from.addEventListener("input", onDates); to.addEventListener("input", onDates);
  showDates();
  // Sources: "known on" a date (the last position keeps every source, undated ones too) and a minimum confidence.
  var sourceDays = Array.from(new Set(srcLast.filter(Boolean))).sort();
  var knownOn = $("known-on"), minConf = $("min-confidence");
  knownOn.max = String(sourceDays.length);
  knownOn.value = knownOn.max;
  if (!S.length) $("source-section").hidden = true;
  if (!sourceDays.length) $("known-on-row").hidden = true;
  function showSources() {
    var v = +knownOn.value, text = v < sourceDays.length ? sourceDays[v] : T.allSources;
    $("known-on-out").textContent = text;
    knownOn.setAttribute("aria-valuetext", text); // read out the date, not the slider's position
    $("sources-count").textContent = fmt(T.answering, { kept: sourceTally.kept.toLocaleString(), total: S.length.toLocaleString() }) +
      (sourceTally.undated ? fmt(T.undatedOut, { undated: sourceTally.undated.toLocaleString() }) : "");
  }
  function onSources() {
    var v = +knownOn.value;
    state.knownOn = v < sourceDays.length ? sourceDays[v] : null;
    state.minConf = minConf.value || null;
    judgeSources(); showSources(); apply(); refreshCard();
  }
  knownOn.addEventListener("input", onSources);
  minConf.addEventListener("change", onSources);
  showSources();

  function outOfRange(d) {
    if (!d || (!state.from && !state.to)) return false;
    var s = span(d);
    return (state.from && s[1] < state.from) || (state.to && s[0] > state.to);
  }

  // Applying the filters updates only what changed.
  // Which nodes and edges the filters and the view hide; returns the changes to the drawn ones.
  function judge() {
    var nodeChanges = [], edgeChanges = [];
    N.forEach(function (n, i) {
      var out = state.classOff.has(n.c) || outOfRange(n.d) || !nodeStands(i) ? 1 : 0;
      state.filteredOut[i] = out;
      // state.only: the nodes a case layout (case.js) shows, when one is shown
      var hide = out || (state.entities && !isEntity(i)) || (state.only && !state.only.has(i)) ? 1 : 0;
      if (i === forced) hide = 0;
      if (hide !== state.nodeHidden[i]) { state.nodeHidden[i] = hide; if (state.drawn[i]) nodeChanges.push({ id: n.id, hidden: !!hide }); }
    });
    E.forEach(function (e, i) {
      var hide = state.nodeHidden[e.f] || state.nodeHidden[e.t] || state.relOff.has(e.r) || (e.x && !state.entities) ||
        (e.x && state.onlyHubs && !state.onlyHubs.has(i)) || // a case layout draws the statements of its record only
        state.statusOff.has(e.s == null ? -1 : e.s) || (e.i && !state.inferred) || outOfRange(e.d) || !edgeOk[i] ? 1 : 0;
      if (hide !== state.edgeHidden[i]) { state.edgeHidden[i] = hide; if (state.drawn[e.f] && state.drawn[e.t]) edgeChanges.push({ id: i, hidden: !!hide }); }
    });
    return [nodeChanges, edgeChanges];
  }
  function apply() {
    var changes = judge();
    if (changes[0].length) nodes.update(changes[0]);
    if (changes[1].length) edges.update(changes[1]);
    if (GR.length) syncDrawn(); // groups hidden with all their members, aggregated edges recounted
    counts();
    drawTimeline();
    relabel();
    changed("filters");
  }

  // Large graphs draw their most central nodes first; a node chosen later is drawn with its neighbours.
  // On the map of groups, a node in a closed group opens it; its neighbours in other closed groups stay there.
  function ensureDrawn(i) {
    if (closedGroup(i)) openGroup(N[i].g);
    var add = [], addEdges = [];
    [i].concat(incident[i].map(function (k) { return E[k].f === i ? E[k].t : E[k].f; })).forEach(function (j) {
      if (!state.drawn[j] && !closedGroup(j)) { state.drawn[j] = 1; add.push(visNode(j)); }
    });
    if (!add.length) return;
    nodes.add(add);
    add.forEach(function (n) {
      incident[byId.get(n.id)].forEach(function (k) {
        var e = E[k];
        if (state.drawn[e.f] && state.drawn[e.t] && !edgeIn[k]) { edgeIn[k] = 1; addEdges.push(visEdge(k)); }
      });
    });
    edges.add(addEdges);
    if (grouping()) syncDrawn(); // edges of the new nodes to closed groups
  }

  // --- highlight ------------------------------------------------------------------------------------------
  var DIM = { background: "#e6e6e6", border: "#d0d0d0" };
  function highlight(keepNodes, keepEdges) {
    var nodeChanges = [], edgeChanges = [];
    nodes.forEach(function (n) {
      var i = byId.get(n.id), keep = keepNodes.has(i);
      nodeChanges.push({ id: n.id, color: keep ? null : DIM, font: { color: keep ? "#222222" : "#b0b0b0" } });
    });
    edges.forEach(function (e) {
      var keep = keepEdges.has(e.id), link = links.get(e.id);
      edgeChanges.push({ id: e.id, color: keep ? visEdge(e.id).color || null : { color: "#eeeeee" },
                         width: link ? visLink(e.id, link).width : keep && state.path ? 3 : 1 });
    });
    state.keep = keepNodes; // for the labels drawn by the page
    nodes.update(nodeChanges); edges.update(edgeChanges);
    state.dimmed = true;
  }
  function clearHighlight() {
    if (!state.dimmed) return;
    var nodeChanges = [], edgeChanges = [];
    nodes.forEach(function (n) { nodeChanges.push({ id: n.id, color: groupIndex.has(n.id) ? GROUP_COLOUR : null, font: { color: "#222222" } }); });
    edges.forEach(function (e) {
      var link = links.get(e.id);
      edgeChanges.push(link ? visLink(e.id, link) : { id: e.id, color: visEdge(e.id).color || null, width: 1 });
    });
    nodes.update(nodeChanges); edges.update(edgeChanges);
    state.dimmed = false; state.path = null;
  }
  function neighbourhood(i) {
    var keepNodes = new Set([i]), keepEdges = new Set();
    incident[i].forEach(function (k) { if (!state.edgeHidden[k]) { keepEdges.add(k); keepNodes.add(E[k].f); keepNodes.add(E[k].t); } });
    highlight(keepNodes, keepEdges);
  }

  // --- the entity card --------------------------------------------------------------------------------------
  var card = $("card");
  card.setAttribute("role", "region"); // a landmark screen readers can jump to
  card.setAttribute("aria-label", T.cardLabel);
  function nodeButton(iri) {
    var i = byId.get(iri);
    if (i == null) return el("span", { class: "iri", text: iri });
    return el("button", { class: "link", type: "button", text: N[i].l, on: { click: function () { select(i, true); } } });
  }
  function entry(dl, term, value) { if (value != null && value !== "") dl.append(el("dt", { text: term }), el("dd", null, value)); }
  function list(items, render) { var f = document.createDocumentFragment(); items.forEach(function (x, k) { if (k) f.append(", "); f.append(render(x)); }); return f; }
  var cardFor = null; // [showNode or showEdge, its argument]: redrawn when the source filters change
  var returnFocus = null; // where the focus was when the card opened: Close and Escape take it back there
  // A card that opens takes the focus to its heading, so that keyboard and screen reader users land in it; one
  // redrawn in place (refresh: the filters changed) leaves the focus where it is, on the slider being moved say.
  function openCard(refresh) {
    card.hidden = false;
    if (refresh) return;
    var from = document.activeElement;
    if (from && from !== document.body && !card.contains(from)) returnFocus = from;
    var heading = card.querySelector("h2");
    if (heading) heading.focus();
  }
  function closeCard() { card.hidden = true; card.textContent = ""; cardFor = null; }
  function dismissCard() { // the card's Close button, or Escape in the card
    var back = returnFocus;
    returnFocus = null;
    clearSelection();
    if (back && back.isConnected && !back.closest("[hidden]")) back.focus(); else search.focus();
  }
  card.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { ev.preventDefault(); dismissCard(); } });
  function refreshCard() { if (cardFor && !card.hidden) cardFor[0](cardFor[1], true); }
  function sourceList(ks) {
    var f = document.createDocumentFragment();
    ks.forEach(function (k, j) { if (j) f.append(" · "); f.append(sourceLink(k)); });
    return f;
  }

  function showNode(i, refresh) {
    var n = N[i], c = C[n.c], det = D.details[n.id] || {};
    cardFor = [showNode, i];
    card.textContent = "";
    card.append(el("button", { class: "close", type: "button", text: T.close, on: { click: dismissCard } }),
                el("h2", { text: n.l, tabindex: "-1" }), el("div", { class: "kind" }, swatch(c), el("span", { text: c.name })));
    var dl = el("dl");
    if (det.labels) {
      var f = document.createDocumentFragment();
      Object.keys(det.labels).sort().forEach(function (lang) {
        f.append(el("div", null, el("span", { class: "status inferred", text: lang || "—" }), " " + det.labels[lang].join(" | ")));
      });
      entry(dl, T.labels, f);
    }
    if (det.aliases && det.aliases.length) entry(dl, T.aliases, det.aliases.join(" | "));
    if (n.d) entry(dl, T.date, n.d);
    if (det.status) entry(dl, T.status, el("span", { class: "status", text: det.status }));
    if (det.speaker && det.speaker.length) entry(dl, T.speaker, list(det.speaker, nodeButton));
    if (det.addressee && det.addressee.length) entry(dl, T.addressee, list(det.addressee, nodeButton));
    if (det.mentions && det.mentions.length) entry(dl, T.mentions, list(det.mentions, nodeButton));
    if (det.statementSources && det.statementSources.length) entry(dl, T.sources, sourceList(det.statementSources));
    card.append(dl);
    if (det.wordings && det.wordings.length) {
      card.append(el("h3", { text: T.text }));
      det.wordings.forEach(function (w) {
        card.append(el("blockquote", { lang: w[1] || "", class: "wording" }, el("span", { class: "words", text: w[0] }),
          el("span", { class: "meta" }, (w[1] ? "[" + w[1] + "] " : ""), sourceLink(w[2]))));
      });
    }
    (det.claim || []).concat(det.paraphrase || []).forEach(function (t) {
      card.append(el("blockquote", { lang: t[1] || "" }, el("span", { text: t[0] }), el("span", { class: "meta", text: t[1] ? "[" + t[1] + "]" : "" })));
    });
    card.append(el("div", null,
      el("button", { type: "button", text: T.pathFrom, on: { click: function () { $("path-from").value = n.l; pathChoice.from = i; } } }), " ",
      el("button", { type: "button", text: T.pathTo, on: { click: function () { $("path-to").value = n.l; pathChoice.to = i; findPath(); } } })));
    var facts = incident[i].filter(function (k) { return !E[k].x || state.entities; }), ul = el("ul", { class: "facts" }), shown = 0;
    card.append(el("h3", { text: T.facts + " (" + facts.length + ")" }), ul);
    facts.slice().sort(function (a, b) { return D.relations[E[a].r].localeCompare(D.relations[E[b].r]); }).forEach(function (k) {
      if (shown++ >= 150) return;
      ul.append(factItem(k, i));
    });
    if (facts.length > 150) ul.append(el("li", { text: "… " + (facts.length - 150) + " " + T.more }));
    card.append(el("p", { class: "iri", text: n.id }));
    listeners.card.forEach(function (f) { f(i, card); }); // what the features add to a card (case.js: its layout)
    openCard(refresh);
  }
  function factItem(k, from) {
    var e = E[k], out = e.f === from, other = out ? e.t : e.f;
    var li = el("li", { class: "fact" }, out ? "→ " : "← ", el("strong", { text: D.relations[e.r] }), " ",
                el("button", { class: "link", type: "button", text: N[other].l, on: { click: function () { select(other, true); } } }));
    if (e.s != null) li.append(" ", el("span", { class: "status", text: D.statuses[e.s] }));
    if (e.i) li.append(" ", el("span", { class: "status inferred", text: T.inferred.replace(/^.* /, "") }));
    if (e.d) li.append(" ", el("small", { text: e.d }));
    if (e.v && byId.has(e.v)) li.append(" ", el("small", { text: T.via + " " }), nodeButton(e.v));
    var cited = citedSources(k, false);
    if (cited.length) li.append(el("div", { class: "sources" }, sourceList(cited)));
    return li;
  }
  // The sources (rows of S) behind edge k: those that state it, then (for a derived relation) those it was derived
  // from, each document once. With keptOnly, only what the source filters keep (a support set only when whole).
  function citedSources(k, keptOnly) {
    var e = E[k], kept = function (s) { return !keptOnly || srcOk[s]; }, pool = (e.u || []).filter(kept);
    (e.a || []).forEach(function (a) { if (SUP[a].every(kept)) pool = pool.concat(SUP[a]); });
    var cited = [], urls = new Set();
    pool.forEach(function (s) { if (!urls.has(S[s].u)) { urls.add(S[s].u); cited.push(s); } });
    return cited;
  }
  function showEdge(k, refresh) {
    var e = E[k];
    cardFor = [showEdge, k];
    card.textContent = "";
    card.append(el("button", { class: "close", type: "button", text: T.close, on: { click: dismissCard } }),
                el("h2", { text: D.relations[e.r], tabindex: "-1" }));
    var ul = el("ul", { class: "facts" }, factItem(k, e.f));
    card.append(el("p", null, nodeButton(N[e.f].id)), ul);
    openCard(refresh);
  }

  // --- selection, search -------------------------------------------------------------------------------------
  function select(i, focus) {
    ensureDrawn(i);
    if (state.nodeHidden[i]) { forced = i; apply(); } else forced = -1;
    state.selected = N[i].id;
    state.path = null;
    network.selectNodes([N[i].id]);
    neighbourhood(i);
    showNode(i);
    if (focus) network.focus(N[i].id, { scale: Math.max(network.getScale(), 1.0), animation: big ? false : { duration: 300 } });
    relabel();
    changed("selection");
  }
  function clearSelection() {
    state.selected = null; forced = -1; network.unselectAll(); clearHighlight(); closeCard(); relabel();
    changed("selection");
  }
  network.on("click", function (p) {
    if (p.nodes.length && groupIndex.has(p.nodes[0])) openGroup(groupIndex.get(p.nodes[0])); // a group opens
    else if (p.nodes.length) select(byId.get(p.nodes[0]), false);
    else if (p.edges.length && typeof p.edges[0] === "number") { state.selected = null; clearHighlight(); showEdge(p.edges[0]); }
    else clearSelection();
  });
  network.on("doubleClick", function (p) { // open the first source of a statement or relation
    if (!p.nodes.length) return;
    var det = D.details[p.nodes[0]] || {}, url = det.wordings && det.wordings.length ? S[det.wordings[0][2]].u : null;
    if (url && safeUrl(url)) window.open(url, "_blank", "noopener");
  });

  var keys = null;
  function searchKeys() {
    if (!keys) keys = N.map(function (n) {
      var ks = [norm(n.l)]; (n.n || []).forEach(function (s) { var k = norm(s); if (ks.indexOf(k) < 0) ks.push(k); });
      return ks;
    });
    return keys;
  }
  function matches(text, limit) {
    var q = norm(text);
    if (!q) return [];
    var ks = searchKeys(), found = [];
    for (var i = 0; i < N.length; i++) {
      var best = 9;
      for (var j = 0; j < ks[i].length; j++) {
        var k = ks[i][j], r = k === q ? 0 : k.startsWith(q) ? 1 : k.indexOf(q) >= 0 ? 2 : 9;
        if (r < best) best = r;
      }
      if (best < 9) found.push([best, N[i].t, -N[i].s, N[i].l, i]);
    }
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0); });
    return found.slice(0, limit).map(function (f) { return f[4]; });
  }
  // The search box is an ARIA combobox over the list of results (a listbox): the arrows move the active result
  // while the focus stays in the box, Enter selects the active result (or the first), Escape closes the list.
  var search = $("search"), results = $("results"), found = [], active = -1;
  [["role", "combobox"], ["aria-autocomplete", "list"], ["aria-controls", "results"], ["aria-expanded", "false"],
   ["aria-label", T.search]].forEach(function (a) { search.setAttribute(a[0], a[1]); });
  results.setAttribute("role", "listbox");
  results.setAttribute("aria-label", T.results);
  function setActive(j) {
    var items = results.querySelectorAll("[role=option][data-id]");
    active = items.length ? Math.max(0, Math.min(j, items.length - 1)) : -1;
    items.forEach(function (li, k) { li.setAttribute("aria-selected", String(k === active)); });
    if (active < 0) { search.removeAttribute("aria-activedescendant"); return; }
    search.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }
  function closeResults() {
    results.textContent = ""; found = []; active = -1;
    search.setAttribute("aria-expanded", "false");
    search.removeAttribute("aria-activedescendant");
  }
  function showResults() {
    closeResults();
    if (!search.value.trim()) return;
    search.setAttribute("aria-expanded", "true");
    found = matches(search.value, 12);
    if (!found.length) results.append(el("li", { role: "option", "aria-disabled": "true", "aria-selected": "false", text: T.notFound }));
    found.forEach(function (i, k) {
      results.append(el("li", { role: "option", id: "result-" + k, "data-id": N[i].id, "aria-selected": "false",
                                on: { click: function () { setActive(k); select(i, true); } } },
        N[i].l + " ", el("small", { text: C[N[i].c].name })));
    });
  }
  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (ev) {
    var down = ev.key === "ArrowDown";
    if (down || ev.key === "ArrowUp") {
      if (!found.length && search.value.trim()) showResults();
      if (!found.length) return;
      ev.preventDefault(); // the caret stays where it is
      setActive(active < 0 ? (down ? 0 : found.length - 1) : active + (down ? 1 : -1));
    } else if (ev.key === "Enter") {
      if (!found.length) showResults();
      if (found.length) { ev.preventDefault(); select(found[active >= 0 ? active : 0], true); }
    } else if (ev.key === "Escape" && results.childElementCount) {
      ev.preventDefault(); // close the list and keep the words typed (a second Escape clears the box)
      closeResults();
    }
  });

  // --- path between two entities ---------------------------------------------------------------------------
  var pathChoice = { from: null, to: null };
  $("path-from").addEventListener("input", function () { pathChoice.from = null; });
  $("path-to").addEventListener("input", function () { pathChoice.to = null; });
  function findPath() {
    var a = pathChoice.from != null ? pathChoice.from : matches($("path-from").value, 1)[0];
    var b = pathChoice.to != null ? pathChoice.to : matches($("path-to").value, 1)[0];
    var out = $("path-out");
    out.textContent = "";
    if (a == null || b == null) { out.append(el("li", { text: T.notFound })); return; }
    $("path-from").value = N[a].l; $("path-to").value = N[b].l;
    var prev = new Map([[a, -1]]), queue = [a];
    while (queue.length && !prev.has(b)) {
      var x = queue.shift();
      incident[x].forEach(function (k) {
        if (state.edgeHidden[k]) return;
        var y = E[k].f === x ? E[k].t : E[k].f;
        if (!prev.has(y) && !state.nodeHidden[y]) { prev.set(y, k); queue.push(y); }
      });
    }
    if (!prev.has(b)) { out.append(el("li", { text: T.noPath })); clearHighlight(); return; }
    var hops = [], keepNodes = new Set([b]), keepEdges = new Set();
    for (var y = b; y !== a;) { var k = prev.get(y); hops.unshift(k); keepEdges.add(k); y = E[k].f === y ? E[k].t : E[k].f; keepNodes.add(y); }
    keepNodes.forEach(ensureDrawn);
    state.path = hops; state.pathEnds = [a, b];
    highlight(keepNodes, keepEdges);
    var at = a;
    hops.forEach(function (k) {
      var e = E[k], next = e.f === at ? e.t : e.f;
      out.append(el("li", { class: "hop" }, nodeButton(N[e.f].id), " —" + D.relations[e.r] + (e.s != null ? " (" + D.statuses[e.s] + ")" : "") + "→ ", nodeButton(N[e.t].id)));
      at = next;
    });
    network.fit({ nodes: Array.from(keepNodes).map(function (i) { return N[i].id; }), animation: false });
    relabel();
    changed("path");
  }
  $("path-go").addEventListener("click", findPath);

  // --- buttons ---------------------------------------------------------------------------------------------
  $("fit").addEventListener("click", function () { network.fit({ animation: false }); relabel(); });
  $("clear").addEventListener("click", function () { clearSelection(); $("path-out").textContent = ""; });
  // #png and #svg: share.js (the picture on screen with a legend and a footnote of sources).

  // --- timeline ----------------------------------------------------------------------------------------------
  var track = $("track"), dated = [];
  N.forEach(function (n, i) { if (n.d) dated.push(i); });
  if (!dated.length) $("timeline").hidden = true;
  var t0 = dated.length ? Date.parse(span(dates[0])[0]) : 0, t1 = dated.length ? Date.parse(span(dates[dates.length - 1])[1]) : 1;
  function pos(d) { return t1 > t0 ? (Date.parse(d) - t0) / (t1 - t0) * 100 : 50; }
  var windowBox = el("div", { class: "window" });
  function drawWindow() {
    var a = state.from ? pos(state.from) : 0, b = state.to ? pos(state.to) : 100;
    windowBox.style.left = a + "%"; windowBox.style.width = Math.max(b - a, 0.5) + "%";
  }
  function drawTimeline() {
    if (!dated.length) return;
    track.textContent = "";
    track.append(windowBox);
    var y0 = new Date(t0).getUTCFullYear(), y1 = new Date(t1).getUTCFullYear();
    for (var y = y0; y <= y1 + 1; y++) { var p = pos(y + "-01-01"); if (p >= 0 && p <= 100) track.append(el("span", { class: "tick", style: "left:" + p + "%", text: String(y) })); }
    if (dated.length <= 1500) {
      dated.forEach(function (i, k) {
        var n = N[i], mark = el("span", { class: "mark" + (state.filteredOut[i] ? " out" : ""), title: n.d + " — " + n.l, "data-id": n.id,
                                          on: { click: function () { select(i, true); } } });
        mark.style.left = pos(span(n.d)[0]) + "%"; mark.style.bottom = (k % 4) * 7 + "px"; mark.style.background = C[n.c].colour;
        track.append(mark);
      });
    } else { // a histogram of dated entities per bucket
      var buckets = new Array(100).fill(0), max = 1;
      dated.forEach(function (i) { if (!state.filteredOut[i]) { var b = Math.min(99, Math.floor(pos(span(N[i].d)[0]))); buckets[b]++; max = Math.max(max, buckets[b]); } });
      buckets.forEach(function (v, b) { if (v) { var bar = el("span", { class: "bar", title: String(v) }); bar.style.left = b + "%"; bar.style.height = (v / max * 100) + "%"; track.append(bar); } });
    }
    drawWindow();
  }
  drawTimeline();
  counts();

  // For scripts, tests and the features that follow this file (case.js, share.js, table.js): the network, its
  // data, the viewer's state, and what the features may call. on("change", f) calls f after every change of what
  // is shown (filters, view, selection, path); the features keep their own state in sync through it.
  function changed(what) { listeners.change.forEach(function (f) { f(what); }); }
  window.casegraphViewer = {
    network: network, nodes: nodes, edges: edges, data: D, state: state, byId: byId, incident: incident,
    select: function (iri) { select(byId.get(iri), true); }, selectIndex: select, clearSelection: clearSelection,
    apply: apply, relabel: relabel, place: place, ensureDrawn: ensureDrawn, findPath: findPath, pathChoice: pathChoice,
    sourceDays: sourceDays, dates: dates, citedSources: citedSources, labels: drawnLabels, labelsPending: function () { return relabelQueued; }, counts: counts, el: el, fmt: fmt, swatch: swatch, line: line,
    sourceLink: sourceLink, nodeButton: nodeButton, showNode: showNode, isEntity: isEntity,
    matches: function (q) { return matches(q, 12).map(function (i) { return N[i].id; }); },
    on: function (event, f) { listeners[event].push(f); }, changed: changed,
    openGroup: openGroup, closeGroup: closeGroup, collapseGroups: collapseGroups, grouping: grouping,
    groupOf: function (iri) { var i = byId.get(iri); return i == null || N[i].g == null ? null : N[i].g; },
    groupId: function (k) { return GROUP + k; }
  };
  metrics.ready = performance.now();
})();
