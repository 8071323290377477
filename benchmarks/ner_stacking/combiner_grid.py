"""The combiner's regularization and threshold: dev cross-validation against test.

For every (C, threshold) of the grid ``civic-facts train-ner`` searches
(:data:`extractor.ner.stacking.C_GRID`, :data:`~extractor.ner.stacking.THRESHOLDS`)
this prints the 5-fold cross-validated F1 on ANERcorp's dev blocks (what
training chooses by) and the test F1 of a combiner fitted on all dev blocks,
sentence by sentence, before names spread. Test is read only to report.

    python benchmarks/ner_stacking/combiner_grid.py --held-out-crf build/ner/vote/crf-held-out

``--held-out-crf`` is the CRF ``train-ner`` trained without the dev blocks
(``WORK_DIR/vote/crf-held-out``); without it one is trained here (2 min).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy
import spacy
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from spacy.tokens import Doc

import extractor  # noqa: F401 - registers the model's components
from extractor.ner.corpus import read_part, split_dev
from extractor.ner.crf import CrfTagger, train_crf
from extractor.ner.evaluate import tag_entities
from extractor.ner.stacking import (
    C_GRID,
    FOLDS,
    THRESHOLDS,
    _f1,
    candidate_features,
    select,
)

REPO = Path(__file__).resolve().parents[2]


def evidence(nlp, vote, sentences, crf=None):
    rows = [s.words for s in sentences]
    with nlp.select_pipes(disable=["ner_vote"]):
        docs = nlp.pipe(Doc(nlp.vocab, words=words) for words in rows)
        cnn = [{(e.start, e.end, e.label_) for e in doc.ents} for doc in docs]
    gold = [set() for _ in sentences]
    for row, a, b, label in tag_entities([s.tags for s in sentences]):
        gold[row].add((a, b, label))
    return vote.evidence(rows, cnn, crf=crf), gold


def table(ev):
    x, where = [], []
    for k, sentence in enumerate(ev):
        for entity in sentence.candidates():
            x.append(candidate_features(sentence, entity))
            where.append((k, entity))
    return numpy.array(x), where


def decode(where, probabilities, threshold, n):
    grouped: dict[int, tuple[list, list]] = {}
    for (k, entity), p in zip(where, probabilities):
        grouped.setdefault(k, ([], []))
        grouped[k][0].append(entity)
        grouped[k][1].append(p)
    out = [set() for _ in range(n)]
    for k, (cands, probs) in grouped.items():
        out[k] = select(cands, probs, threshold)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=REPO / "models/ner-ar")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared/data/ner")
    parser.add_argument("--held-out-crf", type=Path)
    args = parser.parse_args()
    nlp = spacy.load(args.model)
    vote = nlp.get_pipe("ner_vote")
    train, dev = split_dev(read_part(args.data, "anercorp-train"))
    if args.held_out_crf:
        crf = CrfTagger.from_disk(args.held_out_crf)
    else:
        crf = train_crf(train, vote.crf.featurizer, Path("build/crf-held-out"))
    dev_ev, dev_gold = evidence(nlp, vote, dev, crf)
    test_ev, test_gold = evidence(nlp, vote, read_part(args.data, "anercorp-test"))
    xd, wd = table(dev_ev)
    yd = numpy.array([entity in dev_gold[k] for k, entity in wd])
    xt, wt = table(test_ev)
    groups = [k for k, _ in wd]
    print("| C | threshold | dev, 5-fold CV | test (fitted on all dev) |")
    print("| --- | --- | --- | --- |")
    for c in C_GRID:
        held = numpy.zeros(len(yd))
        for fit, held_out in GroupKFold(FOLDS).split(xd, yd, groups):
            model = LogisticRegression(C=c, max_iter=5000).fit(xd[fit], yd[fit])
            held[held_out] = model.predict_proba(xd[held_out])[:, 1]
        full = LogisticRegression(C=c, max_iter=5000).fit(xd, yd)
        on_test = full.predict_proba(xt)[:, 1]
        for threshold in THRESHOLDS:
            cv = _f1(dev_gold, decode(wd, held, threshold, len(dev)))
            test = _f1(test_gold, decode(wt, on_test, threshold, len(test_gold)))
            print(f"| {c} | {threshold} | {cv:.4f} | {test:.4f} |")


if __name__ == "__main__":
    main()
