/* casegraph viewer: the text view. The side bar's "Text view" button (#table-toggle) swaps the drawing for two
   tables of what the drawing shows now: the entities shown and the relations shown, with the same filters, date
   range, source filters and view. For screen readers, keyboard users and anyone who would rather read a list.
   Each column sorts by its heading (a button; again to reverse), a name selects its entity and opens its card.
   Adds V.state.table (whether the text view is open) and V.showTable(open). Data text goes in as textContent. */
(function (V) {
  "use strict";
  var D = V.data, T = D.ui, N = D.nodes, E = D.edges, C = D.classes, el = V.el, state = V.state;
  var STEP = 300; // rows listed at first, and added by each "list more": the DOM stays small on large graphs
  var view = document.getElementById("table-view"), graph = document.getElementById("graph");
  var toggle = document.getElementById("table-toggle");
  var collator = new Intl.Collator(D.lang || undefined, { sensitivity: "base", numeric: true });
  var wanted = !!state.table; // a script before this one (share.js, from the URL) may already ask for the tables
  state.table = false;
  toggle.textContent = T.tableToggle;

  // An edge is shown when both its ends are drawn (only then is it in the vis DataSet) and the filters keep it.
  function edgeShown(k) { return state.drawn[E[k].f] && state.drawn[E[k].t] && !state.edgeHidden[k]; }
  function nodeShown(i) { return state.drawn[i] && !state.nodeHidden[i]; }
  function relCount(i) { return V.incident[i].filter(edgeShown).length; }

  function nameButton(i) {
    return el("button", { class: "link", type: "button", "data-id": N[i].id, text: N[i].l,
                          on: { click: function () { V.select(N[i].id); } } });
  }
  function sources(k) { // publisher (date) links, as the card shows them
    var f = document.createDocumentFragment();
    V.citedSources(k, false).forEach(function (s, j) { if (j) f.append(" · "); f.append(V.sourceLink(s)); });
    return f;
  }
  function statusText(k) {
    var e = E[k];
    return [e.s != null ? D.statuses[e.s] : "", e.i ? T.inferredMark : ""].filter(Boolean).join(", ");
  }
  function statusCell(k) {
    var e = E[k], f = document.createDocumentFragment();
    if (e.s != null) f.append(el("span", { class: "status", text: D.statuses[e.s] }));
    if (e.i) f.append(e.s != null ? " " : "", el("span", { class: "status inferred", text: T.inferredMark }));
    return f;
  }

  // Each column: its heading, the value it sorts by ("num" numbers, "date" ISO dates, else text) and its cell.
  var TABLES = {
    nodes: { caption: "tableNodes", rows: function () { return N.map(function (n, i) { return i; }).filter(nodeShown); },
      columns: [
        { head: "name", value: function (i) { return N[i].l; }, cell: nameButton },
        { head: "class", value: function (i) { return C[N[i].c].name; } },
        { head: "date", type: "date", value: function (i) { return N[i].d || ""; } },
        { head: "relCount", type: "num", value: relCount }
      ] },
    edges: { caption: "tableEdges", rows: function () { return E.map(function (e, k) { return k; }).filter(edgeShown); },
      columns: [
        { head: "fromCol", value: function (k) { return N[E[k].f].l; }, cell: function (k) { return nameButton(E[k].f); } },
        { head: "relation", value: function (k) { return D.relations[E[k].r]; } },
        { head: "toCol", value: function (k) { return N[E[k].t].l; }, cell: function (k) { return nameButton(E[k].t); } },
        { head: "status", value: statusText, cell: statusCell },
        { head: "date", type: "date", value: function (k) { return E[k].d || ""; } },
        { head: "sources", value: function (k) { return V.citedSources(k, false).map(function (s) { return D.sources[s].p || D.sources[s].u; }).join(" "); },
          cell: sources }
      ] }
  };
  // Per table: the column sorted by (-1: the data's order, most central first) and its direction, and how many
  // rows are listed.
  var sorts = { nodes: { col: -1, dir: 1, limit: STEP }, edges: { col: -1, dir: 1, limit: STEP } };
  var shownKey = ""; // what the tables list, to skip redrawing them when a change leaves it as it is

  function compare(column, dir) { // over [value, row] pairs: each value is worked out once, not at each comparison
    return function (a, b) {
      var x = a[0], y = b[0];
      // Empty cells (no date) go last whichever the direction: they are not the smallest date.
      if (x === "" || y === "") return x === y ? 0 : x === "" ? 1 : -1;
      if (column.type === "num") return (x - y) * dir;
      if (column.type === "date") return (x < y ? -1 : x > y ? 1 : 0) * dir; // ISO dates: text order is time order
      return collator.compare(x, y) * dir;
    };
  }

  function table(name, rows) {
    var def = TABLES[name], sort = sorts[name];
    if (sort.col >= 0) { // over all the rows shown, not only those listed
      var by = def.columns[sort.col];
      rows = rows.map(function (r) { return [by.value(r), r]; }).sort(compare(by, sort.dir))
        .map(function (pair) { return pair[1]; });
    }
    var head = el("tr");
    def.columns.forEach(function (column, c) {
      var th = el("th", { scope: "col" }, el("button", { type: "button", class: "sort", text: T[column.head],
        on: { click: function () { sortBy(name, c); } } }));
      if (c === sort.col) th.setAttribute("aria-sort", sort.dir > 0 ? "ascending" : "descending");
      head.append(th);
    });
    var body = el("tbody");
    rows.slice(0, sort.limit).forEach(function (r) {
      var tr = el("tr", name === "nodes" ? { "data-id": N[r].id } : { "data-edge": String(r) });
      def.columns.forEach(function (column) {
        tr.append(el("td", column.type ? { class: column.type } : null, column.cell ? column.cell(r) : String(column.value(r))));
      });
      body.append(tr);
    });
    var out = el("section", { class: "cg-table", "data-table": name },
      el("table", null, el("caption", { text: V.fmt(T[def.caption], { n: rows.length.toLocaleString() }) }),
         el("thead", null, head), body));
    if (rows.length > sort.limit) {
      var rest = rows.length - sort.limit;
      out.append(el("p", { class: "more" }, V.fmt(T.moreRows, { n: rest.toLocaleString() }) + " ",
        el("button", { type: "button", text: V.fmt(T.showMore, { n: Math.min(rest, STEP).toLocaleString() }),
          on: { click: function () { sort.limit += STEP; render(true, name); } } })));
    }
    return out;
  }

  function sortBy(name, c) {
    var sort = sorts[name];
    if (sort.col === c) sort.dir = -sort.dir; else { sort.col = c; sort.dir = 1; }
    render(true, name, c);
  }

  // Draw both tables (when what they list changed, or force); then put the focus back on the button that was
  // pressed, which the redraw replaced.
  function render(force, focusTable, focusColumn) {
    if (!state.table) return;
    var rows = { nodes: TABLES.nodes.rows(), edges: TABLES.edges.rows() };
    var key = rows.nodes.join(",") + "|" + rows.edges.join(",");
    if (!force && key === shownKey) return;
    shownKey = key;
    view.textContent = "";
    view.append(el("p", { class: "hint", text: T.tableHint }), table("nodes", rows.nodes), table("edges", rows.edges));
    if (focusTable) {
      var part = view.querySelector('[data-table="' + focusTable + '"]');
      // After "list more", the first row it added (else the button, when that row has none).
      var target = focusColumn != null ? part.querySelectorAll("th button")[focusColumn] :
        part.querySelector("tbody tr:nth-child(" + (sorts[focusTable].limit - STEP + 1) + ") button") ||
        part.querySelector("p.more button");
      if (target) target.focus();
    }
  }

  function showTable(open) {
    open = !!open;
    if (open === state.table) return;
    state.table = open;
    toggle.setAttribute("aria-expanded", String(open));
    view.hidden = !open;
    graph.hidden = open;
    if (open) { shownKey = ""; render(true); }
    else {
      view.textContent = "";
      V.network.redraw(); // the drawing had no size while hidden
      V.relabel();
    }
    V.changed("table");
  }
  toggle.addEventListener("click", function () { showTable(!state.table); });
  V.on("change", function (what) { if (what !== "table") render(false); });
  V.showTable = showTable;
  if (wanted) showTable(true);
})(window.casegraphViewer);
