"""How likely a French quotation's attribution is to be right: the chance that the speaker found (or the finding
that nobody said the words) is the one a reader would give, from what the rules saw when they decided.

The rules of :mod:`casegraph.ingest.french_quotes` are right on about seven French press quotations in ten they
have never seen, and they do not know which seven. This module is a logistic model over a few facts about each
decision: which rule decided (a French construction, the general rules, the quotation before going on, nobody
found), where the speaker's name was read (in the sentence, before it, how far), and the shape of the words and of
the sentence around them (a colon or "selon" before them, a comma after, how long, in the first person).
Its weights are in ``attribution_confidence.json``, fitted by ``bench/bench_confidence.py --write`` on the marked
press quotations of tests/data/french-press, and that script measures it on sets marked after it was fitted.

    >>> from casegraph import CaseGraph
    >>> found = CaseGraph.open().ingest(text="« Nous avons tenu nos promesses », a déclaré Paul Ricard.", lang="fr")
    >>> quote = found.quotes[0]
    >>> quote.speaker, quote.confidence > 0.9
    ('Paul Ricard', True)
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

WEIGHTS = Path(__file__).with_name("attribution_confidence.json")

#: how the speaker was decided, one of these (find_quotes in quotes.py records it)
BASES = ("french", "nobody", "general", "continued", "none")

_FIRST_PERSON = re.compile(r"\b(je|j['’]|nous|vous|me|m['’]|mon|ma|mes|notre|nos|moi)\b", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:le|la|les|l['’]|un|une|des|du|de|d['’])\s*$", re.I)


def features(text: str, quote, lead: tuple[int, int], tail: tuple[int, int], where: tuple[int, int] | None,
             basis: str, near: int, in_sentence: int) -> dict[str, float]:
    """What the model reads of one attribution: ``quote`` with its speaker set, the sentence before the marks
    (``lead``) and after them (``tail``), where the speaker was read (``where``), the rule that decided (``basis``,
    one of :data:`BASES`), and how many people are named near the sentence (``near``) and in it
    (``in_sentence``)."""
    speaker, words = quote.speaker, quote.text.split()
    before, after = text[lead[0]:lead[1]], text[tail[0]:tail[1]]
    facts = {
        "type_null": speaker is None,
        "type_unnamed": bool(speaker and speaker.startswith("unnamed")),
        f"path_{basis}": True,
        "log_words": math.log1p(len(words)),
        "short": len(words) <= 3,
        "upper": quote.text[:1].isupper(),
        "first_person": bool(_FIRST_PERSON.search(quote.text)),
        "ends_punct": quote.text.rstrip()[-1:] in ".!?…",
        "kind_quote": quote.kind == "quote",
        "lead_colon": before.rstrip().endswith(":"),
        "lead_comma": before.rstrip().endswith(","),
        "lead_que": bool(re.search(r"\bqu(?:e|['’])\s*$", before)),
        "lead_det": bool(_DETERMINER_BEFORE.search(before)),
        "lead_selon": "selon" in before.lower() or "d'après" in before.lower(),
        "tail_comma": after.lstrip().startswith(","),
        "tail_selon": "selon" in after.lower()[:40],
        "opens_sentence": before.strip() == "",
        "title_line": "\n" not in text[:quote.start],
        "where_in_sentence": bool(where and where[0] >= lead[0] and where[1] <= tail[1]),
        "where_before": bool(where and where[1] <= lead[0]),
        "where_after": bool(where and where[0] >= tail[1]),
        "log_dist": math.log1p(min(abs(where[0] - quote.start), abs(where[1] - quote.start))) if where else 0.0,
        "npeople": math.log1p(near),
        "nsent": min(in_sentence, 3),
        "paragraph_start": text[:lead[0]].rstrip(" ").endswith("\n") or lead[0] == 0,
    }
    return {name: float(value) for name, value in facts.items()}


def confidence(facts: dict[str, float]) -> float:
    """The model's chance, between 0 and 1, that the attribution these ``facts`` describe is right."""
    model = _model()
    score = model["intercept"] + sum(weight * facts.get(name, 0.0) for name, weight in model["weights"].items())
    return 1 / (1 + math.exp(-score))


@lru_cache(maxsize=1)
def _model() -> dict:
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))
