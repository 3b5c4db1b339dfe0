"""How sure an attribution of a French quotation is (casegraph.ingest.attribution_confidence): a chance between
0 and 1 on each quotation of a French text, in the JSON and in the accepted graph; none where it was not measured
(English texts, French decisions). The sentences were written for these tests; the model's figures on held-out
press articles are measured by bench/bench_confidence.py."""

import json
import sys
from pathlib import Path

import pytest

from casegraph import CaseGraph
from casegraph.ingest import attribution_confidence
from test_french_decision_quotes import DECISION

ROOT = Path(__file__).resolve().parents[1]

NAMED = "Selon Paul Ricard, « il faudra être patient »."
UNFOUND = ("Paul Ricard a visité le chantier lundi. Il a parlé avec les ouvriers, puis avec Hélène Marchand.\n\n"
           "Le chantier prend du retard : « Il faudra être patient ».")


@pytest.fixture(scope="module")
def cg() -> CaseGraph:
    return CaseGraph.open()


def only_quote(cg, text, lang="fr"):
    (quote,) = cg.ingest(text=text, lang=lang).quotes
    return quote


def test_a_speaker_named_in_the_sentence_is_surer_than_words_no_one_is_found_for(cg):
    named, unfound = only_quote(cg, NAMED), only_quote(cg, UNFOUND)
    assert (named.speaker, unfound.speaker) == ("Paul Ricard", None)
    assert 0 < unfound.confidence < named.confidence < 1
    # what the model read: a French construction named the speaker; nothing was found for the other
    assert named.facts["path_french"] == 1 and unfound.facts["path_none"] == 1
    assert named.facts["lead_selon"] == 1 and unfound.facts["lead_colon"] == 1


def test_the_json_gives_the_confidence_of_french_quotations_only(cg):
    (french,) = cg.ingest(text=NAMED, lang="fr").to_dict()["quotes"]
    assert french["speaker"] == "Paul Ricard" and 0 < french["confidence"] < 1
    english = only_quote(cg, 'The chief executive said "we will win this market" on Monday.', lang="en")
    assert english.confidence is None and "confidence" not in english.to_dict()


def test_a_decisions_quotations_have_no_confidence(cg):
    # measured on press articles only: a decision's sources come from its own structure
    quotes = cg.ingest(text=DECISION, lang="fr").quotes
    assert quotes and all(q.confidence is None for q in quotes)


def test_the_accepted_graph_records_the_confidence_and_validates(cg, tmp_path):
    graph = CaseGraph.open()
    found = graph.ingest(text=NAMED + "\n\n" + UNFOUND, lang="fr", accept=True)
    rows = graph.query("""SELECT ?words ?sure (DATATYPE(?sure) AS ?type) WHERE {
                              ?s a cg:Statement ; cg:text ?words ; cg:attributionConfidence ?sure }""")
    recorded = {str(r["words"]): (float(r["sure"]), str(r["type"])) for r in rows}
    assert set(recorded) == {q.text for q in found.quotes}
    for quote in found.quotes:
        sure, datatype = recorded[quote.text]
        assert datatype == "http://www.w3.org/2001/XMLSchema#decimal" and abs(sure - quote.confidence) < 0.001
    assert graph.validate().conforms


@pytest.mark.slow
def test_the_shipped_weights_are_what_the_marked_quotations_fit(cg):
    """The weights file is derived data: fitting again on the training sets gives it back."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_confidence import LAST_TRAINING_SET, attributions, fit

    shipped = json.loads(attribution_confidence.WEIGHTS.read_text(encoding="utf-8"))
    refit = fit(attributions(cg, last_set=LAST_TRAINING_SET))  # the held-out sets after them are not read
    assert refit["quotations"] == shipped["quotations"] and set(refit["weights"]) == set(shipped["weights"])
    assert refit["intercept"] == pytest.approx(shipped["intercept"], abs=1e-3)
    for name, weight in shipped["weights"].items():
        assert refit["weights"][name] == pytest.approx(weight, abs=1e-3), name


def test_statements_show_a_read_speaker_in_words_with_the_confidence(run, tmp_path):
    article = tmp_path / "chantier.txt"
    article.write_text(NAMED + "\n\n" + UNFOUND, encoding="utf-8")
    assert run("ingest", article, "--lang", "fr", "--accept", "--into", tmp_path / "in").exit_code == 0
    listed = run("--with", tmp_path / "in", "statements")
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    said = lines[lines.index("    [fr] il faudra être patient") - 1]
    unfound = lines[lines.index("    [fr] Il faudra être patient") - 1]
    named_at = float(said.rsplit(" ", 1)[1].rstrip(")"))
    unfound_at = float(unfound.rsplit(" ", 1)[1].rstrip(")"))
    assert said.startswith("undated  Paul Ricard  (read by a program; attribution confidence ")
    assert unfound.startswith("undated  unknown speaker  (read by a program; attribution confidence ")
    assert 0 < unfound_at < named_at < 1


def test_the_documented_query_lists_the_attributions_to_check_least_sure_first():
    doc = (ROOT / "docs" / "ingest.md").read_text(encoding="utf-8")
    (query,) = [block.split("```", 1)[0] for block in doc.split("```sparql\n")
                if block.startswith("# the attributions to check first")]
    graph = CaseGraph.open()
    found = graph.ingest(text=NAMED + "\n\n" + UNFOUND, lang="fr", accept=True)
    unsure = sorted((q for q in found.quotes if q.confidence < 0.9), key=lambda q: q.confidence)
    rows = list(graph.query(query))
    assert [str(r["words"]) for r in rows] == [q.text for q in unsure] and unsure
    assert str(rows[0]["who"]) == "unknown speaker"
