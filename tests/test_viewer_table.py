"""The viewer's text view (table.js) and its keyboard use (the search combobox, the card's focus), checked in
Debian's headless chromium with every non-file request blocked (see tests/browser.py).

The tables must list what the drawing shows: each test compares them with vis-network's DataSets, not with the
page's own bookkeeping.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from browser import hostile_graph


ID = "https://w3id.org/casegraph/id/"
KADREY = ID + "case/cand-3-23-cv-03417"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def page(browser, page_file):
    """A fresh tab on the bundled graph, in the entities view it opens on; no error and no request by the end."""
    page = browser.open(page_file)
    yield page
    page.close()
    assert browser.errors == [] and browser.failed == [] and browser.dialogs == []


def open_table(page) -> None:
    page.click("#table-toggle")
    assert page.evaluate("casegraphViewer.state.table") is True


def list_every_row(page) -> None:
    """Press each table's "list more" button until every row is listed."""
    while page.locator("#table-view p.more button").count():
        page.locator("#table-view p.more button").first.click()


def drawn_edges(page) -> list[int]:
    """The edges the drawing shows, from vis-network's DataSet."""
    return sorted(page.evaluate("casegraphViewer.edges.getIds({filter: e => !e.hidden})"))


def drawn_nodes(page) -> list[str]:
    return sorted(page.evaluate("casegraphViewer.nodes.getIds({filter: n => !n.hidden})"))


def table_edges(page) -> list[int]:
    list_every_row(page)
    rows = page.eval_on_selector_all("[data-table=edges] tbody tr", "rs => rs.map(r => r.dataset.edge)")
    return sorted(map(int, rows))


def table_nodes(page) -> list[str]:
    list_every_row(page)
    return sorted(page.eval_on_selector_all("[data-table=nodes] tbody tr", "rs => rs.map(r => r.dataset.id)"))


def column(page, table: str, n: int) -> list[str]:
    """The texts of column ``n`` (from 1) of a table, in the order listed."""
    return page.eval_on_selector_all(f"[data-table={table}] tbody td:nth-child({n})",
                                     "cs => cs.map(c => c.textContent)")


def header(page, table: str, name: str):
    return page.locator(f"[data-table={table}] th", has_text=name)


def assert_table_is_the_drawing(page) -> None:
    edges = drawn_edges(page)
    assert table_edges(page) == edges
    assert table_nodes(page) == drawn_nodes(page)
    # Each row reads as the data says: from, relation, to; and each entity counts the relations shown around it.
    data = page.evaluate("""(() => { const D = casegraphViewer.data;
        return {edges: D.edges.map(e => [D.nodes[e.f].l, D.relations[e.r], D.nodes[e.t].l, e.f, e.t]),
                ids: D.nodes.map(n => n.id)}; })()""")
    rows = page.eval_on_selector_all("[data-table=edges] tbody tr", """rs => rs.map(r =>
        [+r.dataset.edge, ...[...r.cells].slice(0, 3).map(c => c.textContent)])""")
    assert all(data["edges"][k][:3] == cells for k, *cells in rows)
    around = {}
    for k in edges:
        f, t = data["edges"][k][3:]
        for i in {f, t}:
            around[data["ids"][i]] = around.get(data["ids"][i], 0) + 1
    counts = page.eval_on_selector_all("[data-table=nodes] tbody tr",
                                       "rs => rs.map(r => [r.dataset.id, r.cells[3].textContent])")
    assert {iri: int(n) for iri, n in counts} == {iri: around.get(iri, 0) for iri, _n in counts}


def test_the_tables_list_what_the_drawing_shows_and_follow_the_filters(page):
    open_table(page)
    assert page.get_attribute("#table-toggle", "aria-expanded") == "true"
    assert page.is_hidden("#graph") and page.is_visible("#table-view")
    assert_table_is_the_drawing(page)
    opening = table_edges(page)
    shown = page.evaluate(f"({len(opening)}).toLocaleString()")  # the browser's way to write the count: "1,019"
    assert page.inner_text("[data-table=edges] caption") == f"Relations shown ({shown})"

    page.uncheck('input[data-class="person"]')  # the check boxes stay in the side bar beside the tables
    assert_table_is_the_drawing(page)
    assert len(table_edges(page)) < len(opening)
    page.check('input[data-class="person"]')
    assert table_edges(page) == opening

    page.uncheck('input[data-status="alleged"]')
    assert_table_is_the_drawing(page)
    assert len(table_edges(page)) < len(opening)
    page.check('input[data-status="alleged"]')

    page.click("#all-nodes")  # every node, and the projection's edges instead of the statements-as-edges
    assert_table_is_the_drawing(page)
    assert len(table_nodes(page)) > 300 and set(table_edges(page)) != set(opening)
    page.click("#all-nodes")
    assert table_edges(page) == opening

    page.click("#table-toggle")
    assert page.evaluate("casegraphViewer.state.table") is False
    assert page.get_attribute("#table-toggle", "aria-expanded") == "false"
    assert page.is_visible("#graph") and page.is_hidden("#table-view")
    assert page.evaluate("document.querySelector('#graph canvas').clientWidth") > 500  # drawn again at full size


def test_large_tables_list_a_few_hundred_rows_and_sort_over_all(page):
    page.click("#all-nodes")
    open_table(page)
    shown = len(drawn_edges(page))
    assert page.locator("[data-table=edges] tbody tr").count() == 300 < shown
    assert page.inner_text("[data-table=edges] p.more").startswith(f"{shown - 300:,} more rows not listed.")
    # Sorted by date, latest first: the first row is the latest date of all the relations shown, listed or not.
    header(page, "edges", "Date").locator("button").click()
    header(page, "edges", "Date").locator("button").click()
    latest = page.evaluate("""(() => { const v = casegraphViewer;
        return v.edges.get({filter: e => !e.hidden}).map(e => v.data.edges[e.id].d || '').sort().pop(); })()""")
    assert column(page, "edges", 5)[0] == latest


def text_key(text: str) -> list:
    # The page sorts names as people do: case and accents aside, and numbers as numbers (LAION-5B before LAION-400M).
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()
    return [int(part) if k % 2 else part for k, part in enumerate(re.split(r"(\d+)", plain))]


def test_sorting_by_a_column_orders_the_rows_and_reverses(page):
    open_table(page)
    list_every_row(page)
    count = header(page, "nodes", "Relations shown")
    assert count.get_attribute("aria-sort") is None
    count.locator("button").click()
    assert count.get_attribute("aria-sort") == "ascending"
    numbers = [int(n) for n in column(page, "nodes", 4)]
    assert numbers == sorted(numbers) and numbers[0] < numbers[-1]  # as numbers: 9 before 10
    count.locator("button").click()
    assert count.get_attribute("aria-sort") == "descending"
    assert [int(n) for n in column(page, "nodes", 4)] == sorted(numbers, reverse=True)
    assert page.evaluate("document.activeElement.textContent") == "Relations shown"  # the focus stays on the heading

    name = header(page, "nodes", "Name")
    name.locator("button").click()
    assert name.get_attribute("aria-sort") == "ascending" and count.get_attribute("aria-sort") is None
    names = [text_key(t) for t in column(page, "nodes", 1)]
    assert names == sorted(names)
    name.locator("button").click()
    assert [text_key(t) for t in column(page, "nodes", 1)] == sorted(names, reverse=True)

    date = header(page, "edges", "Date")
    date.locator("button").click()
    list_every_row(page)
    dates = column(page, "edges", 5)
    given = [d for d in dates if d]
    assert given == sorted(given) and dates == given + [""] * (len(dates) - len(given))  # undated last
    date.locator("button").click()
    list_every_row(page)
    assert [d for d in column(page, "edges", 5) if d] == sorted(given, reverse=True)
    assert page.locator("[data-table=edges] th[aria-sort]").count() == 1


def test_clicking_a_name_selects_it_and_escape_comes_back(page):
    open_table(page)
    button = page.locator(f'[data-table=nodes] tbody tr[data-id="{KADREY}"] td:first-child button')
    name = button.inner_text()
    button.click()
    assert page.evaluate("casegraphViewer.state.selected") == KADREY
    assert page.is_visible("#card") and page.inner_text("#card h2") == name
    assert page.evaluate("document.activeElement === document.querySelector('#card h2')")
    page.keyboard.press("Escape")
    assert page.is_hidden("#card") and page.evaluate("casegraphViewer.state.selected") is None
    assert page.evaluate("document.activeElement.dataset.id") == KADREY  # back on the name in the table


def test_a_claims_status_and_sources_show_in_its_row(page):
    open_table(page)
    list_every_row(page)
    claims = page.evaluate("""(() => { const v = casegraphViewer, D = v.data;
        return v.edges.getIds({filter: e => !e.hidden}).filter(k => D.statuses[D.edges[k].s] === 'alleged')
          .map(k => [k, D.edges[k].u.map(s => D.sources[s].u)]); })()""")
    assert claims
    for k, urls in claims[:10]:
        row = page.locator(f'[data-table=edges] tr[data-edge="{k}"]')
        assert row.locator("td:nth-child(4)").inner_text() == "alleged"
        links = row.locator("td:nth-child(6) .source a").evaluate_all("as => as.map(a => a.title)")
        assert set(links) <= set(urls) and links  # each document once, as publisher (date) links
        assert row.locator("td:nth-child(6) .source time.issued, td:nth-child(6) .source .issued").count() == len(links)


def test_inferred_relations_are_marked(browser, tmp_path, inferred):
    cg = inferred  # the rules have run: the page draws what they derived
    page = browser.open(cg.view(tmp_path / "inferred.html", focus="Meta", include_inferred=True).path)
    try:
        page.click("#all-nodes")
        open_table(page)
        inferred = page.evaluate("""casegraphViewer.edges.getIds({filter: e => !e.hidden})
            .filter(k => casegraphViewer.data.edges[k].i)""")
        assert inferred
        marks = [page.locator(f'[data-table=edges] tr[data-edge="{k}"] td:nth-child(4)').inner_text() for k in inferred]
        assert all(m.endswith("inferred") for m in marks)
        page.uncheck("#show-inferred")
        assert not set(inferred) & set(table_edges(page))
    finally:
        page.close()


def test_search_results_are_a_listbox_for_the_arrow_keys(page):
    search = page.locator("#search")
    assert search.get_attribute("role") == "combobox" and search.get_attribute("aria-expanded") == "false"
    search.click()
    page.keyboard.type("llama")
    assert search.get_attribute("aria-expanded") == "true"
    assert page.get_attribute("#results", "role") == "listbox"
    found = page.evaluate("casegraphViewer.matches('llama')")
    options = page.eval_on_selector_all("#results [role=option]", "os => os.map(o => o.dataset.id)")
    assert options == found and len(found) > 2
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    active = search.get_attribute("aria-activedescendant")
    assert page.get_attribute(f"#{active}", "data-id") == found[1]
    assert page.get_attribute(f"#{active}", "aria-selected") == "true"
    assert page.locator("#results [aria-selected=true]").count() == 1
    page.keyboard.press("Enter")
    assert page.evaluate("casegraphViewer.state.selected") == found[1]
    assert page.evaluate("document.activeElement === document.querySelector('#card h2')")
    assert page.get_attribute("#card", "role") == "region" and page.get_attribute("#card", "aria-label")
    page.keyboard.press("Escape")
    assert page.is_hidden("#card")
    assert page.evaluate("document.activeElement.id") == "search"  # back where the reader came from
    page.keyboard.press("Escape")  # in the box: the list closes, the words stay
    assert page.locator("#results li").count() == 0 and search.get_attribute("aria-expanded") == "false"
    assert search.input_value() == "llama"
    page.keyboard.press("Enter")  # no active result: the first
    assert page.evaluate("casegraphViewer.state.selected") == found[0]


def test_every_button_of_the_card_and_the_table_takes_the_focus_visibly(page):
    open_table(page)
    page.evaluate(f"casegraphViewer.select('{KADREY}')")
    buttons = page.evaluate("""[...document.querySelectorAll('#card button, #table-view button')]
        .map(b => [b.tabIndex, b.disabled, getComputedStyle(b).display])""")
    assert buttons and all(tab >= 0 and not disabled and display != "none" for tab, disabled, display in buttons)
    # From the card's heading, Tab goes on to the card's buttons and links, each with an outline when focused.
    for _ in range(4):
        page.keyboard.press("Tab")
        focused = page.evaluate("""(() => { const e = document.activeElement, s = getComputedStyle(e);
            return [e.closest('#card') !== null, e.tagName, s.outlineStyle, s.outlineWidth]; })()""")
        assert focused[0] and focused[1] in ("BUTTON", "A") and focused[2] != "none" and focused[3] != "0px", focused
    page.focus("[data-table=nodes] th button")
    page.keyboard.press("Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"


def test_the_toggle_is_announced_and_speaks_french(browser, bundled, tmp_path):
    page = browser.open(bundled.view(tmp_path / "fr.html", lang="fr").path)
    try:
        page.evaluate("window.seen = []; casegraphViewer.on('change', w => seen.push(w))")
        assert page.inner_text("#table-toggle") == "Vue texte"
        page.evaluate("casegraphViewer.showTable(true)")
        assert page.evaluate("seen") == ["table"] and page.get_attribute("#table-toggle", "aria-expanded") == "true"
        assert page.inner_text("[data-table=nodes] caption").startswith("Entités affichées (")
        assert page.eval_on_selector_all("[data-table=edges] th", "ts => ts.map(t => t.scope)") == ["col"] * 6
        page.evaluate("casegraphViewer.showTable(false)")
        assert page.evaluate("seen") == ["table", "table"] and page.evaluate("casegraphViewer.state.table") is False
        assert browser.errors == [] and browser.failed == []
    finally:
        page.close()


def test_a_script_label_stays_text_in_the_table(browser, tmp_path):
    cg, _person, _firm = hostile_graph(SCRIPT)
    page = browser.open(cg.view(tmp_path / "evil.html").path)
    try:
        open_table(page)
        names = page.eval_on_selector_all("[data-table=nodes] tbody td:first-child", "cs => cs.map(c => c.textContent)")
        assert SCRIPT in names and "Acme </script><b>bold</b>" in names
        assert column(page, "edges", 1) == [SCRIPT]
        assert page.evaluate("document.querySelectorAll('#table-view script, #table-view b').length") == 0
        assert browser.dialogs == [] and browser.errors == [] and browser.failed == []
    finally:
        page.close()
