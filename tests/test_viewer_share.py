"""Views worth sharing (share.js): the page's state in the URL fragment, and the SVG and PNG exports with a
legend and a footnote of sources. In Debian's headless chromium with every non-file request blocked."""

from __future__ import annotations

import calendar
import struct
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlencode

import networkx as nx
from browser import hostile_graph, wait_for

from casegraph.viewer import UI, View, is_entity, render, view_data

ID = "https://w3id.org/casegraph/id/"
AL_DAHLE = ID + "person/ahmad-al-dahle"
KADREY = ID + "case/cand-3-23-cv-03417"
SVG = "{http://www.w3.org/2000/svg}"
#: the page has drawn, and share.js has read the fragment it opened with
RESTORED = "window.casegraphMetrics && casegraphMetrics.firstDraw && casegraphMetrics.restored"
LABELLED = RESTORED + " && casegraphMetrics.labelled"

# What a reader sees, to compare two pages: the nodes and edges shown, the selection, the path, every control.
SNAPSHOT = """(() => { const v = casegraphViewer, s = v.state, $ = id => document.getElementById(id);
  return { nodes: v.nodes.getIds({filter: n => !n.hidden}).sort(),
           edges: v.edges.getIds({filter: e => !e.hidden}).sort((a, b) => a - b),
           selected: s.selected, path: s.path, card: $('card').hidden ? null : $('card').querySelector('h2').textContent,
           hops: [...document.querySelectorAll('#path-out li')].map(li => li.textContent),
           off: [...document.querySelectorAll('#side input[type=checkbox]')].filter(b => !b.checked)
                  .map(b => b.id || b.dataset.class || b.dataset.relation || 'status:' + b.dataset.status).sort(),
           values: ['date-from', 'date-to', 'known-on', 'min-confidence', 'path-from', 'path-to', 'search']
                  .map(id => $(id).value),
           state: [s.from, s.to, s.knownOn, s.minConf, s.entities, s.inferred, s.edgeLabels] }; })()"""


def open_page(browser, path: Path, ready: str = RESTORED):
    return browser.open(path, ready=ready)


def go(page, url: str) -> None:
    """Open ``url`` in ``page`` and wait until the page has restored the state its fragment describes."""
    page.goto(url)
    wait_for(page, RESTORED)


def reload(page) -> None:
    page.reload()
    wait_for(page, RESTORED)


def input_value(page, selector: str, value) -> None:
    page.eval_on_selector(selector, "(e, v) => { e.value = v; e.dispatchEvent(new Event('input')); }", str(value))


def test_a_reload_and_a_link_show_the_same_view(browser, page_file):
    page = open_page(browser, page_file, RESTORED)
    try:
        length = page.evaluate("history.length")
        page.click("#all-nodes")  # every node
        page.uncheck('input[data-class="law firm"]')
        relation = page.evaluate("document.querySelectorAll('#relations input')[1].dataset.relation")
        page.uncheck(f'input[data-relation="{relation}"]')
        page.uncheck('input[data-status="alleged"]')
        labels_on = page.is_checked("#edge-labels")  # on by default up to a number of relations
        page.set_checked("#edge-labels", not labels_on)
        input_value(page, "#date-from", page.evaluate("Math.floor(document.getElementById('date-from').max / 4)"))
        days = page.evaluate("casegraphViewer.sourceDays")
        input_value(page, "#known-on", max(i for i, d in enumerate(days) if d <= "2025-06-30"))
        page.select_option("#min-confidence", "M")
        page.evaluate(f"casegraphViewer.select('{AL_DAHLE}')")
        page.fill("#path-from", "Mistral AI")
        page.fill("#path-to", "Kadrey v. Meta")
        page.click("#path-go")
        before = page.evaluate(SNAPSHOT)
        assert before["selected"] == AL_DAHLE and before["path"] and before["hops"]
        assert before["state"][0] and before["state"][2] and before["state"][3] == "M"
        # Readable keys: names and IRIs, ISO dates; and one history entry however many changes were made.
        fragment = page.evaluate("location.hash")
        for part in ("hide-class=law+firm", "hide-status=alleged", "all-nodes=1", f"relation-names={int(not labels_on)}",
                     f"dates-from={before['state'][0]}", f"known-on={before['state'][2]}", "min-confidence=M",
                     urlencode({"select": AL_DAHLE}), urlencode({"path-to": KADREY})):
            assert part in fragment
        assert page.evaluate("history.length") == length
        url = page.url
        reload(page)
        assert page.evaluate(SNAPSHOT) == before
        # The link opened in another tab (here: a tab on the bare page, then the link: its hashchange).
        other = open_page(browser, page_file, RESTORED)
        go(other, url)
        assert other.evaluate(SNAPSHOT) == before
        other.close()
        assert browser.errors == [] and browser.failed == []
    finally:
        page.close()


def test_a_fragment_written_by_hand_restores(browser, page_file):
    fragment = urlencode([("hide-class", "person"), ("hide-class", "law firm"), ("all-nodes", "1"),
                          ("select", KADREY), ("known-on", "2024-12-31"), ("q", "Llama")])
    page = open_page(browser, page_file, RESTORED)
    try:
        go(page, page_file.as_uri() + "#" + fragment)
        reload(page)  # a fresh page opened on the link, as well as the hashchange just now
        assert page.is_checked("#all-nodes")
        assert not page.is_checked('input[data-class="person"]') and not page.is_checked('input[data-class="law firm"]')
        assert page.is_checked('input[data-class="company"]')
        assert page.evaluate(f"casegraphViewer.nodes.get('{AL_DAHLE}').hidden") is True
        assert page.evaluate("casegraphViewer.state.selected") == KADREY
        assert page.inner_text("#card h2") == "Kadrey v. Meta"
        days = page.evaluate("casegraphViewer.sourceDays")
        assert page.evaluate("casegraphViewer.state.knownOn") == max(d for d in days if d <= "2024-12-31")
        assert page.input_value("#search") == "Llama" and page.locator("#results li").count() > 0
        # Changing the fragment by hand changes the view (hashchange), back to the default with an empty one.
        page.evaluate("location.hash = 'hide-status=alleged'")
        wait_for(page, "!document.querySelector('input[data-status=\"alleged\"]').checked")
        assert page.is_checked('input[data-class="person"]') and not page.is_checked("#all-nodes")
        assert page.evaluate("casegraphViewer.state.selected") is None
        assert browser.errors == [] and browser.failed == []
    finally:
        page.close()


GARBAGE = [
    "%E0%A4%A",
    "=&&==&",
    "<script>alert(1)</script>",
    ("select=nope&path-from=x&path-to=&hide-class=&hide-class=no+such+class&hide-relation=%00&dates-from=tomorrow"
     "&dates-to=2&known-on=yesterday&min-confidence=Z&all-nodes=maybe&inferred=perhaps&relation-names=2&table=yes"
     "&group=-1&group=abc&case=javascript:alert(1)&q="),
]


def test_garbage_fragments_are_ignored(browser, page_file):
    page = open_page(browser, page_file, RESTORED)
    try:
        default = page.evaluate(SNAPSHOT)
        for fragment in GARBAGE:
            go(page, page_file.as_uri() + "#" + fragment)
            assert page.evaluate(SNAPSHOT) == default, fragment
            reload(page)
            assert page.evaluate(SNAPSHOT) == default, fragment
            assert page.evaluate("location.hash") == ""  # the page writes back what it understood: nothing
        assert browser.errors == [] and browser.failed == [] and browser.dialogs == []
    finally:
        page.close()


def last_day(issued: str) -> str:
    """The last day a date to the year, month or day stands for."""
    parts = [int(x) for x in issued[:10].split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    return f"{year:04d}-{month:02d}-{parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]:02d}"


def expected_sources(page, known_on: str | None = None) -> set[str]:
    """The URLs of the documents behind the edges the page shows, from the page's data: with ``known_on``, only
    the sources known on that day (dated no later; a hand-made derivation only if what it stands on is too)."""
    data = page.evaluate("""(() => { const v = casegraphViewer, D = v.data;
        return { shown: v.edges.getIds({filter: e => !e.hidden}), edges: D.edges, sources: D.sources,
                 supports: D.supports }; })()""")
    sources = data["sources"]

    def kept(row: int) -> bool:
        s = sources[row]
        return known_on is None or (bool(s.get("d")) and last_day(s["d"]) <= known_on
                                    and all(kept(j) for j in s.get("s", ())))

    rows = set()
    for k in data["shown"]:
        edge = data["edges"][k]
        rows.update(row for row in edge.get("u", ()) if kept(row))
        for a in edge.get("a", ()):
            if all(kept(row) for row in data["supports"][a]):
                rows.update(data["supports"][a])
    return {sources[row]["u"] for row in rows}


def footnote_urls(page) -> set[str]:
    root = ET.fromstring(page.evaluate("casegraphViewer.exportSVG()"))
    return {g.get("data-url") for g in root.iter(SVG + "g") if g.get("class") == "source"}


def texts(root, cls: str) -> list[str]:
    return [t.text for t in root.iter(SVG + "text") if t.get("class") == cls]


def test_svg_export_has_the_drawing_a_legend_and_its_sources(browser, page_file, bundled):
    page = open_page(browser, page_file, LABELLED)
    try:
        placed = page.evaluate("casegraphMetrics.labelled")
        page.click("#fit")  # every node on screen, so every edge shown is in the picture
        wait_for(page, f"casegraphMetrics.labelled > {placed}")
        svg, labels, shown = page.evaluate("""[casegraphViewer.exportSVG(), casegraphViewer.labels(),
            casegraphViewer.nodes.getIds({filter: n => !n.hidden})]""")
        root = ET.fromstring(svg)
        assert root.tag == SVG + "svg"
        assert labels and sorted(texts(root, "label")) == sorted(label["text"] for label in labels)
        marks = {e.get("data-id") for e in root.iter() if e.get("data-id") and e.tag != SVG + "text"}
        assert marks == set(shown)
        # The legend names the classes shown: the entities view's classes.
        G = bundled.project(include_inferred=False)
        kinds = {d["kind"] for _n, d in G.nodes(data=True) if is_entity(d)}
        legend = root.find(f"{SVG}g[@class='legend']")
        assert {t.text for g in legend.iter(SVG + "g") if g.get("class") == "class" for t in g.iter(SVG + "text")} == kinds
        styles = {t.text for g in legend.iter(SVG + "g") if g.get("class") == "line-style" for t in g.iter(SVG + "text")}
        assert {UI["en"]["solid"], UI["en"]["dashed"], UI["en"]["said"]} <= styles
        # The footnote: exactly the documents behind the edges shown, numbered, then the disclaimer.
        foot = root.find(f"{SVG}g[@class='footnote']")
        listed = [g for g in foot.iter(SVG + "g") if g.get("class") == "source"]
        expected = expected_sources(page)
        assert {g.get("data-url") for g in listed} == expected and len(listed) == len(expected)
        firsts = [next(g.iter(SVG + "text")).text for g in listed]
        assert [f.split("]")[0] for f in firsts] == [f"[{n}" for n in range(1, len(listed) + 1)]
        assert " ".join(texts(foot, "disclaimer")) == UI["en"]["disclaimer"]
        # Fewer relations shown, fewer sources cited.
        page.uncheck('input[data-status="alleged"]')
        assert footnote_urls(page) == expected_sources(page)
        assert len(expected_sources(page)) < len(expected)
        # What was known on a day: the sources known then, not the later ones that also state what is shown.
        days = page.evaluate("casegraphViewer.sourceDays")
        day = max(d for d in days if d <= "2024-12-31")
        input_value(page, "#known-on", days.index(day))
        assert footnote_urls(page) == expected_sources(page, day)
        assert expected_sources(page, day) < expected_sources(page)
        assert browser.errors == [] and browser.failed == []
    finally:
        page.close()


def test_svg_export_escapes_markup_in_labels(browser, tmp_path):
    label = '<script>alert("x")</script> & Sons'
    cg, person, _firm = hostile_graph(label)
    page = open_page(browser, cg.view(tmp_path / "evil.html").path, LABELLED)
    try:
        page.evaluate(f"casegraphViewer.select('{person}')")
        wait_for(page, f"casegraphViewer.labels().some(l => l.id === '{person}')")
        svg = page.evaluate("casegraphViewer.exportSVG()")
        assert "<script" not in svg and "<b>" not in svg
        assert "&lt;script&gt;" in svg and "&amp; Sons" in svg
        root = ET.fromstring(svg)
        assert not [e for e in root.iter() if e.tag in (SVG + "script", SVG + "b", "script", "b")]
        assert label in texts(root, "label") and "Acme </script><b>bold</b>" in texts(root, "label")
        assert browser.errors == [] and browser.dialogs == [] and browser.failed == []
    finally:
        page.close()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_png_and_svg_downloads(browser, page_file):
    page = open_page(browser, page_file, LABELLED)
    try:
        assert page.inner_text("#svg") == UI["en"]["svg"] and page.inner_text("#png") == UI["en"]["png"]
        graph = page.evaluate("(() => { const r = document.getElementById('graph').getBoundingClientRect();"
                              " return [r.width, r.height]; })()")
        with page.expect_download() as download:
            page.click("#png")
        assert download.value.suggested_filename == "casegraph.png"
        width, height = png_size(Path(download.value.path()).read_bytes())
        # The drawing, with a title above and the legend and the footnote below it.
        assert width >= graph[0] and height > graph[1] + 200
        with page.expect_download() as download:
            page.click("#svg")
        assert download.value.suggested_filename == "casegraph.svg"
        root = ET.fromstring(Path(download.value.path()).read_bytes())
        assert root.find(f"{SVG}g[@class='footnote']") is not None
        assert browser.errors == [] and browser.failed == []
    finally:
        page.close()


def test_export_buttons_speak_french(browser, mini, tmp_path):
    page = open_page(browser, mini.view(tmp_path / "mini.html", lang="fr").path, RESTORED)
    try:
        assert page.inner_text("#svg") == "Exporter en SVG"
        root = ET.fromstring(page.evaluate("casegraphViewer.exportSVG()"))
        assert "Légende" in [t.text for t in root.iter(SVG + "text")]
    finally:
        page.close()


def test_the_case_layout_and_the_text_view_survive_a_reload(browser, page_file):
    page = open_page(browser, page_file, RESTORED)
    try:
        page.evaluate(f"casegraphViewer.showCase('{KADREY}')")
        shown = page.evaluate(SNAPSHOT)
        page.click("#table-toggle")
        assert urlencode({"case": KADREY}) in page.evaluate("location.hash") and "table=1" in page.evaluate("location.hash")
        reload(page)
        assert page.evaluate("[casegraphViewer.state.caseFocus, casegraphViewer.state.table]") == [KADREY, True]
        assert page.is_visible("#table-view") and page.get_attribute("#table-toggle", "aria-expanded") == "true"
        page.click("#table-toggle")
        assert page.evaluate(SNAPSHOT) == shown  # the case's layout shows what it showed
        # Back to the whole graph: the fragment says so, and a reload keeps it.
        page.evaluate("casegraphViewer.showCase(null)")
        assert "case=" not in page.evaluate("location.hash")
        reload(page)
        assert page.evaluate("casegraphViewer.state.caseFocus") is None
        assert browser.errors == [] and browser.failed == []
    finally:
        page.close()


def grouped_page(path: Path) -> Path:
    """A page opened as a map of groups: three clusters of eight people (the threshold lowered to group them)."""
    ns, G = "https://w3id.org/casegraph/ontology#", nx.MultiDiGraph()
    for c in range(3):
        people = [f"{ID}person/c{c}-{k}" for k in range(8)]
        for k, node in enumerate(people):
            G.add_node(node, label=f"Cluster {c} person {k}", cls=ns + "Person", kind="person", tier=0)
            if k:
                G.add_edge(node, people[0], key="h", label="knows", predicate=ns + "knows",
                           sources=(f"https://example.org/{c}",))
        if c:
            G.add_edge(people[1], f"{ID}person/c{c - 1}-1", key="x", label="knows", predicate=ns + "knows",
                       sources=("https://example.org/between",))
    data = view_data(G, group_above=10, title="groups")
    assert len(data["groups"]) >= 2
    return View(render(data), data).save(path)


def test_open_groups_survive_a_reload_and_the_map_exports(browser, tmp_path):
    page = open_page(browser, grouped_page(tmp_path / "groups.html"), LABELLED)
    try:
        page.evaluate("casegraphViewer.openGroup(1)")
        assert "group=1" in page.evaluate("location.hash")
        reload(page)
        assert page.evaluate("[...casegraphViewer.state.openGroups]") == [1]
        # The picture has the groups' nodes and the open group's members, and cites the sources of its edges.
        root = ET.fromstring(page.evaluate("casegraphViewer.exportSVG()"))
        ids = {e.get("data-id") for e in root.iter() if e.get("data-id") and e.tag != SVG + "text"}
        assert ids == set(page.evaluate("casegraphViewer.nodes.getIds({filter: n => !n.hidden})"))
        assert any(i.startswith("cg-group:") for i in ids) and any(i.startswith(ID) for i in ids)
        assert "https://example.org/1" in {g.get("data-url") for g in root.iter(SVG + "g") if g.get("class") == "source"}
        page.evaluate("location.hash = ''")  # an empty fragment: every group closed again
        wait_for(page, "casegraphViewer.state.openGroups.size === 0")
        assert browser.errors == [] and browser.failed == []
    finally:
        page.close()


def test_a_page_made_for_one_case_opens_on_it_unless_the_link_leaves_it(browser, bundled, tmp_path):
    path = bundled.view(tmp_path / "kadrey-case.html", case="Kadrey v. Meta").path
    page = open_page(browser, path)
    try:
        page.evaluate(f"casegraphViewer.select('{AL_DAHLE}')")
        assert "case=" not in page.evaluate("location.hash")  # the page's own case is no change
        reload(page)
        assert page.evaluate("[casegraphViewer.state.caseFocus, casegraphViewer.state.selected]") == [KADREY, AL_DAHLE]
        page.evaluate("casegraphViewer.showCase(null)")  # the whole graph: "case=" in the link
        reload(page)
        assert page.evaluate("[casegraphViewer.state.caseFocus, casegraphViewer.state.selected]") == [None, AL_DAHLE]
        assert browser.errors == [] and browser.failed == []
    finally:
        page.close()
