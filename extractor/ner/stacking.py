"""A learnt combiner over the taggers' entities: stacking instead of a vote.

Two of three taggers agreeing keeps precision high (0.85 on ANERcorp test) but
drops every entity only one tagger found, and a quarter of those are right.
The combiner scores each *candidate* (an entity any tagger found) with a
logistic regression over what the taggers say about it:

* which taggers found it, which found the same words with another type, which
  found an overlapping but different span, how many agree;
* its type, its length, whether it opens with ال or a clitic letter or the
  sentence, and which tagger found it *as* which type (the CRF is better on
  MISC, the BiLSTM on ORG);
* how sure the two CRF taggers are of it: from their marginals, the
  probability of ``B-type`` at its start, the least probability of ``I-type``
  inside it, the probability that it ends where it ends, and their product.

The kept entities are the candidates whose probability reaches a threshold,
most probable first, skipping any that overlaps one already kept.

The regression is fitted on ANERcorp's dev blocks, which none of the taggers
trained on (:func:`fit_combiner`; a second CRF trained without those blocks
stands in for the shipped one): its weight, the regularization and the
threshold are chosen by 5-fold cross-validation over those sentences. At run
time it is a dot product (:class:`Combiner`); scikit-learn is needed only to
fit it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy

from extractor.arabic.normalize import AL, BEH, FEH, LAM, WAW

Entity = tuple[int, int, str]  # start, end (token indices in the sentence), label
Marginals = dict[str, list[float]]  # tag (B-PER, I-PER, O, ...) -> one per token
TYPES = ("PER", "LOC", "ORG", "MISC")
_CLITIC_LETTERS = WAW + BEH + LAM + FEH  # a proclitic may open the word
# what the cross-validation chooses from
C_GRID = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.2 + 0.05 * i, 2) for i in range(9))  # 0.2 .. 0.6
FOLDS = 5


@dataclass
class Evidence:
    """What the taggers said about one sentence.

    ``systems`` are the taggers' entity sets, always in the same order;
    ``marginals`` the tag marginals of the taggers that have them (one dict per
    such tagger, also in a fixed order).
    """

    words: Sequence[str]
    systems: Sequence[set[Entity]]
    marginals: Sequence[Marginals] = field(default_factory=list)

    def candidates(self) -> list[Entity]:
        """Every entity some tagger found, in a fixed order."""
        return sorted(set().union(*self.systems))


def _span_confidence(marginals: Marginals, entity: Entity, n: int) -> list[float]:
    """``B`` at the start, least ``I`` inside, no ``I`` after, their product and its log."""
    start, end, label = entity
    zeros = [0.0] * n
    begin = marginals.get("B-" + label, zeros)[start]
    inside = [marginals.get("I-" + label, zeros)[i] for i in range(start + 1, end)]
    after = 1.0 - marginals.get("I-" + label, zeros)[end] if end < n else 1.0
    score = begin * math.prod(inside) * after
    return [begin, min(inside) if inside else 1.0, after, score, math.log(score + 1e-6)]


def candidate_features(evidence: Evidence, entity: Entity) -> list[float]:
    """The combiner's features of one candidate (module docstring)."""
    start, end, label = entity
    systems = evidence.systems
    found = [entity in system for system in systems]
    votes = sum(found)
    row: list[float] = list(found)
    row += [
        any(e[:2] == (start, end) and e[2] != label for e in system)
        for system in systems
    ]
    row += [
        any(e[0] < end and start < e[1] and e[:2] != (start, end) for e in system)
        for system in systems
    ]
    row += [label == kind for kind in TYPES]
    row += [votes == k for k in range(1, len(systems) + 1)]
    length = end - start
    row += [length == 1, length == 2, length >= 3]
    first = evidence.words[start]
    row += [first.startswith(AL), first[:1] in _CLITIC_LETTERS, start == 0]
    row += [hit and label == kind for hit in found for kind in TYPES]
    for marginals in evidence.marginals:
        row += _span_confidence(marginals, entity, len(evidence.words))
    return [float(value) for value in row]


def select(
    candidates: Sequence[Entity], probabilities: Sequence[float], threshold: float
) -> set[Entity]:
    """The most probable candidates at or above ``threshold`` that overlap none
    more probable (ties: the earlier span)."""
    kept: set[Entity] = set()
    taken: set[int] = set()
    ranked = sorted(zip(probabilities, candidates), key=lambda pc: (-pc[0], pc[1]))
    for probability, (start, end, label) in ranked:
        if probability < threshold:
            break
        span = set(range(start, end))
        if not taken & span:
            kept.add((start, end, label))
            taken |= span
    return kept


@dataclass
class Combiner:
    """A fitted logistic regression over :func:`candidate_features`, and its threshold.

    ``systems`` and ``marginal_systems`` name the taggers in the order the
    evidence must give them (the model card shows them).
    """

    weights: list[float]
    bias: float
    threshold: float
    systems: list[str]
    marginal_systems: list[str]
    report: dict = field(default_factory=dict)

    def probabilities(self, evidence: Evidence) -> tuple[list[Entity], numpy.ndarray]:
        candidates = evidence.candidates()
        if not candidates:
            return [], numpy.zeros(0)
        if len(evidence.systems) != len(self.systems) or len(evidence.marginals) != len(
            self.marginal_systems
        ):
            raise ValueError(
                f"the combiner reads {self.systems} and the marginals of "
                f"{self.marginal_systems}; got {len(evidence.systems)} systems and "
                f"{len(evidence.marginals)} marginals"
            )
        rows = numpy.array([candidate_features(evidence, e) for e in candidates])
        logits = rows @ numpy.asarray(self.weights) + self.bias
        return candidates, 1.0 / (1.0 + numpy.exp(-logits))

    def __call__(self, evidence: Evidence) -> set[Entity]:
        """The entities the combiner keeps in one sentence."""
        candidates, probabilities = self.probabilities(evidence)
        return select(candidates, probabilities.tolist(), self.threshold)

    def to_json(self) -> dict:
        return {
            "weights": self.weights,
            "bias": self.bias,
            "threshold": self.threshold,
            "systems": self.systems,
            "marginal_systems": self.marginal_systems,
            "report": self.report,
        }

    @classmethod
    def from_json(cls, data: dict) -> Combiner:
        return cls(**data)


def candidate_table(
    evidence: Sequence[Evidence],
) -> tuple[numpy.ndarray, list[tuple[int, Entity]]]:
    """Every sentence's candidates as one feature matrix, and where each row
    comes from: ``(sentence index, entity)``."""
    rows, where = [], []
    for k, sentence in enumerate(evidence):
        for entity in sentence.candidates():
            rows.append(candidate_features(sentence, entity))
            where.append((k, entity))
    return numpy.array(rows), where


def select_each(
    where: Sequence[tuple[int, Entity]],
    probabilities: Sequence[float],
    threshold: float,
    n_sentences: int,
) -> list[set[Entity]]:
    """:func:`select` in every sentence of a :func:`candidate_table`."""
    by_sentence: dict[int, tuple[list, list]] = {}
    for (k, entity), p in zip(where, probabilities):
        candidates, probs = by_sentence.setdefault(k, ([], []))
        candidates.append(entity)
        probs.append(p)
    out: list[set[Entity]] = [set() for _ in range(n_sentences)]
    for k, (candidates, probs) in by_sentence.items():
        out[k] = select(candidates, probs, threshold)
    return out


def entity_f1(gold: Sequence[set[Entity]], predicted: Sequence[set[Entity]]) -> float:
    """Micro F1 of per-sentence entity sets (exact span and type)."""
    from extractor.ner.evaluate import count_matches

    def rows(sets: Sequence[set[Entity]]) -> set:
        return {(k, *entity) for k, entities in enumerate(sets) for entity in entities}

    return count_matches(rows(gold), rows(predicted)).prf()[2]


def fit_combiner(
    evidence: Sequence[Evidence],
    gold: Sequence[set[Entity]],
    systems: list[str],
    marginal_systems: list[str],
) -> Combiner | None:
    """Fit the regression on held-out sentences; ``None`` when they give too
    little to learn from (no candidate, or all right, or all wrong).

    ``C`` and the threshold are those of the best F1 over :data:`FOLDS`-fold
    cross-validation, sentences kept whole in their fold.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    x, where = candidate_table(evidence)
    y = numpy.array([entity in gold[k] for k, entity in where])
    groups = [k for k, _ in where]
    if len(set(y.tolist())) < 2 or len(set(groups)) < FOLDS:
        return None

    scores: dict[tuple[float, float], float] = {}
    for c in C_GRID:
        held_out = numpy.zeros(len(y))
        for train, test in GroupKFold(FOLDS).split(x, y, groups):
            if len(set(y[train])) < 2:
                held_out[test] = y[train].mean()
                continue
            model = LogisticRegression(C=c, max_iter=5000).fit(x[train], y[train])
            held_out[test] = model.predict_proba(x[test])[:, 1]
        for threshold in THRESHOLDS:
            chosen = select_each(where, held_out, threshold, len(gold))
            scores[(c, threshold)] = entity_f1(gold, chosen)
    (c, threshold), best = max(scores.items(), key=lambda item: item[1])
    model = LogisticRegression(C=c, max_iter=5000).fit(x, y)
    return Combiner(
        weights=model.coef_[0].tolist(),
        bias=float(model.intercept_[0]),
        threshold=threshold,
        systems=systems,
        marginal_systems=marginal_systems,
        report={
            "C": c,
            "cross_validated_f1": round(best, 4),
            "sentences": len(evidence),
            "candidates": len(y),
        },
    )
