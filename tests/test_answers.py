"""The bundled graph answers the questions users ask, with the right answers (not just some rows)."""

from click.testing import CliRunner

from casegraph.cli import cli

AIBASE_FR = "https://www.aibase.com/fr/news/14716"
AL_DAHLE = "https://w3id.org/casegraph/id/person/ahmad-al-dahle"
ORG = "https://w3id.org/casegraph/id/organization/"


def test_who_said_mistral_is_peanuts_in_either_language(bundled):
    rows = [r for r in bundled.saved("who-said-what").rows
            if "peanuts" in r["text"] or "jeu d’enfant" in r["text"]]
    assert {r["wording"] for r in rows} == {"original", "quoted"}
    assert {r["lang"] for r in rows} == {"en", "fr"}
    assert {r["speaker"] for r in rows} == {AL_DAHLE}
    assert {r["statement"] for r in rows} == {rows[0]["statement"]}, "both wordings are one statement"
    sources = {r["source"] for r in rows}
    assert AIBASE_FR in sources
    assert any("bitgem.dev" in s or "theoutpost.ai" in s for s in sources)
    # No source dates this message or names its addressee: the graph must not invent them.
    assert {r["date"] for r in rows} == {None} and {r["addresseeName"] for r in rows} == {None}


def test_the_gpt4_message_has_date_addressee_and_both_wordings(bundled):
    [view] = [v for v in bundled.statements(speaker="Al-Dahle", mentions="GPT-4") if v.date == "2023-10"]
    assert [label for _iri, label in view.addressees] == ["Hugo Touvron"]
    french = [w for w in view.wordings if w.lang == "fr"]
    english = [w for w in view.wordings if w.lang == "en"]
    # The article's wording is kept verbatim, non-breaking spaces included.
    assert french and "64\u00a0000 GPU" in french[0].text and french[0].source.url == AIBASE_FR
    assert english and all(w.original for w in english)
    assert "64k GPUs coming" in english[0].text


def test_statements_filter_by_speaker_and_mention(bundled):
    views = bundled.statements(speaker="al-dahle", mentions="Mistral AI")
    assert views and all(AL_DAHLE in [iri for iri, _l in v.speaker] for v in views)
    assert any("peanuts" in w.text for v in views for w in v.wordings)


def test_which_organisations_models_metas_leaders_targeted(bundled):
    rows = bundled.saved("rivals-targeted", company="Meta").rows
    rivals = {r["rival"] for r in rows}
    assert {ORG + "openai", ORG + "anthropic"} <= rivals
    assert ORG + "meta-platforms" not in rivals
    gpt4 = [r for r in rows if r["modelName"] == "GPT-4" and r["who"] == AL_DAHLE]
    assert gpt4 and gpt4[0]["relation"] == "targets" and AIBASE_FR in gpt4[0]["sources"]


def test_allegations_keep_their_status(bundled):
    rows = bundled.saved("allegations").rows
    statuses = {r["claim"].rsplit("/", 1)[-1]: r["statusName"] for r in rows}
    assert statuses["kadrey-direct-infringement"] == "Alleged"
    assert statuses["llama-3-trained-on-copyrighted-books"] == "Alleged"
    books3 = [r for r in rows if r["text"] and "Books3" in r["text"] and r["statusName"] == "Admitted"]
    assert books3, "Meta's admission about Books3 is recorded as admitted"
    libgen = [r for r in rows if r["text"] and "LibGen" in r["text"]]
    assert libgen and all(r["statusName"] in ("Alleged", "Reported") for r in libgen), \
        "nothing about LibGen is established by a court"
    assert all(r["sources"] and r["assertedBy"] for r in rows)


def test_article_errors_are_kept_and_corrected(bundled):
    rows = bundled.saved("corrections").rows
    gpus = [r for r in rows if "64 000" in (r["erroneous"] or "").replace("\u00a0", " ")]
    assert gpus and "coming" in gpus[0]["corrected"] and gpus[0]["erroneousUrl"] == AIBASE_FR
    assert any("procureur" in (r["erroneous"] or "") and "plaintiffs" in r["corrected"] for r in rows)


def test_timeline_orders_the_kadrey_rulings(bundled):
    rulings = [r for r in bundled.saved("timeline", case="Kadrey v. Meta").rows if r["kind"] == "Ruling"]
    dates = [str(r["date"]) for r in rulings]
    assert dates == sorted(dates)
    assert dates[0] == "2023-11-20" and "2025-06-25" in dates and dates.index("2025-03-07") < dates.index("2025-06-25")


def test_the_five_article_quotes_are_in_french(bundled):
    french = {w.text for v in bundled.statements() for w in v.wordings
              if w.lang == "fr" and w.source.url == AIBASE_FR}
    for start in ("Honnêtement, notre objectif doit être GPT-4", "Mistral est un jeu d’enfant",
                  "Llama3 est la seule chose qui m’importe", "Avons-nous les ensembles de données appropriés",
                  "Cette année, Llama3 est compétitif"):
        assert any(text.startswith(start) for text in french), start


def describe_first_line(*args: str):
    result = CliRunner().invoke(cli, ["describe", *args])
    return result.exit_code, (result.stdout.splitlines() or [""])[0], result.stderr


def test_describe_resolves_spelling_variants_to_one_entity():
    models = {describe_first_line(name)[1] for name in ("llama3", "LLaMA 3", "Llama 3")}
    assert models == {"Llama 3  <https://w3id.org/casegraph/id/model/llama-3>"}
    people = {describe_first_line(name)[1] for name in ("Ahmad Al-Dahle", "al-dahle")}
    assert people == {f"Ahmad Al-Dahle  <{AL_DAHLE}>"}


def test_describe_unknown_name_exits_2_and_suggests_meta():
    code, _out, err = describe_first_line("Metta")
    assert code == 2
    assert "did you mean 'Meta" in err and "Traceback" not in err


def test_describe_shows_sources_and_status(bundled):
    description = bundled.describe("Kadrey v. Meta")
    assert description.classes == ["legal case"]
    court = [f for f in description.facts if f.predicate_label == "court"]
    assert court and court[0].value_label.startswith("U.S. District Court")
    assert all(s.url and s.url.startswith("http") for f in description.facts for s in f.sources)
    causes = [f for f in description.facts if f.predicate_label == "cause of action"]
    assert causes and {f.status for f in causes} == {"alleged"}
    french = bundled.describe("Kadrey v. Meta", lang="fr")
    assert [f.predicate_label for f in french.facts if f.value_iri == court[0].value_iri] == ["juridiction"]


def test_paraphrases_are_marked_as_such(bundled):
    rows = [r for r in bundled.saved("who-said-what").rows if r["text"].startswith("Al-Dahle also asked")]
    assert rows and {r["wording"] for r in rows} == {"paraphrase"}
