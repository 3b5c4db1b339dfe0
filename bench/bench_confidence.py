"""How well the confidence of French quotation attributions (casegraph/ingest/attribution_confidence.py) tells the
right ones from the wrong ones, on press quotations marked after its weights were fitted.

    python bench/bench_confidence.py           # the shipped weights, measured on the sets marked after them
    python bench/bench_confidence.py --write   # fit the weights again on the training sets and write them

The weights are a logistic regression (scikit-learn's, L2 with C = 1) over ``attribution_confidence.features``,
fitted on every marked quotation of tests/data/french-press in the development texts and held-out sets 1 to
``LAST_TRAINING_SET``: sets the rules were written on, so the model learns which of the rules' decisions fail even
after they were read. Sets after that one were marked and scored first after the model was fitted: on them, this
script reports each set's accuracy, and how many attributions fall in each band of confidence with how many of
them are right. A quotation the extractor does not find at its marked place counts as wrong, with no confidence.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRESS = ROOT / "tests" / "data" / "french-press"
LAST_TRAINING_SET = 27
BANDS = ((0.9, 1.01), (0.6, 0.9), (0.0, 0.6))


def attributions(cg, last_set: int | None = None) -> list[dict]:
    """Every marked press quotation (of the sets up to ``last_set``, when given): its set (0 for the development
    texts), whether the speaker found is the marked one, and the facts and confidence of the attribution (None
    where no quotation starts there)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_french_quotes import marked_start, same_speaker

    rows = []
    for gold_path in sorted(PRESS.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if last_set is not None and gold["heldout"] and gold.get("set", 1) > last_set:
            continue  # a set marked after the fit: not read
        text = (PRESS / gold["file"]).read_text(encoding="utf-8")
        found = {q.start: q for q in cg.ingest(text=text, lang="fr").quotes}
        for prefix, occurrence, speaker in gold["quotes"]:
            quote = found.get(marked_start(text, prefix, occurrence))
            rows.append({"set": gold.get("set", 1) if gold["heldout"] else 0,
                         "right": quote is not None and same_speaker(quote.speaker, speaker),
                         "facts": quote.facts if quote else None, "confidence": quote.confidence if quote else None})
    return rows


def fit(rows: list[dict]) -> dict:
    """The weights, fitted on the attributions of the training sets."""
    from sklearn.linear_model import LogisticRegression

    train = [r for r in rows if r["set"] <= LAST_TRAINING_SET and r["facts"] is not None]
    names = sorted({name for r in train for name in r["facts"]})
    model = LogisticRegression(C=1.0, max_iter=10_000)
    model.fit([[r["facts"].get(n, 0.0) for n in names] for r in train], [r["right"] for r in train])
    return {"fitted_on": f"the marked quotations of tests/data/french-press: development texts and held-out sets 1 "
                         f"to {LAST_TRAINING_SET}", "quotations": len(train),
            "intercept": round(float(model.intercept_[0]), 6),
            "weights": {n: round(float(w), 6) for n, w in zip(names, model.coef_[0])}}


def measure(rows: list[dict]) -> dict:
    """Accuracy and the bands of confidence, for the training sets and for each set marked after them."""
    def summary(some):
        out = {"quotations": len(some), "right": sum(r["right"] for r in some)}
        for low, high in BANDS:
            band = [r for r in some if r["confidence"] is not None and low <= r["confidence"] < high]
            out[f"confidence {low}-{min(high, 1.0)}"] = {"quotations": len(band),
                                                         "right": sum(r["right"] for r in band)}
        return out

    later = sorted({r["set"] for r in rows if r["set"] > LAST_TRAINING_SET})
    report = {f"training sets (0 to {LAST_TRAINING_SET})":
              summary([r for r in rows if r["set"] <= LAST_TRAINING_SET])}
    report.update({f"held-out set {k}": summary([r for r in rows if r["set"] == k]) for k in later})
    report["every set marked after the fit"] = summary([r for r in rows if r["set"] > LAST_TRAINING_SET])
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="fit the weights on the training sets and write them")
    args = parser.parse_args(argv)
    from casegraph import CaseGraph
    from casegraph.ingest import attribution_confidence

    cg = CaseGraph.open()
    rows = attributions(cg)
    if args.write:
        attribution_confidence.WEIGHTS.write_text(json.dumps(fit(rows), indent=1) + "\n", encoding="utf-8")
        attribution_confidence._model.cache_clear()
        for row in rows:  # measured with the weights just written: the facts do not depend on them
            if row["facts"] is not None:
                row["confidence"] = attribution_confidence.confidence(row["facts"])
    json.dump(measure(rows), sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
