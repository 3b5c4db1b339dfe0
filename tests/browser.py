"""Debian's headless chromium for the tests of pages (the viewer, pyvis's saved page), driven by playwright.

Every request that is not for a file: or data: URL is aborted and recorded, as are console errors and dialogs.
CI installs chromium (.ci/run); without /usr/bin/chromium the tests that use it fail, they do not skip.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright
from rdflib import RDF, RDFS, Literal, URIRef

from casegraph import CaseGraph, Source
from casegraph.vocab import CG

CHROMIUM = os.environ.get("CASEGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: the casegraph viewer has drawn its first frame
VIEWER_DRAWN = "window.casegraphMetrics && window.casegraphMetrics.firstDraw"


class Browser:
    """One chromium, with what the pages it opened asked for and complained about."""

    def __init__(self, playwright, profile: str):
        self.context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=ARGS, viewport={"width": 1400, "height": 900},
            accept_downloads=True)
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)

    def _route(self, route):
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.failed.append(route.request.url)
            route.abort()

    def open(self, path: Path, ready: str = VIEWER_DRAWN):
        """A new tab on the file ``path``, once the JavaScript condition ``ready`` holds."""
        page = self.context.new_page()
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(r.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.goto(path.as_uri())
        wait_for(page, ready)
        return page


def wait_for(page, expression: str, timeout: float = 30) -> None:
    """Wait until the JavaScript ``expression`` holds in ``page``. (Not playwright's ``wait_for_function``: when
    its condition does not hold at once, it polls with eval, which the viewer's Content-Security-Policy forbids,
    and the wait fails now and then.)"""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        page.wait_for_timeout(50)


@contextmanager
def chromium():
    """A :class:`Browser` in a profile of its own, removed afterwards."""
    profile = tempfile.mkdtemp(prefix="casegraph-chromium-")
    try:
        with sync_playwright() as playwright:
            browser = Browser(playwright, profile)
            yield browser
            browser.context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def hostile_graph(person_label: str) -> tuple[CaseGraph, URIRef, URIRef]:
    """A graph whose labels are markup, to check a page shows them as text: a person labelled ``person_label``
    employed by a company labelled ``Acme </script><b>bold</b>``; the graph, the person and the company."""
    cg = CaseGraph()
    person = URIRef("https://w3id.org/casegraph/id/person/evil")
    firm = URIRef("https://w3id.org/casegraph/id/organization/acme")
    cg.add([(person, RDF.type, CG.Person), (person, RDFS.label, Literal(person_label)),
            (firm, RDF.type, CG.Company), (firm, RDFS.label, Literal("Acme </script><b>bold</b>")),
            (person, CG.employedBy, firm)],
           source=Source(url="https://example.org/a", publisher="Example", language="en"))
    return cg, person, firm


def settled_labels(page, timeout: float = 30) -> list[dict]:
    """The viewer's drawn labels (``casegraphViewer.labels()``) once they stay the same: the page places them
    again after each resize, zoom or change, and the side bar's sections are built after the first draw."""
    wait_for(page, "window.casegraphMetrics.labelled && !casegraphViewer.labelsPending()", timeout)
    deadline, last = time.monotonic() + timeout, None
    while True:
        labels = page.evaluate("casegraphViewer.labels()")
        if labels == last:
            return labels
        assert time.monotonic() < deadline, "the labels keep moving"
        last = labels
        page.wait_for_timeout(250)
