"""The BiLSTM-CNN-CRF tagger: its CRF, valid BIO output, and training end to end.

The CRF and output checks use a small in-memory floret table and need nothing
else; training runs on a slice of ANERcorp with the shipped model's vectors
and type lexicon, and skips when ../shared or the model is absent.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy
import pytest
import spacy
import torch
from spacy.strings import StringStore
from spacy.vectors import Vectors

import extractor  # noqa: F401 - registers the shipped model's custom layers
from extractor.ner.bilstm import (
    TAGS,
    BiLstmTagger,
    Settings,
    Tables,
    _Crf,
    train_bilstm,
)
from extractor.ner.corpus import Sentence, read_conll, repair_bio, split_dev

REPO = Path(__file__).resolve().parents[2]
MODEL = REPO / "models" / "ner-ar"
ANER_TRAIN = REPO.parent / "shared/data/ner/anercorp-camel/ANERCorp_CamelLab_train.txt"
SMALL = Settings(char_dim=8, filters=8, type_dim=4, clitic_dim=4, hidden=16)

ODD_INPUTS = [
    [],
    [".", ",", "!", "؟", "«", "»", "(", ")", "-", "..."],
    ["زار", "الأمير", "فيصل", "بن", "سلمان", "مدينة", "جدة", "."],
    ["", "محمد"],  # an empty token
    ["x" * 80, "١٢٣", "مع", "🙂"],
    ["الرياض"] * 120,
]


def _floret_table() -> Vectors:
    """A random 8-d floret table (200 buckets), standing in for the model's."""
    data = numpy.random.default_rng(0).normal(size=(200, 8)).astype("float32")
    return Vectors(
        strings=StringStore(),
        data=data,
        mode="floret",
        minn=3,
        maxn=5,
        hash_count=2,
        attr="NORM",
    )


def _is_valid_bio(tags: list[str]) -> bool:
    return all(tag in TAGS for tag in tags) and repair_bio(tags) == tags


TOY_TAGS = ["O", "B-X", "I-X", "B-Y"]


def _toy_crf(seed: int) -> tuple[_Crf, torch.Tensor]:
    """A CRF over :data:`TOY_TAGS` with random scores, and random emissions
    for a batch of two 4-token rows."""
    torch.manual_seed(seed)
    crf = _Crf(TOY_TAGS)
    for param in (crf.transitions, crf.start, crf.end):
        param.normal_()
    return crf, torch.randn(2, 4, 4)


def _all_paths(crf: _Crf, emissions: torch.Tensor, length: int) -> dict:
    """Every tag path of one row's first ``length`` tokens -> its score."""
    transitions, start = crf.scores()
    scores = {}
    for path in itertools.product(range(len(TOY_TAGS)), repeat=length):
        score = start[path[0]] + emissions[0, path[0]] + crf.end[path[-1]]
        for t in range(1, length):
            score = score + transitions[path[t - 1], path[t]] + emissions[t, path[t]]
        scores[path] = score
    return scores


@torch.no_grad()
def test_crf_likelihood_and_viterbi_match_brute_force() -> None:
    """The NLL of a path is log Z minus its score, over all paths enumerated,
    and Viterbi finds the best one, also in a padded batch row."""
    crf, emissions = _toy_crf(0)
    mask = torch.tensor([[1, 1, 1, 1], [1, 1, 0, 0]], dtype=torch.bool)
    for b in range(2):
        length = int(mask[b].sum())
        scores = _all_paths(crf, emissions[b], length)
        log_z = torch.logsumexp(torch.stack(list(scores.values())), 0)
        best = max(scores, key=lambda path: float(scores[path]))
        gold = torch.zeros(1, 4, dtype=torch.long)
        gold[0, :length] = torch.tensor(best)
        nll = crf.nll(emissions[b : b + 1], gold, mask[b : b + 1])
        assert float(nll) == pytest.approx(float(log_z - scores[best]), abs=1e-4)
        assert crf.viterbi(emissions[b : b + 1], mask[b : b + 1]) == [list(best)]
        best_tags = [TOY_TAGS[i] for i in best]
        assert repair_bio(best_tags) == best_tags


@torch.no_grad()
def test_crf_marginals_match_brute_force() -> None:
    """A tag's marginal at a token is the share of all paths' probability
    through it (enumerated), also in a padded batch row, and sums to 1."""
    crf, emissions = _toy_crf(1)
    mask = torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]], dtype=torch.bool)
    marginals = crf.marginals(emissions, mask)
    for b in range(2):
        length = int(mask[b].sum())
        expected = torch.zeros(length, 4, dtype=torch.float64)
        for path, score in _all_paths(crf, emissions[b], length).items():
            for t, tag in enumerate(path):
                expected[t, tag] += float(torch.exp(score.double()))
        expected /= expected[0].sum()  # every path passes token 0 once
        got = marginals[b, :length].double()
        assert torch.allclose(got, expected, atol=1e-5)
        assert torch.allclose(got.sum(1), torch.ones(length, dtype=torch.float64))
        assert float(got[0, 2]) < 1e-6  # no sentence starts inside an entity


def test_output_is_valid_bio_even_with_wild_weights() -> None:
    """Random large emissions and transitions cannot break BIO: the constraints
    are in the CRF, not learned."""
    torch.manual_seed(3)
    sentences = [Sentence(words, ["O"] * len(words)) for words in ODD_INPUTS]
    tagger = BiLstmTagger(Tables.build(sentences, {}), SMALL, _floret_table())
    with torch.no_grad():
        tagger.network.output.bias.normal_(0, 20)
        tagger.network.output.weight.normal_(0, 5)
        tagger.network.crf.transitions.normal_(0, 20)
    tagged = tagger.tag(ODD_INPUTS)
    assert [len(tags) for tags in tagged] == [len(words) for words in ODD_INPUTS]
    assert all(_is_valid_bio(tags) for tags in tagged)
    assert any(tag.startswith("I-") for tags in tagged for tag in tags)
    assert tagger.tag([]) == []
    with_marginals = tagger.tag_marginals(ODD_INPUTS)
    assert [tags for tags, _ in with_marginals] == tagged
    for words, (_, marginals) in zip(ODD_INPUTS, with_marginals):
        assert sorted(marginals) == (sorted(TAGS) if words else [])
        for t in range(len(words)):
            assert sum(column[t] for column in marginals.values()) == pytest.approx(
                1, abs=1e-4
            )


@pytest.fixture(scope="module")
def shipped() -> tuple[Vectors, dict]:
    """The shipped model's floret vectors and type lexicon."""
    if not (MODEL / "config.cfg").is_file():
        pytest.skip(f"{MODEL} is not built")
    nlp = spacy.load(MODEL)
    lexicon = next(
        node.attrs["type_lexicon"]
        for node in nlp.get_pipe("tok2vec").model.walk()
        if node.attrs.get("type_lexicon")
    )
    return nlp.vocab.vectors, lexicon


@pytest.fixture(scope="module")
def anercorp_slice() -> tuple[list[Sentence], list[Sentence]]:
    """60 training sentences and 20 dev sentences of ANERcorp's train split."""
    if not ANER_TRAIN.is_file():
        pytest.skip(f"{ANER_TRAIN} is absent (a user's clone has no ../shared)")
    train, dev = split_dev(list(read_conll(ANER_TRAIN)))
    return train[:60], dev[:20]


def _train_tiny(shipped, anercorp_slice) -> BiLstmTagger:
    vectors, lexicon = shipped
    train, dev = anercorp_slice
    return train_bilstm(
        train, dev, vectors, lexicon, max_epochs=2, settings=SMALL, log=lambda _: None
    )


def test_training_saves_loads_and_repeats(tmp_path, shipped, anercorp_slice) -> None:
    vectors, _ = shipped
    train, dev = anercorp_slice
    tagger = _train_tiny(shipped, anercorp_slice)
    losses = [record["loss"] for record in tagger.history]
    assert len(losses) == 2 and losses[1] < losses[0]

    words = [sent.words for sent in train[:10] + dev] + ODD_INPUTS
    tagged = tagger.tag(words)
    assert all(_is_valid_bio(tags) for tags in tagged)
    tagger.to_disk(tmp_path / "bilstm")
    assert sorted(p.name for p in (tmp_path / "bilstm").iterdir()) == [
        "model.pt",
        "tables.json",
    ]
    loaded = BiLstmTagger.from_disk(tmp_path / "bilstm", vectors)
    assert loaded.tag(words) == tagged
    assert loaded.history == tagger.history

    again = _train_tiny(shipped, anercorp_slice)
    assert again.history[-1]["loss"] == tagger.history[-1]["loss"]
    assert again.tag(words) == tagged


def test_from_disk_rejects_other_vectors(tmp_path) -> None:
    sentences = [Sentence(["زار", "جدة"], ["O", "B-LOC"])]
    tagger = BiLstmTagger(Tables.build(sentences, {}), SMALL, _floret_table())
    tagger.to_disk(tmp_path)
    other = Vectors(
        strings=StringStore(), data=numpy.zeros((10, 4), dtype="float32"), mode="floret"
    )
    with pytest.raises(ValueError, match="8-d vectors"):
        BiLstmTagger.from_disk(tmp_path, other)
