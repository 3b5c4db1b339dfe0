"""The audit of the bundled data, as questions to the graph: each test asks what would have caught one error.

The errata E1-E20 come from an audit that re-read the stored copies of the source pages; the numbered audit fixes
(#6, #12, #15, #17, #23) from a random re-audit of 40 facts that found them true but sourced to a page that does not
state them. Each test checks the fact and, where the error was the source, which page's graph states it.
"""

from datetime import date

from rdflib import URIRef

CG = "https://w3id.org/casegraph/ontology#"
CASE = "https://w3id.org/casegraph/id/case/"
PERSON = "https://w3id.org/casegraph/id/person/"
KADREY = URIRef(CASE + "cand-3-23-cv-03417")
BARTZ = CASE + "cand-3-24-cv-05417"
ANDERSEN = CASE + "cand-3-23-cv-00201"
CONCORD_TN, CONCORD_CA = CASE + "tnmd-3-23-cv-01092", CASE + "cand-5-24-cv-03811"

DISMISSALS = ["Dismissed", "DismissedWithLeave", "DismissedWithoutPrejudice", "DismissedWithPrejudice"]
FOR_PLAINTIFF = ["LiabilityFound", "InfringementFound", "SummaryJudgmentForPlaintiff"]


GOODJOURNEY = ("https://www.goodjourneyconsulting.com/blog/"
               "opinion-issued-on-motions-to-dismiss-for-the-nyt-copyright-consolidated-case-group")
IPLAWYERLA_NYT = "https://iplawyerla.com/blog/new-york-times-v-openai-output-infringement/"
DAILYNEWSNBLOG = "https://dailynewsnblog.com/authors-lucky-break-in-court-may-help-class-action-over-meta-torrenting/"
TATERNEWS = "https://taternews.com/?p=789"
HUSCHBLACKWELL = ("https://huschblackwell.com/newsandinsights/"
                  "delaware-court-grants-summary-judgment-to-plaintiff-in-machine-learning-/-ai-copyright-case")
JUSTIA_ROSS_547 = "https://law.justia.com/cases/federal/district-courts/delaware/dedce/1:2020cv00613/72109/547/"
BAFFIC = "https://baffic.com/mark-zuckerberg-advocates-for-open-source-ai-as-meta-launches-llama-3-1/"
AIBASE_FR = "https://www.aibase.com/fr/news/14716"
GENTIC = "https://gentic.news/glossary/stability-ai"
VENTUREBEAT = ("https://venturebeat.com/ai/"
               "stable-diffusion-creator-stability-ai-raises-101m-funding-to-accelerate-open-source-ai/")




def urls_stating(bundled, pattern: str, **bindings) -> set[str]:
    """The source URLs of the graphs in which ``pattern`` (a SPARQL triple pattern) holds."""
    rows = bundled.query(
        f"SELECT DISTINCT ?url WHERE {{ GRAPH ?g {{ {pattern} }} ?g prov:wasDerivedFrom/schema:url ?url }}",
        **bindings).rows
    return {str(r["url"]) for r in rows}


# --- Kadrey v. Meta, Meta, Mixtral ------------------------------------------------------------------------------

# E1 -----------------------------------------------------------------------------------------------------------

def test_e1_the_2023_11_20_dismissals_other_than_negligence_were_with_leave_to_amend(bundled):
    rows = bundled.query("""
        SELECT ?d ?outcome WHERE {
          ?d cg:ruling event:kadrey-2023-11-20-order-dismiss ; cg:outcome ?outcome .
        }""").rows
    outcomes: dict[str, set[str]] = {}
    for r in rows:
        outcomes.setdefault(r["d"].rsplit("/", 1)[-1], set()).add(r["outcome"].rsplit("#", 1)[-1])
    assert outcomes.pop("kadrey-2023-11-20-negligence") == {"DismissedWithPrejudice"}
    assert outcomes.pop("kadrey-2023-11-20-direct-infringement") == {"Survived"}
    # every other claim the order reached, the derivative-work theory among them, was dismissed with leave: the
    # most precise outcome any source gives; a source that says only "dismissed" agrees with it, no more
    assert "kadrey-2023-11-20-derivative-work" in outcomes and len(outcomes) >= 5
    assert all("DismissedWithLeave" in found and found <= {"DismissedWithLeave", "Dismissed"}
               for found in outcomes.values()), outcomes


def test_e1_the_derivative_work_and_negligence_fates_rest_on_the_pages_that_state_them(bundled):
    leave = urls_stating(
        bundled, "disposition:kadrey-2023-11-20-derivative-work cg:outcome cg:DismissedWithLeave")
    assert any("loeb.com" in u for u in leave) and any("chatgptiseatingtheworld.com/2023/11/21" in u for u in leave)
    prejudice = urls_stating(
        bundled, "disposition:kadrey-2023-11-20-negligence cg:outcome cg:DismissedWithPrejudice")
    assert any("loeb.com" in u for u in prejudice) and any("chatgptiseatingtheworld.com" in u for u in prejudice)


# E2 -----------------------------------------------------------------------------------------------------------

def test_e2_the_27_february_2025_order_only_asks_for_proposals(bundled):
    rows = bundled.query("""
        SELECT ?e ?entry ?text WHERE {
          ?e cg:inCase ?case ; cg:date ?d ; cg:description ?text FILTER(LANG(?text) = "en")
          FILTER(STR(?d) = "2025-02-27")
          OPTIONAL { ?e cg:docketEntry ?entry }
        }""", case=KADREY).rows
    assert rows, "the 27 February 2025 order is in the graph"
    for r in rows:
        assert "adopts" not in r["text"], "the adoption came later, in ECF 470"
    assert {r["entry"] for r in rows} == {"ECF 461"}
    assert any("ECF 470" in r["text"] for r in rows)


# E3 -----------------------------------------------------------------------------------------------------------

def test_e3_chhabrias_appointment_is_sourced_to_a_page_that_states_it(bundled):
    urls = urls_stating(
        bundled, 'person:vince-chhabria cg:description ?t FILTER(CONTAINS(?t, "Obama"))')
    assert urls, "some source says who appointed Chhabria"
    assert all("bignewsnetwork" in u or "theflashnews" in u for u in urls), urls
    assert not any("studylib" in u for u in urls)


# E4 -----------------------------------------------------------------------------------------------------------

def test_e4_each_hearing_quote_sits_in_the_graph_of_the_page_that_carries_it(bundled):
    def urls_quoting(fragment: str) -> set[str]:
        return urls_stating(
            bundled, f'?s a cg:Statement ; cg:speaker person:vince-chhabria ; cg:text ?t '
                     f'FILTER(CONTAINS(STR(?t), "{fragment}"))')

    not_doing = urls_quoting("You are not doing your job")
    assert not_doing and all("theflashnews.co" in u for u in not_doing), not_doing
    for fragment in ("barely been litigating the case", "I will not certify a class represented by this legal team"):
        assert any("bnnbloomberg.ca" in u for u in urls_quoting(fragment)), fragment
    assert not any("bnnbloomberg" in u for u in not_doing)


# E9 -----------------------------------------------------------------------------------------------------------

def test_e9_mixtral_release_dates_stay_with_their_sources_and_the_disagreement_is_recorded(bundled):
    rows = bundled.query("""
        SELECT ?date ?url WHERE { GRAPH ?g { model:mixtral-8x7b cg:releasedOn ?date }
                                  ?g prov:wasDerivedFrom/schema:url ?url }""").rows
    by_date = {r["date"]: str(r["url"]) for r in rows}
    assert "simonwillison.net" in by_date[date(2023, 12, 8)]
    assert "noze.it" in by_date[date(2023, 12, 11)]
    [row] = bundled.query("""
        SELECT (COUNT(DISTINCT ?doc) AS ?n) WHERE {
          ?d a cg:Disagreement ; cg:disputedSubject model:mixtral-8x7b ; cg:disputedProperty cg:releasedOn ;
             cg:disagreeingSource ?doc }""").rows
    assert int(row["n"]) == 2
    [conflict] = [c for c in bundled.conflicts().found if c.subject.endswith("/model/mixtral-8x7b")]
    assert conflict.explained


# E10 ----------------------------------------------------------------------------------------------------------

def test_e10_metas_founding_date_is_disputed_not_settled(bundled):
    rows = bundled.query("""
        SELECT ?date ?url WHERE { GRAPH ?g { organization:meta-platforms cg:foundedOn ?date }
                                  ?g prov:wasDerivedFrom/schema:url ?url }""").rows
    urls: dict[date, set[str]] = {}
    for r in rows:
        urls.setdefault(r["date"], set()).add(str(r["url"]))
    assert set(urls) == {date(2004, 1, 4), date(2004, 2, 4)}
    assert any("techsciencenews" in u for u in urls[date(2004, 1, 4)])
    assert any("brandlogos" in u for u in urls[date(2004, 1, 4)])
    assert any("id.wikipedia.org" in u for u in urls[date(2004, 2, 4)])
    [conflict] = [c for c in bundled.conflicts().found
                  if c.subject.endswith("/organization/meta-platforms") and c.property == CG + "foundedOn"]
    assert conflict.explained and conflict.explanation.startswith("disagreement")


# E15 ----------------------------------------------------------------------------------------------------------

def test_e15_lemleys_role_for_meta_ended_in_january_2025(bundled):
    rows = bundled.query("""
        SELECT ?role ?start ?end ?endedBy WHERE {
          ?role a cg:Role ; cg:qualifiedSubject ?case ; cg:qualifiedProperty cg:defendantsCounsel ;
                cg:qualifiedObject person:mark-a-lemley .
          OPTIONAL { ?role cg:startDate ?start } OPTIONAL { ?role cg:endDate ?end }
          OPTIONAL { ?role cg:endedBy ?endedBy }
        }""", case=KADREY).rows
    assert len(rows) == 1
    [row] = rows
    assert str(row["end"]).startswith("2025-01")
    assert str(row["start"]).startswith("2023")
    assert row["endedBy"].endswith("/event/kadrey-2025-01-lemley-withdraws")
    # the plain triple stays beside the role
    assert bundled.query("ASK { ?case cg:defendantsCounsel person:mark-a-lemley }", case=KADREY).raw.askAnswer


def test_e15_plaintiffs_have_roles_that_start_when_they_joined(bundled):
    rows = bundled.query("""
        SELECT ?who ?start ?end WHERE {
          ?role a cg:Role ; cg:qualifiedSubject ?case ; cg:qualifiedProperty cg:plaintiff ; cg:qualifiedObject ?who .
          OPTIONAL { ?role cg:startDate ?start } OPTIONAL { ?role cg:endDate ?end }
        }""", case=KADREY).rows
    starts = {r["who"].rsplit("/", 1)[-1]: str(r["start"]) for r in rows}
    assert starts["michael-chabon"].startswith("2023-12")
    assert starts["ta-nehisi-coates"].startswith("2023-12")
    assert starts["richard-kadrey"] == "2023-07-07"
    # no stored page dates Chabon's leaving the case: the graph must not invent an end
    assert all(r["end"] is None for r in rows if r["who"].endswith("/michael-chabon"))
    # every role restates a plain triple that some source states
    for who in starts:
        assert bundled.query(f"ASK {{ ?case cg:plaintiff person:{who} }}", case=KADREY).raw.askAnswer, who


# U ------------------------------------------------------------------------------------------------------------

def test_u_the_unsealing_date_conflict_is_found_and_explained_by_a_correction(bundled):
    rows = bundled.query("""
        SELECT ?date ?url WHERE { GRAPH ?g { event:kadrey-2025-01-08-unsealing cg:date ?date }
                                  ?g prov:wasDerivedFrom/schema:url ?url }""").rows
    by_date = {r["date"]: str(r["url"]) for r in rows}
    assert "inkl.com" in by_date[date(2025, 1, 14)] and "whatthefuture.ai" in by_date[date(2025, 1, 8)]
    [conflict] = [c for c in bundled.conflicts().found if c.subject.endswith("/event/kadrey-2025-01-08-unsealing")]
    assert conflict.property == CG + "date"
    assert conflict.explained and conflict.explanation.startswith("correction")
    [row] = bundled.query("""
        SELECT ?c WHERE { ?c a cg:Correction ; cg:corrects event:kadrey-2025-01-08-unsealing ;
                             cg:correctedProperty cg:date ;
                             cg:erroneousSource document:inkl-meta-leaders-ai-rivalry ;
                             cg:correctingSource document:whatthefuture-meta-libgen-court-files }""").rows
    # TheStreet's reading is kept as a reported claim
    assert bundled.query("ASK { claim:court-unsealed-meta-pages-2025-01-14 cg:status cg:Reported }").raw.askAnswer


# --- the wider landscape ---------------------------------------------------------------------------------------

def values(outcomes):
    return " ".join(f"cg:{o}" for o in outcomes)


# --- E5: Cruz v. Anthropic is a suit of its own, not a filing in Bartz --------------------------------------

def test_no_event_of_bartz_is_the_cruz_complaint(bundled):
    rows = bundled.query("""
        SELECT ?event WHERE { ?event cg:inCase ?bartz ; rdfs:label ?label FILTER(CONTAINS(?label, "Cruz")) }""",
                         bartz=bundled.entity(BARTZ)).rows
    assert rows == []
    # the complaint itself is still there, dated, and filed in no case of Bartz's
    [row] = bundled.query("""
        SELECT ?date WHERE { ?e a cg:Filing ; cg:date ?date ; rdfs:label ?l
                             FILTER(LANG(?l) = "en" && STRSTARTS(?l, "Cruz v. Anthropic")) }""").rows
    assert str(row["date"]) == "2026-05-13"


def test_cruz_v_anthropic_is_a_case_related_to_bartz(bundled):
    rows = bundled.query("""
        SELECT ?case WHERE { ?case a cg:LegalCase ; rdfs:label ?l ; cg:relatedCase ?bartz
                             FILTER(STRSTARTS(STR(?l), "Cruz v. Anthropic")) }""",
                         bartz=bundled.entity(BARTZ)).rows
    assert len(rows) == 1


# --- E6: one disposition per fate in Andersen v. Stability AI's order of 30 October 2023 --------------------

def test_andersen_direct_infringement_fates_per_party(bundled):
    rows = bundled.query("""
        SELECT ?party ?outcome WHERE {
          ?claim cg:inCase ?case ; cg:disposition ?d .
          ?d cg:ruling/cg:date "2023-10-30"^^xsd:date ; cg:outcome ?outcome .
          OPTIONAL { ?d cg:forParty ?party }
          FILTER(CONTAINS(STR(?claim), "direct-infringement"))
        }""", case=bundled.entity(ANDERSEN)).rows
    fate = {}
    for row in rows:
        assert row["party"], "a disposition without cg:forParty would decide the claim for all three artists"
        fate[row["party"].rsplit("/", 1)[-1]] = row["outcome"].rsplit("#", 1)[-1]
    assert fate["sarah-andersen"] == "Survived"
    assert fate["kelly-mckernan"] in DISMISSALS and fate["karla-ortiz"] in DISMISSALS


# --- E7: judgments for the plaintiff are not claims that merely survived ------------------------------------

def test_gema_getty_trademark_and_ross_dispositions_are_for_the_plaintiff(bundled):
    rows = bundled.query("""
        SELECT ?d ?outcome ?favoured WHERE {
          VALUES ?d { disposition:gema-memorisation-in-model-2025-11-11 disposition:gema-reproduction-in-outputs-2025-11-11
                      disposition:getty-uk-trademark-s10-1-2-2025-11-04
                      disposition:thomson-reuters-headnotes-infringement-2025-02-11 }
          ?d cg:outcome ?outcome ; cg:inCase ?case .
          OPTIONAL { ?d cg:inFavourOf ?favoured }
        }""").rows
    assert len({r["d"] for r in rows}) == 4
    for row in rows:
        assert row["outcome"].rsplit("#", 1)[-1] in FOR_PLAINTIFF, row
        assert row["favoured"], f"{row['d']} names no party it favours"
    favours_a_non_plaintiff = bundled.query("""
        ASK { ?d cg:inFavourOf ?p ; cg:inCase ?case
              FILTER(?d IN (disposition:gema-memorisation-in-model-2025-11-11, disposition:getty-uk-trademark-s10-1-2-2025-11-04,
                            disposition:thomson-reuters-headnotes-infringement-2025-02-11))
              FILTER NOT EXISTS { ?case cg:plaintiff ?p } }""")
    assert favours_a_non_plaintiff.boolean is False


def test_the_2025_ross_ruling_sits_in_the_graph_of_a_page_that_reports_it(bundled):
    # Justia's document 547 is the 2023 opinion: it cannot state the 2025 one.
    [row] = bundled.query("""
        SELECT ?url WHERE { GRAPH ?g { disposition:thomson-reuters-headnotes-infringement-2025-02-11 cg:outcome ?o }
                            ?g prov:wasDerivedFrom/schema:url ?url }""").rows
    assert "justia" not in row["url"]


# --- E8 / E20: Concord v. Anthropic, one suit on two dockets ------------------------------------------------

def test_concord_was_filed_in_tennessee_in_october_2023_and_transferred(bundled):
    [row] = bundled.query("SELECT ?filed ?to WHERE { ?tn cg:filedOn ?filed ; cg:transferredTo ?to }",
                          tn=bundled.entity(CONCORD_TN)).rows
    assert str(row["filed"]) == "2023-10" and row["to"] == CONCORD_CA


def test_the_california_docket_opening_date_is_derived_not_stated(bundled):
    rows = bundled.query("""
        SELECT ?method ?derivation WHERE {
          GRAPH ?g { ?ca cg:filedOn ?d } ?g cg:method ?method .
          OPTIONAL { GRAPH ?g { ?derivation cg:derivedSubject ?ca ; cg:derivedPredicate cg:filedOn } }
        }""", ca=bundled.entity(CONCORD_CA)).rows
    assert rows and all(r["method"] == CG + "DerivedByHand" and r["derivation"] for r in rows)


def test_counting_suits_counts_concord_once(bundled):
    rows = bundled.query("""
        SELECT DISTINCT ?case WHERE {
          ?case a cg:LegalCase ; cg:defendant organization:anthropic ; rdfs:label ?l
          FILTER(CONTAINS(?l, "Concord")) FILTER NOT EXISTS { ?case cg:transferredTo ?later } }""").rows
    # the first suit once, under its California docket; the publishers' second suit (2026) is a suit of its own
    assert sorted(r["case"] for r in rows) == [CONCORD_CA, CASE + "cand-concord-v-anthropic-ii-2026"]


# --- E11: the Bartz settlement's figures come from pages that state them ------------------------------------

def test_the_settlement_figures_are_not_sourced_to_a_page_written_before_them(bundled):
    rows = bundled.query("""
        SELECT ?url WHERE { GRAPH ?g { ?s a cg:Settlement ; cg:inCase ?bartz } ?g prov:wasDerivedFrom/schema:url ?url }""",
                         bartz=bundled.entity(BARTZ)).rows
    urls = {r["url"] for r in rows}
    assert urls and not any("heathermeeker" in u for u in urls)
    [amount] = bundled.query("""
        SELECT ?url WHERE { GRAPH ?g { ?s a cg:Settlement ; cg:amount ?a } ?g prov:wasDerivedFrom/schema:url ?url
                            FILTER(LANG(?a) = "en" && CONTAINS(?a, "1.5 billion")) }""").rows
    assert "localnewswave" in amount["url"]


# --- E12: Chabon in MDL No. 3143 is an inference -------------------------------------------------------------

def test_chabons_place_in_the_mdl_is_marked_as_derived(bundled):
    rows = bundled.query("""
        SELECT ?g ?method WHERE {
          GRAPH ?g { { ?chabon cg:relatedCase case:nysd-mdl-3143 } UNION
                     { ?chabon cg:caseStatus ?s FILTER(CONTAINS(?s, "3143")) } }
          ?g cg:method ?method }""", chabon=bundled.entity(CASE + "cand-3-23-cv-04625")).rows
    assert rows and all(r["method"] == CG + "DerivedByHand" for r in rows)


# --- E13: plaintiffs named by one low-confidence page are that page's claims --------------------------------

def test_dubus_and_orlean_are_reported_plaintiffs_not_plain_ones(bundled):
    nvidia = bundled.entity(CASE + "cand-4-24-cv-01454")
    plain = {r["p"] for r in bundled.query("SELECT ?p WHERE { ?case cg:plaintiff ?p }", case=nvidia).rows}
    assert not plain & {PERSON + "andre-dubus-iii", PERSON + "susan-orlean"}
    claimed = {r["p"] for r in bundled.query("""
        SELECT ?p WHERE { ?c a cg:Claim ; cg:status cg:Reported ; cg:claimSubject ?case ;
                          cg:claimPredicate cg:plaintiff ; cg:claimObject ?p }""", case=nvidia).rows}
    assert claimed == {PERSON + "andre-dubus-iii", PERSON + "susan-orlean"}


# --- E14: Getty's "12 million photos" is Getty's allegation -------------------------------------------------

def test_the_size_of_gettys_photo_set_is_only_alleged(bundled):
    assert bundled.query("SELECT ?s WHERE { dataset:getty-images-photos cg:size ?s }").rows == []
    rows = bundled.query("""
        SELECT ?c WHERE { ?c a cg:Claim ; cg:status cg:Alleged ; cg:assertedBy organization:getty-images ;
                              cg:mentions dataset:getty-images-photos ; cg:claimText ?t
                          FILTER(LANG(?t) = "en" && CONTAINS(?t, "12 million")) }""").rows
    assert len(rows) == 1


# --- E16: the Andersen trial date is disputed ---------------------------------------------------------------

def test_the_andersen_trial_dates_are_kept_with_their_sources_and_the_disagreement_recorded(bundled):
    rows = bundled.query("""
        SELECT ?date ?doc WHERE { GRAPH ?g { ?trial cg:inCase ?case ; cg:date ?date ; rdfs:label ?l
                                             FILTER(CONTAINS(?l, "trial")) }
                                  ?g prov:wasDerivedFrom ?doc }""", case=bundled.entity(ANDERSEN)).rows
    dates = {str(r["date"]): r["doc"] for r in rows}
    assert set(dates) == {"2026-09-08", "2027-04-05"}
    [disagreement] = bundled.query("""
        SELECT ?d WHERE { ?d a cg:Disagreement ; cg:disputedProperty cg:date ; cg:disputedSubject ?trial .
                          ?trial cg:inCase ?case }""", case=bundled.entity(ANDERSEN)).rows
    sources = {r["s"] for r in bundled.query("SELECT ?s WHERE { ?d cg:disagreeingSource ?s }",
                                             d=bundled.entity(disagreement["d"])).rows}
    assert set(dates.values()) <= sources


# --- E17: the Doe v. GitHub appeal has been argued ----------------------------------------------------------

def test_the_doe_v_github_appeal_was_argued_in_2026(bundled):
    [row] = bundled.query("""
        SELECT ?date WHERE { ?h a cg:Hearing ; cg:inCase ?case ; cg:involves court:ca9 ; cg:date ?date }""",
                          case=bundled.entity(CASE + "cand-4-22-cv-06823")).rows
    assert str(row["date"]).startswith("2026-02")
    statuses = [r["s"] for r in bundled.query("""
        SELECT ?s WHERE { ?case cg:caseStatus ?s FILTER(LANG(?s) = "en") }""",
                                              case=bundled.entity(CASE + "cand-4-22-cv-06823")).rows]
    assert any("argued" in s for s in statuses)
    assert not any("briefed in 2025" in s for s in statuses)


# --- E18: NYT's summary-judgment briefing is a reported claim, not the case's status -----------------------

def test_nyt_summary_judgment_briefing_is_a_reported_claim(bundled):
    nyt = bundled.entity(CASE + "nysd-1-23-cv-11195")
    statuses = [r["s"] for r in bundled.query("SELECT ?s WHERE { ?case cg:caseStatus ?s }", case=nyt).rows]
    assert statuses and not any("summary-judgment" in s or "2 April 2026" in s for s in statuses)
    rows = bundled.query("""
        SELECT ?c WHERE { ?c a cg:Claim ; cg:status cg:Reported ; cg:inCase ?case ; cg:claimText ?t
                          FILTER(LANG(?t) = "en" && CONTAINS(?t, "2 April 2026")) }""", case=nyt).rows
    assert len(rows) == 1


# --- E19: Bartz was reassigned; final approval was withheld -------------------------------------------------

def test_bartz_presiding_judges_in_time(bundled):
    rows = bundled.query("""
        SELECT ?judge ?start ?end WHERE {
          ?role a cg:Role ; cg:qualifiedSubject ?bartz ; cg:qualifiedProperty cg:presidingJudge ; cg:qualifiedObject ?judge .
          OPTIONAL { ?role cg:startDate ?start } OPTIONAL { ?role cg:endDate ?end } }""",
                         bartz=bundled.entity(BARTZ)).rows
    roles = {r["judge"].rsplit("/", 1)[-1]: (r["start"] and str(r["start"]), r["end"] and str(r["end"])) for r in rows}
    assert roles["william-alsup"][1] == "2025-12-31"
    assert roles["araceli-martinez-olguin"] == ("2025-12-31", None)
    current = [j for j, (_s, end) in roles.items() if end is None]
    assert current == ["araceli-martinez-olguin"]


def test_bartz_final_approval_was_withheld_at_the_fairness_hearing(bundled):
    statuses = [r["s"] for r in bundled.query("""
        SELECT ?s WHERE { ?bartz cg:caseStatus ?s FILTER(LANG(?s) = "en") }""", bartz=bundled.entity(BARTZ)).rows]
    assert any("14 May 2026" in s and "withheld" in s for s in statuses)
    dockets = {r["d"] for r in bundled.query("SELECT ?d WHERE { ?bartz cg:docketNumber ?d }",
                                             bartz=bundled.entity(BARTZ)).rows}
    assert "3:24-cv-05417" in dockets, "a source after the reassignment cites the docket without Alsup's suffix"


# --- the random re-audit: facts moved to the pages that state them ---------------------------------------------

# #6: the April 4 opinion's docket entry is given by goodjourneyconsulting.com, not by iplawyerla.com

def test_6_ecf_514_is_sourced_to_the_page_that_names_it(bundled):
    assert urls_stating(bundled, 'event:nyt-2025-04-04-opinion-dismiss cg:docketEntry "ECF 514"') == {GOODJOURNEY}


def test_6_the_iplawyerla_graph_says_nothing_of_the_april_4_opinion(bundled):
    assert IPLAWYERLA_NYT not in urls_stating(bundled, "event:nyt-2025-04-04-opinion-dismiss ?p ?o")
    # the opinion is still dated, in the graph of the page that dates it
    assert urls_stating(bundled, 'event:nyt-2025-04-04-opinion-dismiss cg:date "2025-04-04"^^xsd:date') \
        == {GOODJOURNEY}


# #12: "reluctantly" is in Ars Technica's story (dailynewsnblog.com's copy), not in the taternews post

def test_12_the_reluctantly_statement_is_sourced_to_the_ars_technica_copy(bundled):
    assert urls_stating(bundled, "statement:chhabria-reluctantly cg:speaker person:vince-chhabria") \
        == {DAILYNEWSNBLOG}
    # the whole statement moved: no triple about it is left in another graph
    assert urls_stating(bundled, "statement:chhabria-reluctantly ?p ?o") == {DAILYNEWSNBLOG}


def test_12_the_taternews_graph_does_not_say_reluctantly(bundled):
    rows = bundled.query("""
        SELECT ?s ?p ?o WHERE {
          GRAPH ?g { ?s ?p ?o FILTER(ISLITERAL(?o) && CONTAINS(LCASE(STR(?o)), "reluctant")) }
          ?g prov:wasDerivedFrom/schema:url ?url FILTER(STR(?url) = "%s") }""" % TATERNEWS).rows
    assert rows == []
    # what the post does say stays in its graph
    assert urls_stating(bundled, 'statement:chhabria-lame cg:text "lame"@en') == {TATERNEWS}


# #15: the 2025 fair-use ruling is stated by the Husch Blackwell page, not by Doc 547 (the 2023 opinion)

def test_15_the_no_fair_use_claim_is_sourced_to_huschblackwell(bundled):
    assert urls_stating(bundled, "claim:ross-use-not-fair-use cg:mentions dataset:westlaw-headnotes") \
        == {HUSCHBLACKWELL}


def test_15_doc_547_states_nothing_of_the_2025_ruling(bundled):
    for pattern in ("claim:ross-use-not-fair-use ?p ?o",
                    "event:thomson-reuters-2025-02-11-revised-opinion ?p ?o",
                    "?d cg:ruling event:thomson-reuters-2025-02-11-revised-opinion"):
        assert JUSTIA_ROSS_547 not in urls_stating(bundled, pattern), pattern
    # what Doc 547 does decide (the 2023 round) stays in its graph
    assert JUSTIA_ROSS_547 in urls_stating(
        bundled, 'event:thomson-reuters-2023-09-25-summary-judgment cg:date "2023-09-25"^^xsd:date')


# #17: the "future Llama models the most advanced" paraphrase is stated by baffic.com

def test_17_the_future_llama_statement_is_sourced_to_the_pages_that_carry_it(bundled):
    # The English paraphrase rests on baffic.com; the French one on the AIbase French article, whose closing
    # summary says it (the search index's copy of that page is cut short, so the audit could not see it).
    english = urls_stating(bundled, 'statement:zuckerberg-future-llama-most-advanced cg:paraphrase ?p '
                                    'FILTER(LANG(?p) = "en")')
    french = urls_stating(bundled, 'statement:zuckerberg-future-llama-most-advanced cg:paraphrase ?p '
                                   'FILTER(LANG(?p) = "fr")')
    assert (english, french) == ({BAFFIC}, {AIBASE_FR})


# #23: Stability AI's London headquarters is stated by gentic.news, not by the VentureBeat story

def test_23_stability_ai_headquarters_is_sourced_to_gentic_news(bundled):
    assert urls_stating(bundled, 'organization:stability-ai cg:headquarters "London, UK"') == {GENTIC}
    assert VENTUREBEAT not in urls_stating(bundled, "organization:stability-ai cg:headquarters ?hq")


# --- the second random re-audit, after the fixes: links filled in from knowledge of the case -------------------
# Each fact was true but sat in the graph of a page that does not state it.

CASETEXT_TREMBLAY_6 = "https://print.casetext.com/case/tremblay-v-openai-inc-6"
JUSTIA_KADREY_471 = "https://docs.justia.com/cases/federal/district-courts/california/candce/3:2023cv03417/415175/471"
CHATGPTISEATINGTHEWORLD_2023 = ("https://chatgptiseatingtheworld.com/2023/11/21/"
                                "judge-chhabria-dismisses-most-of-kadreys-claims-v-meta/")
LAW_COM_RADAR = "https://www.law.com/radar/card/kadrey-et-al-v-meta-platforms-inc-49508723-0/"
EDISCOVERY_61904 = "https://app.ediscoveryassistant.com/case_law/61904-kadrey-v-meta-platforms-inc"
CYBERNEWS = "https://cybernews.com/tech/meta-leeched-82-terabytes-of-pirated-books-to-train-its-llama-ai-documents-reveal/"
HEATHERMEEKER = "https://heathermeeker.com/2025/09/03/anthropic-settling-ai-class-action"


def test_a_page_that_never_names_the_case_does_not_place_the_touvron_message_in_it(bundled):
    stating = urls_stating(bundled, "statement:touvron-llama-2-data-mix cg:revealedIn case:cand-3-23-cv-03417")
    assert stating and not any("uuaa.net" in url for url in stating)


def test_an_order_captioned_tremblay_et_al_names_no_other_author_as_asserting_its_claims(bundled):
    asserting = bundled.query("""
        SELECT DISTINCT ?who WHERE { GRAPH ?g { ?claim cg:assertedBy ?who ; cg:inCase case:cand-3-23-cv-03223 }
                                     ?g prov:wasDerivedFrom/schema:url ?url }""",
                              url=URIRef(CASETEXT_TREMBLAY_6)).rows
    assert {r["who"] for r in asserting} == {PERSON + "paul-tremblay"}


def test_the_2025_order_states_neither_the_2023_dismissal_nor_golden(bundled):
    assert JUSTIA_KADREY_471 not in urls_stating(bundled, "?d cg:ruling event:kadrey-2023-11-20-order-dismiss")
    assert JUSTIA_KADREY_471 not in urls_stating(bundled, "claim:kadrey-dmca-1202b cg:assertedBy person:christopher-golden")
    assert CHATGPTISEATINGTHEWORLD_2023 in urls_stating(
        bundled, "disposition:kadrey-2023-11-20-dmca-1202b cg:outcome cg:DismissedWithLeave")


def test_saveris_firm_is_sourced_to_the_order_that_lists_him_with_it(bundled):
    stating = urls_stating(bundled, "person:joseph-r-saveri cg:memberOf organization:joseph-saveri-law-firm")
    assert EDISCOVERY_61904 in stating and LAW_COM_RADAR not in stating


def test_bibliotik_and_books3_are_not_sourced_to_pages_that_never_name_them(bundled):
    assert CYBERNEWS not in urls_stating(bundled, "case:cand-3-23-cv-03417 cg:datasetAtIssue dataset:bibliotik")
    assert HEATHERMEEKER not in urls_stating(bundled, "?x cg:mentions|cg:datasetAtIssue dataset:books3")
