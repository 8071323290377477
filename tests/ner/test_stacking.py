"""The combiner: candidate features, greedy selection, fitting and storage."""

from __future__ import annotations

import random

import pytest

from extractor.ner.stacking import (
    Combiner,
    Evidence,
    candidate_features,
    fit_combiner,
    select,
)

WORDS = ["قال", "الرئيس", "محمد", "العلي", "في", "الرياض", "."]


def _marginals(tags: list[str]) -> dict[str, list[float]]:
    """Certain marginals of one tag path."""
    labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    return {label: [float(tag == label) for tag in tags] for label in labels}


def test_features_say_who_found_a_candidate_and_how_sure_the_crfs_are() -> None:
    sure = _marginals(["O", "O", "B-PER", "I-PER", "O", "B-LOC", "O"])
    evidence = Evidence(
        WORDS,
        [{(2, 4, "PER"), (5, 6, "LOC")}, {(2, 4, "PER")}, {(1, 4, "PER")}],
        [sure],
    )
    assert evidence.candidates() == [(1, 4, "PER"), (2, 4, "PER"), (5, 6, "LOC")]
    person = candidate_features(evidence, (2, 4, "PER"))
    wider = candidate_features(evidence, (1, 4, "PER"))
    assert person[:3] == [1.0, 1.0, 0.0]  # found by the first two taggers
    assert person[6:9] == [0.0, 0.0, 1.0]  # the third found an overlapping span
    assert wider[:3] == [0.0, 0.0, 1.0]
    assert len(person) == len(wider) == 3 * 3 + 4 + 3 + 3 + 3 + 4 * 3 + 5
    # the CRF was sure of the person (B, I, then not I) and not of the wider span
    assert person[-5:-1] == [1.0, 1.0, 1.0, 1.0]
    assert wider[-5] == 0.0 and wider[-2] == 0.0


def test_select_keeps_the_most_probable_of_overlapping_candidates() -> None:
    candidates = [(0, 2, "PER"), (1, 3, "ORG"), (4, 5, "LOC"), (6, 7, "MISC")]
    probabilities = [0.6, 0.9, 0.5, 0.2]
    assert select(candidates, probabilities, 0.3) == {(1, 3, "ORG"), (4, 5, "LOC")}
    assert select(candidates, probabilities, 0.95) == set()
    # a tie goes to the earlier span
    assert select([(2, 3, "LOC"), (2, 4, "ORG")], [0.5, 0.5], 0.1) == {(2, 3, "LOC")}


def _story(rng: random.Random, k: int) -> tuple[Evidence, set]:
    """Tagger A finds the sentence's entity when it is there; B adds noise: a
    random span that is right only when A found it too."""
    gold = {(k % 5, k % 5 + 1, "PER")}
    a = set(gold)
    b = {(5, 6, "LOC")} if rng.random() < 0.7 else set(gold)
    words = ["w"] * 8
    return Evidence(words, [a, b]), gold


def test_fit_learns_which_tagger_to_trust_and_round_trips() -> None:
    rng = random.Random(0)
    stories = [_story(rng, k) for k in range(60)]
    combiner = fit_combiner(
        [e for e, _ in stories], [g for _, g in stories], ["a", "b"], []
    )
    assert combiner is not None
    evidence = Evidence(["w"] * 8, [{(1, 2, "PER")}, {(5, 6, "LOC")}])
    assert combiner(evidence) == {(1, 2, "PER")}  # B's lone span is dropped
    assert combiner.report["cross_validated_f1"] == pytest.approx(1.0)
    again = Combiner.from_json(combiner.to_json())
    assert again(evidence) == combiner(evidence)
    with pytest.raises(ValueError, match="reads"):
        again(Evidence(["w"] * 8, [{(1, 2, "PER")}]))


def test_fit_gives_up_when_there_is_nothing_to_learn() -> None:
    evidence = [Evidence(["w"] * 3, [{(0, 1, "PER")}]) for _ in range(10)]
    assert fit_combiner(evidence, [{(0, 1, "PER")}] * 10, ["a"], []) is None
    assert fit_combiner(evidence[:3], [set()] * 3, ["a"], []) is None
