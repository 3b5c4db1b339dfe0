"""casegraph ingest on French texts: legal references, pseudonyms and links in French decisions and statutes, and
quotation attribution in French press articles; development and held-out texts reported apart.

    python bench/bench_french.py              # development and held-out texts
    python bench/bench_french.py --dev-only   # development texts only (what you tune on)

Decisions and statutes (tests/data/french/, Licence Ouverte; README there): a reader marked every legal reference
(kind and normalised form), every pseudonym, and the number of pseudonymised parties. Scored:

- references: recall and precision of the multiset of (kind, normalised form) found in each text, by kind;
- pseudonyms: the marked pseudonyms found (a found one overlapping the marked words); new-name candidates that
  overlap the words of a marked pseudonym anywhere in the text (should be none); links to a curated person (should be none: the bundled graph's people are
  the US suits', none of whom these texts name);
- persons counted behind the pseudonyms, beside the parties the reader counted (the count includes the judges,
  creditors or witnesses a decision pseudonymises the same way);
- the decisions cited by pourvoi number or ECLI that are in the corpus, linked with ``cg:cites``;
- each decision's own court, date and number read from its header;
- the source of each quotation in the decisions: the party whose ground of appeal it states, the court under
  appeal, the reference of French law it quotes, a document, or none.

Press articles (tests/data/french-press/, open licences; README there), in held-out sets, each marked before
the extractor ran on it, scored once as it stood, then read to improve the extractor before the next set was
scored (so each set's first run is in BENCHMARKS.md, and its later figures only show what was learnt from it).
Every quotation in « » with its speaker
as the text names them. A quotation is right when it is found where it starts with that speaker (the names
compared folded: a last name alone, initials or "B. Obama" are right; a speaker the text describes without
naming is right when the extractor reports an unnamed one); accuracy is right / marked. Where a second reader
marked a set blind (second-marker/), their agreement with the marks is reported too.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEGAL = ROOT / "tests" / "data" / "french"
PRESS = ROOT / "tests" / "data" / "french-press"


def _golds(folder: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.gold.json"))]


def _nth(text: str, words: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return start


def legal(cg, sets: list[str]) -> dict:
    """Reference, pseudonym and link figures for each set of legal texts."""
    out = {}
    for which in sets:
        golds = [g for g in _golds(LEGAL) if g["heldout"] == (which == "held-out")]
        matched, found_total, marked_total = Counter(), Counter(), Counter()
        pseudonyms_marked = pseudonyms_found = candidates_on_pseudonyms = person_links = 0
        persons, parties, misses, extras = 0, 0, [], []
        for gold in golds:
            text = (LEGAL / gold["file"]).read_text(encoding="utf-8")
            found = cg.ingest(text=text, lang="fr")
            got = Counter((c.kind, c.normalized) for c in found.citations
                          if c.kind in {"article", "law", "decree", "ordinance", "eu", "pourvoi", "rg", "portalis", "ecli"})
            want = Counter((kind, normalized) for _words, _n, kind, normalized in gold["references"])
            both = got & want
            for (kind, _), n in both.items():
                matched[kind] += n
            for (kind, _), n in got.items():
                found_total[kind] += n
            for (kind, _), n in want.items():
                marked_total[kind] += n
            misses += [(gold["file"], *k) for k in (want - got)]
            extras += [(gold["file"], *k) for k in (got - want)]
            spans = [(p.start, p.end) for p in getattr(found, "pseudonyms", [])]  # an extractor before them: none
            for words, occurrence in gold["pseudonyms"]:
                start = _nth(text, words, occurrence)
                pseudonyms_marked += 1
                pseudonyms_found += any(s < start + len(words) and start < e for s, e in spans)
            # a new name over any occurrence of a marked pseudonym's words
            hidden = [(m.start(), m.end()) for words, _n in gold["pseudonyms"] for m in re.finditer(re.escape(words), text)]
            candidates_on_pseudonyms += sum(any(s < ce and cs < e for s, e in hidden for cs, ce in c.occurrences)
                                            for c in found.candidates)
            person_links += sum(1 for m in found.mentions if m.entity and m.kind == "person")
            persons += len(getattr(found, "pseudonymised_persons", []))
            parties += gold["parties"]["pseudonymised"]
        kinds = sorted(set(marked_total) | set(found_total))
        out[which] = {
            "texts": len(golds),
            "references": {"recall": _ratio(sum(matched.values()), sum(marked_total.values())),
                           "precision": _ratio(sum(matched.values()), sum(found_total.values())),
                           "marked": sum(marked_total.values()), "found": sum(found_total.values()),
                           "by kind": {k: f"{matched[k]}/{marked_total[k]} marked found, {matched[k]}/{found_total[k]} "
                                          f"found right" for k in kinds}},
            "missed": misses, "wrong": extras,
            "pseudonyms found": f"{pseudonyms_found}/{pseudonyms_marked}",
            "candidates on a pseudonym": candidates_on_pseudonyms,
            "links to a curated person": person_links,
            "persons counted behind pseudonyms": persons, "pseudonymised parties marked": parties,
        }
    return out


def cites(sets: list[str]) -> dict:
    """The citations between decisions of the corpus, as the marks give them and as the accepted graph links them."""
    from casegraph import CaseGraph

    golds = [g for g in _golds(LEGAL) if g["decision"] and ("held-out" if g["heldout"] else "dev") in sets]
    cg = CaseGraph()
    for gold in golds:
        cg.ingest(LEGAL / gold["file"], lang="fr", accept=True)
    own = {n: gold["file"] for gold in golds for n in gold["decision"]["pourvoi"]}
    marked = {(gold["file"], own[n]) for gold in golds for n in gold.get("cites", []) if n in own}
    linked = set()
    for row in cg.query("""SELECT ?a ?b WHERE { ?x cg:cites ?y . ?x cg:reporterCitation ?a . ?y cg:reporterCitation ?b }""").rows:
        if row["a"] in own and row["b"] in own:
            linked.add((own[row["a"]], own[row["b"]]))
    return {"marked": sorted(marked), "linked": sorted(linked), "right": len(marked & linked)}


def headers(cg, sets: list[str]) -> dict:
    """A decision's own court, date and number read from its header, against the marks (the court compared on its
    first words: the marks name the chamber too)."""
    out = {}
    for which in sets:
        golds = [g for g in _golds(LEGAL) if g["decision"] and g["heldout"] == (which == "held-out")]
        right, wrong = 0, []
        for gold in golds:
            found = cg.ingest(LEGAL / gold["file"], lang="fr").decision
            mark = gold["decision"]
            number = (mark["pourvoi"] or mark["rg"] or [None])[0]
            ok = found is not None and mark["court"].lower().startswith(found.court_name.lower()) and \
                found.date == mark["date"] and found.docket == number
            right += ok
            if not ok:
                wrong.append(f"{gold['file']}: found {None if found is None else (found.court_name, found.date, found.docket)}")
        out[which] = {"decisions": len(golds), "right": right, "wrong": wrong}
    return out


def decision_quotations(cg, sets: list[str]) -> dict:
    """The source of each quotation in the decisions (party, court under appeal, law, document or none), scored
    as tests/test_french_decision_quotes.py scores it."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_french_decision_quotes import score

    out = {}
    for which in sets:
        right, marked, wrong = score(cg, heldout=which == "held-out")
        out[which] = {"accuracy": _ratio(right, marked), "right": right, "marked": marked, "wrong": wrong}
    return out


def press(cg, sets: list[str]) -> dict:
    """Quotation attribution on the press articles, scored as tests/test_french_quotes.py scores it (one rule)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_french_quotes import score

    out = {}
    held_out = sorted({g.get("set", 1) for g in _golds(PRESS) if g["heldout"]})
    for which in [s for s in sets if s == "dev"] + ([f"held-out set {k}" for k in held_out] if "held-out" in sets
                                                     else []):
        held_out_set = int(which.rsplit(" ", 1)[1]) if which != "dev" else 1
        right, marked, wrong = score(cg, heldout=which != "dev", held_out_set=held_out_set)
        texts = sum(1 for g in _golds(PRESS) if g["heldout"] == (which != "dev") and g.get("set", 1) == held_out_set)
        out[which] = {"texts": texts, "accuracy": _ratio(right, marked), "right": right, "marked": marked,
                      "wrong": wrong}
    return out


def press_agreement() -> dict:
    """How often a second reader, marking the same articles blind, named the same speaker as the marks
    (tests/data/french-press/second-marker/): the ceiling a reader's marks put on any extractor's accuracy."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_french_quotes import marked_start, same_speaker

    def starts(text, quotes):
        return {marked_start(text, prefix, occurrence): speaker for prefix, occurrence, speaker in quotes}

    by_set: dict[int, list[int]] = {}
    for second_path in sorted((PRESS / "second-marker").glob("*.second.json")):
        second = json.loads(second_path.read_text(encoding="utf-8"))
        gold = json.loads((PRESS / second["file"].replace(".txt", ".gold.json")).read_text(encoding="utf-8"))
        text = (PRESS / gold["file"]).read_text(encoding="utf-8")
        marked, other = starts(text, gold["quotes"]), starts(text, second["quotes"])
        counts = by_set.setdefault(gold.get("set", 1), [0, 0])
        for at, speaker in marked.items():
            counts[1] += 1
            # the same speaker either way round ("Macron" for "Emmanuel Macron" agrees)
            counts[0] += at in other and (same_speaker(other[at], speaker) or same_speaker(speaker, other[at]))
    return {f"held-out set {k}": {"agreed": a, "marked": m, "agreement": _ratio(a, m)}
            for k, (a, m) in sorted(by_set.items())}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev-only", action="store_true", help="score the development texts only")
    parser.add_argument("--src", help="score another checkout's extractor (its src folder)")
    args = parser.parse_args(argv)
    if args.src:
        sys.path.insert(0, args.src)
    from casegraph import CaseGraph

    sets = ["dev"] if args.dev_only else ["dev", "held-out"]
    cg = CaseGraph.open()
    report = {"legal texts": legal(cg, sets), "citations between decisions": cites(sets),
              "decision headers": headers(cg, sets), "quotations in decisions": decision_quotations(cg, sets)}
    if PRESS.is_dir():
        report["press quotations"] = press(cg, sets)
        if "held-out" in sets:
            report["press marks, two readers"] = press_agreement()
    json.dump(report, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
