"""The seed CNN as the combiner's fourth tagger, stored in half precision.

``train-ner`` trains a *seed* CNN before the shipped one: the same network
without the corpus type lexicon, its tok2vec pretrained on SaudiNewsNet, made
to tag the news into that lexicon (:mod:`extractor.ner.lexicon`). Alone it is
the weakest tagger (0.668 on ANERcorp test), but it errs unlike the shipped
CNN, and as a fourth voice for the combiner (:mod:`extractor.ner.stacking`)
it is worth +0.008 sentence by sentence.

It shares the shipped pipeline's vocab and floret vectors (the same table), so
only its tok2vec and NER weights are saved: as float16, 6 MB instead of 12,
which keeps the model under the issue's 50 MB. Rounding the weights to half
precision changed 2 of its 2,000 entities on ANERcorp test.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

Entity = tuple[int, int, str]


def cast_weights(nlp: Language, dtype: str) -> None:
    """Cast every parameter of ``nlp``'s trainable components to ``dtype``."""
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            for name in node.param_names:
                if node.has_param(name):
                    value = node.get_param(name)
                    if value.dtype != numpy.dtype(dtype):
                        node.set_param(name, value.astype(dtype))


class SeedCnn:
    """A spaCy NER pipeline (normalizer, tok2vec, ner) tagging word lists."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def tag(self, sentences: Iterable[list[str]]) -> list[set[Entity]]:
        """The entities of every sentence, as ``(start, end, label)``."""
        rows = list(sentences)
        docs = self.nlp.pipe(
            Doc(self.nlp.vocab, words=words) for words in rows if words
        )
        return [
            {(e.start, e.end, e.label_) for e in next(docs).ents} if words else set()
            for words in rows
        ]

    def to_disk(self, path: Path) -> None:
        """Save without the vocab, the weights as float16."""
        cast_weights(self.nlp, "float16")
        try:
            self.nlp.to_disk(path, exclude=["vocab"])
        finally:
            cast_weights(self.nlp, "float32")

    @classmethod
    def from_disk(cls, path: Path, vocab: Vocab) -> SeedCnn:
        """Load a :meth:`to_disk` folder onto ``vocab`` (the shipped pipeline's)."""
        nlp = spacy.util.load_model_from_path(
            Path(path), vocab=vocab, exclude=["vocab"]
        )
        cast_weights(nlp, "float32")
        return cls(nlp)

    @classmethod
    def from_pipeline(cls, path: Path, vocab: Vocab) -> SeedCnn:
        """The seed model as ``train-ner`` wrote it (a full spaCy pipeline),
        moved onto ``vocab``, whose vectors must be the seed's own."""
        own = spacy.load(path)
        if not numpy.array_equal(own.vocab.vectors.data, vocab.vectors.data):
            raise ValueError(f"{path}: the seed's vectors are not the pipeline's")
        nlp = spacy.util.load_model_from_path(
            Path(path), vocab=vocab, exclude=["vocab"]
        )
        return cls(nlp)
