"""A case's own layout in the viewer (`casegraph view --case`), checked in Debian's headless chromium."""

from __future__ import annotations

import pytest

from browser import wait_for

from casegraph.errors import CaseGraphError
from casegraph.viewer import UI
from casegraph.viewer.cases import layout_places

ID = "https://w3id.org/casegraph/id/"
KADREY = ID + "case/cand-3-23-cv-03417"
META = ID + "organization/meta-platforms"
CHHABRIA = ID + "person/vince-chhabria"
PEANUTS = ID + "statement/al-dahle-mistral-peanuts"


@pytest.fixture(scope="module")
def case_page(browser, bundled, tmp_path_factory):
    view = bundled.view(tmp_path_factory.mktemp("case") / "kadrey.html", case="Kadrey v. Meta")
    page = browser.open(view.path)
    wait_for(page, "casegraphViewer.state.caseFocus")
    yield page, view.data
    page.close()


def positions(page) -> dict[str, tuple[float, float]]:
    """Where the page draws each visible node."""
    return {iri: (p["x"], p["y"]) for iri, p in page.evaluate(
        "(() => { const v = casegraphViewer; return v.network.getPositions(v.nodes.getIds({filter: n => !n.hidden})); })()"
    ).items()}


def places(data, case_iri) -> dict[str, set[str]]:
    """The page's data: the nodes the case puts in each place, by IRI."""
    row = next(c for c in data["cases"] if data["nodes"][c["i"]]["id"] == case_iri)
    found: dict[str, set[str]] = {}
    for node, place in row["p"]:
        found.setdefault(place, set()).add(data["nodes"][node]["id"])
    return found


def test_the_places_come_from_the_ontology():
    places = layout_places()
    assert places[ID.replace("id/", "ontology#") + "presidingJudge"] == "Bench"  # inherited from cg:judge
    assert places[ID.replace("id/", "ontology#") + "plaintiffsCounsel"] == "PlaintiffsCounselSide"


def test_the_case_data_names_parties_judges_and_counsel(bundled):
    data = bundled.view().data
    found = places(data, KADREY)
    assert META in found["DefendantsSide"] and CHHABRIA in found["Bench"]
    assert ID + "person/sarah-silverman" in found["PlaintiffsSide"]
    assert len(found["PlaintiffsCounselSide"]) >= 5 and len(found["DefendantsCounselSide"]) >= 5
    # Al-Dahle's "peanuts" message was revealed in this case: its edge is the case's
    row = next(c for c in data["cases"] if data["nodes"][c["i"]]["id"] == KADREY)
    vias = {data["edges"][k].get("v") for k in row["x"]}
    assert PEANUTS in vias


def test_the_case_layout_puts_each_side_in_its_place(case_page):
    page, data = case_page
    found, at = places(data, KADREY), positions(page)
    centre = at[KADREY]
    plaintiffs = [at[i][0] for i in found["PlaintiffsSide"]]
    defendants = [at[i][0] for i in found["DefendantsSide"]]
    assert max(plaintiffs) < centre[0] < min(defendants)
    # counsel beside their clients, further out
    assert max(at[i][0] for i in found["PlaintiffsCounselSide"]) < min(plaintiffs)
    assert min(at[i][0] for i in found["DefendantsCounselSide"]) > max(defendants)
    # court and judges above everyone else, what is at issue below
    bench = [at[i][1] for i in found["Bench"]]
    others = [y for iri, (_x, y) in at.items() if not any(iri in members for members in found.values()) and iri != KADREY]
    sides = [at[i][1] for place in ("PlaintiffsSide", "DefendantsSide", "PlaintiffsCounselSide",
                                    "DefendantsCounselSide") for i in found[place]]
    assert max(bench) < min(sides) and max(bench) < centre[1]
    assert min(at[i][1] for i in found["AtIssue"] if i not in found["DefendantsSide"]) > max(sides)
    assert others, "the entities the statements of the record bring in are drawn around"
    # no two nodes on the same spot
    spots = {(round(x), round(y)) for x, y in at.values()}
    assert len(spots) == len(at)


def test_the_case_layout_shows_the_case_and_its_record_only(browser, case_page):
    page, data = case_page
    shown = set(page.evaluate("casegraphViewer.nodes.getIds({filter: n => !n.hidden})"))
    row = next(c for c in data["cases"] if data["nodes"][c["i"]]["id"] == KADREY)
    expected = {KADREY} | {data["nodes"][i]["id"] for i, _p in row["p"]}
    expected |= {data["nodes"][data["edges"][k][end]]["id"] for k in row["x"] for end in ("f", "t")}
    assert shown == expected
    statement_edges = page.evaluate("""(() => { const v = casegraphViewer, D = v.data;
        return v.edges.get({filter: e => !e.hidden && D.edges[e.id].x}).map(e => e.id); })()""")
    assert statement_edges and set(statement_edges) <= set(row["x"])
    assert page.evaluate("document.getElementById('case-select').value") == KADREY
    assert browser.errors == [] and browser.failed == []


def test_the_page_offers_each_case_layout_and_the_way_back(browser, bundled, tmp_path):
    page = browser.open(bundled.view(tmp_path / "all.html").path)
    entities = set(page.evaluate("casegraphViewer.nodes.getIds({filter: n => !n.hidden})"))
    assert page.evaluate("casegraphViewer.state.caseFocus") is None
    # from the side bar
    page.select_option("#case-select", KADREY)
    assert page.evaluate("casegraphViewer.state.caseFocus") == KADREY
    in_case = set(page.evaluate("casegraphViewer.nodes.getIds({filter: n => !n.hidden})"))
    assert CHHABRIA in in_case and in_case < entities
    page.select_option("#case-select", "")
    assert set(page.evaluate("casegraphViewer.nodes.getIds({filter: n => !n.hidden})")) == entities
    # from the case's card, and back from it
    page.evaluate(f"casegraphViewer.select('{KADREY}')")
    page.click("#card button.case-layout")
    assert page.evaluate("casegraphViewer.state.caseFocus") == KADREY
    assert page.text_content("#card button.case-layout") == UI["en"]["backToGraph"]
    page.click("#card button.case-layout")
    assert page.evaluate("casegraphViewer.state.caseFocus") is None
    # showing every node leaves the case's layout
    page.select_option("#case-select", KADREY)
    page.check("#all-nodes")
    assert page.evaluate("casegraphViewer.state.caseFocus") is None
    assert browser.errors == [] and browser.failed == []
    page.close()


def test_the_case_option_must_name_a_case(bundled, run, tmp_path):
    with pytest.raises(CaseGraphError, match="no legal case named 'Vince Chhabria' .it names the person"):
        bundled.view(case="Vince Chhabria")
    with pytest.raises(CaseGraphError, match="shows no party, judge or counsel"):
        bundled.view(case="Kadrey v. Meta", focus="Mistral AI")
    result = run("view", "--case", "Chhabria", "-o", tmp_path / "x.html")
    assert result.exit_code != 0 and "no legal case named 'Chhabria'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not (tmp_path / "x.html").exists()
    result = run("view", "--case", "Kadrey", "-o", tmp_path / "k.html")  # the case, not the author
    assert result.exit_code == 0 and KADREY in (tmp_path / "k.html").read_text(encoding="utf-8")


def test_every_word_of_the_page_exists_in_each_language():
    assert set(UI["en"]) == set(UI["fr"])
