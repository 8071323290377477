"""The NER's Arabic feature columns: STEM and CLITIC from the normalized token."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.tokens import Doc

import extractor  # noqa: F401 - registers the components and the embed layer
from extractor.ner.features import arabic_multi_hash_embed, clitic_split, doc_features

ATTRS = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("ar")
    nlp.add_pipe("civic_normalizer")
    return nlp


def _doc(nlp, words):
    return nlp.get_pipe("civic_normalizer")(Doc(nlp.vocab, words=words))


@pytest.mark.parametrize(
    ("norm", "split"),
    [
        ("وبالرياض", ("وبال", "رياض")),
        ("الرياض", ("ال", "رياض")),
        ("للجنه", ("لل", "جنه")),
        ("محمد", ("", "محمد")),
    ],
)
def test_clitic_split(norm, split):
    assert clitic_split(norm) == split


def test_clitic_variants_share_the_stem_column_only(nlp):
    doc = _doc(nlp, ["وبالرياض", "بالرياض", "الرياض", "الدمام"])
    features = doc_features(doc, ATTRS)
    assert features.shape == (4, len(ATTRS) + 2)
    stem, clitic, norm = features[:, -2], features[:, -1], features[:, 0]
    assert stem[0] == stem[1] == stem[2] != stem[3]
    assert len({int(c) for c in clitic[:3]}) == 3
    assert clitic[2] == clitic[3]  # both carry only the article
    assert len({int(n) for n in norm}) == 4


def test_features_follow_the_normalizer(nlp):
    """Hamza and teh-marbuta spellings give the same ids: the columns read norm_."""
    a = doc_features(_doc(nlp, ["والأمانة"]), ATTRS)
    b = doc_features(_doc(nlp, ["والامانه"]), ATTRS)
    assert a[0, 0] == b[0, 0]
    assert (a[0, -2:] == b[0, -2:]).all()


def test_embed_layer_gives_one_row_per_token(nlp):
    model = arabic_multi_hash_embed(
        width=16,
        attrs=ATTRS,
        rows=[50, 20, 20, 10, 50, 10],
        include_static_vectors=False,
    )
    docs = [_doc(nlp, ["زار", "الأمير", "جدة"]), _doc(nlp, ["افتتح", "المعرض"])]
    model.initialize(X=docs)
    rows = model.predict(docs)
    assert [r.shape for r in rows] == [(3, 16), (2, 16)]


def test_rows_must_cover_every_column():
    with pytest.raises(ValueError, match="rows needs 6"):
        arabic_multi_hash_embed(
            width=16, attrs=ATTRS, rows=[50, 20, 20, 10], include_static_vectors=False
        )


def test_cached_floret_rows_equal_spacys_lookup(tmp_path):
    """The memoized static-vectors layer gives spaCy's numbers, cold and warm."""
    from spacy.ml.staticvectors import forward as spacy_forward
    from spacy.vectors import Vectors

    from extractor.ner.features import cached_static_vectors

    nlp = spacy.blank("ar")
    nlp.add_pipe("civic_normalizer")
    table = numpy.random.default_rng(0).random((64, 8), dtype="float32")
    nlp.vocab.vectors = Vectors(
        strings=nlp.vocab.strings,
        data=table,
        mode="floret",
        minn=2,
        maxn=3,
        hash_count=2,
    )
    docs = [_doc(nlp, ["زار", "الأمير", "جدة", "زار"]), _doc(nlp, ["جدة", "المعرض"])]
    layer = cached_static_vectors(4)
    layer.initialize(X=docs)
    expected, _ = spacy_forward(layer, docs, False)
    for _ in range(2):  # the second call reads memoized rows
        got, _ = layer(docs, is_train=False)
        numpy.testing.assert_allclose(got.data, expected.data, rtol=1e-6)
    assert list(got.lengths) == [4, 2]


def test_types_column_reads_the_lexicon_by_stem(nlp):
    """Clitic variants of a listed stem share its code; unlisted stems share ``""``."""
    lexicon = {"رياض": ["P0L3O0M0b", "", "P1L0O0M0"], "جده": ["P0L3O0M0b", "", ""]}
    doc = _doc(nlp, ["وبالرياض", "الرياض", "زار", "المعرض"])
    features = doc_features(doc, ATTRS, lexicon, 3)
    assert features.shape == (4, len(ATTRS) + 2 + 3)
    types, after = features[:, -3], features[:, -1]
    assert types[0] == types[1] != types[2]
    assert types[2] == types[3]
    assert after[0] == after[1] != after[2]
    # the first column only: the same ids as the TYPES column above
    assert (doc_features(doc, ATTRS, lexicon, 1)[:, -1] == types).all()


def test_type_lexicon_is_read_at_initialize_and_saved_with_the_weights(nlp, tmp_path):
    path = tmp_path / "types.json"
    path.write_text('{"رياض": ["P0L3O0M0b", "", ""]}', encoding="utf-8")

    def build(lexicon_path):
        return arabic_multi_hash_embed(
            width=8,
            attrs=ATTRS,
            rows=[50, 20, 20, 10, 50, 10, 10],
            include_static_vectors=False,
            type_lexicon=lexicon_path,
        )

    docs = [_doc(nlp, ["زار", "الرياض"])]
    model = build(str(path))
    model.initialize(X=docs)
    path.unlink()  # a shipped model never reads the file again
    loaded = build(str(path)).from_bytes(model.to_bytes())
    numpy.testing.assert_allclose(loaded.predict(docs)[0], model.predict(docs)[0])
    features = [node for node in loaded.walk() if node.name == "civic_arabic_features"]
    assert features[0].attrs["type_lexicon"] == {"رياض": ["P0L3O0M0b", "", ""]}


def test_rows_cover_the_types_column_too():
    with pytest.raises(ValueError, match="rows needs 7"):
        arabic_multi_hash_embed(
            width=16,
            attrs=ATTRS,
            rows=[50, 20, 20, 10, 50, 10],
            include_static_vectors=False,
            type_lexicon="types.json",
        )
