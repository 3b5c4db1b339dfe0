"""The state of the cases on a day (--as-of): what had not happened yet is left out, and each case's status is
worked out from its events, on a small hand-made graph (memory and Oxigraph) and on the bundled data."""

from pathlib import Path

import pytest

from casegraph import CaseGraph

AS_OF = Path(__file__).parent / "data" / "as_of.trig"
EX = "https://example.org/"
PREFIX = "PREFIX ex: <https://example.org/> "
BARTZ = "case:cand-3-24-cv-05417"


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def small(request):
    return CaseGraph.open([AS_OF], store=request.param)


def statuses(view, case="ex:case"):
    """The case's statuses in English or in no language."""
    return sorted(row["s"] for row in view.query(
        PREFIX + f"SELECT ?s WHERE {{ {case} cg:caseStatus ?s FILTER(LANG(?s) IN ('', 'en')) }}").rows)


def ask(view, pattern) -> bool:
    return view.query(PREFIX + f"ASK {{ {pattern} }}").boolean


def test_events_dated_later_are_left_out_with_what_hangs_on_them(small):
    before = small.view_of(as_of="2025-06-22")
    assert ask(before, "ex:order-1 cg:date ?d")
    assert not ask(before, "ex:order-2 ?p ?o")
    assert not ask(before, "ex:disp-2 ?p ?o")  # its ruling came later
    assert not ask(before, "ex:claim cg:disposition ex:disp-2")
    assert ask(before, "ex:claim cg:disposition ex:disp-1")
    after = small.view_of(as_of="2025-06-23")
    assert ask(after, "ex:claim cg:disposition ex:disp-2")


def test_a_date_given_by_its_month_counts_once_the_whole_month_has_passed(small):
    assert not ask(small.view_of(as_of="2025-06-22"), "ex:hearing ?p ?o")
    assert ask(small.view_of(as_of="2025-06-30"), "ex:hearing ?p ?o")


def test_a_case_filed_later_is_left_out_with_its_claims(small):
    before = small.view_of(as_of="2025-06-22")
    assert not ask(before, "ex:later-case ?p ?o")
    assert not ask(before, "ex:later-claim ?p ?o")
    assert ask(small.view_of(as_of="2026-01-05"), "ex:later-claim cg:inCase ex:later-case")


def test_roles_hold_from_their_start_and_until_their_end(small):
    before = small.view_of(as_of="2025-06-22")
    assert ask(before, "ex:case cg:presidingJudge ex:judge-old")
    assert not ask(before, "ex:role-old cg:endDate ?end")  # still on the case then
    assert not ask(before, "ex:case cg:presidingJudge ex:judge-new")
    assert not ask(before, "ex:role-new ?p ?o")
    after = small.view_of(as_of="2026-01-01")
    assert ask(after, "ex:case cg:presidingJudge ex:judge-new")
    assert ask(after, "ex:role-old cg:endDate ?end")


def test_a_release_is_a_fact_only_from_its_day(small):
    assert ask(small.view_of(as_of="2025-06-22"), "ex:model rdfs:label ?l")
    assert not ask(small.view_of(as_of="2025-06-22"), "ex:model cg:releasedOn ?d")
    assert ask(small.view_of(as_of="2025-07-01"), "ex:model cg:releasedOn ?d")


def test_case_statuses_in_words_hold_from_their_source_date_and_undated_ones_are_set_aside(small):
    before = small.view_of(as_of="2025-06-22")
    found = statuses(before)
    assert "Motion to dismiss denied; discovery under way." in found  # published 2024-10
    assert "Dismissed on summary judgment." not in found  # published 2025-07-02
    assert "Pending." not in found  # undated
    assert before.as_of.statuses == 2
    assert "Dismissed on summary judgment." in statuses(small.view_of(as_of="2025-07-02"))


def test_the_worked_out_status_tells_the_filing_the_last_event_and_each_claim_as_its_last_ruling_left_it(small):
    [before] = [s for s in statuses(small.view_of(as_of="2025-06-22")) if s.startswith("As of")]
    assert before == ("As of 2025-06-22, from the dated events in the sources: filed 2024-01-15; last event "
                      "2024-09-01: order on the motion to dismiss; claims as their last ruling left them: "
                      "copyright infringement: survived.")
    [after] = [s for s in statuses(small.view_of(as_of="2025-06-30")) if s.startswith("As of")]
    assert "last event 2025-06-23: order on summary judgment" in after  # a day sorts after its month
    assert "copyright infringement: dismissed" in after and "survived" not in after


def test_the_worked_out_status_is_traced_to_the_events_it_rests_on(small):
    view = small.view_of(as_of="2025-06-22")
    result = view.query(PREFIX + "SELECT ?s WHERE { ex:case cg:caseStatus ?s FILTER(STRSTARTS(?s, 'As of')) }",
                        why=True)
    [support] = result.why
    assert {frozenset(way) for way in support.alternatives} == {frozenset([f"{EX}graph-docket"])}


def test_the_view_leaves_the_graph_it_came_from_as_it_was(small):
    before = len(small)
    small.view_of(as_of="2025-06-22")
    assert len(small) == before
    assert ask(small, "ex:order-2 cg:date ?d")


def test_as_of_and_known_on_together(small):
    view = small.view_of(known_on="2025-06-22", as_of="2025-06-22")
    assert view.selection.undated == {f"{EX}graph-undated"}
    assert not ask(view, "ex:order-2 ?p ?o")


# --- the bundled data and the command line --------------------------------------------------------------------

def test_bartz_before_and_after_its_fair_use_order(run):
    before = run("--as-of", "2025-06-22", "query", "case-status")
    assert before.exit_code == 0, before.stderr
    [bartz] = [line for line in before.stdout.splitlines() if "Bartz v. Anthropic" in line]
    assert "no ruling on the claims yet" in bartz and "fair use" not in bartz
    assert "the cases as of 2025-06-22" in before.stderr
    after = run("--as-of", "2025-06-24", "query", "case-status")
    [bartz] = [line for line in after.stdout.splitlines() if "Bartz v. Anthropic" in line]
    assert "order on fair use (2025-06-23)" in bartz
    assert "fair use found" in bartz and "fair use rejected" in bartz


def test_the_presiding_judge_as_of_a_day(bundled):
    alsup, martinez = (f"https://w3id.org/casegraph/id/person/{p}" for p in ("william-alsup", "araceli-martinez-olguin"))

    def judges(view):
        return {row["j"]: row["end"] for row in view.query(
            f"SELECT ?j ?end WHERE {{ {BARTZ} cg:presidingJudge ?j OPTIONAL {{ ?r cg:qualifiedSubject {BARTZ} ; "
            "cg:qualifiedProperty cg:presidingJudge ; cg:qualifiedObject ?j ; cg:endDate ?end } }").rows}

    assert judges(bundled.view_of(as_of="2025-06-24")) == {alsup: None}  # the reassignment came on 2025-12-31
    after = judges(bundled.view_of(as_of="2026-01-01"))
    assert set(after) == {alsup, martinez} and after[alsup] is not None and after[martinez] is None


def test_statements_made_later_are_left_out(bundled):
    everything = bundled.statements()
    before = bundled.view_of(as_of="2023-12-31").statements()
    assert 0 < len(before) < len(everything)
    assert all(str(s.date) <= "2023-12-31" for s in before if s.date)


def test_a_bad_date_is_one_line_and_exit_2(run):
    result = run("--as-of", "2025-13-01", "stats")
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "2025-13-01" in result.stderr


def test_a_command_that_writes_refuses_a_view_as_of_a_day(run, tmp_path):
    for args in (("infer",), ("--store", f"oxigraph:{tmp_path / 'store'}", "load", str(AS_OF))):
        result = run("--as-of", "2025-06-22", *args)
        assert result.exit_code == 2 and "--as-of" in result.stderr
    assert not (tmp_path / "store").exists()
