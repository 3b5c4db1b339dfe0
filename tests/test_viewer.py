"""The offline HTML viewer, checked in Debian's headless chromium with every non-file request blocked.

CI installs chromium (.ci/run); without /usr/bin/chromium these tests fail, they do not skip.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from rdflib import RDF, RDFS, Literal, URIRef

from casegraph import CaseGraph, Source
from casegraph.vocab import CG

CHROMIUM = os.environ.get("CASEGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ID = "https://w3id.org/casegraph/id/"
AL_DAHLE = ID + "person/ahmad-al-dahle"
PEANUTS = ID + "statement/al-dahle-mistral-peanuts"
EVIL = "<img src=x onerror=alert(1)>"


class Browser:
    """One chromium for the module; every request that is not for a file: URL is aborted and recorded."""

    def __init__(self, playwright, profile: str):
        self.context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=ARGS, viewport={"width": 1400, "height": 900},
            accept_downloads=True)
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.failed.append(route.request.url)
            route.abort()

    def open(self, path: Path):
        page = self.context.new_page()
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(r.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.goto(path.as_uri())
        page.wait_for_function("window.casegraphMetrics && window.casegraphMetrics.firstDraw", timeout=30000)
        return page


@pytest.fixture(scope="module")
def browser():
    profile = tempfile.mkdtemp(prefix="casegraph-chromium-")
    with sync_playwright() as playwright:
        b = Browser(playwright, profile)
        yield b
        b.context.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def page_file(bundled, tmp_path_factory) -> Path:
    return bundled.view(tmp_path_factory.mktemp("viewer") / "kadrey.html").path


@pytest.fixture(scope="module")
def page(browser, page_file):
    page = browser.open(page_file)
    yield page
    page.close()


def visible_nodes(page) -> int:
    return page.evaluate("casegraphViewer.nodes.get({filter: n => !n.hidden}).length")


def test_the_page_is_one_offline_file(page_file):
    text = page_file.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\bsrc\s*=", text, re.I)
    assert not re.search(r"<link\b", text, re.I)
    assert not re.search(r"""(@import|url\(\s*['"]?)\s*['"]?(https?:)?//""", text, re.I)
    assert not re.search(r"""<(script|link|img|iframe)[^>]*(src|href)\s*=\s*["']?https?://""", text, re.I)
    assert "default-src &#x27;none&#x27;" in text  # the page's own policy forbids every request
    assert [p.name for p in page_file.parent.iterdir()] == [page_file.name]


def test_the_page_draws_the_projection_offline(browser, page, bundled):
    G = bundled.project(include_inferred=False)
    drawn = page.evaluate("[casegraphViewer.nodes.length, casegraphViewer.edges.length,"
                          " casegraphViewer.data.nodes.length, casegraphViewer.data.edges.length]")
    assert drawn == [G.number_of_nodes(), G.number_of_edges()] * 2
    # The page prints counts with the browser's thousands separator (en-US here: "1,225").
    assert page.inner_text("#counts").startswith(f"{G.number_of_nodes():,} entities · {G.number_of_edges():,} relations")
    assert browser.failed == [] and browser.errors == []


def test_search_focuses_a_node_by_alias(page):
    page.fill("#search", "Al-Dahle")
    assert page.inner_text("#results li:first-child").startswith("Ahmad Al-Dahle")
    page.press("#search", "Enter")
    assert page.evaluate("casegraphViewer.state.selected") == AL_DAHLE
    assert page.evaluate("casegraphViewer.network.getSelectedNodes()") == [AL_DAHLE]
    assert page.inner_text("#card h2") == "Ahmad Al-Dahle"
    page.fill("#search", "al dahlé")  # accents, case and punctuation do not matter
    assert page.inner_text("#results li:first-child").startswith("Ahmad Al-Dahle")


def test_class_filter_hides_and_shows_nodes(page, bundled):
    G = bundled.project(include_inferred=False)
    people = sum(1 for _n, d in G.nodes(data=True) if d["kind"] == "person")
    page.click("#clear")
    assert visible_nodes(page) == G.number_of_nodes()
    page.uncheck('input[data-class="person"]')
    assert visible_nodes(page) == G.number_of_nodes() - people
    assert page.evaluate(f"casegraphViewer.nodes.get('{AL_DAHLE}').hidden") is True
    page.check('input[data-class="person"]')
    assert visible_nodes(page) == G.number_of_nodes()


def test_status_and_date_filters(page):
    edges = page.evaluate("casegraphViewer.edges.get({filter: e => !e.hidden}).length")
    page.uncheck('input[data-status="alleged"]')
    assert page.evaluate("casegraphViewer.edges.get({filter: e => !e.hidden}).length") < edges
    page.check('input[data-status="alleged"]')
    nodes = visible_nodes(page)
    page.eval_on_selector("#date-from", "e => { e.value = e.max; e.dispatchEvent(new Event('input')); }")
    assert visible_nodes(page) < nodes  # statements and events dated before the last date are hidden
    page.eval_on_selector("#date-from", "e => { e.value = 0; e.dispatchEvent(new Event('input')); }")
    assert visible_nodes(page) == nodes


def test_clicking_a_statement_opens_its_card_with_text_and_source(page):
    page.click("#clear")
    page.evaluate(f"casegraphViewer.network.focus('{PEANUTS}', {{scale: 1.5}})")
    point = page.evaluate(f"""(() => {{ const n = casegraphViewer.network;
        const p = n.canvasToDOM(n.getPositions(['{PEANUTS}'])['{PEANUTS}']);
        const r = document.querySelector('#graph canvas').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }})()""")
    page.mouse.click(*point)
    assert page.evaluate("casegraphViewer.state.selected") == PEANUTS
    card = page.inner_text("#card")
    assert "Mistral is peanuts for us. We should be able to do better." in card
    assert "Ahmad Al-Dahle" in card  # the speaker
    links = page.eval_on_selector_all("#card blockquote a", "as => as.map(a => a.href)")
    assert "https://bitgem.dev/metas-intense-ai-race-to-outperform-openais-gpt-4-revealed-in-court-documents" in links


def test_path_between_two_entities(page, bundled):
    [expected] = bundled.path("Mistral AI", "Kadrey v. Meta", include_inferred=False)
    page.fill("#path-from", "Mistral AI")
    page.fill("#path-to", "Kadrey v. Meta")
    page.click("#path-go")
    assert page.locator("#path-out li.hop").count() == len(expected)


def test_screenshot_and_png_export(page, tmp_path):
    page.click("#clear")
    page.click("#fit")
    shot = tmp_path / "kadrey-viewer.png"
    page.screenshot(path=str(shot))
    artifacts = Path(os.environ.get("CASEGRAPH_ARTIFACTS", tempfile.gettempdir())) / "casegraph-viewer.png"
    shutil.copyfile(shot, artifacts)
    print(f"viewer screenshot: {shot} (copy: {artifacts})")
    assert shot.stat().st_size > 20_000
    inked = page.evaluate("""(() => { const c = document.querySelector('#graph canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 600) n++; return n; })()""")
    assert inked > 5_000  # the drawn graph, not a blank canvas
    with page.expect_download() as download:
        page.click("#png")
    assert Path(download.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_html_in_a_label_renders_as_text(browser, tmp_path):
    cg = CaseGraph()
    person, firm = URIRef(ID + "person/evil"), URIRef(ID + "organization/acme")
    cg.add([(person, RDF.type, CG.Person), (person, RDFS.label, Literal(EVIL)),
            (firm, RDF.type, CG.Company), (firm, RDFS.label, Literal("Acme </script><b>bold</b>")),
            (person, CG.employedBy, firm)],
           source=Source(url="https://example.org/a", publisher="Example", language="en"))
    page = browser.open(cg.view(tmp_path / "evil.html").path)
    page.fill("#search", "img src")
    page.press("#search", "Enter")
    assert page.eval_on_selector("#card h2", "e => e.textContent") == EVIL
    assert "Acme </script><b>bold</b>" in page.inner_text("#card")
    assert page.evaluate("document.querySelectorAll('img, b').length") == 0
    assert browser.dialogs == [] and browser.errors == [] and browser.failed == []
    page.close()


def test_inferred_edges_are_dotted_and_toggle(browser, tmp_path):
    cg = CaseGraph.open()  # a copy: inference adds a named graph
    view = cg.view(tmp_path / "inferred.html", focus="Meta", include_inferred=True)
    inferred = sum(1 for e in view.data["edges"] if e.get("i"))
    assert inferred > 0
    page = browser.open(view.path)
    shown = lambda: page.evaluate("casegraphViewer.edges.get({filter: e => !e.hidden}).length")  # noqa: E731
    assert page.evaluate("casegraphViewer.edges.get({filter: e => !!e.dashes && e.dashes[0] === 2}).length") == inferred
    before = shown()
    page.uncheck("#show-inferred")
    assert shown() == before - inferred
    page.check("#show-inferred")
    assert shown() == before
    page.close()


def test_cli_writes_only_the_requested_file(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("view", "--focus", "Al-Dahle", "--depth", "1", "--lang", "fr", "-o", "out/al-dahle.html")
    assert result.exit_code == 0, result.output
    assert [str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")] == ["out", "out/al-dahle.html"]
    text = (tmp_path / "out" / "al-dahle.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in text and "Une allégation n'est pas une constatation" in text


def test_notebook_display_is_an_isolated_frame(bundled):
    view = bundled.view(focus="Mistral AI")
    shown = view._repr_html_()
    assert shown.startswith("<iframe srcdoc=") and "<script" not in shown
