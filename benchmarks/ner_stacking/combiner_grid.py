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

import extractor  # noqa: F401 - registers the model's components
from extractor.ner.corpus import read_part, split_dev
from extractor.ner.crf import CrfTagger, train_crf
from extractor.ner.stacking import (
    C_GRID,
    FOLDS,
    THRESHOLDS,
    candidate_table,
    entity_f1,
    select_each,
)
from extractor.ner.vote_train import held_out_evidence

REPO = Path(__file__).resolve().parents[2]


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
    dev_ev, dev_gold = held_out_evidence(nlp, vote, dev, crf)
    test_ev, test_gold = held_out_evidence(
        nlp, vote, read_part(args.data, "anercorp-test")
    )
    xd, wd = candidate_table(dev_ev)
    yd = numpy.array([entity in dev_gold[k] for k, entity in wd])
    xt, wt = candidate_table(test_ev)
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
            cv = entity_f1(dev_gold, select_each(wd, held, threshold, len(dev_gold)))
            test = entity_f1(
                test_gold, select_each(wt, on_test, threshold, len(test_gold))
            )
            print(f"| {c} | {threshold} | {cv:.4f} | {test:.4f} |")


if __name__ == "__main__":
    main()
