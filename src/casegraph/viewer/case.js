/* casegraph viewer, a case's own layout: the case in the middle, plaintiffs on its left and their counsel beside
   them, defendants on its right and theirs beside them, court and judges above, models and data sets at issue below,
   and around them the entities the statements and claims of its record bring in (drawn as the entities view's
   edges, those of this case only). Which entity goes where comes from the page's data (D.cases, read from the
   ontology's cg:caseLayoutPlace by casegraph.viewer.cases); the geometry is here.
   Reached by `casegraph view --case NAME` (D.caseFocus), the side bar's list of cases and each case's card. */
(function (V) {
  "use strict";
  var D = V.data, N = D.nodes, E = D.edges, T = D.ui, el = V.el, state = V.state;
  var CASES = D.cases || [], PLACES = D.casePlaces || {};
  var byCase = new Map(CASES.map(function (c) { return [N[c.i].id, c]; }));
  state.caseFocus = null;
  if (!CASES.length) { document.getElementById("case-section").hidden = true; return; }

  // Canvas units; node sizes run from 8 to 38, and labels are drawn at a fixed size on screen beside them.
  var STEP = 70, COLUMN = 300, PER_COLUMN = 14, SIDE = 420, ROW_STEP = 240, MARGIN = 170;

  function byName(a, b) { return N[a].l.localeCompare(N[b].l); }
  // A side's members in columns of PER_COLUMN going outward from x0 (dir -1: to the left), centred on y = 0;
  // returns the x beyond the last column.
  function columns(members, x0, dir, at) {
    members.sort(byName);
    for (var k = 0; k < members.length; k++) {
      var col = Math.floor(k / PER_COLUMN), inCol = Math.min(PER_COLUMN, members.length - col * PER_COLUMN);
      at.set(members[k], [x0 + dir * col * COLUMN, (k % PER_COLUMN - (inCol - 1) / 2) * STEP]);
    }
    return x0 + dir * Math.ceil(members.length / PER_COLUMN) * COLUMN;
  }
  function row(members, y, at) {
    members.sort(byName);
    members.forEach(function (i, k) { at.set(i, [(k - (members.length - 1) / 2) * ROW_STEP, y]); });
  }
  function halfHeight(n) { return (Math.min(n, PER_COLUMN) - 1) / 2 * STEP; }

  // Positions of the case's entities: Map node index -> [x, y], and where each caption goes.
  function layoutOf(c) {
    var at = new Map([[c.i, [0, 0]]]), by = {}, captions = [];
    c.p.forEach(function (p) { // an entity with two places (a party that is also at issue) takes the first
      if (p[0] === c.i || at.has(p[0]) || seenIn(by, p[0])) return;
      (by[p[1]] = by[p[1]] || []).push(p[0]);
    });
    var plaintiffs = by.PlaintiffsSide || [], defendants = by.DefendantsSide || [];
    var pCounsel = by.PlaintiffsCounselSide || [], dCounsel = by.DefendantsCounselSide || [];
    var tall = Math.max(halfHeight(plaintiffs.length), halfHeight(defendants.length),
                        halfHeight(pCounsel.length), halfHeight(dCounsel.length), 0);
    var left = columns(plaintiffs, -SIDE, -1, at), right = columns(defendants, SIDE, 1, at);
    caption("PlaintiffsSide", -SIDE, -tall); caption("DefendantsSide", SIDE, -tall);
    // (the counsel's captions a line higher: a side of one column is narrower than its caption)
    if (pCounsel.length) { caption("PlaintiffsCounselSide", left, -tall - STEP / 2); columns(pCounsel, left, -1, at); }
    if (dCounsel.length) { caption("DefendantsCounselSide", right, -tall - STEP / 2); columns(dCounsel, right, 1, at); }
    var top = -tall - MARGIN - STEP, bottom = tall + MARGIN + STEP;
    row(by.Bench || [], top, at); if ((by.Bench || []).length) caption("Bench", 0, top);
    row(by.AtIssue || [], bottom, at); if ((by.AtIssue || []).length) caption("AtIssue", 0, bottom);
    row(by.CounselOfNoSide || [], bottom + MARGIN, at);
    if ((by.CounselOfNoSide || []).length) caption("CounselOfNoSide", 0, bottom + MARGIN);
    around(c, at);
    return { at: at, captions: captions };

    function caption(place, x, y) { if (PLACES[place]) captions.push([PLACES[place], x, y - STEP * 0.9]); }
  }
  function seenIn(by, i) { for (var k in by) if (by[k].indexOf(i) >= 0) return true; return false; }

  // The other entities of the record go on a ring around everything placed, each at the angle of the entities
  // it is linked to (so that a statement's edge is short), then spread so that no two sit on each other.
  function around(c, at) {
    var extra = new Map();
    c.x.forEach(function (k) {
      [E[k].f, E[k].t].forEach(function (i) { if (!at.has(i)) extra.set(i, []); });
    });
    if (!extra.size) return;
    c.x.forEach(function (k) {
      var f = E[k].f, t = E[k].t;
      if (extra.has(f) && at.has(t)) extra.get(f).push(at.get(t));
      if (extra.has(t) && at.has(f)) extra.get(t).push(at.get(f));
    });
    var wide = 0, high = 0; // an ellipse around the box of what is placed
    at.forEach(function (p) { wide = Math.max(wide, Math.abs(p[0])); high = Math.max(high, Math.abs(p[1])); });
    var rx = wide + 2 * MARGIN, ry = high + 2 * MARGIN, angles = [];
    extra.forEach(function (linked, i) {
      var x = 0, y = 0;
      linked.forEach(function (p) { x += p[0]; y += p[1]; });
      angles.push([linked.length ? Math.atan2(y, x) : Math.PI / 2, i]); // unlinked to a placed one: below
    });
    angles.sort(function (a, b) { return a[0] - b[0] || byName(a[1], b[1]); });
    // a gap of about three node steps between neighbours (less when that would go round more than once)
    var gap = Math.min(2 * Math.PI / angles.length, 3 * STEP / Math.min(rx, ry));
    for (var k = 1; k < angles.length; k++) angles[k][0] = Math.max(angles[k][0], angles[k - 1][0] + gap);
    angles.forEach(function (a) { at.set(a[1], [rx * Math.cos(a[0]), ry * Math.sin(a[0])]); });
  }

  var shown = null; // { at, captions } of the case drawn
  function moveAll() {
    var moves = [];
    V.nodes.forEach(function (n) { // entities only: a group's node (viewer.js) stays where its members are
      var i = V.byId.get(n.id);
      if (i == null) return;
      var at = V.place(i);
      moves.push({ id: n.id, x: at[0], y: at[1] });
    });
    V.nodes.update(moves);
  }
  function showCase(iri) {
    var c = iri != null ? byCase.get(iri) : null;
    if (!c) return leave();
    var allNodes = document.getElementById("all-nodes");
    if (allNodes.checked) { allNodes.checked = false; allNodes.dispatchEvent(new Event("change")); }
    shown = layoutOf(c);
    state.caseFocus = iri;
    state.casePlaces = shown.at;
    state.only = new Set(shown.at.keys());
    state.onlyHubs = new Set(c.x);
    shown.at.forEach(function (_p, i) { V.ensureDrawn(i); });
    moveAll();
    V.apply();
    V.network.fit({ nodes: Array.from(shown.at.keys()).map(function (i) { return N[i].id; }), animation: false });
    V.relabel();
    sync();
    V.changed("case");
  }
  function leave() {
    if (state.caseFocus == null) return;
    shown = null;
    state.caseFocus = null; state.casePlaces = null; state.only = null; state.onlyHubs = null;
    moveAll();
    V.apply();
    V.network.fit({ animation: false });
    V.relabel();
    sync();
    V.changed("case");
  }

  // The captions of the places, on the drawing (in canvas units, so that they move and zoom with it).
  V.network.on("afterDrawing", function (ctx) {
    if (!shown) return;
    ctx.save();
    ctx.font = "600 " + (15 / Math.max(V.network.getScale(), 0.05)).toFixed(1) + "px system-ui, sans-serif";
    ctx.textAlign = "center"; ctx.textBaseline = "bottom"; ctx.fillStyle = "#7a4b00";
    shown.captions.forEach(function (c) { ctx.fillText(c[0].toUpperCase(), c[1], c[2]); });
    ctx.restore();
  });

  // The side bar: a list of the cases, and the way back to the whole graph.
  var section = document.getElementById("case-section");
  var choose = el("select", { id: "case-select", "aria-labelledby": "h-case" });
  choose.append(el("option", { value: "", text: T.wholeGraph }));
  CASES.slice().sort(function (a, b) { return byName(a.i, b.i); }).forEach(function (c) {
    choose.append(el("option", { value: N[c.i].id, text: N[c.i].l }));
  });
  choose.addEventListener("change", function () { showCase(choose.value || null); });
  section.append(el("h2", { id: "h-case", text: T.caseLayout }), choose);
  function sync() {
    choose.value = state.caseFocus || "";
    if (state.selected && byCase.has(state.selected)) V.showNode(V.byId.get(state.selected), true); // its button changes
  }
  // Showing every node leaves the case's layout, which shows entities only.
  document.getElementById("all-nodes").addEventListener("change", function () { if (this.checked) leave(); });

  // A case's card offers its layout; the card of the case shown offers the way back.
  V.on("card", function (i, card) {
    var iri = N[i].id;
    if (!byCase.has(iri)) return;
    var here = state.caseFocus === iri;
    card.append(el("p", null, el("button", { type: "button", class: "case-layout", text: here ? T.backToGraph : T.showCase,
                                             on: { click: function () { if (here) leave(); else showCase(iri); } } })));
  });

  V.showCase = showCase;
  if (D.caseFocus) showCase(D.caseFocus);
})(window.casegraphViewer);
