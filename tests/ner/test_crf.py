"""The vote's feature CRF: features, training on a tiny corpus, save and load."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.ner.corpus import Sentence
from extractor.ner.crf import CrfTagger, Featurizer, WordClusters, shape, train_crf

PEOPLE = ["محمد العلي", "خالد السعيد", "سعد الحربي", "فهد القحطاني"]
PLACES = ["الرياض", "جدة", "القاهرة", "بيروت"]


def _sentence(i: int) -> Sentence:
    person = PEOPLE[i % len(PEOPLE)].split()
    words = ["قال", "الدكتور", *person, "في", PLACES[i % len(PLACES)], "."]
    tags = ["O", "O", "B-PER", "I-PER", "O", "B-LOC", "O"]
    return Sentence(words, tags)


def test_shape() -> None:
    assert [shape(w) for w in ("2015", "H1N1", "Saudi", "،", "جدة")] == list("DdLPA")


def test_features_read_clusters_lexicon_and_neighbours() -> None:
    clusters = WordClusters({"الرياض": 7, "في": 3})
    lexicon = {"رياض": ["P0L9O0M0", "-", "-"]}
    rows = Featurizer(clusters, lexicon).sentence(["في", "بالرياض"])
    second = set(rows[1])
    assert "0:n=بالرياض" in second and "0:stem=رياض" in second
    assert "0:cl=بال" in second
    # the stem's cluster falls back to the stem with the article
    assert "0:c=x" in second and "0:cs=7" in second
    assert "0:lexTL=9" in second and "-1:c=3" in second and "1:EOS" in second


def test_trains_saves_and_loads(tmp_path: Path) -> None:
    train = [_sentence(i) for i in range(40)]
    featurizer = Featurizer(WordClusters({"الرياض": 1, "جدة": 1}), None)
    tagger = train_crf(train, featurizer, tmp_path / "crf", max_iterations=30)
    unseen = [["قال", "الدكتور", "سعد", "العلي", "في", "جدة", "."], [], ["."]]
    tags = tagger.tag(unseen)
    assert tags[0] == ["O", "O", "B-PER", "I-PER", "O", "B-LOC", "O"]
    assert tags[1] == [] and tags[2] == ["O"]
    loaded = CrfTagger.from_disk(tmp_path / "crf")
    assert loaded.tag(unseen) == tags
    with_marginals = loaded.tag_marginals(unseen)
    assert [row for row, _ in with_marginals] == tags
    marginals = with_marginals[0][1]
    for t, tag in enumerate(tags[0]):  # the best path's tags are the likeliest here
        assert sum(column[t] for column in marginals.values()) == pytest.approx(1)
        assert max(marginals, key=lambda label: marginals[label][t]) == tag
    assert with_marginals[1] == ([], {})
    assert loaded.featurizer.clusters.table == {"الرياض": 1, "جدة": 1}
