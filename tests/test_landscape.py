"""The wider landscape: timelines, CourtListener dockets, and the saved queries across cases."""

import glob
from datetime import date
from pathlib import Path

import pytest

from casegraph import CaseGraph, InputError
from casegraph.importers import import_courtlistener
from casegraph.timeline import in_range, timeline

FIXTURES = Path(__file__).parent / "data" / "courtlistener"
DOCKET_CASE = "https://w3id.org/casegraph/id/case/cand-3-24-cv-00999"


def test_in_range_compares_dates_of_any_precision():
    assert in_range("2023-10", "2023-10-15", None) and not in_range("2023-09", "2023-10-15", None)
    assert in_range("2025", "2025-06", "2025-06") and not in_range("2026-01", None, "2025")


def test_kadrey_timeline_is_in_order_with_sources(bundled):
    moments = timeline(bundled, case="Kadrey v. Meta")
    dates = [m.date for m in moments]
    assert dates == sorted(dates)
    rulings = [m.date for m in moments if m.kind == "Ruling"]
    assert rulings.index("2023-11-20") < rulings.index("2025-03-07") < rulings.index("2025-06-25")
    assert all(m.sources and all(s.startswith("http") for s in m.sources) for m in moments)
    assert all(m.case == "https://w3id.org/casegraph/id/case/cand-3-23-cv-03417" for m in moments)


def test_timeline_by_entity_and_date_range(bundled):
    around = timeline(bundled, entity="Boies Schiller Flexner")
    # The firm joining the case, and the case it is counsel in; nothing unrelated.
    assert {(m.date, m.kind) for m in around} == {("2024-09-25", "Event"), ("2023-07-07", "CaseFiled")}
    window = timeline(bundled, start="2025-06", end="2025-06")
    # A date known only to the year overlaps the window and stays; other months do not.
    assert any(m.date.startswith("2025-06-") for m in window)
    assert all(m.date.startswith("2025-06") or m.date == "2025" for m in window)
    with pytest.raises(InputError, match="not a date"):
        timeline(bundled, start="June 2025")


@pytest.fixture(scope="module")
def docket():
    cg = CaseGraph()
    report = import_courtlistener(cg, sorted(FIXTURES.glob("*.json")))
    return cg, report


def test_docket_import_finds_parties_and_entries_through_sparql(docket):
    cg, report = docket
    assert report.cases["https://w3id.org/casegraph/id/graph/courtlistener-docket-900001"] == {
        "plaintiffs": 2, "defendants": 1, "counsel": 2, "entries": 3}
    rows = cg.query("""
        SELECT ?role ?name WHERE {
          VALUES (?p ?role) { (cg:plaintiff "plaintiff") (cg:defendant "defendant")
                              (cg:plaintiffsCounsel "plaintiffs' counsel") (cg:defendantsCounsel "defendant's counsel") }
          ?case ?p ?who . ?who rdfs:label ?name }""", case=cg.entity(DOCKET_CASE)).rows
    assert sorted((r["role"], r["name"]) for r in rows) == [
        ("defendant", "Example AI, Inc."), ("defendant's counsel", "Lee Defender"), ("plaintiff", "Jane Doe"),
        ("plaintiff", "Richard Roe"), ("plaintiffs' counsel", "Pat Counsel")]
    entries = cg.query("SELECT ?n ?date WHERE { ?e cg:inCase ?case ; cg:docketEntry ?n ; cg:date ?date }"
                       " ORDER BY ?date", case=cg.entity(DOCKET_CASE)).rows
    assert [r["n"] for r in entries] == ["Dkt 1", "Dkt 12", "Dkt 30"]
    assert cg.validate().conforms, cg.validate().text


def test_attorneys_are_scoped_to_the_docket_they_acted_in(docket):
    cg, _report = docket
    counsel = {r["name"] for r in cg.query(
        "SELECT ?name WHERE { ?case cg:counsel|cg:plaintiffsCounsel|cg:defendantsCounsel ?who . "
        "?who rdfs:label ?name }", case=cg.entity(DOCKET_CASE)).rows}
    assert counsel == {"Pat Counsel", "Lee Defender"}, "Sam Elsewhere acted only in the other docket"


def test_the_docket_graph_names_its_courtlistener_source(docket):
    cg, _report = docket
    source = cg.sources()["https://w3id.org/casegraph/id/graph/courtlistener-docket-900001"]
    assert source.url == "https://www.courtlistener.com/docket/900001/doe-v-example-ai-inc/"


def test_importing_twice_gives_the_same_graph():
    a, b = CaseGraph(), CaseGraph()
    files = sorted(glob.glob(str(FIXTURES / "*.json")))
    import_courtlistener(a, files)
    import_courtlistener(b, files + files)
    assert set(a.dataset.quads((None, None, None, None))) == set(b.dataset.quads((None, None, None, None)))


def test_a_docket_with_the_same_court_and_number_merges_with_the_curated_case(tmp_path):
    docket_json = tmp_path / "kadrey.json"
    docket_json.write_text('{"id": 1, "court_id": "cand", "case_name": "Kadrey v. Meta Platforms, Inc.", '
                           '"docket_number": "3:23-cv-03417-VC", "date_filed": "2023-07-07", '
                           '"absolute_url": "/docket/1/kadrey/"}', encoding="utf-8")
    cg = CaseGraph.open()
    import_courtlistener(cg, [docket_json])
    assert str(cg.entity("Kadrey v. Meta Platforms, Inc.").iri) == "https://w3id.org/casegraph/id/case/cand-3-23-cv-03417"


@pytest.mark.parametrize("content, message", [
    ("{not json", "not JSON"), ('{"hello": 1}', "not a CourtListener"), ('[{"name": "x", "party_types": []}]', "no CourtListener docket"),
])
def test_bad_docket_files(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        import_courtlistener(CaseGraph(), [bad])


# --- the curated landscape --------------------------------------------------------------------------------

CASE = "https://w3id.org/casegraph/id/case/"


def test_every_case_has_court_docket_filing_date_parties_and_a_sourced_status(bundled):
    rows = bundled.query("""
        SELECT ?case (COUNT(DISTINCT ?court) AS ?courts) (COUNT(DISTINCT ?docket) AS ?dockets)
               (COUNT(DISTINCT ?filed) AS ?filingDates) (COUNT(DISTINCT ?plaintiff) AS ?plaintiffs)
               (COUNT(DISTINCT ?defendant) AS ?defendants) (COUNT(DISTINCT ?url) AS ?statusSources) WHERE {
          ?case a cg:LegalCase .
          OPTIONAL { ?case cg:court ?court } OPTIONAL { ?case cg:docketNumber ?docket }
          OPTIONAL { ?case cg:filedOn ?filed }
          OPTIONAL { ?case cg:plaintiff ?plaintiff } OPTIONAL { ?case cg:defendant ?defendant }
          OPTIONAL { GRAPH ?g { ?case cg:caseStatus ?status } ?g prov:wasDerivedFrom/schema:url ?url }
        } GROUP BY ?case""").rows
    assert len(rows) >= 15
    # A suit no source gives the docket number of yet is kept (a complaint just filed, a court abroad that
    # publishes none), validation warns about each such case, and the README counts them apart (below).
    warned = {r.focus for r in bundled.validate().results if r.severity == "Warning" and r.path == "cg:docketNumber"}
    assert {row["case"] for row in rows if row["dockets"] == 0} == warned
    for row in rows:
        assert row["courts"] == 1, row["case"]
        assert row["filingDates"] >= 1, f"{row['case']} has no filing date"
        assert row["plaintiffs"] >= 1 and row["defendants"] >= 1, f"{row['case']} lacks a plaintiff or a defendant"
        assert row["statusSources"] >= 1, f"{row['case']} has no status with a source"


def test_the_landscape_holds_at_least_80_suits_with_a_docket(bundled):
    # Every suit has its court, filing date, parties and a sourced status (above); the map a journalist expects
    # needs most of them findable by docket too: at least 80, counting each suit once whatever its dockets.
    suits = bundled.saved("suits").rows
    docketed = [s for s in suits if s["dockets"]]
    assert len(docketed) >= 80, f"{len(docketed)} of {len(suits)} suits have a docket number"
    assert all(s["court"] and s["filed"] for s in docketed)


def test_the_cases_in_which_richard_kadrey_is_a_plaintiff(bundled):
    cases = {r["case"] for r in bundled.query("SELECT ?case WHERE { ?case cg:plaintiff ?who }",
                                              who=bundled.entity("Richard Kadrey")).rows}
    assert CASE + "cand-3-23-cv-03417" in cases  # Kadrey v. Meta
    assert CASE + "cand-3-23-cv-03416" in cases  # Silverman v. OpenAI, part of the OpenAI litigation


def test_the_cases_involving_libgen(bundled):
    cases = {r["case"] for r in bundled.saved("cases-with-dataset", dataset="LibGen").rows}
    assert CASE + "cand-3-23-cv-03417" in cases and len(cases) >= 2


def test_the_bartz_settlement(bundled):
    [row] = bundled.query("""
        SELECT ?date ?amount WHERE { ?s a cg:Settlement ; cg:inCase ?case ; cg:date ?date ; cg:amount ?amount
                                     FILTER(LANG(?amount) = "en") }""",
                          case=bundled.entity("Bartz v. Anthropic")).rows
    assert str(row["date"]) == "2025-09-05" and "1.5 billion" in row["amount"]


def test_parallel_litigation_finds_openai_and_meta(bundled):
    rows = {r["defendantName"]: r["cases"] for r in bundled.saved("parallel-litigation").rows}
    assert rows["OpenAI"] >= 4


def test_timeline_and_import_commands(run, tmp_path):
    result = run("timeline", "--case", "Kadrey v. Meta", "--from", "2023-11", "--to", "2023-11", "--json")
    moments = __import__("json").loads(result.stdout)
    assert [m["date"] for m in moments if m["kind"] == "Ruling"] == ["2023-11-20"]
    out = tmp_path / "dockets.trig"
    result = run("import", "courtlistener", *sorted(FIXTURES.glob("*.json")), "-o", out)
    assert result.exit_code == 0 and out.exists()
    rows = run("--data", out, "query", "case-participants", "--format", "json").stdout
    assert "Jane Doe" in rows and "Sam Elsewhere" not in rows.split("Other v. Someone")[0]
    assert run("timeline", "--from", "1990", "--to", "1991").exit_code == 1


def test_wikidata_links_only_where_a_source_states_the_identifier(bundled):
    # The fact sheet gives one Q-identifier with a page that states it (Google, Q95); the others it lists come
    # from code files with no page to cite, so they stay out rather than be asserted without a source.
    rows = bundled.query("""
        SELECT ?entity ?qid ?same ?url WHERE {
          GRAPH ?g { ?entity cg:wikidata ?qid . OPTIONAL { ?entity owl:sameAs ?same } }
          ?g prov:wasDerivedFrom/schema:url ?url
        }""").rows
    assert rows == [{"entity": "https://w3id.org/casegraph/id/organization/google", "qid": "Q95",
                     "same": "http://www.wikidata.org/entity/Q95",
                     "url": "https://bin.hibranwar.com/library/entity-authority/5-2"}]


# --- the landscape as suits (issue 21) ------------------------------------------------------------------------

MDL = "https://w3id.org/casegraph/id/case/nysd-mdl-3143"
CONCORD_TENNESSEE = "https://w3id.org/casegraph/id/case/tnmd-3-23-cv-01092"
CONCORD = "https://w3id.org/casegraph/id/case/cand-5-24-cv-03811"
GEMA = "https://w3id.org/casegraph/id/case/lg-muenchen-i-42-o-14139-24"
GEMA_APPEAL = "https://w3id.org/casegraph/id/case/olg-muenchen-6-u-3662-25-e"
TREMBLAY = "https://w3id.org/casegraph/id/case/cand-3-23-cv-03223"
SILVERMAN = "https://w3id.org/casegraph/id/case/cand-3-23-cv-03416"


def test_one_suit_whatever_its_dockets(bundled):
    suits = {row["suit"]: row for row in bundled.saved("suits").rows}
    # an MDL gathers suits and is none; a transfer, an appeal, a consolidation keep one suit
    assert MDL not in suits and CONCORD_TENNESSEE not in suits and GEMA_APPEAL not in suits
    assert SILVERMAN not in suits
    assert {CONCORD, GEMA, TREMBLAY} <= set(suits)
    assert "3:23-cv-01092" in suits[CONCORD]["dockets"] and "5:24-cv-03811-EKL" in suits[CONCORD]["dockets"]
    assert "6 U 3662/25 e" in suits[GEMA]["dockets"]
    # each relation between dockets is a relation, never a suit of its own
    for relation in ("transferredTo", "consolidatedInto", "refiledAs", "appealOf"):
        linked = {row["a"] for row in bundled.query(f"SELECT ?a WHERE {{ ?a cg:{relation} ?b }}").rows}
        assert not linked & set(suits), relation
    # the suits an MDL gathers stay suits (unless consolidated into another); the MDL is none
    gathered = bundled.query("SELECT ?a ?b WHERE { ?a cg:partOfMDL ?b FILTER NOT EXISTS { ?a cg:consolidatedInto ?c } }")
    assert {row["a"] for row in gathered.rows} <= set(suits)
    assert not {row["b"] for row in gathered.rows} & set(suits)


def test_suits_by_defendant_count_each_suit_once(bundled):
    suits = {row["suit"] for row in bundled.saved("suits").rows}
    counted = {row["name"]: row["suits"] for row in bundled.saved("suits-by-defendant").rows}
    against_openai = {row["suit"] for row in bundled.saved("suits", defendant="OpenAI").rows}
    assert against_openai <= suits and counted["OpenAI"] == len(against_openai)
    assert TREMBLAY in against_openai and GEMA in against_openai and MDL not in against_openai


def test_stale_statuses_are_the_suits_to_bring_up_to_date(bundled):
    everything = {row["suit"] for row in bundled.saved("stale-statuses", months="0").rows}
    recent = {row["suit"] for row in bundled.saved("stale-statuses", months="600").rows}
    assert recent < everything  # fifty years on, only the undated statuses are stale
    assert all(row["latest"] == "" for row in bundled.saved("stale-statuses", months="600").rows)
    with pytest.raises(InputError, match="takes a whole number"):
        bundled.saved("stale-statuses", months="a year")


def test_settlements_with_their_amount(bundled):
    rows = bundled.saved("settlements").rows
    bartz = [row for row in rows if row["caseName"] == "Bartz v. Anthropic"]
    assert bartz and "1.5 billion" in bartz[0]["amount"] and bartz[0]["sources"].startswith("http")


def test_every_suit_says_what_kind_of_work_it_is_about_and_in_which_source(bundled):
    suits = {row["suit"] for row in bundled.saved("suits").rows}
    said = {row["suit"] for row in bundled.query("""
        SELECT ?suit WHERE { ?docket (cg:transferredTo|cg:consolidatedInto|cg:refiledAs|cg:appealOf)* ?suit .
                             GRAPH ?g { ?docket cg:workAtIssue ?kind } ?g prov:wasDerivedFrom/schema:url ?url }""").rows}
    assert suits and suits <= said, sorted(suits - said)
    kinds = {row["kindName"]: row["suits"] for row in bundled.saved("suits-by-work").rows}
    assert {"Books", "News", "Music", "Images", "Code", "Voice", "Film"} <= set(kinds)


def test_the_readme_counts_what_the_data_holds(bundled):
    import re

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    said = re.search(r"the graph covers (\d+) AI-training suits \((\d+) with a docket number; (\d+) dockets", readme)
    assert said, "the README's summary of the bundled data gives the number of suits"
    dockets = bundled.query("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a cg:LegalCase }").rows[0]["n"]
    suits = bundled.saved("suits").rows
    assert (int(said[1]), int(said[2]), int(said[3])) == (len(suits), sum(1 for s in suits if s["dockets"]), dockets)
    by_defendant = {row["name"]: row["suits"] for row in bundled.saved("suits-by-defendant").rows}
    assert re.search(rf"^\| OpenAI \| {by_defendant['OpenAI']} \|", readme, re.M)
    by_work = {row["kindName"]: row["suits"] for row in bundled.saved("suits-by-work").rows}
    assert re.search(rf"\| books \| {by_work['Books']} \|$", readme, re.M)
    # how current the landscape is: the date of its latest dated status
    latest = max(str(row["issued"]) for row in bundled.query("""
        SELECT ?issued WHERE { GRAPH ?g { ?case cg:caseStatus ?status } ?g prov:wasDerivedFrom/dcterms:issued ?issued }""").rows)
    day = date.fromisoformat(latest) if len(latest) == 10 else None
    assert day and f"The latest status in it is dated {day.day} {day:%B %Y}." in readme.replace("\n", " ")


def test_suits_by_stage_gives_each_suit_its_latest_stage_with_its_source(bundled):
    suits = {row["suit"] for row in bundled.saved("suits").rows}
    rows = bundled.saved("suits-by-stage").rows
    assert {row["suit"] for row in rows} <= suits
    assert all(row["source"].startswith("http") and row["asOf"] for row in rows)
    # the oracle: every stage any source gives, by suit; the answer is the one of the latest source
    given = bundled.query("""
        SELECT ?suit ?stage ?issued WHERE {
          ?docket (cg:transferredTo|cg:consolidatedInto|cg:refiledAs|cg:appealOf)* ?suit .
          GRAPH ?g { ?docket cg:caseStage ?stage } ?g prov:wasDerivedFrom/dcterms:issued ?issued }""").rows
    latest = {}
    for row in given:
        latest[row["suit"]] = max(latest.get(row["suit"], ""), str(row["issued"]))
    assert {(row["suit"], row["asOf"]) for row in rows} == {(s, d) for s, d in latest.items() if s in suits}
    # the suits whose latest stage is discovery, asked by the stage's name in any case or language
    at_discovery = {row["suit"] for row in rows if row["stageName"] == "DiscoveryStage"}
    assert at_discovery == {row["suit"] for row in bundled.saved("suits-by-stage", stage="Discovery").rows}
    assert at_discovery == {row["suit"] for row in bundled.saved("suits-by-stage", stage="communication des pièces").rows}
    with pytest.raises(InputError, match="no stage of a suit is named 'jury'; one of: appeal, discovery"):
        bundled.saved("suits-by-stage", stage="jury")


def test_bartz_is_settled_and_stages_are_the_ontologys(bundled):
    rows = bundled.saved("suits-by-stage").rows
    assert {row["stageName"] for row in rows} <= {"PleadingsStage", "DiscoveryStage", "SummaryJudgmentStage", "TrialStage",
                                                  "AppealStage", "SettledStage", "DismissedStage"}
    assert "Bartz v. Anthropic" in {row["suitName"] for row in bundled.saved("suits-by-stage", stage="settled").rows}


def _loose_docket(docket: str) -> str:
    """A docket as trackers and courts both write it: "No. 20-cv-613" and "1:20-cv-00613-SB" are one."""
    import re

    match = re.search(r"(\d{2})-([a-z]{2,4})-0*(\d+)", docket.lower())
    return "-".join(match.groups()) if match else re.sub(r"\W+", "", docket.lower())


def test_tracker_entries_name_the_suits_they_list_and_the_gaps_are_real(bundled):
    trackers = bundled.saved("trackers").rows
    assert trackers and all(row["listed"] >= row["inGraph"] for row in trackers)
    dockets = {}
    for row in bundled.query("""SELECT ?suit ?docket WHERE {
            ?d (cg:transferredTo|cg:consolidatedInto|cg:refiledAs|cg:appealOf)* ?suit ; cg:docketNumber ?docket }""").rows:
        dockets.setdefault(_loose_docket(row["docket"]), set()).add(row["suit"])
    # an entry the graph describes points at the suit whose docket it gives
    matched = bundled.query("""SELECT ?listing ?case ?docket WHERE {
            ?listing cg:listingOf ?case . OPTIONAL { ?listing cg:listedDocket ?docket } }""").rows
    suits = {row["suit"] for row in bundled.saved("suits").rows}
    for row in matched:
        assert row["case"] in suits, f"{row['listing']} points at {row['case']}, a docket that is not a suit's last"
        if row["docket"] and _loose_docket(row["docket"]) in dockets:
            assert row["case"] in dockets[_loose_docket(row["docket"])], row["listing"]
    # a gap is a suit the graph does not describe: no known docket has its number
    gaps = bundled.saved("tracker-gaps").rows
    assert gaps
    for row in gaps:
        assert not (row["listedDocket"] and _loose_docket(row["listedDocket"]) in dockets), row
