"""Entity-level P/R/F1 of an NER pipeline on a CoNLL file.

Docs are built from the file's own tokens (``Doc(nlp.vocab, words=...)``),
so the score measures the model, not the tokenizer. An entity counts when
its token span and its type both match exactly (``PERS`` is read as ``PER``).
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import biluo_tags_to_spans, iob_to_biluo

from extractor.ner.corpus import Sentence, read_conll

Entity = tuple[int, int, int, str]  # sentence index, start token, end token, label


@dataclass
class Scores:
    """Per-label counts of true positives, predictions and gold entities."""

    tp: Counter = field(default_factory=Counter)
    pred: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    words: int = 0
    seconds: float = 0.0

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 of one label, or micro-averaged over all."""
        pick = (lambda c: c[label]) if label else (lambda c: sum(c.values()))
        tp, pred, gold = pick(self.tp), pick(self.pred), pick(self.gold)
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def table(self) -> dict[str, dict[str, float]]:
        """``{label: {p, r, f, n}}`` for every gold label plus ``ALL``."""
        rows = {}
        for label in sorted(self.gold) + [None]:
            p, r, f = self.prf(label)
            n = self.gold[label] if label else sum(self.gold.values())
            rows[label or "ALL"] = {"p": p, "r": r, "f": f, "n": n}
        return rows


def gold_entities(
    sentences: list[Sentence], nlp: Language, doc_sentences: int = 1
) -> tuple[list[Doc], set]:
    """Docs over the sentences' words and the set of gold entities.

    ``doc_sentences`` consecutive sentences make one Doc, with their sentence
    boundaries set (``0``: the whole file is one Doc), so that a component that
    reads a whole article (the vote's document context) can be scored; an
    entity is still ``(sentence index, start, end, label)`` within its sentence.
    """
    size = doc_sentences or len(sentences) or 1
    docs, gold = [], set()
    for first in range(0, len(sentences), size):
        group = sentences[first : first + size]
        words = [w for sent in group for w in sent.words]
        starts = [k == 0 for sent in group for k in range(len(sent.words))]
        doc = Doc(nlp.vocab, words=words, sent_starts=starts if size > 1 else None)
        docs.append(doc)
        for i, sent in enumerate(group, first):
            one = Doc(nlp.vocab, words=sent.words)
            for span in biluo_tags_to_spans(one, iob_to_biluo(sent.tags)):
                gold.add((i, span.start, span.end, span.label_))
    return docs, gold


def score_sentences(
    nlp: Language, sentences: list[Sentence], doc_sentences: int = 1
) -> Scores:
    """Run ``nlp`` over pre-tokenized sentences and count matches."""
    docs, gold = gold_entities(sentences, nlp, doc_sentences)
    size = doc_sentences or len(sentences) or 1
    start = time.perf_counter()
    pred = set()
    for d, doc in enumerate(nlp.pipe(docs, batch_size=max(1, 256 // size))):
        group = range(d * size, min(d * size + size, len(sentences)))
        offsets = list(accumulate((len(sentences[i].words) for i in group), initial=0))
        for ent in doc.ents:
            k = bisect_right(offsets, ent.start) - 1  # the sentence it starts in
            a, b = ent.start - offsets[k], ent.end - offsets[k]
            if b <= offsets[k + 1] - offsets[k]:  # across a boundary: no entity
                pred.add((group[k], a, b, ent.label_))
    scores = count_matches(gold, pred)
    scores.seconds = time.perf_counter() - start
    scores.words = sum(len(doc) for doc in docs)
    return scores


def tag_entities(tag_rows: list[list[str]]) -> set[Entity]:
    """``(row, start, end, label)`` of every entity in rows of repaired IOB2 tags
    (:func:`~extractor.ner.corpus.repair_bio`): what another tagger's output or
    a corpus's gold tags are scored as, without building Docs."""
    found = set()
    for i, tags in enumerate(tag_rows):
        start = label = None
        for k, tag in enumerate([*tags, "O"]):
            if tag == "O" or tag.startswith("B-"):
                if start is not None:
                    found.add((i, start, k, label))
                    start = None
                if tag.startswith("B-"):
                    start, label = k, tag[2:]
    return found


def count_matches(gold: set, pred: set) -> Scores:
    """Per-label counts of ``(sentence, start, end, label)`` entities: an exact
    span and type match is a true positive."""
    scores = Scores()
    for ent in gold:
        scores.gold[ent[3]] += 1
    for ent in pred:
        scores.pred[ent[3]] += 1
        scores.tp[ent[3]] += ent in gold
    return scores


def evaluate_file(nlp: Language, path: Path, doc_sentences: int = 1) -> Scores:
    """Score ``nlp`` on a CoNLL file (see :func:`~extractor.ner.corpus.read_conll`)."""
    return score_sentences(nlp, list(read_conll(path)), doc_sentences)


def format_table(scores: Scores) -> str:
    """A plain-text P/R/F1 table with the speed line."""
    lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'n':>6}"]
    for label, row in scores.table().items():
        lines.append(
            f"{label:<6} {row['p']:6.3f} {row['r']:6.3f} {row['f']:6.3f} {row['n']:6d}"
        )
    wps = scores.words / scores.seconds if scores.seconds else 0.0
    lines.append(f"{scores.words} words in {scores.seconds:.1f} s: {wps:,.0f} words/s")
    return "\n".join(lines)
