"""cg.to_pyvis(): the viewer's drawing as a pyvis Network, and its saved page checked offline in Debian's chromium.

CI installs chromium (.ci/run); without /usr/bin/chromium the browser test fails, it does not skip.
"""

from __future__ import annotations

import re

import pytest
from pyvis.network import Network

from browser import hostile_graph

from casegraph import CaseGraph, InputError
from casegraph.viewer import STYLES
from casegraph.viewer.network import plain_title

ID = "https://w3id.org/casegraph/id/"
AL_DAHLE = ID + "person/ahmad-al-dahle"
# "href" in a title makes pyvis's page show every title with innerHTML
EVIL = "<img src=x onerror=alert(1) data-href=1>"


@pytest.fixture(scope="module")
def net(bundled):
    return bundled.to_pyvis()


def test_nodes_and_edges_are_the_projection(bundled, net):
    G = bundled.project()
    assert isinstance(net, Network)
    assert net.num_nodes() == G.number_of_nodes() and net.num_edges() == G.number_of_edges()
    assert set(net.get_nodes()) == set(G.nodes)
    assert sorted((e["from"], e["to"]) for e in net.get_edges()) == sorted((str(u), str(v)) for u, v in G.edges())
    assert net.node_map.keys() == set(net.node_ids) and len(net.node_ids) == len(set(net.node_ids))
    assert all(net.get_node(n["id"]) is n for n in net.nodes)


def test_a_focus_is_the_neighbourhood(bundled):
    net = bundled.to_pyvis(focus="Al-Dahle", depth=1)
    sub = bundled.neighbors("Al-Dahle", depth=1).subgraph
    assert set(net.get_nodes()) == set(sub.nodes) and AL_DAHLE in net.get_nodes()
    assert net.num_edges() == sub.number_of_edges()


def test_pyvis_methods_work(net):
    ahmad = net.get_node(AL_DAHLE)
    assert ahmad["label"] == "Ahmad Al-Dahle" and ahmad["shape"] == STYLES["Person"][1]
    assert ahmad["color"]["background"] == STYLES["Person"][0]
    assert {"x", "y", "size", "title"} <= ahmad.keys()
    # directed: neighbors() are the targets of the node's relations
    assert net.neighbors(AL_DAHLE) == {e["to"] for e in net.edges if e["from"] == AL_DAHLE}
    assert net.get_adj_list()[AL_DAHLE] == net.neighbors(AL_DAHLE)
    assert net.options.physics.enabled is False


def test_edge_styles(bundled, net):
    claims = {(str(u), str(v)) for u, v, a in bundled.project().edges(data=True) if a.get("status")}
    assert claims
    for edge in net.edges:
        assert (edge["dashes"] == [7, 4]) == ((edge["from"], edge["to"]) in claims)
    with pytest.raises(InputError, match=r"include_inferred=True: the graph holds no derived relation yet"):
        CaseGraph.open().to_pyvis(focus="Meta", include_inferred=True)  # drawing never writes the graph
    cg = CaseGraph.open()
    cg.infer()
    assert any(e["dashes"] == [2, 4] for e in cg.to_pyvis(focus="Meta", include_inferred=True).edges)


def test_built_without_add_node(bundled, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("add_node/add_edge look ids up in a list: quadratic")

    monkeypatch.setattr(Network, "add_node", refuse)
    monkeypatch.setattr(Network, "add_edge", refuse)
    assert bundled.to_pyvis(focus="Meta").num_nodes() > 1


def test_titles_are_plain_text():
    assert plain_title("Steen & Hamilton") == "Steen & Hamilton"
    assert plain_title("<script>x</script> &amp; &#60;") == "&lt;script>x&lt;/script> &amp;amp; &amp;#60;"


# --- in chromium ----------------------------------------------------------------------------------------

#: vis-network's canvas holds pixels that are not the white background
DRAWN = """() => {
    const c = document.querySelector('#mynetwork canvas');
    if (!c || !c.width || !c.height) return false;
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < px.length; i += 4) if (px[i + 3] && (px[i] < 250 || px[i + 1] < 250)) return true;
    return false;
}"""


def test_saved_page_draws_offline(browser, bundled, tmp_path):
    net = bundled.to_pyvis(cdn_resources="in_line")
    net.show_buttons(filter_=["physics"])
    path = tmp_path / "kadrey.html"
    net.save_graph(str(path))
    assert not re.findall(r"""(?:src|href)\s*=\s*["']?https?:""", path.read_text(encoding="utf-8"))
    page = browser.open(path, ready=DRAWN)
    assert page.evaluate("network.body.data.nodes.length") == net.num_nodes()
    assert page.evaluate("network.body.data.edges.length") == net.num_edges()
    assert page.evaluate("document.querySelectorAll('#config *').length") > 0  # show_buttons' panel
    assert browser.failed == [] and browser.errors == [] and browser.dialogs == []
    page.close()


def test_html_in_a_label_stays_text(browser, tmp_path):
    cg, person, firm = hostile_graph(EVIL)
    net = cg.to_pyvis(heading="<i>heading</i>", select_menu=True)
    assert net.get_node(str(person))["label"] == EVIL  # drawn on the canvas: text
    path = tmp_path / "evil.html"
    net.save_graph(str(path))
    page = browser.open(path, ready=DRAWN)
    # pyvis's own popup (innerHTML, because a title contains "href")
    page.evaluate(f"network.body.emitter.emit('showPopup', {str(person)!r})")
    assert page.eval_on_selector("div.popup", "e => e.textContent") == f"person: {EVIL}"
    page.evaluate(f"network.body.emitter.emit('showPopup', {str(firm)!r})")
    assert page.eval_on_selector("div.popup", "e => e.textContent") == "company: Acme </script><b>bold</b>"
    assert page.evaluate("document.querySelectorAll('img, b, i').length") == 0
    assert "<i>heading</i>" in page.inner_text("h1")
    page.wait_for_timeout(200)
    assert browser.dialogs == [] and browser.errors == [] and browser.failed == []
    page.close()
