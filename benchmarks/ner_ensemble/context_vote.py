"""Voting and document context over saved NER predictions on the ANERcorp test split.

An experiment for issue 3, not part of the package. It reads the test-split
entities that three taggers predicted (the shipped spaCy CNN, the CRF of
``benchmarks/ner_crf`` and the BiLSTM-CRF of ``benchmarks/ner_bilstm``; each a
JSON list of ``[sentence, start, end, label]``) and scores, with the package's
scorer (exact span and type):

- each tagger alone;
- a vote: an entity two of the three predicted exactly;
- *document context*: a name the vote found in a sentence is also tagged
  where the same words stand untagged in that sentence or the ``--window``
  sentences after it, and a person's last word alone (``كامينين`` after
  ``يوكا كامينين``) is that person. The test file marks no article
  boundaries, so the sentences are read two ways: the whole file as one
  stream, or Docs of ``--block`` consecutive sentences (what ``civic-facts
  eval-ner --doc-sentences N`` does with the shipped ``ner_vote``).

Vote and context are the package's own (:mod:`extractor.ner.ensemble`); only
predictions are propagated, never gold labels. Usage::

    python context_vote.py --cnn cnn_test.json --crf crf_test.json \\
        --bilstm pred_test_full.json [--window 20] [--block 20]
"""

from __future__ import annotations

import argparse
import json
from bisect import bisect_right
from itertools import accumulate, pairwise
from pathlib import Path

from extractor.ner.corpus import Sentence, read_conll
from extractor.ner.ensemble import spread_names, vote
from extractor.ner.evaluate import count_matches, tag_entities

REPO = Path(__file__).resolve().parents[2]
TEST = REPO.parent / "shared/data/ner/anercorp-camel/ANERCorp_CamelLab_test.txt"
LABELS = ("LOC", "PER", "ORG", "MISC")
Entity = tuple[int, int, int, str]  # sentence, start, end, label


def with_context(
    sentences: list[Sentence], pred: set[Entity], window: int, block: int
) -> set[Entity]:
    """``pred`` plus its names spread (:func:`spread_names`) in Docs of ``block``
    sentences (0: one Doc of the whole file)."""
    size = block or len(sentences)
    out: set[Entity] = set()
    for first in range(0, len(sentences), size):
        group = range(first, min(first + size, len(sentences)))
        offsets = list(accumulate((len(sentences[i].words) for i in group), initial=0))
        words = [w for i in group for w in sentences[i].words]
        spans = list(pairwise(offsets))
        found = {
            (offsets[i - first] + a, offsets[i - first] + b, label)
            for i, a, b, label in pred
            if i in group
        }
        for a, b, label in spread_names(words, spans, found, window):
            k = bisect_right(offsets, a) - 1
            out.add((first + k, a - offsets[k], b - offsets[k], label))
    return out


def row(name: str, gold: set[Entity], pred: set[Entity]) -> str:
    table = count_matches(gold, pred).table()
    cells = [f"{table['ALL'][x]:.3f}" for x in ("p", "r", "f")]
    cells += [f"{table[label]['f']:.3f}" for label in LABELS]
    return f"| {name} | " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    for name in ("cnn", "crf", "bilstm"):
        parser.add_argument(f"--{name}", type=Path, required=True)
    parser.add_argument("--test", type=Path, default=TEST)
    parser.add_argument("--window", type=int, default=20)
    parser.add_argument("--block", type=int, default=20)
    args = parser.parse_args()
    sentences = list(read_conll(args.test))
    gold = tag_entities([s.tags for s in sentences])
    systems = {
        name: {tuple(e) for e in json.loads(getattr(args, name).read_text())}
        for name in ("cnn", "crf", "bilstm")
    }
    by_doc = {name: _doc_wise(es) for name, es in systems.items()}
    voted = vote(list(by_doc.values()))
    systems["vote 2 of 3"] = {(i, a, b, label) for (i, a), b, label in voted}
    print("| ANERcorp test | P | R | F1 | " + " | ".join(LABELS) + " |")
    print("| --- " * (4 + len(LABELS)) + "|")
    for name, pred in systems.items():
        print(
            row(
                f"{name}, sentence by sentence",
                gold,
                with_context(sentences, pred, 0, 1),
            )
        )
        stream = with_context(sentences, pred, args.window, 0)
        print(row(f"{name} + {args.window} sentences before, one stream", gold, stream))
        blocks = with_context(sentences, pred, args.window, args.block)
        print(row(f"{name} + the same in Docs of {args.block} sentences", gold, blocks))


def _doc_wise(entities: set[Entity]) -> set:
    """Entities as the vote compares them: (sentence, start) pairs stand for a start."""
    return {((i, a), b, label) for i, a, b, label in entities}


if __name__ == "__main__":
    main()
