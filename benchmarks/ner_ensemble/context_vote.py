"""Voting and document context over saved NER predictions on the ANERcorp test split.

An experiment for issue 3, not part of the package. It reads the test-split
entities that three taggers predicted (the shipped spaCy CNN, the CRF of
``benchmarks/ner_crf`` and the BiLSTM-CRF of ``benchmarks/ner_bilstm``; each a
JSON list of ``[sentence, start, end, label]``) and scores, with the package's
scorer (exact span and type):

- each tagger alone;
- a vote: an entity two of the three predicted exactly;
- *document context*: a name the tagger found in a sentence is also tagged
  where the same words stand untagged in the sentences around it, and a
  person's last word alone (``كامينين`` after ``يوكا كامينين``) is that
  person. Two ways to say what "around" is, since the test file marks no
  article boundaries: the ``--window`` sentences before (and the sentence
  itself), or blocks of ``--block`` consecutive sentences read as one Doc.

Only predictions are propagated, never gold labels. Usage::

    python context_vote.py --cnn cnn_test.json --crf crf_test.json \\
        --bilstm pred_test_full.json [--window 20] [--block 20]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from extractor.ner.corpus import Sentence, read_conll
from extractor.ner.evaluate import count_matches, tag_entities

REPO = Path(__file__).resolve().parents[2]
TEST = REPO.parent / "shared/data/ner/anercorp-camel/ANERCorp_CamelLab_test.txt"
LABELS = ("LOC", "PER", "ORG", "MISC")
PROPAGATED = ("PER", "LOC", "ORG")  # MISC names are too often common words
MAX_WORDS = 3  # longest name propagated
Entity = tuple[int, int, int, str]


def vote(systems: list[set[Entity]], needed: int = 2) -> set[Entity]:
    counts = Counter(e for system in systems for e in system)
    return {e for e, n in counts.items() if n >= needed}


def _names(sentences, by_sentence, indices) -> dict[str, str]:
    """Surface form → label of the names predicted in the given sentences."""
    known: dict[str, str] = {}
    for j in indices:
        for _, a, b, label in by_sentence[j]:
            if label not in PROPAGATED:
                continue
            words = sentences[j].words[a:b]
            known[" ".join(words)] = label
            if label == "PER" and len(words) > 1:
                known[words[-1]] = label
    return known


def _tag_known(sentence: Sentence, i: int, entities, known, out: set) -> None:
    taken = {k for _, a, b, _ in entities for k in range(a, b)}
    words = sentence.words
    for k in range(len(words)):
        if k in taken:
            continue
        for n in range(MAX_WORDS, 0, -1):
            span = " ".join(words[k : k + n])
            cover = set(range(k, k + n))
            if len(span) > 2 and span in known and not taken & cover:
                out.add((i, k, k + n, known[span]))
                taken |= cover
                break


def with_context(
    sentences: list[Sentence], pred: set[Entity], window: int = 0, block: int = 0
) -> set[Entity]:
    """``pred`` plus the names it found, tagged where they stand untagged nearby."""
    by_sentence = defaultdict(list)
    for e in pred:
        by_sentence[e[0]].append(e)
    out = set(pred)
    for i, sentence in enumerate(sentences):
        if block:
            first = i - i % block
            around = range(first, min(first + block, len(sentences)))
        else:
            around = range(max(0, i - window), i + 1)
        known = _names(sentences, by_sentence, around)
        _tag_known(sentence, i, by_sentence[i], known, out)
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
    systems["vote 2 of 3"] = vote(list(systems.values()))
    print("| ANERcorp test | P | R | F1 | " + " | ".join(LABELS) + " |")
    print("| --- " * (4 + len(LABELS)) + "|")
    for name, pred in systems.items():
        print(row(name, gold, pred))
        causal = with_context(sentences, pred, window=args.window)
        print(row(f"{name} + the {args.window} sentences before", gold, causal))
        blocks = with_context(sentences, pred, block=args.block)
        print(row(f"{name} + Docs of {args.block} sentences", gold, blocks))


if __name__ == "__main__":
    main()
