"""A claim never reads as a fact, and a role says when it held: in describe, path, the projection and the queries."""

from casegraph.analysis.projection import project
from casegraph.vocab import CG

KADREY = "https://w3id.org/casegraph/id/case/cand-3-23-cv-03417"
LEMLEY = "https://w3id.org/casegraph/id/person/mark-a-lemley"
STATUSES = {"en": ("alleged", "admitted", "disputed", "found", "ruled", "reported"),
            "fr": ("allégué", "reconnu", "contesté", "constaté", "jugé", "rapporté")}


def test_describe_shows_a_claim_with_its_status_first_in_both_languages(bundled):
    for lang, alleged in (("en", "alleged: "), ("fr", "allégué : ")):
        facts = bundled.describe("NVIDIA", lang=lang).facts
        claims = [f for f in facts if f.value_iri and "/claim/" in f.value_iri]
        assert claims, "NVIDIA is mentioned by claims"
        assert all(f.value_label.startswith(tuple(s + (" : " if lang == "fr" else ": ") for s in STATUSES[lang]))
                   for f in claims), [f.value_label for f in claims]
        assert any(f.value_label.startswith(alleged) and "Anna's Archive" in f.value_label for f in claims)


def test_describing_a_claim_puts_its_status_in_the_heading(bundled):
    claim = bundled.query("SELECT ?c WHERE { ?c a cg:Claim ; cg:status cg:Alleged } LIMIT 1").rows[0]["c"]
    assert bundled.describe(claim).label.startswith("alleged: ")


def test_every_claim_node_of_the_projection_reads_as_a_claim(bundled):
    for lang in ("en", "fr"):
        G = project(bundled, lang=lang)
        claims = [d for d in G.nodes.values() if d["cls"] == str(CG.Claim) or d["cls"] == str(CG.CauseOfAction)]
        assert len(claims) > 20
        starts = tuple(s + (" : " if lang == "fr" else ": ") for s in STATUSES[lang])
        assert all(d["label"].startswith(starts) for d in claims), [d["label"] for d in claims if
                                                                     not d["label"].startswith(starts)][:3]


def test_a_collapsed_claim_is_an_edge_named_with_its_status(bundled, run):
    G = project(bundled, collapse=True)
    claimed = [d for _s, _o, d in G.edges(data=True) if d["status"]]
    assert claimed and all(d["label"].startswith(d["status"] + ": ") for d in claimed)
    done = run("path", "Llama 3", "Books3", "--collapse", "-k", "6")
    assert "—alleged: trained on→ Books3" in done.stdout
    assert "—trained on→ Books3" not in done.stdout  # the allegation never reads as the relation itself


def test_lemley_is_past_counsel_for_meta_in_kadrey(bundled, run):
    [fact] = [f for f in bundled.describe("Mark A. Lemley").facts
              if f.predicate == str(CG.defendantsCounsel) and f.value_iri == KADREY]
    assert fact.past and fact.until == "2025-01"
    done = run("describe", "Mark A. Lemley")
    line = next(line for line in done.stdout.splitlines() if "defendant's counsel: Kadrey v. Meta" in line)
    assert "past:" in line and "2025-01" in line


def test_case_participants_gives_the_dates_of_roles(bundled):
    rows = bundled.saved("case-participants", case="Kadrey v. Meta").rows
    [lemley] = [r for r in rows if r["who"] == LEMLEY]
    assert str(lemley["until"]) == "2025-01"
    current = [r for r in rows if r["role"] == "presiding judge"]
    assert current and all(r["until"] is None for r in current)
