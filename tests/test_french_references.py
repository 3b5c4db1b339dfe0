"""French legal references (casegraph.ingest.french_references): articles of codes, laws, decrees,
ordinances, EU acts, pourvoi, RG and Portalis numbers and ECLI, with the normalised forms of the spec.

The sentences here were written for these tests. The last test scores the rules on the French decisions of
tests/data/french whose marks say "heldout": false (the held-out ones are neither read nor scored here).
"""

import json
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from casegraph.ingest.french_references import ecli_parts, find_french_references

FRENCH = Path(__file__).parent / "data" / "french"


def found(text):
    references = find_french_references(text)
    for c in references:
        assert text[c.start:c.end] == c.text
    return [(c.kind, c.normalized) for c in references]


@pytest.mark.parametrize("text, expected", [
    ("La reproduction sans autorisation est illicite selon l'article L. 122-4 du CPI.",
     [("article", "art. L. 122-4 CPI")]),
    ("Le préjudice est réparé sur le fondement de l'article 1240 du Code civil.", [("article", "art. 1240 C. civ.")]),
    ("Les faits sont punis par l'art. L. 335-2 CPI.", [("article", "art. L. 335-2 CPI")]),
    ("Elle invoque l'article L.122-4 du CPI.", [("article", "art. L. 122-4 CPI")]),
    ("Il se prévaut de l'article L 122-4 du code de la propriété intellectuelle.", [("article", "art. L. 122-4 CPI")]),
    ("Vu l'article L122-4 du code de la propriété intellectuelle.", [("article", "art. L. 122-4 CPI")]),
    ("La société sollicite 2 000 euros au titre de l'article 700 du code de procédure civile.",
     [("article", "art. 700 CPC")]),
    ("Le licenciement viole l'article L. 1232-1 du code du travail.", [("article", "art. L. 1232-1 C. trav.")]),
    ("La clause est abusive au sens de l'article L. 212-1 du code de la consommation.",
     [("article", "art. L. 212-1 C. consom.")]),
    ("Il est poursuivi sur le fondement de l'article R. 625-2 du code pénal.", [("article", "art. R. 625-2 C. pén.")]),
    ("La juridiction applique l'article 6 bis du code de commerce.", [("article", "art. 6 bis C. com.")]),
    ("Ce droit figure à l'article L. 1 du code de la mutualité.", [("article", "art. L. 1 code de la mutualité")]),
    ("Le juge a retenu l'article 12 sans autre précision.", [("article", "art. 12")]),
])
def test_articles_of_codes(text, expected):
    assert found(text) == expected


def test_a_list_gives_one_reference_per_number_and_a_range_one_reference():
    text = ("Les exceptions des articles L. 122-5-1 et L. 122-5-2 du code de la propriété intellectuelle ne "
            "s'appliquent pas ; les articles 1240, 1241 et 1242 du code civil non plus, ni les articles L. 122-1 à "
            "L. 122-3 du même code.")
    assert found(text) == [("article", "art. L. 122-5-1 CPI"), ("article", "art. L. 122-5-2 CPI"),
                           ("article", "art. 1240 C. civ."), ("article", "art. 1241 C. civ."),
                           ("article", "art. 1242 C. civ."), ("article", "art. L. 122-1 à L. 122-3 C. civ.")]
    spans = [c.text for c in find_french_references(text)]
    # The first number's words begin at "articles", the last one's run to its code.
    assert spans[:2] == ["articles L. 122-5-1", "L. 122-5-2 du code de la propriété intellectuelle"]
    assert spans[3:5] == ["1241", "1242 du code civil"]
    assert spans[5] == "articles L. 122-1 à L. 122-3 du même code"


def test_the_same_code_is_the_last_code_named():
    text = ("Vu l'article L. 335-2 du code de la propriété intellectuelle, puis l'article 1240 du code civil ; "
            "l'article 1241 du même code, l'article 1242 dudit code et l'article 1243 de ce code.")
    assert found(text) == [("article", "art. L. 335-2 CPI"), ("article", "art. 1240 C. civ."),
                           ("article", "art. 1241 C. civ."), ("article", "art. 1242 C. civ."),
                           ("article", "art. 1243 C. civ.")]
    # A code named without an article is named all the same.
    assert found("Le code du travail s'applique, et notamment l'article L. 1221-1 du même code.") == [
        ("article", "art. L. 1221-1 C. trav.")]


def test_sub_divisions_and_codes_written_first():
    assert found("Selon l'article L. 122-5, 3°, e), du code de la propriété intellectuelle, la citation est libre.") \
        == [("article", "art. L. 122-5 CPI")]
    assert found("L'article 1240, alinéa 1er, du code civil est applicable.") == [("article", "art. 1240 C. civ.")]
    assert found("Voir C. civ., art. 1240 ; CPI, art. L. 111-1.") == [("article", "art. 1240 C. civ."),
                                                                       ("article", "art. L. 111-1 CPI")]


def test_lists_that_go_on_after_their_code_and_renumbered_articles():
    # Numbers after a code's name that name their own code or act are the list's too.
    assert found("Il a violé les articles 9 du code civil et 6-1 de la loi n° 89-462 du 6 juillet 1989.") == [
        ("article", "art. 9 C. civ."), ("article", "art. 6-1 loi n° 89-462")]
    # An article's new number ("devenu") is a reference to the same code.
    assert found("La cour d'appel a violé l'article 1147, devenu 1231-1, du code civil.") == [
        ("article", "art. 1147 C. civ."), ("article", "art. 1231-1 C. civ.")]
    assert found("Vu les articles 1382 ancien (devenu 1240) et 2224 du code civil.") == [
        ("article", "art. 1382 C. civ."), ("article", "art. 1240 C. civ."), ("article", "art. 2224 C. civ.")]
    assert found("Vu l'article 1134 ancien du code civil, devenu l'article 1103 ;") == [
        ("article", "art. 1134 C. civ."), ("article", "art. 1103 C. civ.")]
    # The sub-divisions of one number do not end the list, and their figures are not articles.
    assert found("Vu les articles 1134, alinéa 1er, et 1147 du code civil.") == [
        ("article", "art. 1134 C. civ."), ("article", "art. 1147 C. civ.")]


def test_articles_of_treaties_conventions_and_the_constitution():
    text = ("Le requérant invoque l'article 8 de la Convention européenne de sauvegarde des droits de l'homme et des "
            "libertés fondamentales, l'article 61-1 de la Constitution du 4 octobre 1958, l'article 267 TFUE, puis "
            "l'article 12 du traité d'amitié du 3/05/1920 et, plus loin, l'article 14 du même traité.")
    assert found(text) == [
        ("article", "art. 8 convention européenne de sauvegarde des droits de l'homme et des libertés fondamentales"),
        ("article", "art. 61-1 Constitution"), ("article", "art. 267 TFUE"),
        ("article", "art. 12 traité d'amitié du 1920-05-03"), ("article", "art. 14 traité d'amitié du 1920-05-03")]


def test_a_convention_named_again_and_its_protocols():
    text = ("Vu l'article 6, § 1, de la Convention de sauvegarde des droits de l'homme et des libertés fondamentales, "
            "l'article 13 de la Convention, l'article 1er du Protocole additionnel n° 1 à la Convention de sauvegarde "
            "des droits de l'homme et des libertés fondamentales ; l'article 2 du protocole d'accord et l'article 3 de "
            "la convention de forfait ne sont pas des textes de loi.")
    convention = "convention de sauvegarde des droits de l'homme et des libertés fondamentales"
    assert found(text) == [("article", f"art. 6 {convention}"), ("article", f"art. 13 {convention}"),
                           ("article", f"art. 1er protocole additionnel n° 1 à la {convention}")]
    # Without a convention named before, "la Convention" is not known: nothing is guessed.
    assert found("Selon l'article 5 de la convention signée par les parties.") == []


def test_slips_of_the_pen():
    # "du la loi" for "de la loi"; "l'article 5 du l'article 5": the words typed twice are one reference.
    assert found("Selon l'article 2 du la loi du 1er juillet 1901, et vu l'article 5 du l'article 5 de la "
                 "Constitution.") == [("article", "art. 2 loi du 1901-07-01"), ("article", "art. 5 Constitution")]
    assert found("Le salarié invoque l'article L. 1234-1 du code de travail.") == [
        ("article", "art. L. 1234-1 C. trav.")]


def test_articles_of_laws_and_eu_acts():
    text = ("Il invoque l'article 6 de la loi n° 2004-575 du 21 juin 2004, l'article 17 de la directive (UE) "
            "2019/790, l'article 5, paragraphe 3, sous d), de la directive 2001/29/CE et l'article 2 de la même "
            "directive, ainsi que l'article 29 de la loi du 29 juillet 1881.")
    assert found(text) == [("article", "art. 6 loi n° 2004-575"), ("article", "art. 17 directive 2019/790"),
                           ("article", "art. 5 directive 2001/29"), ("article", "art. 2 directive 2001/29"),
                           ("article", "art. 29 loi du 1881-07-29")]


def test_laws_decrees_and_ordinances():
    text = ("La loi n° 2014-1104 du 1er octobre 2014 et la loi du 29 juillet 1881 sur la liberté de la presse, la "
            "loi organique n° 2001-692 du 1er août 2001, le décret n° 2019-966 du 18 septembre 2019, l'ordonnance "
            "n° 2016-131 du 10 février 2016 et le décret du 30 octobre 1935.")
    assert found(text) == [("law", "loi n° 2014-1104"), ("law", "loi du 1881-07-29"),
                           ("law", "loi organique n° 2001-692"), ("decree", "décret n° 2019-966"),
                           ("ordinance", "ordonnance n° 2016-131"), ("decree", "décret du 1935-10-30")]
    spans = [c.text for c in find_french_references(text)]
    assert spans[0] == "loi n° 2014-1104 du 1er octobre 2014"


def test_a_judges_order_is_not_an_ordinance():
    assert found("Par une ordonnance du 12 mars 2021, le juge de la mise en état a rejeté la demande.") == []
    assert found("Vu l'ordonnance du 14 juin 2018 prononçant la radiation du pourvoi.") == []
    assert found("L'ordonnance du 10 février 2016 portant réforme du droit des contrats.") == [
        ("ordinance", "ordonnance du 2016-02-10")]
    assert found("l'article 1231-1 du code civil, dans sa rédaction issue de l'ordonnance du 10 février 2016") == [
        ("article", "art. 1231-1 C. civ."), ("ordinance", "ordonnance du 2016-02-10")]


def test_eu_directives_and_regulations():
    text = ("La directive 2001/29/CE, la directive (UE) 2019/790, le règlement (UE) 2016/679, le règlement (CE) "
            "n° 44/2001 et la directive 96/9/CE du 11 mars 1996.")
    assert found(text) == [("eu", "directive 2001/29"), ("eu", "directive 2019/790"), ("eu", "règlement 2016/679"),
                           ("eu", "règlement 44/2001"), ("eu", "directive 96/9")]


def test_the_courts_numbers():
    text = ("Pourvoi n° 21-13.372. La société a formé le pourvoi n° Q 19-19.463 ; les pourvois n° 19-19.463 et "
            "19-20.001 sont joints. Cour d'appel de Lyon, RG n° 20/01234, N° RG 20/01234 - N° Portalis "
            "DBVX-V-B7E-NAZT ; n° RG : 21/05678 ; Portalis 35L7-V-B7D-CAXYZ ; tribunal de commerce, R.G. : "
            "2023001234 ; CA Paris, 3 mars 2021, n° 19/12345.")
    assert found(text) == [("pourvoi", "21-13.372"), ("pourvoi", "19-19.463"), ("pourvoi", "19-19.463"),
                           ("pourvoi", "19-20.001"), ("rg", "20/01234"), ("rg", "20/01234"),
                           ("portalis", "DBVX-V-B7E-NAZT"), ("rg", "21/05678"), ("portalis", "35L7-V-B7D-CAXYZ"),
                           ("rg", "2023001234"), ("rg", "19/12345")]


def test_ecli_of_any_court():
    text = ("Décisions ECLI:FR:CCASS:2021:SO01153, ecli:fr:ca:2020:12, ECLI:EU:C:2019:623 et ECLI:DE:BGH:2020:"
            "120520UIZR1.19.0 ; CJUE, 29 juillet 2019, Pelham, C-476/17, EU:C:2019:624.")
    assert found(text) == [("ecli", "ECLI:FR:CCASS:2021:SO01153"), ("ecli", "ECLI:FR:CA:2020:12"),
                           ("ecli", "ECLI:EU:C:2019:623"), ("ecli", "ECLI:DE:BGH:2020:120520UIZR1.19.0"),
                           ("ecli", "ECLI:EU:C:2019:624")]
    assert ecli_parts("EU:C:2019:624") == {"country": "EU", "court": "C", "year": "2019", "number": "624"}
    assert ecli_parts("ECLI:FR:CCASS:2021:SO01153") == {"country": "FR", "court": "CCASS", "year": "2021",
                                                        "number": "SO01153"}
    assert ecli_parts("ECLI:EU:C:2019:623")["court"] == "C"
    with pytest.raises(ValueError):
        ecli_parts("FR:CCASS:2021")


def test_what_is_not_a_reference():
    text = ("Le livre III, titre II, chapitre 4, § 4 du rapport ; le 12 mars 2020 ; la somme de 3 000 euros ; "
            "domicilié au n° 12 rue de la Paix ; voir page 14 et p. 5 ; téléphone 01 23 45 67 89 ; point n° 3 ; "
            "l'article 5 du contrat de licence ; un article de presse ; Arrêt n° 744 F-B ; la loi ; le décret ; "
            "l'article 19.6.2 de la norme NF P 03-001 ; l'article 17 du cahier des charges ; l'article 4 de l'accord "
            "d'entreprise ; péremption n° : 755/24 ; facture n° 12/2024 ; Ordonnance n° : 88571 ; le 20/01/2020.")
    assert found(text) == []


def test_offsets_are_exact_and_in_text_order():
    text = ("Vu l’article L. 122-4 du code de la propriété intellectuelle et les articles 1240 et 1241 du code "
            "civil ; pourvoi n° 19-19.463 ; ECLI:FR:CCASS:2021:SO01153.")
    references = find_french_references(text)
    assert [c.start for c in references] == sorted(c.start for c in references)
    assert all(a.end <= b.start for a, b in pairwise(references))
    first = references[0]
    assert (first.start, first.text) == (3, "l’article L. 122-4 du code de la propriété intellectuelle")
    assert [c.text for c in references[1:3]] == ["articles 1240", "1241 du code civil"]


def _dev_marks():
    """The marks of the texts open for development: only those whose gold says "heldout": false."""
    for path in sorted(FRENCH.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("heldout") is False:
            yield gold


def test_recall_and_precision_on_the_french_decisions():
    marks = list(_dev_marks())
    if not marks:
        pytest.skip("no French decisions marked for development")
    marked, matched, total_found = 0, 0, 0
    for gold in marks:
        text = (FRENCH / gold["file"]).read_text(encoding="utf-8")
        expected = Counter((kind, normalized) for _words, _n, kind, normalized in gold["references"])
        got = Counter((c.kind, c.normalized) for c in find_french_references(text))
        marked += sum(expected.values())
        total_found += sum(got.values())
        matched += sum((expected & got).values())
    assert matched / marked >= 0.9
    assert matched / max(total_found, 1) >= 0.95
