"""The seed CNN as a tagger of word lists, saved in half precision."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example, iob_to_biluo

from extractor.ner.seed_cnn import SeedCnn, cast_weights

SENTENCES = [
    (["قال", "محمد", "العلي", "في", "جدة"], [(1, 3, "PER"), (4, 5, "LOC")]),
    (["زار", "خالد", "السعيد", "الرياض"], [(1, 3, "PER"), (3, 4, "LOC")]),
]


def _tiny_ner() -> spacy.Language:
    nlp = spacy.blank("ar")
    nlp.add_pipe("ner")
    examples = []
    for words, ents in SENTENCES:
        doc = Doc(nlp.vocab, words=words)
        tags = ["O"] * len(words)
        for a, b, label in ents:
            tags[a:b] = [f"B-{label}"] + [f"I-{label}"] * (b - a - 1)
        examples.append(Example.from_dict(doc, {"entities": iob_to_biluo(tags)}))
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=optimizer)
    return nlp


def _params(nlp: spacy.Language) -> list[numpy.ndarray]:
    return [
        node.get_param(name)
        for node in nlp.get_pipe("ner").model.walk()
        for name in node.param_names
        if node.has_param(name)
    ]


def test_tags_word_lists_and_round_trips_in_half_precision(tmp_path: Path) -> None:
    nlp = _tiny_ner()
    seed = SeedCnn(nlp)
    rows = [words for words, _ in SENTENCES] + [[]]
    seed.to_disk(tmp_path / "seed")  # rounds the weights it keeps, too
    assert all(p.dtype == numpy.float32 for p in _params(nlp))
    tagged = seed.tag(rows)
    assert tagged[:2] == [set(ents) for _, ents in SENTENCES] and tagged[2] == set()
    assert not (tmp_path / "seed" / "vocab").exists()  # the pipeline's own is used
    loaded = SeedCnn.from_disk(tmp_path / "seed", nlp.vocab)
    assert loaded.tag(rows) == tagged
    assert all(p.dtype == numpy.float32 for p in _params(loaded.nlp))
    # half the bytes of the same weights saved as float32
    full = tmp_path / "full"
    nlp.to_disk(full)
    half_size = (tmp_path / "seed" / "ner" / "model").stat().st_size
    assert half_size < 0.6 * (full / "ner" / "model").stat().st_size


def test_cast_weights_rounds_to_half_precision() -> None:
    nlp = _tiny_ner()
    before = [p.copy() for p in _params(nlp)]
    cast_weights(nlp, "float16")
    assert all(p.dtype == numpy.float16 for p in _params(nlp))
    cast_weights(nlp, "float32")
    for old, new in zip(before, _params(nlp)):
        assert numpy.allclose(old, new, rtol=1e-3, atol=1e-4)


def test_from_pipeline_moves_the_seed_onto_the_pipelines_vocab(tmp_path: Path) -> None:
    nlp = _tiny_ner()
    nlp.to_disk(tmp_path / "seed-model")  # as train-ner leaves it
    main = spacy.blank("ar")  # the shipped pipeline's vocab: same (no) vectors
    seed = SeedCnn.from_pipeline(tmp_path / "seed-model", main.vocab)
    assert seed.nlp.vocab is main.vocab
    assert seed.tag([SENTENCES[0][0]]) == SeedCnn(nlp).tag([SENTENCES[0][0]])
    other = spacy.blank("ar")
    other.vocab.set_vector("جدة", numpy.ones(4, dtype="float32"))
    with pytest.raises(ValueError, match="not the pipeline's"):
        SeedCnn.from_pipeline(tmp_path / "seed-model", other.vocab)
