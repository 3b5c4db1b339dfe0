"""casegraph ingest: mentions, quotations, candidates and citations read from texts, with exact offsets.

The two articles in tests/data/ingest were written for these tests: they restate the seed's facts in new
words, with the spelling variants users meet ("LLaMA-3", "GPT4", "Meta Platforms Inc.", "Al Dahle").
gold.json holds what a careful reader marks in them.
"""

import json
import re
import zlib
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from casegraph import CaseGraph
from casegraph.ingest.linking import Gazetteer
from casegraph.vocab import PREFIXES
from marks import iri, span

HERE = Path(__file__).parent / "data" / "ingest"
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
ARTICLES = ["article-fr.txt", "article-en.txt"]


@pytest.fixture(scope="module")
def readings(bundled):
    return {name: bundled.ingest(HERE / name) for name in ARTICLES}


@pytest.mark.parametrize("name", ARTICLES)
def test_every_known_entity_is_linked_at_its_exact_place(readings, name):
    text = (HERE / name).read_text(encoding="utf-8")
    expected = {(*span(text, words, n), json.dumps(iri(entity))) for words, n, entity in GOLD[name]["mentions"]}
    found = {(m.start, m.end, json.dumps(m.entity or sorted(m.ambiguous))) for m in readings[name].mentions
             if m.linked}
    assert found == expected
    assert all(text[m.start:m.end] == m.text for m in readings[name].mentions)


@pytest.mark.parametrize("name", ARTICLES)
def test_quotes_have_their_exact_span_speaker_and_date(readings, name):
    text = (HERE / name).read_text(encoding="utf-8")
    expected = [(*span(text, words), words, speaker, iri(entity), when, kind)
                for words, speaker, entity, when, kind in GOLD[name]["quotes"]]
    found = [(q.start, q.end, q.text, q.speaker, q.speaker_entity, q.date, q.kind) for q in readings[name].quotes]
    assert found == expected


def test_a_speaker_named_in_an_earlier_sentence_is_found(readings):
    # "Il a ajouté : « … »" and "He later asked: "…"" name nobody: the speaker is the person named just before.
    fr = {q.text[:10]: q for q in readings["article-fr.txt"].quotes}
    assert fr["Nous avons"].speaker_entity == iri("person:ahmad-al-dahle")
    en = {q.text[:10]: q for q in readings["article-en.txt"].quotes}
    assert en["Do we have"].speaker_entity == iri("person:hugo-touvron")


@pytest.mark.parametrize("name", ARTICLES)
def test_new_names_and_citations(readings, name):
    reading = readings[name]
    assert [(c.text, c.proposed_class) for c in reading.candidates] == [tuple(c) for c in GOLD[name]["candidates"]]
    assert [(c.text, c.kind, c.case) for c in reading.citations] == [
        (words, kind, iri(case)) for words, kind, case in GOLD[name]["citations"]]
    text = (HERE / name).read_text(encoding="utf-8")
    assert all(text[c.start:c.end] == c.text for c in [*reading.candidates, *reading.citations])


def test_the_json_document_has_the_documented_shape(readings):
    doc = readings["article-en.txt"].to_json()
    assert set(doc) == {"source", "mentions", "quotes", "candidates", "citations", "decision", "cited_decisions",
                        "warnings", "pseudonyms"}
    assert doc["decision"] is None and doc["warnings"] == {"count": 0, "messages": []}  # a news article
    assert doc["pseudonyms"] == {"persons": [], "found": []}  # a news article hides no one
    assert {"url", "title", "language", "published", "sha256", "graph", "document", "extractor"} <= set(doc["source"])
    assert {"text", "start", "end", "entity", "label"} <= set(doc["mentions"][0])
    assert {"text", "start", "end", "speaker", "speaker_entity", "date"} <= set(doc["quotes"][0])
    assert doc["source"]["language"] == "en" and doc["source"]["url"].startswith("urn:sha256:")
    assert "eyecite" in doc["source"]["extractor"]
    json.dumps(doc)  # plain JSON all the way down


def test_nothing_is_written_without_accept(bundled):
    before = len(bundled)
    bundled.ingest(HERE / "article-fr.txt")
    assert len(bundled) == before


def test_accepting_writes_one_valid_graph_and_twice_gives_the_same_graph():
    cg = CaseGraph.open()
    before = len(cg)
    first = cg.ingest(HERE / "article-fr.txt", url="https://example.org/kadrey-fr", published="2025-02-01",
                      accept=True)
    graph_once = Graph()
    for triple in cg.dataset.graph(first.graph_iri):
        graph_once.add(triple)
    cg.ingest(HERE / "article-fr.txt", url="https://example.org/kadrey-fr", published="2025-02-01", accept=True)
    assert isomorphic(graph_once, cg.dataset.graph(first.graph_iri))
    assert len(cg) == before + len(graph_once)
    assert cg.validate().conforms
    # The accepted quotation is a statement of Al-Dahle's, found like any other, from this document.
    statements = cg.statements(speaker="Al-Dahle")
    assert any(st.iri.startswith(PREFIXES["statement"] + first.source.key) and
               any(s.url == "https://example.org/kadrey-fr" for s in st.sources) for st in statements)


def test_an_unnamed_speaker_is_kept_in_words_and_the_graph_still_validates():
    cg = CaseGraph.open()
    found = cg.ingest(text="Un cadre de l'entreprise a résumé : « LLaMA-3 est tout ce qui compte pour moi. »",
                      lang="fr", accept=True)
    [quote] = found.quotes
    assert (quote.speaker, quote.speaker_entity) == ("unnamed executive", None)
    statement = URIRef(PREFIXES["statement"] + f"{found.source.key}-{quote.start}-{quote.end}")
    assert str(cg.dataset.value(statement, URIRef(PREFIXES["cg"] + "speakerName"))) == "unnamed executive"
    assert cg.validate().conforms


def test_names_are_matched_forgiving_case_accents_hyphens_and_spaces_but_not_common_words():
    gazetteer = Gazetteer([("urn:meta", "Meta Platforms, Inc.", "organization"), ("urn:meta", "Meta", "organization"),
                           ("urn:l3", "Llama 3", "model"), ("urn:fam", "Llama", "model"), ("urn:v1", "LLaMA", "model"),
                           ("urn:diaz", "Junot Díaz", "person"), ("urn:mz", "MZ", "person")])
    text = "Llama3, LLaMA-3, llama 3; meta-analysis; Meta Platforms Inc.; Junot Diaz, Díaz; mz, MZ; Llama, LLaMA"
    found = [(m.text, m.entity) for m in gazetteer.find(text)]
    assert found == [("Llama3", "urn:l3"), ("LLaMA-3", "urn:l3"), ("Meta Platforms Inc", "urn:meta"),
                     ("Junot Diaz", "urn:diaz"), ("Díaz", "urn:diaz"), ("MZ", "urn:mz"), ("Llama", "urn:fam"),
                     ("LLaMA", "urn:v1")]


def test_a_name_shared_by_two_entities_is_reported_ambiguous_not_guessed():
    gazetteer = Gazetteer([("urn:a", "Jane Roe", "person"), ("urn:b", "Richard Roe", "person")])
    *_named, mention = gazetteer.find("Jane Roe and Richard Roe sued. Roe testified.")
    assert mention.entity is None and mention.ambiguous == ("urn:a", "urn:b")


def test_quotes_in_english_with_the_speaker_after_and_dates_near_them(bundled):
    text = ('On March 3, 2024, "We will appeal," Mark Zuckerberg told reporters. '
            'According to Hugo Touvron, "the data mix was fine". “It was never about books,” said Al Dahle.')
    quotes = bundled.ingest(text=text, lang="en").quotes
    assert [(q.text, q.speaker, q.date) for q in quotes] == [
        ("We will appeal", "Mark Zuckerberg", "2024-03-03"),
        ("the data mix was fine", "Hugo Touvron", None),
        ("It was never about books", "Al Dahle", None)]


def test_a_pdf_text_layer_is_read(bundled, tmp_path):
    pdf = tmp_path / "order.pdf"
    pdf.write_bytes(_tiny_pdf("Judge Vince Chhabria ruled for Meta in No. 3:23-cv-03417-VC."))
    reading = bundled.ingest(pdf, lang="en")
    assert [m.label for m in reading.mentions] == ["Vince Chhabria", "Meta Platforms, Inc."]
    assert [c.kind for c in reading.citations] == ["docket"]


@pytest.mark.parametrize("content, message", [
    (b"", "empty; nothing to ingest"),
    (b"  \n\t\n", "empty (only white space)"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50, "binary data (a NUL byte"),
    ("Caf\u00e9 ".encode("latin-1") * 20, "not UTF-8 text (byte 0xe9"),
    (("Der Richter hat die Klage der Autoren abgewiesen und die Kosten auferlegt. " * 5).encode(),
     "cannot tell whether this is French or English"),
])
def test_garbage_gives_a_one_line_error_naming_the_file(run, tmp_path, content, message):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = run("ingest", path)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and str(path) in result.stderr and message in result.stderr


def test_a_folder_is_not_a_document(run, tmp_path):
    result = run("ingest", tmp_path)
    assert result.exit_code == 2
    assert result.stderr == f"casegraph: error: {tmp_path}: a folder; ingest reads one file (plain text, Markdown or PDF)\n"


def test_ten_megabytes_is_refused_with_the_limit_and_how_to_raise_it(run, tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("Le juge a rejeté la demande des auteurs. " * 250_000, encoding="utf-8")  # ~10 MB
    result = run("ingest", path)
    assert result.exit_code == 2
    assert "10.5 MB is more than the 5.0 MB limit" in result.stderr and "--max-size" in result.stderr


def test_cli_json_and_accept_into_a_folder_then_open_it_with(run, tmp_path):
    article = HERE / "article-en.txt"
    shown = run("ingest", article, "--json")
    assert shown.exit_code == 0
    doc = json.loads(shown.stdout)
    assert doc["quotes"][0]["speaker_entity"] == iri("person:ahmad-al-dahle")
    assert not (tmp_path / "in").exists()

    first = run("ingest", article, "--url", "https://example.org/en", "--accept", "--into", tmp_path / "in")
    assert first.exit_code == 0, first.stderr
    [written] = (tmp_path / "in").glob("*.trig")
    bytes_once = written.read_bytes()
    assert run("ingest", article, "--url", "https://example.org/en", "--accept", "--into",
               tmp_path / "in").exit_code == 0
    assert written.read_bytes() == bytes_once  # the same file gives the same graph, byte for byte
    checked = run("--with", tmp_path / "in", "validate")
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    said = run("--with", tmp_path / "in", "statements", "--speaker", "Zuckerberg")
    assert "https://example.org/en" in said.stdout


def test_review_table_lists_each_kind_of_finding(run):
    result = run("ingest", HERE / "article-fr.txt")
    assert result.exit_code == 0
    for heading in ("mentions of known entities (21)", "quotations (6)", "new names (candidates) (1)",
                    "citations (2)"):
        assert heading in result.stdout
    text = (HERE / "article-fr.txt").read_text(encoding="utf-8")
    start, end = span(text, "Franchement, c'est GPT4 qu'il nous faut viser.")
    # the speaker, then how sure the attribution is (a French text), its date and its kind
    assert re.search(rf"{start}-{end}\s+Ahmad Al Dahle\s+[01]\.\d\d\s+2023-10\s+quote", result.stdout)


def _tiny_pdf(line: str) -> bytes:
    """A one-page PDF whose text layer is ``line`` (Helvetica), built by hand: no PDF writer needed."""
    stream = zlib.compress(f"BT /F1 12 Tf 72 720 Td ({line}) Tj ET".encode("latin-1"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)




def test_shortened_names_give_way_to_full_ones():
    # A name without its middle initial or company form still finds its entity, but loses to an entity's own
    # name: "Andrea Bartz" is the author, not the company Andrea Bartz Inc.
    gazetteer = Gazetteer([("urn:person", "Andrea Bartz", "person"), ("urn:firm", "Andrea Bartz Inc.", "organization"),
                           ("urn:judge", "Sidney H. Stein", "person"), ("urn:meta", "Meta Platforms, Inc.", "organization")])
    found = [(m.text, m.entity) for m in gazetteer.find("Andrea Bartz; Sidney Stein; Meta Platforms; Andrea Bartz Inc.")]
    assert found == [("Andrea Bartz", "urn:person"), ("Sidney Stein", "urn:judge"), ("Meta Platforms", None),
                     ("Andrea Bartz Inc", "urn:firm")]
    # A name without its company form is a short form: it links once the document names the company in full.
    found = [(m.text, m.entity) for m in gazetteer.find("Meta Platforms, Inc. appealed. Meta Platforms lost.")]
    assert found == [("Meta Platforms, Inc", "urn:meta"), ("Meta Platforms", "urn:meta")]


def test_speakers_named_after_the_verb_by_a_role_or_as_a_spokesperson(bundled):
    text = ('"Nobody asked us," said Dana Whitlock, one of the writers. The poet Elias Brandt was blunter. '
            'He told reporters: "It was taken." A spokesperson for the guild said: "We expect a long fight."')
    quotes = bundled.ingest(text=text, lang="en").quotes
    assert [(q.text, q.speaker) for q in quotes] == [("Nobody asked us", "Dana Whitlock"),
                                                     ("It was taken.", "Elias Brandt"),
                                                     ("We expect a long fight.", "unnamed spokesperson")]


def test_a_new_person_named_again_by_the_last_name_is_one_name_and_speaks_under_the_full_one(bundled):
    text = ("Paul Garber, a primatologist at the University of Illinois, studied monkeys for decades. The forests "
            'are shrinking. "We are running out of time," Garber said on Monday.')
    reading = bundled.ingest(text=text, lang="en")
    assert [(q.text, q.speaker) for q in reading.quotes] == [("We are running out of time", "Paul Garber")]
    garber = [c for c in reading.candidates if "Garber" in c.text]
    assert [(c.text, [text[s:e] for s, e in c.occurrences]) for c in garber] == [("Paul Garber",
                                                                                    ["Paul Garber", "Garber"])]
    # Two new people share the last name: "Obama" alone could be either, and is neither of them.
    text = ('Barack Obama, a former president, met students. Michelle Obama, a lawyer, spoke first. '
            '"Education comes first," Obama said.')
    reading = bundled.ingest(text=text, lang="en")
    assert [q.speaker in ("Barack Obama", "Michelle Obama") for q in reading.quotes] == [False]
    assert sorted(c.text for c in reading.candidates if "Obama" in c.text) == ["Barack Obama", "Michelle Obama"]


def test_a_title_does_not_make_a_name_fuller():
    from casegraph.ingest.candidates import Candidate, full_names

    text = "M. Houdré et Paul Garber ont parlé. Houdré a répondu, Garber aussi."
    found = [Candidate("M. Houdré", 0, 9, "Person", "spacy", [(0, 9), (36, 42)]),
             Candidate("Paul Garber", 13, 24, "Person", "spacy", [(13, 24), (54, 60)])]
    assert full_names(text, found) == {"Garber": "Paul Garber"}


def test_a_french_speaker_is_named_as_fully_as_the_text_names_them(bundled):
    text = ("Le primatologue Paul Garber étudie les singes depuis trente ans. Les forêts reculent vite. "
            "« Le temps presse », a déclaré Garber lundi.")
    reading = bundled.ingest(text=text, lang="fr")
    assert [(q.text, q.speaker) for q in reading.quotes] == [("Le temps presse", "Paul Garber")]
    assert [c.text for c in reading.candidates] == ["Paul Garber"]  # the recogniser's "Garber" is the same person


def test_a_body_named_again_by_its_first_word_is_one_body_and_speaks_under_its_name(bundled):
    text = ("Le 10 janvier, l'Ordre de Malte a publié un communiqué. Le 12 janvier, l'Ordre a jugé cette décision "
            "« inacceptable » .")
    reading = bundled.ingest(text=text, lang="fr")
    assert [(q.text, q.speaker) for q in reading.quotes] == [("inacceptable", "Ordre de Malte")]
    assert [(c.text, len(c.occurrences)) for c in reading.candidates if "Ordre" in c.text] == [("Ordre de Malte", 2)]


def test_a_first_word_two_bodies_share_stays_apart():
    from casegraph.ingest.candidates import Candidate, _with_first_words

    found = [Candidate("Parti socialiste", 3, 19, "Organization", "spacy", [(3, 19)]),
             Candidate("Parti communiste", 26, 42, "Organization", "spacy", [(26, 42)]),
             Candidate("Parti", 64, 69, "Organization", "spacy", [(64, 69)])]
    assert [c.text for c in _with_first_words(list(found))] == ["Parti socialiste", "Parti communiste", "Parti"]
    # one body written more or less fully is one body
    found = [Candidate("Ordre de Malte", 3, 17, "Organization", "spacy", [(3, 17)]),
             Candidate("Ordre souverain de Malte", 40, 64, "Organization", "spacy", [(40, 64)]),
             Candidate("Ordre", 90, 95, "Organization", "spacy", [(90, 95)])]
    merged = _with_first_words(list(found))
    assert [(c.text, c.occurrences) for c in merged] == [("Ordre de Malte", [(3, 17), (90, 95)]),
                                                         ("Ordre souverain de Malte", [(40, 64)])]


@pytest.mark.slow
def test_news_texts_quotes_are_attributed_and_known_entities_found(bundled):
    # Every marked news text, those written later by someone who did not see the extractor included.
    attributed = quotes = recalled = marked = 0
    for name, gold in GOLD.items():
        if name.startswith("_"):
            continue
        text = (HERE / name).read_text(encoding="utf-8")
        reading = bundled.ingest(HERE / name)
        found = {(q.start, q.end): q.speaker_entity or q.speaker for q in reading.quotes}
        for words, speaker, entity, _when, _kind in gold["quotes"]:
            quotes += 1
            attributed += found.get(span(text, words)) == (iri(entity) or speaker)
        links = {(m.start, m.end, json.dumps(m.entity or sorted(m.ambiguous))) for m in reading.mentions if m.linked}
        for words, n, entity in gold["mentions"]:
            marked += 1
            recalled += (*span(text, words, n), json.dumps(iri(entity))) in links
    assert quotes >= 50 and attributed / quotes >= 0.95
    assert marked >= 200 and recalled / marked >= 0.9
