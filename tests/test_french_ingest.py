"""Ingesting French legal texts: decisions of the Cour de cassation and of lower courts, and statutes, as French
open data publishes them (tests/data/french/, real texts under the Licence Ouverte, with a reader's marks)."""

import json
from pathlib import Path

import pytest

from casegraph import CaseGraph
from casegraph.ingest.pseudonyms import find_pseudonyms, pseudonymised_persons

FRENCH = Path(__file__).parent / "data" / "french"
GOLDS = {path.name.removesuffix(".gold.json"): json.loads(path.read_text(encoding="utf-8"))
         for path in sorted(FRENCH.glob("*.gold.json"))}
#: the development texts (the held-out ones are scored by bench/bench_french.py, see tests/data/french/README.md)
DEV = {slug: gold for slug, gold in GOLDS.items() if not gold["heldout"]}
CITED = "cass-civ3-2022-12-14-21-24404"  # Cour de cassation, 14 December 2022, pourvoi 21-24.404
CITING = "cass-civ3-2024-12-05-23-19510"  # 5 December 2024: cites the one above by its pourvoi number


@pytest.fixture(scope="module")
def cg():
    return CaseGraph.open()


@pytest.fixture(scope="module")
def ingested(cg):
    return {slug: cg.ingest(FRENCH / f"{slug}.txt", lang="fr") for slug in DEV}


def test_no_pseudonym_numeral_or_institution_links_to_a_curated_person(ingested):
    # The bundled graph's people are the US suits'; none of them is in these French decisions and statutes, so
    # every link to a person would be wrong ("M. Z... QI..." as Mark Zuckerberg, "livre III" as Andre Dubus III).
    for slug, found in ingested.items():
        people = [(m.text, m.entity) for m in found.mentions if m.entity and m.kind == "person"]
        assert people == [], slug


def test_a_pseudonym_is_never_a_new_name(ingested):
    for slug, found in ingested.items():
        hidden = [(p.start, p.end) for p in found.pseudonyms]
        for candidate in found.candidates:
            for start, end in candidate.occurrences:
                assert not any(s < end and start < e for s, e in hidden), (slug, candidate.text)
            assert "[" not in candidate.text and "..." not in candidate.text, (slug, candidate.text)


def test_every_marked_pseudonym_is_found(ingested):
    for slug, gold in DEV.items():
        text = (FRENCH / gold["file"]).read_text(encoding="utf-8")
        spans = [(p.start, p.end) for p in ingested[slug].pseudonyms]
        for words, occurrence in gold["pseudonyms"]:
            start = _nth(text, words, occurrence)
            end = start + len(words)
            assert any(s < end and start < e for s, e in spans), (slug, words)


def test_persons_behind_pseudonyms_are_counted_once_each():
    text = ("M. [K] [U], demeurant [Adresse 1], contre Mme [R] [J], épouse [I], et MM. [N] et [S] [C]. "
            "M. [U] fait grief à l'arrêt ; Mme [R] [J] répond. La société [3] intervient.")
    assert pseudonymised_persons(find_pseudonyms(text)) == ["[K] [U]", "[R] [J]", "[N] [C]", "[S] [C]", "société [3]"]
    assert [p.kind for p in find_pseudonyms(text)][:2] == ["person", "place"]
    assert pseudonymised_persons(find_pseudonyms("M. X... a saisi le juge ; M. X... a fait appel contre Mme Y...")) \
        == ["X...", "Y..."]


def test_a_french_decision_reads_its_own_court_date_and_pourvoi(ingested):
    decision = ingested[CITING].decision
    assert (decision.court_name, decision.date, decision.citations) == ("Cour de cassation", "2024-12-05",
                                                                        ("23-19.510",))
    assert decision.name == "Cour de cassation, 5 décembre 2024, n° 23-19.510"
    lower = ingested["ca-chambery-2022-02-15-20-00024"].decision
    assert lower.court_name == "Cour d'appel de Chambéry" and lower.docket == "20/00024"


@pytest.mark.parametrize("order", [(CITED, CITING), (CITING, CITED)], ids=["cited-first", "citing-first"])
def test_two_french_decisions_one_citing_the_other_are_linked_by_cites(order):
    cg = CaseGraph()
    for slug in order:
        cg.ingest(FRENCH / f"{slug}.txt", lang="fr", accept=True)
    rows = cg.query("""
        SELECT ?citing ?cited ?name WHERE {
          ?citing cg:cites ?cited ; cg:reporterCitation "23-19.510" .
          ?cited cg:reporterCitation "21-24.404" ; rdfs:label ?name }""").rows
    assert len(rows) == 1, rows
    # the cited decision is one node, whichever of the two was read first: the one its own text describes
    decisions = cg.query('SELECT DISTINCT ?d WHERE { ?d cg:reporterCitation "21-24.404" }').rows
    assert len(decisions) == 1
    assert cg.validate().conforms


def _nth(text: str, words: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return start
