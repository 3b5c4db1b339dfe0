"""Large graphs open as a map of their groups (communities), checked in Debian's headless chromium.

The graph is made here: clusters of entities around one well-linked person each, a few relations between
clusters, and statements linking members of a cluster (drawn as edges in the entities view). The threshold is
lowered (``group_above``) so that a small graph is grouped; the bundled graph stays ungrouped.
"""

from __future__ import annotations

import random

import networkx as nx
import pytest

from browser import wait_for

from casegraph.viewer import GROUP_ABOVE, View, is_entity, render, view_data

NS = "https://w3id.org/casegraph/ontology#"
ID = "https://w3id.org/casegraph/id/"
CLUSTERS = ["Aldous", "Beatrix", "Cosimo", "Delphine", "Evander", "Fenella"]
SIZE = 40  # entities per cluster


def clustered(seed: int = 7) -> tuple[nx.MultiDiGraph, list]:
    """A projection-shaped graph of len(CLUSTERS) × SIZE entities in clear communities, and its statement edges
    (``hubs``). In each cluster the person ``<Name> Hub`` is linked to every member, so it is the most central."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    hubs = []
    for c, name in enumerate(CLUSTERS):
        people = [f"{ID}person/{name.lower()}-{k}" for k in range(SIZE)]
        for k, node in enumerate(people):
            label = f"{name} Hub" if k == 0 else f"{name} member {k}"
            cls, kind = ("Company", "company") if k % 5 == 4 else ("Person", "person")
            G.add_node(node, label=label, cls=NS + cls, kind=kind, tier=0)
        for k, node in enumerate(people[1:], 1):
            G.add_edge(node, people[0], key=f"h{k}", label="works with", predicate=NS + "worksWith",
                       sources=("https://example.org/a",))
            for other in rng.sample(people[1:], 2):
                if other != node:
                    G.add_edge(node, other, key=f"m{k}-{other}", label="knows", predicate=NS + "knows",
                               sources=("https://example.org/a",))
        # One statement per cluster: its speaker and who it is about, drawn as one edge in the entities view.
        statement = f"{ID}statement/{name.lower()}"
        G.add_node(statement, label=f"{name} said", cls=NS + "Statement", kind="statement", tier=1)
        G.add_edge(statement, people[1], key="s", label="speaker", predicate=NS + "speaker")
        G.add_edge(statement, people[2], key="m", label="mentions", predicate=NS + "mentions")
        hubs.append((people[1], people[2], {"label": "said about", "via": statement}))
        if c:  # a thin link to the cluster before
            G.add_edge(people[3], f"{ID}person/{CLUSTERS[c - 1].lower()}-3", key="x", label="knows",
                       predicate=NS + "knows", sources=("https://example.org/b",))
    return G, hubs


@pytest.fixture(scope="module")
def graph():
    return clustered()


@pytest.fixture(scope="module")
def data(graph):
    G, hubs = graph
    return view_data(G, hubs=hubs, group_above=100, title="groups")


def test_groups_partition_the_entities_by_community(data):
    entities = [row for row in data["nodes"] if row["t"] == 0]
    assert len(entities) == len(CLUSTERS) * SIZE > 100
    groups = data["groups"]
    assert len(groups) == len(CLUSTERS)
    # Every entity in exactly one group, nothing else in any; the counts add up.
    assert all(0 <= row["g"] < len(groups) for row in entities)
    assert not any("g" in row for row in data["nodes"] if row["t"] != 0)
    assert [g["n"] for g in groups] == [sum(1 for row in entities if row["g"] == k) for k in range(len(groups))]
    # Each group is one cluster, named by its most central members (its hub first), placed at their centroid.
    for k, group in enumerate(groups):
        names = {row["l"].split()[0] for row in entities if row["g"] == k}
        assert len(names) == 1
        (name,) = names
        assert group["l"].startswith(f"{name} Hub / ") and group["l"].count(" / ") == 2
        xs = [row["ex"] for row in entities if row["g"] == k]
        assert group["x"] == pytest.approx(sum(xs) / len(xs), abs=0.1)


def test_small_communities_join_a_group_and_lone_entities_share_one():
    G, hubs = clustered()
    pair = [f"{ID}person/pair-{k}" for k in range(2)]
    lone = [f"{ID}person/lone-{k}" for k in range(3)]
    for node in pair + lone:
        G.add_node(node, label=node.rsplit("/", 1)[1], cls=NS + "Person", kind="person", tier=0)
    G.add_edge(pair[0], pair[1], key="p", label="knows", predicate=NS + "knows")
    G.add_edge(pair[1], f"{ID}person/cosimo-5", key="c", label="knows", predicate=NS + "knows")
    data = view_data(G, hubs=hubs, group_above=100)
    rows = {row["id"]: row for row in data["nodes"]}
    groups = data["groups"]
    assert len(groups) == len(CLUSTERS) + 1 and groups[-1]["o"] == 1 and groups[-1]["n"] == len(lone)
    assert {rows[node]["g"] for node in lone} == {len(groups) - 1}
    # The pair, too small for a group of its own, joins the group it is linked to.
    assert rows[pair[0]]["g"] == rows[pair[1]]["g"] == rows[f"{ID}person/cosimo-5"]["g"]
    assert not any(g.get("o") for g in groups[:-1])


def test_under_the_threshold_nothing_is_grouped(graph, bundled):
    G, hubs = graph
    data = view_data(G, hubs=hubs)  # 240 entities, under GROUP_ABOVE
    assert len(CLUSTERS) * SIZE < GROUP_ABOVE
    assert "groups" not in data and not any("g" in row for row in data["nodes"])
    page = bundled.view()
    assert "groups" not in page.data and not any("g" in row for row in page.data["nodes"])


@pytest.fixture(scope="module")
def page_file(data, tmp_path_factory):
    return View(render(data), data).save(tmp_path_factory.mktemp("groups") / "groups.html")


@pytest.fixture
def page(browser, page_file):
    page = browser.open(page_file)
    wait_for(page, "window.casegraphMetrics.labelled")
    yield page
    page.close()


def drawn(page) -> dict:
    """What vis-network draws now: the groups' nodes, the entities (IRIs) and the edges of the data (indices)."""
    return page.evaluate("""(() => { const v = casegraphViewer;
        const ids = v.nodes.getIds({filter: n => !n.hidden});
        return {groups: ids.filter(id => id.startsWith('cg-group:')).map(id => +id.slice(9)).sort((a, b) => a - b),
                nodes: ids.filter(id => !id.startsWith('cg-group:')).sort(),
                edges: v.edges.getIds({filter: e => !e.hidden && typeof e.id === 'number'}),
                links: v.edges.getIds({filter: e => !e.hidden && typeof e.id !== 'number'}).length,
                open: Array.from(v.state.openGroups).sort((a, b) => a - b)}; })()""")


def members(data, k) -> list[str]:
    return sorted(row["id"] for row in data["nodes"] if row.get("g") == k)


def click_group(page, k: int) -> None:
    """A real mouse click on group k's node, where the page draws it."""
    x, y = page.evaluate("""k => { const n = casegraphViewer.network, id = casegraphViewer.groupId(k);
        const p = n.canvasToDOM(n.getPositions([id])[id]), r = document.querySelector('#graph').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""", k)
    page.mouse.click(x, y)


def test_the_page_opens_on_the_map_of_groups_and_a_click_opens_one(browser, page, data):
    groups = data["groups"]
    now = drawn(page)
    assert now["groups"] == list(range(len(groups))) and now["nodes"] == [] and now["edges"] == []
    assert now["links"] == len(groups) - 1  # the thin links between neighbouring clusters, one edge per pair
    # Nothing of the members is in vis's DataSet yet.
    assert page.evaluate("casegraphViewer.nodes.length") == len(groups)
    # Every group is labelled by the page, with its members' names and its count.
    labels = {label["text"] for label in page.evaluate("casegraphViewer.labels()")}
    assert labels == {f"{g['l']} ({g['n']})" for g in groups}
    assert all(text.split(" / ")[0].endswith(" Hub") for text in labels)
    assert "6 of 6 groups closed" in page.inner_text("#counts")

    click_group(page, 2)
    wait_for(page, "casegraphViewer.state.openGroups.has(2)")
    now = drawn(page)
    assert now["open"] == [2] and now["groups"] == [k for k in range(len(groups)) if k != 2]
    assert now["nodes"] == members(data, 2)
    inside = set(members(data, 2))
    between = sorted(k for k, e in enumerate(data["edges"])
                     if data["nodes"][e["f"]]["id"] in inside and data["nodes"][e["t"]]["id"] in inside)
    assert sorted(now["edges"]) == between and any(data["edges"][k].get("x") for k in between)
    # The members are drawn at their own places in the entities view (vis gives them as integers), and the page labels the hub among them.
    rows = {row["id"]: row for row in data["nodes"]}
    at = page.evaluate("ids => casegraphViewer.network.getPositions(ids)", members(data, 2))
    assert all(abs(p["x"] - rows[i]["ex"]) < 1 and abs(p["y"] - rows[i]["ey"]) < 1 for i, p in at.items())
    wait_for(page, "casegraphViewer.labels().some(l => l.text.endsWith(' Hub'))")
    assert "5 of 6 groups closed" in page.inner_text("#counts")
    assert browser.errors == [] and browser.failed == []


def test_search_opens_the_group_of_a_member_and_collapse_returns_to_the_map(browser, page, data):
    target = next(row for row in data["nodes"] if row["l"] == "Evander member 7")
    k = target["g"]
    page.fill("#search", "Evander member 7")
    page.press("#search", "Enter")
    wait_for(page, f"casegraphViewer.state.openGroups.has({k})")
    assert page.evaluate("casegraphViewer.state.selected") == target["id"]
    assert page.evaluate(f"!casegraphViewer.nodes.get('{target['id']}').hidden")
    assert drawn(page)["open"] == [k]
    # V.select of a member of another closed group opens that one too; one group closes from its button.
    other = next(row for row in data["nodes"] if row["l"] == "Aldous member 3")
    page.evaluate(f"casegraphViewer.select('{other['id']}')")
    assert drawn(page)["open"] == sorted([k, other["g"]])
    page.click(f"#open-groups button[data-group='{k}']")
    assert drawn(page)["open"] == [other["g"]]
    assert set(members(data, k)).isdisjoint(page.evaluate("casegraphViewer.nodes.getIds()"))
    page.click("#collapse-groups")
    now = drawn(page)
    assert now["open"] == [] and now["nodes"] == [] and now["groups"] == list(range(len(data["groups"])))
    assert browser.errors == [] and browser.failed == []


def test_filters_and_every_node_work_on_the_map(browser, page, data, graph):
    G, _hubs = graph
    # A class switched off hides its members; a group all of whose members are hidden goes with them.
    page.uncheck("input[data-class='company']")
    click_group(page, 0)
    wait_for(page, "casegraphViewer.state.openGroups.has(0)")
    shown = drawn(page)["nodes"]
    assert shown and all(G.nodes[n]["kind"] == "person" for n in shown)
    page.uncheck("input[data-class='person']")
    now = drawn(page)
    assert now["groups"] == [] and now["nodes"] == [] and now["links"] == 0
    page.check("input[data-class='person']")
    page.check("input[data-class='company']")
    # Every node: the page ungrouped, as the same page without groups would draw it.
    page.click("#all-nodes")
    now = drawn(page)
    assert now["groups"] == [] and now["links"] == 0 and len(now["nodes"]) == G.number_of_nodes()
    assert page.is_hidden("#group-section")
    page.click("#all-nodes")
    now = drawn(page)
    assert now["open"] == [0] and len(now["groups"]) == len(data["groups"]) - 1
    assert set(now["nodes"]) == set(members(data, 0))
    assert not any(is_entity(G.nodes[n]) is False for n in now["nodes"])
    assert browser.errors == [] and browser.failed == []
