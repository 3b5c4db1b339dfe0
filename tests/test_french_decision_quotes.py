"""Who speaks in the quotations of French court decisions (casegraph.ingest.french_decision_quotes): the party
of a ground of appeal, the court under appeal, the reference of French law quoted.

The decision of the unit tests was written for them. The last test scores the development decisions of
tests/data/french (real Judilibre texts, Licence Ouverte), whose marks give each « » quotation's source as
"party (…)", "court (…)", "document (…)" or none; the held-out decisions are scored by bench/bench_french.py.
"""

import json
import re
import unicodedata
from pathlib import Path

import pytest

from casegraph import CaseGraph
from test_french_quotes import marked_start

FRENCH = Path(__file__).parent / "data" / "french"

DECISION = """COUR DE CASSATION

Audience publique du 12 mars 2025

Pourvoi n° A 24-10.101

La société [3], dont le siège est [Adresse 1], a formé le pourvoi n° A 24-10.101 contre l'arrêt rendu le 4 juin 2024 \
par la cour d'appel de Lyon (1re chambre civile), dans le litige l'opposant à M. [T] [D].

Enoncé du moyen

4. La société [3] fait grief à l'arrêt de la condamner à payer des dommages-intérêts, alors :

« 1°/ que la cour d'appel, qui a relevé que « l'œuvre n'avait jamais été divulguée », ne pouvait écarter \
l'exception de courte citation ;

2°/ qu'en toute hypothèse, le juge doit motiver sa décision. »

5. Le moyen critique encore l'arrêt en ce qu'il rejette la demande reconventionnelle, alors « qu'une demande \
n'est pas tardive du seul fait de sa date ».

Réponse de la Cour

6. Aux termes de l'article L. 122-5 du code de la propriété intellectuelle, « lorsque l'oeuvre a été divulguée, \
l'auteur ne peut interdire » les analyses et courtes citations.

7. L'article 1240 du code civil dispose que « tout fait quelconque de l'homme, qui cause à autrui un dommage, \
oblige celui par la faute duquel il est arrivé à le réparer ».

8. Pour condamner la société, l'arrêt retient que « la reproduction excède la courte citation », puis qu'elle est \
« sans rapport avec un débat ».

9. Le mot « citation » n'est pas défini.
"""


@pytest.fixture(scope="module")
def cg():
    return CaseGraph.open()


@pytest.fixture(scope="module")
def quotes(cg):
    return {q.text[:24]: q for q in cg.ingest(text=DECISION, lang="fr").quotes}


def test_a_ground_of_appeal_is_the_words_of_the_party_that_states_it(quotes):
    assert quotes["1°/ que la cour d'appel,"].speaker == "La société [3]"  # "X fait grief à l'arrêt …, alors :"
    # "Le moyen critique l'arrêt …, alors « … »": the appellant the decision names
    assert quotes["qu'une demande n'est pas"].speaker == "La société [3]"


def test_the_court_under_appeal_speaks_its_reasons_also_inside_a_ground_of_appeal(quotes):
    assert quotes["l'œuvre n'avait jamais é"].speaker == "cour d'appel de Lyon"  # « » inside the party's « »
    assert quotes["la reproduction excède l"].speaker == "cour d'appel de Lyon"  # "l'arrêt retient que « … »"
    assert quotes["sans rapport avec un déb"].speaker == "cour d'appel de Lyon"  # going on in the same sentence


def test_a_quotation_of_french_law_comes_from_the_reference_that_introduces_it(quotes):
    assert quotes["lorsque l'oeuvre a été d"].cited == ("art. L. 122-5 CPI",)  # "Aux termes de l'article …, « … »"
    assert quotes["tout fait quelconque de "].cited == ("art. 1240 C. civ.",)  # "L'article … dispose que « … »"
    assert quotes["lorsque l'oeuvre a été d"].speaker is None


def test_a_word_quoted_as_a_word_is_nobodys(quotes):
    assert quotes["citation"].speaker is None and quotes["citation"].cited == ()


def test_a_law_quoted_in_an_accepted_decision_is_quoted_from_its_citation_and_a_party_only_named(cg):
    from casegraph.vocab import CG

    found = cg.ingest(text=DECISION, lang="fr")
    triples = found.triples()
    statement = {str(o): s for s, p, o in triples if p == CG.text}
    law = statement["tout fait quelconque de l'homme, qui cause à autrui un dommage, oblige celui par la faute "
                    "duquel il est arrivé à le réparer"]
    [citation] = [o for s, p, o in triples if s == law and p == CG.quotedFrom]
    assert {(p, str(o)) for s, p, o in triples if s == citation} >= {(CG.citationKind, "article"),
                                                                    (CG.surfaceForm, "article 1240 du code civil")}
    # a pseudonymised party speaks by the words that hide it, never as a new person
    ground = next(s for text, s in statement.items() if text.startswith("1°/ que la cour d'appel"))
    assert {str(o) for s, p, o in triples if s == ground and p == CG.speakerName} == {"La société [3]"}
    assert not [o for s, p, o in triples if s == ground and p == CG.speaker]


SECOND = """COUR DE CASSATION

Audience publique du 2 avril 2025

Pourvoi n° B 24-20.202

La société Alpha bâtiment a formé le pourvoi n° B 24-20.202 contre l'arrêt rendu le 9 juillet 2024 par la cour \
d'appel de Douai, dans le litige l'opposant à M. [P] [L].

1. Selon l'arrêt attaqué, par acte du 3 mars 2019, M. [P] [L] (le vendeur) a cédé un lot à la société Alpha bâtiment.

Enoncé du moyen

2. Le vendeur fait grief à l'arrêt de le condamner, alors « qu'en retenant, pour écarter la clause, que le lot \
était « affecté à l'usage commun » et qu'il était « sans valeur propre », la cour d'appel a violé la loi ; qu'en \
se fondant sur les mentions du règlement de copropriété qui désignait le lot comme un « local technique », la cour \
d'appel a encore statué par un motif inopérant ».
"""


@pytest.fixture(scope="module")
def second(cg):
    return {q.text[:24]: q for q in cg.ingest(text=SECOND, lang="fr").quotes}


def test_a_party_named_by_its_role_is_the_one_the_decision_gave_that_role(second):
    assert second["qu'en retenant, pour éca"].speaker == "M. [P] [L]"  # "Le vendeur fait grief" after "X (le vendeur)"


def test_the_reasons_and_the_documents_a_ground_of_appeal_quotes(second):
    assert second["affecté à l'usage commun"].speaker == "cour d'appel de Douai"  # "qu'en retenant, pour …, que « »"
    assert second["sans valeur propre"].speaker == "cour d'appel de Douai"  # going on: "et qu'il était « … »"
    assert second["local technique"].speaker == "règlement de copropriété"  # "les mentions du règlement … « »"


def _fold(words: str | None) -> set[str]:
    words = unicodedata.normalize("NFKD", words or "")
    words = "".join(ch for ch in words if not unicodedata.combining(ch)).lower()
    return set(re.findall(r"\[\w+\]|\w+", words)) - {"le", "la", "les", "l", "de", "du", "d", "des"}


def same_source(speaker: str | None, cited: tuple, gold: str | None) -> bool:
    """Whether a found speaker (or citation) is the marked source: none for none; for a party, the same name or
    pseudonym (either's words within the other's: "M. [K] [U]" is "M. [U]"); for a court, the court the mark
    names, or any court or decision under appeal when it names none; for a document, a word of it."""
    if gold is None:
        return speaker is None and not cited
    kind, _, inside = gold.partition(" (")
    inside = inside.rstrip(")")
    who = inside.split(",")[0]
    if not speaker:
        return False
    if kind == "party":
        return _fold(speaker) <= _fold(who) or _fold(who) <= _fold(speaker)
    if kind == "court":
        courts = [part.strip() for part in inside.split(",")
                  if re.match(r"(?:cour|tribunal|chambre|juridiction|juge)\b", part.strip())]
        if courts:
            return _fold(courts[-1]) <= _fold(speaker) or _fold(speaker) <= _fold(courts[-1])
        return "attaqu" in speaker or bool(_fold(speaker) & {"cour", "tribunal", "juge", "juridiction"})
    return bool(_fold(speaker) & _fold(who))  # a document


def score(cg: CaseGraph, heldout: bool) -> tuple[int, int, list[str]]:
    """(right, marked, what went wrong) over the decisions of tests/data/french with that heldout mark."""
    right = marked = 0
    wrong = []
    for path in sorted(FRENCH.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["heldout"] != heldout or not gold.get("quotes"):
            continue
        text = (FRENCH / gold["file"]).read_text(encoding="utf-8")
        found = cg.ingest(text=text, lang="fr").quotes
        for prefix, occurrence, source in gold["quotes"]:
            at = marked_start(text, prefix, occurrence)
            hit = next((q for q in found if q.start == at), None)
            marked += 1
            if hit is not None and same_source(hit.speaker, hit.cited, source):
                right += 1
            else:
                wrong.append(f"{gold['file']}: «{prefix[:40]}» gold={source!r} "
                             f"found={'(not found)' if hit is None else (hit.speaker, hit.cited)!r}")
    return right, marked, wrong


def test_the_development_decisions_quotations_get_their_source_with_090_accuracy(cg):
    right, marked, wrong = score(cg, heldout=False)
    assert marked >= 12 and right / marked >= 0.9, wrong
