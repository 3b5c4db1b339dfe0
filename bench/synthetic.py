"""Synthetic case graphs shaped like the bundled one, at any size, for benchmarks.

Same classes and properties as the real data (cases with courts, dockets, parties, judges and counsel; people
employed by organisations; models developed by organisations; statements with language-tagged text, speaker,
addressee, date and mentions; claims with a status), one named graph per source with its provenance, and
power-law degrees: a few entities (the Metas and OpenAIs) are mentioned everywhere, most rarely.

    python bench/synthetic.py 100000 -o /tmp/synthetic-100k.nq

The output is N-Quads; the same size and seed always give the same file.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ID = "https://w3id.org/casegraph/id/"
CG = "https://w3id.org/casegraph/ontology#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV_DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
URL = "<https://schema.org/url>"
DCT = "http://purl.org/dc/terms/"
STATUSES = ("Alleged", "Admitted", "Disputed", "Found", "Ruled", "Reported")
WORDS = ("model", "data", "books", "training", "license", "court", "ruling", "race", "frontier", "GPU",
         "benchmark", "copyright", "fair", "use", "weights", "open", "closed", "piracy", "library", "release")


def iri(kind: str, n: int) -> str:
    return f"<{ID}{kind}/{kind[:3]}-{n}>"


def cg(term: str) -> str:
    return f"<{CG}{term}>"


def lit(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{escaped}"@{lang}'
    if datatype:
        return f'"{escaped}"^^<{XSD}{datatype}>'
    return f'"{escaped}"'


class Generator:
    """Writes quads until it reaches the target count; entity counts scale with the target."""

    def __init__(self, triples: int, seed: int = 42):
        self.target = triples
        self.rng = random.Random(seed)
        scale = max(triples // 1000, 1)
        self.people = 40 * scale
        self.orgs = 8 * scale
        self.models = 6 * scale
        self.datasets = 3 * scale
        self.cases = 2 * scale
        self.courts = max(scale // 10, 3)
        self.written = 0

    def pick(self, n: int, skew: float = 2.5) -> int:
        """A power-law pick among n: low numbers come up far more often (the hubs of the graph)."""
        return int(n * self.rng.random() ** skew)

    def date(self) -> str:
        return f"20{self.rng.randint(18, 26)}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"

    def sentence(self, k: int = 10) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(k))

    def write(self, out) -> None:
        source = 0
        while self.written < self.target:
            self.source_graph(out, source)
            source += 1

    def quad(self, out, s: str, p: str, o: str, g: str) -> None:
        out.write(f"{s} {p} {o} {g} .\n")
        self.written += 1

    def source_graph(self, out, n: int) -> None:
        g, doc = iri("graph", n), iri("document", n)
        q = lambda s, p, o: self.quad(out, s, p, o, g)  # noqa: E731
        q(g, RDF_TYPE, cg("SourceGraph"))
        q(g, PROV_DERIVED, doc)
        q(g, cg("method"), cg("CuratedByHand"))
        q(doc, RDF_TYPE, cg("SourceDocument"))
        q(doc, URL, f"<https://example.org/source/{n}>")
        q(doc, f"<{DCT}publisher>", lit(f"Publisher {n % 50}"))
        q(doc, f"<{DCT}language>", lit(self.rng.choice(("en", "fr"))))
        for _ in range(self.rng.randint(3, 9)):
            self.rng.choice((self.statement, self.statement, self.statement, self.claim, self.person,
                             self.model, self.case))(q)

    def person(self, q) -> None:
        n = self.pick(self.people, 1.5)
        p = iri("person", n)
        q(p, RDF_TYPE, cg("Person"))
        q(p, LABEL, lit(f"Person {n}"))
        q(p, cg("employedBy"), iri("organization", self.pick(self.orgs)))
        q(p, cg("jobTitle"), lit(self.sentence(3), "en"))

    def organization(self, q, n: int) -> str:
        o = iri("organization", n)
        q(o, RDF_TYPE, cg("Company"))
        q(o, LABEL, lit(f"Company {n}"))
        return o

    def model(self, q) -> None:
        n = self.pick(self.models, 1.5)
        m = iri("model", n)
        q(m, RDF_TYPE, cg("AIModel"))
        q(m, LABEL, lit(f"Model {n}"))
        q(m, cg("developedBy"), self.organization(q, self.pick(self.orgs)))
        q(m, cg("releasedOn"), lit(self.date(), datatype="date"))
        q(m, cg("openWeights"), lit(self.rng.choice(("true", "false")), datatype="boolean"))
        q(m, cg("targets"), iri("model", self.pick(self.models)))

    def statement(self, q) -> None:
        st = iri("statement", self.written)
        q(st, RDF_TYPE, cg("Statement"))
        q(st, cg("text"), lit(self.sentence(), self.rng.choice(("en", "fr"))))
        q(st, cg("speaker"), iri("person", self.pick(self.people)))
        q(st, cg("addressee"), iri("person", self.pick(self.people)))
        q(st, cg("date"), lit(self.date(), datatype="date"))
        q(st, cg("revealedIn"), iri("case", self.pick(self.cases)))
        for _ in range(self.rng.randint(1, 4)):
            kind, n = self.rng.choice((("organization", self.orgs), ("model", self.models),
                                       ("dataset", self.datasets), ("person", self.people)))
            q(st, cg("mentions"), iri(kind, self.pick(n)))

    def claim(self, q) -> None:
        c = iri("claim", self.written)
        q(c, RDF_TYPE, cg("Claim"))
        q(c, cg("status"), cg(self.rng.choice(STATUSES)))
        q(c, cg("assertedBy"), iri("person", self.pick(self.people)))
        q(c, cg("claimText"), lit(self.sentence(), "en"))
        q(c, cg("claimSubject"), iri("model", self.pick(self.models)))
        q(c, cg("claimPredicate"), cg("trainedOn"))
        n = self.pick(self.datasets)
        d = iri("dataset", n)
        q(c, cg("claimObject"), d)
        q(d, RDF_TYPE, cg("Dataset"))
        q(d, LABEL, lit(f"Dataset {n}"))

    def case(self, q) -> None:
        n = self.pick(self.cases, 1.2)
        c = iri("case", n)
        q(c, RDF_TYPE, cg("LegalCase"))
        q(c, LABEL, lit(f"Case {n} v. Company"))
        court = iri("court", n % self.courts)
        q(c, cg("court"), court)
        q(court, RDF_TYPE, cg("Court"))
        q(court, LABEL, lit(f"Court {n % self.courts}"))
        q(c, cg("docketNumber"), lit(f"1:{n % 30:02d}-cv-{n:05d}"))
        q(c, cg("filedOn"), lit(self.date(), datatype="date"))
        q(c, cg("plaintiff"), iri("person", self.pick(self.people)))
        q(c, cg("defendant"), iri("organization", self.pick(self.orgs)))
        q(c, cg("presidingJudge"), iri("person", self.pick(self.people)))
        q(c, cg("plaintiffsCounsel"), iri("person", self.pick(self.people)))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("triples", type=int, help="how many quads to write (about)")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        generator = Generator(args.triples, args.seed)
        generator.write(out)
    print(f"wrote {generator.written} quads to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
